/**
 * The cross-check against IAM's simulator, with the real engine and catalog and IAM's answers written out. Each
 * scenario names the simulator's documented behaviour that decides it
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_testing-policies.html).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/catalog/index.js';
import { crossCheckPermissions, type IamAnswer } from '../../src/checks/cross-check.js';
import { buildPermissionRequests, checkPermissions, type PermissionRequest } from '../../src/checks/permissions.js';
import { parsePermissions } from '../../src/config/permissions.js';
import type { AssumeRoleSettings, AwsInventory, PolicyDocument, RoleModel } from '../../src/model/aws.js';
import { loadCatalog } from '../../src/sources/catalog.js';
import { assumeRoleSettings, roleModel } from '../fixtures/aws-settings.js';

const ACCOUNT = '111111111111';
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/deploy`;
const BUCKET = 'arn:aws:s3:::site-bucket';
const KEY = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/abcd`;
const NOW = Date.UTC(2026, 2, 1, 12, 0, 0) / 1000;

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog();
});

type Statement = Record<string, unknown>;
const policy = (name: string, statements: Statement[]): PolicyDocument => ({
  name,
  document: { Version: '2012-10-17', Statement: statements },
});
const allow = (Action: string | string[], Resource = '*', extra: Statement = {}) => ({
  Effect: 'Allow',
  Action,
  Resource,
  ...extra,
});
const deny = (Action: string, Resource = '*', extra: Statement = {}) => ({
  ...allow(Action, Resource, extra),
  Effect: 'Deny',
});
const FULL_ACCESS = policy('FullAWSAccess', [allow('*')]);

function role(over: Partial<RoleModel> = {}): RoleModel {
  return roleModel(ROLE_ARN, {
    inlinePolicies: [policy('deploy', [allow(['s3:PutObject', 'kms:Decrypt'], `${BUCKET}/*`, { Sid: 'Upload' })])],
    ...over,
  });
}

const SETTINGS: AssumeRoleSettings = assumeRoleSettings(ROLE_ARN, { region: 'eu-west-1', sessionName: 'gh-run-1' });

interface Scenario {
  readonly lines: string;
  readonly role?: RoleModel;
  readonly settings?: Partial<AssumeRoleSettings>;
  readonly inventory?: Partial<AwsInventory>;
  /** IAM's answer per permission, in order; `null` for a call that failed. */
  readonly iam: readonly (IamAnswer | null)[];
}

const answer = (decision: IamAnswer['decision'], more: Partial<IamAnswer> = {}): IamAnswer => ({
  decision,
  matchedStatements: [],
  missingContextValues: [],
  ...more,
});

function inputOf(s: Scenario) {
  const parsed = parsePermissions(s.lines);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const r = s.role ?? role();
  const inventory: AwsInventory = { roles: [r], ...s.inventory };
  return {
    role: r,
    permissions: parsed.permissions,
    settings: { ...SETTINGS, ...s.settings },
    inventory,
    catalog,
    now: NOW,
  };
}

function crossCheck(s: Scenario) {
  const input = inputOf(s);
  const requests = buildPermissionRequests(input).filter((r): r is PermissionRequest => r !== undefined);
  const pairs = requests.map((request, i) => ({ request, answer: s.iam[i] ?? undefined }));
  return crossCheckPermissions({ role: input.role, scps: input.inventory.scps, pairs });
}

function only(s: Scenario) {
  const findings = crossCheck(s);
  expect(findings).toHaveLength(1);
  return findings[0] as NonNullable<(typeof findings)[0]>;
}

describe('crossCheckPermissions: agreement', () => {
  it('sums up agreement in one pass finding with the count and the layers compared', () => {
    const f = only({
      lines: `s3:PutObject ${BUCKET}/a\ns3:DeleteObject ${BUCKET}/a`,
      iam: [answer('allowed'), answer('implicitDeny')],
    });
    expect(f).toMatchObject({ id: 'cross-check:ok', status: 'pass', class: 'ok', evidence: { agreed: 2 } });
    expect(f.evidence.layersCompared).toEqual(['identity policies', 'permissions boundary']);
    expect(f.message).toContain('IAM does not simulate session policies, RCPs or');
  });

  it('compares without the session policy, which IAM cannot simulate', () => {
    // The engine's own check denies by the session policy; the cross-check compares identity and boundary only.
    const settings = { inlineSessionPolicy: policy('inline-session-policy', [allow('s3:GetObject', `${BUCKET}/*`)]) };
    const s: Scenario = { lines: `s3:PutObject ${BUCKET}/a`, settings, iam: [answer('allowed')] };
    expect(checkPermissions(inputOf(s))[0]).toMatchObject({ status: 'fail', decisionPoint: 'session-policy' });
    expect(only(s)).toMatchObject({ id: 'cross-check:ok' });
  });

  it("compares without resource policies, which IAM does not simulate for a role, nor KMS's key-policy rule", () => {
    const bucketPolicy = policy('bucket', [deny('s3:PutObject', `${BUCKET}/*`, { Principal: '*' })]);
    const inventory = { resourcePolicies: [{ resourceArn: BUCKET, policy: bucketPolicy }] };
    const r = role({ inlinePolicies: [policy('deploy', [allow(['s3:PutObject', 'kms:Decrypt'])])] });
    const f = only({
      lines: `s3:PutObject ${BUCKET}/a\nkms:Decrypt ${KEY}`,
      role: r,
      inventory,
      iam: [answer('allowed'), answer('allowed')],
    });
    expect(f).toMatchObject({ id: 'cross-check:ok', evidence: { agreed: 2 } });
  });

  it('mirrors the SCPs IAM evaluates: an SCP with a Condition is not one of them', () => {
    // "The policy simulator doesn't evaluate SCPs that have any conditions."
    const outsideEu = policy('DenyOutsideEu', [
      deny('*', '*', { Condition: { StringNotEquals: { 'aws:RequestedRegion': 'us-east-2' } } }),
    ]);
    const s: Scenario = {
      // A bucket's Region is not in its ARN: the line gives the one the call is sent to.
      lines: `s3:PutObject ${BUCKET}/a aws:RequestedRegion=eu-west-1`,
      inventory: { scps: [[FULL_ACCESS], [FULL_ACCESS, outsideEu]] },
      iam: [answer('allowed', { allowedByOrganizations: true })],
    };
    expect(checkPermissions(inputOf(s))[0]).toMatchObject({ status: 'fail', decisionPoint: 'scp' });
    const f = only(s);
    expect(f).toMatchObject({ id: 'cross-check:ok' });
    expect(f.evidence.layersCompared).toContain('SCPs');
  });

  it('agrees when both say an SCP denies', () => {
    const f = only({
      lines: `s3:PutObject ${BUCKET}/a`,
      inventory: { scps: [[FULL_ACCESS, policy('NoS3', [deny('s3:*')])]] },
      iam: [answer('explicitDeny', { allowedByOrganizations: false })],
    });
    expect(f.id).toBe('cross-check:ok');
  });
});

describe('crossCheckPermissions: disagreement fails closed and shows both answers', () => {
  it('an IAM allow where the engine denies', () => {
    const matched = [{ policyId: 'deploy', policyType: 'role', line: 3, column: 5 }];
    const f = only({
      lines: `s3:DeleteObject ${BUCKET}/a`,
      iam: [answer('allowed', { matchedStatements: matched, requestId: 'req-1' })],
    });
    expect(f).toMatchObject({
      id: `cross-check:s3:DeleteObject ${BUCKET}/a`,
      class: 'cross-check-disagreement',
      status: 'unverified',
      decisionPoint: 'identity-policy',
      evidence: { iamDecision: 'allowed', requestId: 'req-1', comparedLayer: 'identity' },
    });
    expect(f.message).toBe(
      'Our engine and IAM disagree, so this is treated as denied (fail closed). Our engine: implicit-deny by ' +
        'identity-policy; IAM SimulatePrincipalPolicy: allowed (matched statement deploy (role policy) at line 3, column 5).',
    );
    expect(f.fix).toContain('treat the permission as denied');
  });

  it('an engine allow where IAM denies, naming the granting statement', () => {
    const f = only({ lines: `s3:PutObject ${BUCKET}/a`, iam: [answer('implicitDeny')] });
    expect(f.message).toContain('Our engine: allowed (granted by deploy statement 0 (Sid "Upload"))');
    expect(f.message).toContain('IAM SimulatePrincipalPolicy: implicitDeny.');
  });

  it('an explicit deny against an implicit one', () => {
    const r = role({ inlinePolicies: [policy('deploy', [deny('s3:DeleteObject', '*', { Sid: 'NoDelete' })])] });
    const f = only({ lines: `s3:DeleteObject ${BUCKET}/a`, role: r, iam: [answer('implicitDeny')] });
    expect(f.message).toContain('explicit-deny by identity-policy (deploy statement 0 (Sid "NoDelete"))');
  });

  it('the permissions boundary: both deny, but not for the same reason', () => {
    const r = role({ permissionsBoundary: policy('Boundary', [allow('s3:GetObject')]) });
    const f = only({
      lines: `s3:PutObject ${BUCKET}/a`,
      role: r,
      iam: [answer('implicitDeny', { allowedByPermissionsBoundary: true })],
    });
    expect(f).toMatchObject({
      decisionPoint: 'permissions-boundary',
      evidence: { allowedByPermissionsBoundary: true },
    });
    expect(f.message).toContain('the permissions boundary denies on its own');
    const agreeing = { iam: [answer('implicitDeny', { allowedByPermissionsBoundary: false })] };
    expect(only({ lines: `s3:PutObject ${BUCKET}/a`, role: r, ...agreeing }).id).toBe('cross-check:ok');
  });

  it('an SCP deny IAM sees where no SCPs were given to the engine', () => {
    const f = only({
      lines: `s3:PutObject ${BUCKET}/a`,
      iam: [answer('implicitDeny', { allowedByOrganizations: false })],
    });
    expect(f).toMatchObject({
      decisionPoint: 'scp',
      status: 'unverified',
      evidence: { allowedByOrganizations: false },
    });
    expect(f.message).toContain('SCPs not evaluated: none were given');
    expect(f.message).toContain('its SCPs deny (AllowedByOrganizations false)');
    expect(f.fix).toContain('describe-policy');
  });

  it('SCP verdicts that differ, either way', () => {
    const scps = { scps: [[FULL_ACCESS, policy('NoS3', [deny('s3:*')])]] };
    const lines = `s3:PutObject ${BUCKET}/a`;
    const iamAllows = only({ lines, inventory: scps, iam: [answer('allowed', { allowedByOrganizations: true })] });
    expect(iamAllows).toMatchObject({ decisionPoint: 'scp', evidence: { comparedLayer: 'scp' } });
    expect(iamAllows.message).toContain('Our engine: explicit-deny by scp (NoS3 statement 0)');
    const full = { scps: [[FULL_ACCESS]] };
    const iamDenies = only({
      lines,
      inventory: full,
      iam: [answer('explicitDeny', { allowedByOrganizations: false })],
    });
    expect(iamDenies.message).toContain(
      'Our engine: the SCPs allow (identity policies and boundary: allowed (granted by deploy statement 0 (Sid "Upload")))',
    );
  });

  it('one finding per disagreeing permission, with numbered ids for repeats, and no pass summary', () => {
    const findings = crossCheck({
      lines: `s3:DeleteObject ${BUCKET}/a\ns3:DeleteObject ${BUCKET}/a aws:SourceIp=10.0.0.1\ns3:PutObject ${BUCKET}/a`,
      iam: [answer('allowed'), answer('allowed'), answer('allowed')],
    });
    expect(findings.map((f) => f.id)).toEqual([
      `cross-check:s3:DeleteObject ${BUCKET}/a`,
      `cross-check:s3:DeleteObject ${BUCKET}/a #2`,
    ]);
  });
});

describe('crossCheckPermissions: nothing to compare', () => {
  it('lists permissions IAM did not answer (their call failed and has its own finding)', () => {
    const f = only({ lines: `s3:PutObject ${BUCKET}/a\ns3:GetObject ${BUCKET}/b`, iam: [answer('allowed'), null] });
    expect(f.evidence).toMatchObject({ agreed: 1, notCompared: [`s3:GetObject ${BUCKET}/b`] });
  });

  it('says nothing when a role policy does not parse: the permissions check already fails closed', () => {
    const r = role({ inlinePolicies: [policy('broken', [{ Effect: 'Perhaps', Action: '*', Resource: '*' }])] });
    expect(crossCheck({ lines: `s3:PutObject ${BUCKET}/a`, role: r, iam: [answer('allowed')] })).toEqual([]);
  });

  it('says nothing when IAM answered nothing', () => {
    expect(crossCheck({ lines: `s3:PutObject ${BUCKET}/a`, iam: [null] })).toEqual([]);
  });
});
