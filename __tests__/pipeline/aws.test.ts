/**
 * The AWS orchestration's own rules: what a provider list proves, and how a chained role's trust is checked.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
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

function config(roleArn: string, files: string[], chaining = false): AwsConfig {
  return {
    settings: {
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

  it('suggests nothing when no role is near', async () => {
    const f = await unknown(`arn:aws:iam::${ACCOUNT}:role/payments-release`);
    expect(f?.evidence).toEqual({});
    expect(f?.message).not.toContain('Did you mean');
  });
});

afterAll(removeTempDirs);

/** A policy folder with a GitHub-assumed role and a role it chains into. */
function chainFolder(trustNamesDeploy: boolean): string {
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
    { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: PUBLISHER }] },
  );
  role('site-publisher', {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: trustNamesDeploy ? DEPLOY : `arn:aws:iam::${ACCOUNT}:role/someone-else` },
        Action: 'sts:AssumeRole',
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
    const folder = chainFolder(true);
    const [, chained] = await checkAwsRoles(
      [config(DEPLOY, [folder]), config(PUBLISHER, [folder], true)],
      identity,
      deps,
    );
    expect(classes(chained ?? [])).toContain('sts-trust/ok');
    expect(classes(chained ?? []).some((c) => c.startsWith('oidc-provider/'))).toBe(false);
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
