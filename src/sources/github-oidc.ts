/**
 * GitHub's OIDC token for this job, asked of the Actions ID token endpoint.
 *
 * The protocol is spoken directly rather than through `@actions/core`'s `getIDToken`, which does the same GET
 * (actions/toolkit `packages/core/src/oidc-utils.ts`) but reads `process.env` instead of the `env` given here, has
 * no timeout and retries a 5xx up to 10 times, and would load undici into the CLI. The protocol is GitHub's
 * documented one: `GET $ACTIONS_ID_TOKEN_REQUEST_URL&audience=AUD` with `Authorization: bearer
 * $ACTIONS_ID_TOKEN_REQUEST_TOKEN`, answered with `{ "value": "<jwt>" }`.
 * https://docs.github.com/en/actions/reference/security/oidc#methods-for-requesting-the-oidc-token
 */
import { fetchJson, type HttpDeps, redactUrl } from './http.js';

/** The runner variables that exist only when the job has `permissions: id-token: write`. */
export const ID_TOKEN_REQUEST_URL = 'ACTIONS_ID_TOKEN_REQUEST_URL';
export const ID_TOKEN_REQUEST_TOKEN = 'ACTIONS_ID_TOKEN_REQUEST_TOKEN';

/** The token, or why there is none. `detail` is for a person and never holds a token. */
export type GitHubIdTokenResult =
  | { readonly ok: true; readonly token: string }
  | { readonly ok: false; readonly reason: 'missing-id-token-permission' | 'request-failed'; readonly detail: string };

/** What {@link requestGitHubIdToken} needs besides the audience and the environment. */
export interface GitHubIdTokenDeps extends HttpDeps {
  /**
   * Registers a secret with the runner's log masking before anything could print it: `core.setSecret` on the
   * action path, a no-op in the CLI. Called with the request token and with the ID token, before returning.
   */
  readonly mask: (secret: string) => void;
}

/**
 * A JWT is a few KiB (GitHub's are under 2 KiB); 64 KiB stops a broken endpoint early without ever refusing a
 * real token. The pure decoder applies its own, stricter cap afterwards.
 */
const MAX_ANSWER_BYTES = 64 * 1024;

/** The toolkit appends `&audience=` because the runner's URL already carries `?api-version=...`; so do we. */
function withAudience(url: string, audience: string): string {
  if (audience === '') return url;
  return `${url}${url.includes('?') ? '&' : '?'}audience=${encodeURIComponent(audience)}`;
}

function describeFailure(reason: string, status: number | undefined): string {
  if (status === 401 || status === 403) {
    return `${reason}: the endpoint refused ${ID_TOKEN_REQUEST_TOKEN}, which the runner issues for the running job only`;
  }
  return reason;
}

/**
 * Asks the Actions ID token endpoint for a token with audience `audience` (`''` for GitHub's default, the owner's
 * URL). When either runner variable is missing, the job lacks `permissions: id-token: write` (or is a pull
 * request from a fork, which never gets it), and nothing is requested. Never throws.
 */
export async function requestGitHubIdToken(
  audience: string,
  env: Readonly<Record<string, string | undefined>>,
  deps: GitHubIdTokenDeps,
): Promise<GitHubIdTokenResult> {
  const url = env[ID_TOKEN_REQUEST_URL];
  const requestToken = env[ID_TOKEN_REQUEST_TOKEN];
  const missing = [ID_TOKEN_REQUEST_URL, ID_TOKEN_REQUEST_TOKEN].filter((name) => !env[name]);
  if (!url || !requestToken) {
    return {
      ok: false,
      reason: 'missing-id-token-permission',
      detail: `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set: the runner sets them only for jobs with permissions: id-token: write, and never for pull requests from forks.`,
    };
  }
  deps.mask(requestToken);
  const where = `the Actions ID token endpoint (${redactUrl(url)})`;
  const fetched = await fetchJson(withAudience(url, audience), {
    ...deps,
    maxBytes: deps.maxBytes ?? MAX_ANSWER_BYTES,
    headers: { authorization: `Bearer ${requestToken}` },
  });
  if (!fetched.ok) {
    return {
      ok: false,
      reason: 'request-failed',
      detail: `${where}: ${describeFailure(fetched.reason, fetched.status)}`,
    };
  }
  const value = (fetched.json as { value?: unknown } | null)?.value;
  if (typeof value !== 'string' || value.trim() === '') {
    return { ok: false, reason: 'request-failed', detail: `${where} answered without a "value" holding a token` };
  }
  // Masked before it is returned, so nothing downstream can print it first (`add-mask`:
  // https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands#masking-a-value-in-a-log).
  deps.mask(value);
  return { ok: true, token: value };
}
