/**
 * No secret in any output, with debug logging on: the introspection client secret (registered before the request,
 * though the endpoint echoes it in a claim), a bearer token given with its `Bearer ` scheme (the bare token is
 * registered too) and an API key in a configured URL's query (URLs are shown by src/text/secrets.ts's redactUrl). A
 * URL with user info is refused outright (mask-rule.test.ts). Run in process as the runner runs the action (harness.ts); the leak scanner is
 * leaks.ts.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir, writeFiles } from '../fixtures/temp-files.js';
import { actionDefaults, runAction } from './harness.js';
import { findLeaks, maskedSecrets, withoutMaskCommands } from './leaks.js';

const CLIENT_SECRET = 'cs_9f8e7d6c5b4a39281706f5e4d3c2b1a0';
const OPAQUE = 'op_aq5Ue7oKeN0123456789abcdefABCDEF';
const PREFIXED = 'pf_b3aRerT0kEn9876543210zyxwvUTSRQ';
const API_KEY = 'sk_live_51HxYzAbCdEfGhIjKlMnOp';

let server: Server;
let base = '';
beforeAll(async () => {
  // An introspection endpoint that echoes the client secret in a claim, and a JWKS endpoint that is down.
  server = createServer((req, res) => {
    if (req.url?.startsWith('/introspect')) {
      const basic = Buffer.from(String(req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString();
      const secret = decodeURIComponent(basic.slice(basic.indexOf(':') + 1));
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ active: true, sub: 'deployer', echoed_secret: secret, scope: 'deploy' }));
      return;
    }
    res.statusCode = 503;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  removeTempDirs();
});

describe('no secret in any output', () => {
  it('masks the introspection client secret, the bare bearer token, and redacts URLs', async () => {
    // The introspection endpoint is the workflow's to name (the tokens input), never the config file's.
    const tokens = `- name: introspected
  from-env: OPAQUE_TOKEN
  introspection:
    url: ${base}/introspect
    client-id-env: CLIENT_ID
    client-secret-env: CLIENT_SECRET
`;
    const config = `github-oidc: { enabled: false }
tokens:
  - name: prefixed
    from-env: PREFIXED_TOKEN
  - name: keyed
    from-env: JWT_TOKEN
    jwks-url: ${base}/keys?api_key=${API_KEY}
`;
    const jwt = `eyJhbGciOiJSUzI1NiJ9.${Buffer.from('{"iss":"https://idp.example","exp":4102444800}').toString('base64url')}.c2lnbmF0dXJlc2lnbmF0dXJl`;
    const run = await runAction(
      { ...actionDefaults(), tokens },
      {
        GITHUB_WORKSPACE: writeFiles(tempDir(), { '.github/preflight.yml': config }),
        RUNNER_DEBUG: '1',
        OPAQUE_TOKEN: OPAQUE,
        PREFIXED_TOKEN: `Bearer ${PREFIXED}`,
        JWT_TOKEN: jwt,
        CLIENT_ID: 'preflight',
        CLIENT_SECRET,
      },
    );
    expect(run.report?.findings.length).toBeGreaterThan(0);
    const artifacts = {
      stdout: withoutMaskCommands(run.stdout),
      stderr: run.stderr,
      summary: run.summary,
      outputs: run.outputFile,
      report: run.reportText ?? '',
    };
    expect(findLeaks(artifacts, [CLIENT_SECRET, OPAQUE, PREFIXED, API_KEY])).toEqual([]);
    for (const [where, text] of Object.entries(artifacts)) {
      expect(text, where).not.toContain('sk_live_');
    }
    const masked = maskedSecrets(run.stdout);
    for (const secret of [CLIENT_SECRET, OPAQUE, PREFIXED]) expect(masked).toContain(secret);
    // The URLs are still named, without their credentials.
    expect(run.reportText).toContain(`${base}/keys`);
  });
});
