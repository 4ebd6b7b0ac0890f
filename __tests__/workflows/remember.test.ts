/**
 * Remembering expansions and expression results across instances (`src/workflows/reads.ts`, `steps.ts`, `values.ts`)
 * must not change the model: the same repositories read with and without it give the same model, budgets included,
 * and two contexts that give an expression the same key of what it reads evaluate it to the same result.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ContextValue, evaluateExpression, listed, open, Unknown } from '../../src/workflows/expressions.js';
import type { RemoteWorkflowRef } from '../../src/workflows/index.js';
import { distinctReads, expressionReads, readsKey } from '../../src/workflows/reads.js';
import { BENCH_REPOSITORIES, fixtureModel, fixtureRoot } from './fixture-repo.js';

// `remote/` holds workflows of other repositories, read through a remote reader (below), not repositories. The
// benchmark's repositories (bench/workflows/) are real too, and read here by the same test.
const REPOS = [
  ...readdirSync(path.dirname(fixtureRoot('x'))).filter(
    (d) => d !== 'remote' && statSync(fixtureRoot(d)).isDirectory(),
  ),
  ...readdirSync(BENCH_REPOSITORIES).map((d) => `bench:${d}`),
].sort();

/** Serves the remote fixtures (`remote/<owner>__<repo>/<file>`, at any ref) as the files of those repositories. */
async function readRemote(ref: RemoteWorkflowRef): Promise<string | undefined> {
  const file = path.join(fixtureRoot('remote'), `${ref.owner}__${ref.repo}`, path.basename(ref.path));
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

describe('the model is the same whether expansions are remembered or not', () => {
  it.each(REPOS)('%s', async (repo) => {
    const options = { repository: 'octo-org/octo-repo', defaultBranch: 'main', vars: { AWS_REGION: 'eu-west-1' } };
    const remembered = await fixtureModel(repo, options);
    const fresh = await fixtureModel(repo, { ...options, remember: false });
    expect(remembered.jobs.length).toBeGreaterThan(0);
    expect(remembered).toEqual(fresh);
  });

  it('a repository calling a workflow of another repository, read', async () => {
    const options = { repository: 'o/r', readRemote };
    const repo = 'ministryofjustice__modernisation-platform';
    const remembered = await fixtureModel(repo, options);
    const fresh = await fixtureModel(repo, { ...options, remember: false });
    expect(remembered.jobs.filter((j) => j.file.startsWith('ministryofjustice/')).length).toBeGreaterThan(0);
    expect(remembered).toEqual(fresh);
  });

  it.each(REPOS)(
    '%s, with budgets that cut the expansion short (the memo never spends a step the budget no longer holds)',
    async (repo) => {
      const limits = { stepsPerInstance: 9, steps: 700 };
      const remembered = await fixtureModel(repo, { repository: 'o/r', limits });
      const fresh = await fixtureModel(repo, { repository: 'o/r', limits, remember: false });
      expect(remembered).toEqual(fresh);
    },
  );
});

// Small alphabets, so that two contexts often agree on what an expression reads while differing elsewhere.
const KEYS = ['a', 'A', 'b', 'os', 'constructor'] as const;
const leaf: fc.Arbitrary<ContextValue> = fc.oneof(
  fc.constantFrom<ContextValue>('x', 'y', '', '1', 0, 1, -0, true, false, null),
  fc.constantFrom('r1', 'r2').map((r) => new Unknown(r)),
);
const value: fc.Arbitrary<ContextValue> = fc.letrec<{ v: ContextValue }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('v'), { maxLength: 2 }),
    fc
      .tuple(
        fc.dictionary(fc.constantFrom(...KEYS), tie('v'), { maxKeys: 3 }),
        fc.constantFrom('open', 'listed', 'closed'),
      )
      .map(([fields, kind]) => (kind === 'open' ? open('ctx', fields) : kind === 'listed' ? listed(fields) : fields)),
  ),
})).v;
const contexts = fc.record({
  matrix: fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 3 }),
  inputs: fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 3 }),
  env: fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 3 }).map((fields) => open('env', fields)),
});

const operand = fc.constantFrom(
  'matrix.a',
  'matrix.A',
  "matrix['os']",
  'matrix.a.b',
  'matrix.a[0]',
  'matrix.a[1].os',
  'matrix.constructor',
  'inputs.b',
  'inputs',
  'matrix.*.a',
  'matrix[inputs.a]',
  'env.os',
  'env.A.b',
  "'x'",
  '1',
  'toJSON(matrix)',
  'toJSON(inputs.a)',
);
const expression = fc.oneof(
  operand,
  fc.tuple(operand, fc.constantFrom('==', '!=', '&&', '||', '<'), operand).map(([l, op, r]) => `${l} ${op} ${r}`),
  fc.tuple(operand, operand).map(([l, r]) => `format('{0}-{1}', ${l}, ${r})`),
  fc.tuple(operand, operand).map(([l, r]) => `contains(${l}, ${r})`),
  operand.map((o) => `!${o}`),
);

describe('an expression reads nothing but what its key names', () => {
  it('two contexts with the same key of what it reads evaluate it alike', () => {
    fc.assert(
      fc.property(expression, contexts, contexts, fc.boolean(), (expr, first, other, share) => {
        // Half the time the second context shares the first's matrix: keys then often agree.
        const second = share ? { ...other, matrix: first.matrix } : other;
        const paths = distinctReads(expressionReads(expr));
        if (readsKey(first, paths) !== readsKey(second, paths)) return;
        expect(evaluateExpression(expr, second)).toEqual(evaluateExpression(expr, first));
      }),
      { numRuns: 8000 },
    );
  });

  it('a value met before the path ends is not the value found at its end', () => {
    // `env.a` = "1" stops `env.a.b` at `a` (null), where `env.a.b` = "1" is found whole: the results differ.
    const paths = distinctReads(expressionReads("format('{0}', env.A.b)"));
    const stopped = { env: open('env', { a: '1' }) };
    const found = { env: open('env', { a: { b: '1' } }) };
    expect(readsKey(stopped, paths)).not.toBe(readsKey(found, paths));
    expect(evaluateExpression("format('{0}', env.A.b)", stopped)).not.toEqual(
      evaluateExpression("format('{0}', env.A.b)", found),
    );
    // An unset variable is '' where it is read, but a key read under it is null.
    const vars = distinctReads(expressionReads('toJSON(vars.X.y)'));
    expect(readsKey({ vars: listed({}) }, vars)).not.toBe(readsKey({ vars: listed({ X: listed({}) }) }, vars));
  });

  it('keys differ where the values read differ: the key is not a constant', () => {
    const paths = distinctReads(expressionReads('matrix.os == inputs.b'));
    expect(readsKey({ matrix: { os: 'x' }, inputs: {} }, paths)).not.toBe(readsKey({ matrix: { os: 'y' } }, paths));
    expect(readsKey({ matrix: { os: 'x' } }, paths)).toBe(readsKey({ matrix: { os: 'x', a: 'other' } }, paths));
  });
});

/** A workflow on push and schedule, with one job `deploy`, to which a test adds its steps. */
const ONE_JOB = ['on: [push, schedule]', 'jobs:', '  deploy:', '    runs-on: ubuntu-latest'];

/** The head of a composite action's `runs:`, to which a test adds the steps. */
const COMPOSITE = ['runs:', '  using: composite', '  steps:'];

/**
 * The model of in-memory files, read with the memo and without (which must agree), as a line per instance: its
 * trigger, the named `with:` values of its first step, and whether that step runs.
 */
async function firstSteps(files: Record<string, string>, keys: readonly string[]): Promise<string[] | undefined> {
  const { readWorkflowModel } = await import('../../src/workflows/index.js');
  const options = { workflowPaths: ['.github/workflows/deploy.yml'], read: (p: string) => files[p] };
  const remembered = await readWorkflowModel(options);
  expect(remembered).toEqual(await readWorkflowModel({ ...options, remember: false }));
  return remembered.jobs[0]?.instances
    .map((i) => {
      const step = i.steps[0];
      const values = keys.map((key) => {
        const value = step?.with[key];
        return value?.kind === 'known' ? value.value : '?';
      });
      return [i.trigger.event, ...values, step?.runs.kind].join(' ');
    })
    .sort();
}

describe('what a composite action reads (and the actions it uses) decides its expansion too', () => {
  const files: Record<string, string> = {
    '.github/workflows/deploy.yml': [
      ...ONE_JOB,
      '    strategy:',
      '      matrix:',
      '        region: [eu-west-1, us-east-1]',
      '    steps:',
      '      - uses: ./.github/actions/deploy',
    ].join('\n'),
    '.github/actions/deploy/action.yml': [
      'name: deploy',
      'inputs:',
      '  stage:',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub's expression syntax.
      '    default: stage-${{ matrix.region }}',
      ...COMPOSITE,
      "    - if: github.event_name == 'push'",
      '      uses: aws-actions/configure-aws-credentials@v4',
      '      with:',
      '        role-to-assume: arn:aws:iam::111122223333:role/deploy',
      '        aws-region: us-east-2',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub's expression syntax.
      '        role-session-name: ${{ inputs.stage }}',
    ].join('\n'),
  };

  it('the action’s own `if:`, values and input defaults are read per trigger and matrix row, with the memo as without it', async () => {
    expect(await firstSteps(files, ['aws-region', 'role-session-name'])).toEqual([
      'push us-east-2 stage-eu-west-1 always',
      'push us-east-2 stage-us-east-1 always',
      'schedule us-east-2 stage-eu-west-1 never',
      'schedule us-east-2 stage-us-east-1 never',
    ]);
  });

  it('a composite action nested in another: the inner action’s reads are in the outer step’s key, each trigger gets its own role', async () => {
    // The outer action passes nothing that varies; only the inner one reads the event, and a cycle back to the outer
    // one (which the expansion reports) adds nothing.
    const nested: Record<string, string> = {
      '.github/workflows/deploy.yml': [
        ...ONE_JOB,
        '    steps:',
        '      - uses: ./.github/actions/outer',
        '      - uses: ./.github/actions/outer',
      ].join('\n'),
      '.github/actions/outer/action.yml': ['name: outer', ...COMPOSITE, '    - uses: ./.github/actions/inner'].join(
        '\n',
      ),
      '.github/actions/inner/action.yml': [
        'name: inner',
        ...COMPOSITE,
        "    - if: github.event_name == 'push'",
        '      uses: aws-actions/configure-aws-credentials@v4',
        '      with:',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub's expression syntax.
        '        role-to-assume: arn:aws:iam::111122223333:role/${{ github.event_name }}',
        '        aws-region: us-east-2',
        "    - if: github.event_name == 'never'",
        '      uses: ./.github/actions/outer',
      ].join('\n'),
    };
    expect(await firstSteps(nested, ['role-to-assume'])).toEqual([
      'push arn:aws:iam::111122223333:role/push always',
      'schedule arn:aws:iam::111122223333:role/schedule never',
    ]);
  });
});
