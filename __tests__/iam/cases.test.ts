/**
 * Data-driven cases that pin AWS's documented IAM evaluation behaviour, one JSON file per topic under `cases/`.
 * Each case is a `simulate` input plus `name`, `doc` (the AWS page that decides it) and `expected`.
 * Focus on some cases with `CASE=<substring of the name> npx vitest run __tests__/iam/cases.test.ts`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseSimulateInput, simulateCase } from '../../src/iam/simulate.js';

interface Expected {
  readonly decision: 'allowed' | 'explicit-deny' | 'implicit-deny';
  readonly layer?: string;
  readonly level?: number;
}

interface CaseEntry {
  readonly file: string;
  readonly raw: Record<string, unknown>;
}

const casesDir = join(dirname(fileURLToPath(import.meta.url)), 'cases');
const files = readdirSync(casesDir)
  .filter((f) => f.endsWith('.json'))
  .sort();

const all: CaseEntry[] = files.flatMap((file) => {
  const parsed = JSON.parse(readFileSync(join(casesDir, file), 'utf8')) as { cases?: unknown };
  if (!Array.isArray(parsed.cases)) throw new Error(`${file}: expected { "cases": [...] }`);
  return parsed.cases.map((raw) => ({ file: file.replace(/\.json$/, ''), raw: raw as Record<string, unknown> }));
});

const focus = process.env.CASE;
const selected = focus ? all.filter(({ raw }) => String(raw.name).includes(focus)) : all;

describe('IAM case corpus', () => {
  it('every case has a non-empty name, a unique name, a docs.aws page and an expectation', () => {
    const seen = new Set<string>();
    const problems: string[] = [];
    for (const { file, raw } of all) {
      const name = typeof raw.name === 'string' ? raw.name.trim() : '';
      if (!name) problems.push(`${file}: a case has no name`);
      if (seen.has(name)) problems.push(`${file}: duplicate name "${name}"`);
      seen.add(name);
      if (typeof raw.doc !== 'string' || !raw.doc.startsWith('https://docs.aws.amazon.com/')) {
        problems.push(`${file}: "${name}" needs a doc URL on https://docs.aws.amazon.com/`);
      }
      const exp = raw.expected as Expected | undefined;
      if (!exp || !['allowed', 'explicit-deny', 'implicit-deny', 'unknown'].includes(exp.decision)) {
        problems.push(`${file}: "${name}" has no valid expected.decision`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('CASE focuses on at least one case', () => {
    expect(selected.length, `no case name contains "${focus}"`).toBeGreaterThan(0);
  });
});

const groups = files
  .map((f) => f.replace(/\.json$/, ''))
  .map((file) => [file, selected.filter((e) => e.file === file)] as const)
  .filter(([, entries]) => entries.length > 0);

describe.each(groups)('%s', (file, entries) => {
  it.each(entries.map((e) => [`${file}: ${String(e.raw.name)}`, e.raw] as const))('%s', (_label, raw) => {
    const expected = raw.expected as Expected;
    const input = Object.fromEntries(Object.entries(raw).filter(([key]) => key !== 'doc' && key !== 'expected'));
    const parsed = parseSimulateInput({ cases: [input] });
    if (!parsed.ok) return expect.fail(`input rejected: ${JSON.stringify(parsed.errors)}`);
    const [simulateInput] = parsed.cases;
    if (simulateInput === undefined) return expect.fail('parseSimulateInput returned no case');
    const result = simulateCase(simulateInput);
    const actual: Record<string, unknown> = { decision: result.decision };
    if (expected.layer !== undefined) actual.layer = result.explanation.decidingLayer;
    if (expected.level !== undefined) actual.level = result.explanation.decidingLevel;
    expect(actual, `${String(raw.doc)}\nreason: ${result.explanation.reason}`).toEqual(expected);
  });
});
