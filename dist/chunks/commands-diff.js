import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  classifyDrift,
  describeChange,
  holdsDocuments,
  parseBaseline,
  policyChanges
} from "./shared-drift-record.js";
import {
  escapeControls
} from "./shared-text-inert.js";
import {
  FILE_LIMITS,
  InputFileError,
  readText
} from "./shared-sources-files.js";
import "./shared-sources-http.js";
import "./shared-text-secrets.js";
import "./shared-text-json-depth.js";
import "./shared-runtime-efb0f0b2.js";

// src/commands/diff.ts
import path from "node:path";
import { parseArgs } from "node:util";

// src/drift/compare.ts
function compareRuns(earlier, later, laterFindings = findingsOf(later)) {
  return {
    earlier,
    later,
    drifts: classifyDrift(laterFindings, later, earlier),
    // A report holds no documents: policies are compared only between two records.
    policyLines: holdsDocuments(later) && holdsDocuments(earlier) && earlier.policies.length > 0 ? policyChanges(later.policies, earlier.policies).flatMap(describeChange) : []
  };
}
function findingsOf(record) {
  const permissions = record.permissions.filter((p) => p.status !== "pass").map(
    (p) => ({
      id: `permissions:${p.action} ${p.resource}`,
      subject: `${p.action} on ${p.resource}`,
      decisionPoint: "identity-policy",
      class: p.class,
      status: p.status,
      message: "",
      evidence: {
        action: p.action,
        resource: p.resource,
        principal: p.principal,
        decision: p.decision,
        context: p.context,
        statements: p.statements
      }
    })
  );
  const credentials = record.credentials.filter((c) => c.status !== "pass").map(
    (c) => ({
      id: c.id,
      subject: c.subject,
      decisionPoint: "token",
      class: c.class,
      status: c.status,
      message: "",
      evidence: {}
    })
  );
  return [...permissions, ...credentials];
}
function reversedOrder(earlier, later, names) {
  const [before, after] = [Date.parse(earlier.recordedAt), Date.parse(later.recordedAt)];
  if (Number.isNaN(before) || Number.isNaN(after) || before <= after) return void 0;
  return `the runs are given newest first: ${names.earlier} (EARLIER) was recorded at ${earlier.recordedAt}, after ${names.later} (LATER) at ${later.recordedAt}. diff takes the earlier run first; to compare them, run \`permission-preflight diff ${names.later} ${names.earlier}\``;
}
function comparisonNotes(c, names) {
  const same = JSON.stringify(c.earlier) === JSON.stringify(c.later) ? [
    `${names.earlier} and ${names.later} are the same run (one record, made at ${c.earlier.recordedAt}): nothing changed between them. Give the record of an earlier run as EARLIER.`
  ] : [];
  return c.earlier.result === "pass" ? same : [
    ...same,
    `${names.earlier} did not pass: a finding that failed there too is a standing failure, not a change; a comparison explains best against a passing run.`
  ];
}
function renderComparison(c, names) {
  const safe = escapeControls;
  const lines = [
    `Comparing ${safe(names.later)} (${safe(c.later.recordedAt)}, ${c.later.result}) with ${safe(names.earlier)} (${safe(c.earlier.recordedAt)}, ${c.earlier.result}).`
  ];
  for (const note of comparisonNotes(c, names)) lines.push(`Note: ${safe(note)}`);
  if (c.drifts.length === 0) {
    lines.push(`No failing finding in ${safe(names.later)}: nothing to classify.`);
  }
  const counts = /* @__PURE__ */ new Map();
  for (const d of c.drifts) counts.set(d.kind, (counts.get(d.kind) ?? 0) + 1);
  if (counts.size > 0) lines.push(`Classified: ${[...counts].map(([k, n]) => `${n} ${k}`).join(", ")}.`);
  for (const d of c.drifts) {
    lines.push("", `${d.kind}: ${safe(d.findingId)}`, `  ${safe(d.summary)}.`);
    for (const change of d.changes) lines.push(`    ${safe(change)}`);
  }
  if (c.policyLines.length > 0) {
    lines.push("", "Policies changed between the runs:");
    for (const line of c.policyLines) lines.push(`  ${safe(line)}`);
  }
  return `${lines.join("\n")}
`;
}

// src/commands/diff.ts
var USAGE = `Usage: permission-preflight diff EARLIER LATER [--format text|json]

Compares two runs of the preflight and classifies each failing finding of LATER against EARLIER, usually the last
passing run: policy-drift (a policy that decides it changed: which statements), trust-or-identity-change (the
token's sub, audience or issuer, or the role's trust), expired-or-rotated-credential, entitlement-removed (allowed
before, denied now by an identity policy, boundary, SCP or RCP that changed), new-request (not checked before),
not-recorded (EARLIER does not hold what decides it, so what changed is not known), or unchanged (the cause is
likely in the application or outside the preflight's view).

EARLIER and LATER are each a JSON report (permission-preflight check --format json, or the action's report.json)
or a baseline record (the action's baseline file or artifact, docs/baseline.md). Two records show the statement-level
difference of every changed policy; a report holds decisions and deciding statements, not the documents.

Options:
  --format FORMAT   text (default), or json: the classification as JSON.

Exit codes: 0 compared; 2 bad usage, a file that is neither a report nor a record, or EARLIER recorded after
LATER (their times, generatedAt or recordedAt, show the order reversed).

Examples:
  permission-preflight diff .github/preflight-baseline.json report.json
  permission-preflight check --format json > today.json; permission-preflight diff yesterday.json today.json
`;
async function readSide(given, io) {
  const text = await readText(path.resolve(io.cwd, given), FILE_LIMITS.input);
  const parsed = parseBaseline(text);
  if (!parsed.ok) throw new InputFileError(`${given}: ${parsed.reason}`);
  return { record: parsed.record, ...parsed.findings ? { findings: parsed.findings } : {} };
}
async function run(args, io) {
  const { values, positionals } = parseArgs({
    args,
    options: { format: { type: "string" } },
    strict: true,
    allowPositionals: true
  });
  const format = values.format ?? "text";
  if (format !== "text" && format !== "json")
    throw new InputFileError(`--format must be text or json, got "${format}"`);
  const [earlierPath, laterPath, ...rest] = positionals;
  if (!earlierPath || !laterPath || rest.length > 0) {
    throw new InputFileError(`diff takes two files, EARLIER and LATER; got ${positionals.length}`);
  }
  const earlier = await readSide(earlierPath, io);
  const later = await readSide(laterPath, io);
  const names = { earlier: earlierPath, later: laterPath };
  const reversed = reversedOrder(earlier.record, later.record, names);
  if (reversed) throw new InputFileError(reversed);
  const comparison = compareRuns(earlier.record, later.record, later.findings);
  if (format === "json") {
    const { drifts, policyLines } = comparison;
    const notes = comparisonNotes(comparison, names);
    io.stdout(`${JSON.stringify({ ...names, notes, drifts, policies: policyLines }, null, 2)}
`);
  } else {
    io.stdout(renderComparison(comparison, names));
  }
  return 0;
}
var diffCommand = { usage: USAGE, run };
export {
  diffCommand
};
