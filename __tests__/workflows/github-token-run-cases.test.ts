// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ ... }}` here is GitHub Actions expression syntax, not JS.
/**
 * The github-token check on the runs a workflow alone does not decide, each over a real workflow (its source on the
 * first line of its fixture, ../fixtures/github-token/workflows/): actions/checkout on a public, private or internal
 * repository (TheKnarf's Pages workflow, theknarf-pages-checkout.yml); a run Dependabot triggers (GitHub's own
 * Dependabot auto-merge workflow); an action that uses the job's token by default (release-please-action's README
 * workflow); jobs of called workflows (README snippets of softprops/action-gh-release, peter-evans/create-pull-request
 * and actions/deploy-pages, called from one workflow).
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import { readRunnerFacts } from '../../src/sources/runner.js';
import {
  fixtureWorkflow,
  readTokenWorkflow,
  readTokenWorkflows,
  runTokenCheck,
} from '../fixtures/github-token-workflow.js';
import { removeTempDirs, tempDir, writeFile } from '../fixtures/temp-files.js';

afterAll(removeTempDirs);

const run = runTokenCheck;
const summary = (fs: Finding[]) => fs.map((f) => [f.class, f.status, f.evidence.scope ?? '']);

describe("actions/checkout and the repository visibility (TheKnarf's Pages workflow)", () => {
  // The job names pages and id-token only: `contents: none`.
  const pages = () => readTokenWorkflow('.github/workflows/pages.yml', fixtureWorkflow('theknarf-pages-checkout.yml'));

  it('public: the checkout is met without contents: read (anyone may fetch the repository), and the job passes', async () => {
    const findings = run([await pages()], { visibility: 'public' });
    expect(summary(findings)).toEqual([['ok', 'pass', '']]);
    expect(findings[0]?.message).toContain('`actions/checkout` fetches the public repository without `contents: read`');
    // configure-pages' `pages: read` is held by deploy-pages' `pages: write`: each scope once, at its highest level.
    expect(findings[0]?.evidence.needs).toEqual(['contents: read', 'pages: write', 'id-token: write']);
  });

  it('private or internal: git answers "Repository not found" (404), not a 403', async () => {
    for (const visibility of ['private', 'internal'] as const) {
      const findings = run([await pages()], { visibility });
      expect(summary(findings)).toEqual([['github-token-scope-missing', 'fail', 'contents']]);
      expect(findings[0]?.wouldReturn).toBe(404);
      expect(findings[0]?.message).toContain(`"Repository not found" (404), the repository being ${visibility}`);
      expect(findings[0]?.fix).toContain('`permissions: { contents: read, id-token: write, pages: write }`');
    }
  });

  it('not known: unverified, with how to say it, never "would be refused"', async () => {
    const findings = run([await pages()]);
    expect(summary(findings)).toEqual([['github-token-visibility-unknown', 'unverified', 'contents']]);
    expect(findings[0]?.message).not.toContain('Would be refused');
    expect(findings[0]?.fix).toContain('`github.repository-visibility`');
  });

  it("the action reads the visibility from the event payload's repository.visibility, else repository.private", async () => {
    const dir = tempDir();
    const facts = async (repository: object) =>
      readRunnerFacts({
        GITHUB_EVENT_NAME: 'push',
        GITHUB_EVENT_PATH: writeFile(dir, `${Object.keys(repository).join('-')}.json`, JSON.stringify({ repository })),
      });
    expect((await facts({ private: false, visibility: 'public' })).repositoryVisibility).toBe('public');
    expect((await facts({ visibility: 'internal' })).repositoryVisibility).toBe('internal');
    expect((await facts({ private: false })).repositoryVisibility).toBe('public');
    expect((await facts({ private: true })).repositoryVisibility).toBe('private');
    expect((await facts({ name: 'site' })).repositoryVisibility).toBeUndefined();
  });
});

describe("Dependabot's runs (GitHub Docs' Dependabot auto-merge workflow)", () => {
  const automerge = (edit: (t: string) => string = (t) => t) =>
    readTokenWorkflow(
      '.github/workflows/auto-merge.yml',
      edit(fixtureWorkflow('github-docs-dependabot-automerge.yml')),
    );
  const dependabot = { run: { event: 'pull_request', fromFork: false, dependabot: true } };

  it('as published: its `permissions:` raise the read-only default, so gh pr merge --auto has what it needs', async () => {
    const findings = run([await automerge()], {}, dependabot);
    expect(summary(findings)).toEqual([['ok', 'pass', '']]);
    expect(findings[0]?.evidence.needs).toEqual(['contents: write', 'pull-requests: write']);
  });

  it('without `permissions:`, the default is read-only, and the fix is a permissions block (not a fork rule)', async () => {
    const findings = run(
      [await automerge((t) => t.replace(/^permissions:\n(?: {2}.*\n)+/m, ''))],
      { defaultPermissions: 'permissive' },
      dependabot,
    );
    expect(summary(findings)).toEqual([
      ['github-token-scope-missing', 'fail', 'contents'],
      ['github-token-scope-missing', 'fail', 'pull-requests'],
    ]);
    expect(findings[0]?.message).toContain('read-only: Dependabot triggered the run');
    expect(findings[0]?.fix).toContain(
      '`permissions: { contents: write, pull-requests: write }` under `jobs.dependabot`',
    );
  });
});

describe("an action that uses the job's token by default (release-please-action's README workflow, narrowed)", () => {
  const RELEASE = '.github/workflows/release-please.yml';
  const release = (edit: (t: string) => string = (t) => t) =>
    readTokenWorkflow(RELEASE, edit(fixtureWorkflow('release-please-contents-read.yml')));

  it("release-please given no token still uses the job's: contents: write and pull-requests: write are missing", async () => {
    const findings = run([await release()], { visibility: 'public' });
    expect(summary(findings)).toEqual([
      ['github-token-scope-missing', 'fail', 'contents'],
      ['github-token-scope-missing', 'fail', 'pull-requests'],
    ]);
    expect(findings[0]?.fix).toContain('`permissions: { contents: write, pull-requests: write }`');
    expect(findings[0]?.docUrl).toBe('https://github.com/googleapis/release-please-action#workflow-permissions');
  });

  const other = (t: string) => t.replace('googleapis/release-please-action@v4', 'acme/release-bot@v1');

  it('an action the table does not know, given no token, under a permissions block: unverified, not a pass', async () => {
    const findings = run([await release(other)], { visibility: 'public' });
    expect(summary(findings)).toEqual([['github-token-needs-unknown', 'unverified', '']]);
    expect(findings[0]?.evidence.actions).toEqual(['acme/release-bot']);
    // The configuration covers it by saying what the job needs; `{}` says: nothing more.
    expect(summary(run([await release(other)], { visibility: 'public', jobNeeds: { 'release-please': [] } }))).toEqual([
      ['ok', 'pass', ''],
    ]);
  });

  it('on the default grant (no permissions block) such an action is not listed; given the token, it always is', async () => {
    const noBlock = (t: string) => other(t).replace(/^permissions:\n(?: {2}.*\n)+/m, '');
    expect(summary(run([await release(noBlock)], { visibility: 'public', defaultPermissions: 'restricted' }))).toEqual([
      ['ok', 'pass', ''],
    ]);
    const given = (t: string) =>
      noBlock(t).replace('release-type: simple', 'release-type: simple\n          token: ${{ secrets.GITHUB_TOKEN }}');
    const findings = run([await release(given)], { visibility: 'public', defaultPermissions: 'restricted' });
    expect(summary(findings)).toEqual([['github-token-needs-unknown', 'unverified', '']]);
    expect(findings[0]?.message).toContain('given a token as `token`');
  });
});

describe('jobs of called workflows: the fix is in the caller (reusing workflows, access and permissions)', () => {
  const DIR = 'reusable-readme-snippets';
  const read = () =>
    readTokenWorkflows(
      Object.fromEntries(
        ['release', 'publish', 'pages'].map((f) => [`.github/workflows/${f}.yml`, fixtureWorkflow(`${DIR}/${f}.yml`)]),
      ),
    );

  it("a called job without permissions: the missing scope is granted in the calling job, in the caller's file", async () => {
    const findings = run(await read(), { visibility: 'public' });
    const bump = findings.filter((f) => f.evidence.job === 'bump');
    expect(summary(bump)).toEqual([['github-token-scope-missing', 'fail', 'pull-requests']]);
    expect(bump[0]?.fix).toContain(
      'Grant it in the calling job: add `permissions: { contents: write, pull-requests: write }` under `jobs.publish` in .github/workflows/release.yml',
    );
    expect(bump[0]?.fix).not.toContain('under `jobs.bump`');
  });

  it('a called workflow asking above its caller: GitHub does not start the run, one finding, fixed in the caller', async () => {
    const findings = run(await read(), { visibility: 'public' });
    const deploy = findings.filter((f) => f.evidence.job === 'deploy');
    expect(summary(deploy)).toEqual([['github-token-caller-grant-exceeded', 'fail', '']]);
    expect(deploy[0]?.evidence.scopes).toEqual(['id-token', 'pages']);
    expect(deploy[0]?.fix).toContain(
      'add `permissions: { contents: read, id-token: write, pages: write }` under `jobs.pages` in .github/workflows/release.yml',
    );
  });
});

describe("codeql-action's SARIF upload on a private repository (GitHub's starter trivy.yml without `actions: read`)", () => {
  // GitHub's SARIF upload example: `actions: read` is "only required for workflows in private repositories".
  const trivy = () =>
    readTokenWorkflow('.github/workflows/trivy.yml', fixtureWorkflow('starter-trivy-no-actions-read.yml'));

  it('private: refused for actions: read; public: passes, saying why; not known: unverified', async () => {
    const priv = run([await trivy()], { visibility: 'private' });
    expect(summary(priv)).toEqual([['github-token-scope-missing', 'fail', 'actions']]);
    expect(priv[0]?.fix).toContain('actions: read');
    const pub = run([await trivy()], { visibility: 'public' });
    expect(summary(pub)).toEqual([['ok', 'pass', '']]);
    expect(pub[0]?.message).toContain('needs `actions: read` only on a private or internal repository');
    expect(summary(run([await trivy()]))).toEqual([['github-token-visibility-unknown', 'unverified', 'actions']]);
  });
});

describe('peter-evans/create-or-update-comment on an issue, with `issues: write` only', () => {
  it('passes: an issue comment takes Issues write or Pull requests write (REST "Create an issue comment")', async () => {
    const wf = await readTokenWorkflow(
      '.github/workflows/comment.yml',
      fixtureWorkflow('create-or-update-comment-issue.yml'),
    );
    const findings = run([wf], { visibility: 'public' });
    expect(summary(findings)).toEqual([['ok', 'pass', '']]);
    expect(findings[0]?.evidence.needs).toEqual(['issues: write']);
  });
});

describe("GitHub Docs' Dependabot auto-merge workflow, without a run to go by (the CLI)", () => {
  // Its `github.repository == 'owner/my_repo'` names the repository the test reads it as.
  const automerge = () =>
    readTokenWorkflow(
      '.github/workflows/auto-merge.yml',
      fixtureWorkflow('github-docs-dependabot-automerge.yml').replace("'owner/my_repo'", "'acme/site'"),
    );

  it("the fork case of `if: …user.login == 'dependabot[bot]'` is unverified, not a certain refusal", async () => {
    const findings = run([await automerge()], { visibility: 'public' });
    expect(summary(findings)).toEqual([
      ['ok', 'pass', ''],
      ['github-token-scope-missing', 'unverified', 'contents'],
      ['github-token-scope-missing', 'unverified', 'pull-requests'],
    ]);
    expect(findings[1]?.message).toContain('Cannot tell whether the job runs on a pull request from a fork');
    expect(findings[1]?.wouldReturn).toBeUndefined();
  });
});
