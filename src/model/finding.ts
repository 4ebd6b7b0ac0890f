/**
 * A finding: the result of one check, shaped for the report. Every failing finding names the
 * decision point that would deny (and so end in a 401 or 403), a stable class, the evidence, and
 * a concrete fix. Evidence never holds a token or a secret: only claims, times and names.
 */

/** Where in the chain of trust a request would be accepted or refused. */
export type DecisionPoint =
  | 'runner'
  | 'identity-provider'
  | 'token'
  | 'sts-trust'
  | 'oidc-provider'
  | 'session'
  | 'identity-policy'
  | 'permissions-boundary'
  | 'session-policy'
  | 'scp'
  | 'rcp'
  | 'resource-policy'
  | 'github-token'
  | 'config';

/**
 * `pass`: verified and accepted. `fail`: verified and would be refused. `unverified`: could not be
 * verified, which fails closed unless the user chose report-only mode or allowed it explicitly.
 */
export type FindingStatus = 'pass' | 'fail' | 'unverified';

/** The three usual reasons a credential that worked yesterday is refused today. */
export type Cause = 'expired-or-rotated-credential' | 'changed-entitlement' | 'changed-trust-or-network-rule';

/** Evidence values: plain data a person can read. */
export type EvidenceValue = string | number | boolean | readonly string[];

/** One check's result. */
export interface Finding {
  /** Stable and unique within a run, e.g. `token:deploy-api:expired`. */
  readonly id: string;
  /** What was checked, for a person: `GitHub OIDC token`, `token "deploy-api"`. */
  readonly subject: string;
  readonly decisionPoint: DecisionPoint;
  /** Stable lower-kebab class, e.g. `expired`, `wrong-audience`; `ok` for a pass. */
  readonly class: string;
  readonly status: FindingStatus;
  /** One or two sentences: what is wrong (or right), with the values that show it. */
  readonly message: string;
  readonly evidence: Readonly<Record<string, EvidenceValue>>;
  /** What to change, concretely; required for every finding that is not a pass. */
  readonly fix?: string;
  /** For a failure: which of the three usual causes it is. */
  readonly cause?: Cause;
  /** The HTTP status the real call would end in: 401 (not authenticated) or 403 (not authorized). */
  readonly wouldReturn?: 401 | 403;
  /** Documentation that decides the rule this finding applies. */
  readonly docUrl?: string;
  /** Where the finding comes from, when it is a file (a policy, the config). */
  readonly location?: { readonly file: string; readonly line?: number; readonly column?: number };
}
