/**
 * A request prepared once for evaluation: the action lower-cased, the resource ARN split,
 * the principal classified, and the context keyed by lower-case key name, so that no
 * statement has to redo that work.
 */
import { type Arn, parseArn } from './arn.js';
import { classifyPrincipal, type PrincipalInfo } from './principal-info.js';
import type { ContextValue, Request } from './types.js';

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
  readonly principal: PrincipalInfo;
  /** Context entries keyed by the lower-cased key name (key names are case-insensitive). */
  readonly context: ReadonlyMap<string, ContextEntry>;
  /** Whether the principal has a permissions boundary (decides NotPrincipal with Deny). */
  readonly hasPermissionsBoundary: boolean;
}

/** Builds the case-insensitive context map. Exported for tests of the condition operators. */
export function prepareContext(context: Readonly<Record<string, ContextValue>> | undefined): Map<string, ContextEntry> {
  const map = new Map<string, ContextEntry>();
  if (!context) return map;
  for (const key in context) {
    const value = context[key] as ContextValue;
    const multi = Array.isArray(value);
    const values: readonly string[] = multi ? (value as readonly string[]) : [value as string];
    map.set(key.toLowerCase(), { key, values, multi });
  }
  return map;
}

/**
 * Prepares a request. `hasPermissionsBoundary` comes from the policy set, not the request. `classify`
 * lets a policy set memoize principals: a preflight asks hundreds of questions for one principal.
 * The context map is built on first use: most statements are decided by their Action or Resource alone.
 */
export function prepareRequest(
  request: Request,
  hasPermissionsBoundary = false,
  classify: (text: string | undefined) => PrincipalInfo = classifyPrincipal,
): PreparedRequest {
  const resourceArn = parseArn(request.resource);
  const resourceAccount = request.resourceAccount ?? (resourceArn?.account || undefined);
  let principal = classify(request.principal);
  const actionLower = request.action.toLowerCase();
  // With no principal named, the caller is an IAM identity of the account in question.
  if (principal.type === 'unspecified') principal = { ...principal, account: resourceAccount };
  return {
    action: request.action,
    actionLower,
    service: actionLower.includes(':') ? actionLower.slice(0, actionLower.indexOf(':')) : actionLower,
    resource: request.resource,
    resourceArn,
    resourceAccount,
    principal,
    get context() {
      const context = prepareContext(request.context);
      Object.defineProperty(this, 'context', { value: context });
      return context;
    },
    hasPermissionsBoundary,
  };
}
