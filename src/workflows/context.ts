/**
 * The expression contexts of one job instance: what `github.*` holds for its trigger, `inputs.*`, `matrix.*`,
 * `vars.*` (from the caller's map) and `env.*`. What cannot be known before the run is {@link Unknown}; the `github`
 * context is open, so any field not listed here is unknown too, never empty.
 * Contexts: https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/accessing-contextual-information-about-workflow-runs
 */
import { type ContextValue, listed, open, Unknown, UnknownDiffering } from './expressions.js';
import type { VariableListing, Variables, WorkflowTrigger } from './model.js';

/** What the caller knows of the repository (each optional: without it, the values that depend on it are unknown). */
export interface RepositoryFacts {
  /** `owner/name`. */
  readonly repository?: string;
  /** The repository's and its owner's numeric IDs. */
  readonly repositoryId?: string;
  readonly repositoryOwnerId?: string;
  /** The default branch's name. */
  readonly defaultBranch?: string;
  /** A plain map is some of the repository's variables; see {@link Variables}. */
  readonly vars?: Readonly<Record<string, string>> | Variables;
  /** What some secrets hold, declared (partial listings: see {@link secretsContext}). */
  readonly secrets?: Variables;
}

/** A pattern with none of the filter pattern's special characters names exactly one ref. */
function literalPattern(patterns: readonly string[] | undefined): string | undefined {
  if (patterns?.length !== 1) return undefined;
  const only = patterns[0] ?? '';
  return /[*?+[\]!]/.test(only) ? undefined : only;
}

/** A pull request's merge branch, as `github.ref` and as `github.ref_name` (tried on GitHub's upper case). */
const PULL_MERGE_REF = /^refs\/pull\/\d+\/merge$/i;
const PULL_MERGE_REF_NAME = /^\d+\/merge$/i;

/**
 * `github.ref` (or `github.ref_name`) of a `pull_request` run: the pull request's merge branch,
 * `refs/pull/<number>/merge` (`<number>/merge`), its number unknown, so it is known only to differ from any string
 * that is not of that form. A pull request closed by being merged runs on the branch it was merged into, so when the
 * trigger's types include `closed` the ref is unknown
 * (https://docs.github.com/en/actions/reference/workflows-and-actions/events-that-trigger-workflows#pull_request).
 */
function pullRequestRef(trigger: WorkflowTrigger, name: string, form: string, pattern: RegExp): ContextValue {
  const reason = `${name} (${form})`;
  if (trigger.types?.some((type) => type.toLowerCase() === 'closed')) {
    return new Unknown(`${name} (${form}, or the base branch when merged)`);
  }
  return new UnknownDiffering(reason, [], pattern);
}

/**
 * `github.ref` and `github.ref_type` of a trigger, as far as the trigger fixes them. The ref each event runs on:
 * https://docs.github.com/en/actions/writing-workflows/choosing-when-your-workflow-runs/events-that-trigger-workflows
 */
function refOf(trigger: WorkflowTrigger, facts: RepositoryFacts): { ref: ContextValue; refType: ContextValue } {
  const defaultRef: ContextValue = facts.defaultBranch
    ? `refs/heads/${facts.defaultBranch}`
    : new Unknown('github.ref (the default branch, not given)');
  switch (trigger.event) {
    case 'push': {
      const tag = trigger.tags !== undefined || trigger.tagsIgnore !== undefined;
      const branch = literalPattern(trigger.branches);
      const tagName = literalPattern(trigger.tags);
      if (tag) {
        const ref =
          tagName && !trigger.tagsIgnore
            ? `refs/tags/${tagName}`
            : new Unknown('github.ref (a tag matching the filter)');
        return { ref, refType: 'tag' };
      }
      if (trigger.branches !== undefined || trigger.branchesIgnore !== undefined) {
        const ref =
          branch && !trigger.branchesIgnore
            ? `refs/heads/${branch}`
            : new Unknown('github.ref (a branch matching the filter)');
        return { ref, refType: 'branch' };
      }
      return { ref: new Unknown('github.ref (any branch or tag pushed)'), refType: new Unknown('github.ref_type') };
    }
    case 'schedule':
    case 'workflow_run':
      return { ref: defaultRef, refType: 'branch' };
    case 'release':
      return { ref: new Unknown('github.ref (the release tag)'), refType: 'tag' };
    case 'pull_request':
      return {
        ref: pullRequestRef(trigger, 'github.ref', 'refs/pull/<number>/merge', PULL_MERGE_REF),
        refType: 'branch',
      };
    default:
      return {
        ref: new Unknown(`github.ref (the ref a ${trigger.eventName} runs on)`),
        refType: new Unknown('github.ref_type'),
      };
  }
}

/**
 * The events whose webhook payload has no `pull_request` key, so `github.event.pull_request` is null there
 * (https://docs.github.com/en/webhooks/webhook-events-and-payloads; a schedule's event holds only `schedule`:
 * https://docs.github.com/en/actions/writing-workflows/choosing-when-your-workflow-runs/events-that-trigger-workflows#schedule).
 * Nothing else of their payload is set: the rest stays open.
 */
const WITHOUT_PULL_REQUEST: ReadonlySet<string> = new Set([
  'push',
  'workflow_dispatch',
  'schedule',
  'release',
  'merge_group',
  'workflow_run',
]);

/**
 * The events whose webhook payload holds the `repository` the workflow runs in
 * (https://docs.github.com/en/webhooks/webhook-events-and-payloads: push, pull_request, workflow_dispatch, release,
 * workflow_run, merge_group; a schedule's event holds only `schedule`). Its name, full name and owner are then known
 * where the repository is: `github.event.repository.name` in a session name or an S3 key.
 */
const WITH_REPOSITORY: ReadonlySet<string> = new Set([
  'push',
  'pull_request',
  'pull_request_target',
  'workflow_dispatch',
  'release',
  'workflow_run',
  'merge_group',
]);

/** `github.event.repository` as far as the repository's name tells it; the rest stays open. */
function eventRepository(repository: string): ContextValue {
  const [owner = '', name = ''] = repository.split('/');
  return open('github.event.repository', {
    name,
    full_name: repository,
    owner: open('github.event.repository.owner', { login: owner }),
  });
}

/**
 * The pull request's head repository when the trigger is split by fork. A fork's full name is unknown, but it is
 * never the base repository's: a fork lives under another owner
 * (https://docs.github.com/en/pull-requests/collaborating-with-pull-requests/working-with-forks/about-forks).
 */
function headRepository(fork: boolean, facts: RepositoryFacts): ContextValue {
  const name = 'github.event.pull_request.head.repo.full_name';
  let fullName: ContextValue;
  if (!facts.repository) fullName = new Unknown(name);
  else if (fork) fullName = new UnknownDiffering(`${name} (a fork's, never ${facts.repository})`, [facts.repository]);
  else fullName = facts.repository;
  return open('github.event.pull_request.head.repo', { fork, full_name: fullName });
}

/**
 * `github.event` for the trigger: the dispatch inputs, no pull request where the event's payload has none, and the
 * pull request's head repository when split by fork.
 */
function eventOf(
  trigger: WorkflowTrigger,
  inputs: Readonly<Record<string, ContextValue>>,
  facts: RepositoryFacts,
): ContextValue {
  const fields: Record<string, ContextValue> = {};
  if (WITHOUT_PULL_REQUEST.has(trigger.event)) fields.pull_request = null;
  if (WITH_REPOSITORY.has(trigger.event) && facts.repository) fields.repository = eventRepository(facts.repository);
  if (trigger.event === 'workflow_dispatch') {
    // `github.event.inputs` holds the dispatch inputs, booleans as strings.
    // https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/accessing-contextual-information-about-workflow-runs#inputs-context
    fields.inputs = Object.fromEntries(
      Object.entries(inputs).map(([k, v]) => [k, typeof v === 'boolean' || typeof v === 'number' ? String(v) : v]),
    );
  }
  if ((trigger.event === 'pull_request' || trigger.event === 'pull_request_target') && trigger.fork !== undefined) {
    const head = open('github.event.pull_request.head', { repo: headRepository(trigger.fork, facts) });
    fields.pull_request = open('github.event.pull_request', { head });
  }
  return open('github.event', fields);
}

/** The `github` context of a trigger. */
export function githubContext(
  trigger: WorkflowTrigger,
  inputs: Readonly<Record<string, ContextValue>>,
  facts: RepositoryFacts,
): ContextValue {
  const { ref, refType } = refOf(trigger, facts);
  let refName: ContextValue =
    typeof ref === 'string' ? ref.replace(/^refs\/(heads|tags)\//, '') : new Unknown('github.ref_name');
  if (trigger.event === 'pull_request') {
    refName = pullRequestRef(trigger, 'github.ref_name', '<number>/merge', PULL_MERGE_REF_NAME);
  }
  const repository: ContextValue = facts.repository ?? new Unknown('github.repository (not given)');
  const owner: ContextValue = facts.repository?.split('/')[0] ?? new Unknown('github.repository_owner (not given)');
  // A called workflow sees its caller's event; called from outside the files read, that event is not known.
  // https://docs.github.com/en/actions/sharing-automations/reusing-workflows#using-inputs-and-secrets-in-a-reusable-workflow
  const eventName: ContextValue =
    trigger.event === 'workflow_call'
      ? new Unknown('github.event_name (the event of a caller outside the workflows read)')
      : trigger.eventName;
  return open('github', {
    event_name: eventName,
    ref,
    ref_name: refName,
    ref_type: refType,
    repository,
    repository_owner: owner,
    // https://docs.github.com/en/actions/reference/workflows-and-actions/contexts#github-context
    repository_id: facts.repositoryId ?? new Unknown('github.repository_id'),
    repository_owner_id: facts.repositoryOwnerId ?? new Unknown('github.repository_owner_id'),
    event: eventOf(trigger, inputs, facts),
  });
}

/** The contexts no value of which is known before the run. */
export const UNKNOWN_CONTEXTS: Readonly<Record<string, ContextValue>> = {
  secrets: open('secrets'),
  steps: open('steps'),
  needs: open('needs'),
  job: open('job'),
  jobs: open('jobs'),
  runner: open('runner'),
  strategy: open('strategy'),
};

/** The facts' variables as listings: a plain map is part of the repository's. */
function variablesOf(facts: RepositoryFacts): Variables {
  const vars = facts.vars;
  if (vars === undefined) return {};
  const isListings =
    (typeof vars.repository === 'object' && vars.repository !== null) ||
    (typeof vars.environments === 'object' && vars.environments !== null);
  if (isListings) return vars as Variables;
  return { repository: { values: vars as Readonly<Record<string, string>>, complete: false, source: 'the caller' } };
}

/** Values by their upper-case name (GitHub's variable names do not depend on case), later listings over earlier. */
function merged(...listings: ReadonlyArray<VariableListing | undefined>): Map<string, [string, string]> {
  const out = new Map<string, [string, string]>();
  for (const listing of listings)
    for (const [name, value] of Object.entries(listing?.values ?? {})) out.set(name.toUpperCase(), [name, value]);
  return out;
}

/** An environment's listing, its name matched without regard to case. */
function environmentListing(variables: Variables, name: string): VariableListing | undefined {
  const environments = variables.environments ?? {};
  const key = Object.keys(environments).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : environments[key];
}

/**
 * `vars.*` of a job: the repository's variables (the organization's under them), and in a job that names an
 * environment, that environment's own over both. A name no whole listing rules out is unknown; a repository value
 * that an environment without a whole listing may replace is unknown too, never guessed.
 * https://docs.github.com/en/actions/how-tos/write-workflows/choose-what-workflows-do/use-variables
 */
export function varsContext(facts: RepositoryFacts, environment?: ContextValue): ContextValue {
  return remembered(facts, 'vars', environment, () => listingContext('vars', variablesOf(facts), environment));
}

/**
 * The contexts made per facts, name and environment: every instance of every job in one environment shares one
 * object, so what is worked out of it (converted for the evaluator, keyed by src/workflows/reads.ts) is done once.
 */
const MADE = new WeakMap<RepositoryFacts, Map<string, ContextValue>>();

function remembered(
  facts: RepositoryFacts,
  name: string,
  environment: ContextValue | undefined,
  make: () => ContextValue,
): ContextValue {
  // Only a known name (or none) is remembered; an unknown one carries its own reason.
  if (environment !== undefined && typeof environment !== 'string') return make();
  let made = MADE.get(facts);
  if (made === undefined) {
    made = new Map();
    MADE.set(facts, made);
  }
  const key = `${name}\u0000${environment === undefined ? '' : `=${environment}`}`;
  let value = made.get(key);
  if (value === undefined) {
    value = make();
    made.set(key, value);
  }
  return value;
}

/**
 * `secrets.*` of a job, where the configuration declares what some secrets hold (role ARNs and account IDs, which are
 * not secret in themselves): an environment's secret over the repository's and the organization's, as for variables
 * (https://docs.github.com/en/actions/how-tos/write-workflows/choose-what-workflows-do/use-secrets). No listing of
 * secrets is ever whole: any other secret is unknown.
 */
export function secretsContext(facts: RepositoryFacts, environment?: ContextValue): ContextValue {
  return remembered(facts, 'secrets', environment, () => listingContext('secrets', facts.secrets ?? {}, environment));
}

/** A `vars`- or `secrets`-like context of a job from listings by level (see {@link varsContext}). */
function listingContext(context: string, variables: Variables, environment: ContextValue | undefined): ContextValue {
  const repository = variables.repository;
  if (environment === undefined) {
    const values = Object.fromEntries([...merged(repository).values()]);
    return repository?.complete ? listed(values) : open(context, values);
  }
  if (typeof environment !== 'string') {
    // Which environment's values apply is not known: only the names no listing sets could be known, and none is.
    const why = `the environment of the job (${environment instanceof Unknown ? environment.reason : 'not a name'}) may set its own`;
    return open(context, replaceable(context, repository, why));
  }
  const own = environmentListing(variables, environment);
  const why = `environment ${environment} may set its own`;
  if (own === undefined) return open(context, replaceable(context, repository, why));
  const values = Object.fromEntries([...merged(repository, own).values()]);
  if (!own.complete) {
    // Its listing is partial: the repository's values it does not list may still be replaced.
    const byName = new Map<string, [string, ContextValue]>();
    for (const [name, value] of Object.entries(replaceable(context, repository, why)))
      byName.set(name.toUpperCase(), [name, value]);
    for (const [upper, entry] of merged(own)) byName.set(upper, entry);
    return open(context, Object.fromEntries([...byName.values()]));
  }
  return repository?.complete ? listed(values) : open(context, values);
}

/** The repository's names, each unknown: an environment may replace it. */
function replaceable(
  context: string,
  repository: VariableListing | undefined,
  why: string,
): Record<string, ContextValue> {
  const out: Record<string, ContextValue> = {};
  for (const [, [name]] of merged(repository)) out[name] = new Unknown(`${context}.${name} (${why})`);
  return out;
}
