/**
 * Live reads of the SCPs and RCPs that apply to an account, from AWS Organizations: DescribeOrganization (is the
 * account in an organization, and is it the management account), ListParents from the account up to the root,
 * ListPoliciesForTarget for each type at every level (paginated, bounded), and DescribePolicy for each policy listed.
 * The result has the shape the engine takes (src/model/aws.ts `scps`, `rcps`: one list per level, root first), since
 * AWS evaluates SCPs level by level: at the root, each OU and the account, some attached policy must allow, and a deny
 * anywhere denies (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html).
 *
 * - ListParents, ListPoliciesForTarget and DescribePolicy answer only in the management account or a delegated
 *   administrator account (https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListParents.html);
 *   elsewhere they are denied, and the layers stay unread, with the statement that would let them.
 * - AWSOrganizationsNotInUseException says the caller's account is in no organization
 *   (https://docs.aws.amazon.com/organizations/latest/APIReference/API_DescribeOrganization.html#API_DescribeOrganization_Errors):
 *   no SCP or RCP applies to it. That proves it of the role's account only when the caller is in that account.
 * - SCPs do not affect the management account's principals, nor RCPs its resources
 *   (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html,
 *   https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html).
 * The SDK is loaded with `await import()` on first use.
 */
import type { OrganizationsClient, OrganizationsClientConfig } from '@aws-sdk/client-organizations';
import type { PolicyDocument } from '../model/aws.js';
import { type Finding, findingMaker } from '../model/finding.js';
import { MAX_JSON_DEPTH, valueTooDeep } from '../text/json-depth.js';
import { type AwsClientOptions, baseClientConfig, retryOptionsOf } from './aws-errors.js';
import { badAnswer, callOrThrow, PolicyReadError, type ReadStatement, unreadDraft } from './aws-policy-read.js';
import type { Sleep } from './http.js';

type OrgSdk = typeof import('@aws-sdk/client-organizations');
/** The part of `OrganizationsClient` used here. */
export type OrganizationsClientLike = Pick<OrganizationsClient, 'send'>;

/** What the reader needs; all optional. */
export interface OrgReaderDeps extends AwsClientOptions {
  readonly client?: OrganizationsClientLike;
  readonly credentials?: OrganizationsClientConfig['credentials'];
  readonly maxAttempts?: number;
  readonly sleep?: Sleep;
}

/** What the reads found: the policies of each level, none at all (and why), or findings for what was not read. */
export type OrgPoliciesRead =
  | {
      readonly kind: 'read';
      readonly scps: readonly (readonly PolicyDocument[])[];
      readonly rcps: readonly (readonly PolicyDocument[])[];
      /** The targets read, root first: `r-…`, `ou-…`, the account. */
      readonly targets: readonly string[];
    }
  | { readonly kind: 'none'; readonly reason: 'no-organization' | 'management-account'; readonly finding: Finding }
  | { readonly kind: 'unread'; readonly findings: readonly Finding[] };

/** The statement the live reads of the organization's policies need, for the README and the findings. */
export const ORG_READ_STATEMENT: ReadStatement = {
  Effect: 'Allow',
  Action: [
    'organizations:DescribeOrganization',
    'organizations:ListParents',
    'organizations:ListPoliciesForTarget',
    'organizations:DescribePolicy',
  ],
  Resource: '*',
};

/** OUs nest at most five levels under the root (orgs_reference_limits.html), so an account has at most six parents. */
const MAX_PARENTS = 6;
/** Pages of ListPoliciesForTarget per target and type: at most 5 SCPs (and 5 RCPs) attach to one target. */
const MAX_PAGES = 10;
/** The most characters of a policy's Content read: Organizations stores at most 5,120 (orgs_reference_limits.html). */
const MAX_CONTENT = 65_536;
const TYPES = [
  ['scp', 'SERVICE_CONTROL_POLICY'],
  ['rcp', 'RESOURCE_CONTROL_POLICY'],
] as const;

/** An Organizations client with an optional endpoint override, and no SDK retries (src/sources/aws-errors.ts). */
export async function createOrganizationsClient(
  options: AwsClientOptions & { readonly credentials?: OrganizationsClientConfig['credentials'] } = {},
): Promise<OrganizationsClient> {
  const { OrganizationsClient } = await import('@aws-sdk/client-organizations');
  return new OrganizationsClient({
    ...baseClientConfig(options),
    ...(options.credentials !== undefined ? { credentials: options.credentials } : {}),
  });
}

/** One call of the reader: the SDK and the client, made on the first call. */
type Call = <T>(
  operation: string,
  resource: string,
  send: (sdk: OrgSdk, client: OrganizationsClientLike) => Promise<T>,
) => Promise<T>;

/**
 * The reader's calls, each memoized by operation and resource: FullAWSAccess, attached at every level, is described
 * once.
 */
function createCall(deps: OrgReaderDeps): Call {
  const retry = retryOptionsOf(deps);
  const memo = new Map<string, Promise<unknown>>();
  let ready: Promise<{ sdk: OrgSdk; client: OrganizationsClientLike }> | undefined;
  const run: Call = async (operation, resource, send) => {
    ready ??= import('@aws-sdk/client-organizations').then(async (sdk) => ({
      sdk,
      client: deps.client ?? (await createOrganizationsClient(deps)),
    }));
    const { sdk, client } = await ready;
    return callOrThrow(`organizations:${operation}`, resource, () => send(sdk, client), retry);
  };
  return (operation, resource, send) => {
    // Pages of one listing differ by their token, which `resource` does not carry: only single answers are shared.
    if (operation !== 'DescribePolicy') return run(operation, resource, send);
    const key = `${operation} ${resource}`;
    const cached = memo.get(key) as ReturnType<typeof send> | undefined;
    if (cached) return cached;
    const read = run(operation, resource, send);
    memo.set(key, read);
    return read;
  };
}

/** What the reader is told about the caller. */
export interface OrgReadContext {
  /** The inspecting credentials are known to be in the role's account (IAM's GetRole answered for that role). */
  readonly callerInAccount: boolean;
}

/** Reads the SCPs and RCPs that apply to `accountId`. Never throws on AWS errors: they become findings. */
export async function readOrgPolicies(
  accountId: string,
  context: OrgReadContext,
  deps: OrgReaderDeps = {},
): Promise<OrgPoliciesRead> {
  const call = createCall(deps);
  const make = findingMaker({
    idPrefix: `aws-organizations:${accountId}`,
    subject: `SCPs and RCPs of account ${accountId}`,
  });
  try {
    const org = await call('DescribeOrganization', '*', (m, c) => c.send(new m.DescribeOrganizationCommand({})));
    const master = org.Organization?.MasterAccountId;
    if (master === undefined)
      throw badAnswer('organizations:DescribeOrganization', '*', 'no Organization.MasterAccountId');
    if (master === accountId)
      return { kind: 'none', reason: 'management-account', finding: make(managementDraft(accountId)) };
    const targets = await readParents(call, accountId);
    const levels = await Promise.all(targets.map((target) => readTarget(call, target)));
    return {
      kind: 'read',
      scps: wholeType(levels.map((l) => l.scp)),
      rcps: wholeType(levels.map((l) => l.rcp)),
      targets,
    };
  } catch (error) {
    if (!(error instanceof PolicyReadError)) throw error;
    if (error.error.code === 'AWSOrganizationsNotInUseException') {
      if (context.callerInAccount)
        return { kind: 'none', reason: 'no-organization', finding: make(noOrgDraft(accountId)) };
      return { kind: 'unread', findings: [make(otherAccountDraft(error, accountId))] };
    }
    return {
      kind: 'unread',
      findings: [
        make(
          unreadDraft(error, {
            decisionPoint: 'scp',
            what: `the SCPs and RCPs of account ${accountId}`,
            statement: ORG_READ_STATEMENT,
            otherwise:
              'These calls answer only in the management account or a delegated administrator account (https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListParents.html): run the live reads with credentials there, or export the policies into the policy folder (docs/policy-folder.md, "Exporting the SCPs and RCPs of one account").',
          }),
        ),
      ],
    };
  }
}

/**
 * A type none of whose levels lists a policy is not in use: the root has it disabled, so it applies nowhere (with
 * SCPs enabled, every level keeps at least one attached, orgs_manage_policies_scps_attach.html). Then it is no level
 * at all, which the engine takes as nothing to pass.
 */
function wholeType(levels: readonly PolicyDocument[][]): readonly PolicyDocument[][] {
  return levels.every((l) => l.length === 0) ? [] : levels;
}

/** The targets from the root down to the account: ListParents from the account up, at most {@link MAX_PARENTS}. */
async function readParents(call: Call, accountId: string): Promise<string[]> {
  const chain = [accountId];
  let child = accountId;
  for (let n = 0; n < MAX_PARENTS; n++) {
    const out = await call('ListParents', child, (m, c) => c.send(new m.ListParentsCommand({ ChildId: child })));
    const [parent, ...more] = out.Parents ?? [];
    // Every account and OU has exactly one parent (API_ListParents.html: "only one parent").
    if (!parent?.Id || more.length > 0) {
      throw badAnswer('organizations:ListParents', child, `${out.Parents?.length ?? 0} parents, where there is one`);
    }
    chain.unshift(parent.Id);
    if (parent.Type === 'ROOT') return chain;
    child = parent.Id;
  }
  throw badAnswer('organizations:ListParents', child, `no root within ${MAX_PARENTS} levels`);
}

/** The SCPs and RCPs attached to one target, each read with DescribePolicy. */
async function readTarget(call: Call, target: string): Promise<{ scp: PolicyDocument[]; rcp: PolicyDocument[] }> {
  const [scp, rcp] = await Promise.all(
    TYPES.map(async ([, filter]) => {
      const ids = await listPolicyIds(call, target, filter);
      return Promise.all(ids.map((id) => describePolicy(call, id, filter)));
    }),
  );
  return { scp: scp ?? [], rcp: rcp ?? [] };
}

/** The IDs of a target's policies of one type, every page. */
async function listPolicyIds(call: Call, target: string, filter: string): Promise<string[]> {
  const ids: string[] = [];
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const out = await call('ListPoliciesForTarget', target, (m, c) =>
      c.send(
        new m.ListPoliciesForTargetCommand({
          TargetId: target,
          Filter: filter as 'SERVICE_CONTROL_POLICY',
          ...(token ? { NextToken: token } : {}),
        }),
      ),
    );
    if (!out.Policies) throw badAnswer('organizations:ListPoliciesForTarget', target, 'no Policies list');
    for (const p of out.Policies) {
      if (!p.Id) throw badAnswer('organizations:ListPoliciesForTarget', target, 'a policy without an Id');
      ids.push(p.Id);
    }
    token = out.NextToken;
    if (!token) return ids;
  }
  throw badAnswer('organizations:ListPoliciesForTarget', target, `more than ${MAX_PAGES} pages`);
}

/** One policy's document (DescribePolicy), named as its summary names it. */
async function describePolicy(call: Call, id: string, filter: string): Promise<PolicyDocument> {
  const out = await call('DescribePolicy', id, (m, c) => c.send(new m.DescribePolicyCommand({ PolicyId: id })));
  const summary = out.Policy?.PolicySummary;
  const content = out.Policy?.Content;
  const op = 'organizations:DescribePolicy';
  if (!summary || content === undefined) throw badAnswer(op, id, 'no Policy.PolicySummary or Policy.Content');
  if (summary.Type !== filter) throw badAnswer(op, id, `a ${summary.Type} where a ${filter} was listed`);
  if (content.length > MAX_CONTENT) throw badAnswer(op, id, `Content of ${content.length} characters`);
  let document: unknown;
  try {
    document = JSON.parse(content);
  } catch {
    throw badAnswer(op, id, 'Content is not JSON');
  }
  if (valueTooDeep(document)) throw badAnswer(op, id, `Content nested deeper than ${MAX_JSON_DEPTH} levels`);
  return { name: summary.Name ?? id, ...(summary.Arn ? { arn: summary.Arn } : {}), document };
}

const NOT_IN_USE_DOCS =
  'https://docs.aws.amazon.com/organizations/latest/APIReference/API_DescribeOrganization.html#API_DescribeOrganization_Errors';

function noOrgDraft(accountId: string) {
  return {
    class: 'ok' as const,
    suffix: 'no-organization',
    decisionPoint: 'scp' as const,
    message: `Account ${accountId} is in no organization (Organizations answered AWSOrganizationsNotInUseException), so no SCP or RCP applies to it.`,
    evidence: { account: accountId, awsErrorCode: 'AWSOrganizationsNotInUseException' },
    docUrl: NOT_IN_USE_DOCS,
  };
}

function managementDraft(accountId: string) {
  return {
    class: 'ok' as const,
    suffix: 'management-account',
    decisionPoint: 'scp' as const,
    message: `Account ${accountId} is its organization's management account: SCPs do not affect its principals, nor RCPs its resources.`,
    evidence: { account: accountId, managementAccount: accountId },
    docUrl: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html',
  };
}

/** Not in use, but for the caller's account, which may not be the role's. */
function otherAccountDraft(error: PolicyReadError, accountId: string) {
  return {
    ...unreadDraft(error, {
      decisionPoint: 'scp',
      what: `the SCPs and RCPs of account ${accountId}`,
      statement: ORG_READ_STATEMENT,
      otherwise: '',
    }),
    class: 'could-not-verify' as const,
    message: `Organizations says the inspecting credentials' account is in no organization, but they were not shown to be in account ${accountId} (its role was not read from IAM), so the SCPs and RCPs of ${accountId} stay unread.`,
    fix: `Run the live reads with credentials of account ${accountId}, or declare \`organizations: none\` if it is in no organization.`,
    docUrl: NOT_IN_USE_DOCS,
  };
}
