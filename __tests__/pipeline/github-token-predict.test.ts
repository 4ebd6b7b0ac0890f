/**
 * The prediction over a workflow GitHub refuses for a misspelt `permissions:` scope: GitHub Docs' Dependabot
 * auto-merge workflow (../fixtures/github-token/workflows/github-docs-dependabot-automerge.yml) with
 * `pull-requests: write` written `pull-request: write`. The finding names the scope meant (docs/github-token.md).
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { predictWorkflows } from '../../src/pipeline/workflows.js';
import { loadCatalog } from '../../src/sources/catalog.js';
import { removeTempDirs, tempDir, writeFile } from '../fixtures/temp-files.js';

afterAll(removeTempDirs);

const AUTOMERGE = readFileSync(
  new URL('../fixtures/github-token/workflows/github-docs-dependabot-automerge.yml', import.meta.url),
  'utf8',
);

describe('a misspelt permissions scope', () => {
  it('`pull-request: write` is refused by the parser, and the finding says "did you mean `pull-requests`?"', async () => {
    const root = tempDir();
    writeFile(
      root,
      '.github/workflows/auto-merge.yml',
      AUTOMERGE.replace('pull-requests: write', 'pull-request: write'),
    );
    const result = await predictWorkflows({
      root,
      repository: {
        owner: 'owner',
        name: 'my_repo',
        defaultBranch: 'main',
        immutableSubject: false,
        subjectTemplate: { keys: 'default', source: 'config' },
      },
      policyFiles: [],
      loadCatalog,
    });
    const refused = result.findings.filter((f) => f.message.includes("Unexpected value 'pull-request'"));
    expect(refused).toHaveLength(1);
    expect(refused[0]?.message).toContain('did you mean `pull-requests`?');
    expect(refused[0]?.fix).toContain('Did you mean `pull-requests`?');
  });
});
