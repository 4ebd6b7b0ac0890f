/**
 * The OIDC provider check: STS needs an IAM OIDC provider for the token's issuer in the role's account, listing the
 * audience among its client IDs (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html).
 */
import { describe, expect, it } from 'vitest';
import { assembleInventory, parseAwsFile } from '../../src/aws-files/index.js';
import type { RoleFacts } from '../../src/checks/check.js';
import { checkOidcProvider, normalizeProviderUrl, oidcProviderCheck } from '../../src/checks/provider.js';
import type { OidcProviderList, OidcProviderModel } from '../../src/model/aws.js';
import type { Finding } from '../../src/model/finding.js';
import { GITHUB_ISSUER } from '../../src/tokens/github.js';

const ACCOUNT = '111122223333';
const GH = 'token.actions.githubusercontent.com';
const provider = (url: string, clientIds = ['sts.amazonaws.com'], account = ACCOUNT): OidcProviderModel => ({
  arn: `arn:aws:iam::${account}:oidc-provider/${url}`,
  url,
  clientIds,
});
const check = (
  providers: readonly OidcProviderModel[] | undefined,
  issuer = GITHUB_ISSUER,
  audience = 'sts.amazonaws.com',
) => checkOidcProvider({ providers, issuer, audience, roleAccount: ACCOUNT });
const summary = (findings: Finding[]) => findings.map((f) => [f.class, f.status, f.decisionPoint, f.wouldReturn]);

describe('checkOidcProvider', () => {
  it('passes when the provider exists and accepts the audience', () => {
    const findings = check([provider(GH)]);
    expect(summary(findings)).toEqual([['ok', 'pass', 'oidc-provider', undefined]]);
    expect(findings[0]?.evidence).toMatchObject({ providerArn: `arn:aws:iam::${ACCOUNT}:oidc-provider/${GH}` });
  });

  it('fails with 400 (InvalidIdentityToken) and the command to create it when the account has no provider for the issuer', () => {
    const [f] = check([provider('gitlab.com')]);
    expect(summary([f as Finding])).toEqual([['no-oidc-provider', 'fail', 'oidc-provider', 400]]);
    expect(f?.message).toContain(`No OpenIDConnect provider found in your account for ${GITHUB_ISSUER}`);
    expect(f?.fix).toBe(
      `aws iam create-open-id-connect-provider --url https://${GH} --client-id-list sts.amazonaws.com`,
    );
    expect(f?.cause).toBe('changed-trust-or-network-rule');
    expect(f?.evidence.providersInAccount).toEqual(['gitlab.com']);
  });

  it('does not count a provider in another account: STS looks only in the role’s account', () => {
    const [f] = check([provider(GH, ['sts.amazonaws.com'], '999999999999')]);
    expect(f?.class).toBe('no-oidc-provider');
    expect(f?.message).toContain('exists in account 999999999999');
  });

  it('needs a provider of its own for an enterprise issuer with a slug', () => {
    // https://docs.github.com/en/enterprise-cloud@latest/actions/reference/security/oidc#customizing-the-issuer-value-for-an-enterprise
    const [f] = check([provider(GH)], `${GITHUB_ISSUER}/acme`);
    expect(f?.class).toBe('no-oidc-provider');
    expect(f?.message).toContain('carries a path (`/acme`)');
    expect(f?.fix).toContain(`--url https://${GH}/acme `);
    expect(check([provider(`${GH}/acme`)], `${GITHUB_ISSUER}/acme`)[0]?.class).toBe('ok');
  });

  it('compares the host case-insensitively and the path case-sensitively (RFC 3986 §6.2.2.1)', () => {
    expect(check([provider(GH)], 'https://Token.Actions.GitHubUserContent.com')[0]?.class).toBe('ok');
    const [f] = check([provider(`${GH}/Acme`)], `${GITHUB_ISSUER}/acme`);
    expect(f?.class).toBe('no-oidc-provider');
    expect(f?.message).toContain('differs only in the letter case of its path');
  });

  it('keeps a trailing slash: STS looks the provider up by the issuer as written', () => {
    expect(check([provider('auth.example.com/')], 'https://auth.example.com/')[0]?.class).toBe('ok');
    const [f] = check([provider('auth.example.com')], 'https://auth.example.com/');
    expect(f?.class).toBe('no-oidc-provider');
    expect(f?.message).toContain('differs only by a trailing slash');
  });

  it('fails with 400 (InvalidIdentityToken) when the provider does not list the audience', () => {
    const [f] = check([provider(GH, ['https://github.com/acme'])]);
    expect(summary([f as Finding])).toEqual([['audience-not-registered', 'fail', 'oidc-provider', 400]]);
    expect(f?.message).toContain('InvalidIdentityToken: Incorrect token audience');
    expect(f?.fix).toContain(
      `aws iam add-client-id-to-open-id-connect-provider --open-id-connect-provider-arn arn:aws:iam::${ACCOUNT}:oidc-provider/${GH} --client-id sts.amazonaws.com`,
    );
    expect(f?.evidence.clientIds).toEqual(['https://github.com/acme']);
  });

  it('says when a client ID differs from the audience only in letter case', () => {
    const [f] = check([provider(GH, ['STS.amazonaws.com'])]);
    expect(f?.class).toBe('audience-not-registered');
    expect(f?.message).toContain('differs only in letter case');
  });

  it('fails closed when the providers are not known', () => {
    const [f] = check(undefined);
    expect(summary([f as Finding])).toEqual([['oidc-provider-unknown', 'unverified', 'oidc-provider', undefined]]);
    expect(f?.fix).toContain('iam:ListOpenIDConnectProviders');
  });

  it('normalizes provider URLs as IAM names them', () => {
    expect(normalizeProviderUrl('https://Token.Actions.GitHubUserContent.com/Acme')).toBe(`${GH}/Acme`);
    expect(normalizeProviderUrl('https://auth.example.com/')).toBe('auth.example.com/');
    expect(normalizeProviderUrl(GH)).toBe(GH);
    expect(normalizeProviderUrl('https://idp.example.com:8443/tenant')).toBe('idp.example.com:8443/tenant');
  });
});

describe('oidcProviderCheck over a list-open-id-connect-providers output', () => {
  // The output of an account without providers, as the AWS CLI prints it:
  // https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListOpenIDConnectProviders.html
  const EMPTY_LIST = '{\n    "OpenIDConnectProviderList": []\n}\n';
  const FILE = `${ACCOUNT}/list-open-id-connect-providers.json`;
  const run = (listed: readonly string[], providerLists: readonly OidcProviderList[]) =>
    oidcProviderCheck.run({
      role: { accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:role/deploy` },
      inventory: { roles: [] },
      identity: { issuer: GITHUB_ISSUER },
      config: { settings: { audience: 'sts.amazonaws.com' } },
      listedProviders: listed,
      providerLists,
    } as unknown as RoleFacts);

  const listOf = (arns: readonly string[]) =>
    JSON.stringify({ OpenIDConnectProviderList: arns.map((Arn) => ({ Arn })) });
  const getRole = JSON.stringify({
    Role: { RoleName: 'deploy', Arn: `arn:aws:iam::${ACCOUNT}:role/deploy`, AssumeRolePolicyDocument: {} },
  });
  const classOf = async (files: readonly [string, string][]) => {
    const read = assembleInventory(files.map(([file, text]) => parseAwsFile(text, file, { kind: 'cli' })));
    return (await run(read.listedOidcProviderArns, read.oidcProviderLists))[0]?.class;
  };

  it('reads an empty list as proof that the account has no provider, and says the list proves it', async () => {
    const read = assembleInventory([parseAwsFile(EMPTY_LIST, FILE, { kind: 'cli' })]);
    expect(read.oidcProviderLists).toEqual([{ file: FILE, accounts: [ACCOUNT] }]);
    const [f] = await run(read.listedOidcProviderArns, read.oidcProviderLists);
    expect(summary([f as Finding])).toEqual([['no-oidc-provider', 'fail', 'oidc-provider', 400]]);
    expect(f?.message).toContain(`The list-open-id-connect-providers output (\`${FILE}\`)`);
    expect(f?.message).toContain('it lists none');
    expect(f?.evidence.listedIn).toEqual([FILE]);
  });

  it('says nothing of a list when the providers came from elsewhere, and stays unknown without any', async () => {
    expect(check([])[0]?.message).not.toContain('list-open-id-connect-providers');
    expect((await run([], []))[0]?.class).toBe('oidc-provider-unknown');
    const listedGh = `arn:aws:iam::${ACCOUNT}:oidc-provider/${GH}`;
    expect((await run([listedGh], [{ file: FILE, accounts: [ACCOUNT] }]))[0]?.class).toBe('oidc-provider-unknown');
  });

  it('get-open-id-connect-provider outputs of other providers prove nothing missing: unknown, naming the near miss', async () => {
    // Each output is one provider (API_GetOpenIDConnectProvider.html); only a list, or IAM read live, gives them all.
    const runWith = (providers: readonly OidcProviderModel[], lists: readonly OidcProviderList[] = []) =>
      oidcProviderCheck.run({
        role: { accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:role/deploy` },
        inventory: { roles: [], oidcProviders: providers },
        identity: { issuer: GITHUB_ISSUER },
        config: { settings: { audience: 'sts.amazonaws.com' } },
        listedProviders: providers.map((p) => p.arn),
        providerLists: lists,
      } as unknown as RoleFacts);
    const [other] = await runWith([provider(GH, ['sts.amazonaws.com'], '999988887777')]);
    expect(summary([other as Finding])).toEqual([['oidc-provider-unknown', 'unverified', 'oidc-provider', undefined]]);
    expect(other?.message).toContain('exists in account 999988887777');
    expect((await runWith([provider('gitlab.com')]))[0]?.class).toBe('oidc-provider-unknown');
    // A list of the role's account (or IAM's own, read live) decides: then the provider is missing.
    const listed = await runWith([provider('gitlab.com')], [{ file: FILE, accounts: [ACCOUNT] }]);
    expect(listed[0]?.class).toBe('no-oidc-provider');
    expect((await runWith([provider(GH)]))[0]?.class).toBe('ok');
  });

  it('takes a list as proof only for the account it covers', async () => {
    const other = `arn:aws:iam::999988887777:oidc-provider/${GH}`;
    // Another account's list, wherever it lies: the role's account is not among its ARNs.
    expect(await classOf([['aws/list-oidc.json', listOf([other])]])).toBe('oidc-provider-unknown');
    expect(await classOf([[`${ACCOUNT}/list-oidc.json`, listOf([other])]])).toBe('oidc-provider-unknown');
    // An empty list names no account: only its folder can tie it to one.
    expect(await classOf([['aws/list-oidc.json', EMPTY_LIST]])).toBe('oidc-provider-unknown');
    expect(
      await classOf([
        ['aws/list-oidc.json', EMPTY_LIST],
        ['roles/get-role.json', getRole],
      ]),
    ).toBe('oidc-provider-unknown');
    expect(
      await classOf([
        ['aws/list-oidc.json', EMPTY_LIST],
        ['aws/get-role.json', getRole],
      ]),
    ).toBe('no-oidc-provider');
    // A list of the role's account that names another issuer's provider proves the issuer's missing.
    expect(await classOf([['aws/list-oidc.json', listOf([`arn:aws:iam::${ACCOUNT}:oidc-provider/gitlab.com`])]])).toBe(
      'no-oidc-provider',
    );
  });
});

describe('the provider of the role partition', () => {
  // The trust and provider of a role in AWS China (aws-cn): AWS China's documentation names the provider
  // `arn:aws-cn:iam::ACCOUNT:oidc-provider/token.actions.githubusercontent.com`, read from get-open-id-connect-provider.
  const CN_ROLE = 'arn:aws-cn:iam::123456789012:role/aurora-tf-deploy-prod';
  const providerFile = JSON.stringify({ Url: GH, ClientIDList: ['sts.amazonaws.com.cn'], ThumbprintList: [] });
  const roleFile = JSON.stringify({
    Role: {
      RoleName: 'aurora-tf-deploy-prod',
      RoleId: 'AROAEXAMPLECN1234567',
      Arn: CN_ROLE,
      Path: '/',
      MaxSessionDuration: 3600,
      AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [] },
    },
  });

  it("gives a provider file the role's partition, and checks the audience against it (400, aws-cn ARN in the fix)", () => {
    const read = assembleInventory([
      parseAwsFile(providerFile, 'policies/oidc.json', { kind: 'cli' }),
      parseAwsFile(roleFile, 'policies/get-role.json', { kind: 'cli' }),
    ]);
    const arn = `arn:aws-cn:iam::123456789012:oidc-provider/${GH}`;
    expect(read.inventory.oidcProviders?.map((p) => p.arn)).toEqual([arn]);
    const [f] = checkOidcProvider({
      providers: read.inventory.oidcProviders,
      issuer: GITHUB_ISSUER,
      audience: 'sts.amazonaws.com',
      roleAccount: '123456789012',
      partition: 'aws-cn',
    });
    expect(summary([f as Finding])).toEqual([['audience-not-registered', 'fail', 'oidc-provider', 400]]);
    expect(f?.fix).toContain(`--open-id-connect-provider-arn ${arn}`);
  });

  it("does not take another partition's provider for the role's", () => {
    const [f] = checkOidcProvider({
      providers: [provider(GH, ['sts.amazonaws.com'], '123456789012')],
      issuer: GITHUB_ISSUER,
      audience: 'sts.amazonaws.com',
      roleAccount: '123456789012',
      partition: 'aws-us-gov',
    });
    expect(f?.class).toBe('no-oidc-provider');
    expect(f?.evidence?.expectedProviderArn).toBe(`arn:aws-us-gov:iam::123456789012:oidc-provider/${GH}`);
  });
});
