import { describe, expect, it } from 'vitest';
import {
  checkAudience,
  checkClaimPatterns,
  checkClaims,
  checkIssuer,
  checkScopes,
  checkTimes,
  collectScopes,
  matchClaim,
} from '../../src/tokens/claims.js';
import { NOW } from './mint.js';

const classes = (problems: readonly { class: string }[]) => problems.map((p) => p.class);

describe('issuer', () => {
  // OIDC Core §3.1.3.7 step 2: the issuer "MUST exactly match"
  // (https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation).
  it('accepts the exact issuer only', () => {
    expect(checkIssuer({ iss: 'https://issuer.test' }, 'https://issuer.test')).toEqual([]);
    expect(checkIssuer({ iss: 'https://other.test' }, 'https://issuer.test')).toEqual([
      { class: 'wrong-issuer', expected: 'https://issuer.test', actual: 'https://other.test' },
    ]);
  });

  it.each([
    ['https://issuer.test/', 'https://issuer.test', 'trailing slash'],
    ['https://Issuer.test', 'https://issuer.test', 'case'],
  ])('refuses %s for %s, and says the difference is only a %s', (iss, expected, hint) => {
    const [problem] = checkIssuer({ iss }, expected);
    expect(problem).toMatchObject({ class: 'wrong-issuer' });
    expect(problem && 'hint' in problem && problem.hint).toContain(hint);
  });

  it('refuses a token without iss', () => {
    expect(classes(checkIssuer({}, 'https://issuer.test'))).toEqual(['wrong-issuer']);
  });
});

// RFC 7519 §4.1.3: aud is a string or an array (https://www.rfc-editor.org/rfc/rfc7519#section-4.1.3).
describe('audience', () => {
  it.each([
    ['a matching string', 'sts.amazonaws.com', ['sts.amazonaws.com'], []],
    ['an array holding one expected value', ['a', 'sts.amazonaws.com'], ['sts.amazonaws.com'], []],
    ['a string matching any of several expected', 'b', ['a', 'b'], []],
    ['a wrong string', 'https://github.com/acme', ['sts.amazonaws.com'], ['wrong-audience']],
    ['a wrong array', ['a', 'b'], ['sts.amazonaws.com'], ['wrong-audience']],
    ['no aud at all', undefined, ['sts.amazonaws.com'], ['wrong-audience']],
  ])('%s', (_, aud, expected, result) => {
    expect(classes(checkAudience({ aud }, expected))).toEqual(result);
  });

  it('says when an audience differs only in case', () => {
    const [problem] = checkAudience({ aud: 'STS.amazonaws.com' }, ['sts.amazonaws.com']);
    expect(problem).toMatchObject({ class: 'wrong-audience', actual: ['STS.amazonaws.com'] });
    expect(problem && 'hint' in problem && problem.hint).toContain('case');
  });
});

// RFC 7519 §4.1.4 and §4.1.5 (https://www.rfc-editor.org/rfc/rfc7519#section-4.1.4).
describe('times', () => {
  const skew = 60;
  it.each([
    ['a live token', { exp: NOW + 300, nbf: NOW - 10, iat: NOW - 10 }, []],
    ['exp just passed, within the skew', { exp: NOW - 30 }, []],
    ['exp passed beyond the skew', { exp: NOW - 61 }, ['expired']],
    ['exp exactly at now - skew (RFC 7519: "on or after")', { exp: NOW - 60 }, ['expired']],
    ['nbf in the future beyond the skew', { exp: NOW + 900, nbf: NOW + 120 }, ['not-yet-valid']],
    ['nbf in the future within the skew', { exp: NOW + 900, nbf: NOW + 45 }, []],
    ['nbf back-dated by ten minutes, as GitHub does', { exp: NOW + 300, nbf: NOW - 600, iat: NOW }, []],
    ['nbf back-dated by a day', { exp: NOW + 300, nbf: NOW - 86_400 }, []],
    ['iat in the future beyond the skew', { exp: NOW + 900, iat: NOW + 300 }, ['not-yet-valid']],
    ['no time claims at all', {}, []],
    ['exp that is not a number', { exp: '2026-11-23' }, ['malformed']],
  ])('%s', (_, claims, result) => {
    expect(classes(checkTimes(claims, NOW, skew))).toEqual(result);
  });

  it('never assumes a lifetime: a token with a long exp is fine however old its iat', () => {
    expect(checkTimes({ iat: NOW - 7 * 86_400, exp: NOW + 3600 }, NOW, skew)).toEqual([]);
  });

  it('compares the remaining lifetime with the minimum', () => {
    expect(checkTimes({ exp: NOW + 252 }, NOW, skew, 600)).toEqual([
      { class: 'expires-too-soon', exp: NOW + 252, now: NOW, minimum: 600 },
    ]);
    expect(checkTimes({ exp: NOW + 601 }, NOW, skew, 600)).toEqual([]);
  });

  it('uses the configured clock skew', () => {
    expect(classes(checkClaims({ exp: NOW - 100 }, { clockSkewSeconds: 120 }, NOW))).toEqual([]);
    expect(classes(checkClaims({ exp: NOW - 100 }, {}, NOW))).toEqual(['expired']);
  });
});

describe('scopes', () => {
  it.each([
    ['scope, space-separated (RFC 8693 §4.2)', { scope: 'read:packages  write:packages' }],
    ['scp as a string (Entra ID)', { scp: 'read:packages write:packages' }],
    ['scp as an array (Okta)', { scp: ['read:packages', 'write:packages'] }],
    ['scopes as an array', { scopes: ['read:packages', 'write:packages'] }],
    ['permissions (Auth0)', { permissions: ['read:packages', 'write:packages'] }],
    ['roles', { roles: ['read:packages', 'write:packages'] }],
    ['two claims together', { scope: 'read:packages', roles: ['write:packages'] }],
  ])('reads %s', (_, claims) => {
    expect(collectScopes(claims).scopes.sort()).toEqual(['read:packages', 'write:packages']);
    expect(checkScopes(claims, ['read:packages', 'write:packages'])).toEqual([]);
  });

  it.each([
    ['scope', { scope: 'read:packages' }],
    ['scp', { scp: ['read:packages'] }],
    ['scopes', { scopes: ['read:packages'] }],
    ['permissions', { permissions: ['read:packages'] }],
    ['roles', { roles: 'read:packages' }],
  ])('makes each missing scope its own problem when read from %s', (source, claims) => {
    expect(checkScopes(claims, ['read:packages', 'write:packages', 'admin'])).toEqual([
      { class: 'missing-scope', scope: 'write:packages', granted: ['read:packages'], sources: [source] },
      { class: 'missing-scope', scope: 'admin', granted: ['read:packages'], sources: [source] },
    ]);
  });

  it('treats scopes as case-sensitive (RFC 6749 §3.3) and names the near match', () => {
    expect(checkScopes({ scope: 'Read:Packages' }, ['read:packages'])).toEqual([
      {
        class: 'missing-scope',
        scope: 'read:packages',
        granted: ['Read:Packages'],
        sources: ['scope'],
        nearMatch: 'Read:Packages',
      },
    ]);
  });

  it('reports every required scope when the token has no scope claim', () => {
    expect(checkScopes({}, ['a', 'b']).map((p) => 'scope' in p && p.scope)).toEqual(['a', 'b']);
  });
});

// AWS StringLike: `*` and `?`, case-sensitive
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String).
describe('claim patterns', () => {
  it.each([
    ['repo:acme/api:environment:production', 'repo:acme/api:environment:production', 'match'],
    ['repo:acme/api:ref:refs/heads/main', 'repo:acme/api:*', 'match'],
    ['repo:acme/api:ref:refs/tags/v1.2.3', 'repo:acme/api:ref:refs/tags/v?.*', 'match'],
    ['repo:acme/api:pull_request', 'repo:acme/api:ref:*', 'no-match'],
    ['repo:Acme/API:environment:Production', 'repo:acme/api:environment:production', 'case-only'],
    ['repo:Acme/API:ref:refs/heads/main', 'repo:acme/*', 'case-only'],
    [['a', 'b'], 'b', 'match'],
    [456, '456', 'match'],
    [true, 'true', 'match'],
    [{ nested: 1 }, '*', 'no-match'],
    [undefined, '*', 'no-match'],
  ])('%j against %j is %s', (value, pattern, result) => {
    expect(matchClaim(value, pattern)).toBe(result);
  });

  it('reports a mismatch, a case-only mismatch and a missing claim separately', () => {
    const claims = { sub: 'repo:acme/api:pull_request', repository_owner: 'Acme' };
    expect(
      checkClaimPatterns(claims, {
        sub: 'repo:acme/api:ref:refs/heads/main',
        repository_owner: 'acme',
        job_workflow_ref: 'acme/*',
      }),
    ).toEqual([
      {
        class: 'claim-mismatch',
        claim: 'sub',
        pattern: 'repo:acme/api:ref:refs/heads/main',
        actual: 'repo:acme/api:pull_request',
      },
      { class: 'claim-case-mismatch', claim: 'repository_owner', pattern: 'acme', actual: 'Acme' },
      { class: 'claim-mismatch', claim: 'job_workflow_ref', pattern: 'acme/*' },
    ]);
  });
});

describe('checkClaims', () => {
  it('checks only what is expected', () => {
    expect(checkClaims({ iss: 'x', aud: 'y', exp: NOW + 10 }, {}, NOW)).toEqual([]);
  });

  it('reports every problem at once', () => {
    const problems = checkClaims(
      { iss: 'https://a.test', aud: 'b', exp: NOW + 100, scope: 'read' },
      {
        issuer: 'https://issuer.test',
        audience: ['sts.amazonaws.com'],
        minLifetimeSeconds: 600,
        requiredScopes: ['read', 'write'],
        claims: { sub: 'repo:*' },
      },
      NOW,
    );
    expect(classes(problems)).toEqual([
      'wrong-issuer',
      'wrong-audience',
      'expires-too-soon',
      'missing-scope',
      'claim-mismatch',
    ]);
  });
});
