/** The command that prints a resource's policy, for the fix of a permission whose resource policy was not read. */
import { describe, expect, it } from 'vitest';
import { exportCommand } from '../../src/checks/permissions/resource-export.js';

describe('the command that exports a resource policy (https://docs.aws.amazon.com/cli/latest/reference/)', () => {
  it.each([
    ['arn:aws:s3:::acme-site-prod/*', 'aws s3api get-bucket-policy --bucket acme-site-prod'],
    ['arn:aws:lambda:eu-west-1:111122223333:function:deploy', 'aws lambda get-policy --function-name arn:aws:lambda:'],
    [
      'arn:aws:sqs:eu-west-1:111122223333:jobs',
      'aws sqs get-queue-attributes --queue-url https://sqs.eu-west-1.amazonaws.com/111122223333/jobs --attribute-names Policy',
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
