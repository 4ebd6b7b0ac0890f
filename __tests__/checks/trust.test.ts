/**
 * The trust check with the real engine and the real catalog: the trust policy evaluated as STS evaluates it for
 * AssumeRoleWithWebIdentity (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/catalog/index.js';
import {
  buildWebIdentityRequest,
  checkTrust,
  type TrustCheckInput,
  type TrustOrgInput,
} from '../../src/checks/trust.js';
import type { AssumeRoleSettings, RoleModel } from '../../src/model/aws.js';
import type { Finding } from '../../src/model/finding.js';
import { loadCatalog } from '../../src/sources/catalog.js';
import { GITHUB_ISSUER } from '../../src/tokens/github.js';
import { assumeRoleSettings, roleModel } from '../fixtures/aws-settings.js';
import { githubClaims, NOW } from '../tokens/mint.js';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog();
});

const ACCOUNT = '111122223333';
const GH = 'token.actions.githubusercontent.com';
const PROVIDER = `arn:aws:iam::${ACCOUNT}:oidc-provider/${GH}`;
const MAIN = 'repo:acme/api:ref:refs/heads/main';

const role = (document: unknown): RoleModel =>
  roleModel(`arn:aws:iam::${ACCOUNT}:role/deploy`, {
    trustPolicy: { name: 'deploy/trust', file: 'iam/deploy-trust.json', line: 1, document },
  });
const settings: AssumeRoleSettings = assumeRoleSettings(`arn:aws:iam::${ACCOUNT}:role/deploy`);

/** A trust policy of one GitHub statement with the given conditions (and optionally more statements). */
function trust(condition: unknown, more: unknown[] = [], action: string | string[] = 'sts:AssumeRoleWithWebIdentity') {
  return {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'GitHubMain', Effect: 'Allow', Principal: { Federated: PROVIDER }, Action: action, Condition: condition },
      ...more,
    ],
  };
}
const lockedToMain = trust({ StringEquals: { [`${GH}:aud`]: 'sts.amazonaws.com', [`${GH}:sub`]: MAIN } });

/** No organization unless the test gives one: RCPs apply to the trust (see the RCP tests below). */
const NO_ORG: TrustOrgInput = { declaredAbsent: { organizations: 'none' } };

function run(
  document: unknown,
  claims = githubClaims(),
  extra: Partial<TrustCheckInput & TrustOrgInput> = {},
): Finding[] {
  const issuer = typeof claims.iss === 'string' ? claims.iss : GITHUB_ISSUER;
  return checkTrust({ role: role(document), settings, claims, issuer, catalog, ...NO_ORG, ...extra });
}
const summary = (findings: Finding[]) => findings.map((f) => [f.class, f.status, f.decisionPoint, f.wouldReturn]);

describe('checkTrust: where a finding points', () => {
  it('points a refusal at the statement that refused, when the file gives its line', () => {
    const located = roleModel(`arn:aws:iam::${ACCOUNT}:role/deploy`, {
      trustPolicy: {
        name: 'deploy/trust',
        file: 'iam/deploy-trust.json',
        line: 1,
        statementLines: [4],
        document: lockedToMain,
      },
    });
    const claims = githubClaims({ sub: 'repo:acme/api:pull_request', event_name: 'pull_request' });
    const [f] = checkTrust({ role: located, settings, claims, issuer: GITHUB_ISSUER, catalog });
    expect(f?.class).toBe('trust-denied');
    expect(f?.location).toEqual({ file: 'iam/deploy-trust.json', line: 4 });
    // Without the statements' lines, the document's.
    expect(run(lockedToMain, claims)[0]?.location).toEqual({ file: 'iam/deploy-trust.json', line: 1 });
  });
});

describe('checkTrust: two files give the trust policy differently', () => {
  it('decides from neither: one unverified conflict naming both files, whichever would admit the token', () => {
    const open = trust({ StringEquals: { [`${GH}:aud`]: 'sts.amazonaws.com' } });
    const conflicted = {
      ...role(lockedToMain),
      conflictingTrust: { name: 'deploy/trust', file: 'iam/other-export.json', line: 8, document: open },
    };
    const findings = checkTrust({ role: conflicted, settings, claims: githubClaims(), issuer: GITHUB_ISSUER, catalog });
    expect(summary(findings)).toEqual([['conflicting-definitions', 'unverified', 'sts-trust', undefined]]);
    expect(findings[0]?.message).toContain('between iam/deploy-trust.json and iam/other-export.json');
  });
});

describe('checkTrust: a policy locked to main', () => {
  it('passes a push to main, naming the statement that granted', () => {
    const findings = run(lockedToMain);
    expect(summary(findings)).toEqual([['ok', 'pass', 'sts-trust', undefined]]);
    expect(findings[0]?.message).toContain('Statement[0] ("GitHubMain")');
    expect(findings[0]?.location).toEqual({ file: 'iam/deploy-trust.json', line: 1 });
  });

  it('refuses a pull request, showing sub beside the allowed pattern', () => {
    const [f] = run(lockedToMain, githubClaims({ sub: 'repo:acme/api:pull_request', event_name: 'pull_request' }));
    expect(summary([f as Finding])).toEqual([['trust-denied', 'fail', 'sts-trust', 403]]);
    expect(f?.cause).toBe('changed-trust-or-network-rule');
    expect(f?.message).toContain(
      'sub is `repo:acme/api:pull_request`, the trust policy allows `repo:acme/api:ref:refs/heads/main`',
    );
    expect(f?.message).toContain('because this run is a pull_request event in a job without an environment');
    expect(f?.fix).toContain('Run the deploy on a push to `main`');
    expect(f?.evidence.stsError).toBe('AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity');
  });

  // StringEquals expands no wildcard, and a statement's conditions are ANDed
  // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String).
  it('refuses a wildcard under StringEquals, saying StringLike, never a case difference', () => {
    const [f] = run(trust({ StringEquals: { [`${GH}:aud`]: 'sts.amazonaws.com', [`${GH}:sub`]: 'repo:acme/api:*' } }));
    expect(f?.class).toBe('trust-denied');
    expect(f?.message).toContain('which does not expand `*`');
    expect(f?.message).not.toContain('differ only in case');
    expect(f?.fix).toContain('Compare with `StringLike` instead of `StringEquals`');
  });

  it('refuses StringEquals main AND StringLike tags in one statement, as conditions that cannot both hold', () => {
    const policy = trust({
      StringEquals: { [`${GH}:aud`]: 'sts.amazonaws.com', [`${GH}:sub`]: MAIN },
      StringLike: { [`${GH}:sub`]: 'repo:acme/api:ref:refs/tags/v*' },
    });
    const [f] = run(policy);
    expect(f?.class).toBe('trust-denied');
    expect(f?.message).toContain('AWS ANDs the conditions of a statement');
    expect(f?.message).toContain('no sub can meet them all');
    expect(f?.message).not.toContain('differ only in case');
    expect(f?.fix).toContain('are ANDed');
  });

  it('refuses a tag', () => {
    const [f] = run(lockedToMain, githubClaims({ sub: 'repo:acme/api:ref:refs/tags/v1.2.0', ref: 'refs/tags/v1.2.0' }));
    expect(f?.class).toBe('trust-denied');
    expect(f?.message).toContain('this run is for tag `v1.2.0`');
    expect(f?.fix).toContain('so it matches `repo:acme/api:ref:refs/tags/v1.2.0`');
  });

  it('refuses another environment than the one allowed', () => {
    const policy = trust({ StringEquals: { [`${GH}:sub`]: 'repo:acme/api:environment:production' } });
    const claims = githubClaims({ sub: 'repo:acme/api:environment:staging', environment: 'staging' });
    const [f] = run(policy, claims);
    expect(f?.class).toBe('trust-denied');
    expect(f?.message).toContain(
      'sub is `repo:acme/api:environment:staging`, the trust policy allows `repo:acme/api:environment:production`',
    );
  });

  it('explains a condition on a claim the token lacks (a job without an environment)', () => {
    const [f] = run(trust({ StringEquals: { [`${GH}:environment`]: 'production' } }));
    expect(f?.class).toBe('trust-denied');
    expect(f?.message).toContain('the token has no `environment` claim (the job references no environment)');
  });

  it('refuses a token requested for another audience', () => {
    const [f] = run(lockedToMain, githubClaims({ aud: 'https://github.com/acme' }));
    expect(f?.class).toBe('trust-denied');
    expect(f?.message).toContain('aud is `https://github.com/acme`, the trust policy allows `sts.amazonaws.com`');
  });

  it('gives a difference in letter case only its own class (StringEquals is case-sensitive)', () => {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String
    const [f] = run(trust({ StringLike: { [`${GH}:sub`]: 'repo:Acme/API:*' } }));
    expect(summary([f as Finding])).toEqual([['trust-case-mismatch', 'fail', 'sts-trust', 403]]);
    expect(f?.message).toContain('only letter case differs');
  });

  it('fixes a case mismatch in a pattern by its spelling, never with StringEqualsIgnoreCase, which has no wildcards', () => {
    const [f] = run(trust({ StringLike: { [`${GH}:sub`]: 'repo:Acme/API:*' } }));
    expect(f?.fix).toContain(
      `the token's value is \`${MAIN}\`, so write \`repo:Acme/API:*\` with its letters in that case`,
    );
    expect(f?.fix).toContain('Keep StringLike: StringEqualsIgnoreCase has no wildcards');
    expect(f?.fix).not.toMatch(/or compare with StringEqualsIgnoreCase/);
  });

  it('offers StringEqualsIgnoreCase for a value without wildcards, and names the exact spelling', () => {
    const [f] = run(trust({ StringEquals: { [`${GH}:sub`]: 'repo:Acme/API:ref:refs/heads/main' } }));
    expect(f?.class).toBe('trust-case-mismatch');
    expect(f?.fix).toContain(`\`${GH}:sub\`: \`${MAIN}\``);
    expect(f?.fix).toContain('or compare with StringEqualsIgnoreCase');
  });

  it('names an explicit Deny as such, with the condition that made it apply', () => {
    const deny = {
      Sid: 'NoPullRequests',
      Effect: 'Deny',
      Principal: { Federated: PROVIDER },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringLike: { [`${GH}:sub`]: 'repo:acme/*:pull_request' } },
    };
    const policy = trust({ StringLike: { [`${GH}:sub`]: 'repo:acme/api:*' } }, [deny]);
    const [f] = run(policy, githubClaims({ sub: 'repo:acme/api:pull_request' }));
    expect(summary([f as Finding])).toEqual([['trust-denied', 'fail', 'sts-trust', 403]]);
    expect(f?.message).toContain('Statement[1] ("NoPullRequests") explicitly denies');
    expect(f?.message).toContain(
      'sub is `repo:acme/api:pull_request`, which meets `StringLike` `repo:acme/*:pull_request`',
    );
    expect(f?.evidence.decision).toBe('explicit-deny');
  });
});

describe('checkTrust: condition keys AWS does not populate', () => {
  // https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecuritytokenservice.html#awssecuritytokenservice-policy-keys
  it('with StringEquals, the condition silently denies', () => {
    const policy = trust({
      StringEquals: { [`${GH}:aud`]: 'sts.amazonaws.com', [`${GH}:repository_owner`]: 'acme' },
    });
    const [f, ...rest] = run(policy);
    expect(rest).toEqual([]);
    expect(summary([f as Finding])).toEqual([['unpopulated-condition-key', 'fail', 'sts-trust', 403]]);
    expect(f?.message).toContain(`\`${GH}:repository_owner\` tests a key AWS never sets for this provider`);
    expect(f?.fix).toContain(`\`${GH}:repository_owner_id\``);
  });

  it('with StringLikeIfExists, the condition silently allows: a pass, and a failing finding on the void restriction', () => {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IfExists
    const policy = trust({
      StringEquals: { [`${GH}:aud`]: 'sts.amazonaws.com' },
      StringLikeIfExists: { [`${GH}:event_name`]: 'push' },
    });
    const findings = run(policy, githubClaims({ sub: 'repo:evil/fork:pull_request', event_name: 'pull_request' }));
    expect(summary(findings)).toEqual([
      ['ok', 'pass', 'sts-trust', undefined],
      ['unpopulated-condition-key', 'fail', 'sts-trust', undefined],
    ]);
    expect(findings[1]?.message).toContain('the condition is always true');
    expect(findings[1]?.fix).toContain(`\`${GH}:sub\` or \`${GH}:job_workflow_ref\``);
  });

  it('with a negated operator in a Deny, the Deny silently never applies', () => {
    const deny = {
      Effect: 'Deny',
      Principal: { Federated: PROVIDER },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { [`${GH}:event_name`]: 'pull_request' } },
    };
    const findings = run(trust({ StringLike: { [`${GH}:sub`]: 'repo:acme/*' } }, [deny]));
    expect(summary(findings).map(([c, s]) => [c, s])).toEqual([
      ['ok', 'pass'],
      ['unpopulated-condition-key', 'fail'],
    ]);
    expect(findings[1]?.message).toContain('so the Deny never applies');
  });

  it('compares keys case-insensitively, so a differently cased key is still populated', () => {
    const policy = trust({ StringEquals: { 'Token.Actions.GitHubUserContent.com:SUB': MAIN } });
    expect(summary(run(policy))).toEqual([['ok', 'pass', 'sts-trust', undefined]]);
  });
});

describe('checkTrust: the keys of the request', () => {
  it('maps the GitHub claims AWS populates, and only those', () => {
    const wi = buildWebIdentityRequest({
      role: role(lockedToMain),
      settings,
      claims: githubClaims(),
      issuer: GITHUB_ISSUER,
      catalog,
    });
    const context = wi.request.context ?? {};
    expect(wi.providerArn).toBe(PROVIDER);
    expect(context[`${GH}:sub`]).toBe(MAIN);
    expect(context[`${GH}:aud`]).toBe('sts.amazonaws.com');
    expect(context[`${GH}:job_workflow_ref`]).toBe('acme/api/.github/workflows/deploy.yml@refs/heads/main');
    expect(context[`${GH}:repository_owner_id`]).toBe('123');
    expect(context[`${GH}:repository_owner`]).toBeUndefined();
    expect(context[`${GH}:event_name`]).toBeUndefined();
    expect(context[`${GH}:environment`]).toBeUndefined(); // populated by AWS, but this token has no such claim
    expect(context['sts:RoleSessionName']).toBe('GitHubActions');
    expect(context['aws:FederatedProvider']).toBe(PROVIDER);
    expect(wi.tagRequest).toBeUndefined();
  });

  it('allows on the GitHub extra keys and on aws:FederatedProvider', () => {
    const policy = trust({
      StringEquals: { [`${GH}:repository_id`]: '456', 'aws:FederatedProvider': PROVIDER },
      StringLike: { [`${GH}:job_workflow_ref`]: 'acme/api/.github/workflows/deploy.yml@refs/heads/main' },
    });
    expect(run(policy)[0]?.class).toBe('ok');
  });

  it('prefixes keys with an enterprise issuer’s slug path', () => {
    const issuer = `${GITHUB_ISSUER}/acme`;
    const slugProvider = `arn:aws:iam::${ACCOUNT}:oidc-provider/${GH}/acme`;
    const policy = {
      Version: '2012-10-17',
      Statement: {
        Effect: 'Allow',
        Principal: { Federated: slugProvider },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { [`${GH}/acme:sub`]: MAIN, [`${GH}/acme:enterprise_id`]: '99' } },
      },
    };
    const claims = githubClaims({ iss: issuer, enterprise_id: '99' });
    expect(summary(run(policy, claims))).toEqual([['ok', 'pass', 'sts-trust', undefined]]);
  });

  it('takes a key under the default prefix as unpopulated when the token comes from an enterprise slug', () => {
    const issuer = `${GITHUB_ISSUER}/acme`;
    const policy = {
      Version: '2012-10-17',
      Statement: {
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/${GH}/acme` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { [`${GH}:sub`]: MAIN } },
      },
    };
    const [f] = run(policy, githubClaims({ iss: issuer }));
    expect(f?.class).toBe('unpopulated-condition-key');
    expect(f?.message).toContain(`so the key is \`${GH}/acme:sub\``);
  });

  it('never splits a key at its first colon: a provider URL with a port', () => {
    const issuer = 'https://idp.example.com:8443/tenant';
    const policy = {
      Version: '2012-10-17',
      Statement: {
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/idp.example.com:8443/tenant` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { 'idp.example.com:8443/tenant:sub': 'svc-deploy' } },
      },
    };
    const claims = { iss: issuer, sub: 'svc-deploy', aud: 'sts.amazonaws.com' };
    expect(summary(run(policy, claims))).toEqual([['ok', 'pass', 'sts-trust', undefined]]);
  });

  it('keeps an issuer’s trailing slash in the provider name and the keys', () => {
    const issuer = 'https://auth.example.com/';
    const policy = {
      Version: '2012-10-17',
      Statement: {
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/auth.example.com/` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { 'auth.example.com/:aud': 'client-1' } },
      },
    };
    expect(summary(run(policy, { iss: issuer, sub: 'u1', aud: 'client-1' }))).toEqual([
      ['ok', 'pass', 'sts-trust', undefined],
    ]);
  });
});

describe('checkTrust: missing statements, session tags and what cannot be known', () => {
  it('without a statement for the provider, gives the statement to add', () => {
    const policy = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: `arn:aws:iam::999999999999:oidc-provider/${GH}` },
          Action: 'sts:AssumeRoleWithWebIdentity',
        },
        { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
      ],
    };
    const [f] = run(policy);
    expect(summary([f as Finding])).toEqual([['no-trust-statement', 'fail', 'sts-trust', 403]]);
    expect(f?.message).toContain('names the provider in another account');
    const statement = JSON.parse((f?.fix ?? '').slice((f?.fix ?? '').indexOf('{')));
    expect(statement).toEqual({
      Effect: 'Allow',
      Principal: { Federated: PROVIDER },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { [`${GH}:aud`]: 'sts.amazonaws.com', [`${GH}:sub`]: MAIN } },
    });
  });

  it('says when a statement names the provider for another action', () => {
    const [f] = run(trust({ StringEquals: { [`${GH}:sub`]: MAIN } }, [], 'sts:AssumeRole'));
    expect(f?.class).toBe('no-trust-statement');
    expect(f?.message).toContain('names the provider but not sts:AssumeRoleWithWebIdentity');
  });

  it('requires sts:TagSession when the token carries session tags', () => {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html
    const claims = githubClaims({
      'https://aws.amazon.com/tags': { principal_tags: { team: ['platform'] }, transitive_tag_keys: ['team'] },
    });
    const findings = run(lockedToMain, claims);
    expect(summary(findings)).toEqual([
      ['ok', 'pass', 'sts-trust', undefined],
      ['tag-session-denied', 'fail', 'sts-trust', 403],
    ]);
    const both = trust(
      { StringEquals: { [`${GH}:sub`]: MAIN } },
      [],
      ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'],
    );
    expect(summary(run(both, claims))).toEqual([['ok', 'pass', 'sts-trust', undefined]]);
  });

  it('evaluates the tags given explicitly, with aws:RequestTag conditions', () => {
    const policy = trust(
      { StringEquals: { [`${GH}:sub`]: MAIN, 'aws:RequestTag/team': 'platform' } },
      [],
      ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'],
    );
    expect(run(policy, githubClaims(), { sessionTags: { team: 'platform' } })[0]?.class).toBe('ok');
    expect(run(policy, githubClaims(), { sessionTags: { team: 'web' } })[0]?.class).toBe('trust-denied');
    const [f] = run(policy, githubClaims(), { sessionTags: { owner: 'web' } });
    expect(f?.message).toContain('the request has no `aws:RequestTag/team`');
  });

  it('cannot know the caller’s IP address: unverified, not a pass or a fail', () => {
    const policy = trust({ StringEquals: { [`${GH}:sub`]: MAIN }, IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } });
    expect(summary(run(policy))).toEqual([['trust-unverifiable', 'unverified', 'sts-trust', 403]]);
    const deny = {
      Effect: 'Deny',
      Principal: '*',
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { IpAddress: { 'aws:SourceIp': '198.51.100.0/24' } },
    };
    const findings = run(trust({ StringEquals: { [`${GH}:sub`]: MAIN } }, [deny]));
    expect(summary(findings).map(([c, s]) => [c, s])).toEqual([
      ['ok', 'pass'],
      ['trust-unverifiable', 'unverified'],
    ]);
    expect(findings[1]?.message).toContain('Statement[1] (IpAddress aws:SourceIp)');
  });

  it('sets aws:CurrentTime when given the time', () => {
    const policy = trust({ DateLessThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' } });
    expect(run(policy, githubClaims(), { now: NOW })[0]?.class).toBe('ok');
    expect(run(policy)[0]?.status).toBe('unverified');
  });

  it('reports a trust policy it cannot read as unverified', () => {
    const [f] = run({
      Version: '2012-10-17',
      Statement: [{ Effect: 'allow', Action: 'sts:AssumeRoleWithWebIdentity' }],
    });
    expect(summary([f as Finding])).toEqual([['invalid-trust-policy', 'unverified', 'sts-trust', undefined]]);
  });
});

// RCPs apply to STS, and so to sts:AssumeRoleWithWebIdentity into a role of a member account
// (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html#rcp-supported-services).
describe('checkTrust: resource control policies (orgs_manage_policies_rcps.html#rcp-supported-services)', () => {
  const rcpDoc = (name: string, document: unknown, account = '999988887777') => ({
    name,
    arn: `arn:aws:organizations::${account}:policy/o-k3x9a1b2c3/resource_control_policy/p-${name}`,
    file: `org/${name}.json`,
    line: 1,
    document,
  });
  const onlyOtherOrg = rcpDoc('github-guard', {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'OnlyOurGitHubOrg',
        Effect: 'Deny',
        Principal: '*',
        Action: 'sts:AssumeRoleWithWebIdentity',
        Resource: '*',
        Condition: { StringNotLike: { [`${GH}:sub`]: 'repo:other-org/*' } },
      },
    ],
  });
  const mainClaims = () => githubClaims({ sub: MAIN });
  const withRcps = (rcps: RoleModel['inlinePolicies'][], more: object = {}) => ({
    declaredAbsent: {},
    inventory: { roles: [], rcps, ...more },
  });

  it('a root RCP that denies this sub refuses the token the trust policy admits (never a pass)', () => {
    const findings = run(lockedToMain, mainClaims(), withRcps([[onlyOtherOrg]]));
    expect(summary(findings)).toEqual([['explicit-deny', 'fail', 'rcp', 403]]);
    expect(findings[0]?.location).toEqual({ file: 'org/github-guard.json', line: 1 });
    expect(findings.some((f) => f.status === 'pass')).toBe(false);
  });

  it('without RCPs read, an admitted token is unverified (layer not read), unless organizations: none', () => {
    expect(summary(run(lockedToMain, mainClaims(), { declaredAbsent: {} }))).toEqual([
      ['layer-not-read', 'unverified', 'rcp', undefined],
    ]);
    expect(summary(run(lockedToMain, mainClaims(), withRcps([[]], { unreadOrgLayers: ['rcp'] })))).toEqual([
      ['layer-not-read', 'unverified', 'rcp', undefined],
    ]);
    expect(summary(run(lockedToMain, mainClaims()))).toEqual([['ok', 'pass', 'sts-trust', undefined]]);
  });

  it('RCPs read that do not deny leave the pass; one on a key only known at call time makes it unverified', () => {
    expect(summary(run(lockedToMain, mainClaims(), withRcps([[]])))).toEqual([['ok', 'pass', 'sts-trust', undefined]]);
    const byIp = rcpDoc('ip', {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Deny',
          Principal: '*',
          Action: 'sts:*',
          Resource: '*',
          Condition: { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
        },
      ],
    });
    expect(summary(run(lockedToMain, mainClaims(), withRcps([[byIp]])))).toEqual([
      ['context-key-unknown', 'unverified', 'rcp', 403],
    ]);
  });

  it('RCPs do not apply to resources of the management account (orgs_manage_policies_rcps.html)', () => {
    const guard = { ...onlyOtherOrg, arn: onlyOtherOrg.arn.replace('999988887777', ACCOUNT) };
    expect(summary(run(lockedToMain, mainClaims(), withRcps([[guard]])))).toEqual([
      ['ok', 'pass', 'sts-trust', undefined],
    ]);
  });
});
