/**
 * The token check: (spec, decoded token, verification, now) → findings. No I/O; the adapters in
 * `src/sources/` fetch the token and the keys, `src/tokens/` reads and verifies, and this module explains (the
 * per-class texts are in `token/explain.ts`). Evidence holds claims and times, never the token or its signature.
 */

import { type Finding, findingMaker } from '../model/finding.js';
import { checkClaims } from '../tokens/claims.js';
import type { Claims, DecodedToken } from '../tokens/decode.js';
import type { TokenExpectations, TokenSpec, Verification } from '../tokens/types.js';
import type { TokenCheck } from './check.js';
import {
  claimEvidence,
  type Draft,
  explainProblem,
  RFC7662,
  type SettingStyle,
  settingName,
  summarisePass,
  unpinnedIssuer,
  verificationFailure,
} from './token/explain.js';

export { type IdTokenContext, missingIdTokenPermission } from './token/id-token.js';

/** What `checkToken` needs, all of it already fetched. */
export interface TokenCheckInput {
  readonly spec: TokenSpec;
  readonly decoded: DecodedToken;
  /** The signature check or introspection; absent when none was attempted (which fails closed). */
  readonly verification?: Verification;
  /** The current time, epoch seconds. */
  readonly now: number;
  /** How a fix names the token's settings: its configuration entry's keys (the default), or decode's flags. */
  readonly settings?: SettingStyle;
}

/** Checks one token; a token that passes everything yields one `pass` finding (class `ok`). */
export function checkToken(input: TokenCheckInput): Finding[] {
  const { spec } = input;
  const place = findingMaker({
    idPrefix: `token:${spec.name}`,
    subject: spec.source.kind === 'github-oidc' ? `GitHub OIDC token "${spec.name}"` : `token "${spec.name}"`,
  });
  const make = (draft: Draft): Finding =>
    place(draft.status === 'pass' ? draft : { wouldReturn: draft.class === 'missing-scope' ? 403 : 401, ...draft });
  return tokenDrafts(input).map(make);
}

/** The token's findings before they are placed, in order: how it was read and verified, then its claims. */
function tokenDrafts(input: TokenCheckInput): Draft[] {
  const { spec, decoded, verification, now } = input;
  if (decoded.kind === 'oversized' || decoded.kind === 'malformed') return [undecodable(decoded)];
  let claims: Claims | undefined = decoded.kind === 'jwt' ? decoded.claims : undefined;
  if (verification?.status === 'verified' && verification.method === 'introspection') {
    claims = verification.introspected ?? {};
    // RFC 7662 §2.2: "active" is REQUIRED, and anything but true means the token is not to be accepted.
    if (claims.active !== true) {
      const reason = 'the introspection endpoint did not answer "active": true';
      return [verificationFailure({ status: 'failed', class: 'inactive', reason })];
    }
    // RFC 7662 §2.2 makes `exp` OPTIONAL in the answer; an active answer without one says no more about when the
    // token ends than a JWT without exp, so the same rule applies below: `no-expiry` unless allow-no-expiry is set.
  }
  const style = input.settings ?? 'entry';
  const drafts = verificationDrafts(spec, decoded, verification, claims, style);
  // An opaque token that was not introspected has no claims to check.
  if (!claims) return drafts;

  const expect = effectiveExpectations(spec);
  const base = claimEvidence(claims, now);
  for (const problem of checkClaims(claims, expect, now))
    drafts.push(explainProblem(problem, claims, base, spec, style));
  if (drafts.length > 0) return drafts;
  return [summarisePass(claims, expect, verification, base, now)];
}

/** A token too large to decode, or one that looks like a JWT but cannot be read as one. */
function undecodable(decoded: Extract<DecodedToken, { kind: 'oversized' | 'malformed' }>): Draft {
  if (decoded.kind === 'oversized') {
    return {
      decisionPoint: 'token',
      class: 'oversized',
      message: `The token is ${decoded.length} characters, over the ${decoded.limit}-character limit, so it was not decoded.`,
      evidence: { length: decoded.length, limit: decoded.limit },
      fix: 'Make sure the variable or file holds one token and nothing else (not a whole response body or a key); servers refuse headers this large anyway.',
    };
  }
  return {
    decisionPoint: 'token',
    class: 'malformed',
    message: `The token is malformed: ${decoded.reason}.`,
    evidence: { length: decoded.length },
    fix: 'Pass the whole token on one line, with no quotes, prefix or line breaks; a token cut short usually comes from a truncated variable, file or log copy.',
    docUrl: 'https://www.rfc-editor.org/rfc/rfc7519#section-7.2',
  };
}

/**
 * What the verification says before the claims are read: an issuer not pinned, a token that could not be verified
 * (accepted unverified only for an opaque token whose entry allows it), or a failed signature check or introspection.
 * None for a verified token.
 */
function verificationDrafts(
  spec: TokenSpec,
  decoded: Extract<DecodedToken, { kind: 'jwt' | 'opaque' }>,
  verification: Verification | undefined,
  claims: Claims | undefined,
  style: SettingStyle,
): Draft[] {
  if (verification?.status === 'unverifiable' && verification.unpinned) return [unpinnedIssuer(claims ?? {})];
  if (verification?.status === 'failed') return [verificationFailure(verification)];
  if (verification?.status === 'verified') return [];
  const opaque = decoded.kind === 'opaque';
  const reason =
    verification?.reason ??
    (opaque ? 'it is opaque and no introspection endpoint is configured' : 'its signature was not checked');
  if (opaque && spec.expect.allowUnverifiable) {
    return [
      {
        status: 'pass',
        decisionPoint: 'token',
        class: 'unverifiable-allowed',
        message: `The token was NOT verified (${reason}); it is accepted only because ${style === 'flags' ? '`--allow-unverifiable` is given' : 'its entry sets `allow-unverifiable: true`'}, so its issuer, audience, lifetime and scopes are unknown.`,
        evidence: { format: decoded.format, length: decoded.length, allowUnverifiable: true },
        fix: 'Configure token introspection (RFC 7662) so the token can be checked.',
        docUrl: RFC7662,
      },
    ];
  }
  return [
    {
      status: 'unverified',
      decisionPoint: 'identity-provider',
      class: 'unverifiable',
      message: `The token could not be verified: ${reason}. It is treated as refused (fail closed).`,
      evidence: { format: decoded.kind === 'jwt' ? 'jwt' : decoded.format },
      fix: opaque
        ? `Configure token introspection (RFC 7662) for this token${style === 'flags' ? ' (`--introspection-url`)' : ''}, or set ${settingName(style, 'allow-unverifiable', 'true')} to accept it unverified.`
        : `Let this ${style === 'flags' ? 'machine' : 'runner'} reach the issuer's discovery document and JWKS (check proxies and firewalls), or name the key set directly with ${settingName(style, 'jwks-url')}${style === 'entry' ? " (`oidc-jwks-url` for GitHub's token)" : ''}.`,
      ...(opaque ? {} : { cause: 'changed-trust-or-network-rule' as const }),
    },
  ];
}

/** A GitHub OIDC source requests a token for one audience; that audience is expected unless others are given. */
function effectiveExpectations(spec: TokenSpec): TokenExpectations {
  if (spec.source.kind !== 'github-oidc' || spec.expect.audience !== undefined) return spec.expect;
  return { ...spec.expect, audience: [spec.source.audience] };
}

/** The token check as the registry runs it: a token that could not be read is its one finding. */
export const tokenCheck: TokenCheck = {
  id: 'token',
  title:
    'Each token is there, verified against its issuer, and its issuer, audience, lifetime, scopes and claims are as expected.',
  decisionPoints: ['runner', 'identity-provider', 'token'],
  section: 'tokens',
  scope: 'token',
  run: ({ spec, token, now }) =>
    token.kind === 'unread'
      ? [token.finding]
      : checkToken({
          spec,
          decoded: token.decoded,
          ...(token.verification ? { verification: token.verification } : {}),
          now,
        }),
};
