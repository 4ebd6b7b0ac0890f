import { UnsecuredJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeToken, MAX_TOKEN_LENGTH } from '../../src/tokens/decode.js';
import { githubClaims, makeKey, mint, type TestKey } from './mint.js';

let key: TestKey;
let token: string;
beforeAll(async () => {
  key = await makeKey('RS256', 'k1');
  token = await mint(key, githubClaims());
});

const b64 = (text: string) => Buffer.from(text).toString('base64url');

describe('decodeToken', () => {
  it('reads the header and claims of a signed JWT', () => {
    const decoded = decodeToken(token);
    expect(decoded).toMatchObject({ kind: 'jwt', alg: 'RS256', kid: 'k1', signed: true });
    if (decoded.kind === 'jwt') expect(decoded.claims.sub).toBe('repo:acme/api:ref:refs/heads/main');
  });

  it('ignores surrounding whitespace, as a token read from a file ends with a newline', () => {
    expect(decodeToken(`  ${token}\n`)).toMatchObject({ kind: 'jwt', length: token.length });
  });

  it('reads an unsigned token (alg none) so that verification can refuse it by name', () => {
    expect(decodeToken(new UnsecuredJWT({ sub: 'x' }).encode())).toMatchObject({
      kind: 'jwt',
      alg: 'none',
      signed: false,
    });
  });

  it.each([
    ['a GitHub personal access token', 'ghp_16C7e42F292c6912E7710c838347Ae178B4a'],
    ['a Google access token, which holds a dot', 'ya29.a0AfH6SMBx-not-a-jwt_value'],
    ['random text', 'hello world'],
  ])('calls %s opaque, not malformed', (_, value) => {
    expect(decodeToken(value)).toMatchObject({ kind: 'opaque', format: 'opaque' });
  });

  it('calls a five-segment JWE an encrypted, opaque token (RFC 7516 §7.1)', () => {
    const jwe = `${b64('{"alg":"RSA-OAEP","enc":"A256GCM"}')}.a.b.c.d`;
    expect(decodeToken(jwe)).toMatchObject({ kind: 'opaque', format: 'jwe' });
  });

  it.each([
    ['empty', () => '', 'empty'],
    ['only whitespace', () => ' \n', 'empty'],
    ['truncated to two segments', () => token.split('.').slice(0, 2).join('.'), '2 dot-separated segments'],
    ['truncated inside the header', () => token.slice(0, 10), '1 dot-separated segment'],
    [
      'truncated inside the payload',
      () => `${token.split('.')[0]}.${token.split('.')[1]?.slice(0, 41)}.sig`,
      'payload',
    ],
    ['with a payload that is not JSON', () => `${b64('{"alg":"RS256"}')}.${b64('not json')}.sig`, 'payload'],
    [
      'with a payload that is a JSON array',
      () => `${b64('{"alg":"RS256"}')}.${b64('[1]')}.sig`,
      'Invalid JWT Claims Set',
    ],
    ['with a header that is not JSON', () => `eyJub3Q.${b64('{}')}.sig`, 'header'],
    ['without alg', () => `${b64('{"typ":"JWT"}')}.${b64('{}')}.sig`, '"alg"'],
    ['with characters outside base64url', () => `${token.slice(0, 30)}+/=${token.slice(33)}`, 'not base64url'],
    ['given as an Authorization header value', () => `Bearer ${token}`, 'Bearer'],
  ])('calls a token %s malformed, with the reason', (_, make, reason) => {
    const decoded = decodeToken(make());
    expect(decoded.kind).toBe('malformed');
    if (decoded.kind === 'malformed') expect(decoded.reason).toContain(reason);
  });

  it('refuses a 1 MB token before decoding it', () => {
    const huge = `${token.split('.')[0]}.${'A'.repeat(1024 * 1024)}.sig`;
    expect(decodeToken(huge)).toEqual({ kind: 'oversized', length: huge.length, limit: MAX_TOKEN_LENGTH });
  });

  it('never quotes the token in a reason', () => {
    for (const value of [
      token.slice(0, -5).replace(/\./g, '!'),
      `Bearer ${token}`,
      token.split('.').slice(0, 2).join('.'),
    ]) {
      const decoded = decodeToken(value);
      const text = JSON.stringify(decoded);
      for (const segment of token.split('.')) expect(text).not.toContain(segment.slice(0, 20));
    }
  });
});
