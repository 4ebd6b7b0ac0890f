/**
 * How a job reached through reusable workflows is named: the whole chain of calling jobs, outermost first, each with
 * its file. Every finding about such a job names it this way (the token prediction, `src/workflows/predict/`, and the
 * GitHub token check, `src/checks/github-token/`), so one job has one name in the report. A called workflow runs for
 * each chain that reaches it: https://docs.github.com/en/actions/sharing-automations/reusing-workflows#nesting-reusable-workflows
 */

/** One calling job: its id and the file it is written in. */
export interface CallingJob {
  readonly file: string;
  readonly jobId: string;
}

/** `called by \`call\` in cd.yml → \`inner\` in mid.yml`; empty for a job at the top of its run. */
export function calledByLabel(chain: readonly CallingJob[]): string {
  if (chain.length === 0) return '';
  return `called by ${chain.map((c) => `\`${c.jobId}\` in ${c.file}`).join(' → ')}`;
}

/** How findings name a job: `job \`deploy\` (.github/workflows/deploy.yml, called by \`call\` in cd.yml)`. */
export function jobName(job: { readonly id: string; readonly file: string }, chain: readonly CallingJob[]): string {
  const via = calledByLabel(chain);
  return `job \`${job.id}\` (${job.file}${via ? `, ${via}` : ''})`;
}

/**
 * How findings' ids name the chain that reaches a job: `<-FILE#JOB` for each calling job, outermost first, so that
 * one job reached by several callers (each with its own inputs, secrets and conditions) gives one finding per caller.
 */
export function chainKey(chain: readonly CallingJob[]): string {
  return chain.map((c) => `<-${c.file}#${c.jobId}`).join('');
}
