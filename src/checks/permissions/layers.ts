/**
 * The policy layers a permission's decision could turn on that the preflight did not read, and those the
 * configuration declares absent. A layer not read is unknown, never empty: an allow that an unread layer could still
 * deny is not a pass. Pure.
 *
 * - SCPs apply to every request of a member account's principals, and can only deny; RCPs apply to the resources of
 *   the services that support them, but for the actions their guides exempt (src/catalog, `rcpExemption`), and can only deny
 *   (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html,
 *   https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html). An account outside
 *   AWS Organizations has neither: `organizations: none`.
 * - A resource-based policy: for a request within one account, it can only add access or deny it, so an Allow of the
 *   identity side with no explicit Deny still stands or falls with the resource's policy when it was not read
 *   (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html). A resource with no
 *   such policy is declared with `no-resource-policy`.
 * - A Lambda layer version's policy only grants: its statements are made by AddLayerVersionPermission, which takes a
 *   principal, an action and an organization and no effect
 *   (https://docs.aws.amazon.com/lambda/latest/api/API_AddLayerVersionPermission.html), so it cannot deny, and for
 *   a principal of the layer's own account, whose identity side allows, it decides nothing. (A function's policy is
 *   not so: PutResourcePolicy writes Deny statements,
 *   https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html.) Across accounts the layer's
 *   policy must grant, which the engine decides as a cross-account request.
 */
import { type Catalog, rcpExemption } from '../../catalog/index.js';
import { compileGlob } from '../../iam/glob.js';
import type { AwsInventory, DeclaredAbsent } from '../../model/aws.js';

/**
 * The services with resource-based policies, from the "Resource-based policies" column of AWS's "AWS services that
 * work with IAM" (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_aws-services-that-work-with-iam.html),
 * by the service prefix of the service authorization reference. The catalog (src/catalog/aws-catalog.json) does not
 * say which resource types take a resource-based policy, so this list does, per service: a permission on a service not
 * listed (CloudFront, EC2, CloudFormation, Route 53, IAM's own actions, ...) has no resource policy to read. `sts` is
 * listed for a role's trust policy, which is the role's resource policy for sts:AssumeRole.
 */
export const RESOURCE_POLICY_SERVICES: ReadonlySet<string> = new Set([
  'acm-pca',
  'aoss',
  'apigateway',
  'backup',
  'codeartifact',
  'codebuild',
  'dynamodb',
  'ecr',
  'ecr-public',
  'elasticfilesystem',
  'es',
  'events',
  'execute-api',
  'glacier',
  'glue',
  'kafka',
  'kinesis',
  'kms',
  'lambda',
  'lex',
  'logs',
  'mediastore',
  's3',
  's3-object-lambda',
  's3-outposts',
  's3express',
  'schemas',
  'secretsmanager',
  'serverlessrepo',
  'ses',
  'signer',
  'sns',
  'sqs',
  'ssm-incidents',
  'sts',
  'vpc-lattice',
]);

/** A layer not read that could still deny the permission, and the layers declared absent. */
export interface UnreadLayers {
  /** In a request's order: `scp`, `rcp`, `resource-policy`. */
  readonly notRead: readonly ('scp' | 'rcp' | 'resource-policy')[];
  /** What the configuration declared absent that this permission relied on, as evidence: `SCPs`, `RCPs`, an ARN. */
  readonly declaredAbsent: readonly string[];
}

/** A Lambda layer or layer version ARN (`arn:aws:lambda:REGION:ACCOUNT:layer:NAME[:VERSION]`). */
export const isLambdaLayer = (arn: string): boolean => /^arn:[^:]+:lambda:[^:]*:[^:]*:layer:/.test(arn);

/** Whether `resource`'s policy can only grant, and the principal of `principalAccount` needs no grant from it. */
const grantOnlyInOwnAccount = (resource: string, principalAccount: string): boolean =>
  isLambdaLayer(resource) && resource.split(':')[4] === principalAccount;

/** The bucket an S3 object ARN belongs to, whose policy governs the object. */
const bucketOf = (arn: string) => arn.match(/^(arn:[^:]+:s3:::[^/]+)\//)?.[1];

/** Whether the configuration declares the resource (or, for an S3 object, its bucket) without a resource policy. */
export function declaredWithoutPolicy(declared: DeclaredAbsent | undefined, resource: string): string | undefined {
  const bucket = bucketOf(resource);
  for (const pattern of declared?.noResourcePolicy ?? []) {
    const matches = compileGlob(pattern);
    if (matches(resource) || (bucket !== undefined && matches(bucket))) return pattern;
  }
  return undefined;
}

/** Whether a live read found the resource (or, for an S3 object, its bucket) without a resource policy. */
export function readAbsent(inventory: AwsInventory, resource: string): boolean {
  const without = inventory.resourcesWithoutPolicy ?? [];
  const bucket = bucketOf(resource);
  return without.includes(resource) || (bucket !== undefined && without.includes(bucket));
}

/**
 * The unread layers of one permission: SCPs when none were read, RCPs when none were read and the service supports
 * them, the resource policy when none was found for a resource of a service that has them; each unless declared
 * absent.
 */
export function unreadLayers(input: {
  readonly catalog: Catalog;
  readonly service: string;
  /** The action, `service:Action`: RCPs do not restrict every action of the services that support them. */
  readonly action: string;
  readonly resource: string;
  readonly scpsRead: boolean;
  readonly rcpsRead: boolean;
  readonly resourcePolicyRead: boolean;
  readonly declared: DeclaredAbsent | undefined;
  /** The account of the session principal: a grant-only policy of its own account's resource decides nothing. */
  readonly principalAccount: string;
}): UnreadLayers {
  const notRead: UnreadLayers['notRead'][number][] = [];
  const declaredAbsent: string[] = [];
  const noOrg = input.declared?.organizations === 'none';
  if (!input.scpsRead) {
    if (noOrg) declaredAbsent.push('SCPs (organizations: none)');
    else notRead.push('scp');
  }
  if (!input.rcpsRead && rcpExemption(input.catalog, input.action) === undefined) {
    if (noOrg) declaredAbsent.push('RCPs (organizations: none)');
    else notRead.push('rcp');
  }
  if (
    !input.resourcePolicyRead &&
    input.resource !== '*' &&
    RESOURCE_POLICY_SERVICES.has(input.service) &&
    !grantOnlyInOwnAccount(input.resource, input.principalAccount)
  ) {
    const pattern = declaredWithoutPolicy(input.declared, input.resource);
    if (pattern !== undefined) declaredAbsent.push(`resource policy (no-resource-policy: ${pattern})`);
    else notRead.push('resource-policy');
  }
  return { notRead, declaredAbsent };
}
