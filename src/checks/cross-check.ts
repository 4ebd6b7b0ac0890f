/**
 * The cross-check: IAM's own simulator (SimulatePrincipalPolicy) against the engine, permission by permission.
 * Where the two answers differ, the report shows both and fails closed. Pure: IAM's answers are read by
 * src/sources/aws-simulate.ts and passed in.
 *
 * Only the layers both engines evaluate are compared, because IAM's simulator sees less than a real request does
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_testing-policies.html):
 * - It evaluates the role's identity policies and its permissions boundary: compared.
 * - It evaluates the organization's SCPs, but "doesn't evaluate SCPs that have any conditions", and reports their
 *   verdict only as `OrganizationsDecisionDetail.AllowedByOrganizations`. So SCPs are compared through that flag,
 *   against the engine run over the given SCPs without those that carry a Condition (the ones IAM skips).
 * - "Simulation of resource-based policies isn't supported for IAM roles", and RCPs "are not supported in this
 *   release" (https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html).
 * - Session policies have no parameter at all: PolicyInputList "cannot be scope-down policies, such as you could
 *   include in a call to ... AssumeRole" (https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulateCustomPolicy.html).
 * Resource policies, RCPs and session policies are therefore left to the engine alone. That also covers the rule
 * that a KMS key policy must grant explicitly: the engine's verdict here is read from its identity-side layers, so
 * a key policy that was not given does not count as a difference.
 */

import {
  compilePolicySet,
  type Decision,
  evaluate,
  type LayerExplanation,
  type ParsedPolicy,
  type PolicyKind,
  type StatementRef,
} from '../iam/index.js';
import type { PolicyDocument, RoleModel } from '../model/aws.js';
import { type EvidenceValue, type Finding, finding } from '../model/finding.js';
import type { PointOf } from '../model/finding-classes.js';
import type { IamAnswer, IamDecision, IamStatement } from '../model/iam-answer.js';
import type { RoleCheck } from './check.js';
import { parseDocument } from './permissions/policies.js';
import type { PermissionRequest } from './permissions.js';

export type { IamAnswer, IamDecision, IamStatement } from '../model/iam-answer.js';

/** What {@link crossCheckPermissions} compares. */
export interface CrossCheckInput {
  readonly role: RoleModel;
  /** The SCPs the engine was given, one list per organization level, root first; absent when none were. */
  readonly scps?: readonly (readonly PolicyDocument[])[] | undefined;
  /** Each simulated permission, with IAM's answer; undefined where the call failed (its finding fails closed). */
  readonly pairs: readonly { readonly request: PermissionRequest; readonly answer: IamAnswer | undefined }[];
}

/** One side's verdict over a set of layers. */
interface Verdict {
  readonly decision: Decision;
  readonly point?: PointOf<'cross-check-disagreement'>;
  readonly statements: readonly StatementRef[];
  /** Whether the permissions boundary allows, on its own (true without a boundary). */
  readonly boundaryAllows?: boolean;
}

const SIMULATOR_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_testing-policies.html';
const OF_IAM: Readonly<Record<IamDecision, Decision>> = {
  allowed: 'allowed',
  explicitDeny: 'explicit-deny',
  implicitDeny: 'implicit-deny',
};
const FIX =
  'Report the case (with this finding) so the engine can be corrected; meanwhile treat the permission as denied. ' +
  "If the role's policies were given as files, first check that they match the live role: IAM simulates the role as it is now.";

/** Compares IAM's answers with the engine's: one finding per disagreement, or one pass finding when all agree. */
export function crossCheckPermissions(input: CrossCheckInput): Finding[] {
  const parsed = parseAll(input);
  // A policy that does not parse is already an `unverified` finding of the permissions check: nothing to compare.
  if (!parsed) return [];
  const set = compilePolicySet(parsed.set);
  const findings: Finding[] = [];
  const notCompared: string[] = [];
  const ids = new Map<string, number>();
  let agreed = 0;
  for (const { request, answer } of input.pairs) {
    const label = `${request.action} ${request.resource}`;
    // Repeats are numbered by occurrence, as the permissions check numbers its findings.
    const n = (ids.get(label) ?? 0) + 1;
    ids.set(label, n);
    if (!answer) {
      notCompared.push(label);
      continue;
    }
    const { layers } = evaluate(set, request).explanation;
    const draft = compareOne(identitySide(layers), scpSide(layers, parsed.scpState), answer, parsed.scpState);
    if (!draft) {
      agreed++;
      continue;
    }
    findings.push(
      finding('cross-check-disagreement', {
        id: `cross-check:${label}${n > 1 ? ` #${n}` : ''}`,
        subject: `${request.action} on ${request.resource}`,
        decisionPoint: draft.point,
        status: 'unverified',
        message: `Our engine and IAM disagree, so this is treated as denied (fail closed). Our engine: ${draft.ours}; IAM SimulatePrincipalPolicy: ${draft.theirs}.`,
        evidence: evidenceOf(request, answer, draft),
        fix: draft.fix ?? FIX,
        docUrl: SIMULATOR_DOC,
      }),
    );
  }
  if (findings.length === 0 && agreed > 0) findings.push(summary(input.role, agreed, notCompared, parsed.scpState));
  return findings;
}

/** Whether the SCP layer can be compared: `given` (some SCPs IAM evaluates too), `none` or `all-conditional`. */
type ScpState = 'given' | 'not-given' | 'all-conditional';

function parseAll(input: CrossCheckInput) {
  const parse = (doc: PolicyDocument, kind: PolicyKind): ParsedPolicy | undefined => {
    const result = parseDocument(doc, kind);
    return result.ok ? result.policy : undefined;
  };
  const { role } = input;
  const identity = [...role.inlinePolicies, ...role.managedPolicies].map((d) => parse(d, 'identity'));
  const boundary = role.permissionsBoundary ? parse(role.permissionsBoundary, 'identity') : undefined;
  // IAM's simulator skips every SCP with a condition; a level left with none is a level it does not evaluate.
  const levels = (input.scps ?? []).map((level) => level.filter((doc) => !hasCondition(doc.document)));
  const scps = levels.filter((level) => level.length > 0).map((level) => level.map((d) => parse(d, 'control')));
  const all = [...identity, ...scps.flat(), ...(role.permissionsBoundary ? [boundary] : [])];
  if (all.some((p) => p === undefined)) return undefined;
  const scpState: ScpState = !input.scps ? 'not-given' : scps.length === 0 ? 'all-conditional' : 'given';
  const defined = (list: readonly (ParsedPolicy | undefined)[]) => list.filter((p) => p !== undefined);
  return {
    set: { identityPolicies: defined(identity), permissionsBoundary: boundary, scps: scps.map(defined) },
    scpState,
  };
}

function hasCondition(document: unknown): boolean {
  const statements = (document as { Statement?: unknown } | null)?.Statement;
  const list: unknown[] = Array.isArray(statements) ? statements : [statements];
  return list.some((s) => typeof s === 'object' && s !== null && 'Condition' in s);
}

/**
 * The engine's verdict over the identity policies and the boundary alone, in AWS's order: an explicit deny in
 * either, then no identity Allow, then no boundary Allow
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html).
 */
function identitySide(layers: readonly LayerExplanation[]): Verdict {
  const identity = layers.find((l) => l.layer === 'identity');
  const boundary = layers.find((l) => l.layer === 'permissions-boundary');
  const boundaryAllows = boundary === undefined || boundary.result === 'allowed';
  const denies = (l: LayerExplanation) => l.matched.filter((s) => s.effect === 'Deny');
  for (const [l, point] of [
    [identity, 'identity-policy'],
    [boundary, 'permissions-boundary'],
  ] as const) {
    if (l?.result === 'explicit-deny')
      return { decision: 'explicit-deny', point, statements: denies(l), boundaryAllows };
  }
  if (identity?.result !== 'allowed') {
    return { decision: 'implicit-deny', point: 'identity-policy', statements: [], boundaryAllows };
  }
  if (!boundaryAllows)
    return { decision: 'implicit-deny', point: 'permissions-boundary', statements: [], boundaryAllows };
  return { decision: 'allowed', statements: identity.matched, boundaryAllows };
}

/** The engine's verdict over the SCP levels IAM evaluates too; undefined when there are none. */
function scpSide(layers: readonly LayerExplanation[], state: ScpState): Verdict | undefined {
  if (state !== 'given') return undefined;
  const scps = layers.filter((l) => l.layer === 'scp');
  const denied = scps.find((l) => l.result === 'explicit-deny') ?? scps.find((l) => l.result !== 'allowed');
  if (!denied) return { decision: 'allowed', statements: [] };
  const statements = denied.matched.filter((s) => s.effect === 'Deny');
  return { decision: denied.result === 'explicit-deny' ? 'explicit-deny' : 'implicit-deny', point: 'scp', statements };
}

/** A disagreement, before it becomes a finding. */
interface Draft {
  readonly point: PointOf<'cross-check-disagreement'>;
  readonly ours: string;
  readonly theirs: string;
  readonly layer: string;
  readonly fix?: string;
}

/**
 * The comparison. IAM's decision is the combination of every layer it evaluates, so its identity-side verdict is
 * readable only when its SCPs did not deny (AllowedByOrganizations true or absent); when they did, only the SCP
 * verdicts are compared. An SCP deny that IAM sees and the engine could not (no SCPs given) is a difference too.
 */
function compareOne(ours: Verdict, scp: Verdict | undefined, iam: IamAnswer, scpState: ScpState): Draft | undefined {
  const theirs = describeIam(iam);
  if (iam.allowedByOrganizations === false) {
    if (scp && scp.decision !== 'allowed') return undefined;
    if (scp) {
      const what = `the SCPs allow (identity policies and boundary: ${describeOurs(ours)})`;
      return { point: 'scp', ours: what, theirs, layer: 'scp' };
    }
    const why =
      scpState === 'not-given'
        ? 'SCPs not evaluated: none were given'
        : 'SCPs not evaluated: every SCP given has a Condition, which IAM ignores';
    return {
      point: 'scp',
      ours: `${describeOurs(ours)}; ${why}`,
      theirs,
      layer: 'scp',
      fix:
        "IAM says an SCP of the role's account denies this. Add the SCPs that apply to the account to policy-files " +
        '(aws organizations list-policies-for-target, then describe-policy, for the root, each OU and the account) so that ' +
        'the engine can name the statement; meanwhile treat the permission as denied.',
    };
  }
  if (scp && scp.decision !== 'allowed' && iam.allowedByOrganizations === true) {
    return { point: 'scp', ours: describeOurs(scp), theirs, layer: 'scp' };
  }
  if (OF_IAM[iam.decision] !== ours.decision) {
    return { point: ours.point ?? 'identity-policy', ours: describeOurs(ours), theirs, layer: 'identity' };
  }
  // Alike, they must also agree on the boundary alone (none allows everything). After an explicit deny IAM may stop
  // before the boundary, so its flag is read only otherwise.
  const boundary = iam.allowedByPermissionsBoundary;
  if (boundary !== undefined && ours.decision !== 'explicit-deny' && boundary !== ours.boundaryAllows) {
    const what = `${describeOurs(ours)}, the permissions boundary ${ours.boundaryAllows ? 'allows' : 'denies'} on its own`;
    return { point: 'permissions-boundary', ours: what, theirs, layer: 'permissions-boundary' };
  }
  return undefined;
}

function describeRef(ref: StatementRef): string {
  return `${ref.policy} statement ${ref.index}${ref.sid ? ` (Sid "${ref.sid}")` : ''}`;
}

function describeOurs(v: Verdict): string {
  const refs = v.statements.map(describeRef).join(', ');
  if (v.decision === 'allowed') return `allowed${refs ? ` (granted by ${refs})` : ''}`;
  return `${v.decision} by ${v.point ?? 'identity-policy'}${refs ? ` (${refs})` : ''}`;
}

function describeStatement(s: IamStatement): string {
  const where = s.line !== undefined ? ` at line ${s.line}${s.column !== undefined ? `, column ${s.column}` : ''}` : '';
  return `${s.policyId}${s.policyType ? ` (${s.policyType} policy)` : ''}${where}`;
}

function describeIam(iam: IamAnswer): string {
  const matched = iam.matchedStatements.map(describeStatement);
  const notes = [
    ...(matched.length > 0 ? [`matched statement ${matched.join(', ')}`] : []),
    ...(iam.allowedByOrganizations === false ? ['its SCPs deny (AllowedByOrganizations false)'] : []),
    ...(iam.allowedByPermissionsBoundary === false ? ['the permissions boundary denies'] : []),
  ];
  return `${iam.decision}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`;
}

function evidenceOf(request: PermissionRequest, iam: IamAnswer, draft: Draft): Record<string, EvidenceValue> {
  return {
    action: request.action,
    resource: request.resource,
    origin: request.permission.origin,
    comparedLayer: draft.layer,
    ours: draft.ours,
    iam: draft.theirs,
    iamDecision: iam.decision,
    iamMatchedStatements: iam.matchedStatements.map(describeStatement),
    ...(iam.allowedByOrganizations !== undefined ? { allowedByOrganizations: iam.allowedByOrganizations } : {}),
    ...(iam.allowedByPermissionsBoundary !== undefined
      ? { allowedByPermissionsBoundary: iam.allowedByPermissionsBoundary }
      : {}),
    ...(iam.missingContextValues.length > 0 ? { missingContextValues: iam.missingContextValues } : {}),
    ...(iam.requestId ? { requestId: iam.requestId } : {}),
    context: Object.entries(request.context).map(([k, v]) => `${k}=${typeof v === 'string' ? v : v.join(',')}`),
  };
}

function summary(role: RoleModel, agreed: number, notCompared: readonly string[], scpState: ScpState): Finding {
  const layers = ['identity policies', 'permissions boundary', ...(scpState === 'given' ? ['SCPs'] : [])];
  return finding('ok', {
    id: 'cross-check:ok',
    subject: `IAM cross-check of ${role.arn}`,
    decisionPoint: 'identity-policy',
    status: 'pass',
    message:
      `IAM's SimulatePrincipalPolicy agrees with the engine on ${agreed} permission${agreed === 1 ? '' : 's'} ` +
      `(${layers.join(', ')}). IAM does not simulate session policies, RCPs or a role's resource policies: those were checked by the engine alone.`,
    evidence: { agreed, layersCompared: layers, ...(notCompared.length > 0 ? { notCompared } : {}) },
    docUrl: SIMULATOR_DOC,
  });
}

/** The cross-check as the registry runs it: IAM's failed reads, then every disagreement. */
export const crossCheck: RoleCheck = {
  id: 'cross-check',
  title: "IAM's own SimulatePrincipalPolicy agrees with the engine on every permission.",
  decisionPoints: ['identity-policy', 'permissions-boundary', 'session-policy', 'scp', 'resource-policy'],
  section: 'aws',
  scope: 'role',
  needs: ['iam-simulation'],
  appliesTo: (config) => config.sources.crossCheck,
  run: ({ role, inventory, iamSimulation }) =>
    iamSimulation
      ? [
          ...iamSimulation.findings,
          ...crossCheckPermissions({ role, scps: inventory.scps, pairs: iamSimulation.pairs }),
        ]
      : [],
};
