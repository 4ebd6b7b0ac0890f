/**
 * What the permissions check derives for each request: the session principal and the context keys the preflight can
 * vouch for, with the caller's keys over them. Pure.
 */

import type { ActionInfo, Catalog } from '../../catalog/index.js';
import type { ContextValue } from '../../iam/index.js';
import type {
  AssumeRoleSettings,
  AwsInventory,
  DeclaredAbsent,
  RequiredPermission,
  RoleModel,
} from '../../model/aws.js';
import type { FixOptions } from '../../model/fix-options.js';
import { partitionData, regionIsKnown } from '../session/region.js';

/** What `checkPermissions` needs, all of it already read. */
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
  /** Policy layers the configuration declares absent (`organizations: none`, `no-resource-policy`). */
  readonly declaredAbsent?: DeclaredAbsent;
  /** How a fix names the showing command's settings; absent: the action's inputs and the file's keys. */
  readonly fixOptions?: FixOptions;
}

/**
 * Global services with one endpoint per partition, so every request to them has the aws:RequestedRegion of that
 * endpoint, whatever region the SDK is configured with
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_deny-requested-region.html): in
 * `aws`, us-east-1 for each; elsewhere IAM's signing region from AWS's endpoint rules (aws-cn cn-north-1, aws-us-gov
 * us-gov-west-1; src/catalog/aws-partitions.generated.ts). A global service whose region in a partition the data does
 * not give leaves the key unknown, never guessed.
 */
const GLOBAL_SERVICES = new Set(['iam', 'cloudfront', 'route53', 'support']);

/** The region a global service's calls carry in `partition`; undefined when it is not known. */
function globalServiceRegion(service: string, partition: string): string | undefined {
  if (partition === 'aws') return 'us-east-1';
  return service === 'iam' ? partitionData(`arn:${partition}:`)?.iamRegion : undefined;
}

/**
 * An S3 bucket or object ARN (`arn:aws:s3:::bucket`, `arn:aws:s3:::bucket/key`): it names no Region, and a call on it
 * ends up at the bucket's Region whatever Region the SDK is configured with. "If a request arrives at the wrong Amazon
 * S3 location, Amazon S3 responds with a temporary redirect that tells the requester to resend the request to a new
 * endpoint", and programs that use buckets created with a location constraint "must support redirects"
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/UsingRouting.html), as the SDKs and the CLI do. So
 * aws:RequestedRegion, "the AWS Region that was called in the request"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-requestedregion),
 * is the bucket's Region, which no policy file gives: it stays unknown, and a policy that reads it (an SCP's Region
 * guardrail) leaves the call unverified, not passed on the job's configured Region. A permission line that gives
 * `aws:RequestedRegion=REGION` decides it. (S3 access points and S3 Object Lambda name their Region in the ARN.)
 */
const S3_BUCKET_ARN = /^arn:[^:]+:s3:::[^/]/;

/**
 * The Region a call whose resource ARN names none is sent to: the partition's for a global service, none known for an
 * S3 bucket or object (S3_BUCKET_ARN), else the configured one.
 */
function regionOfCall(
  service: string,
  action: string,
  resource: string,
  partition: string,
  configured: string | undefined,
): string | undefined {
  if (GLOBAL_SERVICES.has(service)) return globalServiceRegion(service, partition);
  // A bucket being created has no Region yet: CreateBucket goes to the Region the client calls, where the bucket is
  // made (https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucket.html, LocationConstraint).
  if (service === 's3' && S3_BUCKET_ARN.test(resource) && action.toLowerCase() !== 'createbucket') return undefined;
  return configured;
}

/**
 * What a key the preflight left unknown would be, where that is worth saying in a fix: for an S3 bucket or object,
 * aws:RequestedRegion is the bucket's Region (S3_BUCKET_ARN).
 */
export function unknownKeyHint(key: string, resource: string): string | undefined {
  if (key.toLowerCase() !== 'aws:requestedregion' || !S3_BUCKET_ARN.test(resource)) return undefined;
  return "aws:RequestedRegion of a call on an S3 bucket or object is the bucket's Region, where S3 sends the call; the bucket's ARN does not name it";
}

/**
 * An organization id as the Organizations API writes it (`o-` and 10 to 32 lower-case letters or digits), inside the
 * ARN of a policy that belongs to the organization: `arn:aws:organizations::MGMT:policy/o-…/service_control_policy/p-…`
 * (https://docs.aws.amazon.com/organizations/latest/APIReference/API_PolicySummary.html). AWS-managed policies
 * (`…::aws:policy/…`) carry none.
 */
const ORG_POLICY_ARN = /^arn:[^:]+:organizations::(\d{12}):policy\/(o-[a-z0-9]{10,32})\//;

/**
 * The id of the organization the role's account belongs to: the SCPs and RCPs given apply to that account, and a
 * customer-managed one names its organization in its ARN. Undefined when none does, or when two disagree.
 */
export function organizationId(inventory: AwsInventory): string | undefined {
  const ids = new Set<string>();
  for (const levels of [inventory.scps ?? [], inventory.rcps ?? []]) {
    for (const level of levels) {
      for (const policy of level) {
        const id = policy.arn?.match(ORG_POLICY_ARN)?.[2];
        if (id) ids.add(id);
      }
    }
  }
  return ids.size === 1 ? [...ids][0] : undefined;
}

/**
 * The organization's management account: a customer-managed SCP or RCP is owned by it, and its ARN names it
 * (`arn:aws:organizations::MGMT:policy/o-…/…`, ORG_POLICY_ARN). Undefined when no policy given names one, or two
 * disagree.
 */
export function managementAccount(inventory: AwsInventory | undefined): string | undefined {
  const accounts = new Set<string>();
  for (const levels of [inventory?.scps ?? [], inventory?.rcps ?? []]) {
    for (const level of levels) {
      for (const policy of level) {
        const account = policy.arn?.match(ORG_POLICY_ARN)?.[1];
        if (account) accounts.add(account);
      }
    }
  }
  return accounts.size === 1 ? [...accounts][0] : undefined;
}

/**
 * The inventory as the organization's policies apply to a role of `roleAccount` and to resources of `resourceAccount`:
 * "SCPs don't affect users or roles in the management account" and RCPs do not apply to "resources in the management
 * account" (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html,
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html), so each such layer is
 * read and empty, as the live reads find it for the management account (src/sources/aws-organizations.ts). The
 * management account is the one the policies' ARNs name ({@link managementAccount}); a resource of unknown account
 * (an S3 ARN names none) keeps the RCPs.
 */
export function orgLayersFor(
  inventory: AwsInventory,
  roleAccount: string,
  resourceAccount: string | undefined,
): AwsInventory {
  const mgmt = managementAccount(inventory);
  if (mgmt === undefined) return inventory;
  const scps = mgmt === roleAccount;
  const rcps = mgmt === resourceAccount;
  if (!scps && !rcps) return inventory;
  const unread = (inventory.unreadOrgLayers ?? []).filter((l) => (l === 'scp' ? !scps : !rcps));
  return {
    ...inventory,
    ...(scps ? { scps: [] } : {}),
    ...(rcps ? { rcps: [] } : {}),
    ...(inventory.unreadOrgLayers ? { unreadOrgLayers: unread } : {}),
  };
}

/**
 * The session's ARN: the probe's when it learned it, else built from the role and the session name; the role's ARN
 * when the session name is not known before the run (the engine then knows the role of the session, not its name,
 * src/iam/principal-info.ts), never a session ARN with a guessed name.
 */
export function sessionPrincipal(input: PermissionsCheckInput): string {
  const { role, settings } = input;
  const partition = role.arn.split(':')[1] || 'aws';
  if (input.sessionArn) return input.sessionArn;
  if (settings.sessionName === undefined) return role.arn;
  return `arn:${partition}:sts::${role.accountId}:assumed-role/${role.name}/${settings.sessionName}`;
}

/**
 * The request context the preflight can vouch for, then the caller's keys over it. Each derived key is certain for
 * a role session calling AWS over the SDK (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html):
 * aws:PrincipalArn is the role's ARN, not the session's; aws:PrincipalType is `AssumedRole`; aws:PrincipalIsAWSService
 * is false for a call the role makes itself; aws:SecureTransport is true because the SDK and CLI call HTTPS endpoints.
 * aws:userid is `ROLEID:session-name` when the role's unique ID and the session name are known, and aws:PrincipalOrgID the organization's
 * id when an SCP or RCP names it (see below); otherwise each is left out, and a decision that turns on it is unknown
 * rather than guessed.
 */
export function buildContext(input: PermissionsCheckInput, p: RequiredPermission, action: ActionInfo) {
  const { role, settings } = input;
  const entries = new Map<string, [string, ContextValue]>();
  const put = (key: string, value: ContextValue) => entries.set(key.toLowerCase(), [key, value]);
  put('aws:PrincipalArn', role.arn);
  put('aws:PrincipalAccount', role.accountId);
  put('aws:PrincipalType', 'AssumedRole');
  put('aws:PrincipalIsAWSService', 'false');
  // For an assumed role (AssumeRoleWithWebIdentity included) aws:userid is `role-id:caller-specified-role-name`: the
  // role's unique ID, then the RoleSessionName the caller passed
  // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html, "Principal key values").
  // A session name not known before the run leaves it out, and unknown (`known` below).
  if (role.roleId && settings.sessionName !== undefined) put('aws:userid', `${role.roleId}:${settings.sessionName}`);
  // "The identifier of the organization in AWS Organizations to which the requesting principal belongs"
  // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalorgid).
  const orgId = organizationId(input.inventory);
  if (orgId) put('aws:PrincipalOrgID', orgId);
  put('aws:SecureTransport', 'true');
  put('aws:CurrentTime', new Date(Math.floor(input.now) * 1000).toISOString().replace('.000Z', 'Z'));
  put('aws:EpochTime', String(Math.floor(input.now)));
  // The region the SDK calls: the resource's own, the partition's for global services, else the configured one when
  // AWS's data lists it for the role's partition (another is no endpoint the session can call: src/checks/session/region.ts).
  // A call on an S3 bucket or object ends up at the bucket's Region, which its ARN does not name ({@link regionOfCall}).
  const arnRegion = p.resource.split(':')[3]?.replace(/.*[*?].*/, '');
  const partition = role.arn.split(':')[1] || 'aws';
  const configured =
    settings.region !== undefined && regionIsKnown(role.arn, settings.region) ? settings.region : undefined;
  const region = arnRegion || regionOfCall(action.service, action.name, p.resource, partition, configured);
  if (region) put('aws:RequestedRegion', region);
  // Session tags override role tags of the same key (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html).
  const tags = { ...role.tags, ...settings.sessionTags };
  for (const [k, v] of Object.entries(tags)) put(`aws:PrincipalTag/${k}`, v);
  // The caller's keys win: the run's (input.context), then the permission's own.
  for (const pairs of [input.context ?? {}, p.context])
    for (const [key, value] of Object.entries(pairs)) put(key, value);
  // Keys the line declares absent (`!key`, src/config/permissions.ts): known, with no value, whatever was derived.
  const absent = new Set((p.absent ?? []).map((key) => key.toLowerCase()));
  for (const key of absent) entries.delete(key);
  const context: Record<string, ContextValue> = {};
  for (const [key, value] of entries.values()) context[key] = value;
  const known = (key: string) =>
    entries.has(key.toLowerCase()) ||
    absent.has(key.toLowerCase()) ||
    (role.tags !== undefined && key.toLowerCase().startsWith('aws:principaltag/'));
  return { context, known };
}
