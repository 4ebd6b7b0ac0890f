/**
 * The task definition files the deploy jobs' steps name (src/workflows/calls/task-definition.ts), read from the
 * workspace through the workflows' own reader (src/sources/workflows.ts: inside the repository, no link out, bounded),
 * so the roles an ECS deploy passes are known before the run. A file not read stays unknown to the inference.
 */
import {
  fileChangedBy,
  parseTaskDefinition,
  type RenderedFile,
  renderedFiles,
  type TaskDefinitionFile,
  taskDefinitionPath,
} from '../workflows/calls/task-definition.js';
import type { WorkflowStep } from '../workflows/index.js';

/** A reader of repository files: the text, undefined when the file does not exist, or why it is refused. */
export type RepositoryReader = (relative: string) => Promise<string | undefined | { readonly refused: string }>;

/** Task definition files read at most in one run; the rest stay unknown, each with the reason. */
const FILES_CAP = 20;

/** Each task definition file the steps of the job instances name, read, by workspace path. */
export async function readTaskDefinitions(
  instances: Iterable<readonly WorkflowStep[]>,
  read: RepositoryReader,
): Promise<Map<string, TaskDefinitionFile>> {
  const paths = new Set<string>();
  const seen = new Set<readonly WorkflowStep[]>();
  for (const steps of instances) {
    if (seen.has(steps)) continue;
    seen.add(steps);
    for (const step of steps) {
      const path = taskDefinitionPath(step);
      if (path !== undefined) paths.add(path);
    }
  }
  const out = new Map<string, TaskDefinitionFile>();
  for (const path of paths) {
    if (out.size >= FILES_CAP) {
      out.set(path, { kind: 'unread', why: `the workflows name more than ${FILES_CAP} task definition files` });
      continue;
    }
    const text = await read(path);
    out.set(
      path,
      text === undefined
        ? { kind: 'unread', why: 'it is not in the repository' }
        : typeof text === 'string'
          ? parseTaskDefinition(text)
          : { kind: 'unread', why: `it ${text.refused}` },
    );
  }
  return out;
}

/**
 * Why each task definition file a job's steps name is not what that job deploys even when read (fileChangedBy): a
 * step of the same job may change it first. Per job instance: another job's workspace is its own.
 */
export function changedFiles(
  steps: readonly WorkflowStep[],
  rendered: ReadonlyMap<string, RenderedFile> = renderedFiles(steps),
): Map<string, string> {
  const out = new Map<string, string>();
  for (const step of steps) {
    const path = taskDefinitionPath(step);
    if (path === undefined || out.has(path)) continue;
    const ids = [...rendered].flatMap(([id, file]) => ('path' in file && file.path === path ? [id] : []));
    const why = fileChangedBy(steps, path, ids);
    if (why !== undefined) out.set(path, why);
  }
  return out;
}
