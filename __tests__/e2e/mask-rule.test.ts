/**
 * The one rule for what the run masks (src/text/secrets.ts `MIN_MASKED_CHARS`): the runner replaces a masked value in
 * this and every later step's log and in the summary, so `::add-mask::` never carries a value short enough to cut the
 * tool's own words, nor one a configuration chose: a URL setting with user info (`http://x:fail@host/`) is a
 * configuration error naming the key, the file and the line. The action runs in process through @actions/core's real
 * functions (harness.ts), as the runner runs it; the workflow beside the config is pulumi/docs
 * .github/workflows/test-github-oidc.yml, whose repository a pull request could add such a config to.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { actionIO } from '../../src/io.js';
import { createRedactor } from '../../src/report/redact.js';
import { MIN_MASKED_CHARS, secretForms } from '../../src/text/secrets.js';
import { runStep } from '../fixtures/runner-step.js';
import { summaryText } from '../fixtures/summary-markup.js';
import { removeTempDirs, tempDir, writeFiles } from '../fixtures/temp-files.js';
import { actionDefaults, runAction } from './harness.js';
import { maskedSecrets } from './leaks.js';

afterAll(removeTempDirs);

const DEFAULTS = actionDefaults();

/** A pull request's config whose URLs' user info names words of the tool's own text (`fail`, `|`). */
const HOSTILE = `version: 1
tokens:
  - name: deploy
    from-env: DEPLOY_TOKEN
    jwks-url: "http://x:fail@127.0.0.1:18878/jwks"
    issuer: "http://x:%7C@127.0.0.1:18878/"
`;

/** pulumi/docs .github/workflows/test-github-oidc.yml (@19cde5e), trimmed to its login. */
const WORKFLOW = `name: Test Github OIDC to AWS
on:
  push:
    branches: ['kmosher/test-github-oidc']
permissions:
  id-token: write
  contents: read
jobs:
  test-github:
    runs-on: buildjet-4vcpu-ubuntu-2004
    steps:
      - uses: aws-actions/configure-aws-credentials@v2
        with:
          role-to-assume: arn:aws:iam::388588623842:role/ContinuousIntegrationRole
          aws-region: us-west-2
`;

const shortOrChosen = (masked: Set<string>) =>
  [...masked].filter((m) => m.length < MIN_MASKED_CHARS || /fail|\||%7C/.test(m));

describe('a URL setting with user info', () => {
  it('is a configuration error at its key, file and line, and nothing is masked', async () => {
    const workspace = writeFiles(tempDir(), {
      '.github/preflight.yml': HOSTILE,
      '.github/workflows/test-github-oidc.yml': WORKFLOW,
    });
    const run = await runAction(DEFAULTS, { GITHUB_WORKSPACE: workspace, DEPLOY_TOKEN: 'x' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      '::error title=permission-preflight%3A invalid configuration,file=.github/preflight.yml,line=5,col=15::' +
        '.github/preflight.yml:5:15: tokens[0].jwks-url must be an https URL, without user info',
    );
    expect(run.stdout).toContain(
      'file=.github/preflight.yml,line=6,col=13::.github/preflight.yml:6:13: tokens[0].issuer',
    );
    // The refused value is quoted without its user info.
    expect(run.stdout).toContain('got "http://***@127.0.0.1:18878/jwks"');
    expect(run.stdout).not.toContain('x:fail@');
    expect(maskedSecrets(run.stdout)).toEqual(new Set());
    // The job summary says the configuration is invalid and lists each error, not an empty page.
    expect(run.summary).toContain('the configuration is invalid, so nothing was checked');
    expect(summaryText(run.summary)).toContain('tokens[0].jwks-url must be an https URL');
    expect(run.summary).not.toContain('x:fail@');
  });

  it('is refused in the tokens input, an introspection url and the oidc-issuer and oidc-jwks-url inputs', async () => {
    const run = await runAction(
      {
        ...DEFAULTS,
        'oidc-issuer': 'https://ab:fail@token.actions.githubusercontent.com',
        'oidc-jwks-url': 'https://user@example.com/jwks',
        tokens: [
          '- name: deploy',
          '  from-env: DEPLOY_TOKEN',
          '  issuer: https://x:%7C@auth.example.com',
          '- name: opaque',
          '  from-env: OPAQUE_TOKEN',
          '  introspection: { url: "https://x:fail@auth.example.com/introspect" }',
        ].join('\n'),
      },
      { GITHUB_WORKSPACE: tempDir() },
    );
    expect(run.status).toBe(1);
    for (const where of [
      'input oidc-issuer',
      'input oidc-jwks-url',
      'input tokens, item 1 ("deploy"), issuer',
      'input tokens, item 2 ("opaque"), introspection',
    ])
      expect(run.stdout).toMatch(new RegExp(`${where.replace(/[()]/g, '\\$&')}:? [^\\n]*without user info`));
    expect(maskedSecrets(run.stdout)).toEqual(new Set());
  });
});

describe('what ::add-mask:: carries', () => {
  it('is each form of a token the run holds, never one shorter than the bound', async () => {
    const token = 'opaque-deploy-token-0123456789';
    const run = await runAction(
      {
        ...DEFAULTS,
        'github-oidc': 'false',
        tokens: '- name: deploy\n  from-env: DEPLOY_TOKEN\n- name: short\n  from-env: SHORT_TOKEN',
      },
      { GITHUB_WORKSPACE: tempDir(), DEPLOY_TOKEN: `Bearer ${token}`, SHORT_TOKEN: 'fail' },
    );
    const masked = maskedSecrets(run.stdout);
    expect(masked.has(token)).toBe(true);
    expect(shortOrChosen(masked)).toEqual([]);
    // The summary keeps the tool's words: nothing masked `fail`.
    expect(run.summary).toMatch(/fail/i);
  });

  it("is gated in the runner's ActionIO itself, and the redactor keeps the same bound", async () => {
    const run = await runStep({}, async () => {
      const io = actionIO();
      for (const value of ['|', 'fail', '%7C', '1234567', 'long-enough-secret']) io.setSecret(value);
    });
    expect(maskedSecrets(run.stdout)).toEqual(new Set(['long-enough-secret']));
    const redactor = createRedactor();
    for (const value of ['|', 'fail', ...secretForms('Bearer abc')]) redactor.add(value);
    expect(redactor.redact('### ❌ Preflight failed | a | b |')).toBe('### ❌ Preflight failed | a | b |');
    expect(secretForms('https://x:fail@host/ and more')).toEqual(['https://x:fail@host/ and more']);
  });
});
