/**
 * The registry: every check the preflight runs, in the order their findings are reported (a request's path, from the
 * token to the permissions). The pipeline runs what is listed here and nothing else, and derives "nothing was
 * verified" from it; __tests__/checks/registry.test.ts fails when a check file under src/checks/ is not listed. Each
 * check loads on first use, so a run that checks only tokens never loads the policy engine (a cold-start cost). To
 * add a check, see ARCHITECTURE.md.
 */
import type { Check, RoleCheck, TokenCheck, WorkflowCheck } from './check.js';

export type * from './check.js';

/** A registered check: its file (for the guard test), its scope, and how to load it. */
export interface RegisteredCheck {
  /** The check's file under src/checks/, without `.ts`; it is also the check's id. */
  readonly file: string;
  readonly scope: Check['scope'];
  readonly load: () => Promise<Check>;
}

/** Every check, in report order. */
export const CHECKS: readonly RegisteredCheck[] = [
  { file: 'token', scope: 'token', load: async () => (await import('./token.js')).tokenCheck },
  { file: 'provider', scope: 'role', load: async () => (await import('./provider.js')).oidcProviderCheck },
  { file: 'trust', scope: 'role', load: async () => (await import('./trust.js')).trustCheck },
  { file: 'chained-trust', scope: 'role', load: async () => (await import('./chained-trust.js')).chainedTrustCheck },
  { file: 'session', scope: 'role', load: async () => (await import('./session.js')).sessionCheck },
  { file: 'live-probe', scope: 'role', load: async () => (await import('./live-probe.js')).liveProbeCheck },
  { file: 'permissions', scope: 'role', load: async () => (await import('./permissions.js')).permissionsCheck },
  { file: 'cross-check', scope: 'role', load: async () => (await import('./cross-check.js')).crossCheck },
  { file: 'github-token', scope: 'workflow', load: async () => (await import('./github-token.js')).githubTokenCheck },
];

/** The checks run once per token, loaded. */
export async function loadTokenChecks(): Promise<TokenCheck[]> {
  const checks = await Promise.all(CHECKS.filter((c) => c.scope === 'token').map((c) => c.load()));
  return checks.filter((c): c is TokenCheck => c.scope === 'token');
}

/** The checks run once per role, loaded. */
export async function loadRoleChecks(): Promise<RoleCheck[]> {
  const checks = await Promise.all(CHECKS.filter((c) => c.scope === 'role').map((c) => c.load()));
  return checks.filter((c): c is RoleCheck => c.scope === 'role');
}

/** The checks run once over the deploy workflows, loaded. */
export async function loadWorkflowChecks(): Promise<WorkflowCheck[]> {
  const checks = await Promise.all(CHECKS.filter((c) => c.scope === 'workflow').map((c) => c.load()));
  return checks.filter((c): c is WorkflowCheck => c.scope === 'workflow');
}
