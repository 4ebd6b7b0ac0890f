/**
 * Renders the explanation that rides with every decision: each layer's result and matching
 * statements, the statements that decided, one sentence of reason, and the documented rules that
 * shaped the decision. Built from the same facts the decision table read, so the two cannot disagree.
 */
import type { EvaluatedLayer, Facts, Verdict } from './decide.js';
import type { LayerOutcome } from './evaluate.js';
import type { PreparedRequest } from './request.js';
import {
  type Explanation,
  LAYER_ORDER,
  type Layer,
  type LayerExplanation,
  type LayerResult,
  type StatementRef,
} from './types.js';

const DOCS = 'https://docs.aws.amazon.com';
const EVAL = `${DOCS}/IAM/latest/UserGuide/reference_policies_evaluation-logic.html`;

/** The documented rules an explanation can cite. */
export const NOTE = {
  getCallerIdentity: `sts:GetCallerIdentity needs no permission and cannot be denied (${DOCS}/STS/latest/APIReference/API_GetCallerIdentity.html).`,
  trustPolicy: `Role trust policies must grant explicitly, even within the account; naming the account root only delegates to its identity policies (${EVAL}).`,
  keyPolicy: `KMS key policies must grant explicitly, even within the account; naming the account root only delegates to IAM policies (${DOCS}/kms/latest/developerguide/key-policy-default.html).`,
  federatedUser: `A federated-user session has no permissions beyond its session policy (${EVAL}).`,
  crossAccount: `Across accounts, the identity side and the resource policy must both allow (${DOCS}/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html).`,
  directGrant: `Within one account, a resource policy that names the user or the session itself grants directly, past implicit denies in identity policies, permissions boundaries and session policies (${EVAL}).`,
  roleGrant: `A resource policy that names the role ARN (not the session) is still limited by the permissions boundary and the session policy (${EVAL}).`,
  rootUser: `The account root user has full access except where an SCP or an explicit deny limits it (${DOCS}/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html).`,
  rcp: `RCPFullAWSAccess is attached at every level, so RCPs can only deny (${DOCS}/organizations/latest/userguide/orgs_manage_policies_rcps.html).`,
  serviceLinked: `SCPs and RCPs do not restrict a service-linked role (${DOCS}/organizations/latest/userguide/orgs_manage_policies_scps.html, ${DOCS}/organizations/latest/userguide/orgs_manage_policies_rcps.html): they were not applied.`,
  notPrincipalBoundary: `A Deny with NotPrincipal always denies a principal that has a permissions boundary, even one the NotPrincipal element names (${DOCS}/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html).`,
  ownerUnknown: `An S3 ARN names no account, and no resourceAccount was given: across accounts the bucket policy must allow too (${DOCS}/IAM/latest/UserGuide/access_policies-cross-account-resource-access.html).`,
  ownerIrrelevant: 'The account that owns the bucket is not known; the decision is the same whichever account owns it.',
} as const;

const LAYER_NAMES: Readonly<Record<Layer, string>> = {
  rcp: 'RCP',
  scp: 'SCP',
  resource: 'resource-based policy',
  identity: 'identity-based policy',
  'permissions-boundary': 'permissions boundary',
  session: 'session policy',
};

function describe(ref: StatementRef): string {
  return ref.sid ? `${ref.policy} statement ${ref.index} (Sid "${ref.sid}")` : `${ref.policy} statement ${ref.index}`;
}

function resultOf(e: EvaluatedLayer, f: Facts): LayerResult {
  const o = e.outcome;
  if (o.denies.length > 0) return 'explicit-deny';
  if (e.layer === 'rcp') return 'allowed';
  if (e.layer === 'resource') return f.grant ? 'allowed' : 'implicit-deny';
  return o.allows.length > 0 ? 'allowed' : 'implicit-deny';
}

function matchedOf(o: LayerOutcome): readonly StatementRef[] {
  if (o.denies.length === 0) return o.allows;
  if (o.allows.length === 0) return o.denies;
  return o.denies.concat(o.allows);
}

function layersOf(f: Facts): LayerExplanation[] {
  const layers: LayerExplanation[] = [];
  for (const e of f.evaluated) {
    const l: { -readonly [K in keyof LayerExplanation]: LayerExplanation[K] } = {
      layer: e.layer,
      result: resultOf(e, f),
      matched: matchedOf(e.outcome),
    };
    if (e.level !== undefined) l.level = e.level;
    if (e.outcome.details) l.statements = e.outcome.details;
    layers.push(l);
  }
  // Layers decided without statements: the root user's full access, a federated user's missing session policy.
  if (f.root) insertInOrder(layers, { layer: 'identity', result: 'allowed', matched: [] });
  if (!f.hasSessionPolicy && !f.sessionAllows) layers.push({ layer: 'session', result: 'implicit-deny', matched: [] });
  return layers;
}

function insertInOrder(layers: LayerExplanation[], l: LayerExplanation): void {
  const rank = LAYER_ORDER.indexOf(l.layer);
  const at = layers.findIndex((x) => LAYER_ORDER.indexOf(x.layer) > rank);
  layers.splice(at < 0 ? layers.length : at, 0, l);
}

function allowsOf(f: Facts, layer: Layer): readonly StatementRef[] {
  return f.evaluated.find((e) => e.layer === layer)?.outcome.allows ?? [];
}

function reasonOf(f: Facts, v: Verdict, req: PreparedRequest): string {
  const what = `${req.action} on ${req.resource}`;
  const who = req.principal.text ?? 'the caller';
  switch (v.rule) {
    case 'caller-identity':
      return 'sts:GetCallerIdentity is always allowed.';
    case 'explicit-deny': {
      const d = v.denied as EvaluatedLayer;
      const where =
        d.level === undefined ? LAYER_NAMES[d.layer] : `${LAYER_NAMES[d.layer]} at organization level ${d.level}`;
      return `Explicitly denied by ${where}: ${d.outcome.denies.map(describe).join(', ')}.`;
    }
    case 'scp-gap':
      return `No SCP at organization level ${v.level} allows ${what}.`;
    case 'no-identity-allow':
      return `No identity-based policy allows ${what}.`;
    case 'boundary':
      return `The permissions boundary does not allow ${what}.`;
    case 'session':
      return f.hasSessionPolicy
        ? `The session policy does not allow ${what}.`
        : 'The federated-user session has no session policy, so it has no permissions.';
    case 'no-resource-grant':
      if (f.crossAccount) {
        return `Cross-account request from account ${req.principal.account} to account ${req.resourceAccount}: ${f.hasResourcePolicy ? 'the resource-based policy does not allow' : 'no resource-based policy allows'} ${what}.`;
      }
      if (!f.iam) {
        return f.hasResourcePolicy
          ? `No statement of the resource-based policy grants ${what} to ${who}.`
          : `${who} has no identity policies, and no resource-based policy was given for ${req.resource}.`;
      }
      return f.hasResourcePolicy
        ? `The ${f.required === 'key' ? 'KMS key policy' : 'role trust policy'} does not grant ${what} to ${who}; it must grant explicitly.`
        : `No ${f.required === 'key' ? 'KMS key policy' : 'role trust policy'} was given; it must grant ${what} explicitly, even within the account.`;
    case 'resource-grant':
      return f.grant === 'role'
        ? `Allowed by the resource-based policy, which names the role: ${what}.`
        : f.iam && !f.crossAccount
          ? `Allowed by the resource-based policy, which names the caller directly: ${what}.`
          : `Allowed by the resource-based policy: ${what}.`;
    case 'identity-allow':
      return `Allowed: ${what}.`;
    case 'owner-unknown': {
      const r = v.readings as NonNullable<Verdict['readings']>;
      const policy = f.hasResourcePolicy ? 'the bucket policy given does not grant it' : 'no bucket policy was given';
      return `Unknown: the account that owns ${req.resource} is not known, and the decision turns on it. Owned by the caller's account ${req.principal.account}: ${r.sameAccount.decision}; owned by another account: ${r.otherAccount.decision}, for the bucket policy must allow it too and ${policy}. Give the owner: "resourceAccount" in the request (simulate), "AccountId" in the bucket policy's file (docs/policy-folder.md).`;
    }
  }
}

function decidingOf(f: Facts, v: Verdict): readonly StatementRef[] {
  if (v.rule === 'explicit-deny') return (v.denied as EvaluatedLayer).outcome.denies;
  if (v.rule === 'resource-grant') return allowsOf(f, 'resource');
  if (v.rule === 'identity-allow') {
    const identity = allowsOf(f, 'identity');
    return f.crossAccount || f.grant === 'account' ? identity.concat(allowsOf(f, 'resource')) : identity;
  }
  return [];
}

/** Whether a deciding Deny applied only for the caller's permissions boundary (NotPrincipal). */
function boundaryDenied(v: Verdict, req: PreparedRequest): boolean {
  const marked = req.boundaryDenies;
  return marked !== undefined && (v.denied?.outcome.denies.some((ref) => marked.has(ref)) ?? false);
}

function notesOf(f: Facts, v: Verdict, req: PreparedRequest): string[] {
  const notes: string[] = [];
  if (f.root) notes.push(NOTE.rootUser);
  if (f.serviceLinked) notes.push(NOTE.serviceLinked);
  if (f.rcpExempt) notes.push(f.rcpExempt);
  if (f.evaluated.some((e) => e.layer === 'rcp')) notes.push(NOTE.rcp);
  if (v.rule === 'explicit-deny' && boundaryDenied(v, req)) notes.push(NOTE.notPrincipalBoundary);
  if (f.ownerUnknown) notes.push(v.rule === 'owner-unknown' ? NOTE.ownerUnknown : NOTE.ownerIrrelevant);
  if (v.rule === 'caller-identity') notes.push(NOTE.getCallerIdentity);
  if (v.rule === 'explicit-deny' || v.rule === 'scp-gap') return notes;
  if (f.crossAccount) notes.push(NOTE.crossAccount);
  else if (f.required) notes.push(f.required === 'trust' ? NOTE.trustPolicy : NOTE.keyPolicy);
  if (f.iam && !f.crossAccount && f.grant === 'direct') notes.push(NOTE.directGrant);
  if (f.iam && !f.crossAccount && f.grant === 'role') notes.push(NOTE.roleGrant);
  if (v.rule === 'session' && !f.hasSessionPolicy) notes.push(NOTE.federatedUser);
  return notes;
}

/** Builds the explanation of a verdict. */
export function explain(f: Facts, v: Verdict, req: PreparedRequest): Explanation {
  const e: { -readonly [K in keyof Explanation]: Explanation[K] } = {
    deciding: decidingOf(f, v),
    reason: reasonOf(f, v, req),
    layers: layersOf(f),
    notes: notesOf(f, v, req),
  };
  if (v.layer) e.decidingLayer = v.layer;
  if (v.level !== undefined) e.decidingLevel = v.level;
  return e;
}
