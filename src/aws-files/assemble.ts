/**
 * Fragments from every file joined into one {@link AwsInventory}: a role from get-account-authorization-details
 * (its policies) meets its MaxSessionDuration from get-role and its managed policies' documents from the
 * `Policies` list of another page. What cannot be known from the files becomes an `unverified` finding (which fails
 * closed), never a guess that could pass. Pure: fragments in, inventory and findings out.
 */
import type {
  AwsInventory,
  OidcProviderList,
  OidcProviderModel,
  PolicyDocument,
  ResourcePolicyModel,
  RoleModel,
} from '../model/aws.js';
import { type DecisionPoint, type Finding, type FindingDraft, findingMaker } from '../model/finding.js';
import { fileFinding, lazyPolicyDocument } from './documents.js';
import { assembleRoleFolders } from './folder.js';
import { checkOrgListings } from './org-listings.js';
import { accountOf, assembleRole, roleFinding, same } from './role.js';
import type { Collector, Fragment, RoleFragment, RolePartFragment } from './types.js';

/** What the assembly is told about the run. */
export interface AssembleOptions {
  /** The roles the run will assume. Problems with other roles are not reported: an export holds hundreds. */
  readonly roleArns?: readonly string[] | undefined;
  /** The session length that will be requested, seconds, to tell whether an unknown MaxSessionDuration matters. */
  readonly durationSeconds?: number | undefined;
  /** Documents of managed policies that no file gives (AWS managed ones, bundled): a file's document wins. */
  readonly fallbackPolicy?: ((arn: string) => PolicyDocument | undefined) | undefined;
}

/** The inventory, the findings, and what integration needs to word the checks that follow. */
export interface AwsFilesResult {
  readonly inventory: AwsInventory;
  readonly findings: readonly Finding[];
  /** Providers known only from list-open-id-connect-providers: they exist, but their client IDs are unknown. */
  readonly listedOidcProviderArns: readonly string[];
  /**
   * The list-open-id-connect-providers outputs read, each with the accounts it covers: it lists every provider of its
   * account, so a provider of that account it does not list does not exist, even when it lists nothing.
   */
  readonly oidcProviderLists: readonly OidcProviderList[];
  /** Roles whose MaxSessionDuration no file gave; their model carries 3600, the least IAM allows. */
  readonly assumedMaxSessionDuration: readonly string[];
  /** An authorization-details page says more pages follow, and none of the files is the last page. */
  readonly incomplete: boolean;
  /** Managed policies attached to a checked role (or its boundary) whose document neither a file nor the fallback gave. */
  readonly missingManagedPolicyArns: readonly string[];
}

const ACCOUNT_ID = /^\d{12}$/;
/** The folder of a file, as its path gives it. */
const folderOf = (file: string) => file.replace(/[\\/][^\\/]*$/, '');

/**
 * The ARN of a provider read from get-open-id-connect-provider, which prints none: `arn:PARTITION:iam::ACCOUNT:
 * oidc-provider/URL` (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns),
 * in the partition of the roles' ARNs (an `aws-cn` role's provider is `arn:aws-cn:iam::…`).
 * The account is, in order: the one whose list-open-id-connect-providers output holds that URL (where several do, the
 * one whose list lies in the provider file's own folder: an account's exports kept together); else the account of the
 * roles, when they are all in one (the provider a role trusts must be in the role's account).
 */
function resolveProviderArn(
  url: string,
  file: string,
  listed: readonly { readonly arn: string; readonly file: string }[],
  roleAccounts: ReadonlySet<string>,
  rolePartitions: ReadonlySet<string>,
): string[] {
  const suffix = `:oidc-provider/${url}`;
  const matches = listed.filter((l) => l.arn.endsWith(suffix));
  const arns = [...new Set(matches.map((l) => l.arn))];
  const inRoleAccounts = arns.filter((arn) => roleAccounts.has(accountOf(arn)));
  if (arns.length === 1 || inRoleAccounts.length === 1) return [inRoleAccounts[0] ?? arns[0] ?? ''];
  const beside = [...new Set(matches.filter((l) => folderOf(l.file) === folderOf(file)).map((l) => l.arn))];
  if (beside.length === 1) return beside;
  if (arns.length > 1) return arns;
  const [account] = roleAccounts;
  const [partition] = rolePartitions;
  return account && partition && roleAccounts.size === 1 && rolePartitions.size === 1
    ? [`arn:${partition}:iam::${account}${suffix}`]
    : [];
}

/**
 * The accounts each list-open-id-connect-providers output covers. Its output names no account but through its
 * providers' ARNs (https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListOpenIDConnectProviders.html), so a list
 * covers the accounts its ARNs name; one that lists none covers the account its folder is tied to (docs/policy-folder.md
 * §1: each account's exports in a folder of its own), the one account that the folder's name (a 12-digit account ID),
 * or else the roles and the other lists in that folder, name. Where nothing ties it, it covers no account: an empty list
 * from an unknown account proves nothing of the role's.
 */
function providerLists(
  lists: readonly Extract<Fragment, { kind: 'oidc-provider-list' }>[],
  roles: readonly RoleFragment[],
): OidcProviderList[] {
  const accountsOf = (arns: readonly string[]) => [...new Set(arns.map(accountOf))].filter((a) => ACCOUNT_ID.test(a));
  const named = new Map<string, Set<string>>();
  const name = (file: string, accounts: readonly string[]) => {
    const folder = folderOf(file);
    const set = named.get(folder) ?? new Set<string>();
    for (const account of accounts) set.add(account);
    named.set(folder, set);
  };
  for (const role of roles) name(role.file, accountsOf([role.arn]));
  for (const list of lists) name(list.file, accountsOf(list.arns));
  const folderAccount = (file: string): string[] => {
    const folder = folderOf(file);
    const segment = folder.split(/[\\/]/).pop() ?? '';
    if (ACCOUNT_ID.test(segment)) return [segment];
    const accounts = [...(named.get(folder) ?? [])];
    return accounts.length === 1 ? accounts : [];
  };
  return lists.map((list) => {
    const accounts = accountsOf(list.arns);
    return { file: list.file, accounts: accounts.length > 0 ? accounts : folderAccount(list.file) };
  });
}

type ManagedFragment = Extract<Fragment, { kind: 'managed-policy' }>;

/** The managed policies the checked roles use (attached, or as their boundary); undefined when every role is. */
function usedPolicyArns(roles: readonly RoleFragment[], options: AssembleOptions): ReadonlySet<string> | undefined {
  if (!options.roleArns) return undefined;
  const used = new Set<string>();
  for (const role of roles) {
    if (!options.roleArns.includes(role.arn)) continue;
    for (const arn of role.attachedPolicyArns ?? []) used.add(arn);
    if (role.boundaryArn) used.add(role.boundaryArn);
  }
  return used;
}

/**
 * Managed policies by ARN: the first document read for each, and a finding for another file's different one.
 * Those in `used` (all, when undefined) are read now, their problems reported; the others are handed out as
 * {@link lazyPolicyDocument}s, read on first use, if ever (see ReadScope in `./types.ts`).
 */
function readManagedPolicies(
  fragments: readonly ManagedFragment[],
  used: ReadonlySet<string> | undefined,
  findings: Finding[],
): (arn: string) => PolicyDocument | undefined {
  const managed = new Map<string, PolicyDocument>();
  const unread = new Map<string, ManagedFragment[]>();
  for (const fragment of fragments) {
    const { arn } = fragment;
    if (used && !used.has(arn)) {
      const list = unread.get(arn);
      if (list) list.push(fragment);
      else unread.set(arn, [fragment]);
      continue;
    }
    const read = fragment.read();
    if ('finding' in read) {
      findings.push(read.finding);
      continue;
    }
    const { policy } = read;
    const known = managed.get(arn);
    if (!known) managed.set(arn, policy);
    else if (!same(known, policy)) {
      findings.push(
        fileFinding(
          policy.file ?? '?',
          { line: policy.line },
          {
            class: 'conflicting-definitions',
            message: `the default version of ${arn} differs from the one in ${known.file}.`,
            fix: 'Export the policies again, so that every file is from the same moment.',
          },
        ),
      );
    }
  }
  const lazy = new Map<string, PolicyDocument>();
  return (arn) => {
    const known = managed.get(arn) ?? lazy.get(arn);
    if (known) return known;
    const candidates = unread.get(arn);
    const [first] = candidates ?? [];
    if (!candidates || !first) return undefined;
    // The first that reads, as above; without a finding, for no checked role uses it.
    const read = () => candidates.map((c) => c.read()).find((r) => 'policy' in r) ?? first.read();
    const document = lazyPolicyDocument(first.file, { name: first.name, arn }, read);
    lazy.set(arn, document);
    return document;
  };
}

const SCP_EVALUATION =
  'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html';
const OIDC_ARN = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns';

/** The providers read from get-open-id-connect-provider, by the ARN {@link resolveProviderArn} gives them. */
function readProviders(
  fragments: readonly Extract<Fragment, { kind: 'oidc-provider' }>[],
  listed: readonly { readonly arn: string; readonly file: string }[],
  roleAccounts: ReadonlySet<string>,
  rolePartitions: ReadonlySet<string>,
  findings: Finding[],
): Map<string, OidcProviderModel> {
  const providers = new Map<string, OidcProviderModel>();
  for (const p of fragments) {
    const arns = resolveProviderArn(p.url, p.file, listed, roleAccounts, rolePartitions);
    const [arn] = arns;
    if (!arn || arns.length > 1) {
      findings.push(
        fileFinding(
          p.file,
          { line: p.line },
          {
            class: 'oidc-provider-account-unknown',
            message: `the provider for ${p.url} carries no ARN, and its account cannot be told: ${arns.length > 1 ? `several accounts list it (${arns.join(', ')})` : 'the roles given are in several accounts or partitions, or none'}.`,
            fix: 'Add the `aws iam list-open-id-connect-providers` output of the account this provider was read from.',
            docUrl: OIDC_ARN,
          },
        ),
      );
      continue;
    }
    providers.set(arn, { arn, url: p.url, clientIds: p.clientIds, thumbprints: p.thumbprints });
  }
  return providers;
}

/**
 * The SCPs or RCPs by organization level, root first; undefined when no file gives any. A policy whose level is
 * unknown, and two levels with one number, are reported.
 */
function orgLevels(
  fragments: readonly Extract<Fragment, { kind: 'org-policy' }>[],
  type: 'scp' | 'rcp',
  findings: Finding[],
): PolicyDocument[][] | undefined {
  const policies = fragments.filter((p) => p.type === type);
  if (policies.length === 0) return undefined;
  const levels = new Map<string, { order: number; policies: PolicyDocument[] }>();
  for (const { level, policy } of policies) {
    if (!level) {
      findings.push(
        fileFinding(
          policy.file ?? '?',
          { line: policy.line },
          {
            class: 'policy-folder-layout',
            message: `${policy.name} is an ${type.toUpperCase()}, but which organization level it is attached at is unknown.`,
            fix: `Put it in a folder named for its level: 0-root, 1-ou-<name>, …, then the account's (e.g. ${type}s/0-root/).`,
            docUrl: SCP_EVALUATION,
          },
        ),
      );
      continue;
    }
    const entry = levels.get(level.name) ?? { order: level.order, policies: [] };
    entry.policies.push(policy);
    levels.set(level.name, entry);
  }
  const sorted = [...levels].sort(([a, x], [b, y]) => x.order - y.order || a.localeCompare(b));
  sorted.forEach(
    (
      [
        name,
        {
          order,
          policies: [first],
        },
      ],
      k,
    ) => {
      const previous = sorted[k - 1];
      if (previous && previous[1].order === order) {
        const folder = first?.file?.slice(0, first.file.lastIndexOf('/')) || name;
        findings.push(
          fileFinding(
            folder,
            {},
            {
              class: 'policy-folder-layout',
              message: `is level ${order}, and so is ${previous[0]}: an account sits under one target per level.`,
              fix: 'Give each level its own number, root first (0), down to the account.',
              docUrl: SCP_EVALUATION,
            },
          ),
        );
      }
    },
  );
  return sorted.map(([, entry]) => entry.policies);
}

/** Items grouped by a key, each group in the items' order (one pass: an export gives thousands). */
function groupBy<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Every file's fragments by kind, in file order. */
function fragmentsByKind(collected: readonly Collector[]) {
  const byKind = groupBy(
    collected.flatMap((c) => c.fragments),
    (f) => f.kind,
  );
  return <K extends Fragment['kind']>(kind: K) => (byKind.get(kind) ?? []) as Extract<Fragment, { kind: K }>[];
}

/** Joins the fragments of every file into the inventory. */
export function assembleInventory(collected: readonly Collector[], options: AssembleOptions = {}): AwsFilesResult {
  const findings = collected.flatMap((c) => c.findings);
  const of = fragmentsByKind(collected);
  const inScope = (arn: string) => !options.roleArns || options.roleArns.includes(arn);

  const folderFindings: Finding[] = [];
  const roleFragments = [...of('role'), ...assembleRoleFolders(of('role-part') as RolePartFragment[], folderFindings)];
  const managed = readManagedPolicies(of('managed-policy'), usedPolicyArns(roleFragments, options), findings);
  findings.push(...folderFindings);
  const pages = of('authorization-details-page');
  const incomplete = pages.some((p) => p.truncated) && pages.filter((p) => p.truncated).length >= pages.length;

  const byArn = groupBy(roleFragments, (role) => role.arn);
  const assumed: string[] = [];
  const roles: RoleModel[] = [];
  const report = (role: RoleFragment, draft: FindingDraft) => {
    if (inScope(role.arn)) findings.push(roleFinding(role, draft));
  };
  const inline = of('inline-policy');
  const missing = new Set<string>();
  const withFallback = (arn: string) => managed(arn) ?? options.fallbackPolicy?.(arn);
  const checkedLookup = (arn: string) => {
    const policy = withFallback(arn);
    if (!policy) missing.add(arn);
    return policy;
  };
  for (const group of byArn.values()) {
    const checked = group[0] !== undefined && inScope(group[0].arn);
    const role = assembleRole(group, {
      managed: checked ? checkedLookup : withFallback,
      inline,
      report,
      checked,
      assumed,
      incomplete,
      durationSeconds: options.durationSeconds,
    });
    if (role) roles.push(role);
  }

  const listed = of('oidc-provider-arn');
  const roleArns = options.roleArns ?? roles.map((r) => r.arn);
  const roleAccounts = new Set(roleArns.map(accountOf));
  const rolePartitions = new Set(roleArns.map((arn) => arn.split(':')[1] ?? ''));
  const providers = readProviders(of('oidc-provider'), listed, roleAccounts, rolePartitions, findings);

  const scps = orgLevels(of('org-policy'), 'scp', findings);
  const rcps = orgLevels(of('org-policy'), 'rcp', findings);
  // A file unread, or a policy whose level is unknown (orgLevels reports it), leaves its layer not read.
  const listings = checkOrgListings(of('org-listing'), of('org-parent'), of('org-policy'), roleAccounts);
  findings.push(...listings.findings);
  const unreadOrgLayers = [
    ...new Set([
      ...listings.unread,
      ...of('org-policy-unread').flatMap((f) => f.types),
      ...of('org-policy')
        .filter((p) => !p.level)
        .map((p) => p.type),
    ]),
  ].sort();
  const resourcePolicies: ResourcePolicyModel[] = of('resource-policy').map(({ kind: _kind, ...rest }) => rest);
  // Every managed policy the files give, attached or not, for the managed session policies (read on first use).
  const managedPolicies = [...new Set(of('managed-policy').map((m) => m.arn))].flatMap((arn) => managed(arn) ?? []);

  const inventory: AwsInventory = {
    roles,
    ...(providers.size > 0 ? { oidcProviders: [...providers.values()] } : {}),
    ...(scps ? { scps } : {}),
    ...(rcps ? { rcps } : {}),
    ...(unreadOrgLayers.length > 0 ? { unreadOrgLayers } : {}),
    ...(resourcePolicies.length > 0 ? { resourcePolicies } : {}),
    ...(managedPolicies.length > 0 ? { managedPolicies } : {}),
  };
  findings.push(...duplicateKeyFindings(inventory, inScope));
  return {
    inventory,
    findings: uniqueIds(findings),
    listedOidcProviderArns: [...new Set(listed.map((l) => l.arn))].filter((arn) => !providers.has(arn)),
    oidcProviderLists: providerLists(of('oidc-provider-list'), roleFragments),
    assumedMaxSessionDuration: assumed,
    incomplete,
    missingManagedPolicyArns: [...missing],
  };
}

/**
 * The documents of the checked roles, the SCPs and RCPs and the resource policies, each at the decision point of its
 * layer: where a key repeats, the document reads as JSON.parse (and IAM) keeps it, the last, and the finding fails
 * the run, since the author's intent is lost (in a trust policy, a lost `sub` condition may admit any repository).
 */
function duplicateKeyFindings(inventory: AwsInventory, inScope: (arn: string) => boolean): Finding[] {
  const layers: [DecisionPoint, PolicyDocument | undefined][] = [];
  for (const role of inventory.roles.filter((r) => inScope(r.arn))) {
    layers.push(['sts-trust', role.trustPolicy]);
    for (const policy of [...role.inlinePolicies, ...role.managedPolicies]) layers.push(['identity-policy', policy]);
    layers.push(['permissions-boundary', role.permissionsBoundary]);
  }
  for (const policy of (inventory.scps ?? []).flat()) layers.push(['scp', policy]);
  for (const policy of (inventory.rcps ?? []).flat()) layers.push(['rcp', policy]);
  for (const { policy } of inventory.resourcePolicies ?? []) layers.push(['resource-policy', policy]);
  const out: Finding[] = [];
  for (const [decisionPoint, policy] of layers) {
    for (const dup of policy?.duplicateKeys ?? []) {
      if (!policy) continue;
      const [first, second] = dup.lines;
      const where = dup.inString
        ? `lines ${first} and ${second} of the document (given as a JSON string at ${policy.file ?? '?'}:${policy.line ?? '?'})`
        : `${policy.file ?? '?'} lines ${first} and ${second}`;
      const make = findingMaker({
        idPrefix: `aws-files:duplicate-key:${policy.file ?? policy.name}`,
        subject: `policy ${policy.name}`,
        decisionPoint,
        ...(policy.file ? { location: { file: policy.file, line: dup.inString ? (policy.line ?? 1) : second } } : {}),
      });
      out.push(
        make({
          suffix: `${dup.key}:${second}`,
          status: 'fail',
          class: 'duplicate-key',
          ...(decisionPoint === 'sts-trust' ? { cause: 'changed-trust-or-network-rule' as const } : {}),
          message:
            `${policy.name} gives \`${dup.key}\` twice in one object, at ${where}. AWS keeps the last and ignores the ` +
            'first, so what the first said is lost (in a trust policy, a lost condition may admit any repository).',
          evidence: { policy: policy.name, key: dup.key, lines: dup.lines.map(String), file: policy.file ?? '' },
          fix: `Merge the two \`${dup.key}\` into one (their members side by side) and update the policy in IAM.`,
        }),
      );
    }
  }
  return out;
}

/** Finding ids are unique within a run: a repeat (two problems on one minified line) gets `#2`, `#3`, … */
function uniqueIds(findings: readonly Finding[]): Finding[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const count = (seen.get(f.id) ?? 0) + 1;
    seen.set(f.id, count);
    return count === 1 ? f : { ...f, id: `${f.id}#${count}` };
  });
}
