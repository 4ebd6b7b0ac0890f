import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  renderDecodeText
} from "./shared-commands-decode-text.js";
import {
  stdinBytes
} from "./shared-commands-input.js";
import {
  createRedactor
} from "./shared-report-redact.js";
import {
  MAX_TOKEN_BYTES,
  readToken
} from "./shared-sources-token-input.js";
import {
  InputFileError
} from "./shared-sources-files.js";
import {
  parseDuration
} from "./shared-tokens-duration.js";

// src/commands/decode.ts
import path from "node:path";
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
function refuseTokenAsPath(flag, value) {
  if (value === void 0 || !looksLikeToken(value)) return;
  throw new InputFileError(
    `the value of ${flag} looks like a token, not a path: save the token to a file and give its path (a token on the command line sits in the process list and shell history; treat it as exposed).`
  );
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
var OPTIONS = {
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
};
function readIntrospection(values) {
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
  if (!introspectionUrl) return void 0;
  return { url: introspectionUrl, ...clientIdEnv && clientSecretEnv ? { clientIdEnv, clientSecretEnv } : {} };
}
function readExpectations(values) {
  const introspection = readIntrospection(values);
  const issuer = url("issuer", values.issuer);
  const jwksUrl = url("jwks-url", values["jwks-url"]);
  const minLifetimeSeconds = duration("min-lifetime", values["min-lifetime"]);
  const clockSkewSeconds = duration("clock-skew", values["clock-skew"]);
  const requiredScopes = values.scope?.flatMap((s) => s.split(/\s+/)).filter(Boolean);
  const claims = claimPatterns(values.claim);
  return {
    ...issuer ? { issuer } : {},
    ...values.audience?.length ? { audience: values.audience } : {},
    ...requiredScopes?.length ? { requiredScopes } : {},
    ...minLifetimeSeconds !== void 0 ? { minLifetimeSeconds } : {},
    ...clockSkewSeconds !== void 0 ? { clockSkewSeconds } : {},
    ...claims ? { claims } : {},
    ...jwksUrl ? { jwksUrl } : {},
    ...introspection ? { introspection } : {},
    ...values["allow-unverifiable"] ? { allowUnverifiable: true } : {}
  };
}
function readFlags(args) {
  const { values, positionals } = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: true });
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
  const expect = readExpectations(values);
  return {
    ...values.file !== void 0 ? { file: values.file } : {},
    format,
    expect,
    noVerify: values["no-verify"] === true
  };
}
async function readStdin(stdin, maxBytes) {
  if (stdin.isTTY) {
    throw new InputFileError(
      'no token: give --file PATH, or pipe the token in (printf %s "$TOKEN" | permission-preflight decode)'
    );
  }
  const chunks = [];
  let total = 0;
  for await (const chunk of stdinBytes(stdin)) {
    total += chunk.length;
    if (total > maxBytes)
      throw new InputFileError(`standard input is larger than ${maxBytes / 1024} KiB, far above any real token`);
    chunks.push(chunk);
  }
  const token = Buffer.concat(chunks).toString("utf8").replace(/^\uFEFF/, "").trim();
  if (token === "") throw new InputFileError("standard input is empty: no token was given");
  return token;
}
async function readInput(file, io) {
  if (file === void 0 || file === "-") {
    return { token: await readStdin(io.stdin, MAX_TOKEN_BYTES), source: "standard input", name: "stdin" };
  }
  const absolute = path.resolve(io.cwd, file);
  const read = await readToken({ kind: "file", path: absolute }, {});
  if (read.ok) return { token: read.token, source: `file ${file}`, name: file.split(/[\\/]/).pop() || "file" };
  if (looksLikeToken(file))
    throw new InputFileError(`the value of --file looks like a token, not a path: ${FROM_ARGV}`);
  throw new InputFileError(read.reason.replace(absolute, file));
}
async function run(args, io) {
  const flags = readFlags(args);
  const { token, source, name } = await readInput(flags.file, io);
  const { inspect } = await import("./commands-decode-inspect.js");
  const result = await inspect(token, source, name, flags, io.env);
  const redactor = createRedactor();
  if (token.length >= 8) redactor.add(token);
  const text = flags.format === "json" ? `${JSON.stringify(result, null, 2)}
` : renderDecodeText(result);
  io.stdout(redactor.redact(text));
  return result.result === "pass" ? 0 : 1;
}
var decodeCommand = { usage: USAGE, run };

export {
  looksLikeToken,
  refuseTokenAsPath,
  decodeCommand
};
