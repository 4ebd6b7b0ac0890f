import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  MAX_BASELINE_BYTES
} from "./shared-sources-baseline-file.js";
import {
  describeThrown
} from "./shared-text-thrown.js";
import {
  readRegularFile
} from "./shared-sources-files.js";

// src/sources/baseline-artifact.ts
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
var PULL_REQUEST_EVENTS = /* @__PURE__ */ new Set([
  "pull_request",
  "pull_request_target",
  "pull_request_review",
  "pull_request_review_comment"
]);
var isPullRequestEvent = (event) => event !== void 0 && PULL_REQUEST_EVENTS.has(event);
var LISTED = 20;
var RUNS_LOOKED_UP = 5;
var TIMEOUT_MS = 15e3;
function baselineArtifactName(scope) {
  const part = (s) => (s ?? "none").replace(/[^A-Za-z0-9.-]+/g, "-").slice(0, 60) || "none";
  return `permission-preflight-baseline_${part(scope.workflow)}_${part(scope.job)}_${part(scope.environment)}.json`;
}
function repositoryOf(deps) {
  const [owner, repo, ...rest] = (deps.env.GITHUB_REPOSITORY ?? "").split("/");
  return owner && repo && rest.length === 0 ? { owner, repo } : void 0;
}
function listedElsewhere(a, scope, repositoryId) {
  const run = a.workflow_run;
  if (!run?.id) return "the listing names no run that uploaded it";
  if (run.repository_id === void 0 || run.head_repository_id !== run.repository_id) {
    return "its run's head repository is not this repository (a fork's pull request)";
  }
  if (repositoryId !== void 0 && String(run.repository_id) !== repositoryId) {
    return `its run is of repository ${run.repository_id} (this run's: ${repositoryId})`;
  }
  if (scope.branch === void 0) return "this run's branch is not known (GITHUB_REF_NAME, GITHUB_HEAD_REF)";
  if (run.head_branch !== scope.branch)
    return `its run is for branch ${run.head_branch ?? "(none)"}, not ${scope.branch}`;
  return void 0;
}
function runElsewhere(run, scope, repositoryId) {
  if (run.repository?.id !== repositoryId || run.head_repository?.id !== repositoryId) {
    return "its run's head repository is not this repository";
  }
  if (run.head_branch !== scope.branch)
    return `its run is for branch ${run.head_branch ?? "(none)"}, not ${scope.branch}`;
  if (!run.event) return "its run's event is not known";
  if (isPullRequestEvent(run.event) && !isPullRequestEvent(scope.event)) {
    return `its run is a ${run.event} run, and this run is not a pull request's`;
  }
  const file = run.path?.replace(/@.*$/, "").split("/").pop();
  if (file && scope.workflow && file !== scope.workflow) return `its run is of workflow ${file}, not ${scope.workflow}`;
  return void 0;
}
async function readBaselineArtifact(scope, deps) {
  const name = baselineArtifactName(scope);
  const where = `artifact ${name}`;
  const repository = repositoryOf(deps);
  if (!repository) return { ok: false, reason: "GITHUB_REPOSITORY is not owner/name", where };
  if (!deps.token) return { ok: false, reason: "no token to list artifacts with (the baseline-token input)", where };
  const repositoryId = deps.env.GITHUB_REPOSITORY_ID || void 0;
  const skipped = [];
  try {
    const { getOctokit } = await import("./actions-github-github.js");
    const octokit = getOctokit(deps.token, {
      ...deps.env.GITHUB_API_URL ? { baseUrl: deps.env.GITHUB_API_URL } : {},
      request: { signal: AbortSignal.timeout(TIMEOUT_MS), retries: 0 }
    });
    const listed = await octokit.rest.actions.listArtifactsForRepo({ ...repository, name, per_page: LISTED });
    const newestFirst = listed.data.artifacts.filter((a) => a.name === name && !a.expired).sort((a, b) => Date.parse(b.created_at ?? "") - Date.parse(a.created_at ?? "") || b.id - a.id);
    let lookedUp = 0;
    for (const artifact of newestFirst) {
      const runId = artifact.workflow_run?.id;
      const named = `artifact ${artifact.id}${runId ? ` (run ${runId})` : ""}`;
      const listedWhy = listedElsewhere(artifact, scope, repositoryId);
      if (listedWhy) {
        skipped.push(`${named}: ${listedWhy}`);
        continue;
      }
      if (lookedUp >= RUNS_LOOKED_UP) break;
      lookedUp++;
      const run = await octokit.rest.actions.getWorkflowRun({ ...repository, run_id: runId ?? 0 });
      const runWhy = runElsewhere(run.data, scope, artifact.workflow_run?.repository_id ?? -1);
      if (runWhy) {
        skipped.push(`${named}: ${runWhy}`);
        continue;
      }
      if (artifact.size_in_bytes > MAX_BASELINE_BYTES) {
        return {
          ok: false,
          reason: `artifact ${artifact.id} is ${artifact.size_in_bytes} bytes, more than a record holds`,
          where
        };
      }
      const read = await download(artifact, name, repository, deps.token);
      return skipped.length > 0 ? { ...read, skipped } : read;
    }
  } catch (thrown) {
    return {
      ok: false,
      reason: `listing artifacts or their runs failed (the token needs actions: read): ${describeThrown(thrown)}`,
      where
    };
  }
  return skipped.length > 0 ? { ok: true, where, skipped } : { ok: true, where };
}
async function download(artifact, name, repository, token) {
  const where = `artifact ${name} (id ${artifact.id}${artifact.workflow_run?.id ? `, run ${artifact.workflow_run.id}` : ""})`;
  const folder = await mkdtemp(path.join(tmpdir(), "preflight-baseline-"));
  try {
    const { DefaultArtifactClient } = await import("./actions-artifact-artifact.js");
    await new DefaultArtifactClient().downloadArtifact(artifact.id, {
      path: folder,
      findBy: {
        token,
        workflowRunId: artifact.workflow_run?.id ?? 0,
        repositoryOwner: repository.owner,
        repositoryName: repository.repo
      }
    });
    const read = await readRegularFile(path.join(folder, name), MAX_BASELINE_BYTES);
    if (!read.ok) return { ok: false, reason: `its file ${name} ${read.reason}`, where };
    return { ok: true, text: read.bytes.toString("utf8"), where };
  } catch (thrown) {
    return { ok: false, reason: `downloading it failed: ${describeThrown(thrown)}`, where };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
async function writeBaselineArtifact(scope, text, deps) {
  const name = baselineArtifactName(scope);
  if (!deps.env.ACTIONS_RUNTIME_TOKEN || !deps.env.ACTIONS_RESULTS_URL) {
    return {
      ok: false,
      reason: "the artifact service is not available here (no ACTIONS_RUNTIME_TOKEN or ACTIONS_RESULTS_URL)"
    };
  }
  const folder = await mkdtemp(path.join(deps.env.RUNNER_TEMP || tmpdir(), "preflight-baseline-"));
  try {
    const file = path.join(folder, name);
    await writeFile(file, text, "utf8");
    const { DefaultArtifactClient } = await import("./actions-artifact-artifact.js");
    const uploaded = await new DefaultArtifactClient().uploadArtifact(name, [file], folder, { skipArchive: true });
    return { ok: true, where: `artifact ${name}${uploaded.id ? ` (id ${uploaded.id})` : ""}` };
  } catch (thrown) {
    return { ok: false, reason: `uploading artifact ${name} failed: ${describeThrown(thrown)}` };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

export {
  isPullRequestEvent,
  baselineArtifactName,
  readBaselineArtifact,
  writeBaselineArtifact
};
