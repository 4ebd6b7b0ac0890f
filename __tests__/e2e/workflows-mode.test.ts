/**
 * The action with no role configured, in a checked-out repository: it reads the workflows and checks every deploy
 * job for every trigger (the pull request check: no OIDC token, no `id-token: write`). The workflows are
 * aws-powertools/powertools-lambda-python's, checked out with its docs role in a policy folder
 * (../fixtures/powertools-docs.ts).
 */
import { rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServer, listenOnLoopback } from '../fixtures/loopback.js';
import { checkoutPowertoolsDocs, POWERTOOLS_REPO as REPO, DOCS_ROLE as ROLE } from '../fixtures/powertools-docs.js';
import { removeTempDirs, tempDir } from '../fixtures/temp-files.js';
import { actionDefaults, runAction } from './harness.js';

const GITHUB_TOKEN = 'ghs_workflowsModeTestToken0000000000000';

/**
 * GitHub's REST API as the runner's GITHUB_API_URL names it: the repository's subject template, the default one
 * (https://docs.github.com/en/rest/actions/oidc#get-the-customization-template-for-an-oidc-subject-claim-for-a-repository).
 */
let api: Server;
/**
 * The variables the API lists, by path, as https://docs.github.com/en/rest/actions/variables answers; empty: the
 * token may not read them (404, as the other paths).
 */
let variablesApi: Record<string, unknown> = {};
let apiUrl = '';
const seen: string[] = [];
beforeAll(async () => {
  api = createServer((req, res) => {
    seen.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
    const path = (req.url ?? '').split('?')[0];
    const answer =
      path === `/repos/${REPO}/actions/oidc/customization/sub` ? { use_default: true } : variablesApi[path ?? ''];
    res.writeHead(answer ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer ?? { message: 'Not Found' }));
  });
  apiUrl = await listenOnLoopback(api);
});
afterAll(async () => {
  await closeServer(api);
  removeTempDirs();
});

/**
 * The action in `ws` with the policy folder, the token for the REST API and the sub form, and `extra` inputs over
 * them; `event` is the run's (a pull request's unless said).
 */
function check(ws: string, extra: Readonly<Record<string, string>> = {}, event = 'pull_request') {
  const inputs = {
    ...actionDefaults(),
    'policy-files': 'policies/',
    'github-token': GITHUB_TOKEN,
    'oidc-subject-form': 'names',
    // The docs role's account is in no organization: no SCP or RCP decides.
    organizations: 'none',
    ...extra,
  };
  const env = {
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: ws,
    GITHUB_REPOSITORY: REPO,
    GITHUB_EVENT_NAME: event,
    GITHUB_API_URL: apiUrl,
  };
  return runAction(inputs, env);
}

const about = (run: Awaited<ReturnType<typeof check>>, text: string) =>
  run.report?.findings.filter((f) => f.subject.includes(text)).map((f) => [f.decisionPoint, f.class, f.status]);

describe('zero configuration: the workflows read, every deploy job checked without a token', () => {
  it("predicts the docs job's token, passes its trust, and finds the download its role does not allow", async () => {
    const run = await check(checkoutPowertoolsDocs(['s3:PutObject', 's3:ListBucket']));
    expect(run.status).toBe(1);
    expect(run.report?.findings.some((f) => f.class === 'missing-id-token-permission')).toBe(false);
    const trust = run.report?.findings.filter((f) => f.class === 'ok' && f.decisionPoint === 'sts-trust');
    expect(trust?.length).toBeGreaterThan(0);
    expect(trust?.[0]?.message).toContain(`repo:${REPO}:environment:Docs`);
    // `aws s3 cp s3://…/versions.json versions_old.json` downloads: s3:GetObject, which the role lacks; the reusable
    // workflow is called from two workflows, and each caller chain is a finding of its own that names it.
    const denied = ['identity-policy', 'implicit-deny', 'fail'];
    expect(about(run, 's3:GetObject')).toEqual([denied, denied]);
    const callers = run.report?.findings.filter((f) => f.subject.includes('s3:GetObject')).map((f) => f.subject);
    expect(callers?.map((c) => /called by `release_docs` in (\S+)\)/.exec(c)?.[1])).toEqual([
      '.github/workflows/publish_v2_layer.yml',
      '.github/workflows/publish_v3_layer.yml',
    ]);
    expect(run.report?.findings.find((f) => f.subject.includes('s3:GetObject'))?.subject).toContain(
      'job `publish_docs`',
    );
    expect(run.summary).toContain('publish_docs');
    // The template was read with the github-token input, which is masked and printed nowhere else.
    expect(seen).toContain(`GET /repos/${REPO}/actions/oidc/customization/sub token ${GITHUB_TOKEN}`);
    expect(run.stdout).toContain(`::add-mask::${GITHUB_TOKEN}`);
    expect(run.stdout.replaceAll(`::add-mask::${GITHUB_TOKEN}`, '')).not.toContain(GITHUB_TOKEN);
    expect(run.summary).not.toContain(GITHUB_TOKEN);
  });

  // STS reads the role account's OIDC provider before the trust
  // (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html): a pull request's check of
  // a policy folder without it admits nothing.
  it('with no OIDC provider in the policy folder, the trust the docs job passes is unverified', async () => {
    const ws = checkoutPowertoolsDocs(['s3:PutObject', 's3:ListBucket', 's3:GetObject']);
    rmSync(path.join(ws, 'policies/oidc-providers'), { recursive: true });
    const run = await check(ws);
    expect(run.status).toBe(1);
    const trust = run.report?.findings.filter((f) => f.decisionPoint === 'sts-trust') ?? [];
    expect(trust.length).toBeGreaterThan(0);
    expect(trust.filter((f) => f.status === 'pass')).toEqual([]);
    const docs = trust.filter((f) => f.message.includes(`repo:${REPO}:environment:Docs`));
    expect(docs.length).toBeGreaterThan(0);
    expect(docs.map((f) => [f.class, f.status])).toEqual(docs.map(() => ['oidc-provider-unknown', 'unverified']));
  });

  it('decides the download once the role allows it', async () => {
    const run = await check(checkoutPowertoolsDocs(['s3:PutObject', 's3:ListBucket', 's3:GetObject']));
    expect(about(run, 's3:GetObject')?.every(([, cls]) => cls !== 'implicit-deny')).toBe(true);
  });

  it('merges the lines the configuration declares for the role with the inferred ones, each with its origin', async () => {
    const ws = checkoutPowertoolsDocs(['s3:PutObject', 's3:ListBucket', 's3:GetObject']);
    const run = await check(
      ws,
      {
        workflows: 'true',
        'role-to-assume': ROLE,
        'aws-region': 'us-east-1',
        permissions: 's3:PutObject arn:aws:s3:::docs-bucket/index.html',
      },
      'push',
    );
    const ofJob = run.report?.findings.filter((f) => f.subject.startsWith('job `publish_docs`')) ?? [];
    const declared = ofJob.find((f) => f.subject.includes('arn:aws:s3:::docs-bucket/index.html'));
    expect(declared?.evidence.origin).toBe('input permissions, line 1');
    const inferred = ofJob.find((f) => f.subject.includes('s3:GetObject'));
    expect(String(inferred?.evidence.origin)).toMatch(
      /^inferred from \.github\/workflows\/reusable_publish_docs\.yml:\d+ \(aws s3 cp\)/,
    );
  });

  it("takes the lines of the job's environment from the configuration's environments", async () => {
    const ws = checkoutPowertoolsDocs(['s3:PutObject', 's3:ListBucket', 's3:GetObject']);
    writeFileSync(
      path.join(ws, '.github/preflight.yml'),
      [
        'aws:',
        '  roles:',
        `    - role-to-assume: ${ROLE}`,
        '      aws-region: us-east-1',
        '      permissions:',
        '        - s3:ListBucket arn:aws:s3:::docs-bucket',
        '      environments:',
        '        docs:',
        '          - s3:DeleteObject arn:aws:s3:::docs-bucket/old.html',
        '        production:',
        '          - s3:DeleteBucket arn:aws:s3:::docs-bucket',
      ].join('\n'),
    );
    const run = await check(ws, { workflows: 'true' }, 'push');
    const ofJob = run.report?.findings.filter((f) => f.subject.startsWith('job `publish_docs`')) ?? [];
    // The job runs in `Docs` (names compare without case, as GitHub's do): its lines, not production's.
    const deleteObject = ofJob.find((f) => f.subject.includes('s3:DeleteObject'));
    expect(deleteObject?.subject).toContain('in Docs');
    expect(deleteObject?.evidence.origin).toMatch(/^\.github\/preflight\.yml:/);
    expect(ofJob.some((f) => f.subject.includes('s3:DeleteBucket'))).toBe(false);
  });

  // The role named by a configuration variable: https://docs.github.com/en/actions/how-tos/write-workflows/choose-what-workflows-do/use-variables
  // (an environment's variable takes precedence over the repository's; one not set is empty).
  describe('a role named by a configuration variable', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, as the file writes it
    const roleAs = '${{ vars.DOCS_ROLE_ARN }}';
    const actions = ['s3:PutObject', 's3:ListBucket', 's3:GetObject'];
    const vars = JSON.stringify({ DOCS_ROLE_ARN: ROLE, OTHER: 'x' });
    const trustOf = (run: Awaited<ReturnType<typeof check>>) =>
      run.report?.findings.filter((f) => f.decisionPoint === 'sts-trust').map((f) => f.class);

    it("with the repository's variables alone, the Docs job's role is unknown: its environment may set its own", async () => {
      const run = await check(checkoutPowertoolsDocs(actions, roleAs), { vars }, 'push');
      expect(trustOf(run)).not.toContain('ok');
      const unknown = run.report?.findings.find((f) => f.message.includes('vars.DOCS_ROLE_ARN'));
      expect(unknown?.message).toContain('environment Docs may set its own');
      expect(run.status).not.toBe(0);
    });

    it('with the environment declared to set none of its own, the role is known and its trust checked', async () => {
      const ws = checkoutPowertoolsDocs(actions, roleAs);
      writeFileSync(
        path.join(ws, '.github/preflight.yml'),
        ['github:', '  variables:', '    environments:', '      docs: {}', '    complete: true'].join('\n'),
      );
      const run = await check(ws, { vars }, 'push');
      expect(trustOf(run)).toContain('ok');
      expect(run.report?.findings.find((f) => f.class === 'ok' && f.decisionPoint === 'sts-trust')?.subject).toContain(
        'publish_docs',
      );
    });

    it('an environment variable in the configuration takes precedence over the input’s', async () => {
      const ws = checkoutPowertoolsDocs(actions, roleAs);
      const other = 'arn:aws:iam::123456789012:role/not-in-the-folder';
      writeFileSync(
        path.join(ws, '.github/preflight.yml'),
        ['github:', '  variables:', '    environments:', `      Docs: { DOCS_ROLE_ARN: "${other}" }`].join('\n'),
      );
      const run = await check(ws, { vars }, 'push');
      expect(JSON.stringify(run.report?.findings)).toContain('role/not-in-the-folder');
      expect(trustOf(run)).not.toContain('ok');
    });

    it('read through the REST API with the github-token input: the repository’s and the Docs environment’s', async () => {
      const listing = (variables: { name: string; value: string }[]) => ({ total_count: variables.length, variables });
      variablesApi = {
        [`/repos/${REPO}/actions/variables`]: listing([{ name: 'DOCS_ROLE_ARN', value: ROLE }]),
        [`/repos/${REPO}/actions/organization-variables`]: listing([]),
        [`/repos/${REPO}/environments/Docs/variables`]: listing([]),
      };
      try {
        const run = await check(checkoutPowertoolsDocs(actions, roleAs), {}, 'push');
        expect(trustOf(run)).toContain('ok');
        expect(seen).toContain(
          `GET /repos/${REPO}/environments/Docs/variables?per_page=30&page=1 token ${GITHUB_TOKEN}`,
        );
      } finally {
        variablesApi = {};
      }
      // Not readable (the job's own token cannot read variables): the notes say so, and the role stays unknown.
      const run = await check(checkoutPowertoolsDocs(actions, roleAs), {}, 'push');
      expect(trustOf(run)).not.toContain('ok');
      expect(run.stdout).toMatch(/workflows: .*variables/i);
    });

    it('a role ARN kept in a secret, declared in the configuration for the Docs environment, is known', async () => {
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, as the file writes it
      const ws = checkoutPowertoolsDocs(actions, '${{ secrets.AWS_DOCS_ROLE_ARN }}');
      const config = (where: string) =>
        ['github:', '  secret-arns:', `    ${where}`, `        AWS_DOCS_ROLE_ARN: ${ROLE}`].join('\n');
      writeFileSync(path.join(ws, '.github/preflight.yml'), config('environments:\n      Docs:'));
      const run = await check(ws, {}, 'push');
      expect(trustOf(run)).toContain('ok');
      // Declared for the repository only: the job's environment may hold its own secret of that name.
      writeFileSync(
        path.join(ws, '.github/preflight.yml'),
        config('repository:\n      ').replace(':\n      \n', ':\n'),
      );
      const repositoryOnly = await check(ws, {}, 'push');
      expect(trustOf(repositoryOnly)).not.toContain('ok');
      expect(JSON.stringify(repositoryOnly.report?.findings)).toContain('environment Docs may set its own');
    });

    it('a vars input that is not the JSON of names and values is refused, naming the input', async () => {
      const run = await check(checkoutPowertoolsDocs(actions, roleAs), { vars: '["DOCS_ROLE_ARN"]' }, 'push');
      expect(run.status).not.toBe(0);
      expect(`${run.stdout}${run.summary}`).toMatch(/input vars/);
    });
  });

  it('keeps the earlier behaviour where no workflow was checked out', async () => {
    const inputs = { ...actionDefaults(), 'github-token': '' };
    const run = await runAction(inputs, {
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: tempDir(),
      GITHUB_REPOSITORY: REPO,
    });
    expect(run.report?.findings.map((f) => f.class)).toEqual(['missing-id-token-permission']);
  });
});
