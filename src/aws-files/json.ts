/**
 * JSON with positions, for AWS CLI output files. The values come from `JSON.parse`, which is native and fast; the
 * lines of the policy documents in them come from one regular-expression pass over the text for the keys that hold
 * documents, paired in order with the same keys met in a walk of the parsed values (JSON.parse keeps key order).
 * Only when `JSON.parse` refuses the text does a strict hand-written scan run: to split a file holding several
 * values in a row (`cat page1.json page2.json`, or `>>`), or to say where the syntax error is, by line and column
 * (node's own message gives a position on some versions and not on others). Pure: text in, data out.
 */

/** Keys whose values are policy documents (or hold one) in the outputs this tool reads: their lines are recorded. */
const DOCUMENT_KEYS = new Set(['AssumeRolePolicyDocument', 'PolicyDocument', 'Document', 'Content', 'Policy']);
/** A document key, quoted, followed by a colon. */
const DOCUMENT_KEY = /"(?:AssumeRolePolicyDocument|PolicyDocument|Document|Content|Policy)"\s*:/g;

/** One top-level JSON value of a file. */
export interface JsonValue {
  readonly value: unknown;
  /** The line (1-based) where the value starts. */
  readonly line: number;
  /** The offset in the text where the value starts. */
  readonly offset: number;
}

/** The values of a file, and the lines of the documents in them. */
export interface ParsedJson {
  readonly ok: true;
  readonly values: readonly JsonValue[];
  /**
   * The line of `parent[key]`, for an object met in `values` and a key that holds a policy document
   * (`AssumeRolePolicyDocument`, `PolicyDocument`, `Document`, `Content`, `Policy`).
   */
  readonly lineOf: (parent: object, key: string) => number | undefined;
  /**
   * The lines in the file of the value at `parent[key]` (a document key, as for `lineOf`), or of a top-level value
   * when `parent` is one and `key` is undefined, from one walk of its text: the keys that repeat in an object of it
   * and its statements (see {@link documentLines}); undefined when the value is not located.
   */
  readonly documentIn: (parent: object, key?: string) => DocumentLines | undefined;
}

/** What one walk of a policy document's text finds: see {@link duplicateKeys} and {@link statementLines}. */
export interface DocumentLines {
  readonly duplicates: readonly DuplicateKey[];
  readonly statementLines: readonly number[];
}

/** A key that repeats in one object: JSON.parse keeps the last; the lines of the first and of the repeat. */
export interface DuplicateKey {
  readonly key: string;
  readonly lines: readonly [number, number];
}

/** Where and why the text is not JSON. */
export interface JsonSyntaxError {
  readonly ok: false;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** A syntax error found by {@link scan}: where, as an offset, and why. */
interface ScanError {
  readonly offset: number;
  readonly message: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
/** The plain run of a string: anything but a quote, a backslash or a control character. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: JSON forbids raw control characters in strings (RFC 8259 §7); this finds them.
const STRING_RUN = /[^"\\\u0000-\u001f]*/y;
const HEX4 = /[0-9a-fA-F]{4}/y;
const LITERALS = ['true', 'false', 'null'] as const;
const ESCAPES = '"\\/bfnrt';

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** Skips a string whose opening quote is at `i`; returns the offset after its closing quote, or an error. */
function skipString(text: string, i: number): number | ScanError {
  let at = i + 1;
  for (;;) {
    STRING_RUN.lastIndex = at;
    STRING_RUN.test(text);
    at = STRING_RUN.lastIndex;
    const c = text.charCodeAt(at);
    if (c === 34) return at + 1;
    if (c !== 92) {
      return Number.isNaN(c)
        ? { offset: i, message: 'a string that is never closed' }
        : { offset: at, message: 'a control character (such as a line break) inside a string; escape it' };
    }
    const next = text[at + 1] ?? '';
    if (next === 'u') {
      HEX4.lastIndex = at + 2;
      if (!HEX4.test(text)) return { offset: at, message: 'a \\u escape without four hex digits' };
      at += 6;
    } else if (next !== '' && ESCAPES.includes(next)) at += 2;
    else return { offset: at, message: `an invalid escape '\\${next}' in a string` };
  }
}

function describeAt(text: string, i: number): string {
  return i >= text.length ? 'the end of the file' : `'${text[i]}'`;
}

/** Skips a number or `true`/`false`/`null` at `i`; returns the offset after it, or an error. */
function skipScalar(text: string, i: number, c: number): number | ScanError {
  if (c === 45 || (c >= 48 && c <= 57)) {
    NUMBER.lastIndex = i;
    return NUMBER.test(text) ? NUMBER.lastIndex : { offset: i, message: 'an invalid number' };
  }
  const literal = LITERALS.find((word) => text.startsWith(word, i));
  return literal ? i + literal.length : { offset: i, message: `expected a value, found ${describeAt(text, i)}` };
}

/** Reads `"name" :` at `i`; returns the offset after the colon, or an error. */
function readKey(text: string, i: number): number | ScanError {
  let at = i;
  while (isSpace(text.charCodeAt(at))) at++;
  if (text.charCodeAt(at) !== 34) {
    return { offset: at, message: `expected a property name in double quotes, found ${describeAt(text, at)}` };
  }
  const end = skipString(text, at);
  if (typeof end !== 'number') return end;
  at = end;
  while (isSpace(text.charCodeAt(at))) at++;
  if (text.charCodeAt(at) !== 58) {
    return { offset: at, message: `expected ':' after the property name, found ${describeAt(text, at)}` };
  }
  return at + 1;
}

/**
 * The extent of each top-level value, or the first syntax error. One strict pass, iterative, so deep nesting cannot
 * overflow the stack. Only the nesting kind is kept (true for an array), not keys or values.
 */
function scan(text: string, from: number): { start: number; end: number }[] | ScanError {
  const n = text.length;
  const extents: { start: number; end: number }[] = [];
  const stack: boolean[] = [];
  let i = from;
  for (;;) {
    while (isSpace(text.charCodeAt(i))) i++;
    if (i >= n) return extents;
    const start = i;
    for (;;) {
      while (isSpace(text.charCodeAt(i))) i++;
      if (i >= n) return { offset: i, message: 'the file ends where a value was expected' };
      const c = text.charCodeAt(i);
      if (c === 123 || c === 91) {
        const array = c === 91;
        i++;
        while (isSpace(text.charCodeAt(i))) i++;
        if (text.charCodeAt(i) === (array ? 93 : 125)) i++;
        else {
          stack.push(array);
          if (!array) {
            const after = readKey(text, i);
            if (typeof after !== 'number') return after;
            i = after;
          }
          continue;
        }
      } else {
        const end = c === 34 ? skipString(text, i) : skipScalar(text, i, c);
        if (typeof end !== 'number') return end;
        i = end;
      }
      // The value is complete: close the containers it completes, or go on to the next element.
      let more = false;
      while (!more && stack.length > 0) {
        const array = stack[stack.length - 1];
        while (isSpace(text.charCodeAt(i))) i++;
        const d = text.charCodeAt(i);
        if (d === 44) {
          i++;
          if (!array) {
            const after = readKey(text, i);
            if (typeof after !== 'number') return after;
            i = after;
          }
          more = true;
        } else if (d === (array ? 93 : 125)) {
          i++;
          stack.pop();
        } else return { offset: i, message: `expected ',' or '${array ? ']' : '}'}', found ${describeAt(text, i)}` };
      }
      if (!more) break;
    }
    extents.push({ start, end: i });
  }
}

/** Counts lines up to each offset in one pass over the newlines; offsets must be sorted ascending. */
function linesAt(text: string, offsets: readonly number[]): number[] {
  const lines: number[] = [];
  let line = 1;
  let next = text.indexOf('\n');
  for (const offset of offsets) {
    while (next !== -1 && next < offset) {
      line++;
      next = text.indexOf('\n', next + 1);
    }
    lines.push(line);
  }
  return lines;
}

/** The document keys met in a walk of the values, in document order: the k-th is `parents[k][keys[k]]`. */
interface MetKeys {
  readonly parents: object[];
  readonly keys: string[];
}

/**
 * Visits every object in document order, recording each of its document keys. With `intoDocuments` false it does
 * not descend into a document's value: that is most of a file's bytes, and document keys rarely nest. Only objects
 * and arrays are descended into: a string or a number holds no key.
 */
function walkDocumentKeys(value: unknown, intoDocuments: boolean, met: MetKeys): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === 'object' && item !== null) walkDocumentKeys(item, intoDocuments, met);
    }
  } else {
    const record = value as Record<string, unknown>;
    // for…in allocates no key array; JSON.parse objects have no inherited enumerable keys.
    for (const key in record) {
      const isDocument = DOCUMENT_KEYS.has(key);
      if (isDocument) {
        met.parents.push(record);
        met.keys.push(key);
      }
      const child = record[key];
      if ((intoDocuments || !isDocument) && typeof child === 'object' && child !== null) {
        walkDocumentKeys(child, intoDocuments, met);
      }
    }
  }
}

/**
 * Offsets of the document keys in the text, ascending: each quoted name with a colon after it and an unescaped
 * quote before it (a quote inside a string is always escaped). One regular-expression pass: irregexp
 * compiles it to native code, several times faster on 2 MB than an `indexOf` loop per key (measured).
 */
function findDocumentKeys(text: string): number[] {
  const offsets: number[] = [];
  DOCUMENT_KEY.lastIndex = 0;
  for (let match = DOCUMENT_KEY.exec(text); match; match = DOCUMENT_KEY.exec(text)) {
    if (text.charCodeAt(match.index - 1) !== 92) offsets.push(match.index);
  }
  return offsets;
}

/**
 * Pairs the document keys found in the text with those met in the values, in order. When the counts differ
 * (duplicate keys, which JSON.parse collapses, or integer-like keys, which it reorders) no line is given rather
 * than a wrong one. Lazy: nothing is searched until a line is first asked for, which a file whose documents are
 * never read (see ReadScope in `./types.ts`) never does; then each line is counted when first asked for.
 */
function locateDocuments(text: string, values: readonly JsonValue[]): Pick<ParsedJson, 'lineOf' | 'documentIn'> {
  let located: Located | undefined;
  const locate = () => {
    located ??= pairDocumentKeys(
      text,
      values.map((v) => v.value),
    );
    return located;
  };
  const lines = new LineCounter(text);
  // The value of a key starts after the colon that follows the key's closing quote.
  const valueAfter = (offset: number | undefined) => {
    if (offset === undefined) return undefined;
    const end = skipString(text, offset);
    return typeof end === 'number' ? text.indexOf(':', end) + 1 : undefined;
  };
  const startOf = (parent: object, key: string | undefined) =>
    key === undefined ? values.find((v) => v.value === parent)?.offset : valueAfter(locate()(parent, key));
  return {
    lineOf: (parent, key) => {
      const offset = locate()(parent, key);
      return offset === undefined ? undefined : lines.lineAt(offset);
    },
    documentIn: (parent, key) => {
      const start = startOf(parent, key);
      return start === undefined ? undefined : documentLines(text, start);
    },
  };
}

/** The offset of the document key `parent[key]` in the text. */
type Located = (parent: object, key: string) => number | undefined;

/**
 * The keys that repeat within an object of the JSON value starting at or after `start` (whitespace skipped), with
 * their lines in `text`. JSON.parse keeps the last of them, as IAM does; the first is lost, and with it what the
 * author meant. Only objects are walked: a value that is not one has no keys. The text is JSON (JSON.parse took it).
 */
export function duplicateKeys(text: string, start = 0): DuplicateKey[] {
  return [...documentLines(text, start).duplicates];
}

/**
 * The line of each statement of the policy document starting at or after `start`: of each object in its
 * `Statement` array, or of the `Statement` object itself (the last `Statement`, when the key repeats, as JSON.parse
 * keeps it). Empty when the value is not an object or has no statement object. A finding about a statement points
 * at it, not at the document's first line.
 */
export function statementLines(text: string, start = 0): number[] {
  return [...documentLines(text, start).statementLines];
}

/** {@link duplicateKeys} and {@link statementLines} of the document at `start`, from one walk of its text. */
export function documentLines(text: string, start = 0): DocumentLines {
  const { duplicates, statements } = scanDocument(text, start);
  return { duplicates, statementLines: statements.length === 0 ? [] : linesAt(text, statements) };
}

/** What {@link scanDocument} finds in one document. */
interface DocumentScan {
  readonly duplicates: DuplicateKey[];
  /** The offsets of the statement objects, in order. */
  readonly statements: number[];
}

/** One walk of a document's text for {@link duplicateKeys} and {@link statementLines}. */
function scanDocument(text: string, start: number): DocumentScan {
  let i = start;
  while (isSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== 0x7b) return { duplicates: [], statements: [] };
  const found: { key: string; first: number; second: number }[] = [];
  let statements: number[] = [];
  // One entry per open container: the keys met in an object, null for an array.
  const stack: (Map<string, number> | null)[] = [];
  let expectKey = false;
  // The top-level `Statement` key was just read (its value comes next), and the depth of its array when it is one.
  let statementNext = false;
  let statementArray = -1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const end = skipString(text, i);
      if (typeof end !== 'number') return { duplicates: [], statements: [] };
      const top = stack[stack.length - 1];
      if (top && expectKey) {
        const key = JSON.parse(text.slice(i, end)) as string;
        const first = top.get(key);
        if (first === undefined) top.set(key, i);
        else found.push({ key, first, second: i });
        expectKey = false;
        statementNext = stack.length === 1 && key === 'Statement';
      } else statementNext = false;
      i = end;
      continue;
    }
    if (c === 0x7b || c === 0x5b) {
      if (statementNext) statements = [];
      if (c === 0x7b && (statementNext || stack.length === statementArray)) statements.push(i);
      stack.push(c === 0x7b ? new Map() : null);
      if (statementNext && c === 0x5b) statementArray = stack.length;
      statementNext = false;
      expectKey = c === 0x7b;
    } else if (c === 0x7d || c === 0x5d) {
      if (stack.length === statementArray) statementArray = -1;
      stack.pop();
      if (stack.length === 0) break;
    } else if (c === 0x2c) {
      expectKey = stack[stack.length - 1] != null;
      statementNext = false;
    }
    i++;
  }
  return { duplicates: locateDuplicates(text, found), statements };
}

/** The lines of the repeated keys found by {@link scanDocument}. */
function locateDuplicates(text: string, found: readonly { key: string; first: number; second: number }[]) {
  if (found.length === 0) return [];
  const sorted = found.flatMap((d) => [d.first, d.second]).sort((a, b) => a - b);
  const at = linesAt(text, sorted);
  const lineOf = (offset: number) => at[sorted.indexOf(offset)] ?? 1;
  return found.map((d): DuplicateKey => ({ key: d.key, lines: [lineOf(d.first), lineOf(d.second)] }));
}

/** See {@link locateDocuments}: the offset of each document key, by parent object and key, and its line. */
function pairDocumentKeys(text: string, values: readonly unknown[]): Located {
  const offsets = findDocumentKeys(text);
  const walk = (intoDocuments: boolean): MetKeys => {
    const met: MetKeys = { parents: [], keys: [] };
    for (const value of values) {
      if (typeof value === 'object' && value !== null) walkDocumentKeys(value, intoDocuments, met);
    }
    return met;
  };
  let met = walk(false);
  if (met.keys.length !== offsets.length) {
    // A document holds a document key itself (a `Policy` inside a policy): walk everything.
    met = walk(true);
    if (met.keys.length !== offsets.length) return () => undefined;
  }
  const { parents, keys } = met;
  // The k-th key met is at offsets[k]. A run asks for the lines of a few documents (those of the roles it checks):
  // the first questions search the parents in order, with no index that would give every object of the file an
  // identity hash; past a few, the index is built. A parent's first key is indexed by the parent alone; a parent
  // with several document keys (rare: a resource policy file has one) also by key.
  let asked = 0;
  let first: Map<object, number> | undefined;
  let more: Map<object, Map<string, number>> | undefined;
  const index = () => {
    first = new Map();
    more = new Map();
    for (let k = 0; k < parents.length; k++) {
      const parent = parents[k] as object;
      const known = first.get(parent);
      if (known === undefined) first.set(parent, k);
      else {
        const byKey = more.get(parent) ?? new Map([[keys[known] as string, known]]);
        byKey.set(keys[k] as string, k);
        more.set(parent, byKey);
      }
    }
  };
  // A parent is met once in a walk of parsed JSON, so the entry of its key is the one the index would give.
  const search = (parent: object, key: string): number | undefined => {
    for (let k = parents.indexOf(parent); k >= 0; k = parents.indexOf(parent, k + 1)) if (keys[k] === key) return k;
    return undefined;
  };
  return (parent, key) => {
    let k: number | undefined;
    if (first === undefined && asked++ < 32) k = search(parent, key);
    else {
      if (first === undefined) index();
      k = more?.get(parent)?.get(key) ?? first?.get(parent);
    }
    return k !== undefined && keys[k] === key ? offsets[k] : undefined;
  };
}

/**
 * Lines of offsets asked for one at a time: counting goes on from the last offset asked for when the next is
 * further on (documents are mostly read in file order), and starts again from the top otherwise.
 */
class LineCounter {
  private offset = 0;
  private line = 1;
  constructor(private readonly text: string) {}

  lineAt(offset: number): number {
    if (offset < this.offset) {
      this.offset = 0;
      this.line = 1;
    }
    let next = this.text.indexOf('\n', this.offset);
    while (next !== -1 && next < offset) {
      this.line++;
      next = this.text.indexOf('\n', next + 1);
    }
    this.offset = offset;
    return this.line;
  }
}

function syntaxError(text: string, error: ScanError): JsonSyntaxError {
  const [line = 1] = linesAt(text, [error.offset]);
  return { ok: false, line, column: error.offset - text.lastIndexOf('\n', error.offset - 1), message: error.message };
}

/**
 * Parses a file's text: one JSON value or several in a row, separated by whitespace. A UTF-8 byte order mark is
 * skipped (editors on Windows write one). Never throws.
 */
export function parseJsonWithLines(text: string): ParsedJson | JsonSyntaxError {
  const from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = from === 0 ? text : text.slice(1);
  try {
    const value: unknown = JSON.parse(body);
    let start = from;
    while (isSpace(text.charCodeAt(start))) start++;
    const [line = 1] = linesAt(text, [start]);
    const values = [{ value, line, offset: start }];
    return { ok: true, values, ...locateDocuments(text, values) };
  } catch {
    // Not one JSON value: several in a row, or a syntax error; the strict scan tells which, and where.
  }
  const extents = scan(text, from);
  if (!Array.isArray(extents)) return syntaxError(text, extents);
  if (extents.length === 0) return { ok: false, line: 1, column: 1, message: 'the file is empty; expected JSON' };
  const lines = linesAt(
    text,
    extents.map((e) => e.start),
  );
  const values: JsonValue[] = [];
  for (const [k, extent] of extents.entries()) {
    try {
      const value = JSON.parse(text.slice(extent.start, extent.end)) as unknown;
      values.push({ value, line: lines[k] ?? 1, offset: extent.start });
    } catch (error) {
      // Unreachable while the scan is as strict as JSON.parse; kept so that a difference can never throw.
      return syntaxError(text, {
        offset: extent.start,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return { ok: true, values, ...locateDocuments(text, values) };
}
