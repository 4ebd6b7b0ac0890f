/**
 * The check's settings from the configuration (the `github` section of schema/preflight.schema.json): `read` is
 * GitHub's restricted default, `write` its permissive one; unset, the default is unknown and fails closed
 * (https://docs.github.com/en/actions/security-for-github-actions/security-guides/automatic-token-authentication#permissions-for-the-github_token).
 */
import type { GitHubTokenConfig } from '../../config/model.js';
import type { RunnerFacts } from '../../model/runner.js';
import type { ScopeNeed } from '../../workflows/github-token/actions-table.js';
import { isScope } from '../../workflows/github-token/scopes.js';
import type { GitHubTokenSettings } from '../../workflows/github-token/types.js';

/** The settings the check runs with. */
export function tokenSettingsOf(config: GitHubTokenConfig | undefined, runner?: RunnerFacts): GitHubTokenSettings {
  const d = config?.defaultTokenPermissions;
  const jobNeeds: Record<string, ScopeNeed[]> = {};
  for (const [job, scopes] of Object.entries(config?.jobTokenNeeds ?? {})) {
    jobNeeds[job] = Object.entries(scopes).flatMap(([scope, level]) => (isScope(scope) ? [{ scope, level }] : []));
  }
  return {
    defaultPermissions: d === 'write' ? 'permissive' : d === 'read' ? 'restricted' : 'unknown',
    jobNeeds,
    visibility: config?.repositoryVisibility ?? runner?.repositoryVisibility ?? 'unknown',
  };
}
