import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  parseDuration
} from "./chunk-R6P6CNCD.js";

// src/config/tokens.ts
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
  const t = JSON.stringify(v) ?? String(v);
  return t.length > 60 ? `${t.slice(0, 57)}...` : t;
}
function strings(v, split) {
  if (typeof v === "string") return split ? v.split(/\s+/).filter(Boolean) : [v];
  if (Array.isArray(v) && v.every((x) => typeof x === "string")) return v;
  return void 0;
}
function readTokenList(value, origin, defaults) {
  const errors = [];
  const specs = [];
  if (value === void 0 || value === null) return { specs, errors };
  if (!Array.isArray(value)) {
    return { specs, errors: [{ where: origin, message: `must be a list of tokens, got ${show(value)}` }] };
  }
  const seen = /* @__PURE__ */ new Set();
  value.forEach((item, i) => {
    const label = isObject(item) && typeof item.name === "string" ? `${origin}, item ${i + 1} ("${item.name}")` : `${origin}, item ${i + 1}`;
    const fail = (field, message) => errors.push({ where: field ? `${label}, ${field}` : label, message });
    if (!isObject(item)) {
      fail("", `must be a mapping with name and from-env or from-file, got ${show(item)}`);
      return;
    }
    for (const key of Object.keys(item))
      if (!TOKEN_KEYS.has(key)) fail(key, `is not a token setting (known: ${[...TOKEN_KEYS].join(", ")})`);
    const before = errors.length;
    const name = item.name;
    if (typeof name !== "string" || !NAME.test(name))
      fail("name", `must be 1-64 letters, digits, '.', '_' or '-', got ${show(name)}`);
    else if (seen.has(name)) fail("name", `"${name}" is used twice`);
    else seen.add(name);
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
    }
    if (fromFile !== void 0 && (typeof fromFile !== "string" || fromFile === ""))
      fail("from-file", `must be a file path, got ${show(fromFile)}`);
    const expect = {};
    const str = (key, set, check) => {
      const v = item[key];
      if (v === void 0) return;
      const problem = typeof v !== "string" || v === "" ? `must be a non-empty string, got ${show(v)}` : check?.(v);
      if (problem) fail(key, problem);
      else set(v);
    };
    const url = (v) => /^https?:\/\//.test(v) ? void 0 : `must be an https URL, got ${show(v)}`;
    str("issuer", (v) => expect.issuer = v, url);
    str("jwks-url", (v) => expect.jwksUrl = v, url);
    const duration = (key, set) => str(key, (v) => {
      const d = parseDuration(v);
      if (d.ok) set(d.seconds);
      else fail(key, d.error);
    });
    duration("min-lifetime", (n) => expect.minLifetimeSeconds = n);
    duration("clock-skew", (n) => expect.clockSkewSeconds = n);
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
    if (item["allow-unverifiable"] !== void 0) {
      if (typeof item["allow-unverifiable"] !== "boolean")
        fail("allow-unverifiable", `must be true or false, got ${show(item["allow-unverifiable"])}`);
      else expect.allowUnverifiable = item["allow-unverifiable"];
    }
    if (item.introspection !== void 0) {
      const intro = readIntrospection(item.introspection);
      if (typeof intro === "string") fail("introspection", intro);
      else expect.introspection = intro;
    }
    if (errors.length > before) return;
    if (expect.minLifetimeSeconds === void 0 && defaults.minLifetimeSeconds !== void 0)
      expect.minLifetimeSeconds = defaults.minLifetimeSeconds;
    if (expect.clockSkewSeconds === void 0 && defaults.clockSkewSeconds !== void 0)
      expect.clockSkewSeconds = defaults.clockSkewSeconds;
    specs.push({
      name,
      source: fromEnv !== void 0 ? { kind: "env", name: fromEnv } : { kind: "file", path: fromFile },
      expect
    });
  });
  return { specs, errors };
}
function readIntrospection(v) {
  if (!isObject(v) || typeof v.url !== "string" || !/^https?:\/\//.test(v.url)) {
    return `must be a mapping with an https url (and optionally client-id-env, client-secret-env), got ${show(v)}`;
  }
  for (const key of Object.keys(v))
    if (!["url", "client-id-env", "client-secret-env"].includes(key)) return `${key} is not an introspection setting`;
  const id = v["client-id-env"];
  const secret = v["client-secret-env"];
  if (id === void 0 !== (secret === void 0)) return "client-id-env and client-secret-env go together";
  if (id !== void 0 && (typeof id !== "string" || !ENV_NAME.test(id) || typeof secret !== "string" || !ENV_NAME.test(secret))) {
    return "client-id-env and client-secret-env must name environment variables";
  }
  return { url: v.url, ...typeof id === "string" ? { clientIdEnv: id, clientSecretEnv: secret } : {} };
}

// src/config/permissions.ts
var ACTION = /^[A-Za-z0-9-]+:[A-Za-z0-9*?_-]+$/;
var KEY = /^[A-Za-z0-9.-]+:[^\s=]+$/;
function splitWords(line) {
  const words = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && (line[i] === " " || line[i] === "	")) i++;
    if (i >= line.length || line[i] === "#") break;
    let text = "";
    let quoted = false;
    let eq = -1;
    while (i < line.length && line[i] !== " " && line[i] !== "	") {
      const c = line[i];
      if (c === '"' || c === "'") {
        const close = findClose(line, i + 1, c);
        if (close < 0) return `has an unterminated ${c} quote`;
        const inner = line.slice(i + 1, close);
        text += c === '"' ? inner.replace(/\\(["\\])/g, "$1") : inner;
        quoted = true;
        i = close + 1;
      } else {
        if (c === "=" && eq < 0) eq = text.length;
        text += c;
        i++;
      }
    }
    words.push({ text, quoted, eq });
  }
  return words;
}
function findClose(line, from, quote) {
  for (let j = from; j < line.length; j++) {
    if (quote === '"' && line[j] === "\\") j++;
    else if (line[j] === quote) return j;
  }
  return -1;
}
function checkResource(resource) {
  if (resource === "*") return void 0;
  if (!resource.startsWith("arn:"))
    return "is not an ARN or *; write it as arn:partition:service:region:account:resource";
  if (resource.split(":").length < 6) return "is not a complete ARN: arn:partition:service:region:account:resource";
  return void 0;
}
function parseLine(words, origin) {
  const [action, resource, ...pairs] = words;
  if (!action) return { word: "", problem: "is empty" };
  if (!ACTION.test(action.text)) {
    return { word: action.text, problem: "is not an action; write it as service:Action, like s3:PutObject" };
  }
  if (!resource || resource.eq >= 0) return { word: action.text, problem: "needs a resource ARN or *" };
  const bad = checkResource(resource.text);
  if (bad) return { word: resource.text, problem: bad };
  const context = /* @__PURE__ */ new Map();
  for (const pair of pairs) {
    if (pair.eq <= 0) {
      return { word: pair.text, problem: "is not key=value; a permission is ACTION RESOURCE [key=value ...]" };
    }
    const key = pair.text.slice(0, pair.eq);
    const value = pair.text.slice(pair.eq + 1);
    if (!KEY.test(key)) return { word: key, problem: "is not a condition key; keys look like aws:SourceVpc" };
    if (value === "" && !pair.quoted) return { word: pair.text, problem: `has no value; write ${key}="" for ""` };
    const entry = context.get(key.toLowerCase());
    if (entry) entry.values.push(value);
    else context.set(key.toLowerCase(), { key, values: [value] });
  }
  const record = {};
  for (const { key, values } of context.values()) record[key] = values.length === 1 ? values[0] : values;
  return { action: action.text, resource: resource.text, context: record, origin };
}
function describeProblem(line, { word, problem }) {
  const text = line.trim();
  if (word === text) return `"${text}" ${problem}`;
  const shown = text.length > 100 ? `${text.slice(0, 97)}...` : text;
  return `"${word}" ${problem} (in "${shown}")`;
}
function parsePermissions(text, where = "input permissions") {
  const permissions = [];
  const errors = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const origin = `${where}, line ${i + 1}`;
    const words = splitWords(line);
    if (typeof words === "string") {
      errors.push({ where: origin, message: describeProblem(line, { word: line.trim(), problem: words }) });
      return;
    }
    if (words.length === 0) return;
    const parsed = parseLine(words, origin);
    if ("problem" in parsed) errors.push({ where: origin, message: describeProblem(line, parsed) });
    else permissions.push(parsed);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, permissions };
}

export {
  looksLikeSecret,
  readTokenList,
  parsePermissions
};
