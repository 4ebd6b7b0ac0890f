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
function buildReport(input) {
  const findings = input.findings.map(completeFinding);
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
  const other = failing.length - with401 - with403 - with400;
  return [
    with401 ? `${with401} would end in 401` : "",
    with403 ? `${with403} would end in 403` : "",
    with400 ? `${with400} would end in 400` : "",
    other ? `${other} would fail otherwise` : "",
    r.counts.unverified ? `${r.counts.unverified} could not be verified` : ""
  ].filter(Boolean);
}

export {
  DECISION_POINT_ORDER,
  buildReport,
  headlineParts
};
