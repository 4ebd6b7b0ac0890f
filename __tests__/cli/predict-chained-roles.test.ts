/**
 * `permission-preflight predict` on a job that chains roles: a role assumed with GitHub's OIDC token, then a second
 * assumed with its credentials (`role-chaining: true`), the shape of aws-actions/configure-aws-credentials' README
 * ("Role chaining", https://github.com/aws-actions/configure-aws-credentials#role-chaining). The chained role's
 * trust must admit the first role's session (sts:AssumeRole), and the steps after the chaining step run with the
 * chained role's credentials (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../fixtures/cli.js';
import { writeGithubProvider } from '../fixtures/oidc-provider.js';
import { removeTempDirs, tempDir } from '../fixtures/temp-files.js';

afterAll(removeTempDirs);

const ENTRY = 'arn:aws:iam::111111111111:role/entry';
const TARGET = 'arn:aws:iam::222222222222:role/target';
const PROVIDER = 'arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com';

interface Found {
  readonly class: string;
  readonly status: string;
  readonly subject: string;
  readonly decisionPoint: string;
  readonly message: string;
  readonly evidence: Record<string, unknown>;
}

/** The second step's `with:` lines (beyond role-to-assume and aws-region), and what may replace its role. */
interface Shape {
  readonly chained?: string;
  readonly targetRole?: string;
  readonly firstStep?: boolean;
  /** The first step is given access keys from secrets (the README's "AssumeRole with static IAM credentials in repository secrets"). */
  readonly firstKeys?: boolean;
}

function workflow(shape: Shape): string {
  const first = [
    '      - uses: aws-actions/configure-aws-credentials@v4',
    '        with:',
    `          role-to-assume: ${ENTRY}`,
    '          aws-region: us-east-1',
    ...(shape.firstKeys
      ? [
          // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, as a workflow writes it
          '          aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}',
          // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, as a workflow writes it
          '          aws-secret-access-key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}',
        ]
      : []),
  ];
  return [
    'name: deploy',
    'on:',
    '  push:',
    '    branches: [main]',
    'permissions:',
    '  id-token: write',
    '  contents: read',
    'jobs:',
    '  deploy:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    ...(shape.firstStep === false ? [] : first),
    '      - uses: aws-actions/configure-aws-credentials@v4',
    '        with:',
    `          role-to-assume: ${shape.targetRole ?? TARGET}`,
    '          aws-region: us-east-1',
    '          role-chaining: true',
    '          role-skip-session-tagging: true',
    ...(shape.chained ? [shape.chained] : []),
    '      - run: aws s3 cp build.zip s3://target-artifacts/build.zip',
    '',
  ].join('\n');
}

function role(ws: string, name: string, arn: string, trust: unknown, actions: Record<string, string>): void {
  const dir = path.join(ws, 'policies/roles', name);
  mkdirSync(path.join(dir, 'inline'), { recursive: true });
  writeFileSync(
    path.join(dir, 'role.json'),
    JSON.stringify({ Role: { RoleName: name, Arn: arn, MaxSessionDuration: 3600, AssumeRolePolicyDocument: trust } }),
  );
  const statements = Object.entries(actions).map(([action, resource]) => ({
    Effect: 'Allow',
    Action: action,
    Resource: resource,
  }));
  writeFileSync(path.join(dir, 'inline/deploy.json'), JSON.stringify({ Version: '2012-10-17', Statement: statements }));
}

/** The workspace: the workflow, the entry role (trusts main's token, may assume the target) and the target role. */
function workspace(shape: Shape, targetTrusts: string = ENTRY): string {
  const ws = tempDir();
  mkdirSync(path.join(ws, '.github/workflows'), { recursive: true });
  writeFileSync(path.join(ws, '.github/workflows/deploy.yml'), workflow(shape));
  const oidc = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: PROVIDER },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: {
            'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
            'token.actions.githubusercontent.com:sub': 'repo:acme/app:ref:refs/heads/main',
          },
        },
      },
    ],
  };
  role(ws, 'entry', ENTRY, oidc, { 'sts:AssumeRole': TARGET });
  const chained = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: targetTrusts }, Action: 'sts:AssumeRole' }],
  };
  role(ws, 'target', TARGET, chained, { 's3:PutObject': 'arn:aws:s3:::target-artifacts/*' });
  // The entry role's account has GitHub's provider; the roles are in two accounts, so a listing names its account.
  writeGithubProvider(ws, '111111111111');
  return ws;
}

const PREDICT = [
  'predict',
  '--repository',
  'acme/app',
  '--policy-files',
  'policies/',
  '--subject-template',
  'default',
  '--subject-form',
  'names',
  '--format',
  'json',
];

async function predict(ws: string, ...more: string[]): Promise<{ status: number; findings: Found[] }> {
  const run = await runCli([...PREDICT, ...more], { cwd: ws });
  expect(run.stderr).toBe('');
  return { status: run.status, findings: JSON.parse(run.stdout).findings as Found[] };
}

/**
 * What did not pass, but for the organization's layers and the resource policy, which the policy folder does not hold
 * (each call is `layer-not-read` until they are: docs/policy-folder.md).
 */
const notPassed = (findings: readonly Found[]) =>
  findings.filter((f) => f.status !== 'pass' && f.class !== 'layer-not-read');

describe('predict: a job that chains roles', () => {
  it("checks the chained role's trust against the first role's session, and the later calls against the chained role", async () => {
    const { status, findings } = await predict(workspace({}));
    // The chain is allowed as far as the files go; the SCPs and RCPs that would apply to it were not read.
    const chain = findings.find((f) => f.subject.includes(TARGET) && f.decisionPoint === 'sts-trust');
    expect(chain?.message).toContain("entry's session may sts:AssumeRole into target as far as the files were read");
    expect(chain?.evidence.notRead).toEqual(['the SCPs', 'the RCPs']);
    expect(notPassed(findings).filter((f) => f !== chain)).toEqual([]);
    expect(status).toBe(1);
    // The entry role may not s3:PutObject: the call passes because it runs with the target role's credentials.
    // The bucket's owner is unknown (an S3 ARN names none, and no bucket policy file gives it): allowed within the
    // target role's account, and the bucket policy is the layer not read.
    const put = findings.find((f) => f.subject.includes('s3:PutObject'));
    expect(put).toMatchObject({ class: 'layer-not-read', evidence: { decision: 'unknown' } });
    expect(String(put?.evidence.principal)).toContain(':assumed-role/target/');
  });

  it('passes but for the bucket owner once the layers the files lack are declared absent (--organizations none, --no-resource-policy)', async () => {
    const declared = ['--organizations', 'none', '--no-resource-policy', 'arn:aws:s3:::target-artifacts'];
    const { status, findings } = await predict(workspace({}), ...declared);
    // The job holds roles of two accounts (entry's, target's): "a resource of the role's own account" does not say
    // whose the bucket is, and from the other account only a bucket policy could grant the upload
    // (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies-cross-account-resource-access.html).
    expect(findings.filter((f) => f.status !== 'pass').map((f) => [f.subject, f.class])).toEqual([
      [
        'job `deploy` (.github/workflows/deploy.yml): s3:PutObject on arn:aws:s3:::target-artifacts/build.zip',
        'resource-owner-unknown',
      ],
    ]);
    expect(status).toBe(1);
    const bad = await runCli([...PREDICT, '--organizations', 'some'], { cwd: workspace({}) });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--organizations must be none');
  });

  it("fails when the chained role's trust does not admit the first role (a 403 from sts:AssumeRole)", async () => {
    const { status, findings } = await predict(workspace({}, 'arn:aws:iam::111111111111:role/someone-else'));
    expect(status).toBe(1);
    expect(notPassed(findings).map((f) => [f.class, f.status])).toEqual([['chained-trust-denied', 'fail']]);
  });

  it('is unverified when the chained role is a secret, or when no step before it obtains credentials', async () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, as a workflow writes it
    const secret = await predict(workspace({ targetRole: '${{ secrets.TARGET_ROLE_ARN }}' }));
    expect(secret.status).toBe(1);
    const unknown = notPassed(secret.findings);
    expect(unknown.map((f) => [f.class, f.status])).toEqual([['could-not-verify', 'unverified']]);
    expect(unknown[0]?.message).toContain('secrets.TARGET_ROLE_ARN');
    const alone = await predict(workspace({ firstStep: false }));
    expect(alone.status).toBe(1);
    expect(
      notPassed(alone.findings)
        .map((f) => f.message)
        .join('\n'),
    ).toContain('no step before it in the job obtains the credentials it chains from');
  });

  it('a first step given access keys assumes its role with them, not with a token: unverified, not an exchange', async () => {
    const keys = await predict(workspace({ firstKeys: true }));
    expect(keys.status).toBe(1);
    const open = notPassed(keys.findings);
    expect(open.map((f) => [f.class, f.status, f.decisionPoint])).toEqual([
      ['could-not-verify', 'unverified', 'sts-trust'],
      ['could-not-verify', 'unverified', 'sts-trust'],
    ]);
    expect(open[0]?.message).toContain(
      "does not use GitHub's OIDC token: it is given access keys (`aws-access-key-id`): it assumes the role with sts:AssumeRole signed by them",
    );
    expect(open[1]?.message).toContain('the credentials it chains from are those of the step at');
    // No trust of the entry role is predicted against a token the step never asks for.
    expect(keys.findings.filter((f) => f.subject.startsWith('the token of job'))).toEqual([]);
  });

  it('checks the session policy the chaining step passes, and reports one it cannot know', async () => {
    const narrowing = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
    });
    const narrowed = await predict(workspace({ chained: `          inline-session-policy: '${narrowing}'` }));
    expect(narrowed.status).toBe(1);
    const denied = notPassed(narrowed.findings).filter((f) => f.subject.includes('s3:PutObject'));
    expect(denied.map((f) => [f.decisionPoint, f.status])).toEqual([['session-policy', 'fail']]);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, as a workflow writes it
    const secret = await predict(workspace({ chained: '          role-duration-seconds: ${{ secrets.DURATION }}' }));
    expect(
      notPassed(secret.findings)
        .filter((f) => f.decisionPoint === 'session')
        .map((f) => [f.class, f.status]),
    ).toEqual([['could-not-verify', 'unverified']]);
  });
});
