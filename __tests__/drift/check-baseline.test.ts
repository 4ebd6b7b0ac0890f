/**
 * `permission-preflight check --baseline FILE` in process (`main(argv, io)`, ../fixtures/cli.ts) on the embedded
 * example (examples/site/): the example with its SCP fixed passes and records the baseline; the example as shipped,
 * whose SCP's region guardrail denies cloudfront:CreateInvalidation, fails, and the denial is classified against
 * that record: the SCP's statement that changed is named, with its diff.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/model.js';
import { copyExample, type DemoJwks, githubClaims, leaks, mintDemoToken, serveDemoJwks } from '../cli/check-world.js';
import { runCli } from '../fixtures/cli.js';
import { removeTempDirs, tempDir, writeFile } from '../fixtures/temp-files.js';
import { validateBaseline } from './baseline-schema.js';

const SCP = 'aws/org/1-ou-7k2d-q8mz3vbn/p-4x9r2m7kqa.json';
const BASELINE = 'preflight/baseline.json';

let jwks: DemoJwks;
let token: string;
let tokenFile: string;

beforeAll(async () => {
  jwks = await serveDemoJwks();
  token = await mintDemoToken(githubClaims());
  tokenFile = writeFile(tempDir(), 'github-oidc.jwt', `${token}\n`);
});
afterAll(async () => {
  await jwks.close();
  removeTempDirs();
});

const check = (cwd: string, ...more: string[]) =>
  runCli(
    [
      'check',
      '--oidc-token-file',
      tokenFile,
      '--oidc-jwks-url',
      jwks.url,
      '--format',
      'json',
      '--baseline',
      BASELINE,
      ...more,
    ],
    { cwd },
  );

describe('check --baseline', () => {
  it('records a passing run, and classifies the next failure against it, naming the SCP statement that changed', async () => {
    const fixed = copyExample((read) => ({
      [SCP]: read(SCP).replace('\\"NotAction\\": [\\n', '\\"NotAction\\": [\\n                \\"cloudfront:*\\",\\n'),
    }));
    const passing = await check(fixed);
    expect(passing.status).toBe(0);
    expect(passing.stderr).toContain(`baseline: none yet at ${BASELINE}`);
    expect(passing.stderr).toContain(`baseline: this passing run recorded to ${BASELINE}`);
    const recorded = readFileSync(path.join(fixed, BASELINE), 'utf8');
    expect(leaks(recorded, token)).toBe(false);
    expect(validateBaseline(JSON.parse(recorded))).toEqual([]);

    const shipped = copyExample();
    mkdirSync(path.join(shipped, path.dirname(BASELINE)), { recursive: true });
    copyFileSync(path.join(fixed, BASELINE), path.join(shipped, BASELINE));
    const failing = await check(shipped);
    expect(failing.status).toBe(1);
    const report = JSON.parse(failing.stdout) as Report;
    const denial = report.findings.find((f) => f.status !== 'pass');
    expect(denial).toMatchObject({ decisionPoint: 'scp', class: 'explicit-deny' });
    expect(denial?.evidence.drift).toBe('entitlement-removed');
    const changes = denial?.evidence.driftChanges as string[];
    expect(changes[0]).toMatch(/^policy \S+ \[scp\] changed \(aws\/org\/1-ou-7k2d-q8mz3vbn\/p-4x9r2m7kqa\.json:\d+\)$/);
    expect(changes[1]).toMatch(
      /^ {2}~ changed statement \d+ \(Sid "DenyOutsideEU"\): NotAction: \[.*"cloudfront:\*".*\] → \[/,
    );
    // The failing run leaves the record of the last success as it was.
    expect(readFileSync(path.join(shipped, BASELINE), 'utf8')).toBe(recorded);
  });

  it('refuses --baseline artifact outside a workflow run (exit 2)', async () => {
    const run = await check(copyExample(), '--baseline', 'artifact');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--baseline takes a file or off');
    expect(existsSync(path.join(tempDir(), BASELINE))).toBe(false);
  });
});
