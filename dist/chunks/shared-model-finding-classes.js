import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);

// src/model/finding-classes.ts
var IAM = "https://docs.aws.amazon.com/IAM/latest/UserGuide";
var STS = "https://docs.aws.amazon.com/STS/latest/APIReference";
var GH_OIDC = "https://docs.github.com/en/actions/reference/security/oidc";
var WEB_IDENTITY = `${STS}/API_AssumeRoleWithWebIdentity.html`;
var EVALUATION = `${IAM}/reference_policies_evaluation-logic.html`;
var SESSION_DURATION = `${IAM}/id_roles_update-role-settings.html#id_roles_update-session-duration`;
var SESSION_POLICIES = `${IAM}/access_policies.html#policies_session`;
var POLICY_FOLDER = "docs/policy-folder.md";
var AUTH_DETAILS = `${IAM.replace("UserGuide", "APIReference")}/API_GetAccountAuthorizationDetails.html`;
var GH_TOKEN_PERMISSIONS = "https://docs.github.com/en/actions/security-for-github-actions/security-guides/automatic-token-authentication#permissions-for-the-github_token";
var GH_PERMISSIONS_SYNTAX = "https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#permissions";
var GH_AUTH = "https://docs.github.com/en/authentication";
var CHANGED_TRUST = "changed-trust-or-network-rule";
var CHANGED_ENTITLEMENT = "changed-entitlement";
var EXPIRED = "expired-or-rotated-credential";
var FINDING_CLASSES = {
  ok: {
    points: [
      "token",
      "identity-provider",
      "oidc-provider",
      "sts-trust",
      "session",
      "session-policy",
      "identity-policy",
      "permissions-boundary",
      "scp",
      "rcp",
      "resource-policy",
      "config",
      "github-token"
    ],
    meaning: "Verified: this layer would accept the request.",
    docUrl: EVALUATION
  },
  "calls-not-inferred": {
    points: ["config"],
    meaning: "A deploy job's step calls AWS in a way the preflight cannot read (a script file, `terraform apply`, `cdk deploy`, an unknown action): its calls need permission lines (fail closed).",
    docUrl: "https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html"
  },
  "could-not-verify": {
    points: [
      "runner",
      "config",
      "sts-trust",
      "oidc-provider",
      "session",
      "session-policy",
      "identity-policy",
      "permissions-boundary",
      "scp",
      "rcp",
      "resource-policy"
    ],
    meaning: "Something the check needs could not be read or computed, so nothing past it is verified (fail closed).",
    docUrl: EVALUATION
  },
  "fork-pull-request": {
    points: ["runner"],
    meaning: "The run is a pull request from a fork, which GitHub does not give an OIDC token: no permission in the workflow changes that.",
    // No cause of the three, as for fork-pull-request-deploy: such a run never had the token.
    docUrl: `${GH_OIDC}#workflow-permissions-for-the-requesting-the-oidc-token`,
    seenAs: [{ error: "`Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable` (on a fork's pull request)" }]
  },
  "fork-pull-request-deploy": {
    points: ["runner"],
    meaning: "A deploy job runs on pull requests that may come from a fork, which GitHub gives no OIDC token: those runs cannot assume the role, whatever its trust and permissions (the workflow does not keep them from the deploy).",
    // No cause of the three: no credential expired and no permission or trust changed; GitHub never gives a fork's
    // pull request run the token (https://docs.github.com/en/actions/reference/security/oidc), so it never worked.
    docUrl: `${GH_OIDC}#workflow-permissions-for-the-requesting-the-oidc-token`,
    seenAs: [{ error: "`Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable` (on a fork's pull request)" }]
  },
  "missing-id-token-permission": {
    points: ["runner"],
    meaning: "The job cannot request GitHub's OIDC token: it lacks `id-token: write`.",
    cause: CHANGED_ENTITLEMENT,
    docUrl: `${GH_OIDC}#adding-permissions-settings`,
    seenAs: [
      { error: "`Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable`" },
      { error: "`Could not load credentials from any providers` (configure-aws-credentials)" }
    ]
  },
  "missing-token": {
    points: ["runner"],
    meaning: "The token the job uses is not there: the secret or the file is missing, empty or unreadable.",
    docUrl: "https://docs.github.com/en/actions/how-tos/write-workflows/choose-what-workflows-do/use-secrets"
  },
  unverifiable: {
    points: ["identity-provider"],
    meaning: "The token's signature or activity could not be checked: the issuer's keys or endpoint did not answer.",
    cause: CHANGED_TRUST,
    docUrl: "https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderMetadata"
  },
  "issuer-not-pinned": {
    points: ["identity-provider"],
    meaning: "A token's entry sets neither `issuer` nor `jwks-url`, so its own `iss` would choose the keys that verify it; it is not verified (fail closed).",
    docUrl: "https://www.rfc-editor.org/rfc/rfc8725#section-3.8"
  },
  "idp-keys-unreachable": {
    points: ["identity-provider"],
    meaning: "STS could not fetch the issuer's OpenID configuration or its signing keys (`jwks_uri`): both must answer AWS from the internet.",
    cause: CHANGED_TRUST,
    docUrl: `${IAM}/id_roles_providers_create_oidc.html`,
    seenAs: [
      {
        error: "`InvalidIdentityToken: Couldn't retrieve verification key from your identity provider, please reference AssumeRoleWithWebIdentity documentation for requirements`"
      }
    ]
  },
  "federated-credential-mismatch": {
    points: ["identity-provider", "token"],
    meaning: "A cloud's identity provider refused to exchange the job's OIDC token: no federated credential of the app or identity matches its issuer, subject and audience, or the client ID is not the tenant's (explain, from a job's log).",
    cause: CHANGED_TRUST,
    docUrl: "https://learn.microsoft.com/en-us/entra/workload-id/workload-identity-federation-considerations",
    seenAs: [
      {
        error: "`AADSTS700213: No matching federated identity record found for presented assertion subject \u2026` (Azure)"
      },
      { error: "`AADSTS700016: Application with identifier \u2026 was not found in the directory` (Azure)" }
    ]
  },
  "gcp-permission-denied": {
    points: ["identity-provider", "identity-policy"],
    meaning: "Google Cloud answered 403 PERMISSION_DENIED: the principal lacks the permission (for Workload Identity Federation, `iam.serviceAccounts.getAccessToken` on the service account, granted by `roles/iam.workloadIdentityUser`) (explain, from a job's log).",
    cause: CHANGED_ENTITLEMENT,
    docUrl: "https://cloud.google.com/iam/docs/troubleshooting-workload-identity-federation",
    seenAs: [
      {
        error: "`Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist).` (google-github-actions/auth)"
      }
    ]
  },
  "unverifiable-allowed": {
    points: ["identity-provider", "token"],
    meaning: "The token could not be verified, and its entry allows that explicitly (`allow-unverifiable`).",
    docUrl: "https://www.rfc-editor.org/rfc/rfc8725#section-3.1"
  },
  "bad-signature": {
    points: ["identity-provider", "token"],
    meaning: "The token's signature does not verify against the issuer's keys.",
    cause: EXPIRED,
    docUrl: "https://www.rfc-editor.org/rfc/rfc7515#section-5.2"
  },
  "claim-case-mismatch": {
    points: ["token"],
    meaning: "A claim differs from the expected pattern only in letter case, which string conditions compare exactly.",
    cause: CHANGED_TRUST,
    docUrl: `${IAM}/reference_policies_elements_condition_operators.html#Conditions_String`
  },
  "claim-mismatch": {
    points: ["token"],
    meaning: "A claim does not match the expected pattern (`expected-claims`, a token entry's `claims`).",
    cause: CHANGED_TRUST,
    docUrl: `${GH_OIDC}#understanding-the-oidc-token`
  },
  expired: {
    points: ["token"],
    meaning: "The token has expired (`exp` is past, clock skew allowed).",
    cause: EXPIRED,
    docUrl: "https://www.rfc-editor.org/rfc/rfc7519#section-4.1.4",
    seenAs: [{ error: 'HTTP 401 from an API, with an expired bearer token (`invalid_token`, "token expired")' }]
  },
  "expires-too-soon": {
    points: ["token"],
    meaning: "The token expires before the minimum lifetime the job needs (`min-lifetime`).",
    cause: EXPIRED,
    docUrl: "https://www.rfc-editor.org/rfc/rfc7519#section-4.1.4"
  },
  "no-expiry": {
    points: ["token"],
    meaning: "The token has no `exp`, so it never stops being accepted; its entry may allow that (`allow-no-expiry`).",
    cause: EXPIRED,
    docUrl: "https://www.rfc-editor.org/rfc/rfc7519#section-4.1.4"
  },
  inactive: {
    points: ["token", "identity-provider"],
    meaning: "The introspection endpoint says the token is not active (revoked, expired or unknown).",
    cause: EXPIRED,
    docUrl: "https://www.rfc-editor.org/rfc/rfc7662#section-2.2"
  },
  malformed: {
    points: ["token"],
    meaning: "The token is not a well-formed JWT, or a claim has the wrong type.",
    docUrl: "https://www.rfc-editor.org/rfc/rfc7519#section-7.2"
  },
  "missing-scope": {
    points: ["token"],
    meaning: "The token lacks a scope the job needs.",
    cause: CHANGED_ENTITLEMENT,
    docUrl: "https://www.rfc-editor.org/rfc/rfc6750#section-3.1",
    seenAs: [{ error: "HTTP 403 from an API, with a token that lacks a scope (`insufficient_scope`)" }]
  },
  "not-yet-valid": {
    points: ["token"],
    meaning: "The token is not valid yet (`nbf` or `iat` is in the future, clock skew allowed).",
    cause: EXPIRED,
    docUrl: "https://www.rfc-editor.org/rfc/rfc7519#section-4.1.5"
  },
  "prediction-mismatch": {
    points: ["token"],
    meaning: "The run's own token differs from the token the workflow model predicts for this run: the prediction is wrong for this repository.",
    docUrl: `${GH_OIDC}#example-subject-claims`
  },
  "prediction-unknown": {
    points: ["token", "sts-trust", "config"],
    meaning: "A claim of the token a deploy job would get is not known before the run (the docs do not say, or the workflow does not), so the trust cannot be checked for it.",
    docUrl: `${GH_OIDC}#example-subject-claims`
  },
  oversized: {
    points: ["token"],
    meaning: "The token is larger than the preflight reads.",
    cause: EXPIRED,
    docUrl: "https://www.rfc-editor.org/rfc/rfc8725#section-3.1"
  },
  "auth-error-unrecognised": {
    points: ["token"],
    meaning: "The log shows an authentication or authorization error (`PERMISSION_DENIED`, `UNAUTHENTICATED`, an `AADSTS` code, an OAuth `invalid_grant`) that explain has no rule for: reported, never passed over (fail closed) (explain, from a job's log).",
    docUrl: "https://www.rfc-editor.org/rfc/rfc6749#section-5.2"
  },
  "credential-rejected": {
    points: ["token", "github-token"],
    meaning: "A server answered 401 (or AWS said the key or token is invalid): the credential was missing, expired, rotated or wrong (explain, from a job's log).",
    cause: EXPIRED,
    docUrl: "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2",
    seenAs: [
      {
        error: "`401 Unauthorized`, `npm ERR! code E401`, `unauthorized: authentication required`, `no basic auth credentials` (docker)"
      },
      { error: "`The security token included in the request is invalid` (AWS)" }
    ]
  },
  forbidden: {
    points: ["token", "github-token"],
    meaning: "A server answered 403: it accepted the credential but refuses it this request (explain, from a job's log).",
    cause: CHANGED_ENTITLEMENT,
    docUrl: "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4",
    seenAs: [
      { error: "`403 Forbidden`, `npm ERR! 403`, `denied: requested access to the resource is denied` (docker)" },
      { error: "`The requested URL returned error: 403` (git, curl)", at: "github-token" }
    ]
  },
  "token-expired": {
    points: ["token", "sts-trust"],
    meaning: "STS refused the web identity token as expired (the live probe).",
    cause: EXPIRED,
    docUrl: WEB_IDENTITY,
    seenAs: [{ error: "`ExpiredTokenException: Token expired` (STS, for the web identity token)" }]
  },
  "invalid-token": {
    points: ["token", "oidc-provider"],
    meaning: "STS refused the web identity token as invalid (the live probe).",
    cause: EXPIRED,
    docUrl: WEB_IDENTITY
  },
  "unknown-key": {
    points: ["identity-provider", "token"],
    meaning: "The token names a signing key (`kid`) that the issuer's key set does not hold.",
    cause: EXPIRED,
    docUrl: "https://www.rfc-editor.org/rfc/rfc7517#section-5"
  },
  "wrong-audience": {
    points: ["token", "oidc-provider"],
    meaning: "The token's `aud` is not the audience the role's provider and trust expect.",
    cause: CHANGED_TRUST,
    docUrl: "https://www.rfc-editor.org/rfc/rfc7519#section-4.1.3",
    seenAs: [{ error: "`InvalidIdentityToken: Incorrect token audience`" }]
  },
  "wrong-issuer": {
    points: ["token", "identity-provider"],
    meaning: "The token's `iss` is not the expected issuer.",
    cause: CHANGED_TRUST,
    docUrl: "https://www.rfc-editor.org/rfc/rfc7519#section-4.1.1"
  },
  "audience-not-registered": {
    points: ["oidc-provider"],
    meaning: "The account's OIDC provider does not list the token's audience among its client IDs.",
    cause: CHANGED_TRUST,
    docUrl: `${IAM}/id_roles_providers_create_oidc.html`,
    seenAs: [{ error: "`InvalidIdentityToken: Incorrect token audience`" }]
  },
  "no-oidc-provider": {
    points: ["oidc-provider", "sts-trust"],
    meaning: "The role's account has no IAM OIDC provider for the token's issuer.",
    cause: CHANGED_TRUST,
    docUrl: `${IAM}/id_roles_providers_create_oidc.html`,
    seenAs: [
      {
        error: "`InvalidIdentityToken: No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com`"
      }
    ]
  },
  "oidc-provider-account-unknown": {
    points: ["oidc-provider", "config"],
    meaning: "An OIDC provider output names no account, so it cannot be matched to the role (fail closed).",
    docUrl: `${IAM.replace("UserGuide", "APIReference")}/API_GetOpenIDConnectProvider.html`
  },
  "oidc-provider-unknown": {
    points: ["oidc-provider", "sts-trust"],
    meaning: "The role account's OIDC provider for the token's issuer was not read (or not its client IDs), so whether STS accepts the token is not verified, even where the trust admits it.",
    docUrl: `${IAM}/id_roles_providers_create_oidc.html`
  },
  "chained-trust-denied": {
    points: ["sts-trust", "identity-policy", "permissions-boundary", "session-policy", "scp", "rcp", "resource-policy"],
    meaning: "The source role's session may not assume the chained role (sts:AssumeRole or sts:TagSession).",
    cause: CHANGED_TRUST,
    docUrl: `${IAM}/id_roles_terms-and-concepts.html#iam-term-role-chaining`,
    seenAs: [
      { error: "`AccessDenied: User: arn:aws:sts::\u2026:assumed-role/\u2026 is not authorized to perform: sts:AssumeRole`" }
    ]
  },
  "claim-rejected": {
    points: ["sts-trust", "token", "session-policy"],
    meaning: "STS refused a claim of the token or a parameter of the request (the live probe).",
    cause: CHANGED_TRUST,
    docUrl: WEB_IDENTITY
  },
  "conflicting-definitions": {
    points: ["config", "sts-trust"],
    meaning: "Two files define the same role, policy or setting differently; which is current is unknown.",
    docUrl: POLICY_FOLDER
  },
  "invalid-trust-policy": {
    points: ["sts-trust"],
    meaning: "The role's trust policy does not parse as an IAM policy.",
    cause: CHANGED_TRUST,
    docUrl: `${IAM}/reference_policies_grammar.html`
  },
  "no-trust-statement": {
    points: ["sts-trust"],
    meaning: "No statement of the trust policy allows sts:AssumeRoleWithWebIdentity for the token's provider.",
    cause: CHANGED_TRUST,
    docUrl: `${IAM}/id_roles_create_for-idp_oidc.html`,
    seenAs: [{ error: "`AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity`" }]
  },
  "predicted-trust-denied": {
    points: ["sts-trust"],
    meaning: "The token GitHub would issue a deploy job for one of its triggers is refused by the role's trust policy (predicted from the workflow).",
    cause: CHANGED_TRUST,
    docUrl: `${GH_OIDC}#example-subject-claims`,
    seenAs: [{ error: "`AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity`" }]
  },
  "sts-error": {
    points: ["sts-trust", "session-policy"],
    meaning: "STS answered the live probe with an error the preflight does not map to a layer.",
    cause: CHANGED_TRUST,
    docUrl: WEB_IDENTITY
  },
  "tag-session-denied": {
    points: ["sts-trust"],
    meaning: "The request passes session tags, but the trust policy does not allow sts:TagSession.",
    cause: CHANGED_TRUST,
    docUrl: `${IAM}/id_session-tags.html`
  },
  "trust-case-mismatch": {
    points: ["sts-trust"],
    meaning: "A trust condition differs from the token's claim only in letter case.",
    cause: CHANGED_TRUST,
    docUrl: `${IAM}/reference_policies_elements_condition_operators.html#Conditions_String`
  },
  "trust-denied": {
    points: ["sts-trust", "oidc-provider"],
    meaning: "The role's trust policy does not admit this token: a condition on its claims fails.",
    cause: CHANGED_TRUST,
    docUrl: `${IAM}/id_roles_create_for-idp_oidc.html`,
    seenAs: [{ error: "`AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity`" }]
  },
  "trust-unverifiable": {
    points: ["sts-trust"],
    meaning: "The trust policy depends on a key only STS knows at call time, so it cannot be decided offline.",
    docUrl: `${IAM}/reference_policies_iam-condition-keys.html#condition-keys-wif`
  },
  "unpopulated-condition-key": {
    points: ["sts-trust"],
    meaning: "A trust condition reads a key that AWS never sets for this request, so it never holds.",
    cause: CHANGED_TRUST,
    docUrl: `${IAM}/reference_policies_iam-condition-keys.html#condition-keys-wif`
  },
  "chained-duration-too-long": {
    points: ["session"],
    meaning: "A chained session asks for more than one hour, which STS refuses for role chaining.",
    cause: CHANGED_ENTITLEMENT,
    docUrl: `${IAM}/id_roles_terms-and-concepts.html#iam-term-role-chaining`
  },
  "duration-too-long": {
    points: ["session", "config"],
    meaning: "The session asks for more than the role's MaxSessionDuration.",
    cause: CHANGED_ENTITLEMENT,
    docUrl: SESSION_DURATION,
    seenAs: [
      { error: "`ValidationError: The requested DurationSeconds exceeds the MaxSessionDuration set for this role.`" }
    ]
  },
  "region-invalid": {
    points: ["session"],
    meaning: "The `aws-region` is no region of the role's partition (a typo, or another partition's region): the STS call fails before any permission is used.",
    cause: CHANGED_ENTITLEMENT,
    docUrl: "https://docs.aws.amazon.com/general/latest/gr/rande.html"
  },
  "region-unverified": {
    points: ["session"],
    meaning: "The `aws-region` has the form of a region of the role's partition, but AWS's region data does not list it (a newer region, or a typo).",
    docUrl: "https://docs.aws.amazon.com/general/latest/gr/rande.html"
  },
  "duration-too-short": {
    points: ["session"],
    meaning: "The session asks for less than the 900 seconds STS allows.",
    cause: CHANGED_ENTITLEMENT,
    docUrl: WEB_IDENTITY
  },
  "invalid-session-name": {
    points: ["session", "session-policy"],
    meaning: "The role session name is not one STS accepts (2\u201364 characters of `[\\w+=,.@-]`).",
    cause: CHANGED_ENTITLEMENT,
    docUrl: WEB_IDENTITY
  },
  "max-session-duration-unknown": {
    points: ["session", "sts-trust"],
    meaning: "No file gave the role's MaxSessionDuration, so the requested duration is not verified.",
    docUrl: SESSION_DURATION
  },
  "region-disabled": {
    points: ["session", "config", "session-policy"],
    meaning: "STS is not enabled in the region the request goes to (the live probe).",
    cause: CHANGED_TRUST,
    docUrl: `${IAM}/id_credentials_temp_enable-regions.html`
  },
  "session-name-unknown": {
    points: ["session"],
    meaning: "The role session name is not known before the run (it is built from values such as `github.run_id`), and not every name it may be is one STS accepts: unverified until the run.",
    docUrl: WEB_IDENTITY
  },
  "session-tags-invalid": {
    points: ["session"],
    meaning: "The session tags of a chained role break an AWS limit: over 50 tags, a key or value too long, or a transitive key that is not a tag.",
    cause: CHANGED_ENTITLEMENT,
    docUrl: `${STS}/API_AssumeRole.html`
  },
  "session-too-short": {
    points: ["session"],
    meaning: "The session ends before the deploy does (`expected-duration` over `role-duration-seconds`).",
    cause: EXPIRED,
    docUrl: SESSION_DURATION,
    seenAs: [{ error: "`ExpiredToken: The security token included in the request is expired` (mid-deploy)" }]
  },
  "invalid-session-policy": {
    points: ["session-policy", "session", "sts-trust"],
    meaning: "A session policy (inline or managed ARN) is not one STS accepts.",
    cause: CHANGED_ENTITLEMENT,
    docUrl: SESSION_POLICIES
  },
  "malformed-session-policy": {
    points: ["session-policy", "config"],
    meaning: "STS refused the inline session policy as malformed (the live probe).",
    cause: CHANGED_ENTITLEMENT,
    docUrl: SESSION_POLICIES
  },
  "policy-too-large": {
    points: ["session-policy", "sts-trust", "identity-policy", "permissions-boundary", "scp", "rcp", "resource-policy"],
    meaning: "A policy, or the packed session policies and tags, is larger than AWS accepts or stores.",
    cause: CHANGED_ENTITLEMENT,
    docUrl: `${IAM}/reference_iam-quotas.html`
  },
  "session-policy-too-large": {
    points: ["session-policy"],
    meaning: "The inline session policy is over the 2,048 characters STS accepts.",
    cause: CHANGED_ENTITLEMENT,
    docUrl: SESSION_POLICIES
  },
  "session-policy-unknown": {
    points: ["session-policy", "identity-policy"],
    meaning: "A managed session policy is in no policy file, so the session's permissions are not verified.",
    docUrl: SESSION_POLICIES
  },
  "session-policy-unreadable": {
    points: ["session-policy"],
    meaning: "The inline session policy does not parse as an IAM policy.",
    cause: CHANGED_ENTITLEMENT,
    docUrl: SESSION_POLICIES
  },
  "duplicate-key": {
    points: ["sts-trust", "identity-policy", "permissions-boundary", "scp", "rcp", "resource-policy"],
    meaning: "A policy document gives a key twice in one object (two `Condition` operators, two `Effect`s): the last is kept, so what the first said is lost.",
    cause: CHANGED_ENTITLEMENT,
    docUrl: `${IAM}/reference_policies_grammar.html`
  },
  "explicit-deny": {
    points: ["identity-policy", "permissions-boundary", "session-policy", "scp", "rcp", "resource-policy"],
    meaning: "A Deny statement in this layer matches the call: AWS refuses it whatever allows it.",
    cause: CHANGED_ENTITLEMENT,
    docUrl: `${IAM}/reference_policies_evaluation-logic_policy-eval-denyallow.html`,
    seenAs: [
      {
        error: "`\u2026 is not authorized to perform: cloudfront:CreateInvalidation \u2026 with an explicit deny in a service control policy`",
        at: "scp"
      },
      { error: "`\u2026 with an explicit deny in a permissions boundary`", at: "permissions-boundary" }
    ]
  },
  "implicit-deny": {
    points: ["identity-policy", "permissions-boundary", "session-policy", "scp", "rcp", "resource-policy"],
    meaning: "No statement in this layer allows the call, and the layer must allow it.",
    cause: CHANGED_ENTITLEMENT,
    docUrl: `${IAM}/reference_policies_evaluation-logic_policy-eval-denyallow.html`,
    seenAs: [
      {
        error: "`AccessDenied: User: arn:aws:sts::\u2026:assumed-role/\u2026 is not authorized to perform: s3:PutObject on resource: \u2026 because no identity-based policy allows the s3:PutObject action`"
      },
      { error: "`\u2026 because no permissions boundary allows \u2026`", at: "permissions-boundary" }
    ]
  },
  "access-denied": {
    points: ["unknown-layer"],
    meaning: "AWS refused a call, and its message does not name the layer that refused it (explain, from a job's log).",
    cause: CHANGED_ENTITLEMENT,
    docUrl: `${IAM}/troubleshoot_access-denied.html`,
    seenAs: [
      { error: "`An error occurred (AccessDenied) when calling the PutObject operation: Access Denied`" },
      { error: "`UnauthorizedOperation: You are not authorized to perform this operation.` (EC2)" },
      { error: "`api error AccessDenied: Access Denied` (Terraform, `StatusCode: 403`)" }
    ]
  },
  "context-key-unknown": {
    points: ["identity-policy", "permissions-boundary", "session-policy", "scp", "rcp", "resource-policy"],
    meaning: "The call is allowed only while a key the preflight cannot know (such as `aws:SourceIp`) keeps out of a condition.",
    cause: CHANGED_TRUST,
    docUrl: `${IAM}/reference_policies_condition-keys.html`,
    seenAs: [
      {
        error: "`\u2026 is not authorized to perform: s3:PutObject \u2026 with an explicit deny in an identity-based policy` from a runner whose address a Deny on `aws:SourceIp` names"
      }
    ]
  },
  "unsettled-reading": {
    points: ["identity-policy", "permissions-boundary", "session-policy", "scp", "rcp", "resource-policy"],
    meaning: "AWS's documentation leaves a policy two readings (where its observed behaviour differs: `ForAnyValue:\u2026IfExists` on an absent key, a NotResource Deny whose policy variable has no value; where it says nothing: an ARN condition value with fewer than six fields), and the call's decision turns on which, so it is unverified: the preflight takes the reading that denies.",
    docUrl: `${IAM}/reference_policies_elements_condition_operators.html#Conditions_IfExists`
  },
  "cross-check-disagreement": {
    points: ["identity-policy", "permissions-boundary", "scp", "resource-policy"],
    meaning: "IAM's SimulatePrincipalPolicy and the preflight's engine disagree about a call (fail closed).",
    docUrl: `${IAM.replace("UserGuide", "APIReference")}/API_SimulatePrincipalPolicy.html`
  },
  "incomplete-policies": {
    points: ["identity-policy", "config"],
    meaning: "Some of the role's policies were not read, so its permissions are not verified.",
    docUrl: AUTH_DETAILS
  },
  "invalid-action": {
    points: ["config"],
    meaning: "A permission line names an action that is not `service:Action`.",
    docUrl: `${IAM}/reference_policies_elements_action.html`
  },
  "invalid-policy": {
    points: ["identity-policy", "permissions-boundary", "session-policy", "scp", "rcp", "resource-policy"],
    meaning: "A policy of this layer does not parse as an IAM policy, so the layer is not verified.",
    cause: CHANGED_ENTITLEMENT,
    docUrl: `${IAM}/reference_policies_grammar.html`
  },
  "managed-policy-missing": {
    points: ["identity-policy", "permissions-boundary"],
    meaning: "A managed policy attached to the role is in no file, so the role's permissions are not verified.",
    docUrl: AUTH_DETAILS
  },
  "org-policy-missing": {
    points: ["config", "scp", "rcp"],
    meaning: "The organization's listings (`list-policies-for-target`, `list-parents`) name an SCP, RCP or level that no file gives, so that layer is not read (fail closed).",
    docUrl: POLICY_FOLDER
  },
  "layer-not-read": {
    points: ["scp", "rcp", "resource-policy"],
    meaning: "The identity side allows the call, but a policy layer that could still deny it (SCPs, RCPs, the resource policy) was not read and not declared absent (`organizations: none`, `no-resource-policy`).",
    docUrl: EVALUATION
  },
  "cross-account-pass-role": {
    points: ["identity-policy"],
    meaning: "`iam:PassRole` names a role of another account than the session's: a role can be passed only to a service of its own account, whatever the policies allow.",
    cause: CHANGED_ENTITLEMENT,
    docUrl: `${IAM}/id_roles_use_passrole.html`
  },
  "resource-owner-unknown": {
    points: ["resource-policy"],
    meaning: "The account that owns the S3 bucket is not known (its ARN names none, and its policy file gives no `AccountId`), and the call is allowed only if it is the role's own: from another account the bucket policy must allow it too, and it does not.",
    docUrl: `${IAM}/access_policies-cross-account-resource-access.html`
  },
  "resource-policy-unknown": {
    points: ["resource-policy"],
    meaning: "The resource's policy was not read, and AWS consults it for this call.",
    docUrl: `${IAM}/access_policies_identity-vs-resource.html`
  },
  "resource-unknown": {
    // The layer that does not allow every resource the pattern stands for (src/checks/permissions/unknowns.ts).
    points: ["identity-policy", "permissions-boundary", "session-policy", "scp", "rcp", "resource-policy"],
    meaning: "An inferred call's resource has parts the preflight could not know (a bucket from `$BUCKET`, an ID from a secret), and the policies neither allow nor deny every resource it could be: declare the line with the real resource, do not grant `*`.",
    docUrl: `${IAM}/best-practices.html#grant-least-privilege`
  },
  "resource-type-mismatch": {
    points: ["config"],
    meaning: "A permission line's resource is not an ARN of a type the action accepts.",
    docUrl: "https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html"
  },
  "role-policies-unknown": {
    points: ["identity-policy"],
    meaning: "The role's inline and attached policies are in no file, so its permissions are not verified.",
    docUrl: AUTH_DETAILS
  },
  "unknown-action": {
    points: ["config"],
    meaning: "A permission line names an action that is not in AWS's service authorization reference.",
    docUrl: "https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html"
  },
  "baseline-unavailable": {
    points: ["config", "runner"],
    meaning: "The last passing run's record (the baseline) could not be read or written, so this run's failures are not compared with it.",
    docUrl: "docs/baseline.md"
  },
  "environment-mismatch": {
    points: ["config"],
    meaning: "The environment the job runs in (from GitHub's token) differs from the one the run was told.",
    docUrl: "https://docs.github.com/en/actions/reference/workflows-and-actions/deployments-and-environments"
  },
  "invalid-policy-file": {
    points: ["config"],
    meaning: "A policy file is not valid JSON or not a policy or AWS CLI output this tool reads.",
    docUrl: POLICY_FOLDER
  },
  "invalid-role-arn": {
    points: ["config"],
    meaning: "The role to assume is not a role ARN.",
    docUrl: `${IAM}/reference_identifiers.html#identifiers-arns`
  },
  "malformed-response": {
    points: [
      "config",
      "sts-trust",
      "oidc-provider",
      "identity-policy",
      "permissions-boundary",
      "scp",
      "rcp",
      "resource-policy"
    ],
    meaning: "An AWS endpoint answered with something that is not the API's response (fail closed).",
    docUrl: `${IAM.replace("UserGuide", "APIReference")}/CommonErrors.html`
  },
  "no-inspecting-credentials": {
    points: [
      "config",
      "sts-trust",
      "oidc-provider",
      "identity-policy",
      "permissions-boundary",
      "scp",
      "rcp",
      "resource-policy"
    ],
    meaning: "Live reads were asked for, but the job has no AWS credentials to read IAM with.",
    docUrl: `${IAM}/access_policies_testing-policies.html`
  },
  "not-found": {
    points: [
      "config",
      "sts-trust",
      "oidc-provider",
      "identity-policy",
      "permissions-boundary",
      "scp",
      "rcp",
      "resource-policy"
    ],
    meaning: "AWS says the role, policy or resource to read does not exist.",
    cause: CHANGED_ENTITLEMENT,
    docUrl: `${IAM.replace("UserGuide", "APIReference")}/API_GetRole.html`
  },
  "stale-export": {
    points: [
      "config",
      "sts-trust",
      "oidc-provider",
      "session",
      "identity-policy",
      "permissions-boundary",
      "scp",
      "rcp",
      "resource-policy"
    ],
    meaning: "With policy files and live reads, AWS answered differently from the files (a policy, statement, provider, setting, SCP, RCP or resource policy); the live answer is what was checked, and the files are stale.",
    docUrl: AUTH_DETAILS
  },
  "policy-folder-layout": {
    points: ["config"],
    meaning: "A file in the policy folder is not where the folder layout says its kind of policy goes.",
    docUrl: POLICY_FOLDER
  },
  "read-denied": {
    points: [
      "config",
      "sts-trust",
      "oidc-provider",
      "identity-policy",
      "permissions-boundary",
      "session-policy",
      "scp",
      "rcp",
      "resource-policy"
    ],
    meaning: "The credentials used for live reads may not read what the check needs.",
    docUrl: `${IAM}/access_policies_testing-policies.html`
  },
  "unreadable-policy": {
    points: ["config", "sts-trust", "oidc-provider", "identity-policy", "permissions-boundary"],
    meaning: "IAM returned a policy document that is not a readable policy.",
    docUrl: `${IAM}/reference_policies_grammar.html`
  },
  "unrecognised-file": {
    points: ["config"],
    meaning: "A file among the policy files is not an AWS CLI output or policy this tool reads.",
    docUrl: POLICY_FOLDER
  },
  "wrong-account": {
    points: ["config", "sts-trust", "oidc-provider", "identity-policy", "permissions-boundary"],
    meaning: "The credentials used for live reads belong to another account than the role's.",
    docUrl: `${IAM}/access_policies_testing-policies.html`
  },
  "github-token-caller-grant-exceeded": {
    points: ["github-token"],
    meaning: "A reusable workflow's job asks its `GITHUB_TOKEN` for more than the calling job grants: GitHub refuses to start the run.",
    cause: CHANGED_ENTITLEMENT,
    docUrl: "https://docs.github.com/en/actions/reference/reusable-workflows-reference",
    seenAs: [{ error: "`The nested job 'deploy' is requesting 'pages: write', but is only allowed 'pages: none'.`" }]
  },
  "github-token-invalid-scope": {
    points: ["github-token"],
    meaning: "A `permissions:` block names a scope or level GitHub does not define (`contents: admin`, `id-token: read`): GitHub refuses the workflow.",
    cause: CHANGED_ENTITLEMENT,
    docUrl: GH_PERMISSIONS_SYNTAX,
    seenAs: [{ error: "`The workflow is not valid. ... Unexpected value 'pull-request'`" }]
  },
  "github-token-needs-unknown": {
    points: ["github-token"],
    meaning: "A step uses a GitHub token for something the preflight's tables do not know (an unknown action, a script): what it needs could not be verified (fail closed).",
    docUrl: GH_TOKEN_PERMISSIONS
  },
  "github-token-visibility-unknown": {
    points: ["github-token"],
    meaning: "A step needs a scope only on a private or internal repository (`actions/checkout`'s `contents: read`, the SARIF upload's `actions: read`), the job's token lacks it, and the repository's visibility is not known: a public repository is fetched without `contents: read` (a private or internal one answers `Repository not found`). Unverified (fail closed).",
    docUrl: "https://github.com/actions/checkout#recommended-permissions",
    seenAs: [{ error: "`remote: Repository not found.` then `fatal: repository '\u2026' not found`" }]
  },
  "github-token-permission-unknown": {
    points: ["github-token"],
    meaning: "A job states no `permissions:` and the repository's default (permissive or restricted) is not configured: a scope the defaults differ on is unknown (fail closed).",
    docUrl: GH_TOKEN_PERMISSIONS
  },
  "github-token-scope-missing": {
    points: ["github-token"],
    meaning: "A step needs a `GITHUB_TOKEN` scope the job's permissions do not grant.",
    cause: CHANGED_ENTITLEMENT,
    docUrl: GH_TOKEN_PERMISSIONS,
    seenAs: [
      { error: "`Resource not accessible by integration` (HTTP 403)" },
      { error: "`remote: Permission to OWNER/REPO.git denied to github-actions[bot].`" },
      { error: '`Error: Ensure GITHUB_TOKEN has permission "id-token: write".`' },
      { error: "`denied: installation not allowed to Write organization package`" },
      { error: "`remote: Repository not found.` (actions/checkout of a private repository without `contents: read`)" }
    ]
  },
  "pat-expired": {
    points: ["github-token"],
    meaning: "A personal access token a step uses has expired, or expires before the job can end.",
    cause: EXPIRED,
    docUrl: `${GH_AUTH}/keeping-your-account-and-data-secure/token-expiration-and-revocation`,
    seenAs: [{ error: "`Bad credentials` (HTTP 401)" }]
  },
  "pat-no-repository-access": {
    points: ["github-token"],
    meaning: "A token a step uses cannot see the repository: GitHub answers 404 (or 403) for it.",
    cause: CHANGED_ENTITLEMENT,
    docUrl: `${GH_AUTH}/keeping-your-account-and-data-secure/managing-your-personal-access-tokens`,
    seenAs: [
      { error: "`Not Found` (HTTP 404)" },
      { error: "`Resource not accessible by personal access token` (HTTP 403)" }
    ]
  },
  "pat-scope-missing": {
    points: ["github-token"],
    meaning: "A classic personal access token a step uses lacks an OAuth scope the step needs (`X-OAuth-Scopes`).",
    cause: CHANGED_ENTITLEMENT,
    docUrl: "https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps",
    seenAs: [{ error: "`Resource not accessible by personal access token` (HTTP 403)" }]
  },
  "pat-unverified": {
    points: ["github-token"],
    meaning: "A token a step uses could not be verified: it was not given to the preflight, it is made during the run, GitHub did not answer (rate limit, network), or its permissions cannot be read without a write (fail closed).",
    docUrl: `${GH_AUTH}/keeping-your-account-and-data-secure/managing-your-personal-access-tokens`
  }
};

// src/model/finding.ts
var DECISION_POINTS = [
  { id: "config", title: "Configuration" },
  { id: "runner", title: "Runner" },
  { id: "identity-provider", title: "Identity provider" },
  { id: "token", title: "Tokens" },
  { id: "oidc-provider", title: "AWS OIDC provider" },
  { id: "sts-trust", title: "STS role trust" },
  { id: "session", title: "Role session" },
  { id: "scp", title: "Service control policies" },
  { id: "rcp", title: "Resource control policies" },
  { id: "resource-policy", title: "Resource policies" },
  { id: "identity-policy", title: "Identity policies" },
  { id: "permissions-boundary", title: "Permissions boundary" },
  { id: "session-policy", title: "Session policies" },
  // An AWS denial whose message does not name the layer that refused it (explain): one of the layers above, unknown.
  { id: "unknown-layer", title: "Unknown layer (the message does not name it)" },
  { id: "github-token", title: "GitHub token permissions" }
];
function finding(cls, fields) {
  const row = FINDING_CLASSES[cls];
  const decisionPoint = fields.decisionPoint ?? row.points[0] ?? "runner";
  if (!row.points.includes(decisionPoint)) {
    throw new Error(`finding class ${cls} is not reported at ${decisionPoint} (src/model/finding-classes.ts)`);
  }
  const status = fields.status ?? (cls === "ok" ? "pass" : "fail");
  const cause = status === "pass" || fields.cause === null ? void 0 : fields.cause ?? row.cause;
  return {
    id: fields.id,
    subject: fields.subject,
    decisionPoint,
    class: cls,
    status,
    message: fields.message,
    evidence: fields.evidence ?? {},
    ...fields.fix !== void 0 ? { fix: fields.fix } : {},
    ...cause ? { cause } : {},
    ...fields.wouldReturn ? { wouldReturn: fields.wouldReturn } : {},
    docUrl: fields.docUrl ?? row.docUrl,
    ...fields.location ? { location: fields.location } : {}
  };
}
function completeFinding(f) {
  const row = FINDING_CLASSES[f.class];
  if (!row.points.includes(f.decisionPoint)) {
    throw new Error(`finding class ${f.class} is not reported at ${f.decisionPoint} (src/model/finding-classes.ts)`);
  }
  return f.docUrl !== void 0 ? f : { ...f, docUrl: row.docUrl };
}
function findingMaker(scope) {
  const seen = /* @__PURE__ */ new Map();
  return (draft) => {
    const base = `${scope.idPrefix}:${draft.class}${draft.suffix ? `:${draft.suffix}` : ""}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const placed = {
      ...scope.location ? { location: scope.location } : {},
      ...draft,
      ...draft.decisionPoint || !scope.decisionPoint ? {} : { decisionPoint: scope.decisionPoint }
    };
    return placeDraft(placed, n > 1 ? `${base}:${n}` : base, scope.subject);
  };
}
function placeDraft(draft, id, subject) {
  const { class: cls, suffix: _suffix, decisionPoint, ...fields } = draft;
  return finding(cls, {
    ...fields,
    id,
    subject,
    ...decisionPoint ? { decisionPoint } : {}
  });
}

export {
  DECISION_POINTS,
  finding,
  completeFinding,
  findingMaker,
  placeDraft
};
