// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` here is GitHub's expression syntax, as written in a workflow, not JS.
/**
 * What `github.event` holds per trigger: no `pull_request` on the events whose payload has none
 * (https://docs.github.com/en/webhooks/webhook-events-and-payloads), and a fork's head repository, whose full name is
 * unknown but never the base repository's
 * (https://docs.github.com/en/pull-requests/collaborating-with-pull-requests/working-with-forks/about-forks).
 */
import { describe, expect, it } from 'vitest';
import { githubContext } from '../../src/workflows/context.js';
import { evaluateExpression } from '../../src/workflows/expressions.js';
import { readWorkflowModel } from '../../src/workflows/index.js';
import type { WorkflowTrigger } from '../../src/workflows/model.js';

const W = '.github/workflows/ci.yml';

/** aws/s2n-quic .github/workflows/ci.yml @ a33d369b98a50fd9290fd6586832c969035bdec0: its `on:` and the job `doc`. */
const S2N_QUIC_CI = `on:
  push:
    branches:
      - main
  pull_request:
    branches:
      - main
  schedule:
    - cron: '0 3,15 * * *'
  workflow_dispatch:

name: ci

jobs:
  doc:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v7
        with:
          submodules: true

      - name: Run cargo doc
        run: cargo +nightly doc --all-features --no-deps --workspace --exclude s2n-quic-qns
        env:
          RUSTDOCFLAGS: --cfg docsrs

      - uses: aws-actions/configure-aws-credentials@v6.2.3
        if: github.event_name == 'push' || github.repository == github.event.pull_request.head.repo.full_name
        with:
          role-to-assume: arn:aws:iam::024603541914:role/GitHubOIDCRole
          role-session-name: S2nQuicGHAS3Session
          aws-region: us-west-2
`;

async function credentialStepRuns(repository?: string) {
  const model = await readWorkflowModel({
    workflowPaths: [W],
    read: () => S2N_QUIC_CI,
    ...(repository === undefined ? {} : { repository }),
  });
  const job = model.jobs.find((j) => j.id === 'doc');
  if (!job) throw new Error(JSON.stringify(model.errors));
  return job.instances.map((i) => {
    const fork = i.trigger.fork === undefined ? '' : i.trigger.fork ? ' (fork)' : ' (same repository)';
    return [`${i.trigger.eventName}${fork}`, i.credentialSteps[0]?.runs.kind];
  });
}

describe('aws/s2n-quic ci.yml, job doc: the guard on the head repository', () => {
  it('is decided on every trigger: never on a fork, nor where the event has no pull request', async () => {
    expect(await credentialStepRuns('aws/s2n-quic')).toEqual([
      ['push', 'always'],
      ['pull_request (same repository)', 'always'],
      ['pull_request (fork)', 'never'],
      ['schedule', 'never'],
      ['workflow_dispatch', 'never'],
    ]);
  });

  it('without the repository given, the pull request cases stay unknown (never guessed)', async () => {
    const runs = Object.fromEntries(await credentialStepRuns());
    expect(runs['pull_request (fork)']).toBe('unknown');
    expect(runs['pull_request (same repository)']).toBe('unknown');
  });
});

function trigger(event: WorkflowTrigger['event'], fork?: boolean): WorkflowTrigger {
  return {
    event,
    eventName: event,
    ...(fork === undefined ? {} : { fork }),
    position: { file: W, line: 1, column: 1 },
  };
}

function evaluate(expression: string, t: WorkflowTrigger) {
  return evaluateExpression(expression, { github: githubContext(t, {}, { repository: 'aws/s2n-quic' }) });
}

describe("a fork's head repository", () => {
  const fork = trigger('pull_request', true);

  it.each([
    ['github.event.pull_request.head.repo.fork', true],
    ['github.repository == github.event.pull_request.head.repo.full_name', false],
    ['github.event.pull_request.head.repo.full_name != github.repository', true],
    // GitHub compares strings without regard to case.
    ["github.event.pull_request.head.repo.full_name == 'AWS/S2N-QUIC'", false],
    ["(github.event.pull_request.head.repo.full_name) != 'aws/s2n-quic'", true],
  ])('%s is known: %j', (expression, value) => {
    expect(evaluate(expression, fork)).toEqual({ kind: 'known', value });
  });

  it.each([
    "github.event.pull_request.head.repo.full_name == 'someone/s2n-quic'",
    "github.event.pull_request.head.repo.full_name == 'aws/s2n-quic-fork'",
    "startsWith(github.event.pull_request.head.repo.full_name, 'aws/')",
    "contains(github.event.pull_request.head.repo.full_name, 's2n')",
    "format('{0}', github.event.pull_request.head.repo.full_name) == 'aws/s2n-quic'",
    'github.event.pull_request.head.repo.full_name',
    '!github.event.pull_request.head.repo.full_name',
    'github.event.pull_request.head.repo.full_name == github.event.pull_request.head.repo.full_name',
    "github.event.pull_request.head.repo.full_name < 'aws/s2n-quic'",
    "github.event[github.event.pull_request.head.repo.full_name] == 'aws/s2n-quic'",
  ])('%s stays unknown', (expression) => {
    expect(evaluate(expression, fork).kind).toBe('unknown');
  });
});

describe('events whose payload has no pull request', () => {
  it.each(['push', 'workflow_dispatch', 'schedule', 'release', 'merge_group', 'workflow_run'] as const)(
    'on %s, github.event.pull_request is null and the rest of the payload stays unknown',
    (event) => {
      const t = trigger(event);
      expect(evaluate('github.event.pull_request', t)).toEqual({ kind: 'known', value: null });
      expect(evaluate('github.event.pull_request.head.repo.fork != true', t)).toEqual({ kind: 'known', value: true });
      expect(evaluate('github.event.after', t).kind).toBe('unknown');
    },
  );

  it.each(['pull_request', 'pull_request_target', 'workflow_call', 'other'] as const)(
    'on %s (not split by fork), the pull request stays unknown',
    (event) => {
      expect(evaluate('github.event.pull_request', trigger(event)).kind).toBe('unknown');
    },
  );
});

describe("the event's repository (https://docs.github.com/en/webhooks/webhook-events-and-payloads)", () => {
  it.each(['push', 'pull_request', 'workflow_dispatch', 'release', 'workflow_run', 'merge_group'] as const)(
    'on %s, github.event.repository names the repository; the rest of it stays unknown',
    (event) => {
      const t = trigger(event);
      expect(evaluate('github.event.repository.name', t)).toEqual({ kind: 'known', value: 's2n-quic' });
      expect(evaluate('github.event.repository.full_name', t)).toEqual({ kind: 'known', value: 'aws/s2n-quic' });
      expect(evaluate('github.event.repository.owner.login', t)).toEqual({ kind: 'known', value: 'aws' });
      expect(evaluate('github.event.repository.default_branch', t).kind).toBe('unknown');
    },
  );

  it('github.repository_id and repository_owner_id are the IDs given (the runner gives them to the action), else unknown', () => {
    const facts = { repository: 'aws/s2n-quic', repositoryId: '140839447', repositoryOwnerId: '2232217' };
    const given = { github: githubContext(trigger('push'), {}, facts) };
    expect(evaluateExpression("format('{0}-{1}', github.repository_id, github.repository_owner_id)", given)).toEqual({
      kind: 'known',
      value: '140839447-2232217',
    });
    expect(evaluate('github.repository_id', trigger('push')).kind).toBe('unknown');
  });

  it("on schedule (whose event holds only the schedule) it stays unknown, and so without the repository's name", () => {
    expect(evaluate('github.event.repository.name', trigger('schedule')).kind).toBe('unknown');
    const unnamed = evaluateExpression('github.event.repository.name', {
      github: githubContext(trigger('push'), {}, {}),
    });
    expect(unnamed.kind).toBe('unknown');
  });
});

describe("a pull request's ref: refs/pull/<number>/merge, the number unknown", () => {
  // https://docs.github.com/en/actions/reference/workflows-and-actions/events-that-trigger-workflows#pull_request
  const pr = trigger('pull_request');

  it.each([
    // burningmantech/ranger-ims-go .github/workflows/cicd.yml @ 535fc67, job deploy-staging.
    ["github.ref == 'refs/heads/master'", false],
    ["github.ref != 'refs/heads/master'", true],
    ["'refs/tags/v1' == github.ref", false],
    ["github.ref == 'refs/pull/12/head'", false],
    ["github.ref == 'refs/pull//merge'", false],
    ["github.ref_name == 'master'", false],
    ["github.ref_name != 'refs/pull/12/merge'", true],
    ["github.ref == 'refs/heads/master' && github.event_name == 'pull_request'", false],
  ])('%s is known: %j', (expression, value) => {
    expect(evaluate(expression, pr)).toEqual({ kind: 'known', value });
    expect(evaluate(expression, trigger('pull_request', true))).toEqual({ kind: 'known', value });
  });

  it.each([
    "github.ref == 'refs/pull/12/merge'",
    // GitHub compares strings without regard to case.
    "github.ref == 'REFS/PULL/12/MERGE'",
    "github.ref_name == '12/merge'",
    "github.ref_name != '12/Merge'",
    'github.ref',
    'github.ref_name',
    "startsWith(github.ref, 'refs/heads/')",
    "contains(github.ref, 'master')",
    "format('{0}', github.ref) == 'refs/heads/master'",
    "github.ref < 'refs/heads/master'",
    'github.ref == 12',
    'github.ref == github.ref_name',
  ])('%s stays unknown', (expression) => {
    expect(evaluate(expression, pr).kind).toBe('unknown');
  });

  it('a trigger that takes closed pull requests runs a merged one on the base branch: the ref stays unknown', () => {
    const closed = { ...pr, types: ['opened', 'closed'] };
    expect(evaluate("github.ref == 'refs/heads/master'", closed).kind).toBe('unknown');
    expect(evaluate("github.ref_name == 'master'", closed).kind).toBe('unknown');
  });

  it('pull_request_target runs on the base branch: its ref is not a pull request merge branch', () => {
    expect(evaluate("github.ref == 'refs/heads/master'", trigger('pull_request_target')).kind).toBe('unknown');
  });
});
