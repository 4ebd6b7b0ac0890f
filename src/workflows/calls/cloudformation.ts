/**
 * `aws cloudformation deploy` and `package`, CLI commands that make several calls. `deploy` reads the stack
 * (DescribeStacks), creates a change set (CreateChangeSet), waits for it (DescribeChangeSet), executes it unless
 * `--no-execute-changeset` (ExecuteChangeSet) and waits for the stack (DescribeStacks); with `--s3-bucket` it first
 * uploads the template there, and a `--role-arn` is passed to CloudFormation (iam:PassRole). The calls are those of
 * the CLI's `awscli/customizations/cloudformation/deployer.py` (github.com/aws/aws-cli) and its reference,
 * https://docs.aws.amazon.com/cli/latest/reference/cloudformation/deploy/index.html. `package` uploads local
 * artifacts to `--s3-bucket` (https://docs.aws.amazon.com/cli/latest/reference/cloudformation/package.html); the
 * uploader looks for an existing object first (HeadObject, s3:GetObject).
 */
import type { CommandNeeds } from './aws-command.js';
import type { AwsInvocation } from './cli.js';
import { type Known, known, type Need } from './need.js';

const DEPLOY_DOC = 'https://docs.aws.amazon.com/cli/latest/reference/cloudformation/deploy/index.html';
const PACKAGE_DOC = 'https://docs.aws.amazon.com/cli/latest/reference/cloudformation/package.html';
/** iam:PassRole when a role is handed to a service (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html). */
export const PASS_ROLE_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html';

export function cloudformationNeeds(command: 'deploy' | 'package', call: AwsInvocation): CommandNeeds {
  const first = (name: string) => known(call.options.get(name)?.[0]);
  const bucket = first('s3-bucket');
  const prefix = first('s3-prefix');
  const uploads = bucket ? uploadNeeds(bucket, prefix, command === 'deploy' ? DEPLOY_DOC : PACKAGE_DOC) : [];
  if (command === 'package') return { kind: 'needs', needs: uploads };
  const region = known(call.globals.get('region'));
  const stack = { StackName: first('stack-name'), ...(region ? { Region: region } : {}) };
  const stackNeed = (action: string, note?: string): Need => ({
    action,
    values: stack,
    type: 'stack',
    docUrl: DEPLOY_DOC,
    ...(note ? { note } : {}),
  });
  const execute = call.options.has('no-execute-changeset') ? [] : [stackNeed('cloudformation:ExecuteChangeSet')];
  const role = first('role-arn');
  const passRole: Need[] = role ? [{ action: 'iam:PassRole', arn: role, docUrl: PASS_ROLE_DOC }] : [];
  return {
    kind: 'needs',
    needs: [
      ...uploads,
      stackNeed('cloudformation:DescribeStacks'),
      stackNeed('cloudformation:CreateChangeSet'),
      stackNeed('cloudformation:DescribeChangeSet'),
      ...execute,
      ...passRole,
    ],
  };
}

function uploadNeeds(bucket: Known, prefix: Known | undefined, docUrl: string): Need[] {
  const under: Known =
    prefix === undefined
      ? { value: '*' }
      : { value: `${prefix.value.replace(/\/$/, '')}/*`, ...(prefix.unknown ? { unknown: prefix.unknown } : {}) };
  const values = { BucketName: bucket, ObjectName: under };
  return [
    { action: 's3:PutObject', values, type: 'object', docUrl },
    {
      action: 's3:GetObject',
      values,
      type: 'object',
      docUrl,
      note: 'the upload first checks whether the object exists',
    },
  ];
}
