/**
 * Secrets of each shape in src/text/secret-shapes.ts, one line of each, which explain
 * must quote without the secret, in its text and its JSON output. The values are made up; their forms are the
 * providers' (named in src/text/secret-shapes.ts).
 */
import { describe, expect, it } from 'vitest';
import { diagnoseLog, redactSecretShapes } from '../../src/diagnose/index.js';
import { renderExplainMarkdown, renderExplainText } from '../../src/report/explain.js';
import { hashIdSecrets, redactQuotedSecrets } from '../../src/text/secret-shapes.js';

const SLACK = 'AbCdEfGhIjKlMnOpQrStUvWx';
const DOCKER = Buffer.from('user:ghp_1234567890abcdefghijklmnopqrstuvwxyz').toString('base64');
const PEM_BODY = 'MIIEpAIBAAKCAQEA1234567890abcdefghijklmnopqrstuvwxyzABCDEFG';

const CASES: readonly (readonly [string, string, string])[] = [
  [
    'a bare token= key with a GitLab token',
    'Error: 401 Unauthorized: token=glpat-AbCdEfGhIjKlMnOpQrSt sent to https://gitlab.com/api/v4/projects',
    'glpat-AbCdEfGhIjKlMnOpQrSt',
  ],
  [
    'a JSON access_token',
    'HTTP 401 {"access_token":"ya29.a0AfH6SMBexampleaccesstokenvalue0123","token_type":"Bearer"}',
    'ya29.a0AfH6SMBexampleaccesstokenvalue0123',
  ],
  ['a docker config auth', `Error: HTTP 403: docker auth {"auths":{"ghcr.io":{"auth":"${DOCKER}"}}}`, DOCKER],
  [
    'a Slack webhook path',
    `Error: 403 Forbidden posting to https://hooks.slack.com/services/T0ABCDEFG/B0ABCDEFG/${SLACK}`,
    SLACK,
  ],
  [
    'a Discord webhook path',
    'HTTP 401 POST https://discord.com/api/webhooks/123456789012345678/Zx9_Yw8-Vu7TsRqPoNmLk',
    'Zx9_Yw8-Vu7TsRqPoNmLk',
  ],
  [
    'client_secret=',
    'HTTP 401 client_secret=s3cr3tValueForAzureSp0123 grant_type=client_credentials',
    's3cr3tValueForAzureSp0123',
  ],
  ['AZURE_CLIENT_SECRET=', 'HTTP 401 with AZURE_CLIENT_SECRET=anotherS3cretValue9876', 'anotherS3cretValue9876'],
  [
    'an Entra client secret in prose',
    'Error: 403 Forbidden: using client secret 8Q~abcdEFGHijklMNOPqrstUVWXyz0123456789ab for azure sp',
    '8Q~abcdEFGHijklMNOPqrstUVWXyz0123456789ab',
  ],
  ['a PEM private key body', `Error: HTTP 401: -----BEGIN RSA PRIVATE KEY----- ${PEM_BODY}`, PEM_BODY],
  ['refresh_token: v', 'HTTP 401 refresh_token: 1//0gExampleRefreshTokenValue', '1//0gExampleRefreshTokenValue'],
  ['a Slack bot token', 'HTTP 403 token xoxb-123456789012-abcdefghijkl', 'xoxb-123456789012-abcdefghijkl'],
  [
    'an sk- key',
    'HTTP 401 Incorrect API key provided: sk-proj-abcdefghijklmnopqrstuvwx',
    'sk-proj-abcdefghijklmnopqrstuvwx',
  ],
  ['password: v', 'HTTP 401 Password: hunter2hunter2', 'hunter2hunter2'],
];

describe('a workflow expression after a secret name is a reference, kept', () => {
  it.each([
    [`AWS_SECRET_ACCESS_KEY: \${{ secrets.AWS_SECRET_ACCESS_KEY }}`],
    [`Authorization: Bearer \${{ secrets.DEPLOY_TOKEN }}`],
    [`password \${{ secrets.REGISTRY_PASSWORD }}`],
  ])('%s', (text) => {
    expect(redactSecretShapes(text)).toBe(text);
  });
  it('still redacts the literal value beside it', () => {
    expect(redactSecretShapes(`token=\${{ secrets.T }} password=hunter2hunter2`)).toBe(
      `token=\${{ secrets.T }} password=***`,
    );
  });
});

describe('explain: a secret of each shape is never printed', () => {
  it.each(CASES)('%s', (_name, line, secret) => {
    expect(redactSecretShapes(line)).not.toContain(secret);
    const { findings, lines, dropped } = diagnoseLog(line);
    expect(findings).toHaveLength(1);
    expect(JSON.stringify(findings)).not.toContain(secret);
    expect(renderExplainText({ source: 'job.log', lines, findings, dropped })).not.toContain(secret);
  });

  it('redacts a PEM body over several lines up to its footer, and keeps the text after it', () => {
    const pem = `-----BEGIN PRIVATE KEY-----\n${PEM_BODY}\nABCDEF==\n-----END PRIVATE KEY----- then HTTP 401`;
    const out = redactSecretShapes(pem);
    expect(out).not.toContain(PEM_BODY);
    expect(out).not.toContain('ABCDEF==');
    expect(out).toContain('then HTTP 401');
  });

  it("keeps an error's name that ends in Token and the words after it", () => {
    expect(redactSecretShapes('api error ExpiredToken: The security token included in the request is expired')).toBe(
      'api error ExpiredToken: The security token included in the request is expired',
    );
  });
});

describe("explain: the product's own prose is never redacted, only what comes from the log", () => {
  it.each([
    // aws-actions/configure-aws-credentials without `id-token: write` (https://github.com/aws-actions/configure-aws-credentials/issues/271).
    [
      '##[error]Credentials could not be loaded, please check your action inputs: Could not load credentials from any providers',
      'Add `permissions: id-token: write` to the job',
    ],
    // The same, as the toolkit words it (GitHub's OIDC docs, "Adding permissions settings").
    ['Error: Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable', 'could not request an OIDC token: the runner'],
    // https://github.com/awslabs/amazon-eks-irsa-cfn/pull/18
    [
      'An error occurred (InvalidIdentityToken) when calling the AssumeRoleWithWebIdentity operation: Incorrect token audience',
      'STS refused the OIDC token: its `aud` is not a client ID',
    ],
    // ghcr.io's refusal of the job's token (docker/build-push-action output).
    [
      'ERROR: failed to solve: failed to push ghcr.io/acme/app:latest: denied: permission_denied: write_package',
      "refused the job's token: it may not write",
    ],
  ])('%s', (line, prose) => {
    const { findings, lines, dropped } = diagnoseLog(line);
    const shown = findings.map((f) => `${f.message} ${f.fix}`).join(' ');
    expect(shown).toContain(prose);
    expect(shown).not.toContain('***');
    const markdown = renderExplainMarkdown({ source: 'job.log', lines, findings, dropped });
    expect(markdown).not.toContain('***');
  });

  it('still redacts a secret the log puts into a finding', () => {
    const token = 'ghs_16C7e42F292c6912E7710c838347Ae178B4a';
    const { findings } = diagnoseLog(
      `remote: Permission to https://x-access-token:${token}@github.com/acme/site.git denied to github-actions[bot].`,
    );
    expect(findings.map((f) => f.class)).toEqual(['github-token-scope-missing']);
    expect(JSON.stringify(findings)).not.toContain(token);
    expect(JSON.stringify(findings)).not.toContain('x-access-token:');
  });
});

describe('secrets written with spaces, as bytes, or as a curl user', () => {
  // AWS's example secret key (https://docs.aws.amazon.com/IAM/latest/UserGuide/security-creds.html) as `aws configure
  // set` takes it (https://docs.aws.amazon.com/cli/latest/reference/configure/set.html), in columns, in a botocore
  // debug line's bytes, and curl's -u (https://curl.se/docs/manpage.html#-u).
  const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
  it.each([
    [`aws configure set aws_secret_access_key ${secret} && aws s3 cp x s3://b/x`, secret],
    [`AWS_SECRET_ACCESS_KEY\t${secret}`, secret],
    [
      'aws configure set aws_session_token IQoJb3JpZ2luX2VjSESSIONTOKEN0123456789',
      'IQoJb3JpZ2luX2VjSESSIONTOKEN0123456789',
    ],
    [
      "headers={'X-Amz-Security-Token': b'IQoJb3JpZ2luX2VjBYTES0123', 'Authorization': b'Bearer opaqueBearer123'}",
      'IQoJb3JpZ2luX2VjBYTES0123',
    ],
    ["headers={'Authorization': b'Bearer opaqueBearer123'}", 'opaqueBearer123'],
    ['curl -u admin:hunter2secretpw https://x.example/ -> 403', 'hunter2secretpw'],
    ['curl --user=admin:hunter2secretpw https://x.example/', 'hunter2secretpw'],
  ])('%s', (line, value) => {
    expect(redactSecretShapes(line)).not.toContain(value);
  });

  it('leaves prose after such a name alone', () => {
    expect(redactSecretShapes('the password is required')).toBe('the password is required');
  });
});

describe('a workflow finding: the secrets its quotes hold are cut, the tool’s own words and links are kept', () => {
  it.each([
    [
      "The configure-aws-credentials step does not use GitHub's OIDC token: it is given access keys",
      "The configure-aws-credentials step does not use GitHub's OIDC token: it is given access keys",
    ],
    ['the token: none is requested; password: required', 'the token: none is requested; password: required'],
    [
      'see https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#permissions',
      'see https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#permissions',
    ],
    ['./deploy.sh --token ghp_0123456789abcdefghijABCDEFGHIJ', './deploy.sh --token ***'],
    ['API_TOKEN: 9f8e7d6c5b4a', 'API_TOKEN: ***'],
    ['deploy --password=short', 'deploy --password=***'],
    // A quoted value is data, cut whole to its closing quote.
    ['./s22.sh --token="quoted token with space" next', './s22.sh --token="***" next'],
    ["deploy --password 'two words here' x", "deploy --password '***' x"],
    ['API_TOKEN: "abc def ghi123" and "more"', 'API_TOKEN: "***" and "more"'],
    ['git clone https://user:s3cret@example.com/r.git', 'git clone https://example.com/r.git'],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub's expression syntax.
    ['AWS_SECRET_ACCESS_KEY: ${{ secrets.KEY }}', 'AWS_SECRET_ACCESS_KEY: ${{ secrets.KEY }}'],
  ])('%s', (text, shown) => {
    expect(redactQuotedSecrets(text)).toBe(shown);
  });
});

describe('secrets a workflow writes as a command option, a signed URL, a bot token or a webhook path', () => {
  // Run steps as a pull request's author could write them (the values made up, in the documented forms of
  // src/text/secret-shapes.ts): each secret is cut from a finding's quote and from a log line alike.
  it.each([
    ['./s01.sh --token S01opaqueTOKENvalue0123456789', 'S01opaqueTOKENvalue0123456789'],
    ['./s14.sh --secret S14opaqueSECRETvalue0123456', 'S14opaqueSECRETvalue0123456'],
    ['./s18.sh --access-key AKID --secret-key S18secretKEYvalue0123456789abcdef', 'S18secretKEYvalue0123456789abcdef'],
    ['./t9.sh --api-token T9opaqueAPItoken1234567', 'T9opaqueAPItoken1234567'],
    ['./t10.sh --auth-token T10opaqueAUTHtoken1234567', 'T10opaqueAUTHtoken1234567'],
    ['./t2.sh --password   T2continuedPASSWORD123', 'T2continuedPASSWORD123'],
    ['echo x | docker login -u bot -p S02dockerPASSWORDvalue99 ghcr.io', 'S02dockerPASSWORDvalue99'],
    ['./s13.sh mysql -uadmin -pS13mysqlPASSWORD123', 'S13mysqlPASSWORD123'],
    ['mariadb-dump -u root -pS13mysqlPASSWORD123 app > dump.sql', 'S13mysqlPASSWORD123'],
    [
      './s07.sh "https://acct.blob.core.windows.net/c/f?sv=2022-11-02&se=2030-01-01&sr=b&sp=r&sig=S07sasSIGNATUREvalue%2Babc%3D"',
      'S07sasSIGNATUREvalue',
    ],
    [
      './s08.sh "https://bucket.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=S08e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"',
      'S08e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    ],
    [
      'curl "https://b.s3.amazonaws.com/k?X-Amz-Credential=ASIAEXAMPLE%2F20300101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Security-Token=IQoJb3JpZ2luX2VjSESSION"',
      'IQoJb3JpZ2luX2VjSESSION',
    ],
    [
      './s06.sh https://api.telegram.org/bot123456789:S06AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/sendMessage',
      'S06AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw',
    ],
    ['./s15.sh https://hooks.example.com/webhook/S15webhookPATHsecret0123456789', 'S15webhookPATHsecret0123456789'],
  ])('%s', (line, secret) => {
    expect(redactQuotedSecrets(line)).not.toContain(secret);
    expect(redactSecretShapes(line)).not.toContain(secret);
    expect(redactQuotedSecrets(line)).toContain('***');
  });

  it.each([
    './deploy.sh --token "$DEPLOY_TOKEN" --password-stdin',
    'mysql -u root -p app_database < schema.sql',
    './s02.sh -p packages/cli-tools/tsconfig.json',
    'see https://docs.github.com/en/webhooks/webhook-events-and-payloads#pull_request',
    'github-token: .github/workflows/ci-pr.yml:save-docker-login-token:unknown-actions',
    'The job save-docker-login-token: .github/workflows/ci-pr.yml#save-docker-login-token needs no token',
  ])('keeps the words of %s', (text) => {
    expect(redactQuotedSecrets(text)).toBe(text);
  });

  it('cuts such a secret from a YAML parse error that quotes the line', () => {
    const error =
      '.github/workflows/deploy.yml:40:14: Nested mappings are not allowed in compact mappings at line 40, column 14:\n\n      - run: ./p1.sh --token P1secretVALUE0123456789 key: value\n             ^\n.';
    expect(redactQuotedSecrets(error)).toBe(error.replace('P1secretVALUE0123456789', '***'));
  });
});

describe("a finding's id", () => {
  it('is kept whole, a secret shape in it hashed the same each time', () => {
    const id = 'github-token:.github/workflows/ci-pr.yml:save-docker-login-token:ok';
    expect(hashIdSecrets(id)).toBe(id);
    const token = 'ghp_0123456789abcdefghijABCDEFGHIJ012345';
    const hashed = hashIdSecrets(`predict:.github/workflows/ci.yml:${token}:role`);
    expect(hashed).not.toContain(token);
    expect(hashed).toMatch(/^predict:\.github\/workflows\/ci\.yml:sha256:[0-9a-f]{12}:role$/);
    expect(hashIdSecrets(`predict:.github/workflows/ci.yml:${token}:role`)).toBe(hashed);
  });
});
