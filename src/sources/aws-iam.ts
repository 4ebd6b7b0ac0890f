/**
 * Live IAM reads: the role to assume (trust policy, MaxSessionDuration, inline and attached policies, permissions
 * boundary, unique ID) and the account's OIDC providers, as the plain data of `src/model/aws.ts`.
 *
 * - Every IAM object is read at most once per reader (a policy attached and used as the boundary is one read),
 *   independent reads run concurrently (at most {@link DEFAULT_CONCURRENCY} at a time), and lists are paginated.
 * - Policy documents arrive URL-encoded (RFC 3986) and are decoded before parsing.
 *   https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetRole.html
 * - It fails closed: a denied, throttled-out or malformed read, or a 200 answer without the fields relied on,
 *   becomes a finding, never an empty success. The SDK is loaded with `await import()` on first use.
 */
import type { AttachedPolicy, GetRoleCommandOutput, IAMClient, IAMClientConfig } from '@aws-sdk/client-iam';
import { type OidcProviderModel, type PolicyDocument, ROLE_ID, type RoleModel } from '../model/aws.js';
import type { Finding } from '../model/finding.js';
import {
  type AwsClientOptions,
  baseClientConfig,
  callWithRetry,
  incompleteResponse,
  retryOptionsOf,
} from './aws-errors.js';
import { invalidRoleArn, toFindings } from './aws-iam-findings.js';
import { answerFailure, createLimiter, parseDocument, ReadError, settle } from './aws-iam-read.js';
import type { Sleep } from './http.js';

/** The part of `IAMClient` used here; tests and callers may pass their own (built with `maxAttempts: 1`). */
export type IamClientLike = Pick<IAMClient, 'send'>;
type IamSdk = typeof import('@aws-sdk/client-iam');

/** What the IAM reader needs; all optional. */
export interface IamReaderDeps extends AwsClientOptions {
  /** A client to use instead of one built by {@link createIamClient}; it must not retry on its own. */
  readonly client?: IamClientLike;
  /** Default: the SDK's credential chain (the credentials the job already has). */
  readonly credentials?: IAMClientConfig['credentials'];
  /** Attempts per read in all, retryable failures only. Default 4. */
  readonly maxAttempts?: number;
  readonly sleep?: Sleep;
  /** Reads in flight at once. Default {@link DEFAULT_CONCURRENCY}. */
  readonly concurrency?: number;
}

/** A role, or the findings that say why it could not be read. */
export type RoleReadResult =
  | { readonly ok: true; readonly role: RoleModel }
  | { readonly ok: false; readonly findings: readonly Finding[] };

/** The account's OIDC providers, or the findings that say why they could not be read. */
export type OidcProvidersReadResult =
  | { readonly ok: true; readonly providers: readonly OidcProviderModel[] }
  | { readonly ok: false; readonly findings: readonly Finding[] };

/** One reader per run: its reads are shared, so nothing is read twice. */
export interface IamReader {
  readRole(roleArn: string): Promise<RoleReadResult>;
  readOidcProviders(accountId: string): Promise<OidcProvidersReadResult>;
}

/** IAM allows bursts; eight reads in flight keeps a run fast without provoking its throttling. */
export const DEFAULT_CONCURRENCY = 8;
const MAX_PAGES = 100;

/**
 * The least the live reads need, for the README: read-only, on roles, managed policies and OIDC providers.
 * `arn:aws:iam::*:policy/*` covers AWS managed policies too (their account field is `aws`). Other partitions
 * (`aws-us-gov`, `aws-cn`) replace `arn:aws:`.
 */
export const MINIMAL_READ_POLICY = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'ReadRoleToAssume',
      Effect: 'Allow',
      Action: ['iam:GetRole', 'iam:ListRolePolicies', 'iam:GetRolePolicy', 'iam:ListAttachedRolePolicies'],
      Resource: 'arn:aws:iam::*:role/*',
    },
    {
      Sid: 'ReadManagedPolicies',
      Effect: 'Allow',
      Action: ['iam:GetPolicy', 'iam:GetPolicyVersion'],
      Resource: 'arn:aws:iam::*:policy/*',
    },
    {
      Sid: 'ReadOidcProvider',
      Effect: 'Allow',
      Action: 'iam:GetOpenIDConnectProvider',
      Resource: 'arn:aws:iam::*:oidc-provider/*',
    },
    { Sid: 'ListOidcProviders', Effect: 'Allow', Action: 'iam:ListOpenIDConnectProviders', Resource: '*' },
  ],
} as const;

/** An IAM client with an optional endpoint override and credentials, and no SDK retries (see aws-errors.ts). */
export async function createIamClient(
  options: AwsClientOptions & { readonly credentials?: IAMClientConfig['credentials'] } = {},
): Promise<IAMClient> {
  const { IAMClient } = await import('@aws-sdk/client-iam');
  return new IAMClient({
    ...baseClientConfig(options),
    ...(options.credentials !== undefined ? { credentials: options.credentials } : {}),
  });
}

/** Reads one role with a reader of its own. To share reads across calls, use {@link createIamReader}. */
export function readRoleLive(roleArn: string, deps: IamReaderDeps = {}): Promise<RoleReadResult> {
  return createIamReader(deps).readRole(roleArn);
}

/** Reads the OIDC providers of `accountId` (the inspecting credentials' account) with a reader of its own. */
export function readOidcProvidersLive(accountId: string, deps: IamReaderDeps = {}): Promise<OidcProvidersReadResult> {
  return createIamReader(deps).readOidcProviders(accountId);
}

/** One page of a List* answer, with its list under a common name. */
interface Page<T> {
  readonly items: T[] | undefined;
  readonly IsTruncated?: boolean | undefined;
  readonly Marker?: string | undefined;
  readonly $metadata: { readonly requestId?: string | undefined };
}

const ROLE_ARN = /^arn:(aws[a-z-]*):iam::(\d{12}):role\/(?:[\x21-\x7e]*\/)?([\w+=,.@-]{1,64})$/;

/** What every IAM answer carries. */
type Answer = { $metadata: { requestId?: string | undefined } };

/** One IAM call of a reader, with the resource its failure is about; the parameters key its memo. */
type Call = <T extends Answer>(
  action: string,
  resource: string,
  params: Record<string, string | undefined>,
  send: (sdk: IamSdk, client: IamClientLike) => Promise<T>,
) => Promise<T>;

/** Builds a reader whose reads are memoized and share one concurrency limit. */
export function createIamReader(deps: IamReaderDeps = {}): IamReader {
  const call = createCall(deps);
  return {
    async readRole(roleArn) {
      const match = ROLE_ARN.exec(roleArn);
      if (!match) return { ok: false, findings: [invalidRoleArn(roleArn)] };
      const read = await guard(`IAM role ${roleArn}`, () => loadRole(call, roleArn, match[3] ?? '', match[2] ?? ''));
      return read.ok ? { ok: true, role: read.value } : read;
    },
    async readOidcProviders(accountId) {
      const read = await guard(`IAM OIDC providers of account ${accountId}`, () => loadProviders(call, accountId));
      return read.ok ? { ok: true, providers: read.value } : read;
    },
  };
}

/**
 * A reader's IAM calls: each memoized by action and parameters, run within the reader's concurrency limit and
 * retried; a failure rejects with a ReadError. The SDK and the client are made on the first call.
 */
function createCall(deps: IamReaderDeps): Call {
  const memo = new Map<string, Promise<unknown>>();
  const retry = retryOptionsOf(deps);
  let sdk: Promise<{ sdk: IamSdk; client: IamClientLike }> | undefined;
  const limit = createLimiter(deps.concurrency ?? DEFAULT_CONCURRENCY);
  return <T extends Answer>(
    action: string,
    resource: string,
    params: Record<string, string | undefined>,
    send: (sdk: IamSdk, client: IamClientLike) => Promise<T>,
  ): Promise<T> => {
    const key = `${action} ${JSON.stringify(params)}`;
    const cached = memo.get(key) as Promise<T> | undefined;
    if (cached) return cached;
    const read = limit(async () => {
      sdk ??= import('@aws-sdk/client-iam').then(async (m) => ({
        sdk: m,
        client: deps.client ?? (await createIamClient(deps)),
      }));
      const { sdk: m, client } = await sdk;
      const result = await callWithRetry(`iam:${action}`, () => send(m, client), retry);
      if (!result.ok) throw new ReadError([{ action, resource, error: result.error }]);
      return result.value;
    });
    memo.set(key, read);
    return read;
  };
}

/** Fails a read whose 200 answer lacks `field`. */
function missing(action: string, resource: string, field: string, requestId?: string): never {
  const { code, message } = incompleteResponse(`iam:${action}`, field);
  throw answerFailure(action, resource, code, message, requestId);
}

/** Every page of a List* call; the list element must be present in each page (IAM sends `<X/>` when empty). */
async function listAll<T>(
  call: Call,
  action: string,
  resource: string,
  params: Record<string, string>,
  page: (sdk: IamSdk, client: IamClientLike, marker: string | undefined) => Promise<Page<T>>,
): Promise<T[]> {
  const items: T[] = [];
  let marker: string | undefined;
  for (let n = 0; n < MAX_PAGES; n++) {
    const out = await call(action, resource, { ...params, marker }, (m, c) => page(m, c, marker));
    if (!out.items) return missing(action, resource, 'list', out.$metadata.requestId);
    items.push(...out.items);
    if (out.IsTruncated !== true) return items;
    marker = out.Marker ?? missing(action, resource, 'Marker for the next page', out.$metadata.requestId);
  }
  return missing(action, resource, `end after ${MAX_PAGES} pages`);
}

/** A managed policy's default version (GetPolicy, then GetPolicyVersion), parsed. */
async function readManagedPolicy(call: Call, arn: string): Promise<PolicyDocument> {
  const got = await call('GetPolicy', arn, { arn }, (m, c) => c.send(new m.GetPolicyCommand({ PolicyArn: arn })));
  const versionId =
    got.Policy?.DefaultVersionId ?? missing('GetPolicy', arn, 'Policy.DefaultVersionId', got.$metadata.requestId);
  const version = await call('GetPolicyVersion', arn, { arn, versionId }, (m, c) =>
    c.send(new m.GetPolicyVersionCommand({ PolicyArn: arn, VersionId: versionId })),
  );
  const raw =
    version.PolicyVersion?.Document ??
    missing('GetPolicyVersion', arn, 'PolicyVersion.Document', version.$metadata.requestId);
  const name = got.Policy?.PolicyName ?? arn.slice(arn.lastIndexOf('/') + 1);
  const created = version.PolicyVersion?.CreateDate;
  return {
    name,
    arn,
    versionId,
    ...(created instanceof Date && !Number.isNaN(created.getTime()) ? { versionDate: created.toISOString() } : {}),
    document: parseDocument(raw, 'GetPolicyVersion', arn, version.$metadata.requestId),
  };
}

/** One inline policy of the role (GetRolePolicy), parsed and named `ROLE/inline/POLICY`. */
async function readInlinePolicy(
  call: Call,
  roleArn: string,
  roleName: string,
  name: string,
  policyName: string,
): Promise<PolicyDocument> {
  const out = await call('GetRolePolicy', roleArn, { roleName, policyName }, (m, c) =>
    c.send(new m.GetRolePolicyCommand({ RoleName: roleName, PolicyName: policyName })),
  );
  const raw = out.PolicyDocument ?? missing('GetRolePolicy', roleArn, 'PolicyDocument', out.$metadata.requestId);
  return {
    name: `${name}/inline/${policyName}`,
    document: parseDocument(raw, 'GetRolePolicy', roleArn, out.$metadata.requestId),
  };
}

/** GetRole and the names of the role's inline and attached policies, read together. */
function readRoleAndPolicyLists(call: Call, roleArn: string, roleName: string) {
  const byName = { roleName };
  return settle([
    call('GetRole', roleArn, byName, (m, c) => c.send(new m.GetRoleCommand({ RoleName: roleName }))),
    listAll(call, 'ListRolePolicies', roleArn, byName, async (m, c, Marker) => {
      const out = await c.send(new m.ListRolePoliciesCommand({ RoleName: roleName, ...(Marker ? { Marker } : {}) }));
      return { ...out, items: out.PolicyNames };
    }),
    listAll(call, 'ListAttachedRolePolicies', roleArn, byName, async (m, c, Marker) => {
      const out = await c.send(
        new m.ListAttachedRolePoliciesCommand({ RoleName: roleName, ...(Marker ? { Marker } : {}) }),
      );
      return { ...out, items: out.AttachedPolicies };
    }),
  ]);
}

/** The fields of GetRole's answer relied on, once it is known to be the role asked for. */
function checkedRole(got: GetRoleCommandOutput, roleArn: string, accountId: string) {
  const requestId = got.$metadata.requestId;
  const role = got.Role ?? missing('GetRole', roleArn, 'Role', requestId);
  const arn = role.Arn ?? missing('GetRole', roleArn, 'Role.Arn', requestId);
  // GetRole takes a name and answers from the credentials' own account: a same-named role elsewhere is not it.
  if (arn.split(':')[4] !== accountId || arn.toLowerCase() !== roleArn.toLowerCase()) {
    const message = `IAM answered with ${arn}: the inspecting credentials read another account's role of that name`;
    throw answerFailure('GetRole', roleArn, 'WrongAccount', message, requestId);
  }
  const trust =
    role.AssumeRolePolicyDocument ?? missing('GetRole', roleArn, 'Role.AssumeRolePolicyDocument', requestId);
  const maxSessionDuration =
    role.MaxSessionDuration ?? missing('GetRole', roleArn, 'Role.MaxSessionDuration', requestId);
  return { role, arn, trust, maxSessionDuration, requestId };
}

/** The role's inline, attached and boundary policies, read together (a policy read twice is one read). */
function readRolePolicies(
  call: Call,
  roleArn: string,
  roleName: string,
  name: string,
  lists: { readonly inlineNames: readonly string[]; readonly attached: readonly AttachedPolicy[] },
  boundaryArn: string | undefined,
) {
  return settle([
    settle(lists.inlineNames.map((policyName) => readInlinePolicy(call, roleArn, roleName, name, policyName))),
    settle(
      lists.attached.map((a) =>
        readManagedPolicy(
          call,
          a.PolicyArn ?? missing('ListAttachedRolePolicies', roleArn, 'AttachedPolicies.PolicyArn'),
        ),
      ),
    ),
    boundaryArn ? readManagedPolicy(call, boundaryArn) : Promise.resolve(undefined),
  ]);
}

/** The role to assume with every policy that applies to it. */
async function loadRole(call: Call, roleArn: string, roleName: string, accountId: string): Promise<RoleModel> {
  const [got, inlineNames, attached] = await readRoleAndPolicyLists(call, roleArn, roleName);
  const { role, arn, trust, maxSessionDuration, requestId } = checkedRole(got, roleArn, accountId);
  const boundaryArn = role.PermissionsBoundary?.PermissionsBoundaryArn;
  const name = role.RoleName ?? roleName;
  // Only the session's aws:userid rests on RoleId: without it (or with a malformed one) that key stays unknown.
  const roleId = role.RoleId !== undefined && ROLE_ID.test(role.RoleId) ? role.RoleId : undefined;
  const [inlinePolicies, managedPolicies, boundary] = await readRolePolicies(
    call,
    roleArn,
    roleName,
    name,
    { inlineNames, attached },
    boundaryArn,
  );
  const tags = Object.fromEntries((role.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
  return {
    arn,
    name,
    accountId,
    ...(roleId ? { roleId } : {}),
    maxSessionDuration,
    trustPolicy: { name: `${name}/trust`, document: parseDocument(trust, 'GetRole', roleArn, requestId) },
    inlinePolicies,
    managedPolicies,
    ...(boundary ? { permissionsBoundary: boundary } : {}),
    ...(role.Tags && role.Tags.length > 0 ? { tags } : {}),
  };
}

/** The ARNs of the account's OIDC providers, once all are known to be that account's. */
async function listProviderArns(call: Call, accountId: string): Promise<string[]> {
  const listed = await call('ListOpenIDConnectProviders', '*', {}, (m, c) =>
    c.send(new m.ListOpenIDConnectProvidersCommand({})),
  );
  const entries =
    listed.OpenIDConnectProviderList ??
    missing('ListOpenIDConnectProviders', '*', 'OpenIDConnectProviderList', listed.$metadata.requestId);
  const arns = entries.map((e) => e.Arn ?? missing('ListOpenIDConnectProviders', '*', 'OpenIDConnectProviderList.Arn'));
  const foreign = arns.find((arn) => arn.split(':')[4] !== accountId);
  if (foreign) {
    const message = `IAM listed ${foreign}: the inspecting credentials belong to another account than ${accountId}`;
    throw answerFailure('ListOpenIDConnectProviders', '*', 'WrongAccount', message);
  }
  return arns;
}

/** One OIDC provider (GetOpenIDConnectProvider): its URL without the scheme, audiences and thumbprints. */
async function readProvider(call: Call, arn: string): Promise<OidcProviderModel> {
  const out = await call('GetOpenIDConnectProvider', arn, { arn }, (m, c) =>
    c.send(new m.GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn })),
  );
  const url = out.Url ?? missing('GetOpenIDConnectProvider', arn, 'Url', out.$metadata.requestId);
  // ClientIDList may legitimately be absent: a provider can be created without audiences.
  return {
    arn,
    url: url.replace(/^https:\/\//i, ''),
    clientIds: out.ClientIDList ?? [],
    ...(out.ThumbprintList ? { thumbprints: out.ThumbprintList } : {}),
  };
}

/** Every OIDC provider of the account. */
async function loadProviders(call: Call, accountId: string): Promise<OidcProviderModel[]> {
  const arns = await listProviderArns(call, accountId);
  return settle(arns.map((arn) => readProvider(call, arn)));
}

/** Runs a load and turns its failures into findings; anything else is a bug and is thrown. */
async function guard<T>(
  subject: string,
  load: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; findings: Finding[] }> {
  try {
    return { ok: true, value: await load() };
  } catch (error) {
    if (error instanceof ReadError) return { ok: false, findings: toFindings(error.failures, subject) };
    throw error;
  }
}
