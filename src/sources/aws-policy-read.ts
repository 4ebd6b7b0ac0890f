/**
 * What the live reads of the organization's policies (src/sources/aws-organizations.ts) and of resource policies
 * (src/sources/aws-resource-policies.ts) share: one call with retry that fails as data, and the finding a failed read
 * becomes. A read that fails leaves its layer unread (fail closed); a denied read names the statement that would let it.
 */
import type { DecisionPoint, FindingDraft } from '../model/finding.js';
import {
  ACCESS_DENIED_DOCS,
  awsErrorEvidence,
  callWithRetry,
  deniedIdentity,
  describeSourceError,
  type RetryOptions,
  readFailureClass,
  type SourceError,
} from './aws-errors.js';

/** A statement that allows the inspecting identity a read. */
export interface ReadStatement {
  readonly Effect: 'Allow';
  readonly Action: string | readonly string[];
  readonly Resource: string;
}

/** A failed read: the operation (`organizations:ListParents`), what it was about, and AWS's answer. */
export class PolicyReadError extends Error {
  constructor(
    readonly error: SourceError,
    readonly resource: string,
  ) {
    super(describeSourceError(error));
  }
}

/** One call, retried as src/sources/aws-errors.ts says; a failure throws a {@link PolicyReadError}. */
export async function callOrThrow<T>(
  operation: string,
  resource: string,
  send: () => Promise<T>,
  retry: RetryOptions,
): Promise<T> {
  const result = await callWithRetry(operation, send, retry);
  if (!result.ok) throw new PolicyReadError(result.error, resource);
  return result.value;
}

/** An answer that lacks what the read relies on, or holds what no AWS answer holds. */
export function badAnswer(operation: string, resource: string, message: string): PolicyReadError {
  const error: SourceError = {
    operation,
    code: 'IncompleteResponse',
    kind: 'malformed-response',
    retryable: false,
    message,
  };
  return new PolicyReadError(error, resource);
}

/** What a failed read was for: the layer, what is left unread, the statement that lets it, and what else to do. */
export interface UnreadContext {
  readonly decisionPoint: DecisionPoint;
  /** `the SCPs and RCPs of account 111122223333`, `the bucket policy of arn:aws:s3:::x`. */
  readonly what: string;
  readonly statement: ReadStatement;
  /** A sentence after the statement: where the read works, or how to give the policy as a file instead. */
  readonly otherwise: string;
}

/** The finding of a read that failed: `read-denied` with the statement, or the failure's class; always unverified. */
export function unreadDraft(failure: PolicyReadError, context: UnreadContext): FindingDraft {
  const { error, resource } = failure;
  const evidence = awsErrorEvidence(error, resource);
  const suffix = `${error.operation}:${resource}`;
  if (error.kind === 'access-denied') {
    const who = deniedIdentity(error.message);
    return {
      class: 'read-denied',
      suffix,
      decisionPoint: context.decisionPoint,
      status: 'unverified',
      message: `The inspecting identity may not call ${error.operation} on ${resource}, so ${context.what} were not read: permissions they could deny stay unverified (fail closed).`,
      evidence: { ...evidence, ...(who ? { inspectingIdentity: who } : {}) },
      fix: `Add this statement to the policy of the identity this step runs as${who ? ` (${who})` : ''}:\n\n${JSON.stringify(context.statement, null, 2)}\n\n${context.otherwise}`,
      docUrl: ACCESS_DENIED_DOCS,
    };
  }
  return {
    class: readFailureClass(error),
    suffix,
    decisionPoint: context.decisionPoint,
    status: 'unverified',
    message: `Could not read ${context.what}: ${describeSourceError(error)}. Nothing was assumed in their place (fail closed).`,
    evidence,
    fix: `Re-run the job; if it persists, give them as files instead. ${context.otherwise}`,
  };
}
