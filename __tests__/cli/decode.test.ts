/**
 * `permission-preflight decode`, run in process (../fixtures/cli.ts), against a loopback issuer and introspection
 * endpoint: what it shows, what it verifies, its exit codes, and that it never takes a token from argv. Outcomes
 * only: exit code, the JSON document, and the lines a person reads.
 */
import type { JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { githubClaims, inEnvironment, pullRequest } from '../fixtures/actions-token-server.js';
import { runCli } from '../fixtures/cli.js';
import { type IntrospectionServer, startIntrospectionServer } from '../fixtures/introspection-server.js';
import { type OidcIssuer, startOidcIssuer } from '../fixtures/oidc-issuer.js';
import { removeTempDirs, tempDir, writeFile } from '../fixtures/temp-files.js';

let issuer: OidcIssuer;
let down: OidcIssuer;
let introspection: IntrospectionServer;
const CLIENT = { INTROSPECT_ID: 'preflight', INTROSPECT_SECRET: 'cs_0123456789abcdef0123' };

beforeAll(async () => {
  [issuer, down] = await Promise.all([startOidcIssuer(), startOidcIssuer({ algs: ['ES256'] })]);
  down.misbehave({ jwks: 'down' });
  introspection = await startIntrospectionServer({
    clientId: CLIENT.INTROSPECT_ID,
    clientSecret: CLIENT.INTROSPECT_SECRET,
  });
});
afterAll(async () => {
  await Promise.all([issuer.close(), down.close(), introspection.close()]);
  removeTempDirs();
});

const now = () => Math.floor(Date.now() / 1000);
const api = (overrides: JWTPayload = {}): JWTPayload => ({
  sub: 'svc-deploy',
  aud: 'api://deploy',
  scope: 'deploy:write read',
  exp: now() + 3600,
  ...overrides,
});

const tokenFile = (token: string): string => writeFile(tempDir(), 'token.jwt', `${token}\n`);

interface DecodeJson {
  token: { kind: string; length: number };
  header?: Record<string, unknown>;
  claims?: Record<string, unknown>;
  times?: { claim: string; relative: string }[];
  github?: { sub: string; form: string; because: string };
  verification?: { status: string; method?: string; class?: string; skipped?: boolean; reason?: string };
  findings: { class: string; status: string; decisionPoint: string; message: string; fix?: string }[];
  result: string;
}

async function decodeJson(args: string[], token: string, env: Record<string, string> = {}) {
  const run = await runCli(['decode', '--format', 'json', ...args], { input: token, env });
  return { ...run, json: JSON.parse(run.stdout || 'null') as DecodeJson };
}

const classes = (json: DecodeJson) => json.findings.map((f) => [f.class, f.status]);

describe('decode: what it shows', () => {
  it('prints the header, the claims with times in human form, the verification and the findings', async () => {
    const token = await issuer.mint(api({ iat: now() - 120, exp: now() + 252 }));
    const run = await runCli([
      'decode',
      '--file',
      tokenFile(token),
      '--issuer',
      issuer.issuer,
      '--audience',
      'api://deploy',
    ]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Token from file .*token\.jwt: a signed JWT, \d+ characters$/m);
    expect(run.stdout).toMatch(/^Header\n {2}alg: RS256\n {2}typ: JWT\n {2}kid: rs256-1$/m);
    // A second or two may pass between minting and decoding: 4m12s becomes 4m10s, 2 minutes becomes 2m2s.
    expect(run.stdout).toMatch(/exp: +\d+ {2}\(\d{4}-\d\d-\d\dT[\d:]+Z, expires in 4m\d\ds\)/);
    expect(run.stdout).toMatch(/iat: +\d+ {2}\(.*, issued (2 minutes|2m\ds) ago\)/);
    expect(run.stdout).toContain('scope: deploy:write read');
    expect(run.stdout).toContain(`verified: RS256 signature by key "rs256-1", with keys from ${issuer.jwksUrl}`);
    expect(run.stdout).toMatch(/PASS +ok \(token\)/);
    expect(run.stdout).toContain('Result: pass');
  });

  it('prints the same as JSON with --format json, read from standard input', async () => {
    const token = await issuer.mint(api());
    const { status, json } = await decodeJson(['--issuer', issuer.issuer, '--scope', 'deploy:write'], token);
    expect(status).toBe(0);
    expect(json).toMatchObject({
      token: { kind: 'jwt', length: token.length },
      header: { alg: 'RS256', kid: 'rs256-1' },
      claims: { iss: issuer.issuer, sub: 'svc-deploy', scope: 'deploy:write read' },
      verification: { status: 'verified', method: 'jwks', keySource: issuer.jwksUrl },
      result: 'pass',
    });
    expect(json.times?.map((t) => t.claim)).toEqual(['exp', 'nbf', 'iat']);
    expect(json.times?.[0]?.relative).toMatch(/^expires in (59m5\ds|1 hour)$/);
    expect(classes(json)).toEqual([['ok', 'pass']]);
  });

  it("explains a GitHub token's sub: which form this run produced and why", async () => {
    const claims = githubClaims(inEnvironment('production', pullRequest(7, 'feature')), {
      issuer: issuer.issuer,
      now: now(),
    });
    const token = await issuer.mint(claims);
    const run = await runCli(['decode', '--claim', 'sub=repo:acme/api:ref:refs/heads/main'], { input: token });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('sub is `repo:acme/api:environment:production` (form: environment)');
    expect(run.stdout).toContain('because the job references the environment `production`');
    expect(run.stdout).toContain("keys were found from the token's own iss");
    expect(run.stdout).toMatch(/FAIL +claim-mismatch \(token\)/);
    expect(run.stdout).toContain('expect `repo:acme/api:environment:production`');
  });
});

describe('decode: findings and exit codes', () => {
  it.each([
    ['expired', api({ exp: now() - 3600, iat: now() - 7200, nbf: now() - 7200 }), [], [['expired', 'fail']]],
    ['expiring too soon', api({ exp: now() + 120 }), ['--min-lifetime', '10m'], [['expires-too-soon', 'fail']]],
    ['wrong audience', api({ aud: 'api://other' }), ['--audience', 'api://deploy'], [['wrong-audience', 'fail']]],
    [
      'two missing scopes, each its own finding',
      api(),
      ['--scope', 'deploy:write', '--scope', 'admin:write', '--scope', 'audit'],
      [
        ['missing-scope', 'fail'],
        ['missing-scope', 'fail'],
      ],
    ],
    ['a claim pattern', api({ sub: 'svc-other' }), ['--claim', 'sub=svc-deploy*'], [['claim-mismatch', 'fail']]],
    ['the wrong issuer', api(), ['--issuer', 'https://auth.example.com'], [['wrong-issuer', 'fail']]],
  ] as const)('exits 1 on %s', async (_name, claims, args, expected) => {
    const token = await issuer.mint(claims);
    // --jwks-url keeps the wrong-issuer case offline: the keys are the loopback issuer's.
    const { status, json } = await decodeJson(['--jwks-url', issuer.jwksUrl, ...args], token);
    expect(status).toBe(1);
    expect(json.result).toBe('fail');
    expect(classes(json)).toEqual(expected);
    for (const f of json.findings) expect(f.fix).toMatch(/\S/);
  });

  it('with --no-verify, shows the token, says the signature was not checked, and fails as unverifiable', async () => {
    const token = await down.mint(api());
    const text = await runCli(['decode', '--no-verify'], { input: token });
    expect(text.status).toBe(1);
    expect(text.stdout).toContain('SKIPPED (--no-verify): the signature was NOT checked');
    expect(text.stdout).toContain('sub:');
    const { json } = await decodeJson(['--no-verify'], token);
    expect(json.verification).toMatchObject({ status: 'unverifiable', skipped: true });
    expect(classes(json)).toEqual([['unverifiable', 'unverified']]);
    expect(down.requestCount('jwks')).toBe(0);
  });

  it('fails closed when the JWKS is down', async () => {
    const { status, json } = await decodeJson([], await down.mint(api()));
    expect(status).toBe(1);
    expect(json.verification).toMatchObject({ status: 'unverifiable' });
    expect(json.verification?.reason).toContain('HTTP 503');
    expect(classes(json)).toEqual([['unverifiable', 'unverified']]);
  });

  it.each([
    ['alg none', (): string => issuer.mintUnsecured(api()), [['bad-signature', 'fail']]],
    ['garbage', (): string => 'eyJ%%%not-a-token%%%', [['malformed', 'fail']]],
    ['a 20 KB token', (): string => `eyJhbGciOiJFUzI1NiJ9.${'A'.repeat(20_000)}.c2ln`, [['oversized', 'fail']]],
  ] as const)('exits 1 on %s', async (_name, make, expected) => {
    const { status, json } = await decodeJson([], make());
    expect(status).toBe(1);
    expect(classes(json)).toEqual(expected);
  });

  it('checks an opaque token through introspection, and fails closed without it', async () => {
    const token = `opq_${'x1'.repeat(20)}`;
    introspection.setAnswer(token, { active: true, scope: 'deploy:write', exp: now() + 3600 });
    const flags = ['--introspection-url', introspection.url, '--client-id-env', 'INTROSPECT_ID'];
    const checked = await decodeJson(
      [...flags, '--client-secret-env', 'INTROSPECT_SECRET', '--scope', 'deploy:write'],
      token,
      CLIENT,
    );
    expect(checked.status).toBe(0);
    expect(checked.json).toMatchObject({ token: { kind: 'opaque' }, verification: { method: 'introspection' } });
    expect(checked.json.claims).toMatchObject({ active: true, scope: 'deploy:write' });
    const unchecked = await decodeJson([], token);
    expect(unchecked.status).toBe(1);
    expect(classes(unchecked.json)).toEqual([['unverifiable', 'unverified']]);
    const allowed = await decodeJson(['--allow-unverifiable'], token);
    expect(allowed.status).toBe(0);
    expect(classes(allowed.json)).toEqual([['unverifiable-allowed', 'pass']]);
    // A fix names decode's own flags, never a configuration entry's keys.
    const texts = (r: { json: DecodeJson }) => r.json.findings.map((f) => `${f.message} ${f.fix ?? ''}`).join('\n');
    expect(texts(unchecked)).toContain('or set `--allow-unverifiable` to accept it unverified');
    expect(texts(allowed)).toContain('only because `--allow-unverifiable` is given');
    for (const r of [unchecked, allowed]) expect(texts(r)).not.toMatch(/on its entry|allow-unverifiable: true/);
  });
});

describe('decode: usage', () => {
  it('refuses a token on the command line, says why, and does not repeat it', async () => {
    const token = await issuer.mint(api());
    for (const args of [
      ['decode', token],
      ['decode', '--file', token],
      ['decode', '--audience', 'x', token],
    ]) {
      const run = await runCli(args);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('the token is never read from the command line');
      expect(run.stderr).toContain('treat it as exposed');
      expect(run.stderr).not.toContain(token.split('.')[1]?.slice(0, 24));
    }
  });

  it.each([
    [['decode', 'token.jwt'], 'did you mean --file token.jwt?'],
    [['decode', '--file', '/nonexistent/token'], 'cannot read token file /nonexistent/token: no such file'],
    [['decode', '--format', 'yaml'], '--format must be text or json, got "yaml"'],
    [['decode', '--min-lifetime', 'soon'], "--min-lifetime: invalid duration 'soon'"],
    [['decode', '--claim', 'sub'], '--claim must be NAME=PATTERN'],
    [['decode', '--issuer', 'auth.example.com'], '--issuer must be an https URL'],
    [['decode', '--client-id-env', 'A', '--client-secret-env', 'B'], 'need --introspection-url'],
    [['decode', '--bogus'], "Unknown option '--bogus'"],
    [['decode'], 'standard input is empty'],
  ])('exits 2 on bad usage: %j', async (args, message) => {
    const run = await runCli(args, { input: '' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 when nothing is piped in and no --file is given, saying how to give the token', async () => {
    const run = await runCli(['decode', '--audience', 'sts.amazonaws.com'], { stdinIsTTY: true });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no token: give --file PATH, or pipe the token in');
  });

  it('exits 2 on an input far larger than any token, without reading it all', async () => {
    const input = `eyJ${'A'.repeat(1024 * 1024)}`;
    const run = await runCli(['decode'], { input });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('larger than 64 KiB');
    // It stopped at the first chunk past the limit: two of a pipe's 64 KiB chunks.
    expect(run.stdinRead).toBeLessThanOrEqual(128 * 1024);
    expect(run.stdinRead).toBeLessThan(input.length);
  });

  it('documents every flag, with examples, in --help and in the command list', async () => {
    const help = await runCli(['decode', '--help']);
    expect(help.status).toBe(0);
    for (const flag of [
      '--file',
      '--format',
      '--issuer',
      '--audience',
      '--scope',
      '--claim',
      '--min-lifetime',
      '--clock-skew',
      '--jwks-url',
      '--introspection-url',
      '--client-id-env',
      '--client-secret-env',
      '--allow-unverifiable',
      '--no-verify',
    ]) {
      expect(help.stdout).toContain(flag);
    }
    expect(help.stdout).toContain('Examples:');
    expect((await runCli(['--help'])).stdout).toMatch(/^ {2}decode +Show a token/m);
  });
});
