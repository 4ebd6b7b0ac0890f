/**
 * The baseline kept in a file the user names (`baseline: PATH`, the CLI's `--baseline`), for a laptop and for
 * repositories that commit it: read bounded and kept to the workspace like every other file the preflight reads
 * (./files.ts), written only when the run passed. The text is parsed by src/drift/parse.ts.
 */

import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describeFileError, isWithin, readRegularFile, resolveInWorkspace, type Workspace } from './files.js';

/** The largest record read: a record is small (docs/baseline.md); anything larger is not one. */
export const MAX_BASELINE_BYTES = 2 * 1024 * 1024;

/** A baseline's text, none yet (a first run), or why it could not be read. */
export type BaselineText = (
  | { readonly ok: true; readonly text: string; readonly where: string }
  | { readonly ok: true; readonly text?: undefined; readonly where: string }
  | { readonly ok: false; readonly reason: string; readonly where: string }
) & {
  /** The records passed over, each with why (an artifact of another branch, of a pull request's run, ...). */
  readonly skipped?: readonly string[];
};

/** Reads the baseline file at `given` (relative to the workspace); a file that does not exist yet is no baseline. */
export async function readBaselineFile(given: string, workspace: Workspace): Promise<BaselineText> {
  const resolved = await resolveInWorkspace(given, workspace);
  if (!resolved.ok) {
    return resolved.missing
      ? { ok: true, where: given }
      : { ok: false, reason: `${given} ${resolved.reason}`, where: given };
  }
  const read = await readRegularFile(resolved.real, MAX_BASELINE_BYTES);
  if (!read.ok) return { ok: false, reason: `${given} ${read.reason}`, where: given };
  return { ok: true, text: read.bytes.toString('utf8'), where: given };
}

/**
 * Writes the record's text to `given`, through a temporary file renamed over it, so that a reader never sees half a
 * record. The path is kept to the workspace as a read is.
 */
export async function writeBaselineFile(
  given: string,
  text: string,
  workspace: Workspace,
): Promise<{ ok: true } | { ok: false; reason: string }> {
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
    await writeFile(temporary, text, { encoding: 'utf8', mode: 0o644 });
    await rename(temporary, existing.ok ? existing.real : absolute);
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: `${given} ${describeFileError(error).replace('cannot be read', 'cannot be written')}` };
  }
}
