/**
 * Makes outside text inert before it is written to the runner's log. The runner reads every line the step prints:
 * a line that starts with `::` (after leading whitespace) is a workflow command, and so is `##[...]` anywhere in a
 * line (the older form); it splits lines on `\n`, `\r\n` and a bare `\r`
 * (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands). A branch name, a claim,
 * a policy file's name or a permission line could otherwise print a notice, a warning, or `::stop-commands::`.
 *
 * {@link inert} writes one line with:
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

/**
 * A `:` that begins the line after its leading whitespace: every character the runner's trim takes as white space is
 * in `\s` (U+0085, the one that is not, is escaped as a control before this runs).
 */
const LEADING_COLON = /^(\s*):/;

/**
 * `text` as one inert log line: see the module's comment. The identity on text with nothing to escape. A line break
 * in `text` is always escaped: the only line breaks the action writes are its own, between the lines
 * {@link inertLines} is given.
 */
export function inert(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(HIDDEN, escapeControl)
    .replace(LEADING_COLON, '$1\\:')
    .replace(/(?<=#)#(?=\[)/g, '\\#');
}

/**
 * actions/runner cuts an annotation's message (and so the step's failure message, which @actions/core writes as an
 * error annotation) at 4,096 characters and cuts nothing else of it that the action could keep: `_maxIssueMessageLength`
 * in `src/Runner.Worker/ExecutionContext.cs` (https://github.com/actions/runner). A message stays within it, so a
 * finding's fix, the last line of its annotation, is never cut off by the runner.
 */
export const MAX_MESSAGE_CHARS = 4096;

/**
 * Any one log line, debug line, group name or annotation title, as written (escapes counted): a 900 KB branch filter
 * must not become megabytes of log. The JSON report keeps every value whole.
 */
export const MAX_LINE_CHARS = 4096;

/** A line of a message is never given less room than this while another line is shown in full. */
const MIN_LINE_CHARS = 200;

/** The visible mark of what a capped line leaves out. */
const more = (n: number, what: string) => `…(${n} more ${what})`;

/** The written length of one code point: its escape, and one more for a `\` a `:` or `#` may get from its place. */
const cost = (c: string) => (c === '\\' || c === ':' || c === '#' ? 2 : inert(c).length);

/**
 * `text` as one inert log line ({@link inert}) of at most `max` characters: a longer one keeps its start and its end,
 * with `…(N more characters)` between them counting the characters left out. The end is kept because the action's own
 * text (what to do) usually follows the outside values it quotes.
 */
export function inertLine(text: string, max = MAX_LINE_CHARS): string {
  const whole = inert(text);
  if (whole.length <= max) return whole;
  const points = Array.from(text);
  const room = Math.max(0, max - more(points.length, 'characters').length);
  let head = 0;
  let used = 0;
  while (head < points.length && used + cost(points[head] as string) <= room / 2)
    used += cost(points[head++] as string);
  let tail = points.length;
  while (tail > head && used + cost(points[tail - 1] as string) <= room) used += cost(points[--tail] as string);
  return inert(`${points.slice(0, head).join('')}${more(tail - head, 'characters')}${points.slice(tail).join('')}`);
}

/**
 * A message of several lines (an annotation's, the failure message) for @actions/core, which writes it as one command
 * with each line break as `%0A`: each line inert on its own ({@link inert}; a line break inside a line is data and is
 * escaped), joined by the action's own line breaks, within `max` characters. Over `max`, the lines share it: short
 * lines whole, long ones cut by {@link inertLine}; when even {@link MIN_LINE_CHARS} each would not fit, the last
 * lines are counted (`…(N more lines)`) instead.
 */
export function inertLines(lines: readonly string[], max = MAX_MESSAGE_CHARS): string {
  const whole = lines.map((line) => inert(line));
  if (whole.reduce((n, line) => n + line.length + 1, -1) <= max) return whole.join('\n');
  const marker = more(lines.length, 'lines');
  let kept = 0;
  let floor = marker.length;
  while (kept < lines.length && floor + Math.min(whole[kept]?.length ?? 0, MIN_LINE_CHARS) + 1 <= max) {
    floor += Math.min(whole[kept]?.length ?? 0, MIN_LINE_CHARS) + 1;
    kept++;
  }
  kept = Math.max(kept, 1);
  const counted = kept < lines.length ? [more(lines.length - kept, 'lines')] : [];
  // Fair shares: the shortest lines first take what they need, the rest split what is left.
  let room = max - (kept - 1) - counted.reduce((n, line) => n + line.length + 1, 0);
  const share = new Map<number, number>();
  const order = [...Array(kept).keys()].sort((a, b) => (whole[a]?.length ?? 0) - (whole[b]?.length ?? 0));
  order.forEach((i, k) => {
    const fair = Math.floor(room / (kept - k));
    const given = Math.min(whole[i]?.length ?? 0, fair);
    share.set(i, given);
    room -= given;
  });
  const shown = lines
    .slice(0, kept)
    .map((line, i) => ((whole[i]?.length ?? 0) <= (share.get(i) ?? 0) ? whole[i] : inertLine(line, share.get(i))));
  return [...shown, ...counted].join('\n');
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
