/**
 * GitHub's filter patterns (src/workflows/predict/filter.ts): the cheat sheet's own examples, then properties over
 * generated patterns. Cheat sheet:
 * https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#filter-pattern-cheat-sheet
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchGlob } from '../../src/iam/glob.js';
import { parseSubject } from '../../src/tokens/github.js';
import {
  coveringGlob,
  filterList,
  isRefName,
  parseFilter,
  passes,
  sampleNames,
} from '../../src/workflows/predict/filter.js';

const matches = (pattern: string, name: string) => passes(filterList([pattern]), name);

describe('the cheat sheet, "Patterns to match branches and tags"', () => {
  it.each([
    ['feature/*', ['feature/my-branch', 'feature/your-branch'], ['feature/a/b', 'feature']],
    ['feature/**', ['feature/beta-a/my-branch', 'feature/your-branch', 'feature/mona/the/octocat'], ['features/x']],
    ['main', ['main'], ['main2', 'mainline']],
    ['releases/mona-the-octocat', ['releases/mona-the-octocat'], ['releases/mona']],
    ['*', ['main', 'releases'], ['releases/x']],
    ['**', ['all/the/branches', 'every/tag'], []],
    ['*feature', ['mona-feature', 'feature', 'ver-10-feature'], ['feature/x']],
    ['v2*', ['v2', 'v2.0', 'v2.9'], ['v1.0']],
    ['v[12].[0-9]+.[0-9]+', ['v1.10.1', 'v2.0.0'], ['v3.0.0', 'v1.x.1', 'v1.1']],
  ])('filter-pattern-cheat-sheet: `%s`', (pattern, yes, no) => {
    for (const name of yes) expect(matches(pattern, name), name).toBe(true);
    for (const name of no) expect(matches(pattern, name), name).toBe(false);
  });

  it('filter-pattern-cheat-sheet: `?` is zero or one of the preceding character, `+` one or more of it', () => {
    expect(['colour', 'color'].map((n) => matches('colou?r', n))).toEqual([true, true]);
    expect(['v1', 'v11', 'v'].map((n) => matches('v1+', n))).toEqual([true, true, false]);
  });

  it('onpushbranchestagsbranches-ignoretags-ignore: `!` excludes what earlier patterns included, in order', () => {
    const list = filterList(['releases/**', '!releases/**-alpha']);
    expect(passes(list, 'releases/10')).toBe(true);
    expect(passes(list, 'releases/beta/mona')).toBe(true);
    expect(passes(list, 'releases/10-alpha')).toBe(false);
    expect(passes(list, 'releases/beta/3-alpha')).toBe(false);
  });

  it('onpushbranchestagsbranches-ignoretags-ignore: branches-ignore runs for every name no pattern matches', () => {
    const list = filterList(['mona/octocat', 'releases/**-alpha'], true);
    expect(passes(list, 'main')).toBe(true);
    expect(passes(list, 'mona/octocat')).toBe(false);
    expect(passes(list, 'releases/beta/3-alpha')).toBe(false);
  });

  it('a pattern GitHub would not read is an error, not a guess', () => {
    expect(parseFilter('+main').error).toMatch(/no character before it/);
    expect(parseFilter('release/[').error).toMatch(/character class/);
    expect(filterList(['ok', '?x']).errors).toHaveLength(1);
  });
});

/** Patterns built from the cheat sheet's elements over a small alphabet. */
const element = fc.oneof(
  fc.constantFrom('a', 'b', 'v', '1', '.', '-', '/'),
  fc.constantFrom('*', '**', '[0-9]', '[ab]'),
  fc.constantFrom('a?', 'b+', '1+'),
);
const pattern = fc.array(element, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));

describe('properties', () => {
  it('every sample name passes the list and is a name git takes', () => {
    fc.assert(
      fc.property(fc.array(pattern, { minLength: 1, maxLength: 3 }), (texts) => {
        const list = filterList(texts);
        for (const name of sampleNames(list)) {
          expect(passes(list, name)).toBe(true);
          expect(isRefName(name)).toBe(true);
        }
      }),
    );
  });

  it("the covering IAM glob matches every sample of its pattern (so a proof over the glob holds for the filter's names)", () => {
    fc.assert(
      fc.property(pattern, (text) => {
        const glob = coveringGlob(parseFilter(text));
        if (glob === undefined) return;
        for (const name of sampleNames(filterList([text]))) expect(matchGlob(glob, name)).toBe(true);
      }),
    );
  });

  it('oidc#example-subject-claims: a branch a filter admits yields a sub the parser reads back as that branch', () => {
    fc.assert(
      fc.property(pattern, (text) => {
        for (const name of sampleNames(filterList([text]))) {
          const parsed = parseSubject(`repo:acme/api:ref:refs/heads/${name}`);
          expect(parsed).toMatchObject({ form: 'branch', ref: `refs/heads/${name}` });
        }
      }),
    );
  });
});

describe('matching is linear in the pattern and the name', () => {
  /** The cheat sheet's rules as a regular expression, for short patterns only (backtracking). */
  function reference(text: string): RegExp {
    const body = parseFilter(text)
      .atoms.map((a) => {
        const esc = (c: string) => c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
        const once = a.kind === 'star' ? '[^/]*' : a.kind === 'globstar' ? '.*' : `[${[...a.chars].map(esc).join('')}]`;
        return a.repeat === 'one' ? once : `(?:${once})${a.repeat === 'optional' ? '?' : '+'}`;
      })
      .join('');
    return new RegExp(`^${body}$`, 's');
  }

  it('agrees with the regular expression of the same rules', () => {
    const name = fc.array(fc.constantFrom('a', 'b', 'v', '1', '.', '-', '/'), { maxLength: 8 }).map((c) => c.join(''));
    fc.assert(
      fc.property(pattern, name, (text, n) => {
        expect(passes(filterList([text]), n)).toBe(reference(text).test(n));
      }),
    );
  });

  it('a pattern written to make a backtracking matcher take exponential time is answered (300 `a+` against 255 characters)', () => {
    const list = filterList(['a+'.repeat(300)]);
    expect(list.errors).toEqual([]);
    expect(passes(list, `${'a'.repeat(254)}b`)).toBe(false);
    expect(passes(list, 'a'.repeat(300))).toBe(true);
  });

  it('samples: the plainest name first', () => {
    expect(sampleNames(filterList(['release/*']))[0]).toBe('release/x');
    expect(sampleNames(filterList(['v[12].[0-9]+.[0-9]+']))).toContain('v1.0.0');
  });

  // filter-pattern-cheat-sheet: `+` is "one or more of the preceding character"; a trust that allows one character
  // where the filter admits several is refused by a name with that `+` repeated, whichever `+` of the pattern it is.
  it('samples: each `+` and `*` is tried repeated or filled longer on its own, not only the last one', () => {
    const names = sampleNames(filterList(['v[0-9]+.[0-9]+.[0-9]+*']), 16);
    for (const major of [/^v\d\d\.\d\./, /^v\d\.\d\d\./, /^v\d\.\d\.\d\d/, /^v\d\.\d\.\d.*-/]) {
      expect(
        names.some((n) => major.test(n)),
        String(major),
      ).toBe(true);
    }
  });
});
