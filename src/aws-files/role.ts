/**
 * One role's model from every file that describes it: policies from get-account-authorization-details or the policy
 * folder, MaxSessionDuration from get-role, managed policy documents from wherever they were read, and the first of
 * the other fields (RoleId, boundary, tags) that a file gives. Pure.
 */
import type { PolicyDocument, RoleModel } from '../model/aws.js';
import type { DecisionPoint, Finding } from '../model/finding.js';
import type { FindingClass } from '../model/finding-classes.js';
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

/** A role finding, before it is made into a {@link Finding}. */
export interface Draft {
  readonly class: FindingClass;
  readonly decisionPoint: DecisionPoint;
  readonly message: string;
  readonly fix: string;
  readonly suffix?: string;
  readonly docUrl?: string;
}

/** A finding about a role, located at its trust policy (where the role starts in its file). */
export function roleFinding(role: RoleFragment, draft: Draft): Finding {
  const where = role.trustPolicy?.file ?? role.file;
  const line = role.trustPolicy?.line;
  return {
    id: `aws-files:${draft.class}:${role.arn}${draft.suffix ? `:${draft.suffix}` : ''}`,
    subject: `role ${role.name}`,
    decisionPoint: draft.decisionPoint,
    class: draft.class,
    status: 'unverified',
    message: draft.message,
    evidence: { role: role.arn, file: where },
    fix: draft.fix,
    ...(draft.docUrl ? { docUrl: draft.docUrl } : {}),
    location: { file: where, ...(line ? { line } : {}) },
  };
}

function missingPolicyFix(arn: string, incomplete: boolean): string {
  const pages = incomplete ? ' The authorization details are incomplete: add the remaining pages too.' : '';
  return (
    'Add `aws iam get-account-authorization-details` output without --filter (it holds the managed policies in use, ' +
    `AWS managed ones included), or \`aws iam get-policy --policy-arn ${arn}\` followed by \`aws iam get-policy-version\` ` +
    `of its default version, in one file.${pages}`
  );
}

/** Joins all fragments of one role ARN into its model, reporting what is unknown or contradictory. */
export function assembleRole(
  fragments: readonly RoleFragment[],
  context: {
    readonly managed: (arn: string) => PolicyDocument | undefined;
    readonly inline: readonly Extract<Fragment, { kind: 'inline-policy' }>[];
    /** Reports a problem; it drops those of roles the run does not check. */
    readonly report: (role: RoleFragment, draft: Draft) => void;
    /** The run checks this role: when not, what is only compared to be reported is not compared. */
    readonly checked: boolean;
    readonly assumed: string[];
    readonly incomplete: boolean;
    readonly durationSeconds: number | undefined;
  },
): RoleModel | undefined {
  const [first] = fragments;
  if (!first) return undefined;
  const withPolicies = fragments.filter((f) => f.inlinePolicies !== undefined);
  const [listing, second] = withPolicies;
  if (second) {
    context.report(first, {
      class: 'conflicting-definitions',
      decisionPoint: 'config',
      message: `Role ${first.name} is described by both ${listing?.file} and ${second.file}: which one is current is unknown.`,
      fix: 'Pass one description of each role (the newest export, or the policy folder).',
    });
  }
  const trusts = fragments.flatMap((f) => (f.trustPolicy ? [f.trustPolicy] : []));
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
  for (const arn of listing?.attachedPolicyArns ?? []) {
    const policy = context.managed(arn);
    if (policy) managedPolicies.push(policy);
    else {
      context.report(first, {
        class: 'managed-policy-missing',
        decisionPoint: 'identity-policy',
        suffix: arn,
        message: `Managed policy ${arn} is attached to ${first.name}, but no file holds its document.`,
        fix: missingPolicyFix(arn, context.incomplete),
      });
    }
  }
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
  const tags = fragments.find((f) => f.tags)?.tags;
  const roleId = fragments.find((f) => f.roleId)?.roleId;
  return {
    arn: first.arn,
    name: first.name,
    accountId: accountOf(first.arn),
    ...(roleId ? { roleId } : {}),
    maxSessionDuration: maxSessionDuration ?? DEFAULT_MAX_SESSION_DURATION,
    trustPolicy,
    inlinePolicies,
    managedPolicies,
    ...(permissionsBoundary ? { permissionsBoundary } : {}),
    ...(tags ? { tags } : {}),
  };
}
