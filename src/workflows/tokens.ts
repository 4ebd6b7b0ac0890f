/**
 * Helpers over the template tokens of GitHub's workflow parser (`@actions/workflow-parser`): the tree it builds from
 * a workflow or action file, where every node keeps its line and column and every `${{ }}` is already an expression
 * token. Kinds are told apart by the token's type number, so this file needs nothing of the parser at run time.
 */
import type {
  BasicExpressionToken,
  BooleanToken,
  MappingToken,
  NumberToken,
  SequenceToken,
  StringToken,
  TemplateToken,
} from '@actions/workflow-parser/templates/tokens/index';
import type { RawValue, SourcePosition } from './model.js';

/** The parser's `TokenType` numbers (`templates/tokens/types.d.ts` of the package). */
const STRING = 0;
const SEQUENCE = 1;
const MAPPING = 2;
const BASIC_EXPRESSION = 3;
const INSERT_EXPRESSION = 4;
const BOOLEAN = 5;
const NUMBER = 6;
const NULL = 7;

export function isMappingToken(t: TemplateToken | undefined): t is MappingToken {
  return t?.templateTokenType === MAPPING;
}

export function isSequenceToken(t: TemplateToken | undefined): t is SequenceToken {
  return t?.templateTokenType === SEQUENCE;
}

export function isStringToken(t: TemplateToken | undefined): t is StringToken {
  return t?.templateTokenType === STRING;
}

export function isExpressionToken(t: TemplateToken | undefined): t is BasicExpressionToken {
  return t?.templateTokenType === BASIC_EXPRESSION;
}

/** The token's position in `file` (1-based), or the file's start when the parser gave none. */
export function positionOf(file: string, t: TemplateToken | undefined): SourcePosition {
  const start = t?.range?.start;
  return { file, line: start?.line ?? 1, column: start?.column ?? 1 };
}

/** The pairs of each mapping token read, indexed once: a job's tokens are read again for every instance. */
const INDEXED = new WeakMap<MappingToken, ReadonlyArray<[string, TemplateToken, TemplateToken]>>();

/** The pairs of a mapping token, keyed by their string key (non-string keys are skipped). */
export function entries(t: TemplateToken | undefined): ReadonlyArray<[string, TemplateToken, TemplateToken]> {
  if (!isMappingToken(t)) return [];
  const known = INDEXED.get(t);
  if (known) return known;
  const out: Array<[string, TemplateToken, TemplateToken]> = [];
  for (const pair of t) {
    if (isStringToken(pair.key)) out.push([pair.key.value, pair.value, pair.key]);
  }
  INDEXED.set(t, out);
  return out;
}

/** The value of `key` in a mapping token. */
export function child(t: TemplateToken | undefined, key: string): TemplateToken | undefined {
  return entries(t).find(([k]) => k === key)?.[1];
}

/** The key token of `key` in a mapping token (for the position of the key itself). */
export function keyToken(t: TemplateToken | undefined, key: string): TemplateToken | undefined {
  return entries(t).find(([k]) => k === key)?.[2];
}

/** The items of a sequence token. */
export function items(t: TemplateToken | undefined): TemplateToken[] {
  return isSequenceToken(t) ? [...t] : [];
}

/** A literal string token's value. */
export function stringOf(t: TemplateToken | undefined): string | undefined {
  return isStringToken(t) ? t.value : undefined;
}

/** The `${{ }}` source of an expression token (as written), or its expression. */
export function expressionSource(t: BasicExpressionToken): string {
  return t.source === undefined ? `\${{ ${t.expression} }}` : unquoted(t.source);
}

/**
 * A YAML scalar's text without its quotes, as the value reads (`'${{ github.token }}'` is `${{ github.token }}`):
 * single quotes double a quote inside, double quotes escape as JSON does
 * (https://yaml.org/spec/1.2.2/#73-flow-scalar-styles).
 */
function unquoted(source: string): string {
  const text = source.trim();
  if (text.length >= 2 && text.startsWith("'") && text.endsWith("'")) return text.slice(1, -1).replaceAll("''", "'");
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) {
    try {
      return JSON.parse(text) as string;
    } catch {
      return text.slice(1, -1);
    }
  }
  return source;
}

/**
 * The token as plain JSON: mappings as objects, sequences as arrays, literals as their value, expressions as their
 * source text. Depth is bounded by the parser's own limits on the YAML it reads.
 */
export function toPlain(t: TemplateToken | undefined): unknown {
  if (t === undefined) return undefined;
  switch (t.templateTokenType) {
    case BASIC_EXPRESSION:
      return expressionSource(t as BasicExpressionToken);
    case INSERT_EXPRESSION:
      return `\${{ insert }}`;
    case SEQUENCE:
      return items(t).map(toPlain);
    case MAPPING:
      return Object.fromEntries(entries(t).map(([k, v]) => [k, toPlain(v)]));
    default:
      return literalOf(t) ?? null;
  }
}

/** A raw value with its position (for `permissions:`). */
export function rawValue(file: string, t: TemplateToken | undefined): RawValue | undefined {
  return t === undefined ? undefined : { value: toPlain(t), position: positionOf(file, t) };
}

/** A literal scalar's value (string, number, boolean, null), or undefined for anything else. */
export function literalOf(t: TemplateToken): string | number | boolean | null | undefined {
  switch (t.templateTokenType) {
    case STRING:
      return (t as StringToken).value;
    case BOOLEAN:
      return (t as BooleanToken).value;
    case NUMBER:
      return (t as NumberToken).value;
    case NULL:
      return null;
    default:
      return undefined;
  }
}

/** A list of strings from a sequence (or a single string), literals only. */
export function stringList(t: TemplateToken | undefined): string[] {
  if (isStringToken(t)) return [t.value];
  return items(t)
    .map(stringOf)
    .filter((s): s is string => s !== undefined);
}
