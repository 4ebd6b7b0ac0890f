/**
 * The Null condition operator: `true` holds when the key is absent ("the key doesn't exist — it
 * is null"), `false` when it is present
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Null).
 * An empty list counts as null: AWS tells authors to add `Null: false` so that "context keys with
 * empty values" do not slip through `ForAllValues`
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html).
 * An empty string is a value, not null: `s3:prefix` is `""` when listing a bucket's root.
 */
import { parseBoolean } from './bool.js';
import type { PolicyScalar, ValueCompiler } from './index.js';

/** Compiles a Null entry's values: what an absent (null) key gives, and what a present one gives. */
export function compileNull(
  values: readonly PolicyScalar[],
  compiler: ValueCompiler,
): { readonly absent: boolean; readonly present: boolean } | undefined {
  let whenNull = false;
  let whenPresent = false;
  let ok = true;
  values.forEach((value, i) => {
    // Policy variables are not supported with Null (same page), so `${...}` is simply not a boolean.
    const parsed = typeof value === 'boolean' ? value : typeof value === 'string' ? parseBoolean(value) : undefined;
    if (parsed === undefined) {
      compiler.reject(i, 'true or false');
      ok = false;
    } else if (parsed) whenNull = true;
    else whenPresent = true;
  });
  if (!ok) return undefined;
  return { absent: whenNull, present: whenPresent };
}
