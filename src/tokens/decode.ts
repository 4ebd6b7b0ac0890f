/**
 * Reads a token without trusting it: the JOSE header and the claims of a JWT, or the fact that the token
 * is opaque, malformed or too large. Every outcome is a value; nothing here throws on bad input, so a
 * garbage token becomes a finding and never a crash. Nothing returned holds the token or its signature.
 */
import { base64url, decodeJwt, decodeProtectedHeader } from 'jose';

/**
 * The largest token decoded, in characters. GitHub's OIDC tokens are 1–2 KB and bearer tokens rarely pass
 * 4 KB. A token travels in an `Authorization` header, and Node's HTTP server refuses a request whose headers
 * exceed 16 KiB by default (`--max-http-header-size`, https://nodejs.org/api/cli.html#--max-http-header-sizesize),
 * as nginx does past 8 KiB a line, so a larger token would be refused before any check we could make. The cap
 * also bounds the work (base64 and JSON) done on input we do not trust.
 */
export const MAX_TOKEN_LENGTH = 16 * 1024;

/** A JWT's claims, as decoded and not yet trusted. */
export type Claims = Readonly<Record<string, unknown>>;

/** What a token turned out to be. */
export type DecodedToken =
  | {
      /** A JWS-compact JWT (RFC 7519 §7.2, RFC 7515 §7.1): readable header and claims. */
      readonly kind: 'jwt';
      readonly header: Readonly<Record<string, unknown>>;
      readonly claims: Claims;
      readonly alg: string;
      readonly kid?: string;
      /** False when the signature segment is empty, as with `alg: none`. */
      readonly signed: boolean;
      readonly length: number;
    }
  | {
      /** Not a JWT we can read: an opaque reference token, or an encrypted JWT (JWE, five segments). */
      readonly kind: 'opaque';
      readonly format: 'opaque' | 'jwe';
      readonly length: number;
    }
  | {
      /** Looks like a JWT (starts with a base64url JSON header) but cannot be read as one. */
      readonly kind: 'malformed';
      readonly reason: string;
      readonly length: number;
    }
  | { readonly kind: 'oversized'; readonly length: number; readonly limit: number };

const BASE64URL = /^[A-Za-z0-9_-]*$/;
const SEGMENT_NAMES = ['header', 'payload', 'signature'] as const;

/**
 * Decodes a token. Surrounding whitespace (a trailing newline from a file) is ignored. The size is checked
 * before anything is decoded.
 */
export function decodeToken(raw: string): DecodedToken {
  if (raw.length > MAX_TOKEN_LENGTH) return { kind: 'oversized', length: raw.length, limit: MAX_TOKEN_LENGTH };
  const token = raw.trim();
  const length = token.length;
  const malformed = (reason: string): DecodedToken => ({ kind: 'malformed', reason, length });
  if (length === 0) return malformed('the token is empty');
  if (/^bearer\s/i.test(token)) {
    return malformed("the value starts with 'Bearer '; give the token alone, without the Authorization scheme");
  }

  const segments = token.split('.');
  if (!looksLikeJwt(token, segments)) return { kind: 'opaque', format: 'opaque', length };
  if (segments.length === 5) return { kind: 'opaque', format: 'jwe', length };
  if (segments.length !== 3) {
    return malformed(
      `it has ${segments.length} dot-separated segment${segments.length === 1 ? '' : 's'}; a signed JWT has 3 ` +
        '(header.payload.signature), so it is probably truncated',
    );
  }
  const bad = segments.findIndex((segment) => !BASE64URL.test(segment));
  if (bad >= 0) return malformed(`its ${SEGMENT_NAMES[bad]} segment holds characters that are not base64url`);

  let header: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(token) as Record<string, unknown>;
  } catch {
    return malformed('its header is not base64url-encoded JSON');
  }
  let claims: Claims;
  try {
    claims = decodeJwt(token);
  } catch (error) {
    // jose's messages are fixed strings ("Failed to parse the decoded payload as JSON"); they never quote input.
    return malformed(`its payload cannot be read: ${error instanceof Error ? error.message : 'unknown error'}`);
  }
  const { alg, kid } = header;
  // "alg" is REQUIRED in a JWS header (https://www.rfc-editor.org/rfc/rfc7515#section-4.1.1).
  if (typeof alg !== 'string' || alg === '') return malformed('its header has no "alg" (RFC 7515 §4.1.1)');
  return {
    kind: 'jwt',
    header,
    claims,
    alg,
    ...(typeof kid === 'string' ? { kid } : {}),
    signed: segments[2] !== '',
    length,
  };
}

/**
 * A token "looks like a JWT" when its first segment is base64url JSON: every JOSE header starts with `{"`,
 * which base64url-encodes as `eyJ`. Opaque tokens (`ghp_…`, `ya29.…`) fail this and are not malformed.
 */
function looksLikeJwt(token: string, segments: readonly string[]): boolean {
  if (token.startsWith('eyJ')) return true;
  const [first] = segments;
  if (segments.length < 2 || !first || !BASE64URL.test(first)) return false;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(base64url.decode(first));
    return text.trimStart().startsWith('{');
  } catch {
    return false;
  }
}
