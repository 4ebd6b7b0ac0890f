/**
 * The job summary: a headline (pass, or how many checks would end in 401 or 403), then one section per
 * decision point with a table of its checks: status, what was checked, the evidence, and the fix.
 */
import { type Cause, DECISION_POINTS, type DecisionPoint, type Finding } from '../model/finding.js';
import { codePointHex, HIDDEN } from '../text/inert.js';
import { DECISION_POINT_ORDER, headline, instancesNote, type Report } from './model.js';

/** A heading for each decision point. */
export const POINT_TITLES = Object.fromEntries(DECISION_POINTS.map((point) => [point.id, point.title])) as Readonly<
  Record<DecisionPoint, string>
>;

/** Each cause, as a person reads it. */
export const CAUSES: Readonly<Record<Cause, string>> = {
  'expired-or-rotated-credential': 'expired or rotated credential',
  'changed-entitlement': 'changed entitlement',
  'changed-trust-or-network-rule': 'changed trust or network rule',
};

const STATUS: Readonly<Record<Finding['status'], string>> = {
  pass: '✅ pass',
  fail: '❌ fail',
  unverified: '⚠️ unverified',
};

/**
 * Characters that mean something to Markdown or HTML somewhere in a line: each is written as a numeric character
 * reference, which GitHub shows as the character and never parses as a tag, an emphasis, a link, a code span, math
 * (`$`), an autolink (`:`, `@`: see {@link AUTOLINK_AT}), a mention (`@`) or a table's column separator (`|`).
 * https://github.github.com/gfm/#entity-and-numeric-character-references
 */
const MARKDOWN_OR_HTML = /[!"#$%&'()*:<>@[\\\]^_`{|}~]/g;

/**
 * Line breaks of every kind, and the other control and hidden characters (src/text/inert.ts `HIDDEN`), which must not
 * end or corrupt a table row, nor show as something they are not; tab and line feed are handled apart.
 */
const CONTROL = new RegExp(`(?![\\t\\n])${HIDDEN.source}`, 'gu');

/** `XXXX`, or `{XXXXX}` past U+FFFF, after a `\u`. */
const hex = (c: string) => ((c.codePointAt(0) ?? 0) > 0xffff ? `{${codePointHex(c)}}` : codePointHex(c));

/**
 * GFM's autolink extension (https://github.github.com/gfm/#autolinks-extension-) makes links of bare text in three
 * forms, and `text` breaks each:
 * - the extended www autolink (`www.` and a domain): found in the source as written, so the `.` after `www`, in any
 *   case, is written `&#46;`;
 * - the extended url autolink (`http://`, `https://`, `ftp://`): found in the source at its `:`, already a reference;
 * - the extended email autolink (`a@b.c`) and the extended protocol autolink (`mailto:` or `xmpp:` and an address):
 *   cmark-gfm, GitHub's renderer, finds these after the parse, in each text node with its references decoded (so
 *   `&#64;` alone is linked), and never across an HTML node: every `@` is followed by an empty HTML comment, which
 *   ends the text node (GitHub drops it from the page).
 */
const AUTOLINK_AT = '&#64;<!-- -->';

/**
 * Outside text as plain text in a table cell: nothing in it is markup or a link, and a line break becomes `<br>`.
 */
export function text(value: string): string {
  return value
    .replace(MARKDOWN_OR_HTML, (c) => (c === '@' ? AUTOLINK_AT : `&#${c.charCodeAt(0)};`))
    .replace(/(?<=www)\./gi, '&#46;')
    .replace(/\r\n|\n/g, '<br>')
    .replace(CONTROL, (c) => `&#92;u${hex(c)}`)
    .replace(/\t/g, ' ');
}

/**
 * Outside text as a code span that nothing in it can end: fenced by one backtick more than its longest run of
 * backticks, padded with a space when it starts or ends with a backtick (GFM strips one space from each side),
 * `|` escaped for the table (GFM unescapes `\|` in a cell before it parses the span), and line breaks and controls
 * shown as `\uXXXX` (a span cannot hold a line break in a table row).
 * https://github.github.com/gfm/#code-spans, https://github.github.com/gfm/#tables-extension-
 */
export function code(value: string): string {
  // An empty span would be a run of two backticks, which opens a longer span instead: one space is shown instead.
  if (value === '') return '` `';
  const inner = value.replace(/[\r\n\t]/g, (c) => `\\u${hex(c)}`).replace(CONTROL, (c) => `\\u${hex(c)}`);
  const longest = Math.max(0, ...(inner.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = inner.startsWith('`') || inner.endsWith('`') || /^ .* $/.test(inner) ? ' ' : '';
  return `${fence}${pad}${inner.replace(/\|/g, '\\|')}${pad}${fence}`;
}

function evidence(f: Finding): string {
  return Object.entries(f.evidence)
    .map(([k, v]) => `${text(k)}: ${code(Array.isArray(v) ? v.join(', ') : String(v))}`)
    .join('<br>');
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function summaryHeadline(r: Report): string {
  const modeNote =
    r.mode === 'report' ? '\n\n> **Report-only mode:** this step does not fail, whatever the result.' : '';
  const unread = r.result !== 'pass' && r.notRead.length > 0 ? `; not read: ${r.notRead.join('; ')}` : '';
  return `### ${r.result === 'pass' ? '✅' : '❌'} ${headline(r)}${text(unread)}${modeNote}`;
}

/**
 * GitHub drops a step's summary above 1 MiB ("Adding a job summary":
 * https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands#adding-a-job-summary). The
 * summary stays under 1,000,000 bytes of UTF-8, which leaves room below 1 MiB for the redactor (src/report/redact.ts
 * writes `***` for a secret) and anything another step appends.
 */
export const MAX_SUMMARY_BYTES = 1_000_000;

/** How the summary is bounded. */
export interface SummaryOptions {
  /** Default {@link MAX_SUMMARY_BYTES}. */
  readonly maxBytes?: number;
  /** Where the JSON report with every finding is, named when rows are left out. */
  readonly reportPath?: string;
}

const utf8 = new TextEncoder();
const bytes = (s: string) => utf8.encode(s).length;

function row(f: Finding): string {
  const cause = f.cause ? `<br>Likely cause: ${CAUSES[f.cause]}.` : '';
  const doc = f.docUrl ? ` ([docs](${f.docUrl}))` : '';
  const where = f.location ? `<br>at ${code(`${f.location.file}${f.location.line ? `:${f.location.line}` : ''}`)}` : '';
  const note = instancesNote(f);
  return `| ${STATUS[f.status]} | **${text(f.subject)}** (${code(f.class)})<br>${text(f.message)}${note ? `<br>${text(note)}` : ''}${cause}${where} | ${evidence(f)} | ${text(f.fix ?? '')}${doc} |`;
}

const sectionHead = (point: DecisionPoint) =>
  [`#### ${POINT_TITLES[point]}`, '', '| status | check | evidence | fix |', '| --- | --- | --- | --- |'].join('\n');

/**
 * Renders the whole summary within `maxBytes`: the headline always, then the rows of the findings that did not
 * pass, then those that passed, each while it fits; the rows left out are counted in a note naming the JSON report,
 * which holds every finding.
 */
export function renderSummary(r: Report, options: SummaryOptions = {}): string {
  const maxBytes = options.maxBytes ?? MAX_SUMMARY_BYTES;
  const head = ['## permission-preflight', '', summaryHeadline(r), ''].join('\n');
  const foot = `<sub>Report v${r.version}, ${r.tool.name} ${r.tool.version}, ${r.generatedAt}, mode \`${r.mode}\`.</sub>\n`;
  const where = options.reportPath ? ` (${code(options.reportPath)})` : '';
  const note = (n: number) =>
    `> **${plural(n, 'finding is', 'findings are')} not shown here** (the summary is kept under ${maxBytes} bytes): every finding is in the JSON report${where}, the action's \`report\` output.\n\n`;
  // Room for the note however many rows it counts.
  let room = maxBytes - bytes(head) - bytes(foot) - bytes(note(r.findings.length)) - 2;
  const rows = new Map<Finding, string>();
  const opened = new Set<DecisionPoint>();
  const byPriority = [
    ...r.findings.filter((f) => f.status !== 'pass'),
    ...r.findings.filter((f) => f.status === 'pass'),
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
    out.push(sectionHead(point), ...shown.map((f) => rows.get(f) as string), '');
  }
  const left = r.findings.length - rows.size;
  if (left > 0) out.push(note(left).trimEnd(), '');
  out.push(foot);
  return out.join('\n');
}
