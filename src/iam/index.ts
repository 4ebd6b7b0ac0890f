/**
 * The policy engine's public surface: parse policies, compile them once into a policy set, and
 * evaluate any number of requests against it. Pure: no I/O anywhere below this folder.
 */
import { compileLayer } from './compile.js';
import { type CompiledPolicySet, decide } from './decide.js';
import type { ParsedPolicy } from './parse.js';
import { classifyPrincipal, type PrincipalInfo } from './principal-info.js';
import { prepareRequest } from './request.js';
import type { EvaluationResult, ExplainLevel, Request } from './types.js';

export { UNREADABLE_ARN_VALUE } from './conditions/index.js';
export type { CompiledPolicySet } from './decide.js';
export { type ParsedPolicy, type ParseResult, parsePolicy } from './parse.js';
export type * from './types.js';
export { LAYER_ORDER } from './types.js';

/** The policies that apply to a request, parsed. Only identity policies are required. */
export interface PolicySetInput {
  readonly identityPolicies: readonly ParsedPolicy[];
  readonly permissionsBoundary?: ParsedPolicy | undefined;
  /** Session policies: the inline one and any managed ones passed with the session. */
  readonly sessionPolicies?: readonly ParsedPolicy[] | undefined;
  /** SCPs, one list of policies per organization level, root first. */
  readonly scps?: readonly (readonly ParsedPolicy[])[] | undefined;
  /** RCPs, one list of policies per organization level, root first. */
  readonly rcps?: readonly (readonly ParsedPolicy[])[] | undefined;
  readonly resourcePolicy?: ParsedPolicy | undefined;
}

/** Compiles a policy set once; evaluate it against as many requests as needed. */
export function compilePolicySet(input: PolicySetInput): CompiledPolicySet {
  const principals = new Map<string | undefined, PrincipalInfo>();
  // The last answer is kept apart: a preflight asks about one principal many times in a row.
  let lastText: string | undefined;
  let lastInfo: PrincipalInfo | undefined;
  return {
    classify: (text) => {
      if (lastInfo !== undefined && text === lastText) return lastInfo;
      let info = principals.get(text);
      if (!info) {
        info = classifyPrincipal(text);
        // Bounded: a policy set asked about endless distinct principals forgets and starts again.
        if (principals.size >= 1024) principals.clear();
        principals.set(text, info);
      }
      lastText = text;
      lastInfo = info;
      return info;
    },
    identity: compileLayer(input.identityPolicies),
    permissionsBoundary: input.permissionsBoundary ? compileLayer([input.permissionsBoundary]) : undefined,
    session:
      input.sessionPolicies && input.sessionPolicies.length > 0 ? compileLayer(input.sessionPolicies) : undefined,
    scps: (input.scps ?? []).map(compileLayer),
    rcps: (input.rcps ?? []).map(compileLayer),
    resource: input.resourcePolicy ? compileLayer([input.resourcePolicy]) : undefined,
  };
}

/** Options for {@link evaluate}. */
export interface EvaluateOptions {
  /** `decision` (default) records what decided; `full` adds every statement's detail. */
  readonly explain?: ExplainLevel;
  /**
   * Keys whose value the caller cannot know, in any case (a preflight cannot know the runner's `aws:SourceIp`,
   * say). A condition that reads such a key (as its key, or in a policy variable of its values), and a Resource
   * element with such a variable, is taken at its worst instead of as absent: it holds in a Deny statement and fails
   * in an Allow statement, so the decision is the worst the request can meet, and `assumed` lists the keys that
   * were taken so.
   */
  readonly unknown?: (key: string) => boolean;
  /**
   * Read a resource that holds `*` or `?` as the set of resources it matches, as a preflight's required permission
   * does (`s3:PutObject arn:aws:s3:::site/*`: every object the deploy may write): an Allow statement grants only
   * when its Resource covers them all (NotResource: meets none), and a Deny applies when its Resource meets any
   * (NotResource: does not cover them all). A Resource the engine cannot compare as plain globs (with policy
   * variables, or wildcards before the resource field of the ARN) is taken at its worst. Without this option the
   * resource is one literal ARN, as in a request AWS evaluates, and as `simulate` takes it.
   */
  readonly resourcePattern?: boolean;
  /**
   * Where AWS's documentation and its observed behaviour give two readings of a policy (a `ForAnyValue:…IfExists`
   * condition on an absent key; a NotResource Deny whose policy variable has no value), `deny` (the default) takes
   * the one that denies, `allow` the other. Either way the result's `unsettled` names the places met, so a caller
   * can evaluate again with the other reading and see whether the decision turns on it.
   */
  readonly reading?: 'deny' | 'allow';
  /**
   * Why RCPs do not apply to an action (`service:action`, lower-cased), as a sentence with the page that says so, or
   * undefined when they do. RCPs apply only to the services that support them and not to every action of those
   * (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html#rcp-supported-services);
   * the engine holds no service list (src/catalog does), so a caller passes one. Without it, RCPs apply to every action.
   */
  readonly rcpExempt?: (actionLower: string) => string | undefined;
}

/** Decides a request as AWS would: `allowed`, `explicit-deny` or `implicit-deny`, with the explanation. */
export function evaluate(set: CompiledPolicySet, request: Request, options: EvaluateOptions = {}): EvaluationResult {
  const prepared = prepareRequest(request, {
    hasPermissionsBoundary: set.permissionsBoundary !== undefined,
    classify: set.classify,
    unknown: options.unknown,
    resourcePattern: options.resourcePattern,
    reading: options.reading,
    rcpExempt: options.rcpExempt,
  });
  const result = decide(set, prepared, options.explain === 'full');
  const assumed = prepared.assumed?.size ?? 0;
  const unsettled = prepared.unsettled?.size ?? 0;
  // Most evaluations meet neither: the result is returned as decided, with nothing more made on the hot path.
  if (assumed === 0 && unsettled === 0) return result;
  return {
    ...result,
    ...(assumed > 0 ? { assumed: [...(prepared.assumed ?? [])] } : {}),
    ...(unsettled > 0 ? { unsettled: [...(prepared.unsettled ?? [])] } : {}),
  };
}
