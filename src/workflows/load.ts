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
import { expandedNodeCount } from './yaml-size.js';

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

/** Reads the files from `start`, following local references; never throws for what a file says. */
export async function loadFiles(
  start: readonly string[],
  read: WorkflowFileReader,
  limits: WorkflowLimits,
): Promise<LoadedFiles> {
  const files = new Map<string, ParsedFile>();
  const actions = new Map<string, string>();
  const errors: WorkflowError[] = [];
  const failed = new Set<string>();
  let count = 0;

  const readOne = async (
    path: string,
    kind: LocalRef['kind'],
    at: SourcePosition,
  ): Promise<ParsedFile | 'missing' | 'refused'> => {
    const known = files.get(path);
    if (known) return known;
    if (failed.has(path)) return 'refused';
    if (count >= limits.files) {
      failed.add(path);
      errors.push({
        code: 'too-many-files',
        message: `more than ${limits.files} workflow and action files: ${path} was not read`,
        position: at,
      });
      return 'refused';
    }
    let text: Awaited<ReturnType<WorkflowFileReader>>;
    try {
      text = await read(path);
    } catch (error) {
      text = { refused: `cannot be read: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (text === undefined) return 'missing';
    count += 1;
    if (typeof text !== 'string') {
      failed.add(path);
      errors.push({ code: 'refused', message: `${path} ${text.refused}`, position: at });
      return 'refused';
    }
    if (encoder.encode(text).length > limits.fileBytes) {
      failed.add(path);
      errors.push({
        code: 'too-large',
        message: `${path} is larger than ${limits.fileBytes} bytes and was not read`,
        position: at,
      });
      return 'refused';
    }
    let parsed: ParsedFile;
    try {
      const nodes = expandedNodeCount(text);
      if (nodes > limits.yamlNodes) {
        failed.add(path);
        const message = `${path} expands to more than ${limits.yamlNodes} YAML nodes through its aliases and was not read`;
        errors.push({ code: 'too-large', message, position: at });
        return 'refused';
      }
      parsed = kind === 'workflow' ? await parseWorkflowFile(path, text) : parseActionFile(path, text);
    } catch (error) {
      // The parser's own failure (e.g. YAML nested past what it can walk) is an error of this file, never a crash.
      failed.add(path);
      const message = error instanceof Error ? error.message : String(error);
      errors.push({
        code: 'parse-error',
        message: `${path}: not read: ${message}`,
        position: { file: path, line: 1, column: 1 },
      });
      return 'refused';
    }
    files.set(path, parsed);
    errors.push(...parsed.errors);
    return parsed;
  };

  const queue: ParsedFile[] = [];
  for (const path of start) {
    const parsed = await readOne(path, 'workflow', { file: path, line: 1, column: 1 });
    if (parsed === 'missing')
      errors.push({
        code: 'not-found',
        message: `${path} was not found`,
        position: { file: path, line: 1, column: 1 },
      });
    else if (parsed !== 'refused') queue.push(parsed);
  }
  // Each file is scanned once, so references that loop back (a cycle) end here; the build reports the cycle.
  const scanned = new Set<ParsedFile>(queue);
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const ref of localRefs(next)) {
      const found = await follow(ref, readOne, actions, errors);
      if (found && !scanned.has(found)) {
        scanned.add(found);
        queue.push(found);
      }
    }
  }
  return { files, actions, errors: dedupeErrors(errors) };
}

type ReadOne = (
  path: string,
  kind: LocalRef['kind'],
  at: SourcePosition,
) => Promise<ParsedFile | 'missing' | 'refused'>;

/** Reads what one local reference names; returns it when newly read (to scan in turn). */
async function follow(
  ref: LocalRef,
  readOne: ReadOne,
  actions: Map<string, string>,
  errors: WorkflowError[],
): Promise<ParsedFile | undefined> {
  const resolved = resolveLocal(ref.uses);
  if ('error' in resolved) {
    errors.push({ code: 'outside-repository', message: `${resolved.error}: not read`, position: ref.position });
    return undefined;
  }
  if (ref.kind === 'workflow') {
    const parsed = await readOne(resolved.path, 'workflow', ref.position);
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
    const parsed = await readOne(candidate, 'action', ref.position);
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
