import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  compileGlob
} from "./shared-iam-glob.js";
import {
  describeDuration
} from "./shared-tokens-duration.js";

// src/tokens/claims.ts
var DEFAULT_CLOCK_SKEW_SECONDS = 60;
function checkClaims(claims, expect, now) {
  const problems = [];
  if (expect.issuer !== void 0) problems.push(...checkIssuer(claims, expect.issuer));
  if (expect.audience !== void 0) problems.push(...checkAudience(claims, expect.audience));
  problems.push(...checkExpiry(claims, expect));
  problems.push(
    ...checkTimes(claims, now, expect.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS, expect.minLifetimeSeconds)
  );
  if (expect.requiredScopes) problems.push(...checkScopes(claims, expect.requiredScopes));
  if (expect.claims) problems.push(...checkClaimPatterns(claims, expect.claims));
  return problems;
}
function checkIssuer(claims, expected) {
  const actual = claims.iss;
  if (actual === expected) return [];
  if (typeof actual !== "string") return [{ class: "wrong-issuer", expected, hint: 'the token has no "iss" claim' }];
  let hint;
  if (actual.replace(/\/+$/, "") === expected.replace(/\/+$/, "")) hint = "they differ only by a trailing slash";
  else if (actual.toLowerCase() === expected.toLowerCase()) hint = "they differ only in case";
  return [{ class: "wrong-issuer", expected, actual, ...hint ? { hint } : {} }];
}
function readAudience(claims) {
  const aud = claims.aud;
  if (typeof aud === "string") return [aud];
  return Array.isArray(aud) ? aud.filter((a) => typeof a === "string") : [];
}
function checkAudience(claims, expected) {
  const actual = readAudience(claims);
  if (expected.length === 0 || actual.some((a) => expected.includes(a))) return [];
  const lower = new Set(expected.map((e) => e.toLowerCase()));
  const hint = actual.some((a) => lower.has(a.toLowerCase())) ? "an audience differs only in case, and audiences are compared exactly" : void 0;
  return [{ class: "wrong-audience", expected, actual, ...hint ? { hint } : {} }];
}
function checkExpiry(claims, expect) {
  if (claims.exp !== void 0 || expect.allowNoExpiry === true) return [];
  return [
    { class: "no-expiry", ...expect.minLifetimeSeconds !== void 0 ? { minimum: expect.minLifetimeSeconds } : {} }
  ];
}
function checkTimes(claims, now, skew, minLifetime) {
  const problems = [];
  const time = (claim) => {
    const value = claims[claim];
    if (value === void 0) return void 0;
    if (typeof value === "number" && Number.isFinite(value)) return value;
    problems.push({ class: "malformed", claim, reason: `"${claim}" must be a number of seconds since the epoch` });
    return void 0;
  };
  const exp = time("exp");
  const nbf = time("nbf");
  const iat = time("iat");
  if (exp !== void 0 && now - skew >= exp) problems.push({ class: "expired", exp, now, skew });
  else if (exp !== void 0 && minLifetime !== void 0 && exp - now < minLifetime) {
    problems.push({ class: "expires-too-soon", exp, now, minimum: minLifetime });
  }
  if (nbf !== void 0 && nbf > now + skew)
    problems.push({ class: "not-yet-valid", claim: "nbf", at: nbf, now, skew });
  if (iat !== void 0 && iat > now + skew)
    problems.push({ class: "not-yet-valid", claim: "iat", at: iat, now, skew });
  return problems;
}
var SCOPE_CLAIMS = ["scope", "scp", "scopes", "permissions", "roles"];
function collectScopes(claims) {
  const scopes = /* @__PURE__ */ new Set();
  const sources = [];
  for (const name of SCOPE_CLAIMS) {
    const value = claims[name];
    const items = typeof value === "string" ? value.split(/\s+/) : Array.isArray(value) ? value : void 0;
    if (items === void 0) continue;
    sources.push(name);
    for (const item of items) if (typeof item === "string" && item !== "") scopes.add(item);
  }
  return { scopes: [...scopes], sources };
}
function checkScopes(claims, required) {
  const { scopes, sources } = collectScopes(claims);
  const granted = new Set(scopes);
  return required.filter((scope) => !granted.has(scope)).map((scope) => {
    const nearMatch = scopes.find((s) => s.toLowerCase() === scope.toLowerCase());
    return { class: "missing-scope", scope, granted: scopes, sources, ...nearMatch ? { nearMatch } : {} };
  });
}
function matchClaim(value, pattern) {
  const values = (Array.isArray(value) ? value : [value]).flatMap(
    (v) => typeof v === "string" ? [v] : typeof v === "number" || typeof v === "boolean" ? [String(v)] : []
  );
  if (values.some(compileGlob(pattern))) return "match";
  return values.some(compileGlob(pattern, true)) ? "case-only" : "no-match";
}
function checkClaimPatterns(claims, patterns) {
  const problems = [];
  for (const [claim, pattern] of Object.entries(patterns)) {
    const value = claims[claim];
    const result = matchClaim(value, pattern);
    if (result === "match") continue;
    const actual = value === void 0 ? void 0 : showClaim(value);
    problems.push({
      class: result === "case-only" ? "claim-case-mismatch" : "claim-mismatch",
      claim,
      pattern,
      ...actual === void 0 ? {} : { actual }
    });
  }
  return problems;
}
function showClaim(value) {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 199)}\u2026` : text;
}
function describeTime(seconds) {
  if (Math.round(seconds) === 0) return "now";
  const span = describeDuration(seconds);
  return seconds > 0 ? `in ${span}` : `${span} ago`;
}
function formatEpoch(seconds) {
  const date = new Date(seconds * 1e3);
  return Number.isNaN(date.getTime()) ? `epoch ${seconds}` : date.toISOString().replace(".000Z", "Z");
}

export {
  DEFAULT_CLOCK_SKEW_SECONDS,
  checkClaims,
  readAudience,
  collectScopes,
  showClaim,
  describeTime,
  formatEpoch
};
