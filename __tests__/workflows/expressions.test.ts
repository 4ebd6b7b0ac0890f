/**
 * Evaluating GitHub's expressions over contexts where some values are not known before the run: the logic decides
 * what it can (`false && x` is false whatever `x` is) and never guesses the rest.
 * https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/evaluate-expressions-in-workflows-and-actions
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ContextValue, evaluateExpression, open, Unknown } from '../../src/workflows/expressions.js';

const contexts: Record<string, ContextValue> = {
  github: open('github', { event_name: 'push', ref: 'refs/heads/main', event: open('github.event') }),
  secrets: open('secrets'),
  steps: open('steps'),
  inputs: { environment: 'prod' },
  vars: open('vars', { REGION: 'eu-west-1' }),
  matrix: { target: 'x86_64-unknown-linux-gnu', mode: 'release' },
  env: open('env', { AWS_REGION: new Unknown('secrets.AWS_REGION') }),
};

describe('evaluateExpression', () => {
  it.each([
    ["github.event_name == 'push' && github.ref == 'refs/heads/main'", true],
    ["github.event_name == 'schedule' && secrets.TOKEN != ''", false],
    ["secrets.TOKEN != '' && github.event_name == 'schedule'", false],
    ["secrets.TOKEN == '' || github.event_name == 'push'", true],
    ["contains(matrix.target, 'linux') && matrix.mode == 'release'", true],
    ["format('arn:aws:iam::{0}:role/{1}', '111122223333', inputs.environment)", 'arn:aws:iam::111122223333:role/prod'],
    ['vars.REGION', 'eu-west-1'],
    ["GITHUB.EVENT_NAME == 'PUSH'", true],
    ['!cancelled() && success()', true],
    ['inputs.missing', null],
  ])('%s is known: %j', (expression, value) => {
    expect(evaluateExpression(expression, contexts)).toEqual({ kind: 'known', value });
  });

  it.each([
    ["secrets.TOKEN != ''", 'secrets.TOKEN'],
    ["steps.plan.outputs.changed == 'true' && github.event_name == 'push'", 'steps.plan'],
    ['vars.ROLE', 'vars.ROLE'],
    ['github.event.pull_request.head.repo.fork', 'github.event.pull_request'],
    ['github.actor', 'github.actor'],
    ['env.AWS_REGION', 'secrets.AWS_REGION'],
    ['failure()', 'failure()'],
    ["hashFiles('**/package-lock.json')", 'hashFiles()'],
  ])('%s is unknown (%s)', (expression, reason) => {
    expect(evaluateExpression(expression, contexts)).toEqual({ kind: 'unknown', reason });
  });

  it('`||` and `&&` past an unknown operand: the value is unknown, the truth of a condition is decided (https://docs.github.com/en/actions/reference/workflows-and-actions/expressions#operators)', () => {
    const pr = {
      ...contexts,
      github: open('github', { event_name: 'pull_request', head_ref: new Unknown('github.head_ref') }),
    };
    // On a pull request head_ref is the branch's name: the value is it, not the fallback.
    expect(evaluateExpression("github.head_ref || 'main'", pr)).toEqual({ kind: 'unknown', reason: 'github.head_ref' });
    expect(evaluateExpression("format('{0}', github.head_ref || 'main')", pr).kind).toBe('unknown');
    expect(evaluateExpression("(github.head_ref || 'main') == 'main'", pr).kind).toBe('unknown');
    expect(evaluateExpression("secrets.TOKEN && ''", pr)).toEqual({ kind: 'unknown', reason: 'secrets.TOKEN' });
    // As a condition only its truth counts: truthy whichever operand it is, falsy whichever.
    expect(evaluateExpression("github.head_ref || 'main'", pr, { condition: true })).toEqual({
      kind: 'known',
      value: 'main',
    });
    expect(evaluateExpression("!(secrets.TOKEN && '')", pr, { condition: true })).toEqual({
      kind: 'known',
      value: true,
    });
    expect(evaluateExpression("contains(github.head_ref || 'main', 'x')", pr, { condition: true }).kind).toBe(
      'unknown',
    );
    // Operands that can only be booleans: the deciding boolean is the value whichever way the unknown ones go.
    expect(evaluateExpression("startsWith(github.head_ref, 'x') && false", pr)).toEqual({
      kind: 'known',
      value: false,
    });
  });

  it('a syntax error is unknown, with the parser’s message', () => {
    const result = evaluateExpression("github.event_name == 'push' &&", contexts);
    expect(result.kind).toBe('unknown');
    expect(result.kind === 'unknown' && result.reason).toMatch(/^expression not read: /);
  });
});

describe('lazy loading', () => {
  it('the public surface loads GitHub’s parser only when a model is read', () => {
    const source = readFileSync(new URL('../../src/workflows/index.ts', import.meta.url), 'utf8');
    const staticImports = source.split('\n').filter((l) => /^import\s/.test(l) && !/^import type\s/.test(l));
    expect(staticImports).toEqual([]);
    expect(source).toMatch(/await import\('\.\/read\.js'\)/);
  });
});
