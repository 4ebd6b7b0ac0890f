/**
 * Policy files and live reads together: both are read, IAM's answer is the one the checks evaluate, and each
 * difference from the files is its own `stale-export` finding. IAM answers on loopback through the real SDK
 * (__tests__/fixtures/aws-query-server.ts), its state the files' own model with the changes each test makes.
 */
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AwsConfig } from '../../src/config/aws.js';
import type { DeclaredAbsent, OidcProviderModel, RoleModel } from '../../src/model/aws.js';
import type { Finding } from '../../src/model/finding.js';
import { checkAws } from '../../src/pipeline/aws.js';
import { loadAwsFiles } from '../../src/sources/aws-files.js';
import { loadCatalog } from '../../src/sources/catalog.js';
import { type AwsQueryServer, type Rule, startAwsQueryServer } from '../fixtures/aws-query-server.js';
import { FAKE_CREDENTIALS } from '../fixtures/iam-loopback.js';
import { githubClaims, NOW } from '../tokens/mint.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/aws-cli');
const ACCOUNT = '111122223333';
const DEPLOY = `arn:aws:iam::${ACCOUNT}:role/github-deploy`;
const PROVIDER = `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`;
const FILES = [
  'account-authorization-details.json',
  // The authorization details leave MaxSessionDuration out; get-role gives it (7200).
  'get-role.json',
  'list-open-id-connect-providers.json',
  'get-open-id-connect-provider.json',
].map((f) => join(FIXTURES, f));
const ISSUER = 'https://token.actions.githubusercontent.com';
const IDENTITY = {
  claims: githubClaims({ iss: ISSUER, sub: 'repo:acme/site:ref:refs/heads/main', repository: 'acme/site' }),
  issuer: ISSUER,
};

let server: AwsQueryServer | undefined;
let fileRole: RoleModel;
let fileProviders: readonly OidcProviderModel[];

beforeAll(async () => {
  vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
  vi.stubEnv('AWS_ACCESS_KEY_ID', FAKE_CREDENTIALS.accessKeyId);
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', FAKE_CREDENTIALS.secretAccessKey);
  const loaded = await loadAwsFiles(FILES, { roleArns: [DEPLOY] });
  const role = loaded.inventory.roles.find((r) => r.arn === DEPLOY);
  if (!role || !loaded.inventory.oidcProviders) throw new Error('the fixtures hold the role and its provider');
  fileRole = role;
  fileProviders = loaded.inventory.oidcProviders;
});
afterAll(() => vi.unstubAllEnvs());
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function config(liveReads: boolean): AwsConfig & { readonly declaredAbsent: DeclaredAbsent } {
  return {
    settings: {
      roleArn: DEPLOY,
      audience: 'sts.amazonaws.com',
      durationSeconds: 3600,
      sessionName: 'GitHubActions',
      managedSessionPolicyArns: [],
      roleChaining: false,
      sessionTags: {},
    },
    permissions: [],
    sources: { policyFiles: FILES, liveReads, probe: false, crossCheck: false },
    // The account is in no organization: no SCP or RCP decides (these tests are about IAM's reads).
    declaredAbsent: { organizations: 'none' },
  };
}

/** IAM on loopback holding `role` and `providers`, and the AWS checks of the deploy role against it. */
async function run(
  role: RoleModel,
  providers: readonly OidcProviderModel[] = fileProviders,
  rules: readonly Rule[] = [],
): Promise<{ findings: Finding[]; iam: AwsQueryServer }> {
  const iam = await startAwsQueryServer({ roles: [role], oidcProviders: providers, rules });
  server = iam;
  const env = { AWS_ENDPOINT_URL_IAM: iam.endpoint };
  const deps = { env, mask: () => {}, now: () => NOW, loadCatalog, sleep: async () => {} };
  return { findings: await checkAws(config(true), IDENTITY, deps), iam };
}

const stale = (findings: readonly Finding[]) => findings.filter((f) => f.class === 'stale-export');

describe('policy files and live reads together', () => {
  it('reads the role and the providers from IAM even though the files hold them, and finds no drift when they agree', async () => {
    const { findings, iam } = await run(fileRole);
    const actions = new Set(iam.requests.map((r) => r.action));
    for (const action of ['GetRole', 'ListRolePolicies', 'ListAttachedRolePolicies', 'ListOpenIDConnectProviders']) {
      expect(actions).toContain(action);
    }
    expect(stale(findings)).toEqual([]);
    expect(findings.filter((f) => f.status !== 'pass')).toEqual([]);
  });

  it('reports each difference as its own finding, with the statements that differ, and checks what IAM holds', async () => {
    const [inline] = fileRole.inlinePolicies;
    if (!inline) throw new Error('the fixture role has an inline policy');
    const added = { Sid: 'AddedInConsole', Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' };
    const document = inline.document as { Statement: unknown[] };
    const live: RoleModel = {
      ...fileRole,
      maxSessionDuration: 3600,
      inlinePolicies: [{ ...inline, document: { ...document, Statement: [...document.Statement, added] } }],
      // One managed policy detached in IAM.
      managedPolicies: fileRole.managedPolicies.slice(1),
      // The trust no longer names this repository: IAM's answer, not the file's, is checked.
      trustPolicy: {
        ...fileRole.trustPolicy,
        document: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Federated: PROVIDER },
              Action: 'sts:AssumeRoleWithWebIdentity',
              Condition: {
                StringEquals: {
                  'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
                  'token.actions.githubusercontent.com:sub': 'repo:acme/other:ref:refs/heads/main',
                },
              },
            },
          ],
        },
      },
    };
    const { findings } = await run(live);
    const drift = stale(findings);
    expect(drift.map((f) => `${f.decisionPoint} ${f.evidence.policy ?? f.id}`).sort()).toEqual(
      [
        `identity-policy ${inline.name}`,
        `identity-policy ${fileRole.managedPolicies[0]?.name}`,
        `session aws-files:${DEPLOY}:stale-export:MaxSessionDuration`,
        `sts-trust ${fileRole.trustPolicy.name}`,
      ].sort(),
    );
    for (const f of drift) expect(f.status).toBe('fail');
    const inlineDrift = drift.find((f) => f.evidence.policy === inline.name);
    expect(inlineDrift?.evidence.onlyLive).toEqual([JSON.stringify(added, Object.keys(added).sort())]);
    expect(inlineDrift?.evidence.onlyFiles).toEqual([]);
    expect(inlineDrift?.location?.file).toContain('account-authorization-details.json');
    // The trust check read IAM's trust policy, which does not allow this repository.
    expect(
      findings.some((f) => f.decisionPoint === 'sts-trust' && f.class !== 'stale-export' && f.status === 'fail'),
    ).toBe(true);
  });

  it("reports a provider whose audiences changed in IAM, and checks IAM's", async () => {
    const providers = fileProviders.map((p) => (p.arn === PROVIDER ? { ...p, clientIds: ['api://other'] } : p));
    const { findings } = await run(fileRole, providers);
    expect(stale(findings)).toEqual([
      expect.objectContaining({
        decisionPoint: 'oidc-provider',
        evidence: { provider: PROVIDER, onlyLive: ['api://other'], onlyFiles: ['sts.amazonaws.com'] },
      }),
    ]);
    expect(findings.some((f) => f.class === 'audience-not-registered')).toBe(true);
  });

  it('fails closed when IAM cannot be read, and still checks the files', async () => {
    const { findings } = await run(fileRole, fileProviders, [{ action: 'GetRole', behaviour: { kind: 'deny' } }]);
    expect(findings).toContainEqual(expect.objectContaining({ class: 'read-denied', status: 'unverified' }));
    expect(findings.some((f) => f.decisionPoint === 'sts-trust' && f.class === 'ok')).toBe(true);
  });
});
