import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  readJsonInput
} from "./shared-commands-input.js";
import {
  compilePolicySet,
  evaluate,
  parsePolicy,
  show,
  tryClassifyPrincipal
} from "./shared-iam-arn.js";
import "./shared-text-edit-distance.js";
import "./shared-iam-glob.js";
import {
  InputFileError
} from "./shared-sources-files.js";
import "./shared-sources-http.js";
import "./shared-text-secrets.js";
import "./shared-text-json-depth.js";
import "./shared-runtime-efb0f0b2.js";

// src/commands/simulate.ts
import { parseArgs } from "node:util";

// src/iam/simulate.ts
var CASE_KEYS = /* @__PURE__ */ new Set([
  "name",
  "request",
  "identityPolicies",
  "permissionsBoundary",
  "sessionPolicy",
  "scps",
  "rcps",
  "resourcePolicy"
]);
var REQUEST_KEYS = /* @__PURE__ */ new Set(["principal", "action", "resource", "resourceAccount", "context"]);
function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
var CaseReader = class {
  constructor(prefix, file) {
    this.prefix = prefix;
    this.file = file;
  }
  prefix;
  file;
  errors = [];
  error(field, message) {
    const path = this.prefix ? `${this.prefix}.${field}` : field;
    this.errors.push({ path, message: `${path} ${message}` });
  }
  policy(doc, field, kind) {
    const name = this.prefix ? `${this.prefix}.${field}` : field;
    const result = parsePolicy(doc, this.file ? { name, file: this.file } : { name }, kind);
    if (result.ok) return result.policy;
    for (const e of result.errors) {
      const path = e.path === "(policy)" ? name : `${name}.${e.path}`;
      this.errors.push({ path, message: `${name}.${e.message}`.replace(`${name}.(policy) `, `${name} `) });
    }
    return void 0;
  }
  levels(value, field) {
    if (value === void 0) return void 0;
    if (!Array.isArray(value) || !value.every(Array.isArray)) {
      this.error(field, `must be a list of organization levels, each a list of policy documents, got ${show(value)}`);
      return void 0;
    }
    return value.map(
      (level, i) => level.flatMap(
        (doc, j) => this.policy(doc, `${field}[${i}][${j}]`, field === "rcps" ? "control" : "identity") ?? []
      )
    );
  }
  request(raw) {
    if (!isObject(raw)) {
      this.error("request", raw === void 0 ? "is required" : `must be an object, got ${show(raw)}`);
      return void 0;
    }
    for (const key of Object.keys(raw))
      if (!REQUEST_KEYS.has(key)) this.error(`request.${key}`, "is not a request field");
    const { principal, action, resource, resourceAccount, context } = raw;
    if (typeof action !== "string" || !/^[A-Za-z0-9-]+:[A-Za-z0-9_-]+$/.test(action)) {
      this.error(
        "request.action",
        action === void 0 ? "is required" : `must be one action as "service:Action", without wildcards, got ${show(action)}`
      );
    }
    if (typeof resource !== "string" || resource === "") {
      this.error(
        "request.resource",
        resource === void 0 ? "is required" : `must be an ARN or "*", got ${show(resource)}`
      );
    }
    if (principal !== void 0 && (typeof principal !== "string" || !tryClassifyPrincipal(principal))) {
      this.error(
        "request.principal",
        `must be an IAM user, role, root or STS session ARN, an account id, a service principal or an identity provider, got ${show(principal)}`
      );
    }
    if (resourceAccount !== void 0 && (typeof resourceAccount !== "string" || !/^\d{12}$/.test(resourceAccount))) {
      this.error("request.resourceAccount", `must be a 12-digit account id, got ${show(resourceAccount)}`);
    }
    const ctx = this.context(context);
    return {
      action,
      resource,
      ...typeof principal === "string" ? { principal } : {},
      ...typeof resourceAccount === "string" ? { resourceAccount } : {},
      context: ctx
    };
  }
  /**
   * The request's context. It keeps the case's object when it is valid (a request with an error is never evaluated);
   * a copy only when a key would set the prototype of a fresh object instead of becoming a key of it.
   */
  context(context) {
    if (context === void 0) return {};
    if (!isObject(context)) {
      this.error("request.context", `must be an object, got ${show(context)}`);
      return {};
    }
    const seen = /* @__PURE__ */ new Map();
    const keys = Object.keys(context);
    const copy = keys.includes("__proto__") ? {} : void 0;
    for (const key of keys) {
      const value = context[key];
      const twin = seen.get(key.toLowerCase());
      if (twin !== void 0) {
        this.error(
          `request.context.${key}`,
          `is the key "${twin}" again (key names are case-insensitive); give it once`
        );
        continue;
      }
      seen.set(key.toLowerCase(), key);
      const ok = typeof value === "string" || Array.isArray(value) && value.every((v) => typeof v === "string");
      if (!ok) {
        this.error(
          `request.context.${key}`,
          `must be a string, or a list of strings for a multivalued key, got ${show(value)}`
        );
      } else if (copy) copy[key] = value;
    }
    return copy ?? context;
  }
};
function readCase(raw, prefix, file) {
  const r = new CaseReader(prefix, file);
  if (!isObject(raw)) {
    r.error("", `must be an object, got ${show(raw)}`);
    return r.errors;
  }
  for (const key of Object.keys(raw)) if (!CASE_KEYS.has(key)) r.error(key, "is not a case field");
  if (raw.name !== void 0 && typeof raw.name !== "string")
    r.error("name", `must be a string, got ${show(raw.name)}`);
  const request = r.request(raw.request);
  const identity = [];
  if (!Array.isArray(raw.identityPolicies)) {
    r.error(
      "identityPolicies",
      raw.identityPolicies === void 0 ? "is required (use [] for none)" : "must be a list of policy documents"
    );
  } else {
    const docs = raw.identityPolicies;
    for (let i = 0; i < docs.length; i++) {
      if (!(i in docs)) continue;
      const policy = r.policy(docs[i], `identityPolicies[${i}]`, "identity");
      if (policy) identity.push(policy);
    }
  }
  const opt = (field, kind) => raw[field] === void 0 ? void 0 : r.policy(raw[field], field, kind);
  const permissionsBoundary = opt("permissionsBoundary", "identity");
  const sessionPolicy = opt("sessionPolicy", "identity");
  const resourcePolicy = opt("resourcePolicy", "resource");
  const scps = r.levels(raw.scps, "scps");
  const rcps = r.levels(raw.rcps, "rcps");
  if (r.errors.length > 0 || !request) return r.errors;
  return {
    ...typeof raw.name === "string" ? { name: raw.name } : {},
    request,
    policies: {
      identityPolicies: identity,
      permissionsBoundary,
      sessionPolicies: sessionPolicy ? [sessionPolicy] : void 0,
      scps,
      rcps,
      resourcePolicy
    }
  };
}
function parseSimulateInput(json, file) {
  const many = isObject(json) && "cases" in json;
  if (many && !Array.isArray(json.cases))
    return { ok: false, errors: [{ path: "cases", message: "cases must be a list of cases" }] };
  const raws = many ? json.cases : [json];
  if (many && Object.keys(json).length > 1) {
    const extra = Object.keys(json).filter((k) => k !== "cases");
    return { ok: false, errors: extra.map((k) => ({ path: k, message: `${k} is not allowed beside "cases"` })) };
  }
  const cases = [];
  const errors = [];
  raws.forEach((raw, i) => {
    const out = readCase(raw, many ? `cases[${i}]` : "", file);
    if (Array.isArray(out)) errors.push(...out);
    else cases.push(out);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, cases };
}
function simulateCase(c, options = {}) {
  const set = compilePolicySet(c.policies);
  const result = evaluate(set, c.request, options);
  if (!result.unsettled) return result;
  return { ...result, otherReading: evaluate(set, c.request, { ...options, reading: "allow" }).decision };
}

// src/report/simulate-text.ts
function ref(r) {
  return `${r.policy} statement ${r.index}${r.sid ? ` (${r.sid})` : ""} [${r.effect}]`;
}
function layerLine(l) {
  const name = l.level === void 0 ? l.layer : `${l.layer} level ${l.level}`;
  const matched = l.matched.length > 0 ? l.matched.map(ref).join("; ") : "no statement matched";
  return `    ${name.padEnd(22)} ${l.result.padEnd(15)} ${matched}`;
}
function detailLines(l) {
  return (l.statements ?? []).filter((s) => !s.matched).map(
    (s) => `      - ${ref(s.ref)}: ${s.mismatch === "condition" ? `condition ${s.failedCondition} not met` : `${s.mismatch} does not match`}`
  );
}
function readingLines(r) {
  const other = r.otherReading && r.otherReading !== r.decision ? `the other reading gives ${r.otherReading.toUpperCase()}` : "the other reading gives the same decision";
  return [
    `  Reading: AWS's documentation and its observed behaviour read this policy two ways; this decision takes the reading that denies (${other}):`,
    ...(r.unsettled ?? []).map((n) => `    - ${n}`)
  ];
}
function renderSimulateText(cases, results) {
  const blocks = results.map((r, i) => {
    const c = cases[i];
    const e = r.explanation;
    const where = e.decidingLayer ? ` (${e.decidingLayer}${e.decidingLevel !== void 0 ? ` level ${e.decidingLevel}` : ""})` : "";
    const lines = [
      `Case ${i + 1}${c.name ? `: ${c.name}` : ""}`,
      `  ${r.decision.toUpperCase()}${where}`,
      `  ${c.request.action} on ${c.request.resource}${c.request.principal ? ` by ${c.request.principal}` : ""}`,
      `  ${e.reason}`
    ];
    if (e.layers.length > 0) {
      lines.push("  Layers:");
      for (const l of e.layers) lines.push(layerLine(l), ...detailLines(l));
    }
    for (const n of e.notes) lines.push(`  Note: ${n}`);
    if (r.unsettled) lines.push(...readingLines(r));
    return lines.join("\n");
  });
  return `${blocks.join("\n\n")}
`;
}

// src/commands/simulate.ts
var USAGE = `Usage: permission-preflight simulate --input FILE [--format json|text] [--explain decision|full]

Decides AWS IAM requests offline, as AWS's policy evaluation logic would, and explains each decision.

Options:
  --input FILE     One case, or {"cases": [case, ...]}. "-" reads standard input.
  --format FORMAT  json (default): an array with one {decision, explanation} per case.
                   text: a readable report.
  --explain LEVEL  decision (default): the deciding layer and statements.
                   full: also every statement of every layer and why it did not match.

A case: {"request": {"principal", "action", "resource", "resourceAccount", "context"},
         "identityPolicies": [...], "permissionsBoundary", "sessionPolicy",
         "scps": [[level 0 policies], ...], "rcps": [[...]], "resourcePolicy"}
The context is complete and literal: no key is derived that the case does not give.
"resourceAccount" is the account that owns the resource: give it for an S3 ARN, which names none; without it, a
request the owner decides (an identity Allow the bucket policy does not grant) is "unknown".
A key given twice in one object is bad input: JSON keeps the last, and the first is lost.

Exit codes: 0 every case was evaluated (whatever the decisions); 2 bad input.

Examples:
  permission-preflight simulate --input examples/simulate/deploy.json --format text
  cat case.json | permission-preflight simulate --input -
`;
async function run(args, io) {
  const { values } = parseArgs({
    args,
    options: { input: { type: "string" }, format: { type: "string" }, explain: { type: "string" } },
    strict: true,
    allowPositionals: false
  });
  if (!values.input) throw new InputFileError("--input is required");
  const format = values.format ?? "json";
  if (format !== "json" && format !== "text")
    throw new InputFileError(`--format must be json or text, got "${format}"`);
  const explain = values.explain ?? "decision";
  if (explain !== "decision" && explain !== "full") {
    throw new InputFileError(`--explain must be decision or full, got "${explain}"`);
  }
  const input = parseSimulateInput(
    // A key given twice is refused, as the policy folders report it (duplicate-key): the first would be lost.
    await readJsonInput(values.input, io, { uniqueKeys: true }),
    values.input === "-" ? void 0 : values.input
  );
  if (!input.ok) {
    const shown = input.errors.slice(0, 50).map((e) => `  ${e.message}`);
    const more = input.errors.length > 50 ? [`  ... and ${input.errors.length - 50} more`] : [];
    io.stderr(`permission-preflight simulate: invalid input ${values.input}:
${[...shown, ...more].join("\n")}
`);
    return 2;
  }
  const { loadCatalog } = await import("./sources-catalog.js");
  const { rcpExemption } = await import("./catalog.js");
  const catalog = await loadCatalog();
  const rcpExempt = (action) => rcpExemption(catalog, action);
  const results = input.cases.map((c) => simulateCase(c, { explain, rcpExempt }));
  if (format === "text") io.stdout(renderSimulateText(input.cases, results));
  else {
    const out = results.map((r, i) => ({ ...input.cases[i]?.name ? { name: input.cases[i]?.name } : {}, ...r }));
    io.stdout(`${JSON.stringify(out, null, 2)}
`);
  }
  return 0;
}
var simulateCommand = { usage: USAGE, run };
export {
  simulateCommand
};
