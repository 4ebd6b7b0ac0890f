import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  capped,
  refusal
} from "./shared-sources-github-api.js";
import {
  octokitFailure
} from "./shared-sources-github-failure.js";
import "./shared-text-inert.js";
import "./shared-text-secrets.js";
import "./shared-runtime-efb0f0b2.js";

// src/sources/github-contents.ts
var RAW = "application/vnd.github.raw+json";
var DEFAULT_MAX_BYTES = 1024 * 1024;
function contentsPath(ref) {
  const path = ref.path.split("/").map(encodeURIComponent).join("/");
  return `/repos/${encodeURIComponent(ref.owner)}/${encodeURIComponent(ref.repo)}/contents/${path}`;
}
function failure(e, ref, maxBytes) {
  const f = octokitFailure(e);
  if (f.kind === "http") {
    const status = f.status;
    if (status === 404) return void 0;
    if (status === 401 || status === 403) {
      const limited = f.headers["x-ratelimit-remaining"] === "0" ? " (rate limit exceeded)" : "";
      return {
        refused: `was refused by GitHub's API (HTTP ${status}${limited}): reading it takes the "Contents" repository permission (read) on ${ref.owner}/${ref.repo}; a job's GITHUB_TOKEN reads only its own repository and public ones`
      };
    }
    return { refused: `was not read: GitHub's API answered HTTP ${status}` };
  }
  if (f.kind === "timeout") return { refused: "was not read: GitHub\u2019s API did not answer in time" };
  if (f.kind === "too-large") return { refused: `is larger than ${maxBytes} bytes and was not read` };
  return { refused: "was not read: no answer from GitHub\u2019s API (network error)" };
}
async function textOf(body) {
  let text;
  try {
    const bytes = await new Response(body).arrayBuffer();
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { refused: "was not read: it is not UTF-8 text" };
  }
  if (/^\s*[[{]/.test(text)) {
    try {
      const data = JSON.parse(text);
      const described = typeof data === "object" && data !== null && "_links" in data && "sha" in data;
      if (Array.isArray(data) || described)
        return { refused: "was not read: it is not a file (a directory or a submodule)" };
    } catch {
    }
  }
  return text;
}
function signalOf(source) {
  const one = AbortSignal.timeout(source.timeoutMs ?? 1e4);
  return source.whole && typeof AbortSignal.any === "function" ? AbortSignal.any([source.whole, one]) : one;
}
async function readRepositoryFile(ref, source) {
  const apiUrl = source.apiUrl ?? "https://api.github.com";
  const refused = refusal(`${ref.owner}/${ref.repo}`, apiUrl);
  if (refused) return { refused: `was not read: ${refused}` };
  const maxBytes = source.maxBytes ?? DEFAULT_MAX_BYTES;
  if (source.whole?.aborted) return { refused: "was not read: the time for reading other repositories ran out" };
  try {
    const { getOctokit } = await import("./actions-github-github.js");
    const { defaults } = await import("./actions-github-utils.js");
    const proxyFetch = defaults.request?.fetch ?? fetch;
    const octokit = getOctokit(source.token, {
      baseUrl: apiUrl,
      request: {
        fetch: async (url, init) => capped(await proxyFetch(url, init), maxBytes)
      }
    });
    const res = await octokit.request(`GET ${contentsPath(ref)}`, {
      ref: ref.ref,
      headers: { accept: RAW },
      request: {
        signal: signalOf(source),
        redirect: "manual",
        parseSuccessResponseBody: false
      }
    });
    if (res.status !== 200) {
      return { refused: `was not read: GitHub's API answered HTTP ${res.status} (a moved repository is not followed)` };
    }
    return await textOf(res.data);
  } catch (e) {
    return failure(e, ref, maxBytes);
  }
}
export {
  readRepositoryFile
};
