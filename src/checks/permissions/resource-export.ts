/**
 * The AWS CLI command that prints a resource's resource-based policy, for the fix of a permission whose resource
 * policy was not read (the live reads read S3 bucket and KMS key policies only, src/sources/aws-resource-policies.ts).
 * Each command is the service's own read of the policy, from its CLI reference
 * (https://docs.aws.amazon.com/cli/latest/reference/): the policy it prints goes into a policy folder's
 * resource-policies/ as `{ "ResourceArn", "Policy" }` (docs/policy-folder.md). Pure.
 */

/** The ARN's parts: service, region, account and the resource part (`function:deploy`, `queue-name`). */
function parts(arn: string) {
  const [, , service = '', region = '', account = '', ...rest] = arn.split(':');
  return { service, region, account, resource: rest.join(':') };
}

/** The last segment of a resource part (`repository/app` → `app`, `function:deploy` → `deploy`). */
const lastOf = (resource: string) => resource.slice(Math.max(resource.lastIndexOf('/'), resource.lastIndexOf(':')) + 1);

const COMMANDS: Readonly<Record<string, (arn: string) => string>> = {
  s3: (arn) => {
    // An access point's policy is S3 Control's (https://docs.aws.amazon.com/cli/latest/reference/s3control/get-access-point-policy.html).
    const { account, resource } = parts(arn);
    const accessPoint = resource.match(/^accesspoint\/([^/]+)/)?.[1];
    if (accessPoint)
      return `aws s3control get-access-point-policy --account-id ${account} --name ${accessPoint} --query Policy --output text`;
    return `aws s3api get-bucket-policy --bucket ${resource.split('/')[0]} --query Policy --output text`;
  },
  kms: (arn) => `aws kms get-key-policy --key-id ${arn} --policy-name default --query Policy --output text`,
  lambda: (arn) => {
    // A layer version's policy is its own read, by name (or layer ARN) and version number
    // (https://docs.aws.amazon.com/cli/latest/reference/lambda/get-layer-version-policy.html); a function's (with
    // its version or alias) is get-policy's (https://docs.aws.amazon.com/cli/latest/reference/lambda/get-policy.html).
    const layer = arn.match(/^(arn:[^:]+:lambda:[^:]*:[^:]*:layer:[^:]+)(?::(\d+))?/);
    if (layer)
      return `aws lambda get-layer-version-policy --layer-name ${layer[1]} --version-number ${layer[2] ?? 'VERSION'} --query Policy --output text${layer[2] ? '' : ' (for each VERSION the deploy reads)'}`;
    return `aws lambda get-policy --function-name ${arn} --query Policy --output text`;
  },
  sqs: (arn) => {
    // The queue's URL from SQS itself, whose host differs by partition (sqs.cn-north-1.amazonaws.com.cn):
    // https://docs.aws.amazon.com/cli/latest/reference/sqs/get-queue-url.html.
    const { region, account, resource } = parts(arn);
    return `aws sqs get-queue-attributes --queue-url "$(aws sqs get-queue-url --queue-name ${resource} --queue-owner-aws-account-id ${account} --region ${region} --query QueueUrl --output text)" --attribute-names Policy --query Attributes.Policy --output text`;
  },
  sns: (arn) => `aws sns get-topic-attributes --topic-arn ${arn} --query Attributes.Policy --output text`,
  ecr: (arn) =>
    `aws ecr get-repository-policy --repository-name ${parts(arn).resource.replace(/^repository\//, '')} --query policyText --output text`,
  secretsmanager: (arn) =>
    `aws secretsmanager get-resource-policy --secret-id ${arn} --query ResourcePolicy --output text`,
  // An index has no policy of its own: its table's governs it
  // (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/access-control-resource-based.html).
  dynamodb: (arn) =>
    `aws dynamodb get-resource-policy --resource-arn ${arn.replace(/\/index\/.*$/, '')} --query Policy --output text`,
  kinesis: (arn) => `aws kinesis get-resource-policy --resource-arn ${arn} --query Policy --output text`,
  events: (arn) => `aws events describe-event-bus --name ${lastOf(parts(arn).resource)} --query Policy --output text`,
  logs: () => 'aws logs describe-resource-policies',
  glue: (arn) => `aws glue get-resource-policy --resource-arn ${arn} --query PolicyInJson --output text`,
  backup: (arn) =>
    `aws backup get-backup-vault-access-policy --backup-vault-name ${lastOf(parts(arn).resource)} --query Policy --output text`,
  elasticfilesystem: (arn) =>
    `aws efs describe-file-system-policy --file-system-id ${lastOf(parts(arn).resource)} --query Policy --output text`,
  ecr_public: (arn) =>
    `aws ecr-public get-repository-policy --repository-name ${lastOf(parts(arn).resource)} --query policyText --output text`,
};

/** The command that prints the resource policy of `arn`, or a pointer to the service's own read when none is known. */
export function exportCommand(arn: string): string {
  const { service } = parts(arn);
  const command = COMMANDS[service.replace(/-/g, '_')];
  return command ? command(arn) : `the ${service || 'service'}'s own command that prints its resource-based policy`;
}
