// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${...}` here is an AWS ARN-format or key placeholder, not JS.
/**
 * Which resource types an ARN fits, against the real catalog's ARN formats.
 */
import { describe, expect, it } from 'vitest';
import { arnFits, compileServiceFormats } from '../../src/catalog/arn-format.js';
import { type ActionInfo, lookupAction, matchResourceTypes, type ResourceFit } from '../../src/catalog/index.js';
import { loadCatalog } from '../../src/sources/catalog.js';

const catalog = await loadCatalog();

function action(name: string): ActionInfo {
  const result = lookupAction(catalog, name);
  if (result.status !== 'found') throw new Error(`${name}: ${result.message}`);
  return result.action;
}

/** The names of the types an ARN fits, or the status when it fits none. */
function fittingTypes(actionName: string, arn: string): string[] | string {
  const result: ResourceFit = matchResourceTypes(catalog, action(actionName), arn);
  return result.status === 'fits' ? result.types.map((t) => t.type.name) : result.status;
}

describe('matchResourceTypes: AWS-owned resources, whose ARN has no account', () => {
  it.each([
    // `aws ssm get-parameter --name /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64` prints
    // this ARN: public parameters have no account
    // (https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-public-parameters.html).
    [
      'ssm:GetParameter',
      'arn:aws:ssm:us-east-1::parameter/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
      ['parameter'],
    ],
    [
      'ssm:GetParameters',
      'arn:aws:ssm:eu-west-1::parameter/aws/service/global-infrastructure/regions/af-south-1',
      ['parameter'],
    ],
    ['ssm:GetParametersByPath', 'arn:aws:ssm:*::parameter/aws/service/*', ['parameter']],
    // A document AWS owns, whose owner "is considered to be Amazon, not a specific user account"
    // (https://docs.aws.amazon.com/systems-manager/latest/userguide/documents-ssm-sharing.html).
    ['ssm:SendCommand', 'arn:aws:ssm:us-east-1::document/AWS-RunShellScript', ['document']],
    ['ssm:SendCommand', 'arn:aws:ssm:us-east-1:111111111111:document/deploy-app', ['document']],
    // The account's own parameters keep theirs.
    ['ssm:GetParameter', 'arn:aws:ssm:us-east-1:111111111111:parameter/app/db-url', ['parameter']],
    // Public AMIs and snapshots: `arn:${Partition}:ec2:${Region}::image/${ImageId}` in the reference.
    ['ec2:RunInstances', 'arn:aws:ec2:us-east-1::image/ami-0abcdef1234567890', ['image']],
    ['ec2:CreateVolume', 'arn:aws:ec2:us-east-1::snapshot/snap-0abcdef1234567890', ['snapshot']],
    // AWS managed policies have `aws` in the account field
    // (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html#aws-managed-policies).
    ['iam:GetPolicy', 'arn:aws:iam::aws:policy/ReadOnlyAccess', ['policy']],
    ['iam:GetPolicyVersion', 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole', ['policy']],
    // S3 bucket and object ARNs have neither Region nor account.
    ['s3:GetObject', 'arn:aws:s3:::amazon-reviews-pds/tsv/x.tsv.gz', ['object']],
  ])('%s on %s fits %j', (name, arn, types) => {
    expect(fittingTypes(name, arn)).toEqual(types);
  });

  it.each([
    // Only /aws/service/ holds public parameters: another parameter without an account is a mistake.
    ['ssm:GetParameter', 'arn:aws:ssm:us-east-1::parameter/app/db-url'],
    // An account's AMI still needs its account, and a managed policy its `aws` or account.
    ['ec2:CreateTags', 'arn:aws:ec2:us-east-1::instance/i-0abc'],
    ['iam:GetPolicy', 'arn:aws:iam:::policy/ReadOnlyAccess'],
  ])('%s on %s fits nothing', (name, arn) => {
    expect(fittingTypes(name, arn)).toBe('no-fit');
  });
});

describe('matchResourceTypes', () => {
  it.each([
    ['s3:PutObject', 'arn:aws:s3:::bucket/key', ['object']],
    ['s3:PutObject', 'arn:aws:s3:::bucket/dir/sub/key.txt', ['object']],
    ['s3:PutObject', 'arn:aws:s3:::site-bucket/*', ['object']],
    ['s3:PutObject', 'arn:aws:s3:us-east-1:111111111111:accesspoint/ap/object/k', ['accesspointobject']],
    ['s3:ListBucket', 'arn:aws:s3:::bucket', ['bucket']],
    ['s3:ListBucket', 'arn:aws-cn:s3:::bucket', ['bucket']],
    ['kms:Decrypt', 'arn:aws:kms:eu-west-1:111111111111:key/abcd-1234', ['key']],
    ['iam:PassRole', 'arn:aws:iam::111111111111:role/deploy', ['role']],
    ['iam:PassRole', 'arn:aws:iam::111111111111:role/service-role/team/deploy', ['role']],
    ['sts:AssumeRoleWithWebIdentity', 'arn:aws:iam::111111111111:role/github-deploy', ['role']],
    ['ecr:PutImage', 'arn:aws:ecr:eu-west-1:111111111111:repository/team/app', ['repository']],
    ['logs:PutLogEvents', 'arn:aws:logs:eu-west-1:111111111111:log-group:/aws/lambda/f:log-stream:s', ['log-stream']],
    ['logs:PutLogEvents', 'arn:aws:logs:eu-west-1:111111111111:log-group:/aws/lambda/f:*', ['log-stream']],
    ['lambda:UpdateFunctionCode', 'arn:aws:lambda:eu-west-1:111111111111:function:api', ['function']],
    ['cloudfront:CreateInvalidation', 'arn:aws:cloudfront::111111111111:distribution/E1ABC', ['distribution']],
  ])('%s on %s fits %j', (name, arn, types) => {
    expect(fittingTypes(name, arn)).toEqual(types);
  });

  it.each([
    ['s3:PutObject', 'arn:aws:s3:::bucket'], // a bucket is not an object
    ['s3:ListBucket', 'arn:aws:s3:::bucket/*'], // …and objects are not a bucket
    ['s3:ListBucket', 'arn:aws:s3:::bucket/key'],
    ['kms:Decrypt', 'arn:aws:kms::111111111111:key/abcd'], // a key ARN has a Region
    ['kms:Decrypt', 'arn:aws:kms:eu-west-1:111111111111:alias/deploy'],
    ['iam:PassRole', 'arn:aws:iam::111111111111:user/alice'],
    ['sts:AssumeRoleWithWebIdentity', 'arn:aws:sts::111111111111:assumed-role/deploy/session'],
    ['logs:CreateLogGroup', 'arn:aws:logs:eu-west-1:111111111111:log-group:/aws/lambda/f:*'],
    ['s3:PutObject', 'site-bucket/key'],
  ])('%s on %s fits nothing', (name, arn) => {
    expect(fittingTypes(name, arn)).toBe('no-fit');
  });

  it('names the expected formats when nothing fits', () => {
    expect(matchResourceTypes(catalog, action('s3:PutObject'), 'arn:aws:s3:::bucket')).toEqual({
      status: 'no-fit',
      expected: action('s3:PutObject').resourceTypes,
      message:
        "fits none of s3:PutObject's resource types: " +
        'accesspointobject (arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}/object/${ObjectName}), ' +
        'object (arn:${Partition}:s3:::${BucketName}/${ObjectName})',
    });
  });

  it('reads a wildcard ARN as every ARN it covers', () => {
    expect(fittingTypes('s3:GetObject', '*')).toEqual(['accesspointobject', 'object']);
    expect(fittingTypes('s3:GetObject', 'arn:aws:s3:::site*')).toEqual(['object']);
    expect(fittingTypes('s3:ListBucket', 'arn:aws:s3:::site*')).toEqual(['bucket']);
    expect(fittingTypes('s3:ListBucket', 'arn:aws:s3:::sit?')).toEqual(['bucket']);
    expect(fittingTypes('kms:Decrypt', 'arn:aws:kms:*:111111111111:key/*')).toEqual(['key']);
    expect(fittingTypes('kms:Decrypt', 'arn:aws:kms:eu-west-1:111111111111:alias/*')).toBe('no-fit');
    // IAM's `*` spans colons and a key id is the format's last placeholder, so this could name a key.
    expect(fittingTypes('kms:Decrypt', 'arn:aws:kms:eu-west-1:*:alias/*')).toEqual(['key']);
  });

  it('accepts only "*" for an action without resource-level permissions', () => {
    const listAll = action('s3:ListAllMyBuckets');
    expect(listAll.resourceTypes).toEqual([]);
    expect(matchResourceTypes(catalog, listAll, '*')).toEqual({ status: 'no-resource-types', fits: true, message: '' });
    expect(matchResourceTypes(catalog, listAll, 'arn:aws:s3:::bucket')).toEqual({
      status: 'no-resource-types',
      fits: false,
      message: 's3:ListAllMyBuckets has no resource-level permissions; only "*" can grant it',
    });
  });
});

describe('arnFits', () => {
  const types = [
    { service: 'x', name: 'bucket', arnFormats: ['arn:${Partition}:x:::${Bucket}'] },
    { service: 'x', name: 'object', arnFormats: ['arn:${Partition}:x:::${Bucket}/${Key}'] },
    { service: 'x', name: 'point', arnFormats: ['arn:${Partition}:x:${Region}:*:point/${Id}'] },
  ];
  const matchers = compileServiceFormats(types);
  const fits = (index: number, arn: string) => {
    const type = types[index];
    return type !== undefined && (matchers.get(type) ?? []).some((m) => arnFits(m, arn));
  };

  it.each([
    [0, 'arn:aws:x:::b', true],
    [0, 'arn:aws:x:::b/k', false],
    [0, 'arn:aws:x:::', false],
    [1, 'arn:aws:x:::b/k/with:colon', true],
    [1, 'arn:aws:x:::b/', false],
    [2, 'arn:aws:x:r::point/p', true],
    [2, 'arn:aws:x:r:123:point/p', true],
    [0, 'arn:aws:x:::*', true],
    [1, 'arn:aws:x:::*', true],
    [0, 'arn:aws:x:::b*', true],
    [0, 'arn:aws:x:::*/k', false],
    [1, 'arn:*', true],
    [2, '*point/p', true],
    [2, '*point/', true], // `*` may cover `arn:aws:x:r::point/` and `${Id}` hold `point/`
    [2, 'arn:aws:y:*', false],
    [0, 'arn:aws:x:::?', true],
    [0, 'arn:aws:x:::??', true],
    [1, 'arn:aws:x:::?', false],
    [1, 'arn:aws:x:::???', true],
  ])('type %i, %s → %s', (index, arn, expected) => {
    expect(fits(index, arn)).toBe(expected);
  });

  it('treats regex characters in formats literally', () => {
    const odd = [{ service: 'y', name: 't', arnFormats: ['arn:${Partition}:y:::a.b+(c)/${Id}'] }];
    const [matcher] = [...compileServiceFormats(odd).values()].flat();
    expect(matcher && arnFits(matcher, 'arn:aws:y:::a.b+(c)/1')).toBe(true);
    expect(matcher && arnFits(matcher, 'arn:aws:y:::aXb+(c)/1')).toBe(false);
    expect(matcher && arnFits(matcher, 'arn:aws:y:::a.b+(c)/*')).toBe(true);
  });
});
