import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);

// src/sources/aws-errors.ts
import { setTimeout as delay } from "node:timers/promises";
var THROTTLING = /* @__PURE__ */ new Set([
  "Throttling",
  "ThrottlingException",
  "ThrottledException",
  "RequestThrottledException",
  "TooManyRequestsException",
  "RequestLimitExceeded",
  "RequestThrottled",
  "SlowDown"
]);
var SERVER = /* @__PURE__ */ new Set([
  "InternalFailure",
  "InternalError",
  "ServiceUnavailable",
  "ServiceFailure",
  "IDPCommunicationError"
]);
var TIMEOUT = /* @__PURE__ */ new Set(["TimeoutError", "RequestTimeout", "RequestTimeoutException", "ETIMEDOUT"]);
var NETWORK_TRANSIENT = /* @__PURE__ */ new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ECONNABORTED",
  "EPIPE",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH"
]);
var CLOCK_SKEW = /* @__PURE__ */ new Set(["RequestTimeTooSkewed", "RequestExpired", "RequestInTheFuture"]);
var ACCESS_DENIED = /* @__PURE__ */ new Set(["AccessDenied", "AccessDeniedException", "UnauthorizedOperation"]);
var BAD_CREDENTIALS = /* @__PURE__ */ new Set([
  "InvalidClientTokenId",
  "SignatureDoesNotMatch",
  "IncompleteSignature",
  "ExpiredToken",
  "MissingAuthenticationToken"
]);
var CODE_OF_NAME = {
  NoSuchEntityException: "NoSuchEntity",
  InvalidIdentityTokenException: "InvalidIdentityToken",
  IDPRejectedClaimException: "IDPRejectedClaim",
  IDPCommunicationErrorException: "IDPCommunicationError",
  PackedPolicyTooLargeException: "PackedPolicyTooLarge",
  MalformedPolicyDocumentException: "MalformedPolicyDocument",
  ServiceFailureException: "ServiceFailure",
  InvalidInputException: "InvalidInput"
};
var asString = (value) => typeof value === "string" && value !== "" ? value : void 0;
function kindOf(code, status, message) {
  if (THROTTLING.has(code) || status === 429) return "throttled";
  if (TIMEOUT.has(code)) return "timeout";
  if (/XML parse error|Deserialization error/i.test(message)) {
    return status !== void 0 && status >= 500 ? "server" : "malformed-response";
  }
  if (SERVER.has(code) || status !== void 0 && status >= 500) return "server";
  if (NETWORK_TRANSIENT.has(code) || code === "ENOTFOUND" || /socket hang up/i.test(message)) return "network";
  if (CLOCK_SKEW.has(code)) return "clock-skew";
  if (ACCESS_DENIED.has(code)) return "access-denied";
  if (BAD_CREDENTIALS.has(code)) return "bad-credentials";
  if (code === "NoCredentials") return "no-credentials";
  if (code === "NoSuchEntity") return "not-found";
  return status !== void 0 ? "rejected" : "unknown";
}
var RETRYABLE_KINDS = /* @__PURE__ */ new Set(["throttled", "server", "timeout", "clock-skew"]);
function classifyAwsError(error, operation) {
  const e = typeof error === "object" && error !== null ? error : {};
  const name = asString(e.name) ?? "Error";
  const rawMessage = asString(e.message) ?? (typeof error === "string" ? error : String(error));
  const message = rawMessage.split("\n")[0]?.trim() || name;
  const status = typeof e.$metadata?.httpStatusCode === "number" ? e.$metadata.httpStatusCode : void 0;
  let code = asString(e.Code) ?? CODE_OF_NAME[name] ?? name;
  if (code === "Error" && asString(e.code)) code = asString(e.code) ?? code;
  if (name === "CredentialsProviderError") code = "NoCredentials";
  const kind = kindOf(code, status, rawMessage);
  if (kind === "malformed-response") code = "MalformedResponse";
  const requestId = asString(e.$metadata?.requestId) ?? asString(e.RequestId);
  const retryable = RETRYABLE_KINDS.has(kind) || kind === "network" && code !== "ENOTFOUND";
  return {
    operation,
    code,
    kind,
    retryable,
    message,
    ...requestId ? { requestId } : {},
    ...status !== void 0 ? { httpStatus: status } : {}
  };
}
function incompleteResponse(operation, missing, requestId) {
  return {
    operation,
    code: "IncompleteResponse",
    kind: "malformed-response",
    retryable: false,
    message: `the answer has no ${missing} (an empty or non-AWS body, e.g. from a proxy)`,
    ...requestId ? { requestId } : {}
  };
}
function retryOptionsOf(deps) {
  return {
    ...deps.maxAttempts !== void 0 ? { maxAttempts: deps.maxAttempts } : {},
    ...deps.sleep ? { sleep: deps.sleep } : {}
  };
}
var DEFAULT_MAX_ATTEMPTS = 4;
function backoffMs(attempt, kind, random = Math.random) {
  const base = kind === "throttled" ? 500 : 100;
  return Math.floor(random() * Math.min(5e3, base * 2 ** (attempt - 1)));
}
async function callWithRetry(operation, call, options = {}) {
  const maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS));
  const sleep = options.sleep ?? ((ms) => delay(ms));
  for (let attempt = 1; ; attempt++) {
    try {
      return { ok: true, value: await call() };
    } catch (thrown) {
      const error = classifyAwsError(thrown, operation);
      if (!error.retryable || attempt >= maxAttempts) return { ok: false, error: { ...error, attempts: attempt } };
      await sleep(backoffMs(attempt, error.kind, options.random));
    }
  }
}
function describeSourceError(error) {
  const after = error.attempts && error.attempts > 1 ? ` after ${error.attempts} attempts` : "";
  const what = {
    throttled: "throttled",
    server: "failed on the AWS side",
    timeout: "timed out",
    network: "could not reach AWS",
    "clock-skew": "was refused because the runner's clock is off",
    "access-denied": "was denied",
    "bad-credentials": "was refused: the credentials are invalid or expired",
    "no-credentials": "had no AWS credentials to sign with",
    "not-found": "found nothing",
    rejected: "was rejected",
    "malformed-response": "got an answer that is not a valid AWS response",
    unknown: "failed"
  };
  return `${error.operation} ${what[error.kind]} (${error.code}: ${error.message})${after}`;
}
function baseClientConfig(options) {
  const timeoutMs = options.timeoutMs ?? 1e4;
  return {
    region: options.region ?? "us-east-1",
    maxAttempts: 1,
    requestHandler: {
      requestTimeout: timeoutMs,
      connectionTimeout: Math.min(timeoutMs, 5e3),
      throwOnRequestTimeout: true
    },
    ...options.endpoint !== void 0 ? { endpoint: options.endpoint } : {}
  };
}
var ACCESS_DENIED_DOCS = "https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html";
function awsErrorEvidence(error, resource) {
  return {
    operation: error.operation,
    ...resource !== void 0 ? { resource } : {},
    awsErrorCode: error.code,
    awsMessage: error.message,
    ...error.requestId ? { requestId: error.requestId } : {},
    ...error.attempts ? { attempts: error.attempts } : {}
  };
}
function deniedIdentity(message) {
  return /^User: (\S+) is not authorized/.exec(message)?.[1];
}
function allowStatementFix(action, resource, who, then) {
  const statement = { Effect: "Allow", Action: action, Resource: resource };
  return `Add this statement to the policy of the identity this step runs as${who ? ` (${who})` : ""}:

${JSON.stringify(statement, null, 2)}

` + then;
}
function readFailureClass(error) {
  if (error.kind === "access-denied") return "read-denied";
  if (error.code === "WrongAccount") return "wrong-account";
  if (error.code === "UnreadablePolicyDocument") return "unreadable-policy";
  if (error.kind === "not-found") return "not-found";
  if (error.kind === "malformed-response") return "malformed-response";
  if (error.kind === "no-credentials" || error.kind === "bad-credentials") return "no-inspecting-credentials";
  return "could-not-verify";
}

export {
  incompleteResponse,
  retryOptionsOf,
  callWithRetry,
  describeSourceError,
  baseClientConfig,
  ACCESS_DENIED_DOCS,
  awsErrorEvidence,
  deniedIdentity,
  allowStatementFix,
  readFailureClass
};
