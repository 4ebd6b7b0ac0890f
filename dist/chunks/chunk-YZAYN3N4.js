import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  checkUrl,
  displayUrl,
  fetchJson,
  readToken,
  withoutCredentials
} from "./chunk-N5BDCOHV.js";
import {
  DEFAULT_CLOCK_SKEW_SECONDS,
  checkClaims,
  collectScopes,
  describeTime,
  formatEpoch,
  readAudience
} from "./chunk-JU6EXQS4.js";
import {
  GITHUB_OIDC_DOCS,
  classifyIssuer,
  explainSubject,
  explainSubjectMismatch,
  isAcceptableIssuerUrl,
  isGitHubToken,
  suggestSubjectFix
} from "./chunk-JGCAX3VW.js";
import {
  describeDuration
} from "./chunk-R6P6CNCD.js";
import {
  __export
} from "./chunk-PRBFNC5C.js";

// src/sources/jwks.ts
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function discoveryUrl(issuer) {
  return `${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`;
}
async function discover(issuer, deps) {
  const checked = checkUrl(issuer);
  if (!checked.ok)
    return {
      ok: false,
      reason: `issuer "${withoutCredentials(issuer)}" cannot be used for discovery: ${checked.reason}`
    };
  if (checked.url.search !== "" || checked.url.hash !== "") {
    return { ok: false, reason: `issuer "${issuer}" has a query or fragment, which an issuer identifier may not have` };
  }
  const url = discoveryUrl(issuer);
  const fetched = await fetchJson(url, deps);
  if (!fetched.ok)
    return { ok: false, reason: `could not fetch the OpenID configuration at ${url}: ${fetched.reason}` };
  const doc = fetched.json;
  if (!isObject(doc)) return { ok: false, reason: `the OpenID configuration at ${url} is not a JSON object` };
  if (doc.issuer !== issuer) {
    const named = typeof doc.issuer === "string" ? `"${doc.issuer}"` : "no issuer";
    return {
      ok: false,
      reason: `the OpenID configuration at ${url} names ${named}, not "${issuer}" (OpenID Connect Discovery 1.0 \xA74.3 requires them to be identical)`
    };
  }
  if (typeof doc.jwks_uri !== "string") {
    return { ok: false, reason: `the OpenID configuration at ${url} has no "jwks_uri"` };
  }
  const jwks = checkUrl(doc.jwks_uri);
  if (!jwks.ok) {
    return {
      ok: false,
      reason: `the OpenID configuration at ${url} names jwks_uri ${withoutCredentials(doc.jwks_uri)}: ${jwks.reason}`
    };
  }
  return { ok: true, value: doc.jwks_uri };
}
function toKeySet(json, url) {
  if (!isObject(json)) return { ok: false, reason: `the JWKS at ${url} is not a JSON object` };
  if (!Array.isArray(json.keys)) return { ok: false, reason: `the JWKS at ${url} has no "keys" array` };
  const keys = json.keys.filter((key) => isObject(key) && typeof key.kty === "string");
  if (keys.length === 0) {
    const why = json.keys.length === 0 ? 'its "keys" array is empty' : 'none of its keys has a "kty"';
    return { ok: false, reason: `the JWKS at ${url} has no usable key: ${why}` };
  }
  return { ok: true, value: { keys } };
}
function givenJwksUrl(url) {
  const checked = checkUrl(url);
  return checked.ok ? { ok: true, value: url } : { ok: false, reason: `JWKS URL ${withoutCredentials(url)} cannot be used: ${checked.reason}` };
}
async function fetchKeys(jwksUri, deps) {
  const uri = await jwksUri;
  if (!uri.ok) return uri;
  const fetched = await fetchJson(uri.value, deps);
  if (!fetched.ok) return { ok: false, reason: `could not fetch the JWKS at ${uri.value}: ${fetched.reason}` };
  const set = toKeySet(fetched.json, uri.value);
  return set.ok ? { ok: true, jwks: set.value, source: uri.value } : set;
}
function createKeyStore(options = {}) {
  const entries = /* @__PURE__ */ new Map();
  function entryFor(issuer, jwksUrl) {
    const key = `${issuer}\0${jwksUrl ?? ""}`;
    const existing = entries.get(key);
    if (existing) return existing;
    const jwksUri = jwksUrl === void 0 ? discover(issuer, options) : Promise.resolve(givenJwksUrl(jwksUrl));
    const entry = { jwksUri, keys: fetchKeys(jwksUri, options), refreshed: false };
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
    }
  };
}

// node_modules/jose/dist/webapi/lib/buffer_utils.js
var encoder = new TextEncoder();
var decoder = new TextDecoder();
var strictDecoder = new TextDecoder("utf-8", { fatal: true });
var UINT32_RANGE = 2 ** 32;
function concat(...buffers) {
  const size = buffers.reduce((acc, { length }) => acc + length, 0), buf = new Uint8Array(size);
  let i = 0;
  for (const buffer of buffers)
    buf.set(buffer, i), i += buffer.length;
  return buf;
}
var NON_ASCII = /[^\x00-\x7f]/;
function encode(string) {
  if (typeof string == "string" && string.length >= 128) {
    if (NON_ASCII.test(string))
      throw new TypeError("non-ASCII string encountered in encode()");
    return encoder.encode(string);
  }
  const bytes = new Uint8Array(string.length);
  for (let i = 0; i < string.length; i++) {
    const code = string.charCodeAt(i);
    if (code > 127)
      throw new TypeError("non-ASCII string encountered in encode()");
    bytes[i] = code;
  }
  return bytes;
}
function encodeBase64(input, url = false) {
  if (Uint8Array.prototype.toBase64)
    return input.toBase64({ alphabet: url ? "base64url" : "base64", omitPadding: url });
  const CHUNK_SIZE = 32768, arr = [];
  for (let i = 0; i < input.length; i += CHUNK_SIZE)
    arr.push(String.fromCharCode.apply(null, input.subarray(i, i + CHUNK_SIZE)));
  const encoded = btoa(arr.join(""));
  return url ? encoded.replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_") : encoded;
}
function decodeBase64(encoded, url = false) {
  if (Uint8Array.fromBase64)
    return Uint8Array.fromBase64(encoded, { alphabet: url ? "base64url" : "base64" });
  if (url) {
    if (encoded.includes("+") || encoded.includes("/"))
      throw new TypeError("Invalid base64url");
    encoded = encoded.replace(/-/g, "+").replace(/_/g, "/");
  }
  const binary = atob(encoded), bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++)
    bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// node_modules/jose/dist/webapi/util/errors.js
var errors_exports = {};
__export(errors_exports, {
  JOSEAlgNotAllowed: () => JOSEAlgNotAllowed,
  JOSEError: () => JOSEError,
  JOSENotSupported: () => JOSENotSupported,
  JWEDecryptionFailed: () => JWEDecryptionFailed,
  JWEInvalid: () => JWEInvalid,
  JWKInvalid: () => JWKInvalid,
  JWKSInvalid: () => JWKSInvalid,
  JWKSMultipleMatchingKeys: () => JWKSMultipleMatchingKeys,
  JWKSNoMatchingKey: () => JWKSNoMatchingKey,
  JWKSTimeout: () => JWKSTimeout,
  JWSInvalid: () => JWSInvalid,
  JWSSignatureVerificationFailed: () => JWSSignatureVerificationFailed,
  JWTClaimValidationFailed: () => JWTClaimValidationFailed,
  JWTExpired: () => JWTExpired,
  JWTInvalid: () => JWTInvalid
});
var JOSEError = class extends Error {
  static code = "ERR_JOSE_GENERIC";
  code = "ERR_JOSE_GENERIC";
  constructor(message2, options) {
    super(message2, options), this.name = this.constructor.name, Error.captureStackTrace?.(this, this.constructor);
  }
};
var JWTClaimValidationFailed = class extends JOSEError {
  static code = "ERR_JWT_CLAIM_VALIDATION_FAILED";
  code = "ERR_JWT_CLAIM_VALIDATION_FAILED";
  claim;
  reason;
  payload;
  constructor(message2, payload, claim = "unspecified", reason = "unspecified") {
    super(message2, { cause: { claim, reason, payload } }), this.claim = claim, this.reason = reason, this.payload = payload;
  }
};
var JWTExpired = class extends JOSEError {
  static code = "ERR_JWT_EXPIRED";
  code = "ERR_JWT_EXPIRED";
  claim;
  reason;
  payload;
  constructor(message2, payload, claim = "unspecified", reason = "unspecified") {
    super(message2, { cause: { claim, reason, payload } }), this.claim = claim, this.reason = reason, this.payload = payload;
  }
};
var JOSEAlgNotAllowed = class extends JOSEError {
  static code = "ERR_JOSE_ALG_NOT_ALLOWED";
  code = "ERR_JOSE_ALG_NOT_ALLOWED";
};
var JOSENotSupported = class extends JOSEError {
  static code = "ERR_JOSE_NOT_SUPPORTED";
  code = "ERR_JOSE_NOT_SUPPORTED";
};
var JWEDecryptionFailed = class extends JOSEError {
  static code = "ERR_JWE_DECRYPTION_FAILED";
  code = "ERR_JWE_DECRYPTION_FAILED";
  constructor(message2 = "decryption operation failed", options) {
    super(message2, options);
  }
};
var JWEInvalid = class extends JOSEError {
  static code = "ERR_JWE_INVALID";
  code = "ERR_JWE_INVALID";
};
var JWSInvalid = class extends JOSEError {
  static code = "ERR_JWS_INVALID";
  code = "ERR_JWS_INVALID";
};
var JWTInvalid = class extends JOSEError {
  static code = "ERR_JWT_INVALID";
  code = "ERR_JWT_INVALID";
};
var JWKInvalid = class extends JOSEError {
  static code = "ERR_JWK_INVALID";
  code = "ERR_JWK_INVALID";
};
var JWKSInvalid = class extends JOSEError {
  static code = "ERR_JWKS_INVALID";
  code = "ERR_JWKS_INVALID";
};
var JWKSNoMatchingKey = class extends JOSEError {
  static code = "ERR_JWKS_NO_MATCHING_KEY";
  code = "ERR_JWKS_NO_MATCHING_KEY";
  constructor(message2 = "no applicable key found in the JSON Web Key Set", options) {
    super(message2, options);
  }
};
var JWKSMultipleMatchingKeys = class extends JOSEError {
  [Symbol.asyncIterator] = async function* () {
  };
  static code = "ERR_JWKS_MULTIPLE_MATCHING_KEYS";
  code = "ERR_JWKS_MULTIPLE_MATCHING_KEYS";
  constructor(message2 = "multiple matching keys found in the JSON Web Key Set", options) {
    super(message2, options);
  }
};
var JWKSTimeout = class extends JOSEError {
  static code = "ERR_JWKS_TIMEOUT";
  code = "ERR_JWKS_TIMEOUT";
  constructor(message2 = "request timed out", options) {
    super(message2, options);
  }
};
var JWSSignatureVerificationFailed = class extends JOSEError {
  static code = "ERR_JWS_SIGNATURE_VERIFICATION_FAILED";
  code = "ERR_JWS_SIGNATURE_VERIFICATION_FAILED";
  constructor(message2 = "signature verification failed", options) {
    super(message2, options);
  }
};

// node_modules/jose/dist/webapi/util/base64url.js
var base64url_exports = {};
__export(base64url_exports, {
  decode: () => decode,
  encode: () => encode2
});
var invalid = "The input to be decoded is not correctly encoded.";
function decode(input) {
  try {
    return decodeBase64(typeof input == "string" ? input : decoder.decode(input), true);
  } catch (cause) {
    throw new TypeError(invalid, { cause });
  }
}
function encode2(input) {
  return encodeBase64(typeof input == "string" ? encoder.encode(input) : input, true);
}

// node_modules/jose/dist/webapi/lib/validate.js
function isObject2(input) {
  if (typeof input != "object" || input === null || Object.prototype.toString.call(input) !== "[object Object]")
    return false;
  const prototype = Object.getPrototypeOf(input);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}
function isJwkSet(input) {
  return isObject2(input) && Array.isArray(input.keys) && Array.from(input.keys).every(isObject2);
}
function isDisjoint(...headers) {
  const parameters = /* @__PURE__ */ new Set();
  for (const header of headers)
    if (header)
      for (const parameter of Object.keys(header)) {
        if (parameters.has(parameter))
          return false;
        parameters.add(parameter);
      }
  return true;
}
function decodeBase64url(value, label, ErrorClass) {
  try {
    return decode(value);
  } catch (cause) {
    throw new ErrorClass(`Failed to base64url decode the ${label}`, { cause });
  }
}
function encodeAsciiMember(value, label, ErrorClass) {
  try {
    return encode(value);
  } catch (cause) {
    throw new ErrorClass(`The ${label} is not a valid base64url string`, { cause });
  }
}
function parseJoseHeader(encodedProtectedHeader, ErrorClass, message2) {
  let parsed;
  try {
    parsed = JSON.parse(strictDecoder.decode(decode(encodedProtectedHeader)));
  } catch (cause) {
    throw new ErrorClass(message2, { cause });
  }
  if (!isObject2(parsed))
    throw new ErrorClass(message2);
  return parsed;
}
var JWS_RECOGNIZED = { __proto__: null, b64: true };
function validateAlgorithms(option, algorithms) {
  if (algorithms !== void 0 && (!Array.isArray(algorithms) || algorithms.some((s) => typeof s != "string")))
    throw new TypeError(`"${option}" option must be an array of strings`);
  return algorithms === void 0 ? void 0 : new Set(algorithms);
}
function validateCrit(Err, recognizedDefault, recognizedOption, protectedHeader, joseHeader) {
  if (joseHeader.crit !== void 0 && protectedHeader?.crit === void 0)
    throw new Err('"crit" (Critical) Header Parameter MUST be integrity protected');
  if (!protectedHeader || protectedHeader.crit === void 0)
    return [];
  if (!Array.isArray(protectedHeader.crit) || protectedHeader.crit.length === 0 || protectedHeader.crit.some((input) => typeof input != "string" || input.length === 0))
    throw new Err('"crit" (Critical) Header Parameter MUST be an array of non-empty strings when present');
  const recognized = recognizedOption === void 0 ? recognizedDefault : { __proto__: null, ...recognizedOption, ...recognizedDefault };
  for (const parameter of protectedHeader.crit) {
    if (!(parameter in recognized))
      throw new JOSENotSupported(`Extension Header Parameter "${parameter}" is not recognized`);
    if (!Object.hasOwn(joseHeader, parameter) || joseHeader[parameter] === void 0)
      throw new Err(`Extension Header Parameter "${parameter}" is missing`);
    if (recognized[parameter] && (!Object.hasOwn(protectedHeader, parameter) || protectedHeader[parameter] === void 0))
      throw new Err(`Extension Header Parameter "${parameter}" MUST be integrity protected`);
  }
  return protectedHeader.crit;
}
function validateB64(protectedHeader, extensions) {
  if (extensions.includes("b64")) {
    const b64 = protectedHeader.b64;
    if (typeof b64 != "boolean")
      throw new JWSInvalid('The "b64" (base64url-encode payload) Header Parameter must be a boolean');
    return b64;
  }
  return true;
}

// node_modules/jose/dist/webapi/lib/key.js
var tag = (key) => key[Symbol.toStringTag];
var jwkMatchesOp = (entry, key, usage) => {
  const { alg } = entry;
  if (key.use !== void 0) {
    const expected = usage === "sign" || usage === "verify" ? "sig" : "enc";
    if (key.use !== expected)
      throw new TypeError(`Invalid key for this operation, its "use" must be "${expected}" when present`);
  }
  if (key.kty === "AKP" && key.alg === void 0)
    throw new TypeError('missing "alg" (Algorithm) Parameter value');
  if (key.alg !== void 0 && key.alg !== alg)
    throw new TypeError(`Invalid key for this operation, its "alg" must be "${alg}" when present`);
  if (Array.isArray(key.key_ops)) {
    const expectedKeyOp = usage === "encrypt" || usage === "decrypt" ? entry.ops?.[usage === "encrypt" ? 0 : 1] : usage;
    if (expectedKeyOp && !key.key_ops.includes(expectedKeyOp))
      throw new TypeError(`Invalid key for this operation, its "key_ops" must include "${expectedKeyOp}" when present`);
  }
};
async function prepareKey(entry, key, usage) {
  const { alg, secret } = entry, requiresPrivateKey = usage === "decrypt" || usage === "sign";
  if (secret && key instanceof Uint8Array)
    return key;
  let normalized, keyObject;
  if (isObject2(key)) {
    if (normalized = normalizeJwk(key), typeof normalized.kty != "string")
      throw invalidKeyType(alg, key, secret);
    if (!(secret ? normalized.kty === "oct" && typeof normalized.k == "string" : normalized.kty !== "oct" && (requiresPrivateKey ? normalized.kty === "AKP" && typeof normalized.priv == "string" || typeof normalized.d == "string" : normalized.d === void 0 && normalized.priv === void 0)))
      throw new TypeError(secret ? 'JSON Web Key for symmetric algorithms must have JWK "kty" (Key Type) equal to "oct" and the JWK "k" (Key Value) present' : `JSON Web Key for this operation must be a ${requiresPrivateKey ? "private" : "public"} JWK`);
    if (jwkMatchesOp(entry, normalized, usage), normalized.kty === "oct")
      return decode(normalized.k);
    if (!Object.isFrozen(key)) {
      const { key_ops } = key;
      Array.isArray(key_ops) && Object.freeze(key_ops), Object.freeze(key);
    }
  } else {
    if (!isKeyLike(key))
      throw invalidKeyType(alg, key, secret);
    const expectedType = secret ? "secret" : requiresPrivateKey ? "private" : "public";
    if (key.type !== expectedType && (secret || ["secret", "public", "private"].includes(key.type)))
      throw new TypeError(`${tag(key)} instances must be of type "${expectedType}" for the ${alg} algorithm`);
    if (isCryptoKey(key))
      return key;
    if (keyObject = key, keyObject.type === "secret")
      return keyObject.export();
  }
  cache ||= /* @__PURE__ */ new WeakMap();
  const cacheKey = key;
  let cached = cache.get(cacheKey);
  if (cached?.[alg])
    return cached[alg];
  if (cached || cache.set(cacheKey, cached = {}), keyObject && typeof keyObject.toCryptoKey == "function") {
    const isPublic = keyObject.type === "public", crv = nist[keyObject.asymmetricKeyDetails?.namedCurve], params = entry.resolve?.({ crv, asymmetricKeyType: keyObject.asymmetricKeyType }) ?? entry.subtle;
    return cached[alg] = keyObject.toCryptoKey(params, isPublic, entry.usages[isPublic ? 0 : 1]);
  }
  return normalized ??= keyObject.export({ format: "jwk" }), normalized.alg = alg, cached[alg] = await jwkToKey(entry, normalized);
}
var cache;
var nist = {
  __proto__: null,
  prime256v1: "P-256",
  secp384r1: "P-384",
  secp521r1: "P-521"
};
var isCryptoKey = (key) => {
  if (key?.[Symbol.toStringTag] === "CryptoKey")
    return true;
  try {
    return key instanceof CryptoKey;
  } catch {
    return false;
  }
};
var isKeyObject = (key) => key?.[Symbol.toStringTag] === "KeyObject";
var isKeyLike = (key) => isCryptoKey(key) || isKeyObject(key);
function message(msg, actual, ...types) {
  if (types.length > 2) {
    const last = types.pop();
    msg += `one of type ${types.join(", ")}, or ${last}.`;
  } else types.length === 2 ? msg += `one of type ${types[0]} or ${types[1]}.` : msg += `of type ${types[0]}.`;
  return actual == null ? msg += ` Received ${actual}` : typeof actual == "function" && actual.name ? msg += ` Received function ${actual.name}` : typeof actual == "object" && actual != null && actual.constructor?.name && (msg += ` Received an instance of ${actual.constructor.name}`), msg;
}
function invalidKeyType(alg, actual, secret) {
  const types = ["CryptoKey", "KeyObject", "JSON Web Key"];
  return secret && types.push("Uint8Array"), new TypeError(message(`Key for the ${alg} algorithm must be `, actual, ...types));
}
var unusable = (name, prop = "algorithm.name") => new TypeError(`CryptoKey does not support this operation, its ${prop} must be ${name}`);
function checkUsage(key, usage) {
  if (usage && !key.usages.includes(usage))
    throw new TypeError(`CryptoKey does not support this operation, its usages must include ${usage}.`);
}
function checkModulusLength(alg, key) {
  const { modulusLength } = key.algorithm;
  if (typeof modulusLength != "number" || modulusLength < 2048)
    throw new TypeError(`${alg} requires key modulusLength to be 2048 bits or larger`);
}
function checkCryptoKey(key, expected, usage) {
  const algorithm = key.algorithm;
  if (algorithm.name !== expected.name)
    throw unusable(expected.name);
  if (expected.hash && algorithm.hash?.name !== expected.hash)
    throw unusable(expected.hash, "algorithm.hash");
  if (expected.namedCurve && algorithm.namedCurve !== expected.namedCurve)
    throw unusable(expected.namedCurve, "algorithm.namedCurve");
  if (expected.length !== void 0 && algorithm.length !== expected.length)
    throw unusable(expected.length, "algorithm.length");
  checkUsage(key, usage);
}
function snapshotJwk(jwk) {
  return { __proto__: null, ...jwk };
}
function normalizeJwk(jwk) {
  const normalized = snapshotJwk(jwk);
  if (normalized.ext !== void 0 && typeof normalized.ext != "boolean")
    throw new TypeError('"ext" (Extractable) Parameter must be a boolean');
  if (normalized.key_ops !== void 0) {
    const value = normalized.key_ops, keyOps = Array.isArray(value) ? [...value] : void 0;
    if (!keyOps || keyOps.some((operation) => typeof operation != "string") || new Set(keyOps).size !== keyOps.length)
      throw new TypeError('"key_ops" (Key Operations) Parameter must be an array of unique strings');
    normalized.key_ops = keyOps;
  }
  return normalized;
}
async function jwkToKey(entry, jwk, extractable) {
  if (!entry.kty.includes(jwk.kty))
    throw new JOSENotSupported('Invalid or unsupported JWK "alg" (Algorithm) Parameter value');
  const algorithm = entry.resolve?.({ kty: jwk.kty, crv: jwk.crv }) ?? entry.subtle, isPrivate = !!(jwk.d || jwk.priv), keyData = { ...jwk, ext: extractable ?? jwk.ext };
  return keyData.kty !== "AKP" && delete keyData.alg, delete keyData.use, crypto.subtle.importKey("jwk", keyData, algorithm, keyData.ext ?? !isPrivate, jwk.key_ops ?? entry.usages[isPrivate ? 1 : 0]);
}
async function rawKey(key, expected, usage, extractable = false) {
  return key instanceof Uint8Array && (key = await crypto.subtle.importKey("raw", key, expected, extractable, [usage])), checkCryptoKey(key, expected, usage), key;
}

// node_modules/jose/dist/webapi/lib/key_descriptor.js
function table(entries) {
  const out = { __proto__: null };
  for (const alg in entries)
    out[alg] = { ...entries[alg], alg };
  return out;
}

// node_modules/jose/dist/webapi/lib/jws_algorithms.js
var sig = [["verify"], ["sign"]];
function hmac(bits) {
  const subtle = { name: "HMAC", hash: `SHA-${bits}` };
  return { kty: ["oct"], secret: true, subtle, signing: subtle, usages: sig };
}
function rsa(bits, saltLength) {
  const subtle = { name: saltLength ? "RSA-PSS" : "RSASSA-PKCS1-v1_5", hash: `SHA-${bits}` };
  return {
    kty: ["RSA"],
    subtle,
    signing: saltLength ? { ...subtle, saltLength } : subtle,
    usages: sig,
    minRsaBits: 2048
  };
}
function ecdsa(crv, bits) {
  return {
    kty: ["EC"],
    crv,
    subtle: { name: "ECDSA", namedCurve: crv },
    signing: { name: "ECDSA", hash: `SHA-${bits}` },
    usages: sig
  };
}
function eddsa() {
  const subtle = { name: "Ed25519" };
  return {
    kty: ["OKP"],
    crv: "Ed25519",
    subtle,
    signing: subtle,
    usages: sig
  };
}
function mldsa(parameterSet) {
  const subtle = { name: `ML-DSA-${parameterSet}` };
  return {
    kty: ["AKP"],
    subtle,
    signing: subtle,
    usages: sig
  };
}
var JWS = table({
  HS256: hmac(256),
  HS384: hmac(384),
  HS512: hmac(512),
  RS256: rsa(256),
  RS384: rsa(384),
  RS512: rsa(512),
  PS256: rsa(256, 32),
  PS384: rsa(384, 48),
  PS512: rsa(512, 64),
  ES256: ecdsa("P-256", 256),
  ES384: ecdsa("P-384", 384),
  ES512: ecdsa("P-521", 512),
  EdDSA: eddsa(),
  Ed25519: eddsa(),
  "ML-DSA-44": mldsa(44),
  "ML-DSA-65": mldsa(65),
  "ML-DSA-87": mldsa(87)
});
function jwsAlgorithm(alg) {
  const entry = typeof alg == "string" ? JWS[alg] : void 0;
  if (!entry)
    throw new JOSENotSupported(`alg ${alg} is not supported either by JOSE or your javascript runtime`);
  return entry;
}

// node_modules/jose/dist/webapi/lib/jws_verify.js
function prepareVerify(options) {
  return [options && validateAlgorithms("algorithms", options.algorithms), options?.crit];
}
function parseProtectedHeader(encodedProtectedHeader) {
  return encodedProtectedHeader === void 0 ? {} : parseJoseHeader(encodedProtectedHeader, JWSInvalid, "JWS Protected Header is invalid");
}
function encodeCompactUnencodedPayload(payload) {
  try {
    return encode(payload);
  } catch (cause) {
    throw new JWSInvalid("JWS Compact Serialization payload must use only ASCII characters", {
      cause
    });
  }
}
async function verifySignature(jws, shared, key, encodeUnencodedPayload, parsedProtected) {
  const { protected: encodedProtectedHeader, header, payload: inputPayload } = jws, protectedHeader = parsedProtected ?? parseProtectedHeader(encodedProtectedHeader);
  if (!isDisjoint(protectedHeader, header))
    throw new JWSInvalid("JWS Protected and JWS Unprotected Header Parameter names must be disjoint");
  const joseHeader = { ...protectedHeader, ...header }, b64 = validateB64(protectedHeader, validateCrit(JWSInvalid, JWS_RECOGNIZED, shared[1], protectedHeader, joseHeader)), { alg } = joseHeader;
  if (typeof alg != "string" || !alg)
    throw new JWSInvalid('JWS "alg" (Algorithm) Header Parameter missing or invalid');
  if (shared[0] && !shared[0].has(alg))
    throw new JOSEAlgNotAllowed('"alg" (Algorithm) Header Parameter value not allowed');
  if (b64) {
    if (typeof inputPayload != "string")
      throw new JWSInvalid("JWS Payload must be a string");
  } else if (typeof inputPayload != "string" && !(inputPayload instanceof Uint8Array))
    throw new JWSInvalid("JWS Payload must be a string or an Uint8Array instance");
  const signingPayload = b64 || typeof inputPayload != "string" ? inputPayload : encodeUnencodedPayload(inputPayload);
  let resolvedKey = false;
  typeof key == "function" && (key = await key(protectedHeader, jws), resolvedKey = true);
  const entry = jwsAlgorithm(alg), signingInput = concat(encodedProtectedHeader !== void 0 ? encode(encodedProtectedHeader) : new Uint8Array(), encode("."), typeof signingPayload == "string" ? shared[2] ??= encodeAsciiMember(signingPayload, "payload", JWSInvalid) : signingPayload), signature = decodeBase64url(jws.signature, "signature", JWSInvalid), verificationKey = await prepareKey(entry, key, "verify"), cryptoKey = await rawKey(verificationKey, entry.subtle, "verify");
  entry.minRsaBits && checkModulusLength(entry.alg, cryptoKey);
  let verified = false;
  try {
    verified = await crypto.subtle.verify(entry.signing, cryptoKey, signature, signingInput);
  } catch (cause) {
    throw new JWSSignatureVerificationFailed(void 0, { cause });
  }
  if (!verified)
    throw new JWSSignatureVerificationFailed();
  const result = { payload: typeof signingPayload == "string" ? decodeBase64url(signingPayload, "payload", JWSInvalid) : signingPayload };
  return encodedProtectedHeader !== void 0 && (result.protectedHeader = protectedHeader), header !== void 0 && (result.unprotectedHeader = header), resolvedKey ? [{ ...result, key: verificationKey }, b64] : [result, b64];
}
async function verifyCompact(jws, shared, key) {
  if (jws instanceof Uint8Array && (jws = decoder.decode(jws)), typeof jws != "string")
    throw new JWSInvalid("Compact JWS must be a string or Uint8Array");
  const { 0: protectedHeader, 1: payload, 2: signature, length } = jws.split(".");
  if (length !== 3)
    throw new JWSInvalid("Invalid Compact JWS");
  return verifySignature({ payload, protected: protectedHeader, signature }, shared, key, encodeCompactUnencodedPayload);
}

// node_modules/jose/dist/webapi/jws/compact/verify.js
async function compactVerify(jws, key, options) {
  const [result] = await verifyCompact(jws, prepareVerify(options), key);
  return result;
}

// node_modules/jose/dist/webapi/jwks/local.js
function isUsableJWK(jwk, entry, alg, kid) {
  const { kty, key_ops: keyOps, ext, kid: jwkKid, alg: jwkAlg, use, crv } = jwk;
  return (ext === void 0 || typeof ext == "boolean") && (keyOps === void 0 || Array.isArray(keyOps) && keyOps.every((operation, index) => typeof operation == "string" && keyOps.indexOf(operation) === index) && keyOps.includes("verify")) && entry.kty.includes(kty) && (kid === void 0 || typeof kid == "string" && kid === jwkKid) && (jwkAlg === void 0 ? kty !== "AKP" : alg === jwkAlg) && (use === void 0 || use === "sig") && (!entry.crv || crv === entry.crv);
}
async function importWithAlgCache(cache2, jwk, entry) {
  const cached = cache2.get(jwk) || cache2.set(jwk, {}).get(jwk), { alg } = entry;
  if (cached[alg] === void 0) {
    const pending = jwkToKey(entry, jwk, true).then((key) => {
      if (key.type !== "public")
        throw new JWKSInvalid("JSON Web Key Set members must be public keys");
      return cached[alg] = key, key;
    }).catch((error) => {
      throw cached[alg] === pending && delete cached[alg], error;
    });
    cached[alg] = pending;
  }
  return cached[alg];
}
function createLocalJWKSet(jwks) {
  let snapshot;
  try {
    snapshot = structuredClone(jwks);
  } catch (cause) {
    throw new JWKSInvalid("JSON Web Key Set malformed", { cause });
  }
  if (!isJwkSet(snapshot))
    throw new JWKSInvalid("JSON Web Key Set malformed");
  const metadata = snapshot.keys.map((jwk) => {
    const normalized = snapshotJwk(jwk);
    return Array.isArray(normalized.key_ops) && (normalized.key_ops = [...normalized.key_ops]), normalized;
  }), cached = /* @__PURE__ */ new WeakMap();
  return Object.defineProperty(async (protectedHeader, token) => {
    const { alg, kid } = { ...protectedHeader, ...token?.header }, entry = typeof alg == "string" ? JWS[alg] : void 0;
    if (!entry || entry.secret)
      throw new JOSENotSupported('Unsupported "alg" value for a JSON Web Key Set');
    const candidates = snapshot.keys.filter((_, index) => isUsableJWK(metadata[index], entry, alg, kid)), { 0: jwk, length } = candidates;
    if (!length)
      throw new JWKSNoMatchingKey();
    if (length !== 1) {
      const error = new JWKSMultipleMatchingKeys();
      throw error[Symbol.asyncIterator] = async function* () {
        for (const jwk2 of candidates)
          try {
            yield await importWithAlgCache(cached, jwk2, entry);
          } catch {
          }
      }, error;
    }
    return importWithAlgCache(cached, jwk, entry);
  }, "jwks", {
    value: () => structuredClone(snapshot)
  });
}

// node_modules/jose/dist/webapi/util/decode_protected_header.js
function decodeProtectedHeader(token) {
  let encodedProtectedHeader;
  if (typeof token == "string") {
    const parts = token.split(".");
    (parts.length === 3 || parts.length === 5) && ([encodedProtectedHeader] = parts);
  } else if (typeof token == "object" && token)
    if ("protected" in token)
      encodedProtectedHeader = token.protected;
    else
      throw new TypeError("Token does not contain a Protected Header");
  const invalid2 = "Invalid Token or Protected Header formatting";
  if (typeof encodedProtectedHeader != "string" || !encodedProtectedHeader)
    throw new TypeError(invalid2);
  return parseJoseHeader(encodedProtectedHeader, TypeError, invalid2);
}

// node_modules/jose/dist/webapi/util/decode_jwt.js
function decodeJwt(jwt) {
  if (typeof jwt != "string")
    throw new JWTInvalid("JWTs must use Compact JWS serialization, JWT must be a string");
  const { 1: encodedPayload, length } = jwt.split(".");
  if (length === 5)
    throw new JWTInvalid("Only JWTs using Compact JWS serialization can be decoded");
  if (length !== 3)
    throw new JWTInvalid("Invalid JWT");
  if (!encodedPayload)
    throw new JWTInvalid("JWTs must contain a payload");
  let claimsSetBytes;
  try {
    claimsSetBytes = decode(encodedPayload);
  } catch (cause) {
    throw new JWTInvalid("Failed to base64url decode the payload", { cause });
  }
  let claimsSet;
  try {
    claimsSet = JSON.parse(strictDecoder.decode(claimsSetBytes));
  } catch (cause) {
    throw new JWTInvalid("Failed to parse the decoded payload as JSON", { cause });
  }
  if (!isObject2(claimsSet))
    throw new JWTInvalid("Invalid JWT Claims Set");
  return claimsSet;
}

// src/tokens/decode.ts
var MAX_TOKEN_LENGTH = 16 * 1024;
var BASE64URL = /^[A-Za-z0-9_-]*$/;
var SEGMENT_NAMES = ["header", "payload", "signature"];
function decodeToken(raw) {
  if (raw.length > MAX_TOKEN_LENGTH) return { kind: "oversized", length: raw.length, limit: MAX_TOKEN_LENGTH };
  const token = raw.trim();
  const length = token.length;
  const malformed = (reason) => ({ kind: "malformed", reason, length });
  if (length === 0) return malformed("the token is empty");
  if (/^bearer\s/i.test(token)) {
    return malformed("the value starts with 'Bearer '; give the token alone, without the Authorization scheme");
  }
  const segments = token.split(".");
  if (!looksLikeJwt(token, segments)) return { kind: "opaque", format: "opaque", length };
  if (segments.length === 5) return { kind: "opaque", format: "jwe", length };
  if (segments.length !== 3) {
    return malformed(
      `it has ${segments.length} dot-separated segment${segments.length === 1 ? "" : "s"}; a signed JWT has 3 (header.payload.signature), so it is probably truncated`
    );
  }
  const bad = segments.findIndex((segment) => !BASE64URL.test(segment));
  if (bad >= 0) return malformed(`its ${SEGMENT_NAMES[bad]} segment holds characters that are not base64url`);
  let header;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    return malformed("its header is not base64url-encoded JSON");
  }
  let claims;
  try {
    claims = decodeJwt(token);
  } catch (error) {
    return malformed(`its payload cannot be read: ${error instanceof Error ? error.message : "unknown error"}`);
  }
  const { alg, kid } = header;
  if (typeof alg !== "string" || alg === "") return malformed('its header has no "alg" (RFC 7515 \xA74.1.1)');
  return {
    kind: "jwt",
    header,
    claims,
    alg,
    ...typeof kid === "string" ? { kid } : {},
    signed: segments[2] !== "",
    length
  };
}
function looksLikeJwt(token, segments) {
  if (token.startsWith("eyJ")) return true;
  const [first] = segments;
  if (segments.length < 2 || !first || !BASE64URL.test(first)) return false;
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(base64url_exports.decode(first));
    return text.trimStart().startsWith("{");
  } catch {
    return false;
  }
}

// src/tokens/verify.ts
var DEFAULT_ALGORITHMS = [
  "RS256",
  "RS384",
  "RS512",
  "PS256",
  "PS384",
  "PS512",
  "ES256",
  "ES384",
  "ES512",
  "EdDSA"
];
var HMAC = /^HS\d+$/i;
async function verifyJwt(raw, getKeys, options = {}) {
  const token = raw.trim();
  return redact(await verifyDecoded(token, getKeys, options), token);
}
async function verifyDecoded(token, getKeys, options) {
  const decoded = decodeToken(token);
  if (decoded.kind === "opaque") {
    return {
      status: "unverifiable",
      reason: decoded.format === "jwe" ? "the token is an encrypted JWT (JWE); its signature cannot be checked without the decryption key" : "the token is opaque (not a JWT), so it has no signature to check; configure token introspection (RFC 7662)"
    };
  }
  if (decoded.kind === "oversized") {
    return {
      status: "failed",
      class: "malformed",
      reason: `the token is ${decoded.length} characters, over the ${decoded.limit} limit`
    };
  }
  if (decoded.kind === "malformed") return { status: "failed", class: "malformed", reason: decoded.reason };
  const { alg, kid } = decoded;
  const ids = { alg, ...kid === void 0 ? {} : { kid } };
  const refused = refuseAlgorithm(alg, options.algorithms ?? DEFAULT_ALGORITHMS);
  if (refused) return { status: "failed", class: "bad-signature", reason: refused, ...ids };
  const allowed = [alg];
  let keys = await fetchKeys2(getKeys, false);
  if (!keys.ok) return { status: "unverifiable", reason: `the issuer's keys could not be had: ${keys.reason}` };
  let attempt = await verifyWithKeys(token, keys, allowed, ids);
  if (attempt.status === "no-key" && !hasKid(keys.jwks, kid)) {
    keys = await fetchKeys2(getKeys, true);
    if (!keys.ok) return { status: "unverifiable", reason: `the issuer's keys could not be refetched: ${keys.reason}` };
    attempt = await verifyWithKeys(token, keys, allowed, ids);
  }
  if (attempt.status !== "no-key") return attempt;
  const known = keys.jwks.keys.map((k) => typeof k.kid === "string" ? k.kid : "(no kid)");
  if (kid !== void 0 && hasKid(keys.jwks, kid)) {
    return {
      status: "failed",
      class: "bad-signature",
      reason: `the issuer's key "${kid}" cannot verify ${alg} signatures (wrong key type or use)`,
      ...ids
    };
  }
  const which = kid === void 0 ? `no kid, and no key fits ${alg}` : `kid "${kid}", which is not among the issuer's keys`;
  return {
    status: "failed",
    class: "unknown-key",
    reason: `the token names ${which} (${known.join(", ") || "none"}), even after refetching them`,
    ...ids
  };
}
function isUnsafeAlgorithm(alg) {
  return alg.toLowerCase() === "none" || HMAC.test(alg);
}
function refuseAlgorithm(alg, allowlist) {
  if (alg.toLowerCase() === "none") {
    return 'the token is unsigned ("alg": "none"), and unsigned tokens are never accepted (RFC 8725 \xA73.1)';
  }
  if (HMAC.test(alg)) {
    return `HMAC ("alg": "${alg}") is refused for an issuer that publishes public keys: the secret would be the public key, which anyone can read, so the signature proves nothing (RFC 8725 \xA72.1)`;
  }
  if (!allowlist.includes(alg)) return `"alg": "${alg}" is not among the allowed algorithms (${allowlist.join(", ")})`;
  return void 0;
}
async function fetchKeys2(getKeys, refresh) {
  try {
    return await getKeys({ refresh });
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
function hasKid(jwks, kid) {
  return kid !== void 0 && jwks.keys.some((key) => key.kid === kid);
}
async function verifyWithKeys(token, keys, algorithms, ids) {
  let resolve;
  try {
    resolve = createLocalJWKSet(keys.jwks);
  } catch {
    return { status: "unverifiable", reason: `the key set from ${keys.source} is malformed` };
  }
  const verified = { status: "verified", method: "jwks", keySource: keys.source, ...ids };
  try {
    await compactVerify(token, resolve, { algorithms });
    return verified;
  } catch (error) {
    if (error instanceof errors_exports.JWKSNoMatchingKey) return { status: "no-key" };
    if (error instanceof errors_exports.JWKSMultipleMatchingKeys) {
      for await (const key of error) {
        try {
          await compactVerify(token, key, { algorithms });
          return verified;
        } catch {
        }
      }
      return {
        status: "failed",
        class: "bad-signature",
        reason: "no key that fits the token verifies its signature",
        ...ids
      };
    }
    return classifyError(error, ids);
  }
}
function classifyError(error, ids) {
  if (error instanceof errors_exports.JWSSignatureVerificationFailed) {
    return {
      status: "failed",
      class: "bad-signature",
      reason: `the signature does not verify with the issuer's key${ids.kid ? ` "${ids.kid}"` : ""}`,
      ...ids
    };
  }
  if (error instanceof errors_exports.JWSInvalid) {
    return { status: "failed", class: "malformed", reason: `the token is not a valid JWS: ${error.message}`, ...ids };
  }
  if (error instanceof errors_exports.JOSEAlgNotAllowed) {
    return { status: "failed", class: "bad-signature", reason: `"alg": "${ids.alg}" is not allowed`, ...ids };
  }
  const message2 = error instanceof Error ? error.message : String(error);
  return { status: "unverifiable", reason: `the signature could not be checked: ${message2}` };
}
function redact(result, token) {
  if (result.status === "verified") return result;
  let reason = result.reason;
  for (const segment of token.split(".")) if (segment.length >= 8) reason = reason.split(segment).join("[redacted]");
  return { ...result, reason };
}

// src/checks/token-explain.ts
var RFC8725 = "https://www.rfc-editor.org/rfc/rfc8725#section-3.1";
var RFC7519_TIMES = "https://www.rfc-editor.org/rfc/rfc7519#section-4.1.4";
var RFC7662 = "https://www.rfc-editor.org/rfc/rfc7662#section-2.2";
var AWS_STRING_OPERATORS = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String";
function verificationFailure(v) {
  const evidence = { ...v.alg ? { alg: v.alg } : {}, ...v.kid ? { kid: v.kid } : {} };
  const decisionPoint = v.class === "malformed" ? "token" : "identity-provider";
  const forged = v.alg !== void 0 && isUnsafeAlgorithm(v.alg);
  const fixes = {
    "bad-signature": forged ? "Use a token signed by the issuer with its private key (RS256, ES256, \u2026); unsigned and HMAC tokens are never accepted from an issuer with public keys." : "Make sure the token comes from the configured issuer and was not altered in transit; compare the token's iss with the issuer whose keys were used.",
    "unknown-key": "Check that the key set (discovery or jwksUrl) belongs to the token's issuer; a kid the issuer never publishes means another issuer, or a test key, signed it.",
    malformed: "Pass the whole token exactly as issued; it was changed or cut short on the way.",
    "wrong-issuer": "Point the check at the issuer named in the token's iss, or get the token from the expected issuer.",
    inactive: "Get a fresh token: the issuer says this one is revoked, expired or unknown."
  };
  const cause = v.class === "wrong-issuer" ? "changed-trust-or-network-rule" : v.class === "malformed" || forged ? void 0 : "expired-or-rotated-credential";
  return {
    decisionPoint,
    class: v.class,
    message: `The token is refused: ${v.reason}.`,
    evidence,
    fix: fixes[v.class],
    ...cause ? { cause } : {},
    docUrl: v.class === "inactive" ? RFC7662 : RFC8725
  };
}
function claimEvidence(claims, now) {
  const evidence = { now: formatEpoch(now) };
  for (const key of ["iss", "sub", "azp", "client_id"])
    if (typeof claims[key] === "string") evidence[key] = claims[key];
  if (claims.aud !== void 0) evidence.aud = readAudience(claims);
  for (const key of ["exp", "nbf", "iat"]) {
    const value = claims[key];
    if (typeof value !== "number") continue;
    evidence[key] = value;
    evidence[`${key}At`] = `${formatEpoch(value)} (${describeTime(value - now)})`;
  }
  return evidence;
}
function explainProblem(problem, claims, base, spec) {
  const trust = "changed-trust-or-network-rule";
  switch (problem.class) {
    case "malformed":
      return {
        decisionPoint: "token",
        class: "malformed",
        suffix: problem.claim,
        message: `The token is malformed: ${problem.reason}.`,
        evidence: base,
        fix: "The issuer produced a non-standard token; times must be NumericDate values (RFC 7519 \xA72).",
        docUrl: "https://www.rfc-editor.org/rfc/rfc7519#section-2"
      };
    case "wrong-issuer": {
      const issuer = problem.actual ? classifyIssuer(problem.actual) : void 0;
      const note = issuer?.form === "enterprise" ? ` GitHub issues tokens from the enterprise's own URL (\u2026/${issuer.slug}) once include_enterprise_slug is on, so the identity provider must be registered for that URL.` : "";
      return {
        decisionPoint: "token",
        class: "wrong-issuer",
        message: `The token's issuer is \`${problem.actual ?? "(none)"}\`, but \`${problem.expected}\` is expected${problem.hint ? ` (${problem.hint})` : ""}.${note}`,
        evidence: { ...base, expectedIssuer: problem.expected },
        fix: problem.actual ? `Expect \`${problem.actual}\` if that issuer is trusted (and register it with the service that checks the token), or get the token from \`${problem.expected}\`.` : "Use a token that names its issuer.",
        cause: trust,
        docUrl: issuer && issuer.form !== "other" ? GITHUB_OIDC_DOCS.enterpriseIssuer : "https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation"
      };
    }
    case "wrong-audience": {
      const wanted = problem.expected[0] ?? "";
      const how = spec.source.kind === "github-oidc" ? `Request the token with audience \`${wanted}\` (core.getIDToken('${wanted}'), or the audience input of the login action)` : `Request the token for audience \`${wanted}\``;
      return {
        decisionPoint: "token",
        class: "wrong-audience",
        message: `The token's audience is ${list(problem.actual)}, which names none of the expected ${list(problem.expected)}${problem.hint ? ` (${problem.hint})` : ""}.`,
        evidence: { ...base, expectedAudience: problem.expected },
        fix: `${how}, or add the token's audience to the accepted ones if that service should trust it.`,
        cause: trust,
        docUrl: "https://www.rfc-editor.org/rfc/rfc7519#section-4.1.3"
      };
    }
    case "expired":
      return {
        decisionPoint: "token",
        class: "expired",
        message: `The token expired ${describeTime(problem.exp - problem.now)} (exp ${formatEpoch(problem.exp)}), beyond the ${problem.skew}-second clock skew allowed.`,
        evidence: { ...base, clockSkewSeconds: problem.skew },
        fix: "Fetch a fresh token right before it is used, in the step that uses it; short-lived tokens fetched early in a job expire before the call.",
        cause: "expired-or-rotated-credential",
        docUrl: RFC7519_TIMES
      };
    case "expires-too-soon":
      return {
        decisionPoint: "token",
        class: "expires-too-soon",
        message: `The token expires ${describeTime(problem.exp - problem.now)} (exp ${formatEpoch(problem.exp)}), sooner than the ${describeDuration(problem.minimum)} it must stay valid; a token that expires mid-job ends in a 401.`,
        evidence: { ...base, minLifetimeSeconds: problem.minimum, remainingSeconds: problem.exp - problem.now },
        fix: "Fetch the token closer to where it is used (or exchange it at once for a longer session), or lower minLifetime if the job is that short.",
        cause: "expired-or-rotated-credential",
        docUrl: RFC7519_TIMES
      };
    case "not-yet-valid": {
      const what = problem.claim === "nbf" ? "is not valid until" : "claims to be issued at";
      return {
        decisionPoint: "token",
        class: "not-yet-valid",
        suffix: problem.claim,
        message: `The token ${what} ${formatEpoch(problem.at)} (${problem.claim}, ${describeTime(problem.at - problem.now)}), beyond the ${problem.skew}-second clock skew allowed.`,
        evidence: { ...base, clockSkewSeconds: problem.skew },
        fix: "Check this machine's clock (NTP) and the issuer's; raise clockSkewSeconds only if the issuer's clock is known to run ahead.",
        docUrl: "https://www.rfc-editor.org/rfc/rfc7519#section-4.1.5"
      };
    }
    case "missing-scope": {
      const near = problem.nearMatch ? ` It has \`${problem.nearMatch}\`, which differs only in case; scopes are case-sensitive.` : "";
      return {
        decisionPoint: "token",
        class: "missing-scope",
        suffix: problem.scope,
        message: `The token lacks the scope \`${problem.scope}\`; it grants ${problem.granted.length ? problem.granted.map((s) => `\`${s}\``).join(" ") : "no scopes"} (read from ${problem.sources.join(", ") || "no scope claim"}).${near}`,
        evidence: {
          ...base,
          requiredScope: problem.scope,
          grantedScopes: problem.granted,
          scopeClaims: problem.sources
        },
        fix: `Grant \`${problem.scope}\` to the client or app that requests the token, include it in the token request, then fetch a new token.`,
        cause: "changed-entitlement",
        docUrl: "https://www.rfc-editor.org/rfc/rfc6749#section-3.3"
      };
    }
    case "claim-mismatch":
    case "claim-case-mismatch":
      return explainClaimMismatch(problem, claims, base);
  }
}
function explainClaimMismatch(problem, claims, base) {
  const { claim, pattern, actual } = problem;
  const evidence = { ...base, claim, expectedPattern: pattern, ...actual === void 0 ? {} : { actual } };
  const common = {
    decisionPoint: "token",
    class: problem.class,
    suffix: claim,
    evidence,
    cause: "changed-trust-or-network-rule"
  };
  if (problem.class === "claim-case-mismatch") {
    return {
      ...common,
      message: `The claim \`${claim}\` is \`${actual}\`, which matches the expected pattern \`${pattern}\` only when case is ignored; AWS compares case-sensitively, so it would be refused.`,
      fix: `Write the pattern with the token's exact case${/[*?]/.test(pattern) ? "" : `: \`${actual}\``}.`,
      docUrl: AWS_STRING_OPERATORS
    };
  }
  if (claim === "sub" && isGitHubToken(claims)) {
    const immutable = explainSubject(claims)?.parsed.immutable;
    return {
      ...common,
      message: explainSubjectMismatch(claims, pattern),
      fix: suggestSubjectFix(claims, pattern),
      docUrl: immutable ? GITHUB_OIDC_DOCS.immutable : GITHUB_OIDC_DOCS.subject
    };
  }
  const message2 = actual === void 0 ? `The token has no \`${claim}\` claim, so the expected pattern \`${pattern}\` cannot match.` : `The claim \`${claim}\` is \`${actual}\`, which does not match the expected pattern \`${pattern}\`.`;
  return {
    ...common,
    message: message2,
    fix: `Change the expected pattern for \`${claim}\` if this token should be trusted, or change how the token is requested so that it carries a matching \`${claim}\`.`,
    docUrl: AWS_STRING_OPERATORS
  };
}
function summarisePass(claims, expect, v, base, now) {
  const checked = [];
  if (expect.issuer) checked.push("issuer");
  if (expect.audience) checked.push("audience");
  checked.push(`times (\xB1${expect.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS}s)`);
  if (expect.minLifetimeSeconds !== void 0)
    checked.push(`lifetime \u2265 ${describeDuration(expect.minLifetimeSeconds)}`);
  if (expect.requiredScopes?.length) checked.push(`scopes ${expect.requiredScopes.join(" ")}`);
  for (const claim of Object.keys(expect.claims ?? {})) checked.push(`${claim} pattern`);
  const verified = v?.status === "verified" ? v : void 0;
  const how = verified?.method === "introspection" ? `Introspected at ${verified.keySource}` : `Verified ${verified?.alg ?? ""} signature${verified?.kid ? ` (key "${verified.kid}")` : ""} with keys from ${verified?.keySource}`;
  const exp = typeof claims.exp === "number" ? `; expires ${describeTime(claims.exp - now)}` : "; it has no exp";
  const subject = isGitHubToken(claims) ? explainSubject(claims) : void 0;
  const evidence = {
    ...base,
    checked,
    scopes: collectScopes(claims).scopes,
    ...verified?.alg ? { alg: verified.alg } : {},
    ...verified?.kid ? { kid: verified.kid } : {},
    ...verified ? { keySource: verified.keySource } : {},
    ...subject ? { subForm: subject.parsed.form, subBecause: subject.because } : {}
  };
  return {
    status: "pass",
    decisionPoint: "token",
    class: "ok",
    message: `${how}; checked ${checked.join(", ")}${exp}.`,
    evidence
  };
}
var list = (items) => items.length ? items.map((i) => `\`${i}\``).join(", ") : "(none)";

// src/checks/id-token.ts
var PULL_REQUEST_TARGET_DOCS = "https://docs.github.com/en/actions/reference/security/securely-using-pull_request_target";
function missingIdTokenPermission(context = {}) {
  const missing = context.missing ?? ["ACTIONS_ID_TOKEN_REQUEST_URL", "ACTIONS_ID_TOKEN_REQUEST_TOKEN"];
  const job = context.jobId ?? "deploy";
  const fork = context.isForkPullRequest === true;
  const event = context.eventName ? ` (event \`${context.eventName}\`)` : "";
  const message2 = fork ? `This run is a pull request from a fork${event}, and GitHub never gives such runs an OIDC token, whatever the workflow's permissions say: it lowers their write permissions to read, and \`id-token\` has no read level. Every OIDC login in this job would fail before reaching the cloud.` : `The job cannot request a GitHub OIDC token: ${missing.join(" and ")} ${missing.length === 1 ? "is" : "are"} not set${event}. GitHub sets them only for jobs granted \`permissions: id-token: write\`, so every OIDC login in this job (configure-aws-credentials, azure/login, google-github-actions/auth) would fail before reaching the cloud.`;
  const yaml = [
    "jobs:",
    `  ${job}:`,
    "    permissions:",
    "      id-token: write # lets the job request a GitHub OIDC token",
    "      contents: read  # actions/checkout needs this"
  ].join("\n");
  const fix = fork ? `Do not deploy from fork pull requests, and do not switch to \`pull_request_target\` to get a token: it runs with the base repository's secrets and a write token, and building the fork's code there hands both to the fork's author (${PULL_REQUEST_TARGET_DOCS}). Run the deploy on push to the default branch after merge, or in a job that references an environment with required reviewers, and skip this step on fork pull requests with \`if: github.event.pull_request.head.repo.full_name == github.repository\`.` : `Add a permissions block to the job (or to the whole workflow):

${yaml}

Setting any permission sets every permission you do not list to none, so also list the others this job uses (for example \`pull-requests: write\`). A reusable workflow from another organization needs \`id-token: write\` granted by the caller too.`;
  return {
    id: `runner:${context.tokenName ?? "github-oidc"}:missing-id-token-permission`,
    subject: "GitHub OIDC token",
    decisionPoint: "runner",
    class: "missing-id-token-permission",
    status: "fail",
    message: message2,
    evidence: {
      missingVariables: missing,
      ...context.eventName ? { eventName: context.eventName } : {},
      ...context.isForkPullRequest === void 0 ? {} : { forkPullRequest: context.isForkPullRequest }
    },
    fix,
    cause: "changed-entitlement",
    wouldReturn: 401,
    docUrl: GITHUB_OIDC_DOCS.permissions
  };
}

// src/checks/token.ts
function checkToken(input) {
  const { spec, decoded, verification, now } = input;
  const make = (draft) => {
    const { suffix, status, ...rest } = draft;
    const fail = status !== "pass";
    return {
      id: `token:${spec.name}:${draft.class}${suffix ? `:${suffix}` : ""}`,
      subject: spec.source.kind === "github-oidc" ? `GitHub OIDC token "${spec.name}"` : `token "${spec.name}"`,
      status: status ?? "fail",
      ...fail ? { wouldReturn: draft.class === "missing-scope" ? 403 : 401 } : {},
      ...rest
    };
  };
  const expect = effectiveExpectations(spec);
  if (decoded.kind === "oversized") {
    return [
      make({
        decisionPoint: "token",
        class: "oversized",
        message: `The token is ${decoded.length} characters, over the ${decoded.limit}-character limit, so it was not decoded.`,
        evidence: { length: decoded.length, limit: decoded.limit },
        fix: "Make sure the variable or file holds one token and nothing else (not a whole response body or a key); servers refuse headers this large anyway."
      })
    ];
  }
  if (decoded.kind === "malformed") {
    return [
      make({
        decisionPoint: "token",
        class: "malformed",
        message: `The token is malformed: ${decoded.reason}.`,
        evidence: { length: decoded.length },
        fix: "Pass the whole token on one line, with no quotes, prefix or line breaks; a token cut short usually comes from a truncated variable, file or log copy.",
        docUrl: "https://www.rfc-editor.org/rfc/rfc7519#section-7.2"
      })
    ];
  }
  const findings = [];
  let claims = decoded.kind === "jwt" ? decoded.claims : void 0;
  if (verification?.status === "verified" && verification.method === "introspection") {
    claims = verification.introspected ?? {};
    if (claims.active !== true) {
      const reason = 'the introspection endpoint did not answer "active": true';
      return [make(verificationFailure({ status: "failed", class: "inactive", reason }))];
    }
  }
  if (verification === void 0 || verification.status === "unverifiable") {
    const opaque = decoded.kind === "opaque";
    const reason = verification?.reason ?? (opaque ? "it is opaque and no introspection endpoint is configured" : "its signature was not checked");
    if (opaque && spec.expect.allowUnverifiable) {
      return [
        make({
          status: "pass",
          decisionPoint: "token",
          class: "unverifiable-allowed",
          message: `The token was NOT verified (${reason}); it is accepted only because allowUnverifiable is set, so its issuer, audience, lifetime and scopes are unknown.`,
          evidence: { format: decoded.format, length: decoded.length, allowUnverifiable: true },
          fix: "Configure token introspection (RFC 7662) so the token can be checked.",
          docUrl: RFC7662
        })
      ];
    }
    findings.push(
      make({
        status: "unverified",
        decisionPoint: "identity-provider",
        class: "unverifiable",
        message: `The token could not be verified: ${reason}. It is treated as refused (fail closed).`,
        evidence: { format: decoded.kind === "jwt" ? "jwt" : decoded.format },
        fix: opaque ? "Configure token introspection (RFC 7662) for this token, or set allowUnverifiable to accept it unverified." : "Let this runner reach the issuer's discovery document and JWKS (check proxies and firewalls), or name the key set directly with jwksUrl.",
        ...opaque ? {} : { cause: "changed-trust-or-network-rule" }
      })
    );
    if (opaque) return findings;
  } else if (verification.status === "failed") {
    findings.push(make(verificationFailure(verification)));
  }
  if (!claims) return findings;
  const base = claimEvidence(claims, now);
  for (const problem of checkClaims(claims, expect, now))
    findings.push(make(explainProblem(problem, claims, base, spec)));
  if (findings.length > 0) return findings;
  return [make(summarisePass(claims, expect, verification, base, now))];
}
function effectiveExpectations(spec) {
  if (spec.source.kind !== "github-oidc" || spec.expect.audience !== void 0) return spec.expect;
  return { ...spec.expect, audience: [spec.source.audience] };
}

// src/sources/github-oidc.ts
var ID_TOKEN_REQUEST_URL = "ACTIONS_ID_TOKEN_REQUEST_URL";
var ID_TOKEN_REQUEST_TOKEN = "ACTIONS_ID_TOKEN_REQUEST_TOKEN";
var MAX_ANSWER_BYTES = 64 * 1024;
function withAudience(url, audience) {
  if (audience === "") return url;
  return `${url}${url.includes("?") ? "&" : "?"}audience=${encodeURIComponent(audience)}`;
}
function describeFailure(reason, status) {
  if (status === 401 || status === 403) {
    return `${reason}: the endpoint refused ${ID_TOKEN_REQUEST_TOKEN}, which the runner issues for the running job only`;
  }
  return reason;
}
async function requestGitHubIdToken(audience, env, deps) {
  const url = env[ID_TOKEN_REQUEST_URL];
  const requestToken = env[ID_TOKEN_REQUEST_TOKEN];
  const missing = [ID_TOKEN_REQUEST_URL, ID_TOKEN_REQUEST_TOKEN].filter((name) => !env[name]);
  if (!url || !requestToken) {
    return {
      ok: false,
      reason: "missing-id-token-permission",
      detail: `${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} not set: the runner sets them only for jobs with permissions: id-token: write, and never for pull requests from forks.`
    };
  }
  deps.mask(requestToken);
  const where = `the Actions ID token endpoint (${displayUrl(url)})`;
  const fetched = await fetchJson(withAudience(url, audience), {
    ...deps,
    maxBytes: deps.maxBytes ?? MAX_ANSWER_BYTES,
    headers: { authorization: `Bearer ${requestToken}` }
  });
  if (!fetched.ok) {
    return {
      ok: false,
      reason: "request-failed",
      detail: `${where}: ${describeFailure(fetched.reason, fetched.status)}`
    };
  }
  const value = fetched.json?.value;
  if (typeof value !== "string" || value.trim() === "") {
    return { ok: false, reason: "request-failed", detail: `${where} answered without a "value" holding a token` };
  }
  deps.mask(value);
  return { ok: true, token: value };
}

// src/sources/introspection.ts
var MAX_ANSWER_BYTES2 = 64 * 1024;
function basicAuthorization(clientId, clientSecret) {
  const encode3 = (value) => new URLSearchParams({ v: value }).toString().slice(2);
  return `Basic ${Buffer.from(`${encode3(clientId)}:${encode3(clientSecret)}`).toString("base64")}`;
}
function clientCredentials(config, env) {
  const { clientIdEnv, clientSecretEnv } = config;
  if (clientIdEnv === void 0 && clientSecretEnv === void 0) return { ok: true };
  if (clientIdEnv === void 0 || clientSecretEnv === void 0) {
    return { ok: false, reason: "introspection client authentication needs both clientIdEnv and clientSecretEnv" };
  }
  const unset = [clientIdEnv, clientSecretEnv].filter((name) => !env[name]);
  if (unset.length > 0) {
    return { ok: false, reason: `introspection client credentials: ${unset.join(" and ")} not set or empty` };
  }
  return { ok: true, authorization: basicAuthorization(env[clientIdEnv] ?? "", env[clientSecretEnv] ?? "") };
}
function explainStatus(status) {
  if (status === 401 || status === 403) return " (the endpoint refused the client credentials)";
  if (status === 400) return " (the endpoint refused the request as malformed)";
  return "";
}
async function introspectToken(token, config, env, deps = {}) {
  const endpoint = checkUrl(config.url);
  if (!endpoint.ok) {
    return {
      status: "unverifiable",
      reason: `introspection endpoint ${withoutCredentials(config.url)} cannot be used: ${endpoint.reason}`
    };
  }
  const where = `the introspection endpoint ${displayUrl(config.url)}`;
  const credentials = clientCredentials(config, env);
  if (!credentials.ok) return { status: "unverifiable", reason: credentials.reason };
  const fetched = await fetchJson(config.url, {
    ...deps,
    maxBytes: deps.maxBytes ?? MAX_ANSWER_BYTES2,
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...credentials.authorization ? { authorization: credentials.authorization } : {}
    },
    body: new URLSearchParams({ token, token_type_hint: "access_token" }).toString()
  });
  if (!fetched.ok) {
    return {
      status: "unverifiable",
      reason: `${where} could not answer: ${fetched.reason}${explainStatus(fetched.status)}`
    };
  }
  const answer = fetched.json;
  if (typeof answer !== "object" || answer === null || Array.isArray(answer)) {
    return { status: "unverifiable", reason: `${where} answered with something other than a JSON object` };
  }
  const { active } = answer;
  if (typeof active !== "boolean") {
    return { status: "unverifiable", reason: `${where} answered without a boolean "active" (RFC 7662 \xA72.2)` };
  }
  if (!active) {
    return {
      status: "failed",
      class: "inactive",
      reason: `${where} says the token is not active: it is revoked, expired, or unknown to that server`
    };
  }
  const claims = Object.fromEntries(Object.entries(answer).filter(([, value]) => value !== token));
  return { status: "verified", method: "introspection", keySource: displayUrl(config.url), introspected: claims };
}

// src/pipeline/tokens.ts
function sourceProblem(spec, reason) {
  return {
    id: `token:${spec.name}:missing-token`,
    subject: `token "${spec.name}"`,
    decisionPoint: "runner",
    class: "missing-token",
    status: "fail",
    message: `The token could not be read: ${reason}.`,
    evidence: {
      source: spec.source.kind === "env" ? `env ${spec.source.name}` : `file ${"path" in spec.source ? spec.source.path : ""}`
    },
    fix: spec.source.kind === "env" ? `Pass the secret to this step, e.g. \`env: { ${spec.source.name}: \${{ secrets.${spec.source.name} }} }\`, and check that the secret exists for this repository and environment (forks never receive secrets).` : "Write the token to that file in an earlier step, or fix the path.",
    cause: "expired-or-rotated-credential",
    wouldReturn: 401
  };
}
function requestFailed(spec, detail) {
  return {
    id: `token:${spec.name}:unverifiable`,
    subject: `GitHub OIDC token "${spec.name}"`,
    decisionPoint: "identity-provider",
    class: "unverifiable",
    status: "unverified",
    message: `GitHub's token endpoint did not issue a token: ${detail}. Nothing could be verified (fail closed).`,
    evidence: { audience: spec.source.kind === "github-oidc" ? spec.source.audience : "" },
    fix: "Re-run the job; if it persists, check https://www.githubstatus.com and any proxy between the runner and GitHub.",
    cause: "changed-trust-or-network-rule"
  };
}
async function verifyToken(raw, decoded, spec, deps) {
  const http = {
    ...deps.fetch ? { fetch: deps.fetch } : {},
    ...deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}
  };
  if (decoded.kind === "opaque") {
    return spec.expect.introspection ? introspectToken(raw, spec.expect.introspection, deps.env, http) : void 0;
  }
  if (decoded.kind !== "jwt") return void 0;
  const claimed = typeof decoded.claims.iss === "string" ? decoded.claims.iss : void 0;
  const issuer = spec.expect.issuer ?? claimed;
  if (!spec.expect.jwksUrl && (!issuer || !isAcceptableIssuerUrl(issuer))) {
    return {
      status: "unverifiable",
      reason: issuer ? `the issuer ${issuer} is not an https URL, so its keys cannot be discovered` : "the token has no iss claim and no issuer or jwksUrl is configured"
    };
  }
  const getKeys = deps.keyStore.keysFor(issuer ?? "", spec.expect.jwksUrl ? { jwksUrl: spec.expect.jwksUrl } : {});
  return verifyJwt(raw, getKeys, spec.expect.algorithms ? { algorithms: spec.expect.algorithms } : {});
}
async function checkOneToken(spec, deps) {
  let raw;
  if (spec.source.kind === "github-oidc" && deps.githubIdToken) {
    const got = await deps.githubIdToken(spec);
    if (!got.ok) return { spec, findings: [got.finding] };
    raw = got.token;
    deps.mask(raw);
  } else if (spec.source.kind === "github-oidc") {
    const got = await requestGitHubIdToken(spec.source.audience, deps.env, {
      mask: deps.mask,
      ...deps.fetch ? { fetch: deps.fetch } : {},
      ...deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}
    });
    if (!got.ok) {
      const missing = ["ACTIONS_ID_TOKEN_REQUEST_URL", "ACTIONS_ID_TOKEN_REQUEST_TOKEN"].filter((v) => !deps.env[v]);
      const finding = got.reason === "missing-id-token-permission" ? missingIdTokenPermission({ ...deps.runner, missing, tokenName: spec.name }) : requestFailed(spec, got.detail);
      return { spec, findings: [finding] };
    }
    raw = got.token;
  } else {
    const got = await readToken(spec.source, deps.env);
    if (!got.ok) return { spec, findings: [sourceProblem(spec, got.reason)] };
    raw = got.token;
    deps.mask(raw);
  }
  deps.keep?.(spec, raw);
  const decoded = decodeToken(raw);
  const verification = await verifyToken(raw, decoded, spec, deps);
  const findings = checkToken({ spec, decoded, ...verification ? { verification } : {}, now: deps.now() });
  return { spec, findings, decoded, ...verification ? { verification } : {} };
}
function checkTokens(specs, deps) {
  return Promise.all(specs.map((spec) => checkOneToken(spec, deps)));
}

export {
  createKeyStore,
  decodeToken,
  checkToken,
  verifyToken,
  checkTokens
};
