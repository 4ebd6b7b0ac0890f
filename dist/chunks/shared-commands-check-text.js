import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  CAUSES,
  POINT_TITLES
} from "./shared-report-summary.js";
import {
  DECISION_POINT_ORDER,
  headline,
  instancesNote,
  resultLine
} from "./shared-report-model.js";

// src/commands/check-text.ts
var STATUS = {
  pass: { word: "PASS", code: "32" },
  fail: { word: "FAIL", code: "31" },
  unverified: { word: "UNVERIFIED", code: "33" }
};
var BOLD = "1";
var DIM = "2";
var GUTTER = " ".repeat(14);
var LABEL_WIDTH = 10;
function painter(color) {
  return color ? (code, text) => `\x1B[${code}m${text}\x1B[0m` : (_code, text) => text;
}
function headlineText(r, paint) {
  const unread = r.result !== "pass" && r.notRead.length > 0 ? `; not read: ${r.notRead.join("; ")}` : "";
  return paint(`${BOLD};${r.result === "pass" ? 32 : 31}`, `${headline(r)}${unread}`);
}
function evidenceLines(f) {
  const entries = Object.entries(f.evidence);
  const width = Math.min(22, Math.max(0, ...entries.map(([k]) => k.length)));
  return entries.map(([key, value]) => {
    const text = Array.isArray(value) ? value.join(", ") : String(value);
    return `${`${key}:`.padEnd(width + 1)} ${text.replace(/\n/g, `
${" ".repeat(width + 2)}`)}`;
  });
}
function block(label, lines, paint) {
  return lines.flatMap(
    (line, i) => line.split("\n").map((part, j) => {
      if (label === "") return `${GUTTER}${part}`;
      return `${GUTTER}${paint(DIM, (i === 0 && j === 0 ? label : "").padEnd(LABEL_WIDTH))}${part}`;
    })
  );
}
function renderFinding(f, paint) {
  const status = STATUS[f.status];
  const word = paint(`${BOLD};${status.code}`, status.word);
  const head = `  ${word}${" ".repeat(GUTTER.length - 2 - status.word.length)}${paint(BOLD, f.subject)}  ${paint(DIM, f.class)}`;
  const note = instancesNote(f);
  const out = [head, ...block("", [f.message], paint), ...note ? block("", [paint(DIM, note)], paint) : []];
  if (f.status === "pass") return out;
  const evidence = evidenceLines(f);
  if (evidence.length > 0) out.push(...block("evidence", evidence, paint));
  const why = [f.cause ? CAUSES[f.cause] : "", f.wouldReturn ? `the real call would end in ${f.wouldReturn}` : ""].filter(Boolean).join("; ");
  if (why) out.push(...block("cause", [why], paint));
  if (f.fix) out.push(...block("fix", [f.fix], paint));
  if (f.location) {
    const { file, line, column } = f.location;
    out.push(...block("at", [`${file}${line ? `:${line}${column ? `:${column}` : ""}` : ""}`], paint));
  }
  if (f.docUrl) out.push(...block("docs", [f.docUrl], paint));
  return out;
}
function renderCheckText(r, options) {
  const paint = painter(options.color);
  const context = [
    `config ${options.config}`,
    `mode ${r.mode}`,
    ...options.environment ? [`environment ${options.environment}`] : []
  ].join(", ");
  const out = [paint(BOLD, "permission-preflight check") + paint(DIM, ` (${context})`), "", headlineText(r, paint)];
  if (r.mode === "report") out.push(paint(DIM, "Report-only mode: the exit code is 0 whatever the result."));
  for (const point of DECISION_POINT_ORDER) {
    const findings = r.findings.filter((f) => f.decisionPoint === point);
    if (findings.length === 0) continue;
    out.push("", paint(BOLD, POINT_TITLES[point]));
    for (const f of findings) out.push(...renderFinding(f, paint));
  }
  out.push(
    "",
    `Result: ${paint(`${BOLD};${r.result === "pass" ? 32 : 31}`, r.result)}${resultLine(r).slice(r.result.length)}.`,
    ""
  );
  return out.join("\n");
}

export {
  renderCheckText
};
