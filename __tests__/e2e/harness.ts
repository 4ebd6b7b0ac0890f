/**
 * Runs the committed dist/index.js the way the runner does (INPUT_* variables with hyphens kept, GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files, RUNNER_TEMP, the token request variables) and dist/cli.js the way a person does. The
 * processes are spawned asynchronously: the loopback servers they talk to live in this process, and a synchronous
 * spawn would block their event loop until the child gave up.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { parse } from 'yaml';
import type { Report } from '../../src/report/model.js';

export const ACTION = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/**
 * Every input action.yml declares, with its default: the runner passes them all to the step as INPUT_* variables,
 * defaults included (https://docs.github.com/en/actions/reference/workflows-and-actions/metadata-syntax#inputs).
 */
export function actionDefaults(): Record<string, string> {
  const text = readFileSync(fileURLToPath(new URL('../../action.yml', import.meta.url)), 'utf8');
  const inputs = (parse(text) as { inputs: Record<string, { default?: unknown }> }).inputs;
  return Object.fromEntries(Object.entries(inputs).map(([name, input]) => [name, String(input.default ?? '')]));
}

/** What a process left behind. */
export interface ProcessRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** What one action run left behind, as the runner would see it. */
export interface ActionRun extends ProcessRun {
  /** The outputs, the last value of each (the action sets `result` and `findings` early, to fail closed). */
  readonly outputs: Record<string, string>;
  readonly outputFile: string;
  readonly summary: string;
  /** The JSON report's text, when the `report` output names a file that exists. */
  readonly reportText?: string;
  readonly report?: Report;
}

/** Spawns node on `script` and collects what it prints; `input` goes to standard input. */
export function spawnNode(
  script: string,
  args: readonly string[],
  options: { env: Record<string, string>; input?: string; timeoutMs?: number },
): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { env: options.env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
    // A process that stops reading early (an oversized input) closes the pipe; that is its business.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

const workDirs: string[] = [];

/** A fresh directory, removed by {@link removeWorkDirs}. */
export function workDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'preflight-e2e-'));
  workDirs.push(dir);
  return dir;
}

/** Removes every directory {@link workDir} made (call it in afterAll). */
export function removeWorkDirs(): void {
  for (const dir of workDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** GITHUB_OUTPUT holds `name<<delimiter`, the value's lines, then `delimiter`; a later value wins. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const header = /^([^<]+)<<(.+)$/.exec(lines[i] ?? '');
    if (!header) continue;
    const [, name = '', delimiter] = header;
    const end = lines.indexOf(delimiter ?? '', i + 1);
    outputs[name] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return outputs;
}

/** Runs the action with `inputs` (`INPUT_<NAME>`, hyphens kept, as the runner names them) and `env`. */
export async function runAction(inputs: Readonly<Record<string, string>>, env: Readonly<Record<string, string>> = {}) {
  const dir = workDir();
  const outputFile = path.join(dir, 'output');
  const summaryFile = path.join(dir, 'summary.md');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const full: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: dir,
    ...env,
  };
  for (const [name, value] of Object.entries(inputs)) full[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  const run = await spawnNode(ACTION, [], { env: full });
  const outputText = readFileSync(outputFile, 'utf8');
  const outputs = parseOutputFile(outputText);
  const reportPath = outputs.report;
  const reportText = reportPath && existsSync(reportPath) ? readFileSync(reportPath, 'utf8') : undefined;
  const result: ActionRun = {
    ...run,
    outputs,
    outputFile: outputText,
    summary: readFileSync(summaryFile, 'utf8'),
    ...(reportText !== undefined ? { reportText, report: JSON.parse(reportText) as Report } : {}),
  };
  return result;
}

/** Runs dist/cli.js with `args`, `input` on standard input, and only `env` (plus PATH) in its environment. */
export function runCli(args: readonly string[], input?: string, env: Readonly<Record<string, string>> = {}) {
  return spawnNode(CLI, args, {
    env: { PATH: process.env.PATH ?? '', ...env },
    ...(input !== undefined ? { input } : {}),
  });
}

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
