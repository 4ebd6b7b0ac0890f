import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  describeFileError,
  isWithin,
  readRegularFile,
  resolveInWorkspace
} from "./shared-sources-files.js";

// src/sources/baseline-file.ts
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
var MAX_BASELINE_BYTES = 2 * 1024 * 1024;
async function readBaselineFile(given, workspace) {
  const resolved = await resolveInWorkspace(given, workspace);
  if (!resolved.ok) {
    return resolved.missing ? { ok: true, where: given } : { ok: false, reason: `${given} ${resolved.reason}`, where: given };
  }
  const read = await readRegularFile(resolved.real, MAX_BASELINE_BYTES);
  if (!read.ok) return { ok: false, reason: `${given} ${read.reason}`, where: given };
  return { ok: true, text: read.bytes.toString("utf8"), where: given };
}
async function writeBaselineFile(given, text, workspace) {
  const absolute = path.resolve(workspace.root, given);
  if (!workspace.allowOutside && !isWithin(path.resolve(workspace.root), absolute)) {
    return { ok: false, reason: `${given} is outside the workspace; it is written only with allow-outside-workspace` };
  }
  const parent = await resolveInWorkspace(path.dirname(given), workspace);
  if (!parent.ok && !parent.missing) return { ok: false, reason: `${path.dirname(given)} ${parent.reason}` };
  const existing = await resolveInWorkspace(given, workspace);
  if (!existing.ok && !existing.missing) return { ok: false, reason: `${given} ${existing.reason}` };
  try {
    await mkdir(path.dirname(absolute), { recursive: true });
    const temporary = `${absolute}.${process.pid}.tmp`;
    await writeFile(temporary, text, { encoding: "utf8", mode: 420 });
    await rename(temporary, existing.ok ? existing.real : absolute);
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: `${given} ${describeFileError(error).replace("cannot be read", "cannot be written")}` };
  }
}

export {
  MAX_BASELINE_BYTES,
  readBaselineFile,
  writeBaselineFile
};
