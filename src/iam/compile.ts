/**
 * Compiles parsed policies once into matchers, grouped by layer and indexed by service prefix, so
 * that evaluating many requests against the same policies repeats no parsing and builds no RegExp.
 */
import { type ActionMatcher, compileActions } from './action.js';
import type { CompiledCondition } from './conditions/types.js';
import type { ParsedPolicy, ParsedStatement } from './parse.js';
import type { PrincipalEntry } from './principal.js';
import type { PreparedRequest } from './request.js';
import { compileResources, type ResourceMatch } from './resource.js';
import type { StatementRef } from './types.js';

/** A statement ready to test requests. */
export interface CompiledStatement {
  readonly ref: StatementRef;
  readonly effect: 'Allow' | 'Deny';
  readonly actions: ActionMatcher;
  /** True for NotAction: the statement applies to actions the list does not match. */
  readonly notAction: boolean;
  readonly resources: ResourceMatch | undefined;
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
  return {
    ref,
    effect: s.effect,
    actions: compileActions(s.action ?? s.notAction ?? []),
    notAction: s.notAction !== undefined,
    resources: resourceList ? compileResources(resourceList, policy.substitute) : undefined,
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
  return { statements, byService, anyService: statements.filter(spans), policyCount: policies.length };
}

/** The statements of a layer that can apply to a request's action. */
export function candidates(layer: CompiledLayer, req: PreparedRequest): readonly CompiledStatement[] {
  return layer.byService.get(req.service) ?? layer.anyService;
}
