import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  redactUrl
} from "./shared-text-secrets.js";

// src/sources/http.ts
import { setTimeout as delay } from "node:timers/promises";
var redactUrlsIn = (text) => text.replace(/[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi, (url) => redactUrl(url));
var DEFAULT_TIMEOUT_MS = 3e3;
var DEFAULT_MAX_BYTES = 1024 * 1024;
var RETRY_DELAY_MS = 250;
var RETRYABLE_STATUS = /* @__PURE__ */ new Set([502, 503, 504]);
function formatBytes(bytes) {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
function isLoopbackHost(hostname) {
  const host = hostname.toLowerCase();
  return host === "localhost" || host === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
function checkUrl(raw) {
  let url;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: "not an absolute URL" };
  }
  if (url.username !== "" || url.password !== "") return { ok: false, reason: "a URL must not carry credentials" };
  if (url.protocol === "https:") return { ok: true, url };
  if (url.protocol === "http:" && isLoopbackHost(url.hostname)) return { ok: true, url };
  if (url.protocol === "http:") return { ok: false, reason: "not https (plain http is allowed on loopback only)" };
  return { ok: false, reason: `unsupported scheme ${url.protocol.replace(/:$/, "")} (https is required)` };
}
function networkReason(error, timeoutMs) {
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError") return { reason: `timed out after ${timeoutMs} ms`, retryable: false };
  const cause = error instanceof Error ? error.cause : void 0;
  const code = typeof cause?.code === "string" ? cause.code : void 0;
  const message = cause?.message ?? (error instanceof Error ? error.message : String(error));
  if (/redirect/i.test(String(message))) {
    return {
      reason: "answered with a redirect, which is not followed for requests carrying credentials",
      retryable: false
    };
  }
  if (code === "ECONNREFUSED") return { reason: "connection refused", retryable: true };
  if (code === "ENOTFOUND") return { reason: "host not found (DNS)", retryable: false };
  return { reason: `network error: ${code ?? redactUrlsIn(String(message))}`, retryable: true };
}
async function readCapped(response, maxBytes) {
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    return void 0;
  }
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks = [];
  let total = 0;
  for (; ; ) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return void 0;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
var MAX_REDIRECTS = 5;
var REDIRECT_STATUS = /* @__PURE__ */ new Set([301, 302, 303, 307, 308]);
var refused = (reason) => ({ ok: false, reason, retryable: false });
async function followRedirects(first, url, follows, send) {
  let target = url;
  let response = first;
  for (let hops = 0; REDIRECT_STATUS.has(response.status); hops++) {
    await response.body?.cancel();
    if (!follows) return refused("answered with a redirect, which is not followed for requests carrying credentials");
    const location = response.headers.get("location");
    if (location === null) return refused(`HTTP ${response.status} without a Location`);
    if (hops >= MAX_REDIRECTS) return refused(`more than ${MAX_REDIRECTS} redirects (a redirect loop?)`);
    let next;
    try {
      next = new URL(location, target).href;
    } catch {
      return refused("redirected to a URL that cannot be used: not a URL");
    }
    const checked = checkUrl(next);
    if (!checked.ok) return refused(`redirected to a URL that cannot be used: ${checked.reason}`);
    target = checked.url;
    response = await send(target);
  }
  return response;
}
async function readAnswer(response, maxBytes) {
  const { status } = response;
  if (status < 200 || status > 299) {
    await response.body?.cancel();
    return { ok: false, reason: `HTTP ${status}`, status, retryable: RETRYABLE_STATUS.has(status) };
  }
  const bytes = await readCapped(response, maxBytes);
  if (!bytes) return { ok: false, reason: `larger than ${formatBytes(maxBytes)}`, status, retryable: false };
  try {
    return { ok: true, status, json: JSON.parse(Buffer.from(bytes).toString("utf8")), retryable: false };
  } catch {
    const type = response.headers.get("content-type")?.split(";")[0]?.trim();
    return { ok: false, reason: `not JSON${type ? ` (content-type ${type})` : ""}`, status, retryable: false };
  }
}
async function attempt(url, options) {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const headers = { accept: "application/json", ...options.headers };
  const carriesCredentials = Object.keys(headers).some((h) => h.toLowerCase() === "authorization");
  const follows = !carriesCredentials && options.body === void 0;
  const init = {
    method: options.method ?? "GET",
    headers,
    redirect: "manual",
    signal: AbortSignal.timeout(timeoutMs),
    ...options.body !== void 0 ? { body: options.body } : {}
  };
  const send = (target) => (options.fetch ?? globalThis.fetch)(target.href, init);
  try {
    const answer = await followRedirects(await send(url), url, follows, send);
    if ("retryable" in answer) return answer;
    return await readAnswer(answer, options.maxBytes ?? DEFAULT_MAX_BYTES);
  } catch (error) {
    return { ok: false, ...networkReason(error, timeoutMs) };
  }
}
async function fetchJson(rawUrl, options = {}) {
  const checked = checkUrl(rawUrl);
  if (!checked.ok) return { ok: false, reason: checked.reason };
  const retries = Math.max(0, options.retries ?? 1);
  const sleep = options.sleep ?? ((ms) => delay(ms));
  let result = await attempt(checked.url, options);
  for (let i = 0; i < retries && !result.ok && result.retryable; i++) {
    await sleep(RETRY_DELAY_MS);
    result = await attempt(checked.url, options);
  }
  const { retryable: _, ...plain } = result;
  return plain;
}

export {
  formatBytes,
  checkUrl,
  fetchJson
};
