import { describe, expect, it } from 'vitest';
import { describeTime } from '../../src/tokens/claims.js';
import { describeDuration, parseDuration } from '../../src/tokens/duration.js';

describe('parseDuration', () => {
  it.each([
    ['3600', 3600],
    ['0', 0],
    ['90s', 90],
    ['10m', 600],
    ['1h', 3600],
    ['1h30m', 5400],
    ['1h30m15s', 5415],
    ['2d', 172_800],
    ['2d12h', 216_000],
    [' 10m\n', 600],
  ])('%j is %i seconds', (text, seconds) => {
    expect(parseDuration(text)).toEqual({ ok: true, seconds });
  });

  it.each([
    ['', 'empty'],
    ['10x', "unexpected 'x'"],
    ['1h30', "'30' has no unit"],
    ['1.5h', "unexpected '.5h'"],
    ['-10m', "unexpected '-10m'"],
    ['10M', "unexpected 'M'"],
    ['30m1h', 'out of order'],
    ['1h1h', 'repeated'],
    ['1 h', "unexpected ' h'"],
    ['h', "unexpected 'h'"],
    ['99999999999999999999', 'too large'],
  ])('%j is refused, naming the value', (text, why) => {
    const result = parseDuration(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain(`'${text}'`);
      expect(result.error).toContain(why);
    }
  });
});

describe('describeDuration and describeTime', () => {
  it.each([
    [0, '0 seconds'],
    [1, '1 second'],
    [45, '45 seconds'],
    [60, '1 minute'],
    [120, '2 minutes'],
    [252, '4m12s'],
    [3600, '1 hour'],
    [5400, '1h30m'],
    [90_061, '1d1h1m1s'],
    [-252, '4m12s'],
  ])('describeDuration(%i) is %j', (seconds, text) => {
    expect(describeDuration(seconds)).toBe(text);
  });

  it.each([
    [252, 'in 4m12s'],
    [-120, '2 minutes ago'],
    [0, 'now'],
    [0.4, 'now'],
  ])('describeTime(%d) is %j, so "expires in 4m12s" and "issued 2 minutes ago" read naturally', (seconds, text) => {
    expect(describeTime(seconds)).toBe(text);
  });
});
