/**
 * Why a request to GitHub's REST API through Octokit failed, told from the thrown error's fields only (its message may
 * quote the URL). Octokit throws a fetch that got no answer (connection refused, DNS, a reset) as a `RequestError`
 * with status 500 and no `response`, and an abort with status 500 too (@octokit/request, `fetchWrapper` in its
 * dist-bundle/index.js): only an error that carries a `response` holds a status GitHub sent.
 */

/** What a failed request comes to. */
export type OctokitFailure =
  /** GitHub answered with this status (an error status, or a redirect Octokit does not follow). */
  | {
      readonly kind: 'http';
      readonly status: number;
      readonly headers: Readonly<Record<string, unknown>>;
      readonly data: unknown;
    }
  /** The request's signal ended it (`AbortSignal.timeout`). */
  | { readonly kind: 'timeout' }
  /** The answer was larger than the reader takes (`capped` in src/sources/github-api.ts). */
  | { readonly kind: 'too-large' }
  /** No answer came. */
  | { readonly kind: 'network' };

/** The failure a thrown Octokit error stands for. */
export function octokitFailure(e: unknown): OctokitFailure {
  const err = e as {
    status?: unknown;
    response?: { headers?: Record<string, unknown>; data?: unknown };
    name?: unknown;
    cause?: unknown;
  } | null;
  if (typeof err?.status === 'number' && err.response) {
    return { kind: 'http', status: err.status, headers: err.response.headers ?? {}, data: err.response.data };
  }
  const cause = err?.cause as { name?: unknown; message?: unknown } | undefined;
  if ([err?.name, cause?.name].some((n) => n === 'TimeoutError' || n === 'AbortError')) return { kind: 'timeout' };
  if (typeof cause?.message === 'string' && cause.message.startsWith('the answer is larger than')) {
    return { kind: 'too-large' };
  }
  return { kind: 'network' };
}

/** A failure as a reason says it: `HTTP 403`, `timed out`, `no answer (network error)`. */
export function describeFailure(f: OctokitFailure): string {
  if (f.kind === 'http') return `HTTP ${f.status}`;
  if (f.kind === 'timeout') return 'timed out';
  if (f.kind === 'too-large') return 'an answer too large to read';
  return 'no answer (network error)';
}
