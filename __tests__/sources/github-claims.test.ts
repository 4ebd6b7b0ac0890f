/**
 * The Actions token stand-in is itself a test oracle for the pure `sub` explanation, so its claim set and `sub`
 * forms are pinned here against GitHub's reference (https://docs.github.com/en/actions/reference/security/oidc):
 * the documented examples, with the documented owner and repository names where the docs give them.
 */
import { describe, expect, it } from 'vitest';
import {
  customTemplate,
  type GitHubRun,
  githubClaims,
  githubSubject,
  immutableSubject,
  inEnvironment,
  pullRequest,
  pushToMain,
  tagPush,
} from '../fixtures/actions-token-server.js';

const octo = { owner: 'octo-org', ownerId: '123456', repo: 'octo-repo', repoId: '456789' } as const;
const ISSUER = 'https://token.actions.githubusercontent.com';

describe('the sub forms GitHub documents', () => {
  it.each<[string, GitHubRun, string]>([
    [
      'a branch',
      pushToMain({ ...octo, ref: 'refs/heads/demo-branch' }),
      'repo:octo-org/octo-repo:ref:refs/heads/demo-branch',
    ],
    ['a tag', tagPush('demo-tag', octo), 'repo:octo-org/octo-repo:ref:refs/tags/demo-tag'],
    ['a pull_request event', pullRequest(7, 'feature/x', octo), 'repo:octo-org/octo-repo:pull_request'],
    ['an environment', inEnvironment('Production', pushToMain(octo)), 'repo:octo-org/octo-repo:environment:Production'],
    [
      'an environment in a pull request: the environment wins',
      inEnvironment('Production', pullRequest(7, 'feature/x', octo)),
      'repo:octo-org/octo-repo:environment:Production',
    ],
    [
      'an environment on a tag: the environment wins',
      inEnvironment('prod', tagPush('v1', octo)),
      'repo:octo-org/octo-repo:environment:prod',
    ],
    [
      'a colon in a value, escaped as %3A',
      inEnvironment('Production:V1', pushToMain(octo)),
      'repo:octo-org/octo-repo:environment:Production%3AV1',
    ],
    [
      'the immutable form',
      immutableSubject(pushToMain(octo)),
      'repo:octo-org@123456/octo-repo@456789:ref:refs/heads/main',
    ],
    [
      'the immutable form with an environment',
      immutableSubject(inEnvironment('prod', pushToMain(octo))),
      'repo:octo-org@123456/octo-repo@456789:environment:prod',
    ],
    [
      'a template of repository_owner and repository_visibility',
      customTemplate(['repository_owner', 'repository_visibility'], pushToMain({ owner: 'monalisa' })),
      'repository_owner:monalisa:repository_visibility:private',
    ],
    [
      'a template of repo, context and job_workflow_ref',
      customTemplate(
        ['repo', 'context', 'job_workflow_ref'],
        inEnvironment(
          'prod',
          pushToMain({
            ...octo,
            jobWorkflowRef: 'octo-org/octo-automation/.github/workflows/oidc.yml@refs/heads/main',
          }),
        ),
      ),
      'repo:octo-org/octo-repo:environment:prod:job_workflow_ref:octo-org/octo-automation/.github/workflows/oidc.yml@refs/heads/main',
    ],
    [
      'a template with a colon in a value',
      customTemplate(['environment', 'repository_owner'], inEnvironment('production:eastus', pushToMain(octo))),
      'environment:production%3Aeastus:repository_owner:octo-org',
    ],
    [
      'a template in the immutable form keeps the IDs in the repo segment',
      customTemplate(['repo', 'context'], immutableSubject(pullRequest(3, 'fix', octo))),
      'repo:octo-org@123456/octo-repo@456789:pull_request',
    ],
  ])('%s', (_name, run, sub) => {
    const claims = githubClaims(run, { issuer: ISSUER, now: 1_700_000_000 });
    expect(claims.sub).toBe(sub);
    expect(githubSubject(run, claims)).toBe(sub);
  });
});

describe('the claim set', () => {
  const NOW = 1_700_000_000;

  it('has every claim of a real token, as strings, with GitHub’s default audience', () => {
    const claims = githubClaims(pushToMain(), { issuer: ISSUER, now: NOW });
    expect(Object.keys(claims).sort()).toEqual(
      [
        'jti',
        'sub',
        'aud',
        'ref',
        'sha',
        'repository',
        'repository_owner',
        'repository_owner_id',
        'repository_visibility',
        'repository_id',
        'actor_id',
        'actor',
        'run_id',
        'run_number',
        'run_attempt',
        'check_run_id',
        'runner_environment',
        'workflow',
        'head_ref',
        'base_ref',
        'event_name',
        'ref_protected',
        'ref_type',
        'workflow_ref',
        'workflow_sha',
        'job_workflow_ref',
        'job_workflow_sha',
        'iss',
        'nbf',
        'exp',
        'iat',
      ].sort(),
    );
    expect(claims).toMatchObject({
      aud: 'https://github.com/acme',
      iss: ISSUER,
      ref_protected: 'true',
      repository_owner_id: '1234567',
      workflow_ref: 'acme/api/.github/workflows/deploy.yml@refs/heads/main',
      head_ref: '',
      base_ref: '',
      iat: NOW,
      nbf: NOW - 300,
      exp: NOW + 300,
    });
    expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('adds environment and environment_node_id only for an environment job', () => {
    expect(githubClaims(pushToMain(), { issuer: ISSUER, now: NOW })).not.toHaveProperty('environment');
    expect(githubClaims(inEnvironment('production'), { issuer: ISSUER, now: NOW })).toMatchObject({
      environment: 'production',
      environment_node_id: expect.stringMatching(/^EN_/),
    });
  });

  it('describes a pull request by its merge ref and branches', () => {
    expect(githubClaims(pullRequest(27, 'release-setup'), { issuer: ISSUER, now: NOW })).toMatchObject({
      event_name: 'pull_request',
      ref: 'refs/pull/27/merge',
      ref_type: 'branch',
      head_ref: 'release-setup',
      base_ref: 'main',
      ref_protected: 'false',
    });
  });

  it('describes a tag push', () => {
    expect(githubClaims(tagPush('v1.2.3'), { issuer: ISSUER, now: NOW })).toMatchObject({
      ref: 'refs/tags/v1.2.3',
      ref_type: 'tag',
    });
  });

  it('takes the audience, lifetime and nbf back-dating it is given (no lifetime is assumed)', () => {
    const claims = githubClaims(pushToMain(), {
      issuer: ISSUER,
      now: NOW,
      audience: 'sts.amazonaws.com',
      lifetimeSeconds: 6 * 3600,
      nbfBackdateSeconds: 600,
    });
    expect(claims).toMatchObject({ aud: 'sts.amazonaws.com', exp: NOW + 6 * 3600, nbf: NOW - 600 });
  });

  it('adds the enterprise claims for an enterprise repository', () => {
    const run = pushToMain({ enterprise: 'octocat-inc', enterpriseId: '123' });
    expect(githubClaims(run, { issuer: `${ISSUER}/octocat-inc`, now: NOW })).toMatchObject({
      enterprise: 'octocat-inc',
      enterprise_id: '123',
      iss: `${ISSUER}/octocat-inc`,
    });
  });
});
