/**
 * The condition keys STS populates for an OIDC provider, from the real catalog.
 */
import { describe, expect, it } from 'vitest';
import { populatedKeysForOidcProvider } from '../../src/catalog/index.js';
import { loadCatalog } from '../../src/sources/catalog.js';

const catalog = await loadCatalog();

/**
 * The GitHub claims the STS reference lists as keys, plus the generic ones:
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecuritytokenservice.html#awssecuritytokenservice-policy-keys
 */
const GITHUB_CLAIMS = [
  'actor',
  'actor_id',
  'amr',
  'aud',
  'email',
  'enterprise_id',
  'environment',
  'job_workflow_ref',
  'oaud',
  'ref',
  'repository',
  'repository_id',
  'repository_owner_id',
  'sub',
  'workflow',
];

describe('populatedKeysForOidcProvider', () => {
  it('gives GitHub’s keys, from the issuer URL or the IAM provider name alike', () => {
    const expected = {
      prefix: 'token.actions.githubusercontent.com',
      keys: GITHUB_CLAIMS.map((claim) => `token.actions.githubusercontent.com:${claim}`),
    };
    expect(populatedKeysForOidcProvider(catalog, 'https://token.actions.githubusercontent.com')).toEqual(expected);
    expect(populatedKeysForOidcProvider(catalog, 'token.actions.githubusercontent.com')).toEqual(expected);
    expect(populatedKeysForOidcProvider(catalog, 'HTTPS://Token.Actions.GithubUserContent.com/')).toEqual(expected);
  });

  it('includes sub and aud, and not claims AWS does not turn into keys', () => {
    const { keys } = populatedKeysForOidcProvider(catalog, 'https://token.actions.githubusercontent.com');
    expect(keys).toContain('token.actions.githubusercontent.com:sub');
    expect(keys).toContain('token.actions.githubusercontent.com:aud');
    expect(keys).not.toContain('token.actions.githubusercontent.com:repository_owner');
    expect(keys).not.toContain('token.actions.githubusercontent.com:event_name');
  });

  it('prefixes an enterprise issuer’s keys with its whole URL, path included', () => {
    const result = populatedKeysForOidcProvider(catalog, 'https://token.actions.githubusercontent.com/acme');
    expect(result.prefix).toBe('token.actions.githubusercontent.com/acme');
    expect(result.keys).toEqual(GITHUB_CLAIMS.map((claim) => `token.actions.githubusercontent.com/acme:${claim}`));
  });

  it('keeps the path’s letter case and lower-cases only the host', () => {
    const { prefix } = populatedKeysForOidcProvider(catalog, 'https://TOKEN.actions.githubusercontent.com/Acme-Corp');
    expect(prefix).toBe('token.actions.githubusercontent.com/Acme-Corp');
  });

  it('knows GitHub Enterprise Cloud with data residency (ghe.com)', () => {
    const { keys } = populatedKeysForOidcProvider(catalog, 'https://token.actions.octo.ghe.com');
    expect(keys).toContain('token.actions.octo.ghe.com:repository_id');
    expect(keys).toContain('token.actions.octo.ghe.com:sub');
  });

  it('keeps a port in the prefix, so a key splits at its last colon', () => {
    const { prefix, keys } = populatedKeysForOidcProvider(catalog, 'https://idp.example.com:8443/tenant');
    expect(prefix).toBe('idp.example.com:8443/tenant');
    expect(keys).toContain('idp.example.com:8443/tenant:sub');
    const key = keys.find((k) => k.endsWith(':aud')) ?? '';
    expect(key.slice(0, key.lastIndexOf(':'))).toBe(prefix);
  });

  it('gives a provider the reference does not name only the generic keys', () => {
    const eks = 'oidc.eks.eu-west-1.amazonaws.com/id/ABCDEF0123456789';
    expect(populatedKeysForOidcProvider(catalog, `https://${eks}`).keys).toEqual(
      ['amr', 'aud', 'email', 'oaud', 'sub'].map((claim) => `${eks}:${claim}`),
    );
  });

  it('does not take a look-alike host for GitHub', () => {
    const { keys } = populatedKeysForOidcProvider(catalog, 'https://token.actions.githubusercontent.com.evil.example');
    expect(keys).not.toContain('token.actions.githubusercontent.com.evil.example:repository_id');
  });

  it('gives the other named providers their own claims', () => {
    expect(populatedKeysForOidcProvider(catalog, 'https://gitlab.com').keys).toContain('gitlab.com:project_id');
    expect(populatedKeysForOidcProvider(catalog, 'https://oidc.circleci.com/org/0123').keys).toContain(
      'oidc.circleci.com/org/0123:oidc.circleci.com/project-id',
    );
    expect(populatedKeysForOidcProvider(catalog, 'accounts.google.com').keys).toContain(
      'accounts.google.com:google/organization_number',
    );
  });
});
