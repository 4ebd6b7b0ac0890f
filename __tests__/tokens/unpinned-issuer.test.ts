/**
 * A bearer token whose entry pins neither `issuer` nor `jwks-url` is not verified: its own `iss` would choose the
 * keys, so a token from any issuer would vouch for itself (RFC 8725 §3.8, "Validate Issuer and Subject"). Through
 * the action's `run(io)`, the pipeline and the check.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkToken } from '../../src/checks/token.js';
import { buildConfig } from '../../src/config/build.js';
import { decodeToken } from '../../src/tokens/decode.js';
import { GITHUB_ISSUER } from '../../src/tokens/github.js';
import { refuseUnpinned } from '../../src/tokens/verify.js';
import { makeKey, mint, NOW, type TestKey } from './mint.js';
import { classes, runAction } from './run-io.js';

const ATTACKER = 'https://attacker.example';
const TRUSTED = 'https://auth.example.com';

let attackerKey: TestKey;
let trustedKey: TestKey;
let forged: string;
beforeAll(async () => {
  attackerKey = await makeKey('RS256', 'attacker-1');
  trustedKey = await makeKey('RS256', 'trusted-1');
  // Signed by the attacker with the attacker's key, naming the attacker's issuer, whose discovery serves that key.
  forged = await mint(attackerKey, { iss: ATTACKER, sub: 'svc-deploy', aud: 'api://deploy', exp: NOW + 3600 });
});

const tokens = (...settings: string[]) =>
  ['- name: deploy-api', '  from-env: DEPLOY_API_TOKEN', '  audience: api://deploy', ...settings].join('\n');
const network = () => ({ [ATTACKER]: [attackerKey], [TRUSTED]: [trustedKey] });

describe('RFC 8725 §3.8: a token without a pinned issuer or jwks-url is not verified (run(io))', () => {
  it('refuses a self-vouching token from the tokens input, and never fetches the keys its iss names', async () => {
    const seen = await runAction({ 'github-oidc': 'false', tokens: tokens() }, { DEPLOY_API_TOKEN: forged }, network());
    expect(classes(seen)).toEqual([['issuer-not-pinned', 'unverified', 'identity-provider']]);
    expect(seen.outputs.result).toBe('fail');
    expect(seen.failed).toHaveLength(1);
    expect(seen.fetched).toEqual([]);
    const [finding] = seen.report?.findings ?? [];
    expect(finding?.fix).toContain('issuer');
    expect(finding?.fix).toContain('jwks-url');
    expect(finding?.evidence).toMatchObject({ iss: ATTACKER });
    expect(finding?.docUrl).toBe('https://www.rfc-editor.org/rfc/rfc8725#section-3.8');
  });

  it('refuses it from the config file the same way', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = await mkdtemp(path.join(tmpdir(), 'unpinned-'));
    await writeFile(
      path.join(dir, 'preflight.yml'),
      `github-oidc: { enabled: false }\ntokens:\n  ${tokens().replaceAll('\n', '\n  ')}\n`,
    );
    const seen = await runAction(
      { config: 'preflight.yml' },
      { DEPLOY_API_TOKEN: forged, GITHUB_WORKSPACE: dir },
      network(),
    );
    expect(classes(seen)).toEqual([['issuer-not-pinned', 'unverified', 'identity-provider']]);
    expect(seen.fetched).toEqual([]);
  });

  it("still refuses the forged token once the issuer is pinned: the keys are the trusted issuer's", async () => {
    const seen = await runAction(
      { 'github-oidc': 'false', tokens: tokens(`  issuer: ${TRUSTED}`) },
      { DEPLOY_API_TOKEN: forged },
      network(),
    );
    expect(seen.fetched).toEqual([`${TRUSTED}/.well-known/openid-configuration`, `${TRUSTED}/jwks`, `${TRUSTED}/jwks`]);
    expect(seen.outputs.result).toBe('fail');
    expect(seen.report?.findings.map((f) => f.class)).toContain('unknown-key');
  });

  it.each([
    ['issuer', `  issuer: ${TRUSTED}`],
    ['jwks-url', `  jwks-url: ${TRUSTED}/jwks`],
  ])('passes a token from the trusted issuer once %s is pinned', async (_pin, setting) => {
    const good = await mint(trustedKey, { iss: TRUSTED, sub: 'svc-deploy', aud: 'api://deploy', exp: NOW + 3600 });
    const seen = await runAction(
      { 'github-oidc': 'false', tokens: tokens(setting) },
      { DEPLOY_API_TOKEN: good },
      network(),
    );
    expect(classes(seen)).toEqual([['ok', 'pass', 'token']]);
    expect(seen.outputs.result).toBe('pass');
  });
});

describe('refuseUnpinned', () => {
  it('refuses a JWT with neither issuer nor jwksUrl, before any key is fetched', () => {
    expect(refuseUnpinned(decodeToken(forged), {})).toMatchObject({ status: 'unverifiable', unpinned: true });
  });

  it.each([
    ['an issuer', { issuer: GITHUB_ISSUER }],
    ['a JWKS URL', { jwksUrl: `${TRUSTED}/jwks` }],
  ])('lets a JWT through to verification with %s', (_what, expect_) => {
    expect(refuseUnpinned(decodeToken(forged), expect_)).toBeUndefined();
  });

  it("leaves GitHub's OIDC token alone: its issuer is pinned by default", () => {
    const built = buildConfig(() => '', undefined);
    const spec = built.ok ? built.config.tokens[0] : undefined;
    expect(spec?.source.kind).toBe('github-oidc');
    expect(spec?.expect.issuer).toBe(GITHUB_ISSUER);
    expect(refuseUnpinned(decodeToken(forged), spec?.expect ?? {})).toBeUndefined();
  });

  it('leaves opaque tokens to introspection', () => {
    expect(refuseUnpinned(decodeToken('opaque-token-value-0123456789'), {})).toBeUndefined();
  });

  it('makes the check report issuer-not-pinned (unverified), never a pass, with the claims still checked', () => {
    const decoded = decodeToken(forged);
    const verification = refuseUnpinned(decoded, {});
    const findings = checkToken({
      spec: { name: 'api', source: { kind: 'env', name: 'API_TOKEN' }, expect: { audience: ['api://other'] } },
      decoded,
      ...(verification ? { verification } : {}),
      now: NOW,
    });
    expect(findings.map((f) => [f.class, f.status])).toEqual([
      ['issuer-not-pinned', 'unverified'],
      ['wrong-audience', 'fail'],
    ]);
  });
});
