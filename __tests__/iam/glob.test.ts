/**
 * The glob walk (`matchGlob`) against the RegExp it replaced: `*` matches any run of characters, `?`
 * exactly one, everything else literally, with no escape character
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html#reference_policies_elements_resource_wildcards).
 * The RegExp built from `globRegexSource` is the reference: it states that rule directly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGlob, globRegexSource, matchGlob } from '../../src/iam/glob.js';

const SEED = Number(process.env.FC_SEED ?? 20261125);

/** Few letters, so that random patterns and values often line up; `/`, `:` and a surrogate pair too. */
const text = (chars: string[], maxLength: number) =>
  fc.array(fc.constantFrom(...chars), { maxLength }).map((parts) => parts.join(''));
const pattern = text(['a', 'b', '*', '?', '/', ':', '.', '😀', '$'], 10);
const value = text(['a', 'b', '/', ':', '.', '😀', '$', '*', '?'], 14);

const reference = (p: string, v: string, ignoreCase = false) =>
  new RegExp(`^${globRegexSource(ignoreCase ? p.toLowerCase() : p)}$`, 's').test(ignoreCase ? v.toLowerCase() : v);

describe('matchGlob', () => {
  it('agrees with the RegExp reference on random patterns and values', () => {
    fc.assert(
      fc.property(pattern, value, (p, v) => matchGlob(p, v) === reference(p, v)),
      { seed: SEED, numRuns: 5000 },
    );
  });

  it('agrees with the reference for values built to match (a pattern with its wildcards filled in)', () => {
    const filled = pattern.chain((p) =>
      fc
        .tuple(
          ...[...p].map((ch) =>
            ch === '*'
              ? text(['a', 'b', '/', ':'], 4)
              : ch === '?'
                ? text(['a', ':'], 1).filter((s) => s.length === 1)
                : fc.constant(ch),
          ),
        )
        .map((parts) => [p, parts.join('')] as const),
    );
    fc.assert(
      fc.property(filled, ([p, v]) => matchGlob(p, v) && reference(p, v)),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('compileGlob picks a test that agrees with the reference, with and without case', () => {
    fc.assert(
      fc.property(text(['a', 'B', '*', '?', ':'], 8), text(['a', 'A', 'b', 'B', ':'], 10), fc.boolean(), (p, v, ic) => {
        return compileGlob(p, ic)(v) === reference(p, v, ic);
      }),
      { seed: SEED, numRuns: 5000 },
    );
  });

  it.each([
    ['arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/a/b:c', true], // `*` spans `/` and `:`
    ['arn:aws:s3:::bucket/?', 'arn:aws:s3:::bucket/ab', false], // `?` is exactly one character
    ['arn:aws:s3:::bucket/?', 'arn:aws:s3:::bucket/', false],
    ['a*b*c', 'aXXbYYc', true],
    ['a*b*c', 'aXXcYYb', false],
    ['*', '', true],
    ['?', '', false],
    ['a.b', 'aXb', false], // `.` is literal
    ['**a', 'a', true],
    ['a*', 'a', true],
  ])('%s against %s is %s', (p, v, expected) => {
    expect(matchGlob(p, v)).toBe(expected);
    expect(compileGlob(p)(v)).toBe(expected);
  });

  it('decides many-star patterns that make backtracking matchers blow up (within the test timeout)', () => {
    // 30 stars against a value that almost matches: a backtracking matcher would try ~C(60,30) splits.
    const p = `${'a*'.repeat(30)}b`;
    const v = 'a'.repeat(60);
    expect(matchGlob(p, v)).toBe(false);
    expect(matchGlob(p, `${v}b`)).toBe(true);
  });
});
