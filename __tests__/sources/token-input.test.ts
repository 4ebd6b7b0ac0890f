import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_TOKEN_BYTES, readToken } from '../../src/sources/token-input.js';
import { removeTempDirs, tempDir, writeFile } from '../fixtures/temp-files.js';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
const dir = tempDir();
afterAll(removeTempDirs);

const file = (name: string, content: string | Buffer): string => writeFile(dir, name, content);

describe('readToken from an environment variable', () => {
  it('reads it and trims the newline', async () => {
    expect(await readToken({ kind: 'env', name: 'DEPLOY_TOKEN' }, { DEPLOY_TOKEN: `${TOKEN}\n` })).toEqual({
      ok: true,
      token: TOKEN,
    });
  });

  it('names the variable when it is not set', async () => {
    expect(await readToken({ kind: 'env', name: 'DEPLOY_TOKEN' }, {})).toEqual({
      ok: false,
      reason: 'environment variable DEPLOY_TOKEN is not set',
    });
  });

  it('says an empty one is empty, and why a secret can be', async () => {
    const result = await readToken({ kind: 'env', name: 'DEPLOY_TOKEN' }, { DEPLOY_TOKEN: '  \n' });
    expect(result).toEqual({
      ok: false,
      reason: "environment variable DEPLOY_TOKEN is empty (an unset or withheld secret expands to '')",
    });
  });

  it('refuses an oversized value without showing it', async () => {
    const huge = 'a'.repeat(MAX_TOKEN_BYTES + 1);
    const result = await readToken({ kind: 'env', name: 'BIG' }, { BIG: huge });
    expect(result).toEqual({
      ok: false,
      reason: 'environment variable BIG is larger than 64 KiB, far above any real token',
    });
  });
});

describe('readToken from a file', () => {
  it.each([
    ['a trailing newline', `${TOKEN}\n`],
    ['CRLF', `${TOKEN}\r\n`],
    ['a byte order mark', `\uFEFF${TOKEN}`],
    ['nothing to trim', TOKEN],
  ])('reads a token with %s', async (_name, content) => {
    expect(await readToken({ kind: 'file', path: file('token', content) }, {})).toEqual({ ok: true, token: TOKEN });
  });

  it('names a missing file', async () => {
    const path = join(dir, 'nope');
    expect(await readToken({ kind: 'file', path }, {})).toEqual({
      ok: false,
      reason: `cannot read token file ${path}: no such file`,
    });
  });

  it('says a directory is a directory', async () => {
    const path = join(dir, 'a-dir');
    mkdirSync(path, { recursive: true });
    expect(await readToken({ kind: 'file', path }, {})).toEqual({
      ok: false,
      reason: `cannot read token file ${path}: it is a directory`,
    });
  });

  it('says an empty file is empty', async () => {
    const path = file('empty', '\n');
    expect(await readToken({ kind: 'file', path }, {})).toEqual({ ok: false, reason: `token file ${path} is empty` });
  });

  it('accepts exactly the cap and refuses one byte more, naming the file and never its content', async () => {
    const atCap = file('at-cap', 'b'.repeat(MAX_TOKEN_BYTES));
    expect(await readToken({ kind: 'file', path: atCap }, {})).toMatchObject({ ok: true });
    const secretish = `${'c'.repeat(MAX_TOKEN_BYTES)}SECRET-TAIL`;
    const over = file('over-cap', secretish);
    const result = await readToken({ kind: 'file', path: over }, {});
    expect(result).toEqual({ ok: false, reason: `token file ${over} is larger than 64 KiB, far above any real token` });
    expect(JSON.stringify(result)).not.toMatch(/ccc|SECRET/);
  });

  it('stops reading at the cap, so a huge file costs no more than the cap', async () => {
    const path = file('huge', Buffer.alloc(8 * 1024 * 1024, 0x61));
    expect(await readToken({ kind: 'file', path }, {}, { maxBytes: 1024 })).toEqual({
      ok: false,
      reason: `token file ${path} is larger than 1 KiB, far above any real token`,
    });
  });

  // A device or a named pipe is refused by its type, before a byte is read: /dev/zero never ends, and a pipe with no
  // writer would block the open itself.
  it.skipIf(!existsSync('/dev/zero'))('refuses a device by its type', async () => {
    expect(await readToken({ kind: 'file', path: '/dev/zero' }, {})).toEqual({
      ok: false,
      reason: 'cannot read token file /dev/zero: it is a device or socket, not a regular file',
    });
  });

  it.skipIf(process.platform === 'win32')('refuses a named pipe without waiting for a writer', async () => {
    const fifo = join(tempDir(), 'token');
    execFileSync('mkfifo', [fifo]);
    expect(await readToken({ kind: 'file', path: fifo }, {})).toEqual({
      ok: false,
      reason: `cannot read token file ${fifo}: it is a named pipe (FIFO), not a regular file`,
    });
  });
});
