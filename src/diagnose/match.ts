/**
 * What a matcher makes of one line of a job's log: a finding's class, decision point, message and fix, and the AWS
 * request the line names when it names one. src/diagnose/scan.ts places it (line number, quote, id).
 */

import type { Cause, DecisionPoint, EvidenceValue, WouldReturn } from '../model/finding.js';
import type { FindingClass } from '../model/finding-classes.js';

/** The request an AWS denial names: who asked, for what, on what. */
export interface DeniedRequest {
  /** The caller's ARN as the message gives it (`arn:aws:sts::…:assumed-role/…/…`), or `anonymous`. */
  readonly principal?: string;
  /** The role behind an assumed-role session, as an IAM role ARN (its path is not in the message). */
  readonly role?: string;
  readonly action: string;
  readonly resource?: string;
  /** The layer the message names, if it names one. */
  readonly layer?: DecisionPoint;
  /** The layer as the message names it: `a service control policy`, `a VPC endpoint policy`. */
  readonly layerName?: string;
  readonly explicit?: boolean;
  /** The deciding policy's ARN, when the message gives it (newer SCP and RCP denials do). */
  readonly policyArn?: string;
}

/** One line's diagnosis. */
export interface LogMatch {
  readonly class: FindingClass;
  readonly decisionPoint: DecisionPoint;
  /** Which grammar matched: `aws-denial`, `sts`, `github`, `npm`, `docker`, `git`, `http`, … */
  readonly source: string;
  readonly message: string;
  readonly fix: string;
  readonly wouldReturn?: WouldReturn;
  readonly cause?: Cause;
  /** A page more precise than the class's (the service's own list of its errors). */
  readonly docUrl?: string;
  readonly request?: DeniedRequest;
  /**
   * The request of this line when it is one of many of the same failure (one object of a sync refused on every file of
   * a bucket): its permission line is written, but it is not part of what makes two lines the same failure.
   */
  readonly example?: DeniedRequest;
  readonly evidence?: Readonly<Record<string, EvidenceValue>>;
  /**
   * A bare status line (`The requested URL returned error: 403`, `HTTP 403`): folded into a specific finding a few
   * lines above it (the same failure, printed twice), else a finding of its own.
   */
  readonly generic?: boolean;
  /**
   * Detail of a failure, not a failure: a response header GitHub sends on every answer (`X-Accepted-GitHub-Permissions`
   * is on a 200 too), which names what a nearby refusal needed. It completes a finding of its class within
   * ENRICH_LINES lines (before or after), and is never a finding of its own.
   */
  readonly detail?: boolean;
}

/** A matcher reads one cleaned line and says what failed, or nothing. */
export type Matcher = (line: string) => LogMatch | undefined;

/** The first matcher's answer, in order. */
export function firstMatch(matchers: readonly Matcher[], line: string): LogMatch | undefined {
  for (const m of matchers) {
    const found = m(line);
    if (found) return found;
  }
  return undefined;
}

/** The status a line prints for the call (`StatusCode: 400`, `Status Code: 400`), when it is one a refusal ends in. */
export function printedStatus(line: string): WouldReturn | undefined {
  const status = /\bstatus[ _]?code:?\s*(40[013])\b/i.exec(line)?.[1];
  return status ? (Number(status) as WouldReturn) : undefined;
}
