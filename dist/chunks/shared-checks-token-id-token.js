import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  compactVerify,
  createLocalJWKSet,
  decodeToken,
  errors_exports
} from "./shared-jose-webapi-buffer_utils.js";
import {
  finding
} from "./shared-model-finding-classes.js";
import {
  GITHUB_OIDC_DOCS
} from "./shared-tokens-github.js";

// src/checks/token/id-token.ts
var PULL_REQUEST_TARGET_DOCS = "https://docs.github.com/en/actions/reference/security/securely-using-pull_request_target";
var FORK_PERMISSIONS_DOCS = "https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#permissions";
function missingIdTokenPermission(context = {}) {
  return context.isForkPullRequest === true ? forkPullRequest(context) : noPermission(context);
}
var evidenceOf = (context, missing) => ({
  missingVariables: missing,
  ...context.eventName ? { eventName: context.eventName } : {},
  ...context.isForkPullRequest === void 0 ? {} : { forkPullRequest: context.isForkPullRequest }
});
var MISSING = ["ACTIONS_ID_TOKEN_REQUEST_URL", "ACTIONS_ID_TOKEN_REQUEST_TOKEN"];
function forkPullRequest(context) {
  const missing = context.missing ?? MISSING;
  const event = context.eventName ? ` (event \`${context.eventName}\`)` : "";
  return finding("fork-pull-request", {
    id: `runner:${context.tokenName ?? "github-oidc"}:fork-pull-request`,
    subject: "GitHub OIDC token",
    message: `This run is a pull request from a fork${event}, and GitHub never gives such runs an OIDC token, whatever the workflow's permissions say: it lowers their write permissions to read, and \`id-token\` has no read level (${FORK_PERMISSIONS_DOCS}). Granting \`id-token: write\` does not change that; every OIDC login in this job would fail before reaching the cloud.`,
    evidence: evidenceOf(context, missing),
    fix: `On \`pull_request\`, run the preflight without the token (\`github-oidc: false\`, and \`mode: report\`, since the role's trust cannot be evaluated without a token and is reported unverified): the configuration and the policies in \`policy-files\` are still checked offline, and the token and the trust are checked by the push or environment-gated run that deploys. Skip the deploy itself on fork pull requests with \`if: github.event.pull_request.head.repo.full_name == github.repository\`. \`pull_request_target\` does get a token, because it runs in the base repository's context: use it only for a job that never checks out or runs the fork's code, since that job also holds the base repository's secrets and a write GITHUB_TOKEN, and building the fork's code there hands them to the fork's author (${PULL_REQUEST_TARGET_DOCS}).`,
    wouldReturn: 401,
    docUrl: GITHUB_OIDC_DOCS.permissions
  });
}
function noPermission(context) {
  const missing = context.missing ?? MISSING;
  const job = context.jobId ?? "deploy";
  const event = context.eventName ? ` (event \`${context.eventName}\`)` : "";
  const message = `The job cannot request a GitHub OIDC token: ${missing.join(" and ")} ${missing.length === 1 ? "is" : "are"} not set${event}. GitHub sets them only for jobs granted \`permissions: id-token: write\`, so every OIDC login in this job (configure-aws-credentials, azure/login, google-github-actions/auth) would fail before reaching the cloud.`;
  const fix = `Add \`permissions: { id-token: write, contents: read }\` to the job \`${job}\` (or to the whole workflow): \`id-token: write\` lets the job request a GitHub OIDC token, and actions/checkout needs \`contents: read\`. Setting any permission sets every permission you do not list to none, so also list the others this job uses (for example \`pull-requests: write\`). A reusable workflow from another organization needs \`id-token: write\` granted by the caller too.`;
  return finding("missing-id-token-permission", {
    id: `runner:${context.tokenName ?? "github-oidc"}:missing-id-token-permission`,
    subject: "GitHub OIDC token",
    message,
    evidence: evidenceOf(context, missing),
    fix,
    wouldReturn: 401,
    docUrl: GITHUB_OIDC_DOCS.permissions
  });
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
  let keys = await fetchKeys(getKeys, false);
  if (!keys.ok) return { status: "unverifiable", reason: `the issuer's keys could not be had: ${keys.reason}` };
  let attempt = await verifyWithKeys(token, keys, allowed, ids);
  if (attempt.status === "no-key" && !hasKid(keys.jwks, kid)) {
    keys = await fetchKeys(getKeys, true);
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
async function fetchKeys(getKeys, refresh) {
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
  const message = error instanceof Error ? error.message : String(error);
  return { status: "unverifiable", reason: `the signature could not be checked: ${message}` };
}
function redact(result, token) {
  if (result.status === "verified") return result;
  let reason = result.reason;
  for (const segment of token.split(".")) if (segment.length >= 8) reason = reason.split(segment).join("[redacted]");
  return { ...result, reason };
}
function refuseUnpinned(decoded, expect) {
  if (decoded.kind !== "jwt" || expect.issuer !== void 0 || expect.jwksUrl !== void 0) return void 0;
  return {
    status: "unverifiable",
    unpinned: true,
    reason: "no issuer or JWKS URL is configured for it, so its keys would come from the token's own iss, which proves only that whoever issued it signed it"
  };
}

export {
  verifyJwt,
  isUnsafeAlgorithm,
  refuseUnpinned,
  missingIdTokenPermission
};
