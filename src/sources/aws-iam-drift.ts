/**
 * What the policy files say that IAM no longer does. With both policy files and live reads, both are read and IAM's
 * answer is the one the checks evaluate; each difference from the files is its own `stale-export` finding, naming the
 * policy, its file and line, and the statements IAM holds that the file lacks and the reverse. Pure: it compares two
 * models of the same role (src/model/aws.ts), one from src/sources/aws-files.ts and one from src/sources/aws-iam.ts.
 *
 * Two documents are the same when they are the same policy to IAM: key order, the order of a list of actions or
 * resources, and a one-element list against its one value do not count
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html: `Action` is a string or a list
 * of strings). The statements are compared as a multiset, each in that canonical form.
 */
import type { OidcProviderModel, PolicyDocument, RoleModel } from '../model/aws.js';
import type { DecisionPoint, Finding, FindingDraft } from '../model/finding.js';
import { findingMaker } from '../model/finding.js';

/** A JSON value in canonical form: object keys sorted, lists of plain values sorted, one-element lists unwrapped. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(canonical);
    if (items.length === 1) return items[0];
    const plain = items.every((v) => typeof v !== 'object' || v === null);
    return plain ? [...items].sort((a, b) => String(a).localeCompare(String(b))) : items;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

/** A document's statements, each as canonical JSON text; a document that is not an object is one opaque entry. */
function statementsOf(document: unknown): string[] {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    return [JSON.stringify(canonical(document))];
  }
  const { Statement: statement, ...rest } = document as Record<string, unknown>;
  const list = Array.isArray(statement) ? statement : statement === undefined ? [] : [statement];
  const head = Object.keys(rest).length > 0 ? [JSON.stringify(canonical(rest))] : [];
  return [...head, ...list.map((s) => JSON.stringify(canonical(s)))];
}

/** The entries of `a` not matched one for one in `b`. */
function minus(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const s of b) left.set(s, (left.get(s) ?? 0) + 1);
  return a.filter((s) => {
    const n = left.get(s) ?? 0;
    if (n === 0) return true;
    left.set(s, n - 1);
    return false;
  });
}

/** How two versions of one document differ: statements only IAM holds, and statements only the file holds. */
export function documentDiff(file: unknown, live: unknown): { onlyLive: string[]; onlyFiles: string[] } {
  const f = statementsOf(file);
  const l = statementsOf(live);
  return { onlyLive: minus(l, f), onlyFiles: minus(f, l) };
}

/** Where a file's policy came from, as a finding's location. */
function locationOf(policy: PolicyDocument | undefined): Pick<FindingDraft, 'location'> {
  return policy?.file ? { location: { file: policy.file, ...(policy.line ? { line: policy.line } : {}) } } : {};
}

const REEXPORT =
  'Re-export the files from IAM (`aws iam get-account-authorization-details`, or `aws iam get-role` and the policy commands, docs/policy-folder.md), so that runs without live reads check what IAM holds.';

/** Who answered live, and how to refresh the files: IAM's by default. */
export interface LiveSide {
  /** `IAM`, `Organizations`, `S3`, `KMS`. */
  readonly who: string;
  readonly fix: string;
}

const IAM_SIDE: LiveSide = { who: 'IAM', fix: REEXPORT };

/** One finding per policy whose statements differ, or that only one side has. */
export function policyDrift(
  layer: DecisionPoint,
  what: string,
  file: PolicyDocument | undefined,
  live: PolicyDocument | undefined,
  side: LiveSide = IAM_SIDE,
): FindingDraft[] {
  const name = live?.name ?? file?.name ?? what;
  const { who, fix } = side;
  if (file && !live) {
    return [
      {
        class: 'stale-export',
        suffix: name,
        decisionPoint: layer,
        message: `The policy files hold ${what} ${name}, which ${who} no longer has; ${who}'s answer is the one checked.`,
        evidence: { policy: name, ...(file.arn ? { arn: file.arn } : {}), onlyFiles: statementsOf(file.document) },
        fix,
        ...locationOf(file),
      },
    ];
  }
  if (live && !file) {
    return [
      {
        class: 'stale-export',
        suffix: name,
        decisionPoint: layer,
        message: `${who} has ${what} ${name}, which the policy files lack; ${who}'s answer is the one checked.`,
        evidence: { policy: name, ...(live.arn ? { arn: live.arn } : {}), onlyLive: statementsOf(live.document) },
        fix,
      },
    ];
  }
  if (!file || !live) return [];
  const { onlyLive, onlyFiles } = documentDiff(file.document, live.document);
  if (onlyLive.length === 0 && onlyFiles.length === 0) return [];
  return [
    {
      class: 'stale-export',
      suffix: name,
      decisionPoint: layer,
      message: `${what[0]?.toUpperCase()}${what.slice(1)} ${name} differs between the policy files and ${who}: ${onlyLive.length} statement(s) in ${who} are not in the file, ${onlyFiles.length} in the file are not in ${who}. ${who}'s answer is the one checked.`,
      evidence: { policy: name, ...(live.arn ? { arn: live.arn } : {}), onlyLive, onlyFiles },
      fix,
      ...locationOf(file),
    },
  ];
}

/** The key that pairs an inline policy of the files with IAM's: its own name, after `ROLE/inline/`. */
const inlineKey = (p: PolicyDocument) => p.name.slice(p.name.lastIndexOf('/inline/') + '/inline/'.length);
/** The key that pairs a managed policy: its ARN, else its name. */
export const managedKey = (p: PolicyDocument) => p.arn ?? p.name;

/** Pairs two lists of policies by key, each key once, in the order first seen. */
export function paired(
  files: readonly PolicyDocument[],
  live: readonly PolicyDocument[],
  key: (p: PolicyDocument) => string,
): [PolicyDocument | undefined, PolicyDocument | undefined][] {
  const keys = [...new Set([...live.map(key), ...files.map(key)])];
  return keys.map((k) => [files.find((p) => key(p) === k), live.find((p) => key(p) === k)]);
}

/** What the drift of a role is told besides the two models. */
export interface RoleDriftOptions {
  /** No file gave the role's MaxSessionDuration (the file's model carries IAM's least): it is not compared. */
  readonly maxSessionAssumed?: boolean;
}

/** Every difference between the role as the files hold it and as IAM answered, one finding each. */
export function roleDrift(file: RoleModel, live: RoleModel, options: RoleDriftOptions = {}): Finding[] {
  const make = findingMaker({ idPrefix: `aws-files:${live.arn}`, subject: `policy files for role ${live.arn}` });
  const drafts: FindingDraft[] = [
    ...policyDrift('sts-trust', 'the trust policy', file.trustPolicy, live.trustPolicy),
    ...paired(file.inlinePolicies, live.inlinePolicies, inlineKey).flatMap(([f, l]) =>
      policyDrift('identity-policy', 'the inline policy', f, l),
    ),
    ...paired(file.managedPolicies, live.managedPolicies, managedKey).flatMap(([f, l]) =>
      policyDrift('identity-policy', 'the attached managed policy', f, l),
    ),
    ...boundaryDrift(file.permissionsBoundary, live.permissionsBoundary),
  ];
  if (!options.maxSessionAssumed && file.maxSessionDuration !== live.maxSessionDuration) {
    drafts.push({
      class: 'stale-export',
      suffix: 'MaxSessionDuration',
      decisionPoint: 'session',
      message: `The policy files give the role a MaxSessionDuration of ${file.maxSessionDuration} s; IAM says ${live.maxSessionDuration} s, which is the one checked.`,
      evidence: { files: file.maxSessionDuration, iam: live.maxSessionDuration },
      fix: REEXPORT,
    });
  }
  if (file.roleId && live.roleId && file.roleId !== live.roleId) {
    // A new unique ID is a new role of the same name: the old one was deleted
    // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids).
    drafts.push({
      class: 'stale-export',
      suffix: 'RoleId',
      decisionPoint: 'sts-trust',
      message: `The policy files hold the role with unique ID ${file.roleId}; IAM's role of that name is ${live.roleId}: it was deleted and re-created since the export.`,
      evidence: { files: file.roleId, iam: live.roleId },
      fix: REEXPORT,
    });
  }
  return drafts.map(make);
}

/** The boundary: one set, removed, replaced by another, or changed in place. */
function boundaryDrift(file: PolicyDocument | undefined, live: PolicyDocument | undefined): FindingDraft[] {
  if (file && live && managedKey(file) !== managedKey(live)) {
    return [
      ...policyDrift('permissions-boundary', 'the permissions boundary', file, undefined),
      ...policyDrift('permissions-boundary', 'the permissions boundary', undefined, live),
    ];
  }
  return policyDrift('permissions-boundary', 'the permissions boundary', file, live);
}

/**
 * Every difference between the OIDC providers of `account` as the files hold them and as IAM listed them: a provider
 * only one side has, or whose client IDs (audiences) differ. Providers of other accounts are not compared.
 */
export function providerDrift(
  account: string,
  files: readonly OidcProviderModel[],
  live: readonly OidcProviderModel[],
): Finding[] {
  const inAccount = files.filter((p) => p.arn.split(':')[4] === account);
  if (inAccount.length === 0) return [];
  const make = findingMaker({ idPrefix: `aws-files:${account}`, subject: `policy files for account ${account}` });
  const arns = [...new Set([...live.map((p) => p.arn), ...inAccount.map((p) => p.arn)])];
  const drafts = arns.flatMap((arn): FindingDraft[] => {
    const f = inAccount.find((p) => p.arn === arn);
    const l = live.find((p) => p.arn === arn);
    const base = {
      class: 'stale-export' as const,
      suffix: arn,
      decisionPoint: 'oidc-provider' as const,
      fix: REEXPORT,
    };
    if (!l) {
      return [
        {
          ...base,
          message: `The policy files hold the OIDC provider ${arn}, which IAM no longer has.`,
          evidence: { provider: arn },
        },
      ];
    }
    if (!f) {
      return [
        {
          ...base,
          message: `IAM has the OIDC provider ${arn}, which the policy files lack.`,
          evidence: { provider: arn },
        },
      ];
    }
    const onlyLive = l.clientIds.filter((c) => !f.clientIds.includes(c));
    const onlyFiles = f.clientIds.filter((c) => !l.clientIds.includes(c));
    if (onlyLive.length === 0 && onlyFiles.length === 0) return [];
    return [
      {
        ...base,
        message: `The client IDs (audiences) of the OIDC provider ${arn} differ between the policy files and IAM; IAM's are the ones checked.`,
        evidence: { provider: arn, onlyLive, onlyFiles },
      },
    ];
  });
  return drafts.map(make);
}
