/**
 * A token must say when it ends: without `exp` it fails as `no-expiry` (RFC 7519 §4.1.4; §4.1 leaves it to the
 * application to require it), unless its entry sets `allow-no-expiry: true`. An active RFC 7662 introspection answer
 * without `exp` (§2.2 makes it optional) follows the same rule. Through the action's `run(io)` and the claim checks.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkClaims } from '../../src/tokens/claims.js';
import { makeKey, mint, NOW, type TestKey } from './mint.js';
import { classes, runAction } from './run-io.js';

const ISSUER = 'https://auth.example.com';
const INTROSPECT = 'https://auth.example.com/introspect';

let key: TestKey;
let forever: string;
beforeAll(async () => {
  key = await makeKey('RS256', 'k1');
  forever = await mint(key, { iss: ISSUER, sub: 'svc-deploy', aud: 'api://deploy', iat: NOW - 60 });
});

const entry = (...settings: string[]) =>
  ['- name: deploy-api', '  from-env: DEPLOY_API_TOKEN', ...settings].map((line) => `${line}\n`).join('');
const jwtEntry = (...settings: string[]) => entry(`  issuer: ${ISSUER}`, '  min-lifetime: 10m', ...settings);
const opaqueEntry = (...settings: string[]) => entry(`  introspection: { url: ${INTROSPECT} }`, ...settings);
const OPAQUE = 'opaque-token-0123456789abcdef';

describe('RFC 7519 §4.1.4: a token without exp fails as no-expiry (run(io))', () => {
  it('fails a JWT without exp from the tokens input, even with min-lifetime and min-token-lifetime set', async () => {
    const seen = await runAction(
      { 'github-oidc': 'false', 'min-token-lifetime': '5m', tokens: jwtEntry() },
      { DEPLOY_API_TOKEN: forever },
      { [ISSUER]: [key] },
    );
    expect(classes(seen)).toEqual([['no-expiry', 'fail', 'token']]);
    expect(seen.outputs.result).toBe('fail');
    const [finding] = seen.report?.findings ?? [];
    expect(finding?.cause).toBe('expired-or-rotated-credential');
    expect(finding?.docUrl).toBe('https://www.rfc-editor.org/rfc/rfc7519#section-4.1.4');
    expect(finding?.message).toContain('10 minutes it must stay valid cannot be checked');
    expect(finding?.fix).toContain('allow-no-expiry: true');
  });

  it('passes it when the entry allows it explicitly with allow-no-expiry: true, and says so', async () => {
    const seen = await runAction(
      { 'github-oidc': 'false', tokens: jwtEntry('  allow-no-expiry: true') },
      { DEPLOY_API_TOKEN: forever },
      { [ISSUER]: [key] },
    );
    expect(classes(seen)).toEqual([['ok', 'pass', 'token']]);
    expect(seen.report?.findings[0]?.message).toContain('no exp, which its entry allows (allow-no-expiry)');
  });

  it('reads allow-no-expiry from a config file entry too', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'no-expiry-'));
    const tokens = jwtEntry('  allow-no-expiry: true').replaceAll(/^/gm, '  ');
    await writeFile(path.join(dir, 'preflight.yml'), `github-oidc: { enabled: false }\ntokens:\n${tokens}`);
    const allowed = await runAction(
      { config: 'preflight.yml' },
      { DEPLOY_API_TOKEN: forever, GITHUB_WORKSPACE: dir },
      { [ISSUER]: [key] },
    );
    expect(classes(allowed)).toEqual([['ok', 'pass', 'token']]);
    await writeFile(
      path.join(dir, 'strict.yml'),
      `github-oidc: { enabled: false }\ntokens:\n${jwtEntry().replaceAll(/^/gm, '  ')}`,
    );
    const strict = await runAction(
      { config: 'strict.yml' },
      { DEPLOY_API_TOKEN: forever, GITHUB_WORKSPACE: dir },
      { [ISSUER]: [key] },
    );
    expect(classes(strict)).toEqual([['no-expiry', 'fail', 'token']]);
  });

  it('refuses an allow-no-expiry that is not a boolean, in the input and in the file', async () => {
    const input = await runAction({ 'github-oidc': 'false', tokens: jwtEntry('  allow-no-expiry: "yes"') });
    expect(input.failed.join('\n')).toMatch(/allow-no-expiry.*must be true or false/);
    const dir = await mkdtemp(path.join(tmpdir(), 'no-expiry-'));
    const tokens = jwtEntry('  allow-no-expiry: "yes"').replaceAll(/^/gm, '  ');
    await writeFile(path.join(dir, 'preflight.yml'), `github-oidc: { enabled: false }\ntokens:\n${tokens}`);
    const file = await runAction({ config: 'preflight.yml' }, { GITHUB_WORKSPACE: dir });
    // The error is annotated at its place in the file, which the failure message names.
    expect(file.errors.join('\n')).toMatch(/allow-no-expiry.*must be true or false/);
    expect(file.failed.join('\n')).toContain('preflight.yml:');
    expect(file.outputs.result).toBe('fail');
  });

  it.each([
    ['fails', [], [['no-expiry', 'fail', 'token']]],
    ['passes with allow-no-expiry', ['  allow-no-expiry: true'], [['ok', 'pass', 'token']]],
  ])(
    'RFC 7662 §2.2: an active introspection answer without exp %s, as a JWT without exp',
    async (_, settings, expected) => {
      const seen = await runAction(
        { 'github-oidc': 'false', tokens: opaqueEntry(...settings) },
        { DEPLOY_API_TOKEN: OPAQUE },
        {},
        { [INTROSPECT]: { active: true, sub: 'svc-deploy' } },
      );
      expect(seen.fetched).toEqual([INTROSPECT]);
      expect(classes(seen)).toEqual(expected);
    },
  );

  it('passes an active introspection answer with exp', async () => {
    const seen = await runAction(
      { 'github-oidc': 'false', tokens: opaqueEntry() },
      { DEPLOY_API_TOKEN: OPAQUE },
      {},
      { [INTROSPECT]: { active: true, exp: NOW + 3600 } },
    );
    expect(classes(seen)).toEqual([['ok', 'pass', 'token']]);
  });
});

describe('checkClaims: exp is required unless allowed', () => {
  it.each([
    ['no exp', {}, {}, ['no-expiry']],
    ['no exp, allowed', {}, { allowNoExpiry: true }, []],
    ['no exp, allowNoExpiry false', {}, { allowNoExpiry: false }, ['no-expiry']],
    ['an exp', { exp: NOW + 600 }, {}, []],
    ['an exp that is not a number: malformed, not no-expiry', { exp: 'soon' }, {}, ['malformed']],
  ])('%s', (_, claims, expect_, result) => {
    expect(checkClaims(claims, expect_, NOW).map((p) => p.class)).toEqual(result);
  });
});
