// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${...}` here is shell or a GitHub expression, not JS.
/**
 * An action whose service authorization reference marks several resource types required (`*`) is authorized on each
 * of them, so each is an inferred line of its own, checked on its own: "required resource type: the resource-level
 * permissions must be met for the action to succeed"
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html#actions_table).
 * Required types that are alternatives (the same placeholders, or the one resource a whole `--x-arn` names) stay one
 * line, and optional types keep their single line.
 */
import { describe, expect, it } from 'vitest';
import { checkPermissions } from '../../src/checks/permissions.js';
import type { PolicyDocument } from '../../src/model/aws.js';
import { loadCatalog } from '../../src/sources/catalog.js';
import { type CallContext, inferStepCalls } from '../../src/workflows/calls/index.js';
import { assumeRoleSettings, roleModel } from '../fixtures/aws-settings.js';
import { runStep } from '../fixtures/steps/run-step.js';

const catalog = await loadCatalog();
const ACCOUNT = '111111111111';
const CONTEXT: CallContext = { region: 'us-east-1', account: ACCOUNT };
const infer = (script: string, env: Record<string, string> = {}) =>
  inferStepCalls(runStep(script, env), catalog, CONTEXT);
const lines = (script: string) => infer(script).permissions.map((p) => p.line);

describe('ecs:ExecuteCommand: the cluster and the task (ECS Exec, ecs-exec.html: its IAM example names both)', () => {
  it('names the cluster and the task the command gives', () => {
    expect(
      lines('aws ecs execute-command --cluster prod --task abc --container app --interactive --command sh'),
    ).toEqual([
      `ecs:ExecuteCommand arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/prod`,
      `ecs:ExecuteCommand arn:aws:ecs:us-east-1:${ACCOUNT}:task/prod/abc`,
    ]);
  });

  it('uses an ARN given for either whole, and reads the cluster from a task ARN', () => {
    expect(
      lines(
        'aws ecs execute-command --cluster arn:aws:ecs:eu-west-1:222222222222:cluster/prod --task abc --interactive --command sh',
      ),
    ).toEqual([
      'ecs:ExecuteCommand arn:aws:ecs:eu-west-1:222222222222:cluster/prod',
      `ecs:ExecuteCommand arn:aws:ecs:us-east-1:${ACCOUNT}:task/prod/abc`,
    ]);
    expect(
      lines(
        'aws ecs execute-command --task arn:aws:ecs:us-east-1:111111111111:task/prod/abc --interactive --command sh',
      ),
    ).toEqual([
      'ecs:ExecuteCommand arn:aws:ecs:us-east-1:111111111111:task/prod/abc',
      `ecs:ExecuteCommand arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/prod`,
    ]);
  });

  it('CMSgov/cdap .github/workflows/tftesting-ecs-stack.yml (line 101): a task from a step output is unknown', () => {
    // The step's `${{ env.CLUSTER }}` substituted as the workflow's `env:` gives it; the task ARN is a step's output.
    const script = [
      'RESULT=$(aws ecs execute-command \\',
      '  --cluster cdap-test-tftesting-cluster \\',
      '  --task ${{ steps.get-task.outputs.task_arn }} \\',
      '  --container tftesting-a \\',
      '  --interactive \\',
      `  --command "curl -s -o /dev/null -w '%{http_code}' http://tftesting-b:80/" \\`,
      '  2>&1)',
    ].join('\n');
    const calls = infer(script);
    expect(calls.permissions.map((p) => [p.line, p.unknown])).toEqual([
      [`ecs:ExecuteCommand arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/cdap-test-tftesting-cluster`, []],
      [
        `ecs:ExecuteCommand arn:aws:ecs:us-east-1:${ACCOUNT}:task/cdap-test-tftesting-cluster/*`,
        ['TaskId: ${{ steps.get-task.outputs.task_arn }}'],
      ],
    ]);
  });

  it('a policy that allows the cluster alone fails on the task, and names it', () => {
    const role = roleModel(`arn:aws:iam::${ACCOUNT}:role/deploy`, {
      inlinePolicies: [allowOn('ecs:ExecuteCommand', `arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/prod`)],
    });
    const permissions = infer(
      'aws ecs execute-command --cluster prod --task abc --interactive --command sh',
    ).permissions.map((p) => p.permission);
    const findings = checkPermissions({
      role,
      permissions,
      settings: assumeRoleSettings(role.arn, { region: 'us-east-1', sessionName: 'gh' }),
      inventory: { roles: [role], scps: [], rcps: [], resourcePolicies: [] },
      catalog,
      now: Date.UTC(2026, 2, 1) / 1000,
      declaredAbsent: { organizations: 'none', noResourcePolicy: ['*'] },
    });
    expect(findings.map((f) => [f.status, f.evidence.resource])).toEqual([
      ['pass', `arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/prod`],
      ['fail', `arn:aws:ecs:us-east-1:${ACCOUNT}:task/prod/abc`],
    ]);
  });
});

describe('ssm:SendCommand: the document and each instance (run-command-setting-up.html)', () => {
  it('an AWS-owned document has no account in its ARN; an i- instance is EC2, an mi- one a managed instance', () => {
    expect(
      lines(
        'aws ssm send-command --document-name AWS-RunShellScript --instance-ids i-0123456789abcdef0 mi-0123456789abcdef0 --parameters commands=deploy',
      ),
    ).toEqual([
      'ssm:SendCommand arn:aws:ssm:us-east-1::document/AWS-RunShellScript',
      `ssm:SendCommand arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-0123456789abcdef0`,
      `ssm:SendCommand arn:aws:ssm:us-east-1:${ACCOUNT}:managed-instance/mi-0123456789abcdef0`,
    ]);
  });

  it("an account's own document keeps the account; nodes chosen by --targets are unknown", () => {
    const calls = infer('aws ssm send-command --document-name deploy-app --targets Key=tag:role,Values=web');
    expect(calls.permissions.map((p) => [p.line, p.unknown])).toEqual([
      [`ssm:SendCommand arn:aws:ssm:us-east-1:${ACCOUNT}:document/deploy-app`, []],
      [
        `ssm:SendCommand arn:aws:ec2:us-east-1:${ACCOUNT}:instance/*`,
        ['InstanceId: the nodes --targets selects, known only when the command runs'],
      ],
    ]);
  });

  it('a session names its instance, and its AWS-owned document', () => {
    expect(lines('aws ssm start-session --target i-0abc --document-name AWS-StartPortForwardingSession')).toEqual([
      'ssm:StartSession arn:aws:ssm:us-east-1::document/AWS-StartPortForwardingSession',
      `ssm:StartSession arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-0abc`,
    ]);
  });
});

describe('one resource where the required types are alternatives', () => {
  it.each([
    // A whole ARN names the call's one resource: a table or a stream (dynamodb:TagResource: stream*, table*).
    [
      `aws dynamodb tag-resource --resource-arn arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/t --tags Key=a,Value=b`,
      [`dynamodb:TagResource arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/t`],
    ],
    // An Application or a Network Load Balancer's listener (listener/app*, listener/net*, listener/gwy*).
    [
      `aws elbv2 modify-listener --listener-arn arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:listener/app/web/0123456789abcdef/0123456789abcdef --port 443`,
      [
        `elasticloadbalancing:ModifyListener arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:listener/app/web/0123456789abcdef/0123456789abcdef`,
      ],
    ],
    // An EC2 instance or a managed instance, the same placeholders (instance*, managed-instance*).
    [
      'aws ssm describe-instance-patches --instance-id i-0abc',
      [`ssm:DescribeInstancePatches arn:aws:ec2:us-east-1:${ACCOUNT}:instance/*`],
    ],
  ])('%s', (script, expected) => {
    expect(lines(script)).toEqual(expected);
  });

  it.each([
    // One required type each: iam:PassRole role*, ecs:RunTask task-definition* (its cluster is a condition key).
    [
      `aws ecs run-task --cluster prod --task-definition web:3 --overrides '{}'`,
      [`ecs:RunTask arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/web:3`],
    ],
    [
      `aws lambda create-function --function-name f --role arn:aws:iam::${ACCOUNT}:role/fn --code ImageUri=x`,
      [
        `lambda:CreateFunction arn:aws:lambda:us-east-1:${ACCOUNT}:function:f`,
        `iam:PassRole arn:aws:iam::${ACCOUNT}:role/fn`,
      ],
    ],
    ['aws ecs stop-task --cluster prod --task abc', [`ecs:StopTask arn:aws:ecs:us-east-1:${ACCOUNT}:task/prod/abc`]],
  ])('%s', (script, expected) => {
    expect(lines(script)).toEqual(expected);
  });
});

describe('a copy reads its source and writes its destination (API_CopyObject.html, API_UploadPartCopy.html)', () => {
  it.each([
    [
      'aws s3api copy-object --copy-source src-bucket/a%20b.txt --bucket dst --key c.txt',
      ['s3:GetObject arn:aws:s3:::src-bucket/a b.txt', 's3:PutObject arn:aws:s3:::dst/c.txt'],
    ],
    // A version is read with s3:GetObjectVersion (using-with-s3-policy-actions.html).
    [
      'aws s3api copy-object --copy-source "src-bucket/k?versionId=3" --bucket dst --key c.txt',
      ['s3:GetObjectVersion arn:aws:s3:::src-bucket/k', 's3:PutObject arn:aws:s3:::dst/c.txt'],
    ],
    // An access point's object as the source is no ARN of the destination.
    [
      `aws s3api upload-part-copy --copy-source arn:aws:s3:us-east-1:${ACCOUNT}:accesspoint/ap/object/k --bucket dst --key c --part-number 1 --upload-id u`,
      [`s3:GetObject arn:aws:s3:us-east-1:${ACCOUNT}:accesspoint/ap/object/k`, 's3:PutObject arn:aws:s3:::dst/c'],
    ],
  ])('%s', (script, expected) => {
    expect(lines(script)).toEqual(expected);
  });

  it('a source from a variable is unknown, never the destination', () => {
    const calls = infer('aws s3api copy-object --copy-source "$SRC" --bucket dst --key c.txt');
    expect(calls.permissions.map((p) => [p.line, p.unknown])).toEqual([
      ['s3:GetObject arn:aws:s3:::*/*', ['BucketName: $SRC', 'ObjectName: $SRC']],
      ['s3:PutObject arn:aws:s3:::dst/c.txt', []],
    ]);
  });
});

describe('ssm:StartAutomationExecution: the document and the execution it starts (document*, automation-execution*)', () => {
  it("the execution's ID is AWS's, so its `*` is not an unknown", () => {
    const calls = infer('aws ssm start-automation-execution --document-name AWS-RestartEC2Instance');
    expect(calls.permissions.map((p) => [p.line, p.unknown])).toEqual([
      ['ssm:StartAutomationExecution arn:aws:ssm:us-east-1::document/AWS-RestartEC2Instance', []],
      [`ssm:StartAutomationExecution arn:aws:ssm:us-east-1:${ACCOUNT}:automation-execution/*`, []],
    ]);
  });
});

function allowOn(action: string, resource: string): PolicyDocument {
  return {
    name: 'deploy',
    document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: resource }] },
  };
}

describe('an object written with an ACL or tags (using-with-s3-policy-actions.html: PutObject, CopyObject, CreateMultipartUpload)', () => {
  it.each([
    [
      'aws s3api put-object --bucket www --key index.html --body index.html --acl public-read',
      ['s3:PutObject arn:aws:s3:::www/index.html', 's3:PutObjectAcl arn:aws:s3:::www/index.html'],
    ],
    [
      'aws s3api put-object --bucket www --key a --body a --grant-read uri=http://acs.amazonaws.com/groups/global/AllUsers',
      ['s3:PutObject arn:aws:s3:::www/a', 's3:PutObjectAcl arn:aws:s3:::www/a'],
    ],
    [
      'aws s3api put-object --bucket www --key a --body a --tagging "team=web"',
      ['s3:PutObject arn:aws:s3:::www/a', 's3:PutObjectTagging arn:aws:s3:::www/a'],
    ],
    [
      'aws s3api copy-object --copy-source src/k --bucket dst --key k --acl bucket-owner-full-control --tagging a=b --tagging-directive REPLACE',
      [
        's3:GetObject arn:aws:s3:::src/k',
        's3:PutObject arn:aws:s3:::dst/k',
        's3:PutObjectAcl arn:aws:s3:::dst/k',
        's3:PutObjectTagging arn:aws:s3:::dst/k',
      ],
    ],
    ['aws s3api put-object --bucket www --key a --body a', ['s3:PutObject arn:aws:s3:::www/a']],
  ])('%s', (script, expected) => {
    expect(lines(script)).toEqual(expected);
  });
});
