import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  DECISION_POINTS,
  completeFinding
} from "./shared-model-finding-classes.js";

// src/report/model.ts
var DECISION_POINT_ORDER = DECISION_POINTS.map((point) => point.id);
var NAMED_PER_ROLE = 3;
function notReadByRole(findings) {
  const byRole = /* @__PURE__ */ new Map();
  for (const f of findings) {
    if (f.class !== "layer-not-read") continue;
    const role = typeof f.evidence.role === "string" ? f.evidence.role : "";
    const layers = Array.isArray(f.evidence.notRead) ? f.evidence.notRead : [];
    const set = byRole.get(role) ?? /* @__PURE__ */ new Set();
    byRole.set(role, set);
    for (const layer of layers)
      set.add(layer === "resource policy" ? `resource policy of ${f.evidence.resource}` : layer);
  }
  return [...byRole].map(([role, set]) => {
    const all = [...set];
    const named = all.slice(0, NAMED_PER_ROLE).join(", ");
    const more = all.length > NAMED_PER_ROLE ? ` and ${all.length - NAMED_PER_ROLE} more` : "";
    return `${named}${more}${role ? ` (role ${role})` : ""}`;
  });
}
function foldRepeats(findings) {
  const key = (f) => JSON.stringify([
    f.class,
    f.status,
    f.subject,
    f.message,
    f.fix ?? null,
    f.location ? [f.location.file, f.location.line ?? null, f.location.column ?? null] : null
  ]);
  const groups = /* @__PURE__ */ new Map();
  const out = [];
  for (const f of findings) {
    const k = key(f);
    const ids = groups.get(k);
    if (ids) {
      ids.push(...f.instances ?? [f.id]);
      continue;
    }
    groups.set(k, [...f.instances ?? [f.id]]);
    out.push(f);
  }
  return out.map((f) => {
    const ids = groups.get(key(f)) ?? [];
    return ids.length > 1 ? { ...f, instances: ids } : f;
  });
}
function instancesNote(f) {
  const n = f.instances?.length ?? 0;
  return n > 1 ? `Stands for ${n} findings alike, at this place (one per job instance or step that reaches it: matrix values, callers, or a composite action used more than once; the JSON report's \`instances\` lists their ids).` : "";
}
function buildReport(input) {
  const findings = foldRepeats(input.findings.map(completeFinding));
  const failed = findings.filter((f) => f.status === "fail").length;
  const unverified = findings.filter((f) => f.status === "unverified").length;
  const passed = findings.length - failed - unverified;
  return {
    version: 1,
    tool: { name: "permission-preflight", version: input.version },
    mode: input.mode,
    result: findings.length > 0 && failed === 0 && unverified === 0 ? "pass" : "fail",
    generatedAt: input.now.toISOString(),
    counts: {
      checks: findings.length,
      passed,
      failed,
      unverified,
      would401: findings.filter((f) => f.status !== "pass" && f.wouldReturn === 401).length,
      would403: findings.filter((f) => f.status !== "pass" && f.wouldReturn === 403).length,
      layerNotRead: findings.filter((f) => f.class === "layer-not-read").length
    },
    notRead: notReadByRole(findings),
    findings
  };
}
function headlineParts(r) {
  const failing = r.findings.filter((f) => f.status === "fail");
  const by = (code) => failing.filter((f) => f.wouldReturn === code).length;
  const with401 = by(401);
  const with403 = by(403);
  const with400 = by(400);
  const with404 = by(404);
  const other = failing.length - with401 - with403 - with400 - with404;
  return [
    with401 ? `${with401} would end in 401` : "",
    with403 ? `${with403} would end in 403` : "",
    with400 ? `${with400} would end in 400` : "",
    with404 ? `${with404} would end in 404` : "",
    other ? `${other} would fail without an HTTP status` : ""
  ].filter(Boolean);
}
var checks = (n) => `${n} ${n === 1 ? "check" : "checks"}`;
function headline(r) {
  const { counts } = r;
  if (r.result === "pass") return `Preflight passed: ${checks(counts.checks)}, every credential would be accepted`;
  if (counts.checks === 0) return "Preflight failed: nothing was checked, so nothing is verified";
  const codes = headlineParts(r);
  const failing = counts.failed ? `${counts.failed} of ${counts.checks} checks would fail${codes.length ? ` (${codes.join(", ")})` : ""}` : "";
  if (counts.unverified === 0) return `Preflight failed: ${failing}`;
  if (!failing) {
    return `Preflight failed: ${counts.unverified} of ${counts.checks} checks could not be verified (none was found to fail; what is not verified fails the preflight)`;
  }
  return `Preflight failed: ${failing}, and ${counts.unverified} could not be verified`;
}
function resultLine(r) {
  const { passed, failed, unverified } = r.counts;
  const why = r.result === "pass" ? "" : failed === 0 && unverified > 0 ? " (not verified)" : "";
  return `${r.result}${why}: ${passed} passed, ${failed} would fail, ${unverified} could not be verified`;
}

export {
  DECISION_POINT_ORDER,
  instancesNote,
  buildReport,
  headline,
  resultLine
};
