/**
 * With `live-reads`, the policy layers past the role read live: the SCPs and RCPs of the role's account from AWS
 * Organizations (src/sources/aws-organizations.ts) and the resource policies of the permission lines' buckets and keys
 * (src/sources/aws-resource-policies.ts). The live answer replaces what the files say of the same layer, and every
 * difference is a `stale-export` finding (src/sources/aws-org-drift.ts); a read that fails leaves the files' answer,
 * or the layer unread (fail closed). Layers the configuration declares absent are not read.
 */
import { declaredWithoutPolicy } from '../checks/permissions/layers.js';
import { partitionData } from '../checks/session/region.js';
import type { AwsConfig } from '../config/aws.js';
import type { AwsInventory, DeclaredAbsent } from '../model/aws.js';
import type { Finding } from '../model/finding.js';
import type { AwsDeps } from './aws.js';

/** The services whose resource policies the live reads read (the installed SDK clients). */
const READ_SERVICES = new Set(['s3', 'kms']);

/**
 * Organizations has one endpoint per partition (https://docs.aws.amazon.com/general/latest/gr/ao.html), which the
 * SDK's endpoint rules pick from any region of the partition (aws-cn's is cn-northwest-1 from either region): the
 * client is given a region of the role's own partition, from AWS's partition data (src/catalog/aws-partitions.generated.ts),
 * so that every partition there (aws-eusc, aws-iso*) is read in its own, never in the `aws` default of us-east-1.
 */
const organizationsRegion = (roleArn: string): string | undefined => partitionData(roleArn)?.iamRegion;

/**
 * The endpoint override of one service: `AWS_ENDPOINT_URL_<SERVICE>`, else `AWS_ENDPOINT_URL`
 * (https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html).
 */
export function endpointOf(env: AwsDeps['env'], service: 'ORGANIZATIONS' | 'S3' | 'KMS'): string | undefined {
  return env[`AWS_ENDPOINT_URL_${service}`] ?? env.AWS_ENDPOINT_URL;
}

/** Reads the organization's policies and the resource policies live, and lays them over `inventory`. */
export async function readLivePolicies(
  config: AwsConfig & { readonly declaredAbsent?: DeclaredAbsent },
  deps: AwsDeps,
  inventory: AwsInventory,
  callerInAccount: boolean,
): Promise<{ inventory: AwsInventory; findings: Finding[] }> {
  if (config.permissions.length === 0) return { inventory, findings: [] };
  const [org, resources] = await Promise.all([
    readOrg(config, deps, inventory, callerInAccount),
    readResources(config, deps, inventory),
  ]);
  return {
    inventory: { ...inventory, ...org.layers, ...resources.layers },
    findings: [...org.findings, ...resources.findings],
  };
}

/** The SCP and RCP layers from Organizations, unless `organizations: none` is declared. */
async function readOrg(
  config: AwsConfig & { readonly declaredAbsent?: DeclaredAbsent },
  deps: AwsDeps,
  inventory: AwsInventory,
  callerInAccount: boolean,
): Promise<{ layers: Partial<AwsInventory>; findings: Finding[] }> {
  if (config.declaredAbsent?.organizations === 'none') return { layers: {}, findings: [] };
  const account = config.settings.roleArn.split(':')[4] ?? '';
  const [{ readOrgPolicies }, { orgDrift }] = await Promise.all([
    import('../sources/aws-organizations.js'),
    import('../sources/aws-org-drift.js'),
  ]);
  const endpoint = endpointOf(deps.env, 'ORGANIZATIONS');
  const region = organizationsRegion(config.settings.roleArn);
  const read = await readOrgPolicies(
    account,
    { callerInAccount },
    {
      ...(deps.sleep ? { sleep: deps.sleep } : {}),
      ...(endpoint ? { endpoint } : {}),
      ...(region ? { region } : {}),
    },
  );
  if (read.kind === 'unread') return { layers: {}, findings: [...read.findings] };
  const scps = read.kind === 'read' ? read.scps : [];
  const rcps = read.kind === 'read' ? read.rcps : [];
  const findings = [
    ...(read.kind === 'none' ? [read.finding] : []),
    ...orgDrift(account, 'scp', inventory.scps, scps),
    ...orgDrift(account, 'rcp', inventory.rcps, rcps),
  ];
  // Organizations' answer is whole: a file of the layers that could not be read no longer leaves them unread.
  return { layers: { scps, rcps, unreadOrgLayers: [] }, findings };
}

/** The bucket and key policies of the permission lines, each read once, unless declared in `no-resource-policy`. */
async function readResources(
  config: AwsConfig & { readonly declaredAbsent?: DeclaredAbsent },
  deps: AwsDeps,
  inventory: AwsInventory,
): Promise<{ layers: Partial<AwsInventory>; findings: Finding[] }> {
  const resources = config.permissions
    .filter((p) => READ_SERVICES.has(p.action.split(':')[0]?.toLowerCase() ?? ''))
    .map((p) => p.resource)
    .filter((r) => declaredWithoutPolicy(config.declaredAbsent, r) === undefined);
  if (resources.length === 0) return { layers: {}, findings: [] };
  const [{ readResourcePolicies }, { resourceDrift }] = await Promise.all([
    import('../sources/aws-resource-policies.js'),
    import('../sources/aws-org-drift.js'),
  ]);
  const s3Endpoint = endpointOf(deps.env, 'S3');
  const kmsEndpoint = endpointOf(deps.env, 'KMS');
  const account = config.settings.roleArn.split(':')[4];
  const read = await readResourcePolicies(resources, {
    ...(account ? { account } : {}),
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
    ...(s3Endpoint ? { s3Endpoint } : {}),
    ...(kmsEndpoint ? { kmsEndpoint } : {}),
    ...(config.settings.region ? { region: config.settings.region } : {}),
  });
  const files = inventory.resourcePolicies ?? [];
  const replaced = new Set([...read.policies.map((p) => p.resourceArn), ...read.absent]);
  const resourcePolicies = [...files.filter((f) => !replaced.has(f.resourceArn)), ...read.policies];
  const without = [...(inventory.resourcesWithoutPolicy ?? []), ...read.absent];
  return {
    layers: {
      ...(resourcePolicies.length > 0 ? { resourcePolicies } : {}),
      ...(without.length > 0 ? { resourcesWithoutPolicy: without } : {}),
    },
    findings: [...read.findings, ...resourceDrift(files, read.policies, read.absent)],
  };
}
