import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  parsePermissions
} from "./shared-config-permissions.js";
import {
  parseDuration
} from "./shared-tokens-duration.js";
import {
  DEFAULT_DURATION_SECONDS,
  DEFAULT_SESSION_NAME
} from "./shared-model-aws.js";
import {
  MAX_JSON_DEPTH,
  jsonTooDeep
} from "./shared-text-json-depth.js";

// src/config/aws.ts
var ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;
var POLICY_ARN = /^arn:aws[a-z-]*:iam::(\d{12}|aws):policy\/[\w+=,.@/-]+$/;
var REGION_NAME = /^[a-z0-9-]+$/;
function lines(value) {
  return value.split(/\r?\n|,/).map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#"));
}
function readAwsConfig(getInput, audience, errors) {
  const roleArn = getInput("role-to-assume");
  const permissionsText = getInput("permissions");
  if (roleArn === "") {
    if (permissionsText !== "")
      errors.push({
        where: "input permissions",
        message: "needs role-to-assume: the permissions are checked for that role"
      });
    return void 0;
  }
  const bad = (name, message) => errors.push({ where: `input ${name}`, message });
  if (!ROLE_ARN.test(roleArn))
    bad("role-to-assume", `must be a role ARN such as arn:aws:iam::111111111111:role/deploy, got "${roleArn}"`);
  const session = readSessionInputs(getInput, bad);
  const parsed = parsePermissions(permissionsText);
  const permissions = parsed.ok ? parsed.permissions : [];
  if (!parsed.ok) errors.push(...parsed.errors);
  const { region, durationSeconds, inlineDocument, managed, roleChaining, expectedDurationSeconds } = session;
  const { customTags, transitiveTagKeys, externalId, webIdentityTokenFile } = session;
  const settings = {
    roleArn,
    ...region ? { region } : {},
    audience,
    durationSeconds,
    sessionName: getInput("role-session-name") || DEFAULT_SESSION_NAME,
    ...inlineDocument !== void 0 ? { inlineSessionPolicy: { name: "inline-session-policy", document: inlineDocument } } : {},
    managedSessionPolicyArns: managed,
    roleChaining,
    sessionTags: {},
    skipSessionTagging: session.skipSessionTagging,
    ...customTags ? { customTags } : {},
    transitiveTagKeys,
    ...externalId ? { externalId } : {},
    ...webIdentityTokenFile ? { webIdentityTokenFile } : {},
    ...expectedDurationSeconds !== void 0 ? { expectedDurationSeconds } : {}
  };
  return {
    settings,
    permissions,
    sources: {
      policyFiles: lines(getInput("policy-files")),
      liveReads: readFlag(getInput, bad, "aws-live-reads"),
      probe: readFlag(getInput, bad, "aws-probe"),
      crossCheck: readFlag(getInput, bad, "aws-cross-check")
    }
  };
}
function readSessionInputs(getInput, bad) {
  const region = getInput("aws-region");
  if (region !== "" && !REGION_NAME.test(region))
    bad("aws-region", `must be a region such as eu-west-1 (lowercase letters, digits and -), got "${region}"`);
  const durationText = getInput("role-duration-seconds");
  let durationSeconds = DEFAULT_DURATION_SECONDS;
  if (durationText !== "") {
    const n = Number(durationText);
    if (!Number.isInteger(n) || n <= 0)
      bad("role-duration-seconds", `must be a whole number of seconds, got "${durationText}"`);
    else durationSeconds = n;
  }
  const expectedText = getInput("expected-duration");
  let expectedDurationSeconds;
  if (expectedText !== "") {
    const d = parseDuration(expectedText);
    if (d.ok) expectedDurationSeconds = d.seconds;
    else bad("expected-duration", d.error);
  }
  const inlineDocument = readInlinePolicy(getInput("inline-session-policy"), bad);
  const managed = lines(getInput("managed-session-policies"));
  for (const arn of managed)
    if (!POLICY_ARN.test(arn)) bad("managed-session-policies", `must list policy ARNs, got "${arn}"`);
  const roleChaining = readFlag(getInput, bad, "role-chaining");
  return {
    region,
    durationSeconds,
    expectedDurationSeconds,
    inlineDocument,
    managed,
    roleChaining,
    ...readTagInputs(getInput, bad)
  };
}
var EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;
function readTagInputs(getInput, bad) {
  const skipSessionTagging = readFlag(getInput, bad, "role-skip-session-tagging");
  const transitiveTagKeys = lines(getInput("transitive-tag-keys"));
  const externalId = getInput("role-external-id");
  if (externalId !== "" && !EXTERNAL_ID.test(externalId))
    bad("role-external-id", `must be 2 to 1224 characters of letters, digits and +=,.@:/-, got "${externalId}"`);
  const webIdentityTokenFile = getInput("web-identity-token-file");
  const customTags = readCustomTags(getInput("custom-tags"), bad);
  return { skipSessionTagging, transitiveTagKeys, externalId, webIdentityTokenFile, customTags };
}
function readCustomTags(text, bad) {
  if (text === "") return void 0;
  let value;
  try {
    value = jsonTooDeep(text) ? void 0 : JSON.parse(text);
  } catch {
    value = void 0;
  }
  const isTags = typeof value === "object" && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === "string");
  if (!isTags) {
    bad("custom-tags", `must be a JSON object of tag keys to string values, such as {"team":"web"}, got "${text}"`);
    return void 0;
  }
  return value;
}
function readInlinePolicy(inline, bad) {
  if (inline === "") return void 0;
  if (jsonTooDeep(inline)) {
    bad("inline-session-policy", `nests deeper than ${MAX_JSON_DEPTH} levels, which no policy does`);
    return void 0;
  }
  try {
    return JSON.parse(inline);
  } catch (error) {
    bad("inline-session-policy", `is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    return void 0;
  }
}
function readFlag(getInput, bad, name) {
  const v = getInput(name);
  if (v !== "" && v !== "true" && v !== "false") bad(name, `must be true or false, got "${v}"`);
  return v === "true";
}

export {
  REGION_NAME,
  readAwsConfig,
  readSessionInputs
};
