// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ ... }}` here is GitHub Actions expression syntax, not JS.
/**
 * The github-token check over real workflows: GitHub's starter Pages workflow (actions/starter-workflows
 * pages/static.yml) and ripgrep's release workflow (BurntSushi/ripgrep .github/workflows/release.yml), as published
 * and with the edits that make a deploy end in "Resource not accessible by integration"; the source and commit of
 * each is the first line of its fixture. Rules: https://docs.github.com/en/actions/security-for-github-actions/security-guides/automatic-token-authentication#permissions-for-the-github_token
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkflowFacts } from '../../src/checks/index.js';
import type { Finding } from '../../src/model/finding.js';
import { tokenWorkflowsOf } from '../../src/workflows/github-token/from-model.js';
import type { TokenInspection } from '../../src/workflows/github-token/pat.js';
import { scopeMeantBy } from '../../src/workflows/github-token/scopes.js';
import type { GitHubTokenSettings, TokenWorkflow } from '../../src/workflows/github-token/types.js';
import { readWorkflowModel } from '../../src/workflows/index.js';
import { fixtureWorkflow, readTokenWorkflow, runTokenCheck } from '../fixtures/github-token-workflow.js';

const NOW = Date.parse('2026-12-07T04:00:00Z') / 1000;
const PAGES = '.github/workflows/pages.yml';
const RELEASE = '.github/workflows/release.yml';

const pages = async (edit: (text: string) => string = (t) => t) =>
  readTokenWorkflow(PAGES, edit(fixtureWorkflow('starter-pages-static.yml')));
const release = async (edit: (text: string) => string = (t) => t) =>
  readTokenWorkflow(RELEASE, edit(fixtureWorkflow('ripgrep-release.yml')));

const run = (
  workflows: TokenWorkflow[],
  settings: Partial<GitHubTokenSettings> = {},
  more: Partial<WorkflowFacts> = {},
): Finding[] => runTokenCheck(workflows, settings, { now: NOW, ...more });
const summary = (fs: Finding[]) => fs.map((f) => [f.class, f.status, f.evidence.scope ?? f.evidence.written ?? '']);

/** The starter workflow without its top-level `permissions:` block (lines 14-17 of the fixture). */
const withoutPermissions = (t: string) => t.replace(/^permissions:\n(?: {2}.*\n)+/m, '');

describe("GitHub's starter Pages workflow", () => {
  it('as published, grants what checkout and deploy-pages need', async () => {
    const findings = run([await pages()]);
    expect(summary(findings)).toEqual([['ok', 'pass', '']]);
    expect(findings[0]?.message).toContain("the workflow's `permissions:` (.github/workflows/pages.yml line 15)");
  });

  it('a need two steps share is listed once in what the job needs', async () => {
    // A second step that requests the OIDC token: deploy-pages and it both need `id-token: write`.
    const twice = (t: string) =>
      t.replace(/( {6}- name: Deploy to GitHub Pages\n)/, '      - run: curl "$ACTIONS_ID_TOKEN_REQUEST_URL"\n$1');
    const findings = run([await pages(twice)]);
    expect(findings[0]?.class).toBe('ok');
    const needs = findings[0]?.evidence.needs as string[];
    expect(needs.filter((n) => n === 'id-token: write')).toHaveLength(1);
    expect(twice(fixtureWorkflow('starter-pages-static.yml'))).toContain('ACTIONS_ID_TOKEN_REQUEST_URL');
  });

  it('without its permissions block, on a restricted default: pages and id-token are missing, with the YAML to add', async () => {
    const findings = run([await pages(withoutPermissions)], { defaultPermissions: 'restricted' });
    expect(summary(findings)).toEqual([
      ['github-token-scope-missing', 'fail', 'pages'],
      ['github-token-scope-missing', 'fail', 'id-token'],
    ]);
    const pagesFinding = findings[0];
    expect(pagesFinding?.decisionPoint).toBe('github-token');
    expect(pagesFinding?.wouldReturn).toBe(403);
    // configure-pages reads the Pages site (pages: read) before deploy-pages writes it: the first step named.
    expect(pagesFinding?.location).toEqual({ file: PAGES, line: 31 });
    expect(pagesFinding?.message).toContain('step 2 `Setup Pages` (.github/workflows/pages.yml line 31)');
    expect(pagesFinding?.message).toContain('step 4 `Deploy to GitHub Pages` (.github/workflows/pages.yml line 38)');
    expect(pagesFinding?.message).toContain("the repository's default, restricted");
    expect(pagesFinding?.fix).toContain(
      '`permissions: { contents: read, id-token: write, pages: write }` under `jobs.deploy`',
    );
    expect(pagesFinding?.docUrl).toBe('https://docs.github.com/en/rest/pages/pages#get-a-apiname-pages-site');
  });

  it('without its permissions block and no configured default: id-token fails (no default grants it), pages is unknown', async () => {
    const findings = run([await pages(withoutPermissions)]);
    expect(summary(findings)).toEqual([
      ['github-token-permission-unknown', 'unverified', 'pages'],
      ['github-token-scope-missing', 'fail', 'id-token'],
    ]);
    expect(findings[0]?.fix).toContain('github.default-token-permissions');
  });

  it('on a permissive default, only id-token is missing (no default grants it)', async () => {
    expect(summary(run([await pages(withoutPermissions)], { defaultPermissions: 'permissive' }))).toEqual([
      ['github-token-scope-missing', 'fail', 'id-token'],
    ]);
  });

  it("a misspelt scope: GitHub's parser refuses the workflow; the check says which scope was meant", async () => {
    const misspelt = (t: string) => t.replace('  pages: write', '  page: write');
    await expect(pages(misspelt)).rejects.toThrow("pages.yml:16:3: Unexpected value 'page'");
    expect(scopeMeantBy("Unexpected value 'page'")).toBe('pages');
    expect(scopeMeantBy("Unexpected value 'runs-on-typo'")).toBeUndefined();
    const published = await pages();
    const block = published.permissions;
    if (block?.value.kind !== 'mapping') throw new Error('the starter workflow has a permissions mapping');
    const entries = block.value.entries.map((e) => (e.scope === 'pages' ? { ...e, scope: 'page' } : e));
    const findings = run([{ ...published, permissions: { ...block, value: { kind: 'mapping', entries } } }]);
    const invalid = findings.find((f) => f.class === 'github-token-invalid-scope');
    expect(invalid?.fix).toBe('Did you mean `pages`?');
    expect(invalid?.location).toEqual({ file: PAGES, line: 15 });
    expect(summary(findings)).toContainEqual(['github-token-scope-missing', 'fail', 'pages']);
  });

  it("triggered by pull_request too: the run on a fork's pull request is checked apart (read at most)", async () => {
    const onPullRequest = (t: string) => t.replace('  workflow_dispatch:\n', '  workflow_dispatch:\n  pull_request:\n');
    const findings = run([await pages(onPullRequest)]);
    expect(findings.map((f) => [f.class, f.evidence.scope ?? '', f.subject])).toEqual([
      ['ok', '', 'job `deploy` (.github/workflows/pages.yml)'],
      [
        'github-token-scope-missing',
        'pages',
        'job `deploy` (.github/workflows/pages.yml, on a pull request from a fork)',
      ],
      [
        'github-token-scope-missing',
        'id-token',
        'job `deploy` (.github/workflows/pages.yml, on a pull request from a fork)',
      ],
    ]);
    const guarded = (t: string) =>
      onPullRequest(t).replace('  deploy:\n', "  deploy:\n    if: github.event_name == 'push'\n");
    expect(summary(run([await pages(guarded)]))).toEqual([['ok', 'pass', '']]);
  });

  it('on a pull request from a fork, deploy-pages loses pages and id-token', async () => {
    const findings = run([await pages()], {}, { run: { event: 'pull_request', fromFork: true } });
    expect(summary(findings)).toEqual([
      ['github-token-scope-missing', 'fail', 'pages'],
      ['github-token-scope-missing', 'fail', 'id-token'],
    ]);
    expect(findings[0]?.message).toContain(
      'every scope lowered to read (and no OIDC token): the run is a pull request from a fork',
    );
    expect(findings[0]?.fix).toContain('run the job only for pushes or same-repository pull requests');
  });
  it("on a fork's pull request, a job whose `if:` keeps it from fork runs needs nothing; a step's likewise", async () => {
    const fork = { run: { event: 'pull_request', fromFork: true } };
    const onPullRequest = (t: string) => t.replace('  workflow_dispatch:\n', '  workflow_dispatch:\n  pull_request:\n');
    const sameRepo =
      "github.event_name != 'pull_request' || github.event.pull_request.head.repo.full_name == github.repository";
    const jobGuarded = (t: string) => onPullRequest(t).replace('  deploy:\n', `  deploy:\n    if: ${sameRepo}\n`);
    expect(run([await pages(jobGuarded)], {}, fork)).toEqual([]);
    // The same job unguarded is refused on that run.
    expect(summary(run([await pages(onPullRequest)], {}, fork))).toContainEqual([
      'github-token-scope-missing',
      'fail',
      'id-token',
    ]);
    // Only the deploy step guarded: the fork run checks out (contents: read), and needs nothing of pages or id-token.
    const stepGuarded = (t: string) =>
      onPullRequest(t).replace(
        '        uses: actions/deploy-pages',
        `        if: ${sameRepo}\n        uses: actions/deploy-pages`,
      );
    expect(summary(run([await pages(stepGuarded)], {}, fork))).toEqual([['ok', 'pass', '']]);
  });
});

describe("configure-aws-credentials README's static credentials, then role chaining", () => {
  it('asks nothing of the job token (no OIDC), so contents: read is enough', async () => {
    const file = '.github/workflows/deploy.yml';
    const workflow = await readTokenWorkflow(file, fixtureWorkflow('configure-aws-static-chaining.yml'));
    expect(summary(run([workflow]))).toEqual([]);
    // With role-chaining an expression, whether the second step requests the token is not known.
    const chainExpr = (t: string) => t.replace(/role-chaining: true\n$/, 'role-chaining: ${{ vars.CHAIN }}\n');
    const unknown = run([
      await readTokenWorkflow(file, chainExpr(fixtureWorkflow('configure-aws-static-chaining.yml'))),
    ]);
    expect(summary(unknown)).toEqual([['github-token-needs-unknown', 'unverified', '']]);
    expect(unknown[0]?.message).toContain('`role-chaining` is `${{ vars.CHAIN }}`');
  });
});

describe("ripgrep's release workflow", () => {
  // dtolnay/rust-toolchain is not in the table, and the workflow's block takes away what it does not name: the
  // configuration says the jobs that run it need nothing more (`{}`), as its action.yml takes no token.
  const rustNeedsNothing = { jobNeeds: { 'build-release': [], 'build-release-deb': [] } };

  it('as published, contents: write covers gh release create and gh release upload in every job', async () => {
    const findings = run([await release()], rustNeedsNothing);
    expect(summary(findings)).toEqual([
      ['ok', 'pass', ''],
      ['ok', 'pass', ''],
      ['ok', 'pass', ''],
    ]);
  });

  it('dtolnay/rust-toolchain needs nothing of the job token (its action.yml): every job passes as published', async () => {
    expect(summary(run([await release()]))).toEqual([
      ['ok', 'pass', ''],
      ['ok', 'pass', ''],
      ['ok', 'pass', ''],
    ]);
  });

  it("an action the table does not know, given no token, under the workflow's block: one unverified finding per job", async () => {
    // The published workflow with its rust-toolchain step swapped for an action the table does not know.
    const findings = run([await release((t) => t.replaceAll('dtolnay/rust-toolchain', 'someone/rust-toolchain'))]);
    expect(findings.map((f) => [f.class, f.status, f.evidence.job])).toEqual([
      ['ok', 'pass', 'create-release'],
      ['github-token-needs-unknown', 'unverified', 'build-release'],
      ['github-token-needs-unknown', 'unverified', 'build-release-deb'],
    ]);
    expect(findings[1]?.evidence.actions).toEqual(['someone/rust-toolchain']);
    expect(findings[1]?.fix).toContain('`github.job-token-needs.build-release`');
  });

  it('with contents: read, each job that releases fails on contents, naming its gh step', async () => {
    const findings = run(
      [await release((t) => t.replace('permissions:\n  contents: write', 'permissions:\n  contents: read'))],
      rustNeedsNothing,
    );
    expect(summary(findings)).toEqual([
      ['github-token-scope-missing', 'fail', 'contents'],
      ['github-token-scope-missing', 'fail', 'contents'],
      ['github-token-scope-missing', 'fail', 'contents'],
    ]);
    expect(findings.map((f) => f.evidence.job)).toEqual(['create-release', 'build-release', 'build-release-deb']);
    expect(findings[0]?.message).toContain('`gh release create`');
    expect(findings[0]?.message).toContain('`contents: read`');
    expect(findings[0]?.fix).toContain('`permissions: { contents: write }` under `jobs.create-release`');
  });

  it('a job whose needs the configuration declares is checked against them too', async () => {
    const findings = run([await release()], { jobNeeds: { 'create-release': [{ scope: 'issues', level: 'write' }] } });
    expect(summary(findings)[0]).toEqual(['github-token-scope-missing', 'fail', 'issues']);
    expect(findings[0]?.message).toContain('the configuration (`github.job-token-needs`)');
  });
});

describe("Powertools for AWS Lambda's layer release, which calls reusable workflows (the workflow model's fixture)", () => {
  const DIR = fileURLToPath(
    new URL('../fixtures/workflows/aws-powertools__powertools-lambda-python/.github/workflows/', import.meta.url),
  );
  const files = (edit: (text: string) => string = (t) => t) =>
    Object.fromEntries(
      readdirSync(DIR).map((f) => {
        const text = readFileSync(`${DIR}${f}`, 'utf8');
        return [`.github/workflows/${f}`, f === 'publish_v3_layer.yml' ? edit(text) : text];
      }),
    );
  const read = async (edit?: (text: string) => string) => {
    const model = await readWorkflowModel({
      workflowPaths: ['.github/workflows/publish_v3_layer.yml'],
      read: (path) => files(edit)[path],
      repository: 'aws-powertools/powertools-lambda-python',
    });
    return tokenWorkflowsOf(model);
  };

  it('as published: the called docs job is within its caller; the job whose runs are too many to list is unverified', async () => {
    const findings = run(await read());
    expect(findings.map((f) => [f.class, f.status, f.evidence.job])).toEqual([
      // A local action (./.github/actions/seal-restore) not in the files read: the job's steps are not read past it,
      // so what they need is unknown, one finding per job.
      ['github-token-needs-unknown', 'unverified', 'build-layer'],
      ['github-token-needs-unknown', 'unverified', 'deploy-cdk-stack'],
      ['github-token-needs-unknown', 'unverified', 'deploy-cdk-stack'],
      ['github-token-needs-unknown', 'unverified', 'update_v3_layer_arn_docs'],
      ['ok', 'pass', 'publish_docs'],
    ]);
    // The fixture holds no .github/actions, and the job checks the repository out at the release commit before it
    // uses one: the action comes from that checkout, and the job is not read past it (docs/workflows.md).
    expect(findings[0]?.message).toContain(
      'its step `./.github/actions/seal-restore` (.github/workflows/publish_v3_layer.yml line 100) uses a local action that is not read: the action comes from the checkout into the workspace (.github/workflows/publish_v3_layer.yml:95: this repository at ref `${{ env.RELEASE_COMMIT }}`)',
    );
    expect(findings[1]?.message).toContain('more than the 256 the model lists');
    // Called from `beta` and from `prod`: two runs of one job, told apart by their caller.
    expect(findings[1]?.subject).toContain('called by `beta`');
    expect(findings[2]?.subject).toContain('called by `prod`');
    expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
    expect(findings[4]?.message).toContain('at most what the calling job `release_docs` grants');
  });

  it('a caller that drops id-token: write: the called docs job asks for more, and cannot assume its AWS role', async () => {
    const drop = (t: string) =>
      t.replace(
        '      pull-requests: none\n      id-token: write\n    secrets: inherit',
        '      pull-requests: none\n    secrets: inherit',
      );
    const findings = run(await read(drop)).filter((f) => f.evidence.job === 'publish_docs');
    // GitHub refuses to start the run: one finding, not a refusal of each step besides.
    expect(findings.map((f) => [f.class, f.evidence.scope ?? f.evidence.scopes])).toEqual([
      ['github-token-caller-grant-exceeded', ['id-token']],
    ]);
    expect(findings[0]?.fix).toContain('under `jobs.release_docs` in .github/workflows/publish_v3_layer.yml');
  });
});

describe('reusable workflows', () => {
  const called: TokenWorkflow = {
    file: '.github/workflows/deploy-pages.yml',
    jobs: [
      {
        id: 'deploy',
        permissions: {
          at: 'job',
          file: '.github/workflows/deploy-pages.yml',
          line: 9,
          value: {
            kind: 'mapping',
            entries: [
              { scope: 'pages', level: 'write' },
              { scope: 'id-token', level: 'write' },
            ],
          },
        },
        steps: [{ index: 0, uses: 'actions/deploy-pages@v4', line: 14 }],
      },
    ],
  };
  const caller = (entries: { scope: string; level: string }[]): TokenWorkflow => ({
    file: '.github/workflows/release.yml',
    jobs: [
      {
        id: 'pages',
        permissions: {
          at: 'job',
          file: '.github/workflows/release.yml',
          line: 20,
          value: { kind: 'mapping', entries },
        },
        steps: [],
        calls: called,
      },
    ],
  });

  it('a called job asking for more than the caller grants does not start', () => {
    const findings = run([caller([{ scope: 'pages', level: 'write' }])]);
    expect(summary(findings)).toEqual([['github-token-caller-grant-exceeded', 'fail', '']]);
    expect(findings[0]?.evidence.scopes).toEqual(['id-token']);
    expect(findings[0]?.fix).toContain(
      'add `permissions: { id-token: write, pages: write }` under `jobs.pages` in .github/workflows/release.yml',
    );
  });

  it('passes when the caller grants both', () => {
    const findings = run([
      caller([
        { scope: 'pages', level: 'write' },
        { scope: 'id-token', level: 'write' },
      ]),
    ]);
    expect(summary(findings)).toEqual([['ok', 'pass', '']]);
  });
});

describe('tokens from secrets', () => {
  let wf: TokenWorkflow;
  beforeAll(async () => {
    wf = await pages((t) =>
      t.replace(
        'uses: actions/deploy-pages@v4',
        'uses: actions/deploy-pages@v4\n      - uses: softprops/action-gh-release@v2\n        with:\n          token: ${{ secrets.RELEASE_PAT }}',
      ),
    );
  });
  const inspect = (i: Partial<Extract<TokenInspection, { kind: 'answered' }>>): TokenInspection => ({
    kind: 'answered',
    secret: 'RELEASE_PAT',
    tokenKind: 'classic',
    status: 200,
    privateRepo: true,
    ...i,
  });
  const patFindings = (inspections: TokenInspection[]) =>
    run([wf], {}, { inspections }).filter((f) => f.id.includes(':secret:'));

  it('a secret the preflight was not given is unverified, with how to give it', () => {
    const [f] = patFindings([]);
    expect(f).toMatchObject({ class: 'pat-unverified', status: 'unverified' });
    expect(f?.fix).toContain('github-tokens');
  });

  it('a classic token without repo fails on contents: write (X-OAuth-Scopes)', () => {
    const [f] = patFindings([inspect({ oauthScopes: ['read:packages'] })]);
    expect(f).toMatchObject({ class: 'pat-scope-missing', status: 'fail', wouldReturn: 403 });
    expect(f?.message).toContain('`repo`');
    expect(summary(patFindings([inspect({ oauthScopes: ['repo', 'workflow'] })]))).toEqual([['ok', 'pass', '']]);
    expect(summary(patFindings([inspect({ oauthScopes: ['public_repo'], privateRepo: false })]))).toEqual([
      ['ok', 'pass', ''],
    ]);
  });

  it('an expired token (401 Bad credentials), and one that expires before the job can end', () => {
    expect(patFindings([inspect({ status: 401 })])[0]).toMatchObject({ class: 'pat-expired', wouldReturn: 401 });
    const soon = patFindings([inspect({ oauthScopes: ['repo'], expiresAt: NOW + 3600 })]);
    expect(soon[0]).toMatchObject({ class: 'pat-expired' });
    expect(soon[0]?.message).toContain('timeout 360 minutes');
  });

  it('a 403 names what GitHub would take (X-Accepted-GitHub-Permissions)', () => {
    const [f] = patFindings([
      inspect({
        tokenKind: 'fine-grained',
        status: 403,
        acceptedPermissions: 'metadata=read',
        message: 'Resource not accessible by personal access token',
      }),
    ]);
    expect(f).toMatchObject({ class: 'pat-no-repository-access' });
    expect(f?.message).toContain('`metadata=read` (X-Accepted-GitHub-Permissions)');
  });

  it('a token made during the run (an app token from a step output) is listed as unverified, not ignored', async () => {
    const appToken = await pages((t) =>
      t.replace(
        'uses: actions/deploy-pages@v4',
        'uses: actions/deploy-pages@v4\n      - uses: peter-evans/create-pull-request@v7\n        with:\n          token: ${{ steps.app.outputs.token }}',
      ),
    );
    const listed = run([appToken]).filter((f) => f.id.includes(':runtime-token:'));
    expect(listed.map((f) => [f.class, f.status, f.evidence.token])).toEqual([
      ['pat-unverified', 'unverified', '${{ steps.app.outputs.token }}'],
    ]);
    expect(listed[0]?.message).toContain('contents: write, pull-requests: write');
  });

  it("a fine-grained token's write permissions are unverified: no write is ever made to probe them", () => {
    expect(patFindings([inspect({ tokenKind: 'fine-grained' })])[0]).toMatchObject({ class: 'pat-unverified' });
  });
});

describe('burningmantech/ranger-ims-go cicd.yml: a job run only on `refs/heads/master`', () => {
  // On pull_request, github.ref is refs/pull/<number>/merge, never a branch's ref
  // (https://docs.github.com/en/actions/reference/workflows-and-actions/events-that-trigger-workflows#pull_request),
  // so `if: github.ref == 'refs/heads/master'` keeps deploy-staging from both pull request runs.
  const CICD = '.github/workflows/cicd.yml';

  it('deploy-staging is checked on push only: no finding for the fork run', async () => {
    const findings = run([await readTokenWorkflow(CICD, fixtureWorkflow('ranger-ims-go-cicd.yml'))]);
    const staging = findings.filter((f) => f.subject.includes('deploy-staging'));
    expect(staging.map((f) => [f.class, f.subject])).toEqual([
      ['github-token-needs-unknown', 'job `deploy-staging` (.github/workflows/cicd.yml)'],
    ]);
  });

  it("the same job guarded by a condition a pull request can meet: its credentials step's token on the fork run is the prediction's to report, not counted twice", async () => {
    const loose = (t: string) =>
      t.replace("if: ${{ github.ref == 'refs/heads/master' }}", "if: ${{ github.ref != 'refs/heads/dev' }}");
    const text = loose(fixtureWorkflow('ranger-ims-go-cicd.yml'));
    expect(text).toContain("github.ref != 'refs/heads/dev'");
    const findings = run([await readTokenWorkflow(CICD, text)]);
    // A fork's pull request gets no OIDC token; the deploy job's prediction reports it (fork-pull-request-deploy).
    expect(
      findings.filter(
        (f) =>
          f.subject === 'job `deploy-staging` (.github/workflows/cicd.yml, on a pull request from a fork)' &&
          f.evidence.scope === 'id-token',
      ),
    ).toEqual([]);
  });
});

describe("GitHub's starter ECS workflow (actions/starter-workflows deployments/aws.yml)", () => {
  const ECS = '.github/workflows/aws.yml';
  it('as published: contents: read covers checkout, and the aws-actions steps take no GitHub token (their action.yml)', async () => {
    const findings = run([await readTokenWorkflow(ECS, fixtureWorkflow('starter-aws-ecs.yml'))]);
    expect(summary(findings)).toEqual([['ok', 'pass', '']]);
    expect(findings[0]?.message).toContain("the workflow's `permissions:` (.github/workflows/aws.yml line 45)");
  });
});
