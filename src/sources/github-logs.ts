/**
 * A job's log, read as a stream of lines with a bound on its size: from a file, standard input, or GitHub's REST API
 * (`GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs`, which answers with a redirect to a short-lived download
 * URL: https://docs.github.com/en/rest/actions/workflow-jobs#download-job-logs-for-a-workflow-run, needing
 * `actions: read`). The job is found in the run attempt's jobs
 * (`GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs`,
 * https://docs.github.com/en/rest/actions/workflow-jobs#list-jobs-for-a-workflow-run-attempt). `@actions/github` is
 * loaded only when the API is asked (scripts/build.mjs keeps it out of the action's first chunk).
 */
import { createReadStream } from 'node:fs';
import { lstat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { describeFailure, octokitFailure } from './github-failure.js';
import { formatBytes } from './http.js';

/**
 * A job's log is read up to this many bytes: its first {@link MAX_LOG_HEAD_BYTES} and its last bytes up to this bound,
 * since a job's failure is printed at the end of its log. What lies between is counted (its bytes and lines), not read.
 */
export const MAX_LOG_BYTES = 50 * 1024 * 1024;

/** The part of a log over {@link MAX_LOG_BYTES} read from its start (the job's setup, the credentials step). */
export const MAX_LOG_HEAD_BYTES = 10 * 1024 * 1024;

/** A line is passed on up to this many characters (src/diagnose/clean.ts reads no more of one). */
export const MAX_LOG_LINE_CHARS = 16 * 1024;

/** How long the API may take, the download included. */
export const LOG_TIMEOUT_MS = 60_000;

/** What reading stopped at. */
export interface LogRead {
  /** The log's size in bytes (all of it, read or not). */
  readonly bytes: number;
  /** What was not read, for the headline: `the 40 MiB between line 12 and line 900001 were not read (…)`. */
  readonly truncated?: string;
}

/** Where a line of a log goes: its text (`cut` when its middle was not read), and lines counted but not read. */
export type OnLogLine = (line: string, cut: boolean) => void;

/** How a long line is passed on: its start and its end, around this mark. */
const CUT_MARK = ' … ';

/**
 * Splits decoded text into lines (LF, CRLF or a bare CR ends a line, as the runner's log viewer reads them). A line
 * longer than `maxLineChars` is passed as its start and its end (a failure is printed at the end of a long JSON or
 * progress line as often as at its start), marked cut; its middle is not held. Between {@link suspend} and
 * {@link resume} bytes are only counted: each line that ends there is a line not read.
 */
class LineSplitter {
  private decoder = new TextDecoder('utf-8');
  private pending = '';
  /** The start of the current line, once it is longer than the bound (its rest is kept as its last chars only). */
  private head: string | undefined;
  /** The current line was passed on already (its start, before a part not read): its rest is not. */
  private passed = false;
  private lastWasCR = false;
  /** Lines passed on, and lines ended in a part not read. */
  lines = 0;
  skipped = 0;

  constructor(
    private readonly onLine: OnLogLine,
    private readonly maxLineChars: number,
  ) {}

  private get half(): number {
    return Math.floor((this.maxLineChars - CUT_MARK.length) / 2);
  }

  private emit(line: string, cut: boolean): void {
    this.lines++;
    this.onLine(line, cut);
  }

  /** The current line ends with `rest`. */
  private end(rest: string): void {
    if (this.passed) this.passed = false;
    else if (this.head !== undefined) this.emit(`${this.head}${CUT_MARK}${rest.slice(-this.half)}`, true);
    else this.emit(rest, false);
    this.head = undefined;
  }

  text(text: string, final: boolean): void {
    this.pending += text;
    const parts = this.pending.split(/\r\n|\n|\r(?!$)/);
    // A trailing CR may be the first half of a CRLF split across chunks: kept until the next chunk says.
    this.pending = parts.pop() ?? '';
    if (final && this.pending.endsWith('\r')) this.pending = this.pending.slice(0, -1);
    for (const line of parts) this.end(line);
    if (this.head === undefined && this.pending.length > this.maxLineChars) {
      this.head = this.pending.slice(0, this.half);
      this.pending = this.pending.slice(this.half);
    }
    if (this.head !== undefined && this.pending.length > this.half + 1)
      this.pending = this.pending.slice(-this.half - 1);
  }

  bytes(buf: Uint8Array): void {
    this.text(this.decoder.decode(buf, { stream: true }), false);
  }

  /** Bytes not read from here on: the line begun is passed on as far as it was read. */
  suspend(): void {
    this.text(this.decoder.decode(), false);
    if (this.pending.endsWith('\r')) {
      this.pending = this.pending.slice(0, -1);
      this.lastWasCR = true;
      this.end(this.pending);
    } else if (this.pending !== '' || this.head !== undefined) {
      const line = this.head !== undefined ? `${this.head}${CUT_MARK}${this.pending.slice(-this.half)}` : this.pending;
      if (!this.passed) this.emit(line, this.head !== undefined);
      this.passed = true;
      this.head = undefined;
    }
    this.pending = '';
  }

  /** Counts the line ends of bytes not read. */
  count(buf: Uint8Array): void {
    for (const b of buf) {
      if (b === 0x0a && this.lastWasCR) {
        this.lastWasCR = false;
        continue;
      }
      this.lastWasCR = b === 0x0d;
      if (b !== 0x0a && b !== 0x0d) continue;
      if (this.passed) this.passed = false;
      else this.skipped++;
    }
  }

  /** Reading again: an LF that ends the CR before it is not another line. */
  resume(first: Uint8Array | undefined): Uint8Array | undefined {
    this.decoder = new TextDecoder('utf-8');
    const crlf = this.lastWasCR && first?.[0] === 0x0a;
    this.lastWasCR = false;
    return crlf ? first?.subarray(1) : first;
  }

  finish(): void {
    this.text(this.decoder.decode(), true);
    if (this.pending !== '' || this.head !== undefined) this.end(this.pending);
  }
}

/** A size as the headline gives it: `52.4 MiB`. */
function aboutBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MiB` : formatBytes(bytes);
}

/**
 * Feeds `onLine` every line of `chunks`, within `maxBytes`: all of a log that fits, else its first `headBytes` and its
 * last `maxBytes - headBytes`, the lines between counted through `onSkip` (so the lines after keep their numbers) and
 * named in `truncated`. A line longer than `maxLineChars` is passed as its start and end, marked cut.
 */
export async function readLogLines(
  input: AsyncIterable<Uint8Array | string>,
  onLine: OnLogLine,
  {
    maxBytes = MAX_LOG_BYTES,
    headBytes = Math.min(MAX_LOG_HEAD_BYTES, Math.floor(maxBytes / 5)),
    maxLineChars = MAX_LOG_LINE_CHARS,
    onSkip,
  }: { maxBytes?: number; headBytes?: number; maxLineChars?: number; onSkip?: (lines: number) => void } = {},
): Promise<LogRead> {
  const opened = await uncompressed(input);
  if ('archive' in opened) return { bytes: opened.bytes, truncated: opened.archive };
  const chunks = opened.chunks;
  const split = new LineSplitter(onLine, maxLineChars);
  const tailBytes = maxBytes - headBytes;
  let bytes = 0;
  // The bytes after the head, at most tailBytes of them: the log's end so far.
  const queue: Uint8Array[] = [];
  let queued = 0;
  let skippedBytes = 0;
  let linesBefore = 0;
  for await (const chunk of chunks) {
    let buf = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    const head = Math.max(0, Math.min(buf.length, headBytes - bytes));
    bytes += buf.length;
    if (head > 0) split.bytes(buf.subarray(0, head));
    buf = buf.subarray(head);
    if (buf.length === 0) continue;
    queue.push(buf);
    queued += buf.length;
    while (queued > tailBytes) {
      const first = queue[0] as Uint8Array;
      const drop = Math.min(queued - tailBytes, first.length);
      if (skippedBytes === 0) {
        split.suspend();
        linesBefore = split.lines;
      }
      split.count(first.subarray(0, drop));
      skippedBytes += drop;
      queued -= drop;
      if (drop === first.length) queue.shift();
      else queue[0] = first.subarray(drop);
    }
  }
  if (skippedBytes > 0) {
    onSkip?.(split.skipped);
    queue[0] = split.resume(queue[0]) ?? new Uint8Array();
  }
  for (const buf of queue) split.bytes(buf);
  split.finish();
  const skipped =
    skippedBytes > 0
      ? `the ${aboutBytes(skippedBytes)} after line ${linesBefore} (${split.skipped} lines) were not read: only the first ${formatBytes(headBytes)} and the last ${formatBytes(tailBytes)} of the log are`
      : undefined;
  const broken = opened.failure?.why;
  const truncated = skipped && broken ? `${skipped}; ${broken}` : (skipped ?? broken);
  return { bytes, ...(truncated ? { truncated } : {}) };
}

/** The magic numbers of gzip (RFC 1952 §2.3.1) and of a zip archive's local file header (PKWARE's APPNOTE 4.3.7). */
const GZIP_MAGIC = [0x1f, 0x8b];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * A log's bytes as text: a gzip-compressed log (a `.log.gz`) inflated as it is read; a zip archive (GitHub's "Download
 * log archive", one file per step) is not read, and says so, so that it is never a clean result.
 */
async function uncompressed(
  input: AsyncIterable<Uint8Array | string>,
): Promise<
  { chunks: AsyncIterable<Uint8Array | string>; failure?: { why?: string } } | { archive: string; bytes: number }
> {
  const iterator = input[Symbol.asyncIterator]();
  // Enough of the start to tell the magic numbers, however the chunks fall.
  const parts: (Uint8Array | string)[] = [];
  let seen = 0;
  while (seen < ZIP_MAGIC.length) {
    const next = await iterator.next();
    if (next.done) break;
    parts.push(next.value);
    seen += next.value.length;
  }
  const first =
    parts.length === 0
      ? ({ done: true, value: undefined } as const)
      : ({
          done: false,
          value: parts.every((p) => typeof p !== 'string')
            ? Buffer.concat(parts as Uint8Array[])
            : parts.map((p) => (typeof p === 'string' ? p : new TextDecoder().decode(p))).join(''),
        } as const);
  const rest: AsyncIterable<Uint8Array | string> = {
    [Symbol.asyncIterator]: () => ({
      next: () => iterator.next(),
      return: async () => (iterator.return ? iterator.return() : { done: true, value: undefined }),
    }),
  };
  if (first.done) return { chunks: (async function* () {})() };
  const head = first.value;
  const starts = (magic: number[]) => typeof head !== 'string' && magic.every((b, i) => head[i] === b);
  const all = async function* () {
    yield head;
    yield* rest;
  };
  if (starts(ZIP_MAGIC)) {
    let bytes = head.length;
    for await (const chunk of rest) bytes += chunk.length;
    return {
      archive:
        'it is a zip archive (the run\'s "Download log archive"), which is not read: unzip it and give each step\'s log, or the job\'s log ("Download log")',
      bytes,
    };
  }
  if (starts(GZIP_MAGIC)) {
    const inflated = Readable.from(all()).pipe(createGunzip());
    const failure: { why?: string } = {};
    const guarded = async function* () {
      try {
        yield* inflated;
      } catch (error) {
        // A damaged archive ends the read where it breaks: what follows is not read, and the result says so.
        failure.why = `its gzip data is damaged past this point (${error instanceof Error ? error.message : String(error)}), and the rest was not read`;
      }
    };
    return { chunks: guarded(), failure };
  }
  return { chunks: all() };
}

/** A log file's bytes, after checking that it is a regular file (a FIFO or a device would never end). */
export async function openLogFile(absolute: string): Promise<AsyncIterable<Uint8Array>> {
  const info = await lstat(absolute);
  if (!info.isFile()) throw new Error('is not a regular file');
  return createReadStream(absolute);
}

/** One job of a run attempt, as the jobs list gives it. */
export interface RunJob {
  readonly id: number;
  readonly name: string;
  readonly status: string;
  readonly conclusion: string | null;
}

/** Where the run is: the runner's default variables (GITHUB_REPOSITORY, GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT, …). */
export interface RunCoordinates {
  readonly apiUrl: string;
  readonly owner: string;
  readonly repo: string;
  readonly runId: number;
  readonly attempt: number;
}

/**
 * The run's coordinates from the runner's default variables
 * (https://docs.github.com/en/actions/reference/workflows-and-actions/variables#default-environment-variables), or
 * what is missing.
 */
export function runCoordinates(
  env: Readonly<Record<string, string | undefined>>,
): { ok: true; run: RunCoordinates } | { ok: false; reason: string } {
  const [owner, repo, ...rest] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const runId = Number(env.GITHUB_RUN_ID);
  const attempt = Number(env.GITHUB_RUN_ATTEMPT || '1');
  if (!owner || !repo || rest.length > 0) return { ok: false, reason: 'GITHUB_REPOSITORY is not OWNER/REPO' };
  if (!Number.isSafeInteger(runId) || runId <= 0) return { ok: false, reason: 'GITHUB_RUN_ID is not a run id' };
  if (!Number.isSafeInteger(attempt) || attempt <= 0)
    return { ok: false, reason: 'GITHUB_RUN_ATTEMPT is not a number' };
  const apiUrl = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
  return { ok: true, run: { apiUrl, owner, repo, runId, attempt } };
}

/** The REST client, loaded on first use. */
type Octokit = ReturnType<typeof import('@actions/github').getOctokit>;

/** The API client for `token` at `apiUrl`, with `fetch` for tests. */
async function client(token: string, apiUrl: string, fetchImpl?: typeof fetch): Promise<Octokit> {
  const { getOctokit } = await import('@actions/github');
  return getOctokit(token, { baseUrl: apiUrl, ...(fetchImpl ? { request: { fetch: fetchImpl } } : {}) });
}

/** The jobs list holds at most this many pages of 100 (a run has at most 256 jobs in a matrix, plus the rest). */
const MAX_JOB_PAGES = 10;

/** Reads a GitHub API error as a reason a person can act on; never the body, which may echo a header. */
function apiReason(error: unknown, what: string): string {
  // Octokit throws a request that got no answer with status 500 too: only an answer's status is told as one
  // (src/sources/github-failure.ts).
  const f = octokitFailure(error);
  if (f.kind === 'http' && (f.status === 403 || f.status === 404)) {
    return `${what}: HTTP ${f.status} (the token needs \`actions: read\`; give the job \`permissions: actions: read\`)`;
  }
  if (f.kind !== 'network' || (error as { name?: unknown }).name === 'HttpError') {
    return `${what}: ${describeFailure(f)}`;
  }
  return `${what}: ${error instanceof Error ? error.message.replace(/https?:\/\/\S+/g, '(url)') : 'failed'}`;
}

/** The jobs of the run attempt, or why they could not be listed. */
export async function listRunJobs(
  token: string,
  run: RunCoordinates,
  fetchImpl?: typeof fetch,
): Promise<{ ok: true; jobs: RunJob[] } | { ok: false; reason: string }> {
  const api = await client(token, run.apiUrl, fetchImpl);
  const jobs: RunJob[] = [];
  try {
    for (let page = 1; page <= MAX_JOB_PAGES; page++) {
      const response = await api.request(
        'GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs',
        {
          owner: run.owner,
          repo: run.repo,
          run_id: run.runId,
          attempt_number: run.attempt,
          per_page: 100,
          page,
          request: { signal: AbortSignal.timeout(LOG_TIMEOUT_MS) },
        },
      );
      const batch = (response.data as { jobs?: unknown }).jobs;
      if (!Array.isArray(batch)) return { ok: false, reason: 'listing the run\'s jobs: the answer has no "jobs" list' };
      for (const j of batch as Record<string, unknown>[]) {
        if (typeof j.id !== 'number' || typeof j.name !== 'string') continue;
        jobs.push({
          id: j.id,
          name: j.name,
          status: String(j.status ?? ''),
          conclusion: typeof j.conclusion === 'string' ? j.conclusion : null,
        });
      }
      if (batch.length < 100) break;
    }
  } catch (error) {
    return { ok: false, reason: apiReason(error, "listing the run's jobs") };
  }
  return { ok: true, jobs };
}

/**
 * Streams a job's log through `onLine`: the API's redirect is followed to the download URL (fetch drops the
 * Authorization header when the redirect leaves the API's origin, https://fetch.spec.whatwg.org/#http-redirect-fetch).
 */
export async function readJobLog(
  token: string,
  run: RunCoordinates,
  jobId: number,
  onLine: OnLogLine,
  fetchImpl?: typeof fetch,
  onSkip?: (lines: number) => void,
): Promise<({ ok: true } & LogRead) | { ok: false; reason: string }> {
  const api = await client(token, run.apiUrl, fetchImpl);
  try {
    const response = await api.request('GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs', {
      owner: run.owner,
      repo: run.repo,
      job_id: jobId,
      request: { parseSuccessResponseBody: false, signal: AbortSignal.timeout(LOG_TIMEOUT_MS) },
    });
    const body = response.data as unknown as AsyncIterable<Uint8Array> | null;
    if (!body || typeof (body as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] !== 'function') {
      return { ok: false, reason: `reading job ${jobId}'s log: the answer has no body` };
    }
    return { ok: true, ...(await readLogLines(body, onLine, onSkip ? { onSkip } : {})) };
  } catch (error) {
    const what = `reading job ${jobId}'s log`;
    return { ok: false, reason: afterRedirect(error) ? downloadReason(error, what) : apiReason(error, what) };
  }
}

/**
 * Whether a failed answer came from where the API's redirect led (the log's short-lived download URL), not from the
 * API: Octokit's error holds the URL asked (`request.url`) and the URL of the answer (`response.url`, fetch's
 * `Response.url`, the last URL of the redirect chain: https://fetch.spec.whatwg.org/#dom-response-url).
 */
function afterRedirect(error: unknown): boolean {
  const e = error as { request?: { url?: unknown }; response?: { url?: unknown } } | null;
  const asked = e?.request?.url;
  const answered = e?.response?.url;
  return typeof asked === 'string' && typeof answered === 'string' && answered !== '' && answered !== asked;
}

/**
 * A failed download of the log, after the API accepted the token and redirected: the token's permission is not the
 * cause (the API would have refused it), so only what is known is said. The URL is never quoted (it is signed).
 */
function downloadReason(error: unknown, what: string): string {
  const f = octokitFailure(error);
  if (f.kind !== 'http') return `${what}: the log download after the API's redirect failed: ${describeFailure(f)}`;
  return `${what}: the log download returned HTTP ${f.status} after the API's redirect (the API accepted the token; the short-lived download URL did not serve the log: it may have expired or the log may have been deleted or not be stored yet)`;
}
