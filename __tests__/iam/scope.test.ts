/**
 * What a request's principal and resource say about which policies apply: an S3 bucket whose owner is not given
 * (its ARN names none), a service-linked role (SCPs and RCPs do not restrict it), the actions RCPs do not restrict,
 * and a NotPrincipal Deny against a principal with a permissions boundary. Each policy is AWS's own example, named
 * where it is used.
 */
import { describe, expect, it } from 'vitest';
import { rcpExemption } from '../../src/catalog/index.js';
import { parseSimulateInput, type SimulateResult, simulateCase } from '../../src/iam/simulate.js';
import { loadCatalog } from '../../src/sources/catalog.js';
import { DENY_ALL_OUTSIDE_EU, RCP_ENFORCE_IDENTITY_PERIMETER } from '../fixtures/org-policies.js';

const catalog = await loadCatalog();
const rcpExempt = (action: string) => rcpExemption(catalog, action);

function simulate(raw: unknown, options: Parameters<typeof simulateCase>[1] = {}): SimulateResult {
  const input = parseSimulateInput(raw);
  if (!input.ok) throw new Error(JSON.stringify(input.errors));
  return simulateCase(input.cases[0] as NonNullable<(typeof input.cases)[0]>, options);
}

const ALLOW_ALL = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

describe('an S3 bucket whose owner is not given', () => {
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies-cross-account-resource-access.html
  const upload = (over: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
    request: {
      principal: 'arn:aws:sts::222222222222:assumed-role/deploy/s',
      action: 's3:PutObject',
      resource: 'arn:aws:s3:::acme-site-www/index.html',
      ...over,
    },
    identityPolicies: [
      {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::acme-site-www/*' }],
      },
    ],
    ...extra,
  });

  it('is unknown when an identity Allow alone would decide it, naming the owner and how to give it', () => {
    const r = simulate(upload());
    expect(r.decision).toBe('unknown');
    expect(r.explanation.decidingLayer).toBe('resource');
    expect(r.explanation.reason).toContain('222222222222: allowed; owned by another account: implicit-deny');
    expect(r.explanation.reason).toContain('"resourceAccount"');
    expect(r.explanation.reason).toContain('"AccountId"');
  });

  it('is decided once the owner is given: the caller own account allows, another needs the bucket policy', () => {
    expect(simulate(upload({ resourceAccount: '222222222222' })).decision).toBe('allowed');
    expect(simulate(upload({ resourceAccount: '111122223333' })).decision).toBe('implicit-deny');
  });

  it('does not matter when the bucket policy grants the caller and its identity policy allows', () => {
    const resourcePolicy = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::222222222222:role/deploy' },
          Action: 's3:PutObject',
          Resource: 'arn:aws:s3:::acme-site-www/*',
        },
      ],
    };
    const r = simulate(upload({}, { resourcePolicy }));
    expect(r.decision).toBe('allowed');
    expect(r.explanation.notes.join(' ')).toContain('the decision is the same whichever account owns it');
  });
});

describe('RCPs restrict only the actions they support (the simulate command passes the catalog)', () => {
  const perimeter = RCP_ENFORCE_IDENTITY_PERIMETER.content as { Statement: object[] };
  const rcpFullAccess = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }],
  };
  const key = 'arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab';
  const kms = (action: string, resource = key) => ({
    request: {
      principal: 'arn:aws:sts::111111111111:assumed-role/partner/s',
      action,
      resource,
      context: { 'aws:PrincipalOrgID': 'o-partner', 'aws:PrincipalIsAWSService': 'false' },
    },
    identityPolicies: [ALLOW_ALL],
    // With Action "*" (the data-perimeter EnforceOrgIdentities shape): the KMS guide's "even if the Action element
    // specifies an asterisk", and every service's actions in reach.
    rcps: [[rcpFullAccess], [rcpFullAccess, { ...perimeter, Statement: [{ ...perimeter.Statement[0], Action: '*' }] }]],
    resourcePolicy: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'kms:*', Resource: '*' },
      ],
    },
  });

  it('kms:RetireGrant: not effective in an RCP, even under a wildcard', () => {
    const r = simulate(kms('kms:RetireGrant'), { rcpExempt });
    expect(r.decision).toBe('allowed');
    expect(r.explanation.notes.join(' ')).toContain('kms:RetireGrant is not effective in an RCP');
  });

  it('other KMS actions: the RCP denies', () => {
    expect(simulate(kms('kms:Decrypt'), { rcpExempt })).toMatchObject({
      decision: 'explicit-deny',
      explanation: { decidingLayer: 'rcp', decidingLevel: 1 },
    });
  });

  it('a service RCPs do not support: the RCP is not applied', () => {
    const r = simulate(kms('lambda:UpdateFunctionCode', 'arn:aws:lambda:us-east-1:111111111111:function:f'), {
      rcpExempt,
    });
    expect(r.decision).toBe('allowed');
    expect(r.explanation.notes.join(' ')).toContain('rcp-supported-services, and lambda is not one');
  });
});

describe('a service-linked role', () => {
  // AWS's DenyAllOutsideEU (ec2 is not among its NotAction).
  const denyOutsideEu = DENY_ALL_OUTSIDE_EU.content;
  const call = (principal: string) => ({
    request: {
      principal,
      action: 'ec2:CreateNetworkInterface',
      resource: '*',
      context: { 'aws:RequestedRegion': 'us-west-2' },
    },
    identityPolicies: [ALLOW_ALL],
    scps: [[ALLOW_ALL], [ALLOW_ALL, denyOutsideEu]],
  });

  it('is not restricted by SCPs (orgs_manage_policies_scps.html)', () => {
    const r = simulate(call('arn:aws:iam::111111111111:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS'));
    expect(r.decision).toBe('allowed');
    expect(r.explanation.notes.join(' ')).toContain('SCPs and RCPs do not restrict a service-linked role');
  });

  it('a role of another path is', () => {
    expect(simulate(call('arn:aws:iam::111111111111:role/deploy')).decision).toBe('explicit-deny');
  });
});

describe('a Deny with NotPrincipal against a principal with a permissions boundary', () => {
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
  const bucketPolicy = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Deny',
        NotPrincipal: {
          AWS: [
            'arn:aws:iam::111111111111:root',
            'arn:aws:iam::111111111111:role/deploy',
            'arn:aws:sts::111111111111:assumed-role/deploy/s1',
          ],
        },
        Action: 's3:*',
        Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'],
      },
    ],
  };
  const get = (boundary: boolean) => ({
    request: {
      principal: 'arn:aws:sts::111111111111:assumed-role/deploy/s1',
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::b/k',
      resourceAccount: '111111111111',
    },
    identityPolicies: [ALLOW_ALL],
    ...(boundary ? { permissionsBoundary: ALLOW_ALL } : {}),
    resourcePolicy: bucketPolicy,
  });

  it('denies it, and the explanation says why', () => {
    const r = simulate(get(true));
    expect(r.decision).toBe('explicit-deny');
    expect(r.explanation.notes.join(' ')).toContain('always denies a principal that has a permissions boundary');
  });

  it('without a boundary the named principal escapes, and nothing is noted', () => {
    const r = simulate(get(false));
    expect(r.decision).toBe('allowed');
    expect(r.explanation.notes.join(' ')).not.toContain('permissions boundary');
  });
});
