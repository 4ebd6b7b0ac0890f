/**
 * A pull request's configuration cannot send the job's credentials anywhere, and a workflow's literal credentials are
 * not quoted back: run in process as the runner runs the action (harness.ts).
 * - The config file is the attacker's: it names configure-aws-credentials' exported AWS_SECRET_ACCESS_KEY as a token
 *   and the key id and session token as an introspection client's credentials, at an endpoint it names (a loopback
 *   server that records what it receives). README.md#security: refused, nothing sent.
 * - The workflow is pulumi/docs's `.github/workflows/test-github-oidc.yml` (at 19cde5e3ef9d397d773955051a409dd005a46460)
 *   with a deploy step that passes literal credentials on its command line, as a careless one does; the preflight
 *   cannot read the script, so the finding quotes the command line (calls-not-inferred), redacted.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServer, listenOnLoopback } from '../fixtures/loopback.js';
import { removeTempDirs, tempDir, writeFiles } from '../fixtures/temp-files.js';
import { actionDefaults, runAction } from './harness.js';

/** AWS's documented example key pair (https://docs.aws.amazon.com/IAM/latest/UserGuide/security-creds.html). */
const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const SESSION_TOKEN = 'FwoGZXIvYXdzEXAMPLESESSIONTOKEN0123456789';
/** GitHub's token formats (https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/). */
const GHP = 'ghp_R4nd0mT0k3nV4lu3F0rT3st1ng0123456789';
const PAT = 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRS';
const ASIA = 'ASIAQWERTYUIOPASDFGH';

let server: Server;
let url = '';
const received: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''} ${body}`);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ active: true, exp: 4102444800 }));
    });
  });
  url = await listenOnLoopback(server);
});
afterAll(async () => {
  await closeServer(server);
  removeTempDirs();
});

/** The job's credentials as configure-aws-credentials exports them, and GitHub's token as a workflow passes it. */
const JOB_ENV = {
  AWS_ACCESS_KEY_ID: KEY_ID,
  AWS_SECRET_ACCESS_KEY: SECRET_KEY,
  AWS_SESSION_TOKEN: SESSION_TOKEN,
  GITHUB_TOKEN: 'ghs_J0bT0k3nOfTh1sRunn3r0123456789abcdef',
};

describe("a configuration cannot send the job's credentials to an endpoint it names", () => {
  it('refuses the config file that names AWS credentials and an introspection endpoint, and sends nothing', async () => {
    received.length = 0;
    const config = `github-oidc: { enabled: false }
tokens:
  - name: aws-secret
    from-env: AWS_SECRET_ACCESS_KEY
    introspection:
      url: ${url}/introspect
      client-id-env: AWS_ACCESS_KEY_ID
      client-secret-env: AWS_SESSION_TOKEN
`;
    const run = await runAction(actionDefaults(), {
      GITHUB_WORKSPACE: writeFiles(tempDir(), { '.github/preflight.yml': config }),
      ...JOB_ENV,
    });
    expect(received).toEqual([]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('file=.github/preflight.yml,line=4');
    expect(run.stdout).toContain('tokens[0].from-env names AWS_SECRET_ACCESS_KEY');
    expect(run.stdout).toContain('file=.github/preflight.yml,line=5');
    expect(run.stdout).toContain('tokens[0].introspection is refused in the config file');
    expect(run.stdout).not.toContain('pass token');
  });

  it("refuses the workflow's tokens input that names a credential variable as the introspection client's", async () => {
    received.length = 0;
    const tokens = `- name: deploy-api
  from-env: DEPLOY_API_TOKEN
  introspection:
    url: ${url}/introspect
    client-id-env: AWS_ACCESS_KEY_ID
    client-secret-env: AWS_SESSION_TOKEN
`;
    const run = await runAction(
      { ...actionDefaults(), 'github-oidc': 'false', tokens },
      { GITHUB_WORKSPACE: tempDir(), DEPLOY_API_TOKEN: 'op_aq5Ue7oKeN0123456789abcdef', ...JOB_ENV },
    );
    expect(received).toEqual([]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('client-id-env names AWS_ACCESS_KEY_ID');
  });
});

/** pulumi/docs's workflow, with a step that passes literal credentials on its command line. */
const WORKFLOW = `name: Test Github OIDC to AWS
on:
  push:
    branches:
      - 'kmosher/test-github-oidc'
permissions:
      id-token: write   # This is required for requesting the JWT
      contents: read    # This is required for actions/checkout
jobs:
  test-github:
    runs-on: buildjet-4vcpu-ubuntu-2004
    steps:
      - name: configure aws credentials
        uses: aws-actions/configure-aws-credentials@v2
        with:
          role-to-assume: arn:aws:iam::388588623842:role/ContinuousIntegrationRole
          role-session-name: github-test
          aws-region: us-west-2
      - name: test
        run: |
          aws sts get-caller-identity
          ./deploy.sh --token ${GHP} --key-id ${KEY_ID} --aws-secret-access-key=${SECRET_KEY}
          ./publish.sh --pat ${PAT} ${ASIA}
`;

const ROLE = {
  Role: {
    Path: '/',
    RoleName: 'ContinuousIntegrationRole',
    RoleId: 'AROAVXEXAMPLE0000001',
    Arn: 'arn:aws:iam::388588623842:role/ContinuousIntegrationRole',
    CreateDate: '2023-01-01T00:00:00+00:00',
    AssumeRolePolicyDocument: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: 'arn:aws:iam::388588623842:oidc-provider/token.actions.githubusercontent.com' },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
            StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:pulumi/docs:ref:refs/heads/kmosher/*' },
          },
        },
      ],
    },
    MaxSessionDuration: 3600,
  },
};

describe("a workflow's literal credentials are not quoted back", () => {
  it('redacts them from the calls-not-inferred finding in the log, the summary and the report', async () => {
    const ws = writeFiles(tempDir(), {
      '.github/workflows/test-github-oidc.yml': WORKFLOW,
      'policies/get-role.json': JSON.stringify(ROLE),
    });
    const run = await runAction(
      { ...actionDefaults(), 'policy-files': 'policies/', 'oidc-subject-form': 'names' },
      { GITHUB_WORKSPACE: ws, GITHUB_REPOSITORY: 'pulumi/docs', GITHUB_EVENT_NAME: 'pull_request', RUNNER_DEBUG: '1' },
    );
    const notInferred = run.report?.findings.filter((f) => f.class === 'calls-not-inferred') ?? [];
    expect(notInferred.map((f) => f.subject)).toEqual([
      expect.stringContaining('./deploy.sh --token *** --key-id *** --aws-secret-access-key=***'),
      expect.stringContaining('./publish.sh --pat *** ***'),
    ]);
    for (const secret of [GHP, KEY_ID, SECRET_KEY, PAT, ASIA]) {
      expect(run.stdout).not.toContain(secret);
      expect(run.summary).not.toContain(secret);
      expect(run.reportText).not.toContain(secret);
    }
  });
});
