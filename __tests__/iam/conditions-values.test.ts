/**
 * String and ARN operators, one row per (operator, policy value, request value), through the
 * public compileConditionBlock. Rules from
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
import { describe, expect, it } from 'vitest';
import { compileConditionBlock } from '../../src/iam/conditions/index.js';
import { type PreparedRequest, prepareContext } from '../../src/iam/request.js';
import type { PolicyError } from '../../src/iam/types.js';

/** Whether `{ op: { key: value } }` holds for a request whose `key` is `request`. */
function matches(op: string, value: unknown, request: string, key = 'aws:SourceArn'): boolean {
  const errors: PolicyError[] = [];
  const ctx = { path: 'Statement[0].Condition', substitute: true, source: { name: 'values' }, errors };
  const [condition, ...rest] = compileConditionBlock({ [op]: { [key]: value } }, ctx);
  expect([errors, rest.length, condition !== undefined]).toEqual([[], 0, true]);
  return condition?.test({ context: prepareContext({ [key]: request }) } as unknown as PreparedRequest) ?? false;
}

const TEN = ['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9'];

describe('String operators (#Conditions_String)', () => {
  it.each([
    // StringEquals: exact, case-sensitive, no wildcards.
    ['StringEquals', 'alice', 'alice', true],
    ['StringEquals', 'alice', 'Alice', false],
    ['StringEquals', 'alice', 'alice ', false],
    ['StringEquals', ['bob', 'alice'], 'alice', true],
    ['StringEquals', ['bob', 'carol'], 'alice', false],
    ['StringEquals', 'a*', 'abc', false],
    ['StringEquals', 'a*', 'a*', true],
    ['StringEquals', '', '', true],
    ['StringEquals', 10, '10', true],
    ['StringEquals', true, 'true', true],
    ['StringEquals', TEN, 'a9', true],
    ['StringEquals', TEN, 'b9', false],
    // StringNotEquals: true only when the request value equals none of the values (NOR).
    ['StringNotEquals', 'alice', 'alice', false],
    ['StringNotEquals', 'alice', 'bob', true],
    ['StringNotEquals', 'alice', 'Alice', true],
    ['StringNotEquals', ['a', 'b'], 'b', false],
    ['StringNotEquals', ['a', 'b'], 'c', true],
    ['StringNotEquals', TEN, 'a5', false],
    ['StringNotEquals', TEN, 'b5', true],
    // StringEqualsIgnoreCase / StringNotEqualsIgnoreCase.
    ['StringEqualsIgnoreCase', 'Alice', 'aLICE', true],
    ['StringEqualsIgnoreCase', ['x', 'PreProd'], 'preprod', true],
    ['StringEqualsIgnoreCase', 'a', 'b', false],
    ['StringEqualsIgnoreCase', 'a*', 'AB', false],
    ['StringEqualsIgnoreCase', TEN, 'A7', true],
    ['StringNotEqualsIgnoreCase', 'Alice', 'alice', false],
    ['StringNotEqualsIgnoreCase', 'Alice', 'bob', true],
    ['StringNotEqualsIgnoreCase', ['a', 'B'], 'b', false],
    // StringLike: `*` any run (also empty, also across / and :), `?` one character, case-sensitive.
    ['StringLike', 'home/*', 'home/alice/x', true],
    ['StringLike', 'home/*', 'Home/x', false],
    ['StringLike', 'home/*', 'home/', true],
    ['StringLike', 'a?c', 'abc', true],
    ['StringLike', 'a?c', 'ac', false],
    ['StringLike', 'a?c', 'abbc', false],
    ['StringLike', '*', '', true],
    ['StringLike', '', '', true],
    ['StringLike', '', 'x', false],
    ['StringLike', 'a*c', 'a/b:c', true],
    ['StringLike', '*.txt', 'x.txt', true],
    ['StringLike', '*.txt', 'x.txt.bak', false],
    ['StringLike', '*mid*', 'amidb', true],
    ['StringLike', 'foo', 'foobar', false],
    ['StringLike', ['t1.*', 't2.*', 'm3.*'], 't2.micro', true],
    ['StringLike', ['t1.*', 't2.*', 'm3.*'], 'm2.micro', false],
    ['StringLike', 'a.c', 'abc', false],
    ['StringLike', 'a+b', 'a+b', true],
    ['StringLike', '[ab]', 'a', false],
    ['StringLike', '[ab]', '[ab]', true],
    ['StringLike', '^x$', '^x$', true],
    ['StringLike', 'a\\*', 'a\\bc', true],
    ['StringLike', 'line*', 'line1\nline2', true],
    // The operators page: StringLike matches where ArnLike does not (see the ARN table).
    [
      'StringLike',
      'arn:aws:someservice:*:111122223333:finance/*',
      'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt',
      true,
    ],
    // StringNotLike.
    ['StringNotLike', 'home/*', 'home/x', false],
    ['StringNotLike', 'home/*', 'other', true],
    ['StringNotLike', ['a*', 'b*'], 'bx', false],
    ['StringNotLike', ['a*', 'b*'], 'cx', true],
    ['StringNotLike', 'A*', 'abc', true],
  ])('%s %j vs %j → %s', (op, value, request, expected) => {
    expect(matches(op, value, request, 's3:prefix')).toBe(expected);
  });
});

describe('ARN operators (#Conditions_ARN): field by field, case-sensitive globs', () => {
  const topic = 'arn:aws:sns:us-east-1:123456789012:TOPIC-ID';
  it.each([
    ['ArnEquals', topic, topic, true],
    ['ArnEquals', topic, 'arn:aws:sns:us-east-1:777788889999:TOPIC-ID', false],
    ['ArnEquals', topic, 'arn:aws:sns:us-east-1:123456789012:topic-id', false],
    // ArnEquals and ArnLike "behave identically": both take wildcards.
    ['ArnEquals', 'arn:aws:sns:*:123456789012:*', 'arn:aws:sns:us-west-2:123456789012:t', true],
    ['ArnLike', 'arn:aws:sns:*:123456789012:*', 'arn:aws:sns:us-west-2:123456789012:t', true],
    ['ArnLike', 'arn:aws:iam::*:role/Admin', 'arn:aws:iam::123456789012:role/Admin', true],
    ['ArnLike', 'arn:aws:iam::*:role/admin', 'arn:aws:iam::123456789012:role/Admin', false],
    ['ArnLike', 'arn:aws:iam::*:role/*', 'arn:aws:iam::123456789012:user/bob', false],
    // The page's example: the first * matches only the region, not `region:account:store/abc:`.
    [
      'ArnLike',
      'arn:aws:someservice:*:111122223333:finance/*',
      'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt',
      false,
    ],
    [
      'ArnLike',
      'arn:aws:someservice:*:111122223333:finance/*',
      'arn:aws:someservice:us-east-2:111122223333:finance/a:b',
      true,
    ],
    // The resource field is the rest of the ARN, colons included.
    [
      'ArnLike',
      'arn:aws:logs:us-east-1:123:log-group:/aws/*',
      'arn:aws:logs:us-east-1:123:log-group:/aws/lambda/f:*',
      true,
    ],
    ['ArnLike', 'arn:aws:sqs:*:*:*', 'arn:aws:sqs:us-east-1:123:q:x', true],
    ['ArnLike', 'arn:*:*:*:*:*', 'arn:aws:s3:::bucket', true],
    ['ArnLike', 'arn:aws:iam:*:123:role/x', 'arn:aws:iam::123:role/x', true],
    ['ArnLike', 'arn:aws:s3:::bucket-?', 'arn:aws:s3:::bucket-1', true],
    ['ArnLike', 'arn:aws:s3:::bucket-?', 'arn:aws:s3:::bucket-12', false],
    ['ArnLike', 'arn:aws:s3:::b/*', 'arn:aws:s3:::b/k.txt', true],
    ['ArnLike', 'arn:aws:s3:::b/*', 'arn:aws-cn:s3:::b/k.txt', false],
    ['ArnLike', 'arn:aws*:s3:::b/*', 'arn:aws-cn:s3:::b/k.txt', true],
    ['ArnLike', ['arn:aws:iam::1:role/a', 'arn:aws:iam::1:role/b'], 'arn:aws:iam::1:role/b', true],
    // A request value that is not an ARN matches nothing. (A policy value of fewer than six fields is read both ways:
    // __tests__/iam/arn-short-values.test.ts.)
    ['ArnLike', 'arn:aws:s3:::*', 'not-an-arn', false],
    ['ArnLike', 'arn:aws:s3:::*', 'arn:aws:s3', false],
    // Negated: the value must match none of the patterns, and must be an ARN.
    ['ArnNotEquals', topic, topic, false],
    ['ArnNotEquals', topic, 'arn:aws:sns:us-east-1:123456789012:OTHER', true],
    [
      'ArnNotLike',
      ['arn:aws:iam::222222222222:user/Ana', 'arn:aws:iam::222222222222:user/Mary'],
      'arn:aws:iam::222222222222:user/Nikki',
      true,
    ],
    [
      'ArnNotLike',
      ['arn:aws:iam::222222222222:user/Ana', 'arn:aws:iam::222222222222:user/Mary'],
      'arn:aws:iam::222222222222:user/Mary',
      false,
    ],
    ['ArnNotLike', 'arn:aws:iam::*:role/*', 'arn:aws:iam::1:user/u', true],
    ['ArnNotLike', 'arn:aws:iam::*:role/*', 'not-an-arn', false],
    ['ArnNotLike', 'arn:aws:s3', 'arn:aws:s3:::b', true],
  ])('%s %j vs %j → %s', (op, value, request, expected) => {
    expect(matches(op, value, request)).toBe(expected);
  });
});
