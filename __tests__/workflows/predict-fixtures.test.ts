/**
 * The prediction over the real workflows of public repositories (__tests__/fixtures/workflows/, each file with its
 * source): every `sub` predicted as a value reads back with the OIDC reference's parser (src/tokens/github.ts) as the
 * form its job and trigger call for (https://docs.github.com/en/actions/reference/security/oidc#example-subject-claims),
 * and every `sub` that is not a value says why.
 */
import { describe, expect, it } from 'vitest';
import { parseSubject } from '../../src/tokens/github.js';
import { claimsForRef, predictTokens, sampleRefs, type TokenPrediction } from '../../src/workflows/predict/index.js';
import { fixtureModel } from './fixture-repo.js';

const REPOS = [
  'aws-powertools__powertools-lambda-python',
  'ministryofjustice__modernisation-platform',
  'alphagov__govuk-infrastructure',
  'pulumi__docs',
];

async function predictionsOf(fixture: string): Promise<TokenPrediction[]> {
  const [owner = '', name = ''] = fixture.split('__');
  const model = await fixtureModel(fixture, { repository: `${owner}/${name}`, defaultBranch: 'main' });
  const repo = {
    owner,
    name,
    defaultBranch: 'main',
    immutableSubject: false,
    subjectTemplate: { keys: 'default' as const, source: 'test' },
  };
  return predictTokens({
    repo,
    jobs: model.jobs,
    workflowNames: Object.fromEntries(model.files.map((f) => [f.path, f.name])),
  });
}

describe('predictions over real workflows', () => {
  it.each(REPOS)('%s: each sub reads back as the form its job and trigger call for', async (fixture) => {
    const predictions = await predictionsOf(fixture);
    expect(predictions.length).toBeGreaterThan(0);
    for (const p of predictions) {
      const variant = p.variants[0];
      if (!variant) throw new Error('no variant');
      const refs = p.exchanges[0]?.refs ?? p.refs;
      const samples = refs.kind === 'known' ? refs.spaces.flatMap((s) => sampleRefs(s, 3)) : [undefined];
      for (const ref of samples) {
        const claims = ref === undefined ? variant.claims : claimsForRef(variant, ref);
        const sub = claims.sub;
        if (sub?.kind !== 'value') {
          expect(sub?.kind === 'unknown' && sub.reason.length > 0, p.label).toBe(true);
          continue;
        }
        const parsed = parseSubject(sub.value);
        expect(parsed.repository, sub.value).toMatchObject({
          owner: fixture.split('__')[0],
          name: fixture.split('__')[1],
        });
        const env = claims.environment;
        if (env?.kind === 'value') expect(parsed).toMatchObject({ form: 'environment', environment: env.value });
        else if (p.trigger.event === 'pull_request') expect(parsed.form).toBe('pull-request');
        else expect(parsed.ref, p.label).toBe(ref);
      }
    }
  });
});
