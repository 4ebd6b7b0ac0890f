/**
 * Input nested deeper than any real one is refused where it is read, with its place, before anything walks it: an
 * 8,000-deep array once exhausted the stack (`Maximum call stack size exceeded`) and ended the run with no report.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { parseAwsFile } from '../../src/aws-files/index.js';
import { parseDocument } from '../../src/checks/permissions/policies.js';
import { parseYamlWithPositions } from '../../src/config/file-yaml.js';
import { jsonTooDeep, MAX_JSON_DEPTH, valueTooDeep } from '../../src/text/json-depth.js';
import { runCli } from '../fixtures/cli.js';
import { removeTempDirs, tempDir, writeFile } from '../fixtures/temp-files.js';

afterAll(removeTempDirs);

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('jsonTooDeep', () => {
  it('finds the first bracket past the limit, by line and column', () => {
    expect(jsonTooDeep(nested(MAX_JSON_DEPTH))).toBeUndefined();
    expect(jsonTooDeep(nested(MAX_JSON_DEPTH + 1))).toEqual({ line: 1, column: MAX_JSON_DEPTH + 1 });
    expect(jsonTooDeep(`{\n  "a":\n   ${nested(3)}`, 2)).toEqual({ line: 3, column: 5 });
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const text = `{"a": "${'['.repeat(200)}\\"${'{'.repeat(200)}"}`;
    expect(jsonTooDeep(text)).toBeUndefined();
    expect(JSON.parse(text)).toBeTypeOf('object');
  });

  it('walks 100,000 levels without recursion', () => {
    expect(jsonTooDeep(nested(100_000))).toEqual({ line: 1, column: MAX_JSON_DEPTH + 1 });
    const deep = JSON.parse(nested(8000));
    expect(valueTooDeep(deep)).toBe(true);
    expect(valueTooDeep(JSON.parse(nested(MAX_JSON_DEPTH)))).toBe(false);
  });
});

describe('deep input where it is read', () => {
  it('simulate refuses it as bad input (exit 2), naming the line', async () => {
    const file = writeFile(tempDir(), 'case.json', `{"cases": [\n${nested(8000)}]}`);
    const r = await runCli(['simulate', '--input', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`deeper than ${MAX_JSON_DEPTH} levels at line 2`);
    expect(r.stderr).not.toMatch(/call stack/);
  });

  it('a policy file: an invalid-policy-file finding at its line, and the run goes on', () => {
    const collected = parseAwsFile(`{\n"Policy": ${nested(8000)}}`, 'policies/deep.json', { kind: 'cli' });
    expect(collected.findings.map((f) => [f.class, f.location?.line])).toEqual([['invalid-policy-file', 2]]);
  });

  it('a policy document already parsed (an inline session policy from YAML): refused before it is walked', () => {
    const result = parseDocument(
      { name: 'inline', document: { Version: '2012-10-17', Statement: JSON.parse(nested(8000)) } },
      'identity',
    );
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map((e) => e.code)).toEqual(['too-deep']);
  });

  it('the config file: flow and block nesting both refused with a place', () => {
    const flow = parseYamlWithPositions(`aws:\n  roles: ${nested(8000)}\n`, 'preflight.yml');
    expect(flow.ok ? [] : flow.errors.map((e) => [e.line, e.message])).toEqual([
      [2, `nests deeper than ${MAX_JSON_DEPTH} levels, which no configuration does`],
    ]);
    const block = Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n');
    const parsed = parseYamlWithPositions(`${block} x\n`, 'preflight.yml');
    expect(parsed.ok).toBe(false);
  });
});
