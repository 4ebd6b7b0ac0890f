/**
 * One role's model from every file that describes it: policies from get-account-authorization-details or the policy
 * folder, MaxSessionDuration from get-role, managed policy documents from wherever they were read, and the first of
 * the other fields (RoleId, boundary, tags) that a file gives. Pure.
 */
import type { PolicyDocument, RoleModel, UnreadRolePolicies } from '../model/aws.js';
import { type Finding, type FindingDraft, findingMaker } from '../model/finding.js';
import type { Fragment, RoleFragment } from './types.js';

/** IAM's default and least MaxSessionDuration, in seconds (API_CreateRole: "1 hour to 12 hours"). */
export const DEFAULT_MAX_SESSION_DURATION = 3600;
const CREATE_ROLE = 'https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html';

/** Whether two documents say the same (key order as printed: both come from AWS). */
export const same = (a: PolicyDocument, b: PolicyDocument): boolean =>
  JSON.stringify(a.document) === JSON.stringify(b.document);
/** The account of an ARN. */
export const accountOf = (arn: string): string => {
  // The fifth field: between the fourth and fifth colons (or to the end), as split(':')[4] reads it.
  let at = -1;
  for (let i = 0; i < 4; i++) {
    at = arn.indexOf(':', at + 1);
    if (at < 0) return '';
  }
  const end = arn.indexOf(':', at + 1);
  return end < 0 ? arn.slice(at + 1) : arn.slice(at + 1, end);
};

/** A finding about a role, located at its trust policy (where the role starts in its file): `aws-files:CLASS:ARN`. */
export function roleFinding(role: RoleFragment, { suffix, ...draft }: FindingDraft): Finding {
  const where = role.trustPolicy?.file ?? role.file;
  const line = role.trustPolicy?.line;
  const place = findingMaker({
    idPrefix: 'aws-files',
    subject: `role ${role.name}`,
    location: { file: where, ...(line ? { line } : {}) },
  });
  return place({
    ...draft,
    suffix: suffix ? `${role.arn}:${suffix}` : role.arn,
    status: 'unverified',
    evidence: { role: role.arn, file: where },
  });
}

function missingPolicyFix(arn: string, incomplete: boolean): string {
  const pages = incomplete ? ' The authorization details are incomplete: add the remaining pages too.' : '';
  return (
    'Add `aws iam get-account-authorization-details` output without --filter (it holds the managed policies in use, ' +
    `AWS managed ones included), or \`aws iam get-policy --policy-arn ${arn}\` followed by \`aws iam get-policy-version\` ` +
    `of its default version, in one file.${pages}`
  );
}

/** What {@link assembleRole} reads a role's fragments with, and where it reports. */
interface RoleContext {
  readonly managed: (arn: string) => PolicyDocument | undefined;
  readonly inline: readonly Extract<Fragment, { kind: 'inline-policy' }>[];
  /** Reports a problem; it drops those of roles the run does not check. */
  readonly report: (role: RoleFragment, draft: FindingDraft) => void;
  /** The run checks this role: when not, what is only compared to be reported is not compared. */
  readonly checked: boolean;
  readonly assumed: string[];
  readonly incomplete: boolean;
  readonly durationSeconds: number | undefined;
}

/** Joins all fragments of one role ARN into its model, reporting what is unknown or contradictory. */
export function assembleRole(fragments: readonly RoleFragment[], context: RoleContext): RoleModel | undefined {
  const [first] = fragments;
  if (!first) return undefined;
  // The first two fragments that list policies, and the trust policies in order: plain loops, for an export's
  // thousands of roles (most described by one fragment).
  let listing: RoleFragment | undefined;
  let second: RoleFragment | undefined;
  const trusts: PolicyDocument[] = [];
  for (const f of fragments) {
    if (f.inlinePolicies !== undefined) {
      if (!listing) listing = f;
      else second ??= f;
    }
    if (f.trustPolicy) trusts.push(f.trustPolicy);
  }
  if (second) {
    context.report(first, {
      class: 'conflicting-definitions',
      decisionPoint: 'config',
      message: `Role ${first.name} is described by both ${listing?.file} and ${second.file}: which one is current is unknown.`,
      fix: 'Pass one description of each role (the newest export, or the policy folder).',
    });
  }
  const [trustPolicy] = trusts;
  const differing = context.checked ? trusts.find((t, k) => k > 0 && trustPolicy && !same(t, trustPolicy)) : undefined;
  if (trustPolicy && differing) {
    context.report(first, {
      class: 'conflicting-definitions',
      decisionPoint: 'sts-trust',
      message: `The trust policy of ${first.name} differs between ${trustPolicy.file} and ${differing.file}.`,
      fix: 'Export the role again, so that every file is from the same moment.',
    });
  }
  if (!trustPolicy) return undefined;
  const maxSessionDuration = sessionDurationOf(fragments, first, context);
  const { inlinePolicies, managedPolicies, unread } = policiesOf(first, listing, context);
  const permissionsBoundary = boundaryOf(fragments, first, context);
  const boundaryArn = permissionsBoundary ? undefined : fragments.find((f) => f.boundaryArn)?.boundaryArn;
  const tags = fragments.find((f) => f.tags)?.tags;
  const roleId = fragments.find((f) => f.roleId)?.roleId;
  // Fields in this order, the optional ones only when known; set one by one rather than spread from literals.
  const model: { -readonly [K in keyof RoleModel]?: RoleModel[K] } = { arn: first.arn, name: first.name };
  model.accountId = accountOf(first.arn);
  if (roleId) model.roleId = roleId;
  model.maxSessionDuration = maxSessionDuration ?? DEFAULT_MAX_SESSION_DURATION;
  model.trustPolicy = trustPolicy;
  if (differing) model.conflictingTrust = differing;
  model.inlinePolicies = inlinePolicies;
  model.managedPolicies = managedPolicies;
  if (permissionsBoundary) model.permissionsBoundary = permissionsBoundary;
  if (tags) model.tags = tags;
  if (unread.listing || unread.managed || boundaryArn) {
    model.unreadPolicies = { ...unread, ...(boundaryArn ? { boundary: boundaryArn } : {}) };
  }
  return model as RoleModel;
}

/** The role's MaxSessionDuration from the first file that gives it; reported when none does and it matters. */
function sessionDurationOf(
  fragments: readonly RoleFragment[],
  first: RoleFragment,
  context: RoleContext,
): number | undefined {
  const maxSessionDuration = fragments.find((f) => f.maxSessionDuration !== undefined)?.maxSessionDuration;
  if (maxSessionDuration === undefined) {
    context.assumed.push(first.arn);
    // Below 3600 s nothing is at stake: every role allows at least that long.
    if (context.durationSeconds !== undefined && context.durationSeconds > DEFAULT_MAX_SESSION_DURATION) {
      context.report(first, {
        class: 'max-session-duration-unknown',
        decisionPoint: 'session',
        message: `No file gives the MaxSessionDuration of ${first.name} (get-account-authorization-details does not carry it), so a ${context.durationSeconds}-second session cannot be verified; 3600 s, the least IAM allows, is assumed.`,
        fix: `Add the output of \`aws iam get-role --role-name ${first.name}\`, or MaxSessionDuration in the policy folder's role.json.`,
        docUrl: CREATE_ROLE,
      });
    }
  }
  return maxSessionDuration;
}

/** The role's inline and managed policies from the file that lists them; reported when none does, or one is missing. */
function policiesOf(
  first: RoleFragment,
  listing: RoleFragment | undefined,
  context: RoleContext,
): Pick<RoleModel, 'inlinePolicies' | 'managedPolicies'> & {
  unread: Omit<UnreadRolePolicies, 'boundary'>;
} {
  const inlinePolicies = [...(listing?.inlinePolicies ?? [])];
  for (const extra of context.inline) {
    if (extra.roleName === first.name && !inlinePolicies.some((p) => p.name === extra.policy.name)) {
      inlinePolicies.push(extra.policy);
    }
  }
  if (!listing) {
    context.report(first, {
      class: 'role-policies-unknown',
      decisionPoint: 'identity-policy',
      message: `Only ${first.file} describes role ${first.name}, and it does not list the role's attached and inline policies.`,
      fix: 'Add `aws iam get-account-authorization-details` output, or describe the role in the policy folder.',
    });
  }
  const managedPolicies = [...(listing?.managedPolicies ?? [])];
  const missing: string[] = [];
  for (const arn of listing?.attachedPolicyArns ?? []) {
    const policy = context.managed(arn);
    if (policy) managedPolicies.push(policy);
    else {
      missing.push(arn);
      context.report(first, {
        class: 'managed-policy-missing',
        decisionPoint: 'identity-policy',
        suffix: arn,
        message: `Managed policy ${arn} is attached to ${first.name}, but no file holds its document.`,
        fix: missingPolicyFix(arn, context.incomplete),
      });
    }
  }
  const unread = {
    ...(listing ? {} : { listing: first.file }),
    ...(missing.length > 0 ? { managed: missing } : {}),
  };
  return { inlinePolicies, managedPolicies, unread };
}

/** The role's permissions boundary, from a file or by its ARN; reported when its document is in no file. */
function boundaryOf(
  fragments: readonly RoleFragment[],
  first: RoleFragment,
  context: RoleContext,
): PolicyDocument | undefined {
  const boundaryArn = fragments.find((f) => f.boundaryArn)?.boundaryArn;
  const permissionsBoundary =
    fragments.find((f) => f.permissionsBoundary)?.permissionsBoundary ??
    (boundaryArn ? context.managed(boundaryArn) : undefined);
  if (boundaryArn && !permissionsBoundary) {
    context.report(first, {
      class: 'managed-policy-missing',
      decisionPoint: 'permissions-boundary',
      suffix: boundaryArn,
      message: `${first.name} has permissions boundary ${boundaryArn}, but no file holds its document.`,
      fix: missingPolicyFix(boundaryArn, context.incomplete),
    });
  }
  return permissionsBoundary;
}
