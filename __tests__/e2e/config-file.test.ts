/**
 * The action (in process, harness.ts) with a config file in GITHUB_WORKSPACE, as the runner runs it: a file error
 * is an error annotation at the file's line and column and fails the step; a valid file configures the run; the
 * inputs override it; an explicitly given config path that does not exist fails the step naming it.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir, writeFiles } from '../fixtures/temp-files.js';
import { actionDefaults, runAction } from './harness.js';

afterAll(removeTempDirs);

const DEFAULTS = actionDefaults();

/** A workspace holding `.github/preflight.yml` with `text`. */
function workspaceWith(text: string, name = '.github/preflight.yml'): string {
  return writeFiles(tempDir(), { [name]: text });
}

const INVALID = `# permission-preflight
mode: enforce
aws:
  roles:
    - role-to-assume: arn:aws:iam::111122223333:role/site-deploy
      role-duration-seconds: 1h
      permissions:
        - s3:PutObject site-bucket
`;

describe('the action with an invalid config file', () => {
  it('annotates the error at file:line:column and fails the step, without running a check', async () => {
    const run = await runAction(DEFAULTS, { GITHUB_WORKSPACE: workspaceWith(INVALID) });
    expect(run.status).toBe(1);
    // Annotation properties escape ':' and ',' (as @actions/core writes them); the message repeats the place for logs.
    expect(run.stdout).toContain(
      '::error title=permission-preflight%3A invalid configuration,file=.github/preflight.yml,line=6,col=30::' +
        '.github/preflight.yml:6:30: aws.roles[0].role-duration-seconds must be an integer, got "1h"\n',
    );
    // Said once: the failure message names the annotated error by its place, not again in full.
    expect(run.stdout).toContain(
      '::error::permission-preflight: invalid configuration: the error annotated at .github/preflight.yml:6:30\n',
    );
    expect(run.stdout.split('must be an integer').length - 1).toBe(1);
    expect(run.outputs).toEqual({ result: 'fail', findings: '0' });
    expect(run.stderr).toBe('');
  });

  it('reports the errors beyond the schema the same way once the schema passes', async () => {
    const fixed = INVALID.replace('role-duration-seconds: 1h', 'role-duration-seconds: 3600');
    const run = await runAction(DEFAULTS, { GITHUB_WORKSPACE: workspaceWith(fixed) });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      '::error title=permission-preflight%3A invalid configuration,file=.github/preflight.yml,line=8,col=24::' +
        '.github/preflight.yml:8:24: aws.roles[0].permissions[0] "site-bucket" is not an ARN or *',
    );
  });

  it('reports YAML errors at the line and column the parser gives', async () => {
    const run = await runAction(DEFAULTS, { GITHUB_WORKSPACE: workspaceWith('mode: report\nmode: enforce\n') });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      '::error title=permission-preflight%3A invalid configuration,file=.github/preflight.yml,line=2,col=1::' +
        '.github/preflight.yml:2:1: YAML is not valid: Map keys must be unique\n',
    );
  });
});

describe('the action with a valid config file', () => {
  const REPORT_ONLY = `mode: report
github-oidc: { enabled: false }
tokens:
  - name: deploy-api
    from-env: DEPLOY_API_TOKEN
`;

  it('runs what the file configures: here report mode and a token that is missing, so exit 0 and result fail', async () => {
    const run = await runAction(DEFAULTS, { GITHUB_WORKSPACE: workspaceWith(REPORT_ONLY) });
    expect(run.status).toBe(0);
    expect(run.outputs).toMatchObject({ result: 'fail', findings: '1' });
    expect(run.report).toMatchObject({ mode: 'report', findings: [{ id: 'token:deploy-api:missing-token' }] });
    // A variable that is not set is no expired or rotated credential: no cause; the page is GitHub's on secrets.
    const [missing] = run.report?.findings ?? [];
    expect(missing?.cause).toBeUndefined();
    expect(missing?.docUrl).toBe(
      'https://docs.github.com/en/actions/how-tos/write-workflows/choose-what-workflows-do/use-secrets',
    );
  });

  it('lets a given input override the file: mode enforce fails the step', async () => {
    const run = await runAction({ ...DEFAULTS, mode: 'enforce' }, { GITHUB_WORKSPACE: workspaceWith(REPORT_ONLY) });
    expect(run.status).toBe(1);
    expect(run.report).toMatchObject({ mode: 'enforce' });
  });

  it('reads a file at another path given by the config input', async () => {
    const ws = workspaceWith(REPORT_ONLY, 'ci/preflight.yaml');
    const run = await runAction({ ...DEFAULTS, config: 'ci/preflight.yaml' }, { GITHUB_WORKSPACE: ws });
    expect(run.status).toBe(0);
    expect(run.report).toMatchObject({ mode: 'report' });
  });
});

describe('the action with a config path that does not exist', () => {
  it('fails the step naming the path when it was given explicitly', async () => {
    const ws = tempDir();
    const run = await runAction({ ...DEFAULTS, config: 'ci/missing.yml' }, { GITHUB_WORKSPACE: ws });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      `::error::permission-preflight: invalid configuration:%0Ainput config "ci/missing.yml" does not exist (looked for ${path.join(ws, 'ci/missing.yml')})`,
    );
  });

  it('runs on the inputs alone when the default path is missing', async () => {
    const run = await runAction(
      { ...DEFAULTS, 'github-oidc': 'false', mode: 'report' },
      { GITHUB_WORKSPACE: tempDir() },
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('no checks are configured');
  });
});

describe('the action and the workspace (README, "Limits")', () => {
  it('refuses a config outside the workspace, and reads it with allow-outside-workspace: true', async () => {
    const ws = tempDir();
    const outside = writeFiles(tempDir(), { 'preflight.yml': 'mode: report\ngithub-oidc:\n  enabled: false\n' });
    const config = path.relative(ws, path.join(outside, 'preflight.yml'));
    const refused = await runAction({ ...DEFAULTS, config }, { GITHUB_WORKSPACE: ws });
    expect(refused.status).toBe(1);
    // Shown as the absolute path it resolves to, since it is not under the workspace.
    expect(refused.stdout).toContain(
      `input config "${path.join(outside, 'preflight.yml')}" is outside the workspace; only files in ${ws} are read`,
    );
    const allowed = await runAction(
      { ...DEFAULTS, config, 'allow-outside-workspace': 'true' },
      { GITHUB_WORKSPACE: ws },
    );
    expect(allowed.stdout).not.toContain('outside the workspace');
    expect(allowed.stdout).toContain('nothing was verified');
  });

  it('refuses an allow-outside-workspace that is neither true nor false', async () => {
    const run = await runAction({ ...DEFAULTS, 'allow-outside-workspace': 'yes' }, { GITHUB_WORKSPACE: tempDir() });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('input allow-outside-workspace must be true or false, got "yes"');
  });
});
