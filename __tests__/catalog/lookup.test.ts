// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${...}` here is an AWS ARN-format or key placeholder, not JS.
/**
 * Action names, condition keys and RCP support, looked up in the real committed catalog (src/catalog/aws-catalog.json).
 */
import { describe, expect, it } from 'vitest';
import { conditionKeysFor, editDistance, isRcpSupported, lookupAction } from '../../src/catalog/index.js';
import { loadCatalog } from '../../src/sources/catalog.js';

const catalog = await loadCatalog();

describe('lookupAction', () => {
  it('returns the canonical action whatever the letter case', () => {
    const result = lookupAction(catalog, 'S3:putobject');
    expect(result).toMatchObject({ status: 'found', exactCase: false, action: { canonical: 's3:PutObject' } });
    expect(lookupAction(catalog, 's3:PutObject')).toMatchObject({ status: 'found', exactCase: true });
  });

  it('suggests the action a typo meant, in the words of the finding', () => {
    expect(lookupAction(catalog, 's3:PutObjcet')).toEqual({
      status: 'unknown-action',
      input: 's3:PutObjcet',
      suggestions: ['s3:PutObject'],
      message: 'not an action of s3; did you mean s3:PutObject?',
    });
  });

  it.each([
    ['kms:Decrpyt', 'kms:Decrypt'],
    ['iam:PasRole', 'iam:PassRole'],
    ['sts:AssumeRoleWithWebIdentiy', 'sts:AssumeRoleWithWebIdentity'],
    ['lambda:UpdateFunctionCod', 'lambda:UpdateFunctionCode'],
    ['cloudfront:CreateInvalidations', 'cloudfront:CreateInvalidation'],
  ])('suggests %s → %s', (input, expected) => {
    const result = lookupAction(catalog, input);
    expect(result.status).toBe('unknown-action');
    expect(result.status !== 'found' && result.suggestions[0]).toBe(expected);
  });

  it('suggests a longer name that starts with what was typed', () => {
    const result = lookupAction(catalog, 's3:PutBucketPubl');
    expect(result.status !== 'found' && result.suggestions).toContain('s3:PutBucketPublicAccessBlock');
  });

  it('says when nothing is near', () => {
    expect(lookupAction(catalog, 's3:Frobnicate')).toMatchObject({
      status: 'unknown-action',
      suggestions: [],
      message: 'not an action of s3',
    });
  });

  it('suggests a service prefix, with the action when that service has it', () => {
    const result = lookupAction(catalog, 's4:GetObject');
    expect(result).toMatchObject({ status: 'unknown-service', input: 's4:GetObject' });
    expect(result.status !== 'found' && result.suggestions[0]).toBe('s3:GetObject');
    expect(result.status !== 'found' && result.message).toMatch(/^not a service prefix; did you mean s3:GetObject/);
  });

  it('suggests prefixes alone when none of them has the action', () => {
    const result = lookupAction(catalog, 'lamda:Frobnicate');
    expect(result.status !== 'found' && result.suggestions).toContain('lambda');
  });

  it.each([
    ['s3:Put*', 'names several actions; name one, like s3:PutObject'],
    ['s3:GetObject?', 'names several actions; name one, like s3:PutObject'],
    ['PutObject', 'not an action; expected service:Action'],
    [':PutObject', 'not an action; expected service:Action'],
    ['s3:', 'not an action; expected service:Action'],
  ])('rejects %j as malformed', (input, message) => {
    expect(lookupAction(catalog, input)).toMatchObject({ status: 'malformed', message });
  });

  it('describes actions with their resource types and condition keys', () => {
    const result = lookupAction(catalog, 's3:PutObject');
    if (result.status !== 'found') throw new Error(result.message);
    const { action } = result;
    expect(action.resourceTypes.map((r) => [r.type.name, r.required])).toEqual([
      ['accesspointobject', false],
      ['object', false],
    ]);
    expect(action.conditionKeys).toContain('s3:x-amz-server-side-encryption');
  });
});

describe('conditionKeysFor', () => {
  it('lists a service’s keys with their types', () => {
    const keys = conditionKeysFor(catalog, 'S3') ?? [];
    expect(keys).toContainEqual({ key: 's3:x-amz-acl', type: 'String' });
    expect(keys).toContainEqual({ key: 'aws:ResourceTag/${TagKey}', type: 'String' });
    expect(conditionKeysFor(catalog, 'kms')).toContainEqual({ key: 'kms:ViaService', type: 'String' });
  });

  it('lists the STS keys of OIDC providers, never split at the first colon', () => {
    const keys = (conditionKeysFor(catalog, 'sts') ?? []).map((k) => k.key);
    expect(keys).toContain('token.actions.githubusercontent.com:repository_owner_id');
    expect(keys).toContain('oidc.circleci.com/org/${OrgId}:oidc.circleci.com/project-id');
  });

  it('knows no keys of an unknown service', () => {
    expect(conditionKeysFor(catalog, 's4')).toBeUndefined();
  });
});

describe('isRcpSupported', () => {
  it.each(['s3', 'sts', 'kms', 'sqs', 'secretsmanager', 'SecretsManager'])('%s supports RCPs', (service) => {
    expect(isRcpSupported(catalog, service)).toBe(true);
  });

  it.each(['iam', 'lambda', 's4'])('%s does not', (service) => {
    expect(isRcpSupported(catalog, service)).toBe(false);
  });
});

describe('editDistance', () => {
  it.each([
    ['putobjcet', 'putobject', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['abc', 'abc', 0],
    ['ab', 'ba', 1],
  ])('%s → %s is %i', (a, b, d) => {
    expect(editDistance(a, b, 5)).toBe(d);
  });

  it('stops counting past the limit', () => {
    expect(editDistance('abcdefgh', 'zyxwvuts', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});
