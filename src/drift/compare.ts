/**
 * Two runs compared, for `permission-preflight diff A B` and for the action's own comparison: the later run's
 * failing findings classified against the earlier run (./classify.ts), rendered as text. Pure; every outside string
 * has its control characters escaped (src/text/inert.ts `escapeControls`) before it is printed.
 */

import type { Finding } from '../model/finding.js';
import { escapeControls } from '../text/inert.js';
import { classifyDrift, type Drift, describeChange, policyChanges } from './classify.js';
import { type BaselineRecord, holdsDocuments } from './record.js';

/** A comparison: the later run's failing findings with their drift, and the policies that changed. */
export interface Comparison {
  readonly earlier: BaselineRecord;
  readonly later: BaselineRecord;
  readonly drifts: readonly Drift[];
  /** Every policy change between the runs, as lines. */
  readonly policyLines: readonly string[];
}

/**
 * Compares `later` with `earlier`. The later run's failing findings are those of its report when given; a record
 * alone has its failing permissions and credentials, rebuilt as findings of the same ids.
 */
export function compareRuns(
  earlier: BaselineRecord,
  later: BaselineRecord,
  laterFindings: readonly Finding[] = findingsOf(later),
): Comparison {
  return {
    earlier,
    later,
    drifts: classifyDrift(laterFindings, later, earlier),
    // A report holds no documents: policies are compared only between two records.
    policyLines:
      holdsDocuments(later) && holdsDocuments(earlier) && earlier.policies.length > 0
        ? policyChanges(later.policies, earlier.policies).flatMap(describeChange)
        : [],
  };
}

/** A record's failing permissions and credentials as minimal findings, for classification. */
function findingsOf(record: BaselineRecord): Finding[] {
  const permissions = record.permissions
    .filter((p) => p.status !== 'pass')
    .map(
      (p): Finding => ({
        id: `permissions:${p.action} ${p.resource}`,
        subject: `${p.action} on ${p.resource}`,
        decisionPoint: 'identity-policy',
        class: p.class,
        status: p.status,
        message: '',
        evidence: {
          action: p.action,
          resource: p.resource,
          principal: p.principal,
          decision: p.decision,
          context: p.context,
          statements: p.statements,
        },
      }),
    );
  const credentials = record.credentials
    .filter((c) => c.status !== 'pass')
    .map(
      (c): Finding => ({
        id: c.id,
        subject: c.subject,
        decisionPoint: 'token',
        class: c.class,
        status: c.status,
        message: '',
        evidence: {},
      }),
    );
  return [...permissions, ...credentials];
}

/** The two sides' names, as given. */
export interface ComparedNames {
  readonly earlier: string;
  readonly later: string;
}

/**
 * Why the two runs cannot be compared in the order given, when their times show it reversed: EARLIER was recorded
 * after LATER, so every change would read backwards (an entitlement granted since would read as removed). A time
 * that does not parse leaves the order to the user.
 */
export function reversedOrder(
  earlier: BaselineRecord,
  later: BaselineRecord,
  names: ComparedNames,
): string | undefined {
  const [before, after] = [Date.parse(earlier.recordedAt), Date.parse(later.recordedAt)];
  if (Number.isNaN(before) || Number.isNaN(after) || before <= after) return undefined;
  return (
    `the runs are given newest first: ${names.earlier} (EARLIER) was recorded at ${earlier.recordedAt}, after ` +
    `${names.later} (LATER) at ${later.recordedAt}. diff takes the earlier run first; to compare them, run ` +
    `\`permission-preflight diff ${names.later} ${names.earlier}\``
  );
}

/** What the reader should know about the comparison itself, before its classifications (text and JSON alike). */
export function comparisonNotes(c: Comparison, names: ComparedNames): string[] {
  // One run given twice (the same file, or a copy): nothing can have changed between them, whatever else is said.
  const same =
    JSON.stringify(c.earlier) === JSON.stringify(c.later)
      ? [
          `${names.earlier} and ${names.later} are the same run (one record, made at ${c.earlier.recordedAt}): nothing changed between them. Give the record of an earlier run as EARLIER.`,
        ]
      : [];
  return c.earlier.result === 'pass'
    ? same
    : [
        ...same,
        `${names.earlier} did not pass: a finding that failed there too is a standing failure, not a change; a comparison explains best against a passing run.`,
      ];
}

/** The comparison as text for a terminal: a headline, then each classified finding with its changes. */
export function renderComparison(c: Comparison, names: ComparedNames): string {
  // No outside text starts a line, so only control and reordering characters need escaping.
  const safe = escapeControls;
  const lines = [
    `Comparing ${safe(names.later)} (${safe(c.later.recordedAt)}, ${c.later.result}) with ${safe(names.earlier)} (${safe(c.earlier.recordedAt)}, ${c.earlier.result}).`,
  ];
  for (const note of comparisonNotes(c, names)) lines.push(`Note: ${safe(note)}`);
  if (c.drifts.length === 0) {
    lines.push(`No failing finding in ${safe(names.later)}: nothing to classify.`);
  }
  const counts = new Map<string, number>();
  for (const d of c.drifts) counts.set(d.kind, (counts.get(d.kind) ?? 0) + 1);
  if (counts.size > 0) lines.push(`Classified: ${[...counts].map(([k, n]) => `${n} ${k}`).join(', ')}.`);
  for (const d of c.drifts) {
    lines.push('', `${d.kind}: ${safe(d.findingId)}`, `  ${safe(d.summary)}.`);
    for (const change of d.changes) lines.push(`    ${safe(change)}`);
  }
  if (c.policyLines.length > 0) {
    lines.push('', 'Policies changed between the runs:');
    for (const line of c.policyLines) lines.push(`  ${safe(line)}`);
  }
  return `${lines.join('\n')}\n`;
}
