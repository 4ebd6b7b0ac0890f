/**
 * `permission-preflight predict --read-remote`: ministryofjustice/modernisation-platform's workflows (checked-in
 * fixture, sources in each file) call ministryofjustice/modernisation-platform-github-actions'
 * `aws-secrets-management.yml` at a commit, passing it secrets; with `--read-remote` the CLI reads it through the
 * contents API (https://docs.github.com/en/rest/repos/contents#get-repository-content) of a loopback server named by
 * GITHUB_API_URL, with the real Octokit, and checks its job `retrieve-secrets`, which assumes a role.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../fixtures/cli.js';
import { type ContentsServer, contentsServer } from '../fixtures/github-contents-server.js';
import {
  REMOTE_KEY as KEY,
  CALLER_ROOT as ROOT,
  REMOTE_SHA as SHA,
  REMOTE_TEXT as TEXT,
} from '../fixtures/remote-workflow.js';

const TOKEN = 'ghs_loopbackremotecli000000000000000000000';
const ARGS = [
  'predict',
  '--repository',
  'ministryofjustice/modernisation-platform',
  '--default-branch',
  'main',
  '--subject-template',
  'default',
  '--subject-form',
  'names',
  '--format',
  'json',
];

interface Found {
  readonly id: string;
  readonly subject: string;
  readonly message: string;
}

let server: ContentsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('predict --read-remote', () => {
  it('reads the called workflow of another repository and checks its deploy job', async () => {
    server = await contentsServer({ files: { [KEY]: TEXT } });
    const env = { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: server.url };
    const r = await runCli([...ARGS, '--read-remote'], { cwd: ROOT, env });
    expect(r.stderr).toBe('');
    expect(server.requests.map((q) => [q.url, q.accept])).toEqual([
      [
        `/repos/ministryofjustice/modernisation-platform-github-actions/contents/.github/workflows/aws-secrets-management.yml?ref=${SHA}`,
        'application/vnd.github.raw+json',
      ],
    ]);
    const findings = JSON.parse(r.stdout).findings as Found[];
    expect(findings.some((f) => f.subject.includes('`retrieve-secrets`'))).toBe(true);
    expect(findings.filter((f) => f.message.includes('a reusable workflow of another repository is not read'))).toEqual(
      [],
    );
    expect(r.stdout + r.stderr).not.toContain(TOKEN);
  });

  it('without it, or when the API refuses, the call stays unverified, with the reason', async () => {
    const without = JSON.parse((await runCli(ARGS, { cwd: ROOT })).stdout).findings as Found[];
    const unread = (f: Found) => f.message.includes('a reusable workflow of another repository is not read');
    expect(without.some(unread)).toBe(true);
    server = await contentsServer({
      files: { [KEY]: TEXT },
      forbidden: ['ministryofjustice/modernisation-platform-github-actions'],
    });
    const env = { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: server.url };
    const r = await runCli([...ARGS, '--read-remote'], { cwd: ROOT, env });
    const refused = (JSON.parse(r.stdout).findings as Found[]).filter(unread);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]?.message).toContain('"Contents" repository permission (read)');
    expect(r.stdout + r.stderr).not.toContain(TOKEN);
  });

  it('needs a token', async () => {
    const r = await runCli([...ARGS, '--read-remote'], { cwd: ROOT, env: {} });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--read-remote needs a token in GITHUB_TOKEN/);
  });
});
