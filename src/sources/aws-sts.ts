/**
 * The live probe: sts:AssumeRoleWithWebIdentity with the real OIDC token, then sts:GetCallerIdentity with the
 * temporary credentials, exactly as configure-aws-credentials would assume the role. Every AWS error is mapped
 * to the layer that refused (trust policy, OIDC provider, audience, session duration, session policy size, the
 * token itself) and shown with its request id.
 *
 * AssumeRoleWithWebIdentity is unsigned: the SDK's STS auth-scheme provider lists `smithy.api#noAuth` first for
 * it, so no credentials are resolved. The client built here for it is given a credential provider that refuses
 * anyway, so the default chain (environment, files, IMDS) is never walked on its behalf.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html
 *
 * The temporary credentials live in memory only: they are registered with `mask` the moment they arrive, used
 * for GetCallerIdentity, and never returned, logged or put in a finding.
 */
import type {
  AssumeRoleWithWebIdentityCommandOutput,
  GetCallerIdentityCommandOutput,
  STSClient,
  STSClientConfig,
} from '@aws-sdk/client-sts';
import { type Finding, type FindingDraft, type FindingStatus, findingMaker } from '../model/finding.js';
import {
  type AwsClientOptions,
  awsErrorEvidence,
  baseClientConfig,
  type CallResult,
  callWithRetry,
  describeSourceError,
  incompleteResponse,
  type RetryOptions,
  retryOptionsOf,
  type SourceError,
} from './aws-errors.js';
import type { Sleep } from './http.js';

/** The part of `STSClient` used here; `destroy` is called on the clients this module builds. */
export type StsClientLike = Pick<STSClient, 'send'> & { destroy?: () => void };

/** Temporary credentials, as handed to the GetCallerIdentity client. */
export interface TemporaryCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
}

/** What the probe asks STS for: the configure-aws-credentials inputs, read. */
export interface AssumeRoleProbeInput {
  readonly roleArn: string;
  readonly webIdentityToken: string;
  readonly sessionName: string;
  readonly durationSeconds: number;
  /** The inline session policy, as JSON text. */
  readonly policy?: string;
  readonly policyArns?: readonly string[];
  /** The token's issuer (`iss`), verified; when absent, read from the token's payload to name the URLs STS fetches. */
  readonly issuer?: string;
  /** The issuer's `jwks_uri`, when the caller knows it (from its discovery document or the configuration). */
  readonly jwksUri?: string;
}

/** What the probe needs; `mask` is required (core.setSecret in the action, a no-op in the CLI). */
export interface StsProbeDeps extends AwsClientOptions {
  /** The client for AssumeRoleWithWebIdentity; default {@link createStsClient} with no credentials. */
  readonly client?: StsClientLike;
  /**
   * Builds the client that calls GetCallerIdentity with the temporary credentials; it is destroyed after that one
   * call, so it must be a new client. Default: {@link createStsClient} with the same region and endpoint.
   */
  readonly createCallerClient?: (credentials: TemporaryCredentials) => Promise<StsClientLike>;
  readonly maxAttempts?: number;
  readonly sleep?: Sleep;
  readonly mask: (secret: string) => void;
}

/** The assumed identity and a `pass` finding, or the findings that say which layer refused. */
export type AssumeRoleProbeResult =
  | {
      readonly ok: true;
      readonly assumedRoleArn: string;
      readonly account: string;
      /** ISO 8601, when STS said. */
      readonly expiresAt?: string;
      readonly findings: readonly Finding[];
    }
  | { readonly ok: false; readonly findings: readonly Finding[] };

/** Refuses to hand out credentials: the client it is given to only makes unsigned calls. */
async function refuseCredentials(): Promise<never> {
  throw Object.assign(new Error('this STS client makes unsigned calls only and has no credentials'), {
    name: 'CredentialsProviderError',
  });
}

/**
 * An STS client with an optional endpoint override, and no SDK retries (see aws-errors.ts). Without
 * `credentials` it can make unsigned calls only (AssumeRoleWithWebIdentity), and never looks for credentials.
 */
export async function createStsClient(
  options: AwsClientOptions & { readonly credentials?: STSClientConfig['credentials'] } = {},
): Promise<STSClient> {
  const { STSClient } = await import('@aws-sdk/client-sts');
  return new STSClient({ ...baseClientConfig(options), credentials: options.credentials ?? refuseCredentials });
}

const TRUST_DOCS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html';
const PROVIDER_DOCS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html';
const DURATION_DOCS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_update-role-settings.html';
const SESSION_POLICY_DOCS = 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html';

/**
 * How one STS refusal reads in the report: its class, decision point, status and fix (the cause and documentation
 * default to the class's row, src/model/finding-classes.ts); the probe adds the message and the evidence.
 */
type Mapping = Omit<FindingDraft, 'message' | 'suffix' | 'location'> & {
  readonly status: FindingStatus;
  readonly fix: string;
  /** A sentence the message ends with, past AWS's own words. */
  readonly note?: string;
};

/** A failure that says nothing about the role: throttled past the retries, 5xx, network, a malformed answer. */
function couldNotVerify(error: SourceError): Mapping {
  return {
    decisionPoint: error.code === 'IDPCommunicationError' ? 'oidc-provider' : 'sts-trust',
    class: error.kind === 'malformed-response' ? 'malformed-response' : 'could-not-verify',
    status: 'unverified',
    fix: 'Re-run the job; if it persists, check https://health.aws.amazon.com and any proxy between the runner and STS.',
  };
}

/**
 * One refusal of AssumeRoleWithWebIdentity: the error codes it comes with, the words in AWS's message that single it
 * out (the first entry that matches wins), and how it reads.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html#API_AssumeRoleWithWebIdentity_Errors
 */
interface Refusal {
  readonly codes: readonly string[];
  readonly when?: RegExp;
  readonly map: (input: AssumeRoleProbeInput) => Mapping;
}

const DENIED = ['AccessDenied', 'AccessDeniedException'];

/** Each AWS error of AssumeRoleWithWebIdentity, by code and message, to the layer that refused. */
const REFUSALS: readonly Refusal[] = [
  {
    codes: DENIED,
    when: /sts:TagSession/i,
    map: ({ roleArn }) => ({
      decisionPoint: 'sts-trust',
      class: 'tag-session-denied',
      status: 'fail',
      wouldReturn: 403,
      fix: `Allow sts:TagSession next to sts:AssumeRoleWithWebIdentity in the trust policy of ${roleArn}, or stop passing session tags.`,
      docUrl: TRUST_DOCS,
    }),
  },
  {
    codes: DENIED,
    map: ({ roleArn }) => ({
      decisionPoint: 'sts-trust',
      class: 'trust-denied',
      status: 'fail',
      wouldReturn: 403,
      fix: `The trust policy of ${roleArn} does not allow this token: its Federated principal must be the OIDC provider's ARN in the role's account, and its conditions on :aud and :sub must match the token's claims (the trust finding shows which one does not).`,
      docUrl: TRUST_DOCS,
    }),
  },
  {
    codes: ['InvalidIdentityToken'],
    when: /No OpenIDConnect provider found/i,
    map: ({ roleArn }) => ({
      decisionPoint: 'oidc-provider',
      class: 'no-oidc-provider',
      status: 'fail',
      wouldReturn: 401,
      fix: `Create an IAM OIDC identity provider for the token's issuer in account ${roleArn.split(':')[4]}, with the token's audience in its client ID list.`,
      docUrl: PROVIDER_DOCS,
    }),
  },
  {
    codes: ['InvalidIdentityToken'],
    when: /audience/i,
    map: () => ({
      decisionPoint: 'oidc-provider',
      class: 'wrong-audience',
      status: 'fail',
      wouldReturn: 401,
      fix: "Add the token's audience to the OIDC provider's client ID list (aws iam add-client-id-to-open-id-connect-provider), or request the token with an audience the provider lists (input `audience`, default sts.amazonaws.com).",
      docUrl: PROVIDER_DOCS,
    }),
  },
  {
    // "Couldn't retrieve verification key from your identity provider": STS fetched the issuer's discovery document
    // or the keys it names and got nothing usable. Both must be reachable from AWS over the internet:
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html
    // https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html#API_AssumeRoleWithWebIdentity_Errors
    codes: ['InvalidIdentityToken'],
    when: /retrieve verification key/i,
    map: (input) => {
      const urls = keyUrls(input);
      return {
        decisionPoint: 'identity-provider',
        class: 'idp-keys-unreachable',
        status: 'fail',
        wouldReturn: 401,
        ...(urls.length > 0
          ? { evidence: { mustReach: urls }, note: `AWS must reach ${urls.join(' and ')} to validate it.` }
          : {}),
        fix:
          urls.length > 0
            ? `Make ${urls.join(' and ')} answer AWS from the internet over HTTPS (no firewall, IP allow list, VPN or private DNS in front of them, a certificate from a public CA); STS fetches the OpenID configuration, then the keys its jwks_uri names, each time it validates a token.`
            : "Make the token issuer's <iss>/.well-known/openid-configuration and the jwks_uri it names answer AWS from the internet over HTTPS.",
        docUrl: PROVIDER_DOCS,
      };
    },
  },
  {
    codes: ['InvalidIdentityToken'],
    map: () => ({
      decisionPoint: 'token',
      class: 'invalid-token',
      status: 'fail',
      wouldReturn: 401,
      fix: "STS could not validate the token: check the issuer matches the OIDC provider's URL and that the provider's keys are reachable from AWS.",
      docUrl: PROVIDER_DOCS,
    }),
  },
  {
    codes: ['ExpiredTokenException'],
    map: () => ({
      decisionPoint: 'token',
      class: 'token-expired',
      status: 'fail',
      wouldReturn: 401,
      fix: 'Request the OIDC token right before assuming the role (configure-aws-credentials does); a token fetched earlier in the job may have expired.',
    }),
  },
  {
    codes: ['IDPRejectedClaim'],
    map: ({ roleArn }) => ({
      decisionPoint: 'sts-trust',
      class: 'claim-rejected',
      status: 'fail',
      wouldReturn: 403,
      fix: `The identity provider rejected a claim of the token; compare the token's claims with the conditions in the trust policy of ${roleArn}.`,
      docUrl: TRUST_DOCS,
    }),
  },
  {
    codes: ['PackedPolicyTooLarge'],
    map: () => ({
      decisionPoint: 'session-policy',
      class: 'policy-too-large',
      status: 'fail',
      fix: 'Shorten the inline session policy or pass fewer managed session policies and session tags: STS packs them together and the packed size exceeded its limit.',
      docUrl: SESSION_POLICY_DOCS,
    }),
  },
  {
    codes: ['MalformedPolicyDocument'],
    map: () => ({
      decisionPoint: 'session-policy',
      class: 'malformed-session-policy',
      status: 'fail',
      fix: 'Fix the inline session policy: STS could not parse it (the message says where).',
      docUrl: SESSION_POLICY_DOCS,
    }),
  },
  {
    codes: ['RegionDisabledException'],
    map: () => ({
      decisionPoint: 'config',
      class: 'region-disabled',
      status: 'fail',
      wouldReturn: 403,
      fix: 'Activate STS in this region (IAM console, Account settings) or set aws-region to a region where it is active.',
    }),
  },
  {
    codes: ['ValidationError'],
    when: /durationSeconds|MaxSessionDuration/i,
    map: ({ durationSeconds }) => ({
      decisionPoint: 'session',
      class: 'duration-too-long',
      status: 'fail',
      fix: `Lower role-duration-seconds (${durationSeconds}) to at most the role's MaxSessionDuration, or raise the role's MaxSessionDuration (up to 43200).`,
      docUrl: DURATION_DOCS,
    }),
  },
  {
    codes: ['ValidationError'],
    when: /roleSessionName/i,
    map: () => ({
      decisionPoint: 'session',
      class: 'invalid-session-name',
      status: 'fail',
      fix: 'Set role-session-name to 2 to 64 characters of letters, digits and +=,.@_-.',
    }),
  },
  {
    codes: ['ValidationError'],
    when: /polic/i,
    map: () => ({
      decisionPoint: 'session-policy',
      class: 'invalid-session-policy',
      status: 'fail',
      fix: 'Fix the session policy inputs as the message says.',
      docUrl: SESSION_POLICY_DOCS,
    }),
  },
];

/** The `iss` claim of a JWT's payload, unverified: only to name the URLs STS fetches. Undefined if unreadable. */
function unverifiedIssuer(token: string): string | undefined {
  try {
    const payload: unknown = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
    const iss = (payload as { iss?: unknown } | null)?.iss;
    return typeof iss === 'string' && /^https:\/\//i.test(iss) ? iss : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The URLs STS must reach to validate the token: the issuer's discovery document (OpenID Connect Discovery 1.0,
 * section 4: `<iss>/.well-known/openid-configuration`) and, when known, the `jwks_uri` it names.
 */
function keyUrls(input: AssumeRoleProbeInput): string[] {
  const issuer = input.issuer ?? unverifiedIssuer(input.webIdentityToken);
  return [
    ...(issuer ? [`${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`] : []),
    ...(input.jwksUri ? [input.jwksUri] : []),
  ];
}

/** A refusal none of {@link REFUSALS} explains. */
const STS_ERROR: Mapping = {
  decisionPoint: 'sts-trust',
  class: 'sts-error',
  status: 'unverified',
  fix: 'Read the AWS message in the evidence; the request id identifies the call to AWS Support.',
};

/** The layer that refused, for an AWS error of AssumeRoleWithWebIdentity. */
function mapAssumeError(error: SourceError, input: AssumeRoleProbeInput): Mapping {
  if (!['rejected', 'access-denied'].includes(error.kind)) return couldNotVerify(error);
  const refusal = REFUSALS.find((r) => r.codes.includes(error.code) && (r.when?.test(error.message) ?? true));
  return refusal ? refusal.map(input) : STS_ERROR;
}

type StsSdk = typeof import('@aws-sdk/client-sts');

/** Asks STS to assume the role with the token, then confirms the session with GetCallerIdentity. Never throws on AWS errors. */
export async function probeAssumeRole(input: AssumeRoleProbeInput, deps: StsProbeDeps): Promise<AssumeRoleProbeResult> {
  const sts = await import('@aws-sdk/client-sts');
  const retry = retryOptionsOf(deps);
  const assumed = await assumeRole(sts, input, deps, retry);
  if (!assumed.ok) return failed(input, assumed.error, mapAssumeError(assumed.error, input));

  const out = assumed.value;
  const c = out.Credentials;
  // Masked before anything else happens, so nothing downstream can print them first.
  for (const secret of [c?.AccessKeyId, c?.SecretAccessKey, c?.SessionToken]) if (secret) deps.mask(secret);
  const assumedRoleArn = out.AssumedRoleUser?.Arn;
  if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken || !assumedRoleArn) {
    const requestId = out.$metadata.requestId;
    return unverified(
      input,
      incompleteResponse('sts:AssumeRoleWithWebIdentity', 'Credentials or AssumedRoleUser', requestId),
    );
  }
  const credentials = { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken };
  const identity = await callerIdentity(sts, credentials, deps, retry);
  if (!identity.ok) return unverified(input, identity.error);
  const session = confirmedSession(identity.value, assumedRoleArn, input.roleArn);
  if (!session.ok) return unverified(input, session.error);
  return accepted(input, out, identity.value, session.value);
}

/** AssumeRoleWithWebIdentity with the token and the session inputs; the client is destroyed if it is built here. */
async function assumeRole(sts: StsSdk, input: AssumeRoleProbeInput, deps: StsProbeDeps, retry: RetryOptions) {
  const client = deps.client ?? (await createStsClient(deps));
  const assumed = await callWithRetry(
    'sts:AssumeRoleWithWebIdentity',
    () =>
      client.send(
        new sts.AssumeRoleWithWebIdentityCommand({
          RoleArn: input.roleArn,
          RoleSessionName: input.sessionName,
          WebIdentityToken: input.webIdentityToken,
          DurationSeconds: input.durationSeconds,
          ...(input.policy !== undefined ? { Policy: input.policy } : {}),
          ...(input.policyArns?.length ? { PolicyArns: input.policyArns.map((arn) => ({ arn })) } : {}),
        }),
      ),
    retry,
  );
  if (deps.client === undefined) client.destroy?.();
  return assumed;
}

/** GetCallerIdentity with the temporary credentials, on a client made for that one call and destroyed after it. */
async function callerIdentity(
  sts: StsSdk,
  credentials: TemporaryCredentials,
  deps: StsProbeDeps,
  retry: RetryOptions,
): Promise<CallResult<GetCallerIdentityCommandOutput>> {
  const caller = await (deps.createCallerClient ?? ((creds) => createStsClient({ ...deps, credentials: creds })))(
    credentials,
  );
  const identity = await callWithRetry(
    'sts:GetCallerIdentity',
    () => caller.send(new sts.GetCallerIdentityCommand({})),
    retry,
  );
  caller.destroy?.();
  return identity;
}

/** The assumed session, as GetCallerIdentity reports it. */
interface Session {
  readonly arn: string;
  readonly account: string;
}

/** The session GetCallerIdentity reports, if it is the one STS reported, in the role's account. */
function confirmedSession(
  identity: GetCallerIdentityCommandOutput,
  assumedRoleArn: string,
  roleArn: string,
): CallResult<Session> {
  const { Arn: arn, Account: account } = identity;
  if (!arn || !account) {
    return {
      ok: false,
      error: incompleteResponse('sts:GetCallerIdentity', 'Arn or Account', identity.$metadata.requestId),
    };
  }
  if (arn !== assumedRoleArn || account !== roleArn.split(':')[4]) {
    const message = `GetCallerIdentity answered ${arn} (account ${account}), not the session STS reported (${assumedRoleArn})`;
    return {
      ok: false,
      error: {
        operation: 'sts:GetCallerIdentity',
        code: 'UnexpectedIdentity',
        kind: 'unknown',
        retryable: false,
        message,
      },
    };
  }
  return { ok: true, value: { arn, account } };
}

/** What every finding of the probe shows of its input. */
function inputEvidence(input: AssumeRoleProbeInput) {
  return { roleArn: input.roleArn, sessionName: input.sessionName, durationSeconds: input.durationSeconds };
}

/** The probe's findings about one role: `aws-sts:ROLE:CLASS`. */
function probeFindings(input: AssumeRoleProbeInput) {
  return findingMaker({ idPrefix: `aws-sts:${input.roleArn}`, subject: `role ${input.roleArn}` });
}

/** The probe's result when STS refused or the session could not be confirmed: one finding, as `mapping` reads it. */
function failed(input: AssumeRoleProbeInput, error: SourceError, mapping: Mapping): AssumeRoleProbeResult {
  const { note, evidence: more, ...draft } = mapping;
  const message =
    mapping.status === 'fail'
      ? `STS refused to let this token assume ${input.roleArn}: ${error.message} (${error.code}).${note ? ` ${note}` : ''}`
      : `Could not verify that STS accepts this token for ${input.roleArn}: ${describeSourceError(error)}. Nothing is assumed in its place (fail closed).`;
  const evidence = { ...inputEvidence(input), ...awsErrorEvidence(error), ...more };
  return { ok: false, findings: [probeFindings(input)({ ...draft, message, evidence })] };
}

/** A failure that says nothing about the role, as the probe's result. */
function unverified(input: AssumeRoleProbeInput, error: SourceError): AssumeRoleProbeResult {
  return failed(input, error, couldNotVerify(error));
}

/** The probe's result when STS assumed the role and GetCallerIdentity confirmed the session: one `pass` finding. */
function accepted(
  input: AssumeRoleProbeInput,
  out: AssumeRoleWithWebIdentityCommandOutput,
  identity: GetCallerIdentityCommandOutput,
  { arn, account }: Session,
): AssumeRoleProbeResult {
  const requestId = out.$metadata.requestId;
  const expiresAt = out.Credentials?.Expiration?.toISOString();
  return {
    ok: true,
    assumedRoleArn: arn,
    account,
    ...(expiresAt ? { expiresAt } : {}),
    findings: [
      probeFindings(input)({
        class: 'ok',
        decisionPoint: 'sts-trust',
        message: `STS accepted the token and assumed ${input.roleArn} as ${arn}; GetCallerIdentity confirms the session.`,
        evidence: {
          ...inputEvidence(input),
          assumedRoleArn: arn,
          account,
          ...(requestId ? { requestId } : {}),
          ...(identity.$metadata.requestId ? { callerIdentityRequestId: identity.$metadata.requestId } : {}),
          ...(expiresAt ? { expiresAt } : {}),
          ...(out.PackedPolicySize !== undefined ? { packedPolicySizePercent: out.PackedPolicySize } : {}),
        },
      }),
    ],
  };
}
