// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${...}` here is IAM policy-variable syntax, not JS.
/**
 * Validation of Condition blocks: problems are PolicyError values with a stable code and the
 * JSON path, never exceptions, and an entry with a problem is left out of the result.
 */
import { describe, expect, it } from 'vitest';
import { compileConditionBlock } from '../../src/iam/conditions/index.js';
import type { PolicyError } from '../../src/iam/types.js';

const PATH = 'Statement[0].Condition';

function compile(block: unknown) {
  const errors: PolicyError[] = [];
  const source = { name: 'errors', file: 'p.json' };
  const conditions = compileConditionBlock(block, { path: PATH, substitute: true, source, errors });
  return { conditions, errors };
}

/** The `[code, message]` pairs a block produces. */
const problems = (block: unknown) => compile(block).errors.map((e) => [e.code, e.message]);

describe('the shape of the block (grammar: condition_map of type → key → value list)', () => {
  it.each([
    ['x', 'Statement[0].Condition must be an object of condition operators, got "x"'],
    [['a'], 'Statement[0].Condition must be an object of condition operators, got ["a"]'],
    [null, 'Statement[0].Condition must be an object of condition operators, got null'],
    [{ StringEquals: 'x' }, 'Statement[0].Condition.StringEquals must be an object of condition keys, got "x"'],
    [{ StringEquals: ['a'] }, 'Statement[0].Condition.StringEquals must be an object of condition keys, got ["a"]'],
  ])('%j', (block, message) => {
    expect(problems(block)).toEqual([['invalid-condition', message]]);
  });

  it.each([
    [
      { k: { a: 1 } },
      'Statement[0].Condition.StringEquals.k must be a string, number or boolean, or a list of them, got {"a":1}',
    ],
    [
      { k: null },
      'Statement[0].Condition.StringEquals.k must be a string, number or boolean, or a list of them, got null',
    ],
    [{ k: ['a', ['b']] }, 'Statement[0].Condition.StringEquals.k[1] must be a string, number or boolean, got ["b"]'],
  ])('values of %j', (entries, message) => {
    expect(problems({ StringEquals: entries })).toEqual([['invalid-condition-value', message]]);
  });

  it('refuses an empty list of values', () => {
    expect(problems({ StringEquals: { k: [] } })).toEqual([
      ['empty-list', 'Statement[0].Condition.StringEquals.k must not be an empty list'],
    ]);
  });

  it('accepts an empty block and an operator with no keys', () => {
    expect(compile({})).toEqual({ conditions: [], errors: [] });
    expect(compile({ StringEquals: {} })).toEqual({ conditions: [], errors: [] });
  });
});

// Names are spelled as the operators page spells them; IAM refuses other casings with
// "Invalid Condition type", so a wrong case is an unknown operator with a suggestion.
describe('operator names', () => {
  it.each([
    ['StringEqual', 'StringEquals'],
    ['stringequals', 'StringEquals'],
    ['stringEquals', 'StringEquals'],
    ['ForAnyvalue:StringLike', 'ForAnyValue:StringLike'],
    ['ForAllValue:StringLike', 'ForAllValues:StringLike'],
    ['StringEqualsIfExist', 'StringEqualsIfExists'],
    ['NumericLessThen', 'NumericLessThan'],
    ['IPAddress', 'IpAddress'],
    ['ArnLIke', 'ArnLike'],
    ['null', 'Null'],
    ['Boolean', 'Bool'],
    ['DateEqual', 'DateEquals'],
  ])('%s → did you mean %s?', (written, suggestion) => {
    expect(problems({ [written]: { k: 'v' } })).toEqual([
      ['unknown-operator', `${PATH}.${written} is not a condition operator; did you mean ${suggestion}?`],
    ]);
  });

  it.each(['Foo', 'StringContains', 'ForSomeValues:Thing', 'IfExists', 'ForAnyValue:'])(
    '%s has no suggestion',
    (written) => {
      expect(problems({ [written]: { k: 'v' } })).toEqual([
        ['unknown-operator', `${PATH}.${written} is not a condition operator`],
      ]);
    },
  );

  // "You can add IfExists to the end of any condition operator name except the Null condition";
  // a set qualifier has no values to range over either.
  it.each([
    ['NullIfExists', 'IfExists'],
    ['ForAllValues:Null', 'a ForAllValues:/ForAnyValue: qualifier'],
    ['ForAnyValue:Null', 'a ForAllValues:/ForAnyValue: qualifier'],
  ])('%s is refused', (written, what) => {
    expect(problems({ [written]: { k: 'true' } })).toEqual([
      ['invalid-operator-qualifier', `${PATH}.${written} is not valid: Null takes no ${what}; it only tests presence`],
    ]);
  });

  it.each([
    'StringEqualsIfExists',
    'ForAllValues:StringEquals',
    'ForAnyValue:StringNotLikeIfExists',
    'ForAnyValue:NumericLessThan',
    'ForAllValues:DateEquals',
    'ForAnyValue:IpAddress',
    'ForAllValues:BinaryEquals',
    'ForAnyValue:ArnLike',
    'BoolIfExists',
    'NotIpAddressIfExists',
  ])('%s is accepted', (written) => {
    const value = written.includes('Numeric') ? '1' : written.includes('Date') ? '2026-01-01' : 'true';
    const ip = written.includes('Ip') ? '10.0.0.0/8' : value;
    const arn = written.includes('Arn') ? 'arn:aws:s3:::b' : ip;
    expect(problems({ [written]: { k: written.includes('Binary') ? 'QQ==' : arn } })).toEqual([]);
  });
});

describe('values each operator family cannot parse', () => {
  const at = (op: string, suffix = '') => `${PATH}.${op}.k${suffix}`;
  it.each([
    ['NumericLessThan', ['10', 'ten'], `${at('NumericLessThan', '[1]')} must be a number, got "ten"`],
    ['NumericEquals', 'ten', `${at('NumericEquals')} must be a number, got "ten"`],
    ['NumericEquals', '1e3', `${at('NumericEquals')} must be a number, got "1e3"`],
    ['NumericEquals', '', `${at('NumericEquals')} must be a number, got ""`],
    ['NumericEquals', true, `${at('NumericEquals')} must be a number, got true`],
    ['NumericEquals', '${s3:max}', `${at('NumericEquals')} must be a number, got "\${s3:max}"`],
    [
      'DateLessThan',
      'tomorrow',
      `${at('DateLessThan')} must be a date (ISO 8601, e.g. 2026-01-01T00:00:00Z, or epoch seconds), got "tomorrow"`,
    ],
    [
      'DateEquals',
      '2026-13-01',
      `${at('DateEquals')} must be a date (ISO 8601, e.g. 2026-01-01T00:00:00Z, or epoch seconds), got "2026-13-01"`,
    ],
    [
      'DateEquals',
      '2026-02-30',
      `${at('DateEquals')} must be a date (ISO 8601, e.g. 2026-01-01T00:00:00Z, or epoch seconds), got "2026-02-30"`,
    ],
    [
      'DateEquals',
      '2026-01-01T10:00:00',
      `${at('DateEquals')} must be a date (ISO 8601, e.g. 2026-01-01T00:00:00Z, or epoch seconds), got "2026-01-01T10:00:00"`,
    ],
    [
      'DateEquals',
      '2026-01-01T24:00:00Z',
      `${at('DateEquals')} must be a date (ISO 8601, e.g. 2026-01-01T00:00:00Z, or epoch seconds), got "2026-01-01T24:00:00Z"`,
    ],
    [
      'DateEquals',
      -5,
      `${at('DateEquals')} must be a date (ISO 8601, e.g. 2026-01-01T00:00:00Z, or epoch seconds), got -5`,
    ],
    [
      'IpAddress',
      '300.0.0.1',
      `${at('IpAddress')} must be an IPv4 or IPv6 address or CIDR range, e.g. 203.0.113.0/24, got "300.0.0.1"`,
    ],
    [
      'IpAddress',
      '10.0.0.0/33',
      `${at('IpAddress')} must be an IPv4 or IPv6 address or CIDR range, e.g. 203.0.113.0/24, got "10.0.0.0/33"`,
    ],
    [
      'NotIpAddress',
      '2001:db8::/129',
      `${at('NotIpAddress')} must be an IPv4 or IPv6 address or CIDR range, e.g. 203.0.113.0/24, got "2001:db8::/129"`,
    ],
    [
      'IpAddress',
      'a::b::c',
      `${at('IpAddress')} must be an IPv4 or IPv6 address or CIDR range, e.g. 203.0.113.0/24, got "a::b::c"`,
    ],
    ['IpAddress', 10, `${at('IpAddress')} must be an IPv4 or IPv6 address or CIDR range, e.g. 203.0.113.0/24, got 10`],
    ['Bool', 'yes', `${at('Bool')} must be true or false, got "yes"`],
    ['Bool', 1, `${at('Bool')} must be true or false, got 1`],
    ['BinaryEquals', 'not base64!', `${at('BinaryEquals')} must be base64 text, got "not base64!"`],
    ['BinaryEquals', 'QQ', `${at('BinaryEquals')} must be base64 text, got "QQ"`],
    ['Null', 'yes', `${at('Null')} must be true or false, got "yes"`],
    ['Null', '${aws:x}', `${at('Null')} must be true or false, got "\${aws:x}"`],
  ])('%s %j', (op, value, message) => {
    const { conditions, errors } = compile({ [op]: { k: value } });
    expect(errors).toEqual([
      {
        code: 'invalid-condition-value',
        path: message.split(' ')[0],
        message,
        source: { name: 'errors', file: 'p.json' },
      },
    ]);
    expect(conditions).toEqual([]);
  });

  it('reports every bad value of a list', () => {
    expect(problems({ NumericEquals: { k: ['x', '1', 'y'] } }).map(([, m]) => m)).toEqual([
      `${PATH}.NumericEquals.k[0] must be a number, got "x"`,
      `${PATH}.NumericEquals.k[2] must be a number, got "y"`,
    ]);
  });

  it('leaves out only the entries with problems', () => {
    const { conditions, errors } = compile({
      StringEquals: { a: 'x' },
      NumericEquals: { b: 'ten', c: '3' },
      Nope: { d: 'x' },
    });
    expect(conditions.map((c) => c.label)).toEqual(['StringEquals a', 'NumericEquals c']);
    expect(errors.map((e) => e.code)).toEqual(['invalid-condition-value', 'unknown-operator']);
  });

  it('accepts JSON numbers and booleans where they make sense', () => {
    expect(
      problems({ NumericEquals: { k: 1.5 }, DateEquals: { k: 1767225600 }, Bool: { k: false }, Null: { k: true } }),
    ).toEqual([]);
  });
});
