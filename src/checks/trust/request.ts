/**
 * The AssumeRoleWithWebIdentity request a trust policy is evaluated against: the principal is the IAM OIDC provider
 * in the role's account, the resource the role, and the context the token's claims under the keys AWS populates for
 * that provider (taken from the service authorization reference through the catalog, never from memory). Pure.
 */

import { type Catalog, populatedKeysForOidcProvider } from '../../catalog/index.js';
import type { ContextValue, Request } from '../../iam/index.js';
import type { AssumeRoleSettings, RoleModel } from '../../model/aws.js';
import type { Claims } from '../../tokens/decode.js';

/** What `checkTrust` needs, all of it already loaded. */
export interface TrustCheckInput {
  readonly role: RoleModel;
  readonly settings: AssumeRoleSettings;
  /** The web identity token's claims (decoded; the token check verifies them). */
  readonly claims: Claims;
  /** The token's issuer URL, e.g. `https://token.actions.githubusercontent.com/acme`. */
  readonly issuer: string;
  readonly catalog: Catalog;
  /** Session tags the call passes; by default those of the token's `https://aws.amazon.com/tags` claim. */
  readonly sessionTags?: Readonly<Record<string, string>>;
  /** Epoch seconds; when given, `aws:CurrentTime` and `aws:EpochTime` are set as STS would set them. */
  readonly now?: number;
}

/** The AssumeRoleWithWebIdentity request as STS sees it, and what the preflight knows about its keys. */
export interface WebIdentityRequest {
  readonly providerArn: string;
  /** The provider URL without scheme, the prefix of every claim key: `token.actions.githubusercontent.com/acme`. */
  readonly prefix: string;
  /** Lower-cased keys AWS populates for this provider, whether or not this token carries the claim. */
  readonly populated: ReadonlySet<string>;
  readonly request: Request;
  /** The sts:TagSession request, when session tags are in play. */
  readonly tagRequest?: Request;
  readonly tags: Readonly<Record<string, string>>;
}

/** The service authorization reference's list of STS condition keys. */
export const STS_KEYS_DOC =
  'https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecuritytokenservice.html#awssecuritytokenservice-policy-keys';
/** How session tags pass through AssumeRoleWithWebIdentity. */
export const TAGS_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html';
/** The key of the session name the call asks for (STS_KEYS_DOC). */
export const SESSION_NAME_KEY = 'sts:RoleSessionName';
/** The action a web identity token asks STS for. */
export const ACTION = 'sts:AssumeRoleWithWebIdentity';

/** A JSON object: not null, not an array. */
export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A claim as a context value: strings as they are, numbers and booleans as text, arrays as lists. */
function claimValue(claims: Claims, claim: string): ContextValue | undefined {
  const v = claims[claim];
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (!Array.isArray(v)) return undefined;
  const strings = v.filter((x): x is string => typeof x === 'string');
  return strings.length === 1 && claim !== 'amr' ? strings[0] : strings.length > 0 ? strings : undefined;
}

/** Session tags from the token: `{"https://aws.amazon.com/tags": {"principal_tags": {"k": ["v"]}, ...}}` (TAGS_DOC). */
function tokenTags(claims: Claims): { tags: Record<string, string>; transitive: string[] } {
  const claim = claims['https://aws.amazon.com/tags'];
  const tags: Record<string, string> = {};
  const principal = isObject(claim) ? claim.principal_tags : undefined;
  if (isObject(principal)) {
    for (const [k, v] of Object.entries(principal)) {
      const value = Array.isArray(v) ? v[0] : v;
      if (typeof value === 'string') tags[k] = value;
    }
  }
  const t = isObject(claim) ? claim.transitive_tag_keys : undefined;
  return { tags, transitive: Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : [] };
}

/**
 * Whether the preflight knows a key of the request: one it sets, or a claim key of the provider (set or not). Any
 * other key (`aws:SourceIp`, `aws:UserAgent`, `aws:ViaAWSService`, …) has a value only STS knows when it is called:
 * unknown, never absent (README.md, "Keys the preflight cannot know").
 */
export const knownKey =
  (wi: WebIdentityRequest) =>
  (key: string): boolean => {
    const lower = key.toLowerCase();
    return (
      wi.populated.has(lower) ||
      lower.startsWith(`${wi.prefix.toLowerCase()}:`) ||
      Object.keys(wi.request.context ?? {}).some((k) => k.toLowerCase() === lower)
    );
  };

/**
 * Builds the request STS evaluates. Keys are `<provider URL without https://>:<claim>`, so they split at their LAST
 * colon (a port or a path stays in the prefix); a claim the token lacks gives no key. `aws:FederatedProvider` is the
 * provider's ARN in the trust policy of an AssumeRoleWithWebIdentity call
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-federatedprovider);
 * `sts:RoleSessionName` is the session name (STS_KEYS_DOC); Google's `aud` key holds `azp` when the token has one
 * and `oaud` its `aud` (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif).
 */
export function buildWebIdentityRequest(input: TrustCheckInput): WebIdentityRequest {
  const { role, settings, claims, issuer, catalog, now } = input;
  const known = populatedKeysForOidcProvider(catalog, issuer);
  // The catalog drops a trailing slash, but IAM keeps it in the provider's name and keys (`auth.example.com/:aud`).
  const prefix = /\/$/.test(issuer.trim()) ? `${known.prefix}/` : known.prefix;
  const keys = known.keys.map((k) => `${prefix}${k.slice(known.prefix.length)}`);
  const partition = role.arn.split(':')[1] || 'aws';
  const providerArn = `arn:${partition}:iam::${role.accountId}:oidc-provider/${prefix}`;
  const context: Record<string, ContextValue> = {};
  for (const key of keys) {
    const claim = key.slice(prefix.length + 1);
    let value = claimValue(claims, claim);
    if (claim === 'oaud') value = claimValue(claims, 'aud');
    if (claim === 'aud' && prefix === 'accounts.google.com') value = claimValue(claims, 'azp') ?? value;
    if (claim === 'amr' && typeof value === 'string') value = [value];
    if (value !== undefined) context[key] = value;
  }
  context['aws:FederatedProvider'] = providerArn;
  // A session name the workflow leaves unknown gives no key: the caller takes it as unknown (SESSION_NAME_KEY).
  if (settings.sessionName !== undefined) context[SESSION_NAME_KEY] = settings.sessionName;
  // Always present: STS is called over HTTPS (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-securetransport).
  context['aws:SecureTransport'] = 'true';
  if (settings.region) context['aws:RequestedRegion'] = settings.region;
  if (now !== undefined) {
    context['aws:CurrentTime'] = new Date(now * 1000).toISOString().replace('.000Z', 'Z');
    context['aws:EpochTime'] = String(Math.floor(now));
  }
  const sourceIdentity = claims['https://aws.amazon.com/source_identity'];
  if (typeof sourceIdentity === 'string') context['sts:SourceIdentity'] = sourceIdentity;
  const fromToken = tokenTags(claims);
  const tags = input.sessionTags ?? fromToken.tags;
  for (const [k, v] of Object.entries(tags)) context[`aws:RequestTag/${k}`] = v;
  if (Object.keys(tags).length > 0) context['aws:TagKeys'] = Object.keys(tags);
  if (fromToken.transitive.length > 0) context['sts:TransitiveTagKeys'] = fromToken.transitive;
  const request: Request = { principal: providerArn, action: ACTION, resource: role.arn, context };
  const populated = new Set(keys.map((k) => k.toLowerCase()));
  const base = { providerArn, prefix, populated, request, tags };
  return Object.keys(tags).length > 0 ? { ...base, tagRequest: { ...request, action: 'sts:TagSession' } } : base;
}
