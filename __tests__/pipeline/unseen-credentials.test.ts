// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` here is GitHub's expression syntax, as written in a workflow, not JS.
/**
 * AWS calls made with credentials no step of the job obtains as the preflight reads them are unverified, by job, never
 * passed over (src/pipeline/unseen-credentials.ts): rust-lang/rustup's real CI uploads with access keys from secrets
 * (__tests__/fixtures/workflows/rust-lang__rustup, its source in the file), and jakejarvis/s3-sync-action's README
 * example syncs a bucket with them (https://github.com/jakejarvis/s3-sync-action/blob/master/README.md).
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import { predictWorkflows } from '../../src/pipeline/workflows.js';
import { loadCatalog } from '../../src/sources/catalog.js';
import { rustupGetRole, rustupRepository } from '../fixtures/rustup.js';
import { removeTempDirs, tempDir, writeFile } from '../fixtures/temp-files.js';
import { NOW } from '../tokens/mint.js';

afterAll(removeTempDirs);

const deploy = (root: string) => ({
  declaredAbsent: { organizations: 'none' as const, noResourcePolicy: ['*'] },
  deps: { env: {}, mask: () => {}, now: () => NOW, loadCatalog, cwd: root },
});

const unseen = (findings: readonly Finding[]) => findings.filter((f) => f.id.endsWith(':calls-without-credentials'));

async function predictText(workflow: string): Promise<Finding[]> {
  const root = tempDir();
  writeFile(root, '.github/workflows/deploy.yml', workflow);
  const repository = {
    owner: 'acme',
    name: 'site',
    immutableSubject: false,
    subjectTemplate: { keys: 'default' as const, source: 'test' },
  };
  return (await predictWorkflows({ root, repository, policyFiles: [], loadCatalog, deploy: deploy(root) })).findings;
}

/** jakejarvis/s3-sync-action's README example. */
const S3_SYNC_ACTION = `name: Sync Bucket
on: push

jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
    - uses: actions/checkout@master
    - uses: jakejarvis/s3-sync-action@master
      env:
        SOURCE_DIR: './public'
        AWS_REGION: 'us-east-1'
        AWS_S3_BUCKET: \${{ secrets.AWS_S3_BUCKET }}
        AWS_ACCESS_KEY_ID: \${{ secrets.AWS_ACCESS_KEY_ID }}
        AWS_SECRET_ACCESS_KEY: \${{ secrets.AWS_SECRET_ACCESS_KEY }}
`;

describe('AWS calls with credentials the preflight does not read', () => {
  it("rust-lang/rustup's release builds upload to S3 with access keys from secrets, before any credential step: unverified, naming the upload", async () => {
    const { root, options } = rustupRepository();
    writeFile(root, 'policies/get-role.json', JSON.stringify(rustupGetRole()));
    const findings = unseen((await predictWorkflows({ ...options, deploy: deploy(root) })).findings);
    // Each of these jobs uploads its build to the release team's dev-static tree with AWS_ACCESS_KEY_ID and
    // AWS_SECRET_ACCESS_KEY from secrets, in a step of its own.
    expect(findings.map((f) => f.subject).sort()).toEqual(
      [
        'build-linux-main',
        'build-macos-aarch64',
        'build-macos-x86_64',
        'build-windows-main',
        'build-windows-stable',
      ].map((job) => `job \`${job}\` (.github/workflows/ci.yaml): AWS calls`),
    );
    for (const f of findings) {
      expect(f).toMatchObject({ status: 'unverified', class: 'could-not-verify', decisionPoint: 'sts-trust' });
      expect(f.message).toMatch(/before its first credential step .*aws s3 cp \(s3:PutObject\)/);
    }
  });

  it("jakejarvis/s3-sync-action's README example (an action named for S3, given keys from secrets): unverified", async () => {
    const [f, ...rest] = unseen(await predictText(S3_SYNC_ACTION));
    expect(rest).toEqual([]);
    expect(f?.message).toContain('and has no credential step');
    expect(f?.message).toContain('.github/workflows/deploy.yml:9 jakejarvis/s3-sync-action@master');
  });

  it('an `aws` command in a job with keys in its `env:`: unverified, its actions named', async () => {
    const workflow = `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    env:
      AWS_ACCESS_KEY_ID: \${{ secrets.AWS_ACCESS_KEY_ID }}
      AWS_SECRET_ACCESS_KEY: \${{ secrets.AWS_SECRET_ACCESS_KEY }}
    steps:
      - run: aws s3 sync ./site s3://my-bucket --delete
`;
    const [f] = unseen(await predictText(workflow));
    expect(f?.message).toContain(
      '`.github/workflows/deploy.yml:9 aws s3 sync (s3:ListBucket, s3:PutObject, s3:DeleteObject)`',
    );
  });

  it('nothing when the calls follow configure-aws-credentials, or only look like AWS (a firewall given AWS endpoints, Terraform set up)', async () => {
    const workflow = `on: push
permissions:
  id-token: write
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: step-security/harden-runner@v2
        with:
          egress-policy: block
          allowed-endpoints: sts.amazonaws.com:443 s3.amazonaws.com:443
      - uses: hashicorp/setup-terraform@v3
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::111122223333:role/deploy
          aws-region: us-east-1
      - run: aws s3 sync ./site s3://my-bucket
`;
    expect(unseen(await predictText(workflow))).toEqual([]);
  });
});
