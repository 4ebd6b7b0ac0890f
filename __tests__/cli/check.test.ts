/**
 * `permission-preflight check`, run in process (../fixtures/cli.ts), on the
 * embedded example (examples/site) and on small configurations in temporary folders. Outcomes only: the exit code,
 * the JSON report, the lines a person reads, and that no token appears in any output.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCheckText } from '../../src/commands/check-text.js';
import { buildReport, headline, type Report } from '../../src/report/model.js';
import { renderSummary } from '../../src/report/summary.js';
import { expectV1Report } from '../e2e/harness.js';
import { runCli } from '../fixtures/cli.js';
import { ROOT } from '../fixtures/processes.js';
import { summaryText } from '../fixtures/summary-markup.js';
import { removeTempDirs, tempDir, writeFile } from '../fixtures/temp-files.js';
import { copyExample, type DemoJwks, githubClaims, leaks, mintDemoToken, SITE, serveDemoJwks } from './check-world.js';

let jwks: DemoJwks;
let token: string;
let tokenFile: string;
/** Every token any test minted: none may appear in any output. */
const minted: string[] = [];
/** Every output of every run, checked for tokens at the end. */
const outputs: string[] = [];

beforeAll(async () => {
  jwks = await serveDemoJwks();
  token = await mintDemoToken(githubClaims());
  minted.push(token);
  tokenFile = writeFile(tempDir(), 'github-oidc.jwt', `${token}\n`);
});
afterAll(async () => {
  await jwks.close();
  removeTempDirs();
});

async function check(args: readonly string[], cwd = SITE, env: Record<string, string> = {}) {
  const run = await runCli(['check', ...args], { cwd, env });
  outputs.push(run.stdout, run.stderr);
  return run;
}

/** The example's check with the demo token, in `format`. */
const withToken = (format: string, ...more: string[]) => [
  '--oidc-token-file',
  tokenFile,
  '--oidc-jwks-url',
  jwks.url,
  '--format',
  format,
  ...more,
];

function report(stdout: string): Report {
  const parsed = JSON.parse(stdout) as Report;
  expectV1Report(parsed);
  return parsed;
}

const notPassed = (r: Report) => r.findings.filter((f) => f.status !== 'pass');

/** The example with the SCP's one mistake fixed: CloudFront exempted from the region guardrail. */
const SCP = 'aws/org/1-ou-7k2d-q8mz3vbn/p-4x9r2m7kqa.json';
function fixedExample(): string {
  return copyExample((read) => ({
    [SCP]: read(SCP).replace('\\"NotAction\\": [\\n', '\\"NotAction\\": [\\n                \\"cloudfront:*\\",\\n'),
  }));
}

describe('check on the embedded example', () => {
  it('finds the one denial: the SCP region guardrail denies cloudfront:CreateInvalidation (exit 1)', async () => {
    const run = await check(withToken('json'));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const r = report(run.stdout);
    expect(r).toMatchObject({ mode: 'enforce', result: 'fail', counts: { failed: 1, unverified: 0, would403: 1 } });
    const [denial] = notPassed(r);
    expect(notPassed(r)).toHaveLength(1);
    expect(denial).toMatchObject({
      decisionPoint: 'scp',
      class: 'explicit-deny',
      status: 'fail',
      cause: 'changed-entitlement',
      wouldReturn: 403,
      location: { file: SCP },
    });
    expect(denial?.subject).toContain('cloudfront:CreateInvalidation');
    expect(denial?.fix).toContain('DenyOutsideEU');
    // Every other layer was checked and passed: the token, the provider, the trust, the session, the S3 calls.
    const passed = new Set(r.findings.filter((f) => f.status === 'pass').map((f) => f.decisionPoint));
    expect([...passed].sort()).toEqual(['identity-policy', 'oidc-provider', 'session', 'sts-trust', 'token']);
  });

  it('passes once the SCP exempts CloudFront (exit 0)', async () => {
    const run = await check(withToken('json'), fixedExample());
    expect(run.status).toBe(0);
    const r = report(run.stdout);
    expect(r.result).toBe('pass');
    expect(r.findings.length).toBeGreaterThanOrEqual(8);
  });

  it('prints a readable report without colour when stdout is not a terminal', async () => {
    const run = await check(withToken('text'));
    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain('\u001b[');
    expect(run.stdout).toMatch(/^Preflight failed: 1 of \d+ checks would fail \(1 would end in 403\)$/m);
    expect(run.stdout).toMatch(
      /^Service control policies\n {2}FAIL {8}cloudfront:CreateInvalidation on \S+ {2}explicit-deny$/m,
    );
    expect(run.stdout).toMatch(/^ {14}fix {7}.*DenyOutsideEU/m);
    expect(run.stdout).toMatch(new RegExp(`^ {14}at {8}${SCP}:\\d+$`, 'm'));
    expect(run.stdout).toMatch(/^ {2}PASS {8}trust policy of role "acme-site-deploy"/m);
    expect(run.stdout).toMatch(/^Result: fail: \d+ passed, 1 would fail, 0 could not be verified\.$/m);
  });

  it('prints outside text inert when stdout is not a terminal: no line a runner would read as a command (src/text/inert.ts)', async () => {
    // A policy file whose name carries a line break and a workflow command: the report quotes file names.
    const dir = copyExample((read) => ({
      'aws/x\n::warning title=pwned::All checks passed ##[error]y.json': '{ "broken": ',
      '.github/preflight.yml': read('.github/preflight.yml'),
    }));
    const text = await check(withToken('text'), dir);
    expect(text.status).toBe(1);
    expect(text.stdout).toContain('All checks passed');
    // The runner reads `::` only at a line's start (after white space), `##[` anywhere.
    for (const line of text.stdout.split('\n')) expect(line).not.toMatch(/^\s*::/);
    expect(text.stdout).not.toContain('##[error]');
    // An ARN stays as written, so a fix can be copied.
    expect(text.stdout).toContain('arn:aws:iam::111122223333:role/acme-site-deploy');
    const json = await check(withToken('json'), dir);
    expect(json.stdout).not.toContain('##[error]');
    expect(JSON.stringify(report(json.stdout))).toContain('##[error]y.json');
  });

  it('prints the job summary with --format markdown', async () => {
    const run = await check(withToken('markdown'));
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^## permission-preflight\n\n### ❌ Preflight failed: 1 of \d+ checks would fail/);
    expect(run.stdout).toContain('#### Service control policies');
    expect(summaryText(run.stdout)).toMatch(
      /\| ❌ fail \| \*\*cloudfront:CreateInvalidation on [^|]+\*\* \(`explicit-deny`\)/,
    );
  });

  it('reports the same findings and exits 0 in report mode', async () => {
    const [enforce, reportOnly] = await Promise.all([
      check(withToken('json')),
      check(withToken('json', '--mode', 'report')),
    ]);
    expect(reportOnly.status).toBe(0);
    const a = report(enforce.stdout);
    const b = report(reportOnly.stdout);
    expect(b).toMatchObject({ mode: 'report', result: 'fail' });
    expect(b.findings.map((f) => [f.id, f.status])).toEqual(a.findings.map((f) => [f.id, f.status]));
    const text = await check(withToken('text', '--mode', 'report'));
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('Report-only mode: the exit code is 0 whatever the result.');
  });

  it('fails closed without a GitHub token: the token and the trust are unverified, the permissions still checked', async () => {
    const run = await check(['--format', 'json']);
    expect(run.status).toBe(1);
    const r = report(run.stdout);
    const bad = notPassed(r).map((f) => [f.decisionPoint, f.class, f.status]);
    expect(bad).toContainEqual(['runner', 'missing-token', 'unverified']);
    expect(bad).toContainEqual(['scp', 'explicit-deny', 'fail']);
    expect(r.findings.filter((f) => f.decisionPoint === 'identity-policy' && f.status === 'pass')).toHaveLength(3);
    const missing = notPassed(r).find((f) => f.class === 'missing-token');
    expect(missing?.fix).toContain('--oidc-token-file');
    expect(missing?.docUrl).toBe(
      'https://docs.github.com/en/actions/reference/security/oidc#workflow-permissions-for-the-requesting-the-oidc-token',
    );
    expect(missing?.cause).toBeUndefined();
  });

  it('checks the token it is given: one for another environment fails the claim and the trust', async () => {
    const staging = await mintDemoToken(
      githubClaims({ sub: 'repo:acme/site:environment:staging', environment: 'staging' }),
    );
    minted.push(staging);
    const file = writeFile(tempDir(), 'staging.jwt', staging);
    const run = await check(['--oidc-token-file', file, '--oidc-jwks-url', jwks.url, '--format', 'json']);
    expect(run.status).toBe(1);
    const points = notPassed(report(run.stdout)).map((f) => f.decisionPoint);
    expect(points).toEqual(expect.arrayContaining(['token', 'sts-trust', 'scp']));
  });
});

describe('check --environment', () => {
  const ENV_CONFIG = [
    'aws:',
    '  policy-files: [aws]',
    '  roles:',
    '    - role-to-assume: arn:aws:iam::111122223333:role/acme-site-deploy',
    '      aws-region: eu-west-1',
    '      role-session-name: site-deploy',
    '      permissions:',
    '        - s3:PutObject arn:aws:s3:::acme-site-www/*',
    '      environments:',
    '        production:',
    '          - cloudfront:CreateInvalidation arn:aws:cloudfront::111122223333:distribution/E2QWRUHAPOMQZL',
    '',
  ].join('\n');
  const ids = (r: Report) => r.findings.map((f) => `${f.decisionPoint}/${f.class}/${f.status}`);

  it('checks the permissions of the environment given, and only the common ones without it', async () => {
    const config = writeFile(tempDir(), 'env.yml', ENV_CONFIG);
    const without = report((await check(['--config', config, '--format', 'json', '--allow-outside-workspace'])).stdout);
    expect(ids(without)).toContain('config/could-not-verify/unverified');
    expect(ids(without)).not.toContain('scp/explicit-deny/fail');
    const production = report(
      (
        await check([
          '--config',
          config,
          '--format',
          'json',
          '--environment',
          'production',
          '--allow-outside-workspace',
        ])
      ).stdout,
    );
    expect(ids(production)).toContain('config/ok/pass');
    expect(ids(production)).toContain('scp/explicit-deny/fail');
  });

  it("takes the environment from GitHub's token, which wins over a different --environment", async () => {
    const config = writeFile(tempDir(), 'env.yml', ENV_CONFIG);
    const fromToken = await check(['--config', config, '--allow-outside-workspace', ...withToken('json')]);
    expect(ids(report(fromToken.stdout))).toEqual(expect.arrayContaining(['config/ok/pass', 'scp/explicit-deny/fail']));
    const mismatch = await check([
      '--config',
      config,
      '--allow-outside-workspace',
      ...withToken('json', '--environment', 'staging'),
    ]);
    expect(mismatch.status).toBe(1);
    expect(ids(report(mismatch.stdout))).toContain('config/environment-mismatch/fail');
  });
});

describe('check on small configurations', () => {
  it('passes a bearer token from an environment variable (exit 0), and prints it nowhere', async () => {
    const api = await mintDemoToken({
      iss: 'https://auth.example.com',
      aud: 'api://deploy',
      sub: 'svc-deploy',
      scope: 'deploy:write',
      exp: Math.floor(Date.now() / 1000) + 3600,
    });
    minted.push(api);
    const dir = tempDir();
    const yaml = [
      'github-oidc:',
      '  enabled: false',
      'tokens:',
      '  - name: deploy-api',
      '    from-env: DEPLOY_API_TOKEN',
      '    issuer: https://auth.example.com',
      '    audience: api://deploy',
      '    scopes: [deploy:write]',
      `    jwks-url: ${jwks.url}`,
      '',
    ].join('\n');
    writeFile(dir, 'preflight.yml', yaml);
    for (const format of ['text', 'json', 'markdown']) {
      const run = await check(['--config', 'preflight.yml', '--format', format], dir, { DEPLOY_API_TOKEN: api });
      expect(run.status, `${format}: ${run.stderr}`).toBe(0);
      expect(leaks(run.stdout + run.stderr, api)).toBe(false);
    }
    const text = await check(['--config', 'preflight.yml'], dir, { DEPLOY_API_TOKEN: api });
    expect(text.stdout).toMatch(/^Preflight passed: \d+ checks?, every credential would be accepted$/m);
  });

  it('fails (exit 1) when the token is missing from the environment', async () => {
    const dir = tempDir();
    writeFile(dir, 'p.yml', 'github-oidc:\n  enabled: false\ntokens:\n  - name: api\n    from-env: API_TOKEN\n');
    const run = await check(['--config', 'p.yml', '--format', 'json'], dir);
    expect(run.status).toBe(1);
    expect(notPassed(report(run.stdout)).map((f) => f.class)).toEqual(['missing-token']);
  });

  it('rejects an invalid configuration with file:line:column (exit 2)', async () => {
    const dir = tempDir();
    writeFile(dir, 'bad.yml', 'github-oidc:\n  enabled: false\nmode: sometimes\n');
    const run = await check(['--config', 'bad.yml'], dir);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^ {2}bad\.yml:3:7: .*mode.*/m);
    writeFile(dir, 'broken.yml', 'aws:\n  roles:\n    - role-to-assume: [unclosed\n');
    const broken = await check(['--config', 'broken.yml'], dir);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/broken\.yml:\d+:\d+: /);
  });

  it('reports a missing configuration file (exit 2)', async () => {
    const dir = tempDir();
    const byDefault = await check([], dir);
    expect(byDefault.status).toBe(2);
    expect(byDefault.stderr).toContain('cannot read the configuration .github/preflight.yml (the default)');
    const given = await check(['--config', 'nope.yml'], dir);
    expect(given.status).toBe(2);
    expect(given.stderr).toContain('cannot read the configuration nope.yml: no such file');
  });

  it('rejects bad usage (exit 2) without repeating a token given as an argument', async () => {
    expect((await check(['--format', 'xml'])).status).toBe(2);
    expect((await check(['--mode', 'strict'])).status).toBe(2);
    expect((await check(['--oidc-token-file', path.join(tempDir(), 'missing.jwt')])).status).toBe(2);
    const pasted = await check([token]);
    expect(pasted.status).toBe(2);
    expect(pasted.stderr).toContain('looks like a token');
    const asPath = await check(['--oidc-token-file', token]);
    expect(asPath.status).toBe(2);
  });

  it("refuses --oidc-token-file when the configuration does not check GitHub's token (exit 2)", async () => {
    const dir = tempDir();
    writeFile(dir, 'p.yml', 'github-oidc:\n  enabled: false\ntokens:\n  - name: api\n    from-env: API_TOKEN\n');
    const run = await check(['--config', 'p.yml', '--oidc-token-file', tokenFile], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('does not check GitHub');
  });
});

describe('the text report', () => {
  it('has a headline whose parts add up: each failure counted once, by what it would end in', () => {
    const make = (id: string, status: 'fail' | 'unverified' | 'pass', wouldReturn?: 401 | 403 | 404) => ({
      id,
      subject: id,
      decisionPoint: 'identity-policy' as const,
      class: status === 'pass' ? ('ok' as const) : ('implicit-deny' as const),
      status,
      message: id,
      evidence: {},
      ...(wouldReturn ? { wouldReturn } : {}),
      ...(status === 'pass' ? {} : { fix: 'x' }),
    });
    const r = buildReport({
      findings: [
        make('a', 'fail', 403),
        make('b', 'fail'),
        make('e', 'fail', 404),
        make('c', 'unverified', 403),
        make('d', 'pass'),
      ],
      mode: 'enforce',
      version: '0.0.0',
      now: new Date(0),
    });
    expect(renderCheckText(r, { color: false, config: 'p.yml' })).toContain(
      'Preflight failed: 3 of 5 checks would fail (1 would end in 403, 1 would end in 404, 1 would fail without an HTTP status), and 1 could not be verified',
    );
  });

  it('never says a check that could not be verified would fail, in the headline, the summary, the result line or the action', () => {
    // rust-lang/docs.rs predicted without its policies: every check passed or could not be verified, none failed.
    const make = (id: string, status: 'unverified' | 'pass') => ({
      id,
      subject: id,
      decisionPoint: 'sts-trust' as const,
      class: status === 'pass' ? ('ok' as const) : ('could-not-verify' as const),
      status,
      message: id,
      evidence: {},
      ...(status === 'pass' ? {} : { fix: 'x' }),
    });
    const r = buildReport({
      findings: [make('a', 'unverified'), make('b', 'unverified'), make('c', 'pass')],
      mode: 'enforce',
      version: '0.0.0',
      now: new Date(0),
    });
    const text = renderCheckText(r, { color: false, config: 'p.yml' });
    const summary = renderSummary(r);
    for (const out of [text, summary, headline(r)]) expect(out).not.toMatch(/would fail \(|checks would fail/);
    expect(headline(r)).toBe(
      'Preflight failed: 2 of 3 checks could not be verified (none was found to fail; what is not verified fails the preflight)',
    );
    expect(text).toContain(`\n${headline(r)}\n`);
    expect(summary).toContain(`### ❌ ${headline(r)}`);
    expect(text).toMatch(/^Result: fail \(not verified\): 1 passed, 0 would fail, 2 could not be verified\.$/m);
  });

  it('is in colour only when asked (a terminal without NO_COLOR)', () => {
    const r = buildReport({
      findings: [
        {
          id: 'token:api:expired',
          subject: 'token "api"',
          decisionPoint: 'token',
          class: 'expired',
          status: 'fail',
          message: 'The token expired.',
          evidence: { exp: '2026-01-01T00:00:00Z' },
          fix: 'Rotate it.',
        },
      ],
      mode: 'enforce',
      version: '0.0.0',
      now: new Date(0),
    });
    expect(renderCheckText(r, { color: true, config: 'p.yml' })).toContain('\u001b[1;31mFAIL\u001b[0m');
    const plain = renderCheckText(r, { color: false, config: 'p.yml' });
    expect(plain).not.toContain('\u001b[');
    expect(plain).toMatch(/^ {2}FAIL {8}token "api" {2}expired\n {14}The token expired\.\n {14}evidence {2}exp: 2026/m);
  });
});

describe('check --help and the top-level usage', () => {
  it('documents every flag, the exit codes and examples', async () => {
    const run = await runCli(['check', '--help'], { cwd: ROOT });
    expect(run.status).toBe(0);
    for (const flag of ['--config', '--format', '--mode', '--environment', '--oidc-token-file', '--oidc-jwks-url']) {
      expect(run.stdout).toContain(flag);
    }
    expect(run.stdout).toMatch(/Exit codes: 0 .*; 1 .*; 2 /);
    expect(run.stdout).toMatch(/Examples:\n {2}permission-preflight check\n/);
  });

  it('lists check among the commands', async () => {
    const run = await runCli(['--help'], { cwd: ROOT });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^ {2}check {6}Run the action's whole preflight/m);
  });
});

afterAll(() => {
  for (const t of minted) for (const text of outputs) expect(leaks(text, t)).toBe(false);
});
