/**
 * Numeric condition operators: NumericEquals, NumericNotEquals, NumericLessThan,
 * NumericLessThanEquals, NumericGreaterThan and NumericGreaterThanEquals
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Numeric).
 * Values are integers or decimals, written as JSON numbers or strings. The page lists policy
 * variables and wildcards as not supported, so `${...}` is literal text here (and not a number).
 */
import type { OperatorSpec, PolicyScalar, ValueCompiler, ValueTest } from './index.js';

/** How a request value must relate to a policy value. */
export type Comparison = 'eq' | 'lt' | 'le' | 'gt' | 'ge';

// An optional sign, digits, an optional fraction: what "an integer or decimal value" reads as.
// Exponents, hex, blanks and `Infinity`, which `Number()` would take, are refused.
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** The number a decimal string holds, or NaN when it is not one. */
export function parseDecimal(text: string): number {
  return DECIMAL.test(text) ? Number(text) : Number.NaN;
}

/** The six numeric operators. */
export const NUMERIC_OPERATORS: readonly OperatorSpec[] = [
  defineNumeric('NumericEquals', 'eq', false),
  defineNumeric('NumericNotEquals', 'eq', true),
  defineNumeric('NumericLessThan', 'lt', false),
  defineNumeric('NumericLessThanEquals', 'le', false),
  defineNumeric('NumericGreaterThan', 'gt', false),
  defineNumeric('NumericGreaterThanEquals', 'ge', false),
];

function defineNumeric(name: string, comparison: Comparison, negated: boolean): OperatorSpec {
  return {
    name,
    negated,
    compile(values, compiler) {
      const bounds = parseAll(values, compiler, readNumber, 'a number');
      return bounds && compileComparison(bounds, comparison, negated, parseDecimal);
    },
  };
}

function readNumber(value: PolicyScalar): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
  return typeof value === 'string' ? parseDecimal(value) : Number.NaN;
}

/**
 * Parses every policy value with `read`, rejecting each one that gives NaN. All are checked so
 * that one pass reports every bad value; undefined when any was bad.
 */
export function parseAll(
  values: readonly PolicyScalar[],
  compiler: ValueCompiler,
  read: (value: PolicyScalar) => number,
  expected: string,
): number[] | undefined {
  const out: number[] = [];
  let ok = true;
  values.forEach((value, i) => {
    const n = read(value);
    if (Number.isNaN(n)) {
      compiler.reject(i, expected);
      ok = false;
    }
    out.push(n);
  });
  return ok ? out : undefined;
}

/**
 * Builds the test for one entry. Several values are OR'ed, so an ordering collapses to one bound
 * at compile time: `< any of them` is `< the largest`, `> any of them` is `> the smallest`.
 * `parse` gives NaN for a request value that is not of the type; NaN compares false every way,
 * so such a value satisfies neither the operator nor its negation.
 */
export function compileComparison(
  bounds: readonly number[],
  comparison: Comparison,
  negated: boolean,
  parse: (text: string) => number,
): ValueTest {
  const max = Math.max(...bounds);
  const min = Math.min(...bounds);
  switch (comparison) {
    case 'lt':
      return (v) => parse(v) < max;
    case 'le':
      return (v) => parse(v) <= max;
    case 'gt':
      return (v) => parse(v) > min;
    case 'ge':
      return (v) => parse(v) >= min;
    case 'eq':
      return compileEquality(bounds, negated, parse);
  }
}

function compileEquality(bounds: readonly number[], negated: boolean, parse: (text: string) => number): ValueTest {
  if (bounds.length === 1) {
    const only = bounds[0];
    if (!negated) return (v) => parse(v) === only;
    return (v) => {
      const n = parse(v);
      return !Number.isNaN(n) && n !== only;
    };
  }
  const set = new Set(bounds);
  if (!negated) return (v) => set.has(parse(v));
  return (v) => {
    const n = parse(v);
    return !Number.isNaN(n) && !set.has(n);
  };
}
