/**
 * A finding's id is the tool's key (the baseline matches findings by it, src/pipeline/drift.ts): it is never cut as
 * the quoted text of a finding is, and a secret shape a workflow puts into it (a job id that is a token) is hashed
 * (src/text/secret-shapes.ts `hashIdSecrets`). The workflow is smithy-lang/smithy-rs's .github/workflows/ci-pr.yml
 * and the workflows it calls (bench/workflows/smithy-lang__smithy-rs, each one's source in its first line), whose job `save-docker-login-token` names
 * a token.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { hashIdSecrets } from '../../src/text/secret-shapes.js';
import { runCli } from '../fixtures/cli.js';
import { removeTempDirs, tempDir } from '../fixtures/temp-files.js';

const WORKFLOWS = fileURLToPath(
  new URL('../../bench/workflows/smithy-lang__smithy-rs/.github/workflows/', import.meta.url),
);
afterAll(removeTempDirs);

function repository(edit: (text: string) => string = (t) => t): string {
  const root = tempDir();
  mkdirSync(path.join(root, '.github/workflows'), { recursive: true });
  for (const name of readdirSync(WORKFLOWS)) {
    const target = path.join(root, '.github/workflows', name);
    copyFileSync(path.join(WORKFLOWS, name), target);
    writeFileSync(target, edit(readFileSync(target, 'utf8')));
  }
  return root;
}

interface Shown {
  readonly id: string;
  readonly subject: string;
  readonly message: string;
}

async function predict(root: string): Promise<Shown[]> {
  const r = await runCli(['predict', '--repository', 'smithy-lang/smithy-rs', '--format', 'json'], { cwd: root });
  return JSON.parse(r.stdout).findings as Shown[];
}

describe("predict: a finding's id", () => {
  it('keeps every word of the workflow and the tool, so that the ids stay distinct', async () => {
    const findings = await predict(repository());
    const ids = findings.map((f) => f.id);
    expect(ids.length).toBeGreaterThan(1);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id.includes('***'))).toEqual([]);
    expect(ids).toContain('github-token:.github/workflows/ci-pr.yml:save-docker-login-token:unknown-actions');
    expect(ids).toContain('predict:.github/workflows/ci-pr.yml:save-docker-login-token:step-1:9:role');
    // The tool's own words after `github-token` in a subject or message are not a value to cut.
    for (const f of findings) expect(`${f.subject} ${f.message}`).not.toMatch(/github-token:\s*\*\*\*/);
  });

  it('carries no token a job id is, hashed as the same token always is', async () => {
    const token = 'ghp_0123456789abcdefghijABCDEFGHIJ012345';
    const edit = (t: string) => t.replaceAll('save-docker-login-token', token);
    const findings = await predict(repository(edit));
    expect(JSON.stringify(findings)).not.toContain(token);
    const ids = findings.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    const hashed = hashIdSecrets(`predict:.github/workflows/ci-pr.yml:${token}:step-1:9:role`);
    expect(hashed).toMatch(/^predict:\.github\/workflows\/ci-pr\.yml:sha256:[0-9a-f]{12}:step-1:9:role$/);
    expect(ids).toContain(hashed);
  });
});
