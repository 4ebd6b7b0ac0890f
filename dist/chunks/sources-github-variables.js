import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  capped,
  refusal
} from "./shared-sources-github-api.js";
import {
  describeFailure,
  octokitFailure
} from "./shared-sources-github-failure.js";
import "./shared-text-inert.js";
import "./shared-text-secrets.js";
import "./shared-runtime-efb0f0b2.js";

// src/sources/github-variables.ts
var PER_PAGE = 30;
var MAX_VALUE_BYTES = 48 * 1024;
var MAX_REPOSITORY_BYTES = 256e3;
var MAX_PAGE_BYTES = 2 * 1024 * 1024;
var NAME = /^[A-Za-z_][A-Za-z0-9_]{0,1023}$/;
var MAX_ENVIRONMENT_NAME = 255;
var REPO_PERMISSION = 'a fine-grained token or GitHub App needs the "Variables" repository permission (read), a classic token the `repo` scope; GITHUB_TOKEN cannot be given it';
var ENV_PERMISSION = 'a fine-grained token or GitHub App needs the "Variables" and "Environments" repository permissions (read), a classic token the `repo` scope; GITHUB_TOKEN cannot be given them';
var shown = (name) => name.length > 80 ? `${name.slice(0, 80)}\u2026` : name;
function failureOf(e) {
  const f = octokitFailure(e);
  if (f.kind === "http") {
    const accepted = f.headers["x-accepted-github-permissions"];
    const says = typeof accepted === "string" && /^[a-z_]+=[a-z]+(; ?[a-z_]+=[a-z]+)*$/.test(accepted) && accepted.length <= 200 ? ` (GitHub says it takes ${accepted})` : "";
    return { status: f.status, why: `HTTP ${f.status}${says}` };
  }
  if (f.kind === "too-large") return { why: `the answer is larger than ${MAX_PAGE_BYTES} bytes` };
  return { why: describeFailure(f) };
}
function pageOf(data) {
  const d = typeof data === "object" && data !== null ? data : void 0;
  const total = d?.total_count;
  if (typeof total !== "number" || !Number.isSafeInteger(total) || total < 0) return "an answer without total_count";
  if (!Array.isArray(d?.variables) || d.variables.length > 100) return "an answer without a list of variables";
  const entries = [];
  for (const v of d.variables) {
    const { name, value } = typeof v === "object" && v !== null ? v : {};
    if (typeof name !== "string" || !NAME.test(name) || /^GITHUB_/i.test(name)) {
      return "a variable whose name breaks GitHub\u2019s naming rules";
    }
    if (typeof value !== "string") return `variable ${name} with a value that is not a string`;
    if (Buffer.byteLength(value) > MAX_VALUE_BYTES) return `variable ${name} longer than 48 KB`;
    entries.push([name, value]);
  }
  return { total, entries };
}
async function readListing(get, maxPages) {
  const values = /* @__PURE__ */ new Map();
  let total;
  for (let page = 1; page <= maxPages; page++) {
    let data;
    try {
      data = await get(page);
    } catch (e) {
      return { kind: "failed", ...failureOf(e) };
    }
    const read = pageOf(data);
    if (typeof read === "string") return { kind: "failed", why: `${read} (page ${page})` };
    if (total !== void 0 && read.total !== total) return { kind: "failed", why: "total_count changed while read" };
    total = read.total;
    for (const [name, value] of read.entries) {
      const key = name.toUpperCase();
      if (values.has(key)) return { kind: "failed", why: `variable ${name} listed twice` };
      values.set(key, [name, value]);
    }
    if (read.entries.length < PER_PAGE || values.size >= total) break;
  }
  return { kind: "read", values, complete: values.size === total };
}
function noteOf(path, listing, permission, maxPages) {
  if (listing.kind === "read") {
    return listing.complete ? void 0 : `GET ${path} was not read whole (more than ${maxPages} pages of ${PER_PAGE}, or fewer listed than total_count)`;
  }
  const hint = listing.status === 401 || listing.status === 403 ? `: ${permission}` : listing.status === 404 ? ": not found (the repository does not exist, or the token cannot see it)" : "";
  return `GET ${path} failed: ${listing.why}${hint}`;
}
function merged(...listings) {
  const byName = /* @__PURE__ */ new Map();
  for (const listing of listings) for (const [key, entry] of listing) byName.set(key, entry);
  return Object.fromEntries(byName.values());
}
var sizeOf = (values) => Object.entries(values).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
async function readRepositoryLevel(get, base, maxPages, notes) {
  const own = await readListing(get("GET /repos/{owner}/{repo}/actions/variables"), maxPages);
  const org = await readListing(get("GET /repos/{owner}/{repo}/actions/organization-variables"), maxPages);
  for (const [path, listing] of [
    [`${base}/actions/variables`, own],
    [`${base}/actions/organization-variables`, org]
  ]) {
    const note = noteOf(path, listing, REPO_PERMISSION, maxPages);
    if (note) notes.push(note);
  }
  if (own.kind !== "read") return { ownRead: false };
  if (org.kind !== "read")
    notes.push("the organization's variables are not known: a name the repository does not list is unknown");
  const values = merged(org.kind === "read" ? org.values : /* @__PURE__ */ new Map(), own.values);
  if (sizeOf(values) > MAX_REPOSITORY_BYTES) {
    notes.push(
      "the repository and organization variables are larger than 256 KB together: GitHub leaves some out of a run, so none is known"
    );
    return { ownRead: true };
  }
  const complete = own.complete && org.kind === "read" && org.complete;
  const source = `${base}/actions/variables + ${base}/actions/organization-variables`;
  return { listing: { values, complete, source }, ownRead: true };
}
function environmentsToRead(names, max, notes) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const name of names) {
    if (name === "" || name.length > MAX_ENVIRONMENT_NAME) {
      notes.push(`environment "${shown(name)}" is not a name GitHub accepts (1 to 255 characters): not read`);
      continue;
    }
    if (seen.has(name.toUpperCase())) continue;
    seen.add(name.toUpperCase());
    if (out.length < max) out.push(name);
    else notes.push(`environment "${shown(name)}" not read: more than ${max} environments`);
  }
  return out;
}
async function readEnvironment(get, path, repositoryRead, maxPages, notes) {
  const listing = await readListing(get, maxPages);
  if (listing.kind === "failed" && listing.status === 404 && repositoryRead) {
    notes.push(`GET ${path}: no such environment yet; a job in it gets a new environment with no variables`);
    return { values: {}, complete: true, source: path };
  }
  const note = noteOf(path, listing, ENV_PERMISSION, maxPages);
  if (note) notes.push(note);
  return listing.kind === "read" ? { values: merged(listing.values), complete: listing.complete, source: path } : void 0;
}
async function readVariables(source) {
  const notes = [];
  const apiUrl = source.apiUrl ?? "https://api.github.com";
  const refused = refusal(`${source.owner}/${source.repo}`, apiUrl);
  if (refused) return { variables: {}, notes: [`variables not read: ${refused}`] };
  const { getOctokit } = await import("./actions-github-github.js");
  const { defaults } = await import("./actions-github-utils.js");
  const proxyFetch = defaults.request?.fetch ?? fetch;
  const octokit = getOctokit(source.token, {
    baseUrl: apiUrl,
    request: { fetch: async (url, init) => capped(await proxyFetch(url, init), MAX_PAGE_BYTES) }
  });
  const whole = AbortSignal.timeout(source.totalTimeoutMs ?? 12e4);
  const maxPages = source.maxPages ?? 40;
  const get = (route, params = {}) => async (page) => {
    const one = AbortSignal.timeout(source.timeoutMs ?? 1e4);
    const signal = typeof AbortSignal.any === "function" ? AbortSignal.any([whole, one]) : one;
    const base2 = { owner: source.owner, repo: source.repo, per_page: PER_PAGE, page, request: { signal } };
    return (await octokit.request(route, { ...base2, ...params })).data;
  };
  const base = `/repos/${source.owner}/${source.repo}`;
  const { listing: repository, ownRead } = await readRepositoryLevel(get, base, maxPages, notes);
  const environments = {};
  for (const name of environmentsToRead(source.environments, source.maxEnvironments ?? 50, notes)) {
    const path = `${base}/environments/${encodeURIComponent(name)}/variables`;
    const route = "GET /repos/{owner}/{repo}/environments/{environment_name}/variables";
    const listing = await readEnvironment(get(route, { environment_name: name }), path, ownRead, maxPages, notes);
    if (listing) environments[name] = listing;
  }
  return {
    variables: { ...repository ? { repository } : {}, ...Object.keys(environments).length ? { environments } : {} },
    notes
  };
}
export {
  readVariables
};
