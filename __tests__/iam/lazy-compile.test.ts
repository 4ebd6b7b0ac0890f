/**
 * The engine compiles lazily (src/iam/compile.ts): a layer's first request tests every statement with its Action
 * list read as it is, its second request indexes the layer and compiles the lists. Every path must decide and
 * explain alike: each case of __tests__/iam/cases/ and of bench/corpus.json is evaluated three times against one
 * compiled set, and each answer must equal the others and a fresh set's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compilePolicySet, evaluate } from '../../src/iam/index.js';
import { parseSimulateInput, type SimulateCase, type SimulateResult, simulateCase } from '../../src/iam/simulate.js';

/** The evaluation in a simulate result, without what the other reading decides (SimulateResult). */
const evaluated = ({ otherReading: _other, ...result }: SimulateResult) => result;

const here = dirname(fileURLToPath(import.meta.url));

function readCases(): SimulateCase[] {
  const inputs: unknown[] = [];
  const casesDir = join(here, 'cases');
  for (const file of readdirSync(casesDir).filter((f) => f.endsWith('.json'))) {
    const parsed = JSON.parse(readFileSync(join(casesDir, file), 'utf8')) as { cases: Record<string, unknown>[] };
    for (const raw of parsed.cases) {
      inputs.push(Object.fromEntries(Object.entries(raw).filter(([key]) => key !== 'doc' && key !== 'expected')));
    }
  }
  const corpus = JSON.parse(readFileSync(join(here, '../../bench/corpus.json'), 'utf8')) as { cases: unknown[] };
  inputs.push(...corpus.cases);
  const parsed = parseSimulateInput({ cases: inputs });
  if (!parsed.ok) throw new Error(`cases refused: ${JSON.stringify(parsed.errors[0])}`);
  return parsed.cases;
}

const cases = readCases();

describe('lazy compilation', () => {
  it.each(['decision', 'full'] as const)('decides and explains alike on every request of a set (%s)', (explain) => {
    expect(cases.length).toBeGreaterThan(1300);
    for (const c of cases) {
      const set = compilePolicySet(c.policies);
      const first = evaluate(set, c.request, { explain });
      expect(evaluate(set, c.request, { explain })).toEqual(first);
      expect(evaluate(set, c.request, { explain })).toEqual(first);
      expect(evaluated(simulateCase(c, { explain }))).toEqual(first);
    }
  });

  it('decides alike when a set is asked other questions first', () => {
    // Each set is first asked the next case's request, so that its index is built by another action.
    for (let i = 0; i < cases.length; i++) {
      const c = cases[i] as SimulateCase;
      const other = cases[(i + 1) % cases.length] as SimulateCase;
      const set = compilePolicySet(c.policies);
      const otherFirst = evaluate(set, other.request);
      const mine = evaluate(set, c.request);
      expect(mine).toEqual(evaluated(simulateCase(c)));
      expect(evaluate(set, other.request)).toEqual(otherFirst);
    }
  });
});
