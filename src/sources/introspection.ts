/**
 * OAuth 2.0 Token Introspection (RFC 7662) for opaque tokens: asks the authorization server whether the token is
 * active, and with which claims. https://www.rfc-editor.org/rfc/rfc7662
 */
import type { IntrospectionConfig, Verification } from '../tokens/types.js';
import { checkUrl, fetchJson, type HttpDeps, redactUrl } from './http.js';

/** The HTTP options of the introspection request, and the log masking. */
export interface IntrospectionDeps extends HttpDeps {
  /** Registers a secret before anything could print it (`core.setSecret` on the action path): the client secret. */
  readonly mask?: (secret: string) => void;
}

/** An introspection answer is a small JSON object; 64 KiB leaves room for long scope lists and nothing more. */
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * RFC 6749 §2.3.1: the client id and secret are form-urlencoded first, then joined with `:` and base64-encoded
 * as the Basic credentials, so a `:` or a non-ASCII character in either survives.
 * https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 */
function basicAuthorization(clientId: string, clientSecret: string): string {
  const encode = (value: string) => new URLSearchParams({ v: value }).toString().slice(2);
  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(clientSecret)}`).toString('base64')}`;
}

type Credentials = { ok: true; authorization?: string } | { ok: false; reason: string };

function clientCredentials(
  config: IntrospectionConfig,
  env: Readonly<Record<string, string | undefined>>,
): Credentials {
  const { clientIdEnv, clientSecretEnv } = config;
  if (clientIdEnv === undefined && clientSecretEnv === undefined) return { ok: true };
  if (clientIdEnv === undefined || clientSecretEnv === undefined) {
    return { ok: false, reason: 'introspection client authentication needs both clientIdEnv and clientSecretEnv' };
  }
  const unset = [clientIdEnv, clientSecretEnv].filter((name) => !env[name]);
  if (unset.length > 0) {
    return { ok: false, reason: `introspection client credentials: ${unset.join(' and ')} not set or empty` };
  }
  return { ok: true, authorization: basicAuthorization(env[clientIdEnv] ?? '', env[clientSecretEnv] ?? '') };
}

function explainStatus(status: number | undefined): string {
  // §2.3: the endpoint requires the caller to authenticate; 401/403 mean the client credentials were refused,
  // not that the token is bad. https://www.rfc-editor.org/rfc/rfc7662#section-2.3
  if (status === 401 || status === 403) return ' (the endpoint refused the client credentials)';
  if (status === 400) return ' (the endpoint refused the request as malformed)';
  return '';
}

/**
 * Introspects `token` at `config.url` (RFC 7662 §2.1: a form-encoded POST of `token` and `token_type_hint`, with
 * HTTP Basic client authentication from the variables `config` names). An active token is `verified` with the
 * claims the server returned; `active: false` is `failed` with class `inactive` (revoked, expired, or unknown to
 * the server, which §2.2 lets it keep to itself); anything else (HTTP error, timeout, not an answer) is
 * `unverifiable` with the reason. Never throws, and no reason or claim holds the token.
 */
export async function introspectToken(
  token: string,
  config: IntrospectionConfig,
  env: Readonly<Record<string, string | undefined>>,
  deps: IntrospectionDeps = {},
): Promise<Verification> {
  const endpoint = checkUrl(config.url);
  if (!endpoint.ok) {
    return {
      status: 'unverifiable',
      reason: `introspection endpoint ${redactUrl(config.url)} cannot be used: ${endpoint.reason}`,
    };
  }
  const where = `the introspection endpoint ${redactUrl(config.url)}`;
  // Registered before the request: an endpoint may echo it back in a claim, and the claims are reported.
  const secret = config.clientSecretEnv ? env[config.clientSecretEnv] : undefined;
  if (secret) deps.mask?.(secret);
  const credentials = clientCredentials(config, env);
  if (!credentials.ok) return { status: 'unverifiable', reason: credentials.reason };
  const { mask: _mask, ...http } = deps;
  const fetched = await fetchJson(config.url, {
    ...http,
    maxBytes: deps.maxBytes ?? MAX_ANSWER_BYTES,
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(credentials.authorization ? { authorization: credentials.authorization } : {}),
    },
    body: new URLSearchParams({ token, token_type_hint: 'access_token' }).toString(),
  });
  if (!fetched.ok) {
    return {
      status: 'unverifiable',
      reason: `${where} could not answer: ${fetched.reason}${explainStatus(fetched.status)}`,
    };
  }
  const answer = fetched.json;
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) {
    return { status: 'unverifiable', reason: `${where} answered with something other than a JSON object` };
  }
  const { active } = answer as { active?: unknown };
  // §2.2: `active` is REQUIRED and boolean; a string "true" is not an answer to rely on.
  if (typeof active !== 'boolean') {
    return { status: 'unverifiable', reason: `${where} answered without a boolean "active" (RFC 7662 §2.2)` };
  }
  if (!active) {
    return {
      status: 'failed',
      class: 'inactive',
      reason: `${where} says the token is not active: it is revoked, expired, or unknown to that server`,
    };
  }
  // A server that echoes the token back would put it into the report; such a member is dropped.
  const claims = Object.fromEntries(Object.entries(answer).filter(([, value]) => value !== token));
  return { status: 'verified', method: 'introspection', keySource: redactUrl(config.url), introspected: claims };
}
