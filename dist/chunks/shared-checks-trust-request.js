import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  populatedKeysForOidcProvider
} from "./shared-catalog-arn-format.js";

// src/checks/trust/request.ts
var STS_KEYS_DOC = "https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecuritytokenservice.html#awssecuritytokenservice-policy-keys";
var TAGS_DOC = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html";
var SESSION_NAME_KEY = "sts:RoleSessionName";
var ACTION = "sts:AssumeRoleWithWebIdentity";
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function claimValue(claims, claim) {
  const v = claims[claim];
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (!Array.isArray(v)) return void 0;
  const strings = v.filter((x) => typeof x === "string");
  return strings.length === 1 && claim !== "amr" ? strings[0] : strings.length > 0 ? strings : void 0;
}
function tokenTags(claims) {
  const claim = claims["https://aws.amazon.com/tags"];
  const tags = {};
  const principal = isObject(claim) ? claim.principal_tags : void 0;
  if (isObject(principal)) {
    for (const [k, v] of Object.entries(principal)) {
      const value = Array.isArray(v) ? v[0] : v;
      if (typeof value === "string") tags[k] = value;
    }
  }
  const t = isObject(claim) ? claim.transitive_tag_keys : void 0;
  return { tags, transitive: Array.isArray(t) ? t.filter((x) => typeof x === "string") : [] };
}
function buildWebIdentityRequest(input) {
  const { role, settings, claims, issuer, catalog, now } = input;
  const known = populatedKeysForOidcProvider(catalog, issuer);
  const prefix = /\/$/.test(issuer.trim()) ? `${known.prefix}/` : known.prefix;
  const keys = known.keys.map((k) => `${prefix}${k.slice(known.prefix.length)}`);
  const partition = role.arn.split(":")[1] || "aws";
  const providerArn = `arn:${partition}:iam::${role.accountId}:oidc-provider/${prefix}`;
  const context = {};
  for (const key of keys) {
    const claim = key.slice(prefix.length + 1);
    let value = claimValue(claims, claim);
    if (claim === "oaud") value = claimValue(claims, "aud");
    if (claim === "aud" && prefix === "accounts.google.com") value = claimValue(claims, "azp") ?? value;
    if (claim === "amr" && typeof value === "string") value = [value];
    if (value !== void 0) context[key] = value;
  }
  context["aws:FederatedProvider"] = providerArn;
  if (settings.sessionName !== void 0) context[SESSION_NAME_KEY] = settings.sessionName;
  context["aws:SecureTransport"] = "true";
  if (settings.region) context["aws:RequestedRegion"] = settings.region;
  if (now !== void 0) {
    context["aws:CurrentTime"] = new Date(now * 1e3).toISOString().replace(".000Z", "Z");
    context["aws:EpochTime"] = String(Math.floor(now));
  }
  const sourceIdentity = claims["https://aws.amazon.com/source_identity"];
  if (typeof sourceIdentity === "string") context["sts:SourceIdentity"] = sourceIdentity;
  const fromToken = tokenTags(claims);
  const tags = input.sessionTags ?? fromToken.tags;
  for (const [k, v] of Object.entries(tags)) context[`aws:RequestTag/${k}`] = v;
  if (Object.keys(tags).length > 0) context["aws:TagKeys"] = Object.keys(tags);
  if (fromToken.transitive.length > 0) context["sts:TransitiveTagKeys"] = fromToken.transitive;
  const request = { principal: providerArn, action: ACTION, resource: role.arn, context };
  const populated = new Set(keys.map((k) => k.toLowerCase()));
  const base = { providerArn, prefix, populated, request, tags };
  return Object.keys(tags).length > 0 ? { ...base, tagRequest: { ...request, action: "sts:TagSession" } } : base;
}

export {
  STS_KEYS_DOC,
  TAGS_DOC,
  SESSION_NAME_KEY,
  ACTION,
  isObject,
  buildWebIdentityRequest
};
