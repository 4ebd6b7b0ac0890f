/**
 * AWS scenarios with live calls, answered by the loopback IAM and STS query server through the real SDK clients
 * (endpoint overrides AWS_ENDPOINT_URL_IAM / AWS_ENDPOINT_URL_STS, fake static credentials): live IAM reads that are
 * throttled and then answer, throttled past the retries, denied, or answered with broken XML; and the live
 * AssumeRoleWithWebIdentity probe, accepted or refused. Every failure of our own I/O fails closed, with AWS's
 * request id in the report.
 */
import { expect } from 'vitest';
import type { PolicyServersOptions } from '../fixtures/aws-policy-servers.js';
import type { Rule } from '../fixtures/aws-query-server.js';
import { summaryText } from '../fixtures/summary-markup.js';
import {
  type AwsScenario,
  type AwsWorld,
  INSPECTOR,
  orgFromFixture,
  type Played,
  PROVIDER_OK,
  ROLE_ARN,
  SESSION_OK,
  SITE_ALLOWED,
  TOKEN_OK,
  TRUST_OK,
} from './aws-world.js';

const ROLE_UNKNOWN = ['sts-trust', 'could-not-verify', 'unverified'] as const;

/**
 * A deploy read live from IAM (no policy files), GetRole answered as `rule` says. Live reads never read SCPs or RCPs:
 * the account is declared outside any organization unless `organizations` says otherwise ('' declares nothing).
 */
function live(w: AwsWorld, rules: readonly Rule[] = [], organizations = 'none', policies?: PolicyServersOptions) {
  return w.deploy({
    files: [],
    inputs: { 'aws-live-reads': 'true', organizations },
    aws: { roles: [w.role('github-deploy')], oidcProviders: [w.provider(['sts.amazonaws.com'])], rules },
    ...(policies ? { policies } : {}),
  });
}

/** A member account's view of Organizations: its own organization, and ListParents denied. */
const MEMBER_ACCOUNT: PolicyServersOptions = {
  org: orgFromFixture('org'),
  errors: [
    {
      operation: 'organizations:ListParents',
      code: 'AccessDeniedException',
      message: `User: ${INSPECTOR.arn} is not authorized to perform: organizations:ListParents`,
    },
  ],
};

const getRole = (behaviour: Rule['behaviour'], times?: number): Rule => ({
  action: 'GetRole',
  behaviour,
  ...(times !== undefined ? { times } : {}),
});

/** GetRole's requests, and the finding about it; its evidence names the last request's id and the attempts. */
function expectGetRoleEvidence(played: Played, attempts: number): void {
  const requests = played.aws.requests.filter((r) => r.action === 'GetRole');
  expect(requests).toHaveLength(attempts);
  const finding = played.run.report?.findings.find((f) => f.evidence.operation === 'iam:GetRole');
  expect(finding?.evidence).toMatchObject({ requestId: requests.at(-1)?.requestId, attempts });
  expect(summaryText(played.run.summary)).toContain(String(requests.at(-1)?.requestId));
}

/** Live reads and the live probe. */
export const liveScenarios: AwsScenario[] = [
  {
    name: 'live IAM reads: GetRole throttled twice, then answered (passes)',
    expected: {
      result: 'pass',
      findings: [TOKEN_OK, PROVIDER_OK, TRUST_OK, SESSION_OK, ...SITE_ALLOWED],
      check: ({ aws }) => {
        expect(aws.requests.filter((r) => r.action === 'GetRole')).toHaveLength(3);
        // Every read signed with the job's own (static) credentials; nothing assumed.
        expect(new Set(aws.requests.map((r) => r.accessKeyId))).toEqual(new Set([INSPECTOR.accessKeyId]));
        expect(aws.requests.every((r) => r.service === 'iam')).toBe(true);
      },
    },
    prepare: (w) => live(w, [getRole({ kind: 'throttle' }, 2)]),
  },
  {
    name: 'live reads from a member account, where Organizations denies ListParents: every permission is unverified, and the read names the statement that would let it',
    expected: {
      result: 'fail',
      findings: [
        TOKEN_OK,
        ['scp', 'read-denied', 'unverified'],
        PROVIDER_OK,
        // The RCPs decide sts:AssumeRoleWithWebIdentity too: not read, the trust is not verified either.
        ['rcp', 'layer-not-read', 'unverified'],
        SESSION_OK,
        ...Array.from({ length: 4 }, () => ['scp', 'layer-not-read', 'unverified'] as const),
      ],
      summary: [
        '6 of 9 checks could not be verified (none was found to fail; what is not verified fails the preflight); not read: RCPs, SCPs (role github-deploy)',
        'declare `organizations: none` when the account is in no organization',
        '"organizations:ListParents",',
        'answer only in the management account or a delegated administrator account',
      ],
      check: ({ run, aws }) => {
        expect(run.report?.counts).toMatchObject({ unverified: 6, layerNotRead: 5 });
        // A denial is an answer: read once, never retried.
        expect(aws.policyRequests.map((r) => r.operation)).toEqual([
          'organizations:DescribeOrganization',
          'organizations:ListParents',
        ]);
        expect(run.report?.notRead).toEqual(['RCPs, SCPs (role github-deploy)']);
        // CloudFront has no resource-based policies: only the organization's layers could deny the invalidation.
        expect(run.report?.findings.at(-1)?.evidence.notRead).toEqual(['SCPs', 'RCPs']);
      },
    },
    prepare: (w) => live(w, [], '', MEMBER_ACCOUNT),
  },
  {
    name: 'live IAM reads: GetRole throttled past the retries (fails closed, with the request id)',
    expected: {
      result: 'fail',
      findings: [TOKEN_OK, ['sts-trust', 'could-not-verify', 'unverified'], ROLE_UNKNOWN],
      summary: [
        'iam:GetRole throttled (Throttling: Rate exceeded) after 4 attempts',
        '2 of 3 checks could not be verified (none was found to fail; what is not verified fails the preflight)',
      ],
      check: (played) => expectGetRoleEvidence(played, 4),
    },
    prepare: (w) => live(w, [getRole({ kind: 'throttle' })]),
  },
  {
    name: 'live IAM reads: AccessDenied on GetRole (fails closed with the statement to add)',
    expected: {
      result: 'fail',
      findings: [TOKEN_OK, ['identity-policy', 'read-denied', 'unverified'], ROLE_UNKNOWN],
      summary: [
        `The inspecting identity lacks iam:GetRole on ${ROLE_ARN}`,
        `Add this statement to the policy of the identity this step runs as (${INSPECTOR.arn})`,
        '"Action": "iam:GetRole",',
        `"Resource": "${ROLE_ARN}"`,
      ],
      // A denial is an answer: it is never retried.
      check: (played) => expectGetRoleEvidence(played, 1),
    },
    prepare: (w) => live(w, [getRole({ kind: 'deny' })]),
  },
  {
    name: 'live IAM reads: malformed XML from IAM (fails closed)',
    expected: {
      result: 'fail',
      findings: [TOKEN_OK, ['sts-trust', 'malformed-response', 'unverified'], ROLE_UNKNOWN],
      summary: ['iam:GetRole got an answer that is not a valid AWS response', 'check HTTPS_PROXY and NO_PROXY'],
      check: (played) => expectGetRoleEvidence(played, 1),
    },
    prepare: (w) => live(w, [getRole({ kind: 'malformed' })]),
  },
  {
    name: 'live probe: STS accepts the token and GetCallerIdentity confirms the session (passes)',
    expected: {
      result: 'pass',
      findings: [TOKEN_OK, PROVIDER_OK, TRUST_OK, SESSION_OK, ['sts-trust', 'ok', 'pass'], ...SITE_ALLOWED],
      summary: ['GetCallerIdentity confirms the session'],
      check: ({ aws }) => {
        const [assume, caller, ...rest] = aws.requests;
        expect(rest).toEqual([]);
        // AssumeRoleWithWebIdentity is unsigned and carries the GitHub token; the caller check signs with the session.
        expect(assume).toMatchObject({ action: 'AssumeRoleWithWebIdentity', params: { RoleArn: ROLE_ARN } });
        expect(assume?.accessKeyId).toBeUndefined();
        expect(assume?.params.WebIdentityToken?.split('.')).toHaveLength(3);
        expect(caller).toMatchObject({ action: 'GetCallerIdentity', accessKeyId: aws.issued[0]?.accessKeyId });
      },
    },
    prepare: (w) => w.deploy({ inputs: { 'aws-probe': 'true' } }),
  },
  {
    name: 'live probe: STS answers AccessDenied although the exported trust policy allows the token',
    expected: {
      result: 'fail',
      findings: [TOKEN_OK, PROVIDER_OK, TRUST_OK, SESSION_OK, ['sts-trust', 'trust-denied', 'fail'], ...SITE_ALLOWED],
      summary: [
        `STS refused to let this token assume ${ROLE_ARN}: Not authorized to perform sts:AssumeRoleWithWebIdentity (AccessDenied)`,
        'its conditions on :aud and :sub must match the token',
      ],
      check: ({ aws, run }) => {
        const probe = run.report?.findings.find((f) => f.id.startsWith('aws-sts:'));
        expect(probe?.evidence.requestId).toBe(aws.requests[0]?.requestId);
        expect(aws.issued).toEqual([]);
      },
    },
    prepare: (w) =>
      w.deploy({
        inputs: { 'aws-probe': 'true' },
        aws: {
          decideAssume: () => ({
            ok: false,
            code: 'AccessDenied',
            message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity',
          }),
        },
      }),
  },
];
