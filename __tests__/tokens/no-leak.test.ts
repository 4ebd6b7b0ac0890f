/**
 * No finding ever carries the token: every scenario is run through decode, verify and checkToken, and the
 * findings (message, evidence, fix, everything) are searched for the token and each of its segments.
 */
import { exportSPKI, SignJWT, UnsecuredJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkToken } from '../../src/checks/token.js';
import { decodeToken } from '../../src/tokens/decode.js';
import { GITHUB_ISSUER } from '../../src/tokens/github.js';
import type { GetKeys, TokenSpec } from '../../src/tokens/types.js';
import { verifyJwt } from '../../src/tokens/verify.js';
import { fakeKeys, githubClaims, jwksOf, keysOk, makeKey, mint, NOW, type TestKey } from './mint.js';

let key: TestKey;
let good: GetKeys;
beforeAll(async () => {
  key = await makeKey('ES256', 'k1');
  good = fakeKeys(keysOk(jwksOf(key)));
});

const spec: TokenSpec = {
  name: 'deploy',
  source: { kind: 'github-oidc', audience: 'sts.amazonaws.com' },
  expect: {
    issuer: GITHUB_ISSUER,
    minLifetimeSeconds: 120,
    requiredScopes: ['deploy'],
    claims: { sub: 'repo:acme/api:environment:production', repository: 'ACME/api' },
  },
};

type Scenario = [string, () => Promise<string>, (token: string) => GetKeys];
const withGood = () => good;

const SCENARIOS: Scenario[] = [
  ['valid', () => mint(key, githubClaims()), withGood],
  ['expired', () => mint(key, githubClaims({ exp: NOW - 900 })), withGood],
  ['expiring too soon', () => mint(key, githubClaims({ exp: NOW + 30 })), withGood],
  ['not yet valid', () => mint(key, githubClaims({ nbf: NOW + 900 })), withGood],
  ['wrong audience', () => mint(key, githubClaims({ aud: ['a', 'b'] })), withGood],
  ['wrong issuer', () => mint(key, githubClaims({ iss: 'https://evil.test' })), withGood],
  ['alg none', async () => new UnsecuredJWT(githubClaims()).encode(), withGood],
  [
    'HS256 with the public key as secret',
    async () =>
      new SignJWT(githubClaims())
        .setProtectedHeader({ alg: 'HS256' })
        .sign(new TextEncoder().encode(await exportSPKI(key.publicKey))),
    withGood,
  ],
  ['unknown kid', async () => mint(await makeKey('ES256', 'k9'), githubClaims()), withGood],
  ['bad signature', async () => mint(await makeKey('ES256', 'k1'), githubClaims()), withGood],
  // An adapter that echoes the token in its error must not leak it either.
  [
    'keys down, echoing the token',
    () => mint(key, githubClaims()),
    (t) => fakeKeys({ ok: false, reason: `refused ${t}` }),
  ],
  ['truncated', async () => (await mint(key, githubClaims())).slice(0, 120), withGood],
  ['signature cut short', async () => (await mint(key, githubClaims())).slice(0, -10), withGood],
  ['given with Bearer', async () => `Bearer ${await mint(key, githubClaims())}`, withGood],
  ['garbage', async () => 'eyJ%%%garbage-token-value%%%', withGood],
  ['opaque', async () => 'ghp_0123456789abcdefABCDEF0123456789abcd', withGood],
  ['1 MB', async () => `eyJhbGciOiJFUzI1NiJ9.${'QUFB'.repeat(1 << 18)}.c2ln`, withGood],
];

/** Every piece of the token a leak could show: the whole, each segment, and long runs of each. */
function secretsOf(token: string): string[] {
  const pieces = [token.trim(), ...token.trim().split(/[.\s]/)].filter((p) => p.length >= 12);
  return pieces.map((p) => p.slice(0, 40));
}

describe('no finding contains the token or its signature', () => {
  it.each(SCENARIOS)('%s', async (_, make, keys) => {
    const token = await make();
    const decoded = decodeToken(token);
    const verification = decoded.kind === 'jwt' ? await verifyJwt(token, keys(token)) : undefined;
    const findings = checkToken({ spec, decoded, ...(verification ? { verification } : {}), now: NOW });
    expect(findings.length).toBeGreaterThan(0);
    const text = JSON.stringify({ findings, verification, decoded: decoded.kind === 'jwt' ? {} : decoded });
    for (const secret of secretsOf(token)) expect(text).not.toContain(secret);
  });
});
