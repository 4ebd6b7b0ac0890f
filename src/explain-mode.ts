/**
 * The action's `mode: explain` (src/main.ts hands over to it): the run's failed jobs' logs explained
 * (src/pipeline/explain.ts) into the job summary, one error annotation per failure (capped as the preflight's are),
 * and the outputs: `result` `fail` when a log shows a 401 or 403 or a log was not read in full (else `pass`),
 * `findings` how many. A failure a log shows does not fail the step (it runs after a failure that is already
 * reported); a log not read, or not read in full with nothing found in the part read, is unverified and fails it,
 * unless the configuration's `mode` is `report`.
 */
import type { ActionIO } from './io.js';
import type { Annotation } from './main.js';
import { explainRun } from './pipeline/explain.js';
import { loadPreflightConfig } from './pipeline/load-config.js';
import { type Explanation, explainResult, renderExplainMarkdown, unverifiedHeadline } from './report/explain.js';
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
  // The job summary holds 1 MiB per step (src/report/summary.ts): each job's explanation gets its share.
  const share = Math.floor(MAX_SUMMARY_BYTES / (explanations.length + 1));
  const body = explanations.map((e) => renderExplainMarkdown(e, share)).join('\n');
  // What could not be read leads the summary: a headline of the part read alone would read as the whole run.
  const unverified = unverifiedHeadline(explanations, errors);
  await io.summary(redactor.redact(`${unverified?.markdown ?? ''}${body}`));
  annotate(io, annotationsOf(explanations, redactor), 'every failure is in the job summary');
  const count = explanations.reduce((n, e) => n + e.findings.length + e.dropped, 0);
  // A log not read, or not read in full, is never a pass: `unverified` counts as `fail` for the output, as the
  // preflight's do.
  const clean = errors.length === 0 && explanations.every((e) => explainResult(e) === 'pass');
  io.setOutput('result', count > 0 || !clean ? 'fail' : 'pass');
  io.setOutput('findings', String(count));
  const told = errors.map((e) => `${e.source}: ${e.reason}`);
  if (explanations.length === 0) {
    io.setFailed(redactor.redact(`permission-preflight explain: no job log could be read: ${told.join('; ')}`));
    return;
  }
  io.info(`permission-preflight explain: ${count} 401/403 failures in ${explanations.length} job log(s)`);
  if (!unverified) return;
  const message = `permission-preflight explain: ${unverified.text}`;
  if (await reportOnly(io)) io.info(redactor.redact(`${message} (mode 'report': the step is not failed)`));
  else io.setFailed(redactor.redact(message));
}

/**
 * Whether the workspace's configuration (the `config` input, else .github/preflight.yml) says `mode: report`: the
 * `mode` input is `explain` here, so the file's is the one that can. A configuration that cannot be read is not
 * report-only (fail closed).
 */
async function reportOnly(io: ActionIO): Promise<boolean> {
  const given = io.getInput('config').trim();
  const loaded = await loadPreflightConfig({
    getInput: (name) => (name === 'config' ? given : ''),
    env: io.env,
    cwd: io.env.GITHUB_WORKSPACE || process.cwd(),
  });
  return loaded.ok && loaded.config.mode === 'report';
}
