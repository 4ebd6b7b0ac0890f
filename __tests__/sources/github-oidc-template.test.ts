/**
 * Reading the OIDC subject template through GitHub's REST API (src/sources/github-oidc-template.ts), with the real
 * Octokit against a loopback server that answers as the API documents:
 * https://docs.github.com/en/rest/actions/oidc#get-the-customization-template-for-an-oidc-subject-claim-for-a-repository
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { readRepositoryIds, readSubjectTemplate } from '../../src/sources/github-oidc-template.js';
import { closedLoopbackUrl, closeServer, listenOnLoopback } from '../fixtures/loopback.js';

const TOKEN = 'ghs_loopbacktesttoken000000000000000000';
let server: Server | undefined;
afterEach(async () => {
  if (server) await closeServer(server);
  server = undefined;
});

/** A server answering each path from `routes` (status, body), recording what it was asked. */
async function api(routes: Record<string, [number, unknown]>): Promise<{ url: string; seen: IncomingMessage[] }> {
  const seen: IncomingMessage[] = [];
  server = createServer((req, res) => {
    seen.push(req);
    const [status, body] = routes[req.url ?? ''] ?? [404, { message: 'Not Found' }];
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  return { url: await listenOnLoopback(server), seen };
}

const REPO = '/repos/acme/api/actions/oidc/customization/sub';
const ORG = '/orgs/acme/actions/oidc/customization/sub';

describe('the subject template from the REST API', () => {
  it('rest/actions/oidc: use_default true is GitHub default template; the request carries the token', async () => {
    const { url, seen } = await api({ [REPO]: [200, { use_default: true }] });
    const read = await readSubjectTemplate({ owner: 'acme', repo: 'api', token: TOKEN, apiUrl: url });
    expect(read).toEqual({ kind: 'read', template: { keys: 'default', source: REPO } });
    expect(seen[0]?.headers.authorization).toBe(`token ${TOKEN}`);
  });

  it("rest/actions/oidc: the repository's own include_claim_keys", async () => {
    const { url } = await api({
      [REPO]: [200, { use_default: false, include_claim_keys: ['repo', 'context', 'job_workflow_ref'] }],
    });
    const read = await readSubjectTemplate({ owner: 'acme', repo: 'api', token: TOKEN, apiUrl: url });
    expect(read).toEqual({ kind: 'read', template: { keys: ['repo', 'context', 'job_workflow_ref'], source: REPO } });
  });

  it("rest/actions/oidc: use_default false without keys takes the organization's template, or the default when it lists none", async () => {
    const { url } = await api({
      [REPO]: [200, { use_default: false }],
      [ORG]: [200, { include_claim_keys: ['repository_owner_id', 'context'] }],
    });
    expect(await readSubjectTemplate({ owner: 'acme', repo: 'api', token: TOKEN, apiUrl: url })).toEqual({
      kind: 'read',
      template: { keys: ['repository_owner_id', 'context'], source: ORG },
    });
    await closeServer(server as Server);
    const empty = await api({ [REPO]: [200, { use_default: false }], [ORG]: [200, { include_claim_keys: [] }] });
    const read = await readSubjectTemplate({ owner: 'acme', repo: 'api', token: TOKEN, apiUrl: empty.url });
    expect(read).toEqual({ kind: 'read', template: { keys: 'default', source: ORG } });
  });

  it('what cannot be read is unknown, never the default, and the token is in no reason', async () => {
    const { url } = await api({ [REPO]: [403, { message: 'Resource not accessible by integration' }] });
    const denied = await readSubjectTemplate({ owner: 'acme', repo: 'api', token: TOKEN, apiUrl: url });
    expect(denied).toEqual({ kind: 'unknown', reason: expect.stringContaining('HTTP 403') });
    expect(JSON.stringify(denied)).not.toContain(TOKEN);
    await closeServer(server as Server);
    const odd = await api({
      [REPO]: [200, { use_default: false, include_claim_keys: ['repo:evil'] }],
      [ORG]: [500, {}],
    });
    const read = await readSubjectTemplate({ owner: 'acme', repo: 'api', token: TOKEN, apiUrl: odd.url });
    expect(read.kind).toBe('unknown');
  });

  it('an API that does not answer (connection refused) is a network failure, never an HTTP status it did not send', async () => {
    const closed = await closedLoopbackUrl();
    const read = await readSubjectTemplate({ owner: 'acme', repo: 'api', token: TOKEN, apiUrl: closed });
    expect(read).toEqual({
      kind: 'unknown',
      reason: 'GET /repos/{owner}/{repo}/actions/oidc/customization/sub failed: no answer (network error)',
    });
    // A 500 the server does send is told as such.
    const { url } = await api({ [REPO]: [500, { message: 'Server Error' }] });
    const answered = await readSubjectTemplate({ owner: 'acme', repo: 'api', token: TOKEN, apiUrl: url });
    expect(answered).toEqual({
      kind: 'unknown',
      reason: 'GET /repos/{owner}/{repo}/actions/oidc/customization/sub failed: HTTP 500',
    });
  });

  it("rest/repos/repos#get-a-repository: the repository's and owner's IDs; an answer without them is undefined", async () => {
    const { url } = await api({ '/repos/acme/api': [200, { id: 74, name: 'api', owner: { login: 'acme', id: 65 } }] });
    expect(await readRepositoryIds({ owner: 'acme', repo: 'api', token: TOKEN, apiUrl: url })).toEqual({
      repoId: '74',
      ownerId: '65',
    });
    await closeServer(server as Server);
    const odd = await api({ '/repos/acme/api': [200, { id: '74; DROP', owner: {} }] });
    expect(await readRepositoryIds({ owner: 'acme', repo: 'api', token: TOKEN, apiUrl: odd.url })).toBeUndefined();
  });
});
