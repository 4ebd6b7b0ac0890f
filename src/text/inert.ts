/**
 * Makes outside text inert before it is written to the runner's log. The runner reads every line the step prints:
 * a line that starts with `::` (after leading whitespace) is a workflow command, and so is `##[...]` anywhere in a
 * line (the older form); it splits lines on `\n`, `\r\n` and a bare `\r`
 * (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands). A branch name, a claim,
 * a policy file's name or a permission line could otherwise print a notice, a warning, or `::stop-commands::`.
 *
 * {@link inert} writes one line (or, for an annotation's message, lines whose breaks @actions/core escapes) with:
 * - `\` as `\\`, so every escape below is unambiguous (the text can be read back exactly);
 * - every line break, control and other hidden character ({@link HIDDEN}) escaped: `\n`, `\r`, `\t`, `\xHH` for the
 *   rest of C0, DEL and C1 (U+0085, NEL, among them), `\uHHHH` for the rest (the Unicode line and paragraph
 *   separators, the bidirectional controls, zero-width characters), `\u{HHHHH}` past U+FFFF (the tag characters);
 * - a `:` that is the first character of the line after its leading whitespace written `\:` (the runner reads
 *   `::` as a command only there: `ActionCommand.TryParseV2` in actions/runner trims the line's start and requires
 *   the `::` keyword; a `::` inside a line is data, and an ARN such as `arn:aws:s3:::bucket` stays as written, so
 *   a fix can be copied), and every `#` between a `#` and a `[` written `\#` (so `##[`, which the older form reads
 *   anywhere in a line, becomes `#\#[`).
 *
 * The separator is a visible backslash, not a zero-width character: a reader of the log sees that the text was
 * escaped (an invisible one would make a forged `::notice::` look real in the raw log), and the runner cannot
 * undo it. The runner unescapes only `%25`, `%0D` and `%0A` in a command's data (and `%3A`, `%2C` in its
 * properties), never a backslash, and @actions/core escapes `%` itself before writing a command, so nothing the
 * runner decodes can turn `\:` back into `::`, nor `\n` back into a line break.
 */

/** Escapes for the control characters that have a short form. */
const SHORT: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Every character that is not seen as itself: the controls (C0, DEL, C1: `Cc`), the format characters (`Cf`: the
 * bidirectional embeddings, overrides, isolates and marks, the zero-width space and joiners, the word joiner, the
 * byte order mark, the soft hyphen, the tag characters), the line and paragraph separators (`Zl`, `Zp`) and lone
 * surrogates (`Cs`). Any of them can make a line read as something it is not (`prod` followed by a zero-width space
 * looks like `prod`). The one pattern of the report's outputs: the job summary (src/report/summary.ts) and quoted
 * log lines (src/diagnose/clean.ts) escape the same characters.
 */
export const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

/** A character's code point in hexadecimal, at least four digits. */
export function codePointHex(c: string): string {
  return (c.codePointAt(0) ?? 0).toString(16).padStart(4, '0');
}

function escapeControl(c: string): string {
  const short = SHORT[c];
  if (short) return short;
  const code = c.codePointAt(0) ?? 0;
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
  return code <= 0xffff ? `\\u${codePointHex(c)}` : `\\u{${codePointHex(c)}}`;
}

/**
 * `text` with only its control and reordering characters escaped, as {@link inert} escapes them: for a terminal, where
 * no line starts with outside text, so `::` means nothing.
 */
export function escapeControls(text: string): string {
  return text.replace(HIDDEN, escapeControl);
}

/** What {@link inert} may keep. */
export interface InertOptions {
  /**
   * Keep line feeds (a `\r\n` becomes `\n`; a bare `\r` is still escaped): for an annotation's message, which
   * @actions/core writes as one command with `\n` as `%0A`, shown by GitHub as a message of several lines.
   */
  readonly multiline?: boolean;
}

/**
 * A `:` that begins a line after its leading whitespace: every character the runner's trim takes as white space is
 * in `\s` (U+0085, the one that is not, is escaped as a control before this runs). In a multi-line text, each line.
 */
const LEADING_COLON = /(^|\n)([^\S\n]*):/g;

/** `text` as one inert log line: see the module's comment. The identity on text with nothing to escape. */
export function inert(text: string, options: InertOptions = {}): string {
  const escapeOne = (c: string) => (options.multiline && c === '\n' ? c : escapeControl(c));
  return (options.multiline ? text.replace(/\r\n/g, '\n') : text)
    .replace(/\\/g, '\\\\')
    .replace(HIDDEN, escapeOne)
    .replace(LEADING_COLON, '$1$2\\:')
    .replace(/(?<=#)#(?=\[)/g, '\\#');
}

/**
 * A whole output made inert for a runner's log, as a CLI prints it (a CI step may run it): each line of text or
 * Markdown through {@link inert}; JSON with `##[` written as the JSON escape `\u0023` (which leaves its values as they
 * are; a line of indented JSON never begins with `:`).
 */
export function inertOutput(text: string, json: boolean): string {
  if (json) {
    // JSON.stringify leaves U+2028, U+0085, the format characters and lone surrogates raw inside strings: each is
    // written as its `\uXXXX` escape (a pair past U+FFFF), which leaves the values as they are. A line feed outside
    // a string is the layout's.
    const unit = (u: string) => `\\u${u.charCodeAt(0).toString(16).padStart(4, '0')}`;
    return text
      .replace(/(?<=#)#(?=\[)/g, '\\u0023')
      .replace(HIDDEN, (c) => (c === '\n' ? c : c.split('').map(unit).join('')));
  }
  return text
    .split('\n')
    .map((line) => inert(line))
    .join('\n');
}

/**
 * A whole output of the CLI made inert, whatever its format: a JSON document (it parses) by {@link inertOutput}'s JSON
 * rule, anything else line by line. The CLI writes each output whole, so a document is never split.
 */
export function inertAnyOutput(text: string): string {
  const start = text.trimStart()[0];
  if (start === '{' || start === '[') {
    try {
      JSON.parse(text);
      return inertOutput(text, true);
    } catch {
      // Not JSON: text that starts with a bracket.
    }
  }
  return inertOutput(text, false);
}
