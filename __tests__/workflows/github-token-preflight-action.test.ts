// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ ... }}` here is GitHub Actions expression syntax, not JS.
/**
 * This action's own step in a workflow: the README's zero-configuration workflow (README.md, "Zero configuration:
 * every deploy job, from its workflow") and the example's (examples/site/.github/workflows/deploy.yml) must be able to pass their own GitHub
 * token check. The action needs `actions: read` of its token (src/workflows/github-token/actions-table.ts
 * `PREFLIGHT_ROW`), under its published name or, as it runs, the name the runner gives it in
 * `GITHUB_ACTION_REPOSITORY` (https://docs.github.com/en/actions/reference/workflows-and-actions/variables#default-environment-variables).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkGitHubTokens } from '../../src/pipeline/github-token.js';
import { readWorkflowModel } from '../../src/workflows/index.js';
import { readTokenWorkflow, runTokenCheck } from '../fixtures/github-token-workflow.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NOW = Date.parse('2026-12-08T04:00:00Z') / 1000;

/** The README's workflow that runs the preflight with no configuration: its first `name: preflight` YAML block. */
function readmeWorkflow(): string {
  const readme = readFileSync(`${ROOT}README.md`, 'utf8');
  const block = /```yaml\n(name: preflight\n[\s\S]*?)```/.exec(readme)?.[1];
  if (block === undefined || !block.includes('permission-preflight/permission-preflight@')) {
    throw new Error('README.md has no zero-configuration workflow');
  }
  return block;
}

const classes = (fs: readonly { class: string; status: string }[]) => fs.map((f) => `${f.class} ${f.status}`);

describe("the preflight's own step", () => {
  it("the README's zero-configuration workflow passes its token check", async () => {
    const findings = runTokenCheck([await readTokenWorkflow('.github/workflows/preflight.yml', readmeWorkflow())], {
      defaultPermissions: 'restricted',
    });
    expect(classes(findings)).toEqual(['ok pass']);
  });

  it('with `workflows: true` and without `actions: read`, it is missing, by name, with the scope to add', async () => {
    const text = readmeWorkflow()
      .replace(/^ {2}actions: read.*\n/m, '')
      .replace(/( {8}with:\n)/, '$1          workflows: true\n');
    expect(text).not.toContain('actions: read');
    const findings = runTokenCheck([await readTokenWorkflow('.github/workflows/preflight.yml', text)], {});
    expect(classes(findings)).toEqual(['github-token-scope-missing fail']);
    expect(findings[0]?.evidence.scope).toBe('actions');
  });

  it('where the configuration file decides (no `config`, `role-to-assume` or `workflows` input), no need is taken: the file is not read here, and the action reports what it could not read itself', async () => {
    const text = readmeWorkflow().replace(/^ {2}actions: read.*\n/m, '');
    const findings = runTokenCheck([await readTokenWorkflow('.github/workflows/preflight.yml', text)], {});
    expect(classes(findings)).toEqual(['ok pass']);
  });

  it.each([
    ['config: .github/preflight.yml', []],
    ['role-to-assume: arn:aws:iam::111122223333:role/deploy', []],
    ['workflows: false', []],
    ['config: .github/preflight.yml\n          workflows: true', ['actions']],
    ['mode: explain\n          config: .github/preflight.yml', ['actions']],
    ['config: .github/preflight.yml\n          baseline: artifact', ['actions']],
    [
      'config: .github/preflight.yml\n          baseline: artifact\n          baseline-token: ${{ secrets.BASELINE }}',
      [],
    ],
  ])('with `%s` it needs %j (README.md, "Permissions for each mode")', async (inputs, scopes) => {
    const text = readmeWorkflow()
      .replace(/^ {2}actions: read.*\n/m, '')
      .replace(/( {8}with:\n)(?: {10}.*\n)+/, `$1          ${inputs}\n`);
    expect(text).toContain(inputs.split('\n')[0]);
    const findings = runTokenCheck([await readTokenWorkflow('.github/workflows/preflight.yml', text)], {});
    expect(findings.filter((f) => f.class === 'github-token-scope-missing').map((f) => f.evidence.scope)).toEqual(
      scopes,
    );
    expect(findings.filter((f) => f.class === 'github-token-needs-unknown')).toEqual([]);
  });

  it("the example's deploy workflow passes too", async () => {
    const text = readFileSync(`${ROOT}examples/site/.github/workflows/deploy.yml`, 'utf8');
    const findings = runTokenCheck([await readTokenWorkflow('.github/workflows/deploy.yml', text)], {});
    expect(classes(findings)).toEqual(['ok pass', 'ok pass']);
  });

  it('published under another name, it is known by the name the runner gives the running action', async () => {
    const text = readmeWorkflow().replaceAll('permission-preflight/permission-preflight@', 'Acme/preflight@');
    const model = await readWorkflowModel({
      workflowPaths: ['.github/workflows/preflight.yml'],
      read: () => text,
      repository: 'acme/site',
    });
    const check = (env: Record<string, string>) =>
      checkGitHubTokens(model, { env, mask: () => {}, now: () => NOW, config: { defaultTokenPermissions: 'read' } });
    expect(classes(await check({ GITHUB_ACTION_REPOSITORY: 'acme/preflight' }))).toEqual(['ok pass']);
    // Any other action stays unknown: a step is this action only when the runner says so.
    expect(classes(await check({ GITHUB_ACTION_REPOSITORY: 'acme/other' }))).toContain(
      'github-token-needs-unknown unverified',
    );
  });
});
