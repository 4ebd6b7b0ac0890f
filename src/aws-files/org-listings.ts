/**
 * The AWS CLI outputs that state the organization's shape without any policy text (docs/policy-folder.md):
 *
 * - `aws organizations list-policies-for-target --target-id T --filter SERVICE_CONTROL_POLICY` lists the policies
 *   attached to T (https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListPoliciesForTarget.html). Its
 *   output does not name T: it is saved in the level folder of T (`scps/<n>-<T>/`, as the export loop of
 *   docs/policy-folder.md names them), which gives the level, and T when the part after `<n>-` is a target ID. It makes
 *   the level checkable: a listed policy whose describe-policy output is missing leaves the layer unread, and a
 *   describe-policy output the listing does not name is not attached there.
 * - `aws organizations list-parents --child-id C` names C's one parent
 *   (https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListParents.html). Its output does not name C
 *   either: it is saved as `list-parents-<C>.json`. Together they give the chain from the account up to the root, and
 *   so the levels that must all be given, since AWS evaluates SCPs at every level
 *   (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html).
 *
 * Pure: values in, fragments and findings out.
 */
import type { Finding } from '../model/finding.js';
import { asRecords, type FileContext, fileFinding } from './documents.js';
import type { Collector, Fragment, OrgLevel } from './types.js';

/** A target ID: a root `r-…`, an OU `ou-…-…`, or an account (API_ListPoliciesForTarget.html, TargetId's pattern). */
const TARGET_ID = /^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}|\d{12})$/;
/** A policy ID (API_DescribePolicy.html, PolicyId's pattern); FullAWSAccess's is `p-FullAWSAccess`. */
const POLICY_ID = /^p-[0-9a-zA-Z_]{8,128}$/;
const LIST_PARENTS_NAME = /^list-parents-(.+)\.json$/i;
const TYPES: Readonly<Record<string, 'scp' | 'rcp'>> = {
  SERVICE_CONTROL_POLICY: 'scp',
  RESOURCE_CONTROL_POLICY: 'rcp',
};
const FOLDER_FIX = 'Save it as docs/policy-folder.md says ("Listings and parents").';

/** The target a level folder names: the part after `<n>-`, when it is a target ID. */
export function targetOfLevel(level: OrgLevel | undefined): string | undefined {
  const rest = level?.name.replace(/^\d+-/, '');
  return rest !== undefined && TARGET_ID.test(rest) ? rest : undefined;
}

/** Reads a list-policies-for-target output placed in a level folder (`type` when the folder is `scps/` or `rcps/`). */
export function readPolicyListing(
  out: Collector,
  context: FileContext,
  value: Record<string, unknown>,
  line: number,
  placement: { readonly level: OrgLevel | undefined; readonly type?: 'scp' | 'rcp' | undefined },
): void {
  const entries = asRecords(value.Policies);
  const listed = entries.filter((p) => TYPES[String(p.Type)]);
  const types = [...new Set(listed.map((p) => TYPES[String(p.Type)]))];
  const type = placement.type ?? (types.length === 1 ? types[0] : undefined);
  const problem = (message: string) =>
    out.findings.push(fileFinding(context.file, { line }, { class: 'policy-folder-layout', message, fix: FOLDER_FIX }));
  if (!placement.level) {
    problem(
      'is a list-policies-for-target output outside a level folder: its output does not name its target, so the level it lists is unknown.',
    );
    return;
  }
  if (!type || types.some((t) => t !== type)) {
    problem(
      `is a list-policies-for-target output whose policy type cannot be known (${types.length === 0 ? 'it lists no SCP or RCP' : 'it mixes SCPs and RCPs'}): save one --filter per file, under scps/ or rcps/.`,
    );
    return;
  }
  const ids = listed.filter((p) => TYPES[String(p.Type)] === type).map((p) => String(p.Id ?? ''));
  const bad = ids.find((id) => !POLICY_ID.test(id));
  if (bad !== undefined) {
    problem(
      `lists ${JSON.stringify(bad.slice(0, 64))}, which is not a policy ID (p- then 8 to 128 letters, digits or _).`,
    );
    out.fragments.push({ kind: 'org-policy-unread', types: [type] });
    return;
  }
  out.fragments.push({
    kind: 'org-listing',
    file: context.file,
    type,
    level: placement.level,
    ...(targetOfLevel(placement.level) ? { target: targetOfLevel(placement.level) } : {}),
    policyIds: ids,
  });
}

/** Reads a list-parents output; its child comes from the file's name, `list-parents-<child-id>.json`. */
export function readParents(out: Collector, context: FileContext, value: Record<string, unknown>, line: number): void {
  const name = context.file.slice(context.file.lastIndexOf('/') + 1);
  const child = LIST_PARENTS_NAME.exec(name)?.[1];
  const [parent, ...more] = asRecords(value.Parents);
  const problem = (message: string) =>
    out.findings.push(fileFinding(context.file, { line }, { class: 'policy-folder-layout', message, fix: FOLDER_FIX }));
  if (!child || !TARGET_ID.test(child)) {
    problem(
      'is a list-parents output whose child is unknown: its output does not name the child, so name the file list-parents-<child-id>.json.',
    );
    return;
  }
  const id = typeof parent?.Id === 'string' ? parent.Id : '';
  if (!TARGET_ID.test(id) || more.length > 0) {
    problem(`gives ${more.length + (parent ? 1 : 0)} parent(s) for ${child}, where an account or OU has exactly one.`);
    return;
  }
  out.fragments.push({ kind: 'org-parent', file: context.file, child, parent: id, root: parent?.Type === 'ROOT' });
}

type Listing = Extract<Fragment, { kind: 'org-listing' }>;
type Parent = Extract<Fragment, { kind: 'org-parent' }>;
type OrgPolicyFragment = Extract<Fragment, { kind: 'org-policy' }>;

/** The ID a policy file gives: its ARN's last segment (`…/p-FullAWSAccess`), or a bare document's file name. */
const idsOf = (p: OrgPolicyFragment) => [p.policy.arn?.slice(p.policy.arn.lastIndexOf('/') + 1), p.policy.name];

const exportCommand = (id: string) => `aws organizations describe-policy --policy-id ${id}`;

/**
 * Checks the SCP and RCP files against the listings and the parents: each returns the findings, and the layers it
 * leaves unread (a listed policy missing, a policy not listed, a level of the chain not given).
 */
export function checkOrgListings(
  listings: readonly Listing[],
  parents: readonly Parent[],
  policies: readonly OrgPolicyFragment[],
  accounts: ReadonlySet<string>,
): { findings: Finding[]; unread: ('scp' | 'rcp')[] } {
  const findings: Finding[] = [];
  const unread = new Set<'scp' | 'rcp'>();
  for (const listing of listings) {
    const here = policies.filter((p) => p.type === listing.type && p.level?.name === listing.level.name);
    for (const id of listing.policyIds) {
      if (here.some((p) => idsOf(p).includes(id))) continue;
      unread.add(listing.type);
      findings.push(
        fileFinding(
          listing.file,
          {},
          {
            class: 'org-policy-missing',
            message: `lists the ${listing.type.toUpperCase()} ${id} at level ${listing.level.name}, and no file gives its document: that level is not read (fail closed).`,
            fix: `Save \`${exportCommand(id)}\` into the same folder (${listing.file.slice(0, listing.file.lastIndexOf('/') + 1)}${id}.json).`,
          },
        ),
      );
    }
    for (const p of here) {
      if (listing.policyIds.some((id) => idsOf(p).includes(id))) continue;
      unread.add(listing.type);
      findings.push(
        fileFinding(
          p.policy.file ?? listing.file,
          { line: p.policy.line },
          {
            class: 'policy-folder-layout',
            message: `is the ${listing.type.toUpperCase()} ${p.policy.name}, which the level's listing (${listing.file}) does not name: it is not attached there now.`,
            fix: 'Export the level again (docs/policy-folder.md, "Exporting the SCPs and RCPs of one account"), or remove the file.',
          },
        ),
      );
    }
  }
  if (parents.length > 0) chainFindings(parents, listings, policies, accounts, findings, unread);
  return { findings, unread: [...unread].sort() };
}

/** The chain of each account from the list-parents outputs, against the levels the files give. */
function chainFindings(
  parents: readonly Parent[],
  listings: readonly Listing[],
  policies: readonly OrgPolicyFragment[],
  accounts: ReadonlySet<string>,
  findings: Finding[],
  unread: Set<'scp' | 'rcp'>,
): void {
  const parentOf = new Map(parents.map((p) => [p.child, p]));
  for (const account of accounts) {
    const chain = [account];
    let at = parentOf.get(account);
    while (at && chain.length <= 6) {
      chain.unshift(at.parent);
      if (at.root) break;
      at = parentOf.get(at.parent);
    }
    const file = parents[0]?.file ?? '';
    if (!at?.root) {
      unread.add('scp');
      findings.push(
        fileFinding(
          file,
          {},
          {
            class: 'org-policy-missing',
            message: `the list-parents outputs do not lead from account ${account} to the root (they stop at ${chain[0]}), so which levels' SCPs apply is unknown.`,
            fix: `Save \`aws organizations list-parents --child-id ${chain[0]}\` as list-parents-${chain[0]}.json.`,
          },
        ),
      );
      continue;
    }
    chain.forEach((target, level) => {
      const given = [...listings, ...policies].some(
        (f) =>
          f.type === 'scp' &&
          f.level !== undefined &&
          (targetOfLevel(f.level) === target || (f.level.order === level && targetOfLevel(f.level) === undefined)),
      );
      if (given) return;
      unread.add('scp');
      findings.push(
        fileFinding(
          file,
          {},
          {
            class: 'org-policy-missing',
            message: `the list-parents outputs put ${target} at level ${level} above account ${account}, and no file gives its SCPs: that level is not read (fail closed).`,
            fix: `Save each \`aws organizations describe-policy\` of \`aws organizations list-policies-for-target --target-id ${target} --filter SERVICE_CONTROL_POLICY\` into scps/${level}-${target}/.`,
          },
        ),
      );
    });
  }
}
