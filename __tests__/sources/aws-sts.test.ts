/**
 * The live STS probe through the real SDK client, pointed at a loopback server that speaks the STS query
 * protocol (`__tests__/fixtures/aws-query-server.ts`). AssumeRoleWithWebIdentity goes out unsigned; the
 * temporary credentials the server issues are used for GetCallerIdentity and must never surface.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type AssumeRoleProbeInput, probeAssumeRole, type StsProbeDeps } from '../../src/sources/aws-sts.js';
import { type AwsQueryServer, type StsDecision, startAwsQueryServer } from '../fixtures/aws-query-server.js';

const ROLE_ARN = 'arn:aws:iam::111111111111:role/deploy';
// Not a real JWT: STS on loopback does not parse it, and it must never appear in a finding.
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOmFjbWUvYXBpIn0.c2lnbmF0dXJlLW9mLWEtdGVzdA';
const INPUT: AssumeRoleProbeInput = {
  roleArn: ROLE_ARN,
  webIdentityToken: TOKEN,
  sessionName: 'GitHubActions',
  durationSeconds: 3600,
};

let server: AwsQueryServer;
let decision: StsDecision = { ok: true };
const masked: string[] = [];
const sleeps: number[] = [];
const deps = (more: Partial<StsProbeDeps> = {}): StsProbeDeps => ({
  endpoint: server.endpoint,
  region: 'us-east-1',
  mask: (secret) => void masked.push(secret),
  sleep: async (ms) => void sleeps.push(ms),
  ...more,
});

beforeAll(async () => {
  vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
  // If anything walked the credential chain, these would sign the unsigned call: the test below would see them.
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAJOBCREDENTIALS00');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'job-secret-that-must-not-be-used');
  server = await startAwsQueryServer({ decideAssume: () => decision });
});
afterAll(async () => {
  await server.close();
  vi.unstubAllEnvs();
});
afterEach(() => {
  server.reset();
  decision = { ok: true };
  masked.length = 0;
  sleeps.length = 0;
});

/** Everything a caller could print: the result, its findings, all of it as text. */
const shown = (value: unknown) => JSON.stringify(value);

describe('probeAssumeRole: success', () => {
  it('assumes the role unsigned, confirms it with GetCallerIdentity, and returns a pass', async () => {
    const result = await probeAssumeRole(INPUT, deps());
    const assumedRoleArn = 'arn:aws:sts::111111111111:assumed-role/deploy/GitHubActions';
    expect(result).toMatchObject({ ok: true, assumedRoleArn, account: '111111111111' });
    expect(result.findings).toEqual([
      expect.objectContaining({
        status: 'pass',
        class: 'ok',
        decisionPoint: 'sts-trust',
        evidence: expect.objectContaining({ assumedRoleArn, requestId: server.requests[0]?.requestId }),
      }),
    ]);
    const [assume, caller] = server.requests;
    expect(assume).toMatchObject({
      action: 'AssumeRoleWithWebIdentity',
      params: { RoleArn: ROLE_ARN, DurationSeconds: '3600' },
    });
    expect(assume?.accessKeyId).toBeUndefined();
    expect(caller).toMatchObject({ action: 'GetCallerIdentity', accessKeyId: server.issued[0]?.accessKeyId });
  });

  it('masks the temporary credentials at once and never lets them, or the token, into the result', async () => {
    const result = await probeAssumeRole(INPUT, deps());
    const [creds] = server.issued;
    expect(creds).toBeDefined();
    const secrets = [creds?.accessKeyId, creds?.secretAccessKey, creds?.sessionToken] as string[];
    expect(masked).toEqual(secrets);
    for (const secret of [...secrets, TOKEN]) expect(shown(result)).not.toContain(secret);
  });

  it('passes the session policy and managed session policies as STS expects them', async () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
    });
    const policyArns = ['arn:aws:iam::aws:policy/ReadOnlyAccess'];
    expect((await probeAssumeRole({ ...INPUT, policy, policyArns }, deps())).ok).toBe(true);
    expect(server.requests[0]?.params).toMatchObject({ Policy: policy, 'PolicyArns.member.1.arn': policyArns[0] });
  });
});

describe('probeAssumeRole: each AWS error mapped to its layer', () => {
  const cases: [string, StsDecision, Record<string, unknown>][] = [
    [
      'AccessDenied (trust policy)',
      { ok: false, code: 'AccessDenied', message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity' },
      { decisionPoint: 'sts-trust', class: 'trust-denied', status: 'fail', wouldReturn: 403 },
    ],
    [
      'InvalidIdentityToken (no provider)',
      {
        ok: false,
        code: 'InvalidIdentityToken',
        message: 'No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com',
      },
      { decisionPoint: 'oidc-provider', class: 'no-oidc-provider', status: 'fail', wouldReturn: 401 },
    ],
    [
      'InvalidIdentityToken (audience)',
      { ok: false, code: 'InvalidIdentityToken', message: 'Incorrect token audience' },
      { decisionPoint: 'oidc-provider', class: 'wrong-audience', status: 'fail', wouldReturn: 401 },
    ],
    [
      'ValidationError (duration)',
      {
        ok: false,
        code: 'ValidationError',
        message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
      },
      { decisionPoint: 'session', class: 'duration-too-long', status: 'fail' },
    ],
    [
      'ExpiredTokenException',
      {
        ok: false,
        code: 'ExpiredTokenException',
        message: 'Token expired: current date/time must be before the expiration date/time',
      },
      {
        decisionPoint: 'token',
        class: 'token-expired',
        status: 'fail',
        wouldReturn: 401,
        cause: 'expired-or-rotated-credential',
      },
    ],
    [
      'IDPRejectedClaim',
      { ok: false, code: 'IDPRejectedClaim', message: 'The identity provider rejected the claim' },
      { decisionPoint: 'sts-trust', class: 'claim-rejected', status: 'fail', wouldReturn: 403 },
    ],
    [
      'PackedPolicyTooLarge',
      { ok: false, code: 'PackedPolicyTooLarge', message: 'Packed size of the session policy exceeds the limit: 112%' },
      { decisionPoint: 'session-policy', class: 'policy-too-large', status: 'fail' },
    ],
    [
      'RegionDisabledException',
      {
        ok: false,
        code: 'RegionDisabledException',
        message: 'STS is not activated in this region for account:111111111111.',
      },
      { decisionPoint: 'config', class: 'region-disabled', status: 'fail' },
    ],
  ];

  it.each(cases)('%s', async (_, refusal, expected) => {
    decision = refusal;
    const result = await probeAssumeRole(INPUT, deps());
    expect(result.ok).toBe(false);
    const [finding, ...rest] = result.findings;
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      ...expected,
      evidence: expect.objectContaining({
        requestId: server.requests[0]?.requestId,
        awsErrorCode: refusal.ok ? '' : refusal.code,
        awsMessage: refusal.ok ? '' : refusal.message,
        roleArn: ROLE_ARN,
      }),
    });
    expect(finding?.fix).toBeTruthy();
    // A refusal is an answer: not retried, and GetCallerIdentity never called.
    expect(server.requests.map((r) => r.action)).toEqual(['AssumeRoleWithWebIdentity']);
    expect(shown(result)).not.toContain(TOKEN);
  });
});

describe("probeAssumeRole: STS could not fetch the issuer's keys", () => {
  // The message STS sends with InvalidIdentityToken when it cannot fetch the discovery document or the JWKS
  // (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html#API_AssumeRoleWithWebIdentity_Errors).
  const KEYS_UNREACHABLE: StsDecision = {
    ok: false,
    code: 'InvalidIdentityToken',
    message:
      "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements",
  };
  const ISSUER = 'https://ghes.acme.example/_services/token';

  it('is an identity-provider finding that names the discovery document and the jwks_uri AWS must reach', async () => {
    decision = KEYS_UNREACHABLE;
    const jwksUri = `${ISSUER}/.well-known/jwks`;
    const result = await probeAssumeRole({ ...INPUT, issuer: ISSUER, jwksUri }, deps());
    const urls = [`${ISSUER}/.well-known/openid-configuration`, jwksUri];
    expect(result.findings).toEqual([
      expect.objectContaining({
        decisionPoint: 'identity-provider',
        class: 'idp-keys-unreachable',
        status: 'fail',
        cause: 'changed-trust-or-network-rule',
        evidence: expect.objectContaining({ mustReach: urls, awsErrorCode: 'InvalidIdentityToken' }),
      }),
    ]);
    const [finding] = result.findings;
    for (const url of urls) {
      expect(finding?.message).toContain(url);
      expect(finding?.fix).toContain(url);
    }
    expect(server.requests.map((r) => r.action)).toEqual(['AssumeRoleWithWebIdentity']);
  });

  it("reads the issuer from the token's payload when the caller does not give it", async () => {
    decision = KEYS_UNREACHABLE;
    const payload = Buffer.from(JSON.stringify({ iss: ISSUER, sub: 'repo:acme/api:ref:refs/heads/main' })).toString(
      'base64url',
    );
    const token = `eyJhbGciOiJSUzI1NiJ9.${payload}.c2ln`;
    const result = await probeAssumeRole({ ...INPUT, webIdentityToken: token }, deps());
    expect(result.findings[0]).toMatchObject({
      class: 'idp-keys-unreachable',
      evidence: { mustReach: [`${ISSUER}/.well-known/openid-configuration`] },
    });
    expect(shown(result)).not.toContain(token);
  });

  it('keeps invalid-token for the other InvalidIdentityToken refusals', async () => {
    decision = { ok: false, code: 'InvalidIdentityToken', message: 'The ID Token provided is not a valid JWT.' };
    const result = await probeAssumeRole(INPUT, deps());
    expect(result.findings[0]).toMatchObject({ decisionPoint: 'token', class: 'invalid-token' });
  });
});

describe('probeAssumeRole: failures of our own I/O', () => {
  it('retries throttling, then fails closed as unverified with the request id', async () => {
    server.setRules([{ action: 'AssumeRoleWithWebIdentity', behaviour: { kind: 'throttle' } }]);
    const result = await probeAssumeRole(INPUT, deps({ maxAttempts: 3 }));
    expect(result.ok).toBe(false);
    expect(result.findings[0]).toMatchObject({
      status: 'unverified',
      class: 'could-not-verify',
      evidence: { awsErrorCode: 'Throttling', attempts: 3, requestId: server.requests[2]?.requestId },
    });
    expect(sleeps).toHaveLength(2);
  });

  it('retries IDPCommunicationError, which AWS documents as transient', async () => {
    server.setRules([
      {
        action: 'AssumeRoleWithWebIdentity',
        behaviour: { kind: 'error', code: 'IDPCommunicationError', status: 400 },
        times: 1,
      },
    ]);
    expect((await probeAssumeRole(INPUT, deps())).ok).toBe(true);
    expect(server.count('AssumeRoleWithWebIdentity').AssumeRoleWithWebIdentity).toBe(2);
  });

  it('never passes on an empty 200', async () => {
    server.setRules([{ action: 'AssumeRoleWithWebIdentity', behaviour: { kind: 'empty' } }]);
    const result = await probeAssumeRole(INPUT, deps());
    expect(result.ok).toBe(false);
    expect(result.findings[0]).toMatchObject({ status: 'unverified', class: 'malformed-response' });
  });

  it('fails closed when GetCallerIdentity fails, without leaking the credentials it was given', async () => {
    server.setRules([
      { action: 'GetCallerIdentity', behaviour: { kind: 'error', code: 'InternalFailure', status: 500 } },
    ]);
    const result = await probeAssumeRole(INPUT, deps({ maxAttempts: 2 }));
    expect(result.ok).toBe(false);
    expect(result.findings[0]).toMatchObject({
      status: 'unverified',
      class: 'could-not-verify',
      evidence: { operation: 'sts:GetCallerIdentity', attempts: 2 },
    });
    const [creds] = server.issued;
    for (const secret of [creds?.secretAccessKey, creds?.sessionToken, creds?.accessKeyId] as string[]) {
      expect(shown(result)).not.toContain(secret);
    }
    expect(masked).toHaveLength(3);
  });
});
