/**
 * src/workflows/yaml-depth.ts: a workflow nested deeper than any real one is refused by one linear pass, before a YAML
 * parser walks it, with its line and column; brackets that are text (block scalars, quoted and plain scalars,
 * comments) never count. And src/workflows/load.ts's time budget for reading all the files, checked between files.
 * The real workflows are the fixtures' and the bench's, each from the public repository its folder names
 * (__tests__/fixtures/workflows/OWNER__REPO, bench/workflows/OWNER__REPO; pulumi/docs' test-github-oidc.yml names its
 * commit in its first line).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkflowModel } from '../../src/workflows/index.js';
import { MAX_YAML_DEPTH, yamlTooDeep } from '../../src/workflows/yaml-depth.js';

const W = '.github/workflows/test-github-oidc.yml';
const PULUMI = readFileSync(path.join('__tests__/fixtures/workflows/pulumi__docs', W), 'utf8');

/** Every workflow and action file under `dir`. */
function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(name) ? [full] : [];
  });
}

describe('yamlTooDeep', () => {
  const real = [...yamlFiles('__tests__/fixtures/workflows'), ...yamlFiles('bench/workflows')];

  it('finds every real workflow and action far within the bound: none nests past 12 levels', () => {
    expect(real.length).toBeGreaterThan(100);
    const over = real.filter((file) => yamlTooDeep(readFileSync(file, 'utf8'), 12) !== undefined);
    expect(over).toEqual([]);
  });

  it('counts no bracket that is text: a block scalar, quoted and plain scalars, a comment', () => {
    const many = '[['.repeat(MAX_YAML_DEPTH);
    const text = `${PULUMI}
      - name: brackets as text
        run: |
          ${many}
          if [[ -z "$X" ]]; then echo ${many}; fi
        env:
          PLAIN: echo ${many}
          DOUBLE: "${many}"
          SINGLE: 'it''s ${many}'
          FLOW: { a: "${many}", b: '${many}' } # ${many}
      # ${many}
`;
    expect(yamlTooDeep(text)).toBeUndefined();
  });

  it.each([
    ['flow collections', `${PULUMI}x: ${'['.repeat(100)}${']'.repeat(100)}\n`, { line: 23, column: 67 }],
    [
      'block mappings, one space deeper each',
      `${PULUMI}${Array.from({ length: 100 }, (_, i) => `${' '.repeat(i)}k${i}:\n`).join('')}`,
      { line: 87, column: 65 },
    ],
    ['compact sequences on one line', `${PULUMI}x:\n  ${'- '.repeat(100)}y\n`, { line: 24, column: 129 }],
  ])('refuses %s nested past the bound, at the line and column', (_name, text, at) => {
    expect(yamlTooDeep(text)).toEqual(at);
  });
});

describe('reading the files', () => {
  it("refuses a workflow nested past the bound before GitHub's parser reads it, at the line and column", async () => {
    const deep = `${PULUMI}x: ${'['.repeat(20000)}${']'.repeat(20000)}\n`;
    const model = await readWorkflowModel({ workflowPaths: [W], read: () => deep });
    expect(model.errors).toEqual([
      {
        code: 'too-large',
        message: `${W}:23:67: not read: it nests collections deeper than ${MAX_YAML_DEPTH} levels (no workflow nests so deep)`,
        position: { file: W, line: 23, column: 67 },
      },
    ]);
    expect(model.jobs).toEqual([]);
  });

  it('reads no file once the time for all is spent, and names each file not read (checked between files)', async () => {
    const paths = ['.github/workflows/a.yml', '.github/workflows/b.yml', '.github/workflows/c.yml'];
    let clock = 0;
    const model = await readWorkflowModel({
      workflowPaths: paths,
      // Each read takes a minute by this clock: the third starts past the two minutes.
      read: () => {
        clock += 60_001;
        return PULUMI;
      },
      now: () => clock,
    });
    expect(model.files.map((f) => f.path)).toEqual(paths.slice(0, 2));
    expect(model.errors).toEqual([
      {
        code: 'too-many-files',
        message:
          '.github/workflows/c.yml was not read: reading the workflow and action files took more than 120 seconds in all',
        position: { file: '.github/workflows/c.yml', line: 1, column: 1 },
      },
    ]);
  });
});
