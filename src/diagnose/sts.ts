/**
 * STS's refusals of a web identity and of a session, as a job's log prints them: the error texts of
 * AssumeRoleWithWebIdentity (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html,
 * "Errors"), the session's limits (DurationSeconds, RoleSessionName: same page, "Request Parameters"), and an expired
 * or invalid session credential on a later call
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_general.html#troubleshoot_general_access-denied-temp-creds).
 *
 * The status each answer ends in is the service's: STS answers an expired web identity token with 400
 * (API_AssumeRoleWithWebIdentity.html, "Errors": ExpiredTokenException, HTTP Status Code 400), S3 an expired session
 * with `ExpiredToken`, 400 Bad Request (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList),
 * and STS an unknown key with `InvalidClientTokenId`, 403 (https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html).
 * Other services' lists differ (the common errors give `ExpiredTokenException` 403, ECR answers it with 400), so the
 * status a line prints (`StatusCode: 400`) is read first, then the service's list (S3's for an S3 call, the common
 * errors for another named call), and none is claimed where the line names no call. STS's InvalidIdentityToken (a
 * wrong audience, no OIDC provider, the issuer's keys out of reach) is 400 (API_AssumeRoleWithWebIdentity.html, "Errors").
 */

import type { DecisionPoint, WouldReturn } from '../model/finding.js';
import type { FindingClass } from '../model/finding-classes.js';
import { trustDenied } from './aws.js';
import { type LogMatch, type Matcher, printedStatus } from './match.js';

/** One STS error text and what it means. */
interface StsRule {
  readonly pattern: RegExp;
  readonly class: FindingClass;
  readonly point: DecisionPoint;
  readonly message: string;
  readonly fix: string;
  /** The status when the line prints none; a function of the line where it depends on the service. */
  readonly wouldReturn?: WouldReturn | ((line: string) => WouldReturn | undefined);
  /** A page more precise than the class's. */
  readonly docUrl?: string;
}

const STS_COMMON_ERRORS = 'https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html';
const WEB_IDENTITY_ERRORS =
  'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html#API_AssumeRoleWithWebIdentity_Errors';
const EC2_ERRORS = 'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html';
const ECR_AUTH = 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry_auth.html';

/** An S3 call: `s3://…`, the SDK's `operation error S3:`, or one of S3's object and bucket operations. */
function s3Call(line: string): boolean {
  return (
    /\bs3:\/\/|operation error S3:/i.test(line) ||
    /when calling the (?:(?:Put|Get|Head|Delete|Copy|Restore|Select)Object\w*|ListObjects\w*|(?:Create|Complete|Abort)MultipartUpload|UploadPart\w*|ListBuckets|HeadBucket|(?:Get|Put|Delete|Create)Bucket\w*|DeleteObjects) operation/.test(
      line,
    )
  );
}

/** `PutObject` of `… when calling the PutObject operation`, `ECR BatchGetImage` of `operation error ECR: BatchGetImage`. */
function operationOf(line: string): string | undefined {
  const sdk = /when calling the (\w+) operation/.exec(line)?.[1];
  if (sdk) return sdk;
  const v2 = /operation error ([\w ]+?): (\w+)/.exec(line);
  return v2 ? `${v2[1]} ${v2[2]}` : undefined;
}

const RULES: readonly StsRule[] = [
  {
    pattern: /Incorrect token audience/i,
    class: 'wrong-audience',
    point: 'oidc-provider',
    message: "STS refused the OIDC token: its `aud` is not a client ID of the account's OIDC provider for the issuer.",
    fix: "Add the audience the job requests (configure-aws-credentials asks for `sts.amazonaws.com` unless `audience` is set) to the IAM OIDC provider's client IDs, or request the audience the provider lists.",
    // STS's InvalidIdentityToken: HTTP 400 (API_AssumeRoleWithWebIdentity.html, "Errors").
    wouldReturn: 400,
    docUrl: WEB_IDENTITY_ERRORS,
  },
  {
    pattern: /No OpenID ?Connect provider found in your account for\s*(\S*)/i,
    class: 'no-oidc-provider',
    point: 'oidc-provider',
    message: "STS found no IAM OIDC provider for the token's issuer in the role's account.",
    fix: "Create the IAM OIDC provider for `https://token.actions.githubusercontent.com` (or your enterprise's issuer) in the account of the role, with the audience the job requests.",
    // STS's InvalidIdentityToken: HTTP 400 (API_AssumeRoleWithWebIdentity.html, "Errors").
    wouldReturn: 400,
    docUrl: WEB_IDENTITY_ERRORS,
  },
  {
    pattern: /Couldn't retrieve verification key from your identity provider/i,
    class: 'idp-keys-unreachable',
    point: 'identity-provider',
    message: "STS could not fetch the issuer's signing keys (its OpenID configuration or `jwks_uri`).",
    fix: "Make the issuer's `/.well-known/openid-configuration` and its `jwks_uri` reachable from the internet (GitHub Enterprise Server's are internal by default), then retry.",
    // STS's InvalidIdentityToken: HTTP 400 (API_AssumeRoleWithWebIdentity.html, "Errors").
    wouldReturn: 400,
    docUrl: WEB_IDENTITY_ERRORS,
  },
  {
    pattern: /Not authorized to perform:? sts:AssumeRoleWithWebIdentity/i,
    class: 'trust-denied',
    point: 'sts-trust',
    message: '',
    fix: '',
  },
  {
    // STS's own text for an expired web identity token ("Token expired: current date/time … must be before the
    // expiration date/time …"), or its error code on the AssumeRoleWithWebIdentity call itself.
    pattern:
      /\bToken expired\b|\bExpiredTokenException\b.*\bAssumeRoleWithWebIdentity\b|\bAssumeRoleWithWebIdentity\b.*\bExpiredTokenException\b/i,
    class: 'token-expired',
    point: 'token',
    message: 'STS refused the web identity token as expired.',
    fix: "Request the OIDC token right before assuming the role (GitHub's token lives a few minutes), and keep the clock of a self-hosted runner in sync.",
    wouldReturn: 400,
  },
  {
    // Any other call with expired session credentials: `ExpiredToken` (S3), `ExpiredTokenException` (most services).
    pattern: /The security token included in the request is expired|\bExpiredToken(?:Exception)?\b/i,
    class: 'session-too-short',
    point: 'session',
    message: 'AWS refused a call because the session credentials had expired: the deploy outlived its session.',
    fix: "Raise `role-duration-seconds` (up to the role's MaxSessionDuration), or split the deploy; the preflight's `expected-duration` checks this before the deploy.",
    // S3 answers `ExpiredToken` with 400 (S3's list of error codes); another service named by the call answers as AWS's
    // common errors say, 403 (https://docs.aws.amazon.com/awsconsolehelpdocs/latest/gsg/common-errors.html,
    // ExpiredTokenException; CloudFormation's own CommonErrors page alike); a line that names no call claims none.
    wouldReturn: (line) => (s3Call(line) ? 400 : operationOf(line) ? 403 : undefined),
  },
  {
    // EC2's AuthFailure ("AWS was not able to validate the provided access credentials"), which EC2 answers with
    // 401 Unauthorized: the credential is not valid (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html,
    // "Common client error codes": "The provided credentials could not be validated").
    pattern: /\bAuthFailure\b|AWS was not able to validate the provided access credentials/,
    class: 'credential-rejected',
    point: 'token',
    message:
      'AWS (EC2) could not validate the credentials: the access key or session is not valid (expired, rotated or mistyped), or the account may not use the resource.',
    fix: 'Refresh the credentials the step uses (a new session, or the current access key; prefer OIDC so no long-lived key is stored); if they are valid, check that the account may use EC2 and the resource (an AMI or Elastic IP of another account).',
    wouldReturn: 401,
    docUrl: EC2_ERRORS,
  },
  {
    // Amazon ECR's registry token (from `aws ecr get-login-password` or amazon-ecr-login) is valid for 12 hours
    // (https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry_auth.html): a push after it is refused with the
    // registry API's DENIED, a 403 (https://distribution.github.io/distribution/spec/api/#errors).
    pattern: /Your authorization token has expired/i,
    class: 'credential-rejected',
    point: 'token',
    message:
      "Amazon ECR refused the registry login as expired: the docker login's token (valid 12 hours, and no longer than the session that got it) ran out before the push.",
    fix: 'Log in to ECR again right before the push (amazon-ecr-login, or `aws ecr get-login-password | docker login`), with a session that lasts past the push (`role-duration-seconds`).',
    wouldReturn: 403,
    docUrl: ECR_AUTH,
  },
  {
    pattern:
      /The security token included in the request is invalid|\bInvalidClientTokenId\b|\bUnrecognizedClientException\b|The AWS Access Key Id you provided does not exist|\bInvalidAccessKeyId\b|\bSignatureDoesNotMatch\b/i,
    class: 'credential-rejected',
    point: 'token',
    message: 'AWS did not accept the credentials: the access key or session token is unknown, rotated or mistyped.',
    fix: 'Replace the stored access key (or stop mixing a stale `AWS_SESSION_TOKEN` with new keys); prefer OIDC so no long-lived key is stored.',
    wouldReturn: 403,
    docUrl: STS_COMMON_ERRORS,
  },
  {
    pattern:
      /DurationSeconds exceeds the (?:MaxSessionDuration|1 hour session limit)|'durationSeconds' failed to satisfy constraint/i,
    class: 'duration-too-long',
    point: 'session',
    message:
      "STS refused the session: the requested duration is over the role's MaxSessionDuration (or one hour when chaining).",
    fix: "Lower `role-duration-seconds`, or raise the role's MaxSessionDuration (`aws iam update-role --max-session-duration`).",
  },
  {
    pattern:
      /'roleSessionName' failed to satisfy constraint|RoleSessionName.*(?:must|invalid)|Role session name must be between|role-session-name.*(?:invalid|must)/i,
    class: 'invalid-session-name',
    point: 'session',
    message: 'STS refused the role session name: it must be 2 to 64 characters of letters, digits and `+=,.@-_`.',
    fix: 'Set `role-session-name` to a value of that shape (an expression such as a branch name can hold `/`).',
  },
];

/** STS's refusals. */
const sts: Matcher = (line) => {
  for (const rule of RULES) {
    if (!rule.pattern.test(line)) continue;
    if (rule.class === 'trust-denied') return trustDenied('sts');
    const provider = rule.class === 'no-oidc-provider' ? rule.pattern.exec(line)?.[1] : undefined;
    const status =
      printedStatus(line) ?? (typeof rule.wouldReturn === 'function' ? rule.wouldReturn(line) : rule.wouldReturn);
    const operation = operationOf(line);
    // The error the line names (`InvalidClientTokenId`, `SignatureDoesNotMatch`): two of them are two failures.
    const error = /\((\w+)\) when calling\b|\bapi error (\w+):/.exec(line);
    const evidence = {
      ...(provider ? { issuer: provider.replace(/[.,;]+$/, '') } : {}),
      ...(operation ? { operation } : {}),
      error: error?.[1] ?? error?.[2] ?? rule.pattern.exec(line)?.[0] ?? '',
    };
    const match: LogMatch = {
      class: rule.class,
      decisionPoint: rule.point,
      source: 'sts',
      message: rule.message,
      fix: rule.fix,
      ...(status ? { wouldReturn: status } : {}),
      ...(rule.docUrl ? { docUrl: rule.docUrl } : {}),
      ...(Object.keys(evidence).length > 0 ? { evidence } : {}),
    };
    return match;
  }
  return undefined;
};

export const STS_MATCHERS: readonly Matcher[] = [sts];
