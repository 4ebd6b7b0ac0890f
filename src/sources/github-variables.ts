/**
 * The repository's configuration variables, read through GitHub's REST API
 * (https://docs.github.com/en/rest/actions/variables), for the `vars` context of each job:
 * - `GET /repos/{owner}/{repo}/actions/variables`, the repository's own, and
 *   `GET /repos/{owner}/{repo}/actions/organization-variables`, the organization's shared with it, merged with the
 *   repository's value winning ("Configuration variable precedence",
 *   https://docs.github.com/en/actions/reference/workflows-and-actions/variables#configuration-variable-precedence);
 * - `GET /repos/{owner}/{repo}/environments/{environment_name}/variables` for each environment a job names.
 *
 * Permissions, from GitHub's list for fine-grained tokens (the "Variables" entries of
 * https://docs.github.com/en/rest/authentication/permissions-required-for-fine-grained-personal-access-tokens):
 * the two repository listings take the "Variables" repository permission (read); an environment's listing takes
 * "Variables" and "Environments" (read). A classic token needs the `repo` scope (each endpoint's page). The
 * `GITHUB_TOKEN` cannot read them at all: `permissions:` has no scope for variables
 * (https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/controlling-permissions-for-github_token).
 *
 * Each listing is read page by page (`per_page` at most 30, as each endpoint's page says), up to `maxPages`, each
 * request bounded in time and size, the whole read bounded in time. Every page's shape is checked: a name that breaks
 * GitHub's naming rules, a value that is not a string or is longer than a variable can be, or a missing list makes
 * that listing unread, never partly trusted. A listing read whole is `complete`: a name it lacks is then known to be
 * empty, as GitHub evaluates an unset variable. What cannot be read is absent (unknown), with a note saying why.
 *
 * Notes never hold the token. They may hold environment names, which come from workflow files anyone who can push
 * may write: they are cut short here, and the caller makes them inert (`src/text/inert.ts`) before printing them.
 */
import type { VariableListing, Variables } from '../model/variables.js';
import { capped, refusal } from './github-api.js';
import { describeFailure, octokitFailure } from './github-failure.js';

/** Where to read them. */
export interface VariablesSource {
  readonly owner: string;
  readonly repo: string;
  readonly token: string;
  /** `GITHUB_API_URL` (default `https://api.github.com`); the token is sent only over https (or to loopback). */
  readonly apiUrl?: string;
  /** The environments the jobs name (matched without regard to case; at most `maxEnvironments` are read). */
  readonly environments: readonly string[];
  /** Milliseconds per request (default 10 s). */
  readonly timeoutMs?: number;
  /** Milliseconds for the whole read (default 120 s): what is not read by then is unknown. */
  readonly totalTimeoutMs?: number;
  /** Pages per listing (default 40: an organization may share up to 1,000 variables, 34 pages of 30). */
  readonly maxPages?: number;
  /** Environments read (default 50). */
  readonly maxEnvironments?: number;
}

/** The listings read, and why any was not read or not read whole. */
export interface VariablesRead {
  readonly variables: Variables;
  readonly notes: string[];
}

/** https://docs.github.com/en/rest/actions/variables: "The number of results per page (max 30)". */
const PER_PAGE = 30;
/**
 * "Limits for configuration variables": a variable is at most 48 KB; the organization's and repository's together at
 * most 256 KB per run, beyond which GitHub leaves some out of the run (by name, in order), so a listing over it does
 * not say what a job sees (https://docs.github.com/en/actions/reference/workflows-and-actions/variables#limits-for-configuration-variables).
 * GitHub Enterprise Server allows 10 MB; the smaller bound only makes more listings unknown there.
 */
const MAX_VALUE_BYTES = 48 * 1024;
const MAX_REPOSITORY_BYTES = 256_000;
/** A page holds at most 30 values of 48 KB and their metadata. */
const MAX_PAGE_BYTES = 2 * 1024 * 1024;
/**
 * "Naming conventions for configuration variables": letters, digits and `_`, not starting with a digit nor with
 * `GITHUB_` (https://docs.github.com/en/actions/reference/workflows-and-actions/variables#naming-conventions-for-configuration-variables).
 * GitHub names no length limit; 1,024 is this reader's bound.
 */
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,1023}$/;
/** "An environment name may not exceed 255 characters" (https://docs.github.com/en/actions/how-tos/deploy/configure-and-manage-deployments/manage-environments). */
const MAX_ENVIRONMENT_NAME = 255;

const REPO_PERMISSION =
  'a fine-grained token or GitHub App needs the "Variables" repository permission (read), a classic token the `repo` scope; GITHUB_TOKEN cannot be given it';
const ENV_PERMISSION =
  'a fine-grained token or GitHub App needs the "Variables" and "Environments" repository permissions (read), a classic token the `repo` scope; GITHUB_TOKEN cannot be given them';

/** One listing read: values by upper-case name (with the name as listed), whole or not. */
type Listing =
  | { readonly kind: 'read'; readonly values: Map<string, [string, string]>; readonly complete: boolean }
  | { readonly kind: 'failed'; readonly status?: number; readonly why: string };

/** A page fetcher: the answer's data, or a thrown Octokit error. */
type GetPage = (page: number) => Promise<unknown>;

/** An environment's name as a note shows it: at most 80 characters. */
const shown = (name: string) => (name.length > 80 ? `${name.slice(0, 80)}…` : name);

/** Why a request failed, without the error's message (which may quote the URL): src/sources/github-failure.ts. */
function failureOf(e: unknown): { status?: number; why: string } {
  const f = octokitFailure(e);
  if (f.kind === 'http') {
    const accepted = f.headers['x-accepted-github-permissions'];
    // https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api: what the call would take.
    const says =
      typeof accepted === 'string' && /^[a-z_]+=[a-z]+(; ?[a-z_]+=[a-z]+)*$/.test(accepted) && accepted.length <= 200
        ? ` (GitHub says it takes ${accepted})`
        : '';
    return { status: f.status, why: `HTTP ${f.status}${says}` };
  }
  if (f.kind === 'too-large') return { why: `the answer is larger than ${MAX_PAGE_BYTES} bytes` };
  return { why: describeFailure(f) };
}

/** A page's total and entries, or why it is not a page of variables. */
function pageOf(data: unknown): { total: number; entries: [string, string][] } | string {
  const d = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : undefined;
  const total = d?.total_count;
  if (typeof total !== 'number' || !Number.isSafeInteger(total) || total < 0) return 'an answer without total_count';
  if (!Array.isArray(d?.variables) || d.variables.length > 100) return 'an answer without a list of variables';
  const entries: [string, string][] = [];
  for (const v of d.variables as unknown[]) {
    const { name, value } = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
    if (typeof name !== 'string' || !NAME.test(name) || /^GITHUB_/i.test(name)) {
      return 'a variable whose name breaks GitHub’s naming rules';
    }
    if (typeof value !== 'string') return `variable ${name} with a value that is not a string`;
    if (Buffer.byteLength(value) > MAX_VALUE_BYTES) return `variable ${name} longer than 48 KB`;
    entries.push([name, value]);
  }
  return { total, entries };
}

/** Reads one listing, page by page, up to `maxPages`. Never throws. */
async function readListing(get: GetPage, maxPages: number): Promise<Listing> {
  const values = new Map<string, [string, string]>();
  let total: number | undefined;
  for (let page = 1; page <= maxPages; page++) {
    let data: unknown;
    try {
      data = await get(page);
    } catch (e) {
      return { kind: 'failed', ...failureOf(e) };
    }
    const read = pageOf(data);
    if (typeof read === 'string') return { kind: 'failed', why: `${read} (page ${page})` };
    if (total !== undefined && read.total !== total) return { kind: 'failed', why: 'total_count changed while read' };
    total = read.total;
    for (const [name, value] of read.entries) {
      const key = name.toUpperCase();
      // "Names must be unique at the level they are created at", without regard to case.
      if (values.has(key)) return { kind: 'failed', why: `variable ${name} listed twice` };
      values.set(key, [name, value]);
    }
    if (read.entries.length < PER_PAGE || values.size >= total) break;
  }
  return { kind: 'read', values, complete: values.size === total };
}

/** The note for a listing not read, or not read whole. */
function noteOf(path: string, listing: Listing, permission: string, maxPages: number): string | undefined {
  if (listing.kind === 'read') {
    return listing.complete
      ? undefined
      : `GET ${path} was not read whole (more than ${maxPages} pages of ${PER_PAGE}, or fewer listed than total_count)`;
  }
  const hint =
    listing.status === 401 || listing.status === 403
      ? `: ${permission}`
      : listing.status === 404
        ? ': not found (the repository does not exist, or the token cannot see it)'
        : '';
  return `GET ${path} failed: ${listing.why}${hint}`;
}

/** Values by name, from listings in order of precedence (later wins, names compared without regard to case). */
function merged(...listings: Map<string, [string, string]>[]): Record<string, string> {
  const byName = new Map<string, [string, string]>();
  for (const listing of listings) for (const [key, entry] of listing) byName.set(key, entry);
  return Object.fromEntries(byName.values());
}

/** The byte size of names and values together. */
const sizeOf = (values: Record<string, string>) =>
  Object.entries(values).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0);

/** The repository level: its own variables over the organization's, whole only when both were read whole. */
async function readRepositoryLevel(
  get: (path: string) => GetPage,
  base: string,
  maxPages: number,
  notes: string[],
): Promise<{ readonly listing?: VariableListing; readonly ownRead: boolean }> {
  const own = await readListing(get('GET /repos/{owner}/{repo}/actions/variables'), maxPages);
  const org = await readListing(get('GET /repos/{owner}/{repo}/actions/organization-variables'), maxPages);
  for (const [path, listing] of [
    [`${base}/actions/variables`, own],
    [`${base}/actions/organization-variables`, org],
  ] as const) {
    const note = noteOf(path, listing, REPO_PERMISSION, maxPages);
    if (note) notes.push(note);
  }
  if (own.kind !== 'read') return { ownRead: false };
  if (org.kind !== 'read')
    notes.push("the organization's variables are not known: a name the repository does not list is unknown");
  const values = merged(org.kind === 'read' ? org.values : new Map(), own.values);
  if (sizeOf(values) > MAX_REPOSITORY_BYTES) {
    notes.push(
      'the repository and organization variables are larger than 256 KB together: GitHub leaves some out of a run, so none is known',
    );
    return { ownRead: true };
  }
  const complete = own.complete && org.kind === 'read' && org.complete;
  const source = `${base}/actions/variables + ${base}/actions/organization-variables`;
  return { listing: { values, complete, source }, ownRead: true };
}

/** The environments to read: named, at most 255 characters, first spelling of each, at most `max`. */
function environmentsToRead(names: readonly string[], max: number, notes: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const name of names) {
    if (name === '' || name.length > MAX_ENVIRONMENT_NAME) {
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

/**
 * One environment's listing. A 404 means the environment does not exist: "Running a workflow that references an
 * environment that does not exist will create an environment with the referenced name", which then has nothing
 * configured, since "only repository admins can configure the environment"
 * (https://docs.github.com/en/actions/how-tos/deploy/configure-and-manage-deployments/manage-environments#creating-an-environment).
 * It is an empty whole listing, but only when the repository's own listing was read with the same token (so the 404
 * is not the token failing to see the repository).
 */
async function readEnvironment(
  get: GetPage,
  path: string,
  repositoryRead: boolean,
  maxPages: number,
  notes: string[],
): Promise<VariableListing | undefined> {
  const listing = await readListing(get, maxPages);
  if (listing.kind === 'failed' && listing.status === 404 && repositoryRead) {
    notes.push(`GET ${path}: no such environment yet; a job in it gets a new environment with no variables`);
    return { values: {}, complete: true, source: path };
  }
  const note = noteOf(path, listing, ENV_PERMISSION, maxPages);
  if (note) notes.push(note);
  return listing.kind === 'read'
    ? { values: merged(listing.values), complete: listing.complete, source: path }
    : undefined;
}

/** Reads the variables; see the module comment. Never throws; notes say what was not read and why. */
export async function readVariables(source: VariablesSource): Promise<VariablesRead> {
  const notes: string[] = [];
  const apiUrl = source.apiUrl ?? 'https://api.github.com';
  const refused = refusal(`${source.owner}/${source.repo}`, apiUrl);
  if (refused) return { variables: {}, notes: [`variables not read: ${refused}`] };
  const { getOctokit } = await import('@actions/github');
  const { defaults } = await import('@actions/github/lib/utils');
  const proxyFetch = (defaults.request?.fetch ?? fetch) as typeof fetch;
  const octokit = getOctokit(source.token, {
    baseUrl: apiUrl,
    request: { fetch: async (url: string, init: RequestInit) => capped(await proxyFetch(url, init), MAX_PAGE_BYTES) },
  });
  const whole = AbortSignal.timeout(source.totalTimeoutMs ?? 120_000);
  const maxPages = source.maxPages ?? 40;
  const get =
    (route: string, params: Record<string, string> = {}): GetPage =>
    async (page) => {
      const one = AbortSignal.timeout(source.timeoutMs ?? 10_000);
      // AbortSignal.any came in node 20.3; on an older 20 each request keeps its own bound only.
      const signal = typeof AbortSignal.any === 'function' ? AbortSignal.any([whole, one]) : one;
      const base = { owner: source.owner, repo: source.repo, per_page: PER_PAGE, page, request: { signal } };
      return (await octokit.request(route, { ...base, ...params })).data;
    };
  const base = `/repos/${source.owner}/${source.repo}`;
  const { listing: repository, ownRead } = await readRepositoryLevel(get, base, maxPages, notes);
  const environments: Record<string, VariableListing> = {};
  for (const name of environmentsToRead(source.environments, source.maxEnvironments ?? 50, notes)) {
    const path = `${base}/environments/${encodeURIComponent(name)}/variables`;
    const route = 'GET /repos/{owner}/{repo}/environments/{environment_name}/variables';
    const listing = await readEnvironment(get(route, { environment_name: name }), path, ownRead, maxPages, notes);
    if (listing) environments[name] = listing;
  }
  return {
    variables: { ...(repository ? { repository } : {}), ...(Object.keys(environments).length ? { environments } : {}) },
    notes,
  };
}
