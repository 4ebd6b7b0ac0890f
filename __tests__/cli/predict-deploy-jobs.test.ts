/**
 * `permission-preflight predict` past the trust: the docs job of aws-powertools/powertools-lambda-python, checked out
 * with its role in a policy folder (../fixtures/powertools-docs.ts), downloads `versions.json` with `aws s3 cp s3://…`, which needs
 * s3:GetObject (https://docs.aws.amazon.com/cli/latest/reference/s3/cp.html), and its role allows only uploads.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../fixtures/cli.js';
import { checkoutPowertoolsDocs, DOCS_ROLE, POWERTOOLS_REPO } from '../fixtures/powertools-docs.js';
import { removeTempDirs } from '../fixtures/temp-files.js';

afterAll(removeTempDirs);

const ARGS = ['predict', '--repository', POWERTOOLS_REPO, '--policy-files', 'policies/', '--organizations', 'none'];

interface Found {
  readonly class: string;
  readonly status: string;
  readonly subject: string;
  readonly evidence: Record<string, unknown>;
}

async function findings(actions: readonly string[]): Promise<Found[]> {
  const r = await runCli([...ARGS, '--subject-template', 'default', '--format', 'json'], {
    cwd: checkoutPowertoolsDocs(actions),
  });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout).findings as Found[];
}

describe('predict: the calls a deploy job makes, inferred from its steps', () => {
  it('finds the download the role does not allow, with the workflow line it came from', async () => {
    const denied = (await findings(['s3:PutObject', 's3:ListBucket'])).find(
      (f) => f.subject.includes('s3:GetObject') && f.class === 'implicit-deny',
    );
    expect(denied?.subject).toContain('job `publish_docs`');
    expect(String(denied?.evidence.origin)).toMatch(
      /^inferred from \.github\/workflows\/reusable_publish_docs\.yml:\d+ \(aws s3 cp\)$/,
    );
  });

  it('decides it otherwise once the role allows s3:GetObject', async () => {
    const all = await findings(['s3:PutObject', 's3:ListBucket', 's3:GetObject']);
    expect(all.filter((f) => f.subject.includes('s3:GetObject')).map((f) => f.class)).not.toContain('implicit-deny');
  });
});

// https://docs.github.com/en/actions/how-tos/write-workflows/choose-what-workflows-do/use-variables: the environment's
// variable takes precedence over the repository's; one not set is empty.
describe('predict: a role named by a configuration variable, from exported listings', () => {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, as the file writes it
  const roleAs = '${{ vars.DOCS_ROLE_ARN }}';
  const actions = ['s3:PutObject', 's3:ListBucket', 's3:GetObject'];
  const trustClasses = (stdout: string) =>
    (JSON.parse(stdout).findings as (Found & { decisionPoint: string })[])
      .filter((f) => f.decisionPoint === 'sts-trust')
      .map((f) => f.class);

  it('reads `gh variable list --json name,value` for the repository and the Docs environment', async () => {
    const ws = checkoutPowertoolsDocs(actions, roleAs);
    writeFileSync(path.join(ws, 'repo-vars.json'), JSON.stringify([{ name: 'DOCS_ROLE_ARN', value: DOCS_ROLE }]));
    writeFileSync(path.join(ws, 'docs-vars.json'), '[]');
    const args = [
      ...ARGS,
      '--subject-template',
      'default',
      '--subject-form',
      'names',
      '--format',
      'json',
      '--vars',
      'repo-vars.json',
    ];
    const known = await runCli([...args, '--environment-vars', 'Docs=docs-vars.json'], { cwd: ws });
    expect(known.stderr).toBe('');
    expect(trustClasses(known.stdout)).toContain('ok');
    // Without the environment's listing, the repository's value may be replaced: the role is not known.
    const unknown = await runCli(args, { cwd: ws });
    expect(trustClasses(unknown.stdout)).not.toContain('ok');
    expect(unknown.stdout).toContain('environment Docs may set its own');
  });

  it('refuses a listing that is not one, naming the flag and the file', async () => {
    const ws = checkoutPowertoolsDocs(actions, roleAs);
    writeFileSync(path.join(ws, 'bad.json'), JSON.stringify([{ name: '1BAD', value: 'x' }]));
    const r = await runCli([...ARGS, '--vars', 'bad.json'], { cwd: ws });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--vars bad\.json: item 1: a name must be letters/);
    const pair = await runCli([...ARGS, '--environment-vars', 'Docs'], { cwd: ws });
    expect(pair.stderr).toMatch(/--environment-vars must be ENV=FILE/);
    const noToken = await runCli([...ARGS, '--read-variables'], { cwd: ws, env: {} });
    expect(noToken.status).toBe(2);
    expect(noToken.stderr).toMatch(/--read-variables needs a token in GITHUB_TOKEN/);
  });
});

describe('predict: a role ARN kept in a secret, given with --secret-arn', () => {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, as the file writes it
  const roleAs = '${{ secrets.AWS_DOCS_ROLE_ARN }}';
  const args = [...ARGS, '--subject-template', 'default', '--subject-form', 'names', '--format', 'json'];

  it("with the Docs environment's own, the job's role is known and its trust checked", async () => {
    const ws = checkoutPowertoolsDocs(['s3:PutObject', 's3:ListBucket', 's3:GetObject'], roleAs);
    const r = await runCli([...args, '--secret-arn', `Docs:AWS_DOCS_ROLE_ARN=${DOCS_ROLE}`], { cwd: ws });
    expect(r.stderr).toBe('');
    const trust = (JSON.parse(r.stdout).findings as (Found & { decisionPoint: string })[]).filter(
      (f) => f.decisionPoint === 'sts-trust',
    );
    expect(trust.map((f) => f.class)).toContain('ok');
  });

  it("through the workflow's env: (which may read secrets), with the job's environment's own secret", async () => {
    // The workflow's env: names the secret, the step reads env (https://docs.github.com/en/actions/reference/workflows-and-actions/contexts#context-availability).
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, as the file writes it
    const ws = checkoutPowertoolsDocs(['s3:PutObject', 's3:ListBucket', 's3:GetObject'], '${{ env.DOCS_ROLE }}');
    const file = path.join(ws, '.github/workflows/reusable_publish_docs.yml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(
      file,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, as the file writes it
      text.replace(/^env:\n/m, 'env:\n  DOCS_ROLE: ${{ secrets.AWS_DOCS_ROLE_ARN }}\n'),
    );
    const r = await runCli([...args, '--secret-arn', `Docs:AWS_DOCS_ROLE_ARN=${DOCS_ROLE}`], { cwd: ws });
    expect(r.stderr).toBe('');
    const trust = (JSON.parse(r.stdout).findings as (Found & { decisionPoint: string })[]).filter(
      (f) => f.decisionPoint === 'sts-trust',
    );
    expect(trust.map((f) => f.class)).toContain('ok');
  });

  it('refuses a value that is not a role ARN, an account ID or a role name, without printing it', async () => {
    const ws = checkoutPowertoolsDocs([], roleAs);
    for (const value of ['ghp_notAnArnButASecret', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'not a name']) {
      const r = await runCli([...args, '--secret-arn', `AWS_SECRET=${value}`], { cwd: ws });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(
        /--secret-arn must be \[ENV:\]NAME=VALUE with a role ARN .*, a 12-digit account ID or a role name/,
      );
      expect(r.stderr).not.toContain(value);
    }
  });

  it('takes a role name kept in a secret, and the account in another', async () => {
    // The form of devops329/jwt-pizza's deploy: `arn:aws:iam::${{ secrets.AWS_ACCOUNT }}:role/${{ secrets.CI_IAM_ROLE }}`.
    const [, account = '', name = ''] = /^arn:aws:iam::(\d{12}):role\/(.+)$/.exec(DOCS_ROLE) ?? [];
    const ws = checkoutPowertoolsDocs(
      ['s3:PutObject', 's3:ListBucket', 's3:GetObject'],
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, as the file writes it
      'arn:aws:iam::${{ secrets.AWS_ACCOUNT }}:role/${{ secrets.CI_IAM_ROLE }}',
    );
    const r = await runCli(
      [...args, '--secret-arn', `Docs:AWS_ACCOUNT=${account}`, '--secret-arn', `Docs:CI_IAM_ROLE=${name}`],
      { cwd: ws },
    );
    expect(r.stderr).toBe('');
    const trust = (JSON.parse(r.stdout).findings as (Found & { decisionPoint: string })[]).filter(
      (f) => f.decisionPoint === 'sts-trust',
    );
    expect(trust.map((f) => f.class)).toContain('ok');
  });
});
