/**
 * What GitHub's REST API says of a token a workflow step takes from a secret: one read-only call,
 * `GET /repos/{owner}/{repo}` (https://docs.github.com/en/rest/repos/repos#get-a-repository), through
 * `@actions/github`'s Octokit (loaded only here, on first use; scripts/build.mjs keeps it out of start-up). Its
 * answer tells the token's access to the repository (200, or 404/403), a classic token's OAuth scopes
 * (`X-OAuth-Scopes`), the token's expiration (`GitHub-Authentication-Token-Expiration`) and, on a 403, what the call
 * would take (`X-Accepted-GitHub-Permissions`):
 * https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api
 * No write endpoint is ever called to probe. The token is registered with the log masking before anything else
 * happens, and never enters a result, a message or an error.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { parseExpiration, type TokenInspection, tokenKind } from '../model/github-token-inspection.js';
import { inert } from '../text/inert.js';
import { redactUrl, secretForms } from '../text/secrets.js';
import { describeFailure, octokitFailure } from './github-failure.js';
import type { Sleep } from './http.js';

/** What an inspection takes. */
export interface GitHubApiDeps {
  /** `GITHUB_API_URL` (default `https://api.github.com`). */
  readonly baseUrl?: string;
  /** Registers a secret with the log masking (`core.setSecret`); called first, for every form of the token. */
  readonly mask: (secret: string) => void;
  /** Per attempt. Default 5000 ms. */
  readonly timeoutMs?: number;
  /** Attempts after a rate limit, a 5xx or a network error. Default 2. */
  readonly retries?: number;
  /** The longest a rate limit is waited out, ms. Default 60,000. */
  readonly maxWaitMs?: number;
  readonly sleep?: Sleep;
  /** The current time, ms (for `X-RateLimit-Reset`). */
  readonly now?: () => number;
}

/** A repository's REST answer is a few KiB; 1 MiB bounds what a broken endpoint can make us hold. */
const MAX_BYTES = 1024 * 1024;

type Headers = Readonly<Record<string, string | number | undefined>>;

/** One attempt's answer: a status and headers, or a network failure. */
type Attempt =
  | { readonly status: number; readonly headers: Headers; readonly body: unknown }
  | { readonly failed: string };

/** Reads `res`'s body up to `maxBytes` ({@link MAX_BYTES} by default), as a new Response Octokit can read. */
export async function capped(res: Response, maxBytes = MAX_BYTES): Promise<Response> {
  const reader = res.body?.getReader();
  const chunks: Uint8Array[] = [];
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
    headers: res.headers,
  });
}

/** Octokit with the token, at `baseUrl`, each answer capped and each attempt time-bounded. */
async function octokitFor(token: string, deps: GitHubApiDeps) {
  const { getOctokit } = await import('@actions/github');
  const { defaults } = await import('@actions/github/lib/utils');
  const proxyFetch = (defaults.request?.fetch ?? fetch) as typeof fetch;
  return getOctokit(token, {
    baseUrl: deps.baseUrl ?? 'https://api.github.com',
    request: {
      fetch: async (url: string, init: RequestInit) => capped(await proxyFetch(url, init)),
      signal: AbortSignal.timeout(deps.timeoutMs ?? 5000),
    },
  });
}

/** One `GET /repos/{owner}/{repo}` with the token. Never throws. */
async function getRepository(token: string, repository: string, deps: GitHubApiDeps): Promise<Attempt> {
  const [owner = '', repo = ''] = repository.split('/');
  try {
    const octokit = await octokitFor(token, deps);
    const res = await octokit.request('GET /repos/{owner}/{repo}', { owner, repo });
    return { status: res.status, headers: res.headers as Headers, body: res.data };
  } catch (error) {
    // Octokit's message may quote the URL; it never holds the token, but only the kind of failure is kept. A fetch
    // that got no answer is thrown with status 500 too: only an answer's status is one (src/sources/github-failure.ts).
    const f = octokitFailure(error);
    if (f.kind === 'http' && f.status >= 400) return { status: f.status, headers: f.headers as Headers, body: f.data };
    return { failed: f.kind === 'http' ? `HTTP ${f.status}` : describeFailure(f) };
  }
}

const header = (h: Headers, name: string) => {
  const v = h[name] ?? h[name.toLowerCase()];
  return v === undefined ? undefined : String(v);
};

/** How long to wait before the next attempt, or undefined when this answer is final. */
function retryAfterMs(a: Attempt, now: number): number | undefined {
  if ('failed' in a) return 1000;
  if (a.status >= 500) return 1000;
  if (a.status !== 403 && a.status !== 429) return undefined;
  // https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#exceeding-the-rate-limit
  const retryAfter = header(a.headers, 'retry-after');
  if (retryAfter !== undefined && /^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000;
  if (header(a.headers, 'x-ratelimit-remaining') === '0') {
    const reset = Number(header(a.headers, 'x-ratelimit-reset'));
    return Number.isFinite(reset) ? Math.max(0, reset * 1000 - now) : 60_000;
  }
  return a.status === 429 ? 60_000 : undefined;
}

/** GitHub's `message` of an error body, inert and short. */
function messageOf(body: unknown): string | undefined {
  const m = (body as { message?: unknown } | undefined)?.message;
  return typeof m === 'string' ? inert(m).slice(0, 200) : undefined;
}

/**
 * Why the call is not made: a repository that is not `owner/name`, or an API URL the token must not be sent to
 * (anything but https, except on loopback, where the tests' server listens).
 */
export function refusal(repository: string, baseUrl: string): string | undefined {
  if (!/^[A-Za-z0-9_.-]{1,100}\/[A-Za-z0-9_.-]{1,100}$/.test(repository)) {
    return `the repository \`${inert(repository).slice(0, 80)}\` is not owner/name`;
  }
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return 'GITHUB_API_URL is not a URL';
  }
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return `GITHUB_API_URL (${redactUrl(baseUrl)}) is not https: the token is not sent there`;
  }
  return undefined;
}

/**
 * What GitHub says of the token in secret `secret` for `repository` (`owner/repo`). The token is masked first.
 * Rate limits, 5xx and network errors are retried within `retries` and `maxWaitMs`; then it is unverified.
 */
export async function inspectGitHubToken(
  secret: string,
  token: string,
  repository: string,
  deps: GitHubApiDeps,
): Promise<TokenInspection> {
  for (const form of secretForms(token)) deps.mask(form);
  const refused = refusal(repository, deps.baseUrl ?? 'https://api.github.com');
  if (refused) return { kind: 'unverified', secret, reason: refused };
  const sleep = deps.sleep ?? ((ms: number) => delay(ms).then(() => undefined));
  const now = deps.now ?? Date.now;
  const retries = deps.retries ?? 2;
  let last: Attempt = { failed: 'not tried' };
  for (let attempt = 0; attempt <= retries; attempt++) {
    last = await getRepository(token, repository, deps);
    const wait = retryAfterMs(last, now());
    if (wait === undefined) return answered(secret, token, last as Exclude<Attempt, { failed: string }>);
    if (attempt === retries || wait > (deps.maxWaitMs ?? 60_000)) break;
    await sleep(wait);
  }
  const reason =
    'failed' in last
      ? `GitHub's API gave ${last.failed}`
      : `GitHub's API answered ${last.status}${header(last.headers, 'x-ratelimit-remaining') === '0' ? ' (rate limit exceeded)' : ''} after ${retries + 1} attempts`;
  return { kind: 'unverified', secret, reason };
}

/** The inspection from a final answer. */
function answered(secret: string, token: string, a: Exclude<Attempt, { failed: string }>): TokenInspection {
  const scopes = header(a.headers, 'x-oauth-scopes');
  const expiration = header(a.headers, 'github-authentication-token-expiration');
  const expiresAt = expiration !== undefined ? parseExpiration(expiration) : undefined;
  const accepted = header(a.headers, 'x-accepted-github-permissions');
  const priv = (a.body as { private?: unknown } | undefined)?.private;
  const message = a.status >= 400 ? messageOf(a.body) : undefined;
  return {
    kind: 'answered',
    secret,
    tokenKind: tokenKind(token),
    status: a.status,
    ...(scopes !== undefined
      ? {
          oauthScopes: scopes
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s !== ''),
        }
      : {}),
    ...(expiresAt !== undefined ? { expiresAt } : {}),
    ...(accepted !== undefined ? { acceptedPermissions: inert(accepted).slice(0, 200) } : {}),
    ...(typeof priv === 'boolean' ? { privateRepo: priv } : {}),
    ...(message !== undefined ? { message } : {}),
  };
}

/**
 * The tokens the `github-tokens` input names: `SECRET` (the variable of that name holds it) or `SECRET=VARIABLE`,
 * separated by commas or new lines. Each token is masked as it is read. A name whose variable is unset or empty is
 * left out (its steps are then unverified: the secret was not given).
 */
export function readGitHubTokens(
  input: string,
  env: Readonly<Record<string, string | undefined>>,
  mask: (secret: string) => void,
): { readonly tokens: ReadonlyMap<string, string>; readonly problems: readonly string[] } {
  const tokens = new Map<string, string>();
  const problems: string[] = [];
  for (const item of input
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '')) {
    const [secret = '', variable = secret] = item.split('=').map((s) => s.trim());
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(secret) || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) {
      problems.push(`\`${inert(item).slice(0, 80)}\` is not SECRET or SECRET=VARIABLE`);
      continue;
    }
    const value = env[variable]?.trim();
    if (value) {
      // Masked as soon as it is read, before anything could print it.
      for (const form of secretForms(value)) mask(form);
      tokens.set(secret, value);
    } else problems.push(`environment variable ${variable} (for secret ${secret}) is not set or empty`);
  }
  return { tokens, problems };
}

/**
 * Every secret in `secrets` inspected, one after another (a handful per workflow; one at a time keeps within
 * GitHub's secondary rate limits): with its token when `tokens` has it, else `not-given`.
 */
export async function inspectGitHubTokens(
  secrets: readonly string[],
  tokens: ReadonlyMap<string, string>,
  repository: string,
  deps: GitHubApiDeps,
): Promise<TokenInspection[]> {
  const out: TokenInspection[] = [];
  for (const secret of secrets) {
    const token = tokens.get(secret);
    out.push(token ? await inspectGitHubToken(secret, token, repository, deps) : { kind: 'not-given', secret });
  }
  return out;
}
