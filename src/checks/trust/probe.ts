/**
 * Per-condition probing of a trust policy statement: each condition is evaluated alone by the engine against the
 * AssumeRoleWithWebIdentity request, its key is classified (set by AWS, missing from this token, never set for this
 * provider, or only known to STS at call time), and the outcome is described for a finding. Pure.
 */
import { editDistance } from '../../catalog/index.js';
import { compileGlob } from '../../iam/glob.js';
import { compilePolicySet, evaluate, type ParsedPolicy, parsePolicy, type Request } from '../../iam/index.js';
import type { Claims } from '../../tokens/decode.js';
import { isGitHubToken } from '../../tokens/github.js';
import { isObject, type WebIdentityRequest } from './request.js';

interface RawCondition {
  readonly op: string;
  readonly key: string;
  readonly raw: unknown;
  readonly values: readonly string[];
}
type KeyKind = 'present' | 'claim-missing' | 'unpopulated' | 'unknown';
/** One condition of a statement, evaluated alone: whether it holds, where its key's value comes from, and a hint. */
export interface Probe extends RawCondition {
  readonly holds: boolean;
  readonly kind: KeyKind;
  readonly caseOnly: boolean;
  readonly hint: string;
  /** The request's value of the key, when it has one: the spelling a case-only mismatch should use. */
  readonly actual?: string;
}

/** Why StringEquals and StringLike compare case-sensitively. */
export const STRING_OPS_DOC =
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String';

/** A value as inline code. */
export const code = (s: string) => `\`${s}\``;
const list = (values: readonly string[]) => values.map(code).join(' or ');

function readConditions(statement: unknown): RawCondition[] {
  const block = isObject(statement) ? statement.Condition : undefined;
  if (!isObject(block)) return [];
  return Object.entries(block).flatMap(([op, keys]) =>
    isObject(keys)
      ? Object.entries(keys).map(([key, raw]) => ({
          op,
          key,
          raw,
          values: (Array.isArray(raw) ? raw : [raw]).map(String),
        }))
      : [],
  );
}

/** Whether one condition alone holds for a request, decided by the engine itself (so absent keys follow its rules). */
function holds(c: RawCondition, version: string | undefined, request: Request): boolean {
  const Statement = {
    Effect: 'Allow',
    Principal: '*',
    Action: request.action,
    Condition: { [c.op]: { [c.key]: c.raw } },
  };
  const parsed = parsePolicy({ ...(version ? { Version: version } : {}), Statement }, { name: 'probe' }, 'resource');
  if (!parsed.ok) return false;
  return (
    evaluate(compilePolicySet({ identityPolicies: [], resourcePolicy: parsed.policy }), request).decision === 'allowed'
  );
}

/** Keys of the request (besides the provider's claims) that are known whether or not they are set. */
const KNOWN_KEYS = /^(aws:requesttag\/.*|aws:tagkeys|sts:transitivetagkeys|sts:sourceidentity|sts:rolesessionname)$/;

/** The request's value for a key (keys are case-insensitive), as text. */
function readContextValue(key: string, request: Request): string | undefined {
  const context = request.context ?? {};
  const found = Object.keys(context).find((k) => k.toLowerCase() === key.toLowerCase());
  const value = found === undefined ? undefined : context[found];
  return Array.isArray(value) ? value.join(', ') : (value as string | undefined);
}

/** Where a condition key's value comes from, and a hint to fix a key AWS never sets. */
function classifyKey(key: string, wi: WebIdentityRequest): { kind: KeyKind; hint: string } {
  const lower = key.toLowerCase();
  if (Object.keys(wi.request.context ?? {}).some((k) => k.toLowerCase() === lower))
    return { kind: 'present', hint: '' };
  // Keys the preflight sets whenever STS would: when absent here, they are absent for STS too.
  if (wi.populated.has(lower) || KNOWN_KEYS.test(lower)) return { kind: 'claim-missing', hint: '' };
  const at = key.lastIndexOf(':');
  const qualifier = key.slice(0, at).toLowerCase();
  const claim = key.slice(at + 1);
  if (qualifier === 'aws' || qualifier === 'sts') return { kind: 'unknown', hint: '' };
  const own = `${wi.prefix}:${claim}`;
  if (qualifier !== wi.prefix.toLowerCase() && qualifier.includes('.') && wi.populated.has(own.toLowerCase())) {
    return { kind: 'unpopulated', hint: `this token's provider is ${code(wi.prefix)}, so the key is ${code(own)}` };
  }
  const claims = [...wi.populated].map((k) => k.slice(k.lastIndexOf(':') + 1));
  const near = claims.filter((c) => editDistance(c, claim.toLowerCase(), 3) <= 3 || c.startsWith(claim.toLowerCase()));
  if (near.length > 0) return { kind: 'unpopulated', hint: `use ${list(near.map((c) => `${wi.prefix}:${c}`))}` };
  const alternatives = claims.includes('job_workflow_ref') ? ['sub', 'job_workflow_ref'] : ['sub'];
  const hint = `restrict with ${list(alternatives.map((c) => `${wi.prefix}:${c}`))} or another key AWS sets for this provider (${claims.join(', ')})`;
  return { kind: 'unpopulated', hint };
}

/** Probes every condition of a raw statement, one by one, against the request. */
export function probe(statement: unknown, policy: ParsedPolicy, wi: WebIdentityRequest, request: Request): Probe[] {
  return readConditions(statement).map((c) => {
    const ok = holds(c, policy.version, request);
    const { kind, hint } = classifyKey(c.key, wi);
    // StringEquals and StringLike compare case-sensitively (STRING_OPS_DOC): would the value match ignoring case?
    const actual = readContextValue(c.key, request);
    const like = /^(ForAnyValue:|ForAllValues:)?String(Equals|Like)(IfExists)?$/.exec(c.op);
    const caseOnly =
      !ok &&
      like !== null &&
      actual !== undefined &&
      c.values.some((v) =>
        like[2] === 'Like' ? compileGlob(v, true)(actual) : v.toLowerCase() === actual.toLowerCase(),
      );
    return { ...c, holds: ok, kind, caseOnly, hint, ...(actual !== undefined ? { actual } : {}) };
  });
}

/** "sub is `x`, the trust policy allows `y`", or why the key has no value; `met` for a Deny whose conditions hold. */
export function describeCondition(p: Probe, wi: WebIdentityRequest, claims: Claims, met = false): string {
  const claim = p.key.slice(p.key.lastIndexOf(':') + 1);
  const where = `${code(p.op)} on ${code(p.key)}`;
  if (p.kind === 'unpopulated') return `${where} tests a key AWS never sets for this provider (${p.hint})`;
  if (p.kind === 'unknown') return `${where} depends on a value STS sets at call time that the preflight cannot know`;
  if (p.kind === 'claim-missing') {
    const why = claim === 'environment' && isGitHubToken(claims) ? ' (the job references no environment)' : '';
    const none = wi.populated.has(p.key.toLowerCase())
      ? `the token has no ${code(claim)} claim${why}`
      : `the request has no ${code(p.key)}`;
    return `${none}, and ${where} ${met ? 'holds without it' : `requires ${list(p.values)}`}`;
  }
  const shown = code(readContextValue(p.key, wi.request) ?? '');
  if (met) return `${claim} is ${shown}, which meets ${code(p.op)} ${list(p.values)}`;
  const verb = /Not/.test(p.op) ? 'excludes' : 'allows';
  const caseNote = p.caseOnly ? `; only letter case differs, and ${code(p.op)} compares case-sensitively` : '';
  return `${claim} is ${shown}, the trust policy ${verb} ${list(p.values)} (${code(p.op)}${caseNote})`;
}
