/**
 * ARN condition values with fewer than six colon-separated fields (`arn:aws:sns:*`). The operators page says "Each of
 * the six colon-delimited components of the ARN is checked separately"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN)
 * and documents nothing of a value with fewer, so the engine does not let such a value silently match nothing (a Deny
 * written so would never apply): where it decides, the reading that denies is taken and the place is noted, so the
 * permissions check reports the call unverified.
 */
import { describe, expect, it } from 'vitest';
import { compilePolicySet, evaluate, parsePolicy, UNREADABLE_ARN_VALUE } from '../../src/iam/index.js';

const ROLE_SESSION = 'arn:aws:sts::111122223333:assumed-role/deploy/gha';
const TOPIC = 'arn:aws:sns:eu-west-1:111122223333:alerts';

function decide(operator: string, values: string | string[], effect: 'Allow' | 'Deny', sourceArn = TOPIC) {
  const statement = { Action: 's3:PutObject', Resource: '*', Condition: { [operator]: { 'aws:SourceArn': values } } };
  const statements =
    effect === 'Deny'
      ? [
          { Effect: 'Allow', Action: '*', Resource: '*' },
          { Effect: 'Deny', ...statement },
        ]
      : [{ Effect: 'Allow', ...statement }];
  const parsed = parsePolicy({ Version: '2012-10-17', Statement: statements }, { name: 'id' }, 'identity');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const set = compilePolicySet({ identityPolicies: [parsed.policy] });
  const request = {
    principal: ROLE_SESSION,
    action: 's3:PutObject',
    resource: 'arn:aws:s3:::b/x',
    resourceAccount: '111122223333',
    context: { 'aws:SourceArn': sourceArn },
  };
  return { deny: evaluate(set, request), allow: evaluate(set, request, { reading: 'allow' }) };
}

describe('ARN condition values with fewer than six fields', () => {
  it('a Deny with ArnLike "arn:aws:sns:*" applies in the reading that denies, and the place is noted', () => {
    const { deny, allow } = decide('ArnLike', 'arn:aws:sns:*', 'Deny');
    expect(deny.decision).toBe('explicit-deny');
    expect(allow.decision).toBe('allowed');
    expect(deny.unsettled).toEqual([
      `id Statement[1].Condition.ArnLike.aws:SourceArn: "arn:aws:sns:*" ${UNREADABLE_ARN_VALUE}`,
    ]);
  });

  it('an Allow with ArnNotLike on one is not taken to apply in the reading that denies', () => {
    const { deny, allow } = decide('ArnNotLike', 'arn:aws:sns:*', 'Allow');
    expect(deny.decision).toBe('implicit-deny');
    expect(allow.decision).toBe('allowed');
    expect(deny.unsettled).toHaveLength(1);
  });

  it('is settled where a readable value already decides: another value that matches', () => {
    const { deny } = decide('ArnLike', ['arn:aws:sns:*', 'arn:aws:sns:*:*:*'], 'Deny');
    expect(deny.decision).toBe('explicit-deny');
    expect(deny.unsettled).toBeUndefined();
    const allow = decide('ArnLike', ['arn:aws:sns:*', 'arn:aws:sns:*:*:*'], 'Allow').deny;
    expect(allow.decision).toBe('allowed');
    expect(allow.unsettled).toBeUndefined();
  });

  it('is settled where the request value is no ARN: neither the operator nor its negation holds', () => {
    const { deny } = decide('ArnLike', 'arn:aws:sns:*', 'Deny', 'not-an-arn');
    expect(deny.decision).toBe('allowed');
    expect(deny.unsettled).toBeUndefined();
  });

  it('values with all six fields are matched field by field as before', () => {
    expect(decide('ArnLike', 'arn:aws:sns:*:*:*', 'Deny').deny).toMatchObject({ decision: 'explicit-deny' });
    expect(decide('ArnLike', 'arn:aws:sqs:*:*:*', 'Deny').deny.decision).toBe('allowed');
  });
});
