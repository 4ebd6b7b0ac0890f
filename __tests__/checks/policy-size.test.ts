/**
 * Policies larger than AWS stores (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html,
 * "IAM and STS character limits"; SCPs: https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html)
 * are reported as `policy-too-large` and never reach the engine: the permission they would decide is unverified.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/catalog/index.js';
import { AWS_POLICY_LIMITS, policySize } from '../../src/checks/permissions/policies.js';
import { checkPermissions } from '../../src/checks/permissions.js';
import { checkTrust } from '../../src/checks/trust.js';
import { parsePermissions } from '../../src/config/permissions.js';
import type { AwsInventory, PolicyDocument, RoleModel } from '../../src/model/aws.js';
import { loadCatalog } from '../../src/sources/catalog.js';
import { assumeRoleSettings, roleModel } from '../fixtures/aws-settings.js';

const ROLE_ARN = 'arn:aws:iam::111111111111:role/deploy';
const BUCKET = 'arn:aws:s3:::site-bucket';
const NOW = Date.UTC(2026, 2, 1, 12, 0, 0) / 1000;
let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog();
});

/** A policy of exactly `size` characters as AWS counts them (no white space), allowing `s3:PutObject`. */
function policyOfSize(name: string, size: number, extra: Partial<PolicyDocument> = {}): PolicyDocument {
  const base = {
    Version: '2012-10-17',
    Statement: [{ Sid: 'S', Effect: 'Allow', Action: 's3:PutObject', Resource: '*' }],
  };
  const pad = size - policySize({ ...base, Statement: [{ ...base.Statement[0], Sid: '' }] });
  const document = { ...base, Statement: [{ ...base.Statement[0], Sid: 'S'.repeat(Math.max(1, pad)) }] };
  expect(policySize(document)).toBe(size);
  return { name, document, ...extra };
}

function check(role: RoleModel, inventory: Partial<AwsInventory> = {}) {
  const parsed = parsePermissions(`s3:PutObject ${BUCKET}/site/index.html`);
  if (!parsed.ok) throw new Error('bad line');
  return checkPermissions({
    role,
    permissions: parsed.permissions,
    settings: assumeRoleSettings(ROLE_ARN, { region: 'eu-west-1' }),
    // The bucket is the role account's and has no bucket policy (a live read proved both, ExpectedBucketOwner):
    // these scenarios are about the role's own policies.
    inventory: {
      roles: [role],
      scps: [],
      rcps: [],
      resourcePolicies: [],
      resourcesWithoutPolicy: [BUCKET],
      ...inventory,
    },
    catalog,
    now: NOW,
  });
}

const classes = (findings: readonly { class: string; status: string; decisionPoint: string }[]) =>
  findings.map((f) => `${f.decisionPoint} / ${f.class} / ${f.status}`);

describe('policies over the size AWS stores', () => {
  it('a managed policy at 6,144 characters is read; at 6,145 it is too large and the permission unverified', () => {
    const at = policyOfSize('Deploy', AWS_POLICY_LIMITS.managed, { arn: 'arn:aws:iam::111111111111:policy/Deploy' });
    expect(classes(check(roleModel(ROLE_ARN, { managedPolicies: [at] })))).toEqual(['identity-policy / ok / pass']);
    const over = policyOfSize('Deploy', AWS_POLICY_LIMITS.managed + 1, {
      arn: 'arn:aws:iam::111111111111:policy/Deploy',
    });
    const findings = check(roleModel(ROLE_ARN, { managedPolicies: [over] }));
    expect(classes(findings)).toEqual([
      'identity-policy / policy-too-large / unverified',
      'config / incomplete-policies / unverified',
    ]);
    expect(findings[0]?.message).toContain('6145 characters, over the 6144 AWS stores for a managed policy');
  });

  it('an SCP over 5,120 characters is too large: its deny or allow is never evaluated', () => {
    const scp = policyOfSize('Guardrail', AWS_POLICY_LIMITS['organizations-policy'] + 1);
    const findings = check(roleModel(ROLE_ARN, { inlinePolicies: [policyOfSize('deploy', 200)] }), { scps: [[scp]] });
    expect(classes(findings)).toEqual([
      'scp / policy-too-large / unverified',
      'config / incomplete-policies / unverified',
    ]);
  });

  it("a role's inline policies over 10,240 characters together are too large, though each is under", () => {
    const inline = [policyOfSize('a', 6000), policyOfSize('b', 6000)];
    const findings = check(roleModel(ROLE_ARN, { inlinePolicies: inline }));
    expect(classes(findings)).toEqual([
      'identity-policy / policy-too-large / unverified',
      'config / incomplete-policies / unverified',
    ]);
    expect(findings[0]?.message).toContain('12000 characters together');
  });

  it('a trust policy over 8,192 characters (the most any account may raise it to) is too large', () => {
    const trust = policyOfSize('deploy/trust', AWS_POLICY_LIMITS.trust + 1);
    const findings = checkTrust({
      role: roleModel(ROLE_ARN, { trustPolicy: trust }),
      settings: assumeRoleSettings(ROLE_ARN),
      claims: {
        iss: 'https://token.actions.githubusercontent.com',
        aud: 'sts.amazonaws.com',
        sub: 'repo:o/r:ref:refs/heads/main',
      },
      issuer: 'https://token.actions.githubusercontent.com',
      catalog,
      now: NOW,
    });
    expect(classes(findings)).toEqual(['sts-trust / policy-too-large / unverified']);
  });
});
