/**
 * A `sub` known only up to its beginning, refused whatever follows (src/checks/predicted-trust/evaluate.ts
 * `refusesEverySuffix`, src/checks/predicted-trust/cover.ts `provesRefusal`): a merge group's
 * (`repo:acme/api:ref:refs/heads/gh-readonly-queue/main/…`, the triggers of aws/s2n-tls
 * .github/workflows/codebuild.yml), pull_request_target's and an environment picked at dispatch (`repo:acme/api:…`).
 * Trusts: this repository's end-to-end role (__tests__/fixtures/aws-e2e/iam/get-role-github-deploy.json) and
 * tulna07/workshop-1-tf-modules' `repo:OWNER/REPO:*` (__tests__/fixtures/public-trust-policies.ts).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/catalog/index.js';
import type { RoleModel } from '../../src/model/aws.js';
import type { Finding } from '../../src/model/finding.js';
import { loadCatalog } from '../../src/sources/catalog.js';
import { predictTokens, type TokenPrediction } from '../../src/workflows/predict/index.js';
import { roleModel } from '../fixtures/aws-settings.js';
import { REPO_WILDCARD } from '../fixtures/public-trust-policies.js';
import { checkTrustOf, context, deployJob, type JobSpec, trigger, unknownValue } from './predict-model.js';

const ROLE = 'arn:aws:iam::111122223333:role/github-deploy';
const ISSUER = 'token.actions.githubusercontent.com';
let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog();
});

/** The e2e role's trust document (main only), its `{{ISSUER_HOST}}` filled with GitHub's issuer host. */
function mainOnly(): { Statement: Record<string, unknown>[] } {
  const file = new URL('../fixtures/aws-e2e/iam/get-role-github-deploy.json', import.meta.url);
  const text = readFileSync(file, 'utf8').replaceAll('{{ISSUER_HOST}}', ISSUER);
  return JSON.parse(text).Role.AssumeRolePolicyDocument;
}

const roleOf = (document: unknown): RoleModel => roleModel(ROLE, { trustPolicy: { name: 'test/trust', document } });
/** tulna07's `repo:OWNER/REPO:*` filled with another repository. */
const otherRepository = () =>
  roleOf(JSON.parse(JSON.stringify(REPO_WILDCARD.document).replace('acme/api', 'other/repo')));

/** The main-only trust with one more statement on the sub `repo:acme/api:pull_request`. */
function withStatement(effect: 'Allow' | 'Deny', operator: string) {
  const doc = mainOnly();
  doc.Statement.push({
    Effect: effect,
    Principal: { Federated: `arn:aws:iam::111122223333:oidc-provider/${ISSUER}` },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: { [operator]: { [`${ISSUER}:sub`]: 'repo:acme/api:pull_request' } },
  });
  return doc;
}

function predicted(spec: JobSpec): TokenPrediction {
  const [p] = predictTokens(context([deployJob(spec)]));
  if (!p) throw new Error('no prediction');
  return p;
}

const mergeGroup = () => predicted({ triggers: [trigger('merge_group', { branches: ['main'] })] });
const check = (p: TokenPrediction, role: RoleModel): Finding[] => checkTrustOf(p, role, catalog);
const verdict = (f: Finding[]) => f.map((x) => `${x.status} ${x.class}`);

describe('a sub known up to its beginning, against a trust that no value with that beginning meets', () => {
  it('pull_request_target, merge_group and an environment picked at dispatch against a trust of another repository are denied', () => {
    const dispatched: JobSpec = {
      triggers: [trigger('workflow_dispatch')],
      environment: unknownValue('inputs.environment', 'inputs.environment (environment: picked when dispatched)'),
    };
    for (const p of [predicted({ triggers: [trigger('pull_request_target')] }), predicted(dispatched), mergeGroup()]) {
      const [f] = check(p, otherRepository());
      expect([f?.status, f?.class], p.trigger.eventName).toEqual(['fail', 'predicted-trust-denied']);
      expect(f?.message).toContain('the trust allows `repo:other/repo:*`');
      // The fix proposes a pattern of every sub with that beginning, never the `<unknown>` shown.
      expect(f?.fix).not.toContain('<unknown>');
    }
    const [queued] = check(mergeGroup(), otherRepository());
    expect(queued?.fix).toContain('`repo:acme/api:ref:refs/heads/gh-readonly-queue/main/*` under `StringLike`');
  });

  it("a merge group's ref, known up to its beginning too, refused by a condition on `ref`", () => {
    const doc = JSON.parse(JSON.stringify(REPO_WILDCARD.document));
    doc.Statement[0].Condition.StringEquals[`${ISSUER}:ref`] = 'refs/heads/main';
    const [f] = check(mergeGroup(), roleOf(doc));
    expect([f?.status, f?.class]).toEqual(['fail', 'predicted-trust-denied']);
    expect(f?.message).toContain('the trust allows `refs/heads/main`');
  });

  it('a Deny statement on the sub does not stand in the way of a refusal', () => {
    const doc = withStatement('Deny', 'StringLike');
    expect(verdict(check(mergeGroup(), roleOf(doc)))).toEqual(['fail predicted-trust-denied']);
  });
});

describe('a sub known up to its beginning stays undecided where a value with that beginning may be admitted', () => {
  it('an Allow statement the proof does not read (a negated operator on the sub) leaves it unknown', () => {
    const negated = withStatement('Allow', 'StringNotLike');
    expect(verdict(check(mergeGroup(), roleOf(negated)))).toEqual(['unverified prediction-unknown']);
    // The same for pull_request_target, whose sub is known up to `repo:acme/api:` only: main's pattern may match it.
    const target = predicted({ triggers: [trigger('pull_request_target')] });
    expect(verdict(check(target, roleOf(mainOnly())))).toEqual(['unverified prediction-unknown']);
  });
});
