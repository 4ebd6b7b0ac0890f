/**
 * The contract between the statement compiler and the condition operators.
 * A Condition block compiles once into a list of {@link CompiledCondition}s; a statement's
 * conditions hold when every one of them holds (keys and operators are AND'ed; the values of one
 * key are OR'ed inside the operator).
 */
import type { PreparedRequest } from '../request.js';
import type { PolicyError, PolicySource } from '../types.js';

/** One operator applied to one key, ready to test requests. */
export interface CompiledCondition {
  /** For explanations: the operator as written and the key, e.g. `ForAnyValue:StringLike aws:TagKeys`. */
  readonly label: string;
  /** The JSON path of this entry, e.g. `Statement[1].Condition.StringLike.aws:TagKeys`. */
  readonly path: string;
  /** The key as the policy spells it, e.g. `aws:TagKeys`. */
  readonly key: string;
  /** The keys of the policy variables in its values, lower-cased (`${aws:username}`); undefined when none. */
  readonly variables: readonly string[] | undefined;
  test(request: PreparedRequest): boolean;
}

/** What the compiler needs to know while compiling one Condition block. */
export interface ConditionCompileContext {
  /** Path of the Condition element, e.g. `Statement[1].Condition`. */
  readonly path: string;
  /** True when the policy Version is `2012-10-17`, so `${...}` variables are substituted. */
  readonly substitute: boolean;
  /** The Effect of the statement the block belongs to: where AWS's readings differ, the one that denies depends on it. */
  readonly effect?: 'Allow' | 'Deny';
  readonly source: PolicySource;
  /** Validation problems are pushed here; they are values, never exceptions. */
  readonly errors: PolicyError[];
}
