/**
 * The permissions check: will the role's session be allowed every action the deploy performs? Each required
 * permission is validated against AWS's service authorization reference, then evaluated by the engine with every
 * policy type that applies to a role session (identity, permissions boundary, session, SCPs, RCPs, the resource's
 * policy), compiled once per run. Each permission yields exactly one finding; findings about unreadable policies
 * come first. Pure: policies, the catalog and the clock are passed in.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */

import { type ActionInfo, lookupAction, matchResourceTypes, rcpExemption } from '../catalog/index.js';
import {
  type ContextValue,
  type EvaluationResult,
  type Explanation,
  evaluate,
  type Layer,
  type StatementDetail,
  type StatementRef,
  UNREADABLE_ARN_VALUE,
} from '../iam/index.js';
import type { RequiredPermission, ResourcePolicyModel } from '../model/aws.js';
import { type EvidenceValue, type Finding, type FindingDraft, placeDraft } from '../model/finding.js';
import { ACTION_FIX_OPTIONS, type FixOptions } from '../model/fix-options.js';
import type { RoleCheck, RoleFacts } from './check.js';
import {
  buildContext,
  orgLayersFor,
  type PermissionsCheckInput,
  sessionPrincipal,
  unknownKeyHint,
} from './permissions/context.js';
import { describeRef, fixExplicit, fixImplicit } from './permissions/fix.js';
import { declaredWithoutPolicy, readAbsent, type UnreadLayers, unreadLayers } from './permissions/layers.js';
import {
  entryKey,
  findResourcePolicy,
  IAM,
  LAYER_DOC,
  locationOf,
  POINT,
  type Prepared,
  preparePolicies,
  type ResourceEntry,
  readResourcePolicy,
  sessionPolicyFix,
} from './permissions/policies.js';
import { exportCommand } from './permissions/resource-export.js';
import {
  allowedWithUnread,
  deniedWithoutIdentity,
  deniedWithoutSession,
  denyCoversEvery,
  identityUnread,
  resourceUnknown,
  withIdentityAllowingAll,
  withSessionAllowingAll,
} from './permissions/unknowns.js';

export type { PermissionsCheckInput } from './permissions/context.js';

const REFERENCE =
  'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html';
const KMS_KEY_POLICY = 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html';
const EXPLICIT_DENY = `${IAM}/reference_policies_evaluation-logic_policy-eval-denyallow.html`;
const CONDITION_KEYS = `${IAM}/reference_policies_condition-keys.html`;
/** Network keys: a deny decided by one of these is a network rule, not an entitlement. */
const NETWORK_KEYS = new Set([
  'aws:sourceip',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:vpcsourceip',
  'aws:sourcevpcarn',
]);

type Evidence = Record<string, EvidenceValue>;
type Draft = FindingDraft;

/** Checks every required permission of a role session. */
export function checkPermissions(input: PermissionsCheckInput): Finding[] {
  // No SCP for a role of the management account, nor RCP for its resources (context.ts `orgLayersFor`).
  const org = orgLayersFor(input.inventory, input.role.accountId, input.role.accountId);
  const prepared = preparePolicies(input.role, input.settings, org);
  const principal = sessionPrincipal(input);
  const findings: Finding[] = [];
  const ids = new Map<string, number>();
  for (const p of input.permissions) {
    const id = `permissions:${p.action} ${p.resource}`;
    const n = (ids.get(id) ?? 0) + 1;
    ids.set(id, n);
    const draft = checkOne(input, prepared, principal, p);
    const placed = { ...withNotes(draft, p), evidence: { ...draft.evidence, ...whatIsUnknown(p), origin: p.origin } };
    findings.push(placeDraft(placed, n > 1 ? `${id} #${n}` : id, `${p.action} on ${p.resource}`));
  }
  // Policy findings (resource policies are read as permissions need them) come before the permissions'.
  return [...prepared.findings, ...findings];
}

/** One permission as the engine evaluates it: the canonical action, the session principal, the derived context. */
export interface PermissionRequest {
  readonly permission: RequiredPermission;
  /** As the reference spells it, e.g. `s3:PutObject`. */
  readonly action: string;
  readonly resource: string;
  readonly principal: string;
  /** The context {@link checkPermissions} evaluates with: the derived keys, then the caller's. */
  readonly context: Readonly<Record<string, ContextValue>>;
}

/**
 * The request {@link checkPermissions} evaluates for each permission, in order, for the IAM cross-check
 * (src/checks/cross-check.ts); undefined where the action or the resource fails validation, which
 * checkPermissions already reports as a failure.
 */
export function buildPermissionRequests(input: PermissionsCheckInput): (PermissionRequest | undefined)[] {
  const principal = sessionPrincipal(input);
  return input.permissions.map((p) => {
    const found = lookupAction(input.catalog, p.action);
    if (found.status !== 'found') return undefined;
    const fit = matchResourceTypes(input.catalog, found.action, p.resource);
    if (fit.status === 'no-fit' || (fit.status === 'no-resource-types' && !fit.fits)) return undefined;
    const { context } = buildContext(input, p, found.action);
    return { permission: p, action: found.action.canonical, resource: p.resource, principal, context };
  });
}

/** One permission: catalog checks first, then the engine. */
function checkOne(input: PermissionsCheckInput, prep: Prepared, principal: string, p: RequiredPermission): Draft {
  const found = lookupAction(input.catalog, p.action);
  if (found.status !== 'found') {
    return {
      decisionPoint: 'config',
      status: 'fail',
      class: found.status === 'malformed' ? 'invalid-action' : 'unknown-action',
      message: `${p.action}: ${found.message}`,
      evidence: { action: p.action, suggestions: found.suggestions },
      fix: `${found.suggestions[0] ? `Write ${found.suggestions[0]}` : 'Name one action as the reference spells it'} in ${p.origin}.`,
      docUrl: REFERENCE,
    };
  }
  const action = found.action;
  const fit = matchResourceTypes(input.catalog, action, p.resource);
  if (fit.status === 'no-fit' || (fit.status === 'no-resource-types' && !fit.fits)) {
    const expected = fit.status === 'no-fit' ? fit.expected.flatMap((t) => t.type.arnFormats) : ['*'];
    return {
      decisionPoint: 'config',
      status: 'fail',
      class: 'resource-type-mismatch',
      message: `${p.resource}: ${fit.message}.`,
      evidence: { action: action.canonical, resource: p.resource, expected },
      fix: `In ${p.origin}, name a resource of the form ${expected.join(' or ')}, or the action that acts on ${p.resource}.`,
      docUrl: REFERENCE,
    };
  }
  return evaluateOne(input, prep, principal, p, action);
}

const keyOfLabel = (label: string) => label.slice(label.indexOf(' ') + 1);

function evaluateOne(
  input: PermissionsCheckInput,
  prep: Prepared,
  principal: string,
  p: RequiredPermission,
  action: ActionInfo,
): Draft {
  // "You can only use the PassRole permission to pass an IAM role to a service that shares the same AWS account"
  // (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html): no policy can allow it across
  // accounts, so a role of another account is refused whatever the policies say.
  const passedAccount = action.canonical === 'iam:PassRole' ? p.resource.split(':')[4] : undefined;
  if (passedAccount && /^\d{12}$/.test(passedAccount) && passedAccount !== input.role.accountId) {
    return {
      decisionPoint: 'identity-policy',
      class: 'cross-account-pass-role',
      message: `iam:PassRole on ${p.resource} passes a role of account ${passedAccount} from a session of account ${input.role.accountId}: a role can be passed only to a service of its own account, so the call is refused whatever the policies allow ("Cross-account pass role is not allowed").`,
      evidence: { action: action.canonical, resource: p.resource, roleAccount: input.role.accountId },
      fix: `Pass a role of account ${input.role.accountId} (create the task or service role there), or deploy with a role of account ${passedAccount}.`,
      wouldReturn: 403,
      docUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html',
    };
  }
  const rp = findResourcePolicy(input.inventory, p.resource, action.canonical);
  const rpEntry = rp ? readResourcePolicy(prep, rp) : undefined;
  // RCPs are evaluated only for the actions they restrict (orgs_manage_policies_rcps.html, src/catalog `rcpExemption`).
  const base = rcpExemption(input.catalog, action.canonical) === undefined ? prep.withRcps : prep.withoutRcps;
  const set = rpEntry?.compiled ? { ...base, resource: rpEntry.compiled } : base;
  const { context, known } = buildContext(input, p, action);
  const readWithoutPolicy = rp === undefined && readAbsent(input.inventory, p.resource);
  // The owner of an S3 bucket (its ARN names none): the policy file's AccountId, or the role's account when the live
  // read proved it (src/sources/aws-resource-policies.ts asks S3 with ExpectedBucketOwner, the role's account, and
  // reads a bucket of another account as unread), or when the configuration declares the bucket in
  // `no-resource-policy`, which states a resource of the role's own account without a policy (a bucket of another
  // account is given by its policy file, with its AccountId). Otherwise unknown: the engine decides it both ways.
  // Only for an ARN that names no account (S3's): one that names it keeps it, whatever the declaration says.
  const accountless = (p.resource.split(':')[4] ?? '') === '';
  const declaredOwn =
    rp === undefined &&
    accountless &&
    input.declaredAbsent?.ownerNotDeclared !== true &&
    declaredWithoutPolicy(input.declaredAbsent, p.resource) !== undefined;
  const owner = rp?.accountId ?? (readWithoutPolicy || declaredOwn ? input.role.accountId : undefined);
  const request = {
    principal,
    action: action.canonical,
    resource: p.resource,
    context,
    ...(owner ? { resourceAccount: owner } : {}),
  };
  // A resource with `*` or `?` stands for every resource the deploy may touch: an Allow must cover them all.
  const result = evaluate(set, request, { resourcePattern: true });
  const evidence: Evidence = {
    action: action.canonical,
    resource: p.resource,
    principal,
    decision: result.decision,
    context: Object.entries(context).map(([k, v]) => `${k}=${typeof v === 'string' ? v : v.join(',')}`),
  };
  const org = orgLayersFor(input.inventory, input.role.accountId, input.role.accountId);
  const unread = unreadLayers({
    catalog: input.catalog,
    service: action.service,
    action: action.canonical,
    resource: p.resource,
    // A level whose file could not be read is missing, not empty (src/model/aws.ts `unreadOrgLayers`).
    scpsRead: org.scps !== undefined && !org.unreadOrgLayers?.includes('scp'),
    rcpsRead: org.rcps !== undefined && !org.unreadOrgLayers?.includes('rcp'),
    resourcePolicyRead: rp !== undefined || readWithoutPolicy,
    declared: input.declaredAbsent,
    principalAccount: input.role.accountId,
  });
  if (readWithoutPolicy) evidence.resourcePolicy = 'none (read live: the resource has no resource-based policy)';
  // Documents of AWS managed policies that no file gave, taken from the bundled dataset (src/sources/managed-policies.ts).
  const bundled = [input.role.permissionsBoundary, ...input.role.managedPolicies].find((m) => m?.source)?.source;
  if (bundled) evidence.awsManagedPolicies = bundled;
  if (unread.notRead.length > 0) evidence.notChecked = unread.notRead.map((l) => LAYER_NAME[l]);
  if (unread.declaredAbsent.length > 0) evidence.declaredAbsent = unread.declaredAbsent;
  const broken = rp && !rpEntry?.policy ? [...prep.broken, rp.policy.name] : prep.broken;
  if (broken.length > 0) {
    return {
      decisionPoint: 'config',
      status: 'unverified',
      class: 'incomplete-policies',
      message: `Could not verify: ${broken.join(', ')} could not be read; without it the engine says ${result.decision}.`,
      evidence,
      fix: 'Correct the policies named in the invalid-policy findings, then run again.',
    };
  }
  if (result.unsettled) {
    const other = evaluate(set, request, { resourcePattern: true, reading: 'allow' });
    // Both readings deny (explicitly or not): the call is refused either way, and decided as usual below.
    if ((other.decision === 'allowed') !== (result.decision === 'allowed')) {
      return unsettledReading(result, other, evidence);
    }
  }
  // An S3 ARN names no account: a bucket whose owner was not given is decided both ways, and where they differ the
  // engine says `unknown` (src/iam/decide.ts). It is never taken as the role's own.
  if (result.decision === 'unknown') {
    // With the bucket policy not read at all, that layer is what is missing: the owner matters once it is given.
    if (unread.notRead.includes('resource-policy')) return notRead({ input, p, unread }, '', evidence);
    return ownerUnknown(p, rp, result, evidence);
  }
  const unknownResource = (p.unknownParts?.length ?? 0) > 0;
  if (result.decision === 'allowed') {
    // An allow must hold whatever the keys the preflight cannot know turn out to be: a Deny on aws:SourceIp sees
    // no address here, but the deploy's request has one. Taken at their worst, do those keys still allow?
    const worst = evaluate(set, request, { resourcePattern: true, unknown: (key) => !known(key) });
    if (worst.decision !== 'allowed') return dependsOnUnknown(p, worst, prep, rpEntry, evidence);
    return allowed(result, prep, evidence, { input, p, unread });
  }
  // A denial for want of an Allow, with identity policies not read: decided only if a layer that was read denies it
  // whatever they hold (src/checks/permissions/unknowns.ts).
  let decided = set;
  if (result.decision === 'implicit-deny' && identityUnread(input.role)) {
    decided = withIdentityAllowingAll(set);
    const lifted = evaluate(decided, request, { resourcePattern: true });
    // `unknown` (a bucket of unknown owner) allows too in one reading: the unread policies still decide first.
    if (lifted.decision === 'allowed' || lifted.decision === 'unknown')
      return deniedWithoutIdentity(
        input.role,
        `${action.canonical} on ${p.resource}`,
        evidence,
        input.fixOptions ?? ACTION_FIX_OPTIONS,
      );
  }
  // A denial for want of an Allow in the session policies read, with a managed one not read: decided only if a layer
  // that was read denies it whatever that one holds (unknowns.ts `withSessionAllowingAll`).
  if (result.decision === 'implicit-deny' && prep.unknownSessionPolicies.length > 0) {
    const lifted = withSessionAllowingAll(decided);
    const again = evaluate(lifted, request, { resourcePattern: true });
    if (again.decision === 'allowed' || again.decision === 'unknown')
      return deniedWithoutSession(prep.unknownSessionPolicies, `${action.canonical} on ${p.resource}`, evidence);
    decided = lifted;
  }
  // Only a denial pays for the full explanation: it names the conditions that kept each statement out.
  const full = evaluate(decided, request, { resourcePattern: true, explain: 'full' });
  if (unknownResource && !deniedForEvery(full, prep, rpEntry, p.resource)) {
    return resourceUnknown(p, action, input.settings.roleArn, full.explanation, evidence);
  }
  return explainDenial({ input, prep, p, action, rp, rpEntry, context, known, evidence }, full);
}

/**
 * Whether a denial holds for every resource a widened pattern stands for: an explicit Deny whose statement covers the
 * whole pattern, or a layer that allows the action on no resource. A denial for want of an Allow on the pattern
 * alone says nothing of the real resource.
 */
function deniedForEvery(
  full: EvaluationResult,
  prep: Prepared,
  rpEntry: ResourceEntry | undefined,
  resource: string,
): boolean {
  const e = full.explanation;
  const layer = e.decidingLayer ?? 'identity';
  if (full.decision !== 'explicit-deny') {
    // A layer none of whose Allow statements names the action allows it on no resource at all.
    const detail = e.layers.find((l) => l.layer === layer && l.level === e.decidingLevel)?.statements;
    return detail?.every((s) => s.ref.effect !== 'Allow' || s.mismatch === 'action') === true;
  }
  const statements = e.deciding.map((ref) =>
    entryOf(prep, rpEntry, layer, e.decidingLevel, ref)?.policy?.statements.find((s) => s.index === ref.index),
  );
  return denyCoversEvery(statements, resource);
}

/**
 * The fix of a denial for a permission whose resource has unknown parts: the statement names `ARN`, the resource the
 * deploy uses, never the widened pattern (https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege).
 */
function fixForUnknown(p: RequiredPermission, fix: (p: RequiredPermission) => string): string {
  if (!p.unknownParts || p.unknownParts.length === 0) return fix(p);
  return `${fix({ ...p, resource: 'ARN' })} (ARN: the resource the deploy uses, not ${p.resource}; not known here: ${p.unknownParts.join('; ')}).`;
}

/** The unknown parts of a permission's resource and the call's notes, as evidence. */
function whatIsUnknown(p: RequiredPermission): Evidence {
  return {
    ...(p.unknownParts && p.unknownParts.length > 0 ? { unknownParts: p.unknownParts } : {}),
    ...(p.notes && p.notes.length > 0 ? { notes: p.notes } : {}),
  };
}

/** A finding that does not pass names the call's notes (`--profile`, `--endpoint-url`): they may explain it. */
function withNotes(draft: Draft, p: RequiredPermission): Draft {
  if (draft.status === 'pass' || !p.notes || p.notes.length === 0) return draft;
  return { ...draft, message: `${draft.message} Note: ${p.notes.join('; ')}.` };
}

/** The policy a deciding statement belongs to: the resource policy, or the layer's policy of that name. */
function entryOf(
  prep: Prepared,
  rpEntry: ResourceEntry | undefined,
  layer: Layer,
  level: number | undefined,
  ref: StatementRef,
): Pick<ResourceEntry, 'doc' | 'policy'> | undefined {
  return layer === 'resource' ? rpEntry : prep.entries.get(entryKey(layer, level, ref.policy));
}

/** What {@link explainDenial} reads, gathered by {@link evaluateOne}. */
interface Denial {
  readonly input: PermissionsCheckInput;
  readonly prep: Prepared;
  readonly p: RequiredPermission;
  readonly action: ActionInfo;
  readonly rp: ResourcePolicyModel | undefined;
  readonly rpEntry: ResourceEntry | undefined;
  readonly context: Readonly<Record<string, ContextValue>>;
  readonly known: (key: string) => boolean;
  readonly evidence: Evidence;
}

/** How to give an ARN condition value one reading: all six fields (src/iam/conditions/index.ts `UNREADABLE_ARN_VALUE`). */
const ARN_VALUE_FIX =
  'Write each ARN condition value with all six fields, `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`, each of which may be `*` (`arn:aws:sns:*:*:*`), or compare it with StringLike.';

/**
 * A decision that turns on one of the places where AWS's documentation and its observed behaviour read a policy two
 * ways (EvaluateOptions.reading in src/iam/index.ts): the engine took the reading that denies; which reading IAM
 * applies is not settled, so the call is unverified, not failed.
 */
function unsettledReading(taken: EvaluationResult, other: EvaluationResult, evidence: Evidence): Draft {
  const layer = taken.explanation.decidingLayer ?? other.explanation.decidingLayer ?? 'identity';
  const notes = taken.unsettled ?? [];
  return {
    decisionPoint: POINT[layer],
    status: 'unverified',
    class: 'unsettled-reading',
    message: `Could not verify: AWS's documentation leaves ${notes.length === 1 ? 'this place' : 'these places'} of the policies two readings, and the decision turns on which (${notes.join('; ')}). Read the way that denies, the engine says ${taken.decision}; the other way, ${other.decision}.`,
    evidence: { ...evidence, readingApplied: 'the reading that denies', readings: notes, otherReading: other.decision },
    fix: notes.every((n) => n.endsWith(UNREADABLE_ARN_VALUE))
      ? ARN_VALUE_FIX
      : `Give the policy one reading: guard the key with its own \`Null\` condition (\`"Null": {"KEY": "false"}\`) instead of \`ForAnyValue:…IfExists\`, and give a policy variable in NotResource a default (\`\${aws:username, 'none'}\`) or a \`Null\` guard.${notes.some((n) => n.endsWith(UNREADABLE_ARN_VALUE)) ? ` ${ARN_VALUE_FIX}` : ''}`,
  };
}

/**
 * A denial: `fail` with the deciding layer, statement and fix, or `unverified` when it turns on what the preflight
 * does not know (a resource policy not given, a context key not given).
 */
function explainDenial(d: Denial, full: EvaluationResult): Draft {
  const { input, prep, p, action, rp, rpEntry, context, known, evidence } = d;
  const layer = full.explanation.decidingLayer ?? 'identity';
  const lookup = (ref: StatementRef) => entryOf(prep, rpEntry, layer, full.explanation.decidingLevel, ref);
  const explicit = full.decision === 'explicit-deny';
  const e = explicit ? decisiveDenies(full.explanation, lookup, known) : full.explanation;
  const { misses, keys } = decidingConditions(e, layer, explicit, lookup);
  const deciding = e.deciding[0] ? lookup(e.deciding[0])?.doc : undefined;
  const layerDoc =
    layer === 'resource' ? rp?.policy : layer === 'permissions-boundary' ? input.role.permissionsBoundary : undefined;
  const where = deciding ? locationOf(deciding, e.deciding[0]?.index) : locationOf(layerDoc);
  if (layer === 'resource' && !rp) return resourcePolicyUnknown(d, e.reason);
  const unknown = keys.find((k) => !known(k));
  if (unknown) {
    return {
      decisionPoint: POINT[layer],
      status: 'unverified',
      class: 'context-key-unknown',
      message: `Could not verify: ${e.reason} That turns on ${unknown}, which the preflight cannot know.`,
      evidence: { ...evidence, unknownKey: unknown },
      fix: keyFix([unknown], p.origin, p.resource),
      docUrl: CONDITION_KEYS,
      ...where,
    };
  }
  const near = nearMisses(misses, keys, context);
  return {
    decisionPoint: POINT[layer],
    status: 'fail',
    class: full.decision === 'explicit-deny' ? 'explicit-deny' : 'implicit-deny',
    message: near.length > 0 ? `${e.reason} ${near.join('; ')}.` : e.reason,
    evidence: {
      ...evidence,
      layer,
      ...(e.decidingLevel !== undefined ? { level: e.decidingLevel } : {}),
      ...(e.deciding.length > 0 ? { statements: e.deciding.map(describeRef) } : {}),
      ...(near.length > 0 ? { nearMisses: near } : {}),
    },
    fix: explicit
      ? fixExplicit(e.deciding, layer, (ref) => lookup(ref)?.doc)
      : fixForUnknown(p, (q) => fixImplicit(layer, e.decidingLevel, input.role, q, action)),
    cause: keys.some((k) => NETWORK_KEYS.has(k.toLowerCase()))
      ? 'changed-trust-or-network-rule'
      : 'changed-entitlement',
    wouldReturn: 403,
    docUrl: explicit
      ? EXPLICIT_DENY
      : layer === 'resource' && action.service === 'kms'
        ? KMS_KEY_POLICY
        : LAYER_DOC[layer],
    ...where,
  };
}

/**
 * The Deny statements that decide whatever the keys the preflight cannot know turn out to be: those whose conditions
 * read only known keys. When there are some, they alone decide (an explicit deny in any statement denies,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html), and
 * another matching Deny on an unknown key does not make the denial unverified.
 */
function decisiveDenies(
  e: Explanation,
  lookup: (ref: StatementRef) => Pick<ResourceEntry, 'doc' | 'policy'> | undefined,
  known: (key: string) => boolean,
): Explanation {
  const decisive = e.deciding.filter((ref) => {
    const statement = lookup(ref)?.policy?.statements.find((s) => s.index === ref.index);
    return (statement?.conditions ?? []).every((c) => known(keyOfLabel(c.label)));
  });
  if (decisive.length === 0 || decisive.length === e.deciding.length) return e;
  // The engine's reason names every matching Deny after "Explicitly denied by LAYER: " (src/iam/explain.ts).
  const head = e.reason.slice(0, e.reason.indexOf(': ') + 2);
  return { ...e, deciding: decisive, reason: `${head}${decisive.map(describeRef).join(', ')}.` };
}

/**
 * The conditions a denial turns on. Explicit: the keys of the deciding Deny statements' conditions. Implicit: the
 * Allow statements of the deciding layer that a condition kept out (the near misses), and the key of each.
 */
function decidingConditions(
  e: Explanation,
  layer: Layer,
  explicit: boolean,
  lookup: (ref: StatementRef) => Pick<ResourceEntry, 'doc' | 'policy'> | undefined,
): { readonly misses: readonly StatementDetail[]; readonly keys: readonly string[] } {
  if (explicit) {
    const keys = e.deciding.flatMap((ref) => {
      const statement = lookup(ref)?.policy?.statements.find((s) => s.index === ref.index);
      return (statement?.conditions ?? []).map((c) => keyOfLabel(c.label));
    });
    return { misses: [], keys };
  }
  const layerDetail = e.layers.find((l) => l.layer === layer && l.level === e.decidingLevel)?.statements ?? [];
  const misses = layerDetail.filter((s) => s.ref.effect === 'Allow' && s.mismatch === 'condition' && s.failedCondition);
  return { misses, keys: misses.map((s) => keyOfLabel(s.failedCondition ?? '')) };
}

/**
 * A call on a bucket whose owner is not known, that the identity side allows and the bucket policy does not grant:
 * allowed if the bucket is the role account's, denied if another account's
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies-cross-account-resource-access.html).
 */
function ownerUnknown(
  p: RequiredPermission,
  rp: ResourcePolicyModel | undefined,
  result: EvaluationResult,
  evidence: Evidence,
): Draft {
  const bucket = p.resource.match(/^arn:[^:]+:s3:::[^/]+/)?.[0] ?? p.resource;
  return {
    decisionPoint: 'resource-policy',
    status: 'unverified',
    class: 'resource-owner-unknown',
    message: `Could not verify: ${result.explanation.reason.replace(/^Unknown: /, '').replace(/ Give the owner: .*$/, '')}`,
    evidence: { ...evidence, resourceOwner: 'unknown' },
    fix: rp
      ? `Add the bucket's account to its policy file: \`"AccountId": "OWNER"\` beside \`"ResourceArn": "${rp.resourceArn}"\` (docs/policy-folder.md).`
      : `Give the policy of ${bucket} with its owner, \`{ "ResourceArn": "${bucket}", "AccountId": "OWNER", "Policy": ... }\` under resource-policies/ (docs/policy-folder.md), or turn on live reads, which prove the owner.`,
    docUrl: LAYER_DOC.resource,
    ...locationOf(rp?.policy),
  };
}

/** A denial by a resource policy that was not given: it cannot be verified either way. */
function resourcePolicyUnknown(d: Denial, reason: string): Draft {
  return {
    decisionPoint: 'resource-policy',
    status: 'unverified',
    class: 'resource-policy-unknown',
    message: `Could not verify: ${reason}`,
    evidence: d.evidence,
    fix:
      d.action.service === 'sts'
        ? `Give the trust policy of ${d.p.resource} in ${(d.input.fixOptions ?? ACTION_FIX_OPTIONS).policyFiles} (aws iam get-role --role-name ${d.p.resource.slice(d.p.resource.lastIndexOf('/') + 1)}, or its account's get-account-authorization-details).`
        : `Give the resource policy of ${d.p.resource} (${exportCommand(d.p.resource)}, saved as docs/policy-folder.md says under resource-policies/).`,
    docUrl: d.action.service === 'kms' ? KMS_KEY_POLICY : LAYER_DOC.resource,
  };
}

/** Each near miss as a sentence: the condition that kept the Allow out, beside the request's value of its key. */
function nearMisses(
  misses: readonly StatementDetail[],
  keys: readonly string[],
  context: Readonly<Record<string, ContextValue>>,
): string[] {
  return misses.map((s, i) => {
    const key = keys[i] ?? '';
    const value = Object.entries(context).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
    const has = value === undefined ? `no ${key}` : `${key}=${typeof value === 'string' ? value : value.join(',')}`;
    return `${describeRef(s.ref)} allows it only under ${s.failedCondition}, and the request has ${has}`;
  });
}

/**
 * An allow that the keys the preflight cannot know could turn into a denial: unverified, naming the keys and the
 * statement that would deny (or the layer left without an Allow) when they take their worst values.
 */
function dependsOnUnknown(
  p: RequiredPermission,
  worst: EvaluationResult,
  prep: Prepared,
  rpEntry: ResourceEntry | undefined,
  evidence: Evidence,
): Draft {
  const keys = worst.assumed ?? [];
  const e = worst.explanation;
  const layer = e.decidingLayer ?? 'identity';
  const named = keys.join(', ');
  const denying = e.deciding.map(describeRef);
  return {
    decisionPoint: POINT[layer],
    status: 'unverified',
    class: 'context-key-unknown',
    message:
      worst.decision === 'explicit-deny'
        ? `Could not verify: allowed with what the preflight knows, but ${denying.join(', ')} denies it for some values of ${named}, which the preflight cannot know.`
        : `Could not verify: allowed with what the preflight knows, but the allow rests on conditions on ${named}, which the preflight cannot know. Without them: ${e.reason}`,
    evidence: {
      ...evidence,
      unknownKey: keys[0] ?? '',
      unknownKeys: keys,
      ...(denying.length > 0 ? { statements: denying } : {}),
    },
    fix: keyFix(keys, p.origin, p.resource),
    docUrl: CONDITION_KEYS,
    ...(e.deciding[0]
      ? locationOf(entryOf(prep, rpEntry, layer, e.decidingLevel, e.deciding[0])?.doc, e.deciding[0].index)
      : {}),
  };
}

/**
 * How to decide a call that turns on keys the preflight cannot know: give their values on the permission line. For
 * an S3 bucket's aws:RequestedRegion, which every request carries, the value to give is the bucket's Region.
 */
function keyFix(keys: readonly string[], origin: string, resource: string): string {
  const hinted = keys.map((k) => ({ key: k, hint: unknownKeyHint(k, resource) }));
  const values = hinted.map(({ key, hint }) =>
    hint ? `${key}=<the bucket's Region, e.g. eu-west-1>` : `${key}=VALUE`,
  );
  const lead = hinted.every(({ hint }) => hint)
    ? `Give the bucket's Region: add ${values.join(' ')}`
    : `If the deploy's request carries ${keys.join(', ')}, add ${values.join(' ')}`;
  const notes = hinted.map(({ hint }) => (hint ? ` (${hint}.)` : '')).join('');
  return `${lead} to ${origin} to check it with ${keys.length > 1 ? 'those values' : 'that value'}.${notes}`;
}

/** Each unread layer as the evidence and the headline name it. */
const LAYER_NAME = { scp: 'SCPs', rcp: 'RCPs', 'resource-policy': 'resource policy' } as const;

/**
 * How to give each unread layer, or declare it absent (schema/preflight.schema.json, docs/policy-folder.md), in the
 * showing command's own settings.
 */
function howToGive(layer: UnreadLayers['notRead'][number], resource: string, options: FixOptions): string {
  switch (layer) {
    case 'scp':
      return `give the SCPs that apply to the account (the outputs of aws organizations list-policies-for-target --filter SERVICE_CONTROL_POLICY and describe-policy, for the account, each OU above it and the root, in a policy folder of ${options.policyFiles}), or declare ${options.organizationsNone} when the account is in no organization`;
    case 'rcp':
      return `give the RCPs (aws organizations describe-policy of each RESOURCE_CONTROL_POLICY that applies, in a policy folder of ${options.policyFiles}), or declare ${options.organizationsNone}`;
    case 'resource-policy':
      return `give the resource policy of ${resource} in ${options.policyFiles} (${exportCommand(resource)}, saved as docs/policy-folder.md says under resource-policies/), or declare it in ${options.noResourcePolicy} when it has none`;
  }
}

/** An allow that a layer the preflight did not read could still deny: unverified, naming each layer and how to give it. */
function notRead(
  { input, p, unread }: { input: PermissionsCheckInput; p: RequiredPermission; unread: UnreadLayers },
  by: string,
  evidence: Evidence,
): Draft {
  const [first] = unread.notRead;
  const names = unread.notRead.map((l) => LAYER_NAME[l]);
  return {
    decisionPoint: first ?? 'scp',
    status: 'unverified',
    class: 'layer-not-read',
    message: `Allowed${by} as far as was read, but ${names.join(', ')} ${names.length > 1 ? 'were' : 'was'} not read, and ${names.length > 1 ? 'each' : 'it'} could still deny it: a layer not read is unknown, not empty.`,
    evidence: { ...evidence, role: input.role.name, notRead: names },
    fix: `${unread.notRead.map((l) => howToGive(l, p.resource, input.fixOptions ?? ACTION_FIX_OPTIONS)).join('; ')}.`.replace(
      /^./,
      (c) => c.toUpperCase(),
    ),
    docUrl: LAYER_DOC[first === 'resource-policy' ? 'resource' : (first ?? 'scp')],
  };
}

function allowed(
  result: EvaluationResult,
  prep: Prepared,
  evidence: Evidence,
  layers: { input: PermissionsCheckInput; p: RequiredPermission; unread: UnreadLayers },
): Draft {
  const granting = result.explanation.deciding.map(describeRef);
  const by = granting.length > 0 ? ` by ${granting.join(', ')}` : '';
  const unreadRole = allowedWithUnread(
    layers.input.role,
    by,
    { ...evidence, granting },
    layers.input.fixOptions ?? ACTION_FIX_OPTIONS,
  );
  if (unreadRole) return unreadRole;
  if (prep.unknownSessionPolicies.length > 0) {
    // The session policies are one layer whose Allows add up (unknowns.ts `withSessionAllowingAll`), so an unread
    // one cannot take away an allow; an explicit Deny in it can ("An explicit deny in any of these policies overrides
    // the allow", access_policies.html#policies_session). Where no session policy was read, the layer's Allow is
    // unknown too.
    const unread = prep.unknownSessionPolicies;
    const names = unread.join(', ');
    const noneRead = prep.withRcps.session === undefined;
    return {
      decisionPoint: 'session-policy',
      status: 'unverified',
      class: 'session-policy-unknown',
      message: noneRead
        ? `Allowed${by} as far as was read, but the managed session ${unread.length === 1 ? 'policy' : 'policies'} ${names}, the only session policies, ${unread.length === 1 ? 'was' : 'were'} not read: the session has only what they allow.`
        : `Allowed${by}, unless the unread managed session ${unread.length === 1 ? 'policy' : 'policies'} ${names} ${unread.length === 1 ? 'denies' : 'deny'} it: a Deny in any session policy stands.`,
      evidence: { ...evidence, granting, notRead: [...unread] },
      fix: sessionPolicyFix(unread),
      docUrl: LAYER_DOC.session,
    };
  }
  if (layers.unread.notRead.length > 0) return notRead(layers, by, { ...evidence, granting });
  return {
    decisionPoint: 'identity-policy',
    status: 'pass',
    class: 'ok',
    message: `Allowed${by}.`,
    evidence: { ...evidence, granting },
  };
}

/** What {@link checkPermissions} reads, from a role's facts: the live probe's session ARN when it ran. */
export function permissionsInput(facts: RoleFacts): PermissionsCheckInput {
  const sessionArn = facts.probe?.assumedRoleArn;
  return {
    role: facts.role,
    permissions: facts.config.permissions,
    settings: facts.config.settings,
    inventory: facts.inventory,
    catalog: facts.catalog,
    now: facts.now,
    ...(sessionArn ? { sessionArn } : {}),
    ...(facts.config.declaredAbsent ? { declaredAbsent: facts.config.declaredAbsent } : {}),
    fixOptions: facts.fixOptions,
  };
}

/** The permissions check as the registry runs it. */
export const permissionsCheck: RoleCheck = {
  id: 'permissions',
  title:
    'Every call the deploy makes is allowed through every policy layer that decides it, with the deciding statement.',
  decisionPoints: [
    'identity-policy',
    'permissions-boundary',
    'session-policy',
    'scp',
    'rcp',
    'resource-policy',
    'config',
  ],
  section: 'aws',
  scope: 'role',
  needs: ['probe'],
  appliesTo: () => true,
  run: (facts) => checkPermissions(permissionsInput(facts)),
};
