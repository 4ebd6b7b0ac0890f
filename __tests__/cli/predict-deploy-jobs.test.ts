/**
 * `permission-preflight predict` past the trust: the docs job of aws-powertools/powertools-lambda-python
 * (../fixtures/workflows/, its source in each file's first line; one edit: its `role-to-assume`, a secret there, is
 * written as the ARN the policy folder gives) downloads `versions.json` with `aws s3 cp s3://…`, which needs
 * s3:GetObject (https://docs.aws.amazon.com/cli/latest/reference/s3/cp.html), and its role allows only uploads.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../fixtures/cli.js';
import { removeTempDirs, tempDir } from '../fixtures/temp-files.js';

const FIXTURE = fileURLToPath(
  new URL('../fixtures/workflows/aws-powertools__powertools-lambda-python', import.meta.url),
);
const ROLE = 'arn:aws:iam::123456789012:role/docs-deploy';
afterAll(removeTempDirs);

function repository(actions: readonly string[]): string {
  const root = tempDir();
  cpSync(FIXTURE, root, { recursive: true });
  const docs = path.join(root, '.github/workflows/reusable_publish_docs.yml');
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, as the file writes it
  writeFileSync(docs, readFileSync(docs, 'utf8').replace('${{ secrets.AWS_DOCS_ROLE_ARN }}', ROLE));
  const role = path.join(root, 'policies/roles/docs-deploy');
  mkdirSync(path.join(role, 'inline'), { recursive: true });
  const trust = { Version: '2012-10-17', Statement: [] };
  writeFileSync(
    path.join(role, 'role.json'),
    JSON.stringify({
      Role: { RoleName: 'docs-deploy', Arn: ROLE, MaxSessionDuration: 3600, AssumeRolePolicyDocument: trust },
    }),
  );
  const statement = { Effect: 'Allow', Action: actions, Resource: '*' };
  writeFileSync(path.join(role, 'inline/docs.json'), JSON.stringify({ Version: '2012-10-17', Statement: [statement] }));
  return root;
}

const ARGS = ['predict', '--repository', 'aws-powertools/powertools-lambda-python', '--policy-files', 'policies/'];

interface Found {
  readonly class: string;
  readonly status: string;
  readonly subject: string;
  readonly evidence: Record<string, unknown>;
}

async function findings(actions: readonly string[]): Promise<Found[]> {
  const r = await runCli([...ARGS, '--subject-template', 'default', '--format', 'json'], { cwd: repository(actions) });
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
