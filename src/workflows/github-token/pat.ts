/**
 * Tokens other than the job's `GITHUB_TOKEN`: a personal access token or an app's token a step takes from a secret.
 * What one read-only call to GitHub's REST API told of it (src/sources/github-api.ts), and what that means for the
 * steps that use it: a classic token's OAuth scopes (`X-OAuth-Scopes`), its access to the repository, and its
 * expiration (`GitHub-Authentication-Token-Expiration`).
 * https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api
 */
import type { ScopeNeed } from './actions-table.js';

export type { TokenInspection, TokenKind } from '../../model/github-token-inspection.js';

/** The OAuth scopes that grant a need, any one sufficing (https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps). */
export function oauthScopesFor(need: ScopeNeed, privateRepo: boolean): readonly string[] {
  const repo = privateRepo ? ['repo'] : ['repo', 'public_repo'];
  switch (need.scope) {
    case 'packages':
      return need.level === 'write' ? ['write:packages'] : ['read:packages', 'write:packages'];
    case 'security-events':
      return ['security_events', ...repo];
    case 'deployments':
      return ['repo_deployment', ...repo];
    case 'statuses':
      return ['repo:status', ...repo];
    case 'id-token':
      return [];
    default:
      // A public repository's contents, issues and pull requests are readable with no scope at all.
      return !privateRepo && need.level === 'read' ? [] : repo;
  }
}

/** The needs of `needs` a classic token with `scopes` lacks. */
export function missingOauthScopes(
  needs: readonly ScopeNeed[],
  scopes: readonly string[],
  privateRepo: boolean,
): { readonly need: ScopeNeed; readonly anyOf: readonly string[] }[] {
  const held = new Set(scopes.map((s) => s.trim().toLowerCase()));
  return needs
    .map((need) => ({ need, anyOf: oauthScopesFor(need, privateRepo) }))
    .filter(({ anyOf }) => anyOf.length > 0 && !anyOf.some((s) => held.has(s)));
}
