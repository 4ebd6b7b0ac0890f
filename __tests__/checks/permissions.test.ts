/**
 * The permissions check, with the real engine and the real AWS catalog. Each scenario names the AWS page whose
 * rule decides it.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { assembleInventory, parseAwsFile } from '../../src/aws-files/index.js';
import { type Catalog, lookupAction } from '../../src/catalog/index.js';
import { resourceUnknown } from '../../src/checks/permissions/unknowns.js';
import { checkPermissions, type PermissionsCheckInput } from '../../src/checks/permissions.js';
import { parsePermissions } from '../../src/config/permissions.js';
import type { AssumeRoleSettings, AwsInventory, PolicyDocument, RoleModel } from '../../src/model/aws.js';
import { loadCatalog } from '../../src/sources/catalog.js';
import { assumeRoleSettings, roleModel } from '../fixtures/aws-settings.js';

const ACCOUNT = '111111111111';
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/deploy`;
const SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/deploy/gh-run-1`;
const BUCKET = 'arn:aws:s3:::site-bucket';
const KEY = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/abcd`;
const NOW = Date.UTC(2026, 2, 1, 12, 0, 0) / 1000;

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog();
});

type Statement = Record<string, unknown>;
const policy = (name: string, statements: Statement[], file?: string): PolicyDocument => ({
  name,
  document: { Version: '2012-10-17', Statement: statements },
  ...(file ? { file, line: 7 } : {}),
});
const allow = (Action: string | string[], Resource: string | string[] = '*', extra: Statement = {}) => ({
  Effect: 'Allow',
  Action,
  Resource,
  ...extra,
});
const FULL_ACCESS = policy('FullAWSAccess', [allow('*')]);
const RCP_FULL_ACCESS = policy('RCPFullAWSAccess', [{ ...allow('*'), Principal: '*' }]);

const deployPolicy = policy('deploy', [allow(['s3:PutObject', 's3:GetObject'], `${BUCKET}/*`, { Sid: 'Upload' })]);

function role(over: Partial<RoleModel> = {}): RoleModel {
  return roleModel(ROLE_ARN, { inlinePolicies: [deployPolicy], ...over });
}

const SETTINGS: AssumeRoleSettings = assumeRoleSettings(ROLE_ARN, { region: 'eu-west-1', sessionName: 'gh-run-1' });

interface Scenario {
  readonly lines: string;
  readonly role?: RoleModel;
  readonly settings?: Partial<AssumeRoleSettings>;
  readonly inventory?: Partial<AwsInventory>;
  readonly context?: PermissionsCheckInput['context'];
  /** Default: every resource declared without a resource policy, so that the scenarios decide the other layers. */
  readonly declaredAbsent?: PermissionsCheckInput['declaredAbsent'] | null;
}

function check(s: Scenario) {
  const parsed = parsePermissions(s.lines);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const r = s.role ?? role();
  return checkPermissions({
    role: r,
    permissions: parsed.permissions,
    settings: { ...SETTINGS, ...s.settings },
    inventory: {
      roles: [r],
      scps: [[FULL_ACCESS]],
      rcps: [[RCP_FULL_ACCESS]],
      resourcePolicies: [],
      // The bucket is the role account's, shown by a live read that found no bucket policy: an S3 ARN names no owner.
      resourcesWithoutPolicy: [BUCKET],
      ...s.inventory,
    },
    catalog,
    now: NOW,
    ...(s.context ? { context: s.context } : {}),
    ...(s.declaredAbsent === null ? {} : { declaredAbsent: s.declaredAbsent ?? { noResourcePolicy: ['*'] } }),
  });
}

/** The one finding a scenario with one permission yields. */
function only(s: Scenario) {
  const findings = check(s);
  expect(findings).toHaveLength(1);
  return findings[0] as NonNullable<(typeof findings)[0]>;
}

describe('checkPermissions: passing', () => {
  it('passes a granted permission and names the granting statement', () => {
    const f = only({ lines: `s3:PutObject ${BUCKET}/*` });
    expect(f).toMatchObject({ status: 'pass', class: 'ok', id: `permissions:s3:PutObject ${BUCKET}/*` });
    expect(f.message).toBe('Allowed by deploy statement 0 (Sid "Upload").');
    expect(f.evidence.granting).toEqual(['deploy statement 0 (Sid "Upload")']);
    expect(f.evidence.principal).toBe(SESSION);
    expect(f.evidence.origin).toBe('input permissions, line 1');
  });

  it('yields one finding per permission, in order', () => {
    const findings = check({
      lines: `s3:PutObject ${BUCKET}/a\ns3:GetObject ${BUCKET}/b\ns3:DeleteObject ${BUCKET}/c`,
    });
    expect(findings.map((f) => f.status)).toEqual(['pass', 'pass', 'fail']);
  });

  it('accepts any letter case in the action and evaluates the canonical name', () => {
    expect(only({ lines: `S3:putobject ${BUCKET}/x` }).evidence.action).toBe('s3:PutObject');
  });
});

describe('checkPermissions: the catalog', () => {
  it('refuses a misspelt action with a suggestion', () => {
    // https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html
    const f = only({ lines: `s3:PutObjcet ${BUCKET}/*` });
    expect(f).toMatchObject({ status: 'fail', class: 'unknown-action', decisionPoint: 'config' });
    expect(f.message).toBe('s3:PutObjcet: not an action of s3; did you mean s3:PutObject?');
    expect(f.fix).toBe('Write s3:PutObject in input permissions, line 1.');
  });

  it('refuses an object action on a bucket ARN', () => {
    // s3:PutObject acts on the `object` resource type, arn:${Partition}:s3:::${BucketName}/${ObjectName}.
    const f = only({ lines: `s3:PutObject ${BUCKET}` });
    expect(f).toMatchObject({ status: 'fail', class: 'resource-type-mismatch', decisionPoint: 'config' });
    expect(f.message).toContain("fits none of s3:PutObject's resource types");
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the reference's ARN format, placeholders and all.
    expect(f.evidence.expected).toContain('arn:${Partition}:s3:::${BucketName}/${ObjectName}');
  });

  it('requires * for an action without resource-level permissions', () => {
    const f = only({ lines: `sts:GetCallerIdentity ${ROLE_ARN}` });
    expect(f).toMatchObject({ class: 'resource-type-mismatch' });
    expect(f.message).toContain('has no resource-level permissions');
  });
});

describe('checkPermissions: denials, by layer', () => {
  it('a missing s3:PutObject: implicit deny in the identity policies, with the statement to add', () => {
    const r = role({ inlinePolicies: [policy('deploy', [allow('s3:GetObject', `${BUCKET}/*`)], 'iam/deploy.json')] });
    const f = only({ role: r, lines: `s3:PutObject ${BUCKET}/*` });
    expect(f).toMatchObject({
      status: 'fail',
      decisionPoint: 'identity-policy',
      class: 'implicit-deny',
      wouldReturn: 403,
      cause: 'changed-entitlement',
    });
    expect(f.fix).toBe(
      `Add this statement to an identity policy of role deploy (e.g. deploy): {"Effect":"Allow","Action":"s3:PutObject","Resource":"${BUCKET}/*"}`,
    );
  });

  it('the statement to add keeps the keys the call sets, so it grants no more than the call (s3:prefix)', () => {
    // amazon-s3-policy-keys.html: s3:prefix limits a ListBucket grant to the keys under it.
    const r = role({ inlinePolicies: [policy('deploy', [allow('s3:GetObject', `${BUCKET}/*`)], 'iam/deploy.json')] });
    const f = only({ role: r, lines: `s3:ListBucket ${BUCKET} s3:prefix=app/` });
    expect(f.fix).toContain(
      `{"Effect":"Allow","Action":"s3:ListBucket","Resource":"${BUCKET}","Condition":{"StringEquals":{"s3:prefix":"app/"}}}`,
    );
  });

  it('an explicit deny in an SCP names the level, the statement and its condition', () => {
    // An explicit deny in any SCP overrides every allow (reference_policies_evaluation-logic_policy-eval-denyallow.html).
    const deny = {
      Sid: 'DenyOutsideFrankfurt',
      Effect: 'Deny',
      Action: 's3:*',
      Resource: '*',
      Condition: { StringNotEquals: { 'aws:RequestedRegion': 'eu-central-1' } },
    };
    const ou = policy('RegionLock', [deny], 'org/region-lock.json');
    // A bucket's Region is not in its ARN (permissions-region.test.ts): the line gives the one the call is sent to.
    const lines = `s3:PutObject ${BUCKET}/* aws:RequestedRegion=eu-west-1`;
    const f = only({ lines, inventory: { scps: [[FULL_ACCESS], [FULL_ACCESS, ou]] } });
    expect(f).toMatchObject({ status: 'fail', decisionPoint: 'scp', class: 'explicit-deny', wouldReturn: 403 });
    expect(f.evidence).toMatchObject({
      layer: 'scp',
      level: 1,
      statements: ['RegionLock statement 0 (Sid "DenyOutsideFrankfurt")'],
    });
    expect(f.fix).toContain('{"StringNotEquals":{"aws:RequestedRegion":"eu-central-1"}}');
    expect(f.fix).toContain('organization policy');
    expect(f.location).toEqual({ file: 'org/region-lock.json', line: 7 });
  });

  it('an SCP level without an allow denies implicitly', () => {
    const ec2Only = policy('Ec2Only', [allow('ec2:*')]);
    const f = only({ lines: `s3:PutObject ${BUCKET}/*`, inventory: { scps: [[FULL_ACCESS], [ec2Only]] } });
    expect(f).toMatchObject({ decisionPoint: 'scp', class: 'implicit-deny', evidence: { level: 1 } });
    expect(f.fix).toContain('organization level 1');
  });

  it('a permissions boundary without the action', () => {
    // Effective permissions are the intersection of identity policies and the boundary (access_policies_boundaries.html).
    const boundary = policy('DeployBoundary', [allow('s3:GetObject', '*')], 'iam/boundary.json');
    const f = only({ role: role({ permissionsBoundary: boundary }), lines: `s3:PutObject ${BUCKET}/*` });
    expect(f).toMatchObject({ decisionPoint: 'permissions-boundary', class: 'implicit-deny' });
    expect(f.fix).toContain('to the permissions boundary DeployBoundary');
    expect(f.location).toEqual({ file: 'iam/boundary.json', line: 7 });
  });

  it('a session policy that narrows too far', () => {
    // A session's permissions are the intersection of the role's policies and the session policy
    // (access_policies.html#policies_session).
    const inline = policy('inline-session-policy', [allow('s3:GetObject', `${BUCKET}/*`)]);
    const f = only({ settings: { inlineSessionPolicy: inline }, lines: `s3:PutObject ${BUCKET}/*` });
    expect(f).toMatchObject({ decisionPoint: 'session-policy', class: 'implicit-deny' });
    expect(f.fix).toContain('inline-session-policy');
  });

  it('a KMS key policy that does not grant the role: key policies must grant explicitly', () => {
    // https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html
    const r = role({ inlinePolicies: [policy('deploy', [allow('kms:Decrypt', KEY)])] });
    const keyPolicy = policy('default', [
      { ...allow('kms:*'), Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/admin` } },
    ]);
    const inventory = { resourcePolicies: [{ resourceArn: KEY, policy: keyPolicy }] };
    const f = only({ role: r, inventory, lines: `kms:Decrypt ${KEY} kms:ViaService=s3.eu-west-1.amazonaws.com` });
    expect(f).toMatchObject({ decisionPoint: 'resource-policy', class: 'implicit-deny', wouldReturn: 403 });
    expect(f.fix).toContain(
      `{"Effect":"Allow","Principal":{"AWS":"${ROLE_ARN}"},"Action":"kms:Decrypt","Resource":"*"}`,
    );
    expect(f.docUrl).toContain('kms');
  });

  it('a KMS key policy that delegates to the account lets the identity policy grant', () => {
    const r = role({ inlinePolicies: [policy('deploy', [allow('kms:Decrypt', KEY)])] });
    const keyPolicy = policy('default', [{ ...allow('kms:*'), Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` } }]);
    const inventory = { resourcePolicies: [{ resourceArn: KEY, policy: keyPolicy }] };
    expect(only({ role: r, inventory, lines: `kms:Decrypt ${KEY}` }).status).toBe('pass');
  });

  it('a KMS key whose policy was not given cannot be verified', () => {
    const r = role({ inlinePolicies: [policy('deploy', [allow('kms:Decrypt', KEY)])] });
    expect(only({ role: r, lines: `kms:Decrypt ${KEY}` })).toMatchObject({
      status: 'unverified',
      class: 'resource-policy-unknown',
    });
  });

  it('a bucket policy covers the objects of its bucket', () => {
    const bucketPolicy = policy('site-bucket policy', [
      { Sid: 'NoDeletes', Effect: 'Deny', Principal: '*', Action: 's3:PutObject', Resource: `${BUCKET}/*` },
    ]);
    const inventory = { resourcePolicies: [{ resourceArn: BUCKET, policy: bucketPolicy }] };
    const f = only({ inventory, lines: `s3:PutObject ${BUCKET}/index.html` });
    expect(f).toMatchObject({ decisionPoint: 'resource-policy', class: 'explicit-deny' });
    expect(f.fix).toContain('without a condition');
  });

  it('an RCP deny on s3', () => {
    // RCPs apply to the resources of supported services, whoever calls (orgs_manage_policies_rcps.html).
    const perimeter = policy('DataPerimeter', [
      {
        Sid: 'OnlyOurAccounts',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: '*',
        Condition: { StringNotEqualsIfExists: { 'aws:PrincipalAccount': '222222222222' } },
      },
    ]);
    const f = only({ lines: `s3:PutObject ${BUCKET}/*`, inventory: { rcps: [[RCP_FULL_ACCESS, perimeter]] } });
    expect(f).toMatchObject({ decisionPoint: 'rcp', class: 'explicit-deny', evidence: { level: 0 } });
  });

  it('applies RCPs only to services the catalog says support them', () => {
    const denyAll = policy('DenyAll', [{ Effect: 'Deny', Principal: '*', Action: '*', Resource: '*' }]);
    const fn = `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:site`;
    const r = role({ inlinePolicies: [policy('deploy', [allow('lambda:InvokeFunction', fn), allow('s3:*')])] });
    const inventory = { rcps: [[RCP_FULL_ACCESS, denyAll]] };
    const [lambda, s3] = check({ role: r, inventory, lines: `lambda:InvokeFunction ${fn}\ns3:PutObject ${BUCKET}/x` });
    expect(lambda?.status).toBe('pass');
    expect(s3).toMatchObject({ status: 'fail', decisionPoint: 'rcp' });
  });
});

describe('checkPermissions: the derived request context', () => {
  const inRegion = (region: string) =>
    role({
      inlinePolicies: [
        policy('deploy', [
          allow(['s3:PutObject', 'kms:Decrypt'], '*', {
            Sid: 'InRegion',
            Condition: { StringEquals: { 'aws:RequestedRegion': region } },
          }),
        ]),
      ],
    });

  it('aws:RequestedRegion is the configured region when the resource is `*`', () => {
    const listAll = role({
      inlinePolicies: [
        policy('deploy', [
          allow('s3:ListAllMyBuckets', '*', { Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } }),
        ]),
      ],
    });
    expect(only({ role: listAll, lines: 's3:ListAllMyBuckets *' }).status).toBe('pass');
    expect(only({ role: listAll, lines: 's3:ListAllMyBuckets *', settings: { region: 'us-east-2' } })).toMatchObject({
      status: 'fail',
      decisionPoint: 'identity-policy',
    });
  });

  it("aws:RequestedRegion is the resource's region when the ARN has one; the near miss is named", () => {
    const key = `arn:aws:kms:us-east-1:${ACCOUNT}:key/abcd`;
    const keyPolicy = policy('default', [{ ...allow('kms:*'), Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` } }]);
    const f = only({
      role: inRegion('eu-west-1'),
      inventory: { resourcePolicies: [{ resourceArn: key, policy: keyPolicy }] },
      lines: `kms:Decrypt ${key}`,
    });
    expect(f).toMatchObject({ status: 'fail', class: 'implicit-deny' });
    expect(f.message).toContain(
      'deploy statement 0 (Sid "InRegion") allows it only under StringEquals aws:RequestedRegion, and the request has aws:RequestedRegion=us-east-1',
    );
    expect(f.evidence.context).toContain('aws:RequestedRegion=us-east-1');
  });

  it('derives the principal keys, the time and aws:PrincipalTag from role and session tags', () => {
    const f = only({
      lines: `s3:PutObject ${BUCKET}/*`,
      role: role({ tags: { team: 'web' } }),
      settings: { sessionTags: { env: 'prod' } },
    });
    expect(f.evidence.context).toEqual(
      expect.arrayContaining([
        `aws:PrincipalArn=${ROLE_ARN}`,
        `aws:PrincipalAccount=${ACCOUNT}`,
        'aws:PrincipalType=AssumedRole',
        'aws:SecureTransport=true',
        'aws:CurrentTime=2026-03-01T12:00:00Z',
        `aws:EpochTime=${NOW}`,
        'aws:PrincipalTag/team=web',
        'aws:PrincipalTag/env=prod',
      ]),
    );
  });

  it("the permission's own key=value pairs override derived keys", () => {
    const f = only({ role: inRegion('eu-west-1'), lines: `s3:PutObject ${BUCKET}/* aws:RequestedRegion=ap-south-1` });
    expect(f.status).toBe('fail');
  });

  it('a decision that turns on a key the preflight cannot know is unverified, not failed', () => {
    const vpcOnly = role({
      inlinePolicies: [
        policy('deploy', [allow('s3:PutObject', '*', { Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-1' } } })]),
      ],
    });
    expect(only({ role: vpcOnly, lines: `s3:PutObject ${BUCKET}/*` })).toMatchObject({
      status: 'unverified',
      class: 'context-key-unknown',
      evidence: { unknownKey: 'aws:SourceVpc' },
    });
    expect(only({ role: vpcOnly, lines: `s3:PutObject ${BUCKET}/* aws:SourceVpc=vpc-1` }).status).toBe('pass');
    expect(
      only({ role: vpcOnly, lines: `s3:PutObject ${BUCKET}/*`, context: { 'aws:SourceVpc': 'vpc-2' } }),
    ).toMatchObject({
      status: 'fail',
      cause: 'changed-trust-or-network-rule',
    });
  });
});

// A pass must not rest on a key the preflight cannot know: a condition on such a key sees it absent here, but the
// deploy's request may carry it. "If the key that you specify in a policy condition is not present in the request
// context, the values do not match" (reference_policies_elements_condition_operators.html): absent is not the same
// as unknown, so an allow is re-checked with those conditions at their worst.
describe('checkPermissions: an allow that unknown keys could turn into a denial', () => {
  const deny = (Condition: Statement) => ({ Effect: 'Deny', Action: 's3:*', Resource: '*', Condition });
  const withDeny = (Condition: Statement) =>
    role({
      inlinePolicies: [deployPolicy, policy('guard', [{ Sid: 'OfficeOnly', ...deny(Condition) }], 'iam/guard.json')],
    });
  const sourceIpDeny = withDeny({ IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } });

  it('a Deny on aws:SourceIp makes the allow unverified, naming the key and the statement', () => {
    const f = only({ role: sourceIpDeny, lines: `s3:PutObject ${BUCKET}/site.js` });
    expect(f).toMatchObject({
      status: 'unverified',
      class: 'context-key-unknown',
      decisionPoint: 'identity-policy',
      evidence: {
        unknownKey: 'aws:SourceIp',
        unknownKeys: ['aws:SourceIp'],
        statements: ['guard statement 0 (Sid "OfficeOnly")'],
      },
    });
    expect(f.message).toContain('denies it for some values of aws:SourceIp');
    expect(f.fix).toContain('add aws:SourceIp=VALUE to');
    expect(f.location?.file).toBe('iam/guard.json');
  });

  it('with the key given, the allow is decided: outside the range it passes, inside it fails', () => {
    expect(only({ role: sourceIpDeny, lines: `s3:PutObject ${BUCKET}/site.js aws:SourceIp=203.0.113.9` }).status).toBe(
      'pass',
    );
    expect(
      only({ role: sourceIpDeny, lines: `s3:PutObject ${BUCKET}/site.js`, context: { 'aws:SourceIp': '10.1.2.3' } }),
    ).toMatchObject({
      status: 'fail',
      class: 'explicit-deny',
    });
  });

  it('a Deny whose known conditions already fail is no doubt: the allow passes', () => {
    const other = withDeny({
      IpAddress: { 'aws:SourceIp': '10.0.0.0/8' },
      StringEquals: { 'aws:PrincipalType': 'User' },
    });
    expect(only({ role: other, lines: `s3:PutObject ${BUCKET}/site.js` }).status).toBe('pass');
  });

  it('an allow that rests on an ...IfExists condition over an unknown key is unverified', () => {
    const ifExists = role({
      inlinePolicies: [
        policy('deploy', [
          allow('s3:PutObject', `${BUCKET}/*`, { Condition: { StringEqualsIfExists: { 'aws:SourceVpc': 'vpc-1' } } }),
        ]),
      ],
    });
    const f = only({ role: ifExists, lines: `s3:PutObject ${BUCKET}/site.js` });
    expect(f).toMatchObject({
      status: 'unverified',
      class: 'context-key-unknown',
      evidence: { unknownKey: 'aws:SourceVpc' },
    });
    expect(f.message).toContain('the allow rests on conditions on aws:SourceVpc');
    expect(only({ role: ifExists, lines: `s3:PutObject ${BUCKET}/site.js aws:SourceVpc=vpc-1` }).status).toBe('pass');
  });

  it('a key the preflight derives is known: a Deny on aws:SecureTransport false does not make the allow unverified', () => {
    const tls = withDeny({ Bool: { 'aws:SecureTransport': 'false' } });
    expect(only({ role: tls, lines: `s3:PutObject ${BUCKET}/site.js` }).status).toBe('pass');
  });
});

// A permission's resource with `*` stands for every resource the deploy may touch (`aws s3 sync` writes any key
// under the bucket): an Allow must cover them all, and a Deny that meets any of them denies part of the deploy.
describe('checkPermissions: a resource with wildcards stands for every resource it matches', () => {
  const denySecret = role({
    inlinePolicies: [
      deployPolicy,
      policy('guard', [{ Sid: 'NoSecrets', Effect: 'Deny', Action: 's3:*', Resource: `${BUCKET}/secret/*` }]),
    ],
  });
  const assetsOnly = role({ inlinePolicies: [policy('deploy', [allow('s3:PutObject', `${BUCKET}/assets/*`)])] });

  it('a Deny on part of the objects fails the whole pattern, naming the Deny', () => {
    const f = only({ role: denySecret, lines: `s3:PutObject ${BUCKET}/*` });
    expect(f).toMatchObject({
      status: 'fail',
      class: 'explicit-deny',
      evidence: { statements: ['guard statement 0 (Sid "NoSecrets")'] },
    });
    expect(only({ role: denySecret, lines: `s3:PutObject ${BUCKET}/public/*` }).status).toBe('pass');
    expect(only({ role: denySecret, lines: `s3:PutObject ${BUCKET}/secret/key.txt` }).status).toBe('fail');
  });

  it('an Allow on part of the objects does not grant the whole pattern', () => {
    expect(only({ role: assetsOnly, lines: `s3:PutObject ${BUCKET}/*` })).toMatchObject({
      status: 'fail',
      class: 'implicit-deny',
    });
    expect(only({ role: assetsOnly, lines: `s3:PutObject ${BUCKET}/assets/*` }).status).toBe('pass');
    expect(only({ role: assetsOnly, lines: `s3:PutObject ${BUCKET}/assets/app.js` }).status).toBe('pass');
  });

  it('NotResource: a Deny outside a prefix meets a pattern wider than the prefix', () => {
    const outsidePublic = role({
      inlinePolicies: [
        deployPolicy,
        policy('guard', [{ Effect: 'Deny', Action: 's3:*', NotResource: `${BUCKET}/public/*` }]),
      ],
    });
    expect(only({ role: outsidePublic, lines: `s3:PutObject ${BUCKET}/*` }).status).toBe('fail');
    expect(only({ role: outsidePublic, lines: `s3:PutObject ${BUCKET}/public/*` }).status).toBe('pass');
  });
});

describe('checkPermissions: policies that cannot be read', () => {
  it('a managed session policy that is not known makes an allow unverified, with its own finding', () => {
    const arn = `arn:aws:iam::${ACCOUNT}:policy/narrow`;
    const findings = check({ settings: { managedSessionPolicyArns: [arn] }, lines: `s3:PutObject ${BUCKET}/*` });
    expect(findings.map((f) => [f.class, f.status])).toEqual([
      ['session-policy-unreadable', 'unverified'],
      ['session-policy-unknown', 'unverified'],
    ]);
  });

  it('an invalid policy gets a finding and makes every permission unverified', () => {
    const broken = policy('broken', [{ Effect: 'allow', Action: 's3:*', Resource: '*' }], 'iam/broken.json');
    const findings = check({ role: role({ managedPolicies: [broken] }), lines: `s3:PutObject ${BUCKET}/*` });
    expect(findings.map((f) => [f.class, f.status])).toEqual([
      ['invalid-policy', 'unverified'],
      ['incomplete-policies', 'unverified'],
    ]);
    expect(findings[0]?.location).toEqual({ file: 'iam/broken.json', line: 7 });
  });

  it('an invalid resource policy makes only the permissions it governs unverified', () => {
    const broken = policy('site-bucket policy', [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]);
    const inventory = {
      resourcePolicies: [{ resourceArn: BUCKET, policy: broken }],
      resourcesWithoutPolicy: ['arn:aws:s3:::other'],
    };
    const findings = check({
      role: role({ inlinePolicies: [policy('deploy', [allow('s3:*')])] }),
      inventory,
      lines: `s3:PutObject ${BUCKET}/a\ns3:PutObject ${BUCKET}/b\ns3:PutObject arn:aws:s3:::other/c`,
    });
    // A resource policy needs a Principal (reference_policies_elements_principal.html); it is reported once.
    expect(findings.map((f) => [f.class, f.status])).toEqual([
      ['invalid-policy', 'unverified'],
      ['incomplete-policies', 'unverified'],
      ['incomplete-policies', 'unverified'],
      ['ok', 'pass'],
    ]);
  });
});

describe('checkPermissions: sts:AssumeRole into a role of the inventory', () => {
  // A role's trust policy is its resource-based policy for sts:AssumeRole
  // (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html).
  const OTHER = `arn:aws:iam::${ACCOUNT}:role/other`;
  const assumer = role({ inlinePolicies: [policy('deploy', [allow('sts:AssumeRole', OTHER)])] });
  const trusting = (principal: string) =>
    roleModel(OTHER, {
      trustPolicy: policy('other/trust', [
        { Effect: 'Allow', Principal: { AWS: principal }, Action: 'sts:AssumeRole' },
      ]),
    });

  it("reads the other role's trust policy as the resource policy: a trust that names the role passes", () => {
    const f = only({
      role: assumer,
      inventory: { roles: [assumer, trusting(ROLE_ARN)] },
      lines: `sts:AssumeRole ${OTHER}`,
    });
    expect(f.status).toBe('pass');
  });

  it('a trust that does not name the role is the denial, at the resource policy', () => {
    const inventory = { roles: [assumer, trusting(`arn:aws:iam::${ACCOUNT}:role/admin`)] };
    const f = only({ role: assumer, inventory, lines: `sts:AssumeRole ${OTHER}` });
    expect(f).toMatchObject({ status: 'fail', decisionPoint: 'resource-policy' });
  });

  it('a role whose trust two files give differently decides neither way: unverified, whichever file came first', () => {
    for (const [first, second] of [
      [ROLE_ARN, `arn:aws:iam::${ACCOUNT}:role/admin`],
      [`arn:aws:iam::${ACCOUNT}:role/admin`, ROLE_ARN],
    ] as const) {
      const conflicted = { ...trusting(first), conflictingTrust: trusting(second).trustPolicy };
      const f = only({ role: assumer, inventory: { roles: [assumer, conflicted] }, lines: `sts:AssumeRole ${OTHER}` });
      expect(f.status).toBe('unverified');
    }
  });

  it('a role not in the inventory asks for its trust policy, not a KMS key policy', () => {
    const f = only({ role: assumer, lines: `sts:AssumeRole arn:aws:iam::222222222222:role/elsewhere` });
    expect(f.status).toBe('unverified');
    expect(f.fix).toContain('aws iam get-role --role-name elsewhere');
    expect(f.fix).not.toContain('kms');
  });
});

describe('checkPermissions: a context key declared absent (!key)', () => {
  // A Null condition is true when the request has no such key
  // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Null).
  const requireSse = policy('RequireSSE', [
    {
      Sid: 'DenyUnencrypted',
      Effect: 'Deny',
      Action: 's3:PutObject',
      Resource: '*',
      Condition: { Null: { 's3:x-amz-server-side-encryption': 'true' } },
    },
  ]);
  const inventory = { scps: [[FULL_ACCESS, requireSse]] };

  it('without a declaration the key is unknown, so the permission is unverified', () => {
    const f = only({ inventory, lines: `s3:PutObject ${BUCKET}/*` });
    expect(f).toMatchObject({ status: 'unverified', class: 'context-key-unknown' });
  });

  it('declared absent, the Null condition holds and the SCP denies', () => {
    const f = only({ inventory, lines: `s3:PutObject ${BUCKET}/* !s3:x-amz-server-side-encryption` });
    expect(f).toMatchObject({ status: 'fail', class: 'explicit-deny', decisionPoint: 'scp' });
  });

  it('a derived key declared absent is taken out of the context', () => {
    const f = only({
      inventory,
      lines: `s3:PutObject ${BUCKET}/* s3:x-amz-server-side-encryption=AES256 !aws:SecureTransport`,
    });
    expect(f.status).toBe('pass');
    expect(f.evidence.context).not.toContainEqual(expect.stringContaining('aws:SecureTransport'));
  });
});

describe('checkPermissions: the owner of an S3 bucket', () => {
  // examples/site/aws/resource-policies/acme-site-www.json: the CloudFront origin access control statement and
  // DenyInsecureTransport of AWS's examples. An S3 ARN names no account: the file's AccountId gives the owner.
  const site = JSON.parse(
    readFileSync(new URL('../../examples/site/aws/resource-policies/acme-site-www.json', import.meta.url), 'utf8'),
  );
  const bucketPolicy = (accountId?: string) => ({
    resourceArn: BUCKET,
    ...(accountId ? { accountId } : {}),
    policy: { name: BUCKET, document: JSON.parse(site.Policy), file: 'resource-policies/site-bucket.json' },
  });

  it('without AccountId, an identity Allow the bucket policy does not grant is unverified, never a pass', () => {
    const f = only({ inventory: { resourcePolicies: [bucketPolicy()] }, lines: `s3:PutObject ${BUCKET}/*` });
    expect(f).toMatchObject({
      status: 'unverified',
      class: 'resource-owner-unknown',
      decisionPoint: 'resource-policy',
    });
    expect(f.message).toContain(
      `Owned by the caller's account ${ACCOUNT}: allowed; owned by another account: implicit-deny`,
    );
    expect(f.fix).toContain('"AccountId": "OWNER"');
  });

  it('with AccountId the role account: a pass; another account: the bucket policy must grant, implicit-deny', () => {
    const own = only({ inventory: { resourcePolicies: [bucketPolicy(ACCOUNT)] }, lines: `s3:PutObject ${BUCKET}/*` });
    expect(own).toMatchObject({ status: 'pass', class: 'ok' });
    const other = only({
      inventory: { resourcePolicies: [bucketPolicy('222222222222')] },
      lines: `s3:PutObject ${BUCKET}/*`,
    });
    expect(other).toMatchObject({ status: 'fail', class: 'implicit-deny', decisionPoint: 'resource-policy' });
  });
});

describe('checkPermissions: a Deny that applies whatever the unknown keys are', () => {
  // DenyUnEncryptedObjectUploads, from https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingServerSideEncryption.html,
  // beside an unconditional Deny on a prefix the deploy's pattern meets.
  const bucketPolicy = {
    resourceArn: BUCKET,
    accountId: ACCOUNT,
    policy: policy('site-bucket policy', [
      {
        Sid: 'DenyPrivatePrefix',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:PutObject',
        Resource: `${BUCKET}/private/*`,
      },
      {
        Sid: 'DenyUnEncryptedObjectUploads',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:PutObject',
        Resource: `${BUCKET}/*`,
        Condition: { Null: { 's3:x-amz-server-side-encryption': 'true' } },
      },
    ]),
  };

  it('decides: explicit-deny naming it, not unverified for the other Deny unknown key', () => {
    const f = only({ inventory: { resourcePolicies: [bucketPolicy] }, lines: `s3:PutObject ${BUCKET}/*` });
    expect(f).toMatchObject({ status: 'fail', class: 'explicit-deny', decisionPoint: 'resource-policy' });
    expect(f.message).toBe(
      'Explicitly denied by resource-based policy: site-bucket policy statement 0 (Sid "DenyPrivatePrefix").',
    );
    expect(f.evidence.statements).toEqual(['site-bucket policy statement 0 (Sid "DenyPrivatePrefix")']);
  });

  it('alone, the Deny on the unknown key leaves the call unverified', () => {
    const { Statement } = bucketPolicy.policy.document as { Statement: Statement[] };
    const onlyEncryption = { ...bucketPolicy, policy: policy('site-bucket policy', Statement.slice(1)) };
    const f = only({ inventory: { resourcePolicies: [onlyEncryption] }, lines: `s3:PutObject ${BUCKET}/*` });
    expect(f).toMatchObject({ status: 'unverified', class: 'context-key-unknown' });
  });
});

describe('checkPermissions: a layer not read is not an empty layer', () => {
  // SCPs and RCPs can only deny; within one account a resource policy can still deny what the identity side allows
  // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).
  const unread = { scps: undefined, rcps: undefined } as unknown as Partial<AwsInventory>;

  it('without SCPs or RCPs an allow is layer-not-read at the SCPs, naming both and how to give them', () => {
    const f = only({ inventory: unread, lines: `s3:PutObject ${BUCKET}/*` });
    expect(f).toMatchObject({ status: 'unverified', class: 'layer-not-read', decisionPoint: 'scp' });
    expect(f.evidence.notRead).toEqual(['SCPs', 'RCPs']);
    expect(f.fix).toContain('organizations: none');
    expect(f.fix).toContain('describe-policy');
  });

  it('organizations: none declares both absent: the allow passes, and the evidence says what was declared', () => {
    // A queue of the role's account (its ARN names it): a bucket declared without a policy has no known owner.
    const queue = `arn:aws:sqs:eu-west-1:${ACCOUNT}:deploys`;
    const f = only({
      role: role({ inlinePolicies: [policy('deploy', [allow('sqs:SendMessage', queue)])] }),
      inventory: unread,
      declaredAbsent: { organizations: 'none', noResourcePolicy: ['*'] },
      lines: `sqs:SendMessage ${queue}`,
    });
    expect(f.status).toBe('pass');
    expect(f.evidence.declaredAbsent).toEqual([
      'SCPs (organizations: none)',
      'RCPs (organizations: none)',
      'resource policy (no-resource-policy: *)',
    ]);
  });

  it('RCPs not read matter only for services that support RCPs', () => {
    const r = role({ inlinePolicies: [policy('deploy', [allow('ec2:DescribeInstances')])] });
    const f = only({
      role: r,
      inventory: { rcps: undefined } as unknown as Partial<AwsInventory>,
      lines: 'ec2:DescribeInstances *',
    });
    expect(f.status).toBe('pass');
  });

  it('a bucket whose policy was not read is layer-not-read at the resource policy, unless declared without one', () => {
    const notRead = { resourcesWithoutPolicy: [] };
    const f = only({ declaredAbsent: null, inventory: notRead, lines: `s3:PutObject ${BUCKET}/*` });
    expect(f).toMatchObject({ status: 'unverified', class: 'layer-not-read', decisionPoint: 'resource-policy' });
    expect(f.fix).toContain('no-resource-policy');
    // Declared without a policy, the bucket is the role account's own (the declaration states it: its ARN names no
    // account, and one of another account is given by its policy file with its AccountId).
    const declared = only({
      declaredAbsent: { noResourcePolicy: [BUCKET] },
      inventory: notRead,
      lines: `s3:PutObject ${BUCKET}/*`,
    });
    expect(declared).toMatchObject({ status: 'pass' });
    // In a job holding roles of several accounts (a chain across accounts), the declaration names no owner.
    const chained = only({
      declaredAbsent: { noResourcePolicy: [BUCKET], ownerNotDeclared: true },
      inventory: notRead,
      lines: `s3:PutObject ${BUCKET}/*`,
    });
    expect(chained).toMatchObject({ status: 'unverified', class: 'resource-owner-unknown' });
    const other = only({
      declaredAbsent: { noResourcePolicy: ['arn:aws:s3:::other'] },
      inventory: notRead,
      lines: `s3:PutObject ${BUCKET}/*`,
    });
    expect(other.class).toBe('layer-not-read');
  });

  it('a declaration does not pass a resource of another account: only its policy could grant the call', () => {
    const queue = 'arn:aws:sqs:eu-west-1:222222222222:deploys';
    const r = role({ inlinePolicies: [policy('deploy', [allow('sqs:SendMessage', queue)])] });
    const f = only({ role: r, declaredAbsent: { noResourcePolicy: ['*'] }, lines: `sqs:SendMessage ${queue}` });
    // The engine sees the queue's account in its ARN: without the queue's policy the call is not granted.
    expect(f).toMatchObject({
      status: 'unverified',
      class: 'resource-policy-unknown',
      decisionPoint: 'resource-policy',
    });
  });

  it("a Lambda layer's policy, which only grants, decides nothing for a role of the layer's account; across accounts it must grant", () => {
    // The layer of aws-powertools/powertools-lambda-typescript's .github/workflows/publish_layer.yml
    // (aws lambda get-layer-version-by-arn), read by a role of its own account and of another.
    const layer = (account: string) => `arn:aws:lambda:us-east-1:${account}:layer:AWSLambdaPowertoolsTypeScriptV2:*`;
    const r = (arn: string) => role({ inlinePolicies: [policy('read', [allow('lambda:GetLayerVersion', arn)])] });
    const own = only({
      role: r(layer(ACCOUNT)),
      declaredAbsent: { organizations: 'none' },
      lines: `lambda:GetLayerVersion ${layer(ACCOUNT)}`,
    });
    expect(own.status).toBe('pass');
    const other = only({
      role: r(layer('222222222222')),
      declaredAbsent: { organizations: 'none' },
      lines: `lambda:GetLayerVersion ${layer('222222222222')}`,
    });
    expect(other).toMatchObject({ status: 'unverified', class: 'resource-policy-unknown' });
    expect(other.fix).toContain(
      'aws lambda get-layer-version-policy --layer-name arn:aws:lambda:us-east-1:222222222222:layer:AWSLambdaPowertoolsTypeScriptV2 --version-number VERSION',
    );
  });

  it('a service without resource-based policies (CloudFront) is not flagged', () => {
    const dist = `arn:aws:cloudfront::${ACCOUNT}:distribution/E1`;
    const r = role({ inlinePolicies: [policy('deploy', [allow('cloudfront:CreateInvalidation', dist)])] });
    expect(only({ role: r, declaredAbsent: null, lines: `cloudfront:CreateInvalidation ${dist}` }).status).toBe('pass');
  });

  it('a denial stays a failure: an unread layer can only deny more', () => {
    const f = only({ inventory: unread, declaredAbsent: null, lines: `s3:DeleteObject ${BUCKET}/*` });
    expect(f).toMatchObject({ status: 'fail', class: 'implicit-deny' });
  });
});

describe('checkPermissions: an SCP file that could not be read', () => {
  // aws organizations describe-policy, as the CLI prints it:
  // https://docs.aws.amazon.com/organizations/latest/APIReference/API_DescribePolicy.html
  const scpFile = (dir: string) => `__tests__/fixtures/aws-cli/org/${dir}`;
  const read = (text: string, name: string, level: { order: number; name: string }) =>
    parseAwsFile(text, `scps/${level.name}/${name}`, { kind: 'org-policy', type: 'scp', level, baseName: name });

  it('leaves the SCP layer not read: the level is missing, not empty, so an allow is unverified', () => {
    const root = readFileSync(scpFile('0-root/scp-full-aws-access.json'), 'utf8');
    const account = readFileSync(scpFile('1-account-prod/scp-deny-outside-eu.json'), 'utf8');
    const broken = account.replace('"Content": "{', '"Content": "{,');
    const { inventory, findings } = assembleInventory([
      read(root, 'scp-full-aws-access', { order: 0, name: '0-root' }),
      read(broken, 'scp-deny-outside-eu', { order: 1, name: '1-account-prod' }),
    ]);
    expect(findings.map((f) => f.class)).toEqual(['invalid-policy-file']);
    expect(inventory.unreadOrgLayers).toEqual(['scp']);
    const f = only({
      inventory: { scps: inventory.scps ?? [], unreadOrgLayers: inventory.unreadOrgLayers ?? [] },
      lines: `s3:PutObject ${BUCKET}/*`,
    });
    expect(f).toMatchObject({ status: 'unverified', class: 'layer-not-read', decisionPoint: 'scp' });
    expect(f.evidence.notRead).toEqual(['SCPs']);
    const whole = only({ inventory: { scps: inventory.scps ?? [] }, lines: `s3:PutObject ${BUCKET}/*` });
    expect(whole.status).toBe('pass');
  });
});

// Where AWS's documentation and its observed behaviour read a policy two ways, the check takes the reading that
// denies and says the call is unverified, not failed (EvaluateOptions.reading in src/iam/index.ts).
describe('two readings of a policy (condition operators page, IfExists; policy variables page, no value)', () => {
  const tagDeny = policy('RequireTags', [
    allow('*'),
    {
      Sid: 'DenyUntagged',
      Effect: 'Deny',
      Action: 's3:PutObject',
      Resource: '*',
      Condition: { 'ForAnyValue:StringNotLikeIfExists': { 'aws:TagKeys': ['team', 'env'] } },
    },
  ]);

  it('an SCP Deny with ForAnyValue:…IfExists on an absent key: unverified, naming both readings', () => {
    const f = only({ lines: `s3:PutObject ${BUCKET}/index.html`, inventory: { scps: [[tagDeny]] } });
    expect([f.class, f.status, f.decisionPoint]).toEqual(['unsettled-reading', 'unverified', 'scp']);
    expect(f.message).toContain('Read the way that denies, the engine says explicit-deny; the other way, allowed.');
    expect(f.evidence.readings).toEqual([
      'RequireTags Statement[1].Condition.ForAnyValue:StringNotLikeIfExists.aws:TagKeys: ForAnyValue with IfExists on an absent key: the IfExists rule says it holds, the ForAnyValue rule says it does not',
    ]);
  });

  it('is decided as usual when the key is given: one reading', () => {
    const f = only({
      lines: `s3:PutObject ${BUCKET}/index.html aws:TagKeys=team`,
      inventory: { scps: [[tagDeny]] },
    });
    expect([f.class, f.status]).toEqual(['ok', 'pass']);
  });

  it('a NotResource Deny whose policy variable has no value: unverified', () => {
    const home = policy('Home', [
      {
        Effect: 'Deny',
        Action: 's3:PutObject',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a template
        NotResource: 'arn:aws:s3:::site-bucket/home/${aws:PrincipalTag/team}/*',
      },
    ]);
    const f = only({
      lines: `s3:PutObject ${BUCKET}/index.html`,
      role: role({ inlinePolicies: [deployPolicy, home] }),
    });
    expect([f.class, f.status, f.decisionPoint]).toEqual(['unsettled-reading', 'unverified', 'identity-policy']);
    expect(String(f.evidence.readings)).toContain('Home Statement[0].NotResource: a policy variable in NotResource');
  });

  it('fails as usual when both readings refuse the call: the reading does not matter', () => {
    // The identity policy allows no s3:PutObject: refused whichever way the SCP's Deny is read.
    const f = only({
      lines: `s3:PutObject ${BUCKET}/index.html !aws:TagKeys`,
      role: role({ inlinePolicies: [policy('read', [allow('s3:GetObject')])] }),
      inventory: { scps: [[tagDeny]] },
    });
    expect([f.class, f.status, f.decisionPoint]).toEqual(['explicit-deny', 'fail', 'scp']);
    expect(f.evidence.readings).toBeUndefined();
  });
});

describe('resourceUnknown: a call whose resource is not wholly known', () => {
  // ps-restrict-decryption.html: the key decides too; the AWS managed key aws/ssm grants Decrypt to the account.
  it("for KMS, the fix asks for the key's policy as well, and says what the AWS managed key grants", async () => {
    const catalog = await loadCatalog();
    const found = lookupAction(catalog, 'kms:Decrypt');
    const s3 = lookupAction(catalog, 's3:PutObject');
    if (found.status !== 'found' || s3.status !== 'found') throw new Error('no action');
    const p = {
      action: 'kms:Decrypt',
      resource: `arn:aws:kms:eu-west-1:${ACCOUNT}:key/*`,
      context: {},
      origin: 'inferred from w.yml:3',
    };
    const kms = resourceUnknown(
      { ...p, unknownParts: ['KeyId: the KMS key of the parameter'] },
      found.action,
      ROLE_ARN,
      { reason: '' },
      {},
    );
    expect(kms.fix).toContain("Give the key's policy as well");
    expect(kms.fix).toContain('aws/ssm');
    const put = resourceUnknown(
      { ...p, action: 's3:PutObject', resource: `${BUCKET}/*` },
      s3.action,
      ROLE_ARN,
      { reason: '' },
      {},
    );
    expect(put.fix).not.toContain("key's policy");
  });
});

describe('checkPermissions: iam:PassRole across accounts', () => {
  // id_roles_use_passrole.html: a role can be passed only to a service that shares its account.
  it('fails a role of another account whatever the policies allow, and passes one of the same account', () => {
    const r = role({ inlinePolicies: [policy('deploy', [allow('iam:PassRole', '*')])] });
    const other = only({ role: r, lines: 'iam:PassRole arn:aws:iam::222222222222:role/app-task' });
    expect(other).toMatchObject({ status: 'fail', class: 'cross-account-pass-role', wouldReturn: 403 });
    expect(other.message).toContain('Cross-account pass role is not allowed');
    expect(only({ role: r, lines: `iam:PassRole arn:aws:iam::${ACCOUNT}:role/app-task` }).status).toBe('pass');
  });
});
