import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
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
import "./shared-model-aws.js";
import "./shared-text-json-depth.js";
import "./shared-runtime-efb0f0b2.js";

// src/checks/cross-check.ts
var SIMULATOR_DOC = "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_testing-policies.html";
var OF_IAM = {
  allowed: "allowed",
  explicitDeny: "explicit-deny",
  implicitDeny: "implicit-deny"
};
var FIX = "Report the case (with this finding) so the engine can be corrected; meanwhile treat the permission as denied. If the role's policies were given as files, first check that they match the live role: IAM simulates the role as it is now.";
function crossCheckPermissions(input) {
  const parsed = parseAll(input);
  if (!parsed) return [];
  const set = compilePolicySet(parsed.set);
  const findings = [];
  const notCompared = [];
  const ids = /* @__PURE__ */ new Map();
  let agreed = 0;
  for (const { request, answer } of input.pairs) {
    const label = `${request.action} ${request.resource}`;
    const n = (ids.get(label) ?? 0) + 1;
    ids.set(label, n);
    if (!answer) {
      notCompared.push(label);
      continue;
    }
    const { layers } = evaluate(set, request).explanation;
    const draft = compareOne(identitySide(layers), scpSide(layers, parsed.scpState), answer, parsed.scpState);
    if (!draft) {
      agreed++;
      continue;
    }
    findings.push(
      finding("cross-check-disagreement", {
        id: `cross-check:${label}${n > 1 ? ` #${n}` : ""}`,
        subject: `${request.action} on ${request.resource}`,
        decisionPoint: draft.point,
        status: "unverified",
        message: `Our engine and IAM disagree, so this is treated as denied (fail closed). Our engine: ${draft.ours}; IAM SimulatePrincipalPolicy: ${draft.theirs}.`,
        evidence: evidenceOf(request, answer, draft),
        fix: draft.fix ?? FIX,
        docUrl: SIMULATOR_DOC
      })
    );
  }
  if (findings.length === 0 && agreed > 0) findings.push(summary(input.role, agreed, notCompared, parsed.scpState));
  return findings;
}
function parseAll(input) {
  const parse = (doc, kind) => {
    const result = parseDocument(doc, kind);
    return result.ok ? result.policy : void 0;
  };
  const { role } = input;
  const identity = [...role.inlinePolicies, ...role.managedPolicies].map((d) => parse(d, "identity"));
  const boundary = role.permissionsBoundary ? parse(role.permissionsBoundary, "identity") : void 0;
  const levels = (input.scps ?? []).map((level) => level.filter((doc) => !hasCondition(doc.document)));
  const scps = levels.filter((level) => level.length > 0).map((level) => level.map((d) => parse(d, "control")));
  const all = [...identity, ...scps.flat(), ...role.permissionsBoundary ? [boundary] : []];
  if (all.some((p) => p === void 0)) return void 0;
  const scpState = !input.scps ? "not-given" : scps.length === 0 ? "all-conditional" : "given";
  const defined = (list) => list.filter((p) => p !== void 0);
  return {
    set: { identityPolicies: defined(identity), permissionsBoundary: boundary, scps: scps.map(defined) },
    scpState
  };
}
function hasCondition(document) {
  const statements = document?.Statement;
  const list = Array.isArray(statements) ? statements : [statements];
  return list.some((s) => typeof s === "object" && s !== null && "Condition" in s);
}
function identitySide(layers) {
  const identity = layers.find((l) => l.layer === "identity");
  const boundary = layers.find((l) => l.layer === "permissions-boundary");
  const boundaryAllows = boundary === void 0 || boundary.result === "allowed";
  const denies = (l) => l.matched.filter((s) => s.effect === "Deny");
  for (const [l, point] of [
    [identity, "identity-policy"],
    [boundary, "permissions-boundary"]
  ]) {
    if (l?.result === "explicit-deny")
      return { decision: "explicit-deny", point, statements: denies(l), boundaryAllows };
  }
  if (identity?.result !== "allowed") {
    return { decision: "implicit-deny", point: "identity-policy", statements: [], boundaryAllows };
  }
  if (!boundaryAllows)
    return { decision: "implicit-deny", point: "permissions-boundary", statements: [], boundaryAllows };
  return { decision: "allowed", statements: identity.matched, boundaryAllows };
}
function scpSide(layers, state) {
  if (state !== "given") return void 0;
  const scps = layers.filter((l) => l.layer === "scp");
  const denied = scps.find((l) => l.result === "explicit-deny") ?? scps.find((l) => l.result !== "allowed");
  if (!denied) return { decision: "allowed", statements: [] };
  const statements = denied.matched.filter((s) => s.effect === "Deny");
  return { decision: denied.result === "explicit-deny" ? "explicit-deny" : "implicit-deny", point: "scp", statements };
}
function compareOne(ours, scp, iam, scpState) {
  const theirs = describeIam(iam);
  if (iam.allowedByOrganizations === false) {
    if (scp && scp.decision !== "allowed") return void 0;
    if (scp) {
      const what = `the SCPs allow (identity policies and boundary: ${describeOurs(ours)})`;
      return { point: "scp", ours: what, theirs, layer: "scp" };
    }
    const why = scpState === "not-given" ? "SCPs not evaluated: none were given" : "SCPs not evaluated: every SCP given has a Condition, which IAM ignores";
    return {
      point: "scp",
      ours: `${describeOurs(ours)}; ${why}`,
      theirs,
      layer: "scp",
      fix: "IAM says an SCP of the role's account denies this. Add the SCPs that apply to the account to policy-files (aws organizations list-policies-for-target, then describe-policy, for the root, each OU and the account) so that the engine can name the statement; meanwhile treat the permission as denied."
    };
  }
  if (scp && scp.decision !== "allowed" && iam.allowedByOrganizations === true) {
    return { point: "scp", ours: describeOurs(scp), theirs, layer: "scp" };
  }
  if (OF_IAM[iam.decision] !== ours.decision) {
    return { point: ours.point ?? "identity-policy", ours: describeOurs(ours), theirs, layer: "identity" };
  }
  const boundary = iam.allowedByPermissionsBoundary;
  if (boundary !== void 0 && ours.decision !== "explicit-deny" && boundary !== ours.boundaryAllows) {
    const what = `${describeOurs(ours)}, the permissions boundary ${ours.boundaryAllows ? "allows" : "denies"} on its own`;
    return { point: "permissions-boundary", ours: what, theirs, layer: "permissions-boundary" };
  }
  return void 0;
}
function describeRef(ref) {
  return `${ref.policy} statement ${ref.index}${ref.sid ? ` (Sid "${ref.sid}")` : ""}`;
}
function describeOurs(v) {
  const refs = v.statements.map(describeRef).join(", ");
  if (v.decision === "allowed") return `allowed${refs ? ` (granted by ${refs})` : ""}`;
  return `${v.decision} by ${v.point ?? "identity-policy"}${refs ? ` (${refs})` : ""}`;
}
function describeStatement(s) {
  const where = s.line !== void 0 ? ` at line ${s.line}${s.column !== void 0 ? `, column ${s.column}` : ""}` : "";
  return `${s.policyId}${s.policyType ? ` (${s.policyType} policy)` : ""}${where}`;
}
function describeIam(iam) {
  const matched = iam.matchedStatements.map(describeStatement);
  const notes = [
    ...matched.length > 0 ? [`matched statement ${matched.join(", ")}`] : [],
    ...iam.allowedByOrganizations === false ? ["its SCPs deny (AllowedByOrganizations false)"] : [],
    ...iam.allowedByPermissionsBoundary === false ? ["the permissions boundary denies"] : []
  ];
  return `${iam.decision}${notes.length > 0 ? ` (${notes.join("; ")})` : ""}`;
}
function evidenceOf(request, iam, draft) {
  return {
    action: request.action,
    resource: request.resource,
    origin: request.permission.origin,
    comparedLayer: draft.layer,
    ours: draft.ours,
    iam: draft.theirs,
    iamDecision: iam.decision,
    iamMatchedStatements: iam.matchedStatements.map(describeStatement),
    ...iam.allowedByOrganizations !== void 0 ? { allowedByOrganizations: iam.allowedByOrganizations } : {},
    ...iam.allowedByPermissionsBoundary !== void 0 ? { allowedByPermissionsBoundary: iam.allowedByPermissionsBoundary } : {},
    ...iam.missingContextValues.length > 0 ? { missingContextValues: iam.missingContextValues } : {},
    ...iam.requestId ? { requestId: iam.requestId } : {},
    context: Object.entries(request.context).map(([k, v]) => `${k}=${typeof v === "string" ? v : v.join(",")}`)
  };
}
function summary(role, agreed, notCompared, scpState) {
  const layers = ["identity policies", "permissions boundary", ...scpState === "given" ? ["SCPs"] : []];
  return finding("ok", {
    id: "cross-check:ok",
    subject: `IAM cross-check of ${role.arn}`,
    decisionPoint: "identity-policy",
    status: "pass",
    message: `IAM's SimulatePrincipalPolicy agrees with the engine on ${agreed} permission${agreed === 1 ? "" : "s"} (${layers.join(", ")}). IAM does not simulate session policies, RCPs or a role's resource policies: those were checked by the engine alone.`,
    evidence: { agreed, layersCompared: layers, ...notCompared.length > 0 ? { notCompared } : {} },
    docUrl: SIMULATOR_DOC
  });
}
var crossCheck = {
  id: "cross-check",
  title: "IAM's own SimulatePrincipalPolicy agrees with the engine on every permission.",
  decisionPoints: ["identity-policy", "permissions-boundary", "session-policy", "scp", "resource-policy"],
  section: "aws",
  scope: "role",
  needs: ["iam-simulation"],
  appliesTo: (config) => config.sources.crossCheck,
  run: ({ role, inventory, iamSimulation }) => iamSimulation ? [
    ...iamSimulation.findings,
    ...crossCheckPermissions({ role, scps: inventory.scps, pairs: iamSimulation.pairs })
  ] : []
};
export {
  crossCheck,
  crossCheckPermissions
};
