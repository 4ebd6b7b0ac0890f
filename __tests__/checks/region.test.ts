/**
 * The session's `aws-region` against the role's partition, by AWS's own partition data (@aws-sdk/core's
 * partitions.js, src/catalog/aws-partitions.generated.ts); and the region global services' calls carry per partition.
 */
import { describe, expect, it } from 'vitest';
import { AWS_PARTITIONS } from '../../src/catalog/index.js';
import { judgeRegion } from '../../src/checks/session/region.js';
import { checkSession } from '../../src/checks/session.js';
import { readAwsConfig } from '../../src/config/aws.js';
import { readConfigFile } from '../../src/config/file.js';
import type { ConfigError } from '../../src/config/tokens.js';
import { assumeRoleSettings, roleModel } from '../fixtures/aws-settings.js';

const AWS_ROLE = 'arn:aws:iam::111122223333:role/acme-site-deploy';
const settings = (roleArn: string, region: string) =>
  assumeRoleSettings(roleArn, { region, regionAt: { file: '.github/workflows/tf.yml', line: 16 } });
const session = (roleArn: string, region: string) =>
  checkSession({ role: roleModel(roleArn), settings: settings(roleArn, region), now: 0 }).filter((f) =>
    f.class.startsWith('region-'),
  );

describe('judgeRegion', () => {
  it.each([
    [AWS_ROLE, 'eu-west-1', 'listed'],
    ['arn:aws-cn:iam::123456789012:role/r', 'cn-north-1', 'listed'],
    ['arn:aws-us-gov:iam::123456789012:role/r', 'us-gov-west-1', 'listed'],
    [AWS_ROLE, 'cn-north-1', 'other-partition'],
    [AWS_ROLE, 'us-gov-west-1', 'other-partition'],
    ['arn:aws-cn:iam::123456789012:role/r', 'us-east-1', 'other-partition'],
    // The partition's pattern, not listed: a newer region than the data, or a typo; unverified, not failed.
    [AWS_ROLE, 'us-est-1', 'unlisted'],
    [AWS_ROLE, 'eu-wset-1', 'unlisted'],
    [AWS_ROLE, 'useast1', 'unknown'],
    ['arn:aws-mars:iam::123456789012:role/r', 'us-east-1', 'partition-unknown'],
    // AWS European Sovereign Cloud and the isolated partitions, each against its own role and an `aws` one.
    ['arn:aws-eusc:iam::123456789012:role/r', 'eusc-de-east-1', 'listed'],
    [AWS_ROLE, 'eusc-de-east-1', 'other-partition'],
    ['arn:aws-eusc:iam::123456789012:role/r', 'eu-central-1', 'other-partition'],
    ['arn:aws-eusc:iam::123456789012:role/r', 'eusc-de-west-1', 'unlisted'],
    [AWS_ROLE, 'eusc-de-west-1', 'other-partition'],
    [AWS_ROLE, 'us-isob-east-1', 'other-partition'],
    ['arn:aws-iso-e:iam::123456789012:role/r', 'eu-isoe-west-1', 'listed'],
  ])('%s in %s is %s', (arn, region, kind) => {
    expect(judgeRegion(arn, region).kind).toBe(kind);
  });
});

describe('the session check on the region', () => {
  it('passes a listed region of the role partition', () => {
    expect(session(AWS_ROLE, 'us-east-1')).toEqual([]);
  });

  it("fails a region of another partition, naming the input's file and line", () => {
    const [f] = session(AWS_ROLE, 'cn-north-1');
    expect([f?.class, f?.status, f?.location]).toEqual([
      'region-invalid',
      'fail',
      { file: '.github/workflows/tf.yml', line: 16 },
    ]);
    expect(f?.message).toContain('aws-cn partition');
  });

  it('leaves a typo of the partition form unverified, with the region it nearly is', () => {
    const [f] = session(AWS_ROLE, 'us-est-1');
    expect([f?.class, f?.status]).toEqual(['region-unverified', 'unverified']);
    expect(f?.message).toContain('`us-east-1`');
  });
});

/** Every partition of AWS's data, each with its listed regions and one region its pattern admits but the data does not list. */
const PARTITION_REGIONS = AWS_PARTITIONS.flatMap((p) =>
  [...p.regions, p.regions[0]?.replace(/-\d+$/, '-9')].flatMap((region) => (region ? [[p.id, region] as const] : [])),
);

describe("every partition in AWS's data", () => {
  it.each(PARTITION_REGIONS)('%s: %s is a region the config file accepts', (_partition, region) => {
    const text = `aws:\n  roles:\n    - role-to-assume: arn:aws:iam::111122223333:role/r\n      aws-region: ${region}\n`;
    expect(readConfigFile(text, '.github/preflight.yml').ok).toBe(true);
  });

  it.each(PARTITION_REGIONS)("%s: %s is a region a workflow step's `aws-region` input may give", (id, region) => {
    const errors: ConfigError[] = [];
    const inputs: Record<string, string> = {
      'role-to-assume': `arn:${id}:iam::123456789012:role/r`,
      'aws-region': region,
    };
    readAwsConfig((name) => inputs[name] ?? '', 'sts.amazonaws.com', errors);
    expect(errors).toEqual([]);
  });

  it.each(PARTITION_REGIONS)('%s: %s is judged for a role of its own partition and of every other', (id, region) => {
    const own = judgeRegion(`arn:${id}:iam::123456789012:role/r`, region).kind;
    expect(own).toBe(AWS_PARTITIONS.find((p) => p.id === id)?.regions.includes(region) ? 'listed' : 'unlisted');
    for (const other of AWS_PARTITIONS.filter((p) => p.id !== id))
      expect(judgeRegion(`arn:${other.id}:iam::123456789012:role/r`, region)).toEqual({
        kind: 'other-partition',
        regionPartition: id,
      });
  });
});
