/**
 * Numeric, date, Bool, BinaryEquals, IP address and Null operators, one row per case, through the
 * public compileConditionBlock. Rules from
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
import { describe, expect, it } from 'vitest';
import { compileConditionBlock } from '../../src/iam/conditions/index.js';
import { type PreparedRequest, prepareContext } from '../../src/iam/request.js';
import type { ContextValue, PolicyError } from '../../src/iam/types.js';

/** Whether `{ op: { k: value } }` holds when the request gives `k` the value `request` (absent when undefined). */
function check(op: string, value: unknown, request: ContextValue | undefined): boolean {
  const errors: PolicyError[] = [];
  const out = compileConditionBlock(
    { [op]: { k: value } },
    { path: 'C', substitute: true, source: { name: 'typed' }, errors },
  );
  expect(errors.map((e) => e.message)).toEqual([]);
  const context = prepareContext(request === undefined ? {} : { k: request });
  return out.length === 1 && (out[0]?.test({ context } as unknown as PreparedRequest) ?? false);
}

describe('Numeric operators (#Conditions_Numeric): integers and decimals', () => {
  it.each([
    ['NumericEquals', '10', '10', true],
    ['NumericEquals', 10, '10', true],
    ['NumericEquals', '10', '10.0', true],
    ['NumericEquals', '10', '010', true],
    ['NumericEquals', '1.5', '1.50', true],
    ['NumericEquals', '-3', '-3', true],
    ['NumericEquals', '10', '11', false],
    ['NumericEquals', ['5', '10'], '10', true],
    ['NumericEquals', ['5', '10', '15'], '11', false],
    // A request value that is not a decimal matches no numeric operator.
    ['NumericEquals', '10', 'ten', false],
    ['NumericEquals', '10', '', false],
    ['NumericEquals', '10', ' 10', false],
    ['NumericEquals', '10', '1e1', false],
    ['NumericEquals', '10', '0x0A', false],
    ['NumericNotEquals', '10', '10', false],
    ['NumericNotEquals', '10', '11', true],
    ['NumericNotEquals', ['5', '10'], '10', false],
    ['NumericNotEquals', ['5', '10'], '7', true],
    ['NumericNotEquals', '10', 'ten', false],
    ['NumericLessThan', '10', '9', true],
    ['NumericLessThan', '10', '10', false],
    ['NumericLessThan', '10', '9.99', true],
    ['NumericLessThan', ['5', '10'], '7', true],
    ['NumericLessThan', '-1', '-2', true],
    ['NumericLessThan', '10', 'abc', false],
    ['NumericLessThanEquals', '10', '10', true],
    ['NumericLessThanEquals', '10.5', '11', false],
    ['NumericGreaterThan', '10', '11', true],
    ['NumericGreaterThan', '10', '10', false],
    ['NumericGreaterThan', ['5', '10'], '7', true],
    ['NumericGreaterThanEquals', '10', '10', true],
    ['NumericGreaterThanEquals', 0.5, '0.5', true],
    ['NumericGreaterThanEquals', '0.5', '.4', false],
  ])('%s %j vs %j → %s', (op, value, request, expected) => {
    expect(check(op, value, request)).toBe(expected);
  });
});

// "W3C implementations of the ISO 8601 date formats or ... epoch (UNIX) time"; epoch is seconds
// (aws:EpochTime). 1767225600 is 2026-01-01T00:00:00Z.
describe('Date operators (#Conditions_Date): compared as instants', () => {
  const NEW_YEAR = '2026-01-01T00:00:00Z';
  it.each([
    ['DateEquals', NEW_YEAR, '2026-01-01T01:00:00+01:00', true],
    ['DateEquals', NEW_YEAR, '2025-12-31T19:00:00-05:00', true],
    ['DateEquals', '2026-01-01', NEW_YEAR, true],
    ['DateEquals', '2026-01', NEW_YEAR, true],
    ['DateEquals', '1767225600', NEW_YEAR, true],
    ['DateEquals', 1767225600, NEW_YEAR, true],
    ['DateEquals', NEW_YEAR, '1767225600', true],
    ['DateEquals', NEW_YEAR, '1767225600000', false],
    ['DateEquals', '2026-01-01T00:00:00.500Z', '1767225600.5', true],
    ['DateEquals', '2026-01-01T00:00Z', NEW_YEAR, true],
    ['DateEquals', '0099-01-01', '1999-01-01', false],
    ['DateEquals', '2024-02-29', '2024-02-29T00:00:00Z', true],
    ['DateEquals', '2025-03-01', '2025-02-29', false],
    ['DateEquals', NEW_YEAR, '2026-01-01T00:00:00', false],
    ['DateNotEquals', NEW_YEAR, '2026-01-01T01:00:00+01:00', false],
    ['DateNotEquals', NEW_YEAR, '2026-01-02', true],
    ['DateNotEquals', NEW_YEAR, 'garbage', false],
    // Malformed request dates satisfy no date operator, negated ones included.
    ['DateNotEquals', NEW_YEAR, '2026-1-01', false],
    ['DateNotEquals', NEW_YEAR, '2026-01-01T10:00:00.Z', false],
    ['DateNotEquals', NEW_YEAR, '2026-01-01T10:00:00+1:00', false],
    ['DateNotEquals', NEW_YEAR, '2026-01-01T10:00:00+01:00x', false],
    ['DateNotEquals', NEW_YEAR, '2026-01-01 10:00:00Z', false],
    ['DateNotEquals', NEW_YEAR, '2026-01-01T10:60:00Z', false],
    ['DateNotEquals', NEW_YEAR, '2026-01-01T10:00:00+01:00', true],
    ['DateLessThan', NEW_YEAR, '2025-12-31T23:59:59Z', true],
    ['DateLessThan', NEW_YEAR, NEW_YEAR, false],
    ['DateLessThan', NEW_YEAR, '2026-01-01T00:59:59+01:00', true],
    ['DateLessThanEquals', NEW_YEAR, NEW_YEAR, true],
    ['DateLessThanEquals', NEW_YEAR, '1767225601', false],
    ['DateGreaterThan', '2020-01-01T00:00:01Z', '2020-06-01T00:00:00Z', true],
    ['DateGreaterThan', '2020-01-01T00:00:01Z', '2020-01-01T00:00:01Z', false],
    ['DateGreaterThan', '2020-01-01T00:00:01Z', 'yesterday', false],
    ['DateGreaterThan', ['2030-01-01', '2020-01-01'], '2025-01-01', true],
    ['DateGreaterThanEquals', '1767225600', NEW_YEAR, true],
    ['DateGreaterThanEquals', '1767225600.001', NEW_YEAR, false],
  ])('%s %j vs %j → %s', (op, value, request, expected) => {
    expect(check(op, value, request)).toBe(expected);
  });
});

describe('Bool (#Conditions_Boolean): true or false, any case, JSON booleans too', () => {
  it.each([
    ['Bool', 'true', 'true', true],
    ['Bool', 'true', 'TRUE', true],
    ['Bool', 'True', 'true', true],
    ['Bool', true, 'true', true],
    ['Bool', false, 'false', true],
    ['Bool', 'false', 'true', false],
    ['Bool', 'true', 'yes', false],
    ['Bool', 'true', '1', false],
    ['Bool', 'false', '', false],
    ['Bool', ['true', 'false'], 'false', true],
    ['Bool', ['true', 'false'], 'maybe', false],
  ])('%s %j vs %j → %s', (op, value, request, expected) => {
    expect(check(op, value, request)).toBe(expected);
  });
});

describe('BinaryEquals (#Conditions_BinaryEquals): base64 compared byte for byte', () => {
  const SAMPLE = 'QmluYXJ5VmFsdWVJbkJhc2U2NA==';
  it.each([
    ['BinaryEquals', SAMPLE, SAMPLE, true],
    ['BinaryEquals', SAMPLE, 'ASIAIOSFODNN7EXAMPLE', false],
    ['BinaryEquals', 'QQ==', 'QR==', true],
    ['BinaryEquals', 'QUI=', 'QUJD', false],
    ['BinaryEquals', ['QQ==', 'Qg=='], 'Qg==', true],
    ['BinaryEquals', 'QQ==', 'QQ', false],
    ['BinaryEquals', 'QQ==', 'not base64!', false],
    ['BinaryEquals', '', '', true],
  ])('%s %j vs %j → %s', (op, value, request, expected) => {
    expect(check(op, value, request)).toBe(expected);
  });
});

describe('IpAddress and NotIpAddress (#Conditions_IPAddress): IPv4 and IPv6, addresses and CIDR', () => {
  it.each([
    ['IpAddress', '203.0.113.0/24', '203.0.113.1', true],
    ['IpAddress', '203.0.113.0/24', '198.51.100.1', false],
    ['IpAddress', '203.0.113.5', '203.0.113.5', true],
    ['IpAddress', '203.0.113.5', '203.0.113.6', false],
    ['IpAddress', '203.0.113.77/24', '203.0.113.1', true],
    ['IpAddress', '10.0.0.0/8', '10.255.1.1', true],
    ['IpAddress', '10.0.0.0/8', '11.0.0.0', false],
    ['IpAddress', '1.2.3.4/31', '1.2.3.5', true],
    ['IpAddress', '0.0.0.0/0', '8.8.8.8', true],
    ['IpAddress', '0.0.0.0/0', '255.255.255.255', true],
    ['IpAddress', '0.0.0.0/0', '2001:db8::1', false],
    ['IpAddress', '::/0', '2001:db8::1', true],
    ['IpAddress', '::/0', '1.2.3.4', false],
    ['IpAddress', '2001:DB8:1234:5678::/64', '2001:db8:1234:5678:abcd::1', true],
    ['IpAddress', '2001:DB8:1234:5678::/64', '2001:db8:1234:5679::1', false],
    ['IpAddress', '2001:db8::1', '2001:0DB8:0:0:0:0:0:1', true],
    ['IpAddress', '2001:db8::/32', '2001:db8:ffff:ffff:ffff:ffff:ffff:ffff', true],
    ['IpAddress', '2001:db8::/127', '2001:db8::1', true],
    ['IpAddress', '2001:db8::/127', '2001:db8::2', false],
    ['IpAddress', '::1', '0:0:0:0:0:0:0:1', true],
    ['IpAddress', '1::', '1:0:0:0:0:0:0:0', true],
    ['IpAddress', '::ffff:0:0/96', '::ffff:192.0.2.1', true],
    ['IpAddress', '192.0.2.0/24', '::ffff:192.0.2.1', false],
    ['IpAddress', '::ffff:192.0.2.0/120', '::ffff:c000:24d', true],
    ['IpAddress', ['203.0.113.0/24', '2001:DB8:1234:5678::/64'], '2001:db8:1234:5678::1', true],
    // A request value that is not one address matches nothing.
    ['IpAddress', '10.0.0.0/8', 'not-an-ip', false],
    ['IpAddress', '10.0.0.0/8', '10.0.0.256', false],
    ['IpAddress', '10.0.0.0/8', '010.0.0.1', false],
    ['IpAddress', '10.0.0.0/8', '10.0.0.1/32', false],
    ['IpAddress', '10.0.0.0/8', '10.0.0', false],
    ['IpAddress', '::/0', '1::2::3', false],
    ['IpAddress', '::/0', 'fe80::1%eth0', false],
    ['IpAddress', '::/0', '1:2:3:4:5:6:7:8:9', false],
    ['IpAddress', '::/0', '::', true],
    ['IpAddress', '::/0', ':::', false],
    ['IpAddress', '::/0', '1:2:3:4:5:6:7::', true],
    ['IpAddress', '::/0', '::1:2:3:4:5:6:7:8', false],
    ['IpAddress', '::/0', '12345::', false],
    ['IpAddress', '::/0', '1:', false],
    ['IpAddress', '::/0', ':1::', false],
    ['IpAddress', '::/0', '::1.2.3', false],
    ['IpAddress', '::/0', '1:2:3:4:5:6:1.2.3.4', true],
    ['IpAddress', '::/0', '1:2:3:4:5:6:7:1.2.3.4', false],
    ['IpAddress', '64:ff9b::/96', '64:ff9b::192.0.2.33', true],
    ['NotIpAddress', '203.0.113.0/24', '203.0.113.1', false],
    ['NotIpAddress', '203.0.113.0/24', '198.51.100.1', true],
    ['NotIpAddress', ['10.0.0.0/8', '192.168.0.0/16'], '192.168.1.1', false],
    ['NotIpAddress', ['10.0.0.0/8', '192.168.0.0/16'], '8.8.8.8', true],
    ['NotIpAddress', '10.0.0.0/8', '2001:db8::1', true],
    ['NotIpAddress', '10.0.0.0/8', 'garbage', false],
  ])('%s %j vs %j → %s', (op, value, request, expected) => {
    expect(check(op, value, request)).toBe(expected);
  });
});

// "true (the key doesn't exist — it is null) or false (the key exists and its value is not null)".
describe('Null (#Conditions_Null): tests presence', () => {
  it.each([
    ['true', undefined, true],
    ['true', '2026-01-01T00:00:00Z', false],
    ['false', undefined, false],
    ['false', 'x', true],
    [true, undefined, true],
    [false, 'x', true],
    ['TRUE', undefined, true],
    ['true', [], true],
    ['false', [], false],
    ['false', ['a'], true],
    ['true', '', false],
    [['true', 'false'], undefined, true],
    [['true', 'false'], 'x', true],
  ])('Null %j with %j → %s', (value, request, expected) => {
    expect(check('Null', value, request)).toBe(expected);
  });
});
