import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  editDistance
} from "./shared-text-edit-distance.js";
import {
  looksLikeSecret
} from "./shared-config-credential-variables.js";
import {
  hideUserInfo
} from "./shared-text-secrets.js";

// src/config/file-errors.ts
function splitPointer(pointer) {
  return pointer === "" ? [] : pointer.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}
function describePath(path) {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number" || /^\d+$/.test(segment)) out += `[${segment}]`;
    else if (!/^[\w$-]+$/.test(segment)) out += `[${JSON.stringify(segment)}]`;
    else out += out === "" ? segment : `.${segment}`;
  }
  return out || "(top level)";
}
function showValue(value) {
  if (typeof value === "string" && looksLikeSecret(value)) return "a value that looks like a token (not shown)";
  if (value === void 0) return "nothing";
  const text = hideUserInfo(JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
var TYPE_WORDS = {
  string: "a string",
  integer: "an integer",
  number: "a number",
  boolean: "true or false",
  object: "a mapping",
  array: "a list",
  null: "empty"
};
function orList(items) {
  return items.length <= 1 ? items[0] ?? "" : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
}
function closest(name, names) {
  let best;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of names) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase(), void 0, false);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}
var REFUSED_IN_FILE = /* @__PURE__ */ new Set(["introspection"]);
function describeUnknownKey(key, parent) {
  const known = Object.keys(parent?.properties ?? {}).filter(
    (k) => k !== "$schema" && !REFUSED_IN_FILE.has(k)
  );
  const meant = closest(key, known);
  if (meant) return `is not a setting here; did you mean ${meant}?`;
  return known.length > 0 ? `is not a setting here (known: ${known.join(", ")})` : "is not a setting here";
}
function valueAt(data, path) {
  let value = data;
  for (const segment of path) {
    if (typeof value !== "object" || value === null) return void 0;
    value = value[segment];
  }
  return value;
}
function describeError(error, value) {
  const p = error.params;
  const got = `, got ${showValue(value)}`;
  const parent = error.parentSchema;
  const custom = (key) => typeof parent?.[key] === "string" ? parent[key] : void 0;
  switch (error.keyword) {
    case "type": {
      const types = Array.isArray(p.type) ? p.type : String(p.type).split(",");
      return { message: `must be ${orList(types.map((t) => TYPE_WORDS[t] ?? t))}${got}`, part: "value" };
    }
    case "enum":
      return { message: `must be ${orList(p.allowedValues.map(String))}${got}`, part: "value" };
    case "const":
      return { message: `must be ${showValue(p.allowedValue)}${got}`, part: "value" };
    case "pattern":
      return { message: `${custom("patternErrorMessage") ?? `must match ${String(p.pattern)}`}${got}`, part: "value" };
    case "required":
      return { suffix: String(p.missingProperty), message: "is required", part: "value" };
    case "dependentRequired":
      return { suffix: String(p.missingProperty), message: `is required with ${String(p.property)}`, part: "value" };
    case "additionalProperties":
      return {
        suffix: String(p.additionalProperty),
        message: describeUnknownKey(String(p.additionalProperty), parent),
        part: "key"
      };
    case "propertyNames": {
      const names = parent?.propertyNames;
      const inner = typeof names?.patternErrorMessage === "string" ? names.patternErrorMessage : "is not a valid name";
      return { suffix: String(p.propertyName), message: inner, part: "key" };
    }
    case "minItems":
      return {
        message: Number(p.limit) === 1 ? "must not be empty" : `must have at least ${p.limit} items`,
        part: "value"
      };
    case "minimum":
    case "exclusiveMinimum":
    case "maximum":
    case "exclusiveMaximum":
      return { message: `must be ${String(p.comparison)} ${String(p.limit)}${got}`, part: "value" };
    case "oneOf":
    case "anyOf":
      return { message: custom("errorMessage") ?? `must match one of the allowed forms${got}`, part: "value" };
    default:
      return { message: custom("errorMessage") ?? error.message ?? `fails ${error.keyword}`, part: "value" };
  }
}
function describeSchemaErrors(errors, data, file, locate) {
  const umbrellas = errors.filter((e) => ["oneOf", "anyOf", "propertyNames"].includes(e.keyword)).map((e) => `${e.schemaPath}/`);
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  for (const error of errors) {
    if (umbrellas.some((u) => error.schemaPath.startsWith(u))) continue;
    const path = splitPointer(error.instancePath);
    const described = describeError(error, valueAt(data, path));
    const full = described.suffix === void 0 ? path : [...path, described.suffix];
    const at = locate(described.part === "key" ? full : path, described.part);
    const where = describePath(full);
    const key = `${at.line}:${at.column}:${where}:${described.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ where, message: described.message, file, line: at.line, column: at.column });
  }
  return out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
function describeConfigError(error) {
  const place = error.file !== void 0 ? `${error.file}${error.line !== void 0 ? `:${error.line}${error.column !== void 0 ? `:${error.column}` : ""}` : ""}: ` : "";
  return `${place}${error.where} ${error.message}`;
}

export {
  describePath,
  describeSchemaErrors,
  describeConfigError
};
