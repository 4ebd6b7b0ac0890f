/**
 * Inputs over the config file (README, "Configuration file"): a given input replaces the file's value; tokens merge
 * by name; the role inputs go to the role `role-to-assume` names (or the file's only role); the source inputs go to
 * every role.
 */
import { describe, expect, it } from 'vitest';
import { buildConfig } from '../../src/config/build.js';
import { readConfigFile } from '../../src/config/file.js';
import type { FileSettings } from '../../src/config/model.js';
import { parseYaml } from '../../src/config/yaml.js';

const SITE = 'arn:aws:iam::111122223333:role/site-deploy';
const DNS = 'arn:aws:iam::111122223333:role/dns';

const TWO_ROLES = `mode: report
min-token-lifetime: 5m
github-oidc:
  audience: file-audience
  issuer: https://token.actions.githubusercontent.com/acme
  expected-claims: { sub: "repo:acme/site:*", repository_owner: acme }
  clock-skew: 10s
tokens:
  - name: api
    from-env: API_TOKEN
  - name: registry
    from-env: REGISTRY_TOKEN
    min-lifetime: 1h
aws:
  policy-files: [aws/]
  roles:
    - role-to-assume: ${SITE}
      aws-region: eu-west-1
      role-duration-seconds: 1800
      permissions: ['s3:PutObject arn:aws:s3:::site/*']
      environments:
        production: ['cloudfront:CreateInvalidation arn:aws:cloudfront::111122223333:distribution/E1']
    - role-to-assume: ${DNS}
      audience: dns-audience
      probe: true
      permissions: ['route53:ChangeResourceRecordSets arn:aws:route53:::hostedzone/Z1']
`;

function settingsOf(text: string): FileSettings {
  const read = readConfigFile(text, '.github/preflight.yml');
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  return read.settings;
}

async function configOf(text: string, inputs: Record<string, string> = {}) {
  const read = buildConfig((name) => inputs[name] ?? '', await parseYaml(), settingsOf(text));
  if (!read.ok) throw new Error(read.errors.map((e) => `${e.where} ${e.message}`).join('\n'));
  return read.config;
}

async function errorsOf(text: string, inputs: Record<string, string>): Promise<string[]> {
  const read = buildConfig((name) => inputs[name] ?? '', await parseYaml(), settingsOf(text));
  if (read.ok) throw new Error('expected errors');
  return read.errors.map((e) => `${e.where} ${e.message}`);
}

describe('the file alone', () => {
  it('gives every value, with the defaults where it sets none', async () => {
    const config = await configOf(TWO_ROLES);
    expect(config.mode).toBe('report');
    expect(config.tokens.map((t) => [t.name, t.expect.minLifetimeSeconds, t.expect.clockSkewSeconds])).toEqual([
      // GitHub's token is not subject to min-token-lifetime (GITHUB_MIN_LIFETIME_CAP in src/config/build.ts).
      ['github-oidc', undefined, 10],
      ['api', 300, 60],
      ['registry', 3600, 60],
    ]);
    expect(config.tokens[0]).toMatchObject({
      source: { kind: 'github-oidc', audience: 'file-audience' },
      expect: {
        issuer: 'https://token.actions.githubusercontent.com/acme',
        audience: ['file-audience'],
        claims: { sub: 'repo:acme/site:*', repository_owner: 'acme' },
      },
    });
    const [site, dns] = config.roles;
    expect(site?.settings).toMatchObject({ roleArn: SITE, audience: 'file-audience', durationSeconds: 1800 });
    expect(dns?.settings).toMatchObject({ roleArn: DNS, audience: 'dns-audience', durationSeconds: 3600 });
    expect(dns?.sources).toEqual({ policyFiles: ['aws/'], liveReads: false, probe: true, crossCheck: false });
  });
});

describe('scalar inputs', () => {
  it('replace the file value of the same name; per-token values in the file still win over the defaults', async () => {
    const config = await configOf(TWO_ROLES, {
      mode: 'enforce',
      'min-token-lifetime': '20m',
      'clock-skew': '30s',
      audience: 'input-audience',
      'oidc-issuer': 'https://token.actions.githubusercontent.com',
      'oidc-jwks-url': 'https://example.com/jwks',
    });
    expect(config.mode).toBe('enforce');
    expect(config.tokens.map((t) => [t.name, t.expect.minLifetimeSeconds, t.expect.clockSkewSeconds])).toEqual([
      ['github-oidc', undefined, 10],
      ['api', 1200, 30],
      ['registry', 3600, 30],
    ]);
    expect(config.tokens[0]?.expect).toMatchObject({
      issuer: 'https://token.actions.githubusercontent.com',
      audience: ['input-audience'],
      jwksUrl: 'https://example.com/jwks',
    });
    // The audience input is GitHub's token's; a role that sets its own audience keeps it.
    expect(config.roles.map((r) => r.settings.audience)).toEqual(['input-audience', 'dns-audience']);
  });

  it('replace a whole map, not one entry of it: expected-claims', async () => {
    const config = await configOf(TWO_ROLES, { 'expected-claims': 'sub=repo:acme/site:ref:refs/heads/main' });
    expect(config.tokens[0]?.expect.claims).toEqual({ sub: 'repo:acme/site:ref:refs/heads/main' });
  });

  it('turn off a check the file turns on, and back', async () => {
    expect((await configOf(TWO_ROLES, { 'github-oidc': 'false' })).tokens.map((t) => t.name)).toEqual([
      'api',
      'registry',
    ]);
    const off = 'github-oidc: { enabled: false }\n';
    expect((await configOf(off)).tokens).toEqual([]);
    expect((await configOf(off, { 'github-oidc': 'true' })).tokens.map((t) => t.name)).toEqual(['github-oidc']);
  });

  it('are reported by input name when invalid, file or not', async () => {
    expect(await errorsOf(TWO_ROLES, { mode: 'audit', 'clock-skew': 'soon' })).toEqual([
      'input mode must be enforce or report, got "audit"',
      "input clock-skew invalid duration 'soon': unexpected 'soon'; write a number of seconds (3600) or units d, h, m, s (90s, 10m, 1h30m)",
    ]);
  });
});

describe('the tokens input', () => {
  it('adds tokens after the file, and one with a file token name replaces it in place', async () => {
    const tokens = `- name: registry\n  from-file: /tmp/registry\n- name: extra\n  from-env: EXTRA_TOKEN\n`;
    const config = await configOf(TWO_ROLES, { tokens });
    expect(config.tokens.map((t) => [t.name, t.source])).toEqual([
      ['github-oidc', { kind: 'github-oidc', audience: 'file-audience' }],
      ['api', { kind: 'env', name: 'API_TOKEN' }],
      ['registry', { kind: 'file', path: '/tmp/registry' }],
      ['extra', { kind: 'env', name: 'EXTRA_TOKEN' }],
    ]);
    // The replacing token is the input's whole: the file's min-lifetime of 1h does not carry over.
    expect(config.tokens[2]?.expect.minLifetimeSeconds).toBe(300);
  });

  it('may not take the GitHub token name', async () => {
    expect(await errorsOf(TWO_ROLES, { tokens: '- name: github-oidc\n  from-env: X\n' })).toEqual([
      'input tokens ("github-oidc") uses a name that is already taken',
    ]);
  });
});

describe('the role inputs', () => {
  it('replace the fields of the role role-to-assume names; its environments and the other role stay', async () => {
    const config = await configOf(TWO_ROLES, {
      'role-to-assume': SITE,
      'aws-region': 'us-east-1',
      'role-session-name': 'from-input',
      permissions: 's3:GetObject arn:aws:s3:::site/*',
    });
    const [site, dns] = config.roles;
    expect(site?.settings).toMatchObject({
      roleArn: SITE,
      region: 'us-east-1',
      sessionName: 'from-input',
      durationSeconds: 1800, // not given: the file's
      audience: 'file-audience',
    });
    expect(site?.permissions).toEqual([
      { action: 's3:GetObject', resource: 'arn:aws:s3:::site/*', context: {}, origin: 'input permissions, line 1' },
    ]);
    expect(Object.keys(site?.environments ?? {})).toEqual(['production']);
    expect(site?.sources.policyFiles).toEqual(['aws/']);
    expect(dns?.settings.roleArn).toBe(DNS);
    expect(dns?.permissions.map((p) => p.action)).toEqual(['route53:ChangeResourceRecordSets']);
  });

  it('add a role after the file roles when role-to-assume names none of them, with the file aws sources', async () => {
    const other = 'arn:aws:iam::111122223333:role/other';
    const config = await configOf(TWO_ROLES, { 'role-to-assume': other, permissions: 's3:GetObject *' });
    expect(config.roles.map((r) => r.settings.roleArn)).toEqual([SITE, DNS, other]);
    expect(config.roles[2]).toMatchObject({
      settings: { durationSeconds: 3600, sessionName: 'GitHubActions', audience: 'file-audience' },
      sources: { policyFiles: ['aws/'], liveReads: false, probe: false, crossCheck: false },
    });
  });

  it("apply to the file's only role without role-to-assume, audience included", async () => {
    const one = `aws:\n  roles:\n    - role-to-assume: ${SITE}\n      audience: file-audience\n      role-duration-seconds: 1800\n`;
    const config = await configOf(one, { 'role-duration-seconds': '900', audience: 'input-audience' });
    expect(config.roles).toHaveLength(1);
    expect(config.roles[0]?.settings).toMatchObject({
      roleArn: SITE,
      durationSeconds: 900,
      audience: 'input-audience',
    });
  });

  it('are an error without role-to-assume when the file has several roles, or none', async () => {
    expect(await errorsOf(TWO_ROLES, { 'aws-region': 'us-east-1', permissions: 's3:GetObject *' })).toEqual([
      'input aws-region needs role-to-assume: the config file lists 2 roles, and aws-region, permissions must say which one they are for',
    ]);
    expect(await errorsOf('mode: report\n', { permissions: 's3:GetObject *' })).toEqual([
      'input permissions needs role-to-assume: the permissions are checked for that role',
    ]);
  });

  it('validate as the inputs always do', async () => {
    expect(await errorsOf(TWO_ROLES, { 'role-to-assume': SITE, 'role-duration-seconds': '1h' })).toEqual([
      'input role-duration-seconds must be a whole number of seconds, got "1h"',
    ]);
  });
});

describe('the source inputs', () => {
  it('replace the sources of every role', async () => {
    const config = await configOf(TWO_ROLES, { 'policy-files': 'exported/\nmore.json', 'aws-probe': 'false' });
    for (const role of config.roles) {
      expect(role.sources).toEqual({
        policyFiles: ['exported/', 'more.json'],
        liveReads: false,
        probe: false,
        crossCheck: false,
      });
    }
    expect(await errorsOf(TWO_ROLES, { 'aws-live-reads': 'yes' })).toEqual([
      'input aws-live-reads must be true or false, got "yes"',
    ]);
  });
});

describe('the environment input', () => {
  it('is carried to the preflight, which resolves it against the token', async () => {
    expect((await configOf(TWO_ROLES, { environment: 'production' })).environment).toBe('production');
    expect((await configOf(TWO_ROLES)).environment).toBeUndefined();
  });
});

// configure-aws-credentials' names for the tags and ExternalId of a chained AssumeRole, and the token file
// (aws-actions/configure-aws-credentials src/assumeRole.ts), are settings of the file and inputs alike.
describe("configure-aws-credentials' tagging settings", () => {
  const CHAINED = `version: 1
aws:
  roles:
    - role-to-assume: arn:aws:iam::111122223333:role/dns
      role-chaining: true
      role-skip-session-tagging: true
      custom-tags: { team: web }
      transitive-tag-keys: [team]
      role-external-id: acme-42
      web-identity-token-file: /tmp/token
`;

  it('reads them from the file', async () => {
    const [role] = (await configOf(CHAINED)).roles;
    expect(role?.settings).toMatchObject({
      skipSessionTagging: true,
      customTags: { team: 'web' },
      transitiveTagKeys: ['team'],
      externalId: 'acme-42',
      webIdentityTokenFile: '/tmp/token',
    });
  });

  it('lets an input replace each', async () => {
    const [role] = (
      await configOf(CHAINED, {
        'role-skip-session-tagging': 'false',
        'custom-tags': '{"team":"api"}',
        'transitive-tag-keys': 'Repository\nteam',
        'role-external-id': 'acme-43',
      })
    ).roles;
    expect(role?.settings).toMatchObject({
      skipSessionTagging: false,
      customTags: { team: 'api' },
      transitiveTagKeys: ['Repository', 'team'],
      externalId: 'acme-43',
    });
  });

  it('refuses custom-tags that are not an object of strings, and an ExternalId AWS refuses', async () => {
    const errors = await errorsOf(CHAINED, { 'custom-tags': '["team"]', 'role-external-id': 'x' });
    expect(errors.some((e) => e.startsWith('input custom-tags must be a JSON object'))).toBe(true);
    expect(errors.some((e) => e.startsWith('input role-external-id must be 2 to 1224'))).toBe(true);
  });
});

// GitHub issues its OIDC tokens for five minutes (https://docs.github.com/en/actions/reference/security/oidc): a
// minimum lifetime above that fails every real token, and the preflight's token is not the deploy's.
describe("GitHub's token and the minimum lifetime", () => {
  it('is not subject to min-token-lifetime, and github-oidc.min-lifetime is capped at four minutes', async () => {
    const ten = await configOf('min-token-lifetime: 10m\n', { 'min-token-lifetime': '10m' });
    expect(ten.tokens.find((t) => t.name === 'github-oidc')?.expect.minLifetimeSeconds).toBeUndefined();
    const own = await configOf('github-oidc: { min-lifetime: 10m }\n');
    expect(own.tokens.find((t) => t.name === 'github-oidc')?.expect.minLifetimeSeconds).toBe(240);
    const short = await configOf('github-oidc: { min-lifetime: 90s }\n');
    expect(short.tokens.find((t) => t.name === 'github-oidc')?.expect.minLifetimeSeconds).toBe(90);
  });
});

describe('layers declared absent', () => {
  const DECLARED = `
version: 1
aws:
  organizations: none
  no-resource-policy: ['arn:aws:s3:::site']
  roles:
    - role-to-assume: ${SITE}
      permissions: ['s3:PutObject arn:aws:s3:::site/*']
    - role-to-assume: ${DNS}
      no-resource-policy: ['*']
      permissions: ['route53:ChangeResourceRecordSets arn:aws:route53:::hostedzone/Z1']
`;

  it("aws's are every role's, and a role's own replaces each", async () => {
    const config = await configOf(DECLARED);
    expect(config.roles.map((r) => r.declaredAbsent)).toEqual([
      { organizations: 'none', noResourcePolicy: ['arn:aws:s3:::site'] },
      { organizations: 'none', noResourcePolicy: ['*'] },
    ]);
  });

  it('survive the role inputs laid over the role, and apply to a role made from inputs', async () => {
    const over = await configOf(DECLARED, { 'role-to-assume': SITE, 'aws-region': 'eu-west-2' });
    expect(over.roles[0]?.declaredAbsent?.organizations).toBe('none');
    const added = await configOf(DECLARED, { 'role-to-assume': 'arn:aws:iam::111122223333:role/other' });
    expect(added.roles[2]?.declaredAbsent).toEqual({ organizations: 'none', noResourcePolicy: ['arn:aws:s3:::site'] });
  });

  it('the inputs organizations and no-resource-policy replace them for every role, and are checked', async () => {
    const config = await configOf(DECLARED, {
      organizations: '',
      'no-resource-policy': 'arn:aws:s3:::a\narn:aws:s3:::b',
    });
    expect(config.roles.map((r) => r.declaredAbsent?.noResourcePolicy)).toEqual([
      ['arn:aws:s3:::a', 'arn:aws:s3:::b'],
      ['arn:aws:s3:::a', 'arn:aws:s3:::b'],
    ]);
    const none = await configOf(`version: 1\naws:\n  roles: [{ role-to-assume: '${SITE}' }]\n`, {
      organizations: 'none',
    });
    expect(none.roles[0]?.declaredAbsent).toEqual({ organizations: 'none' });
    expect(await errorsOf(DECLARED, { organizations: 'yes', 'no-resource-policy': 'my-bucket' })).toEqual([
      'input organizations must be none (the account is in no organization, so no SCP or RCP applies), got "yes"',
      'input no-resource-policy "my-bucket" is not a resource ARN (wildcards * and ? allowed), or * for every resource',
    ]);
  });

  it('the schema refuses anything but none, and a resource that is not an ARN', () => {
    expect(() => settingsOf('version: 1\naws:\n  organizations: yes\n')).toThrow();
    expect(() => settingsOf("version: 1\naws:\n  no-resource-policy: ['my-bucket']\n")).toThrow();
  });
});
