/**
 * What a token's expressions read of the contexts, and the key of those values in one instance's contexts. Two
 * instances whose contexts give the same key evaluate the token to the same values (the evaluation reads nothing
 * else), so `src/workflows/steps.ts` expands a step once per distinct key instead of once per instance: a job of a
 * reusable workflow called from a matrix of 90 legs evaluates its 70 steps a few times, not 6,300.
 *
 * A path is the chain of literal keys after a context name (`matrix.os`, `github.event.inputs.stage`). Where an
 * expression reads anything less plain (a whole context, `matrix[inputs.k]`, `github.*.x`), the path stops there and
 * the whole value at that point goes into the key: a coarser key is never wrong, only remembered less often.
 */
import { ContextAccess, type Expr, FunctionCall, IndexAccess, Literal, Logical } from '@actions/expressions/ast';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/index';
import { type ContextValue, OPEN, parseExpression, UNSET_EMPTY, Unknown, UnknownDiffering } from './expressions.js';
import { entries, isExpressionToken, isMappingToken, isSequenceToken, isStringToken, items } from './tokens.js';

/** A context name and the literal keys read after it. */
export type ReadPath = readonly [string, ...(string | number)[]];

/** Each expression's paths, by its text: a repository's workflows repeat the same few. A bounded memo. */
const EXPRESSION_READS = new Map<string, readonly ReadPath[]>();
const EXPRESSION_READS_MAX = 4096;

/**
 * The paths one expression reads (a syntax error reads nothing: its result is the same error everywhere). The array
 * is shared by every caller that reads the same text: it is never changed.
 */
export function expressionReads(expression: string): readonly ReadPath[] {
  const known = EXPRESSION_READS.get(expression);
  if (known !== undefined) return known;
  let node: Expr | undefined;
  try {
    node = parseExpression(expression);
  } catch {
    node = undefined;
  }
  const out: ReadPath[] = [];
  if (node !== undefined) walk(node, out);
  if (EXPRESSION_READS.size >= EXPRESSION_READS_MAX) EXPRESSION_READS.clear();
  EXPRESSION_READS.set(expression, out);
  return out;
}

/** The literal key of an index, if it is a string or number literal. */
function literalKey(index: Expr): string | number | undefined {
  if (!(index instanceof Literal)) return undefined;
  const data = index.literal as { kind: number; value?: unknown };
  return typeof data.value === 'string' || typeof data.value === 'number' ? data.value : undefined;
}

/** Adds what `node` reads to `out`. */
function walk(node: Expr, out: ReadPath[]): void {
  if (node instanceof ContextAccess) {
    out.push([node.name.lexeme]);
    return;
  }
  if (node instanceof IndexAccess) {
    // Unwind `a.b[c].d` to its base, keeping the literal keys until the first that is not one.
    const keys: Expr[] = [];
    let base: Expr = node;
    while (base instanceof IndexAccess) {
      keys.unshift(base.index);
      base = base.expr;
    }
    const path: (string | number)[] = [];
    let plain = base instanceof ContextAccess;
    for (const index of keys) {
      const key = plain ? literalKey(index) : undefined;
      if (key === undefined) {
        plain = false;
        walk(index, out);
      } else path.push(key);
    }
    if (base instanceof ContextAccess) out.push([base.name.lexeme, ...path]);
    else walk(base, out);
    return;
  }
  const children =
    node instanceof FunctionCall || node instanceof Logical
      ? node.args
      : ['expr', 'left', 'right', 'group']
          .map((k) => (node as unknown as Record<string, unknown>)[k])
          .filter((c): c is Expr => c !== undefined && c !== null && typeof c === 'object');
  for (const c of children) walk(c, out);
}

/**
 * The paths every expression under `t` reads: expression tokens, and the `if:` of any mapping written as a bare
 * string (GitHub reads it as an expression). More than is evaluated (a `run:` is never evaluated here) costs nothing
 * but a finer key.
 */
export function tokenReads(t: TemplateToken | undefined, out: ReadPath[] = []): ReadPath[] {
  if (t === undefined) return out;
  if (isExpressionToken(t)) {
    out.push(...expressionReads(t.expression));
  } else if (isMappingToken(t)) {
    for (const [key, value] of entries(t)) {
      if (key === 'if' && isStringToken(value)) {
        const inner = /^\s*\$\{\{([\s\S]*)\}\}\s*$/.exec(value.value);
        out.push(...expressionReads((inner?.[1] ?? value.value).trim()));
      } else tokenReads(value, out);
    }
  } else if (isSequenceToken(t)) {
    for (const item of items(t)) tokenReads(item, out);
  }
  return out;
}

/** Each token's reads ({@link tokenReads}), for a token read whole many times (a local action's file). */
const TOKEN_READS = new WeakMap<TemplateToken, readonly ReadPath[]>();

/** {@link tokenReads} of `t`, found once. */
export function tokenReadsOnce(t: TemplateToken | undefined): readonly ReadPath[] {
  if (t === undefined) return [];
  let reads = TOKEN_READS.get(t);
  if (reads === undefined) {
    reads = tokenReads(t);
    TOKEN_READS.set(t, reads);
  }
  return reads;
}

/** A value written out whole, with what makes it unknown or open (memoized: context objects are never changed). */
const WRITTEN = new WeakMap<object, string>();

function written(value: ContextValue | undefined): string {
  if (value === undefined) return 'u';
  if (typeof value === 'number') return Object.is(value, -0) ? 'n-0' : `n${value}`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const known = WRITTEN.get(value);
  if (known !== undefined) return known;
  let text: string;
  if (value instanceof UnknownDiffering)
    text = `?${JSON.stringify(value.reason)}!=${JSON.stringify(value.differsFrom)}~${JSON.stringify(String(value.matches ?? ''))}`;
  else if (value instanceof Unknown) text = `?${JSON.stringify(value.reason)}`;
  else if (Array.isArray(value)) text = `[${value.map(written).join(',')}]`;
  else {
    const object = value as {
      readonly [key: string]: ContextValue;
      readonly [OPEN]?: string;
      readonly [UNSET_EMPTY]?: true;
    };
    const open = `${object[OPEN] === undefined ? '' : `~${JSON.stringify(object[OPEN])}`}${object[UNSET_EMPTY] ? '!' : ''}`;
    text = `{${open}${Object.keys(object)
      .map((k) => `${JSON.stringify(k)}:${written(object[k])}`)
      .join(',')}}`;
  }
  WRITTEN.set(value, text);
  return text;
}

/** Each object's keys by their lower case: the key, or null where two differ only in case. */
const KEYS = new WeakMap<object, Map<string, string | null>>();

function keysOf(object: object): Map<string, string | null> {
  let keys = KEYS.get(object);
  if (keys === undefined) {
    keys = new Map();
    for (const k of Object.keys(object)) {
      const lower = k.toLowerCase();
      keys.set(lower, keys.has(lower) ? null : k);
    }
    KEYS.set(object, keys);
  }
  return keys;
}

/** Keys a plain object lookup would confuse with its prototype's (GitHub's dictionary indexes keys in one). */
const PROTOTYPE_KEYS = new Set(['constructor', '__proto__']);

/**
 * The value at `path` in `contexts`, as GitHub's evaluator would find it (keys without regard to case), written out.
 * Where the lookup is anything but plain (an unknown on the way, keys differing only in case, an index of the wrong
 * kind), the whole value at that point is written instead.
 */
function valueAt(contexts: Readonly<Record<string, ContextValue>>, read: ReadKey): string {
  // The contexts object's keys are the context names in lower case (src/workflows/jobs.ts makes it), so its root is
  // found without an index; its value, shared by every step of an instance, keeps what each path read of it.
  const { path, name, tail } = read;
  if (!Object.hasOwn(contexts, name)) return walkValue(contexts as unknown as ContextValue, path, 0);
  const root = contexts[name];
  if (path.length === 1 || root === null || typeof root !== 'object' || root instanceof Unknown) {
    return walkValue(root, path, 1);
  }
  let known = AT.get(root);
  if (known === undefined) {
    known = new Map();
    AT.set(root, known);
  }
  let found = known.get(tail);
  if (found === undefined) {
    found = walkValue(root, path, 1);
    known.set(tail, found);
  }
  return found;
}

/** What each path (by {@link ReadKey.tail}) read of a context value: values are never changed once made. */
const AT = new WeakMap<object, Map<string, string>>();

/** Follows `path` from its `from`-th key down `start`; see {@link valueAt}. */
function walkValue(start: ContextValue | undefined, path: ReadPath, from: number): string {
  let value = start;
  for (let i = from; i < path.length; i++) {
    // Where the walk stops before the path's end, the key says at which key: a value met there must not read as the
    // same value found at the end (`env.a` = "1" and `env.a.b` = "1" evaluate `env.a.b` differently).
    const stop = (what: string) => `@${i}${what}`;
    const key = path[i] as string | number;
    if (value === null || value === undefined || typeof value !== 'object' || value instanceof Unknown)
      return stop(written(value));
    if (Array.isArray(value)) {
      if (typeof key !== 'number') return stop(written(value));
      if (key < 0 || key >= value.length) return stop('a');
      value = value[key] as ContextValue;
      continue;
    }
    if (typeof key !== 'string') return stop(written(value));
    const lower = key.toLowerCase();
    if (PROTOTYPE_KEYS.has(lower)) return stop(written(value));
    const object = value as {
      readonly [key: string]: ContextValue;
      readonly [OPEN]?: string;
      readonly [UNSET_EMPTY]?: true;
    };
    const match = keysOf(object).get(lower);
    if (match === null) return stop(written(value));
    if (match === undefined) {
      if (object[OPEN] !== undefined) return stop(`a~${JSON.stringify(object[OPEN])}`);
      return stop(object[UNSET_EMPTY] ? 'e' : 'a');
    }
    value = object[match];
  }
  return written(value);
}

/**
 * A path ready to be looked up: the path, its context name in lower case, and the keys after it as one string (in
 * lower case: they are looked up so). Made once for each path a memo reads ({@link distinctReads}).
 */
export interface ReadKey {
  readonly path: ReadPath;
  readonly name: string;
  readonly tail: string;
}

/** The key of `reads` in `contexts`: equal keys, equal values read. */
export function readsKey(contexts: Readonly<Record<string, ContextValue>>, reads: readonly ReadKey[]): string {
  let key = '';
  for (const read of reads) key += `${valueAt(contexts, read)}\u0000`;
  return key;
}

/** Each path made ready once ({@link readKeyOf}): the paths of an expression are shared (see {@link expressionReads}). */
const READ_KEYS = new WeakMap<ReadPath, { readonly id: string; readonly key: ReadKey }>();

/** A path ready to be looked up, and its identity (equal for two paths read alike). */
function readKeyOf(path: ReadPath): { readonly id: string; readonly key: ReadKey } {
  let made = READ_KEYS.get(path);
  if (made === undefined) {
    const lower = path.map((k) => (typeof k === 'string' ? k.toLowerCase() : k));
    const tail = JSON.stringify(lower.slice(1));
    made = { id: `${JSON.stringify(lower[0])}${tail}`, key: { path, name: lower[0] as string, tail } };
    READ_KEYS.set(path, made);
  }
  return made;
}

/** The paths without repeats, in a stable order, ready to be looked up. */
export function distinctReads(paths: readonly ReadPath[]): ReadKey[] {
  const seen = new Map<string, ReadKey>();
  for (const path of paths) {
    const { id, key } = readKeyOf(path);
    if (!seen.has(id)) seen.set(id, key);
  }
  return [...seen.values()];
}
