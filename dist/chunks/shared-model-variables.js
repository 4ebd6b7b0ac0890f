import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);

// src/model/variables.ts
var VARIABLE_LIMITS = { entries: 2e3, valueBytes: 48 * 1024, nameLength: 256 };
var VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
var encoder = new TextEncoder();
function tooLargeForVariable(value) {
  return encoder.encode(value).length > VARIABLE_LIMITS.valueBytes;
}
function badEntry(name, value) {
  if (typeof name !== "string" || name.length > VARIABLE_LIMITS.nameLength || !VARIABLE_NAME.test(name))
    return "a name must be letters, digits and _, not starting with a digit";
  if (typeof value !== "string") return `the value of ${name} must be a string`;
  if (tooLargeForVariable(value)) return `the value of ${name} is larger than ${VARIABLE_LIMITS.valueBytes} bytes`;
  return void 0;
}
function parseVariables(text, source, objectComplete) {
  let data;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `is not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const list = Array.isArray(data);
  const entries = list ? data.map(
    (item) => typeof item === "object" && item !== null ? [item.name, item.value] : [void 0, void 0]
  ) : typeof data === "object" && data !== null ? Object.entries(data) : [];
  if (!list && (typeof data !== "object" || data === null))
    return { ok: false, error: "must be an object of names and values, or a list of { name, value }" };
  if (entries.length > VARIABLE_LIMITS.entries)
    return { ok: false, error: `lists more than ${VARIABLE_LIMITS.entries} variables` };
  const values = {};
  for (const [index, [name, value]] of entries.entries()) {
    const bad = badEntry(name, value);
    if (bad) return { ok: false, error: `${list ? `item ${index + 1}: ` : ""}${bad}` };
    values[name] = value;
  }
  return { ok: true, listing: { values, complete: list || objectComplete, source } };
}
function mergeValues(listings) {
  const byName = /* @__PURE__ */ new Map();
  for (const listing of listings)
    for (const [name, value] of Object.entries(listing.values)) byName.set(name.toUpperCase(), [name, value]);
  return Object.fromEntries([...byName.values()]);
}
function mergeLevel(listings) {
  if (listings.length === 0) return void 0;
  const whole = listings.find((l) => l.complete);
  if (whole) return whole;
  return {
    values: mergeValues([...listings].reverse()),
    complete: false,
    source: listings.map((l) => l.source).join(", ")
  };
}
function mergeVariables(sources) {
  const given = sources.filter((s) => s !== void 0);
  const repository = mergeLevel(given.flatMap((s) => s.repository ? [s.repository] : []));
  const names = /* @__PURE__ */ new Map();
  for (const s of given) for (const name of Object.keys(s.environments ?? {})) names.set(name.toLowerCase(), name);
  const environments = {};
  for (const [lower, name] of names) {
    const listings = given.flatMap(
      (s) => Object.entries(s.environments ?? {}).filter(([k]) => k.toLowerCase() === lower).map(([, l]) => l)
    );
    const level = mergeLevel(listings);
    if (level) environments[name] = level;
  }
  return {
    ...repository ? { repository } : {},
    ...Object.keys(environments).length > 0 ? { environments } : {}
  };
}

export {
  VARIABLE_LIMITS,
  tooLargeForVariable,
  parseVariables,
  mergeVariables
};
