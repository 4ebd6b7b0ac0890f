/**
 * A failing run compared with the last passing one (its baseline record, ./record.ts): each failing finding gets one
 * classification, with what changed. The baseline only explains: it never changes a finding's status, so it cannot
 * turn a failure into a pass. Pure. docs/baseline.md describes each class.
 */

import type { Finding } from '../model/finding.js';
import { diffStatements } from './normalise.js';
import {
  type BaselineRecord,
  CHANGES_EVERY_RUN,
  type DecisionEntry,
  decisionKey,
  holdsDocuments,
  type IdentityEntry,
  isPermissionFinding,
  type PermissionEntry,
  type PolicyEntry,
  type ProviderEntry,
  policyKey,
  policyOfStatement,
  type RoleEntry,
} from './record.js';

/** The classes of drift. */
export const DRIFT_KINDS = [
  'policy-drift',
  'trust-or-identity-change',
  'expired-or-rotated-credential',
  'entitlement-removed',
  'new-request',
  'not-recorded',
  'unchanged',
] as const;
export type DriftKind = (typeof DRIFT_KINDS)[number];

/** One failing finding, classified. */
export interface Drift {
  readonly findingId: string;
  readonly kind: DriftKind;
  /** One sentence: what changed since the run compared with (the last passing one), or that nothing did and where to look. */
  readonly summary: string;
  /** The changes, one a line: a policy's statement diff, a claim's old and new value. */
  readonly changes: readonly string[];
}

/** Decision points whose policies grant entitlements: a denial there that a changed policy decides is a removal. */
const ENTITLEMENT_POINTS = new Set(['identity-policy', 'permissions-boundary', 'scp', 'rcp']);
/** Decision points a change of the token or of the role's trust decides. */
const TRUST_POINTS = new Set(['identity-provider', 'token', 'oidc-provider', 'sts-trust', 'session']);
/** The most change lines a finding carries. */
const MAX_CHANGES = 20;

/** Where to look when nothing the preflight sees changed, since `since` (the run compared with) where it passed. */
function unchangedHint(since: string): string {
  return (
    `the identity, the policies and the request are as in ${since}, so the cause is likely in the application ` +
    "or outside the preflight's view: a network rule (a VPC endpoint policy, a security group, an IP allow-list), a " +
    'resource that changed (deleted, re-created, moved to another account or region, its key disabled), or a credential ' +
    'the application reads itself. Check the failing call in the job log (`permission-preflight explain LOG`), and the ' +
    "resource's own state"
  );
}

/** Classifies every finding that did not pass; findings that passed get none. */
export function classifyDrift(
  findings: readonly Finding[],
  current: BaselineRecord,
  baseline: BaselineRecord,
): Drift[] {
  const identity = [
    ...identityChanges(current.identity, baseline.identity),
    ...roleChanges(current.roles, baseline.roles),
  ];
  // A report read as a record holds no documents: its policies are unknown, not absent. A run that reads none now
  // (its role gone from the files) has them all removed, when the record holds them.
  const policiesKnown = holdsDocuments(current) && holdsDocuments(baseline) && baseline.policies.length > 0;
  const policies = policiesKnown ? policyChanges(current.policies, baseline.policies) : [];
  const trust = policies.filter((p) => p.layer === 'trust');
  // The providers are compared only when both runs recorded them (a record of an earlier version has none).
  const providers =
    current.providers && baseline.providers && holdsDocuments(current)
      ? providerChanges(current.providers, baseline.providers, current.roles.length > 0)
      : [];
  const gone = policiesKnown ? rolesGone(current, baseline) : [];
  const decisions = new Map((baseline.decisions ?? []).map((d) => [d.key, d]));
  // The run compared with is the last passing one for the action (docs/baseline.md); `diff` may be given any run.
  const since = baseline.result === 'pass' ? 'the last passing run' : 'the earlier run';
  const context: Context = {
    current,
    baseline,
    since,
    identity,
    policies,
    trust,
    policiesKnown,
    providers,
    gone,
    decisions,
  };
  return findings.filter((f) => f.status !== 'pass').map((f) => ({ findingId: f.id, ...classifyOne(f, context) }));
}

/**
 * Every failing finding marked as not compared, with why: the record found was not used (made for another workflow,
 * job, environment, branch or event, or by a run that did not pass). Nothing is said to be unchanged.
 */
export function notCompared(findings: readonly Finding[], reason: string): Drift[] {
  return findings
    .filter((f) => f.status !== 'pass')
    .map((f) => ({
      findingId: f.id,
      kind: 'not-recorded' as const,
      summary: `no record was compared with: ${reason}`,
      changes: [],
    }));
}

interface Context {
  readonly current: BaselineRecord;
  readonly baseline: BaselineRecord;
  /** The run compared with, in words: "the last passing run", or "the earlier run" when that one did not pass. */
  readonly since: string;
  readonly identity: readonly string[];
  readonly policies: readonly PolicyChange[];
  readonly trust: readonly PolicyChange[];
  /** Both runs' policy documents are known (records, not reports). */
  readonly policiesKnown: boolean;
  /** The OIDC providers that differ, as lines. */
  readonly providers: readonly string[];
  /** The roles the record read that this run did not find. */
  readonly gone: readonly RoleGone[];
  /** The record's decisions, by key (./record.ts `decisionKey`). */
  readonly decisions: ReadonlyMap<string, DecisionEntry>;
}

type Classified = Omit<Drift, 'findingId'>;

function classifyOne(f: Finding, c: Context): Classified {
  if (isPermissionFinding(f)) return classifyPermission(f, c);
  if (f.decisionPoint === 'token' || f.decisionPoint === 'identity-provider') return classifyCredential(f, c);
  const before = c.decisions.get(decisionKey(f));
  const file = policyFileChange(f, c);
  if (file) return file;
  if (TRUST_POINTS.has(f.decisionPoint)) {
    const trust = trustOf(f, c, before);
    if (trust) return trust;
  }
  const role = roleOfFinding(f);
  const gone = c.gone.filter((g) => role === undefined || g.arn === role);
  if (gone.length > 0) {
    return policyDrift(
      c.policies.filter((p) => gone.some((g) => g.arn === (p.before ?? p.after)?.role)),
      `${gone.map((g) => g.arn).join(', ')} ${gone.length === 1 ? 'was' : 'were'} read in ${c.since} (${c.baseline.recordedAt}) and ${gone.length === 1 ? 'is' : 'are'} not found now`,
      gone.map(describeGone),
    );
  }
  if (c.policies.length > 0) return policyDrift(c.policies, `a policy the run reads changed since ${c.since}`);
  if (c.identity.length > 0) return trustChange(c, []);
  if (!covered(c, before)) return notRecorded(f, c);
  return unchanged(c, before);
}

/** A role's ARN the finding names: its evidence's `roleArn`, or the ARN in its id. */
function roleOfFinding(f: Finding): string | undefined {
  if (typeof f.evidence.roleArn === 'string') return f.evidence.roleArn;
  return /arn:[^:\s]+:iam::\d{12}:role\/[^:\s]+/.exec(f.id)?.[0];
}

/**
 * A finding at the token, the provider, the trust or the session, with what changed of them for its role: the
 * token's identity or the role's session settings, the OIDC provider (STS checks the token's audience and signature
 * against it before it reads the trust), the role's trust policy, the predicted token's `sub`, the role gone.
 */
function trustOf(f: Finding, c: Context, before: DecisionEntry | undefined): Classified | undefined {
  const role = roleOfFinding(f);
  const trust = c.trust.filter((p) => role === undefined || (p.before ?? p.after)?.role === role);
  const sub = typeof f.evidence.sub === 'string' ? f.evidence.sub : undefined;
  const subChanged = before?.sub !== undefined && sub !== undefined && before.sub !== sub;
  const gone = c.gone.filter((g) => role === undefined || g.arn === role);
  const extra = [
    ...(subChanged ? [`sub of ${f.subject}: ${before?.sub} → ${sub}`] : []),
    ...c.providers,
    ...gone.map(describeGone),
  ];
  if (c.identity.length === 0 && trust.length === 0 && extra.length === 0) return undefined;
  const what = [
    ...(subChanged ? ["the token's sub GitHub would issue"] : []),
    ...(c.providers.length > 0 ? ['the OIDC provider'] : []),
    ...(gone.length > 0 ? [`the role (${gone.length === 1 ? 'it is' : 'they are'} not found now)`] : []),
  ];
  return trustChange(c, trust, extra, what);
}

/**
 * A policy file's finding (it cannot be read, or is not valid now) for a file the record read policies from: the
 * file changed, so the policies it gave changed with it.
 */
function policyFileChange(f: Finding, c: Context): Classified | undefined {
  const file = typeof f.evidence.file === 'string' ? f.evidence.file : undefined;
  if (!file || f.decisionPoint !== 'config') return undefined;
  const gave = c.baseline.policies.filter((p) => p.source === file || p.source.startsWith(`${file}:`));
  if (gave.length === 0) {
    // The record holds every finding of a run that passed: this file's finding was not among them, so the file was
    // read without it (or was not there), and changed since.
    if (c.baseline.decisions === undefined || c.decisions.has(decisionKey(f)) || c.baseline.result !== 'pass')
      return undefined;
    return policyDrift(
      [],
      `${c.since} (${c.baseline.recordedAt}) read the policy files without this finding: ${file} was added or changed since`,
      [`${file}: ${f.class} now, no finding in ${c.since}`],
    );
  }
  const names = [...new Set(gave.map((p) => p.name))];
  const changed = c.policies.filter((p) => p.before && gave.includes(p.before));
  return policyDrift(
    changed,
    `${file} gave ${names.length === 1 ? 'the policy' : `${names.length} policies`} ${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''} in ${c.since} (${c.baseline.recordedAt}) and is not read as it was then (${f.class})`,
    [`${file}: read in ${c.since}, ${f.class} now`],
  );
}

/** Whether the record holds this finding's decision: a record that does not is no proof that nothing changed. */
function covered(c: Context, before: DecisionEntry | undefined): boolean {
  if (before) return true;
  // A record of an earlier version keeps no decisions: it covers what it recorded of the roles, and nothing else.
  if (c.baseline.decisions !== undefined) return false;
  return c.baseline.roles.length > 0 || c.baseline.policies.length > 0;
}

/** The record does not hold this finding: nothing can be said of what changed. */
function notRecorded(f: Finding, c: Context): Classified {
  return {
    kind: 'not-recorded',
    summary: `${c.since} (${c.baseline.recordedAt}) did not record ${f.subject}: the record holds no decision of it, so whether it changed is not known (compare with a record made by a run that checked it)`,
    changes: [],
  };
}

/** A token finding: the same token that passed and now fails is expired or rotated, unless its identity changed. */
function classifyCredential(f: Finding, c: Context): Classified {
  const before = c.baseline.credentials.find((e) => e.subject === f.subject);
  const now = c.current.credentials.find((e) => e.id === f.id);
  const changed: string[] = [];
  if (before && now) {
    if (now.issuer !== undefined && before.issuer !== now.issuer)
      changed.push(`issuer: ${before.issuer} → ${now.issuer}`);
    if (now.sub !== undefined && before.sub !== now.sub) changed.push(`sub: ${before.sub} → ${now.sub}`);
    const audBefore = (before.aud ?? []).join(',');
    const audNow = (now.aud ?? []).join(',');
    if (now.aud !== undefined && audBefore !== audNow) changed.push(`aud: ${audBefore} → ${audNow}`);
  }
  if (changed.length > 0) {
    return {
      kind: 'trust-or-identity-change',
      summary: `${f.subject} changed its identity since ${c.since} (${c.baseline.recordedAt})`,
      changes: changed,
    };
  }
  if (before?.status === 'pass' || f.cause === 'expired-or-rotated-credential') {
    return {
      kind: 'expired-or-rotated-credential',
      summary: `${f.subject} ${before?.status === 'pass' ? `was valid in ${c.since}` : `was not checked in ${c.since}`} (${c.baseline.recordedAt}) and is not now (${f.class}): it expired, was revoked or was rotated`,
      changes: [`${f.class} (was ${before ? `${before.class}, ${before.status}` : 'not checked'})`],
    };
  }
  if (!before) return notRecorded(f, c);
  return unchanged(c, before);
}

/** A permission's finding, against the same request in the baseline. */
function classifyPermission(f: Finding, c: Context): Classified {
  const e = f.evidence;
  const before = c.baseline.permissions.find(
    (p) =>
      p.action === e.action &&
      p.resource === e.resource &&
      (p.principal === e.principal || c.baseline.roles.length === 0),
  );
  if (!before) {
    if (c.baseline.decisions === undefined && c.baseline.permissions.length === 0 && c.baseline.roles.length === 0)
      return notRecorded(f, c);
    return {
      kind: 'new-request',
      summary: `${e.action} on ${e.resource} was not checked in ${c.since} (${c.baseline.recordedAt}): a new permission, so nothing to compare it with`,
      changes: [],
    };
  }
  const contextChanges = requestChanges(before.context, Array.isArray(e.context) ? e.context : []);
  if (contextChanges.length > 0) {
    return {
      kind: 'new-request',
      summary: `the request for ${e.action} on ${e.resource} is not the one ${c.since} (${c.baseline.recordedAt}) checked: its context changed`,
      changes: contextChanges,
    };
  }
  const relevant = relevantChanges(f, before, c);
  if (relevant.length > 0) {
    const removed = (f.class === 'explicit-deny' || f.class === 'implicit-deny') && before.status === 'pass';
    if (removed && ENTITLEMENT_POINTS.has(f.decisionPoint)) {
      return {
        kind: 'entitlement-removed',
        summary: `${e.action} on ${e.resource} was allowed in ${c.since} (${c.baseline.recordedAt}${before.statements.length ? `, by ${before.statements.join(', ')}` : ''}) and is denied now: ${relevant.map((p) => p.name).join(', ')} changed`,
        changes: capped(relevant.flatMap(describeChange)),
      };
    }
    return policyDrift(relevant, `${relevant.map((p) => p.name).join(', ')} changed since ${c.since}`);
  }
  if (c.identity.length > 0) return trustChange(c, c.trust);
  if (!c.policiesKnown) {
    // Without the documents (a report), the decision and its statements are what shows that a policy changed.
    const statements = before.statements.join(', ') || 'no statement';
    const list = (v: unknown) => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : []);
    const now = [...list(e.statements), ...list(e.granting)].join(', ') || 'no statement';
    if (before.decision !== e.decision || statements !== now) {
      const removed =
        before.status === 'pass' && ENTITLEMENT_POINTS.has(f.decisionPoint) && /deny/.test(String(e.decision));
      return {
        kind: removed ? 'entitlement-removed' : 'policy-drift',
        summary: `${e.action} on ${e.resource} was ${before.decision} by ${statements} in the earlier run (${c.baseline.recordedAt}), and is ${String(e.decision)} by ${now} now, for the same identity and request: a policy that decides it changed (a report holds no documents; compare baseline records for the statement diff)`,
        changes: [`decision: ${before.decision} (${statements}) → ${String(e.decision)} (${now})`],
      };
    }
  }
  return unchanged(c, before);
}

/** The context keys whose values differ between two requests (the keys that change every run left out). */
function requestChanges(before: readonly string[], now: readonly string[]): string[] {
  const read = (pairs: readonly string[]) => {
    const map = new Map<string, string>();
    for (const kv of pairs) {
      const at = kv.indexOf('=');
      const key = at < 0 ? kv : kv.slice(0, at);
      if (!CHANGES_EVERY_RUN.has(key.toLowerCase())) map.set(key, at < 0 ? '' : kv.slice(at + 1));
    }
    return map;
  };
  const a = read(before);
  const b = read(now);
  return [...new Set([...a.keys(), ...b.keys()])]
    .filter((k) => a.get(k) !== b.get(k))
    .map((k) => `context ${k}: ${a.get(k) ?? '(absent)'} → ${b.get(k) ?? '(absent)'}`);
}

/** The changed policies that bear on one finding: those its deciding statements name, those that granted it before. */
function relevantChanges(f: Finding, before: PermissionEntry, c: Context): PolicyChange[] {
  const named = new Set(
    [...before.statements, ...(Array.isArray(f.evidence.statements) ? f.evidence.statements : [])].map(
      policyOfStatement,
    ),
  );
  const layer = typeof f.evidence.layer === 'string' ? f.evidence.layer : undefined;
  const roleChanges = c.policies.filter((p) => p.layer !== 'trust');
  const direct = roleChanges.filter((p) => named.has(p.name) || (layer !== undefined && p.layer === layer));
  return direct.length > 0 ? direct : roleChanges;
}

function trustChange(
  c: Context,
  trust: readonly PolicyChange[],
  extra: readonly string[] = [],
  named: readonly string[] = [],
): Classified {
  const what = [
    ...(c.identity.length > 0 ? ["the token's identity or the role's session settings"] : []),
    ...named,
    ...(trust.length > 0 ? ["the role's trust policy"] : []),
  ];
  return {
    kind: 'trust-or-identity-change',
    summary: `${what.join(' and ')} changed since ${c.since} (${c.baseline.recordedAt})`,
    changes: capped([...c.identity, ...extra, ...trust.flatMap(describeChange)]),
  };
}

function policyDrift(changes: readonly PolicyChange[], summary: string, first: readonly string[] = []): Classified {
  return { kind: 'policy-drift', summary, changes: capped([...first, ...changes.flatMap(describeChange)]) };
}

/** A role the record read, not found by this run. */
interface RoleGone {
  readonly arn: string;
  /** Where the record read its trust policy. */
  readonly source?: string;
}

function describeGone(g: RoleGone): string {
  return `role ${g.arn}: read in the last record${g.source ? ` (${g.source})` : ''}, not found now`;
}

/** The roles whose policies the record holds and this run has none of (deleted, renamed, or gone from the files). */
function rolesGone(current: BaselineRecord, baseline: BaselineRecord): RoleGone[] {
  const now = new Set(current.policies.map((p) => p.role));
  const out = new Map<string, RoleGone>();
  for (const p of baseline.policies) {
    if (now.has(p.role) || out.has(p.role)) continue;
    const trust = baseline.policies.find((t) => t.role === p.role && t.layer === 'trust');
    out.set(p.role, { arn: p.role, ...(trust ? { source: trust.source } : {}) });
  }
  return [...out.values()];
}

/** The OIDC providers that differ: added, removed, or with other client IDs, thumbprints or URL. */
function providerChanges(now: readonly ProviderEntry[], before: readonly ProviderEntry[], readAny: boolean): string[] {
  const set = (l: readonly string[]) => JSON.stringify([...l].sort());
  const lines: string[] = [];
  for (const p of now) {
    const was = before.find((b) => b.arn === p.arn);
    if (!was) {
      lines.push(`OIDC provider ${p.arn} added`);
      continue;
    }
    if (was.url !== p.url) lines.push(`OIDC provider ${p.arn} URL: ${was.url} → ${p.url}`);
    if (set(was.clientIds) !== set(p.clientIds))
      lines.push(`OIDC provider ${p.arn} client IDs: ${set(was.clientIds)} → ${set(p.clientIds)}`);
    if (set(was.thumbprints) !== set(p.thumbprints))
      lines.push(`OIDC provider ${p.arn} thumbprints: ${set(was.thumbprints)} → ${set(p.thumbprints)}`);
  }
  // A run that read no role read no provider either: a provider is removed only when this run read its account.
  for (const was of before)
    if (readAny && !now.some((p) => p.arn === was.arn)) lines.push(`OIDC provider ${was.arn} removed`);
  return lines;
}

/**
 * Nothing the preflight reads changed. `earlier` is this finding's entry in the run compared with, when the record
 * keeps one: a finding that failed there too is a standing failure, whose cause is the one it names (not something
 * outside the preflight's view). A run compared with that did not pass says only that.
 */
function unchanged(c: Context, earlier?: { readonly status: string; readonly class: string }): Classified {
  const head = `nothing the preflight reads changed since ${c.since} (${c.baseline.recordedAt})`;
  const summary =
    earlier && earlier.status !== 'pass'
      ? `${head}, where this did not pass either (${earlier.class}): a standing failure, not a change; its cause is the one this finding names`
      : c.baseline.result !== 'pass'
        ? `${head}, which did not pass: compare with a passing run to tell a change from a standing failure`
        : `${head}: ${unchangedHint(c.since)}`;
  return { kind: 'unchanged', summary, changes: [] };
}

function capped(lines: readonly string[]): string[] {
  return lines.length > MAX_CHANGES
    ? [...lines.slice(0, MAX_CHANGES - 1), `and ${lines.length - MAX_CHANGES + 1} more`]
    : [...lines];
}

/** The differences of the token's claims that matter. */
function identityChanges(now: IdentityEntry | undefined, before: IdentityEntry | undefined): string[] {
  if (!now || !before) return [];
  const lines: string[] = [];
  if (now.issuer !== before.issuer) lines.push(`issuer: ${before.issuer} → ${now.issuer}`);
  if (now.sub !== before.sub) lines.push(`sub: ${before.sub} → ${now.sub}`);
  if (now.aud.join(',') !== before.aud.join(',')) lines.push(`aud: ${before.aud.join(',')} → ${now.aud.join(',')}`);
  // Only claims both runs kept: a report keeps none, so there a claim is unknown, not changed.
  for (const key of Object.keys(before.claims)) {
    if (key in now.claims && before.claims[key] !== now.claims[key]) {
      lines.push(`claim ${key}: ${before.claims[key] ?? '(absent)'} → ${now.claims[key] ?? '(absent)'}`);
    }
  }
  return lines;
}

/** How each role is assumed, where it differs: the session's name, duration, audience, chaining, session policies. */
function roleChanges(now: readonly RoleEntry[], before: readonly RoleEntry[]): string[] {
  return now.flatMap((role) => {
    // A role several jobs assume is several entries: one assumed as before is no change.
    const same = before.filter((r) => r.arn === role.arn);
    if (same.some((r) => JSON.stringify(r) === JSON.stringify(role))) return [];
    const was = same[0];
    if (!was) return [];
    const fields = ['sessionName', 'durationSeconds', 'audience', 'roleChaining', 'sessionPolicyArns'] as const;
    return fields
      .filter((k) => JSON.stringify(was[k]) !== JSON.stringify(role[k]))
      .map((k) => `role ${role.arn} ${k}: ${JSON.stringify(was[k])} → ${JSON.stringify(role[k])}`);
  });
}

/** A policy that differs between the runs. */
export interface PolicyChange {
  readonly name: string;
  readonly layer: PolicyEntry['layer'];
  readonly before?: PolicyEntry;
  readonly after?: PolicyEntry;
}

/** Policies added, removed or changed (by digest), matched by role, layer, level and name. */
export function policyChanges(now: readonly PolicyEntry[], before: readonly PolicyEntry[]): PolicyChange[] {
  const byKey = new Map(before.map((p) => [policyKey(p), p]));
  const changes: PolicyChange[] = [];
  for (const after of now) {
    const was = byKey.get(policyKey(after));
    byKey.delete(policyKey(after));
    if (!was) changes.push({ name: after.name, layer: after.layer, after });
    else if (was.digest !== after.digest) changes.push({ name: after.name, layer: after.layer, before: was, after });
  }
  for (const was of byKey.values()) changes.push({ name: was.name, layer: was.layer, before: was });
  return changes;
}

/** A policy change as lines: its name, version and source, then its statement diff when both copies are kept. */
export function describeChange(change: PolicyChange): string[] {
  const { before, after } = change;
  const version = (p: PolicyEntry | undefined) =>
    p?.versionId ? ` ${p.versionId}${p.versionDate ? ` of ${p.versionDate}` : ''}` : '';
  const where = after ? ` (${after.source})` : before ? ` (was ${before.source})` : '';
  if (!before) return [`policy ${change.name} [${change.layer}] added${version(after)}${where}`];
  if (!after) return [`policy ${change.name} [${change.layer}] removed${version(before)}${where}`];
  const head = `policy ${change.name} [${change.layer}] changed${version(before) || version(after) ? `:${version(before) || ' ?'} →${version(after) || ' ?'}` : ''}${where}`;
  if (before.document === undefined || after.document === undefined) {
    return [`${head}; the last passing run kept only its digest (${before.digest} → ${after.digest})`];
  }
  return [head, ...diffStatements(before.document, after.document).map((l) => `  ${l}`)];
}

/** The changes a finding's message shows (the evidence has them all): the first few, on one line. */
const MESSAGE_CHANGES = 3;
function shownChanges(changes: readonly string[]): string {
  if (changes.length === 0) return '';
  const shown = changes.slice(0, MESSAGE_CHANGES).map((line) => line.trim());
  const more = changes.length > MESSAGE_CHANGES ? `; and ${changes.length - MESSAGE_CHANGES} more in the evidence` : '';
  return ` (${shown.join('; ')}${more})`;
}

/**
 * The findings with their classification attached: the class, the baseline's time and the changes in the evidence,
 * and a sentence at the end of the message (which the summary shows). Status, class and fix are left as they are.
 */
export function attachDrift(findings: readonly Finding[], drifts: readonly Drift[], since: string): Finding[] {
  const byId = new Map(drifts.map((d) => [d.findingId, d]));
  return findings.map((f) => {
    const d = byId.get(f.id);
    if (!d) return f;
    return {
      ...f,
      message: `${f.message} Since the last passing run: ${d.kind}: ${d.summary}${shownChanges(d.changes)}.`,
      evidence: {
        ...f.evidence,
        drift: d.kind,
        ...(since ? { driftSince: since } : {}),
        ...(d.changes.length > 0 ? { driftChanges: d.changes } : {}),
      },
    };
  });
}
