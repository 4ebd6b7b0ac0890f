/**
 * Reading a file of another repository at a ref through GitHub's REST API (src/sources/github-contents.ts), with the
 * real Octokit against a loopback server that answers as
 * https://docs.github.com/en/rest/repos/contents#get-repository-content documents (__tests__/fixtures/github-contents-server.ts).
 * The file served is the real reusable workflow of __tests__/fixtures/workflows/remote/ (its source in its first line).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readRepositoryFile } from '../../src/sources/github-contents.js';
import type { RemoteWorkflowRef } from '../../src/workflows/index.js';
import { type ContentsServer, type ContentsServerOptions, contentsServer } from '../fixtures/github-contents-server.js';
import {
  REMOTE_KEY as KEY,
  REMOTE_REF as REF,
  REMOTE_SHA as SHA,
  REMOTE_TEXT as TEXT,
} from '../fixtures/remote-workflow.js';

const TOKEN = 'ghs_loopbackcontentstoken00000000000000000';

let server: ContentsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function read(options: ContentsServerOptions, ref: RemoteWorkflowRef = REF, extra = {}) {
  await server?.close();
  server = await contentsServer(options);
  return readRepositoryFile(ref, { token: TOKEN, apiUrl: server.url, ...extra });
}

/** Every note a result can carry, to prove the token is never in one. */
const noteOf = (r: Awaited<ReturnType<typeof readRepositoryFile>>) => (typeof r === 'object' && r ? r.refused : '');

describe('GET /repos/{owner}/{repo}/contents/{path}?ref=', () => {
  it('get-repository-content: asks for the raw media type at the ref, with the token, and gives the file text', async () => {
    const result = await read({ files: { [KEY]: TEXT } });
    expect(result).toBe(TEXT);
    expect(server?.requests).toEqual([
      {
        method: 'GET',
        url: `/repos/${REF.owner}/${REF.repo}/contents/.github/workflows/aws-secrets-management.yml?ref=${SHA}`,
        accept: 'application/vnd.github.raw+json',
        authorization: `token ${TOKEN}`,
      },
    ]);
  });

  it('the path segments and the ref are URL-encoded (they come from workflow files)', async () => {
    const ref = { ...REF, path: '.github/workflows/a b%2F..#x.yml', ref: 'feature/x+y&z=1' };
    const result = await read({ files: { [`${REF.owner}/${REF.repo}/${ref.path}@${ref.ref}`]: 'on: push\n' } }, ref);
    expect(result).toBe('on: push\n');
    expect(server?.requests[0]?.url).toBe(
      `/repos/${REF.owner}/${REF.repo}/contents/.github/workflows/a%20b%252F..%23x.yml?ref=feature%2Fx%2By%26z%3D1`,
    );
  });

  it('404 is not found: the file is not at that ref, or the repository is private and the token cannot see it', async () => {
    expect(await read({ files: {} })).toBeUndefined();
  });

  it('403 is refused, naming the permission and what a GITHUB_TOKEN can read', async () => {
    const result = await read({ files: { [KEY]: TEXT }, forbidden: [`${REF.owner}/${REF.repo}`] });
    expect(noteOf(result)).toContain('HTTP 403');
    expect(noteOf(result)).toContain(
      '"Contents" repository permission (read) on ministryofjustice/modernisation-platform-github-actions',
    );
    expect(noteOf(result)).toContain('GITHUB_TOKEN reads only its own repository and public ones');
  });

  it('a file over the bound is refused, not read in part', async () => {
    const result = await read({ files: { [KEY]: TEXT } }, REF, { maxBytes: 1000 });
    expect(noteOf(result)).toBe('is larger than 1000 bytes and was not read');
  });

  it('an answer that does not come in time is refused', async () => {
    const result = await read({ files: { [KEY]: TEXT }, silent: [KEY] }, REF, { timeoutMs: 200 });
    expect(noteOf(result)).toContain('did not answer in time');
  });

  it("the whole read's bound ends a request under way, and refuses those after it without asking", async () => {
    const whole = new AbortController();
    const pending = read({ files: { [KEY]: TEXT }, silent: [KEY] }, REF, { whole: whole.signal, timeoutMs: 60_000 });
    while ((server?.requests.length ?? 0) === 0) await new Promise((resolve) => setImmediate(resolve));
    whole.abort(new DOMException('the whole read ran out', 'TimeoutError'));
    expect(noteOf(await pending)).toContain('did not answer in time');
    const after = await read({ files: { [KEY]: TEXT } }, REF, { whole: whole.signal });
    expect(noteOf(after)).toContain('ran out');
    expect(server?.requests).toEqual([]);
  });

  it('a directory (listed in JSON) is not a file', async () => {
    const result = await read({ files: {}, directories: [KEY] });
    expect(noteOf(result)).toContain('not a file');
  });

  it('a redirect (a moved repository) is not followed', async () => {
    const result = await read({ files: { [KEY]: TEXT }, moved: [`${REF.owner}/${REF.repo}`] });
    expect(noteOf(result)).toContain('HTTP 301');
    expect(server?.requests).toHaveLength(1);
  });

  it('the token is sent only over https or to loopback', async () => {
    const result = await readRepositoryFile(REF, { token: TOKEN, apiUrl: 'http://api.example.test' });
    expect(noteOf(result)).toContain('is not https');
  });

  it('the token is in no note, whatever the failure', async () => {
    const notes = [
      await read({ files: {}, forbidden: [`${REF.owner}/${REF.repo}`] }),
      await read({ files: { [KEY]: TEXT } }, REF, { maxBytes: 10 }),
      await read({ files: {}, silent: [KEY] }, REF, { timeoutMs: 100 }),
      await read({ files: {}, moved: [`${REF.owner}/${REF.repo}`] }),
      await readRepositoryFile(REF, { token: TOKEN, apiUrl: 'http://127.0.0.1:1' }),
    ].map(noteOf);
    expect(notes.every((n) => n !== '')).toBe(true);
    for (const note of notes) expect(note).not.toContain(TOKEN.slice(4, 20));
  });
});
