/**
 * The action's `mode: explain` (src/main.ts hands over to it): the run's failed jobs' logs explained
 * (src/pipeline/explain.ts) into the job summary, one error annotation per failure (capped as the preflight's are),
 * and the outputs: `result` `fail` when a log shows a 401 or 403 (else `pass`), `findings` how many. The step fails
 * only when no log could be read, since it runs after a failure that is already reported.
 */
import type { ActionIO } from './io.js';
import type { Annotation } from './main.js';
import { explainRun } from './pipeline/explain.js';
import { type Explanation, explainResult, renderExplainMarkdown } from './report/explain.js';
import type { Redactor } from './report/redact.js';
import { MAX_SUMMARY_BYTES } from './report/summary.js';
import { secretForms } from './text/secrets.js';

/** Writes capped annotations (src/main.ts's). */
type Annotate = (io: ActionIO, annotations: readonly Annotation[], where: string) => void;

function annotationsOf(explanations: readonly Explanation[], redactor: Redactor): Annotation[] {
  return explanations.flatMap((e) =>
    e.findings.map((f) => ({
      message: [f.message, ...(f.fix ? [`Fix: ${f.fix}`] : []), `Log: ${String(f.evidence.text ?? '')}`].map((line) =>
        redactor.redact(line),
      ),
      props: { title: redactor.redact(`${e.source} line ${f.evidence.line}: ${f.class} (${f.decisionPoint})`) },
    })),
  );
}

/** Explains the run's failed jobs on the runner. */
export async function runExplainMode(io: ActionIO, redactor: Redactor, annotate: Annotate): Promise<void> {
  const token = io.getInput('github-token').trim();
  for (const form of secretForms(token)) {
    io.setSecret(form);
    redactor.add(form);
  }
  const result = await explainRun({ env: io.env, token });
  if (!result.ok) {
    io.setFailed(redactor.redact(`permission-preflight explain: could not read the job log: ${result.reason}`));
    return;
  }
  const { errors } = result;
  // A call the workspace's configuration already declares is said to be declared, not proposed again.
  const { markDeclared } = await import('./pipeline/explain-declared.js');
  const where = { given: io.getInput('config').trim(), env: io.env, cwd: io.env.GITHUB_WORKSPACE || process.cwd() };
  const explanations = await Promise.all(
    result.explanations.map(async (e) => {
      const declared = await markDeclared(e.findings, where);
      // A configuration that cannot be read leaves the lines proposed: `check` reports its errors.
      return declared.ok ? { ...e, findings: declared.findings } : e;
    }),
  );
  const notes = errors.map((e) => `- could not read: ${e}\n`).join('');
  // The job summary holds 1 MiB per step (src/report/summary.ts): each job's explanation gets its share.
  const share = Math.floor(MAX_SUMMARY_BYTES / (explanations.length + 1));
  const body = explanations.map((e) => renderExplainMarkdown(e, share)).join('\n');
  await io.summary(redactor.redact(`${body}${notes ? `\n${notes}` : ''}`));
  annotate(io, annotationsOf(explanations, redactor), 'every failure is in the job summary');
  const count = explanations.reduce((n, e) => n + e.findings.length + e.dropped, 0);
  // A log not read in full is never a pass: `unverified` counts as `fail` for the output, as the preflight's do.
  const clean = explanations.every((e) => explainResult(e) === 'pass');
  io.setOutput('result', count > 0 || !clean ? 'fail' : 'pass');
  io.setOutput('findings', String(count));
  if (explanations.length === 0) {
    io.setFailed(redactor.redact(`permission-preflight explain: no job log could be read: ${errors.join('; ')}`));
    return;
  }
  io.info(`permission-preflight explain: ${count} 401/403 failures in ${explanations.length} job log(s)`);
}
