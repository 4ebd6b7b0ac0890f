/**
 * The AWS orchestration's own rules: what a provider list proves, and how a chained role's trust is checked.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AwsConfig } from '../../src/config/aws.js';
import { checkAws, checkAwsRoles } from '../../src/pipeline/aws.js';
import { loadCatalog } from '../../src/sources/catalog.js';
import { removeTempDirs, tempDir } from '../fixtures/temp-files.js';
import { githubClaims, NOW } from '../tokens/mint.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/aws-cli');
const ACCOUNT = '111122223333';
const DEPLOY = `arn:aws:iam::${ACCOUNT}:role/github-deploy`;
const PUBLISHER = `arn:aws:iam::${ACCOUNT}:role/site-publisher`;
// The policy folders are made in the system's temporary folder, outside the repository: allowed here.
const deps = { env: {}, mask: () => {}, now: () => NOW, loadCatalog, allowOutsideWorkspace: true };

function config(
  roleArn: string,
  files: string[],
  chaining = false,
  extra: Partial<AwsConfig['settings']> = {},
): AwsConfig {
  return {
    settings: {
      ...extra,
      roleArn,
      audience: 'sts.amazonaws.com',
      durationSeconds: 3600,
      sessionName: 'GitHubActions',
      managedSessionPolicyArns: [],
      roleChaining: chaining,
      sessionTags: {},
    },
    permissions: [],
    sources: { policyFiles: files, liveReads: false, probe: false, crossCheck: false },
  };
}

/** A chain's role, in an account the configuration declares outside any organization (no SCPs, no RCPs). */
const noOrg = (c: AwsConfig): AwsConfig => ({ ...c, declaredAbsent: { organizations: 'none' } }) as AwsConfig;

const classes = (findings: readonly { class: string; decisionPoint: string }[]) =>
  findings.map((f) => `${f.decisionPoint}/${f.class}`);

describe('the OIDC provider, from a list-open-id-connect-providers output', () => {
  // The list proves which providers exist (https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListOpenIDConnectProviders.html).
  it('an issuer the list does not hold is a missing provider, not an unknown one', async () => {
    const files = ['account-authorization-details.json', 'get-role.json', 'list-open-id-connect-providers.json'];
    const issuer = 'https://token.actions.githubusercontent.com/acme';
    const findings = await checkAws(
      config(
        DEPLOY,
        files.map((f) => join(FIXTURES, f)),
      ),
      { claims: githubClaims({ iss: issuer }), issuer },
      deps,
    );
    expect(classes(findings)).toContain('oidc-provider/no-oidc-provider');
  });
});

describe('a role in none of the files', () => {
  const files = [join(FIXTURES, 'account-authorization-details.json')];
  const unknown = async (roleArn: string) =>
    (await checkAws(config(roleArn, files), undefined, deps)).find((f) => f.id.endsWith(':role-unknown'));

  it('names the nearest roles the files hold: a misspelt name, a wrong account, a missing path', async () => {
    for (const arn of [
      `arn:aws:iam::${ACCOUNT}:role/github-deplyo`,
      'arn:aws:iam::111122223334:role/github-deploy',
      `arn:aws:iam::${ACCOUNT}:role/ci/github-deploy`,
    ]) {
      const f = await unknown(arn);
      expect(f).toMatchObject({ status: 'unverified', evidence: { suggestions: [DEPLOY] } });
      expect(f?.message).toContain(`Did you mean ${DEPLOY}?`);
      expect(f?.fix).toContain(`set role-to-assume to it`);
    }
  });

  it('reports a policy file that cannot be read once for every role that read it, and names it as the one that may give them', async () => {
    const folder = tempDir();
    cpSync(join(FIXTURES, 'account-authorization-details.json'), join(folder, 'account-authorization-details.json'));
    writeFileSync(join(folder, 'get-role.json'), '{ "Role": { "RoleName": "payments-release" ');
    const other = `arn:aws:iam::${ACCOUNT}:role/payments-release`;
    const [first, second] = await checkAwsRoles(
      [config(other, [folder]), config(`${other}-2`, [folder])],
      undefined,
      deps,
    );
    const broken = (fs: readonly { class: string }[] = []) => fs.filter((f) => f.class === 'invalid-policy-file');
    expect(broken(first)).toHaveLength(1);
    expect(broken(second)).toEqual([]);
    const unknown = [...(first ?? []), ...(second ?? [])].filter((f) => f.id.endsWith(':role-unknown'));
    expect(unknown).toHaveLength(2);
    for (const f of unknown) {
      expect(f.message).toContain('in none of the policy files that could be read');
      expect(f.message).toContain(`${join(folder, 'get-role.json')} could not be read (invalid-policy-file)`);
    }
  });

  it('suggests nothing when no role is near', async () => {
    const f = await unknown(`arn:aws:iam::${ACCOUNT}:role/payments-release`);
    expect(f?.evidence).toEqual({});
    expect(f?.message).not.toContain('Did you mean');
  });
});

afterAll(removeTempDirs);

/** A policy folder with a GitHub-assumed role and a role it chains into. */
function chainFolder(
  trustNamesDeploy: boolean | string,
  actions: string[] = ['sts:AssumeRole'],
  condition?: unknown,
): string {
  const root = tempDir();
  const role = (name: string, trust: unknown, inline?: unknown) => {
    const dir = join(root, 'roles', name);
    mkdirSync(join(dir, 'inline'), { recursive: true });
    writeFileSync(join(dir, 'role.json'), JSON.stringify({ Arn: `arn:aws:iam::${ACCOUNT}:role/${name}` }));
    writeFileSync(join(dir, 'trust.json'), JSON.stringify(trust));
    if (inline) writeFileSync(join(dir, 'inline', 'chain.json'), JSON.stringify(inline));
  };
  role(
    'github-deploy',
    {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com` },
          Action: 'sts:AssumeRoleWithWebIdentity',
        },
      ],
    },
    {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:TagSession'], Resource: PUBLISHER }],
    },
  );
  role('site-publisher', {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: {
          AWS:
            typeof trustNamesDeploy === 'string'
              ? trustNamesDeploy
              : trustNamesDeploy
                ? DEPLOY
                : `arn:aws:iam::${ACCOUNT}:role/someone-else`,
        },
        Action: actions,
        ...(condition ? { Condition: condition } : {}),
      },
    ],
  });
  return root;
}

// Role chaining: the chained role is assumed with sts:AssumeRole by the first role's session
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining).
describe('a chained role is checked against the session that assumes it', () => {
  const identity = {
    claims: githubClaims(),
    issuer: 'https://token.actions.githubusercontent.com',
  };

  it('passes when its trust names the source role, and never evaluates the token against it', async () => {
    const folder = chainFolder(true, ['sts:AssumeRole', 'sts:TagSession']);
    const [, chained] = await checkAwsRoles(
      [config(DEPLOY, [folder]), noOrg(config(PUBLISHER, [folder], true))],
      identity,
      deps,
    );
    expect(classes(chained ?? [])).toContain('sts-trust/ok');
    expect(classes(chained ?? []).some((c) => c.startsWith('oidc-provider/'))).toBe(false);
  });

  it("the caller is the source role's session under the first step's session name, not the chained step's (id_roles_terms-and-concepts.html#iam-term-role-chaining)", async () => {
    const session = (name: string) => `arn:aws:sts::${ACCOUNT}:assumed-role/github-deploy/${name}`;
    const named = (c: AwsConfig, sessionName: string): AwsConfig => ({
      ...c,
      settings: { ...c.settings, sessionName },
    });
    const run = async (trusted: string) => {
      const folder = chainFolder(session(trusted), ['sts:AssumeRole', 'sts:TagSession']);
      const [, chained] = await checkAwsRoles(
        [named(config(DEPLOY, [folder]), 'site-deploy'), noOrg(named(config(PUBLISHER, [folder], true), 'preview'))],
        identity,
        deps,
      );
      return (chained ?? [])
        .filter((f) => f.id.includes('chained-trust'))
        .map((f) => `${f.class} ${f.evidence.source}`);
    };
    expect(await run('site-deploy')).toEqual([`ok ${session('site-deploy')}`, `ok ${session('site-deploy')}`]);
    // A trust for the chained step's own name admits a session that never calls: STS would refuse the real one.
    expect(await run('preview')).toEqual([
      `chained-trust-denied ${session('site-deploy')}`,
      `tag-session-denied ${session('site-deploy')}`,
    ]);
  });

  it('evaluates the RCPs the policy folder gives: one that denies sts:AssumeRole refuses the chain', async () => {
    // RCPFullAWSAccess at the root (as the e2e account gives it), and an RCP in the shape of AWS's data-perimeter
    // examples (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_examples.html):
    // deny the call to principals of any other account than the one named.
    const rcp = (other: string) => ({
      Policy: {
        PolicySummary: { Id: 'p-perimeter', Name: 'Perimeter', Type: 'RESOURCE_CONTROL_POLICY', AwsManaged: false },
        Content: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Deny',
              Principal: '*',
              Action: 'sts:AssumeRole',
              Resource: '*',
              Condition: { StringNotEqualsIfExists: { 'aws:PrincipalAccount': other } },
            },
          ],
        }),
      },
    });
    const decide = async (account: string) => {
      const folder = chainFolder(true, ['sts:AssumeRole', 'sts:TagSession']);
      cpSync(new URL('../fixtures/aws-e2e/org', import.meta.url), join(folder, 'org'), { recursive: true });
      writeFileSync(join(folder, 'org/1-account-prod/perimeter.json'), JSON.stringify(rcp(account)));
      const [, chained] = await checkAwsRoles(
        [config(DEPLOY, [folder]), config(PUBLISHER, [folder], true, { skipSessionTagging: true })],
        identity,
        deps,
      );
      return (chained ?? []).filter((f) => f.decisionPoint === 'rcp' || f.id.includes('chained-trust'));
    };
    const same = await decide(ACCOUNT);
    expect(same.map((f) => [f.class, f.status])).toEqual([['ok', 'pass']]);
    expect((await decide('999999999999')).map((f) => [f.class, f.decisionPoint, f.status])).toEqual([
      ['chained-trust-denied', 'rcp', 'fail'],
    ]);
  });

  it('is unverified, not a pass, while the SCPs and RCPs that would apply to the AssumeRole were not read', async () => {
    const folder = chainFolder(true, ['sts:AssumeRole', 'sts:TagSession']);
    const [, chained] = await checkAwsRoles(
      [config(DEPLOY, [folder]), config(PUBLISHER, [folder], true)],
      identity,
      deps,
    );
    const unverified = (chained ?? []).filter((f) => f.id.includes('chained-trust-unverified'));
    expect(unverified.map((f) => f.status)).toEqual(['unverified', 'unverified']);
    expect(unverified[0]?.message).toContain('the SCPs, the RCPs were not read: a Deny there would refuse it');
  });

  it('fails with the statement to add when its trust does not', async () => {
    const folder = chainFolder(false);
    const [, chained] = await checkAwsRoles(
      [config(DEPLOY, [folder]), config(PUBLISHER, [folder], true)],
      identity,
      deps,
    );
    const denied = chained?.find((f) => f.class === 'chained-trust-denied');
    expect(denied?.decisionPoint).toBe('sts-trust');
    expect(denied?.fix).toContain(`"Principal":{"AWS":"${DEPLOY}"}`);
  });

  it('is unverified when no source role is configured (fails closed)', async () => {
    const folder = chainFolder(true);
    const findings = await checkAws(config(PUBLISHER, [folder], true), identity, deps);
    expect(findings.find((f) => f.id.includes('chained-trust-unverifiable'))?.status).toBe('unverified');
  });
});

// configure-aws-credentials tags the AssumeRole of a chain (aws-actions/configure-aws-credentials src/assumeRole.ts),
// which needs sts:TagSession in the trust (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html).
describe('a chained role gets the session tags configure-aws-credentials passes', () => {
  const identity = { claims: githubClaims(), issuer: 'https://token.actions.githubusercontent.com' };
  const env = {
    GITHUB_REPOSITORY: 'acme/site',
    GITHUB_WORKFLOW: 'deploy <prod>',
    GITHUB_ACTION: 'aws',
    GITHUB_ACTOR: 'octocat',
    GITHUB_SHA: 'abc123',
    GITHUB_REF: 'refs/heads/main',
  };
  const chain = async (folder: string, extra: Partial<AwsConfig['settings']> = {}) =>
    (
      await checkAwsRoles([config(DEPLOY, [folder]), noOrg(config(PUBLISHER, [folder], true, extra))], identity, {
        ...deps,
        env,
      })
    )[1] ?? [];

  it('fails when the trust allows only sts:AssumeRole, as STS does', async () => {
    const findings = await chain(chainFolder(true));
    const denied = findings.find((f) => f.class === 'tag-session-denied');
    expect(denied).toMatchObject({ status: 'fail', decisionPoint: 'sts-trust', wouldReturn: 403 });
    expect(denied?.evidence.tagKeys).toEqual([
      'GitHub',
      'Repository',
      'Workflow',
      'Action',
      'Actor',
      'Commit',
      'Branch',
    ]);
    expect(denied?.fix).toContain('role-skip-session-tagging');
    expect(denied?.docUrl).toBe('https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html');
  });

  it('passes with role-skip-session-tagging, which sends no tags', async () => {
    const findings = await chain(chainFolder(true), { skipSessionTagging: true });
    expect(findings.filter((f) => f.status !== 'pass')).toEqual([]);
    expect(findings.some((f) => f.evidence.action === 'sts:TagSession')).toBe(false);
  });

  it('evaluates conditions on the tags with the values sanitised as configure-aws-credentials does', async () => {
    const folder = chainFolder(true, ['sts:AssumeRole', 'sts:TagSession'], {
      StringEquals: { 'aws:RequestTag/Workflow': 'deploy *prod*', 'aws:RequestTag/team': 'web' },
    });
    expect((await chain(folder, { customTags: { team: 'web' } })).filter((f) => f.status !== 'pass')).toEqual([]);
    expect((await chain(folder)).some((f) => f.status === 'fail')).toBe(true);
  });

  it('fails when a transitive key is not a session tag, or there are over 50 tags', async () => {
    const folder = chainFolder(true, ['sts:AssumeRole', 'sts:TagSession']);
    const missing = await chain(folder, { transitiveTagKeys: ['Repository', 'Team'] });
    const f = missing.find((x) => x.class === 'session-tags-invalid');
    expect(f).toMatchObject({ status: 'fail', decisionPoint: 'session' });
    expect(f?.message).toContain('`Team`');
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']));
    const over = await chain(folder, { customTags: many });
    expect(over.find((x) => x.class === 'session-tags-invalid')?.message).toContain('57 session tags');
  });

  it('evaluates role-external-id as sts:ExternalId: a trust condition on it must be met', async () => {
    const folder = chainFolder(true, ['sts:AssumeRole', 'sts:TagSession'], {
      StringEquals: { 'sts:ExternalId': 'acme-42' },
    });
    expect((await chain(folder, { externalId: 'acme-42' })).filter((f) => f.status !== 'pass')).toEqual([]);
    const wrong = await chain(folder, { externalId: 'acme-43' });
    expect(wrong.find((f) => f.class === 'chained-trust-denied')?.status).toBe('fail');
    expect((await chain(folder)).find((f) => f.class === 'chained-trust-denied')?.status).toBe('fail');
  });
});

// configure-aws-credentials chains from the credentials the step before exported (its `role-chaining` input), and
// AssumeRole sets sts:RoleSessionName to the name the call gives
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#ck_rolesessionname).
describe('a chain of chained roles, and the session names on each side', () => {
  const identity = { claims: githubClaims(), issuer: 'https://token.actions.githubusercontent.com' };
  const arn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
  const session = (role: string, name: string) => `arn:aws:sts::${ACCOUNT}:assumed-role/${role}/${name}`;
  const named = (c: AwsConfig, sessionName: string | undefined): AwsConfig =>
    ({ ...c, settings: { ...c.settings, sessionName } }) as AwsConfig;
  /** gh (assumed with the token), mid and last; each may assume the next; each trust as given. */
  function folder(trusts: { mid: unknown; last: unknown }): string {
    const root = tempDir();
    const role = (name: string, principal: unknown, next?: string, condition?: unknown) => {
      const dir = join(root, 'roles', name);
      mkdirSync(join(dir, 'inline'), { recursive: true });
      writeFileSync(join(dir, 'role.json'), JSON.stringify({ Arn: arn(name) }));
      const statement = { Effect: 'Allow', Principal: principal, Action: ['sts:AssumeRole', 'sts:TagSession'] };
      const trust =
        name === 'gh'
          ? { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com` }
          : undefined;
      writeFileSync(
        join(dir, 'trust.json'),
        JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            trust
              ? { Effect: 'Allow', Principal: trust, Action: 'sts:AssumeRoleWithWebIdentity' }
              : { ...statement, ...(condition ? { Condition: condition } : {}) },
          ],
        }),
      );
      if (next) {
        const inline = {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:TagSession'], Resource: arn(next) }],
        };
        writeFileSync(join(dir, 'inline', 'chain.json'), JSON.stringify(inline));
      }
    };
    role('gh', undefined, 'mid');
    const mid = trusts.mid as { principal: unknown; condition?: unknown };
    const last = trusts.last as { principal: unknown; condition?: unknown };
    role('mid', mid.principal, 'last', mid.condition);
    role('last', last.principal, undefined, last.condition);
    return root;
  }
  const chained = (f: readonly { id: string; class: string; evidence: Record<string, unknown> }[]) =>
    f.filter((x) => x.id.includes('chained-trust')).map((x) => `${x.class} ${String(x.evidence.source)}`);

  it("the third role's caller is the second role's session, not the first's", async () => {
    const root = folder({ mid: { principal: { AWS: arn('gh') } }, last: { principal: { AWS: arn('gh') } } });
    const [, mid, last] = await checkAwsRoles(
      [
        named(config(arn('gh'), [root]), 'first-sess'),
        noOrg(named(config(arn('mid'), [root], true), 'mid-sess')),
        noOrg(named(config(arn('last'), [root], true), 'last-sess')),
      ],
      identity,
      deps,
    );
    expect(chained(mid ?? [])).toEqual([`ok ${session('gh', 'first-sess')}`, `ok ${session('gh', 'first-sess')}`]);
    expect(chained(last ?? [])).toEqual([
      `chained-trust-denied ${session('mid', 'mid-sess')}`,
      `tag-session-denied ${session('mid', 'mid-sess')}`,
    ]);
  });

  it("a trust that names the source's session, whose name is not known before the run, is unverified, not denied", async () => {
    const root = folder({
      mid: { principal: { AWS: session('gh', 'first-sess') } },
      last: { principal: { AWS: arn('mid') } },
    });
    const [, mid] = await checkAwsRoles(
      [named(config(arn('gh'), [root]), undefined), noOrg(named(config(arn('mid'), [root], true), 'mid-sess'))],
      identity,
      deps,
    );
    expect(chained(mid ?? []).map((c) => c.split(' ')[0])).toEqual(['could-not-verify', 'could-not-verify']);
  });

  it("sts:RoleSessionName is the chained step's own role-session-name", async () => {
    const condition = { StringLike: { 'sts:RoleSessionName': 'mid-*' } };
    const root = folder({
      mid: { principal: { AWS: arn('gh') }, condition },
      last: { principal: { AWS: arn('mid') } },
    });
    const run = async (name: string) =>
      (
        await checkAwsRoles(
          [named(config(arn('gh'), [root]), 'first-sess'), noOrg(named(config(arn('mid'), [root], true), name))],
          identity,
          deps,
        )
      )[1] ?? [];
    expect(chained(await run('mid-sess')).map((c) => c.split(' ')[0])).toEqual(['ok', 'ok']);
    expect(chained(await run('other')).map((c) => c.split(' ')[0])).toEqual([
      'chained-trust-denied',
      'tag-session-denied',
    ]);
  });
});
