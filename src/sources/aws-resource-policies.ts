/**
 * Live reads of the resource-based policies of the resources in the permission lines, for the services whose SDK
 * client is installed: an S3 bucket's policy (GetBucketPolicy; `NoSuchBucketPolicy` proves the bucket has none,
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketPolicy.html) and a KMS key's policy (GetKeyPolicy, the
 * policy named `default`, the only one a key has, https://docs.aws.amazon.com/kms/latest/APIReference/API_GetKeyPolicy.html).
 * Another service's resource policy is not read here: the permission stays unverified (`layer-not-read`) and its fix
 * gives the command that exports it (src/checks/permissions/resource-export.ts). A resource of another account is read
 * the same way; a denied read leaves its policy unread, with the statement that would let it. The SDKs are loaded
 * with `await import()` on first use.
 */
import type { KMSClient } from '@aws-sdk/client-kms';
import type { S3Client } from '@aws-sdk/client-s3';
import type { ResourcePolicyModel } from '../model/aws.js';
import { type Finding, findingMaker } from '../model/finding.js';
import { MAX_JSON_DEPTH, valueTooDeep } from '../text/json-depth.js';
import { type AwsClientOptions, baseClientConfig, retryOptionsOf } from './aws-errors.js';
import { badAnswer, callOrThrow, PolicyReadError, unreadDraft } from './aws-policy-read.js';
import type { Sleep } from './http.js';

/** What the reader needs: the endpoints (`AWS_ENDPOINT_URL_S3`, `_KMS`), the region and the retry seams. */
export interface ResourceReaderDeps extends Omit<AwsClientOptions, 'endpoint'> {
  /** The role's account: a bucket is read as that account's only when S3 confirms it owns it. */
  readonly account?: string;
  readonly s3Endpoint?: string;
  readonly kmsEndpoint?: string;
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
  readonly maxAttempts?: number;
  readonly sleep?: Sleep;
}

/** What was read: the policies found, the resources shown to have none, and the findings for those not read. */
export interface ResourcePoliciesRead {
  readonly policies: readonly ResourcePolicyModel[];
  /** ARNs of resources AWS answered have no resource-based policy (a bucket without a bucket policy). */
  readonly absent: readonly string[];
  readonly findings: readonly Finding[];
}

/** A resource whose policy this reader can read: the bucket or key ARN that holds it. */
type Target =
  | { readonly kind: 's3'; readonly arn: string; readonly bucket: string }
  | { readonly kind: 'kms'; readonly arn: string; readonly region: string; readonly account: string };

const S3_ARN = /^arn:(aws[a-z-]*):s3:::([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/.*)?$/;
const KMS_KEY_ARN = /^arn:aws[a-z-]*:kms:([a-z0-9-]+):(\d{12}):key\/[A-Za-z0-9-]{1,128}$/;
/** A bucket policy is at most 20 KB (https://docs.aws.amazon.com/AmazonS3/latest/userguide/BucketRestrictions.html); a key policy 32 KB. */
const MAX_POLICY = 65_536;

/**
 * The resource that holds the policy of a permission's resource, when this reader reads it: the bucket of an S3
 * bucket or object ARN (the object part may be a pattern), a KMS key ARN. A bucket or key named by a pattern (`*`,
 * `?`) is no one resource and is not read; nor is an alias, which GetKeyPolicy does not take.
 */
export function policyHolder(resource: string): Target | undefined {
  const s3 = S3_ARN.exec(resource);
  if (s3) return { kind: 's3', arn: `arn:${s3[1]}:s3:::${s3[2]}`, bucket: s3[2] ?? '' };
  const kms = KMS_KEY_ARN.exec(resource);
  if (kms) return { kind: 'kms', arn: resource, region: kms[1] ?? '', account: kms[2] ?? '' };
  return undefined;
}

/** Reads the policies of `resources` (each holder once). Never throws on AWS errors: they become findings. */
export async function readResourcePolicies(
  resources: readonly string[],
  deps: ResourceReaderDeps = {},
): Promise<ResourcePoliciesRead> {
  const holders = new Map<string, Target>();
  for (const r of resources) {
    const holder = policyHolder(r);
    if (holder) holders.set(holder.arn, holder);
  }
  const make = findingMaker({ idPrefix: 'aws-resource-policy', subject: 'resource policies' });
  const clients = createClients(deps);
  const results = await Promise.all(
    [...holders.values()].map(async (target) => {
      try {
        const policy =
          target.kind === 's3' ? await readBucket(clients, target, deps.account) : await readKey(clients, target);
        return { target, policy };
      } catch (error) {
        if (!(error instanceof PolicyReadError)) throw error;
        const draft = unreadDraft(error, contextOf(target));
        if (error.error.code !== 'OtherBucketOwner' || target.kind !== 's3') return { target, finding: make(draft) };
        const fix = `Give the bucket policy as a file with its owner: \`{ "ResourceArn": "${target.arn}", "AccountId": "OWNER", "Policy": ... }\` under resource-policies/ (docs/policy-folder.md), from \`aws s3api get-bucket-policy --bucket ${target.bucket}\` run in the owner's account.`;
        return { target, finding: make({ ...draft, fix }) };
      }
    }),
  );
  return {
    policies: results.flatMap((r) => (r.policy ? [r.policy] : [])),
    absent: results.flatMap((r) => (r.policy === null ? [r.target.arn] : [])),
    findings: results.flatMap((r) => (r.finding ? [r.finding] : [])),
  };
}

/** The layer, the statement and the file alternative for a failed read of `target`. */
function contextOf(target: Target) {
  if (target.kind === 's3') {
    return {
      decisionPoint: 'resource-policy' as const,
      what: `the bucket policy of ${target.arn}`,
      statement: { Effect: 'Allow' as const, Action: 's3:GetBucketPolicy', Resource: target.arn },
      otherwise: `For a bucket of another account, its bucket policy must allow it too. Or give the policy as a file: \`aws s3api get-bucket-policy --bucket ${target.bucket} --query Policy --output text\`, saved as docs/policy-folder.md says (resource-policies/), or declare the bucket in \`no-resource-policy\` when it has none.`,
    };
  }
  return {
    decisionPoint: 'resource-policy' as const,
    what: `the key policy of ${target.arn}`,
    statement: { Effect: 'Allow' as const, Action: 'kms:GetKeyPolicy', Resource: target.arn },
    otherwise: `The key policy must allow it as well (https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html). Or give the policy as a file: \`aws kms get-key-policy --key-id ${target.arn} --policy-name default --query Policy --output text\`, saved as docs/policy-folder.md says (resource-policies/).`,
  };
}

interface Clients {
  s3(): Promise<{ sdk: typeof import('@aws-sdk/client-s3'); client: S3Client }>;
  kms(region: string): Promise<{ sdk: typeof import('@aws-sdk/client-kms'); client: KMSClient }>;
  readonly retry: ReturnType<typeof retryOptionsOf>;
}

/** One S3 client and one KMS client per region, made on first use. */
function createClients(deps: ResourceReaderDeps): Clients {
  let s3: ReturnType<Clients['s3']> | undefined;
  const kms = new Map<string, ReturnType<Clients['kms']>>();
  const credentials = deps.credentials ? { credentials: deps.credentials } : {};
  return {
    retry: retryOptionsOf(deps),
    s3() {
      s3 ??= import('@aws-sdk/client-s3').then((sdk) => ({
        sdk,
        client: new sdk.S3Client({
          ...baseClientConfig({ ...deps, ...(deps.s3Endpoint ? { endpoint: deps.s3Endpoint } : {}) }),
          ...credentials,
          // A bucket of another region answers 301; the client follows it to the bucket's region.
          followRegionRedirects: true,
          // An endpoint override (a loopback server, a VPC endpoint by IP) takes the bucket in the path.
          ...(deps.s3Endpoint ? { forcePathStyle: true } : {}),
        }),
      }));
      return s3;
    },
    kms(region) {
      let made = kms.get(region);
      if (!made) {
        made = import('@aws-sdk/client-kms').then((sdk) => ({
          sdk,
          client: new sdk.KMSClient({
            ...baseClientConfig({ ...deps, region, ...(deps.kmsEndpoint ? { endpoint: deps.kmsEndpoint } : {}) }),
            ...credentials,
          }),
        }));
        kms.set(region, made);
      }
      return made;
    },
  };
}

/**
 * The bucket's policy, or null when S3 answers NoSuchBucketPolicy. A bucket ARN names no account, and a bucket of
 * another account is decided as a cross-account request (its policy must allow), so the owner is proven first:
 * `ExpectedBucketOwner` makes S3 answer 403 for a bucket the role's account does not own
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-owner-condition.html). A bucket of another account
 * whose owner cannot be learned is left unread rather than decided as the role's own.
 */
async function readBucket(
  clients: Clients,
  target: Extract<Target, { kind: 's3' }>,
  account: string | undefined,
): Promise<ResourcePolicyModel | null> {
  const { sdk, client } = await clients.s3();
  const get = (owner: string | undefined) =>
    callOrThrow(
      's3:GetBucketPolicy',
      target.arn,
      () =>
        client.send(
          new sdk.GetBucketPolicyCommand({ Bucket: target.bucket, ...(owner ? { ExpectedBucketOwner: owner } : {}) }),
        ),
      clients.retry,
    );
  const orNone = async <T>(read: Promise<T>): Promise<T | null> => {
    try {
      return await read;
    } catch (error) {
      if (error instanceof PolicyReadError && error.error.code === 'NoSuchBucketPolicy') return null;
      throw error;
    }
  };
  let out: Awaited<ReturnType<typeof get>> | null;
  try {
    out = await orNone(get(account));
  } catch (error) {
    if (!(error instanceof PolicyReadError) || error.error.kind !== 'access-denied' || !account) throw error;
    // Denied with the owner named: denied outright, or owned by another account. Asked without it, S3 tells which.
    await orNone(get(undefined));
    throw otherOwner(target, account);
  }
  if (out === null) return null;
  if (out.Policy === undefined) throw badAnswer('s3:GetBucketPolicy', target.arn, 'no Policy');
  return {
    resourceArn: target.arn,
    ...(account ? { accountId: account } : {}),
    policy: { name: target.arn, document: parsePolicy('s3:GetBucketPolicy', target.arn, out.Policy) },
  };
}

/** A bucket that answers, but not as the role account's: its owner is another account, which S3 does not name. */
function otherOwner(target: Extract<Target, { kind: 's3' }>, account: string): PolicyReadError {
  const error = badAnswer(
    's3:GetBucketPolicy',
    target.arn,
    `the bucket is not owned by account ${account} (S3 refused ExpectedBucketOwner ${account}), and S3 does not say which account owns it`,
  );
  return new PolicyReadError({ ...error.error, code: 'OtherBucketOwner', kind: 'rejected' }, target.arn);
}

/** The key's policy (every key has one: a key is created with its default key policy). */
async function readKey(clients: Clients, target: Extract<Target, { kind: 'kms' }>): Promise<ResourcePolicyModel> {
  const { sdk, client } = await clients.kms(target.region);
  const out = await callOrThrow(
    'kms:GetKeyPolicy',
    target.arn,
    () => client.send(new sdk.GetKeyPolicyCommand({ KeyId: target.arn, PolicyName: 'default' })),
    clients.retry,
  );
  if (out.Policy === undefined) throw badAnswer('kms:GetKeyPolicy', target.arn, 'no Policy');
  return {
    resourceArn: target.arn,
    accountId: target.account,
    policy: { name: target.arn, document: parsePolicy('kms:GetKeyPolicy', target.arn, out.Policy) },
  };
}

/** A policy as the service returns it, a JSON string, bounded in size and depth. */
function parsePolicy(operation: string, resource: string, text: string): unknown {
  if (text.length > MAX_POLICY) throw badAnswer(operation, resource, `a policy of ${text.length} characters`);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw badAnswer(operation, resource, 'the policy is not JSON');
  }
  if (valueTooDeep(document))
    throw badAnswer(operation, resource, `a policy nested deeper than ${MAX_JSON_DEPTH} levels`);
  return document;
}
