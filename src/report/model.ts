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
    /** Checks unverified because a layer that could deny them was not read (`layer-not-read`). */
    readonly layerNotRead: number;
  };
  /** The layers not read, by role: `SCPs, RCPs (role deploy)`; the headline names them. */
  readonly notRead: readonly string[];
  readonly findings: readonly Finding[];
}

/** The order decision points appear in, following a request's path from the runner to the resource. */
export const DECISION_POINT_ORDER: readonly DecisionPoint[] = DECISION_POINTS.map((point) => point.id);

/** At most this many layers are named per role; the rest are counted. */
const NAMED_PER_ROLE = 3;

/**
 * What was not read, by role, from the `layer-not-read` findings (src/checks/permissions.ts): the layers (`SCPs`,
 * `RCPs`, `resource policy of ARN`), in the order first met, each once.
 */
function notReadByRole(findings: readonly Finding[]): string[] {
  const byRole = new Map<string, Set<string>>();
  for (const f of findings) {
    if (f.class !== 'layer-not-read') continue;
    const role = typeof f.evidence.role === 'string' ? f.evidence.role : '';
    const layers = Array.isArray(f.evidence.notRead) ? f.evidence.notRead : [];
    const set = byRole.get(role) ?? new Set<string>();
    byRole.set(role, set);
    for (const layer of layers)
      set.add(layer === 'resource policy' ? `resource policy of ${f.evidence.resource}` : layer);
  }
  return [...byRole].map(([role, set]) => {
    const all = [...set];
    const named = all.slice(0, NAMED_PER_ROLE).join(', ');
    const more = all.length > NAMED_PER_ROLE ? ` and ${all.length - NAMED_PER_ROLE} more` : '';
    return `${named}${more}${role ? ` (role ${role})` : ''}`;
  });
}

/**
 * Findings that say the same of the same subject (one class, status, subject, message and fix), made once for each
 * instance of what they judge (a matrix job's instances, a step's roles of one name in several accounts, its
 * regions), folded into the first: shown once, with the ids of all of them in `instances`. Nothing a person reads is
 * lost: what would tell them apart is in the subject or the message, and findings that differ there stay apart.
 */
export function foldRepeats(findings: readonly Finding[]): Finding[] {
  // Findings at different places (another caller's file or line) are never one, whatever they say.
  const key = (f: Finding) =>
    JSON.stringify([
      f.class,
      f.status,
      f.subject,
      f.message,
      f.fix ?? null,
      f.location ? [f.location.file, f.location.line ?? null, f.location.column ?? null] : null,
    ]);
  const groups = new Map<string, string[]>();
  const out: Finding[] = [];
  for (const f of findings) {
    const k = key(f);
    const ids = groups.get(k);
    if (ids) {
      ids.push(...(f.instances ?? [f.id]));
      continue;
    }
    groups.set(k, [...(f.instances ?? [f.id])]);
    out.push(f);
  }
  return out.map((f) => {
    const ids = groups.get(key(f)) ?? [];
    return ids.length > 1 ? { ...f, instances: ids } : f;
  });
}

/** What a folded finding says of the findings it stands for ({@link foldRepeats}); empty for one that stands alone. */
export function instancesNote(f: Finding): string {
  const n = f.instances?.length ?? 0;
  return n > 1
    ? `Stands for ${n} findings alike, at this place (one per job instance or step that reaches it: matrix values, callers, or a composite action used more than once; the JSON report's \`instances\` lists their ids).`
    : '';
}

/** Builds the report from every finding of the run. No finding is a failure: a run that checked nothing fails. */
export function buildReport(input: {
  readonly findings: readonly Finding[];
  readonly mode: Mode;
  readonly version: string;
  readonly now: Date;
}): Report {
  const findings = foldRepeats(input.findings.map(completeFinding));
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
      layerNotRead: findings.filter((f) => f.class === 'layer-not-read').length,
    },
    notRead: notReadByRole(findings),
    findings,
  };
}

/**
 * What the headline says of the failures, in order: those that would end in 401, in 403, in 400, in 404, and those
 * that would fail without an HTTP status (a job GitHub gives no OIDC token, a workflow it refuses: the step fails
 * before any service answers); each counted once, so the parts add up to the failed findings. What could not be
 * verified is not among them: it is not known to fail ({@link headline}).
 */
export function headlineParts(r: Report): string[] {
  const failing = r.findings.filter((f) => f.status === 'fail');
  const by = (code: number) => failing.filter((f) => f.wouldReturn === code).length;
  const with401 = by(401);
  const with403 = by(403);
  // STS refuses a web identity token it cannot accept with 400 InvalidIdentityToken (docs/explain.md).
  const with400 = by(400);
  // GitHub's 404 for what the token may not see (WouldReturn).
  const with404 = by(404);
  const other = failing.length - with401 - with403 - with400 - with404;
  return [
    with401 ? `${with401} would end in 401` : '',
    with403 ? `${with403} would end in 403` : '',
    with400 ? `${with400} would end in 400` : '',
    with404 ? `${with404} would end in 404` : '',
    other ? `${other} would fail without an HTTP status` : '',
  ].filter(Boolean);
}

const checks = (n: number) => `${n} ${n === 1 ? 'check' : 'checks'}`;

/**
 * The one sentence every output of a report leads with (the terminal's, the summary's, the action's failure message):
 * what would fail and what could not be verified, each counted apart. A check that could not be verified is never
 * said to fail; it fails the run all the same (fail closed), and the sentence says so when it is the only reason.
 */
export function headline(r: Report): string {
  const { counts } = r;
  if (r.result === 'pass') return `Preflight passed: ${checks(counts.checks)}, every credential would be accepted`;
  if (counts.checks === 0) return 'Preflight failed: nothing was checked, so nothing is verified';
  const codes = headlineParts(r);
  const failing = counts.failed
    ? `${counts.failed} of ${counts.checks} checks would fail${codes.length ? ` (${codes.join(', ')})` : ''}`
    : '';
  if (counts.unverified === 0) return `Preflight failed: ${failing}`;
  if (!failing) {
    return `Preflight failed: ${counts.unverified} of ${counts.checks} checks could not be verified (none was found to fail; what is not verified fails the preflight)`;
  }
  return `Preflight failed: ${failing}, and ${counts.unverified} could not be verified`;
}

/**
 * The closing line of a report: its result and the three counts, in the headline's words, so a `fail` with no failed
 * check reads as what it is.
 */
export function resultLine(r: Report): string {
  const { passed, failed, unverified } = r.counts;
  const why = r.result === 'pass' ? '' : failed === 0 && unverified > 0 ? ' (not verified)' : '';
  return `${r.result}${why}: ${passed} passed, ${failed} would fail, ${unverified} could not be verified`;
}
