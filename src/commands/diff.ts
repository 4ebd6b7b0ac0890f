/**
 * `permission-preflight diff EARLIER LATER`: two runs compared. Each is a JSON report (`check --format json`, the
 * action's report.json) or a baseline record (docs/baseline.md); the later run's failing findings are classified
 * against the earlier run (policy drift, trust or identity change, expired or rotated credential, entitlement removed,
 * unchanged, new request, not recorded), and the policies that changed are shown statement by statement when both are records.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { compareRuns, comparisonNotes, renderComparison, reversedOrder } from '../drift/compare.js';
import { parseBaseline } from '../drift/parse.js';
import type { BaselineRecord } from '../drift/record.js';
import type { Finding } from '../model/finding.js';
import { FILE_LIMITS, InputFileError, readText } from '../sources/files.js';
import type { CliIO, Command } from './cli-io.js';

const USAGE = `Usage: permission-preflight diff EARLIER LATER [--format text|json]

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

/** Reads one side: its text, bounded, as a record (a report is read as one). */
async function readSide(given: string, io: CliIO): Promise<{ record: BaselineRecord; findings?: readonly Finding[] }> {
  const text = await readText(path.resolve(io.cwd, given), FILE_LIMITS.input);
  const parsed = parseBaseline(text);
  if (!parsed.ok) throw new InputFileError(`${given}: ${parsed.reason}`);
  return { record: parsed.record, ...(parsed.findings ? { findings: parsed.findings } : {}) };
}

async function run(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { format: { type: 'string' } },
    strict: true,
    allowPositionals: true,
  });
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json')
    throw new InputFileError(`--format must be text or json, got "${format}"`);
  const [earlierPath, laterPath, ...rest] = positionals;
  if (!earlierPath || !laterPath || rest.length > 0) {
    throw new InputFileError(`diff takes two files, EARLIER and LATER; got ${positionals.length}`);
  }
  const earlier = await readSide(earlierPath, io);
  const later = await readSide(laterPath, io);
  const names = { earlier: earlierPath, later: laterPath };
  // Compared backwards, a permission granted since would read as an entitlement removed: refused, not guessed.
  const reversed = reversedOrder(earlier.record, later.record, names);
  if (reversed) throw new InputFileError(reversed);
  const comparison = compareRuns(earlier.record, later.record, later.findings);
  if (format === 'json') {
    const { drifts, policyLines } = comparison;
    const notes = comparisonNotes(comparison, names);
    io.stdout(`${JSON.stringify({ ...names, notes, drifts, policies: policyLines }, null, 2)}\n`);
  } else {
    io.stdout(renderComparison(comparison, names));
  }
  return 0;
}

/** The diff command. */
export const diffCommand: Command = { usage: USAGE, run };
