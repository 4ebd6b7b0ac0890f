import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  isScope,
  runContextOf,
  secretsUsed
} from "./shared-workflows-github-token-scopes.js";
import {
  loadWorkflowChecks
} from "./shared-checks.js";
import "./shared-text-edit-distance.js";
import "./shared-runtime-0fe5fc20.js";

// src/checks/github-token/settings.ts
function tokenSettingsOf(config) {
  const d = config?.defaultTokenPermissions;
  const jobNeeds = {};
  for (const [job, scopes] of Object.entries(config?.jobTokenNeeds ?? {})) {
    jobNeeds[job] = Object.entries(scopes).flatMap(([scope, level]) => isScope(scope) ? [{ scope, level }] : []);
  }
  return {
    defaultPermissions: d === "write" ? "permissive" : d === "read" ? "restricted" : "unknown",
    jobNeeds
  };
}

// src/workflows/github-token/from-model.ts
function text(value) {
  return value.kind === "known" ? String(value.value ?? "") : value.expression;
}
function texts(map) {
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, text(v)]));
}
function permissionsBlock(raw, at) {
  if (!raw) return void 0;
  let value;
  if (raw.value !== null && typeof raw.value === "object" && !Array.isArray(raw.value)) {
    const entries = Object.entries(raw.value).map(([scope, level]) => ({
      scope,
      level: typeof level === "string" ? level : JSON.stringify(level)
    }));
    value = { kind: "mapping", entries };
  } else {
    value = { kind: "shorthand", value: raw.value === null ? "" : String(raw.value) };
  }
  return { at, file: raw.position.file, line: raw.position.line, value };
}
function stepInput(step, workflowEnv) {
  return {
    index: step.index,
    ...step.name !== void 0 ? { name: step.name } : {},
    ...step.uses ? { uses: text(step.uses) } : {},
    with: texts(step.with),
    ...step.run ? { run: step.run.script } : {},
    env: { ...workflowEnv, ...texts(step.env) },
    line: step.position.line,
    ...step.credential?.kind === "oidc-token" ? { requestsIdToken: true } : {}
  };
}
function stepsOfInstance(instance, workflowEnv) {
  return (instance?.steps ?? []).filter((s) => s.runs.kind !== "never").map((s) => stepInput(s, workflowEnv));
}
function stepsOf(job, workflowEnv) {
  const running = job.instances.filter((i) => i.runs.kind !== "never");
  const instance = running.find((i) => !fromFork(i)) ?? running[0] ?? job.instances[0];
  return stepsOfInstance(instance, workflowEnv);
}
function fromFork(instance) {
  return instance.trigger.event === "pull_request" && instance.trigger.fork !== false;
}
function forkStepsOf(job, workflowEnv) {
  const instance = job.instances.find((i) => i.runs.kind !== "never" && fromFork(i));
  return instance ? stepsOfInstance(instance, workflowEnv) : void 0;
}
function tokenWorkflow(model, file, depth) {
  const wf = model.files.find((f) => f.path === file);
  const env = wf ? texts(wf.env) : {};
  const jobs = model.jobs.filter((j) => j.file === file).map((job) => {
    const permissions2 = permissionsBlock(job.permissions, "job");
    const called = job.calls?.file;
    const forkSteps = forkStepsOf(job, env);
    const unread = job.instances.length === 0 && !job.calls ? job.tooMany ? `its ${job.tooMany.count} combinations of triggers, matrix and inputs are more than the ${job.tooMany.limit} the model lists` : "the workflow model lists no run of it" : void 0;
    return {
      id: job.id,
      line: job.position.line,
      steps: stepsOf(job, env),
      ...forkSteps ? { forkSteps } : {},
      ...unread ? { stepsUnread: unread } : {},
      ...permissions2 ? { permissions: permissions2 } : {},
      // GitHub allows four levels of workflows; the model's own bound stops a cycle first.
      ...called && depth < 4 ? { calls: tokenWorkflow(model, called, depth + 1) } : {}
    };
  });
  const written = wf ? wf.permissions : model.jobs.find((j) => j.file === file)?.workflowPermissions;
  const permissions = permissionsBlock(written, "workflow");
  return { file, jobs, ...permissions ? { permissions } : {} };
}
function tokenWorkflowsOf(model) {
  return model.files.filter((f) => !f.reusableOnly).map((f) => tokenWorkflow(model, f.path, 1));
}

// src/pipeline/github-token.ts
async function checkGitHubTokens(model, options) {
  const workflows = tokenWorkflowsOf(model);
  if (workflows.length === 0) return [];
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
    settings: tokenSettingsOf(options.config),
    ...run ? { run } : {},
    inspections,
    now: options.now()
  };
  const checks = await loadWorkflowChecks();
  return checks.flatMap((check) => check.run(facts));
}
export {
  checkGitHubTokens
};
