/**
 * The one way the token adapters speak HTTP: a JSON request that is time-bounded, size-capped, https-only (except
 * on loopback, for the tests' servers) and never throws. Every failure comes back as a value with a short reason a
 * person can act on (`timed out after 3000 ms`, `HTTP 503`, `not JSON`, `larger than 1 MiB`); the caller adds which
 * URL and what it was for. Bodies are never quoted in a reason: an error page may echo the token that was sent.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { redactUrl } from '../text/secrets.js';

/** Every URL inside `text` (an error's message) redacted. */
const redactUrlsIn = (text: string) => text.replace(/[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi, (url) => redactUrl(url));

/** The part of the global `fetch` used here; tests pass their own. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** Pauses between attempts; a parameter so tests need not wait. */
export type Sleep = (ms: number) => Promise<void>;

/** What every adapter that speaks HTTP takes; all optional, with the defaults below. */
export interface HttpDeps {
  readonly fetch?: FetchLike;
  /** Per attempt, headers and body together. Default {@link DEFAULT_TIMEOUT_MS}. */
  readonly timeoutMs?: number;
  /** Default {@link DEFAULT_MAX_BYTES}. */
  readonly maxBytes?: number;
  /** Extra attempts after a network error or a 502/503/504. Default 1. 4xx and timeouts are never retried. */
  readonly retries?: number;
  readonly sleep?: Sleep;
}

/** One request. */
export interface FetchJsonOptions extends HttpDeps {
  readonly method?: 'GET' | 'POST';
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** The parsed body of a 2xx answer, or why there is none. `status` is set when the server answered. */
export type FetchJsonResult =
  | { readonly ok: true; readonly status: number; readonly json: unknown }
  | { readonly ok: false; readonly reason: string; readonly status?: number };

/** An identity provider answers in well under a second; three seconds leaves room for a slow runner network. */
export const DEFAULT_TIMEOUT_MS = 3000;

/**
 * Discovery documents and key sets are a few KiB (GitHub's JWKS is about 3 KiB, Microsoft's about 20 KiB); 1 MiB
 * is far above any real one and still bounds what a broken or hostile endpoint can make us hold in memory.
 */
export const DEFAULT_MAX_BYTES = 1024 * 1024;

/** Long enough for a load balancer to move on from a bad backend, short enough not to matter in a job. */
const RETRY_DELAY_MS = 250;

/** Gateway errors and "unavailable" are usually transient; every other status is an answer, and is kept. */
const RETRYABLE_STATUS: ReadonlySet<number> = new Set([502, 503, 504]);

/** `1 MiB`, `64 KiB`, `300 bytes`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/** 127.0.0.0/8, ::1 and `localhost`: the only hosts that may be reached over plain http. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * Parses a URL the adapters may fetch, or says why not: it must be absolute, https (or http on loopback), and
 * carry no user name or password (fetch refuses those, and they would end up in reasons and reports).
 */
export function checkUrl(raw: string): { ok: true; url: URL } | { ok: false; reason: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'not an absolute URL' };
  }
  if (url.username !== '' || url.password !== '') return { ok: false, reason: 'a URL must not carry credentials' };
  if (url.protocol === 'https:') return { ok: true, url };
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return { ok: true, url };
  if (url.protocol === 'http:') return { ok: false, reason: 'not https (plain http is allowed on loopback only)' };
  return { ok: false, reason: `unsupported scheme ${url.protocol.replace(/:$/, '')} (https is required)` };
}

type Attempt = FetchJsonResult & { readonly retryable: boolean };

function networkReason(error: unknown, timeoutMs: number): { reason: string; retryable: boolean } {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError') return { reason: `timed out after ${timeoutMs} ms`, retryable: false };
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  const message = cause?.message ?? (error instanceof Error ? error.message : String(error));
  if (/redirect/i.test(String(message))) {
    return {
      reason: 'answered with a redirect, which is not followed for requests carrying credentials',
      retryable: false,
    };
  }
  if (code === 'ECONNREFUSED') return { reason: 'connection refused', retryable: true };
  if (code === 'ENOTFOUND') return { reason: 'host not found (DNS)', retryable: false };
  return { reason: `network error: ${code ?? redactUrlsIn(String(message))}`, retryable: true };
}

/** Reads at most `maxBytes` of the body; stops (and cancels the stream) as soon as more arrive. */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array | undefined> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    return undefined;
  }
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * Redirects followed for one attempt. A discovery document or key set moved once or twice is common (a CDN, a new
 * path); more than a few is a loop or a misconfiguration, and each hop costs a round trip inside the timeout.
 */
export const MAX_REDIRECTS = 5;

/** The statuses whose Location fetch would follow (https://fetch.spec.whatwg.org/#redirect-status). */
const REDIRECT_STATUS: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** A refusal that retrying cannot change. */
const refused = (reason: string): Attempt => ({ ok: false, reason, retryable: false });

/**
 * Follows a redirect answer by hand: its Location passes {@link checkUrl} before it is contacted, at most
 * {@link MAX_REDIRECTS} hops, and never for a request that carries credentials. The final answer, or why there is none.
 */
async function followRedirects(
  first: Response,
  url: URL,
  follows: boolean,
  send: (target: URL) => Promise<Response>,
): Promise<Response | Attempt> {
  let target = url;
  let response = first;
  for (let hops = 0; REDIRECT_STATUS.has(response.status); hops++) {
    await response.body?.cancel();
    if (!follows) return refused('answered with a redirect, which is not followed for requests carrying credentials');
    const location = response.headers.get('location');
    if (location === null) return refused(`HTTP ${response.status} without a Location`);
    if (hops >= MAX_REDIRECTS) return refused(`more than ${MAX_REDIRECTS} redirects (a redirect loop?)`);
    let next: string;
    try {
      next = new URL(location, target).href;
    } catch {
      return refused('redirected to a URL that cannot be used: not a URL');
    }
    const checked = checkUrl(next);
    if (!checked.ok) return refused(`redirected to a URL that cannot be used: ${checked.reason}`);
    target = checked.url;
    response = await send(target);
  }
  return response;
}

/** A final answer read as JSON: a 2xx status, at most `maxBytes`, a body that parses. */
async function readAnswer(response: Response, maxBytes: number): Promise<Attempt> {
  const { status } = response;
  if (status < 200 || status > 299) {
    await response.body?.cancel();
    return { ok: false, reason: `HTTP ${status}`, status, retryable: RETRYABLE_STATUS.has(status) };
  }
  const bytes = await readCapped(response, maxBytes);
  if (!bytes) return { ok: false, reason: `larger than ${formatBytes(maxBytes)}`, status, retryable: false };
  try {
    return { ok: true, status, json: JSON.parse(Buffer.from(bytes).toString('utf8')), retryable: false };
  } catch {
    const type = response.headers.get('content-type')?.split(';')[0]?.trim();
    return { ok: false, reason: `not JSON${type ? ` (content-type ${type})` : ''}`, status, retryable: false };
  }
}

async function attempt(url: URL, options: FetchJsonOptions): Promise<Attempt> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const headers = { accept: 'application/json', ...options.headers };
  // A redirect is followed only for plain GETs of public documents; a request that carries a bearer token or a
  // client secret must not be replayed to wherever a Location header points.
  const carriesCredentials = Object.keys(headers).some((h) => h.toLowerCase() === 'authorization');
  const follows = !carriesCredentials && options.body === undefined;
  // Redirects are followed here, not by fetch, so that each Location passes checkUrl before it is contacted; one
  // signal bounds the attempt, every hop included.
  const init: RequestInit = {
    method: options.method ?? 'GET',
    headers,
    redirect: 'manual',
    signal: AbortSignal.timeout(timeoutMs),
    ...(options.body !== undefined ? { body: options.body } : {}),
  };
  const send = (target: URL) => (options.fetch ?? globalThis.fetch)(target.href, init);
  try {
    const answer = await followRedirects(await send(url), url, follows, send);
    if ('retryable' in answer) return answer;
    return await readAnswer(answer, options.maxBytes ?? DEFAULT_MAX_BYTES);
  } catch (error) {
    return { ok: false, ...networkReason(error, timeoutMs) };
  }
}

/**
 * Fetches and parses a JSON document. Never throws: a refused URL, a network error, a timeout, a non-2xx status,
 * an oversized or unparsable body all come back as `{ ok: false, reason }`. A network error or a 502/503/504 is
 * retried `retries` times (default once); a timeout is not, so the call ends within about `timeoutMs` of its start
 * plus the retries' own bounds, and a 4xx is an answer that retrying cannot change.
 */
export async function fetchJson(rawUrl: string, options: FetchJsonOptions = {}): Promise<FetchJsonResult> {
  const checked = checkUrl(rawUrl);
  if (!checked.ok) return { ok: false, reason: checked.reason };
  const retries = Math.max(0, options.retries ?? 1);
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  let result = await attempt(checked.url, options);
  for (let i = 0; i < retries && !result.ok && result.retryable; i++) {
    await sleep(RETRY_DELAY_MS);
    result = await attempt(checked.url, options);
  }
  const { retryable: _, ...plain } = result;
  return plain;
}

/** A URL as it may appear in a reason or a report: the one URL-redacting function, src/text/secrets.ts. */
export { redactUrl } from '../text/secrets.js';
