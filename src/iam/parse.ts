/**
 * Parses and validates a policy document (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html).
 * Problems are returned as {@link PolicyError} values naming the statement and the field, e.g.
 * `Statement[2].Effect must be "Allow" or "Deny", got "allow"`; nothing here throws on bad input.
 */
import { compileConditionBlock } from './conditions/index.js';
import type { CompiledCondition } from './conditions/types.js';
import { type PrincipalEntry, parseAwsPrincipal } from './principal.js';
import type { PolicyError, PolicyKind, PolicySource } from './types.js';

/** A statement with every element normalised to a list. Exactly one of each pair is set. */
export interface ParsedStatement {
  readonly index: number;
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny';
  readonly action?: readonly string[];
  readonly notAction?: readonly string[];
  readonly resource?: readonly string[];
  readonly notResource?: readonly string[];
  readonly principal?: readonly PrincipalEntry[];
  readonly notPrincipal?: readonly PrincipalEntry[];
  readonly conditions: readonly CompiledCondition[];
}

/** A valid policy document. */
export interface ParsedPolicy {
  readonly source: PolicySource;
  readonly kind: PolicyKind;
  readonly version: string | undefined;
  /** Policy variables are substituted only under Version 2012-10-17. */
  readonly substitute: boolean;
  readonly statements: readonly ParsedStatement[];
}

/** The outcome of parsing: a policy, or the errors that make it invalid. */
export type ParseResult =
  | { readonly ok: true; readonly policy: ParsedPolicy }
  | { readonly ok: false; readonly errors: readonly PolicyError[] };

const VERSIONS = ['2012-10-17', '2008-10-17'];
const POLICY_KEYS = new Set(['Version', 'Id', 'Statement']);
const PRINCIPAL_KEYS = new Set(['AWS', 'Service', 'Federated', 'CanonicalUser']);

/** Renders a value for an error message, short. */
export function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class Collector {
  readonly errors: PolicyError[] = [];
  constructor(readonly source: PolicySource) {}
  add(code: string, path: string, message: string): void {
    this.errors.push({ code, path, message: `${path} ${message}`, source: this.source });
  }
}

/** Whether every element is a string, as `every` reads it (a hole is skipped). */
function allStrings(list: readonly unknown[]): boolean {
  for (let i = 0; i < list.length; i++) if (typeof list[i] !== 'string' && i in list) return false;
  return true;
}

/**
 * The path of an element of a statement, `Statement[2].Action`. Built only for an error message: a valid statement
 * needs none.
 */
function at(path: string, element: string): string {
  return `${path}.${element}`;
}

/**
 * A string or a non-empty list of strings, as Action, Resource and Principal values are. `element` is appended to
 * `path` in messages (empty: `path` names the value already).
 */
function readStrings(value: unknown, path: string, element: string, out: Collector): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.length > 0 && allStrings(value)) return value as string[];
  const where = element === '' ? path : at(path, element);
  if (Array.isArray(value) && value.length === 0) out.add('empty-list', where, 'must not be an empty list');
  else out.add('invalid-type', where, `must be a string or a list of strings, got ${show(value)}`);
  return undefined;
}

/** `service:action`, either part with wildcards. */
const ACTION = /^[A-Za-z0-9*?-]+:[A-Za-z0-9*?_-]+$/;

/** Action or NotAction (`element`) of the statement at `path`. */
function readActions(value: unknown, path: string, element: string, out: Collector): string[] | undefined {
  const list = readStrings(value, path, element, out);
  if (list === undefined) return list;
  for (let i = 0; i < list.length; i++) {
    const a = list[i];
    if (a === undefined && !(i in list)) continue; // a hole is skipped, as forEach skips it
    if (a !== '*' && !ACTION.test(a as string)) {
      const where = typeof value === 'string' ? at(path, element) : `${at(path, element)}[${i}]`;
      out.add('invalid-action', where, `must be "*" or "service:action", got ${show(a)}`);
    }
  }
  return list;
}

/** Resource or NotResource (`element`) of the statement at `path`. */
function readResources(value: unknown, path: string, element: string, out: Collector): string[] | undefined {
  const list = readStrings(value, path, element, out);
  if (list === undefined) return list;
  for (let i = 0; i < list.length; i++) {
    const r = list[i];
    if (r === undefined && !(i in list)) continue; // a hole is skipped, as forEach skips it
    if (r !== '*' && !(r as string).startsWith('arn:')) {
      const where = typeof value === 'string' ? at(path, element) : `${at(path, element)}[${i}]`;
      out.add('invalid-resource', where, `must be "*" or an ARN, got ${show(r)}`);
    }
  }
  return list;
}

/** Principal or NotPrincipal (`element`) of the statement at `statementPath`. */
function readPrincipal(
  value: unknown,
  statementPath: string,
  element: string,
  out: Collector,
): PrincipalEntry[] | undefined {
  if (value === '*') return [{ kind: 'any' }];
  const path = at(statementPath, element);
  if (!isObject(value)) {
    out.add(
      'invalid-principal',
      path,
      `must be "*" or an object with AWS, Service, Federated or CanonicalUser, got ${show(value)}`,
    );
    return undefined;
  }
  const entries: PrincipalEntry[] = [];
  for (const key of Object.keys(value)) {
    const raw = value[key];
    if (!PRINCIPAL_KEYS.has(key)) {
      out.add('unknown-field', at(path, key), 'is not a principal type; use AWS, Service, Federated or CanonicalUser');
      continue;
    }
    const list = readStrings(raw, path, key, out);
    if (list === undefined) continue;
    for (let i = 0; i < list.length; i++) {
      if (!(i in list)) continue; // a hole is skipped, as forEach skips it
      const v = list[i] as string;
      if (key === 'AWS') {
        const entry = parseAwsPrincipal(v);
        if (entry) entries.push(entry);
        else
          out.add(
            'invalid-principal',
            typeof raw === 'string' ? at(path, key) : `${at(path, key)}[${i}]`,
            `must be "*", a 12-digit account id, or an IAM user, role or STS session ARN without wildcards, got ${show(v)}`,
          );
      } else if (v === '*' && key !== 'CanonicalUser') {
        entries.push({ kind: 'any' });
      } else if (key === 'Service') entries.push({ kind: 'service', name: v });
      else if (key === 'Federated') entries.push({ kind: 'federated', name: v });
      else entries.push({ kind: 'canonical', id: v });
    }
  }
  return entries;
}

/** A statement's elements, as read from the document (absent ones undefined). */
interface Elements {
  readonly Sid: unknown;
  readonly Effect: unknown;
  readonly Action: unknown;
  readonly NotAction: unknown;
  readonly Resource: unknown;
  readonly NotResource: unknown;
  readonly Principal: unknown;
  readonly NotPrincipal: unknown;
  readonly Condition: unknown;
}

/**
 * Reads the statement's elements in one pass over its keys (a statement names three or four of the nine, and each
 * lookup of an absent one costs as much as a present one), reporting the keys that are not statement elements.
 * The object it returns has one shape for every statement.
 */
function readElements(raw: Record<string, unknown>, path: string, out: Collector): Elements {
  let Sid: unknown;
  let Effect: unknown;
  let Action: unknown;
  let NotAction: unknown;
  let Resource: unknown;
  let NotResource: unknown;
  let Principal: unknown;
  let NotPrincipal: unknown;
  let Condition: unknown;
  for (const key of Object.keys(raw)) {
    switch (key) {
      case 'Sid':
        Sid = raw[key];
        break;
      case 'Effect':
        Effect = raw[key];
        break;
      case 'Action':
        Action = raw[key];
        break;
      case 'NotAction':
        NotAction = raw[key];
        break;
      case 'Resource':
        Resource = raw[key];
        break;
      case 'NotResource':
        NotResource = raw[key];
        break;
      case 'Principal':
        Principal = raw[key];
        break;
      case 'NotPrincipal':
        NotPrincipal = raw[key];
        break;
      case 'Condition':
        Condition = raw[key];
        break;
      default:
        out.add('unknown-field', `${path}.${key}`, 'is not a statement element');
    }
  }
  return { Sid, Effect, Action, NotAction, Resource, NotResource, Principal, NotPrincipal, Condition };
}

/** Checks the statement's Sid and Effect. */
function checkSidEffect({ Sid, Effect }: Elements, path: string, out: Collector): void {
  if (Sid !== undefined && typeof Sid !== 'string')
    out.add('invalid-type', `${path}.Sid`, `must be a string, got ${show(Sid)}`);
  if (Effect !== 'Allow' && Effect !== 'Deny') {
    out.add(
      'invalid-effect',
      `${path}.Effect`,
      Effect === undefined ? 'is required' : `must be "Allow" or "Deny", got ${show(Effect)}`,
    );
  }
}

/** Checks that at most one of an element (`a`, named `aName`) and its Not form is given, and one when `required`. */
function checkPair(
  a: unknown,
  b: unknown,
  aName: string,
  bName: string,
  required: boolean,
  path: string,
  out: Collector,
) {
  if (a !== undefined && b !== undefined)
    out.add('conflicting-elements', path, `must not have both ${aName} and ${bName}`);
  else if (required && a === undefined && b === undefined)
    out.add('missing-element', path, `must have ${aName} or ${bName}`);
}

/** Checks which elements the policy's kind requires and allows (Principal is for resource policies and RCPs). */
function checkPairs(e: Elements, kind: PolicyKind, path: string, out: Collector): void {
  checkPair(e.Action, e.NotAction, 'Action', 'NotAction', true, path, out);
  checkPair(e.Resource, e.NotResource, 'Resource', 'NotResource', kind !== 'resource', path, out);
  if (kind === 'identity') {
    if (e.Principal !== undefined)
      out.add('principal-not-allowed', `${path}.Principal`, 'is not allowed in an identity-based policy');
    if (e.NotPrincipal !== undefined)
      out.add('principal-not-allowed', `${path}.NotPrincipal`, 'is not allowed in an identity-based policy');
  } else {
    checkPair(e.Principal, e.NotPrincipal, 'Principal', 'NotPrincipal', kind === 'resource', path, out);
    // "NotPrincipal with Allow is not supported" (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html):
    // it is refused, never read as a grant to everyone not listed.
    if (e.NotPrincipal !== undefined && e.Effect === 'Allow')
      out.add(
        'not-principal-allow',
        `${path}.NotPrincipal`,
        'with "Effect": "Allow" is not supported by AWS; use Principal, or Deny with NotPrincipal',
      );
  }
}

/** Parses one statement; returns undefined when it has errors (they are in `out`). */
function parseStatement(
  raw: unknown,
  index: number,
  path: string,
  policy: Omit<ParsedPolicy, 'statements'>,
  out: Collector,
): ParsedStatement | undefined {
  const before = out.errors.length;
  if (!isObject(raw)) {
    out.add('invalid-statement', path, `must be an object, got ${show(raw)}`);
    return undefined;
  }
  const e = readElements(raw, path, out);
  checkSidEffect(e, path, out);
  checkPairs(e, policy.kind, path, out);
  // Each element is read (and its errors added) in this order; absent ones are left out of the statement.
  const action = e.Action === undefined ? undefined : readActions(e.Action, path, 'Action', out);
  const notAction = e.NotAction === undefined ? undefined : readActions(e.NotAction, path, 'NotAction', out);
  const resource = e.Resource === undefined ? undefined : readResources(e.Resource, path, 'Resource', out);
  const notResource = e.NotResource === undefined ? undefined : readResources(e.NotResource, path, 'NotResource', out);
  const principals = policy.kind !== 'identity';
  const principal =
    principals && e.Principal !== undefined ? readPrincipal(e.Principal, path, 'Principal', out) : undefined;
  const notPrincipal =
    principals && e.NotPrincipal !== undefined ? readPrincipal(e.NotPrincipal, path, 'NotPrincipal', out) : undefined;
  const conditions =
    e.Condition === undefined
      ? []
      : compileConditionBlock(e.Condition, {
          path: `${path}.Condition`,
          substitute: policy.substitute,
          effect: e.Effect === 'Deny' ? 'Deny' : 'Allow',
          source: policy.source,
          errors: out.errors,
        });
  if (out.errors.length > before) return undefined;
  // Built field by field (no intermediate object and entry lists), in the order the fields are declared.
  const statement: { -readonly [K in keyof ParsedStatement]: ParsedStatement[K] } = {
    index,
    effect: e.Effect as 'Allow' | 'Deny',
  } as ParsedStatement;
  if (action) statement.action = action;
  if (notAction) statement.notAction = notAction;
  if (resource) statement.resource = resource;
  if (notResource) statement.notResource = notResource;
  if (principal) statement.principal = principal;
  if (notPrincipal) statement.notPrincipal = notPrincipal;
  statement.conditions = conditions;
  if (typeof e.Sid === 'string') statement.sid = e.Sid;
  return statement;
}

/**
 * Parses a policy document of the given kind: `identity` (identity policies, permissions boundaries,
 * session policies, SCPs: no Principal), `resource` (Principal required, Resource optional), or
 * `control` (RCPs: Principal optional).
 */
export function parsePolicy(doc: unknown, source: PolicySource, kind: PolicyKind): ParseResult {
  const out = new Collector(source);
  if (!isObject(doc)) {
    out.add('invalid-policy', '(policy)', `must be a JSON object, got ${show(doc)}`);
    return { ok: false, errors: out.errors };
  }
  for (const key of Object.keys(doc)) {
    if (!POLICY_KEYS.has(key)) out.add('unknown-field', key, 'is not a policy element; use Version, Id and Statement');
  }
  const version = doc.Version;
  if (version !== undefined && !VERSIONS.includes(version as string)) {
    out.add('invalid-version', 'Version', `must be "2012-10-17" or "2008-10-17", got ${show(version)}`);
  }
  if (doc.Id !== undefined && typeof doc.Id !== 'string')
    out.add('invalid-type', 'Id', `must be a string, got ${show(doc.Id)}`);
  const header = {
    source,
    kind,
    version: typeof version === 'string' ? version : undefined,
    substitute: version === '2012-10-17',
  };
  const raw = doc.Statement;
  const statements: ParsedStatement[] = [];
  if (raw === undefined) out.add('missing-element', 'Statement', 'is required');
  else if (Array.isArray(raw)) {
    for (let i = 0; i < raw.length; i++) {
      if (!(i in raw)) continue; // a hole is skipped, as forEach skips it
      const parsed = parseStatement(raw[i], i, `Statement[${i}]`, header, out);
      if (parsed) statements.push(parsed);
    }
  } else {
    const parsed = parseStatement(raw, 0, 'Statement', header, out);
    if (parsed) statements.push(parsed);
  }
  if (out.errors.length > 0) return { ok: false, errors: out.errors };
  const policy: ParsedPolicy = {
    source: header.source,
    kind: header.kind,
    version: header.version,
    substitute: header.substitute,
    statements,
  };
  return { ok: true, policy };
}
