/**
 * The JSON report, version 1. Its schema ships as `schema/report.v1.schema.json`; a change that is not
 * backwards compatible bumps `version`.
 */
import { completeFinding, DECISION_POINTS, type DecisionPoint, type Finding } from '../model/finding.js';
import type { Mode } from '../model/product.js';

/** `pass` only when every check passed; anything unverified fails unless the run was report-only. */
export type Result = 'pass' | 'fail';

/** The run as the report records it. */
export interface Report {
  readonly version: 1;
  readonly tool: { readonly name: 'permission-preflight'; readonly version: string };
  readonly mode: Mode;
  readonly result: Result;
  /** When the checks ran (ISO 8601). */
  readonly generatedAt: string;
  readonly counts: {
    readonly checks: number;
    readonly passed: number;
    readonly failed: number;
    readonly unverified: number;
    readonly would401: number;
    readonly would403: number;
  };
  readonly findings: readonly Finding[];
}

/** The order decision points appear in, following a request's path from the runner to the resource. */
export const DECISION_POINT_ORDER: readonly DecisionPoint[] = DECISION_POINTS.map((point) => point.id);

/** Builds the report from every finding of the run. No finding is a failure: a run that checked nothing fails. */
export function buildReport(input: {
  readonly findings: readonly Finding[];
  readonly mode: Mode;
  readonly version: string;
  readonly now: Date;
}): Report {
  const findings = input.findings.map(completeFinding);
  const failed = findings.filter((f) => f.status === 'fail').length;
  const unverified = findings.filter((f) => f.status === 'unverified').length;
  const passed = findings.length - failed - unverified;
  return {
    version: 1,
    tool: { name: 'permission-preflight', version: input.version },
    mode: input.mode,
    result: findings.length > 0 && failed === 0 && unverified === 0 ? 'pass' : 'fail',
    generatedAt: input.now.toISOString(),
    counts: {
      checks: findings.length,
      passed,
      failed,
      unverified,
      would401: findings.filter((f) => f.status !== 'pass' && f.wouldReturn === 401).length,
      would403: findings.filter((f) => f.status !== 'pass' && f.wouldReturn === 403).length,
    },
    findings,
  };
}
