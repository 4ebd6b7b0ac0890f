/**
 * Runs the action the way the runner does, in process: `run()` with no arguments, with only the step's variables in
 * process.env (../fixtures/runner-step.ts): inputs as INPUT_* variables, outputs and the job summary through the
 * files named by GITHUB_OUTPUT and GITHUB_STEP_SUMMARY (the protocol @actions/core's own tests use). The committed
 * dist/index.js is run by smoke.test.ts and by .ci/run's smoke step.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { run as runMain } from '../../src/main.js';
import { runStep } from '../fixtures/runner-step.js';
import { inputVariables, stepFiles } from '../fixtures/step-files.js';
import { summaryText } from '../fixtures/summary-markup.js';
import { removeTempDirs, tempDir } from '../fixtures/temp-files.js';

const NOTHING_VERIFIED = 'permission-preflight: no checks are configured; nothing was verified';
const STACK_FRAME = /^\s+at .+[(:]/m;

/** Runs the action with `inputs` (the runner passes every declared input, defaults included) and nothing else. */
async function runAction(inputs: Record<string, string>) {
  const files = stepFiles(tempDir());
  const step = await runStep({ ...files.env, ...inputVariables(inputs) }, () => runMain());
  return { ...step, ...files.read() };
}

afterEach(removeTempDirs);

describe('the action with default inputs: the GitHub OIDC check is on', () => {
  it('fails when the job cannot request a token: exit 1, the id-token finding, its fix in the summary', async () => {
    const run = await runAction({ mode: 'enforce', config: '.github/preflight.yml' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('::error title=GitHub OIDC token%3A missing-id-token-permission (runner)::');
    expect(run.stdout).toContain(
      '::error::permission-preflight: Preflight failed: 1 of 1 checks would fail (1 would end in 401)',
    );
    expect(run.summary).toContain('`missing-id-token-permission`');
    expect(summaryText(run.summary)).toContain('id-token: write');
    // The fix is one line of the tool's own: the annotation shows it whole, with no escaped line break in it.
    const fix = run.stdout.split('\n').find((l) => l.startsWith('::error title=GitHub OIDC token'));
    expect(fix).toContain('Fix: Add `permissions: { id-token: write, contents: read }` to the job');
    expect(fix).not.toContain('\\n');
    expect(run.outputs).toEqual({ result: 'fail', findings: '1', report: '' });
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toMatch(STACK_FRAME);
  });

  it('does the same when no input is given at all (every default applies)', async () => {
    const run = await runAction({});
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('missing-id-token-permission');
  });
});

describe('the action with nothing to check (github-oidc: false, no tokens)', () => {
  it('fails closed in enforce mode: exit 1, an error annotation, result fail', async () => {
    const run = await runAction({ mode: 'enforce', 'github-oidc': 'false' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`::error::${NOTHING_VERIFIED}`);
    expect(run.summary).toContain(NOTHING_VERIFIED);
    expect(run.outputs).toEqual({ result: 'fail', findings: '0' });
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toMatch(STACK_FRAME);
  });

  it('reports the same in report mode but exits 0', async () => {
    const run = await runAction({ mode: 'report', 'github-oidc': 'false' });
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('::error::');
    expect(run.stdout).toContain(NOTHING_VERIFIED);
    expect(run.summary).toContain(NOTHING_VERIFIED);
    expect(run.outputs).toEqual({ result: 'fail', findings: '0' });
    expect(run.stderr).toBe('');
  });
});

describe('the action with invalid inputs', () => {
  it('rejects an unknown mode, quoting it, without a stack trace', async () => {
    const run = await runAction({ mode: 'audit' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      '::error::permission-preflight: invalid configuration:%0Ainput mode must be enforce or report, got "audit"',
    );
    expect(run.outputs).toEqual({ result: 'fail', findings: '0' });
    expect(`${run.stdout}${run.stderr}`).not.toMatch(STACK_FRAME);
  });
});
