/**
 * The offline AWS source: AWS CLI output files and policy folders (docs/policy-folder.md) read into an
 * `AwsInventory` (src/model/aws.ts). This module only finds and reads files; the reading of their content is pure
 * and lives in `src/aws-files/parse.ts` (one file) and `src/aws-files/assemble.ts` (all files together).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
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
} from '../aws-files/index.js';
import { decodeFileBytes } from '../text/decode-bytes.js';
import { InputFileError } from './files.js';

export type { AwsFilesResult } from '../aws-files/index.js';

/** What {@link loadAwsFiles} may be told. */
export interface LoadAwsFilesOptions extends AssembleOptions {
  /** Paths under this folder are shown relative to it in findings (default: the working directory). */
  readonly cwd?: string;
}

/** A file to read: where it is, the name findings give it, and how to read it. */
interface PlannedFile {
  readonly absolute: string;
  readonly display: string;
  readonly placement: Placement | string;
}

/** How many files are read at once: enough to overlap I/O, few enough never to run out of file descriptors. */
const CONCURRENCY = 16;

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return code ?? (error instanceof Error ? error.message : String(error));
}

/** The name findings use: relative to `cwd` when under it, with `/` on every platform (as annotations want). */
function displayName(given: string, cwd: string): string {
  const relative = path.isAbsolute(given) ? path.relative(cwd, given) || '.' : given;
  const shown = relative.startsWith('..') || path.isAbsolute(relative) ? given : relative;
  return shown.split(path.sep).join('/');
}

/** Every `.json` file under `dir`, as paths relative to it, sorted; hidden entries (`.git`) are skipped. */
async function listJsonFiles(dir: string, prefix: readonly string[] = []): Promise<string[][]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const found: string[][] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    // A link is followed to a file, not to a folder: a link back up the tree would never end.
    const isFile = entry.isFile() || (entry.isSymbolicLink() && (await stat(full)).isFile());
    if (entry.isDirectory()) found.push(...(await listJsonFiles(full, [...prefix, entry.name])));
    else if (isFile && entry.name.toLowerCase().endsWith('.json')) found.push([...prefix, entry.name]);
  }
  return found;
}

/** The files a path stands for: itself, or the `.json` files of the folder, each placed. */
async function planPath(given: string, cwd: string): Promise<PlannedFile[]> {
  const absolute = path.resolve(cwd, given);
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(absolute)).isDirectory();
  } catch (error) {
    throw new InputFileError(`cannot read ${given}: ${describeError(error)}`);
  }
  const root = displayName(given, cwd).replace(/\/+$/, '');
  if (!isDirectory) {
    return [
      { absolute, display: root, placement: { kind: 'cli', level: readLevel(path.basename(path.dirname(absolute))) } },
    ];
  }
  let files: string[][];
  try {
    files = await listJsonFiles(absolute);
  } catch (error) {
    throw new InputFileError(`cannot read the folder ${given}: ${describeError(error)}`);
  }
  return files.map((relative) => {
    const file = path.join(absolute, ...relative);
    return {
      absolute: file,
      display: joinDisplay(root, ...relative),
      placement: placeFile(root, relative, path.basename(path.dirname(file))),
    };
  });
}

async function readPlanned(file: PlannedFile, scope: ReadScope): Promise<Collector> {
  if (typeof file.placement === 'string') {
    return {
      fragments: [],
      findings: [folderFinding(file.display, `is not where the policy folder expects it: ${file.placement}.`)],
    };
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file.absolute);
  } catch (error) {
    throw new InputFileError(`cannot read ${file.display}: ${describeError(error)}`);
  }
  // Windows PowerShell 5.1 writes `aws … > out.json` as UTF-16 with a byte order mark (src/text/decode-bytes.ts).
  const decoded = decodeFileBytes(bytes);
  if (!decoded.ok) return undecodableFile(file.display, decoded.reason);
  return parseAwsFile(decoded.text, file.display, file.placement, scope);
}

/**
 * Reads AWS CLI output files and policy folders into an inventory, with findings for whatever the files leave
 * unknown or get wrong (each names the file, and the line where it can). Several files merge: pages of
 * get-account-authorization-details, get-role outputs, providers, SCPs. A path that cannot be read at all throws
 * an {@link InputFileError}: that is a mistyped argument, not a finding about the account.
 */
export async function loadAwsFiles(
  paths: readonly string[],
  options: LoadAwsFilesOptions = {},
): Promise<AwsFilesResult> {
  const cwd = options.cwd ?? process.cwd();
  const planned = (await Promise.all(paths.map((p) => planPath(p, cwd)))).flat();
  const unique = [...new Map(planned.map((f) => [f.absolute, f])).values()];
  const collected: Collector[] = new Array(unique.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < unique.length) {
      const index = next++;
      collected[index] = await readPlanned(unique[index] as PlannedFile, { roleArns: options.roleArns });
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, unique.length) }, worker));
  return assembleInventory(collected, options);
}
