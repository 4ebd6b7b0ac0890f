/**
 * The request context the permissions check derives for a role session, read straight from `buildContext`: here
 * aws:userid and aws:PrincipalOrgID (the other keys are pinned in permissions.test.ts). aws:userid of an assumed role is `role-id:caller-specified-role-name`
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html, "Principal key values").
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ActionInfo, Catalog } from '../../src/catalog/index.js';
import { buildContext, type PermissionsCheckInput } from '../../src/checks/permissions/context.js';
import type { AssumeRoleSettings, RequiredPermission, RoleModel } from '../../src/model/aws.js';
import { loadCatalog } from '../../src/sources/catalog.js';
import { assumeRoleSettings, roleModel } from '../fixtures/aws-settings.js';

const ACCOUNT = '111111111111';
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/deploy`;
const ROLE_ID = 'AROAQXEXAMPLE7DEPLOY1';
const NOW = Date.UTC(2026, 2, 1, 12, 0, 0) / 1000;
const PUT_OBJECT: ActionInfo = {
  service: 's3',
  name: 'PutObject',
  canonical: 's3:PutObject',
  resourceTypes: [],
  conditionKeys: [],
};

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog();
});

const ROLE: RoleModel = roleModel(ROLE_ARN);

const SETTINGS: AssumeRoleSettings = assumeRoleSettings(ROLE_ARN, { region: 'eu-west-1', sessionName: 'gh-run-1' });

function input(over: Partial<PermissionsCheckInput> = {}): PermissionsCheckInput {
  return { role: ROLE, permissions: [], settings: SETTINGS, inventory: { roles: [] }, catalog, now: NOW, ...over };
}

function permission(context: RequiredPermission['context'] = {}): RequiredPermission {
  return { action: 's3:PutObject', resource: 'arn:aws:s3:::site-bucket/index.html', context, origin: 'test' };
}

describe('buildContext: aws:userid', () => {
  it('derives aws:userid as ROLEID:session-name when the role’s unique ID is known, and knows it', () => {
    const { context, known } = buildContext(input({ role: { ...ROLE, roleId: ROLE_ID } }), permission(), PUT_OBJECT);
    expect(context['aws:userid']).toBe(`${ROLE_ID}:gh-run-1`);
    // Condition keys are case-insensitive: known() answers for any spelling.
    expect(known('aws:userid')).toBe(true);
    expect(known('AWS:UserId')).toBe(true);
  });

  it('uses the session name the run passes', () => {
    const settings = { ...SETTINGS, sessionName: 'GitHubActions' };
    const { context } = buildContext(input({ role: { ...ROLE, roleId: ROLE_ID }, settings }), permission(), PUT_OBJECT);
    expect(context['aws:userid']).toBe(`${ROLE_ID}:GitHubActions`);
  });

  it('leaves aws:userid out, and unknown, when the role’s unique ID is not', () => {
    const { context, known } = buildContext(input(), permission(), PUT_OBJECT);
    expect(Object.keys(context).map((k) => k.toLowerCase())).not.toContain('aws:userid');
    expect(known('aws:userid')).toBe(false);
    // The other principal keys are derived all the same.
    expect(context).toMatchObject({ 'aws:PrincipalArn': ROLE_ARN, 'aws:PrincipalType': 'AssumedRole' });
  });

  it("lets the caller's keys win over the derived aws:userid: the run's, then the permission's", () => {
    const role = { ...ROLE, roleId: ROLE_ID };
    const run = buildContext(
      input({ role, context: { 'AWS:userid': 'AROAQXEXAMPLE7OTHER01:x' } }),
      permission(),
      PUT_OBJECT,
    );
    expect(run.context).toEqual(expect.objectContaining({ 'AWS:userid': 'AROAQXEXAMPLE7OTHER01:x' }));
    expect(run.context).not.toHaveProperty('aws:userid');

    const own = buildContext(
      input({ role, context: { 'aws:userid': 'from-the-run' } }),
      permission({ 'aws:userid': 'from-the-permission' }),
      PUT_OBJECT,
    );
    expect(own.context['aws:userid']).toBe('from-the-permission');
  });
});

// "The identifier of the organization in AWS Organizations to which the requesting principal belongs"
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalorgid).
// The SCPs and RCPs given apply to the role's account, and a customer-managed one names its organization in its ARN
// (https://docs.aws.amazon.com/organizations/latest/APIReference/API_PolicySummary.html).
describe('buildContext: aws:PrincipalOrgID', () => {
  const doc = (arn: string) => ({ name: arn.split('/').pop() ?? arn, arn, document: { Statement: [] } });
  const MANAGED = doc('arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess');
  const OWN = doc('arn:aws:organizations::444455556666:policy/o-a1b2c3d4e5/service_control_policy/p-9q2m7x4kzt');
  const RCP = doc('arn:aws:organizations::444455556666:policy/o-a1b2c3d4e5/resource_control_policy/p-3k8v2m9qzt');
  const OTHER = doc('arn:aws:organizations::777788889999:policy/o-zz9yy8xx7w/service_control_policy/p-1a2b3c4d5e');

  it('derives it from a customer-managed SCP or RCP, and knows it', () => {
    for (const inventory of [
      { roles: [], scps: [[MANAGED], [MANAGED, OWN]] },
      { roles: [], scps: [[MANAGED]], rcps: [[RCP]] },
    ]) {
      const { context, known } = buildContext(input({ inventory }), permission(), PUT_OBJECT);
      expect(context['aws:PrincipalOrgID']).toBe('o-a1b2c3d4e5');
      expect(known('aws:principalorgid')).toBe(true);
    }
  });

  it('leaves it unknown with only AWS-managed policies, with none, or when two ARNs name different organizations', () => {
    for (const inventory of [{ roles: [], scps: [[MANAGED]] }, { roles: [] }, { roles: [], scps: [[OWN], [OTHER]] }]) {
      const { context, known } = buildContext(input({ inventory }), permission(), PUT_OBJECT);
      expect(context).not.toHaveProperty('aws:PrincipalOrgID');
      expect(known('aws:PrincipalOrgID')).toBe(false);
    }
  });

  it("lets the permission's own value win", () => {
    const inventory = { roles: [], scps: [[OWN]] };
    const { context } = buildContext(
      input({ inventory }),
      permission({ 'aws:PrincipalOrgID': 'o-given12345' }),
      PUT_OBJECT,
    );
    expect(context['aws:PrincipalOrgID']).toBe('o-given12345');
  });
});

// "SCPs don't affect users or roles in the management account", nor RCPs its resources
// (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html).
describe('orgLayersFor: the management account (orgs_manage_policies_scps.html)', () => {
  const doc = (account: string) => ({
    name: 'deny-all',
    arn: `arn:aws:organizations::${account}:policy/o-abcdefghij/service_control_policy/p-deny0000`,
    document: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] },
  });
  it('drops the SCPs and RCPs for a role and resources of the account the policies name as owner', async () => {
    const { orgLayersFor } = await import('../../src/checks/permissions/context.js');
    const inventory = { roles: [], scps: [[doc('111122223333')]], rcps: [[doc('111122223333')]] };
    expect(orgLayersFor(inventory, '111122223333', '111122223333')).toMatchObject({ scps: [], rcps: [] });
    expect(orgLayersFor(inventory, '444455556666', '444455556666')).toBe(inventory);
  });
});
