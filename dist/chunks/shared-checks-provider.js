import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  findingMaker
} from "./shared-model-finding-classes.js";
import {
  GITHUB_OIDC_DOCS
} from "./shared-tokens-github.js";

// src/checks/provider.ts
var CREATE_DOC = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html";
var API_DOC = "https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html";
function normalizeProviderUrl(url) {
  const bare = url.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, "");
  const slash = bare.indexOf("/");
  return slash < 0 ? bare.toLowerCase() : bare.slice(0, slash).toLowerCase() + bare.slice(slash);
}
var accountOf = (arn) => arn.split(":")[4] ?? "";
var partitionOf = (arn) => arn.split(":")[1] ?? "";
var code = (s) => `\`${s}\``;
function explainNearMiss(providers, want, roleAccount, partition) {
  const host = (u) => u.split("/")[0] ?? u;
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
    if (url.replace(/\/$/, "") === want.replace(/\/$/, "")) {
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
  return "";
}
function checkOidcProvider(input) {
  const { providers, issuer, audience, roleAccount } = input;
  const partition = input.partition ?? "aws";
  const want = normalizeProviderUrl(issuer);
  const make = findingMaker({
    idPrefix: `oidc-provider:${want}`,
    subject: `IAM OIDC provider ${want} in account ${roleAccount}`,
    decisionPoint: "oidc-provider"
  });
  const evidence = { issuer, audience, account: roleAccount };
  if (providers === void 0) return [make(providersUnknown(input, evidence))];
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
      status: "pass",
      class: "ok",
      message: `Account ${roleAccount} has the OIDC provider ${code(provider.arn)}, and it accepts the audience ${code(audience)}.`,
      evidence: withProvider
    })
  ];
}
var providerOf = (providers, want, roleAccount, partition) => providers.find(
  (p) => partitionOf(p.arn) === partition && accountOf(p.arn) === roleAccount && normalizeProviderUrl(p.url) === want
);
function providerRefusing(facts, issuer, aud) {
  const { providers } = providersFor(facts, issuer);
  const provider = providers ? providerOf(providers, normalizeProviderUrl(issuer), facts.role.accountId, partitionOf(facts.role.arn) || "aws") : void 0;
  return provider && !provider.clientIds.includes(aud) ? provider : void 0;
}
var providerArn = (roleAccount, issuer, partition = "aws") => `arn:${partition}:iam::${roleAccount}:oidc-provider/${normalizeProviderUrl(issuer)}`;
function providersUnknown(input, evidence) {
  const { issuer, roleAccount, partition } = input;
  return {
    status: "unverified",
    class: "oidc-provider-unknown",
    message: `The OIDC providers of account ${roleAccount} are not known, so whether STS accepts tokens from ${code(issuer)} could not be verified (fail closed).`,
    evidence,
    fix: `Give the output of \`aws iam get-open-id-connect-provider --open-id-connect-provider-arn ${providerArn(roleAccount, issuer, partition)}\`, or let the preflight call iam:ListOpenIDConnectProviders and iam:GetOpenIDConnectProvider.`,
    docUrl: CREATE_DOC
  };
}
function noProvider(input, providers, evidence) {
  const { issuer, audience, roleAccount, listedIn, partition } = input;
  const want = normalizeProviderUrl(issuer);
  const proof = listedIn?.length ? ` The list-open-id-connect-providers output (${listedIn.map(code).join(", ")}) lists every provider of the account, ${providers.length === 0 ? "and it lists none" : "and none of them is for this issuer"}, so this is proven, not assumed.` : "";
  const known = providers.filter((p) => accountOf(p.arn) === roleAccount && partitionOf(p.arn) === (partition ?? "aws")).map((p) => normalizeProviderUrl(p.url));
  return {
    status: "fail",
    class: "no-oidc-provider",
    message: `Account ${roleAccount} has no IAM OIDC provider for ${code(issuer)}, so STS refuses the token with ${code(`InvalidIdentityToken: No OpenIDConnect provider found in your account for ${issuer}`)}.` + explainNearMiss(providers, want, roleAccount, partition ?? "aws") + proof,
    evidence: {
      ...evidence,
      expectedProviderArn: providerArn(roleAccount, issuer, partition),
      providersInAccount: known,
      ...listedIn?.length ? { listedIn: [...listedIn] } : {}
    },
    fix: `aws iam create-open-id-connect-provider --url https://${want} --client-id-list ${audience}`,
    cause: "changed-trust-or-network-rule",
    // STS's InvalidIdentityToken is HTTP 400 (API_DOC, "Errors"), as docs/explain.md reads it from a log.
    wouldReturn: 400,
    docUrl: CREATE_DOC
  };
}
function audienceNotRegistered(provider, audience, evidence) {
  const caseOnly = provider.clientIds.find((c) => c.toLowerCase() === audience.toLowerCase());
  return {
    status: "fail",
    class: "audience-not-registered",
    message: `The provider ${code(provider.arn)} does not list the audience ${code(audience)} among its client IDs (${provider.clientIds.map(code).join(", ") || "none"}), so STS refuses the token with ${code("InvalidIdentityToken: Incorrect token audience")}.` + (caseOnly ? ` ${code(caseOnly)} differs only in letter case, and client IDs are compared exactly.` : ""),
    evidence,
    fix: `aws iam add-client-id-to-open-id-connect-provider --open-id-connect-provider-arn ${provider.arn} --client-id ${audience} (or request the token for one of the registered audiences with the \`audience\` input).`,
    cause: "changed-trust-or-network-rule",
    // STS's InvalidIdentityToken is HTTP 400 (API_DOC, "Errors"), as docs/explain.md reads it from a log.
    wouldReturn: 400,
    docUrl: API_DOC
  };
}
function providerListing(arn, listedProviders, lists) {
  const account = accountOf(arn);
  const listedIn = lists.filter((l) => l.accounts.includes(account)).map((l) => l.file);
  if (listedProviders.includes(arn)) return { kind: "listed", listedIn };
  return listedIn.length > 0 ? { kind: "missing", listedIn } : { kind: "not-read" };
}
function providersFor(facts, issuer) {
  const { inventory, listedProviders, providerLists } = facts;
  const partition = partitionOf(facts.role.arn) || "aws";
  const want = providerArn(facts.role.accountId, issuer, partition);
  const listing = providerListing(want, listedProviders, providerLists);
  const exported = inventory.oidcProviders;
  if (exported !== void 0) {
    if (providerOf(exported, normalizeProviderUrl(issuer), facts.role.accountId, partition))
      return { providers: exported };
    return listing.kind === "missing" ? { providers: exported, listedIn: listing.listedIn } : { providers: exported, partial: true };
  }
  return listing.kind === "missing" ? { providers: [], listedIn: listing.listedIn } : { providers: void 0 };
}
var oidcProviderCheck = {
  id: "provider",
  title: "The role's account has an IAM OIDC provider for the token's issuer, and it lists the audience.",
  decisionPoints: ["oidc-provider"],
  section: "aws",
  scope: "role",
  needs: [],
  appliesTo: (config) => !config.settings.roleChaining,
  run: (facts) => facts.identity ? checkOidcProvider({
    ...providersFor(facts, facts.identity.issuer),
    issuer: facts.identity.issuer,
    audience: facts.config.settings.audience,
    roleAccount: facts.role.accountId,
    partition: partitionOf(facts.role.arn)
  }) : []
};

export {
  normalizeProviderUrl,
  checkOidcProvider,
  providerRefusing,
  providerListing,
  oidcProviderCheck
};
