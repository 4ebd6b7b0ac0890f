// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${...}` here is shell or a GitHub expression, not JS.
/**
 * The permissions inferred for real deploy scripts and steps (__tests__/fixtures/steps/public-scripts.ts, each with
 * its source), checked against the real catalog (src/catalog/aws-catalog.json).
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/sources/catalog.js';
import { type CallContext, type CallStep, inferStepCalls, type StepCalls } from '../../src/workflows/calls/index.js';
import { SCRIPTS, STARTER_ECS } from '../fixtures/steps/public-scripts.js';
import { runStep, STEP_FILE } from '../fixtures/steps/run-step.js';

const catalog = await loadCatalog();
const FILE = STEP_FILE;
const CONTEXT: CallContext = { region: 'us-east-1', account: '111122223333' };

const lines = (calls: StepCalls) => calls.permissions.map((p) => p.line);
const infer = (script: string, context: CallContext = CONTEXT) => inferStepCalls(runStep(script), catalog, context);

describe('public deploy scripts', () => {
  it('sync --delete and an invalidation: list, put and delete under the bucket, the distribution (glowbuzzer/gbt)', () => {
    const calls = infer(SCRIPTS.s3SyncInvalidate.script);
    expect(lines(calls)).toEqual([
      's3:ListBucket arn:aws:s3:::*',
      's3:PutObject arn:aws:s3:::*/*',
      's3:DeleteObject arn:aws:s3:::*/*',
      'cloudfront:CreateInvalidation arn:aws:cloudfront::111122223333:distribution/*',
    ]);
    expect(calls.permissions[0]?.unknown).toEqual(['BucketName: $1']);
    expect(calls.permissions[3]?.unknown).toEqual(['DistributionId: $2']);
    // The invalidation stands on the script's third line, after two continuations.
    expect(calls.permissions.map((p) => p.position.line)).toEqual([20, 20, 20, 22]);
    expect(calls.notInferred).toEqual([]);
  });

  it('literal names give exact resources (pdav5883/bracket-revival)', () => {
    const calls = infer(SCRIPTS.s3SyncLiteral.script);
    expect(lines(calls)).toEqual([
      's3:ListBucket arn:aws:s3:::bracket-revival-public',
      's3:PutObject arn:aws:s3:::bracket-revival-public/*',
      'cloudfront:CreateInvalidation arn:aws:cloudfront::111122223333:distribution/EAYYH2TLICFBU',
    ]);
    expect(calls.permissions.every((p) => p.unknown.length === 0)).toBe(true);
    expect(calls.permissions[2]?.docUrl).toBe(
      'https://docs.aws.amazon.com/cli/latest/reference/cloudfront/create-invalidation.html',
    );
  });

  it('commented-out commands are not calls; --region names the region (VictorAdeB/containers-admiral-trucking)', () => {
    const calls = infer(SCRIPTS.ecsCommented.script);
    expect(lines(calls)).toEqual([
      'ecs:UpdateService arn:aws:ecs:us-west-1:111122223333:service/truck-cluster/truck-service',
    ]);
    expect(calls.permissions[0]?.position).toEqual({ file: FILE, line: 26, column: 1 });
    expect(calls.permissions[0]?.permission).toEqual({
      action: 'ecs:UpdateService',
      resource: 'arn:aws:ecs:us-west-1:111122223333:service/truck-cluster/truck-service',
      context: {},
      origin: `inferred from ${FILE}:26 (aws ecs update-service)`,
    });
  });

  it('a global option between service and operation (TiffanyHoang/frameworkless-basic-web-application-api)', () => {
    expect(lines(infer(SCRIPTS.ecsNoPager.script))).toEqual([
      'ecs:UpdateService arn:aws:ecs:us-east-1:111122223333:service/tiffany-cluster/tiffany-service',
    ]);
  });

  it('a call inside $(...) is read; a name assigned from it is unknown (Vitiate/AWS-sample-lamp)', () => {
    const calls = infer(SCRIPTS.ecsSubstitution.script);
    expect(lines(calls)).toEqual([
      'ssm:GetParameter arn:aws:ssm:us-east-1:111122223333:parameter/cloudformation/applications/*/ecs-cluster/cluster/name',
      'ecs:UpdateService arn:aws:ecs:us-east-1:111122223333:service/*/*',
    ]);
    expect(calls.permissions[1]?.unknown).toEqual(['ClusterName: $ECSName', 'ServiceName: $1']);
  });

  it('a variable the step gives as a literal is substituted (schibsted/slack-calendar-topic)', () => {
    const step = runStep(SCRIPTS.lambdaVariable.script, { AWS_LAMBDA_NAME: 'calendar-topic' });
    expect(lines(inferStepCalls(step, catalog, CONTEXT))).toEqual([
      'lambda:UpdateFunctionCode arn:aws:lambda:us-east-1:111122223333:function:calendar-topic',
    ]);
  });

  it('aws configure makes no call (RockefellerArchiveCenter/deploy_scripts)', () => {
    const calls = infer(SCRIPTS.lambdaConfigure.script);
    expect(lines(calls)).toEqual(['lambda:UpdateFunctionCode arn:aws:lambda:us-east-1:111122223333:function:*']);
    expect(calls.permissions[0]?.unknown).toEqual(['FunctionName: ${LAMBDA_FUNCTION_NAME}']);
  });

  it('cloudformation deploy: its four calls on the stack (pikirk/unobtanium-infra-core)', () => {
    const stack = 'arn:aws:cloudformation:us-east-1:111122223333:stack/infra-s3-terraform/*';
    expect(lines(infer(SCRIPTS.cloudformationDeploy.script))).toEqual([
      `cloudformation:DescribeStacks ${stack}`,
      `cloudformation:CreateChangeSet ${stack}`,
      `cloudformation:DescribeChangeSet ${stack}`,
      `cloudformation:ExecuteChangeSet ${stack}`,
    ]);
  });

  it('a call run through dotenv run, its output piped (tamuto/usermgr)', () => {
    const calls = infer(SCRIPTS.lambdaDotenv.script);
    expect(lines(calls)).toEqual(['lambda:UpdateFunctionCode arn:aws:lambda:us-east-1:111122223333:function:usermgr']);
    expect(calls.permissions[0]?.position.line).toBe(25);
    expect(calls.notInferred).toEqual([]);
  });

  it('a call whose output is assigned (yoshi65/aws-utils)', () => {
    const calls = infer(SCRIPTS.lambdaAssigned.script);
    expect(lines(calls)).toEqual(['lambda:UpdateFunctionCode arn:aws:lambda:us-east-1:111122223333:function:post-sns']);
    expect(calls.permissions[0]?.position.line).toBe(27);
  });

  it('a sourced file is asked about; an unknown region stays * (farayez/cloud-management)', () => {
    const calls = infer(SCRIPTS.ecsSourced.script, { account: '111122223333' });
    expect(lines(calls)).toEqual(['ecs:UpdateService arn:aws:ecs:*:111122223333:service/*/*']);
    expect(calls.permissions[0]?.unknown).toEqual([
      'Region: $aws_region',
      'ClusterName: $ecs_cluster',
      'ServiceName: $ecs_service',
    ]);
    expect(calls.notInferred).toMatchObject([{ kind: 'script-file', what: '. ./utils/initialize.sh' }]);
    expect(calls.notInferred[0]?.position.line).toBe(22);
  });
});

describe('actions/starter-workflows deployments/aws.yml', () => {
  const context: CallContext = { ...CONTEXT, env: STARTER_ECS.env };
  const run = (name: keyof typeof STARTER_ECS.steps) =>
    inferStepCalls(STARTER_ECS.steps[name] as CallStep, catalog, context);

  it('amazon-ecr-login needs the authorization token, cited from its README', () => {
    const calls = run('login');
    expect(lines(calls)).toEqual(['ecr:GetAuthorizationToken *']);
    expect(calls.permissions[0]).toMatchObject({
      via: 'aws-actions/amazon-ecr-login',
      docUrl: 'https://github.com/aws-actions/amazon-ecr-login#permissions',
      position: { line: 67 },
    });
  });

  it('docker push to the registry the login step printed: the push actions on the repository', () => {
    const calls = run('build');
    const repo = 'arn:aws:ecr:us-east-1:111122223333:repository/MY_ECR_REPOSITORY';
    expect(lines(calls)).toEqual([
      `ecr:BatchCheckLayerAvailability ${repo}`,
      `ecr:InitiateLayerUpload ${repo}`,
      `ecr:UploadLayerPart ${repo}`,
      `ecr:CompleteLayerUpload ${repo}`,
      `ecr:PutImage ${repo}`,
    ]);
    expect(calls.permissions[0]?.position.line).toBe(79);
  });

  it("without the job's region, the workflow's AWS_REGION is the region", () => {
    const calls = inferStepCalls(STARTER_ECS.steps.build as CallStep, catalog, { env: STARTER_ECS.env });
    expect(calls.permissions[0]?.resource).toBe('arn:aws:ecr:MY_AWS_REGION:*:repository/MY_ECR_REPOSITORY');
    expect(calls.permissions[0]?.unknown).toEqual(['Account: not given']);
  });

  it('render-task-definition with a task definition file makes no call', () => {
    expect(run('render')).toEqual({ permissions: [], notInferred: [] });
  });

  it('amazon-ecs-deploy-task-definition: register, pass the task roles, describe and update the service', () => {
    const service = 'arn:aws:ecs:us-east-1:111122223333:service/MY_ECS_CLUSTER/MY_ECS_SERVICE';
    const calls = run('deploy');
    expect(lines(calls)).toEqual([
      // The README grants it on *; the reference gives it a resource type, the family the file names (not read).
      'ecs:RegisterTaskDefinition arn:aws:ecs:us-east-1:111122223333:task-definition/*:*',
      'iam:PassRole arn:aws:iam::111122223333:role/*',
      `ecs:DescribeServices ${service}`,
      `ecs:UpdateService ${service}`,
    ]);
    // The file is a render step's output this fixture does not have (src/workflows/calls/task-definition.ts).
    expect(calls.permissions[1]?.notes).toContain(
      'the task definition file is not known: its task-definition `${{ steps.task-def.outputs.task-definition }}` is not known before the run, so the roles it names (taskRoleArn, executionRoleArn) are not known',
    );
  });
});
