/**
 * IAM's SimulatePrincipalPolicy through the real SDK client, pointed at the loopback query-protocol server
 * (`__tests__/fixtures/aws-query-server.ts`), then compared with the engine by the pure cross-check. Static fake
 * credentials and an explicit region: nothing here reaches AWS.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Catalog } from '../../src/catalog/index.js';
import { crossCheckPermissions } from '../../src/checks/cross-check.js';
import { buildPermissionRequests, type PermissionRequest } from '../../src/checks/permissions.js';
import type { AwsConfig } from '../../src/config/aws.js';
import { parsePermissions } from '../../src/config/permissions.js';
import type { RoleModel } from '../../src/model/aws.js';
import { checkAws } from '../../src/pipeline/aws.js';
import type { IamClientLike } from '../../src/sources/aws-iam.js';
import { type SimulationDeps, simulatePrincipalPolicyLive } from '../../src/sources/aws-simulate.js';
import { loadCatalog } from '../../src/sources/catalog.js';
import type { AwsQueryServer } from '../fixtures/aws-query-server.js';
import { roleModel } from '../fixtures/aws-settings.js';
import type { SimulateRequest } from '../fixtures/aws-simulate-xml.js';
import { FAKE_CREDENTIALS, startIamOnLoopback, stopIamOnLoopback } from '../fixtures/iam-loopback.js';

const ACCOUNT = '111111111111';
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/ci/deploy`;
const BUCKET = 'arn:aws:s3:::site-bucket';
const NOW = Date.UTC(2026, 2, 1, 12, 0, 0) / 1000;
const ROLE: RoleModel = roleModel(ROLE_ARN, {
  inlinePolicies: [
    {
      name: 'deploy/inline/s3',
      document: {
        Version: '2012-10-17',
        Statement: [
          { Sid: 'Upload', Effect: 'Allow', Action: ['s3:PutObject', 's3:GetObject'], Resource: `${BUCKET}/*` },
        ],
      },
    },
  ],
  tags: { team: 'platform' },
});
/** IAM as a simple table: these (action, resource) pairs are allowed, by the role's inline policy. */
const grants =
  (allowed: readonly string[], more: Partial<ReturnType<Parameters<AwsQueryServer['setSimulator']>[0]>> = {}) =>
  (r: SimulateRequest) =>
    allowed.includes(`${r.action} ${r.resource}`)
      ? { decision: 'allowed' as const, matched: [{ id: 's3', type: 'role', line: 4, column: 9 }], ...more }
      : { decision: 'implicitDeny' as const, ...more };

let server: AwsQueryServer;
let client: IamClientLike;
let catalog: Catalog;
const sleeps: number[] = [];
const sleep = async (ms: number) => void sleeps.push(ms);
const deps = (more: Partial<SimulationDeps> = {}): SimulationDeps => ({ client, sleep, catalog, ...more });

beforeAll(async () => {
  [{ server, client }, catalog] = await Promise.all([
    startIamOnLoopback({ roles: [ROLE], pageSize: 2 }),
    loadCatalog(),
  ]);
});
afterAll(() => stopIamOnLoopback(server));
afterEach(() => {
  server.reset();
  sleeps.length = 0;
});

const SETTINGS = {
  roleArn: ROLE_ARN,
  region: 'eu-west-1',
  audience: 'sts.amazonaws.com',
  durationSeconds: 3600,
  sessionName: 'gh-run-1',
  managedSessionPolicyArns: [],
  roleChaining: false,
  sessionTags: {},
};

function permissionsOf(lines: string) {
  const parsed = parsePermissions(lines);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.permissions;
}

/** The engine's requests for some permission lines, as src/pipeline/aws.ts builds them. */
function requestsOf(lines: string): PermissionRequest[] {
  const permissions = permissionsOf(lines);
  const input = { role: ROLE, permissions, settings: SETTINGS, inventory: { roles: [ROLE] }, catalog, now: NOW };
  return buildPermissionRequests(input).filter((r): r is PermissionRequest => r !== undefined);
}

/** Simulates, then compares: what the action reports. */
async function crossCheckLive(lines: string, more: Partial<SimulationDeps> = {}) {
  const requests = requestsOf(lines);
  const simulation = await simulatePrincipalPolicyLive(
    { policySourceArn: ROLE_ARN, permissions: requests },
    deps(more),
  );
  const pairs = requests.map((request, i) => ({ request, answer: simulation.answers[i] }));
  return { simulation, findings: [...simulation.findings, ...crossCheckPermissions({ role: ROLE, pairs })] };
}

const simulateCalls = () => server.requests.filter((r) => r.action === 'SimulatePrincipalPolicy');

describe('simulatePrincipalPolicyLive', () => {
  it('reads IAM decision, matched statement, organization and boundary detail and request id', async () => {
    server.setSimulator(
      grants([`s3:PutObject ${BUCKET}/a`], { allowedByOrganizations: true, allowedByPermissionsBoundary: true }),
    );
    const { simulation, findings } = await crossCheckLive(`s3:PutObject ${BUCKET}/a`);
    expect(simulation.answers).toEqual([
      {
        decision: 'allowed',
        matchedStatements: [{ policyId: 's3', policyType: 'role', line: 4, column: 9 }],
        allowedByOrganizations: true,
        allowedByPermissionsBoundary: true,
        missingContextValues: [],
        requestId: simulateCalls()[0]?.requestId,
      },
    ]);
    expect(findings).toMatchObject([{ id: 'cross-check:ok', status: 'pass', evidence: { agreed: 1 } }]);
  });

  it('sends the engine context as ContextEntries typed as the references document each key', async () => {
    // A bucket's Region is the request's (UsingRouting.html): given on the line, it is sent as any key is.
    const line = `s3:ListBucket ${BUCKET} s3:max-keys=10 aws:SourceIp=203.0.113.7 aws:TagKeys=a aws:TagKeys=b aws:RequestedRegion=eu-west-1`;
    await crossCheckLive(line);
    const [call] = simulateCalls();
    const params = call?.params ?? {};
    expect(params).toMatchObject({
      PolicySourceArn: ROLE_ARN,
      'ActionNames.member.1': 's3:ListBucket',
      'ResourceArns.member.1': BUCKET,
    });
    const entries: Record<string, [string, string[]]> = {};
    for (let n = 1; params[`ContextEntries.member.${n}.ContextKeyName`]; n++) {
      const at = `ContextEntries.member.${n}`;
      const values = Object.keys(params)
        .filter((k) => k.startsWith(`${at}.ContextKeyValues.member.`))
        .sort()
        .map((k) => params[k] ?? '');
      entries[params[`${at}.ContextKeyName`] ?? ''] = [params[`${at}.ContextKeyType`] ?? '', values];
    }
    expect(entries).toMatchObject({
      'aws:CurrentTime': ['date', ['2026-03-01T12:00:00Z']],
      'aws:EpochTime': ['numeric', [String(NOW)]],
      'aws:PrincipalArn': ['string', [ROLE_ARN]],
      'aws:PrincipalIsAWSService': ['boolean', ['false']],
      'aws:PrincipalTag/team': ['string', ['platform']],
      'aws:RequestedRegion': ['string', ['eu-west-1']],
      'aws:SecureTransport': ['boolean', ['true']],
      'aws:SourceIp': ['ip', ['203.0.113.7']],
      'aws:TagKeys': ['stringList', ['a', 'b']],
      // From the service authorization reference (the catalog): s3:max-keys is Numeric.
      's3:max-keys': ['numeric', ['10']],
    });
  });

  it('batches the actions that share a resource and a context into one call, and pages through the answers', async () => {
    // Page size 2: three actions on one resource take two pages; another resource, or another context, its own call.
    const lines = [
      `s3:PutObject ${BUCKET}/a`,
      `s3:GetObject ${BUCKET}/a`,
      `s3:DeleteObject ${BUCKET}/a`,
      `s3:PutObject ${BUCKET}/b`,
      `s3:PutObject ${BUCKET}/a aws:SourceIp=10.0.0.1`,
    ].join('\n');
    const table = grants([`s3:PutObject ${BUCKET}/a`, `s3:GetObject ${BUCKET}/a`, `s3:PutObject ${BUCKET}/b`]);
    // This IAM denies any request from 10.0.0.1: it answers each group with that group's own context.
    server.setSimulator((r) =>
      r.context['aws:SourceIp']?.values[0] === '10.0.0.1' ? { decision: 'implicitDeny' } : table(r),
    );
    const { simulation, findings } = await crossCheckLive(lines);
    expect(simulation.answers.map((a) => a?.decision)).toEqual([
      'allowed',
      'allowed',
      'implicitDeny',
      'allowed',
      'implicitDeny',
    ]);
    const calls = simulateCalls();
    expect(
      calls.map((c) => [c.params['ResourceArns.member.1'], c.params['ActionNames.member.3'], c.params.Marker]),
    ).toEqual(
      expect.arrayContaining([
        [`${BUCKET}/a`, 's3:DeleteObject', undefined],
        [`${BUCKET}/a`, 's3:DeleteObject', '2'],
        [`${BUCKET}/b`, undefined, undefined],
        [`${BUCKET}/a`, undefined, undefined],
      ]),
    );
    expect(calls).toHaveLength(4);
    // The engine allows the last one (its policy has no condition on the address), so IAM's deny disagrees.
    expect(findings.map((f) => f.id)).toEqual([`cross-check:s3:PutObject ${BUCKET}/a #2`]);
  });

  it('leaves ResourceArns out for `*`, and reads the top-level result', async () => {
    server.setSimulator(() => ({ decision: 'implicitDeny' }));
    const { simulation, findings } = await crossCheckLive('s3:ListAllMyBuckets *');
    expect(simulateCalls()[0]?.params).not.toHaveProperty('ResourceArns.member.1');
    expect(simulation.answers[0]?.decision).toBe('implicitDeny');
    expect(findings[0]?.id).toBe('cross-check:ok');
  });

  it('shows both answers when IAM and the engine disagree, and fails closed', async () => {
    server.setSimulator(grants([`s3:DeleteObject ${BUCKET}/a`]));
    const { findings } = await crossCheckLive(`s3:DeleteObject ${BUCKET}/a`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      class: 'cross-check-disagreement',
      status: 'unverified',
      decisionPoint: 'identity-policy',
      evidence: { requestId: simulateCalls()[0]?.requestId },
    });
    expect(findings[0]?.message).toContain(
      'Our engine: implicit-deny by identity-policy; IAM SimulatePrincipalPolicy: allowed (matched statement s3 (role policy) at line 4, column 9).',
    );
  });

  it('turns AccessDenied into a finding with the exact statement to add, without retrying or asking again', async () => {
    server.setRules([{ action: 'SimulatePrincipalPolicy', behaviour: { kind: 'deny' } }]);
    const { simulation, findings } = await crossCheckLive(`s3:PutObject ${BUCKET}/a\ns3:PutObject ${BUCKET}/b`, {
      concurrency: 1,
    });
    expect(simulation.answers).toEqual([undefined, undefined]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      id: `aws-simulate:read-denied:${ROLE_ARN}`,
      class: 'read-denied',
      status: 'unverified',
      decisionPoint: 'identity-policy',
      evidence: {
        awsErrorCode: 'AccessDenied',
        inspectingIdentity: 'arn:aws:sts::222222222222:assumed-role/inspector/ci',
        requestId: simulateCalls()[0]?.requestId,
        permissions: [`s3:PutObject ${BUCKET}/a`, `s3:PutObject ${BUCKET}/b`],
      },
    });
    expect(findings[0]?.message).toContain(`lacks iam:SimulatePrincipalPolicy on ${ROLE_ARN}`);
    expect(findings[0]?.fix).toContain(
      JSON.stringify({ Effect: 'Allow', Action: 'iam:SimulatePrincipalPolicy', Resource: ROLE_ARN }, null, 2),
    );
    expect(simulateCalls()).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('retries throttling with backoff, then answers', async () => {
    server.setRules([{ action: 'SimulatePrincipalPolicy', behaviour: { kind: 'throttle' }, times: 2 }]);
    server.setSimulator(grants([`s3:PutObject ${BUCKET}/a`]));
    const { simulation, findings } = await crossCheckLive(`s3:PutObject ${BUCKET}/a`);
    expect(simulation.answers[0]?.decision).toBe('allowed');
    expect(findings.map((f) => f.id)).toEqual(['cross-check:ok']);
    expect(simulateCalls()).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
  });

  it('fails closed with the request id when throttling outlasts the retries', async () => {
    server.setRules([{ action: 'SimulatePrincipalPolicy', behaviour: { kind: 'throttle' } }]);
    const { simulation, findings } = await crossCheckLive(`s3:PutObject ${BUCKET}/a`, { maxAttempts: 3 });
    expect(simulation.answers).toEqual([undefined]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      class: 'could-not-verify',
      status: 'unverified',
      evidence: { awsErrorCode: 'Throttling', attempts: 3, requestId: simulateCalls().at(-1)?.requestId },
    });
    expect(findings[0]?.message).toContain(`request id ${simulateCalls().at(-1)?.requestId}`);
  });

  it.each([
    ['malformed XML', { kind: 'malformed' }, 'MalformedResponse'],
    ['an empty 200', { kind: 'empty' }, 'IncompleteResponse'],
    ['an HTML 200', { kind: 'html' }, 'IncompleteResponse'],
  ] as const)('never takes %s for an answer', async (_, behaviour, code) => {
    server.setRules([{ action: 'SimulatePrincipalPolicy', behaviour }]);
    const { simulation, findings } = await crossCheckLive(`s3:PutObject ${BUCKET}/a`);
    expect(simulation.answers).toEqual([undefined]);
    expect(findings).toMatchObject([
      { class: 'malformed-response', status: 'unverified', evidence: { awsErrorCode: code } },
    ]);
  });

  it('fails closed when IAM leaves an action unanswered', async () => {
    server.setSimulator(() => ({ decision: 'weird' as 'allowed' }));
    const { findings } = await crossCheckLive(`s3:PutObject ${BUCKET}/a`);
    expect(findings).toMatchObject([{ class: 'malformed-response', evidence: { awsErrorCode: 'IncompleteResponse' } }]);
  });

  it('says when the role is not in the inspecting account', async () => {
    const other = 'arn:aws:iam::111111111111:role/nope';
    const result = await simulatePrincipalPolicyLive(
      { policySourceArn: other, permissions: requestsOf(`s3:PutObject ${BUCKET}/a`) },
      deps(),
    );
    expect(result.findings).toMatchObject([{ class: 'not-found', evidence: { awsErrorCode: 'NoSuchEntity' } }]);
  });

  it('makes no call when there is nothing to simulate', async () => {
    expect(await simulatePrincipalPolicyLive({ policySourceArn: ROLE_ARN, permissions: [] }, deps())).toEqual({
      answers: [],
      findings: [],
    });
    expect(server.requests).toEqual([]);
  });
});

describe('checkAws with aws-cross-check', () => {
  const config = (crossCheck: boolean): AwsConfig => ({
    settings: SETTINGS,
    permissions: permissionsOf(`s3:PutObject ${BUCKET}/a\ns3:PutObjcet ${BUCKET}/a`),
    sources: { policyFiles: [], liveReads: true, probe: false, crossCheck },
  });
  const awsDeps = {
    env: { AWS_ENDPOINT_URL_IAM: '' },
    mask: () => {},
    now: () => NOW,
    loadCatalog: () => Promise.resolve(catalog),
  };

  it('asks IAM at AWS_ENDPOINT_URL_IAM after the permissions check, for the permissions that validate', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', FAKE_CREDENTIALS.accessKeyId);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', FAKE_CREDENTIALS.secretAccessKey);
    server.setSimulator(grants([`s3:PutObject ${BUCKET}/a`]));
    const env = { AWS_ENDPOINT_URL_IAM: server.endpoint };
    const findings = await checkAws(config(true), undefined, { ...awsDeps, env });
    const ids = findings.map((f) => f.id);
    // The misspelt action fails in the permissions check and is not simulated.
    expect(ids.indexOf('cross-check:ok')).toBeGreaterThan(ids.indexOf(`permissions:s3:PutObject ${BUCKET}/a`));
    expect(simulateCalls().map((c) => c.params['ActionNames.member.1'])).toEqual(['s3:PutObject']);
    server.reset();
    const off = await checkAws(config(false), undefined, { ...awsDeps, env });
    expect(off.some((f) => f.id.startsWith('cross-check'))).toBe(false);
    expect(simulateCalls()).toEqual([]);
  });
});
