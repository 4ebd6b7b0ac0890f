/**
 * AWS scenarios with the layers past the role read live: the SCPs and RCPs from the loopback Organizations (AWS JSON
 * 1.1), the bucket policy from the loopback S3 (REST-XML), through the real SDK clients with the endpoint overrides
 * AWS_ENDPOINT_URL_ORGANIZATIONS and AWS_ENDPOINT_URL_S3
 * (https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html).
 */
import { expect } from 'vitest';
import type { PolicyServersOptions } from '../fixtures/aws-policy-servers.js';
import { denyDeleteBucketPolicy, orgWithRegionGuard } from '../fixtures/org-policies.js';
import {
  ACCOUNT,
  ALLOWED,
  type AwsScenario,
  type AwsWorld,
  BASE_FILES,
  type FindingShape,
  KEY_ARN,
  orgFromFixture,
  PROVIDER_OK,
  ROLE_ARN,
  SESSION_OK,
  SITE_ALLOWED,
  SITE_PERMISSIONS,
  TOKEN_OK,
  TRUST_OK,
} from './aws-world.js';

const HEAD = [TOKEN_OK, PROVIDER_OK, TRUST_OK, SESSION_OK] as const;

/** A deploy read live from IAM, Organizations and S3, with no files and nothing declared absent. */
function liveAll(w: AwsWorld, policies: PolicyServersOptions, inputs: Record<string, string> = {}) {
  return w.deploy({
    files: [],
    inputs: { 'aws-live-reads': 'true', organizations: '', 'no-resource-policy': '', ...inputs },
    aws: { roles: [w.role('github-deploy')], oidcProviders: [w.provider(['sts.amazonaws.com'])] },
    policies,
  });
}

const SCP_DENY: FindingShape = ['scp', 'explicit-deny', 'fail'];

/**
 * The site's lines with the buckets' Region given: an S3 request goes to its bucket's Region
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/UsingRouting.html), which the policies do not give, so a guardrail
 * on `aws:RequestedRegion` decides an S3 call only with it on the line.
 */
const inRegion = (region: string) =>
  SITE_PERMISSIONS.map((line) => (line.startsWith('s3:') ? `${line} aws:RequestedRegion=${region}` : line)).join('\n');

/** Live reads of the organization's policies and of resource policies. */
export const orgScenarios: AwsScenario[] = [
  {
    name: 'live reads as a delegated administrator: the OU-level SCP DenyAllOutsideEU denies the S3 calls in us-east-1',
    expected: {
      result: 'fail',
      // CloudFront is in the SCP's NotAction: only the S3 calls are denied, at the OU's level (1).
      findings: [...HEAD, SCP_DENY, SCP_DENY, SCP_DENY, ALLOWED],
      summary: ['DenyAllOutsideEU'],
      check: ({ run, aws }) => {
        const deny = run.report?.findings.find((f) => f.class === 'explicit-deny');
        expect(deny?.evidence).toMatchObject({ layer: 'scp', level: 1 });
        const ops = aws.policyRequests.map((r) => r.operation);
        expect(ops.filter((o) => o === 'organizations:ListParents')).toHaveLength(2);
        expect(ops).toContain('s3:GetBucketPolicy');
      },
    },
    prepare: (w) =>
      liveAll(
        w,
        { org: orgWithRegionGuard(ACCOUNT), buckets: { 'acme-site-prod': null } },
        { 'aws-region': 'us-east-1', permissions: inRegion('us-east-1') },
      ),
  },
  {
    name: 'live reads: the account is in no organization and the bucket has no policy (NoSuchBucketPolicy): every layer read, passes',
    expected: {
      result: 'pass',
      findings: [TOKEN_OK, ['scp', 'ok', 'pass'], PROVIDER_OK, TRUST_OK, SESSION_OK, ...SITE_ALLOWED],
      check: ({ run }) => {
        const put = run.report?.findings.find((f) => f.evidence.action === 's3:PutObject');
        expect(put?.evidence.resourcePolicy).toMatch(/^none/);
        expect(put?.evidence.notRead).toBeUndefined();
      },
    },
    prepare: (w) => liveAll(w, { buckets: { 'acme-site-prod': null } }),
  },
  {
    name: "live reads: the bucket policy's explicit deny on deleting objects (aws s3 sync --delete)",
    expected: {
      result: 'fail',
      findings: [
        TOKEN_OK,
        ['scp', 'ok', 'pass'],
        PROVIDER_OK,
        TRUST_OK,
        SESSION_OK,
        ALLOWED,
        ALLOWED,
        ['resource-policy', 'explicit-deny', 'fail'],
        ALLOWED,
      ],
      summary: ['DenyDeleteOperations'],
    },
    prepare: (w) => liveAll(w, { buckets: { 'acme-site-prod': denyDeleteBucketPolicy('acme-site-prod') } }),
  },
  {
    name: 'files and live reads: Organizations has an SCP the exported org folder lacks (the export is stale)',
    expected: {
      result: 'fail',
      findings: [
        TOKEN_OK,
        // The levels (the files have no OU), DenyAllOutsideEU at the OU, FullAWSAccess at the account's level.
        ['scp', 'stale-export', 'fail'],
        ['scp', 'stale-export', 'fail'],
        ['scp', 'stale-export', 'fail'],
        PROVIDER_OK,
        TRUST_OK,
        SESSION_OK,
        ...SITE_ALLOWED,
      ],
      summary: ['Organizations has the SCP at level 1 DenyAllOutsideEU, which the policy files lack'],
      check: ({ run }) => {
        const levels = run.report?.findings.find((f) => f.id.endsWith(':levels'));
        expect(levels?.evidence).toMatchObject({ files: 2, organizations: 3 });
      },
    },
    prepare: (w) =>
      w.deploy({
        files: BASE_FILES,
        inputs: { 'aws-live-reads': 'true', permissions: inRegion('eu-west-1') },
        aws: { roles: [w.role('github-deploy')], oidcProviders: [w.provider(['sts.amazonaws.com'])] },
        policies: { org: orgWithRegionGuard(ACCOUNT) },
      }),
  },
  {
    name: 'files and live reads: KMS now holds a key policy that grants the role, the exported one does not (the live answer decides)',
    expected: {
      result: 'fail',
      findings: [
        TOKEN_OK,
        ['resource-policy', 'stale-export', 'fail'],
        PROVIDER_OK,
        TRUST_OK,
        SESSION_OK,
        ...SITE_ALLOWED,
        ['identity-policy', 'ok', 'pass'],
      ],
      summary: [`The resource policy of ${KEY_ARN} differs between the policy files and KMS`],
      check: ({ run, aws }) => {
        const stale = run.report?.findings.find((f) => f.class === 'stale-export');
        expect(stale?.location?.file).toMatch(/policies\/resource-policies\/site-key\.json$/);
        expect(stale?.evidence.onlyLive).toEqual([expect.stringContaining('DeployCiUploads')]);
        expect(aws.policyRequests).toContainEqual({
          operation: 'kms:GetKeyPolicy',
          params: { KeyId: KEY_ARN, PolicyName: 'default' },
        });
      },
    },
    prepare: (w) =>
      w.deploy({
        files: [...BASE_FILES, 'policies'],
        inputs: {
          'aws-live-reads': 'true',
          permissions: [...SITE_PERMISSIONS, `kms:GenerateDataKey ${KEY_ARN}`].join('\n'),
        },
        aws: { roles: [w.role('github-deploy')], oidcProviders: [w.provider(['sts.amazonaws.com'])] },
        policies: { org: orgFromFixture('org'), keys: { [KEY_ARN]: GRANTING_KEY_POLICY } },
      }),
  },
  {
    // The second listing is the AWS CLI reference's list-policies-for-target example
    // (https://docs.aws.amazon.com/cli/latest/reference/organizations/list-policies-for-target.html), beside FullAWSAccess.
    name: "policy files: the account level's list-policies-for-target names an SCP whose describe-policy output was not saved",
    expected: {
      result: 'fail',
      findings: [
        TOKEN_OK,
        ['config', 'org-policy-missing', 'unverified'],
        PROVIDER_OK,
        TRUST_OK,
        SESSION_OK,
        ...Array.from({ length: 4 }, () => ['scp', 'layer-not-read', 'unverified'] as const),
      ],
      summary: ['aws organizations describe-policy --policy-id p-examplepolicyid111'],
    },
    prepare: (w) => w.deploy({ files: [...BASE_FILES.filter((f) => f !== 'org'), 'org-listed'] }),
  },
];

/**
 * The exported key policy of __tests__/fixtures/aws-e2e/policies/resource-policies/site-key.json with one statement
 * more, granting the deploy role the data keys its SSE-KMS uploads need.
 */
const GRANTING_KEY_POLICY = {
  Version: '2012-10-17',
  Id: 'site-key-policy',
  Statement: [
    {
      Sid: 'KeyAdministration',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::111122223333:role/key-admin' },
      Action: 'kms:*',
      Resource: '*',
    },
    {
      Sid: 'LegacyCiUploads',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::111122223333:role/site-ci-legacy' },
      Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
      Resource: '*',
    },
    {
      Sid: 'DeployCiUploads',
      Effect: 'Allow',
      Principal: { AWS: ROLE_ARN },
      Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
      Resource: '*',
    },
  ],
};
