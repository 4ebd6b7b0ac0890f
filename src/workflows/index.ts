/**
 * The workflow model's public surface: {@link readWorkflowModel} and the model's types (`model.ts`).
 * GitHub's workflow parser is loaded on the first call, not at start-up.
 */
import type { WorkflowModel, WorkflowReadOptions } from './model.js';

export { DEFAULT_LIMITS, limitsForApi } from './limits.js';
export type * from './model.js';
export { isCommitSha, parseRemoteUses, remoteKey, remoteOf } from './remote.js';

/**
 * Reads the workflows at `options.workflowPaths` (and the local reusable workflows and composite actions they use,
 * through `options.read`) into the model. Never throws for what a file says: a file or reference that cannot be
 * read is an error of the model, naming the file, line and column.
 */
export async function readWorkflowModel(options: WorkflowReadOptions): Promise<WorkflowModel> {
  const { buildModel } = await import('./read.js');
  return buildModel(options);
}
