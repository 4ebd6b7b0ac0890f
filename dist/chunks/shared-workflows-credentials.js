import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);

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

export {
  isConfigureAwsCredentials,
  awsSettings,
  detectOidcRequest,
  settingsRequest,
  requestsGitHubToken
};
