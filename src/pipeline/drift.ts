/**
 * The end of a run, with a baseline (docs/baseline.md): read the last passing run's record, classify each failing
 * finding against it (src/drift/classify.ts), and, when this run passed, record it for the next. Called by the
 * action (src/main.ts) and the CLI's check (src/commands/check-run.ts) with the report they built. The baseline only
 * explains and never decides: it adds evidence to failing findings, and a finding when it cannot be read or written,
 * so it can turn a pass into a failure (fail closed) but never a failure into a pass.
 */

import type { BaselineSetting, PreflightConfig } from '../config/model.js';
import { attachDrift, classifyDrift, notCompared } from '../drift/classify.js';
import { parseBaseline } from '../drift/parse.js';
import { type BaselineRecord, type BaselineScope, buildRecord, type RunSeen } from '../drift/record.js';
import { type Finding, finding } from '../model/finding.js';
import { buildReport, type Report } from '../report/model.js';
import { isPullRequestEvent } from '../sources/baseline-artifact.js';
import type { BaselineText } from '../sources/baseline-file.js';
import type { Observed } from './run.js';

/** Where the run is, for the baseline: its environment, folder, log and redactor. */
export interface BaselineHost {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The workspace: a baseline file's path is relative to it. */
  readonly cwd: string;
  readonly allowOutsideWorkspace?: boolean;
  readonly log: (line: string) => void;
  /** Every text written goes through it: the record never holds a secret the run registered. */
  readonly redact: (text: string) => string;
  /** The token that lists and downloads artifacts (`baseline-token`); never printed. */
  readonly token?: string;
}

/** Collects what the run read for the record: pass `observe` to the pipeline's host, then read `seen()`. */
export function createObserver(): { observe: (seen: Observed) => void; seen: () => RunSeen } {
  let claims: Readonly<Record<string, unknown>> | undefined;
  const roles: RunSeen['roles'][number][] = [];
  return {
    observe: (o) => {
      if ('claims' in o) claims = o.claims;
      else roles.push(o.role);
    },
    seen: () => ({ ...(claims ? { claims } : {}), roles }),
  };
}

/**
 * The branch a run is for: a pull request's head branch (GITHUB_HEAD_REF), else the ref's short name
 * (GITHUB_REF_NAME, or GITHUB_REF without `refs/heads/` or `refs/tags/`), as the REST API's `head_branch` names it
 * (https://docs.github.com/en/actions/reference/workflows-and-actions/variables#default-environment-variables).
 */
export function runBranch(env: BaselineHost['env']): string | undefined {
  if (isPullRequestEvent(env.GITHUB_EVENT_NAME)) return env.GITHUB_HEAD_REF || undefined;
  if (env.GITHUB_REF_NAME) return env.GITHUB_REF_NAME;
  return env.GITHUB_REF?.replace(/^refs\/(heads|tags)\//, '') || undefined;
}

/**
 * The repository, workflow, job, environment, event and branch a record belongs to, from the runner's variables and
 * the token's claims.
 */
export function baselineScope(env: BaselineHost['env'], seen: RunSeen, config: PreflightConfig): BaselineScope {
  const environment = typeof seen.claims?.environment === 'string' ? seen.claims.environment : config.environment;
  // GITHUB_WORKFLOW_REF is `owner/repo/.github/workflows/file.yml@ref`: the file names the workflow, the ref does not.
  const workflow = env.GITHUB_WORKFLOW_REF?.replace(/@.*$/, '').split('/').pop() || env.GITHUB_WORKFLOW;
  const branch = runBranch(env);
  return {
    ...(env.GITHUB_REPOSITORY ? { repository: env.GITHUB_REPOSITORY } : {}),
    ...(workflow ? { workflow } : {}),
    ...(env.GITHUB_JOB ? { job: env.GITHUB_JOB } : {}),
    ...(environment ? { environment } : {}),
    ...(env.GITHUB_RUN_ID ? { runId: env.GITHUB_RUN_ID } : {}),
    ...(env.GITHUB_EVENT_NAME ? { event: env.GITHUB_EVENT_NAME } : {}),
    ...(branch ? { branch } : {}),
  };
}

/**
 * Why a record is not this run's baseline, or undefined when it is: made by a run that did not pass, for another
 * repository, workflow, job, environment or branch (each compared when both name it), or by a pull request's run
 * when this run is not one. A record compared across them would explain a failure with another job's permissions,
 * or with what a pull request's author chose to record.
 */
export function notThisRunsRecord(recorded: BaselineRecord, now: BaselineScope): string | undefined {
  if (recorded.result !== 'pass') return `it was made by a run whose result is ${recorded.result}, not pass`;
  const scope = recorded.scope;
  const keys = ['repository', 'workflow', 'job', 'environment', 'branch'] as const;
  const differ = keys.filter((k) => scope[k] !== undefined && now[k] !== undefined && scope[k] !== now[k]);
  if (differ.length > 0) {
    return `it was made for ${differ.map((k) => `${k} ${scope[k]} (this run: ${now[k]})`).join(', ')}`;
  }
  if (isPullRequestEvent(scope.event) && !isPullRequestEvent(now.event)) {
    return `it was made by a ${scope.event} run, and this run is ${now.event ? `a ${now.event} run` : "not a pull request's"}`;
  }
  return undefined;
}

/** A baseline that could not be read or written: unverified, naming where and why. */
function unavailable(setting: BaselineSetting, what: 'read' | 'written', reason: string): Finding {
  const where = setting.kind === 'file' ? `the baseline file ${setting.path}` : 'the baseline artifact';
  return finding('baseline-unavailable', {
    id: `baseline:${what === 'read' ? 'unreadable' : 'unwritable'}`,
    subject: where,
    decisionPoint: setting.kind === 'file' ? 'config' : 'runner',
    status: 'unverified',
    cause: null,
    message: `${where} could not be ${what}: ${reason}. ${what === 'read' ? "This run's failures are not compared with the last passing run." : 'The next run has no record of this one to compare with.'}`,
    evidence: { baseline: setting.kind === 'file' ? setting.path : 'artifact', problem: reason },
    fix:
      setting.kind === 'file'
        ? `Correct or remove ${setting.path} (a passing run writes a new one), or set baseline: off.`
        : 'Give the job `permissions: actions: read` (and the default artifact service), or set baseline: off.',
  });
}

/** Reads the last passing run's record from where the setting says; undefined text is no record yet. */
async function readStored(setting: BaselineSetting, host: BaselineHost, scope: BaselineScope): Promise<BaselineText> {
  if (setting.kind === 'file') {
    const { readBaselineFile } = await import('../sources/baseline-file.js');
    return readBaselineFile(setting.path, { root: host.cwd, allowOutside: host.allowOutsideWorkspace === true });
  }
  const { readBaselineArtifact } = await import('../sources/baseline-artifact.js');
  return readBaselineArtifact(scope, { env: host.env, ...(host.token ? { token: host.token } : {}) });
}

/** Writes this run's record where the setting says; a reason when it could not. */
async function writeStored(
  setting: BaselineSetting,
  text: string,
  host: BaselineHost,
  scope: BaselineScope,
): Promise<{ ok: true; where: string } | { ok: false; reason: string }> {
  if (setting.kind === 'file') {
    const { writeBaselineFile } = await import('../sources/baseline-file.js');
    const written = await writeBaselineFile(setting.path, text, {
      root: host.cwd,
      allowOutside: host.allowOutsideWorkspace === true,
    });
    return written.ok ? { ok: true, where: setting.path } : written;
  }
  const { writeBaselineArtifact } = await import('../sources/baseline-artifact.js');
  return writeBaselineArtifact(scope, text, { env: host.env });
}

/**
 * The report with the baseline applied: a failing run's failures classified against the last passing record, a
 * finding when the record cannot be read or written; and a passing run recorded. Without a baseline setting, the
 * report as it is.
 */
export async function applyBaseline(
  config: PreflightConfig,
  report: Report,
  seen: RunSeen,
  host: BaselineHost,
): Promise<Report> {
  const setting = config.baseline;
  if (!setting) return report;
  const scope = baselineScope(host.env, seen, config);
  const extra: Finding[] = [];
  let findings: readonly Finding[] = report.findings;
  const stored = await readStored(setting, host, scope);
  for (const why of stored.skipped ?? []) host.log(`baseline: not taken: ${why}`);
  let baseline: BaselineRecord | undefined;
  if (!stored.ok) extra.push(unavailable(setting, 'read', stored.reason));
  else if (stored.text === undefined) host.log(`baseline: none yet at ${stored.where}`);
  else {
    const parsed = parseBaseline(stored.text);
    if (!parsed.ok) extra.push(unavailable(setting, 'read', `${stored.where}: ${parsed.reason}`));
    else baseline = parsed.record;
  }
  const refused = baseline ? notThisRunsRecord(baseline, scope) : undefined;
  if (baseline && refused) host.log(`baseline: ${stored.where} is not used: ${refused}`);
  if (baseline && report.result === 'fail') {
    if (refused) {
      // Said on each failure, so that the report shows the record was not compared with, and why.
      findings = attachDrift(
        report.findings,
        notCompared(report.findings, `${stored.where} was not used: ${refused}`),
        '',
      );
    } else {
      host.log(`baseline: comparing with the last passing run, ${baseline.recordedAt} (${stored.where})`);
      const current = buildRecord({ report, seen, scope, copies: 'all' });
      findings = attachDrift(report.findings, classifyDrift(report.findings, current, baseline), baseline.recordedAt);
    }
  }
  if (report.result === 'pass') {
    const record = buildRecord({ report, seen, scope });
    const written = await writeStored(setting, host.redact(`${JSON.stringify(record, null, 2)}\n`), host, scope);
    if (written.ok) host.log(`baseline: this passing run recorded to ${written.where}`);
    else extra.push(unavailable(setting, 'written', written.reason));
  }
  if (extra.length === 0 && findings === report.findings) return report;
  return buildReport({
    findings: [...findings, ...extra],
    mode: report.mode,
    version: report.tool.version,
    now: new Date(report.generatedAt),
  });
}
