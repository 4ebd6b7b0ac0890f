/**
 * Principal and NotPrincipal matching for resource-based policies and RCPs
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html).
 * Wildcards are not patterns here: `*` alone means everyone, and a partial wildcard is rejected by
 * the parser, as IAM rejects it.
 */
import { parseArn } from './arn.js';
import { lastPathSegment, type PrincipalInfo } from './principal-info.js';

/**
 * How a matching Principal entry names the caller. It decides which implicit denies a same-account
 * resource-policy grant overrides (reference_policies_evaluation-logic.html, "Resource-based policies"):
 * - `direct`: the caller itself (user, role session, federated-user session, `*`, service, IdP);
 * - `role`: the role of a role session (still limited by a permissions boundary or session policy);
 * - `account`: the account root, which only delegates to the account's identity policies.
 */
export type Grant = 'direct' | 'role' | 'account';

/** Ranks grants so that the strongest matching entry wins. */
export const GRANT_RANK: Readonly<Record<Grant, number>> = { account: 1, role: 2, direct: 3 };

/** One entry of a Principal element, parsed. */
export type PrincipalEntry =
  | { readonly kind: 'any' }
  | { readonly kind: 'account'; readonly account: string }
  | { readonly kind: 'role'; readonly account: string; readonly name: string }
  | { readonly kind: 'user'; readonly account: string; readonly name: string }
  | { readonly kind: 'arn'; readonly arn: string }
  | { readonly kind: 'service'; readonly name: string }
  | { readonly kind: 'federated'; readonly name: string }
  | { readonly kind: 'canonical'; readonly id: string }
  /** A deleted user's or role's unique ID, which IAM shows in place of its ARN: it names no one. */
  | { readonly kind: 'unique-id'; readonly id: string };

/**
 * The unique ID of a user (`AIDA`) or a role (`AROA`)
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids). AWS stores a
 * Principal's ARN as the principal's unique ID; when that user or role is deleted the ID "shows up in the console
 * because AWS can no longer map it back to an ARN", and the policy no longer applies, even to a principal recreated
 * with the same name (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_policy-examples.html,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html): it matches no caller.
 */
const UNIQUE_ID = /^(AIDA|AROA)[A-Z0-9]{12,124}$/;

/** Parses an `AWS` principal value; undefined when it is not a form IAM accepts. */
export function parseAwsPrincipal(value: string): PrincipalEntry | undefined {
  if (value === '*') return { kind: 'any' };
  if (/^\d{12}$/.test(value)) return { kind: 'account', account: value };
  if (UNIQUE_ID.test(value)) return { kind: 'unique-id', id: value };
  if (value.includes('*') || value.includes('?')) return undefined;
  const arn = parseArn(value);
  if (!arn || !/^\d{12}$/.test(arn.account)) return undefined;
  if (arn.service === 'iam') {
    if (arn.resource === 'root') return { kind: 'account', account: arn.account };
    if (arn.resource.startsWith('role/'))
      return { kind: 'role', account: arn.account, name: lastPathSegment(arn.resource) };
    if (arn.resource.startsWith('user/'))
      return { kind: 'user', account: arn.account, name: lastPathSegment(arn.resource) };
    return undefined;
  }
  if (arn.service === 'sts' && /^(assumed-role\/[^/]+\/[^/]+|federated-user\/[^/]+)$/.test(arn.resource)) {
    return { kind: 'arn', arn: value };
  }
  return undefined;
}

/** Whether one entry names the caller, and how strongly; undefined when it does not. */
export function matchPrincipalEntry(entry: PrincipalEntry, p: PrincipalInfo): Grant | undefined {
  switch (entry.kind) {
    case 'any':
      return 'direct';
    case 'account':
      return isIamPrincipal(p) && p.account === entry.account ? 'account' : undefined;
    case 'role':
      // Role names are unique in an account whatever their path, and a session ARN carries no path.
      return p.type === 'role-session' && p.account === entry.account && p.roleName === entry.name ? 'role' : undefined;
    case 'user':
      return p.type === 'user' && p.account === entry.account && lastPathSegment(p.userArn ?? '') === entry.name
        ? 'direct'
        : undefined;
    case 'arn':
      return entry.arn === p.sessionArn || entry.arn === p.federatedUserArn ? 'direct' : undefined;
    case 'service':
      return p.type === 'service' && p.service === entry.name ? 'direct' : undefined;
    case 'federated':
      return (p.type === 'web-identity' || p.type === 'saml') && p.provider === entry.name ? 'direct' : undefined;
    case 'canonical':
      return p.type === 'canonical-user' && p.canonicalUser === entry.id ? 'direct' : undefined;
    case 'unique-id':
      return undefined;
  }
}

/** IAM principals belong to an account; services, identity providers and anonymous callers do not. */
export function isIamPrincipal(p: PrincipalInfo): boolean {
  return (
    p.type === 'root' ||
    p.type === 'user' ||
    p.type === 'role-session' ||
    p.type === 'federated-user' ||
    p.type === 'unspecified'
  );
}

/** The strongest grant among entries that name the caller. */
export function matchPrincipal(entries: readonly PrincipalEntry[], p: PrincipalInfo): Grant | undefined {
  let best: Grant | undefined;
  for (const entry of entries) {
    const g = matchPrincipalEntry(entry, p);
    if (g && (!best || GRANT_RANK[g] > GRANT_RANK[best])) best = g;
  }
  return best;
}

/**
 * NotPrincipal. With Deny, the caller escapes only when every name it has is listed: its account,
 * and its user, or its role and its session, as the NotPrincipal page requires
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html).
 * A session is exempt only if its own session ARN is listed: "you cannot use a wildcard (*) to mean all sessions"
 * (same page). With the session name unknown, the Deny applies when no session of the role is listed, and is
 * `unknown` when one is (it escapes only if that is the caller's session).
 * A caller with a permissions boundary never escapes a Deny with NotPrincipal (same page).
 * With Allow, the statement applies unless the caller is named at all (the parser refuses NotPrincipal with Allow,
 * which AWS no longer supports; simulate input may still hold it).
 */
export function notPrincipalApplies(
  entries: readonly PrincipalEntry[],
  p: PrincipalInfo,
  effect: 'Allow' | 'Deny',
  hasPermissionsBoundary: boolean,
): boolean | 'unknown' {
  const named = entries.map((e) => matchPrincipalEntry(e, p)).filter((g): g is Grant => g !== undefined);
  if (effect === 'Allow') return named.length === 0;
  if (hasPermissionsBoundary && isIamPrincipal(p)) return true;
  if (named.includes('direct') && entries.some((e) => e.kind === 'any')) return false;
  if (!isIamPrincipal(p)) return named.length === 0;
  const hasAccount = named.includes('account');
  switch (p.type) {
    case 'root':
      return !hasAccount;
    case 'user':
    case 'federated-user':
      return !(hasAccount && named.includes('direct'));
    case 'role-session': {
      if (!(hasAccount && named.includes('role'))) return true;
      if (p.sessionArn !== undefined) return !named.includes('direct');
      return entries.some((e) => e.kind === 'arn' && isSessionOf(e.arn, p)) ? 'unknown' : true;
    }
    default:
      return !hasAccount;
  }
}

/** Whether an `assumed-role` ARN is a session of the caller's role. */
function isSessionOf(arn: string, p: PrincipalInfo): boolean {
  const parsed = parseArn(arn);
  const [kind, role] = parsed?.resource.split('/') ?? [];
  return parsed?.service === 'sts' && parsed.account === p.account && kind === 'assumed-role' && role === p.roleName;
}
