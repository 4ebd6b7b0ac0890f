/**
 * End to end: every token scenario (token-scenarios.ts) through the action, run in process as the runner
 * runs it (harness.ts), against the loopback issuer, Actions token endpoint and introspection endpoint. Each asserts
 * the exit code, the outputs, the JSON report (v1, with each finding's decision point, class and status) and the
 * explanation and fix in the job summary.
 *
 * Security: no token, and no segment of one, appears in anything a run writes. Each scenario's run also hands every
 * token it handed the action to `permission-preflight decode` (from a file, from standard input, and wrongly from
 * argv), in the same world, and the last test searches everything the action and decode wrote (stdout, stderr, the
 * job summary, the outputs file, the JSON report) for every token the fixtures issued or the scenarios minted, and
 * for the other secrets (the token request bearer, the introspection client secret). The scanner itself is tested
 * in leak.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../fixtures/cli.js';
import { type OidcIssuer, startOidcIssuer } from '../fixtures/oidc-issuer.js';
import { summaryText } from '../fixtures/summary-markup.js';
import { removeTempDirs, tempDir, writeFile } from '../fixtures/temp-files.js';
import { type ActionRun, actionDefaults, expectV1Report, runAction } from './harness.js';
import { findLeaks, maskedSecrets, withoutMaskCommands } from './leaks.js';
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

/** What one scenario's run wrote, by artifact name, and the secrets it handed over. */
interface Exposure {
  readonly artifacts: Record<string, string>;
  readonly secrets: string[];
  readonly tokens: number;
  /** Tokens the action read without registering them with `::add-mask::` first. */
  readonly unmasked: string[];
}

/** One scenario's run of the action, what its own check made of it, and what the run and decode exposed. */
interface Played {
  readonly run: ActionRun;
  readonly checkFailure?: { readonly error: unknown };
  readonly exposure: Exposure;
}

/**
 * Hands every token of the scenario to decode in five ways, in the scenario's world (its issuer, key set and
 * introspection endpoint still up), and names every artifact of the action run and of decode.
 */
async function expose(scenario: Scenario, prepared: Prepared, run: ActionRun, world: ReturnType<typeof createWorld>) {
  const key = (what: string) => `${scenario.name} / ${what}`;
  const artifacts: Record<string, string> = {
    [key('action stdout')]: withoutMaskCommands(run.stdout),
    [key('action stderr')]: run.stderr,
    [key('step summary')]: run.summary,
    [key('outputs file')]: run.outputFile,
    [key('JSON report')]: run.reportText ?? '',
  };
  // Every token the action read went through core.setSecret before anything else could print it.
  const masked = maskedSecrets(run.stdout);
  const handed = world.tokens();
  const unmasked = handed
    .filter((t) => t.read && !masked.has(t.token))
    .map((t) => `${scenario.name}: ${t.token.slice(0, 12)}…`);
  const dir = tempDir();
  const unique = [...new Set(handed.map((t) => t.token))];
  for (const [i, token] of unique.entries()) {
    const file = writeFile(dir, `token-${i}`, `${token}\n`);
    const args = prepared.decodeArgs ?? [];
    const runs = {
      'decode --file': () => runCli(['decode', '--file', file, ...args], { env: prepared.env }),
      'decode --format json < stdin': () =>
        runCli(['decode', '--format', 'json', ...args], { input: token, env: prepared.env }),
      'decode --no-verify < stdin': () => runCli(['decode', '--no-verify'], { input: token }),
      'decode TOKEN': () => runCli(['decode', token]),
      'decode --file TOKEN': () => runCli(['decode', '--file', token]),
    };
    for (const [what, start] of Object.entries(runs)) {
      const done = await start();
      if (what.endsWith('TOKEN')) expect(done.status, `${scenario.name}: ${what}`).toBe(2);
      artifacts[key(`${what} #${i} stdout`)] = done.stdout;
      artifacts[key(`${what} #${i} stderr`)] = done.stderr;
    }
  }
  return { artifacts, secrets: world.secrets(), tokens: unique.length, unmasked };
}

/** Prepares and runs one scenario with the runner's default inputs under its own; then decodes its tokens. */
async function play(scenario: Scenario, change: (p: Prepared) => Prepared = (p) => p): Promise<Played> {
  const world = createWorld(issuer);
  try {
    const prepared = change(await scenario.prepare(world));
    const run = await runAction({ ...DEFAULTS, ...prepared.inputs }, prepared.env);
    // The scenario's own check counts what the action fetched: before decode fetches anything.
    let checkFailure: Played['checkFailure'];
    try {
      prepared.check?.(run);
    } catch (error) {
      checkFailure = { error };
    }
    const exposure = await expose(scenario, prepared, run, world);
    return { run, exposure, ...(checkFailure ? { checkFailure } : {}) };
  } finally {
    await world.close();
  }
}

const plays = new Map<string, Promise<Played>>();

/** The one run of `scenario` this file makes, shared by its test and the leak search. */
function played(scenario: Scenario): Promise<Played> {
  let p = plays.get(scenario.name);
  if (!p) {
    p = play(scenario);
    plays.set(scenario.name, p);
  }
  return p;
}

describe('the action: token scenarios', () => {
  it.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
    const { run, checkFailure } = await played(scenario);
    if (checkFailure) throw checkFailure.error;
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
    for (const text of expected.summary ?? []) expect(summaryText(run.summary)).toContain(text);
    // Every finding that did not pass is annotated on the run, and its fix is in the summary.
    for (const f of run.report.findings.filter((x) => x.status !== 'pass')) {
      expect(run.stdout).toContain(`::error title=${f.subject.replace(/:/g, '%3A')}%3A ${f.class}`);
      expect(summaryText(run.summary)).toContain((f.fix ?? '').split('\n')[0]);
    }
  });

  it('writes the same report in report mode as in enforce mode, and exits 0', async () => {
    const scenario = SCENARIOS.find((s) => s.name === 'Bearer token: a missing scope would end in 403');
    if (!scenario) throw new Error('scenario missing');
    const enforce = (await played(scenario)).run;
    const report = (await play(scenario, (p) => ({ ...p, inputs: { ...p.inputs, mode: 'report' } }))).run;
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

describe('no token leaks', () => {
  it('through any token scenario: action stdout, stderr, summary, outputs, report; decode stdout and stderr', async () => {
    const exposures = (await Promise.all(SCENARIOS.map(played))).map((p) => p.exposure);
    const leaks = exposures.flatMap((e) => findLeaks(e.artifacts, e.secrets));
    // A leak is reported by artifact and piece, never by the secret itself.
    expect(leaks.map((l) => `${l.where}: ${l.piece} of secret #${l.secret}`)).toEqual([]);
    expect(exposures.flatMap((e) => e.unmasked)).toEqual([]);
    // The search had something to find: every scenario but the three without a token handed some over.
    const withTokens = exposures.filter((e) => e.tokens > 0).length;
    expect(withTokens).toBe(SCENARIOS.length - 3);
    expect(exposures.reduce((n, e) => n + e.tokens, 0)).toBeGreaterThanOrEqual(SCENARIOS.length);
    expect(exposures.reduce((n, e) => n + Object.keys(e.artifacts).length, 0)).toBeGreaterThan(200);
  });
});
