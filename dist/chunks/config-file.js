import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  SECRET_VALUE_KINDS,
  declarableSecretValue
} from "./shared-config-secret-values.js";
import "./shared-text-secret-shapes.js";
import {
  describePath,
  describeSchemaErrors
} from "./shared-config-file-errors.js";
import "./shared-text-edit-distance.js";
import {
  require_dist
} from "./shared-yaml-nodes-identity.js";
import {
  readTokenList
} from "./shared-config-credential-variables.js";
import {
  VARIABLE_LIMITS,
  tooLargeForVariable
} from "./shared-model-variables.js";
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
import "./shared-text-secrets.js";
import {
  MAX_JSON_DEPTH,
  jsonTooDeep,
  valueTooDeep
} from "./shared-text-json-depth.js";
import {
  __toESM
} from "./shared-runtime-efb0f0b2.js";

// src/config/file-context.ts
function reportAt(ctx, path, message, part = "value") {
  const at = ctx.locate(path, part);
  ctx.errors.push({ where: describePath(path), message, file: ctx.file, line: at.line, column: at.column });
}
function readDuration(ctx, value, path) {
  if (value === void 0) return void 0;
  if (typeof value === "number") return value;
  const parsed = parseDuration(String(value));
  if (parsed.ok) return parsed.seconds;
  reportAt(ctx, path, parsed.error);
  return void 0;
}
function offsetOf(text, line, column) {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = text.indexOf("\n", offset) + 1;
  return offset + column - 1;
}
function readPermissionList(ctx, lines, path) {
  const out = [];
  lines.forEach((line, i) => {
    const at = ctx.locate([...path, i], "value");
    const parsed = parsePermissions(line, describePath([...path, i]));
    if (parsed.ok) {
      for (const p of parsed.permissions) out.push({ ...p, origin: `${ctx.file}:${at.line}:${at.column}` });
      return;
    }
    const start = offsetOf(ctx.text, at.line, at.column);
    const shift = ctx.text.startsWith(line, start) ? 0 : ctx.text.startsWith(line, start + 1) ? 1 : void 0;
    for (const error of parsed.errors) {
      let column = at.column;
      if (shift !== void 0) {
        for (const word of line.matchAll(/\S+/g)) {
          const text = word[0];
          if (error.message.startsWith(`"${text}" `) || error.message.startsWith(`"${text.split("=")[0]}" `)) {
            column = at.column + shift + word.index;
            break;
          }
        }
      }
      ctx.errors.push({
        where: describePath([...path, i]),
        message: error.message,
        file: ctx.file,
        line: at.line,
        column
      });
    }
  });
  return out;
}

// src/config/file-roles.ts
function readSources(raw, base) {
  return {
    policyFiles: raw["policy-files"] ?? base.policyFiles,
    liveReads: raw["live-reads"] ?? base.liveReads,
    probe: raw.probe ?? base.probe,
    crossCheck: raw["cross-check"] ?? base.crossCheck
  };
}
function readDeclared(raw, base) {
  const organizations = raw.organizations ?? base?.organizations;
  const noResourcePolicy = raw["no-resource-policy"] ?? base?.noResourcePolicy;
  if (organizations === void 0 && noResourcePolicy === void 0) return void 0;
  return {
    ...organizations !== void 0 ? { organizations } : {},
    ...noResourcePolicy !== void 0 ? { noResourcePolicy } : {}
  };
}
function readInlinePolicy(ctx, value, path) {
  if (value === void 0) return void 0;
  const line = ctx.locate(path, "value").line;
  let document = value;
  if (typeof value === "string") {
    if (jsonTooDeep(value)) {
      reportAt(ctx, path, `nests deeper than ${MAX_JSON_DEPTH} levels, which no policy does`);
      return void 0;
    }
    try {
      document = JSON.parse(value);
    } catch (error) {
      reportAt(ctx, path, `is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
      return void 0;
    }
    if (typeof document !== "object" || document === null || Array.isArray(document)) {
      reportAt(ctx, path, "must be a policy document (a JSON object with Version and Statement)");
      return void 0;
    }
  }
  return { name: "inline-session-policy", document, file: ctx.file, line };
}
function readEnvironments(ctx, raw, path) {
  if (raw === void 0) return void 0;
  const out = {};
  const seen = /* @__PURE__ */ new Map();
  for (const [name, lines] of Object.entries(raw)) {
    const earlier = seen.get(name.toLowerCase());
    if (earlier !== void 0) {
      reportAt(
        ctx,
        [...path, name],
        `names the same environment as "${earlier}" (GitHub environment names ignore case)`,
        "key"
      );
      continue;
    }
    seen.set(name.toLowerCase(), name);
    out[name] = readPermissionList(ctx, lines, [...path, name]);
  }
  return out;
}
var STRING_SETTINGS = [
  "role-to-assume",
  "aws-region",
  "audience",
  "role-session-name",
  "inline-session-policy",
  "managed-session-policies",
  "expected-duration",
  "policy-files",
  "transitive-tag-keys",
  "role-external-id",
  "web-identity-token-file"
];
function refuseExpressions(ctx, raw, path) {
  for (const key of STRING_SETTINGS) {
    const value = raw[key];
    const values = typeof value === "string" ? [[value, [...path, key]]] : [];
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        if (typeof v === "string") values.push([v, [...path, key, i]]);
      });
    }
    for (const [text, at] of values) {
      if (!text.includes("${{")) continue;
      reportAt(
        ctx,
        at,
        `holds a GitHub Actions expression, which is not evaluated here: this config file is not a workflow, so the value would reach AWS as written. Remove ${key} from the file and pass it through the action's input of the same name instead, which the runner evaluates (under the step's \`with:\`: \`${key}: ${text}\`)`
      );
    }
  }
}
function readRole(ctx, raw, index, base, baseDeclared) {
  const path = ["aws", "roles", index];
  const at = (key) => [...path, key];
  refuseExpressions(ctx, raw, path);
  const rawInline = raw["inline-session-policy"];
  const unevaluated = typeof rawInline === "string" && rawInline.includes("${{");
  const inline = unevaluated ? void 0 : readInlinePolicy(ctx, rawInline, at("inline-session-policy"));
  const expected = readDuration(ctx, raw["expected-duration"], at("expected-duration"));
  const environments = readEnvironments(ctx, raw.environments, at("environments"));
  const declaredAbsent = readDeclared(raw, baseDeclared);
  return {
    settings: {
      roleArn: raw["role-to-assume"],
      ...raw["aws-region"] !== void 0 ? { region: raw["aws-region"], regionAt: { file: ctx.file, line: ctx.locate(at("aws-region"), "value").line } } : {},
      ...raw.audience !== void 0 ? { audience: raw.audience } : {},
      durationSeconds: raw["role-duration-seconds"] ?? DEFAULT_DURATION_SECONDS,
      sessionName: raw["role-session-name"] ?? DEFAULT_SESSION_NAME,
      ...inline ? { inlineSessionPolicy: inline } : {},
      managedSessionPolicyArns: raw["managed-session-policies"] ?? [],
      roleChaining: raw["role-chaining"] ?? false,
      sessionTags: {},
      skipSessionTagging: raw["role-skip-session-tagging"] ?? false,
      ...raw["custom-tags"] !== void 0 ? { customTags: raw["custom-tags"] } : {},
      transitiveTagKeys: raw["transitive-tag-keys"] ?? [],
      ...raw["role-external-id"] !== void 0 ? { externalId: raw["role-external-id"] } : {},
      ...raw["web-identity-token-file"] !== void 0 ? { webIdentityTokenFile: raw["web-identity-token-file"] } : {},
      ...expected !== void 0 ? { expectedDurationSeconds: expected } : {}
    },
    permissions: readPermissionList(ctx, raw.permissions ?? [], at("permissions")),
    ...environments ? { environments } : {},
    sources: readSources(raw, base),
    ...declaredAbsent ? { declaredAbsent } : {}
  };
}
function readRoles(ctx, raw) {
  refuseExpressions(ctx, raw, ["aws"]);
  const sources = readSources(raw, { policyFiles: [], liveReads: false, probe: false, crossCheck: false });
  const declaredAbsent = readDeclared(raw, void 0);
  const roles = [];
  const first = /* @__PURE__ */ new Map();
  (raw.roles ?? []).forEach((role, i) => {
    const arn = role["role-to-assume"];
    const earlier = first.get(arn);
    if (earlier !== void 0) {
      const line = ctx.locate(["aws", "roles", earlier, "role-to-assume"], "value").line;
      reportAt(
        ctx,
        ["aws", "roles", i, "role-to-assume"],
        `lists ${arn} a second time (first at line ${line}); give each role once, with every permission it needs`
      );
      return;
    }
    first.set(arn, i);
    roles.push(readRole(ctx, role, i, sources, declaredAbsent));
  });
  return { sources, ...declaredAbsent ? { declaredAbsent } : {}, roles };
}

// src/config/file-schema.generated.ts
var schema19 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://github.com/permission-preflight/permission-preflight/schema/preflight.schema.json", "type": "object", "additionalProperties": false, "properties": { "$schema": { "type": "string" }, "version": { "const": 1 }, "mode": { "enum": ["enforce", "report"] }, "baseline": { "type": "string", "pattern": "^\\S.{0,1023}$" }, "min-token-lifetime": { "$ref": "#/$defs/duration" }, "clock-skew": { "$ref": "#/$defs/duration" }, "github-oidc": { "$ref": "#/$defs/githubOidc" }, "tokens": { "type": "array", "items": { "$ref": "#/$defs/token" } }, "aws": { "$ref": "#/$defs/aws" }, "github": { "$ref": "#/$defs/github" } }, "$defs": { "duration": { "type": ["string", "integer"], "minimum": 0, "pattern": "^\\s*(\\d+|(?=\\d)(\\d+d)?(\\d+h)?(\\d+m)?(\\d+s)?)\\s*$", "patternErrorMessage": "must be a duration such as 90s, 10m, 1h30m or a number of seconds (3600)" }, "httpsUrl": { "type": "string", "pattern": "^https?://[^\\s/?#@]+([/?#]\\S*)?$", "patternErrorMessage": "must be an https URL, without user info (user:password@): a URL setting never carries a credential" }, "envName": { "type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]*$", "patternErrorMessage": "must be an environment variable name such as DEPLOY_API_TOKEN" }, "stringOrList": { "type": ["string", "array"], "items": { "type": "string", "pattern": "\\S", "patternErrorMessage": "must not be blank" }, "minItems": 1, "pattern": "\\S", "patternErrorMessage": "must not be blank" }, "claimPatterns": { "type": "object", "propertyNames": { "pattern": "\\S", "patternErrorMessage": "must be a claim name" }, "additionalProperties": { "type": "string" } }, "githubOidc": { "type": "object", "additionalProperties": false, "properties": { "enabled": { "type": "boolean" }, "audience": { "type": "string", "pattern": "\\S", "patternErrorMessage": "must not be blank" }, "issuer": { "$ref": "#/$defs/httpsUrl" }, "jwks-url": { "$ref": "#/$defs/httpsUrl" }, "expected-claims": { "$ref": "#/$defs/claimPatterns" }, "min-lifetime": { "$ref": "#/$defs/duration" }, "clock-skew": { "$ref": "#/$defs/duration" } } }, "token": { "type": "object", "additionalProperties": false, "required": ["name"], "oneOf": [{ "required": ["from-env"] }, { "required": ["from-file"] }], "errorMessage": "needs exactly one of from-env or from-file (a token is never given literally)", "properties": { "name": { "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$", "patternErrorMessage": "must be 1-64 letters, digits, '.', '_' or '-'" }, "from-env": { "$ref": "#/$defs/envName" }, "from-file": { "type": "string", "pattern": "\\S", "patternErrorMessage": "must be a file path" }, "issuer": { "$ref": "#/$defs/httpsUrl" }, "audience": { "$ref": "#/$defs/stringOrList" }, "scopes": { "$ref": "#/$defs/stringOrList" }, "min-lifetime": { "$ref": "#/$defs/duration" }, "clock-skew": { "$ref": "#/$defs/duration" }, "claims": { "$ref": "#/$defs/claimPatterns" }, "jwks-url": { "$ref": "#/$defs/httpsUrl" }, "algorithms": { "$ref": "#/$defs/stringOrList" }, "introspection": { "type": "object", "additionalProperties": false, "required": ["url"], "dependentRequired": { "client-id-env": ["client-secret-env"], "client-secret-env": ["client-id-env"] }, "properties": { "url": { "$ref": "#/$defs/httpsUrl" }, "client-id-env": { "$ref": "#/$defs/envName" }, "client-secret-env": { "$ref": "#/$defs/envName" } } }, "allow-unverifiable": { "type": "boolean" }, "allow-no-expiry": { "type": "boolean" } } }, "permission": { "type": "string", "pattern": "\\S", "patternErrorMessage": "must not be blank" }, "permissions": { "type": "array", "items": { "$ref": "#/$defs/permission" } }, "aws": { "type": "object", "additionalProperties": false, "properties": { "roles": { "type": "array", "items": { "$ref": "#/$defs/role" } }, "policy-files": { "$ref": "#/$defs/policyFiles" }, "live-reads": { "$ref": "#/$defs/liveReads" }, "probe": { "$ref": "#/$defs/probe" }, "cross-check": { "$ref": "#/$defs/crossCheck" }, "organizations": { "$ref": "#/$defs/organizations" }, "no-resource-policy": { "$ref": "#/$defs/noResourcePolicy" } } }, "role": { "type": "object", "additionalProperties": false, "required": ["role-to-assume"], "properties": { "role-to-assume": { "type": "string", "pattern": "^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+$", "patternErrorMessage": "must be a role ARN such as arn:aws:iam::111111111111:role/deploy" }, "aws-region": { "type": "string", "pattern": "^[a-z0-9-]+$", "patternErrorMessage": "must be a region such as eu-west-1 (lowercase letters, digits and -)" }, "audience": { "type": "string", "pattern": "\\S", "patternErrorMessage": "must not be blank" }, "role-duration-seconds": { "type": "integer", "exclusiveMinimum": 0 }, "role-session-name": { "type": "string" }, "inline-session-policy": { "type": ["object", "string"] }, "managed-session-policies": { "type": "array", "items": { "type": "string", "pattern": "^arn:aws[a-z-]*:iam::(\\d{12}|aws):policy/[\\w+=,.@/-]+$", "patternErrorMessage": "must be a policy ARN such as arn:aws:iam::aws:policy/ReadOnlyAccess" } }, "role-chaining": { "type": "boolean" }, "role-skip-session-tagging": { "type": "boolean" }, "custom-tags": { "type": "object", "additionalProperties": { "type": "string" } }, "transitive-tag-keys": { "type": "array", "items": { "type": "string" } }, "role-external-id": { "type": "string", "pattern": "^[\\w+=,.@:/-]{2,1224}$", "patternErrorMessage": "must be 2 to 1224 characters of letters, digits and +=,.@:/- (ExternalId in https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html)" }, "web-identity-token-file": { "type": "string" }, "expected-duration": { "$ref": "#/$defs/duration" }, "permissions": { "$ref": "#/$defs/permissions" }, "environments": { "type": "object", "propertyNames": { "pattern": "\\S", "patternErrorMessage": "must be an environment name" }, "additionalProperties": { "$ref": "#/$defs/permissions" } }, "policy-files": { "$ref": "#/$defs/policyFiles" }, "live-reads": { "$ref": "#/$defs/liveReads" }, "probe": { "$ref": "#/$defs/probe" }, "cross-check": { "$ref": "#/$defs/crossCheck" }, "organizations": { "$ref": "#/$defs/organizations" }, "no-resource-policy": { "$ref": "#/$defs/noResourcePolicy" } } }, "policyFiles": { "type": "array", "items": { "type": "string", "pattern": "\\S", "patternErrorMessage": "must be a path" } }, "liveReads": { "type": "boolean" }, "probe": { "type": "boolean" }, "crossCheck": { "type": "boolean" }, "organizations": { "enum": ["none"] }, "noResourcePolicy": { "type": "array", "items": { "type": "string", "pattern": "^(\\*|arn:\\S+)$", "patternErrorMessage": "must be a resource ARN (wildcards * and ? allowed), or * for every resource" } }, "github": { "type": "object", "additionalProperties": false, "properties": { "default-token-permissions": { "enum": ["read", "write"] }, "repository-visibility": { "enum": ["public", "private", "internal"] }, "job-token-needs": { "type": "object", "propertyNames": { "pattern": "^[A-Za-z_][A-Za-z0-9_-]*$", "patternErrorMessage": "must be a job id" }, "additionalProperties": { "type": "object", "propertyNames": { "enum": ["actions", "artifact-metadata", "attestations", "checks", "code-quality", "contents", "copilot-requests", "deployments", "discussions", "drives", "id-token", "issues", "models", "packages", "pages", "pull-requests", "repository-projects", "security-events", "statuses", "vulnerability-alerts"] }, "additionalProperties": { "enum": ["read", "write"] } } }, "variables": { "type": "object", "additionalProperties": false, "properties": { "repository": { "type": "object", "propertyNames": { "pattern": "^[A-Za-z_][A-Za-z0-9_]*$", "patternErrorMessage": "must be a variable name: letters, digits and _, not starting with a digit" }, "additionalProperties": { "type": "string" } }, "environments": { "type": "object", "propertyNames": { "pattern": "\\S", "patternErrorMessage": "must be an environment name" }, "additionalProperties": { "type": "object", "propertyNames": { "pattern": "^[A-Za-z_][A-Za-z0-9_]*$", "patternErrorMessage": "must be a variable name: letters, digits and _, not starting with a digit" }, "additionalProperties": { "type": "string" } } }, "complete": { "type": "boolean" } } }, "secret-arns": { "type": "object", "additionalProperties": false, "properties": { "repository": { "type": "object", "propertyNames": { "pattern": "^[A-Za-z_][A-Za-z0-9_]*$", "patternErrorMessage": "must be a secret name: letters, digits and _, not starting with a digit" }, "additionalProperties": { "type": "string", "pattern": "^(arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+|\\d{12}|(?=[\\w+=,.@/-]{1,576}$)([\\w+=,.@-]+/)*[\\w+=,.@-]{1,64})$", "patternErrorMessage": "must be a role ARN (arn:aws:iam::111122223333:role/deploy), a 12-digit account ID or a role name (deploy, or with its path: ci/deploy): only what is not secret in itself is declared here" } }, "environments": { "type": "object", "propertyNames": { "pattern": "\\S", "patternErrorMessage": "must be an environment name" }, "additionalProperties": { "type": "object", "propertyNames": { "pattern": "^[A-Za-z_][A-Za-z0-9_]*$", "patternErrorMessage": "must be a secret name: letters, digits and _, not starting with a digit" }, "additionalProperties": { "type": "string", "pattern": "^(arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+|\\d{12}|(?=[\\w+=,.@/-]{1,576}$)([\\w+=,.@-]+/)*[\\w+=,.@-]{1,64})$", "patternErrorMessage": "must be a role ARN (arn:aws:iam::111122223333:role/deploy), a 12-digit account ID or a role name (deploy, or with its path: ci/deploy): only what is not secret in itself is declared here" } } } } } } } } };
var func1 = Object.prototype.hasOwnProperty;
var pattern3 = new RegExp("^\\S.{0,1023}$", "u");
var schema20 = { "type": ["string", "integer"], "minimum": 0, "pattern": "^\\s*(\\d+|(?=\\d)(\\d+d)?(\\d+h)?(\\d+m)?(\\d+s)?)\\s*$", "patternErrorMessage": "must be a duration such as 90s, 10m, 1h30m or a number of seconds (3600)" };
var pattern4 = new RegExp("^\\s*(\\d+|(?=\\d)(\\d+d)?(\\d+h)?(\\d+m)?(\\d+s)?)\\s*$", "u");
function validate53(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate53.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (typeof data !== "string" && !(typeof data == "number" && (!(data % 1) && !isNaN(data)) && isFinite(data))) {
    const err0 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: schema20.type }, schema: schema20.type, parentSchema: schema20, data };
    if (vErrors === null) {
      vErrors = [err0];
    } else {
      vErrors.push(err0);
    }
    errors++;
  }
  if (typeof data == "number" && isFinite(data)) {
    if (data < 0 || isNaN(data)) {
      const err1 = { instancePath, schemaPath: "#/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, schema: 0, parentSchema: schema20, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
  }
  if (typeof data === "string") {
    if (!pattern4.test(data)) {
      const err2 = { instancePath, schemaPath: "#/pattern", keyword: "pattern", params: { pattern: "^\\s*(\\d+|(?=\\d)(\\d+d)?(\\d+h)?(\\d+m)?(\\d+s)?)\\s*$" }, schema: "^\\s*(\\d+|(?=\\d)(\\d+d)?(\\d+h)?(\\d+m)?(\\d+s)?)\\s*$", parentSchema: schema20, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
  }
  validate53.errors = vErrors;
  return errors === 0;
}
validate53.evaluated = { "dynamicProps": false, "dynamicItems": false };
var schema21 = { "type": "object", "additionalProperties": false, "properties": { "enabled": { "type": "boolean" }, "audience": { "type": "string", "pattern": "\\S", "patternErrorMessage": "must not be blank" }, "issuer": { "$ref": "#/$defs/httpsUrl" }, "jwks-url": { "$ref": "#/$defs/httpsUrl" }, "expected-claims": { "$ref": "#/$defs/claimPatterns" }, "min-lifetime": { "$ref": "#/$defs/duration" }, "clock-skew": { "$ref": "#/$defs/duration" } } };
var pattern5 = new RegExp("\\S", "u");
var schema22 = { "type": "string", "pattern": "^https?://[^\\s/?#@]+([/?#]\\S*)?$", "patternErrorMessage": "must be an https URL, without user info (user:password@): a URL setting never carries a credential" };
var pattern6 = new RegExp("^https?://[^\\s/?#@]+([/?#]\\S*)?$", "u");
function validate57(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate57.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (typeof data === "string") {
    if (!pattern6.test(data)) {
      const err0 = { instancePath, schemaPath: "#/pattern", keyword: "pattern", params: { pattern: "^https?://[^\\s/?#@]+([/?#]\\S*)?$" }, schema: "^https?://[^\\s/?#@]+([/?#]\\S*)?$", parentSchema: schema22, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
  } else {
    const err1 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "string" }, schema: schema22.type, parentSchema: schema22, data };
    if (vErrors === null) {
      vErrors = [err1];
    } else {
      vErrors.push(err1);
    }
    errors++;
  }
  validate57.errors = vErrors;
  return errors === 0;
}
validate57.evaluated = { "dynamicProps": false, "dynamicItems": false };
var schema23 = { "type": "object", "propertyNames": { "pattern": "\\S", "patternErrorMessage": "must be a claim name" }, "additionalProperties": { "type": "string" } };
function validate60(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate60.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
      const _errs1 = errors;
      if (typeof key0 === "string") {
        if (!pattern5.test(key0)) {
          const err0 = { instancePath, schemaPath: "#/propertyNames/pattern", keyword: "pattern", params: { pattern: "\\S" }, schema: "\\S", parentSchema: schema23.propertyNames, data: key0, propertyName: key0 };
          if (vErrors === null) {
            vErrors = [err0];
          } else {
            vErrors.push(err0);
          }
          errors++;
        }
      }
      var valid0 = _errs1 === errors;
      if (!valid0) {
        const err1 = { instancePath, schemaPath: "#/propertyNames", keyword: "propertyNames", params: { propertyName: key0 }, schema: schema23.propertyNames, parentSchema: schema23, data };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    for (const key1 in data) {
      let data0 = data[key1];
      if (typeof data0 !== "string") {
        const err2 = { instancePath: instancePath + "/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/additionalProperties/type", keyword: "type", params: { type: "string" }, schema: schema23.additionalProperties.type, parentSchema: schema23.additionalProperties, data: data0 };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
  } else {
    const err3 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, schema: schema23.type, parentSchema: schema23, data };
    if (vErrors === null) {
      vErrors = [err3];
    } else {
      vErrors.push(err3);
    }
    errors++;
  }
  validate60.errors = vErrors;
  return errors === 0;
}
validate60.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
function validate56(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate56.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
      if (!(key0 === "enabled" || key0 === "audience" || key0 === "issuer" || key0 === "jwks-url" || key0 === "expected-claims" || key0 === "min-lifetime" || key0 === "clock-skew")) {
        const err0 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, schema: false, parentSchema: schema21, data };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (data.enabled !== void 0) {
      let data0 = data.enabled;
      if (typeof data0 !== "boolean") {
        const err1 = { instancePath: instancePath + "/enabled", schemaPath: "#/properties/enabled/type", keyword: "type", params: { type: "boolean" }, schema: schema21.properties.enabled.type, parentSchema: schema21.properties.enabled, data: data0 };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.audience !== void 0) {
      let data1 = data.audience;
      if (typeof data1 === "string") {
        if (!pattern5.test(data1)) {
          const err2 = { instancePath: instancePath + "/audience", schemaPath: "#/properties/audience/pattern", keyword: "pattern", params: { pattern: "\\S" }, schema: "\\S", parentSchema: schema21.properties.audience, data: data1 };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
      } else {
        const err3 = { instancePath: instancePath + "/audience", schemaPath: "#/properties/audience/type", keyword: "type", params: { type: "string" }, schema: schema21.properties.audience.type, parentSchema: schema21.properties.audience, data: data1 };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.issuer !== void 0) {
      if (!validate57(data.issuer, { instancePath: instancePath + "/issuer", parentData: data, parentDataProperty: "issuer", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate57.errors : vErrors.concat(validate57.errors);
        errors = vErrors.length;
      }
    }
    if (data["jwks-url"] !== void 0) {
      if (!validate57(data["jwks-url"], { instancePath: instancePath + "/jwks-url", parentData: data, parentDataProperty: "jwks-url", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate57.errors : vErrors.concat(validate57.errors);
        errors = vErrors.length;
      }
    }
    if (data["expected-claims"] !== void 0) {
      if (!validate60(data["expected-claims"], { instancePath: instancePath + "/expected-claims", parentData: data, parentDataProperty: "expected-claims", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate60.errors : vErrors.concat(validate60.errors);
        errors = vErrors.length;
      }
    }
    if (data["min-lifetime"] !== void 0) {
      if (!validate53(data["min-lifetime"], { instancePath: instancePath + "/min-lifetime", parentData: data, parentDataProperty: "min-lifetime", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate53.errors : vErrors.concat(validate53.errors);
        errors = vErrors.length;
      }
    }
    if (data["clock-skew"] !== void 0) {
      if (!validate53(data["clock-skew"], { instancePath: instancePath + "/clock-skew", parentData: data, parentDataProperty: "clock-skew", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate53.errors : vErrors.concat(validate53.errors);
        errors = vErrors.length;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, schema: schema21.type, parentSchema: schema21, data };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate56.errors = vErrors;
  return errors === 0;
}
validate56.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
var schema24 = { "type": "object", "additionalProperties": false, "required": ["name"], "oneOf": [{ "required": ["from-env"] }, { "required": ["from-file"] }], "errorMessage": "needs exactly one of from-env or from-file (a token is never given literally)", "properties": { "name": { "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$", "patternErrorMessage": "must be 1-64 letters, digits, '.', '_' or '-'" }, "from-env": { "$ref": "#/$defs/envName" }, "from-file": { "type": "string", "pattern": "\\S", "patternErrorMessage": "must be a file path" }, "issuer": { "$ref": "#/$defs/httpsUrl" }, "audience": { "$ref": "#/$defs/stringOrList" }, "scopes": { "$ref": "#/$defs/stringOrList" }, "min-lifetime": { "$ref": "#/$defs/duration" }, "clock-skew": { "$ref": "#/$defs/duration" }, "claims": { "$ref": "#/$defs/claimPatterns" }, "jwks-url": { "$ref": "#/$defs/httpsUrl" }, "algorithms": { "$ref": "#/$defs/stringOrList" }, "introspection": { "type": "object", "additionalProperties": false, "required": ["url"], "dependentRequired": { "client-id-env": ["client-secret-env"], "client-secret-env": ["client-id-env"] }, "properties": { "url": { "$ref": "#/$defs/httpsUrl" }, "client-id-env": { "$ref": "#/$defs/envName" }, "client-secret-env": { "$ref": "#/$defs/envName" } } }, "allow-unverifiable": { "type": "boolean" }, "allow-no-expiry": { "type": "boolean" } } };
var pattern8 = new RegExp("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$", "u");
var schema25 = { "type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]*$", "patternErrorMessage": "must be an environment variable name such as DEPLOY_API_TOKEN" };
var pattern9 = new RegExp("^[A-Za-z_][A-Za-z0-9_]*$", "u");
function validate66(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate66.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (typeof data === "string") {
    if (!pattern9.test(data)) {
      const err0 = { instancePath, schemaPath: "#/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$" }, schema: "^[A-Za-z_][A-Za-z0-9_]*$", parentSchema: schema25, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
  } else {
    const err1 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "string" }, schema: schema25.type, parentSchema: schema25, data };
    if (vErrors === null) {
      vErrors = [err1];
    } else {
      vErrors.push(err1);
    }
    errors++;
  }
  validate66.errors = vErrors;
  return errors === 0;
}
validate66.evaluated = { "dynamicProps": false, "dynamicItems": false };
var schema26 = { "type": ["string", "array"], "items": { "type": "string", "pattern": "\\S", "patternErrorMessage": "must not be blank" }, "minItems": 1, "pattern": "\\S", "patternErrorMessage": "must not be blank" };
function validate69(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate69.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (typeof data !== "string" && !Array.isArray(data)) {
    const err0 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: schema26.type }, schema: schema26.type, parentSchema: schema26, data };
    if (vErrors === null) {
      vErrors = [err0];
    } else {
      vErrors.push(err0);
    }
    errors++;
  }
  if (typeof data === "string") {
    if (!pattern5.test(data)) {
      const err1 = { instancePath, schemaPath: "#/pattern", keyword: "pattern", params: { pattern: "\\S" }, schema: "\\S", parentSchema: schema26, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
  }
  if (Array.isArray(data)) {
    if (data.length < 1) {
      const err2 = { instancePath, schemaPath: "#/minItems", keyword: "minItems", params: { limit: 1 }, schema: 1, parentSchema: schema26, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    const len0 = data.length;
    for (let i0 = 0; i0 < len0; i0++) {
      let data0 = data[i0];
      if (typeof data0 === "string") {
        if (!pattern5.test(data0)) {
          const err3 = { instancePath: instancePath + "/" + i0, schemaPath: "#/items/pattern", keyword: "pattern", params: { pattern: "\\S" }, schema: "\\S", parentSchema: schema26.items, data: data0 };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = { instancePath: instancePath + "/" + i0, schemaPath: "#/items/type", keyword: "type", params: { type: "string" }, schema: schema26.items.type, parentSchema: schema26.items, data: data0 };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
  }
  validate69.errors = vErrors;
  return errors === 0;
}
validate69.evaluated = { "items": true, "dynamicProps": false, "dynamicItems": false };
function validate65(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate65.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  const _errs1 = errors;
  let valid0 = false;
  let passing0 = null;
  const _errs2 = errors;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data["from-env"] === void 0) {
      const err0 = { instancePath, schemaPath: "#/oneOf/0/required", keyword: "required", params: { missingProperty: "from-env" }, schema: schema24.oneOf[0].required, parentSchema: schema24.oneOf[0], data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
  }
  var _valid0 = _errs2 === errors;
  if (_valid0) {
    valid0 = true;
    passing0 = 0;
  }
  const _errs3 = errors;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data["from-file"] === void 0) {
      const err1 = { instancePath, schemaPath: "#/oneOf/1/required", keyword: "required", params: { missingProperty: "from-file" }, schema: schema24.oneOf[1].required, parentSchema: schema24.oneOf[1], data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
  }
  var _valid0 = _errs3 === errors;
  if (_valid0 && valid0) {
    valid0 = false;
    passing0 = [passing0, 1];
  } else {
    if (_valid0) {
      valid0 = true;
      passing0 = 1;
    }
  }
  if (!valid0) {
    const err2 = { instancePath, schemaPath: "#/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, schema: schema24.oneOf, parentSchema: schema24, data };
    if (vErrors === null) {
      vErrors = [err2];
    } else {
      vErrors.push(err2);
    }
    errors++;
  } else {
    errors = _errs1;
    if (vErrors !== null) {
      if (_errs1) {
        vErrors.length = _errs1;
      } else {
        vErrors = null;
      }
    }
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.name === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, schema: schema24.required, parentSchema: schema24, data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func1.call(schema24.properties, key0)) {
        const err4 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, schema: false, parentSchema: schema24, data };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.name !== void 0) {
      let data0 = data.name;
      if (typeof data0 === "string") {
        if (!pattern8.test(data0)) {
          const err5 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$" }, schema: "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$", parentSchema: schema24.properties.name, data: data0 };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
      } else {
        const err6 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/type", keyword: "type", params: { type: "string" }, schema: schema24.properties.name.type, parentSchema: schema24.properties.name, data: data0 };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data["from-env"] !== void 0) {
      if (!validate66(data["from-env"], { instancePath: instancePath + "/from-env", parentData: data, parentDataProperty: "from-env", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate66.errors : vErrors.concat(validate66.errors);
        errors = vErrors.length;
      }
    }
    if (data["from-file"] !== void 0) {
      let data2 = data["from-file"];
      if (typeof data2 === "string") {
        if (!pattern5.test(data2)) {
          const err7 = { instancePath: instancePath + "/from-file", schemaPath: "#/properties/from-file/pattern", keyword: "pattern", params: { pattern: "\\S" }, schema: "\\S", parentSchema: schema24.properties["from-file"], data: data2 };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
      } else {
        const err8 = { instancePath: instancePath + "/from-file", schemaPath: "#/properties/from-file/type", keyword: "type", params: { type: "string" }, schema: schema24.properties["from-file"].type, parentSchema: schema24.properties["from-file"], data: data2 };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.issuer !== void 0) {
      if (!validate57(data.issuer, { instancePath: instancePath + "/issuer", parentData: data, parentDataProperty: "issuer", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate57.errors : vErrors.concat(validate57.errors);
        errors = vErrors.length;
      }
    }
    if (data.audience !== void 0) {
      if (!validate69(data.audience, { instancePath: instancePath + "/audience", parentData: data, parentDataProperty: "audience", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate69.errors : vErrors.concat(validate69.errors);
        errors = vErrors.length;
      }
    }
    if (data.scopes !== void 0) {
      if (!validate69(data.scopes, { instancePath: instancePath + "/scopes", parentData: data, parentDataProperty: "scopes", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate69.errors : vErrors.concat(validate69.errors);
        errors = vErrors.length;
      }
    }
    if (data["min-lifetime"] !== void 0) {
      if (!validate53(data["min-lifetime"], { instancePath: instancePath + "/min-lifetime", parentData: data, parentDataProperty: "min-lifetime", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate53.errors : vErrors.concat(validate53.errors);
        errors = vErrors.length;
      }
    }
    if (data["clock-skew"] !== void 0) {
      if (!validate53(data["clock-skew"], { instancePath: instancePath + "/clock-skew", parentData: data, parentDataProperty: "clock-skew", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate53.errors : vErrors.concat(validate53.errors);
        errors = vErrors.length;
      }
    }
    if (data.claims !== void 0) {
      if (!validate60(data.claims, { instancePath: instancePath + "/claims", parentData: data, parentDataProperty: "claims", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate60.errors : vErrors.concat(validate60.errors);
        errors = vErrors.length;
      }
    }
    if (data["jwks-url"] !== void 0) {
      if (!validate57(data["jwks-url"], { instancePath: instancePath + "/jwks-url", parentData: data, parentDataProperty: "jwks-url", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate57.errors : vErrors.concat(validate57.errors);
        errors = vErrors.length;
      }
    }
    if (data.algorithms !== void 0) {
      if (!validate69(data.algorithms, { instancePath: instancePath + "/algorithms", parentData: data, parentDataProperty: "algorithms", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate69.errors : vErrors.concat(validate69.errors);
        errors = vErrors.length;
      }
    }
    if (data.introspection !== void 0) {
      let data11 = data.introspection;
      if (data11 && typeof data11 == "object" && !Array.isArray(data11)) {
        if (data11.url === void 0) {
          const err9 = { instancePath: instancePath + "/introspection", schemaPath: "#/properties/introspection/required", keyword: "required", params: { missingProperty: "url" }, schema: schema24.properties.introspection.required, parentSchema: schema24.properties.introspection, data: data11 };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
        for (const key1 in data11) {
          if (!(key1 === "url" || key1 === "client-id-env" || key1 === "client-secret-env")) {
            const err10 = { instancePath: instancePath + "/introspection", schemaPath: "#/properties/introspection/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, schema: false, parentSchema: schema24.properties.introspection, data: data11 };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        }
        if (data11.url !== void 0) {
          if (!validate57(data11.url, { instancePath: instancePath + "/introspection/url", parentData: data11, parentDataProperty: "url", rootData, dynamicAnchors })) {
            vErrors = vErrors === null ? validate57.errors : vErrors.concat(validate57.errors);
            errors = vErrors.length;
          }
        }
        if (data11["client-id-env"] !== void 0) {
          if (!validate66(data11["client-id-env"], { instancePath: instancePath + "/introspection/client-id-env", parentData: data11, parentDataProperty: "client-id-env", rootData, dynamicAnchors })) {
            vErrors = vErrors === null ? validate66.errors : vErrors.concat(validate66.errors);
            errors = vErrors.length;
          }
        }
        if (data11["client-secret-env"] !== void 0) {
          if (!validate66(data11["client-secret-env"], { instancePath: instancePath + "/introspection/client-secret-env", parentData: data11, parentDataProperty: "client-secret-env", rootData, dynamicAnchors })) {
            vErrors = vErrors === null ? validate66.errors : vErrors.concat(validate66.errors);
            errors = vErrors.length;
          }
        }
        if (data11["client-id-env"] !== void 0) {
          if (data11["client-secret-env"] === void 0) {
            const err11 = { instancePath: instancePath + "/introspection", schemaPath: "#/properties/introspection/dependentRequired", keyword: "dependentRequired", params: {
              property: "client-id-env",
              missingProperty: "client-secret-env",
              depsCount: 1,
              deps: "client-secret-env"
            }, schema: schema24.properties.introspection.dependentRequired, parentSchema: schema24.properties.introspection, data: data11 };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        }
        if (data11["client-secret-env"] !== void 0) {
          if (data11["client-id-env"] === void 0) {
            const err12 = { instancePath: instancePath + "/introspection", schemaPath: "#/properties/introspection/dependentRequired", keyword: "dependentRequired", params: {
              property: "client-secret-env",
              missingProperty: "client-id-env",
              depsCount: 1,
              deps: "client-id-env"
            }, schema: schema24.properties.introspection.dependentRequired, parentSchema: schema24.properties.introspection, data: data11 };
            if (vErrors === null) {
              vErrors = [err12];
            } else {
              vErrors.push(err12);
            }
            errors++;
          }
        }
      } else {
        const err13 = { instancePath: instancePath + "/introspection", schemaPath: "#/properties/introspection/type", keyword: "type", params: { type: "object" }, schema: schema24.properties.introspection.type, parentSchema: schema24.properties.introspection, data: data11 };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data["allow-unverifiable"] !== void 0) {
      let data15 = data["allow-unverifiable"];
      if (typeof data15 !== "boolean") {
        const err14 = { instancePath: instancePath + "/allow-unverifiable", schemaPath: "#/properties/allow-unverifiable/type", keyword: "type", params: { type: "boolean" }, schema: schema24.properties["allow-unverifiable"].type, parentSchema: schema24.properties["allow-unverifiable"], data: data15 };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
    if (data["allow-no-expiry"] !== void 0) {
      let data16 = data["allow-no-expiry"];
      if (typeof data16 !== "boolean") {
        const err15 = { instancePath: instancePath + "/allow-no-expiry", schemaPath: "#/properties/allow-no-expiry/type", keyword: "type", params: { type: "boolean" }, schema: schema24.properties["allow-no-expiry"].type, parentSchema: schema24.properties["allow-no-expiry"], data: data16 };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
  } else {
    const err16 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, schema: schema24.type, parentSchema: schema24, data };
    if (vErrors === null) {
      vErrors = [err16];
    } else {
      vErrors.push(err16);
    }
    errors++;
  }
  validate65.errors = vErrors;
  return errors === 0;
}
validate65.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
var schema27 = { "type": "object", "additionalProperties": false, "properties": { "roles": { "type": "array", "items": { "$ref": "#/$defs/role" } }, "policy-files": { "$ref": "#/$defs/policyFiles" }, "live-reads": { "$ref": "#/$defs/liveReads" }, "probe": { "$ref": "#/$defs/probe" }, "cross-check": { "$ref": "#/$defs/crossCheck" }, "organizations": { "$ref": "#/$defs/organizations" }, "no-resource-policy": { "$ref": "#/$defs/noResourcePolicy" } } };
var schema28 = { "type": "object", "additionalProperties": false, "required": ["role-to-assume"], "properties": { "role-to-assume": { "type": "string", "pattern": "^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+$", "patternErrorMessage": "must be a role ARN such as arn:aws:iam::111111111111:role/deploy" }, "aws-region": { "type": "string", "pattern": "^[a-z0-9-]+$", "patternErrorMessage": "must be a region such as eu-west-1 (lowercase letters, digits and -)" }, "audience": { "type": "string", "pattern": "\\S", "patternErrorMessage": "must not be blank" }, "role-duration-seconds": { "type": "integer", "exclusiveMinimum": 0 }, "role-session-name": { "type": "string" }, "inline-session-policy": { "type": ["object", "string"] }, "managed-session-policies": { "type": "array", "items": { "type": "string", "pattern": "^arn:aws[a-z-]*:iam::(\\d{12}|aws):policy/[\\w+=,.@/-]+$", "patternErrorMessage": "must be a policy ARN such as arn:aws:iam::aws:policy/ReadOnlyAccess" } }, "role-chaining": { "type": "boolean" }, "role-skip-session-tagging": { "type": "boolean" }, "custom-tags": { "type": "object", "additionalProperties": { "type": "string" } }, "transitive-tag-keys": { "type": "array", "items": { "type": "string" } }, "role-external-id": { "type": "string", "pattern": "^[\\w+=,.@:/-]{2,1224}$", "patternErrorMessage": "must be 2 to 1224 characters of letters, digits and +=,.@:/- (ExternalId in https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html)" }, "web-identity-token-file": { "type": "string" }, "expected-duration": { "$ref": "#/$defs/duration" }, "permissions": { "$ref": "#/$defs/permissions" }, "environments": { "type": "object", "propertyNames": { "pattern": "\\S", "patternErrorMessage": "must be an environment name" }, "additionalProperties": { "$ref": "#/$defs/permissions" } }, "policy-files": { "$ref": "#/$defs/policyFiles" }, "live-reads": { "$ref": "#/$defs/liveReads" }, "probe": { "$ref": "#/$defs/probe" }, "cross-check": { "$ref": "#/$defs/crossCheck" }, "organizations": { "$ref": "#/$defs/organizations" }, "no-resource-policy": { "$ref": "#/$defs/noResourcePolicy" } } };
var pattern13 = new RegExp("^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+$", "u");
var pattern14 = new RegExp("^[a-z0-9-]+$", "u");
var pattern16 = new RegExp("^arn:aws[a-z-]*:iam::(\\d{12}|aws):policy/[\\w+=,.@/-]+$", "u");
var pattern17 = new RegExp("^[\\w+=,.@:/-]{2,1224}$", "u");
var schema29 = { "type": "array", "items": { "$ref": "#/$defs/permission" } };
var schema30 = { "type": "string", "pattern": "\\S", "patternErrorMessage": "must not be blank" };
function validate85(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate85.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (typeof data === "string") {
    if (!pattern5.test(data)) {
      const err0 = { instancePath, schemaPath: "#/pattern", keyword: "pattern", params: { pattern: "\\S" }, schema: "\\S", parentSchema: schema30, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
  } else {
    const err1 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "string" }, schema: schema30.type, parentSchema: schema30, data };
    if (vErrors === null) {
      vErrors = [err1];
    } else {
      vErrors.push(err1);
    }
    errors++;
  }
  validate85.errors = vErrors;
  return errors === 0;
}
validate85.evaluated = { "dynamicProps": false, "dynamicItems": false };
function validate84(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate84.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (Array.isArray(data)) {
    const len0 = data.length;
    for (let i0 = 0; i0 < len0; i0++) {
      if (!validate85(data[i0], { instancePath: instancePath + "/" + i0, parentData: data, parentDataProperty: i0, rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate85.errors : vErrors.concat(validate85.errors);
        errors = vErrors.length;
      }
    }
  } else {
    const err0 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "array" }, schema: schema29.type, parentSchema: schema29, data };
    if (vErrors === null) {
      vErrors = [err0];
    } else {
      vErrors.push(err0);
    }
    errors++;
  }
  validate84.errors = vErrors;
  return errors === 0;
}
validate84.evaluated = { "items": true, "dynamicProps": false, "dynamicItems": false };
var schema31 = { "type": "array", "items": { "type": "string", "pattern": "\\S", "patternErrorMessage": "must be a path" } };
function validate89(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate89.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (Array.isArray(data)) {
    const len0 = data.length;
    for (let i0 = 0; i0 < len0; i0++) {
      let data0 = data[i0];
      if (typeof data0 === "string") {
        if (!pattern5.test(data0)) {
          const err0 = { instancePath: instancePath + "/" + i0, schemaPath: "#/items/pattern", keyword: "pattern", params: { pattern: "\\S" }, schema: "\\S", parentSchema: schema31.items, data: data0 };
          if (vErrors === null) {
            vErrors = [err0];
          } else {
            vErrors.push(err0);
          }
          errors++;
        }
      } else {
        const err1 = { instancePath: instancePath + "/" + i0, schemaPath: "#/items/type", keyword: "type", params: { type: "string" }, schema: schema31.items.type, parentSchema: schema31.items, data: data0 };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
  } else {
    const err2 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "array" }, schema: schema31.type, parentSchema: schema31, data };
    if (vErrors === null) {
      vErrors = [err2];
    } else {
      vErrors.push(err2);
    }
    errors++;
  }
  validate89.errors = vErrors;
  return errors === 0;
}
validate89.evaluated = { "items": true, "dynamicProps": false, "dynamicItems": false };
var schema32 = { "type": "boolean" };
function validate91(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate91.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (typeof data !== "boolean") {
    const err0 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "boolean" }, schema: schema32.type, parentSchema: schema32, data };
    if (vErrors === null) {
      vErrors = [err0];
    } else {
      vErrors.push(err0);
    }
    errors++;
  }
  validate91.errors = vErrors;
  return errors === 0;
}
validate91.evaluated = { "dynamicProps": false, "dynamicItems": false };
var schema33 = { "type": "boolean" };
function validate93(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate93.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (typeof data !== "boolean") {
    const err0 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "boolean" }, schema: schema33.type, parentSchema: schema33, data };
    if (vErrors === null) {
      vErrors = [err0];
    } else {
      vErrors.push(err0);
    }
    errors++;
  }
  validate93.errors = vErrors;
  return errors === 0;
}
validate93.evaluated = { "dynamicProps": false, "dynamicItems": false };
var schema34 = { "type": "boolean" };
function validate95(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate95.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (typeof data !== "boolean") {
    const err0 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "boolean" }, schema: schema34.type, parentSchema: schema34, data };
    if (vErrors === null) {
      vErrors = [err0];
    } else {
      vErrors.push(err0);
    }
    errors++;
  }
  validate95.errors = vErrors;
  return errors === 0;
}
validate95.evaluated = { "dynamicProps": false, "dynamicItems": false };
var schema35 = { "enum": ["none"] };
function validate97(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate97.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (!(data === "none")) {
    const err0 = { instancePath, schemaPath: "#/enum", keyword: "enum", params: { allowedValues: schema35.enum }, schema: schema35.enum, parentSchema: schema35, data };
    if (vErrors === null) {
      vErrors = [err0];
    } else {
      vErrors.push(err0);
    }
    errors++;
  }
  validate97.errors = vErrors;
  return errors === 0;
}
validate97.evaluated = { "dynamicProps": false, "dynamicItems": false };
var schema36 = { "type": "array", "items": { "type": "string", "pattern": "^(\\*|arn:\\S+)$", "patternErrorMessage": "must be a resource ARN (wildcards * and ? allowed), or * for every resource" } };
var pattern21 = new RegExp("^(\\*|arn:\\S+)$", "u");
function validate99(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate99.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (Array.isArray(data)) {
    const len0 = data.length;
    for (let i0 = 0; i0 < len0; i0++) {
      let data0 = data[i0];
      if (typeof data0 === "string") {
        if (!pattern21.test(data0)) {
          const err0 = { instancePath: instancePath + "/" + i0, schemaPath: "#/items/pattern", keyword: "pattern", params: { pattern: "^(\\*|arn:\\S+)$" }, schema: "^(\\*|arn:\\S+)$", parentSchema: schema36.items, data: data0 };
          if (vErrors === null) {
            vErrors = [err0];
          } else {
            vErrors.push(err0);
          }
          errors++;
        }
      } else {
        const err1 = { instancePath: instancePath + "/" + i0, schemaPath: "#/items/type", keyword: "type", params: { type: "string" }, schema: schema36.items.type, parentSchema: schema36.items, data: data0 };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
  } else {
    const err2 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "array" }, schema: schema36.type, parentSchema: schema36, data };
    if (vErrors === null) {
      vErrors = [err2];
    } else {
      vErrors.push(err2);
    }
    errors++;
  }
  validate99.errors = vErrors;
  return errors === 0;
}
validate99.evaluated = { "items": true, "dynamicProps": false, "dynamicItems": false };
function validate82(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate82.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data["role-to-assume"] === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "role-to-assume" }, schema: schema28.required, parentSchema: schema28, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func1.call(schema28.properties, key0)) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, schema: false, parentSchema: schema28, data };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data["role-to-assume"] !== void 0) {
      let data0 = data["role-to-assume"];
      if (typeof data0 === "string") {
        if (!pattern13.test(data0)) {
          const err2 = { instancePath: instancePath + "/role-to-assume", schemaPath: "#/properties/role-to-assume/pattern", keyword: "pattern", params: { pattern: "^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+$" }, schema: "^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+$", parentSchema: schema28.properties["role-to-assume"], data: data0 };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
      } else {
        const err3 = { instancePath: instancePath + "/role-to-assume", schemaPath: "#/properties/role-to-assume/type", keyword: "type", params: { type: "string" }, schema: schema28.properties["role-to-assume"].type, parentSchema: schema28.properties["role-to-assume"], data: data0 };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data["aws-region"] !== void 0) {
      let data1 = data["aws-region"];
      if (typeof data1 === "string") {
        if (!pattern14.test(data1)) {
          const err4 = { instancePath: instancePath + "/aws-region", schemaPath: "#/properties/aws-region/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9-]+$" }, schema: "^[a-z0-9-]+$", parentSchema: schema28.properties["aws-region"], data: data1 };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      } else {
        const err5 = { instancePath: instancePath + "/aws-region", schemaPath: "#/properties/aws-region/type", keyword: "type", params: { type: "string" }, schema: schema28.properties["aws-region"].type, parentSchema: schema28.properties["aws-region"], data: data1 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.audience !== void 0) {
      let data2 = data.audience;
      if (typeof data2 === "string") {
        if (!pattern5.test(data2)) {
          const err6 = { instancePath: instancePath + "/audience", schemaPath: "#/properties/audience/pattern", keyword: "pattern", params: { pattern: "\\S" }, schema: "\\S", parentSchema: schema28.properties.audience, data: data2 };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
      } else {
        const err7 = { instancePath: instancePath + "/audience", schemaPath: "#/properties/audience/type", keyword: "type", params: { type: "string" }, schema: schema28.properties.audience.type, parentSchema: schema28.properties.audience, data: data2 };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data["role-duration-seconds"] !== void 0) {
      let data3 = data["role-duration-seconds"];
      if (!(typeof data3 == "number" && (!(data3 % 1) && !isNaN(data3)) && isFinite(data3))) {
        const err8 = { instancePath: instancePath + "/role-duration-seconds", schemaPath: "#/properties/role-duration-seconds/type", keyword: "type", params: { type: "integer" }, schema: schema28.properties["role-duration-seconds"].type, parentSchema: schema28.properties["role-duration-seconds"], data: data3 };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
      if (typeof data3 == "number" && isFinite(data3)) {
        if (data3 <= 0 || isNaN(data3)) {
          const err9 = { instancePath: instancePath + "/role-duration-seconds", schemaPath: "#/properties/role-duration-seconds/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, schema: 0, parentSchema: schema28.properties["role-duration-seconds"], data: data3 };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
      }
    }
    if (data["role-session-name"] !== void 0) {
      let data4 = data["role-session-name"];
      if (typeof data4 !== "string") {
        const err10 = { instancePath: instancePath + "/role-session-name", schemaPath: "#/properties/role-session-name/type", keyword: "type", params: { type: "string" }, schema: schema28.properties["role-session-name"].type, parentSchema: schema28.properties["role-session-name"], data: data4 };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data["inline-session-policy"] !== void 0) {
      let data5 = data["inline-session-policy"];
      if (!(data5 && typeof data5 == "object" && !Array.isArray(data5)) && typeof data5 !== "string") {
        const err11 = { instancePath: instancePath + "/inline-session-policy", schemaPath: "#/properties/inline-session-policy/type", keyword: "type", params: { type: schema28.properties["inline-session-policy"].type }, schema: schema28.properties["inline-session-policy"].type, parentSchema: schema28.properties["inline-session-policy"], data: data5 };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data["managed-session-policies"] !== void 0) {
      let data6 = data["managed-session-policies"];
      if (Array.isArray(data6)) {
        const len0 = data6.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data7 = data6[i0];
          if (typeof data7 === "string") {
            if (!pattern16.test(data7)) {
              const err12 = { instancePath: instancePath + "/managed-session-policies/" + i0, schemaPath: "#/properties/managed-session-policies/items/pattern", keyword: "pattern", params: { pattern: "^arn:aws[a-z-]*:iam::(\\d{12}|aws):policy/[\\w+=,.@/-]+$" }, schema: "^arn:aws[a-z-]*:iam::(\\d{12}|aws):policy/[\\w+=,.@/-]+$", parentSchema: schema28.properties["managed-session-policies"].items, data: data7 };
              if (vErrors === null) {
                vErrors = [err12];
              } else {
                vErrors.push(err12);
              }
              errors++;
            }
          } else {
            const err13 = { instancePath: instancePath + "/managed-session-policies/" + i0, schemaPath: "#/properties/managed-session-policies/items/type", keyword: "type", params: { type: "string" }, schema: schema28.properties["managed-session-policies"].items.type, parentSchema: schema28.properties["managed-session-policies"].items, data: data7 };
            if (vErrors === null) {
              vErrors = [err13];
            } else {
              vErrors.push(err13);
            }
            errors++;
          }
        }
      } else {
        const err14 = { instancePath: instancePath + "/managed-session-policies", schemaPath: "#/properties/managed-session-policies/type", keyword: "type", params: { type: "array" }, schema: schema28.properties["managed-session-policies"].type, parentSchema: schema28.properties["managed-session-policies"], data: data6 };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
    if (data["role-chaining"] !== void 0) {
      let data8 = data["role-chaining"];
      if (typeof data8 !== "boolean") {
        const err15 = { instancePath: instancePath + "/role-chaining", schemaPath: "#/properties/role-chaining/type", keyword: "type", params: { type: "boolean" }, schema: schema28.properties["role-chaining"].type, parentSchema: schema28.properties["role-chaining"], data: data8 };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
    if (data["role-skip-session-tagging"] !== void 0) {
      let data9 = data["role-skip-session-tagging"];
      if (typeof data9 !== "boolean") {
        const err16 = { instancePath: instancePath + "/role-skip-session-tagging", schemaPath: "#/properties/role-skip-session-tagging/type", keyword: "type", params: { type: "boolean" }, schema: schema28.properties["role-skip-session-tagging"].type, parentSchema: schema28.properties["role-skip-session-tagging"], data: data9 };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
    if (data["custom-tags"] !== void 0) {
      let data10 = data["custom-tags"];
      if (data10 && typeof data10 == "object" && !Array.isArray(data10)) {
        for (const key1 in data10) {
          let data11 = data10[key1];
          if (typeof data11 !== "string") {
            const err17 = { instancePath: instancePath + "/custom-tags/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/custom-tags/additionalProperties/type", keyword: "type", params: { type: "string" }, schema: schema28.properties["custom-tags"].additionalProperties.type, parentSchema: schema28.properties["custom-tags"].additionalProperties, data: data11 };
            if (vErrors === null) {
              vErrors = [err17];
            } else {
              vErrors.push(err17);
            }
            errors++;
          }
        }
      } else {
        const err18 = { instancePath: instancePath + "/custom-tags", schemaPath: "#/properties/custom-tags/type", keyword: "type", params: { type: "object" }, schema: schema28.properties["custom-tags"].type, parentSchema: schema28.properties["custom-tags"], data: data10 };
        if (vErrors === null) {
          vErrors = [err18];
        } else {
          vErrors.push(err18);
        }
        errors++;
      }
    }
    if (data["transitive-tag-keys"] !== void 0) {
      let data12 = data["transitive-tag-keys"];
      if (Array.isArray(data12)) {
        const len1 = data12.length;
        for (let i1 = 0; i1 < len1; i1++) {
          let data13 = data12[i1];
          if (typeof data13 !== "string") {
            const err19 = { instancePath: instancePath + "/transitive-tag-keys/" + i1, schemaPath: "#/properties/transitive-tag-keys/items/type", keyword: "type", params: { type: "string" }, schema: schema28.properties["transitive-tag-keys"].items.type, parentSchema: schema28.properties["transitive-tag-keys"].items, data: data13 };
            if (vErrors === null) {
              vErrors = [err19];
            } else {
              vErrors.push(err19);
            }
            errors++;
          }
        }
      } else {
        const err20 = { instancePath: instancePath + "/transitive-tag-keys", schemaPath: "#/properties/transitive-tag-keys/type", keyword: "type", params: { type: "array" }, schema: schema28.properties["transitive-tag-keys"].type, parentSchema: schema28.properties["transitive-tag-keys"], data: data12 };
        if (vErrors === null) {
          vErrors = [err20];
        } else {
          vErrors.push(err20);
        }
        errors++;
      }
    }
    if (data["role-external-id"] !== void 0) {
      let data14 = data["role-external-id"];
      if (typeof data14 === "string") {
        if (!pattern17.test(data14)) {
          const err21 = { instancePath: instancePath + "/role-external-id", schemaPath: "#/properties/role-external-id/pattern", keyword: "pattern", params: { pattern: "^[\\w+=,.@:/-]{2,1224}$" }, schema: "^[\\w+=,.@:/-]{2,1224}$", parentSchema: schema28.properties["role-external-id"], data: data14 };
          if (vErrors === null) {
            vErrors = [err21];
          } else {
            vErrors.push(err21);
          }
          errors++;
        }
      } else {
        const err22 = { instancePath: instancePath + "/role-external-id", schemaPath: "#/properties/role-external-id/type", keyword: "type", params: { type: "string" }, schema: schema28.properties["role-external-id"].type, parentSchema: schema28.properties["role-external-id"], data: data14 };
        if (vErrors === null) {
          vErrors = [err22];
        } else {
          vErrors.push(err22);
        }
        errors++;
      }
    }
    if (data["web-identity-token-file"] !== void 0) {
      let data15 = data["web-identity-token-file"];
      if (typeof data15 !== "string") {
        const err23 = { instancePath: instancePath + "/web-identity-token-file", schemaPath: "#/properties/web-identity-token-file/type", keyword: "type", params: { type: "string" }, schema: schema28.properties["web-identity-token-file"].type, parentSchema: schema28.properties["web-identity-token-file"], data: data15 };
        if (vErrors === null) {
          vErrors = [err23];
        } else {
          vErrors.push(err23);
        }
        errors++;
      }
    }
    if (data["expected-duration"] !== void 0) {
      if (!validate53(data["expected-duration"], { instancePath: instancePath + "/expected-duration", parentData: data, parentDataProperty: "expected-duration", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate53.errors : vErrors.concat(validate53.errors);
        errors = vErrors.length;
      }
    }
    if (data.permissions !== void 0) {
      if (!validate84(data.permissions, { instancePath: instancePath + "/permissions", parentData: data, parentDataProperty: "permissions", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate84.errors : vErrors.concat(validate84.errors);
        errors = vErrors.length;
      }
    }
    if (data.environments !== void 0) {
      let data18 = data.environments;
      if (data18 && typeof data18 == "object" && !Array.isArray(data18)) {
        for (const key2 in data18) {
          const _errs44 = errors;
          if (typeof key2 === "string") {
            if (!pattern5.test(key2)) {
              const err24 = { instancePath: instancePath + "/environments", schemaPath: "#/properties/environments/propertyNames/pattern", keyword: "pattern", params: { pattern: "\\S" }, schema: "\\S", parentSchema: schema28.properties.environments.propertyNames, data: key2, propertyName: key2 };
              if (vErrors === null) {
                vErrors = [err24];
              } else {
                vErrors.push(err24);
              }
              errors++;
            }
          }
          var valid6 = _errs44 === errors;
          if (!valid6) {
            const err25 = { instancePath: instancePath + "/environments", schemaPath: "#/properties/environments/propertyNames", keyword: "propertyNames", params: { propertyName: key2 }, schema: schema28.properties.environments.propertyNames, parentSchema: schema28.properties.environments, data: data18 };
            if (vErrors === null) {
              vErrors = [err25];
            } else {
              vErrors.push(err25);
            }
            errors++;
          }
        }
        for (const key3 in data18) {
          if (!validate84(data18[key3], { instancePath: instancePath + "/environments/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), parentData: data18, parentDataProperty: key3, rootData, dynamicAnchors })) {
            vErrors = vErrors === null ? validate84.errors : vErrors.concat(validate84.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err26 = { instancePath: instancePath + "/environments", schemaPath: "#/properties/environments/type", keyword: "type", params: { type: "object" }, schema: schema28.properties.environments.type, parentSchema: schema28.properties.environments, data: data18 };
        if (vErrors === null) {
          vErrors = [err26];
        } else {
          vErrors.push(err26);
        }
        errors++;
      }
    }
    if (data["policy-files"] !== void 0) {
      if (!validate89(data["policy-files"], { instancePath: instancePath + "/policy-files", parentData: data, parentDataProperty: "policy-files", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate89.errors : vErrors.concat(validate89.errors);
        errors = vErrors.length;
      }
    }
    if (data["live-reads"] !== void 0) {
      if (!validate91(data["live-reads"], { instancePath: instancePath + "/live-reads", parentData: data, parentDataProperty: "live-reads", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate91.errors : vErrors.concat(validate91.errors);
        errors = vErrors.length;
      }
    }
    if (data.probe !== void 0) {
      if (!validate93(data.probe, { instancePath: instancePath + "/probe", parentData: data, parentDataProperty: "probe", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate93.errors : vErrors.concat(validate93.errors);
        errors = vErrors.length;
      }
    }
    if (data["cross-check"] !== void 0) {
      if (!validate95(data["cross-check"], { instancePath: instancePath + "/cross-check", parentData: data, parentDataProperty: "cross-check", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate95.errors : vErrors.concat(validate95.errors);
        errors = vErrors.length;
      }
    }
    if (data.organizations !== void 0) {
      if (!validate97(data.organizations, { instancePath: instancePath + "/organizations", parentData: data, parentDataProperty: "organizations", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate97.errors : vErrors.concat(validate97.errors);
        errors = vErrors.length;
      }
    }
    if (data["no-resource-policy"] !== void 0) {
      if (!validate99(data["no-resource-policy"], { instancePath: instancePath + "/no-resource-policy", parentData: data, parentDataProperty: "no-resource-policy", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate99.errors : vErrors.concat(validate99.errors);
        errors = vErrors.length;
      }
    }
  } else {
    const err27 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, schema: schema28.type, parentSchema: schema28, data };
    if (vErrors === null) {
      vErrors = [err27];
    } else {
      vErrors.push(err27);
    }
    errors++;
  }
  validate82.errors = vErrors;
  return errors === 0;
}
validate82.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
function validate81(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate81.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
      if (!(key0 === "roles" || key0 === "policy-files" || key0 === "live-reads" || key0 === "probe" || key0 === "cross-check" || key0 === "organizations" || key0 === "no-resource-policy")) {
        const err0 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, schema: false, parentSchema: schema27, data };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (data.roles !== void 0) {
      let data0 = data.roles;
      if (Array.isArray(data0)) {
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          if (!validate82(data0[i0], { instancePath: instancePath + "/roles/" + i0, parentData: data0, parentDataProperty: i0, rootData, dynamicAnchors })) {
            vErrors = vErrors === null ? validate82.errors : vErrors.concat(validate82.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err1 = { instancePath: instancePath + "/roles", schemaPath: "#/properties/roles/type", keyword: "type", params: { type: "array" }, schema: schema27.properties.roles.type, parentSchema: schema27.properties.roles, data: data0 };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data["policy-files"] !== void 0) {
      if (!validate89(data["policy-files"], { instancePath: instancePath + "/policy-files", parentData: data, parentDataProperty: "policy-files", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate89.errors : vErrors.concat(validate89.errors);
        errors = vErrors.length;
      }
    }
    if (data["live-reads"] !== void 0) {
      if (!validate91(data["live-reads"], { instancePath: instancePath + "/live-reads", parentData: data, parentDataProperty: "live-reads", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate91.errors : vErrors.concat(validate91.errors);
        errors = vErrors.length;
      }
    }
    if (data.probe !== void 0) {
      if (!validate93(data.probe, { instancePath: instancePath + "/probe", parentData: data, parentDataProperty: "probe", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate93.errors : vErrors.concat(validate93.errors);
        errors = vErrors.length;
      }
    }
    if (data["cross-check"] !== void 0) {
      if (!validate95(data["cross-check"], { instancePath: instancePath + "/cross-check", parentData: data, parentDataProperty: "cross-check", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate95.errors : vErrors.concat(validate95.errors);
        errors = vErrors.length;
      }
    }
    if (data.organizations !== void 0) {
      if (!validate97(data.organizations, { instancePath: instancePath + "/organizations", parentData: data, parentDataProperty: "organizations", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate97.errors : vErrors.concat(validate97.errors);
        errors = vErrors.length;
      }
    }
    if (data["no-resource-policy"] !== void 0) {
      if (!validate99(data["no-resource-policy"], { instancePath: instancePath + "/no-resource-policy", parentData: data, parentDataProperty: "no-resource-policy", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate99.errors : vErrors.concat(validate99.errors);
        errors = vErrors.length;
      }
    }
  } else {
    const err2 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, schema: schema27.type, parentSchema: schema27, data };
    if (vErrors === null) {
      vErrors = [err2];
    } else {
      vErrors.push(err2);
    }
    errors++;
  }
  validate81.errors = vErrors;
  return errors === 0;
}
validate81.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
var schema37 = { "type": "object", "additionalProperties": false, "properties": { "default-token-permissions": { "enum": ["read", "write"] }, "repository-visibility": { "enum": ["public", "private", "internal"] }, "job-token-needs": { "type": "object", "propertyNames": { "pattern": "^[A-Za-z_][A-Za-z0-9_-]*$", "patternErrorMessage": "must be a job id" }, "additionalProperties": { "type": "object", "propertyNames": { "enum": ["actions", "artifact-metadata", "attestations", "checks", "code-quality", "contents", "copilot-requests", "deployments", "discussions", "drives", "id-token", "issues", "models", "packages", "pages", "pull-requests", "repository-projects", "security-events", "statuses", "vulnerability-alerts"] }, "additionalProperties": { "enum": ["read", "write"] } } }, "variables": { "type": "object", "additionalProperties": false, "properties": { "repository": { "type": "object", "propertyNames": { "pattern": "^[A-Za-z_][A-Za-z0-9_]*$", "patternErrorMessage": "must be a variable name: letters, digits and _, not starting with a digit" }, "additionalProperties": { "type": "string" } }, "environments": { "type": "object", "propertyNames": { "pattern": "\\S", "patternErrorMessage": "must be an environment name" }, "additionalProperties": { "type": "object", "propertyNames": { "pattern": "^[A-Za-z_][A-Za-z0-9_]*$", "patternErrorMessage": "must be a variable name: letters, digits and _, not starting with a digit" }, "additionalProperties": { "type": "string" } } }, "complete": { "type": "boolean" } } }, "secret-arns": { "type": "object", "additionalProperties": false, "properties": { "repository": { "type": "object", "propertyNames": { "pattern": "^[A-Za-z_][A-Za-z0-9_]*$", "patternErrorMessage": "must be a secret name: letters, digits and _, not starting with a digit" }, "additionalProperties": { "type": "string", "pattern": "^(arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+|\\d{12}|(?=[\\w+=,.@/-]{1,576}$)([\\w+=,.@-]+/)*[\\w+=,.@-]{1,64})$", "patternErrorMessage": "must be a role ARN (arn:aws:iam::111122223333:role/deploy), a 12-digit account ID or a role name (deploy, or with its path: ci/deploy): only what is not secret in itself is declared here" } }, "environments": { "type": "object", "propertyNames": { "pattern": "\\S", "patternErrorMessage": "must be an environment name" }, "additionalProperties": { "type": "object", "propertyNames": { "pattern": "^[A-Za-z_][A-Za-z0-9_]*$", "patternErrorMessage": "must be a secret name: letters, digits and _, not starting with a digit" }, "additionalProperties": { "type": "string", "pattern": "^(arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+|\\d{12}|(?=[\\w+=,.@/-]{1,576}$)([\\w+=,.@-]+/)*[\\w+=,.@-]{1,64})$", "patternErrorMessage": "must be a role ARN (arn:aws:iam::111122223333:role/deploy), a 12-digit account ID or a role name (deploy, or with its path: ci/deploy): only what is not secret in itself is declared here" } } } } } } };
var pattern22 = new RegExp("^[A-Za-z_][A-Za-z0-9_-]*$", "u");
var pattern27 = new RegExp("^(arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+|\\d{12}|(?=[\\w+=,.@/-]{1,576}$)([\\w+=,.@-]+/)*[\\w+=,.@-]{1,64})$", "u");
function validate109(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate109.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
      if (!(key0 === "default-token-permissions" || key0 === "repository-visibility" || key0 === "job-token-needs" || key0 === "variables" || key0 === "secret-arns")) {
        const err0 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, schema: false, parentSchema: schema37, data };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (data["default-token-permissions"] !== void 0) {
      let data0 = data["default-token-permissions"];
      if (!(data0 === "read" || data0 === "write")) {
        const err1 = { instancePath: instancePath + "/default-token-permissions", schemaPath: "#/properties/default-token-permissions/enum", keyword: "enum", params: { allowedValues: schema37.properties["default-token-permissions"].enum }, schema: schema37.properties["default-token-permissions"].enum, parentSchema: schema37.properties["default-token-permissions"], data: data0 };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data["repository-visibility"] !== void 0) {
      let data1 = data["repository-visibility"];
      if (!(data1 === "public" || data1 === "private" || data1 === "internal")) {
        const err2 = { instancePath: instancePath + "/repository-visibility", schemaPath: "#/properties/repository-visibility/enum", keyword: "enum", params: { allowedValues: schema37.properties["repository-visibility"].enum }, schema: schema37.properties["repository-visibility"].enum, parentSchema: schema37.properties["repository-visibility"], data: data1 };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data["job-token-needs"] !== void 0) {
      let data2 = data["job-token-needs"];
      if (data2 && typeof data2 == "object" && !Array.isArray(data2)) {
        for (const key1 in data2) {
          const _errs6 = errors;
          if (typeof key1 === "string") {
            if (!pattern22.test(key1)) {
              const err3 = { instancePath: instancePath + "/job-token-needs", schemaPath: "#/properties/job-token-needs/propertyNames/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z_][A-Za-z0-9_-]*$" }, schema: "^[A-Za-z_][A-Za-z0-9_-]*$", parentSchema: schema37.properties["job-token-needs"].propertyNames, data: key1, propertyName: key1 };
              if (vErrors === null) {
                vErrors = [err3];
              } else {
                vErrors.push(err3);
              }
              errors++;
            }
          }
          var valid1 = _errs6 === errors;
          if (!valid1) {
            const err4 = { instancePath: instancePath + "/job-token-needs", schemaPath: "#/properties/job-token-needs/propertyNames", keyword: "propertyNames", params: { propertyName: key1 }, schema: schema37.properties["job-token-needs"].propertyNames, parentSchema: schema37.properties["job-token-needs"], data: data2 };
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors++;
          }
        }
        for (const key2 in data2) {
          let data3 = data2[key2];
          if (data3 && typeof data3 == "object" && !Array.isArray(data3)) {
            for (const key3 in data3) {
              const _errs11 = errors;
              if (!(key3 === "actions" || key3 === "artifact-metadata" || key3 === "attestations" || key3 === "checks" || key3 === "code-quality" || key3 === "contents" || key3 === "copilot-requests" || key3 === "deployments" || key3 === "discussions" || key3 === "drives" || key3 === "id-token" || key3 === "issues" || key3 === "models" || key3 === "packages" || key3 === "pages" || key3 === "pull-requests" || key3 === "repository-projects" || key3 === "security-events" || key3 === "statuses" || key3 === "vulnerability-alerts")) {
                const err5 = { instancePath: instancePath + "/job-token-needs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/job-token-needs/additionalProperties/propertyNames/enum", keyword: "enum", params: { allowedValues: schema37.properties["job-token-needs"].additionalProperties.propertyNames.enum }, schema: schema37.properties["job-token-needs"].additionalProperties.propertyNames.enum, parentSchema: schema37.properties["job-token-needs"].additionalProperties.propertyNames, data: key3, propertyName: key3 };
                if (vErrors === null) {
                  vErrors = [err5];
                } else {
                  vErrors.push(err5);
                }
                errors++;
              }
              var valid3 = _errs11 === errors;
              if (!valid3) {
                const err6 = { instancePath: instancePath + "/job-token-needs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/job-token-needs/additionalProperties/propertyNames", keyword: "propertyNames", params: { propertyName: key3 }, schema: schema37.properties["job-token-needs"].additionalProperties.propertyNames, parentSchema: schema37.properties["job-token-needs"].additionalProperties, data: data3 };
                if (vErrors === null) {
                  vErrors = [err6];
                } else {
                  vErrors.push(err6);
                }
                errors++;
              }
            }
            for (const key4 in data3) {
              let data4 = data3[key4];
              if (!(data4 === "read" || data4 === "write")) {
                const err7 = { instancePath: instancePath + "/job-token-needs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/job-token-needs/additionalProperties/additionalProperties/enum", keyword: "enum", params: { allowedValues: schema37.properties["job-token-needs"].additionalProperties.additionalProperties.enum }, schema: schema37.properties["job-token-needs"].additionalProperties.additionalProperties.enum, parentSchema: schema37.properties["job-token-needs"].additionalProperties.additionalProperties, data: data4 };
                if (vErrors === null) {
                  vErrors = [err7];
                } else {
                  vErrors.push(err7);
                }
                errors++;
              }
            }
          } else {
            const err8 = { instancePath: instancePath + "/job-token-needs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/job-token-needs/additionalProperties/type", keyword: "type", params: { type: "object" }, schema: schema37.properties["job-token-needs"].additionalProperties.type, parentSchema: schema37.properties["job-token-needs"].additionalProperties, data: data3 };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
        }
      } else {
        const err9 = { instancePath: instancePath + "/job-token-needs", schemaPath: "#/properties/job-token-needs/type", keyword: "type", params: { type: "object" }, schema: schema37.properties["job-token-needs"].type, parentSchema: schema37.properties["job-token-needs"], data: data2 };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    if (data.variables !== void 0) {
      let data5 = data.variables;
      if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
        for (const key5 in data5) {
          if (!(key5 === "repository" || key5 === "environments" || key5 === "complete")) {
            const err10 = { instancePath: instancePath + "/variables", schemaPath: "#/properties/variables/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, schema: false, parentSchema: schema37.properties.variables, data: data5 };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        }
        if (data5.repository !== void 0) {
          let data6 = data5.repository;
          if (data6 && typeof data6 == "object" && !Array.isArray(data6)) {
            for (const key6 in data6) {
              const _errs19 = errors;
              if (typeof key6 === "string") {
                if (!pattern9.test(key6)) {
                  const err11 = { instancePath: instancePath + "/variables/repository", schemaPath: "#/properties/variables/properties/repository/propertyNames/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$" }, schema: "^[A-Za-z_][A-Za-z0-9_]*$", parentSchema: schema37.properties.variables.properties.repository.propertyNames, data: key6, propertyName: key6 };
                  if (vErrors === null) {
                    vErrors = [err11];
                  } else {
                    vErrors.push(err11);
                  }
                  errors++;
                }
              }
              var valid6 = _errs19 === errors;
              if (!valid6) {
                const err12 = { instancePath: instancePath + "/variables/repository", schemaPath: "#/properties/variables/properties/repository/propertyNames", keyword: "propertyNames", params: { propertyName: key6 }, schema: schema37.properties.variables.properties.repository.propertyNames, parentSchema: schema37.properties.variables.properties.repository, data: data6 };
                if (vErrors === null) {
                  vErrors = [err12];
                } else {
                  vErrors.push(err12);
                }
                errors++;
              }
            }
            for (const key7 in data6) {
              let data7 = data6[key7];
              if (typeof data7 !== "string") {
                const err13 = { instancePath: instancePath + "/variables/repository/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/variables/properties/repository/additionalProperties/type", keyword: "type", params: { type: "string" }, schema: schema37.properties.variables.properties.repository.additionalProperties.type, parentSchema: schema37.properties.variables.properties.repository.additionalProperties, data: data7 };
                if (vErrors === null) {
                  vErrors = [err13];
                } else {
                  vErrors.push(err13);
                }
                errors++;
              }
            }
          } else {
            const err14 = { instancePath: instancePath + "/variables/repository", schemaPath: "#/properties/variables/properties/repository/type", keyword: "type", params: { type: "object" }, schema: schema37.properties.variables.properties.repository.type, parentSchema: schema37.properties.variables.properties.repository, data: data6 };
            if (vErrors === null) {
              vErrors = [err14];
            } else {
              vErrors.push(err14);
            }
            errors++;
          }
        }
        if (data5.environments !== void 0) {
          let data8 = data5.environments;
          if (data8 && typeof data8 == "object" && !Array.isArray(data8)) {
            for (const key8 in data8) {
              const _errs26 = errors;
              if (typeof key8 === "string") {
                if (!pattern5.test(key8)) {
                  const err15 = { instancePath: instancePath + "/variables/environments", schemaPath: "#/properties/variables/properties/environments/propertyNames/pattern", keyword: "pattern", params: { pattern: "\\S" }, schema: "\\S", parentSchema: schema37.properties.variables.properties.environments.propertyNames, data: key8, propertyName: key8 };
                  if (vErrors === null) {
                    vErrors = [err15];
                  } else {
                    vErrors.push(err15);
                  }
                  errors++;
                }
              }
              var valid8 = _errs26 === errors;
              if (!valid8) {
                const err16 = { instancePath: instancePath + "/variables/environments", schemaPath: "#/properties/variables/properties/environments/propertyNames", keyword: "propertyNames", params: { propertyName: key8 }, schema: schema37.properties.variables.properties.environments.propertyNames, parentSchema: schema37.properties.variables.properties.environments, data: data8 };
                if (vErrors === null) {
                  vErrors = [err16];
                } else {
                  vErrors.push(err16);
                }
                errors++;
              }
            }
            for (const key9 in data8) {
              let data9 = data8[key9];
              if (data9 && typeof data9 == "object" && !Array.isArray(data9)) {
                for (const key10 in data9) {
                  const _errs31 = errors;
                  if (typeof key10 === "string") {
                    if (!pattern9.test(key10)) {
                      const err17 = { instancePath: instancePath + "/variables/environments/" + key9.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/variables/properties/environments/additionalProperties/propertyNames/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$" }, schema: "^[A-Za-z_][A-Za-z0-9_]*$", parentSchema: schema37.properties.variables.properties.environments.additionalProperties.propertyNames, data: key10, propertyName: key10 };
                      if (vErrors === null) {
                        vErrors = [err17];
                      } else {
                        vErrors.push(err17);
                      }
                      errors++;
                    }
                  }
                  var valid10 = _errs31 === errors;
                  if (!valid10) {
                    const err18 = { instancePath: instancePath + "/variables/environments/" + key9.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/variables/properties/environments/additionalProperties/propertyNames", keyword: "propertyNames", params: { propertyName: key10 }, schema: schema37.properties.variables.properties.environments.additionalProperties.propertyNames, parentSchema: schema37.properties.variables.properties.environments.additionalProperties, data: data9 };
                    if (vErrors === null) {
                      vErrors = [err18];
                    } else {
                      vErrors.push(err18);
                    }
                    errors++;
                  }
                }
                for (const key11 in data9) {
                  let data10 = data9[key11];
                  if (typeof data10 !== "string") {
                    const err19 = { instancePath: instancePath + "/variables/environments/" + key9.replace(/~/g, "~0").replace(/\//g, "~1") + "/" + key11.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/variables/properties/environments/additionalProperties/additionalProperties/type", keyword: "type", params: { type: "string" }, schema: schema37.properties.variables.properties.environments.additionalProperties.additionalProperties.type, parentSchema: schema37.properties.variables.properties.environments.additionalProperties.additionalProperties, data: data10 };
                    if (vErrors === null) {
                      vErrors = [err19];
                    } else {
                      vErrors.push(err19);
                    }
                    errors++;
                  }
                }
              } else {
                const err20 = { instancePath: instancePath + "/variables/environments/" + key9.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/variables/properties/environments/additionalProperties/type", keyword: "type", params: { type: "object" }, schema: schema37.properties.variables.properties.environments.additionalProperties.type, parentSchema: schema37.properties.variables.properties.environments.additionalProperties, data: data9 };
                if (vErrors === null) {
                  vErrors = [err20];
                } else {
                  vErrors.push(err20);
                }
                errors++;
              }
            }
          } else {
            const err21 = { instancePath: instancePath + "/variables/environments", schemaPath: "#/properties/variables/properties/environments/type", keyword: "type", params: { type: "object" }, schema: schema37.properties.variables.properties.environments.type, parentSchema: schema37.properties.variables.properties.environments, data: data8 };
            if (vErrors === null) {
              vErrors = [err21];
            } else {
              vErrors.push(err21);
            }
            errors++;
          }
        }
        if (data5.complete !== void 0) {
          let data11 = data5.complete;
          if (typeof data11 !== "boolean") {
            const err22 = { instancePath: instancePath + "/variables/complete", schemaPath: "#/properties/variables/properties/complete/type", keyword: "type", params: { type: "boolean" }, schema: schema37.properties.variables.properties.complete.type, parentSchema: schema37.properties.variables.properties.complete, data: data11 };
            if (vErrors === null) {
              vErrors = [err22];
            } else {
              vErrors.push(err22);
            }
            errors++;
          }
        }
      } else {
        const err23 = { instancePath: instancePath + "/variables", schemaPath: "#/properties/variables/type", keyword: "type", params: { type: "object" }, schema: schema37.properties.variables.type, parentSchema: schema37.properties.variables, data: data5 };
        if (vErrors === null) {
          vErrors = [err23];
        } else {
          vErrors.push(err23);
        }
        errors++;
      }
    }
    if (data["secret-arns"] !== void 0) {
      let data12 = data["secret-arns"];
      if (data12 && typeof data12 == "object" && !Array.isArray(data12)) {
        for (const key12 in data12) {
          if (!(key12 === "repository" || key12 === "environments")) {
            const err24 = { instancePath: instancePath + "/secret-arns", schemaPath: "#/properties/secret-arns/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key12 }, schema: false, parentSchema: schema37.properties["secret-arns"], data: data12 };
            if (vErrors === null) {
              vErrors = [err24];
            } else {
              vErrors.push(err24);
            }
            errors++;
          }
        }
        if (data12.repository !== void 0) {
          let data13 = data12.repository;
          if (data13 && typeof data13 == "object" && !Array.isArray(data13)) {
            for (const key13 in data13) {
              const _errs43 = errors;
              if (typeof key13 === "string") {
                if (!pattern9.test(key13)) {
                  const err25 = { instancePath: instancePath + "/secret-arns/repository", schemaPath: "#/properties/secret-arns/properties/repository/propertyNames/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$" }, schema: "^[A-Za-z_][A-Za-z0-9_]*$", parentSchema: schema37.properties["secret-arns"].properties.repository.propertyNames, data: key13, propertyName: key13 };
                  if (vErrors === null) {
                    vErrors = [err25];
                  } else {
                    vErrors.push(err25);
                  }
                  errors++;
                }
              }
              var valid13 = _errs43 === errors;
              if (!valid13) {
                const err26 = { instancePath: instancePath + "/secret-arns/repository", schemaPath: "#/properties/secret-arns/properties/repository/propertyNames", keyword: "propertyNames", params: { propertyName: key13 }, schema: schema37.properties["secret-arns"].properties.repository.propertyNames, parentSchema: schema37.properties["secret-arns"].properties.repository, data: data13 };
                if (vErrors === null) {
                  vErrors = [err26];
                } else {
                  vErrors.push(err26);
                }
                errors++;
              }
            }
            for (const key14 in data13) {
              let data14 = data13[key14];
              if (typeof data14 === "string") {
                if (!pattern27.test(data14)) {
                  const err27 = { instancePath: instancePath + "/secret-arns/repository/" + key14.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/secret-arns/properties/repository/additionalProperties/pattern", keyword: "pattern", params: { pattern: "^(arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+|\\d{12}|(?=[\\w+=,.@/-]{1,576}$)([\\w+=,.@-]+/)*[\\w+=,.@-]{1,64})$" }, schema: "^(arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+|\\d{12}|(?=[\\w+=,.@/-]{1,576}$)([\\w+=,.@-]+/)*[\\w+=,.@-]{1,64})$", parentSchema: schema37.properties["secret-arns"].properties.repository.additionalProperties, data: data14 };
                  if (vErrors === null) {
                    vErrors = [err27];
                  } else {
                    vErrors.push(err27);
                  }
                  errors++;
                }
              } else {
                const err28 = { instancePath: instancePath + "/secret-arns/repository/" + key14.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/secret-arns/properties/repository/additionalProperties/type", keyword: "type", params: { type: "string" }, schema: schema37.properties["secret-arns"].properties.repository.additionalProperties.type, parentSchema: schema37.properties["secret-arns"].properties.repository.additionalProperties, data: data14 };
                if (vErrors === null) {
                  vErrors = [err28];
                } else {
                  vErrors.push(err28);
                }
                errors++;
              }
            }
          } else {
            const err29 = { instancePath: instancePath + "/secret-arns/repository", schemaPath: "#/properties/secret-arns/properties/repository/type", keyword: "type", params: { type: "object" }, schema: schema37.properties["secret-arns"].properties.repository.type, parentSchema: schema37.properties["secret-arns"].properties.repository, data: data13 };
            if (vErrors === null) {
              vErrors = [err29];
            } else {
              vErrors.push(err29);
            }
            errors++;
          }
        }
        if (data12.environments !== void 0) {
          let data15 = data12.environments;
          if (data15 && typeof data15 == "object" && !Array.isArray(data15)) {
            for (const key15 in data15) {
              const _errs51 = errors;
              if (typeof key15 === "string") {
                if (!pattern5.test(key15)) {
                  const err30 = { instancePath: instancePath + "/secret-arns/environments", schemaPath: "#/properties/secret-arns/properties/environments/propertyNames/pattern", keyword: "pattern", params: { pattern: "\\S" }, schema: "\\S", parentSchema: schema37.properties["secret-arns"].properties.environments.propertyNames, data: key15, propertyName: key15 };
                  if (vErrors === null) {
                    vErrors = [err30];
                  } else {
                    vErrors.push(err30);
                  }
                  errors++;
                }
              }
              var valid15 = _errs51 === errors;
              if (!valid15) {
                const err31 = { instancePath: instancePath + "/secret-arns/environments", schemaPath: "#/properties/secret-arns/properties/environments/propertyNames", keyword: "propertyNames", params: { propertyName: key15 }, schema: schema37.properties["secret-arns"].properties.environments.propertyNames, parentSchema: schema37.properties["secret-arns"].properties.environments, data: data15 };
                if (vErrors === null) {
                  vErrors = [err31];
                } else {
                  vErrors.push(err31);
                }
                errors++;
              }
            }
            for (const key16 in data15) {
              let data16 = data15[key16];
              if (data16 && typeof data16 == "object" && !Array.isArray(data16)) {
                for (const key17 in data16) {
                  const _errs56 = errors;
                  if (typeof key17 === "string") {
                    if (!pattern9.test(key17)) {
                      const err32 = { instancePath: instancePath + "/secret-arns/environments/" + key16.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/secret-arns/properties/environments/additionalProperties/propertyNames/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$" }, schema: "^[A-Za-z_][A-Za-z0-9_]*$", parentSchema: schema37.properties["secret-arns"].properties.environments.additionalProperties.propertyNames, data: key17, propertyName: key17 };
                      if (vErrors === null) {
                        vErrors = [err32];
                      } else {
                        vErrors.push(err32);
                      }
                      errors++;
                    }
                  }
                  var valid17 = _errs56 === errors;
                  if (!valid17) {
                    const err33 = { instancePath: instancePath + "/secret-arns/environments/" + key16.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/secret-arns/properties/environments/additionalProperties/propertyNames", keyword: "propertyNames", params: { propertyName: key17 }, schema: schema37.properties["secret-arns"].properties.environments.additionalProperties.propertyNames, parentSchema: schema37.properties["secret-arns"].properties.environments.additionalProperties, data: data16 };
                    if (vErrors === null) {
                      vErrors = [err33];
                    } else {
                      vErrors.push(err33);
                    }
                    errors++;
                  }
                }
                for (const key18 in data16) {
                  let data17 = data16[key18];
                  if (typeof data17 === "string") {
                    if (!pattern27.test(data17)) {
                      const err34 = { instancePath: instancePath + "/secret-arns/environments/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/" + key18.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/secret-arns/properties/environments/additionalProperties/additionalProperties/pattern", keyword: "pattern", params: { pattern: "^(arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+|\\d{12}|(?=[\\w+=,.@/-]{1,576}$)([\\w+=,.@-]+/)*[\\w+=,.@-]{1,64})$" }, schema: "^(arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+|\\d{12}|(?=[\\w+=,.@/-]{1,576}$)([\\w+=,.@-]+/)*[\\w+=,.@-]{1,64})$", parentSchema: schema37.properties["secret-arns"].properties.environments.additionalProperties.additionalProperties, data: data17 };
                      if (vErrors === null) {
                        vErrors = [err34];
                      } else {
                        vErrors.push(err34);
                      }
                      errors++;
                    }
                  } else {
                    const err35 = { instancePath: instancePath + "/secret-arns/environments/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/" + key18.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/secret-arns/properties/environments/additionalProperties/additionalProperties/type", keyword: "type", params: { type: "string" }, schema: schema37.properties["secret-arns"].properties.environments.additionalProperties.additionalProperties.type, parentSchema: schema37.properties["secret-arns"].properties.environments.additionalProperties.additionalProperties, data: data17 };
                    if (vErrors === null) {
                      vErrors = [err35];
                    } else {
                      vErrors.push(err35);
                    }
                    errors++;
                  }
                }
              } else {
                const err36 = { instancePath: instancePath + "/secret-arns/environments/" + key16.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/secret-arns/properties/environments/additionalProperties/type", keyword: "type", params: { type: "object" }, schema: schema37.properties["secret-arns"].properties.environments.additionalProperties.type, parentSchema: schema37.properties["secret-arns"].properties.environments.additionalProperties, data: data16 };
                if (vErrors === null) {
                  vErrors = [err36];
                } else {
                  vErrors.push(err36);
                }
                errors++;
              }
            }
          } else {
            const err37 = { instancePath: instancePath + "/secret-arns/environments", schemaPath: "#/properties/secret-arns/properties/environments/type", keyword: "type", params: { type: "object" }, schema: schema37.properties["secret-arns"].properties.environments.type, parentSchema: schema37.properties["secret-arns"].properties.environments, data: data15 };
            if (vErrors === null) {
              vErrors = [err37];
            } else {
              vErrors.push(err37);
            }
            errors++;
          }
        }
      } else {
        const err38 = { instancePath: instancePath + "/secret-arns", schemaPath: "#/properties/secret-arns/type", keyword: "type", params: { type: "object" }, schema: schema37.properties["secret-arns"].type, parentSchema: schema37.properties["secret-arns"], data: data12 };
        if (vErrors === null) {
          vErrors = [err38];
        } else {
          vErrors.push(err38);
        }
        errors++;
      }
    }
  } else {
    const err39 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, schema: schema37.type, parentSchema: schema37, data };
    if (vErrors === null) {
      vErrors = [err39];
    } else {
      vErrors.push(err39);
    }
    errors++;
  }
  validate109.errors = vErrors;
  return errors === 0;
}
validate109.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
function validate52(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate52.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
      if (!func1.call(schema19.properties, key0)) {
        const err0 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, schema: false, parentSchema: schema19, data };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (data.$schema !== void 0) {
      let data0 = data.$schema;
      if (typeof data0 !== "string") {
        const err1 = { instancePath: instancePath + "/$schema", schemaPath: "#/properties/%24schema/type", keyword: "type", params: { type: "string" }, schema: schema19.properties.$schema.type, parentSchema: schema19.properties.$schema, data: data0 };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.version !== void 0) {
      let data1 = data.version;
      if (1 !== data1) {
        const err2 = { instancePath: instancePath + "/version", schemaPath: "#/properties/version/const", keyword: "const", params: { allowedValue: 1 }, schema: 1, parentSchema: schema19.properties.version, data: data1 };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.mode !== void 0) {
      let data2 = data.mode;
      if (!(data2 === "enforce" || data2 === "report")) {
        const err3 = { instancePath: instancePath + "/mode", schemaPath: "#/properties/mode/enum", keyword: "enum", params: { allowedValues: schema19.properties.mode.enum }, schema: schema19.properties.mode.enum, parentSchema: schema19.properties.mode, data: data2 };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.baseline !== void 0) {
      let data3 = data.baseline;
      if (typeof data3 === "string") {
        if (!pattern3.test(data3)) {
          const err4 = { instancePath: instancePath + "/baseline", schemaPath: "#/properties/baseline/pattern", keyword: "pattern", params: { pattern: "^\\S.{0,1023}$" }, schema: "^\\S.{0,1023}$", parentSchema: schema19.properties.baseline, data: data3 };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      } else {
        const err5 = { instancePath: instancePath + "/baseline", schemaPath: "#/properties/baseline/type", keyword: "type", params: { type: "string" }, schema: schema19.properties.baseline.type, parentSchema: schema19.properties.baseline, data: data3 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data["min-token-lifetime"] !== void 0) {
      if (!validate53(data["min-token-lifetime"], { instancePath: instancePath + "/min-token-lifetime", parentData: data, parentDataProperty: "min-token-lifetime", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate53.errors : vErrors.concat(validate53.errors);
        errors = vErrors.length;
      }
    }
    if (data["clock-skew"] !== void 0) {
      if (!validate53(data["clock-skew"], { instancePath: instancePath + "/clock-skew", parentData: data, parentDataProperty: "clock-skew", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate53.errors : vErrors.concat(validate53.errors);
        errors = vErrors.length;
      }
    }
    if (data["github-oidc"] !== void 0) {
      if (!validate56(data["github-oidc"], { instancePath: instancePath + "/github-oidc", parentData: data, parentDataProperty: "github-oidc", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate56.errors : vErrors.concat(validate56.errors);
        errors = vErrors.length;
      }
    }
    if (data.tokens !== void 0) {
      let data7 = data.tokens;
      if (Array.isArray(data7)) {
        const len0 = data7.length;
        for (let i0 = 0; i0 < len0; i0++) {
          if (!validate65(data7[i0], { instancePath: instancePath + "/tokens/" + i0, parentData: data7, parentDataProperty: i0, rootData, dynamicAnchors })) {
            vErrors = vErrors === null ? validate65.errors : vErrors.concat(validate65.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err6 = { instancePath: instancePath + "/tokens", schemaPath: "#/properties/tokens/type", keyword: "type", params: { type: "array" }, schema: schema19.properties.tokens.type, parentSchema: schema19.properties.tokens, data: data7 };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.aws !== void 0) {
      if (!validate81(data.aws, { instancePath: instancePath + "/aws", parentData: data, parentDataProperty: "aws", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate81.errors : vErrors.concat(validate81.errors);
        errors = vErrors.length;
      }
    }
    if (data.github !== void 0) {
      if (!validate109(data.github, { instancePath: instancePath + "/github", parentData: data, parentDataProperty: "github", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate109.errors : vErrors.concat(validate109.errors);
        errors = vErrors.length;
      }
    }
  } else {
    const err7 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, schema: schema19.type, parentSchema: schema19, data };
    if (vErrors === null) {
      vErrors = [err7];
    } else {
      vErrors.push(err7);
    }
    errors++;
  }
  validate52.errors = vErrors;
  return errors === 0;
}
validate52.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
var validateConfigSchema = (data) => validate52(data) ? [] : validate52.errors;

// src/config/file-yaml.ts
var import_yaml = __toESM(require_dist(), 1);
var MAX_ALIAS_COUNT = 100;
function tooDeep(file, line, column) {
  return {
    where: "YAML",
    message: `nests deeper than ${MAX_JSON_DEPTH} levels, which no configuration does`,
    file,
    line,
    column
  };
}
function parseYamlWithPositions(text, file) {
  const deep = jsonTooDeep(text);
  if (deep) return { ok: false, errors: [tooDeep(file, deep.line, deep.column)] };
  const lineCounter = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => {
        const at = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
        const message = (e.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
        return { where: "YAML", message: `is not valid: ${message}`, file, line: at.line, column: at.col };
      })
    };
  }
  let value;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [{ where: "YAML", message: `cannot be read: ${message}`, file, line: 1, column: 1 }] };
  }
  if (valueTooDeep(value)) return { ok: false, errors: [tooDeep(file, 1, 1)] };
  const position = (offset) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const locate = (path, part) => {
    let node = doc.contents;
    let key;
    let last = isNode(node) ? node : void 0;
    for (const segment of path) {
      if ((0, import_yaml.isAlias)(node)) node = node.resolve(doc);
      key = void 0;
      if ((0, import_yaml.isMap)(node)) {
        const pair = node.items.find((p) => String((0, import_yaml.isScalar)(p.key) ? p.key.value : p.key) === String(segment));
        if (!pair) break;
        key = isNode(pair.key) ? pair.key : void 0;
        node = pair.value;
      } else if ((0, import_yaml.isSeq)(node)) {
        node = node.items[Number(segment)];
      } else break;
      const empty = (0, import_yaml.isScalar)(node) && node.range && node.range[0] === node.range[1];
      const found = part === "key" || empty || !isNode(node) ? key ?? (isNode(node) ? node : void 0) : node;
      if (!found) break;
      last = found;
    }
    return last?.range ? position(last.range[0]) : { line: 1, column: 1 };
  };
  return { ok: true, value, locate };
}
function isNode(value) {
  return (0, import_yaml.isScalar)(value) || (0, import_yaml.isMap)(value) || (0, import_yaml.isSeq)(value) || (0, import_yaml.isAlias)(value);
}

// src/config/file.ts
function readGitHub(ctx, raw) {
  if (!raw) return void 0;
  const variables = raw.variables ? readListings(ctx, "variables", raw.variables) : void 0;
  const secretArns = raw["secret-arns"] ? readListings(ctx, "secret-arns", raw["secret-arns"]) : void 0;
  return {
    ...secretArns ? { secretArns } : {},
    ...raw["default-token-permissions"] ? { defaultTokenPermissions: raw["default-token-permissions"] } : {},
    ...raw["repository-visibility"] ? { repositoryVisibility: raw["repository-visibility"] } : {},
    ...raw["job-token-needs"] ? { jobTokenNeeds: raw["job-token-needs"] } : {},
    ...variables ? { variables } : {}
  };
}
function readListings(ctx, key, raw) {
  const source = `${ctx.file} (github.${key})`;
  const complete = raw.complete === true;
  const listing = (values, path) => {
    for (const [name, value] of Object.entries(values)) {
      if (key === "secret-arns" && !declarableSecretValue(value))
        reportAt(ctx, [...path, name], `must be ${SECRET_VALUE_KINDS}, not a credential`);
      else if (tooLargeForVariable(value))
        reportAt(
          ctx,
          [...path, name],
          `is larger than ${VARIABLE_LIMITS.valueBytes} bytes, GitHub's limit for a variable`
        );
    }
    return { values, complete, source };
  };
  const environments = Object.fromEntries(
    Object.entries(raw.environments ?? {}).map(([name, values]) => [
      name,
      listing(values, ["github", key, "environments", name])
    ])
  );
  return {
    ...raw.repository ? { repository: listing(raw.repository, ["github", key, "repository"]) } : {},
    ...Object.keys(environments).length > 0 ? { environments } : {}
  };
}
function readGitHubOidc(ctx, raw) {
  if (!raw) return {};
  const at = (key) => ["github-oidc", key];
  const minLifetime = readDuration(ctx, raw["min-lifetime"], at("min-lifetime"));
  const skew = readDuration(ctx, raw["clock-skew"], at("clock-skew"));
  return {
    ...raw.enabled !== void 0 ? { enabled: raw.enabled } : {},
    ...raw.audience !== void 0 ? { audience: raw.audience } : {},
    ...raw.issuer !== void 0 ? { issuer: raw.issuer } : {},
    ...raw["jwks-url"] !== void 0 ? { jwksUrl: raw["jwks-url"] } : {},
    ...raw["expected-claims"] !== void 0 ? { claims: raw["expected-claims"] } : {},
    ...minLifetime !== void 0 ? { minLifetimeSeconds: minLifetime } : {},
    ...skew !== void 0 ? { clockSkewSeconds: skew } : {}
  };
}
var INTROSPECTION_REFUSED = {
  action: "is refused in the config file: introspection sends the token and the client's credentials to the URL it names, and the file may come from a pull request. Name the endpoint in the workflow's `tokens` input of the step instead",
  check: "is refused in the config file: introspection sends the token and the client's credentials to the URL it names, and the file may come from a pull request. `check` does not introspect: remove `introspection` here, and check an opaque token with the action, its endpoint named in the `tokens` input of the workflow's step"
};
function readTokens(ctx, items, reader) {
  const specs = [];
  const first = /* @__PURE__ */ new Map();
  (items ?? []).forEach((item, i) => {
    const name = item.name;
    const namePath = ["tokens", i, "name"];
    if (name === "github-oidc") {
      reportAt(ctx, namePath, "is the name of GitHub's OIDC token (configure it under github-oidc)");
      return;
    }
    const earlier = first.get(name);
    if (earlier !== void 0) {
      const line = ctx.locate(["tokens", earlier, "name"], "value").line;
      reportAt(ctx, namePath, `"${name}" is used twice (first at line ${line})`);
      return;
    }
    first.set(name, i);
    const { introspection, ...rest } = item;
    if (introspection !== void 0)
      reportAt(ctx, ["tokens", i, "introspection"], INTROSPECTION_REFUSED[reader], "key");
    const label = `tokens, item 1 ("${name}")`;
    const read = readTokenList([rest], "tokens", {}, { introspection: false });
    for (const error of read.errors) {
      const field = error.where.startsWith(`${label}, `) ? error.where.slice(label.length + 2) : void 0;
      reportAt(ctx, field !== void 0 && field in item ? ["tokens", i, field] : ["tokens", i], error.message);
    }
    if (introspection === void 0) specs.push(...read.specs);
  });
  return specs;
}
function readConfigFile(text, file, reader = "action") {
  const parsed = parseYamlWithPositions(text, file);
  if (!parsed.ok) return parsed;
  const value = parsed.value ?? {};
  const schemaErrors = validateConfigSchema(value);
  if (schemaErrors.length > 0) {
    return { ok: false, errors: describeSchemaErrors(schemaErrors, value, file, parsed.locate) };
  }
  const raw = value;
  const ctx = { file, text, locate: parsed.locate, errors: [] };
  const minLifetime = readDuration(ctx, raw["min-token-lifetime"], ["min-token-lifetime"]);
  const skew = readDuration(ctx, raw["clock-skew"], ["clock-skew"]);
  const githubOidc = readGitHubOidc(ctx, raw["github-oidc"]);
  const tokens = readTokens(ctx, raw.tokens, reader);
  const aws = readRoles(ctx, raw.aws ?? {});
  const github = readGitHub(ctx, raw.github);
  if (ctx.errors.length > 0) {
    return {
      ok: false,
      errors: ctx.errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
    };
  }
  return {
    ok: true,
    settings: {
      file,
      ...raw.mode ? { mode: raw.mode } : {},
      ...raw.baseline ? { baseline: raw.baseline } : {},
      ...minLifetime !== void 0 ? { minTokenLifetimeSeconds: minLifetime } : {},
      ...skew !== void 0 ? { clockSkewSeconds: skew } : {},
      githubOidc,
      tokens,
      awsSources: aws.sources,
      ...aws.declaredAbsent ? { awsDeclaredAbsent: aws.declaredAbsent } : {},
      roles: aws.roles,
      ...github ? { github } : {}
    }
  };
}
export {
  readConfigFile
};
