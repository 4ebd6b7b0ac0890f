// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` here is GitHub's expression syntax, as written in a workflow, not JS.
/**
 * AWS calls made with credentials no step of the job obtains as the preflight reads them are unverified, by job, never
 * passed over (src/pipeline/unseen-credentials.ts): rust-lang/rustup's real CI uploads with access keys from secrets
 * (__tests__/fixtures/workflows/rust-lang__rustup, its source in the file), and jakejarvis/s3-sync-action's README
 * example syncs a bucket with them (https://github.com/jakejarvis/s3-sync-action/blob/master/README.md).
 * A role given to an action the preflight does not read, in a job that may request the OIDC token, is unseen the
 * same way: aws/s2n-tls's ci_compliance.yml gives awslabs/duvet-action its `role-to-assume`
 * (bench/workflows/aws__s2n-tls, its source in the file). An action is named for AWS by its name or path, not its
 * owner: aws-powertools/powertools-lambda-typescript's quality_check.yml
 * (bench/workflows/aws-powertools__powertools-lambda-typescript) lints after aws-powertools/actions' cached-node-modules.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import { predictWorkflows } from '../../src/pipeline/workflows.js';
import { loadCatalog } from '../../src/sources/catalog.js';
import { AWS_LOOKING, actionNamed } from '../../src/workflows/calls/actions.js';
import { rustupGetRole, rustupRepository } from '../fixtures/rustup.js';
import { removeTempDirs, tempDir, writeFile } from '../fixtures/temp-files.js';
import { NOW } from '../tokens/mint.js';
import { fixtureRoot } from '../workflows/fixture-repo.js';

afterAll(removeTempDirs);

const deploy = (root: string) => ({
  declaredAbsent: { organizations: 'none' as const, noResourcePolicy: ['*'] },
  deps: { env: {}, mask: () => {}, now: () => NOW, loadCatalog, cwd: root },
});

const unseen = (findings: readonly Finding[]) => findings.filter((f) => f.id.endsWith(':calls-without-credentials'));

const ACME = {
  owner: 'acme',
  name: 'site',
  immutableSubject: false,
  subjectTemplate: { keys: 'default' as const, source: 'test' },
};

async function predictText(workflow: string, file = '.github/workflows/deploy.yml'): Promise<Finding[]> {
  const root = tempDir();
  writeFile(root, file, workflow);
  return (await predictWorkflows({ root, repository: ACME, policyFiles: [], loadCatalog, deploy: deploy(root) }))
    .findings;
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

const bench = (repo: string, file: string) => readFileSync(path.join(fixtureRoot(`bench:${repo}`), file), 'utf8');
const COMPLIANCE = '.github/workflows/ci_compliance.yml';
const unreadRoles = (findings: readonly Finding[]) => findings.filter((f) => f.id.endsWith(':role-in-unread-action'));

describe('a role given to an action the preflight does not read', () => {
  it("aws/s2n-tls's compliance job gives awslabs/duvet-action `role-to-assume` with `id-token: write`: unverified, naming the role", async () => {
    const text = bench('aws__s2n-tls', COMPLIANCE);
    const [f, ...rest] = unreadRoles(await predictText(text, COMPLIANCE));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      status: 'unverified',
      class: 'could-not-verify',
      decisionPoint: 'sts-trust',
      subject: `job \`duvet\` (${COMPLIANCE}): a role given to an action not read`,
    });
    expect(f?.message).toContain(
      'awslabs/duvet-action@v1 (with.role-to-assume: arn:aws:iam::024603541914:role/GitHubOIDCRole)',
    );
  });

  it('the same job without `id-token: write` can obtain no OIDC token: nothing', async () => {
    const text = bench('aws__s2n-tls', COMPLIANCE);
    const without = text.replace(/^ {2}id-token: write.*\n/m, '');
    expect(without).not.toBe(text);
    expect(unreadRoles(await predictText(without, COMPLIANCE))).toEqual([]);
  });

  it('the same job in a called workflow whose caller grants `id-token: write`, the role under an input of another name: unverified', async () => {
    const text = bench('aws__s2n-tls', COMPLIANCE);
    // The workflow called instead of started on its own, without a `permissions:` block (it gets its caller's), and the
    // role given as an input an action could name otherwise: its value, an IAM role's ARN, is the sign.
    const called = text
      .replace(/^on:[\s\S]*?(?=^permissions:)/m, 'on:\n  workflow_call:\n\n')
      .replace(/^permissions:[\s\S]*?(?=^jobs:)/m, '')
      .replace('role-to-assume:', 'target-role:');
    expect(called).toContain('workflow_call');
    expect(called).not.toContain('id-token');
    const caller =
      'on: push\njobs:\n  call:\n    permissions:\n      id-token: write\n    uses: ./.github/workflows/called.yml\n';
    const root = tempDir();
    writeFile(root, '.github/workflows/called.yml', called);
    writeFile(root, '.github/workflows/deploy.yml', caller);
    const { findings } = await predictWorkflows({
      root,
      repository: ACME,
      policyFiles: [],
      loadCatalog,
      deploy: deploy(root),
    });
    const [f] = unreadRoles(findings);
    expect(f?.message).toContain(
      'awslabs/duvet-action@v1 (with.target-role: arn:aws:iam::024603541914:role/GitHubOIDCRole)',
    );
    writeFile(root, '.github/workflows/deploy.yml', caller.replace('id-token: write', 'contents: read'));
    const lowered = await predictWorkflows({
      root,
      repository: ACME,
      policyFiles: [],
      loadCatalog,
      deploy: deploy(root),
    });
    expect(unreadRoles(lowered.findings)).toEqual([]);
  });
});

describe('an action named for AWS', () => {
  it("aws-powertools/powertools-lambda-typescript's lint job: an owner named for AWS does not make its action call AWS", async () => {
    const file = '.github/workflows/quality_check.yml';
    const text = bench('aws-powertools__powertools-lambda-typescript', file);
    expect(text).toContain('aws-powertools/actions/.github/actions/cached-node-modules@');
    expect(unseen(await predictText(text, file))).toEqual([]);
  });

  it.each([
    ['aws-actions/amazon-ecr-login@v2', true],
    ['aws-actions/configure-aws-credentials@v4', true],
    ['jakejarvis/s3-sync-action@master', true],
    ['einaregilsson/beanstalk-deploy@v22', true],
    ['chetan/invalidate-cloudfront-action@v2', true],
    ['docker://amazon/aws-cli:2.15.0', true],
    ['aws-powertools/actions/.github/actions/cached-node-modules@29979bc5339bf54f76a11ac36ff67701986bb0f0', false],
    ['aws-powertools/actions/.github/actions/create-pr@4bf64a4072489399fbf39b78f558eeeed6767189', false],
    ['awslabs/duvet-action@v1', false],
    ['actions/checkout@v4', false],
  ])('%s: %s', (uses, named) => {
    expect(actionNamed(uses, AWS_LOOKING)).toBe(named);
  });
});
