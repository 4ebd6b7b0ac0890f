/**
 * End to end, the AWS half: every scenario of aws-scenarios.ts through the action, run in process as the runner runs
 * it (harness.ts: INPUT_* variables, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP, GITHUB_WORKSPACE, the token
 * request variables), against the loopback Actions token endpoint, OIDC issuer and IAM/STS query server. Each
 * scenario runs twice, in `enforce` and in `report` mode; the runs are made up front, and the tests below assert on
 * what they left behind:
 * - enforce: the exit code, the `result`, `findings` and `report` outputs, the JSON report (v1, valid against the
 *   shipped schema) with every finding's decision point, class and status, the explanation and the fix in the step
 *   summary, an error annotation per failing finding, and no AWS call from an offline run;
 * - report: the same report (modulo its mode and the times), exit 0, and "report-only" at the top of the summary;
 * - leaks: no GitHub token (nor a segment of one), token request bearer, AWS secret key or STS session credential in
 *   stdout, stderr, the summary, the outputs or the report of any run; every token and session credential the
 *   action received was registered with `::add-mask::` before anything else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OidcIssuer, startOidcIssuer } from '../fixtures/oidc-issuer.js';
import { summaryText } from '../fixtures/summary-markup.js';
import { removeTempDirs } from '../fixtures/temp-files.js';
import { artifactsOf, comparable, type Mode, mapLimit, type Outcome, play, withoutSdkNodeWarning } from './aws-play.js';
import { validateReport } from './aws-report-schema.js';
import { AWS_SCENARIOS } from './aws-scenarios.js';
import type { AwsScenario, Played } from './aws-world.js';
import { asLogged, escapeProperty, expectV1Report } from './harness.js';
import { findLeaks, maskedSecrets } from './leaks.js';

const MODES: readonly Mode[] = ['enforce', 'report'];
/**
 * Scenarios prepared at once. The action's runs themselves take turns (../fixtures/runner-step.ts); a few wait on
 * backoff, and the next scenario's servers start meanwhile.
 */
const CONCURRENCY = 2;
const STACK_FRAME = /^\s+at .+[(:]/m;

let issuer: OidcIssuer | undefined;
const outcomes = new Map<string, Outcome<Played>>();

beforeAll(async () => {
  issuer = await startOidcIssuer();
  const shared = issuer;
  const jobs = AWS_SCENARIOS.flatMap((scenario) => MODES.map((mode) => ({ scenario, mode })));
  const results = await mapLimit(jobs, CONCURRENCY, ({ scenario, mode }) => play(shared, scenario, mode));
  for (const [i, { scenario, mode }] of jobs.entries()) {
    const outcome = results[i];
    if (outcome) outcomes.set(`${scenario.name} / ${mode}`, outcome);
  }
}, 120_000);

afterAll(async () => {
  await issuer?.close();
  removeTempDirs();
});

/** The run of `scenario` in `mode`; a run that could not be made fails the test that reads it. */
function played(scenario: AwsScenario, mode: Mode): Played {
  const outcome = outcomes.get(`${scenario.name} / ${mode}`);
  if (!outcome) throw new Error(`no run of "${scenario.name}" in ${mode} mode`);
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

/** The summary's section title of each decision point the scenarios fail at, as a person reads it. */
const SECTIONS: Readonly<Record<string, string>> = {
  config: 'Configuration',
  runner: 'Runner',
  token: 'Tokens',
  'oidc-provider': 'AWS OIDC provider',
  'sts-trust': 'STS role trust',
  session: 'Role session',
  scp: 'Service control policies',
  rcp: 'Resource control policies',
  'resource-policy': 'Resource policies',
  'identity-policy': 'Identity policies',
  'permissions-boundary': 'Permissions boundary',
  'session-policy': 'Session policies',
};

/** The title of the summary section that holds the row of `subject` and `cls`. */
function sectionOf(summary: string, subject: string, cls: string): string | undefined {
  const row = summaryText(summary).indexOf(`**${subject}** (\`${cls}\`)`);
  if (row < 0) return undefined;
  return [
    ...summaryText(summary)
      .slice(0, row)
      .matchAll(/^#### (.+)$/gm),
  ].at(-1)?.[1];
}

const TABLE = AWS_SCENARIOS.map((s) => [s.name, s] as const);

describe('the action: AWS scenarios, enforce mode', () => {
  it('has a passing deploy and at least twelve causes of a 401 or 403', () => {
    const failing = AWS_SCENARIOS.filter((s) => s.expected.result === 'fail');
    expect(AWS_SCENARIOS.length - failing.length).toBeGreaterThanOrEqual(1);
    expect(failing.length).toBeGreaterThanOrEqual(12);
  });

  it.each(TABLE)('%s', (_name, scenario) => {
    const p = played(scenario, 'enforce');
    const { run } = p;
    const { expected } = scenario;
    expect(withoutSdkNodeWarning(run.stderr)).toBe('');
    expect(run.stdout).not.toMatch(STACK_FRAME);
    expect(run.status).toBe(expected.result === 'pass' ? 0 : 1);
    expect(run.outputs.result).toBe(expected.result);
    expect(run.outputs.report).toMatch(/\/permission-preflight\/report\.json$/);
    expectV1Report(run.report);
    expect(validateReport(run.report)).toEqual([]);
    expect(run.report.mode).toBe('enforce');
    expect(run.report.findings.map((f) => [f.decisionPoint, f.class, f.status])).toEqual(expected.findings);
    const failing = run.report.findings.filter((f) => f.status !== 'pass');
    expect(run.outputs.findings).toBe(String(failing.length));
    for (const text of expected.summary ?? []) expect(summaryText(run.summary)).toContain(text);
    // Every finding that did not pass is in its decision point's section of the summary, with its class and fix, and
    // is annotated on the run.
    for (const f of failing) {
      expect(sectionOf(run.summary, f.subject, f.class)).toBe(SECTIONS[f.decisionPoint]);
      expect(run.stdout).toContain(
        `::error title=${escapeProperty(asLogged(`${f.subject}: ${f.class} (${f.decisionPoint})`))}`,
      );
      expect(summaryText(run.summary)).toContain((f.fix ?? '').split('\n')[0]);
    }
    expect(run.stdout.includes('::error::permission-preflight: ')).toBe(expected.result === 'fail');
    // An offline run reaches nothing: the loopback AWS endpoints it was given saw no request.
    if (p.inputs['aws-live-reads'] !== 'true' && p.inputs['aws-probe'] !== 'true') expect(p.aws.requests).toEqual([]);
    if (p.inputs['aws-live-reads'] !== 'true') expect(p.aws.policyRequests).toEqual([]);
    expected.check?.(p);
  });
});

describe('the action: AWS scenarios, report mode', () => {
  it.each(TABLE)('%s', (_name, scenario) => {
    const enforce = played(scenario, 'enforce');
    const report = played(scenario, 'report');
    const { run } = report;
    expect(withoutSdkNodeWarning(run.stderr)).toBe('');
    expect(run.status).toBe(0);
    expect(run.outputs.result).toBe(scenario.expected.result);
    expect(run.outputs.findings).toBe(enforce.run.outputs.findings);
    expectV1Report(run.report);
    expect(validateReport(run.report)).toEqual([]);
    expect(run.report.mode).toBe('report');
    expectV1Report(enforce.run.report);
    expect(comparable(run.report)).toBe(comparable(enforce.run.report));
    expect(run.stdout).not.toContain('::error::permission-preflight');
    // Said at the top: before the first decision point's section.
    expect(run.summary.split('\n####')[0]).toContain('Report-only mode');
    expect(enforce.run.summary).not.toContain('Report-only mode');
    scenario.expected.check?.(report);
  });
});

describe('the JSON report schema check', () => {
  it('accepts a real report and rejects what schema/report.v1.schema.json forbids', () => {
    const scenario = AWS_SCENARIOS.find((s) => s.expected.result === 'fail');
    const report = scenario && played(scenario, 'enforce').run.report;
    expect(report).toBeDefined();
    const broken = (change: (r: Record<string, unknown>) => void) => {
      const copy = JSON.parse(JSON.stringify(report)) as Record<string, unknown>;
      change(copy);
      return validateReport(copy);
    };
    const finding = (r: Record<string, unknown>) =>
      (r.findings as Record<string, unknown>[])[0] as Record<string, unknown>;
    expect(validateReport(report)).toEqual([]);
    const paths = (errors: string[]) => [...new Set(errors.map((e) => e.split(' ')[0]))];
    expect(broken((r) => (r.version = 2))).toEqual(['/version must be equal to constant']);
    expect(broken((r) => delete r.counts)).toEqual(["/ must have required property 'counts'"]);
    expect(broken((r) => (r.extra = true))).toEqual(['/ must NOT have additional properties']);
    expect(broken((r) => (r.generatedAt = 'yesterday'))).toEqual(['/generatedAt must match format "date-time"']);
    expect(paths(broken((r) => (finding(r).class = 'Not_Kebab')))).toEqual(['/findings/0/class']);
    expect(paths(broken((r) => (finding(r).decisionPoint = 'elsewhere')))).toEqual(['/findings/0/decisionPoint']);
    expect(paths(broken((r) => (finding(r).evidence = { bad: { nested: 1 } })))).toEqual(['/findings/0/evidence/bad']);
  });
});

describe('no secret leaks in any AWS scenario', () => {
  it('no token, token segment, AWS secret key or session credential in stdout, stderr, summary, outputs, report', () => {
    const all = AWS_SCENARIOS.flatMap((s) =>
      MODES.map((mode) => ({ label: `${s.name} / ${mode}`, p: played(s, mode) })),
    );
    const leaks = all.flatMap(({ label, p }) => findLeaks(artifactsOf(p, label), p.secrets));
    // A leak is reported by artifact and piece, never by the secret itself.
    expect(leaks.map((l) => `${l.where}: ${l.piece} of secret #${l.secret}`)).toEqual([]);
    // What the action received was handed to the runner's masking first.
    const unmasked = all.flatMap(({ label, p }) => {
      const masked = maskedSecrets(p.run.stdout);
      return p.mustMask.filter((s) => !masked.has(s)).map((s) => `${label}: ${s.slice(0, 8)}…`);
    });
    expect(unmasked).toEqual([]);
    // The search had something to find: GitHub tokens in all but the runs without id-token, STS credentials too.
    const withToken = all.filter(({ p }) => p.secrets.some((s) => s.split('.').length === 3)).length;
    expect(withToken).toBe(all.length - MODES.length);
    expect(all.filter(({ p }) => p.aws.issued.length > 0).length).toBeGreaterThanOrEqual(MODES.length);
  });
});
