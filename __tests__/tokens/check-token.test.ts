import { exportSPKI, SignJWT, UnsecuredJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkToken, missingIdTokenPermission } from '../../src/checks/token.js';
import type { Finding } from '../../src/model/finding.js';
import { decodeToken } from '../../src/tokens/decode.js';
import { GITHUB_ISSUER } from '../../src/tokens/github.js';
import type { GetKeys, TokenExpectations, TokenSpec, Verification } from '../../src/tokens/types.js';
import { verifyJwt } from '../../src/tokens/verify.js';
import { fakeKeys, githubClaims, jwksOf, keysOk, makeKey, mint, NOW, type TestKey } from './mint.js';

let key: TestKey;
let getKeys: GetKeys;
beforeAll(async () => {
  key = await makeKey('RS256', 'k1');
  getKeys = fakeKeys(keysOk(jwksOf(key)));
});

const github = (expect: TokenExpectations = {}): TokenSpec => ({
  name: 'deploy',
  source: { kind: 'github-oidc', audience: 'sts.amazonaws.com' },
  expect: { issuer: GITHUB_ISSUER, ...expect },
});
const bearer = (expect: TokenExpectations = {}): TokenSpec => ({
  name: 'api',
  source: { kind: 'env', name: 'API_TOKEN' },
  expect,
});

/** Decodes, verifies and checks `token` the way the action will. */
async function run(token: string, spec: TokenSpec, keys: GetKeys = getKeys): Promise<Finding[]> {
  const decoded = decodeToken(token);
  const verification = decoded.kind === 'jwt' ? await verifyJwt(token, keys) : undefined;
  return checkToken({ spec, decoded, ...(verification ? { verification } : {}), now: NOW });
}
const summary = (findings: Finding[]) => findings.map((f) => [f.class, f.status, f.decisionPoint, f.wouldReturn]);

describe('checkToken', () => {
  it('yields one pass summarising what was verified', async () => {
    const findings = await run(
      await mint(key, githubClaims()),
      github({ claims: { sub: 'repo:acme/api:ref:refs/heads/main' } }),
    );
    expect(summary(findings)).toEqual([['ok', 'pass', 'token', undefined]]);
    const [pass] = findings;
    expect(pass?.id).toBe('token:deploy:ok');
    expect(pass?.message).toContain('Verified RS256 signature (key "k1")');
    expect(pass?.message).toContain('expires in 5 minutes');
    expect(pass?.evidence).toMatchObject({
      iss: GITHUB_ISSUER,
      aud: ['sts.amazonaws.com'],
      subForm: 'branch',
      exp: NOW + 300,
    });
  });

  it("expects a GitHub token's requested audience when none is given", async () => {
    const findings = await run(await mint(key, githubClaims({ aud: 'https://github.com/acme' })), github());
    expect(summary(findings)).toEqual([['wrong-audience', 'fail', 'token', 401]]);
    expect(findings[0]?.fix).toContain("core.getIDToken('sts.amazonaws.com')");
  });

  it.each([
    ['a string', 'api://other'],
    ['an array', ['api://other', 'api://another']],
  ])('refuses a wrong audience given as %s', async (_, aud) => {
    const findings = await run(await mint(key, githubClaims({ aud })), github({ audience: ['sts.amazonaws.com'] }));
    expect(findings.map((f) => [f.class, f.cause])).toEqual([['wrong-audience', 'changed-trust-or-network-rule']]);
    expect(findings[0]?.evidence.aud).toEqual(Array.isArray(aud) ? aud : [aud]);
  });

  it('refuses a wrong issuer, and explains the enterprise issuer form', async () => {
    const findings = await run(await mint(key, githubClaims({ iss: `${GITHUB_ISSUER}/acme-inc` })), github());
    expect(summary(findings)).toEqual([['wrong-issuer', 'fail', 'token', 401]]);
    expect(findings[0]?.message).toContain('include_enterprise_slug');
  });

  it.each([
    ['expired', githubClaims({ exp: NOW - 252, iat: NOW - 552, nbf: NOW - 1152 }), {}, 'expired', 'expired 4m12s ago'],
    [
      'expiring too soon',
      githubClaims({ exp: NOW + 252 }),
      { minLifetimeSeconds: 600 },
      'expires-too-soon',
      'expires in 4m12s',
    ],
    [
      'not yet valid',
      githubClaims({ nbf: NOW + 600, iat: NOW + 600, exp: NOW + 1200 }),
      {},
      'not-yet-valid',
      'not valid until',
    ],
  ])('refuses a token %s, with times in human form', async (_, claims, expect_, cls, text) => {
    const findings = await run(await mint(key, claims), github(expect_));
    expect(findings[0]).toMatchObject({ class: cls, status: 'fail', decisionPoint: 'token', wouldReturn: 401 });
    expect(findings[0]?.message).toContain(text);
    expect(findings[0]?.evidence).toHaveProperty('exp');
  });

  it('accepts an nbf back-dated by ten minutes, as GitHub issues it', async () => {
    const findings = await run(await mint(key, githubClaims({ nbf: NOW - 600 })), github());
    expect(summary(findings)).toEqual([['ok', 'pass', 'token', undefined]]);
  });

  it('makes each missing scope its own 403 finding', async () => {
    const token = await mint(key, { iss: 'https://idp.test', aud: 'api', exp: NOW + 900, scp: ['read'] });
    const findings = await run(token, bearer({ requiredScopes: ['read', 'write', 'admin'] }));
    expect(findings.map((f) => [f.id, f.wouldReturn, f.cause])).toEqual([
      ['token:api:missing-scope:write', 403, 'changed-entitlement'],
      ['token:api:missing-scope:admin', 403, 'changed-entitlement'],
    ]);
    expect(findings[0]?.evidence).toMatchObject({
      requiredScope: 'write',
      grantedScopes: ['read'],
      scopeClaims: ['scp'],
    });
  });

  it('explains a sub mismatch the GitHub way', async () => {
    const token = await mint(key, githubClaims({ sub: 'repo:acme/api:pull_request', event_name: 'pull_request' }));
    const findings = await run(token, github({ claims: { sub: 'repo:acme/api:ref:refs/heads/main' } }));
    expect(findings[0]).toMatchObject({
      id: 'token:deploy:claim-mismatch:sub',
      decisionPoint: 'token',
      cause: 'changed-trust-or-network-rule',
    });
    expect(findings[0]?.message).toMatch(
      /^sub is `repo:acme\/api:pull_request` because this run is a pull_request event/,
    );
    expect(findings[0]?.docUrl).toBe(
      'https://docs.github.com/en/actions/reference/security/oidc#example-subject-claims',
    );
  });

  it('gives a case-only mismatch its own class', async () => {
    const findings = await run(await mint(key, githubClaims()), github({ claims: { repository: 'Acme/API' } }));
    expect(summary(findings)).toEqual([['claim-case-mismatch', 'fail', 'token', 401]]);
    expect(findings[0]?.fix).toContain('`acme/api`');
  });

  it.each([
    ['alg none', async () => new UnsecuredJWT(githubClaims()).encode(), 'bad-signature', undefined],
    [
      "HS256 signed with the issuer's public key",
      async () =>
        new SignJWT(githubClaims())
          .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
          .sign(new TextEncoder().encode(await exportSPKI(key.publicKey))),
      'bad-signature',
      undefined,
    ],
    [
      'a signature by another key',
      async () => mint(await makeKey('RS256', 'k1'), githubClaims()),
      'bad-signature',
      'expired-or-rotated-credential',
    ],
    [
      'an unknown kid',
      async () => mint(await makeKey('RS256', 'k2'), githubClaims()),
      'unknown-key',
      'expired-or-rotated-credential',
    ],
  ])('refuses %s at the identity provider', async (_, make, cls, cause) => {
    const findings = await run(await make(), github());
    expect(findings[0]).toMatchObject({
      class: cls,
      status: 'fail',
      decisionPoint: 'identity-provider',
      wouldReturn: 401,
    });
    expect(findings[0]?.cause).toBe(cause);
    expect(findings[0]?.fix).toBeTruthy();
  });

  it('fails closed when the keys cannot be fetched', async () => {
    const findings = await run(
      await mint(key, githubClaims()),
      github(),
      fakeKeys({ ok: false, reason: 'JWKS answered 503' }),
    );
    expect(findings.map((f) => [f.class, f.status, f.decisionPoint])).toEqual([
      ['unverifiable', 'unverified', 'identity-provider'],
    ]);
    expect(findings[0]?.message).toContain('JWKS answered 503');
  });

  it('reports claim problems alongside a signature failure, but never a pass', async () => {
    const other = await makeKey('RS256', 'k1');
    const findings = await run(await mint(other, githubClaims({ exp: NOW - 3600 })), github());
    expect(findings.map((f) => f.class)).toEqual(['bad-signature', 'expired']);
  });

  it.each([
    ['garbage', 'eyJ!!!', 'malformed'],
    ['truncated', 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0', 'malformed'],
    ['1 MB', `eyJ${'A'.repeat(1 << 20)}`, 'oversized'],
  ])('turns a %s token into one finding', async (_, token, cls) => {
    const findings = await run(token, github());
    expect(summary(findings)).toEqual([[cls, 'fail', 'token', 401]]);
  });
});

describe('opaque tokens', () => {
  const opaque = decodeToken('ghp_0123456789abcdefABCDEF0123456789abcd');

  it('is unverifiable and fails closed without introspection', () => {
    const findings = checkToken({ spec: bearer({ issuer: 'https://idp.test' }), decoded: opaque, now: NOW });
    expect(findings.map((f) => [f.class, f.status])).toEqual([['unverifiable', 'unverified']]);
  });

  it('is accepted, and says it was not verified, when allow-unverifiable is set', () => {
    const findings = checkToken({ spec: bearer({ allowUnverifiable: true }), decoded: opaque, now: NOW });
    expect(findings.map((f) => [f.class, f.status])).toEqual([['unverifiable-allowed', 'pass']]);
    expect(findings[0]?.message).toContain('NOT verified');
    // The setting as the configuration spells it.
    expect(findings[0]?.message).toContain('`allow-unverifiable: true`');
  });

  it('checks the claims an introspection endpoint returns (RFC 7662 §2.2)', () => {
    const verification: Verification = {
      status: 'verified',
      method: 'introspection',
      keySource: 'https://idp.test/introspect',
      introspected: { active: true, scope: 'read', exp: NOW + 900, aud: 'api' },
    };
    const findings = checkToken({
      spec: bearer({ audience: ['api'], requiredScopes: ['read', 'write'] }),
      decoded: opaque,
      verification,
      now: NOW,
    });
    expect(findings.map((f) => f.id)).toEqual(['token:api:missing-scope:write']);
  });

  it('refuses an introspection answer without "active": true (RFC 7662 §2.2)', () => {
    const verification: Verification = {
      status: 'verified',
      method: 'introspection',
      keySource: 'https://idp.test/introspect',
      introspected: { scope: 'read', exp: NOW + 900 },
    };
    const findings = checkToken({ spec: bearer(), decoded: opaque, verification, now: NOW });
    expect(findings.map((f) => [f.class, f.status])).toEqual([['inactive', 'fail']]);
  });

  it('refuses a token the endpoint calls inactive', () => {
    const verification: Verification = {
      status: 'failed',
      class: 'inactive',
      reason: 'the introspection endpoint answered active: false',
    };
    const findings = checkToken({ spec: bearer(), decoded: opaque, verification, now: NOW });
    expect(findings.map((f) => [f.class, f.decisionPoint, f.cause])).toEqual([
      ['inactive', 'identity-provider', 'expired-or-rotated-credential'],
    ]);
  });
});

describe('missingIdTokenPermission', () => {
  it('says what is missing and shows the YAML to add, in one line (a fix is shown in annotations)', () => {
    const finding = missingIdTokenPermission({ eventName: 'push', jobId: 'deploy' });
    expect(finding).toMatchObject({ class: 'missing-id-token-permission', decisionPoint: 'runner', status: 'fail' });
    expect(finding.message).toContain('ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set');
    expect(finding.fix).toContain('Add `permissions: { id-token: write, contents: read }` to the job `deploy`');
    expect(finding.fix).not.toContain('\n');
    expect(finding.fix).toContain('contents: read');
    expect(finding.fix).toContain('sets every permission you do not list to none');
    expect(finding.docUrl).toBe(
      'https://docs.github.com/en/actions/reference/security/oidc#workflow-permissions-for-the-requesting-the-oidc-token',
    );
  });

  it("gives a fork pull request its own class, whose fix is not id-token: write, and names pull_request_target's risks", () => {
    const finding = missingIdTokenPermission({ eventName: 'pull_request', isForkPullRequest: true });
    expect(finding).toMatchObject({ class: 'fork-pull-request', decisionPoint: 'runner', status: 'fail' });
    expect(finding.message).toContain('GitHub never gives such runs an OIDC token');
    expect(finding.fix).not.toContain('id-token: write');
    expect(finding.fix).toContain('`github-oidc: false`');
    expect(finding.fix).toContain("never checks out or runs the fork's code");
    expect(finding.fix).toContain('secrets and a write GITHUB_TOKEN');
    expect(finding.evidence).toEqual({
      missingVariables: ['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'],
      eventName: 'pull_request',
      forkPullRequest: true,
    });
  });
});
