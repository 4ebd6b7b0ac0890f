/**
 * Compiles parsed policies once into matchers, grouped by layer and indexed by service prefix, so
 * that evaluating many requests against the same policies repeats no parsing and builds no RegExp.
 */
import { type ActionMatcher, compileActions } from './action.js';
import type { CompiledCondition } from './conditions/types.js';
import type { ParsedPolicy, ParsedStatement } from './parse.js';
import type { PrincipalEntry } from './principal.js';
import type { PreparedRequest } from './request.js';
import { compileResources, type ResourceMatch, wholeGlobs } from './resource.js';
import type { StatementRef } from './types.js';
import { variableKeys } from './variables.js';

/** A statement ready to test requests. */
export interface CompiledStatement {
  readonly ref: StatementRef;
  readonly effect: 'Allow' | 'Deny';
  readonly actions: ActionMatcher;
  /** True for NotAction: the statement applies to actions the list does not match. */
  readonly notAction: boolean;
  /** Resource or NotResource patterns that match the whole ARN as globs; else {@link resources} when present. */
  readonly resourceGlobs: readonly string[] | undefined;
  readonly resources: ResourceMatch | undefined;
  /** The keys of the policy variables in Resource or NotResource, lower-cased; undefined when none. */
  readonly resourceVariables: readonly string[] | undefined;
  readonly notResource: boolean;
  readonly principal: readonly PrincipalEntry[] | undefined;
  readonly notPrincipal: boolean;
  readonly conditions: readonly CompiledCondition[];
}

/** The statements of one layer (or one SCP/RCP level), indexed by service prefix. */
export interface CompiledLayer {
  readonly statements: readonly CompiledStatement[];
  /** Statements that can apply to actions of a service, in policy order. */
  readonly byService: ReadonlyMap<string, readonly CompiledStatement[]>;
  /** Statements that can apply to any service (wildcard service, NotAction), in policy order. */
  readonly anyService: readonly CompiledStatement[];
  /**
   * For each action the layer names without wildcards (in Action or NotAction), the statements whose
   * Action or NotAction element applies to it, in policy order: their action test was done at compile time.
   */
  readonly byAction: ReadonlyMap<string, readonly CompiledStatement[]>;
  /** Number of policies in the layer; a layer with none is not applicable. */
  readonly policyCount: number;
}

function compileStatement(policy: ParsedPolicy, s: ParsedStatement): CompiledStatement {
  const ref: StatementRef = {
    policy: policy.source.name,
    index: s.index,
    effect: s.effect,
    ...(policy.source.file !== undefined ? { file: policy.source.file } : {}),
    ...(s.sid !== undefined ? { sid: s.sid } : {}),
  };
  const resourceList = s.resource ?? s.notResource;
  const globs = resourceList && wholeGlobs(resourceList, policy.substitute);
  return {
    ref,
    effect: s.effect,
    actions: compileActions(s.action ?? s.notAction ?? []),
    notAction: s.notAction !== undefined,
    resourceGlobs: globs,
    resources: resourceList && !globs ? compileResources(resourceList, policy.substitute) : undefined,
    resourceVariables: resourceList && variableKeys(resourceList, policy.substitute),
    notResource: s.notResource !== undefined,
    principal: s.principal ?? s.notPrincipal,
    notPrincipal: s.notPrincipal !== undefined,
    conditions: s.conditions,
  };
}

/** Compiles the policies of one layer. */
export function compileLayer(policies: readonly ParsedPolicy[]): CompiledLayer {
  const statements = policies.flatMap((p) => p.statements.map((s) => compileStatement(p, s)));
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
  return {
    statements,
    byService,
    anyService,
    byAction: indexActions(statements, byService, anyService),
    policyCount: policies.length,
  };
}

/**
 * How many action tests the index may cost a layer at compile time. A layer's own names are what its
 * requests usually ask for; past the budget (thousands of names against thousands of statements of one
 * service) the rest are tested per request instead, as without the index.
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

/** The statements of a layer that can apply to a request's action. */
export function candidates(layer: CompiledLayer, req: PreparedRequest): readonly CompiledStatement[] {
  return layer.byService.get(req.service) ?? layer.anyService;
}
