import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  POINT,
  parseDocument
} from "./shared-checks-permissions-policies.js";
import {
  compilePolicySet,
  evaluate
} from "./shared-iam-action.js";
import "./shared-text-edit-distance.js";
import "./shared-text-json-depth.js";
import {
  finding
} from "./shared-model-finding-classes.js";
import "./shared-iam-glob.js";
import "./shared-runtime-f3727b36.js";

// src/checks/chained-trust.ts
function chainActions(facts) {
  const tagged = Object.keys(facts.config.settings.sessionTags).length > 0;
  return tagged ? ["sts:AssumeRole", "sts:TagSession"] : ["sts:AssumeRole"];
}
function compileChain(role, source, inventory) {
  const identity = [...source.inlinePolicies, ...source.managedPolicies].map((p) => parseDocument(p, "identity"));
  const boundary = source.permissionsBoundary ? parseDocument(source.permissionsBoundary, "identity") : void 0;
  const trust = parseDocument(role.trustPolicy, "resource", "trust");
  const scps = (inventory.scps ?? []).map((level) => level.map((p) => parseDocument(p, "identity")));
  const bad = [...identity, trust, ...boundary ? [boundary] : [], ...scps.flat()].find((r) => !r.ok);
  if (bad && !bad.ok) return { ok: false, error: bad.errors[0]?.message ?? "invalid policy" };
  const ok = (r) => r.ok ? [r.policy] : [];
  return {
    ok: true,
    set: compilePolicySet({
      identityPolicies: identity.flatMap(ok),
      permissionsBoundary: boundary?.ok ? boundary.policy : void 0,
      scps: scps.map((level) => level.flatMap(ok)),
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
  const sessionArn = `arn:aws:sts::${source.accountId}:assumed-role/${source.name}/${facts.config.settings.sessionName}`;
  const result = evaluate(compiled.set, { principal: sessionArn, action, resource: role.arn });
  const evidence = { source: sessionArn, action, decision: result.decision };
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
          message: "The role is assumed by role chaining, but no source role is configured, so its trust policy cannot be evaluated.",
          fix: "List the role that is assumed first (with the GitHub token) in the configuration file under aws.roles, before the chained role."
        })
      ];
    }
    return chainActions(facts).map((action) => checkChainAction(role, chainSource, facts, action));
  }
};
export {
  chainedTrustCheck
};
