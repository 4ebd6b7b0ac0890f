/**
 * The run's own token against the prediction for this run (src/checks/predicted-trust/honesty.ts). The token is the
 * example payload of GitHub's OIDC reference (https://docs.github.com/en/actions/reference/security/oidc#example-oidc-token):
 * a workflow_dispatch run of a job with environment `prod` in octo-org/octo-repo, whose job is a reusable workflow of
 * octo-org/octo-automation.
 */
import { describe, expect, it } from 'vitest';
import { comparePrediction, workflowOfRef } from '../../src/checks/predicted-trust/honesty.js';
import type { Claims } from '../../src/tokens/decode.js';
import { predictTokens, type TokenPrediction } from '../../src/workflows/predict/index.js';
import { context, deployJob, known, type RepoOver, trigger } from './predict-model.js';

/** The reference's example payload (its claims as the page lists them). */
const EXAMPLE: Claims = {
  jti: 'example-id',
  sub: 'repo:octo-org/octo-repo:environment:prod',
  environment: 'prod',
  aud: 'https://github.com/octo-org',
  ref: 'refs/heads/main',
  sha: 'example-sha',
  repository: 'octo-org/octo-repo',
  repository_owner: 'octo-org',
  actor_id: '12',
  repository_visibility: 'private',
  repository_id: '74',
  repository_owner_id: '65',
  run_id: 'example-run-id',
  run_number: '10',
  run_attempt: '2',
  runner_environment: 'github-hosted',
  actor: 'octocat',
  workflow: 'example-workflow',
  head_ref: '',
  base_ref: '',
  event_name: 'workflow_dispatch',
  ref_type: 'branch',
  job_workflow_ref: 'octo-org/octo-automation/.github/workflows/oidc.yml@refs/heads/main',
  iss: 'https://token.actions.githubusercontent.com',
  nbf: 1632492967,
  exp: 1632493867,
  iat: 1632493567,
};

const WORKFLOW = '.github/workflows/example.yml';
const RUNNER = { jobId: 'deploy', workflowRef: `octo-org/octo-repo/${WORKFLOW}@refs/heads/main` };

/** The example's workflow: dispatch, a caller job `call` using the other repository's reusable workflow. */
function predictions(over: RepoOver = {}): TokenPrediction[] {
  const pos = { file: WORKFLOW, line: 9, column: 5 };
  const caller = {
    ...deployJob({ id: 'call', file: WORKFLOW, triggers: [] }),
    deploy: false,
    calls: { uses: 'octo-org/octo-automation/.github/workflows/oidc.yml@main', with: {}, position: pos },
  };
  const t = trigger('workflow_dispatch', { callers: [{ file: WORKFLOW, jobId: 'call', position: pos }] }, WORKFLOW);
  const job = deployJob({ triggers: [t], workflow: WORKFLOW, environment: known('prod') });
  const ctx = context([caller, job], { owner: 'octo-org', name: 'octo-repo', ownerId: '65', repoId: '74', ...over });
  return predictTokens({ ...ctx, workflowNames: { [WORKFLOW]: 'example-workflow' } });
}

describe("the run's token against the prediction", () => {
  it('oidc#example-oidc-token: every claim predicted for the example run is the one the example token carries', () => {
    const [f] = comparePrediction(predictions(), EXAMPLE, RUNNER);
    expect(f).toMatchObject({ class: 'ok', status: 'pass', decisionPoint: 'token' });
  });

  it('oidc#customizing-the-subject-claims-for-an-organization-or-repository: a customized sub the model did not know fails, naming the claim', () => {
    const sub = `repo:octo-org/octo-repo:environment:prod:job_workflow_ref:${EXAMPLE.job_workflow_ref}`;
    const [f] = comparePrediction(predictions(), { ...EXAMPLE, sub }, RUNNER);
    expect(f).toMatchObject({ class: 'prediction-mismatch', status: 'fail' });
    expect(f?.message).toContain('sub predicted `repo:octo-org/octo-repo:environment:prod`');
    expect(f?.message).toContain('customized subject template');
    expect(f?.evidence.claims).toEqual(['sub']);
  });

  it('oidc#immutable-subject-claims: with the form not given, the immutable sub of the token matches its variant', () => {
    const sub = 'repo:octo-org@65/octo-repo@74:environment:prod';
    const [f] = comparePrediction(predictions({ immutableSubject: undefined }), { ...EXAMPLE, sub }, RUNNER);
    expect(f?.class).toBe('ok');
    const [wrong] = comparePrediction(predictions({ immutableSubject: false }), { ...EXAMPLE, sub }, RUNNER);
    expect(wrong?.class).toBe('prediction-mismatch');
  });

  it('a claim the model gets wrong (the workflow name) fails; a run the model has no job for is unverified, never silent', () => {
    const [f] = comparePrediction(predictions(), { ...EXAMPLE, workflow: 'renamed' }, RUNNER);
    expect(f?.message).toContain('workflow predicted `example-workflow`, the token has `renamed`');
    const [none] = comparePrediction(predictions(), EXAMPLE, { ...RUNNER, jobId: 'other' });
    expect(none).toMatchObject({ class: 'prediction-unknown', status: 'unverified' });
    expect(none?.message).toContain('the workflow model has no run of job `other`');
    const { workflow_ref: _ref, ...unnamed } = EXAMPLE;
    const [untold] = comparePrediction(predictions(), unnamed, { jobId: RUNNER.jobId });
    expect(untold?.message).toContain('the token names no workflow_ref or event_name');
  });

  it("events-that-trigger-workflows#workflow_dispatch: a ref outside the trigger's refs is a mismatch", () => {
    const [f] = comparePrediction(predictions(), { ...EXAMPLE, ref: 'refs/pull/1/merge' }, RUNNER);
    expect(f?.class).toBe('prediction-mismatch');
    expect(f?.message).toContain('none the job');
  });

  it('names the trigger whose prediction agrees: a tag push is `push (tags …)`, not the first push trigger', () => {
    const file = '.github/workflows/release.yml';
    const job = deployJob({
      triggers: [trigger('push', { branches: ['main'] }, file), trigger('push', { tags: ['v*'] }, file)],
      workflow: file,
    });
    const ctx = context([job], { owner: 'octo-org', name: 'octo-repo' });
    const all = predictTokens({ ...ctx, workflowNames: { [file]: 'release' } });
    const tag: Claims = {
      sub: 'repo:octo-org/octo-repo:ref:refs/tags/v1.2.0',
      ref: 'refs/tags/v1.2.0',
      ref_type: 'tag',
      event_name: 'push',
      repository: 'octo-org/octo-repo',
      workflow_ref: `octo-org/octo-repo/${file}@refs/tags/v1.2.0`,
    };
    const [f] = comparePrediction(all, tag, { jobId: 'deploy' });
    expect(f?.class).toBe('ok');
    expect(f?.subject).toContain('tags `v*`');
  });

  it("a token whose ref the job's `if:` keeps out is no run of the job: it is said so, not compared claim by claim", () => {
    const file = '.github/workflows/deploy.yml';
    const base = deployJob({ triggers: [trigger('workflow_dispatch', {}, file)], workflow: file });
    // `if: github.ref == 'refs/heads/main'` on the job (undecided for a dispatch, which may run on any ref).
    const condition = { condition: "github.ref == 'refs/heads/main'", position: { file, line: 7, column: 5 } };
    const job = {
      ...base,
      instances: base.instances.map((i) => ({
        ...i,
        runs: { kind: 'unknown' as const, ...condition, reason: 'github.ref' },
      })),
    };
    const all = predictTokens({ ...context([job], { owner: 'octo-org', name: 'octo-repo' }), workflowNames: {} });
    const claims: Claims = {
      sub: 'repo:octo-org/octo-repo:ref:refs/heads/feature',
      ref: 'refs/heads/feature',
      event_name: 'workflow_dispatch',
      workflow_ref: `octo-org/octo-repo/${file}@refs/heads/feature`,
    };
    const [f] = comparePrediction(all, claims, { jobId: 'deploy' });
    expect(f?.class).toBe('prediction-mismatch');
    expect(f?.message).toContain("This run's ref `refs/heads/feature` is none the");
  });

  it('workflowOfRef reads the path of a workflow_ref', () => {
    expect(workflowOfRef('octo-org/octo-repo/.github/workflows/example.yml@refs/heads/main')).toBe(WORKFLOW);
    expect(workflowOfRef('nonsense')).toBeUndefined();
  });
});
