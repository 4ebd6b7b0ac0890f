import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  buildPermissionRequests,
  permissionsInput
} from "./shared-checks-permissions-context.js";
import "./shared-catalog-arn-format.js";
import "./shared-checks-permissions-policies.js";
import "./shared-iam-action.js";
import {
  loadRoleChecks
} from "./shared-checks.js";
import "./shared-text-edit-distance.js";
import {
  finding
} from "./shared-model-finding-classes.js";
import "./shared-iam-glob.js";
import "./shared-runtime-3e2b48d7.js";

// src/pipeline/aws.ts
async function gatherInventory(config, deps) {
  const { settings, sources } = config;
  const findings = [];
  let inventory = { roles: [] };
  let assumedMaxSession = [];
  let listedProviders = [];
  if (sources.policyFiles.length > 0) {
    const { loadAwsFiles } = await import("./sources-aws-files.js");
    const loaded = await loadAwsFiles(sources.policyFiles, {
      roleArns: [settings.roleArn],
      durationSeconds: settings.durationSeconds,
      ...deps.cwd ? { cwd: deps.cwd } : {},
      ...deps.allowOutsideWorkspace ? { allowOutsideWorkspace: true } : {}
    });
    inventory = loaded.inventory;
    findings.push(...loaded.findings);
    assumedMaxSession = loaded.assumedMaxSessionDuration;
    listedProviders = loaded.listedOidcProviderArns;
  }
  const account = settings.roleArn.split(":")[4] ?? "";
  const hasRole = inventory.roles.some((r) => r.arn === settings.roleArn);
  if (sources.liveReads && (!hasRole || inventory.oidcProviders === void 0)) {
    const { createIamReader } = await import("./sources-aws-iam.js");
    const endpoint = deps.env.AWS_ENDPOINT_URL_IAM ?? deps.env.AWS_ENDPOINT_URL;
    const reader = createIamReader({
      ...deps.sleep ? { sleep: deps.sleep } : {},
      ...endpoint ? { endpoint } : {},
      ...settings.region ? { region: settings.region } : {}
    });
    const [role, providers] = await Promise.all([
      hasRole ? void 0 : reader.readRole(settings.roleArn),
      inventory.oidcProviders === void 0 ? reader.readOidcProviders(account) : void 0
    ]);
    if (role && !role.ok) findings.push(...role.findings);
    if (providers && !providers.ok) findings.push(...providers.findings);
    inventory = {
      ...inventory,
      roles: role?.ok ? [...inventory.roles, role.role] : inventory.roles,
      ...providers?.ok ? { oidcProviders: providers.providers } : {}
    };
  }
  return { inventory, findings, assumedMaxSession, listedProviders };
}
async function checkAws(config, identity, deps) {
  return (await checkAwsRole(config, identity, deps, await loadRoleChecks())).findings;
}
async function checkAwsRoles(configs, identity, deps) {
  const checks = await loadRoleChecks();
  const direct = configs.filter((c) => !c.settings.roleChaining);
  const first = await Promise.all(direct.map((c) => checkAwsRole(c, identity, deps, checks)));
  const chainSource = first.find((r) => r.role)?.role;
  const chained = await Promise.all(
    configs.filter((c) => c.settings.roleChaining).map((c) => checkAwsRole(c, identity, { ...deps, ...chainSource ? { chainSource } : {} }, checks))
  );
  return [...first, ...chained].map((r) => r.findings);
}
async function checkAwsRole(config, identity, deps, registered) {
  const { settings } = config;
  const [{ inventory, findings, assumedMaxSession, listedProviders }, catalog] = await Promise.all([
    gatherInventory(config, deps),
    deps.loadCatalog()
  ]);
  const role = inventory.roles.find((r) => r.arn === settings.roleArn);
  if (!role) {
    findings.push(
      finding("could-not-verify", {
        id: `aws:${settings.roleArn}:role-unknown`,
        subject: `role ${settings.roleArn}`,
        decisionPoint: "sts-trust",
        status: "unverified",
        message: `The role ${settings.roleArn} is in none of the policy files${config.sources.liveReads ? " and could not be read from IAM" : ""}, so its trust and permissions cannot be verified.`,
        fix: config.sources.liveReads ? "Fix the read error reported above (the credentials must be allowed to read the role), or add its `aws iam get-role` output to policy-files." : "Add its `aws iam get-role` (or get-account-authorization-details) output to policy-files, or set aws-live-reads: true with credentials that may read it."
      })
    );
    return { findings };
  }
  const checks = registered.filter((check) => check.appliesTo(config));
  const needs = new Set(checks.flatMap((check) => check.needs));
  let facts = {
    config,
    role,
    inventory,
    catalog,
    now: deps.now(),
    listedProviders,
    maxSessionAssumed: assumedMaxSession.includes(role.arn),
    ...identity ? { identity } : {},
    ...deps.chainSource ? { chainSource: deps.chainSource } : {}
  };
  if (needs.has("probe") && config.sources.probe && identity?.raw && !settings.roleChaining) {
    facts = { ...facts, probe: await probe(config, identity.raw, deps) };
  }
  if (needs.has("iam-simulation")) facts = { ...facts, iamSimulation: await simulateWithIam(facts, deps) };
  for (const check of checks) findings.push(...check.run(facts));
  return { findings, role };
}
async function probe(config, token, deps) {
  const { settings } = config;
  const { probeAssumeRole } = await import("./sources-aws-sts.js");
  const endpoint = deps.env.AWS_ENDPOINT_URL_STS ?? deps.env.AWS_ENDPOINT_URL;
  const inline = settings.inlineSessionPolicy ? JSON.stringify(settings.inlineSessionPolicy.document) : void 0;
  const result = await probeAssumeRole(
    {
      roleArn: settings.roleArn,
      webIdentityToken: token,
      sessionName: settings.sessionName,
      durationSeconds: settings.durationSeconds,
      ...inline ? { policy: inline } : {},
      ...settings.managedSessionPolicyArns.length ? { policyArns: settings.managedSessionPolicyArns } : {}
    },
    {
      mask: deps.mask,
      ...deps.sleep ? { sleep: deps.sleep } : {},
      ...endpoint ? { endpoint } : {},
      ...settings.region ? { region: settings.region } : {}
    }
  );
  return {
    findings: result.findings,
    ...result.ok && result.assumedRoleArn ? { assumedRoleArn: result.assumedRoleArn } : {}
  };
}
async function simulateWithIam(facts, deps) {
  const input = permissionsInput(facts);
  const requests = buildPermissionRequests(input).filter((r) => r !== void 0);
  if (requests.length === 0) return { findings: [], pairs: [] };
  const { simulatePrincipalPolicyLive } = await import("./sources-aws-simulate.js");
  const endpoint = deps.env.AWS_ENDPOINT_URL_IAM ?? deps.env.AWS_ENDPOINT_URL;
  const { region } = input.settings;
  const simulation = await simulatePrincipalPolicyLive(
    { policySourceArn: input.role.arn, permissions: requests },
    {
      catalog: input.catalog,
      ...deps.sleep ? { sleep: deps.sleep } : {},
      ...endpoint ? { endpoint } : {},
      ...region ? { region } : {}
    }
  );
  return {
    findings: simulation.findings,
    pairs: requests.map((request, i) => ({ request, answer: simulation.answers[i] }))
  };
}
export {
  checkAws,
  checkAwsRoles
};
