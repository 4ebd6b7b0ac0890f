/**
 * Renders simulate results for a person reading a terminal.
 */
import type { LayerExplanation, StatementRef } from '../iam/index.js';
import type { SimulateCase, SimulateResult } from '../iam/simulate.js';

function ref(r: StatementRef): string {
  return `${r.policy} statement ${r.index}${r.sid ? ` (${r.sid})` : ''} [${r.effect}]`;
}

function layerLine(l: LayerExplanation): string {
  const name = l.level === undefined ? l.layer : `${l.layer} level ${l.level}`;
  const matched = l.matched.length > 0 ? l.matched.map(ref).join('; ') : 'no statement matched';
  return `    ${name.padEnd(22)} ${l.result.padEnd(15)} ${matched}`;
}

function detailLines(l: LayerExplanation): string[] {
  return (l.statements ?? [])
    .filter((s) => !s.matched)
    .map(
      (s) =>
        `      - ${ref(s.ref)}: ${s.mismatch === 'condition' ? `condition ${s.failedCondition} not met` : `${s.mismatch} does not match`}`,
    );
}

/** Which reading the decision took, where AWS's documentation and its observed behaviour read the policy two ways. */
function readingLines(r: SimulateResult): string[] {
  const other =
    r.otherReading && r.otherReading !== r.decision
      ? `the other reading gives ${r.otherReading.toUpperCase()}`
      : 'the other reading gives the same decision';
  return [
    `  Reading: AWS's documentation and its observed behaviour read this policy two ways; this decision takes the reading that denies (${other}):`,
    ...(r.unsettled ?? []).map((n) => `    - ${n}`),
  ];
}

/** One block per case: the decision, the reason, each layer, and the documented rules that applied. */
export function renderSimulateText(cases: readonly SimulateCase[], results: readonly SimulateResult[]): string {
  const blocks = results.map((r, i) => {
    const c = cases[i] as SimulateCase;
    const e = r.explanation;
    const where = e.decidingLayer
      ? ` (${e.decidingLayer}${e.decidingLevel !== undefined ? ` level ${e.decidingLevel}` : ''})`
      : '';
    const lines = [
      `Case ${i + 1}${c.name ? `: ${c.name}` : ''}`,
      `  ${r.decision.toUpperCase()}${where}`,
      `  ${c.request.action} on ${c.request.resource}${c.request.principal ? ` by ${c.request.principal}` : ''}`,
      `  ${e.reason}`,
    ];
    if (e.layers.length > 0) {
      lines.push('  Layers:');
      for (const l of e.layers) lines.push(layerLine(l), ...detailLines(l));
    }
    for (const n of e.notes) lines.push(`  Note: ${n}`);
    if (r.unsettled) lines.push(...readingLines(r));
    return lines.join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}
