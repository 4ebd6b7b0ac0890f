/**
 * The shapes a secret takes in a job's log, redacted before a line is quoted. The runner masks the secrets it knows
 * (`***`), but a log also holds what it never knew: a token a tool fetched, printed in a debug line or a URL. The
 * shapes below are the documented forms of the credentials a deploy handles:
 * - a JWT (three base64url parts, the first two JSON objects: RFC 7519 §3), such as GitHub's OIDC token;
 * - GitHub's tokens, by their prefixes `ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`, `github_pat_`
 *   (https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/);
 * - npm's tokens, `npm_` (https://docs.npmjs.com/about-access-tokens);
 * - AWS access key ids `AKIA`/`ASIA` and a secret access key or session token after its name
 *   (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids);
 * - an `Authorization` header's credential, a URL's user name and password, and its query (src/text/secrets.ts).
 * Pure: no I/O.
 */
import { redactUrl } from '../text/secrets.js';

const MASK = '***';

const SHAPES: readonly RegExp[] = [
  /\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g,
  /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/g,
  /\bnpm_[A-Za-z0-9]{30,}/g,
  /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g,
];

/** `aws_secret_access_key = …`, `AWS_SESSION_TOKEN: …`, `"SecretAccessKey": "…"`, `_authToken=…`, `password=…`. */
const NAMED =
  /((?:secret[_-]?access[_-]?key|session[_-]?token|security[_-]?token|_authToken|password|passwd|client[_-]?secret|api[_-]?key)["']?\s*[:=]\s*["']?)[^\s"',;&]+/gi;

/** `Authorization: Bearer …`, `Authorization: token …`, `Basic …`. */
const AUTHORIZATION =
  /(\b(?:authorization|proxy-authorization)["']?\s*[:=]\s*["']?(?:bearer|basic|token)?\s*)[^\s"',;]+/gi;

/** Absolute URLs, so their user info and query can be cut. */
const URL_PATTERN = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>()`]+/gi;

/** `text` with every secret shape replaced by `***`, and every URL without its user info, query and fragment. */
export function redactSecretShapes(text: string): string {
  let out = text.replace(URL_PATTERN, (url) => redactUrl(url));
  for (const shape of SHAPES) out = out.replace(shape, MASK);
  out = out.replace(NAMED, `$1${MASK}`);
  out = out.replace(AUTHORIZATION, `$1${MASK}`);
  return out;
}
