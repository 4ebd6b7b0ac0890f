/**
 * Role chaining: the role is assumed by another role's session with sts:AssumeRole, not with the GitHub token
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining), so its
 * trust policy must grant that session, and the source session's own policies, boundary and SCPs must allow the call.
 * The source is the configuration's first role that is not chained. With session tags the session also needs
 * sts:TagSession (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html).
 */
import { compilePolicySet, evaluate } from '../iam/index.js';
import type { AwsInventory, RoleModel } from '../model/aws.js';
import { type Finding, finding } from '../model/finding.js';
import type { RoleCheck, RoleFacts } from './check.js';
import { POINT, parseDocument } from './permissions/policies.js';

/** The actions the source session calls on the chained role. */
function chainActions(facts: RoleFacts): string[] {
  const tagged = Object.keys(facts.config.settings.sessionTags).length > 0;
  return tagged ? ['sts:AssumeRole', 'sts:TagSession'] : ['sts:AssumeRole'];
}

/** Parses every policy the chain's evaluation reads; the first that does not parse, or the compiled set. */
function compileChain(role: RoleModel, source: RoleModel, inventory: AwsInventory) {
  const identity = [...source.inlinePolicies, ...source.managedPolicies].map((p) => parseDocument(p, 'identity'));
  const boundary = source.permissionsBoundary ? parseDocument(source.permissionsBoundary, 'identity') : undefined;
  const trust = parseDocument(role.trustPolicy, 'resource', 'trust');
  const scps = (inventory.scps ?? []).map((level) => level.map((p) => parseDocument(p, 'identity')));
  const bad = [...identity, trust, ...(boundary ? [boundary] : []), ...scps.flat()].find((r) => !r.ok);
  if (bad && !bad.ok) return { ok: false as const, error: bad.errors[0]?.message ?? 'invalid policy' };
  const ok = <T>(r: { ok: true; policy: T } | { ok: false }) => (r.ok ? [r.policy] : []);
  return {
    ok: true as const,
    set: compilePolicySet({
      identityPolicies: identity.flatMap(ok),
      permissionsBoundary: boundary?.ok ? boundary.policy : undefined,
      scps: scps.map((level) => level.flatMap(ok)),
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
  const sessionArn = `arn:aws:sts::${source.accountId}:assumed-role/${source.name}/${facts.config.settings.sessionName}`;
  const result = evaluate(compiled.set, { principal: sessionArn, action, resource: role.arn });
  const evidence = { source: sessionArn, action, decision: result.decision };
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
            'The role is assumed by role chaining, but no source role is configured, so its trust policy cannot be evaluated.',
          fix: 'List the role that is assumed first (with the GitHub token) in the configuration file under aws.roles, before the chained role.',
        }),
      ];
    }
    return chainActions(facts).map((action) => checkChainAction(role, chainSource, facts, action));
  },
};
