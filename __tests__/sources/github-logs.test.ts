/**
 * Listing a run's jobs through GitHub's REST API (src/sources/github-logs.ts), with the real Octokit against loopback:
 * https://docs.github.com/en/rest/actions/workflow-jobs#list-jobs-for-a-workflow-run-attempt
 */
import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { listRunJobs, type RunCoordinates } from '../../src/sources/github-logs.js';
import { closedLoopbackUrl, closeServer, listenOnLoopback } from '../fixtures/loopback.js';

const TOKEN = 'ghs_loopbacktesttoken000000000000000000';
const run = (apiUrl: string): RunCoordinates => ({ apiUrl, owner: 'acme', repo: 'api', runId: 7, attempt: 1 });

describe("a run's jobs", () => {
  it('an API that does not answer (connection refused) is a network failure; a 500 it sends is HTTP 500', async () => {
    const refused = await listRunJobs(TOKEN, run(await closedLoopbackUrl()));
    expect(refused).toEqual({ ok: false, reason: expect.stringMatching(/: no answer \(network error\)$/) });
    const server = createServer((_req, res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"message":"Server Error"}');
    });
    const url = await listenOnLoopback(server);
    try {
      const answered = await listRunJobs(TOKEN, run(url));
      expect(answered).toEqual({ ok: false, reason: expect.stringMatching(/: HTTP 500$/) });
    } finally {
      await closeServer(server);
    }
  });
});
