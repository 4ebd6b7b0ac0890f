/**
 * `permission-preflight predict` in process (`main(argv, io)`): a repository with pulumi/docs' real OIDC test workflow
 * (__tests__/fixtures/workflows/pulumi__docs, its source in the file: a push to one branch assuming one role) and the
 * role's trust in a policy folder.
 */
import { cpSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../fixtures/cli.js';
import { jwtPizzaDeploy } from '../fixtures/jwt-pizza-deploy.js';
import { closeServer, listenOnLoopback } from '../fixtures/loopback.js';
import { githubProviderFile } from '../fixtures/oidc-provider.js';
import { removeTempDirs, tempDir, writeFile } from '../fixtures/temp-files.js';
import { makeKey, mint } from '../tokens/mint.js';

const PULUMI = fileURLToPath(new URL('../fixtures/workflows/pulumi__docs', import.meta.url));
const ROLE = 'arn:aws:iam::388588623842:role/ContinuousIntegrationRole';
afterAll(removeTempDirs);

/** The repository with a get-role output whose trust allows `sub` (the e2e role's, moved to pulumi's ARN). */
function repoWithTrust(sub: string): string {
  const root = tempDir();
  cpSync(path.join(PULUMI, '.github'), path.join(root, '.github'), { recursive: true });
  const file = new URL('../fixtures/aws-e2e/iam/get-role-github-deploy.json', import.meta.url);
  const role = JSON.parse(
    readFileSync(file, 'utf8')
      .replaceAll('{{ISSUER_HOST}}', 'token.actions.githubusercontent.com')
      .replaceAll('111122223333', '388588623842')
      .replaceAll('repo:acme/api:ref:refs/heads/main', sub),
  );
  role.Role.RoleName = 'ContinuousIntegrationRole';
  role.Role.Arn = ROLE;
  writeFile(root, 'policies/get-role.json', JSON.stringify(role));
  writeFile(root, 'policies/oidc-providers/github.json', githubProviderFile());
  return root;
}

const FLAGS = [
  '--repository',
  'pulumi/docs',
  '--policy-files',
  'policies',
  '--subject-template',
  'default',
  '--organizations',
  'none',
];

describe('permission-preflight predict', () => {
  it('a trust for the branch the workflow pushes to: exit 0, the pass names the ref', async () => {
    const root = repoWithTrust('repo:pulumi/docs:ref:refs/heads/kmosher/test-github-oidc');
    const r = await runCli(['predict', ...FLAGS, '--subject-form', 'names'], { cwd: root });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('refs/heads/kmosher/test-github-oidc');
    expect(r.stdout.split('\n')[0]).toBe('permission-preflight predict (pulumi/docs)');
  });

  it('a trust that pins job_workflow_ref (https://docs.github.com/en/actions/reference/security/oidc#oidc-token-claims): the denial names the claim, its predicted value and what the trust allows', async () => {
    const root = repoWithTrust('repo:pulumi/docs:ref:refs/heads/kmosher/test-github-oidc');
    const file = path.join(root, 'policies/get-role.json');
    const role = JSON.parse(readFileSync(file, 'utf8'));
    const allowed = 'pulumi/docs/.github/workflows/deploy.yml@refs/heads/master';
    role.Role.AssumeRolePolicyDocument.Statement[0].Condition.StringLike = {
      ...role.Role.AssumeRolePolicyDocument.Statement[0].Condition.StringLike,
      'token.actions.githubusercontent.com:job_workflow_ref': allowed,
    };
    writeFile(root, 'policies/get-role.json', JSON.stringify(role));
    const r = await runCli(['predict', ...FLAGS, '--subject-form', 'names', '--format', 'json'], { cwd: root });
    expect(r.status).toBe(1);
    const denied = JSON.parse(r.stdout).findings.find((f: { class: string }) => f.class === 'predicted-trust-denied');
    const predicted = 'pulumi/docs/.github/workflows/test-github-oidc.yml@refs/heads/kmosher/test-github-oidc';
    expect(denied.message).toContain(`its job_workflow_ref is \`${predicted}\`, and the trust allows \`${allowed}\``);
    expect(denied.evidence).toMatchObject({
      job_workflow_ref: predicted,
      trustAllowsFor: [`job_workflow_ref: ${allowed}`],
    });
    expect(denied.fix).toContain('in the condition on `token.actions.githubusercontent.com:job_workflow_ref`');
  });

  it('a shared workflow of another repository given no id-token and no secrets changes nothing: still exit 0', async () => {
    const root = repoWithTrust('repo:pulumi/docs:ref:refs/heads/kmosher/test-github-oidc');
    // A lint workflow shared across an organization, called with the job's default permissions (id-token: none).
    writeFile(
      root,
      '.github/workflows/lint.yml',
      'on: pull_request\njobs:\n  lint:\n    uses: acme/shared/.github/workflows/lint.yml@v1\n',
    );
    const r = await runCli(['predict', ...FLAGS, '--subject-form', 'names'], { cwd: root });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('acme/shared/.github/workflows/lint.yml@v1 is not read, and the job gives it neither');
    // Given id-token: write, what it does with the token is not known: unverified, with a fix that says why.
    writeFile(
      root,
      '.github/workflows/lint.yml',
      'on: pull_request\npermissions:\n  id-token: write\njobs:\n  lint:\n    uses: acme/shared/.github/workflows/lint.yml@v1\n',
    );
    const unread = await runCli(['predict', ...FLAGS, '--subject-form', 'names'], { cwd: root });
    expect(unread.status).toBe(1);
    expect(unread.stdout).toContain("request GitHub's OIDC token");
    expect(unread.stdout).toContain("run the preflight in that workflow's repository");
  });

  it('a problem that does not depend on the trigger is one finding naming every trigger', async () => {
    const root = tempDir();
    writeFile(
      root,
      '.github/workflows/deploy.yml',
      [
        'on:',
        '  push:',
        '    branches: [main]',
        '  schedule:',
        "    - cron: '0 3 * * *'",
        '  workflow_dispatch:',
        'permissions:',
        '  id-token: write',
        'jobs:',
        '  deploy:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: aws-actions/configure-aws-credentials@v4',
        '        with:',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, as the file writes it
        '          role-to-assume: ${{ secrets.DEPLOY_ROLE }}',
        '          aws-region: eu-west-1',
      ].join('\n'),
    );
    const r = await runCli(['predict', '--repository', 'acme/api', '--format', 'json'], { cwd: root });
    const unknownRole = JSON.parse(r.stdout).findings.filter((f: { message: string }) =>
      f.message.includes('secrets.DEPLOY_ROLE'),
    );
    expect(unknownRole).toHaveLength(1);
    expect(unknownRole[0].subject).toBe(
      'the token of job `deploy` (.github/workflows/deploy.yml) on push (branches `main`), schedule and workflow_dispatch',
    );
    expect(unknownRole[0].fix).toContain('github.secret-arns');
  });

  it('a role made of two secrets names both, says why a secret is unknown, and how to declare each', async () => {
    const root = tempDir();
    writeFile(root, '.github/workflows/deploy.yml', jwtPizzaDeploy('eu-west-1'));
    const unknownRole = async (extra: string[]) => {
      const r = await runCli(['predict', '--repository', 'acme/api', '--format', 'json', ...extra], { cwd: root });
      return JSON.parse(r.stdout).findings.filter((f: { class: string }) => f.class === 'prediction-unknown') as {
        message: string;
        fix: string;
      }[];
    };
    const [both] = await unknownRole([]);
    expect(both?.message).toContain(
      'which reads secrets.AWS_ACCOUNT and secrets.CI_IAM_ROLE: their values are secrets, which GitHub passes only to the running job',
    );
    expect(both?.fix).toContain('`--secret-arn AWS_ACCOUNT=VALUE` `--secret-arn CI_IAM_ROLE=VALUE`');
    expect(both?.fix).toContain('github.secret-arns');
    // One declared: the other is still named.
    const [one] = await unknownRole(['--secret-arn', 'AWS_ACCOUNT=111122223333']);
    expect(one?.message).toContain('which reads secrets.CI_IAM_ROLE: the value is a secret');
    expect(one?.message).not.toContain('secrets.AWS_ACCOUNT:');
    expect(one?.fix).toContain('`--secret-arn CI_IAM_ROLE=VALUE`');
    expect(one?.fix).not.toContain('AWS_ACCOUNT=VALUE');
  });

  it('a trust for main only: exit 1, the denial names the job, the trigger and the sub (json)', async () => {
    const root = repoWithTrust('repo:pulumi/docs:ref:refs/heads/main');
    const r = await runCli(['predict', ...FLAGS, '--subject-form', 'names', '--format', 'json'], { cwd: root });
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    const denied = report.findings.filter((f: { class: string }) => f.class === 'predicted-trust-denied');
    expect(denied).toHaveLength(1);
    expect(denied[0].message).toContain('job `test-github`');
    expect(denied[0].evidence.sub).toBe('repo:pulumi/docs:ref:refs/heads/kmosher/test-github-oidc');
  });

  it('without the subject form, the pass is unverified (exit 1); bad flags are usage errors (exit 2)', async () => {
    const root = repoWithTrust('repo:pulumi/docs:ref:refs/heads/kmosher/test-github-oidc');
    const r = await runCli(['predict', ...FLAGS], { cwd: root });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('UNVERIFIED');
    expect((await runCli(['predict', '--repository', 'not a repo'], { cwd: root })).status).toBe(2);
    expect((await runCli(['predict', ...FLAGS, '--subject-template', 'repo:x'], { cwd: root })).status).toBe(2);
    expect((await runCli(['predict', '--help'])).stdout).toContain('Usage: permission-preflight predict');
  });

  it('--github-tokens given a token itself is refused (exit 2) by position, never printed (docs: GitHub token formats)', async () => {
    const root = repoWithTrust('repo:pulumi/docs:ref:refs/heads/kmosher/test-github-oidc');
    const token = `ghp_${'A1b2C3d4E5'.repeat(4)}`;
    const r = await runCli(['predict', ...FLAGS, '--github-tokens', `DEPLOY_PAT,${token}`], { cwd: root });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--github-tokens: entry 2 of 2 holds what looks like a GitHub token itself (not shown)');
    expect(r.stderr + r.stdout).not.toContain(token);
  });

  it('no workflow to read is bad input (exit 2) naming what is wrong and where, not a run that verified nothing', async () => {
    const root = repoWithTrust('repo:pulumi/docs:ref:refs/heads/kmosher/test-github-oidc');
    const names = [...FLAGS, '--subject-form', 'names'];
    const missing = await runCli(['predict', ...names, '--root', 'nope'], { cwd: root });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(`--root nope: ${path.join(root, 'nope')} does not exist`);
    expect(missing.stdout).toBe('');
    const bare = tempDir();
    writeFile(bare, 'policies/get-role.json', readFileSync(path.join(root, 'policies/get-role.json'), 'utf8'));
    const none = await runCli(['predict', ...names], { cwd: bare });
    expect(none.status).toBe(2);
    expect(none.stderr).toContain(`no .github/workflows under ${bare}`);
    expect(none.stderr).not.toContain('nothing was checked');
    writeFile(bare, '.github/workflows/README.md', 'not a workflow');
    const empty = await runCli(['predict', ...names], { cwd: bare });
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain(`no workflow file (*.yml or *.yaml) in ${path.join(bare, '.github/workflows')}`);
    const file = await runCli(['predict', ...names, '--root', 'policies/get-role.json'], { cwd: root });
    expect(file.status).toBe(2);
    expect(file.stderr).toContain('get-role.json is not a folder');
  });

  it('a policy file that is not JSON: one finding for the file, and the role it may give says so; fixes name predict options', async () => {
    const root = repoWithTrust('repo:pulumi/docs:ref:refs/heads/kmosher/test-github-oidc');
    const file = path.join(root, 'policies/get-role.json');
    // The comma after "Action" taken out, as a hand edit would.
    writeFile(
      root,
      'policies/get-role.json',
      JSON.stringify(JSON.parse(readFileSync(file, 'utf8')), null, 2).replace(
        '"sts:AssumeRoleWithWebIdentity",',
        '"sts:AssumeRoleWithWebIdentity"',
      ),
    );
    const r = await runCli(['predict', ...FLAGS, '--subject-form', 'names', '--format', 'json'], { cwd: root });
    expect(r.status).toBe(1);
    const found = JSON.parse(r.stdout).findings as { class: string; subject: string; message: string; fix?: string }[];
    expect(found.filter((f) => f.class === 'invalid-policy-file').map((f) => f.subject)).toEqual([
      'policy file policies/get-role.json',
    ]);
    const unknown = found.filter((f) => f.class === 'could-not-verify' && f.message.includes(ROLE));
    expect(unknown.length).toBeGreaterThan(0);
    for (const f of unknown) {
      expect(f.message).toContain('policies/get-role.json could not be read (invalid-policy-file)');
      expect(f.fix).toContain('Fix policies/get-role.json');
    }
    for (const f of found) expect(f.fix ?? '').not.toMatch(/live-reads/);
  });

  it('a workflow with a carriage return alone is not read, and its fix says to write its line breaks as line feeds (YAML 1.2.2, 5.4)', async () => {
    const root = repoWithTrust('repo:pulumi/docs:ref:refs/heads/master');
    const file = path.join(root, '.github/workflows/test-github-oidc.yml');
    writeFile(root, '.github/workflows/test-github-oidc.yml', readFileSync(file, 'utf8').replace('\n', '\r'));
    const r = await runCli(['predict', ...FLAGS, '--subject-form', 'names', '--format', 'json'], { cwd: root });
    expect(r.status).toBe(1);
    const found = JSON.parse(r.stdout).findings as { message: string; fix?: string }[];
    const unread = found.find((f) => f.message.includes('line break YAML parsers disagree on'));
    expect(unread?.fix).toContain('Write the line breaks of the file as line feeds');
  });

  it('--read-template: the template from the REST API (loopback); a refusal is said, and the token is printed nowhere', async () => {
    const token = 'ghs_predictclitesttoken0000000000000000';
    const root = repoWithTrust('repo:pulumi/docs:ref:refs/heads/kmosher/test-github-oidc');
    const server = createServer((req, res) => {
      const answers: Record<string, unknown> = {
        '/repos/pulumi/docs/actions/oidc/customization/sub': { use_default: true },
        '/repos/pulumi/docs': { id: 74, owner: { id: 65 } },
      };
      const ok = req.headers.authorization === `token ${token}` && answers[req.url ?? ''] !== undefined;
      res.writeHead(ok ? 200 : 403, { 'content-type': 'application/json' });
      res.end(JSON.stringify(ok ? answers[req.url ?? ''] : { message: `bad credentials ${token}` }));
    });
    const url = await listenOnLoopback(server);
    try {
      const flags = [
        'predict',
        '--repository',
        'pulumi/docs',
        '--policy-files',
        'policies',
        '--subject-form',
        'names',
        '--read-template',
        '--organizations',
        'none',
      ];
      const read = await runCli(flags, { cwd: root, env: { GITHUB_TOKEN: token, GITHUB_API_URL: url } });
      expect(read.status).toBe(0);
      // The IDs read make the immutable form known: a trust in the names form refuses it, by name.
      const immutable = flags.map((f) => (f === 'names' ? 'immutable' : f));
      const ids = await runCli(immutable, { cwd: root, env: { GITHUB_TOKEN: token, GITHUB_API_URL: url } });
      expect(ids.status).toBe(1);
      expect(ids.stdout).toContain('repo:pulumi@65/docs@74:ref:refs/heads/kmosher/test-github-oidc');
      for (const out of [ids.stdout, ids.stderr]) expect(out).not.toContain(token);
      const refused = await runCli(flags, { cwd: root, env: { GITHUB_TOKEN: `${token}x`, GITHUB_API_URL: url } });
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('the subject template was not read');
      for (const out of [read.stdout, read.stderr, refused.stdout, refused.stderr]) expect(out).not.toContain(token);
    } finally {
      await closeServer(server);
    }
  });

  it("--token-file: the run's own token against the prediction for its run; a differing claim fails, and the token is printed nowhere", async () => {
    const root = repoWithTrust('repo:pulumi/docs:ref:refs/heads/kmosher/test-github-oidc');
    const key = await makeKey();
    const claims = {
      iss: 'https://token.actions.githubusercontent.com',
      aud: 'sts.amazonaws.com',
      sub: 'repo:pulumi/docs:ref:refs/heads/kmosher/test-github-oidc',
      ref: 'refs/heads/kmosher/test-github-oidc',
      ref_type: 'branch',
      repository: 'pulumi/docs',
      repository_owner: 'pulumi',
      event_name: 'push',
      workflow: 'Test Github OIDC to AWS',
      workflow_ref: 'pulumi/docs/.github/workflows/test-github-oidc.yml@refs/heads/kmosher/test-github-oidc',
      job_workflow_ref: 'pulumi/docs/.github/workflows/test-github-oidc.yml@refs/heads/kmosher/test-github-oidc',
    };
    const flags = ['predict', ...FLAGS, '--subject-form', 'names', '--token-file', 'token.jwt', '--job', 'test-github'];
    const same = await mint(key, claims);
    writeFile(root, 'token.jwt', same);
    const ok = await runCli([...flags, '--format', 'json'], { cwd: root });
    expect(ok.status).toBe(0);
    expect(
      JSON.parse(ok.stdout).findings.map(
        (f: { class: string; decisionPoint: string }) => `${f.decisionPoint} ${f.class}`,
      ),
    ).toContain('token ok');
    const custom = await mint(key, { ...claims, sub: `${claims.sub}:job_workflow_ref:${claims.job_workflow_ref}` });
    writeFile(root, 'token.jwt', custom);
    const differs = await runCli(flags, { cwd: root });
    expect(differs.status).toBe(1);
    expect(differs.stdout).toContain('prediction-mismatch');
    for (const out of [ok.stdout, ok.stderr, differs.stdout, differs.stderr]) {
      for (const t of [same, custom]) expect(out).not.toContain(t.split('.')[2]);
    }
    // A job the model has no run of is not compared, and says so (unverified, exit 1), never a silent pass.
    writeFile(root, 'token.jwt', same);
    const other = await runCli([...flags.slice(0, -1), 'no-such-job', '--format', 'json'], { cwd: root });
    expect(other.status).toBe(1);
    const unmatched = JSON.parse(other.stdout).findings.filter(
      (f: { class: string; status: string }) => f.class === 'prediction-unknown' && f.status === 'unverified',
    );
    expect(unmatched.map((f: { message: string }) => f.message).join('\n')).toContain(
      'the workflow model has no run of job `no-such-job`',
    );
    // A job of its own that deploys nothing (a preflight job) is predicted too, and its token compared.
    const file = path.join(root, '.github/workflows/test-github-oidc.yml');
    writeFile(
      root,
      '.github/workflows/test-github-oidc.yml',
      `${readFileSync(file, 'utf8').replace(/^jobs:\n/m, 'jobs:\n  preflight:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo check\n')}`,
    );
    const own = await runCli([...flags.slice(0, -1), 'preflight', '--format', 'json'], { cwd: root });
    const thisRun = JSON.parse(own.stdout).findings.filter((f: { id: string }) => f.id.includes('this-run'));
    expect(thisRun.map((f: { class: string }) => f.class)).toEqual(['ok']);
  });

  it('outside text is inert in the output: an environment name that would print a workflow command does not (src/text/inert.ts)', async () => {
    const root = repoWithTrust('repo:pulumi/docs:ref:refs/heads/main');
    const file = path.join(root, '.github/workflows/test-github-oidc.yml');
    const evil = 'prod\\n::warning::pwned ##[error]x';
    writeFile(
      root,
      '.github/workflows/test-github-oidc.yml',
      readFileSync(file, 'utf8').replace('    runs-on:', `    environment: "${evil}"\n    runs-on:`),
    );
    const text = await runCli(['predict', ...FLAGS, '--subject-form', 'names'], { cwd: root });
    expect(text.stdout).toContain('pwned');
    // The runner reads `::` only at a line's start (after white space), `##[` anywhere.
    for (const line of text.stdout.split('\n')) expect(line).not.toMatch(/^\s*::/);
    expect(text.stdout).toContain('\\::warning::pwned');
    expect(text.stdout).not.toContain('##[error]');
    const json = await runCli(['predict', ...FLAGS, '--subject-form', 'names', '--format', 'json'], { cwd: root });
    for (const line of json.stdout.split('\n')) expect(line).not.toMatch(/^\s*::/);
    expect(json.stdout).not.toContain('##[error]');
    const denied = JSON.parse(json.stdout).findings.find(
      (f: { class: string }) => f.class === 'predicted-trust-denied',
    );
    expect(denied.evidence.sub).toBe('repo:pulumi/docs:environment:prod\n%3A%3Awarning%3A%3Apwned ##[error]x');
  });
});
