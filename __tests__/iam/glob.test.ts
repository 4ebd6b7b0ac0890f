/**
 * The glob walk (`matchGlob`) against the RegExp it replaced: `*` matches any run of characters, `?`
 * exactly one, everything else literally, with no escape character
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html#reference_policies_elements_resource_wildcards).
 * The RegExp built from `globRegexSource` is the reference: it states that rule directly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileGlob,
  GLOB_BUDGET,
  type GlobWork,
  globCovers,
  globRegexSource,
  globWitness,
  MAY_MEET,
  matchGlob,
} from '../../src/iam/glob.js';

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

/** Patterns and strings over a tiny alphabet, so that they often meet. */
const small = text(['a', 'b', '/', '*', '?'], 7);
const plain = text(['a', 'b', '/'], 7);
/** A string the pattern matches: each `*` replaced by a random run, each `?` by a random character. */
const instanceOf = (p: string) =>
  fc
    .tuple(
      ...[...p].map((ch) =>
        ch === '*' ? text(['a', 'b', '/'], 3) : ch === '?' ? fc.constantFrom('a', 'b', '/') : fc.constant(ch),
      ),
    )
    .map((parts) => parts.join(''));

describe('globWitness: a string two globs both match', () => {
  it('is matched by both when it is given', () => {
    fc.assert(
      fc.property(small, small, (a, b) => {
        const w = globWitness(a, b);
        return w === undefined || (w !== MAY_MEET && matchGlob(a, w) && matchGlob(b, w));
      }),
      { seed: SEED, numRuns: 5000 },
    );
  });

  it('is given whenever some string matches both', () => {
    fc.assert(
      fc.property(
        small,
        small,
        plain,
        (a, b, x) => !(matchGlob(a, x) && matchGlob(b, x)) || globWitness(a, b) !== undefined,
      ),
      { seed: SEED, numRuns: 5000 },
    );
    // Witnesses built from one pattern's instances, so that the search above is not the only source of pairs.
    fc.assert(
      fc.property(
        small.chain((a) => fc.tuple(fc.constant(a), instanceOf(a))),
        small,
        ([a, x], b) => !matchGlob(b, x) || globWitness(a, b) !== undefined,
      ),
      { seed: SEED, numRuns: 5000 },
    );
  });

  it.each([
    ['arn:aws:s3:::b/*', 'arn:aws:s3:::b/secret/*', true],
    ['arn:aws:s3:::b/secret/*', 'arn:aws:s3:::b/public/*', false],
    ['a?c', 'a*', true],
    ['abc', 'ab', false],
    ['*', '', true],
  ])('%s and %s meet: %s', (a, b, meet) => {
    expect(globWitness(a, b) !== undefined).toBe(meet);
    expect(globWitness(b, a) !== undefined).toBe(meet);
  });
});

describe('globCovers: every string one glob matches, the other matches too', () => {
  it('is sound: when it says covered, every instance of the narrower glob matches the wider', () => {
    fc.assert(
      fc.property(
        small.chain((r) => fc.tuple(fc.constant(r), fc.array(instanceOf(r), { minLength: 1, maxLength: 8 }))),
        small,
        ([r, instances], p) => !globCovers(p, r) || instances.every((x) => matchGlob(p, x)),
      ),
      { seed: SEED, numRuns: 5000 },
    );
  });

  it('agrees with matching on plain strings (a string is a glob with one instance)', () => {
    fc.assert(
      fc.property(small, plain, (p, x) => globCovers(p, x) === matchGlob(p, x)),
      { seed: SEED, numRuns: 5000 },
    );
  });

  it.each([
    ['arn:aws:s3:::b/*', 'arn:aws:s3:::b/assets/*', true],
    ['arn:aws:s3:::b/assets/*', 'arn:aws:s3:::b/*', false],
    ['*', 'a*b?', true],
    ['a/?', 'a/*', false],
    ['a/*', 'a/?', true],
    ['a*', 'a', true],
  ])('%s covers %s: %s', (p, r, covered) => {
    expect(globCovers(p, r)).toBe(covered);
  });
});

describe('the glob budget: bounded work, and past it the answer that fails closed', () => {
  it('a tiny budget only ever turns "meet" into MAY_MEET and "covered" into false', () => {
    fc.assert(
      fc.property(small, small, fc.integer({ min: 0, max: 30 }), (a, b, budget) => {
        const exact = globWitness(a, b);
        const bounded = globWitness(a, b, budget);
        const witnessOk = bounded === MAY_MEET || (bounded === undefined) === (exact === undefined);
        const covers = globCovers(a, b, budget);
        return witnessOk && (!covers || globCovers(a, b));
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it('equal literal heads and tails cost nothing against the budget', () => {
    const long = `arn:aws:s3:::b/${'k'.repeat(5000)}/*/${'t'.repeat(5000)}`;
    const work: GlobWork = { cells: 0, gaveUp: false };
    expect(globWitness(long, long.replace('*', 'x'), GLOB_BUDGET, work)).toBe(long.replace('*', 'x'));
    expect(work).toEqual({ cells: 4, gaveUp: false }); // the `*` against the `x`: 2 × 2
    expect(globCovers(long, long.replace('*', '?'), GLOB_BUDGET, work)).toBe(true);
    expect(work.gaveUp).toBe(false);
    expect(globWitness(`${long}a`, `${long}b`)).toBeUndefined();
  });

  // A Deny Resource `a*a*…b` as long as an SCP may be (5,120 characters) or a managed policy (6,144)
  // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html), against a permission `a?a?…*`.
  const deny = (n: number) => `${'a*'.repeat(n / 2 - 1)}ab`;
  const permission = (n: number) => `${'a?'.repeat(n / 2 - 1)}a*`;

  it.each([
    [5120, 6144],
    [6144, 6144],
    [6144, 100_000],
  ])('a %i-character Deny Resource against a %i-character permission: MAY_MEET, no work', (d, p) => {
    const work: GlobWork = { cells: 0, gaveUp: false };
    expect(globWitness(deny(d), permission(p), GLOB_BUDGET, work)).toBe(MAY_MEET);
    expect(work).toEqual({ cells: 0, gaveUp: true });
    // An Allow `a*a*…` covers the permission, but proving it is past the budget: not covered.
    expect(globCovers('a*'.repeat(d / 2), permission(p), GLOB_BUDGET, work)).toBe(false);
    expect(work.gaveUp).toBe(true);
  });

  it('just within the budget, the exact answer, and the work is at most the budget', () => {
    const work: GlobWork = { cells: 0, gaveUp: false };
    const w = globWitness(deny(2000), permission(2000), GLOB_BUDGET, work);
    expect(typeof w).toBe('string');
    expect(matchGlob(deny(2000), w as string) && matchGlob(permission(2000), w as string)).toBe(true);
    expect(work.gaveUp).toBe(false);
    expect(work.cells).toBeLessThanOrEqual(GLOB_BUDGET);
    expect(globCovers('a*'.repeat(1000), permission(2000), GLOB_BUDGET, work)).toBe(true);
    expect(work.cells).toBeLessThanOrEqual(GLOB_BUDGET);
  });
});
