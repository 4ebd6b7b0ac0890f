/**
 * What the permissions check does not know about a permission, and what it may still conclude. Pure.
 *
 * - The role's own policies, when no source listed them (only `aws iam get-role`) or an attached one is in no file
 *   (`RoleModel.unreadPolicies`): a layer not read is unknown, never empty. An allow may be undone by a Deny in them;
 *   a denial for want of an Allow may be lifted by an Allow in them, unless a layer that was read (a boundary, an SCP,
 *   the session policy) denies it whatever the identity policies say. An explicit Deny of a layer that was read
 *   decides whatever the unread layers hold
 *   (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).
 * - A resource with parts the inference could not know (`RequiredPermission.unknownParts`: a bucket from `$BUCKET`),
 *   widened to `*`: an Allow that covers the widened pattern allows every value, and a Deny that covers it denies every
 *   value; anything else depends on the value, so it is unverified, and the fix asks for the real resource, never for
 *   an Allow on `*` (https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege).
 */

import type { ActionInfo } from '../../catalog/index.js';
import { globCovers } from '../../iam/glob.js';
import {
  type CompiledPolicySet,
  compilePolicySet,
  type Layer,
  type ParsedPolicy,
  parsePolicy,
} from '../../iam/index.js';
import type { RequiredPermission, RoleModel, UnreadRolePolicies } from '../../model/aws.js';
import type { EvidenceValue, FindingDraft } from '../../model/finding.js';
import type { FixOptions } from '../../model/fix-options.js';
import { IAM, POINT, sessionPolicyFix } from './policies.js';

type Evidence = Record<string, EvidenceValue>;

const LEAST_PRIVILEGE = `${IAM}/best-practices.html#grant-least-privilege`;
const AUTH_DETAILS = `${IAM.replace('UserGuide', 'APIReference')}/API_GetAccountAuthorizationDetails.html`;

/** Whether the identity layer was not wholly read: its policies unlisted, or an attached one missing. */
export function identityUnread(role: RoleModel): boolean {
  const unread = role.unreadPolicies;
  return unread !== undefined && (unread.listing !== undefined || (unread.managed?.length ?? 0) > 0);
}

/** An identity layer that allows every call: the most the unread identity policies could add. */
const ALLOW_ALL = (() => {
  const parsed = parsePolicy(
    { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
    { name: 'the unread identity policies, at most' },
    'identity',
  );
  return compilePolicySet({ identityPolicies: parsed.ok ? [parsed.policy] : [] }).identity;
})();

/**
 * The policy set with the identity layer replaced by one that allows every call: a request it still denies is denied
 * by a layer that was read, whatever the unread identity policies hold. (The read identity policies' Denies were
 * already evaluated: a denial that reaches here is not theirs.)
 */
export function withIdentityAllowingAll(set: CompiledPolicySet): CompiledPolicySet {
  return { ...set, identity: ALLOW_ALL };
}

/** A session layer that allows every call: the most an unread managed session policy could add. */
const SESSION_ALLOW_ALL = (() => {
  const parsed = parsePolicy(
    { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
    { name: 'the unread session policies, at most' },
    'identity',
  );
  return compilePolicySet({ identityPolicies: [], sessionPolicies: parsed.ok ? [parsed.policy] : [] }).session;
})();

/**
 * The policy set with the session layer replaced by one that allows every call. The session policies passed with a
 * session, the inline one and the managed ones, are one layer: "the resulting session's permissions are the
 * intersection of the role's identity-based policies and the session policies"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html), and the evaluation asks whether
 * "a session policy is present and allows the requested action"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html); AWS documents no
 * narrowing of one session policy by another. So an Allow in a managed session policy not read could allow a call the
 * read ones leave out: a request this set still denies is denied by a layer that was read. (The read session policies'
 * Denies were already evaluated: a denial that reaches here is not theirs.)
 */
export function withSessionAllowingAll(set: CompiledPolicySet): CompiledPolicySet {
  return { ...set, session: SESSION_ALLOW_ALL };
}

/** A denial for want of an Allow in the session policies read, which an unread managed one could lift: unverified. */
export function deniedWithoutSession(unread: readonly string[], call: string, evidence: Evidence): FindingDraft {
  const names = unread.join(', ');
  return {
    decisionPoint: 'session-policy',
    status: 'unverified',
    class: 'session-policy-unknown',
    message: `Could not verify: the session policies read do not allow ${call}, but the managed session ${unread.length === 1 ? 'policy' : 'policies'} ${names} ${unread.length === 1 ? 'was' : 'were'} not read, and the session policies are one layer: an Allow in ${unread.length === 1 ? 'it' : 'them'} would allow the call. No layer that was read denies it.`,
    evidence: { ...evidence, notRead: [...unread] },
    fix: sessionPolicyFix(unread),
    docUrl: `${IAM}/access_policies.html#policies_session`,
  };
}

/** The role's unread policies as a person names them, and how to give them. */
function describeUnread(
  role: RoleModel,
  unread: UnreadRolePolicies,
  policyFiles: string,
): { what: string; fix: string } {
  const managed = unread.managed ?? [];
  if (unread.listing !== undefined) {
    return {
      what: `the policies of role ${role.name} were not read (${unread.listing} describes the role without listing its inline and attached policies)`,
      fix: `Give the role's policies: add the output of \`aws iam get-account-authorization-details --filter Role\` to ${policyFiles}, or describe role ${role.name} in a policy folder (docs/policy-folder.md: roles/${role.name}/inline/ with each get-role-policy output, managed/ with each get-policy-version output).`,
    };
  }
  return {
    what: `the attached managed ${managed.length === 1 ? 'policy' : 'policies'} ${managed.join(', ')} of role ${role.name} ${managed.length === 1 ? 'was' : 'were'} not read`,
    fix: `Give the ${managed.length === 1 ? 'document' : 'documents'} of ${managed.join(', ')} (aws iam get-policy-version with the default version, in ${policyFiles}).`,
  };
}

/** A denial that the role's unread identity policies could lift: unverified, naming them and how to give them. */
export function deniedWithoutIdentity(
  role: RoleModel,
  call: string,
  evidence: Evidence,
  fixOptions: FixOptions,
): FindingDraft {
  const unread = role.unreadPolicies ?? {};
  const { what, fix } = describeUnread(role, unread, fixOptions.policyFiles);
  return {
    decisionPoint: 'identity-policy',
    status: 'unverified',
    class: unread.listing !== undefined ? 'role-policies-unknown' : 'managed-policy-missing',
    message: `Could not verify: ${what}, and only an Allow in them can grant ${call}; no layer that was read denies it. A layer not read is unknown, not empty.`,
    evidence: { ...evidence, notRead: unreadNames(unread) },
    fix,
    docUrl: unread.listing !== undefined ? AUTH_DETAILS : `${IAM}/reference_policies_evaluation-logic.html`,
  };
}

/** An allow that a Deny in the role's unread policies (or a boundary not read) could undo: unverified. */
export function allowedWithUnread(
  role: RoleModel,
  by: string,
  evidence: Evidence,
  fixOptions: FixOptions,
): FindingDraft | undefined {
  const unread = role.unreadPolicies;
  if (!unread) return undefined;
  const boundary = unread.boundary;
  if (!identityUnread(role) && boundary === undefined) return undefined;
  const parts = identityUnread(role) ? [describeUnread(role, unread, fixOptions.policyFiles)] : [];
  if (boundary !== undefined) {
    parts.push({
      what: `the permissions boundary ${boundary} was not read`,
      fix: `Give the document of ${boundary} (aws iam get-policy-version with the default version, in ${fixOptions.policyFiles}).`,
    });
  }
  return {
    decisionPoint: identityUnread(role) ? 'identity-policy' : 'permissions-boundary',
    status: 'unverified',
    class: unread.listing !== undefined ? 'role-policies-unknown' : 'managed-policy-missing',
    message: `Allowed${by} as far as was read, but ${parts.map((p) => p.what).join(', and ')}: ${parts.length > 1 || boundary === undefined ? 'a Deny there' : 'it'} could still deny it. A layer not read is unknown, not empty.`,
    evidence: { ...evidence, notRead: unreadNames(unread) },
    fix: parts.map((p) => p.fix).join(' '),
    docUrl: `${IAM}/reference_policies_evaluation-logic.html`,
  };
}

function unreadNames(unread: UnreadRolePolicies): string[] {
  return [
    ...(unread.listing !== undefined ? ["the role's inline and attached policies"] : []),
    ...(unread.managed ?? []),
    ...(unread.boundary !== undefined ? [unread.boundary] : []),
  ];
}

/**
 * Whether one of the deciding Deny statements covers every resource of the widened pattern: its Resource has an entry
 * that covers the pattern (or it has no Resource element, as in a trust policy). A NotResource Deny is not shown to
 * cover it (read as "not known to cover": the result stays unverified, never a guessed denial).
 */
export function denyCoversEvery(
  statements: readonly (ParsedPolicy['statements'][number] | undefined)[],
  resource: string,
): boolean {
  return statements.some(
    (s) =>
      s !== undefined &&
      s.effect === 'Deny' &&
      s.notResource === undefined &&
      (s.resource === undefined || s.resource.some((glob) => globCovers(glob, resource))),
  );
}

/**
 * A KMS call is decided by the key's own policy too, which the policy files can give; the AWS managed key of Parameter
 * Store grants Decrypt to every principal of the account
 * (https://docs.aws.amazon.com/systems-manager/latest/userguide/ps-restrict-decryption.html).
 */
const KMS_KEY_POLICY_HINT =
  " Give the key's policy as well (the output of aws kms get-key-policy with the key's ResourceArn, in the policy files: docs/policy-folder.md): it decides too, and the AWS managed key of a service (aws/ssm) grants Decrypt to the account's principals.";

/**
 * A call whose resource the preflight could not wholly know, which the policies do not allow (or deny) for every
 * value: unverified, naming each unknown part and why, and asking for the real resource, never for `*`. It is reported
 * at the layer that does not allow the pattern (the role's policies, most often): that layer's answer is what the
 * real resource would settle, not the configuration, which is not at fault.
 */
export function resourceUnknown(
  p: RequiredPermission,
  action: ActionInfo,
  roleArn: string,
  explanation: { readonly reason: string; readonly decidingLayer?: Layer },
  evidence: Evidence,
): FindingDraft {
  const parts = p.unknownParts ?? [];
  const reason = explanation.reason;
  return {
    decisionPoint: POINT[explanation.decidingLayer ?? 'identity'],
    status: 'unverified',
    class: 'resource-unknown',
    message: `Could not verify: the resource ${action.canonical} acts on is not wholly known (${parts.join('; ')}), so it stands as ${p.resource}, and the policies neither allow nor deny every resource of that pattern. For the pattern: ${reason}`,
    evidence: { ...evidence, unknownParts: parts },
    fix: `Declare the call with its real resource as a permission line of role ${roleArn} in the configuration (aws.roles[].permissions: \`${action.canonical} ARN\`, the ARN with the value the deploy uses; it then stands for the call this line was ${p.origin}), or write the value as a literal in the workflow. Do not grant ${p.resource}: an Allow on every resource is wider than the deploy needs.${action.service === 'kms' ? KMS_KEY_POLICY_HINT : ''}`,
    docUrl: LEAST_PRIVILEGE,
  };
}
