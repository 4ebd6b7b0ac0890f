import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  describeTime,
  formatEpoch,
  showClaim
} from "./shared-tokens-claims.js";
import {
  explainSubject,
  isGitHubToken
} from "./shared-tokens-github.js";
import {
  describeDuration
} from "./shared-tokens-duration.js";

// src/commands/decode-text.ts
function relative(claim, seconds) {
  const when = describeTime(seconds);
  if (claim === "exp") return seconds > 0 ? `expires ${when}` : `expired ${when}`;
  if (claim === "iat") return seconds > 0 ? `issued ${when} (in the future)` : `issued ${when}`;
  return seconds > 0 ? `not valid yet (valid ${when})` : `valid since ${when}`;
}
function buildDecodeResult(input) {
  const { decoded, verification, findings, now } = input;
  const token = decoded.kind === "jwt" ? { kind: "jwt", length: decoded.length } : decoded.kind === "opaque" ? { kind: "opaque", length: decoded.length, format: decoded.format } : decoded.kind === "malformed" ? { kind: "malformed", length: decoded.length, reason: decoded.reason } : { kind: "oversized", length: decoded.length, limit: decoded.limit };
  const result = findings.length > 0 && findings.every((f) => f.status === "pass") ? "pass" : "fail";
  const verified = verification ? { ...verification, ...input.skipped ? { skipped: true } : {} } : void 0;
  const introspected = verification?.status === "verified" ? verification.introspected : void 0;
  const claims = decoded.kind === "jwt" ? decoded.claims : introspected;
  const tail = { ...verified ? { verification: verified } : {}, findings, result };
  if (!claims) return { source: input.source, token, ...tail };
  const times = ["exp", "nbf", "iat"].flatMap((claim) => {
    const epoch = claims[claim];
    if (typeof epoch !== "number" || !Number.isFinite(epoch)) return [];
    return [{ claim, epoch, at: formatEpoch(epoch), relative: relative(claim, epoch - now) }];
  });
  const { exp, iat } = claims;
  const subject = isGitHubToken(claims) ? explainSubject(claims) : void 0;
  const claimedIssuer = typeof claims.iss === "string" ? claims.iss : void 0;
  const unpinned = decoded.kind === "jwt" && !input.expect.issuer && !input.expect.jwksUrl && !input.skipped;
  return {
    source: input.source,
    token,
    ...decoded.kind === "jwt" ? { header: decoded.header } : {},
    claims,
    times,
    ...typeof exp === "number" && typeof iat === "number" ? { lifetime: describeDuration(exp - iat) } : {},
    ...subject ? { github: { sub: subject.sub, form: subject.parsed.form, because: subject.because } } : {},
    ...unpinned && claimedIssuer ? {
      keysFrom: `the token's own iss (${claimedIssuer}): no --issuer was given, so this proves the issuer signed it, not that the issuer is the one you trust`
    } : {},
    ...tail
  };
}
var STATUS = { pass: "PASS", fail: "FAIL", unverified: "UNVERIFIED" };
function verificationLine(v) {
  if (!v) return "not attempted: there is nothing to verify";
  if (v.skipped) return "SKIPPED (--no-verify): the signature was NOT checked, so nothing above is proven";
  if (v.status === "verified") {
    if (v.method === "introspection")
      return `verified: the introspection endpoint ${v.keySource} says the token is active`;
    return `verified: ${v.alg ?? ""} signature${v.kid ? ` by key "${v.kid}"` : ""}, with keys from ${v.keySource}`;
  }
  if (v.status === "failed") return `FAILED (${v.class}): ${v.reason}`;
  return `NOT VERIFIED: ${v.reason}`;
}
function fields(record, notes = /* @__PURE__ */ new Map()) {
  const width = Math.min(24, Math.max(0, ...Object.keys(record).map((k) => k.length)));
  return Object.entries(record).map(([key, value]) => {
    const note = notes.get(key);
    return `  ${`${key}:`.padEnd(width + 1)} ${showClaim(value)}${note ? `  (${note})` : ""}`;
  });
}
function renderDecodeText(r) {
  const t = r.token;
  const what = t.kind === "jwt" ? "a signed JWT" : t.kind === "opaque" ? t.format === "jwe" ? "an encrypted JWT (JWE): its claims cannot be read" : "an opaque token (not a JWT): its claims cannot be read" : t.kind === "malformed" ? `malformed: ${t.reason}` : `oversized: over the ${t.limit}-character limit, not decoded`;
  const out = [`Token from ${r.source}: ${what}, ${t.length} characters`, ""];
  if (r.header) out.push("Header", ...fields(r.header), "");
  if (r.claims) {
    const notes = new Map((r.times ?? []).map((time) => [time.claim, `${time.at}, ${time.relative}`]));
    const title = r.header ? "Claims (as the token states them)" : "Claims (from the introspection endpoint)";
    out.push(title, ...fields(r.claims, notes));
    if (r.lifetime) out.push(`  lifetime (exp - iat): ${r.lifetime}`);
    out.push("");
  }
  if (r.github) {
    out.push(
      "GitHub subject",
      `  sub is \`${r.github.sub}\` (form: ${r.github.form})`,
      `  because ${r.github.because}`,
      ""
    );
  }
  out.push("Verification", `  ${verificationLine(r.verification)}`);
  if (r.keysFrom) out.push(`  keys were found from ${r.keysFrom}`);
  out.push("");
  const bad = r.findings.filter((f) => f.status !== "pass").length;
  out.push(`Findings (${r.findings.length}${bad ? `, ${bad} failed or not verified` : ""})`);
  for (const f of r.findings) {
    out.push(`  ${STATUS[f.status].padEnd(10)} ${f.class} (${f.decisionPoint})`, `             ${f.message}`);
    if (f.fix && f.status !== "pass") out.push(`             Fix: ${f.fix.replace(/\n/g, "\n             ")}`);
    if (f.docUrl && f.status !== "pass") out.push(`             See ${f.docUrl}`);
  }
  out.push(
    "",
    r.result === "pass" ? "Result: pass: every check passed" : `Result: fail: ${r.findings.filter((f) => f.status === "pass").length} passed, ${r.findings.filter((f) => f.status === "fail").length} failed, ${r.findings.filter((f) => f.status === "unverified").length} could not be verified`,
    ""
  );
  return out.join("\n");
}

export {
  buildDecodeResult,
  renderDecodeText
};
