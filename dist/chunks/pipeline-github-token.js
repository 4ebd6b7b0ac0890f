import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  secretsUsed
} from "./shared-workflows-github-token-gh-cli.js";
import "./shared-workflows-calls-shell.js";
import {
  tokenWorkflowsOf,
  withPreflightSteps
} from "./shared-workflows-github-token-from-model.js";
import "./shared-workflows-limits.js";
import {
  runContextOf
} from "./shared-workflows-github-token-effective.js";
import {
  isScope
} from "./shared-workflows-github-token-scopes.js";
import "./shared-catalog-arn-format.js";
import {
  loadWorkflowChecks
} from "./shared-checks.js";
import {
  finding
} from "./shared-model-finding-classes.js";
import "./shared-text-edit-distance.js";
import "./shared-runtime-efb0f0b2.js";

// src/checks/github-token/settings.ts
function tokenSettingsOf(config, runner) {
  const d = config?.defaultTokenPermissions;
  const jobNeeds = {};
  for (const [job, scopes] of Object.entries(config?.jobTokenNeeds ?? {})) {
    jobNeeds[job] = Object.entries(scopes).flatMap(([scope, level]) => isScope(scope) ? [{ scope, level }] : []);
  }
  return {
    defaultPermissions: d === "write" ? "permissive" : d === "read" ? "restricted" : "unknown",
    jobNeeds,
    visibility: config?.repositoryVisibility ?? runner?.repositoryVisibility ?? "unknown"
  };
}

// src/pipeline/github-token.ts
async function checkGitHubTokens(model, options) {
  const read = tokenWorkflowsOf(model);
  if (read.length === 0) return [];
  const self = options.env.GITHUB_ACTION_REPOSITORY;
  const workflows = self ? withPreflightSteps(read, self) : read;
  const secrets = secretsUsed(workflows.flatMap((w) => w.jobs));
  const repository = options.env.GITHUB_REPOSITORY ?? "";
  let inspections = [];
  if (secrets.length > 0) {
    const { readGitHubTokens, inspectGitHubTokens } = await import("./sources-github-api.js");
    const { tokens } = readGitHubTokens(options.config?.tokensInput ?? "", options.env, options.mask);
    inspections = await inspectGitHubTokens(secrets, tokens, repository, {
      mask: options.mask,
      ...options.env.GITHUB_API_URL ? { baseUrl: options.env.GITHUB_API_URL } : {}
    });
  }
  const run = options.runner ? runContextOf(options.runner, options.env.GITHUB_ACTOR) : void 0;
  const facts = {
    workflows,
    settings: tokenSettingsOf(options.config, options.runner),
    ...run ? { run } : {},
    inspections,
    now: options.now()
  };
  const checks = await loadWorkflowChecks();
  return [...checks.flatMap((check) => check.run(facts)), ...unusedEntries(options.config?.tokensInput ?? "", secrets)];
}
function unusedEntries(input, secrets) {
  const names = input.split(/[,\n]/).map((item) => (item.split("=")[0] ?? "").trim()).filter((name) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name));
  return [...new Set(names)].filter((name) => !secrets.includes(name)).map((name) => {
    const near = secrets.find((s) => s.toLowerCase() === name.toLowerCase());
    const taken = secrets.length > 0 ? `The steps take: ${secrets.join(", ")}.` : "No step takes a token from a secret.";
    return finding("ok", {
      id: `github-tokens:unused:${name}`,
      subject: `github-tokens entry ${name}`,
      decisionPoint: "github-token",
      status: "pass",
      message: `The \`github-tokens\` input names the secret ${name}, which no step of the workflows takes a GitHub token from: nothing was read with it.${near ? ` Did you mean ${near}?` : ""} ${taken}`,
      evidence: { entry: name, secretsTaken: [...secrets] }
    });
  });
}
export {
  checkGitHubTokens
};
