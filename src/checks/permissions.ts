/**
 * The permissions check: will the role's session be allowed every action the deploy performs? Each required
 * permission is validated against AWS's service authorization reference, then evaluated by the engine with every
 * policy type that applies to a role session (identity, permissions boundary, session, SCPs, RCPs, the resource's
 * policy), compiled once per run. Each permission yields exactly one finding; findings about unreadable policies
 * come first. Pure: policies, the catalog and the clock are passed in.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
import type {
  AssumeRoleSettings,
  AwsInventory,
  PolicyDocument,
  RequiredPermission,
  ResourcePolicyModel,
  RoleModel,
} from '../aws/model.js';
import { type ActionInfo, type Catalog, isRcpSupported, lookupAction, matchResourceTypes } from '../catalog/index.js';
import {
  type CompiledPolicySet,
  type ContextValue,
  compilePolicySet,
  type EvaluationResult,
  evaluate,
  type Layer,
  type ParsedPolicy,
  type PolicyKind,
  parsePolicy,
  type StatementRef,
} from '../iam/index.js';
import type { DecisionPoint, EvidenceValue, Finding } from './finding.js';

/** What {@link checkPermissions} needs, all of it already read. */
export interface PermissionsCheckInput {
  readonly role: RoleModel;
  readonly permissions: readonly RequiredPermission[];
  readonly settings: AssumeRoleSettings;
  readonly inventory: AwsInventory;
  readonly catalog: Catalog;
  /** The current time, epoch seconds: the source of `aws:CurrentTime` and `aws:EpochTime`. */
  readonly now: number;
  /** The session ARN, when a live probe learned it; otherwise built from the role and the session name. */
  readonly sessionArn?: string;
  /** Context keys for every permission (e.g. the runner's `aws:SourceIp`); a permission's own pairs win. */
  readonly context?: Readonly<Record<string, ContextValue>>;
}

const IAM = 'https://docs.aws.amazon.com/IAM/latest/UserGuide';
const REFERENCE =
  'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html';
const KMS_KEY_POLICY = 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html';
const EXPLICIT_DENY = `${IAM}/reference_policies_evaluation-logic_policy-eval-denyallow.html`;
const CONDITION_KEYS = `${IAM}/reference_policies_condition-keys.html`;
const POINT: Readonly<Record<Layer, DecisionPoint>> = {
  identity: 'identity-policy',
  'permissions-boundary': 'permissions-boundary',
  session: 'session-policy',
  scp: 'scp',
  rcp: 'rcp',
  resource: 'resource-policy',
};
const LAYER_DOC: Readonly<Record<Layer, string>> = {
  identity: `${IAM}/reference_policies_evaluation-logic.html`,
  'permissions-boundary': `${IAM}/access_policies_boundaries.html`,
  session: `${IAM}/access_policies.html#policies_session`,
  scp: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html',
  rcp: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html',
  resource: `${IAM}/reference_policies_evaluation-logic-cross-account.html`,
};
/** Network keys: a deny decided by one of these is a network rule, not an entitlement. */
const NETWORK_KEYS = new Set([
  'aws:sourceip',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:vpcsourceip',
  'aws:sourcevpcarn',
]);
/**
 * Global services with one endpoint in us-east-1, so every request to them has aws:RequestedRegion us-east-1
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_deny-requested-region.html).
 */
const US_EAST_1_SERVICES = new Set(['iam', 'cloudfront', 'route53', 'support']);

type Evidence = Record<string, EvidenceValue>;
type Draft = Omit<Finding, 'id' | 'subject'>;
interface Entry {
  readonly doc: PolicyDocument;
  readonly policy: ParsedPolicy | undefined;
}
interface ResourceEntry extends Entry {
  readonly compiled: CompiledPolicySet['resource'];
}

/** The run's policies: parsed and compiled once, with the documents kept so findings can point at them. */
interface Prepared {
  readonly findings: Finding[];
  /** Documents by `layer level name`, for statement lookups. */
  readonly entries: Map<string, Entry>;
  /** Names of policies that did not parse (resource policies are judged per permission). */
  readonly broken: string[];
  readonly unknownSessionPolicies: string[];
  readonly withRcps: CompiledPolicySet;
  readonly withoutRcps: CompiledPolicySet;
  /** Resource policies, parsed and compiled on first use and then reused. */
  readonly resources: Map<ResourcePolicyModel, ResourceEntry>;
}

const entryKey = (layer: Layer, level: number | undefined, name: string) => `${layer} ${level ?? ''} ${name}`;

/** The session's ARN: the probe's when it learned it, else built from the role and the session name. */
function sessionPrincipal(input: PermissionsCheckInput): string {
  const { role, settings } = input;
  const partition = role.arn.split(':')[1] || 'aws';
  return (
    input.sessionArn ?? `arn:${partition}:sts::${role.accountId}:assumed-role/${role.name}/${settings.sessionName}`
  );
}

/** Checks every required permission of a role session. */
export function checkPermissions(input: PermissionsCheckInput): Finding[] {
  const prepared = preparePolicies(input.role, input.settings, input.inventory);
  const principal = sessionPrincipal(input);
  const findings: Finding[] = [];
  const ids = new Map<string, number>();
  for (const p of input.permissions) {
    const id = `permissions:${p.action} ${p.resource}`;
    const n = (ids.get(id) ?? 0) + 1;
    ids.set(id, n);
    const draft = checkOne(input, prepared, principal, p);
    findings.push({
      id: n > 1 ? `${id} #${n}` : id,
      subject: `${p.action} on ${p.resource}`,
      ...draft,
      evidence: { ...draft.evidence, origin: p.origin },
    });
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

/** Parses one document; a failure becomes an `unverified` finding and leaves the policy out. */
function parseInto(out: Finding[], layer: Layer, level: number | undefined, doc: PolicyDocument, kind: PolicyKind) {
  const result = parsePolicy(doc.document, { name: doc.name, ...(doc.file ? { file: doc.file } : {}) }, kind);
  const entry = { doc, policy: result.ok ? result.policy : undefined };
  if (!result.ok) {
    out.push({
      id: `permissions:invalid-policy:${layer}${level ?? ''}:${doc.name}`,
      subject: `policy ${doc.name}`,
      decisionPoint: POINT[layer],
      class: 'invalid-policy',
      status: 'unverified',
      message: `${doc.name} could not be read, so permissions that depend on it cannot be verified: ${result.errors
        .slice(0, 3)
        .map((e) => e.message)
        .join('; ')}.`,
      evidence: { policy: doc.name, errors: result.errors.map((e) => e.message) },
      fix: `Correct ${doc.name}; IAM refuses documents with these errors, so the copy given may be damaged or edited.`,
      docUrl: `${IAM}/reference_policies_grammar.html`,
      ...locationOf(doc),
    });
  }
  return entry;
}

function preparePolicies(role: RoleModel, settings: AssumeRoleSettings, inventory: AwsInventory): Prepared {
  const findings: Finding[] = [];
  const entries = new Map<string, Entry>();
  const broken: string[] = [];
  const unknownSessionPolicies: string[] = [];
  const read = (layer: Layer, level: number | undefined, docs: readonly PolicyDocument[], kind: PolicyKind) =>
    docs.flatMap((doc) => {
      const entry = parseInto(findings, layer, level, doc, kind);
      entries.set(entryKey(layer, level, doc.name), entry);
      if (!entry.policy) broken.push(doc.name);
      return entry.policy ? [entry.policy] : [];
    });
  // Managed session policies are looked up among the managed policies the inventory holds, by ARN.
  const known = new Map<string, PolicyDocument>();
  for (const r of inventory.roles) for (const m of r.managedPolicies) if (m.arn) known.set(m.arn, m);
  const sessionDocs = settings.inlineSessionPolicy ? [settings.inlineSessionPolicy] : [];
  for (const arn of settings.managedSessionPolicyArns) {
    const doc = known.get(arn);
    if (doc) sessionDocs.push(doc);
    else unknownSessionPolicies.push(arn);
  }
  for (const arn of unknownSessionPolicies) {
    findings.push({
      id: `permissions:session-policy-unreadable:${arn}`,
      subject: `managed session policy ${arn}`,
      decisionPoint: 'session-policy',
      class: 'session-policy-unreadable',
      status: 'unverified',
      message: `The managed session policy ${arn} could not be read, so what it leaves out of the session is unknown.`,
      evidence: { policyArn: arn },
      fix: `Include ${arn} in the policies given (aws iam get-policy-version), or grant the preflight iam:GetPolicyVersion on it.`,
      docUrl: LAYER_DOC.session,
    });
  }
  const boundary = role.permissionsBoundary
    ? read('permissions-boundary', undefined, [role.permissionsBoundary], 'identity')
    : [];
  const base = compilePolicySet({
    identityPolicies: read('identity', undefined, [...role.inlinePolicies, ...role.managedPolicies], 'identity'),
    permissionsBoundary: boundary[0],
    sessionPolicies: read('session', undefined, sessionDocs, 'identity'),
    scps: (inventory.scps ?? []).map((docs, level) => read('scp', level, docs, 'identity')),
    rcps: (inventory.rcps ?? []).map((docs, level) => read('rcp', level, docs, 'control')),
  });
  const withoutRcps = { ...base, rcps: [] };
  return { findings, entries, broken, unknownSessionPolicies, withRcps: base, withoutRcps, resources: new Map() };
}

/** The resource policy that governs an ARN: its own, or for an S3 object or object pattern, its bucket's. */
function findResourcePolicy(inventory: AwsInventory, resource: string): ResourcePolicyModel | undefined {
  const list = inventory.resourcePolicies ?? [];
  return (
    list.find((rp) => rp.resourceArn === resource) ??
    list.find((rp) => /^arn:[^:]+:s3:::[^/]+$/.test(rp.resourceArn) && resource.startsWith(`${rp.resourceArn}/`))
  );
}

function readResourcePolicy(prep: Prepared, rp: ResourcePolicyModel): ResourceEntry {
  const cached = prep.resources.get(rp);
  if (cached) return cached;
  const entry = parseInto(prep.findings, 'resource', undefined, rp.policy, 'resource');
  const resourcePolicy = entry.policy;
  const compiled = resourcePolicy ? compilePolicySet({ identityPolicies: [], resourcePolicy }).resource : undefined;
  const result = { ...entry, compiled };
  prep.resources.set(rp, result);
  return result;
}

function locationOf(doc: PolicyDocument | undefined): Pick<Finding, 'location'> {
  if (!doc?.file) return {};
  return { location: { file: doc.file, ...(doc.line !== undefined ? { line: doc.line } : {}) } };
}

function describeRef(ref: StatementRef): string {
  return `${ref.policy} statement ${ref.index}${ref.sid ? ` (Sid "${ref.sid}")` : ''}`;
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

/**
 * The request context the preflight can vouch for, then the caller's keys over it. Each derived key is certain for
 * a role session calling AWS over the SDK (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html):
 * aws:PrincipalArn is the role's ARN, not the session's; aws:PrincipalType is `AssumedRole`; aws:PrincipalIsAWSService
 * is false for a call the role makes itself; aws:SecureTransport is true because the SDK and CLI call HTTPS endpoints.
 * aws:userid (`ROLEID:session`) is left out: the role's unique id is not in the model.
 */
function buildContext(input: PermissionsCheckInput, p: RequiredPermission, action: ActionInfo) {
  const { role, settings } = input;
  const entries = new Map<string, [string, ContextValue]>();
  const put = (key: string, value: ContextValue) => entries.set(key.toLowerCase(), [key, value]);
  put('aws:PrincipalArn', role.arn);
  put('aws:PrincipalAccount', role.accountId);
  put('aws:PrincipalType', 'AssumedRole');
  put('aws:PrincipalIsAWSService', 'false');
  put('aws:SecureTransport', 'true');
  put('aws:CurrentTime', new Date(Math.floor(input.now) * 1000).toISOString().replace('.000Z', 'Z'));
  put('aws:EpochTime', String(Math.floor(input.now)));
  // The region the SDK calls: the resource's own, us-east-1 for global services, else the configured one.
  const arnRegion = p.resource.split(':')[3]?.replace(/.*[*?].*/, '');
  const region = arnRegion || (US_EAST_1_SERVICES.has(action.service) ? 'us-east-1' : settings.region);
  if (region) put('aws:RequestedRegion', region);
  // Session tags override role tags of the same key (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html).
  const tags = { ...role.tags, ...settings.sessionTags };
  for (const [k, v] of Object.entries(tags)) put(`aws:PrincipalTag/${k}`, v);
  // The caller's keys win: the run's (input.context), then the permission's own.
  for (const pairs of [input.context ?? {}, p.context])
    for (const [key, value] of Object.entries(pairs)) put(key, value);
  const context: Record<string, ContextValue> = {};
  for (const [key, value] of entries.values()) context[key] = value;
  const known = (key: string) =>
    entries.has(key.toLowerCase()) || (role.tags !== undefined && key.toLowerCase().startsWith('aws:principaltag/'));
  return { context, known };
}

const keyOfLabel = (label: string) => label.slice(label.indexOf(' ') + 1);

function evaluateOne(
  input: PermissionsCheckInput,
  prep: Prepared,
  principal: string,
  p: RequiredPermission,
  action: ActionInfo,
): Draft {
  const rp = findResourcePolicy(input.inventory, p.resource);
  const rpEntry = rp ? readResourcePolicy(prep, rp) : undefined;
  // RCPs are evaluated only for services that support them (orgs_manage_policies_rcps.html).
  const base = isRcpSupported(input.catalog, action.service) ? prep.withRcps : prep.withoutRcps;
  const set = rpEntry?.compiled ? { ...base, resource: rpEntry.compiled } : base;
  const { context, known } = buildContext(input, p, action);
  const request = {
    principal,
    action: action.canonical,
    resource: p.resource,
    context,
    ...(rp?.accountId ? { resourceAccount: rp.accountId } : {}),
  };
  const result = evaluate(set, request);
  const evidence: Evidence = {
    action: action.canonical,
    resource: p.resource,
    principal,
    decision: result.decision,
    context: Object.entries(context).map(([k, v]) => `${k}=${typeof v === 'string' ? v : v.join(',')}`),
  };
  const notChecked = [
    ...(input.inventory.scps ? [] : ['SCPs']),
    ...(input.inventory.rcps ? [] : ['RCPs']),
    ...(rp || p.resource === '*' ? [] : ['resource policy']),
  ];
  if (notChecked.length > 0) evidence.notChecked = notChecked;
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
  if (result.decision === 'allowed') return allowed(result, prep, evidence);
  // Only a denial pays for the full explanation: it names the conditions that kept each statement out.
  const full = evaluate(set, request, { explain: 'full' });
  return explainDenial({ input, prep, p, action, rp, rpEntry, context, known, evidence }, full);
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

/**
 * A denial: `fail` with the deciding layer, statement and fix, or `unverified` when it turns on what the preflight
 * does not know (a resource policy not given, a context key not given).
 */
function explainDenial(d: Denial, full: EvaluationResult): Draft {
  const { input, prep, p, action, rp, rpEntry, context, known, evidence } = d;
  const e = full.explanation;
  const layer = e.decidingLayer ?? 'identity';
  const lookup = (ref: StatementRef) =>
    layer === 'resource' ? rpEntry : prep.entries.get(entryKey(layer, e.decidingLevel, ref.policy));
  const explicit = full.decision === 'explicit-deny';
  // Explicit: the keys of the deny's conditions. Implicit: the conditions that kept an Allow of that layer out.
  const layerDetail = e.layers.find((l) => l.layer === layer && l.level === e.decidingLevel)?.statements ?? [];
  const misses = explicit
    ? []
    : layerDetail.filter((s) => s.ref.effect === 'Allow' && s.mismatch === 'condition' && s.failedCondition);
  const keys = explicit
    ? e.deciding.flatMap((ref) => {
        const statement = lookup(ref)?.policy?.statements.find((s) => s.index === ref.index);
        return (statement?.conditions ?? []).map((c) => keyOfLabel(c.label));
      })
    : misses.map((s) => keyOfLabel(s.failedCondition ?? ''));
  const deciding = e.deciding[0] ? lookup(e.deciding[0])?.doc : undefined;
  const layerDoc =
    layer === 'resource' ? rp?.policy : layer === 'permissions-boundary' ? input.role.permissionsBoundary : undefined;
  const where = locationOf(deciding ?? layerDoc);
  if (layer === 'resource' && !rp) {
    return {
      decisionPoint: 'resource-policy',
      status: 'unverified',
      class: 'resource-policy-unknown',
      message: `Could not verify: ${e.reason}`,
      evidence,
      fix: `Give the resource policy of ${p.resource} (for a KMS key: aws kms get-key-policy --policy-name default --key-id ...).`,
      docUrl: action.service === 'kms' ? KMS_KEY_POLICY : LAYER_DOC.resource,
    };
  }
  const unknown = keys.find((k) => !known(k));
  if (unknown) {
    return {
      decisionPoint: POINT[layer],
      status: 'unverified',
      class: 'context-key-unknown',
      message: `Could not verify: ${e.reason} That turns on ${unknown}, which the preflight cannot know.`,
      evidence: { ...evidence, unknownKey: unknown },
      fix: `If the deploy's request carries ${unknown}, add ${unknown}=VALUE to ${p.origin} to check it with that value.`,
      docUrl: CONDITION_KEYS,
      ...where,
    };
  }
  const near = misses.map((s, i) => {
    const key = keys[i] ?? '';
    const value = Object.entries(context).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
    const has = value === undefined ? `no ${key}` : `${key}=${typeof value === 'string' ? value : value.join(',')}`;
    return `${describeRef(s.ref)} allows it only under ${s.failedCondition}, and the request has ${has}`;
  });
  return {
    decisionPoint: POINT[layer],
    status: 'fail',
    class: full.decision,
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
      : fixImplicit(layer, e.decidingLevel, input.role, p, action),
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

function allowed(result: EvaluationResult, prep: Prepared, evidence: Evidence): Draft {
  const granting = result.explanation.deciding.map(describeRef);
  const by = granting.length > 0 ? ` by ${granting.join(', ')}` : '';
  if (prep.unknownSessionPolicies.length > 0) {
    // A session policy can only narrow, so a deny stands without it, but an allow may not.
    return {
      decisionPoint: 'session-policy',
      status: 'unverified',
      class: 'session-policy-unknown',
      message: `Allowed${by}, unless the unread managed session policies ${prep.unknownSessionPolicies.join(', ')} leave it out.`,
      evidence: { ...evidence, granting },
      fix: 'Give the managed session policies (aws iam get-policy-version) so that they can be checked.',
      docUrl: LAYER_DOC.session,
    };
  }
  return {
    decisionPoint: 'identity-policy',
    status: 'pass',
    class: 'ok',
    message: `Allowed${by}.`,
    evidence: { ...evidence, granting },
  };
}

/** The statement's Condition element as written, for a fix that names it. */
function conditionOf(doc: PolicyDocument | undefined, index: number): unknown {
  const statements = (doc?.document as { Statement?: unknown } | undefined)?.Statement;
  const statement = Array.isArray(statements) ? statements[index] : statements;
  return (statement as { Condition?: unknown } | undefined)?.Condition;
}

function fixExplicit(
  refs: readonly StatementRef[],
  layer: Layer,
  docOf: (ref: StatementRef) => PolicyDocument | undefined,
): string {
  const parts = refs.map((ref) => {
    const condition = conditionOf(docOf(ref), ref.index);
    return condition
      ? `${describeRef(ref)} denies it when ${JSON.stringify(condition)}: make the request fall outside that condition, or narrow the statement so that it does not cover this role`
      : `${describeRef(ref)} denies it without a condition: narrow its Action or Resource, or add a condition that exempts this role`;
  });
  const owner = layer === 'scp' || layer === 'rcp' ? ' This is an organization policy: its owners must change it.' : '';
  return `${parts.join('; ')}. An explicit deny overrides every allow.${owner}`;
}

function fixImplicit(
  layer: Layer,
  level: number | undefined,
  role: RoleModel,
  p: RequiredPermission,
  action: ActionInfo,
): string {
  const statement = JSON.stringify({ Effect: 'Allow', Action: action.canonical, Resource: p.resource });
  switch (layer) {
    case 'identity': {
      const policy = role.inlinePolicies[0]?.name ?? role.managedPolicies[0]?.name;
      return `Add this statement to an identity policy of role ${role.name}${policy ? ` (e.g. ${policy})` : ''}: ${statement}`;
    }
    case 'permissions-boundary':
      return `Add ${action.canonical} on ${p.resource} to the permissions boundary ${role.permissionsBoundary?.name ?? ''}; the boundary caps what the role's policies can grant: ${statement}`;
    case 'session':
      return `Add this statement to the session policy (inputs inline-session-policy, managed-session-policies), or drop the session policy: ${statement}`;
    case 'scp':
      return `Add this statement to an SCP attached at organization level ${level ?? 0} (root = 0), or ask the organization's owners to: ${statement}`;
    default: {
      // A key policy names its resource "*": it is attached to the one key it governs (key-policies.html).
      const resource = action.service === 'kms' ? '*' : p.resource;
      const grant = { Effect: 'Allow', Principal: { AWS: role.arn }, Action: action.canonical, Resource: resource };
      return `Add this statement to the resource policy of ${p.resource}; it must name the role: ${JSON.stringify(grant)}`;
    }
  }
}
