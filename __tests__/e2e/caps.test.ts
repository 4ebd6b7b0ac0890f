/**
 * Bounded outputs: with thousands of findings the action writes at most MAX_ERROR_ANNOTATIONS error annotations
 * (the last counting the rest), a job summary under MAX_SUMMARY_BYTES of UTF-8 with its headline and a note naming
 * the JSON report, and the JSON report with every finding. Run in process as the runner runs it (harness.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ERROR_ANNOTATIONS } from '../../src/main.js';
import { MAX_SUMMARY_BYTES } from '../../src/report/summary.js';
import { type OidcIssuer, startOidcIssuer } from '../fixtures/oidc-issuer.js';
import { removeTempDirs, tempDir, writeFiles } from '../fixtures/temp-files.js';
import { runnerCommands } from '../fixtures/workflow-commands.js';
import { createAwsWorld, SITE_PERMISSIONS } from './aws-world.js';
import { actionDefaults, runAction } from './harness.js';

let issuer: OidcIssuer;
beforeAll(async () => {
  issuer = await startOidcIssuer();
});
afterAll(async () => {
  await issuer.close();
  removeTempDirs();
});

const MANY = 5000;

describe('thousands of findings', () => {
  it('caps the annotations and the summary, and keeps every finding in the report', async () => {
    const world = createAwsWorld(issuer);
    const denied = Array.from({ length: MANY }, (_, i) => `s3:PutObject arn:aws:s3:::nobody-grants-${i}/*`);
    const { inputs, env } = await world.deploy({
      inputs: { permissions: [...SITE_PERMISSIONS, ...denied].join('\n') },
    });
    const run = await runAction(inputs, env);
    await world.close();
    expect(run.status).toBe(1);
    expect(run.report?.counts.failed).toBeGreaterThanOrEqual(MANY);
    const errors = runnerCommands(run.stdout).filter((c) => c.name === 'error');
    expect(errors.length).toBeLessThanOrEqual(MAX_ERROR_ANNOTATIONS);
    expect(errors.some((e) => /and \d+ more/.test(e.line))).toBe(true);
    expect(Buffer.byteLength(run.summary, 'utf8')).toBeLessThan(MAX_SUMMARY_BYTES);
    expect(run.summary).toMatch(/### ❌ Preflight failed: \d+ of \d+ checks would fail/);
    expect(run.summary).toContain('not shown here');
    expect(run.summary).toContain(run.outputs.report);
    expect(run.outputs.findings).toBe(String(run.report?.counts.failed));
  }, 120_000);

  it('caps the annotations of an invalid configuration', async () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `        - s3:PutObject not-an-arn-${i}`);
    const workspace = writeFiles(tempDir(), {
      '.github/preflight.yml': `aws:\n  roles:\n    - role-to-assume: arn:aws:iam::111122223333:role/x\n      permissions:\n${lines.join('\n')}\n`,
    });
    const run = await runAction(actionDefaults(), { GITHUB_WORKSPACE: workspace });
    expect(run.status).toBe(1);
    const errors = runnerCommands(run.stdout).filter((c) => c.name === 'error');
    expect(errors.length).toBeLessThanOrEqual(MAX_ERROR_ANNOTATIONS);
    // The 8 annotated are named by their place only; 20 more are listed whole, and the rest counted.
    expect(errors.at(-1)?.line).toContain('and 1972 more');
    expect(run.stdout.length).toBeLessThan(50_000);
  });
});
