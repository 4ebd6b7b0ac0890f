/**
 * Classifies the principal that makes a request, from the ARN or name a case gives. The forms are
 * those IAM documents for the Principal element
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html).
 */
import { parseArn } from './arn.js';

/** What kind of caller a request comes from. */
export type PrincipalType =
  | 'unspecified'
  | 'anonymous'
  | 'root'
  | 'user'
  | 'role-session'
  | 'federated-user'
  | 'web-identity'
  | 'saml'
  | 'service'
  | 'canonical-user';

/** The request's principal, with every name by which a policy can refer to it. */
export interface PrincipalInfo {
  readonly type: PrincipalType;
  /** The text the request gave. */
  readonly text: string | undefined;
  /** The account of an IAM principal (root, user, role session, federated user). */
  readonly account: string | undefined;
  readonly partition: string;
  /** `arn:aws:iam::A:user/path/name` for a user. */
  readonly userArn?: string;
  /** The role of a role session, by name (role names are unique within an account, whatever their path). */
  readonly roleName?: string;
  /** The role ARN as given, or rebuilt without a path from a session ARN. */
  readonly roleArn?: string;
  /** `arn:aws:sts::A:assumed-role/role/session` when the request named the session itself. */
  readonly sessionArn?: string;
  /** `arn:aws:sts::A:federated-user/name` for a GetFederationToken session. */
  readonly federatedUserArn?: string;
  /** The identity provider of a web identity or SAML caller (an ARN or a provider name). */
  readonly provider?: string;
  readonly service?: string;
  readonly canonicalUser?: string;
  /**
   * A service-linked role, known by its path `/aws-service-role/` (https://docs.aws.amazon.com/IAM/latest/UserGuide/using-service-linked-roles.html):
   * SCPs and RCPs do not restrict it (src/iam/decide.ts).
   */
  readonly serviceLinked?: true;
}

/** Well-known web identity providers that appear as `Federated` principals by name. */
const WEB_IDENTITY_PROVIDERS = new Set([
  'cognito-identity.amazonaws.com',
  'accounts.google.com',
  'graph.facebook.com',
  'www.amazon.com',
]);

const CANONICAL_USER = /^[0-9a-f]{64}$/;
const SERVICE = /^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$/;

/** The user name or role name at the end of an IAM path such as `role/path/to/name`. */
export function lastPathSegment(resource: string): string {
  return resource.slice(resource.lastIndexOf('/') + 1);
}

/** Classifies a principal; text that names no principal IAM knows is treated as unspecified. */
export function classifyPrincipal(text: string | undefined): PrincipalInfo {
  return tryClassifyPrincipal(text) ?? { type: 'unspecified', text, account: undefined, partition: 'aws' };
}

/**
 * The principals classified lately: a `simulate` input validates each case's principal and then evaluates it, and
 * cases repeat principals. Bounded: endless distinct principals make it forget and start again. The answers are
 * never changed by their readers.
 */
const classified = new Map<string, PrincipalInfo | null>();

/** Like {@link classifyPrincipal}, but undefined when the text is not a recognisable principal. */
export function tryClassifyPrincipal(text: string | undefined): PrincipalInfo | undefined {
  if (text === undefined) return classifyText(text);
  let info = classified.get(text);
  if (info === undefined) {
    info = classifyText(text) ?? null;
    if (classified.size >= 1024) classified.clear();
    classified.set(text, info);
  }
  return info ?? undefined;
}

function classifyText(text: string | undefined): PrincipalInfo | undefined {
  if (text === undefined) return { type: 'unspecified', text, account: undefined, partition: 'aws' };
  // ARNs first: nearly every request names one, and they need no regular expression.
  if (text.startsWith('arn:')) return classifyArn(text);
  const base = { text, partition: 'aws' };
  if (text === 'anonymous') return { ...base, type: 'anonymous', account: undefined };
  if (isAccountId(text)) return { ...base, type: 'root', account: text };
  if (WEB_IDENTITY_PROVIDERS.has(text)) return { ...base, type: 'web-identity', account: undefined, provider: text };
  if (SERVICE.test(text)) return { ...base, type: 'service', account: undefined, service: text };
  if (CANONICAL_USER.test(text)) return { ...base, type: 'canonical-user', account: undefined, canonicalUser: text };
  return undefined;
}

/** Twelve ASCII digits. */
export function isAccountId(text: string): boolean {
  if (text.length !== 12) return false;
  for (let i = 0; i < 12; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function classifyArn(text: string): PrincipalInfo | undefined {
  const arn = parseArn(text);
  if (!arn || !isAccountId(arn.account)) return undefined;
  const { partition, account, resource: r } = arn;
  if (arn.service === 'iam') {
    if (r === 'root') return { type: 'root', text, partition, account };
    if (r.startsWith('user/')) return { type: 'user', text, partition, account, userArn: text };
    if (r.startsWith('role/')) {
      const roleName = lastPathSegment(r);
      const base = { type: 'role-session', text, partition, account, roleName, roleArn: text } as const;
      return r.startsWith('role/aws-service-role/') ? { ...base, serviceLinked: true } : base;
    }
    if (r.startsWith('oidc-provider/'))
      return { type: 'web-identity', text, partition, account: undefined, provider: text };
    if (r.startsWith('saml-provider/')) return { type: 'saml', text, partition, account: undefined, provider: text };
    return undefined;
  }
  if (arn.service !== 'sts') return undefined;
  if (r.startsWith('assumed-role/')) {
    const slash = r.indexOf('/', 13);
    const roleName = r.slice(13, slash);
    if (slash < 0 || !roleName || slash === r.length - 1 || r.indexOf('/', slash + 1) >= 0) return undefined;
    const roleArn = `arn:${partition}:iam::${account}:role/${roleName}`;
    return { type: 'role-session', text, partition, account, roleName, roleArn, sessionArn: text };
  }
  if (r.startsWith('federated-user/') && r.length > 15 && r.indexOf('/', 15) < 0) {
    return { type: 'federated-user', text, partition, account, federatedUserArn: text };
  }
  return undefined;
}
