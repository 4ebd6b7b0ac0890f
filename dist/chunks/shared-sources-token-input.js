import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  formatBytes
} from "./shared-sources-http.js";

// src/sources/token-input.ts
import { constants } from "node:fs";
import { open } from "node:fs/promises";
var MAX_TOKEN_BYTES = 64 * 1024;
function clean(text) {
  return text.replace(/^\uFEFF/, "").trim();
}
function fileError(error) {
  const code = error?.code;
  if (code === "ENOENT") return "no such file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "it is a directory";
  return code ?? "unreadable";
}
async function readFileCapped(path, maxBytes) {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stats = await handle.stat();
    if (stats.isDirectory()) return { error: "it is a directory" };
    if (!stats.isFile()) {
      return { error: `it is ${stats.isFIFO() ? "a named pipe (FIFO)" : "a device or socket"}, not a regular file` };
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
    await handle?.close().catch(() => void 0);
  }
}
async function readToken(source, env, deps = {}) {
  const maxBytes = deps.maxBytes ?? MAX_TOKEN_BYTES;
  const tooLarge = `larger than ${formatBytes(maxBytes)}, far above any real token`;
  if (source.kind === "env") {
    const value = env[source.name];
    if (value === void 0) return { ok: false, reason: `environment variable ${source.name} is not set` };
    if (Buffer.byteLength(value) > maxBytes) {
      return { ok: false, reason: `environment variable ${source.name} is ${tooLarge}` };
    }
    const token2 = clean(value);
    if (token2 === "") {
      return {
        ok: false,
        reason: `environment variable ${source.name} is empty (an unset or withheld secret expands to '')`
      };
    }
    return { ok: true, token: token2 };
  }
  const read = await readFileCapped(source.path, maxBytes);
  if ("error" in read) return { ok: false, reason: `cannot read token file ${source.path}: ${read.error}` };
  if (read.bytes.length > maxBytes) return { ok: false, reason: `token file ${source.path} is ${tooLarge}` };
  const token = clean(read.bytes.toString("utf8"));
  if (token === "") return { ok: false, reason: `token file ${source.path} is empty` };
  return { ok: true, token };
}

export {
  MAX_TOKEN_BYTES,
  readToken
};
