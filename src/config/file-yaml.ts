/**
 * The config file's YAML, parsed with positions: the `yaml` package's document keeps every node's range, and a
 * LineCounter turns an offset into a 1-based line and column. Syntax errors come back as configuration errors with
 * the line and column the parser reports. Pure (no I/O); loaded only when a config file exists.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { jsonTooDeep, MAX_JSON_DEPTH, valueTooDeep } from '../text/json-depth.js';
import type { Locate } from './file-errors.js';
import type { ConfigError } from './tokens.js';

/** A parsed file: its plain value and a locator into its text, or its syntax errors. */
export type ParsedYaml =
  | { readonly ok: true; readonly value: unknown; readonly locate: Locate }
  | { readonly ok: false; readonly errors: ConfigError[] };

/** Aliases may expand a small file into a huge value ("billion laughs"); no honest config file needs many. */
const MAX_ALIAS_COUNT = 100;

/** The error of a file nested deeper than any configuration is. */
function tooDeep(file: string, line: number, column: number): ConfigError {
  return {
    where: 'YAML',
    message: `nests deeper than ${MAX_JSON_DEPTH} levels, which no configuration does`,
    file,
    line,
    column,
  };
}

/** Parses `text`; `file` names it in errors. */
export function parseYamlWithPositions(text: string, file: string): ParsedYaml {
  // Flow collections (`[…]`, `{…}`) nest by brackets: too deep, and the parser would exhaust the stack first.
  const deep = jsonTooDeep(text);
  if (deep) return { ok: false, errors: [tooDeep(file, deep.line, deep.column)] };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => {
        const at = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
        // prettyErrors appends " at line L, column C:" and a code frame; the place is said once, up front.
        const message = (e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
        return { where: 'YAML', message: `is not valid: ${message}`, file, line: at.line, column: at.col };
      }),
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [{ where: 'YAML', message: `cannot be read: ${message}`, file, line: 1, column: 1 }] };
  }
  // Block collections nest by indentation; the value is checked before the schema validator walks it.
  if (valueTooDeep(value)) return { ok: false, errors: [tooDeep(file, 1, 1)] };
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const locate: Locate = (path, part) => {
    let node: unknown = doc.contents;
    let key: Node | undefined;
    let last: Node | undefined = isNode(node) ? node : undefined;
    for (const segment of path) {
      if (isAlias(node)) node = node.resolve(doc);
      key = undefined;
      if (isMap(node)) {
        const pair = node.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === String(segment));
        if (!pair) break;
        key = isNode(pair.key) ? pair.key : undefined;
        node = pair.value;
      } else if (isSeq(node)) {
        node = node.items[Number(segment)];
      } else break;
      // An empty value (`key:`) has an empty range just after the colon: its key is the better place.
      const empty = isScalar(node) && node.range && node.range[0] === node.range[1];
      const found = part === 'key' || empty || !isNode(node) ? (key ?? (isNode(node) ? node : undefined)) : node;
      if (!found) break;
      last = found;
    }
    return last?.range ? position(last.range[0]) : { line: 1, column: 1 };
  };
  return { ok: true, value, locate };
}

function isNode(value: unknown): value is Node {
  return isScalar(value) || isMap(value) || isSeq(value) || isAlias(value);
}
