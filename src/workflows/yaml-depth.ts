/**
 * How deep a workflow or action file nests, and how many errors the YAML library finds in it, both found before any
 * parser builds its tree. GitHub's parser (`@actions/workflow-parser`, over the `yaml` library) composes the tree
 * recursively: a 1 MiB file of `[[[…` takes it seconds and hundreds of MB before it gives up with a stack overflow.
 * And it makes one error (with a stack trace and the line quoted) for each stray token: 100,000 stray brackets after
 * a scalar (`x: 'a' [[[…`) took it 100 seconds and 695 MB. JSON input is refused past 64 levels the same way
 * (src/text/json-depth.ts).
 *
 * The depth is the one the `yaml` library itself reaches, not a guess from the text: its lexer and its CST parser
 * (node_modules/yaml/dist/parse/lexer.js and parser.js) are iterative, keep the open nodes on an explicit stack, and
 * are linear in the text; the recursive part is the composer, which walks that CST, so its depth is the stack's.
 * The pass stops as soon as the stack is deeper than the bound. A text scan of our own would have to agree with the
 * lexer on every quoted, plain and block scalar, comment, anchor and tag (YAML 1.2.2, chapters 6 to 8); each place it
 * disagreed hid brackets from it or counted text as structure. js-yaml (`src/workflows/fast-reader.ts`) reads the
 * same text first: it throws at its first error and past its own `maxDepth` of 100 (node_modules/js-yaml/dist/
 * js-yaml.d.ts), and the fast reader declines a text nested past MAX_YAML_DEPTH; a text it declines meets this pass
 * before GitHub's parser (`src/workflows/load.ts`).
 */
import { Composer, type CST, Lexer, Parser } from 'yaml';

type Token = CST.Token;

/** The deepest nesting of block and flow collections together that a workflow or action file may have. */
export const MAX_YAML_DEPTH = 64;

/**
 * Where a YAML text first nests deeper than `limit`, as the `yaml` library's parser nests it: the line and column
 * (1-based) of the token that opens the level past it; else undefined. Linear in the text, and stops there.
 */
export function yamlTooDeep(
  text: string,
  limit: number = MAX_YAML_DEPTH,
): { readonly line: number; readonly column: number } | undefined {
  const found = scanYaml(text, limit, undefined);
  return found?.kind === 'too-deep' ? found.at : undefined;
}

/** The most YAML errors taken from one file: a file with more is not given to GitHub's parser. */
export const MAX_YAML_ERRORS = 20;

/**
 * Whether the `yaml` library finds more than `limit` errors in the text, as GitHub's parser would meet them
 * (https://github.com/actions/languageservices/blob/main/workflow-parser/src/workflows/yaml-object-reader.ts reads
 * with the library's `parseDocument`); the errors are counted, never built.
 */
export function yamlErrorsExceed(text: string, limit: number = MAX_YAML_ERRORS): boolean {
  return scanYaml(text, MAX_YAML_DEPTH, limit)?.kind === 'too-many-errors';
}

/**
 * What keeps a text from GitHub's parser, found in one pass of the `yaml` library's lexer, parser and composer:
 * nested past {@link MAX_YAML_DEPTH} (with where), or more than {@link MAX_YAML_ERRORS} errors; else undefined.
 */
export function yamlBeyondBounds(text: string): YamlBeyond | undefined {
  return scanYaml(text, MAX_YAML_DEPTH, MAX_YAML_ERRORS);
}

/** Why a text is beyond the bounds of {@link yamlBeyondBounds}. */
export type YamlBeyond =
  | { readonly kind: 'too-deep'; readonly at: { readonly line: number; readonly column: number } }
  | { readonly kind: 'too-many-errors' };

/** Thrown to stop counting once the bound is passed; never leaves this module. */
class TooManyErrors extends Error {}

/**
 * The pass: each lexeme to the CST parser, its depth checked after each; each complete top-level token (a document
 * is complete only once all its lexemes are checked) to the composer when errors are counted (`errorLimit`), which
 * then never recurses past `depthLimit`.
 */
function scanYaml(text: string, depthLimit: number, errorLimit: number | undefined): YamlBeyond | undefined {
  // The stack holds the document, then each open collection (and, while one is read, a scalar or a pair's key).
  const bound = depthLimit + 1;
  const parser = new Parser();
  const composer = errorLimit === undefined ? undefined : new Composer();
  let errors = 0;
  if (composer !== undefined) {
    // The composer reports every error through its `onError`, which it passes down to each node it composes
    // (node_modules/yaml/dist/compose/composer.js); counting there skips building the error (its stack trace and
    // the source line it quotes are what made 100,000 errors take GitHub's parser 100 seconds).
    (composer as unknown as { onError: () => void }).onError = () => {
      errors += 1;
      if (errors > (errorLimit as number)) throw new TooManyErrors();
    };
  }
  // Only the composer's errors matter: the documents it yields are dropped.
  const drain = (docs: Iterable<unknown>) => {
    for (const _doc of docs);
  };
  const compose = (tokens: Iterable<Token>) => {
    for (const token of tokens) if (composer !== undefined) drain(composer.next(token));
  };
  try {
    for (const lexeme of new Lexer().lex(text)) {
      const before = parser.offset;
      compose(parser.next(lexeme));
      if (parser.stack.length > bound) return { kind: 'too-deep', at: lineAndColumn(text, before) };
    }
    compose(parser.end());
    if (composer !== undefined) drain(composer.end());
  } catch (error) {
    if (error instanceof TooManyErrors) return { kind: 'too-many-errors' };
    throw error;
  }
  return undefined;
}

/** The 1-based line and column of offset `at` in `text`. */
function lineAndColumn(text: string, at: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: at - lineStart + 1 };
}

/**
 * The line breaks YAML parsers disagree on, by name. YAML 1.2.2 makes a lone carriage return a line break
 * (https://yaml.org/spec/1.2.2/#54-line-break-characters), as js-yaml and PyYAML read it, but the `yaml` library
 * under GitHub's TypeScript parser reads it as a space, so a job after `# note\r` is a comment to one and a job to
 * the other; YAML 1.1 (https://yaml.org/spec/1.1/#id871136) also breaks lines at NEL, LS and PS, which YAML 1.2 reads
 * as text. GitHub runs workflows with its service's own parser, not the TypeScript one, so which reading it takes is
 * not known here.
 */
const AMBIGUOUS_BREAKS: Readonly<Record<string, string>> = {
  '\r': 'a carriage return not followed by a line feed',
  '\u0085': 'a next line character, U+0085',
  '\u2028': 'a line separator, U+2028',
  '\u2029': 'a paragraph separator, U+2029',
};

/** The first line break in `text` that YAML parsers disagree on: its line and column (1-based) and its name. */
export function ambiguousLineBreak(
  text: string,
): { readonly line: number; readonly column: number; readonly name: string } | undefined {
  const found = /\r(?!\n)|[\u0085\u2028\u2029]/.exec(text);
  if (found === null) return undefined;
  return { ...lineAndColumn(text, found.index), name: AMBIGUOUS_BREAKS[found[0]] ?? found[0] };
}
