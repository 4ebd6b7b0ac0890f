import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  identityUnread,
  withIdentityAllowingAll
} from "./shared-checks-permissions-unknowns.js";
import {
  POINT,
  parseDocument
} from "./shared-checks-permissions-context.js";
import {
  compilePolicySet,
  evaluate
} from "./shared-iam-arn.js";
import "./shared-checks-session-region.js";
import "./shared-catalog-arn-format.js";
import {
  finding
} from "./shared-model-finding-classes.js";
import "./shared-text-edit-distance.js";
import "./shared-iam-glob.js";
import {
  trustConflict
} from "./shared-model-aws.js";
import "./shared-text-json-depth.js";
import "./shared-runtime-efb0f0b2.js";

// src/checks/chained-trust.ts
var TAGS_DOC = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html";
var API_DOC = "https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html";
var MAX_TAGS = 50;
var MAX_KEY = 128;
var MAX_VALUE = 256;
var TAG_KEY = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u;
function chainContext(settings, source, sessionName) {
  const context = {
    "aws:PrincipalArn": source.arn,
    "aws:PrincipalAccount": source.accountId,
    "aws:PrincipalType": "AssumedRole",
    "aws:PrincipalIsAWSService": "false",
    "aws:SecureTransport": "true"
  };
  if (source.roleId && sessionName !== void 0) context["aws:userid"] = `${source.roleId}:${sessionName}`;
  for (const [k, v] of Object.entries(source.tags ?? {})) context[`aws:PrincipalTag/${k}`] = v;
  const keys = Object.keys(settings.sessionTags);
  if (keys.length > 0) {
    context["aws:TagKeys"] = keys;
    for (const [k, v] of Object.entries(settings.sessionTags)) context[`aws:RequestTag/${k}`] = v;
    const transitive = settings.transitiveTagKeys ?? [];
    if (transitive.length > 0) context["sts:TransitiveTagKeys"] = [...transitive];
  }
  if (settings.externalId !== void 0) context["sts:ExternalId"] = settings.externalId;
  if (settings.sessionName !== void 0) context["sts:RoleSessionName"] = settings.sessionName;
  return context;
}
function checkTagLimits(role, settings) {
  const tags = settings.sessionTags;
  const keys = Object.keys(tags);
  const problems = [];
  if (keys.length > MAX_TAGS)
    problems.push(`it passes ${keys.length} session tags, and AWS allows at most ${MAX_TAGS}`);
  for (const k of keys) {
    if (k.length > MAX_KEY) problems.push(`the tag key \`${k.slice(0, 40)}\u2026\` is over ${MAX_KEY} characters`);
    else if (!TAG_KEY.test(k)) problems.push(`the tag key \`${k}\` holds characters AWS does not allow in a tag key`);
    const v = tags[k] ?? "";
    if (v.length > MAX_VALUE) problems.push(`the value of tag \`${k}\` is over ${MAX_VALUE} characters`);
  }
  const missing = (settings.transitiveTagKeys ?? []).filter((k) => !(k in tags));
  if (missing.length > 0) {
    problems.push(
      `transitive-tag-keys names ${missing.map((k) => `\`${k}\``).join(", ")}, which ${missing.length === 1 ? "is" : "are"} not among the session tags${settings.skipSessionTagging ? " (role-skip-session-tagging passes none)" : ""}`
    );
  }
  return problems.map(
    (problem, i) => finding("session-tags-invalid", {
      id: `aws:${role.arn}:session-tags-invalid:${i}`,
      subject: `role ${role.arn}`,
      decisionPoint: "session",
      evidence: { tagKeys: keys, transitiveTagKeys: [...settings.transitiveTagKeys ?? []] },
      message: `configure-aws-credentials' AssumeRole into ${role.name} would be refused: ${problem}.`,
      fix: "Change custom-tags or transitive-tag-keys so that every transitive key is a session tag, there are at most 50 tags, keys have at most 128 characters and values at most 256.",
      docUrl: API_DOC
    })
  );
}
function chainActions(facts) {
  const tagged = Object.keys(facts.config.settings.sessionTags).length > 0;
  return tagged ? ["sts:AssumeRole", "sts:TagSession"] : ["sts:AssumeRole"];
}
function compileChain(role, source, inventory) {
  const identity = [...source.inlinePolicies, ...source.managedPolicies].map((p) => parseDocument(p, "identity"));
  const boundary = source.permissionsBoundary ? parseDocument(source.permissionsBoundary, "identity") : void 0;
  const conflict = trustConflict(role);
  if (conflict) return { ok: false, error: conflict };
  const trust = parseDocument(role.trustPolicy, "resource", "trust");
  const scps = (inventory.scps ?? []).map((level) => level.map((p) => parseDocument(p, "identity")));
  const rcps = (inventory.rcps ?? []).map((level) => level.map((p) => parseDocument(p, "control")));
  const bad = [...identity, trust, ...boundary ? [boundary] : [], ...scps.flat(), ...rcps.flat()].find((r) => !r.ok);
  if (bad && !bad.ok) return { ok: false, error: bad.errors[0]?.message ?? "invalid policy" };
  const ok = (r) => r.ok ? [r.policy] : [];
  return {
    ok: true,
    set: compilePolicySet({
      identityPolicies: identity.flatMap(ok),
      permissionsBoundary: boundary?.ok ? boundary.policy : void 0,
      scps: scps.map((level) => level.flatMap(ok)),
      rcps: rcps.map((level) => level.flatMap(ok)),
      resourcePolicy: trust.ok ? trust.policy : void 0
    })
  };
}
function checkChainAction(role, source, facts, action) {
  const subject = `role ${role.arn}`;
  const compiled = compileChain(role, source, facts.inventory);
  if (!compiled.ok) {
    return finding("could-not-verify", {
      id: `aws:${role.arn}:chained-trust-unverifiable:${action}`,
      subject,
      decisionPoint: "sts-trust",
      status: "unverified",
      message: `A policy needed to evaluate the chain could not be parsed: ${compiled.error}.`,
      fix: "Fix the policy document named in the message."
    });
  }
  const name = facts.chainSourceSessionName;
  const sessionArn = name === void 0 ? source.arn : `arn:aws:sts::${source.accountId}:assumed-role/${source.name}/${name}`;
  const { settings } = facts.config;
  const context = chainContext(settings, source, name);
  const request = { principal: sessionArn, action, resource: role.arn, context };
  const result = evaluate(compiled.set, request);
  const evidence = {
    source: sessionArn,
    action,
    decision: result.decision,
    ...action === "sts:TagSession" ? { tagKeys: Object.keys(settings.sessionTags) } : {},
    ...settings.externalId !== void 0 ? { externalIdGiven: true } : {}
  };
  const namesSession = name === void 0 && result.decision !== "allowed" && JSON.stringify(role.trustPolicy.document).includes(`:assumed-role/${source.name}/`);
  if (namesSession) {
    return finding("could-not-verify", {
      id: `aws:${role.arn}:chained-trust-unverified:${action}`,
      subject,
      decisionPoint: "sts-trust",
      status: "unverified",
      evidence,
      message: `${role.name}'s trust names sessions of ${source.name} by name, and the name of the session that calls ${action} is not known before the run (the earlier step's role-session-name), so whether the trust admits it is not known.`,
      fix: `Give the earlier configure-aws-credentials step a literal role-session-name, or let ${role.name}'s trust admit ${source.arn} (any of its sessions).`
    });
  }
  const unread = unreadForChain(source, facts);
  const lifted = result.decision === "implicit-deny" && identityUnread(source) && evaluate(withIdentityAllowingAll(compiled.set), request).decision === "allowed";
  if (result.decision === "allowed" && unread.length > 0 || lifted) {
    return finding("could-not-verify", {
      id: `aws:${role.arn}:chained-trust-unverified:${action}`,
      subject,
      decisionPoint: "sts-trust",
      status: "unverified",
      evidence: { ...evidence, notRead: unread },
      message: `${source.name}'s session ${lifted ? "may not" : "may"} ${action} into ${role.name} as far as the files were read, but ${unread.join(", ")} ${unread.length === 1 ? "was" : "were"} not read: ${lifted ? "an Allow there would let it" : "a Deny there would refuse it"}.`,
      fix: `Give what was not read to the preflight: ${unread.join(", ")} (docs/policy-folder.md).`
    });
  }
  if (result.decision === "allowed") {
    return finding("ok", {
      id: `aws:${role.arn}:chained-trust:${action}`,
      subject,
      decisionPoint: "sts-trust",
      evidence,
      message: `${source.name}'s session may ${action} into ${role.name} by role chaining.`
    });
  }
  const layer = result.explanation.decidingLayer ?? "resource";
  if (action === "sts:TagSession" && layer === "resource") {
    return finding("tag-session-denied", {
      id: `aws:${role.arn}:chained-trust-denied:${action}`,
      subject,
      decisionPoint: "sts-trust",
      evidence,
      wouldReturn: 403,
      message: `configure-aws-credentials passes session tags (${Object.keys(settings.sessionTags).join(", ")}) when it chains into ${role.name}, and its trust policy does not let ${source.name}'s session sts:TagSession: ${result.explanation.reason}`,
      fix: `Add "sts:TagSession" to the Action of the statement in ${role.name}'s trust policy that admits ${source.arn}, or set role-skip-session-tagging: true in the deploy's configure-aws-credentials step and here.`,
      docUrl: TAGS_DOC
    });
  }
  return finding("chained-trust-denied", {
    id: `aws:${role.arn}:chained-trust-denied:${action}`,
    subject,
    // The role's trust policy is the resource policy of this call.
    decisionPoint: layer === "resource" ? "sts-trust" : POINT[layer],
    evidence,
    wouldReturn: 403,
    message: `${source.name}'s session may not ${action} into ${role.name}: ${result.explanation.reason}`,
    fix: layer === "resource" ? `Add to ${role.name}'s trust policy: {"Effect":"Allow","Principal":{"AWS":"${source.arn}"},"Action":"${action}"}.` : `Allow ${action} on ${role.arn} in ${source.name}'s policies.`
  });
}
function unreadForChain(source, facts) {
  const out = [];
  if (identityUnread(source)) out.push(`the policies of ${source.name}`);
  if (source.unreadPolicies?.boundary) out.push(`the permissions boundary of ${source.name}`);
  const { inventory } = facts;
  if (facts.config.declaredAbsent?.organizations !== "none") {
    if (inventory.scps === void 0 || inventory.unreadOrgLayers?.includes("scp")) out.push("the SCPs");
    if (inventory.rcps === void 0 || inventory.unreadOrgLayers?.includes("rcp")) out.push("the RCPs");
  }
  return out;
}
var chainedTrustCheck = {
  id: "chained-trust",
  title: "A chained role's trust admits the source role's session, and the session may call sts:AssumeRole (and sts:TagSession).",
  decisionPoints: ["sts-trust", "identity-policy", "permissions-boundary", "scp"],
  section: "aws",
  scope: "role",
  needs: [],
  appliesTo: (config) => config.settings.roleChaining,
  run: (facts) => {
    const { role, chainSource } = facts;
    if (!chainSource) {
      return [
        finding("could-not-verify", {
          id: `aws:${role.arn}:chained-trust-unverifiable`,
          subject: `role ${role.arn}`,
          decisionPoint: "sts-trust",
          status: "unverified",
          message: "The role is assumed by role chaining, but no source role is configured or found in the policy files, so its trust policy cannot be evaluated.",
          fix: "List the role that is assumed first (with the GitHub token) in the configuration file under aws.roles, before the chained role, and describe it in the policy files."
        })
      ];
    }
    return [
      ...checkTagLimits(role, facts.config.settings),
      ...chainActions(facts).map((action) => checkChainAction(role, chainSource, facts, action))
    ];
  }
};
export {
  chainedTrustCheck
};
