/**
 * The `github-tokens` input takes secret names (`SECRET` or `SECRET=VARIABLE`), never a token: a value shaped like one
 * of GitHub's tokens is refused without being quoted, and an entry that names no secret a step takes a GitHub token
 * from is noted in the report. The workflow is PenPow/Sentry's release workflow
 * (../fixtures/github-token/workflows/penpow-sentry-cd.yml, its source in its first line).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildConfig } from '../../src/config/build.js';
import { describeConfigError } from '../../src/config/file-errors.js';
import { actionDefaults, runAction } from '../e2e/harness.js';
import { removeTempDirs, tempDir } from '../fixtures/temp-files.js';

afterAll(removeTempDirs);

/** Made up, in each of GitHub's token formats. */
const SHAPED = [
  `ghp_${'A1b2C3d4E5'.repeat(3)}abcdef`,
  `github_pat_11ABCDEFG0${'x'.repeat(70)}`,
  `ghs_${'Z9y8X7w6V5'.repeat(3)}uvwxyz`,
  `gho_${'k'.repeat(36)}`,
  `ghu_${'m'.repeat(36)}`,
  `ghr_${'n'.repeat(36)}`,
];

const build = (input: string) => buildConfig((name) => (name === 'github-tokens' ? input : ''), undefined);

describe('the github-tokens input', () => {
  it.each(SHAPED)('refuses a token itself, without printing it (%#)', (token) => {
    for (const input of [token, `RELEASE_PAT, BOT=${token}`]) {
      const built = build(input);
      expect(built.ok).toBe(false);
      if (built.ok) continue;
      const said = built.errors.map(describeConfigError).join('\n');
      expect(said).toContain('input github-tokens');
      expect(said).toContain('looks like a GitHub token itself (not shown)');
      expect(said).not.toContain(token);
      expect(said).not.toContain(token.slice(4, 14));
    }
  });

  it('takes secret names, a name that only starts like a token included', () => {
    const built = build('RELEASE_PAT, BOT=BOT_TOKEN\nghp_short');
    expect(built.ok).toBe(true);
  });

  it('notes an entry that names no secret a step takes a GitHub token from', async () => {
    const ws = tempDir();
    mkdirSync(path.join(ws, '.github/workflows'), { recursive: true });
    copyFileSync(
      fileURLToPath(new URL('../fixtures/github-token/workflows/penpow-sentry-cd.yml', import.meta.url)),
      path.join(ws, '.github/workflows/CD.yml'),
    );
    const inputs = { ...actionDefaults(), 'github-token': '', 'github-tokens': 'RELEASE_PAT' };
    const run = await runAction(inputs, {
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: ws,
      GITHUB_REPOSITORY: 'PenPow/Sentry',
    });
    const note = run.report?.findings.find((f) => f.id === 'github-tokens:unused:RELEASE_PAT');
    expect(note).toMatchObject({ decisionPoint: 'github-token', status: 'pass' });
    expect(note?.message).toContain(
      'names the secret RELEASE_PAT, which no step of the workflows takes a GitHub token from',
    );
  });
});
