/**
 * The token check: (spec, decoded token, verification, now) → findings. No I/O; the adapters in
 * `src/sources/` fetch the token and the keys, `src/tokens/` reads and verifies, and this module explains.
 * Evidence holds claims and times, never the token or its signature.
 */
import {
  type ClaimProblem,
  checkClaims,
  collectScopes,
  DEFAULT_CLOCK_SKEW_SECONDS,
  describeTime,
  formatEpoch,
  readAudience,
} from '../tokens/claims.js';
import type { Claims, DecodedToken } from '../tokens/decode.js';
import { describeDuration } from '../tokens/duration.js';
import {
  classifyIssuer,
  explainSubject,
  explainSubjectMismatch,
  GITHUB_OIDC_DOCS,
  isGitHubToken,
  suggestSubjectFix,
} from '../tokens/github.js';
import type { TokenExpectations, TokenSpec, Verification } from '../tokens/types.js';
import { isUnsafeAlgorithm } from '../tokens/verify.js';
import type { Cause, DecisionPoint, EvidenceValue, Finding } from './finding.js';

/** What `checkToken` needs, all of it already fetched. */
export interface TokenCheckInput {
  readonly spec: TokenSpec;
  readonly decoded: DecodedToken;
  /** The signature check or introspection; absent when none was attempted (which fails closed). */
  readonly verification?: Verification;
  /** The current time, epoch seconds. */
  readonly now: number;
}

type Evidence = Record<string, EvidenceValue>;
type Draft = Omit<Finding, 'id' | 'subject' | 'status'> & {
  readonly status?: Finding['status'];
  readonly suffix?: string;
};

const RFC8725 = 'https://www.rfc-editor.org/rfc/rfc8725#section-3.1';
const RFC7519_TIMES = 'https://www.rfc-editor.org/rfc/rfc7519#section-4.1.4';
const RFC7662 = 'https://www.rfc-editor.org/rfc/rfc7662#section-2.2';
const AWS_STRING_OPERATORS =
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String';

/** Checks one token; a token that passes everything yields one `pass` finding (class `ok`). */
export function checkToken(input: TokenCheckInput): Finding[] {
  const { spec, decoded, verification, now } = input;
  const make = (draft: Draft): Finding => {
    const { suffix, status, ...rest } = draft;
    const fail = status !== 'pass';
    return {
      id: `token:${spec.name}:${draft.class}${suffix ? `:${suffix}` : ''}`,
      subject: spec.source.kind === 'github-oidc' ? `GitHub OIDC token "${spec.name}"` : `token "${spec.name}"`,
      status: status ?? 'fail',
      ...(fail ? { wouldReturn: draft.class === 'missing-scope' ? 403 : 401 } : {}),
      ...rest,
    };
  };
  const expect = effectiveExpectations(spec);

  if (decoded.kind === 'oversized') {
    return [
      make({
        decisionPoint: 'token',
        class: 'oversized',
        message: `The token is ${decoded.length} characters, over the ${decoded.limit}-character limit, so it was not decoded.`,
        evidence: { length: decoded.length, limit: decoded.limit },
        fix: 'Make sure the variable or file holds one token and nothing else (not a whole response body or a key); servers refuse headers this large anyway.',
      }),
    ];
  }
  if (decoded.kind === 'malformed') {
    return [
      make({
        decisionPoint: 'token',
        class: 'malformed',
        message: `The token is malformed: ${decoded.reason}.`,
        evidence: { length: decoded.length },
        fix: 'Pass the whole token on one line, with no quotes, prefix or line breaks; a token cut short usually comes from a truncated variable, file or log copy.',
        docUrl: 'https://www.rfc-editor.org/rfc/rfc7519#section-7.2',
      }),
    ];
  }

  const findings: Finding[] = [];
  let claims: Claims | undefined = decoded.kind === 'jwt' ? decoded.claims : undefined;
  if (verification?.status === 'verified' && verification.method === 'introspection') {
    claims = verification.introspected ?? {};
    // RFC 7662 §2.2: "active" is REQUIRED, and anything but true means the token is not to be accepted.
    if (claims.active !== true) {
      const reason = 'the introspection endpoint did not answer "active": true';
      return [make(verificationFailure({ status: 'failed', class: 'inactive', reason }))];
    }
  }

  if (verification === undefined || verification.status === 'unverifiable') {
    const opaque = decoded.kind === 'opaque';
    const reason =
      verification?.reason ??
      (opaque ? 'it is opaque and no introspection endpoint is configured' : 'its signature was not checked');
    if (opaque && spec.expect.allowUnverifiable) {
      return [
        make({
          status: 'pass',
          decisionPoint: 'token',
          class: 'unverifiable-allowed',
          message: `The token was NOT verified (${reason}); it is accepted only because allowUnverifiable is set, so its issuer, audience, lifetime and scopes are unknown.`,
          evidence: { format: decoded.format, length: decoded.length, allowUnverifiable: true },
          fix: 'Configure token introspection (RFC 7662) so the token can be checked.',
          docUrl: RFC7662,
        }),
      ];
    }
    findings.push(
      make({
        status: 'unverified',
        decisionPoint: 'identity-provider',
        class: 'unverifiable',
        message: `The token could not be verified: ${reason}. It is treated as refused (fail closed).`,
        evidence: { format: decoded.kind === 'jwt' ? 'jwt' : decoded.format },
        fix: opaque
          ? 'Configure token introspection (RFC 7662) for this token, or set allowUnverifiable to accept it unverified.'
          : "Let this runner reach the issuer's discovery document and JWKS (check proxies and firewalls), or name the key set directly with jwksUrl.",
        ...(opaque ? {} : { cause: 'changed-trust-or-network-rule' as const }),
      }),
    );
    if (opaque) return findings;
  } else if (verification.status === 'failed') {
    findings.push(make(verificationFailure(verification)));
  }
  if (!claims) return findings;

  const base = claimEvidence(claims, now);
  for (const problem of checkClaims(claims, expect, now))
    findings.push(make(explainProblem(problem, claims, base, spec)));
  if (findings.length > 0) return findings;
  return [make(summarisePass(claims, expect, verification, base, now))];
}

/** A GitHub OIDC source requests a token for one audience; that audience is expected unless others are given. */
function effectiveExpectations(spec: TokenSpec): TokenExpectations {
  if (spec.source.kind !== 'github-oidc' || spec.expect.audience !== undefined) return spec.expect;
  return { ...spec.expect, audience: [spec.source.audience] };
}

function verificationFailure(v: Extract<Verification, { status: 'failed' }>): Draft {
  const evidence: Evidence = { ...(v.alg ? { alg: v.alg } : {}), ...(v.kid ? { kid: v.kid } : {}) };
  const decisionPoint: DecisionPoint = v.class === 'malformed' ? 'token' : 'identity-provider';
  // An unsigned or HMAC token is not a credential that changed: it was never a valid one.
  const forged = v.alg !== undefined && isUnsafeAlgorithm(v.alg);
  const fixes: Record<typeof v.class, string> = {
    'bad-signature': forged
      ? 'Use a token signed by the issuer with its private key (RS256, ES256, …); unsigned and HMAC tokens are never accepted from an issuer with public keys.'
      : "Make sure the token comes from the configured issuer and was not altered in transit; compare the token's iss with the issuer whose keys were used.",
    'unknown-key':
      "Check that the key set (discovery or jwksUrl) belongs to the token's issuer; a kid the issuer never publishes means another issuer, or a test key, signed it.",
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
    ...(cause ? { cause } : {}),
    docUrl: v.class === 'inactive' ? RFC7662 : RFC8725,
  };
}

/** Claims and times as evidence: the claims people look at first, and times in both forms. */
function claimEvidence(claims: Claims, now: number): Evidence {
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

function explainProblem(problem: ClaimProblem, claims: Claims, base: Evidence, spec: TokenSpec): Draft {
  const trust = 'changed-trust-or-network-rule' as const;
  switch (problem.class) {
    case 'malformed':
      return {
        decisionPoint: 'token',
        class: 'malformed',
        suffix: problem.claim,
        message: `The token is malformed: ${problem.reason}.`,
        evidence: base,
        fix: 'The issuer produced a non-standard token; times must be NumericDate values (RFC 7519 §2).',
        docUrl: 'https://www.rfc-editor.org/rfc/rfc7519#section-2',
      };
    case 'wrong-issuer': {
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
        cause: trust,
        docUrl:
          issuer && issuer.form !== 'other'
            ? GITHUB_OIDC_DOCS.enterpriseIssuer
            : 'https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation',
      };
    }
    case 'wrong-audience': {
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
        cause: trust,
        docUrl: 'https://www.rfc-editor.org/rfc/rfc7519#section-4.1.3',
      };
    }
    case 'expired':
      return {
        decisionPoint: 'token',
        class: 'expired',
        message: `The token expired ${describeTime(problem.exp - problem.now)} (exp ${formatEpoch(problem.exp)}), beyond the ${problem.skew}-second clock skew allowed.`,
        evidence: { ...base, clockSkewSeconds: problem.skew },
        fix: 'Fetch a fresh token right before it is used, in the step that uses it; short-lived tokens fetched early in a job expire before the call.',
        cause: 'expired-or-rotated-credential',
        docUrl: RFC7519_TIMES,
      };
    case 'expires-too-soon':
      return {
        decisionPoint: 'token',
        class: 'expires-too-soon',
        message: `The token expires ${describeTime(problem.exp - problem.now)} (exp ${formatEpoch(problem.exp)}), sooner than the ${describeDuration(problem.minimum)} it must stay valid; a token that expires mid-job ends in a 401.`,
        evidence: { ...base, minLifetimeSeconds: problem.minimum, remainingSeconds: problem.exp - problem.now },
        fix: 'Fetch the token closer to where it is used (or exchange it at once for a longer session), or lower minLifetime if the job is that short.',
        cause: 'expired-or-rotated-credential',
        docUrl: RFC7519_TIMES,
      };
    case 'not-yet-valid': {
      const what = problem.claim === 'nbf' ? 'is not valid until' : 'claims to be issued at';
      return {
        decisionPoint: 'token',
        class: 'not-yet-valid',
        suffix: problem.claim,
        message: `The token ${what} ${formatEpoch(problem.at)} (${problem.claim}, ${describeTime(problem.at - problem.now)}), beyond the ${problem.skew}-second clock skew allowed.`,
        evidence: { ...base, clockSkewSeconds: problem.skew },
        fix: "Check this machine's clock (NTP) and the issuer's; raise clockSkewSeconds only if the issuer's clock is known to run ahead.",
        docUrl: 'https://www.rfc-editor.org/rfc/rfc7519#section-4.1.5',
      };
    }
    case 'missing-scope': {
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
    case 'claim-mismatch':
    case 'claim-case-mismatch':
      return explainClaimMismatch(problem, claims, base);
  }
}

function explainClaimMismatch(
  problem: Extract<ClaimProblem, { claim: string; pattern: string }>,
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

function summarisePass(
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
  const exp = typeof claims.exp === 'number' ? `; expires ${describeTime(claims.exp - now)}` : '; it has no exp';
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

/** Optional facts about the run, for `missingIdTokenPermission`. */
export interface IdTokenContext {
  /** `GITHUB_EVENT_NAME`, e.g. `pull_request`. */
  readonly eventName?: string;
  /** The run is a pull request from a fork (or from Dependabot, which GitHub treats the same way). */
  readonly isForkPullRequest?: boolean;
  /** Which of ACTIONS_ID_TOKEN_REQUEST_URL / ACTIONS_ID_TOKEN_REQUEST_TOKEN are missing; default both. */
  readonly missing?: readonly string[];
  /** The job's id in the workflow, for the YAML shown. */
  readonly jobId?: string;
  /** The token spec's name, for the finding's id. */
  readonly tokenName?: string;
}

const PULL_REQUEST_TARGET_DOCS =
  'https://docs.github.com/en/actions/reference/security/securely-using-pull_request_target';

/**
 * THE finding for a job that cannot request a GitHub OIDC token: the runner sets ACTIONS_ID_TOKEN_REQUEST_URL
 * and ACTIONS_ID_TOKEN_REQUEST_TOKEN only for jobs granted `id-token: write` (GITHUB_OIDC_DOCS.permissions).
 * Pull requests from forks never get one: GitHub lowers their write permissions to read, and `id-token` has
 * no read level (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#permissions).
 */
export function missingIdTokenPermission(context: IdTokenContext = {}): Finding {
  const missing = context.missing ?? ['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
  const job = context.jobId ?? 'deploy';
  const fork = context.isForkPullRequest === true;
  const event = context.eventName ? ` (event \`${context.eventName}\`)` : '';
  const message = fork
    ? `This run is a pull request from a fork${event}, and GitHub never gives such runs an OIDC token, whatever the workflow's permissions say: it lowers their write permissions to read, and \`id-token\` has no read level. Every OIDC login in this job would fail before reaching the cloud.`
    : `The job cannot request a GitHub OIDC token: ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not set${event}. GitHub sets them only for jobs granted \`permissions: id-token: write\`, so every OIDC login in this job (configure-aws-credentials, azure/login, google-github-actions/auth) would fail before reaching the cloud.`;
  const yaml = [
    'jobs:',
    `  ${job}:`,
    '    permissions:',
    '      id-token: write # lets the job request a GitHub OIDC token',
    '      contents: read  # actions/checkout needs this',
  ].join('\n');
  const fix = fork
    ? 'Do not deploy from fork pull requests, and do not switch to `pull_request_target` to get a token: it runs with the base ' +
      "repository's secrets and a write token, and building the fork's code there hands both to the fork's author " +
      `(${PULL_REQUEST_TARGET_DOCS}). Run the deploy on push to the default branch after merge, or in a job that references ` +
      'an environment with required reviewers, and skip this step on fork pull requests with ' +
      '`if: github.event.pull_request.head.repo.full_name == github.repository`.'
    : `Add a permissions block to the job (or to the whole workflow):\n\n${yaml}\n\n` +
      'Setting any permission sets every permission you do not list to none, so also list the others this job ' +
      'uses (for example `pull-requests: write`). A reusable workflow from another organization needs ' +
      '`id-token: write` granted by the caller too.';
  return {
    id: `runner:${context.tokenName ?? 'github-oidc'}:missing-id-token-permission`,
    subject: 'GitHub OIDC token',
    decisionPoint: 'runner',
    class: 'missing-id-token-permission',
    status: 'fail',
    message,
    evidence: {
      missingVariables: missing,
      ...(context.eventName ? { eventName: context.eventName } : {}),
      ...(context.isForkPullRequest === undefined ? {} : { forkPullRequest: context.isForkPullRequest }),
    },
    fix,
    cause: 'changed-entitlement',
    wouldReturn: 401,
    docUrl: GITHUB_OIDC_DOCS.permissions,
  };
}
