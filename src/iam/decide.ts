/**
 * Combines the layers into one decision, following AWS's policy evaluation logic
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
 * and the cross-account page, reference_policies_evaluation-logic-cross-account.html).
 * As in Cedar's authorizer, the layers are first reduced to facts, and the decision is a short
 * table over those facts ({@link decideFromFacts}); the explanation is rendered from the same facts.
 */
import type { CompiledLayer } from './compile.js';
import { evaluateLayer, type LayerOutcome } from './evaluate.js';
import { explain } from './explain.js';
import { type Grant, isIamPrincipal } from './principal.js';
import type { PrincipalInfo } from './principal-info.js';
import type { PreparedRequest } from './request.js';
import type { EvaluationResult, Layer } from './types.js';

/** Every policy that applies to a request, compiled. */
export interface CompiledPolicySet {
  readonly identity: CompiledLayer;
  readonly permissionsBoundary: CompiledLayer | undefined;
  readonly session: CompiledLayer | undefined;
  /** One layer per organization level, root first. */
  readonly scps: readonly CompiledLayer[];
  readonly rcps: readonly CompiledLayer[];
  readonly resource: CompiledLayer | undefined;
  /** Classifies a request's principal, memoized per policy set. */
  readonly classify: (text: string | undefined) => PrincipalInfo;
}

/** One evaluated layer (an SCP or RCP level counts as one), in evaluation order. */
export interface EvaluatedLayer {
  readonly layer: Layer;
  readonly level: number | undefined;
  readonly outcome: LayerOutcome;
}

/** Which resource policy must grant explicitly, even within the account. */
export type RequiredGrant = 'trust' | 'key' | undefined;

/** What the decision table reads. */
export interface Facts {
  readonly evaluated: readonly EvaluatedLayer[];
  readonly iam: boolean;
  readonly root: boolean;
  readonly identityAllows: boolean;
  readonly boundaryAllows: boolean;
  readonly sessionAllows: boolean;
  readonly hasSessionPolicy: boolean;
  /** The first SCP level with no Allow, or -1. */
  readonly scpGap: number;
  readonly required: RequiredGrant;
  readonly hasResourcePolicy: boolean;
  readonly grant: Grant | undefined;
  readonly crossAccount: boolean;
  /** The caller is an IAM principal of a known account, and the resource's owner is not known (PreparedRequest.ownerUnknown). */
  readonly ownerUnknown: boolean;
  /** SCPs and RCPs were skipped: the caller is a service-linked role. */
  readonly serviceLinked: boolean;
  /** Why RCPs were skipped for this action (PreparedRequest.rcpExempt), when they were given. */
  readonly rcpExempt: string | undefined;
}

/** The decision, before it is explained: who decided, and by which rule. */
export interface Verdict {
  readonly decision: EvaluationResult['decision'];
  readonly layer?: Layer;
  readonly level?: number;
  /** The rule that decided, for the reason sentence and the notes. */
  readonly rule:
    | 'caller-identity'
    | 'explicit-deny'
    | 'scp-gap'
    | 'no-identity-allow'
    | 'boundary'
    | 'session'
    | 'no-resource-grant'
    | 'resource-grant'
    | 'identity-allow'
    | 'owner-unknown';
  readonly denied?: EvaluatedLayer;
  /** For `owner-unknown`: the decision if the caller's account owns the resource, and if another account does. */
  readonly readings?: { readonly sameAccount: Verdict; readonly otherAccount: Verdict };
}

const ROLE_ARN = /^arn:[^:]*:iam:[^:]*:[^:]*:role\//;
const KEY_ARN = /^arn:[^:]*:kms:[^:]*:[^:]*:key\//;

/** Trust policies and KMS key policies must grant explicitly (reference_policies_evaluation-logic.html). */
function requiredGrant(req: PreparedRequest): RequiredGrant {
  // The cheap tests first: this runs for every request.
  if (req.service === 'sts' && ROLE_ARN.test(req.resource)) return 'trust';
  if (req.resource.includes(':key/') && KEY_ARN.test(req.resource)) return 'key';
  return undefined;
}

function hasAllow(o: LayerOutcome | undefined): boolean {
  return o !== undefined && o.allows.length > 0;
}

/** Evaluates every layer that applies to the request and reduces them to facts. */
export function gatherFacts(set: CompiledPolicySet, req: PreparedRequest, full: boolean): Facts {
  const p = req.principal;
  const iam = isIamPrincipal(p);
  const root = p.type === 'root';
  const evaluated: EvaluatedLayer[] = [];
  const run = (layer: Layer, compiled: CompiledLayer | undefined, level?: number): LayerOutcome | undefined => {
    if (!compiled) return undefined;
    const outcome = evaluateLayer(compiled, req, full);
    evaluated.push({ layer, level, outcome });
    return outcome;
  };
  // RCPs apply to the resource whoever calls, for the actions they support; SCPs only to IAM principals of member
  // accounts. Neither restricts a service-linked role: "SCPs don't affect service-linked roles"
  // (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html, "Tasks and entities not
  // restricted by SCPs"), and RCPs do not restrict "any action performed by service-linked roles"
  // (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html, "Resources and entities
  // not restricted by RCPs").
  const serviceLinked = p.serviceLinked === true;
  const rcpExempt = set.rcps.length > 0 ? req.rcpExempt : undefined;
  if (!serviceLinked && rcpExempt === undefined) for (let i = 0; i < set.rcps.length; i++) run('rcp', set.rcps[i], i);
  let scpGap = -1;
  if (iam && !serviceLinked) {
    for (let i = 0; i < set.scps.length; i++) {
      if (!hasAllow(run('scp', set.scps[i], i)) && scpGap < 0) scpGap = i;
    }
  }
  const resource = run('resource', set.resource);
  const identity = iam && !root ? run('identity', set.identity) : undefined;
  const boundary = iam && !root ? run('permissions-boundary', set.permissionsBoundary) : undefined;
  const isSession = p.type === 'role-session' || p.type === 'federated-user';
  const session = isSession ? run('session', set.session) : undefined;
  return {
    evaluated,
    iam,
    root,
    identityAllows: root || hasAllow(identity),
    boundaryAllows: boundary === undefined || hasAllow(boundary),
    // A federated-user session without a session policy has no permissions; a role session keeps its role's.
    sessionAllows: session ? hasAllow(session) : p.type !== 'federated-user',
    hasSessionPolicy: session !== undefined,
    scpGap,
    required: requiredGrant(req),
    hasResourcePolicy: resource !== undefined,
    grant: resource?.grant,
    crossAccount:
      iam && p.account !== undefined && req.resourceAccount !== undefined && p.account !== req.resourceAccount,
    ownerUnknown: iam && !root && p.account !== undefined && req.ownerUnknown,
    serviceLinked: serviceLinked && (set.rcps.length > 0 || set.scps.length > 0),
    rcpExempt: serviceLinked ? undefined : rcpExempt,
  };
}

/** The identity side: identity policies, then the permissions boundary, then the session policy. */
function identitySide(f: Facts, needIdentity: boolean): Verdict | undefined {
  if (needIdentity && !f.identityAllows)
    return { decision: 'implicit-deny', layer: 'identity', rule: 'no-identity-allow' };
  if (!f.boundaryAllows) return { decision: 'implicit-deny', layer: 'permissions-boundary', rule: 'boundary' };
  if (!f.sessionAllows) return { decision: 'implicit-deny', layer: 'session', rule: 'session' };
  return undefined;
}

const NO_GRANT: Verdict = { decision: 'implicit-deny', layer: 'resource', rule: 'no-resource-grant' };
const GRANTED: Verdict = { decision: 'allowed', rule: 'resource-grant' };
const IDENTITY_ALLOWED: Verdict = { decision: 'allowed', rule: 'identity-allow' };

/**
 * The decision table. When the resource's owner is not known (an S3 ARN names no account), the request is decided
 * both as one within the caller's account and as one across accounts, where the bucket policy must allow too
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies-cross-account-resource-access.html): the same
 * answer stands whoever owns the bucket (a Deny, a bucket policy that grants the caller, no identity Allow); two
 * answers make the decision `unknown`, never the caller's own account guessed.
 */
export function decideFromFacts(f: Facts, actionLower: string): Verdict {
  if (!f.ownerUnknown) return decideKnownOwner(f, actionLower);
  const sameAccount = decideKnownOwner({ ...f, ownerUnknown: false, crossAccount: false }, actionLower);
  const otherAccount = decideKnownOwner({ ...f, ownerUnknown: false, crossAccount: true }, actionLower);
  if (sameAccount.decision === otherAccount.decision) return sameAccount;
  return { decision: 'unknown', layer: 'resource', rule: 'owner-unknown', readings: { sameAccount, otherAccount } };
}

/** The decision table, for a resource whose owner is known (or does not matter). */
function decideKnownOwner(f: Facts, actionLower: string): Verdict {
  // sts:GetCallerIdentity needs no permission and cannot be denied.
  if (actionLower === 'sts:getcalleridentity') return { decision: 'allowed', rule: 'caller-identity' };
  // 1. An explicit deny anywhere wins; the first layer in evaluation order is reported.
  const denied = f.evaluated.find((e) => e.outcome.denies.length > 0);
  if (denied) {
    return {
      decision: 'explicit-deny',
      layer: denied.layer,
      ...(denied.level !== undefined ? { level: denied.level } : {}),
      rule: 'explicit-deny',
      denied,
    };
  }
  // 2. Every SCP level must allow. (RCPs never deny implicitly: RCPFullAWSAccess sits at every level.)
  if (f.scpGap >= 0) return { decision: 'implicit-deny', layer: 'scp', level: f.scpGap, rule: 'scp-gap' };
  // 3. Services, identity providers and anonymous callers have no identity policies: only a resource grant counts.
  if (!f.iam) return f.grant ? GRANTED : NO_GRANT;
  // 4. Across accounts, both sides must allow.
  if (f.crossAccount) return f.grant ? (identitySide(f, true) ?? IDENTITY_ALLOWED) : NO_GRANT;
  // 5. Within one account, how the resource policy names the caller decides which implicit denies it overrides.
  if (f.grant === 'direct') return GRANTED;
  if (f.grant === 'role') return identitySide(f, false) ?? GRANTED;
  if (f.required && !f.grant) return NO_GRANT;
  return identitySide(f, true) ?? IDENTITY_ALLOWED;
}

/** Evaluates a request against a compiled policy set. */
export function decide(set: CompiledPolicySet, req: PreparedRequest, full: boolean): EvaluationResult {
  const facts = gatherFacts(set, req, full);
  const verdict = decideFromFacts(facts, req.actionLower);
  return { decision: verdict.decision, explanation: explain(facts, verdict, req) };
}
