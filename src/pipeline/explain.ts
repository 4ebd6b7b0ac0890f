/**
 * The action's `mode: explain`: the failed jobs of this run attempt, each job's log read through the REST API
 * (src/sources/github-logs.ts) and explained (src/diagnose/). The jobs are those the attempt's jobs list marks
 * `failure`; when none is (yet), the job named by GITHUB_JOB (its name, or a matrix instance `NAME (…)`). A job's log
 * can be downloaded once the job has completed, so explain runs best in a later job that `needs` the deploy and runs
 * `if: failure()`.
 */
import { createLogScanner, redactSecretShapes } from '../diagnose/index.js';
import { type Explanation, explanationOf } from '../report/explain.js';
import { listRunJobs, type RunJob, readJobLog, runCoordinates } from '../sources/github-logs.js';

/** At most this many jobs are explained in one step. */
export const MAX_EXPLAINED_JOBS = 5;

/** What explain mode needs from the host. */
export interface ExplainRunHost {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** A token that may read the run's jobs and logs (`actions: read`). */
  readonly token: string;
  readonly fetch?: typeof fetch;
}

/** A job whose log could not be read: the job as the summary names it, and why. */
export interface UnreadLog {
  /** `job "NAME" (ID)`, the name redacted as a log line is: outside text, to be made inert where it is written. */
  readonly source: string;
  readonly reason: string;
}

/** The explanations, and the jobs that could not be read; or why nothing could be. */
export type ExplainRunResult =
  | { readonly ok: true; readonly explanations: Explanation[]; readonly errors: UnreadLog[] }
  | { readonly ok: false; readonly reason: string };

/**
 * The conclusions of a job that did not succeed and whose log may hold the 401 or 403 that ended it: `failure`, and
 * `timed_out` (a job that waited on a refused call until its timeout): the check run conclusions of
 * https://docs.github.com/en/rest/actions/workflow-jobs#get-a-job-for-a-workflow-run.
 */
const FAILED = new Set(['failure', 'timed_out']);

/** The jobs to explain: the failed ones, else the one named by GITHUB_JOB (all of them: see {@link explainRun}). */
export function jobsToExplain(jobs: readonly RunJob[], githubJob: string | undefined): RunJob[] {
  const failed = jobs.filter((j) => FAILED.has(j.conclusion ?? ''));
  if (failed.length > 0) return failed;
  if (!githubJob) return [];
  return jobs.filter((j) => j.name === githubJob || j.name.startsWith(`${githubJob} (`));
}

/** Explains the failed jobs of the run the step is in. */
export async function explainRun(host: ExplainRunHost): Promise<ExplainRunResult> {
  const where = runCoordinates(host.env);
  if (!where.ok) return { ok: false, reason: `not in a workflow run: ${where.reason}` };
  if (host.token === '') return { ok: false, reason: 'no token to read the logs with: set `github-token`' };
  const listed = await listRunJobs(host.token, where.run, host.fetch);
  if (!listed.ok) return { ok: false, reason: listed.reason };
  const jobs = jobsToExplain(listed.jobs, host.env.GITHUB_JOB);
  if (jobs.length === 0) {
    return {
      ok: false,
      reason: `run attempt ${where.run.attempt} has no failed job${host.env.GITHUB_JOB ? ` and no job named "${host.env.GITHUB_JOB}"` : ''}`,
    };
  }
  const explanations: Explanation[] = [];
  const errors: UnreadLog[] = [];
  // Past the bound, a failed job's log is not read: it is listed as one, never left out (a log not read is never a
  // clean result).
  for (const job of jobs.slice(MAX_EXPLAINED_JOBS)) {
    errors.push({
      source: `job "${redactSecretShapes(job.name)}" (${job.id})`,
      reason: `not read: one step explains at most ${MAX_EXPLAINED_JOBS} jobs`,
    });
  }
  for (const job of jobs.slice(0, MAX_EXPLAINED_JOBS)) {
    // A job's name may hold a matrix value, which no one checked for secrets: it is redacted as a log line is.
    const source = `job "${redactSecretShapes(job.name)}" (${job.id})`;
    const scanner = createLogScanner();
    const read = await readJobLog(
      host.token,
      where.run,
      job.id,
      (line, cut) => scanner.push(line, cut),
      host.fetch,
      (lines) => scanner.skip(lines),
    );
    if (!read.ok) {
      errors.push({
        source,
        reason:
          job.status === 'completed'
            ? read.reason
            : `${read.reason} (the job has not completed: its log is downloadable once it has)`,
      });
      continue;
    }
    explanations.push(explanationOf(source, scanner.finish(), read));
  }
  return { ok: true, explanations, errors };
}
