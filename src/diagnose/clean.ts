/**
 * One line of a job's log as the matchers read it, and as a finding may quote it.
 *
 * The runner writes each line of a job's log with a timestamp (and `gh run view --log` the job's and the step's names
 * before it) (`2024-01-01T00:00:00.0000000Z `) and shows workflow
 * commands as `##[error]`, `##[warning]`, `##[group]`… (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands);
 * tools colour their output with ANSI escape sequences (ECMA-48, CSI and OSC). {@link cleanLine} removes all of that,
 * and a carriage return, so the matchers see the text the tool printed. {@link quoteLine} is what a finding shows: the
 * cleaned line, cut to {@link QUOTE_CHARS}, with every secret shape redacted and every control character (bidi
 * controls among them) written as a visible `\u{…}` escape. The writers make it inert as they write it (src/io.ts
 * for the action's log and annotations, through src/text/inert.ts; the summary and the CLI's Markdown escape it).
 */
import { HIDDEN } from '../text/inert.js';
import { redactSecretShapes } from '../text/secret-shapes.js';

/**
 * A line longer than this is read as its first and last halves (a minified bundle or base64 blob in a log is not an
 * error, but a tool's JSON line can end in one); src/diagnose/scan.ts counts such a line as read in part.
 */
export const MAX_LINE_CHARS = 16 * 1024;

/** Where the middle of a long line was left out (src/sources/github-logs.ts marks a line it cut the same way). */
const CUT_MARK = ' … ';

/** A line within {@link MAX_LINE_CHARS}: as it is, or its start and its end around {@link CUT_MARK}. */
export function boundLine(raw: string): string {
  if (raw.length <= MAX_LINE_CHARS) return raw;
  const half = Math.floor((MAX_LINE_CHARS - CUT_MARK.length) / 2);
  return `${raw.slice(0, half)}${CUT_MARK}${raw.slice(-half)}`;
}

/** What a finding quotes of a line. */
export const QUOTE_CHARS = 400;

/**
 * `JOB<TAB>STEP<TAB>` before the timestamp: how `gh run view --log` and `--log-failed` print each line
 * (https://cli.github.com/manual/gh_run_view).
 */
const GH_PREFIX = /^[^\t]{0,512}\t[^\t]{0,512}\t(?=\uFEFF?\d{4}-\d\d-\d\dT)/;
/** `2024-01-01T00:00:00.0000000Z `: the runner's timestamp before each line of a downloaded log. */
const TIMESTAMP = /^\uFEFF?\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z ?/;
/** `##[error]`, `##[warning]`, `##[debug]`, `##[group]`, …: how the log shows a workflow command. */
const COMMAND = /^##\[[a-z]+\]/i;
/** CSI sequences (`ESC [ … final`) and OSC sequences (`ESC ] … BEL` or `ESC \`), and a lone ESC. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape sequences are what this removes.
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b/g;

/** The text a tool printed on this line: no timestamp, no `##[command]`, no colour, no carriage return. */
export function cleanLine(raw: string): string {
  let line = boundLine(raw);
  line = line.replace(ANSI, '').replace(/\r/g, '');
  line = line.replace(GH_PREFIX, '').replace(TIMESTAMP, '');
  line = line.replace(COMMAND, '');
  return line;
}

/** Text with its control and hidden characters (src/text/inert.ts) shown as escapes. */
export function showHidden(text: string): string {
  return text.replace(HIDDEN, (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`);
}

/** Text read from a log with its secrets redacted and its control and hidden characters shown as escapes. */
export function safeText(text: string): string {
  return showHidden(redactSecretShapes(text));
}

/** A cleaned line as a finding shows it: trimmed, secrets redacted, controls escaped, cut to {@link QUOTE_CHARS}. */
export function quoteLine(line: string): string {
  const safe = safeText(line.trim());
  return safe.length > QUOTE_CHARS ? `${safe.slice(0, QUOTE_CHARS)}…` : safe;
}
