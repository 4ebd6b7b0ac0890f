/**
 * Evaluates one layer of policies against a prepared request: which statements match, Allow and
 * Deny, and for a resource policy how strongly its Principal names the caller.
 */
import { type CompiledLayer, type CompiledStatement, candidates } from './compile.js';
import type { CompiledCondition } from './conditions/types.js';
import { globCovers, globWitness } from './glob.js';
import { GRANT_RANK, type Grant, matchPrincipal, notPrincipalApplies } from './principal.js';
import { noteUnsettled, type PreparedRequest } from './request.js';
import { matchesAnyGlob } from './resource.js';
import type { Mismatch, StatementDetail, StatementRef } from './types.js';

/** What one layer says about a request. */
export interface LayerOutcome {
  readonly allows: readonly StatementRef[];
  readonly denies: readonly StatementRef[];
  /** For resource policies: the strongest grant among matching Allow statements. */
  readonly grant: Grant | undefined;
  /** Every statement, when full explanation was asked for. */
  readonly details: readonly StatementDetail[] | undefined;
}

interface StatementMatch {
  readonly mismatch?: Mismatch;
  readonly failedCondition?: string;
  readonly grant?: Grant;
}

const MATCHED: StatementMatch = {};
const NO_ACTION: StatementMatch = { mismatch: 'action' };
const NO_RESOURCE: StatementMatch = { mismatch: 'resource' };
const NO_PRINCIPAL: StatementMatch = { mismatch: 'principal' };
const NO_CONDITION: StatementMatch = { mismatch: 'condition' };
const GRANTS: Readonly<Record<Grant, StatementMatch>> = {
  direct: { grant: 'direct' },
  role: { grant: 'role' },
  account: { grant: 'account' },
};

/**
 * Tests one statement: Action, then Resource, then Principal, then Condition, as cheapest first.
 * Only with `full` does a condition mismatch say which condition failed (no allocation otherwise).
 */
export function matchStatement(s: CompiledStatement, req: PreparedRequest, full = false): StatementMatch {
  if (s.actionMatches(req.actionLower) === s.notAction) return NO_ACTION;
  return matchPastAction(s, req, full);
}

/** {@link matchStatement} for a statement whose Action or NotAction is known to apply. */
function matchPastAction(s: CompiledStatement, req: PreparedRequest, full: boolean): StatementMatch {
  // The worst-case readings live apart, so that this path, run for every statement, stays small enough to inline.
  if (req.unknown !== undefined || req.resourcePattern) return matchAtWorst(s, req, full);
  if (!resourceApplies(s, req)) return NO_RESOURCE;
  const grant = principalGrant(s, req);
  if (grant === false) return NO_PRINCIPAL;
  for (const c of s.conditions) {
    if (!c.test(req)) return full ? { mismatch: 'condition', failedCondition: c.label } : NO_CONDITION;
  }
  return grant ? GRANTS[grant] : MATCHED;
}

/** Whether the statement's Resource or NotResource applies to the request's one resource. */
function resourceApplies(s: CompiledStatement, req: PreparedRequest): boolean {
  if (s.resourceGlobs) return matchesAnyGlob(s.resourceGlobs, req.resource) !== s.notResource;
  if (!s.resources) return true;
  // A policy variable with no value leaves the element undecided: the statement does not take effect, as the
  // policy-variables page says. For a NotResource Deny, that reading lets the request through, and IAM is reported to
  // apply the Deny instead: the denying reading comes first (EvaluateOptions.reading) and the two are noted.
  const r = s.resources(req);
  if (r !== undefined) return r !== s.notResource;
  if (!s.notResource || s.effect !== 'Deny') return false;
  noteUnsettled(req, `${s.ref.policy} Statement[${s.ref.index}].NotResource: ${UNSETTLED_NOT_RESOURCE}`);
  return req.reading === 'deny';
}

/**
 * A NotResource entry whose policy variable has no value: the policy-variables page says the element does not match
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-no-value), so a Deny
 * with it would not take effect; IAM is reported to apply it.
 */
export const UNSETTLED_NOT_RESOURCE =
  'a policy variable in NotResource has no value: the documentation says the statement does not take effect, IAM is reported to apply the Deny';

/**
 * A Deny whose NotPrincipal lists a session of the caller's role, when the caller's session name is not known: it
 * exempts only the session it names
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html).
 */
export const UNSETTLED_NOT_PRINCIPAL =
  "NotPrincipal lists a session of the caller's role, and the caller's session name is not known: the Deny applies unless it is that session";

/** How the statement's Principal or NotPrincipal names the caller: a grant, undefined when it has none, or false. */
function principalGrant(s: CompiledStatement, req: PreparedRequest): Grant | undefined | false {
  if (!s.principal) return undefined;
  if (s.notPrincipal) {
    // NotPrincipal with Allow grants to "everyone else", as `*` would.
    const applies = notPrincipalApplies(s.principal, req.principal, s.effect, req.hasPermissionsBoundary);
    if (applies === 'unknown') {
      // The caller's session name is unknown and the element lists a session of its role: the Deny applies unless
      // that is the caller's session. Both readings are taken (EvaluateOptions.reading), the denying one first.
      noteUnsettled(req, `${s.ref.policy} Statement[${s.ref.index}].NotPrincipal: ${UNSETTLED_NOT_PRINCIPAL}`);
      if (req.reading !== 'deny') return false;
    } else if (!applies) return false;
    // A Deny that names the caller applies all the same when it has a permissions boundary: noted for the explanation.
    if (
      s.effect === 'Deny' &&
      req.hasPermissionsBoundary &&
      !notPrincipalApplies(s.principal, req.principal, s.effect, false)
    ) {
      req.boundaryDenies ??= new Set();
      req.boundaryDenies.add(s.ref);
    }
    return 'direct';
  }
  return matchPrincipal(s.principal, req.principal) ?? false;
}

/**
 * {@link matchPastAction} with the worst-case readings of EvaluateOptions: a resource pattern, and keys the caller
 * cannot know (as condition keys, or as policy variables in Resource or in condition values).
 */
function matchAtWorst(s: CompiledStatement, req: PreparedRequest, full: boolean): StatementMatch {
  const unknown = req.unknown;
  // A Resource element that holds a variable the caller cannot know is undecided here: decided at its worst below.
  const resourceUnknown = unknown !== undefined && s.resourceVariables?.some(unknown) === true;
  if (resourceUnknown) {
    // Decided at the end, once everything else is known to hold.
  } else if (req.resourcePattern) {
    if (!patternApplies(s, req.resource)) return NO_RESOURCE;
  } else if (!resourceApplies(s, req)) {
    return NO_RESOURCE;
  }
  const grant = principalGrant(s, req);
  if (grant === false) return NO_PRINCIPAL;
  let undecided: CompiledCondition | undefined;
  for (const c of s.conditions) {
    if (unknown !== undefined && conditionUnknown(c, unknown)) undecided ??= c;
    else if (!c.test(req)) return full ? { mismatch: 'condition', failedCondition: c.label } : NO_CONDITION;
  }
  if (unknown !== undefined && (resourceUnknown || undecided)) {
    // Everything known holds, so the unknown keys decide: at their worst, a Deny applies and an Allow does not.
    noteAssumed(s, unknown, req.assumed);
    if (s.effect === 'Allow') {
      if (!undecided) return NO_RESOURCE;
      return full ? { mismatch: 'condition', failedCondition: undecided.label } : NO_CONDITION;
    }
  }
  return grant ? GRANTS[grant] : MATCHED;
}

/**
 * Whether a statement applies to a request resource that stands for every resource it matches: an Allow must
 * cover them all, a Deny meet one (see EvaluateOptions.resourcePattern). A Resource that is not plain globs
 * (policy variables, or wildcards before the ARN's resource field) is taken at its worst.
 */
function patternApplies(s: CompiledStatement, pattern: string): boolean {
  const globs = s.resourceGlobs;
  const deny = s.effect === 'Deny';
  if (globs === undefined) return s.resources === undefined || deny;
  const covers = () => globs.some((glob) => globCovers(glob, pattern));
  // MAY_MEET (past the glob budget, src/iam/glob.ts) counts as meeting: a Deny applies, a NotResource Allow does not.
  const meets = () => globs.some((glob) => globWitness(glob, pattern) !== undefined);
  // Resource: an Allow needs one entry that covers the pattern, a Deny one that meets it. NotResource: the reverse.
  if (!s.notResource) return deny ? meets() : covers();
  return deny ? !covers() : !meets();
}

/** Whether a condition reads a key the caller cannot know, as its key or in a policy variable of its values. */
function conditionUnknown(c: CompiledCondition, unknown: (key: string) => boolean): boolean {
  return unknown(c.key) || c.variables?.some(unknown) === true;
}

/** Records the unknown keys a statement's Resource and conditions read. */
function noteAssumed(s: CompiledStatement, unknown: (key: string) => boolean, assumed: Set<string> | undefined): void {
  if (!assumed) return;
  for (const key of s.resourceVariables ?? []) if (unknown(key)) assumed.add(key);
  for (const c of s.conditions) {
    if (unknown(c.key)) assumed.add(c.key);
    for (const key of c.variables ?? []) if (unknown(key)) assumed.add(key);
  }
}

const EMPTY: readonly StatementRef[] = [];

/** Evaluates a layer. With `full`, every statement is tested and described. */
export function evaluateLayer(layer: CompiledLayer, req: PreparedRequest, full: boolean): LayerOutcome {
  // The action index holds the statements whose action applies; otherwise each candidate tests its action (every
  // statement, on a layer's first request: it is indexed on its second).
  const index = full ? undefined : layer.index();
  const indexed = index?.byAction.get(req.actionLower);
  const list = indexed ?? (index ? candidates(index, req) : layer.statements);
  let allows: StatementRef[] | undefined;
  let denies: StatementRef[] | undefined;
  let grant: Grant | undefined;
  const details: StatementDetail[] | undefined = full ? [] : undefined;
  for (const s of list) {
    const m = indexed ? matchPastAction(s, req, full) : matchStatement(s, req, full);
    details?.push({
      ref: s.ref,
      matched: m.mismatch === undefined,
      ...(m.mismatch ? { mismatch: m.mismatch } : {}),
      ...(m.failedCondition ? { failedCondition: m.failedCondition } : {}),
    });
    if (m.mismatch) continue;
    // Most layers match one statement: a list of exactly one, grown only when a second comes.
    if (s.effect === 'Deny') {
      if (denies) denies.push(s.ref);
      else denies = [s.ref];
    } else {
      if (allows) allows.push(s.ref);
      else allows = [s.ref];
      if (m.grant && (!grant || GRANT_RANK[m.grant] > GRANT_RANK[grant])) grant = m.grant;
    }
  }
  return { allows: allows ?? EMPTY, denies: denies ?? EMPTY, grant, details };
}
