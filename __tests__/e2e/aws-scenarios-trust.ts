/**
 * AWS scenarios up to the role's trust: the passing deploy, then the causes of a 401 or 403 that STS would answer
 * before any permission is looked at: a run the trust policy does not cover (pull request, tag, environment), an
 * audience neither the provider nor the trust policy accepts, a missing provider or one without the audience, a job
 * without `id-token: write`, an expired token. All from policy files (AWS CLI outputs), offline.
 */
import { expect } from 'vitest';
import { inEnvironment, pullRequest, tagPush } from '../fixtures/actions-token-server.js';
import { summaryText } from '../fixtures/summary-markup.js';
import { ACCOUNT, type AwsScenario, PROVIDER_OK, SESSION_OK, SITE_ALLOWED, TOKEN_OK, TRUST_OK } from './aws-world.js';

const MAIN = 'repo:acme/api:ref:refs/heads/main';
const TRUST_CAUSE = 'Likely cause: changed trust or network rule.';
/** A token whose aud the provider does not list: STS refuses it (400) before it reads the trust, which is not reached. */
const AUD_REFUSED = [
  ['oidc-provider', 'audience-not-registered', 'fail'],
  ['sts-trust', 'could-not-verify', 'unverified'],
] as const;

/** The offline files of a deploy whose provider is another one than the base's. */
const withProvider = (file: string) => [
  'iam/account-authorization-details.json',
  'iam/get-role-github-deploy.json',
  file,
  'org',
];

/** The passing deploy, and the trust-side causes of a failing one. */
export const trustScenarios: AwsScenario[] = [
  {
    name: 'passing deploy: a push to main, trust locked to main, provider with the audience, every permission allowed',
    expected: {
      result: 'pass',
      findings: [TOKEN_OK, PROVIDER_OK, TRUST_OK, SESSION_OK, ...SITE_ALLOWED],
      summary: [
        '✅ Preflight passed: 8 checks, every credential would be accepted',
        'Statement[0] ("GitHubActionsMainOnly") allows sts:AssumeRoleWithWebIdentity',
        'Allowed by github-deploy/inline/deploy-site statement 2 (Sid "Invalidate")',
      ],
    },
    prepare: (w) => w.deploy(),
  },
  {
    name: 'trust locked to main, run from a pull request',
    expected: {
      result: 'fail',
      findings: [TOKEN_OK, PROVIDER_OK, ['sts-trust', 'trust-denied', 'fail'], SESSION_OK, ...SITE_ALLOWED],
      summary: [
        '1 of 8 checks would fail (1 would end in 403)',
        `sub is \`repo:acme/api:pull_request\`, the trust policy allows \`${MAIN}\``,
        'Run the deploy on a push to `main` rather than on pull_request',
        TRUST_CAUSE,
      ],
    },
    prepare: (w) => w.deploy({ run: pullRequest(17, 'feature/new-header') }),
  },
  {
    name: 'trust locked to main, run from a tag',
    expected: {
      result: 'fail',
      findings: [TOKEN_OK, PROVIDER_OK, ['sts-trust', 'trust-denied', 'fail'], SESSION_OK, ...SITE_ALLOWED],
      summary: [
        `sub is \`repo:acme/api:ref:refs/tags/v1.4.0\`, the trust policy allows \`${MAIN}\``,
        'Change the expected pattern so it matches `repo:acme/api:ref:refs/tags/v1.4.0`',
      ],
    },
    prepare: (w) => w.deploy({ run: tagPush('v1.4.0') }),
  },
  {
    name: 'trust locked to main, run from a job in the production environment',
    expected: {
      result: 'fail',
      findings: [TOKEN_OK, PROVIDER_OK, ['sts-trust', 'trust-denied', 'fail'], SESSION_OK, ...SITE_ALLOWED],
      summary: [
        `sub is \`repo:acme/api:environment:production\`, the trust policy allows \`${MAIN}\``,
        'expect `repo:acme/api:environment:production`, or remove the environment from the job',
      ],
    },
    prepare: (w) => w.deploy({ run: inEnvironment('production') }),
  },
  {
    name: "audience mismatch: token requested for another audience than the provider's client ids and the trust's :aud",
    expected: {
      result: 'fail',
      findings: [TOKEN_OK, ...AUD_REFUSED, SESSION_OK, ...SITE_ALLOWED],
      summary: [
        '1 of 8 checks would fail (1 would end in 400), and 1 could not be verified',
        'does not list the audience `api://acme-deploy` among its client IDs (`sts.amazonaws.com`)',
        'InvalidIdentityToken: Incorrect token audience',
        '--client-id api://acme-deploy',
        'Not reached: STS refuses the token before it reads the trust',
      ],
    },
    prepare: (w) => w.deploy({ inputs: { audience: 'api://acme-deploy' } }),
  },
  {
    name: "missing OIDC provider: the account has github.com's provider only (read live, with the role's files)",
    expected: {
      result: 'fail',
      findings: [TOKEN_OK, ['oidc-provider', 'no-oidc-provider', 'fail'], TRUST_OK, SESSION_OK, ...SITE_ALLOWED],
      summary: ['1 would end in 400', 'No OpenIDConnect provider found in your account for', TRUST_CAUSE],
      check: ({ aws, run }) => {
        // The files hold the role, and IAM is read all the same (live reads decide); the two agree: no stale export.
        expect(new Set(aws.requests.map((r) => r.action))).toEqual(
          new Set([
            'GetRole',
            'ListRolePolicies',
            'GetRolePolicy',
            'ListAttachedRolePolicies',
            'GetPolicy',
            'GetPolicyVersion',
            'GetOpenIDConnectProvider',
            'ListOpenIDConnectProviders',
          ]),
        );
        const host = new URL(String(run.report?.findings[0]?.evidence.iss)).host;
        expect(summaryText(run.summary)).toContain(
          `aws iam create-open-id-connect-provider --url https://${host} --client-id-list sts.amazonaws.com`,
        );
      },
    },
    prepare: (w) =>
      w.deploy({
        files: ['iam/account-authorization-details.json', 'iam/get-role-github-deploy.json', 'org'],
        inputs: { 'aws-live-reads': 'true' },
        aws: {
          roles: [w.role('github-deploy')],
          oidcProviders: [
            {
              arn: `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`,
              url: 'token.actions.githubusercontent.com',
              clientIds: ['sts.amazonaws.com'],
            },
          ],
        },
      }),
  },
  {
    name: "provider without the audience: its client ids hold GitHub's default audience only",
    expected: {
      result: 'fail',
      findings: [TOKEN_OK, ...AUD_REFUSED, SESSION_OK, ...SITE_ALLOWED],
      summary: [
        'does not list the audience `sts.amazonaws.com` among its client IDs (`https://github.com/acme`)',
        'aws iam add-client-id-to-open-id-connect-provider',
      ],
    },
    prepare: (w) => w.deploy({ files: withProvider('iam/get-open-id-connect-provider-github-audience.json') }),
  },
  {
    name: 'the job lacks id-token: write, so there is no token to assume the role with',
    expected: {
      result: 'fail',
      findings: [
        ['runner', 'missing-id-token-permission', 'fail'],
        ['sts-trust', 'could-not-verify', 'unverified'],
        SESSION_OK,
        ...SITE_ALLOWED,
      ],
      summary: [
        'Add `permissions: { id-token: write, contents: read }` to the job',
        'There is no verified GitHub OIDC token to evaluate the role trust policy against',
      ],
    },
    prepare: (w) => w.deploy({ idToken: false }),
  },
  {
    name: 'the OIDC token expired before the role is assumed',
    expected: {
      result: 'fail',
      findings: [['token', 'expired', 'fail'], PROVIDER_OK, TRUST_OK, SESSION_OK, ...SITE_ALLOWED],
      summary: ['Fetch a fresh token right before it is used'],
    },
    prepare: (w) => w.deploy({ tokenNow: () => Math.floor(Date.now() / 1000) - 3600 }),
  },
];
