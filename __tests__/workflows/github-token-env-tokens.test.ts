// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ ... }}` here is GitHub Actions expression syntax, not JS.
/**
 * A step given the job's token through its environment (`env: GITHUB_TOKEN`, `GH_TOKEN`) for a program or an action
 * the tables do not know is listed as unknown, never passed (docs/github-token.md, "What the steps need"); a token
 * set in the job's `env:` reaches its steps as the workflow's does. Real workflows, their source on the first line of
 * each fixture (../fixtures/github-token/workflows/).
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import { fixtureWorkflow, readTokenWorkflow, runTokenCheck } from '../fixtures/github-token-workflow.js';

const summary = (fs: Finding[]) => fs.map((f) => [f.class, f.status, f.evidence.what ?? f.evidence.scope ?? '']);

describe('a token handed to a step in its env:', () => {
  it("semantic-release's documented workflow: `npx semantic-release` with env GITHUB_TOKEN is unknown, not a pass", async () => {
    const wf = await readTokenWorkflow('.github/workflows/release.yml', fixtureWorkflow('semantic-release-docs.yml'));
    const findings = runTokenCheck([wf], { defaultPermissions: 'restricted', visibility: 'public' });
    expect(summary(findings)).toEqual([['github-token-needs-unknown', 'unverified', 'npx semantic-release']]);
    expect(findings[0]?.message).toContain("given the token in the step's `env:` as `GITHUB_TOKEN`");
  });

  it("changesets/action's README workflow: the action given env GITHUB_TOKEN is unknown on the default grant", async () => {
    const wf = await readTokenWorkflow('.github/workflows/release.yml', fixtureWorkflow('changesets-readme.yml'));
    const findings = runTokenCheck([wf], { defaultPermissions: 'restricted', visibility: 'public' });
    expect(summary(findings)).toEqual([['github-token-needs-unknown', 'unverified', 'changesets/action']]);
  });
});

describe("a token in the job's env: (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#jobsjob_idenv)", () => {
  // ripgrep's create-release job with `GITHUB_TOKEN` moved from the step's `env:` to the job's, and the workflow's
  // `contents: write` lowered to `read`: gh reads the job's env as it would the step's.
  const ripgrep = () =>
    fixtureWorkflow('ripgrep-release.yml')
      .replace('  contents: write\n', '  contents: read\n')
      .replace(
        '    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n',
        '    runs-on: ubuntu-latest\n    env:\n      GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}\n    steps:\n      - uses: actions/checkout@v4\n',
      )
      .replace(
        '        env:\n          GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}\n        run: gh release create',
        '        run: gh release create',
      );

  it('gh release create with the job-level GITHUB_TOKEN is refused for contents: write', async () => {
    const text = ripgrep();
    expect(text).toContain('    env:\n      GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}\n    steps:');
    const wf = await readTokenWorkflow('.github/workflows/release.yml', text);
    const job = wf.jobs.filter((j) => j.id === 'create-release');
    const findings = runTokenCheck([{ ...wf, jobs: job }], { visibility: 'public' });
    expect(summary(findings)).toEqual([['github-token-scope-missing', 'fail', 'contents']]);
    expect(findings[0]?.evidence.steps).toEqual(['gh release create']);
  });
});
