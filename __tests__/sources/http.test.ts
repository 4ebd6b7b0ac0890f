import { createServer, type RequestListener } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  checkUrl,
  type FetchLike,
  fetchJson,
  formatBytes,
  isLoopbackHost,
  MAX_REDIRECTS,
  redactUrl,
} from '../../src/sources/http.js';
import { closeServer, listenOnLoopback } from '../fixtures/loopback.js';
import { type SlowOutcome, send, sendLater, unusedLoopbackUrl } from '../fixtures/oidc-issuer.js';

const noSleep = async () => undefined;

/** One loopback server for the file; each test routes by path. */
let base = '';
let hits = new Map<string, number>();
/** How the last answer of `/slow` ended (see sendLater). */
let slowAnswer: Promise<SlowOutcome> | undefined;
const routes: Record<string, RequestListener> = {
  '/ok': (_req, res) => send(res, 200, { hello: 'world' }),
  '/503': (_req, res) => send(res, 503, { message: 'unavailable' }),
  '/404': (_req, res) => send(res, 404, { message: 'nope' }),
  '/html': (_req, res) => send(res, 200, '<html>hi</html>', 'text/html; charset=utf-8'),
  '/big-declared': (_req, res) => send(res, 200, { pad: 'x'.repeat(5000) }),
  '/big-chunked': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write(`{"pad": "${'x'.repeat(3000)}`);
    res.end(`${'y'.repeat(3000)}"}`);
  },
  '/slow': (req, res) => {
    slowAnswer = sendLater(req, 2000, () => send(res, 200, { late: true }));
  },
  '/echo': (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () =>
      send(res, 200, { method: req.method, body: Buffer.concat(chunks).toString(), headers: req.headers }),
    );
  },
  '/redirect': (_req, res) => {
    res.writeHead(302, { location: '/ok' });
    res.end();
  },
  // 192.0.2.0/24 is reserved for documentation (RFC 5737): nothing answers there, so a request to it could only fail.
  '/to-plain-http': (_req, res) => {
    res.writeHead(302, { location: 'http://192.0.2.1/jwks' });
    res.end();
  },
  '/to-ftp': (_req, res) => {
    res.writeHead(301, { location: 'ftp://192.0.2.1/jwks' });
    res.end();
  },
  '/loop': (_req, res) => {
    res.writeHead(307, { location: '/loop' });
    res.end();
  },
  '/hops': (req, res) => {
    const n = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('n'));
    res.writeHead(308, { location: n > 1 ? `/hops?n=${n - 1}` : '/ok' });
    res.end();
  },
};
const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  hits.set(path, (hits.get(path) ?? 0) + 1);
  (routes[path] ?? ((_q, r) => send(r, 404, {})))(req, res);
});

beforeAll(async () => {
  base = await listenOnLoopback(server);
});
afterAll(() => closeServer(server));

describe('checkUrl', () => {
  it.each([
    ['https://example.com/x', true],
    ['http://127.0.0.1:8080/x', true],
    ['http://127.1.2.3/x', true],
    ['http://localhost:3000/', true],
    ['http://[::1]:3000/', true],
    ['http://example.com/x', false],
    ['http://127.0.0.1.nip.io/x', false],
    ['ftp://example.com/x', false],
    ['https://user:pass@example.com/', false],
    ['/relative', false],
  ])('%s → %s', (url, ok) => {
    expect(checkUrl(url).ok).toBe(ok);
  });

  it('knows loopback hosts', () => {
    expect(isLoopbackHost('LOCALHOST')).toBe(true);
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
  });
});

describe('fetchJson', () => {
  it('parses a JSON answer', async () => {
    expect(await fetchJson(`${base}/ok`)).toEqual({ ok: true, status: 200, json: { hello: 'world' } });
  });

  it('refuses plain http off loopback without fetching', async () => {
    const fetch = vi.fn<FetchLike>();
    const result = await fetchJson('http://example.com/jwks', { fetch });
    expect(result).toEqual({ ok: false, reason: 'not https (plain http is allowed on loopback only)' });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('reaches https URLs through the fetch it is given', async () => {
    const fetch = vi.fn<FetchLike>(async () => Response.json({ keys: [] }));
    expect(await fetchJson('https://idp.example/jwks', { fetch })).toMatchObject({ ok: true, json: { keys: [] } });
    expect(fetch.mock.calls[0]?.[0]).toBe('https://idp.example/jwks');
  });

  it('says HTTP 503 and retries it once', async () => {
    hits = new Map();
    expect(await fetchJson(`${base}/503`, { sleep: noSleep })).toEqual({ ok: false, reason: 'HTTP 503', status: 503 });
    expect(hits.get('/503')).toBe(2);
  });

  it('does not retry a 4xx', async () => {
    hits = new Map();
    expect(await fetchJson(`${base}/404`, { sleep: noSleep, retries: 3 })).toMatchObject({ reason: 'HTTP 404' });
    expect(hits.get('/404')).toBe(1);
  });

  it('says "connection refused" when nothing listens', async () => {
    const url = await unusedLoopbackUrl();
    expect(await fetchJson(`${url}/x`, { sleep: noSleep })).toEqual({ ok: false, reason: 'connection refused' });
  });

  it('gives up after the timeout, without retrying or waiting for the answer', async () => {
    hits = new Map();
    const result = await fetchJson(`${base}/slow`, { timeoutMs: 150, sleep: noSleep });
    expect(result).toEqual({ ok: false, reason: 'timed out after 150 ms' });
    // The client closed the connection before the server's late answer.
    expect(await slowAnswer).toBe('abandoned');
    expect(hits.get('/slow')).toBe(1);
  });

  it('says "not JSON" and names the content type, never quoting the body', async () => {
    const result = await fetchJson(`${base}/html`);
    expect(result).toEqual({ ok: false, reason: 'not JSON (content-type text/html)', status: 200 });
  });

  it('caps the size from content-length, and while streaming when there is none', async () => {
    expect(await fetchJson(`${base}/big-declared`, { maxBytes: 4096 })).toMatchObject({
      ok: false,
      reason: 'larger than 4 KiB',
    });
    expect(await fetchJson(`${base}/big-chunked`, { maxBytes: 4096 })).toMatchObject({
      ok: false,
      reason: 'larger than 4 KiB',
    });
    expect(await fetchJson(`${base}/big-chunked`, { maxBytes: 8192 })).toMatchObject({ ok: true });
  });

  it('POSTs a body with the given headers', async () => {
    const result = await fetchJson(`${base}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1&b=2',
    });
    expect(result).toMatchObject({
      ok: true,
      json: { method: 'POST', body: 'a=1&b=2', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
    });
  });

  it('follows a redirect for a plain GET but not for a request carrying credentials', async () => {
    expect(await fetchJson(`${base}/redirect`)).toMatchObject({ ok: true, json: { hello: 'world' } });
    const withAuth = await fetchJson(`${base}/redirect`, { headers: { authorization: 'Bearer x' } });
    expect(withAuth).toEqual({
      ok: false,
      reason: 'answered with a redirect, which is not followed for requests carrying credentials',
    });
  });
});

describe('redirects: each Location is checked before it is contacted', () => {
  /** The global fetch, recording every URL it is asked for. */
  const recording = () => {
    const asked: string[] = [];
    const fetch: FetchLike = (input, init) => {
      asked.push(input);
      return globalThis.fetch(input, init);
    };
    return { asked, fetch };
  };

  it('refuses a redirect to plain http off loopback without contacting it, naming the rule', async () => {
    const { asked, fetch } = recording();
    expect(await fetchJson(`${base}/to-plain-http`, { fetch, sleep: noSleep })).toEqual({
      ok: false,
      reason: 'redirected to a URL that cannot be used: not https (plain http is allowed on loopback only)',
    });
    expect(asked).toEqual([`${base}/to-plain-http`]);
  });

  it('refuses a redirect to another scheme without contacting it', async () => {
    const { asked, fetch } = recording();
    expect(await fetchJson(`${base}/to-ftp`, { fetch })).toEqual({
      ok: false,
      reason: 'redirected to a URL that cannot be used: unsupported scheme ftp (https is required)',
    });
    expect(asked).toHaveLength(1);
  });

  it(`follows up to ${MAX_REDIRECTS} redirects, and stops a loop there saying so`, async () => {
    expect(await fetchJson(`${base}/hops?n=${MAX_REDIRECTS}`)).toMatchObject({ ok: true, json: { hello: 'world' } });
    const { asked, fetch } = recording();
    expect(await fetchJson(`${base}/loop`, { fetch })).toEqual({
      ok: false,
      reason: `more than ${MAX_REDIRECTS} redirects (a redirect loop?)`,
    });
    expect(asked).toHaveLength(MAX_REDIRECTS + 1);
  });

  it('does not follow a redirect for a POST either', async () => {
    const { asked, fetch } = recording();
    const result = await fetchJson(`${base}/to-plain-http`, { fetch, method: 'POST', body: 'token=x' });
    expect(result).toEqual({
      ok: false,
      reason: 'answered with a redirect, which is not followed for requests carrying credentials',
    });
    expect(asked).toHaveLength(1);
  });
});

describe('helpers', () => {
  it('formats sizes', () => {
    expect([formatBytes(1024 * 1024), formatBytes(64 * 1024), formatBytes(300)]).toEqual([
      '1 MiB',
      '64 KiB',
      '300 bytes',
    ]);
  });

  it('shows a URL without its user name, password, query and fragment, parsed or not', () => {
    expect(redactUrl('https://me:hunter2@idp.example/x')).toBe('https://idp.example/x');
    expect(redactUrl('https://idp.example/x?q=1')).toBe('https://idp.example/x');
    expect(redactUrl('https://h.example/a/b?api-version=2.0&x=1#f')).toBe('https://h.example/a/b');
    expect(redactUrl('https://h.example/keys?api_key=sk_live_abc')).toBe('https://h.example/keys');
    expect(redactUrl('not a url //tok@h/x?api_key=1')).toBe('not a url //h/x');
  });
});
