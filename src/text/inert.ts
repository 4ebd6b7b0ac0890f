/**
 * Makes outside text inert before it is written to the runner's log. The runner reads every line the step prints:
 * a line that starts with `::` (after leading whitespace) is a workflow command, and so is `##[...]` anywhere in a
 * line (the older form); it splits lines on `\n`, `\r\n` and a bare `\r`
 * (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands). A branch name, a claim,
 * a policy file's name or a permission line could otherwise print a notice, a warning, or `::stop-commands::`.
 *
 * {@link inert} writes one line (or, for an annotation's message, lines whose breaks @actions/core escapes) with:
 * - `\` as `\\`, so every escape below is unambiguous (the text can be read back exactly);
 * - every line break and control character escaped: `\n`, `\r`, `\t`, `\xHH` for the rest of C0, DEL and C1
 *   (U+0085, NEL, among them), `\uHHHH` for the Unicode line and paragraph separators (U+2028, U+2029) and the
 *   bidirectional controls (U+202A–U+202E, U+2066–U+2069), which can make a line read as something it is not;
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
 * C0 controls, DEL, C1 controls, the line and paragraph separators, and the bidirectional embeddings, overrides
 * and isolates.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this regular expression's purpose.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escapeControl(c: string): string {
  const short = SHORT[c];
  if (short) return short;
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * `text` with only its control and reordering characters escaped, as {@link inert} escapes them: for a terminal, where
 * no line starts with outside text, so `::` means nothing.
 */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, escapeControl);
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
    .replace(CONTROL, escapeOne)
    .replace(LEADING_COLON, '$1$2\\:')
    .replace(/(?<=#)#(?=\[)/g, '\\#');
}

/**
 * A whole output made inert for a runner's log, as a CLI prints it (a CI step may run it): each line of text or
 * Markdown through {@link inert}; JSON with `##[` written as the JSON escape `\u0023` (which leaves its values as they
 * are; a line of indented JSON never begins with `:`).
 */
export function inertOutput(text: string, json: boolean): string {
  if (json) return text.replace(/(?<=#)#(?=\[)/g, '\\u0023');
  return text
    .split('\n')
    .map((line) => inert(line))
    .join('\n');
}
