/**
 * Checks of a token's claims against what the spec expects: issuer, audience, times, scopes and claim
 * patterns. Pure and synchronous; each problem is a value that `src/checks/token.ts` turns into a finding.
 * The clock is a parameter (`now`, epoch seconds), never read here.
 */
import { compileGlob } from '../iam/glob.js';
import type { Claims } from './decode.js';
import { describeDuration } from './duration.js';
import type { TokenExpectations } from './types.js';

/**
 * RFC 7519 §4.1.4/§4.1.5 let a verifier allow "a few minutes" of leeway for clock skew
 * (https://www.rfc-editor.org/rfc/rfc7519#section-4.1.4); one minute is the usual default.
 */
export const DEFAULT_CLOCK_SKEW_SECONDS = 60;

/** One reason the claims would be refused. */
export type ClaimProblem =
  | { readonly class: 'malformed'; readonly claim: string; readonly reason: string }
  | { readonly class: 'wrong-issuer'; readonly expected: string; readonly actual?: string; readonly hint?: string }
  | {
      readonly class: 'wrong-audience';
      readonly expected: readonly string[];
      readonly actual: readonly string[];
      readonly hint?: string;
    }
  | { readonly class: 'expired'; readonly exp: number; readonly now: number; readonly skew: number }
  | { readonly class: 'no-expiry'; readonly minimum?: number }
  | { readonly class: 'expires-too-soon'; readonly exp: number; readonly now: number; readonly minimum: number }
  | {
      readonly class: 'not-yet-valid';
      readonly claim: 'nbf' | 'iat';
      readonly at: number;
      readonly now: number;
      readonly skew: number;
    }
  | {
      readonly class: 'missing-scope';
      readonly scope: string;
      readonly granted: readonly string[];
      readonly sources: readonly string[];
      /** A granted scope equal to the required one but for case (scopes are case-sensitive, RFC 6749 §3.3). */
      readonly nearMatch?: string;
    }
  | {
      readonly class: 'claim-mismatch' | 'claim-case-mismatch';
      readonly claim: string;
      readonly pattern: string;
      /** The claim's value as text; absent when the token has no such claim. */
      readonly actual?: string;
    };

/** Runs every check the expectations ask for. What is not expected is not checked. */
export function checkClaims(claims: Claims, expect: TokenExpectations, now: number): ClaimProblem[] {
  const problems: ClaimProblem[] = [];
  if (expect.issuer !== undefined) problems.push(...checkIssuer(claims, expect.issuer));
  if (expect.audience !== undefined) problems.push(...checkAudience(claims, expect.audience));
  problems.push(...checkExpiry(claims, expect));
  problems.push(
    ...checkTimes(claims, now, expect.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS, expect.minLifetimeSeconds),
  );
  if (expect.requiredScopes) problems.push(...checkScopes(claims, expect.requiredScopes));
  if (expect.claims) problems.push(...checkClaimPatterns(claims, expect.claims));
  return problems;
}

/** `iss` must equal the expected issuer exactly: OIDC Core §3.1.3.7 step 2 ("MUST exactly match"). */
export function checkIssuer(claims: Claims, expected: string): ClaimProblem[] {
  const actual = claims.iss;
  if (actual === expected) return [];
  if (typeof actual !== 'string') return [{ class: 'wrong-issuer', expected, hint: 'the token has no "iss" claim' }];
  let hint: string | undefined;
  if (actual.replace(/\/+$/, '') === expected.replace(/\/+$/, '')) hint = 'they differ only by a trailing slash';
  else if (actual.toLowerCase() === expected.toLowerCase()) hint = 'they differ only in case';
  return [{ class: 'wrong-issuer', expected, actual, ...(hint ? { hint } : {}) }];
}

/** `aud` as a list: RFC 7519 §4.1.3 allows one string or an array of strings. */
export function readAudience(claims: Claims): string[] {
  const aud = claims.aud;
  if (typeof aud === 'string') return [aud];
  return Array.isArray(aud) ? aud.filter((a): a is string => typeof a === 'string') : [];
}

/** The token must name at least one of the expected audiences, compared exactly (RFC 7519 §4.1.3). */
export function checkAudience(claims: Claims, expected: readonly string[]): ClaimProblem[] {
  const actual = readAudience(claims);
  if (expected.length === 0 || actual.some((a) => expected.includes(a))) return [];
  const lower = new Set(expected.map((e) => e.toLowerCase()));
  const hint = actual.some((a) => lower.has(a.toLowerCase()))
    ? 'an audience differs only in case, and audiences are compared exactly'
    : undefined;
  return [{ class: 'wrong-audience', expected, actual, ...(hint ? { hint } : {}) }];
}

/**
 * A token must say when it ends. RFC 7519 §4.1 makes every registered claim optional and leaves it to "applications
 * using JWTs" to say which they require (https://www.rfc-editor.org/rfc/rfc7519#section-4.1); this one requires
 * `exp` (§4.1.4), because a token without it is accepted for as long as its key is, however it leaked, and no
 * minimum lifetime can be checked against it (RFC 8725, https://www.rfc-editor.org/rfc/rfc8725, is the best current
 * practice this verifier follows in refusing what it cannot bound). A token's entry may allow it explicitly
 * (`allow-no-expiry`). An `exp` that is present but not a number is `malformed` ({@link checkTimes}), not this.
 */
export function checkExpiry(
  claims: Claims,
  expect: Pick<TokenExpectations, 'allowNoExpiry' | 'minLifetimeSeconds'>,
): ClaimProblem[] {
  if (claims.exp !== undefined || expect.allowNoExpiry === true) return [];
  return [
    { class: 'no-expiry', ...(expect.minLifetimeSeconds !== undefined ? { minimum: expect.minLifetimeSeconds } : {}) },
  ];
}

/**
 * `exp`, `nbf` and `iat` against `now` with `skew` seconds of leeway. No lifetime is assumed: only `exp`
 * says when a token ends. An `nbf` in the past, however far, is fine (GitHub back-dates it by minutes).
 * A time claim that is present but not a number is malformed (NumericDate, RFC 7519 §2).
 */
export function checkTimes(claims: Claims, now: number, skew: number, minLifetime?: number): ClaimProblem[] {
  const problems: ClaimProblem[] = [];
  const time = (claim: 'exp' | 'nbf' | 'iat'): number | undefined => {
    const value = claims[claim];
    if (value === undefined) return undefined;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    problems.push({ class: 'malformed', claim, reason: `"${claim}" must be a number of seconds since the epoch` });
    return undefined;
  };
  const exp = time('exp');
  const nbf = time('nbf');
  const iat = time('iat');
  // "MUST NOT be accepted for processing" on or after exp (RFC 7519 §4.1.4).
  if (exp !== undefined && now - skew >= exp) problems.push({ class: 'expired', exp, now, skew });
  else if (exp !== undefined && minLifetime !== undefined && exp - now < minLifetime) {
    problems.push({ class: 'expires-too-soon', exp, now, minimum: minLifetime });
  }
  // "MUST NOT be accepted for processing" before nbf (RFC 7519 §4.1.5).
  if (nbf !== undefined && nbf > now + skew)
    problems.push({ class: 'not-yet-valid', claim: 'nbf', at: nbf, now, skew });
  // A token issued in the future means one of the clocks is wrong; many verifiers refuse it.
  if (iat !== undefined && iat > now + skew)
    problems.push({ class: 'not-yet-valid', claim: 'iat', at: iat, now, skew });
  return problems;
}

/** Claims that carry scopes or their relatives, in the order they are read. */
const SCOPE_CLAIMS = ['scope', 'scp', 'scopes', 'permissions', 'roles'] as const;

/**
 * Every scope the token grants. `scope` is space-separated (RFC 8693 §4.2, RFC 9068 §2.2.3); `scp` is a
 * string (Entra ID) or an array (Okta); `scopes`, `permissions` (Auth0) and `roles` are arrays, though a
 * space-separated string is read too. `sources` names the claims that were present.
 */
export function collectScopes(claims: Claims): { scopes: string[]; sources: string[] } {
  const scopes = new Set<string>();
  const sources: string[] = [];
  for (const name of SCOPE_CLAIMS) {
    const value = claims[name];
    const items = typeof value === 'string' ? value.split(/\s+/) : Array.isArray(value) ? value : undefined;
    if (items === undefined) continue;
    sources.push(name);
    for (const item of items) if (typeof item === 'string' && item !== '') scopes.add(item);
  }
  return { scopes: [...scopes], sources };
}

/** Each required scope the token lacks is its own problem. Scopes compare case-sensitively (RFC 6749 §3.3). */
export function checkScopes(claims: Claims, required: readonly string[]): ClaimProblem[] {
  const { scopes, sources } = collectScopes(claims);
  const granted = new Set(scopes);
  return required
    .filter((scope) => !granted.has(scope))
    .map((scope) => {
      const nearMatch = scopes.find((s) => s.toLowerCase() === scope.toLowerCase());
      return { class: 'missing-scope', scope, granted: scopes, sources, ...(nearMatch ? { nearMatch } : {}) };
    });
}

/** How a claim value compares with a pattern. */
export type PatternMatch = 'match' | 'case-only' | 'no-match';

/**
 * Matches a claim value against a glob (`*` any run, `?` one character), case-sensitively, as AWS's
 * `StringLike` does (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String).
 * An array matches when any element does. Numbers and booleans compare as their text.
 */
export function matchClaim(value: unknown, pattern: string): PatternMatch {
  const values = (Array.isArray(value) ? value : [value]).flatMap((v) =>
    typeof v === 'string' ? [v] : typeof v === 'number' || typeof v === 'boolean' ? [String(v)] : [],
  );
  if (values.some(compileGlob(pattern))) return 'match';
  return values.some(compileGlob(pattern, true)) ? 'case-only' : 'no-match';
}

/**
 * Each expected claim pattern that does not match is a `claim-mismatch`; one that matches only when case
 * is ignored is a `claim-case-mismatch`, because AWS would still refuse it.
 */
export function checkClaimPatterns(claims: Claims, patterns: Readonly<Record<string, string>>): ClaimProblem[] {
  const problems: ClaimProblem[] = [];
  for (const [claim, pattern] of Object.entries(patterns)) {
    const value = claims[claim];
    const result = matchClaim(value, pattern);
    if (result === 'match') continue;
    const actual = value === undefined ? undefined : showClaim(value);
    problems.push({
      class: result === 'case-only' ? 'claim-case-mismatch' : 'claim-mismatch',
      claim,
      pattern,
      ...(actual === undefined ? {} : { actual }),
    });
  }
  return problems;
}

/** A claim value as short text for messages and evidence. */
export function showClaim(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/**
 * A moment relative to now, for people: `describeTime(252)` is "in 4m12s", `describeTime(-120)` is
 * "2 minutes ago". Prefix it with the event: "expires in 4m12s", "issued 2 minutes ago".
 */
export function describeTime(seconds: number): string {
  if (Math.round(seconds) === 0) return 'now';
  const span = describeDuration(seconds);
  return seconds > 0 ? `in ${span}` : `${span} ago`;
}

/** An epoch time as ISO 8601 UTC without milliseconds, e.g. `2026-11-23T10:04:12Z`. */
export function formatEpoch(seconds: number): string {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? `epoch ${seconds}` : date.toISOString().replace('.000Z', 'Z');
}
