/**
 * The `check` report for a terminal: the headline, then one section per decision point in the order a request
 * meets them. A passing check is one line; a failing or unverified one shows what was found, the evidence, the
 * likely cause, the fix, where it comes from and the docs. Colour (ANSI) only when asked, i.e. on a terminal
 * without NO_COLOR (https://no-color.org); without it the words PASS, FAIL and UNVERIFIED carry the status.
 */
import type { Finding } from '../model/finding.js';
import { DECISION_POINT_ORDER, headline, instancesNote, type Report, resultLine } from '../report/model.js';
import { CAUSES, POINT_TITLES } from '../report/summary.js';

/** What the text report needs besides the report. */
export interface CheckTextOptions {
  readonly color: boolean;
  /** The configuration file, as given. */
  readonly config: string;
  readonly environment?: string;
}

type Paint = (code: string, text: string) => string;

const STATUS: Readonly<Record<Finding['status'], { readonly word: string; readonly code: string }>> = {
  pass: { word: 'PASS', code: '32' },
  fail: { word: 'FAIL', code: '31' },
  unverified: { word: 'UNVERIFIED', code: '33' },
};
const BOLD = '1';
const DIM = '2';
/** Where a finding's text starts: after two spaces and the widest status word. */
const GUTTER = ' '.repeat(14);
const LABEL_WIDTH = 10;

function painter(color: boolean): Paint {
  return color ? (code, text) => `\u001b[${code}m${text}\u001b[0m` : (_code, text) => text;
}

function headlineText(r: Report, paint: Paint): string {
  const unread = r.result !== 'pass' && r.notRead.length > 0 ? `; not read: ${r.notRead.join('; ')}` : '';
  return paint(`${BOLD};${r.result === 'pass' ? 32 : 31}`, `${headline(r)}${unread}`);
}

function evidenceLines(f: Finding): string[] {
  const entries = Object.entries(f.evidence);
  const width = Math.min(22, Math.max(0, ...entries.map(([k]) => k.length)));
  return entries.map(([key, value]) => {
    const text = Array.isArray(value) ? value.join(', ') : String(value);
    return `${`${key}:`.padEnd(width + 1)} ${text.replace(/\n/g, `\n${' '.repeat(width + 2)}`)}`;
  });
}

/** A labelled block: the label in the gutter, every line of the text aligned after it. */
function block(label: string, lines: readonly string[], paint: Paint): string[] {
  return lines.flatMap((line, i) =>
    line.split('\n').map((part, j) => {
      if (label === '') return `${GUTTER}${part}`;
      return `${GUTTER}${paint(DIM, (i === 0 && j === 0 ? label : '').padEnd(LABEL_WIDTH))}${part}`;
    }),
  );
}

function renderFinding(f: Finding, paint: Paint): string[] {
  const status = STATUS[f.status];
  const word = paint(`${BOLD};${status.code}`, status.word);
  const head = `  ${word}${' '.repeat(GUTTER.length - 2 - status.word.length)}${paint(BOLD, f.subject)}  ${paint(DIM, f.class)}`;
  const note = instancesNote(f);
  const out = [head, ...block('', [f.message], paint), ...(note ? block('', [paint(DIM, note)], paint) : [])];
  if (f.status === 'pass') return out;
  const evidence = evidenceLines(f);
  if (evidence.length > 0) out.push(...block('evidence', evidence, paint));
  const why = [f.cause ? CAUSES[f.cause] : '', f.wouldReturn ? `the real call would end in ${f.wouldReturn}` : '']
    .filter(Boolean)
    .join('; ');
  if (why) out.push(...block('cause', [why], paint));
  if (f.fix) out.push(...block('fix', [f.fix], paint));
  if (f.location) {
    const { file, line, column } = f.location;
    out.push(...block('at', [`${file}${line ? `:${line}${column ? `:${column}` : ''}` : ''}`], paint));
  }
  if (f.docUrl) out.push(...block('docs', [f.docUrl], paint));
  return out;
}

/** Renders the report for a terminal. */
export function renderCheckText(r: Report, options: CheckTextOptions): string {
  const paint = painter(options.color);
  const context = [
    `config ${options.config}`,
    `mode ${r.mode}`,
    ...(options.environment ? [`environment ${options.environment}`] : []),
  ].join(', ');
  const out = [paint(BOLD, 'permission-preflight check') + paint(DIM, ` (${context})`), '', headlineText(r, paint)];
  if (r.mode === 'report') out.push(paint(DIM, 'Report-only mode: the exit code is 0 whatever the result.'));
  for (const point of DECISION_POINT_ORDER) {
    const findings = r.findings.filter((f) => f.decisionPoint === point);
    if (findings.length === 0) continue;
    out.push('', paint(BOLD, POINT_TITLES[point]));
    for (const f of findings) out.push(...renderFinding(f, paint));
  }
  out.push(
    '',
    `Result: ${paint(`${BOLD};${r.result === 'pass' ? 32 : 31}`, r.result)}${resultLine(r).slice(r.result.length)}.`,
    '',
  );
  return out.join('\n');
}
