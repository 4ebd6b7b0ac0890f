/**
 * Session policies: the inline one and the managed ones passed with the session are one layer. "The resulting
 * session's permissions are the intersection of the role's identity-based policies and the session policies"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html), the evaluation asks whether "a
 * session policy is present and allows the requested action"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html), and "an explicit deny in
 * any of these policies overrides the allow" (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session).
 * So a managed session policy that was not read could allow what the others leave out, or deny what they allow.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { assembleInventory, parseAwsFile } from '../../src/aws-files/index.js';
import type { Catalog } from '../../src/catalog/index.js';
import { checkPermissions } from '../../src/checks/permissions.js';
import { parsePermissions } from '../../src/config/permissions.js';
import type { AwsInventory, PolicyDocument } from '../../src/model/aws.js';
import { loadCatalog } from '../../src/sources/catalog.js';
import { assumeRoleSettings, policyDoc, roleModel } from '../fixtures/aws-settings.js';

const ACCOUNT = '111122223333';
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/deploy`;
const S3READ = `arn:aws:iam::${ACCOUNT}:policy/s3read`;
const NOW = Date.UTC(2026, 2, 1, 12, 0, 0) / 1000;
const QUEUE = `arn:aws:sqs:eu-west-1:${ACCOUNT}:q`;

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog();
});

const ROLE = roleModel(ROLE_ARN, {
  inlinePolicies: [policyDoc('deploy', [{ Effect: 'Allow', Action: ['sqs:*', 's3:*'], Resource: '*' }])],
});
const SQS_ONLY = policyDoc('inline session policy', [{ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }]);

function run(lines: string, opts: { inline?: PolicyDocument; managed?: string[]; inventory?: Partial<AwsInventory> }) {
  const parsed = parsePermissions(lines);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return checkPermissions({
    role: ROLE,
    permissions: parsed.permissions,
    settings: assumeRoleSettings(ROLE_ARN, {
      region: 'eu-west-1',
      sessionName: 'gha',
      ...(opts.inline ? { inlineSessionPolicy: opts.inline } : {}),
      managedSessionPolicyArns: opts.managed ?? [],
    }),
    inventory: { roles: [ROLE], ...opts.inventory },
    catalog,
    now: NOW,
    declaredAbsent: { organizations: 'none', noResourcePolicy: ['*'] },
  });
}

/** The finding of one permission (the policies' own findings come first). */
const of = (findings: ReturnType<typeof run>, call: string) => {
  const f = findings.find((x) => x.subject === call);
  if (!f) throw new Error(`no finding for ${call}: ${findings.map((x) => x.subject).join(', ')}`);
  return f;
};

describe('a managed session policy that was not read', () => {
  it('leaves a call the read session policies do not allow unverified, naming it: it could allow the call', () => {
    const findings = run('s3:GetObject arn:aws:s3:::b/x', { inline: SQS_ONLY, managed: [S3READ] });
    expect(findings[0]).toMatchObject({ class: 'session-policy-unreadable', status: 'unverified' });
    const f = of(findings, 's3:GetObject on arn:aws:s3:::b/x');
    expect(f).toMatchObject({ status: 'unverified', class: 'session-policy-unknown', decisionPoint: 'session-policy' });
    expect(f.evidence.notRead).toEqual([S3READ]);
    expect(f.message).toContain(S3READ);
    expect(f.fix).toContain(`aws iam get-policy-version --policy-arn ${S3READ}`);
  });

  it('leaves a call the read ones allow unverified: a Deny in it would stand', () => {
    const f = of(
      run(`sqs:SendMessage ${QUEUE}`, { inline: SQS_ONLY, managed: [S3READ] }),
      `sqs:SendMessage on ${QUEUE}`,
    );
    expect(f).toMatchObject({ status: 'unverified', class: 'session-policy-unknown' });
    expect(f.message).toContain('Deny');
  });

  it('does not lift an explicit Deny of a session policy that was read', () => {
    const denyS3 = policyDoc('inline session policy', [
      { Effect: 'Allow', Action: '*', Resource: '*' },
      { Effect: 'Deny', Action: 's3:*', Resource: '*' },
    ]);
    const f = of(
      run('s3:GetObject arn:aws:s3:::b/x', { inline: denyS3, managed: [S3READ] }),
      's3:GetObject on arn:aws:s3:::b/x',
    );
    expect(f).toMatchObject({ status: 'fail', class: 'explicit-deny', decisionPoint: 'session-policy' });
  });

  it('does not lift a denial of a layer that was read: the role allows no such call', () => {
    const f = of(
      run('sns:Publish arn:aws:sns:eu-west-1:111122223333:t', { inline: SQS_ONLY, managed: [S3READ] }),
      'sns:Publish on arn:aws:sns:eu-west-1:111122223333:t',
    );
    expect(f).toMatchObject({ status: 'fail', class: 'implicit-deny', decisionPoint: 'identity-policy' });
  });
});

describe('a managed session policy given in the policy files', () => {
  // `aws iam get-policy` then `aws iam get-policy-version` appended to the same file (docs/policy-folder.md §1).
  const EXPORT = [
    JSON.stringify({
      Policy: { PolicyName: 's3read', Arn: S3READ, Path: '/', DefaultVersionId: 'v1', AttachmentCount: 0 },
    }),
    JSON.stringify({
      PolicyVersion: {
        Document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }] },
        VersionId: 'v1',
        IsDefaultVersion: true,
      },
    }),
  ].join('\n');

  it('is read though no role has it attached, and its Allow adds to the inline session policy', () => {
    const { inventory, findings: fileFindings } = assembleInventory([
      parseAwsFile(EXPORT, 'policies/aws/s3read.json', { kind: 'cli' }),
    ]);
    expect(fileFindings).toEqual([]);
    expect(inventory.managedPolicies?.map((m) => m.arn)).toEqual([S3READ]);
    const findings = run(`s3:GetObject arn:aws:s3:::b/x\nsqs:SendMessage ${QUEUE}\ns3:PutObject arn:aws:s3:::b/x`, {
      inline: SQS_ONLY,
      managed: [S3READ],
      inventory: { managedPolicies: inventory.managedPolicies ?? [] },
    });
    expect(findings.map((f) => [f.subject, f.status, f.class])).toEqual([
      ['s3:GetObject on arn:aws:s3:::b/x', 'pass', 'ok'],
      [`sqs:SendMessage on ${QUEUE}`, 'pass', 'ok'],
      ['s3:PutObject on arn:aws:s3:::b/x', 'fail', 'implicit-deny'],
    ]);
  });
});
