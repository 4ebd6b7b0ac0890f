/**
 * The action in workflows mode takes the repository's default branch from the event payload the runner writes
 * (`repository.default_branch`, https://docs.github.com/en/webhooks/webhook-events-and-payloads): a `schedule` run
 * is on the default branch (https://docs.github.com/en/actions/writing-workflows/choosing-when-your-workflow-runs/events-that-trigger-workflows#schedule),
 * so a nightly deploy's token is predicted and its trust checked. The workflow is pulumi/docs' real OIDC test
 * workflow (../fixtures/workflows/pulumi__docs, its source in the file) with a schedule added.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir, writeFile } from '../fixtures/temp-files.js';
import { actionDefaults, runAction } from './harness.js';

const PULUMI = fileURLToPath(new URL('../fixtures/workflows/pulumi__docs', import.meta.url));
const ROLE = 'arn:aws:iam::388588623842:role/ContinuousIntegrationRole';
afterAll(removeTempDirs);

/** pulumi/docs checked out, its workflow also on a schedule, and the role trusting the `main` branch only. */
function checkout(issuerHost = 'token.actions.githubusercontent.com'): string {
  const root = tempDir();
  cpSync(path.join(PULUMI, '.github'), path.join(root, '.github'), { recursive: true });
  const workflow = path.join(root, '.github/workflows/test-github-oidc.yml');
  const text = readFileSync(workflow, 'utf8');
  writeFileSync(workflow, text.replace(/^on:\n/m, "on:\n  schedule:\n    - cron: '0 3 * * *'\n"));
  const file = new URL('../fixtures/aws-e2e/iam/get-role-github-deploy.json', import.meta.url);
  const role = JSON.parse(
    readFileSync(file, 'utf8')
      .replaceAll('{{ISSUER_HOST}}', issuerHost)
      .replaceAll('111122223333', '388588623842')
      .replaceAll('repo:acme/api:ref:refs/heads/main', 'repo:pulumi/docs:ref:refs/heads/main'),
  );
  role.Role.RoleName = 'ContinuousIntegrationRole';
  role.Role.Arn = ROLE;
  writeFile(root, 'policies/get-role.json', JSON.stringify(role));
  return root;
}

function check(root: string, payload?: unknown, more: Record<string, string> = {}) {
  const env: Record<string, string> = {
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: root,
    GITHUB_REPOSITORY: 'pulumi/docs',
    GITHUB_EVENT_NAME: 'pull_request',
  };
  if (payload !== undefined) {
    const event = path.join(tempDir(), 'event.json');
    writeFileSync(event, JSON.stringify(payload));
    env.GITHUB_EVENT_PATH = event;
  }
  const inputs = {
    ...actionDefaults(),
    'policy-files': 'policies/',
    'oidc-subject-form': 'names',
    'github-token': '',
    ...more,
  };
  return runAction(inputs, env);
}

const onSchedule = (run: Awaited<ReturnType<typeof check>>) =>
  (run.report?.findings ?? [])
    .filter((f) => f.subject.includes('schedule'))
    .map((f) => [f.class, f.status, f.message.includes('refs/heads/main')]);

describe('the default branch, from the event payload', () => {
  it('predicts the schedule run: its sub names main, which the trust admits', async () => {
    const run = await check(checkout(), { repository: { full_name: 'pulumi/docs', default_branch: 'main' } });
    const schedule = (run.report?.findings ?? []).filter((f) => f.subject.includes('schedule'));
    // Admitted; unverified only because the subject template was not read (no github-token here).
    expect(schedule.map((f) => f.message)).toContainEqual(
      expect.stringContaining(
        'admits the job `test-github` (.github/workflows/test-github-oidc.yml) on schedule (sub `repo:pulumi/docs:ref:refs/heads/main`)',
      ),
    );
  });

  it("predicts the tokens of the issuer the action is given (an enterprise's: oidc-issuer), whose URL the trust's keys name", async () => {
    // https://docs.github.com/en/enterprise-cloud@latest/actions/reference/security/oidc (a unique token URL for an
    // enterprise); the trust's condition keys are that provider's URL (id_roles_create_for-idp_oidc.html).
    const host = 'token.actions.githubusercontent.com/acme';
    const run = await check(
      checkout(host),
      { repository: { default_branch: 'main' } },
      { 'oidc-issuer': `https://${host}` },
    );
    const schedule = (run.report?.findings ?? []).filter((f) => f.subject.includes('schedule'));
    expect(schedule.map((f) => f.class)).not.toContain('predicted-trust-denied');
    expect(schedule.map((f) => f.message).join('\n')).toContain('admits the job `test-github`');
  });

  it('takes any name git allows (https://git-scm.com/docs/git-check-ref-format), as the ref of the schedule run', async () => {
    const run = await check(checkout(), { repository: { default_branch: 'release#2/développement' } });
    const schedule = (run.report?.findings ?? []).filter((f) => f.subject.includes('schedule'));
    expect(schedule.map((f) => f.message).join('\n')).toContain('refs/heads/release#2/développement');
  });

  it.each([
    ['no payload', undefined, 'the event payload (GITHUB_EVENT_PATH) was not read'],
    ['a payload without the repository', { schedule: '0 3 * * *' }, 'names no repository.default_branch'],
    [
      'a branch name git would refuse',
      { repository: { default_branch: 'main..x' } },
      'is not a branch name git allows',
    ],
  ])('with %s, the schedule run stays unknown, never guessed, and the log says why', async (_what, payload, why) => {
    const run = await check(checkout(), payload);
    const schedule = onSchedule(run);
    expect(schedule.length).toBeGreaterThan(0);
    expect(schedule.some(([, , main]) => main)).toBe(false);
    expect(run.stdout).toContain(`workflows: the default branch is not known (`);
    expect(run.stdout).toContain(why);
  });
});
