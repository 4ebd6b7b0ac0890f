/**
 * IAM's own answer for one permission (SimulatePrincipalPolicy), as src/sources/aws-simulate.ts reads it and
 * src/checks/cross-check.ts compares it with the engine's.
 */

/** IAM's `EvalDecision` (PolicyEvaluationDecisionType). */
export type IamDecision = 'allowed' | 'explicitDeny' | 'implicitDeny';

/** One of IAM's `MatchedStatements`: which policy, and where the statement starts in it. */
export interface IamStatement {
  readonly policyId: string;
  /** `role`, `user-managed`, `aws-managed`, `resource`, `none`. */
  readonly policyType?: string;
  readonly line?: number;
  readonly column?: number;
}

/** IAM's answer for one permission, as src/sources/aws-simulate.ts reads it. */
export interface IamAnswer {
  readonly decision: IamDecision;
  /** The statements that decided; never SCP statements (the API leaves those out). */
  readonly matchedStatements: readonly IamStatement[];
  /** Absent when the account is in no organization, or the resource does not support its evaluation. */
  readonly allowedByOrganizations?: boolean;
  readonly allowedByPermissionsBoundary?: boolean;
  /** Keys the policies use that the request did not give. */
  readonly missingContextValues: readonly string[];
  readonly requestId?: string;
}
