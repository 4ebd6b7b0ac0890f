import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  PolicyReadError,
  badAnswer,
  callOrThrow,
  unreadDraft
} from "./shared-sources-aws-policy-read.js";
import {
  baseClientConfig,
  retryOptionsOf
} from "./shared-sources-aws-errors.js";
import {
  findingMaker
} from "./shared-model-finding-classes.js";
import {
  MAX_JSON_DEPTH,
  valueTooDeep
} from "./shared-text-json-depth.js";
import "./shared-runtime-efb0f0b2.js";

// src/sources/aws-resource-policies.ts
var S3_ARN = /^arn:(aws[a-z-]*):s3:::([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/.*)?$/;
var KMS_KEY_ARN = /^arn:aws[a-z-]*:kms:([a-z0-9-]+):(\d{12}):key\/[A-Za-z0-9-]{1,128}$/;
var MAX_POLICY = 65536;
function policyHolder(resource) {
  const s3 = S3_ARN.exec(resource);
  if (s3) return { kind: "s3", arn: `arn:${s3[1]}:s3:::${s3[2]}`, bucket: s3[2] ?? "" };
  const kms = KMS_KEY_ARN.exec(resource);
  if (kms) return { kind: "kms", arn: resource, region: kms[1] ?? "", account: kms[2] ?? "" };
  return void 0;
}
async function readResourcePolicies(resources, deps = {}) {
  const holders = /* @__PURE__ */ new Map();
  for (const r of resources) {
    const holder = policyHolder(r);
    if (holder) holders.set(holder.arn, holder);
  }
  const make = findingMaker({ idPrefix: "aws-resource-policy", subject: "resource policies" });
  const clients = createClients(deps);
  const results = await Promise.all(
    [...holders.values()].map(async (target) => {
      try {
        const policy = target.kind === "s3" ? await readBucket(clients, target, deps.account) : await readKey(clients, target);
        return { target, policy };
      } catch (error) {
        if (!(error instanceof PolicyReadError)) throw error;
        const draft = unreadDraft(error, contextOf(target));
        if (error.error.code !== "OtherBucketOwner" || target.kind !== "s3") return { target, finding: make(draft) };
        const fix = `Give the bucket policy as a file with its owner: \`{ "ResourceArn": "${target.arn}", "AccountId": "OWNER", "Policy": ... }\` under resource-policies/ (docs/policy-folder.md), from \`aws s3api get-bucket-policy --bucket ${target.bucket}\` run in the owner's account.`;
        return { target, finding: make({ ...draft, fix }) };
      }
    })
  );
  return {
    policies: results.flatMap((r) => r.policy ? [r.policy] : []),
    absent: results.flatMap((r) => r.policy === null ? [r.target.arn] : []),
    findings: results.flatMap((r) => r.finding ? [r.finding] : [])
  };
}
function contextOf(target) {
  if (target.kind === "s3") {
    return {
      decisionPoint: "resource-policy",
      what: `the bucket policy of ${target.arn}`,
      statement: { Effect: "Allow", Action: "s3:GetBucketPolicy", Resource: target.arn },
      otherwise: `For a bucket of another account, its bucket policy must allow it too. Or give the policy as a file: \`aws s3api get-bucket-policy --bucket ${target.bucket} --query Policy --output text\`, saved as docs/policy-folder.md says (resource-policies/), or declare the bucket in \`no-resource-policy\` when it has none.`
    };
  }
  return {
    decisionPoint: "resource-policy",
    what: `the key policy of ${target.arn}`,
    statement: { Effect: "Allow", Action: "kms:GetKeyPolicy", Resource: target.arn },
    otherwise: `The key policy must allow it as well (https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html). Or give the policy as a file: \`aws kms get-key-policy --key-id ${target.arn} --policy-name default --query Policy --output text\`, saved as docs/policy-folder.md says (resource-policies/).`
  };
}
function createClients(deps) {
  let s3;
  const kms = /* @__PURE__ */ new Map();
  const credentials = deps.credentials ? { credentials: deps.credentials } : {};
  return {
    retry: retryOptionsOf(deps),
    s3() {
      s3 ??= import("./aws-sdk-client-s3.js").then((sdk) => ({
        sdk,
        client: new sdk.S3Client({
          ...baseClientConfig({ ...deps, ...deps.s3Endpoint ? { endpoint: deps.s3Endpoint } : {} }),
          ...credentials,
          // A bucket of another region answers 301; the client follows it to the bucket's region.
          followRegionRedirects: true,
          // An endpoint override (a loopback server, a VPC endpoint by IP) takes the bucket in the path.
          ...deps.s3Endpoint ? { forcePathStyle: true } : {}
        })
      }));
      return s3;
    },
    kms(region) {
      let made = kms.get(region);
      if (!made) {
        made = import("./aws-sdk-client-kms.js").then((sdk) => ({
          sdk,
          client: new sdk.KMSClient({
            ...baseClientConfig({ ...deps, region, ...deps.kmsEndpoint ? { endpoint: deps.kmsEndpoint } : {} }),
            ...credentials
          })
        }));
        kms.set(region, made);
      }
      return made;
    }
  };
}
async function readBucket(clients, target, account) {
  const { sdk, client } = await clients.s3();
  const get = (owner) => callOrThrow(
    "s3:GetBucketPolicy",
    target.arn,
    () => client.send(
      new sdk.GetBucketPolicyCommand({ Bucket: target.bucket, ...owner ? { ExpectedBucketOwner: owner } : {} })
    ),
    clients.retry
  );
  const orNone = async (read) => {
    try {
      return await read;
    } catch (error) {
      if (error instanceof PolicyReadError && error.error.code === "NoSuchBucketPolicy") return null;
      throw error;
    }
  };
  let out;
  try {
    out = await orNone(get(account));
  } catch (error) {
    if (!(error instanceof PolicyReadError) || error.error.kind !== "access-denied" || !account) throw error;
    await orNone(get(void 0));
    throw otherOwner(target, account);
  }
  if (out === null) return null;
  if (out.Policy === void 0) throw badAnswer("s3:GetBucketPolicy", target.arn, "no Policy");
  return {
    resourceArn: target.arn,
    ...account ? { accountId: account } : {},
    policy: { name: target.arn, document: parsePolicy("s3:GetBucketPolicy", target.arn, out.Policy) }
  };
}
function otherOwner(target, account) {
  const error = badAnswer(
    "s3:GetBucketPolicy",
    target.arn,
    `the bucket is not owned by account ${account} (S3 refused ExpectedBucketOwner ${account}), and S3 does not say which account owns it`
  );
  return new PolicyReadError({ ...error.error, code: "OtherBucketOwner", kind: "rejected" }, target.arn);
}
async function readKey(clients, target) {
  const { sdk, client } = await clients.kms(target.region);
  const out = await callOrThrow(
    "kms:GetKeyPolicy",
    target.arn,
    () => client.send(new sdk.GetKeyPolicyCommand({ KeyId: target.arn, PolicyName: "default" })),
    clients.retry
  );
  if (out.Policy === void 0) throw badAnswer("kms:GetKeyPolicy", target.arn, "no Policy");
  return {
    resourceArn: target.arn,
    accountId: target.account,
    policy: { name: target.arn, document: parsePolicy("kms:GetKeyPolicy", target.arn, out.Policy) }
  };
}
function parsePolicy(operation, resource, text) {
  if (text.length > MAX_POLICY) throw badAnswer(operation, resource, `a policy of ${text.length} characters`);
  let document;
  try {
    document = JSON.parse(text);
  } catch {
    throw badAnswer(operation, resource, "the policy is not JSON");
  }
  if (valueTooDeep(document))
    throw badAnswer(operation, resource, `a policy nested deeper than ${MAX_JSON_DEPTH} levels`);
  return document;
}
export {
  policyHolder,
  readResourcePolicies
};
