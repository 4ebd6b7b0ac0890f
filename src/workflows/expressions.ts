/**
 * Evaluating `${{ }}` expressions with GitHub's own evaluator (`@actions/expressions`) over a context where some values
 * are not known before the run. Such a value is an {@link Unknown}; an object whose unlisted keys are not known
 * (`github.event`, `env`, `vars`) is {@link open}. Reading an unknown makes the result unknown, except where the
 * logic does not depend on it: `false && x` is false, `true || x` is true, whatever `x` is. A guess is never made.
 * Expression syntax: https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/evaluate-expressions-in-workflows-and-actions
 */
import { data, Evaluator, type Expr, Lexer, Parser } from '@actions/expressions';
import {
  type Binary,
  ContextAccess,
  FunctionCall,
  Grouping,
  IndexAccess,
  Logical,
  type Expr as Node,
  Star,
  Unary,
} from '@actions/expressions/ast';
import type { FunctionDefinition } from '@actions/expressions/funcs/info';
import { TokenType } from '@actions/expressions/lexer';
import { equals, toUpperSpecial } from '@actions/expressions/result';

/** A value not known before the run, with what it is (`secrets.ROLE`, `steps.x.outputs.y`). */
export class Unknown {
  constructor(readonly reason: string) {}
}

/**
 * A string not known before the run, except that it is none of `differsFrom` and, when `matches` is given, a string
 * that pattern matches. A fork's full name is never the base repository's (a fork lives under another owner:
 * https://docs.github.com/en/pull-requests/collaborating-with-pull-requests/working-with-forks/about-forks); a pull
 * request's `github.ref` is always `refs/pull/<number>/merge` (src/workflows/context.ts). Only `==` and `!=` against
 * a string it is known to differ from are decided; anything else read of it (`startsWith`, `contains`, `format`,
 * another comparison, a string the pattern matches) is unknown.
 *
 * GitHub compares strings by their upper case (`equals` and `toUpperSpecial` of `@actions/expressions`), and so does
 * this: `matches` is tried on that upper case of the other string, so it must match the upper case of every value
 * it stands for (a pattern with the `i` flag over ASCII letters and digits does).
 */
export class UnknownDiffering extends Unknown {
  /** `matches` without the flags that make a RegExp keep state between tests. */
  readonly matches: RegExp | undefined;

  constructor(
    reason: string,
    readonly differsFrom: readonly string[],
    matches?: RegExp,
  ) {
    super(reason);
    this.matches = matches && new RegExp(matches.source, matches.flags.replace(/[gy]/g, ''));
  }

  /** Whether the value is known not to equal `text` as GitHub compares strings. */
  differs(text: string): boolean {
    const other = new data.StringData(text);
    if (this.differsFrom.some((s) => equals(new data.StringData(s), other))) return true;
    return this.matches !== undefined && !this.matches.test(toUpperSpecial(text));
  }
}

/** The key under which an open object names itself (for the reason of an unlisted key). */
export const OPEN: unique symbol = Symbol('open');

/**
 * The key that marks an object whose unlisted keys are the empty string: the `vars` context of a whole listing, where
 * GitHub evaluates a variable that is not set to `''`
 * (https://docs.github.com/en/actions/how-tos/write-workflows/choose-what-workflows-do/use-variables).
 */
export const UNSET_EMPTY: unique symbol = Symbol('unset-empty');

/** A value of the evaluation context. */
export type ContextValue =
  | string
  | number
  | boolean
  | null
  | Unknown
  | readonly ContextValue[]
  | { readonly [key: string]: ContextValue; readonly [OPEN]?: string; readonly [UNSET_EMPTY]?: true };

/** An object whose unlisted keys are unknown, named `name` in reasons. */
export function open(name: string, fields: Record<string, ContextValue> = {}): Record<string, ContextValue> {
  return Object.assign({ [OPEN]: name }, fields);
}

/** An object whose unlisted keys are the empty string (see {@link UNSET_EMPTY}). */
export function listed(fields: Record<string, ContextValue>): Record<string, ContextValue> {
  return Object.assign({ [UNSET_EMPTY]: true as const }, fields);
}

/** The result of an evaluation. */
export type Evaluated =
  | { readonly kind: 'known'; readonly value: unknown }
  | { readonly kind: 'unknown'; readonly reason: string };

/** The named contexts GitHub's expressions may read (the parser refuses others). */
const CONTEXTS = [
  'github',
  'inputs',
  'matrix',
  'vars',
  'env',
  'secrets',
  'steps',
  'needs',
  'job',
  'jobs',
  'runner',
  'strategy',
];

/**
 * Thrown through GitHub's evaluator when a value read is unknown; caught in this file only. Not an `Error`: it
 * carries no stack, and building one for every unknown read was most of the evaluation's cost.
 */
class UnknownSignal {
  constructor(readonly reason: string) {}
}

function unknownFunction(name: string, minArgs: number, maxArgs: number): FunctionDefinition {
  return {
    name,
    minArgs,
    maxArgs,
    call: () => {
      throw new UnknownSignal(`${name}()`);
    },
  };
}

/**
 * The status functions, for a run that goes as planned (the case where the token is requested): `success()` and
 * `always()` are true, `cancelled()` is false; `failure()` depends on how earlier steps end, so is unknown (a step
 * that runs on failure may still request a token).
 * https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/evaluate-expressions-in-workflows-and-actions#status-check-functions
 */
const FUNCTIONS = new Map<string, FunctionDefinition>([
  ['success', { name: 'success', minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(true) }],
  ['always', { name: 'always', minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(true) }],
  ['failure', unknownFunction('failure', 0, 0)],
  ['cancelled', { name: 'cancelled', minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(false) }],
  ['hashfiles', unknownFunction('hashFiles', 1, 255)],
]);
const FUNCTION_INFO = [...FUNCTIONS.values()].map(({ name, minArgs, maxArgs }) => ({ name, minArgs, maxArgs }));

/**
 * The context converted for the evaluator. Its unknown values and open objects are remembered by identity in
 * {@link UNKNOWNS} and {@link OPEN_NAMES}: each converted value is a fresh object, so one map serves every context.
 */
interface Converted {
  readonly root: data.Dictionary;
  readonly unknowns: WeakMap<data.ExpressionData, string>;
  readonly open: WeakMap<data.ExpressionData, string>;
}

const UNKNOWNS = new WeakMap<data.ExpressionData, string>();
/** The converted {@link UnknownDiffering} values, each with what it stands for. */
const DIFFERING = new WeakMap<data.ExpressionData, UnknownDiffering>();
const OPEN_NAMES = new WeakMap<data.ExpressionData, string>();
/** The converted objects whose unlisted keys are the empty string. */
const UNSET_EMPTY_DICTS = new WeakSet<data.ExpressionData>();
/**
 * Context values (objects, which are never changed once made) converted once: an instance's `github`, `inputs` and
 * `matrix` serve every step, while each step's `env` is a new object.
 */
const CONVERTED_VALUES = new WeakMap<object, data.ExpressionData>();

function convert(value: ContextValue): data.ExpressionData {
  if (value !== null && typeof value === 'object') {
    const known = CONVERTED_VALUES.get(value);
    if (known) return known;
    const made = convertObject(value);
    CONVERTED_VALUES.set(value, made);
    return made;
  }
  if (value === null) return new data.Null();
  if (typeof value === 'string') return new data.StringData(value);
  if (typeof value === 'number') return new data.NumberData(value);
  return new data.BooleanData(value);
}

function convertObject(value: Exclude<ContextValue, string | number | boolean | null>): data.ExpressionData {
  if (value instanceof Unknown) {
    const marker = new data.StringData(`<${value.reason}>`);
    UNKNOWNS.set(marker, value.reason);
    if (value instanceof UnknownDiffering) DIFFERING.set(marker, value);
    return marker;
  }
  if (Array.isArray(value)) return new data.Array(...value.map((v) => convert(v)));
  const object = value as {
    readonly [key: string]: ContextValue;
    readonly [OPEN]?: string;
    readonly [UNSET_EMPTY]?: true;
  };
  const dict = new data.Dictionary(...Object.keys(object).map((key) => ({ key, value: convert(object[key] ?? null) })));
  if (object[OPEN] !== undefined) OPEN_NAMES.set(dict, object[OPEN]);
  if (object[UNSET_EMPTY] === true) UNSET_EMPTY_DICTS.add(dict);
  return dict;
}

/** GitHub's evaluator, made to stop at an unknown value and to decide `&&`/`||` over unknown operands. */
class PartialEvaluator extends Evaluator {
  /** The operand of `==`/`!=` being read, whose value may be an {@link UnknownDiffering} (see visitBinary). */
  private comparedOperand: Node | undefined;

  /**
   * The `&&`/`||` whose value is read only for its truth: a condition's own (an `if:` is decided by its truth), under
   * `!` or another such one. There an unknown operand before the one that decides cannot change the truth (`x ||
   * 'main'` is true whatever `x` is), while as a value it is unknown (it is `x` when `x` is truthy).
   */
  private readonly truthOnly = new WeakSet<Node>();

  constructor(
    node: Expr,
    private readonly converted: Converted,
    condition: boolean,
  ) {
    super(node, converted.root, FUNCTIONS);
    if (condition) this.markTruthOnly(node);
  }

  private markTruthOnly(node: Node): void {
    if (node instanceof Grouping) this.markTruthOnly(node.group);
    else if (node instanceof Unary && node.operator.lexeme === '!') this.markTruthOnly(node.expr);
    else if (node instanceof Logical) {
      this.truthOnly.add(node);
      for (const arg of node.args) this.markTruthOnly(arg);
    }
  }

  private checked(result: data.ExpressionData | undefined, name: string, access: Node): data.ExpressionData {
    if (result === undefined) throw new UnknownSignal(name);
    const reason = this.converted.unknowns.get(result);
    // A value known only to differ from some strings passes to the comparison it is an operand of, nowhere else.
    if (reason !== undefined && !(access === this.comparedOperand && DIFFERING.has(result)))
      throw new UnknownSignal(reason);
    return result;
  }

  override visitContextAccess(access: ContextAccess): data.ExpressionData {
    const name = access.name.lexeme;
    return this.checked(super.visitContextAccess(access) as data.ExpressionData | undefined, name, access);
  }

  /** An operand of `==`/`!=`, read so that an {@link UnknownDiffering} it is comes back as its marker. */
  private operand(node: Node): data.ExpressionData {
    let inner = node;
    while (inner instanceof Grouping) inner = inner.group;
    const before = this.comparedOperand;
    this.comparedOperand = inner instanceof ContextAccess || inner instanceof IndexAccess ? inner : undefined;
    try {
      return this.eval(node);
    } finally {
      this.comparedOperand = before;
    }
  }

  /**
   * `==` and `!=` with GitHub's own equality, where one operand may be a value known only to differ from some
   * strings: compared with a string it is known to differ from ({@link UnknownDiffering.differs}), it is decided;
   * otherwise the comparison is unknown.
   */
  override visitBinary(binary: Binary): data.ExpressionData {
    const type = binary.operator.type;
    if (type !== TokenType.EQUAL_EQUAL && type !== TokenType.BANG_EQUAL) return super.visitBinary(binary);
    const left = this.operand(binary.left);
    const right = this.operand(binary.right);
    const leftDiffers = DIFFERING.get(left);
    const rightDiffers = DIFFERING.get(right);
    if (leftDiffers === undefined && rightDiffers === undefined) {
      return new data.BooleanData(equals(left, right) === (type === TokenType.EQUAL_EQUAL));
    }
    const [marker, value, other] = leftDiffers !== undefined ? [left, leftDiffers, right] : [right, rightDiffers, left];
    const decided =
      value !== undefined &&
      !DIFFERING.has(other) &&
      other.kind === data.Kind.String &&
      value.differs(other.coerceString());
    if (!decided) throw new UnknownSignal(this.converted.unknowns.get(marker) ?? 'value');
    return new data.BooleanData(type === TokenType.BANG_EQUAL);
  }

  override visitIndexAccess(access: IndexAccess): data.ExpressionData {
    // `*` (object filters) and anything but a plain key of an object or index of an array: GitHub's own access.
    if (access.index instanceof Star) return this.checked(super.visitIndexAccess(access), 'value', access);
    const object = this.eval(access.expr);
    const key = this.eval(access.index);
    const openName = this.converted.open.get(object);
    let found: data.ExpressionData | undefined;
    if (object.kind === data.Kind.Dictionary && key.kind === data.Kind.String) {
      found = (object as data.Dictionary).get(key.coerceString());
      if (found === undefined && openName !== undefined) throw new UnknownSignal(`${openName}.${key.coerceString()}`);
      if (found === undefined && UNSET_EMPTY_DICTS.has(object)) found = new data.StringData('');
    } else if (object.kind === data.Kind.Array && key.kind === data.Kind.Number) {
      found = (object as data.Array).values()[key.number()];
    } else if (openName !== undefined) {
      throw new UnknownSignal(`${openName}[${key.coerceString()}]`);
    }
    return this.checked(found ?? new data.Null(), 'value', access);
  }

  override visitLogical(logical: Logical): data.ExpressionData {
    const isAnd = logical.operator.lexeme === '&&';
    let unknown: string | undefined;
    let unknownBooleans = true;
    let last: data.ExpressionData = new data.Null();
    for (const arg of logical.args) {
      try {
        last = this.eval(arg);
      } catch (error) {
        if (!(error instanceof UnknownSignal)) throw error;
        unknown ??= error.reason;
        unknownBooleans &&= booleanValued(arg);
        continue;
      }
      // A known falsy operand decides `&&`, a known truthy one decides `||`: its value when every operand before it is
      // known, its truth only when one before it is not.
      if (isAnd === isFalsy(last)) {
        const decided =
          unknown === undefined ||
          this.truthOnly.has(logical) ||
          // Unknown operands that can only be booleans are `false` (for `||`) or `true` (for `&&`) when they do not
          // decide, and the one that decides, a boolean too, is then the value whichever way they go.
          (unknownBooleans && last.kind === data.Kind.Boolean);
        if (!decided) throw new UnknownSignal(unknown ?? 'value');
        return last;
      }
    }
    if (unknown !== undefined) throw new UnknownSignal(unknown);
    return last;
  }
}

/** Functions of GitHub's whose value is always a boolean. */
const BOOLEAN_FUNCTIONS = new Set(['contains', 'startswith', 'endswith', 'success', 'always', 'failure', 'cancelled']);

/**
 * Whether an expression's value is a boolean whatever the contexts hold: a comparison, a `!`, a `&&`/`||` of such,
 * or a function that returns one
 * (https://docs.github.com/en/actions/reference/workflows-and-actions/expressions#operators, #functions).
 */
function booleanValued(node: Node): boolean {
  if (node instanceof Grouping) return booleanValued(node.group);
  if (node instanceof Unary) return node.operator.lexeme === '!';
  if (node instanceof Logical) return node.args.every(booleanValued);
  if (node instanceof FunctionCall) return BOOLEAN_FUNCTIONS.has(node.functionName.lexeme.toLowerCase());
  const operator = (node as Partial<Binary>).operator?.type;
  return (
    operator !== undefined &&
    [
      TokenType.EQUAL_EQUAL,
      TokenType.BANG_EQUAL,
      TokenType.LESS,
      TokenType.LESS_EQUAL,
      TokenType.GREATER,
      TokenType.GREATER_EQUAL,
    ].includes(operator)
  );
}

function isFalsy(value: data.ExpressionData): boolean {
  switch (value.kind) {
    case data.Kind.Null:
      return true;
    case data.Kind.Boolean:
      return !(value as data.BooleanData).value;
    case data.Kind.Number: {
      const n = value.number();
      return n === 0 || Number.isNaN(n);
    }
    case data.Kind.String:
      return value.coerceString() === '';
    default:
      return false;
  }
}

/** Expression data as plain JSON. */
function toPlain(value: data.ExpressionData): unknown {
  switch (value.kind) {
    case data.Kind.Null:
      return null;
    case data.Kind.Boolean:
      return (value as data.BooleanData).value;
    case data.Kind.Number:
      return value.number();
    case data.Kind.String:
      return value.coerceString();
    case data.Kind.Array:
      return (value as data.Array).values().map(toPlain);
    default:
      return Object.fromEntries((value as data.Dictionary).pairs().map((p) => [p.key, toPlain(p.value)]));
  }
}

/**
 * The contexts converted once per contexts object: the same instance's contexts serve every value of its steps.
 * A memo keyed by the (immutable) contexts object, dropped with it.
 */
const CONVERTED = new WeakMap<object, Converted>();

function convertContexts(context: Readonly<Record<string, ContextValue>>): Converted {
  const known = CONVERTED.get(context);
  if (known) return known;
  const converted: Converted = { root: new data.Dictionary(), unknowns: UNKNOWNS, open: OPEN_NAMES };
  for (const [key, value] of Object.entries(context)) converted.root.add(key, convert(value));
  CONVERTED.set(context, converted);
  return converted;
}

/** Expressions parsed, by text: a workflow repeats the same few in every step and matrix row. A bounded memo. */
const PARSED = new Map<string, Expr>();
const PARSED_MAX = 4096;

/** Parses an expression (the text inside `${{ }}`); throws GitHub's parser error on bad syntax. */
export function parseExpression(expression: string): Expr {
  const known = PARSED.get(expression);
  if (known) return known;
  const parsed = new Parser(new Lexer(expression).lex().tokens, CONTEXTS, FUNCTION_INFO).parse();
  if (PARSED.size >= PARSED_MAX) PARSED.clear();
  PARSED.set(expression, parsed);
  return parsed;
}

/**
 * Evaluates `expression` over `context`. A syntax error is an unknown result naming it (the parser of the workflow
 * has reported it already, with its position).
 */
export function evaluateExpression(
  expression: string,
  context: Readonly<Record<string, ContextValue>>,
  options: { readonly condition?: boolean } = {},
): Evaluated {
  let node: Expr;
  try {
    node = parseExpression(expression);
  } catch (error) {
    return {
      kind: 'unknown',
      reason: `expression not read: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  return evaluateNode(node, context, options);
}

/** Evaluates a parsed expression (or a part of one) over `context`; see {@link evaluateExpression}. */
export function evaluateNode(
  node: Expr,
  context: Readonly<Record<string, ContextValue>>,
  options: { readonly condition?: boolean } = {},
): Evaluated {
  const converted = convertContexts(context);
  try {
    return {
      kind: 'known',
      value: toPlain(new PartialEvaluator(node, converted, options.condition === true).evaluate()),
    };
  } catch (error) {
    if (error instanceof UnknownSignal) return { kind: 'unknown', reason: error.reason };
    return {
      kind: 'unknown',
      reason: `expression not evaluated: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/** Whether an evaluated condition result is truthy, GitHub's way (`''`, `0`, `null` and `false` are falsy). */
export function truthy(value: unknown): boolean {
  return !(value === null || value === false || value === 0 || value === '' || Number.isNaN(value));
}
