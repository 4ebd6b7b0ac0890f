// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` here is a GitHub expression, not JS.
/**
 * The pieces of a value written with expressions not all known before the run (src/workflows/text-shape.ts), as
 * GitHub's parser writes such a value: `a-${{ x }}` is `format('a-{0}', x)`
 * (https://docs.github.com/en/actions/reference/workflows-and-actions/expressions#format).
 */
import { describe, expect, it } from 'vitest';
import { open, Unknown } from '../../src/workflows/expressions.js';
import { readWorkflowModel } from '../../src/workflows/index.js';
import { textPieces } from '../../src/workflows/text-shape.js';

const contexts = {
  github: open('github', { job: 'deploy', repository: 'acme/api', run_id: new Unknown('github.run_id') }),
  inputs: open('inputs', { stage: 'prod', count: 3, flag: true }),
  secrets: open('secrets'),
  env: open('env'),
};

describe('textPieces', () => {
  it('keeps written text and known values, and the run ID as digits (github context docs)', () => {
    expect(
      textPieces("format('GitHubActions-{0}-{1}-{2}', github.run_id, github.job, inputs.stage)", contexts),
    ).toEqual([
      { text: 'GitHubActions-' },
      { chars: 'digits', min: 1, max: 20, from: 'github.run_id' },
      { text: '-' },
      { text: 'deploy' },
      { text: '-' },
      { text: 'prod' },
    ]);
  });

  it('reads a plain context path and its index form, in any case', () => {
    expect(textPieces('github.sha', contexts)).toEqual([{ chars: 'hex', min: 40, max: 64, from: 'github.sha' }]);
    expect(textPieces("github['RUN_ATTEMPT']", contexts)).toEqual([
      { chars: 'digits', min: 1, max: 20, from: 'github.run_attempt' },
    ]);
  });

  it('writes numbers and booleans as format does, and `{{`/`}}` as braces', () => {
    expect(textPieces("format('{{x}}{0}{1}', inputs.count, inputs.flag)", contexts)).toEqual([
      { text: '{x}' },
      { text: '3' },
      { text: 'true' },
    ]);
  });

  it('has no pieces where any part is of no documented kind: a secret, the actor, an expression over the run ID', () => {
    expect(textPieces("format('a-{0}', secrets.NAME)", contexts)).toBeUndefined();
    expect(textPieces("format('a-{0}', github.actor)", contexts)).toBeUndefined();
    expect(textPieces("format('a-{0}', format('{0}', github.run_id))", contexts)).toBeUndefined();
    expect(textPieces("format('a-{0}', github.event.run_id)", contexts)).toBeUndefined();
  });

  it('has no pieces for a template format refuses, or an argument it does not have', () => {
    expect(textPieces("format('a-{0', github.run_id)", contexts)).toBeUndefined();
    expect(textPieces("format('a-}', github.run_id)", contexts)).toBeUndefined();
    expect(textPieces("format('a-{1}', github.run_id)", contexts)).toBeUndefined();
    expect(textPieces('github.run_id ==', contexts)).toBeUndefined();
  });
});

describe('github.workflow in a value (contexts#github-context)', () => {
  // The role-session-name line is a public README's, `${{ github.workflow }}-${{ github.run_id }}`; the workflow around
  // it is the least that runs it.
  const workflow = (name: string | undefined) =>
    [
      ...(name === undefined ? [] : [`name: ${name}`]),
      'on: push',
      'permissions:',
      '  id-token: write',
      'jobs:',
      '  deploy:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: aws-actions/configure-aws-credentials@v4',
      '        with:',
      '          role-to-assume: arn:aws:iam::111122223333:role/deploy',
      '          aws-region: us-east-1',
      '          role-session-name: ${{ github.workflow }}-${{ github.run_id }}',
    ].join('\n');
  const W = '.github/workflows/infra.yml';
  const sessionName = async (name: string | undefined) => {
    const model = await readWorkflowModel({
      workflowPaths: [W],
      read: (p) => (p === W ? workflow(name) : undefined),
      repository: 'acme/infra',
    });
    const step = model.jobs[0]?.instances[0]?.credentialSteps[0];
    return step?.with['role-session-name'];
  };

  it("is the workflow's name, or its file's path when it has none: pieces a session check can decide", async () => {
    const named = await sessionName('Deploy Infrastructure');
    expect(named?.kind === 'unknown' ? named.pieces : named).toEqual([
      { text: 'Deploy Infrastructure' },
      { text: '-' },
      { chars: 'digits', min: 1, max: 20, from: 'github.run_id' },
    ]);
    const unnamed = await sessionName(undefined);
    expect(unnamed?.kind === 'unknown' ? unnamed.pieces?.[0] : unnamed).toEqual({ text: W });
  });
});
