/** Reads a fixture repository under `__tests__/fixtures/workflows/<owner>__<repo>/` through the real source. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listWorkflowFiles, workflowFileReader } from '../../src/sources/workflows.js';
import { readWorkflowModel, type WorkflowModel, type WorkflowReadOptions } from '../../src/workflows/index.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'workflows');

/** The fixture repository's root folder. */
export function fixtureRoot(repo: string): string {
  return path.join(FIXTURES, repo);
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
