/**
 * The policy sets the permissions check evaluates with: every document parsed and compiled once per run (resource
 * policies on first use), with the documents kept so findings can point at them; a document that does not parse
 * becomes an `unverified` finding and is left out. Pure.
 */

import {
  type CompiledPolicySet,
  compilePolicySet,
  type Layer,
  type ParsedPolicy,
  type ParseResult,
  type PolicyKind,
  parsePolicy,
} from '../../iam/index.js';
import {
  type AssumeRoleSettings,
  type AwsInventory,
  type DeclaredAbsent,
  type PolicyDocument,
  type ResourcePolicyModel,
  type RoleModel,
  trustConflict,
} from '../../model/aws.js';
import { type DecisionPoint, type Finding, finding } from '../../model/finding.js';
import { MAX_JSON_DEPTH, valueTooDeep } from '../../text/json-depth.js';
import { orgLayersFor } from './context.js';

/** The IAM User Guide, the base of most documentation links. */
export const IAM = 'https://docs.aws.amazon.com/IAM/latest/UserGuide';
/** The decision point each policy layer stands for: the one mapping, used by every check that names a layer. */
export const POINT = {
  identity: 'identity-policy',
  'permissions-boundary': 'permissions-boundary',
  session: 'session-policy',
  scp: 'scp',
  rcp: 'rcp',
  resource: 'resource-policy',
} as const satisfies Readonly<Record<Layer, DecisionPoint>>;
/** The documentation of each policy layer. */
export const LAYER_DOC: Readonly<Record<Layer, string>> = {
  identity: `${IAM}/reference_policies_evaluation-logic.html`,
  'permissions-boundary': `${IAM}/access_policies_boundaries.html`,
  session: `${IAM}/access_policies.html#policies_session`,
  scp: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html',
  rcp: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html',
  resource: `${IAM}/reference_policies_evaluation-logic-cross-account.html`,
};

/** A policy document and its parse, `undefined` when it did not parse. */
interface Entry {
  readonly doc: PolicyDocument;
  readonly policy: ParsedPolicy | undefined;
}
/** A resource policy, compiled. */
export interface ResourceEntry extends Entry {
  readonly compiled: CompiledPolicySet['resource'];
}

/** The run's policies: parsed and compiled once, with the documents kept so findings can point at them. */
export interface Prepared {
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

/** The key of a document in {@link Prepared.entries}. */
export const entryKey = (layer: Layer, level: number | undefined, name: string) => `${layer} ${level ?? ''} ${name}`;

/**
 * The largest document AWS stores for each kind of policy, in characters without white space
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html, "IAM and STS character limits"; SCPs
 * and RCPs: https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html). A trust policy's
 * limit is 2,048 by default and can be raised to 8,192, so 8,192 is what no account can exceed. White space is not
 * counted, the reading under which fewest documents are too large: what is reported is too large however counted.
 */
export const AWS_POLICY_LIMITS = {
  managed: 6144,
  inline: 10240,
  trust: 8192,
  'organizations-policy': 5120,
} as const;

/** Which of {@link AWS_POLICY_LIMITS} a document is held to; resource policies other than a trust have none here. */
export type PolicySizeKind = keyof typeof AWS_POLICY_LIMITS;

/** A document's size as AWS counts it: its JSON without white space between tokens. */
export function policySize(document: unknown): number {
  return JSON.stringify(document)?.length ?? 0;
}

/**
 * Parses a policy document as the kind of policy it is, naming it (and its file) in any error. A document larger than
 * AWS stores for its kind is refused before it reaches the engine (error code `policy-too-large`): AWS would never
 * have stored it, so it was edited after the export, and its size would only be work for the matchers.
 */
export function parseDocument(doc: PolicyDocument, kind: PolicyKind, sizeKind?: PolicySizeKind): ParseResult {
  const source = { name: doc.name, ...(doc.file ? { file: doc.file } : {}) };
  // Nothing may walk a document nested deeper than any policy is (src/text/json-depth.ts): not even to count it.
  if (valueTooDeep(doc.document)) {
    const message = `${doc.name} nests deeper than ${MAX_JSON_DEPTH} levels, which no policy does`;
    return { ok: false, errors: [{ code: 'too-deep', path: '', message, source }] };
  }
  if (sizeKind) {
    const size = policySize(doc.document);
    const limit = AWS_POLICY_LIMITS[sizeKind];
    if (size > limit) {
      const message = `${doc.name} is ${size} characters, over the ${limit} AWS stores for ${SIZE_KIND_NAME[sizeKind]}`;
      return { ok: false, errors: [{ code: 'policy-too-large', path: '', message, source }] };
    }
  }
  return parsePolicy(doc.document, source, kind);
}

const SIZE_KIND_NAME: Readonly<Record<PolicySizeKind, string>> = {
  managed: 'a managed policy',
  inline: "a role's inline policies together",
  trust: 'a role trust policy',
  'organizations-policy': 'an SCP or RCP',
};

/** The error of a document refused for its size, when that is why it was refused. */
export function tooLarge(result: ParseResult): string | undefined {
  return result.ok ? undefined : result.errors.find((e) => e.code === 'policy-too-large')?.message;
}

/** The size limit a document of a layer is held to: by kind, and for identity policies, managed or inline. */
function sizeKindOf(layer: Layer, doc: PolicyDocument): PolicySizeKind | undefined {
  if (layer === 'scp' || layer === 'rcp') return 'organizations-policy';
  // AWS managed policies are not held to the customer managed policy limit: ReadOnlyAccess is many times larger.
  if (doc.arn && /^arn:[^:]+:iam::aws:policy\//.test(doc.arn)) return undefined;
  if (layer === 'permissions-boundary' || doc.arn) return 'managed';
  return layer === 'identity' ? 'inline' : undefined;
}

/** A document refused for its size: AWS would not have stored it, so the layer it belongs to is not verified. */
function tooLargeFinding(layer: Layer, level: number | undefined, doc: PolicyDocument, message: string): Finding {
  return finding('policy-too-large', {
    id: `permissions:policy-too-large:${layer}${level ?? ''}:${doc.name}`,
    subject: `policy ${doc.name}`,
    decisionPoint: POINT[layer],
    status: 'unverified',
    // Not a credential that changed: the copy given is not one AWS could hold.
    cause: null,
    message: `${message}, so it is not what AWS holds, and permissions that depend on it cannot be verified.`,
    evidence: { policy: doc.name, size: policySize(doc.document) },
    fix: `Give ${doc.name} exactly as AWS prints it (aws iam get-policy-version, get-role-policy or organizations describe-policy): this copy was edited after it was read.`,
    ...locationOf(doc),
  });
}

/** Parses one document; a failure becomes an `unverified` finding and leaves the policy out. */
function parseInto(out: Finding[], layer: Layer, level: number | undefined, doc: PolicyDocument, kind: PolicyKind) {
  const result = parseDocument(doc, kind, sizeKindOf(layer, doc));
  const entry = { doc, policy: result.ok ? result.policy : undefined };
  const large = tooLarge(result);
  if (large) out.push(tooLargeFinding(layer, level, doc, large));
  else if (!result.ok) {
    out.push(
      finding('invalid-policy', {
        id: `permissions:invalid-policy:${layer}${level ?? ''}:${doc.name}`,
        subject: `policy ${doc.name}`,
        decisionPoint: POINT[layer],
        status: 'unverified',
        message: `${doc.name} could not be read, so permissions that depend on it cannot be verified: ${result.errors
          .slice(0, 3)
          .map((e) => e.message)
          .join('; ')}.`,
        evidence: { policy: doc.name, errors: result.errors.map((e) => e.message) },
        fix: `Correct ${doc.name}; IAM refuses documents with these errors, so the copy given may be damaged or edited.`,
        docUrl: `${IAM}/reference_policies_grammar.html`,
        ...locationOf(doc),
      }),
    );
  }
  return entry;
}

/** How to give unread managed session policies: each as get-policy then get-policy-version output, in the files. */
export function sessionPolicyFix(unread: readonly string[]): string {
  const [first] = unread;
  const arn = unread.length === 1 && first ? first : 'ARN';
  const each = unread.length === 1 ? '' : ', for each';
  return `Give the ${unread.length === 1 ? 'document' : 'documents'} of ${unread.join(', ')} in the policy files${each}: \`aws iam get-policy --policy-arn ${arn} > FILE.json\`, then \`aws iam get-policy-version --policy-arn ${arn} --version-id V >> FILE.json\` with V its DefaultVersionId (docs/policy-folder.md).`;
}

/**
 * The session policies' documents: the inline one, and the managed ones looked up by ARN among the managed policies
 * the inventory holds (those the files give on their own, as get-policy then get-policy-version output, and those
 * attached to a role); one that is in no file is reported as unreadable.
 */
function sessionDocuments(settings: AssumeRoleSettings, inventory: AwsInventory, findings: Finding[]) {
  const known = new Map<string, PolicyDocument>();
  for (const r of inventory.roles) for (const m of r.managedPolicies) if (m.arn) known.set(m.arn, m);
  for (const m of inventory.managedPolicies ?? []) if (m.arn && !known.has(m.arn)) known.set(m.arn, m);
  const sessionDocs = settings.inlineSessionPolicy ? [settings.inlineSessionPolicy] : [];
  const unknownSessionPolicies: string[] = [];
  for (const arn of settings.managedSessionPolicyArns) {
    const doc = known.get(arn);
    if (doc) sessionDocs.push(doc);
    else unknownSessionPolicies.push(arn);
  }
  for (const arn of unknownSessionPolicies) {
    findings.push(
      finding('session-policy-unreadable', {
        id: `permissions:session-policy-unreadable:${arn}`,
        subject: `managed session policy ${arn}`,
        decisionPoint: 'session-policy',
        status: 'unverified',
        message: `The managed session policy ${arn} could not be read, so what it allows the session, and what it denies, is unknown.`,
        evidence: { policyArn: arn },
        fix: sessionPolicyFix([arn]),
        docUrl: LAYER_DOC.session,
      }),
    );
  }
  return { sessionDocs, unknownSessionPolicies };
}

/** IAM holds a role's inline policies to one limit together; over it, none of them is what AWS holds (reported). */
function inlineOverLimit(role: RoleModel, findings: Finding[]): boolean {
  const inlineSize = role.inlinePolicies.reduce((sum, doc) => sum + policySize(doc.document), 0);
  if (inlineSize <= AWS_POLICY_LIMITS.inline) return false;
  const [first] = role.inlinePolicies;
  const message = `The inline policies of ${role.name} are ${inlineSize} characters together, over the ${AWS_POLICY_LIMITS.inline} AWS stores for a role's inline policies together`;
  if (first) findings.push(tooLargeFinding('identity', undefined, { ...first, name: `${role.name}/inline` }, message));
  return true;
}

/** Parses and compiles the role's policies, the session policies, SCPs and RCPs; resource policies wait. */
export function preparePolicies(role: RoleModel, settings: AssumeRoleSettings, inventory: AwsInventory): Prepared {
  const findings: Finding[] = [];
  const entries = new Map<string, Entry>();
  const broken: string[] = [];
  const read = (layer: Layer, level: number | undefined, docs: readonly PolicyDocument[], kind: PolicyKind) =>
    docs.flatMap((doc) => {
      const entry = parseInto(findings, layer, level, doc, kind);
      entries.set(entryKey(layer, level, doc.name), entry);
      if (!entry.policy) broken.push(doc.name);
      return entry.policy ? [entry.policy] : [];
    });
  const { sessionDocs, unknownSessionPolicies } = sessionDocuments(settings, inventory, findings);
  const inlineTooLarge = inlineOverLimit(role, findings);
  if (inlineTooLarge) broken.push(...role.inlinePolicies.map((doc) => doc.name));
  const boundary = role.permissionsBoundary
    ? read('permissions-boundary', undefined, [role.permissionsBoundary], 'identity')
    : [];
  const base = compilePolicySet({
    identityPolicies: read(
      'identity',
      undefined,
      [...(inlineTooLarge ? [] : role.inlinePolicies), ...role.managedPolicies],
      'identity',
    ),
    permissionsBoundary: boundary[0],
    sessionPolicies: read('session', undefined, sessionDocs, 'identity'),
    scps: (inventory.scps ?? []).map((docs, level) => read('scp', level, docs, 'identity')),
    rcps: (inventory.rcps ?? []).map((docs, level) => read('rcp', level, docs, 'control')),
  });
  const withoutRcps = { ...base, rcps: [] };
  return { findings, entries, broken, unknownSessionPolicies, withRcps: base, withoutRcps, resources: new Map() };
}

/**
 * The actions STS authorizes against the role's trust policy, which is the role's resource-based policy for them
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html, "Role trust policy";
 * session tags and source identity: id_session-tags.html, id_credentials_temp_control-access_monitor.html).
 */
const TRUST_ACTIONS = new Set(['sts:assumerole', 'sts:tagsession', 'sts:setsourceidentity']);

/** One resource-policy model per role, so that {@link readResourcePolicy} compiles a trust policy once. */
const trustModels = new WeakMap<RoleModel, ResourcePolicyModel>();

/**
 * The resource policy that governs an ARN: its own, or for an S3 object or object pattern, its bucket's. For
 * `sts:AssumeRole` (and the session-tag and source-identity actions) into a role the inventory holds, that role's
 * trust policy, unless a resource policy was given for the role's ARN.
 */
export function findResourcePolicy(
  inventory: AwsInventory,
  resource: string,
  action?: string,
): ResourcePolicyModel | undefined {
  const list = inventory.resourcePolicies ?? [];
  return (
    list.find((rp) => rp.resourceArn === resource) ??
    list.find((rp) => /^arn:[^:]+:s3:::[^/]+$/.test(rp.resourceArn) && resource.startsWith(`${rp.resourceArn}/`)) ??
    (action !== undefined && TRUST_ACTIONS.has(action.toLowerCase()) ? trustOf(inventory, resource) : undefined)
  );
}

/** The trust policy of the inventory's role with this ARN, as a resource policy. */
function trustOf(inventory: AwsInventory, arn: string): ResourcePolicyModel | undefined {
  const role = inventory.roles.find((r) => r.arn === arn);
  // Two files give its trust differently (src/model/aws.ts `trustConflict`): the layer is not read, so the call is
  // unverified, never decided from whichever file came first.
  if (!role || trustConflict(role)) return undefined;
  let model = trustModels.get(role);
  if (!model) {
    model = { resourceArn: role.arn, accountId: role.accountId, policy: role.trustPolicy };
    trustModels.set(role, model);
  }
  return model;
}

/** The resource policy of a permission, parsed and compiled on first use and then reused. */
export function readResourcePolicy(prep: Prepared, rp: ResourcePolicyModel): ResourceEntry {
  const cached = prep.resources.get(rp);
  if (cached) return cached;
  const entry = parseInto(prep.findings, 'resource', undefined, rp.policy, 'resource');
  const resourcePolicy = entry.policy;
  const compiled = resourcePolicy ? compilePolicySet({ identityPolicies: [], resourcePolicy }).resource : undefined;
  const result = { ...entry, compiled };
  prep.resources.set(rp, result);
  return result;
}

/** Where a document comes from, for a finding that points at it: at its statement `index` when that is located. */
export function locationOf(doc: PolicyDocument | undefined, index?: number): Pick<Finding, 'location'> {
  if (!doc?.file) return {};
  const line = (index !== undefined ? doc.statementLines?.[index] : undefined) ?? doc.line;
  return { location: { file: doc.file, ...(line !== undefined ? { line } : {}) } };
}

/** The RCPs a call on a resource of one account is evaluated with, and what of them was not read. */
export interface RcpLayer {
  /** The parsed RCPs, one list per level, root first; empty when none apply or none were read. */
  readonly levels: readonly (readonly ParsedPolicy[])[];
  /**
   * Some level was not read (no RCP was given, a file of theirs could not be read, or one does not parse) and the
   * configuration does not declare the account outside any organization: an allow past them is not verified.
   */
  readonly notRead: boolean;
  /** The documents that do not parse, with their errors. */
  readonly broken: readonly { readonly doc: PolicyDocument; readonly errors: readonly string[] }[];
  /** Why no RCP applies, when the inventory's RCPs are read and none does: evidence. */
  readonly none?: string;
}

/**
 * The RCPs of the inventory for a call on a resource of `resourceAccount` made by a principal of `roleAccount`: none
 * in the management account (src/checks/permissions/context.ts `orgLayersFor`) or where `organizations: none` is
 * declared; otherwise each level parsed, and a level not read is unknown, never empty
 * (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html).
 */
export function rcpLayer(
  inventory: AwsInventory | undefined,
  declared: DeclaredAbsent | undefined,
  roleAccount: string,
  resourceAccount: string,
): RcpLayer {
  if (declared?.organizations === 'none')
    return { levels: [], notRead: false, broken: [], none: 'organizations: none' };
  if (!inventory?.rcps) return { levels: [], notRead: true, broken: [] };
  const layers = orgLayersFor(inventory, roleAccount, resourceAccount);
  if (layers.rcps?.length === 0 && inventory.rcps.length > 0)
    return { levels: [], notRead: false, broken: [], none: `account ${resourceAccount} is the management account` };
  const broken: { doc: PolicyDocument; errors: string[] }[] = [];
  const levels = (layers.rcps ?? []).map((level) =>
    level.flatMap((doc) => {
      const parsed = parseDocument(doc, 'control', 'organizations-policy');
      if (parsed.ok) return [parsed.policy];
      broken.push({ doc, errors: parsed.errors.map((e) => e.message) });
      return [];
    }),
  );
  const unread = layers.unreadOrgLayers?.includes('rcp') === true || broken.length > 0;
  return { levels, notRead: unread, broken };
}
