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

// src/report/summary.ts
var POINT_TITLES = Object.fromEntries(DECISION_POINTS.map((point) => [point.id, point.title]));
var CAUSES = {
  "expired-or-rotated-credential": "expired or rotated credential",
  "changed-entitlement": "changed entitlement",
  "changed-trust-or-network-rule": "changed trust or network rule"
};
var STATUS = {
  pass: "\u2705 pass",
  fail: "\u274C fail",
  unverified: "\u26A0\uFE0F unverified"
};
var MARKDOWN_OR_HTML = /[!"#$%&'()*:<>@[\\\]^_`{|}~]/g;
var CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
var hex = (c) => c.charCodeAt(0).toString(16).padStart(4, "0");
function text(value) {
  return value.replace(MARKDOWN_OR_HTML, (c) => `&#${c.charCodeAt(0)};`).replace(/\r\n|\n/g, "<br>").replace(CONTROL, (c) => `&#92;u${hex(c)}`).replace(/\t/g, " ");
}
function code(value) {
  if (value === "") return "` `";
  const inner = value.replace(/[\r\n\t]/g, (c) => `\\u${hex(c)}`).replace(CONTROL, (c) => `\\u${hex(c)}`);
  const longest = Math.max(0, ...(inner.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = inner.startsWith("`") || inner.endsWith("`") || /^ .* $/.test(inner) ? " " : "";
  return `${fence}${pad}${inner.replace(/\|/g, "\\|")}${pad}${fence}`;
}
function evidence(f) {
  return Object.entries(f.evidence).map(([k, v]) => `${text(k)}: ${code(Array.isArray(v) ? v.join(", ") : String(v))}`).join("<br>");
}
var plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
function headline(r) {
  const bad = r.counts.failed + r.counts.unverified;
  const modeNote = r.mode === "report" ? "\n\n> **Report-only mode:** this step does not fail, whatever the result." : "";
  if (r.result === "pass") {
    return `### \u2705 Preflight passed: ${plural(r.counts.checks, "check", "checks")}, every credential would be accepted${modeNote}`;
  }
  if (r.counts.checks === 0) return `### \u274C Preflight failed: nothing was checked, so nothing is verified${modeNote}`;
  const codes = [
    r.counts.would401 ? `${r.counts.would401} would end in 401` : "",
    r.counts.would403 ? `${r.counts.would403} would end in 403` : "",
    r.counts.unverified ? `${r.counts.unverified} could not be verified` : ""
  ].filter(Boolean);
  const unread = r.notRead.length > 0 ? `; not read: ${r.notRead.join("; ")}` : "";
  return `### \u274C Preflight failed: ${bad} of ${plural(r.counts.checks, "check", "checks")} would fail${codes.length ? ` (${codes.join(", ")})` : ""}${text(unread)}${modeNote}`;
}
var MAX_SUMMARY_BYTES = 1e6;
var utf8 = new TextEncoder();
var bytes = (s) => utf8.encode(s).length;
function row(f) {
  const cause = f.cause ? `<br>Likely cause: ${CAUSES[f.cause]}.` : "";
  const doc = f.docUrl ? ` ([docs](${f.docUrl}))` : "";
  const where = f.location ? `<br>at ${code(`${f.location.file}${f.location.line ? `:${f.location.line}` : ""}`)}` : "";
  return `| ${STATUS[f.status]} | **${text(f.subject)}** (${code(f.class)})<br>${text(f.message)}${cause}${where} | ${evidence(f)} | ${text(f.fix ?? "")}${doc} |`;
}
var sectionHead = (point) => [`#### ${POINT_TITLES[point]}`, "", "| status | check | evidence | fix |", "| --- | --- | --- | --- |"].join("\n");
function renderSummary(r, options = {}) {
  const maxBytes = options.maxBytes ?? MAX_SUMMARY_BYTES;
  const head = ["## permission-preflight", "", headline(r), ""].join("\n");
  const foot = `<sub>Report v${r.version}, ${r.tool.name} ${r.tool.version}, ${r.generatedAt}, mode \`${r.mode}\`.</sub>
`;
  const where = options.reportPath ? ` (${code(options.reportPath)})` : "";
  const note = (n) => `> **${plural(n, "finding is", "findings are")} not shown here** (the summary is kept under ${maxBytes} bytes): every finding is in the JSON report${where}, the action's \`report\` output.

`;
  let room = maxBytes - bytes(head) - bytes(foot) - bytes(note(r.findings.length)) - 2;
  const rows = /* @__PURE__ */ new Map();
  const opened = /* @__PURE__ */ new Set();
  const byPriority = [
    ...r.findings.filter((f) => f.status !== "pass"),
    ...r.findings.filter((f) => f.status === "pass")
  ];
  for (const f of byPriority) {
    const line = row(f);
    const cost = bytes(line) + 1 + (opened.has(f.decisionPoint) ? 0 : bytes(sectionHead(f.decisionPoint)) + 3);
    if (cost > room) continue;
    room -= cost;
    rows.set(f, line);
    opened.add(f.decisionPoint);
  }
  const out = [head];
  for (const point of DECISION_POINT_ORDER) {
    const shown = r.findings.filter((f) => f.decisionPoint === point && rows.has(f));
    if (shown.length === 0) continue;
    out.push(sectionHead(point), ...shown.map((f) => rows.get(f)), "");
  }
  const left = r.findings.length - rows.size;
  if (left > 0) out.push(note(left).trimEnd(), "");
  out.push(foot);
  return out.join("\n");
}

export {
  DECISION_POINT_ORDER,
  buildReport,
  POINT_TITLES,
  CAUSES,
  text,
  code,
  MAX_SUMMARY_BYTES,
  renderSummary
};
