/**
 * What a job's or step's `if:` says about the ref (src/workflows/predict/conditions.ts) and the refs left after it
 * (src/workflows/predict/refs.ts `narrowRefs`). The conditions are those of rust-lang/rustup's CI
 * (__tests__/fixtures/workflows/rust-lang__rustup/.github/workflows/ci.yaml). Expressions:
 * https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/evaluate-expressions-in-workflows-and-actions
 */
import { describe, expect, it } from 'vitest';
import { readsRef, refConstraints, withoutConstraints } from '../../src/workflows/predict/conditions.js';
import { filterList } from '../../src/workflows/predict/filter.js';
import { inSpace, narrowRefs, type RefPrediction } from '../../src/workflows/predict/refs.js';

/** rustup's push trigger: branches main, release/*, stable. */
const PUSH: RefPrediction = {
  kind: 'known',
  spaces: [{ kind: 'names', prefix: 'refs/heads/', list: filterList(['main', 'release/*', 'stable']) }],
};

const STEP_IF =
  "github.event_name == 'push' && matrix.mode == 'release' && (github.ref == 'refs/heads/stable' || github.ref == 'refs/heads/main')";
const JOB_IF = "github.event_name == 'push' && (github.ref_name == 'main' || startsWith(github.ref_name, 'release/'))";

describe('conditions on the ref', () => {
  it("rustup's credential step: only main and stable reach it", () => {
    const c = refConstraints(STEP_IF);
    expect(c).toEqual([
      [
        { kind: 'equals', refs: ['refs/heads/stable'] },
        { kind: 'equals', refs: ['refs/heads/main'] },
      ],
    ]);
    const narrowed = narrowRefs(PUSH, c ?? []);
    expect(narrowed).toEqual({
      kind: 'known',
      spaces: [
        { kind: 'ref', ref: 'refs/heads/stable' },
        { kind: 'ref', ref: 'refs/heads/main' },
      ],
    });
  });

  it("rustup's windows job: main, or a release/ branch; with the step's, main alone", () => {
    const job = narrowRefs(PUSH, refConstraints(JOB_IF) ?? []);
    expect(job.kind === 'known' && job.spaces.length).toBe(2);
    if (job.kind !== 'known') throw new Error('unknown');
    const release = job.spaces[1];
    expect(release && inSpace(release, 'refs/heads/release/1.28')).toBe(true);
    expect(release && inSpace(release, 'refs/heads/stable')).toBe(false);
    const both = narrowRefs(job, refConstraints(STEP_IF) ?? []);
    expect(both).toEqual({ kind: 'known', spaces: [{ kind: 'ref', ref: 'refs/heads/main' }] });
  });

  it('a test of the event is decided for the run: the guard on workflow_dispatch runs narrows them and nothing else', () => {
    // The guard the predicted-trust fix gives for a job other events run too (src/tokens/github.ts).
    const guard =
      "github.actor != 'dependabot[bot]' && (github.event_name != 'workflow_dispatch' || github.ref == 'refs/heads/master')";
    expect(refConstraints(guard, 'workflow_dispatch')).toEqual([[{ kind: 'equals', refs: ['refs/heads/master'] }]]);
    expect(readsRef(withoutConstraints(guard, 'workflow_dispatch'))).toBe(false);
    // On a push the conjunct holds whatever the ref: no constraint, and nothing left that reads the ref.
    expect(refConstraints(guard, 'push')).toBeUndefined();
    expect(readsRef(withoutConstraints(guard, 'push'))).toBe(false);
    // Without the event nothing is decided, as before.
    expect(refConstraints(guard)).toBeUndefined();
    expect(readsRef(withoutConstraints(guard))).toBe(true);
    // GitHub compares strings without regard to case.
    expect(refConstraints("github.event_name == 'PUSH' || github.ref == 'refs/heads/main'", 'push')).toBeUndefined();
  });

  it('a top-level `||` (&& binds tighter) does not narrow; the condition still reads the ref', () => {
    const cond =
      "github.event_name == 'push' && github.ref_name == 'stable' || contains(fromJSON('[\"schedule\", \"workflow_dispatch\"]'), github.event_name)";
    expect(refConstraints(cond)).toBeUndefined();
    expect(readsRef(withoutConstraints(cond))).toBe(true);
  });

  it('an expression wrapper around a condition, and a quoted `||` or `)`, are read as GitHub reads them', () => {
    const wrapped = `${'$'}{{ github.ref == 'refs/tags/a||b' }}`;
    expect(refConstraints(wrapped)).toEqual([[{ kind: 'equals', refs: ['refs/tags/a||b'] }]]);
    expect(refConstraints("startsWith(github.ref, 'refs/tags/v')")).toEqual([
      [{ kind: 'prefix', prefix: 'refs/tags/v', of: 'ref' }],
    ]);
    expect(refConstraints("(github.ref == 'x'")).toBeUndefined();
  });

  it('a condition that names no ref of the trigger leaves none: the step never runs for it', () => {
    expect(narrowRefs(PUSH, refConstraints("github.ref == 'refs/heads/dev'") ?? [])).toEqual({
      kind: 'known',
      spaces: [],
    });
  });

  it('with the trigger refs unknown, the refs the condition names', () => {
    const unknown: RefPrediction = { kind: 'unknown', reason: 'merge group', docUrl: 'x' };
    expect(narrowRefs(unknown, refConstraints("github.ref == 'refs/heads/main'") ?? [])).toEqual({
      kind: 'known',
      spaces: [{ kind: 'ref', ref: 'refs/heads/main' }],
    });
  });
});
