/**
 * Each predicted token against each role's trust (src/checks/predicted-trust/), with the real engine and catalog, over
 * trust policies from public repositories (__tests__/fixtures/public-trust-policies.ts) and this repository's
 * end-to-end role (__tests__/fixtures/aws-e2e/iam/get-role-github-deploy.json). Subjects as the OIDC reference gives
 * them: https://docs.github.com/en/actions/reference/security/oidc#example-subject-claims
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/catalog/index.js';
import { predictionFindings } from '../../src/checks/predicted-trust/findings.js';
import type { RoleModel } from '../../src/model/aws.js';
import type { Finding } from '../../src/model/finding.js';
import { loadCatalog } from '../../src/sources/catalog.js';
import { filterList } from '../../src/workflows/predict/filter.js';
import { describeSpace, predictTokens, type TokenPrediction } from '../../src/workflows/predict/index.js';
import { roleModel } from '../fixtures/aws-settings.js';
import {
  ANY_REPOSITORY,
  ENVIRONMENT_AND_PULL_REQUEST,
  type PublicTrustPolicy,
  REPO_WILDCARD,
} from '../fixtures/public-trust-policies.js';
import {
  checkTrustOf,
  context,
  deployJob,
  githubProvider,
  type JobSpec,
  known,
  type RepoOver,
  trigger,
  unknownValue,
} from './predict-model.js';

const ROLE = 'arn:aws:iam::111122223333:role/github-deploy';
let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog();
});

/** The e2e role: main only, its `{{ISSUER_HOST}}` filled with GitHub's issuer host. */
function mainOnlyRole(): RoleModel {
  const file = new URL('../fixtures/aws-e2e/iam/get-role-github-deploy.json', import.meta.url);
  const text = readFileSync(file, 'utf8').replaceAll('{{ISSUER_HOST}}', 'token.actions.githubusercontent.com');
  const role = JSON.parse(text).Role;
  return roleModel(ROLE, { trustPolicy: { name: 'github-deploy/trust', document: role.AssumeRolePolicyDocument } });
}

const roleOf = (p: PublicTrustPolicy) => roleModel(ROLE, { trustPolicy: { name: p.source, document: p.document } });
const trustDoc = (statements: unknown[]) =>
  roleModel(ROLE, { trustPolicy: { name: 'test/trust', document: { Version: '2012-10-17', Statement: statements } } });

/** A trust of GitHub's issuer and the default audience that admits the subs `value` matches (StringLike). */
const releaseTrust = (value: string | readonly string[]) =>
  trustDoc([
    {
      Effect: 'Allow',
      Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
        StringLike: { 'token.actions.githubusercontent.com:sub': value },
      },
    },
  ]);

function predictAll(spec: JobSpec, over: RepoOver = {}): TokenPrediction[] {
  return predictTokens(context([deployJob(spec)], over));
}

const check = (p: TokenPrediction, role: RoleModel): Finding[] => checkTrustOf(p, role, catalog);

const verdict = (f: Finding[]) => f.map((x) => `${x.status} ${x.class}`);

describe('a key only STS knows when the job calls it (README.md, "Keys the preflight cannot know")', () => {
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-sourceip
  const sourceIp = (effect: 'Allow' | 'Deny', op: string) => ({
    Effect: effect,
    Principal: '*',
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: { [op]: { 'aws:SourceIp': '203.0.113.0/24' } },
  });
  const withStatement = (extra: unknown) => {
    const role = mainOnlyRole();
    const doc = role.trustPolicy.document as { Statement: unknown[] };
    return roleModel(ROLE, {
      trustPolicy: { name: 'github-deploy/trust', document: { ...doc, Statement: [...doc.Statement, extra] } },
    });
  };

  it.each([
    ['a Deny when the caller is in a range', 'IpAddress'],
    ['a Deny when the caller is outside a range', 'NotIpAddress'],
  ])('%s makes the push to main unverified, never a pass nor a certain denial', (_, op) => {
    const [p] = predictAll({ triggers: [trigger('push', { branches: ['main'] })] });
    if (!p) throw new Error('no prediction');
    const findings = check(p, withStatement(sourceIp('Deny', op)));
    expect(verdict(findings)).not.toContain('pass ok');
    expect(findings.map((f) => f.status)).toEqual(['unverified']);
    expect(JSON.stringify(findings)).toContain('aws:SourceIp');
  });
});

describe('a trigger against a trust that names one branch', () => {
  it('oidc#example-subject-claims: the release job on tags `v*` would be denied, naming its sub and what the trust allows', () => {
    const [p] = predictAll({ id: 'release', triggers: [trigger('push', { tags: ['v*'] })] });
    if (!p) throw new Error('no prediction');
    const [f] = check(p, mainOnlyRole());
    expect(f?.class).toBe('predicted-trust-denied');
    expect(f?.status).toBe('fail');
    expect(f?.message).toContain('job `release`');
    expect(f?.message).toContain('tags `v*`');
    expect(f?.message).toContain('its sub is `repo:acme/api:ref:refs/tags/vx`');
    expect(f?.message).toContain('the trust allows `repo:acme/api:ref:refs/heads/main`');
    expect(f?.evidence.sub).toBe('repo:acme/api:ref:refs/tags/vx');
    expect(f?.fix).toMatch(/tag|expect/);
  });

  it('oidc#example-subject-claims: a push to main is admitted for its one ref', () => {
    const [p] = predictAll({ triggers: [trigger('push', { branches: ['main'] })] });
    if (!p) throw new Error('no prediction');
    expect(verdict(check(p, mainOnlyRole()))).toEqual(['pass ok']);
  });

  it('filter-pattern-cheat-sheet: branches [main, release/*] finds the release branch the trust refuses', () => {
    const [p] = predictAll({ triggers: [trigger('push', { branches: ['main', 'release/*'] })] });
    if (!p) throw new Error('no prediction');
    const [f] = check(p, mainOnlyRole());
    expect(f?.class).toBe('predicted-trust-denied');
    expect(f?.evidence.ref).toBe('refs/heads/release/x');
  });

  it('oidc#example-subject-claims: a job with an environment gets the environment sub, which a branch pattern refuses', () => {
    const [p] = predictAll({ triggers: [trigger('push', { branches: ['main'] })], environment: known('production') });
    if (!p) throw new Error('no prediction');
    const [f] = check(p, mainOnlyRole());
    expect(f?.class).toBe('predicted-trust-denied');
    expect(f?.message).toContain('repo:acme/api:environment:production');
    expect(f?.fix).toMatch(/environment/);
  });
});

describe('the proof for every ref a filter admits', () => {
  it('release/* under a trust of refs/heads/release/* is proven for every branch', () => {
    const [p] = predictAll({ triggers: [trigger('push', { branches: ['release/*'] })] });
    if (!p) throw new Error('no prediction');
    const [ok] = check(p, releaseTrust('repo:acme/api:ref:refs/heads/release/*'));
    expect(verdict([ok as Finding])).toEqual(['pass ok']);
    expect(ok?.message).toContain('sub `repo:acme/api:ref:refs/heads/release/*`');
  });

  it('release/** under refs/heads/release/* is proven too: IAM `*` takes `/` (Conditions_String)', () => {
    const [p] = predictAll({ triggers: [trigger('push', { branches: ['release/**'] })] });
    if (!p) throw new Error('no prediction');
    const [ok] = check(p, releaseTrust('repo:acme/api:ref:refs/heads/release/*'));
    expect(verdict([ok as Finding])).toEqual(['pass ok']);
    expect(ok?.message).toContain('sub `repo:acme/api:ref:refs/heads/release/**`');
  });

  it('v[0-9]* under refs/tags/v1* is refused for a tag such as v0x, found among the samples', () => {
    const [p] = predictAll({ triggers: [trigger('push', { tags: ['v[0-9]*'] })] });
    if (!p) throw new Error('no prediction');
    const [f] = check(p, releaseTrust('repo:acme/api:ref:refs/tags/v1*'));
    expect(f?.class).toBe('predicted-trust-denied');
    expect(String(f?.evidence.ref)).toMatch(/^refs\/tags\/v[02-9]/);
  });

  // oidc#customizing-the-subject-claims-for-an-organization-or-repository: each key of the template is written
  // `key:value` with the token's claim, and oidc#oidc-token-claims gives `ref_type` as `branch` or `tag`
  // (https://docs.github.com/en/actions/reference/security/oidc).
  it('oidc#oidc-token-claims: a template naming ref_type writes `ref_type:tag`, which a trust on it admits', () => {
    const template = { subjectTemplate: { keys: ['repo', 'ref_type'], source: 'config' } };
    for (const t of [trigger('release'), trigger('push', { tags: ['v*'] })]) {
      const [p] = predictAll({ triggers: [t] }, template);
      if (!p) throw new Error('no prediction');
      const [ok] = check(p, releaseTrust('repo:acme/api:ref_type:tag'));
      expect(verdict([ok as Finding]), t.eventName).toEqual(['pass ok']);
      expect(ok?.message).toContain('sub `repo:acme/api:ref_type:tag`');
      // The ref never stands for its type: a trust on `ref_type:refs/tags/*` matches no token GitHub issues.
      const [f] = check(p, releaseTrust('repo:acme/api:ref_type:refs/tags/*'));
      expect(f?.class, t.eventName).toBe('predicted-trust-denied');
      expect(f?.evidence.sub).toBe('repo:acme/api:ref_type:tag');
      expect(f?.message).toContain('The `ref_type` claim is `branch` or `tag`, never a ref');
    }
  });

  it('oidc#oidc-token-claims: repository_owner,workflow,ref_type gives `ref_type:branch` for a branch, `tag` for a tag', () => {
    const template = { subjectTemplate: { keys: ['repository_owner', 'workflow', 'ref_type'], source: 'config' } };
    const [p] = predictAll({ triggers: [trigger('workflow_dispatch')] }, template);
    if (!p) throw new Error('no prediction');
    const trust = releaseTrust('repository_owner:acme:workflow:.github/workflows/deploy.yml:ref_type:branch');
    const [f] = check(p, trust);
    expect(f?.class).toBe('predicted-trust-denied');
    expect(f?.evidence.sub).toBe('repository_owner:acme:workflow:.github/workflows/deploy.yml:ref_type:tag');
    const [branches] = predictAll({ triggers: [trigger('push', { branches: ['main', 'release/*'] })] }, template);
    if (!branches) throw new Error('no prediction');
    expect(verdict(check(branches, trust))).toEqual(['pass ok']);
  });

  // Tags `v[0-9]+.[0-9]+.[0-9]+*` (a public workflow's push filter, found by code search, its repository not named)
  // admit v10.0.0, whose major version has two digits where the trust's `?` takes one
  // (filter-pattern-cheat-sheet: `+` is one or more; IAM `?` one character, Conditions_String).
  it('filter-pattern-cheat-sheet: tags v[0-9]+.[0-9]+.[0-9]+* under refs/tags/v?.* is denied for a two-digit major version', () => {
    const [p] = predictAll({ triggers: [trigger('push', { tags: ['v[0-9]+.[0-9]+.[0-9]+*'] })] });
    if (!p) throw new Error('no prediction');
    const [f] = check(p, releaseTrust('repo:acme/api:ref:refs/tags/v?.*'));
    expect(verdict([f as Finding])).toEqual(['fail predicted-trust-denied']);
    expect(String(f?.evidence.ref)).toMatch(/^refs\/tags\/v[0-9][0-9]+\./);
  });

  it('a tag denied by a trust of a branch pattern and a tag pattern is explained against the tag pattern, the closer', () => {
    const [p] = predictAll({ triggers: [trigger('push', { tags: ['v[0-9]+.[0-9]+.[0-9]+'] })] });
    if (!p) throw new Error('no prediction');
    const [f] = check(p, releaseTrust(['repo:acme/api:ref:refs/heads/release/*', 'repo:acme/api:ref:refs/tags/v?.*']));
    expect(verdict([f as Finding])).toEqual(['fail predicted-trust-denied']);
    expect(f?.message).toContain('the expected pattern `repo:acme/api:ref:refs/tags/v?.*`');
    expect(f?.message).not.toContain('the expected pattern `repo:acme/api:ref:refs/heads/release/*`');
  });

  it('a Deny on a pattern the filter may meet leaves the allow unproven: unverified, never pass', () => {
    const role = trustDoc([
      ...(releaseTrust('repo:acme/api:*').trustPolicy.document as { Statement: unknown[] }).Statement,
      {
        Effect: 'Deny',
        Principal: '*',
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:acme/api:ref:refs/heads/release/old-*' },
        },
      },
    ]);
    const [p] = predictAll({ triggers: [trigger('push', { branches: ['release/*'] })] });
    if (!p) throw new Error('no prediction');
    expect(verdict(check(p, role))).toEqual(['unverified prediction-unknown']);
    // A Deny the filter never meets does not stand in the way.
    const [main] = predictAll({ triggers: [trigger('push', { branches: ['main'] })] });
    if (!main) throw new Error('no prediction');
    expect(verdict(check(main, role))).toEqual(['pass ok']);
  });
});

describe('trust policies of public repositories', () => {
  it(`${REPO_WILDCARD.source}: every trigger of the repository is admitted`, () => {
    for (const t of [
      trigger('push', { tags: ['v*'] }),
      trigger('workflow_dispatch'),
      trigger('pull_request', { fork: false }),
    ]) {
      const [p] = predictAll({ triggers: [t] });
      if (!p) throw new Error('no prediction');
      expect(verdict(check(p, roleOf(REPO_WILDCARD))), t.eventName).toEqual(['pass ok']);
    }
  });

  // The context part of these subs is not known before the run (the docs give no subject for pull_request_target; an
  // environment picked when dispatched), yet every sub of this repository begins `repo:acme/api:`, which
  // `repo:acme/api:*` admits whatever follows (oidc#example-subject-claims).
  it(`${REPO_WILDCARD.source}: a sub known only up to its context is admitted whatever the context is`, () => {
    for (const spec of [
      { triggers: [trigger('pull_request_target')] },
      {
        triggers: [trigger('workflow_dispatch')],
        environment: unknownValue('inputs.environment', 'inputs.environment (environment: picked when dispatched)'),
      },
    ]) {
      const [p] = predictAll(spec);
      if (!p) throw new Error('no prediction');
      const findings = check(p, roleOf(REPO_WILDCARD));
      expect(verdict(findings), p.trigger.eventName).toEqual(['pass ok']);
      expect(findings[0]?.message).toContain('sub `repo:acme/api:<unknown>`), whatever the part of its sub');
    }
  });

  it('a sub known only up to its context stays unverified where the trust names the context, or a Deny may meet it', () => {
    const [p] = predictAll({ triggers: [trigger('pull_request_target')] });
    if (!p) throw new Error('no prediction');
    expect(verdict(check(p, mainOnlyRole()))).toEqual(['unverified prediction-unknown']);
    const denyPullRequests = JSON.parse(JSON.stringify(REPO_WILDCARD.document));
    denyPullRequests.Statement.push({
      Effect: 'Deny',
      Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:acme/api:pull_request' } },
    });
    const role = roleModel(ROLE, { trustPolicy: { name: 'deny/trust', document: denyPullRequests } });
    expect(verdict(check(p, role))).toEqual(['unverified prediction-unknown']);
  });

  // The same trust refusing the token for a reason that does not read the `sub`: no value of the unknown context can
  // change the outcome, so the denial is certain and explained as on push (its aud, its ref against what the trust allows).
  it(`${REPO_WILDCARD.source}, its aud or ref refused: a sub known only up to its context is denied whatever the context is`, () => {
    const audSigstore = roleModel(ROLE, {
      trustPolicy: {
        name: 'sigstore/trust',
        document: JSON.parse(JSON.stringify(REPO_WILDCARD.document).replace('"sts.amazonaws.com"', '"sigstore"')),
      },
    });
    const mainRef = JSON.parse(JSON.stringify(REPO_WILDCARD.document));
    mainRef.Statement[0].Condition.StringEquals['token.actions.githubusercontent.com:ref'] = 'refs/heads/main';
    const refMain = roleModel(ROLE, { trustPolicy: { name: 'ref/trust', document: mainRef } });
    const dispatched = {
      triggers: [trigger('workflow_dispatch')],
      environment: unknownValue('inputs.environment', 'inputs.environment (environment: picked when dispatched)'),
    };
    for (const spec of [{ triggers: [trigger('pull_request_target')] }, dispatched]) {
      const [p] = predictAll(spec);
      if (!p) throw new Error('no prediction');
      const [f, ...rest] = check(p, audSigstore);
      expect([f?.status, f?.class, rest.length], p.trigger.eventName).toEqual(['fail', 'predicted-trust-denied', 0]);
      expect(f?.message).toContain('its sub is `repo:acme/api:<unknown>`');
      expect(f?.message).toContain('its aud is `sts.amazonaws.com`, and the trust allows `sigstore`');
      expect(f?.evidence.sub).toBe('repo:acme/api:<unknown>');
    }
    const [p] = predictAll(dispatched);
    if (!p) throw new Error('no prediction');
    const [f] = check(p, refMain);
    expect(f?.class).toBe('predicted-trust-denied');
    expect(f?.message).toMatch(/its ref is `refs\/heads\/(?!main`)[^`]+`, and the trust allows `refs\/heads\/main`/);
  });

  it('a sub known only up to its context stays unverified when another Allow statement reads the sub', () => {
    const [p] = predictAll({ triggers: [trigger('pull_request_target')] });
    if (!p) throw new Error('no prediction');
    const doc = JSON.parse(JSON.stringify(REPO_WILDCARD.document).replace('"sts.amazonaws.com"', '"sigstore"'));
    const production = releaseTrust('repo:acme/api:environment:production').trustPolicy.document as {
      Statement: unknown[];
    };
    doc.Statement.push(...production.Statement);
    const role = roleModel(ROLE, { trustPolicy: { name: 'two/trust', document: doc } });
    expect(verdict(check(p, role))).toEqual(['unverified prediction-unknown']);
  });

  it(`${ENVIRONMENT_AND_PULL_REQUEST.source}: no job matches a sub with both an environment and pull_request`, () => {
    for (const spec of [
      { triggers: [trigger('pull_request', { fork: false })], environment: known('dev') },
      { triggers: [trigger('pull_request', { fork: false })] },
    ]) {
      const [p] = predictAll(spec);
      if (!p) throw new Error('no prediction');
      const [f] = check(p, roleOf(ENVIRONMENT_AND_PULL_REQUEST));
      expect(f?.class).toBe('predicted-trust-denied');
      expect(f?.message).toContain('repo:acme/api:environment:dev:pull_request');
    }
  });

  it(`${ANY_REPOSITORY.source}: admitted, whatever the audience`, () => {
    const [p] = predictAll({ triggers: [trigger('push')], audience: known('https://github.com/acme') });
    if (!p) throw new Error('no prediction');
    const role = roleOf(ANY_REPOSITORY);
    const provider = githubProvider(role, ['https://github.com/acme']);
    expect(verdict(checkTrustOf(p, role, catalog, p.exchanges[0], provider))).toEqual(['pass ok']);
  });
});

describe('what the prediction does not know is never a pass', () => {
  it('a trust on `actor` (who starts the run) is unverified', () => {
    const role = trustDoc([
      {
        Effect: 'Allow',
        Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { 'token.actions.githubusercontent.com:actor': 'octocat' } },
      },
    ]);
    const [p] = predictAll({ triggers: [trigger('push', { branches: ['main'] })] });
    if (!p) throw new Error('no prediction');
    const [f] = check(p, role);
    expect(verdict([f as Finding])).toEqual(['unverified prediction-unknown']);
    expect(f?.message).toContain('actor');
  });

  it('oidc#immutable-subject-claims: when the subject form is not known and the two forms disagree, unverified', () => {
    const [p] = predictAll(
      { triggers: [trigger('push', { branches: ['main'] })] },
      { immutableSubject: undefined, ownerId: '65', repoId: '74' },
    );
    if (!p) throw new Error('no prediction');
    const [f] = check(p, mainOnlyRole());
    expect(verdict([f as Finding])).toEqual(['unverified prediction-unknown']);
    expect(f?.message).toMatch(/names form .* allowed; .*immutable form .* denied/);
    // The fix names what exists: the action's input and the CLI's flag, no setting of the configuration file.
    expect(f?.fix).toContain("the action's `oidc-subject-form` input, or the CLI's `--subject-form`");
    expect(f?.fix).not.toContain('configuration');
  });

  it('events-that-trigger-workflows#schedule: the job whose ref is unknown for want of the default branch is told how to give it', () => {
    const [p] = predictAll({ triggers: [trigger('schedule')] }, { defaultBranch: undefined });
    if (!p) throw new Error('no prediction');
    // The job's own finding (whatever role it assumes), beside each role's (the test above).
    const unknown = predictionFindings(p).find((f) => f.class === 'prediction-unknown');
    expect(unknown?.message).toContain('default branch is not known');
    expect(unknown?.status).toBe('unverified');
    expect(unknown?.fix).toContain('`--default-branch BRANCH`');
  });

  it("a pass that assumes GitHub's default template (its customization not read) is unverified", () => {
    const [p] = predictAll({ triggers: [trigger('push', { branches: ['main'] })] }, { subjectTemplate: undefined });
    if (!p) throw new Error('no prediction');
    const [f] = check(p, mainOnlyRole());
    expect(verdict([f as Finding])).toEqual(['unverified prediction-unknown']);
    expect(f?.message).toContain('default subject template');
    // rest/actions/oidc#get-the-customization-template-for-an-oidc-subject-claim-for-a-repository: read with the
    // `github-token` input in the action (actions: read), --subject-template or --read-template in the CLI.
    expect(f?.fix).toContain('`github-token` input, which needs `actions: read`');
    expect(f?.fix).toContain('`--subject-template`');
    expect(f?.fix).toContain('`--read-template`');
    expect(f?.fix).not.toContain('configuration');
  });

  // A trust written for include_claim_keys [repo, context, job_workflow_ref]
  // (https://docs.github.com/en/actions/reference/security/oidc#customizing-the-subject-claims-for-an-organization-or-repository;
  // the pattern of a public reusable deploy workflow found by code search, its repository not named).
  const customTrust = () =>
    releaseTrust('repo:acme/api:environment:*:job_workflow_ref:acme/api/.github/workflows/deploy.yml@refs/heads/main');

  it('oidc#customizing-the-subject-claims: a trust written for a customized template, the template assumed: unverified, naming the claims it reads and how to give the template', () => {
    const spec = { triggers: [trigger('push', { branches: ['main'] })], environment: known('staging') };
    const [p] = predictAll(spec, { subjectTemplate: undefined });
    if (!p) throw new Error('no prediction');
    const [f] = check(p, customTrust());
    expect(verdict([f as Finding])).toEqual(['unverified prediction-unknown']);
    expect(f?.message).toContain('customized subject template');
    expect(f?.message).toContain('`repo`, `environment`, `job_workflow_ref`');
    expect(f?.message).not.toContain('only matches jobs that reference the environment');
    expect(f?.fix).toContain('`--subject-template`');
    expect(f?.fix).toContain('`github-token` input');
  });

  it('oidc#customizing-the-subject-claims: the same trust with the default template given: denied, explained as a customized template, the fix says how to give it', () => {
    const spec = { triggers: [trigger('push', { branches: ['main'] })], environment: known('staging') };
    const [p] = predictAll(spec, { subjectTemplate: { keys: 'default', source: '--subject-template' } });
    if (!p) throw new Error('no prediction');
    const [f] = check(p, customTrust());
    expect(verdict([f as Finding])).toEqual(['fail predicted-trust-denied']);
    expect(f?.message).toContain(
      'is written for a customized subject template (claims `repo`, `environment`, `job_workflow_ref`)',
    );
    expect(f?.message).toContain(
      "the subject template given for this repository (--subject-template) is GitHub's default",
    );
    expect(f?.message).not.toContain('only matches jobs that reference the environment');
    expect(f?.fix).toContain('`--subject-template`');
    expect(f?.fix).toContain('`github-token` input');
  });

  it('an audience from a variable not given is unverified, and the fix names the inputs that give variables', () => {
    const [p] = predictAll({
      triggers: [trigger('push', { branches: ['main'] })],
      audience: unknownValue('vars.AUDIENCE', 'vars.AUDIENCE (not given)'),
    });
    if (!p) throw new Error('no prediction');
    const [f] = check(p, mainOnlyRole());
    expect(verdict([f as Finding])).toEqual(['unverified prediction-unknown']);
    expect(f?.fix).toContain("the action's `vars` input, the CLI's `--vars` or `--read-variables`");
  });

  it('events-that-trigger-workflows#schedule: with the default branch not known, the fix says where it is given', () => {
    const [p] = predictAll({ triggers: [trigger('schedule')] }, { defaultBranch: undefined });
    if (!p) throw new Error('no prediction');
    const [f] = check(p, mainOnlyRole());
    expect(verdict([f as Finding])).toEqual(['unverified prediction-unknown']);
    expect(f?.fix).toContain("the action reads it from the event's payload (`repository.default_branch`)");
    expect(f?.fix).toContain('the CLI takes `--default-branch`');
  });

  // managing-a-merge-queue: a merge queue's branches begin `gh-readonly-queue/{base_branch}`, its example trigger for
  // main is `gh-readonly-queue/main/**`; the rest of the name is not documented.
  it('managing-a-merge-queue: a merge group ref is known up to `refs/heads/gh-readonly-queue/<base>/`, and judged per role', () => {
    const [p] = predictAll({ triggers: [trigger('merge_group', { branches: ['main'] })] });
    if (!p) throw new Error('no prediction');
    expect(p.refs).toMatchObject({ kind: 'unknown', prefix: 'refs/heads/gh-readonly-queue/main/' });
    expect(predictionFindings(p)).toEqual([]);
    // A trust on main alone: no sub with this beginning matches it, so the token is denied whatever the rest is.
    const [main] = check(p, mainOnlyRole());
    expect(main).toMatchObject({ status: 'fail', class: 'predicted-trust-denied' });
    expect(main?.evidence.sub).toBe('repo:acme/api:ref:refs/heads/gh-readonly-queue/main/<unknown>');
    expect(main?.message).toContain('`refs/heads/gh-readonly-queue/main/` then a part GitHub does not document');
    expect(main?.message).toContain('the trust allows `repo:acme/api:ref:refs/heads/main`');
    expect(verdict(check(p, releaseTrust('repo:acme/api:ref:refs/heads/gh-readonly-queue/main/*')))).toEqual([
      'pass ok',
    ]);
    // A trust on a part of the name GitHub does not document is not decided.
    expect(verdict(check(p, releaseTrust('repo:acme/api:ref:refs/heads/gh-readonly-queue/main/pr-1-*')))).toEqual([
      'unverified prediction-unknown',
    ]);
    // Without one base branch, only `refs/heads/gh-readonly-queue/` is known.
    const [any] = predictAll({ triggers: [trigger('merge_group')] });
    expect(any?.refs).toMatchObject({ kind: 'unknown', prefix: 'refs/heads/gh-readonly-queue/' });
    expect(
      verdict(check(any as TokenPrediction, releaseTrust('repo:acme/api:ref:refs/heads/gh-readonly-queue/main/*'))),
    ).toEqual(['unverified prediction-unknown']);
  });

  // https://docs.github.com/en/actions/reference/workflows-and-actions/events-that-trigger-workflows#workflow_run:
  // GITHUB_SHA "Last commit on default branch", GITHUB_REF "Default branch", as for schedule.
  it('events-that-trigger-workflows#workflow_run: the default branch, admitted by a trust on main, refused by one on another branch', () => {
    const [p] = predictAll({ triggers: [trigger('workflow_run', { branches: ['release/*'] })] });
    if (!p) throw new Error('no prediction');
    expect(predictionFindings(p)).toEqual([]);
    expect(verdict(check(p, mainOnlyRole()))).toEqual(['pass ok']);
    const [f] = check(p, releaseTrust('repo:acme/api:ref:refs/heads/release/*'));
    expect(f?.class).toBe('predicted-trust-denied');
    expect(f?.evidence.sub).toBe('repo:acme/api:ref:refs/heads/main');
    // The environment stands over the ref, as for any event (oidc#example-subject-claims).
    const [env] = predictAll({ triggers: [trigger('workflow_run')], environment: known('production') });
    if (!env) throw new Error('no prediction');
    const [e] = check(env, mainOnlyRole());
    expect(e?.evidence.sub).toBe('repo:acme/api:environment:production');
  });

  it('oidc#example-subject-claims: a merge_group job with an environment has a known sub: the unknown ref is no finding of its own', () => {
    const [p] = predictAll({ triggers: [trigger('merge_group')], environment: known('production') });
    if (!p) throw new Error('no prediction');
    expect(predictionFindings(p)).toEqual([]);
    const envTrust = roleOf({
      ...REPO_WILDCARD,
      document: JSON.parse(
        JSON.stringify(REPO_WILDCARD.document).replace('repo:acme/api:*', 'repo:acme/api:environment:production'),
      ),
    });
    expect(verdict(check(p, envTrust))).toEqual(['pass ok']);
  });

  it('oidc#workflow-permissions-for-the-requesting-the-oidc-token: a deploy job fork pull requests reach is reported', () => {
    const [p] = predictAll({ triggers: [trigger('pull_request')] });
    if (!p) throw new Error('no prediction');
    const [f] = predictionFindings(p);
    expect(f?.class).toBe('fork-pull-request-deploy');
    expect(f?.status).toBe('fail');
    const [fork] = predictAll({ triggers: [trigger('pull_request', { fork: true })] });
    if (!fork) throw new Error('no prediction');
    expect(check(fork, mainOnlyRole())).toEqual([]);
  });
});

describe('a ref a person chooses', () => {
  it("events-that-trigger-workflows#workflow_dispatch: any branch or tag; the fix names the job's if: on the ref, which then passes", () => {
    const [p] = predictAll({ triggers: [trigger('workflow_dispatch')] });
    if (!p) throw new Error('no prediction');
    const [f] = check(p, mainOnlyRole());
    expect(f?.class).toBe('predicted-trust-denied');
    expect(f?.fix).toContain("if: github.ref == 'refs/heads/main'");
    const job = deployJob({ triggers: [trigger('workflow_dispatch')] });
    const instance = job.instances[0];
    if (!instance) throw new Error('no instance');
    const guarded = {
      ...job,
      instances: [
        {
          ...instance,
          runs: {
            kind: 'unknown' as const,
            condition: "github.ref == 'refs/heads/main'",
            position: job.position,
            reason: 'github.ref',
          },
        },
      ],
    };
    const [q] = predictTokens(context([guarded]));
    if (!q) throw new Error('no prediction');
    expect(verdict(check(q, mainOnlyRole()))).toEqual(['pass ok']);
  });

  it('events-that-trigger-workflows#workflow_dispatch: the ref shown is a sample of what the person picks; the fix keeps the job to the trusted ref', () => {
    // A trust for pull requests and one branch, in the forms of oidc#example-subject-claims.
    const role = trustDoc([
      {
        Effect: 'Allow',
        Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: {
            'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
            'token.actions.githubusercontent.com:sub': [
              'repo:acme/api:pull_request',
              'repo:acme/api:ref:refs/heads/master',
            ],
          },
        },
      },
    ]);
    const [p] = predictAll({ triggers: [trigger('workflow_dispatch')] });
    if (!p) throw new Error('no prediction');
    const [f] = check(p, role);
    expect(f?.class).toBe('predicted-trust-denied');
    expect(f?.message).toContain(
      'because a workflow_dispatch run is for any branch or tag the person starting it picks (branch `main` is one sample)',
    );
    expect(f?.message).toContain('the expected pattern `repo:acme/api:ref:refs/heads/master`');
    expect(f?.fix).toMatch(/^Add `if: github\.ref == 'refs\/heads\/master'` to the job/);
    expect(f?.fix).not.toContain('Change the expected pattern');
    // The guard the fix gives for a job other events run too admits the dispatch run and leaves the push alone.
    const guard = f?.fix && /`if: (github\.event_name != [^`]+)`/.exec(f.fix)?.[1];
    expect(guard).toBe("github.event_name != 'workflow_dispatch' || github.ref == 'refs/heads/master'");
    const job = deployJob({ triggers: [trigger('workflow_dispatch'), trigger('push', { branches: ['master'] })] });
    const guarded = {
      ...job,
      instances: job.instances.map((i) => ({
        ...i,
        runs: { kind: 'unknown' as const, condition: guard ?? '', position: job.position, reason: 'github.ref' },
      })),
    };
    const predictions = predictTokens(context([guarded]));
    expect(predictions.map((q) => verdict(check(q, role)))).toEqual([['pass ok'], ['pass ok']]);
  });
});

describe('claims every token carries', () => {
  it('oidc#oidc-token-claims: a trust on repository_id with the ID not given is undecided, not denied; given, it is decided', () => {
    const role = trustDoc([
      {
        Effect: 'Allow',
        Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { 'token.actions.githubusercontent.com:repository_id': '74' } },
      },
    ]);
    const [p] = predictAll({ triggers: [trigger('push', { branches: ['main'] })] });
    if (!p) throw new Error('no prediction');
    const [unknownIds] = check(p, role);
    expect(verdict([unknownIds as Finding])).toEqual(['unverified prediction-unknown']);
    expect(unknownIds?.fix).toContain('the CLI takes `--owner-id` and `--repo-id`');
    const [given] = predictAll(
      { triggers: [trigger('push', { branches: ['main'] })] },
      { repoId: '74', ownerId: '65' },
    );
    if (!given) throw new Error('no prediction');
    expect(verdict(check(given, role))).toEqual(['pass ok']);
    const [other] = predictAll(
      { triggers: [trigger('push', { branches: ['main'] })] },
      { repoId: '75', ownerId: '65' },
    );
    if (!other) throw new Error('no prediction');
    expect(verdict(check(other, role))).toEqual(['fail predicted-trust-denied']);
  });
});

// STS refuses a web identity token when the role's account has no IAM OIDC provider for its issuer, or the provider
// does not list its aud (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html): a trust
// that admits the token passes only with the provider given.
describe('the OIDC provider decides before the trust', () => {
  const PROVIDER = 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com';
  const mainPush = () => {
    const [p] = predictAll({ triggers: [trigger('push', { branches: ['main'] })] });
    if (!p) throw new Error('no prediction');
    return p;
  };

  it('not given in the policy files: a trust that admits the token is unverified, and the fix names the export', () => {
    const p = mainPush();
    const findings = checkTrustOf(p, mainOnlyRole(), catalog, p.exchanges[0], { kind: 'not-read', arn: PROVIDER });
    expect(verdict(findings)).toEqual(['unverified oidc-provider-unknown']);
    expect(findings[0]?.decisionPoint).toBe('sts-trust');
    expect(findings[0]?.message).toContain('No OpenIDConnect provider found in your account');
    expect(findings[0]?.message).toContain('a layer not read is unknown, not empty');
    expect(findings[0]?.fix).toContain(
      `aws iam get-open-id-connect-provider --open-id-connect-provider-arn ${PROVIDER}`,
    );
    expect(findings[0]?.fix).toContain('oidc-providers/');
  });

  it('listed by list-open-id-connect-providers without its client IDs: still unverified', () => {
    const p = mainPush();
    const listed = { kind: 'listed', arn: PROVIDER, listedIn: ['aws/providers.json'] } as const;
    const findings = checkTrustOf(p, mainOnlyRole(), catalog, p.exchanges[0], listed);
    expect(verdict(findings)).toEqual(['unverified oidc-provider-unknown']);
    expect(findings[0]?.message).toContain('client IDs');
  });

  it('proven missing by list-open-id-connect-providers: refused with 400 before the trust', () => {
    const p = mainPush();
    const missing = { kind: 'missing', arn: PROVIDER, listedIn: ['aws/providers.json'] } as const;
    const findings = checkTrustOf(p, mainOnlyRole(), catalog, p.exchanges[0], missing);
    expect(verdict(findings)).toEqual(['fail no-oidc-provider']);
    expect(findings[0]?.wouldReturn).toBe(400);
  });

  it('a denial stands whether or not the provider is given', () => {
    const [p] = predictAll({ triggers: [trigger('push', { branches: ['stable'] })] });
    if (!p) throw new Error('no prediction');
    const findings = checkTrustOf(p, mainOnlyRole(), catalog, p.exchanges[0], { kind: 'not-read', arn: PROVIDER });
    expect(verdict(findings)).toEqual(['fail predicted-trust-denied']);
  });
});

// StringEquals expands no wildcard, and a statement's conditions are ANDed
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String,
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html).
describe('a denial is explained with its operators and the AND between conditions', () => {
  const FEDERATED = 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com';
  const withConditions = (Condition: unknown) =>
    trustDoc([
      { Effect: 'Allow', Principal: { Federated: FEDERATED }, Action: 'sts:AssumeRoleWithWebIdentity', Condition },
    ]);
  const mainPush = () => {
    const [p] = predictAll({ triggers: [trigger('push', { branches: ['main'] })] });
    if (!p) throw new Error('no prediction');
    return p;
  };

  it('a wildcard under StringEquals: says StringLike, never a case difference', () => {
    const role = withConditions({
      StringEquals: {
        'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
        'token.actions.githubusercontent.com:sub': 'repo:acme/api:*',
      },
    });
    const [f] = check(mainPush(), role);
    expect(f?.class).toBe('predicted-trust-denied');
    expect(f?.message).toContain('the trust allows `repo:acme/api:*` (`StringEquals`)');
    expect(f?.message).toContain('does not expand `*`');
    expect(f?.message).not.toContain('differ only in case');
    expect(f?.fix).toContain('Compare with `StringLike` instead of `StringEquals`');
  });

  it('StringEquals on main AND StringLike on tags in one statement: ANDed, never alternatives', () => {
    const role = withConditions({
      StringEquals: {
        'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
        'token.actions.githubusercontent.com:sub': 'repo:acme/api:ref:refs/heads/main',
      },
      StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:acme/api:ref:refs/tags/v*' },
    });
    const [f] = check(mainPush(), role);
    expect(f?.class).toBe('predicted-trust-denied');
    expect(f?.message).not.toContain('differ only in case');
    expect(f?.message).not.toContain('`repo:acme/api:ref:refs/heads/main`, `repo:acme/api:ref:refs/tags/v*`');
    expect(f?.message).toContain('together, in one statement');
    expect(f?.message).toContain('no sub can meet them all');
    expect(f?.fix).toContain('are ANDed');
  });
});

// A release's ref is `refs/tags/<tag_name>`
// (https://docs.github.com/en/actions/reference/workflows-and-actions/events-that-trigger-workflows#release).
describe('a release is told by its tags', () => {
  it('a denial names a tag sample, never `main`, and the fix speaks of any tag, never any branch', () => {
    const [p] = predictAll({ triggers: [trigger('release')] });
    if (!p) throw new Error('no prediction');
    const [f] = check(p, mainOnlyRole());
    expect(f?.class).toBe('predicted-trust-denied');
    expect(f?.message).not.toContain('tag `main`');
    expect(f?.message).toMatch(/this run is for tag `[^`]+` \(a release event\)/);
    expect(f?.fix).toContain('any tag');
    expect(f?.fix).not.toContain('any branch or tag');
  });

  it('a release an `if:` keeps to tags beginning `v` reads as refs/tags/v**, never "refs/tags/** and v**"', () => {
    const narrowed = { kind: 'names' as const, prefix: 'refs/tags/' as const, also: [filterList(['v**'])] };
    expect(describeSpace(narrowed)).toBe('refs/tags/v**');
    const twice = { ...narrowed, list: filterList(['v*']) };
    expect(describeSpace(twice)).toBe('refs/tags/v*, that also match refs/tags/v**');
  });
});
