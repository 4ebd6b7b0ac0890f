/**
 * The Bool condition operator
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Boolean).
 * Values are `true` or `false`, as JSON booleans or strings in any case. The page lists policy
 * variables as supported for Bool (unlike the numeric, date, binary and IP operators), so a value
 * holding a variable is accepted here and read as a boolean once the request fills it in.
 */
import { parseTemplate, renderTemplate, type Template } from '../variables.js';
import type { CompiledValues, OperatorSpec, PolicyScalar, ValueCompiler, ValueTest } from './index.js';
import { hasVariable } from './string.js';

/** `true` or `false` in any case; undefined for anything else. */
export function parseBoolean(text: string): boolean | undefined {
  if (text === 'true') return true;
  if (text === 'false') return false;
  const lower = text.toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : undefined;
}

/** The Bool operator (it has no negated form). */
export const BOOL_OPERATORS: readonly OperatorSpec[] = [{ name: 'Bool', negated: false, compile: compileBool }];

/**
 * Sorts the values into booleans known now and templates known per request. A value that is
 * neither is a policy error: AWS compares Bool keys to "true" or "false" only.
 */
function compileBool(values: readonly PolicyScalar[], compiler: ValueCompiler): CompiledValues | undefined {
  const fixed: boolean[] = [];
  const dynamic: Template[] = [];
  let ok = true;
  values.forEach((value, i) => {
    const parsed = typeof value === 'boolean' ? value : typeof value === 'string' ? parseBoolean(value) : undefined;
    if (parsed !== undefined) {
      fixed.push(parsed);
      return;
    }
    const template = typeof value === 'string' ? parseTemplate(value, compiler.substitute) : undefined;
    if (template && hasVariable(template)) {
      dynamic.push(template);
      return;
    }
    compiler.reject(i, 'true or false');
    ok = false;
  });
  if (!ok) return undefined;
  if (dynamic.length === 0) return compileBooleanTest(fixed);
  return {
    bind(context) {
      const wanted = fixed.slice();
      for (const template of dynamic) {
        // A variable without value, or with one that is not a boolean, adds nothing to match.
        const parsed = parseBoolean(renderTemplate(template, context) ?? '');
        if (parsed !== undefined) wanted.push(parsed);
      }
      return compileBooleanTest(wanted);
    },
  };
}

/** Matches a request value that reads as one of the wanted booleans; any other text matches nothing. */
function compileBooleanTest(wanted: readonly boolean[]): ValueTest {
  const acceptTrue = wanted.includes(true);
  const acceptFalse = wanted.includes(false);
  return (v) => {
    const parsed = parseBoolean(v);
    return parsed === true ? acceptTrue : parsed === false && acceptFalse;
  };
}
