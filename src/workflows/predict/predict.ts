/**
 * The token GitHub would issue to a deploy job for one trigger: every claim GitHub documents that the workflow
 * decides (https://docs.github.com/en/actions/reference/security/oidc#oidc-token-claims), and each AWS can test in a
 * trust policy, predicted as a value (which may hold the run's ref, {@link REF}), absent, or unknown with the reason.
 * The refs come from src/workflows/predict/refs.ts, the `sub` from src/workflows/predict/subject.ts. Pure.
 */
import { GITHUB_OIDC_DOCS } from '../../tokens/github.js';
import { chainKey, jobName } from '../callers.js';
import { settingsRequest } from '../credentials.js';
import type { CallerRef, JobInstance, WorkflowJob, WorkflowStep, WorkflowTrigger, WorkflowValue } from '../model.js';
import { isCommitSha, remoteOf } from '../remote.js';
import { readsRef, refConstraints, withoutConstraints } from './conditions.js';
import { narrowRefs, predictRefs, type RefFacts, type RefPrediction } from './refs.js';
import {
  type Predicted,
  REF,
  REF_TYPE,
  type RepositoryIdentity,
  renderSubject,
  repoSegment,
  type SubjectTemplate,
  subjectContext,
} from './subject.js';

/** What is known of the repository the workflows run in; absent means not known. */
export interface RepositoryFacts extends RepositoryIdentity, RefFacts {
  /** Whether `sub` names the repository in the immutable form; unknown: both forms are predicted. */
  readonly immutableSubject?: boolean;
  /** The subject template; unknown: GitHub's default is assumed, and every finding says so. */
  readonly subjectTemplate?: SubjectTemplate;
}

/** configure-aws-credentials' default audience (https://github.com/aws-actions/configure-aws-credentials#oidc). */
export const DEFAULT_AWS_AUDIENCE = 'sts.amazonaws.com';
/** Fork pull requests: no write permission, so no `id-token: write` (GITHUB_OIDC_DOCS.permissions). */
export const FORK_DOC =
  'https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#permissions';

/** One exchange of the token for a role: a configure-aws-credentials step that does not chain. */
export interface PredictedExchange {
  readonly step: WorkflowStep;
  readonly role: WorkflowValue | undefined;
  readonly aud: Predicted;
  /** The refs the step runs for, when its or the job's `if:` narrows the trigger's (src/workflows/predict/conditions.ts). */
  readonly refs?: RefPrediction;
  /** A condition the model could not decide that reads the ref: the step may not run for every ref of the trigger. */
  readonly refCondition?: string;
}

/** The claims under one form of the `repo` segment. */
export interface ClaimVariant {
  readonly repoForm: 'names' | 'immutable';
  readonly claims: Readonly<Record<string, Predicted>>;
}

/** The token one job instance would get. */
export interface TokenPrediction {
  readonly job: WorkflowJob;
  readonly instance: JobInstance;
  readonly trigger: WorkflowTrigger;
  /** `release` in `.github/workflows/deploy.yml`, on push (tags `v*`). */
  readonly label: string;
  /** The two halves of {@link label}: the job, and the trigger (`push (tags \`v*\`)`). */
  readonly labels: { readonly job: string; readonly trigger: string };
  /** Whether GitHub issues a token at all: never to a fork's pull request. */
  readonly issued: { readonly kind: 'yes' } | { readonly kind: 'no'; readonly reason: string };
  /**
   * Whether a pull request from a fork reaches the job's credential steps (and gets no token there): `surely`, `maybe`
   * when an `if:` on the way (the job's, a caller's, or the steps') is not decided before the run, or `no` (not a
   * pull_request run, or the repository's own pull request).
   */
  readonly forkReach: ForkReach;
  readonly refs: RefPrediction;
  /** One variant when the repository's subject form is known, two (names, immutable) when not. */
  readonly variants: readonly ClaimVariant[];
  readonly exchanges: readonly PredictedExchange[];
  /** What the prediction takes for granted because it was not read. */
  readonly assumptions: readonly string[];
  /** The subject template the `sub` is written in: the repository's as given or read, or GitHub's default `assumed`. */
  readonly template: SubjectTemplate;
}

/** Whether pull requests from forks run a job's credential steps; `maybe` names the condition not decided. */
export type ForkReach =
  | { readonly kind: 'no' }
  | { readonly kind: 'surely' }
  | { readonly kind: 'maybe'; readonly condition: string; readonly reason: string };

/** What the prediction reads besides the job. */
export interface PredictContext {
  readonly repo: RepositoryFacts;
  /** The jobs of the model, to follow a reusable workflow's callers to their `uses:`. */
  readonly jobs: readonly WorkflowJob[];
  /** The workflow files' names (`name:`), by path. */
  readonly workflowNames: Readonly<Record<string, string | undefined>>;
}

const eventOf = (t: WorkflowTrigger) => (t.event === 'other' ? t.eventName : t.event);
const value = (v: string): Predicted => ({ kind: 'value', value: v });
const unknownClaim = (reason: string, docUrl?: string): Predicted => ({
  kind: 'unknown',
  reason,
  ...(docUrl ? { docUrl } : {}),
});

/**
 * Predicts the token of every deploy job instance that runs (`runs` not `never`) and reaches a credential step for
 * this trigger (a step whose `if:` is decided false, or requires refs the trigger never has, asks for no token).
 */
export function predictTokens(ctx: PredictContext): TokenPrediction[] {
  const out: TokenPrediction[] = [];
  for (const job of ctx.jobs) {
    if (!job.deploy) continue;
    for (const instance of job.instances) {
      if (instance.runs.kind === 'never') continue;
      const p = predictToken(job, instance, ctx);
      if (p.exchanges.length > 0) out.push(p);
    }
  }
  return out;
}

/** The token one instance of a deploy job would get. */
export function predictToken(job: WorkflowJob, instance: JobInstance, ctx: PredictContext): TokenPrediction {
  const trigger = instance.trigger;
  const event = eventOf(trigger);
  const refs = predictRefs(trigger, ctx.repo);
  const assumptions: string[] = [];
  const template: SubjectTemplate = ctx.repo.subjectTemplate ?? { keys: 'default', source: 'assumed' };
  if (!ctx.repo.subjectTemplate) {
    assumptions.push("the repository uses GitHub's default subject template (its customization was not read)");
  }
  const forms: ('names' | 'immutable')[] =
    ctx.repo.immutableSubject === undefined
      ? ['names', 'immutable']
      : [ctx.repo.immutableSubject ? 'immutable' : 'names'];
  const base = baseClaims(job, instance, ctx, refs, event);
  const variants = forms.map((repoForm): ClaimVariant => {
    const context = subjectContext(base.environment ?? { kind: 'absent' }, event, base.ref ?? { kind: 'absent' });
    const sub = renderSubject(template, repoSegment(ctx.repo, repoForm === 'immutable'), context, base);
    return { repoForm, claims: { ...base, sub } };
  });
  const fork = event === 'pull_request' && trigger.fork === true;
  const predicted = exchanges(instance).flatMap((e) => narrow(e, instance, refs));
  return {
    job,
    instance,
    trigger,
    label: `${jobLabel(job, trigger)} on ${triggerLabel(trigger)}`,
    labels: { job: jobLabel(job, trigger), trigger: triggerLabel(trigger) },
    issued: fork ? { kind: 'no', reason: 'GitHub gives no OIDC token to a pull request from a fork' } : { kind: 'yes' },
    forkReach: event === 'pull_request' && trigger.fork !== false ? forkReach(instance, predicted) : { kind: 'no' },
    refs,
    variants,
    exchanges: predicted,
    assumptions,
    template,
  };
}

/**
 * How surely a fork's pull request reaches a credential step: an `if:` of the job (or of a job calling it, both in
 * `instance.runs`) not decided before the run may keep the job from such a run (a gate job's output, a secret), and
 * so may one on every credential step. GitHub skips a job or step whose `if:` is false
 * (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#jobsjob_idif), so only a path
 * with no undecided condition surely runs.
 */
function forkReach(instance: JobInstance, predicted: readonly PredictedExchange[]): ForkReach {
  if (instance.runs.kind === 'unknown') return maybe(instance.runs);
  const undecided = predicted.map((e) => e.step.runs);
  if (undecided.some((r) => r.kind === 'always')) return { kind: 'surely' };
  const first = undecided.find((r) => r.kind === 'unknown');
  return first?.kind === 'unknown' ? maybe(first) : { kind: 'surely' };
}

const maybe = (r: Extract<JobInstance['runs'], { kind: 'unknown' }>): ForkReach => ({
  kind: 'maybe',
  condition: r.condition,
  reason: r.reason,
});

/** Every claim but `sub` and `aud`. */
function baseClaims(
  job: WorkflowJob,
  instance: JobInstance,
  ctx: PredictContext,
  refs: RefPrediction,
  event: string,
): Record<string, Predicted> {
  const repo = `${ctx.repo.owner}/${ctx.repo.name}`;
  const ref: Predicted =
    refs.kind === 'known'
      ? value(REF)
      : { ...unknownClaim(refs.reason, refs.docUrl), ...(refs.prefix !== undefined ? { prefix: refs.prefix } : {}) };
  const name = ctx.workflowNames[instance.workflow];
  // A claim that ends in the ref, known up to the ref's beginning when that is.
  const endsInRef = (head: string): Predicted =>
    ref.kind === 'value'
      ? value(`${head}${REF}`)
      : ref.kind === 'unknown' && ref.prefix
        ? { ...ref, prefix: `${head}${ref.prefix}` }
        : ref;
  const claims: Record<string, Predicted> = {
    event_name: value(event),
    repository: value(repo),
    repository_owner: value(ctx.repo.owner),
    ref,
    ref_type: ref.kind === 'value' ? value(REF_TYPE) : ref.kind === 'unknown' && ref.prefix ? refType(ref.prefix) : ref,
    environment: environmentClaim(instance),
    workflow_ref: endsInRef(`${repo}/${instance.workflow}@`),
    job_workflow_ref: jobWorkflowRef(job, instance, ctx, repo, ref),
    // GITHUB_WORKFLOW: the workflow's name, or its file's path when it has none
    // (https://docs.github.com/en/actions/reference/workflows-and-actions/variables#default-environment-variables).
    workflow: value(name ?? instance.workflow),
    actor: unknownClaim('the account that starts the run'),
    actor_id: unknownClaim('the account that starts the run'),
    enterprise_id: unknownClaim('whether and which enterprise owns the repository was not read'),
  };
  // Every run's token carries the IDs; not given, they are unknown (a trust on them is then undecided, never denied).
  const notGiven = unknownClaim('the ID was not given (--owner-id, --repo-id)');
  claims.repository_id = ctx.repo.repoId !== undefined ? value(ctx.repo.repoId) : notGiven;
  claims.repository_owner_id = ctx.repo.ownerId !== undefined ? value(ctx.repo.ownerId) : notGiven;
  return claims;
}

/** `environment` is the job's environment name; a job without one gets no such claim (GITHUB_OIDC_DOCS.subject). */
function environmentClaim(instance: JobInstance): Predicted {
  const env = instance.environment?.name;
  if (!env) return { kind: 'absent' };
  if (env.kind === 'unknown') return unknownClaim(`the environment is \`${env.expression}\`: ${env.reason}`);
  if (env.value === '') {
    // Workflow syntax (`jobs.<job_id>.environment`) does not say what an empty name does: the job may run with no
    // environment (the `sub` of its ref or pull request) or be refused; neither is guessed.
    return unknownClaim(
      "the environment name is empty (`''`): GitHub's documentation does not say whether the job then runs without an environment",
    );
  }
  return typeof env.value === 'string' ? value(env.value) : unknownClaim('the environment name is not a string');
}

/**
 * `job_workflow_ref`: the workflow file the job is written in, `OWNER/REPO/PATH@REF`. For a job of a reusable workflow
 * called with a local path (`./.github/workflows/x.yml`) every link runs at the caller's commit, so the ref is the
 * run's. A job of a workflow of another repository (its model path is `OWNER/REPO/PATH@REF`, src/workflows/remote.ts)
 * has "the ref path to the reusable workflow"
 * (https://docs.github.com/en/actions/reference/security/oidc#oidc-token-claims): called at a commit SHA, which names
 * no branch or tag, the path ends in that SHA as written; called at a branch or tag name, GitHub's example token
 * shows the full ref (`…/oidc.yml@refs/heads/main`,
 * https://docs.github.com/en/actions/how-tos/secure-your-work/security-harden-deployments/oidc-with-reusable-workflows),
 * and the name alone does not say which of `refs/heads/` or `refs/tags/` it is
 * (https://docs.github.com/en/actions/sharing-automations/reusing-workflows#calling-a-reusable-workflow).
 */
function jobWorkflowRef(
  job: WorkflowJob,
  instance: JobInstance,
  ctx: PredictContext,
  repo: string,
  ref: Predicted,
): Predicted {
  const remote = remoteOf(job.file);
  if (remote !== undefined) {
    return isCommitSha(remote.ref)
      ? value(job.file)
      : unknownClaim(
          `${job.file} is called at \`${remote.ref}\`, a branch or a tag name: which of the two is not known`,
        );
  }
  if (ref.kind !== 'value' && !(ref.kind === 'unknown' && ref.prefix)) return ref;
  const callers: readonly CallerRef[] = instance.trigger.callers ?? [];
  for (const caller of callers) {
    const uses = ctx.jobs.find((j) => j.file === caller.file && j.id === caller.jobId)?.calls?.uses;
    if (uses === undefined) return unknownClaim(`the calling job \`${caller.jobId}\` in ${caller.file} was not read`);
    if (!uses.startsWith('./')) {
      return unknownClaim(`\`${uses}\` is called from another repository, at a ref whose kind is not known`);
    }
  }
  return ref.kind === 'unknown'
    ? { ...ref, prefix: `${repo}/${job.file}@${ref.prefix ?? ''}` }
    : value(`${repo}/${job.file}@${REF}`);
}

/** The audience each exchange asks for: configure-aws-credentials' `audience`, or its default. */
function exchanges(instance: JobInstance): PredictedExchange[] {
  const out: PredictedExchange[] = [];
  for (const step of instance.credentialSteps) {
    const use = step.credential;
    if (!use) continue;
    if (use.kind === 'oidc-token') {
      // core.getIDToken(audience): without one, the owner's URL (https://docs.github.com/en/actions/reference/security/oidc#oidc-token-claims).
      out.push({ step, role: undefined, aud: unknownClaim(`the step requests the token itself (${use.evidence})`) });
      continue;
    }
    // A step that assumes its role with access keys, a token file or the credentials before it (or assumes none)
    // requests no token of GitHub: it is no exchange (src/pipeline/deploy-jobs.ts reports it unverified).
    if (use.chains || settingsRequest(use.settings).kind === 'no') continue;
    const a = use.settings.audience;
    const aud: Predicted = !a
      ? value(DEFAULT_AWS_AUDIENCE)
      : a.kind === 'unknown'
        ? unknownClaim(`\`audience\` is \`${a.expression}\`: ${a.reason}`)
        : value(String(a.value));
    out.push({ step, role: use.settings.roleToAssume, aud });
  }
  return out;
}

/**
 * An exchange with the refs its step runs for: the step is dropped when its `if:` is decided false for this trigger,
 * its refs narrowed to those a condition of the job or the step requires, and a condition that reads the ref but does
 * not narrow it in that form is kept to be named.
 */
function narrow(e: PredictedExchange, instance: JobInstance, refs: RefPrediction): PredictedExchange[] {
  if (e.step.runs.kind === 'never') return [];
  const conditions = [instance.runs, e.step.runs].flatMap((r) => (r.kind === 'unknown' ? [r.condition] : []));
  const event = eventOf(instance.trigger);
  let out: PredictedExchange = e;
  for (const condition of conditions) {
    const constraints = refConstraints(condition, event);
    if (constraints) {
      const narrowed = narrowRefs(out.refs ?? refs, constraints);
      if (narrowed.kind === 'known' && narrowed.spaces.length === 0) return [];
      out = { ...out, refs: narrowed };
    }
    // A condition that reads the ref in a form not read here may still keep some refs from the step.
    if (readsRef(withoutConstraints(condition, event))) out = { ...out, refCondition: condition };
  }
  return [out];
}

/**
 * How findings' ids name a prediction's job: its file and id, then each job of the chain that calls it
 * (`<-.github/workflows/release.yml#call`), so that one reusable workflow called by several jobs, each with its own
 * inputs, secrets and conditions, gives one finding per caller (the label names the chain, {@link jobLabel}).
 */
export function jobKey(p: Pick<TokenPrediction, 'job' | 'trigger'>): string {
  return `${p.job.file}:${p.job.id}${chainKey(p.trigger.callers ?? [])}`;
}

/** How findings name a job: its id, file, and the caller it runs through. */
function jobLabel(job: WorkflowJob, trigger: WorkflowTrigger): string {
  return jobName(job, trigger.callers ?? []);
}

/** How findings name a trigger: the event, a fork's or the repository's pull request, and its filters. */
function triggerLabel(trigger: WorkflowTrigger): string {
  const filters: string[] = [];
  if (trigger.branches) filters.push(`branches ${trigger.branches.map((b) => `\`${b}\``).join(', ')}`);
  if (trigger.branchesIgnore)
    filters.push(`branches-ignore ${trigger.branchesIgnore.map((b) => `\`${b}\``).join(', ')}`);
  if (trigger.tags) filters.push(`tags ${trigger.tags.map((b) => `\`${b}\``).join(', ')}`);
  if (trigger.tagsIgnore) filters.push(`tags-ignore ${trigger.tagsIgnore.map((b) => `\`${b}\``).join(', ')}`);
  const fork = trigger.fork === true ? ' from a fork' : trigger.fork === false ? ' from the repository' : '';
  return `${eventOf(trigger)}${fork}${filters.length ? ` (${filters.join('; ')})` : ''}`;
}

/** `ref_type` from the ref: `branch` under refs/heads/, `tag` under refs/tags/, else not documented. */
export function refType(ref: string): Predicted {
  if (ref.startsWith('refs/heads/')) return value('branch');
  if (ref.startsWith('refs/tags/')) return value('tag');
  return unknownClaim(`the type of \`${ref}\` is not documented`, GITHUB_OIDC_DOCS.subject);
}

/**
 * A predicted value for one ref: {@link REF} replaced by it, {@link REF_TYPE} by its type (so a template naming
 * `ref_type` gives `sub` `…:ref_type:tag`, GITHUB_OIDC_DOCS.customTemplate); unknown when the value holds the type and
 * the ref's is not documented. The ref may be an IAM glob of refs (`refs/heads/release/*`): its prefix still decides
 * the type.
 */
export function fillRef(v: string, ref: string): Predicted {
  const filled = v.split(REF).join(ref);
  if (!filled.includes(REF_TYPE)) return value(filled);
  const type = refType(ref);
  return type.kind === 'value' ? value(filled.split(REF_TYPE).join(type.value)) : type;
}

/** The claims for one ref of the prediction's refs: each value filled by {@link fillRef}. */
export function claimsForRef(variant: ClaimVariant, ref: string): Record<string, Predicted> {
  const out: Record<string, Predicted> = {};
  for (const [k, v] of Object.entries(variant.claims)) out[k] = v.kind === 'value' ? fillRef(v.value, ref) : v;
  return out;
}
