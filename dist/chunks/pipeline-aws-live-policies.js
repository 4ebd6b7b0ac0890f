import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  declaredWithoutPolicy
} from "./shared-checks-permissions-layers.js";
import {
  partitionData
} from "./shared-checks-session-region.js";
import "./shared-catalog-arn-format.js";
import "./shared-text-edit-distance.js";
import "./shared-iam-glob.js";
import "./shared-runtime-efb0f0b2.js";

// src/pipeline/aws-live-policies.ts
var READ_SERVICES = /* @__PURE__ */ new Set(["s3", "kms"]);
var organizationsRegion = (roleArn) => partitionData(roleArn)?.iamRegion;
function endpointOf(env, service) {
  return env[`AWS_ENDPOINT_URL_${service}`] ?? env.AWS_ENDPOINT_URL;
}
async function readLivePolicies(config, deps, inventory, callerInAccount) {
  if (config.permissions.length === 0) return { inventory, findings: [] };
  const [org, resources] = await Promise.all([
    readOrg(config, deps, inventory, callerInAccount),
    readResources(config, deps, inventory)
  ]);
  return {
    inventory: { ...inventory, ...org.layers, ...resources.layers },
    findings: [...org.findings, ...resources.findings]
  };
}
async function readOrg(config, deps, inventory, callerInAccount) {
  if (config.declaredAbsent?.organizations === "none") return { layers: {}, findings: [] };
  const account = config.settings.roleArn.split(":")[4] ?? "";
  const [{ readOrgPolicies }, { orgDrift }] = await Promise.all([
    import("./sources-aws-organizations.js"),
    import("./sources-aws-org-drift.js")
  ]);
  const endpoint = endpointOf(deps.env, "ORGANIZATIONS");
  const region = organizationsRegion(config.settings.roleArn);
  const read = await readOrgPolicies(
    account,
    { callerInAccount },
    {
      ...deps.sleep ? { sleep: deps.sleep } : {},
      ...endpoint ? { endpoint } : {},
      ...region ? { region } : {}
    }
  );
  if (read.kind === "unread") return { layers: {}, findings: [...read.findings] };
  const scps = read.kind === "read" ? read.scps : [];
  const rcps = read.kind === "read" ? read.rcps : [];
  const findings = [
    ...read.kind === "none" ? [read.finding] : [],
    ...orgDrift(account, "scp", inventory.scps, scps),
    ...orgDrift(account, "rcp", inventory.rcps, rcps)
  ];
  return { layers: { scps, rcps, unreadOrgLayers: [] }, findings };
}
async function readResources(config, deps, inventory) {
  const resources = config.permissions.filter((p) => READ_SERVICES.has(p.action.split(":")[0]?.toLowerCase() ?? "")).map((p) => p.resource).filter((r) => declaredWithoutPolicy(config.declaredAbsent, r) === void 0);
  if (resources.length === 0) return { layers: {}, findings: [] };
  const [{ readResourcePolicies }, { resourceDrift }] = await Promise.all([
    import("./sources-aws-resource-policies.js"),
    import("./sources-aws-org-drift.js")
  ]);
  const s3Endpoint = endpointOf(deps.env, "S3");
  const kmsEndpoint = endpointOf(deps.env, "KMS");
  const account = config.settings.roleArn.split(":")[4];
  const read = await readResourcePolicies(resources, {
    ...account ? { account } : {},
    ...deps.sleep ? { sleep: deps.sleep } : {},
    ...s3Endpoint ? { s3Endpoint } : {},
    ...kmsEndpoint ? { kmsEndpoint } : {},
    ...config.settings.region ? { region: config.settings.region } : {}
  });
  const files = inventory.resourcePolicies ?? [];
  const replaced = /* @__PURE__ */ new Set([...read.policies.map((p) => p.resourceArn), ...read.absent]);
  const resourcePolicies = [...files.filter((f) => !replaced.has(f.resourceArn)), ...read.policies];
  const without = [...inventory.resourcesWithoutPolicy ?? [], ...read.absent];
  return {
    layers: {
      ...resourcePolicies.length > 0 ? { resourcePolicies } : {},
      ...without.length > 0 ? { resourcesWithoutPolicy: without } : {}
    },
    findings: [...read.findings, ...resourceDrift(files, read.policies, read.absent)]
  };
}
export {
  endpointOf,
  readLivePolicies
};
