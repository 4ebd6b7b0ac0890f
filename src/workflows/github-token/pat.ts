/**
 * Tokens other than the job's `GITHUB_TOKEN`: a personal access token or an app's token a step takes from a secret.
 * What one read-only call to GitHub's REST API told of it (src/sources/github-api.ts), and what that means for the
 * steps that use it: a classic token's OAuth scopes (`X-OAuth-Scopes`), its access to the repository, and its
 * expiration (`GitHub-Authentication-Token-Expiration`).
 * https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api
 */
import type { ScopeNeed } from './actions-table.js';

/** A token's kind, from its prefix: https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats */
export type TokenKind = 'classic' | 'fine-grained' | 'installation' | 'oauth' | 'user-to-server' | 'unknown';

/** The kind of `token` by its prefix (the token itself never leaves the source). */
export function tokenKind(token: string): TokenKind {
  if (token.startsWith('github_pat_')) return 'fine-grained';
  if (token.startsWith('ghp_')) return 'classic';
  if (token.startsWith('ghs_')) return 'installation';
  if (token.startsWith('gho_')) return 'oauth';
  if (token.startsWith('ghu_')) return 'user-to-server';
  return 'unknown';
}

/** What the source learnt of one token. Never the token itself. */
export type TokenInspection =
  | { readonly kind: 'not-given'; readonly secret: string }
  | {
      readonly kind: 'answered';
      readonly secret: string;
      readonly tokenKind: TokenKind;
      /** The status of `GET /repos/{owner}/{repo}`: 200, 401, 403 or 404. */
      readonly status: number;
      /** `X-OAuth-Scopes`, for a classic or OAuth token. */
      readonly oauthScopes?: readonly string[];
      /** `GitHub-Authentication-Token-Expiration`, epoch seconds. */
      readonly expiresAt?: number;
      /** `X-Accepted-GitHub-Permissions` of a 403: what the endpoint would have taken. */
      readonly acceptedPermissions?: string;
      /** Whether the repository is private (a classic token then needs `repo`, not `public_repo`). */
      readonly privateRepo?: boolean;
      /** GitHub's message for a 4xx, as inert text. */
      readonly message?: string;
    }
  | { readonly kind: 'unverified'; readonly secret: string; readonly reason: string };

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

/** Parses `GitHub-Authentication-Token-Expiration` (`2026-12-31 23:59:59 UTC`, or with an offset) to epoch seconds. */
export function parseExpiration(header: string): number | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})\s*(UTC|Z|[+-]\d{2}:?\d{2})?$/.exec(header.trim());
  if (!m) return undefined;
  const zone = !m[3] || m[3] === 'UTC' ? 'Z' : m[3].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(`${m[1]}T${m[2]}${zone}`);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}
