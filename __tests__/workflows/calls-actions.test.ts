// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` here is a GitHub expression, not JS.
/**
 * Well-known actions: the permissions each one's README lists (src/workflows/calls/actions.ts cites the file and
 * commit), with resources from its `with:` inputs; an AWS-looking action the preflight does not know is asked about.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/sources/catalog.js';
import { type CallStep, type CallValue, inferStepCalls } from '../../src/workflows/calls/index.js';
import { readWorkflowModel } from '../../src/workflows/index.js';
import { literal, unknown, uses } from '../fixtures/steps/run-step.js';

const catalog = await loadCatalog();
const lines = (step: CallStep) =>
  inferStepCalls(step, catalog, { region: 'us-east-1', account: '111122223333' }).permissions.map((p) => p.line);

describe('aws-actions/aws-cloudformation-github-deploy (its README, "Permissions")', () => {
  const stack = 'arn:aws:cloudformation:us-east-1:111122223333:stack';

  it('create-only mode, as in the README example: no ExecuteChangeSet; the name is an expression', () => {
    const step = uses('aws-actions/aws-cloudformation-github-deploy@v2.0.0', {
      mode: literal('create-only'),
      name: unknown('pr-review-${{ github.event.pull_request.number }}', 'github.event.pull_request.number'),
      template: literal('template.yaml'),
    });
    const calls = inferStepCalls(step, catalog, { region: 'us-east-1', account: '111122223333' });
    expect(calls.permissions.map((p) => p.action)).toEqual([
      'cloudformation:DescribeStacks',
      'cloudformation:CreateChangeSet',
      'cloudformation:DescribeChangeSet',
      'cloudformation:DescribeEvents',
      'cloudformation:DeleteChangeSet',
      'cloudformation:DeleteStack',
    ]);
    expect(calls.permissions[0]?.resource).toBe(`${stack}/pr-review-*/*`);
    expect(calls.permissions[0]?.unknown[0]).toContain('github.event.pull_request.number');
  });

  it('the default mode executes, and a role-arn is passed', () => {
    const step = uses('aws-actions/aws-cloudformation-github-deploy@v1', {
      name: literal('MyStack'),
      template: literal('myStack.yaml'),
      'role-arn': literal('arn:aws:iam::111122223333:role/cfn-exec'),
    });
    expect(lines(step)).toEqual([
      `cloudformation:DescribeStacks ${stack}/MyStack/*`,
      `cloudformation:CreateChangeSet ${stack}/MyStack/*`,
      `cloudformation:DescribeChangeSet ${stack}/MyStack/*`,
      `cloudformation:ExecuteChangeSet ${stack}/MyStack/*`,
      `cloudformation:DescribeEvents ${stack}/MyStack/*`,
      `cloudformation:DeleteChangeSet ${stack}/MyStack/*`,
      `cloudformation:DeleteStack ${stack}/MyStack/*`,
      'iam:PassRole arn:aws:iam::111122223333:role/cfn-exec',
    ]);
  });
});

describe('aws-actions/aws-cloudformation-github-deploy: the template in S3 (its src/main.ts at 197fa4a)', () => {
  // The README's example with `s3-bucket`/`s3-prefix` (action.yml, 197fa4a): the action uploads the template with
  // PutObjectCommand to `${s3-prefix}/${path.basename(template)}`, then passes its URL as TemplateURL, which
  // CloudFormation reads with the caller's access (API_CreateChangeSet.html, TemplateURL).
  it('a local template uploaded to s3-bucket under s3-prefix: PutObject and GetObject on that key', () => {
    const step = uses('aws-actions/aws-cloudformation-github-deploy@v1', {
      name: literal('MyStack'),
      template: literal('cfn/myStack.yaml'),
      's3-bucket': literal('acme-cfn-templates'),
      's3-prefix': literal('mystack'),
    });
    const s3 = lines(step).filter((l) => l.startsWith('s3:'));
    expect(s3).toEqual([
      's3:PutObject arn:aws:s3:::acme-cfn-templates/mystack/myStack.yaml',
      's3:GetObject arn:aws:s3:::acme-cfn-templates/mystack/myStack.yaml',
    ]);
    const noPrefix = uses('aws-actions/aws-cloudformation-github-deploy@v1', {
      name: literal('MyStack'),
      template: literal('myStack.yaml'),
      's3-bucket': literal('acme-cfn-templates'),
    });
    expect(lines(noPrefix).filter((l) => l.startsWith('s3:PutObject'))).toEqual([
      's3:PutObject arn:aws:s3:::acme-cfn-templates/myStack.yaml',
    ]);
  });

  it("a template URL, as the README's EKS quick start example gives it: GetObject on that object by the caller", () => {
    const step = (template: string) =>
      uses('aws-actions/aws-cloudformation-github-deploy@v1', { name: literal('eks'), template: literal(template) });
    expect(
      lines(
        step('https://s3.amazonaws.com/aws-quickstart/quickstart-amazon-eks/templates/amazon-eks-master.template.yaml'),
      ).filter((l) => l.startsWith('s3:')),
    ).toEqual([
      's3:GetObject arn:aws:s3:::aws-quickstart/quickstart-amazon-eks/templates/amazon-eks-master.template.yaml',
    ]);
    expect(
      lines(step('https://acme-cfn-templates.s3.amazonaws.com/other/stack.yaml')).filter((l) => l.startsWith('s3:')),
    ).toEqual(['s3:GetObject arn:aws:s3:::acme-cfn-templates/other/stack.yaml']);
    const other = inferStepCalls(step('https://example.com/stack.yaml'), catalog, { region: 'us-east-1' });
    const get = other.permissions.find((p) => p.action === 's3:GetObject');
    expect(get?.resource).toBe('arn:aws:s3:::*/*');
    expect(get?.unknown.join(' ')).toContain('not an S3 object URL');
  });

  it('a local template without s3-bucket is sent as TemplateBody: no S3 line', () => {
    const step = uses('aws-actions/aws-cloudformation-github-deploy@v1', {
      name: literal('MyStack'),
      template: literal('myStack.yaml'),
    });
    expect(lines(step).filter((l) => l.startsWith('s3:'))).toEqual([]);
  });
});

describe('aws-actions/aws-lambda-deploy (its README, "Permissions")', () => {
  it('the function, its role, and the S3 deployment method', () => {
    const fn = 'arn:aws:lambda:us-east-1:111122223333:function:my-fn';
    const step = uses('aws-actions/aws-lambda-deploy@v1', {
      'function-name': literal('my-fn'),
      'code-artifacts-dir': literal('./dist'),
      role: literal('arn:aws:iam::111122223333:role/lambda-exec'),
      's3-bucket': literal('my-s3-bucket'),
      publish: literal(true),
    });
    expect(lines(step)).toEqual([
      `lambda:GetFunctionConfiguration ${fn}`,
      `lambda:CreateFunction ${fn}`,
      `lambda:UpdateFunctionCode ${fn}`,
      `lambda:UpdateFunctionConfiguration ${fn}`,
      `lambda:PublishVersion ${fn}`,
      'iam:PassRole arn:aws:iam::111122223333:role/lambda-exec',
      's3:ListBucket arn:aws:s3:::my-s3-bucket',
      's3:GetObject arn:aws:s3:::my-s3-bucket/*',
      's3:PutObject arn:aws:s3:::my-s3-bucket/*',
    ]);
  });
});

describe('aws-actions/aws-lambda-deploy: a container image (its action.yml and README "Permissions", 5ab3fe6)', () => {
  it("package-type Image with image-uri: the repository's actions Lambda's images-create.html lists", () => {
    const repo = 'arn:aws:ecr:us-east-1:111122223333:repository/hello-world';
    const step = uses('aws-actions/aws-lambda-deploy@v1', {
      'function-name': literal('my-fn'),
      'package-type': literal('Image'),
      'image-uri': literal('111122223333.dkr.ecr.us-east-1.amazonaws.com/hello-world:latest'),
    });
    expect(lines(step).filter((l) => l.startsWith('ecr:'))).toEqual([
      `ecr:BatchGetImage ${repo}`,
      `ecr:GetDownloadUrlForLayer ${repo}`,
      `ecr:GetRepositoryPolicy ${repo}`,
      `ecr:SetRepositoryPolicy ${repo}`,
    ]);
  });
});

describe('aws-actions/amazon-ecr-login and amazon-ecs-deploy-task-definition', () => {
  it('a public registry login needs ECR Public and sts:GetServiceBearerToken', () => {
    expect(lines(uses('aws-actions/amazon-ecr-login@v2', { 'registry-type': literal('public') }))).toEqual([
      'ecr-public:GetAuthorizationToken *',
      'sts:GetServiceBearerToken *',
    ]);
  });

  it('a CodeDeploy service deploys through CodeDeploy ("AWS CodeDeploy Support")', () => {
    const group = 'arn:aws:codedeploy:us-east-1:111122223333:deploymentgroup:app/group';
    const step = uses('aws-actions/amazon-ecs-deploy-task-definition@v2', {
      'task-definition': literal('task-definition.json'),
      service: literal('web'),
      cluster: literal('prod'),
      'codedeploy-appspec': literal('appspec.json'),
      'codedeploy-application': literal('app'),
      'codedeploy-deployment-group': literal('group'),
    });
    expect(lines(step)).toEqual([
      'ecs:RegisterTaskDefinition arn:aws:ecs:us-east-1:111122223333:task-definition/*:*',
      'iam:PassRole arn:aws:iam::111122223333:role/*',
      'ecs:DescribeServices arn:aws:ecs:us-east-1:111122223333:service/prod/web',
      `codedeploy:GetDeploymentGroup ${group}`,
      `codedeploy:CreateDeployment ${group}`,
      `codedeploy:GetDeployment ${group}`,
      'codedeploy:GetDeploymentConfig arn:aws:codedeploy:us-east-1:111122223333:deploymentconfig:*',
      'codedeploy:RegisterApplicationRevision arn:aws:codedeploy:us-east-1:111122223333:application:app',
    ]);
  });
});

describe('aws-actions/amazon-ecs-render-task-definition (its index.js)', () => {
  it('by ARN and family, as burningmantech/ranger-ims-go .github/workflows/deploy.yml (535fc67) gives them: DescribeTaskDefinition on *', () => {
    const step = uses('aws-actions/amazon-ecs-render-task-definition@138c24f321fdbdf7edee4a685519d253cae2cdea', {
      'task-definition-arn': unknown(
        '${{ env.AWS_ECS_TASK_DEFINITION_ARN_PRODUCTION }}',
        'env.AWS_ECS_TASK_DEFINITION_ARN_PRODUCTION',
      ),
      'task-definition-family': unknown(
        '${{ env.AWS_ECS_TASK_DEFINITION_FAMILY_PRODUCTION }}',
        'env.AWS_ECS_TASK_DEFINITION_FAMILY_PRODUCTION',
      ),
      'container-name': unknown('${{ env.AWS_ECS_CONTAINER_NAME }}', 'env.AWS_ECS_CONTAINER_NAME'),
    });
    expect(lines(step)).toEqual(['ecs:DescribeTaskDefinition *']);
  });

  it('by family alone', () => {
    const step = uses('aws-actions/amazon-ecs-render-task-definition@v1', {
      'task-definition-family': literal('web'),
      'container-name': literal('web'),
      image: literal('nginx'),
    });
    expect(lines(step)).toEqual(['ecs:DescribeTaskDefinition *']);
  });

  it('a task definition file is read in place of the call; an expression for it may be empty', () => {
    const file = { 'task-definition': literal('task-definition.json'), 'container-name': literal('web') };
    expect(lines(uses('aws-actions/amazon-ecs-render-task-definition@v1', file))).toEqual([]);
    const both = { ...file, 'task-definition-family': literal('web') };
    expect(lines(uses('aws-actions/amazon-ecs-render-task-definition@v1', both))).toEqual([]);
    const maybe = { ...both, 'task-definition': unknown('${{ env.TASK_DEF }}', 'env.TASK_DEF') };
    const calls = inferStepCalls(uses('aws-actions/amazon-ecs-render-task-definition@v1', maybe), catalog, {
      region: 'us-east-1',
      account: '111122223333',
    });
    expect(calls.permissions.map((p) => p.line)).toEqual(['ecs:DescribeTaskDefinition *']);
    expect(calls.permissions[0]?.notes.join(' ')).toMatch(/only when `task-definition` .* is empty/);
  });
});

describe('amazon-ecs-deploy-task-definition: tags on the task it runs (its index.js runTask(), c465972)', () => {
  // The inputs of GitHub's ECS starter workflow step (actions/starter-workflows deployments/aws.yml, 20731f1) with
  // `run-task`/`run-task-tags` of the action's action.yml: runTask() passes the tags to ecs.runTask, and "If tags are
  // specified in the resource-creating action, AWS performs additional authorization"
  // (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/supported-iam-actions-tagging.html).
  const deploy = (extra: Record<string, CallValue>) =>
    uses('aws-actions/amazon-ecs-deploy-task-definition@v2', {
      'task-definition': literal('.aws/task-definition.json'),
      service: literal('web'),
      cluster: literal('prod'),
      'wait-for-service-stability': literal(true),
      ...extra,
    });

  it('run-task with run-task-tags: ecs:TagResource on the task, under ecs:CreateAction RunTask', () => {
    const calls = inferStepCalls(
      deploy({ 'run-task': literal(true), 'run-task-tags': literal('[{"key":"deployedBy","value":"gha"}]') }),
      catalog,
      { region: 'us-east-1', account: '111122223333' },
    );
    const tag = calls.permissions.filter((p) => p.action === 'ecs:TagResource');
    expect(tag.map((p) => p.line)).toEqual(['ecs:TagResource arn:aws:ecs:us-east-1:111122223333:task/prod/*']);
    expect(tag[0]?.unknown).toEqual([]);
    expect(tag[0]?.permission.context).toEqual({ 'ecs:CreateAction': 'RunTask' });
  });

  it('no tags, `[]`, or no run-task: no ecs:TagResource', () => {
    for (const extra of [
      { 'run-task': literal(true) },
      { 'run-task': literal(true), 'run-task-tags': literal('[]') },
      { 'run-task-tags': literal('[{"key":"a","value":"b"}]') },
    ]) {
      expect(lines(deploy(extra)).filter((l) => l.startsWith('ecs:TagResource'))).toEqual([]);
    }
  });
});

describe('aws-secretsmanager-get-secrets and aws-codebuild-run-build (their READMEs)', () => {
  it('each secret by name, ARN or prefix, and ListSecrets', () => {
    const step = uses('aws-actions/aws-secretsmanager-get-secrets@v3', {
      'secret-ids': literal(
        'prod/db\nAPI_KEY, arn:aws:secretsmanager:us-east-1:111122223333:secret:api-AbCdEf\nbeta/*\n',
      ),
    });
    expect(lines(step)).toEqual([
      'secretsmanager:ListSecrets *',
      'secretsmanager:GetSecretValue arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db-??????',
      'secretsmanager:GetSecretValue arn:aws:secretsmanager:us-east-1:111122223333:secret:api-AbCdEf',
      'secretsmanager:GetSecretValue arn:aws:secretsmanager:us-east-1:111122223333:secret:beta/*',
      // The secrets' KMS key is not known: asked about, as for `aws secretsmanager get-secret-value`.
      'kms:Decrypt arn:aws:kms:us-east-1:111122223333:key/*',
    ]);
  });

  it("the project and its build's log streams", () => {
    expect(lines(uses('aws-actions/aws-codebuild-run-build@v1', { 'project-name': literal('web-build') }))).toEqual([
      'codebuild:StartBuild arn:aws:codebuild:us-east-1:111122223333:project/web-build',
      'codebuild:BatchGetBuilds arn:aws:codebuild:us-east-1:111122223333:project/web-build',
      'logs:GetLogEvents arn:aws:logs:us-east-1:111122223333:log-group:/aws/codebuild/web-build:log-stream:*',
    ]);
  });
});

describe('docker/build-push-action (its action.yml: push, tags)', () => {
  it('pushed tags on an ECR registry need the push actions; other registries none', () => {
    const step = uses('docker/build-push-action@v6', {
      push: literal(true),
      tags: literal('111122223333.dkr.ecr.eu-west-1.amazonaws.com/web:latest\nghcr.io/acme/web:latest'),
    });
    const repo = 'arn:aws:ecr:eu-west-1:111122223333:repository/web';
    expect(lines(step)).toEqual([
      `ecr:BatchCheckLayerAvailability ${repo}`,
      `ecr:InitiateLayerUpload ${repo}`,
      `ecr:UploadLayerPart ${repo}`,
      `ecr:CompleteLayerUpload ${repo}`,
      `ecr:PutImage ${repo}`,
    ]);
  });

  it("the registry the ECR login step printed, as in GitHub's ECS guides", () => {
    const step = uses('docker/build-push-action@v6', {
      push: literal(true),
      tags: unknown(
        '${{ steps.login-ecr.outputs.registry }}/web:${{ github.sha }}',
        'steps.login-ecr.outputs.registry',
      ),
    });
    const calls = inferStepCalls(step, catalog, { region: 'us-east-1', account: '111122223333' });
    expect(calls.permissions[0]?.resource).toBe('arn:aws:ecr:us-east-1:111122223333:repository/web');
    expect(calls.permissions).toHaveLength(5);
  });

  it('without push: nothing', () => {
    expect(
      lines(uses('docker/build-push-action@v6', { tags: literal('111122223333.dkr.ecr.eu-west-1.amazonaws.com/web') })),
    ).toEqual([]);
  });
});

describe('the AWS CLI image as a docker:// step (its args are the CLI arguments)', () => {
  it('reads args as an aws command', () => {
    const step = uses('docker://amazon/aws-cli:2.15.0', { args: literal('s3 sync ./site s3://docs-site --delete') });
    expect(lines(step)).toEqual([
      's3:ListBucket arn:aws:s3:::docs-site',
      's3:PutObject arn:aws:s3:::docs-site/*',
      's3:DeleteObject arn:aws:s3:::docs-site/*',
    ]);
  });

  it('args that are an expression leave the command unknown', () => {
    const step = uses('docker://public.ecr.aws/aws-cli/aws-cli', {
      args: unknown('${{ inputs.args }}', 'inputs.args'),
    });
    expect(inferStepCalls(step, catalog).notInferred.map((n) => n.kind)).toEqual(['dynamic-command']);
  });
});

describe('other actions', () => {
  it('an action that looks like it deploys to AWS is asked about, never passed over', () => {
    const calls = inferStepCalls(uses('jakejarvis/s3-sync-action@7ed8b112447abb09f1da74f3466e4194fc7a6311'), catalog);
    expect(calls.permissions).toEqual([]);
    expect(calls.notInferred).toMatchObject([
      { kind: 'unknown-action', what: 'jakejarvis/s3-sync-action@7ed8b112447abb09f1da74f3466e4194fc7a6311' },
    ]);
  });

  it('configure-aws-credentials and checkout yield nothing', () => {
    for (const action of ['aws-actions/configure-aws-credentials@v4', 'actions/checkout@v4']) {
      expect(inferStepCalls(uses(action), catalog)).toEqual({ permissions: [], notInferred: [] });
    }
  });

  it('a local action left as a step (JavaScript, a container, or not read) is asked about, whatever its name', () => {
    // A composite one is replaced by its steps in the model; one still here runs code the preflight does not read.
    for (const action of ['./.github/actions/aws-deploy', './tools/release']) {
      const calls = inferStepCalls(uses(action), catalog);
      expect(calls.permissions).toEqual([]);
      expect(calls.notInferred).toMatchObject([
        { kind: 'unknown-action', what: action, reason: expect.stringMatching(/runs its own code/) },
      ]);
    }
  });

  it('a composite action kept as a step because it uses itself, or nests too deep, is asked about for that reason', async () => {
    const files: Record<string, string> = {
      '.github/workflows/deploy.yml': [
        'on: push',
        'jobs:',
        '  deploy:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: ./.github/actions/a',
        '',
      ].join('\n'),
      '.github/actions/a/action.yml': [
        'name: a',
        'runs:',
        '  using: composite',
        '  steps:',
        '    - run: aws s3 sync . s3://bucket',
        '      shell: bash',
        '    - uses: ./.github/actions/a',
        '',
      ].join('\n'),
    };
    const model = await readWorkflowModel({ workflowPaths: ['.github/workflows/deploy.yml'], read: (p) => files[p] });
    const steps = model.jobs[0]?.instances[0]?.steps ?? [];
    const kept = steps.find((s) => s.unexpanded !== undefined);
    expect(kept?.unexpanded).toBe('cycle');
    const calls = inferStepCalls(kept as NonNullable<typeof kept>, catalog);
    expect(calls.notInferred).toMatchObject([
      { kind: 'unknown-action', reason: expect.stringMatching(/uses itself on the way/) },
    ]);
  });
});
