/**
 * Reading input files. JSON errors name the file, the line and the column, never a stack trace.
 */
import { constants } from 'node:fs';
import { type FileHandle, open, readlink, realpath } from 'node:fs/promises';
import path from 'node:path';
import { jsonTooDeep, MAX_JSON_DEPTH } from '../text/json-depth.js';
import { formatBytes } from './http.js';

/** An input problem a person can fix; the CLI prints its message and exits 2. */
export class InputFileError extends Error {
  override readonly name = 'InputFileError';
}

/** Reads a regular file of at most `maxBytes` as UTF-8; anything else is an {@link InputFileError} naming it. */
export async function readText(path: string, maxBytes: number = FILE_LIMITS.input): Promise<string> {
  const read = await readRegularFile(path, maxBytes);
  if (!read.ok) throw new InputFileError(`cannot read ${path}: it ${read.reason}`);
  return read.bytes.toString('utf8');
}

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

/**
 * Parses JSON, turning a syntax error into an {@link InputFileError} that points at the spot. Text nested deeper than
 * any real input ({@link MAX_JSON_DEPTH}) is refused first, at the bracket that goes too deep: nothing downstream may
 * walk it and exhaust the stack.
 */
export function parseJson(text: string, name: string): unknown {
  const deep = jsonTooDeep(text);
  if (deep) {
    throw new InputFileError(
      `${name} nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels at line ${deep.line}, column ${deep.column}`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    const where = at ? ` at ${lineColumn(text, Number(at[1]))}` : text.trim() === '' ? ' (the input is empty)' : '';
    throw new InputFileError(
      `${name} is not valid JSON${where}: ${message.replace(/ in JSON at position \d+.*$/, '')}`,
    );
  }
}

/**
 * The size caps of the files a run reads, each named in the error that refuses a larger file. A pull request's
 * author controls these files: without a cap, a path to a huge file, or to a device such as `/dev/zero`, would be
 * read into memory until the runner gives out.
 */
export const FILE_LIMITS = {
  /** The config file: real ones are a few KiB; 1 MiB is far above any and still parses in well under a second. */
  config: 1024 * 1024,
  /**
   * One policy file: `aws iam get-account-authorization-details` of a large account is legitimately tens of MiB
   * (every role, every managed policy's versions) in one file; 256 MiB leaves room for that and still bounds memory.
   */
  policyFile: 256 * 1024 * 1024,
  /**
   * Every policy file of one run together: a few authorization exports of large accounts, with room to spare, while a
   * folder of many large files (a pull request may add them) cannot hold the runner's memory.
   */
  policyFiles: 512 * 1024 * 1024,
  /** An input the CLI reads (simulate's cases, from a file or standard input): a batch of cases, far under this. */
  input: 64 * 1024 * 1024,
} as const;

/** How deep a policy folder may nest, links followed: far deeper than a policy folder's layout (docs/policy-folder.md). */
export const MAX_FOLDER_DEPTH = 32;

/**
 * How many entries a policy folder's walk may list, links followed: an organization's policy folder holds one file
 * per policy and account, hundreds at most; links to one folder from many places would multiply without a bound.
 */
export const MAX_FOLDER_ENTRIES = 20_000;

/** Why a path that exists is not a regular file, by its type. */
function notAFile(stats: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean }): string {
  if (stats.isDirectory()) return 'is a folder, not a file';
  if (stats.isFIFO()) return 'is a named pipe (FIFO), not a regular file: it is not read';
  if (stats.isSocket()) return 'is a socket, not a regular file: it is not read';
  return 'is a device, not a regular file: it is not read';
}

/** A read of a file, or why there is none (a reason to follow the file's name). */
export type BoundedRead =
  | { readonly ok: true; readonly bytes: Buffer }
  | { readonly ok: false; readonly reason: string };

/** `ENOENT` and friends, for a reason that follows a file's name. */
export function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read: permission denied';
  if (code === 'EISDIR') return 'is a folder, not a file';
  if (code === 'ELOOP') return 'is a loop of symbolic links';
  return `cannot be read: ${code ?? (error instanceof Error ? error.message : String(error))}`;
}

/**
 * Reads a regular file of at most `maxBytes`. Anything else is refused by its type before a byte is read: a named
 * pipe is opened without waiting for a writer (O_NONBLOCK), a device or a socket is never read. A file larger than
 * the cap, by its size or by what it turns out to hold, is refused with the cap.
 */
export async function readRegularFile(absolute: string, maxBytes: number, together?: ReadBudget): Promise<BoundedRead> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(absolute, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stats = await handle.stat();
    if (!stats.isFile()) return { ok: false, reason: notAFile(stats) };
    const tooLarge = {
      ok: false,
      reason: `is larger than ${formatBytes(maxBytes)}, the most this file may hold`,
    } as const;
    if (stats.size > maxBytes) return tooLarge;
    if (together) {
      // Reserved before a byte is read (no other read runs between the check and the charge), so reads that run at
      // once cannot pass the budget together.
      if (stats.size > together.left) return overBudget(together);
      together.left -= stats.size;
      const reserved = stats.size;
      const read = await readUpTo(handle, stats.size, maxBytes, tooLarge);
      // A file that grew past its size is charged for the rest.
      if (read.ok && read.bytes.length > reserved) {
        together.left -= read.bytes.length - reserved;
        if (together.left < 0) return overBudget(together);
      }
      return read;
    }
    return await readUpTo(handle, stats.size, maxBytes, tooLarge);
  } catch (error) {
    return { ok: false, reason: describeFileError(error) };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** What several files read for one purpose may hold together (FILE_LIMITS.policyFiles), and what is left of it. */
export interface ReadBudget {
  readonly limit: number;
  left: number;
}

function overBudget(budget: ReadBudget): BoundedRead {
  return {
    ok: false,
    reason: `would take the files read together past ${formatBytes(budget.limit)}, the most they may hold`,
  };
}

/** Reads the open file until its end, never past `maxBytes` (refused with `tooLarge`). */
async function readUpTo(
  handle: FileHandle,
  size: number,
  maxBytes: number,
  tooLarge: BoundedRead,
): Promise<BoundedRead> {
  // The size is a hint (a file may grow, and some report 0): read until the end, never past the cap.
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const want = Math.min(Math.max(size - total, 64 * 1024), maxBytes + 1 - total);
    const buffer = Buffer.allocUnsafe(want);
    const { bytesRead } = await handle.read(buffer, 0, want, null);
    if (bytesRead === 0) break;
    chunks.push(bytesRead === want ? buffer : buffer.subarray(0, bytesRead));
    total += bytesRead;
    if (total > maxBytes) return tooLarge;
  }
  return { ok: true, bytes: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks) };
}

/** Whether `inner` is `outer` or under it (both absolute and resolved). */
export function isWithin(outer: string, inner: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** A path resolved, its links followed, and kept to the workspace. */
export type WorkspacePath =
  | { readonly ok: true; readonly absolute: string; readonly real: string }
  | { readonly ok: false; readonly reason: string; readonly missing?: true };

/** What {@link resolveInWorkspace} keeps paths to. */
export interface Workspace {
  /** The folder relative paths are read from: GITHUB_WORKSPACE for the action, the working folder for the CLI. */
  readonly root: string;
  /** The `allow-outside-workspace` input: paths (and links) may then lead anywhere. */
  readonly allowOutside: boolean;
}

/**
 * Resolves `given` against the workspace, follows its symbolic links, and refuses a path that ends outside the
 * workspace (itself, or through a link) unless the workspace allows it. A link that leads nowhere is named as a
 * link, with where it points. The reason follows the path's name in a message.
 */
export async function resolveInWorkspace(given: string, workspace: Workspace): Promise<WorkspacePath> {
  const absolute = path.resolve(workspace.root, given);
  let real: string;
  try {
    real = await realpath(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      const target = await readlink(absolute).catch(() => undefined);
      if (target !== undefined) return { ok: false, reason: `is a symbolic link to ${target}, which does not exist` };
      return { ok: false, reason: 'does not exist', missing: true };
    }
    return { ok: false, reason: describeFileError(error) };
  }
  if (workspace.allowOutside) return { ok: true, absolute, real };
  const root = await realpath(workspace.root).catch(() => path.resolve(workspace.root));
  if (isWithin(root, real)) return { ok: true, absolute, real };
  const how = isWithin(path.resolve(workspace.root), absolute)
    ? `is a symbolic link that leads outside the workspace (to ${real})`
    : 'is outside the workspace';
  return { ok: false, reason: `${how}; only files in ${root} are read unless allow-outside-workspace is true` };
}
