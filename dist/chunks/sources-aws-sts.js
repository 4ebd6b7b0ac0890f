import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  awsErrorEvidence,
  baseClientConfig,
  callWithRetry,
  describeSourceError,
  incompleteResponse,
  retryOptionsOf
} from "./shared-sources-aws-errors.js";
import {
  findingMaker
} from "./shared-model-finding-classes.js";
import "./shared-runtime-efb0f0b2.js";

// src/sources/aws-sts.ts
async function refuseCredentials() {
  throw Object.assign(new Error("this STS client makes unsigned calls only and has no credentials"), {
    name: "CredentialsProviderError"
  });
}
async function createStsClient(options = {}) {
  const { STSClient } = await import("./aws-sdk-client-sts.js");
  return new STSClient({ ...baseClientConfig(options), credentials: options.credentials ?? refuseCredentials });
}
var TRUST_DOCS = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html";
var PROVIDER_DOCS = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html";
var DURATION_DOCS = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_update-role-settings.html";
var SESSION_POLICY_DOCS = "https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html";
function couldNotVerify(error) {
  return {
    decisionPoint: error.code === "IDPCommunicationError" ? "oidc-provider" : "sts-trust",
    class: error.kind === "malformed-response" ? "malformed-response" : "could-not-verify",
    status: "unverified",
    fix: "Re-run the job; if it persists, check https://health.aws.amazon.com and any proxy between the runner and STS."
  };
}
var DENIED = ["AccessDenied", "AccessDeniedException"];
var REFUSALS = [
  {
    codes: DENIED,
    when: /sts:TagSession/i,
    map: ({ roleArn }) => ({
      decisionPoint: "sts-trust",
      class: "tag-session-denied",
      status: "fail",
      wouldReturn: 403,
      fix: `Allow sts:TagSession next to sts:AssumeRoleWithWebIdentity in the trust policy of ${roleArn}, or stop passing session tags.`,
      docUrl: TRUST_DOCS
    })
  },
  {
    codes: DENIED,
    map: ({ roleArn }) => ({
      decisionPoint: "sts-trust",
      class: "trust-denied",
      status: "fail",
      wouldReturn: 403,
      fix: `The trust policy of ${roleArn} does not allow this token: its Federated principal must be the OIDC provider's ARN in the role's account, and its conditions on :aud and :sub must match the token's claims (the trust finding shows which one does not).`,
      docUrl: TRUST_DOCS
    })
  },
  {
    codes: ["InvalidIdentityToken"],
    when: /No OpenIDConnect provider found/i,
    map: ({ roleArn }) => ({
      decisionPoint: "oidc-provider",
      class: "no-oidc-provider",
      status: "fail",
      wouldReturn: 401,
      fix: `Create an IAM OIDC identity provider for the token's issuer in account ${roleArn.split(":")[4]}, with the token's audience in its client ID list.`,
      docUrl: PROVIDER_DOCS
    })
  },
  {
    codes: ["InvalidIdentityToken"],
    when: /audience/i,
    map: () => ({
      decisionPoint: "oidc-provider",
      class: "wrong-audience",
      status: "fail",
      wouldReturn: 401,
      fix: "Add the token's audience to the OIDC provider's client ID list (aws iam add-client-id-to-open-id-connect-provider), or request the token with an audience the provider lists (input `audience`, default sts.amazonaws.com).",
      docUrl: PROVIDER_DOCS
    })
  },
  {
    // "Couldn't retrieve verification key from your identity provider": STS fetched the issuer's discovery document
    // or the keys it names and got nothing usable. Both must be reachable from AWS over the internet:
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html
    // https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html#API_AssumeRoleWithWebIdentity_Errors
    codes: ["InvalidIdentityToken"],
    when: /retrieve verification key/i,
    map: (input) => {
      const urls = keyUrls(input);
      return {
        decisionPoint: "identity-provider",
        class: "idp-keys-unreachable",
        status: "fail",
        wouldReturn: 401,
        ...urls.length > 0 ? { evidence: { mustReach: urls }, note: `AWS must reach ${urls.join(" and ")} to validate it.` } : {},
        fix: urls.length > 0 ? `Make ${urls.join(" and ")} answer AWS from the internet over HTTPS (no firewall, IP allow list, VPN or private DNS in front of them, a certificate from a public CA); STS fetches the OpenID configuration, then the keys its jwks_uri names, each time it validates a token.` : "Make the token issuer's <iss>/.well-known/openid-configuration and the jwks_uri it names answer AWS from the internet over HTTPS.",
        docUrl: PROVIDER_DOCS
      };
    }
  },
  {
    codes: ["InvalidIdentityToken"],
    map: () => ({
      decisionPoint: "token",
      class: "invalid-token",
      status: "fail",
      wouldReturn: 401,
      fix: "STS could not validate the token: check the issuer matches the OIDC provider's URL and that the provider's keys are reachable from AWS.",
      docUrl: PROVIDER_DOCS
    })
  },
  {
    codes: ["ExpiredTokenException"],
    map: () => ({
      decisionPoint: "token",
      class: "token-expired",
      status: "fail",
      wouldReturn: 401,
      fix: "Request the OIDC token right before assuming the role (configure-aws-credentials does); a token fetched earlier in the job may have expired."
    })
  },
  {
    codes: ["IDPRejectedClaim"],
    map: ({ roleArn }) => ({
      decisionPoint: "sts-trust",
      class: "claim-rejected",
      status: "fail",
      wouldReturn: 403,
      fix: `The identity provider rejected a claim of the token; compare the token's claims with the conditions in the trust policy of ${roleArn}.`,
      docUrl: TRUST_DOCS
    })
  },
  {
    codes: ["PackedPolicyTooLarge"],
    map: () => ({
      decisionPoint: "session-policy",
      class: "policy-too-large",
      status: "fail",
      fix: "Shorten the inline session policy or pass fewer managed session policies and session tags: STS packs them together and the packed size exceeded its limit.",
      docUrl: SESSION_POLICY_DOCS
    })
  },
  {
    codes: ["MalformedPolicyDocument"],
    map: () => ({
      decisionPoint: "session-policy",
      class: "malformed-session-policy",
      status: "fail",
      fix: "Fix the inline session policy: STS could not parse it (the message says where).",
      docUrl: SESSION_POLICY_DOCS
    })
  },
  {
    codes: ["RegionDisabledException"],
    map: () => ({
      decisionPoint: "config",
      class: "region-disabled",
      status: "fail",
      wouldReturn: 403,
      fix: "Activate STS in this region (IAM console, Account settings) or set aws-region to a region where it is active."
    })
  },
  {
    codes: ["ValidationError"],
    when: /durationSeconds|MaxSessionDuration/i,
    map: ({ durationSeconds }) => ({
      decisionPoint: "session",
      class: "duration-too-long",
      status: "fail",
      fix: `Lower role-duration-seconds (${durationSeconds}) to at most the role's MaxSessionDuration, or raise the role's MaxSessionDuration (up to 43200).`,
      docUrl: DURATION_DOCS
    })
  },
  {
    codes: ["ValidationError"],
    when: /roleSessionName/i,
    map: () => ({
      decisionPoint: "session",
      class: "invalid-session-name",
      status: "fail",
      fix: "Set role-session-name to 2 to 64 characters of letters, digits and +=,.@_-."
    })
  },
  {
    codes: ["ValidationError"],
    when: /polic/i,
    map: () => ({
      decisionPoint: "session-policy",
      class: "invalid-session-policy",
      status: "fail",
      fix: "Fix the session policy inputs as the message says.",
      docUrl: SESSION_POLICY_DOCS
    })
  }
];
function unverifiedIssuer(token) {
  try {
    const payload = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8"));
    const iss = payload?.iss;
    return typeof iss === "string" && /^https:\/\//i.test(iss) ? iss : void 0;
  } catch {
    return void 0;
  }
}
function keyUrls(input) {
  const issuer = input.issuer ?? unverifiedIssuer(input.webIdentityToken);
  return [
    ...issuer ? [`${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`] : [],
    ...input.jwksUri ? [input.jwksUri] : []
  ];
}
var STS_ERROR = {
  decisionPoint: "sts-trust",
  class: "sts-error",
  status: "unverified",
  fix: "Read the AWS message in the evidence; the request id identifies the call to AWS Support."
};
function mapAssumeError(error, input) {
  if (!["rejected", "access-denied"].includes(error.kind)) return couldNotVerify(error);
  const refusal = REFUSALS.find((r) => r.codes.includes(error.code) && (r.when?.test(error.message) ?? true));
  return refusal ? refusal.map(input) : STS_ERROR;
}
async function probeAssumeRole(input, deps) {
  const sts = await import("./aws-sdk-client-sts.js");
  const retry = retryOptionsOf(deps);
  const assumed = await assumeRole(sts, input, deps, retry);
  if (!assumed.ok) return failed(input, assumed.error, mapAssumeError(assumed.error, input));
  const out = assumed.value;
  const c = out.Credentials;
  for (const secret of [c?.AccessKeyId, c?.SecretAccessKey, c?.SessionToken]) if (secret) deps.mask(secret);
  const assumedRoleArn = out.AssumedRoleUser?.Arn;
  if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken || !assumedRoleArn) {
    const requestId = out.$metadata.requestId;
    return unverified(
      input,
      incompleteResponse("sts:AssumeRoleWithWebIdentity", "Credentials or AssumedRoleUser", requestId)
    );
  }
  const credentials = { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken };
  const identity = await callerIdentity(sts, credentials, deps, retry);
  if (!identity.ok) return unverified(input, identity.error);
  const session = confirmedSession(identity.value, assumedRoleArn, input.roleArn);
  if (!session.ok) return unverified(input, session.error);
  return accepted(input, out, identity.value, session.value);
}
async function assumeRole(sts, input, deps, retry) {
  const client = deps.client ?? await createStsClient(deps);
  const assumed = await callWithRetry(
    "sts:AssumeRoleWithWebIdentity",
    () => client.send(
      new sts.AssumeRoleWithWebIdentityCommand({
        RoleArn: input.roleArn,
        RoleSessionName: input.sessionName,
        WebIdentityToken: input.webIdentityToken,
        DurationSeconds: input.durationSeconds,
        ...input.policy !== void 0 ? { Policy: input.policy } : {},
        ...input.policyArns?.length ? { PolicyArns: input.policyArns.map((arn) => ({ arn })) } : {}
      })
    ),
    retry
  );
  if (deps.client === void 0) client.destroy?.();
  return assumed;
}
async function callerIdentity(sts, credentials, deps, retry) {
  const caller = await (deps.createCallerClient ?? ((creds) => createStsClient({ ...deps, credentials: creds })))(
    credentials
  );
  const identity = await callWithRetry(
    "sts:GetCallerIdentity",
    () => caller.send(new sts.GetCallerIdentityCommand({})),
    retry
  );
  caller.destroy?.();
  return identity;
}
function confirmedSession(identity, assumedRoleArn, roleArn) {
  const { Arn: arn, Account: account } = identity;
  if (!arn || !account) {
    return {
      ok: false,
      error: incompleteResponse("sts:GetCallerIdentity", "Arn or Account", identity.$metadata.requestId)
    };
  }
  if (arn !== assumedRoleArn || account !== roleArn.split(":")[4]) {
    const message = `GetCallerIdentity answered ${arn} (account ${account}), not the session STS reported (${assumedRoleArn})`;
    return {
      ok: false,
      error: {
        operation: "sts:GetCallerIdentity",
        code: "UnexpectedIdentity",
        kind: "unknown",
        retryable: false,
        message
      }
    };
  }
  return { ok: true, value: { arn, account } };
}
function inputEvidence(input) {
  return { roleArn: input.roleArn, sessionName: input.sessionName, durationSeconds: input.durationSeconds };
}
function probeFindings(input) {
  return findingMaker({ idPrefix: `aws-sts:${input.roleArn}`, subject: `role ${input.roleArn}` });
}
function failed(input, error, mapping) {
  const { note, evidence: more, ...draft } = mapping;
  const message = mapping.status === "fail" ? `STS refused to let this token assume ${input.roleArn}: ${error.message} (${error.code}).${note ? ` ${note}` : ""}` : `Could not verify that STS accepts this token for ${input.roleArn}: ${describeSourceError(error)}. Nothing is assumed in its place (fail closed).`;
  const evidence = { ...inputEvidence(input), ...awsErrorEvidence(error), ...more };
  return { ok: false, findings: [probeFindings(input)({ ...draft, message, evidence })] };
}
function unverified(input, error) {
  return failed(input, error, couldNotVerify(error));
}
function accepted(input, out, identity, { arn, account }) {
  const requestId = out.$metadata.requestId;
  const expiresAt = out.Credentials?.Expiration?.toISOString();
  return {
    ok: true,
    assumedRoleArn: arn,
    account,
    ...expiresAt ? { expiresAt } : {},
    findings: [
      probeFindings(input)({
        class: "ok",
        decisionPoint: "sts-trust",
        message: `STS accepted the token and assumed ${input.roleArn} as ${arn}; GetCallerIdentity confirms the session.`,
        evidence: {
          ...inputEvidence(input),
          assumedRoleArn: arn,
          account,
          ...requestId ? { requestId } : {},
          ...identity.$metadata.requestId ? { callerIdentityRequestId: identity.$metadata.requestId } : {},
          ...expiresAt ? { expiresAt } : {},
          ...out.PackedPolicySize !== void 0 ? { packedPolicySizePercent: out.PackedPolicySize } : {}
        }
      })
    ]
  };
}
export {
  createStsClient,
  probeAssumeRole
};
