/**
 * `permission-preflight predict` reports every job's GitHub token permissions: PenPow/Sentry's release workflow
 * (../fixtures/github-token/workflows/penpow-sentry-cd.yml, its source in its first line), edited so that its
 * deployment job grants `contents: read` only, while chrnorm/deployment-action needs `deployments: write`.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../fixtures/cli.js';
import { removeTempDirs, tempDir } from '../fixtures/temp-files.js';

const WORKFLOW = fileURLToPath(new URL('../fixtures/github-token/workflows/penpow-sentry-cd.yml', import.meta.url));
afterAll(removeTempDirs);

function repository(edit: (text: string) => string): string {
  const root = tempDir();
  mkdirSync(path.join(root, '.github/workflows'), { recursive: true });
  const target = path.join(root, '.github/workflows/CD.yml');
  copyFileSync(WORKFLOW, target);
  writeFileSync(target, edit(readFileSync(target, 'utf8')));
  return root;
}

const ARGS = ['predict', '--repository', 'PenPow/Sentry', '--format', 'json'];

describe('predict: GitHub token permissions', () => {
  it('fails the job whose token lacks deployments: write, with the YAML to add; the default is given by flag', async () => {
    const root = repository((t) => t.replace('      deployments: write\n', '      contents: read\n'));
    const r = await runCli([...ARGS, '--default-token-permissions', 'read'], { cwd: root });
    expect(r.status).toBe(1);
    const findings = JSON.parse(r.stdout).findings as { class: string; subject: string; fix?: string }[];
    const missing = findings.find((f) => f.class === 'github-token-scope-missing');
    expect(missing?.subject).toContain('`deployment`');
    expect(missing?.fix).toContain('deployments: write');
    // The `sentry` job states no permissions: the repository's default, given as read, decides it.
    expect(findings.filter((f) => f.subject.includes('`sentry`')).map((f) => f.class)).toEqual(['ok']);
  });

  it('passes the workflow as published', async () => {
    const r = await runCli([...ARGS, '--default-token-permissions', 'read'], { cwd: repository((t) => t) });
    expect(r.status).toBe(0);
  });

  it('--repository-visibility takes public, private or internal only (exit 2)', async () => {
    const r = await runCli([...ARGS, '--repository-visibility', 'secret'], { cwd: repository((t) => t) });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--repository-visibility must be public, private or internal, got "secret"');
  });

  it('refuses a default that is neither read nor write (exit 2)', async () => {
    const r = await runCli([...ARGS, '--default-token-permissions', 'admin'], { cwd: repository((t) => t) });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--default-token-permissions must be read or write, got "admin"');
  });
});

describe("predict reads the config file's github: section (--config, else .github/preflight.yml)", () => {
  // GitHub's starter docker-publish.yml: sigstore/cosign-installer is not in the table, and its job's block names
  // scopes, so its need is unknown until `github.job-token-needs.build` declares it.
  const STARTER = fileURLToPath(
    new URL('../fixtures/github-token/workflows/starter-docker-publish.yml', import.meta.url),
  );
  const CONFIG = 'version: 1\ngithub:\n  repository-visibility: public\n  job-token-needs:\n    build: {}\n';
  function starter(config?: { at: string; text: string }): string {
    const root = tempDir();
    mkdirSync(path.join(root, '.github/workflows'), { recursive: true });
    copyFileSync(STARTER, path.join(root, '.github/workflows/docker-publish.yml'));
    if (config) writeFileSync(path.join(root, config.at), config.text);
    return root;
  }
  const classes = (stdout: string) => (JSON.parse(stdout).findings as { class: string }[]).map((f) => f.class);
  const START = ['predict', '--repository', 'acme/app', '--format', 'json'];

  it('without a config: github-token-needs-unknown, whose fix names github.job-token-needs.build', async () => {
    const r = await runCli([...START, '--repository-visibility', 'public'], { cwd: starter() });
    expect(classes(r.stdout)).toEqual(['github-token-needs-unknown']);
    expect(r.stdout).toContain('github.job-token-needs.build');
  });

  it('.github/preflight.yml declaring `build: {}` is read by default, and --config FILE names another', async () => {
    const byDefault = await runCli(START, { cwd: starter({ at: '.github/preflight.yml', text: CONFIG }) });
    expect(byDefault.status).toBe(0);
    expect(classes(byDefault.stdout)).toEqual(['ok']);
    const named = await runCli([...START, '--config', 'other.yml'], {
      cwd: starter({ at: 'other.yml', text: CONFIG }),
    });
    expect(classes(named.stdout)).toEqual(['ok']);
    const missing = await runCli([...START, '--config', 'none.yml'], { cwd: starter() });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('none.yml');
  });
});
