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
