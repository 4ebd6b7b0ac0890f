/**
 * Combines the layers into one decision, following AWS's policy evaluation logic
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
 * and the cross-account page, reference_policies_evaluation-logic-cross-account.html).
 * Like Cedar's authorizer, the decision is a short table over facts computed beforehand.
 */
import type { CompiledLayer } from './compile.js';
import { evaluateLayer, type LayerOutcome } from './evaluate.js';
import { isIamPrincipal } from './principal.js';
import type { PreparedRequest } from './request.js';
import {
  type EvaluationResult,
  type Explanation,
  LAYER_ORDER,
  type Layer,
  type LayerExplanation,
  type LayerResult,
  type StatementRef,
} from './types.js';

/** Every policy that applies to a request, compiled. */
export interface CompiledPolicySet {
  readonly identity: CompiledLayer;
  readonly permissionsBoundary: CompiledLayer | undefined;
  readonly session: CompiledLayer | undefined;
  /** One layer per organization level, root first. */
  readonly scps: readonly CompiledLayer[];
  readonly rcps: readonly CompiledLayer[];
  readonly resource: CompiledLayer | undefined;
}

const DOCS = 'https://docs.aws.amazon.com';
export const NOTE = {
  getCallerIdentity: `sts:GetCallerIdentity needs no permission and cannot be denied (${DOCS}/STS/latest/APIReference/API_GetCallerIdentity.html).`,
  trustPolicy: `Role trust policies must grant explicitly, even within the account; naming the account root only delegates to its identity policies (${DOCS}/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).`,
  keyPolicy: `KMS key policies must grant explicitly, even within the account; naming the account root only delegates to IAM policies (${DOCS}/kms/latest/developerguide/key-policy-default.html).`,
  federatedUser: `A federated-user session has no permissions beyond its session policy (${DOCS}/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).`,
  crossAccount: `Across accounts, the identity side and the resource policy must both allow (${DOCS}/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html).`,
  directGrant: `Within one account, a resource policy that names the user or the session itself grants directly, past implicit denies in identity policies, permissions boundaries and session policies (${DOCS}/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).`,
  roleGrant: `A resource policy that names the role ARN (not the session) is still limited by the permissions boundary and the session policy (${DOCS}/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).`,
  rootUser: `The account root user has full access except where an SCP or an explicit deny limits it (${DOCS}/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html).`,
  rcp: `RCPFullAWSAccess is attached at every level, so RCPs can only deny (${DOCS}/organizations/latest/userguide/orgs_manage_policies_rcps.html).`,
} as const;

/** Trust policies and KMS key policies must grant explicitly (reference_policies_evaluation-logic.html). */
function resourcePolicyRequired(req: PreparedRequest): 'trust' | 'key' | undefined {
  const arn = req.resourceArn;
  if (!arn) return undefined;
  if (arn.service === 'iam' && arn.resource.startsWith('role/') && req.actionLower.startsWith('sts:')) return 'trust';
  if (arn.service === 'kms' && arn.resource.startsWith('key/')) return 'key';
  return undefined;
}

interface Facts {
  readonly outcomes: Map<string, LayerOutcome>;
  readonly layers: LayerExplanation[];
}

function describe(ref: StatementRef): string {
  return `${ref.policy} statement ${ref.index}${ref.sid ? ` (Sid "${ref.sid}")` : ''}`;
}

const LAYER_NAMES: Readonly<Record<Layer, string>> = {
  rcp: 'RCP',
  scp: 'SCP',
  resource: 'resource-based policy',
  identity: 'identity-based policy',
  'permissions-boundary': 'permissions boundary',
  session: 'session policy',
};

/** Evaluates a request against a compiled policy set. */
export function decide(set: CompiledPolicySet, req: PreparedRequest, full: boolean): EvaluationResult {
  const p = req.principal;
  const iam = isIamPrincipal(p);
  const notes: string[] = [];
  const facts: Facts = { outcomes: new Map(), layers: [] };
  const run = (layer: Layer, compiled: CompiledLayer | undefined, applies: boolean, level?: number) => {
    if (!compiled || !applies) return undefined;
    const outcome = evaluateLayer(compiled, req, full);
    facts.outcomes.set(level === undefined ? layer : `${layer}:${level}`, outcome);
    return outcome;
  };
  const rcps = set.rcps.map((l, i) => run('rcp', l, true, i));
  const scps = set.scps.map((l, i) => run('scp', l, iam, i));
  const resource = run('resource', set.resource, true);
  const identity = run('identity', set.identity, iam && p.type !== 'root');
  const boundary = run('permissions-boundary', set.permissionsBoundary, iam && p.type !== 'root');
  const isSession = p.type === 'role-session' || p.type === 'federated-user';
  const session = run('session', set.session, isSession);

  // Facts the table below decides on.
  const identityAllows = p.type === 'root' || (identity?.allows.length ?? 0) > 0;
  const boundaryAllows = !boundary || boundary.allows.length > 0;
  const sessionAllows = session ? session.allows.length > 0 : p.type !== 'federated-user';
  const scpGap = scps.findIndex((o) => o !== undefined && o.allows.length === 0);
  const required = resourcePolicyRequired(req);
  const grant = resource?.grant;
  const crossAccount =
    iam && p.account !== undefined && req.resourceAccount !== undefined && p.account !== req.resourceAccount;

  const layerResult = (o: LayerOutcome | undefined, allows: boolean): LayerResult =>
    !o ? 'not-applicable' : o.denies.length > 0 ? 'explicit-deny' : allows ? 'allowed' : 'implicit-deny';
  const push = (layer: Layer, o: LayerOutcome | undefined, result: LayerResult, level?: number) => {
    if (!o && result === 'not-applicable') return;
    facts.layers.push({
      layer,
      ...(level !== undefined ? { level } : {}),
      result,
      matched: [...(o?.denies ?? []), ...(o?.allows ?? [])],
      ...(o?.details ? { statements: o.details } : {}),
    });
  };
  for (const [i, o] of rcps.entries()) push('rcp', o, o && o.denies.length > 0 ? 'explicit-deny' : 'allowed', i);
  for (const [i, o] of scps.entries()) push('scp', o, layerResult(o, (o?.allows.length ?? 0) > 0), i);
  push('resource', resource, layerResult(resource, grant !== undefined));
  if (p.type === 'root') push('identity', undefined, 'allowed');
  push('identity', identity, layerResult(identity, identityAllows));
  push('permissions-boundary', boundary, layerResult(boundary, boundaryAllows));
  if (session || p.type === 'federated-user') push('session', session, layerResult(session, sessionAllows));
  if (p.type === 'root') notes.push(NOTE.rootUser);
  if (rcps.length > 0) notes.push(NOTE.rcp);

  const what = `${req.action} on ${req.resource}`;
  const finish = (
    decision: EvaluationResult['decision'],
    deciding: readonly StatementRef[],
    reason: string,
    layer?: Layer,
    level?: number,
  ): EvaluationResult => {
    const explanation: Explanation = {
      ...(layer ? { decidingLayer: layer } : {}),
      ...(level !== undefined ? { decidingLevel: level } : {}),
      deciding,
      reason,
      layers: facts.layers,
      notes,
    };
    return { decision, explanation };
  };

  if (req.actionLower === 'sts:getcalleridentity') {
    notes.push(NOTE.getCallerIdentity);
    return finish('allowed', [], 'sts:GetCallerIdentity is always allowed.');
  }

  // 1. An explicit deny anywhere wins; report the first layer in evaluation order.
  for (const layer of LAYER_ORDER) {
    for (const [key, o] of facts.outcomes) {
      const [name, lvl] = key.split(':');
      if (name !== layer || o.denies.length === 0) continue;
      const level = lvl === undefined ? undefined : Number(lvl);
      const where = level === undefined ? LAYER_NAMES[layer] : `${LAYER_NAMES[layer]} at organization level ${level}`;
      return finish(
        'explicit-deny',
        o.denies,
        `Explicitly denied by ${where}: ${o.denies.map(describe).join(', ')}.`,
        layer,
        level,
      );
    }
  }
  // 2. Every SCP level must allow.
  if (scpGap >= 0) {
    return finish('implicit-deny', [], `No SCP at organization level ${scpGap} allows ${what}.`, 'scp', scpGap);
  }
  const resourceAllows = resource?.allows ?? [];
  const identitySide = (): EvaluationResult | undefined => {
    if (!identityAllows) return finish('implicit-deny', [], `No identity-based policy allows ${what}.`, 'identity');
    return limits();
  };
  const limits = (): EvaluationResult | undefined => {
    if (!boundaryAllows)
      return finish('implicit-deny', [], `The permissions boundary does not allow ${what}.`, 'permissions-boundary');
    if (!sessionAllows) {
      if (!session) notes.push(NOTE.federatedUser);
      const why = session
        ? `The session policy does not allow ${what}.`
        : `The federated-user session has no session policy, so it has no permissions.`;
      return finish('implicit-deny', [], why, 'session');
    }
    return undefined;
  };
  const allowed = (extra: readonly StatementRef[] = []) =>
    finish('allowed', [...(identity?.allows ?? []), ...extra], `Allowed: ${what}.`);
  const noGrant = (why: string) => finish('implicit-deny', [], why, 'resource');

  // 3. Callers that are not IAM principals (services, identity providers, anonymous) have only resource policies.
  if (!iam) {
    if (required === 'trust') notes.push(NOTE.trustPolicy);
    return grant
      ? finish('allowed', resourceAllows, `Allowed by the resource-based policy: ${what}.`)
      : noGrant(
          set.resource
            ? `No statement of the resource-based policy grants ${what} to ${p.text ?? 'this caller'}.`
            : `${p.text ?? 'This caller'} has no identity policies, and no resource-based policy was given for ${req.resource}.`,
        );
  }
  // 4. Across accounts, both sides must allow.
  if (crossAccount) {
    notes.push(NOTE.crossAccount);
    if (!grant) {
      return noGrant(
        `Cross-account request from account ${p.account} to account ${req.resourceAccount}: ${set.resource ? 'the resource-based policy does not allow' : 'no resource-based policy allows'} ${what}.`,
      );
    }
    return identitySide() ?? allowed(resourceAllows);
  }
  // 5. Within one account, how the resource policy names the caller decides which implicit denies it overrides.
  if (required) notes.push(required === 'trust' ? NOTE.trustPolicy : NOTE.keyPolicy);
  if (grant === 'direct') {
    notes.push(NOTE.directGrant);
    return finish(
      'allowed',
      resourceAllows,
      `Allowed by the resource-based policy, which names the caller directly: ${what}.`,
    );
  }
  if (grant === 'role') {
    notes.push(NOTE.roleGrant);
    return (
      limits() ??
      finish('allowed', resourceAllows, `Allowed by the resource-based policy, which names the role: ${what}.`)
    );
  }
  if (required && !grant) {
    const kind = required === 'trust' ? 'role trust policy' : 'KMS key policy';
    return noGrant(
      set.resource
        ? `The ${kind} does not grant ${what} to ${p.text ?? 'the caller'}; it must grant explicitly.`
        : `No ${kind} was given; it must grant ${what} explicitly, even within the account.`,
    );
  }
  return identitySide() ?? allowed(grant === 'account' ? resourceAllows : []);
}
