/**
 * Reading configuration variables through GitHub's REST API (src/sources/github-variables.ts), with the real Octokit
 * against a loopback server that answers as https://docs.github.com/en/rest/actions/variables documents: `per_page`
 * (max 30) and `page` in the query, `{ total_count, variables: [{ name, value, created_at, updated_at }] }` in the body
 * (the entries below are the page's example answer, USERNAME/octocat and EMAIL/octocat@github.com), and `Link` headers.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { readVariables, type VariablesSource } from '../../src/sources/github-variables.js';
import { closeServer, listenOnLoopback } from '../fixtures/loopback.js';

const TOKEN = 'ghp_loopbackvariablestoken0000000000000000';
let server: Server | undefined;
afterEach(async () => {
  if (server) await closeServer(server);
  server = undefined;
});

type Answer = readonly [number, unknown, Record<string, string>?];
type Route = (page: number, perPage: number) => Answer;

/** A server answering each path (without its query) from `routes`, recording every request it was asked. */
async function api(routes: Record<string, Route>): Promise<{ url: string; seen: IncomingMessage[] }> {
  const seen: IncomingMessage[] = [];
  server = createServer((req, res) => {
    seen.push(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = routes[url.pathname];
    const [status, body, headers] = route
      ? route(Number(url.searchParams.get('page') ?? 1), Number(url.searchParams.get('per_page') ?? 10))
      : ([404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' }] as const);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  });
  return { url: await listenOnLoopback(server), seen };
}

const variable = (name: string, value: string) => ({
  name,
  value,
  created_at: '2019-08-10T14:59:22Z',
  updated_at: '2020-01-10T14:59:22Z',
});

/** A listing of `entries`, paged as GitHub pages it, with the `Link` header of each page. */
const listing =
  (entries: readonly (readonly [string, unknown])[]): Route =>
  (page, perPage) => {
    const last = Math.max(1, Math.ceil(entries.length / perPage));
    const link = page < last ? { link: `<http://127.0.0.1/x?page=${page + 1}>; rel="next"` } : {};
    const slice = entries
      .slice((page - 1) * perPage, page * perPage)
      .map(([n, v]) => ({ ...variable(n, ''), value: v }));
    return [200, { total_count: entries.length, variables: slice }, link];
  };

const denied =
  (permission: string): Route =>
  () => [
    403,
    { message: 'Resource not accessible by personal access token', status: '403' },
    { 'x-accepted-github-permissions': permission },
  ];

const REPO = '/repos/acme/api/actions/variables';
const ORG = '/repos/acme/api/actions/organization-variables';
const read = (url: string, more: Partial<VariablesSource> = {}) =>
  readVariables({ owner: 'acme', repo: 'api', token: TOKEN, apiUrl: url, environments: [], ...more });
const many = (n: number) => Array.from({ length: n }, (_, i) => [`VAR_${i}`, `value ${i}`] as const);

describe('the repository level', () => {
  it("variables#configuration-variable-precedence: the repository's value over the organization's, names without regard to case; both whole", async () => {
    const { url, seen } = await api({
      [REPO]: listing([['username', 'octocat']]),
      [ORG]: listing([
        ['USERNAME', 'org-user'],
        ['EMAIL', 'octocat@github.com'],
      ]),
    });
    const { variables, notes } = await read(url);
    expect(variables.repository).toEqual({
      values: { username: 'octocat', EMAIL: 'octocat@github.com' },
      complete: true,
      source: `${REPO} + ${ORG}`,
    });
    expect(notes).toEqual([]);
    expect(seen.map((r) => r.headers.authorization)).toEqual([`token ${TOKEN}`, `token ${TOKEN}`]);
  });

  it('reads every page, 30 at a time (the documented maximum)', async () => {
    const { url, seen } = await api({ [REPO]: listing(many(65)), [ORG]: listing([]) });
    const { variables } = await read(url);
    expect(Object.keys(variables.repository?.values ?? {})).toHaveLength(65);
    expect(variables.repository?.complete).toBe(true);
    const pages = seen.filter((r) => r.url?.startsWith(REPO)).map((r) => r.url);
    expect(pages).toEqual([1, 2, 3].map((p) => `${REPO}?per_page=30&page=${p}`));
  });

  it('more pages than maxPages: what was read, not whole, with a note', async () => {
    const { url, seen } = await api({ [REPO]: listing(many(65)), [ORG]: listing([]) });
    const { variables, notes } = await read(url, { maxPages: 2 });
    expect(Object.keys(variables.repository?.values ?? {})).toHaveLength(60);
    expect(variables.repository?.complete).toBe(false);
    expect(notes).toEqual([expect.stringContaining(`GET ${REPO} was not read whole`)]);
    expect(seen.filter((r) => r.url?.startsWith(REPO))).toHaveLength(2);
  });

  it('fewer variables listed than total_count says: not whole', async () => {
    const { url } = await api({
      [REPO]: () => [200, { total_count: 3, variables: [variable('USERNAME', 'octocat')] }],
      [ORG]: listing([]),
    });
    const { variables } = await read(url);
    expect(variables.repository).toMatchObject({ values: { USERNAME: 'octocat' }, complete: false });
  });

  it("the organization's listing refused (403): the repository's values, not whole, the note names the permission", async () => {
    const { url } = await api({ [REPO]: listing([['USERNAME', 'octocat']]), [ORG]: denied('actions_variables=read') });
    const { variables, notes } = await read(url);
    expect(variables.repository).toMatchObject({ values: { USERNAME: 'octocat' }, complete: false });
    expect(notes).toContainEqual(expect.stringContaining(`GET ${ORG} failed: HTTP 403`));
    expect(notes.join('\n')).toContain('"Variables" repository permission (read)');
    expect(notes.join('\n')).toContain('GitHub says it takes actions_variables=read');
  });

  it("the repository's listing refused (403): no repository listing, and a note why", async () => {
    const { url } = await api({ [REPO]: denied('actions_variables=read'), [ORG]: listing([['EMAIL', 'x']]) });
    const { variables, notes } = await read(url);
    expect(variables.repository).toBeUndefined();
    expect(notes).toContainEqual(expect.stringContaining(`GET ${REPO} failed: HTTP 403`));
  });

  it('variables#limits-for-configuration-variables: over 256 KB together, GitHub leaves some out of a run, so none is known', async () => {
    const big = 'x'.repeat(48 * 1024);
    const { url } = await api({ [REPO]: listing(many(6).map(([n]) => [n, big])), [ORG]: listing([]) });
    const { variables, notes } = await read(url);
    expect(variables.repository).toBeUndefined();
    expect(notes).toContainEqual(expect.stringContaining('larger than 256 KB'));
  });
});

describe('answers that are not lists of variables are not trusted', () => {
  it.each([
    ['a value that is not a string', { total_count: 1, variables: [{ ...variable('PORT', ''), value: 8080 }] }],
    ['a name with a dash', { total_count: 1, variables: [variable('MY-NAME', 'x')] }],
    ['a name starting with a digit', { total_count: 1, variables: [variable('1ST', 'x')] }],
    ['a name starting with GITHUB_', { total_count: 1, variables: [variable('GITHUB_TOKEN', 'x')] }],
    ['no variables array', { total_count: 1, secrets: [variable('USERNAME', 'x')] }],
    ['no total_count', { variables: [variable('USERNAME', 'x')] }],
    ['a value longer than 48 KB', { total_count: 1, variables: [variable('BIG', 'x'.repeat(48 * 1024 + 1))] }],
    ['a name listed twice', { total_count: 2, variables: [variable('USERNAME', 'a'), variable('username', 'b')] }],
  ])('variables#naming-conventions-for-configuration-variables: %s makes the listing unread', async (_, body) => {
    const { url } = await api({ [REPO]: () => [200, body], [ORG]: listing([]) });
    const { variables, notes } = await read(url);
    expect(variables.repository).toBeUndefined();
    expect(notes).toContainEqual(
      expect.stringMatching(new RegExp(`^GET ${REPO} failed: .*\\(page 1\\)$|listed twice`)),
    );
  });
});

describe('environments', () => {
  it('each environment named, once without regard to case, its name encoded in the path', async () => {
    const env = '/repos/acme/api/environments/prod%2Feu%20west/variables';
    const { url, seen } = await api({
      [REPO]: listing([['REGION', 'us-east-1']]),
      [ORG]: listing([]),
      [env]: listing([['REGION', 'eu-west-1']]),
    });
    const { variables, notes } = await read(url, { environments: ['prod/eu west', 'PROD/EU WEST'] });
    expect(variables.environments).toEqual({
      'prod/eu west': { values: { REGION: 'eu-west-1' }, complete: true, source: env },
    });
    expect(notes).toEqual([]);
    expect(seen.filter((r) => r.url?.includes('/environments/')).map((r) => r.url)).toEqual([
      `${env}?per_page=30&page=1`,
    ]);
  });

  it('a unicode name is sent as UTF-8 percent-encoding', async () => {
    const env = '/repos/acme/api/environments/%C3%A9t%C3%A9/variables';
    const { url } = await api({ [REPO]: listing([]), [ORG]: listing([]), [env]: listing([['A', 'b']]) });
    const { variables } = await read(url, { environments: ['été'] });
    expect(variables.environments?.été?.values).toEqual({ A: 'b' });
  });

  it('manage-environments#creating-an-environment: a missing environment (404) is created with nothing configured: an empty whole listing', async () => {
    const { url } = await api({ [REPO]: listing([]), [ORG]: listing([]) });
    const { variables, notes } = await read(url, { environments: ['staging'] });
    expect(variables.environments).toEqual({
      staging: { values: {}, complete: true, source: '/repos/acme/api/environments/staging/variables' },
    });
    expect(notes).toEqual([expect.stringContaining('no such environment yet')]);
  });

  it("a 404 when the repository's own listing was not read is unknown, not empty", async () => {
    const { url } = await api({ [REPO]: denied('actions_variables=read'), [ORG]: listing([]) });
    const { variables, notes } = await read(url, { environments: ['staging'] });
    expect(variables.environments).toBeUndefined();
    expect(notes).toContainEqual(expect.stringContaining('/environments/staging/variables failed: HTTP 404'));
  });

  it('an environment listing refused names both permissions; a name longer than 255 characters is not read', async () => {
    const { url, seen } = await api({
      [REPO]: listing([]),
      [ORG]: listing([]),
      '/repos/acme/api/environments/prod/variables': denied('actions_variables=read; environments=read'),
    });
    const { variables, notes } = await read(url, { environments: ['prod', 'x'.repeat(256)] });
    expect(variables.environments).toBeUndefined();
    expect(notes.join('\n')).toContain('"Variables" and "Environments" repository permissions (read)');
    expect(notes).toContainEqual(expect.stringContaining('is not a name GitHub accepts'));
    expect(notes.every((n) => n.length < 400)).toBe(true);
    expect(seen).toHaveLength(3);
  });

  it('at most maxEnvironments are read; the rest get a note', async () => {
    const { url, seen } = await api({ [REPO]: listing([]), [ORG]: listing([]) });
    const { notes } = await read(url, { environments: ['a', 'b', 'c'], maxEnvironments: 2 });
    expect(seen.filter((r) => r.url?.includes('/environments/'))).toHaveLength(2);
    expect(notes).toContainEqual(expect.stringContaining('environment "c" not read'));
  });
});

describe('failures and the token', () => {
  it('a server that never answers: notes, no listing, no hang', async () => {
    server = createServer(() => {});
    const url = await listenOnLoopback(server);
    const result = await read(url, { timeoutMs: 50, environments: ['prod'] });
    expect(result.variables).toEqual({});
    expect(result.notes).toContainEqual(expect.stringContaining(`GET ${REPO} failed: timed out`));
    expect(JSON.stringify(result)).not.toContain(TOKEN);
  });

  it('the token appears in no note, whatever fails; the call never throws', async () => {
    const { url } = await api({
      [REPO]: () => [401, { message: `Bad credentials ${TOKEN}` }],
      [ORG]: () => [500, { message: TOKEN }],
      '/repos/acme/api/environments/prod/variables': () => [200, { total_count: TOKEN, variables: [] }],
    });
    const result = await read(url, { environments: ['prod'] });
    expect(result.notes.length).toBeGreaterThan(0);
    expect(JSON.stringify(result)).not.toContain(TOKEN);
  });

  it('an API URL that is not https (but loopback) is refused before the token is sent', async () => {
    const result = await read('http://api.example.test');
    expect(result).toEqual({ variables: {}, notes: [expect.stringContaining('is not https')] });
  });
});
