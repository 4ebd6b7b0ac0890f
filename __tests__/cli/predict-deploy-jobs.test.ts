/**
 * `permission-preflight predict` past the trust: the docs job of aws-powertools/powertools-lambda-python, checked out
 * with its role in a policy folder (../fixtures/powertools-docs.ts), downloads `versions.json` with `aws s3 cp s3://…`, which needs
 * s3:GetObject (https://docs.aws.amazon.com/cli/latest/reference/s3/cp.html), and its role allows only uploads.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../fixtures/cli.js';
import { checkoutPowertoolsDocs, POWERTOOLS_REPO } from '../fixtures/powertools-docs.js';
import { removeTempDirs } from '../fixtures/temp-files.js';

afterAll(removeTempDirs);

const ARGS = ['predict', '--repository', POWERTOOLS_REPO, '--policy-files', 'policies/'];

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
