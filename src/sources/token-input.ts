/**
 * Reads a bearer token the user keeps in an environment variable or a file. Tokens are never taken from argv or
 * literal action inputs, where they would sit in shell history, process listings and workflow files. A
 * `github-oidc` source is not read but requested: see `requestGitHubIdToken` in `./github-oidc.ts`.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import type { TokenSource } from '../tokens/types.js';
import { formatBytes } from './http.js';

/** The sources this module reads. */
export type StoredTokenSource = Extract<TokenSource, { readonly kind: 'env' | 'file' | 'web-identity-file' }>;

/** The token, or why there is none; the reason names the variable or file, never its content. */
export type ReadTokenResult =
  | { readonly ok: true; readonly token: string }
  | { readonly ok: false; readonly reason: string };

/** What {@link readToken} may be told. */
export interface ReadTokenDeps {
  /** Default {@link MAX_TOKEN_BYTES}. */
  readonly maxBytes?: number;
}

/**
 * 64 KiB. Real bearer tokens are far smaller: servers cap a request's headers at 8 to 16 KiB (nginx 8 KiB per
 * header line, node 16 KiB in all) and AWS STS takes a web identity token of at most 20,000 characters. This cap
 * is not about validity (the pure decoder has its own, stricter one, and says so in a finding) but about reading:
 * a mistyped path to a log file, a device or a huge blob must not be read into memory whole.
 */
export const MAX_TOKEN_BYTES = 64 * 1024;

/**
 * Tokens carry no whitespace (RFC 6750 §2.1 `b64token`; JWTs are base64url), so leading and trailing whitespace,
 * the newline `echo` and editors add and a Windows `\r`, are trimmed, as is a UTF-8 byte order mark.
 */
function clean(text: string): string {
  return text.replace(/^\uFEFF/, '').trim();
}

function fileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  return code ?? 'unreadable';
}

/**
 * Reads at most `maxBytes + 1` bytes, so an oversized file is known without reading it all. Only a regular file is
 * read: a named pipe is opened without waiting for a writer (O_NONBLOCK) and refused, as is a device.
 */
async function readFileCapped(path: string, maxBytes: number): Promise<{ bytes: Buffer } | { error: string }> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stats = await handle.stat();
    if (stats.isDirectory()) return { error: 'it is a directory' };
    if (!stats.isFile()) {
      return { error: `it is ${stats.isFIFO() ? 'a named pipe (FIFO)' : 'a device or socket'}, not a regular file` };
    }
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return { bytes: buffer.subarray(0, length) };
  } catch (error) {
    return { error: fileError(error) };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Reads the token from the variable or the file `source` names. Never throws. */
export async function readToken(
  source: StoredTokenSource,
  env: Readonly<Record<string, string | undefined>>,
  deps: ReadTokenDeps = {},
): Promise<ReadTokenResult> {
  const maxBytes = deps.maxBytes ?? MAX_TOKEN_BYTES;
  const tooLarge = `larger than ${formatBytes(maxBytes)}, far above any real token`;
  if (source.kind === 'env') {
    const value = env[source.name];
    if (value === undefined) return { ok: false, reason: `environment variable ${source.name} is not set` };
    if (Buffer.byteLength(value) > maxBytes) {
      return { ok: false, reason: `environment variable ${source.name} is ${tooLarge}` };
    }
    const token = clean(value);
    if (token === '') {
      // In a workflow, `${{ secrets.NAME }}` expands to '' when the secret does not exist or is withheld (forks).
      return {
        ok: false,
        reason: `environment variable ${source.name} is empty (an unset or withheld secret expands to '')`,
      };
    }
    return { ok: true, token };
  }
  const read = await readFileCapped(source.path, maxBytes);
  if ('error' in read) return { ok: false, reason: `cannot read token file ${source.path}: ${read.error}` };
  if (read.bytes.length > maxBytes) return { ok: false, reason: `token file ${source.path} is ${tooLarge}` };
  const token = clean(read.bytes.toString('utf8'));
  if (token === '') return { ok: false, reason: `token file ${source.path} is empty` };
  return { ok: true, token };
}
