import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FetchLike } from '../../src/sources/http.js';
import { createKeyStore } from '../../src/sources/jwks.js';
import type { KeySetResult } from '../../src/tokens/types.js';
import { type OidcIssuer, startOidcIssuer, unusedLoopbackUrl } from '../fixtures/oidc-issuer.js';

const noSleep = async () => undefined;
const fresh = { refresh: false } as const;

function keysOf(result: KeySetResult) {
  if (!result.ok) throw new Error(`expected keys, got: ${result.reason}`);
  return result.jwks.keys;
}

let idp: OidcIssuer;
let ghes: OidcIssuer;
beforeAll(async () => {
  [idp, ghes] = await Promise.all([startOidcIssuer(), startOidcIssuer({ path: '/_services/token', algs: ['RS256'] })]);
});
afterAll(async () => {
  await Promise.all([idp.close(), ghes.close()]);
});
afterEach(() => {
  idp.misbehave({ jwks: 'ok', discovery: 'ok' });
});

describe('discovery and JWKS', () => {
  it('finds the keys through discovery, and they verify the issuer’s RS256 and ES256 tokens', async () => {
    const store = createKeyStore();
    const result = await store.keysFor(idp.issuer)(fresh);
    expect(result).toMatchObject({ ok: true, source: idp.jwksUrl });
    const jwks = { keys: keysOf(result).map((k) => ({ ...k })) };
    for (const key of idp.keys) {
      const token = await idp.mint({ sub: 'repo:acme/api:ref:refs/heads/main' }, { kid: key.kid });
      const verified = await jwtVerify(token, createLocalJWKSet(jwks), { issuer: idp.issuer });
      expect(verified.protectedHeader).toMatchObject({ alg: key.alg, kid: key.kid });
    }
  });

  it('keeps the path of an issuer that has one (GitHub Enterprise Server: https://HOST/_services/token)', async () => {
    const result = await createKeyStore().keysFor(ghes.issuer)(fresh);
    expect(result).toMatchObject({ ok: true, source: `${ghes.issuer}/.well-known/jwks` });
    expect(keysOf(result).map((k) => k.kid)).toEqual(ghes.keys.map((k) => k.kid));
  });

  it('uses a JWKS URL named directly, without discovery', async () => {
    const before = idp.requestCount('discovery');
    idp.misbehave({ discovery: 'down' });
    const result = await createKeyStore().keysFor(idp.issuer, { jwksUrl: idp.jwksUrl })(fresh);
    expect(keysOf(result)).toHaveLength(2);
    expect(idp.requestCount('discovery')).toBe(before);
  });
});

describe('caching', () => {
  it('fetches discovery and the JWKS once per issuer, however many tokens and callers', async () => {
    const issuer = await startOidcIssuer({ algs: ['ES256'] });
    try {
      const store = createKeyStore();
      const results = await Promise.all(
        Array.from({ length: 5 }, () => store.keysFor(issuer.issuer)(fresh)), // concurrent: one fetch in flight
      );
      await store.keysFor(issuer.issuer)(fresh); // later, through a second GetKeys
      expect(results.every((r) => r.ok)).toBe(true);
      expect([issuer.requestCount('discovery'), issuer.requestCount('jwks')]).toEqual([1, 1]);
    } finally {
      await issuer.close();
    }
  });

  it('keeps a cache per store: a new store (a new run) fetches again', async () => {
    const issuer = await startOidcIssuer({ algs: ['ES256'] });
    try {
      await createKeyStore().keysFor(issuer.issuer)(fresh);
      await createKeyStore().keysFor(issuer.issuer)(fresh);
      expect(issuer.requestCount('jwks')).toBe(2);
    } finally {
      await issuer.close();
    }
  });

  it('refetches the JWKS exactly once on refresh (rotation), not discovery', async () => {
    const issuer = await startOidcIssuer({ algs: ['RS256'] });
    try {
      const getKeys = createKeyStore().keysFor(issuer.issuer);
      const [first] = issuer.keys;
      expect(keysOf(await getKeys(fresh)).map((k) => k.kid)).toEqual([first?.kid]);
      const rotated = await issuer.rotate({ retire: true });
      expect(keysOf(await getKeys(fresh)).map((k) => k.kid)).toEqual([first?.kid]); // still cached
      const [a, b] = await Promise.all([getKeys({ refresh: true }), getKeys({ refresh: true })]);
      expect(keysOf(a).map((k) => k.kid)).toEqual([rotated.kid]);
      expect(b).toBe(a);
      expect(keysOf(await getKeys({ refresh: true })).map((k) => k.kid)).toEqual([rotated.kid]);
      expect(keysOf(await getKeys(fresh)).map((k) => k.kid)).toEqual([rotated.kid]);
      expect([issuer.requestCount('discovery'), issuer.requestCount('jwks')]).toEqual([1, 2]);
    } finally {
      await issuer.close();
    }
  });
});

describe('failures are reasons that name the URL', () => {
  it('JWKS down (503): unverifiable, retried once', async () => {
    idp.misbehave({ jwks: 'down' });
    const before = idp.requestCount('jwks');
    const result = await createKeyStore({ sleep: noSleep }).keysFor(idp.issuer)(fresh);
    expect(result).toEqual({ ok: false, reason: `could not fetch the JWKS at ${idp.jwksUrl}: HTTP 503` });
    expect(idp.requestCount('jwks') - before).toBe(2);
  });

  it('issuer unreachable (connection refused)', async () => {
    const issuer = await unusedLoopbackUrl();
    const result = await createKeyStore({ sleep: noSleep }).keysFor(issuer)(fresh);
    expect(result).toEqual({
      ok: false,
      reason: `could not fetch the OpenID configuration at ${issuer}/.well-known/openid-configuration: connection refused`,
    });
  });

  it('JWKS slow: gives up at the timeout, without waiting for the answer', async () => {
    idp.misbehave({ jwks: 'slow' });
    const result = await createKeyStore({ timeoutMs: 200 }).keysFor(idp.issuer)(fresh);
    expect(result).toEqual({ ok: false, reason: `could not fetch the JWKS at ${idp.jwksUrl}: timed out after 200 ms` });
    // The client closed the connection before the issuer's late answer.
    expect(await idp.slowAnswers.at(-1)).toBe('abandoned');
  });

  it('discovery slow: the same', async () => {
    idp.misbehave({ discovery: 'slow' });
    const result = await createKeyStore({ timeoutMs: 200 }).keysFor(idp.issuer)(fresh);
    expect(result.ok || result.reason).toMatch(/openid-configuration: timed out after 200 ms$/);
    expect(await idp.slowAnswers.at(-1)).toBe('abandoned');
  });

  it.each([
    ['html', 'not JSON (content-type text/html)'],
    ['not-json', 'not JSON (content-type application/json)'],
    ['huge', 'larger than 1 MiB'],
  ] as const)('JWKS answering %s', async (jwks, reason) => {
    idp.misbehave({ jwks });
    const result = await createKeyStore().keysFor(idp.issuer)(fresh);
    expect(result).toEqual({ ok: false, reason: `could not fetch the JWKS at ${idp.jwksUrl}: ${reason}` });
  });

  it.each([
    ['no-keys', 'has no "keys" array'],
    ['empty-keys', 'has no usable key: its "keys" array is empty'],
    ['keys-without-kty', 'has no usable key: none of its keys has a "kty"'],
  ] as const)('JWKS shaped wrong: %s', async (jwks, reason) => {
    idp.misbehave({ jwks });
    const result = await createKeyStore().keysFor(idp.issuer)(fresh);
    expect(result).toEqual({ ok: false, reason: `the JWKS at ${idp.jwksUrl} ${reason}` });
  });

  it('discovery answering HTML', async () => {
    idp.misbehave({ discovery: 'html' });
    const result = await createKeyStore().keysFor(idp.issuer)(fresh);
    expect(result).toEqual({
      ok: false,
      reason: `could not fetch the OpenID configuration at ${idp.discoveryUrl}: not JSON (content-type text/html)`,
    });
  });

  it('discovery naming another issuer (OIDC Discovery §4.3), without fetching its keys', async () => {
    idp.misbehave({ discovery: 'mismatched-issuer' });
    const before = idp.requestCount('jwks');
    const result = await createKeyStore().keysFor(idp.issuer)(fresh);
    expect(result).toEqual({
      ok: false,
      reason: `the OpenID configuration at ${idp.discoveryUrl} names "${idp.issuer}-other", not "${idp.issuer}" (OpenID Connect Discovery 1.0 §4.3 requires them to be identical)`,
    });
    expect(idp.requestCount('jwks')).toBe(before);
  });

  it('discovery is exact about the issuer: a trailing slash is another issuer', async () => {
    const result = await createKeyStore().keysFor(`${idp.issuer}/`)(fresh);
    expect(result.ok || result.reason).toMatch(/names "http:\/\/127\.0\.0\.1:\d+", not "http:\/\/127\.0\.0\.1:\d+\/"/);
  });

  it('a jwks_uri that is plain http off loopback is refused, not fetched', async () => {
    idp.misbehave({ discovery: 'http-jwks-uri' });
    const result = await createKeyStore().keysFor(idp.issuer)(fresh);
    expect(result).toEqual({
      ok: false,
      reason: `the OpenID configuration at ${idp.discoveryUrl} names jwks_uri http://keys.example.com/jwks: not https (plain http is allowed on loopback only)`,
    });
  });

  it('discovery without jwks_uri', async () => {
    idp.misbehave({ discovery: 'no-jwks-uri' });
    const result = await createKeyStore().keysFor(idp.issuer)(fresh);
    expect(result).toEqual({ ok: false, reason: `the OpenID configuration at ${idp.discoveryUrl} has no "jwks_uri"` });
  });

  it.each([
    ['http://idp.example.com', 'not https (plain http is allowed on loopback only)'],
    ['https://idp.example.com?tenant=1', 'has a query or fragment'],
    ['not a url', 'not an absolute URL'],
  ])('issuer %s is refused before any request', async (issuer, why) => {
    const fetch = vi.fn<FetchLike>();
    const result = await createKeyStore({ fetch }).keysFor(issuer)(fresh);
    expect(result.ok || result.reason).toContain(why);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('a direct JWKS URL over plain http off loopback is refused', async () => {
    const fetch = vi.fn<FetchLike>();
    const result = await createKeyStore({ fetch }).keysFor('https://idp.example.com', {
      jwksUrl: 'http://idp.example.com/keys',
    })(fresh);
    expect(result).toEqual({
      ok: false,
      reason: 'JWKS URL http://idp.example.com/keys cannot be used: not https (plain http is allowed on loopback only)',
    });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('a failure is cached too: the issuer is not asked again in the run', async () => {
    idp.misbehave({ jwks: 'down' });
    const getKeys = createKeyStore({ retries: 0 }).keysFor(idp.issuer);
    const before = idp.requestCount('jwks');
    await getKeys(fresh);
    await getKeys(fresh);
    expect(idp.requestCount('jwks') - before).toBe(1);
  });
});
