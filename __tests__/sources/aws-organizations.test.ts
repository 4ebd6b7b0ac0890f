/**
 * The live reads of the SCPs and RCPs, through the real Organizations SDK client against a loopback server that speaks
 * AWS JSON 1.1 (`X-Amz-Target: AWSOrganizationsV20161128.*`), endpoint overridden.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createOrganizationsClient, ORG_READ_STATEMENT, readOrgPolicies } from '../../src/sources/aws-organizations.js';
import { type PolicyServers, type PolicyServersOptions, startPolicyServers } from '../fixtures/aws-policy-servers.js';
import { FAKE_CREDENTIALS } from '../fixtures/iam-loopback.js';
import { DENY_ALL_OUTSIDE_EU, FULL_AWS_ACCESS, orgWithRegionGuard } from '../fixtures/org-policies.js';

const ACCOUNT = '111122223333';
let server: PolicyServers | undefined;

beforeAll(() => {
  vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function read(options: PolicyServersOptions, callerInAccount = true) {
  server = await startPolicyServers(options);
  const client = await createOrganizationsClient({ endpoint: server.endpoint, credentials: FAKE_CREDENTIALS });
  return readOrgPolicies(ACCOUNT, { callerInAccount }, { client, sleep: async () => {} });
}

describe('live reads of the SCPs and RCPs (orgs_manage_policies_scps_evaluation.html)', () => {
  it('reads every level from the root down to the account, each SCP by DescribePolicy, in the engine shape', async () => {
    const result = await read({ org: orgWithRegionGuard(ACCOUNT) });
    expect(result.kind).toBe('read');
    if (result.kind !== 'read') return;
    expect(result.targets).toEqual(['r-ex12', 'ou-ex12-workload1', ACCOUNT]);
    expect(result.scps.map((level) => level.map((p) => p.name))).toEqual([
      ['FullAWSAccess'],
      ['FullAWSAccess', 'DenyAllOutsideEU'],
      ['FullAWSAccess'],
    ]);
    expect(result.scps[1]?.[1]?.document).toEqual(DENY_ALL_OUTSIDE_EU.content);
    expect(result.scps[0]?.[0]?.arn).toBe('arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess');
    expect(result.rcps.map((level) => level.map((p) => p.name))).toEqual([['RCPFullAWSAccess'], [], []]);
    const ops = server?.requests.map((r) => r.operation) ?? [];
    expect(ops.filter((o) => o === 'organizations:ListParents')).toHaveLength(2);
    expect(ops.filter((o) => o === 'organizations:ListPoliciesForTarget')).toHaveLength(6);
    // FullAWSAccess is attached at all three levels, and described once.
    expect(ops.filter((o) => o === 'organizations:DescribePolicy')).toHaveLength(3);
  });

  it('follows NextToken through every page of ListPoliciesForTarget', async () => {
    const result = await read({ org: orgWithRegionGuard(ACCOUNT), pageSize: 1 });
    expect(result.kind === 'read' && result.scps[1]?.map((p) => p.name)).toEqual(['FullAWSAccess', 'DenyAllOutsideEU']);
    const pages = server?.requests.filter(
      (r) => r.operation === 'organizations:ListPoliciesForTarget' && r.params.NextToken,
    );
    expect(pages?.length).toBeGreaterThan(0);
  });

  it('member account, AccessDenied: the layers stay unread, and the finding gives the statement that lets the read', async () => {
    const result = await read({
      org: orgWithRegionGuard(ACCOUNT),
      errors: [
        {
          operation: 'organizations:ListParents',
          code: 'AccessDeniedException',
          message: "You don't have permissions to access this resource.",
        },
      ],
    });
    expect(result.kind).toBe('unread');
    if (result.kind !== 'unread') return;
    const [f] = result.findings;
    expect(f).toMatchObject({ class: 'read-denied', status: 'unverified', decisionPoint: 'scp' });
    expect(f?.evidence).toMatchObject({
      operation: 'organizations:ListParents',
      awsErrorCode: 'AccessDeniedException',
    });
    expect(f?.fix).toContain(JSON.stringify(ORG_READ_STATEMENT, null, 2));
    expect(f?.fix).toContain('API_ListParents.html');
  });

  it('not in an organization (AWSOrganizationsNotInUseException) with the caller in the account: no SCP or RCP applies', async () => {
    const result = await read({});
    expect(result).toMatchObject({
      kind: 'none',
      reason: 'no-organization',
      finding: { class: 'ok', decisionPoint: 'scp' },
    });
  });

  it('not in an organization, but the caller is not known to be in the role account: unread, never absent', async () => {
    const result = await read({}, false);
    expect(result.kind).toBe('unread');
    expect(result.kind === 'unread' && result.findings[0]).toMatchObject({
      class: 'could-not-verify',
      status: 'unverified',
    });
  });

  it('the management account: SCPs and RCPs do not apply to it (orgs_manage_policies_scps.html)', async () => {
    const result = await read({ org: orgWithRegionGuard(ACCOUNT, { managementAccount: ACCOUNT }) });
    expect(result).toMatchObject({ kind: 'none', reason: 'management-account' });
    expect(server?.requests.map((r) => r.operation)).toEqual(['organizations:DescribeOrganization']);
  });

  it('a DescribePolicy whose Content is not JSON leaves the layers unread (malformed answer)', async () => {
    const broken = { ...FULL_AWS_ACCESS, id: 'p-broken', name: 'broken', rawContent: '{"Version": "2012-10-17", ' };
    const org = orgWithRegionGuard(ACCOUNT);
    const result = await read({
      org: { ...org, policies: [...org.policies, broken], attached: { ...org.attached, [ACCOUNT]: ['p-broken'] } },
    });
    expect(result.kind).toBe('unread');
    expect(result.kind === 'unread' && result.findings[0]).toMatchObject({
      class: 'malformed-response',
      status: 'unverified',
      evidence: { operation: 'organizations:DescribePolicy', resource: 'p-broken' },
    });
  });

  it('an OU chain longer than Organizations allows is refused, not followed for ever', async () => {
    const parents: Record<string, string> = { [ACCOUNT]: 'ou-1' };
    for (let i = 1; i < 10; i++) parents[`ou-${i}`] = `ou-${i + 1}`;
    const result = await read({ org: { ...orgWithRegionGuard(ACCOUNT), parents } });
    expect(result.kind).toBe('unread');
    expect(server?.requests.filter((r) => r.operation === 'organizations:ListParents')).toHaveLength(6);
  });
});
