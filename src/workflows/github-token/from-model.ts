/**
 * The workflow model (src/workflows/model.ts, read with GitHub's parser) into what the GitHub token rules read
 * (./types.ts): each top-level workflow's `permissions:`, its jobs with their own `permissions:` and steps, and the
 * reusable workflows they call, with the called workflow's jobs.
 */

import { DEFAULT_LIMITS } from '../limits.js';
import type { JobInstance, RawValue, WorkflowJob, WorkflowModel, WorkflowStep, WorkflowValue } from '../model.js';
import { stepWhere } from '../where.js';
import { actionKey } from './actions-table.js';
import type { PermissionsBlock, PermissionsValue } from './effective.js';
import type { StepInput } from './needs.js';
import type { TokenJob, TokenWorkflow } from './types.js';

/** A value as text: a known value as written, an unknown one as its `${{ }}` expression. */
function text(value: WorkflowValue): string {
  return value.kind === 'known' ? String(value.value ?? '') : value.expression;
}

function texts(map: Readonly<Record<string, WorkflowValue>>): Record<string, string> {
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, text(v)]));
}

/** A `permissions:` value as written: a string, or a mapping of scope to level (anything else is a string). */
export function permissionsBlock(raw: RawValue | undefined, at: 'workflow' | 'job'): PermissionsBlock | undefined {
  if (!raw) return undefined;
  let value: PermissionsValue;
  if (raw.value !== null && typeof raw.value === 'object' && !Array.isArray(raw.value)) {
    const entries = Object.entries(raw.value as Record<string, unknown>).map(([scope, level]) => ({
      scope,
      level: typeof level === 'string' ? level : JSON.stringify(level),
    }));
    value = { kind: 'mapping', entries };
  } else {
    value = { kind: 'shorthand', value: raw.value === null ? '' : String(raw.value) };
  }
  return { at, file: raw.position.file, line: raw.position.line, value };
}

/** The environment every step of a job sees: the workflow's `env:`, then the job's over it (WorkflowJob.env). */
function jobEnvOf(job: WorkflowJob, workflowEnv: Record<string, string>): Record<string, string> {
  return job.env ? { ...workflowEnv, ...texts(job.env) } : workflowEnv;
}

function stepInput(step: WorkflowStep, workflowEnv: Record<string, string>): StepInput {
  return {
    index: step.index,
    ...(step.name !== undefined ? { name: step.name } : {}),
    ...(step.uses ? { uses: text(step.uses) } : {}),
    with: texts(step.with),
    ...(step.run ? { run: step.run.script } : {}),
    env: { ...workflowEnv, ...texts(step.env) },
    ownEnv: Object.keys(step.env),
    line: step.position.line,
    ...(step.via.length > 0
      ? { file: step.position.file, via: step.via.map((v) => ({ uses: v.uses, position: v.position })) }
      : {}),
    ...(step.credential?.kind === 'oidc-token' ? { requestsIdToken: true } : {}),
  };
}

/** The steps of an instance that may run. */
function stepsOfInstance(instance: JobInstance | undefined, workflowEnv: Record<string, string>): StepInput[] {
  return (instance?.steps ?? []).filter((s) => s.runs.kind !== 'never').map((s) => stepInput(s, workflowEnv));
}

/**
 * The job's steps: those of its first instance that may run and is not a fork's pull request (the steps of a job
 * are the same list in every instance; only their values and conditions differ).
 */
function stepsOf(job: WorkflowJob, workflowEnv: Record<string, string>): StepInput[] {
  const running = job.instances.filter((i) => i.runs.kind !== 'never');
  const instance = running.find((i) => !fromFork(i)) ?? running[0] ?? job.instances[0];
  return stepsOfInstance(instance, workflowEnv);
}

/**
 * A run on a pull request that may come from a fork: a `pull_request` trigger (not `pull_request_target`, which
 * runs in the base repository with its token) whose fork case the model did not rule out.
 * https://docs.github.com/en/actions/security-for-github-actions/security-guides/automatic-token-authentication#permissions-for-the-github_token
 */
function fromFork(instance: JobInstance): boolean {
  return instance.trigger.event === 'pull_request' && instance.trigger.fork !== false;
}

/** The steps of the job's run on a fork's pull request, when one may run. */
function forkStepsOf(job: WorkflowJob, workflowEnv: Record<string, string>): StepInput[] | undefined {
  const instance = job.instances.find((i) => i.runs.kind !== 'never' && fromFork(i));
  return instance ? stepsOfInstance(instance, workflowEnv) : undefined;
}

/** The job's `if:` on a fork's pull request, when the model cannot decide it there (WorkflowJob instances' `runs`). */
function forkRunUnknownOf(job: WorkflowJob): TokenJob['forkRunUnknown'] {
  const instance = job.instances.find((i) => i.runs.kind !== 'never' && fromFork(i));
  if (instance?.runs.kind !== 'unknown') return undefined;
  if (job.instances.some((i) => fromFork(i) && i.runs.kind === 'always')) return undefined;
  return { condition: instance.runs.condition, reason: instance.runs.reason };
}

/**
 * The condition that keeps the job from running on a fork's pull request, when the job has runs on a `pull_request`
 * trigger and the model decides that none of those a fork may start runs (its `if:`, or its caller's, is false there).
 */
function forkRuledOutOf(job: WorkflowJob): string | undefined {
  const pulls = job.instances.filter((i) => i.trigger.event === 'pull_request');
  if (pulls.length === 0 || pulls.some((i) => i.runs.kind !== 'never' && fromFork(i))) return undefined;
  const never = pulls.find((i) => fromFork(i) && i.runs.kind === 'never') ?? pulls.find((i) => i.runs.kind === 'never');
  return never?.runs.kind === 'never' ? never.runs.condition : undefined;
}

/** The jobs written in `file`, each with the workflow it calls. */
function tokenWorkflow(model: WorkflowModel, file: string, depth: number): TokenWorkflow {
  const wf = model.files.find((f) => f.path === file);
  const env = wf ? texts(wf.env) : {};
  const jobs = model.jobs
    .filter((j) => j.file === file)
    .map((job): TokenJob => {
      const permissions = permissionsBlock(job.permissions, 'job');
      const called = job.calls?.file;
      const jobEnv = jobEnvOf(job, env);
      const forkSteps = forkStepsOf(job, jobEnv);
      const forkRuledOut = forkRuledOutOf(job);
      const forkRunUnknown = forkSteps ? forkRunUnknownOf(job) : undefined;
      const unread =
        job.instances.length === 0 && !job.calls
          ? job.tooMany
            ? `its ${job.tooMany.count} combinations of triggers, matrix and inputs are more than the ${job.tooMany.limit} the model lists`
            : job.stepsUnread
              ? `its step \`${job.stepsUnread.uses}\` (${stepWhere(job.stepsUnread.position, job.stepsUnread.via)}) uses a local action ${job.stepsUnread.kind === 'invalid' ? 'GitHub would refuse' : 'that is not read'}: ${job.stepsUnread.reason}`
              : 'the workflow model lists no run of it'
          : undefined;
      return {
        id: job.id,
        line: job.position.line,
        steps: stepsOf(job, jobEnv),
        ...(forkSteps ? { forkSteps } : {}),
        ...(forkRuledOut !== undefined ? { forkRuledOut } : {}),
        ...(forkRunUnknown ? { forkRunUnknown } : {}),
        ...(unread ? { stepsUnread: unread } : {}),
        ...(permissions ? { permissions } : {}),
        // The levels of workflows the model reads (src/workflows/limits.ts); the model's own bound stops a cycle first.
        ...(called && depth <= DEFAULT_LIMITS.callDepth ? { calls: tokenWorkflow(model, called, depth + 1) } : {}),
      };
    });
  // A workflow of another repository has no file record (it starts no run here): its jobs keep its `permissions:`.
  const written = wf ? wf.permissions : model.jobs.find((j) => j.file === file)?.workflowPermissions;
  const permissions = permissionsBlock(written, 'workflow');
  return { file, jobs, ...(permissions ? { permissions } : {}) };
}

/** Every workflow that starts runs (not the reusable-only ones, which are checked through their callers). */
export function tokenWorkflowsOf(model: WorkflowModel): TokenWorkflow[] {
  return model.files.filter((f) => !f.reusableOnly).map((f) => tokenWorkflow(model, f.path, 1));
}

/**
 * The workflows with each step that uses the action `action` (`owner/repo`, as the runner names the running action in
 * `GITHUB_ACTION_REPOSITORY`: https://docs.github.com/en/actions/reference/workflows-and-actions/variables#default-environment-variables)
 * marked as this preflight's own (StepInput.preflight), whatever name it is published under.
 */
export function withPreflightSteps(workflows: readonly TokenWorkflow[], action: string): TokenWorkflow[] {
  const name = action.trim().toLowerCase();
  if (!/^[^/\s]+\/[^/\s]+$/.test(name)) return [...workflows];
  const mark = (steps: readonly StepInput[]): StepInput[] =>
    steps.map((s) => (s.uses !== undefined && actionKey(s.uses) === name ? { ...s, preflight: true } : s));
  const workflow = (w: TokenWorkflow): TokenWorkflow => ({
    ...w,
    jobs: w.jobs.map((j) => ({
      ...j,
      steps: mark(j.steps),
      ...(j.forkSteps ? { forkSteps: mark(j.forkSteps) } : {}),
      ...(j.calls ? { calls: workflow(j.calls) } : {}),
    })),
  });
  return workflows.map(workflow);
}
