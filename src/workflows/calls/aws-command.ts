/**
 * One `aws ...` command turned into what it needs: the high-level `s3` commands and `cloudformation deploy` by
 * their own tables (`s3.ts`, `cloudformation.ts`), the exceptions and waiters of `services.ts`, and every other
 * operation as the action of the same name (`aws ecs update-service` → `ecs:UpdateService`).
 */
import { type AwsInvocation, type OptionStyle, serviceWord } from './cli.js';
import { cloudformationNeeds, PASS_ROLE_DOC } from './cloudformation.js';
import { type Known, kmsKey, known, type Need } from './need.js';
import { S3_FLAGS, s3Needs } from './s3.js';
import {
  CLI_SERVICE_PREFIXES,
  cliReference,
  LOCAL_SERVICES,
  NO_PERMISSION,
  OPERATION_EXCEPTIONS,
  OPTION_PLACEHOLDERS,
  UNMAPPED_SERVICES,
  WAITERS,
} from './services.js';
import type { ShellWord } from './shell.js';
import { lambdaImageNeeds } from './tools.js';

/** What a command needs, or why it cannot be read. */
export type CommandNeeds =
  | { readonly kind: 'needs'; readonly needs: readonly Need[] }
  | { readonly kind: 'dynamic' | 'unmapped'; readonly reason: string };

/** How to read a command's options: the `s3` commands have flags and one-word options around their paths. */
export function optionStyleFor(args: readonly ShellWord[]): OptionStyle {
  return serviceWord(args)?.value === 's3' ? { flags: S3_FLAGS, single: true } : { flags: new Set(), single: false };
}

/** The needs of one `aws` invocation. */
export function awsCommandNeeds(call: AwsInvocation): CommandNeeds {
  const { service, operation } = call;
  if (service === undefined) return { kind: 'needs', needs: [] };
  if (service.dynamic.length > 0 || (operation?.dynamic.length ?? 0) > 0) {
    const what = [...service.dynamic, ...(operation?.dynamic ?? [])].join(' ');
    return { kind: 'dynamic', reason: `the service or operation is ${what}, known only when the step runs` };
  }
  const cli = service.value.toLowerCase();
  if (LOCAL_SERVICES.has(cli) || operation === undefined || operation.value === 'help') {
    return { kind: 'needs', needs: [] };
  }
  const op = operation.value.toLowerCase();
  const key = `${cli} ${op}`;
  if (NO_PERMISSION.has(key)) return { kind: 'needs', needs: [] };
  if (cli === 's3') return s3Needs(op, call);
  if (cli === 'cloudformation' && (op === 'deploy' || op === 'package')) return cloudformationNeeds(op, call);
  const unmapped = UNMAPPED_SERVICES[cli];
  if (unmapped !== undefined) return { kind: 'unmapped', reason: unmapped };
  const prefix = CLI_SERVICE_PREFIXES[cli] ?? cli;
  if (op === 'wait') return waiterNeeds(cli, prefix, call);
  const exception = OPERATION_EXCEPTIONS[key];
  const actions = exception?.actions ?? [`${prefix}:${operationName(op)}`];
  const docUrl = exception?.docUrl ?? cliReference(cli, op);
  const needs = actions
    .flatMap((action) => withResources(action, prefix, call, docUrl))
    .map((need) => (COPY_OPERATIONS.has(key) ? copyNeed(call, need) : need));
  const more = [
    ...managedNodeNeeds(key, call, needs),
    ...passRoleNeeds(prefix, op, call),
    ...tagOnCreateNeeds(prefix, op, call),
    ...lambdaCodeNeeds(op, call),
    ...decryptNeeds(prefix, op, call),
    ...objectHeaderNeeds(key, call, needs),
  ];
  return { kind: 'needs', needs: [...needs, ...more] };
}

const OBJECT_WRITES = new Set(['s3api put-object', 's3api copy-object', 's3api create-multipart-upload']);
const GRANTS = ['acl', 'grant-full-control', 'grant-read', 'grant-read-acp', 'grant-write-acp'];

/**
 * An object written with an ACL (`--acl`, `--grant-*`) or tags (`--tagging`) needs s3:PutObjectAcl or
 * s3:PutObjectTagging on it besides s3:PutObject ("Required permissions for Amazon S3 API operations", PutObject,
 * CopyObject and CreateMultipartUpload: https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html),
 * as `aws s3 cp --acl` does (s3.ts).
 */
function objectHeaderNeeds(key: string, call: AwsInvocation, needs: readonly Need[]): Need[] {
  if (!OBJECT_WRITES.has(key)) return [];
  const put = needs.find((n) => n.action === 's3:PutObject');
  if (put === undefined) return [];
  const docUrl = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html';
  const out: Need[] = [];
  if (GRANTS.some((o) => call.options.has(o))) out.push({ ...put, action: 's3:PutObjectAcl', docUrl });
  if (call.options.has('tagging')) out.push({ ...put, action: 's3:PutObjectTagging', docUrl });
  return out;
}

/**
 * The API operation a CLI operation calls, in the API's case: the CLI writes it in kebab case
 * (https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-commandstructure.html), `get-layer-version-by-arn` for
 * GetLayerVersionByArn. The catalog's lookup ignores case; the name shows in a message when it is not an action.
 */
export function operationName(op: string): string {
  return op
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/**
 * The nodes a command runs on or a session opens: Run Command authorizes ssm:SendCommand on the document and on each
 * instance ("If the user sends a command to an instance that is not tagged ... the execution results show
 * AccessDenied", https://docs.aws.amazon.com/systems-manager/latest/userguide/run-command-setting-up.html), and
 * Session Manager ssm:StartSession on the instance
 * (https://docs.aws.amazon.com/systems-manager/latest/userguide/getting-started-restrict-access-quickstart.html).
 * An `i-` ID is an EC2 instance (`arn:aws:ec2:REGION:ACCOUNT:instance/ID`), an `mi-` ID a managed node of the hybrid
 * environment (`arn:aws:ssm:REGION:ACCOUNT:managed-instance/ID`), each a resource type of the service authorization
 * reference (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssystemsmanager.html). Nodes
 * chosen by `--targets` (tags, a resource group) are known only when the command runs.
 */
function managedNodeNeeds(key: string, call: AwsInvocation, needs: readonly Need[]): Need[] {
  const option = key === 'ssm send-command' ? 'instance-ids' : key === 'ssm start-session' ? 'target' : undefined;
  if (option === undefined) return [];
  const ids = (call.options.get(option) ?? []).slice(0, FAN_OUT_CAP).map((word) => known(word) as Known);
  if (option === 'target' && !ids.some((id) => /^m?i-/.test(id.value) || id.unknown !== undefined)) return [];
  const nodes: Known[] =
    ids.length > 0
      ? ids
      : [
          {
            value: '*',
            unknown: call.options.has('targets')
              ? 'the nodes --targets selects, known only when the command runs'
              : 'the nodes: no --instance-ids given',
          },
        ];
  return needs.flatMap((need) =>
    nodes.map((id) => ({
      ...need,
      type: id.value.startsWith('mi-') ? 'managed-instance' : 'instance',
      values: { ...need.values, InstanceId: id },
    })),
  );
}

const COPY_OPERATIONS = new Set(['s3api copy-object', 's3api upload-part-copy']);

/**
 * A copy reads its source and writes its destination: "you must have read access to the source object and write
 * access to the destination bucket" (https://docs.aws.amazon.com/AmazonS3/latest/API/API_CopyObject.html,
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_UploadPartCopy.html). The source is `--copy-source`,
 * `BUCKET/KEY` URL-encoded (or an access point's object ARN), with `?versionId=` to copy a version, which reads it with
 * s3:GetObjectVersion (https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html);
 * `--bucket` and `--key` are the destination only. A source not given is unknown, never the destination.
 */
function copyNeed(call: AwsInvocation, need: Need): Need {
  const word = call.options.get('copy-source')?.[0];
  if (need.action !== 's3:GetObject') {
    // The source's ARN is no ARN of the destination.
    if (need.arn === undefined || need.arn.value !== word?.value) return need;
    const { arn: _, ...destination } = need;
    return destination;
  }
  const source = word === undefined ? undefined : (known(word) as Known);
  const region = need.values?.Region;
  const base: Need = { action: need.action, docUrl: need.docUrl, values: region ? { Region: region } : {} };
  if (source === undefined) {
    const unknown = 'the source object: no --copy-source given';
    return { ...base, values: { ...base.values, BucketName: { value: '*', unknown }, ObjectName: { value: '*' } } };
  }
  const question = source.value.indexOf('?');
  const path = (question < 0 ? source.value : source.value.slice(0, question)).replace(/^\//, '');
  const action =
    question >= 0 && /[?&]versionId=/.test(source.value.slice(question)) ? 's3:GetObjectVersion' : 's3:GetObject';
  const keep = (v: string): Known =>
    source.unknown === undefined ? { value: v } : { value: v, unknown: source.unknown };
  if (path.startsWith('arn:')) return { ...base, action, arn: keep(decodeKey(path)) };
  const slash = path.indexOf('/');
  const bucket = slash < 0 ? path : path.slice(0, slash);
  const key = slash < 0 ? '*' : decodeKey(path.slice(slash + 1));
  return {
    ...base,
    action,
    type: 'object',
    values: { ...base.values, BucketName: keep(bucket), ObjectName: keep(key) },
  };
}

/** A URL-encoded key as S3 stores it; a malformed escape is kept as written. */
function decodeKey(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Reading a SecureString parameter `--with-decryption`, or a secret's value, decrypts it under the KMS key it was
 * encrypted with: the AWS managed key (`aws/ssm`, `aws/secretsmanager`) needs no permission of the caller, a
 * customer managed key needs kms:Decrypt on it
 * (https://docs.aws.amazon.com/kms/latest/developerguide/services-parameter-store.html,
 * https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html). Which key it is cannot be
 * read from the workflow: the line names the key as unknown, as for an `--sse-kms-key-id` the preflight cannot read.
 */
export function decryptNeed(what: string, docUrl: string): Need {
  const unknown = `the KMS key ${what} is encrypted with, not known before the run`;
  return {
    action: 'kms:Decrypt',
    values: { KeyId: { value: '*', unknown } },
    type: 'key',
    docUrl,
    note: `only when ${what} is encrypted with a customer managed key (an AWS managed key needs no kms:Decrypt of the caller)`,
  };
}

const SSM_KMS_DOC = 'https://docs.aws.amazon.com/kms/latest/developerguide/services-parameter-store.html';
export const SECRETS_KMS_DOC = 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html';
const SSM_READS = new Set(['get-parameter', 'get-parameters', 'get-parameters-by-path', 'get-parameter-history']);
const SECRET_READS = new Set(['get-secret-value', 'batch-get-secret-value']);

function decryptNeeds(prefix: string, op: string, call: AwsInvocation): Need[] {
  if (prefix === 'ssm' && SSM_READS.has(op) && call.options.has('with-decryption')) {
    return [decryptNeed('the parameter', SSM_KMS_DOC)];
  }
  if (prefix === 'secretsmanager' && SECRET_READS.has(op)) return [decryptNeed('the secret', SECRETS_KMS_DOC)];
  return [];
}

/**
 * The code Lambda takes from where the caller names it, read with the caller's access: an S3 object (`--s3-bucket`,
 * `--s3-key`, `--s3-object-version` of update-function-code, `S3Bucket`/`S3Key`/`S3ObjectVersion` of create-function's
 * `--code`; reading a version needs s3:GetObjectVersion,
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html), or a container image in
 * ECR (`--image-uri`, `ImageUri`; tools.ts, lambdaImageNeeds). The fields are those of
 * https://docs.aws.amazon.com/lambda/latest/api/API_UpdateFunctionCode.html and
 * https://docs.aws.amazon.com/lambda/latest/api/API_FunctionCode.html.
 */
function lambdaCodeNeeds(op: string, call: AwsInvocation): Need[] {
  if (call.service?.value.toLowerCase() !== 'lambda') return [];
  const code =
    op === 'update-function-code'
      ? {
          bucket: known(call.options.get('s3-bucket')?.[0]),
          key: known(call.options.get('s3-key')?.[0]),
          version: call.options.get('s3-object-version')?.[0],
          image: call.options.get('image-uri')?.[0],
        }
      : op === 'create-function'
        ? codeStructure(call.options.get('code')?.[0])
        : undefined;
  if (code === undefined) return [];
  const docUrl = cliReference('lambda', op);
  const needs: Need[] = code.image ? lambdaImageNeeds(code.image) : [];
  if (code.bucket !== undefined) {
    const action = code.version === undefined ? 's3:GetObject' : 's3:GetObjectVersion';
    const values = { BucketName: code.bucket, ObjectName: code.key ?? { value: '*' } };
    needs.push({ action, values, type: 'object', docUrl });
  }
  return needs;
}

interface LambdaCode {
  readonly bucket: Known | undefined;
  readonly key: Known | undefined;
  readonly version: ShellWord | undefined;
  readonly image: ShellWord | undefined;
}

/** create-function's `--code`, in the CLI's shorthand (`S3Bucket=b,S3Key=k`) or JSON; a file or expansion is not read. */
function codeStructure(word: ShellWord | undefined): LambdaCode | undefined {
  if (word === undefined) return undefined;
  const fields = new Map<string, string>();
  const text = word.value.trim();
  if (text.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed !== null && typeof parsed === 'object') {
        for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string') fields.set(k, v);
      }
    } catch {
      return undefined;
    }
  } else {
    for (const pair of text.split(',')) {
      const eq = pair.indexOf('=');
      if (eq > 0) fields.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }
  const part = (name: string): ShellWord | undefined => {
    const value = fields.get(name);
    return value === undefined ? undefined : { value, dynamic: value.includes('*') ? word.dynamic : [] };
  };
  return {
    bucket: known(part('S3Bucket')),
    key: known(part('S3Key')),
    version: part('S3ObjectVersion'),
    image: part('ImageUri'),
  };
}

// "If tags are specified in the resource-creating action, AWS performs additional authorization": the ECS actions
// that tag on create, with the ecs:CreateAction they are authorized under and the type of the resource they create.
const ECS_TAGGING_DOC =
  'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/supported-iam-actions-tagging.html';
const ECS_TAG_ON_CREATE: Readonly<Record<string, { readonly create: string; readonly type: string }>> = {
  'run-task': { create: 'RunTask', type: 'task' },
  'start-task': { create: 'StartTask', type: 'task' },
  'register-task-definition': { create: 'RegisterTaskDefinition', type: 'task-definition' },
  'create-service': { create: 'CreateService', type: 'service' },
  'create-cluster': { create: 'CreateCluster', type: 'cluster' },
  'create-task-set': { create: 'CreateTaskSet', type: 'task-set' },
  'create-capacity-provider': { create: 'CreateCapacityProvider', type: 'capacity-provider' },
  'register-container-instance': { create: 'RegisterContainerInstance', type: 'container-instance' },
};

/** An ECS resource created with `--tags` needs ecs:TagResource on it, under its ecs:CreateAction. */
function tagOnCreateNeeds(prefix: string, op: string, call: AwsInvocation): Need[] {
  const tagged = ECS_TAG_ON_CREATE[op];
  if (prefix !== 'ecs' || tagged === undefined || !call.options.has('tags')) return [];
  return ecsTagNeeds(tagged.create, tagged.type, withResources('ecs:TagResource', prefix, call, ECS_TAGGING_DOC));
}

/** ecs:TagResource needs on the created resource's type, under `ecs:CreateAction` (the page above, its example). */
export function ecsTagNeeds(create: string, type: string, needs: readonly Need[]): Need[] {
  return needs.map((need) => ({ ...need, type, docUrl: ECS_TAGGING_DOC, context: { 'ecs:CreateAction': create } }));
}

function waiterNeeds(cli: string, prefix: string, call: AwsInvocation): CommandNeeds {
  const waiter = call.positionals[0];
  if (waiter === undefined || waiter.dynamic.length > 0) {
    return { kind: 'dynamic', reason: `the waiter of aws ${cli} wait is not written out` };
  }
  const action = WAITERS[`${cli} ${waiter.value.toLowerCase()}`];
  if (action === undefined) {
    return {
      kind: 'unmapped',
      reason: `the preflight does not know which operation aws ${cli} wait ${waiter.value} polls`,
    };
  }
  const docUrl = cliReference(`${cli}/wait`, waiter.value.toLowerCase());
  return { kind: 'needs', needs: withResources(action, prefix, call, docUrl) };
}

/** Options that hand a role to the service being called, which needs iam:PassRole on it. */
const PASS_ROLE_OPTIONS = [
  'role',
  'role-arn',
  'task-role-arn',
  'execution-role-arn',
  'service-role',
  'service-role-arn',
];
/** Operations that read a whole request from a file, roles included. */
const FILE_INPUT_OPTIONS = ['cli-input-json', 'cli-input-yaml'];

/**
 * A role handed to a service (`--role`, `--task-role-arn`, ...) needs iam:PassRole on it
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html); `sts` assumes roles rather than
 * passing them. A task definition read from a file may name roles the preflight does not read: they are `role/*`.
 */
function passRoleNeeds(prefix: string, op: string, call: AwsInvocation): Need[] {
  if (prefix === 'sts' || prefix === 'iam') return [];
  const needs: Need[] = [];
  for (const option of PASS_ROLE_OPTIONS) {
    const role = known(call.options.get(option)?.[0]);
    if (role && (role.unknown !== undefined || role.value.includes(':role/'))) {
      needs.push({ action: 'iam:PassRole', arn: role, docUrl: PASS_ROLE_DOC });
    }
  }
  const fromFile = FILE_INPUT_OPTIONS.some((o) => call.options.has(o));
  if (needs.length === 0 && fromFile && prefix === 'ecs' && op === 'register-task-definition') {
    const note = 'the roles of a task definition read from a file (taskRoleArn, executionRoleArn) are not read';
    needs.push({ action: 'iam:PassRole', docUrl: PASS_ROLE_DOC, note });
  }
  return needs;
}

const FAN_OUT_CAP = 20;
/** Options that take a list (`--services a b`); any other option's value is its first word. */
const LIST_OPTIONS = new Set(['services', 'names', 'tasks']);

/**
 * The action with its resource read from the options: one need per value of a list option (`--services a b`). An ARN
 * given to an option that names a part of the resource (`--cluster arn:…`) is one of the call's resources
 * (`Need.parts`); an ARN given to any other option (`--resource-arn`) is the resource the call names (`Need.arn`).
 */
export function withResources(action: string, prefix: string, call: AwsInvocation, docUrl: string): Need[] {
  const table = { ...OPTION_PLACEHOLDERS['*'], ...OPTION_PLACEHOLDERS[prefix] };
  const base: Record<string, Known | undefined> = {};
  let fan: { option: string; placeholder: string; words: readonly ShellWord[] } | undefined;
  for (const [option, placeholder] of Object.entries(table)) {
    const words = call.options.get(option);
    if (words === undefined || words.length === 0) continue;
    if (words.length > 1 && LIST_OPTIONS.has(option) && fan === undefined)
      fan = { option, placeholder, words: words.slice(0, FAN_OUT_CAP) };
    Object.assign(base, placeholderValues(prefix, placeholder, words[0] as ShellWord));
  }
  if (prefix === 'ecs' && base.ClusterName === undefined) {
    // A task's ARN names its cluster (`arn:aws:ecs:REGION:ACCOUNT:task/CLUSTER/ID`); else "If you do not specify a
    // cluster, the default cluster is assumed."
    // (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html, `cluster`)
    const task = /^arn:[^:]*:ecs:[^:]*:[^:]*:task\/([^/]+)\/[^/]+$/.exec(call.options.get('task')?.[0]?.value ?? '');
    base.ClusterName = task ? { value: task[1] as string } : { value: 'default' };
  }
  const region = known(call.globals.get('region'));
  if (region !== undefined) base.Region = region;
  const arn = arnArgument(call, (option) => !Object.hasOwn(table, option));
  const one = (values: Record<string, Known | undefined>, fanned?: ShellWord): Need => {
    const parts = Object.keys(table).flatMap((option) => {
      const word = option === fan?.option && fanned ? fanned : call.options.get(option)?.[0];
      return word?.value.startsWith('arn:') ? [known(word) as Known] : [];
    });
    return {
      action,
      values,
      docUrl,
      ...(arn ? { arn } : {}),
      ...(parts.length > 0 ? { parts } : {}),
      ...(prefix === 'ssm' && awsOwned(values.DocumentName) ? { typeValues: AWS_OWNED_DOCUMENT } : {}),
    };
  };
  if (fan === undefined) return [one(base)];
  const { placeholder, words } = fan;
  return words.map((word) => one({ ...base, ...placeholderValues(prefix, placeholder, word) }, word));
}

/**
 * An SSM document AWS owns has no account in its ARN (`arn:aws:ssm:us-east-1::document/AWS-RunShellScript`): "The
 * owner of the document is considered to be Amazon, not a specific user account"
 * (https://docs.aws.amazon.com/systems-manager/latest/userguide/documents-ssm-sharing.html). Its name is how it is
 * known: AWS reserves the name prefixes `aws`, `amazon` and `amzn` (AWSEC2, AWSConfigRemediation, AWSSupport among
 * them), which no account may give its own documents
 * (https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_CreateDocument.html, `Name`). The empty
 * account holds for the document alone (`Need.typeValues`), not for the instances the command runs on.
 */
function awsOwned(name: Known | undefined): boolean {
  return name !== undefined && name.unknown === undefined && /^(?:aws|amazon|amzn)/i.test(name.value);
}
const AWS_OWNED_DOCUMENT = { document: { Account: { value: '' } } };

/** The first argument of an option `which` accepts that is an ARN, used whole when it fits the action's resource. */
function arnArgument(call: AwsInvocation, which: (option: string) => boolean): Known | undefined {
  for (const [option, words] of call.options) {
    const word = words[0];
    if (which(option) && word?.value.startsWith('arn:')) return known(word);
  }
  return undefined;
}

/** An option's value as the placeholders it fills, in the forms the services accept. */
function placeholderValues(prefix: string, placeholder: string, word: ShellWord): Record<string, Known | undefined> {
  const value = known(word) as Known;
  const text = value.value;
  const keep = (v: string): Known =>
    value.unknown === undefined ? { value: v } : { value: v, unknown: value.unknown };
  if (placeholder === 'TaskDef') {
    const [family = text, revision] = lastSegment(text).split(':');
    return {
      TaskDefinitionFamilyName: keep(family),
      TaskDefinitionRevisionNumber: revision ? keep(revision) : undefined,
    };
  }
  if (placeholder === 'SecretId' && !text.startsWith('arn:')) {
    // Secrets Manager appends six random characters to a secret's name in its ARN
    // (https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_iam-policies.html).
    return { SecretId: keep(`${text}-??????`) };
  }
  if (placeholder === 'ParameterNameWithoutLeadingSlash') return { [placeholder]: keep(text.replace(/^\//, '')) };
  if (placeholder === 'QueueName') return queueUrl(text, keep);
  if (placeholder === 'KeyId' && /^(?:arn:[^:]*:kms:[^:]*:[^:]*:)?alias\//.test(text))
    return kmsKey(value).values ?? {};
  if (prefix === 'lambda' && !text.startsWith('arn:')) return { FunctionName: keep(text.split(':')[0] ?? text) };
  return { [placeholder]: keep(text.startsWith('arn:') ? lastSegment(text) : text) };
}

/** `https://sqs.REGION.amazonaws.com/ACCOUNT/NAME` (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-queue-message-identifiers.html). */
function queueUrl(text: string, keep: (v: string) => Known): Record<string, Known | undefined> {
  const match = /^https?:\/\/[^/]+\/([^/]+)\/([^/?#]+)/.exec(text);
  return match ? { Account: keep(match[1] as string), QueueName: keep(match[2] as string) } : { QueueName: keep(text) };
}

function lastSegment(arnOrName: string): string {
  const slash = arnOrName.lastIndexOf('/');
  return slash < 0 ? arnOrName : arnOrName.slice(slash + 1);
}
