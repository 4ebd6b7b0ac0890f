/**
 * Well-known actions that call AWS, each with the permissions its own README lists (the file cited per entry, read
 * at the commit named), resources filled from its `with:` inputs. An action not listed here that looks like it
 * deploys to AWS is reported as not inferred (`index.ts`), never passed over.
 */
import { decryptNeed, ecsTagNeeds, SECRETS_KMS_DOC } from './aws-command.js';
import { PASS_ROLE_DOC } from './cloudformation.js';
import type { CallStep, CallValue } from './model.js';
import { bound, type Known, type Need } from './need.js';
import type { ShellWord } from './shell.js';
import { type RenderedFile, type TaskDefinitionFile, taskDefinitionRef } from './task-definition.js';
import { ecrNeeds, lambdaImageNeeds } from './tools.js';

/**
 * A `with:` input as a {@link Known}: a literal, or the text written with `*` for each `${{ }}` not known
 * (`pr-review-${{ github.event.number }}` is `pr-review-*`), naming what is not known.
 */
export function input(values: Readonly<Record<string, CallValue>>, name: string): Known | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  if (value.kind === 'unknown') {
    const text = value.expression.slice(0, INPUT_CAP).replace(/\$\{\{[\s\S]*?\}\}/g, '*');
    return { value: text.includes('${{') ? '*' : text, unknown: `${value.expression.slice(0, 120)} (${value.reason})` };
  }
  if (value.value === null || value.value === '') return undefined;
  return { value: String(value.value) };
}

const INPUT_CAP = 4_096;
const truthy = (value: Known | undefined) => value !== undefined && /^true$/i.test(value.value);

type ActionNeeds = (withs: Readonly<Record<string, CallValue>>, scope: ActionScope) => Need[];

/** What an action's needs may read besides its `with:`: the step, the files read for it, the job's steps before. */
export interface ActionScope {
  readonly step: CallStep;
  /** The task definition files read, by workspace path (CallContext.taskDefinitions). */
  readonly taskDefinitions: ReadonlyMap<string, TaskDefinitionFile> | undefined;
  /** The file each rendering step of the job (by `id`) read (CallContext.rendered). */
  readonly rendered: ReadonlyMap<string, RenderedFile>;
  /** Why a file the job names is not what it deploys (CallContext.changedFiles). */
  readonly changed: ReadonlyMap<string, string>;
  /** Reports a part of the step's calls that cannot be read, asking for the lines it needs. */
  readonly miss: (reason: string) => void;
}

// github.com/aws-actions/amazon-ecr-login README.md, "Permissions" (03f1aad4c6c7ffd436567f42f9384779290529bd).
const ECR_LOGIN_DOC = 'https://github.com/aws-actions/amazon-ecr-login#permissions';
// github.com/aws-actions/amazon-ecs-deploy-task-definition README.md, "Permissions" and "AWS CodeDeploy Support"
// (c465972ecbd160473f22e683363b422a5412a3de); the calls are those of its index.js.
const ECS_DEPLOY_DOC = 'https://github.com/aws-actions/amazon-ecs-deploy-task-definition#permissions';
// github.com/aws-actions/aws-cloudformation-github-deploy README.md, "Permissions" and "API Calls Made by This
// Action" (197fa4accdf542111c52b8ebf184e463cf84aa72).
const CFN_DEPLOY_DOC = 'https://github.com/aws-actions/aws-cloudformation-github-deploy#permissions';
// github.com/aws-actions/aws-lambda-deploy README.md, "Permissions" (5ab3fe6d51e547be2062de0b71197d24292f891c).
const LAMBDA_DEPLOY_DOC = 'https://github.com/aws-actions/aws-lambda-deploy#permissions';
// github.com/aws-actions/amazon-ecs-render-task-definition index.js (138c24f321fdbdf7edee4a685519d253cae2cdea): with no
// `task-definition` file, `task-definition-arn` or `task-definition-family` is fetched with
// `ecs.describeTaskDefinition({ taskDefinition, include: ['TAGS'] })`. DescribeTaskDefinition has no resource type in
// https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html, so
// only `*` grants it.
const ECS_RENDER_DOC = 'https://github.com/aws-actions/amazon-ecs-render-task-definition#usage';

// github.com/aws-actions/aws-secretsmanager-get-secrets README.md, "Prerequisites"
// (33da984fe531194c1157993a528f0c28ecf9f946): GetSecretValue on the secrets, ListSecrets on all.
const SECRETS_DOC = 'https://github.com/aws-actions/aws-secretsmanager-get-secrets#prerequisites';
// github.com/aws-actions/aws-codebuild-run-build README.md, "Credentials and Permissions"
// (d72652c68bc355a2a72acad63efd6bcd0a81fdf8).
const CODEBUILD_DOC = 'https://github.com/aws-actions/aws-codebuild-run-build#credentials-and-permissions';
const SECRET_LIST_CAP = 50;

function getSecrets(withs: Readonly<Record<string, CallValue>>): Need[] {
  const ids = input(withs, 'secret-ids');
  const needs: Need[] = [{ action: 'secretsmanager:ListSecrets', docUrl: SECRETS_DOC }];
  if (ids === undefined) return needs;
  // One per line, `ENV_NAME, secretId` or `secretId`; a name prefix ends in `*` (the README, "Parameters").
  const entries = ids.value
    .split('\n')
    .map((line) => line.split(',').pop()?.trim() ?? '')
    .filter(Boolean);
  for (const id of entries.slice(0, SECRET_LIST_CAP)) {
    const unknown = ids.unknown === undefined ? {} : { unknown: ids.unknown };
    const secret = id.startsWith('arn:') || id.endsWith('*') ? id : `${id}-??????`;
    needs.push({
      action: 'secretsmanager:GetSecretValue',
      ...(id.startsWith('arn:') ? { arn: { value: id, ...unknown } } : {}),
      values: { SecretId: { value: secret, ...unknown } },
      docUrl: SECRETS_DOC,
    });
  }
  // Each value is decrypted under the secret's KMS key, not known here (aws-command.ts, decryptNeed).
  if (entries.length > 0) needs.push(decryptNeed('the secret', SECRETS_KMS_DOC));
  return needs;
}

function codebuildRun(withs: Readonly<Record<string, CallValue>>): Need[] {
  const project = input(withs, 'project-name');
  const values = { ProjectName: project };
  const group = project && {
    value: `/aws/codebuild/${project.value}`,
    ...(project.unknown ? { unknown: project.unknown } : {}),
  };
  const logs = truthy(input(withs, 'hide-cloudwatch-logs'))
    ? []
    : [
        {
          action: 'logs:GetLogEvents',
          values: { LogGroupName: group, LogStreamName: { value: '*' } },
          docUrl: CODEBUILD_DOC,
        },
      ];
  return [
    { action: 'codebuild:StartBuild', values, docUrl: CODEBUILD_DOC },
    { action: 'codebuild:BatchGetBuilds', values, docUrl: CODEBUILD_DOC },
    ...logs,
  ];
}

function ecrLogin(withs: Readonly<Record<string, CallValue>>): Need[] {
  if (input(withs, 'registry-type')?.value === 'public') {
    return [
      { action: 'ecr-public:GetAuthorizationToken', docUrl: ECR_LOGIN_DOC },
      { action: 'sts:GetServiceBearerToken', docUrl: ECR_LOGIN_DOC },
    ];
  }
  return [{ action: 'ecr:GetAuthorizationToken', docUrl: ECR_LOGIN_DOC }];
}

/**
 * The task definition file a deploy step registers, as read: the file its literal `task-definition` names, or the one
 * an earlier rendering step read when it is that step's output (`${{ steps.<id>.outputs.task-definition }}`); else
 * why it is not known.
 */
function registeredFile(
  scope: ActionScope,
): { readonly path: string; readonly file: Extract<TaskDefinitionFile, { kind: 'read' }> } | { readonly why: string } {
  const given = scope.step.with['task-definition'];
  const output =
    given?.kind === 'unknown'
      ? /^\$\{\{\s*steps\.([A-Za-z_][\w-]*)\.outputs\.task-definition\s*\}\}$/.exec(given.expression.trim())?.[1]
      : undefined;
  const rendered = output === undefined ? undefined : scope.rendered.get(output);
  const ref = rendered ?? taskDefinitionRef(scope.step);
  if (ref === undefined) return { why: 'the task definition file is not given' };
  if ('why' in ref) {
    const which = rendered ? `the task definition file the step \`${output}\` renders` : 'the task definition file';
    return { why: `${which} is not known: ${ref.why}` };
  }
  const changed = scope.changed.get(ref.path);
  if (changed !== undefined)
    return { why: `the task definition file ${ref.path} is not taken as committed: ${changed}` };
  const file = scope.taskDefinitions?.get(ref.path);
  if (file === undefined) return { why: `the task definition file ${ref.path} was not read` };
  if (file.kind === 'unread') return { why: `the task definition file ${ref.path} was not read: ${file.why}` };
  // The render action loads the file with node's require() (its index.js), which reads a `.json` file as JSON only:
  // any other file makes the render step fail, so what it would render is not known.
  if (rendered && (!ref.path.endsWith('.json') || !file.json)) {
    return {
      why: `the task definition file ${ref.path} is not JSON in a .json file, which the render step \`${output}\` loads with require(), so that step fails`,
    };
  }
  return { path: ref.path, file };
}

const TASK_ROLE_CONTEXT = { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' };

/** iam:PassRole on each role the task definition file passes to ECS, or one line noted unknown where it is not read. */
function passRoleNeeds(scope: ActionScope): Need[] {
  const registered = registeredFile(scope);
  if ('why' in registered) {
    const note = `${registered.why}, so the roles it names (taskRoleArn, executionRoleArn) are not known`;
    // Its tags would need ecs:TagResource on the task definition (ECS_TAGGING_DOC): whether it has any is not known.
    scope.miss(
      `${registered.why}, so whether it has tags is not known: tags there need ecs:TagResource on the task definition (ecs:CreateAction RegisterTaskDefinition); declare that line if it has any, or make the file readable`,
    );
    return [{ action: 'iam:PassRole', docUrl: ECS_DEPLOY_DOC, note }];
  }
  const { path, file } = registered;
  const needs: Need[] = file.roles.map(({ field, value }) => {
    // A task's roles are passed to ECS's tasks service: AWS's own policy for ECS tasks started on its behalf allows
    // iam:PassRole under `iam:PassedToService` `ecs-tasks.amazonaws.com`
    // (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/CWE_IAM_role.html).
    const line = {
      action: 'iam:PassRole',
      docUrl: ECS_DEPLOY_DOC,
      note: `the ${field} of ${path}`,
      context: TASK_ROLE_CONTEXT,
    };
    // ECS takes a role's name or its ARN (API_RegisterTaskDefinition); a name is a role of the deploy's account.
    return value.startsWith('arn:')
      ? { ...line, arn: { value } }
      : { ...line, values: { RoleNameWithPath: { value } } };
  });
  if (file.tagged) {
    const tag: Need = { action: 'ecs:TagResource', docUrl: ECS_DEPLOY_DOC, note: `the tags of ${path}` };
    needs.push(...ecsTagNeeds('RegisterTaskDefinition', 'task-definition', [tag]));
  }
  return needs;
}

function ecsDeploy(withs: Readonly<Record<string, CallValue>>, scope: ActionScope): Need[] {
  const service = input(withs, 'service');
  // "Will default to the 'default' cluster." (the action's action.yml, `cluster`).
  const values = { ClusterName: input(withs, 'cluster') ?? { value: 'default' }, ServiceName: service };
  const needs: Need[] = [{ action: 'ecs:RegisterTaskDefinition', docUrl: ECS_DEPLOY_DOC }, ...passRoleNeeds(scope)];
  if (service !== undefined) needs.push({ action: 'ecs:DescribeServices', values, docUrl: ECS_DEPLOY_DOC });
  const application = input(withs, 'codedeploy-application');
  if (application !== undefined) {
    const group = { ApplicationName: application, DeploymentGroupName: input(withs, 'codedeploy-deployment-group') };
    const config = { DeploymentConfigurationName: input(withs, 'codedeploy-deployment-config') };
    for (const action of ['GetDeploymentGroup', 'CreateDeployment', 'GetDeployment']) {
      needs.push({ action: `codedeploy:${action}`, values: group, docUrl: ECS_DEPLOY_DOC });
    }
    needs.push({ action: 'codedeploy:GetDeploymentConfig', values: config, docUrl: ECS_DEPLOY_DOC });
    needs.push({ action: 'codedeploy:RegisterApplicationRevision', values: group, docUrl: ECS_DEPLOY_DOC });
  } else if (service !== undefined) {
    needs.push({ action: 'ecs:UpdateService', values, docUrl: ECS_DEPLOY_DOC });
  }
  if (truthy(input(withs, 'run-task'))) {
    needs.push(
      { action: 'ecs:RunTask', docUrl: ECS_DEPLOY_DOC },
      { action: 'ecs:DescribeTasks', docUrl: ECS_DEPLOY_DOC },
    );
    // Its index.js runTask() passes `tags: JSON.parse(run-task-tags || '[]')` to ecs.runTask: tags on a RunTask need
    // ecs:TagResource on the task (aws-command.ts, ecsTagNeeds). An expression may be `[]`: the line stands, noted.
    const tags = input(withs, 'run-task-tags');
    if (tags !== undefined && !/^\s*\[\s*\]\s*$/.test(tags.value)) {
      const note = tags.unknown && `only when run-task-tags (${tags.unknown}) names tags`;
      const task = { ...(note ? { note } : {}), values: { ClusterName: values.ClusterName }, docUrl: ECS_DEPLOY_DOC };
      needs.push(...ecsTagNeeds('RunTask', 'task', [{ action: 'ecs:TagResource', ...task }]));
    }
  }
  return needs;
}

function ecsRender(withs: Readonly<Record<string, CallValue>>): Need[] {
  if (input(withs, 'task-definition-arn') === undefined && input(withs, 'task-definition-family') === undefined) {
    return [];
  }
  const file = input(withs, 'task-definition');
  // A file read from the workspace takes the place of the call; an expression may be empty, so it does not.
  if (file !== undefined && file.unknown === undefined) return [];
  const note = file && `only when \`task-definition\` (${file.unknown}) is empty`;
  return [{ action: 'ecs:DescribeTaskDefinition', docUrl: ECS_RENDER_DOC, ...(note ? { note } : {}) }];
}

function cloudformationDeploy(withs: Readonly<Record<string, CallValue>>): Need[] {
  const values = { StackName: input(withs, 'name') };
  const stack = (action: string, note?: string): Need => ({
    action: `cloudformation:${action}`,
    values,
    type: 'stack',
    docUrl: CFN_DEPLOY_DOC,
    ...(note ? { note } : {}),
  });
  const mode = input(withs, 'mode')?.value;
  const executes = mode !== 'create-only' && !truthy(input(withs, 'no-execute-changeset'));
  const role = input(withs, 'role-arn');
  return [
    stack('DescribeStacks'),
    ...(mode === 'execute-only' ? [] : [stack('CreateChangeSet'), stack('DescribeChangeSet')]),
    ...(executes ? [stack('ExecuteChangeSet')] : []),
    stack('DescribeEvents', 'to report a failed change set and stream events'),
    stack('DeleteChangeSet', 'to delete a failed change set'),
    stack('DeleteStack', 'only for a stack left in ROLLBACK_COMPLETE'),
    ...(role ? [{ action: 'iam:PassRole', arn: role, docUrl: PASS_ROLE_DOC }] : []),
    ...templateNeeds(withs),
  ];
}

/**
 * The template's S3 object, read or written with the caller's credentials. The action's src/main.ts
 * (197fa4accdf542111c52b8ebf184e463cf84aa72) passes a `template` that is an https URL as TemplateURL, which
 * CloudFormation reads from S3 with the caller's access ("TemplateURL must reference a valid S3 object to which you
 * have access"; TemplateURL in https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateChangeSet.html);
 * a local file with `s3-bucket` is first uploaded with PutObjectCommand to the key `${s3-prefix}/${basename}` (or the
 * base name alone without `s3-prefix`), then passed by its URL, so it is read back too.
 */
function templateNeeds(withs: Readonly<Record<string, CallValue>>): Need[] {
  const template = input(withs, 'template');
  if (template === undefined) return [];
  const object = (values: Record<string, Known>, action: string, note?: string): Need => ({
    action,
    values,
    type: 'object',
    docUrl: CFN_DEPLOY_DOC,
    ...(note ? { note } : {}),
  });
  if (/^https:\/\//i.test(template.value)) return [object(s3UrlObject(template), 's3:GetObject')];
  const bucket = input(withs, 's3-bucket');
  if (bucket === undefined) return [];
  const prefix = input(withs, 's3-prefix');
  const name = template.value.slice(template.value.lastIndexOf('/') + 1);
  const key = {
    value: prefix === undefined ? name : `${prefix.value}/${name}`,
    ...(prefix?.unknown || template.unknown
      ? { unknown: [prefix?.unknown, template.unknown].filter(Boolean).join('; ') }
      : {}),
  };
  const values = { BucketName: bucket, ObjectName: key };
  return [
    object(values, 's3:PutObject'),
    object(values, 's3:GetObject', "CloudFormation reads the uploaded template from its URL with the caller's access"),
  ];
}

/**
 * An S3 object URL, virtual-hosted (`https://BUCKET.s3.REGION.amazonaws.com/KEY`) or path-style
 * (`https://s3.REGION.amazonaws.com/BUCKET/KEY`), https://docs.aws.amazon.com/AmazonS3/latest/userguide/VirtualHosting.html;
 * any other URL leaves the bucket and key unknown.
 */
export function s3UrlObject(url: Known): Record<string, Known> {
  const keep = (value: string): Known =>
    url.unknown !== undefined && value.includes('*') ? { value, unknown: url.unknown } : { value };
  const text = url.value.replace(/[?#].*$/, '');
  const virtual = /^https:\/\/([^/]+)\.s3(?:[.-][a-z0-9-]+)*\.amazonaws\.com(?:\.cn)?\/(.+)$/i.exec(text);
  const path = /^https:\/\/s3(?:[.-][a-z0-9-]+)*\.amazonaws\.com(?:\.cn)?\/([^/]+)\/(.+)$/i.exec(text);
  const match = virtual ?? path;
  if (match === null) {
    const unknown = {
      value: '*',
      unknown: `the template URL ${bound(url.value, 120)} is not an S3 object URL the preflight reads`,
    };
    return { BucketName: unknown, ObjectName: unknown };
  }
  return { BucketName: keep(match[1] as string), ObjectName: keep(decodeKey(match[2] as string)) };
}

/** A URL's path as the object key: percent-escapes decoded, whitespace as IAM's one-character `?` (need.ts, `known`). */
function decodeKey(text: string): string {
  let key = text;
  try {
    key = decodeURIComponent(text);
  } catch {
    // A malformed escape stays as written.
  }
  return key.replace(/\s/g, '?');
}

function lambdaDeploy(withs: Readonly<Record<string, CallValue>>): Need[] {
  const values = { FunctionName: input(withs, 'function-name') };
  const fn = (action: string, note?: string): Need => ({
    action: `lambda:${action}`,
    values,
    docUrl: LAMBDA_DEPLOY_DOC,
    ...(note ? { note } : {}),
  });
  const role = input(withs, 'role');
  const bucket = input(withs, 's3-bucket');
  const key = input(withs, 's3-key') ?? { value: '*' };
  // `image-uri` with `package-type: Image` (its action.yml, 5ab3fe6): the function's image, read as for
  // `aws lambda update-function-code --image-uri` (tools.ts, lambdaImageNeeds).
  const image = input(withs, 'package-type')?.value === 'Image' ? input(withs, 'image-uri') : undefined;
  const images = image ? lambdaImageNeeds({ value: image.value, dynamic: image.unknown ? [image.unknown] : [] }) : [];
  return [
    fn('GetFunctionConfiguration'),
    fn('CreateFunction', 'only when the function does not exist yet'),
    fn('UpdateFunctionCode'),
    fn('UpdateFunctionConfiguration'),
    ...(truthy(input(withs, 'publish')) ? [fn('PublishVersion')] : []),
    ...(role ? [{ action: 'iam:PassRole', arn: role, docUrl: LAMBDA_DEPLOY_DOC }] : []),
    ...(bucket
      ? ['s3:ListBucket', 's3:GetObject', 's3:PutObject'].map((action) => ({
          action,
          values: { BucketName: bucket, ObjectName: key },
          type: action === 's3:ListBucket' ? 'bucket' : 'object',
          docUrl: LAMBDA_DEPLOY_DOC,
        }))
      : []),
    ...images,
  ];
}

// github.com/docker/build-push-action action.yml (`push`, `tags`) and README.md, "inputs": `tags` is a List, one per
// line, or comma-separated (cb941d0b895b09c17fa011d41c411b33c752cf28). Tags on an ECR registry need its push actions.
function buildPush(withs: Readonly<Record<string, CallValue>>): Need[] {
  return pushedTags(withs).flatMap((tag) => ecrNeeds(tag, 'push'));
}

/** The tags `docker/build-push-action` pushes (none unless `push` is true). */
export function pushedTags(withs: Readonly<Record<string, CallValue>>): ShellWord[] {
  if (!truthy(input(withs, 'push'))) return [];
  const tags = input(withs, 'tags');
  if (tags === undefined) return [];
  const dynamic = tags.unknown === undefined ? [] : [tags.unknown];
  return tags.value
    .split(/[\n,]/)
    .map((tag) => tag.trim())
    .filter(Boolean)
    .slice(0, SECRET_LIST_CAP)
    .map((tag) => ({ value: tag, dynamic }));
}

const none: ActionNeeds = () => [];

/** Actions by `owner/name` (lower case), with what they need. */
export const KNOWN_ACTIONS: Readonly<Record<string, ActionNeeds>> = {
  // Obtains the credentials; its own exchange is checked by the trust checks, not as a permission line.
  'aws-actions/configure-aws-credentials': none,
  // Renders a task definition file locally, or one fetched from ECS by ARN or family (ecsRender).
  'aws-actions/amazon-ecs-render-task-definition': ecsRender,
  // Installs the SAM CLI; the `sam` commands after it are asked about (tools.ts).
  'aws-actions/setup-sam': none,
  // Work on the repository's issues and pull requests through GitHub's API, not AWS.
  'aws-actions/stale-issue-cleanup': none,
  'aws-actions/closed-issue-message': none,
  'aws-actions/handle-non-labeled-issues': none,
  'aws-actions/pr-regex-exclude': none,
  'aws-actions/aws-secretsmanager-get-secrets': getSecrets,
  'aws-actions/aws-codebuild-run-build': codebuildRun,
  'docker/build-push-action': buildPush,
  'aws-actions/amazon-ecr-login': ecrLogin,
  'aws-actions/amazon-ecs-deploy-task-definition': ecsDeploy,
  'aws-actions/aws-cloudformation-github-deploy': cloudformationDeploy,
  'aws-actions/aws-lambda-deploy': lambdaDeploy,
};

/**
 * Words of a `with:` or `env:` key that name AWS or an AWS resource (`AWS_S3_BUCKET`, `aws-region`, `cloudfront-id`,
 * `artifact-bucket-name`, `role-arn`): AWS's services, and the resources a deploy names.
 */
const AWS_KEY_WORD =
  /^(?:aws|s3|cloudfront|lambda|ecs|ecr|eks|cloudformation|dynamodb|sqs|sns|ssm|secretsmanager|kms|sts|route53|codedeploy|beanstalk|elasticbeanstalk|amplify|iam|cloudwatch|apigateway|appsync|cognito|codebuild|codepipeline|codeartifact|kinesis|firehose|athena|sagemaker|stepfunctions|ses|lightsail|apprunner|signer|bucket|buckets|arn|arns|region|regions)$/i;
/**
 * Pairs of words in a key that name an AWS resource, where each word alone is too common to (`distribution` is
 * also `actions/setup-java`'s JDK, `signing` an Android key's): `signing-profile-name` (AWS Signer), `stack-name`,
 * `FunctionName`, `cluster-name`, `distribution-id`, …
 */
const AWS_KEY_PHRASE =
  /(?:^| )(?:signing profile|stack names?|function names?|cluster names?|distribution ids?|hosted zone|log group|task definition|state machine|user pool|identity pool|target group|load balancer)(?: |$)/;
/** Values that name AWS: an ARN, an S3 URL, an AWS endpoint, an AWS SDK. */
const AWS_VALUE = /\barn:aws[a-z-]*:|\bs3:\/\/|\.amazonaws\.com(?:\.cn)?\b|@aws-sdk\/|\bboto3\b/i;
const SIGNAL_VALUE_CAP = 4_096;
const SIGNALS_SHOWN = 4;

/**
 * What in an action step's own `with:` and `env:` names AWS, if anything: a key with an AWS word, or a value that is
 * an ARN, an S3 URL, an AWS endpoint or an AWS SDK (bounded). For the rule, see docs/inferred-calls.md ("Not
 * inferred").
 */
export function awsSignal(
  withs: Readonly<Record<string, CallValue>>,
  env: Readonly<Record<string, CallValue>>,
): string | undefined {
  const found: string[] = [];
  for (const [where, values] of [
    ['with', withs],
    ['env', env],
  ] as const) {
    for (const [key, value] of Object.entries(values)) {
      if (found.length >= SIGNALS_SHOWN) break;
      const shown = key.length > 80 ? `${key.slice(0, 80)}…` : key;
      const text = value.kind === 'known' ? String(value.value ?? '') : value.expression;
      if (awsKey(key)) found.push(`${where}: ${shown}`);
      else if (AWS_VALUE.test(text.slice(0, SIGNAL_VALUE_CAP))) found.push(`an AWS value in ${where}: ${shown}`);
    }
  }
  return found.length === 0 ? undefined : found.join(', ');
}

/** Whether a key names AWS: one of its words (split at `-`, `_`, `.` and camelCase humps) or a pair of them. */
function awsKey(key: string): boolean {
  const words = key
    .slice(0, 256)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[-_.\s]+/)
    .filter((w) => w.length > 0);
  return words.some((word) => AWS_KEY_WORD.test(word)) || AWS_KEY_PHRASE.test(words.join(' ').toLowerCase());
}

/** Words in an action's name that suggest it calls AWS. */
export const AWS_LOOKING =
  /\b(aws|s3|cloudfront|lambda|ecs|ecr|eks|cloudformation|cdk|sam|serverless|beanstalk|terraform|pulumi|amplify|dynamodb|sqs|sns|codedeploy|route53)\b/i;

/**
 * Whether the action `uses` names (`owner/repo[/path]`, `@ref` dropped, or `docker://[registry/]owner/image`) has one
 * of `words` in its name or path, or is AWS's own (`aws-actions/…`). The owner is not read for words: an
 * organization named for AWS (`aws-powertools/actions/.github/actions/cached-node-modules`, `aws-amplify/…`) publishes
 * actions that call no AWS service, and the owner says who wrote the action, not what it does.
 */
export function actionNamed(uses: string, words: RegExp): boolean {
  const name = (uses.split('@')[0] ?? '').replace(/^docker:\/\//i, '');
  const slash = name.indexOf('/');
  if (slash < 0) return words.test(name);
  if (name.slice(0, slash).toLowerCase() === 'aws-actions') return true;
  return words.test(name.slice(slash + 1));
}
