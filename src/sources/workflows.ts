/**
 * Reading the repository's workflow files for the workflow model (`src/workflows/`): the list of
 * `.github/workflows/*.yml|yaml` and a reader for any repository file the model asks for (local reusable workflows
 * and actions). Every read stays in the workspace (a symbolic link out of it is refused), is bounded in size, and
 * the listing is bounded in count. GitHub reads workflows only from `.github/workflows`, not its subfolders
 * (https://docs.github.com/en/actions/writing-workflows/about-workflows#about-workflows).
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { decodeFileBytes } from '../text/decode-bytes.js';
import { describeFileError, readRegularFile, resolveInWorkspace } from './files.js';

/** The bounds of the listing and of each read. */
export interface WorkflowSourceLimits {
  /** Workflow files listed at most (the rest are named in `skipped`). */
  readonly files: number;
  /** Bytes of one file. */
  readonly fileBytes: number;
}

/** The defaults: 200 workflow files and 1 MiB a file, as the model's own limits (`src/workflows/limits.ts`). */
export const WORKFLOW_SOURCE_LIMITS: WorkflowSourceLimits = { files: 200, fileBytes: 1024 * 1024 };

/** The workflow files of a repository, relative to its root, in name order. */
export interface WorkflowListing {
  readonly paths: readonly string[];
  /** Files over the count bound, not read. */
  readonly skipped: readonly string[];
  /** Why the folder could not be listed (absent when it was, or when it does not exist). */
  readonly error?: string;
}

const WORKFLOWS_DIR = '.github/workflows';

/** Whether `root` has a `.github/workflows` folder (a checked-out repository): zero configuration reads it. */
export async function hasWorkflowsFolder(root: string): Promise<boolean> {
  const resolved = await resolveInWorkspace(WORKFLOWS_DIR, { root, allowOutside: false });
  return resolved.ok;
}

/**
 * Why `root` gives no workflow to read, as bad input names it: the folder does not exist or is not a folder, it has
 * no `.github/workflows`, or that holds no `*.yml`/`*.yaml`. Undefined when there is a workflow file, and when the
 * folder could not be listed (the run reports that as a finding, unverified).
 */
export async function whyNoWorkflows(root: string): Promise<string | undefined> {
  try {
    if (!(await stat(root)).isDirectory()) return `${root} is not a folder`;
  } catch (error) {
    return `${root} ${describeFileError(error)}`;
  }
  const listing = await listWorkflowFiles(root);
  if (listing.error || listing.paths.length > 0) return undefined;
  return (await hasWorkflowsFolder(root))
    ? `no workflow file (*.yml or *.yaml) in ${path.join(root, WORKFLOWS_DIR)}`
    : `no ${WORKFLOWS_DIR} under ${root}`;
}

/** Lists `.github/workflows/*.yml` and `*.yaml` under `root`. A missing folder is an empty list. */
export async function listWorkflowFiles(
  root: string,
  limits: WorkflowSourceLimits = WORKFLOW_SOURCE_LIMITS,
): Promise<WorkflowListing> {
  const resolved = await resolveInWorkspace(WORKFLOWS_DIR, { root, allowOutside: false });
  if (!resolved.ok)
    return resolved.missing
      ? { paths: [], skipped: [] }
      : { paths: [], skipped: [], error: `${WORKFLOWS_DIR} ${resolved.reason}` };
  let names: string[];
  try {
    const entries = await readdir(resolved.real, { withFileTypes: true });
    names = entries
      .filter((e) => (e.isFile() || e.isSymbolicLink()) && /\.ya?ml$/i.test(e.name))
      .map((e) => e.name)
      .sort();
  } catch (error) {
    return { paths: [], skipped: [], error: `${WORKFLOWS_DIR} ${describeFileError(error)}` };
  }
  const paths = names.map((n) => `${WORKFLOWS_DIR}/${n}`);
  return { paths: paths.slice(0, limits.files), skipped: paths.slice(limits.files) };
}

/**
 * A reader of repository files for `readWorkflowModel`: the text of `relative` under `root`, `undefined` when it
 * does not exist, or why it is refused (outside the workspace, through a link or a `..`; not a regular file; too
 * large; not text).
 */
export function workflowFileReader(
  root: string,
  limits: WorkflowSourceLimits = WORKFLOW_SOURCE_LIMITS,
): (relative: string) => Promise<string | undefined | { readonly refused: string }> {
  return async (relative) => {
    if (path.isAbsolute(relative) || relative.split(/[\\/]/).includes('..')) {
      return { refused: 'is not a path inside the repository' };
    }
    const resolved = await resolveInWorkspace(relative, { root, allowOutside: false });
    if (!resolved.ok) return resolved.missing ? undefined : { refused: resolved.reason };
    const read = await readRegularFile(resolved.real, limits.fileBytes);
    if (!read.ok) return { refused: read.reason };
    const decoded = decodeFileBytes(read.bytes);
    return decoded.ok ? decoded.text : { refused: `is not text: ${decoded.reason}` };
  };
}
