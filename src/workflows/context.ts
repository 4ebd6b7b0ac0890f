/**
 * The expression contexts of one job instance: what `github.*` holds for its trigger, `inputs.*`, `matrix.*`,
 * `vars.*` (from the caller's map) and `env.*`. What cannot be known before the run is {@link Unknown}; the `github`
 * context is open, so any field not listed here is unknown too, never empty.
 * Contexts: https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/accessing-contextual-information-about-workflow-runs
 */
import { type ContextValue, open, Unknown } from './expressions.js';
import type { WorkflowTrigger } from './model.js';

/** What the caller knows of the repository (each optional: without it, the values that depend on it are unknown). */
export interface RepositoryFacts {
  /** `owner/name`. */
  readonly repository?: string;
  /** The default branch's name. */
  readonly defaultBranch?: string;
  readonly vars?: Readonly<Record<string, string>>;
}

/** A pattern with none of the filter pattern's special characters names exactly one ref. */
function literalPattern(patterns: readonly string[] | undefined): string | undefined {
  if (patterns?.length !== 1) return undefined;
  const only = patterns[0] ?? '';
  return /[*?+[\]!]/.test(only) ? undefined : only;
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
      return { ref: new Unknown('github.ref (refs/pull/<number>/merge)'), refType: 'branch' };
    default:
      return {
        ref: new Unknown(`github.ref (the ref a ${trigger.eventName} runs on)`),
        refType: new Unknown('github.ref_type'),
      };
  }
}

/** `github.event` for the trigger: the dispatch inputs, and the pull request's head repository when split by fork. */
function eventOf(
  trigger: WorkflowTrigger,
  inputs: Readonly<Record<string, ContextValue>>,
  facts: RepositoryFacts,
): ContextValue {
  if (trigger.event === 'workflow_dispatch') {
    // `github.event.inputs` holds the dispatch inputs, booleans as strings.
    // https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/accessing-contextual-information-about-workflow-runs#inputs-context
    const strings = Object.fromEntries(
      Object.entries(inputs).map(([k, v]) => [k, typeof v === 'boolean' || typeof v === 'number' ? String(v) : v]),
    );
    return open('github.event', { inputs: strings });
  }
  if ((trigger.event === 'pull_request' || trigger.event === 'pull_request_target') && trigger.fork !== undefined) {
    const fullName: ContextValue =
      !trigger.fork && facts.repository
        ? facts.repository
        : new Unknown('github.event.pull_request.head.repo.full_name');
    const repo = open('github.event.pull_request.head.repo', { fork: trigger.fork, full_name: fullName });
    const head = open('github.event.pull_request.head', { repo });
    return open('github.event', { pull_request: open('github.event.pull_request', { head }) });
  }
  return open('github.event');
}

/** The `github` context of a trigger. */
export function githubContext(
  trigger: WorkflowTrigger,
  inputs: Readonly<Record<string, ContextValue>>,
  facts: RepositoryFacts,
): ContextValue {
  const { ref, refType } = refOf(trigger, facts);
  const refName: ContextValue =
    typeof ref === 'string' ? ref.replace(/^refs\/(heads|tags)\//, '') : new Unknown('github.ref_name');
  const repository: ContextValue = facts.repository ?? new Unknown('github.repository (not given)');
  const owner: ContextValue = facts.repository?.split('/')[0] ?? new Unknown('github.repository_owner (not given)');
  return open('github', {
    event_name: trigger.eventName,
    ref,
    ref_name: refName,
    ref_type: refType,
    repository,
    repository_owner: owner,
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

/** `vars.*`: the caller's values; any other is unknown. */
export function varsContext(facts: RepositoryFacts): ContextValue {
  return open('vars', { ...(facts.vars ?? {}) });
}
