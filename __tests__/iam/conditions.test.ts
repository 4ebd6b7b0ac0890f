// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${...}` here is IAM policy-variable syntax, not JS.
/**
 * Condition blocks as a whole: absent, empty and multivalued keys, the ForAllValues/ForAnyValue
 * qualifiers, IfExists, key-name case, AND/OR, policy variables. Operator families have their own
 * tables in conditions-values.test.ts and conditions-network.test.ts; validation is in
 * conditions-errors.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { compileConditionBlock } from '../../src/iam/conditions/index.js';
import { compilePolicySet, evaluate, parsePolicy } from '../../src/iam/index.js';
import { type PreparedRequest, prepareContext } from '../../src/iam/request.js';
import type { ContextValue, PolicyError } from '../../src/iam/types.js';

type Context = Record<string, ContextValue>;

/** Compiles a block (asserting it is valid) and tests one request context against it. */
function holds(block: unknown, context: Context, substitute = true): boolean {
  const errors: PolicyError[] = [];
  const compiled = compileConditionBlock(block, {
    path: 'Statement[0].Condition',
    substitute,
    source: { name: 't' },
    errors,
  });
  expect(errors).toEqual([]);
  const request = {
    context: prepareContext(context),
    reading: 'deny',
    unsettled: new Set(),
  } as unknown as PreparedRequest;
  return compiled.every((c) => c.test(request));
}

const entry = (op: string, value: unknown) => ({ [op]: { 'aws:PrincipalTag/team': value } });

// "If the key ... is not present in the request context, the values do not match and the condition
// is false ... [for a negated operator] the condition is true ... except ...IfExists and Null"
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
// ForAllValues "also returns true if there are no context keys"; ForAnyValue returns false:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
const ABSENT_KEY: [string, unknown, boolean][] = [
  ['StringEquals', 'a', false],
  ['StringNotEquals', 'a', true],
  ['StringEqualsIgnoreCase', 'a', false],
  ['StringNotEqualsIgnoreCase', 'a', true],
  ['StringLike', '*', false],
  ['StringNotLike', '*', true],
  ['StringEqualsIfExists', 'a', true],
  ['StringNotEqualsIfExists', 'a', true],
  ['StringLikeIfExists', 'a*', true],
  ['NumericLessThan', '10', false],
  ['NumericNotEquals', '10', true],
  ['NumericGreaterThanEqualsIfExists', '10', true],
  ['DateLessThan', '2026-01-01', false],
  ['DateNotEquals', '2026-01-01', true],
  ['DateGreaterThanIfExists', '2026-01-01', true],
  ['Bool', 'true', false],
  ['BoolIfExists', 'true', true],
  ['BinaryEquals', 'QQ==', false],
  ['BinaryEqualsIfExists', 'QQ==', true],
  ['IpAddress', '0.0.0.0/0', false],
  ['NotIpAddress', '10.0.0.0/8', true],
  ['IpAddressIfExists', '10.0.0.0/8', true],
  ['ArnLike', 'arn:*:*:*:*:*', false],
  ['ArnEquals', 'arn:aws:iam::1:role/a', false],
  ['ArnNotLike', 'arn:*:*:*:*:*', true],
  ['ArnNotEquals', 'arn:aws:iam::1:role/a', true],
  ['ForAllValues:StringEquals', 'a', true],
  ['ForAllValues:StringNotEquals', 'a', true],
  ['ForAnyValue:StringEquals', 'a', false],
  ['ForAnyValue:StringNotEquals', 'a', false],
  ['ForAllValues:NumericLessThan', '1', true],
  ['ForAnyValue:IpAddress', '0.0.0.0/0', false],
];

describe('a key absent from the request (condition operators page, Important note)', () => {
  it.each(ABSENT_KEY)('%s %j → %s', (op, value, expected) => {
    expect(holds(entry(op, value), { 'aws:username': 'x' })).toBe(expected);
  });
});

describe('an empty list is a "null data set": it behaves as an absent key', () => {
  it.each(ABSENT_KEY)('%s %j with [] → %s', (op, value, expected) => {
    expect(holds(entry(op, value), { 'aws:PrincipalTag/team': [] })).toBe(expected);
  });
});

// ForAnyValue:…IfExists on an absent key: the IfExists rule (condition operators page) says true, the ForAnyValue rule
// (single-vs-multi-valued page) false. The reading that denies comes first, by the statement's Effect, and is noted.
describe('ForAnyValue:…IfExists on an absent key has two readings: the one that denies comes first', () => {
  function reading(effect: 'Allow' | 'Deny', read: 'deny' | 'allow', context: Context) {
    const compiled = compileConditionBlock(entry('ForAnyValue:StringEqualsIfExists', 'a'), {
      path: 'Statement[0].Condition',
      substitute: true,
      effect,
      source: { name: 'p' },
      errors: [],
    });
    const unsettled = new Set<string>();
    const request = { context: prepareContext(context), reading: read, unsettled } as unknown as PreparedRequest;
    return { holds: compiled.every((c) => c.test(request)), unsettled: [...unsettled] };
  }

  it.each([
    ['Allow', 'deny', false],
    ['Allow', 'allow', true],
    ['Deny', 'deny', true],
    ['Deny', 'allow', false],
  ] as const)('in a %s statement, the %s reading → %s, and the place is noted', (effect, read, expected) => {
    for (const context of [{}, { 'aws:PrincipalTag/team': [] }]) {
      const r = reading(effect, read, context);
      expect(r.holds).toBe(expected);
      expect(r.unsettled).toEqual([
        'p Statement[0].Condition.ForAnyValue:StringEqualsIfExists.aws:PrincipalTag/team: ForAnyValue with IfExists on an absent key: the IfExists rule says it holds, the ForAnyValue rule says it does not',
      ]);
    }
  });

  it('is one reading when the key is present: nothing is noted', () => {
    expect(reading('Allow', 'deny', { 'aws:PrincipalTag/team': ['a', 'b'] })).toEqual({ holds: true, unsettled: [] });
  });
});

// "Multivalued context keys require a condition set operator" (single-vs-multi-valued page): a
// plain operator, negated or IfExists included, does not hold for a list.
describe('a list without ForAllValues/ForAnyValue never holds', () => {
  it.each([
    ['StringEquals', 'a', ['a'], false],
    ['StringEquals', 'a', ['a', 'b'], false],
    ['StringNotEquals', 'x', ['a', 'b'], false],
    ['StringLike', '*', ['a'], false],
    ['StringEqualsIfExists', 'a', ['a'], false],
    ['NumericEquals', '1', ['1'], false],
    ['ForAnyValue:StringEquals', 'a', ['a'], true],
    ['ForAllValues:StringEquals', 'a', ['a'], true],
  ])('%s %j with %j → %s', (op, value, request, expected) => {
    expect(holds(entry(op, value), { 'aws:PrincipalTag/team': request })).toBe(expected);
  });
});

// The two tables of the single-vs-multi-valued page, aws:TagKeys against environment / cost-center.
describe('ForAllValues and ForAnyValue (single-vs-multi-valued context keys page)', () => {
  const tagKeys = (op: string, value: unknown) => ({ [op]: { 'aws:TagKeys': value } });
  const policy = ['environment', 'cost-center'];
  it.each([
    ['ForAllValues:StringEquals', ['environment'], true],
    ['ForAllValues:StringEquals', ['cost-center'], true],
    ['ForAllValues:StringEquals', ['environment', 'cost-center'], true],
    ['ForAllValues:StringEquals', ['environment', 'dept'], false],
    ['ForAllValues:StringEquals', 'environment', true],
    ['ForAnyValue:StringEquals', ['environment'], true],
    ['ForAnyValue:StringEquals', ['environment', 'dept'], true],
    ['ForAnyValue:StringEquals', ['dept'], false],
    ['ForAnyValue:StringEquals', 'environment', true],
    ['ForAnyValue:StringEquals', ['Environment'], false],
    // Negated, from the operators page: ForAllValues = none of the request values matches any
    // policy value; ForAnyValue = at least one request value matches none of them.
    ['ForAllValues:StringNotEquals', ['dept', 'owner'], true],
    ['ForAllValues:StringNotEquals', ['dept', 'environment'], false],
    ['ForAnyValue:StringNotEquals', ['dept', 'environment'], true],
    ['ForAnyValue:StringNotEquals', ['environment', 'cost-center'], false],
    ['ForAllValues:StringLike', ['env*'], false],
    ['ForAnyValue:StringNotLike', ['environment'], false],
  ])('%s %j → %s', (op, request, expected) => {
    expect(holds(tagKeys(op, policy), { 'aws:TagKeys': request })).toBe(expected);
  });

  it.each([
    ['ForAllValues:StringLike', ['Created*', 'Owner'], ['CreatedBy', 'CreatedAt'], true],
    ['ForAllValues:StringLike', ['Created*'], ['CreatedBy', 'Team'], false],
    ['ForAnyValue:StringLike', ['key1*'], ['a', 'key1-x'], true],
    ['ForAllValues:StringNotLike', ['key1*'], ['a', 'b'], true],
    ['ForAllValues:StringNotLike', ['key1*'], ['a', 'key1'], false],
    ['ForAnyValue:NumericGreaterThan', '5', ['1', '9'], true],
    ['ForAllValues:NumericGreaterThan', '5', ['1', '9'], false],
    ['ForAllValues:Bool', 'true', ['true', 'TRUE'], true],
    ['ForAnyValue:Bool', 'false', ['true', 'true'], false],
    ['ForAnyValue:IpAddress', '10.0.0.0/8', ['192.0.2.1', '10.1.2.3'], true],
    ['ForAllValues:NotIpAddress', '10.0.0.0/8', ['192.0.2.1', '10.1.2.3'], false],
    [
      'ForAllValues:ArnLike',
      'arn:aws:cloudfront::123456789012:distribution/*',
      ['arn:aws:cloudfront::123456789012:distribution/a', 'arn:aws:cloudfront::123456789012:distribution/b'],
      true,
    ],
    [
      'ForAllValues:ArnLike',
      'arn:aws:cloudfront::123456789012:distribution/*',
      ['arn:aws:cloudfront::123456789012:distribution/a', 'arn:aws:cloudfront::777788889999:distribution/b'],
      false,
    ],
    ['ForAnyValue:ArnNotLike', 'arn:aws:iam::*:role/a', ['arn:aws:iam::1:role/a', 'arn:aws:iam::1:role/b'], true],
    ['ForAnyValue:DateLessThan', '2026-01-01', ['2027-01-01', '2025-06-01'], true],
    ['ForAllValues:BinaryEquals', ['QQ==', 'Qg=='], ['QQ==', 'Qg=='], true],
  ])('%s %j with %j → %s', (op, value, request, expected) => {
    expect(holds(tagKeys(op, value), { 'aws:TagKeys': request })).toBe(expected);
  });
});

describe('AND across operators and keys, OR across values (condition element page)', () => {
  // The CreateTags example of the operators page: StringEqualsIgnoreCase on the tag value and
  // ForAnyValue:StringEquals (case-sensitive) on aws:TagKeys.
  const block = {
    StringEqualsIgnoreCase: { 'aws:RequestTag/environment': ['preprod', 'storage'] },
    'ForAnyValue:StringEquals': { 'aws:TagKeys': 'environment' },
  };
  it.each([
    [{ 'aws:TagKeys': ['environment'], 'aws:RequestTag/environment': 'preprod' }, true],
    [{ 'aws:TagKeys': ['environment', 'costcenter'], 'aws:RequestTag/environment': 'PreProd' }, true],
    [{ 'aws:TagKeys': ['Environment'], 'aws:RequestTag/Environment': 'preprod' }, false],
    [{ 'aws:TagKeys': ['costcenter'], 'aws:RequestTag/environment': 'preprod' }, false],
    [{ 'aws:RequestTag/environment': 'storage' }, false],
    [{ 'aws:TagKeys': ['environment'] }, false],
    [{}, false],
  ])('%j → %s', (context, expected) => {
    expect(holds(block, context)).toBe(expected);
  });

  it('two keys under one operator must both hold', () => {
    const both = { StringEquals: { 'aws:PrincipalTag/a': 'x', 'aws:PrincipalTag/b': 'y' } };
    expect(holds(both, { 'aws:PrincipalTag/a': 'x', 'aws:PrincipalTag/b': 'y' })).toBe(true);
    expect(holds(both, { 'aws:PrincipalTag/a': 'x', 'aws:PrincipalTag/b': 'z' })).toBe(false);
  });
});

// "Context key names are not case-sensitive" (condition element page); values follow the operator.
describe('key names match case-insensitively', () => {
  it.each([
    ['AWS:UserName', { 'aws:username': 'alice' }, true],
    ['aws:username', { 'AWS:USERNAME': 'alice' }, true],
    ['aws:SourceIP', { 'aws:sourceip': 'alice' }, true],
    ['aws:username', { 'aws:username': 'Alice' }, false],
  ])('%s against %j', (key, context, expected) => {
    expect(holds({ StringEquals: { [key]: 'alice' } }, context)).toBe(expected);
  });
});

// The same rule through a prepared request, whose context is indexed by lower-cased key on first use.
describe('key names match case-insensitively in an evaluated request', () => {
  const decide = (key: string, context: Context) => {
    const policy = parsePolicy(
      {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { [key]: 'alice' } } },
        ],
      },
      { name: 'p' },
      'identity',
    );
    if (!policy.ok) throw new Error('invalid test policy');
    const set = compilePolicySet({ identityPolicies: [policy.policy] });
    return evaluate(set, { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', context }).decision;
  };
  it.each([
    ['AWS:UserName', { 'aws:username': 'alice' }, 'allowed'],
    ['aws:username', { 'AWS:USERNAME': 'alice' }, 'allowed'],
    ['aws:username', { 'aws:username': 'alice' }, 'allowed'],
    ['aws:username', { 'aws:username': 'Alice' }, 'implicit-deny'],
    ['aws:username', { 'aws:userid': 'alice' }, 'implicit-deny'],
    ['aws:usérname', { 'AWS:USÉRNAME': 'alice' }, 'allowed'],
  ])('%s against %j', (key, context, expected) => {
    expect(decide(key, context)).toBe(expected);
  });
});

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
describe('policy variables in condition values', () => {
  const user = { 'aws:username': 'alice' };
  it.each([
    ['StringEquals', '${aws:username}', { ...user, 's3:prefix': 'alice' }, true],
    ['StringEquals', '${aws:username}', { ...user, 's3:prefix': 'bob' }, false],
    ['StringEquals', '${AWS:UserName}', { ...user, 's3:prefix': 'alice' }, true],
    ['StringEqualsIgnoreCase', '${aws:username}', { 'aws:username': 'ALICE', 's3:prefix': 'alice' }, true],
    ['StringNotEquals', '${aws:username}', { ...user, 's3:prefix': 'alice' }, false],
    ['StringLike', 'home/${aws:username}/*', { ...user, 's3:prefix': 'home/alice/docs' }, true],
    ['StringLike', 'home/${aws:username}/*', { ...user, 's3:prefix': 'home/bob/docs' }, false],
    // A substituted value matches literally: its * is not a wildcard.
    ['StringLike', 'home/${aws:username}', { 'aws:username': 'a*', 's3:prefix': 'home/a*' }, true],
    ['StringLike', 'home/${aws:username}', { 'aws:username': 'a*', 's3:prefix': 'home/abc' }, false],
    ['StringLike', 'a${*}', { 's3:prefix': 'a*' }, true],
    ['StringLike', 'a${*}', { 's3:prefix': 'ab' }, false],
    ['StringLike', 'a${?}', { 's3:prefix': 'a?' }, true],
    ['StringLike', 'a${?}', { 's3:prefix': 'ab' }, false],
    ['StringEquals', 'cost${$}', { 's3:prefix': 'cost$' }, true],
    ['StringEquals', "${aws:username, 'anonymous'}", { 's3:prefix': 'anonymous' }, true],
    [
      'ArnLike',
      'arn:aws:iam::${aws:PrincipalAccount}:role/*',
      { 'aws:PrincipalAccount': '111122223333', 's3:prefix': 'arn:aws:iam::111122223333:role/x' },
      true,
    ],
    [
      'ArnLike',
      'arn:aws:iam::${aws:PrincipalAccount}:role/*',
      { 'aws:PrincipalAccount': '111122223333', 's3:prefix': 'arn:aws:iam::444455556666:role/x' },
      false,
    ],
    // Substitution comes before the ARN is split, so a variable may fill several fields.
    [
      'ArnEquals',
      '${aws:PrincipalArn}',
      { 'aws:PrincipalArn': 'arn:aws:iam::1:role/r', 's3:prefix': 'arn:aws:iam::1:role/r' },
      true,
    ],
    [
      'ArnEquals',
      '${aws:PrincipalArn}',
      { 'aws:PrincipalArn': 'arn:aws:iam::1:role/*', 's3:prefix': 'arn:aws:iam::1:role/r' },
      false,
    ],
    ['ArnLike', 'arn:aws:s3:::${aws:username}', { 'aws:username': 'a*', 's3:prefix': 'arn:aws:s3:::a*' }, true],
    ['ArnLike', 'arn:aws:s3:::${aws:username}', { 'aws:username': 'a*', 's3:prefix': 'arn:aws:s3:::abc' }, false],
    [
      'ArnLike',
      'arn:aws:s3:::p$${aws:username}',
      { 'aws:username': '{aws:username}', 's3:prefix': 'arn:aws:s3:::p${aws:username}' },
      true,
    ],
    ['ArnLike', 'arn:aws:s3:::*/${aws:username}', { 'aws:username': 'x', 's3:prefix': 'arn:aws:s3:::b/k/x' }, true],
    // Bool lists policy variables as supported (Boolean condition operators section).
    ['Bool', '${aws:ViaAWSService}', { 'aws:ViaAWSService': 'true', 's3:prefix': 'TRUE' }, true],
    ['Bool', '${aws:ViaAWSService}', { 'aws:ViaAWSService': 'false', 's3:prefix': 'true' }, false],
    ['Bool', '${aws:ViaAWSService}', { 'aws:ViaAWSService': 'maybe', 's3:prefix': 'true' }, false],
  ])('%s %s with %j → %s', (op, value, context, expected) => {
    expect(holds({ [op]: { 's3:prefix': value } }, context)).toBe(expected);
  });

  // A variable with no value (absent or multivalued key, no default) is "effectively null":
  // "StringEquals or StringLike do not match ... Inverted condition operators like
  // StringNotEquals or StringNotLike do match against a null value" (#policy-vars-no-value).
  it.each([
    ['StringEquals', '${aws:username}', { 's3:prefix': '' }, false],
    ['StringEquals', ['x', '${aws:username}'], { 's3:prefix': 'x' }, true],
    ['StringEquals', ['x', '${aws:username}'], { 's3:prefix': 'y' }, false],
    ['StringLike', 'home/${aws:username}/*', { 's3:prefix': 'home//x' }, false],
    ['StringLike', '${aws:TagKeys}*', { 'aws:TagKeys': ['a'], 's3:prefix': 'a' }, false],
    ['StringNotEquals', '${aws:username}', { 's3:prefix': 'y' }, true],
    ['StringNotEquals', ['y', '${aws:username}'], { 's3:prefix': 'y' }, false],
    ['StringNotLike', 'home/${aws:username}/*', { 's3:prefix': 'home/x/y' }, true],
    ['StringNotEqualsIfExists', '${aws:username}', {}, true],
    ['ForAllValues:StringEquals', '${aws:username}', { 's3:prefix': ['a'] }, false],
    ['ForAnyValue:StringNotEquals', '${aws:username}', { 's3:prefix': ['a'] }, true],
    ['ArnLike', 'arn:aws:iam::${aws:PrincipalAccount}:*', { 's3:prefix': 'arn:aws:iam::1:role/r' }, false],
    ['ArnNotLike', 'arn:aws:iam::${aws:PrincipalAccount}:*', { 's3:prefix': 'arn:aws:s3:::b' }, true],
    ['ArnNotLike', 'arn:aws:iam::${aws:PrincipalAccount}:*', { 's3:prefix': 'not-an-arn' }, false],
    ['Bool', '${aws:ViaAWSService}', { 's3:prefix': 'true' }, false],
  ])('%s %j with the variable unset, %j → %s', (op, value, context, expected) => {
    expect(holds({ [op]: { 's3:prefix': value } }, context)).toBe(expected);
  });

  // The page's own example: a Deny that holds when the principal has no Team tag.
  it.each([
    [{ 'aws:PrincipalTag/Team': 'red', 's3:ExistingObjectTag/Team': 'red' }, false],
    [{ 'aws:PrincipalTag/Team': 'red', 's3:ExistingObjectTag/Team': 'blue' }, true],
    [{ 's3:ExistingObjectTag/Team': 'red' }, true],
  ])('StringNotEquals s3:ExistingObjectTag/Team ${aws:PrincipalTag/Team} with %j → %s', (context, expected) => {
    const block = { StringNotEquals: { 's3:ExistingObjectTag/Team': '${aws:PrincipalTag/Team}' } };
    expect(holds(block, context)).toBe(expected);
  });

  it.each([
    ['StringLike', 'home/${aws:username}/*'],
    ['ArnLike', 'arn:aws:s3:::b/${aws:username}/*'],
    ['StringEquals', '${aws:username}'],
  ])('%s %s, compiled once, follows each request (its cache is keyed by the values)', (op, value) => {
    const errors: PolicyError[] = [];
    const [condition] = compileConditionBlock(
      { [op]: { k: value } },
      { path: 'C', substitute: true, source: { name: 't' }, errors },
    );
    const run = (user: string, k: string) =>
      condition?.test({ context: prepareContext({ 'aws:username': user, k }) } as unknown as PreparedRequest);
    const target = (user: string) => value.replace('${aws:username}', user).replace('/*', '/x');
    for (const user of ['alice', 'bob', 'alice']) {
      expect([run(user, target(user)), run(user, target(user === 'bob' ? 'alice' : 'bob'))]).toEqual([true, false]);
    }
  });

  it.each([
    ['StringEquals', '${aws:username}', '${aws:username}', true],
    ['StringEquals', '${aws:username}', 'alice', false],
    ['StringLike', '${*}', '${abc}', true],
    ['StringLike', '${*}', 'abc', false],
  ])('without Version 2012-10-17, %s %s is literal text', (op, value, request, expected) => {
    expect(holds({ [op]: { 's3:prefix': value } }, { ...user, 's3:prefix': request }, false)).toBe(expected);
  });
});

describe('compiled conditions', () => {
  it('carry the operator and key as written, and their path', () => {
    const errors: PolicyError[] = [];
    const block = { 'ForAnyValue:StringLike': { 'aws:TagKeys': 'a*' }, NumericLessThan: { 's3:max-keys': 10 } };
    const ctx = { path: 'Statement[1].Condition', substitute: true, source: { name: 't' }, errors };
    const compiled = compileConditionBlock(block, ctx);
    expect(compiled.map((c) => [c.label, c.path])).toEqual([
      ['ForAnyValue:StringLike aws:TagKeys', 'Statement[1].Condition.ForAnyValue:StringLike.aws:TagKeys'],
      ['NumericLessThan s3:max-keys', 'Statement[1].Condition.NumericLessThan.s3:max-keys'],
    ]);
  });

  it('build no RegExp while testing static values', () => {
    const block = {
      StringLike: { 'aws:a': ['x*y?z', '*mid*'] },
      ArnLike: { 'aws:b': 'arn:aws:s3:::bucket-?/*' },
      DateLessThan: { 'aws:c': '2030-01-01T00:00:00Z' },
    };
    const errors: PolicyError[] = [];
    const compiled = compileConditionBlock(block, { path: 'C', substitute: true, source: { name: 't' }, errors });
    const context = { 'aws:a': 'xAyBz', 'aws:b': 'arn:aws:s3:::bucket-1/k', 'aws:c': '2026-01-01T00:00:00Z' };
    const request = { context: prepareContext(context) } as unknown as PreparedRequest;
    const original = globalThis.RegExp;
    let built = 0;
    globalThis.RegExp = new Proxy(original, {
      construct(target, args) {
        built++;
        return Reflect.construct(target, args);
      },
    });
    try {
      for (let i = 0; i < 100; i++) expect(compiled.every((c) => c.test(request))).toBe(true);
    } finally {
      globalThis.RegExp = original;
    }
    expect(built).toBe(0);
  });
});
