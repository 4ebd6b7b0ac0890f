import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  formatBytes
} from "./shared-sources-http.js";
import {
  MAX_JSON_DEPTH,
  jsonTooDeep
} from "./shared-text-json-depth.js";

// src/sources/files.ts
import { constants } from "node:fs";
import { open, readlink, realpath } from "node:fs/promises";
import path from "node:path";
var InputFileError = class extends Error {
  name = "InputFileError";
};
async function readText(path2, maxBytes = FILE_LIMITS.input) {
  const read = await readRegularFile(path2, maxBytes);
  if (!read.ok) throw new InputFileError(`cannot read ${path2}: it ${read.reason}`);
  return read.bytes.toString("utf8");
}
function lineColumn(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return `line ${line}, column ${offset - before.lastIndexOf("\n")}`;
}
function parseJson(text, name) {
  const deep = jsonTooDeep(text);
  if (deep) {
    throw new InputFileError(
      `${name} nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels at line ${deep.line}, column ${deep.column}`
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    const where = at ? ` at ${lineColumn(text, Number(at[1]))}` : text.trim() === "" ? " (the input is empty)" : "";
    throw new InputFileError(
      `${name} is not valid JSON${where}: ${message.replace(/ in JSON at position \d+.*$/, "")}`
    );
  }
}
var FILE_LIMITS = {
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
  input: 64 * 1024 * 1024
};
var MAX_FOLDER_DEPTH = 32;
var MAX_FOLDER_ENTRIES = 2e4;
function notAFile(stats) {
  if (stats.isDirectory()) return "is a folder, not a file";
  if (stats.isFIFO()) return "is a named pipe (FIFO), not a regular file: it is not read";
  if (stats.isSocket()) return "is a socket, not a regular file: it is not read";
  return "is a device, not a regular file: it is not read";
}
function describeFileError(error) {
  const code = error?.code;
  if (code === "ENOENT") return "does not exist";
  if (code === "EACCES" || code === "EPERM") return "cannot be read: permission denied";
  if (code === "EISDIR") return "is a folder, not a file";
  if (code === "ELOOP") return "is a loop of symbolic links";
  return `cannot be read: ${code ?? (error instanceof Error ? error.message : String(error))}`;
}
async function readRegularFile(absolute, maxBytes, together) {
  let handle;
  try {
    handle = await open(absolute, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stats = await handle.stat();
    if (!stats.isFile()) return { ok: false, reason: notAFile(stats) };
    const tooLarge = {
      ok: false,
      reason: `is larger than ${formatBytes(maxBytes)}, the most this file may hold`
    };
    if (stats.size > maxBytes) return tooLarge;
    if (together) {
      if (stats.size > together.left) return overBudget(together);
      together.left -= stats.size;
      const reserved = stats.size;
      const read = await readUpTo(handle, stats.size, maxBytes, tooLarge);
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
    await handle?.close().catch(() => void 0);
  }
}
function overBudget(budget) {
  return {
    ok: false,
    reason: `would take the files read together past ${formatBytes(budget.limit)}, the most they may hold`
  };
}
async function readUpTo(handle, size, maxBytes, tooLarge) {
  const chunks = [];
  let total = 0;
  for (; ; ) {
    const want = Math.min(Math.max(size - total, 64 * 1024), maxBytes + 1 - total);
    const buffer = Buffer.allocUnsafe(want);
    const { bytesRead } = await handle.read(buffer, 0, want, null);
    if (bytesRead === 0) break;
    chunks.push(bytesRead === want ? buffer : buffer.subarray(0, bytesRead));
    total += bytesRead;
    if (total > maxBytes) return tooLarge;
  }
  return { ok: true, bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks) };
}
function isWithin(outer, inner) {
  const relative = path.relative(outer, inner);
  return relative === "" || !relative.startsWith("..") && !path.isAbsolute(relative);
}
async function resolveInWorkspace(given, workspace) {
  const absolute = path.resolve(workspace.root, given);
  let real;
  try {
    real = await realpath(absolute);
  } catch (error) {
    const code = error.code;
    if (code === "ENOENT") {
      const target = await readlink(absolute).catch(() => void 0);
      if (target !== void 0) return { ok: false, reason: `is a symbolic link to ${target}, which does not exist` };
      return { ok: false, reason: "does not exist", missing: true };
    }
    return { ok: false, reason: describeFileError(error) };
  }
  if (workspace.allowOutside) return { ok: true, absolute, real };
  const root = await realpath(workspace.root).catch(() => path.resolve(workspace.root));
  if (isWithin(root, real)) return { ok: true, absolute, real };
  const how = isWithin(path.resolve(workspace.root), absolute) ? `is a symbolic link that leads outside the workspace (to ${real})` : "is outside the workspace";
  return { ok: false, reason: `${how}; only files in ${root} are read unless allow-outside-workspace is true` };
}

export {
  InputFileError,
  readText,
  parseJson,
  FILE_LIMITS,
  MAX_FOLDER_DEPTH,
  MAX_FOLDER_ENTRIES,
  describeFileError,
  readRegularFile,
  isWithin,
  resolveInWorkspace
};
