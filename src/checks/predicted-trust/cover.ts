/**
 * The proof that a trust policy admits every ref a trigger can run for, not just the refs sampled: the claims that
 * hold the run's ref (`sub`, `ref`, `job_workflow_ref`, …) are written as IAM globs of the refs
 * (src/workflows/predict/refs.ts `coveringGlobs`), and an Allow statement that admitted every sample admits them all
 * when each of its conditions on such a claim is a StringLike (or StringEquals) whose value covers the glob
 * (`globCovers`); a Deny statement with a condition on such a claim must be shown never to apply (`globWitness`: its
 * values meet no ref). Anything else (negated operators, policy variables, set operators) is not proven, which the
 * caller reports as unverified. String operators: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String
 * Pure.
 */
import { globCovers, globWitness, hasWildcard, matchGlob } from '../../iam/glob.js';
import type { SubCondition } from '../../tokens/github.js';
import { isObject } from '../trust/request.js';

/** A claim key (lower-cased, `token.actions.githubusercontent.com:sub`) and the IAM glob of its values. */
export type VaryingKeys = ReadonlyMap<string, string>;

interface RawCondition {
  readonly operator: string;
  readonly key: string;
  readonly values: readonly unknown[];
}

/** The Condition block of a raw statement as (operator, key, values) triples. */
function conditionsOf(statement: unknown): RawCondition[] {
  const block = isObject(statement) ? statement.Condition : undefined;
  if (!isObject(block)) return [];
  const out: RawCondition[] = [];
  for (const [operator, entries] of Object.entries(block)) {
    if (!isObject(entries)) continue;
    for (const [key, v] of Object.entries(entries)) out.push({ operator, key, values: Array.isArray(v) ? v : [v] });
  }
  return out;
}

/** The operator without a `ForAnyValue:` qualifier (a single-valued key has one value, so it reads the same). */
const baseOperator = (op: string) => op.replace(/^ForAnyValue:/i, '').toLowerCase();

/**
 * The string values of a StringLike or StringEquals condition, with its operator; undefined for any other operator,
 * or when a value is not a plain string (a policy variable is resolved only per request).
 */
function stringCondition(c: RawCondition): { like: boolean; values: string[] } | undefined {
  const op = baseOperator(c.operator);
  if (op !== 'stringlike' && op !== 'stringequals') return undefined;
  if (!c.values.every((v) => typeof v === 'string' && !v.includes('${'))) return undefined;
  return { like: op === 'stringlike', values: c.values as string[] };
}

/** Whether one condition of an Allow holds for every value of `glob`. */
function allowCovers(c: RawCondition, glob: string): boolean {
  const s = stringCondition(c);
  if (!s) return false;
  return s.values.some((v) => (s.like ? globCovers(v, glob) : !hasWildcard(glob) && v === glob));
}

/** Whether one condition holds for no value of `glob` (so a Deny with it never applies, nor an Allow). */
function neverHolds(c: RawCondition, glob: string): boolean {
  const s = stringCondition(c);
  if (!s) return false;
  return s.values.every((v) => (s.like ? globWitness(v, glob) === undefined : !matchGlob(glob, v)));
}

/** The raw statements of a document, as the policy grammar allows them: one object or a list. */
export function rawStatementList(document: unknown): unknown[] {
  const s = isObject(document) ? document.Statement : undefined;
  return Array.isArray(s) ? s : s === undefined ? [] : [s];
}

/**
 * Whether the statements admit every value of the varying keys, given that `admitting` (indexes of Allow statements
 * that admitted every sample) did so for the samples. True only when proven.
 */
export function provesCoverage(
  statements: readonly unknown[],
  admitting: readonly number[],
  varying: VaryingKeys,
): boolean {
  const onVarying = (c: RawCondition) => varying.get(c.key.toLowerCase());
  // A policy variable can bring a varying claim into any condition (`${…:sub}` in a value): such a statement is not
  // read here, so the proof fails (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html).
  if (
    statements.some((st) =>
      conditionsOf(st).some((c) => c.values.some((v) => typeof v === 'string' && v.includes('${'))),
    )
  ) {
    return false;
  }
  const allowProven = admitting.some((i) =>
    conditionsOf(statements[i]).every((c) => {
      const glob = onVarying(c);
      return glob === undefined || allowCovers(c, glob);
    }),
  );
  if (!allowProven) return false;
  return statements.every((s) => {
    if (!isObject(s) || s.Effect !== 'Deny') return true;
    const conditions = conditionsOf(s);
    if (!conditions.some((c) => onVarying(c) !== undefined)) return true;
    // The Deny needs all its conditions; one on a varying key that never holds keeps it from ever applying.
    return conditions.some((c) => {
      const glob = onVarying(c);
      return glob !== undefined && neverHolds(c, glob);
    });
  });
}

/**
 * Whether an Allow statement refuses every value of the varying keys: a statement applies only when all its
 * conditions hold, and one of them, on a varying key, is a StringLike or StringEquals none of whose values meets that
 * key's glob (a `sub` known up to `repo:acme/app:ref:refs/heads/gh-readonly-queue/main/` against
 * `repo:acme/app:ref:refs/heads/main`). Any other operator, or a policy variable in its values, is not proven.
 */
export function provesRefusal(statement: unknown, varying: VaryingKeys): boolean {
  return conditionsOf(statement).some((c) => {
    const glob = varying.get(c.key.toLowerCase());
    return glob !== undefined && neverHolds(c, glob);
  });
}

/** The values of the statements' conditions on `key` (lower-cased), Allow statements only: what the trust admits. */
export function allowedValues(statements: readonly unknown[], key: string): string[] {
  const out: string[] = [];
  for (const s of statements) {
    if (!isObject(s) || s.Effect !== 'Allow') continue;
    for (const c of conditionsOf(s)) {
      if (c.key.toLowerCase() !== key || /not/i.test(c.operator)) continue;
      for (const v of c.values) if (typeof v === 'string') out.push(v);
    }
  }
  return out;
}

/**
 * The conditions on `key` (lower-cased) of each Allow statement, negated operators left out: AWS ANDs the conditions
 * of one statement and ORs the statements (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html),
 * so the explanation names them per statement, never as alternatives.
 */
export function allowedByStatement(statements: readonly unknown[], key: string): SubCondition[][] {
  const out: SubCondition[][] = [];
  for (const s of statements) {
    if (!isObject(s) || s.Effect !== 'Allow') continue;
    const conditions = conditionsOf(s)
      .filter((c) => c.key.toLowerCase() === key && !/not/i.test(c.operator))
      .map((c) => ({ operator: c.operator, values: c.values.filter((v): v is string => typeof v === 'string') }));
    if (conditions.length > 0) out.push(conditions);
  }
  return out;
}
