/**
 * The action in workflows mode, in ministryofjustice/modernisation-platform's checked-in workflows (fixture, sources
 * in each file), with the `github-token` input and the runner's GITHUB_API_URL pointing at a loopback server that
 * answers the contents API (https://docs.github.com/en/rest/repos/contents#get-repository-content) with the real
 * reusable workflow they call from ministryofjustice/modernisation-platform-github-actions at a commit: its job
 * `retrieve-secrets`, which assumes a role, is checked; the token goes nowhere but the API.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type ContentsServer, contentsServer } from '../fixtures/github-contents-server.js';
import { REMOTE_KEY as KEY, CALLER_ROOT as ROOT, REMOTE_TEXT as TEXT } from '../fixtures/remote-workflow.js';
import { actionDefaults, runAction } from './harness.js';

const TOKEN = 'ghs_workflowsRemoteTestToken000000000000';

let server: ContentsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('workflows mode: a reusable workflow of another repository', () => {
  it('is read with the github-token input at GITHUB_API_URL, and its deploy job checked', async () => {
    server = await contentsServer({ files: { [KEY]: TEXT } });
    const run = await runAction(
      { ...actionDefaults(), 'github-token': TOKEN, 'oidc-subject-form': 'names' },
      {
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: ROOT,
        GITHUB_REPOSITORY: 'ministryofjustice/modernisation-platform',
        GITHUB_EVENT_NAME: 'push',
        GITHUB_API_URL: server.url,
      },
    );
    const contents = server.requests.filter((r) => r.url.includes('/contents/'));
    expect(contents.map((r) => [r.url.split('?')[0], r.accept, r.authorization])).toEqual([
      [
        '/repos/ministryofjustice/modernisation-platform-github-actions/contents/.github/workflows/aws-secrets-management.yml',
        'application/vnd.github.raw+json',
        `token ${TOKEN}`,
      ],
    ]);
    const findings = run.report?.findings ?? [];
    expect(findings.some((f) => f.subject.includes('`retrieve-secrets`'))).toBe(true);
    expect(findings.some((f) => f.message.includes('a reusable workflow of another repository is not read'))).toBe(
      false,
    );
    // A finding in the remote file is annotated without a file: it is not one of this workspace.
    const remoteFinding = findings.find((f) => f.location?.file === KEY && f.status !== 'pass');
    expect(remoteFinding).toBeDefined();
    const annotations = run.stdout.split('\n').filter((l) => /^::(error|warning)/.test(l));
    expect(annotations.length).toBeGreaterThan(0);
    expect(annotations.some((l) => /file=ministryofjustice\/modernisation-platform-github-actions/.test(l))).toBe(
      false,
    );
    // Masked first, and printed nowhere else.
    expect(run.stdout).toContain(`::add-mask::${TOKEN}`);
    const printed = `${run.stdout.replaceAll(`::add-mask::${TOKEN}`, '')}${run.stderr}${run.summary}${run.reportText}`;
    expect(printed).not.toContain(TOKEN);
  });
});
