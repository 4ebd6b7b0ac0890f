/**
 * The region configure-aws-credentials calls STS in (`aws-region`), against the partition of the role: the SDK
 * resolves the endpoint from the region alone, by AWS's own partition data (src/catalog/aws-partitions.generated.ts,
 * from @aws-sdk/core), and a role is assumed only through the STS of its own partition
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html, "partition"; "you can't delegate access
 * between accounts in different partitions"). A region that AWS's data does not list is no endpoint at all, unless it
 * matches the partition's pattern, which is how a region newer than the data looks: that one is unverified. Pure.
 */
import { AWS_PARTITIONS, AWS_PARTITIONS_SOURCE, type AwsPartitionData } from '../../catalog/index.js';
import type { AssumeRoleSettings } from '../../model/aws.js';
import type { FindingDraft } from '../../model/finding.js';
import { editDistance } from '../../text/edit-distance.js';

/** What AWS's partition data says of a region for a role's partition. */
export type RegionVerdict =
  | { readonly kind: 'listed' }
  /** It matches the partition's pattern, but the data does not list it: a region newer than the data, or a typo. */
  | { readonly kind: 'unlisted'; readonly closest?: string }
  /** It is (or looks like) a region of another partition. */
  | { readonly kind: 'other-partition'; readonly regionPartition: string }
  /** No partition has or could have it. */
  | { readonly kind: 'unknown'; readonly closest?: string }
  /** The role's partition is not in the data: nothing is known of its regions. */
  | { readonly kind: 'partition-unknown' };

const REGIONS_DOC = 'https://docs.aws.amazon.com/general/latest/gr/rande.html';
const PARTITION_DOC = 'https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/partitions.html';

const matches = (p: AwsPartitionData, region: string) => new RegExp(p.regionRegex).test(region);

/** The listed region of `p` nearest `region` by edit distance (at most 2 edits), for "did you mean". */
function closestIn(p: AwsPartitionData, region: string): string | undefined {
  let best: { region: string; d: number } | undefined;
  for (const r of p.regions) {
    const d = editDistance(region, r, 2);
    if (d <= 2 && (best === undefined || d < best.d)) best = { region: r, d };
  }
  return best?.region;
}

/** The partition data of a role ARN's partition (`arn:PARTITION:iam::…`), if the data has it. */
export function partitionData(roleArn: string): AwsPartitionData | undefined {
  const id = roleArn.split(':')[1] ?? '';
  return AWS_PARTITIONS.find((p) => p.id === id);
}

/** Judges `region` for the role of `roleArn`. */
export function judgeRegion(roleArn: string, region: string): RegionVerdict {
  const own = partitionData(roleArn);
  if (!own) return { kind: 'partition-unknown' };
  if (own.regions.includes(region)) return { kind: 'listed' };
  const elsewhere =
    AWS_PARTITIONS.find((p) => p.regions.includes(region)) ??
    (matches(own, region) ? undefined : AWS_PARTITIONS.find((p) => matches(p, region)));
  if (elsewhere) return { kind: 'other-partition', regionPartition: elsewhere.id };
  const closest = closestIn(own, region);
  if (matches(own, region)) return { kind: 'unlisted', ...(closest ? { closest } : {}) };
  return { kind: 'unknown', ...(closest ? { closest } : {}) };
}

/** Whether STS of `region` can be reached and assume the role: only a listed region of the role's own partition. */
export const regionIsKnown = (roleArn: string, region: string): boolean =>
  judgeRegion(roleArn, region).kind === 'listed';

/** The session's region against the role's partition: no draft when the region is listed there, or not given. */
export function checkRegion(settings: AssumeRoleSettings): FindingDraft[] {
  const { region, roleArn, regionAt } = settings;
  if (region === undefined) return [];
  const v = judgeRegion(roleArn, region);
  if (v.kind === 'listed') return [];
  const partition = roleArn.split(':')[1] ?? '';
  const where = regionAt ? ` (${regionAt.file} line ${regionAt.line})` : '';
  const input = `\`aws-region: ${region}\`${where}`;
  const evidence = { region, partition, data: AWS_PARTITIONS_SOURCE };
  const location = regionAt ? { location: regionAt } : {};
  const guess = (closest: string | undefined) => (closest ? ` Did you mean \`${closest}\`?` : '');
  if (v.kind === 'partition-unknown' || v.kind === 'unlisted') {
    return [
      {
        status: 'unverified',
        class: 'region-unverified',
        message:
          v.kind === 'unlisted'
            ? `${input} has the form of a region of the role's partition ${partition}, but AWS's region data (${AWS_PARTITIONS_SOURCE}) does not list it: a region newer than the data, or a typo, where the STS call fails for want of an endpoint.${guess(v.closest)}`
            : `The role's partition ${partition} is not in AWS's region data (${AWS_PARTITIONS_SOURCE}), so whether ${input} is one of its regions is not known.`,
        evidence,
        fix: `Check ${input} against the regions of the ${partition} partition${v.kind === 'unlisted' && v.closest ? `, e.g. ${v.closest}` : ''}.`,
        docUrl: REGIONS_DOC,
        ...location,
      },
    ];
  }
  const message =
    v.kind === 'other-partition'
      ? `${input} is a region of the ${v.regionPartition} partition, and the role ${roleArn} is in ${partition}: the STS of one partition cannot assume a role of another, so the call fails before any permission is used.`
      : `${input} is no region of any AWS partition (${AWS_PARTITIONS_SOURCE}): the SDK finds no STS endpoint for it, so the call fails before any permission is used.${guess(v.closest)}`;
  const own = partitionData(roleArn);
  return [
    {
      class: 'region-invalid',
      message,
      evidence: { ...evidence, ...(v.kind === 'other-partition' ? { regionPartition: v.regionPartition } : {}) },
      fix: `Set \`aws-region\`${where} to a region of the role's partition ${partition}${own?.regions.length ? ` (${own.regions.slice(0, 6).join(', ')}${own.regions.length > 6 ? ', …' : ''})` : ''}${v.kind === 'unknown' && v.closest ? `, e.g. ${v.closest}` : ''}.`,
      docUrl: v.kind === 'other-partition' ? PARTITION_DOC : REGIONS_DOC,
      ...location,
    },
  ];
}
