/**
 * AWS scenarios past the trust: the session STS would refuse (a duration above MaxSessionDuration, role chaining
 * over an hour), and the 403s of the deploy's own calls, each decided by another policy layer: the identity
 * policies (a missing s3:PutObject), an SCP's explicit deny, the permissions boundary, the session policy, and a KMS
 * key policy that does not grant the role. All from policy files (AWS CLI outputs and a policy folder), offline.
 */
import { expect } from 'vitest';
import {
  ALLOWED,
  type AwsScenario,
  BASE_FILES,
  BOUNDED_ROLE_ARN,
  type FindingShape,
  KEY_ARN,
  PROVIDER_OK,
  SESSION_OK,
  SITE_ALLOWED,
  SITE_PERMISSIONS,
  TOKEN_OK,
  TRUST_OK,
} from './aws-world.js';

const ENTITLEMENT = 'Likely cause: changed entitlement.';
/** The token, the provider and the trust all pass: STS would hand out the session. */
const ASSUMED: readonly FindingShape[] = [TOKEN_OK, PROVIDER_OK, TRUST_OK];

/** An inline session policy that forgets the CloudFront invalidation the deploy ends with. */
const S3_ONLY_SESSION_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: ['s3:ListBucket', 's3:PutObject', 's3:DeleteObject'],
      Resource: ['arn:aws:s3:::acme-site-prod', 'arn:aws:s3:::acme-site-prod/*'],
    },
  ],
});

/** The session-side and permission-side causes of a failing deploy. */
export const policyScenarios: AwsScenario[] = [
  {
    name: "role-duration-seconds above the role's MaxSessionDuration",
    expected: {
      result: 'fail',
      findings: [...ASSUMED, ['session', 'duration-too-long', 'fail'], ...SITE_ALLOWED],
      summary: [
        "role-duration-seconds is 14400 (4 hours), above the role's MaxSessionDuration of 7200 (2 hours)",
        'aws iam update-role --role-name github-deploy --max-session-duration 14400',
      ],
    },
    prepare: (w) => w.deploy({ inputs: { 'role-duration-seconds': '14400' } }),
  },
  {
    name: 'role chaining with a session over one hour',
    expected: {
      result: 'fail',
      // A chained role is assumed by another role's session, not with the token: with only the inputs there
      // is no source role to evaluate its trust against, so that check fails closed as unverified.
      findings: [
        TOKEN_OK,
        ['sts-trust', 'could-not-verify', 'unverified'],
        ['session', 'chained-duration-too-long', 'fail'],
        ...SITE_ALLOWED,
      ],
      summary: [
        'exceeds the 1 hour session limit for roles assumed by role chaining',
        'no source role is configured',
        'Set role-duration-seconds to at most 3600',
      ],
    },
    prepare: (w) => w.deploy({ inputs: { 'role-chaining': 'true', 'role-duration-seconds': '7200' } }),
  },
  {
    name: 'a missing s3:PutObject: the deploy now also uploads to a bucket no policy names',
    expected: {
      result: 'fail',
      findings: [...ASSUMED, SESSION_OK, ...SITE_ALLOWED, ['identity-policy', 'implicit-deny', 'fail']],
      summary: [
        '1 would end in 403',
        'No identity-based policy allows s3:PutObject on arn:aws:s3:::acme-assets-prod/*',
        '{"Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::acme-assets-prod/*"}',
        ENTITLEMENT,
      ],
    },
    prepare: (w) =>
      w.deploy({
        inputs: { permissions: [...SITE_PERMISSIONS, 's3:PutObject arn:aws:s3:::acme-assets-prod/*'].join('\n') },
      }),
  },
  {
    name: "an SCP's explicit deny on deleting production objects (aws s3 sync --delete)",
    expected: {
      result: 'fail',
      findings: [...ASSUMED, SESSION_OK, ALLOWED, ALLOWED, ['scp', 'explicit-deny', 'fail'], ALLOWED],
      summary: [
        'Explicitly denied by SCP at organization level 1: protect-prod-objects statement 0 (Sid "ProtectProdObjects")',
        'This is an organization policy: its owners must change it.',
      ],
    },
    prepare: (w) => w.deploy({ files: [...BASE_FILES.filter((f) => f !== 'org'), 'org-protect-prod'] }),
  },
  {
    // AWS's own example SCP denies every call from outside the office networks unless a service makes it
    // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_deny-ip.html). The preflight
    // cannot know the runner's address, and a GitHub-hosted runner is outside those networks: taken as absent, the
    // keys would let every call pass; taken at their worst, each call is unverified, and the run fails closed.
    name: 'an SCP that denies calls from outside the office networks (keys the preflight cannot know)',
    expected: {
      result: 'fail',
      findings: [...ASSUMED, SESSION_OK, ...Array<FindingShape>(4).fill(['scp', 'context-key-unknown', 'unverified'])],
      summary: [
        'deny-outside-office statement 0 (Sid "DenyOutsideOffice") denies it for some values of aws:SourceIp, aws:ViaAWSService',
        'add aws:SourceIp=VALUE aws:ViaAWSService=VALUE to',
      ],
    },
    prepare: (w) => w.deploy({ files: [...BASE_FILES.filter((f) => f !== 'org'), 'org-ip-restricted'] }),
  },
  {
    name: 'a permissions boundary without cloudfront:CreateInvalidation',
    expected: {
      result: 'fail',
      findings: [...ASSUMED, SESSION_OK, ALLOWED, ALLOWED, ALLOWED, ['permissions-boundary', 'implicit-deny', 'fail']],
      summary: [
        'The permissions boundary does not allow cloudfront:CreateInvalidation',
        'to the permissions boundary deploy-boundary',
        ENTITLEMENT,
      ],
    },
    prepare: (w) => w.deploy({ inputs: { 'role-to-assume': BOUNDED_ROLE_ARN } }),
  },
  {
    name: 'an inline session policy that narrows too far',
    expected: {
      result: 'fail',
      findings: [...ASSUMED, SESSION_OK, ALLOWED, ALLOWED, ALLOWED, ['session-policy', 'implicit-deny', 'fail']],
      summary: [
        'The session policy does not allow cloudfront:CreateInvalidation',
        'Add this statement to the session policy (inputs inline-session-policy, managed-session-policies)',
      ],
    },
    prepare: (w) => w.deploy({ inputs: { 'inline-session-policy': S3_ONLY_SESSION_POLICY } }),
  },
  {
    name: 'a KMS key policy that does not grant the role (SSE-KMS uploads need kms:GenerateDataKey)',
    expected: {
      result: 'fail',
      findings: [...ASSUMED, SESSION_OK, ...SITE_ALLOWED, ['resource-policy', 'implicit-deny', 'fail']],
      summary: [
        `The KMS key policy does not grant kms:GenerateDataKey on ${KEY_ARN}`,
        '"Principal":{"AWS":"arn:aws:iam::111122223333:role/github-deploy"},"Action":"kms:GenerateDataKey"',
      ],
      check: ({ run }) => {
        const denied = run.report?.findings.find((f) => f.decisionPoint === 'resource-policy');
        expect(denied?.location?.file).toMatch(/policies\/resource-policies\/site-key\.json$/);
      },
    },
    prepare: (w) =>
      w.deploy({
        files: [...BASE_FILES, 'policies'],
        inputs: { permissions: [...SITE_PERMISSIONS, `kms:GenerateDataKey ${KEY_ARN}`].join('\n') },
      }),
  },
];
