import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { requestGitHubIdToken } from '../../src/sources/github-oidc.js';
import type { FetchLike } from '../../src/sources/http.js';
import { createKeyStore } from '../../src/sources/jwks.js';
import {
  type ActionsTokenServer,
  inEnvironment,
  pushToMain,
  startActionsTokenServer,
} from '../fixtures/actions-token-server.js';
import { type OidcIssuer, startOidcIssuer, unusedLoopbackUrl } from '../fixtures/oidc-issuer.js';

const noSleep = async () => undefined;

let idp: OidcIssuer;
let actions: ActionsTokenServer;
beforeAll(async () => {
  idp = await startOidcIssuer({ algs: ['RS256'] });
  actions = await startActionsTokenServer({ issuer: idp });
});
afterAll(async () => {
  await actions.close();
  await idp.close();
});
afterEach(() => {
  actions.misbehave('ok');
});

/** Everything a result could show a person, as one string. */
const shown = (value: unknown) => JSON.stringify(value);

describe('requestGitHubIdToken', () => {
  it('gets a token for the audience asked, signed by the issuer, and masks it before returning', async () => {
    const masked: string[] = [];
    const result = await requestGitHubIdToken('sts.amazonaws.com', actions.env, { mask: (s) => masked.push(s) });
    if (!result.ok) throw new Error(result.detail);
    expect(actions.requests.at(-1)).toEqual({ audience: 'sts.amazonaws.com', authorized: true });
    expect(decodeJwt(result.token)).toMatchObject({
      aud: 'sts.amazonaws.com',
      iss: idp.issuer,
      sub: 'repo:acme/api:ref:refs/heads/main',
    });
    expect(masked).toEqual([actions.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN, result.token]);
    const keys = await createKeyStore().keysFor(idp.issuer)({ refresh: false });
    if (!keys.ok) throw new Error(keys.reason);
    await expect(jwtVerify(result.token, createLocalJWKSet({ keys: [...keys.jwks.keys] }))).resolves.toBeTruthy();
  });

  it('passes an audience with reserved characters through intact', async () => {
    const result = await requestGitHubIdToken('api://AzureADTokenExchange?x=1&y', actions.env, { mask: () => {} });
    expect(result.ok).toBe(true);
    expect(actions.requests.at(-1)?.audience).toBe('api://AzureADTokenExchange?x=1&y');
  });

  it('asks for GitHub’s default audience (the owner’s URL) when the audience is empty', async () => {
    const result = await requestGitHubIdToken('', actions.env, { mask: () => {} });
    if (!result.ok) throw new Error(result.detail);
    expect(actions.requests.at(-1)?.audience).toBeUndefined();
    expect(decodeJwt(result.token).aud).toBe('https://github.com/acme');
  });

  it('describes the run it is given: an environment job', async () => {
    actions.setRun(inEnvironment('production'));
    try {
      const result = await requestGitHubIdToken('sts.amazonaws.com', actions.env, { mask: () => {} });
      if (!result.ok) throw new Error(result.detail);
      expect(decodeJwt(result.token)).toMatchObject({
        sub: 'repo:acme/api:environment:production',
        environment: 'production',
      });
    } finally {
      actions.setRun(pushToMain());
    }
  });

  it.each([
    [['ACTIONS_ID_TOKEN_REQUEST_URL'], 'ACTIONS_ID_TOKEN_REQUEST_URL is not set'],
    [['ACTIONS_ID_TOKEN_REQUEST_TOKEN'], 'ACTIONS_ID_TOKEN_REQUEST_TOKEN is not set'],
    [
      ['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'],
      'ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set',
    ],
  ])('without %j: missing-id-token-permission, and nothing is requested or masked', async (unset, detail) => {
    const env: Record<string, string | undefined> = { ...actions.env, PATH: '/usr/bin' };
    for (const name of unset) env[name] = name === unset[0] ? undefined : '';
    const fetch = vi.fn<FetchLike>();
    const mask = vi.fn();
    const result = await requestGitHubIdToken('sts.amazonaws.com', env, { fetch, mask });
    expect(result).toMatchObject({ ok: false, reason: 'missing-id-token-permission' });
    expect(result.ok || result.detail).toContain(detail);
    expect(result.ok || result.detail).toContain('permissions: id-token: write');
    expect(fetch).not.toHaveBeenCalled();
    expect(mask).not.toHaveBeenCalled();
  });

  it('a refused bearer is request-failed, says why, and is not retried', async () => {
    const env = { ...actions.env, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'ghs_copied_from_another_job' };
    const before = actions.requests.length;
    const result = await requestGitHubIdToken('sts.amazonaws.com', env, { mask: () => {}, sleep: noSleep });
    expect(result).toMatchObject({ ok: false, reason: 'request-failed' });
    expect(result.ok || result.detail).toMatch(
      /^the Actions ID token endpoint \(http:\/\/127\.0\.0\.1:\d+\/.*\/idtoken\): HTTP 401: the endpoint refused ACTIONS_ID_TOKEN_REQUEST_TOKEN/,
    );
    expect(actions.requests.length - before).toBe(1);
    expect(shown(result)).not.toContain('ghs_copied_from_another_job');
    expect(shown(result)).not.toContain('api-version');
  });

  it('an endpoint that is down is request-failed after one retry', async () => {
    actions.misbehave('down');
    const before = actions.requests.length;
    const result = await requestGitHubIdToken('sts.amazonaws.com', actions.env, { mask: () => {}, sleep: noSleep });
    expect(result).toMatchObject({ ok: false, reason: 'request-failed' });
    expect(result.ok || result.detail).toMatch(/: HTTP 503$/);
    expect(actions.requests.length - before).toBe(2);
  });

  it('a slow endpoint is cut at the timeout', async () => {
    actions.misbehave('slow');
    const result = await requestGitHubIdToken('sts.amazonaws.com', actions.env, { mask: () => {}, timeoutMs: 200 });
    expect(result.ok || result.detail).toMatch(/: timed out after 200 ms$/);
    // The client closed the connection before the endpoint's late answer: it did not wait the answer out.
    expect(await actions.slowAnswers.at(-1)).toBe('abandoned');
  });

  it('an answer without "value" is request-failed', async () => {
    actions.misbehave('no-value');
    const result = await requestGitHubIdToken('sts.amazonaws.com', actions.env, { mask: () => {} });
    expect(result).toMatchObject({ ok: false, reason: 'request-failed' });
    expect(result.ok || result.detail).toMatch(/answered without a "value" holding a token$/);
  });

  it('an unreachable endpoint is request-failed', async () => {
    const env = {
      ...actions.env,
      ACTIONS_ID_TOKEN_REQUEST_URL: `${await unusedLoopbackUrl()}/idtoken?api-version=2.0`,
    };
    const result = await requestGitHubIdToken('x', env, { mask: () => {}, sleep: noSleep });
    expect(result.ok || result.detail).toMatch(/: connection refused$/);
  });

  it('never puts a token or the request token in a failure', async () => {
    const secrets = [actions.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN, ...actions.issued];
    for (const behaviour of ['down', 'no-value'] as const) {
      actions.misbehave(behaviour);
      const result = await requestGitHubIdToken('aud', actions.env, { mask: () => {}, sleep: noSleep });
      for (const secret of secrets) expect(shown(result)).not.toContain(secret);
    }
  });
});
