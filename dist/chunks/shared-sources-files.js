import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);

// src/sources/files.ts
import { readFile } from "node:fs/promises";
var InputFileError = class extends Error {
  name = "InputFileError";
};
async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}
async function readText(path) {
  if (path === "-") return readStdin();
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    const code = error.code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : code ?? String(error);
    throw new InputFileError(`cannot read ${path}: ${why}`);
  }
}
function lineColumn(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return `line ${line}, column ${offset - before.lastIndexOf("\n")}`;
}
function parseJson(text, name) {
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

export {
  InputFileError,
  readText,
  parseJson
};
