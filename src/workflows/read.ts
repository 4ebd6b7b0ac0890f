/**
 * The model from the files: every file read first (`load.ts`), then each workflow's triggers run over its jobs
 * (`jobs.ts`). Loaded only when workflows are read (`src/workflows/index.ts` imports it with `import()`), so GitHub's
 * parser costs nothing to a run that reads none.
 */
import { type ContextValue, open } from './expressions.js';
import { enumerateInputs } from './inputs.js';
import { addFileJobs, type BuildState, fileContexts, type Run, readPendingSteps, topGithub } from './jobs.js';
import { limitsWith } from './limits.js';
import { dedupeErrors, type LoadedFiles, loadFiles } from './load.js';
import type {
  RefusedWorkflow,
  WorkflowFile,
  WorkflowJob,
  WorkflowModel,
  WorkflowReadOptions,
  WorkflowTrigger,
} from './model.js';
import type { ParsedFile } from './parse.js';
import { resolveLocal } from './paths.js';
import { child, entries, positionOf, rawValue, stringOf } from './tokens.js';
import { readTriggers } from './triggers.js';
import { evaluateMap, withRemembering } from './values.js';

/** A condition on the pull request's head repository splits pull request triggers into fork and same-repository. */
const FORK_CONDITION = /head\s*\.\s*repo\s*\.\s*(?:fork|full_name)/;

/**
 * The local workflows some loaded workflow calls (their `workflow_call` runs only through those callers); a local call
 * in a workflow of another repository names a file of that repository.
 */
function calledFiles(loaded: LoadedFiles): Set<string> {
  const called = new Set<string>();
  for (const parsed of loaded.files.values()) {
    if (loaded.remote.has(parsed.path)) continue;
    for (const [, job] of entries(child(parsed.root, 'jobs'))) {
      const uses = stringOf(child(job, 'uses'));
      const resolved = uses?.startsWith('./') ? resolveLocal(uses) : undefined;
      if (resolved && 'path' in resolved) called.add(resolved.path);
    }
  }
  return called;
}

/**
 * The local workflow files GitHub refuses as a whole because of a workflow a job of theirs calls: one not found in the
 * repository as read, one its parser refuses, or one refused in turn (`RefusedWorkflow` in src/workflows/model.ts).
 * GitHub reports such a caller as an invalid workflow file, "error parsing called workflow" at the job's `uses:`
 * (as on https://github.com/aarong/feedme-server-core/actions/runs/7849148620: "failed to fetch workflow: workflow
 * was not found"), and runs none of its jobs.
 */
function refusedWorkflows(loaded: LoadedFiles): Map<string, RefusedWorkflow> {
  const refused = new Map<string, RefusedWorkflow>();
  const local = [...loaded.files.values()].filter((f) => f.kind === 'workflow' && !loaded.remote.has(f.path));
  for (let changed = true; changed; ) {
    changed = false;
    for (const parsed of local) {
      if (refused.has(parsed.path)) continue;
      const jobs = entries(child(parsed.root, 'jobs'));
      for (const [jobId, job] of jobs) {
        const uses = stringOf(child(job, 'uses'));
        const resolved = uses?.startsWith('./') ? resolveLocal(uses) : undefined;
        if (uses === undefined || resolved === undefined || 'error' in resolved) continue;
        const called = loaded.files.get(resolved.path);
        const inTurn = refused.get(resolved.path);
        const reason = loaded.missingWorkflows.has(resolved.path)
          ? `${resolved.path} is not found in the repository as read`
          : called && called.errors.length > 0
            ? `GitHub's parser refuses ${resolved.path} (${called.errors[0]?.message ?? 'an error'})`
            : inTurn
              ? `GitHub refuses ${resolved.path} in turn: its job \`${inTurn.jobId}\` calls ${inTurn.uses}, and ${inTurn.reason}`
              : undefined;
        if (reason === undefined) continue;
        const position = positionOf(parsed.path, child(job, 'uses'));
        const jobIds = jobs.map(([id]) => id);
        refused.set(parsed.path, { file: parsed.path, jobIds, jobId, uses, reason, position });
        changed = true;
        break;
      }
    }
  }
  return refused;
}

/** Runs every trigger of one top-level workflow over its jobs. */
function runWorkflow(
  state: BuildState,
  parsed: ParsedFile,
  triggers: readonly WorkflowTrigger[],
  calledHere: boolean,
): void {
  const { inputs } = readTriggers(parsed.path, parsed.root, parsed.events, false);
  for (const trigger of triggers) {
    // A workflow called by another one read here runs its `workflow_call` through that caller, with its inputs.
    if (trigger.event === 'workflow_call' && calledHere) continue;
    const defs = inputs.get(trigger.eventName) ?? [];
    const source =
      trigger.event === 'workflow_call' ? 'from a caller outside the workflows read' : 'typed when dispatched';
    const enumerable = trigger.event === 'workflow_dispatch' || trigger.event === 'workflow_call';
    const { assignments } = enumerable
      ? enumerateInputs(defs, parsed.text, state.limits.instancesPerJob, source)
      : { assignments: [{}] };
    for (const assignment of assignments) {
      const github = topGithub(state, trigger, assignment, parsed);
      const run: Run = {
        trigger,
        workflow: parsed.path,
        github,
        callers: [],
        runs: { kind: 'always' },
        inheritsSecrets: true,
      };
      const contexts = fileContexts(state, parsed, github, assignment as Record<string, ContextValue>);
      addFileJobs(state, parsed, run, contexts);
    }
  }
}

/** The file's own record. */
function fileRecord(parsed: ParsedFile, triggers: readonly WorkflowTrigger[], state: BuildState): WorkflowFile {
  const name = stringOf(child(parsed.root, 'name'));
  const permissions = rawValue(parsed.path, child(parsed.root, 'permissions'));
  const contexts = fileContexts(state, parsed, open('github'), open('inputs'));
  return {
    path: parsed.path,
    ...(name !== undefined ? { name } : {}),
    triggers,
    ...(permissions ? { permissions } : {}),
    env: evaluateMap(parsed.path, child(parsed.root, 'env'), contexts),
    jobIds: entries(child(parsed.root, 'jobs')).map(([id]) => id),
    reusableOnly: triggers.length > 0 && triggers.every((t) => t.event === 'workflow_call'),
  };
}

/** Builds the model (see `src/workflows/index.ts`). */
export async function buildModel(options: WorkflowReadOptions): Promise<WorkflowModel> {
  const limits = limitsWith(options.limits);
  const loaded = await loadFiles(options.workflowPaths, options.read, limits, options.readRemote, options.now);
  const facts = {
    ...(options.repository ? { repository: options.repository } : {}),
    ...(options.repositoryId ? { repositoryId: options.repositoryId } : {}),
    ...(options.repositoryOwnerId ? { repositoryOwnerId: options.repositoryOwnerId } : {}),
    ...(options.defaultBranch ? { defaultBranch: options.defaultBranch } : {}),
    ...(options.vars ? { vars: options.vars } : {}),
    ...(options.secrets ? { secrets: options.secrets } : {}),
  };
  const remember = options.remember !== false;
  const state: BuildState = {
    loaded,
    limits,
    facts,
    errors: [...loaded.errors],
    jobs: new Map(),
    budget: { steps: limits.steps },
    ...(remember ? { memo: new Map() } : {}),
    pending: [],
    refused: refusedWorkflows(loaded),
  };
  const called = calledFiles(loaded);
  const splitFork = [...loaded.files.values()].some((f) => FORK_CONDITION.test(f.text));
  const files: WorkflowFile[] = [];
  withRemembering(remember, () => {
    for (const path of options.workflowPaths) {
      const parsed = loaded.files.get(path);
      if (!parsed || parsed.root === undefined) continue;
      const { triggers } = readTriggers(path, parsed.root, parsed.events, splitFork);
      files.push(fileRecord(parsed, triggers, state));
      runWorkflow(state, parsed, triggers, called.has(path));
    }
    readPendingSteps(state);
  });
  const jobs: WorkflowJob[] = [...state.jobs.values()].map((acc) => {
    const tooMany = acc.count > limits.instancesPerJob;
    // A job whose steps are not known past a local action not read lists no instance: nothing of it passes.
    const unread = acc.stepsUnread;
    return {
      ...acc.job,
      deploy: acc.deploy,
      instances: tooMany || unread ? [] : acc.instances,
      ...(tooMany ? { tooMany: { count: acc.count, limit: limits.instancesPerJob } } : {}),
      ...(unread ? { stepsUnread: unread } : {}),
    };
  });
  const refused = [...(state.refused?.values() ?? [])];
  return { files, jobs, errors: dedupeErrors(state.errors), ...(refused.length > 0 ? { refused } : {}) };
}
