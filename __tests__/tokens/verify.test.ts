import { exportSPKI, SignJWT, UnsecuredJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Verification } from '../../src/tokens/types.js';
import { verifyJwt } from '../../src/tokens/verify.js';
import { fakeKeys, githubClaims, jwksOf, keysOk, makeKey, mint, type TestKey } from './mint.js';

let rsa: TestKey;
let rotated: TestKey;
let stranger: TestKey;
beforeAll(async () => {
  rsa = await makeKey('RS256', 'old');
  rotated = await makeKey('RS256', 'new');
  stranger = await makeKey('RS256', 'old'); // same kid as `rsa`, different key
});

/** The failure class, or the status when there is none. */
const outcome = (v: Verification) => (v.status === 'failed' ? v.class : v.status);

describe('verifyJwt: signatures', () => {
  it.each(['RS256', 'RS384', 'PS256', 'ES256', 'ES384', 'EdDSA'])('verifies %s with the published key', async (alg) => {
    const key = await makeKey(alg);
    const result = await verifyJwt(await mint(key, githubClaims()), fakeKeys(keysOk(jwksOf(key))));
    expect(result).toEqual({
      status: 'verified',
      method: 'jwks',
      alg,
      kid: key.kid,
      keySource: 'https://issuer.test/.well-known/jwks.json',
    });
  });

  it('refuses a signature made by another key under the same kid', async () => {
    const result = await verifyJwt(await mint(stranger, githubClaims()), fakeKeys(keysOk(jwksOf(rsa))));
    expect(result).toMatchObject({ status: 'failed', class: 'bad-signature', kid: 'old' });
  });

  it('refuses a token whose claims were changed after signing', async () => {
    const [header, , signature] = (await mint(rsa, githubClaims())).split('.');
    const forged = Buffer.from(JSON.stringify(githubClaims({ sub: 'repo:evil/api:ref:refs/heads/main' }))).toString(
      'base64url',
    );
    const result = await verifyJwt(`${header}.${forged}.${signature}`, fakeKeys(keysOk(jwksOf(rsa))));
    expect(outcome(result)).toBe('bad-signature');
  });

  it('refuses a token whose signature was cut short', async () => {
    const token = await mint(rsa, githubClaims());
    expect(outcome(await verifyJwt(token.slice(0, -20), fakeKeys(keysOk(jwksOf(rsa)))))).toBe('bad-signature');
  });

  it('picks the right key when several fit and the token has no kid', async () => {
    const token = await mint(rotated, githubClaims(), { kid: undefined });
    const result = await verifyJwt(token, fakeKeys(keysOk(jwksOf(rsa, rotated))));
    expect(result).toMatchObject({ status: 'verified', alg: 'RS256' });
  });
});

// RFC 8725 §2.1 and §3.1 (https://www.rfc-editor.org/rfc/rfc8725#section-3.1): the verifier chooses the algorithm.
describe('verifyJwt: the algorithm allowlist', () => {
  it('refuses an unsigned token (alg none), without asking for keys', async () => {
    const getKeys = fakeKeys(keysOk(jwksOf(rsa)));
    const result = await verifyJwt(new UnsecuredJWT(githubClaims()).encode(), getKeys);
    expect(result).toMatchObject({ status: 'failed', class: 'bad-signature', alg: 'none' });
    expect(result.status === 'failed' && result.reason).toContain('unsigned');
    expect(getKeys.calls).toEqual([]);
  });

  it('refuses alg none even when the caller lists it', async () => {
    const result = await verifyJwt(new UnsecuredJWT(githubClaims()).encode(), fakeKeys(keysOk(jwksOf(rsa))), {
      algorithms: ['none', 'RS256'],
    });
    expect(outcome(result)).toBe('bad-signature');
  });

  it("refuses HS256 signed with the issuer's public key as the secret (key confusion)", async () => {
    const secret = new TextEncoder().encode(await exportSPKI(rsa.publicKey));
    const token = await new SignJWT(githubClaims()).setProtectedHeader({ alg: 'HS256', kid: 'old' }).sign(secret);
    const result = await verifyJwt(token, fakeKeys(keysOk(jwksOf(rsa))), { algorithms: ['HS256', 'RS256'] });
    expect(result).toMatchObject({ status: 'failed', class: 'bad-signature', alg: 'HS256' });
    expect(result.status === 'failed' && result.reason).toMatch(/HMAC.*publishes public keys/);
  });

  it('refuses an algorithm outside the allowlist', async () => {
    const result = await verifyJwt(await mint(rsa, githubClaims()), fakeKeys(keysOk(jwksOf(rsa))), {
      algorithms: ['ES256'],
    });
    expect(result).toMatchObject({ status: 'failed', class: 'bad-signature' });
    expect(result.status === 'failed' && result.reason).toContain('"alg": "RS256" is not among the allowed algorithms');
  });

  it('refuses a key that exists under the kid but cannot verify the alg', async () => {
    const ec = await makeKey('ES256', 'old');
    const result = await verifyJwt(await mint(ec, githubClaims()), fakeKeys(keysOk(jwksOf(rsa))));
    expect(result).toMatchObject({ status: 'failed', class: 'bad-signature', kid: 'old' });
  });
});

describe('verifyJwt: key rotation and unknown keys', () => {
  it('refetches the keys once when the kid is unknown, and verifies with the new key', async () => {
    const getKeys = fakeKeys(keysOk(jwksOf(rsa)), keysOk(jwksOf(rsa, rotated), 'https://issuer.test/jwks?fresh'));
    const result = await verifyJwt(await mint(rotated, githubClaims()), getKeys);
    expect(result).toMatchObject({ status: 'verified', kid: 'new', keySource: 'https://issuer.test/jwks?fresh' });
    expect(getKeys.calls).toEqual([false, true]);
  });

  it('does not refetch when the kid is known', async () => {
    const getKeys = fakeKeys(keysOk(jwksOf(rsa)));
    await verifyJwt(await mint(rsa, githubClaims()), getKeys);
    expect(getKeys.calls).toEqual([false]);
  });

  it('reports unknown-key, naming the kids it has, when the refetched keys still lack it', async () => {
    const getKeys = fakeKeys(keysOk(jwksOf(rsa)));
    const result = await verifyJwt(await mint(rotated, githubClaims()), getKeys);
    expect(result).toMatchObject({ status: 'failed', class: 'unknown-key', kid: 'new' });
    expect(result.status === 'failed' && result.reason).toContain('(old)');
    expect(getKeys.calls).toEqual([false, true]);
  });
});

describe('verifyJwt: keys that cannot be had, and tokens that cannot be verified', () => {
  it('is unverifiable, with the reason, when the keys cannot be fetched', async () => {
    const getKeys = fakeKeys({ ok: false, reason: 'GET https://issuer.test/jwks timed out after 5 s' });
    const result = await verifyJwt(await mint(rsa, githubClaims()), getKeys);
    expect(result).toEqual({
      status: 'unverifiable',
      reason: "the issuer's keys could not be had: GET https://issuer.test/jwks timed out after 5 s",
    });
  });

  it('is unverifiable when the refetch fails', async () => {
    const getKeys = fakeKeys(keysOk(jwksOf(rsa)), { ok: false, reason: 'connection refused' });
    const result = await verifyJwt(await mint(rotated, githubClaims()), getKeys);
    expect(result).toMatchObject({ status: 'unverifiable' });
    expect(getKeys.calls).toEqual([false, true]);
  });

  it('is unverifiable when getKeys throws instead of answering', async () => {
    const result = await verifyJwt(await mint(rsa, githubClaims()), async () => {
      throw new Error('socket hang up');
    });
    expect(result).toEqual({ status: 'unverifiable', reason: "the issuer's keys could not be had: socket hang up" });
  });

  it('is unverifiable when the key set is garbage', async () => {
    const result = await verifyJwt(await mint(rsa, githubClaims()), fakeKeys(keysOk({ keys: 'nope' } as never)));
    expect(outcome(result)).toBe('unverifiable');
  });

  it('calls an opaque token unverifiable (it has no signature)', async () => {
    expect(outcome(await verifyJwt('ghp_abcdef0123456789', fakeKeys(keysOk(jwksOf(rsa)))))).toBe('unverifiable');
  });

  it.each([
    ['garbage that looks like a JWT', 'eyJ!!!.x.y'],
    ['a truncated token', 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIi'],
    ['a 1 MB token', `eyJhbGciOiJSUzI1NiJ9.${'A'.repeat(1 << 20)}.sig`],
  ])('calls %s malformed without asking for keys', async (_, token) => {
    const getKeys = fakeKeys(keysOk(jwksOf(rsa)));
    expect(outcome(await verifyJwt(token, getKeys))).toBe('malformed');
    expect(getKeys.calls).toEqual([]);
  });

  it('never puts the token or its signature in a reason', async () => {
    const token = await mint(rsa, githubClaims());
    const signature = token.split('.')[2] ?? '';
    const leaky = fakeKeys({ ok: false, reason: `upstream echoed ${token} and ${signature}` });
    const results = await Promise.all([
      verifyJwt(token, leaky),
      verifyJwt(token.slice(0, -20), fakeKeys(keysOk(jwksOf(rsa)))),
      verifyJwt(await mint(stranger, githubClaims()), fakeKeys(keysOk(jwksOf(rsa)))),
    ]);
    for (const result of results) {
      const text = JSON.stringify(result);
      expect(text).not.toContain(signature.slice(0, 16));
      expect(text).not.toContain(token.split('.')[1]?.slice(0, 16));
    }
  });
});
