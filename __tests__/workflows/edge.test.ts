// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` here is GitHub's expression syntax, as written in a workflow, not JS.
/**
 * Hand-made workflows for the cases the real fixtures (`model.test.ts`) do not cover: two exchanges with role
 * chaining, a token requested by a script, fork conditions, matrices from outputs, nesting, cycles, caps, paths that
 * leave the repository, and parse errors. Each is the smallest workflow that shows the case.
 */
import { describe, expect, it } from 'vitest';
import {
  limitsForApi,
  readWorkflowModel,
  type WorkflowModel,
  type WorkflowReadOptions,
} from '../../src/workflows/index.js';

const W = '.github/workflows/deploy.yml';

function read(files: Record<string, string>, options: Partial<WorkflowReadOptions> = {}): Promise<WorkflowModel> {
  return readWorkflowModel({
    workflowPaths: Object.keys(files).filter((p) => p.startsWith('.github/workflows/') && !p.includes('reusable')),
    read: (p) => files[p],
    ...options,
  });
}

function jobOf(model: WorkflowModel, id: string, file = W) {
  const found = model.jobs.find((j) => j.id === id && j.file === file);
  if (!found) throw new Error(`no job ${id}: ${JSON.stringify(model.errors)}`);
  return found;
}

const CHAINED = `on: push
permissions:
  id-token: write
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@a03048d87541d1d9fcf2ecf528a4a65ba9bd7838
        with:
          role-to-assume: arn:aws:iam::111122223333:role/entry
          aws-region: us-east-1
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::444455556666:role/deploy
          aws-region: us-east-1
          role-chaining: true
          role-external-id: \${{ secrets.EXTERNAL_ID }}
`;

describe('credential steps', () => {
  it('two exchanges in one job, in order; the second chains (role-chaining: true), a commit pin is recognised', async () => {
    const steps = jobOf(await read({ [W]: CHAINED }), 'deploy').instances[0]?.credentialSteps ?? [];
    expect(steps.map((s) => s.credential)).toMatchObject([
      { kind: 'configure-aws-credentials', order: 0, chains: false },
      {
        kind: 'configure-aws-credentials',
        order: 1,
        chains: true,
        settings: {
          roleChaining: { kind: 'known', value: 'true', position: { file: W, line: 16, column: 26 } },
          roleExternalId: { kind: 'unknown', expression: '${{ secrets.EXTERNAL_ID }}', reason: 'secrets.EXTERNAL_ID' },
        },
      },
    ]);
  });

  it('the same step of a composite action counts the credential steps before it in each job that uses it', async () => {
    // A configure-aws-credentials step for `role`, indented by `pad`.
    const assume = (role: string, pad: string) =>
      [
        '- uses: aws-actions/configure-aws-credentials@v4',
        '  with:',
        `    role-to-assume: arn:aws:iam::111122223333:role/${role}`,
        '    aws-region: us-east-1',
      ]
        .map((line) => pad + line)
        .join('\n');
    const job = (id: string, first: string) =>
      `  ${id}:\n    runs-on: ubuntu-latest\n    steps:\n${first}      - uses: ./.github/actions/assume\n`;
    const text = `on: push\njobs:\n${job('chained', `${assume('entry', '      ')}\n`)}${job('alone', '')}`;
    const action = `name: assume\nruns:\n  using: composite\n  steps:\n${assume('deploy', '    ')}\n`;
    const model = await read({ [W]: text, '.github/actions/assume/action.yml': action });
    const orders = (id: string) =>
      jobOf(model, id).instances[0]?.credentialSteps.map(
        (s) => s.credential?.kind === 'configure-aws-credentials' && s.credential.order,
      );
    expect([orders('chained'), orders('alone')]).toEqual([[0, 1], [0]]);
  });

  it('a github-script calling core.getIDToken and a run reading ACTIONS_ID_TOKEN_REQUEST_URL request the token', async () => {
    const text = `on: workflow_dispatch
jobs:
  token:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/github-script@v7
        with:
          script: |
            const token = await core.getIDToken('sts.amazonaws.com')
      - run: |
          curl -H "Authorization: bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN" "$ACTIONS_ID_TOKEN_REQUEST_URL"
`;
    const job = jobOf(await read({ [W]: text }), 'token');
    expect(job.deploy).toBe(true);
    expect(job.instances[0]?.credentialSteps.map((s) => s.credential)).toMatchObject([
      { kind: 'oidc-token', evidence: 'with.script: getIDToken(', position: { line: 8 } },
      { kind: 'oidc-token', evidence: 'run: ACTIONS_ID_TOKEN_REQUEST_TOKEN', position: { line: 10 } },
    ]);
  });

  it('keeps a run script with the file line of its first line, and its shell', async () => {
    const text = `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - shell: bash
        run: |
          echo one
          echo two
`;
    const step = jobOf(await read({ [W]: text }), 'a').instances[0]?.steps[0];
    expect(step?.run).toMatchObject({ script: 'echo one\necho two\n', line: 8, shell: 'bash' });
  });
});

describe('conditions per trigger', () => {
  const text = `on:
  push:
    branches: [main]
  schedule:
    - cron: '0 3 * * *'
  pull_request:
jobs:
  deploy:
    if: github.event_name != 'pull_request' || github.event.pull_request.head.repo.full_name == github.repository
    runs-on: ubuntu-latest
    environment:
      name: production
      url: https://example.com
    steps:
      - if: github.event_name != 'schedule'
        uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::111122223333:role/deploy
          aws-region: eu-west-1
      - if: steps.changes.outputs.any == 'true'
        run: echo maybe
`;

  it('a step skipped on schedule requests no token there; a step on a step output is unknown', async () => {
    const job = jobOf(await read({ [W]: text }, { repository: 'acme/site' }), 'deploy');
    const schedule = job.instances.find((i) => i.trigger.event === 'schedule');
    expect(schedule?.credentialSteps[0]?.runs).toMatchObject({
      kind: 'never',
      condition: "github.event_name != 'schedule'",
    });
    const push = job.instances.find((i) => i.trigger.event === 'push');
    expect(push?.credentialSteps[0]?.runs).toEqual({ kind: 'always' });
    expect(push?.steps[1]?.runs).toMatchObject({ kind: 'unknown', reason: 'steps.changes' });
    expect(push?.environment).toMatchObject({
      name: { kind: 'known', value: 'production', position: { line: 12 } },
      url: { kind: 'known', value: 'https://example.com' },
    });
  });

  it('a condition on the head repository splits pull requests into a fork and a same-repository case', async () => {
    const job = jobOf(await read({ [W]: text }, { repository: 'acme/site' }), 'deploy');
    const prs = job.instances.filter((i) => i.trigger.event === 'pull_request');
    // A fork's full name is never the base repository's.
    expect(prs.map((i) => [i.trigger.fork, i.runs.kind])).toEqual([
      [false, 'always'],
      [true, 'never'],
    ]);
  });

  it('without the repository given, the same-repository case is unknown too (never guessed)', async () => {
    const job = jobOf(await read({ [W]: text }), 'deploy');
    const sameRepo = job.instances.find((i) => i.trigger.event === 'pull_request' && i.trigger.fork === false);
    expect(sameRepo?.runs).toMatchObject({ kind: 'unknown' });
  });
});

describe('matrices and inputs', () => {
  it('expands include and exclude as GitHub documents, keeping each row’s values together', async () => {
    const text = `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        env: [dev, prod]
        region: [us-east-1, eu-west-1]
        exclude:
          - env: dev
            region: eu-west-1
        include:
          - env: prod
            role: arn:aws:iam::222222222222:role/prod
          - env: staging
            region: us-west-2
    environment: \${{ matrix.env }}
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: \${{ matrix.role || 'arn:aws:iam::111111111111:role/dev' }}
          aws-region: \${{ matrix.region }}
`;
    const job = jobOf(await read({ [W]: text }), 'deploy');
    const rows = job.instances.map((i) => {
      const c = i.credentialSteps[0]?.credential;
      const s = c?.kind === 'configure-aws-credentials' ? c.settings : undefined;
      const env = i.environment?.name;
      return [
        env?.kind === 'known' ? env.value : '?',
        s?.awsRegion?.kind === 'known' ? s.awsRegion.value : '?',
        s?.roleToAssume?.kind === 'known' ? s.roleToAssume.value : '?',
      ];
    });
    expect(rows).toEqual([
      ['dev', 'us-east-1', 'arn:aws:iam::111111111111:role/dev'],
      ['prod', 'us-east-1', 'arn:aws:iam::222222222222:role/prod'],
      ['prod', 'eu-west-1', 'arn:aws:iam::222222222222:role/prod'],
      ['staging', 'us-west-2', 'arn:aws:iam::111111111111:role/dev'],
    ]);
  });

  it("expands GitHub's documented include example to its six combinations: an added one is never merged into", async () => {
    // The example of https://docs.github.com/en/actions/how-tos/write-workflows/choose-what-workflows-do/run-job-variations#expanding-or-adding-matrix-configurations
    const text = `on: push
jobs:
  example_matrix:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        fruit: [apple, pear]
        animal: [cat, dog]
        include:
          - color: green
          - color: pink
            animal: cat
          - fruit: apple
            shape: circle
          - fruit: banana
          - fruit: banana
            animal: cat
    steps:
      - run: echo hi
`;
    const job = jobOf(await read({ [W]: text }), 'example_matrix');
    expect(job.instances.map((i) => i.matrix)).toEqual([
      { fruit: 'apple', animal: 'cat', color: 'pink', shape: 'circle' },
      { fruit: 'apple', animal: 'dog', color: 'green', shape: 'circle' },
      { fruit: 'pear', animal: 'cat', color: 'pink' },
      { fruit: 'pear', animal: 'dog', color: 'green' },
      { fruit: 'banana' },
      { fruit: 'banana', animal: 'cat' },
    ]);
  });

  it('an include-only matrix (one row per environment) is one instance per entry, each role checked', async () => {
    const text = `on: push
permissions:
  id-token: write
jobs:
  deploy:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        include:
          - stage: staging
            role: arn:aws:iam::111111111111:role/staging
          - stage: production
            role: arn:aws:iam::222222222222:role/production
    environment: \${{ matrix.stage }}
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: \${{ matrix.role }}
          aws-region: us-east-1
`;
    const job = jobOf(await read({ [W]: text }), 'deploy');
    const roles = job.instances.map((i) => {
      const c = i.credentialSteps[0]?.credential;
      return c?.kind === 'configure-aws-credentials' && c.settings.roleToAssume?.kind === 'known'
        ? c.settings.roleToAssume.value
        : '?';
    });
    expect(roles).toEqual(['arn:aws:iam::111111111111:role/staging', 'arn:aws:iam::222222222222:role/production']);
  });

  it('a matrix from a job output is one instance whose matrix values are unknown', async () => {
    const text = `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    strategy:
      matrix: \${{ fromJSON(needs.plan.outputs.matrix) }}
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: \${{ matrix.role }}
          aws-region: us-east-1
`;
    const instance = jobOf(await read({ [W]: text }), 'deploy').instances[0];
    expect(instance?.matrixUnknown?.reason).toContain('needs.plan');
    expect(instance?.credentialSteps[0]?.credential).toMatchObject({
      settings: { roleToAssume: { kind: 'unknown', reason: 'matrix.role' } },
    });
  });

  it('a dispatch choice and boolean are enumerated; a free-text input is unknown; vars given are known', async () => {
    const text = `on:
  workflow_dispatch:
    inputs:
      environment:
        type: choice
        options: [staging, production]
      dry-run:
        type: boolean
      note:
        type: string
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: \${{ inputs.environment }}
    steps:
      - if: \${{ !inputs.dry-run }}
        uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::\${{ vars.ACCOUNT }}:role/\${{ inputs.environment }}
          role-session-name: \${{ inputs.note }}
`;
    // The repository's variables, and the environments' (none of their own): whole listings, as the REST API gives.
    const none = { values: {}, complete: true, source: 'GET …/environments/{name}/variables' };
    const vars = {
      repository: { values: { ACCOUNT: '111122223333' }, complete: true, source: 'GET …/actions/variables' },
      environments: { staging: none, Production: none },
    };
    const job = jobOf(await read({ [W]: text }, { vars }), 'deploy');
    expect(job.instances).toHaveLength(4);
    const runs = job.instances.map((i) => [i.inputs.environment, i.inputs['dry-run'], i.credentialSteps[0]?.runs.kind]);
    expect(runs).toContainEqual(['production', false, 'always']);
    expect(runs).toContainEqual(['production', true, 'never']);
    const prod = job.instances.find((i) => i.inputs.environment === 'production' && i.inputs['dry-run'] === false);
    expect(prod?.credentialSteps[0]?.credential).toMatchObject({
      settings: {
        roleToAssume: { kind: 'known', value: 'arn:aws:iam::111122223333:role/production' },
        roleSessionName: { kind: 'unknown', reason: 'inputs.note (string: any value typed when dispatched)' },
      },
    });
  });

  // https://docs.github.com/en/actions/how-tos/write-workflows/choose-what-workflows-do/use-variables: an
  // environment's variable takes precedence over the repository's and the organization's, and one not set is ''.
  describe('vars in a job with an environment', () => {
    const text = `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: production
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::\${{ vars.ACCOUNT }}:role/\${{ vars.ROLE }}
          aws-region: \${{ vars.REGION }}
          role-session-name: x\${{ vars.SESSION }}
`;
    const settingsOf = async (vars: WorkflowReadOptions['vars']) =>
      jobOf(await read({ [W]: text }, { ...(vars ? { vars } : {}) }), 'deploy').instances[0]?.credentialSteps[0]
        ?.credential;
    const repository = { values: { ACCOUNT: '111122223333', ROLE: 'repo-role' }, complete: true, source: 'r' };

    it('the environment’s own values win, a name no listing sets is empty when every listing is whole', async () => {
      const production = { values: { role: 'prod-role', REGION: 'eu-west-1' }, complete: true, source: 'e' };
      expect(await settingsOf({ repository, environments: { production } })).toMatchObject({
        settings: {
          roleToAssume: { kind: 'known', value: 'arn:aws:iam::111122223333:role/prod-role' },
          awsRegion: { kind: 'known', value: 'eu-west-1' },
          roleSessionName: { kind: 'known', value: 'x' },
        },
      });
    });

    it('without the environment’s listing, the repository’s values are unknown: the environment may replace them', async () => {
      const settings = await settingsOf({ repository });
      expect(settings).toMatchObject({
        settings: {
          roleToAssume: { kind: 'unknown', reason: 'vars.ACCOUNT (environment production may set its own)' },
          awsRegion: { kind: 'unknown', reason: 'vars.REGION' },
        },
      });
    });

    it('with a partial listing of the environment, what it lists is known and the rest is not', async () => {
      const production = { values: { ACCOUNT: '444455556666', REGION: 'eu-west-1' }, complete: false, source: 'c' };
      expect(await settingsOf({ repository, environments: { production } })).toMatchObject({
        settings: {
          roleToAssume: { kind: 'unknown', reason: 'vars.ROLE (environment production may set its own)' },
          awsRegion: { kind: 'known', value: 'eu-west-1' },
          roleSessionName: { kind: 'unknown', reason: 'vars.SESSION' },
        },
      });
    });

    it('a plain map of values (the configuration’s) is part of the repository’s: names it lacks stay unknown', async () => {
      const settings = await settingsOf({ REGION: 'eu-west-1' });
      expect(settings).toMatchObject({ settings: { awsRegion: { kind: 'unknown' } } });
    });
  });
});

/** A chain of reusable workflows `levels` deep below the caller, the last one assuming a role. */
function chain(levels: number): Record<string, string> {
  const files: Record<string, string> = {
    [W]: `on: push
jobs:
  call:
    uses: ./.github/workflows/reusable-1.yml
    with:
      environment: production
`,
  };
  for (let level = 1; level <= levels; level += 1) {
    const next =
      level < levels
        ? `    uses: ./.github/workflows/reusable-${level + 1}.yml
    with:
      environment: \${{ inputs.environment }}`
        : `    runs-on: ubuntu-latest
    environment: \${{ inputs.environment }}
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::111122223333:role/\${{ inputs.environment }}`;
    files[`.github/workflows/reusable-${level}.yml`] = `on:
  workflow_call:
    inputs:
      environment:
        type: string
jobs:
  level${level}:
${next}
`;
  }
  return files;
}

describe('reusable workflows: nesting, cycles and references', () => {
  // "You can connect a maximum of ten levels of workflows - that is, the top-level caller workflow and up to nine
  // levels of reusable workflows" on GitHub.com; four on GitHub Enterprise Server:
  // https://docs.github.com/en/actions/how-tos/reuse-automations/reuse-workflows#nesting-reusable-workflows
  it('passes an environment down nine levels (ten levels of workflows, GitHub.com’s limit)', async () => {
    const model = await read(chain(9));
    expect(model.errors).toEqual([]);
    const deepest = jobOf(model, 'level9', '.github/workflows/reusable-9.yml').instances[0];
    expect(deepest?.environment?.name).toMatchObject({ kind: 'known', value: 'production' });
    expect(deepest?.trigger.callers?.map((c) => c.jobId)).toEqual([
      'call',
      'level1',
      'level2',
      'level3',
      'level4',
      'level5',
      'level6',
      'level7',
      'level8',
    ]);
    expect(deepest?.trigger.event).toBe('push');
  });

  it('an eleventh level is refused as too deep, naming the `uses:` that goes past it', async () => {
    const model = await read(chain(10));
    expect(model.errors).toMatchObject([
      { code: 'too-deep', position: { file: '.github/workflows/reusable-9.yml', line: 8, column: 11 } },
    ]);
    // GitHub would refuse the run: nothing below the limit is evaluated, and the error says so.
    expect(model.jobs.some((j) => j.file === '.github/workflows/reusable-10.yml')).toBe(false);
  });

  it("GitHub Enterprise Server's limit: a fifth level is refused as too deep", async () => {
    const limits = limitsForApi('https://ghes.example.com/api/v3');
    expect(limits).toEqual({ callDepth: 3 });
    expect((await read(chain(3), { limits })).errors).toEqual([]);
    const model = await read(chain(4), { limits });
    expect(model.errors).toMatchObject([
      { code: 'too-deep', position: { file: '.github/workflows/reusable-3.yml', line: 8, column: 11 } },
    ]);
    expect(model.jobs.some((j) => j.file === '.github/workflows/reusable-4.yml')).toBe(false);
  });

  it.each([
    ['https://api.github.com', {}],
    ['https://api.octo.ghe.com', {}],
    [undefined, {}],
    ['not a url', {}],
    ['https://github.example.com/api/v3', { callDepth: 3 }],
  ])('the levels of workflows of the GitHub at %s', (url, expected) => {
    expect(limitsForApi(url)).toEqual(expected);
  });

  it('a cycle between two workflows is an error, not a loop', async () => {
    const model = await read({
      [W]: `on: push
jobs:
  a:
    uses: ./.github/workflows/reusable-b.yml
`,
      '.github/workflows/reusable-b.yml': `on: workflow_call
jobs:
  b:
    uses: ./.github/workflows/deploy.yml
`,
    });
    expect(model.errors.map((e) => e.code)).toEqual(['cycle']);
  });

  it('a composite action that uses itself is an error; its other steps are kept', async () => {
    const model = await read({
      [W]: `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: ./.github/actions/loop
`,
      '.github/actions/loop/action.yml': `name: loop
description: uses itself
runs:
  using: composite
  steps:
    - run: echo before
      shell: bash
    - uses: ./.github/actions/loop
`,
    });
    expect(model.errors.map((e) => e.code)).toEqual(['cycle']);
    expect(jobOf(model, 'a').instances[0]?.steps[0]?.run?.script).toBe('echo before');
  });

  it('bounds the fan-out of nested composite actions: 20 steps a level, three levels, cut at 1,000 steps', async () => {
    // Each level's action uses the next one 20 times: 20 × 20 × 20 = 8,000 steps from a dozen lines.
    const level = (n: number) =>
      `name: l${n}\ndescription: fan-out\nruns:\n  using: composite\n  steps:\n${
        n === 3
          ? '    - run: echo leaf\n      shell: bash\n'.repeat(20)
          : `    - uses: ./.github/actions/l${n + 1}\n`.repeat(20)
      }`;
    const model = await read({
      [W]: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./.github/actions/l1\n',
      '.github/actions/l1/action.yml': level(1),
      '.github/actions/l2/action.yml': level(2),
      '.github/actions/l3/action.yml': level(3),
    });
    const steps = jobOf(model, 'a').instances[0]?.steps ?? [];
    expect(steps.length).toBeLessThanOrEqual(1000);
    expect(steps.length).toBeGreaterThan(900);
    expect(model.errors).toMatchObject([
      { code: 'too-large', message: expect.stringContaining('a job expands to more than 1000 steps') },
    ]);
  });

  it('bounds the steps of the whole model', async () => {
    const files: Record<string, string> = {
      [W]: `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n${'      - run: echo x\n'.repeat(30)}`,
    };
    const model = await read(files, { limits: { steps: 10 } });
    expect(jobOf(model, 'a').instances[0]?.steps).toHaveLength(10);
    expect(model.errors.map((e) => e.message)).toEqual([
      'the workflows expand to more steps than the model reads in all; the steps past this one are not read',
    ]);
  });

  it('refuses a path that leaves the repository and names a missing one', async () => {
    const model = await read({
      [W]: `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: ./../other-repo/action
      - uses: ./.github/actions/missing
`,
    });
    expect(model.errors).toMatchObject([{ code: 'outside-repository', position: { file: W, line: 6, column: 15 } }]);
    // Each makes the job unverified at the first step that runs one (GitHub fails that step): a missing action is not
    // an error of the workflow file, which is valid.
    expect(jobOf(model, 'a').stepsUnread).toMatchObject({
      kind: 'not-read',
      uses: './../other-repo/action',
      position: { file: W, line: 6, column: 15 },
    });
    const missing = await read({
      [W]: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./.github/actions/missing\n',
    });
    expect(missing.errors).toEqual([]);
    expect(jobOf(missing, 'a')).toMatchObject({
      instances: [],
      stepsUnread: { kind: 'not-found', reason: 'no action.yml or action.yaml in .github/actions/missing' },
    });
  });
});

describe('bounds on what a file may hold', () => {
  it('a parse error names the file, line and column', async () => {
    const model = await read({ [W]: 'on: push\njobs:\n  a: [\n' });
    expect(model.errors[0]).toMatchObject({ code: 'parse-error', position: { file: W, line: 4, column: 1 } });
    expect(model.errors[0]?.message).toMatch(/^\.github\/workflows\/deploy\.yml:4:1: /);
  });

  it('a file over the size bound is refused, not read in part', async () => {
    const model = await read({ [W]: `on: push\n# ${'x'.repeat(2048)}\n` }, { limits: { fileBytes: 1024 } });
    expect(model.errors).toMatchObject([{ code: 'too-large' }]);
    expect(model.files).toEqual([]);
  });

  it('files over the count bound are refused', async () => {
    const model = await read(chain(3), { limits: { files: 2 } });
    expect(model.errors.map((e) => e.code)).toContain('too-many-files');
  });

  it('a job over the instance bound lists none and says how many there were', async () => {
    const text = `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        x: [1, 2, 3, 4, 5]
        y: [1, 2, 3, 4, 5]
        z: [1, 2, 3]
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::111122223333:role/x
`;
    const job = jobOf(await read({ [W]: text }, { limits: { instancesPerJob: 10 } }), 'a');
    // The whole product, not where the count first passed the bound.
    expect(job).toMatchObject({ instances: [], tooMany: { count: 75, limit: 10 }, deploy: true });
  });

  it("reads a job's steps over the instance bound only until it deploys: they spend none of the step budget", async () => {
    // Job a has 16 instances (two triggers, eight rows each) over a bound of 10, so none is kept: one is read (it
    // deploys), not the ten within the bound. Job b's three steps, for each trigger, then fit in a budget of seven.
    const text = `on: [push, pull_request]
jobs:
  a:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        x: [1, 2, 3, 4, 5, 6, 7, 8]
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::111122223333:role/x
  b:
    runs-on: ubuntu-latest
    steps:
      - run: echo one
      - run: echo two
      - run: echo three
`;
    const model = await read({ [W]: text }, { limits: { instancesPerJob: 10, steps: 7 } });
    expect(jobOf(model, 'a')).toMatchObject({ instances: [], tooMany: { count: 16, limit: 10 }, deploy: true });
    expect(jobOf(model, 'b').instances[0]?.steps.map((s) => s.run?.script)).toEqual([
      'echo one',
      'echo two',
      'echo three',
    ]);
    expect(model.errors).toEqual([]);
  });
});

describe('a workflow GitHub would refuse', () => {
  it('has no job in the model: GitHub starts none of a file it finds an error in; the error stands for them', async () => {
    // The shape of a public multi-environment deploy guide (matrix `include` rows with environment, role and branch)
    // whose job-level `if:` reads `matrix`, which is not available there
    // (https://docs.github.com/en/actions/reference/workflows-and-actions/contexts#context-availability).
    const text = `name: Deploy multi-environment
on:
  push:
    branches: [main, develop]
permissions:
  id-token: write
jobs:
  deploy:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        include:
          - environment: dev
            aws_role: arn:aws:iam::111111111111:role/github-actions-dev
            branch: develop
          - environment: production
            aws_role: arn:aws:iam::333333333333:role/github-actions-production
            branch: main
    environment: \${{ matrix.environment }}
    if: github.ref == format('refs/heads/{0}', matrix.branch)
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: \${{ matrix.aws_role }}
          aws-region: eu-central-1
`;
    const model = await read({ [W]: text });
    expect(model.errors.map((e) => [e.code, e.message.includes("Unrecognized named-value: 'matrix'")])).toEqual([
      ['parse-error', true],
    ]);
    expect(model.jobs).toEqual([]);
  });
});

describe('hostile YAML', () => {
  it('YAML nested far deeper than any workflow is an error of its file, not a crash', async () => {
    // 20,000 levels would overflow the parser's recursion: refused before it runs, the error names the file.
    const deep = `on: push\njobs:\n  a:\n    runs-on: x\n    env:\n      X: ${'['.repeat(20000)}${']'.repeat(20000)}\n`;
    const model = await read({ [W]: deep });
    expect(model.errors[0]).toMatchObject({ code: 'too-large', position: { file: W, line: 6 } });
    expect(model.errors[0]?.message).toMatch(
      /^\.github\/workflows\/deploy\.yml:6:\d+: not read: it nests collections deeper than 64 levels \(no workflow nests so deep\)$/,
    );
  });

  it('aliases to aliases (a "billion laughs") are refused before GitHub’s parser expands them', async () => {
    const lines = ['on: push', 'x0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i += 1)
      lines.push(
        `x${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    lines.push('jobs:', '  a:', '    runs-on: x', '    steps:', '      - run: echo *a11');
    const model = await read({ [W]: lines.join('\n') });
    expect(model.errors).toMatchObject([{ code: 'too-large', message: expect.stringMatching(/aliases/) }]);
  });

  // YAML 1.2.2, 6.9.2 "Node Anchors": an anchor's name is any run of characters but space, tab, line breaks and flow
  // indicators, so a no-break space names one; the count must not be skipped for it.
  it.each([
    ['a plain name', 'a'],
    ['a name of no-break spaces', '\u00a0\u00a0'],
    ['a name after a flow indicator', 'a'],
  ])('an alias bomb whose anchors have %s is refused', async (what, name) => {
    const open = what.includes('flow') ? '{k: [' : '[';
    const close = what.includes('flow') ? ']}' : ']';
    const lines = ['on: push', `x0: &${name}0 [x, x, x, x, x, x, x, x, x, x]`];
    for (let i = 1; i < 12; i += 1)
      lines.push(
        `x${i}: ${open}&${name}${i} [${Array(10)
          .fill(`*${name}${i - 1}`)
          .join(', ')}]${close}`,
      );
    lines.push('jobs:', '  a:', '    runs-on: x', '    steps:', '      - run: echo');
    const model = await read({ [W]: lines.join('\n') });
    expect(model.errors).toMatchObject([{ code: 'too-large', message: expect.stringMatching(/aliases/) }]);
  });

  it('a file without anchors is not counted, whatever ampersands its scalars hold, however low the bound', async () => {
    const text = (run: string) => `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: ${run}
      - run: |
          &not-an-anchor && make 2>&1
`;
    const model = await read({ [W]: text('make build && make test 2>&1 | tee "a & b"') }, { limits: { yamlNodes: 5 } });
    expect(model.errors).toEqual([]);
    expect(jobOf(model, 'a').instances[0]?.steps).toHaveLength(2);
    // One anchor, even unused, and the text is counted: over this bound, it is refused.
    const counted = await read({ [W]: text('&x make') }, { limits: { yamlNodes: 5 } });
    expect(counted.errors).toMatchObject([{ code: 'too-large' }]);
  });
});

describe('trigger forms', () => {
  it('reads `on:` as a list, a release, and a workflow called from outside the files read', async () => {
    const model = await read({
      [W]: `on: [push, release]
jobs:
  a:
    if: github.event_name == 'release'
    runs-on: ubuntu-latest
    steps:
      - run: echo
`,
      '.github/workflows/called.yml': `on:
  workflow_call:
    inputs:
      stage:
        type: string
        default: beta
jobs:
  b:
    if: github.event_name == 'push'
    runs-on: ubuntu-latest
    environment: \${{ inputs.stage }}
    steps:
      - run: echo
`,
    });
    const a = jobOf(model, 'a');
    expect(a.instances.map((i) => [i.trigger.eventName, i.runs.kind])).toEqual([
      ['push', 'never'],
      ['release', 'always'],
    ]);
    expect(model.files[0]?.triggers[0]?.position).toEqual({ file: W, line: 1, column: 5 });
    // Called from elsewhere, the caller's event is not known, and the input that is not read keeps its default.
    const b = jobOf(model, 'b', '.github/workflows/called.yml').instances[0];
    expect(b?.runs).toMatchObject({ kind: 'unknown', reason: expect.stringMatching(/^github.event_name/) });
    expect(b?.environment?.name).toMatchObject({ kind: 'unknown' });
    expect(model.files[1]?.reusableOnly).toBe(true);
  });
});

// https://docs.github.com/en/actions/sharing-automations/reusing-workflows#access-and-permissions-for-nested-workflows:
// a called workflow may lower the permissions it is given, never raise them; `id-token` is `none` unless granted.
describe('a reusable workflow of another repository', () => {
  const REMOTE = 'acme/platform/.github/workflows/deploy.yml@v3';
  const caller = (top: string, job: string) => `on: push
${top}jobs:
  shared:
${job}    uses: ${REMOTE}
`;

  it.each([
    ['no permissions and no secrets', '', ''],
    [
      'a job block that drops the workflow’s id-token: write',
      'permissions:\n  id-token: write\n',
      '    permissions:\n      contents: read\n',
    ],
    ['read-all', 'permissions: read-all\n', ''],
  ])('given %s, it obtains no credentials: not read, and nothing is unknown for it', async (_what, top, job) => {
    const model = await read({ [W]: caller(top, job) });
    expect(model.errors).toEqual([]);
    expect(jobOf(model, 'shared').calls?.unreadHarmless).toContain(REMOTE);
  });

  it.each([
    ['id-token: write in the workflow', 'permissions:\n  id-token: write\n', '', /request GitHub's OIDC token/],
    ['write-all on the job', '', '    permissions: write-all\n', /request GitHub's OIDC token/],
    ['secrets: inherit', '', '    secrets: inherit\n', /use the secrets it passes/],
  ])('given %s, it is reported as not read, saying what it could obtain', async (_what, top, job, says) => {
    const model = await read({ [W]: caller(top, job) });
    expect(model.errors).toMatchObject([{ code: 'unsupported', message: expect.stringMatching(says) }]);
    expect(jobOf(model, 'shared').calls?.unreadHarmless).toBeUndefined();
  });
});

// https://docs.github.com/en/actions/how-tos/write-workflows/choose-what-workflows-do/use-secrets (an environment's
// secret over the repository's) and
// https://docs.github.com/en/actions/sharing-automations/reusing-workflows#passing-secrets-to-nested-workflows.
describe('secrets declared to hold a role ARN', () => {
  const ROLE = 'arn:aws:iam::111122223333:role/deploy';
  const step = `    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: \${{ secrets.ROLE }}
          aws-region: eu-west-1
`;
  const listing = (values: Record<string, string>) => ({ values, complete: false, source: 'test' });
  const roleOf = (model: WorkflowModel, id: string, file = W) =>
    jobOf(model, id, file).instances[0]?.credentialSteps[0]?.credential;

  it('reach a job at the top of its workflow; in an environment, only the environment’s declared value is known', async () => {
    const text = `on: push\njobs:\n  plain:\n    runs-on: x\n${step}  prod:\n    runs-on: x\n    environment: production\n${step}`;
    const secrets = { repository: listing({ ROLE }) };
    const model = await read({ [W]: text }, { secrets });
    expect(roleOf(model, 'plain')).toMatchObject({ settings: { roleToAssume: { kind: 'known', value: ROLE } } });
    expect(roleOf(model, 'prod')).toMatchObject({
      settings: { roleToAssume: { kind: 'unknown', reason: 'secrets.ROLE (environment production may set its own)' } },
    });
    const both = await read(
      { [W]: text },
      { secrets: { ...secrets, environments: { production: listing({ ROLE: `${ROLE}-prod` }) } } },
    );
    expect(roleOf(both, 'prod')).toMatchObject({ settings: { roleToAssume: { value: `${ROLE}-prod` } } });
  });

  it.each([
    ['secrets: inherit', '    secrets: inherit\n', 'known'],
    ['no secrets', '', 'unknown'],
    ['secrets passed one by one', '    secrets:\n      ROLE: ${{ secrets.ROLE }}\n', 'known'],
    [
      'a secret passed under the name read, from one not declared',
      '    secrets:\n      ROLE: ${{ secrets.OTHER }}\n',
      'unknown',
    ],
    ['another secret passed, not the one read', '    secrets:\n      OTHER: ${{ secrets.ROLE }}\n', 'unknown'],
  ])('reach a called workflow through %s: %s', async (_what, passing, kind) => {
    const called = '.github/workflows/reusable.yml';
    const files = {
      [W]: `on: push\njobs:\n  call:\n    uses: ./${called}\n${passing}`,
      [called]: `on:\n  workflow_call:\njobs:\n  deploy:\n    runs-on: x\n${step}`,
    };
    const model = await read(files, { secrets: { repository: listing({ ROLE }) } });
    expect(roleOf(model, 'deploy', called)).toMatchObject({ settings: { roleToAssume: { kind } } });
  });

  it('passed one by one to a called job in an environment: that environment’s declared secret takes its place', async () => {
    const called = '.github/workflows/reusable.yml';
    const files = {
      [W]: `on: push\njobs:\n  call:\n    uses: ./${called}\n    secrets:\n      ROLE: \${{ secrets.ROLE }}\n`,
      [called]: `on:\n  workflow_call:\njobs:\n  deploy:\n    runs-on: x\n    environment: production\n${step}`,
    };
    const passed = await read(files, { secrets: { repository: listing({ ROLE }) } });
    expect(roleOf(passed, 'deploy', called)).toMatchObject({ settings: { roleToAssume: { kind: 'unknown' } } });
    const declared = await read(files, {
      secrets: { repository: listing({ ROLE }), environments: { production: listing({ ROLE: `${ROLE}-prod` }) } },
    });
    expect(roleOf(declared, 'deploy', called)).toMatchObject({ settings: { roleToAssume: { value: `${ROLE}-prod` } } });
  });
});
