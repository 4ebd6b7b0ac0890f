/**
 * Smoke tests of the committed bundle: the few runs that spawn dist/index.js and dist/cli.js as the runner and a
 * person start them, to prove the bundle itself works (its entry points, the lazy chunks, the stubbed
 * @actions/http-client of scripts/build.mjs, the CLI's exit). Every scenario runs in process elsewhere (harness.ts,
 * ../fixtures/cli.ts); these repeat one of each kind. They test the committed dist/, not src/: .ci/run rebuilds and
 * fails first when dist/ is stale (rebuild with `npm run build`).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoJwks, githubClaims, mintDemoToken, SITE, serveDemoJwks } from '../cli/check-world.js';
import { type OidcIssuer, startOidcIssuer } from '../fixtures/oidc-issuer.js';
import { ACTION, CLI, ROOT, spawnCli, spawnNode, spawnProcess } from '../fixtures/processes.js';
import { stepFiles } from '../fixtures/step-files.js';
import { summaryText } from '../fixtures/summary-markup.js';
import { removeTempDirs, tempDir, writeFile } from '../fixtures/temp-files.js';
import { play, withoutSdkNodeWarning } from './aws-play.js';
import { AWS_SCENARIOS } from './aws-scenarios.js';
import { actionDefaults, asLogged, escapeProperty, expectV1Report, spawnAction } from './harness.js';
import { maskedSecrets } from './leaks.js';
import { createWorld, SCENARIOS } from './token-scenarios.js';

const STACK_FRAME = /^\s+at .+[(:]/m;

let issuer: OidcIssuer;
beforeAll(async () => {
  for (const file of [ACTION, CLI]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` (dist/ is committed)`);
  }
  issuer = await startOidcIssuer();
});
afterAll(async () => {
  await issuer.close();
  removeTempDirs();
});

describe('dist/index.js', () => {
  it('fails closed with no runner at all: exit 1, the id-token finding, no stack trace', async () => {
    const files = stepFiles(tempDir());
    const run = await spawnNode(ACTION, [], { env: files.env });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('::error title=GitHub OIDC token%3A missing-id-token-permission (runner)::');
    expect(files.read().outputs).toEqual({ result: 'fail', findings: '1', report: '' });
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toMatch(STACK_FRAME);
  });

  it("passes a GitHub token from the loopback Actions token endpoint (the runner's protocol)", async () => {
    const scenario = SCENARIOS.find((s) => s.name === 'GitHub token: passes');
    if (!scenario) throw new Error('scenario missing');
    const world = createWorld(issuer);
    try {
      const prepared = await scenario.prepare(world);
      const run = await spawnAction({ ...actionDefaults(), ...prepared.inputs }, prepared.env);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.outputs).toMatchObject({ result: 'pass', findings: '0' });
      expectV1Report(run.report);
      expect(run.report.findings.map((f) => [f.decisionPoint, f.class, f.status])).toEqual(scenario.expected.findings);
      // The token it was issued was handed to the runner's masking.
      const [issued] = world.tokens();
      expect(issued && maskedSecrets(run.stdout).has(issued.token)).toBe(true);
    } finally {
      await world.close();
    }
  });

  it("finds an AWS denial, with its annotation and the summary's fix", async () => {
    const scenario = AWS_SCENARIOS.find((s) => s.expected.findings.some(([, cls]) => cls === 'explicit-deny'));
    if (!scenario) throw new Error('no AWS scenario with an explicit deny');
    const { run } = await play(issuer, scenario, 'enforce', spawnAction);
    expect(withoutSdkNodeWarning(run.stderr)).toBe('');
    expect(run.status).toBe(1);
    expect(run.outputs.result).toBe('fail');
    expectV1Report(run.report);
    expect(run.report.findings.map((f) => [f.decisionPoint, f.class, f.status])).toEqual(scenario.expected.findings);
    const denial = run.report.findings.find((f) => f.class === 'explicit-deny');
    if (!denial) throw new Error('no explicit deny in the report');
    expect(run.stdout).toContain(
      `::error title=${escapeProperty(asLogged(`${denial.subject}: explicit-deny (${denial.decisionPoint})`))}`,
    );
    expect(summaryText(run.summary)).toContain((denial.fix ?? '').split('\n')[0]);
    expect(run.stdout).not.toMatch(STACK_FRAME);
  });
});

describe('dist/cli.js', () => {
  let jwks: DemoJwks;
  beforeAll(async () => {
    jwks = await serveDemoJwks();
  });
  afterAll(() => jwks.close());

  it('prints the usage with --help and exits 0', async () => {
    const run = await spawnCli(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: permission-preflight <command>/);
    expect(run.stdout).toMatch(/^ {2}check {6}Run the action's whole preflight/m);
  });

  it("check finds the embedded example's one denial and exits 1", async () => {
    const token = await mintDemoToken(githubClaims());
    const tokenFile = writeFile(tempDir(), 'github-oidc.jwt', `${token}\n`);
    const args = ['check', '--oidc-token-file', tokenFile, '--oidc-jwks-url', jwks.url, '--format', 'json'];
    const run = await spawnCli(args, { cwd: SITE });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expectV1Report(report);
    expect(report.findings.filter((f) => f.status !== 'pass').map((f) => [f.decisionPoint, f.class])).toEqual([
      ['scp', 'explicit-deny'],
    ]);
    expect(run.stdout).not.toContain(token.split('.')[2]);
  });

  it("decides the README's simulate example", async () => {
    const run = await spawnCli(['simulate', '--input', 'examples/simulate/deploy.json', '--format', 'text'], {
      cwd: ROOT,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('EXPLICIT-DENY (scp level 1)');
  });

  it('runs as `npx permission-preflight check` (the package bin)', async () => {
    const npmExec = ['exec', '--offline', '--', 'permission-preflight', 'check', '--help'];
    const run = await spawnProcess('npm', npmExec, { cwd: SITE });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: permission-preflight check');
    expect(path.relative(ROOT, CLI)).toMatch(/^dist[\\/]cli\.js$/);
  });
});
