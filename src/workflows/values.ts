/**
 * Turning tokens into model values over one instance's contexts: a literal as written, an expression evaluated
 * (known with its source, or unknown with what it reads), an `env:` map evaluated in order, an `if:` decided.
 */
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/index';
import { type ContextValue, evaluateExpression, open, Unknown } from './expressions.js';
import type { RunsWhen, SourcePosition, ValueMap, WorkflowValue } from './model.js';
import { distinctReads, expressionReads, type ReadKey, readsKey } from './reads.js';
import { textPieces } from './text-shape.js';
import {
  entries,
  expressionSource,
  isExpressionToken,
  isStringToken,
  literalOf,
  positionOf,
  toPlain,
} from './tokens.js';
import type { InputDefinition } from './triggers.js';

/** Contexts of an evaluation, by name. */
export type Contexts = Readonly<Record<string, ContextValue>>;

/**
 * Results remembered per expression (a token, or a condition as read) or matrix, by the key of the context values it reads
 * (`src/workflows/reads.ts`): the same expression in another instance or step that reads the same values is not
 * evaluated again. Bounded: a slot that fills up starts over.
 */
const REMEMBERED = new WeakMap<object, { readonly paths: readonly ReadKey[]; results: Map<string, unknown> }>();
const REMEMBERED_PER_EXPRESSION = 256;
let remembering = true;

/**
 * Runs `build` with expression results remembered or not (WorkflowReadOptions.remember). The build is synchronous,
 * so no other build's evaluation runs in between.
 */
export function withRemembering<T>(on: boolean, build: () => T): T {
  const before = remembering;
  remembering = on;
  try {
    return build();
  } finally {
    remembering = before;
  }
}

function rememberedResult<T>(anchor: object, expression: string, contexts: Contexts, compute: () => T): T {
  return rememberedOver(anchor, () => expressionReadKeys(expression), contexts, compute);
}

/** Each expression's reads, ready to be looked up, by its text: a workflow repeats the same few. A bounded memo. */
const READ_KEYS = new Map<string, readonly ReadKey[]>();
const READ_KEYS_MAX = 4096;

export function expressionReadKeys(expression: string): readonly ReadKey[] {
  let keys = READ_KEYS.get(expression);
  if (keys === undefined) {
    keys = distinctReads(expressionReads(expression));
    if (READ_KEYS.size >= READ_KEYS_MAX) READ_KEYS.clear();
    READ_KEYS.set(expression, keys);
  }
  return keys;
}

/**
 * `compute()`'s result for `anchor`, remembered by the key of what `reads()` names in `contexts` (asked once per
 * anchor): for anything whose result depends only on the context values it reads, as an expression's or a matrix's.
 */
export function rememberedOver<T>(
  anchor: object,
  reads: () => readonly ReadKey[],
  contexts: Contexts,
  compute: () => T,
): T {
  if (!remembering) return compute();
  let slot = REMEMBERED.get(anchor);
  if (slot === undefined) {
    slot = { paths: reads(), results: new Map() };
    REMEMBERED.set(anchor, slot);
  }
  const key = readsKey(contexts, slot.paths);
  if (slot.results.has(key)) return slot.results.get(key) as T;
  const value = compute();
  if (slot.results.size >= REMEMBERED_PER_EXPRESSION) slot.results = new Map();
  slot.results.set(key, value);
  return value;
}

/** The value of each token without an expression, which no context changes (values are never changed once made). */
const WRITTEN_VALUES = new WeakMap<TemplateToken, { readonly file: string; readonly value: WorkflowValue }>();

/** One token's value. */
export function evaluateToken(file: string, t: TemplateToken, contexts: Contexts): WorkflowValue {
  if (isExpressionToken(t)) {
    const expression = t.expression;
    return rememberedResult(t, expression, contexts, () => evaluateFresh(file, t, contexts));
  }
  if (!remembering) return evaluateFresh(file, t, contexts);
  const known = WRITTEN_VALUES.get(t);
  if (known?.file === file) return known.value;
  const value = evaluateFresh(file, t, contexts);
  WRITTEN_VALUES.set(t, { file, value });
  return value;
}

function evaluateFresh(file: string, t: TemplateToken, contexts: Contexts): WorkflowValue {
  const position = positionOf(file, t);
  if (isExpressionToken(t)) {
    const expression = expressionSource(t);
    const result = evaluateExpression(t.expression, contexts);
    if (result.kind === 'unknown') {
      const pieces = textPieces(t.expression, contexts);
      return { kind: 'unknown', expression, position, reason: result.reason, ...(pieces ? { pieces } : {}) };
    }
    const value = result.value;
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
      return { kind: 'known', value: value as string | number | boolean | null, position, expression };
    }
    return { kind: 'known', value: JSON.stringify(value), position, expression };
  }
  const literal = literalOf(t);
  if (literal !== undefined) return { kind: 'known', value: literal, position };
  return { kind: 'known', value: JSON.stringify(toPlain(t)), position };
}

/** Each mapping's values where none is an expression (then no context changes them). */
const WRITTEN_MAPS = new WeakMap<TemplateToken, { readonly file: string; readonly map: ValueMap }>();

/** A `with:`/`env:` mapping's values. */
export function evaluateMap(file: string, t: TemplateToken | undefined, contexts: Contexts): ValueMap {
  if (t === undefined) return {};
  const known = remembering ? WRITTEN_MAPS.get(t) : undefined;
  if (known?.file === file) return known.map;
  const pairs = entries(t);
  const map = Object.fromEntries(pairs.map(([k, v]) => [k, evaluateToken(file, v, contexts)]));
  if (remembering && !pairs.some(([, v]) => isExpressionToken(v))) WRITTEN_MAPS.set(t, { file, map });
  return map;
}

/** A model value as a context value (unknown stays unknown, with its reason). */
export function asContextValue(value: WorkflowValue): ContextValue {
  if (value.kind === 'unknown') return new Unknown(value.reason);
  return value.value;
}

/**
 * The `env` context after `map` is laid over `base`: each value evaluated with the context before it, kept as the
 * string the runner would set. The context stays open: a step can set more through `GITHUB_ENV`.
 */
export function layerEnv(
  file: string,
  map: TemplateToken | undefined,
  contexts: Contexts,
  evaluated?: ValueMap,
): Contexts {
  if (entries(map).length === 0 && contexts.env !== undefined) return contexts;
  const env = { ...((contexts.env as Record<string, ContextValue> | undefined) ?? {}) };
  const values = evaluated ?? evaluateMap(file, map, contexts);
  for (const [k, v] of Object.entries(values)) {
    const value = asContextValue(v);
    env[k] = value instanceof Unknown || value === null ? value : String(value);
  }
  return { ...contexts, env: open('env', env) };
}

/** An `if:` as written: an expression token, or a bare string (which GitHub reads as an expression). */
export function conditionOf(
  file: string,
  t: TemplateToken | undefined,
): { readonly condition: string; readonly position: SourcePosition } | undefined {
  if (t === undefined) return undefined;
  const position = positionOf(file, t);
  if (isExpressionToken(t)) return { condition: t.expression, position };
  if (isStringToken(t)) {
    const inner = /^\s*\$\{\{([\s\S]*)\}\}\s*$/.exec(t.value);
    return { condition: (inner?.[1] ?? t.value).trim(), position };
  }
  const literal = literalOf(t);
  return { condition: String(literal), position };
}

/**
 * Whether an `if:` lets the job or step run. `success()` and `always()` are taken as true (the token is requested
 * when the earlier steps succeed); a condition on what only the run knows is unknown.
 * https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#jobsjob_idstepsif
 */
export function decide(
  condition: { readonly condition: string; readonly position: SourcePosition } | undefined,
  contexts: Contexts,
): RunsWhen {
  if (condition === undefined) return { kind: 'always' };
  return rememberedResult(condition, condition.condition, contexts, () => decideFresh(condition, contexts));
}

function decideFresh(
  condition: { readonly condition: string; readonly position: SourcePosition },
  contexts: Contexts,
): RunsWhen {
  const result = evaluateExpression(condition.condition, contexts, { condition: true });
  if (result.kind === 'unknown') return { kind: 'unknown', ...condition, reason: result.reason };
  const value = result.value;
  const truthy = !(value === null || value === false || value === 0 || value === '');
  return truthy ? { kind: 'always' } : { kind: 'never', ...condition };
}

/** Both must hold: `never` wins, then `unknown`. */
export function both(outer: RunsWhen, inner: RunsWhen): RunsWhen {
  if (outer.kind === 'never' || inner.kind === 'always') return outer;
  if (inner.kind === 'never' || outer.kind === 'always') return inner;
  return outer;
}

/**
 * The `inputs` a caller's `with:` gives to a reusable workflow: each input from `with:` (keys matched without regard
 * to case), else its default evaluated in `defaultContexts`, else its type's empty value. GitHub refuses a `with:` key
 * the called workflow does not declare, so the declared inputs are all there is.
 * https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#onworkflow_callinputs
 */
export function assignInputs(
  file: string,
  defs: readonly InputDefinition[],
  withValues: ValueMap,
  defaultContexts: Contexts,
): Record<string, ContextValue> {
  const inputs: Record<string, ContextValue> = {};
  if (defs.length === 0) return inputs;
  // The first key of each spelling, as a search in written order would find it.
  const byName = new Map<string, WorkflowValue>();
  for (const [k, v] of Object.entries(withValues)) if (!byName.has(k.toLowerCase())) byName.set(k.toLowerCase(), v);
  for (const { input, defaultToken } of defs) {
    const given = byName.get(input.id.toLowerCase());
    if (given) inputs[input.id] = asContextValue(given);
    else if (defaultToken) inputs[input.id] = asContextValue(evaluateToken(file, defaultToken, defaultContexts));
    else inputs[input.id] = input.type === 'boolean' ? false : input.type === 'number' ? 0 : '';
  }
  return inputs;
}

/**
 * The `inputs` the steps of a composite action see, as the runner builds them
 * (https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionRunner.cs, `RunAsync`): every key of the step's
 * `with:`, declared by the action or not (one it does not declare only draws the warning "Unexpected input(s)"),
 * keys compared without regard to case and a later spelling's value winning (`ConvertToStepInputs` in
 * src/Sdk/DTPipelines/Pipelines/ObjectTemplating/PipelineTemplateConverter.cs fills a case-insensitive dictionary);
 * then each declared input `with:` does not give, as its `default:` evaluated in `defaultContexts`, else `''`
 * (`ConvertInputs` in src/Runner.Worker/ActionManifestManager.cs). The composite handler hands every one to its steps
 * as a string (`inputsData[i.Key] = new StringContextData(i.Value)` in
 * src/Runner.Worker/Handlers/CompositeActionHandler.cs).
 */
export function compositeInputs(
  file: string,
  defs: readonly InputDefinition[],
  withValues: ValueMap,
  defaultContexts: Contexts,
): Record<string, ContextValue> {
  const given = new Map<string, { readonly key: string; readonly value: ContextValue }>();
  for (const [key, v] of Object.entries(withValues)) {
    const lower = key.toLowerCase();
    given.set(lower, { key: given.get(lower)?.key ?? key, value: asInputString(asContextValue(v)) });
  }
  const inputs: Record<string, ContextValue> = {};
  for (const { key, value } of given.values()) inputs[key] = value;
  for (const { input, defaultToken } of defs) {
    if (given.has(input.id.toLowerCase())) continue;
    given.set(input.id.toLowerCase(), { key: input.id, value: '' });
    inputs[input.id] = defaultToken
      ? asInputString(asContextValue(evaluateToken(file, defaultToken, defaultContexts)))
      : '';
  }
  return inputs;
}

/** A value as the runner's string input: text as is, `null` as `''`, a number or boolean as its text. */
function asInputString(value: ContextValue): ContextValue {
  if (value instanceof Unknown || typeof value === 'string') return value;
  if (value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return new Unknown('an input that is not text');
}
