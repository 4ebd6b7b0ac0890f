/**
 * JSON Schema errors (ajv's shape, from the generated validator) turned into configuration errors a person reads:
 * the setting's path as written in the file (`aws.roles[0].role-duration-seconds`), what it must be, the value it
 * has, and, through a locator, the line and column of that value (or of the key, for a key that is not allowed).
 * Pure: the YAML side is behind {@link Locate}.
 */

import { editDistance } from '../text/edit-distance.js';
import { hideUserInfo } from '../text/secrets.js';
import type { ConfigError } from './tokens.js';
import { looksLikeSecret } from './tokens.js';

/** One error as ajv reports it (the fields used here; `allErrors` mode). */
export interface SchemaError {
  readonly keyword: string;
  /** JSON pointer to the value, e.g. `/aws/roles/0/role-duration-seconds`. */
  readonly instancePath: string;
  /** Where in the schema the failed keyword is, e.g. `#/$defs/role/properties/role-duration-seconds/type`. */
  readonly schemaPath: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message?: string;
  /**
   * The subschema the keyword failed in (ajv's `verbose`): its `errorMessage` and `patternErrorMessage` (the
   * messages VS Code's JSON and YAML language servers show too), and its `properties`.
   */
  readonly parentSchema?: Readonly<Record<string, unknown>>;
}

/** Gives the line and column of the value at `path`, or of its key with `part: 'key'`; the nearest that exists. */
export type Locate = (
  path: readonly (string | number)[],
  part: 'key' | 'value',
) => { readonly line: number; readonly column: number };

/** Splits a JSON pointer into its segments, unescaped. */
export function splitPointer(pointer: string): string[] {
  return pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * The path as the file spells it: `aws.roles[0].permissions[2]`; a key that is not a plain word is quoted
 * (`environments["prod eu"]`), and the top level is `(top level)`.
 */
export function describePath(path: readonly (string | number)[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number' || /^\d+$/.test(segment)) out += `[${segment}]`;
    else if (!/^[\w$-]+$/.test(segment)) out += `[${JSON.stringify(segment)}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out || '(top level)';
}

/** A value quoted for a message: short, and never something that looks like a credential. */
export function showValue(value: unknown): string {
  if (typeof value === 'string' && looksLikeSecret(value)) return 'a value that looks like a token (not shown)';
  if (value === undefined) return 'nothing';
  const text = hideUserInfo(JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
  null: 'empty',
};

function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** The closest of `names` to a mistyped `name`, when it is close enough to be what was meant. */
function closest(name: string, names: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of names) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase(), undefined, false);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

/**
 * Settings the schema describes (for the action's `tokens` input, which shares it) but the file refuses
 * (src/config/file.ts, INTROSPECTION_REFUSED): never offered as known or meant.
 */
const REFUSED_IN_FILE: ReadonlySet<string> = new Set(['introspection']);

/** `is not a setting here`, with the setting probably meant, or the list of those allowed. */
function describeUnknownKey(key: string, parent: SchemaError['parentSchema']): string {
  const known = Object.keys((parent?.properties as object | undefined) ?? {}).filter(
    (k) => k !== '$schema' && !REFUSED_IN_FILE.has(k),
  );
  const meant = closest(key, known);
  if (meant) return `is not a setting here; did you mean ${meant}?`;
  return known.length > 0 ? `is not a setting here (known: ${known.join(', ')})` : 'is not a setting here';
}

/** The value at a path of the parsed file, for "got ..." in messages. */
function valueAt(data: unknown, path: readonly string[]): unknown {
  let value = data;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/** What is wrong, after the path: `must be an integer, got "1h"`. Undefined drops the error (said by another). */
function describeError(
  error: SchemaError,
  value: unknown,
): { suffix?: string; message: string; part: 'key' | 'value' } {
  const p = error.params;
  const got = `, got ${showValue(value)}`;
  const parent = error.parentSchema;
  const custom = (key: string) => (typeof parent?.[key] === 'string' ? (parent[key] as string) : undefined);
  switch (error.keyword) {
    case 'type': {
      const types = Array.isArray(p.type) ? (p.type as string[]) : String(p.type).split(',');
      return { message: `must be ${orList(types.map((t) => TYPE_WORDS[t] ?? t))}${got}`, part: 'value' };
    }
    case 'enum':
      return { message: `must be ${orList((p.allowedValues as unknown[]).map(String))}${got}`, part: 'value' };
    case 'const':
      return { message: `must be ${showValue(p.allowedValue)}${got}`, part: 'value' };
    case 'pattern':
      return { message: `${custom('patternErrorMessage') ?? `must match ${String(p.pattern)}`}${got}`, part: 'value' };
    case 'required':
      return { suffix: String(p.missingProperty), message: 'is required', part: 'value' };
    case 'dependentRequired':
      return { suffix: String(p.missingProperty), message: `is required with ${String(p.property)}`, part: 'value' };
    case 'additionalProperties':
      return {
        suffix: String(p.additionalProperty),
        message: describeUnknownKey(String(p.additionalProperty), parent),
        part: 'key',
      };
    case 'propertyNames': {
      const names = parent?.propertyNames as Readonly<Record<string, unknown>> | undefined;
      const inner = typeof names?.patternErrorMessage === 'string' ? names.patternErrorMessage : 'is not a valid name';
      return { suffix: String(p.propertyName), message: inner, part: 'key' };
    }
    case 'minItems':
      return {
        message: Number(p.limit) === 1 ? 'must not be empty' : `must have at least ${p.limit} items`,
        part: 'value',
      };
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum':
      return { message: `must be ${String(p.comparison)} ${String(p.limit)}${got}`, part: 'value' };
    case 'oneOf':
    case 'anyOf':
      return { message: custom('errorMessage') ?? `must match one of the allowed forms${got}`, part: 'value' };
    default:
      return { message: custom('errorMessage') ?? error.message ?? `fails ${error.keyword}`, part: 'value' };
  }
}

/**
 * Turns the validator's errors into configuration errors with line and column, sorted by place. Errors inside a
 * `oneOf`/`anyOf` or `propertyNames` are left to that keyword's own error, which says it in one message.
 */
export function describeSchemaErrors(
  errors: readonly SchemaError[],
  data: unknown,
  file: string,
  locate: Locate,
): ConfigError[] {
  const umbrellas = errors
    .filter((e) => ['oneOf', 'anyOf', 'propertyNames'].includes(e.keyword))
    .map((e) => `${e.schemaPath}/`);
  const out: ConfigError[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (umbrellas.some((u) => error.schemaPath.startsWith(u))) continue;
    const path = splitPointer(error.instancePath);
    const described = describeError(error, valueAt(data, path));
    const full = described.suffix === undefined ? path : [...path, described.suffix];
    const at = locate(described.part === 'key' ? full : path, described.part);
    const where = describePath(full);
    const key = `${at.line}:${at.column}:${where}:${described.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ where, message: described.message, file, line: at.line, column: at.column });
  }
  return out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** One line per error: `.github/preflight.yml:14:7: aws.roles[0].role-duration-seconds must be an integer, got "1h"`. */
export function describeConfigError(error: ConfigError): string {
  const place =
    error.file !== undefined
      ? `${error.file}${error.line !== undefined ? `:${error.line}${error.column !== undefined ? `:${error.column}` : ''}` : ''}: `
      : '';
  return `${place}${error.where} ${error.message}`;
}
