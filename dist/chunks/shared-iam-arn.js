import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  editDistance
} from "./shared-text-edit-distance.js";
import {
  compileGlob,
  escapeRegex,
  globCovers,
  globRegexSource,
  globWitness,
  hasWildcard,
  matchGlob
} from "./shared-iam-glob.js";

// src/iam/arn.ts
function parseArn(text) {
  if (!text.startsWith("arn:")) return void 0;
  const parts = [];
  let start = 4;
  for (let i = 0; i < 4; i++) {
    const end = text.indexOf(":", start);
    if (end < 0) return void 0;
    parts.push(text.slice(start, end));
    start = end + 1;
  }
  const [partition = "", service = "", region = "", account = ""] = parts;
  return { partition, service, region, account, resource: text.slice(start) };
}
function arnField(text, index) {
  if (!text.startsWith("arn:")) return void 0;
  let start = 4;
  for (let i = 0; ; i++) {
    const end = text.indexOf(":", start);
    if (end < 0) return void 0;
    if (i === index) return text.slice(start, end);
    start = end + 1;
  }
}
var ARN_FIELDS = ["partition", "service", "region", "account", "resource"];

// src/iam/principal-info.ts
var WEB_IDENTITY_PROVIDERS = /* @__PURE__ */ new Set([
  "cognito-identity.amazonaws.com",
  "accounts.google.com",
  "graph.facebook.com",
  "www.amazon.com"
]);
var CANONICAL_USER = /^[0-9a-f]{64}$/;
var SERVICE = /^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$/;
function lastPathSegment(resource) {
  return resource.slice(resource.lastIndexOf("/") + 1);
}
function classifyPrincipal(text) {
  return tryClassifyPrincipal(text) ?? { type: "unspecified", text, account: void 0, partition: "aws" };
}
var classified = /* @__PURE__ */ new Map();
function tryClassifyPrincipal(text) {
  if (text === void 0) return classifyText(text);
  let info = classified.get(text);
  if (info === void 0) {
    info = classifyText(text) ?? null;
    if (classified.size >= 1024) classified.clear();
    classified.set(text, info);
  }
  return info ?? void 0;
}
function classifyText(text) {
  if (text === void 0) return { type: "unspecified", text, account: void 0, partition: "aws" };
  if (text.startsWith("arn:")) return classifyArn(text);
  const base = { text, partition: "aws" };
  if (text === "anonymous") return { ...base, type: "anonymous", account: void 0 };
  if (isAccountId(text)) return { ...base, type: "root", account: text };
  if (WEB_IDENTITY_PROVIDERS.has(text)) return { ...base, type: "web-identity", account: void 0, provider: text };
  if (SERVICE.test(text)) return { ...base, type: "service", account: void 0, service: text };
  if (CANONICAL_USER.test(text)) return { ...base, type: "canonical-user", account: void 0, canonicalUser: text };
  return void 0;
}
function isAccountId(text) {
  if (text.length !== 12) return false;
  for (let i = 0; i < 12; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
function classifyArn(text) {
  const arn = parseArn(text);
  if (!arn || !isAccountId(arn.account)) return void 0;
  const { partition, account, resource: r } = arn;
  if (arn.service === "iam") {
    if (r === "root") return { type: "root", text, partition, account };
    if (r.startsWith("user/")) return { type: "user", text, partition, account, userArn: text };
    if (r.startsWith("role/")) {
      const roleName = lastPathSegment(r);
      const base = { type: "role-session", text, partition, account, roleName, roleArn: text };
      return r.startsWith("role/aws-service-role/") ? { ...base, serviceLinked: true } : base;
    }
    if (r.startsWith("oidc-provider/"))
      return { type: "web-identity", text, partition, account: void 0, provider: text };
    if (r.startsWith("saml-provider/")) return { type: "saml", text, partition, account: void 0, provider: text };
    return void 0;
  }
  if (arn.service !== "sts") return void 0;
  if (r.startsWith("assumed-role/")) {
    const slash = r.indexOf("/", 13);
    const roleName = r.slice(13, slash);
    if (slash < 0 || !roleName || slash === r.length - 1 || r.indexOf("/", slash + 1) >= 0) return void 0;
    const roleArn = `arn:${partition}:iam::${account}:role/${roleName}`;
    return { type: "role-session", text, partition, account, roleName, roleArn, sessionArn: text };
  }
  if (r.startsWith("federated-user/") && r.length > 15 && r.indexOf("/", 15) < 0) {
    return { type: "federated-user", text, partition, account, federatedUserArn: text };
  }
  return void 0;
}

// src/iam/request.ts
var S3_ARN = /^arn:[^:]+:s3:::/;
function entryOf(key, value) {
  const multi = Array.isArray(value);
  return { key, values: multi ? value : [value], multi };
}
var LazyContext = class {
  constructor(raw) {
    this.raw = raw;
  }
  raw;
  index = void 0;
  get(lowerKey) {
    let index = this.index;
    if (index === void 0) {
      index = /* @__PURE__ */ new Map();
      for (const key in this.raw) index.set(key.toLowerCase(), key);
      this.index = index;
    }
    const found = index.get(lowerKey);
    if (typeof found !== "string") return found;
    const entry = entryOf(found, this.raw[found]);
    index.set(lowerKey, entry);
    return entry;
  }
};
var NO_CONTEXT = /* @__PURE__ */ new Map();
function prepareContext(context) {
  return context === void 0 ? NO_CONTEXT : new LazyContext(context);
}
var Prepared = class {
  constructor(action, resource, context, resourceAccount, principal, hasPermissionsBoundary, unknown, resourcePattern, reading, rcpExempt) {
    this.action = action;
    this.resource = resource;
    this.hasPermissionsBoundary = hasPermissionsBoundary;
    this.unknown = unknown;
    this.reading = reading;
    this.rcpExempt = rcpExempt;
    this.assumed = unknown ? /* @__PURE__ */ new Set() : void 0;
    this.resourcePattern = resourcePattern && hasWildcard(resource);
    this.context = prepareContext(context);
    this.resourceAccount = resourceAccount ?? (arnField(resource, 3) || void 0);
    this.ownerUnknown = this.resourceAccount === void 0 && S3_ARN.test(resource);
    this.principal = principal.type === "unspecified" ? { ...principal, account: this.resourceAccount } : principal;
    const actionLower = action.toLowerCase();
    this.actionLower = actionLower;
    const colon = actionLower.indexOf(":");
    this.service = colon < 0 ? actionLower : actionLower.slice(0, colon);
  }
  action;
  resource;
  hasPermissionsBoundary;
  unknown;
  reading;
  rcpExempt;
  actionLower;
  service;
  resourceAccount;
  ownerUnknown;
  principal;
  context;
  assumed;
  unsettled = void 0;
  boundaryDenies = void 0;
  resourcePattern;
  arn = void 0;
  /** Split on first use: only statements that match field by field need the fields. */
  get resourceArn() {
    if (this.arn === void 0) this.arn = parseArn(this.resource) ?? null;
    return this.arn ?? void 0;
  }
};
function noteUnsettled(request, note) {
  request.unsettled ??= /* @__PURE__ */ new Set();
  request.unsettled.add(note);
}
function prepareRequest(request, options = {}) {
  return new Prepared(
    request.action,
    request.resource,
    request.context,
    request.resourceAccount,
    (options.classify ?? classifyPrincipal)(request.principal),
    options.hasPermissionsBoundary ?? false,
    options.unknown,
    options.resourcePattern ?? false,
    options.reading ?? "deny",
    options.rcpExempt?.(request.action.toLowerCase())
  );
}

// src/iam/variables.ts
var ESCAPES = { "*": "*", "?": "?", $: "$" };
function parseTemplate(raw, substitute2) {
  if (!substitute2 || !raw.includes("${")) return { raw, parts: [{ kind: "text", text: raw }], dynamic: false };
  const parts = [];
  let text = "";
  let i = 0;
  while (i < raw.length) {
    const open = raw.indexOf("${", i);
    if (open < 0) break;
    const close = findClose(raw, open + 2);
    if (close < 0) break;
    const body = raw.slice(open + 2, close);
    const parsed = parseBody(body);
    if (!parsed) {
      text += raw.slice(i, close + 1);
      i = close + 1;
      continue;
    }
    text += raw.slice(i, open);
    if (text) parts.push({ kind: "text", text });
    text = "";
    parts.push(parsed);
    i = close + 1;
  }
  text += raw.slice(i);
  if (text) parts.push({ kind: "text", text });
  return { raw, parts, dynamic: parts.some((p) => p.kind !== "text") };
}
function variableKeys(raws, substitute2) {
  if (!substitute2) return void 0;
  let keys;
  for (const raw of raws) {
    if (typeof raw !== "string" || !raw.includes("${")) continue;
    keys ??= /* @__PURE__ */ new Set();
    for (const part of parseTemplate(raw, substitute2).parts) if (part.kind === "var") keys.add(part.key);
  }
  return keys !== void 0 && keys.size > 0 ? [...keys] : void 0;
}
function findClose(raw, from) {
  let quoted = false;
  for (let i = from; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === "'") {
      if (quoted && raw[i + 1] === "'") i++;
      else quoted = !quoted;
    } else if (ch === "}" && !quoted) {
      return i;
    }
  }
  return -1;
}
function parseBody(body) {
  const escaped = ESCAPES[body];
  if (escaped !== void 0) return { kind: "literal", text: escaped };
  const comma = body.indexOf(",");
  const key = (comma < 0 ? body : body.slice(0, comma)).trim();
  if (!key || /\s/.test(key)) return void 0;
  if (comma < 0) return { kind: "var", key: key.toLowerCase(), fallback: void 0 };
  const rest = body.slice(comma + 1).trim();
  if (rest.length < 2 || !rest.startsWith("'") || !rest.endsWith("'")) return void 0;
  const inner = rest.slice(1, -1);
  if (inner.replace(/''/g, "").includes("'")) return void 0;
  return { kind: "var", key: key.toLowerCase(), fallback: inner.replace(/''/g, "'") };
}
function resolveVariable(part, context) {
  const entry = context.get(part.key);
  if (entry && !entry.multi && entry.values.length === 1) return entry.values[0];
  return part.fallback;
}
function renderTemplate(template, context) {
  if (!template.dynamic) return template.raw;
  let out = "";
  for (const part of template.parts) {
    if (part.kind === "var") {
      const value = resolveVariable(part, context);
      if (value === void 0) return void 0;
      out += value;
    } else {
      out += part.text;
    }
  }
  return out;
}
function compileTemplateGlob(template, ignoreCase = false) {
  if (!template.dynamic) {
    const matcher = compileGlob(template.raw, ignoreCase);
    return () => matcher;
  }
  const cache = /* @__PURE__ */ new Map();
  const vars = template.parts.filter((p) => p.kind === "var");
  return (context) => {
    let key = "";
    for (const part of vars) {
      const value = resolveVariable(part, context);
      if (value === void 0) return void 0;
      key += `${value.length}:${value}`;
    }
    let matcher = cache.get(key);
    if (matcher) return matcher;
    let source = "";
    for (const part of template.parts) {
      if (part.kind === "text") source += globRegexSource(part.text);
      else if (part.kind === "literal") source += escapeRegex(part.text);
      else source += escapeRegex(resolveVariable(part, context));
    }
    const re = new RegExp(`^${source}$`, ignoreCase ? "is" : "s");
    matcher = (v) => re.test(v);
    if (cache.size > 256) cache.clear();
    cache.set(key, matcher);
    return matcher;
  };
}

// src/iam/conditions/string.ts
var NO_CONTEXT2 = /* @__PURE__ */ new Map();
var STRING_OPERATORS = [
  defineString("StringEquals", "exact", false),
  defineString("StringNotEquals", "exact", true),
  defineString("StringEqualsIgnoreCase", "ignore-case", false),
  defineString("StringNotEqualsIgnoreCase", "ignore-case", true),
  defineString("StringLike", "like", false),
  defineString("StringNotLike", "like", true)
];
function defineString(name, mode, negated) {
  return {
    name,
    negated,
    acceptsEveryValue: true,
    // every scalar is read as its text
    compile: (values, compiler) => mode === "like" ? compileLike(toTemplates(values, compiler), negated) : compileEquals(values, compiler, mode, negated)
  };
}
function toTemplates(values, compiler) {
  return values.map((v) => {
    const text = String(v);
    return compiler.substitute && text.includes("${") ? parseTemplate(text, true) : text;
  });
}
function memoizeByVariables(template, build) {
  const variables = template.parts.flatMap((p) => p.kind === "var" ? [p] : []);
  const cache = /* @__PURE__ */ new Map();
  return (context) => {
    let key = "";
    for (const variable of variables) {
      const value = resolveVariable(variable, context);
      if (value === void 0) return void 0;
      key += `${value}\0`;
    }
    let built = cache.get(key);
    if (built === void 0) {
      built = build(context);
      if (built === void 0) return void 0;
      if (cache.size >= 256) cache.clear();
      cache.set(key, built);
    }
    return built;
  };
}
function hasVariable(template) {
  return template.parts.some((p) => p.kind === "var");
}
function compileEquals(values, compiler, mode, negated) {
  const fold = mode === "ignore-case" ? (s) => s.toLowerCase() : (s) => s;
  const fixed = [];
  const dynamic = [];
  for (const value of values) {
    const text = String(value);
    if (!compiler.substitute || !text.includes("${")) {
      fixed.push(fold(text));
      continue;
    }
    const template = parseTemplate(text, compiler.substitute);
    if (hasVariable(template)) dynamic.push(template);
    else fixed.push(fold(renderTemplate(template, NO_CONTEXT2) ?? template.raw));
  }
  const wrap = (list) => {
    const member = compileMembership(list, negated);
    return mode === "ignore-case" ? (v) => member(v.toLowerCase()) : member;
  };
  if (dynamic.length === 0) return wrap(fixed);
  return {
    bind(context) {
      const list = fixed.slice();
      for (const template of dynamic) {
        const text = renderTemplate(template, context);
        if (text !== void 0) list.push(fold(text));
      }
      return wrap(list);
    }
  };
}
function compileMembership(list, negated) {
  if (list.length === 1) {
    const only = list[0];
    return negated ? (v) => v !== only : (v) => v === only;
  }
  if (list.length <= 8) return negated ? (v) => !list.includes(v) : (v) => list.includes(v);
  const set = new Set(list);
  return negated ? (v) => !set.has(v) : (v) => set.has(v);
}
function compileLike(templates, negated) {
  const fixed = [];
  const dynamic = [];
  for (const template of templates) {
    if (typeof template === "string") fixed.push(compileGlob(template));
    else if (!template.dynamic) fixed.push(compileGlob(template.raw));
    else if (!hasVariable(template)) fixed.push(compileTemplateGlob(template)(NO_CONTEXT2) ?? (() => false));
    else dynamic.push(memoizeByVariables(template, compileTemplateGlob(template)));
  }
  if (dynamic.length === 0) return compileAnyMatch(fixed, negated);
  return {
    bind(context) {
      const matchers = fixed.slice();
      for (const factory of dynamic) {
        const matcher = factory(context);
        if (matcher) matchers.push(matcher);
      }
      return compileAnyMatch(matchers, negated);
    }
  };
}
function compileAnyMatch(matchers, negated) {
  const only = matchers[0];
  if (matchers.length === 1 && only) return negated ? (v) => !only(v) : only;
  const any = (v) => {
    for (const matcher of matchers) if (matcher(v)) return true;
    return false;
  };
  return negated ? (v) => !any(v) : any;
}

// src/iam/conditions/arn.ts
var GLOB_CHARACTERS = /[*?$]/g;
var NEVER = () => false;
var REGEX_SPECIAL_CHARACTERS = "\\^$.*+?()[]{}|/-";
var ARN_OPERATORS = [
  defineArn("ArnEquals", false),
  defineArn("ArnLike", false),
  defineArn("ArnNotEquals", true),
  defineArn("ArnNotLike", true)
];
function defineArn(name, negated) {
  return { name, negated, compile: (values, compiler) => compileArn(values, compiler, negated) };
}
function isArn(text) {
  if (!text.startsWith("arn:")) return false;
  let at2 = 3;
  for (let i = 0; i < 4; i++) {
    at2 = text.indexOf(":", at2 + 1);
    if (at2 < 0) return false;
  }
  return true;
}
function splitArnPattern(raw, substitute2) {
  const fields = [];
  let start = 0;
  for (let i = 0; i < raw.length && fields.length < 5; i++) {
    if (substitute2 && raw.startsWith("${", i)) {
      const close = raw.indexOf("}", i + 2);
      if (close > 0) i = close;
    } else if (raw[i] === ":") {
      fields.push(raw.slice(start, i));
      start = i + 1;
    }
  }
  if (fields.length < 5) return void 0;
  fields.push(raw.slice(start));
  return fields;
}
var UNREADABLE_ARN = /* @__PURE__ */ Symbol("unreadable ARN values");
var ANY_ARN = () => true;
function compileArn(values, compiler, negated) {
  const fixed = [];
  const dynamic = [];
  const unreadable = [];
  for (const value of values) {
    const template = parseTemplate(String(value), compiler.substitute);
    if (hasVariable(template)) {
      dynamic.push(memoizeByVariables(template, (context) => compileArnPattern(substitute(template, context), true)));
    } else if (!splitArnPattern(template.raw, compiler.substitute)) {
      unreadable.push(String(value));
    } else {
      fixed.push(compileArnPattern(template.raw, compiler.substitute));
    }
  }
  const test = (matchers) => {
    const any = compileAnyMatch(matchers, negated);
    return (v) => isArn(v) && any(v);
  };
  if (unreadable.length > 0 && dynamic.length === 0) {
    const narrowest = test(fixed);
    const widest = test([...fixed, ANY_ARN]);
    return Object.assign(narrowest, { [UNREADABLE_ARN]: { values: unreadable, widest } });
  }
  if (dynamic.length === 0) return test(fixed);
  return {
    bind(context) {
      const matchers = fixed.slice();
      for (const factory of dynamic) {
        const matcher = factory(context);
        if (matcher) matchers.push(matcher);
      }
      return test(matchers);
    }
  };
}
function substitute(template, context) {
  let raw = "";
  for (const part of template.parts) {
    if (part.kind === "text") raw += part.text.replaceAll("$", "$${$}");
    else
      raw += (part.kind === "literal" ? part.text : resolveVariable(part, context) ?? "").replace(
        GLOB_CHARACTERS,
        "$${$&}"
      );
  }
  return raw;
}
function compileArnPattern(raw, substitute2) {
  const fields = splitArnPattern(raw, substitute2);
  if (!fields) return NEVER;
  const templates = fields.map((f) => parseTemplate(f, substitute2));
  if (templates.every((t) => !t.dynamic && !hasWildcard(t.raw))) return (v) => v === raw;
  const source = templates.map((t, i) => fieldSource(t, i === fields.length - 1)).join(":");
  const re = new RegExp(`^${source}$`, "s");
  return (v) => re.test(v);
}
function fieldSource(template, resource) {
  let source = "";
  for (const part of template.parts) {
    if (part.kind !== "text") {
      source += escapeRegex(part.kind === "literal" ? part.text : "");
      continue;
    }
    for (const ch of part.text) {
      if (ch === "*") source += resource ? ".*" : "[^:]*";
      else if (ch === "?") source += resource ? "." : "[^:]";
      else source += REGEX_SPECIAL_CHARACTERS.includes(ch) ? `\\${ch}` : ch;
    }
  }
  return source;
}

// src/iam/conditions/binary.ts
var BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
function decodeBase64(text) {
  return BASE64.test(text) ? atob(text) : void 0;
}
var BINARY_OPERATORS = [
  { name: "BinaryEquals", negated: false, compile: compileBinary }
];
function compileBinary(values, compiler) {
  const decoded = [];
  values.forEach((value, i) => {
    const bytes = typeof value === "string" ? decodeBase64(value) : void 0;
    if (bytes === void 0) compiler.reject(i, "base64 text");
    else decoded.push(bytes);
  });
  if (decoded.length < values.length) return void 0;
  const sameText = compileMembership(values.map(String), false);
  const sameBytes = compileMembership(decoded, false);
  return (v) => {
    if (sameText(v)) return true;
    const bytes = decodeBase64(v);
    return bytes !== void 0 && sameBytes(bytes);
  };
}

// src/iam/conditions/bool.ts
function parseBoolean(text) {
  if (text === "true") return true;
  if (text === "false") return false;
  const lower = text.toLowerCase();
  return lower === "true" ? true : lower === "false" ? false : void 0;
}
var BOOL_OPERATORS = [{ name: "Bool", negated: false, compile: compileBool }];
function compileBool(values, compiler) {
  const fixed = [];
  const dynamic = [];
  let ok = true;
  values.forEach((value, i) => {
    const parsed = typeof value === "boolean" ? value : typeof value === "string" ? parseBoolean(value) : void 0;
    if (parsed !== void 0) {
      fixed.push(parsed);
      return;
    }
    const template = typeof value === "string" ? parseTemplate(value, compiler.substitute) : void 0;
    if (template && hasVariable(template)) {
      dynamic.push(template);
      return;
    }
    compiler.reject(i, "true or false");
    ok = false;
  });
  if (!ok) return void 0;
  if (dynamic.length === 0) return compileBooleanTest(fixed);
  return {
    bind(context) {
      const wanted = fixed.slice();
      for (const template of dynamic) {
        const parsed = parseBoolean(renderTemplate(template, context) ?? "");
        if (parsed !== void 0) wanted.push(parsed);
      }
      return compileBooleanTest(wanted);
    }
  };
}
function compileBooleanTest(wanted) {
  const acceptTrue = wanted.includes(true);
  const acceptFalse = wanted.includes(false);
  return (v) => {
    const parsed = parseBoolean(v);
    return parsed === true ? acceptTrue : parsed === false && acceptFalse;
  };
}

// src/iam/conditions/numeric.ts
var DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
function parseDecimal(text) {
  return DECIMAL.test(text) ? Number(text) : Number.NaN;
}
var NUMERIC_OPERATORS = [
  defineNumeric("NumericEquals", "eq", false),
  defineNumeric("NumericNotEquals", "eq", true),
  defineNumeric("NumericLessThan", "lt", false),
  defineNumeric("NumericLessThanEquals", "le", false),
  defineNumeric("NumericGreaterThan", "gt", false),
  defineNumeric("NumericGreaterThanEquals", "ge", false)
];
function defineNumeric(name, comparison, negated) {
  return {
    name,
    negated,
    compile(values, compiler) {
      const bounds = parseAll(values, compiler, readNumber, "a number");
      return bounds && compileComparison(bounds, comparison, negated, parseDecimal);
    }
  };
}
function readNumber(value) {
  if (typeof value === "number") return Number.isFinite(value) ? value : Number.NaN;
  return typeof value === "string" ? parseDecimal(value) : Number.NaN;
}
function parseAll(values, compiler, read, expected) {
  const out = [];
  let ok = true;
  values.forEach((value, i) => {
    const n = read(value);
    if (Number.isNaN(n)) {
      compiler.reject(i, expected);
      ok = false;
    }
    out.push(n);
  });
  return ok ? out : void 0;
}
function compileComparison(bounds, comparison, negated, parse) {
  const max = Math.max(...bounds);
  const min = Math.min(...bounds);
  switch (comparison) {
    case "lt":
      return (v) => parse(v) < max;
    case "le":
      return (v) => parse(v) <= max;
    case "gt":
      return (v) => parse(v) > min;
    case "ge":
      return (v) => parse(v) >= min;
    case "eq":
      return compileEquality(bounds, negated, parse);
  }
}
function compileEquality(bounds, negated, parse) {
  if (bounds.length === 1) {
    const only = bounds[0];
    if (!negated) return (v) => parse(v) === only;
    return (v) => {
      const n = parse(v);
      return !Number.isNaN(n) && n !== only;
    };
  }
  const set = new Set(bounds);
  if (!negated) return (v) => set.has(parse(v));
  return (v) => {
    const n = parse(v);
    return !Number.isNaN(n) && !set.has(n);
  };
}

// src/iam/conditions/date.ts
var EPOCH = /^\d+(?:\.\d+)?$/;
var MS_PER_DAY = 864e5;
var CYCLE_MS = 146097 * MS_PER_DAY;
function parseInstant(text) {
  if (text.charCodeAt(4) !== 45) return EPOCH.test(text) ? Number(text) * 1e3 : Number.NaN;
  const year = readDigits(text, 0, 4);
  const month = readDigits(text, 5, 2);
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let fraction = 0;
  let offset = 0;
  if (text.length > 7) {
    if (text[7] !== "-") return Number.NaN;
    day = readDigits(text, 8, 2);
  }
  if (text.length > 10) {
    if (text[10] !== "T" || text[13] !== ":") return Number.NaN;
    hour = readDigits(text, 11, 2);
    minute = readDigits(text, 14, 2);
    let at2 = 16;
    if (text[at2] === ":") {
      second = readDigits(text, 17, 2);
      at2 = 19;
      if (text[at2] === ".") {
        let end = at2 + 1;
        while (readDigits(text, end, 1) >= 0) end++;
        if (end === at2 + 1) return Number.NaN;
        fraction = Number(text.slice(at2, end)) * 1e3;
        at2 = end;
      }
    }
    offset = readOffset(text, at2);
  }
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return Number.NaN;
  return Date.UTC(year + 400, month - 1, day, hour, minute, second) - CYCLE_MS + fraction - offset;
}
function readDigits(text, at2, count) {
  let value = 0;
  for (let i = at2; i < at2 + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return -1;
    value = value * 10 + d;
  }
  return value;
}
function readOffset(text, at2) {
  if (text[at2] === "Z" && text.length === at2 + 1) return 0;
  const sign = text[at2] === "+" ? 1 : text[at2] === "-" ? -1 : 0;
  const hours = readDigits(text, at2 + 1, 2);
  const minutes = readDigits(text, at2 + 4, 2);
  if (sign === 0 || text[at2 + 3] !== ":" || text.length !== at2 + 6) return Number.NaN;
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return Number.NaN;
  return sign * (hours * 60 + minutes) * 6e4;
}
function daysInMonth(year, month) {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
function isLeapYear(year) {
  return year % 4 === 0 && year % 100 !== 0 || year % 400 === 0;
}
function readInstant(value) {
  if (typeof value === "number") return Number.isFinite(value) && value >= 0 ? value * 1e3 : Number.NaN;
  return typeof value === "string" ? parseInstant(value) : Number.NaN;
}
var DATE_OPERATORS = [
  defineDate("DateEquals", "eq", false),
  defineDate("DateNotEquals", "eq", true),
  defineDate("DateLessThan", "lt", false),
  defineDate("DateLessThanEquals", "le", false),
  defineDate("DateGreaterThan", "gt", false),
  defineDate("DateGreaterThanEquals", "ge", false)
];
function defineDate(name, comparison, negated) {
  return {
    name,
    negated,
    compile(values, compiler) {
      const expected = "a date (ISO 8601, e.g. 2026-01-01T00:00:00Z, or epoch seconds)";
      const bounds = parseAll(values, compiler, readInstant, expected);
      return bounds && compileComparison(bounds, comparison, negated, parseInstant);
    }
  };
}

// src/iam/conditions/ip.ts
function parseIpv4(text) {
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || dots === 3) return -1;
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
    } else if (c >= 48 && c <= 57 && !(digits > 0 && octet === 0)) {
      octet = octet * 10 + (c - 48);
      digits++;
      if (octet > 255) return -1;
    } else {
      return -1;
    }
  }
  return dots === 3 && digits > 0 ? value * 256 + octet : -1;
}
function parseIpv6(text) {
  const groups = [];
  let gap = -1;
  let i = 0;
  if (text.startsWith("::")) {
    gap = 0;
    i = 2;
  }
  while (i < text.length) {
    let value = 0;
    let j = i;
    for (let h = hexValue(text.charCodeAt(j)); h >= 0 && j - i < 4; h = hexValue(text.charCodeAt(++j))) {
      value = value * 16 + h;
    }
    const next = text.charCodeAt(j);
    if (next === 46) {
      const v4 = parseIpv4(text.slice(i));
      if (v4 < 0) return void 0;
      groups.push(Math.floor(v4 / 65536), v4 % 65536);
      break;
    }
    if (j === i || groups.push(value) > 8) return void 0;
    if (j === text.length) break;
    if (next !== 58) return void 0;
    if (text.charCodeAt(j + 1) === 58) {
      if (gap >= 0) return void 0;
      gap = groups.length;
      i = j + 2;
    } else {
      i = j + 1;
      if (i === text.length) return void 0;
    }
  }
  if (gap < 0 ? groups.length !== 8 : groups.length > 7) return void 0;
  if (gap >= 0) groups.splice(gap, 0, ...new Array(8 - groups.length).fill(0));
  const words = [];
  for (let k = 0; k < 8; k += 2) words.push((groups[k] ?? 0) * 65536 + (groups[k + 1] ?? 0) >>> 0);
  return words;
}
function hexValue(c) {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}
function parseIpAddress(text) {
  if (text.includes(":")) return parseIpv6(text);
  const v4 = parseIpv4(text);
  return v4 < 0 ? void 0 : v4;
}
function parseRange(text) {
  const slash = text.indexOf("/");
  const address = parseIpAddress(slash < 0 ? text : text.slice(0, slash));
  if (address === void 0) return void 0;
  const words = typeof address === "number" ? [address] : address;
  const bits = words.length * 32;
  const prefixText = slash < 0 ? String(bits) : text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bits) return void 0;
  const prefix = Number(prefixText);
  const mask = words.map((_, i) => maskWord(prefix - i * 32));
  return { network: words.map((w, i) => (w & (mask[i] ?? 0)) >>> 0), mask };
}
function maskWord(bits) {
  if (bits <= 0) return 0;
  return bits >= 32 ? 4294967295 : 4294967295 << 32 - bits >>> 0;
}
function contains(range, words) {
  for (let i = 0; i < range.network.length; i++) {
    if (((words[i] ?? 0) & (range.mask[i] ?? 0)) >>> 0 !== range.network[i]) return false;
  }
  return true;
}
var IP_OPERATORS = [defineIp("IpAddress", false), defineIp("NotIpAddress", true)];
function defineIp(name, negated) {
  return { name, negated, compile: (values, compiler) => compileIp(values, compiler, negated) };
}
function compileIp(values, compiler, negated) {
  const v4 = [];
  const v6 = [];
  let ok = true;
  values.forEach((value, i) => {
    const range = typeof value === "string" ? parseRange(value) : void 0;
    if (!range) {
      compiler.reject(i, "an IPv4 or IPv6 address or CIDR range, e.g. 203.0.113.0/24");
      ok = false;
    } else if (range.network.length === 4) {
      v6.push(range);
    } else {
      v4.push({ network: range.network[0] ?? 0, mask: range.mask[0] ?? 0 });
    }
  });
  if (!ok) return void 0;
  return (v) => {
    const address = parseIpAddress(v);
    if (address === void 0) return false;
    if (typeof address === "number") {
      for (const range of v4) if ((address & range.mask) >>> 0 === range.network) return !negated;
      return negated;
    }
    for (const range of v6) if (contains(range, address)) return !negated;
    return negated;
  };
}

// src/iam/conditions/null.ts
function compileNull(values, compiler) {
  let whenNull = false;
  let whenPresent = false;
  let ok = true;
  values.forEach((value, i) => {
    const parsed = typeof value === "boolean" ? value : typeof value === "string" ? parseBoolean(value) : void 0;
    if (parsed === void 0) {
      compiler.reject(i, "true or false");
      ok = false;
    } else if (parsed) whenNull = true;
    else whenPresent = true;
  });
  if (!ok) return void 0;
  return { absent: whenNull, present: whenPresent };
}

// src/iam/conditions/index.ts
var QUALIFIERS = [
  ["ForAllValues:", "all"],
  ["ForAnyValue:", "any"]
];
var SPECS = [
  ...STRING_OPERATORS,
  ...NUMERIC_OPERATORS,
  ...DATE_OPERATORS,
  ...BOOL_OPERATORS,
  ...BINARY_OPERATORS,
  ...IP_OPERATORS,
  ...ARN_OPERATORS
];
var OPERATORS = new Map(SPECS.map((s) => [s.name.toLowerCase(), s]));
function compileConditionBlock(block, ctx) {
  const out = [];
  if (!isRecord(block)) {
    report(ctx, "invalid-condition", ctx.path, `must be an object of condition operators, got ${show(block)}`);
    return out;
  }
  for (const written of Object.keys(block)) {
    const entries = block[written];
    const opPath = `${ctx.path}.${written}`;
    const operator = parseOperator(written, opPath, ctx);
    if (!isRecord(entries)) {
      report(ctx, "invalid-condition", opPath, `must be an object of condition keys, got ${show(entries)}`);
      continue;
    }
    if (!operator) continue;
    for (const key of Object.keys(entries)) {
      const raw = entries[key];
      const compiled = compileEntry(operator, raw, opPath, key, ctx);
      if (compiled) {
        const variables = !ctx.substitute ? void 0 : Array.isArray(raw) ? variableKeys(raw, true) : typeof raw === "string" && raw.includes("${") ? variableKeys([raw], true) : void 0;
        out.push(new KeyCondition(written, opPath, key, variables, compiled));
      }
    }
  }
  return out;
}
var UNSETTLED_IF_EXISTS = "ForAnyValue with IfExists on an absent key: the IfExists rule says it holds, the ForAnyValue rule says it does not";
function lateCompiler(substitute2) {
  return {
    substitute: substitute2,
    reject: () => {
      throw new Error("an operator that accepts every value rejected one");
    }
  };
}
var KeyCondition = class {
  constructor(operator, operatorPath, key, variables, entry) {
    this.operator = operator;
    this.operatorPath = operatorPath;
    this.key = key;
    this.variables = variables;
    this.entry = entry;
    this.lower = key.toLowerCase();
  }
  operator;
  operatorPath;
  key;
  variables;
  entry;
  /** Key names are case-insensitive; the prepared context is keyed in lower case
   * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html). */
  lower;
  get label() {
    return `${this.operator} ${this.key}`;
  }
  get path() {
    return `${this.operatorPath}.${this.key}`;
  }
  test(request) {
    const e = this.entry;
    const found = request.context.get(this.lower);
    if (found === void 0 || found.multi && found.values.length === 0) {
      if (!e.unsettled) return e.absent;
      noteUnsettled(request, e.unsettled.note);
      return request.reading === "deny" ? e.absent : e.unsettled.absent;
    }
    if (e.mode === "presence") return e.present;
    let values = e.values;
    if (values === void 0) {
      const pending = e.pending;
      values = pending.spec.compile(pending.values, lateCompiler(pending.substitute));
      e.values = values;
    }
    const test = typeof values === "function" ? values : values.bind(request.context);
    const held = holds(e.mode, found.multi, found.values, test);
    const u = e.unreadable;
    if (u === void 0 || held === holds(e.mode, found.multi, found.values, u.widest)) return held;
    noteUnsettled(request, u.note);
    return request.reading === "deny" ? u.deny : !u.deny;
  }
};
function holds(mode, multi, values, test) {
  if (mode === "single") {
    const value = values[0];
    return !multi && value !== void 0 && test(value);
  }
  const every = mode === "all";
  for (const value of values) if (test(value) !== every) return !every;
  return every;
}
var UNREADABLE_ARN_VALUE = "has fewer than the six colon-separated fields that ARN operators match one by one, and AWS documents no reading of it";
var EntryCompiler = class {
  constructor(ctx, raw, values, operatorPath, key) {
    this.ctx = ctx;
    this.raw = raw;
    this.values = values;
    this.operatorPath = operatorPath;
    this.key = key;
    this.substitute = ctx.substitute;
  }
  ctx;
  raw;
  values;
  operatorPath;
  key;
  substitute;
  reject(i, expected) {
    const path = `${this.operatorPath}.${this.key}`;
    const at2 = Array.isArray(this.raw) ? `${path}[${i}]` : path;
    report(this.ctx, "invalid-condition-value", at2, `must be ${expected}, got ${show(this.values[i])}`);
  }
};
function compileEntry(op, raw, operatorPath, key, ctx) {
  const values = readValues(raw, operatorPath, key, ctx);
  if (!values) return void 0;
  if (!op.spec) {
    const presence = compileNull(values, new EntryCompiler(ctx, raw, values, operatorPath, key));
    return presence && { mode: "presence", ...presence, values: void 0, pending: void 0 };
  }
  const spec = op.spec;
  const late = spec.acceptsEveryValue === true;
  const compiled = late ? void 0 : spec.compile(values, new EntryCompiler(ctx, raw, values, operatorPath, key));
  if (!late && !compiled) return void 0;
  const absent = op.ifExists || op.qualifier === "all" || op.qualifier === void 0 && spec.negated;
  const unsettled = op.qualifier === "any" && op.ifExists;
  const deny = ctx.effect === "Deny";
  const unreadable = compiled && compiled[UNREADABLE_ARN];
  return {
    mode: op.qualifier === "all" ? "all" : op.qualifier === "any" ? "any" : "single",
    absent: unsettled ? deny : absent,
    ...unsettled ? { unsettled: { absent: !deny, note: `${ctx.source.name} ${operatorPath}.${key}: ${UNSETTLED_IF_EXISTS}` } } : {},
    ...unreadable ? {
      unreadable: {
        widest: unreadable.widest,
        deny,
        note: `${ctx.source.name} ${operatorPath}.${key}: ${unreadable.values.map((v) => JSON.stringify(v)).join(", ")} ${UNREADABLE_ARN_VALUE}`
      }
    } : {},
    present: true,
    values: compiled,
    pending: late ? { spec, values, substitute: ctx.substitute } : void 0
  };
}
function parseOperator(written, path, ctx) {
  const known = PARSED_OPERATORS.get(written);
  if (known !== void 0) return known;
  const parsed = splitOperator(written, path, ctx);
  if (parsed !== void 0 && PARSED_OPERATORS.size < 1024) PARSED_OPERATORS.set(written, parsed);
  return parsed;
}
var PARSED_OPERATORS = /* @__PURE__ */ new Map();
function splitOperator(written, path, ctx) {
  let rest = written;
  let qualifier;
  for (const [prefix, q] of QUALIFIERS) {
    if (rest.startsWith(prefix)) {
      qualifier = q;
      rest = rest.slice(prefix.length);
    }
  }
  const ifExists = rest.endsWith("IfExists");
  if (ifExists) rest = rest.slice(0, -"IfExists".length);
  if (rest === "Null") {
    if (!qualifier && !ifExists) return { spec: void 0, qualifier, ifExists };
    const what = ifExists ? "IfExists" : "a ForAllValues:/ForAnyValue: qualifier";
    report(ctx, "invalid-operator-qualifier", path, `is not valid: Null takes no ${what}; it only tests presence`);
    return void 0;
  }
  const spec = OPERATORS.get(rest.toLowerCase());
  if (spec && spec.name === rest) return { spec, qualifier, ifExists };
  const suggestion = suggestOperator(written);
  report(
    ctx,
    "unknown-operator",
    path,
    `is not a condition operator${suggestion ? `; did you mean ${suggestion}?` : ""}`
  );
  return void 0;
}
function suggestOperator(written) {
  const names = ["Null"];
  for (const spec of SPECS) {
    for (const prefix of ["", "ForAllValues:", "ForAnyValue:"]) {
      names.push(`${prefix}${spec.name}`, `${prefix}${spec.name}IfExists`);
    }
  }
  const target = written.toLowerCase();
  let best;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const name of names) {
    const lower = name.toLowerCase();
    const distance = editDistance(target, lower, void 0, false);
    const [short, long] = target.length < lower.length ? [target, lower] : [lower, target];
    const close = distance <= Math.max(1, Math.floor(name.length / 5)) || short.length >= 4 && long.length - short.length <= 3 && long.startsWith(short);
    if (close && distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}
function readValues(raw, operatorPath, key, ctx) {
  if (isScalar(raw)) return [raw];
  if (Array.isArray(raw) && raw.length > 0 && raw.every(isScalar)) return raw;
  const path = `${operatorPath}.${key}`;
  if (!Array.isArray(raw)) {
    const problem = `must be a string, number or boolean, or a list of them, got ${show(raw)}`;
    report(ctx, "invalid-condition-value", path, problem);
    return void 0;
  }
  if (raw.length === 0) {
    report(ctx, "empty-list", path, "must not be an empty list");
    return void 0;
  }
  let ok = true;
  for (let i = 0; i < raw.length; i++) {
    const item = raw[i];
    if (isScalar(item) || !(i in raw)) continue;
    report(ctx, "invalid-condition-value", `${path}[${i}]`, `must be a string, number or boolean, got ${show(item)}`);
    ok = false;
  }
  return ok ? raw : void 0;
}
function isScalar(value) {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function report(ctx, code, path, problem) {
  ctx.errors.push({ code, path, message: `${path} ${problem}`, source: ctx.source });
}
function show(value) {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

// src/iam/action.ts
function compileActions(patterns) {
  const exact = /* @__PURE__ */ new Set();
  const globs = [];
  let services = /* @__PURE__ */ new Set();
  for (const pattern of patterns) {
    const lower = pattern.toLowerCase();
    const colon = lower.indexOf(":");
    const service = colon < 0 ? lower : lower.slice(0, colon);
    if (services && (colon < 0 || hasWildcard(service))) services = void 0;
    else services?.add(service);
    if (hasWildcard(lower)) globs.push(compileGlob(lower));
    else exact.add(lower);
  }
  const names = [...exact];
  if (globs.length === 0 && names.length === 1) {
    const only = names[0];
    return { services, names, matches: (actionLower) => actionLower === only };
  }
  if (names.length === 0 && globs.length === 1) return { services, names, matches: globs[0] };
  return {
    services,
    names,
    matches(actionLower) {
      if (exact.has(actionLower)) return true;
      for (const glob of globs) if (glob(actionLower)) return true;
      return false;
    }
  };
}
function actionListMatches(patterns, actionLower) {
  for (let i = 0; i < patterns.length; i++) if (matchGlob(patterns[i], actionLower, true)) return true;
  return false;
}

// src/iam/resource.ts
var ALL = () => true;
function isWholeGlob(pattern, substitute2) {
  if (substitute2 && pattern.includes("${") && parseTemplate(pattern, substitute2).dynamic) return false;
  return !headTextHasWildcard(pattern);
}
function headTextHasWildcard(text) {
  if (!text.startsWith("arn:")) return false;
  let wild = false;
  let start = 4;
  for (let field = 0; field < 4; field++) {
    const end = text.indexOf(":", start);
    if (end < 0) return false;
    for (let i = start; i < end && !wild; i++) {
      const c = text.charCodeAt(i);
      wild = c === 42 || c === 63;
    }
    start = end + 1;
  }
  return wild;
}
function headHasWildcard(fields) {
  return fields !== void 0 && ARN_FIELDS.slice(0, 4).some((f) => hasWildcard(fields[f]));
}
function compileOne(pattern, substitute2) {
  if (pattern === "*") return ALL;
  const template = parseTemplate(pattern, substitute2 && pattern.includes("${"));
  const fields = parseArn(pattern);
  const splittable = fields !== void 0 && !ARN_FIELDS.slice(0, 4).some((f) => fields[f].includes("${"));
  if (!template.dynamic) {
    const whole2 = compileGlob(pattern);
    if (!splittable || !headHasWildcard(fields)) return (req) => whole2(req.resource);
    const [partition, service, region, account, resource] = ARN_FIELDS.map((f) => compileGlob(fields[f]));
    return (req) => {
      const arn = req.resourceArn;
      if (!arn) return whole2(req.resource);
      return service(arn.service) && resource(arn.resource) && account(arn.account) && region(arn.region) && partition(arn.partition);
    };
  }
  const whole = compileTemplateGlob(template);
  if (!splittable) return (req) => whole(req.context)?.(req.resource);
  const matchers = ARN_FIELDS.map((f) => compileTemplateGlob(parseTemplate(fields[f], substitute2)));
  return (req) => {
    const arn = req.resourceArn;
    if (!arn) return whole(req.context)?.(req.resource);
    let result = true;
    for (let i = 0; i < ARN_FIELDS.length; i++) {
      const m = matchers[i]?.(req.context);
      if (!m) return void 0;
      if (result && !m(arn[ARN_FIELDS[i]])) result = false;
    }
    return result;
  };
}
function wholeGlobs(patterns, substitute2) {
  if (patterns.includes("*")) return ["*"];
  return patterns.every((p) => isWholeGlob(p, substitute2)) ? patterns : void 0;
}
function matchesAnyGlob(globs, resource) {
  for (let i = 0; i < globs.length; i++) {
    const glob = globs[i];
    if (glob === resource || matchGlob(glob, resource)) return true;
  }
  return false;
}
function compileResources(patterns, substitute2) {
  if (patterns.includes("*")) return ALL;
  const compiled = patterns.map((p) => compileOne(p, substitute2));
  if (compiled.length === 1) return compiled[0];
  return (req) => {
    let undecided = false;
    for (const c of compiled) {
      const r = c(req);
      if (r) return true;
      if (r === void 0) undecided = true;
    }
    return undecided ? void 0 : false;
  };
}

// src/iam/compile.ts
var CompiledStatement = class {
  constructor(policy, parsed) {
    this.policy = policy;
    this.parsed = parsed;
    this.effect = parsed.effect;
    this.notAction = parsed.notAction !== void 0;
    this.notResource = parsed.notResource !== void 0;
    this.principal = parsed.principal ?? parsed.notPrincipal;
    this.notPrincipal = parsed.notPrincipal !== void 0;
    this.conditions = parsed.conditions;
  }
  policy;
  parsed;
  effect;
  /** True for NotAction: the statement applies to actions the list does not match. */
  notAction;
  notResource;
  principal;
  notPrincipal;
  conditions;
  builtRef = void 0;
  builtActions = void 0;
  /** How many action tests ran before the list was compiled (the first reads the list as it is). */
  actionTests = 0;
  resourcesBuilt = false;
  globs = void 0;
  matcher = void 0;
  variables = void 0;
  /** Where the statement sits, for reports. Built once, so that every report of it holds the same object. */
  get ref() {
    let ref = this.builtRef;
    if (ref === void 0) {
      const { policy, parsed } = this;
      const built = {
        policy: policy.source.name,
        index: parsed.index,
        effect: parsed.effect
      };
      if (policy.source.file !== void 0) built.file = policy.source.file;
      if (parsed.sid !== void 0) built.sid = parsed.sid;
      ref = built;
      this.builtRef = ref;
    }
    return ref;
  }
  /** The compiled Action or NotAction list. */
  get actions() {
    let actions = this.builtActions;
    if (actions === void 0) {
      actions = compileActions(this.parsed.action ?? this.parsed.notAction ?? []);
      this.builtActions = actions;
    }
    return actions;
  }
  /** Whether the Action or NotAction list matches a lower-cased action (before NotAction inverts it). */
  actionMatches(actionLower) {
    const actions = this.builtActions;
    if (actions !== void 0) return actions.matches(actionLower);
    if (this.actionTests++ > 0) return this.actions.matches(actionLower);
    return actionListMatches(this.parsed.action ?? this.parsed.notAction ?? [], actionLower);
  }
  /** Resource or NotResource patterns that match the whole ARN as globs; else {@link resources} when present. */
  get resourceGlobs() {
    if (!this.resourcesBuilt) this.buildResources();
    return this.globs;
  }
  get resources() {
    if (!this.resourcesBuilt) this.buildResources();
    return this.matcher;
  }
  /** The keys of the policy variables in Resource or NotResource, lower-cased; undefined when none. */
  get resourceVariables() {
    if (!this.resourcesBuilt) this.buildResources();
    return this.variables;
  }
  buildResources() {
    const list = this.parsed.resource ?? this.parsed.notResource;
    const substitute2 = this.policy.substitute;
    if (list !== void 0) {
      const globs = wholeGlobs(list, substitute2);
      this.globs = globs;
      if (!globs) this.matcher = compileResources(list, substitute2);
      this.variables = variableKeys(list, substitute2);
    }
    this.resourcesBuilt = true;
  }
};
var CompiledLayer = class {
  statements;
  /** Number of policies in the layer; a layer with none is not applicable. */
  policyCount;
  built = void 0;
  requests = 0;
  constructor(policies) {
    const statements = [];
    for (const p of policies) for (const s of p.statements) statements.push(new CompiledStatement(p, s));
    this.statements = statements;
    this.policyCount = policies.length;
  }
  /**
   * The index, built on the layer's second request: a layer asked one question is cheaper tested statement by
   * statement than indexed. Undefined until then.
   */
  index() {
    const built = this.built;
    if (built !== void 0) return built;
    if (this.requests++ === 0) return void 0;
    this.built = buildIndex(this.statements);
    return this.built;
  }
};
function compileLayer(policies) {
  return new CompiledLayer(policies);
}
function buildIndex(statements) {
  const services = /* @__PURE__ */ new Set();
  for (const s of statements) if (!s.notAction) for (const svc of s.actions.services ?? []) services.add(svc);
  const spans = (s) => s.notAction || s.actions.services === void 0;
  const byService = /* @__PURE__ */ new Map();
  for (const svc of services) {
    byService.set(
      svc,
      statements.filter((s) => spans(s) || s.actions.services?.has(svc))
    );
  }
  const anyService = statements.filter(spans);
  return { byService, anyService, byAction: indexActions(statements, byService, anyService) };
}
var INDEX_BUDGET = 1e5;
function indexActions(statements, byService, anyService) {
  const index = /* @__PURE__ */ new Map();
  let budget = INDEX_BUDGET;
  for (const statement of statements) {
    for (const name of statement.actions.names) {
      if (index.has(name)) continue;
      const colon = name.indexOf(":");
      const list = byService.get(colon < 0 ? name : name.slice(0, colon)) ?? anyService;
      budget -= list.length;
      if (budget < 0) return index;
      index.set(
        name,
        list.filter((s) => s.actions.matches(name) !== s.notAction)
      );
    }
  }
  return index;
}
function candidates(index, req) {
  return index.byService.get(req.service) ?? index.anyService;
}

// src/iam/principal.ts
var GRANT_RANK = { account: 1, role: 2, direct: 3 };
var UNIQUE_ID = /^(AIDA|AROA)[A-Z0-9]{12,124}$/;
function parseAwsPrincipal(value) {
  if (value === "*") return { kind: "any" };
  if (/^\d{12}$/.test(value)) return { kind: "account", account: value };
  if (UNIQUE_ID.test(value)) return { kind: "unique-id", id: value };
  if (value.includes("*") || value.includes("?")) return void 0;
  const arn = parseArn(value);
  if (!arn || !/^\d{12}$/.test(arn.account)) return void 0;
  if (arn.service === "iam") {
    if (arn.resource === "root") return { kind: "account", account: arn.account };
    if (arn.resource.startsWith("role/"))
      return { kind: "role", account: arn.account, name: lastPathSegment(arn.resource) };
    if (arn.resource.startsWith("user/"))
      return { kind: "user", account: arn.account, name: lastPathSegment(arn.resource) };
    return void 0;
  }
  if (arn.service === "sts" && /^(assumed-role\/[^/]+\/[^/]+|federated-user\/[^/]+)$/.test(arn.resource)) {
    return { kind: "arn", arn: value };
  }
  return void 0;
}
function matchPrincipalEntry(entry, p) {
  switch (entry.kind) {
    case "any":
      return "direct";
    case "account":
      return isIamPrincipal(p) && p.account === entry.account ? "account" : void 0;
    case "role":
      return p.type === "role-session" && p.account === entry.account && p.roleName === entry.name ? "role" : void 0;
    case "user":
      return p.type === "user" && p.account === entry.account && lastPathSegment(p.userArn ?? "") === entry.name ? "direct" : void 0;
    case "arn":
      return entry.arn === p.sessionArn || entry.arn === p.federatedUserArn ? "direct" : void 0;
    case "service":
      return p.type === "service" && p.service === entry.name ? "direct" : void 0;
    case "federated":
      return (p.type === "web-identity" || p.type === "saml") && p.provider === entry.name ? "direct" : void 0;
    case "canonical":
      return p.type === "canonical-user" && p.canonicalUser === entry.id ? "direct" : void 0;
    case "unique-id":
      return void 0;
  }
}
function isIamPrincipal(p) {
  return p.type === "root" || p.type === "user" || p.type === "role-session" || p.type === "federated-user" || p.type === "unspecified";
}
function matchPrincipal(entries, p) {
  let best;
  for (const entry of entries) {
    const g = matchPrincipalEntry(entry, p);
    if (g && (!best || GRANT_RANK[g] > GRANT_RANK[best])) best = g;
  }
  return best;
}
function notPrincipalApplies(entries, p, effect, hasPermissionsBoundary) {
  const named = entries.map((e) => matchPrincipalEntry(e, p)).filter((g) => g !== void 0);
  if (effect === "Allow") return named.length === 0;
  if (hasPermissionsBoundary && isIamPrincipal(p)) return true;
  if (named.includes("direct") && entries.some((e) => e.kind === "any")) return false;
  if (!isIamPrincipal(p)) return named.length === 0;
  const hasAccount = named.includes("account");
  switch (p.type) {
    case "root":
      return !hasAccount;
    case "user":
    case "federated-user":
      return !(hasAccount && named.includes("direct"));
    case "role-session": {
      if (!(hasAccount && named.includes("role"))) return true;
      if (p.sessionArn !== void 0) return !named.includes("direct");
      return entries.some((e) => e.kind === "arn" && isSessionOf(e.arn, p)) ? "unknown" : true;
    }
    default:
      return !hasAccount;
  }
}
function isSessionOf(arn, p) {
  const parsed = parseArn(arn);
  const [kind, role] = parsed?.resource.split("/") ?? [];
  return parsed?.service === "sts" && parsed.account === p.account && kind === "assumed-role" && role === p.roleName;
}

// src/iam/evaluate.ts
var MATCHED = {};
var NO_ACTION = { mismatch: "action" };
var NO_RESOURCE = { mismatch: "resource" };
var NO_PRINCIPAL = { mismatch: "principal" };
var NO_CONDITION = { mismatch: "condition" };
var GRANTS = {
  direct: { grant: "direct" },
  role: { grant: "role" },
  account: { grant: "account" }
};
function matchStatement(s, req, full = false) {
  if (s.actionMatches(req.actionLower) === s.notAction) return NO_ACTION;
  return matchPastAction(s, req, full);
}
function matchPastAction(s, req, full) {
  if (req.unknown !== void 0 || req.resourcePattern) return matchAtWorst(s, req, full);
  if (!resourceApplies(s, req)) return NO_RESOURCE;
  const grant = principalGrant(s, req);
  if (grant === false) return NO_PRINCIPAL;
  for (const c of s.conditions) {
    if (!c.test(req)) return full ? { mismatch: "condition", failedCondition: c.label } : NO_CONDITION;
  }
  return grant ? GRANTS[grant] : MATCHED;
}
function resourceApplies(s, req) {
  if (s.resourceGlobs) return matchesAnyGlob(s.resourceGlobs, req.resource) !== s.notResource;
  if (!s.resources) return true;
  const r = s.resources(req);
  if (r !== void 0) return r !== s.notResource;
  if (!s.notResource || s.effect !== "Deny") return false;
  noteUnsettled(req, `${s.ref.policy} Statement[${s.ref.index}].NotResource: ${UNSETTLED_NOT_RESOURCE}`);
  return req.reading === "deny";
}
var UNSETTLED_NOT_RESOURCE = "a policy variable in NotResource has no value: the documentation says the statement does not take effect, IAM is reported to apply the Deny";
var UNSETTLED_NOT_PRINCIPAL = "NotPrincipal lists a session of the caller's role, and the caller's session name is not known: the Deny applies unless it is that session";
function principalGrant(s, req) {
  if (!s.principal) return void 0;
  if (s.notPrincipal) {
    const applies = notPrincipalApplies(s.principal, req.principal, s.effect, req.hasPermissionsBoundary);
    if (applies === "unknown") {
      noteUnsettled(req, `${s.ref.policy} Statement[${s.ref.index}].NotPrincipal: ${UNSETTLED_NOT_PRINCIPAL}`);
      if (req.reading !== "deny") return false;
    } else if (!applies) return false;
    if (s.effect === "Deny" && req.hasPermissionsBoundary && !notPrincipalApplies(s.principal, req.principal, s.effect, false)) {
      req.boundaryDenies ??= /* @__PURE__ */ new Set();
      req.boundaryDenies.add(s.ref);
    }
    return "direct";
  }
  return matchPrincipal(s.principal, req.principal) ?? false;
}
function matchAtWorst(s, req, full) {
  const unknown = req.unknown;
  const resourceUnknown = unknown !== void 0 && s.resourceVariables?.some(unknown) === true;
  if (resourceUnknown) {
  } else if (req.resourcePattern) {
    if (!patternApplies(s, req.resource)) return NO_RESOURCE;
  } else if (!resourceApplies(s, req)) {
    return NO_RESOURCE;
  }
  const grant = principalGrant(s, req);
  if (grant === false) return NO_PRINCIPAL;
  let undecided;
  for (const c of s.conditions) {
    if (unknown !== void 0 && conditionUnknown(c, unknown)) undecided ??= c;
    else if (!c.test(req)) return full ? { mismatch: "condition", failedCondition: c.label } : NO_CONDITION;
  }
  if (unknown !== void 0 && (resourceUnknown || undecided)) {
    noteAssumed(s, unknown, req.assumed);
    if (s.effect === "Allow") {
      if (!undecided) return NO_RESOURCE;
      return full ? { mismatch: "condition", failedCondition: undecided.label } : NO_CONDITION;
    }
  }
  return grant ? GRANTS[grant] : MATCHED;
}
function patternApplies(s, pattern) {
  const globs = s.resourceGlobs;
  const deny = s.effect === "Deny";
  if (globs === void 0) return s.resources === void 0 || deny;
  const covers = () => globs.some((glob) => globCovers(glob, pattern));
  const meets = () => globs.some((glob) => globWitness(glob, pattern) !== void 0);
  if (!s.notResource) return deny ? meets() : covers();
  return deny ? !covers() : !meets();
}
function conditionUnknown(c, unknown) {
  return unknown(c.key) || c.variables?.some(unknown) === true;
}
function noteAssumed(s, unknown, assumed) {
  if (!assumed) return;
  for (const key of s.resourceVariables ?? []) if (unknown(key)) assumed.add(key);
  for (const c of s.conditions) {
    if (unknown(c.key)) assumed.add(c.key);
    for (const key of c.variables ?? []) if (unknown(key)) assumed.add(key);
  }
}
var EMPTY = [];
function evaluateLayer(layer, req, full) {
  const index = full ? void 0 : layer.index();
  const indexed = index?.byAction.get(req.actionLower);
  const list = indexed ?? (index ? candidates(index, req) : layer.statements);
  let allows;
  let denies;
  let grant;
  const details = full ? [] : void 0;
  for (const s of list) {
    const m = indexed ? matchPastAction(s, req, full) : matchStatement(s, req, full);
    details?.push({
      ref: s.ref,
      matched: m.mismatch === void 0,
      ...m.mismatch ? { mismatch: m.mismatch } : {},
      ...m.failedCondition ? { failedCondition: m.failedCondition } : {}
    });
    if (m.mismatch) continue;
    if (s.effect === "Deny") {
      if (denies) denies.push(s.ref);
      else denies = [s.ref];
    } else {
      if (allows) allows.push(s.ref);
      else allows = [s.ref];
      if (m.grant && (!grant || GRANT_RANK[m.grant] > GRANT_RANK[grant])) grant = m.grant;
    }
  }
  return { allows: allows ?? EMPTY, denies: denies ?? EMPTY, grant, details };
}

// src/iam/types.ts
var LAYER_ORDER = ["rcp", "scp", "resource", "identity", "permissions-boundary", "session"];

// src/iam/explain.ts
var DOCS = "https://docs.aws.amazon.com";
var EVAL = `${DOCS}/IAM/latest/UserGuide/reference_policies_evaluation-logic.html`;
var NOTE = {
  getCallerIdentity: `sts:GetCallerIdentity needs no permission and cannot be denied (${DOCS}/STS/latest/APIReference/API_GetCallerIdentity.html).`,
  trustPolicy: `Role trust policies must grant explicitly, even within the account; naming the account root only delegates to its identity policies (${EVAL}).`,
  keyPolicy: `KMS key policies must grant explicitly, even within the account; naming the account root only delegates to IAM policies (${DOCS}/kms/latest/developerguide/key-policy-default.html).`,
  federatedUser: `A federated-user session has no permissions beyond its session policy (${EVAL}).`,
  crossAccount: `Across accounts, the identity side and the resource policy must both allow (${DOCS}/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html).`,
  directGrant: `Within one account, a resource policy that names the user or the session itself grants directly, past implicit denies in identity policies, permissions boundaries and session policies (${EVAL}).`,
  roleGrant: `A resource policy that names the role ARN (not the session) is still limited by the permissions boundary and the session policy (${EVAL}).`,
  rootUser: `The account root user has full access except where an SCP or an explicit deny limits it (${DOCS}/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html).`,
  rcp: `RCPFullAWSAccess is attached at every level, so RCPs can only deny (${DOCS}/organizations/latest/userguide/orgs_manage_policies_rcps.html).`,
  serviceLinked: `SCPs and RCPs do not restrict a service-linked role (${DOCS}/organizations/latest/userguide/orgs_manage_policies_scps.html, ${DOCS}/organizations/latest/userguide/orgs_manage_policies_rcps.html): they were not applied.`,
  notPrincipalBoundary: `A Deny with NotPrincipal always denies a principal that has a permissions boundary, even one the NotPrincipal element names (${DOCS}/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html).`,
  ownerUnknown: `An S3 ARN names no account, and no resourceAccount was given: across accounts the bucket policy must allow too (${DOCS}/IAM/latest/UserGuide/access_policies-cross-account-resource-access.html).`,
  ownerIrrelevant: "The account that owns the bucket is not known; the decision is the same whichever account owns it."
};
var LAYER_NAMES = {
  rcp: "RCP",
  scp: "SCP",
  resource: "resource-based policy",
  identity: "identity-based policy",
  "permissions-boundary": "permissions boundary",
  session: "session policy"
};
function describe(ref) {
  return ref.sid ? `${ref.policy} statement ${ref.index} (Sid "${ref.sid}")` : `${ref.policy} statement ${ref.index}`;
}
function resultOf(e, f) {
  const o = e.outcome;
  if (o.denies.length > 0) return "explicit-deny";
  if (e.layer === "rcp") return "allowed";
  if (e.layer === "resource") return f.grant ? "allowed" : "implicit-deny";
  return o.allows.length > 0 ? "allowed" : "implicit-deny";
}
function matchedOf(o) {
  if (o.denies.length === 0) return o.allows;
  if (o.allows.length === 0) return o.denies;
  return o.denies.concat(o.allows);
}
function layersOf(f) {
  const layers = [];
  for (const e of f.evaluated) {
    const l = {
      layer: e.layer,
      result: resultOf(e, f),
      matched: matchedOf(e.outcome)
    };
    if (e.level !== void 0) l.level = e.level;
    if (e.outcome.details) l.statements = e.outcome.details;
    layers.push(l);
  }
  if (f.root) insertInOrder(layers, { layer: "identity", result: "allowed", matched: [] });
  if (!f.hasSessionPolicy && !f.sessionAllows) layers.push({ layer: "session", result: "implicit-deny", matched: [] });
  return layers;
}
function insertInOrder(layers, l) {
  const rank = LAYER_ORDER.indexOf(l.layer);
  const at2 = layers.findIndex((x) => LAYER_ORDER.indexOf(x.layer) > rank);
  layers.splice(at2 < 0 ? layers.length : at2, 0, l);
}
function allowsOf(f, layer) {
  return f.evaluated.find((e) => e.layer === layer)?.outcome.allows ?? [];
}
function reasonOf(f, v, req) {
  const what = `${req.action} on ${req.resource}`;
  const who = req.principal.text ?? "the caller";
  switch (v.rule) {
    case "caller-identity":
      return "sts:GetCallerIdentity is always allowed.";
    case "explicit-deny": {
      const d = v.denied;
      const where = d.level === void 0 ? LAYER_NAMES[d.layer] : `${LAYER_NAMES[d.layer]} at organization level ${d.level}`;
      return `Explicitly denied by ${where}: ${d.outcome.denies.map(describe).join(", ")}.`;
    }
    case "scp-gap":
      return `No SCP at organization level ${v.level} allows ${what}.`;
    case "no-identity-allow":
      return `No identity-based policy allows ${what}.`;
    case "boundary":
      return `The permissions boundary does not allow ${what}.`;
    case "session":
      return f.hasSessionPolicy ? `The session policy does not allow ${what}.` : "The federated-user session has no session policy, so it has no permissions.";
    case "no-resource-grant":
      if (f.crossAccount) {
        return `Cross-account request from account ${req.principal.account} to account ${req.resourceAccount}: ${f.hasResourcePolicy ? "the resource-based policy does not allow" : "no resource-based policy allows"} ${what}.`;
      }
      if (!f.iam) {
        return f.hasResourcePolicy ? `No statement of the resource-based policy grants ${what} to ${who}.` : `${who} has no identity policies, and no resource-based policy was given for ${req.resource}.`;
      }
      return f.hasResourcePolicy ? `The ${f.required === "key" ? "KMS key policy" : "role trust policy"} does not grant ${what} to ${who}; it must grant explicitly.` : `No ${f.required === "key" ? "KMS key policy" : "role trust policy"} was given; it must grant ${what} explicitly, even within the account.`;
    case "resource-grant":
      return f.grant === "role" ? `Allowed by the resource-based policy, which names the role: ${what}.` : f.iam && !f.crossAccount ? `Allowed by the resource-based policy, which names the caller directly: ${what}.` : `Allowed by the resource-based policy: ${what}.`;
    case "identity-allow":
      return `Allowed: ${what}.`;
    case "owner-unknown": {
      const r = v.readings;
      const policy = f.hasResourcePolicy ? "the bucket policy given does not grant it" : "no bucket policy was given";
      return `Unknown: the account that owns ${req.resource} is not known, and the decision turns on it. Owned by the caller's account ${req.principal.account}: ${r.sameAccount.decision}; owned by another account: ${r.otherAccount.decision}, for the bucket policy must allow it too and ${policy}. Give the owner: "resourceAccount" in the request (simulate), "AccountId" in the bucket policy's file (docs/policy-folder.md).`;
    }
  }
}
function decidingOf(f, v) {
  if (v.rule === "explicit-deny") return v.denied.outcome.denies;
  if (v.rule === "resource-grant") return allowsOf(f, "resource");
  if (v.rule === "identity-allow") {
    const identity = allowsOf(f, "identity");
    return f.crossAccount || f.grant === "account" ? identity.concat(allowsOf(f, "resource")) : identity;
  }
  return [];
}
function boundaryDenied(v, req) {
  const marked = req.boundaryDenies;
  return marked !== void 0 && (v.denied?.outcome.denies.some((ref) => marked.has(ref)) ?? false);
}
function notesOf(f, v, req) {
  const notes = [];
  if (f.root) notes.push(NOTE.rootUser);
  if (f.serviceLinked) notes.push(NOTE.serviceLinked);
  if (f.rcpExempt) notes.push(f.rcpExempt);
  if (f.evaluated.some((e) => e.layer === "rcp")) notes.push(NOTE.rcp);
  if (v.rule === "explicit-deny" && boundaryDenied(v, req)) notes.push(NOTE.notPrincipalBoundary);
  if (f.ownerUnknown) notes.push(v.rule === "owner-unknown" ? NOTE.ownerUnknown : NOTE.ownerIrrelevant);
  if (v.rule === "caller-identity") notes.push(NOTE.getCallerIdentity);
  if (v.rule === "explicit-deny" || v.rule === "scp-gap") return notes;
  if (f.crossAccount) notes.push(NOTE.crossAccount);
  else if (f.required) notes.push(f.required === "trust" ? NOTE.trustPolicy : NOTE.keyPolicy);
  if (f.iam && !f.crossAccount && f.grant === "direct") notes.push(NOTE.directGrant);
  if (f.iam && !f.crossAccount && f.grant === "role") notes.push(NOTE.roleGrant);
  if (v.rule === "session" && !f.hasSessionPolicy) notes.push(NOTE.federatedUser);
  return notes;
}
function explain(f, v, req) {
  const e = {
    deciding: decidingOf(f, v),
    reason: reasonOf(f, v, req),
    layers: layersOf(f),
    notes: notesOf(f, v, req)
  };
  if (v.layer) e.decidingLayer = v.layer;
  if (v.level !== void 0) e.decidingLevel = v.level;
  return e;
}

// src/iam/decide.ts
var ROLE_ARN = /^arn:[^:]*:iam:[^:]*:[^:]*:role\//;
var KEY_ARN = /^arn:[^:]*:kms:[^:]*:[^:]*:key\//;
function requiredGrant(req) {
  if (req.service === "sts" && ROLE_ARN.test(req.resource)) return "trust";
  if (req.resource.includes(":key/") && KEY_ARN.test(req.resource)) return "key";
  return void 0;
}
function hasAllow(o) {
  return o !== void 0 && o.allows.length > 0;
}
function gatherFacts(set, req, full) {
  const p = req.principal;
  const iam = isIamPrincipal(p);
  const root = p.type === "root";
  const evaluated = [];
  const run = (layer, compiled, level) => {
    if (!compiled) return void 0;
    const outcome = evaluateLayer(compiled, req, full);
    evaluated.push({ layer, level, outcome });
    return outcome;
  };
  const serviceLinked = p.serviceLinked === true;
  const rcpExempt = set.rcps.length > 0 ? req.rcpExempt : void 0;
  if (!serviceLinked && rcpExempt === void 0) for (let i = 0; i < set.rcps.length; i++) run("rcp", set.rcps[i], i);
  let scpGap = -1;
  if (iam && !serviceLinked) {
    for (let i = 0; i < set.scps.length; i++) {
      if (!hasAllow(run("scp", set.scps[i], i)) && scpGap < 0) scpGap = i;
    }
  }
  const resource = run("resource", set.resource);
  const identity = iam && !root ? run("identity", set.identity) : void 0;
  const boundary = iam && !root ? run("permissions-boundary", set.permissionsBoundary) : void 0;
  const isSession = p.type === "role-session" || p.type === "federated-user";
  const session = isSession ? run("session", set.session) : void 0;
  return {
    evaluated,
    iam,
    root,
    identityAllows: root || hasAllow(identity),
    boundaryAllows: boundary === void 0 || hasAllow(boundary),
    // A federated-user session without a session policy has no permissions; a role session keeps its role's.
    sessionAllows: session ? hasAllow(session) : p.type !== "federated-user",
    hasSessionPolicy: session !== void 0,
    scpGap,
    required: requiredGrant(req),
    hasResourcePolicy: resource !== void 0,
    grant: resource?.grant,
    crossAccount: iam && p.account !== void 0 && req.resourceAccount !== void 0 && p.account !== req.resourceAccount,
    ownerUnknown: iam && !root && p.account !== void 0 && req.ownerUnknown,
    serviceLinked: serviceLinked && (set.rcps.length > 0 || set.scps.length > 0),
    rcpExempt: serviceLinked ? void 0 : rcpExempt
  };
}
function identitySide(f, needIdentity) {
  if (needIdentity && !f.identityAllows)
    return { decision: "implicit-deny", layer: "identity", rule: "no-identity-allow" };
  if (!f.boundaryAllows) return { decision: "implicit-deny", layer: "permissions-boundary", rule: "boundary" };
  if (!f.sessionAllows) return { decision: "implicit-deny", layer: "session", rule: "session" };
  return void 0;
}
var NO_GRANT = { decision: "implicit-deny", layer: "resource", rule: "no-resource-grant" };
var GRANTED = { decision: "allowed", rule: "resource-grant" };
var IDENTITY_ALLOWED = { decision: "allowed", rule: "identity-allow" };
function decideFromFacts(f, actionLower) {
  if (!f.ownerUnknown) return decideKnownOwner(f, actionLower);
  const sameAccount = decideKnownOwner({ ...f, ownerUnknown: false, crossAccount: false }, actionLower);
  const otherAccount = decideKnownOwner({ ...f, ownerUnknown: false, crossAccount: true }, actionLower);
  if (sameAccount.decision === otherAccount.decision) return sameAccount;
  return { decision: "unknown", layer: "resource", rule: "owner-unknown", readings: { sameAccount, otherAccount } };
}
function decideKnownOwner(f, actionLower) {
  if (actionLower === "sts:getcalleridentity") return { decision: "allowed", rule: "caller-identity" };
  const denied = f.evaluated.find((e) => e.outcome.denies.length > 0);
  if (denied) {
    return {
      decision: "explicit-deny",
      layer: denied.layer,
      ...denied.level !== void 0 ? { level: denied.level } : {},
      rule: "explicit-deny",
      denied
    };
  }
  if (f.scpGap >= 0) return { decision: "implicit-deny", layer: "scp", level: f.scpGap, rule: "scp-gap" };
  if (!f.iam) return f.grant ? GRANTED : NO_GRANT;
  if (f.crossAccount) return f.grant ? identitySide(f, true) ?? IDENTITY_ALLOWED : NO_GRANT;
  if (f.grant === "direct") return GRANTED;
  if (f.grant === "role") return identitySide(f, false) ?? GRANTED;
  if (f.required && !f.grant) return NO_GRANT;
  return identitySide(f, true) ?? IDENTITY_ALLOWED;
}
function decide(set, req, full) {
  const facts = gatherFacts(set, req, full);
  const verdict = decideFromFacts(facts, req.actionLower);
  return { decision: verdict.decision, explanation: explain(facts, verdict, req) };
}

// src/iam/parse.ts
var VERSIONS = ["2012-10-17", "2008-10-17"];
var POLICY_KEYS = /* @__PURE__ */ new Set(["Version", "Id", "Statement"]);
var PRINCIPAL_KEYS = /* @__PURE__ */ new Set(["AWS", "Service", "Federated", "CanonicalUser"]);
function show2(value) {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
var Collector = class {
  constructor(source) {
    this.source = source;
  }
  source;
  errors = [];
  add(code, path, message) {
    this.errors.push({ code, path, message: `${path} ${message}`, source: this.source });
  }
};
function allStrings(list) {
  for (let i = 0; i < list.length; i++) if (typeof list[i] !== "string" && i in list) return false;
  return true;
}
function at(path, element) {
  return `${path}.${element}`;
}
function readStrings(value, path, element, out) {
  if (typeof value === "string") return [value];
  if (Array.isArray(value) && value.length > 0 && allStrings(value)) return value;
  const where = element === "" ? path : at(path, element);
  if (Array.isArray(value) && value.length === 0) out.add("empty-list", where, "must not be an empty list");
  else out.add("invalid-type", where, `must be a string or a list of strings, got ${show2(value)}`);
  return void 0;
}
var ACTION = /^[A-Za-z0-9*?-]+:[A-Za-z0-9*?_-]+$/;
function readActions(value, path, element, out) {
  const list = readStrings(value, path, element, out);
  if (list === void 0) return list;
  for (let i = 0; i < list.length; i++) {
    const a = list[i];
    if (a === void 0 && !(i in list)) continue;
    if (a !== "*" && !ACTION.test(a)) {
      const where = typeof value === "string" ? at(path, element) : `${at(path, element)}[${i}]`;
      out.add("invalid-action", where, `must be "*" or "service:action", got ${show2(a)}`);
    }
  }
  return list;
}
function readResources(value, path, element, out) {
  const list = readStrings(value, path, element, out);
  if (list === void 0) return list;
  for (let i = 0; i < list.length; i++) {
    const r = list[i];
    if (r === void 0 && !(i in list)) continue;
    if (r !== "*" && !r.startsWith("arn:")) {
      const where = typeof value === "string" ? at(path, element) : `${at(path, element)}[${i}]`;
      out.add("invalid-resource", where, `must be "*" or an ARN, got ${show2(r)}`);
    }
  }
  return list;
}
function readPrincipal(value, statementPath, element, out) {
  if (value === "*") return [{ kind: "any" }];
  const path = at(statementPath, element);
  if (!isObject(value)) {
    out.add(
      "invalid-principal",
      path,
      `must be "*" or an object with AWS, Service, Federated or CanonicalUser, got ${show2(value)}`
    );
    return void 0;
  }
  const entries = [];
  for (const key of Object.keys(value)) {
    const raw = value[key];
    if (!PRINCIPAL_KEYS.has(key)) {
      out.add("unknown-field", at(path, key), "is not a principal type; use AWS, Service, Federated or CanonicalUser");
      continue;
    }
    const list = readStrings(raw, path, key, out);
    if (list === void 0) continue;
    for (let i = 0; i < list.length; i++) {
      if (!(i in list)) continue;
      const v = list[i];
      if (key === "AWS") {
        const entry = parseAwsPrincipal(v);
        if (entry) entries.push(entry);
        else
          out.add(
            "invalid-principal",
            typeof raw === "string" ? at(path, key) : `${at(path, key)}[${i}]`,
            `must be "*", a 12-digit account id, or an IAM user, role or STS session ARN without wildcards, got ${show2(v)}`
          );
      } else if (v === "*" && key !== "CanonicalUser") {
        entries.push({ kind: "any" });
      } else if (key === "Service") entries.push({ kind: "service", name: v });
      else if (key === "Federated") entries.push({ kind: "federated", name: v });
      else entries.push({ kind: "canonical", id: v });
    }
  }
  return entries;
}
function readElements(raw, path, out) {
  let Sid;
  let Effect;
  let Action;
  let NotAction;
  let Resource;
  let NotResource;
  let Principal;
  let NotPrincipal;
  let Condition;
  for (const key of Object.keys(raw)) {
    switch (key) {
      case "Sid":
        Sid = raw[key];
        break;
      case "Effect":
        Effect = raw[key];
        break;
      case "Action":
        Action = raw[key];
        break;
      case "NotAction":
        NotAction = raw[key];
        break;
      case "Resource":
        Resource = raw[key];
        break;
      case "NotResource":
        NotResource = raw[key];
        break;
      case "Principal":
        Principal = raw[key];
        break;
      case "NotPrincipal":
        NotPrincipal = raw[key];
        break;
      case "Condition":
        Condition = raw[key];
        break;
      default:
        out.add("unknown-field", `${path}.${key}`, "is not a statement element");
    }
  }
  return { Sid, Effect, Action, NotAction, Resource, NotResource, Principal, NotPrincipal, Condition };
}
function checkSidEffect({ Sid, Effect }, path, out) {
  if (Sid !== void 0 && typeof Sid !== "string")
    out.add("invalid-type", `${path}.Sid`, `must be a string, got ${show2(Sid)}`);
  if (Effect !== "Allow" && Effect !== "Deny") {
    out.add(
      "invalid-effect",
      `${path}.Effect`,
      Effect === void 0 ? "is required" : `must be "Allow" or "Deny", got ${show2(Effect)}`
    );
  }
}
function checkPair(a, b, aName, bName, required, path, out) {
  if (a !== void 0 && b !== void 0)
    out.add("conflicting-elements", path, `must not have both ${aName} and ${bName}`);
  else if (required && a === void 0 && b === void 0)
    out.add("missing-element", path, `must have ${aName} or ${bName}`);
}
function checkPairs(e, kind, path, out) {
  checkPair(e.Action, e.NotAction, "Action", "NotAction", true, path, out);
  checkPair(e.Resource, e.NotResource, "Resource", "NotResource", kind !== "resource", path, out);
  if (kind === "identity") {
    if (e.Principal !== void 0)
      out.add("principal-not-allowed", `${path}.Principal`, "is not allowed in an identity-based policy");
    if (e.NotPrincipal !== void 0)
      out.add("principal-not-allowed", `${path}.NotPrincipal`, "is not allowed in an identity-based policy");
  } else {
    checkPair(e.Principal, e.NotPrincipal, "Principal", "NotPrincipal", kind === "resource", path, out);
    if (e.NotPrincipal !== void 0 && e.Effect === "Allow")
      out.add(
        "not-principal-allow",
        `${path}.NotPrincipal`,
        'with "Effect": "Allow" is not supported by AWS; use Principal, or Deny with NotPrincipal'
      );
  }
}
function parseStatement(raw, index, path, policy, out) {
  const before = out.errors.length;
  if (!isObject(raw)) {
    out.add("invalid-statement", path, `must be an object, got ${show2(raw)}`);
    return void 0;
  }
  const e = readElements(raw, path, out);
  checkSidEffect(e, path, out);
  checkPairs(e, policy.kind, path, out);
  const action = e.Action === void 0 ? void 0 : readActions(e.Action, path, "Action", out);
  const notAction = e.NotAction === void 0 ? void 0 : readActions(e.NotAction, path, "NotAction", out);
  const resource = e.Resource === void 0 ? void 0 : readResources(e.Resource, path, "Resource", out);
  const notResource = e.NotResource === void 0 ? void 0 : readResources(e.NotResource, path, "NotResource", out);
  const principals = policy.kind !== "identity";
  const principal = principals && e.Principal !== void 0 ? readPrincipal(e.Principal, path, "Principal", out) : void 0;
  const notPrincipal = principals && e.NotPrincipal !== void 0 ? readPrincipal(e.NotPrincipal, path, "NotPrincipal", out) : void 0;
  const conditions = e.Condition === void 0 ? [] : compileConditionBlock(e.Condition, {
    path: `${path}.Condition`,
    substitute: policy.substitute,
    effect: e.Effect === "Deny" ? "Deny" : "Allow",
    source: policy.source,
    errors: out.errors
  });
  if (out.errors.length > before) return void 0;
  const statement = {
    index,
    effect: e.Effect
  };
  if (action) statement.action = action;
  if (notAction) statement.notAction = notAction;
  if (resource) statement.resource = resource;
  if (notResource) statement.notResource = notResource;
  if (principal) statement.principal = principal;
  if (notPrincipal) statement.notPrincipal = notPrincipal;
  statement.conditions = conditions;
  if (typeof e.Sid === "string") statement.sid = e.Sid;
  return statement;
}
function parsePolicy(doc, source, kind) {
  const out = new Collector(source);
  if (!isObject(doc)) {
    out.add("invalid-policy", "(policy)", `must be a JSON object, got ${show2(doc)}`);
    return { ok: false, errors: out.errors };
  }
  for (const key of Object.keys(doc)) {
    if (!POLICY_KEYS.has(key)) out.add("unknown-field", key, "is not a policy element; use Version, Id and Statement");
  }
  const version = doc.Version;
  if (version !== void 0 && !VERSIONS.includes(version)) {
    out.add("invalid-version", "Version", `must be "2012-10-17" or "2008-10-17", got ${show2(version)}`);
  }
  if (doc.Id !== void 0 && typeof doc.Id !== "string")
    out.add("invalid-type", "Id", `must be a string, got ${show2(doc.Id)}`);
  const header = {
    source,
    kind,
    version: typeof version === "string" ? version : void 0,
    substitute: version === "2012-10-17"
  };
  const raw = doc.Statement;
  const statements = [];
  if (raw === void 0) out.add("missing-element", "Statement", "is required");
  else if (Array.isArray(raw)) {
    for (let i = 0; i < raw.length; i++) {
      if (!(i in raw)) continue;
      const parsed = parseStatement(raw[i], i, `Statement[${i}]`, header, out);
      if (parsed) statements.push(parsed);
    }
  } else {
    const parsed = parseStatement(raw, 0, "Statement", header, out);
    if (parsed) statements.push(parsed);
  }
  if (out.errors.length > 0) return { ok: false, errors: out.errors };
  const policy = {
    source: header.source,
    kind: header.kind,
    version: header.version,
    substitute: header.substitute,
    statements
  };
  return { ok: true, policy };
}

// src/iam/index.ts
function compilePolicySet(input) {
  const principals = /* @__PURE__ */ new Map();
  let lastText;
  let lastInfo;
  return {
    classify: (text) => {
      if (lastInfo !== void 0 && text === lastText) return lastInfo;
      let info = principals.get(text);
      if (!info) {
        info = classifyPrincipal(text);
        if (principals.size >= 1024) principals.clear();
        principals.set(text, info);
      }
      lastText = text;
      lastInfo = info;
      return info;
    },
    identity: compileLayer(input.identityPolicies),
    permissionsBoundary: input.permissionsBoundary ? compileLayer([input.permissionsBoundary]) : void 0,
    session: input.sessionPolicies && input.sessionPolicies.length > 0 ? compileLayer(input.sessionPolicies) : void 0,
    scps: (input.scps ?? []).map(compileLayer),
    rcps: (input.rcps ?? []).map(compileLayer),
    resource: input.resourcePolicy ? compileLayer([input.resourcePolicy]) : void 0
  };
}
function evaluate(set, request, options = {}) {
  const prepared = prepareRequest(request, {
    hasPermissionsBoundary: set.permissionsBoundary !== void 0,
    classify: set.classify,
    unknown: options.unknown,
    resourcePattern: options.resourcePattern,
    reading: options.reading,
    rcpExempt: options.rcpExempt
  });
  const result = decide(set, prepared, options.explain === "full");
  const assumed = prepared.assumed?.size ?? 0;
  const unsettled = prepared.unsettled?.size ?? 0;
  if (assumed === 0 && unsettled === 0) return result;
  return {
    ...result,
    ...assumed > 0 ? { assumed: [...prepared.assumed ?? []] } : {},
    ...unsettled > 0 ? { unsettled: [...prepared.unsettled ?? []] } : {}
  };
}

export {
  tryClassifyPrincipal,
  UNREADABLE_ARN_VALUE,
  show2 as show,
  parsePolicy,
  compilePolicySet,
  evaluate
};
