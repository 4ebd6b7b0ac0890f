import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  FILE_LIMITS,
  InputFileError,
  parseJson,
  readText
} from "./shared-sources-files.js";
import {
  formatBytes
} from "./shared-sources-http.js";

// src/commands/input.ts
import path from "node:path";
async function* stdinBytes(stdin) {
  for await (const chunk of stdin) {
    yield typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
  }
}
async function readStdinText(stdin, maxBytes = FILE_LIMITS.input) {
  const chunks = [];
  let total = 0;
  for await (const chunk of stdinBytes(stdin)) {
    total += chunk.length;
    if (total > maxBytes) throw new InputFileError(`standard input is larger than ${formatBytes(maxBytes)}`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}
async function readJsonInput(file, io, options = {}) {
  const parse = async (text2, name) => {
    const value = parseJson(text2, name);
    if (options.uniqueKeys) (await import("./sources-json-keys.js")).refuseDuplicateKeys(text2, name);
    return value;
  };
  if (file === "-") return parse(await readStdinText(io.stdin), "standard input");
  const absolute = path.resolve(io.cwd, file);
  let text;
  try {
    text = await readText(absolute);
  } catch (error) {
    if (error instanceof InputFileError) throw new InputFileError(error.message.replace(absolute, file));
    throw error;
  }
  return parse(text, file);
}

export {
  stdinBytes,
  readJsonInput
};
