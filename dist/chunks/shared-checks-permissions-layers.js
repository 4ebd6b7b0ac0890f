import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  rcpExemption
} from "./shared-catalog-arn-format.js";
import {
  compileGlob
} from "./shared-iam-glob.js";

// src/checks/permissions/layers.ts
var RESOURCE_POLICY_SERVICES = /* @__PURE__ */ new Set([
  "acm-pca",
  "aoss",
  "apigateway",
  "backup",
  "codeartifact",
  "codebuild",
  "dynamodb",
  "ecr",
  "ecr-public",
  "elasticfilesystem",
  "es",
  "events",
  "execute-api",
  "glacier",
  "glue",
  "kafka",
  "kinesis",
  "kms",
  "lambda",
  "lex",
  "logs",
  "mediastore",
  "s3",
  "s3-object-lambda",
  "s3-outposts",
  "s3express",
  "schemas",
  "secretsmanager",
  "serverlessrepo",
  "ses",
  "signer",
  "sns",
  "sqs",
  "ssm-incidents",
  "sts",
  "vpc-lattice"
]);
var isLambdaLayer = (arn) => /^arn:[^:]+:lambda:[^:]*:[^:]*:layer:/.test(arn);
var grantOnlyInOwnAccount = (resource, principalAccount) => isLambdaLayer(resource) && resource.split(":")[4] === principalAccount;
var bucketOf = (arn) => arn.match(/^(arn:[^:]+:s3:::[^/]+)\//)?.[1];
function declaredWithoutPolicy(declared, resource) {
  const bucket = bucketOf(resource);
  for (const pattern of declared?.noResourcePolicy ?? []) {
    const matches = compileGlob(pattern);
    if (matches(resource) || bucket !== void 0 && matches(bucket)) return pattern;
  }
  return void 0;
}
function readAbsent(inventory, resource) {
  const without = inventory.resourcesWithoutPolicy ?? [];
  const bucket = bucketOf(resource);
  return without.includes(resource) || bucket !== void 0 && without.includes(bucket);
}
function unreadLayers(input) {
  const notRead = [];
  const declaredAbsent = [];
  const noOrg = input.declared?.organizations === "none";
  if (!input.scpsRead) {
    if (noOrg) declaredAbsent.push("SCPs (organizations: none)");
    else notRead.push("scp");
  }
  if (!input.rcpsRead && rcpExemption(input.catalog, input.action) === void 0) {
    if (noOrg) declaredAbsent.push("RCPs (organizations: none)");
    else notRead.push("rcp");
  }
  if (!input.resourcePolicyRead && input.resource !== "*" && RESOURCE_POLICY_SERVICES.has(input.service) && !grantOnlyInOwnAccount(input.resource, input.principalAccount)) {
    const pattern = declaredWithoutPolicy(input.declared, input.resource);
    if (pattern !== void 0) declaredAbsent.push(`resource policy (no-resource-policy: ${pattern})`);
    else notRead.push("resource-policy");
  }
  return { notRead, declaredAbsent };
}

export {
  declaredWithoutPolicy,
  readAbsent,
  unreadLayers
};
