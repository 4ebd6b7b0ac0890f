/**
 * The SCPs, RCPs and resource policies of the files against the live reads (src/sources/aws-org-drift.ts): each
 * difference is one `stale-export` finding naming the policy and the statements only one side holds.
 */
import { describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../../src/model/aws.js';
import { orgDrift, resourceDrift } from '../../src/sources/aws-org-drift.js';
import { DENY_ALL_OUTSIDE_EU, FULL_AWS_ACCESS, RCP_FULL_AWS_ACCESS } from '../fixtures/org-policies.js';

const doc = (p: { id: string; name: string; content: unknown }, file?: string): PolicyDocument => ({
  name: p.name,
  arn: `arn:aws:organizations::aws:policy/service_control_policy/${p.id}`,
  document: p.content,
  ...(file ? { file, line: 1 } : {}),
});
const full = doc(FULL_AWS_ACCESS);
const region = doc(DENY_ALL_OUTSIDE_EU);

describe('SCPs and RCPs: the files against Organizations', () => {
  it('the same policies at the same levels: nothing to report', () => {
    expect(orgDrift('111122223333', 'scp', [[full], [full]], [[full], [full]])).toEqual([]);
  });

  it('an SCP Organizations has that the files lack, at its level', () => {
    const [f] = orgDrift('111122223333', 'scp', [[full], [full]], [[full], [full, region]]);
    expect(f).toMatchObject({ class: 'stale-export', decisionPoint: 'scp', status: 'fail' });
    expect(f?.message).toContain('Organizations has the SCP at level 1 DenyAllOutsideEU');
    expect(f?.evidence.onlyLive).toContainEqual(expect.stringContaining('DenyAllOutsideEU'));
  });

  it('an SCP whose content changed, with the file and line of the export', () => {
    const edited = {
      ...region,
      document: { Version: '2012-10-17', Statement: [] },
      file: 'org/1-ou/deny.json',
      line: 3,
    };
    const [f] = orgDrift('111122223333', 'scp', [[full, edited]], [[full, region]]);
    expect(f?.location).toEqual({ file: 'org/1-ou/deny.json', line: 3 });
    expect(f?.evidence).toMatchObject({ onlyFiles: [], onlyLive: [expect.stringContaining('DenyAllOutsideEU')] });
  });

  it('no organization any more: every level of the files is stale', () => {
    const findings = orgDrift('111122223333', 'scp', [[full]], []);
    expect(findings.map((f) => f.id)).toEqual([
      'aws-files:111122223333:scp:stale-export:levels',
      'aws-files:111122223333:scp:stale-export:0:FullAWSAccess',
    ]);
  });

  it('RCPs only deny: the same RCPs at other levels are not a difference', () => {
    const rcp = doc(RCP_FULL_AWS_ACCESS);
    expect(orgDrift('111122223333', 'rcp', [[rcp]], [[], [rcp]])).toEqual([]);
  });
});

describe('resource policies: the files against S3 and KMS', () => {
  const bucket = 'arn:aws:s3:::acme-site-prod';
  const policy = { name: bucket, document: DENY_ALL_OUTSIDE_EU.content, file: 'policies/resource-policies/site.json' };

  it('a bucket policy the files hold, where S3 answers NoSuchBucketPolicy', () => {
    const [f] = resourceDrift([{ resourceArn: bucket, policy }], [], [bucket]);
    expect(f).toMatchObject({ class: 'stale-export', decisionPoint: 'resource-policy' });
    expect(f?.message).toContain('which S3 no longer has');
    expect(f?.fix).toContain('aws s3api get-bucket-policy --bucket acme-site-prod');
  });

  it('a resource the files do not give is not a difference: the files never claimed it', () => {
    expect(resourceDrift([], [{ resourceArn: bucket, policy }], [])).toEqual([]);
  });
});
