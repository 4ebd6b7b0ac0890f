import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  describeFailure,
  octokitFailure
} from "./shared-sources-github-failure.js";
import "./shared-runtime-efb0f0b2.js";

// src/sources/github-oidc-template.ts
var KEY = /^[A-Za-z0-9_]{1,64}$/;
var REPO_PATH = "GET /repos/{owner}/{repo}/actions/oidc/customization/sub";
var ORG_PATH = "GET /orgs/{org}/actions/oidc/customization/sub";
function keysOf(data) {
  const keys = typeof data === "object" && data !== null ? data.include_claim_keys : void 0;
  if (!Array.isArray(keys) || keys.length === 0 || keys.length > 32) return void 0;
  return keys.every((k) => typeof k === "string" && KEY.test(k)) ? keys : void 0;
}
var failed = (path, e) => `${path} failed: ${describeFailure(octokitFailure(e))}`;
async function readSubjectTemplate(source) {
  const { getOctokit } = await import("./actions-github-github.js");
  const octokit = getOctokit(source.token, { ...source.apiUrl ? { baseUrl: source.apiUrl } : {} });
  const timeout = () => ({ request: { signal: AbortSignal.timeout(source.timeoutMs ?? 1e4) } });
  let repoData;
  try {
    repoData = (await octokit.request(REPO_PATH, { owner: source.owner, repo: source.repo, ...timeout() })).data;
  } catch (e) {
    return { kind: "unknown", reason: failed(REPO_PATH, e) };
  }
  const useDefault = typeof repoData === "object" && repoData !== null ? repoData.use_default : void 0;
  if (typeof useDefault !== "boolean") return { kind: "unknown", reason: `${REPO_PATH} answered without use_default` };
  const repoPath = `/repos/${source.owner}/${source.repo}/actions/oidc/customization/sub`;
  if (useDefault) return { kind: "read", template: { keys: "default", source: repoPath } };
  const own = keysOf(repoData);
  if (own) return { kind: "read", template: { keys: own, source: repoPath } };
  try {
    const org = (await octokit.request(ORG_PATH, { org: source.owner, ...timeout() })).data;
    const orgPath = `/orgs/${source.owner}/actions/oidc/customization/sub`;
    const keys = keysOf(org);
    if (keys) return { kind: "read", template: { keys, source: orgPath } };
    const listed = typeof org === "object" && org !== null ? org.include_claim_keys : void 0;
    if (Array.isArray(listed) && listed.length === 0)
      return { kind: "read", template: { keys: "default", source: orgPath } };
    return { kind: "unknown", reason: `${ORG_PATH} answered without a list of claim keys` };
  } catch (e) {
    return { kind: "unknown", reason: failed(ORG_PATH, e) };
  }
}
async function readRepositoryIds(source) {
  const { getOctokit } = await import("./actions-github-github.js");
  const octokit = getOctokit(source.token, { ...source.apiUrl ? { baseUrl: source.apiUrl } : {} });
  try {
    const { data } = await octokit.request("GET /repos/{owner}/{repo}", {
      owner: source.owner,
      repo: source.repo,
      request: { signal: AbortSignal.timeout(source.timeoutMs ?? 1e4) }
    });
    const d = data;
    const id = (v) => typeof v === "number" && Number.isSafeInteger(v) && v > 0 ? String(v) : void 0;
    const repoId = id(d.id);
    const ownerId = id(d.owner?.id);
    return repoId && ownerId ? { repoId, ownerId } : void 0;
  } catch {
    return void 0;
  }
}
export {
  readRepositoryIds,
  readSubjectTemplate
};
