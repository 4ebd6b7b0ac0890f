import { describe, expect, it } from 'vitest';
import { formatConfigError, parsePermissions } from '../../src/config/permissions.js';

/** Parses text that must be valid and returns its permissions. */
function ok(text: string) {
  const result = parsePermissions(text);
  if (!result.ok) throw new Error(result.errors.map(formatConfigError).join('\n'));
  return result.permissions;
}

/** Parses text that must be invalid and returns its errors, rendered. */
function errors(text: string): string[] {
  const result = parsePermissions(text);
  if (result.ok) throw new Error(`accepted: ${JSON.stringify(result.permissions)}`);
  return result.errors.map(formatConfigError);
}

describe('parsePermissions', () => {
  it('reads ACTION RESOURCE lines, with their origin', () => {
    expect(ok('s3:PutObject arn:aws:s3:::site-bucket/*')).toEqual([
      {
        action: 's3:PutObject',
        resource: 'arn:aws:s3:::site-bucket/*',
        context: {},
        origin: 'input permissions, line 1',
      },
    ]);
  });

  it('reads key=value pairs after the resource', () => {
    const [p] = ok('kms:Decrypt arn:aws:kms:eu-west-1:111111111111:key/abcd kms:ViaService=s3.eu-west-1.amazonaws.com');
    expect(p?.context).toEqual({ 'kms:ViaService': 's3.eu-west-1.amazonaws.com' });
  });

  it('skips blank lines and # comments, and counts lines as the editor does', () => {
    const text = [
      '# deploy permissions',
      '',
      '   s3:PutObject arn:aws:s3:::site-bucket/*   # upload the site',
      '\t',
      'cloudfront:CreateInvalidation arn:aws:cloudfront::111111111111:distribution/E1',
    ].join('\n');
    const list = ok(text);
    expect(list.map((p) => [p.action, p.origin])).toEqual([
      ['s3:PutObject', 'input permissions, line 3'],
      ['cloudfront:CreateInvalidation', 'input permissions, line 5'],
    ]);
    expect(list[0]?.context).toEqual({});
  });

  it('accepts CRLF line endings', () => {
    expect(ok('s3:GetObject arn:aws:s3:::b/k\r\ns3:PutObject arn:aws:s3:::b/k\r\n')).toHaveLength(2);
  });

  it('accepts * as the resource, for actions without resource-level permissions', () => {
    expect(ok('sts:GetCallerIdentity *')[0]?.resource).toBe('*');
  });

  it('makes a repeated key multivalued, in order, and a single one a plain string', () => {
    const [p] = ok('tag:TagResources * aws:TagKeys=team aws:TagKeys=cost-center aws:RequestedRegion=eu-west-1');
    expect(p?.context).toEqual({ 'aws:TagKeys': ['team', 'cost-center'], 'aws:RequestedRegion': 'eu-west-1' });
  });

  it('treats keys case-insensitively, keeping the first spelling', () => {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html: key names are case-insensitive.
    const [p] = ok('tag:TagResources * aws:TagKeys=a AWS:tagkeys=b');
    expect(p?.context).toEqual({ 'aws:TagKeys': ['a', 'b'] });
  });

  it('takes quoted values with spaces, escapes in double quotes, and = inside values', () => {
    const [p] = ok(
      `s3:PutObject arn:aws:s3:::b/* aws:PrincipalTag/team="data eng" s3:x-amz-meta-note='it''s' aws:userid="a\\"b" x:k=a=b`,
    );
    expect(p?.context).toEqual({
      'aws:PrincipalTag/team': 'data eng',
      's3:x-amz-meta-note': 'its',
      'aws:userid': 'a"b',
      'x:k': 'a=b',
    });
  });

  it('keeps # inside quotes and inside a value', () => {
    const [p] = ok('s3:PutObject arn:aws:s3:::b/* x:a="# not a comment" x:b=c#d');
    expect(p?.context).toEqual({ 'x:a': '# not a comment', 'x:b': 'c#d' });
  });

  it('accepts an empty value only when quoted', () => {
    expect(ok('s3:PutObject arn:aws:s3:::b/* x:k=""')[0]?.context).toEqual({ 'x:k': '' });
    expect(errors('s3:PutObject arn:aws:s3:::b/* x:k=')).toEqual([
      'input permissions, line 1: "x:k=" has no value; write x:k="" for "" (in "s3:PutObject arn:aws:s3:::b/* x:k=")',
    ]);
  });

  it('names the line and quotes it when the resource is missing', () => {
    expect(errors('s3:GetObject arn:aws:s3:::b/k\n\ns3:PutObject')).toEqual([
      'input permissions, line 3: "s3:PutObject" needs a resource ARN or *',
    ]);
    expect(errors('s3:PutObject kms:ViaService=x')).toEqual([
      'input permissions, line 1: "s3:PutObject" needs a resource ARN or * (in "s3:PutObject kms:ViaService=x")',
    ]);
  });

  it('refuses an action that is not service:Action', () => {
    expect(errors('s3PutObject arn:aws:s3:::b/*')[0]).toBe(
      'input permissions, line 1: "s3PutObject" is not an action; write it as service:Action, like s3:PutObject (in "s3PutObject arn:aws:s3:::b/*")',
    );
  });

  it('refuses a resource that is neither * nor a six-field ARN', () => {
    expect(errors('s3:PutObject site-bucket/*')[0]).toContain('"site-bucket/*" is not an ARN or *');
    expect(errors('s3:PutObject arn:aws:s3:site')[0]).toContain('"arn:aws:s3:site" is not a complete ARN');
  });

  it('refuses words that are not key=value, and keys that are not condition keys', () => {
    expect(errors('s3:PutObject arn:aws:s3:::b/* extra')[0]).toContain('"extra" is not key=value');
    expect(errors('s3:PutObject arn:aws:s3:::b/* =x')[0]).toContain('"=x" is not key=value');
    expect(errors('s3:PutObject arn:aws:s3:::b/* Region=eu')[0]).toContain('"Region" is not a condition key');
  });

  it('refuses an unterminated quote', () => {
    expect(errors('s3:PutObject arn:aws:s3:::b/* x:k="open')).toEqual([
      'input permissions, line 1: "s3:PutObject arn:aws:s3:::b/* x:k="open" has an unterminated " quote',
    ]);
  });

  it('reports every bad line, not only the first, and names the source it is given', () => {
    const result = parsePermissions('s3:PutObject\nok:Action arn:aws:s3:::b\nbad', '.github/preflight.yml permissions');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.where)).toEqual([
      '.github/preflight.yml permissions, line 1',
      '.github/preflight.yml permissions, line 3',
    ]);
  });

  it('returns an empty list for an empty input', () => {
    expect(ok('')).toEqual([]);
    expect(ok('\n# nothing yet\n')).toEqual([]);
  });
});

describe('parsePermissions: keys declared absent', () => {
  it('reads !key as a key the request does not carry', () => {
    const [p] = ok('s3:PutObject arn:aws:s3:::site-bucket/* !s3:x-amz-server-side-encryption s3:x-amz-acl=private');
    expect(p?.absent).toEqual(['s3:x-amz-server-side-encryption']);
    expect(p?.context).toEqual({ 's3:x-amz-acl': 'private' });
  });

  it('refuses !word that is not a key, and a key both given and declared absent', () => {
    expect(errors('s3:PutObject arn:aws:s3:::b/* !nokey')[0]).toContain('"!nokey" is not !key');
    expect(errors('s3:PutObject arn:aws:s3:::b/* s3:x-amz-acl=private !S3:x-amz-acl')[0]).toContain(
      'also gives it a value',
    );
  });
});
