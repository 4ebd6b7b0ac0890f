import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  IAM,
  POINT,
  sessionPolicyFix
} from "./shared-checks-permissions-context.js";
import {
  compilePolicySet,
  parsePolicy
} from "./shared-iam-arn.js";
import {
  globCovers
} from "./shared-iam-glob.js";

// src/checks/permissions/unknowns.ts
var LEAST_PRIVILEGE = `${IAM}/best-practices.html#grant-least-privilege`;
var AUTH_DETAILS = `${IAM.replace("UserGuide", "APIReference")}/API_GetAccountAuthorizationDetails.html`;
function identityUnread(role) {
  const unread = role.unreadPolicies;
  return unread !== void 0 && (unread.listing !== void 0 || (unread.managed?.length ?? 0) > 0);
}
var ALLOW_ALL = (() => {
  const parsed = parsePolicy(
    { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] },
    { name: "the unread identity policies, at most" },
    "identity"
  );
  return compilePolicySet({ identityPolicies: parsed.ok ? [parsed.policy] : [] }).identity;
})();
function withIdentityAllowingAll(set) {
  return { ...set, identity: ALLOW_ALL };
}
var SESSION_ALLOW_ALL = (() => {
  const parsed = parsePolicy(
    { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] },
    { name: "the unread session policies, at most" },
    "identity"
  );
  return compilePolicySet({ identityPolicies: [], sessionPolicies: parsed.ok ? [parsed.policy] : [] }).session;
})();
function withSessionAllowingAll(set) {
  return { ...set, session: SESSION_ALLOW_ALL };
}
function deniedWithoutSession(unread, call, evidence) {
  const names = unread.join(", ");
  return {
    decisionPoint: "session-policy",
    status: "unverified",
    class: "session-policy-unknown",
    message: `Could not verify: the session policies read do not allow ${call}, but the managed session ${unread.length === 1 ? "policy" : "policies"} ${names} ${unread.length === 1 ? "was" : "were"} not read, and the session policies are one layer: an Allow in ${unread.length === 1 ? "it" : "them"} would allow the call. No layer that was read denies it.`,
    evidence: { ...evidence, notRead: [...unread] },
    fix: sessionPolicyFix(unread),
    docUrl: `${IAM}/access_policies.html#policies_session`
  };
}
function describeUnread(role, unread, policyFiles) {
  const managed = unread.managed ?? [];
  if (unread.listing !== void 0) {
    return {
      what: `the policies of role ${role.name} were not read (${unread.listing} describes the role without listing its inline and attached policies)`,
      fix: `Give the role's policies: add the output of \`aws iam get-account-authorization-details --filter Role\` to ${policyFiles}, or describe role ${role.name} in a policy folder (docs/policy-folder.md: roles/${role.name}/inline/ with each get-role-policy output, managed/ with each get-policy-version output).`
    };
  }
  return {
    what: `the attached managed ${managed.length === 1 ? "policy" : "policies"} ${managed.join(", ")} of role ${role.name} ${managed.length === 1 ? "was" : "were"} not read`,
    fix: `Give the ${managed.length === 1 ? "document" : "documents"} of ${managed.join(", ")} (aws iam get-policy-version with the default version, in ${policyFiles}).`
  };
}
function deniedWithoutIdentity(role, call, evidence, fixOptions) {
  const unread = role.unreadPolicies ?? {};
  const { what, fix } = describeUnread(role, unread, fixOptions.policyFiles);
  return {
    decisionPoint: "identity-policy",
    status: "unverified",
    class: unread.listing !== void 0 ? "role-policies-unknown" : "managed-policy-missing",
    message: `Could not verify: ${what}, and only an Allow in them can grant ${call}; no layer that was read denies it. A layer not read is unknown, not empty.`,
    evidence: { ...evidence, notRead: unreadNames(unread) },
    fix,
    docUrl: unread.listing !== void 0 ? AUTH_DETAILS : `${IAM}/reference_policies_evaluation-logic.html`
  };
}
function allowedWithUnread(role, by, evidence, fixOptions) {
  const unread = role.unreadPolicies;
  if (!unread) return void 0;
  const boundary = unread.boundary;
  if (!identityUnread(role) && boundary === void 0) return void 0;
  const parts = identityUnread(role) ? [describeUnread(role, unread, fixOptions.policyFiles)] : [];
  if (boundary !== void 0) {
    parts.push({
      what: `the permissions boundary ${boundary} was not read`,
      fix: `Give the document of ${boundary} (aws iam get-policy-version with the default version, in ${fixOptions.policyFiles}).`
    });
  }
  return {
    decisionPoint: identityUnread(role) ? "identity-policy" : "permissions-boundary",
    status: "unverified",
    class: unread.listing !== void 0 ? "role-policies-unknown" : "managed-policy-missing",
    message: `Allowed${by} as far as was read, but ${parts.map((p) => p.what).join(", and ")}: ${parts.length > 1 || boundary === void 0 ? "a Deny there" : "it"} could still deny it. A layer not read is unknown, not empty.`,
    evidence: { ...evidence, notRead: unreadNames(unread) },
    fix: parts.map((p) => p.fix).join(" "),
    docUrl: `${IAM}/reference_policies_evaluation-logic.html`
  };
}
function unreadNames(unread) {
  return [
    ...unread.listing !== void 0 ? ["the role's inline and attached policies"] : [],
    ...unread.managed ?? [],
    ...unread.boundary !== void 0 ? [unread.boundary] : []
  ];
}
function denyCoversEvery(statements, resource) {
  return statements.some(
    (s) => s !== void 0 && s.effect === "Deny" && s.notResource === void 0 && (s.resource === void 0 || s.resource.some((glob) => globCovers(glob, resource)))
  );
}
var KMS_KEY_POLICY_HINT = " Give the key's policy as well (the output of aws kms get-key-policy with the key's ResourceArn, in the policy files: docs/policy-folder.md): it decides too, and the AWS managed key of a service (aws/ssm) grants Decrypt to the account's principals.";
function resourceUnknown(p, action, roleArn, explanation, evidence) {
  const parts = p.unknownParts ?? [];
  const reason = explanation.reason;
  return {
    decisionPoint: POINT[explanation.decidingLayer ?? "identity"],
    status: "unverified",
    class: "resource-unknown",
    message: `Could not verify: the resource ${action.canonical} acts on is not wholly known (${parts.join("; ")}), so it stands as ${p.resource}, and the policies neither allow nor deny every resource of that pattern. For the pattern: ${reason}`,
    evidence: { ...evidence, unknownParts: parts },
    fix: `Declare the call with its real resource as a permission line of role ${roleArn} in the configuration (aws.roles[].permissions: \`${action.canonical} ARN\`, the ARN with the value the deploy uses; it then stands for the call this line was ${p.origin}), or write the value as a literal in the workflow. Do not grant ${p.resource}: an Allow on every resource is wider than the deploy needs.${action.service === "kms" ? KMS_KEY_POLICY_HINT : ""}`,
    docUrl: LEAST_PRIVILEGE
  };
}

export {
  identityUnread,
  withIdentityAllowingAll,
  withSessionAllowingAll,
  deniedWithoutSession,
  deniedWithoutIdentity,
  allowedWithUnread,
  denyCoversEvery,
  resourceUnknown
};
