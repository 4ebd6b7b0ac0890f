/**
 * Role chaining: the role is assumed by another role's session with sts:AssumeRole, not with the GitHub token
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining), so its
 * trust policy must grant that session, and the source session's own policies, boundary and SCPs must allow the call.
 * The source is the configuration's first role that is not chained. configure-aws-credentials passes session tags to
 * that AssumeRole unless `role-skip-session-tagging` (src/config/session-tags.ts), and with tags the session also
 * needs sts:TagSession (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html); the tags must keep
 * AWS's limits and transitive keys must be among them
 * (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html). `role-external-id` is the
 * `sts:ExternalId` key of the call's context.
 */
import { compilePolicySet, evaluate } from '../iam/index.js';
import { type AssumeRoleSettings, type AwsInventory, type RoleModel, trustConflict } from '../model/aws.js';
import { type Finding, finding } from '../model/finding.js';
import type { RoleCheck, RoleFacts } from './check.js';
import { POINT, parseDocument } from './permissions/policies.js';
import { identityUnread, withIdentityAllowingAll } from './permissions/unknowns.js';

const TAGS_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html';
const API_DOC = 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html';
/** AWS's session tag limits (API_DOC, Tags): 50 tags, keys of 128 characters, values of 256. */
const MAX_TAGS = 50;
const MAX_KEY = 128;
const MAX_VALUE = 256;
/** A tag key's characters (API_DOC, Tag): letters, spaces, digits and `_.:/=+-@`. */
const TAG_KEY = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u;

/**
 * The request context of the chain's calls, as STS sees them: the keys AWS populates for the source role's session
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html: aws:PrincipalArn is the
 * role's ARN, aws:PrincipalType `AssumedRole`, aws:userid `ROLEID:session-name`, the role's tags as principal tags;
 * the source session was made with GitHub's token, which passes no session tags), then the call's tags, transitive
 * keys and ExternalId.
 */
function chainContext(
  settings: AssumeRoleSettings,
  source: RoleModel,
  sessionName: string | undefined,
): Record<string, string | string[]> {
  const context: Record<string, string | string[]> = {
    'aws:PrincipalArn': source.arn,
    'aws:PrincipalAccount': source.accountId,
    'aws:PrincipalType': 'AssumedRole',
    'aws:PrincipalIsAWSService': 'false',
    'aws:SecureTransport': 'true',
  };
  // A session name not known before the run gives no aws:userid (src/checks/permissions/context.ts).
  if (source.roleId && sessionName !== undefined) context['aws:userid'] = `${source.roleId}:${sessionName}`;
  for (const [k, v] of Object.entries(source.tags ?? {})) context[`aws:PrincipalTag/${k}`] = v;
  const keys = Object.keys(settings.sessionTags);
  if (keys.length > 0) {
    context['aws:TagKeys'] = keys;
    for (const [k, v] of Object.entries(settings.sessionTags)) context[`aws:RequestTag/${k}`] = v;
    const transitive = settings.transitiveTagKeys ?? [];
    if (transitive.length > 0) context['sts:TransitiveTagKeys'] = [...transitive];
  }
  if (settings.externalId !== undefined) context['sts:ExternalId'] = settings.externalId;
  // The name this call gives the session it makes (the chained step's `role-session-name`): sts:RoleSessionName
  // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#ck_rolesessionname).
  if (settings.sessionName !== undefined) context['sts:RoleSessionName'] = settings.sessionName;
  return context;
}

/** The tags against AWS's limits, and the transitive keys against the tags: one failure per broken rule. */
function checkTagLimits(role: RoleModel, settings: AssumeRoleSettings): Finding[] {
  const tags = settings.sessionTags;
  const keys = Object.keys(tags);
  const problems: string[] = [];
  if (keys.length > MAX_TAGS)
    problems.push(`it passes ${keys.length} session tags, and AWS allows at most ${MAX_TAGS}`);
  for (const k of keys) {
    if (k.length > MAX_KEY) problems.push(`the tag key \`${k.slice(0, 40)}…\` is over ${MAX_KEY} characters`);
    else if (!TAG_KEY.test(k)) problems.push(`the tag key \`${k}\` holds characters AWS does not allow in a tag key`);
    const v = tags[k] ?? '';
    if (v.length > MAX_VALUE) problems.push(`the value of tag \`${k}\` is over ${MAX_VALUE} characters`);
  }
  const missing = (settings.transitiveTagKeys ?? []).filter((k) => !(k in tags));
  if (missing.length > 0) {
    problems.push(
      `transitive-tag-keys names ${missing.map((k) => `\`${k}\``).join(', ')}, which ${missing.length === 1 ? 'is' : 'are'} not among the session tags${settings.skipSessionTagging ? ' (role-skip-session-tagging passes none)' : ''}`,
    );
  }
  return problems.map((problem, i) =>
    finding('session-tags-invalid', {
      id: `aws:${role.arn}:session-tags-invalid:${i}`,
      subject: `role ${role.arn}`,
      decisionPoint: 'session',
      evidence: { tagKeys: keys, transitiveTagKeys: [...(settings.transitiveTagKeys ?? [])] },
      message: `configure-aws-credentials' AssumeRole into ${role.name} would be refused: ${problem}.`,
      fix: 'Change custom-tags or transitive-tag-keys so that every transitive key is a session tag, there are at most 50 tags, keys have at most 128 characters and values at most 256.',
      docUrl: API_DOC,
    }),
  );
}

/** The actions the source session calls on the chained role. */
function chainActions(facts: RoleFacts): string[] {
  const tagged = Object.keys(facts.config.settings.sessionTags).length > 0;
  return tagged ? ['sts:AssumeRole', 'sts:TagSession'] : ['sts:AssumeRole'];
}

/** Parses every policy the chain's evaluation reads; the first that does not parse, or the compiled set. */
function compileChain(role: RoleModel, source: RoleModel, inventory: AwsInventory) {
  const identity = [...source.inlinePolicies, ...source.managedPolicies].map((p) => parseDocument(p, 'identity'));
  const boundary = source.permissionsBoundary ? parseDocument(source.permissionsBoundary, 'identity') : undefined;
  const conflict = trustConflict(role);
  if (conflict) return { ok: false as const, error: conflict };
  const trust = parseDocument(role.trustPolicy, 'resource', 'trust');
  const scps = (inventory.scps ?? []).map((level) => level.map((p) => parseDocument(p, 'identity')));
  // STS is among the services RCPs apply to (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html).
  const rcps = (inventory.rcps ?? []).map((level) => level.map((p) => parseDocument(p, 'control')));
  const bad = [...identity, trust, ...(boundary ? [boundary] : []), ...scps.flat(), ...rcps.flat()].find((r) => !r.ok);
  if (bad && !bad.ok) return { ok: false as const, error: bad.errors[0]?.message ?? 'invalid policy' };
  const ok = <T>(r: { ok: true; policy: T } | { ok: false }) => (r.ok ? [r.policy] : []);
  return {
    ok: true as const,
    set: compilePolicySet({
      identityPolicies: identity.flatMap(ok),
      permissionsBoundary: boundary?.ok ? boundary.policy : undefined,
      scps: scps.map((level) => level.flatMap(ok)),
      rcps: rcps.map((level) => level.flatMap(ok)),
      resourcePolicy: trust.ok ? trust.policy : undefined,
    }),
  };
}

/** One action of the chain, evaluated as AWS would: the source session's policies and the role's trust. */
function checkChainAction(role: RoleModel, source: RoleModel, facts: RoleFacts, action: string): Finding {
  const subject = `role ${role.arn}`;
  const compiled = compileChain(role, source, facts.inventory);
  if (!compiled.ok) {
    return finding('could-not-verify', {
      id: `aws:${role.arn}:chained-trust-unverifiable:${action}`,
      subject,
      decisionPoint: 'sts-trust',
      status: 'unverified',
      message: `A policy needed to evaluate the chain could not be parsed: ${compiled.error}.`,
      fix: 'Fix the policy document named in the message.',
    });
  }
  // The caller is the source role's session, named by the step that made it, not by this step's `role-session-name`
  // (which names the session this call makes): https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining
  const name = facts.chainSourceSessionName;
  // The role's ARN when the session name is not known: the engine then knows the session's role, not its name.
  const sessionArn =
    name === undefined ? source.arn : `arn:aws:sts::${source.accountId}:assumed-role/${source.name}/${name}`;
  const { settings } = facts.config;
  const context = chainContext(settings, source, name);
  const request = { principal: sessionArn, action, resource: role.arn, context };
  const result = evaluate(compiled.set, request);
  const evidence = {
    source: sessionArn,
    action,
    decision: result.decision,
    ...(action === 'sts:TagSession' ? { tagKeys: Object.keys(settings.sessionTags) } : {}),
    ...(settings.externalId !== undefined ? { externalIdGiven: true } : {}),
  };
  // A layer not read is unknown, never empty (src/checks/permissions/unknowns.ts): an allow could be undone by a Deny
  // there, and a denial for want of an Allow in the source's unread policies could be lifted by one.
  // The source session's name not known before the run, and the trust naming a session of the source role: whether
  // it names this one is not known, so a refusal is not certain.
  const namesSession =
    name === undefined &&
    result.decision !== 'allowed' &&
    JSON.stringify(role.trustPolicy.document).includes(`:assumed-role/${source.name}/`);
  if (namesSession) {
    return finding('could-not-verify', {
      id: `aws:${role.arn}:chained-trust-unverified:${action}`,
      subject,
      decisionPoint: 'sts-trust',
      status: 'unverified',
      evidence,
      message: `${role.name}'s trust names sessions of ${source.name} by name, and the name of the session that calls ${action} is not known before the run (the earlier step's role-session-name), so whether the trust admits it is not known.`,
      fix: `Give the earlier configure-aws-credentials step a literal role-session-name, or let ${role.name}'s trust admit ${source.arn} (any of its sessions).`,
    });
  }
  const unread = unreadForChain(source, facts);
  const lifted =
    result.decision === 'implicit-deny' &&
    identityUnread(source) &&
    evaluate(withIdentityAllowingAll(compiled.set), request).decision === 'allowed';
  if ((result.decision === 'allowed' && unread.length > 0) || lifted) {
    return finding('could-not-verify', {
      id: `aws:${role.arn}:chained-trust-unverified:${action}`,
      subject,
      decisionPoint: 'sts-trust',
      status: 'unverified',
      evidence: { ...evidence, notRead: unread },
      message: `${source.name}'s session ${lifted ? 'may not' : 'may'} ${action} into ${role.name} as far as the files were read, but ${unread.join(', ')} ${unread.length === 1 ? 'was' : 'were'} not read: ${lifted ? 'an Allow there would let it' : 'a Deny there would refuse it'}.`,
      fix: `Give what was not read to the preflight: ${unread.join(', ')} (docs/policy-folder.md).`,
    });
  }
  if (result.decision === 'allowed') {
    return finding('ok', {
      id: `aws:${role.arn}:chained-trust:${action}`,
      subject,
      decisionPoint: 'sts-trust',
      evidence,
      message: `${source.name}'s session may ${action} into ${role.name} by role chaining.`,
    });
  }
  const layer = result.explanation.decidingLayer ?? 'resource';
  if (action === 'sts:TagSession' && layer === 'resource') {
    return finding('tag-session-denied', {
      id: `aws:${role.arn}:chained-trust-denied:${action}`,
      subject,
      decisionPoint: 'sts-trust',
      evidence,
      wouldReturn: 403,
      message: `configure-aws-credentials passes session tags (${Object.keys(settings.sessionTags).join(', ')}) when it chains into ${role.name}, and its trust policy does not let ${source.name}'s session sts:TagSession: ${result.explanation.reason}`,
      fix: `Add "sts:TagSession" to the Action of the statement in ${role.name}'s trust policy that admits ${source.arn}, or set role-skip-session-tagging: true in the deploy's configure-aws-credentials step and here.`,
      docUrl: TAGS_DOC,
    });
  }
  return finding('chained-trust-denied', {
    id: `aws:${role.arn}:chained-trust-denied:${action}`,
    subject,
    // The role's trust policy is the resource policy of this call.
    decisionPoint: layer === 'resource' ? 'sts-trust' : POINT[layer],
    evidence,
    wouldReturn: 403,
    message: `${source.name}'s session may not ${action} into ${role.name}: ${result.explanation.reason}`,
    fix:
      layer === 'resource'
        ? `Add to ${role.name}'s trust policy: {"Effect":"Allow","Principal":{"AWS":"${source.arn}"},"Action":"${action}"}.`
        : `Allow ${action} on ${role.arn} in ${source.name}'s policies.`,
  });
}

/**
 * What the chain's evaluation reads but the files did not give: the source role's own policies and boundary, and the
 * organization's SCPs and RCPs (STS is among the services RCPs apply to:
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html), unless the configuration
 * declares there is no organization.
 */
function unreadForChain(source: RoleModel, facts: RoleFacts): string[] {
  const out: string[] = [];
  if (identityUnread(source)) out.push(`the policies of ${source.name}`);
  if (source.unreadPolicies?.boundary) out.push(`the permissions boundary of ${source.name}`);
  const { inventory } = facts;
  if (facts.config.declaredAbsent?.organizations !== 'none') {
    if (inventory.scps === undefined || inventory.unreadOrgLayers?.includes('scp')) out.push('the SCPs');
    if (inventory.rcps === undefined || inventory.unreadOrgLayers?.includes('rcp')) out.push('the RCPs');
  }
  return out;
}

/** The chained-trust check as the registry runs it, for a role with `role-chaining: true`. */
export const chainedTrustCheck: RoleCheck = {
  id: 'chained-trust',
  title:
    "A chained role's trust admits the source role's session, and the session may call sts:AssumeRole (and sts:TagSession).",
  decisionPoints: ['sts-trust', 'identity-policy', 'permissions-boundary', 'scp'],
  section: 'aws',
  scope: 'role',
  needs: [],
  appliesTo: (config) => config.settings.roleChaining,
  run: (facts) => {
    const { role, chainSource } = facts;
    if (!chainSource) {
      return [
        finding('could-not-verify', {
          id: `aws:${role.arn}:chained-trust-unverifiable`,
          subject: `role ${role.arn}`,
          decisionPoint: 'sts-trust',
          status: 'unverified',
          message:
            'The role is assumed by role chaining, but no source role is configured or found in the policy files, so its trust policy cannot be evaluated.',
          fix: 'List the role that is assumed first (with the GitHub token) in the configuration file under aws.roles, before the chained role, and describe it in the policy files.',
        }),
      ];
    }
    return [
      ...checkTagLimits(role, facts.config.settings),
      ...chainActions(facts).map((action) => checkChainAction(role, chainSource, facts, action)),
    ];
  },
};
