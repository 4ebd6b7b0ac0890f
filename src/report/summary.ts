/**
 * The job summary: a headline (pass, or how many checks would end in 401 or 403), then one section per
 * decision point with a table of its checks: status, what was checked, the evidence, and the fix.
 */
import { type Cause, DECISION_POINTS, type DecisionPoint, type Finding } from '../model/finding.js';
import { DECISION_POINT_ORDER, type Report } from './model.js';

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

/** Escapes text for a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

function evidence(f: Finding): string {
  // <code> rather than backticks: evidence values may hold backticks themselves.
  const code = (v: string) => `<code>${v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/`/g, '&#96;')}</code>`;
  return Object.entries(f.evidence)
    .map(([k, v]) => `${k}: ${code(Array.isArray(v) ? v.join(', ') : String(v))}`)
    .join('<br>');
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function headline(r: Report): string {
  const bad = r.counts.failed + r.counts.unverified;
  const modeNote =
    r.mode === 'report' ? '\n\n> **Report-only mode:** this step does not fail, whatever the result.' : '';
  if (r.result === 'pass') {
    return `### ✅ Preflight passed: ${plural(r.counts.checks, 'check', 'checks')}, every credential would be accepted${modeNote}`;
  }
  if (r.counts.checks === 0) return `### ❌ Preflight failed: nothing was checked, so nothing is verified${modeNote}`;
  const codes = [
    r.counts.would401 ? `${r.counts.would401} would end in 401` : '',
    r.counts.would403 ? `${r.counts.would403} would end in 403` : '',
    r.counts.unverified ? `${r.counts.unverified} could not be verified` : '',
  ].filter(Boolean);
  return `### ❌ Preflight failed: ${bad} of ${plural(r.counts.checks, 'check', 'checks')} would fail${codes.length ? ` (${codes.join(', ')})` : ''}${modeNote}`;
}

/** Renders the whole summary. */
export function renderSummary(r: Report): string {
  const out = ['## permission-preflight', '', headline(r), ''];
  for (const point of DECISION_POINT_ORDER) {
    const findings = r.findings.filter((f) => f.decisionPoint === point);
    if (findings.length === 0) continue;
    out.push(`#### ${POINT_TITLES[point]}`, '', '| status | check | evidence | fix |', '| --- | --- | --- | --- |');
    for (const f of findings) {
      const cause = f.cause ? `<br>Likely cause: ${CAUSES[f.cause]}.` : '';
      const doc = f.docUrl ? ` ([docs](${f.docUrl}))` : '';
      const where = f.location ? `<br>at \`${f.location.file}${f.location.line ? `:${f.location.line}` : ''}\`` : '';
      out.push(
        `| ${STATUS[f.status]} | **${cell(f.subject)}** (\`${f.class}\`)<br>${cell(f.message)}${cause}${where} | ${cell(evidence(f))} | ${cell(f.fix ?? '')}${doc} |`,
      );
    }
    out.push('');
  }
  out.push(
    `<sub>Report v${r.version}, ${r.tool.name} ${r.tool.version}, ${r.generatedAt}, mode \`${r.mode}\`.</sub>`,
    '',
  );
  return out.join('\n');
}
