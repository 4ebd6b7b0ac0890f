/**
 * Runs the committed dist/index.js the way the runner does: inputs as INPUT_* variables, outputs and the job summary
 * through the files named by GITHUB_OUTPUT and GITHUB_STEP_SUMMARY (the protocol @actions/core's own tests use).
 * It tests the committed bundle, not src/: .ci/run rebuilds and fails first when dist/ is stale.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

const ACTION = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
const NOTHING_VERIFIED = 'permission-preflight: no checks are configured; nothing was verified';
const STACK_FRAME = /^\s+at .+[(:]/m;

interface ActionRun {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

const workDirs: string[] = [];

/** Runs the action with `inputs` (the runner passes every declared input, defaults included) and nothing else. */
function runAction(inputs: Record<string, string>): ActionRun {
  const dir = mkdtempSync(path.join(tmpdir(), 'preflight-e2e-'));
  workDirs.push(dir);
  const outputFile = path.join(dir, 'output');
  const summaryFile = path.join(dir, 'summary.md');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = { GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  const child = spawnSync(process.execPath, [ACTION], { env, encoding: 'utf8', timeout: 20_000 });
  return {
    status: child.status,
    stdout: child.stdout,
    stderr: child.stderr,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
  };
}

/** GITHUB_OUTPUT holds `name<<delimiter`, the value's lines, then `delimiter`. */
function parseOutputFile(text: string): Record<string, string> {
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

beforeAll(() => {
  if (!existsSync(ACTION)) throw new Error(`${ACTION} is missing: run \`npm run build\` (dist/ is committed)`);
});

afterEach(() => {
  for (const dir of workDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('dist/index.js with default inputs: the GitHub OIDC check is on', () => {
  it('fails when the job cannot request a token: exit 1, the id-token finding, its fix in the summary', () => {
    const run = runAction({ mode: 'enforce', config: '.github/preflight.yml' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('::error title=GitHub OIDC token%3A missing-id-token-permission (runner)::');
    expect(run.stdout).toContain('::error::permission-preflight: 1 of 1 checks would fail or could not be verified');
    expect(run.summary).toContain('`missing-id-token-permission`');
    expect(run.summary).toContain('id-token: write');
    expect(run.outputs).toEqual({ result: 'fail', findings: '1', report: '' });
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toMatch(STACK_FRAME);
  });

  it('does the same when no input is given at all (every default applies)', () => {
    const run = runAction({});
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('missing-id-token-permission');
  });
});

describe('dist/index.js with nothing to check (github-oidc: false, no tokens)', () => {
  it('fails closed in enforce mode: exit 1, an error annotation, result fail', () => {
    const run = runAction({ mode: 'enforce', 'github-oidc': 'false' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`::error::${NOTHING_VERIFIED}`);
    expect(run.summary).toContain(NOTHING_VERIFIED);
    expect(run.outputs).toEqual({ result: 'fail', findings: '0' });
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toMatch(STACK_FRAME);
  });

  it('reports the same in report mode but exits 0', () => {
    const run = runAction({ mode: 'report', 'github-oidc': 'false' });
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('::error::');
    expect(run.stdout).toContain(NOTHING_VERIFIED);
    expect(run.summary).toContain(NOTHING_VERIFIED);
    expect(run.outputs).toEqual({ result: 'fail', findings: '0' });
    expect(run.stderr).toBe('');
  });
});

describe('dist/index.js with invalid inputs', () => {
  it('rejects an unknown mode, quoting it, without a stack trace', () => {
    const run = runAction({ mode: 'audit' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      '::error::permission-preflight: invalid configuration:%0Ainput mode must be enforce or report, got "audit"',
    );
    expect(run.outputs).toEqual({ result: 'fail', findings: '0' });
    expect(`${run.stdout}${run.stderr}`).not.toMatch(STACK_FRAME);
  });
});
