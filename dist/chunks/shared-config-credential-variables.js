import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  parseDuration
} from "./shared-tokens-duration.js";
import {
  hideUserInfo,
  urlUserInfo
} from "./shared-text-secrets.js";

// src/config/credential-variables.ts
var PREFIXES = ["ACTIONS_", "RUNNER_", "GITHUB_", "AWS_"];
var NAMES = /* @__PURE__ */ new Set(["GH_TOKEN", "GH_ENTERPRISE_TOKEN", "GITHUB_TOKEN"]);
function credentialVariable(name) {
  const upper = name.toUpperCase();
  const prefix = PREFIXES.find((p) => upper.startsWith(p));
  if (!NAMES.has(upper) && prefix === void 0) return void 0;
  const whose = prefix === "AWS_" ? "AWS's credentials and settings (configure-aws-credentials exports AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN)" : prefix === "ACTIONS_" || prefix === "RUNNER_" ? "the runner's own variables" : "GitHub's tokens and variables";
  return `names ${name}, one of ${whose}, which a configuration never reads: it could send the job's own credentials to an endpoint it names`;
}

// src/config/tokens.ts
var USER_INFO_REFUSED = "must be an https URL, without user info (user:password@): a URL setting never carries a credential";
var TOKEN_KEYS = /* @__PURE__ */ new Set([
  "name",
  "from-env",
  "from-file",
  "issuer",
  "audience",
  "scopes",
  "min-lifetime",
  "claims",
  "jwks-url",
  "algorithms",
  "introspection",
  "allow-unverifiable",
  "allow-no-expiry",
  "clock-skew"
]);
var NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
var ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function looksLikeSecret(v) {
  if (/^(gh[pousr]_|github_pat_|glpat-|xox[abprs]-|eyJ|AKIA|ASIA|sk-|Bearer\s)/.test(v)) return true;
  return v.length >= 40 && /^[A-Za-z0-9+/=_.~-]+$/.test(v);
}
function show(v) {
  if (typeof v === "string" && looksLikeSecret(v)) return "a value that looks like a token (not shown)";
  const t = hideUserInfo(JSON.stringify(v) ?? String(v));
  return t.length > 60 ? `${t.slice(0, 57)}...` : t;
}
function strings(v, split) {
  if (typeof v === "string") return split ? v.split(/\s+/).filter(Boolean) : [v];
  if (Array.isArray(v) && v.every((x) => typeof x === "string")) return v;
  return void 0;
}
function readTokenList(value, origin, defaults, allowed = { introspection: true }) {
  const errors = [];
  const specs = [];
  if (value === void 0 || value === null) return { specs, errors };
  if (!Array.isArray(value)) {
    return { specs, errors: [{ where: origin, message: `must be a list of tokens, got ${show(value)}` }] };
  }
  const known = [...TOKEN_KEYS].filter((k) => allowed.introspection || k !== "introspection");
  const seen = /* @__PURE__ */ new Set();
  value.forEach((item, i) => {
    const label = isObject(item) && typeof item.name === "string" ? `${origin}, item ${i + 1} ("${item.name}")` : `${origin}, item ${i + 1}`;
    const fail = (field, message) => errors.push({ where: field ? `${label}, ${field}` : label, message });
    if (!isObject(item)) {
      fail("", `must be a mapping with name and from-env or from-file, got ${show(item)}`);
      return;
    }
    for (const key of Object.keys(item))
      if (!TOKEN_KEYS.has(key)) fail(key, `is not a token setting (known: ${known.join(", ")})`);
    const before = errors.length;
    const name = readName(item.name, seen, fail);
    const source = readSource(item, fail);
    const expect = readExpectations(item, fail);
    if (errors.length > before) return;
    if (expect.minLifetimeSeconds === void 0 && defaults.minLifetimeSeconds !== void 0)
      expect.minLifetimeSeconds = defaults.minLifetimeSeconds;
    if (expect.clockSkewSeconds === void 0 && defaults.clockSkewSeconds !== void 0)
      expect.clockSkewSeconds = defaults.clockSkewSeconds;
    specs.push({ name, source, expect });
  });
  return { specs, errors };
}
function readName(name, seen, fail) {
  if (typeof name !== "string" || !NAME.test(name)) {
    fail("name", `must be 1-64 letters, digits, '.', '_' or '-', got ${show(name)}`);
    return void 0;
  }
  if (seen.has(name)) fail("name", `"${name}" is used twice`);
  else seen.add(name);
  return name;
}
function readSource(item, fail) {
  const fromEnv = item["from-env"];
  const fromFile = item["from-file"];
  if (fromEnv === void 0 === (fromFile === void 0))
    fail("", "needs exactly one of from-env or from-file (a token is never given literally)");
  if (typeof fromEnv === "string" && looksLikeSecret(fromEnv)) {
    fail(
      "from-env",
      "holds what looks like a token itself; put the token in a secret and name the variable that carries it"
    );
  } else if (fromEnv !== void 0 && (typeof fromEnv !== "string" || !ENV_NAME.test(fromEnv))) {
    fail("from-env", `must be an environment variable name, got ${show(fromEnv)}`);
  } else if (typeof fromEnv === "string") {
    const refused = credentialVariable(fromEnv);
    if (refused) fail("from-env", refused);
  }
  if (fromFile !== void 0 && (typeof fromFile !== "string" || fromFile === ""))
    fail("from-file", `must be a file path, got ${show(fromFile)}`);
  return fromEnv !== void 0 ? { kind: "env", name: fromEnv } : { kind: "file", path: fromFile };
}
function readExpectations(item, fail) {
  const expect = {};
  readTextSettings(item, expect, fail);
  for (const [key, split, set] of [
    ["audience", false, (v) => expect.audience = v],
    ["scopes", true, (v) => expect.requiredScopes = v],
    ["algorithms", false, (v) => expect.algorithms = v]
  ]) {
    if (item[key] === void 0) continue;
    const list = strings(item[key], split);
    if (!list || list.length === 0) fail(key, `must be a string or a list of strings, got ${show(item[key])}`);
    else set(list);
  }
  if (item.claims !== void 0) {
    const c = item.claims;
    if (!isObject(c) || !Object.values(c).every((v) => typeof v === "string"))
      fail("claims", `must map claim names to patterns, got ${show(c)}`);
    else expect.claims = c;
  }
  for (const [key, set] of [
    ["allow-unverifiable", (v) => expect.allowUnverifiable = v],
    ["allow-no-expiry", (v) => expect.allowNoExpiry = v]
  ]) {
    const value = item[key];
    if (value === void 0) continue;
    if (typeof value !== "boolean") fail(key, `must be true or false, got ${show(value)}`);
    else set(value);
  }
  if (item.introspection !== void 0) {
    const intro = readIntrospection(item.introspection);
    if (typeof intro === "string") fail("introspection", intro);
    else expect.introspection = intro;
  }
  return expect;
}
function readTextSettings(item, expect, fail) {
  const str = (key, set, check) => {
    const v = item[key];
    if (v === void 0) return;
    const problem = typeof v !== "string" || v === "" ? `must be a non-empty string, got ${show(v)}` : check?.(v);
    if (problem) fail(key, problem);
    else set(v);
  };
  const url = (v) => /^https?:\/\//.test(v) ? urlProblem(v) : `must be an https URL, got ${show(v)}`;
  str("issuer", (v) => expect.issuer = v, url);
  str("jwks-url", (v) => expect.jwksUrl = v, url);
  const duration = (key, set) => str(key, (v) => {
    const d = parseDuration(v);
    if (d.ok) set(d.seconds);
    else fail(key, d.error);
  });
  duration("min-lifetime", (n) => expect.minLifetimeSeconds = n);
  duration("clock-skew", (n) => expect.clockSkewSeconds = n);
}
function urlProblem(v) {
  return urlUserInfo(v) ? USER_INFO_REFUSED : void 0;
}
function readIntrospection(v) {
  if (!isObject(v) || typeof v.url !== "string" || !/^https?:\/\//.test(v.url)) {
    return `must be a mapping with an https url (and optionally client-id-env, client-secret-env), got ${show(v)}`;
  }
  for (const key of Object.keys(v))
    if (!["url", "client-id-env", "client-secret-env"].includes(key)) return `${key} is not an introspection setting`;
  const refused = urlProblem(v.url);
  if (refused) return `url ${refused}`;
  const id = v["client-id-env"];
  const secret = v["client-secret-env"];
  if (id === void 0 !== (secret === void 0)) return "client-id-env and client-secret-env go together";
  if (id !== void 0 && (typeof id !== "string" || !ENV_NAME.test(id) || typeof secret !== "string" || !ENV_NAME.test(secret))) {
    return "client-id-env and client-secret-env must name environment variables";
  }
  for (const [key, name] of [
    ["client-id-env", id],
    ["client-secret-env", secret]
  ]) {
    const refused2 = typeof name === "string" ? credentialVariable(name) : void 0;
    if (refused2) return `${key} ${refused2}`;
  }
  return { url: v.url, ...typeof id === "string" ? { clientIdEnv: id, clientSecretEnv: secret } : {} };
}

export {
  USER_INFO_REFUSED,
  looksLikeSecret,
  readTokenList
};
