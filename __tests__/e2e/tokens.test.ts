/**
 * The token checks end to end: every token scenario (token-scenarios.ts) through the committed dist/index.js, run as the
 * runner runs it, against the loopback issuer, Actions token endpoint and introspection endpoint. Each asserts the
 * exit code, the outputs, the JSON report (v1, with each finding's decision point, class and status) and the
 * explanation and fix in the job summary.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OidcIssuer, startOidcIssuer } from '../fixtures/oidc-issuer.js';
import { removeTempDirs } from '../fixtures/temp-files.js';
import { type ActionRun, actionDefaults, expectV1Report, runAction } from './harness.js';
import { createWorld, type Prepared, SCENARIOS, type Scenario } from './token-scenarios.js';

let issuer: OidcIssuer;
const DEFAULTS = actionDefaults();

beforeAll(async () => {
  issuer = await startOidcIssuer();
});
afterAll(async () => {
  await issuer.close();
  removeTempDirs();
});

/** Prepares and runs one scenario with the runner's default inputs under its own; returns the run. */
async function play(scenario: Scenario, change: (p: Prepared) => Prepared = (p) => p): Promise<ActionRun> {
  const world = createWorld(issuer);
  try {
    const prepared = change(await scenario.prepare(world));
    const run = await runAction({ ...DEFAULTS, ...prepared.inputs }, prepared.env);
    prepared.check?.(run);
    return run;
  } finally {
    await world.close();
  }
}

describe('dist/index.js: token scenarios', () => {
  it.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
    const run = await play(scenario);
    const { expected } = scenario;
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toMatch(/^\s+at .+[(:]/m);
    expect(run.status).toBe(expected.status);
    expect(run.outputs.result).toBe(expected.result);
    for (const text of expected.stdout ?? []) expect(run.stdout).toContain(text);
    if (!expected.findings) {
      // A configuration error stops the run before any check: no report, and the step fails closed.
      expect(run.outputs).toEqual({ result: 'fail', findings: '0' });
      expect(run.report).toBeUndefined();
      return;
    }
    expectV1Report(run.report);
    const bad = expected.findings.filter(([, , status]) => status !== 'pass').length;
    expect(run.outputs.findings).toBe(String(bad));
    expect(run.report.findings.map((f) => [f.decisionPoint, f.class, f.status])).toEqual(expected.findings);
    expect(run.report.result).toBe(expected.result);
    for (const text of expected.summary ?? []) expect(run.summary).toContain(text);
    // Every finding that did not pass is annotated on the run, and its fix is in the summary.
    for (const f of run.report.findings.filter((x) => x.status !== 'pass')) {
      expect(run.stdout).toContain(`::error title=${f.subject.replace(/:/g, '%3A')}%3A ${f.class}`);
      expect(run.summary).toContain((f.fix ?? '').split('\n')[0]?.replace(/\|/g, '\\|'));
    }
  });

  it('writes the same report in report mode as in enforce mode, and exits 0', async () => {
    const scenario = SCENARIOS.find((s) => s.name === 'Bearer token: a missing scope would end in 403');
    if (!scenario) throw new Error('scenario missing');
    const enforce = await play(scenario);
    const report = await play(scenario, (p) => ({ ...p, inputs: { ...p.inputs, mode: 'report' } }));
    expect([enforce.status, report.status]).toEqual([1, 0]);
    expect(report.outputs.result).toBe('fail');
    expect(report.stdout).not.toContain('::error::permission-preflight');
    const shape = (run: ActionRun) => {
      expectV1Report(run.report);
      const { generatedAt: _g, mode: _m, findings, ...rest } = run.report;
      return { ...rest, findings: findings.map(({ evidence: _e, ...f }) => f) };
    };
    expect(shape(report)).toEqual(shape(enforce));
    expect([enforce.report?.mode, report.report?.mode]).toEqual(['enforce', 'report']);
  });
});
