/**
 * The token GitHub would issue, predicted from the workflow (src/workflows/predict/predict.ts). Test names cite the
 * GitHub page whose example or rule they check: the OIDC reference
 * (https://docs.github.com/en/actions/reference/security/oidc) and the events page
 * (https://docs.github.com/en/actions/writing-workflows/choosing-when-your-workflow-runs/events-that-trigger-workflows).
 */
import { describe, expect, it } from 'vitest';
import { parseSubject } from '../../src/tokens/github.js';
import {
  claimsForRef,
  type Predicted,
  predictTokens,
  sampleRefs,
  type TokenPrediction,
} from '../../src/workflows/predict/index.js';
import { context, deployJob, type JobSpec, known, type RepoOver, trigger, unknownValue } from './predict-model.js';

function predictOne(spec: JobSpec, over: RepoOver = {}): TokenPrediction {
  const [p] = predictTokens(context([deployJob(spec)], over));
  if (!p) throw new Error('no prediction');
  return p;
}

/** The claims of the first variant for the first sample ref (or without a ref). */
function claims(p: TokenPrediction, ref?: string): Record<string, Predicted> {
  const v = p.variants[0];
  if (!v) throw new Error('no variant');
  const r = ref ?? (p.refs.kind === 'known' && p.refs.spaces[0] ? sampleRefs(p.refs.spaces[0])[0] : undefined);
  return r ? claimsForRef(v, r) : { ...v.claims };
}

const shown = (p: Predicted | undefined) => (p?.kind === 'value' ? p.value : p?.kind);
const octo = { owner: 'octo-org', name: 'octo-repo' };

describe('the subject, as the OIDC reference\'s "example subject claims" give it', () => {
  it('oidc#example-subject-claims: a job with environment Production gets repo:octo-org/octo-repo:environment:Production', () => {
    const p = predictOne(
      { triggers: [trigger('push', { branches: ['main'] })], environment: known('Production') },
      octo,
    );
    expect(shown(claims(p).sub)).toBe('repo:octo-org/octo-repo:environment:Production');
    expect(shown(claims(p).environment)).toBe('Production');
  });

  it("workflow-syntax#jobsjob_idenvironment: an empty environment name (`cond && 'prod' || ''`) is not documented, so environment and sub are unknown, saying so", () => {
    const p = predictOne({ triggers: [trigger('push', { branches: ['main'] })], environment: known('') }, octo);
    const c = claims(p);
    for (const claim of [c.environment, c.sub]) {
      expect(claim?.kind).toBe('unknown');
      expect(claim?.kind === 'unknown' && claim.reason).toMatch(/environment name is empty/);
    }
  });

  it('oidc#example-subject-claims: a pull_request run without an environment gets repo:octo-org/octo-repo:pull_request', () => {
    const p = predictOne({ triggers: [trigger('pull_request', { fork: false })] }, octo);
    expect(shown(claims(p).sub)).toBe('repo:octo-org/octo-repo:pull_request');
    expect(shown(claims(p).ref)).toBe('refs/pull/1/merge');
    expect(claims(p).environment).toEqual({ kind: 'absent' });
  });

  it('oidc#example-subject-claims: a push to demo-branch gets repo:octo-org/octo-repo:ref:refs/heads/demo-branch', () => {
    const p = predictOne({ triggers: [trigger('push', { branches: ['demo-branch'] })] }, octo);
    expect(p.refs).toEqual({ kind: 'known', spaces: [expect.objectContaining({ prefix: 'refs/heads/' })] });
    const c = claims(p);
    expect(shown(c.sub)).toBe('repo:octo-org/octo-repo:ref:refs/heads/demo-branch');
    expect(shown(c.ref_type)).toBe('branch');
  });

  it('oidc#example-subject-claims: a push of tag demo-tag gets repo:octo-org/octo-repo:ref:refs/tags/demo-tag', () => {
    const p = predictOne({ triggers: [trigger('push', { tags: ['demo-tag'] })] }, octo);
    const c = claims(p);
    expect(shown(c.sub)).toBe('repo:octo-org/octo-repo:ref:refs/tags/demo-tag');
    expect(shown(c.ref_type)).toBe('tag');
  });

  it('oidc#immutable-subject-claims: the immutable form names the owner and repository with their IDs', () => {
    const p = predictOne(
      { triggers: [trigger('push', { branches: ['main'] })] },
      { ...octo, ownerId: '65', repoId: '74', immutableSubject: true },
    );
    expect(shown(claims(p).sub)).toBe('repo:octo-org@65/octo-repo@74:ref:refs/heads/main');
    expect(parseSubject(String(shown(claims(p).sub)))).toMatchObject({ immutable: true, ref: 'refs/heads/main' });
  });

  it('oidc#immutable-subject-claims: without the IDs the immutable form is unknown, and both forms are predicted when the form is not given', () => {
    const p = predictOne({ triggers: [trigger('push', { branches: ['main'] })] }, { immutableSubject: undefined });
    expect(p.variants.map((v) => v.repoForm)).toEqual(['names', 'immutable']);
    const immutable = p.variants[1];
    expect(immutable?.claims.sub?.kind).toBe('unknown');
  });

  it('oidc#customizing-the-subject-claims-for-an-organization-or-repository: include_claim_keys [repo, context, job_workflow_ref]', () => {
    const p = predictOne(
      {
        triggers: [trigger('push', { branches: ['main'] })],
        environment: known('prod'),
        file: '.github/workflows/oidc.yml',
      },
      {
        owner: 'octo-org',
        name: 'octo-automation',
        subjectTemplate: { keys: ['repo', 'context', 'job_workflow_ref'], source: 'config' },
      },
    );
    expect(shown(claims(p).sub)).toBe(
      'repo:octo-org/octo-automation:environment:prod:job_workflow_ref:octo-org/octo-automation/.github/workflows/oidc.yml@refs/heads/main',
    );
    expect(parseSubject(String(shown(claims(p).sub))).form).toBe('custom');
  });

  it('oidc#customizing-the-subject-claims-for-an-organization-or-repository: a colon in the context value is written %3A', () => {
    const p = predictOne({ triggers: [trigger('push', { branches: ['main'] })], environment: known('prod:eu') });
    expect(shown(claims(p).sub)).toBe('repo:acme/api:environment:prod%3Aeu');
    expect(parseSubject(String(shown(claims(p).sub))).environment).toBe('prod:eu');
  });
});

describe('what is not documented stays unknown', () => {
  it('events-that-trigger-workflows#pull_request_target: the ref is the default branch, but the sub of such a run is not documented', () => {
    const p = predictOne({ triggers: [trigger('pull_request_target')] });
    expect(p.refs).toEqual({ kind: 'known', spaces: [{ kind: 'ref', ref: 'refs/heads/main' }] });
    expect(claims(p).sub?.kind).toBe('unknown');
  });

  it('events-that-trigger-workflows#merge_group: the ref and sub are unknown, with the reason', () => {
    const p = predictOne({ triggers: [trigger('merge_group')] });
    expect(p.refs.kind).toBe('unknown');
    const sub = claims(p).sub;
    expect(sub?.kind).toBe('unknown');
    expect(sub?.kind === 'unknown' && sub.reason).toMatch(/ref|documented/);
  });

  it('oidc#example-subject-claims: with an environment the sub is known even when the ref is not', () => {
    const p = predictOne({ triggers: [trigger('merge_group')], environment: known('production') });
    expect(shown(claims(p).sub)).toBe('repo:acme/api:environment:production');
    expect(claims(p).ref?.kind).toBe('unknown');
  });

  it('an environment that is an expression leaves the sub unknown', () => {
    const p = predictOne({
      triggers: [trigger('push', { branches: ['main'] })],
      environment: unknownValue('vars.ENV', 'vars.ENV (not given)'),
    });
    expect(claims(p).sub?.kind).toBe('unknown');
  });

  it("events-that-trigger-workflows#schedule: the default branch, or unknown when the repository's default branch is not known", () => {
    expect(predictOne({ triggers: [trigger('schedule')] }).refs).toEqual({
      kind: 'known',
      spaces: [{ kind: 'ref', ref: 'refs/heads/main' }],
    });
    const unknown = predictOne({ triggers: [trigger('schedule')] }, { defaultBranch: undefined }).refs;
    expect(unknown.kind).toBe('unknown');
    // The reason says how to give it, in either mode.
    expect(unknown.kind === 'unknown' && unknown.reason).toMatch(
      /default branch is not known .*--default-branch.*repository\.default_branch/,
    );
  });

  it('events-that-trigger-workflows#workflow_run: GITHUB_REF is the default branch, as for schedule, whatever branches the triggering run had', () => {
    const p = predictOne({ triggers: [trigger('workflow_run', { branches: ['release/*'] })] });
    expect(p.refs).toEqual({ kind: 'known', spaces: [{ kind: 'ref', ref: 'refs/heads/main' }] });
    expect(shown(claims(p).sub)).toBe('repo:acme/api:ref:refs/heads/main');
    expect(shown(claims(p).ref_type)).toBe('branch');
    expect(shown(claims(p).event_name)).toBe('workflow_run');
    expect(predictOne({ triggers: [trigger('workflow_run')] }, { defaultBranch: undefined }).refs.kind).toBe('unknown');
  });
});

describe('the other claims', () => {
  it('aud is sts.amazonaws.com by default (configure-aws-credentials), or its audience input', () => {
    expect(predictOne({ triggers: [trigger('push')] }).exchanges[0]?.aud).toEqual({
      kind: 'value',
      value: 'sts.amazonaws.com',
    });
    const custom = predictOne({ triggers: [trigger('push')], audience: known('https://github.com/acme') });
    expect(custom.exchanges[0]?.aud).toEqual({ kind: 'value', value: 'https://github.com/acme' });
  });

  it('oidc#oidc-token-claims: repository, repository_owner, event_name, workflow_ref and job_workflow_ref follow the run', () => {
    const p = predictOne({ triggers: [trigger('push', { tags: ['v*'] })], id: 'release' });
    const c = claims(p, 'refs/tags/v1.2.0');
    expect(Object.fromEntries(Object.entries(c).map(([k, v]) => [k, shown(v)]))).toMatchObject({
      repository: 'acme/api',
      repository_owner: 'acme',
      event_name: 'push',
      ref: 'refs/tags/v1.2.0',
      ref_type: 'tag',
      workflow_ref: 'acme/api/.github/workflows/deploy.yml@refs/tags/v1.2.0',
      job_workflow_ref: 'acme/api/.github/workflows/deploy.yml@refs/tags/v1.2.0',
      workflow: '.github/workflows/deploy.yml',
      actor: 'unknown',
    });
  });

  it('reusing-workflows: a job of a local reusable workflow has its own file in job_workflow_ref, the caller in workflow_ref', () => {
    const caller = deployJob({
      id: 'call',
      file: '.github/workflows/release.yml',
      triggers: [],
      calls: {
        uses: './.github/workflows/deploy.yml',
        with: {},
        position: { file: '.github/workflows/release.yml', line: 9, column: 5 },
      },
    });
    const t = trigger(
      'push',
      {
        branches: ['main'],
        callers: [{ file: '.github/workflows/release.yml', jobId: 'call', position: caller.position }],
      },
      '.github/workflows/release.yml',
    );
    const called = deployJob({ triggers: [t], workflow: '.github/workflows/release.yml' });
    const [p] = predictTokens(context([{ ...caller, deploy: false }, called]));
    if (!p) throw new Error('no prediction');
    const c = claims(p, 'refs/heads/main');
    expect(shown(c.job_workflow_ref)).toBe('acme/api/.github/workflows/deploy.yml@refs/heads/main');
    expect(shown(c.workflow_ref)).toBe('acme/api/.github/workflows/release.yml@refs/heads/main');
    expect(p.label).toBe(
      'job `deploy` (.github/workflows/deploy.yml, called by `call` in .github/workflows/release.yml) on push (branches `main`)',
    );
  });

  it('oidc#workflow-permissions-for-the-requesting-the-oidc-token: a fork pull request gets no token, an undecided one is flagged', () => {
    expect(predictOne({ triggers: [trigger('pull_request', { fork: true })] }).issued.kind).toBe('no');
    const either = predictOne({ triggers: [trigger('pull_request')] });
    expect(either.issued.kind).toBe('yes');
    expect(either.forkReach.kind).toBe('surely');
  });
});
