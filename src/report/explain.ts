/**
 * The explanation of a failed job's log (`permission-preflight explain`, and the action's `mode: explain`): one block
 * per failure the log shows, in the order it showed them, each with its line, the layer that refused it, the likely
 * cause, the fix, the permission line that would have caught it and, with policy files, the deciding statement. As
 * Markdown for the job summary (every outside string through {@link text} or {@link code}, src/report/summary.ts) and
 * as plain text for a terminal.
 */
import type { Finding } from '../model/finding.js';
import { CAUSES, code, MAX_SUMMARY_BYTES, POINT_TITLES, text } from './summary.js';

/** What was read, and what was found. */
export interface Explanation {
  /** The log's name as the user gave it (a file, `standard input`, `job "deploy" (123)`). */
  readonly source: string;
  readonly lines: number;
  readonly findings: readonly Finding[];
  /** Distinct failures beyond the cap, not shown. */
  readonly dropped: number;
  /** The log was longer than the size read; the rest was not read. */
  readonly truncated?: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The headline: how many failures, where, and what was not read or shown. A refusal the service answers with 400 (an
 * expired AWS session token, Microsoft Entra's token endpoint) is counted as such, not as a 401 or 403.
 */
export function explainHeadline(e: Explanation): string {
  const read = `(${plural(e.lines, 'line')} read)`;
  const bad = e.findings.filter((f) => f.wouldReturn === 400).length;
  const total = e.findings.length + e.dropped;
  const found =
    e.findings.length === 0
      ? `No 401 or 403 found in ${e.source} ${read}`
      : bad === 0 || bad === total
        ? `${plural(total, 'failure')} that would end in ${bad === 0 ? '401 or 403' : '400'} in ${e.source} ${read}`
        : `${plural(total, 'failure')} in ${e.source} ${read}: ${total - bad} would end in 401 or 403, ${bad} in 400`;
  const more = e.dropped > 0 ? `; ${e.dropped} more not shown (the first ${e.findings.length} are)` : '';
  const cut = e.truncated ? `; ${e.truncated}` : '';
  return `${found}${more}${cut}`;
}

/** The lines of one finding: label and value, plain. */
function facts(f: Finding): [string, string][] {
  const ev = f.evidence;
  const rows: [string, string][] = [
    ['Log', String(ev.text ?? '')],
    ['What', f.message],
  ];
  if (ev.occurrences !== undefined) rows.push(['Seen', `${ev.occurrences} times`]);
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
      label === 'Log' || label === 'Permission line'
        ? `| ${label} | ${code(value)} |`
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
