/**
 * Reusable workflows of other repositories read through a remote reader (src/workflows/remote.ts, load.ts, jobs.ts):
 * ministryofjustice/modernisation-platform's `new-environment.yml` (job `fetch-secrets`) calls
 * ministryofjustice/modernisation-platform-github-actions' `aws-secrets-management.yml` at a commit, whose job
 * `retrieve-secrets` assumes a role with `id-token: write` (both real files, their sources in their first lines).
 */
import { describe, expect, it } from 'vitest';
import { tokenWorkflowsOf } from '../../src/workflows/github-token/from-model.js';
import type { RemoteWorkflowRef, WorkflowModel } from '../../src/workflows/index.js';
import { readWorkflowModel } from '../../src/workflows/index.js';
import { predictTokens } from '../../src/workflows/predict/index.js';
import { isCommitSha, parseRemoteUses, remoteKey } from '../../src/workflows/remote.js';
import { REMOTE_KEY as KEY, REMOTE_TEXT, REMOTE_SHA as SHA } from '../fixtures/remote-workflow.js';
import { fixtureModel } from './fixture-repo.js';

const REMOTE_REPO = 'ministryofjustice/modernisation-platform-github-actions';
const CALLER = '.github/workflows/new-environment.yml';

/** A reader serving the real remote file at its commit, and recording what it was asked. */
function servingReader(asked: RemoteWorkflowRef[] = []) {
  return async (ref: RemoteWorkflowRef) => {
    asked.push(ref);
    const served = `${ref.owner}/${ref.repo}` === REMOTE_REPO && ref.ref === SHA;
    return served && ref.path === '.github/workflows/aws-secrets-management.yml' ? REMOTE_TEXT : undefined;
  };
}

function callerModel(readRemote?: Parameters<typeof readWorkflowModel>[0]['readRemote']): Promise<WorkflowModel> {
  return fixtureModel('ministryofjustice__modernisation-platform', {
    only: [CALLER],
    repository: 'ministryofjustice/modernisation-platform',
    defaultBranch: 'main',
    ...(readRemote ? { readRemote } : {}),
  });
}

describe('a reusable workflow of another repository, read', () => {
  it('reusing-workflows#calling-a-reusable-workflow: its jobs are read as a local call, with the caller chain', async () => {
    const asked: RemoteWorkflowRef[] = [];
    const model = await callerModel(servingReader(asked));
    expect(asked).toEqual([
      {
        owner: 'ministryofjustice',
        repo: 'modernisation-platform-github-actions',
        path: '.github/workflows/aws-secrets-management.yml',
        ref: SHA,
      },
    ]);
    const retrieve = model.jobs.find((j) => j.file === KEY && j.id === 'retrieve-secrets');
    expect(retrieve?.deploy).toBe(true);
    expect(retrieve?.instances.length).toBeGreaterThan(0);
    const instance = retrieve?.instances[0];
    expect(instance?.trigger.callers?.map((c) => `${c.file}#${c.jobId}`)).toEqual([`${CALLER}#fetch-secrets`]);
    expect(instance?.steps.map((s) => s.name)).toEqual([
      'Configure AWS Credentials',
      'Retrieve Secrets from AWS Secrets Manager',
      'Set outputs',
    ]);
    const credential = instance?.credentialSteps[0]?.credential;
    if (credential?.kind !== 'configure-aws-credentials') throw new Error('no configure-aws-credentials step');
    // The secrets are passed one by one, not inherited: what they hold is not known.
    expect(credential.settings.roleToAssume).toMatchObject({
      kind: 'unknown',
      reason: 'secrets.MODERNISATION_PLATFORM_ACCOUNT_NUMBER',
      position: { file: KEY, line: 75 },
    });
    // The input's default, as the caller passes no `with:`.
    expect(credential.settings.awsRegion).toMatchObject({ kind: 'known', value: 'eu-west-2' });
    const caller = model.jobs.find((j) => j.file === CALLER && j.id === 'fetch-secrets');
    expect(caller?.calls).toMatchObject({ file: KEY });
    expect(caller?.calls?.unreadHarmless).toBeUndefined();
    expect(model.errors.filter((e) => e.code === 'unsupported')).toEqual([]);
  });

  it('oidc#oidc-token-claims: job_workflow_ref of its job is the called file at the commit it is pinned to', async () => {
    const model = await callerModel(servingReader());
    const predictions = predictTokens({
      repo: {
        owner: 'ministryofjustice',
        name: 'modernisation-platform',
        defaultBranch: 'main',
        immutableSubject: false,
        subjectTemplate: { keys: 'default', source: 'test' },
      },
      jobs: model.jobs,
      workflowNames: Object.fromEntries(model.files.map((f) => [f.path, f.name])),
    });
    const remote = predictions.filter((p) => p.job.file === KEY);
    expect(remote.length).toBeGreaterThan(0);
    for (const p of remote) {
      const claims = p.variants[0]?.claims;
      expect(claims?.job_workflow_ref).toMatchObject({ kind: 'value', value: KEY });
      // The run is the caller's: its repository, and its workflow in workflow_ref.
      expect(claims?.repository).toMatchObject({ kind: 'value', value: 'ministryofjustice/modernisation-platform' });
    }
  });

  it("controlling-permissions-for-github_token: its GITHUB_TOKEN is checked under its own file's permissions: {}", async () => {
    const model = await callerModel(servingReader());
    const caller = tokenWorkflowsOf(model)
      .find((w) => w.file === CALLER)
      ?.jobs.find((j) => j.id === 'fetch-secrets');
    expect(caller?.calls?.file).toBe(KEY);
    expect(caller?.calls?.permissions).toMatchObject({ at: 'workflow', file: KEY, line: 50, value: {} });
    expect(caller?.calls?.jobs.map((j) => j.id)).toEqual(['retrieve-secrets']);
  });

  it('without a reader, the call stays an unsupported error, as the job passes it secrets', async () => {
    const model = await callerModel();
    const errors = model.errors.filter((e) => e.code === 'unsupported');
    expect(errors.map((e) => e.position)).toContainEqual({ file: CALLER, line: 43, column: 11 });
    expect(model.jobs.some((j) => j.file === KEY)).toBe(false);
  });

  it('a reader that refuses, fails or finds nothing keeps the unsupported error, saying why', async () => {
    const readers = [
      async () => ({ refused: 'GET /repos/…/contents answered 403: contents: read is needed' }),
      async () => {
        throw new Error('connection reset');
      },
      async () => undefined,
    ];
    const whys = ['answered 403', 'cannot be read: connection reset', 'was not found'];
    for (const [i, reader] of readers.entries()) {
      const model = await callerModel(reader);
      const error = model.errors.find((e) => e.code === 'unsupported' && e.position.file === CALLER);
      expect(error?.message).toContain('a reusable workflow of another repository is not read');
      expect(error?.message).toContain(whys[i]);
      expect(model.jobs.some((j) => j.file === KEY)).toBe(false);
    }
  });
});

describe('references of other repositories, parsed strictly', () => {
  it('the real references of the fixtures parse; anything else names what is wrong', () => {
    const uses = `${REMOTE_REPO}/.github/workflows/aws-secrets-management.yml@${SHA}`;
    const parsed = parseRemoteUses(uses);
    expect(parsed).toEqual({
      owner: 'ministryofjustice',
      repo: 'modernisation-platform-github-actions',
      path: '.github/workflows/aws-secrets-management.yml',
      ref: SHA,
    });
    if ('error' in parsed) throw new Error(parsed.error);
    expect(remoteKey(parsed)).toBe(uses);
    expect(isCommitSha(parsed.ref)).toBe(true);
    expect(isCommitSha('v6.1.8')).toBe(false);
    const bad: [string, string][] = [
      ['actions/checkout@v4', 'a path other than'],
      ['-bad/repo/.github/workflows/x.yml@v1', 'owner name'],
      ['octo/../.github/workflows/x.yml@v1', 'repository name'],
      ['octo/repo/.github/workflows/sub/x.yml@v1', 'a path other than'],
      ['octo/repo/.github/workflows/x.json@v1', 'a path other than'],
      ['octo/repo/.github/workflows/x.yml', 'no ref'],
      ['octo/repo/.github/workflows/x.yml@', 'no ref'],
      ['octo/repo/.github/workflows/x.yml@a..b', 'a ref git would not accept'],
      ['octo/repo/.github/workflows/x.yml@main x', 'a ref git would not accept'],
    ];
    for (const [text, problem] of bad) {
      const result = parseRemoteUses(text);
      expect('error' in result && result.error, text).toContain(problem);
    }
  });
});

/** Two files of an `octo-org/deploy` repository, written for the rules GitHub documents (no public pair found). */
const NESTED = {
  caller: `on: push
permissions:
  id-token: write
jobs:
  deploy:
    uses: octo-org/deploy/.github/workflows/outer.yml@v2
`,
  outer: `on: workflow_call
jobs:
  inner:
    uses: ./.github/workflows/inner.yml
  nested-deeper:
    uses: ./.github/workflows/sub/x.yml
    secrets: inherit
  local-action:
    runs-on: ubuntu-latest
    steps:
      - uses: ./.github/actions/setup
`,
  inner: `on: workflow_call
jobs:
  assume:
    runs-on: ubuntu-latest
    permissions:
      id-token: write
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::111122223333:role/deploy
          aws-region: eu-west-1
`,
};

describe('inside a workflow of another repository', () => {
  const read = (path: string) =>
    path === '.github/workflows/caller.yml'
      ? NESTED.caller
      : // The caller's own repository has files of these names too: they must not be taken for the remote ones.
        path === '.github/workflows/inner.yml' || path === '.github/actions/setup/action.yml'
        ? 'on: workflow_call\njobs: {}\n'
        : undefined;
  const asked: string[] = [];
  const readRemote = async (ref: RemoteWorkflowRef) => {
    asked.push(remoteKey(ref));
    if (`${ref.owner}/${ref.repo}@${ref.ref}` !== 'octo-org/deploy@v2') return undefined;
    return ref.path === '.github/workflows/outer.yml'
      ? NESTED.outer
      : ref.path.endsWith('inner.yml')
        ? NESTED.inner
        : undefined;
  };

  const nestedModel = () => {
    asked.length = 0;
    return readWorkflowModel({
      workflowPaths: ['.github/workflows/caller.yml'],
      read,
      readRemote,
      repository: 'octo-org/app',
    });
  };

  it('reusing-workflows#calling-a-reusable-workflow: ./.github/workflows/x.yml is of that repository, at the same ref; a local action is not read', async () => {
    const model = await nestedModel();
    expect(asked).toEqual([
      'octo-org/deploy/.github/workflows/outer.yml@v2',
      'octo-org/deploy/.github/workflows/inner.yml@v2',
    ]);
    const inner = model.jobs.find((j) => j.id === 'assume');
    expect(inner?.file).toBe('octo-org/deploy/.github/workflows/inner.yml@v2');
    expect(inner?.deploy).toBe(true);
    expect(inner?.instances[0]?.trigger.callers?.map((c) => c.file)).toEqual([
      '.github/workflows/caller.yml',
      'octo-org/deploy/.github/workflows/outer.yml@v2',
    ]);
    const local = model.errors.find((e) => e.message.startsWith('./.github/actions/setup'));
    expect(local).toMatchObject({
      code: 'unsupported',
      position: { file: 'octo-org/deploy/.github/workflows/outer.yml@v2' },
    });
    const deeper = model.errors.find((e) => e.message.startsWith('./.github/workflows/sub/x.yml'));
    expect(deeper?.code).toBe('unsupported');
    expect(deeper?.message).toContain('names no workflow file of that repository');
    const steps = model.jobs.find((j) => j.id === 'local-action')?.instances[0]?.steps;
    expect(steps?.map((s) => s.via ?? [])).toEqual([[]]);
  });

  it('job_workflow_ref at a branch or tag name stays unknown: the name does not say which', async () => {
    const model = await nestedModel();
    const [p] = predictTokens({
      repo: {
        owner: 'octo-org',
        name: 'app',
        subjectTemplate: { keys: 'default', source: 'test' },
        immutableSubject: false,
      },
      jobs: model.jobs,
      workflowNames: {},
    });
    expect(p?.job.id).toBe('assume');
    expect(p?.variants[0]?.claims.job_workflow_ref?.kind).toBe('unknown');
  });
});

// https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#jobsjob_idsecretsinherit: "The
// inherit keyword can be used to pass secrets across repositories within the same organization, or across
// organizations within the same enterprise"; an enterprise is not known here.
describe('secrets: inherit to a workflow of another repository', () => {
  const ROLE = 'arn:aws:iam::111122223333:role/deploy';
  const called = `on: workflow_call
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: \${{ secrets.ROLE }}
          aws-region: eu-west-1
`;
  it.each([
    ['octo-org/deploy', 'known'],
    ['Octo-Org/deploy', 'known'],
    ['other-org/deploy', 'unknown'],
  ])('to %s: the declared secret is %s', async (repository, kind) => {
    const caller = `on: push\njobs:\n  call:\n    uses: ${repository}/.github/workflows/deploy.yml@v1\n    secrets: inherit\n`;
    const model = await readWorkflowModel({
      workflowPaths: ['.github/workflows/caller.yml'],
      read: (path) => (path === '.github/workflows/caller.yml' ? caller : undefined),
      readRemote: async () => called,
      repository: 'octo-org/app',
      secrets: { repository: { values: { ROLE }, complete: false, source: 'test' } },
    });
    const deploy = model.jobs.find((j) => j.id === 'deploy');
    expect(deploy?.file).toBe(`${repository}/.github/workflows/deploy.yml@v1`);
    expect(deploy?.instances[0]?.credentialSteps[0]?.credential).toMatchObject({
      settings: { roleToAssume: { kind } },
    });
  });
});
