/**
 * Live IAM reads through the real SDK client, pointed at a loopback server that speaks the IAM query protocol
 * (`__tests__/fixtures/aws-query-server.ts`). Static fake credentials and an explicit region: nothing here reaches
 * AWS, the credential chain or the instance metadata service.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OidcProviderModel, PolicyDocument, RoleModel } from '../../src/model/aws.js';
import { classifyAwsError } from '../../src/sources/aws-errors.js';
import {
  createIamClient,
  createIamReader,
  type IamClientLike,
  type IamReaderDeps,
  MINIMAL_READ_POLICY,
  readOidcProvidersLive,
  readRoleLive,
} from '../../src/sources/aws-iam.js';
import { type AwsQueryServer, startAwsQueryServer } from '../fixtures/aws-query-server.js';
import { INSPECTOR, loopbackIamClient, startIamOnLoopback, stopIamOnLoopback } from '../fixtures/iam-loopback.js';

const ACCOUNT = '111111111111';
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/ci/deploy`;

const statement = (sid: string, extra: Record<string, unknown> = {}) => ({
  Version: '2012-10-17',
  Statement: [{ Sid: sid, Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::site/*', ...extra }],
});
const managed = (name: string, extra: Record<string, unknown> = {}): PolicyDocument => ({
  name,
  arn: `arn:aws:iam::${ACCOUNT}:policy/${name}`,
  document: statement(name, extra),
});
const BOUNDARY = managed('DeployBoundary');
const TRUST = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com` },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:acme/api:ref:refs/heads/main' } },
    },
  ],
};
const ROLE: RoleModel = {
  arn: ROLE_ARN,
  name: 'deploy',
  accountId: ACCOUNT,
  roleId: 'AROAQXEXAMPLE7DEPLOY1',
  maxSessionDuration: 7200,
  trustPolicy: { name: 'deploy/trust', document: TRUST },
  inlinePolicies: [
    // Characters that the URL-encoding must round-trip: %, +, &, spaces, quotes and non-ASCII.
    {
      name: 'deploy/inline/s3-write',
      document: statement('Inline1', { Condition: { StringEquals: { 'aws:RequestTag/team': 'a+b %20 "c" & é' } } }),
    },
    { name: 'deploy/inline/logs', document: statement('Inline2') },
    { name: 'deploy/inline/kms', document: statement('Inline3') },
  ],
  // The boundary is also attached: it must be read once.
  managedPolicies: [managed('DeployS3'), BOUNDARY],
  permissionsBoundary: BOUNDARY,
  tags: { team: 'platform' },
};
const { roleId: _deployRoleId, ...ROLE_FIELDS } = ROLE;
/** A role whose GetRole answer has no RoleId (see the query server). */
const OTHER_ROLE: RoleModel = {
  ...ROLE_FIELDS,
  arn: `arn:aws:iam::${ACCOUNT}:role/other`,
  name: 'other',
  inlinePolicies: [],
  managedPolicies: [managed('DeployS3'), ...Array.from({ length: 12 }, (_, i) => managed(`Extra${i}`))],
  tags: {},
};
const PROVIDER: OidcProviderModel = {
  arn: `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`,
  url: 'token.actions.githubusercontent.com',
  clientIds: ['sts.amazonaws.com'],
  thumbprints: ['6938fd4d98bab03faadb97b34396831e3780aea1'],
};

let server: AwsQueryServer;
let client: IamClientLike;
const sleeps: number[] = [];
const sleep = async (ms: number) => void sleeps.push(ms);
const deps = (more: Partial<IamReaderDeps> = {}): IamReaderDeps => ({ client, sleep, ...more });

beforeAll(async () => {
  ({ server, client } = await startIamOnLoopback({
    roles: [ROLE, OTHER_ROLE],
    oidcProviders: [PROVIDER],
    pageSize: 2,
    inspector: INSPECTOR,
  }));
});
afterAll(() => stopIamOnLoopback(server));
afterEach(() => {
  server.reset();
  sleeps.length = 0;
});

const findingsOf = (result: { ok: boolean; findings?: unknown }) => {
  expect(result.ok).toBe(false);
  return (result as { findings: readonly Record<string, unknown>[] }).findings;
};

describe('readRoleLive', () => {
  it('reads the trust policy, duration, inline, attached and boundary policies, decoded, across pages', async () => {
    const result = await readRoleLive(ROLE_ARN, deps());
    // Each managed policy as its version in force, with that version's id and date (GetPolicyVersion).
    const version = { versionId: 'v2', versionDate: '2024-05-01T12:00:00.000Z' };
    const boundary = ROLE.permissionsBoundary && { ...ROLE.permissionsBoundary, ...version };
    expect(result).toEqual({
      ok: true,
      role: {
        ...ROLE,
        managedPolicies: ROLE.managedPolicies.map((p) => ({ ...p, ...version })),
        permissionsBoundary: boundary,
      },
    });
    // Two pages of inline policy names (page size 2), and the signed requests used the static credentials.
    expect(server.count('ListRolePolicies', 'Marker')).toEqual({ '': 1, '2': 1 });
    expect(server.requests.every((r) => r.accessKeyId === INSPECTOR.accessKeyId)).toBe(true);
  });

  it("reads the role's unique ID from GetRole's RoleId, and does without it when IAM sends none", async () => {
    const deploy = await readRoleLive(ROLE_ARN, deps());
    expect(deploy.ok && deploy.role.roleId).toBe('AROAQXEXAMPLE7DEPLOY1');
    const other = await readRoleLive(OTHER_ROLE.arn, deps());
    expect(other).toMatchObject({ ok: true, role: { arn: OTHER_ROLE.arn, name: 'other' } });
    expect(other.ok && 'roleId' in other.role).toBe(false);
    expect(server.count('GetRole', 'RoleName')).toEqual({ deploy: 1, other: 1 });
  });

  it('reads the default version of a managed policy, not an older one', async () => {
    await readRoleLive(ROLE_ARN, deps());
    expect(server.count('GetPolicyVersion', 'VersionId')).toEqual({ v2: 2 });
  });

  it('reads every IAM object at most once, however often it is needed', async () => {
    const reader = createIamReader(deps());
    const [a, b, c] = await Promise.all([
      reader.readRole(ROLE_ARN),
      reader.readRole(ROLE_ARN),
      reader.readRole(OTHER_ROLE.arn),
    ]);
    expect([a.ok, b.ok, c.ok]).toEqual([true, true, true]);
    const perKey = (action: string, key: string) => Object.values(server.count(action, key));
    // DeployBoundary is attached and the boundary; DeployS3 is attached to both roles.
    expect(perKey('GetPolicy', 'PolicyArn').every((n) => n === 1)).toBe(true);
    expect(perKey('GetPolicyVersion', 'PolicyArn').every((n) => n === 1)).toBe(true);
    expect(server.count('GetPolicy', 'PolicyArn')[BOUNDARY.arn ?? '']).toBe(1);
    expect(server.count('GetRole', 'RoleName')).toEqual({ deploy: 1, other: 1 });
  });

  it('runs independent reads concurrently, within the concurrency cap', async () => {
    // 3 list/get calls, then 13 GetPolicy and 13 GetPolicyVersion. The gated server holds every answer until 5
    // requests are in flight (or none arrives for 100 ms): with a cap of 4 it sees exactly 4 at once, however slow the
    // machine; more would break the cap, fewer would not be concurrent. No clock is compared.
    const gated = await startAwsQueryServer({
      roles: [OTHER_ROLE],
      gate: { inFlight: 5, idleMs: 100 },
      inspector: INSPECTOR,
    });
    const slow = await startAwsQueryServer({ roles: [OTHER_ROLE], latencyMs: 10, inspector: INSPECTOR });
    const gatedClient = await loopbackIamClient(gated);
    const slowClient = await loopbackIamClient(slow);
    try {
      expect((await readRoleLive(OTHER_ROLE.arn, { client: gatedClient, concurrency: 4 })).ok).toBe(true);
      expect(gated.maxInFlight).toBe(4);
      // One at a time: each answer held 10 ms, so a second request sent meanwhile would be seen.
      await readRoleLive(OTHER_ROLE.arn, { client: slowClient, concurrency: 1 });
      expect(slow.maxInFlight).toBe(1);
    } finally {
      gatedClient.destroy();
      slowClient.destroy();
      await gated.close();
      await slow.close();
    }
  });

  it('retries throttling with jittered backoff, then succeeds', async () => {
    server.setRules([{ action: 'GetRole', behaviour: { kind: 'throttle' }, times: 2 }]);
    const result = await readRoleLive(ROLE_ARN, deps());
    expect(result.ok).toBe(true);
    expect(server.count('GetRole')).toEqual({ GetRole: 3 });
    expect(sleeps).toHaveLength(2);
    expect(sleeps[0]).toBeLessThan(500);
    expect(sleeps[1]).toBeLessThan(1000);
  });

  it('fails closed with the request id when throttling outlasts the retries', async () => {
    server.setRules([{ action: 'GetRolePolicy', params: { PolicyName: 'logs' }, behaviour: { kind: 'throttle' } }]);
    const [finding, ...rest] = findingsOf(await readRoleLive(ROLE_ARN, deps({ maxAttempts: 3 })));
    const last = server.requests.filter((r) => r.action === 'GetRolePolicy' && r.params.PolicyName === 'logs').at(-1);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      status: 'unverified',
      class: 'could-not-verify',
      evidence: { awsErrorCode: 'Throttling', attempts: 3, requestId: last?.requestId, operation: 'iam:GetRolePolicy' },
    });
    expect(finding?.message).toContain('throttled');
    expect(server.count('GetRolePolicy', 'PolicyName').logs).toBe(3);
  });

  it('retries a 500 and a timeout, which can pass', async () => {
    server.setRules([
      { action: 'GetRole', behaviour: { kind: 'error', code: 'InternalFailure', status: 500 }, times: 1 },
      { action: 'ListRolePolicies', behaviour: { kind: 'hang' }, times: 1 },
    ]);
    const fast = await loopbackIamClient(server, { timeoutMs: 200 });
    try {
      expect((await readRoleLive(ROLE_ARN, deps({ client: fast }))).ok).toBe(true);
      expect(server.count('GetRole').GetRole).toBe(2);
      expect(server.count('ListRolePolicies', 'Marker')['']).toBe(2);
    } finally {
      fast.destroy();
    }
  });

  it('turns AccessDenied on GetRole into a finding with the exact statement to add, without retrying', async () => {
    server.setRules([{ action: 'GetRole', behaviour: { kind: 'deny' } }]);
    const findings = findingsOf(await readRoleLive(ROLE_ARN, deps()));
    const denied = findings.find((f) => f.class === 'read-denied');
    expect(denied).toMatchObject({
      status: 'unverified',
      decisionPoint: 'identity-policy',
      message: `The inspecting identity lacks iam:GetRole on ${ROLE_ARN}, so this could not be verified (fail closed).`,
      evidence: {
        requestId: server.requests.find((r) => r.action === 'GetRole')?.requestId,
        inspectingIdentity: INSPECTOR.arn,
      },
    });
    expect(denied?.fix).toContain(
      JSON.stringify({ Effect: 'Allow', Action: 'iam:GetRole', Resource: ROLE_ARN }, null, 2),
    );
    expect(server.count('GetRole').GetRole).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('names the layer when AWS says an SCP denied the read', async () => {
    const reason = 'with an explicit deny in a service control policy';
    server.setRules([
      { action: 'GetPolicy', params: { PolicyArn: BOUNDARY.arn ?? '' }, behaviour: { kind: 'deny', reason } },
    ]);
    const [finding] = findingsOf(await readRoleLive(ROLE_ARN, deps()));
    expect(finding).toMatchObject({ class: 'read-denied', decisionPoint: 'scp', evidence: { resource: BOUNDARY.arn } });
    expect(finding?.fix).toContain('service control policy');
  });

  it.each([
    ['malformed XML', 'GetPolicyVersion', { kind: 'malformed' }, 'MalformedResponse'],
    ['an empty 200', 'GetRole', { kind: 'empty' }, 'IncompleteResponse'],
    ['an HTML 200', 'ListAttachedRolePolicies', { kind: 'html' }, 'IncompleteResponse'],
  ] as const)('never passes on %s: unverified, not retried', async (_, action, behaviour, code) => {
    server.setRules([{ action, behaviour }]);
    const [finding] = findingsOf(await readRoleLive(ROLE_ARN, deps()));
    expect(finding).toMatchObject({
      status: 'unverified',
      class: 'malformed-response',
      evidence: { awsErrorCode: code },
    });
    expect(finding?.evidence).toHaveProperty('requestId');
    const asked = server.requests.filter((r) => r.action === action).map((r) => JSON.stringify(r.params));
    expect(new Set(asked).size).toBe(asked.length);
  });

  it('reports a role that does not exist, or another account answering, as unverified', async () => {
    const [missing] = findingsOf(await readRoleLive(`arn:aws:iam::${ACCOUNT}:role/nope`, deps()));
    expect(missing).toMatchObject({
      class: 'not-found',
      status: 'unverified',
      evidence: { awsErrorCode: 'NoSuchEntity' },
    });
    const [foreign] = findingsOf(await readRoleLive('arn:aws:iam::222222222222:role/ci/deploy', deps()));
    expect(foreign).toMatchObject({ class: 'wrong-account', status: 'unverified' });
  });

  it('refuses an ARN that is not a role ARN without calling IAM', async () => {
    const [finding] = findingsOf(await readRoleLive('arn:aws:iam::111111111111:user/deploy', deps()));
    expect(finding).toMatchObject({ class: 'invalid-role-arn', decisionPoint: 'config', status: 'fail' });
    expect(server.requests).toEqual([]);
  });

  it('says so when the inspecting identity has no credentials at all', async () => {
    const noCredentials = async () => {
      throw Object.assign(new Error('Could not load credentials from any providers'), {
        name: 'CredentialsProviderError',
      });
    };
    const bare = await createIamClient({ endpoint: server.endpoint, credentials: noCredentials });
    const [finding] = findingsOf(await readRoleLive(ROLE_ARN, deps({ client: bare })));
    expect(finding).toMatchObject({ class: 'no-inspecting-credentials', status: 'unverified' });
    expect(server.requests).toEqual([]);
  });
});

describe('readOidcProvidersLive', () => {
  it('lists and reads the providers', async () => {
    expect(await readOidcProvidersLive(ACCOUNT, deps())).toEqual({ ok: true, providers: [PROVIDER] });
  });

  it('fails closed when a provider read is denied, naming the provider ARN', async () => {
    server.setRules([{ action: 'GetOpenIDConnectProvider', behaviour: { kind: 'deny' } }]);
    const [finding] = findingsOf(await readOidcProvidersLive(ACCOUNT, deps()));
    expect(finding).toMatchObject({ class: 'read-denied', evidence: { resource: PROVIDER.arn } });
    expect(finding?.message).toContain(`lacks iam:GetOpenIDConnectProvider on ${PROVIDER.arn}`);
  });

  it('does not mistake an HTML 200 for "no providers"', async () => {
    server.setRules([{ action: 'ListOpenIDConnectProviders', behaviour: { kind: 'html' } }]);
    const [finding] = findingsOf(await readOidcProvidersLive(ACCOUNT, deps()));
    expect(finding).toMatchObject({
      status: 'unverified',
      class: 'malformed-response',
      decisionPoint: 'oidc-provider',
    });
  });

  it('refuses providers of another account', async () => {
    const [finding] = findingsOf(await readOidcProvidersLive('333333333333', deps()));
    expect(finding).toMatchObject({ class: 'wrong-account', status: 'unverified' });
  });
});

describe('classifyAwsError', () => {
  it.each([
    [{ name: 'Throttling', $metadata: { httpStatusCode: 400 } }, 'throttled', true],
    [{ name: 'Whatever', $metadata: { httpStatusCode: 429 } }, 'throttled', true],
    [{ name: 'ServiceUnavailable', $metadata: { httpStatusCode: 503 } }, 'server', true],
    [Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), 'network', true],
    [Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }), 'network', false],
    [{ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } }, 'access-denied', false],
    [{ name: 'ValidationError', $metadata: { httpStatusCode: 400 } }, 'rejected', false],
    [
      { name: 'InvalidIdentityTokenException', Code: 'InvalidIdentityToken', $metadata: { httpStatusCode: 400 } },
      'rejected',
      false,
    ],
    [{ name: 'RequestTimeTooSkewed', $metadata: { httpStatusCode: 403 } }, 'clock-skew', true],
  ])('%o is %s (retryable: %s)', (error, kind, retryable) => {
    expect(classifyAwsError(error, 'iam:GetRole')).toMatchObject({ kind, retryable });
  });
});

describe('MINIMAL_READ_POLICY', () => {
  it('grants exactly the read actions the reader calls', async () => {
    await readRoleLive(ROLE_ARN, deps());
    await readOidcProvidersLive(ACCOUNT, deps());
    const called = new Set(server.requests.map((r) => `iam:${r.action}`));
    const granted = new Set(MINIMAL_READ_POLICY.Statement.flatMap((s) => s.Action));
    expect([...granted].sort()).toEqual([...called].sort());
  });
});
