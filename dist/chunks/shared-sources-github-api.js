import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  describeFailure,
  octokitFailure
} from "./shared-sources-github-failure.js";
import {
  inert
} from "./shared-text-inert.js";
import {
  redactUrl,
  secretForms
} from "./shared-text-secrets.js";

// src/sources/github-api.ts
import { setTimeout as delay } from "node:timers/promises";

// src/model/github-token-inspection.ts
function tokenKind(token) {
  if (token.startsWith("github_pat_")) return "fine-grained";
  if (token.startsWith("ghp_")) return "classic";
  if (token.startsWith("ghs_")) return "installation";
  if (token.startsWith("gho_")) return "oauth";
  if (token.startsWith("ghu_")) return "user-to-server";
  return "unknown";
}
function parseExpiration(header2) {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})\s*(UTC|Z|[+-]\d{2}:?\d{2})?$/.exec(header2.trim());
  if (!m) return void 0;
  const zone = !m[3] || m[3] === "UTC" ? "Z" : m[3].replace(/^([+-]\d{2})(\d{2})$/, "$1:$2");
  const ms = Date.parse(`${m[1]}T${m[2]}${zone}`);
  return Number.isNaN(ms) ? void 0 : Math.floor(ms / 1e3);
}

// src/sources/github-api.ts
var MAX_BYTES = 1024 * 1024;
async function capped(res, maxBytes = MAX_BYTES) {
  const reader = res.body?.getReader();
  const chunks = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new Error(`the answer is larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return new Response(res.status === 204 || res.status === 304 ? null : Buffer.concat(chunks), {
    status: res.status,
    statusText: res.statusText,
    headers: res.headers
  });
}
async function octokitFor(token, deps) {
  const { getOctokit } = await import("./actions-github-github.js");
  const { defaults } = await import("./actions-github-utils.js");
  const proxyFetch = defaults.request?.fetch ?? fetch;
  return getOctokit(token, {
    baseUrl: deps.baseUrl ?? "https://api.github.com",
    request: {
      fetch: async (url, init) => capped(await proxyFetch(url, init)),
      signal: AbortSignal.timeout(deps.timeoutMs ?? 5e3)
    }
  });
}
async function getRepository(token, repository, deps) {
  const [owner = "", repo = ""] = repository.split("/");
  try {
    const octokit = await octokitFor(token, deps);
    const res = await octokit.request("GET /repos/{owner}/{repo}", { owner, repo });
    return { status: res.status, headers: res.headers, body: res.data };
  } catch (error) {
    const f = octokitFailure(error);
    if (f.kind === "http" && f.status >= 400) return { status: f.status, headers: f.headers, body: f.data };
    return { failed: f.kind === "http" ? `HTTP ${f.status}` : describeFailure(f) };
  }
}
var header = (h, name) => {
  const v = h[name] ?? h[name.toLowerCase()];
  return v === void 0 ? void 0 : String(v);
};
function retryAfterMs(a, now) {
  if ("failed" in a) return 1e3;
  if (a.status >= 500) return 1e3;
  if (a.status !== 403 && a.status !== 429) return void 0;
  const retryAfter = header(a.headers, "retry-after");
  if (retryAfter !== void 0 && /^\d+$/.test(retryAfter)) return Number(retryAfter) * 1e3;
  if (header(a.headers, "x-ratelimit-remaining") === "0") {
    const reset = Number(header(a.headers, "x-ratelimit-reset"));
    return Number.isFinite(reset) ? Math.max(0, reset * 1e3 - now) : 6e4;
  }
  return a.status === 429 ? 6e4 : void 0;
}
function messageOf(body) {
  const m = body?.message;
  return typeof m === "string" ? inert(m).slice(0, 200) : void 0;
}
function refusal(repository, baseUrl) {
  if (!/^[A-Za-z0-9_.-]{1,100}\/[A-Za-z0-9_.-]{1,100}$/.test(repository)) {
    return `the repository \`${inert(repository).slice(0, 80)}\` is not owner/name`;
  }
  let url;
  try {
    url = new URL(baseUrl);
  } catch {
    return "GITHUB_API_URL is not a URL";
  }
  const loopback = url.hostname === "127.0.0.1" || url.hostname === "localhost" || url.hostname === "[::1]";
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
    return `GITHUB_API_URL (${redactUrl(baseUrl)}) is not https: the token is not sent there`;
  }
  return void 0;
}
async function inspectGitHubToken(secret, token, repository, deps) {
  for (const form of secretForms(token)) deps.mask(form);
  const refused = refusal(repository, deps.baseUrl ?? "https://api.github.com");
  if (refused) return { kind: "unverified", secret, reason: refused };
  const sleep = deps.sleep ?? ((ms) => delay(ms).then(() => void 0));
  const now = deps.now ?? Date.now;
  const retries = deps.retries ?? 2;
  let last = { failed: "not tried" };
  for (let attempt = 0; attempt <= retries; attempt++) {
    last = await getRepository(token, repository, deps);
    const wait = retryAfterMs(last, now());
    if (wait === void 0) return answered(secret, token, last);
    if (attempt === retries || wait > (deps.maxWaitMs ?? 6e4)) break;
    await sleep(wait);
  }
  const reason = "failed" in last ? `GitHub's API gave ${last.failed}` : `GitHub's API answered ${last.status}${header(last.headers, "x-ratelimit-remaining") === "0" ? " (rate limit exceeded)" : ""} after ${retries + 1} attempts`;
  return { kind: "unverified", secret, reason };
}
function answered(secret, token, a) {
  const scopes = header(a.headers, "x-oauth-scopes");
  const expiration = header(a.headers, "github-authentication-token-expiration");
  const expiresAt = expiration !== void 0 ? parseExpiration(expiration) : void 0;
  const accepted = header(a.headers, "x-accepted-github-permissions");
  const priv = a.body?.private;
  const message = a.status >= 400 ? messageOf(a.body) : void 0;
  return {
    kind: "answered",
    secret,
    tokenKind: tokenKind(token),
    status: a.status,
    ...scopes !== void 0 ? {
      oauthScopes: scopes.split(",").map((s) => s.trim()).filter((s) => s !== "")
    } : {},
    ...expiresAt !== void 0 ? { expiresAt } : {},
    ...accepted !== void 0 ? { acceptedPermissions: inert(accepted).slice(0, 200) } : {},
    ...typeof priv === "boolean" ? { privateRepo: priv } : {},
    ...message !== void 0 ? { message } : {}
  };
}
function readGitHubTokens(input, env, mask) {
  const tokens = /* @__PURE__ */ new Map();
  const problems = [];
  for (const item of input.split(/[,\n]/).map((s) => s.trim()).filter((s) => s !== "")) {
    const [secret = "", variable = secret] = item.split("=").map((s) => s.trim());
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(secret) || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) {
      problems.push(`\`${inert(item).slice(0, 80)}\` is not SECRET or SECRET=VARIABLE`);
      continue;
    }
    const value = env[variable]?.trim();
    if (value) {
      for (const form of secretForms(value)) mask(form);
      tokens.set(secret, value);
    } else problems.push(`environment variable ${variable} (for secret ${secret}) is not set or empty`);
  }
  return { tokens, problems };
}
async function inspectGitHubTokens(secrets, tokens, repository, deps) {
  const out = [];
  for (const secret of secrets) {
    const token = tokens.get(secret);
    out.push(token ? await inspectGitHubToken(secret, token, repository, deps) : { kind: "not-given", secret });
  }
  return out;
}

export {
  capped,
  refusal,
  inspectGitHubToken,
  readGitHubTokens,
  inspectGitHubTokens
};
