// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` here is a GitHub expression, not JS.
/**
 * src/workflows/template-reader.ts must give exactly what GitHub's template reader gives (`readTemplate`,
 * @actions/workflow-parser) over the same YAML, or decline so that GitHub's reader runs: the whole parsed file (token
 * tree, triggers, errors) of `parseWorkflowFile` and `parseActionFile`, and the parser's own result (tokens with their
 * `definitionInfo`, and each error with its message, prefix and range, in order), on every YAML file of the fixtures
 * and the benchmark's repositories, on generated YAML, and on the fixtures edited at random to break the schema:
 * unknown and duplicate keys, values of the wrong type, wrong and unknown expressions, expressions in keys.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { NoOperationTraceWriter } from '@actions/workflow-parser';
import { ACTION_ROOT } from '@actions/workflow-parser/actions/action-constants';
import { getActionSchema } from '@actions/workflow-parser/actions/action-schema';
import { TemplateContext, TemplateValidationErrors } from '@actions/workflow-parser/templates/template-context';
import { readTemplate } from '@actions/workflow-parser/templates/template-reader';
import { WORKFLOW_ROOT } from '@actions/workflow-parser/workflows/workflow-constants';
import { getWorkflowSchema } from '@actions/workflow-parser/workflows/workflow-schema';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { fastReader, parseFast } from '../../src/workflows/fast-reader.js';
import { type ParsedFile, parseActionFile, parseWorkflowFile } from '../../src/workflows/parse.js';
import { gen, render } from './yaml-gen.js';

/** Whether src/workflows/template-reader.ts runs (else GitHub's reader reads every tree), and what it did. */
const own = vi.hoisted(() => ({ on: true, read: 0, declined: 0 }));

vi.mock('../../src/workflows/template-reader.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/workflows/template-reader.js')>();
  return {
    ...original,
    readTree: (...args: Parameters<typeof original.readTree>) => {
      if (!own.on) return undefined;
      const tree = original.readTree(...args);
      if (tree === undefined) own.declined++;
      else own.read++;
      return tree;
    },
  };
});

const FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url));
const BENCH = fileURLToPath(new URL('../../bench/workflows', import.meta.url));

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(entry) ? [full] : [];
  });
}

type Kind = 'workflow' | 'action';

const kindOf = (file: string): Kind => (/(^|\/)action\.ya?ml$/.test(file) ? 'action' : 'workflow');

/**
 * The root types read: the two src/workflows/parse.ts reads (GitHub's workflow root, the runner's `action-root`), and
 * the stricter action root of GitHub's `parseAction`.
 */
const ROOTS: readonly [Kind, string][] = [
  ['workflow', WORKFLOW_ROOT],
  ['action', 'action-root'],
  ['action', ACTION_ROOT],
];

/**
 * `actual` equals `expected` deeply: classes, own properties, values; Node's comparison first, vitest's (slower) only
 * to show what differs.
 */
function expectSame(actual: unknown, expected: unknown): void {
  if (!isDeepStrictEqual(actual, expected)) expect(actual).toStrictEqual(expected);
}

/** The file parsed as src/workflows/parse.ts parses it, with this repository's template reader or without. */
async function parsed(kind: Kind, name: string, text: string, ours: boolean): Promise<ParsedFile> {
  own.on = ours;
  try {
    return kind === 'workflow' ? await parseWorkflowFile(name, text) : parseActionFile(name, text);
  } finally {
    own.on = true;
  }
}

/**
 * The text read from `root` by this repository's template reader and by GitHub's over the fast reader's events:
 * the same token tree and the same errors (message, prefix, range), in order. 'read' when ours read it, 'declined'
 * when it left it to GitHub's, 'yaml' when the fast reader declined the text itself.
 */
function expectSameTree(kind: Kind, root: string, name: string, text: string): 'read' | 'declined' | 'yaml' {
  const reader = fastReader(text, 1);
  if (reader === undefined) return 'yaml';
  const schema = kind === 'workflow' ? getWorkflowSchema() : getActionSchema();
  const context = new TemplateContext(new TemplateValidationErrors(), schema, new NoOperationTraceWriter());
  const fileId = context.getFileId(name);
  const expected = readTemplate(context, root, reader, fileId);
  const before = own.read;
  const fast = parseFast(kind, { name, content: text }, new NoOperationTraceWriter(), undefined, root);
  expect(fast).toBeDefined();
  expectSame(fast?.value, expected);
  expectSame(fast?.context.errors.getErrors(), context.errors.getErrors());
  return own.read > before ? 'read' : 'declined';
}

/** Both comparisons on one text: the parser's result from each root of its kind, and the parsed file. */
async function expectSame2(kind: Kind, name: string, text: string): Promise<'read' | 'declined' | 'yaml'> {
  let outcome: 'read' | 'declined' | 'yaml' = 'yaml';
  for (const [k, root] of ROOTS) {
    if (k !== kind) continue;
    const one = expectSameTree(kind, root, name, text);
    if (root !== ACTION_ROOT) outcome = one;
  }
  expectSame(await parsed(kind, name, text, true), await parsed(kind, name, text, false));
  return outcome;
}

describe('the template reader on every YAML file of the fixtures and the benchmark’s repositories', () => {
  const files = [...yamlFiles(FIXTURES), ...yamlFiles(BENCH)];

  it('finds the files', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it.each(files.map((f) => [path.relative(path.join(FIXTURES, '..', '..'), f), f]))(
    '%s: GitHub’s result, read by this reader',
    async (_, file) => {
      const text = readFileSync(file, 'utf8');
      const outcome = await expectSame2(kindOf(file), file, text);
      // Every file the fast YAML reader reads, this reader reads too.
      if (fastReader(text, 1) !== undefined) expect(outcome).toBe('read');
    },
  );
});

/** A workflow with one job and step, `…` replaced by `lines` indented under the step. */
const inStep = (lines: string) =>
  `on: push\njobs:\n  j:\n    runs-on: ubuntu-latest\n    steps:\n      - name: s\n${lines
    .split('\n')
    .map((l) => (l === '' ? l : `        ${l}`))
    .join('\n')}\n`;

describe('the template reader on each path of the schema, errors among them', () => {
  const read: [string, Kind, string][] = [
    ['an unknown key', 'workflow', 'on: push\nbogus: 1\njobs: {}\n'],
    ['a duplicate key, of another case', 'workflow', 'on: push\nName: a\nname: b\njobs: {}\n'],
    ['a sequence where none is expected', 'workflow', 'on: push\nname: [a]\njobs: {}\n'],
    ['a mapping where none is expected', 'workflow', 'on: push\nname: {a: 1}\njobs: {}\n'],
    ['a number read as a string', 'workflow', 'on: push\nname: 5\njobs: {}\n'],
    ['a boolean, null and number where a mapping is expected', 'workflow', 'on: push\njobs: 5\n'],
    ['a required property missing', 'workflow', 'on: push\njobs:\n  j:\n    steps: []\n'],
    ['a job neither kind (not enough info)', 'workflow', 'on: push\njobs:\n  j:\n    name: x\n'],
    ['a step neither kind', 'workflow', inStep('id: a')],
    ['a run step with a `uses`', 'workflow', inStep('run: a\nuses: b')],
    ['a background step’s property', 'workflow', inStep('run: a\nbackground: true\nwait: x')],
    ['an expression where none is allowed', 'workflow', 'on: ${{ github.event_name }}\njobs: {}\n'],
    ['an unknown context', 'workflow', inStep('run: echo ${{ nope.x }}')],
    ['an unknown function', 'workflow', inStep('if: nope(1)\nrun: a')],
    ['an empty expression', 'workflow', inStep('run: echo ${{ }} x')],
    ['an unclosed expression', 'workflow', inStep("run: echo ${{ github.sha '}}")],
    ['a bad expression', 'workflow', inStep('run: echo ${{ github.sha == }}')],
    ['a string literal expression', 'workflow', inStep("run: ${{ 'it''s {x}' }}")],
    ['text and expressions (a format)', 'workflow', inStep("run: a '{b}' ${{ github.sha }} c ${{ env.X }}")],
    ['expressions in a quoted scalar', 'workflow', inStep('run: "a ${{ github.sha }}"\nshell: \'${{ env.S }}\'')],
    ['expressions in a block scalar', 'workflow', inStep('run: |\n  a\n  b ${{ github.sha }} ${{ nope }}\n  c')],
    ['a folded block scalar', 'workflow', inStep('run: >-\n  a ${{ github.sha }}\n\n  b ${{ env.X }}')],
    ['a multi-line plain scalar', 'workflow', inStep('run: a ${{ github.sha }}\n  b ${{ env.X }}')],
    ['an `if` with a bare expression', 'workflow', inStep("if: github.ref == 'main' && ${{ true }}\nrun: a")],
    ['`with` values of every type', 'workflow', inStep('uses: a/b@v1\nwith:\n  a: 1\n  b: true\n  c: null\n  d: [1]')],
    [
      'a matrix from an expression',
      'workflow',
      'on: push\njobs:\n  j:\n    runs-on: x\n    strategy:\n      matrix: ${{ fromJSON(inputs.m) }}\n    steps: []\n',
    ],
    [
      'an alias',
      'workflow',
      'on: push\nenv: &e\n  A: ${{ github.sha }}\njobs:\n  j:\n    runs-on: x\n    env: *e\n    steps: []\n',
    ],
    [
      'an action with inputs and runs',
      'action',
      'name: a\ninputs:\n  x:\n    default: ${{ github.token }}\nruns:\n  using: composite\n  steps:\n    - run: echo ${{ inputs.x }}\n      shell: bash\n',
    ],
    ['an action’s unknown top-level keys', 'action', 'on: push\nruns:\n  using: node20\n  main: a.js\n'],
    ['an action with wrong types', 'action', 'name: [a]\nruns: 5\n'],
    ['a key `${{ }}` with a string literal', 'workflow', "on: push\nenv:\n  ${{ 'A' }}: b\njobs: {}\n"],
    ['a key with a wrong expression', 'workflow', 'on: push\nenv:\n  ${{ nope }}: b\njobs: {}\n'],
  ];

  it.each(read)('%s: GitHub’s result, read by this reader', async (_, kind, text) => {
    expect(await expectSame2(kind, kind === 'action' ? 'action.yml' : 'w.yml', text)).toBe('read');
  });

  const declined: [string, Kind, string][] = [
    ['an expression key', 'workflow', 'on: push\nenv:\n  ${{ github.sha }}: b\njobs: {}\n'],
    ['an insert directive', 'workflow', 'on: push\nenv:\n  ${{ insert }}: ${{ fromJSON(x) }}\njobs: {}\n'],
    ['an insert as a value', 'workflow', inStep('run: ${{ insert }}')],
    ['a key the YAML library types a number', 'workflow', 'on: push\n1: a\njobs: {}\n'],
    ['a key `constructor`', 'workflow', 'on: push\nconstructor: 1\njobs: {}\n'],
    ['a key `toString` in a step', 'workflow', inStep('run: a\ntoString: b')],
  ];

  it.each(declined)('%s: left to GitHub’s reader, with its result', async (_, kind, text) => {
    expect(await expectSame2(kind, 'w.yml', text)).toBe('declined');
  });
});

/** Lines that break a workflow's or action's schema, each at the indentation of the line it goes to. */
const BREAKING = [
  'bogus: 1',
  'name: {a: 1}',
  'runs-on: [a, {b: c}]',
  'if: ${{ foo.bar }}',
  'run: echo ${{ github.sha }} and ${{ unknown.x }}',
  'run: ${{ }}',
  'with: ${{ inputs.x }}',
  '${{ matrix.key }}: value',
  "${{ 'k' }}: value",
  'env: ${{ fromJSON(x) }}',
  'timeout-minutes: ${{ 1 +',
  "name: ${{ 'literal' }}",
  "name: a ${{ github.actor }} b '{x}'",
  'continue-on-error: 5',
  'steps: 3',
  '- uses: x',
  '- run: ${{ secrets.X }}',
  'Name: upper',
  'wait: x',
  'background: true',
  'run: ${{ insert }}',
  'needs: ${{ x }}',
  'shell: "${{ env.S }}"',
  'description: |\n  a ${{ inputs.x }}\n  b ${{ nope }}',
  'using: 5',
  'default: ${{ github.token }}',
  'required: maybe',
];

/** Values put after a line's `: `. */
const VALUES = [
  '5',
  'true',
  'null',
  '~',
  '[a]',
  '{a: 1}',
  '${{ github.ref }}',
  '${{ secrets.X }}',
  '${{ env.X }}',
  '${{ nope }}',
  '${{ matrix.x }}',
  '"${{ steps.a.outputs.b }}"',
  "'${{ x'",
  "${{ 'a' }}",
  'a ${{ github.sha }} b',
  '${{ github.event_name == }}',
  '${{ }}',
  '',
];

describe('the template reader on the fixtures edited at random', () => {
  const files = [...yamlFiles(FIXTURES), ...yamlFiles(BENCH)];
  const texts = files.map((f) => [kindOf(f), readFileSync(f, 'utf8')] as const);
  const edit = fc.tuple(
    fc.nat(),
    fc.oneof(
      fc.constantFrom(...BREAKING).map((line) => ({ add: line })),
      fc.constantFrom(...VALUES).map((value) => ({ value })),
      fc.constant({ cut: true }),
      fc.constant({ twice: true }),
    ),
  );

  it('gives GitHub’s result on each, read by this reader or left to GitHub’s', async () => {
    let read = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat(texts.length - 1), fc.array(edit, { minLength: 1, maxLength: 4 }), async (k, edits) => {
        const [kind, original] = texts[k] as (typeof texts)[number];
        const lines = original.split('\n');
        for (const [at, change] of edits) {
          const i = at % lines.length;
          const line = lines[i] as string;
          const pad = /^ */.exec(line)?.[0] ?? '';
          if ('add' in change) lines.splice(i, 0, ...change.add.split('\n').map((l) => pad + l));
          else if ('value' in change) lines[i] = line.replace(/: .*$/, `: ${change.value}`);
          else if ('cut' in change) lines.splice(i, 1);
          else lines.splice(i, 0, line);
        }
        if ((await expectSame2(kind, kind === 'action' ? 'action.yml' : 'w.yml', lines.join('\n'))) === 'read') read++;
      }),
      { numRuns: 300 },
    );
    // The property is not met by declining everything.
    expect(read).toBeGreaterThan(150);
  });
});

describe('the template reader on generated YAML', () => {
  const inline = fc.array(fc.constantFrom('', '', '  # c', '    '), { maxLength: 3 });
  const indent = (text: string, pad: string) =>
    text
      .split('\n')
      .map((l) => (l === '' ? l : `${pad}${l}`))
      .join('\n');

  it('gives GitHub’s result with the YAML at each place of a workflow, and as a whole file', async () => {
    let read = 0;
    await fc.assert(
      fc.asyncProperty(
        gen,
        inline,
        fc.constantFrom('with', 'env', 'matrix', 'on', 'job', 'step', 'root', 'action'),
        async (node, comments, place) => {
          const yaml = render(node, comments);
          const text = {
            with: () => inStep(`uses: a/b@v1\nwith:\n${indent(yaml, '  ')}`),
            env: () => `on: push\nenv:\n${indent(yaml, '  ')}\njobs: {}\n`,
            matrix: () =>
              `on: push\njobs:\n  j:\n    runs-on: x\n    strategy:\n      matrix:\n${indent(yaml, '        ')}`,
            on: () => `jobs: {}\non:\n${indent(yaml, '  ')}`,
            job: () => `on: push\njobs:\n  j:\n${indent(yaml, '    ')}`,
            step: () => inStep(yaml),
            root: () => yaml,
            action: () => yaml,
          }[place]();
          const kind = place === 'action' ? 'action' : 'workflow';
          if ((await expectSame2(kind, kind === 'action' ? 'action.yml' : 'w.yml', text)) === 'read') read++;
        },
      ),
      { numRuns: 400 },
    );
    expect(read).toBeGreaterThan(150);
  });
});
