/**
 * A request prepared once for evaluation: the action lower-cased, the resource ARN split,
 * the principal classified, and the context keyed by lower-case key name, so that no
 * statement has to redo that work.
 */
import { type Arn, arnField, parseArn } from './arn.js';
import { hasWildcard } from './glob.js';
import { classifyPrincipal, type PrincipalInfo } from './principal-info.js';
import type { ContextValue, Request, StatementRef } from './types.js';

const S3_ARN = /^arn:[^:]+:s3:::/;

/** One context key's values. `multi` is true when the request gave an array. */
export interface ContextEntry {
  /** The key as the request spelled it. */
  readonly key: string;
  readonly values: readonly string[];
  readonly multi: boolean;
}

/** A request ready for the engine. Build it with {@link prepareRequest}. */
export interface PreparedRequest {
  readonly action: string;
  /** `service:action`, lower-cased: actions match case-insensitively. */
  readonly actionLower: string;
  /** The service prefix of the action, lower-cased. */
  readonly service: string;
  readonly resource: string;
  /** The resource split into ARN fields, when it is an ARN. */
  readonly resourceArn: Arn | undefined;
  /** The account that owns the resource, when known. */
  readonly resourceAccount: string | undefined;
  /**
   * True when the owner of the resource is not known: an S3 bucket or object ARN, which names no account
   * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/s3-arn-format.html), with no `resourceAccount` given.
   */
  readonly ownerUnknown: boolean;
  /** Why RCPs do not apply to this action (with the page that says so), or undefined when they do (EvaluateOptions.rcpExempt). */
  readonly rcpExempt: string | undefined;
  readonly principal: PrincipalInfo;
  /** Context entries by the lower-cased key name (key names are case-insensitive). */
  readonly context: ContextMap;
  /** Whether the principal has a permissions boundary (decides NotPrincipal with Deny). */
  readonly hasPermissionsBoundary: boolean;
  /** True when the resource holds `*` or `?` and stands for every resource it matches (see EvaluateOptions). */
  readonly resourcePattern: boolean;
  /** Keys whose value the caller cannot know (as policies spell them): their conditions are taken at their worst. */
  readonly unknown: ((key: string) => boolean) | undefined;
  /** The unknown keys whose conditions were taken at their worst, as they were met. */
  readonly assumed: Set<string> | undefined;
  /** Which reading to take where AWS's documentation and its observed behaviour differ (EvaluateOptions.reading). */
  readonly reading: 'deny' | 'allow';
  /**
   * The places where the two readings were met, each with why there are two; made on the first one met (most
   * requests meet none, and a request is prepared for every evaluation).
   */
  unsettled: Set<string> | undefined;
  /** Deny statements with NotPrincipal that named the caller but apply because it has a permissions boundary. */
  boundaryDenies: Set<StatementRef> | undefined;
}

/** A request's context, looked up by the lower-cased key name. A `Map` of entries is one. */
export interface ContextMap {
  get(lowerKey: string): ContextEntry | undefined;
}

function entryOf(key: string, value: ContextValue): ContextEntry {
  const multi = Array.isArray(value);
  return { key, values: multi ? (value as readonly string[]) : [value as string], multi };
}

/**
 * The context of one request: the key index is built on the first lookup, and an entry on the first lookup of
 * its key. A request's context often holds ten keys while its statements' conditions read one or two.
 */
class LazyContext implements ContextMap {
  private index: Map<string, ContextEntry | string> | undefined = undefined;

  constructor(private readonly raw: Readonly<Record<string, ContextValue>>) {}

  get(lowerKey: string): ContextEntry | undefined {
    let index = this.index;
    if (index === undefined) {
      index = new Map();
      for (const key in this.raw) index.set(key.toLowerCase(), key);
      this.index = index;
    }
    const found = index.get(lowerKey);
    if (typeof found !== 'string') return found;
    const entry = entryOf(found, this.raw[found] as ContextValue);
    index.set(lowerKey, entry);
    return entry;
  }
}

const NO_CONTEXT: ContextMap = new Map<string, ContextEntry>();

/** The context a prepared request reads. Exported for tests of the condition operators. */
export function prepareContext(context: Readonly<Record<string, ContextValue>> | undefined): ContextMap {
  return context === undefined ? NO_CONTEXT : new LazyContext(context);
}

/**
 * A prepared request. A class, so that every request has one hidden class and the matchers' property reads stay
 * monomorphic.
 */
class Prepared implements PreparedRequest {
  readonly actionLower: string;
  readonly service: string;
  readonly resourceAccount: string | undefined;
  readonly ownerUnknown: boolean;
  readonly principal: PrincipalInfo;
  readonly context: ContextMap;
  readonly assumed: Set<string> | undefined;
  unsettled: Set<string> | undefined = undefined;
  boundaryDenies: Set<StatementRef> | undefined = undefined;
  readonly resourcePattern: boolean;
  private arn: Arn | null | undefined = undefined;

  constructor(
    readonly action: string,
    readonly resource: string,
    context: Readonly<Record<string, ContextValue>> | undefined,
    resourceAccount: string | undefined,
    principal: PrincipalInfo,
    readonly hasPermissionsBoundary: boolean,
    readonly unknown: ((key: string) => boolean) | undefined,
    resourcePattern: boolean,
    readonly reading: 'deny' | 'allow',
    readonly rcpExempt: string | undefined,
  ) {
    this.assumed = unknown ? new Set() : undefined;
    this.resourcePattern = resourcePattern && hasWildcard(resource);
    this.context = prepareContext(context);
    this.resourceAccount = resourceAccount ?? (arnField(resource, 3) || undefined);
    this.ownerUnknown = this.resourceAccount === undefined && S3_ARN.test(resource);
    // With no principal named, the caller is an IAM identity of the account in question.
    this.principal = principal.type === 'unspecified' ? { ...principal, account: this.resourceAccount } : principal;
    const actionLower = action.toLowerCase();
    this.actionLower = actionLower;
    const colon = actionLower.indexOf(':');
    this.service = colon < 0 ? actionLower : actionLower.slice(0, colon);
  }

  /** Split on first use: only statements that match field by field need the fields. */
  get resourceArn(): Arn | undefined {
    if (this.arn === undefined) this.arn = parseArn(this.resource) ?? null;
    return this.arn ?? undefined;
  }
}

/** How to prepare a request. */
export interface PrepareOptions {
  /** Whether the principal has a permissions boundary: it comes from the policy set, not the request. */
  readonly hasPermissionsBoundary?: boolean;
  /** Classifies the principal; a policy set memoizes: a preflight asks hundreds of questions for one principal. */
  readonly classify?: (text: string | undefined) => PrincipalInfo;
  /** See EvaluateOptions.unknown. */
  readonly unknown?: ((key: string) => boolean) | undefined;
  /** See EvaluateOptions.resourcePattern. */
  readonly resourcePattern?: boolean | undefined;
  /** See EvaluateOptions.reading. */
  readonly reading?: 'deny' | 'allow' | undefined;
  /** See EvaluateOptions.rcpExempt. */
  readonly rcpExempt?: ((actionLower: string) => string | undefined) | undefined;
}

/** Records a place where the two readings were met (PreparedRequest.unsettled). */
export function noteUnsettled(request: PreparedRequest, note: string): void {
  request.unsettled ??= new Set();
  request.unsettled.add(note);
}

/** Prepares a request. */
export function prepareRequest(request: Request, options: PrepareOptions = {}): PreparedRequest {
  return new Prepared(
    request.action,
    request.resource,
    request.context,
    request.resourceAccount,
    (options.classify ?? classifyPrincipal)(request.principal),
    options.hasPermissionsBoundary ?? false,
    options.unknown,
    options.resourcePattern ?? false,
    options.reading ?? 'deny',
    options.rcpExempt?.(request.action.toLowerCase()),
  );
}
