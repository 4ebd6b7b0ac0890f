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
import "./shared-sources-http.js";
import "./shared-text-secrets.js";
import "./shared-text-json-depth.js";
import "./shared-runtime-efb0f0b2.js";

// src/sources/baseline-artifact.ts
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
var LISTED = 20;
var TIMEOUT_MS = 15e3;
function baselineArtifactName(scope) {
  const part = (s) => (s ?? "none").replace(/[^A-Za-z0-9.-]+/g, "-").slice(0, 60) || "none";
  return `permission-preflight-baseline_${part(scope.workflow)}_${part(scope.job)}_${part(scope.environment)}.json`;
}
function repositoryOf(deps) {
  const [owner, repo, ...rest] = (deps.env.GITHUB_REPOSITORY ?? "").split("/");
  return owner && repo && rest.length === 0 ? { owner, repo } : void 0;
}
async function readBaselineArtifact(scope, deps) {
  const name = baselineArtifactName(scope);
  const where = `artifact ${name}`;
  const repository = repositoryOf(deps);
  if (!repository) return { ok: false, reason: "GITHUB_REPOSITORY is not owner/name", where };
  if (!deps.token) return { ok: false, reason: "no token to list artifacts with (the baseline-token input)", where };
  let newest;
  try {
    const { getOctokit } = await import("./actions-github-github.js");
    const octokit = getOctokit(deps.token, {
      ...deps.env.GITHUB_API_URL ? { baseUrl: deps.env.GITHUB_API_URL } : {},
      request: { signal: AbortSignal.timeout(TIMEOUT_MS), retries: 0 }
    });
    const listed = await octokit.rest.actions.listArtifactsForRepo({ ...repository, name, per_page: LISTED });
    newest = listed.data.artifacts.filter((a) => a.name === name && !a.expired).sort((a, b) => Date.parse(b.created_at ?? "") - Date.parse(a.created_at ?? "") || b.id - a.id)[0];
  } catch (thrown) {
    return {
      ok: false,
      reason: `listing artifacts failed (the token needs actions: read): ${describeThrown(thrown)}`,
      where
    };
  }
  if (!newest) return { ok: true, where };
  if (newest.size_in_bytes > MAX_BASELINE_BYTES) {
    return {
      ok: false,
      reason: `artifact ${newest.id} is ${newest.size_in_bytes} bytes, more than a record holds`,
      where
    };
  }
  return download(newest, name, repository, deps.token);
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
  baselineArtifactName,
  readBaselineArtifact,
  writeBaselineArtifact
};
