/**
 * The trust check: would STS let this web identity token assume this role? The role's trust policy is evaluated
 * by the engine as STS evaluates it for AssumeRoleWithWebIdentity: the principal is the IAM OIDC provider in the
 * role's account, the resource the role, and the context the token's claims under the keys AWS populates for that
 * provider (taken from the service authorization reference through the catalog, never from memory). Pure.
 */
import {
  type CompiledPolicySet,
  compilePolicySet,
  evaluate,
  type ParsedPolicy,
  type PolicyError,
  type StatementDetail,
  type StatementRef,
} from '../iam/index.js';
import {
  type AwsInventory,
  type DeclaredAbsent,
  type OidcProviderModel,
  type PolicyDocument,
  trustConflict,
} from '../model/aws.js';
import { type EvidenceValue, type Finding, type FindingDraft, finding, findingMaker } from '../model/finding.js';
import type { FindingClass } from '../model/finding-classes.js';
import { explainSubjectMismatch, isGitHubToken, suggestSubjectFix } from '../tokens/github.js';
import type { RoleCheck } from './check.js';
import { LAYER_DOC, locationOf, parseDocument, type RcpLayer, rcpLayer } from './permissions/policies.js';
import { providerRefusing } from './provider.js';
import { code, describeCondition, type Probe, probe, STRING_OPS_DOC } from './trust/probe.js';
import {
  ACTION,
  buildWebIdentityRequest,
  isObject,
  knownKey,
  STS_KEYS_DOC,
  TAGS_DOC,
  type TrustCheckInput,
  type WebIdentityRequest,
} from './trust/request.js';

export { buildWebIdentityRequest, type TrustCheckInput, type WebIdentityRequest } from './trust/request.js';

const OIDC_ROLE_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html';
const IF_EXISTS_DOC =
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IfExists';
const EVAL_DOC =
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html';
/** The message STS returns when the trust policy refuses (HTTP 403). */
const STS_DENIED = `AccessDenied: Not authorized to perform ${ACTION}`;

/** A statement as the findings name it: its index in the policy, and its Sid when it has one. */
const name = (ref: Pick<StatementRef, 'index' | 'sid'>) => `Statement[${ref.index}]${ref.sid ? ` ("${ref.sid}")` : ''}`;

type Draft = FindingDraft;
/** Everything the finding builders below share. */
interface Ctx {
  readonly input: TrustCheckInput;
  readonly wi: WebIdentityRequest;
  readonly policy: ParsedPolicy;
  readonly evidence: Readonly<Record<string, EvidenceValue>>;
  readonly make: (draft: Draft, suffix?: string) => Finding;
  readonly probes: (ref: StatementRef) => Probe[];
}
/** The fix when the decision turns on a key only STS knows at call time. */
const CONFIRM_LIVE =
  'Confirm with the live probe (sts:AssumeRoleWithWebIdentity), or drop the condition on a key only STS knows at call time.';
/** How a refusal by the trust policy ends: AccessDenied, HTTP 403. */
const REFUSED = { cause: 'changed-trust-or-network-rule', wouldReturn: 403 } as const;

/**
 * The organization's policies as the trust check reads them: RCPs apply to sts:AssumeRoleWithWebIdentity, for STS is
 * among the services they support (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html#rcp-supported-services),
 * and the role is the resource. Absent, they are not read: a trust that admits the token is then unverified, as a
 * permission is (`layer-not-read`, src/checks/permissions/layers.ts), unless `organizations: none` is declared.
 */
export interface TrustOrgInput {
  /** The inventory whose `rcps` (and `unreadOrgLayers`) apply to the role's account. */
  readonly inventory?: AwsInventory;
  readonly declaredAbsent?: DeclaredAbsent;
}

/** Checks the role's trust policy for this token; see the module comment. */
export function checkTrust(input: TrustCheckInput & TrustOrgInput): Finding[] {
  const { role, claims } = input;
  const trust = role.trustPolicy;
  const place = findingMaker({
    idPrefix: `trust:${role.name}`,
    subject: `trust policy of role "${role.name}"`,
    decisionPoint: 'sts-trust',
    ...locationOf(trust),
  });
  const make = (draft: Draft, suffix?: string): Finding => place(suffix ? { ...draft, suffix } : draft);
  const conflict = trustConflict(role);
  if (conflict) return [conflictingTrust(make, role.arn, conflict)];
  const parsed = parseDocument(trust, 'resource', 'trust');
  if (!parsed.ok) return [invalidTrustPolicy(make, role.arn, parsed.errors)];
  const wi = buildWebIdentityRequest(input);
  const rcps = rcpLayer(input.inventory, input.declaredAbsent, role.accountId, role.accountId);
  const broken = rcps.broken.map(({ doc, errors }) => invalidRcp(doc, errors));
  const set = compilePolicySet({ identityPolicies: [], resourcePolicy: parsed.policy, rcps: rcps.levels });
  const result = evaluate(set, wi.request, { explain: 'full' });
  const raw = rawStatements(trust.document);
  const evidence: Record<string, EvidenceValue> = {
    roleArn: role.arn,
    provider: wi.providerArn,
    ...(typeof claims.sub === 'string' ? { sub: claims.sub } : {}),
    ...(typeof claims.aud === 'string' ? { aud: claims.aud } : {}),
    decision: result.decision,
  };
  const probes = (ref: StatementRef) => probe(raw[ref.index], parsed.policy, wi, wi.request);
  const ctx: Ctx = { input, wi, policy: parsed.policy, evidence, make, probes };
  const details = result.explanation.layers.find((l) => l.layer === 'resource')?.statements ?? [];
  const deciding = result.explanation.deciding;
  const rcp = { layer: rcps, ...(input.inventory ? { inventory: input.inventory } : {}) };
  if (result.decision === 'explicit-deny' && result.explanation.decidingLayer === 'rcp')
    return [...broken, rcpDenied(ctx, result.explanation, rcp, knownKey(wi))];
  if (result.decision === 'explicit-deny') return [...broken, explicitDeny(ctx, deciding)];
  if (result.decision === 'implicit-deny') {
    const candidates = details.filter((d) => d.ref.effect === 'Allow' && d.mismatch === 'condition').map((d) => d.ref);
    return [...broken, candidates.length > 0 ? implicitDeny(ctx, candidates) : noStatement(ctx)];
  }
  // The allow stands only if no RCP denies it for the values of keys the preflight cannot know (aws:SourceIp, ...).
  const worst = evaluate(set, wi.request, { explain: 'full', unknown: (k) => !knownKey(wi)(k) });
  if (worst.decision === 'explicit-deny' && worst.explanation.decidingLayer === 'rcp') {
    const [, ...rest] = allowedFindings(ctx, set, deciding, details);
    return [...broken, rcpUnknownKey(ctx, worst.explanation, rcp, worst.assumed ?? []), ...rest];
  }
  const findings = allowedFindings(ctx, set, deciding, details);
  if (!rcps.notRead) return [...broken, ...findings];
  const [, ...rest] = findings;
  return [...broken, rcpNotRead(ctx, deciding), ...rest];
}

/** Where an RCP's statement is, by the document of its level and name. */
function rcpDocument(inventory: AwsInventory | undefined, level: number | undefined, name: string) {
  return level === undefined ? undefined : inventory?.rcps?.[level]?.find((d) => d.name === name);
}

/** An RCP that does not parse: the RCPs are not verified, and an allow past them is not a pass. */
function invalidRcp(doc: PolicyDocument, errors: readonly string[]): Finding {
  return finding('invalid-policy', {
    id: `trust:invalid-policy:rcp:${doc.name}`,
    subject: `policy ${doc.name}`,
    decisionPoint: 'rcp',
    status: 'unverified',
    message: `${doc.name} could not be read, so the trust cannot be verified past the RCPs: ${errors.slice(0, 3).join('; ')}.`,
    evidence: { policy: doc.name, errors: [...errors] },
    fix: `Correct ${doc.name}; Organizations refuses documents with these errors, so the copy given may be damaged or edited.`,
    docUrl: LAYER_DOC.rcp,
    ...locationOf(doc),
  });
}

type RcpRead = { readonly layer: RcpLayer; readonly inventory?: AwsInventory };

/** A Deny of an RCP matches the call: STS refuses it whatever the trust policy allows (EVAL_DOC). */
function rcpDenied(
  ctx: Ctx,
  e: { readonly deciding: readonly StatementRef[]; readonly decidingLevel?: number; readonly reason: string },
  rcp: RcpRead,
  isKnown: (key: string) => boolean,
): Finding {
  const [first] = e.deciding;
  const doc = first ? rcpDocument(rcp.inventory, e.decidingLevel, first.policy) : undefined;
  const statements = e.deciding.map(
    (ref) => rcp.layer.levels[e.decidingLevel ?? -1]?.find((p) => p.source.name === ref.policy)?.statements[ref.index],
  );
  const keys = statements.flatMap((st) => (st?.conditions ?? []).map((c) => c.label.slice(c.label.indexOf(' ') + 1)));
  const unknown = keys.find((k) => !isKnown(k));
  return ctx.make(
    {
      ...REFUSED,
      status: unknown ? 'unverified' : 'fail',
      class: unknown ? 'context-key-unknown' : 'explicit-deny',
      decisionPoint: 'rcp',
      message: unknown
        ? `Could not verify: ${e.reason} That turns on ${unknown}, which the preflight cannot know.`
        : `${e.reason} An explicit Deny in an RCP overrides the trust policy's Allow.`,
      evidence: { ...ctx.evidence, layer: 'rcp', ...(unknown ? { unknownKey: unknown } : {}), stsError: STS_DENIED },
      fix: unknown
        ? CONFIRM_LIVE
        : 'This is an organization policy: its owners must narrow the Deny, or the deploy must run from a context it does not cover.',
      docUrl: unknown ? EVAL_DOC : LAYER_DOC.rcp,
      ...locationOf(doc, first?.index),
    },
    'rcp',
  );
}

/** The trust admits the token, but an RCP denies it for some values of keys the preflight cannot know. */
function rcpUnknownKey(
  ctx: Ctx,
  e: { readonly deciding: readonly StatementRef[]; readonly decidingLevel?: number; readonly reason: string },
  rcp: RcpRead,
  keys: readonly string[],
): Finding {
  const [first] = e.deciding;
  return ctx.make(
    {
      ...REFUSED,
      status: 'unverified',
      class: 'context-key-unknown',
      decisionPoint: 'rcp',
      message: `Could not verify: the trust policy admits this token, but ${e.reason.replace(/^Explicitly denied by /, 'an RCP denies it, ')} for some values of ${keys.join(', ')}, which the preflight cannot know.`,
      evidence: { ...ctx.evidence, layer: 'rcp', unknownKeys: [...keys] },
      fix: CONFIRM_LIVE,
      docUrl: LAYER_DOC.rcp,
      ...locationOf(first ? rcpDocument(rcp.inventory, e.decidingLevel, first.policy) : undefined, first?.index),
    },
    'rcp',
  );
}

/** The trust admits the token, but the RCPs were not read: they apply to STS and could still deny it. */
function rcpNotRead(ctx: Ctx, deciding: readonly StatementRef[]): Finding {
  return ctx.make(
    {
      status: 'unverified',
      class: 'layer-not-read',
      decisionPoint: 'rcp',
      message: `The trust policy lets this token assume the role (${deciding.map(name).join(', ')}), but the RCPs were not read, and they apply to ${ACTION}: a layer not read is unknown, not empty.`,
      // `role` groups it with the role's other layers not read in the headline (src/report/model.ts notReadByRole).
      evidence: { ...ctx.evidence, role: ctx.input.role.name, statements: deciding.map(name), notRead: ['RCPs'] },
      fix: 'Give the RCPs (aws organizations describe-policy of each RESOURCE_CONTROL_POLICY that applies, in a policy folder of the policy files), or declare `organizations: none` when the account is in no organization.',
      docUrl: `${LAYER_DOC.rcp}#rcp-supported-services`,
    },
    'rcp-not-read',
  );
}

/**
 * Two files give the role's trust policy differently: deciding from either would make the row depend on which file
 * is read first, so nothing about the trust is verified.
 */
export function conflictingTrust(make: (draft: Draft) => Finding, roleArn: string, conflict: string): Finding {
  return make({
    status: 'unverified',
    class: 'conflicting-definitions',
    decisionPoint: 'sts-trust',
    message: `The trust cannot be verified: ${conflict}.`,
    evidence: { roleArn },
    fix: 'Export the role again, so that every file is from the same moment, and pass one description of it.',
  });
}

/** A trust policy the engine cannot read: nothing about it can be verified. */
function invalidTrustPolicy(make: Ctx['make'], roleArn: string, parseErrors: readonly PolicyError[]): Finding {
  const errors = parseErrors.map((e) => e.message);
  const large = parseErrors.find((e) => e.code === 'policy-too-large');
  if (large) {
    return make({
      status: 'unverified',
      class: 'policy-too-large',
      cause: null,
      message: `${large.message}, so it is not what IAM holds, and the trust cannot be verified.`,
      evidence: { roleArn, errors },
      fix: 'Give the trust policy exactly as IAM stores it (aws iam get-role prints it as AssumeRolePolicyDocument): this copy was edited after it was read.',
    });
  }
  return make({
    status: 'unverified',
    class: 'invalid-trust-policy',
    message: `The trust policy could not be evaluated: ${errors.join('; ')}.`,
    evidence: { roleArn, errors },
    fix: 'Give the trust policy exactly as IAM stores it (aws iam get-role prints it as AssumeRolePolicyDocument).',
    docUrl: OIDC_ROLE_DOC,
  });
}

/**
 * The trust policy allows the token: the pass, then what could still undo it. A key AWS never sets makes
 * `...IfExists` and negated operators true and others false (IF_EXISTS_DOC): in a granting Allow the restriction is
 * void, and a Deny that never matches protects nothing. Keys STS sets only at call time may turn the decision around,
 * and session tags need sts:TagSession too (TAGS_DOC).
 */
function allowedFindings(
  ctx: Ctx,
  set: CompiledPolicySet,
  deciding: readonly StatementRef[],
  details: readonly StatementDetail[],
): Finding[] {
  const findings = [
    ctx.make({
      status: 'pass',
      class: 'ok',
      message: `The trust policy lets this token assume the role: ${deciding.map(name).join(', ')} allows ${ACTION} for ${code(ctx.wi.providerArn)}.`,
      evidence: { ...ctx.evidence, statements: deciding.map(name) },
    }),
  ];
  const unmatchedDenies = details.filter((d) => d.ref.effect === 'Deny' && d.mismatch === 'condition');
  const uncertain: string[] = [];
  for (const ref of [...deciding, ...unmatchedDenies.map((d) => d.ref)]) {
    const all = ctx.probes(ref);
    for (const p of all.filter((x) => x.kind === 'unpopulated' && x.holds === (ref.effect === 'Allow'))) {
      findings.push(silentKey(ctx, p, ref));
    }
    // The allow stands only if keys STS sets at call time (aws:SourceIp, ...) do not turn a grant or a Deny around.
    const unknown = all.filter((p) => p.kind === 'unknown');
    const turns =
      ref.effect === 'Allow'
        ? deciding.every((r) => ctx.probes(r).some((p) => p.kind === 'unknown')) // no grant stands on known keys alone
        : all.every((p) => p.holds || p.kind === 'unknown');
    if (unknown.length > 0 && turns)
      uncertain.push(`${name(ref)} (${unknown.map((p) => `${p.op} ${p.key}`).join(', ')})`);
  }
  if (uncertain.length > 0) findings.push(decidedAtCallTime(ctx, uncertain));
  if (ctx.wi.tagRequest && evaluate(set, ctx.wi.tagRequest).decision !== 'allowed')
    findings.push(tagDenied(ctx, deciding));
  return findings;
}

/** An allow that holds only if conditions on values STS sets at call time hold (EVAL_DOC). */
function decidedAtCallTime(ctx: Ctx, uncertain: readonly string[]): Finding {
  return ctx.make({
    ...REFUSED,
    status: 'unverified',
    class: 'trust-unverifiable',
    message: `The trust policy allows this token only if conditions on values STS sets at call time hold, which the preflight cannot know: ${uncertain.join('; ')}.`,
    evidence: { ...ctx.evidence, statements: uncertain },
    fix: CONFIRM_LIVE,
    docUrl: EVAL_DOC,
  });
}

function explicitDeny(ctx: Ctx, denies: readonly StatementRef[]): Finding {
  const met = denies.flatMap((ref) => ctx.probes(ref));
  const unknown = met.some((p) => p.kind === 'unknown');
  const silent = met.some((p) => p.kind === 'unpopulated');
  const because = met.map((p) => describeCondition(p, ctx.wi, ctx.input.claims, true)).join('; ');
  const names = denies.map(name).join(', ');
  return ctx.make({
    ...REFUSED,
    ...locationOf(ctx.input.role.trustPolicy, denies[0]?.index),
    status: unknown ? 'unverified' : 'fail',
    class: unknown ? 'trust-unverifiable' : silent ? 'unpopulated-condition-key' : 'trust-denied',
    message: `${names} explicitly denies ${ACTION} to this token, and an explicit Deny overrides every Allow.${because ? ` Its conditions hold: ${because}.` : ''}`,
    evidence: { ...ctx.evidence, statements: denies.map(name), stsError: STS_DENIED },
    fix: `Narrow or remove the Deny in ${names} if this run should be trusted; otherwise run the deploy from a context it does not cover.`,
    docUrl: silent ? IF_EXISTS_DOC : EVAL_DOC,
  });
}

/** Allow statements name the provider but their conditions fail: show each failing claim beside its pattern. */
function implicitDeny(ctx: Ctx, candidates: readonly StatementRef[]): Finding {
  const { claims } = ctx.input;
  const failing = candidates.map((ref) => ({ ref, fails: ctx.probes(ref).filter((p) => !p.holds) }));
  const all = failing.flatMap((f) => f.fails);
  const cls = classifyDenial(all);
  const subFail = all.find((p) => p.kind === 'present' && /:sub$/i.test(p.key) && !/Not/.test(p.op));
  const pattern = subFail ? closest(String(claims.sub), subFail.values) : undefined;
  const github = isGitHubToken(claims) && pattern !== undefined;
  // The operator of the failing condition on `sub`, and the other conditions on `sub` of its statement (ANDed with it).
  const statement = failing.find((f) => subFail !== undefined && f.fails.includes(subFail));
  const alsoRequired = statement
    ? ctx
        .probes(statement.ref)
        .filter((p) => /:sub$/i.test(p.key) && !/Not/.test(p.op) && p.kind === 'present')
        .filter((p) => p.op !== subFail?.op || p.key !== subFail.key)
        .map((p) => ({ operator: p.op, values: p.values }))
    : [];
  const telling = subFail ? { operator: subFail.op, ...(alsoRequired.length > 0 ? { alsoRequired } : {}) } : {};
  const lines = failing.map(
    (f) => `${name(f.ref)}: ${f.fails.map((p) => describeCondition(p, ctx.wi, claims)).join('; ')}`,
  );
  const docs: Record<string, string> = {
    'unpopulated-condition-key': STS_KEYS_DOC,
    'trust-case-mismatch': STRING_OPS_DOC,
  };
  return ctx.make({
    ...REFUSED,
    ...locationOf(ctx.input.role.trustPolicy, candidates[0]?.index),
    status: cls === 'trust-unverifiable' ? 'unverified' : 'fail',
    class: cls,
    message:
      `No statement of the trust policy allows this token (STS answers ${code(STS_DENIED)}). ${lines.join('. ')}.` +
      (github ? ` ${explainSubjectMismatch(claims, pattern, telling)}` : ''),
    evidence: {
      ...ctx.evidence,
      statements: candidates.map(name),
      conditions: all.map((p) => `${p.op} ${p.key}`),
      stsError: STS_DENIED,
    },
    fix: deniedFix(cls, all, github ? suggestSubjectFix(claims, pattern, telling) : undefined),
    docUrl: docs[cls] ?? OIDC_ROLE_DOC,
  });
}

function rawStatements(doc: unknown): unknown[] {
  const s = isObject(doc) ? doc.Statement : undefined;
  return Array.isArray(s) ? s : s === undefined ? [] : [s];
}

/** The expected pattern most like the actual value: the longest shared prefix (the first of equals). */
export function closest(actual: string, patterns: readonly string[]): string | undefined {
  const shared = (p: string) => [...p, ''].findIndex((ch, i) => ch !== actual[i]);
  return patterns.reduce<string | undefined>(
    (best, p) => (best === undefined || shared(p) > shared(best) ? p : best),
    undefined,
  );
}

/** The most specific class that explains every failing condition. */
function classifyDenial(all: readonly Probe[]): FindingClass {
  if (all.some((p) => p.kind === 'unknown')) return 'trust-unverifiable';
  if (all.length === 0) return 'trust-denied';
  if (all.every((p) => p.kind === 'unpopulated')) return 'unpopulated-condition-key';
  return all.every((p) => p.caseOnly) ? 'trust-case-mismatch' : 'trust-denied';
}

/**
 * The fix for values that differ from the token's only in letter case: the value spelt as the claim is. The
 * StringEqualsIgnoreCase operator has no wildcards
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String),
 * so it is offered only when no value of the conditions is a pattern: a `repo:Org/*` moved to it would match only the
 * literal text `repo:org/*` and be denied again.
 */
function caseFix(all: readonly Probe[]): string {
  const wildcard = all.some((p) => p.values.some((v) => /[*?]/.test(v)));
  const each = all.map((p) => {
    const pattern = p.values.find((v) => /[*?]/.test(v));
    if (p.actual === undefined) return `${code(p.key)} in the token's letter case`;
    return pattern
      ? `${code(p.key)}: the token's value is ${code(p.actual)}, so write ${code(pattern)} with its letters in that case`
      : `${code(p.key)}: ${code(p.actual)}`;
  });
  const alternative = wildcard
    ? ' Keep StringLike: StringEqualsIgnoreCase has no wildcards, so the pattern would then match only its literal text.'
    : ', or compare with StringEqualsIgnoreCase.';
  return `Write the values in the exact letter case of the token's claims (${each.join('; ')})${wildcard ? '.' : ''}${alternative}`;
}

function deniedFix(cls: FindingClass, all: readonly Probe[], subFix: string | undefined): string {
  if (cls === 'trust-unverifiable') return CONFIRM_LIVE;
  if (cls === 'unpopulated-condition-key')
    return `AWS never sets these keys, so the condition never holds: ${all.map((p) => `for ${code(p.key)}, ${p.hint}`).join('; ')}.`;
  if (cls === 'trust-case-mismatch') return caseFix(all);
  const others = all.filter((p) => !/:sub$/i.test(p.key)).map((p) => code(p.key));
  const rest =
    others.length > 0
      ? `Make ${others.join(', ')} accept this run's values, or run the job where its claims match.`
      : '';
  return [subFix, rest].filter(Boolean).join(' ');
}

function silentKey(ctx: Ctx, p: Probe, ref: StatementRef): Finding {
  const what =
    ref.effect === 'Allow'
      ? 'so the condition is always true and the statement allows tokens it was meant to refuse'
      : 'so the Deny never applies';
  return ctx.make(
    {
      class: 'unpopulated-condition-key',
      message: `${name(ref)} tests ${code(p.key)} with ${code(p.op)}, a key AWS never sets for this provider, ${what}: the restriction has no effect.`,
      evidence: { ...ctx.evidence, statement: name(ref), key: p.key, operator: p.op },
      fix: `Restrict with a key AWS sets for this provider: for ${code(p.key)}, ${p.hint}.`,
      docUrl: IF_EXISTS_DOC,
    },
    `${ref.index}:${p.key}`,
  );
}

function tagDenied(ctx: Ctx, granting: readonly StatementRef[]): Finding {
  const keys = Object.keys(ctx.wi.tags);
  return ctx.make({
    ...REFUSED,
    class: 'tag-session-denied',
    message: `The call passes session tags (${keys.map(code).join(', ')}), so STS also needs sts:TagSession, which the trust policy does not allow.`,
    evidence: { ...ctx.evidence, tagKeys: keys, stsError: 'AccessDenied: Not authorized to perform sts:TagSession' },
    fix: `Add "sts:TagSession" to the Action of ${granting.map(name).join(', ')}.`,
    docUrl: TAGS_DOC,
  });
}

/** No statement names the provider for AssumeRoleWithWebIdentity: say what the policy names instead, and what to add. */
function noStatement(ctx: Ctx): Finding {
  const { wi, input } = ctx;
  const notes = ctx.policy.statements.flatMap((s) =>
    (s.principal ?? []).flatMap((p) => {
      if (p.kind !== 'federated') return [];
      const ref = name(s);
      if (p.name === wi.providerArn) return [`${ref} names the provider but not ${ACTION}`];
      if (p.name.endsWith(`:oidc-provider/${wi.prefix}`))
        return [
          `${ref} names the provider in another account (${code(p.name)}); STS uses the one in the role's account`,
        ];
      return [`${ref} trusts ${code(p.name)}, not this token's provider`];
    }),
  );
  const aud = typeof input.claims.aud === 'string' ? input.claims.aud : input.settings.audience;
  const sub = typeof input.claims.sub === 'string' ? input.claims.sub : 'repo:OWNER/REPO:ref:refs/heads/main';
  const statement = {
    Effect: 'Allow',
    Principal: { Federated: wi.providerArn },
    Action: wi.tagRequest ? [ACTION, 'sts:TagSession'] : ACTION,
    Condition: { StringEquals: { [`${wi.prefix}:aud`]: aud, [`${wi.prefix}:sub`]: sub } },
  };
  return ctx.make({
    ...REFUSED,
    class: 'no-trust-statement',
    message: `No statement of the trust policy allows ${ACTION} for the OIDC provider ${code(wi.providerArn)}${notes.length > 0 ? `: ${notes.join('; ')}` : ''}.`,
    evidence: { ...ctx.evidence, stsError: STS_DENIED },
    fix: `Add this statement to the trust policy (aws iam update-assume-role-policy): ${JSON.stringify(statement)}`,
    docUrl: OIDC_ROLE_DOC,
  });
}

/** The trust check as the registry runs it, for a role assumed with GitHub's token. */
/**
 * The trust of a token whose aud the provider does not list: STS refuses it (400) before it reads the trust
 * (src/checks/provider.ts `providerRefusing`), so the trust's verdict is not reached, and no aud is proposed for it.
 */
function trustNotReached(roleArn: string, provider: OidcProviderModel, aud: string): Finding {
  return finding('could-not-verify', {
    id: `aws:${roleArn}:trust-not-reached`,
    decisionPoint: 'sts-trust',
    subject: `role ${roleArn}`,
    status: 'unverified',
    message: `Not reached: STS refuses the token before it reads the trust of ${roleArn}, for its aud ${code(aud)} is not among the client IDs of the provider ${code(provider.arn)} (audience-not-registered).`,
    fix: "Fix the audience as the provider's finding (audience-not-registered) says; the trust is then checked against the token.",
    evidence: { aud, provider: provider.arn, clientIds: [...provider.clientIds] },
    docUrl: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html',
  });
}

export const trustCheck: RoleCheck = {
  id: 'trust',
  title: "The role's trust policy admits this token's claims for sts:AssumeRoleWithWebIdentity, as STS decides.",
  decisionPoints: ['sts-trust', 'rcp'],
  section: 'aws',
  scope: 'role',
  needs: [],
  appliesTo: (config) => !config.settings.roleChaining,
  run: (facts) => {
    const { role, config, identity, catalog, now } = facts;
    const aud = identity?.claims.aud;
    const refusing = identity && typeof aud === 'string' ? providerRefusing(facts, identity.issuer, aud) : undefined;
    if (refusing && typeof aud === 'string') return [trustNotReached(role.arn, refusing, aud)];
    if (identity) {
      return checkTrust({
        role,
        settings: config.settings,
        claims: identity.claims,
        issuer: identity.issuer,
        catalog,
        now,
        inventory: facts.inventory,
        ...(config.declaredAbsent ? { declaredAbsent: config.declaredAbsent } : {}),
      });
    }
    const file = config.settings.webIdentityTokenFile;
    return [
      finding('could-not-verify', {
        id: `aws:${role.arn}:trust-unverifiable`,
        decisionPoint: 'sts-trust',
        subject: `role ${role.arn}`,
        status: 'unverified',
        message: file
          ? `There is no verified token from ${file} (web-identity-token-file) to evaluate the role trust policy against (see the token findings).`
          : 'There is no verified GitHub OIDC token to evaluate the role trust policy against (see the token findings).',
        fix: file
          ? `Fix the token in ${file} first: the trust policy is evaluated against its claims.`
          : 'Fix the GitHub OIDC token first: the trust policy is evaluated against its claims.',
      }),
    ];
  },
};
