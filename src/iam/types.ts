/**
 * Shared types of the policy engine. The engine is pure: no I/O, no process state,
 * no @actions or @aws-sdk imports (enforced by __tests__/architecture.test.ts).
 */

/**
 * The three outcomes AWS's evaluation logic can reach, and `unknown`: the request does not say what the outcome turns
 * on (the account that owns an S3 bucket, whose ARN names none), and the outcomes it could turn to differ.
 */
export type Decision = 'allowed' | 'explicit-deny' | 'implicit-deny' | 'unknown';

/**
 * The policy types, in the order AWS's enforcement code evaluates them
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html).
 */
export type Layer = 'rcp' | 'scp' | 'resource' | 'identity' | 'permissions-boundary' | 'session';

/** Evaluation order of {@link Layer}; a report lists layers in this order. */
export const LAYER_ORDER: readonly Layer[] = ['rcp', 'scp', 'resource', 'identity', 'permissions-boundary', 'session'];

/** What kind of document a policy is; decides which elements it may and must carry. */
export type PolicyKind = 'identity' | 'resource' | 'control';

/** A context value: a string, or a list of strings exactly when the key is multivalued. */
export type ContextValue = string | readonly string[];

/** A request as IAM sees it. Context keys are matched case-insensitively. */
export interface Request {
  /** The calling principal: an IAM ARN, an account id, a service principal name, or absent (anonymous). */
  readonly principal?: string;
  readonly action: string;
  readonly resource: string;
  /** The account that owns the resource; defaults to the account field of the resource ARN. */
  readonly resourceAccount?: string;
  readonly context?: Readonly<Record<string, ContextValue>>;
}

/** Where a policy came from, so that a report can point at it. */
export interface PolicySource {
  /** A name a person recognises: a policy name, an ARN, or a path inside the input such as `identityPolicies[0]`. */
  readonly name: string;
  /** The file the policy was read from, when it was read from one. */
  readonly file?: string;
}

/** A pointer to one statement of one policy. */
export interface StatementRef {
  readonly policy: string;
  readonly file?: string;
  /** Index of the statement in the policy's Statement array (0 when Statement is a single object). */
  readonly index: number;
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny';
}

/** A validation problem in a policy document. Input problems are values, never exceptions. */
export interface PolicyError {
  /** Stable machine-readable code, e.g. `invalid-effect`. */
  readonly code: string;
  /** Path inside the document, e.g. `Statement[2].Effect`. */
  readonly path: string;
  readonly message: string;
  readonly source: PolicySource;
}

/** Why one statement did not apply, in `explain: 'full'` mode. */
export type Mismatch = 'action' | 'resource' | 'principal' | 'condition';

/** The detail for one statement in `explain: 'full'` mode. */
export interface StatementDetail {
  readonly ref: StatementRef;
  readonly matched: boolean;
  /** The first element that did not match, when `matched` is false. */
  readonly mismatch?: Mismatch;
  /** For a condition mismatch: the operator and key that failed, e.g. `StringEquals aws:SourceVpc`. */
  readonly failedCondition?: string;
}

/** The outcome of one layer. `not-applicable` means the request carries no policy of that type. */
export type LayerResult = 'allowed' | 'explicit-deny' | 'implicit-deny' | 'not-applicable';

/** How one layer decided. */
export interface LayerExplanation {
  readonly layer: Layer;
  /** For SCP and RCP layers: the organization level (0 = root). */
  readonly level?: number;
  readonly result: LayerResult;
  /** Statements of this layer that matched the request (Allow and Deny). */
  readonly matched: readonly StatementRef[];
  /** Every statement, in `explain: 'full'` mode only. */
  readonly statements?: readonly StatementDetail[];
}

/** The explanation that rides with every decision. */
export interface Explanation {
  /** The layer that decided a deny; absent when allowed. */
  readonly decidingLayer?: Layer;
  /** For SCP and RCP: the organization level that decided. */
  readonly decidingLevel?: number;
  /** The statements that decided: the matching Deny statements, or the Allow statements that granted. */
  readonly deciding: readonly StatementRef[];
  /** One sentence a person can act on. */
  readonly reason: string;
  readonly layers: readonly LayerExplanation[];
  /** Documented rules that shaped this decision, with the page that documents each. */
  readonly notes: readonly string[];
}

/** The engine's answer for one request. */
export interface EvaluationResult {
  readonly decision: Decision;
  readonly explanation: Explanation;
  /**
   * With the `unknown` option: the unknown keys (conditions' keys as the policies spell them, variables' keys
   * lower-cased) that were taken at their worst, in the statements that matched the request apart from them.
   * Absent otherwise.
   */
  readonly assumed?: readonly string[];
  /**
   * The places where AWS's documentation and its observed behaviour give two readings and the evaluation met one
   * (see EvaluateOptions.reading), each with why; absent when none was met.
   */
  readonly unsettled?: readonly string[];
}

/** How much the engine records. `decision` records only what decided; `full` adds every statement. */
export type ExplainLevel = 'decision' | 'full';
