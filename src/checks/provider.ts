/**
 * The OIDC provider check: STS accepts a web identity token only when the role's account has an IAM OIDC provider
 * for the token's issuer, and that provider lists the token's audience among its client IDs. Either miss ends the
 * call with InvalidIdentityToken before the trust policy is read. Pure: the providers are loaded by the adapters.
 */
import type { AwsInventory, OidcProviderList, OidcProviderModel } from '../model/aws.js';
import { type EvidenceValue, type Finding, type FindingDraft, findingMaker } from '../model/finding.js';
import { GITHUB_OIDC_DOCS } from '../tokens/github.js';
import type { RoleCheck, RoleFacts } from './check.js';

/** What `checkOidcProvider` needs. */
export interface ProviderCheckInput {
  /** The IAM OIDC providers known for the role's account; undefined when they could not be read (fails closed). */
  readonly providers: readonly OidcProviderModel[] | undefined;
  /** The token's issuer (`iss`), e.g. `https://token.actions.githubusercontent.com`. */
  readonly issuer: string;
  /** The audience the token is requested for (configure-aws-credentials' `audience`, default `sts.amazonaws.com`). */
  readonly audience: string;
  /** The account of the role to assume: STS looks for the provider there and nowhere else. */
  readonly roleAccount: string;
  /**
   * The partition of the role's ARN (`aws`, `aws-cn`, `aws-us-gov`): the provider STS reads is the one of the role's
   * own partition, `arn:PARTITION:iam::ACCOUNT:oidc-provider/URL`
   * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns). Default `aws`.
   */
  readonly partition?: string;
  /**
   * The list-open-id-connect-providers outputs that `providers` comes from, when it does: they list every provider
   * of the account, so a provider they do not list is proven missing, and the finding says so.
   */
  readonly listedIn?: readonly string[];
  /**
   * `providers` are get-open-id-connect-provider outputs, each of one provider, and nothing lists every provider of
   * the role's account (no list output covers it, IAM was not read): a provider not among them is unknown, never
   * missing (`providersUnknown`, with what nearly matches).
   */
  readonly partial?: boolean;
}

const CREATE_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html';
const API_DOC = 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html';

/**
 * A provider URL as IAM names it: no scheme, the host lower-cased. The host of a URL is case-insensitive and its path
 * case-sensitive (RFC 3986 §6.2.2.1, https://www.rfc-editor.org/rfc/rfc3986#section-6.2.2.1). A trailing slash is
 * kept: STS looks the provider up by the token's `iss` as written (its error quotes it, slash included).
 */
export function normalizeProviderUrl(url: string): string {
  const bare = url.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const slash = bare.indexOf('/');
  return slash < 0 ? bare.toLowerCase() : bare.slice(0, slash).toLowerCase() + bare.slice(slash);
}

type Evidence = Record<string, EvidenceValue>;

const accountOf = (arn: string) => arn.split(':')[4] ?? '';
const partitionOf = (arn: string) => arn.split(':')[1] ?? '';
const code = (s: string) => `\`${s}\``;

/** Why no provider matched, when one nearly does: another account, path case, or an enterprise slug. */
function explainNearMiss(
  providers: readonly OidcProviderModel[],
  want: string,
  roleAccount: string,
  partition: string,
): string {
  const host = (u: string) => u.split('/')[0] ?? u;
  for (const p of providers) {
    const url = normalizeProviderUrl(p.url);
    if (url === want && accountOf(p.arn) === roleAccount && partitionOf(p.arn) !== partition) {
      return ` A provider for it exists in partition ${partitionOf(p.arn)} (${code(p.arn)}), but STS of the role's partition ${partition} reads only the providers of its own partition.`;
    }
    if (partitionOf(p.arn) !== partition) continue;
    if (url === want && accountOf(p.arn) !== roleAccount) {
      return ` A provider for it exists in account ${accountOf(p.arn)}, but STS uses only providers in the role's account ${roleAccount}.`;
    }
    if (accountOf(p.arn) !== roleAccount) continue;
    if (url.replace(/\/$/, '') === want.replace(/\/$/, '')) {
      return ` The account has ${code(url)}, which differs only by a trailing slash from the token's issuer, and STS looks the provider up by the issuer exactly as written.`;
    }
    if (url.toLowerCase() === want.toLowerCase()) {
      return ` The account has ${code(url)}, which differs only in the letter case of its path, and a URL path is case-sensitive.`;
    }
    if (host(url) !== host(want)) continue;
    if (want.startsWith(`${url}/`)) {
      return ` The account has ${code(url)}, but this token's issuer carries a path (${code(want.slice(url.length))}), as GitHub's enterprise issuer does after include_enterprise_slug (${GITHUB_OIDC_DOCS.enterpriseIssuer}), so it needs a provider of its own.`;
    }
    if (url.startsWith(`${want}/`)) {
      return ` The account has ${code(url)}, a provider for an issuer with a path; this token's issuer has none.`;
    }
  }
  return '';
}

/** Checks that the role's account has an OIDC provider for the issuer that accepts the audience. */
export function checkOidcProvider(input: ProviderCheckInput): Finding[] {
  const { providers, issuer, audience, roleAccount } = input;
  const partition = input.partition ?? 'aws';
  const want = normalizeProviderUrl(issuer);
  const make = findingMaker({
    idPrefix: `oidc-provider:${want}`,
    subject: `IAM OIDC provider ${want} in account ${roleAccount}`,
    decisionPoint: 'oidc-provider',
  });
  const evidence: Evidence = { issuer, audience, account: roleAccount };
  if (providers === undefined) return [make(providersUnknown(input, evidence))];
  const provider = providerOf(providers, want, roleAccount, partition);
  if (!provider && input.partial) {
    const unknown = providersUnknown(input, evidence);
    return [make({ ...unknown, message: unknown.message + explainNearMiss(providers, want, roleAccount, partition) })];
  }
  if (!provider) return [make(noProvider(input, providers, evidence))];
  const withProvider = { ...evidence, providerArn: provider.arn, clientIds: [...provider.clientIds] };
  if (!provider.clientIds.includes(audience)) return [make(audienceNotRegistered(provider, audience, withProvider))];
  return [
    make({
      status: 'pass',
      class: 'ok',
      message: `Account ${roleAccount} has the OIDC provider ${code(provider.arn)}, and it accepts the audience ${code(audience)}.`,
      evidence: withProvider,
    }),
  ];
}

/** The provider STS reads for the token: the issuer's (`want`, normalized), in the role's account and partition. */
const providerOf = (
  providers: readonly OidcProviderModel[],
  want: string,
  roleAccount: string,
  partition: string,
): OidcProviderModel | undefined =>
  providers.find(
    (p) => partitionOf(p.arn) === partition && accountOf(p.arn) === roleAccount && normalizeProviderUrl(p.url) === want,
  );

/**
 * The provider of the role's account for `issuer`, when the facts give it and it does not list `aud` among its client
 * IDs: STS then refuses the token with InvalidIdentityToken (400) before it reads the role's trust (API_DOC), so the
 * trust check reports its verdict as not reached rather than as a second failure (src/checks/trust.ts).
 */
export function providerRefusing(facts: RoleFacts, issuer: string, aud: string): OidcProviderModel | undefined {
  const { providers } = providersFor(facts, issuer);
  const provider = providers
    ? providerOf(providers, normalizeProviderUrl(issuer), facts.role.accountId, partitionOf(facts.role.arn) || 'aws')
    : undefined;
  return provider && !provider.clientIds.includes(aud) ? provider : undefined;
}

/** The ARN STS looks for: the provider for the issuer in the role's account, in the role's partition. */
const providerArn = (roleAccount: string, issuer: string, partition = 'aws') =>
  `arn:${partition}:iam::${roleAccount}:oidc-provider/${normalizeProviderUrl(issuer)}`;

/** The account's providers could not be read: whether STS accepts the issuer is unknown (fail closed). */
function providersUnknown(input: ProviderCheckInput, evidence: Evidence): FindingDraft {
  const { issuer, roleAccount, partition } = input;
  return {
    status: 'unverified',
    class: 'oidc-provider-unknown',
    message: `The OIDC providers of account ${roleAccount} are not known, so whether STS accepts tokens from ${code(issuer)} could not be verified (fail closed).`,
    evidence,
    fix: `Give the output of \`aws iam get-open-id-connect-provider --open-id-connect-provider-arn ${providerArn(roleAccount, issuer, partition)}\`, or let the preflight call iam:ListOpenIDConnectProviders and iam:GetOpenIDConnectProvider.`,
    docUrl: CREATE_DOC,
  };
}

/** No provider for the issuer in the role's account: STS refuses the token (InvalidIdentityToken). */
function noProvider(
  input: ProviderCheckInput,
  providers: readonly OidcProviderModel[],
  evidence: Evidence,
): FindingDraft {
  const { issuer, audience, roleAccount, listedIn, partition } = input;
  const want = normalizeProviderUrl(issuer);
  const proof = listedIn?.length
    ? ` The list-open-id-connect-providers output (${listedIn.map(code).join(', ')}) lists every provider of the account, ${
        providers.length === 0 ? 'and it lists none' : 'and none of them is for this issuer'
      }, so this is proven, not assumed.`
    : '';
  const known = providers
    .filter((p) => accountOf(p.arn) === roleAccount && partitionOf(p.arn) === (partition ?? 'aws'))
    .map((p) => normalizeProviderUrl(p.url));
  return {
    status: 'fail',
    class: 'no-oidc-provider',
    message:
      `Account ${roleAccount} has no IAM OIDC provider for ${code(issuer)}, so STS refuses the token with ` +
      `${code(`InvalidIdentityToken: No OpenIDConnect provider found in your account for ${issuer}`)}.` +
      explainNearMiss(providers, want, roleAccount, partition ?? 'aws') +
      proof,
    evidence: {
      ...evidence,
      expectedProviderArn: providerArn(roleAccount, issuer, partition),
      providersInAccount: known,
      ...(listedIn?.length ? { listedIn: [...listedIn] } : {}),
    },
    fix: `aws iam create-open-id-connect-provider --url https://${want} --client-id-list ${audience}`,
    cause: 'changed-trust-or-network-rule',
    // STS's InvalidIdentityToken is HTTP 400 (API_DOC, "Errors"), as docs/explain.md reads it from a log.
    wouldReturn: 400,
    docUrl: CREATE_DOC,
  };
}

/** The provider does not list the audience among its client IDs, which are compared exactly (API_DOC). */
function audienceNotRegistered(provider: OidcProviderModel, audience: string, evidence: Evidence): FindingDraft {
  const caseOnly = provider.clientIds.find((c) => c.toLowerCase() === audience.toLowerCase());
  return {
    status: 'fail',
    class: 'audience-not-registered',
    message:
      `The provider ${code(provider.arn)} does not list the audience ${code(audience)} among its client IDs ` +
      `(${provider.clientIds.map(code).join(', ') || 'none'}), so STS refuses the token with ` +
      `${code('InvalidIdentityToken: Incorrect token audience')}.` +
      (caseOnly ? ` ${code(caseOnly)} differs only in letter case, and client IDs are compared exactly.` : ''),
    evidence,
    fix:
      `aws iam add-client-id-to-open-id-connect-provider --open-id-connect-provider-arn ${provider.arn} --client-id ${audience}` +
      ` (or request the token for one of the registered audiences with the \`audience\` input).`,
    cause: 'changed-trust-or-network-rule',
    // STS's InvalidIdentityToken is HTTP 400 (API_DOC, "Errors"), as docs/explain.md reads it from a log.
    wouldReturn: 400,
    docUrl: API_DOC,
  };
}

/** What the list-open-id-connect-providers outputs say of one provider, and which of them say it. */
export type ProviderListing =
  | { readonly kind: 'listed' | 'missing'; readonly listedIn: readonly string[] }
  | { readonly kind: 'not-read' };

/**
 * Whether the provider `arn` exists, as list-open-id-connect-providers outputs prove it. Such an output lists every
 * provider of the account it was run in (https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListOpenIDConnectProviders.html),
 * and of no other: only the outputs that cover the provider's account (OidcProviderList in src/model/aws.ts) decide.
 * `listed` when the provider is among the ARNs listed (it exists; its client IDs are unknown), `missing` when outputs
 * cover its account and none lists it, `not-read` when none covers its account. One rule for the provider check of a
 * configured role and for the prediction (src/pipeline/workflows.ts).
 */
export function providerListing(
  arn: string,
  listedProviders: readonly string[],
  lists: readonly OidcProviderList[],
): ProviderListing {
  const account = accountOf(arn);
  const listedIn = lists.filter((l) => l.accounts.includes(account)).map((l) => l.file);
  if (listedProviders.includes(arn)) return { kind: 'listed', listedIn };
  return listedIn.length > 0 ? { kind: 'missing', listedIn } : { kind: 'not-read' };
}

/**
 * The providers the check sees. The files' or IAM's providers when given; else the list-open-id-connect-providers
 * outputs of the role's account (`providerListing`): when they do not list the token's issuer, the provider is
 * missing (not merely unknown); when they do, its client IDs are still unknown, and the check reports that (fail
 * closed), as it does when no output covers the account. `listedIn` names the outputs when they decided.
 */
function providersFor(
  facts: RoleFacts,
  issuer: string,
): { providers: AwsInventory['oidcProviders']; listedIn?: readonly string[]; partial?: boolean } {
  const { inventory, listedProviders, providerLists } = facts;
  const partition = partitionOf(facts.role.arn) || 'aws';
  const want = providerArn(facts.role.accountId, issuer, partition);
  const listing = providerListing(want, listedProviders, providerLists);
  const exported = inventory.oidcProviders;
  if (exported !== undefined) {
    // An export of one provider says nothing of the account's others: a provider not exported is missing only where
    // a list (or IAM, read live: src/pipeline/aws.ts) gives every provider of the account.
    if (providerOf(exported, normalizeProviderUrl(issuer), facts.role.accountId, partition))
      return { providers: exported };
    return listing.kind === 'missing'
      ? { providers: exported, listedIn: listing.listedIn }
      : { providers: exported, partial: true };
  }
  return listing.kind === 'missing' ? { providers: [], listedIn: listing.listedIn } : { providers: undefined };
}

/**
 * The provider check as the registry runs it, for a role assumed with GitHub's token. Without a token there is no
 * issuer to look for; the trust check reports that the trust could not be verified.
 */
export const oidcProviderCheck: RoleCheck = {
  id: 'provider',
  title: "The role's account has an IAM OIDC provider for the token's issuer, and it lists the audience.",
  decisionPoints: ['oidc-provider'],
  section: 'aws',
  scope: 'role',
  needs: [],
  appliesTo: (config) => !config.settings.roleChaining,
  run: (facts) =>
    facts.identity
      ? checkOidcProvider({
          ...providersFor(facts, facts.identity.issuer),
          issuer: facts.identity.issuer,
          audience: facts.config.settings.audience,
          roleAccount: facts.role.accountId,
          partition: partitionOf(facts.role.arn),
        })
      : [],
};
