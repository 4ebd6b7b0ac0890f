/**
 * Runs the action the way the runner does (INPUT_* variables with hyphens kept, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY
 * files, RUNNER_TEMP, the token request variables), in the test's own process: `run()` of src/main.ts with no
 * arguments, i.e. through @actions/core's real functions, over those variables (../fixtures/runner-step.ts). It
 * checks the JSON report the run writes. The committed dist/index.js is run by the smoke tests (smoke.test.ts); the
 * CLI in process by `runCli` in ../fixtures/cli.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { parse } from 'yaml';
import { run as runMain } from '../../src/main.js';
import type { Report } from '../../src/report/model.js';
import { ACTION, type ProcessRun, spawnNode } from '../fixtures/processes.js';
import { runStep } from '../fixtures/runner-step.js';
import { inputVariables, type StepResult, stepFiles } from '../fixtures/step-files.js';
import { tempDir } from '../fixtures/temp-files.js';

/**
 * Every input action.yml declares, with its default: the runner passes them all to the step as INPUT_* variables,
 * defaults included (https://docs.github.com/en/actions/reference/workflows-and-actions/metadata-syntax#inputs).
 */
export function actionDefaults(): Record<string, string> {
  const text = readFileSync(fileURLToPath(new URL('../../action.yml', import.meta.url)), 'utf8');
  const inputs = (parse(text) as { inputs: Record<string, { default?: unknown }> }).inputs;
  return Object.fromEntries(Object.entries(inputs).map(([name, input]) => [name, String(input.default ?? '')]));
}

/** What one action run left behind, as the runner would see it. */
export interface ActionRun extends ProcessRun, StepResult {
  /** The JSON report's text, when the `report` output names a file that exists. */
  readonly reportText?: string;
  readonly report?: Report;
}

/**
 * Runs the action with `inputs` (`INPUT_<NAME>`, hyphens kept, as the runner names them) and `env`, in a fresh
 * folder that is also RUNNER_TEMP. The outputs are the last value of each (the action sets `result` and `findings`
 * early, to fail closed).
 */
export function runAction(inputs: Readonly<Record<string, string>>, env: Readonly<Record<string, string>> = {}) {
  // AWS's retry backoff is not waited out in process: the retries themselves still happen (the loopback server counts them).
  return runActionWith(
    (full) => runStep(full, () => runMain(undefined, { sleep: async () => undefined })),
    inputs,
    env,
  );
}

/** {@link runAction} through the committed dist/index.js, spawned as the runner spawns it: for the smoke tests. */
export function spawnAction(inputs: Readonly<Record<string, string>>, env: Readonly<Record<string, string>> = {}) {
  return runActionWith((full) => spawnNode(ACTION, [], { env: full }), inputs, env);
}

async function runActionWith(
  start: (env: Record<string, string>) => Promise<ProcessRun>,
  inputs: Readonly<Record<string, string>>,
  env: Readonly<Record<string, string>>,
): Promise<ActionRun> {
  const dir = tempDir();
  const files = stepFiles(dir);
  const full = { PATH: process.env.PATH ?? '', ...files.env, RUNNER_TEMP: dir, ...env, ...inputVariables(inputs) };
  const run = await start(full);
  const written = files.read();
  const reportPath = written.outputs.report;
  const reportText = reportPath && existsSync(reportPath) ? readFileSync(reportPath, 'utf8') : undefined;
  const result: ActionRun = {
    ...run,
    ...written,
    ...(reportText !== undefined ? { reportText, report: JSON.parse(reportText) as Report } : {}),
  };
  return result;
}

/** @actions/core's escaping of a command property (`title=...`), written out so the tests do not share its code. */
export const escapeProperty = (s: string) =>
  s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * What src/text/inert.ts makes of text without backslashes or control characters before it is logged: a `:` that
 * begins the text (after white space) written `\:`, and every `#` between `#` and `[` written `\#`, so that no line
 * begins with `::` and no `##[` reaches the log.
 */
export const asLogged = (s: string) => s.replace(/^(\s*):/, '$1\\:').replace(/(?<=#)#(?=\[)/g, '\\#');

/**
 * Asserts the report is a v1 report whose counts agree with its findings, and whose findings each carry what the
 * report promises: a decision point, a class, evidence, and a fix for every one that did not pass.
 */
export function expectV1Report(report: Report | undefined): asserts report is Report {
  expect(report).toBeDefined();
  if (!report) return;
  expect(report).toMatchObject({ version: 1, tool: { name: 'permission-preflight' } });
  expect(['enforce', 'report']).toContain(report.mode);
  expect(Number.isNaN(Date.parse(report.generatedAt))).toBe(false);
  const count = (status: string) => report.findings.filter((f) => f.status === status).length;
  expect(report.counts).toMatchObject({
    checks: report.findings.length,
    passed: count('pass'),
    failed: count('fail'),
    unverified: count('unverified'),
  });
  expect(report.result).toBe(report.findings.length > 0 && count('pass') === report.findings.length ? 'pass' : 'fail');
  for (const f of report.findings) {
    expect(f.id).toMatch(/\S/);
    expect(f.decisionPoint).toMatch(/^[a-z-]+$/);
    expect(f.class).toMatch(/^[a-z-]+$/);
    expect(typeof f.evidence).toBe('object');
    if (f.status !== 'pass') expect(f.fix).toMatch(/\S/);
  }
}
