/**
 * The fix text of a permission the engine denies: what to narrow for an explicit deny, and what to add, where, for
 * an implicit one. Pure.
 */

import type { ActionInfo } from '../../catalog/index.js';
import type { Layer, StatementRef } from '../../iam/index.js';
import type { PolicyDocument, RequiredPermission, RoleModel } from '../../model/aws.js';

/** A statement as a person finds it: policy, index and Sid. */
export function describeRef(ref: StatementRef): string {
  return `${ref.policy} statement ${ref.index}${ref.sid ? ` (Sid "${ref.sid}")` : ''}`;
}

/** The statement's Condition element as written, for a fix that names it. */
function conditionOf(doc: PolicyDocument | undefined, index: number): unknown {
  const statements = (doc?.document as { Statement?: unknown } | undefined)?.Statement;
  const statement = Array.isArray(statements) ? statements[index] : statements;
  return (statement as { Condition?: unknown } | undefined)?.Condition;
}

/** The fix for an explicit deny: each deciding statement, with its condition when it has one. */
export function fixExplicit(
  refs: readonly StatementRef[],
  layer: Layer,
  docOf: (ref: StatementRef) => PolicyDocument | undefined,
): string {
  const parts = refs.map((ref) => {
    const condition = conditionOf(docOf(ref), ref.index);
    return condition
      ? `${describeRef(ref)} denies it when ${JSON.stringify(condition)}: make the request fall outside that condition, or narrow the statement so that it does not cover this role`
      : `${describeRef(ref)} denies it without a condition: narrow its Action or Resource, or add a condition that exempts this role`;
  });
  const owner = layer === 'scp' || layer === 'rcp' ? ' This is an organization policy: its owners must change it.' : '';
  return `${parts.join('; ')}. An explicit deny overrides every allow.${owner}`;
}

/** The fix for an implicit deny: the statement to add, and where, for the layer that lacks it. */
export function fixImplicit(
  layer: Layer,
  level: number | undefined,
  role: RoleModel,
  p: RequiredPermission,
  action: ActionInfo,
): string {
  // The keys the call itself sets (`iam:PassedToService`, `ecs:CreateAction`, `s3:prefix`) keep the statement to this
  // call: a grant without them would allow more than the deploy asks for.
  const fixed = Object.entries(p.context).filter((e): e is [string, string] => typeof e[1] === 'string');
  const condition = fixed.length > 0 ? { Condition: { StringEquals: Object.fromEntries(fixed) } } : {};
  const statement = JSON.stringify({ Effect: 'Allow', Action: action.canonical, Resource: p.resource, ...condition });
  switch (layer) {
    case 'identity': {
      const policy = role.inlinePolicies[0]?.name ?? role.managedPolicies[0]?.name;
      return `Add this statement to an identity policy of role ${role.name}${policy ? ` (e.g. ${policy})` : ''}: ${statement}`;
    }
    case 'permissions-boundary':
      return `Add ${action.canonical} on ${p.resource} to the permissions boundary ${role.permissionsBoundary?.name ?? ''}; the boundary caps what the role's policies can grant: ${statement}`;
    case 'session':
      return `Add this statement to the session policy (inputs inline-session-policy, managed-session-policies), or drop the session policy: ${statement}`;
    case 'scp':
      return `Add this statement to an SCP attached at organization level ${level ?? 0} (root = 0), or ask the organization's owners to: ${statement}`;
    default: {
      // A key policy names its resource "*": it is attached to the one key it governs (key-policies.html).
      const resource = action.service === 'kms' ? '*' : p.resource;
      const grant = { Effect: 'Allow', Principal: { AWS: role.arn }, Action: action.canonical, Resource: resource };
      return `Add this statement to the resource policy of ${p.resource}; it must name the role: ${JSON.stringify(grant)}`;
    }
  }
}
