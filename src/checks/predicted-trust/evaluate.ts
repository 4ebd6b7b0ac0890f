/**
 * Each predicted token against the trust policy of each role its job assumes: would STS accept the token GitHub will
 * issue for this trigger? The claims come from src/workflows/predict/ (a value, the run's ref, or unknown); the
 * request is the one the trust check builds (src/checks/trust/request.ts); the engine decides it with the unknown
 * claims taken at their worst (`unknown`), for a few refs of the trigger, and src/checks/predicted-trust/cover.ts
 * proves that what held for the samples holds for every ref the filter admits. A denied sample is a finding that names
 * the job, the trigger and the `sub`. Pure.
 */
import type { Catalog } from '../../catalog/index.js';
import { compilePolicySet, evaluate, type ParsedPolicy, type StatementDetail } from '../../iam/index.js';
import type { AssumeRoleSettings, OidcProviderModel, RoleModel } from '../../model/aws.js';
import type { Claims } from '../../tokens/decode.js';
import {
  type ClaimVariant,
  claimsForRef,
  coveringGlobs,
  describeSpace,
  fillRef,
  type Predicted,
  type PredictedExchange,
  REF,
  REF_TYPE,
  type RefSpace,
  sampleRefs,
  type TokenPrediction,
} from '../../workflows/predict/index.js';
import { parseDocument, type RcpLayer } from '../permissions/policies.js';
import { buildWebIdentityRequest, knownKey, SESSION_NAME_KEY } from '../trust/request.js';
import { provesCoverage, provesRefusal, rawStatementList, type VaryingKeys } from './cover.js';

/** What one prediction is checked against. */
export interface PredictedTrustInput {
  readonly prediction: TokenPrediction;
  readonly exchange: PredictedExchange;
  readonly role: RoleModel;
  readonly settings: AssumeRoleSettings;
  /** The issuer the tokens come from: `https://token.actions.githubusercontent.com` unless the enterprise's. */
  readonly issuer: string;
  readonly catalog: Catalog;
  /**
   * What the policy files tell of the role account's OIDC provider for the issuer. STS reads it before the trust: it
   * refuses the token when the account has no provider for the issuer, or the provider does not list the token's aud
   * among its client IDs (src/checks/predicted-trust/findings.ts `checkPredictedAudience`). Not given, it is unknown,
   * never assumed, and a trust that admits the token is unverified.
   */
  readonly provider: ProviderRead;
  /**
   * The RCPs of the role's account (src/checks/permissions/policies.ts `rcpLayer`): STS is among the services they
   * apply to (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html#rcp-supported-services),
   * so a Deny there refuses the token whatever the trust admits, and a trust that admits it past RCPs not read is
   * unverified. Not given: not read.
   */
  readonly rcps?: RcpLayer;
}

/** The trust policy with the RCPs, as STS evaluates AssumeRoleWithWebIdentity. */
const trustSet = (input: PredictedTrustInput, policy: ParsedPolicy) =>
  compilePolicySet({ identityPolicies: [], resourcePolicy: policy, rcps: input.rcps?.levels ?? [] });

/**
 * The role account's OIDC provider for the issuer, as the policy files tell it: `given` (a get-open-id-connect-provider
 * output, with its client IDs), `listed` (a list-open-id-connect-providers output names it: it exists, its client IDs
 * are not known), `missing` (such outputs list every provider of the account, and not this one), or `not-read`.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html
 */
export type ProviderRead =
  | { readonly kind: 'given'; readonly provider: OidcProviderModel }
  | { readonly kind: 'listed'; readonly arn: string; readonly listedIn: readonly string[] }
  | { readonly kind: 'missing'; readonly arn: string; readonly listedIn: readonly string[] }
  | { readonly kind: 'not-read'; readonly arn: string };

/** What the trust said of one variant of the token. */
export type VariantVerdict =
  | {
      readonly kind: 'allowed';
      readonly sub: string;
      readonly proven: boolean;
      readonly samples: readonly string[];
      /** Why a part of the `sub` is unknown, when the trust was shown to admit whatever that part is. */
      readonly whateverPart?: string;
    }
  | {
      readonly kind: 'denied';
      readonly sub: string;
      readonly ref?: string;
      readonly claims: Claims;
      readonly failed: readonly StatementDetail[];
      /** Why a part of the `sub` is unknown, when the trust was shown to refuse whatever that part is. */
      readonly whateverPart?: string;
    }
  | { readonly kind: 'undecided'; readonly reason: string; readonly keys?: readonly string[] }
  /** An RCP denies the call whatever the trust admits: the engine's reason, and the sub it was decided for. */
  | { readonly kind: 'rcp-denied'; readonly sub: string; readonly reason: string; readonly ref?: string };

/** One sample's claims as a token would carry them, and the keys of the claims that are unknown. */
function tokenClaims(claims: Record<string, Predicted>, aud: string): { claims: Claims; unknown: string[] } {
  const out: Record<string, unknown> = { aud };
  const unknown: string[] = [];
  for (const [k, v] of Object.entries(claims)) {
    if (v.kind === 'value') out[k] = v.value;
    else if (v.kind === 'unknown') unknown.push(k);
  }
  return { claims: out as Claims, unknown };
}

/** Decides one variant: each sample ref through the engine, then the proof for every ref. */
export function judgeVariant(
  input: PredictedTrustInput,
  policy: ParsedPolicy,
  variant: ClaimVariant,
  aud: string,
): VariantVerdict {
  const sub = variant.claims.sub;
  if (sub?.kind !== 'value') {
    if (sub?.kind !== 'unknown') return { kind: 'undecided', reason: 'no sub' };
    return (
      admitsEverySuffix(input, policy, variant, aud, sub) ??
      refusesEverySuffix(input, policy, variant, aud, sub) ?? {
        kind: 'undecided',
        reason: `its sub is unknown: ${sub.reason}`,
      }
    );
  }
  const sampled = judgeSamples(input, policy, variant, aud);
  if ('kind' in sampled) return sampled;
  const { spaces, prefix, admitting, samples } = sampled;
  const proven = spaces.every(
    (space) => space.kind === 'ref' || provesSpace(input, variant, space, prefix, [...admitting]),
  );
  return { kind: 'allowed', sub: showSub(sub.value, spaces), proven, samples };
}

/** What the samples of one variant showed: a verdict that is not an allowance, or what admitted them all. */
type Samples =
  | Exclude<VariantVerdict, { kind: 'allowed' }>
  | {
      readonly spaces: readonly RefSpace[];
      /** The issuer's prefix of the claim keys (`token.actions.githubusercontent.com`). */
      readonly prefix: string;
      /** The Allow statements (by index) that admitted every sample. */
      readonly admitting: ReadonlySet<number>;
      readonly samples: readonly string[];
    };

/** One sample ref of a variant through the engine, the unknown claims taken at their worst. */
function judgeRef(
  input: PredictedTrustInput,
  set: ReturnType<typeof compilePolicySet>,
  variant: ClaimVariant,
  ref: string | undefined,
  aud: string,
) {
  const { claims, unknown } = tokenClaims(ref === undefined ? { ...variant.claims } : claimsForRef(variant, ref), aud);
  const wi = buildWebIdentityRequest({ ...input, claims });
  const unknownKeys = new Set(unknown.map((c) => `${wi.prefix}:${c}`.toLowerCase()));
  // A session name the step writes with an expression not known before the run (src/pipeline/exchange.ts).
  if (input.settings.sessionName === undefined) unknownKeys.add(SESSION_NAME_KEY.toLowerCase());
  // And every key only STS knows when it is called (`aws:SourceIp`, …: trust/request.ts `knownKey`), taken at its
  // worst as the claims are: a Deny on one may refuse the runner, an Allow on one may not admit it.
  const known = knownKey(wi);
  const isUnknown = (k: string) => unknownKeys.has(k.toLowerCase()) || !known(k);
  const result = evaluate(set, wi.request, { explain: 'full', unknown: isUnknown });
  const details = result.explanation.layers.find((l) => l.layer === 'resource')?.statements ?? [];
  const failed = details.filter((d) => d.ref.effect === 'Allow' && !d.matched);
  return { result, claims, failed, prefix: wi.prefix };
}

/** The sample refs of a prediction (one undefined ref when they are not known) and the sets they stand for. */
function refSamples(input: PredictedTrustInput): { spaces: readonly RefSpace[]; refs: (string | undefined)[] } {
  const known = input.exchange.refs ?? input.prediction.refs;
  const spaces: readonly RefSpace[] = known.kind === 'known' ? known.spaces : [];
  return { spaces, refs: known.kind === 'known' ? spaces.flatMap((s) => sampleRefs(s)) : [undefined] };
}

/** Each sample ref of a variant through the engine, the unknown claims taken at their worst. */
function judgeSamples(input: PredictedTrustInput, policy: ParsedPolicy, variant: ClaimVariant, aud: string): Samples {
  const { spaces, refs } = refSamples(input);
  const set = trustSet(input, policy);
  const admitting = new Set<number>();
  let first = true;
  let prefix = '';
  for (const ref of refs) {
    const { result, claims, failed, prefix: issuer } = judgeRef(input, set, variant, ref, aud);
    prefix = issuer;
    if (result.decision === 'explicit-deny' && result.explanation.decidingLayer === 'rcp' && !result.assumed?.length)
      return {
        kind: 'rcp-denied',
        sub: String(claims.sub),
        reason: result.explanation.reason,
        ...(ref ? { ref } : {}),
      };
    if (result.decision !== 'allowed') {
      if (result.assumed && result.assumed.length > 0) {
        return {
          kind: 'undecided',
          reason: result.assumed.some((k) => k.toLowerCase() === SESSION_NAME_KEY.toLowerCase())
            ? `the trust reads keys the prediction does not know; ${input.settings.sessionNameUnknown ?? 'the session name is not known before the run'}`
            : result.assumed.every((k) => k.toLowerCase().startsWith(`${prefix.toLowerCase()}:`))
              ? 'the trust reads claims the prediction does not know'
              : 'it turns on a key whose value only STS knows when the job calls it',
          keys: result.assumed,
        };
      }
      return { kind: 'denied', sub: String(claims.sub), ...(ref ? { ref } : {}), claims, failed };
    }
    const now = new Set(result.explanation.deciding.filter((d) => d.effect === 'Allow').map((d) => d.index));
    for (const i of [...admitting]) if (!now.has(i)) admitting.delete(i);
    if (first) for (const i of now) admitting.add(i);
    first = false;
  }
  const samples = refs.filter((r): r is string => r !== undefined);
  return { spaces, prefix, admitting, samples };
}

/** The text that stands for a `sub`'s unknown part in the samples (a policy naming it is proven like any other). */
const UNKNOWN_PART = 'unknown-part';

/**
 * A `sub` known only up to an unknown part (`repo:acme/app:` then a context the docs do not give) is admitted whatever
 * that part is when the samples are admitted (with the part written as {@link UNKNOWN_PART}) and the proof of
 * src/checks/predicted-trust/cover.ts holds for the glob of every `sub` with that beginning, together with the refs
 * the trigger may run for. GitHub's example trust `repo:OWNER/REPO:*` admits them all
 * (https://docs.github.com/en/actions/reference/security/oidc#example-subject-claims). Undefined when that is not
 * proven: the caller then reports the `sub` unknown, never denied.
 */
function admitsEverySuffix(
  input: PredictedTrustInput,
  policy: ParsedPolicy,
  variant: ClaimVariant,
  aud: string,
  sub: Extract<Predicted, { kind: 'unknown' }>,
): VariantVerdict | undefined {
  const { prefix } = sub;
  // A beginning that holds a wildcard of IAM's globs, a policy variable's `$`, or the run's ref is not one glob.
  if (prefix === undefined || /[*?$]/.test(prefix) || prefix.includes(REF) || prefix.includes(REF_TYPE))
    return undefined;
  const probe: ClaimVariant = {
    ...variant,
    claims: { ...variant.claims, sub: { kind: 'value', value: `${prefix}${UNKNOWN_PART}` } },
  };
  const sampled = judgeSamples(input, policy, probe, aud);
  if ('kind' in sampled) return undefined;
  const { spaces, prefix: issuer, admitting, samples } = sampled;
  const statements = rawStatementList(input.role.trustPolicy.document);
  // Every sub with that beginning, proven together with each set of refs (a single ref is decided by its sample).
  const subGlob: VaryingKeys = new Map([[`${issuer}:sub`.toLowerCase(), `${prefix}*`]]);
  const proven =
    spaces.length === 0
      ? provesCoverage(statements, [...admitting], subGlob)
      : spaces.every((space) =>
          space.kind === 'ref'
            ? provesCoverage(statements, [...admitting], subGlob)
            : provesSpace(input, probe, space, issuer, [...admitting], subGlob),
        );
  if (!proven) return undefined;
  return { kind: 'allowed', sub: `${prefix}<unknown>`, proven: true, samples, whateverPart: sub.reason };
}

/**
 * A `sub` known only up to an unknown part is refused whatever that part is when, for a ref the trigger may run for,
 * no Allow statement can admit the token: each either fails on what is known (the token's `aud`, its `ref`), which the
 * engine shows with every claim the prediction does not know taken at its worst and no unknown key read to get there
 * (its `assumed`, src/iam/evaluate.ts), or is proven by src/checks/predicted-trust/cover.ts (`provesRefusal`) to
 * refuse every value of a claim known up to its beginning (the `sub`, and a merge group's `ref` and workflow refs,
 * https://docs.github.com/en/actions/reference/workflows-and-actions/events-that-trigger-workflows#merge_group). A
 * Deny statement can only add to a refusal, so it is not read. The `sub` is shown as its beginning, then `<unknown>`.
 * Undefined otherwise: the caller then reports the `sub` unknown.
 */
function refusesEverySuffix(
  input: PredictedTrustInput,
  policy: ParsedPolicy,
  variant: ClaimVariant,
  aud: string,
  sub: Extract<Predicted, { kind: 'unknown' }>,
): VariantVerdict | undefined {
  const { spaces, refs } = refSamples(input);
  const set = trustSet(input, policy);
  const statements = rawStatementList(input.role.trustPolicy.document);
  for (const ref of refs) {
    const worst = judgeRef(input, set, variant, ref, aud);
    if (worst.result.decision === 'allowed') continue;
    if (worst.result.explanation.decidingLayer === 'rcp') {
      if ((worst.result.assumed?.length ?? 0) > 0) continue;
      const head = sub.prefix === undefined ? '' : showSub(sub.prefix, spaces);
      return {
        kind: 'rcp-denied',
        sub: `${head}<unknown>`,
        reason: worst.result.explanation.reason,
        ...(ref ? { ref } : {}),
      };
    }
    const filled = sub.prefix !== undefined && ref !== undefined ? fillRef(sub.prefix, ref) : undefined;
    const head = filled?.kind === 'value' ? filled.value : sub.prefix === undefined ? '' : showSub(sub.prefix, spaces);
    const denied = {
      kind: 'denied',
      sub: `${head}<unknown>`,
      ...(ref ? { ref } : {}),
      whateverPart: sub.reason,
    } as const;
    if ((worst.result.assumed?.length ?? 0) === 0) return { ...denied, claims: worst.claims, failed: worst.failed };
    const beginnings = knownBeginnings(variant, ref);
    const varying: VaryingKeys = new Map(
      [...beginnings].map(([claim, begins]) => [`${worst.prefix}:${claim}`.toLowerCase(), `${begins}*`]),
    );
    const allows = policy.statements.filter((st) => st.effect === 'Allow');
    const refused = new Set(allows.flatMap((st) => (provesRefusal(statements[st.index], varying) ? [st.index] : [])));
    // The Allow statements not proven to refuse, at their worst: each must fail on what is known.
    const rest = { ...policy, statements: allows.filter((st) => !refused.has(st.index)) };
    const others = judgeRef(input, trustSet(input, rest), variant, ref, aud);
    if (others.result.decision === 'allowed' || (others.result.assumed?.length ?? 0) > 0) continue;
    // Explained with each such claim written as its beginning then `<unknown>`, the refused statements by the
    // condition that fails on it.
    const shown: ClaimVariant = {
      ...variant,
      claims: {
        ...variant.claims,
        ...Object.fromEntries(
          [...beginnings].map(([claim, begins]) => [claim, { kind: 'value', value: `${begins}<unknown>` }]),
        ),
      },
    };
    const probe = judgeRef(input, set, shown, ref, aud);
    const failed = [...probe.failed.filter((d) => refused.has(d.ref.index)), ...others.failed];
    return { ...denied, claims: probe.claims, failed };
  }
  return undefined;
}

/**
 * The claims of a variant known only up to their beginning (a `sub` with an unknown context, a merge group's `ref`),
 * each with that beginning for one sample ref; a beginning that holds a wildcard of IAM's globs, a policy variable's
 * `$`, or a ref not given is left out (it is not one glob).
 */
function knownBeginnings(variant: ClaimVariant, ref: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const [claim, v] of Object.entries(variant.claims)) {
    if (v.kind !== 'unknown' || v.prefix === undefined) continue;
    const filled = ref === undefined ? { kind: 'value' as const, value: v.prefix } : fillRef(v.prefix, ref);
    if (filled.kind !== 'value' || /[*?$]/.test(filled.value)) continue;
    if (filled.value.includes(REF) || filled.value.includes(REF_TYPE)) continue;
    out.set(claim, filled.value);
  }
  return out;
}

/**
 * Whether every ref of `space` is admitted: the proof of src/checks/predicted-trust/cover.ts, one glob at a time,
 * together with any other claim whose values vary with it (`alsoVarying`: a `sub` known only up to its beginning).
 */
function provesSpace(
  input: PredictedTrustInput,
  variant: ClaimVariant,
  space: RefSpace,
  prefix: string,
  admitting: readonly number[],
  alsoVarying: VaryingKeys = new Map(),
): boolean {
  const statements = rawStatementList(input.role.trustPolicy.document);
  return coveringGlobs(space).every((glob) => {
    const varying = new Map<string, string>(alsoVarying);
    const claims = claimsForRef(variant, glob);
    for (const [k, v] of Object.entries(variant.claims)) {
      const c = claims[k];
      // Only the ref varies within a set; its type (REF_TYPE) is the set's prefix's, which the samples had.
      if (v.kind === 'value' && v.value.includes(REF) && c?.kind === 'value')
        varying.set(`${prefix}:${k}`.toLowerCase(), c.value);
    }
    return provesCoverage(statements, admitting, varying as VaryingKeys);
  });
}

/** A predicted `sub` as shown: its ref the one ref or filter, its ref type that ref's or `<ref_type>`. */
function showSub(sub: string, spaces: readonly RefSpace[]): string {
  const refs = describeRefs(spaces);
  const filled = fillRef(sub, refs);
  return filled.kind === 'value' ? filled.value : sub.split(REF).join(refs).split(REF_TYPE).join('<ref_type>');
}

/**
 * The refs a prediction's `sub` is shown with: the one ref or filter (`refs/heads/release/*`, `refs/tags/v**` for a
 * release an `if:` keeps to tags beginning `v`), else `<ref>`: a set of several lists is told beside the sub, not in it.
 */
function describeRefs(spaces: readonly RefSpace[]): string {
  const [only] = spaces;
  if (spaces.length !== 1 || !only) return '<ref>';
  const lists = only.kind === 'names' ? (only.list ? 1 : 0) + (only.also?.length ?? 0) : 0;
  return lists > 1 ? '<ref>' : describeSpace(only);
}

/** The trust policy parsed, or the errors that keep it from being read. */
export function parseTrust(role: RoleModel): { ok: true; policy: ParsedPolicy } | { ok: false; errors: string[] } {
  const parsed = parseDocument(role.trustPolicy, 'resource', 'trust');
  return parsed.ok ? { ok: true, policy: parsed.policy } : { ok: false, errors: parsed.errors.map((e) => e.message) };
}
