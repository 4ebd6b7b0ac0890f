/**
 * Property tests of the policy engine over random, AWS-valid cases (arbitraries.ts). Each property
 * is a rule AWS documents, checked without a second implementation: the engine must never crash,
 * and changing a case in a way whose effect the docs fix must change the decision only that way.
 * The seed is fixed so that CI sees the same cases; `FC_SEED=<n>` explores others.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicySet, evaluate, LAYER_ORDER } from '../../src/iam/index.js';
import { parseSimulateInput, type SimulateCase, simulateCase } from '../../src/iam/simulate.js';
import type { Decision, EvaluationResult } from '../../src/iam/types.js';
import {
  ACCOUNT,
  ALL_SHAPES,
  CALLERS,
  type CaseDoc,
  caseArb,
  keySpecs,
  type LayerName,
  type PolicyDoc,
  type StatementDoc,
  statementArb,
  withStatement,
} from './arbitraries.js';

const SEED = Number(process.env.FC_SEED ?? 20261125);
const RUNS = 300;
const run = { seed: SEED, numRuns: RUNS };
const cases = caseArb(ALL_SHAPES);

/** Parses a case that the generator made valid; a refusal is a generator or parser bug. */
function parse(doc: unknown): SimulateCase {
  const parsed = parseSimulateInput(doc);
  if (!parsed.ok) throw new Error(`valid case refused: ${JSON.stringify(parsed.errors)}`);
  const [only] = parsed.cases;
  if (!only) throw new Error('no case');
  return only;
}

const decide = (doc: unknown): EvaluationResult => simulateCase(parse(doc));
const decision = (doc: unknown): Decision => decide(doc).decision;

/** The caller has identity policies that AWS evaluates: an IAM user or role session, not root or a service. */
function hasIdentityLayer(c: CaseDoc): boolean {
  return ![CALLERS.root, CALLERS.service, ACCOUNT].includes(c.request.principal);
}

/** Rewrites every policy of a case. */
function mapPolicies(c: CaseDoc, f: (p: PolicyDoc) => PolicyDoc): CaseDoc {
  const opt = (p: PolicyDoc | undefined) => (p ? f(p) : undefined);
  const levels = (l: PolicyDoc[][] | undefined) => l?.map((level) => level.map(f));
  const out: CaseDoc = { ...c, identityPolicies: c.identityPolicies.map(f) };
  for (const [key, value] of [
    ['permissionsBoundary', opt(c.permissionsBoundary)],
    ['sessionPolicy', opt(c.sessionPolicy)],
    ['resourcePolicy', opt(c.resourcePolicy)],
    ['scps', levels(c.scps)],
    ['rcps', levels(c.rcps)],
  ] as const) {
    if (value !== undefined) Object.assign(out, { [key]: value });
  }
  return out;
}

const LAYERS: readonly LayerName[] = ['identity', 'permissions-boundary', 'session', 'scp', 'rcp', 'resource'];

/** A case, a layer, and a statement of the given effect that fits that layer. */
function withExtra(effect: 'Allow' | 'Deny', layers: readonly LayerName[]) {
  return cases.chain((c) =>
    fc.constantFrom(...layers).chain((layer) => {
      const kind = layer === 'resource' ? 'resource' : layer === 'rcp' ? 'rcp' : 'identity';
      return statementArb(c.request, { effect, kind, shapes: ALL_SHAPES }).map(
        (statement): [CaseDoc, LayerName, StatementDoc] => [c, layer, statement],
      );
    }),
  );
}

describe('the engine never crashes and always explains', () => {
  it('returns one of three decisions, with a deciding layer exactly when it denies', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const { decision: d, explanation: e } = decide(c);
        expect(['allowed', 'explicit-deny', 'implicit-deny']).toContain(d);
        expect(e.decidingLayer !== undefined).toBe(d !== 'allowed');
        if (e.decidingLayer) expect(LAYER_ORDER).toContain(e.decidingLayer);
        if (e.decidingLevel !== undefined) expect(['scp', 'rcp']).toContain(e.decidingLayer);
        expect(e.reason.length).toBeGreaterThan(0);
        // An explicit deny names the Deny statements that decided; nothing else cites one.
        const denies = e.deciding.filter((s) => s.effect === 'Deny').length;
        expect(denies > 0).toBe(d === 'explicit-deny');
        if (d === 'explicit-deny') expect(denies).toBe(e.deciding.length);
      }),
      run,
    );
  });

  it("gives the same decision and explanation with explain: 'full'", () => {
    fc.assert(
      fc.property(cases, (c) => {
        const parsed = parse(c);
        const brief = simulateCase(parsed);
        const full = simulateCase(parsed, { explain: 'full' });
        expect(full.decision).toBe(brief.decision);
        expect(full.explanation.decidingLayer).toBe(brief.explanation.decidingLayer);
        expect(full.explanation.decidingLevel).toBe(brief.explanation.decidingLevel);
        expect(full.explanation.deciding).toEqual(brief.explanation.deciding);
      }),
      run,
    );
  });

  it('decides the same when one compiled policy set serves many requests', () => {
    fc.assert(
      fc.property(fc.array(cases, { minLength: 2, maxLength: 4 }), (list) => {
        const parsed = list.map(parse);
        const [first] = parsed;
        if (!first) return;
        // Compile once, then evaluate every case's request against it, twice, interleaved.
        const set = compilePolicySet(first.policies);
        const once = parsed.map((p) => evaluate(set, p.request).decision);
        const twice = parsed.map((p) => evaluate(set, p.request).decision);
        expect(twice).toEqual(once);
        expect(once[0]).toBe(simulateCase(first).decision);
      }),
      run,
    );
  });
});

describe('changes whose effect AWS documents', () => {
  // "An explicit deny in any policy overrides any allows"
  // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html).
  it('adding a Deny statement to any layer never yields allowed, and keeps an explicit deny', () => {
    fc.assert(
      fc.property(withExtra('Deny', LAYERS), ([c, layer, statement]) => {
        const before = decision(c);
        const after = decision(withStatement(c, layer, statement));
        if (before !== 'allowed') expect(after).not.toBe('allowed');
        if (before === 'explicit-deny') expect(after).toBe('explicit-deny');
      }),
      run,
    );
  });

  // An Allow only ever adds permissions; it never creates a deny (same page).
  it('adding an Allow statement to an identity policy never turns allowed into a deny', () => {
    fc.assert(
      fc.property(withExtra('Allow', ['identity']), ([c, layer, statement]) => {
        const before = decision(c);
        const after = decision(withStatement(c, layer, statement));
        if (before === 'allowed') expect(after).toBe('allowed');
        if (before === 'explicit-deny') expect(after).toBe('explicit-deny');
      }),
      run,
    );
  });

  // sts:GetCallerIdentity "No permissions are required" and it cannot be denied
  // (https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html).
  it('a resource policy denying everything to everyone explicitly denies, except sts:GetCallerIdentity', () => {
    const denyAll: StatementDoc = { Effect: 'Deny', Principal: '*', Action: '*', Resource: '*' };
    fc.assert(
      fc.property(cases, (c) => {
        const { decision: d, explanation } = decide(withStatement(c, 'resource', denyAll));
        if (c.request.action === 'sts:GetCallerIdentity') {
          expect(d).toBe('allowed');
          return;
        }
        expect(d).toBe('explicit-deny');
        // The first layer in evaluation order that denies is reported: RCP, SCP, then the resource policy.
        expect(['rcp', 'scp', 'resource']).toContain(explanation.decidingLayer);
      }),
      run,
    );
  });

  it('an identity policy denying everything explicitly denies an IAM user or session', () => {
    const denyAll: StatementDoc = { Effect: 'Deny', Action: '*', Resource: '*' };
    fc.assert(
      fc.property(
        cases.filter((c) => hasIdentityLayer(c) && c.request.action !== 'sts:GetCallerIdentity'),
        (c) => {
          expect(decision(withStatement(c, 'identity', denyAll))).toBe('explicit-deny');
        },
      ),
      run,
    );
  });

  // Statements and policies are OR'ed: their order and repetition do not matter
  // (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies-syntax-multiples).
  it('reordering and repeating statements and policies does not change the decision', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const reversed = mapPolicies(c, (p) => ({ ...p, Statement: [...p.Statement].reverse() }));
        const repeated = {
          ...reversed,
          identityPolicies: [...reversed.identityPolicies].reverse().concat(c.identityPolicies),
        };
        expect(decision(repeated)).toBe(decision(c));
      }),
      run,
    );
  });

  // Action names and context key names are case-insensitive
  // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html,
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html).
  it('changing the case of the action or of context key names does not change the decision', () => {
    fc.assert(
      fc.property(cases, fc.boolean(), (c, upper) => {
        const recase = (s: string) => (upper ? s.toUpperCase() : s.toLowerCase());
        const context = Object.fromEntries(Object.entries(c.request.context).map(([k, v]) => [recase(k), v]));
        const changed = { ...c, request: { ...c.request, action: recase(c.request.action), context } };
        expect(decision(changed)).toBe(decision(c));
      }),
      run,
    );
  });
});

describe('input that is not a case', () => {
  it('parseSimulateInput never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const parsed = parseSimulateInput(json);
        expect(typeof parsed.ok).toBe('boolean');
      }),
      { ...run, numRuns: 500 },
    );
  });

  /** A valid case with one value somewhere inside replaced by garbage: reaches the deep paths. */
  const mutated = cases.chain((c) => {
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (Array.isArray(v)) {
        for (const [i, x] of v.entries()) walk(x, [...path, i]);
      } else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    };
    walk(c, []);
    return fc.tuple(fc.constantFrom(...paths), fc.anything({ maxDepth: 2 })).map(([path, garbage]) => {
      if (path.length === 0) return garbage;
      const copy = structuredClone(c) as unknown as Record<string | number, unknown>;
      let at = copy;
      for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
      at[path[path.length - 1] as string | number] = garbage;
      return copy;
    });
  });

  it('a case with garbage anywhere is refused with paths, or evaluated, never thrown', () => {
    fc.assert(
      fc.property(mutated, (doc) => {
        const parsed = parseSimulateInput(doc);
        if (!parsed.ok) {
          expect(parsed.errors.length).toBeGreaterThan(0);
          for (const e of parsed.errors) expect(typeof e.message).toBe('string');
          return;
        }
        for (const c of parsed.cases)
          expect(['allowed', 'explicit-deny', 'implicit-deny']).toContain(simulateCase(c).decision);
      }),
      { ...run, numRuns: 500 },
    );
  });
});

describe('the generator', () => {
  it('reaches every decision (none below 20% of cases)', () => {
    const mix: Record<Decision, number> = { allowed: 0, 'explicit-deny': 0, 'implicit-deny': 0, unknown: 0 };
    const sample = fc.sample(cases, { seed: SEED, numRuns: 1000 });
    for (const c of sample) mix[decision(c)]++;
    // Every case names the resource's owner, so none is unknown.
    const { unknown, ...outcomes } = mix;
    expect(unknown).toBe(0);
    for (const count of Object.values(outcomes)) expect(count / sample.length).toBeGreaterThan(0.2);
  });
});

// The `unknown` option takes conditions on keys the caller cannot know at their worst. It must be sound: when the
// worst case allows, every value those keys can take (or their absence) allows too. With no unknown key, it changes
// nothing. This is what lets a preflight pass a permission without knowing the runner's aws:SourceIp.
describe('evaluating with unknown keys', () => {
  const specs = keySpecs(ALL_SHAPES);
  const withUnknown = cases.chain((c) =>
    fc
      .subarray(specs, { minLength: 1, maxLength: 3 })
      .chain((unknown) =>
        fc
          .tuple(...unknown.map((spec) => fc.option(fc.constantFrom(...spec.request), { nil: undefined })))
          .map((values) => ({ c, unknown, values })),
      ),
  );

  it('is sound: when the worst case allows, every value of the unknown keys allows', () => {
    fc.assert(
      fc.property(withUnknown, ({ c, unknown, values }) => {
        const parsed = parse(c);
        const lower = new Set(unknown.map((spec) => spec.key.toLowerCase()));
        const worst = simulateCase(parsed, { unknown: (key) => lower.has(key.toLowerCase()) });
        for (const key of worst.assumed ?? []) expect(lower.has(key.toLowerCase())).toBe(true);
        if (worst.decision !== 'allowed') return;
        // One assignment of the unknown keys: each is absent or takes one of the values a request may carry.
        const context: Record<string, string | readonly string[]> = Object.fromEntries(
          Object.entries(c.request.context).filter(([key]) => !lower.has(key.toLowerCase())),
        );
        unknown.forEach((spec, i) => {
          const value = values[i];
          if (value !== undefined) context[spec.key] = value;
        });
        expect(decision({ ...c, request: { ...c.request, context } })).toBe('allowed');
      }),
      run,
    );
  });

  it('changes nothing when no key is unknown', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const parsed = parse(c);
        const plain = simulateCase(parsed);
        const none = simulateCase(parsed, { unknown: () => false });
        expect(none).toEqual(plain);
      }),
      run,
    );
  });
});
