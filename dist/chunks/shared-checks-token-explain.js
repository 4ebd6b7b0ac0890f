import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  DEFAULT_CLOCK_SKEW_SECONDS,
  checkClaims,
  collectScopes,
  describeTime,
  formatEpoch,
  readAudience,
  showClaim
} from "./shared-tokens-claims.js";
import {
  isUnsafeAlgorithm
} from "./shared-checks-token-id-token.js";
import {
  findingMaker
} from "./shared-model-finding-classes.js";
import {
  GITHUB_OIDC_DOCS,
  classifyIssuer,
  explainSubject,
  explainSubjectMismatch,
  isGitHubToken,
  suggestSubjectFix
} from "./shared-tokens-github.js";
import {
  describeDuration
} from "./shared-tokens-duration.js";

// src/checks/token/explain.ts
var RFC8725 = "https://www.rfc-editor.org/rfc/rfc8725#section-3.1";
var RFC8725_ISSUER = "https://www.rfc-editor.org/rfc/rfc8725#section-3.8";
var RFC7519_TIMES = "https://www.rfc-editor.org/rfc/rfc7519#section-4.1.4";
var RFC7662 = "https://www.rfc-editor.org/rfc/rfc7662#section-2.2";
var AWS_STRING_OPERATORS = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String";
function verificationFailure(v) {
  const evidence = { ...v.alg ? { alg: v.alg } : {}, ...v.kid ? { kid: v.kid } : {} };
  const decisionPoint = v.class === "malformed" ? "token" : "identity-provider";
  const forged = v.alg !== void 0 && isUnsafeAlgorithm(v.alg);
  const fixes = {
    "bad-signature": forged ? "Use a token signed by the issuer with its private key (RS256, ES256, \u2026); unsigned and HMAC tokens are never accepted from an issuer with public keys." : "Make sure the token comes from the configured issuer and was not altered in transit; compare the token's iss with the issuer whose keys were used.",
    "unknown-key": "Check that the key set (discovery, or `jwks-url`) belongs to the token's issuer; a kid the issuer never publishes means another issuer, or a test key, signed it.",
    malformed: "Pass the whole token exactly as issued; it was changed or cut short on the way.",
    "wrong-issuer": "Point the check at the issuer named in the token's iss, or get the token from the expected issuer.",
    inactive: "Get a fresh token: the issuer says this one is revoked, expired or unknown."
  };
  const cause = v.class === "wrong-issuer" ? "changed-trust-or-network-rule" : v.class === "malformed" || forged ? void 0 : "expired-or-rotated-credential";
  return {
    decisionPoint,
    class: v.class,
    message: `The token is refused: ${v.reason}.`,
    evidence,
    fix: fixes[v.class],
    cause: cause ?? null,
    docUrl: v.class === "inactive" ? RFC7662 : RFC8725
  };
}
function unpinnedIssuer(claims) {
  const iss = typeof claims.iss === "string" ? showClaim(claims.iss) : void 0;
  return {
    status: "unverified",
    decisionPoint: "identity-provider",
    class: "issuer-not-pinned",
    message: `The token was NOT verified: its entry sets neither issuer nor jwks-url, so the keys would come from the token's own iss${iss ? ` (\`${iss}\`)` : ""}, and a token from any issuer, an attacker's too, would vouch for itself. It is treated as refused (fail closed).`,
    evidence: { format: "jwt", ...iss ? { iss } : {} },
    fix: `Pin the issuer you trust on this token's entry: \`issuer: <its URL>\` (its keys are then found through <its URL>/.well-known/openid-configuration), or \`jwks-url\` for its key set${iss ? `. The token claims \`${iss}\`: pin that only if it is the issuer you expect` : ""}.`,
    docUrl: RFC8725_ISSUER
  };
}
function claimEvidence(claims, now) {
  const evidence = { now: formatEpoch(now) };
  for (const key of ["iss", "sub", "azp", "client_id"])
    if (typeof claims[key] === "string") evidence[key] = claims[key];
  if (claims.aud !== void 0) evidence.aud = readAudience(claims);
  for (const key of ["exp", "nbf", "iat"]) {
    const value = claims[key];
    if (typeof value !== "number") continue;
    evidence[key] = value;
    evidence[`${key}At`] = `${formatEpoch(value)} (${describeTime(value - now)})`;
  }
  return evidence;
}
function settingName(style, key, value) {
  if (style === "entry") return `\`${key}${value ? `: ${value}` : ""}\` on its entry`;
  return DECODE_FLAGS.has(key) ? `\`--${key}${value && value !== "true" ? ` ${value}` : ""}\`` : void 0;
}
var DECODE_FLAGS = /* @__PURE__ */ new Set(["allow-unverifiable", "jwks-url", "min-lifetime", "clock-skew", "introspection-url"]);
function explainProblem(problem, claims, base, spec, style = "entry") {
  switch (problem.class) {
    case "malformed":
      return malformedClaim(problem, base);
    case "wrong-issuer":
      return wrongIssuer(problem, base);
    case "wrong-audience":
      return wrongAudience(problem, base, spec);
    case "expired":
      return expired(problem, base);
    case "no-expiry":
      return noExpiry(problem, base, style);
    case "expires-too-soon":
      return expiresTooSoon(problem, base, style);
    case "not-yet-valid":
      return notYetValid(problem, base, style);
    case "missing-scope":
      return missingScope(problem, base);
    case "claim-mismatch":
    case "claim-case-mismatch":
      return explainClaimMismatch(problem, claims, base);
  }
}
function malformedClaim(problem, base) {
  return {
    decisionPoint: "token",
    class: "malformed",
    suffix: problem.claim,
    message: `The token is malformed: ${problem.reason}.`,
    evidence: base,
    fix: "The issuer produced a non-standard token; times must be NumericDate values (RFC 7519 \xA72).",
    docUrl: "https://www.rfc-editor.org/rfc/rfc7519#section-2"
  };
}
function wrongIssuer(problem, base) {
  const issuer = problem.actual ? classifyIssuer(problem.actual) : void 0;
  const note = issuer?.form === "enterprise" ? ` GitHub issues tokens from the enterprise's own URL (\u2026/${issuer.slug}) once include_enterprise_slug is on, so the identity provider must be registered for that URL.` : "";
  return {
    decisionPoint: "token",
    class: "wrong-issuer",
    message: `The token's issuer is \`${problem.actual ?? "(none)"}\`, but \`${problem.expected}\` is expected${problem.hint ? ` (${problem.hint})` : ""}.${note}`,
    evidence: { ...base, expectedIssuer: problem.expected },
    fix: problem.actual ? `Expect \`${problem.actual}\` if that issuer is trusted (and register it with the service that checks the token), or get the token from \`${problem.expected}\`.` : "Use a token that names its issuer.",
    cause: "changed-trust-or-network-rule",
    docUrl: issuer && issuer.form !== "other" ? GITHUB_OIDC_DOCS.enterpriseIssuer : "https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation"
  };
}
function wrongAudience(problem, base, spec) {
  const wanted = problem.expected[0] ?? "";
  const how = spec.source.kind === "github-oidc" ? `Request the token with audience \`${wanted}\` (core.getIDToken('${wanted}'), or the audience input of the login action)` : `Request the token for audience \`${wanted}\``;
  return {
    decisionPoint: "token",
    class: "wrong-audience",
    message: `The token's audience is ${list(problem.actual)}, which names none of the expected ${list(problem.expected)}${problem.hint ? ` (${problem.hint})` : ""}.`,
    evidence: { ...base, expectedAudience: problem.expected },
    fix: `${how}, or add the token's audience to the accepted ones if that service should trust it.`,
    cause: "changed-trust-or-network-rule",
    docUrl: "https://www.rfc-editor.org/rfc/rfc7519#section-4.1.3"
  };
}
function expired(problem, base) {
  return {
    decisionPoint: "token",
    class: "expired",
    message: `The token expired ${describeTime(problem.exp - problem.now)} (exp ${formatEpoch(problem.exp)}), beyond the ${problem.skew}-second clock skew allowed.`,
    evidence: { ...base, clockSkewSeconds: problem.skew },
    fix: "Fetch a fresh token right before it is used, in the step that uses it; short-lived tokens fetched early in a job expire before the call.",
    cause: "expired-or-rotated-credential",
    docUrl: RFC7519_TIMES
  };
}
function noExpiry(problem, base, style) {
  const allow = settingName(style, "allow-no-expiry", "true");
  return {
    decisionPoint: "token",
    class: "no-expiry",
    message: `The token has no exp claim, so nothing says when it stops being accepted: a leaked copy stays valid until the issuer rotates its key or revokes it${problem.minimum !== void 0 ? `, and the ${describeDuration(problem.minimum)} it must stay valid cannot be checked` : ""}.`,
    evidence: { ...base, ...problem.minimum !== void 0 ? { minLifetimeSeconds: problem.minimum } : {} },
    fix: `Have the issuer put an exp in the token (short-lived tokens are the point of bearer tokens)${allow ? `, or, if this token is meant never to expire, set ${allow} to accept that explicitly` : ""}.`,
    cause: "expired-or-rotated-credential",
    docUrl: RFC7519_TIMES
  };
}
function expiresTooSoon(problem, base, style) {
  return {
    decisionPoint: "token",
    class: "expires-too-soon",
    message: `The token expires ${describeTime(problem.exp - problem.now)} (exp ${formatEpoch(problem.exp)}), sooner than the ${describeDuration(problem.minimum)} it must stay valid; a token that expires mid-job ends in a 401.`,
    evidence: { ...base, minLifetimeSeconds: problem.minimum, remainingSeconds: problem.exp - problem.now },
    fix: `Fetch the token closer to where it is used (or exchange it at once for a longer session), or lower ${settingName(style, "min-lifetime")} if the job is that short.`,
    cause: "expired-or-rotated-credential",
    docUrl: RFC7519_TIMES
  };
}
function notYetValid(problem, base, style) {
  const what = problem.claim === "nbf" ? "is not valid until" : "claims to be issued at";
  return {
    decisionPoint: "token",
    class: "not-yet-valid",
    suffix: problem.claim,
    message: `The token ${what} ${formatEpoch(problem.at)} (${problem.claim}, ${describeTime(problem.at - problem.now)}), beyond the ${problem.skew}-second clock skew allowed.`,
    evidence: { ...base, clockSkewSeconds: problem.skew },
    fix: `Check this machine's clock (NTP) and the issuer's; raise ${settingName(style, "clock-skew")} only if the issuer's clock is known to run ahead.`,
    docUrl: "https://www.rfc-editor.org/rfc/rfc7519#section-4.1.5"
  };
}
function missingScope(problem, base) {
  const near = problem.nearMatch ? ` It has \`${problem.nearMatch}\`, which differs only in case; scopes are case-sensitive.` : "";
  return {
    decisionPoint: "token",
    class: "missing-scope",
    suffix: problem.scope,
    message: `The token lacks the scope \`${problem.scope}\`; it grants ${problem.granted.length ? problem.granted.map((s) => `\`${s}\``).join(" ") : "no scopes"} (read from ${problem.sources.join(", ") || "no scope claim"}).${near}`,
    evidence: {
      ...base,
      requiredScope: problem.scope,
      grantedScopes: problem.granted,
      scopeClaims: problem.sources
    },
    fix: `Grant \`${problem.scope}\` to the client or app that requests the token, include it in the token request, then fetch a new token.`,
    cause: "changed-entitlement",
    docUrl: "https://www.rfc-editor.org/rfc/rfc6749#section-3.3"
  };
}
function explainClaimMismatch(problem, claims, base) {
  const { claim, pattern, actual } = problem;
  const evidence = { ...base, claim, expectedPattern: pattern, ...actual === void 0 ? {} : { actual } };
  const common = {
    decisionPoint: "token",
    class: problem.class,
    suffix: claim,
    evidence,
    cause: "changed-trust-or-network-rule"
  };
  if (problem.class === "claim-case-mismatch") {
    return {
      ...common,
      message: `The claim \`${claim}\` is \`${actual}\`, which matches the expected pattern \`${pattern}\` only when case is ignored; AWS compares case-sensitively, so it would be refused.`,
      fix: `Write the pattern with the token's exact case${/[*?]/.test(pattern) ? "" : `: \`${actual}\``}.`,
      docUrl: AWS_STRING_OPERATORS
    };
  }
  if (claim === "sub" && isGitHubToken(claims)) {
    const immutable = explainSubject(claims)?.parsed.immutable;
    return {
      ...common,
      message: explainSubjectMismatch(claims, pattern),
      fix: suggestSubjectFix(claims, pattern),
      docUrl: immutable ? GITHUB_OIDC_DOCS.immutable : GITHUB_OIDC_DOCS.subject
    };
  }
  const message = actual === void 0 ? `The token has no \`${claim}\` claim, so the expected pattern \`${pattern}\` cannot match.` : `The claim \`${claim}\` is \`${actual}\`, which does not match the expected pattern \`${pattern}\`.`;
  return {
    ...common,
    message,
    fix: `Change the expected pattern for \`${claim}\` if this token should be trusted, or change how the token is requested so that it carries a matching \`${claim}\`.`,
    docUrl: AWS_STRING_OPERATORS
  };
}
function summarisePass(claims, expect, v, base, now) {
  const checked = [];
  if (expect.issuer) checked.push("issuer");
  if (expect.audience) checked.push("audience");
  checked.push(`times (\xB1${expect.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS}s)`);
  if (expect.minLifetimeSeconds !== void 0)
    checked.push(`lifetime \u2265 ${describeDuration(expect.minLifetimeSeconds)}`);
  if (expect.requiredScopes?.length) checked.push(`scopes ${expect.requiredScopes.join(" ")}`);
  for (const claim of Object.keys(expect.claims ?? {})) checked.push(`${claim} pattern`);
  const verified = v?.status === "verified" ? v : void 0;
  const how = verified?.method === "introspection" ? `Introspected at ${verified.keySource}` : `Verified ${verified?.alg ?? ""} signature${verified?.kid ? ` (key "${verified.kid}")` : ""} with keys from ${verified?.keySource}`;
  const exp = typeof claims.exp === "number" ? `; expires ${describeTime(claims.exp - now)}` : "; it has no exp, which its entry allows (allow-no-expiry)";
  const subject = isGitHubToken(claims) ? explainSubject(claims) : void 0;
  const evidence = {
    ...base,
    checked,
    scopes: collectScopes(claims).scopes,
    ...verified?.alg ? { alg: verified.alg } : {},
    ...verified?.kid ? { kid: verified.kid } : {},
    ...verified ? { keySource: verified.keySource } : {},
    ...subject ? { subForm: subject.parsed.form, subBecause: subject.because } : {}
  };
  return {
    status: "pass",
    decisionPoint: "token",
    class: "ok",
    message: `${how}; checked ${checked.join(", ")}${exp}.`,
    evidence
  };
}
var list = (items) => items.length ? items.map((i) => `\`${i}\``).join(", ") : "(none)";

// src/checks/token.ts
function checkToken(input) {
  const { spec } = input;
  const place = findingMaker({
    idPrefix: `token:${spec.name}`,
    subject: spec.source.kind === "github-oidc" ? `GitHub OIDC token "${spec.name}"` : `token "${spec.name}"`
  });
  const make = (draft) => place(draft.status === "pass" ? draft : { wouldReturn: draft.class === "missing-scope" ? 403 : 401, ...draft });
  return tokenDrafts(input).map(make);
}
function tokenDrafts(input) {
  const { spec, decoded, verification, now } = input;
  if (decoded.kind === "oversized" || decoded.kind === "malformed") return [undecodable(decoded)];
  let claims = decoded.kind === "jwt" ? decoded.claims : void 0;
  if (verification?.status === "verified" && verification.method === "introspection") {
    claims = verification.introspected ?? {};
    if (claims.active !== true) {
      const reason = 'the introspection endpoint did not answer "active": true';
      return [verificationFailure({ status: "failed", class: "inactive", reason })];
    }
  }
  const style = input.settings ?? "entry";
  const drafts = verificationDrafts(spec, decoded, verification, claims, style);
  if (!claims) return drafts;
  const expect = effectiveExpectations(spec);
  const base = claimEvidence(claims, now);
  for (const problem of checkClaims(claims, expect, now))
    drafts.push(explainProblem(problem, claims, base, spec, style));
  if (drafts.length > 0) return drafts;
  return [summarisePass(claims, expect, verification, base, now)];
}
function undecodable(decoded) {
  if (decoded.kind === "oversized") {
    return {
      decisionPoint: "token",
      class: "oversized",
      message: `The token is ${decoded.length} characters, over the ${decoded.limit}-character limit, so it was not decoded.`,
      evidence: { length: decoded.length, limit: decoded.limit },
      fix: "Make sure the variable or file holds one token and nothing else (not a whole response body or a key); servers refuse headers this large anyway."
    };
  }
  return {
    decisionPoint: "token",
    class: "malformed",
    message: `The token is malformed: ${decoded.reason}.`,
    evidence: { length: decoded.length },
    fix: "Pass the whole token on one line, with no quotes, prefix or line breaks; a token cut short usually comes from a truncated variable, file or log copy.",
    docUrl: "https://www.rfc-editor.org/rfc/rfc7519#section-7.2"
  };
}
function verificationDrafts(spec, decoded, verification, claims, style) {
  if (verification?.status === "unverifiable" && verification.unpinned) return [unpinnedIssuer(claims ?? {})];
  if (verification?.status === "failed") return [verificationFailure(verification)];
  if (verification?.status === "verified") return [];
  const opaque = decoded.kind === "opaque";
  const reason = verification?.reason ?? (opaque ? "it is opaque and no introspection endpoint is configured" : "its signature was not checked");
  if (opaque && spec.expect.allowUnverifiable) {
    return [
      {
        status: "pass",
        decisionPoint: "token",
        class: "unverifiable-allowed",
        message: `The token was NOT verified (${reason}); it is accepted only because ${style === "flags" ? "`--allow-unverifiable` is given" : "its entry sets `allow-unverifiable: true`"}, so its issuer, audience, lifetime and scopes are unknown.`,
        evidence: { format: decoded.format, length: decoded.length, allowUnverifiable: true },
        fix: "Configure token introspection (RFC 7662) so the token can be checked.",
        docUrl: RFC7662
      }
    ];
  }
  return [
    {
      status: "unverified",
      decisionPoint: "identity-provider",
      class: "unverifiable",
      message: `The token could not be verified: ${reason}. It is treated as refused (fail closed).`,
      evidence: { format: decoded.kind === "jwt" ? "jwt" : decoded.format },
      fix: opaque ? `Configure token introspection (RFC 7662) for this token${style === "flags" ? " (`--introspection-url`)" : ""}, or set ${settingName(style, "allow-unverifiable", "true")} to accept it unverified.` : `Let this ${style === "flags" ? "machine" : "runner"} reach the issuer's discovery document and JWKS (check proxies and firewalls), or name the key set directly with ${settingName(style, "jwks-url")}${style === "entry" ? " (`oidc-jwks-url` for GitHub's token)" : ""}.`,
      ...opaque ? {} : { cause: "changed-trust-or-network-rule" }
    }
  ];
}
function effectiveExpectations(spec) {
  if (spec.source.kind !== "github-oidc" || spec.expect.audience !== void 0) return spec.expect;
  return { ...spec.expect, audience: [spec.source.audience] };
}
var tokenCheck = {
  id: "token",
  title: "Each token is there, verified against its issuer, and its issuer, audience, lifetime, scopes and claims are as expected.",
  decisionPoints: ["runner", "identity-provider", "token"],
  section: "tokens",
  scope: "token",
  run: ({ spec, token, now }) => token.kind === "unread" ? [token.finding] : checkToken({
    spec,
    decoded: token.decoded,
    ...token.verification ? { verification: token.verification } : {},
    now
  })
};

export {
  checkToken,
  tokenCheck
};
