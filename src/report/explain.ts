/**
 * The explanation of a failed job's log (`permission-preflight explain`, and the action's `mode: explain`): one block
 * per failure the log shows, in the order it showed them, each with its line, the layer that refused it, the likely
 * cause, the fix, the permission line that would have caught it and, with policy files, the deciding statement. As
 * Markdown for the job summary (every outside string through {@link text} or {@link code}, src/report/summary.ts) and
 * as plain text for a terminal.
 */
import type { DecisionPoint, Finding } from '../model/finding.js';
import { CAUSES, code, MAX_SUMMARY_BYTES, POINT_TITLES, text } from './summary.js';

/** What was read, and what was found. */
export interface Explanation {
  /** The log's name as the user gave it (a file, `standard input`, `job "deploy" (123)`). */
  readonly source: string;
  readonly lines: number;
  readonly findings: readonly Finding[];
  /** Distinct failures beyond the cap, not shown. */
  readonly dropped: number;
  /** The log was longer than the size read: what was not read. */
  readonly truncated?: string;
  /** Lines over the line bound, read as their start and end only (src/diagnose/scan.ts, LogDiagnosis.cut). */
  readonly cut?: string;
}

/** A log's diagnosis and what reading it stopped at, as one explanation. */
export function explanationOf(
  source: string,
  d: { readonly lines: number; readonly findings: readonly Finding[]; readonly dropped: number; readonly cut?: string },
  read: { readonly truncated?: string },
): Explanation {
  return {
    source,
    lines: d.lines,
    findings: d.findings,
    dropped: d.dropped,
    ...(read.truncated ? { truncated: read.truncated } : {}),
    ...(d.cut ? { cut: d.cut } : {}),
  };
}

/** What of the log was not read: its middle, the middles of its long lines. Empty when all of it was. */
export function notRead(e: Explanation): string[] {
  const out: string[] = [];
  if (e.truncated) out.push(e.truncated);
  if (e.cut) out.push(e.cut);
  return out;
}

/**
 * `fail` when the log shows a failure, `unverified` when it shows none but was not all read (a failure may be in the
 * part not read: never a clean result), `pass` when it was all read and shows none.
 */
export function explainResult(e: Explanation): 'fail' | 'unverified' | 'pass' {
  if (e.findings.length + e.dropped > 0) return 'fail';
  return notRead(e).length > 0 ? 'unverified' : 'pass';
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The headline: how many failures, where, and what was not read or shown. A refusal the service answers with 400 (an
 * expired AWS session token, Microsoft Entra's token endpoint) is counted as such, not as a 401 or 403.
 */
export function explainHeadline(e: Explanation): string {
  const unread = notRead(e);
  const read = unread.length > 0 ? `(${plural(e.lines, 'line')})` : `(${plural(e.lines, 'line')} read)`;
  const bad = e.findings.filter((f) => f.wouldReturn === 400).length;
  const total = e.findings.length + e.dropped;
  const found =
    e.findings.length === 0
      ? `No 401 or 403 found in ${unread.length > 0 ? `the part read of ${e.source}` : e.source} ${read}`
      : bad === 0 || bad === total
        ? `${plural(total, 'failure')} that would end in ${bad === 0 ? '401 or 403' : '400'} in ${e.source} ${read}`
        : `${plural(total, 'failure')} in ${e.source} ${read}: ${total - bad} would end in 401 or 403, ${bad} in 400`;
  const more = e.dropped > 0 ? `; ${e.dropped} more not shown (the first ${e.findings.length} are)` : '';
  const cut = unread.length > 0 ? `; unverified: ${unread.join('; ')}` : '';
  return `${found}${more}${cut}`;
}

/** A log that could not be read: its name (outside text) and why. */
export interface UnreadLogNote {
  readonly source: string;
  readonly reason: string;
}

/**
 * What leaves a run's explanation unverified, as one line of plain text (for the failure message) and as the
 * summary's headline with one item per log (every outside string through {@link text}): each log that could not be
 * read, and each log read in part that shows no failure in that part. Undefined when every log was read in full or
 * shows a failure.
 */
export function unverifiedHeadline(
  explanations: readonly Explanation[],
  unread: readonly UnreadLogNote[],
): { readonly text: string; readonly markdown: string } | undefined {
  const items = [
    ...unread.map((u) => `could not read the log of ${u.source}: ${u.reason}`),
    ...explanations
      .filter((e) => explainResult(e) === 'unverified')
      .map((e) => `${e.source} was not read in full, and the part read shows no 401 or 403: ${notRead(e).join('; ')}`),
  ];
  if (items.length === 0) return undefined;
  const head = `Unverified: ${plural(items.length, 'job log')} not explained`;
  const list = items.map((item) => `- ${text(item)}`).join('\n');
  return {
    text: `${head}: ${items.join('; ')}`,
    markdown: `## permission-preflight explain\n\n### ⚠️ ${text(head)}\n\n${list}\n\n`,
  };
}

/** A documentation link of the product's own tables (src/model/finding-classes.ts, src/diagnose/) as a link. */
function docLink(url: string): string {
  return /^https:\/\/[^\s()<>[\]`|\\]+$/.test(url) ? `[docs](${url})` : text(url);
}

/** The lines of one finding: label and value, plain. */
function facts(f: Finding): [string, string][] {
  const ev = f.evidence;
  const rows: [string, string][] = [
    ['Log', String(ev.text ?? '')],
    ['What', f.message],
  ];
  // What a plain status refused: the URL its line names, else its step's command (src/diagnose/scan.ts).
  if (ev.target !== undefined) rows.splice(1, 0, ['Target', String(ev.target)]);
  if (ev.occurrences !== undefined) rows.push(['Seen', `${ev.occurrences} times`]);
  // A denial whose message names no layer (decision point `unknown-layer`): the layers it may come from.
  if (Array.isArray(ev.layersToCheck)) {
    const titles = ev.layersToCheck.map((id) => POINT_TITLES[id as DecisionPoint] ?? id);
    rows.push(['Layers to check', titles.join(', ')]);
  }
  if (f.cause) rows.push(['Cause', CAUSES[f.cause]]);
  if (f.fix) rows.push(['Fix', f.fix]);
  if (ev.permission !== undefined) rows.push(['Permission line', String(ev.permission)]);
  if (ev.deciding !== undefined) rows.push(['Deciding', String(ev.deciding)]);
  if (f.docUrl) rows.push(['Docs', f.docUrl]);
  return rows;
}

function title(f: Finding): string {
  const status = f.wouldReturn ? ` (${f.wouldReturn})` : '';
  return `Line ${f.evidence.line}: ${f.class} at ${POINT_TITLES[f.decisionPoint]}${status}`;
}

/** The explanation for a terminal. */
export function renderExplainText(e: Explanation): string {
  const out = [explainHeadline(e), ''];
  for (const f of e.findings) {
    out.push(title(f));
    for (const [label, value] of facts(f)) out.push(`  ${`${label}:`.padEnd(17)}${value}`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** The explanation as Markdown, within `maxBytes` (default: half the job summary's limit). */
export function renderExplainMarkdown(e: Explanation, maxBytes: number = MAX_SUMMARY_BYTES / 2): string {
  const head = `## permission-preflight explain\n\n**${text(explainHeadline(e))}**\n`;
  const blocks: string[] = [];
  let size = head.length;
  let left = e.findings.length;
  for (const f of e.findings) {
    const rows = facts(f).map(([label, value]) =>
      label === 'Log' || label === 'Target' || label === 'Permission line'
        ? `| ${label} | ${code(value)} |`
        : label === 'Docs'
          ? `| ${label} | ${docLink(value)} |`
          : `| ${label} | ${text(value)} |`,
    );
    const block = `\n### ${text(title(f))}\n\n| | |\n|---|---|\n${rows.join('\n')}\n`;
    if (size + block.length > maxBytes) break;
    blocks.push(block);
    size += block.length;
    left--;
  }
  const cut = left > 0 ? `\n_${left} more not shown: the summary is capped._\n` : '';
  return `${head}${blocks.join('')}${cut}`;
}
