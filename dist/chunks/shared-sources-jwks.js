import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  loadTokenChecks
} from "./shared-checks.js";
import {
  readToken
} from "./shared-sources-token-input.js";
import {
  missingIdTokenPermission,
  refuseUnpinned,
  verifyJwt
} from "./shared-checks-token-id-token.js";
import {
  decodeToken
} from "./shared-jose-webapi-buffer_utils.js";
import {
  finding
} from "./shared-model-finding-classes.js";
import {
  isAcceptableIssuerUrl
} from "./shared-tokens-github.js";
import {
  resolveInWorkspace
} from "./shared-sources-files.js";
import {
  checkUrl,
  fetchJson
} from "./shared-sources-http.js";
import {
  redactUrl
} from "./shared-text-secrets.js";

// src/sources/jwks.ts
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function discoveryUrl(issuer) {
  return `${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`;
}
async function discover(issuer, deps) {
  const checked = checkUrl(issuer);
  if (!checked.ok)
    return {
      ok: false,
      reason: `issuer "${redactUrl(issuer)}" cannot be used for discovery: ${checked.reason}`
    };
  if (checked.url.search !== "" || checked.url.hash !== "") {
    return {
      ok: false,
      reason: `issuer "${redactUrl(issuer)}" has a query or fragment, which an issuer identifier may not have`
    };
  }
  const url = discoveryUrl(issuer);
  const fetched = await fetchJson(url, deps);
  if (!fetched.ok)
    return { ok: false, reason: `could not fetch the OpenID configuration at ${redactUrl(url)}: ${fetched.reason}` };
  const doc = fetched.json;
  if (!isObject(doc))
    return { ok: false, reason: `the OpenID configuration at ${redactUrl(url)} is not a JSON object` };
  if (doc.issuer !== issuer) {
    const named = typeof doc.issuer === "string" ? `"${doc.issuer}"` : "no issuer";
    return {
      ok: false,
      reason: `the OpenID configuration at ${redactUrl(url)} names ${named}, not "${redactUrl(issuer)}" (OpenID Connect Discovery 1.0 \xA74.3 requires them to be identical)`
    };
  }
  if (typeof doc.jwks_uri !== "string") {
    return { ok: false, reason: `the OpenID configuration at ${redactUrl(url)} has no "jwks_uri"` };
  }
  const jwks = checkUrl(doc.jwks_uri);
  if (!jwks.ok) {
    return {
      ok: false,
      reason: `the OpenID configuration at ${redactUrl(url)} names jwks_uri ${redactUrl(doc.jwks_uri)}: ${jwks.reason}`
    };
  }
  return { ok: true, value: doc.jwks_uri };
}
function toKeySet(json, url) {
  if (!isObject(json)) return { ok: false, reason: `the JWKS at ${redactUrl(url)} is not a JSON object` };
  if (!Array.isArray(json.keys)) return { ok: false, reason: `the JWKS at ${redactUrl(url)} has no "keys" array` };
  const keys = json.keys.filter((key) => isObject(key) && typeof key.kty === "string");
  if (keys.length === 0) {
    const why = json.keys.length === 0 ? 'its "keys" array is empty' : 'none of its keys has a "kty"';
    return { ok: false, reason: `the JWKS at ${redactUrl(url)} has no usable key: ${why}` };
  }
  return { ok: true, value: { keys } };
}
function givenJwksUrl(url) {
  const checked = checkUrl(url);
  return checked.ok ? { ok: true, value: url } : { ok: false, reason: `JWKS URL ${redactUrl(url)} cannot be used: ${checked.reason}` };
}
async function fetchKeys(jwksUri, deps) {
  const uri = await jwksUri;
  if (!uri.ok) return uri;
  const fetched = await fetchJson(uri.value, deps);
  if (!fetched.ok)
    return { ok: false, reason: `could not fetch the JWKS at ${redactUrl(uri.value)}: ${fetched.reason}` };
  const set = toKeySet(fetched.json, redactUrl(uri.value));
  return set.ok ? { ok: true, jwks: set.value, source: redactUrl(uri.value) } : set;
}
function createKeyStore(options = {}) {
  const entries = /* @__PURE__ */ new Map();
  function entryFor(issuer, jwksUrl) {
    const key = `${issuer}\0${jwksUrl ?? ""}`;
    const existing = entries.get(key);
    if (existing) return existing;
    const jwksUri = jwksUrl === void 0 ? discover(issuer, options) : Promise.resolve(givenJwksUrl(jwksUrl));
    const entry = { jwksUri, keys: fetchKeys(jwksUri, options), refreshed: false };
    entries.set(key, entry);
    return entry;
  }
  return {
    keysFor(issuer, keyOptions) {
      return async ({ refresh }) => {
        const entry = entryFor(issuer, keyOptions?.jwksUrl);
        if (refresh && !entry.refreshed) {
          entry.refreshed = true;
          entry.keys = fetchKeys(entry.jwksUri, options);
        }
        return entry.keys;
      };
    }
  };
}

// src/sources/github-oidc.ts
var ID_TOKEN_REQUEST_URL = "ACTIONS_ID_TOKEN_REQUEST_URL";
var ID_TOKEN_REQUEST_TOKEN = "ACTIONS_ID_TOKEN_REQUEST_TOKEN";
var MAX_ANSWER_BYTES = 64 * 1024;
function withAudience(url, audience) {
  if (audience === "") return url;
  return `${url}${url.includes("?") ? "&" : "?"}audience=${encodeURIComponent(audience)}`;
}
function describeFailure(reason, status) {
  if (status === 401 || status === 403) {
    return `${reason}: the endpoint refused ${ID_TOKEN_REQUEST_TOKEN}, which the runner issues for the running job only`;
  }
  return reason;
}
async function requestGitHubIdToken(audience, env, deps) {
  const url = env[ID_TOKEN_REQUEST_URL];
  const requestToken = env[ID_TOKEN_REQUEST_TOKEN];
  const missing = [ID_TOKEN_REQUEST_URL, ID_TOKEN_REQUEST_TOKEN].filter((name) => !env[name]);
  if (!url || !requestToken) {
    return {
      ok: false,
      reason: "missing-id-token-permission",
      detail: `${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} not set: the runner sets them only for jobs with permissions: id-token: write, and never for pull requests from forks.`
    };
  }
  deps.mask(requestToken);
  const where = `the Actions ID token endpoint (${redactUrl(url)})`;
  const fetched = await fetchJson(withAudience(url, audience), {
    ...deps,
    maxBytes: deps.maxBytes ?? MAX_ANSWER_BYTES,
    headers: { authorization: `Bearer ${requestToken}` }
  });
  if (!fetched.ok) {
    return {
      ok: false,
      reason: "request-failed",
      detail: `${where}: ${describeFailure(fetched.reason, fetched.status)}`
    };
  }
  const value = fetched.json?.value;
  if (typeof value !== "string" || value.trim() === "") {
    return { ok: false, reason: "request-failed", detail: `${where} answered without a "value" holding a token` };
  }
  deps.mask(value);
  return { ok: true, token: value };
}

// src/sources/introspection.ts
var MAX_ANSWER_BYTES2 = 64 * 1024;
function basicAuthorization(clientId, clientSecret) {
  const encode = (value) => new URLSearchParams({ v: value }).toString().slice(2);
  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(clientSecret)}`).toString("base64")}`;
}
function clientCredentials(config, env) {
  const { clientIdEnv, clientSecretEnv } = config;
  if (clientIdEnv === void 0 && clientSecretEnv === void 0) return { ok: true };
  if (clientIdEnv === void 0 || clientSecretEnv === void 0) {
    return { ok: false, reason: "introspection client authentication needs both clientIdEnv and clientSecretEnv" };
  }
  const unset = [clientIdEnv, clientSecretEnv].filter((name) => !env[name]);
  if (unset.length > 0) {
    return { ok: false, reason: `introspection client credentials: ${unset.join(" and ")} not set or empty` };
  }
  return { ok: true, authorization: basicAuthorization(env[clientIdEnv] ?? "", env[clientSecretEnv] ?? "") };
}
function explainStatus(status) {
  if (status === 401 || status === 403) return " (the endpoint refused the client credentials)";
  if (status === 400) return " (the endpoint refused the request as malformed)";
  return "";
}
async function introspectToken(token, config, env, deps = {}) {
  const endpoint = checkUrl(config.url);
  if (!endpoint.ok) {
    return {
      status: "unverifiable",
      reason: `introspection endpoint ${redactUrl(config.url)} cannot be used: ${endpoint.reason}`
    };
  }
  const where = `the introspection endpoint ${redactUrl(config.url)}`;
  const secret = config.clientSecretEnv ? env[config.clientSecretEnv] : void 0;
  if (secret) deps.mask?.(secret);
  const credentials = clientCredentials(config, env);
  if (!credentials.ok) return { status: "unverifiable", reason: credentials.reason };
  const { mask: _mask, ...http } = deps;
  const fetched = await fetchJson(config.url, {
    ...http,
    maxBytes: deps.maxBytes ?? MAX_ANSWER_BYTES2,
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...credentials.authorization ? { authorization: credentials.authorization } : {}
    },
    body: new URLSearchParams({ token, token_type_hint: "access_token" }).toString()
  });
  if (!fetched.ok) {
    return {
      status: "unverifiable",
      reason: `${where} could not answer: ${fetched.reason}${explainStatus(fetched.status)}`
    };
  }
  const answer = fetched.json;
  if (typeof answer !== "object" || answer === null || Array.isArray(answer)) {
    return { status: "unverifiable", reason: `${where} answered with something other than a JSON object` };
  }
  const { active } = answer;
  if (typeof active !== "boolean") {
    return { status: "unverifiable", reason: `${where} answered without a boolean "active" (RFC 7662 \xA72.2)` };
  }
  if (!active) {
    return {
      status: "failed",
      class: "inactive",
      reason: `${where} says the token is not active: it is revoked, expired, or unknown to that server`
    };
  }
  const claims = Object.fromEntries(Object.entries(answer).filter(([, value]) => value !== token));
  return { status: "verified", method: "introspection", keySource: redactUrl(config.url), introspected: claims };
}

// src/pipeline/tokens.ts
var SOURCE_DOCS = {
  env: "https://docs.github.com/en/actions/how-tos/write-workflows/choose-what-workflows-do/use-secrets",
  "web-identity-file": "https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html",
  file: "README.md#the-configuration-file"
};
function sourceProblem(spec, reason) {
  return finding("missing-token", {
    id: `token:${spec.name}:missing-token`,
    subject: `token "${spec.name}"`,
    message: `The token could not be read: ${reason}.`,
    evidence: {
      source: spec.source.kind === "env" ? `env ${spec.source.name}` : `file ${"path" in spec.source ? spec.source.path : ""}`
    },
    fix: spec.source.kind === "env" ? `Pass the secret to this step, e.g. \`env: { ${spec.source.name}: \${{ secrets.${spec.source.name} }} }\`, and check that the secret exists for this repository and environment (forks never receive secrets).` : spec.source.kind === "web-identity-file" ? "Write the token to that file before this step, as the deploy job does before configure-aws-credentials reads it (web-identity-token-file), or fix the path: the role trust is checked against that token, not GitHub's." : "Write the token to that file in an earlier step, or fix the path.",
    ...spec.source.kind === "github-oidc" ? {} : { docUrl: SOURCE_DOCS[spec.source.kind] },
    wouldReturn: 401
  });
}
function requestFailed(spec, detail) {
  return finding("unverifiable", {
    id: `token:${spec.name}:unverifiable`,
    subject: `GitHub OIDC token "${spec.name}"`,
    status: "unverified",
    message: `GitHub's token endpoint did not issue a token: ${detail}. Nothing could be verified (fail closed).`,
    evidence: { audience: spec.source.kind === "github-oidc" ? spec.source.audience : "" },
    fix: "Re-run the job; if it persists, check https://www.githubstatus.com and any proxy between the runner and GitHub."
  });
}
async function verifyToken(raw, decoded, spec, deps) {
  const http = {
    ...deps.fetch ? { fetch: deps.fetch } : {},
    ...deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}
  };
  if (decoded.kind === "opaque") {
    return spec.expect.introspection ? introspectToken(raw, spec.expect.introspection, deps.env, { ...http, mask: deps.mask }) : void 0;
  }
  if (decoded.kind !== "jwt") return void 0;
  const claimed = typeof decoded.claims.iss === "string" ? decoded.claims.iss : void 0;
  const issuer = spec.expect.issuer ?? claimed;
  if (!spec.expect.jwksUrl && (!issuer || !isAcceptableIssuerUrl(issuer))) {
    return {
      status: "unverifiable",
      reason: issuer ? `the issuer ${issuer} is not an https URL, so its keys cannot be discovered` : "the token has no iss claim and no issuer or jwksUrl is configured"
    };
  }
  const getKeys = deps.keyStore.keysFor(issuer ?? "", spec.expect.jwksUrl ? { jwksUrl: spec.expect.jwksUrl } : {});
  return verifyJwt(raw, getKeys, spec.expect.algorithms ? { algorithms: spec.expect.algorithms } : {});
}
async function readTokenFact(spec, deps) {
  let raw;
  if (spec.source.kind === "github-oidc" && deps.githubIdToken) {
    const got = await deps.githubIdToken(spec);
    if (!got.ok) return { fact: { kind: "unread", finding: got.finding } };
    raw = got.token;
    deps.mask(raw);
  } else if (spec.source.kind === "github-oidc") {
    const got = await requestGitHubIdToken(spec.source.audience, deps.env, {
      mask: deps.mask,
      ...deps.fetch ? { fetch: deps.fetch } : {},
      ...deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}
    });
    if (!got.ok) {
      const missing = ["ACTIONS_ID_TOKEN_REQUEST_URL", "ACTIONS_ID_TOKEN_REQUEST_TOKEN"].filter((v) => !deps.env[v]);
      const finding2 = got.reason === "missing-id-token-permission" ? missingIdTokenPermission({ ...deps.runner, missing, tokenName: spec.name }) : requestFailed(spec, got.detail);
      return { fact: { kind: "unread", finding: finding2 } };
    }
    raw = got.token;
  } else {
    let source = spec.source;
    if (source.kind === "file" && deps.workspace) {
      const where = await resolveInWorkspace(source.path, deps.workspace);
      if (!where.ok) {
        return { fact: { kind: "unread", finding: sourceProblem(spec, `token file ${source.path} ${where.reason}`) } };
      }
      source = { ...source, path: where.real };
    }
    const got = await readToken(source, deps.env);
    if (!got.ok) return { fact: { kind: "unread", finding: sourceProblem(spec, got.reason) } };
    raw = got.token;
    deps.mask(raw);
  }
  const decoded = decodeToken(raw);
  const unpinned = spec.source.kind === "web-identity-file" ? void 0 : refuseUnpinned(decoded, spec.expect);
  const verification = unpinned ?? await verifyToken(raw, decoded, spec, deps);
  return { fact: { kind: "read", decoded, ...verification ? { verification } : {} }, raw };
}
async function checkOneToken(spec, deps, checks) {
  const { fact, raw } = await readTokenFact(spec, deps);
  if (raw !== void 0) deps.keep?.(spec, raw);
  const now = deps.now();
  const findings = checks.flatMap((check) => check.run({ spec, token: fact, now }));
  if (fact.kind === "unread") return { spec, findings };
  return {
    spec,
    findings,
    decoded: fact.decoded,
    ...fact.verification ? { verification: fact.verification } : {}
  };
}
async function checkTokens(specs, deps) {
  if (specs.length === 0) return [];
  const checks = await loadTokenChecks();
  return Promise.all(specs.map((spec) => checkOneToken(spec, deps, checks)));
}

export {
  createKeyStore,
  verifyToken,
  checkTokens
};
