/**
 * The baseline kept as a workflow artifact (`baseline: artifact`), named after the workflow, job and environment, so
 * that the next run of the same job in the same environment finds it. An artifact is uploaded only by a run whose
 * preflight passed, so the newest one of that name is the last passing record. Found through the REST API ("List
 * artifacts for a repository", filtered by name; the token needs `actions: read`:
 * https://docs.github.com/en/rest/actions/artifacts#list-artifacts-for-a-repository) with `@actions/github`, then
 * downloaded and uploaded with `@actions/artifact` (https://github.com/actions/toolkit/tree/main/packages/artifact),
 * both loaded only here, on demand (scripts/build.mjs `LAZY_ONLY`).
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

/** The scope that names the artifact (src/drift/record.ts `BaselineScope`). */
export interface ArtifactScope {
  readonly repository?: string;
  readonly workflow?: string;
  readonly job?: string;
  readonly environment?: string;
}

/** The most artifacts of the name looked at: the newest unexpired one is taken. */
const LISTED = 20;
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
  readonly workflow_run?: { readonly id?: number } | null;
}

/** Finds the newest unexpired artifact of the scope's name, and reads its record. */
export async function readBaselineArtifact(scope: ArtifactScope, deps: ArtifactDeps): Promise<BaselineText> {
  const name = baselineArtifactName(scope);
  const where = `artifact ${name}`;
  const repository = repositoryOf(deps);
  if (!repository) return { ok: false, reason: 'GITHUB_REPOSITORY is not owner/name', where };
  if (!deps.token) return { ok: false, reason: 'no token to list artifacts with (the baseline-token input)', where };
  let newest: ListedArtifact | undefined;
  try {
    const { getOctokit } = await import('@actions/github');
    const octokit = getOctokit(deps.token, {
      ...(deps.env.GITHUB_API_URL ? { baseUrl: deps.env.GITHUB_API_URL } : {}),
      request: { signal: AbortSignal.timeout(TIMEOUT_MS), retries: 0 },
    });
    const listed = await octokit.rest.actions.listArtifactsForRepo({ ...repository, name, per_page: LISTED });
    newest = (listed.data.artifacts as ListedArtifact[])
      .filter((a) => a.name === name && !a.expired)
      .sort((a, b) => Date.parse(b.created_at ?? '') - Date.parse(a.created_at ?? '') || b.id - a.id)[0];
  } catch (thrown) {
    return {
      ok: false,
      reason: `listing artifacts failed (the token needs actions: read): ${describeThrown(thrown)}`,
      where,
    };
  }
  if (!newest) return { ok: true, where };
  if (newest.size_in_bytes > MAX_BASELINE_BYTES) {
    return {
      ok: false,
      reason: `artifact ${newest.id} is ${newest.size_in_bytes} bytes, more than a record holds`,
      where,
    };
  }
  return download(newest, name, repository, deps.token);
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
