import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  ACCESS_DENIED_DOCS,
  awsErrorEvidence,
  callWithRetry,
  deniedIdentity,
  describeSourceError,
  readFailureClass
} from "./shared-sources-aws-errors.js";

// src/sources/aws-policy-read.ts
var PolicyReadError = class extends Error {
  constructor(error, resource) {
    super(describeSourceError(error));
    this.error = error;
    this.resource = resource;
  }
  error;
  resource;
};
async function callOrThrow(operation, resource, send, retry) {
  const result = await callWithRetry(operation, send, retry);
  if (!result.ok) throw new PolicyReadError(result.error, resource);
  return result.value;
}
function badAnswer(operation, resource, message) {
  const error = {
    operation,
    code: "IncompleteResponse",
    kind: "malformed-response",
    retryable: false,
    message
  };
  return new PolicyReadError(error, resource);
}
function unreadDraft(failure, context) {
  const { error, resource } = failure;
  const evidence = awsErrorEvidence(error, resource);
  const suffix = `${error.operation}:${resource}`;
  if (error.kind === "access-denied") {
    const who = deniedIdentity(error.message);
    return {
      class: "read-denied",
      suffix,
      decisionPoint: context.decisionPoint,
      status: "unverified",
      message: `The inspecting identity may not call ${error.operation} on ${resource}, so ${context.what} were not read: permissions they could deny stay unverified (fail closed).`,
      evidence: { ...evidence, ...who ? { inspectingIdentity: who } : {} },
      fix: `Add this statement to the policy of the identity this step runs as${who ? ` (${who})` : ""}:

${JSON.stringify(context.statement, null, 2)}

${context.otherwise}`,
      docUrl: ACCESS_DENIED_DOCS
    };
  }
  return {
    class: readFailureClass(error),
    suffix,
    decisionPoint: context.decisionPoint,
    status: "unverified",
    message: `Could not read ${context.what}: ${describeSourceError(error)}. Nothing was assumed in their place (fail closed).`,
    evidence,
    fix: `Re-run the job; if it persists, give them as files instead. ${context.otherwise}`
  };
}

export {
  PolicyReadError,
  callOrThrow,
  badAnswer,
  unreadDraft
};
