import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  checkTokens,
  createKeyStore
} from "./shared-sources-jwks.js";
import {
  resolveEnvironment
} from "./shared-pipeline-environment.js";
import {
  loadRoleChecks,
  loadTokenChecks
} from "./shared-checks.js";

// src/pipeline/run.ts
import path from "node:path";
function logFindings(host, findings) {
  for (const f of findings) {
    host.log(`${f.status.padEnd(10)} ${f.subject}: ${f.class}`);
    host.debug?.(JSON.stringify(f));
  }
}
function inWorkspace(spec, cwd) {
  const source = spec.source;
  if (source.kind !== "web-identity-file" || cwd === void 0 || path.isAbsolute(source.path)) return spec;
  return { ...spec, source: { ...source, path: path.join(cwd, source.path) } };
}
function identityOf(outcome, kept) {
  const decoded = outcome?.decoded;
  if (!outcome || decoded?.kind !== "jwt" || typeof decoded.claims.iss !== "string") return void 0;
  const raw = kept.get(outcome.spec.name);
  return { claims: decoded.claims, issuer: decoded.claims.iss, ...raw ? { raw } : {} };
}
function webIdentities(outcomes, kept) {
  const github = identityOf(
    outcomes.find((o) => o.spec.source.kind === "github-oidc"),
    kept
  );
  return (config) => {
    if (config.settings.webIdentityTokenFile === void 0) return github;
    const own = outcomes.find(
      (o) => o.spec.source.kind === "web-identity-file" && o.spec.source.roleArn === config.settings.roleArn
    );
    return identityOf(own, kept);
  };
}
async function planChecks(config) {
  const [tokenChecks, roleChecks] = await Promise.all([
    config.tokens.length > 0 ? loadTokenChecks() : [],
    config.roles.length > 0 ? loadRoleChecks() : []
  ]);
  return [
    ...tokenChecks.map((check) => ({ check, subjects: config.tokens.length })),
    ...roleChecks.map((check) => ({ check, subjects: config.roles.filter((role) => check.appliesTo(role)).length }))
  ];
}
async function verifiesAnything(config) {
  if (config.workflows) return true;
  return (await planChecks(config)).some((planned) => planned.subjects > 0);
}
function tokensToGet(config, host) {
  const predictOnly = config.workflows !== void 0 && config.roles.length === 0;
  const canRequest = host.githubIdToken !== void 0 || Boolean(host.env.ACTIONS_ID_TOKEN_REQUEST_URL);
  const tokens = predictOnly && !canRequest ? config.tokens.filter((t) => t.source.kind !== "github-oidc") : config.tokens;
  return tokens.map((spec) => inWorkspace(spec, host.cwd));
}
async function runPreflight(config, host) {
  const { findings, claims } = await runConfigured(config, host);
  if (!config.workflows) return findings;
  const workflows = { ...config, workflows: config.workflows };
  const { checkRepositoryWorkflows } = await import("./pipeline-workflows-run.js");
  const more = await host.group("Workflows", () => checkRepositoryWorkflows(workflows, host, claims));
  logFindings(host, more);
  return findings.concat(more);
}
async function runConfigured(config, host) {
  const kept = /* @__PURE__ */ new Map();
  const outcomes = await host.group("Tokens", async () => {
    const results = await checkTokens(tokensToGet(config, host), {
      env: host.env,
      keyStore: createKeyStore(host.fetch ? { fetch: host.fetch } : {}),
      mask: host.mask,
      now: host.now,
      ...host.runner ? { runner: host.runner } : {},
      keep: (spec, raw) => {
        if (spec.source.kind === "github-oidc" || spec.source.kind === "web-identity-file") kept.set(spec.name, raw);
      },
      ...host.fetch ? { fetch: host.fetch } : {},
      ...host.githubIdToken ? { githubIdToken: host.githubIdToken } : {},
      workspace: { root: host.cwd ?? process.cwd(), allowOutside: config.allowOutsideWorkspace === true }
    });
    logFindings(
      host,
      results.flatMap((r) => r.findings)
    );
    return results;
  });
  const findings = outcomes.flatMap((o) => o.findings);
  const github = outcomes.find((o) => o.spec.source.kind === "github-oidc");
  const claims = github?.decoded?.kind === "jwt" ? github.decoded.claims : void 0;
  if (claims) host.observe?.({ claims });
  if (config.roles.length === 0) return { findings, ...claims ? { claims } : {} };
  const identity = webIdentities(outcomes, kept);
  const resolved = resolveEnvironment(config.roles, config.environment, claims, github !== void 0);
  if (resolved.findings.length > 0) {
    host.log(`environment ${resolved.environment ?? "(none)"} (${resolved.source})`);
    findings.push(...resolved.findings);
  }
  const [{ checkAwsRoles }, { loadCatalog }] = await Promise.all([import("./pipeline-aws.js"), import("./sources-catalog.js")]);
  const perRole = await host.group("AWS", async () => {
    const results = await checkAwsRoles(resolved.roles, identity, {
      env: host.env,
      mask: host.mask,
      now: host.now,
      loadCatalog,
      ...host.cwd ? { cwd: host.cwd } : {},
      ...config.allowOutsideWorkspace ? { allowOutsideWorkspace: true } : {},
      ...host.sleep ? { sleep: host.sleep } : {},
      ...host.observe ? { observe: (role) => host.observe?.({ role }) } : {}
    });
    logFindings(host, results.flat());
    return results;
  });
  return { findings: findings.concat(perRole.flat()), ...claims ? { claims } : {} };
}

export {
  verifiesAnything,
  runPreflight
};
