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
