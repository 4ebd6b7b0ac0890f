/**
 * What the call inference takes and returns. The input is the part of a workflow step it reads, in the shape of
 * `WorkflowStep` (`src/workflows/model.ts`): a step of that model can be passed as it is. The output is permission
 * lines in the shape of the configuration's (`src/config/permissions.ts`: `ACTION RESOURCE`), each marked inferred
 * with the file and line it came from, and the calls that could not be read, each asking for its lines.
 */
import type { RequiredPermission } from '../../model/aws.js';
import type { RenderedFile, TaskDefinitionFile } from './task-definition.js';

/** Where a value was written: a path relative to the repository root, 1-based line and column. */
export interface CallPosition {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** A `with:`/`env:` value: known (a literal, or an expression known for the instance) or unknown before the run. */
export type CallValue =
  | { readonly kind: 'known'; readonly value: string | number | boolean | null; readonly position: CallPosition }
  | { readonly kind: 'unknown'; readonly expression: string; readonly position: CallPosition; readonly reason: string };

/** The parts of a step the inference reads. */
export interface CallStep {
  /** The step's `id:`, by which a later step reads its outputs (`steps.<id>.outputs.x`). */
  readonly id?: string;
  readonly uses?: CallValue;
  readonly with: Readonly<Record<string, CallValue>>;
  readonly env?: Readonly<Record<string, CallValue>>;
  /**
   * The variables the step runs with that are known before the run: the workflow's, job's and step's `env:`, step
   * over job over workflow (`WorkflowStep.environment`). Absent: only the step's own `env:` and `CallContext.env`.
   */
  readonly environment?: Readonly<Record<string, string>>;
  /** Why a local composite action is kept as a step, not its steps (`WorkflowStep.unexpanded`). */
  readonly unexpanded?: 'cycle' | 'too-deep' | 'not-read';
  readonly run?: {
    /** The script as written (expressions not substituted). */
    readonly script: string;
    /** The script as the shell receives it, the `${{ }}` known for the instance substituted (`WorkflowStep.run`). */
    readonly evaluated?: string;
    /** The file line of the script's first line. */
    readonly line: number;
    readonly shell?: string;
    readonly position: CallPosition;
  };
  readonly position: CallPosition;
}

/** What is known around the step: the region and account the credentials are for, when known. */
export interface CallContext {
  /** The job's region (`aws-region` of configure-aws-credentials); a step's `AWS_REGION` or `--region` wins. */
  readonly region?: string;
  readonly account?: string;
  /** `aws` unless given (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html). */
  readonly partition?: string;
  /** Variables of the job and workflow (`env:`) known as literals; the step's own `env:` is read from the step. */
  readonly env?: Readonly<Record<string, string>>;
  /**
   * The task definition files the steps name, read from the workspace by path (src/workflows/calls/task-definition.ts);
   * a path not here was not read.
   */
  readonly taskDefinitions?: ReadonlyMap<string, TaskDefinitionFile>;
  /** The file each rendering step of the job renders, by the step's `id` (task-definition.ts, renderedFiles). */
  readonly rendered?: ReadonlyMap<string, RenderedFile>;
  /** Why a task definition file this job names is not what it deploys, by path (a step may change it first). */
  readonly changedFiles?: ReadonlyMap<string, string>;
}

/** One inferred permission line. */
export interface InferredPermission {
  /** The action as the catalog spells it: `s3:PutObject`. */
  readonly action: string;
  /** The narrowest ARN pattern the command allows, or `*` when the action has no resource-level permissions. */
  readonly resource: string;
  /** The line as the configuration writes it: `s3:PutObject arn:aws:s3:::site/*`. */
  readonly line: string;
  readonly inferred: true;
  /** The workflow file and the line of the script (or the step) the call stands on. */
  readonly position: CallPosition;
  /** What made the call: `aws s3 sync`, `aws-actions/amazon-ecr-login`. */
  readonly via: string;
  /** AWS's (or the action's) documentation of the mapping from the command to the action. */
  readonly docUrl: string;
  /** Parts of the resource that could not be known (an expression, a shell variable), each with why. */
  readonly unknown: readonly string[];
  /** What else the reader should know (`--profile`, `--endpoint-url`, a call made only in some cases). */
  readonly notes: readonly string[];
  /** The line as a configuration permission, its origin naming the file, line and command. */
  readonly permission: RequiredPermission;
}

/** Why a call was not turned into permission lines. */
export type NotInferredKind =
  | 'opaque-tool'
  | 'script-file'
  | 'runner'
  | 'dynamic-command'
  | 'unmapped-command'
  | 'not-in-catalog'
  | 'unknown-action'
  | 'unread-image'
  | 'unread-shell'
  | 'too-large';

/** A call the preflight cannot read: it asks for permission lines instead of guessing. */
export interface NotInferred {
  readonly kind: NotInferredKind;
  readonly position: CallPosition;
  /** The command or action, bounded (at most 200 characters). */
  readonly what: string;
  /** Why it cannot be inferred, and what to declare instead. */
  readonly reason: string;
  /** For `not-in-catalog`: the nearest actions of the catalog. */
  readonly suggestions?: readonly string[];
}

/** Everything inferred for one step. */
export interface StepCalls {
  readonly permissions: readonly InferredPermission[];
  readonly notInferred: readonly NotInferred[];
}

/** The bounds on a script, which an attacker may write. */
export interface CallLimits {
  /** Characters of one script read; the rest is reported, not read. */
  readonly scriptChars: number;
  /** Commands read from one script (including those inside `$(...)`). */
  readonly commands: number;
  /** Words of one command. */
  readonly words: number;
  /** Characters of one word. */
  readonly wordChars: number;
  /** Nesting of `$(...)` read. */
  readonly depth: number;
  /** Permission lines and not-inferred items returned for one step. */
  readonly results: number;
}

export const DEFAULT_CALL_LIMITS: CallLimits = {
  scriptChars: 100_000,
  commands: 2_000,
  words: 512,
  wordChars: 4_096,
  depth: 4,
  results: 1_000,
};
