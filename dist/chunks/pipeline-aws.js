import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  isPolicyFileFinding,
  unreadableFilesNote,
  unreadablePolicyFiles
} from "./shared-aws-files-json.js";
import {
  buildPermissionRequests,
  permissionsInput
} from "./shared-checks-permissions-fix.js";
import {
  ACTION_FIX_OPTIONS
} from "./shared-model-fix-options.js";
import "./shared-checks-permissions-layers.js";
import "./shared-checks-permissions-unknowns.js";
import "./shared-checks-permissions-context.js";
import "./shared-iam-arn.js";
import "./shared-checks-session-region.js";
import "./shared-catalog-arn-format.js";
import {
  loadRoleChecks
} from "./shared-checks.js";
import {
  finding
} from "./shared-model-finding-classes.js";
import {
  editDistance
} from "./shared-text-edit-distance.js";
import "./shared-iam-glob.js";
import {
  DEFAULT_SESSION_NAME
} from "./shared-model-aws.js";
import "./shared-text-json-depth.js";
import "./shared-runtime-efb0f0b2.js";

// src/config/session-tags.ts
var MAX_TAG_KEY_CHARS = 128;
var MAX_TAG_VALUE_CHARS = 256;
var UNSAFE = /[^\p{L}\p{Z}\p{N}_.:/=+\-@]/gu;
function sanitizeTagValue(value) {
  return value.replace(UNSAFE, "*").slice(0, MAX_TAG_VALUE_CHARS);
}
var FROM_ENV = [
  ["Repository", "GITHUB_REPOSITORY"],
  ["Workflow", "GITHUB_WORKFLOW"],
  ["Action", "GITHUB_ACTION"],
  ["Actor", "GITHUB_ACTOR"],
  ["Commit", "GITHUB_SHA"]
];
function cacSessionTags(settings, env) {
  if (!settings.roleChaining || settings.skipSessionTagging) return {};
  const tags = { GitHub: "Actions" };
  for (const [key, name] of FROM_ENV) tags[key] = sanitizeTagValue(env[name] ?? "");
  if (env.GITHUB_REF) tags.Branch = sanitizeTagValue(env.GITHUB_REF);
  for (const [key, value] of Object.entries(settings.customTags ?? {})) {
    tags[key.slice(0, MAX_TAG_KEY_CHARS)] = sanitizeTagValue(value);
  }
  return tags;
}

// src/pipeline/aws.ts
async function gatherInventory(config, deps) {
  const { settings, sources } = config;
  const findings = [];
  let inventory = { roles: [] };
  let assumedMaxSession = [];
  let listedProviders = [];
  let providerLists = [];
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
    providerLists = loaded.oidcProviderLists;
  }
  const account = settings.roleArn.split(":")[4] ?? "";
  if (sources.liveReads) {
    const live = await readLive(config, deps, account);
    findings.push(...live.findings);
    const fileRole = inventory.roles.find((r) => r.arn === settings.roleArn);
    if (live.role && fileRole) {
      const maxSessionAssumed = assumedMaxSession.includes(settings.roleArn);
      findings.push(...live.drift.roleDrift(fileRole, live.role, { maxSessionAssumed }));
    }
    if (live.providers && inventory.oidcProviders) {
      findings.push(...live.drift.providerDrift(account, inventory.oidcProviders, live.providers));
    }
    if (live.role) assumedMaxSession = assumedMaxSession.filter((arn) => arn !== settings.roleArn);
    const otherAccounts = (p) => p.arn.split(":")[4] !== account;
    if (live.providers) {
      listedProviders = listedProviders.filter((arn) => otherAccounts({ arn }));
      providerLists = [...providerLists, { file: "iam:ListOpenIDConnectProviders (read live)", accounts: [account] }];
    }
    inventory = {
      ...inventory,
      roles: live.role ? [...inventory.roles.filter((r) => r.arn !== settings.roleArn), live.role] : inventory.roles,
      ...live.providers ? { oidcProviders: [...(inventory.oidcProviders ?? []).filter(otherAccounts), ...live.providers] } : {}
    };
    const { readLivePolicies } = await import("./pipeline-aws-live-policies.js");
    const policies = await readLivePolicies(config, deps, inventory, live.role !== void 0);
    inventory = policies.inventory;
    findings.push(...policies.findings);
  }
  return { inventory, findings, assumedMaxSession, listedProviders, providerLists };
}
async function readLive(config, deps, account) {
  const { settings } = config;
  const [{ createIamReader }, drift] = await Promise.all([
    import("./sources-aws-iam.js"),
    import("./sources-aws-iam-drift.js")
  ]);
  const endpoint = deps.env.AWS_ENDPOINT_URL_IAM ?? deps.env.AWS_ENDPOINT_URL;
  const reader = createIamReader({
    ...deps.sleep ? { sleep: deps.sleep } : {},
    ...endpoint ? { endpoint } : {},
    ...settings.region ? { region: settings.region } : {}
  });
  const [role, providers] = await Promise.all([reader.readRole(settings.roleArn), reader.readOidcProviders(account)]);
  return {
    drift,
    findings: [...role.ok ? [] : role.findings, ...providers.ok ? [] : providers.findings],
    ...role.ok ? { role: role.role } : {},
    ...providers.ok ? { providers: providers.providers } : {}
  };
}
async function checkAws(config, identity, deps) {
  return (await checkAwsRole(config, identity, deps, await loadRoleChecks())).findings;
}
async function checkAwsRoles(configs, identity, deps, sourceOf) {
  const checks = await loadRoleChecks();
  const of = (c) => typeof identity === "function" ? identity(c) : identity;
  const results = await Promise.all(
    configs.map((c) => c.settings.roleChaining ? void 0 : checkAwsRole(c, of(c), deps, checks))
  );
  const firstFound = results.findIndex((r) => r?.role);
  const tagged = (c) => ({
    ...c,
    settings: { ...c.settings, sessionTags: { ...cacSessionTags(c.settings, deps.env), ...c.settings.sessionTags } }
  });
  for (const [i, c] of configs.entries()) {
    if (!c.settings.roleChaining) continue;
    const before = i - 1 >= 0 && results[i - 1]?.role ? i - 1 : firstFound >= 0 && firstFound < i ? firstFound : void 0;
    const source = sourceOf ? sourceOf(i) : before;
    const chainSource = source === void 0 ? void 0 : results[source]?.role;
    const name = source === void 0 ? void 0 : configs[source]?.settings.sessionName;
    const chain = chainSource ? { chainSource, ...name !== void 0 ? { chainSourceSessionName: name } : {} } : {};
    results[i] = await checkAwsRole(tagged(c), of(c), { ...deps, ...chain }, checks);
  }
  return fileFindingsOnce(results.map((r) => r?.findings ?? []));
}
function fileFindingsOnce(perRole) {
  const seen = /* @__PURE__ */ new Set();
  return perRole.map(
    (findings) => findings.filter((f) => {
      if (!isPolicyFileFinding(f)) return true;
      const key = `${f.id}
${f.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
  );
}
async function checkAwsRole(config, identity, deps, registered) {
  const { settings } = config;
  const [{ inventory, findings, assumedMaxSession, listedProviders, providerLists }, catalog] = await Promise.all([
    gatherInventory(config, deps),
    deps.loadCatalog()
  ]);
  const role = inventory.roles.find((r) => r.arn === settings.roleArn);
  if (!role) {
    findings.push(
      roleUnknown(config, inventory.roles, unreadablePolicyFiles(findings), deps.options ?? ACTION_FIX_OPTIONS)
    );
    return { findings };
  }
  deps.observe?.({ settings, role, inventory });
  const only = deps.checkIds;
  const checks = registered.filter((check) => (!only || only.includes(check.id)) && check.appliesTo(config));
  const needs = new Set(checks.flatMap((check) => check.needs));
  let facts = {
    config,
    role,
    inventory,
    catalog,
    now: deps.now(),
    listedProviders,
    providerLists,
    maxSessionAssumed: assumedMaxSession.includes(role.arn),
    fixOptions: deps.options ?? ACTION_FIX_OPTIONS,
    ...identity ? { identity } : {},
    ...deps.chainSource ? { chainSource: deps.chainSource } : {},
    ...deps.chainSourceSessionName !== void 0 ? { chainSourceSessionName: deps.chainSourceSessionName } : {}
  };
  if (needs.has("probe") && config.sources.probe && identity?.raw && !settings.roleChaining) {
    facts = { ...facts, probe: await probe(config, identity.raw, identity.issuer, deps) };
  }
  if (needs.has("iam-simulation")) facts = { ...facts, iamSimulation: await simulateWithIam(facts, deps) };
  for (const check of checks) findings.push(...check.run(facts));
  return { findings, role };
}
function nearestRoles(roleArn, roles, limit = 3) {
  const target = roleArn.toLowerCase();
  const name = target.slice(target.lastIndexOf("/") + 1);
  const max = name.length <= 3 ? 1 : name.length <= 10 ? 2 : 3;
  return roles.filter((r) => r.arn !== roleArn).map((r) => ({
    arn: r.arn,
    d: Math.min(editDistance(name, r.name.toLowerCase(), max), editDistance(target, r.arn.toLowerCase(), max))
  })).filter((s) => s.d <= max).sort((a, b) => a.d - b.d || (a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : 0)).slice(0, limit).map((s) => s.arn);
}
function roleUnknown(config, roles, unreadable, options) {
  const { roleArn } = config.settings;
  const { liveReads } = config.sources;
  const suggestions = nearestRoles(roleArn, roles);
  const didYouMean = suggestions.length > 0 ? ` Did you mean ${suggestions.join(" or ")}?` : "";
  const readable = unreadable.length > 0 ? `Fix ${unreadable.join(", ")} (its finding says how), or add` : "Add";
  const fix = liveReads ? `Fix the read error reported above (the credentials must be allowed to read the role), or add its \`aws iam get-role\` output to ${options.policyFiles}.` : `${readable} its \`aws iam get-role\` (or get-account-authorization-details) output to ${options.policyFiles}${options.liveReads ? `, or set ${options.liveReads} with credentials that may read it` : ""}.`;
  return finding("could-not-verify", {
    id: `aws:${roleArn}:role-unknown`,
    subject: `role ${roleArn}`,
    decisionPoint: "sts-trust",
    status: "unverified",
    message: `The role ${roleArn} is in none of the policy files${unreadable.length > 0 ? " that could be read" : ""}${liveReads ? " and could not be read from IAM" : ""}, so its trust and permissions cannot be verified.${unreadableFilesNote(unreadable)}${didYouMean}`,
    ...suggestions.length > 0 ? { evidence: { suggestions } } : {},
    fix: suggestions.length > 0 ? `If the deploy assumes ${suggestions[0]}, set role-to-assume to it. Otherwise: ${fix[0]?.toLowerCase()}${fix.slice(1)}` : fix
  });
}
async function probe(config, token, issuer, deps) {
  const { settings } = config;
  const { probeAssumeRole } = await import("./sources-aws-sts.js");
  const endpoint = deps.env.AWS_ENDPOINT_URL_STS ?? deps.env.AWS_ENDPOINT_URL;
  const inline = settings.inlineSessionPolicy ? JSON.stringify(settings.inlineSessionPolicy.document) : void 0;
  const result = await probeAssumeRole(
    {
      roleArn: settings.roleArn,
      webIdentityToken: token,
      issuer,
      // A configured role's name is always known (src/config/aws.ts, src/config/file-roles.ts): only a workflow's
      // step leaves it unknown (src/pipeline/exchange.ts), and those are never probed (`probe: false`).
      sessionName: settings.sessionName ?? DEFAULT_SESSION_NAME,
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
  checkAwsRoles,
  nearestRoles
};
