/**
 * The `simulate` input format: one case, or `{ "cases": [...] }`. Each case is a request plus the
 * policies that apply to it. The context is taken as complete and literal, as IAM's
 * SimulateCustomPolicy takes it: nothing is derived that the case does not give.
 */
import { compilePolicySet, type EvaluateOptions, evaluate, type PolicySetInput } from './index.js';
import { type ParsedPolicy, parsePolicy, show } from './parse.js';
import { tryClassifyPrincipal } from './principal-info.js';
import type { ContextValue, EvaluationResult, PolicyKind, Request } from './types.js';

/** A validated case, ready to evaluate. */
export interface SimulateCase {
  readonly name?: string;
  readonly request: Request;
  readonly policies: PolicySetInput;
}

/** A problem in the input, naming the case and the field. */
export interface InputError {
  readonly path: string;
  readonly message: string;
}

/** The outcome of reading simulate input. */
export type SimulateInput =
  | { readonly ok: true; readonly cases: SimulateCase[] }
  | { readonly ok: false; readonly errors: InputError[] };

const CASE_KEYS = new Set([
  'name',
  'request',
  'identityPolicies',
  'permissionsBoundary',
  'sessionPolicy',
  'scps',
  'rcps',
  'resourcePolicy',
]);
const REQUEST_KEYS = new Set(['principal', 'action', 'resource', 'resourceAccount', 'context']);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

class CaseReader {
  readonly errors: InputError[] = [];
  constructor(
    private readonly prefix: string,
    private readonly file: string | undefined,
  ) {}

  error(field: string, message: string): void {
    const path = this.prefix ? `${this.prefix}.${field}` : field;
    this.errors.push({ path, message: `${path} ${message}` });
  }

  policy(doc: unknown, field: string, kind: PolicyKind): ParsedPolicy | undefined {
    const name = this.prefix ? `${this.prefix}.${field}` : field;
    const result = parsePolicy(doc, this.file ? { name, file: this.file } : { name }, kind);
    if (result.ok) return result.policy;
    for (const e of result.errors) {
      const path = e.path === '(policy)' ? name : `${name}.${e.path}`;
      this.errors.push({ path, message: `${name}.${e.message}`.replace(`${name}.(policy) `, `${name} `) });
    }
    return undefined;
  }

  levels(value: unknown, field: string): ParsedPolicy[][] | undefined {
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || !value.every(Array.isArray)) {
      this.error(field, `must be a list of organization levels, each a list of policy documents, got ${show(value)}`);
      return undefined;
    }
    return (value as unknown[][]).map((level, i) =>
      level.flatMap(
        (doc, j) => this.policy(doc, `${field}[${i}][${j}]`, field === 'rcps' ? 'control' : 'identity') ?? [],
      ),
    );
  }

  request(raw: unknown): Request | undefined {
    if (!isObject(raw)) {
      this.error('request', raw === undefined ? 'is required' : `must be an object, got ${show(raw)}`);
      return undefined;
    }
    for (const key of Object.keys(raw))
      if (!REQUEST_KEYS.has(key)) this.error(`request.${key}`, 'is not a request field');
    const { principal, action, resource, resourceAccount, context } = raw;
    if (typeof action !== 'string' || !/^[A-Za-z0-9-]+:[A-Za-z0-9_-]+$/.test(action)) {
      this.error(
        'request.action',
        action === undefined
          ? 'is required'
          : `must be one action as "service:Action", without wildcards, got ${show(action)}`,
      );
    }
    if (typeof resource !== 'string' || resource === '') {
      this.error(
        'request.resource',
        resource === undefined ? 'is required' : `must be an ARN or "*", got ${show(resource)}`,
      );
    }
    if (principal !== undefined && (typeof principal !== 'string' || !tryClassifyPrincipal(principal))) {
      this.error(
        'request.principal',
        `must be an IAM user, role, root or STS session ARN, an account id, a service principal or an identity provider, got ${show(principal)}`,
      );
    }
    if (resourceAccount !== undefined && (typeof resourceAccount !== 'string' || !/^\d{12}$/.test(resourceAccount))) {
      this.error('request.resourceAccount', `must be a 12-digit account id, got ${show(resourceAccount)}`);
    }
    const ctx = this.context(context);
    return {
      action: action as string,
      resource: resource as string,
      ...(typeof principal === 'string' ? { principal } : {}),
      ...(typeof resourceAccount === 'string' ? { resourceAccount } : {}),
      context: ctx,
    };
  }

  /**
   * The request's context. It keeps the case's object when it is valid (a request with an error is never evaluated);
   * a copy only when a key would set the prototype of a fresh object instead of becoming a key of it.
   */
  private context(context: unknown): Readonly<Record<string, ContextValue>> {
    if (context === undefined) return {};
    if (!isObject(context)) {
      this.error('request.context', `must be an object, got ${show(context)}`);
      return {};
    }
    const seen = new Map<string, string>();
    const keys = Object.keys(context);
    const copy: Record<string, ContextValue> | undefined = keys.includes('__proto__') ? {} : undefined;
    for (const key of keys) {
      const value = context[key];
      // Key names are case-insensitive (reference_policies_elements_condition.html): two spellings are one key.
      const twin = seen.get(key.toLowerCase());
      if (twin !== undefined) {
        this.error(
          `request.context.${key}`,
          `is the key "${twin}" again (key names are case-insensitive); give it once`,
        );
        continue;
      }
      seen.set(key.toLowerCase(), key);
      const ok = typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'));
      if (!ok) {
        this.error(
          `request.context.${key}`,
          `must be a string, or a list of strings for a multivalued key, got ${show(value)}`,
        );
      } else if (copy) copy[key] = value as ContextValue;
    }
    return copy ?? (context as Record<string, ContextValue>);
  }
}

function readCase(raw: unknown, prefix: string, file: string | undefined): SimulateCase | InputError[] {
  const r = new CaseReader(prefix, file);
  if (!isObject(raw)) {
    r.error('', `must be an object, got ${show(raw)}`);
    return r.errors;
  }
  for (const key of Object.keys(raw)) if (!CASE_KEYS.has(key)) r.error(key, 'is not a case field');
  if (raw.name !== undefined && typeof raw.name !== 'string')
    r.error('name', `must be a string, got ${show(raw.name)}`);
  const request = r.request(raw.request);
  const identity: ParsedPolicy[] = [];
  if (!Array.isArray(raw.identityPolicies)) {
    r.error(
      'identityPolicies',
      raw.identityPolicies === undefined ? 'is required (use [] for none)' : 'must be a list of policy documents',
    );
  } else {
    const docs: unknown[] = raw.identityPolicies;
    for (let i = 0; i < docs.length; i++) {
      if (!(i in docs)) continue; // a hole is skipped, as flatMap skips it
      const policy = r.policy(docs[i], `identityPolicies[${i}]`, 'identity');
      if (policy) identity.push(policy);
    }
  }
  const opt = (field: string, kind: PolicyKind) =>
    raw[field] === undefined ? undefined : r.policy(raw[field], field, kind);
  const permissionsBoundary = opt('permissionsBoundary', 'identity');
  const sessionPolicy = opt('sessionPolicy', 'identity');
  const resourcePolicy = opt('resourcePolicy', 'resource');
  const scps = r.levels(raw.scps, 'scps');
  const rcps = r.levels(raw.rcps, 'rcps');
  if (r.errors.length > 0 || !request) return r.errors;
  return {
    ...(typeof raw.name === 'string' ? { name: raw.name } : {}),
    request,
    policies: {
      identityPolicies: identity,
      permissionsBoundary,
      sessionPolicies: sessionPolicy ? [sessionPolicy] : undefined,
      scps,
      rcps,
      resourcePolicy,
    },
  };
}

/** Reads and validates simulate input. `file` names the input in policy sources. */
export function parseSimulateInput(json: unknown, file?: string): SimulateInput {
  const many = isObject(json) && 'cases' in json;
  if (many && !Array.isArray(json.cases))
    return { ok: false, errors: [{ path: 'cases', message: 'cases must be a list of cases' }] };
  const raws: unknown[] = many ? (json.cases as unknown[]) : [json];
  if (many && Object.keys(json).length > 1) {
    const extra = Object.keys(json).filter((k) => k !== 'cases');
    return { ok: false, errors: extra.map((k) => ({ path: k, message: `${k} is not allowed beside "cases"` })) };
  }
  const cases: SimulateCase[] = [];
  const errors: InputError[] = [];
  raws.forEach((raw, i) => {
    const out = readCase(raw, many ? `cases[${i}]` : '', file);
    if (Array.isArray(out)) errors.push(...out);
    else cases.push(out);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, cases };
}

/** A case's result; where the policy has two readings (EvaluateOptions.reading), what the other one decides. */
export interface SimulateResult extends EvaluationResult {
  readonly otherReading?: EvaluationResult['decision'];
}

/**
 * Evaluates one case, with the reading that denies where AWS's documentation and its observed behaviour differ;
 * when the evaluation met such a place, the other reading's decision too.
 */
export function simulateCase(c: SimulateCase, options: EvaluateOptions = {}): SimulateResult {
  const set = compilePolicySet(c.policies);
  const result = evaluate(set, c.request, options);
  if (!result.unsettled) return result;
  return { ...result, otherReading: evaluate(set, c.request, { ...options, reading: 'allow' }).decision };
}
