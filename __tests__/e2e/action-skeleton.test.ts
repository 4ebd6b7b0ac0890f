/**
 * Runs the committed dist/index.js the way the runner does: inputs as INPUT_* variables, outputs and the job summary
 * through the files named by GITHUB_OUTPUT and GITHUB_STEP_SUMMARY (the protocol @actions/core's own tests use).
 * It tests the committed bundle, not src/: .ci/run rebuilds and fails first when dist/ is stale.
 */
import { existsSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ACTION, spawnNode } from '../fixtures/processes.js';
import { inputVariables, stepFiles } from '../fixtures/step-files.js';
import { removeTempDirs, tempDir } from '../fixtures/temp-files.js';

const NOTHING_VERIFIED = 'permission-preflight: no checks are configured; nothing was verified';
const STACK_FRAME = /^\s+at .+[(:]/m;

/** Runs the action with `inputs` (the runner passes every declared input, defaults included) and nothing else. */
async function runAction(inputs: Record<string, string>) {
  const files = stepFiles(tempDir());
  const run = await spawnNode(ACTION, [], { env: { ...files.env, ...inputVariables(inputs) } });
  return { ...run, ...files.read() };
}

beforeAll(() => {
  if (!existsSync(ACTION)) throw new Error(`${ACTION} is missing: run \`npm run build\` (dist/ is committed)`);
});

afterEach(removeTempDirs);

describe('dist/index.js with default inputs: the GitHub OIDC check is on', () => {
  it('fails when the job cannot request a token: exit 1, the id-token finding, its fix in the summary', async () => {
    const run = await runAction({ mode: 'enforce', config: '.github/preflight.yml' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('::error title=GitHub OIDC token%3A missing-id-token-permission (runner)::');
    expect(run.stdout).toContain('::error::permission-preflight: 1 of 1 checks would fail or could not be verified');
    expect(run.summary).toContain('`missing-id-token-permission`');
    expect(run.summary).toContain('id-token: write');
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

describe('dist/index.js with nothing to check (github-oidc: false, no tokens)', () => {
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

describe('dist/index.js with invalid inputs', () => {
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
