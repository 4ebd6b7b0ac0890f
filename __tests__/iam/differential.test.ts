/**
 * Differential test: our engine against @cloud-copilot/iam-simulate 0.1.173 on random cases.
 *
 * iam-simulate is AGPL-3.0-or-later. It is a test oracle only: imported here, never from src/, and
 * none of its code is copied. Where the two engines disagree, AWS's documentation decides:
 * - DIVERGENCES lists documented behaviour iam-simulate gets wrong. Each shape is switched off in the
 *   generator (not skipped after the fact) and pinned with the documented answer in
 *   cases/differential-pins.json, which cases.test.ts runs against our engine. The pins test below
 *   also checks that iam-simulate still disagrees, so a fixed oracle tells us to switch the shape on.
 *   A divergence may also pin its boundaries: nearby cases where iam-simulate gives the documented
 *   answer, checked to keep agreeing, so that the shape stays no wider than the divergence.
 * - UNDECIDED lists shapes the documentation does not settle; they are held out, not pinned.
 * - A disagreement on anything else fails this test: either our engine is wrong, or a new
 *   divergence needs its page, its reason and its pin.
 */
import { readFileSync } from 'node:fs';
import { runSimulation } from '@cloud-copilot/iam-simulate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSimulateInput, simulateCase } from '../../src/iam/simulate.js';
import type { Decision, Layer } from '../../src/iam/types.js';
import { type CaseDoc, caseArb, ORACLE_SHAPES, type Shapes, toIamSimulate } from './arbitraries.js';

const SEED = Number(process.env.FC_SEED ?? 20261125);
const RUNS = 400;
const IAM = 'https://docs.aws.amazon.com/IAM/latest/UserGuide';

interface HeldOut {
  readonly shape: keyof Shapes;
  readonly doc: string;
  /** What AWS documents, and what iam-simulate does instead. */
  readonly why: string;
}

/** Documented behaviour iam-simulate 0.1.173 gets wrong. */
interface Divergence extends HeldOut {
  /** The pin of this name shows the divergence: iam-simulate must answer it otherwise than the docs. */
  readonly pin: string;
  /** Pins of these names show where the divergence stops: iam-simulate must answer them as the docs do. */
  readonly boundaries?: readonly string[];
}

/** Documented behaviour iam-simulate 0.1.173 gets wrong; each has a pin of the same name, then its boundaries. */
const DIVERGENCES: readonly Divergence[] = [
  {
    shape: 'epochDates',
    pin: 'Date operators read epoch values as seconds: 1735689600 (2025-01-01) is after 2024-06-01',
    doc: `${IAM}/reference_policies_elements_condition_operators.html#Conditions_Date`,
    why: 'Epoch (UNIX) time is in seconds; iam-simulate compares epoch numbers with ISO dates parsed to milliseconds.',
  },
  {
    shape: 'zeroCidr',
    pin: '0.0.0.0/0 is a CIDR block that holds every IPv4 address',
    doc: `${IAM}/reference_policies_elements_condition_operators.html#Conditions_IPAddress`,
    why: 'IpAddress takes standard CIDR; iam-simulate builds the /0 mask as -1 << 32, which JavaScript reads as -1 << 0.',
  },
  {
    shape: 'ipv6Spellings',
    pin: 'An IPv6 address matches however it is spelled (2001:DB8::1 is 2001:db8::1)',
    doc: `${IAM}/reference_policies_elements_condition_operators.html#Conditions_IPAddress`,
    why: 'IPv6 addresses compare as addresses (the page spells them in capitals); iam-simulate compares bare addresses as strings and rejects IPv4-in-IPv6 forms.',
  },
  {
    shape: 'bareIpAddresses',
    pin: 'An address without a prefix is a /32 block, so an IPv6 caller is outside NotIpAddress 198.51.100.7',
    doc: `${IAM}/reference_policies_elements_condition_operators.html#Conditions_IPAddress`,
    why: 'A bare address is a /32 (IPv4) block; iam-simulate makes NotIpAddress false for a caller of the other family.',
  },
  {
    shape: 'rootCaller',
    pin: 'The account root user has full access without identity policies',
    doc: `${IAM}/reference_policies_evaluation-logic_policy-eval-denyallow.html`,
    why: 'Requests are implicitly denied "with the exception of the AWS account root user, which has full access"; iam-simulate wants an identity-policy allow.',
  },
  {
    shape: 'scpsOnServices',
    pin: 'SCPs limit IAM users and roles of member accounts, not an AWS service principal',
    doc: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html',
    why: 'SCPs affect only the IAM users and roles of member accounts; iam-simulate applies them to service principals.',
  },
  {
    shape: 'sessionGrantsPastSessionPolicy',
    pin: 'A resource policy naming the session ARN is not limited by the session policy',
    doc: `${IAM}/access_policies.html#policies_session`,
    why: 'A grant to the session ARN is "not limited by the session policy"; iam-simulate denies whenever the session policy does not allow.',
  },
  {
    shape: 'federatedWithoutSessionPolicy',
    pin: 'A federated-user session without a session policy has no permissions',
    doc: `${IAM}/reference_policies_evaluation-logic_policy-eval-denyallow.html`,
    why: 'With no session policy only a role session is allowed, a federated-user session is denied; iam-simulate evaluates it like its IAM user.',
  },
  {
    shape: 'missingResourcePolicy',
    pin: 'A role trust policy must allow AssumeRole explicitly, even within the account',
    doc: `${IAM}/reference_policies_evaluation-logic_policy-eval-denyallow.html`,
    why: 'Trust policies and KMS key policies "must explicitly allow access"; with no trust policy given, iam-simulate lets identity policies alone allow sts:AssumeRole.',
  },
  {
    shape: 'resourceTypeWildcards',
    pin: 'A wildcard may cover the resource type: arn:aws:iam::111122223333:*/deployer matches role/deployer',
    doc: `${IAM}/reference_policies_elements_resource.html#reference_policies_elements_resource_wildcards`,
    why: 'Wildcards work "within any ARN segment"; iam-simulate matches nothing when * or ? falls in the resource type (*/deployer, tabl?/orders).',
  },
  {
    shape: 'setOperatorIfExists',
    pin: 'ForAnyValue:...IfExists on an absent key is read as denying: a Deny with it applies',
    boundaries: ['ForAnyValue:...IfExists on an absent key is read as denying: an Allow with it grants nothing'],
    doc: `${IAM}/reference_policies_elements_condition_operators.html#Conditions_IfExists`,
    why: 'The IfExists rule ("If the key is not present, evaluate the condition element as true") and the ForAnyValue rule (false on an absent key) disagree; ours takes the reading that denies (EvaluateOptions.reading) and reports the two, iam-simulate ignores IfExists after ForAnyValue:, so it agrees on an Allow and differs on a Deny.',
  },
  {
    shape: 'oldVersionPolicies',
    pin: 'Under Version 2008-10-17 a policy variable such as aws:username is literal text',
    doc: `${IAM}/reference_policies_elements_version.html`,
    why: 'Variables are substituted only under Version 2012-10-17; iam-simulate substitutes them in every policy.',
  },
  {
    shape: 'nullVariables',
    pin: 'A policy variable with no value is null, and StringNotEquals matches null: the Deny applies',
    boundaries: [
      'A policy variable with no value is null, and StringEquals does not match null: the Allow grants nothing',
      'A NotResource entry whose policy variable has no value keeps the statement from taking effect',
    ],
    doc: `${IAM}/reference_policies_variables.html#policy-vars-no-value`,
    why: 'A variable with no value (key absent or multivalued, no default) is effectively null: StringEquals and StringLike do not match it, inverted operators such as StringNotEquals and StringNotLike do; iam-simulate fails the condition for inverted operators too. It agrees on positive operators and on Resource/NotResource (the statement does not take effect), which stay compared and are pinned as boundaries.',
  },
];

/** Shapes the documentation does not settle: held out of the comparison, not pinned. */
const UNDECIDED: readonly HeldOut[] = [
  {
    shape: 'starGrantsPastSessionPolicy',
    doc: `${IAM}/access_policies.html#policies_session`,
    why: 'The page covers grants to the role or user ARN and to the session ARN, not "*": ours lets "*" past the session policy, iam-simulate does not (though it lets "*" past a permissions boundary).',
  },
  {
    shape: 'notPrincipal',
    doc: `${IAM}/reference_policies_elements_notprincipal.html`,
    why: 'With Deny, AWS "might" deny a caller whose account (and role) are not listed too; ours requires every name, iam-simulate exempts on any one.',
  },
  {
    shape: 'emptyLists',
    doc: `${IAM}/reference_policies_condition-single-vs-multi-valued-context-keys.html`,
    why: 'The page speaks of an empty "null data set" only for ForAllValues; ours treats [] as absent for every operator, iam-simulate as present.',
  },
];

/** Input iam-simulate refuses (and AWS cannot produce): a session policy on a caller that is not a session. */
const REFUSED: readonly (keyof Shapes)[] = ['straySessionPolicy'];

const DECISIONS: Readonly<Record<string, Decision>> = {
  Allowed: 'allowed',
  ExplicitlyDenied: 'explicit-deny',
  ImplicitlyDenied: 'implicit-deny',
};

/** iam-simulate's decision. Refused input or ignored context keys would make the comparison unfair: they throw. */
async function oracle(c: CaseDoc): Promise<Decision> {
  const result = await runSimulation(toIamSimulate(c), {});
  if (result.resultType === 'error') throw new Error(`iam-simulate refused the case: ${JSON.stringify(result.errors)}`);
  if (result.resultType === 'single' && (result.result.ignoredContextKeys?.length ?? 0) > 0) {
    throw new Error(`iam-simulate ignored context keys ${result.result.ignoredContextKeys?.join(', ')}`);
  }
  const decision = DECISIONS[result.overallResult];
  if (!decision) throw new Error(`unknown iam-simulate result ${result.overallResult}`);
  return decision;
}

/** Our decision, through the same path as the `simulate` command. */
function ours(c: unknown): { decision: Decision; layer: Layer | undefined } {
  const parsed = parseSimulateInput(c);
  if (!parsed.ok) throw new Error(`our engine refused the case: ${JSON.stringify(parsed.errors)}`);
  const [only] = parsed.cases;
  if (!only) throw new Error('no case');
  const { decision, explanation } = simulateCase(only);
  return { decision, layer: explanation.decidingLayer };
}

describe('differential: our engine against iam-simulate', () => {
  it(`agrees on ${RUNS} random cases (seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(caseArb(ORACLE_SHAPES), async (c) => {
        const why =
          'disagreement: find the AWS page that decides it; fix our engine, or add a shape, a DIVERGENCES entry and a pin';
        expect(ours(c).decision, why).toBe(await oracle(c));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('compares cases of every outcome (no decision below 20%)', () => {
    const mix: Record<Decision, number> = { allowed: 0, 'explicit-deny': 0, 'implicit-deny': 0, unknown: 0 };
    for (const c of fc.sample(caseArb(ORACLE_SHAPES), { seed: SEED, numRuns: RUNS })) mix[ours(c).decision]++;
    // Every case names the resource's owner, so none is unknown.
    const { unknown, ...outcomes } = mix;
    expect(unknown).toBe(0);
    for (const count of Object.values(outcomes)) expect(count / RUNS).toBeGreaterThanOrEqual(0.2);
  });
});

interface Pin {
  readonly name: string;
  readonly doc: string;
  readonly expected: { readonly decision: Decision; readonly layer?: Layer };
  readonly [field: string]: unknown;
}

const pins = (
  JSON.parse(readFileSync(new URL('./cases/differential-pins.json', import.meta.url), 'utf8')) as { cases: Pin[] }
).cases;

/** Our decision on a pin, checked against its expectation; returns the case for iam-simulate. */
function checkOurs(pin: Pin): CaseDoc {
  const { name: _n, doc: _d, expected, ...input } = pin;
  const mine = ours(input);
  expect({ decision: mine.decision, ...(expected.layer ? { layer: mine.layer } : {}) }).toEqual(expected);
  return input as unknown as CaseDoc;
}

const BOUNDARIES: ReadonlySet<string> = new Set(DIVERGENCES.flatMap((d) => d.boundaries ?? []));

describe('pinned divergences (cases/differential-pins.json)', () => {
  it('pins each listed divergence once, then its boundaries, with its page', () => {
    expect(pins.map((p) => [p.name, p.doc])).toEqual(
      DIVERGENCES.flatMap((d) => [d.pin, ...(d.boundaries ?? [])].map((name) => [name, d.doc])),
    );
  });

  it.each(pins.filter((p) => !BOUNDARIES.has(p.name)).map((p) => [p.name, p] as const))(
    '%s: ours is documented, iam-simulate is not',
    async (_name, pin) => {
      const input = checkOurs(pin);
      // If this fails, iam-simulate now follows the docs: switch the shape back on in ORACLE_SHAPES.
      expect(await oracle(input)).not.toBe(pin.expected.decision);
    },
  );

  it.each(pins.filter((p) => BOUNDARIES.has(p.name)).map((p) => [p.name, p] as const))(
    '%s: a boundary of its divergence, where iam-simulate agrees',
    async (_name, pin) => {
      const input = checkOurs(pin);
      // If this fails, iam-simulate diverges here too: widen the shape (and name this pin as its divergence).
      expect(await oracle(input)).toBe(pin.expected.decision);
    },
  );

  it('ORACLE_SHAPES holds out exactly the shapes listed here with a reason', () => {
    const held = Object.entries(ORACLE_SHAPES)
      .filter(([, on]) => !on)
      .map(([shape]) => shape);
    const named = [...DIVERGENCES.map((d) => d.shape), ...UNDECIDED.map((d) => d.shape), ...REFUSED];
    expect(held.sort()).toEqual(named.sort());
    for (const d of [...DIVERGENCES, ...UNDECIDED]) expect(d.doc).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
  });
});
