/**
 * Compiles a policy's Condition block into {@link CompiledCondition}s, one per operator and key
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html).
 * Everything a request cannot change (numbers, dates, CIDRs, globs, templates) is parsed here,
 * once; a compiled test only reads the request's context.
 *
 * The rules for a key that is absent, multivalued or empty live here, in one place:
 * - absent: a plain operator is false, a negated one true, `...IfExists` true, `ForAllValues:` true,
 *   `ForAnyValue:` false (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html).
 * - an empty list counts as absent: AWS calls it a "null data set" that `ForAllValues` accepts and
 *   `ForAnyValue` refuses, and tells authors to guard it with `Null: false`, so `Null` sees it as null.
 * - a list without `ForAllValues:`/`ForAnyValue:` never holds: "multivalued context keys require
 *   a condition set operator" (same page). Negated and `...IfExists` operators included.
 */

import { editDistance } from '../../text/edit-distance.js';
import { type ContextMap, noteUnsettled, type PreparedRequest } from '../request.js';
import { variableKeys } from '../variables.js';
import { ARN_OPERATORS, UNREADABLE_ARN, type UnreadableArnValues } from './arn.js';
import { BINARY_OPERATORS } from './binary.js';
import { BOOL_OPERATORS } from './bool.js';
import { DATE_OPERATORS } from './date.js';
import { IP_OPERATORS } from './ip.js';
import { compileNull } from './null.js';
import { NUMERIC_OPERATORS } from './numeric.js';
import { STRING_OPERATORS } from './string.js';
import type { CompiledCondition, ConditionCompileContext } from './types.js';

/** A value as JSON allows it in a condition (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html). */
export type PolicyScalar = string | number | boolean;

export type { ContextMap } from '../request.js';

/**
 * Whether one request value satisfies an operator against all of an entry's policy values: for a
 * plain operator it matches one of them (OR), for a negated one it matches none (NOR). A request
 * value of the wrong type (not a number, not an IP address...) satisfies neither.
 */
export type ValueTest = (value: string) => boolean;

/**
 * Policy values that hold policy variables: bound to each request's context before testing. A
 * value whose variable has no value (absent or multivalued key, no default) is "effectively
 * null": it equals and is like nothing, so it drops out of the OR (and NOR) of its entry
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-no-value).
 */
export interface ValueBinder {
  /** The test for this request's values of the variables. */
  bind(context: ContextMap): ValueTest;
}

/** Compiled policy values: a ready test, or a binder when they hold variables. */
export type CompiledValues = ValueTest | ValueBinder;

/** What an operator family may ask of the compiler while compiling one entry's values. */
export interface ValueCompiler {
  /** True when `${...}` variables are substituted (policy Version 2012-10-17). */
  readonly substitute: boolean;
  /** Records that value `index` cannot be used; `expected` completes "must be ...", e.g. `a number`. */
  reject(index: number, expected: string): void;
}

/** One condition operator without qualifiers, e.g. `StringLike`. */
export interface OperatorSpec {
  /** The name exactly as AWS spells it. */
  readonly name: string;
  /** Negated operators hold when a request value matches none of the policy values. */
  readonly negated: boolean;
  /** Compiles the values of one entry; undefined when a value was rejected. */
  compile(values: readonly PolicyScalar[], compiler: ValueCompiler): CompiledValues | undefined;
  /**
   * True when the operator accepts every scalar value (it never rejects one): its values are then compiled on the
   * condition's first test rather than when the policy is parsed, since no error can come of it.
   */
  readonly acceptsEveryValue?: boolean;
}

type Qualifier = 'all' | 'any';

interface ParsedOperator {
  readonly spec: OperatorSpec | undefined;
  readonly qualifier: Qualifier | undefined;
  readonly ifExists: boolean;
}

const QUALIFIERS: readonly (readonly [string, Qualifier])[] = [
  ['ForAllValues:', 'all'],
  ['ForAnyValue:', 'any'],
];

const SPECS: readonly OperatorSpec[] = [
  ...STRING_OPERATORS,
  ...NUMERIC_OPERATORS,
  ...DATE_OPERATORS,
  ...BOOL_OPERATORS,
  ...BINARY_OPERATORS,
  ...IP_OPERATORS,
  ...ARN_OPERATORS,
];

/** The operators by lower-cased name (`Null` is handled apart: it tests presence, not values). */
export const OPERATORS: ReadonlyMap<string, OperatorSpec> = new Map(SPECS.map((s) => [s.name.toLowerCase(), s]));

/**
 * Compiles a Condition block. Problems are pushed to `ctx.errors` and the entries that have them
 * are left out; nothing throws.
 */
export function compileConditionBlock(block: unknown, ctx: ConditionCompileContext): CompiledCondition[] {
  const out: CompiledCondition[] = [];
  if (!isRecord(block)) {
    report(ctx, 'invalid-condition', ctx.path, `must be an object of condition operators, got ${show(block)}`);
    return out;
  }
  for (const written of Object.keys(block)) {
    const entries = block[written];
    const opPath = `${ctx.path}.${written}`;
    const operator = parseOperator(written, opPath, ctx);
    if (!isRecord(entries)) {
      report(ctx, 'invalid-condition', opPath, `must be an object of condition keys, got ${show(entries)}`);
      continue;
    }
    if (!operator) continue;
    for (const key of Object.keys(entries)) {
      const raw = entries[key];
      const compiled = compileEntry(operator, raw, opPath, key, ctx);
      if (compiled) {
        const variables = !ctx.substitute
          ? undefined
          : Array.isArray(raw)
            ? variableKeys(raw, true)
            : typeof raw === 'string' && raw.includes('${')
              ? variableKeys([raw], true)
              : undefined;
        out.push(new KeyCondition(written, opPath, key, variables, compiled));
      }
    }
  }
  return out;
}

/**
 * `ForAnyValue:…IfExists` with the key absent has two readings. The IfExists rule says the condition holds when the
 * key is absent (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IfExists);
 * the set-operator rule says `ForAnyValue` does not hold on an absent key, and IAM is reported to apply the set
 * operator first (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html).
 * The engine takes the reading that denies (EvaluateOptions.reading) and says so.
 */
export const UNSETTLED_IF_EXISTS =
  'ForAnyValue with IfExists on an absent key: the IfExists rule says it holds, the ForAnyValue rule says it does not';

/**
 * How a present key's values are tested: `single` (no qualifier: the key must hold one value; a list needs a set
 * operator, see the top of this file), `all` (ForAllValues: every request value must satisfy the operator),
 * `any` (ForAnyValue: at least one must), `presence` (Null: only presence counts).
 */
type Mode = 'single' | 'all' | 'any' | 'presence';

/** A compiled entry before its key is known. */
interface EntryTest {
  readonly mode: Mode;
  /** What an absent key (or an empty list) gives: see the rules at the top of this file. */
  readonly absent: boolean;
  /**
   * For `ForAnyValue:…IfExists`, what an absent key gives in the other reading, and why there are two: see
   * {@link UNSETTLED_IF_EXISTS}. Undefined for every other operator.
   */
  readonly unsettled?: { readonly absent: boolean; readonly note: string };
  /** For Null: what a present key gives. */
  readonly present: boolean;
  /**
   * ARN values AWS documents no reading of (src/iam/conditions/arn.ts `UnreadableArnValues`): where they decide a
   * present key, the reading that denies is taken (`deny`: what the condition gives then) and the place noted.
   */
  readonly unreadable?: {
    readonly widest: ValueTest;
    readonly deny: boolean;
    readonly note: string;
  };
  /** The compiled values; undefined for Null, and until the first test for an operator that accepts every value. */
  values: CompiledValues | undefined;
  /** For an operator that accepts every value: what compiles them on the first test. */
  readonly pending: PendingValues | undefined;
}

/** The values of an entry whose operator accepts every value, kept to be compiled on first use. */
interface PendingValues {
  readonly spec: OperatorSpec;
  readonly values: readonly PolicyScalar[];
  readonly substitute: boolean;
}

/** A compiler for values no operator can reject (see OperatorSpec.acceptsEveryValue). */
function lateCompiler(substitute: boolean): ValueCompiler {
  return {
    substitute,
    reject: () => {
      throw new Error('an operator that accepts every value rejected one');
    },
  };
}

/**
 * One operator applied to one key. A class with one `test` for every condition: a policy set holds thousands,
 * and plain fields read by one shared method cost less memory and cache than a chain of closures would.
 */
class KeyCondition implements CompiledCondition {
  /** Key names are case-insensitive; the prepared context is keyed in lower case
   * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html). */
  private readonly lower: string;

  constructor(
    /** The operator as written. */
    private readonly operator: string,
    /** The path of the operator's object. */
    private readonly operatorPath: string,
    readonly key: string,
    readonly variables: readonly string[] | undefined,
    private readonly entry: EntryTest,
  ) {
    this.lower = key.toLowerCase();
  }

  get label(): string {
    return `${this.operator} ${this.key}`;
  }

  get path(): string {
    return `${this.operatorPath}.${this.key}`;
  }

  test(request: PreparedRequest): boolean {
    const e = this.entry;
    const found = request.context.get(this.lower);
    // A key is present when the request gives it a value or a non-empty list.
    if (found === undefined || (found.multi && found.values.length === 0)) {
      if (!e.unsettled) return e.absent;
      noteUnsettled(request, e.unsettled.note);
      return request.reading === 'deny' ? e.absent : e.unsettled.absent;
    }
    if (e.mode === 'presence') return e.present;
    let values = e.values;
    if (values === undefined) {
      const pending = e.pending as PendingValues;
      values = pending.spec.compile(pending.values, lateCompiler(pending.substitute)) as CompiledValues;
      e.values = values;
    }
    const test = typeof values === 'function' ? values : values.bind(request.context);
    const held = holds(e.mode, found.multi, found.values, test);
    const u = e.unreadable;
    // The unreadable values matching nothing, then every ARN: a condition is monotone in what its values match, so
    // where the two agree every reading does.
    if (u === undefined || held === holds(e.mode, found.multi, found.values, u.widest)) return held;
    noteUnsettled(request, u.note);
    return request.reading === 'deny' ? u.deny : !u.deny;
  }
}

/** Whether a present key's values satisfy one value test, as the entry's mode reads them. */
function holds(mode: Mode, multi: boolean, values: readonly string[], test: ValueTest): boolean {
  if (mode === 'single') {
    const value = values[0];
    return !multi && value !== undefined && test(value);
  }
  // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html)
  const every = mode === 'all';
  for (const value of values) if (test(value) !== every) return !every;
  return every;
}

/**
 * An ARN condition value without the six colon-separated fields: "Each of the six colon-delimited components of the
 * ARN is checked separately" (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN),
 * and AWS documents nothing of a value with fewer. The engine takes the reading that denies and says so.
 */
export const UNREADABLE_ARN_VALUE =
  'has fewer than the six colon-separated fields that ARN operators match one by one, and AWS documents no reading of it';

/**
 * The compiler of one entry's values. Its path (`<operator path>.<key>`) is built only when a value is rejected:
 * a valid entry needs none.
 */
class EntryCompiler implements ValueCompiler {
  readonly substitute: boolean;
  constructor(
    private readonly ctx: ConditionCompileContext,
    private readonly raw: unknown,
    private readonly values: readonly PolicyScalar[],
    private readonly operatorPath: string,
    private readonly key: string,
  ) {
    this.substitute = ctx.substitute;
  }

  reject(i: number, expected: string): void {
    const path = `${this.operatorPath}.${this.key}`;
    const at = Array.isArray(this.raw) ? `${path}[${i}]` : path;
    report(this.ctx, 'invalid-condition-value', at, `must be ${expected}, got ${show(this.values[i])}`);
  }
}

function compileEntry(
  op: ParsedOperator,
  raw: unknown,
  operatorPath: string,
  key: string,
  ctx: ConditionCompileContext,
): EntryTest | undefined {
  const values = readValues(raw, operatorPath, key, ctx);
  if (!values) return undefined;
  if (!op.spec) {
    const presence = compileNull(values, new EntryCompiler(ctx, raw, values, operatorPath, key));
    return presence && { mode: 'presence', ...presence, values: undefined, pending: undefined };
  }
  const spec = op.spec;
  // Values no operator can reject wait for the first test; the others are compiled now, which validates them.
  const late = spec.acceptsEveryValue === true;
  const compiled = late ? undefined : spec.compile(values, new EntryCompiler(ctx, raw, values, operatorPath, key));
  if (!late && !compiled) return undefined;
  const absent = op.ifExists || op.qualifier === 'all' || (op.qualifier === undefined && spec.negated);
  // ForAnyValue:…IfExists with the key absent: the denying reading first (the Deny applies, the Allow does not).
  const unsettled = op.qualifier === 'any' && op.ifExists;
  const deny = ctx.effect === 'Deny';
  const unreadable = compiled && (compiled as { [UNREADABLE_ARN]?: UnreadableArnValues })[UNREADABLE_ARN];
  return {
    mode: op.qualifier === 'all' ? 'all' : op.qualifier === 'any' ? 'any' : 'single',
    absent: unsettled ? deny : absent,
    ...(unsettled
      ? { unsettled: { absent: !deny, note: `${ctx.source.name} ${operatorPath}.${key}: ${UNSETTLED_IF_EXISTS}` } }
      : {}),
    ...(unreadable
      ? {
          unreadable: {
            widest: unreadable.widest,
            deny,
            note: `${ctx.source.name} ${operatorPath}.${key}: ${unreadable.values.map((v) => JSON.stringify(v)).join(', ')} ${UNREADABLE_ARN_VALUE}`,
          },
        }
      : {}),
    present: true,
    values: compiled,
    pending: late ? { spec, values, substitute: ctx.substitute } : undefined,
  };
}

/**
 * Splits `ForAnyValue:StringLikeIfExists` into qualifier, operator and suffix. Names are matched
 * exactly: the reference spells each one, and IAM refuses other casings ("Invalid Condition type").
 * `Null` takes neither `IfExists` ("except the Null condition", same page) nor a set qualifier:
 * it compares no values, so there is nothing for `ForAllValues`/`ForAnyValue` to range over.
 */
function parseOperator(written: string, path: string, ctx: ConditionCompileContext): ParsedOperator | undefined {
  // Policies spell few operators, many times: a valid one is split once (an invalid one reports, each time).
  const known = PARSED_OPERATORS.get(written);
  if (known !== undefined) return known;
  const parsed = splitOperator(written, path, ctx);
  if (parsed !== undefined && PARSED_OPERATORS.size < 1024) PARSED_OPERATORS.set(written, parsed);
  return parsed;
}

/** The operators split lately, as written (bounded by the number of valid spellings). */
const PARSED_OPERATORS = new Map<string, ParsedOperator>();

function splitOperator(written: string, path: string, ctx: ConditionCompileContext): ParsedOperator | undefined {
  let rest = written;
  let qualifier: Qualifier | undefined;
  for (const [prefix, q] of QUALIFIERS) {
    if (rest.startsWith(prefix)) {
      qualifier = q;
      rest = rest.slice(prefix.length);
    }
  }
  const ifExists = rest.endsWith('IfExists');
  if (ifExists) rest = rest.slice(0, -'IfExists'.length);
  if (rest === 'Null') {
    if (!qualifier && !ifExists) return { spec: undefined, qualifier, ifExists };
    const what = ifExists ? 'IfExists' : 'a ForAllValues:/ForAnyValue: qualifier';
    report(ctx, 'invalid-operator-qualifier', path, `is not valid: Null takes no ${what}; it only tests presence`);
    return undefined;
  }
  const spec = OPERATORS.get(rest.toLowerCase());
  if (spec && spec.name === rest) return { spec, qualifier, ifExists };
  const suggestion = suggestOperator(written);
  report(
    ctx,
    'unknown-operator',
    path,
    `is not a condition operator${suggestion ? `; did you mean ${suggestion}?` : ''}`,
  );
  return undefined;
}

/** The closest valid operator name, when one is close enough to be a likely typo. */
function suggestOperator(written: string): string | undefined {
  const names = ['Null'];
  for (const spec of SPECS) {
    for (const prefix of ['', 'ForAllValues:', 'ForAnyValue:']) {
      names.push(`${prefix}${spec.name}`, `${prefix}${spec.name}IfExists`);
    }
  }
  const target = written.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const name of names) {
    const lower = name.toLowerCase();
    const distance = editDistance(target, lower, undefined, false);
    // Close in spelling (a slip per five characters), or a truncation/extension: Boolean → Bool.
    const [short, long] = target.length < lower.length ? [target, lower] : [lower, target];
    const close =
      distance <= Math.max(1, Math.floor(name.length / 5)) ||
      (short.length >= 4 && long.length - short.length <= 3 && long.startsWith(short));
    if (close && distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

/** A value or a non-empty list of values, each a string, number or boolean (`key`'s, under `operatorPath`). */
function readValues(
  raw: unknown,
  operatorPath: string,
  key: string,
  ctx: ConditionCompileContext,
): PolicyScalar[] | undefined {
  if (isScalar(raw)) return [raw];
  if (Array.isArray(raw) && raw.length > 0 && raw.every(isScalar)) return raw as PolicyScalar[];
  // Invalid: the entry's path is built for the messages.
  const path = `${operatorPath}.${key}`;
  if (!Array.isArray(raw)) {
    const problem = `must be a string, number or boolean, or a list of them, got ${show(raw)}`;
    report(ctx, 'invalid-condition-value', path, problem);
    return undefined;
  }
  if (raw.length === 0) {
    // An empty list would match nothing, or everything when negated: never what was meant.
    report(ctx, 'empty-list', path, 'must not be an empty list');
    return undefined;
  }
  let ok = true;
  for (let i = 0; i < raw.length; i++) {
    const item: unknown = raw[i];
    if (isScalar(item) || !(i in raw)) continue; // a hole is skipped, as forEach skips it
    report(ctx, 'invalid-condition-value', `${path}[${i}]`, `must be a string, number or boolean, got ${show(item)}`);
    ok = false;
  }
  return ok ? (raw as PolicyScalar[]) : undefined;
}

function isScalar(value: unknown): value is PolicyScalar {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Records a problem as the parser does: the message opens with the path it names. */
function report(ctx: ConditionCompileContext, code: string, path: string, problem: string): void {
  ctx.errors.push({ code, path, message: `${path} ${problem}`, source: ctx.source });
}

/** A policy value as an error message quotes it: JSON, shortened. */
function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
