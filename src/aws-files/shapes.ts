/**
 * The AWS CLI outputs this tool reads, recognised by their shape and read into fragments: pieces of the inventory
 * that `./assemble.ts` joins across files (a role from one file, its MaxSessionDuration from another, its
 * managed policies from a third). Pure: parsed JSON in, fragments and findings out.
 */
import { type PolicyDocument, ROLE_ID } from '../model/aws.js';
import {
  asRecord,
  asRecords,
  asString,
  asStrings,
  deferPolicy,
  type FileContext,
  fileFinding,
  lazyPolicyDocument,
  readPolicy,
  readTags,
} from './documents.js';
import type { AwsFileShape, Collector, OrgLevel, ReadScope, RoleFragment, RoleSettings } from './types.js';

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/;
const ROLE_FIX = 'Save the AWS CLI output unedited; a role needs its ARN, arn:aws:iam::ACCOUNT:role/NAME.';
const POLICY_FIX =
  'Save the get-account-authorization-details output unedited: each managed policy carries its Arn and its versions, one of them the default.';

/** Which output a parsed JSON value is, by the keys that only that output has; undefined when it is none. */
export function detectShape(value: unknown): AwsFileShape | undefined {
  const v = asRecord(value);
  if (!v) return undefined;
  // https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html
  if ('RoleDetailList' in v || 'UserDetailList' in v || 'GroupDetailList' in v)
    return 'get-account-authorization-details';
  if (asRecords(v.Policies).some((p) => 'PolicyVersionList' in p)) return 'get-account-authorization-details';
  if (typeof asRecord(v.Role)?.Arn === 'string') return 'get-role';
  if (typeof v.RoleName === 'string' && typeof v.PolicyName === 'string' && 'PolicyDocument' in v) {
    return 'get-role-policy';
  }
  const policy = asRecord(v.Policy);
  if (policy && asRecord(policy.PolicySummary) && 'Content' in policy) return 'describe-policy';
  if (policy && typeof policy.Arn === 'string' && 'DefaultVersionId' in policy) return 'get-policy';
  if (asRecord(v.PolicyVersion) && 'Document' in (asRecord(v.PolicyVersion) ?? {})) return 'get-policy-version';
  if (typeof v.Url === 'string' && ('ClientIDList' in v || 'ThumbprintList' in v)) {
    return 'get-open-id-connect-provider';
  }
  if (Array.isArray(v.OpenIDConnectProviderList)) return 'list-open-id-connect-providers';
  // https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListPoliciesForTarget.html, API_ListParents.html
  if (Array.isArray(v.Policies) && asRecords(v.Policies).every((p) => typeof p.Id === 'string' && 'Type' in p)) {
    return 'list-policies-for-target';
  }
  if (Array.isArray(v.Parents) && asRecords(v.Parents).every((p) => typeof p.Id === 'string')) return 'list-parents';
  if (typeof v.ResourceArn === 'string' && 'Policy' in v) return 'resource-policy';
  if ('Statement' in v) return 'policy-document';
  return undefined;
}

/** A problem with a value inside a file, as a finding in the collector. */
export function reportValue(out: Collector, context: FileContext, line: number, message: string, fix: string): void {
  out.findings.push(fileFinding(context.file, { line }, { class: 'invalid-policy-file', message, fix }));
}

/** Adds the policy, or the finding that says why it could not be read; returns the policy. */
function take(out: Collector, result: ReturnType<typeof readPolicy>): PolicyDocument | undefined {
  if ('finding' in result) {
    out.findings.push(result.finding);
    return undefined;
  }
  return result.policy;
}

/**
 * The role settings in a RoleDetail (get-account-authorization-details) or Role (get-role) object. Only a Role
 * carries MaxSessionDuration: RoleDetail has no such member
 * (https://docs.aws.amazon.com/IAM/latest/APIReference/API_RoleDetail.html). Both carry RoleId.
 */
export function readRoleSettings(
  out: Collector,
  context: FileContext,
  role: Record<string, unknown>,
  line: number,
): RoleSettings | undefined {
  const arn = asString(role.Arn);
  if (!arn || !ROLE_ARN.test(arn)) {
    reportValue(out, context, line, `a role without a valid role ARN (Arn is ${JSON.stringify(role.Arn)}).`, ROLE_FIX);
    return undefined;
  }
  const name = asString(role.RoleName) ?? arn.slice(arn.lastIndexOf('/') + 1);
  const settings: { -readonly [K in keyof RoleSettings]: RoleSettings[K] } = { arn, name };
  const roleId = readRoleId(out, context, role, name, line);
  if (roleId) settings.roleId = roleId;
  const duration = role.MaxSessionDuration;
  if (duration !== undefined) {
    if (isSessionDuration(duration)) {
      settings.maxSessionDuration = duration;
    } else {
      reportValue(
        out,
        context,
        line,
        `MaxSessionDuration of ${name} is ${JSON.stringify(duration)}; IAM allows whole seconds from 3600 to 43200.`,
        'Save the `aws iam get-role` output unedited, or give MaxSessionDuration in seconds.',
      );
    }
  }
  if ('AssumeRolePolicyDocument' in role) {
    const trust = take(out, readPolicy(context, role, 'AssumeRolePolicyDocument', { name: `${name}/trust` }, line));
    if (trust) settings.trustPolicy = trust;
  }
  const boundaryArn = asString(asRecord(role.PermissionsBoundary)?.PermissionsBoundaryArn);
  if (boundaryArn) settings.boundaryArn = boundaryArn;
  const tags = readTags(role.Tags);
  if (tags) settings.tags = tags;
  return settings;
}

/** "The maximum session duration (in seconds) … can have a value from 1 hour to 12 hours." (API_CreateRole) */
const isSessionDuration = (duration: unknown): duration is number =>
  Number.isInteger(duration) && (duration as number) >= 3600 && (duration as number) <= 43200;

/**
 * The role's unique ID, when the object has a well-formed one (see {@link ROLE_ID}); a malformed one is reported at
 * the role's trust policy, where the role is in its file (the line of the object when that is not known).
 */
function readRoleId(
  out: Collector,
  context: FileContext,
  role: Record<string, unknown>,
  name: string,
  line: number,
): string | undefined {
  const roleId = role.RoleId;
  if (roleId === undefined) return undefined;
  if (typeof roleId === 'string' && ROLE_ID.test(roleId)) return roleId;
  reportValue(
    out,
    context,
    context.json.lineOf(role, 'AssumeRolePolicyDocument') ?? line,
    `RoleId of ${name} is ${JSON.stringify(roleId)}; a role's unique ID is AROA followed by upper-case letters and digits, 16 to 128 characters in all.`,
    'Save the `aws iam get-role` or get-account-authorization-details output unedited, or give the RoleId that `aws iam get-role` prints.',
  );
  return undefined;
}

/** The roles a scoped read checks, or undefined when every role is read (see {@link ReadScope}). */
const scopeOf = (options: ReadScope): ReadonlySet<string> | undefined =>
  options.roleArns ? new Set(options.roleArns) : undefined;

/**
 * A role the run does not check, from its RoleDetail: the settings that are well formed, and its documents as
 * {@link lazyPolicyDocument}s, read on first use. Nothing is reported about it (see {@link ReadScope}).
 */
function readUncheckedRole(
  context: FileContext,
  detail: Record<string, unknown>,
  arn: string,
  line: number,
): RoleFragment {
  const name = asString(detail.RoleName) ?? arn.slice(arn.lastIndexOf('/') + 1);
  const lazy = (parent: Record<string, unknown>, key: string, label: { readonly name: string }) =>
    lazyPolicyDocument(context.file, label, deferPolicy(context, parent, key, label, line));
  // Built field by field, in the order readRoleSettings gives them: thousands of these are made per export.
  const role: { -readonly [K in keyof RoleFragment]: RoleFragment[K] } = {
    kind: 'role',
    source: 'get-account-authorization-details',
    file: context.file,
    arn,
    name,
  };
  const { RoleId: roleId, MaxSessionDuration: duration } = detail;
  if (typeof roleId === 'string' && ROLE_ID.test(roleId)) role.roleId = roleId;
  if (isSessionDuration(duration)) role.maxSessionDuration = duration;
  if ('AssumeRolePolicyDocument' in detail) {
    role.trustPolicy = lazy(detail, 'AssumeRolePolicyDocument', { name: `${name}/trust` });
  }
  const boundaryArn = asString(asRecord(detail.PermissionsBoundary)?.PermissionsBoundaryArn);
  if (boundaryArn) role.boundaryArn = boundaryArn;
  const tags = readTags(detail.Tags);
  if (tags) role.tags = tags;
  // Plain loops over the lists, as asRecords and asString read them, without their intermediate arrays.
  const inlinePolicies: PolicyDocument[] = [];
  const listed = detail.RolePolicyList;
  if (Array.isArray(listed)) {
    for (const value of listed) {
      const item = asRecord(value);
      if (item)
        inlinePolicies.push(
          lazy(item, 'PolicyDocument', { name: `${name}/inline/${asString(item.PolicyName) ?? '?'}` }),
        );
    }
  }
  role.inlinePolicies = inlinePolicies;
  const attachedPolicyArns: string[] = [];
  const attached = detail.AttachedManagedPolicies;
  if (Array.isArray(attached)) {
    for (const value of attached) {
      const policyArn = asString(asRecord(value)?.PolicyArn);
      if (policyArn) attachedPolicyArns.push(policyArn);
    }
  }
  role.attachedPolicyArns = attachedPolicyArns;
  return role;
}

/**
 * Reads `aws iam get-account-authorization-details`: roles and managed policies (users and groups are not used).
 * With a scope, only the roles it names are read in full (see {@link ReadScope}).
 */
export function readAuthorizationDetails(
  out: Collector,
  context: FileContext,
  value: Record<string, unknown>,
  line: number,
  options: ReadScope = {},
): void {
  const scope = scopeOf(options);
  for (const detail of asRecords(value.RoleDetailList)) {
    const arn = asString(detail.Arn);
    if (scope && arn && ROLE_ARN.test(arn) && !scope.has(arn)) {
      out.fragments.push(readUncheckedRole(context, detail, arn, line));
      continue;
    }
    const settings = readRoleSettings(out, context, detail, line);
    if (!settings) continue;
    const inlinePolicies = asRecords(detail.RolePolicyList).flatMap((item) => {
      const label = { name: `${settings.name}/inline/${asString(item.PolicyName) ?? '?'}` };
      const policy = take(out, readPolicy(context, item, 'PolicyDocument', label, line));
      return policy ? [policy] : [];
    });
    const attachedPolicyArns = asRecords(detail.AttachedManagedPolicies).flatMap((a) => asString(a.PolicyArn) ?? []);
    out.fragments.push({
      kind: 'role',
      source: 'get-account-authorization-details',
      file: context.file,
      ...settings,
      inlinePolicies,
      attachedPolicyArns,
    });
  }
  for (const item of asRecords(value.Policies)) {
    const arn = asString(item.Arn);
    const name = asString(item.PolicyName) ?? arn ?? '?';
    const version = selectDefaultVersion(asRecords(item.PolicyVersionList), asString(item.DefaultVersionId));
    if (!arn || !version) {
      reportValue(out, context, line, `managed policy ${name} has no ${arn ? 'default version' : 'Arn'}.`, POLICY_FIX);
      continue;
    }
    const read = deferPolicy(context, version, 'Document', { name, arn }, line);
    if (!scope) {
      const policy = take(out, read());
      if (!policy) continue;
    }
    out.fragments.push({ kind: 'managed-policy', arn, name, file: context.file, read });
  }
  // A page cut short says so; the CLI's own pagination merges pages and drops these keys.
  // https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-pagination.html
  const truncated =
    value.IsTruncated === true || typeof value.Marker === 'string' || typeof value.NextToken === 'string';
  out.fragments.push({ kind: 'authorization-details-page', file: context.file, truncated });
}

/**
 * The version a managed policy is in force at: the one marked `IsDefaultVersion` (a boolean in the API; the AWS CLI
 * documentation's own example prints it as a string), else the one named by DefaultVersionId.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-versioning.html
 */
export function selectDefaultVersion(
  versions: readonly Record<string, unknown>[],
  defaultVersionId: string | undefined,
): Record<string, unknown> | undefined {
  return (
    versions.find((v) => v.IsDefaultVersion === true || v.IsDefaultVersion === 'true') ??
    versions.find((v) => defaultVersionId !== undefined && v.VersionId === defaultVersionId)
  );
}

/** Reads `aws iam get-role-policy`: one inline policy, for the role it names. */
export function readRolePolicy(
  out: Collector,
  context: FileContext,
  value: Record<string, unknown>,
  line: number,
): void {
  const roleName = String(value.RoleName);
  const label = { name: `${roleName}/inline/${String(value.PolicyName)}` };
  const policy = take(out, readPolicy(context, value, 'PolicyDocument', label, line));
  if (policy) out.fragments.push({ kind: 'inline-policy', roleName, policy });
}

/**
 * Reads `aws iam get-open-id-connect-provider`. The output has no ARN (nor account): `./assemble.ts`
 * learns the account. IAM stores the URL without `https://`; a scheme is dropped in case a hand-made file has one.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetOpenIDConnectProvider.html
 */
export function readOidcProvider(
  out: Collector,
  context: FileContext,
  value: Record<string, unknown>,
  line: number,
): void {
  const url = String(value.Url).replace(/^https:\/\//i, '');
  const clientIds = asStrings(value.ClientIDList);
  const thumbprints = asStrings(value.ThumbprintList);
  out.fragments.push({ kind: 'oidc-provider', file: context.file, line, url, clientIds, thumbprints });
}

/**
 * Reads `aws iam list-open-id-connect-providers`: ARNs only, which tell each provider's account and that it exists,
 * but not its client IDs. https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListOpenIDConnectProviders.html
 */
export function readOidcProviderList(out: Collector, value: Record<string, unknown>, file: string): void {
  const arns = asRecords(value.OpenIDConnectProviderList)
    .map((item) => asString(item.Arn))
    .filter((arn): arn is string => arn !== undefined && arn !== '');
  out.fragments.push({ kind: 'oidc-provider-list', file, arns });
  for (const arn of arns) out.fragments.push({ kind: 'oidc-provider-arn', arn, file });
}

/** The organization policy types that take part in authorization, by the `Type` Organizations gives them. */
export const ORG_POLICY_TYPES: Readonly<Record<string, 'scp' | 'rcp'>> = {
  SERVICE_CONTROL_POLICY: 'scp',
  RESOURCE_CONTROL_POLICY: 'rcp',
};

/**
 * The policy types Organizations names that do not take part in authorization: management policies
 * (https://docs.aws.amazon.com/organizations/latest/APIReference/API_PolicySummary.html, `Type`'s valid values).
 */
const MANAGEMENT_POLICY_TYPES: ReadonlySet<string> = new Set([
  'TAG_POLICY',
  'BACKUP_POLICY',
  'AISERVICES_OPT_OUT_POLICY',
  'CHATBOT_POLICY',
  'DECLARATIVE_POLICY_EC2',
]);

/**
 * Reads `aws organizations describe-policy`. `Content` is the document as a JSON string. Tag, backup and other
 * management policy types do not take part in authorization and are skipped; a `Type` that is none of them (absent,
 * misspelt) is reported, since the file may be an SCP or RCP that would then go unread.
 * https://docs.aws.amazon.com/organizations/latest/APIReference/API_DescribePolicy.html
 */
export function readOrgPolicy(
  out: Collector,
  context: FileContext,
  value: Record<string, unknown>,
  line: number,
  placement: { readonly level: OrgLevel | undefined; readonly type?: 'scp' | 'rcp' },
): void {
  const policy = asRecord(value.Policy) ?? {};
  const summary = asRecord(policy.PolicySummary) ?? {};
  const type = ORG_POLICY_TYPES[String(summary.Type)];
  const name = asString(summary.Name) ?? asString(summary.Id) ?? '?';
  if (!type) {
    if (typeof summary.Type === 'string' && MANAGEMENT_POLICY_TYPES.has(summary.Type)) return;
    out.fragments.push({ kind: 'org-policy-unread', types: placement.type ? [placement.type] : ['scp', 'rcp'] });
    // Lines are recorded for the keys that hold documents (./json.ts): the policy's own is the nearest.
    const at = context.json.lineOf(value, 'Policy') ?? line;
    const given =
      summary.Type === undefined ? 'no PolicySummary.Type' : `PolicySummary.Type ${JSON.stringify(summary.Type)}`;
    reportValue(
      out,
      context,
      at,
      `The organization policy ${name} has ${given}, so whether it is an SCP, an RCP or a management policy is not known, and it was not read.`,
      `Give the output of \`aws organizations describe-policy\` unchanged: its Type is ${Object.keys(ORG_POLICY_TYPES).join(' or ')} for a policy that takes part in authorization.`,
    );
    return;
  }
  if (placement.type && placement.type !== type) {
    const folder = placement.type === 'scp' ? 'scps/' : 'rcps/';
    reportValue(out, context, line, `${name} is a ${summary.Type}, in the ${folder} folder.`, `Move it to ${type}s/.`);
    return;
  }
  const read = take(out, readPolicy(context, policy, 'Content', { name, arn: asString(summary.Arn) }, line));
  if (read) out.fragments.push({ kind: 'org-policy', type, level: placement.level, policy: read });
  else out.fragments.push({ kind: 'org-policy-unread', types: [type] });
}

/** Reads a resource policy file: `{ "ResourceArn", "AccountId"?, "Policy" }`, Policy as an object or a string. */
export function readResourcePolicy(
  out: Collector,
  context: FileContext,
  value: Record<string, unknown>,
  line: number,
): void {
  const resourceArn = String(value.ResourceArn);
  if (!resourceArn.startsWith('arn:')) {
    reportValue(
      out,
      context,
      line,
      `ResourceArn is ${JSON.stringify(resourceArn)}, not an ARN.`,
      'Give the ARN of the resource the policy is attached to.',
    );
    return;
  }
  const accountId = asString(value.AccountId);
  const policy = take(out, readPolicy(context, value, 'Policy', { name: resourceArn }, line));
  if (policy) out.fragments.push({ kind: 'resource-policy', resourceArn, ...(accountId ? { accountId } : {}), policy });
}
