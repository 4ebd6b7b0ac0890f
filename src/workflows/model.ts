/**
 * The workflow model: what `.github/workflows/*.yml` (with the local reusable workflows and composite actions they
 * use) say about the jobs that will ask for credentials. Types only; `readWorkflowModel` (`src/workflows/index.ts`)
 * builds it from file texts. Every value read from a file keeps where it was written (`SourcePosition`), and every
 * value that cannot be known before the run (a secret, a step output, a `vars.*` not given) is `unknown`, with the
 * expression and its position, never a guess.
 *
 * Workflow syntax: https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions
 */

import type { TextPiece } from '../model/text-shape.js';
import type { Variables } from '../model/variables.js';
import type { RemoteWorkflowRef } from './remote.js';

export type { VariableListing, Variables } from '../model/variables.js';
export type { RemoteWorkflowRef } from './remote.js';

/** Where a value was written: a path relative to the repository root, 1-based line and column. */
export interface SourcePosition {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/**
 * A value as the run will see it. `known`: the literal, or an expression whose every input is known for this
 * instance (then `expression` holds the source text). `unknown`: an expression that reads what cannot be known
 * before the run (`reason` says what), kept verbatim with its position.
 */
export type WorkflowValue =
  | {
      readonly kind: 'known';
      readonly value: string | number | boolean | null;
      readonly position: SourcePosition;
      /** The `${{ }}` source text when the value came from an expression. */
      readonly expression?: string;
    }
  | {
      readonly kind: 'unknown';
      readonly expression: string;
      readonly position: SourcePosition;
      /** What made it unknown, e.g. `secrets.ROLE_ARN`, `steps.x.outputs.y`, `vars.ROLE (not given)`. */
      readonly reason: string;
      /** What every value it may take is made of, where that is known (src/workflows/text-shape.ts). */
      readonly pieces?: readonly TextPiece[];
    };

/** A `key: value` map (`with:`, `env:`) with each value's position; keys keep their written case. */
export type ValueMap = Readonly<Record<string, WorkflowValue>>;

/** A raw YAML value with its position: used where a consumer interprets the shape itself (`permissions:`). */
export interface RawValue {
  /** The value as plain JSON (mappings as objects, sequences as arrays, scalars as written, expressions as text). */
  readonly value: unknown;
  readonly position: SourcePosition;
}

/** Whether a job or step runs for a trigger, as far as its `if:` can be decided before the run. */
export type RunsWhen =
  | { readonly kind: 'always' }
  | { readonly kind: 'never'; readonly condition: string; readonly position: SourcePosition }
  | {
      readonly kind: 'unknown';
      readonly condition: string;
      readonly position: SourcePosition;
      /** What the condition reads that is not known per trigger (e.g. `steps.x.outputs.y`, `secrets.X`). */
      readonly reason: string;
    };
// A condition on the pull request's head (`github.event.pull_request.head.repo.fork`, `.full_name`) is decided per
// case: the trigger is split into a fork and a same-repository case (`WorkflowTrigger.fork`).

/** The events the token prediction distinguishes (`on:`); others are kept by name in `other`. */
export type TriggerEvent =
  | 'push'
  | 'pull_request'
  | 'pull_request_target'
  | 'workflow_dispatch'
  | 'workflow_call'
  | 'release'
  | 'schedule'
  | 'merge_group'
  | 'workflow_run'
  | 'other';

/** A `workflow_dispatch` or `workflow_call` input (`on.<event>.inputs.<id>`). */
export interface WorkflowInput {
  readonly id: string;
  /** `string`, `boolean`, `number`, `choice`, `environment` (dispatch only). */
  readonly type: string;
  readonly required: boolean;
  readonly default?: WorkflowValue;
  /** A `choice` input's options. */
  readonly options?: readonly string[];
  readonly position: SourcePosition;
}

/**
 * One way a workflow can start. A `push` is one trigger per pattern of its `branches` or `tags` filter
 * (`branches: [main, stable]` and `tags: ['v*']` are three triggers), since the token's `ref` differs; an `-ignore`
 * list stays with each trigger of its kind. Paths filters are irrelevant to the token and are not kept.
 * https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#onpushbranchestagsbranches-ignoretags-ignore
 */
export interface WorkflowTrigger {
  readonly event: TriggerEvent;
  /** The event name as written (differs from `event` only for `other`). */
  readonly eventName: string;
  /** Activity types (`on.<event>.types`), when written. */
  readonly types?: readonly string[];
  /** `branches` / `tags` patterns that must match; absent means any (subject to the `-ignore` lists). */
  readonly branches?: readonly string[];
  readonly branchesIgnore?: readonly string[];
  readonly tags?: readonly string[];
  readonly tagsIgnore?: readonly string[];
  /** `schedule` cron strings. */
  readonly cron?: readonly string[];
  /** `workflow_run.workflows`. */
  readonly workflows?: readonly string[];
  /** `workflow_dispatch` / `workflow_call` inputs. */
  readonly inputs?: readonly WorkflowInput[];
  /**
   * For `pull_request` and `pull_request_target`: which case of the pull request's head this trigger stands for,
   * when a condition in the workflow tells them apart; absent when nothing does.
   */
  readonly fork?: boolean;
  /** For a job reached through `workflow_call`: the caller chain, outermost first (file and job id). */
  readonly callers?: readonly CallerRef[];
  readonly position: SourcePosition;
}

/** One link of a `workflow_call` chain: the calling job and where its `uses:` is written. */
export interface CallerRef {
  readonly file: string;
  readonly jobId: string;
  readonly position: SourcePosition;
}

/** The `configure-aws-credentials` inputs that decide the exchange, each with its position when written. */
export interface AwsCredentialSettings {
  readonly roleToAssume?: WorkflowValue;
  readonly awsRegion?: WorkflowValue;
  readonly audience?: WorkflowValue;
  readonly roleSessionName?: WorkflowValue;
  readonly roleDurationSeconds?: WorkflowValue;
  readonly roleChaining?: WorkflowValue;
  readonly roleSkipSessionTagging?: WorkflowValue;
  readonly transitiveTagKeys?: WorkflowValue;
  readonly customTags?: WorkflowValue;
  readonly roleExternalId?: WorkflowValue;
  readonly inlineSessionPolicy?: WorkflowValue;
  readonly managedSessionPolicies?: WorkflowValue;
  /** Every `with:` key of the step, for inputs not named above (`aws-access-key-id`, `web-identity-token-file`…). */
  readonly with: ValueMap;
}

/** How a step obtains AWS credentials or GitHub's OIDC token. */
export type CredentialUse =
  | {
      readonly kind: 'configure-aws-credentials';
      readonly settings: AwsCredentialSettings;
      /** 0-based order among the credential steps of the job instance (a second one may chain from the first). */
      readonly order: number;
      /** `role-chaining` is known true: the exchange uses the credentials of the previous step, not the OIDC token. */
      readonly chains: boolean;
    }
  | {
      /** The step requests GitHub's OIDC token itself (`core.getIDToken`, `ACTIONS_ID_TOKEN_REQUEST_URL`). */
      readonly kind: 'oidc-token';
      readonly evidence: string;
      readonly position: SourcePosition;
    };

/** A step (composite actions expanded in place). */
export interface WorkflowStep {
  /** 0-based index in the job's expanded step list. */
  readonly index: number;
  readonly id?: string;
  readonly name?: string;
  /** `uses:` as written (`aws-actions/configure-aws-credentials@v4`, `./.github/actions/deploy`…). */
  readonly uses?: WorkflowValue;
  readonly with: ValueMap;
  readonly env: ValueMap;
  /**
   * The variables the step runs with that are known for the instance, as text: the workflow's, job's and step's
   * `env:`, step over job over workflow (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#env).
   * A variable not here is not known (an expression not known, or one an earlier step sets through `GITHUB_ENV`).
   */
  readonly environment: Readonly<Record<string, string>>;
  readonly run?: {
    /** The script text as written (expressions not substituted). */
    readonly script: string;
    /**
     * The script as the shell receives it, where that differs: each `${{ }}` known for the instance substituted, the
     * others as written (src/workflows/steps.ts).
     */
    readonly evaluated?: string;
    /** The file line of the script's first line. */
    readonly line: number;
    readonly shell?: string;
    readonly position: SourcePosition;
  };
  readonly if?: { readonly condition: string; readonly position: SourcePosition };
  /** Whether it runs for the instance's trigger. */
  readonly runs: RunsWhen;
  /** Set when the step uses AWS credentials or the OIDC token. */
  readonly credential?: CredentialUse;
  /** The composite actions it came from, outermost first (empty for a step written in the job). */
  readonly via: readonly ViaAction[];
  /**
   * Why a step using a local composite action is kept as a step instead of its steps: the action uses itself on the
   * way (`cycle`), or actions nest past the depth the model reads (`too-deep`); the model's errors say where.
   */
  readonly unexpanded?: 'cycle' | 'too-deep' | 'not-read';
  /**
   * For `unexpanded: 'not-read'`: why the local action it uses is not read, or is read but GitHub would refuse it.
   * GitHub loads a local action when its step runs, so the step fails there and the job stops; the steps after it are
   * not in the instance, and the job is unverified, by name (`WorkflowJob.stepsUnread`).
   */
  readonly unread?: UnreadAction;
  readonly position: SourcePosition;
}

/**
 * Why a local action is not expanded: `not-found` in the repository as read (GitHub looks in the workspace, where a
 * checkout may have put the repository under another path, or another repository); `checked-out`, not found as read
 * but under where an earlier checkout step of the job writes (`checkout`), which the preflight does not read;
 * `invalid`, read but its `action.yml` breaks GitHub's action metadata syntax; `not-read`, refused by a bound or the
 * reader.
 */
export interface UnreadAction {
  readonly kind: 'not-found' | 'checked-out' | 'invalid' | 'not-read';
  readonly reason: string;
  /** For `checked-out`: the checkout step the action comes from. */
  readonly checkout?: CheckoutInto;
}

/**
 * An actions/checkout step as it writes into the workspace: its `path:` (`''` for the workspace itself; absent when an
 * expression not known before the run), and the `repository:` and `ref:` it checks out, as written (absent: the
 * workflow's repository, at the commit of the run's event), https://github.com/actions/checkout#usage.
 */
export interface CheckoutInto {
  readonly path?: string;
  readonly repository?: string;
  readonly ref?: string;
  readonly position: SourcePosition;
}

/** A local composite action a step was expanded from. */
export interface ViaAction {
  /** The `uses:` path as written, e.g. `./.github/actions/deploy`. */
  readonly uses: string;
  /** The action file read, e.g. `.github/actions/deploy/action.yml`. */
  readonly file: string;
  readonly position: SourcePosition;
}

/** `environment:` of a job (a string, or `{ name, url }`). */
export interface JobEnvironment {
  readonly name: WorkflowValue;
  readonly url?: WorkflowValue;
  readonly position: SourcePosition;
}

/**
 * One concrete run of a job: one trigger × one matrix combination × one assignment of the inputs that matter, with
 * the values evaluated for it. Correlated values (a matrix row's environment and role) stay together here.
 */
export interface JobInstance {
  /**
   * The trigger of the run. For a job of a reusable workflow it is the caller's trigger (`github.event_name` in a
   * called workflow is the caller's event), with `callers` naming the chain.
   * https://docs.github.com/en/actions/sharing-automations/reusing-workflows#supported-keywords-for-jobs-that-call-a-reusable-workflow
   */
  readonly trigger: WorkflowTrigger;
  /** The top-level workflow file whose trigger started the run. */
  readonly workflow: string;
  /** The matrix combination (`matrix.*`), empty without a matrix. */
  readonly matrix: Readonly<Record<string, unknown>>;
  /** Set when the matrix could not be listed (e.g. `fromJSON(needs.x.outputs.y)`): every `matrix.*` is unknown. */
  readonly matrixUnknown?: { readonly expression: string; readonly reason: string };
  /**
   * The `inputs.*` assignment evaluated (dispatch or call inputs); a value not known before the run is
   * `{ unknown: '<what it is>' }` (a free-text dispatch input, a caller's secret).
   */
  readonly inputs: Readonly<Record<string, unknown>>;
  /** Whether the job runs for this trigger (its `if:`, and whether the caller job runs). */
  readonly runs: RunsWhen;
  readonly environment?: JobEnvironment;
  readonly steps: readonly WorkflowStep[];
  /** The credential steps of the instance, in order (a subset of `steps`). */
  readonly credentialSteps: readonly WorkflowStep[];
}

/** A job of a workflow (or of a reusable workflow, reached through `callers` in its instances' triggers). */
export interface WorkflowJob {
  /** The file the job is written in. */
  readonly file: string;
  readonly id: string;
  readonly name?: string;
  readonly needs: readonly string[];
  readonly if?: { readonly condition: string; readonly position: SourcePosition };
  /** `permissions:` of the job as written (absent when not written). */
  readonly permissions?: RawValue;
  /** `permissions:` of the workflow file the job is in. */
  readonly workflowPermissions?: RawValue;
  /**
   * The job's own `env:`, evaluated at the top of its file (a value read from a context known only in a run stays its
   * expression): https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#jobsjob_idenv
   */
  readonly env?: ValueMap;
  /** For a job that calls a reusable workflow (`uses:` on the job): the path called and its `with:`. */
  readonly calls?: {
    readonly uses: string;
    readonly file?: string;
    readonly with: ValueMap;
    readonly position: SourcePosition;
    /**
     * Set for a workflow of another repository, which is not read, when the job gives it neither `id-token: write`
     * nor secrets: it can then obtain no credentials from GitHub, and its not being read decides nothing.
     */
    readonly unreadHarmless?: string;
  };
  /** True when the job assumes an AWS role or requests the OIDC token in some instance. */
  readonly deploy: boolean;
  readonly instances: readonly JobInstance[];
  /**
   * Set when a step that may run uses a local action that is not read (not found in the repository as read, refused)
   * or that GitHub would refuse (its `action.yml` breaks the action metadata syntax): the job's steps are not known
   * past it, so its instances are not listed and nothing of it is checked; the job is reported unverified, by name.
   */
  readonly stepsUnread?: UnreadAction & {
    readonly uses: string;
    readonly position: SourcePosition;
    /** For a step of a local composite action: the `uses:` that brought it in, outermost first. */
    readonly via: readonly ViaAction[];
  };
  /** Set when the instances were not enumerated: more than `limit` combinations. */
  readonly tooMany?: { readonly count: number; readonly limit: number };
  readonly position: SourcePosition;
}

/** A workflow file read. */
export interface WorkflowFile {
  readonly path: string;
  readonly name?: string;
  readonly triggers: readonly WorkflowTrigger[];
  readonly permissions?: RawValue;
  readonly env: ValueMap;
  /** Only the jobs written in this file (jobs of called workflows are in the model's `jobs` with their callers). */
  readonly jobIds: readonly string[];
  /** True when the file is only a reusable workflow (`on: workflow_call` alone): its jobs run through callers. */
  readonly reusableOnly: boolean;
}

/** Why a file or reference could not be read: a clear error naming the file and where. */
export interface WorkflowError {
  readonly code:
    | 'parse-error'
    | 'too-large'
    | 'too-many-files'
    | 'too-deep'
    | 'cycle'
    | 'outside-repository'
    | 'not-found'
    | 'refused'
    | 'unsupported'
    | 'ambiguous-line-break';
  readonly message: string;
  readonly position: SourcePosition;
  /** For an error of GitHub's parser: the syntax the file is read against (a workflow's, or an action's metadata). */
  readonly syntax?: 'workflow' | 'action';
}

/**
 * A workflow file GitHub refuses as a whole because of a workflow one of its jobs calls: a local reusable workflow not
 * found in the repository as read, one GitHub's parser refuses, or one refused in turn. GitHub reads the called
 * workflows when it validates the caller and reports "error parsing called workflow" on the caller's `uses:`, and
 * starts none of its jobs (https://docs.github.com/en/actions/sharing-automations/reusing-workflows#calling-a-reusable-workflow).
 * None of its jobs is in the model.
 */
export interface RefusedWorkflow {
  readonly file: string;
  /** Every job written in the file: none of them runs. */
  readonly jobIds: readonly string[];
  /** The calling job and what is wrong with what it calls. */
  readonly jobId: string;
  readonly uses: string;
  readonly reason: string;
  readonly position: SourcePosition;
}

/** The whole model: every workflow file, every job (deploy jobs flagged), and what could not be read. */
export interface WorkflowModel {
  readonly files: readonly WorkflowFile[];
  readonly jobs: readonly WorkflowJob[];
  readonly errors: readonly WorkflowError[];
  /** The workflow files GitHub refuses because of what they call; their jobs are unverified, by name. */
  readonly refused?: readonly RefusedWorkflow[];
}

/**
 * Reads a file of the repository by its path relative to the root: its text, `undefined` when it does not exist, or
 * `{ refused }` saying why it is not read (a link out of the workspace, too large, not a regular file, not text).
 */
export type WorkflowFileReader = (path: string) => Promise<FileReadResult> | FileReadResult;

/** What a {@link WorkflowFileReader} gives for one path. */
export type FileReadResult = string | undefined | { readonly refused: string };

/**
 * Reads a reusable workflow of another repository at a ref (`src/workflows/remote.ts`): its text, `undefined` when it
 * does not exist there, or `{ refused }` saying why it is not read (no access, too large, not answered).
 */
export type RemoteWorkflowReader = (ref: RemoteWorkflowRef) => Promise<FileReadResult>;

/** What `readWorkflowModel` takes. */
export interface WorkflowReadOptions {
  /** The workflow files to start from: `.github/workflows/*.yml|yaml` paths (the source lists them). */
  readonly workflowPaths: readonly string[];
  /** Reads any repository file (workflows, local reusable workflows, `action.yml` of local actions). */
  readonly read: WorkflowFileReader;
  /**
   * Reads reusable workflows of other repositories (`uses: OWNER/REPO/.github/workflows/x.yml@REF`); without it they
   * are not read, and a job that gives one credentials is an `unsupported` error.
   */
  readonly readRemote?: RemoteWorkflowReader;
  /** `owner/name` of the repository (`github.repository`); unknown when not given. */
  readonly repository?: string;
  /** The repository's and its owner's numeric IDs (`github.repository_id`, `github.repository_owner_id`). */
  readonly repositoryId?: string;
  readonly repositoryOwnerId?: string;
  /** The default branch (the ref of `schedule` and `workflow_run` runs); unknown when not given. */
  readonly defaultBranch?: string;
  /**
   * The configuration variables (`vars.*`) the caller knows: a plain map is some of the repository's (any other is
   * unknown); {@link Variables} says which listings are whole, and gives each environment's own.
   */
  readonly vars?: Readonly<Record<string, string>> | Variables;
  /**
   * What some secrets hold, as the configuration declares (role ARNs, account IDs): partial listings of the
   * repository's and each environment's. They reach a job's `secrets.*` where the job runs at the top of its workflow
   * or is called through `secrets: inherit`; any other secret is unknown.
   */
  readonly secrets?: Variables;
  /** Caps (defaults in `src/workflows/limits.ts`). */
  readonly limits?: Partial<WorkflowLimits>;
  /** The clock {@link WorkflowLimits.readMs} is measured with, in milliseconds (default `Date.now`). */
  readonly now?: () => number;
  /**
   * Whether step expansions and expression results are remembered across instances by the values they read
   * (`src/workflows/reads.ts`); default true. Off, every value is evaluated afresh: the model is the same either way
   * (`__tests__/workflows/remember.test.ts`), only slower.
   */
  readonly remember?: boolean;
}

/** The bounds on attacker-written input. */
export interface WorkflowLimits {
  /** Bytes of one file. */
  readonly fileBytes: number;
  /** Files read in all (workflows, reusable workflows, actions). */
  readonly files: number;
  /** Instances per job before it is reported as `tooMany`. */
  readonly instancesPerJob: number;
  /**
   * Levels of reusable workflows below the top-level caller (GitHub.com allows ten levels of workflows in all, GitHub
   * Enterprise Server four: src/workflows/limits.ts).
   */
  readonly callDepth: number;
  /** Levels of nested local composite actions. */
  readonly actionDepth: number;
  /** YAML nodes of one file once its aliases are expanded (an alias "bomb" is refused before it is parsed). */
  readonly yamlNodes: number;
  /** Steps of one job instance once composite actions are expanded (their fan-out multiplies level by level). */
  readonly stepsPerInstance: number;
  /** Steps expanded in the whole model, every instance of every job: the bound on the time a model takes. */
  readonly steps: number;
  /**
   * Milliseconds for reading and parsing all the files together, checked between files: the files not read when it is
   * spent are refused, each an error of the model (unverified, never skipped).
   */
  readonly readMs: number;
}
