import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FetchLike } from '../../src/sources/http.js';
import { introspectToken } from '../../src/sources/introspection.js';
import type { IntrospectionConfig } from '../../src/tokens/types.js';
import { type IntrospectionServer, startIntrospectionServer } from '../fixtures/introspection-server.js';

const noSleep = async () => undefined;
const ACTIVE = 'opaque-active-8f3b2c';
const REVOKED = 'opaque-revoked-1d9e7a';
// A client secret with characters RFC 6749 §2.3.1 makes us form-encode before base64.
const env = { INTROSPECT_ID: 'preflight client', INTROSPECT_SECRET: 's3cr:et/+%é' };

let server: IntrospectionServer;
let config: IntrospectionConfig;
beforeAll(async () => {
  server = await startIntrospectionServer({
    clientId: env.INTROSPECT_ID,
    clientSecret: env.INTROSPECT_SECRET,
    answers: {
      [ACTIVE]: {
        active: true,
        scope: 'deploy:write read',
        client_id: 'ci-deployer',
        token_type: 'Bearer',
        exp: 1_700_000_600,
        iat: 1_700_000_000,
        nbf: 1_700_000_000,
        aud: 'https://api.example.com',
        iss: 'https://auth.example.com',
        sub: 'svc-deployer',
      },
      [REVOKED]: { active: false },
    },
  });
  config = { url: server.url, clientIdEnv: 'INTROSPECT_ID', clientSecretEnv: 'INTROSPECT_SECRET' };
});
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  server.misbehave('ok');
});

const shown = (value: unknown) => JSON.stringify(value);

describe('introspectToken', () => {
  it('an active token is verified, with the claims the server returned', async () => {
    const result = await introspectToken(ACTIVE, config, env);
    expect(result).toEqual({
      status: 'verified',
      method: 'introspection',
      keySource: server.url,
      introspected: expect.objectContaining({
        active: true,
        scope: 'deploy:write read',
        client_id: 'ci-deployer',
        exp: 1_700_000_600,
        aud: 'https://api.example.com',
        sub: 'svc-deployer',
      }),
    });
  });

  it('speaks RFC 7662 §2.1: a form-encoded POST with token_type_hint and Basic client authentication', async () => {
    await introspectToken(ACTIVE, config, env);
    expect(server.requests.at(-1)).toEqual({
      method: 'POST',
      contentType: 'application/x-www-form-urlencoded',
      clientAuthenticated: true,
      hasToken: true,
      tokenTypeHint: 'access_token',
    });
  });

  it('active: false is a failure of class inactive', async () => {
    const result = await introspectToken(REVOKED, config, env);
    expect(result).toEqual({
      status: 'failed',
      class: 'inactive',
      reason: `the introspection endpoint ${server.url} says the token is not active: it is revoked, expired, or unknown to that server`,
    });
  });

  it('a token the server does not know is inactive too', async () => {
    expect(await introspectToken('never-issued', config, env)).toMatchObject({ status: 'failed', class: 'inactive' });
  });

  it('refused client credentials (401) are unverifiable, not a verdict on the token, and not retried', async () => {
    const before = server.requests.length;
    const result = await introspectToken(ACTIVE, config, { ...env, INTROSPECT_SECRET: 'wrong' }, { sleep: noSleep });
    expect(result).toEqual({
      status: 'unverifiable',
      reason: `the introspection endpoint ${server.url} could not answer: HTTP 401 (the endpoint refused the client credentials)`,
    });
    expect(server.requests.length - before).toBe(1);
  });

  it.each([
    ['html', 'could not answer: not JSON (content-type text/html)'],
    ['no-active', 'answered without a boolean "active" (RFC 7662 §2.2)'],
    ['down', 'could not answer: HTTP 503'],
  ] as const)('an endpoint answering %s is unverifiable', async (behaviour, reason) => {
    server.misbehave(behaviour);
    const result = await introspectToken(ACTIVE, config, env, { sleep: noSleep });
    expect(result).toEqual({ status: 'unverifiable', reason: `the introspection endpoint ${server.url} ${reason}` });
  });

  it('a slow endpoint is cut at the timeout', async () => {
    server.misbehave('slow');
    const result = await introspectToken(ACTIVE, config, env, { timeoutMs: 200 });
    expect(result).toMatchObject({ status: 'unverifiable', reason: expect.stringMatching(/timed out after 200 ms$/) });
    // The client closed the connection before the server's late answer: it did not wait the answer out.
    expect(await server.slowAnswers.at(-1)).toBe('abandoned');
  });

  it('a server echoing the token back does not get it into the claims', async () => {
    server.misbehave('echo-token');
    const result = await introspectToken(ACTIVE, config, env);
    expect(result.status).toBe('verified');
    expect(shown(result)).not.toContain(ACTIVE);
  });

  it('missing client credential variables are unverifiable, with no request made', async () => {
    const fetch = vi.fn<FetchLike>();
    const result = await introspectToken(ACTIVE, config, { INTROSPECT_ID: 'x' }, { fetch });
    expect(result).toEqual({
      status: 'unverifiable',
      reason: 'introspection client credentials: INTROSPECT_SECRET not set or empty',
    });
    const half = await introspectToken(ACTIVE, { url: server.url, clientIdEnv: 'INTROSPECT_ID' }, env, { fetch });
    expect(half).toMatchObject({ status: 'unverifiable', reason: expect.stringContaining('needs both') });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('an endpoint over plain http off loopback is refused before anything is sent', async () => {
    const fetch = vi.fn<FetchLike>();
    const result = await introspectToken(ACTIVE, { ...config, url: 'http://auth.example.com/introspect' }, env, {
      fetch,
    });
    expect(result).toMatchObject({ status: 'unverifiable', reason: expect.stringContaining('not https') });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('does not quote credentials embedded in a refused endpoint URL', async () => {
    const result = await introspectToken(ACTIVE, { url: 'https://id:hunter2@auth.example.com/introspect' }, env);
    expect(result).toEqual({
      status: 'unverifiable',
      reason:
        'introspection endpoint https://auth.example.com/introspect cannot be used: a URL must not carry credentials',
    });
  });

  it('never shows the token or the client secret in any outcome', async () => {
    const outcomes = [
      await introspectToken(ACTIVE, config, env),
      await introspectToken(REVOKED, config, env),
      await introspectToken(ACTIVE, config, { ...env, INTROSPECT_SECRET: 'wrong' }),
    ];
    for (const outcome of outcomes) {
      for (const secret of [ACTIVE, REVOKED, env.INTROSPECT_SECRET]) expect(shown(outcome)).not.toContain(secret);
    }
  });
});
