import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../src/iam/index.js';

const source = { name: 'policy.json' };

function errorsOf(doc: unknown, kind: 'identity' | 'resource' | 'control' = 'identity'): string[] {
  const result = parsePolicy(doc, source, kind);
  return result.ok ? [] : result.errors.map((e) => e.message);
}

// Grammar: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
describe('parsePolicy validation names the statement and the field', () => {
  it.each([
    [
      'Effect is case-sensitive',
      {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: '*', Resource: '*' },
          {},
          { Effect: 'allow', Action: '*', Resource: '*' },
        ],
      },
      'Statement[2].Effect must be "Allow" or "Deny", got "allow"',
    ],
    ['Effect is required', { Statement: { Action: '*', Resource: '*' } }, 'Statement.Effect is required'],
    [
      'Action or NotAction',
      { Statement: [{ Effect: 'Allow', Resource: '*' }] },
      'Statement[0] must have Action or NotAction',
    ],
    [
      'not both Action and NotAction',
      { Statement: [{ Effect: 'Allow', Action: '*', NotAction: 's3:*', Resource: '*' }] },
      'Statement[0] must not have both Action and NotAction',
    ],
    [
      'an action needs a service prefix',
      { Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 'GetObject'], Resource: '*' }] },
      'Statement[0].Action[1] must be "*" or "service:action", got "GetObject"',
    ],
    [
      'a resource is * or an ARN',
      { Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: 'my-bucket' }] },
      'Statement[0].Resource must be "*" or an ARN, got "my-bucket"',
    ],
    [
      'Version is one of two dates',
      { Version: '2012-10-18', Statement: [] },
      'Version must be "2012-10-17" or "2008-10-17", got "2012-10-18"',
    ],
    [
      'unknown elements are named',
      { Statement: [{ Effect: 'Allow', Actions: '*', Action: '*', Resource: '*' }] },
      'Statement[0].Actions is not a statement element',
    ],
    ['Statement is required', { Version: '2012-10-17' }, 'Statement is required'],
    [
      'an empty list is rejected',
      { Statement: [{ Effect: 'Allow', Action: [], Resource: '*' }] },
      'Statement[0].Action must not be an empty list',
    ],
    [
      'identity policies take no Principal',
      { Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] },
      'Statement[0].Principal is not allowed in an identity-based policy',
    ],
  ])('%s', (_name, doc, message) => {
    expect(errorsOf(doc)).toContain(message);
  });

  it('a resource policy needs a Principal', () => {
    expect(errorsOf({ Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] }, 'resource')).toContain(
      'Statement[0] must have Principal or NotPrincipal',
    );
  });

  // "You cannot use a wildcard to match part of a principal name or ARN."
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
  it('a partial wildcard in a principal ARN is rejected', () => {
    const doc = {
      Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:role/*' }, Action: 's3:*' }],
    };
    expect(errorsOf(doc, 'resource')[0]).toMatch(/^Statement\[0\]\.Principal\.AWS must be "\*", a 12-digit account id/);
  });

  it('a valid policy parses, with Statement as an object or a list', () => {
    expect(
      parsePolicy(
        { Version: '2012-10-17', Statement: { Effect: 'Deny', NotAction: 'iam:*', NotResource: '*' } },
        source,
        'identity',
      ).ok,
    ).toBe(true);
    expect(parsePolicy({ Statement: [] }, source, 'identity').ok).toBe(true);
  });

  it('never throws on garbage', () => {
    for (const doc of [null, 1, 'x', [], { Statement: 'x' }, { Statement: [null, 3, []] }]) {
      expect(parsePolicy(doc, source, 'identity').ok).toBe(false);
    }
  });
});

describe('NotPrincipal with Allow (reference_policies_elements_notprincipal.html: not supported)', () => {
  it('is refused with its own code, never read as a grant to everyone not listed', () => {
    const doc = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', NotPrincipal: { AWS: '111122223333' }, Action: 's3:GetObject', Resource: '*' }],
    };
    const result = parsePolicy(doc, { name: 'bucket' }, 'resource');
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map((e) => [e.code, e.path])).toEqual([
        ['not-principal-allow', 'Statement[0].NotPrincipal'],
      ]);
    const deny = parsePolicy(
      { ...doc, Statement: [{ ...doc.Statement[0], Effect: 'Deny' }] },
      { name: 'bucket' },
      'resource',
    );
    expect(deny.ok).toBe(true);
  });
});
