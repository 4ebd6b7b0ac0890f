import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  readAwsConfig
} from "./shared-config-aws.js";

// src/config/file-merge.ts
var ROLE_INPUTS = [
  "aws-region",
  "role-duration-seconds",
  "role-session-name",
  "inline-session-policy",
  "managed-session-policies",
  "role-chaining",
  "role-skip-session-tagging",
  "custom-tags",
  "transitive-tag-keys",
  "role-external-id",
  "web-identity-token-file",
  "expected-duration",
  "permissions"
];
var SOURCE_INPUTS = {
  "policy-files": "policyFiles",
  "aws-live-reads": "liveReads",
  "aws-probe": "probe",
  "aws-cross-check": "crossCheck"
};
function workflowSources(getInput, file) {
  const ignored = [];
  const sources = { ...file.awsSources, ...readSourceInputs(getInput, ignored) };
  const declared = { ...file.awsDeclaredAbsent, ...readDeclaredInputs(getInput, ignored) };
  return { sources, ...Object.keys(declared).length > 0 ? { declaredAbsent: declared } : {} };
}
function readSourceInputs(getInput, errors) {
  const out = {};
  for (const [input, key] of Object.entries(SOURCE_INPUTS)) {
    const value = getInput(input);
    if (value === "") continue;
    if (key === "policyFiles") {
      out.policyFiles = value.split(/\r?\n|,/).map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#"));
    } else if (value === "true" || value === "false") out[key] = value === "true";
    else errors.push({ where: `input ${input}`, message: `must be true or false, got "${value}"` });
  }
  return out;
}
function readDeclaredInputs(getInput, errors) {
  const out = {};
  const organizations = getInput("organizations");
  if (organizations === "none") out.organizations = "none";
  else if (organizations !== "")
    errors.push({
      where: "input organizations",
      message: `must be none (the account is in no organization, so no SCP or RCP applies), got "${organizations}"`
    });
  const resources = getInput("no-resource-policy").split(/\r?\n|,/).map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#"));
  const bad = resources.find((r) => r !== "*" && !/^arn:\S+$/.test(r));
  if (bad !== void 0)
    errors.push({
      where: "input no-resource-policy",
      message: `"${bad}" is not a resource ARN (wildcards * and ? allowed), or * for every resource`
    });
  else if (resources.length > 0) out.noResourcePolicy = resources;
  return out;
}
function declare(role, over) {
  const declaredAbsent = { ...role.declaredAbsent, ...over };
  if (Object.keys(declaredAbsent).length === 0) return role;
  return { ...role, declaredAbsent };
}
function targetOf(getInput, roles, errors) {
  const arn = getInput("role-to-assume");
  if (arn !== "") {
    const index = roles.findIndex((r) => r.settings.roleArn === arn);
    return index >= 0 ? index : "add";
  }
  const given = ROLE_INPUTS.filter((name) => getInput(name) !== "");
  const [first] = given;
  if (roles.length === 1 && (first !== void 0 || getInput("audience") !== "")) return 0;
  if (first === void 0) return void 0;
  errors.push({
    where: `input ${first}`,
    message: roles.length === 0 ? first === "permissions" ? "needs role-to-assume: the permissions are checked for that role" : "needs role-to-assume (or a role in the config file): it configures that role" : `needs role-to-assume: the config file lists ${roles.length} roles, and ${given.join(", ")} must say which one ${given.length > 1 ? "they are" : "it is"} for`
  });
  return void 0;
}
function finish(role, audience, sources) {
  return {
    ...role,
    settings: { ...role.settings, audience: role.settings.audience ?? audience },
    sources: { ...role.sources, ...sources }
  };
}
function mergeRoleInputs(getInput, audience, file, errors) {
  const declared = readDeclaredInputs(getInput, errors);
  return mergeRoles(getInput, audience, file, errors).map((role) => declare(role, declared));
}
function mergeRoles(getInput, audience, file, errors) {
  const sources = readSourceInputs(getInput, errors);
  const target = targetOf(getInput, file.roles, errors);
  const roles = file.roles.map((role) => finish(role, audience, sources));
  if (target === void 0) return roles;
  const base = target === "add" ? void 0 : file.roles[target];
  const roleArn = base?.settings.roleArn ?? getInput("role-to-assume");
  const parsed = readAwsConfig(
    (name) => name === "role-to-assume" ? roleArn : name in SOURCE_INPUTS ? "" : getInput(name),
    audience,
    errors
  );
  if (!parsed) return roles;
  const given = (name) => getInput(name) !== "" || base === void 0;
  const from = base?.settings;
  const p = parsed.settings;
  const pick = (input, key) => {
    const value = given(input) || !from ? p[key] : from[key];
    return value === void 0 ? {} : { [key]: value };
  };
  const settings = {
    roleArn,
    audience: getInput("audience") !== "" ? audience : from?.audience ?? audience,
    sessionTags: from?.sessionTags ?? p.sessionTags,
    ...pick("aws-region", "region"),
    ...pick("role-duration-seconds", "durationSeconds"),
    ...pick("role-session-name", "sessionName"),
    ...pick("inline-session-policy", "inlineSessionPolicy"),
    ...pick("managed-session-policies", "managedSessionPolicyArns"),
    ...pick("role-chaining", "roleChaining"),
    ...pick("role-skip-session-tagging", "skipSessionTagging"),
    ...pick("custom-tags", "customTags"),
    ...pick("transitive-tag-keys", "transitiveTagKeys"),
    ...pick("role-external-id", "externalId"),
    ...pick("web-identity-token-file", "webIdentityTokenFile"),
    ...pick("expected-duration", "expectedDurationSeconds")
  };
  let merged = {
    settings,
    permissions: given("permissions") ? parsed.permissions : base?.permissions ?? [],
    ...base?.environments ? { environments: base.environments } : {},
    sources: { ...base?.sources ?? file.awsSources, ...sources }
  };
  const declared = base ? base.declaredAbsent : file.awsDeclaredAbsent;
  if (declared) merged = { ...merged, declaredAbsent: declared };
  if (target === "add") roles.push(merged);
  else roles[target] = merged;
  return roles;
}

export {
  workflowSources,
  readDeclaredInputs,
  mergeRoleInputs
};
