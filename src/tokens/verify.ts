/**
 * Verifies a JWT's signature against its issuer's published keys. Only the signature: claims are checked in
 * `claims.ts`, with clock skew, so that each refusal gets its own class. Keys come through `GetKeys` (the
 * adapter fetches and caches them); this module does no I/O of its own. No reason returned here quotes the
 * token or its signature.
 */
import { type CryptoKey, compactVerify, createLocalJWKSet, errors, type JSONWebKeySet } from 'jose';
import { type DecodedToken, decodeToken } from './decode.js';
import type { GetKeys, KeySet, KeySetResult, TokenExpectations, Verification } from './types.js';

/**
 * The default allowlist: asymmetric algorithms only. RFC 8725 §3.1 requires the verifier to choose the
 * algorithms, never the token (https://www.rfc-editor.org/rfc/rfc8725#section-3.1).
 */
export const DEFAULT_ALGORITHMS: readonly string[] = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];

const HMAC = /^HS\d+$/i;

/** Options for `verifyJwt`. */
export interface VerifyOptions {
  /** Allowed `alg` values; default `DEFAULT_ALGORITHMS`. `none` and HMAC are refused whatever this says. */
  readonly algorithms?: readonly string[];
}

type Attempt = Verification | { readonly status: 'no-key' };

/**
 * Verifies `raw` with the keys `getKeys` gives. When no key fits the token's `kid`, the keys are fetched
 * again once (`refresh: true`), because issuers rotate them; if the key is still missing, the result is
 * `unknown-key`. When the keys cannot be had, the token is `unverifiable`.
 */
export async function verifyJwt(raw: string, getKeys: GetKeys, options: VerifyOptions = {}): Promise<Verification> {
  const token = raw.trim();
  return redact(await verifyDecoded(token, getKeys, options), token);
}

async function verifyDecoded(token: string, getKeys: GetKeys, options: VerifyOptions): Promise<Verification> {
  const decoded = decodeToken(token);
  if (decoded.kind === 'opaque') {
    return {
      status: 'unverifiable',
      reason:
        decoded.format === 'jwe'
          ? 'the token is an encrypted JWT (JWE); its signature cannot be checked without the decryption key'
          : 'the token is opaque (not a JWT), so it has no signature to check; configure token introspection (RFC 7662)',
    };
  }
  if (decoded.kind === 'oversized') {
    return {
      status: 'failed',
      class: 'malformed',
      reason: `the token is ${decoded.length} characters, over the ${decoded.limit} limit`,
    };
  }
  if (decoded.kind === 'malformed') return { status: 'failed', class: 'malformed', reason: decoded.reason };

  const { alg, kid } = decoded;
  const ids = { alg, ...(kid === undefined ? {} : { kid }) };
  const refused = refuseAlgorithm(alg, options.algorithms ?? DEFAULT_ALGORITHMS);
  if (refused) return { status: 'failed', class: 'bad-signature', reason: refused, ...ids };

  const allowed = [alg];
  let keys = await fetchKeys(getKeys, false);
  if (!keys.ok) return { status: 'unverifiable', reason: `the issuer's keys could not be had: ${keys.reason}` };
  let attempt = await verifyWithKeys(token, keys, allowed, ids);
  if (attempt.status === 'no-key' && !hasKid(keys.jwks, kid)) {
    // Issuers rotate keys: a kid we have not seen may be newer than our copy. Refetch once, never more.
    keys = await fetchKeys(getKeys, true);
    if (!keys.ok) return { status: 'unverifiable', reason: `the issuer's keys could not be refetched: ${keys.reason}` };
    attempt = await verifyWithKeys(token, keys, allowed, ids);
  }
  if (attempt.status !== 'no-key') return attempt;
  const known = keys.jwks.keys.map((k) => (typeof k.kid === 'string' ? k.kid : '(no kid)'));
  if (kid !== undefined && hasKid(keys.jwks, kid)) {
    return {
      status: 'failed',
      class: 'bad-signature',
      reason: `the issuer's key "${kid}" cannot verify ${alg} signatures (wrong key type or use)`,
      ...ids,
    };
  }
  const which =
    kid === undefined ? `no kid, and no key fits ${alg}` : `kid "${kid}", which is not among the issuer's keys`;
  return {
    status: 'failed',
    class: 'unknown-key',
    reason: `the token names ${which} (${known.join(', ') || 'none'}), even after refetching them`,
    ...ids,
  };
}

/** True for `none` and HMAC: algorithms refused whatever the allowlist says (RFC 8725 §2.1). */
export function isUnsafeAlgorithm(alg: string): boolean {
  return alg.toLowerCase() === 'none' || HMAC.test(alg);
}

/** Why `alg` is refused, or undefined when it is allowed. */
function refuseAlgorithm(alg: string, allowlist: readonly string[]): string | undefined {
  if (alg.toLowerCase() === 'none') {
    // An unsecured JWT (RFC 7519 §6) proves nothing; RFC 8725 §2.1 and §3.1 require refusing it.
    return 'the token is unsigned ("alg": "none"), and unsigned tokens are never accepted (RFC 8725 §3.1)';
  }
  if (HMAC.test(alg)) {
    // Key confusion: a verifier that lets the token pick HS256 would check the MAC with the issuer's *public*
    // key as the secret, which anyone can compute (https://www.rfc-editor.org/rfc/rfc8725#section-2.1).
    return (
      `HMAC ("alg": "${alg}") is refused for an issuer that publishes public keys: the secret would be the ` +
      'public key, which anyone can read, so the signature proves nothing (RFC 8725 §2.1)'
    );
  }
  if (!allowlist.includes(alg)) return `"alg": "${alg}" is not among the allowed algorithms (${allowlist.join(', ')})`;
  return undefined;
}

async function fetchKeys(getKeys: GetKeys, refresh: boolean): Promise<KeySetResult> {
  try {
    return await getKeys({ refresh });
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

function hasKid(jwks: KeySet, kid: string | undefined): boolean {
  return kid !== undefined && jwks.keys.some((key) => key.kid === kid);
}

/** One verification against one copy of the keys; `no-key` when no key fits the token's kid and alg. */
async function verifyWithKeys(
  token: string,
  keys: Extract<KeySetResult, { ok: true }>,
  algorithms: string[],
  ids: { alg: string; kid?: string },
): Promise<Attempt> {
  let resolve: ReturnType<typeof createLocalJWKSet>;
  try {
    resolve = createLocalJWKSet(keys.jwks as unknown as JSONWebKeySet);
  } catch {
    return { status: 'unverifiable', reason: `the key set from ${keys.source} is malformed` };
  }
  const verified: Verification = { status: 'verified', method: 'jwks', keySource: keys.source, ...ids };
  try {
    await compactVerify(token, resolve, { algorithms });
    return verified;
  } catch (error) {
    if (error instanceof errors.JWKSNoMatchingKey) return { status: 'no-key' };
    if (error instanceof errors.JWKSMultipleMatchingKeys) {
      // Several keys fit (no kid, or a reused kid): jose hands them over; the token is good if one verifies it.
      for await (const key of error as unknown as AsyncIterable<CryptoKey>) {
        try {
          await compactVerify(token, key, { algorithms });
          return verified;
        } catch {}
      }
      return {
        status: 'failed',
        class: 'bad-signature',
        reason: 'no key that fits the token verifies its signature',
        ...ids,
      };
    }
    return classifyError(error, ids);
  }
}

function classifyError(error: unknown, ids: { alg: string; kid?: string }): Verification {
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return {
      status: 'failed',
      class: 'bad-signature',
      reason: `the signature does not verify with the issuer's key${ids.kid ? ` "${ids.kid}"` : ''}`,
      ...ids,
    };
  }
  if (error instanceof errors.JWSInvalid) {
    return { status: 'failed', class: 'malformed', reason: `the token is not a valid JWS: ${error.message}`, ...ids };
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return { status: 'failed', class: 'bad-signature', reason: `"alg": "${ids.alg}" is not allowed`, ...ids };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { status: 'unverifiable', reason: `the signature could not be checked: ${message}` };
}

/** Belt and braces: strip any segment of the token from a reason (jose's messages never quote input). */
function redact(result: Verification, token: string): Verification {
  if (result.status === 'verified') return result;
  let reason = result.reason;
  for (const segment of token.split('.')) if (segment.length >= 8) reason = reason.split(segment).join('[redacted]');
  return { ...result, reason };
}

/**
 * Refuses to verify a JWT whose keys nothing in its configuration names: without an expected `issuer` or a `jwksUrl`,
 * the keys would be found through the token's own `iss`, so an attacker's token, signed with the attacker's key and
 * naming the attacker's issuer, would verify. RFC 8725 §3.8 ("Validate Issuer and Subject": the verifier "MUST
 * validate that the cryptographic keys used ... belong to the issuer", https://www.rfc-editor.org/rfc/rfc8725#section-3.8)
 * and OIDC Core §3.1.3.7 step 2 (the issuer the client knows "MUST exactly match" `iss`) both need the trusted issuer
 * to come from the verifier, not from the token. Undefined when the keys are pinned, or when the token is not a JWT
 * (an opaque token is verified only by the introspection endpoint its entry names).
 */
export function refuseUnpinned(
  decoded: DecodedToken,
  expect: Pick<TokenExpectations, 'issuer' | 'jwksUrl'>,
): Verification | undefined {
  if (decoded.kind !== 'jwt' || expect.issuer !== undefined || expect.jwksUrl !== undefined) return undefined;
  return {
    status: 'unverifiable',
    unpinned: true,
    reason:
      "no issuer or JWKS URL is configured for it, so its keys would come from the token's own iss, which proves only that whoever issued it signed it",
  };
}
