/**
 * The building blocks of the IAM reader's reads: a failed read as data (carried by {@link ReadError} through
 * Promise.allSettled), awaiting reads together, decoding the documents IAM returns, and a per-reader concurrency limit.
 */
import { describeSourceError, type SourceError } from './aws-errors.js';

/** One failed read: what was asked, of which resource, and what AWS said. */
export interface Failure {
  readonly action: string;
  readonly resource: string;
  readonly error: SourceError;
}

/** Carries failures through Promise.allSettled; caught by the reader, never seen outside it. */
export class ReadError extends Error {
  constructor(readonly failures: readonly Failure[]) {
    super(failures.map((f) => describeSourceError(f.error)).join('; '));
  }
}

/** A failure found in an answer (rather than thrown by the SDK), as a ReadError. */
export function answerFailure(action: string, resource: string, code: string, message: string, requestId?: string) {
  const error: SourceError = {
    operation: `iam:${action}`,
    code,
    kind: code === 'IncompleteResponse' ? 'malformed-response' : 'rejected',
    retryable: false,
    message,
    ...(requestId ? { requestId } : {}),
  };
  return new ReadError([{ action, resource, error }]);
}

/** Awaits every read, then fails with all their failures together, so one run lists every missing permission. */
export async function settle<T extends readonly unknown[]>(
  reads: { readonly [K in keyof T]: Promise<T[K]> },
): Promise<T> {
  const results = await Promise.allSettled(reads);
  const failures = results.flatMap((r) => {
    if (r.status === 'fulfilled') return [];
    if (r.reason instanceof ReadError) return r.reason.failures;
    throw r.reason; // a bug, not an AWS answer
  });
  if (failures.length > 0) throw new ReadError(failures);
  return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

/** Decodes and parses a document as IAM returns it; a document that is already JSON is parsed as it is. */
export function parseDocument(raw: string, action: string, resource: string, requestId?: string): unknown {
  try {
    // Encoded text starts with `%7B`; decoding plain JSON could corrupt a literal `%` inside it.
    return JSON.parse(raw.trimStart().startsWith('{') ? raw : decodeURIComponent(raw));
  } catch {
    throw answerFailure(
      action,
      resource,
      'UnreadablePolicyDocument',
      'the policy document is not URL-encoded JSON',
      requestId,
    );
  }
}

/** A small FIFO semaphore: at most `max` tasks run at once. Per reader, never module-level. */
export function createLimiter(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}
