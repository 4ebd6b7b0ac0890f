/**
 * The offline AWS source: AWS CLI output files and policy folders (docs/policy-folder.md) read into an
 * `AwsInventory` (src/model/aws.ts). This module only finds and reads files; the reading of their content is pure
 * and lives in `src/aws-files/parse.ts` (one file) and `src/aws-files/assemble.ts` (all files together).
 */
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  type AssembleOptions,
  type AwsFilesResult,
  assembleInventory,
  type Collector,
  folderFinding,
  joinDisplay,
  type Placement,
  parseAwsFile,
  placeFile,
  type ReadScope,
  readLevel,
  undecodableFile,
  unreadFile,
} from '../aws-files/index.js';
import { decodeFileBytes } from '../text/decode-bytes.js';
import {
  describeFileError,
  FILE_LIMITS,
  InputFileError,
  MAX_FOLDER_DEPTH,
  MAX_FOLDER_ENTRIES,
  type ReadBudget,
  readRegularFile,
  resolveInWorkspace,
  type Workspace,
} from './files.js';
import { type AwsManagedPolicies, isAwsManagedArn, loadAwsManagedPolicies } from './managed-policies.js';

export type { AwsFilesResult } from '../aws-files/index.js';

/** What {@link loadAwsFiles} may be told. */
export interface LoadAwsFilesOptions extends AssembleOptions {
  /**
   * The workspace: paths are read relative to it, and shown relative to it in findings (default: the working
   * directory). A path, or a link in a policy folder, that leads outside it is an error (src/sources/files.ts).
   */
  readonly cwd?: string;
  /** The `allow-outside-workspace` input: paths and links may lead outside the workspace. */
  readonly allowOutsideWorkspace?: boolean;
  /** Loads the bundled AWS managed policies (default: src/sources/managed-policies.ts's, once per process). */
  readonly loadAwsManagedPolicies?: () => Promise<AwsManagedPolicies>;
}

/** A file to read: where it is (as named, and with its links followed), the name findings give it, and how to read it. */
interface PlannedFile {
  readonly absolute: string;
  readonly real: string;
  readonly display: string;
  readonly placement: Placement | string;
  /** Why the entry is not read, when it is refused before a byte is read (its reason follows its name). */
  readonly refused?: string;
  /** The path was given itself, not found in a folder: a read that fails is a mistyped argument, not a finding. */
  readonly given?: true;
}

/** How many files are read at once: enough to overlap I/O, few enough never to run out of file descriptors. */
const CONCURRENCY = 16;

/** The name findings use: relative to `cwd` when under it, with `/` on every platform (as annotations want). */
function displayName(given: string, cwd: string): string {
  const relative = path.isAbsolute(given) ? path.relative(cwd, given) || '.' : given;
  const shown = relative.startsWith('..') || path.isAbsolute(relative) ? given : relative;
  return shown.split(path.sep).join('/');
}

/**
 * A `.json` file found in a folder: its path relative to the folder, and its real path; or an entry that is not
 * walked or read, with why (its real path then is the entry's own, to keep it apart from every other).
 */
interface Listed {
  readonly relative: string[];
  readonly real: string;
  readonly refused?: string;
}

/** The walk of one folder: entries seen so far, links followed, and whether the bound has stopped it. */
interface Walk {
  entries: number;
  stopped: boolean;
}

/**
 * Every `.json` entry under `dir`, as paths relative to it, sorted; hidden entries (`.git`) are skipped. Links are
 * followed, to files and to folders, within the workspace; a folder already on the way down (a link back up the tree)
 * is not entered again. What is not walked is listed with why, never the end of the run: a link that leads outside
 * the workspace or nowhere, a folder nested deeper than {@link MAX_FOLDER_DEPTH}, and the entries past
 * {@link MAX_FOLDER_ENTRIES} (links to one folder from many places would otherwise multiply). An entry that is
 * neither a file nor a folder (a named pipe, a device) is listed, for the reader to refuse by its type.
 */
async function listJsonFiles(
  dir: string,
  realDir: string,
  workspace: Workspace,
  above: ReadonlySet<string> = new Set([realDir]),
  prefix: readonly string[] = [],
  walk: Walk = { entries: 0, stopped: false },
): Promise<Listed[]> {
  const folder = [...prefix];
  if (walk.stopped) return [];
  if (prefix.length > MAX_FOLDER_DEPTH) {
    return [{ relative: folder, real: dir, refused: `is a folder nested deeper than ${MAX_FOLDER_DEPTH} folders` }];
  }
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    // The folder given is the caller's to report (a mistyped path); a folder inside it is an entry not read.
    if (prefix.length === 0) throw error;
    return [{ relative: folder, real: dir, refused: describeFileError(error) }];
  }
  walk.entries += entries.length;
  if (walk.entries > MAX_FOLDER_ENTRIES) {
    walk.stopped = true;
    const refused = `takes the policy folder past ${MAX_FOLDER_ENTRIES} entries, links followed: it and the entries listed after it`;
    return [{ relative: folder, real: dir, refused }];
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const found: Listed[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    const relative = [...prefix, entry.name];
    let real = path.join(realDir, entry.name);
    let isDirectory = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      const resolved = await resolveInWorkspace(full, workspace);
      if (!resolved.ok) {
        found.push({ relative, real: full, refused: resolved.reason });
        continue;
      }
      real = resolved.real;
      try {
        isDirectory = (await stat(real)).isDirectory();
      } catch (error) {
        found.push({ relative, real: full, refused: describeFileError(error) });
        continue;
      }
    }
    if (isDirectory) {
      if (above.has(real)) continue;
      found.push(...(await listJsonFiles(full, real, workspace, new Set([...above, real]), relative, walk)));
    } else if (entry.name.toLowerCase().endsWith('.json')) {
      found.push({ relative, real });
    }
  }
  return found;
}

/** The files a path stands for: itself, or the `.json` files of the folder, each placed. */
async function planPath(given: string, workspace: Workspace): Promise<PlannedFile[]> {
  const resolved = await resolveInWorkspace(given, workspace);
  if (!resolved.ok) throw new InputFileError(`${given} ${resolved.reason}`);
  const { absolute, real } = resolved;
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(real)).isDirectory();
  } catch (error) {
    throw new InputFileError(`${given} ${describeFileError(error)}`);
  }
  const root = displayName(given, workspace.root).replace(/\/+$/, '');
  if (!isDirectory) {
    return [
      {
        absolute,
        real,
        display: root,
        placement: { kind: 'cli', level: readLevel(path.basename(path.dirname(absolute))) },
        given: true,
      },
    ];
  }
  let files: Listed[];
  try {
    files = await listJsonFiles(absolute, real, workspace);
  } catch (error) {
    throw new InputFileError(`the folder ${given} ${describeFileError(error)}`);
  }
  return files.map(({ relative, real: file, refused }) => {
    const shown = path.join(absolute, ...relative);
    return {
      absolute: shown,
      real: file,
      display: joinDisplay(root, ...relative),
      placement: placeFile(root, relative, path.basename(path.dirname(shown))),
      ...(refused === undefined ? {} : { refused }),
    };
  });
}

async function readPlanned(file: PlannedFile, scope: ReadScope, together: ReadBudget): Promise<Collector> {
  const placed = typeof file.placement === 'string' ? undefined : file.placement;
  if (file.refused !== undefined) return unreadFile(file.display, file.refused, placed);
  if (placed === undefined) {
    return {
      fragments: [],
      findings: [folderFinding(file.display, `is not where the policy folder expects it: ${file.placement}.`)],
    };
  }
  const read = await readRegularFile(file.real, FILE_LIMITS.policyFile, together);
  if (!read.ok) {
    if (file.given) throw new InputFileError(`${file.display} ${read.reason}`);
    return unreadFile(file.display, read.reason, placed);
  }
  // Windows PowerShell 5.1 writes `aws … > out.json` as UTF-16 with a byte order mark (src/text/decode-bytes.ts).
  const decoded = decodeFileBytes(read.bytes);
  if (!decoded.ok) return undecodableFile(file.display, decoded.reason, placed);
  return parseAwsFile(decoded.text, file.display, placed, scope);
}

/**
 * Reads AWS CLI output files and policy folders into an inventory, with findings for whatever the files leave
 * unknown or get wrong (each names the file, and the line where it can). Several files merge: pages of
 * get-account-authorization-details, get-role outputs, providers, SCPs. A path given that cannot be read at all
 * throws an {@link InputFileError}: that is a mistyped argument, not a finding about the account. An entry of a
 * folder that is not read (a link out of the workspace or to nowhere, a named pipe, a file over a bound) is a
 * finding that names it, unverified, and the run goes on to its summary and report.
 */
export async function loadAwsFiles(
  paths: readonly string[],
  options: LoadAwsFilesOptions = {},
): Promise<AwsFilesResult> {
  const workspace: Workspace = {
    root: options.cwd ?? process.cwd(),
    allowOutside: options.allowOutsideWorkspace === true,
  };
  const planned = (await Promise.all(paths.map((p) => planPath(p, workspace)))).flat();
  // One file named twice (or through a link) is read once.
  const unique = [...new Map(planned.map((f) => [f.real, f])).values()];
  const collected: Collector[] = new Array(unique.length);
  const together: ReadBudget = { limit: FILE_LIMITS.policyFiles, left: FILE_LIMITS.policyFiles };
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < unique.length) {
      const index = next++;
      collected[index] = await readPlanned(unique[index] as PlannedFile, { roleArns: options.roleArns }, together);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, unique.length) }, worker));
  const assembled = assembleInventory(collected, options);
  // An AWS managed policy that no file gives (a `--filter Role LocalManagedPolicy` export leaves them out) is taken
  // from the bundled dataset; it is loaded only then, and the inventory assembled again with it.
  if (!assembled.missingManagedPolicyArns.some(isAwsManagedArn)) return assembled;
  const bundled = await (options.loadAwsManagedPolicies ?? loadAwsManagedPolicies)();
  return assembleInventory(collected, {
    ...options,
    fallbackPolicy: (arn) => {
      const document = bundled.lookup(arn);
      if (document === undefined) return undefined;
      return { name: arn.slice(arn.lastIndexOf('/') + 1), arn, source: bundled.source, document };
    },
  });
}
