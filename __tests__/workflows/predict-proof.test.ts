/**
 * The proof that a trust admits every ref a filter admits (src/checks/predicted-trust/cover.ts) is sound: whenever the
 * check passes a push filter "for every ref", each branch the filter lets through, checked alone, passes too. Filter
 * patterns: https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#filter-pattern-cheat-sheet;
 * IAM's StringLike: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/catalog/index.js';
import type { RoleModel } from '../../src/model/aws.js';
import { loadCatalog } from '../../src/sources/catalog.js';
import { coveringGlob, filterList, isRefName, parseFilter, passes } from '../../src/workflows/predict/filter.js';
import { predictTokens } from '../../src/workflows/predict/index.js';
import { roleModel } from '../fixtures/aws-settings.js';
import { checkTrustOf, context, deployJob, trigger } from './predict-model.js';

const ROLE = 'arn:aws:iam::111122223333:role/github-deploy';
let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog();
});

/** A trust admitting `sub` patterns (StringLike), and denying `deny` ones when given. */
function trust(allow: string[], deny: string[] = []): RoleModel {
  const key = 'token.actions.githubusercontent.com:sub';
  const principal = { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' };
  const statements: unknown[] = [
    {
      Effect: 'Allow',
      Principal: principal,
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringLike: { [key]: allow } },
    },
  ];
  if (deny.length > 0) {
    statements.push({
      Effect: 'Deny',
      Principal: '*',
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringLike: { [key]: deny } },
    });
  }
  return roleModel(ROLE, {
    trustPolicy: { name: 'trust', document: { Version: '2012-10-17', Statement: statements } },
  });
}

/** The verdicts for a push with these branch patterns. */
function verdicts(branches: string[], role: RoleModel): string[] {
  return predictTokens(context([deployJob({ triggers: [trigger('push', { branches })] })])).flatMap((p) =>
    p.exchanges.flatMap((exchange) => checkTrustOf(p, role, catalog, exchange).map((f) => `${f.status} ${f.class}`)),
  );
}

const chars = ['a', 'b', '1', '-', '/', '.'];
const filterPattern = fc
  .array(fc.oneof(fc.constantFrom(...chars), fc.constantFrom('*', '**', '[ab]', 'a?', 'b+')), {
    minLength: 1,
    maxLength: 5,
  })
  .map((p) => p.join(''));
const iamGlob = fc
  .array(fc.constantFrom(...chars, '*', '?'), { maxLength: 5 })
  .map((p) => `repo:acme/api:ref:refs/heads/${p.join('')}`);
/** A trust value made from the filter's own covering glob, widened or narrowed at one place: near the boundary. */
const nearGlob = (pattern: string) =>
  fc.tuple(fc.nat(), fc.constantFrom('*', '?', 'a', '', 'keep')).map(([at, by]) => {
    const glob = coveringGlob(parseFilter(pattern)) ?? '';
    const i = glob.length === 0 ? 0 : at % glob.length;
    const changed = by === 'keep' ? glob : glob.slice(0, i) + by + glob.slice(i + 1);
    return `repo:acme/api:ref:refs/heads/${changed}`;
  });
const branch = fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: 7 }).map((p) => p.join(''));

describe('the proof over every ref', () => {
  it('a pass for a filter means a pass for every branch it lets through', () => {
    let proven = 0;
    fc.assert(
      fc.property(
        filterPattern.chain((p) =>
          fc.tuple(fc.constant(p), fc.oneof(nearGlob(p), iamGlob), fc.array(iamGlob, { maxLength: 1 })),
        ),
        fc.array(branch, { minLength: 8, maxLength: 8 }),
        ([pattern, allow, deny], names) => {
          const role = trust([allow], deny);
          if (verdicts([pattern], role).join() !== 'pass ok') return;
          proven += 1;
          const list = filterList([pattern]);
          for (const name of names.filter((n) => isRefName(n) && passes(list, n))) {
            expect(verdicts([name], role), `${pattern} admits ${name}`).toEqual(['pass ok']);
          }
        },
      ),
      { numRuns: 150, seed: 20261207 },
    );
    // Not vacuous: some filters are proven (a fixed seed keeps the count the same run to run).
    expect(proven).toBeGreaterThan(5);
  });

  it('and it passes what it should: release/** under refs/heads/release/*, a Deny that meets none of them', () => {
    const role = trust(['repo:acme/api:ref:refs/heads/release/*'], ['repo:acme/api:ref:refs/heads/dev*']);
    expect(verdicts(['release/**'], role)).toEqual(['pass ok']);
    expect(verdicts(['dev/**'], role)).toEqual(['fail predicted-trust-denied']);
  });
});
