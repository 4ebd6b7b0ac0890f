import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  editDistance
} from "./shared-text-edit-distance.js";

// src/workflows/github-token/scopes.ts
var PERMISSIONS_SYNTAX_URL = "https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#permissions";
var TOKEN_PERMISSIONS_URL = "https://docs.github.com/en/actions/security-for-github-actions/security-guides/automatic-token-authentication#permissions-for-the-github_token";
var RANK = { none: 0, read: 1, write: 2 };
function covers(granted, needed) {
  return RANK[granted] >= RANK[needed];
}
function lowerOf(a, b) {
  return RANK[a] <= RANK[b] ? a : b;
}
var RW = { levels: "any", permissive: "write", restricted: "none", forkMax: "read" };
var SCOPES = {
  actions: RW,
  "artifact-metadata": { ...RW, permissive: "none" },
  attestations: RW,
  checks: RW,
  "code-quality": { ...RW, permissive: "none" },
  contents: { levels: "any", permissive: "write", restricted: "read", forkMax: "read" },
  "copilot-requests": { levels: "write-or-none", permissive: "none", restricted: "none", forkMax: "none" },
  deployments: RW,
  discussions: RW,
  drives: { ...RW, permissive: "none" },
  "id-token": { levels: "write-or-none", permissive: "none", restricted: "none", forkMax: "none" },
  issues: RW,
  models: { levels: "read-or-none", permissive: "read", restricted: "none", forkMax: "none" },
  packages: { levels: "any", permissive: "write", restricted: "read", forkMax: "read" },
  pages: RW,
  "pull-requests": RW,
  "repository-projects": RW,
  "security-events": RW,
  statuses: RW,
  "vulnerability-alerts": { levels: "read-or-none", permissive: "none", restricted: "none", forkMax: "none" }
};
var SCOPE_NAMES = Object.keys(SCOPES);
function isScope(name) {
  return Object.hasOwn(SCOPES, name);
}
function levelsOf(scope) {
  const set = SCOPES[scope].levels;
  if (set === "write-or-none") return ["write", "none"];
  if (set === "read-or-none") return ["read", "none"];
  return ["read", "write", "none"];
}
function capToScope(scope, level) {
  const allowed = levelsOf(scope);
  if (allowed.includes(level)) return level;
  return allowed.filter((l) => covers(level, l)).sort((a, b) => RANK[b] - RANK[a])[0] ?? "none";
}
function suggestScope(name) {
  const lower = name.toLowerCase().replace(/_/g, "-");
  if (isScope(lower)) return lower;
  let best;
  for (const scope of SCOPE_NAMES) {
    const limit = Math.max(1, Math.min(3, Math.floor(scope.length / 3)));
    const distance = editDistance(lower, scope, limit);
    if (distance <= limit && (!best || distance < best.distance)) {
      best = { name: scope, distance };
    }
  }
  return best?.name;
}
function scopeMeantBy(parserMessage) {
  const name = /Unexpected value '([^']{1,64})'/.exec(parserMessage)?.[1];
  if (name === void 0 || isScope(name)) return void 0;
  const meant = suggestScope(name);
  return meant !== void 0 && isScope(meant) ? meant : void 0;
}

// src/workflows/credentials.ts
var CONFIGURE_AWS = /^aws-actions\/configure-aws-credentials(?:@|$)/i;
function isConfigureAwsCredentials(step) {
  return step.uses?.kind === "known" && CONFIGURE_AWS.test(String(step.uses.value).trim());
}
var SETTINGS = [
  ["roleToAssume", "role-to-assume"],
  ["awsRegion", "aws-region"],
  ["audience", "audience"],
  ["roleSessionName", "role-session-name"],
  ["roleDurationSeconds", "role-duration-seconds"],
  ["roleChaining", "role-chaining"],
  ["roleSkipSessionTagging", "role-skip-session-tagging"],
  ["transitiveTagKeys", "transitive-tag-keys"],
  ["customTags", "custom-tags"],
  ["roleExternalId", "role-external-id"],
  ["inlineSessionPolicy", "inline-session-policy"],
  ["managedSessionPolicies", "managed-session-policies"]
];
function awsSettings(withValues) {
  const lower = new Map(Object.entries(withValues).map(([k, v]) => [k.toLowerCase(), v]));
  const settings = { with: withValues };
  for (const [field, input] of SETTINGS) {
    const value = lower.get(input);
    if (value) settings[field] = value;
  }
  return settings;
}
var TOKEN_ENDPOINT = /ACTIONS_ID_TOKEN_REQUEST_(?:URL|TOKEN)/;
var GET_ID_TOKEN = /\bgetIDToken\s*[(]/;
function detectOidcRequest(step) {
  if (step.run && (TOKEN_ENDPOINT.test(step.run.script) || GET_ID_TOKEN.test(step.run.script))) {
    const evidence = TOKEN_ENDPOINT.exec(step.run.script)?.[0] ?? `getIDToken(`;
    return { kind: "oidc-token", evidence: `run: ${evidence}`, position: step.run.position };
  }
  for (const [key, value] of Object.entries(step.with)) {
    const text = value.kind === "known" ? String(value.value) : value.expression;
    const found = GET_ID_TOKEN.exec(text) ?? TOKEN_ENDPOINT.exec(text);
    if (found) return { kind: "oidc-token", evidence: `with.${key}: ${found[0]}`, position: value.position };
  }
  return void 0;
}
function withTexts(values) {
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, v.kind === "known" ? String(v.value ?? "") : v.expression])
  );
}
function settingsRequest(settings) {
  const named = {};
  if (settings.roleToAssume) named["role-to-assume"] = settings.roleToAssume;
  if (settings.roleChaining) named["role-chaining"] = settings.roleChaining;
  return requestsGitHubToken(withTexts({ ...settings.with, ...named }));
}
function flag(value) {
  const v = (value ?? "").trim();
  if (v.includes("${{")) return "expression";
  return v === "true" || v === "True" || v === "TRUE";
}
function requestsGitHubToken(inputs) {
  const lower = new Map(Object.entries(inputs).map(([k, v]) => [k.toLowerCase(), v]));
  const given = (name) => (lower.get(name) ?? "").trim() !== "";
  const role = given("role-to-assume");
  if (given("aws-access-key-id"))
    return {
      kind: "no",
      reason: `it is given access keys (\`aws-access-key-id\`): ${role ? "it assumes the role with sts:AssumeRole signed by them" : "it sets them as they are"}`,
      assumes: "keys"
    };
  if (!role) return { kind: "no", reason: "it has no `role-to-assume`: it assumes no role", assumes: "none" };
  if (given("web-identity-token-file"))
    return {
      kind: "no",
      reason: "it is given `web-identity-token-file`: it assumes the role with the token in that file",
      assumes: "file"
    };
  for (const [name, assumes] of [
    ["role-chaining", "chain"],
    ["force-skip-oidc", "none"]
  ]) {
    const value = flag(lower.get(name));
    if (value === "expression")
      return { kind: "unknown", reason: `\`${name}\` is \`${lower.get(name)?.trim()}\`, not known before the run` };
    if (value) return { kind: "no", reason: `it sets \`${name}: true\``, assumes };
  }
  return { kind: "yes" };
}
var ROLE_INPUT = /^(?:aws[-_])?(?:role[-_]to[-_]assume|assume[-_]role(?:[-_]arn)?|(?:iam[-_])?role[-_]arn)$/i;
var ROLE_ARN = /\barn:aws[a-z-]*:iam::[^:\s]*:role\/[^\s"',]*/i;
function rolesGiven(step) {
  const out = [];
  for (const [where, values] of [
    ["with", step.with],
    ["env", step.env]
  ]) {
    for (const [key, value] of Object.entries(values)) {
      const text = value.kind === "known" ? String(value.value ?? "") : value.expression;
      const arn = ROLE_ARN.exec(text.slice(0, ROLE_TEXT_CAP))?.[0];
      if (arn === void 0 && !(ROLE_INPUT.test(key) && text.trim() !== "")) continue;
      out.push({
        input: `${where}.${key}`,
        value: arn ?? text.trim().slice(0, ROLE_TEXT_CAP),
        position: value.position
      });
    }
  }
  return out;
}
var ROLE_TEXT_CAP = 2048;

export {
  PERMISSIONS_SYNTAX_URL,
  TOKEN_PERMISSIONS_URL,
  covers,
  lowerOf,
  SCOPES,
  SCOPE_NAMES,
  isScope,
  levelsOf,
  capToScope,
  suggestScope,
  scopeMeantBy,
  isConfigureAwsCredentials,
  awsSettings,
  detectOidcRequest,
  settingsRequest,
  requestsGitHubToken,
  rolesGiven
};
