/**
 * The action's pipeline: inputs → checks → report → outputs, failing closed. Callable without side
 * effects on import (tests and `local-action` import it). It never throws: any thrown value, `Error` or
 * not, fails the step, and no path ends in a pass unless every check passed.
 */

import { describeConfigError } from './config/file-errors.js';
import type { PreflightConfig } from './config/model.js';
import type { ConfigError } from './config/tokens.js';
import { type ActionIO, type AnnotationProps, actionIO, type Message } from './io.js';
import type { Finding } from './model/finding.js';
import { EXPLAIN_MODE, VERSION } from './model/product.js';
import { loadPreflightConfig } from './pipeline/load-config.js';
import { type Observed, runPreflight, verifiesAnything } from './pipeline/run.js';
import { buildReport, headline, type Report } from './report/model.js';
import { createRedactor, type Redactor } from './report/redact.js';
import { renderSummary, text } from './report/summary.js';
import { InputFileError } from './sources/files.js';
import type { FetchLike } from './sources/http.js';
import { readRunnerFacts } from './sources/runner.js';
import { secretForms } from './text/secrets.js';
import { describeThrown } from './text/thrown.js';

/** The verdict when nothing at all is configured to check. */
export const NOTHING_VERIFIED = 'permission-preflight: no checks are configured; nothing was verified';

/**
 * GitHub shows at most 10 error annotations per step (and 50 per job); the rest are dropped without a word
 * ("Workflow commands for GitHub Actions", annotations:
 * https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands#setting-an-error-message).
 * The action writes at most this many, counting the closing "and N more" annotation and the step's failure
 * message, so every one it writes is shown and a run with thousands of findings prints tens of lines, not
 * thousands.
 */
export const MAX_ERROR_ANNOTATIONS = 10;

/**
 * The configuration errors the failure message lists; the rest are counted. About twenty lines of a hundred characters
 * or more fill the runner's 4,096 (src/text/inert.ts `MAX_MESSAGE_CHARS`).
 */
const MAX_LISTED_ERRORS = 20;

/** One error annotation to write. */
export interface Annotation {
  readonly message: Message;
  readonly props: AnnotationProps;
}

/**
 * Writes `annotations` within {@link MAX_ERROR_ANNOTATIONS} (one kept for the failure message): when there are more,
 * the first ones and a closing annotation that counts the rest and says where they all are.
 */
export function annotateCapped(io: ActionIO, annotations: readonly Annotation[], where: string): void {
  const room = MAX_ERROR_ANNOTATIONS - 1;
  const shown = annotations.length <= room ? annotations : annotations.slice(0, room - 1);
  for (const a of shown) io.error(a.message, a.props);
  const left = annotations.length - shown.length;
  if (left > 0) {
    io.error(`and ${left} more: ${where}`, { title: `permission-preflight: ${left} more not annotated` });
  }
}

/** What the pipeline takes from outside besides the runner: seams for tests. */
export interface RunDeps {
  readonly fetch?: FetchLike;
  readonly now?: () => Date;
  /** Waits between retries of an AWS call; the default waits (tests pass one that does not). */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Runs every configured check on the runner; `observe` is told what the run read (for the baseline). */
async function runChecks(
  config: PreflightConfig,
  io: ActionIO,
  redactor: Redactor,
  deps: RunDeps,
  observe: (seen: Observed) => void,
): Promise<Finding[]> {
  const now = deps.now ?? (() => new Date());
  // Every form a secret can be printed in: as given, without an Authorization scheme, a URL's credentials.
  const mask = (secret: string) => {
    for (const form of secretForms(secret)) {
      io.setSecret(form);
      redactor.add(form);
    }
  };
  return runPreflight(config, {
    env: io.env,
    mask,
    log: (line) => io.info(redactor.redact(line)),
    debug: (line) => io.debug(redactor.redact(line)),
    group: (name, fn) => io.group(name, fn),
    runner: await readRunnerFacts(io.env),
    now: () => Math.floor(now().getTime() / 1000),
    ...(io.env.GITHUB_WORKSPACE ? { cwd: io.env.GITHUB_WORKSPACE } : {}),
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
    ...(config.workflows && io.getInput('github-token') ? { githubToken: io.getInput('github-token') } : {}),
    observe,
  });
}

/**
 * A workflow of another repository, as the model names it (`OWNER/REPO/.github/workflows/FILE.yml@REF`,
 * src/workflows/remote.ts): not a file of this workspace, so its findings are annotations without a file (the
 * summary and the JSON report still say where).
 */
const REMOTE_FILE = /^[^/]+\/[^/]+\/\.github\/workflows\/[^/]+@/;

/**
 * The findings to annotate, in the order annotations are written: what would fail before what could not be verified
 * (the report's order within each), so that under the cap the denials are the ones shown.
 */
export function annotationOrder(findings: readonly Finding[]): Finding[] {
  return [...findings.filter((f) => f.status === 'fail'), ...findings.filter((f) => f.status === 'unverified')];
}

/**
 * A finding's annotation: its message and its fix as two lines, each made inert and capped on its own where the action
 * writes (src/io.ts), so an outside value can neither add a line nor push the fix past the runner's cut; the title
 * names the finding.
 */
export function findingAnnotation(f: Finding, redact: (text: string) => string): Annotation {
  return {
    message: [f.message, ...(f.fix ? [`Fix: ${f.fix}`] : [])].map(redact),
    props: {
      title: redact(`${f.subject}: ${f.class} (${f.decisionPoint})`),
      ...(f.location && !REMOTE_FILE.test(f.location.file)
        ? { file: f.location.file, ...(f.location.line ? { startLine: f.location.line } : {}) }
        : {}),
    },
  };
}

/** Writes the report everywhere it goes: summary, annotations, JSON file, outputs. */
async function publish(report: Report, io: ActionIO, redactor: Redactor): Promise<void> {
  const json = redactor.redact(`${JSON.stringify(report, null, 2)}\n`);
  const dir = io.env.RUNNER_TEMP;
  let path = '';
  if (dir) {
    path = `${dir}/permission-preflight/report.json`;
    await io.writeFile(path, json);
  }
  const annotations = annotationOrder(report.findings).map((f) => findingAnnotation(f, (t) => redactor.redact(t)));
  annotateCapped(io, annotations, `every finding is in the job summary and the JSON report${path ? ` (${path})` : ''}`);
  await io.summary(redactor.redact(renderSummary(report, path ? { reportPath: path } : {})));
  io.setOutput('result', report.result);
  io.setOutput('findings', String(report.counts.failed + report.counts.unverified));
  io.setOutput('report', path);
}

/**
 * The job summary of a run whose configuration is invalid: nothing was checked, and each error (at most
 * MAX_LISTED_ERRORS, the rest counted), its words inert in Markdown (src/report/summary.ts `text`).
 */
function configErrorsSummary(errors: readonly ConfigError[]): string {
  const listed = errors.slice(0, MAX_LISTED_ERRORS).map((e) => `- ${text(describeConfigError(e))}`);
  if (errors.length > listed.length) listed.push(`- and ${errors.length - listed.length} more`);
  return `## permission-preflight\n\n**Result: fail**: the configuration is invalid, so nothing was checked.\n\n${listed.join('\n')}\n`;
}

/** Fails the step on an invalid configuration: an annotation at each error's file and line, then every error. */
function reportConfigErrors(errors: readonly ConfigError[], io: ActionIO): void {
  const placed = errors.flatMap((e) =>
    e.file === undefined || e.line === undefined
      ? []
      : [
          {
            message: describeConfigError(e),
            props: {
              title: 'permission-preflight: invalid configuration',
              file: e.file,
              startLine: e.line,
              ...(e.column !== undefined ? { startColumn: e.column } : {}),
            },
          },
        ],
  );
  annotateCapped(io, placed, 'the failure message lists the errors');
  // An error annotated at its line is not repeated in the failure message (itself an annotation): there it is named by
  // its place alone. Annotations past the cap are not written, so those errors are listed whole.
  const annotated = new Set(
    (placed.length <= MAX_ERROR_ANNOTATIONS - 1 ? placed : placed.slice(0, MAX_ERROR_ANNOTATIONS - 2)).map(
      (a) => a.message,
    ),
  );
  const rest = errors.filter((e) => !annotated.has(describeConfigError(e)));
  // Each error is a line of the failure message; thousands of them would bury the first.
  const listed = rest.slice(0, MAX_LISTED_ERRORS).map(describeConfigError);
  if (rest.length > listed.length) listed.push(`and ${rest.length - listed.length} more`);
  const head =
    annotated.size > 0
      ? `permission-preflight: invalid configuration: ${annotated.size === 1 ? 'the error' : `${annotated.size} errors`} annotated at ${[...annotated].map((m) => m.slice(0, m.indexOf(': '))).join(', ')}${listed.length > 0 ? ', and:' : ''}`
      : 'permission-preflight: invalid configuration:';
  io.setFailed([head, ...listed]);
}

/**
 * A policy file or folder that cannot be read at all (src/sources/aws-files.ts throws it while the checks gather): a
 * mistyped path in the configuration, not a finding about the account. It is named as the setting it came from: the
 * `policy-files` input (which replaces the file's, src/config/file-merge.ts) or the config file's `policy-files`.
 */
function policyFilesError(thrown: InputFileError, io: ActionIO, source: readonly string[]): ConfigError {
  const message = `names a path that cannot be read: ${thrown.message}`;
  if (io.getInput('policy-files').trim() !== '') return { where: 'input policy-files', message };
  const file = source.find((s) => s !== 'inputs');
  return { where: 'policy-files', message, ...(file ? { file } : {}) };
}

/**
 * The job summary of a run that stopped on a thrown value: the headline, which every run writes (README, "Limits"),
 * and what stopped it; nothing was checked to the end.
 */
function thrownSummary(description: string): string {
  return `## permission-preflight\n\n**Result: fail**: could not verify: ${text(description)}\n`;
}

/**
 * Zero configuration reads the workflows only where there are some: a workspace with `.github/workflows` (after
 * actions/checkout). `workflows: true` reads them whatever (and says so when there are none).
 */
async function withWorkflows(config: PreflightConfig, io: ActionIO): Promise<PreflightConfig> {
  if (!config.workflows || config.workflows.explicit) return config;
  const root = io.env.GITHUB_WORKSPACE;
  if (root && (await (await import('./sources/workflows.js')).hasWorkflowsFolder(root))) return config;
  const { workflows: _off, ...rest } = config;
  return rest;
}

/** Runs the action against `io`; by default the runner itself (@actions/core), as src/index.ts and local runners call it. */
export async function run(io: ActionIO = actionIO(), deps: RunDeps = {}): Promise<void> {
  const redactor = createRedactor();
  try {
    // Fail closed from the first moment: these are overwritten only by a finished report.
    io.setOutput('result', 'fail');
    io.setOutput('findings', '0');
    if (io.getInput('mode').trim() === EXPLAIN_MODE) {
      await (await import('./explain-mode.js')).runExplainMode(io, redactor, annotateCapped);
      return;
    }
    const read = await loadPreflightConfig({
      getInput: (name) => io.getInput(name),
      env: io.env,
      // The runner starts steps in the workspace; relative paths are the repository's either way.
      cwd: io.env.GITHUB_WORKSPACE || process.cwd(),
    });
    if (!read.ok) {
      reportConfigErrors(read.errors, io);
      await io.summary(configErrorsSummary(read.errors));
      return;
    }
    const config = await withWorkflows(read.config, io);
    io.debug(`configuration from ${read.source.join(' and ') || 'defaults'}`);
    if (!(await verifiesAnything(config))) {
      await io.summary(
        `## permission-preflight\n\n**Result: fail** (mode \`${config.mode}\`)\n\n${NOTHING_VERIFIED}.\n`,
      );
      if (config.mode === 'report') io.info(`${NOTHING_VERIFIED} (mode 'report': the step is not failed)`);
      else io.setFailed(NOTHING_VERIFIED);
      return;
    }
    // The baseline's code loads only when a baseline is set (docs/baseline.md): no start-up cost otherwise.
    const drift = config.baseline ? await import('./pipeline/drift.js') : undefined;
    const observer = drift?.createObserver();
    let findings: Finding[];
    try {
      findings = await runChecks(config, io, redactor, deps, observer?.observe ?? (() => undefined));
    } catch (thrown: unknown) {
      if (!(thrown instanceof InputFileError)) throw thrown;
      // A configuration error fails the step in either mode: the tool could not check anything.
      const error = policyFilesError(thrown, io, read.source);
      reportConfigErrors([error], io);
      await io.summary(redactor.redact(configErrorsSummary([error])));
      return;
    }
    const built = buildReport({
      findings,
      mode: config.mode,
      version: VERSION,
      now: (deps.now ?? (() => new Date()))(),
    });
    const token = config.baseline?.kind === 'artifact' ? io.getInput('baseline-token') : '';
    for (const form of secretForms(token)) {
      io.setSecret(form);
      redactor.add(form);
    }
    const report =
      drift && observer
        ? await drift.applyBaseline(config, built, observer.seen(), {
            env: io.env,
            cwd: io.env.GITHUB_WORKSPACE || process.cwd(),
            allowOutsideWorkspace: config.allowOutsideWorkspace === true,
            log: (line) => io.info(redactor.redact(line)),
            redact: (text) => redactor.redact(text),
            ...(token ? { token } : {}),
          })
        : built;
    await publish(report, io, redactor);
    if (report.result === 'pass') return;
    const message = `permission-preflight: ${headline(report)}`;
    if (config.mode === 'report') io.info(`${message} (mode 'report': the step is not failed)`);
    else io.setFailed(message);
  } catch (thrown: unknown) {
    const description = describeThrown(thrown);
    io.setFailed(redactor.redact(`permission-preflight: could not verify: ${description}`));
    try {
      await io.summary(redactor.redact(thrownSummary(description)));
    } catch {
      // The summary itself may be what threw: the step has failed and says why.
    }
  }
}
