/**
 * Reading every file the model needs, before any of it is evaluated: the workflows asked for, the local reusable
 * workflows their jobs call (`uses: ./.github/workflows/x.yml`) and the local actions their steps use
 * (`uses: ./.github/actions/x`), transitively. Each file is read once, within the size and count bounds; a reference
 * that leaves the repository, is missing or over a bound becomes an error at the `uses:` that names it.
 */
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/index';
import type { SourcePosition, WorkflowError, WorkflowFileReader, WorkflowLimits } from './model.js';
import { type ParsedFile, parseActionFile, parseWorkflowFile } from './parse.js';
import { actionFileCandidates, resolveLocal } from './paths.js';
import { child, entries, items, positionOf, stringOf } from './tokens.js';
import { aliasesExceed } from './yaml-size.js';

/** The files read, by repository path, and the errors met. */
export interface LoadedFiles {
  readonly files: ReadonlyMap<string, ParsedFile>;
  /** The action file read for each local action directory (`.github/actions/x` → `.github/actions/x/action.yml`). */
  readonly actions: ReadonlyMap<string, string>;
  readonly errors: WorkflowError[];
}

/** A local reference found in a file: what it names and where. */
interface LocalRef {
  readonly kind: 'workflow' | 'action';
  readonly uses: string;
  readonly position: SourcePosition;
}

function usesOf(file: string, kind: LocalRef['kind'], t: TemplateToken | undefined): LocalRef[] {
  const uses = stringOf(child(t, 'uses'));
  return uses?.startsWith('./') ? [{ kind, uses, position: positionOf(file, child(t, 'uses')) }] : [];
}

/** The local `uses:` of a parsed file: jobs calling workflows, steps using actions. */
function localRefs(parsed: ParsedFile): LocalRef[] {
  const { path, root } = parsed;
  if (parsed.kind === 'action') {
    return items(child(child(root, 'runs'), 'steps')).flatMap((s) => usesOf(path, 'action', s));
  }
  return entries(child(root, 'jobs')).flatMap(([, job]) => [
    ...usesOf(path, 'workflow', job),
    ...items(child(job, 'steps')).flatMap((s) => usesOf(path, 'action', s)),
  ]);
}

const encoder = new TextEncoder();

/** The reading in progress: what is read, what failed, how many files so far. */
interface Loader {
  readonly read: WorkflowFileReader;
  readonly limits: WorkflowLimits;
  readonly files: Map<string, ParsedFile>;
  readonly actions: Map<string, string>;
  readonly errors: WorkflowError[];
  readonly failed: Set<string>;
  count: number;
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
  loader.errors.push({ code, message, position: at });
  return 'refused';
}

/** The reader's answer; a reader that throws is a refusal, not a crash. */
async function readText(loader: Loader, path: string): Promise<Awaited<ReturnType<WorkflowFileReader>>> {
  try {
    return await loader.read(path);
  } catch (error) {
    return { refused: `cannot be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Reads and parses one file once, within the bounds. */
async function readOne(loader: Loader, path: string, kind: LocalRef['kind'], at: SourcePosition): Promise<ReadResult> {
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
  const text = await readText(loader, path);
  if (text === undefined) return 'missing';
  loader.count += 1;
  if (typeof text !== 'string') return refuse(loader, path, 'refused', `${path} ${text.refused}`, at);
  if (encoder.encode(text).length > limits.fileBytes) {
    return refuse(loader, path, 'too-large', `${path} is larger than ${limits.fileBytes} bytes and was not read`, at);
  }
  let parsed: ParsedFile;
  try {
    if (aliasesExceed(text, limits.yamlNodes)) {
      const message = `${path} expands to more than ${limits.yamlNodes} YAML nodes through its aliases and was not read`;
      return refuse(loader, path, 'too-large', message, at);
    }
    parsed = kind === 'workflow' ? await parseWorkflowFile(path, text) : parseActionFile(path, text);
  } catch (error) {
    // The parser's own failure (e.g. YAML nested past what it can walk) is an error of this file, never a crash.
    const message = `${path}: not read: ${error instanceof Error ? error.message : String(error)}`;
    return refuse(loader, path, 'parse-error', message, { file: path, line: 1, column: 1 });
  }
  loader.files.set(path, parsed);
  loader.errors.push(...parsed.errors);
  return parsed;
}

/** Reads the files from `start`, following local references; never throws for what a file says. */
export async function loadFiles(
  start: readonly string[],
  read: WorkflowFileReader,
  limits: WorkflowLimits,
): Promise<LoadedFiles> {
  const loader: Loader = {
    read,
    limits,
    files: new Map(),
    actions: new Map(),
    errors: [],
    failed: new Set(),
    count: 0,
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
    for (const ref of localRefs(next)) {
      const found = await follow(ref, loader);
      if (found && !scanned.has(found)) {
        scanned.add(found);
        queue.push(found);
      }
    }
  }
  return { files: loader.files, actions: loader.actions, errors: dedupeErrors(loader.errors) };
}

/** Reads what one local reference names; returns it when newly read (to scan in turn). */
async function follow(ref: LocalRef, loader: Loader): Promise<ParsedFile | undefined> {
  const { actions, errors } = loader;
  const resolved = resolveLocal(ref.uses);
  if ('error' in resolved) {
    errors.push({ code: 'outside-repository', message: `${resolved.error}: not read`, position: ref.position });
    return undefined;
  }
  if (ref.kind === 'workflow') {
    const parsed = await readOne(loader, resolved.path, 'workflow', ref.position);
    if (parsed === 'missing')
      errors.push({
        code: 'not-found',
        message: `${ref.uses}: ${resolved.path} was not found`,
        position: ref.position,
      });
    return typeof parsed === 'string' ? undefined : parsed;
  }
  if (actions.has(resolved.path)) return undefined;
  for (const candidate of actionFileCandidates(resolved.path)) {
    const parsed = await readOne(loader, candidate, 'action', ref.position);
    if (parsed === 'missing') continue;
    if (parsed === 'refused') return undefined;
    actions.set(resolved.path, candidate);
    return parsed;
  }
  errors.push({
    code: 'not-found',
    message: `${ref.uses}: no action.yml or action.yaml in ${resolved.path || 'the repository root'}`,
    position: ref.position,
  });
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
