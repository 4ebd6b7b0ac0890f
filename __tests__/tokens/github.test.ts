import { describe, expect, it } from 'vitest';
import {
  classifyIssuer,
  explainSubject,
  explainSubjectMismatch,
  GITHUB_ISSUER,
  isAcceptableIssuerUrl,
  isGitHubToken,
  parseSubject,
  suggestSubjectFix,
} from '../../src/tokens/github.js';
import { githubClaims } from './mint.js';

const DOCS = 'https://docs.github.com/en/actions/reference/security/oidc';

describe('issuers', () => {
  it.each([
    [GITHUB_ISSUER, { form: 'default' }],
    // ${DOCS} on GHEC: "Customizing the issuer value for an enterprise"
    [`${GITHUB_ISSUER}/octocat-inc`, { form: 'enterprise', slug: 'octocat-inc' }],
    // "Substituted values on GHE.com"
    ['https://token.actions.octocorp.ghe.com', { form: 'ghe-com', subdomain: 'octocorp' }],
    ['https://token.actions.octocorp.ghe.com/octocorp', { form: 'ghe-com', subdomain: 'octocorp', slug: 'octocorp' }],
    // GHES: "The issuer of the OIDC token: https://HOSTNAME/_services/token"
    ['https://ghe.example.com/_services/token', { form: 'server', host: 'ghe.example.com' }],
    ['https://accounts.google.com', { form: 'other' }],
    ['http://token.actions.githubusercontent.com', { form: 'other' }],
    [`${GITHUB_ISSUER}/`, { form: 'other' }],
  ])('%s is %j', (iss, form) => {
    expect(classifyIssuer(iss)).toEqual(form);
  });

  // OpenID Connect Discovery §3: https, no query or fragment; plain http only on loopback, for tests.
  it.each([
    [GITHUB_ISSUER, true],
    ['https://ghe.example.com/_services/token', true],
    ['http://127.0.0.1:8080', true],
    ['http://127.4.5.6/issuer', true],
    ['http://localhost:3000/issuer', true],
    ['http://[::1]:9000', true],
    ['http://issuer.example.com', false],
    ['http://10.0.0.1', false],
    ['https://issuer.test/?tenant=1', false],
    ['https://issuer.test/#x', false],
    ['https://user:pass@issuer.test', false],
    ['ftp://issuer.test', false],
    ['not a url', false],
  ])('isAcceptableIssuerUrl(%j) is %s', (url, ok) => {
    expect(isAcceptableIssuerUrl(url)).toBe(ok);
  });

  it('recognises GitHub tokens by issuer, or by claim set on a test issuer', () => {
    expect(isGitHubToken(githubClaims())).toBe(true);
    expect(isGitHubToken(githubClaims({ iss: 'http://127.0.0.1:9000' }))).toBe(true);
    expect(isGitHubToken({ iss: 'https://login.example.com', sub: 'user-1' })).toBe(false);
  });
});

// Every form documented at ${DOCS}#example-subject-claims, #immutable-subject-claims and
// #customizing-the-subject-claims-for-an-organization-or-repository.
describe('parseSubject', () => {
  it.each([
    ['repo:octo-org/octo-repo:environment:Production', 'environment', { environment: 'Production' }],
    ['repo:octo-org/octo-repo:pull_request', 'pull-request', {}],
    ['repo:octo-org/octo-repo:ref:refs/heads/demo-branch', 'branch', { ref: 'refs/heads/demo-branch' }],
    ['repo:octo-org/octo-repo:ref:refs/tags/demo-tag', 'tag', { ref: 'refs/tags/demo-tag' }],
    ['repo:octo-org/octo-repo:ref:refs/pull/7/merge', 'ref', { ref: 'refs/pull/7/merge' }],
    [
      'repo:octo-org/octo-repo:environment:Production%3AV1',
      'environment',
      { environment: 'Production:V1', escaped: true },
    ],
    ['repo:octo-org@123456/octo-repo@456789:ref:refs/heads/main', 'branch', { immutable: true }],
    ['job_workflow_ref:octo-org/octo-automation/.github/workflows/oidc.yml@refs/heads/main', 'custom', {}],
    ['repository_owner:monalisa:repository_visibility:private', 'custom', {}],
    ['repository_owner:monalisa', 'custom', {}],
    ['environment:production%3Aeastus:repository_owner:octo-org', 'custom', { environment: 'production:eastus' }],
    ['repo_property_workspace_id:ws-abc123', 'custom', {}],
    [
      'repo:octo-org/octo-repo:environment:prod:job_workflow_ref:octo-org/octo-automation/.github/workflows/oidc.yml@refs/heads/main',
      'custom',
      { environment: 'prod' },
    ],
    ['garbage', 'unrecognized', {}],
    ['repo:acme/api:ref', 'unrecognized', {}],
  ])('%s is the %s form', (sub, form, fields) => {
    expect(parseSubject(sub)).toMatchObject({ form, ...fields });
  });

  it('reads owner, repository and their immutable IDs', () => {
    expect(parseSubject('repo:octo-org@123456/octo-repo@456789:pull_request').repository).toEqual({
      owner: 'octo-org',
      ownerId: '123456',
      name: 'octo-repo',
      repoId: '456789',
    });
    expect(parseSubject('repo:octo-org/octo-repo:pull_request')).toMatchObject({
      immutable: false,
      repository: { owner: 'octo-org', name: 'octo-repo' },
    });
  });

  it('keeps the custom template keys in order', () => {
    expect(parseSubject('repo:o/r:pull_request:job_workflow_ref:w@main').parts).toEqual([
      { key: 'repo', value: 'o/r' },
      { key: 'pull_request' },
      { key: 'job_workflow_ref', value: 'w@main' },
    ]);
  });
});

describe('explainSubject: which form this run produced, and why', () => {
  it.each([
    [
      'a pull_request event',
      { sub: 'repo:acme/api:pull_request', event_name: 'pull_request' },
      'this run is a pull_request event in a job without an environment',
    ],
    [
      'a tag push',
      { sub: 'repo:acme/api:ref:refs/tags/v1.2.0', event_name: 'push', ref: 'refs/tags/v1.2.0' },
      'this run is for tag `v1.2.0` (a push event) in a job without an environment',
    ],
    ['a branch push', {}, 'this run is for branch `main` (a push event) in a job without an environment'],
    [
      'an environment, even on a pull request',
      { sub: 'repo:acme/api:environment:production', environment: 'production', event_name: 'pull_request' },
      'the job references the environment `production`, and an environment takes the place of the pull_request and ref forms (this run is a pull_request event)',
    ],
    [
      'the immutable form',
      { sub: 'repo:acme@123/api@456:ref:refs/heads/main' },
      'immutable subject claims, so owner and repository carry their IDs (`acme@123/api@456`)',
    ],
    [
      'a custom template',
      { sub: 'repo:acme/api:environment:prod:job_workflow_ref:acme/deploy/.github/workflows/d.yml@refs/heads/main' },
      'customized subject template (claims repo, environment, job_workflow_ref), which replaces the whole default format',
    ],
    ['an escaped colon', { sub: 'repo:acme/api:environment:prod%3Aeast' }, 'a colon inside a value is written as %3A'],
  ])('explains %s', (_, overrides, because) => {
    expect(explainSubject(githubClaims(overrides))?.because).toContain(because);
  });

  it('has nothing to explain without a sub', () => {
    expect(explainSubject({ iss: GITHUB_ISSUER })).toBeUndefined();
  });
});

describe('explainSubjectMismatch and suggestSubjectFix', () => {
  const pr = githubClaims({ sub: 'repo:acme/api:pull_request', event_name: 'pull_request', ref: 'refs/pull/9/merge' });

  it(`explains a pull request against a pattern for main (${DOCS}#filtering-for-pull_request-events)`, () => {
    expect(explainSubjectMismatch(pr, 'repo:acme/api:ref:refs/heads/main')).toBe(
      'sub is `repo:acme/api:pull_request` because this run is a pull_request event in a job without an environment; ' +
        'the expected pattern `repo:acme/api:ref:refs/heads/main` only matches runs for branch `main` (such as pushes to main) in jobs without an environment.',
    );
    expect(suggestSubjectFix(pr, 'repo:acme/api:ref:refs/heads/main')).toContain(
      'Run the deploy on a push to `main` rather than on pull_request',
    );
  });

  it(`explains a tag against a pattern for main (${DOCS}#filtering-for-a-specific-tag)`, () => {
    const tag = githubClaims({ sub: 'repo:acme/api:ref:refs/tags/v2', ref: 'refs/tags/v2' });
    expect(explainSubjectMismatch(tag, 'repo:acme/api:ref:refs/heads/main')).toContain(
      'because this run is for tag `v2`',
    );
    expect(explainSubjectMismatch(githubClaims(), 'repo:acme/api:ref:refs/tags/v*')).toContain(
      'only matches runs for any tag whose name matches `v*` in jobs without an environment',
    );
    expect(suggestSubjectFix(githubClaims(), 'repo:acme/api:ref:refs/tags/v*')).toContain("on: push: tags: ['v*']");
  });

  // smithy-lang/smithy-rs's canary trust is written for the template `repo,context,job_workflow_ref`
  // (oidc#customizing-the-subject-claims): the ref sits inside the sub, and a picked ref is still never trusted.
  it('a workflow_dispatch run under a customized template: keep the job to the trusted ref, never widen the trust to the sample', () => {
    const jwr = (ref: string) => `repo:acme/api:ref:${ref}:job_workflow_ref:acme/api/.github/workflows/ci.yml@${ref}`;
    const dispatch = githubClaims({
      sub: jwr('refs/heads/x/y'),
      ref: 'refs/heads/x/y',
      event_name: 'workflow_dispatch',
    });
    const fix = suggestSubjectFix(dispatch, jwr('refs/heads/main'), { sampleFrom: 'any branch or tag' });
    expect(fix).toMatch(/^Add `if: github\.ref == 'refs\/heads\/main'` to the job/);
    expect(fix).not.toContain('Change the expected pattern');
    const none = suggestSubjectFix(dispatch, 'repo:acme/api:pull_request');
    expect(none).toContain(`such as \`${jwr('refs/heads/main')}\``);
    // A sampled ref of another event is never offered as the pattern either.
    const push = githubClaims({ sub: jwr('refs/heads/release/a'), ref: 'refs/heads/release/a', event_name: 'push' });
    const widened = suggestSubjectFix(push, jwr('refs/heads/main'), { sampleFrom: 'any ref of refs/heads/release/*' });
    expect(widened).not.toContain(`matches \`${jwr('refs/heads/release/a')}\``);
  });

  it('a workflow_dispatch run on a branch the trust does not name: keep the job to the trusted ref, never widen the trust', () => {
    // events-that-trigger-workflows#workflow_dispatch: the run is for the branch or tag it is started on.
    const dispatch = githubClaims({
      sub: 'repo:acme/api:ref:refs/heads/feature',
      ref: 'refs/heads/feature',
      event_name: 'workflow_dispatch',
    });
    const fix = suggestSubjectFix(dispatch, 'repo:acme/api:ref:refs/heads/main');
    expect(fix).toMatch(/^Add `if: github\.ref == 'refs\/heads\/main'` to the job/);
    expect(fix).toContain("`if: github.event_name != 'workflow_dispatch' || github.ref == 'refs/heads/main'`");
    expect(fix).not.toContain('Change the expected pattern');
    expect(suggestSubjectFix(dispatch, 'repo:acme/api:ref:refs/heads/release/*')).toMatch(
      /^Add `if: startsWith\(github\.ref, 'refs\/heads\/release\/'\)`/,
    );
    // No ref in the trust: one branch to allow with the condition, or an environment; still no widening.
    const none = suggestSubjectFix(dispatch, 'repo:acme/api:pull_request');
    expect(none).toMatch(/^Allow one branch in the trust/);
    expect(none).not.toContain('Change the expected pattern');
    // A real run's ref is told as the run's; a predicted one's as one sample of what the person may pick.
    expect(explainSubjectMismatch(dispatch, 'repo:acme/api:ref:refs/heads/main')).toContain(
      'because this run is for branch `feature` (a workflow_dispatch event)',
    );
    expect(
      explainSubjectMismatch(dispatch, 'repo:acme/api:ref:refs/heads/main', { sampleFrom: 'any branch or tag' }),
    ).toContain(
      'because a workflow_dispatch run is for any branch or tag the person starting it picks (branch `feature` is one sample)',
    );
  });

  it(`explains a branch run against an environment pattern (${DOCS}#filtering-for-a-specific-environment)`, () => {
    const text = explainSubjectMismatch(githubClaims(), 'repo:acme/api:environment:production');
    expect(text).toContain('only matches jobs that reference the environment `production`');
    expect(suggestSubjectFix(githubClaims(), 'repo:acme/api:environment:production')).toContain(
      'Add `environment: production` to the job',
    );
  });

  it('explains an environment run against a branch pattern: the environment hides the ref', () => {
    const env = githubClaims({ sub: 'repo:acme/api:environment:prod%3Aeast', environment: 'prod:east' });
    expect(suggestSubjectFix(env, 'repo:acme/api:ref:refs/heads/main')).toBe(
      'The job references the environment `prod:east`, so `sub` never carries the ref: expect `repo:acme/api:environment:prod%3Aeast`, or remove the environment from the job.',
    );
  });

  it(`explains an immutable sub against a name-only pattern (${DOCS}#immutable-subject-claims)`, () => {
    const immutable = githubClaims({ sub: 'repo:acme@123/api@456:ref:refs/heads/main' });
    expect(explainSubjectMismatch(immutable, 'repo:acme/api:ref:refs/heads/main')).toContain(
      'so its `sub` names `acme@123/api@456`, never `acme/api`',
    );
    expect(suggestSubjectFix(immutable, 'repo:acme/api:ref:refs/heads/*')).toBe(
      'Use the immutable form in the pattern: `repo:acme@123/api@456:ref:refs/heads/*`.',
    );
  });

  it('says when the immutable form narrows a pattern for many repositories to one, and how to keep it wide', () => {
    const immutable = githubClaims({ sub: 'repo:acme@123/api@456:ref:refs/heads/main' });
    const fix = suggestSubjectFix(immutable, 'repo:acme/*:ref:refs/heads/main');
    expect(fix).toContain('`repo:acme@123/api@456:ref:refs/heads/main`, which narrows `acme/*` to this one repository');
    expect(fix).toContain('write `repo:acme@123/*:ref:refs/heads/main`');
  });

  it('describes a wildcard branch as any branch, not as a branch named `*`', () => {
    const pr = githubClaims({ sub: 'repo:acme/api:pull_request', event_name: 'pull_request' });
    const text = explainSubjectMismatch(pr, 'repo:acme/api:ref:refs/heads/*');
    expect(text).toContain('only matches runs for any branch in jobs without an environment');
    expect(text).not.toContain('pushes to *');
    expect(explainSubjectMismatch(pr, 'repo:acme/api:ref:refs/heads/release/*')).toContain(
      'runs for any branch whose name matches `release/*`',
    );
  });

  it('explains an immutable pattern against a repository that has not opted in', () => {
    expect(explainSubjectMismatch(githubClaims(), 'repo:acme@123/api@456:ref:refs/heads/main')).toContain(
      'has not opted in to immutable subject claims',
    );
  });

  it('explains immutable IDs that differ: the name was recycled', () => {
    const recycled = githubClaims({ sub: 'repo:acme@999/api@456:ref:refs/heads/main' });
    expect(explainSubjectMismatch(recycled, 'repo:acme@123/api@456:ref:refs/heads/main')).toContain('the IDs differ');
  });

  it(`explains a custom template against a default pattern (${DOCS}#customizing-the-subject-claims-for-an-organization-or-repository)`, () => {
    const custom = githubClaims({
      sub: 'repo:acme/api:ref:refs/heads/main:job_workflow_ref:acme/ops/.github/workflows/deploy.yml@refs/heads/main',
    });
    expect(explainSubjectMismatch(custom, 'repo:acme/api:ref:refs/heads/main')).toContain(
      'A customized subject template replaces the whole `sub`, so a pattern in the default format cannot match',
    );
    const owner = githubClaims({ sub: 'repository_owner:acme' });
    expect(explainSubjectMismatch(owner, 'repository_owner:acme-corp')).toContain(
      'is written for a customized subject template (claims `repository_owner`)',
    );
    expect(explainSubjectMismatch(githubClaims(), 'job_workflow_ref:acme/*')).toContain(
      'this repository uses the default format',
    );
  });

  // A trust written for include_claim_keys [repo, context, job_workflow_ref] (the pattern of the OIDC reference's
  // example, #customizing-the-subject-claims-for-an-organization-or-repository) against a default-format sub: the
  // environment is `staging`, not `*:job_workflow_ref:…`.
  it(`explains a pattern that starts like the default format but reads more claims (${DOCS}#customizing-the-subject-claims-for-an-organization-or-repository)`, () => {
    const pattern =
      'repo:acme/app:environment:*:job_workflow_ref:acme/app/.github/workflows/deploy-base.yml@refs/heads/main';
    const env = githubClaims({ sub: 'repo:acme/app:environment:staging', repository: 'acme/app' });
    const told = explainSubjectMismatch(env, pattern);
    expect(told).toContain(
      'is written for a customized subject template (claims `repo`, `environment`, `job_workflow_ref`)',
    );
    expect(told).not.toContain('only matches jobs that reference the environment');
    expect(told).toContain('this repository uses the default format');
    expect(suggestSubjectFix(env, pattern)).toContain(
      "set the repository's template to `repo,context,job_workflow_ref`",
    );
    // A template naming ref_type writes its value, never the ref (#oidc-token-claims): the pattern is custom too.
    expect(explainSubjectMismatch(githubClaims(), 'repo:acme/api:ref_type:refs/tags/*')).toContain(
      'customized subject template (claims `repo`, `ref_type`)',
    );
  });

  it(`explains a colon that GitHub escaped as %3A (${DOCS}#filtering-for-metadata-containing-)`, () => {
    const env = githubClaims({
      sub: 'repo:octo-org/octo-repo:environment:Production%3AV1',
      repository: 'octo-org/octo-repo',
    });
    expect(explainSubjectMismatch(env, 'repo:octo-org/octo-repo:environment:Production:V1')).toContain(
      'GitHub writes a colon inside a value as `%3A`; the pattern must too.',
    );
  });

  it('explains a case-only difference and a different repository', () => {
    expect(explainSubjectMismatch(githubClaims(), 'repo:Acme/API:ref:refs/heads/main')).toContain(
      'differ only in case',
    );
    expect(explainSubjectMismatch(githubClaims(), 'repo:acme/web:ref:refs/heads/main')).toContain(
      'The pattern names the repository `acme/web`, but this run is in `acme/api`.',
    );
  });

  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String:
  // StringEquals compares the whole value and expands no wildcard.
  it('explains a wildcard under StringEquals as literal text, never as a case difference', () => {
    const telling = { operator: 'StringEquals' };
    const told = explainSubjectMismatch(githubClaims(), 'repo:acme/api:*', telling);
    expect(told).toContain('is a value of `StringEquals`, which does not expand `*` or `?`');
    expect(told).not.toContain('matches any run');
    expect(told).not.toContain('differ only in case');
    const fix = suggestSubjectFix(githubClaims(), 'repo:acme/api:*', telling);
    expect(fix).toContain('Compare with `StringLike` instead of `StringEquals`');
    expect(fix).not.toContain('Change the expected pattern');
    // Under StringEquals a case-only difference is still one; an identical string never is.
    const caseOnly = 'repo:Acme/API:ref:refs/heads/main';
    expect(explainSubjectMismatch(githubClaims(), caseOnly, telling)).toContain('differ only in case');
  });

  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html:
  // the conditions of one statement are ANDed, the values of one condition ORed.
  it('explains two conditions on sub of one statement as ANDed, never as alternatives', () => {
    const sub = 'repo:acme/api:ref:refs/heads/main';
    const telling = {
      operator: 'StringEquals',
      alsoRequired: [{ operator: 'StringLike', values: ['repo:acme/api:ref:refs/tags/v*'] }],
    };
    const told = explainSubjectMismatch(githubClaims(), sub, telling);
    expect(told).toContain('AWS ANDs the conditions of a statement');
    expect(told).toContain('no sub can meet them all');
    expect(told).not.toContain('differ only in case');
    const fix = suggestSubjectFix(githubClaims(), sub, telling);
    expect(fix).toContain('are ANDed');
    expect(fix).toContain(`["${sub}", "repo:acme/api:ref:refs/tags/v*"]`);
    // Two conditions that can both hold: the sub fails the one it does not meet, and nothing is called impossible.
    const narrowing = { operator: 'StringLike', alsoRequired: [{ operator: 'StringLike', values: ['repo:acme/*'] }] };
    const tag = explainSubjectMismatch(githubClaims(), 'repo:acme/api:ref:refs/tags/v*', narrowing);
    expect(tag).toContain('this sub fails `StringLike` `repo:acme/api:ref:refs/tags/v*`');
    expect(tag).not.toContain('no sub can meet');
  });

  // An environment's sub names no ref (https://docs.github.com/en/actions/reference/security/oidc#example-subject-claims).
  it('fixes another environment than the one trusted: trust its sub, or rename, never "one sample ref"', () => {
    const claims = githubClaims({ sub: 'repo:acme/cdk-app:environment:production', environment: 'production' });
    const fix = suggestSubjectFix(claims, 'repo:acme/cdk-app:environment:prod', { sampleFrom: 'any branch or tag' });
    expect(fix).toContain('allow `repo:acme/cdk-app:environment:production` in the trust');
    expect(fix).toContain("rename the job's environment to `prod`");
    expect(fix).not.toContain('sample ref');
  });

  it('explains a token without a sub', () => {
    expect(explainSubjectMismatch({}, 'repo:acme/api:*')).toContain('no `sub` claim');
  });
});
