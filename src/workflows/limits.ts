/** The default bounds on the workflow files read (each can be lowered or raised by the caller). */
import type { WorkflowLimits } from './model.js';

/**
 * - 1 MiB a file: GitHub's own workflow files are far smaller; a larger one is refused, not read in part.
 * - 200 files in all: workflows, the local reusable workflows they call and the local actions they use.
 * - 256 instances a job (trigger × inputs × matrix row); GitHub itself caps a matrix at 256 jobs a run
 *   (https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/running-variations-of-jobs-in-a-workflow#using-a-matrix-strategy).
 * - 10 levels of workflows, GitHub.com's limit: the top-level caller and up to nine reusable workflows below it ("You
 *   can connect a maximum of ten levels of workflows - that is, the top-level caller workflow and up to nine levels of
 *   reusable workflows", https://docs.github.com/en/actions/how-tos/reuse-automations/reuse-workflows#nesting-reusable-workflows);
 *   GitHub Enterprise Server allows four ({@link ENTERPRISE_SERVER_CALL_DEPTH}, {@link limitsForApi}). A deeper chain
 *   is reported as `too-deep`, as GitHub would refuse the run. The steps' budgets below still cap the work of a long
 *   chain.
 * - 200,000 YAML nodes a file once aliases are expanded: a 1 MiB workflow without aliases holds far fewer; GitHub's
 *   parser expands every alias, so aliases to aliases would otherwise take it hours (`yaml-size.ts`).
 * - 10 levels of local composite actions, the depth GitHub's runner allows for nested composite actions
 *   (https://docs.github.com/en/actions/sharing-automations/creating-actions/creating-a-composite-action).
 * - 1,000 steps an instance once composite actions are expanded, and 200,000 in the whole model: bounds of ours.
 *   Composite actions nest ten levels deep, so a few lines of action files can fan out to more steps than any
 *   run holds; the largest real model among the fixtures expands 6,510 steps in all.
 * - Two minutes to read and parse all the files, as for the reads of other repositories' workflows
 *   (src/pipeline/workflows.ts), checked before each file is read. A file's parse is not interrupted, so the reading
 *   can overrun by one file: each is bounded (its size, its aliases, its nesting and its count of YAML errors,
 *   `yaml-depth.ts`) to about half a minute at worst (a 1 MiB single-line flow sequence that only GitHub's parser
 *   reads: 25 s on a shared 2-core machine); the fixtures' largest repository reads in well under a second.
 */
export const DEFAULT_LIMITS: WorkflowLimits = {
  fileBytes: 1024 * 1024,
  files: 200,
  instancesPerJob: 256,
  callDepth: 9,
  actionDepth: 10,
  yamlNodes: 200_000,
  stepsPerInstance: 1_000,
  steps: 200_000,
  readMs: 120_000,
};

/** The defaults with the caller's overrides. */
export function limitsWith(overrides: Partial<WorkflowLimits> | undefined): WorkflowLimits {
  return { ...DEFAULT_LIMITS, ...overrides };
}

/** Levels of reusable workflows below the caller GitHub Enterprise Server runs: four levels of workflows in all. */
export const ENTERPRISE_SERVER_CALL_DEPTH = 3;

/**
 * The bounds of the GitHub whose REST API is at `apiUrl` (`GITHUB_API_URL`): GitHub.com (`https://api.github.com`)
 * and GitHub Enterprise Cloud with data residency (`https://api.SUBDOMAIN.ghe.com`) nest ten levels of workflows, any
 * other host is GitHub Enterprise Server (`https://HOST/api/v3`), which nests four. No URL: GitHub.com's.
 */
export function limitsForApi(apiUrl: string | undefined): Partial<WorkflowLimits> {
  if (!apiUrl) return {};
  let host: string;
  try {
    host = new URL(apiUrl).hostname.toLowerCase();
  } catch {
    return {};
  }
  const cloud = host === 'api.github.com' || host.endsWith('.ghe.com');
  return cloud ? {} : { callDepth: ENTERPRISE_SERVER_CALL_DEPTH };
}
