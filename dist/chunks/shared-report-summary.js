import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  DECISION_POINT_ORDER,
  headline,
  instancesNote
} from "./shared-report-model.js";
import {
  DECISION_POINTS
} from "./shared-model-finding-classes.js";
import {
  HIDDEN,
  codePointHex
} from "./shared-text-inert.js";

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
var CONTROL = new RegExp(`(?![\\t\\n])${HIDDEN.source}`, "gu");
var hex = (c) => (c.codePointAt(0) ?? 0) > 65535 ? `{${codePointHex(c)}}` : codePointHex(c);
var AUTOLINK_AT = "&#64;<!-- -->";
function text(value) {
  return value.replace(MARKDOWN_OR_HTML, (c) => c === "@" ? AUTOLINK_AT : `&#${c.charCodeAt(0)};`).replace(/(?<=www)\./gi, "&#46;").replace(/\r\n|\n/g, "<br>").replace(CONTROL, (c) => `&#92;u${hex(c)}`).replace(/\t/g, " ");
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
function summaryHeadline(r) {
  const modeNote = r.mode === "report" ? "\n\n> **Report-only mode:** this step does not fail, whatever the result." : "";
  const unread = r.result !== "pass" && r.notRead.length > 0 ? `; not read: ${r.notRead.join("; ")}` : "";
  return `### ${r.result === "pass" ? "\u2705" : "\u274C"} ${headline(r)}${text(unread)}${modeNote}`;
}
var MAX_SUMMARY_BYTES = 1e6;
var utf8 = new TextEncoder();
var bytes = (s) => utf8.encode(s).length;
function row(f) {
  const cause = f.cause ? `<br>Likely cause: ${CAUSES[f.cause]}.` : "";
  const doc = f.docUrl ? ` ([docs](${f.docUrl}))` : "";
  const where = f.location ? `<br>at ${code(`${f.location.file}${f.location.line ? `:${f.location.line}` : ""}`)}` : "";
  const note = instancesNote(f);
  return `| ${STATUS[f.status]} | **${text(f.subject)}** (${code(f.class)})<br>${text(f.message)}${note ? `<br>${text(note)}` : ""}${cause}${where} | ${evidence(f)} | ${text(f.fix ?? "")}${doc} |`;
}
var sectionHead = (point) => [`#### ${POINT_TITLES[point]}`, "", "| status | check | evidence | fix |", "| --- | --- | --- | --- |"].join("\n");
function renderSummary(r, options = {}) {
  const maxBytes = options.maxBytes ?? MAX_SUMMARY_BYTES;
  const head = ["## permission-preflight", "", summaryHeadline(r), ""].join("\n");
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
  POINT_TITLES,
  CAUSES,
  text,
  code,
  MAX_SUMMARY_BYTES,
  renderSummary
};
