/**
 * The token check's per-class texts: for each way a token is refused (a failed verification, each claim problem),
 * the finding's message, evidence, fix, cause and documentation, and the summary of a token that passes. Pure.
 * Evidence holds claims and times, never the token or its signature.
 */

import type { Cause, DecisionPoint, EvidenceValue, FindingDraft } from '../../model/finding.js';
import {
  type ClaimProblem,
  collectScopes,
  DEFAULT_CLOCK_SKEW_SECONDS,
  describeTime,
  formatEpoch,
  readAudience,
  showClaim,
} from '../../tokens/claims.js';
import type { Claims } from '../../tokens/decode.js';
import { describeDuration } from '../../tokens/duration.js';
import {
  classifyIssuer,
  explainSubject,
  explainSubjectMismatch,
  GITHUB_OIDC_DOCS,
  isGitHubToken,
  suggestSubjectFix,
} from '../../tokens/github.js';
import type { TokenExpectations, TokenSpec, Verification } from '../../tokens/types.js';
import { isUnsafeAlgorithm } from '../../tokens/verify.js';

/** A finding's evidence, as it is built up. */
export type Evidence = Record<string, EvidenceValue>;
/** A finding without its id and subject (src/model/finding.ts). */
export type Draft = FindingDraft;

const RFC8725 = 'https://www.rfc-editor.org/rfc/rfc8725#section-3.1';
/** "Validate Issuer and Subject": the keys must belong to the issuer the verifier trusts. */
const RFC8725_ISSUER = 'https://www.rfc-editor.org/rfc/rfc8725#section-3.8';
const RFC7519_TIMES = 'https://www.rfc-editor.org/rfc/rfc7519#section-4.1.4';
/** Token introspection: `active` and the other answer fields. */
export const RFC7662 = 'https://www.rfc-editor.org/rfc/rfc7662#section-2.2';
const AWS_STRING_OPERATORS =
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String';

/** A failed signature check or introspection, explained. */
export function verificationFailure(v: Extract<Verification, { status: 'failed' }>): Draft {
  const evidence: Evidence = { ...(v.alg ? { alg: v.alg } : {}), ...(v.kid ? { kid: v.kid } : {}) };
  const decisionPoint: DecisionPoint = v.class === 'malformed' ? 'token' : 'identity-provider';
  // An unsigned or HMAC token is not a credential that changed: it was never a valid one.
  const forged = v.alg !== undefined && isUnsafeAlgorithm(v.alg);
  const fixes: Record<typeof v.class, string> = {
    'bad-signature': forged
      ? 'Use a token signed by the issuer with its private key (RS256, ES256, …); unsigned and HMAC tokens are never accepted from an issuer with public keys.'
      : "Make sure the token comes from the configured issuer and was not altered in transit; compare the token's iss with the issuer whose keys were used.",
    'unknown-key':
      "Check that the key set (discovery, or `jwks-url`) belongs to the token's issuer; a kid the issuer never publishes means another issuer, or a test key, signed it.",
    malformed: 'Pass the whole token exactly as issued; it was changed or cut short on the way.',
    'wrong-issuer':
      "Point the check at the issuer named in the token's iss, or get the token from the expected issuer.",
    inactive: 'Get a fresh token: the issuer says this one is revoked, expired or unknown.',
  };
  const cause: Cause | undefined =
    v.class === 'wrong-issuer'
      ? 'changed-trust-or-network-rule'
      : v.class === 'malformed' || forged
        ? undefined
        : 'expired-or-rotated-credential';
  return {
    decisionPoint,
    class: v.class,
    message: `The token is refused: ${v.reason}.`,
    evidence,
    fix: fixes[v.class],
    cause: cause ?? null,
    docUrl: v.class === 'inactive' ? RFC7662 : RFC8725,
  };
}

/**
 * A JWT whose entry names neither the issuer nor the key set: it was not verified, because its own `iss` would have
 * chosen the keys (RFC 8725 §3.8). The fix names the claimed issuer only as something to check, never to copy blindly.
 */
export function unpinnedIssuer(claims: Claims): Draft {
  const iss = typeof claims.iss === 'string' ? showClaim(claims.iss) : undefined;
  return {
    status: 'unverified',
    decisionPoint: 'identity-provider',
    class: 'issuer-not-pinned',
    message: `The token was NOT verified: its entry sets neither issuer nor jwks-url, so the keys would come from the token's own iss${iss ? ` (\`${iss}\`)` : ''}, and a token from any issuer, an attacker's too, would vouch for itself. It is treated as refused (fail closed).`,
    evidence: { format: 'jwt', ...(iss ? { iss } : {}) },
    fix: `Pin the issuer you trust on this token's entry: \`issuer: <its URL>\` (its keys are then found through <its URL>/.well-known/openid-configuration), or \`jwks-url\` for its key set${iss ? `. The token claims \`${iss}\`: pin that only if it is the issuer you expect` : ''}.`,
    docUrl: RFC8725_ISSUER,
  };
}

/** Claims and times as evidence: the claims people look at first, and times in both forms. */
export function claimEvidence(claims: Claims, now: number): Evidence {
  const evidence: Evidence = { now: formatEpoch(now) };
  for (const key of ['iss', 'sub', 'azp', 'client_id'] as const)
    if (typeof claims[key] === 'string') evidence[key] = claims[key];
  if (claims.aud !== undefined) evidence.aud = readAudience(claims);
  for (const key of ['exp', 'nbf', 'iat'] as const) {
    const value = claims[key];
    if (typeof value !== 'number') continue;
    evidence[key] = value;
    evidence[`${key}At`] = `${formatEpoch(value)} (${describeTime(value - now)})`;
  }
  return evidence;
}

/**
 * How a fix names the token's settings: as the keys of its entry in the configuration (the action, `check`), or as
 * `decode`'s flags. A fix names only the showing command's own options.
 */
export type SettingStyle = 'entry' | 'flags';

/** The setting `key` (set to `value`) as the showing command spells it; undefined where decode has no such flag. */
export function settingName(style: SettingStyle, key: string, value?: string): string | undefined {
  if (style === 'entry') return `\`${key}${value ? `: ${value}` : ''}\` on its entry`;
  return DECODE_FLAGS.has(key) ? `\`--${key}${value && value !== 'true' ? ` ${value}` : ''}\`` : undefined;
}

/** The expectation settings decode has as flags (src/commands/decode.ts). */
const DECODE_FLAGS = new Set(['allow-unverifiable', 'jwks-url', 'min-lifetime', 'clock-skew', 'introspection-url']);

/** One problem with the claims, explained: each class by its own explainer below. */
export function explainProblem(
  problem: ClaimProblem,
  claims: Claims,
  base: Evidence,
  spec: TokenSpec,
  style: SettingStyle = 'entry',
): Draft {
  switch (problem.class) {
    case 'malformed':
      return malformedClaim(problem, base);
    case 'wrong-issuer':
      return wrongIssuer(problem, base);
    case 'wrong-audience':
      return wrongAudience(problem, base, spec);
    case 'expired':
      return expired(problem, base);
    case 'no-expiry':
      return noExpiry(problem, base, style);
    case 'expires-too-soon':
      return expiresTooSoon(problem, base, style);
    case 'not-yet-valid':
      return notYetValid(problem, base, style);
    case 'missing-scope':
      return missingScope(problem, base);
    case 'claim-mismatch':
    case 'claim-case-mismatch':
      return explainClaimMismatch(problem, claims, base);
  }
}

/** The claim problem of one class. */
type ProblemOf<C extends ClaimProblem['class']> = Extract<ClaimProblem, { class: C }>;

/** A time claim that is not a NumericDate (RFC 7519 §2). */
function malformedClaim(problem: ProblemOf<'malformed'>, base: Evidence): Draft {
  return {
    decisionPoint: 'token',
    class: 'malformed',
    suffix: problem.claim,
    message: `The token is malformed: ${problem.reason}.`,
    evidence: base,
    fix: 'The issuer produced a non-standard token; times must be NumericDate values (RFC 7519 §2).',
    docUrl: 'https://www.rfc-editor.org/rfc/rfc7519#section-2',
  };
}

/** `iss` is not the expected issuer; GitHub's enterprise issuer is named as such. */
function wrongIssuer(problem: ProblemOf<'wrong-issuer'>, base: Evidence): Draft {
  const issuer = problem.actual ? classifyIssuer(problem.actual) : undefined;
  const note =
    issuer?.form === 'enterprise'
      ? ` GitHub issues tokens from the enterprise's own URL (…/${issuer.slug}) once include_enterprise_slug is on, so the identity provider must be registered for that URL.`
      : '';
  return {
    decisionPoint: 'token',
    class: 'wrong-issuer',
    message: `The token's issuer is \`${problem.actual ?? '(none)'}\`, but \`${problem.expected}\` is expected${problem.hint ? ` (${problem.hint})` : ''}.${note}`,
    evidence: { ...base, expectedIssuer: problem.expected },
    fix: problem.actual
      ? `Expect \`${problem.actual}\` if that issuer is trusted (and register it with the service that checks the token), or get the token from \`${problem.expected}\`.`
      : 'Use a token that names its issuer.',
    cause: 'changed-trust-or-network-rule',
    docUrl:
      issuer && issuer.form !== 'other'
        ? GITHUB_OIDC_DOCS.enterpriseIssuer
        : 'https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation',
  };
}

/** `aud` names none of the expected audiences; the fix says how this token's source requests one. */
function wrongAudience(problem: ProblemOf<'wrong-audience'>, base: Evidence, spec: TokenSpec): Draft {
  const wanted = problem.expected[0] ?? '';
  const how =
    spec.source.kind === 'github-oidc'
      ? `Request the token with audience \`${wanted}\` (core.getIDToken('${wanted}'), or the audience input of the login action)`
      : `Request the token for audience \`${wanted}\``;
  return {
    decisionPoint: 'token',
    class: 'wrong-audience',
    message: `The token's audience is ${list(problem.actual)}, which names none of the expected ${list(problem.expected)}${problem.hint ? ` (${problem.hint})` : ''}.`,
    evidence: { ...base, expectedAudience: problem.expected },
    fix: `${how}, or add the token's audience to the accepted ones if that service should trust it.`,
    cause: 'changed-trust-or-network-rule',
    docUrl: 'https://www.rfc-editor.org/rfc/rfc7519#section-4.1.3',
  };
}

/** `exp` has passed, beyond the clock skew allowed (RFC 7519 §4.1.4). */
function expired(problem: ProblemOf<'expired'>, base: Evidence): Draft {
  return {
    decisionPoint: 'token',
    class: 'expired',
    message: `The token expired ${describeTime(problem.exp - problem.now)} (exp ${formatEpoch(problem.exp)}), beyond the ${problem.skew}-second clock skew allowed.`,
    evidence: { ...base, clockSkewSeconds: problem.skew },
    fix: 'Fetch a fresh token right before it is used, in the step that uses it; short-lived tokens fetched early in a job expire before the call.',
    cause: 'expired-or-rotated-credential',
    docUrl: RFC7519_TIMES,
  };
}

/** No `exp` at all, and the token's entry does not allow that. */
function noExpiry(problem: ProblemOf<'no-expiry'>, base: Evidence, style: SettingStyle): Draft {
  const allow = settingName(style, 'allow-no-expiry', 'true');
  return {
    decisionPoint: 'token',
    class: 'no-expiry',
    message: `The token has no exp claim, so nothing says when it stops being accepted: a leaked copy stays valid until the issuer rotates its key or revokes it${problem.minimum !== undefined ? `, and the ${describeDuration(problem.minimum)} it must stay valid cannot be checked` : ''}.`,
    evidence: { ...base, ...(problem.minimum !== undefined ? { minLifetimeSeconds: problem.minimum } : {}) },
    fix: `Have the issuer put an exp in the token (short-lived tokens are the point of bearer tokens)${allow ? `, or, if this token is meant never to expire, set ${allow} to accept that explicitly` : ''}.`,
    cause: 'expired-or-rotated-credential',
    docUrl: RFC7519_TIMES,
  };
}

/** `exp` comes before the token's minimum lifetime is over. */
function expiresTooSoon(problem: ProblemOf<'expires-too-soon'>, base: Evidence, style: SettingStyle): Draft {
  return {
    decisionPoint: 'token',
    class: 'expires-too-soon',
    message: `The token expires ${describeTime(problem.exp - problem.now)} (exp ${formatEpoch(problem.exp)}), sooner than the ${describeDuration(problem.minimum)} it must stay valid; a token that expires mid-job ends in a 401.`,
    evidence: { ...base, minLifetimeSeconds: problem.minimum, remainingSeconds: problem.exp - problem.now },
    fix: `Fetch the token closer to where it is used (or exchange it at once for a longer session), or lower ${settingName(style, 'min-lifetime')} if the job is that short.`,
    cause: 'expired-or-rotated-credential',
    docUrl: RFC7519_TIMES,
  };
}

/** `nbf` or `iat` lies in the future, beyond the clock skew allowed (RFC 7519 §4.1.5). */
function notYetValid(problem: ProblemOf<'not-yet-valid'>, base: Evidence, style: SettingStyle): Draft {
  const what = problem.claim === 'nbf' ? 'is not valid until' : 'claims to be issued at';
  return {
    decisionPoint: 'token',
    class: 'not-yet-valid',
    suffix: problem.claim,
    message: `The token ${what} ${formatEpoch(problem.at)} (${problem.claim}, ${describeTime(problem.at - problem.now)}), beyond the ${problem.skew}-second clock skew allowed.`,
    evidence: { ...base, clockSkewSeconds: problem.skew },
    fix: `Check this machine's clock (NTP) and the issuer's; raise ${settingName(style, 'clock-skew')} only if the issuer's clock is known to run ahead.`,
    docUrl: 'https://www.rfc-editor.org/rfc/rfc7519#section-4.1.5',
  };
}

/** A required scope is not granted (scopes are case-sensitive, RFC 6749 §3.3). */
function missingScope(problem: ProblemOf<'missing-scope'>, base: Evidence): Draft {
  const near = problem.nearMatch
    ? ` It has \`${problem.nearMatch}\`, which differs only in case; scopes are case-sensitive.`
    : '';
  return {
    decisionPoint: 'token',
    class: 'missing-scope',
    suffix: problem.scope,
    message: `The token lacks the scope \`${problem.scope}\`; it grants ${problem.granted.length ? problem.granted.map((s) => `\`${s}\``).join(' ') : 'no scopes'} (read from ${problem.sources.join(', ') || 'no scope claim'}).${near}`,
    evidence: {
      ...base,
      requiredScope: problem.scope,
      grantedScopes: problem.granted,
      scopeClaims: problem.sources,
    },
    fix: `Grant \`${problem.scope}\` to the client or app that requests the token, include it in the token request, then fetch a new token.`,
    cause: 'changed-entitlement',
    docUrl: 'https://www.rfc-editor.org/rfc/rfc6749#section-3.3',
  };
}

/** A claim that does not match its expected pattern, or matches it only when case is ignored. */
function explainClaimMismatch(
  problem: ProblemOf<'claim-mismatch' | 'claim-case-mismatch'>,
  claims: Claims,
  base: Evidence,
): Draft {
  const { claim, pattern, actual } = problem;
  const evidence = { ...base, claim, expectedPattern: pattern, ...(actual === undefined ? {} : { actual }) };
  const common = {
    decisionPoint: 'token' as const,
    class: problem.class,
    suffix: claim,
    evidence,
    cause: 'changed-trust-or-network-rule' as const,
  };
  if (problem.class === 'claim-case-mismatch') {
    return {
      ...common,
      message: `The claim \`${claim}\` is \`${actual}\`, which matches the expected pattern \`${pattern}\` only when case is ignored; AWS compares case-sensitively, so it would be refused.`,
      fix: `Write the pattern with the token's exact case${/[*?]/.test(pattern) ? '' : `: \`${actual}\``}.`,
      docUrl: AWS_STRING_OPERATORS,
    };
  }
  if (claim === 'sub' && isGitHubToken(claims)) {
    const immutable = explainSubject(claims)?.parsed.immutable;
    return {
      ...common,
      message: explainSubjectMismatch(claims, pattern),
      fix: suggestSubjectFix(claims, pattern),
      docUrl: immutable ? GITHUB_OIDC_DOCS.immutable : GITHUB_OIDC_DOCS.subject,
    };
  }
  const message =
    actual === undefined
      ? `The token has no \`${claim}\` claim, so the expected pattern \`${pattern}\` cannot match.`
      : `The claim \`${claim}\` is \`${actual}\`, which does not match the expected pattern \`${pattern}\`.`;
  return {
    ...common,
    message,
    fix: `Change the expected pattern for \`${claim}\` if this token should be trusted, or change how the token is requested so that it carries a matching \`${claim}\`.`,
    docUrl: AWS_STRING_OPERATORS,
  };
}

/** The `pass` finding: how the token was verified and what was checked. */
export function summarisePass(
  claims: Claims,
  expect: TokenExpectations,
  v: Verification | undefined,
  base: Evidence,
  now: number,
): Draft {
  const checked: string[] = [];
  if (expect.issuer) checked.push('issuer');
  if (expect.audience) checked.push('audience');
  checked.push(`times (±${expect.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS}s)`);
  if (expect.minLifetimeSeconds !== undefined)
    checked.push(`lifetime ≥ ${describeDuration(expect.minLifetimeSeconds)}`);
  if (expect.requiredScopes?.length) checked.push(`scopes ${expect.requiredScopes.join(' ')}`);
  for (const claim of Object.keys(expect.claims ?? {})) checked.push(`${claim} pattern`);
  const verified = v?.status === 'verified' ? v : undefined;
  const how =
    verified?.method === 'introspection'
      ? `Introspected at ${verified.keySource}`
      : `Verified ${verified?.alg ?? ''} signature${verified?.kid ? ` (key "${verified.kid}")` : ''} with keys from ${verified?.keySource}`;
  const exp =
    typeof claims.exp === 'number'
      ? `; expires ${describeTime(claims.exp - now)}`
      : '; it has no exp, which its entry allows (allow-no-expiry)';
  const subject = isGitHubToken(claims) ? explainSubject(claims) : undefined;
  const evidence: Evidence = {
    ...base,
    checked,
    scopes: collectScopes(claims).scopes,
    ...(verified?.alg ? { alg: verified.alg } : {}),
    ...(verified?.kid ? { kid: verified.kid } : {}),
    ...(verified ? { keySource: verified.keySource } : {}),
    ...(subject ? { subForm: subject.parsed.form, subBecause: subject.because } : {}),
  };
  return {
    status: 'pass',
    decisionPoint: 'token',
    class: 'ok',
    message: `${how}; checked ${checked.join(', ')}${exp}.`,
    evidence,
  };
}

const list = (items: readonly string[]) => (items.length ? items.map((i) => `\`${i}\``).join(', ') : '(none)');
