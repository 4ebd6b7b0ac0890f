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
}

/** Well-known web identity providers that appear as `Federated` principals by name. */
const WEB_IDENTITY_PROVIDERS = new Set([
  'cognito-identity.amazonaws.com',
  'accounts.google.com',
  'graph.facebook.com',
  'www.amazon.com',
]);

const ACCOUNT_ID = /^\d{12}$/;
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

/** Like {@link classifyPrincipal}, but undefined when the text is not a recognisable principal. */
export function tryClassifyPrincipal(text: string | undefined): PrincipalInfo | undefined {
  const base = { text, partition: 'aws' };
  // No principal: an IAM identity in the resource's account whose identity policies are the ones given.
  if (text === undefined) return { ...base, type: 'unspecified', account: undefined };
  if (text === 'anonymous') return { ...base, type: 'anonymous', account: undefined };
  if (ACCOUNT_ID.test(text)) return { ...base, type: 'root', account: text };
  if (WEB_IDENTITY_PROVIDERS.has(text)) return { ...base, type: 'web-identity', account: undefined, provider: text };
  if (SERVICE.test(text)) return { ...base, type: 'service', account: undefined, service: text };
  if (CANONICAL_USER.test(text)) return { ...base, type: 'canonical-user', account: undefined, canonicalUser: text };
  const arn = parseArn(text);
  if (!arn || !ACCOUNT_ID.test(arn.account)) return undefined;
  const common = { text, partition: arn.partition, account: arn.account };
  const r = arn.resource;
  if (arn.service === 'iam') {
    if (r === 'root') return { ...common, type: 'root' };
    if (r.startsWith('user/')) return { ...common, type: 'user', userArn: text };
    if (r.startsWith('role/')) return { ...common, type: 'role-session', roleName: lastPathSegment(r), roleArn: text };
    if (r.startsWith('oidc-provider/')) return { ...common, account: undefined, type: 'web-identity', provider: text };
    if (r.startsWith('saml-provider/')) return { ...common, account: undefined, type: 'saml', provider: text };
    return undefined;
  }
  if (arn.service === 'sts') {
    const parts = r.split('/');
    if (parts[0] === 'assumed-role' && parts.length === 3 && parts[1] && parts[2]) {
      const roleArn = `arn:${arn.partition}:iam::${arn.account}:role/${parts[1]}`;
      return { ...common, type: 'role-session', roleName: parts[1], roleArn, sessionArn: text };
    }
    if (parts[0] === 'federated-user' && parts.length === 2 && parts[1]) {
      return { ...common, type: 'federated-user', federatedUserArn: text };
    }
  }
  return undefined;
}
