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
import { describeFailure, octokitFailure } from './github-failure.js';
import { formatBytes } from './http.js';

/** A job's log is read up to this many bytes; the rest is counted as not read. */
export const MAX_LOG_BYTES = 50 * 1024 * 1024;

/** A line is passed on up to this many characters (src/diagnose/clean.ts reads no more of one). */
export const MAX_LOG_LINE_CHARS = 16 * 1024;

/** How long the API may take, the download included. */
export const LOG_TIMEOUT_MS = 60_000;

/** What reading stopped at. */
export interface LogRead {
  readonly bytes: number;
  /** Why not all of it was read, for the headline: `read the first 50 MiB only`. */
  readonly truncated?: string;
}

/**
 * Feeds `onLine` every line of `chunks` (LF, CRLF or a bare CR ends a line, as the runner's log viewer reads them),
 * up to `maxBytes`. A line longer than `maxLineChars` is passed cut (the rest of it is skipped, not held).
 */
export async function readLogLines(
  chunks: AsyncIterable<Uint8Array | string>,
  onLine: (line: string) => void,
  { maxBytes = MAX_LOG_BYTES, maxLineChars = MAX_LOG_LINE_CHARS }: { maxBytes?: number; maxLineChars?: number } = {},
): Promise<LogRead> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  let skipping = false;
  let bytes = 0;
  let truncated: string | undefined;
  const take = (text: string, final: boolean) => {
    pending += text;
    const parts = pending.split(/\r\n|\n|\r(?!$)/);
    // A trailing CR may be the first half of a CRLF split across chunks: kept until the next chunk says.
    pending = parts.pop() ?? '';
    if (final && pending.endsWith('\r')) pending = pending.slice(0, -1);
    for (const line of parts) {
      if (!skipping) onLine(line);
      skipping = false;
    }
    if (pending.length > maxLineChars) {
      if (!skipping) onLine(pending.slice(0, maxLineChars));
      skipping = true;
      pending = '';
    }
  };
  for await (const chunk of chunks) {
    const buf = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    const room = maxBytes - bytes;
    if (buf.length > room) {
      take(decoder.decode(buf.subarray(0, room), { stream: true }), false);
      bytes = maxBytes;
      truncated = `read the first ${formatBytes(maxBytes)} only`;
      break;
    }
    bytes += buf.length;
    take(decoder.decode(buf, { stream: true }), false);
  }
  take(decoder.decode(), true);
  if (pending !== '' && !skipping) onLine(pending);
  return { bytes, ...(truncated ? { truncated } : {}) };
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
  onLine: (line: string) => void,
  fetchImpl?: typeof fetch,
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
    return { ok: true, ...(await readLogLines(body, onLine)) };
  } catch (error) {
    return { ok: false, reason: apiReason(error, `reading job ${jobId}'s log`) };
  }
}
