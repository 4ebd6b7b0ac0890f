/**
 * Configuration variables (`vars.*`) as the preflight is given them: the file's `github.variables`, the `vars` input
 * (`${{ toJSON(vars) }}`), exported listings, and how listings from several sources combine
 * (https://docs.github.com/en/actions/how-tos/write-workflows/choose-what-workflows-do/use-variables).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildConfig } from '../../src/config/build.js';
import { readConfigFile } from '../../src/config/file.js';
import { SECRET_VALUE_PATTERN } from '../../src/config/secret-values.js';
import { mergeVariables, parseVariables, type VariableListing } from '../../src/model/variables.js';

const read = (text: string) => readConfigFile(text, '.github/preflight.yml');

describe('github.variables in the configuration file', () => {
  it('reads the repository’s and each environment’s, partial unless it says complete', () => {
    const file = read(`
github:
  variables:
    repository:
      AWS_ACCOUNT_ID: "111122223333"
    environments:
      production:
        AWS_ROLE: deploy
      staging: {}
`);
    expect(file.ok && file.settings.github?.variables).toEqual({
      repository: { values: { AWS_ACCOUNT_ID: '111122223333' }, complete: false, source: expect.any(String) },
      environments: {
        production: { values: { AWS_ROLE: 'deploy' }, complete: false, source: expect.any(String) },
        staging: { values: {}, complete: false, source: expect.any(String) },
      },
    });
    const whole = read('github:\n  variables:\n    repository: {}\n    complete: true\n');
    expect(whole.ok && whole.settings.github?.variables?.repository?.complete).toBe(true);
  });

  it.each([
    ['a name that is not a variable’s', 'github:\n  variables:\n    repository:\n      1BAD: x\n', /variable name/],
    ['a value that is not text', 'github:\n  variables:\n    repository:\n      A: [1]\n', /string/],
    ['an unknown setting', 'github:\n  variables:\n    repo: {}\n', /repo/],
  ])('refuses %s, at its line', (_what, text, message) => {
    const file = read(text);
    expect(file.ok).toBe(false);
    if (file.ok) return;
    expect(file.errors[0]?.message).toMatch(message);
    expect(file.errors[0]?.line).toBeGreaterThanOrEqual(3);
  });

  it('refuses a value over GitHub’s 48 KB for a variable', () => {
    const file = read(`github:\n  variables:\n    repository:\n      BIG: "${'x'.repeat(48 * 1024 + 1)}"\n`);
    expect(file.ok).toBe(false);
    if (!file.ok) expect(file.errors[0]?.message).toMatch(/larger than 49152 bytes/);
  });
});

describe('github.secret-arns in the configuration file', () => {
  it('reads what the secrets hold, partial listings of the repository’s and each environment’s', () => {
    const file = read(`
github:
  secret-arns:
    repository:
      AWS_ROLE_ARN: arn:aws:iam::111122223333:role/deploy
    environments:
      production:
        AWS_ACCOUNT_ID: "444455556666"
`);
    expect(file.ok && file.settings.github?.secretArns).toMatchObject({
      repository: { values: { AWS_ROLE_ARN: 'arn:aws:iam::111122223333:role/deploy' }, complete: false },
      environments: { production: { values: { AWS_ACCOUNT_ID: '444455556666' }, complete: false } },
    });
  });

  it('reads a role name, with its path, kept in a secret (the role ARN written around it in the workflow)', () => {
    const file = read(
      'github:\n  secret-arns:\n    repository:\n      CI_IAM_ROLE: GitHubAction-CD\n      PATHED: ci/deploy@prod\n',
    );
    expect(file.ok && file.settings.github?.secretArns?.repository?.values).toEqual({
      CI_IAM_ROLE: 'GitHubAction-CD',
      PATHED: 'ci/deploy@prod',
    });
  });

  it.each([
    ['a text with spaces', 'not a role'],
    ['a role name over 64 characters', 'r'.repeat(65)],
  ])('refuses %s by the schema', (_name, value) => {
    const file = read(`github:\n  secret-arns:\n    repository:\n      X: "${value}"\n`);
    expect(file.ok).toBe(false);
    if (!file.ok)
      expect(file.errors[0]?.message).toMatch(/must be a role ARN .*, a 12-digit account ID or a role name/);
  });

  it.each([
    ['a GitHub token', 'ghp_abc'],
    ['a GitHub token of full length', `ghp_${'a1B2'.repeat(9)}`],
    ['an access key id', 'AKIAIOSFODNN7EXAMPLE'],
    ['a secret access key', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
  ])('refuses %s, though it fits a role name: a credential has no place here', (_name, value) => {
    const file = read(`github:\n  secret-arns:\n    repository:\n      TOKEN: "${value}"\n`);
    expect(file.ok).toBe(false);
    if (!file.ok) {
      expect(file.errors[0]?.message).toMatch(/not a credential/);
      expect(JSON.stringify(file.errors)).not.toContain(value);
    }
  });

  it("the schema's pattern is the one the CLI's --secret-arn checks", () => {
    const schema = JSON.parse(readFileSync(new URL('../../schema/preflight.schema.json', import.meta.url), 'utf8'));
    const listing = schema.$defs.github.properties['secret-arns'].properties;
    expect(listing.repository.additionalProperties.pattern).toBe(SECRET_VALUE_PATTERN);
    expect(listing.environments.additionalProperties.additionalProperties.pattern).toBe(SECRET_VALUE_PATTERN);
  });
});

describe('the vars input', () => {
  const build = (vars: string) =>
    buildConfig((name) => (name === 'vars' ? vars : name === 'workflows' ? 'true' : ''), undefined, undefined);

  it('is every organization and repository variable: a whole listing of the repository', () => {
    const built = build(JSON.stringify({ AWS_ACCOUNT_ID: '111122223333', REGION: 'eu-west-1' }));
    expect(built.ok && built.config.workflows?.variables).toEqual({
      repository: {
        values: { AWS_ACCOUNT_ID: '111122223333', REGION: 'eu-west-1' },
        complete: true,
        source: 'the vars input',
      },
    });
  });

  it('an empty one is no listing: a pull request from a fork is given no variables, whatever the repository sets', () => {
    const built = build('{}');
    expect(built.ok).toBe(true);
    expect(built.ok && built.config.workflows?.variables).toBeUndefined();
  });

  it.each([
    ['not JSON', '{AWS', /is not JSON/],
    ['a list of names', '["A"]', /a name must be/],
    ['a value that is not text', '{"A": 1}', /the value of A must be a string/],
    ['text', '"A"', /must be an object/],
  ])('refuses %s, naming the input', (_what, text, message) => {
    const built = build(text);
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.errors[0]?.where).toBe('input vars');
    expect(built.errors[0]?.message).toMatch(message);
    expect(built.errors[0]?.message).toContain('toJSON(vars)');
  });
});

describe('listings combined', () => {
  const listing = (values: Record<string, string>, complete: boolean, source: string): VariableListing => ({
    values,
    complete,
    source,
  });

  it('`gh variable list --json name,value` is a whole listing; an object of values is partial unless told', () => {
    expect(parseVariables('[{"name":"A","value":"1"}]', 'f', false)).toEqual({
      ok: true,
      listing: { values: { A: '1' }, complete: true, source: 'f' },
    });
    expect(parseVariables('{"A":"1"}', 'f', false)).toMatchObject({ ok: true, listing: { complete: false } });
  });

  it('a whole listing stands alone; partial ones merge, the more trusted over the less, names without case', () => {
    const api = listing({ ROLE: 'from-api' }, true, 'api');
    const config = listing({ ROLE: 'from-config', EXTRA: 'x' }, false, 'config');
    expect(mergeVariables([{ repository: api }, { repository: config }]).repository).toBe(api);
    const input = listing({ role: 'from-input' }, false, 'input');
    expect(mergeVariables([{ repository: input }, { repository: config }]).repository).toEqual({
      values: { role: 'from-input', EXTRA: 'x' },
      complete: false,
      source: 'input, config',
    });
  });

  it('environments are grouped by name without regard to case', () => {
    const merged = mergeVariables([
      { environments: { Production: listing({ A: '1' }, false, 'one') } },
      undefined,
      { environments: { production: listing({ B: '2' }, false, 'two') } },
    ]);
    expect(Object.keys(merged.environments ?? {})).toHaveLength(1);
    expect(Object.values(merged.environments ?? {})[0]?.values).toEqual({ B: '2', A: '1' });
  });
});
