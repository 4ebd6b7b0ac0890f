/**
 * An issuer's signing keys, found through OpenID Connect Discovery or at a JWKS URL named directly, fetched at
 * most once per issuer per run (plus one refetch when a token names a `kid` the cached set lacks: issuers rotate
 * keys), and handed to the pure verifier as a {@link GetKeys}. The cache lives in the store, not in the module, so
 * each run (and each test) starts empty.
 */
import type { GetKeys, KeySet, KeySetResult } from '../tokens/types.js';
import { checkUrl, fetchJson, type HttpDeps, redactUrl } from './http.js';

/** The shared HTTP options of every fetch the store makes. */
export type KeyStoreOptions = HttpDeps;

/** Gives each issuer's keys, from a cache that lasts as long as the store. */
export interface KeyStore {
  /**
   * The keys of `issuer`, found through `${issuer}/.well-known/openid-configuration`, or at `jwksUrl` when it is
   * given (then no discovery is made). Calls for the same issuer and URL share one cache entry and one fetch.
   */
  keysFor(issuer: string, options?: { readonly jwksUrl?: string }): GetKeys;
}

type Step<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

interface Entry {
  /** Where the key set is: from discovery (fetched once) or as given. */
  readonly jwksUri: Promise<Step<string>>;
  keys: Promise<KeySetResult>;
  refreshed: boolean;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * OpenID Connect Discovery 1.0 §4: the configuration lives at the issuer plus `/.well-known/openid-configuration`,
 * with any terminating `/` of the issuer removed first (so an issuer with a path, like GitHub Enterprise Server's
 * `https://HOST/_services/token`, keeps it). https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfig
 */
function discoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
}

async function discover(issuer: string, deps: HttpDeps): Promise<Step<string>> {
  // An issuer identifier is an https URL with no query or fragment (OpenID Connect Core 1.0 §2, `iss`);
  // http is allowed on loopback only, for the tests' issuers.
  const checked = checkUrl(issuer);
  if (!checked.ok)
    return {
      ok: false,
      reason: `issuer "${redactUrl(issuer)}" cannot be used for discovery: ${checked.reason}`,
    };
  if (checked.url.search !== '' || checked.url.hash !== '') {
    return {
      ok: false,
      reason: `issuer "${redactUrl(issuer)}" has a query or fragment, which an issuer identifier may not have`,
    };
  }
  const url = discoveryUrl(issuer);
  const fetched = await fetchJson(url, deps);
  if (!fetched.ok)
    return { ok: false, reason: `could not fetch the OpenID configuration at ${redactUrl(url)}: ${fetched.reason}` };
  const doc = fetched.json;
  if (!isObject(doc))
    return { ok: false, reason: `the OpenID configuration at ${redactUrl(url)} is not a JSON object` };
  // §4.3: "The issuer value returned MUST be identical to the Issuer URL that was used as the prefix to
  // /.well-known/openid-configuration". A mismatch means a misconfigured provider or a look-alike one, and a token
  // from it would be refused by any relying party that follows the spec (AWS among them).
  // https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfigurationValidation
  if (doc.issuer !== issuer) {
    const named = typeof doc.issuer === 'string' ? `"${doc.issuer}"` : 'no issuer';
    return {
      ok: false,
      reason: `the OpenID configuration at ${redactUrl(url)} names ${named}, not "${redactUrl(issuer)}" (OpenID Connect Discovery 1.0 §4.3 requires them to be identical)`,
    };
  }
  if (typeof doc.jwks_uri !== 'string') {
    return { ok: false, reason: `the OpenID configuration at ${redactUrl(url)} has no "jwks_uri"` };
  }
  const jwks = checkUrl(doc.jwks_uri);
  if (!jwks.ok) {
    return {
      ok: false,
      reason: `the OpenID configuration at ${redactUrl(url)} names jwks_uri ${redactUrl(doc.jwks_uri)}: ${jwks.reason}`,
    };
  }
  return { ok: true, value: doc.jwks_uri };
}

/**
 * RFC 7517 §5: a JWK Set is an object whose `keys` member is an array of JWKs, and §4.1: every JWK has a `kty`.
 * Members that are not objects with a string `kty` are left out, as §5 tells implementations to ignore keys they
 * do not understand; a set left with no key at all cannot verify anything and is refused with the reason.
 * https://www.rfc-editor.org/rfc/rfc7517#section-5
 */
function toKeySet(json: unknown, url: string): Step<KeySet> {
  if (!isObject(json)) return { ok: false, reason: `the JWKS at ${redactUrl(url)} is not a JSON object` };
  if (!Array.isArray(json.keys)) return { ok: false, reason: `the JWKS at ${redactUrl(url)} has no "keys" array` };
  const keys = json.keys.filter((key): key is Record<string, unknown> => isObject(key) && typeof key.kty === 'string');
  if (keys.length === 0) {
    const why = json.keys.length === 0 ? 'its "keys" array is empty' : 'none of its keys has a "kty"';
    return { ok: false, reason: `the JWKS at ${redactUrl(url)} has no usable key: ${why}` };
  }
  return { ok: true, value: { keys } };
}

function givenJwksUrl(url: string): Step<string> {
  const checked = checkUrl(url);
  return checked.ok
    ? { ok: true, value: url }
    : { ok: false, reason: `JWKS URL ${redactUrl(url)} cannot be used: ${checked.reason}` };
}

async function fetchKeys(jwksUri: Promise<Step<string>>, deps: HttpDeps): Promise<KeySetResult> {
  const uri = await jwksUri;
  if (!uri.ok) return uri;
  const fetched = await fetchJson(uri.value, deps);
  if (!fetched.ok)
    return { ok: false, reason: `could not fetch the JWKS at ${redactUrl(uri.value)}: ${fetched.reason}` };
  const set = toKeySet(fetched.json, redactUrl(uri.value));
  return set.ok ? { ok: true, jwks: set.value, source: redactUrl(uri.value) } : set;
}

/**
 * Creates an empty key store. Discovery is made at most once per issuer, the key set fetched at most twice: once,
 * and once more on the first `refresh: true` (a token signed with a key the cached set lacks; issuers publish a
 * new key before they sign with it, so one refetch finds it, and more would let a stream of bogus `kid`s turn
 * into a stream of requests). Concurrent callers share the fetch in flight.
 */
export function createKeyStore(options: KeyStoreOptions = {}): KeyStore {
  const entries = new Map<string, Entry>();

  function entryFor(issuer: string, jwksUrl: string | undefined): Entry {
    const key = `${issuer}\u0000${jwksUrl ?? ''}`;
    const existing = entries.get(key);
    if (existing) return existing;
    const jwksUri = jwksUrl === undefined ? discover(issuer, options) : Promise.resolve(givenJwksUrl(jwksUrl));
    const entry: Entry = { jwksUri, keys: fetchKeys(jwksUri, options), refreshed: false };
    entries.set(key, entry);
    return entry;
  }

  return {
    keysFor(issuer, keyOptions) {
      return async ({ refresh }) => {
        const entry = entryFor(issuer, keyOptions?.jwksUrl);
        if (refresh && !entry.refreshed) {
          entry.refreshed = true;
          entry.keys = fetchKeys(entry.jwksUri, options);
        }
        return entry.keys;
      };
    },
  };
}
