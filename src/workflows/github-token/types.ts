/**
 * The parts of a workflow the GitHub token rules read: each job's `permissions:`, its steps, its timeout, and the
 * reusable workflow it calls. Narrow on purpose: the workflow model (src/workflows/) is read into these by the
 * pipeline, so the rules do not depend on how a workflow file is parsed.
 */
import type { RepositoryVisibility } from '../../model/runner.js';
import type { ScopeNeed } from './actions-table.js';
import type { DefaultPermissions, PermissionsBlock } from './effective.js';
import type { StepInput } from './needs.js';

/** One job. */
export interface TokenJob {
  readonly id: string;
  /** The line of the job's key. */
  readonly line?: number;
  /** The job's own `permissions:`. */
  readonly permissions?: PermissionsBlock;
  readonly steps: readonly StepInput[];
  /** `timeout-minutes`; GitHub's default is 360 (https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#jobsjob_idtimeout-minutes). */
  readonly timeoutMinutes?: number;
  /**
   * The steps of the job's run on a pull request from a fork, when the workflow model says one may run (a
   * `pull_request` trigger whose conditions do not rule out forks): GitHub lowers that run's token to read.
   */
  readonly forkSteps?: readonly StepInput[];
  /**
   * The `if:` that keeps the job from running on a pull request from a fork, when the model decides it false for
   * every such run of a `pull_request` trigger the job has: on that run the job needs nothing.
   */
  readonly forkRuledOut?: string;
  /**
   * Set when the job may run on a pull request from a fork only as far as the model can tell: its `if:` reads what is
   * not known for that run (`github.event.pull_request.user.login`), so whether it runs there is open.
   */
  readonly forkRunUnknown?: { readonly condition: string; readonly reason: string };
  /** Set when the job's steps could not be read (too many matrix combinations to list): none is checked. */
  readonly stepsUnread?: string;
  /** The reusable workflow the job calls (`jobs.<id>.uses`), when it was read. */
  readonly calls?: TokenWorkflow;
}

/** One workflow file. */
export interface TokenWorkflow {
  readonly file: string;
  /** The workflow's top-level `permissions:`. */
  readonly permissions?: PermissionsBlock;
  readonly jobs: readonly TokenJob[];
}

/** What the configuration says of GitHub tokens (schema/preflight.schema.json, `github`). */
export interface GitHubTokenSettings {
  /** `github.default-token-permissions`: `write` is permissive, `read` restricted; `unknown` when not set. */
  readonly defaultPermissions: DefaultPermissions;
  /** The repository's visibility (`github.repository-visibility`, else the event payload's); `unknown` when neither. */
  readonly visibility?: RepositoryVisibility | 'unknown';
  /** `github.job-token-needs`: job id → scopes its steps need beyond what the tables find. */
  readonly jobNeeds: Readonly<Record<string, readonly ScopeNeed[]>>;
}
