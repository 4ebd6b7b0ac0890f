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
    const findings = runTokenCheck([wf], { defaultPermissions: 'read', visibility: 'public' });
    expect(summary(findings)).toEqual([['github-token-needs-unknown', 'unverified', 'npx semantic-release']]);
    expect(findings[0]?.message).toContain("given the token in the step's `env:` as `GITHUB_TOKEN`");
  });

  it("changesets/action's README workflow: the action given env GITHUB_TOKEN is unknown on the default grant", async () => {
    const wf = await readTokenWorkflow('.github/workflows/release.yml', fixtureWorkflow('changesets-readme.yml'));
    const findings = runTokenCheck([wf], { defaultPermissions: 'read', visibility: 'public' });
    expect(summary(findings)).toEqual([['github-token-needs-unknown', 'unverified', 'changesets/action']]);
  });
});
