/**
 * The repository's OIDC subject template, read through GitHub's REST API with the run's token:
 * `GET /repos/{owner}/{repo}/actions/oidc/customization/sub` gives `use_default` and `include_claim_keys`; a repository
 * with `use_default: false` and no keys of its own takes its organization's template,
 * `GET /orgs/{org}/actions/oidc/customization/sub`, or GitHub's default when the organization has none
 * (https://docs.github.com/en/rest/actions/oidc#get-the-customization-template-for-an-oidc-subject-claim-for-a-repository,
 * https://docs.github.com/en/rest/actions/oidc#get-the-customization-template-for-an-oidc-subject-claim-for-an-organization).
 * `@actions/github` is loaded only here, on first use. Every answer is checked for its shape, and each request is
 * bounded in time; what cannot be read is `unknown` with the reason, never the default.
 */
import { describeFailure, octokitFailure } from './github-failure.js';

/** The template as src/workflows/predict/subject.ts reads it: GitHub's default, or claim keys in order. */
export interface ReadTemplate {
  readonly keys: 'default' | readonly string[];
  readonly source: string;
}

/** How the template was read, or why it was not. */
export type TemplateRead =
  | { readonly kind: 'read'; readonly template: ReadTemplate }
  | { readonly kind: 'unknown'; readonly reason: string };

/** Where to read it: the repository, a token that may read it, and the API's URL (GitHub.com's by default). */
export interface TemplateSource {
  readonly owner: string;
  readonly repo: string;
  readonly token: string;
  readonly apiUrl?: string;
  /** Milliseconds per request (default 10 s). */
  readonly timeoutMs?: number;
}

const KEY = /^[A-Za-z0-9_]{1,64}$/;
const REPO_PATH = 'GET /repos/{owner}/{repo}/actions/oidc/customization/sub';
const ORG_PATH = 'GET /orgs/{org}/actions/oidc/customization/sub';

/** The claim keys of an answer, when they are a list of claim names (at most 32), else undefined. */
function keysOf(data: unknown): readonly string[] | undefined {
  const keys =
    typeof data === 'object' && data !== null ? (data as Record<string, unknown>).include_claim_keys : undefined;
  if (!Array.isArray(keys) || keys.length === 0 || keys.length > 32) return undefined;
  return keys.every((k) => typeof k === 'string' && KEY.test(k)) ? (keys as string[]) : undefined;
}

/** Why a request failed: its HTTP status only when GitHub answered (src/sources/github-failure.ts). */
const failed = (path: string, e: unknown) => `${path} failed: ${describeFailure(octokitFailure(e))}`;

/** Reads the template; see the module comment. */
export async function readSubjectTemplate(source: TemplateSource): Promise<TemplateRead> {
  const { getOctokit } = await import('@actions/github');
  const octokit = getOctokit(source.token, { ...(source.apiUrl ? { baseUrl: source.apiUrl } : {}) });
  const timeout = () => ({ request: { signal: AbortSignal.timeout(source.timeoutMs ?? 10_000) } });
  let repoData: unknown;
  try {
    repoData = (await octokit.request(REPO_PATH, { owner: source.owner, repo: source.repo, ...timeout() })).data;
  } catch (e) {
    return { kind: 'unknown', reason: failed(REPO_PATH, e) };
  }
  const useDefault =
    typeof repoData === 'object' && repoData !== null ? (repoData as Record<string, unknown>).use_default : undefined;
  if (typeof useDefault !== 'boolean') return { kind: 'unknown', reason: `${REPO_PATH} answered without use_default` };
  const repoPath = `/repos/${source.owner}/${source.repo}/actions/oidc/customization/sub`;
  if (useDefault) return { kind: 'read', template: { keys: 'default', source: repoPath } };
  const own = keysOf(repoData);
  if (own) return { kind: 'read', template: { keys: own, source: repoPath } };
  try {
    const org = (await octokit.request(ORG_PATH, { org: source.owner, ...timeout() })).data;
    const orgPath = `/orgs/${source.owner}/actions/oidc/customization/sub`;
    const keys = keysOf(org);
    if (keys) return { kind: 'read', template: { keys, source: orgPath } };
    // An organization without a template of its own lists no keys: GitHub's default applies.
    const listed =
      typeof org === 'object' && org !== null ? (org as Record<string, unknown>).include_claim_keys : undefined;
    if (Array.isArray(listed) && listed.length === 0)
      return { kind: 'read', template: { keys: 'default', source: orgPath } };
    return { kind: 'unknown', reason: `${ORG_PATH} answered without a list of claim keys` };
  } catch (e) {
    return { kind: 'unknown', reason: failed(ORG_PATH, e) };
  }
}

/**
 * The repository's and its owner's IDs, which the immutable `sub` names (`repo:OWNER@ID/NAME@ID`): `id` and `owner.id`
 * of `GET /repos/{owner}/{repo}` (https://docs.github.com/en/rest/repos/repos#get-a-repository). Undefined when they
 * cannot be read.
 */
export async function readRepositoryIds(
  source: TemplateSource,
): Promise<{ readonly repoId: string; readonly ownerId: string } | undefined> {
  const { getOctokit } = await import('@actions/github');
  const octokit = getOctokit(source.token, { ...(source.apiUrl ? { baseUrl: source.apiUrl } : {}) });
  try {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}', {
      owner: source.owner,
      repo: source.repo,
      request: { signal: AbortSignal.timeout(source.timeoutMs ?? 10_000) },
    });
    const d = data as unknown as { id?: unknown; owner?: { id?: unknown } };
    const id = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? String(v) : undefined);
    const repoId = id(d.id);
    const ownerId = id(d.owner?.id);
    return repoId && ownerId ? { repoId, ownerId } : undefined;
  } catch {
    return undefined;
  }
}
