/**
 * The GitHub token permissions through the action, as the runner runs it: PenPow/Sentry's release workflow
 * (../fixtures/github-token/workflows/penpow-sentry-cd.yml, its source in its first line), whose `deployment` job
 * creates a GitHub deployment with chrnorm/deployment-action, which needs `deployments: write`
 * (https://github.com/chrnorm/deployment-action#readme). As published the job grants it; edited to grant only
 * `contents: read`, the run fails with the finding and the YAML to add.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../fixtures/temp-files.js';
import { actionDefaults, runAction } from './harness.js';

const WORKFLOW = fileURLToPath(new URL('../fixtures/github-token/workflows/penpow-sentry-cd.yml', import.meta.url));
afterAll(removeTempDirs);

async function check(edit: (text: string) => string) {
  const ws = tempDir();
  mkdirSync(path.join(ws, '.github/workflows'), { recursive: true });
  const target = path.join(ws, '.github/workflows/CD.yml');
  copyFileSync(WORKFLOW, target);
  writeFileSync(target, edit(readFileSync(target, 'utf8')));
  const inputs = { ...actionDefaults(), 'github-token': '' };
  const env = { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: ws, GITHUB_REPOSITORY: 'PenPow/Sentry' };
  return runAction(inputs, env);
}

const deploymentJob = (run: Awaited<ReturnType<typeof check>>) =>
  run.report?.findings.filter((f) => f.decisionPoint === 'github-token' && f.subject.includes('`deployment`'));

describe('GitHub token permissions, zero configuration', () => {
  it('passes the deployment job as published (deployments: write)', async () => {
    const run = await check((t) => t);
    expect(deploymentJob(run)?.map((f) => [f.class, f.status])).toEqual([['ok', 'pass']]);
  });

  it('fails the job that grants contents: read only, naming the step, the grant and the YAML to add', async () => {
    const run = await check((t) => t.replace('      deployments: write\n', '      contents: read\n'));
    expect(run.status).toBe(1);
    const [missing] = deploymentJob(run)?.filter((f) => f.class === 'github-token-scope-missing') ?? [];
    expect(missing?.status).toBe('fail');
    expect(missing?.message).toContain('deployments: write');
    expect(missing?.message).toContain('chrnorm/deployment-action');
    expect(missing?.fix).toContain(
      'add `permissions: { contents: read, deployments: write }` under `jobs.deployment` in .github/workflows/CD.yml',
    );
    expect(missing?.location?.file).toBe('.github/workflows/CD.yml');
    expect(run.summary).toContain('github-token-scope-missing');
  });
});
