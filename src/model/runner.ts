/** What the runner tells about the run (src/sources/runner.ts reads it), shared by the pipeline and the checks. */

/** Facts about the run that sharpen the missing id-token finding. */
export interface RunnerFacts {
  readonly eventName?: string;
  readonly isForkPullRequest?: boolean;
  readonly jobId?: string;
}
