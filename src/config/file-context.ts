/**
 * What the config file's readers share: where errors go, how to place them at a line and column, and the readers of
 * values that recur (durations, permission lists). Pure.
 */
import type { RequiredPermission } from '../model/aws.js';
import { parseDuration } from '../tokens/duration.js';
import { describePath, type Locate } from './file-errors.js';
import { parsePermissions } from './permissions.js';
import type { ConfigError } from './tokens.js';

/** A path into the file, as ajv and the locator take it. */
export type FilePath = readonly (string | number)[];

/** What the semantic readers share: where errors go and how to place them. */
export interface FileContext {
  readonly file: string;
  readonly text: string;
  readonly locate: Locate;
  readonly errors: ConfigError[];
}

/** Records an error at the value (or key) at `path`; `column` moves it right, onto a word inside the value. */
export function reportAt(ctx: FileContext, path: FilePath, message: string, part: 'key' | 'value' = 'value'): void {
  const at = ctx.locate(path, part);
  ctx.errors.push({ where: describePath(path), message, file: ctx.file, line: at.line, column: at.column });
}

/** A duration setting in seconds: an integer as it is, a string through `parseDuration`. */
export function readDuration(ctx: FileContext, value: unknown, path: FilePath): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return value;
  const parsed = parseDuration(String(value));
  if (parsed.ok) return parsed.seconds;
  reportAt(ctx, path, parsed.error);
  return undefined;
}

/** The 0-based offset of a 1-based line and column in `text`. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = text.indexOf('\n', offset) + 1;
  return offset + column - 1;
}

/**
 * Reads a list of permission lines. A line that does not parse is reported at the word it names, when the value
 * stands in the file as written (plain or quoted without escapes); else at the start of the value.
 */
export function readPermissionList(ctx: FileContext, lines: readonly string[], path: FilePath): RequiredPermission[] {
  const out: RequiredPermission[] = [];
  lines.forEach((line, i) => {
    const at = ctx.locate([...path, i], 'value');
    const parsed = parsePermissions(line, describePath([...path, i]));
    if (parsed.ok) {
      for (const p of parsed.permissions) out.push({ ...p, origin: `${ctx.file}:${at.line}:${at.column}` });
      return;
    }
    const start = offsetOf(ctx.text, at.line, at.column);
    const shift = ctx.text.startsWith(line, start) ? 0 : ctx.text.startsWith(line, start + 1) ? 1 : undefined;
    for (const error of parsed.errors) {
      let column = at.column;
      if (shift !== undefined) {
        for (const word of line.matchAll(/\S+/g)) {
          const text = word[0];
          if (error.message.startsWith(`"${text}" `) || error.message.startsWith(`"${text.split('=')[0]}" `)) {
            column = at.column + shift + word.index;
            break;
          }
        }
      }
      ctx.errors.push({
        where: describePath([...path, i]),
        message: error.message,
        file: ctx.file,
        line: at.line,
        column,
      });
    }
  });
  return out;
}
