/**
 * Token scenarios for bearer tokens from the `tokens` input (github-oidc off): a pass, audience, scopes, key
 * rotation and unknown keys, a JWKS that is down, opaque tokens with and without introspection, forged algorithms,
 * garbage and oversized tokens; then runs of several tokens, report mode, and bad configuration.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exportSPKI, type JWTPayload } from 'jose';
import { expect } from 'vitest';
import { pushToMain } from '../fixtures/actions-token-server.js';
import { startIntrospectionServer } from '../fixtures/introspection-server.js';
import { type Prepared, rotatingJwks, type Scenario, type World, writeTemp } from './scenario-world.js';

interface BearerOptions {
  readonly issuer?: string;
  readonly audience?: string;
  readonly scopes?: readonly string[];
  readonly jwksUrl?: string;
  readonly extra?: string;
}

/** A `tokens` input with one token, `deploy-api`, read from DEPLOY_API_TOKEN. */
function tokensInput(o: BearerOptions): string {
  return [
    '- name: deploy-api',
    '  from-env: DEPLOY_API_TOKEN',
    ...(o.issuer ? [`  issuer: ${o.issuer}`] : []),
    ...(o.audience ? [`  audience: ${o.audience}`] : []),
    ...(o.scopes ? [`  scopes: [${o.scopes.join(', ')}]`] : []),
    ...(o.jwksUrl ? [`  jwks-url: ${o.jwksUrl}`] : []),
    '  min-lifetime: 10m',
    ...(o.extra ? [o.extra] : []),
  ].join('\n');
}

function bearer(world: World, token: string, o: BearerOptions, extra: Partial<Prepared> = {}): Prepared {
  world.bearer(token);
  return {
    inputs: { 'github-oidc': 'false', tokens: tokensInput(o) },
    env: { DEPLOY_API_TOKEN: token },
    decodeArgs: [
      ...(o.issuer ? ['--issuer', o.issuer] : []),
      ...(o.audience ? ['--audience', o.audience] : []),
      ...(o.scopes ?? []).flatMap((s) => ['--scope', s]),
      ...(o.jwksUrl ? ['--jwks-url', o.jwksUrl] : []),
      '--min-lifetime',
      '10m',
    ],
    ...extra,
  };
}

/** Claims of an API access token from the issuer: an hour to live, scopes `deploy:write read`. */
function apiClaims(world: World, overrides: JWTPayload = {}): JWTPayload {
  return { sub: 'svc-deploy', aud: 'api://deploy', scope: 'deploy:write read', exp: world.now() + 3600, ...overrides };
}

const expectation = (w: World, o: BearerOptions = {}): BearerOptions => ({
  issuer: w.issuer.issuer,
  audience: 'api://deploy',
  scopes: ['deploy:write'],
  ...o,
});

const randomToken = (bytes: number) => randomBytes(bytes).toString('base64url');

/** Bearer token scenarios: named tokens from env or a file, with their expectations. */
export const bearerScenarios: Scenario[] = [
  {
    name: 'Bearer token from env: passes',
    expected: { status: 0, result: 'pass', findings: [['token', 'ok', 'pass']] },
    prepare: async (w) => bearer(w, await w.issuer.mint(apiClaims(w)), expectation(w)),
  },
  {
    name: 'Bearer token: wrong audience',
    expected: {
      status: 1,
      result: 'fail',
      findings: [['token', 'wrong-audience', 'fail']],
      summary: ['Request the token for audience `api://deploy`'],
    },
    prepare: async (w) =>
      bearer(w, await w.issuer.mint(apiClaims(w, { aud: ['api://billing', 'api://search'] })), expectation(w)),
  },
  {
    name: 'Bearer token: a missing scope would end in 403',
    expected: {
      status: 1,
      result: 'fail',
      findings: [['token', 'missing-scope', 'fail']],
      summary: ['lacks the scope `admin:write`', 'Grant `admin:write` to the client'],
    },
    prepare: async (w) =>
      bearer(w, await w.issuer.mint(apiClaims(w)), expectation(w, { scopes: ['deploy:write', 'admin:write'] }), {
        check: (run) => expect(run.report?.counts).toMatchObject({ would403: 1, would401: 0 }),
      }),
  },
  {
    name: 'Bearer token: an unknown kid that the issuer rotated in passes after one refetch',
    expected: { status: 0, result: 'pass', findings: [['token', 'ok', 'pass']] },
    prepare: async (w) => {
      const own = await w.startIssuer();
      const stale = own.keys.map((k) => k.publicJwk);
      await own.rotate({ alg: 'ES256' });
      const jwks = await rotatingJwks(w, stale, () => own.keys.map((k) => k.publicJwk));
      const token = await own.mint(apiClaims(w));
      return bearer(w, token, expectation(w, { issuer: own.issuer, jwksUrl: jwks.url }), {
        check: () => expect(jwks.requests()).toBe(2),
      });
    },
  },
  {
    name: 'Bearer token: a kid the issuer never published',
    expected: {
      status: 1,
      result: 'fail',
      findings: [['identity-provider', 'unknown-key', 'fail']],
      summary: ['even after refetching them'],
    },
    prepare: async (w) => {
      const own = await w.startIssuer();
      const token = await own.mint(apiClaims(w), { key: await own.newUnpublishedKey('ES256') });
      const jwksBefore = own.requestCount('jwks');
      return bearer(w, token, expectation(w, { issuer: own.issuer }), {
        check: () => expect(own.requestCount('jwks') - jwksBefore).toBe(2),
      });
    },
  },
  {
    name: 'Bearer token: JWKS down, so unverified and failed closed',
    expected: {
      status: 1,
      result: 'fail',
      findings: [['identity-provider', 'unverifiable', 'unverified']],
      summary: ['could not be verified', 'HTTP 503', "Let this runner reach the issuer's discovery document and JWKS"],
    },
    prepare: async (w) => {
      const own = await w.startIssuer();
      own.misbehave({ jwks: 'down' });
      return bearer(w, await own.mint(apiClaims(w)), expectation(w, { issuer: own.issuer }));
    },
  },
  {
    name: 'Bearer token: opaque, no introspection, so unverified and failed closed',
    expected: {
      status: 1,
      result: 'fail',
      findings: [['identity-provider', 'unverifiable', 'unverified']],
      summary: ['Configure token introspection (RFC 7662)'],
    },
    prepare: async (w) => bearer(w, `opq_${randomToken(32)}`, { scopes: ['deploy:write'] }),
  },
  {
    name: 'Bearer token: opaque, introspected active, passes',
    expected: { status: 0, result: 'pass', findings: [['token', 'ok', 'pass']] },
    prepare: async (w) => {
      const clientSecret = w.secret(`cs_${randomToken(24)}`);
      const server = await startIntrospectionServer({ clientId: 'preflight', clientSecret });
      w.onClose(() => server.close());
      const token = `opq_${randomToken(32)}`;
      server.setAnswer(token, { active: true, scope: 'deploy:write read', client_id: 'ci', exp: w.now() + 3600 });
      const extra = `  introspection:\n    url: ${server.url}\n    client-id-env: INTROSPECT_ID\n    client-secret-env: INTROSPECT_SECRET`;
      const prepared = bearer(w, token, { scopes: ['deploy:write'], extra });
      return {
        ...prepared,
        env: { ...prepared.env, INTROSPECT_ID: 'preflight', INTROSPECT_SECRET: clientSecret },
        decodeArgs: [
          ...(prepared.decodeArgs ?? []),
          ...[
            '--introspection-url',
            server.url,
            '--client-id-env',
            'INTROSPECT_ID',
            '--client-secret-env',
            'INTROSPECT_SECRET',
          ],
        ],
      };
    },
  },
  {
    name: 'Bearer token: alg none',
    expected: {
      status: 1,
      result: 'fail',
      findings: [['identity-provider', 'bad-signature', 'fail']],
      summary: ['unsigned tokens are never accepted'],
    },
    prepare: async (w) => bearer(w, w.issuer.mintUnsecured(apiClaims(w)), expectation(w)),
  },
  {
    name: 'Bearer token: HS256 signed with the public key as the secret',
    expected: {
      status: 1,
      result: 'fail',
      findings: [['identity-provider', 'bad-signature', 'fail']],
      summary: ['HMAC ("alg": "HS256") is refused'],
    },
    prepare: async (w) => {
      const published = w.issuer.keys[0];
      if (!published) throw new Error('the issuer has no key');
      const secret = new TextEncoder().encode(await exportSPKI(published.publicKey));
      const token = await w.issuer.mint(apiClaims(w), { alg: 'HS256', key: secret, kid: published.kid });
      return bearer(w, token, expectation(w));
    },
  },
  {
    name: 'Bearer token: garbage',
    expected: {
      status: 1,
      result: 'fail',
      findings: [['token', 'malformed', 'fail']],
      summary: ['Pass the whole token'],
    },
    prepare: async (w) => bearer(w, `eyJ${randomBytes(40).toString('hex')}%%garbage%%`, expectation(w)),
  },
  {
    name: 'Bearer token: truncated (the signature cut off)',
    expected: {
      status: 1,
      result: 'fail',
      findings: [['token', 'malformed', 'fail']],
      summary: ['probably truncated'],
    },
    prepare: async (w) => {
      const token = await w.issuer.mint(apiClaims(w));
      // The leak test searches for the whole token, which holds the signature the action never saw.
      w.bearer(token, false);
      return bearer(w, token.slice(0, token.lastIndexOf('.')), expectation(w));
    },
  },
  {
    name: 'Bearer token: 20 KB, over the decoder cap',
    expected: { status: 1, result: 'fail', findings: [['token', 'oversized', 'fail']] },
    prepare: async (w) => bearer(w, `eyJhbGciOiJFUzI1NiJ9.${randomToken(15_000)}.${randomToken(64)}`, expectation(w)),
  },
  {
    name: 'Bearer token: 1 MB in a file',
    expected: {
      status: 1,
      result: 'fail',
      findings: [['runner', 'missing-token', 'fail']],
      summary: ['larger than 64 KiB'],
    },
    prepare: async (w) => {
      const token = w.bearer(`eyJhbGciOiJFUzI1NiJ9.${randomToken(768 * 1024)}.${randomToken(64)}`, false);
      const file = writeTemp(w, path.join(tmpdir(), `preflight-token-${randomUUID()}`), token);
      return {
        inputs: {
          'github-oidc': 'false',
          tokens: `- name: big\n  from-file: ${file}\n  audience: api://deploy`,
          // The file is in the system's temporary folder; its size is what this case is about.
          'allow-outside-workspace': 'true',
        },
        env: {},
      };
    },
  },
  {
    name: "Bearer token: a configuration's from-file outside the workspace is not read (its token would be sent where the configuration says)",
    expected: {
      status: 1,
      result: 'fail',
      findings: [['runner', 'missing-token', 'fail']],
      summary: ['is outside the workspace'],
    },
    prepare: async (w) => {
      const token = w.bearer(`eyJhbGciOiJFUzI1NiJ9.${randomToken(64)}.${randomToken(64)}`, false);
      const file = writeTemp(w, path.join(tmpdir(), `preflight-token-${randomUUID()}`), token);
      return {
        inputs: { 'github-oidc': 'false', tokens: `- name: outside\n  from-file: ${file}\n  audience: api://deploy` },
        env: {},
      };
    },
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Runs of several tokens, report mode, and bad configuration.

/** Several tokens in one run, report mode, and bad configuration. */
export const otherScenarios: Scenario[] = [
  {
    name: 'GitHub token and three bearer tokens of one issuer: one discovery, one JWKS fetch',
    expected: {
      status: 0,
      result: 'pass',
      findings: [
        ['token', 'ok', 'pass'],
        ['token', 'ok', 'pass'],
        ['token', 'ok', 'pass'],
        ['token', 'ok', 'pass'],
      ],
    },
    prepare: async (w) => {
      const own = await w.startIssuer({ algs: ['ES256', 'RS256'] });
      const server = await w.actionsTokenServer(pushToMain(), { issuer: own });
      const env: Record<string, string> = { ...server.env, GITHUB_EVENT_NAME: 'push' };
      const items: string[] = [];
      for (const [i, key] of own.keys.concat(own.keys.slice(0, 1)).entries()) {
        env[`API_TOKEN_${i}`] = w.bearer(await own.mint(apiClaims(w), { kid: key.kid }));
        items.push(`- name: api-${i}\n  from-env: API_TOKEN_${i}\n  issuer: ${own.issuer}\n  audience: api://deploy`);
      }
      const before = { discovery: own.requestCount('discovery'), jwks: own.requestCount('jwks') };
      return {
        inputs: { 'oidc-issuer': own.issuer, tokens: items.join('\n') },
        env,
        check: () => {
          expect(own.requestCount('discovery') - before.discovery).toBe(1);
          expect(own.requestCount('jwks') - before.jwks).toBe(1);
        },
      };
    },
  },
  {
    name: 'mode report: the same failing report, exit 0',
    expected: {
      status: 0,
      result: 'fail',
      findings: [['token', 'missing-scope', 'fail']],
      summary: ['Report-only mode'],
    },
    prepare: async (w) => {
      const prepared = bearer(w, await w.issuer.mint(apiClaims(w)), expectation(w, { scopes: ['admin:write'] }));
      return { ...prepared, inputs: { ...prepared.inputs, mode: 'report' } };
    },
  },
  {
    name: 'an invalid tokens input: a clear error naming the input',
    expected: {
      status: 1,
      result: 'fail',
      stdout: ['invalid configuration:%0Ainput tokens is not valid YAML: line 2'],
    },
    prepare: async () => ({
      inputs: { 'github-oidc': 'false', tokens: '- name: deploy-api\n  from-env: [DEPLOY_API_TOKEN\n' },
      env: {},
    }),
  },
  {
    name: 'a tokens input with a literal token: refused, naming the item and the setting',
    expected: {
      status: 1,
      result: 'fail',
      stdout: [
        'input tokens, item 1 ("deploy-api"), token is not a token setting',
        'needs exactly one of from-env or from-file',
      ],
    },
    prepare: async (w) => {
      const token = w.bearer(await w.issuer.mint(apiClaims(w)), false);
      return { inputs: { 'github-oidc': 'false', tokens: `- name: deploy-api\n  token: ${token}\n` }, env: {} };
    },
  },
];
