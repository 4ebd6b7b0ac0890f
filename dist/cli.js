#!/usr/bin/env node
import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  renderDecodeText
} from "./chunks/chunk-72EESH67.js";
import {
  compilePolicySet,
  evaluate,
  parsePolicy,
  show,
  tryClassifyPrincipal
} from "./chunks/chunk-MCWJEXHU.js";
import {
  createRedactor
} from "./chunks/chunk-TQ3ENCRR.js";
import {
  MAX_TOKEN_BYTES,
  readToken
} from "./chunks/chunk-N5BDCOHV.js";
import "./chunks/chunk-DOMHO7IF.js";
import {
  parseDuration
} from "./chunks/chunk-UCVUXZ6M.js";
import {
  InputFileError,
  readJson
} from "./chunks/chunk-4P633O6D.js";
import "./chunks/chunk-PRBFNC5C.js";

// src/commands/check.ts
import { parseArgs as parseArgs2 } from "node:util";

// src/commands/decode.ts
import { parseArgs } from "node:util";
var USAGE = `Usage: permission-preflight decode [--file PATH | --file -] [expectations] [--format text|json]

Reads one token (a JWT, or an opaque token with --introspection-url) from a file or standard input, shows its
header and claims with times in human form, verifies its signature against the issuer's keys, and checks it
against the expectations given below. The token is never read from the command line: arguments are visible to
every user in the process list and stay in shell history. The token itself is never printed.

Input:
  --file PATH              Read the token from PATH; "-" (or no --file, with input piped in) reads standard input.
  --format FORMAT          text (default), or json: the same as one JSON object.

Expectations (each one given becomes a check; what is not given is not checked):
  --issuer URL             iss must equal URL exactly; the keys are found through URL/.well-known/openid-configuration.
                           Without it the token's own iss is used to find keys, which proves only that the
                           token is what its issuer signed, not that you trust that issuer.
  --audience AUD           aud must contain AUD. Repeatable: any one of them is enough.
  --scope SCOPE            The token must grant SCOPE (read from scope, scp, scopes, permissions, roles).
                           Repeatable; each missing scope is its own finding.
  --claim NAME=PATTERN     The claim must match PATTERN (* and ? wildcards, case-sensitive, as AWS compares).
                           Repeatable, e.g. --claim sub=repo:acme/api:environment:production
  --min-lifetime DURATION  The token must stay valid at least this long from now: 90s, 10m, 1h, or seconds.
  --clock-skew DURATION    Tolerance for exp, nbf and iat against this machine's clock (default 60s).

Verification:
  --jwks-url URL           Use this key set instead of discovery.
  --introspection-url URL  Check an opaque token with OAuth 2.0 token introspection (RFC 7662).
  --client-id-env NAME     The environment variables holding the introspection client's id and secret
  --client-secret-env NAME (HTTP Basic client authentication); give both or neither.
  --allow-unverifiable     Accept an opaque token that cannot be verified (reported as not verified).
  --no-verify              Do not check the signature (offline): the token is shown, and the verification
                           finding is "unverifiable", so the exit code is 1.

Exit codes: 0 every finding passed; 1 a finding failed or could not be verified; 2 bad usage or unreadable input.

Examples:
  permission-preflight decode --file token.jwt
  printf %s "$TOKEN" | permission-preflight decode --audience sts.amazonaws.com --min-lifetime 10m
  permission-preflight decode --file token.jwt --issuer https://token.actions.githubusercontent.com \\
      --audience sts.amazonaws.com --claim 'sub=repo:acme/api:environment:production' --format json
  permission-preflight decode --file access.txt --introspection-url https://auth.example.com/oauth2/introspect \\
      --client-id-env INTROSPECT_ID --client-secret-env INTROSPECT_SECRET --scope deploy:write
  permission-preflight decode --file token.jwt --no-verify
`;
function looksLikeToken(arg) {
  const text = arg.trim();
  if (/^eyJ[A-Za-z0-9_-]{8,}/.test(text)) return true;
  if (/^[A-Za-z0-9_-]{8,}(\.[A-Za-z0-9_-]*){2,4}$/.test(text)) return true;
  if (/^(gh[pousr]_|github_pat_|glpat-|npm_|sk_(live|test)_|xox[abprs]-|ya29\.|AKIA|ASIA)/.test(text)) return true;
  return /^[A-Za-z0-9_\-+/=.~]{32,}$/.test(text) && !/\.(jwt|txt|token|json)$/i.test(text) && !text.includes("/");
}
var FROM_ARGV = 'the token is never read from the command line: arguments are visible to every user in the process list and stay in shell history. If that was a real token, treat it as exposed and rotate it. Put it in a file and give --file PATH, or pipe it in: printf %s "$TOKEN" | permission-preflight decode';
function url(flag, value) {
  if (value === void 0) return void 0;
  if (!/^https?:\/\/\S+$/.test(value)) throw new InputFileError(`--${flag} must be an https URL, got "${value}"`);
  return value;
}
function duration(flag, value) {
  if (value === void 0) return void 0;
  const parsed = parseDuration(value);
  if (!parsed.ok) throw new InputFileError(`--${flag}: ${parsed.error}`);
  return parsed.seconds;
}
function claimPatterns(values) {
  if (!values?.length) return void 0;
  const claims = {};
  for (const value of values) {
    const eq = value.indexOf("=");
    const name = value.slice(0, Math.max(eq, 0)).trim();
    const pattern = value.slice(eq + 1).trim();
    if (eq <= 0 || name === "" || pattern === "") {
      throw new InputFileError(`--claim must be NAME=PATTERN, e.g. sub=repo:acme/api:*, got "${value}"`);
    }
    if (name in claims) throw new InputFileError(`--claim ${name} is given twice`);
    claims[name] = pattern;
  }
  return claims;
}
var ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
function readFlags(args) {
  const { values, positionals } = parseArgs({
    args,
    options: {
      file: { type: "string" },
      format: { type: "string" },
      issuer: { type: "string" },
      audience: { type: "string", multiple: true },
      scope: { type: "string", multiple: true },
      claim: { type: "string", multiple: true },
      "min-lifetime": { type: "string" },
      "clock-skew": { type: "string" },
      "jwks-url": { type: "string" },
      "introspection-url": { type: "string" },
      "client-id-env": { type: "string" },
      "client-secret-env": { type: "string" },
      "allow-unverifiable": { type: "boolean" },
      "no-verify": { type: "boolean" }
    },
    strict: true,
    allowPositionals: true
  });
  if (positionals.some(looksLikeToken))
    throw new InputFileError(`refusing an argument that looks like a token: ${FROM_ARGV}`);
  if (positionals.length > 0) {
    throw new InputFileError(
      `decode takes no arguments besides its options (did you mean --file ${positionals[0]}?); ${FROM_ARGV}`
    );
  }
  const format = values.format ?? "text";
  if (format !== "text" && format !== "json")
    throw new InputFileError(`--format must be text or json, got "${format}"`);
  const introspectionUrl = url("introspection-url", values["introspection-url"]);
  const clientIdEnv = values["client-id-env"];
  const clientSecretEnv = values["client-secret-env"];
  if (clientIdEnv === void 0 !== (clientSecretEnv === void 0)) {
    throw new InputFileError("--client-id-env and --client-secret-env go together");
  }
  if (clientIdEnv !== void 0 && !introspectionUrl) {
    throw new InputFileError("--client-id-env and --client-secret-env need --introspection-url");
  }
  for (const name of [clientIdEnv, clientSecretEnv]) {
    if (name !== void 0 && !ENV_NAME.test(name)) {
      throw new InputFileError(`--client-id-env and --client-secret-env name environment variables, got "${name}"`);
    }
  }
  const issuer = url("issuer", values.issuer);
  const jwksUrl = url("jwks-url", values["jwks-url"]);
  const minLifetimeSeconds = duration("min-lifetime", values["min-lifetime"]);
  const clockSkewSeconds = duration("clock-skew", values["clock-skew"]);
  const requiredScopes = values.scope?.flatMap((s) => s.split(/\s+/)).filter(Boolean);
  const claims = claimPatterns(values.claim);
  const expect = {
    ...issuer ? { issuer } : {},
    ...values.audience?.length ? { audience: values.audience } : {},
    ...requiredScopes?.length ? { requiredScopes } : {},
    ...minLifetimeSeconds !== void 0 ? { minLifetimeSeconds } : {},
    ...clockSkewSeconds !== void 0 ? { clockSkewSeconds } : {},
    ...claims ? { claims } : {},
    ...jwksUrl ? { jwksUrl } : {},
    ...introspectionUrl ? {
      introspection: {
        url: introspectionUrl,
        ...clientIdEnv && clientSecretEnv ? { clientIdEnv, clientSecretEnv } : {}
      }
    } : {},
    ...values["allow-unverifiable"] ? { allowUnverifiable: true } : {}
  };
  return {
    ...values.file !== void 0 ? { file: values.file } : {},
    format,
    expect,
    noVerify: values["no-verify"] === true
  };
}
async function readStdin(maxBytes) {
  if (process.stdin.isTTY) {
    throw new InputFileError(
      'no token: give --file PATH, or pipe the token in (printf %s "$TOKEN" | permission-preflight decode)'
    );
  }
  const chunks = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    total += chunk.length;
    if (total > maxBytes)
      throw new InputFileError(`standard input is larger than ${maxBytes / 1024} KiB, far above any real token`);
    chunks.push(chunk);
  }
  const token = Buffer.concat(chunks).toString("utf8").replace(/^\uFEFF/, "").trim();
  if (token === "") throw new InputFileError("standard input is empty: no token was given");
  return token;
}
async function readInput(file) {
  if (file === void 0 || file === "-") {
    return { token: await readStdin(MAX_TOKEN_BYTES), source: "standard input", name: "stdin" };
  }
  const read = await readToken({ kind: "file", path: file }, {});
  if (read.ok) return { token: read.token, source: `file ${file}`, name: file.split(/[\\/]/).pop() || "file" };
  if (looksLikeToken(file))
    throw new InputFileError(`the value of --file looks like a token, not a path: ${FROM_ARGV}`);
  throw new InputFileError(read.reason);
}
async function run(args) {
  const flags = readFlags(args);
  const { token, source, name } = await readInput(flags.file);
  const { inspect } = await import("./chunks/decode-inspect-ZGLRD5GP.js");
  const result = await inspect(token, source, name, flags);
  const redactor = createRedactor();
  if (token.length >= 8) redactor.add(token);
  const text = flags.format === "json" ? `${JSON.stringify(result, null, 2)}
` : renderDecodeText(result);
  process.stdout.write(redactor.redact(text));
  return result.result === "pass" ? 0 : 1;
}
var decodeCommand = { usage: USAGE, run };

// src/commands/check.ts
var USAGE2 = `Usage: permission-preflight check [--config FILE] [--format text|json|markdown] [--mode enforce|report]
                                  [--environment NAME] [--oidc-token-file FILE] [--oidc-jwks-url URL]

Runs the same preflight as the action, outside GitHub Actions: the tokens the deploy will use, the AWS role's trust
and session, and every permission the deploy needs, each explained by the layer that would refuse it. What is
checked comes from the configuration file; nothing is sent to AWS unless the file enables live-reads, probe or
cross-check (then the default AWS credential chain is used). No token is ever printed.

Options:
  --config FILE          The configuration file (default .github/preflight.yml). Relative paths inside it (policy
                         files, token files) are read from the current directory, as the action reads them from
                         the workspace: run the command from the repository root.
  --format FORMAT        text (default): a report for a terminal (in colour on a terminal, unless NO_COLOR is set).
                         json: the JSON report, version 1 (schema/report.v1.schema.json).
                         markdown: the job summary the action writes.
  --mode MODE            enforce (default, or as the file says): exit 1 when a check fails or cannot be verified.
                         report: the same report, exit 0 whatever it finds.
  --environment NAME     The GitHub environment the deploy job runs in, which chooses the permissions a role
                         adds for it (a role's environments in the file). GitHub's OIDC token says it too, and
                         wins: a different NAME is reported as environment-mismatch.
  --oidc-token-file FILE A saved GitHub OIDC token, checked in place of the one the Actions token endpoint would
                         issue (the file is read, never printed). Without it, outside Actions no such token exists
                         and its checks (and the role trust, which depends on it) fail closed as unverified; inside
                         an Actions job with "permissions: id-token: write" the endpoint is asked, as the action does.
  --oidc-jwks-url URL    Verify GitHub's OIDC token with the keys at URL instead of the issuer's discovery
                         (overrides github-oidc.jwks-url, as the action's oidc-jwks-url input does).

Environment: the variables that tokens' from-env names; AWS_PROFILE, AWS_REGION and the other AWS SDK variables
for the live modes; AWS_ENDPOINT_URL_IAM and AWS_ENDPOINT_URL_STS to point them elsewhere; NO_COLOR.

Exit codes: 0 every check passed (or --mode report); 1 a check failed or could not be verified; 2 bad usage or an
invalid configuration (each error with its file:line:column).

Examples:
  permission-preflight check
  permission-preflight check --config .github/preflight.yml --format markdown > preflight.md
  permission-preflight check --environment staging --mode report --format json | jq '.findings[] | select(.status != "pass")'
  permission-preflight check --oidc-token-file ~/saved/github-oidc.jwt
  cd examples/site && permission-preflight check --oidc-token-file token.jwt --oidc-jwks-url http://127.0.0.1:8080/jwks.json
  npm run demo    (the embedded example, offline: a token minted for a demo issuer and one real denial)
`;
var DEFAULT_CONFIG = ".github/preflight.yml";
function readCheckFlags(args) {
  const { values, positionals } = parseArgs2({
    args,
    options: {
      config: { type: "string" },
      format: { type: "string" },
      mode: { type: "string" },
      environment: { type: "string" },
      "oidc-token-file": { type: "string" },
      "oidc-jwks-url": { type: "string" }
    },
    strict: true,
    allowPositionals: true
  });
  if (positionals.some(looksLikeToken)) {
    throw new InputFileError(
      "refusing an argument that looks like a token: a token is never read from the command line (it would sit in the process list and shell history; treat it as exposed). Save it to a file and give --oidc-token-file FILE."
    );
  }
  if (positionals.length > 0) throw new InputFileError(`check takes no arguments, got "${positionals[0]}"`);
  const format = values.format ?? "text";
  if (format !== "text" && format !== "json" && format !== "markdown") {
    throw new InputFileError(`--format must be text, json or markdown, got "${format}"`);
  }
  const mode = values.mode;
  if (mode !== void 0 && mode !== "enforce" && mode !== "report") {
    throw new InputFileError(`--mode must be enforce or report, got "${mode}"`);
  }
  const environment = values.environment;
  if (environment !== void 0 && environment.trim() === "") throw new InputFileError("--environment is empty");
  const tokenFile = values["oidc-token-file"];
  if (tokenFile !== void 0 && looksLikeToken(tokenFile)) {
    throw new InputFileError(
      "the value of --oidc-token-file looks like a token, not a path: save the token to a file and give its path (a token on the command line sits in the process list and shell history; treat it as exposed)."
    );
  }
  const jwksUrl = values["oidc-jwks-url"];
  if (jwksUrl !== void 0 && !/^https?:\/\/\S+$/.test(jwksUrl)) {
    throw new InputFileError(`--oidc-jwks-url must be an https URL, got "${jwksUrl}"`);
  }
  if (values.config === "") throw new InputFileError("--config is empty");
  return {
    config: values.config ?? DEFAULT_CONFIG,
    configGiven: values.config !== void 0,
    format,
    ...mode ? { mode } : {},
    ...environment ? { environment: environment.trim() } : {},
    ...tokenFile !== void 0 ? { oidcTokenFile: tokenFile } : {},
    ...jwksUrl ? { oidcJwksUrl: jwksUrl } : {}
  };
}
async function run2(args) {
  const flags = readCheckFlags(args);
  const { runCheck } = await import("./chunks/check-run-ACH3JI3D.js");
  return runCheck(flags, {
    env: process.env,
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    color: process.stdout.isTTY === true && !process.env.NO_COLOR
  });
}
var checkCommand = { usage: USAGE2, run: run2 };

// src/commands/simulate.ts
import { parseArgs as parseArgs3 } from "node:util";

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
    const result = parsePolicy(doc, { name, ...this.file ? { file: this.file } : {} }, kind);
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
    const ctx = {};
    if (context !== void 0 && !isObject(context))
      this.error("request.context", `must be an object, got ${show(context)}`);
    else if (context) {
      for (const [key, value] of Object.entries(context)) {
        const ok = typeof value === "string" || Array.isArray(value) && value.every((v) => typeof v === "string");
        if (ok) ctx[key] = value;
        else
          this.error(
            `request.context.${key}`,
            `must be a string, or a list of strings for a multivalued key, got ${show(value)}`
          );
      }
    }
    return {
      action,
      resource,
      ...typeof principal === "string" ? { principal } : {},
      ...typeof resourceAccount === "string" ? { resourceAccount } : {},
      context: ctx
    };
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
  let identity = [];
  if (!Array.isArray(raw.identityPolicies)) {
    r.error(
      "identityPolicies",
      raw.identityPolicies === void 0 ? "is required (use [] for none)" : "must be a list of policy documents"
    );
  } else {
    identity = raw.identityPolicies.flatMap((doc, i) => r.policy(doc, `identityPolicies[${i}]`, "identity") ?? []);
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
  return evaluate(compilePolicySet(c.policies), c.request, options);
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
    return lines.join("\n");
  });
  return `${blocks.join("\n\n")}
`;
}

// src/commands/simulate.ts
var USAGE3 = `Usage: permission-preflight simulate --input FILE [--format json|text] [--explain decision|full]

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

Exit codes: 0 every case was evaluated (whatever the decisions); 2 bad input.

Examples:
  permission-preflight simulate --input examples/simulate/deploy.json --format text
  cat case.json | permission-preflight simulate --input -
`;
async function run3(args) {
  const { values } = parseArgs3({
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
  const input = parseSimulateInput(await readJson(values.input), values.input === "-" ? void 0 : values.input);
  if (!input.ok) {
    const shown = input.errors.slice(0, 50).map((e) => `  ${e.message}`);
    const more = input.errors.length > 50 ? [`  ... and ${input.errors.length - 50} more`] : [];
    process.stderr.write(
      `permission-preflight simulate: invalid input ${values.input}:
${[...shown, ...more].join("\n")}
`
    );
    return 2;
  }
  const results = input.cases.map((c) => simulateCase(c, { explain }));
  if (format === "text") process.stdout.write(renderSimulateText(input.cases, results));
  else {
    const out = results.map((r, i) => ({ ...input.cases[i]?.name ? { name: input.cases[i]?.name } : {}, ...r }));
    process.stdout.write(`${JSON.stringify(out, null, 2)}
`);
  }
  return 0;
}
var simulateCommand = { usage: USAGE3, run: run3 };

// src/cli.ts
var USAGE4 = `Usage: permission-preflight <command> [options]

Commands:
  check      Run the action's whole preflight from a configuration file (default .github/preflight.yml):
             tokens, AWS role trust and session, and every permission the deploy needs, each explained
             by the layer that would refuse it. Exit 0 pass, 1 a check failed, 2 bad configuration.
  simulate   Decide AWS IAM requests offline, as AWS would, and explain each decision.
  decode     Show a token's header and claims, verify it, and check it against expectations
             (read from a file or standard input, never from the command line).

Run "permission-preflight <command> --help" for a command's options.

Examples:
  permission-preflight check
  permission-preflight check --config .github/preflight.yml --format markdown --mode report
  permission-preflight simulate --input examples/simulate/deploy.json --format text
  permission-preflight decode --file token.jwt --audience sts.amazonaws.com
  npm run demo      (in a clone: the embedded example, offline, with one real denial)
`;
var COMMANDS = {
  check: checkCommand,
  simulate: simulateCommand,
  decode: decodeCommand
};
async function main(argv) {
  const [command, ...rest] = argv;
  if (command === void 0 || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(USAGE4);
    return command === void 0 ? 2 : 0;
  }
  const entry = COMMANDS[command];
  if (!entry) {
    process.stderr.write(`permission-preflight: unknown command "${command}"

${USAGE4}`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(entry.usage);
    return 0;
  }
  try {
    return await entry.run(rest);
  } catch (error) {
    if (error instanceof InputFileError || error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`permission-preflight ${command}: ${error.message}

${entry.usage}`);
      return 2;
    }
    throw error;
  }
}
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(
      `permission-preflight: internal error: ${error instanceof Error ? error.message : String(error)}
`
    );
    process.exitCode = 1;
  }
);
export {
  main
};
