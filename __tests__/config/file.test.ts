/**
 * The config file reader: a valid file read into settings (every field, several roles, environments), and every
 * kind of error placed at its line and column: YAML syntax, the schema, and the checks a schema cannot make.
 */
import { describe, expect, it } from 'vitest';
import { readConfigFile } from '../../src/config/file.js';
import { describeConfigError } from '../../src/config/file-errors.js';
import type { FileSettings } from '../../src/config/model.js';

const FILE = '.github/preflight.yml';

function read(text: string): FileSettings {
  const result = readConfigFile(text, FILE);
  if (!result.ok) throw new Error(result.errors.map(describeConfigError).join('\n'));
  return result.settings;
}

/** The errors, one line each, as the action prints them. */
function errorsOf(text: string): string[] {
  const result = readConfigFile(text, FILE);
  if (result.ok) throw new Error('expected errors, the file was read');
  return result.errors.map(describeConfigError);
}

const FULL = `# yaml-language-server: $schema=../schema/preflight.schema.json
$schema: ../schema/preflight.schema.json
version: 1
mode: report
min-token-lifetime: 10m
clock-skew: 90
github-oidc:
  enabled: true
  audience: sts.amazonaws.com
  issuer: https://token.actions.githubusercontent.com/acme
  jwks-url: https://token.actions.githubusercontent.com/acme/.well-known/jwks
  expected-claims:
    sub: repo:acme/site:environment:*
    repository_owner: acme
  min-lifetime: 5m
  clock-skew: 30s
tokens:
  - name: deploy-api
    from-env: DEPLOY_API_TOKEN
    issuer: https://auth.example.com
    audience: api://deploy
    scopes: deploy:write deploy:read
    min-lifetime: 1h
    clock-skew: 2m
    claims: { tenant: acme }
    jwks-url: https://auth.example.com/jwks
    algorithms: [RS256, ES256]
    allow-unverifiable: false
  - name: registry
    from-file: /tmp/registry-token
    audience: [registry, registry-2]
    # An opaque token's introspection endpoint is named in the workflow's tokens input, never in this file,
    # which a pull request may change: introspection sends the token to it (README.md#security).
    allow-unverifiable: true
    allow-no-expiry: true
aws:
  policy-files: [aws/]
  live-reads: true
  roles:
    - role-to-assume: arn:aws:iam::111122223333:role/site-deploy
      aws-region: eu-west-1
      audience: sts.amazonaws.com
      role-duration-seconds: 1800
      role-session-name: site-deploy
      inline-session-policy:
        Version: "2012-10-17"
        Statement: [{ Effect: Allow, Action: "s3:*", Resource: "*" }]
      managed-session-policies: [arn:aws:iam::aws:policy/ReadOnlyAccess]
      role-chaining: false
      expected-duration: 15m
      permissions:
        - s3:PutObject arn:aws:s3:::site/* s3:x-amz-acl=private
        - s3:ListBucket arn:aws:s3:::site
      environments:
        production:
          - cloudfront:CreateInvalidation arn:aws:cloudfront::111122223333:distribution/E1
        staging: []
      probe: true
      cross-check: true
    - role-to-assume: arn:aws:iam::111122223333:role/dns
      inline-session-policy: '{"Version":"2012-10-17","Statement":[]}'
      role-chaining: true
      policy-files: [dns/]
      permissions: ['route53:ChangeResourceRecordSets arn:aws:route53:::hostedzone/Z1']
`;

describe('a valid file', () => {
  it('reads every top-level and github-oidc field', () => {
    const s = read(FULL);
    expect(s).toMatchObject({
      file: FILE,
      mode: 'report',
      minTokenLifetimeSeconds: 600,
      clockSkewSeconds: 90,
      githubOidc: {
        enabled: true,
        audience: 'sts.amazonaws.com',
        issuer: 'https://token.actions.githubusercontent.com/acme',
        jwksUrl: 'https://token.actions.githubusercontent.com/acme/.well-known/jwks',
        claims: { sub: 'repo:acme/site:environment:*', repository_owner: 'acme' },
        minLifetimeSeconds: 300,
        clockSkewSeconds: 30,
      },
      awsSources: { policyFiles: ['aws/'], liveReads: true, probe: false, crossCheck: false },
    });
  });

  it('reads several token expectations in the tokens input format, leaving the defaults to the merge', () => {
    const [api, registry] = read(FULL).tokens;
    expect(api).toEqual({
      name: 'deploy-api',
      source: { kind: 'env', name: 'DEPLOY_API_TOKEN' },
      expect: {
        issuer: 'https://auth.example.com',
        audience: ['api://deploy'],
        requiredScopes: ['deploy:write', 'deploy:read'],
        minLifetimeSeconds: 3600,
        clockSkewSeconds: 120,
        claims: { tenant: 'acme' },
        jwksUrl: 'https://auth.example.com/jwks',
        algorithms: ['RS256', 'ES256'],
        allowUnverifiable: false,
      },
    });
    expect(registry).toEqual({
      name: 'registry',
      source: { kind: 'file', path: '/tmp/registry-token' },
      expect: {
        audience: ['registry', 'registry-2'],
        allowUnverifiable: true,
        allowNoExpiry: true,
      },
    });
  });

  it('reads several roles with every configure-aws-credentials field, permissions and their origins', () => {
    const [site, dns] = read(FULL).roles;
    expect(site?.settings).toEqual({
      roleArn: 'arn:aws:iam::111122223333:role/site-deploy',
      region: 'eu-west-1',
      // Where the region is written, for a finding on it (src/checks/session/region.ts).
      regionAt: { file: '.github/preflight.yml', line: 41 },
      audience: 'sts.amazonaws.com',
      durationSeconds: 1800,
      sessionName: 'site-deploy',
      inlineSessionPolicy: {
        name: 'inline-session-policy',
        document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] },
        file: FILE,
        line: 46,
      },
      managedSessionPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
      roleChaining: false,
      sessionTags: {},
      skipSessionTagging: false,
      transitiveTagKeys: [],
      expectedDurationSeconds: 900,
    });
    expect(site?.permissions).toEqual([
      {
        action: 's3:PutObject',
        resource: 'arn:aws:s3:::site/*',
        context: { 's3:x-amz-acl': 'private' },
        origin: `${FILE}:52:11`,
      },
      { action: 's3:ListBucket', resource: 'arn:aws:s3:::site', context: {}, origin: `${FILE}:53:11` },
    ]);
    expect(site?.sources).toEqual({ policyFiles: ['aws/'], liveReads: true, probe: true, crossCheck: true });
    // The second role: defaults where it sets nothing, its own policy files, the JSON-text session policy parsed.
    expect(dns?.settings).toMatchObject({
      durationSeconds: 3600,
      sessionName: 'GitHubActions',
      roleChaining: true,
      inlineSessionPolicy: { document: { Version: '2012-10-17', Statement: [] } },
    });
    expect(dns?.settings.audience).toBeUndefined();
    expect(dns?.sources).toEqual({ policyFiles: ['dns/'], liveReads: true, probe: false, crossCheck: false });
  });

  it('reads per-environment permission sets', () => {
    const [site] = read(FULL).roles;
    expect(site?.environments).toEqual({
      production: [
        {
          action: 'cloudfront:CreateInvalidation',
          resource: 'arn:aws:cloudfront::111122223333:distribution/E1',
          context: {},
          origin: `${FILE}:56:13`,
        },
      ],
      staging: [],
    });
  });

  it('reads an empty file, or one with only comments, as configuring nothing', () => {
    for (const text of ['', '# nothing yet\n']) {
      expect(read(text)).toMatchObject({ githubOidc: {}, tokens: [], roles: [] });
    }
  });
});

describe('YAML syntax errors', () => {
  it('gives the line and column the parser reports', () => {
    expect(errorsOf('mode: enforce\naws:\n  roles: [\n')).toEqual([
      `${FILE}:4:1: YAML is not valid: Flow sequence in block collection must be sufficiently indented and end with a ]`,
    ]);
  });

  it('refuses a key given twice', () => {
    expect(errorsOf('mode: enforce\nmode: report\n')).toEqual([
      `${FILE}:2:1: YAML is not valid: Map keys must be unique`,
    ]);
  });
});

describe('schema errors, each at its line and column', () => {
  it('names the setting, what it must be and the value it has', () => {
    const text = `mode: audit
min-token-lifetime: 10 minutes
aws:
  roles:
    - role-to-assume: arn:aws:iam::111122223333:role/site-deploy
      aws-region: EU-West-1
      role-duration-seconds: 1h
      role-chaining: "yes"
      managed-session-policies: [ReadOnlyAccess]
`;
    expect(errorsOf(text)).toEqual([
      `${FILE}:1:7: mode must be enforce or report, got "audit"`,
      `${FILE}:2:21: min-token-lifetime must be a duration such as 90s, 10m, 1h30m or a number of seconds (3600), got "10 minutes"`,
      `${FILE}:6:19: aws.roles[0].aws-region must be a region such as eu-west-1 (lowercase letters, digits and -), got "EU-West-1"`,
      `${FILE}:7:30: aws.roles[0].role-duration-seconds must be an integer, got "1h"`,
      `${FILE}:8:22: aws.roles[0].role-chaining must be true or false, got "yes"`,
      `${FILE}:9:34: aws.roles[0].managed-session-policies[0] must be a policy ARN such as arn:aws:iam::aws:policy/ReadOnlyAccess, got "ReadOnlyAccess"`,
    ]);
  });

  it('places an unknown setting at its key, with the setting probably meant', () => {
    const text =
      'github-oidc:\n  audience: sts.amazonaws.com\n  expected_claims: {}\naws:\n  roles:\n    - role-to-asume: x\n';
    expect(errorsOf(text)).toEqual([
      `${FILE}:3:3: github-oidc.expected_claims is not a setting here; did you mean expected-claims?`,
      `${FILE}:6:7: aws.roles[0].role-to-assume is required`,
      `${FILE}:6:7: aws.roles[0].role-to-asume is not a setting here; did you mean role-to-assume?`,
    ]);
    expect(errorsOf('colour: red\n')).toEqual([
      `${FILE}:1:1: colour is not a setting here (known: version, mode, baseline, min-token-lifetime, clock-skew, github-oidc, tokens, aws, github)`,
    ]);
  });

  it('says the token rules in one message each', () => {
    const text = `tokens:
  - name: both
    from-env: A
    from-file: /a
  - name: introspected
    from-env: B
    introspection: { url: https://auth.example.com/i, client-id-env: ID }
  - name: bad name!
    from-env: 1BAD
`;
    expect(errorsOf(text)).toEqual([
      `${FILE}:2:5: tokens[0] needs exactly one of from-env or from-file (a token is never given literally)`,
      `${FILE}:7:20: tokens[1].introspection.client-secret-env is required with client-id-env`,
      `${FILE}:8:11: tokens[2].name must be 1-64 letters, digits, '.', '_' or '-', got "bad name!"`,
      `${FILE}:9:15: tokens[2].from-env must be an environment variable name such as DEPLOY_API_TOKEN, got "1BAD"`,
    ]);
  });

  it("refuses the runner's, GitHub's and AWS's credential variables as a token's source, and any introspection endpoint", () => {
    // The attack: a pull request's config sends the job's AWS credentials (configure-aws-credentials exports them)
    // to an endpoint it names, as the token and the introspection client's id and secret.
    const text = `tokens:
  - name: runner
    from-env: ACTIONS_ID_TOKEN_REQUEST_TOKEN
  - name: aws-secret
    from-env: AWS_SECRET_ACCESS_KEY
    introspection:
      url: https://auth.example.com/i
      client-id-env: AWS_ACCESS_KEY_ID
      client-secret-env: AWS_SESSION_TOKEN
  - name: github
    from-env: GITHUB_TOKEN
  - name: gh
    from-env: gh_token
`;
    const refused = (name: string, whose: string) =>
      `names ${name}, one of ${whose}, which a configuration never reads: it could send the job's own credentials to an endpoint it names`;
    const aws =
      "AWS's credentials and settings (configure-aws-credentials exports AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN)";
    expect(errorsOf(text)).toEqual([
      `${FILE}:3:15: tokens[0].from-env ${refused('ACTIONS_ID_TOKEN_REQUEST_TOKEN', "the runner's own variables")}`,
      `${FILE}:5:15: tokens[1].from-env ${refused('AWS_SECRET_ACCESS_KEY', aws)}`,
      `${FILE}:6:5: tokens[1].introspection is refused in the config file: introspection sends the token and the client's credentials to the URL it names, and the file may come from a pull request. Name the endpoint in the workflow's \`tokens\` input of the step instead`,
      `${FILE}:11:15: tokens[2].from-env ${refused('GITHUB_TOKEN', "GitHub's tokens and variables")}`,
      `${FILE}:13:15: tokens[3].from-env ${refused('gh_token', "GitHub's tokens and variables")}`,
    ]);
  });

  it("names the reading command's way out of a refused introspection, and never lists it as a known setting", () => {
    const text = `tokens:
  - name: api
    from-env: API_TOKEN
    issuer: https://auth.example.com
    introspection:
      url: https://auth.example.com/oauth2/introspect
`;
    const read = (reader: 'action' | 'check', file = text) => {
      const result = readConfigFile(file, FILE, reader);
      if (result.ok) throw new Error('expected errors, the file was read');
      return result.errors.map(describeConfigError);
    };
    const [refusal] = read('check');
    expect(refusal).toContain('`check` does not introspect');
    expect(refusal).not.toContain("Name the endpoint in the workflow's `tokens` input of the step instead");
    expect(read('action')[0]).toContain("Name the endpoint in the workflow's `tokens` input of the step instead");
    const [unknown] = read('check', 'tokens:\n  - name: other\n    from-env: OTHER_TOKEN\n    zzz: read\n');
    expect(unknown).toContain('(known: ');
    expect(unknown).not.toContain('introspection');
  });

  it('places errors inside lists and maps, and quotes keys that are not plain words', () => {
    const text = `aws:
  roles:
    - role-to-assume: arn:aws:iam::111122223333:role/a
      permissions:
        - s3:GetObject arn:aws:s3:::a/*
        - 42
      environments:
        " ": []
        prod: s3:GetObject arn:aws:s3:::a/*
`;
    expect(errorsOf(text)).toEqual([
      `${FILE}:6:11: aws.roles[0].permissions[1] must be a string, got 42`,
      `${FILE}:8:9: aws.roles[0].environments[" "] must be an environment name`,
      `${FILE}:9:15: aws.roles[0].environments.prod must be a list, got "s3:GetObject arn:aws:s3:::a/*"`,
    ]);
  });

  it('never quotes a value that looks like a token', () => {
    const [error] = errorsOf(
      'tokens:\n  - name: t\n    from-env: A\n    audience: 7\n    issuer: ghp_abcdefghijklmnopqrstuvwxyz0123456789\n',
    );
    expect(error).toBe(`${FILE}:4:15: tokens[0].audience must be a string or a list, got 7`);
    expect(
      errorsOf('tokens:\n  - name: t\n    from-env: A\n    issuer: ghp_abcdefghijklmnopqrstuvwxyz0123456789\n'),
    ).toEqual([
      `${FILE}:4:13: tokens[0].issuer must be an https URL, without user info (user:password@): a URL setting never carries a credential, got a value that looks like a token (not shown)`,
    ]);
  });

  it('refuses a top level that is not a mapping', () => {
    expect(errorsOf('- mode: enforce\n')).toEqual([
      `${FILE}:1:1: (top level) must be a mapping, got [{"mode":"enforce"}]`,
    ]);
  });
});

describe('errors beyond the schema, at their line and column', () => {
  it('places a permission line that does not parse at the word it names', () => {
    const text = `aws:
  roles:
    - role-to-assume: arn:aws:iam::111122223333:role/a
      permissions:
        - s3:PutObject arn:aws:s3:::site/* s3:x-amz-acl
        - "s3:GetObject bucket"
        - 's3:GetObject arn:aws:s3:::a/* "unterminated'
      environments:
        production: [ 'PutObject arn:aws:s3:::a/*' ]
`;
    expect(errorsOf(text)).toEqual([
      `${FILE}:5:44: aws.roles[0].permissions[0] "s3:x-amz-acl" is not key=value; a permission is ACTION RESOURCE [key=value ...] [!key ...] (in "s3:PutObject arn:aws:s3:::site/* s3:x-amz-acl")`,
      `${FILE}:6:25: aws.roles[0].permissions[1] "bucket" is not an ARN or *; write it as arn:partition:service:region:account:resource (in "s3:GetObject bucket")`,
      `${FILE}:7:11: aws.roles[0].permissions[2] "s3:GetObject arn:aws:s3:::a/* "unterminated" has an unterminated " quote`,
      `${FILE}:9:24: aws.roles[0].environments.production[0] "PutObject" is not an action; write it as service:Action, like s3:PutObject (in "PutObject arn:aws:s3:::a/*")`,
    ]);
  });

  it('checks durations, JSON, names used twice and environment names that differ in case', () => {
    const text = `min-token-lifetime: 99999999999999999999d
tokens:
  - name: a
    from-env: ghp_abcdefghijklmnopqrstuvwxyz0123456789
  - name: github-oidc
    from-env: X
  - name: a
    from-file: /tmp/a
aws:
  roles:
    - role-to-assume: arn:aws:iam::111111111111:role/deploy
      inline-session-policy: '{"Version": '
      environments:
        Production: []
        production: []
    - role-to-assume: arn:aws:iam::111111111111:role/deploy
    - role-to-assume: arn:aws:iam::111111111111:role/other
      inline-session-policy: '["not", "a", "policy"]'
`;
    expect(errorsOf(text)).toEqual([
      `${FILE}:1:21: min-token-lifetime invalid duration '99999999999999999999d': it is too large; write a number of seconds (3600) or units d, h, m, s (90s, 10m, 1h30m)`,
      `${FILE}:4:15: tokens[0].from-env holds what looks like a token itself; put the token in a secret and name the variable that carries it`,
      `${FILE}:5:11: tokens[1].name is the name of GitHub's OIDC token (configure it under github-oidc)`,
      `${FILE}:7:11: tokens[2].name "a" is used twice (first at line 3)`,
      `${FILE}:12:30: aws.roles[0].inline-session-policy is not valid JSON: Unexpected end of JSON input`,
      `${FILE}:15:9: aws.roles[0].environments.production names the same environment as "Production" (GitHub environment names ignore case)`,
      `${FILE}:16:23: aws.roles[1].role-to-assume lists arn:aws:iam::111111111111:role/deploy a second time (first at line 11); give each role once, with every permission it needs`,
      `${FILE}:18:30: aws.roles[2].inline-session-policy must be a policy document (a JSON object with Version and Statement)`,
    ]);
  });

  it('refuses a workflow expression in a role setting: the file is not evaluated, the input is', () => {
    const text = `aws:
  policy-files: ['exports/\${{ github.ref_name }}/']
  roles:
    - role-to-assume: arn:aws:iam::111122223333:role/deploy
      role-session-name: deploy@\${{ github.run_id }}
      audience: \${{ vars.AUDIENCE }}
`;
    const errors = errorsOf(text);
    expect(errors).toHaveLength(3);
    expect(errors[0]).toContain(`${FILE}:2:18: aws.policy-files[0] holds a GitHub Actions expression`);
    expect(errors[1]).toBe(
      `${FILE}:5:26: aws.roles[0].role-session-name holds a GitHub Actions expression, which is not evaluated here: this config file is not a workflow, so the value would reach AWS as written. Remove role-session-name from the file and pass it through the action's input of the same name instead, which the runner evaluates (under the step's \`with:\`: \`role-session-name: deploy@\${{ github.run_id }}\`)`,
    );
    expect(errors[2]).toContain(`${FILE}:6:17: aws.roles[0].audience holds a GitHub Actions expression`);
    // No "did you mean" built by replacing the expression's characters.
    expect(errors.join('\n')).not.toContain('-github.run_id');
  });

  it('gives each error its file, line and column as fields too', () => {
    const result = readConfigFile(
      'aws:\n  roles:\n    - role-to-assume: arn:aws:iam::111122223333:role/a\n      role-duration-seconds: 1h\n',
      FILE,
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          where: 'aws.roles[0].role-duration-seconds',
          message: 'must be an integer, got "1h"',
          file: FILE,
          line: 4,
          column: 30,
        },
      ],
    });
  });
});
