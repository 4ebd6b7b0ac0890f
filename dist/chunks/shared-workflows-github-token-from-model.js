import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  DEFAULT_LIMITS
} from "./shared-workflows-limits.js";
import {
  actionKey,
  stepWhere
} from "./shared-workflows-github-token-effective.js";

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
function jobEnvOf(job, workflowEnv) {
  return job.env ? { ...workflowEnv, ...texts(job.env) } : workflowEnv;
}
function stepInput(step, workflowEnv) {
  return {
    index: step.index,
    ...step.name !== void 0 ? { name: step.name } : {},
    ...step.uses ? { uses: text(step.uses) } : {},
    with: texts(step.with),
    ...step.run ? { run: step.run.script } : {},
    env: { ...workflowEnv, ...texts(step.env) },
    ownEnv: Object.keys(step.env),
    line: step.position.line,
    ...step.via.length > 0 ? { file: step.position.file, via: step.via.map((v) => ({ uses: v.uses, position: v.position })) } : {},
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
function forkRunUnknownOf(job) {
  const instance = job.instances.find((i) => i.runs.kind !== "never" && fromFork(i));
  if (instance?.runs.kind !== "unknown") return void 0;
  if (job.instances.some((i) => fromFork(i) && i.runs.kind === "always")) return void 0;
  return { condition: instance.runs.condition, reason: instance.runs.reason };
}
function forkRuledOutOf(job) {
  const pulls = job.instances.filter((i) => i.trigger.event === "pull_request");
  if (pulls.length === 0 || pulls.some((i) => i.runs.kind !== "never" && fromFork(i))) return void 0;
  const never = pulls.find((i) => fromFork(i) && i.runs.kind === "never") ?? pulls.find((i) => i.runs.kind === "never");
  return never?.runs.kind === "never" ? never.runs.condition : void 0;
}
function tokenWorkflow(model, file, depth) {
  const wf = model.files.find((f) => f.path === file);
  const env = wf ? texts(wf.env) : {};
  const jobs = model.jobs.filter((j) => j.file === file).map((job) => {
    const permissions2 = permissionsBlock(job.permissions, "job");
    const called = job.calls?.file;
    const jobEnv = jobEnvOf(job, env);
    const forkSteps = forkStepsOf(job, jobEnv);
    const forkRuledOut = forkRuledOutOf(job);
    const forkRunUnknown = forkSteps ? forkRunUnknownOf(job) : void 0;
    const unread = job.instances.length === 0 && !job.calls ? job.tooMany ? `its ${job.tooMany.count} combinations of triggers, matrix and inputs are more than the ${job.tooMany.limit} the model lists` : job.stepsUnread ? `its step \`${job.stepsUnread.uses}\` (${stepWhere(job.stepsUnread.position, job.stepsUnread.via)}) uses a local action ${job.stepsUnread.kind === "invalid" ? "GitHub would refuse" : "that is not read"}: ${job.stepsUnread.reason}` : "the workflow model lists no run of it" : void 0;
    return {
      id: job.id,
      line: job.position.line,
      steps: stepsOf(job, jobEnv),
      ...forkSteps ? { forkSteps } : {},
      ...forkRuledOut !== void 0 ? { forkRuledOut } : {},
      ...forkRunUnknown ? { forkRunUnknown } : {},
      ...unread ? { stepsUnread: unread } : {},
      ...permissions2 ? { permissions: permissions2 } : {},
      // The levels of workflows the model reads (src/workflows/limits.ts); the model's own bound stops a cycle first.
      ...called && depth <= DEFAULT_LIMITS.callDepth ? { calls: tokenWorkflow(model, called, depth + 1) } : {}
    };
  });
  const written = wf ? wf.permissions : model.jobs.find((j) => j.file === file)?.workflowPermissions;
  const permissions = permissionsBlock(written, "workflow");
  return { file, jobs, ...permissions ? { permissions } : {} };
}
function tokenWorkflowsOf(model) {
  return model.files.filter((f) => !f.reusableOnly).map((f) => tokenWorkflow(model, f.path, 1));
}
function withPreflightSteps(workflows, action) {
  const name = action.trim().toLowerCase();
  if (!/^[^/\s]+\/[^/\s]+$/.test(name)) return [...workflows];
  const mark = (steps) => steps.map((s) => s.uses !== void 0 && actionKey(s.uses) === name ? { ...s, preflight: true } : s);
  const workflow = (w) => ({
    ...w,
    jobs: w.jobs.map((j) => ({
      ...j,
      steps: mark(j.steps),
      ...j.forkSteps ? { forkSteps: mark(j.forkSteps) } : {},
      ...j.calls ? { calls: workflow(j.calls) } : {}
    }))
  });
  return workflows.map(workflow);
}

export {
  permissionsBlock,
  tokenWorkflowsOf,
  withPreflightSteps
};
