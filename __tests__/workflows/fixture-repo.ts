/** Reads a fixture repository under `__tests__/fixtures/workflows/<owner>__<repo>/` through the real source. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listWorkflowFiles, workflowFileReader } from '../../src/sources/workflows.js';
import { readWorkflowModel, type WorkflowModel, type WorkflowReadOptions } from '../../src/workflows/index.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'workflows');

/** The benchmark's repositories (`bench/workflows/`, real as the fixtures are), read by the same means. */
export const BENCH_REPOSITORIES = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'bench',
  'workflows',
);

/** The fixture repository's root folder (or one of the benchmark's, under `bench:`). */
export function fixtureRoot(repo: string): string {
  return repo.startsWith('bench:')
    ? path.join(BENCH_REPOSITORIES, repo.slice('bench:'.length))
    : path.join(FIXTURES, repo);
}

/** The model of the fixture repository's workflows (`only`: just these workflow files). */
export async function fixtureModel(
  repo: string,
  options: Partial<Omit<WorkflowReadOptions, 'read'>> & { only?: readonly string[] } = {},
): Promise<WorkflowModel> {
  const root = fixtureRoot(repo);
  const listing = await listWorkflowFiles(root);
  const { only, ...rest } = options;
  const workflowPaths = only ?? listing.paths;
  return readWorkflowModel({ workflowPaths, read: workflowFileReader(root), ...rest });
}
