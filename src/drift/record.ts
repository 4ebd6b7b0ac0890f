/**
 * The baseline: what a passing run proved, kept so that the next failing run can say what changed (docs/baseline.md,
 * schema/baseline.v1.schema.json). Built from what the pipeline already has: the JSON report's findings and their
 * evidence, and the role facts the AWS checks read (policy documents with their source). It holds no token and no
 * secret: claims, names, policy documents and digests only. Pure: the digest function is passed in.
 */

import { createHash } from 'node:crypto';
import type { AssumeRoleSettings, AwsInventory, PolicyDocument, RoleModel } from '../model/aws.js';
import type { Finding } from '../model/finding.js';
import type { Report } from '../report/model.js';
import { normalisePolicy } from './normalise.js';

/** The record's schema version; a change that is not backwards compatible bumps it. */
export const BASELINE_VERSION = 1;

/** The policy layers a record keeps documents of: the role's trust, then each layer of a session's evaluation. */
export type PolicyLayer = 'trust' | 'identity' | 'permissions-boundary' | 'session' | 'scp' | 'rcp' | 'resource';

/** One policy document as the run read it. */
export interface PolicyEntry {
  /** The role it applies to (its ARN). */
  readonly role: string;
  readonly layer: PolicyLayer;
  /** The organization level of an SCP or RCP, root first. */
  readonly level?: number;
  readonly name: string;
  readonly arn?: string;
  /** Where it was read: `file:line`, `live IAM read`, or the bundled dataset. */
  readonly source: string;
  readonly versionId?: string;
  readonly versionDate?: string;
  /** `sha256:<hex>` of the normalised document. */
  readonly digest: string;
  /** The normalised document: kept for every policy but the AWS managed ones that decided no permission. */
  readonly document?: unknown;
}

/** The identity the roles were assumed with: the GitHub OIDC token's claims that matter, never the token. */
export interface IdentityEntry {
  readonly issuer: string;
  readonly sub: string;
  readonly aud: readonly string[];
  /** The claims the trust policies' conditions read (`repository_owner`, `job_workflow_ref`, ...). */
  readonly claims: Readonly<Record<string, string>>;
}

/** A role and how it is assumed. */
export interface RoleEntry {
  readonly arn: string;
  readonly sessionName: string;
  readonly durationSeconds: number;
  readonly audience: string;
  readonly roleChaining: boolean;
  readonly sessionPolicyArns: readonly string[];
}

/** One permission's decision. */
export interface PermissionEntry {
  /** The session principal, the action and the resource: what makes two runs' requests the same request. */
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  /** The request's context keys, `key=value`. */
  readonly context: readonly string[];
  readonly status: Finding['status'];
  readonly class: Finding['class'];
  readonly decision: string;
  /** The statements that decided it (granting, or denying). */
  readonly statements: readonly string[];
}

/** A credential check (a token), by its finding. */
export interface CredentialEntry {
  readonly id: string;
  readonly subject: string;
  readonly status: Finding['status'];
  readonly class: Finding['class'];
  readonly issuer?: string;
  readonly sub?: string;
  readonly aud?: readonly string[];
}

/** Where the record belongs: the same repository, workflow, job, environment, event and branch find it again. */
export interface BaselineScope {
  readonly repository?: string;
  readonly workflow?: string;
  readonly job?: string;
  readonly environment?: string;
  readonly runId?: string;
  /** The event that started the run (GITHUB_EVENT_NAME): a pull request's record is never a push's baseline. */
  readonly event?: string;
  /** The branch the run is for: a pull request's head branch (GITHUB_HEAD_REF), else the ref's name. */
  readonly branch?: string;
}

/** An OIDC provider as the run read it: STS checks the token against it before the role's trust. */
export interface ProviderEntry {
  readonly arn: string;
  readonly url: string;
  readonly clientIds: readonly string[];
  readonly thumbprints: readonly string[];
}

/**
 * One finding's decision, by its key (its id without its class: `predict:…:ok` and `predict:…:predicted-trust-denied`
 * are one decision), so that a later run can tell a finding the record holds from one it never saw.
 */
export interface DecisionEntry {
  readonly key: string;
  readonly decisionPoint: Finding['decisionPoint'];
  readonly status: Finding['status'];
  readonly class: Finding['class'];
  /** The role it decides on, when its evidence names one. */
  readonly role?: string;
  /** The token's `sub` it was decided for (a predicted token's, in the workflows), when its evidence names one. */
  readonly sub?: string;
}

/** The record a passing run leaves. */
export interface BaselineRecord {
  readonly version: typeof BASELINE_VERSION;
  readonly kind: 'permission-preflight-baseline';
  readonly tool: { readonly name: 'permission-preflight'; readonly version: string };
  readonly recordedAt: string;
  readonly result: Report['result'];
  readonly scope: BaselineScope;
  readonly identity?: IdentityEntry;
  readonly roles: readonly RoleEntry[];
  readonly policies: readonly PolicyEntry[];
  readonly permissions: readonly PermissionEntry[];
  readonly credentials: readonly CredentialEntry[];
  /** The OIDC providers the roles' accounts have, as read (absent in records of earlier versions). */
  readonly providers?: readonly ProviderEntry[];
  /** Every finding's decision (absent in records of earlier versions: then only the entries above are held). */
  readonly decisions?: readonly DecisionEntry[];
}

/** One role as the AWS checks read it (src/pipeline/aws.ts). */
export interface RoleSeen {
  readonly settings: AssumeRoleSettings;
  readonly role: RoleModel;
  readonly inventory: AwsInventory;
}

/** What the run read besides its findings. */
export interface RunSeen {
  /** GitHub's OIDC token's claims, as decoded (never the token). */
  readonly claims?: Readonly<Record<string, unknown>>;
  readonly roles: readonly RoleSeen[];
}

/** What {@link buildRecord} takes. */
export interface RecordInput {
  readonly report: Report;
  readonly seen: RunSeen;
  readonly scope: BaselineScope;
  /** `sha256:<hex>` of a text (the default: SHA-256). */
  readonly digest?: (text: string) => string;
  /** `all`: keep every document (the current run, for diffs); `deciding` (the default): the ones a record keeps. */
  readonly copies?: 'all' | 'deciding';
}

/** The record of a run. */
export function buildRecord(input: RecordInput): BaselineRecord {
  const { report, seen } = input;
  const permissions = report.findings.flatMap(permissionOf);
  const deciding = new Set(permissions.flatMap((p) => p.statements.map(policyOfStatement)));
  const digest = input.digest ?? sha256;
  const policies = seen.roles.flatMap((r) => policiesOf(r, digest, input.copies === 'all' ? undefined : deciding));
  const identity = identityOf(seen);
  return {
    ...headerOf(report),
    scope: input.scope,
    ...(identity ? { identity } : {}),
    roles: dedupeRoles(seen.roles.map(roleOf)),
    policies: dedupe(policies),
    permissions,
    credentials: report.findings.flatMap(credentialOf),
    providers: providersOf(seen),
    decisions: report.findings.map(decisionOf),
  };
}

/** Whether a record holds the run's policy documents: a report read as a record does not (./compare.ts). */
export function holdsDocuments(record: BaselineRecord): boolean {
  return !FROM_REPORT.has(record);
}

/** The records made from a report: their policies and roles are unknown, not absent. */
const FROM_REPORT = new WeakSet<BaselineRecord>();

/** What every record says of itself and of the run it records. */
function headerOf(report: Report) {
  return {
    version: BASELINE_VERSION,
    kind: 'permission-preflight-baseline',
    tool: report.tool,
    recordedAt: report.generatedAt,
    result: report.result,
  } as const;
}

/**
 * A report read as a record, for `diff` between two reports: the decisions, deciding statements and token claims its
 * evidence holds; no policy documents, so a policy change shows as the statements that decide, not as a diff.
 */
export function recordFromReport(report: Report): BaselineRecord {
  const credentials = report.findings.flatMap(credentialOf);
  const github = credentials.find((c) => c.issuer !== undefined && c.sub !== undefined);
  const record: BaselineRecord = {
    ...headerOf(report),
    scope: {},
    ...(github?.issuer && github.sub
      ? { identity: { issuer: github.issuer, sub: github.sub, aud: github.aud ?? [], claims: {} } }
      : {}),
    roles: [],
    policies: [],
    permissions: report.findings.flatMap(permissionOf),
    credentials,
    decisions: report.findings.map(decisionOf),
  };
  FROM_REPORT.add(record);
  return record;
}

/** `sha256:<hex>` of a text. */
export const sha256 = (text: string): string => `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;

/** The policy a statement reference names (src/checks/permissions/fix.ts `describeRef`: `NAME statement N ...`). */
export function policyOfStatement(ref: string): string {
  const at = ref.lastIndexOf(' statement ');
  return at < 0 ? ref : ref.slice(0, at);
}

/**
 * Context keys whose value changes with every run, whatever else does (the clock, the session's age): not part of
 * what makes two runs' requests the same
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-currenttime).
 */
export const CHANGES_EVERY_RUN: ReadonlySet<string> = new Set([
  'aws:currenttime',
  'aws:epochtime',
  'aws:tokenissuetime',
  'aws:multifactorauthage',
]);

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const list = (v: unknown): readonly string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];

/**
 * Whether a finding is a permission's decision (src/checks/permissions.ts): `permissions:ACTION RESOURCE` for a
 * configured role, `job:…:permissions:ACTION RESOURCE` for a call a deploy job's steps make (src/pipeline/deploy-jobs.ts).
 */
export function isPermissionFinding(f: Pick<Finding, 'id' | 'evidence'>): boolean {
  return (
    (f.id.startsWith('permissions:') || f.id.includes(':permissions:')) &&
    typeof f.evidence.action === 'string' &&
    typeof f.evidence.resource === 'string'
  );
}

/**
 * What identifies a finding across runs: its id, without the class some ids end with (`…:ok` when it passed,
 * `…:predicted-trust-denied` when it does not).
 */
export function decisionKey(f: Pick<Finding, 'id' | 'class'>): string {
  return f.id.endsWith(`:${f.class}`) ? f.id.slice(0, -f.class.length - 1) : f.id;
}

/** A finding's decision, with the role and the token's `sub` its evidence names. */
function decisionOf(f: Finding): DecisionEntry {
  const role = str(f.evidence.roleArn);
  const sub = str(f.evidence.sub);
  return {
    key: decisionKey(f),
    decisionPoint: f.decisionPoint,
    status: f.status,
    class: f.class,
    ...(role ? { role } : {}),
    ...(sub ? { sub } : {}),
  };
}

/** A permission finding (src/checks/permissions.ts) as an entry: one with an action and a resource evaluated. */
function permissionOf(f: Finding): PermissionEntry[] {
  const e = f.evidence;
  const action = str(e.action);
  const resource = str(e.resource);
  if (!isPermissionFinding(f) || !action || !resource || str(e.decision) === undefined) return [];
  return [
    {
      principal: str(e.principal) ?? '',
      action,
      resource,
      context: list(e.context).filter((kv) => !CHANGES_EVERY_RUN.has(kv.slice(0, kv.indexOf('=')).toLowerCase())),
      status: f.status,
      class: f.class,
      decision: str(e.decision) ?? '',
      statements: [...list(e.granting), ...list(e.statements)],
    },
  ];
}

/** A token finding as a credential entry. */
function credentialOf(f: Finding): CredentialEntry[] {
  if (f.decisionPoint !== 'token' && f.decisionPoint !== 'identity-provider') return [];
  const e = f.evidence;
  const issuer = str(e.iss);
  const sub = str(e.sub);
  return [
    {
      id: f.id,
      subject: f.subject,
      status: f.status,
      class: f.class,
      ...(issuer ? { issuer } : {}),
      ...(sub ? { sub } : {}),
      ...(e.aud !== undefined ? { aud: list(e.aud) } : {}),
    },
  ];
}

function roleOf({ settings }: RoleSeen): RoleEntry {
  return {
    arn: settings.roleArn,
    // Empty: not known before the run (src/model/aws.ts); a run's own roles always have one.
    sessionName: settings.sessionName ?? '',
    durationSeconds: settings.durationSeconds,
    audience: settings.audience,
    roleChaining: settings.roleChaining,
    sessionPolicyArns: settings.managedSessionPolicyArns,
  };
}

/** A role once per way it is assumed (a role several deploy jobs assume alike is one entry). */
function dedupeRoles(roles: readonly RoleEntry[]): RoleEntry[] {
  const seen = new Set<string>();
  return roles.filter((r) => {
    const key = JSON.stringify(r);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The OIDC providers the run read with its roles, once each: their client IDs and thumbprints as exported
 * (get-open-id-connect-provider), since STS checks the token's audience against the provider before the role's trust
 * (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html).
 */
function providersOf(seen: RunSeen): ProviderEntry[] {
  const byArn = new Map<string, ProviderEntry>();
  for (const { inventory } of seen.roles) {
    for (const p of inventory.oidcProviders ?? []) {
      if (byArn.has(p.arn)) continue;
      byArn.set(p.arn, {
        arn: p.arn,
        url: p.url,
        clientIds: [...p.clientIds],
        thumbprints: [...(p.thumbprints ?? [])],
      });
    }
  }
  return [...byArn.values()];
}

/** An AWS managed policy's ARN (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html). */
const AWS_MANAGED = /^arn:[^:]+:iam::aws:policy\//;

/** Every policy of a role's evaluation, each with its digest, and its copy where kept. */
function policiesOf(seen: RoleSeen, digest: (text: string) => string, keep: ReadonlySet<string> | undefined) {
  const { role, inventory, settings } = seen;
  const out: PolicyEntry[] = [];
  const add = (layer: PolicyLayer, doc: PolicyDocument | undefined, level?: number) => {
    if (!doc) return;
    const normal = normalisePolicy(doc.document);
    const text = JSON.stringify(normal) ?? 'null';
    // AWS managed policies are public and named by their ARN and version: their digest identifies them, and some are
    // larger than every other policy of a role together. Every other document is kept, to diff it statement by statement.
    const copy = keep === undefined || keep.has(doc.name) || !AWS_MANAGED.test(doc.arn ?? '');
    out.push({
      role: role.arn,
      layer,
      ...(level !== undefined ? { level } : {}),
      name: doc.name,
      ...(doc.arn ? { arn: doc.arn } : {}),
      source: sourceOf(doc),
      ...(doc.versionId ? { versionId: doc.versionId } : {}),
      ...(doc.versionDate ? { versionDate: doc.versionDate } : {}),
      digest: digest(text),
      ...(copy ? { document: normal } : {}),
    });
  };
  add('trust', role.trustPolicy);
  for (const doc of [...role.inlinePolicies, ...role.managedPolicies]) add('identity', doc);
  add('permissions-boundary', role.permissionsBoundary);
  add('session', settings.inlineSessionPolicy);
  (inventory.scps ?? []).forEach((docs, level) => {
    for (const doc of docs) add('scp', doc, level);
  });
  (inventory.rcps ?? []).forEach((docs, level) => {
    for (const doc of docs) add('rcp', doc, level);
  });
  for (const rp of inventory.resourcePolicies ?? []) add('resource', rp.policy);
  return out;
}

/** Where a document was read, for a person. */
function sourceOf(doc: PolicyDocument): string {
  if (doc.file) return `${doc.file}${doc.line ? `:${doc.line}` : ''}`;
  return doc.source ?? 'live IAM read';
}

/** A policy once per role, layer, level and name (an SCP attached at two levels is two entries). */
function dedupe(entries: readonly PolicyEntry[]): PolicyEntry[] {
  const seen = new Set<string>();
  return entries.filter((e) => {
    const key = policyKey(e);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What identifies a policy across runs: its role, layer, level and name. */
export const policyKey = (e: Pick<PolicyEntry, 'role' | 'layer' | 'level' | 'name'>): string =>
  `${e.role} ${e.layer} ${e.level ?? ''} ${e.name}`;

/**
 * The token's claims that matter: issuer, subject, audience, and each claim a trust policy's condition reads (keys
 * `<issuer host>:<claim>`,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif).
 */
function identityOf(seen: RunSeen): IdentityEntry | undefined {
  const claims = seen.claims;
  const issuer = str(claims?.iss);
  if (!claims || !issuer) return undefined;
  const host = issuer.replace(/^https:\/\//, '').replace(/\/$/, '');
  const read = new Set<string>();
  for (const { role } of seen.roles) {
    for (const key of conditionKeys(role.trustPolicy.document)) {
      if (key.toLowerCase().startsWith(`${host.toLowerCase()}:`)) read.add(key.slice(host.length + 1));
    }
  }
  const picked: Record<string, string> = {};
  for (const name of [...read].sort()) {
    const value = claims[name];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      picked[name] = String(value);
  }
  return { issuer, sub: str(claims.sub) ?? '', aud: list(claims.aud), claims: picked };
}

/** Every condition key a policy document names. */
function conditionKeys(document: unknown): string[] {
  const statements = (document as { Statement?: unknown } | null)?.Statement;
  const all = Array.isArray(statements) ? statements : [statements];
  return all.flatMap((s) => {
    const condition = (s as { Condition?: unknown } | null)?.Condition;
    if (!condition || typeof condition !== 'object') return [];
    return Object.values(condition as Record<string, unknown>).flatMap((block) =>
      block && typeof block === 'object' ? Object.keys(block) : [],
    );
  });
}
