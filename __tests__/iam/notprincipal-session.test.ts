/**
 * NotPrincipal with a role session whose name is not known: "you cannot use a wildcard (*) to mean all sessions", and
 * a session is exempt only if its own session ARN is listed
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html).
 */
import { describe, expect, it } from 'vitest';
import { compilePolicySet, evaluate, parsePolicy } from '../../src/iam/index.js';

const ROLE = 'arn:aws:iam::111122223333:role/deploy';
const SESSION = 'arn:aws:sts::111122223333:assumed-role/deploy/site-deploy';

function decide(principal: string, listed: string[]) {
  const identity = parsePolicy(
    { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] },
    { name: 'id' },
    'identity',
  );
  const resource = parsePolicy(
    {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Deny', NotPrincipal: { AWS: listed }, Action: 's3:*', Resource: 'arn:aws:s3:::acme-site/*' },
      ],
    },
    { name: 'bucket' },
    'resource',
  );
  if (!identity.ok || !resource.ok) throw new Error('fixture does not parse');
  const set = compilePolicySet({ identityPolicies: [identity.policy], resourcePolicy: resource.policy });
  const request = {
    principal,
    action: 's3:PutObject',
    resource: 'arn:aws:s3:::acme-site/index.html',
    resourceAccount: '111122223333',
  };
  return { deny: evaluate(set, request), allow: evaluate(set, request, { reading: 'allow' }) };
}

describe('NotPrincipal Deny and a session of unknown name (reference_policies_elements_notprincipal.html)', () => {
  it('no session of the role listed: the Deny applies, in every reading', () => {
    const { deny, allow } = decide(ROLE, [ROLE, 'arn:aws:iam::111122223333:root']);
    expect([deny.decision, allow.decision, deny.unsettled]).toEqual(['explicit-deny', 'explicit-deny', undefined]);
  });

  it('a session of the role listed: unknown (two readings noted), never allowed outright', () => {
    const { deny, allow } = decide(ROLE, [ROLE, SESSION, 'arn:aws:iam::111122223333:root']);
    expect(deny.decision).toBe('explicit-deny');
    expect(allow.decision).toBe('allowed');
    expect(deny.unsettled?.join(' ')).toMatch(/session name is not known/);
  });

  it('the known session listed is exempt; another known session is not', () => {
    expect(decide(SESSION, [ROLE, SESSION, 'arn:aws:iam::111122223333:root']).deny.decision).toBe('allowed');
    const other = 'arn:aws:sts::111122223333:assumed-role/deploy/other';
    expect(decide(other, [ROLE, SESSION, 'arn:aws:iam::111122223333:root']).deny.decision).toBe('explicit-deny');
  });
});
