/**
 * Reading a baseline record (or, for `diff`, a JSON report) from its text, as outside input: bounded in size and
 * depth, its shape checked field by field against schema/baseline.v1.schema.json's promises, every error naming
 * what is wrong and where. Pure.
 */

import type { Finding } from '../model/finding.js';
import type { Report } from '../report/model.js';
import { jsonTooDeep } from '../text/json-depth.js';
import { BASELINE_VERSION, type BaselineRecord, recordFromReport } from './record.js';

/** A record read, or why it could not be. */
export type ParsedBaseline =
  | {
      readonly ok: true;
      readonly record: BaselineRecord;
      readonly from: 'baseline' | 'report';
      /** A report's own findings (a record has none: src/drift/compare.ts rebuilds them). */
      readonly findings?: readonly Finding[];
    }
  | { readonly ok: false; readonly reason: string };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Parses `text` as a baseline record v1, or a report v1 (read as a record, ./record.ts `recordFromReport`). */
export function parseBaseline(text: string): ParsedBaseline {
  const deep = jsonTooDeep(text);
  if (deep)
    return { ok: false, reason: `it nests deeper than any record does (line ${deep.line}, column ${deep.column})` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `it is not JSON (${error instanceof Error ? error.message : 'parse error'})` };
  }
  if (!isObj(value)) return { ok: false, reason: 'it is not a JSON object' };
  if (value.kind === 'permission-preflight-baseline') {
    if (value.version !== BASELINE_VERSION) {
      return { ok: false, reason: `its version is ${String(value.version)}; this version reads ${BASELINE_VERSION}` };
    }
    const problem = recordProblem(value);
    return problem
      ? { ok: false, reason: problem }
      : { ok: true, record: value as unknown as BaselineRecord, from: 'baseline' };
  }
  if (
    value.version === 1 &&
    isObj(value.tool) &&
    value.tool.name === 'permission-preflight' &&
    Array.isArray(value.findings)
  ) {
    const problem = reportProblem(value);
    return problem
      ? { ok: false, reason: problem }
      : {
          ok: true,
          record: recordFromReport(value as unknown as Report),
          from: 'report',
          findings: (value as unknown as Report).findings,
        };
  }
  return {
    ok: false,
    reason: 'it is neither a permission-preflight baseline record nor a report (no "kind" or "tool")',
  };
}

/** The first field of a record that is not as the schema says, as `at PATH: problem`. */
function recordProblem(v: Obj): string | undefined {
  if (typeof v.recordedAt !== 'string' || Number.isNaN(Date.parse(v.recordedAt))) return 'at /recordedAt: not a date';
  if (v.result !== 'pass' && v.result !== 'fail') return 'at /result: not pass or fail';
  if (!isObj(v.scope)) return 'at /scope: not an object';
  if (v.identity !== undefined) {
    const i = v.identity;
    if (
      !isObj(i) ||
      typeof i.issuer !== 'string' ||
      typeof i.sub !== 'string' ||
      !isStrings(i.aud) ||
      !isObj(i.claims)
    ) {
      return 'at /identity: needs issuer, sub, aud (list) and claims';
    }
  }
  const lists: [string, (e: Obj) => boolean][] = [
    ['roles', (e) => typeof e.arn === 'string' && typeof e.sessionName === 'string'],
    [
      'policies',
      (e) =>
        typeof e.role === 'string' &&
        typeof e.layer === 'string' &&
        typeof e.name === 'string' &&
        typeof e.digest === 'string' &&
        typeof e.source === 'string',
    ],
    [
      'permissions',
      (e) =>
        typeof e.action === 'string' &&
        typeof e.resource === 'string' &&
        typeof e.principal === 'string' &&
        typeof e.decision === 'string' &&
        typeof e.status === 'string' &&
        isStrings(e.context) &&
        isStrings(e.statements),
    ],
    ['credentials', (e) => typeof e.id === 'string' && typeof e.subject === 'string' && typeof e.status === 'string'],
  ];
  // Lists a record of an earlier version does not have: checked when present.
  const optional: [string, (e: Obj) => boolean][] = [
    ['providers', (e) => typeof e.arn === 'string' && isStrings(e.clientIds) && isStrings(e.thumbprints)],
    [
      'decisions',
      (e) =>
        typeof e.key === 'string' &&
        typeof e.decisionPoint === 'string' &&
        typeof e.status === 'string' &&
        typeof e.class === 'string',
    ],
  ];
  for (const [key, valid] of [...lists, ...optional.filter(([key]) => v[key] !== undefined)]) {
    const items = v[key];
    if (!Array.isArray(items)) return `at /${key}: not a list`;
    const bad = items.findIndex((e) => !isObj(e) || !valid(e));
    if (bad >= 0) return `at /${key}/${bad}: missing or mistyped fields`;
  }
  return undefined;
}

/** The first finding of a report that lacks what a drift comparison reads. */
function reportProblem(v: Obj): string | undefined {
  if (typeof v.generatedAt !== 'string') return 'at /generatedAt: not a date';
  if (v.result !== 'pass' && v.result !== 'fail') return 'at /result: not pass or fail';
  const findings = v.findings as unknown[];
  const bad = findings.findIndex(
    (f) =>
      !isObj(f) ||
      typeof f.id !== 'string' ||
      typeof f.subject !== 'string' ||
      typeof f.status !== 'string' ||
      typeof f.class !== 'string' ||
      typeof f.decisionPoint !== 'string' ||
      !isObj(f.evidence),
  );
  return bad >= 0 ? `at /findings/${bad}: missing or mistyped fields` : undefined;
}
