/**
 * aws:RequestedRegion, "the AWS Region that was called in the request"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-requestedregion),
 * as the permissions check derives it. A call on an S3 bucket or object ends up at the bucket's Region: S3 redirects a
 * request that reaches another Region (https://docs.aws.amazon.com/AmazonS3/latest/API/UsingRouting.html), and the
 * bucket's ARN names no Region, so the key is unknown there. Global services are called at their single endpoint,
 * us-east-1 in the `aws` partition (same page, and reference_policies_examples_aws_deny-requested-region.html).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/catalog/index.js';
import { checkPermissions } from '../../src/checks/permissions.js';
import { parsePermissions } from '../../src/config/permissions.js';
import type { PolicyDocument } from '../../src/model/aws.js';
import { loadCatalog } from '../../src/sources/catalog.js';
import { assumeRoleSettings, policyDoc, roleModel } from '../fixtures/aws-settings.js';

const ACCOUNT = '111111111111';
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/deploy`;
const NOW = Date.UTC(2026, 2, 1, 12, 0, 0) / 1000;

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog();
});

const FULL_ACCESS = policyDoc('FullAWSAccess', [{ Effect: 'Allow', Action: '*', Resource: '*' }]);
/** The Region guardrail of AWS's example SCP: deny outside eu-west-1, global services exempt. */
const REGION_GUARD = policyDoc('DenyOutsideEU', [
  {
    Sid: 'DenyOutsideEU',
    Effect: 'Deny',
    NotAction: ['iam:*', 'cloudfront:*', 'route53:*', 'sts:*'],
    Resource: '*',
    Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1'] } },
  },
]);

function run(line: string, scps: PolicyDocument[][]) {
  const parsed = parsePermissions(line);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const role = roleModel(ROLE_ARN, {
    inlinePolicies: [policyDoc('deploy', [{ Effect: 'Allow', Action: '*', Resource: '*' }])],
  });
  const findings = checkPermissions({
    role,
    permissions: parsed.permissions,
    settings: assumeRoleSettings(ROLE_ARN, { region: 'eu-west-1', sessionName: 'gha' }),
    inventory: { roles: [role], scps, rcps: [] },
    catalog,
    now: NOW,
    declaredAbsent: { noResourcePolicy: ['*'] },
  });
  expect(findings).toHaveLength(1);
  return findings[0] as NonNullable<(typeof findings)[0]>;
}

describe('aws:RequestedRegion for S3 buckets and objects', () => {
  it('is unknown, not the configured Region: a Region guardrail leaves the call unverified', () => {
    const f = run('s3:PutObject arn:aws:s3:::cdn-origin-us-east-1/index.html', [[FULL_ACCESS, REGION_GUARD]]);
    expect(f).toMatchObject({ status: 'unverified', class: 'context-key-unknown', decisionPoint: 'scp' });
    expect(f.evidence.unknownKey).toBe('aws:RequestedRegion');
    expect(f.evidence.context).not.toEqual(expect.arrayContaining([expect.stringMatching(/^aws:RequestedRegion=/)]));
    // The fix says which Region an S3 call carries.
    expect(f.fix).toContain("the bucket's Region");
  });

  it('a policy that does not read the key is unaffected', () => {
    expect(run('s3:PutObject arn:aws:s3:::cdn-origin-us-east-1/index.html', [[FULL_ACCESS]]).status).toBe('pass');
  });

  it("the permission line's own aws:RequestedRegion decides it", () => {
    const object = 'arn:aws:s3:::cdn-origin-us-east-1/index.html';
    expect(run(`s3:PutObject ${object} aws:RequestedRegion=eu-west-1`, [[FULL_ACCESS, REGION_GUARD]]).status).toBe(
      'pass',
    );
    expect(run(`s3:PutObject ${object} aws:RequestedRegion=us-east-1`, [[FULL_ACCESS, REGION_GUARD]])).toMatchObject({
      status: 'fail',
      class: 'explicit-deny',
    });
  });

  it('a bucket-less S3 call (ListAllMyBuckets on `*`) is sent to the configured Region', () => {
    expect(run('s3:ListAllMyBuckets *', [[FULL_ACCESS, REGION_GUARD]]).status).toBe('pass');
  });

  it("an ARN that names its Region (an access point's) gives it, whatever the configured one", () => {
    const accessPoint = `arn:aws:s3:us-east-1:${ACCOUNT}:accesspoint/site`;
    expect(run(`s3:GetAccessPointPolicy ${accessPoint}`, [[FULL_ACCESS, REGION_GUARD]])).toMatchObject({
      status: 'fail',
      class: 'explicit-deny',
    });
  });
});

describe('aws:RequestedRegion for global services', () => {
  it('IAM is called in us-east-1 in the aws partition: a guardrail that does not exempt it denies', () => {
    const noExemption = policyDoc('DenyOutsideEU', [
      {
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: { StringNotEquals: { 'aws:RequestedRegion': 'eu-west-1' } },
      },
    ]);
    const f = run(`iam:GetRole arn:aws:iam::${ACCOUNT}:role/deploy`, [[FULL_ACCESS, noExemption]]);
    expect(f).toMatchObject({ status: 'fail', class: 'explicit-deny' });
    expect(f.evidence.context).toContain('aws:RequestedRegion=us-east-1');
  });
});

describe('a bucket being created, and the fix that gives a bucket its Region', () => {
  it('s3:CreateBucket goes to the Region the client calls, where the bucket is made (API_CreateBucket.html): decided on the configured one', () => {
    const f = run('s3:CreateBucket arn:aws:s3:::acme-new-bucket', [[FULL_ACCESS, REGION_GUARD]]);
    expect(f.status).toBe('pass');
  });

  it("the fix names the bucket's Region as the value to give, not a key the request may or may not carry", () => {
    const f = run('s3:PutObject arn:aws:s3:::acme-www/index.html', [[FULL_ACCESS, REGION_GUARD]]);
    expect(f.class).toBe('context-key-unknown');
    expect(f.fix).toMatch(/^Give the bucket's Region: add aws:RequestedRegion=<the bucket's Region, e\.g\. eu-west-1>/);
    expect(f.fix).not.toContain("If the deploy's request carries");
  });
});
