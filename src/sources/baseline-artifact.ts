/**
 * The baseline kept as a workflow artifact (`baseline: artifact`), named after the workflow, job and environment, so
 * that the next run of the same job in the same environment finds it. Found through the REST API ("List artifacts for
 * a repository", filtered by name; the token needs `actions: read`:
 * https://docs.github.com/en/rest/actions/artifacts#list-artifacts-for-a-repository) with `@actions/github`, then
 * downloaded and uploaded with `@actions/artifact` (https://github.com/actions/toolkit/tree/main/packages/artifact),
 * both loaded only here, on demand (scripts/build.mjs `LAZY_ONLY`).
 *
 * Any run of the repository can upload an artifact of that name, a pull request's included (its author writes the
 * workflow it runs), so the name proves nothing: an artifact is taken only when the run that uploaded it is of this
 * repository (the listing's `workflow_run.repository_id` and `head_repository_id`: a fork's pull request has another
 * head repository), for this run's branch (`workflow_run.head_branch`), and, when this run is not a pull request's,
 * not a pull request's run ("Get a workflow run": its `event`, `head_branch`, `head_repository` and `path`,
 * https://docs.github.com/en/rest/actions/workflow-runs#get-a-workflow-run). The newest artifact that passes is taken.
 */

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describeThrown } from '../text/thrown.js';
import { type BaselineText, MAX_BASELINE_BYTES } from './baseline-file.js';
import { readRegularFile } from './files.js';

/** What the artifact source reads from the run. */
export interface ArtifactDeps {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The token that lists and downloads artifacts (the `baseline-token` input, by default the job's token). */
  readonly token?: string;
}

/** The scope that names the artifact and the runs it may come from (src/drift/record.ts `BaselineScope`). */
export interface ArtifactScope {
  readonly repository?: string;
  readonly workflow?: string;
  readonly job?: string;
  readonly environment?: string;
  /** This run's event (GITHUB_EVENT_NAME). */
  readonly event?: string;
  /** This run's branch: a pull request's head branch, else the ref's name (src/pipeline/drift.ts `runBranch`). */
  readonly branch?: string;
}

/**
 * The events of a pull request: their runs run what the pull request's author wrote, so their records are never the
 * baseline of another event's run
 * (https://docs.github.com/en/actions/reference/workflows-and-actions/events-that-trigger-workflows#pull_request).
 */
const PULL_REQUEST_EVENTS: ReadonlySet<string> = new Set([
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment',
]);

/** Whether an event is one of a pull request's. */
export const isPullRequestEvent = (event: string | undefined): boolean =>
  event !== undefined && PULL_REQUEST_EVENTS.has(event);

/** The most artifacts of the name looked at, newest first. */
const LISTED = 20;
/** The most runs looked up ("Get a workflow run") for the artifacts that pass the listing's checks. */
const RUNS_LOOKED_UP = 5;
/** The REST call's time bound. */
const TIMEOUT_MS = 15_000;

/**
 * The artifact's name, which is also its file's: `permission-preflight-baseline_<workflow>_<job>_<environment>.json`,
 * each part kept to letters, digits, `.`, `-` (artifact names may not hold `"` `:` `<` `>` `|` `*` `?` `\` `/` or line
 * breaks: @actions/artifact's path-and-artifact-name-validation).
 */
export function baselineArtifactName(scope: ArtifactScope): string {
  const part = (s: string | undefined) => (s ?? 'none').replace(/[^A-Za-z0-9.-]+/g, '-').slice(0, 60) || 'none';
  return `permission-preflight-baseline_${part(scope.workflow)}_${part(scope.job)}_${part(scope.environment)}.json`;
}

/** Owner and name of the repository, from GITHUB_REPOSITORY. */
function repositoryOf(deps: ArtifactDeps): { owner: string; repo: string } | undefined {
  const [owner, repo, ...rest] = (deps.env.GITHUB_REPOSITORY ?? '').split('/');
  return owner && repo && rest.length === 0 ? { owner, repo } : undefined;
}

/** One artifact as the REST API lists it. */
interface ListedArtifact {
  readonly id: number;
  readonly name: string;
  readonly size_in_bytes: number;
  readonly expired: boolean;
  readonly created_at?: string | null;
  readonly workflow_run?: {
    readonly id?: number;
    readonly repository_id?: number;
    readonly head_repository_id?: number;
    readonly head_branch?: string | null;
  } | null;
}

/** The run that uploaded an artifact, as "Get a workflow run" answers: what decides whether its record is taken. */
interface UploadingRun {
  readonly event?: string;
  readonly head_branch?: string | null;
  readonly path?: string;
  readonly repository?: { readonly id?: number } | null;
  readonly head_repository?: { readonly id?: number } | null;
}

/** Why an artifact's listing shows it was not uploaded by a run of this repository for this branch; undefined: it may be. */
function listedElsewhere(
  a: ListedArtifact,
  scope: ArtifactScope,
  repositoryId: string | undefined,
): string | undefined {
  const run = a.workflow_run;
  if (!run?.id) return 'the listing names no run that uploaded it';
  if (run.repository_id === undefined || run.head_repository_id !== run.repository_id) {
    return "its run's head repository is not this repository (a fork's pull request)";
  }
  if (repositoryId !== undefined && String(run.repository_id) !== repositoryId) {
    return `its run is of repository ${run.repository_id} (this run's: ${repositoryId})`;
  }
  if (scope.branch === undefined) return "this run's branch is not known (GITHUB_REF_NAME, GITHUB_HEAD_REF)";
  if (run.head_branch !== scope.branch)
    return `its run is for branch ${run.head_branch ?? '(none)'}, not ${scope.branch}`;
  return undefined;
}

/** Why the run that uploaded an artifact is not one whose record this run may take; undefined: it is. */
function runElsewhere(run: UploadingRun, scope: ArtifactScope, repositoryId: number): string | undefined {
  if (run.repository?.id !== repositoryId || run.head_repository?.id !== repositoryId) {
    return "its run's head repository is not this repository";
  }
  if (run.head_branch !== scope.branch)
    return `its run is for branch ${run.head_branch ?? '(none)'}, not ${scope.branch}`;
  if (!run.event) return "its run's event is not known";
  if (isPullRequestEvent(run.event) && !isPullRequestEvent(scope.event)) {
    return `its run is a ${run.event} run, and this run is not a pull request's`;
  }
  // `path` is the workflow file (`.github/workflows/deploy.yml`, at times with `@ref`): the workflow the name says.
  const file = run.path?.replace(/@.*$/, '').split('/').pop();
  if (file && scope.workflow && file !== scope.workflow) return `its run is of workflow ${file}, not ${scope.workflow}`;
  return undefined;
}

/**
 * Finds the newest unexpired artifact of the scope's name uploaded by a run of this repository for this branch (and
 * not by a pull request's run, unless this run is one), and reads its record. The artifacts passed over are named,
 * with why, in `skipped`.
 */
export async function readBaselineArtifact(scope: ArtifactScope, deps: ArtifactDeps): Promise<BaselineText> {
  const name = baselineArtifactName(scope);
  const where = `artifact ${name}`;
  const repository = repositoryOf(deps);
  if (!repository) return { ok: false, reason: 'GITHUB_REPOSITORY is not owner/name', where };
  if (!deps.token) return { ok: false, reason: 'no token to list artifacts with (the baseline-token input)', where };
  const repositoryId = deps.env.GITHUB_REPOSITORY_ID || undefined;
  const skipped: string[] = [];
  try {
    const { getOctokit } = await import('@actions/github');
    const octokit = getOctokit(deps.token, {
      ...(deps.env.GITHUB_API_URL ? { baseUrl: deps.env.GITHUB_API_URL } : {}),
      request: { signal: AbortSignal.timeout(TIMEOUT_MS), retries: 0 },
    });
    const listed = await octokit.rest.actions.listArtifactsForRepo({ ...repository, name, per_page: LISTED });
    const newestFirst = (listed.data.artifacts as ListedArtifact[])
      .filter((a) => a.name === name && !a.expired)
      .sort((a, b) => Date.parse(b.created_at ?? '') - Date.parse(a.created_at ?? '') || b.id - a.id);
    let lookedUp = 0;
    for (const artifact of newestFirst) {
      const runId = artifact.workflow_run?.id;
      const named = `artifact ${artifact.id}${runId ? ` (run ${runId})` : ''}`;
      const listedWhy = listedElsewhere(artifact, scope, repositoryId);
      if (listedWhy) {
        skipped.push(`${named}: ${listedWhy}`);
        continue;
      }
      if (lookedUp >= RUNS_LOOKED_UP) break;
      lookedUp++;
      const run = await octokit.rest.actions.getWorkflowRun({ ...repository, run_id: runId ?? 0 });
      const runWhy = runElsewhere(run.data as UploadingRun, scope, artifact.workflow_run?.repository_id ?? -1);
      if (runWhy) {
        skipped.push(`${named}: ${runWhy}`);
        continue;
      }
      if (artifact.size_in_bytes > MAX_BASELINE_BYTES) {
        return {
          ok: false,
          reason: `artifact ${artifact.id} is ${artifact.size_in_bytes} bytes, more than a record holds`,
          where,
        };
      }
      const read = await download(artifact, name, repository, deps.token);
      return skipped.length > 0 ? { ...read, skipped } : read;
    }
  } catch (thrown) {
    return {
      ok: false,
      reason: `listing artifacts or their runs failed (the token needs actions: read): ${describeThrown(thrown)}`,
      where,
    };
  }
  return skipped.length > 0 ? { ok: true, where, skipped } : { ok: true, where };
}

/** Downloads one artifact into a temporary folder and reads its record, bounded. */
async function download(
  artifact: ListedArtifact,
  name: string,
  repository: { owner: string; repo: string },
  token: string,
): Promise<BaselineText> {
  const where = `artifact ${name} (id ${artifact.id}${artifact.workflow_run?.id ? `, run ${artifact.workflow_run.id}` : ''})`;
  const folder = await mkdtemp(path.join(tmpdir(), 'preflight-baseline-'));
  try {
    const { DefaultArtifactClient } = await import('@actions/artifact');
    await new DefaultArtifactClient().downloadArtifact(artifact.id, {
      path: folder,
      findBy: {
        token,
        workflowRunId: artifact.workflow_run?.id ?? 0,
        repositoryOwner: repository.owner,
        repositoryName: repository.repo,
      },
    });
    const read = await readRegularFile(path.join(folder, name), MAX_BASELINE_BYTES);
    if (!read.ok) return { ok: false, reason: `its file ${name} ${read.reason}`, where };
    return { ok: true, text: read.bytes.toString('utf8'), where };
  } catch (thrown) {
    return { ok: false, reason: `downloading it failed: ${describeThrown(thrown)}`, where };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * Uploads the record as the scope's artifact, one file, not archived (`skipArchive`: the artifact's name is then the
 * file's). Needs the runner's artifact service (ACTIONS_RUNTIME_TOKEN, ACTIONS_RESULTS_URL), which a JavaScript
 * action's step has.
 */
export async function writeBaselineArtifact(
  scope: ArtifactScope,
  text: string,
  deps: Pick<ArtifactDeps, 'env'>,
): Promise<{ ok: true; where: string } | { ok: false; reason: string }> {
  const name = baselineArtifactName(scope);
  if (!deps.env.ACTIONS_RUNTIME_TOKEN || !deps.env.ACTIONS_RESULTS_URL) {
    return {
      ok: false,
      reason: 'the artifact service is not available here (no ACTIONS_RUNTIME_TOKEN or ACTIONS_RESULTS_URL)',
    };
  }
  const folder = await mkdtemp(path.join(deps.env.RUNNER_TEMP || tmpdir(), 'preflight-baseline-'));
  try {
    const file = path.join(folder, name);
    await writeFile(file, text, 'utf8');
    const { DefaultArtifactClient } = await import('@actions/artifact');
    const uploaded = await new DefaultArtifactClient().uploadArtifact(name, [file], folder, { skipArchive: true });
    return { ok: true, where: `artifact ${name}${uploaded.id ? ` (id ${uploaded.id})` : ''}` };
  } catch (thrown) {
    return { ok: false, reason: `uploading artifact ${name} failed: ${describeThrown(thrown)}` };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
