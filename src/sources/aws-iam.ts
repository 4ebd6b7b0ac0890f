/**
 * Live IAM reads: the role to assume (trust policy, MaxSessionDuration, inline and attached policies, permissions
 * boundary) and the account's OIDC providers, as the plain data of `src/aws/model.ts`.
 *
 * - Every IAM object is read at most once per reader (a policy attached and used as the boundary is one read),
 *   independent reads run concurrently (at most {@link DEFAULT_CONCURRENCY} at a time), and lists are paginated.
 * - Policy documents arrive URL-encoded (RFC 3986) and are decoded before parsing (TOOLCHAIN.md).
 *   https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetRole.html
 * - It fails closed: a denied, throttled-out or malformed read, or a 200 answer without the fields relied on,
 *   becomes a finding, never an empty success. The SDK is loaded with `await import()` on first use.
 */
import type { IAMClient, IAMClientConfig } from '@aws-sdk/client-iam';
import type { OidcProviderModel, PolicyDocument, RoleModel } from '../aws/model.js';
import type { DecisionPoint, Finding } from '../checks/finding.js';
import {
  type AwsClientOptions,
  baseClientConfig,
  callWithRetry,
  describeSourceError,
  incompleteResponse,
  type SourceError,
} from './aws-errors.js';
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
const ACCESS_DENIED_DOCS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html';

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

/** One failed read: what was asked, of which resource, and what AWS said. */
interface Failure {
  readonly action: string;
  readonly resource: string;
  readonly error: SourceError;
}

/** Carries failures through Promise.allSettled; caught by the reader, never seen outside this module. */
class ReadError extends Error {
  constructor(readonly failures: readonly Failure[]) {
    super(failures.map((f) => describeSourceError(f.error)).join('; '));
  }
}

/** A failure found in an answer (rather than thrown by the SDK), as a ReadError. */
function answerFailure(action: string, resource: string, code: string, message: string, requestId?: string) {
  const error: SourceError = {
    operation: `iam:${action}`,
    code,
    kind: code === 'IncompleteResponse' ? 'malformed-response' : 'rejected',
    retryable: false,
    message,
    ...(requestId ? { requestId } : {}),
  };
  return new ReadError([{ action, resource, error }]);
}

/** Awaits every read, then fails with all their failures together, so one run lists every missing permission. */
async function settle<T extends readonly unknown[]>(reads: { readonly [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const results = await Promise.allSettled(reads);
  const failures = results.flatMap((r) => {
    if (r.status === 'fulfilled') return [];
    if (r.reason instanceof ReadError) return r.reason.failures;
    throw r.reason; // a bug, not an AWS answer
  });
  if (failures.length > 0) throw new ReadError(failures);
  return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

const ROLE_ARN = /^arn:(aws[a-z-]*):iam::(\d{12}):role\/(?:[\x21-\x7e]*\/)?([\w+=,.@-]{1,64})$/;

/** Decodes and parses a document as IAM returns it; a document that is already JSON is parsed as it is. */
function parseDocument(raw: string, action: string, resource: string, requestId?: string): unknown {
  try {
    // Encoded text starts with `%7B`; decoding plain JSON could corrupt a literal `%` inside it.
    return JSON.parse(raw.trimStart().startsWith('{') ? raw : decodeURIComponent(raw));
  } catch {
    throw answerFailure(
      action,
      resource,
      'UnreadablePolicyDocument',
      'the policy document is not URL-encoded JSON',
      requestId,
    );
  }
}

/** Builds a reader whose reads are memoized and share one concurrency limit. */
export function createIamReader(deps: IamReaderDeps = {}): IamReader {
  const memo = new Map<string, Promise<unknown>>();
  const retry = {
    ...(deps.maxAttempts !== undefined ? { maxAttempts: deps.maxAttempts } : {}),
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
  };
  let sdk: Promise<{ sdk: IamSdk; client: IamClientLike }> | undefined;
  const limit = createLimiter(deps.concurrency ?? DEFAULT_CONCURRENCY);

  /** One IAM call, memoized by action and parameters, limited, retried; a failure rejects with a ReadError. */
  function call<T extends { $metadata: { requestId?: string | undefined } }>(
    action: string,
    resource: string,
    params: Record<string, string | undefined>,
    send: (sdk: IamSdk, client: IamClientLike) => Promise<T>,
  ): Promise<T> {
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
  }

  const missing = (action: string, resource: string, field: string, requestId?: string): never => {
    const { code, message } = incompleteResponse(`iam:${action}`, field);
    throw answerFailure(action, resource, code, message, requestId);
  };

  /** Every page of a List* call; the list element must be present in each page (IAM sends `<X/>` when empty). */
  async function listAll<T>(
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

  async function readManagedPolicy(arn: string): Promise<PolicyDocument> {
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
    return { name, arn, document: parseDocument(raw, 'GetPolicyVersion', arn, version.$metadata.requestId) };
  }

  async function loadRole(roleArn: string, roleName: string, accountId: string): Promise<RoleModel> {
    const byName = { roleName };
    const [got, inlineNames, attached] = await settle([
      call('GetRole', roleArn, byName, (m, c) => c.send(new m.GetRoleCommand({ RoleName: roleName }))),
      listAll('ListRolePolicies', roleArn, byName, async (m, c, Marker) => {
        const out = await c.send(new m.ListRolePoliciesCommand({ RoleName: roleName, ...(Marker ? { Marker } : {}) }));
        return { ...out, items: out.PolicyNames };
      }),
      listAll('ListAttachedRolePolicies', roleArn, byName, async (m, c, Marker) => {
        const out = await c.send(
          new m.ListAttachedRolePoliciesCommand({ RoleName: roleName, ...(Marker ? { Marker } : {}) }),
        );
        return { ...out, items: out.AttachedPolicies };
      }),
    ]);
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
    const boundaryArn = role.PermissionsBoundary?.PermissionsBoundaryArn;
    const name = role.RoleName ?? roleName;
    const [inlinePolicies, managedPolicies, boundary] = await settle([
      settle(
        inlineNames.map(async (policyName): Promise<PolicyDocument> => {
          const out = await call('GetRolePolicy', roleArn, { roleName, policyName }, (m, c) =>
            c.send(new m.GetRolePolicyCommand({ RoleName: roleName, PolicyName: policyName })),
          );
          const raw =
            out.PolicyDocument ?? missing('GetRolePolicy', roleArn, 'PolicyDocument', out.$metadata.requestId);
          return {
            name: `${name}/inline/${policyName}`,
            document: parseDocument(raw, 'GetRolePolicy', roleArn, out.$metadata.requestId),
          };
        }),
      ),
      settle(
        attached.map((a) =>
          readManagedPolicy(a.PolicyArn ?? missing('ListAttachedRolePolicies', roleArn, 'AttachedPolicies.PolicyArn')),
        ),
      ),
      boundaryArn ? readManagedPolicy(boundaryArn) : Promise.resolve(undefined),
    ]);
    const tags = Object.fromEntries((role.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
    return {
      arn,
      name,
      accountId,
      maxSessionDuration,
      trustPolicy: { name: `${name}/trust`, document: parseDocument(trust, 'GetRole', roleArn, requestId) },
      inlinePolicies,
      managedPolicies,
      ...(boundary ? { permissionsBoundary: boundary } : {}),
      ...(role.Tags && role.Tags.length > 0 ? { tags } : {}),
    };
  }

  async function loadProviders(accountId: string): Promise<OidcProviderModel[]> {
    const listed = await call('ListOpenIDConnectProviders', '*', {}, (m, c) =>
      c.send(new m.ListOpenIDConnectProvidersCommand({})),
    );
    const entries =
      listed.OpenIDConnectProviderList ??
      missing('ListOpenIDConnectProviders', '*', 'OpenIDConnectProviderList', listed.$metadata.requestId);
    const arns = entries.map(
      (e) => e.Arn ?? missing('ListOpenIDConnectProviders', '*', 'OpenIDConnectProviderList.Arn'),
    );
    const foreign = arns.find((arn) => arn.split(':')[4] !== accountId);
    if (foreign) {
      const message = `IAM listed ${foreign}: the inspecting credentials belong to another account than ${accountId}`;
      throw answerFailure('ListOpenIDConnectProviders', '*', 'WrongAccount', message);
    }
    return settle(
      arns.map(async (arn): Promise<OidcProviderModel> => {
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
      }),
    );
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

  return {
    async readRole(roleArn) {
      const match = ROLE_ARN.exec(roleArn);
      if (!match) return { ok: false, findings: [invalidRoleArn(roleArn)] };
      const read = await guard(`IAM role ${roleArn}`, () => loadRole(roleArn, match[3] ?? '', match[2] ?? ''));
      return read.ok ? { ok: true, role: read.value } : read;
    },
    async readOidcProviders(accountId) {
      const read = await guard(`IAM OIDC providers of account ${accountId}`, () => loadProviders(accountId));
      return read.ok ? { ok: true, providers: read.value } : read;
    },
  };
}

/** A small FIFO semaphore: at most `max` tasks run at once. Per reader, never module-level. */
function createLimiter(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

function invalidRoleArn(roleArn: string): Finding {
  return {
    id: `aws-iam:config:invalid-role-arn`,
    subject: 'role-to-assume',
    decisionPoint: 'config',
    class: 'invalid-role-arn',
    status: 'fail',
    message: `'${roleArn}' is not an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME).`,
    evidence: { roleArn },
    fix: 'Set role-to-assume to the full role ARN, e.g. arn:aws:iam::111111111111:role/deploy.',
  };
}

/** The layer that denied a read, as AWS's enhanced AccessDenied message names it ("... because no ..."). */
function deniedBy(message: string): DecisionPoint {
  if (/service control polic/i.test(message)) return 'scp';
  if (/resource control polic/i.test(message)) return 'rcp';
  if (/permissions boundar/i.test(message)) return 'permissions-boundary';
  if (/session polic/i.test(message)) return 'session-policy';
  if (/resource-based polic/i.test(message)) return 'resource-policy';
  return 'identity-policy';
}

const LAYER_WORDS: Partial<Record<DecisionPoint, string>> = {
  scp: 'service control policy',
  rcp: 'resource control policy',
  'permissions-boundary': 'permissions boundary',
  'session-policy': 'session policy',
  'resource-policy': 'resource-based policy',
};

/** The layer a read was verifying, for failures that are not denials. */
const VERIFYING: Readonly<Record<string, DecisionPoint>> = {
  GetRole: 'sts-trust',
  ListOpenIDConnectProviders: 'oidc-provider',
  GetOpenIDConnectProvider: 'oidc-provider',
};

function classOf(error: SourceError): string {
  if (error.code === 'WrongAccount') return 'wrong-account';
  if (error.code === 'UnreadablePolicyDocument') return 'unreadable-policy';
  if (error.kind === 'not-found') return 'not-found';
  if (error.kind === 'malformed-response') return 'malformed-response';
  if (error.kind === 'no-credentials' || error.kind === 'bad-credentials') return 'no-inspecting-credentials';
  return 'could-not-verify';
}

function fixFor(f: Failure, cls: string): string {
  if (cls === 'wrong-account' || cls === 'not-found') {
    return `Check that the ARN is right and that this step runs with credentials of account ${f.resource.split(':')[4] || 'that owns the role'}: IAM reads answer from the credentials' own account.`;
  }
  if (cls === 'no-inspecting-credentials') {
    return 'Give this step AWS credentials that may read IAM (for example a configure-aws-credentials step before it with a read-only role), or turn live IAM reads off and give the policies as files.';
  }
  if (cls === 'malformed-response' || cls === 'unreadable-policy') {
    return 'Something between the runner and IAM answered instead of AWS (a proxy or a captive portal?): check HTTPS_PROXY and NO_PROXY, then re-run.';
  }
  return 'Re-run the job; if it persists, check https://health.aws.amazon.com and lower the number of parallel jobs reading IAM.';
}

/** One finding per failed read, deduplicated (a policy attached and used as the boundary fails once). */
function toFindings(failures: readonly Failure[], subject: string): Finding[] {
  const byId = new Map<string, Finding>();
  for (const f of failures) {
    const { error } = f;
    const evidence = {
      operation: error.operation,
      resource: f.resource,
      awsErrorCode: error.code,
      awsMessage: error.message,
      ...(error.requestId ? { requestId: error.requestId } : {}),
      ...(error.attempts ? { attempts: error.attempts } : {}),
    };
    if (error.kind === 'access-denied') {
      const statement = { Effect: 'Allow', Action: `iam:${f.action}`, Resource: f.resource };
      const layer = deniedBy(error.message);
      const who = /^User: (\S+) is not authorized/.exec(error.message)?.[1];
      byId.set(`aws-iam:read-denied:${f.action}:${f.resource}`, {
        id: `aws-iam:read-denied:${f.action}:${f.resource}`,
        subject,
        decisionPoint: layer,
        class: 'read-denied',
        status: 'unverified',
        message: `The inspecting identity lacks iam:${f.action} on ${f.resource}, so this could not be verified (fail closed).`,
        evidence: { ...evidence, ...(who ? { inspectingIdentity: who } : {}) },
        fix:
          `Add this statement to the policy of the identity this step runs as${who ? ` (${who})` : ''}:\n\n` +
          `${JSON.stringify(statement, null, 2)}\n\n` +
          (layer === 'identity-policy'
            ? 'The README lists the minimal read-only policy for every live read.'
            : `AWS says a ${LAYER_WORDS[layer] ?? layer} denies it, so that statement alone will not do: allow iam:${f.action} there too.`),
        docUrl: ACCESS_DENIED_DOCS,
      });
      continue;
    }
    const cls = classOf(error);
    const id = `aws-iam:${cls}:${f.action}:${f.resource}`;
    byId.set(id, {
      id,
      subject,
      decisionPoint: VERIFYING[f.action] ?? 'identity-policy',
      class: cls,
      status: 'unverified',
      message: `Could not read ${f.resource} from IAM: ${describeSourceError(error)}. Nothing was assumed in its place (fail closed).`,
      evidence,
      fix: fixFor(f, cls),
    });
  }
  return [...byId.values()];
}
