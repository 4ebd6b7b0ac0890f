/**
 * What the sources learnt of a GitHub token a workflow step takes from a secret (src/sources/github-api.ts), as the
 * GitHub token check reads it (src/checks/github-token.ts): one read-only call's answer, never the token itself.
 * https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api
 */

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

/** Parses `GitHub-Authentication-Token-Expiration` (`2026-12-31 23:59:59 UTC`, or with an offset) to epoch seconds. */
export function parseExpiration(header: string): number | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})\s*(UTC|Z|[+-]\d{2}:?\d{2})?$/.exec(header.trim());
  if (!m) return undefined;
  const zone = !m[3] || m[3] === 'UTC' ? 'Z' : m[3].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(`${m[1]}T${m[2]}${zone}`);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}
