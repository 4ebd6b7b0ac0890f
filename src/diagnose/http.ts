/**
 * Plain HTTP 401s and 403s as tools print them. 401 means the server did not accept the credential (RFC 9110
 * §15.5.2); 403 means it understood the request and refuses it (§15.5.4). A number alone is never enough: 401 and 403
 * are read only next to a word that makes them a status (`HTTP`, `status`, `status code`, `StatusCode:`, `returned
 * error:`, `Unauthorized`, `Forbidden`, npm's `E401`), never inside a path or a count (`/issues/403`, `401/401`,
 * `403 files`). The tools' own forms:
 * - npm: `npm ERR! code E401`, `npm ERR! 403 403 Forbidden - PUT https://registry.npmjs.org/…` (npm/cli's error
 *   output; `npm error` in npm 10);
 * - docker and registries: `denied: requested access to the resource is denied`, `unauthorized: authentication
 *   required` (the registry API's error codes DENIED and UNAUTHORIZED, https://distribution.github.io/distribution/spec/api/#errors);
 * - curl and git over HTTPS: `The requested URL returned error: 403`;
 * - gh: `HTTP 403: … (https://api.github.com/…)`.
 */
import type { DecisionPoint } from '../model/finding.js';
import type { LogMatch, Matcher } from './match.js';

/** A status word next to 401 or 403; the number is never part of a path, a ratio or a longer number. */
const STATUS: readonly RegExp[] = [
  /(?<![\w/.:-])(40[13])\s+(?:Unauthorized|Forbidden)\b/i,
  /\((40[13])\)\s*(?:Unauthorized|Forbidden)\b/i,
  /\bHTTP(?:\/[\d.]+)?\s*:?\s+(40[13])(?![\w/.])/i,
  /\bhttp error:?\s*(40[13])(?![\w/.])/i,
  /\bstatus(?:[ _]?code)?\s*[:=]?\s*(40[13])(?![\w/.])/i,
  /\bresponse code:?\s*(40[13])(?![\w/.])/i,
  /\breturned error:?\s*(40[13])(?![\w/.])/i,
  /\bfailed with status code (40[13])(?![\w/.])/i,
];

const GITHUB_HOST = /\b(?:api\.)?github\.com\b|\bghcr\.io\b|\bgithub-actions\[bot\]|\bgh:/i;

/** The point a plain status is reported at: GitHub's token when the line is about GitHub, else the credential. */
function pointOf(line: string): DecisionPoint {
  return GITHUB_HOST.test(line) ? 'github-token' : 'token';
}

/** A 401 or 403 as a finding. */
function statusMatch(status: '401' | '403', source: string, line: string, what: string, generic: boolean): LogMatch {
  const point = pointOf(line);
  const github = point === 'github-token';
  if (status === '401') {
    return {
      class: 'credential-rejected',
      decisionPoint: point,
      source,
      message: `${what} answered 401: it did not accept the credential (missing, expired, rotated or for another registry or host).`,
      fix: github
        ? 'Check the token the step uses: GITHUB_TOKEN expires with the job, and a stored personal access token may have expired or been revoked.'
        : 'Check that the step logs in before the call and that the stored token or password is current (rotate the secret if it expired or was revoked).',
      wouldReturn: 401,
      generic,
    };
  }
  return {
    class: 'forbidden',
    decisionPoint: point,
    source,
    message: `${what} answered 403: it accepted the credential but refuses it this request.`,
    fix: github
      ? "Grant the permission the call needs in the job's `permissions:` (GITHUB_TOKEN), or to the token's account."
      : "Give the credential's account access to the resource (a registry's team or package access, a publish permission), or use a credential that has it.",
    wouldReturn: 403,
    generic,
  };
}

/**
 * npm's error block: `npm ERR! code E403`, then `npm ERR! 403 403 Forbidden - PUT URL - REASON`, then its advice on
 * `npm ERR! 403 …` lines. The line that names the request is the failure (its method and URL tell one registry's
 * refusal from another's); the others are bare status lines of the same block.
 */
const npm: Matcher = (line) => {
  const m = /\bnpm (?:ERR!|error)\s+(?:code E(40[13])\b|(40[13])\b)/.exec(line);
  const status = (m?.[1] ?? m?.[2]) as '401' | '403' | undefined;
  if (!status) return undefined;
  const request = /\b(GET|PUT|POST|DELETE|PATCH|HEAD)\s+(https?:\/\/\S+)/.exec(line);
  const found = statusMatch(status, 'npm', line, 'The npm registry', request === null);
  return request ? { ...found, evidence: { request: `${request[1]} ${request[2]}` } } : found;
};

const docker: Matcher = (line) => {
  // `no basic auth credentials`: docker pushed without a login for the registry (ECR's, typically).
  if (/\bno basic auth credentials\b/i.test(line)) {
    return statusMatch('401', 'registry', line, 'The container registry', false);
  }
  const m = /(?:^|\b(?:error|daemon|with)\s*:\s*|:\s+)(denied|unauthorized):\s+(\S.*)$/i.exec(line.trim());
  if (!m) return undefined;
  const status = m[1]?.toLowerCase() === 'denied' ? '403' : '401';
  // The registry's own message (its error's `message`) tells one refusal from another.
  return {
    ...statusMatch(status, 'registry', line, 'The container registry', false),
    evidence: { reason: (m[2] ?? '').slice(0, 200) },
  };
};

const plain: Matcher = (line) => {
  for (const pattern of STATUS) {
    const m = pattern.exec(line);
    if (m?.[1]) return statusMatch(m[1] as '401' | '403', 'http', line, 'A server', true);
  }
  return undefined;
};

/** The plain HTTP matchers, tools' own forms first. */
export const HTTP_MATCHERS: readonly Matcher[] = [npm, docker, plain];
