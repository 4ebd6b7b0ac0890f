/**
 * How one AWS call is made and how its failure is read: every error the SDK can throw becomes a plain
 * {@link SourceError} (stable code, kind, retryable, message, request id), and {@link callWithRetry} retries only
 * what can change on a second try. Unlike configure-aws-credentials, which retries every error 12 times, a denial
 * or a validation error is an answer and is never retried.
 *
 * The SDK's own retry is switched off (`maxAttempts: 1` in {@link baseClientConfig}) and this loop does it
 * instead, because: the sleep is a parameter (tests do not wait the SDK's 0.3–2.5 s throttling backoff), the
 * classification lives in one place the findings read as well, and the attempt count is known for the report.
 * Clock-skew correction still happens: the SDK's signer updates the client's clock offset on a skew error, and
 * the next attempt through the same client uses it.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { FindingClass } from '../model/finding-classes.js';
import type { Sleep } from './http.js';

/** What went wrong, grouped so callers can map it to a finding without knowing every AWS code. */
export type SourceErrorKind =
  | 'throttled'
  | 'server'
  | 'timeout'
  | 'network'
  | 'clock-skew'
  | 'access-denied'
  | 'bad-credentials'
  | 'no-credentials'
  | 'not-found'
  | 'rejected'
  | 'malformed-response'
  | 'unknown';

/** One failed AWS call, as data. Never holds a credential or a token. */
export interface SourceError {
  /** `iam:GetRole`, `sts:AssumeRoleWithWebIdentity`. */
  readonly operation: string;
  /** The AWS error code as the query protocol sends it (`AccessDenied`, `NoSuchEntity`), or a network code. */
  readonly code: string;
  readonly kind: SourceErrorKind;
  readonly retryable: boolean;
  /** AWS's message, first line only (the SDK appends hints about hidden fields). */
  readonly message: string;
  readonly requestId?: string;
  readonly httpStatus?: number;
  /** How many attempts were made, when the call went through {@link callWithRetry}. */
  readonly attempts?: number;
}

// https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html and the SDK's own lists
// (@smithy/service-error-classification THROTTLING_ERROR_CODES, TRANSIENT_ERROR_CODES).
const THROTTLING = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'SlowDown',
]);
/** IDPCommunicationError: "often a transient error caused by network conditions. Retry the request" (STS API). */
const SERVER = new Set([
  'InternalFailure',
  'InternalError',
  'ServiceUnavailable',
  'ServiceFailure',
  'IDPCommunicationError',
]);
const TIMEOUT = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'ETIMEDOUT']);
const NETWORK_TRANSIENT = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
/** The signer corrects the clock offset from the answer's Date header, so one more attempt can succeed. */
const CLOCK_SKEW = new Set(['RequestTimeTooSkewed', 'RequestExpired', 'RequestInTheFuture']);
const ACCESS_DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation']);
const BAD_CREDENTIALS = new Set([
  'InvalidClientTokenId',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'ExpiredToken',
  'MissingAuthenticationToken',
]);

/** Modeled SDK exceptions are named after the shape; the wire code is what AWS documents and what we report. */
const CODE_OF_NAME: Readonly<Record<string, string>> = {
  NoSuchEntityException: 'NoSuchEntity',
  InvalidIdentityTokenException: 'InvalidIdentityToken',
  IDPRejectedClaimException: 'IDPRejectedClaim',
  IDPCommunicationErrorException: 'IDPCommunicationError',
  PackedPolicyTooLargeException: 'PackedPolicyTooLarge',
  MalformedPolicyDocumentException: 'MalformedPolicyDocument',
  ServiceFailureException: 'ServiceFailure',
  InvalidInputException: 'InvalidInput',
};

type ErrorShape = {
  name?: unknown;
  code?: unknown;
  Code?: unknown;
  message?: unknown;
  RequestId?: unknown;
  $metadata?: { httpStatusCode?: unknown; requestId?: unknown };
};

const asString = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

function kindOf(code: string, status: number | undefined, message: string): SourceErrorKind {
  if (THROTTLING.has(code) || status === 429) return 'throttled';
  if (TIMEOUT.has(code)) return 'timeout';
  if (/XML parse error|Deserialization error/i.test(message)) {
    return status !== undefined && status >= 500 ? 'server' : 'malformed-response';
  }
  if (SERVER.has(code) || (status !== undefined && status >= 500)) return 'server';
  if (NETWORK_TRANSIENT.has(code) || code === 'ENOTFOUND' || /socket hang up/i.test(message)) return 'network';
  if (CLOCK_SKEW.has(code)) return 'clock-skew';
  if (ACCESS_DENIED.has(code)) return 'access-denied';
  if (BAD_CREDENTIALS.has(code)) return 'bad-credentials';
  if (code === 'NoCredentials') return 'no-credentials';
  if (code === 'NoSuchEntity') return 'not-found';
  return status !== undefined ? 'rejected' : 'unknown';
}

const RETRYABLE_KINDS: ReadonlySet<SourceErrorKind> = new Set(['throttled', 'server', 'timeout', 'clock-skew']);

/**
 * Reads any thrown value as a {@link SourceError}. The request id comes from the `x-amzn-RequestId` header
 * (`$metadata.requestId`), or from the error document's `<RequestId>` when the header is missing.
 */
export function classifyAwsError(error: unknown, operation: string): SourceError {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorShape;
  const name = asString(e.name) ?? 'Error';
  const rawMessage = asString(e.message) ?? (typeof error === 'string' ? error : String(error));
  const message = rawMessage.split('\n')[0]?.trim() || name;
  const status = typeof e.$metadata?.httpStatusCode === 'number' ? e.$metadata.httpStatusCode : undefined;
  let code = asString(e.Code) ?? CODE_OF_NAME[name] ?? name;
  // A network error is a plain Error whose `code` says what happened (ECONNREFUSED, ETIMEDOUT, ...).
  if (code === 'Error' && asString(e.code)) code = asString(e.code) ?? code;
  if (name === 'CredentialsProviderError') code = 'NoCredentials';
  const kind = kindOf(code, status, rawMessage);
  if (kind === 'malformed-response') code = 'MalformedResponse';
  const requestId = asString(e.$metadata?.requestId) ?? asString(e.RequestId);
  // ENOTFOUND is a wrong host or region far more often than a DNS hiccup; retrying only delays the answer.
  const retryable = RETRYABLE_KINDS.has(kind) || (kind === 'network' && code !== 'ENOTFOUND');
  return {
    operation,
    code,
    kind,
    retryable,
    message,
    ...(requestId ? { requestId } : {}),
    ...(status !== undefined ? { httpStatus: status } : {}),
  };
}

/**
 * A 200 answer that lacks a field the reader relies on. The SDK returns such an answer as a success whose fields
 * are all `undefined` (an empty or HTML body does not throw: __tests__/sources/aws-iam.test.ts), so this is how it
 * fails closed.
 */
export function incompleteResponse(operation: string, missing: string, requestId?: string): SourceError {
  return {
    operation,
    code: 'IncompleteResponse',
    kind: 'malformed-response',
    retryable: false,
    message: `the answer has no ${missing} (an empty or non-AWS body, e.g. from a proxy)`,
    ...(requestId ? { requestId } : {}),
  };
}

/** How {@link callWithRetry} retries. */
export interface RetryOptions {
  /** Attempts in all, at least 1. Default {@link DEFAULT_MAX_ATTEMPTS}. */
  readonly maxAttempts?: number;
  readonly sleep?: Sleep;
  /** In [0, 1); a parameter so a test can pin the jitter. */
  readonly random?: () => number;
}

/**
 * The retry options a reader's dependencies set (`maxAttempts`, `sleep`), leaving out those it does not, so that
 * {@link callWithRetry}'s defaults apply to them.
 */
export function retryOptionsOf(deps: { readonly maxAttempts?: number; readonly sleep?: Sleep }): RetryOptions {
  return {
    ...(deps.maxAttempts !== undefined ? { maxAttempts: deps.maxAttempts } : {}),
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
  };
}

/** Four attempts: enough to ride out IAM's per-account throttling under a burst of reads, bounded to seconds. */
export const DEFAULT_MAX_ATTEMPTS = 4;

/**
 * Full-jitter exponential backoff: a random wait in [0, min(cap, base * 2^(attempt-1))). Throttling starts from a
 * larger base, as the SDK's standard retry strategy does (500 ms against 100 ms).
 * https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
export function backoffMs(attempt: number, kind: SourceErrorKind, random: () => number = Math.random): number {
  const base = kind === 'throttled' ? 500 : 100;
  return Math.floor(random() * Math.min(5000, base * 2 ** (attempt - 1)));
}

/** The value of a call, or the error that ended it (after the retries, if it was retryable). */
export type CallResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: SourceError };

/** Runs `call`, retrying only retryable failures with jittered backoff. Never throws. */
export async function callWithRetry<T>(
  operation: string,
  call: () => Promise<T>,
  options: RetryOptions = {},
): Promise<CallResult<T>> {
  const maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS));
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
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

/** A failure in words, for a finding's message: `throttled (Throttling) after 4 attempts`. */
export function describeSourceError(error: SourceError): string {
  const after = error.attempts && error.attempts > 1 ? ` after ${error.attempts} attempts` : '';
  const what: Record<SourceErrorKind, string> = {
    throttled: 'throttled',
    server: 'failed on the AWS side',
    timeout: 'timed out',
    network: 'could not reach AWS',
    'clock-skew': "was refused because the runner's clock is off",
    'access-denied': 'was denied',
    'bad-credentials': 'was refused: the credentials are invalid or expired',
    'no-credentials': 'had no AWS credentials to sign with',
    'not-found': 'found nothing',
    rejected: 'was rejected',
    'malformed-response': 'got an answer that is not a valid AWS response',
    unknown: 'failed',
  };
  return `${error.operation} ${what[error.kind]} (${error.code}: ${error.message})${after}`;
}

/** Options every client built here takes. */
export interface AwsClientOptions {
  /** Default `us-east-1` (IAM is global; STS is answered in the region's endpoint). */
  readonly region?: string;
  /** An endpoint override, e.g. a loopback server in tests or a VPC endpoint. */
  readonly endpoint?: string;
  /** Per attempt, in milliseconds. Default 10 000. */
  readonly timeoutMs?: number;
}

/**
 * The config shared by the IAM and STS clients: no SDK retries (see the header), and a request timeout that
 * throws. `requestTimeout` alone only logs a warning when it passes; `throwOnRequestTimeout` turns it into a
 * `TimeoutError`, which {@link callWithRetry} retries (__tests__/sources/aws-iam.test.ts).
 */
export function baseClientConfig(options: AwsClientOptions) {
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    region: options.region ?? 'us-east-1',
    maxAttempts: 1,
    requestHandler: {
      requestTimeout: timeoutMs,
      connectionTimeout: Math.min(timeoutMs, 5000),
      throwOnRequestTimeout: true,
    },
    ...(options.endpoint !== undefined ? { endpoint: options.endpoint } : {}),
  };
}

/** The page behind every "the inspecting identity may not read this" finding. */
export const ACCESS_DENIED_DOCS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html';

/**
 * The evidence of a finding about a failed AWS call: the operation, the resource it was about (when there is one),
 * and AWS's code and message, with the request id and the attempts made when known.
 */
export function awsErrorEvidence(error: SourceError, resource?: string) {
  return {
    operation: error.operation,
    ...(resource !== undefined ? { resource } : {}),
    awsErrorCode: error.code,
    awsMessage: error.message,
    ...(error.requestId ? { requestId: error.requestId } : {}),
    ...(error.attempts ? { attempts: error.attempts } : {}),
  };
}

/** The identity an AccessDenied message names ("User: ARN is not authorized to perform: ..."), if it names one. */
export function deniedIdentity(message: string): string | undefined {
  return /^User: (\S+) is not authorized/.exec(message)?.[1];
}

/**
 * The fix for a call the inspecting identity was denied: the statement that allows `action` on `resource`, to add to
 * the policy of `who` (when AWS named it), followed by `then`.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html
 */
export function allowStatementFix(action: string, resource: string, who: string | undefined, then: string): string {
  const statement = { Effect: 'Allow', Action: action, Resource: resource };
  return (
    `Add this statement to the policy of the identity this step runs as${who ? ` (${who})` : ''}:\n\n` +
    `${JSON.stringify(statement, null, 2)}\n\n` +
    then
  );
}

/**
 * The finding class of a failed IAM read (GetRole, SimulatePrincipalPolicy, ...): one mapping for every reader.
 * `WrongAccount` and `UnreadablePolicyDocument` are the readers' own codes for answers they refuse.
 */
export function readFailureClass(error: SourceError): FindingClass {
  if (error.kind === 'access-denied') return 'read-denied';
  if (error.code === 'WrongAccount') return 'wrong-account';
  if (error.code === 'UnreadablePolicyDocument') return 'unreadable-policy';
  if (error.kind === 'not-found') return 'not-found';
  if (error.kind === 'malformed-response') return 'malformed-response';
  if (error.kind === 'no-credentials' || error.kind === 'bad-credentials') return 'no-inspecting-credentials';
  return 'could-not-verify';
}
