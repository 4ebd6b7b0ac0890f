/**
 * What the policy files say of the SCPs, RCPs and resource policies that AWS no longer does. With both the files and
 * live reads, the live answer is the one checked; each difference is its own `stale-export` finding, naming the policy
 * and the statements only one side holds (compared as src/sources/aws-iam-drift.ts compares IAM's policies). Pure.
 */
import type { PolicyDocument, ResourcePolicyModel } from '../model/aws.js';
import { type Finding, type FindingDraft, findingMaker } from '../model/finding.js';
import { type LiveSide, managedKey, paired, policyDrift } from './aws-iam-drift.js';

const ORG_SIDE: LiveSide = {
  who: 'Organizations',
  fix: 'Export the SCPs and RCPs again (docs/policy-folder.md, "Exporting the SCPs and RCPs of one account"), so that runs without live reads check what Organizations holds.',
};

/**
 * The SCP or RCP levels of the files against Organizations' answer. SCPs are compared level by level from the root,
 * since each level must allow; RCPs only deny, so where each is attached does not change a decision, and they are
 * compared as one set.
 */
export function orgDrift(
  account: string,
  type: 'scp' | 'rcp',
  fileLevels: readonly (readonly PolicyDocument[])[] | undefined,
  liveLevels: readonly (readonly PolicyDocument[])[],
): Finding[] {
  if (fileLevels === undefined) return [];
  const make = findingMaker({
    idPrefix: `aws-files:${account}:${type}`,
    subject: `policy files for account ${account}`,
  });
  const kind = type === 'scp' ? 'SCP' : 'RCP';
  const files = type === 'scp' ? fileLevels : [fileLevels.flat()];
  const live = type === 'scp' ? liveLevels : [liveLevels.flat()];
  const drafts: FindingDraft[] = [];
  if (type === 'scp' && files.length !== live.length) {
    drafts.push({
      class: 'stale-export',
      suffix: 'levels',
      decisionPoint: type,
      message: `The policy files give ${kind}s at ${files.length} organization level(s); Organizations answered ${live.length} (${live.length === 0 ? `no ${kind} applies to account ${account}` : 'the root, each OU above the account, and the account'}). Organizations' answer is the one checked.`,
      evidence: { files: files.length, organizations: live.length },
      fix: ORG_SIDE.fix,
    });
  }
  const levels = Math.max(files.length, live.length);
  for (let level = 0; level < levels; level++) {
    const what = type === 'scp' ? `the SCP at level ${level}` : 'the RCP';
    for (const [f, l] of paired(files[level] ?? [], live[level] ?? [], managedKey)) {
      drafts.push(...policyDrift(type, what, f, l, ORG_SIDE).map(atLevel(level)));
    }
  }
  return drafts.map(make);
}

/** A draft whose id names the level, so one policy attached at two levels gives two findings. */
const atLevel =
  (level: number) =>
  (draft: FindingDraft): FindingDraft => ({ ...draft, suffix: `${level}:${draft.suffix ?? ''}` });

/**
 * The resource policies of the files against the live reads, for the resources read live: a policy the files hold
 * that the resource no longer has (or that differs), and one it has that the files lack.
 */
export function resourceDrift(
  files: readonly ResourcePolicyModel[],
  live: readonly ResourcePolicyModel[],
  absent: readonly string[],
): Finding[] {
  const make = findingMaker({ idPrefix: 'aws-files:resource-policy', subject: 'policy files for resource policies' });
  const drafts: FindingDraft[] = [];
  for (const rp of live) {
    const file = files.find((f) => f.resourceArn === rp.resourceArn);
    if (file)
      drafts.push(
        ...policyDrift('resource-policy', 'the resource policy of', file.policy, rp.policy, sideOf(rp.resourceArn)),
      );
  }
  for (const arn of absent) {
    const file = files.find((f) => f.resourceArn === arn);
    if (file)
      drafts.push(...policyDrift('resource-policy', 'the resource policy of', file.policy, undefined, sideOf(arn)));
  }
  return drafts.map(make);
}

/** Who answers for a resource's policy, and the command that exports it again. */
function sideOf(arn: string): LiveSide {
  if (arn.includes(':kms:')) {
    return {
      who: 'KMS',
      fix: `Export the key policy again (aws kms get-key-policy --key-id ${arn} --policy-name default), as docs/policy-folder.md says.`,
    };
  }
  const bucket = arn.slice(arn.lastIndexOf(':') + 1);
  return {
    who: 'S3',
    fix: `Export the bucket policy again (aws s3api get-bucket-policy --bucket ${bucket}), or remove the file if the bucket has none, as docs/policy-folder.md says.`,
  };
}
