/** The command that prints a resource's policy, for the fix of a permission whose resource policy was not read. */
import { describe, expect, it } from 'vitest';
import { exportCommand } from '../../src/checks/permissions/resource-export.js';

describe('the command that exports a resource policy (https://docs.aws.amazon.com/cli/latest/reference/)', () => {
  it.each([
    ['arn:aws:s3:::acme-site-prod/*', 'aws s3api get-bucket-policy --bucket acme-site-prod'],
    ['arn:aws:lambda:eu-west-1:111122223333:function:deploy', 'aws lambda get-policy --function-name arn:aws:lambda:'],
    // A layer version's policy is not a function's: get-layer-version-policy, by layer and version number.
    [
      'arn:aws:lambda:us-east-1:094274105915:layer:AWSLambdaPowertoolsTypeScriptV2:27',
      'aws lambda get-layer-version-policy --layer-name arn:aws:lambda:us-east-1:094274105915:layer:AWSLambdaPowertoolsTypeScriptV2 --version-number 27 --query Policy',
    ],
    [
      'arn:aws:lambda:us-east-1:094274105915:layer:AWSLambdaPowertoolsTypeScriptV2:*',
      'aws lambda get-layer-version-policy --layer-name arn:aws:lambda:us-east-1:094274105915:layer:AWSLambdaPowertoolsTypeScriptV2 --version-number VERSION',
    ],
    // The queue URL's host differs by partition, so SQS is asked for it.
    [
      'arn:aws-cn:sqs:cn-north-1:111122223333:jobs',
      'aws sqs get-queue-attributes --queue-url "$(aws sqs get-queue-url --queue-name jobs --queue-owner-aws-account-id 111122223333 --region cn-north-1',
    ],
    [
      'arn:aws:s3:eu-west-1:111122223333:accesspoint/uploads/object/a.txt',
      'aws s3control get-access-point-policy --account-id 111122223333 --name uploads',
    ],
    [
      'arn:aws:dynamodb:eu-west-1:111122223333:table/jobs/index/by-date',
      'aws dynamodb get-resource-policy --resource-arn arn:aws:dynamodb:eu-west-1:111122223333:table/jobs --query',
    ],
    ['arn:aws:sns:eu-west-1:111122223333:alerts', 'aws sns get-topic-attributes --topic-arn arn:aws:sns:'],
    ['arn:aws:ecr:eu-west-1:111122223333:repository/app', 'aws ecr get-repository-policy --repository-name app'],
    ['arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf', 'aws secretsmanager get-resource-policy'],
  ])('%s', (arn, command) => {
    expect(exportCommand(arn)).toContain(command);
  });

  it('a service without a known command is named, not guessed', () => {
    expect(exportCommand('arn:aws:mediastore:eu-west-1:111122223333:container/x')).toBe(
      "the mediastore's own command that prints its resource-based policy",
    );
  });
});
