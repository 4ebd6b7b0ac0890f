/**
 * Redirects through the action as the runner runs it: a bearer token whose `jwks-url` answers with a redirect to
 * plain http on another host, or with a redirect loop. The Location is checked before it is followed (src/sources/
 * http.ts), so the token is unverifiable with the reason, and the run fails closed.
 */
import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServer, listenOnLoopback } from '../fixtures/loopback.js';
import { type OidcIssuer, startOidcIssuer } from '../fixtures/oidc-issuer.js';
import { actionDefaults, runAction } from './harness.js';

let issuer: OidcIssuer;
let redirector: ReturnType<typeof createServer>;
let base = '';
beforeAll(async () => {
  issuer = await startOidcIssuer();
  redirector = createServer((req, res) => {
    // /away: to plain http on a host that is not loopback (TEST-NET-1, never reachable); /loop: to itself.
    const location = req.url === '/away' ? 'http://192.0.2.1/keys' : `${base}/loop`;
    res.writeHead(302, { location });
    res.end();
  });
  base = await listenOnLoopback(redirector);
});
afterAll(async () => {
  await issuer.close();
  await closeServer(redirector);
});

async function runWithJwks(jwksUrl: string) {
  const token = await issuer.mint({ sub: 'svc', aud: 'api://deploy', exp: Math.floor(Date.now() / 1000) + 3600 });
  const tokens = [
    '- name: deploy-api',
    '  from-env: DEPLOY_API_TOKEN',
    `  issuer: ${issuer.issuer}`,
    `  jwks-url: ${jwksUrl}`,
  ].join('\n');
  return runAction({ ...actionDefaults(), 'github-oidc': 'false', tokens }, { DEPLOY_API_TOKEN: token });
}

describe('a key set that redirects', () => {
  it('to plain http on another host: refused before it is contacted, the token unverifiable', async () => {
    const run = await runWithJwks(`${base}/away`);
    expect(run.status).toBe(1);
    const token = run.report?.findings.find((f) => f.subject.includes('deploy-api'));
    expect(token?.status).not.toBe('pass');
    expect(JSON.stringify(run.report)).toMatch(/plain http is allowed on loopback only/);
  });

  it('in a loop: stops after a few redirects and says so', async () => {
    const run = await runWithJwks(`${base}/loop`);
    expect(run.status).toBe(1);
    expect(JSON.stringify(run.report)).toMatch(/more than 5 redirects/);
  });
});
