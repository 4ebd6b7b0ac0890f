/**
 * The live reads of bucket and key policies, through the real S3 client (REST-XML, path-style `GET /BUCKET?policy`)
 * and the real KMS client (JSON 1.1, `TrentService.GetKeyPolicy`) against one loopback server, endpoints overridden.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { policyHolder, readResourcePolicies } from '../../src/sources/aws-resource-policies.js';
import { type PolicyServers, type PolicyServersOptions, startPolicyServers } from '../fixtures/aws-policy-servers.js';
import { FAKE_CREDENTIALS } from '../fixtures/iam-loopback.js';
import { denyDeleteBucketPolicy } from '../fixtures/org-policies.js';

const KEY = 'arn:aws:kms:eu-west-1:444455556666:key/4f1c2b7e-9d3a-4e8b-a6c5-0b1d2e3f4a5b';
const KEY_POLICY = {
  Version: '2012-10-17',
  Statement: [
    // The default key policy's first statement (https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html).
    {
      Sid: 'Enable IAM User Permissions',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::444455556666:root' },
      Action: 'kms:*',
      Resource: '*',
    },
  ],
};
let server: PolicyServers | undefined;

beforeAll(() => {
  vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function read(resources: readonly string[], options: PolicyServersOptions, account?: string) {
  server = await startPolicyServers(options);
  return readResourcePolicies(resources, {
    ...(account ? { account } : {}),
    s3Endpoint: server.endpoint,
    kmsEndpoint: server.endpoint,
    credentials: FAKE_CREDENTIALS,
    region: 'eu-west-1',
    sleep: async () => {},
  });
}

describe('live reads of resource policies', () => {
  it("reads a bucket's policy once for the bucket and its objects, and a key's policy", async () => {
    const result = await read(['arn:aws:s3:::acme-site-prod', 'arn:aws:s3:::acme-site-prod/*', `${KEY}`], {
      buckets: { 'acme-site-prod': denyDeleteBucketPolicy('acme-site-prod') },
      keys: { [KEY]: KEY_POLICY },
    });
    expect(result.findings).toEqual([]);
    expect(result.policies.map((p) => p.resourceArn)).toEqual(['arn:aws:s3:::acme-site-prod', KEY]);
    expect(result.policies[0]?.policy.document).toEqual(denyDeleteBucketPolicy('acme-site-prod'));
    expect(result.policies[1]).toMatchObject({ accountId: '444455556666', policy: { document: KEY_POLICY } });
    expect(server?.requests.map((r) => r.operation).sort()).toEqual(['kms:GetKeyPolicy', 's3:GetBucketPolicy']);
    expect(server?.requests.find((r) => r.operation === 'kms:GetKeyPolicy')?.params).toEqual({
      KeyId: KEY,
      PolicyName: 'default',
    });
  });

  it('NoSuchBucketPolicy proves the bucket has none (API_GetBucketPolicy.html)', async () => {
    const result = await read(['arn:aws:s3:::acme-site-prod/*'], { buckets: { 'acme-site-prod': null } });
    expect(result).toEqual({ policies: [], absent: ['arn:aws:s3:::acme-site-prod'], findings: [] });
  });

  it('AccessDenied on a bucket (another account): unread, with the s3:GetBucketPolicy statement on the bucket', async () => {
    const result = await read(['arn:aws:s3:::partner-drop/*'], {
      buckets: { 'partner-drop': null },
      errors: [{ operation: 's3:GetBucketPolicy', code: 'AccessDenied', message: 'Access Denied' }],
    });
    expect(result.absent).toEqual([]);
    const [f] = result.findings;
    expect(f).toMatchObject({ class: 'read-denied', decisionPoint: 'resource-policy', status: 'unverified' });
    expect(f?.fix).toContain('"Action": "s3:GetBucketPolicy"');
    expect(f?.fix).toContain('"Resource": "arn:aws:s3:::partner-drop"');
  });

  it('AccessDeniedException on a key: unread, with the kms:GetKeyPolicy statement on the key', async () => {
    const result = await read([KEY], {
      keys: { [KEY]: KEY_POLICY },
      errors: [{ operation: 'kms:GetKeyPolicy', code: 'AccessDeniedException' }],
    });
    expect(result.policies).toEqual([]);
    expect(result.findings[0]?.fix).toContain(`"Resource": "${KEY}"`);
  });

  it('a bucket that does not exist is not a bucket without a policy', async () => {
    const result = await read(['arn:aws:s3:::no-such-bucket'], { buckets: {} });
    expect(result.absent).toEqual([]);
    expect(result.findings[0]).toMatchObject({ status: 'unverified', evidence: { awsErrorCode: 'NoSuchBucket' } });
  });

  it('reads nothing for patterns, aliases and other services', () => {
    for (const arn of [
      'arn:aws:s3:::acme-*',
      'arn:aws:kms:eu-west-1:444455556666:alias/site',
      'arn:aws:kms:*:444455556666:key/*',
      'arn:aws:lambda:eu-west-1:444455556666:function:deploy',
      '*',
    ]) {
      expect(policyHolder(arn), arn).toBeUndefined();
    }
    expect(policyHolder('arn:aws:s3:::acme-site-prod/assets/*')).toMatchObject({ arn: 'arn:aws:s3:::acme-site-prod' });
  });

  it("a bucket S3 confirms the role account owns (ExpectedBucketOwner) is read as that account's", async () => {
    const result = await read(
      ['arn:aws:s3:::acme-site-prod/*'],
      {
        buckets: { 'acme-site-prod': denyDeleteBucketPolicy('acme-site-prod') },
        bucketOwners: { 'acme-site-prod': '111122223333' },
      },
      '111122223333',
    );
    expect(result.policies[0]).toMatchObject({ resourceArn: 'arn:aws:s3:::acme-site-prod', accountId: '111122223333' });
    expect(server?.requests[0]?.params).toEqual({ Bucket: 'acme-site-prod', ExpectedBucketOwner: '111122223333' });
  });

  it("a bucket of another account is left unread, never decided as the role account's (bucket-owner-condition.html)", async () => {
    const result = await read(
      ['arn:aws:s3:::partner-drop/*'],
      {
        buckets: { 'partner-drop': denyDeleteBucketPolicy('partner-drop') },
        bucketOwners: { 'partner-drop': '444455556666' },
      },
      '111122223333',
    );
    expect(result.policies).toEqual([]);
    expect(result.absent).toEqual([]);
    expect(result.findings[0]).toMatchObject({ status: 'unverified', evidence: { awsErrorCode: 'OtherBucketOwner' } });
    expect(result.findings[0]?.fix).toContain('"AccountId": "OWNER"');
    expect(server?.requests.map((r) => r.params.ExpectedBucketOwner)).toEqual(['111122223333', undefined]);
  });
});
