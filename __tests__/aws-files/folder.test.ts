/**
 * The policy folder (docs/policy-folder.md): written to a temporary directory, then read as a user's repository
 * would be.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { placeFile } from '../../src/aws-files/index.js';
import { loadAwsFiles } from '../../src/sources/aws-files.js';
import { removeTempDirs, tempDir, writeFile } from '../fixtures/temp-files.js';

const FIXTURES = '__tests__/fixtures/aws-cli';
const ARN = 'arn:aws:iam::111122223333:role/deploy';
const fixture = (name: string): string => readFileSync(`${FIXTURES}/${name}`, 'utf8');
const doc = (effect: string, action: string) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: effect, Action: action, Resource: '*' }],
});
const trust = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Federated: 'x' }, Action: 'sts:AssumeRoleWithWebIdentity' }],
};

/** The folders {@link writeTree} made in this test, in order. */
const roots: string[] = [];
afterEach(() => {
  roots.length = 0;
  removeTempDirs();
});

/** Writes `files` (relative path → JSON value, or text as is) under a new temporary folder; returns the folder. */
function writeTree(files: Record<string, unknown>): string {
  const root = tempDir();
  roots.push(root);
  for (const [name, content] of Object.entries(files)) {
    const text = typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`;
    writeFile(root, path.join('policies', name), text);
  }
  return root;
}

async function load(files: Record<string, unknown>) {
  const cwd = writeTree(files);
  return loadAwsFiles(['policies'], { cwd, roleArns: [ARN] });
}

describe('the policy folder', () => {
  it('reads a role folder: settings, trust, inline, managed and boundary, each located', async () => {
    const { inventory, findings } = await load({
      'roles/deploy/role.json': { Arn: ARN, MaxSessionDuration: 7200 },
      'roles/deploy/trust.json': trust,
      'roles/deploy/inline/site.json': doc('Allow', 's3:PutObject'),
      'roles/deploy/inline/from-cli.json': fixture('get-role-policy.json').replace('github-deploy', 'deploy'),
      'roles/deploy/managed/lambda.json': fixture('get-policy-and-version.json'),
      'roles/deploy/managed/read.json': doc('Allow', 's3:Get*'),
      'roles/deploy/boundary.json': doc('Allow', '*'),
      'README.md': 'not read',
    });
    expect(findings).toEqual([]);
    const [role] = inventory.roles;
    expect(role).toMatchObject({ arn: ARN, name: 'deploy', accountId: '111122223333', maxSessionDuration: 7200 });
    expect(role?.trustPolicy).toMatchObject({
      name: 'deploy/trust',
      file: 'policies/roles/deploy/trust.json',
      line: 1,
    });
    expect(role?.inlinePolicies.map((p) => p.name)).toEqual(['deploy/inline/deploy-site', 'deploy/inline/site']);
    expect(role?.managedPolicies.map((p) => [p.name, p.arn, p.line])).toEqual([
      ['deploy-lambda', 'arn:aws:iam::111122223333:policy/deploy-lambda', 18],
      ['read', undefined, 1],
    ]);
    expect(role?.permissionsBoundary).toMatchObject({
      name: 'deploy/boundary',
      file: 'policies/roles/deploy/boundary.json',
    });
  });

  it('takes get-role output as role.json, trust policy included; names files from the folder given', async () => {
    const { inventory, findings } = await load({ 'roles/github-deploy/role.json': fixture('get-role.json') });
    expect(findings.map((f) => f.class)).toEqual([]);
    expect(inventory.roles[0]).toMatchObject({
      name: 'github-deploy',
      roleId: 'AROARZ7EXAMPLE3DEPLOY',
      maxSessionDuration: 7200,
      inlinePolicies: [],
    });
    expect(inventory.roles[0]?.trustPolicy).toMatchObject({ file: 'policies/roles/github-deploy/role.json', line: 8 });

    const cwd = path.join(roots[0] ?? '', 'policies');
    const here = await loadAwsFiles(['.'], { cwd });
    expect(here.inventory.roles[0]?.trustPolicy.file).toBe('roles/github-deploy/role.json');
    const absolute = await loadAwsFiles([cwd], { cwd });
    expect(absolute.inventory.roles[0]?.trustPolicy.file).toBe('roles/github-deploy/role.json');
  });

  it('looks up a boundary named only by ARN among the other files', async () => {
    const { Policies } = JSON.parse(fixture('account-authorization-details.json'));
    const { inventory } = await load({
      'roles/github-deploy/role.json': fixture('get-role.json'),
      'aws/policies.json': { Policies },
    });
    expect(inventory.roles[0]?.permissionsBoundary).toMatchObject({
      name: 'deploy-boundary',
      file: 'policies/aws/policies.json',
    });
  });

  it('reads SCP and RCP levels root first, OIDC providers and resource policies', async () => {
    const bucketPolicy = JSON.stringify(doc('Deny', 's3:DeleteBucket'));
    const { inventory, findings } = await load({
      'roles/deploy/role.json': { Arn: ARN },
      'roles/deploy/trust.json': trust,
      'scps/10-account-prod/deny.json': doc('Deny', 'ec2:*'),
      'scps/2-ou-workloads/allow.json': doc('Allow', '*'),
      'scps/0-root/full-aws-access.json': fixture('org/0-root/scp-full-aws-access.json'),
      'rcps/0-root/tls.json': fixture('org/1-account-prod/rcp-enforce-secure-transport.json'),
      'oidc-providers/github.json': fixture('get-open-id-connect-provider.json'),
      'resource-policies/site.json': {
        ResourceArn: 'arn:aws:s3:::acme-site',
        AccountId: '111122223333',
        Policy: bucketPolicy,
      },
    });
    expect(findings).toEqual([]);
    expect(inventory.scps?.map((level) => level.map((p) => p.name))).toEqual([['FullAWSAccess'], ['allow'], ['deny']]);
    expect(inventory.rcps?.map((level) => level.map((p) => p.name))).toEqual([['enforce-secure-transport']]);
    expect(inventory.oidcProviders?.[0]?.arn).toBe(
      'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com',
    );
    expect(inventory.resourcePolicies).toEqual([
      {
        resourceArn: 'arn:aws:s3:::acme-site',
        accountId: '111122223333',
        policy: expect.objectContaining({ document: doc('Deny', 's3:DeleteBucket'), line: 4 }),
      },
    ]);
  });

  it.each([
    ['roles/deploy/extra.json', 'expected roles/<role-name>/role.json'],
    ['roles/deploy/inline/deep/x.json', 'expected roles/<role-name>/role.json'],
    ['scps/root/x.json', 'expected scps/<n>-<level>/<name>.json'],
    ['rcps/x.json', 'expected rcps/<n>-<level>/<name>.json'],
    ['oidc-providers/a/b.json', 'expected oidc-providers/<name>.json'],
  ])('reports a misplaced file: %s', async (name, message) => {
    const { findings } = await load({ [name]: doc('Allow', '*') });
    expect(findings).toMatchObject([{ class: 'policy-folder-layout', location: { file: `policies/${name}` } }]);
    expect(findings[0]?.message).toContain(message);
  });

  it.each([
    ['a role folder without role.json', { 'roles/deploy/trust.json': trust }, 'has no role.json'],
    ['role.json naming another role', { 'roles/other/role.json': { Arn: ARN } }, 'names role deploy'],
    [
      'two trust policies',
      { 'roles/github-deploy/role.json': fixture('get-role.json'), 'roles/github-deploy/trust.json': trust },
      'keep one of the two',
    ],
    ['no trust policy', { 'roles/deploy/role.json': { Arn: ARN } }, 'has no trust.json'],
    ['a trust.json that is get-role output', { 'roles/x/trust.json': fixture('get-role.json') }, 'policy-document'],
    [
      'an RCP under scps/',
      { 'scps/0-root/x.json': fixture('org/0-root/rcp-full-aws-access.json') },
      'in the scps/ folder',
    ],
    ['a bad MaxSessionDuration', { 'roles/deploy/role.json': { Arn: ARN, MaxSessionDuration: 60 } }, '3600 to 43200'],
    [
      'two folders for one level',
      { 'scps/1-a/x.json': doc('Allow', '*'), 'scps/1-b/x.json': doc('Allow', '*') },
      'is level 1',
    ],
  ])('reports %s', async (_name, files, message) => {
    const { findings } = await load(files);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.map((f) => f.message).join('\n')).toContain(message);
    expect(findings.every((f) => f.status === 'unverified' && f.location?.file.startsWith('policies/'))).toBe(true);
  });

  it('reports two descriptions of one role: the folder and an export', async () => {
    const both = await loadAwsFiles(['policies'], {
      cwd: writeTree({
        'roles/github-deploy/role.json': fixture('get-role.json'),
        'roles/github-deploy/inline/a.json': doc('Allow', '*'),
        'aws/iam.json': fixture('account-authorization-details.json'),
      }),
      roleArns: ['arn:aws:iam::111122223333:role/github-deploy'],
    });
    expect(both.findings.map((f) => f.class)).toEqual(['conflicting-definitions']);
  });
});

describe('placeFile', () => {
  it.each([
    [['roles', 'r', 'role.json'], { kind: 'role', roleDir: 'p/roles/r', roleName: 'r', part: 'role' }],
    [['roles', 'r', 'managed', 'm.json'], { kind: 'role', part: 'managed', baseName: 'm' }],
    [['scps', '0-root', 's.json'], { kind: 'org-policy', type: 'scp', level: { order: 0, name: '0-root' } }],
    [['aws', 'iam.json'], { kind: 'cli', level: undefined }],
    [['org', '1-ou-x', 'p.json'], { kind: 'cli', level: { order: 1, name: '1-ou-x' } }],
  ])('places %j', (relative, placement) => {
    expect(placeFile('p', relative, relative[relative.length - 2])).toMatchObject(placement);
  });
});
