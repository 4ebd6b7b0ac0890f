/**
 * One file of a repository at a ref, read through GitHub's REST API: `GET /repos/{owner}/{repo}/contents/{path}?ref=`
 * with the raw media type, `application/vnd.github.raw+json`, which "returns the raw file contents for files and
 * symlinks" (https://docs.github.com/en/rest/repos/contents#get-repository-content). It reads the reusable workflows
 * of other repositories that a workflow calls (src/workflows/remote.ts).
 *
 * Access: the endpoint takes the "Contents" repository permission (read) for a fine-grained token or an app, and
 * works without one for a public repository (the same page, "Fine-grained access tokens"). A job's `GITHUB_TOKEN` has
 * permissions "limited to the repository that contains your workflow"
 * (https://docs.github.com/en/actions/security-for-github-actions/security-guides/automatic-token-authentication#permissions-for-the-github_token):
 * it reads public repositories, and a private one only if it is its own. GitHub answers 404 for a private repository
 * the token cannot see, as for a file that is not there; that is "not found", and the model says it was not read.
 *
 * Bounds: the answer is read up to the model's file bound (1 MiB, src/workflows/limits.ts) and no further, within a
 * time bound per request and one for all of a run's reads (`whole`); no redirect is followed (a moved repository is refused, with the reason). The owner, repository, path
 * and ref come from workflow files anyone who can push may write: they are checked by src/workflows/remote.ts, and
 * each is URL-encoded here all the same. The token is sent only over https (or to loopback, where the tests' server
 * listens) and never enters a result or a note.
 */
import { capped, refusal } from './github-api.js';
import { octokitFailure } from './github-failure.js';

/** The file to read: a repository, a path in it and a ref (src/workflows/remote.ts checks them). */
export interface RepositoryFileRef {
  readonly owner: string;
  readonly repo: string;
  readonly path: string;
  readonly ref: string;
}

/** The file's text, `undefined` when it is not there (or not visible), or why it was not read. */
export type RepositoryFileRead = string | undefined | { readonly refused: string };

/** Where and how to read. */
export interface ContentsSource {
  readonly token: string;
  /** `GITHUB_API_URL` (default `https://api.github.com`). */
  readonly apiUrl?: string;
  /** Milliseconds per request (default 10 s). */
  readonly timeoutMs?: number;
  /** Ends every read still under way, and refuses those after it: the bound on all of a run's reads together. */
  readonly whole?: AbortSignal;
  /** Bytes of the file (default 1 MiB, the model's bound). */
  readonly maxBytes?: number;
}

const RAW = 'application/vnd.github.raw+json';
const DEFAULT_MAX_BYTES = 1024 * 1024;

/** The request's path, each segment encoded. */
function contentsPath(ref: RepositoryFileRef): string {
  const path = ref.path.split('/').map(encodeURIComponent).join('/');
  return `/repos/${encodeURIComponent(ref.owner)}/${encodeURIComponent(ref.repo)}/contents/${path}`;
}

/** Why a request failed, from the status and headers only (src/sources/github-failure.ts). */
function failure(e: unknown, ref: RepositoryFileRef, maxBytes: number): RepositoryFileRead {
  const f = octokitFailure(e);
  if (f.kind === 'http') {
    const status = f.status;
    if (status === 404) return undefined;
    if (status === 401 || status === 403) {
      const limited = f.headers['x-ratelimit-remaining'] === '0' ? ' (rate limit exceeded)' : '';
      return {
        refused: `was refused by GitHub's API (HTTP ${status}${limited}): reading it takes the "Contents" repository permission (read) on ${ref.owner}/${ref.repo}; a job's GITHUB_TOKEN reads only its own repository and public ones`,
      };
    }
    return { refused: `was not read: GitHub's API answered HTTP ${status}` };
  }
  if (f.kind === 'timeout') return { refused: 'was not read: GitHub’s API did not answer in time' };
  if (f.kind === 'too-large') return { refused: `is larger than ${maxBytes} bytes and was not read` };
  return { refused: 'was not read: no answer from GitHub’s API (network error)' };
}

/** The file's text from a 200's body, or why it is not a file's text. */
async function textOf(body: unknown): Promise<RepositoryFileRead> {
  let text: string;
  try {
    const bytes = await new Response(body as ConstructorParameters<typeof Response>[0]).arrayBuffer();
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { refused: 'was not read: it is not UTF-8 text' };
  }
  // A directory or a submodule has no raw form: GitHub lists it in JSON instead (the API page above).
  if (/^\s*[[{]/.test(text)) {
    try {
      const data = JSON.parse(text) as unknown;
      const described = typeof data === 'object' && data !== null && '_links' in data && 'sha' in data;
      if (Array.isArray(data) || described)
        return { refused: 'was not read: it is not a file (a directory or a submodule)' };
    } catch {
      // Not JSON: YAML's flow style, read as the file.
    }
  }
  return text;
}

/** The request's time bound: its own, and the whole read's when given. */
function signalOf(source: ContentsSource): AbortSignal {
  const one = AbortSignal.timeout(source.timeoutMs ?? 10_000);
  // AbortSignal.any came in node 20.3; on an older 20 each request keeps its own bound only.
  return source.whole && typeof AbortSignal.any === 'function' ? AbortSignal.any([source.whole, one]) : one;
}

/** Reads the file; see the module comment. Never throws. */
export async function readRepositoryFile(ref: RepositoryFileRef, source: ContentsSource): Promise<RepositoryFileRead> {
  const apiUrl = source.apiUrl ?? 'https://api.github.com';
  const refused = refusal(`${ref.owner}/${ref.repo}`, apiUrl);
  if (refused) return { refused: `was not read: ${refused}` };
  const maxBytes = source.maxBytes ?? DEFAULT_MAX_BYTES;
  if (source.whole?.aborted) return { refused: 'was not read: the time for reading other repositories ran out' };
  try {
    const { getOctokit } = await import('@actions/github');
    const { defaults } = await import('@actions/github/lib/utils');
    const proxyFetch = (defaults.request?.fetch ?? fetch) as typeof fetch;
    const octokit = getOctokit(source.token, {
      baseUrl: apiUrl,
      request: {
        fetch: async (url: string, init: RequestInit) => capped(await proxyFetch(url, init), maxBytes),
      },
    });
    const res = await octokit.request(`GET ${contentsPath(ref)}`, {
      ref: ref.ref,
      headers: { accept: RAW },
      request: {
        signal: signalOf(source),
        redirect: 'manual',
        parseSuccessResponseBody: false,
      },
    });
    if (res.status !== 200) {
      return { refused: `was not read: GitHub's API answered HTTP ${res.status} (a moved repository is not followed)` };
    }
    return await textOf(res.data);
  } catch (e) {
    return failure(e, ref, maxBytes);
  }
}
