/**
 * Reading every file the model needs, before any of it is evaluated: the workflows asked for, the local reusable
 * workflows their jobs call (`uses: ./.github/workflows/x.yml`) and the local actions their steps use
 * (`uses: ./.github/actions/x`), transitively; with a remote reader, the reusable workflows of other repositories
 * they call too (`src/workflows/remote.ts`). Each file is read once, within the size and count bounds; a reference
 * that leaves the repository, is missing or over a bound becomes an error at the `uses:` that names it. A remote
 * file that is not read is recorded with why, and the job calling it says so (`src/workflows/jobs.ts`).
 */
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/index';
import { readYaml } from './fast-reader.js';
import type {
  RemoteWorkflowReader,
  SourcePosition,
  UnreadAction,
  WorkflowError,
  WorkflowFileReader,
  WorkflowLimits,
} from './model.js';
import { type ParsedFile, parseActionFile, parseWorkflowFile, TOO_DEEP } from './parse.js';
import { actionFileCandidates, resolveLocal } from './paths.js';
import { parseRemoteUses, type RemoteWorkflowRef, remoteKey } from './remote.js';
import { child, entries, items, positionOf, stringOf } from './tokens.js';
import { ambiguousLineBreak, MAX_YAML_DEPTH, MAX_YAML_ERRORS, yamlBeyondBounds } from './yaml-depth.js';
import { aliasesExceed } from './yaml-size.js';

/** The files read, by repository path (or remote key), and the errors met. */
export interface LoadedFiles {
  readonly files: ReadonlyMap<string, ParsedFile>;
  /** The action file read for each local action directory (`.github/actions/x` → `.github/actions/x/action.yml`). */
  readonly actions: ReadonlyMap<string, string>;
  /**
   * Why a local action directory a step names is not read, by directory: not found in the repository as read, or
   * refused (the reader's or a bound's reason). The job whose step uses it says so, by name (`src/workflows/steps.ts`).
   */
  readonly unreadActions: ReadonlyMap<string, UnreadAction>;
  /**
   * The local reusable workflows a job calls that are not in the repository as read: GitHub refuses the calling file
   * as a whole (`src/workflows/read.ts`), so they are not errors of their own.
   */
  readonly missingWorkflows: ReadonlySet<string>;
  /** The remote workflows asked for, by key (`OWNER/REPO/PATH@REF`), read or not. */
  readonly remote: ReadonlyMap<string, RemoteWorkflowRef>;
  /** Why a remote workflow asked for was not read, by key. */
  readonly remoteFailures: ReadonlyMap<string, string>;
  readonly errors: WorkflowError[];
}

/** A reference found in a file: what it names and where. */
interface FileRef {
  /** `workflow`: a job's local call; `remote`: a job's call of another repository; `action`: a step's local action. */
  readonly kind: 'workflow' | 'action' | 'remote';
  readonly uses: string;
  readonly position: SourcePosition;
}

function usesOf(file: string, kind: 'job' | 'action', t: TemplateToken | undefined): FileRef[] {
  const uses = stringOf(child(t, 'uses'));
  if (uses === undefined) return [];
  const position = positionOf(file, child(t, 'uses'));
  if (uses.startsWith('./')) return [{ kind: kind === 'job' ? 'workflow' : kind, uses, position }];
  return kind === 'job' ? [{ kind: 'remote', uses, position }] : [];
}

/** The `uses:` of a parsed file that name files: jobs calling workflows, steps using local actions. */
function fileRefs(parsed: ParsedFile): FileRef[] {
  const { path, root } = parsed;
  if (parsed.kind === 'action') {
    return items(child(child(root, 'runs'), 'steps')).flatMap((s) => usesOf(path, 'action', s));
  }
  return entries(child(root, 'jobs')).flatMap(([, job]) => [
    ...usesOf(path, 'job', job),
    ...items(child(job, 'steps')).flatMap((s) => usesOf(path, 'action', s)),
  ]);
}

const encoder = new TextEncoder();

/** The reading in progress: what is read, what failed, how many files so far. */
interface Loader {
  readonly read: WorkflowFileReader;
  readonly readRemote: RemoteWorkflowReader | undefined;
  readonly remote: Map<string, RemoteWorkflowRef>;
  readonly remoteFailures: Map<string, string>;
  readonly limits: WorkflowLimits;
  readonly files: Map<string, ParsedFile>;
  readonly actions: Map<string, string>;
  readonly unreadActions: Map<string, UnreadAction>;
  readonly missingWorkflows: Set<string>;
  readonly errors: WorkflowError[];
  readonly failed: Set<string>;
  count: number;
  readonly now: () => number;
  /** When {@link WorkflowLimits.readMs} is spent, by {@link now}. */
  readonly deadline: number;
}

type ReadResult = ParsedFile | 'missing' | 'refused';

/** Records why `path` is not read, at the reference that named it. */
function refuse(
  loader: Loader,
  path: string,
  code: WorkflowError['code'],
  message: string,
  at: SourcePosition,
): 'refused' {
  loader.failed.add(path);
  if (loader.remote.has(path)) loader.remoteFailures.set(path, message);
  else loader.errors.push({ code, message, position: at });
  return 'refused';
}

/** The reader's answer; a reader that throws is a refusal, not a crash. */
async function readText(loader: Loader, path: string): Promise<Awaited<ReturnType<WorkflowFileReader>>> {
  try {
    const remote = loader.remote.get(path);
    if (remote === undefined) return await loader.read(path);
    return loader.readRemote ? await loader.readRemote(remote) : { refused: 'is not read: no reader is given' };
  } catch (error) {
    return { refused: `cannot be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * Why GitHub's parser is not given a text, if it is not: nested deeper than any workflow (the parser recurses as deep
 * as the text nests, and takes seconds on one such file), or with more YAML errors than a file is reported with
 * (the parser builds each with a stack trace and its line quoted: 100,000 stray brackets took it 100 seconds). Both
 * are found in one linear pass of the `yaml` library's own lexer, parser and composer (`yaml-depth.ts`).
 */
function beforeGitHubParser(
  path: string,
  text: string,
): { code: WorkflowError['code']; message: string; at: SourcePosition } | undefined {
  const beyond = yamlBeyondBounds(text);
  if (beyond?.kind === 'too-deep') {
    const { line, column } = beyond.at;
    const message = `${path}:${line}:${column}: not read: it nests collections deeper than ${MAX_YAML_DEPTH} levels (no workflow nests so deep)`;
    return { code: 'too-large', message, at: { file: path, line, column } };
  }
  if (beyond?.kind === 'too-many-errors') {
    const message = `${path}: not read: the YAML library finds more than ${MAX_YAML_ERRORS} errors in it`;
    return { code: 'parse-error', message, at: { file: path, line: 1, column: 1 } };
  }
  return undefined;
}

/** Reads and parses one file once, within the bounds. */
async function readOne(
  loader: Loader,
  path: string,
  kind: 'workflow' | 'action',
  at: SourcePosition,
): Promise<ReadResult> {
  const known = loader.files.get(path);
  if (known) return known;
  if (loader.failed.has(path)) return 'refused';
  const { limits } = loader;
  if (loader.count >= limits.files) {
    return refuse(
      loader,
      path,
      'too-many-files',
      `more than ${limits.files} workflow and action files: ${path} was not read`,
      at,
    );
  }
  if (loader.now() > loader.deadline) {
    const message = `${path} was not read: reading the workflow and action files took more than ${limits.readMs / 1000} seconds in all`;
    return refuse(loader, path, 'too-many-files', message, at);
  }
  const text = await readText(loader, path);
  if (text === undefined) return 'missing';
  loader.count += 1;
  if (typeof text !== 'string') return refuse(loader, path, 'refused', `${path} ${text.refused}`, at);
  if (encoder.encode(text).length > limits.fileBytes) {
    return refuse(loader, path, 'too-large', `${path} is larger than ${limits.fileBytes} bytes and was not read`, at);
  }
  const breakAt = ambiguousLineBreak(text);
  if (breakAt) {
    const { line, column } = breakAt;
    const message = `${path}:${line}:${column}: not read: it holds a line break YAML parsers disagree on (${breakAt.name}), so which jobs GitHub reads in it is not known`;
    return refuse(loader, path, 'ambiguous-line-break', message, { file: path, line, column });
  }
  let parsed: ParsedFile;
  try {
    // Read once by the fast reader (linear in the text: aliases are not expanded there), which also tells whether
    // the text holds an anchor; null when it declined the text, which GitHub's parser then reads. It reads only a
    // text that GitHub's parser reads into the very same tree, and declines one nested past MAX_YAML_DEPTH (or past
    // js-yaml's stack), so a text it reads is within the bound.
    const yaml = readYaml(text) ?? null;
    const refused = yaml === null ? beforeGitHubParser(path, text) : undefined;
    if (refused) return refuse(loader, path, refused.code, refused.message, refused.at);
    if (aliasesExceed(text, limits.yamlNodes, yaml?.anchored)) {
      const message = `${path} expands to more than ${limits.yamlNodes} YAML nodes through its aliases and was not read`;
      return refuse(loader, path, 'too-large', message, at);
    }
    parsed = kind === 'workflow' ? await parseWorkflowFile(path, text, yaml) : parseActionFile(path, text, yaml);
  } catch (error) {
    // The parser's own failure (e.g. YAML nested past what it can walk) is an error of this file, never a crash.
    const why = error instanceof RangeError ? TOO_DEEP : error instanceof Error ? error.message : String(error);
    const message = `${path}: not read: ${why}`;
    return refuse(loader, path, 'parse-error', message, { file: path, line: 1, column: 1 });
  }
  loader.files.set(path, parsed);
  for (const error of parsed.errors) loader.errors.push(error);
  return parsed;
}

/**
 * Reads the files from `start`, following local references; never throws for what a file says. `now` is the clock
 * {@link WorkflowLimits.readMs} is measured with.
 */
export async function loadFiles(
  start: readonly string[],
  read: WorkflowFileReader,
  limits: WorkflowLimits,
  readRemote?: RemoteWorkflowReader,
  now: () => number = Date.now,
): Promise<LoadedFiles> {
  const loader: Loader = {
    read,
    readRemote,
    remote: new Map(),
    remoteFailures: new Map(),
    limits,
    files: new Map(),
    actions: new Map(),
    unreadActions: new Map(),
    missingWorkflows: new Set(),
    errors: [],
    failed: new Set(),
    count: 0,
    now,
    deadline: now() + limits.readMs,
  };
  const queue: ParsedFile[] = [];
  for (const path of start) {
    const at = { file: path, line: 1, column: 1 };
    const parsed = await readOne(loader, path, 'workflow', at);
    if (parsed === 'missing') loader.errors.push({ code: 'not-found', message: `${path} was not found`, position: at });
    else if (parsed !== 'refused') queue.push(parsed);
  }
  // Each file is scanned once, so references that loop back (a cycle) end here; the build reports the cycle.
  const scanned = new Set<ParsedFile>(queue);
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const ref of fileRefs(next)) {
      const found = await follow(ref, next.path, loader);
      if (found && !scanned.has(found)) {
        scanned.add(found);
        queue.push(found);
      }
    }
  }
  const { files, actions, unreadActions, missingWorkflows, remote, remoteFailures } = loader;
  const errors = dedupeErrors(loader.errors);
  return { files, actions, unreadActions, missingWorkflows, remote, remoteFailures, errors };
}

/**
 * The remote workflow a reference of file `from` calls: a call of another repository, or a local call in a file of
 * another repository, which names that repository at the same ref (`src/workflows/remote.ts`). Undefined when `ref`
 * calls no remote workflow, or not plainly one (`src/workflows/jobs.ts` then says it is not read).
 */
export function calledRemote(
  remote: ReadonlyMap<string, RemoteWorkflowRef>,
  from: string,
  uses: string,
): RemoteWorkflowRef | undefined {
  const inRemote = remote.get(from);
  if (!uses.startsWith('./')) {
    const parsed = parseRemoteUses(uses);
    return 'error' in parsed ? undefined : parsed;
  }
  if (inRemote === undefined) return undefined;
  const resolved = resolveLocal(uses);
  if ('error' in resolved) return undefined;
  const parsed = parseRemoteUses(`${inRemote.owner}/${inRemote.repo}/${resolved.path}@${inRemote.ref}`);
  return 'error' in parsed ? undefined : parsed;
}

/** Reads the remote workflow a reference calls, when a reader is given; returns it when newly read. */
async function followRemote(ref: FileRef, from: string, loader: Loader): Promise<ParsedFile | undefined> {
  if (loader.readRemote === undefined) return undefined;
  const target = calledRemote(loader.remote, from, ref.uses);
  if (target === undefined) return undefined;
  const key = remoteKey(target);
  if (!loader.remote.has(key)) loader.remote.set(key, target);
  const parsed = await readOne(loader, key, 'workflow', ref.position);
  if (parsed === 'missing') loader.remoteFailures.set(key, `${key} was not found`);
  return typeof parsed === 'string' ? undefined : parsed;
}

/** Reads what one reference of file `from` names; returns it when newly read (to scan in turn). */
async function follow(ref: FileRef, from: string, loader: Loader): Promise<ParsedFile | undefined> {
  const { actions, errors } = loader;
  if (ref.kind === 'remote' || (ref.kind === 'workflow' && loader.remote.has(from))) {
    return followRemote(ref, from, loader);
  }
  if (loader.remote.has(from)) {
    const message = `${ref.uses}: a local action in a workflow of another repository runs from what the job checked out, which is not known: not read`;
    errors.push({ code: 'unsupported', message, position: ref.position });
    return undefined;
  }
  const resolved = resolveLocal(ref.uses);
  if ('error' in resolved) {
    errors.push({ code: 'outside-repository', message: `${resolved.error}: not read`, position: ref.position });
    return undefined;
  }
  if (ref.kind === 'workflow') {
    const parsed = await readOne(loader, resolved.path, 'workflow', ref.position);
    if (parsed === 'missing') loader.missingWorkflows.add(resolved.path);
    return typeof parsed === 'string' ? undefined : parsed;
  }
  if (actions.has(resolved.path) || loader.unreadActions.has(resolved.path)) return undefined;
  for (const candidate of actionFileCandidates(resolved.path)) {
    const parsed = await readOne(loader, candidate, 'action', ref.position);
    if (parsed === 'missing') continue;
    if (parsed === 'refused') {
      loader.unreadActions.set(resolved.path, { kind: 'not-read', reason: `${candidate} is not read` });
      return undefined;
    }
    actions.set(resolved.path, candidate);
    return parsed;
  }
  // Not an error of the file that names it: GitHub resolves `./path` against the workspace when the step runs
  // ("The path is relative (./) to the default working directory (github.workspace, $GITHUB_WORKSPACE)",
  // https://docs.github.com/en/actions/how-tos/write-workflows/choose-what-workflows-do/find-and-customize-actions#adding-an-action-from-the-same-repository),
  // so the step fails then; the job that runs it is unverified, by name (`src/workflows/steps.ts`).
  const reason = `no action.yml or action.yaml in ${resolved.path || 'the repository root'}`;
  loader.unreadActions.set(resolved.path, { kind: 'not-found', reason });
  return undefined;
}

/** The errors without repeats (one reference met by many instances is reported once). */
export function dedupeErrors(errors: WorkflowError[]): WorkflowError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.code} ${e.position.file}:${e.position.line}:${e.position.column} ${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
