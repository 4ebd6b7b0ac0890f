// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${...}` here is IAM policy-variable syntax, not JS.
/**
 * The engine's `unknown` and `resourcePattern` options. `unknown`: keys the caller cannot know are taken at their worst (a condition that reads one
 * holds in a Deny and fails in an Allow; so does a Resource element with such a variable), where without the option
 * they would be absent. Absent is not unknown: "If the key that you specify in a policy condition is not present in
 * the request context, the values do not match"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html), and a
 * variable with no value makes its element not take effect
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-no-value); a
 * preflight that does not know the runner's values must not pass on either.
 */
import { describe, expect, it } from 'vitest';
import { compilePolicySet, type EvaluationResult, evaluate, parsePolicy, type Request } from '../../src/iam/index.js';

const ALLOW_ALL = { Effect: 'Allow', Action: '*', Resource: '*' };

function run(
  statements: object[],
  request: Partial<Request>,
  unknown?: string[],
  resourcePattern?: boolean,
): EvaluationResult {
  const parsed = parsePolicy({ Version: '2012-10-17', Statement: statements }, { name: 'p' }, 'identity');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const set = compilePolicySet({ identityPolicies: [parsed.policy] });
  const lower = new Set(unknown?.map((k) => k.toLowerCase()));
  return evaluate(
    set,
    {
      principal: 'arn:aws:iam::111111111111:user/alice',
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::b/alice/x',
      // The bucket is the caller's: an S3 ARN names no owner (src/iam/decide.ts).
      resourceAccount: '111111111111',
      ...request,
    },
    {
      ...(unknown ? { unknown: (key: string) => lower.has(key.toLowerCase()) } : {}),
      resourcePattern: resourcePattern ?? false,
    },
  );
}

describe('evaluate with unknown keys', () => {
  const sourceIpDeny = {
    Effect: 'Deny',
    Action: 's3:*',
    Resource: '*',
    Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
  };

  it('a Deny on an unknown key applies at its worst, and names the key', () => {
    expect(run([ALLOW_ALL, sourceIpDeny], {}).decision).toBe('allowed');
    const worst = run([ALLOW_ALL, sourceIpDeny], {}, ['aws:SourceIp']);
    expect(worst.decision).toBe('explicit-deny');
    expect(worst.assumed).toEqual(['aws:SourceIp']);
  });

  it('an Allow that rests on an unknown key does not grant at its worst', () => {
    const allow = { ...ALLOW_ALL, Condition: { StringEqualsIfExists: { 'aws:SourceVpc': 'vpc-1' } } };
    expect(run([allow], {}).decision).toBe('allowed');
    expect(run([allow], {}, ['aws:SourceVpc'])).toMatchObject({
      decision: 'implicit-deny',
      assumed: ['aws:SourceVpc'],
    });
  });

  it('a known condition that fails settles the statement: nothing is assumed', () => {
    const deny = {
      ...sourceIpDeny,
      Condition: { ...sourceIpDeny.Condition, StringEquals: { 'aws:PrincipalType': 'User' } },
    };
    const worst = run([ALLOW_ALL, deny], { context: { 'aws:PrincipalType': 'AssumedRole' } }, ['aws:SourceIp']);
    expect(worst.decision).toBe('allowed');
    expect(worst.assumed).toBeUndefined();
  });

  it('a statement that does not match the action or resource assumes nothing', () => {
    const deny = { ...sourceIpDeny, Action: 'ec2:*' };
    expect(run([ALLOW_ALL, deny], {}, ['aws:SourceIp'])).toMatchObject({ decision: 'allowed' });
    expect(run([ALLOW_ALL, deny], {}, ['aws:SourceIp']).assumed).toBeUndefined();
  });

  it('a variable of an unknown key in Resource: a Deny applies, an Allow does not grant', () => {
    const deny = { Effect: 'Deny', Action: 's3:*', Resource: 'arn:aws:s3:::b/${aws:username}/*' };
    expect(run([ALLOW_ALL, deny], {}).decision).toBe('allowed');
    expect(run([ALLOW_ALL, deny], {}, ['aws:username'])).toMatchObject({
      decision: 'explicit-deny',
      assumed: ['aws:username'],
    });
    const allow = { Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::b/${aws:username}/*' };
    expect(run([allow], { context: { 'aws:username': 'alice' } }).decision).toBe('allowed');
    expect(run([allow], { context: { 'aws:username': 'alice' } }, ['aws:username']).decision).toBe('implicit-deny');
  });

  it('a variable of an unknown key in a condition value is unknown too', () => {
    const deny = {
      Effect: 'Deny',
      Action: 's3:*',
      Resource: '*',
      Condition: { StringEquals: { 's3:prefix': '${aws:username}' } },
    };
    const context = { 's3:prefix': 'alice' };
    expect(run([ALLOW_ALL, deny], { context }).decision).toBe('allowed');
    expect(run([ALLOW_ALL, deny], { context }, ['aws:username'])).toMatchObject({
      decision: 'explicit-deny',
      assumed: ['aws:username'],
    });
  });

  it('an unknown key overrides a value the context gives for it', () => {
    const context = { 'aws:SourceIp': '203.0.113.9' };
    expect(run([ALLOW_ALL, sourceIpDeny], { context }).decision).toBe('allowed');
    expect(run([ALLOW_ALL, sourceIpDeny], { context }, ['aws:SourceIp']).decision).toBe('explicit-deny');
  });
});

// The `resourcePattern` option: a request resource with wildcards stands for every resource it matches.
describe('evaluate with a resource pattern', () => {
  const pattern = (statements: object[], resource: string) => run(statements, { resource }, undefined, true).decision;

  it('an Allow grants only when it covers every resource of the pattern', () => {
    const allow = (Resource: string) => [{ Effect: 'Allow', Action: 's3:*', Resource }];
    expect(pattern(allow('arn:aws:s3:::b/*'), 'arn:aws:s3:::b/assets/*')).toBe('allowed');
    expect(pattern(allow('arn:aws:s3:::b/assets/*'), 'arn:aws:s3:::b/*')).toBe('implicit-deny');
    // Matched as a literal, `?` would take the pattern's `*`: as a set, b/? does not hold b/ab.
    expect(run(allow('arn:aws:s3:::b/?'), { resource: 'arn:aws:s3:::b/*' }).decision).toBe('allowed');
    expect(pattern(allow('arn:aws:s3:::b/?'), 'arn:aws:s3:::b/*')).toBe('implicit-deny');
  });

  it('a Deny applies when it meets any resource of the pattern', () => {
    const guarded = (Resource: string) => [ALLOW_ALL, { Effect: 'Deny', Action: 's3:*', Resource }];
    expect(run(guarded('arn:aws:s3:::b/secret/*'), { resource: 'arn:aws:s3:::b/*' }).decision).toBe('allowed');
    expect(pattern(guarded('arn:aws:s3:::b/secret/*'), 'arn:aws:s3:::b/*')).toBe('explicit-deny');
    expect(pattern(guarded('arn:aws:s3:::b/secret/*'), 'arn:aws:s3:::b/public/*')).toBe('allowed');
  });

  it('NotResource: an Allow meets none of the pattern, a Deny applies unless one entry covers it', () => {
    const allowOutside = [{ Effect: 'Allow', Action: 's3:*', NotResource: 'arn:aws:s3:::b/secret/*' }];
    expect(pattern(allowOutside, 'arn:aws:s3:::b/public/*')).toBe('allowed');
    expect(pattern(allowOutside, 'arn:aws:s3:::b/*')).toBe('implicit-deny');
    const denyOutside = [ALLOW_ALL, { Effect: 'Deny', Action: 's3:*', NotResource: 'arn:aws:s3:::b/public/*' }];
    expect(pattern(denyOutside, 'arn:aws:s3:::b/public/x/*')).toBe('allowed');
    expect(pattern(denyOutside, 'arn:aws:s3:::b/*')).toBe('explicit-deny');
  });

  it('a Resource it cannot compare as plain globs is taken at its worst', () => {
    // A wildcard in the region field matches field by field; a variable resolves per request.
    const headWild = [{ Effect: 'Allow', Action: 'sqs:*', Resource: 'arn:aws:sqs:*:111111111111:q-*' }];
    expect(
      run(headWild, { action: 'sqs:SendMessage', resource: 'arn:aws:sqs:eu-west-1:111111111111:q-1' }, undefined, true)
        .decision,
    ).toBe('allowed');
    expect(
      run(headWild, { action: 'sqs:SendMessage', resource: 'arn:aws:sqs:eu-west-1:111111111111:q-*' }, undefined, true)
        .decision,
    ).toBe('implicit-deny');
  });

  it('a resource without wildcards is one resource, as without the option', () => {
    const allow = [{ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::b/*' }];
    expect(pattern(allow, 'arn:aws:s3:::b/key')).toBe('allowed');
    expect(pattern(allow, 'arn:aws:s3:::c/key')).toBe('implicit-deny');
  });

  it('wildcards against wildcards past the glob budget (src/iam/glob.ts): the Deny applies, the Allow does not grant', () => {
    // A Resource as long as an SCP may be (5,120 characters) against a permission of 6,144.
    const head = 'arn:aws:s3:::b/';
    const denyResource = `${head}${'a*'.repeat(2540)}ab`;
    const permission = `${head}${'a?'.repeat(3064)}a*`;
    const deny = { Effect: 'Deny', Action: 's3:*', Resource: denyResource };
    expect(pattern([ALLOW_ALL, deny], permission)).toBe('explicit-deny');
    // This Allow does cover the permission, but not provably within the budget.
    const allow = { Effect: 'Allow', Action: 's3:*', Resource: `${head}${'a*'.repeat(2540)}` };
    expect(pattern([allow], permission)).toBe('implicit-deny');
    const shorter = { ...allow, Resource: `${head}${'a*'.repeat(500)}` };
    expect(pattern([shorter], `${head}${'a?'.repeat(600)}a*`)).toBe('allowed');
  });
});
