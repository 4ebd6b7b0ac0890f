/**
 * Jobs into instances: for one run (a trigger, the inputs it was started with, the callers above), each job of a
 * workflow file is evaluated once per matrix combination; a job that calls a reusable workflow, local
 * (`uses: ./.github/workflows/x.yml`) or of another repository once read (src/workflows/remote.ts), hands its `with:`
 * to the called workflow's `workflow_call` inputs, and the called jobs are evaluated in turn, with the caller chain
 * kept.
 * https://docs.github.com/en/actions/sharing-automations/reusing-workflows
 */
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/index';
import { githubContext, type RepositoryFacts, secretsContext, UNKNOWN_CONTEXTS, varsContext } from './context.js';
import { type ContextValue, open, Unknown } from './expressions.js';
import { grantOfBlock } from './github-token/effective.js';
import { permissionsBlock } from './github-token/from-model.js';
import { plainAssignment } from './inputs.js';
import { calledRemote, type LoadedFiles } from './load.js';
import { expandMatrix } from './matrix.js';
import type {
  CallerRef,
  JobEnvironment,
  JobInstance,
  RefusedWorkflow,
  RunsWhen,
  SourcePosition,
  ValueMap,
  WorkflowError,
  WorkflowJob,
  WorkflowLimits,
  WorkflowTrigger,
  WorkflowValue,
} from './model.js';
import type { ParsedFile } from './parse.js';
import { resolveLocal } from './paths.js';
import { tokenReads } from './reads.js';
import { parseRemoteUses, remoteKey } from './remote.js';
import { readSteps, type StepMemo } from './steps.js';
import {
  child,
  entries,
  isMappingToken,
  isSequenceToken,
  items,
  positionOf,
  rawValue,
  stringList,
  stringOf,
} from './tokens.js';
import { readInputs } from './triggers.js';
import {
  asContextValue,
  assignInputs,
  both,
  type Contexts,
  conditionOf,
  decide,
  evaluateMap,
  evaluateToken,
  layerEnv,
} from './values.js';

/** What the whole build shares. */
export interface BuildState {
  readonly loaded: LoadedFiles;
  readonly limits: WorkflowLimits;
  readonly facts: RepositoryFacts;
  readonly errors: WorkflowError[];
  readonly jobs: Map<string, JobAccumulator>;
  /** Steps the model may still expand (WorkflowLimits.steps), shared by every instance. */
  readonly budget: { steps: number };
  /** Step expansions remembered across instances (see `src/workflows/steps.ts`); absent: none is. */
  readonly memo?: StepMemo;
  /**
   * The instances whose steps are still to be read, in the order they were met: a job's instance count is known
   * only once every run has reached it, so its steps are read after ({@link readPendingSteps}), and not at all for
   * the instances of a job over the limit, which are not kept.
   */
  readonly pending: PendingInstance[];
  /** The workflow files GitHub refuses because of what they call (`src/workflows/read.ts`): none of their jobs runs. */
  readonly refused?: ReadonlyMap<string, RefusedWorkflow>;
}

/** An instance of a job with steps, all but its steps evaluated. */
export interface PendingInstance {
  readonly acc: JobAccumulator;
  /** Whether it is kept when the job is within the limit (a probe of a matrix over the limit is not). */
  readonly keep: boolean;
  readonly instance: Omit<JobInstance, 'steps' | 'credentialSteps'>;
  readonly readSteps: () => JobInstance['steps'];
}

/** A job being built: its static part, and the instances gathered from every run that reaches it. */
export interface JobAccumulator {
  job: Omit<WorkflowJob, 'instances' | 'deploy' | 'tooMany'>;
  readonly instances: JobInstance[];
  /** Instances the job has in all (more than `instances` holds once over the limit). */
  count: number;
  deploy: boolean;
  /** Over the limit, one more instance is taken (not kept) to learn whether the job deploys. */
  probed: boolean;
  /** The first step met, in an instance that may run, that uses a local action not read (`WorkflowJob.stepsUnread`). */
  stepsUnread?: WorkflowJob['stepsUnread'];
}

/** One run reaching a file: the trigger, the workflow it started in, the callers above and whether they run. */
export interface Run {
  readonly trigger: WorkflowTrigger;
  readonly workflow: string;
  readonly github: ContextValue;
  readonly callers: readonly CallerRef[];
  readonly runs: RunsWhen;
  /**
   * Whether the repository's secrets reach the file's jobs: at the top of a run, and down calls that pass
   * `secrets: inherit` (https://docs.github.com/en/actions/sharing-automations/reusing-workflows#passing-secrets-to-nested-workflows).
   */
  readonly inheritsSecrets: boolean;
  /**
   * The secrets a caller passes one by one (`secrets: { NAME: ${{ secrets.X }} }`), evaluated in the caller: the
   * called workflow's `secrets` where its job names no environment (an environment's own secret takes the place of a
   * passed one: https://docs.github.com/en/actions/sharing-automations/reusing-workflows#using-inputs-and-secrets-in-a-reusable-workflow).
   * Any secret not passed stays unknown.
   */
  readonly passedSecrets?: ContextValue;
}

/** The contexts at the top of a workflow file for a run, with the given `inputs`. */
export function fileContexts(
  state: BuildState,
  parsed: ParsedFile,
  github: ContextValue,
  inputs: Readonly<Record<string, ContextValue>>,
): Contexts {
  const base: Contexts = { ...UNKNOWN_CONTEXTS, github, inputs, vars: varsContext(state.facts), env: open('env') };
  return layerEnv(parsed.path, child(parsed.root, 'env'), base);
}

/**
 * The `github` context of a top-level run of `parsed`. Its `workflow` is "the name of the workflow. If the workflow
 * file doesn't specify a name, the value of this property is the full path of the workflow file in the repository"
 * (https://docs.github.com/en/actions/reference/workflows-and-actions/contexts#github-context); a run called from a
 * workflow outside the files read has that caller's, which is not known.
 */
export function topGithub(
  state: BuildState,
  trigger: WorkflowTrigger,
  inputs: Readonly<Record<string, ContextValue>>,
  parsed?: ParsedFile,
): ContextValue {
  const github = githubContext(trigger, inputs, state.facts);
  if (parsed === undefined || trigger.event === 'workflow_call' || github === null || typeof github !== 'object')
    return github;
  const name = stringOf(child(parsed.root, 'name'));
  return { ...(github as Record<string, ContextValue>), workflow: name ?? parsed.path };
}

function accumulator(state: BuildState, parsed: ParsedFile, id: string, token: TemplateToken): JobAccumulator {
  const key = `${parsed.path}#${id}`;
  const known = state.jobs.get(key);
  if (known) return known;
  const file = parsed.path;
  const condition = conditionOf(file, child(token, 'if'));
  const permissions = rawValue(file, child(token, 'permissions'));
  const workflowPermissions = rawValue(file, child(parsed.root, 'permissions'));
  const name = stringOf(child(token, 'name'));
  const envToken = child(token, 'env');
  const env = envToken
    ? evaluateMap(file, envToken, fileContexts(state, parsed, open('github'), open('inputs')))
    : undefined;
  const created: JobAccumulator = {
    job: {
      file,
      id,
      ...(name !== undefined ? { name } : {}),
      needs: stringList(child(token, 'needs')),
      ...(condition ? { if: condition } : {}),
      ...(permissions ? { permissions } : {}),
      ...(workflowPermissions ? { workflowPermissions } : {}),
      ...(env ? { env } : {}),
      position: positionOf(file, token),
    },
    instances: [],
    count: 0,
    deploy: false,
    probed: false,
  };
  state.jobs.set(key, created);
  return created;
}

/**
 * `environment:` as a string or `{ name, url }`. Its name is evaluated before the job's `env:` (which it cannot read)
 * and decides the job's `vars`; its `url` may read the job's `env`, so it is evaluated with `urlContexts`.
 * https://docs.github.com/en/actions/reference/workflows-and-actions/contexts#context-availability
 */
function environmentOf(
  file: string,
  t: TemplateToken | undefined,
  contexts: Contexts,
  urlContexts: (name: JobEnvironment['name']) => Contexts,
): JobEnvironment | undefined {
  if (t === undefined) return undefined;
  const position = positionOf(file, t);
  if (isMappingToken(t)) {
    const nameToken = child(t, 'name');
    const url = child(t, 'url');
    if (nameToken === undefined) return undefined;
    const name = evaluateToken(file, nameToken, contexts);
    return { name, ...(url ? { url: evaluateToken(file, url, urlContexts(name)) } : {}), position };
  }
  return { name: evaluateToken(file, t, contexts), position };
}

/**
 * The job's contexts: the environment's variables over the repository's (and its secrets, where they reach the job),
 * then the job's `env:`.
 */
function jobContextsOf(scope: JobScope, contexts: Contexts, name?: WorkflowValue) {
  const { state, parsed, token, run } = scope;
  const value = name === undefined ? undefined : asContextValue(name);
  // A name written as a number or boolean is the environment of that name, as text.
  const environment = typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
  const vars = name === undefined ? contexts.vars : varsContext(state.facts, environment ?? null);
  const secrets = run.inheritsSecrets
    ? secretsContext(state.facts, name === undefined ? undefined : (environment ?? null))
    : run.passedSecrets === undefined
      ? contexts.secrets
      : name === undefined
        ? run.passedSecrets
        : // In a job with an environment, a secret that environment declares takes the place of the passed one.
          secretsContext(state.facts, environment ?? null);
  const jobContexts = { ...contexts, vars: vars ?? open('vars'), secrets: secrets ?? open('secrets') };
  // The workflow's `env:` may read secrets and variables (https://docs.github.com/en/actions/reference/workflows-and-actions/contexts#context-availability),
  // and a job's are its own (its environment's over the repository's): it is evaluated again with them, then the job's.
  const workflowEnv = child(parsed.root, 'env');
  const base =
    workflowEnv !== undefined &&
    readsJobListings(workflowEnv) &&
    (jobContexts.vars !== contexts.vars || jobContexts.secrets !== contexts.secrets)
      ? layerEnv(parsed.path, workflowEnv, { ...jobContexts, env: open('env') })
      : jobContexts;
  return layerEnv(parsed.path, child(token, 'env'), base);
}

/** Whether a workflow's `env:` reads `secrets` or `vars` (else the file's evaluation of it serves every job). */
const READS_LISTINGS = new WeakMap<TemplateToken, boolean>();

function readsJobListings(env: TemplateToken): boolean {
  let reads = READS_LISTINGS.get(env);
  if (reads === undefined) {
    reads = tokenReads(env).some(([name]) => /^(secrets|vars)$/i.test(name));
    READS_LISTINGS.set(env, reads);
  }
  return reads;
}

/**
 * Evaluates every job of `parsed` for `run`. A workflow file GitHub's parser finds an error in is not run at all (GitHub
 * validates the whole file before it starts any job of it), so none of its jobs is taken: the file's errors, which the
 * model reports, stand for them, and no job of it is predicted, passed or failed.
 */
export function addFileJobs(state: BuildState, parsed: ParsedFile, run: Run, contexts: Contexts): void {
  if (parsed.errors.length > 0 || state.refused?.has(parsed.path)) return;
  for (const [id, token] of entries(child(parsed.root, 'jobs'))) addJob(state, parsed, id, token, run, contexts);
}

function addJob(
  state: BuildState,
  parsed: ParsedFile,
  id: string,
  token: TemplateToken,
  run: Run,
  runContexts: Contexts,
): void {
  const acc = accumulator(state, parsed, id, token);
  const github = run.callers.length === 0 ? withJobId(runContexts.github, id) : undefined;
  const contexts: Contexts = github === undefined ? runContexts : { ...runContexts, github };
  const runs = both(run.runs, decide(acc.job.if, contexts));
  const limit = state.limits.instancesPerJob;
  const matrix = expandMatrix(child(child(token, 'strategy'), 'matrix'), contexts, limit);
  if (matrix.kind === 'too-many') acc.count += matrix.count;
  const rows =
    matrix.kind === 'rows'
      ? matrix.rows.map((row) => ({ row: row as Record<string, ContextValue>, unknown: undefined }))
      : [
          {
            row: open('matrix'),
            unknown: matrix.kind === 'unknown' ? { expression: matrix.expression, reason: matrix.reason } : undefined,
          },
        ];
  for (const { row, unknown } of rows) {
    if (matrix.kind !== 'too-many') acc.count += 1;
    const over = acc.count > limit || matrix.kind === 'too-many';
    if (over) {
      if (acc.probed) continue;
      acc.probed = true;
    }
    const rowContexts: Contexts = { ...contexts, matrix: row };
    const built = buildInstance({ state, parsed, id, token, run, contexts: rowContexts, runs });
    const withUnknown = <T extends object>(i: T) => (unknown ? { ...i, matrixUnknown: unknown } : i);
    if ('readSteps' in built) {
      state.pending.push({ acc, keep: !over, instance: withUnknown(built.instance), readSteps: built.readSteps });
    } else if (!over) acc.instances.push(withUnknown(built));
  }
}

/** Each run's `github` context with `job` set, by job id: the instances of a job share one. */
const WITH_JOB = new WeakMap<object, Map<string, ContextValue>>();

/**
 * The `github` context of a job at the top of its run, with `github.job` its id: "The job_id of the current job"
 * (https://docs.github.com/en/actions/reference/workflows-and-actions/contexts#github-context). In a called workflow
 * it is left unknown: that context "is always associated with the caller workflow"
 * (https://docs.github.com/en/actions/sharing-automations/reusing-workflows#supported-keywords-for-jobs-that-call-a-reusable-workflow).
 */
function withJobId(github: ContextValue | undefined, id: string): ContextValue | undefined {
  if (github === null || typeof github !== 'object' || Array.isArray(github) || github instanceof Unknown)
    return undefined;
  let byId = WITH_JOB.get(github);
  if (byId === undefined) {
    byId = new Map();
    WITH_JOB.set(github, byId);
  }
  let made = byId.get(id);
  if (made === undefined) {
    made = { ...(github as Record<string, ContextValue>), job: id };
    byId.set(id, made);
  }
  return made;
}

/**
 * Reads the steps of the pending instances, in the order they were met. A job within the limit keeps every instance;
 * for a job over it (whose instances are not kept) only as many are read as it takes to learn whether it deploys.
 */
export function readPendingSteps(state: BuildState): void {
  const limit = state.limits.instancesPerJob;
  for (const { acc, keep, instance, readSteps } of state.pending) {
    const within = acc.count <= limit;
    if (!within && acc.deploy) continue;
    const steps = readSteps();
    const unread =
      instance.runs.kind === 'never'
        ? undefined
        : steps.find((s) => s.unexpanded === 'not-read' && s.runs.kind !== 'never');
    if (unread !== undefined && acc.stepsUnread === undefined) {
      const uses = unread.uses?.kind === 'known' ? String(unread.uses.value) : '';
      const why = unread.unread ?? { kind: 'not-read' as const, reason: `${uses} is not read` };
      acc.stepsUnread = { ...why, uses, position: unread.uses?.position ?? unread.position, via: unread.via };
    }
    const credentialSteps = steps.filter((s) => s.credential !== undefined);
    acc.deploy ||= credentialSteps.length > 0;
    if (within && keep) acc.instances.push({ ...instance, steps, credentialSteps });
  }
  state.pending.length = 0;
}

/** One job evaluated for one run and matrix row. */
interface JobScope {
  readonly state: BuildState;
  readonly parsed: ParsedFile;
  readonly id: string;
  readonly token: TemplateToken;
  readonly run: Run;
  readonly contexts: Contexts;
  readonly runs: RunsWhen;
}

/**
 * One instance of a job: for a job calling a workflow, the call run at once (the called jobs are reached through it)
 * and the instance whole; for a job with steps, the instance without its steps, and how to read them.
 */
function buildInstance(scope: JobScope): JobInstance | Omit<PendingInstance, 'acc' | 'keep'> {
  const { state, parsed, token, run, contexts, runs } = scope;
  const file = parsed.path;
  const inputs = plainAssignment((contexts.inputs ?? {}) as Record<string, ContextValue>);
  const matrix =
    contexts.matrix && typeof contexts.matrix === 'object' ? { ...(contexts.matrix as Record<string, unknown>) } : {};
  const trigger = run.callers.length > 0 ? { ...run.trigger, callers: run.callers } : run.trigger;
  const base = { trigger, workflow: run.workflow, matrix, inputs, runs };
  const uses = stringOf(child(token, 'uses'));
  if (uses !== undefined) {
    callReusable(scope, uses);
    return { ...base, steps: [], credentialSteps: [] };
  }
  const environmentToken = child(token, 'environment');
  const withName = (name: WorkflowValue) => jobContextsOf(scope, contexts, name);
  const environment = environmentOf(file, environmentToken, contexts, withName);
  const jobContexts = jobContextsOf(scope, contexts, environment?.name);
  const shell = defaultShell(file, token, parsed.root, jobContexts);
  const readJobSteps = () =>
    withDefaultShell(
      readSteps(file, child(token, 'steps'), jobContexts, {
        loaded: state.loaded,
        actionDepth: state.limits.actionDepth,
        errors: state.errors,
        budget: state.budget,
        perInstance: { left: state.limits.stepsPerInstance, limit: state.limits.stepsPerInstance, reported: false },
        ...(state.memo ? { memo: state.memo } : {}),
        tally: { taken: 0, refused: 0 },
      }),
      shell,
    );
  return { instance: { ...base, ...(environment ? { environment } : {}) }, readSteps: readJobSteps };
}

/**
 * The shell a `run:` step without `shell:` runs in: the job's `defaults.run.shell`, else the workflow's, else the
 * runner's own default: `pwsh` on Windows, bash elsewhere (then sh), which is undefined here
 * (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#defaultsrunshell). A value known
 * only when the job runs is kept as written, a shell the call inference does not read; so is the default of a runner
 * whose `runs-on` does not tell whether it is Windows.
 */
function defaultShell(
  file: string,
  job: TemplateToken,
  root: TemplateToken | undefined,
  contexts: Contexts,
): string | undefined {
  const jobShell = child(child(child(job, 'defaults'), 'run'), 'shell');
  const t = jobShell ?? child(child(child(root, 'defaults'), 'run'), 'shell');
  if (t === undefined) return runnerShell(file, child(job, 'runs-on'), contexts);
  const value = evaluateToken(file, t, jobShell ? contexts : {});
  const text = value.kind === 'known' ? String(value.value ?? '') : value.expression;
  return text.trim() === '' ? undefined : text;
}

/**
 * The default shell of the runner `runs-on` chooses (a label, a list of labels, or `{group, labels}`:
 * https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#jobsjob_idruns-on), each label
 * as the instance evaluates it: `pwsh` for a Windows runner (a GitHub-hosted `windows-*` image, or the `windows` label
 * of a self-hosted one: https://docs.github.com/en/actions/how-tos/manage-runners/self-hosted-runners/use-in-a-workflow),
 * undefined (bash) for a Linux or macOS one, else a description of what is not known.
 */
function runnerShell(file: string, runsOn: TemplateToken | undefined, contexts: Contexts): string | undefined {
  if (runsOn === undefined) return undefined;
  const tokens = isMappingToken(runsOn)
    ? [child(runsOn, 'labels')].flatMap((l) => (isSequenceToken(l) ? items(l) : l === undefined ? [] : [l]))
    : isSequenceToken(runsOn)
      ? items(runsOn)
      : [runsOn];
  const labels: string[] = [];
  for (const token of tokens) {
    const value = evaluateToken(file, token, contexts);
    if (value.kind !== 'known' || typeof value.value !== 'string') {
      return `the default shell of a runner that may run Windows (runs-on: ${value.expression ?? 'a value not read'})`;
    }
    labels.push(value.value.trim().toLowerCase());
  }
  // A label names its system as one of its parts: `windows-2022`, `ubuntu-24.04-arm`, a provider's
  // `buildjet-4vcpu-ubuntu-2204`, a self-hosted runner's `linux`.
  const windows = labels.some((l) => WINDOWS_LABEL.test(l));
  const other = labels.some((l) => OTHER_SYSTEM_LABEL.test(l));
  if (windows && !other) return 'pwsh';
  if (other && !windows) return undefined;
  const named = labels.join(', ') || (isMappingToken(runsOn) ? 'a runner group' : 'no label');
  return `the default shell of a runner that may run Windows (runs-on: ${named})`;
}

/** A runner label that names its system as one of its parts (see {@link runnerShell}). */
const systemLabel = (systems: string) => new RegExp(`(?:^|[-_.])(?:${systems})(?:$|[-_.0-9])`);
const WINDOWS_LABEL = systemLabel('windows');
const OTHER_SYSTEM_LABEL = systemLabel('ubuntu|linux|macos|debian|centos|rhel|fedora|alpine|amazonlinux');

/** Each step made once per shell: a remembered step stands in many instances (src/workflows/steps.ts). */
const WITH_SHELL = new WeakMap<
  JobInstance['steps'][number],
  { readonly shell: string; readonly step: JobInstance['steps'][number] }
>();

/**
 * The job's steps with the default shell given to each `run:` step of the job's own that names none; a composite
 * action's steps name their own (`shell` is required there:
 * https://docs.github.com/en/actions/reference/workflows-and-actions/metadata-syntax#runsstepsshell).
 */
function withDefaultShell(steps: JobInstance['steps'], shell: string | undefined): JobInstance['steps'] {
  if (shell === undefined) return steps;
  return steps.map((step) => {
    if (step.run === undefined || step.run.shell !== undefined || step.via.length > 0) return step;
    const known = WITH_SHELL.get(step);
    if (known?.shell === shell) return known.step;
    const made = { ...step, run: { ...step.run, shell } };
    WITH_SHELL.set(step, { shell, step: made });
    return made;
  });
}

/**
 * What a job's `uses:` calls: a local workflow's path, or a remote workflow's key (a call of another repository, or a
 * local call in a file of another repository: `src/workflows/remote.ts`), with `file` set when it was read, and why
 * a remote one was not.
 */
function calledTarget(
  loaded: LoadedFiles,
  from: string,
  uses: string,
): { readonly remote: boolean; readonly file?: string; readonly why?: string } {
  if (uses.startsWith('./') && !loaded.remote.has(from)) {
    const resolved = resolveLocal(uses);
    return { remote: false, ...('path' in resolved ? { file: resolved.path } : {}) };
  }
  const target = calledRemote(loaded.remote, from, uses);
  if (target === undefined) {
    if (uses.startsWith('./')) return { remote: true, why: `'${uses}' names no workflow file of that repository` };
    const parsed = parseRemoteUses(uses);
    return { remote: true, ...('error' in parsed ? { why: parsed.error } : {}) };
  }
  const key = remoteKey(target);
  const why = loaded.remoteFailures.get(key);
  return { remote: true, ...(loaded.files.has(key) ? { file: key } : {}), ...(why ? { why } : {}) };
}

/**
 * A job calling a reusable workflow: the called jobs evaluated with the inputs this job passes. A workflow of another
 * repository that was not read is noted where the job gives it no credentials, else an `unsupported` error.
 */
function callReusable(scope: JobScope, uses: string): void {
  const { state, parsed, id, token, contexts } = scope;
  const usesToken = child(token, 'uses');
  const position = positionOf(parsed.path, usesToken);
  const withValues = evaluateMap(parsed.path, child(token, 'with'), contexts);
  const acc = state.jobs.get(`${parsed.path}#${id}`);
  const target = calledTarget(state.loaded, parsed.path, uses);
  const calledFile = target.file;
  const reach =
    target.remote && calledFile === undefined ? credentialsGiven(parsed.path, token, parsed.root) : undefined;
  const notRead = `${uses} is not read${target.why ? ` (${target.why})` : ''}`;
  if (acc && !acc.job.calls) {
    const harmless =
      reach === '' ? { unreadHarmless: `${notRead}, and the job gives it neither id-token: write nor secrets` } : {};
    acc.job = {
      ...acc.job,
      calls: { uses, ...(calledFile ? { file: calledFile } : {}), with: withValues, position, ...harmless },
    };
  }
  if (reach !== undefined) {
    // Not read: it matters only where the job lets it obtain credentials.
    if (reach !== '') {
      const message = `${uses}: a reusable workflow of another repository is not read${target.why ? ` (${target.why})` : ''}, and the job lets it ${reach}`;
      state.errors.push({ code: 'unsupported', message, position });
    }
    return;
  }
  const called = calledFile ? state.loaded.files.get(calledFile) : undefined;
  if (!called || !calledFile) return;
  runCalled(scope, called, withValues, position);
}

/** The jobs of `called`, run through the calling job of `scope`, within the depth bound and without cycles. */
function runCalled(scope: JobScope, called: ParsedFile, withValues: ValueMap, position: SourcePosition): void {
  const { state, parsed, id, token, run, runs } = scope;
  const calledFile = called.path;
  const uses = stringOf(child(token, 'uses')) ?? calledFile;
  const chain = [...run.callers, { file: parsed.path, jobId: id, position }];
  if (calledFile === run.workflow || chain.some((c) => c.file === calledFile)) {
    state.errors.push({
      code: 'cycle',
      message: `${uses} calls a workflow already in the chain: ${chain.map((c) => `${c.file}#${c.jobId}`).join(' -> ')}`,
      position,
    });
    return;
  }
  if (chain.length > state.limits.callDepth) {
    state.errors.push({
      code: 'too-deep',
      message: `${uses}: more than ${state.limits.callDepth + 1} levels of workflows`,
      position,
    });
    return;
  }
  const inputs = callInputs(state, called, withValues, run.github);
  const calledContexts = fileContexts(state, called, run.github, inputs);
  const inherits =
    run.inheritsSecrets && stringOf(child(token, 'secrets'))?.trim() === 'inherit' && inheritReaches(state, calledFile);
  const passed = inherits ? undefined : passedSecrets(state, parsed.path, token, run, scope.contexts);
  const { passedSecrets: _caller, ...rest } = run;
  addFileJobs(
    state,
    called,
    { ...rest, callers: chain, runs, inheritsSecrets: inherits, ...(passed ? { passedSecrets: passed } : {}) },
    passed ? { ...calledContexts, secrets: passed } : calledContexts,
  );
}

/**
 * The secrets a calling job passes one by one: its `secrets:` mapping evaluated with the caller's own secrets (those
 * of the repository, at the top of a run; those passed to it, in a called workflow). Undefined when it passes none
 * this way.
 */
function passedSecrets(
  state: BuildState,
  file: string,
  token: TemplateToken,
  run: Run,
  contexts: Contexts,
): ContextValue | undefined {
  const mapping = child(token, 'secrets');
  if (mapping === undefined || !isMappingToken(mapping)) return undefined;
  const own = run.inheritsSecrets ? secretsContext(state.facts, undefined) : (run.passedSecrets ?? contexts.secrets);
  const values = evaluateMap(file, mapping, { ...contexts, secrets: own ?? open('secrets') });
  return open('secrets', Object.fromEntries(Object.entries(values).map(([k, v]) => [k, asContextValue(v)])));
}

/**
 * Whether `secrets: inherit` passes the secrets to `calledFile`: a local workflow, or one of another repository of the
 * same owner. "The inherit keyword can be used to pass secrets across repositories within the same organization, or
 * across organizations within the same enterprise"
 * (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#jobsjob_idsecretsinherit); an
 * enterprise is not known here, so for another owner's workflow the secrets stay unknown.
 */
function inheritReaches(state: BuildState, calledFile: string): boolean {
  const remote = state.loaded.remote.get(calledFile);
  if (remote === undefined) return true;
  const owner = state.facts.repository?.split('/')[0];
  return owner !== undefined && owner.toLowerCase() === remote.owner.toLowerCase();
}

/**
 * What a job calling a reusable workflow lets it obtain from GitHub: the OIDC token, when the job's `permissions:`
 * (else the workflow's) grant `id-token: write`, the default being `none` whatever the repository's setting; and the
 * secrets its `secrets:` passes. A called workflow can lower the permissions it is given, never raise them. '' when
 * neither.
 * https://docs.github.com/en/actions/sharing-automations/reusing-workflows#access-and-permissions-for-nested-workflows
 * https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect#adding-permissions-settings
 */
function credentialsGiven(file: string, job: TemplateToken, root: TemplateToken | undefined): string {
  // The block GitHub applies to the job (its own, else the workflow's), read as the token check reads it.
  const block = permissionsBlock(rawValue(file, child(job, 'permissions') ?? child(root, 'permissions')), 'job');
  const idToken = block !== undefined && grantOfBlock(block.value)['id-token'].most === 'write';
  const given = [
    ...(idToken ? ["request GitHub's OIDC token (id-token: write)"] : []),
    ...(child(job, 'secrets') !== undefined ? ['use the secrets it passes'] : []),
  ];
  return given.join(' and ');
}

/** The called workflow's `inputs`: each from the caller's `with:`, else its default, else its type's empty value. */
function callInputs(
  state: BuildState,
  called: ParsedFile,
  withValues: ValueMap,
  github: ContextValue,
): Record<string, ContextValue> {
  const defs = readInputs(called.path, child(child(called.root, 'on'), 'workflow_call'));
  const defaultContexts = fileContexts(state, called, github, {});
  const inputs = assignInputs(called.path, defs, withValues, defaultContexts);
  return inputs;
}
