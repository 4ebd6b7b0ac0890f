/**
 * Compiles parsed policies into matchers, grouped by layer and indexed by service prefix, so that evaluating many
 * requests against the same policies repeats no parsing and builds no RegExp.
 *
 * Compiling is lazy, so that a policy set asked one question (a `simulate` case) pays only for what that question
 * reaches: a statement's Action list is read as it is on its first test and compiled on its second; its Resource
 * list is compiled on its first test; a layer is tested statement by statement on its first request and indexed by
 * service and action on its second. Each piece, once built, is kept: a preflight that asks hundreds of questions
 * of one policy set builds each once.
 */
import { type ActionMatcher, actionListMatches, compileActions } from './action.js';
import type { CompiledCondition } from './conditions/types.js';
import type { ParsedPolicy, ParsedStatement } from './parse.js';
import type { PrincipalEntry } from './principal.js';
import type { PreparedRequest } from './request.js';
import { compileResources, type ResourceMatch, wholeGlobs } from './resource.js';
import type { StatementRef } from './types.js';
import { variableKeys } from './variables.js';

/** A statement ready to test requests; each matcher is built on first use. */
export class CompiledStatement {
  readonly effect: 'Allow' | 'Deny';
  /** True for NotAction: the statement applies to actions the list does not match. */
  readonly notAction: boolean;
  readonly notResource: boolean;
  readonly principal: readonly PrincipalEntry[] | undefined;
  readonly notPrincipal: boolean;
  readonly conditions: readonly CompiledCondition[];
  private builtRef: StatementRef | undefined = undefined;
  private builtActions: ActionMatcher | undefined = undefined;
  /** How many action tests ran before the list was compiled (the first reads the list as it is). */
  private actionTests = 0;
  private resourcesBuilt = false;
  private globs: readonly string[] | undefined = undefined;
  private matcher: ResourceMatch | undefined = undefined;
  private variables: readonly string[] | undefined = undefined;

  constructor(
    private readonly policy: ParsedPolicy,
    private readonly parsed: ParsedStatement,
  ) {
    this.effect = parsed.effect;
    this.notAction = parsed.notAction !== undefined;
    this.notResource = parsed.notResource !== undefined;
    this.principal = parsed.principal ?? parsed.notPrincipal;
    this.notPrincipal = parsed.notPrincipal !== undefined;
    this.conditions = parsed.conditions;
  }

  /** Where the statement sits, for reports. Built once, so that every report of it holds the same object. */
  get ref(): StatementRef {
    let ref = this.builtRef;
    if (ref === undefined) {
      const { policy, parsed } = this;
      const built: { -readonly [K in keyof StatementRef]: StatementRef[K] } = {
        policy: policy.source.name,
        index: parsed.index,
        effect: parsed.effect,
      };
      if (policy.source.file !== undefined) built.file = policy.source.file;
      if (parsed.sid !== undefined) built.sid = parsed.sid;
      ref = built;
      this.builtRef = ref;
    }
    return ref;
  }

  /** The compiled Action or NotAction list. */
  get actions(): ActionMatcher {
    let actions = this.builtActions;
    if (actions === undefined) {
      actions = compileActions(this.parsed.action ?? this.parsed.notAction ?? []);
      this.builtActions = actions;
    }
    return actions;
  }

  /** Whether the Action or NotAction list matches a lower-cased action (before NotAction inverts it). */
  actionMatches(actionLower: string): boolean {
    const actions = this.builtActions;
    if (actions !== undefined) return actions.matches(actionLower);
    // One test reads the list as it is; a second one compiles it.
    if (this.actionTests++ > 0) return this.actions.matches(actionLower);
    return actionListMatches(this.parsed.action ?? this.parsed.notAction ?? [], actionLower);
  }

  /** Resource or NotResource patterns that match the whole ARN as globs; else {@link resources} when present. */
  get resourceGlobs(): readonly string[] | undefined {
    if (!this.resourcesBuilt) this.buildResources();
    return this.globs;
  }

  get resources(): ResourceMatch | undefined {
    if (!this.resourcesBuilt) this.buildResources();
    return this.matcher;
  }

  /** The keys of the policy variables in Resource or NotResource, lower-cased; undefined when none. */
  get resourceVariables(): readonly string[] | undefined {
    if (!this.resourcesBuilt) this.buildResources();
    return this.variables;
  }

  private buildResources(): void {
    const list = this.parsed.resource ?? this.parsed.notResource;
    const substitute = this.policy.substitute;
    if (list !== undefined) {
      const globs = wholeGlobs(list, substitute);
      this.globs = globs;
      if (!globs) this.matcher = compileResources(list, substitute);
      this.variables = variableKeys(list, substitute);
    }
    this.resourcesBuilt = true;
  }
}

/** The index of a layer's statements by service prefix and by action name. */
export interface LayerIndex {
  /** Statements that can apply to actions of a service, in policy order. */
  readonly byService: ReadonlyMap<string, readonly CompiledStatement[]>;
  /** Statements that can apply to any service (wildcard service, NotAction), in policy order. */
  readonly anyService: readonly CompiledStatement[];
  /**
   * For each action the layer names without wildcards (in Action or NotAction), the statements whose
   * Action or NotAction element applies to it, in policy order: their action test was done when indexing.
   */
  readonly byAction: ReadonlyMap<string, readonly CompiledStatement[]>;
}

/** The statements of one layer (or one SCP/RCP level). */
export class CompiledLayer {
  readonly statements: readonly CompiledStatement[];
  /** Number of policies in the layer; a layer with none is not applicable. */
  readonly policyCount: number;
  private built: LayerIndex | undefined = undefined;
  private requests = 0;

  constructor(policies: readonly ParsedPolicy[]) {
    const statements: CompiledStatement[] = [];
    for (const p of policies) for (const s of p.statements) statements.push(new CompiledStatement(p, s));
    this.statements = statements;
    this.policyCount = policies.length;
  }

  /**
   * The index, built on the layer's second request: a layer asked one question is cheaper tested statement by
   * statement than indexed. Undefined until then.
   */
  index(): LayerIndex | undefined {
    const built = this.built;
    if (built !== undefined) return built;
    if (this.requests++ === 0) return undefined;
    this.built = buildIndex(this.statements);
    return this.built;
  }
}

/** Compiles the policies of one layer. */
export function compileLayer(policies: readonly ParsedPolicy[]): CompiledLayer {
  return new CompiledLayer(policies);
}

function buildIndex(statements: readonly CompiledStatement[]): LayerIndex {
  const services = new Set<string>();
  for (const s of statements) if (!s.notAction) for (const svc of s.actions.services ?? []) services.add(svc);
  const spans = (s: CompiledStatement) => s.notAction || s.actions.services === undefined;
  const byService = new Map<string, CompiledStatement[]>();
  for (const svc of services) {
    byService.set(
      svc,
      statements.filter((s) => spans(s) || s.actions.services?.has(svc)),
    );
  }
  const anyService = statements.filter(spans);
  return { byService, anyService, byAction: indexActions(statements, byService, anyService) };
}

/**
 * How many action tests the index may cost a layer. A layer's own names are what its requests usually ask for;
 * past the budget (thousands of names against thousands of statements of one service) the rest are tested per
 * request instead, as without the index.
 */
const INDEX_BUDGET = 100_000;

function indexActions(
  statements: readonly CompiledStatement[],
  byService: ReadonlyMap<string, readonly CompiledStatement[]>,
  anyService: readonly CompiledStatement[],
): Map<string, readonly CompiledStatement[]> {
  const index = new Map<string, readonly CompiledStatement[]>();
  let budget = INDEX_BUDGET;
  for (const statement of statements) {
    for (const name of statement.actions.names) {
      if (index.has(name)) continue;
      const colon = name.indexOf(':');
      const list = byService.get(colon < 0 ? name : name.slice(0, colon)) ?? anyService;
      budget -= list.length;
      if (budget < 0) return index;
      index.set(
        name,
        list.filter((s) => s.actions.matches(name) !== s.notAction),
      );
    }
  }
  return index;
}

/** The statements of a layer that can apply to a request's action, by the index. */
export function candidates(index: LayerIndex, req: PreparedRequest): readonly CompiledStatement[] {
  return index.byService.get(req.service) ?? index.anyService;
}
