/**
 * Which condition keys STS populates from an OIDC provider's web identity token: `<provider>:<claim>`, where the
 * provider is its URL without `https://`. The claims are the generic ones every provider gets and those the STS
 * service authorization reference lists for named providers (GitHub, GitLab, CircleCI, Buildkite, …).
 */
import type { Catalog } from './index.js';

/** The condition keys STS populates for an OIDC provider, all sharing one prefix. */
export interface OidcProviderKeys {
  /** The provider URL without scheme or trailing slash, as IAM names it: `token.actions.githubusercontent.com/acme`. */
  readonly prefix: string;
  /** `<prefix>:<claim>` for the generic claims and the provider's own, sorted; compare them case-insensitively. */
  readonly keys: readonly string[];
}

/**
 * The keys AWS populates from a web identity token issued by `provider` (an issuer URL or IAM provider name).
 * The prefix is the whole provider URL after `https://`, path and any port included, so a key is split at its
 * LAST colon: GitHub's enterprise issuer `https://token.actions.githubusercontent.com/acme` gives
 * `token.actions.githubusercontent.com/acme:sub`, as the STS reference's
 * `token.actions.githubusercontent.com/${SubPath}:actor` keys show
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecuritytokenservice.html#awssecuritytokenservice-policy-keys).
 * Generic claims (`aud`, `sub`, …) apply to every provider
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif);
 * a key is present at evaluation only when the token carries the claim.
 */
export function populatedKeysForOidcProvider(catalog: Catalog, provider: string): OidcProviderKeys {
  const prefix = normalizeProvider(provider);
  const claims = new Set(catalog.data.oidc.genericClaims);
  for (const known of catalog.oidcProviders) {
    if (known.pattern.test(prefix)) for (const claim of known.claims) claims.add(claim);
  }
  return { prefix, keys: [...claims].sort().map((claim) => `${prefix}:${claim}`) };
}

/** `https://Host:8443/path/` → `host:8443/path`: IAM's provider name (scheme dropped, host lower-cased). */
function normalizeProvider(provider: string): string {
  const bare = provider
    .trim()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/\/+$/, '');
  const slash = bare.indexOf('/');
  return slash === -1 ? bare.toLowerCase() : bare.slice(0, slash).toLowerCase() + bare.slice(slash);
}

/** A provider template such as `token.actions.${Domain}.ghe.com` → a RegExp over normalized provider names. */
export function compileProviderTemplate(template: string): RegExp {
  const source = template
    .split(/(\$\{[^}]+\})/)
    .map((part, i) => {
      if (i % 2 === 0) return part.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
      return part.endsWith('Path}') ? '[^:]+' : '[^/:]+'; // `${SubPath}` may span segments; a `${Domain}` label not
    })
    .join('');
  return new RegExp(`^${source}$`, 'i');
}
