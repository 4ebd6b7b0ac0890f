import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  compilePolicySet,
  evaluate,
  parsePolicy
} from "./chunk-2S2YYFOP.js";
import {
  isRcpSupported,
  lookupAction,
  matchResourceTypes,
  populatedKeysForOidcProvider
} from "./chunk-CXBIQOXQ.js";
import {
  formatEpoch
} from "./chunk-JU6EXQS4.js";
import {
  editDistance
} from "./chunk-NODDT6HK.js";
import {
  GITHUB_OIDC_DOCS,
  explainSubjectMismatch,
  isGitHubToken,
  suggestSubjectFix
} from "./chunk-JGCAX3VW.js";
import {
  compileGlob
} from "./chunk-TVFM4PAF.js";
import {
  describeDuration
} from "./chunk-R6P6CNCD.js";
import "./chunk-PRBFNC5C.js";

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
    findings.push({
      id: `cross-check:${label}${n > 1 ? ` #${n}` : ""}`,
      subject: `${request.action} on ${request.resource}`,
      decisionPoint: draft.point,
      class: "cross-check-disagreement",
      status: "unverified",
      message: `Our engine and IAM disagree, so this is treated as denied (fail closed). Our engine: ${draft.ours}; IAM SimulatePrincipalPolicy: ${draft.theirs}.`,
      evidence: evidenceOf(request, answer, draft),
      fix: draft.fix ?? FIX,
      docUrl: SIMULATOR_DOC
    });
  }
  if (findings.length === 0 && agreed > 0) findings.push(summary(input.role, agreed, notCompared, parsed.scpState));
  return findings;
}
function parseAll(input) {
  const parse = (doc, kind) => {
    const result = parsePolicy(doc.document, { name: doc.name, ...doc.file ? { file: doc.file } : {} }, kind);
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
  const defined = (list2) => list2.filter((p) => p !== void 0);
  return {
    set: { identityPolicies: defined(identity), permissionsBoundary: boundary, scps: scps.map(defined) },
    scpState
  };
}
function hasCondition(document) {
  const statements = document?.Statement;
  const list2 = Array.isArray(statements) ? statements : [statements];
  return list2.some((s) => typeof s === "object" && s !== null && "Condition" in s);
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
  return {
    id: "cross-check:ok",
    subject: `IAM cross-check of ${role.arn}`,
    decisionPoint: "identity-policy",
    class: "ok",
    status: "pass",
    message: `IAM's SimulatePrincipalPolicy agrees with the engine on ${agreed} permission${agreed === 1 ? "" : "s"} (${layers.join(", ")}). IAM does not simulate session policies, RCPs or a role's resource policies: those were checked by the engine alone.`,
    evidence: { agreed, layersCompared: layers, ...notCompared.length > 0 ? { notCompared } : {} },
    docUrl: SIMULATOR_DOC
  };
}

// src/checks/permissions-context.ts
var US_EAST_1_SERVICES = /* @__PURE__ */ new Set(["iam", "cloudfront", "route53", "support"]);
var ORG_POLICY_ARN = /^arn:[^:]+:organizations::\d{12}:policy\/(o-[a-z0-9]{10,32})\//;
function organizationId(inventory) {
  const ids = /* @__PURE__ */ new Set();
  for (const levels of [inventory.scps ?? [], inventory.rcps ?? []]) {
    for (const level of levels) {
      for (const policy of level) {
        const id = policy.arn?.match(ORG_POLICY_ARN)?.[1];
        if (id) ids.add(id);
      }
    }
  }
  return ids.size === 1 ? [...ids][0] : void 0;
}
function sessionPrincipal(input) {
  const { role, settings } = input;
  const partition = role.arn.split(":")[1] || "aws";
  return input.sessionArn ?? `arn:${partition}:sts::${role.accountId}:assumed-role/${role.name}/${settings.sessionName}`;
}
function buildContext(input, p, action) {
  const { role, settings } = input;
  const entries = /* @__PURE__ */ new Map();
  const put = (key, value) => entries.set(key.toLowerCase(), [key, value]);
  put("aws:PrincipalArn", role.arn);
  put("aws:PrincipalAccount", role.accountId);
  put("aws:PrincipalType", "AssumedRole");
  put("aws:PrincipalIsAWSService", "false");
  if (role.roleId) put("aws:userid", `${role.roleId}:${settings.sessionName}`);
  const orgId = organizationId(input.inventory);
  if (orgId) put("aws:PrincipalOrgID", orgId);
  put("aws:SecureTransport", "true");
  put("aws:CurrentTime", new Date(Math.floor(input.now) * 1e3).toISOString().replace(".000Z", "Z"));
  put("aws:EpochTime", String(Math.floor(input.now)));
  const arnRegion = p.resource.split(":")[3]?.replace(/.*[*?].*/, "");
  const region = arnRegion || (US_EAST_1_SERVICES.has(action.service) ? "us-east-1" : settings.region);
  if (region) put("aws:RequestedRegion", region);
  const tags = { ...role.tags, ...settings.sessionTags };
  for (const [k, v] of Object.entries(tags)) put(`aws:PrincipalTag/${k}`, v);
  for (const pairs of [input.context ?? {}, p.context])
    for (const [key, value] of Object.entries(pairs)) put(key, value);
  const context = {};
  for (const [key, value] of entries.values()) context[key] = value;
  const known = (key) => entries.has(key.toLowerCase()) || role.tags !== void 0 && key.toLowerCase().startsWith("aws:principaltag/");
  return { context, known };
}

// src/checks/permissions-fix.ts
function describeRef2(ref) {
  return `${ref.policy} statement ${ref.index}${ref.sid ? ` (Sid "${ref.sid}")` : ""}`;
}
function conditionOf(doc, index) {
  const statements = doc?.document?.Statement;
  const statement = Array.isArray(statements) ? statements[index] : statements;
  return statement?.Condition;
}
function fixExplicit(refs, layer, docOf) {
  const parts = refs.map((ref) => {
    const condition = conditionOf(docOf(ref), ref.index);
    return condition ? `${describeRef2(ref)} denies it when ${JSON.stringify(condition)}: make the request fall outside that condition, or narrow the statement so that it does not cover this role` : `${describeRef2(ref)} denies it without a condition: narrow its Action or Resource, or add a condition that exempts this role`;
  });
  const owner = layer === "scp" || layer === "rcp" ? " This is an organization policy: its owners must change it." : "";
  return `${parts.join("; ")}. An explicit deny overrides every allow.${owner}`;
}
function fixImplicit(layer, level, role, p, action) {
  const statement = JSON.stringify({ Effect: "Allow", Action: action.canonical, Resource: p.resource });
  switch (layer) {
    case "identity": {
      const policy = role.inlinePolicies[0]?.name ?? role.managedPolicies[0]?.name;
      return `Add this statement to an identity policy of role ${role.name}${policy ? ` (e.g. ${policy})` : ""}: ${statement}`;
    }
    case "permissions-boundary":
      return `Add ${action.canonical} on ${p.resource} to the permissions boundary ${role.permissionsBoundary?.name ?? ""}; the boundary caps what the role's policies can grant: ${statement}`;
    case "session":
      return `Add this statement to the session policy (inputs inline-session-policy, managed-session-policies), or drop the session policy: ${statement}`;
    case "scp":
      return `Add this statement to an SCP attached at organization level ${level ?? 0} (root = 0), or ask the organization's owners to: ${statement}`;
    default: {
      const resource = action.service === "kms" ? "*" : p.resource;
      const grant = { Effect: "Allow", Principal: { AWS: role.arn }, Action: action.canonical, Resource: resource };
      return `Add this statement to the resource policy of ${p.resource}; it must name the role: ${JSON.stringify(grant)}`;
    }
  }
}

// src/checks/permissions-policies.ts
var IAM = "https://docs.aws.amazon.com/IAM/latest/UserGuide";
var POINT = {
  identity: "identity-policy",
  "permissions-boundary": "permissions-boundary",
  session: "session-policy",
  scp: "scp",
  rcp: "rcp",
  resource: "resource-policy"
};
var LAYER_DOC = {
  identity: `${IAM}/reference_policies_evaluation-logic.html`,
  "permissions-boundary": `${IAM}/access_policies_boundaries.html`,
  session: `${IAM}/access_policies.html#policies_session`,
  scp: "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html",
  rcp: "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html",
  resource: `${IAM}/reference_policies_evaluation-logic-cross-account.html`
};
var entryKey = (layer, level, name2) => `${layer} ${level ?? ""} ${name2}`;
function parseInto(out, layer, level, doc, kind) {
  const result = parsePolicy(doc.document, { name: doc.name, ...doc.file ? { file: doc.file } : {} }, kind);
  const entry = { doc, policy: result.ok ? result.policy : void 0 };
  if (!result.ok) {
    out.push({
      id: `permissions:invalid-policy:${layer}${level ?? ""}:${doc.name}`,
      subject: `policy ${doc.name}`,
      decisionPoint: POINT[layer],
      class: "invalid-policy",
      status: "unverified",
      message: `${doc.name} could not be read, so permissions that depend on it cannot be verified: ${result.errors.slice(0, 3).map((e) => e.message).join("; ")}.`,
      evidence: { policy: doc.name, errors: result.errors.map((e) => e.message) },
      fix: `Correct ${doc.name}; IAM refuses documents with these errors, so the copy given may be damaged or edited.`,
      docUrl: `${IAM}/reference_policies_grammar.html`,
      ...locationOf(doc)
    });
  }
  return entry;
}
function preparePolicies(role, settings, inventory) {
  const findings = [];
  const entries = /* @__PURE__ */ new Map();
  const broken = [];
  const unknownSessionPolicies = [];
  const read = (layer, level, docs, kind) => docs.flatMap((doc) => {
    const entry = parseInto(findings, layer, level, doc, kind);
    entries.set(entryKey(layer, level, doc.name), entry);
    if (!entry.policy) broken.push(doc.name);
    return entry.policy ? [entry.policy] : [];
  });
  const known = /* @__PURE__ */ new Map();
  for (const r of inventory.roles) for (const m of r.managedPolicies) if (m.arn) known.set(m.arn, m);
  const sessionDocs = settings.inlineSessionPolicy ? [settings.inlineSessionPolicy] : [];
  for (const arn of settings.managedSessionPolicyArns) {
    const doc = known.get(arn);
    if (doc) sessionDocs.push(doc);
    else unknownSessionPolicies.push(arn);
  }
  for (const arn of unknownSessionPolicies) {
    findings.push({
      id: `permissions:session-policy-unreadable:${arn}`,
      subject: `managed session policy ${arn}`,
      decisionPoint: "session-policy",
      class: "session-policy-unreadable",
      status: "unverified",
      message: `The managed session policy ${arn} could not be read, so what it leaves out of the session is unknown.`,
      evidence: { policyArn: arn },
      fix: `Include ${arn} in the policies given (aws iam get-policy-version), or grant the preflight iam:GetPolicyVersion on it.`,
      docUrl: LAYER_DOC.session
    });
  }
  const boundary = role.permissionsBoundary ? read("permissions-boundary", void 0, [role.permissionsBoundary], "identity") : [];
  const base = compilePolicySet({
    identityPolicies: read("identity", void 0, [...role.inlinePolicies, ...role.managedPolicies], "identity"),
    permissionsBoundary: boundary[0],
    sessionPolicies: read("session", void 0, sessionDocs, "identity"),
    scps: (inventory.scps ?? []).map((docs, level) => read("scp", level, docs, "identity")),
    rcps: (inventory.rcps ?? []).map((docs, level) => read("rcp", level, docs, "control"))
  });
  const withoutRcps = { ...base, rcps: [] };
  return { findings, entries, broken, unknownSessionPolicies, withRcps: base, withoutRcps, resources: /* @__PURE__ */ new Map() };
}
function findResourcePolicy(inventory, resource) {
  const list2 = inventory.resourcePolicies ?? [];
  return list2.find((rp) => rp.resourceArn === resource) ?? list2.find((rp) => /^arn:[^:]+:s3:::[^/]+$/.test(rp.resourceArn) && resource.startsWith(`${rp.resourceArn}/`));
}
function readResourcePolicy(prep, rp) {
  const cached = prep.resources.get(rp);
  if (cached) return cached;
  const entry = parseInto(prep.findings, "resource", void 0, rp.policy, "resource");
  const resourcePolicy = entry.policy;
  const compiled = resourcePolicy ? compilePolicySet({ identityPolicies: [], resourcePolicy }).resource : void 0;
  const result = { ...entry, compiled };
  prep.resources.set(rp, result);
  return result;
}
function locationOf(doc) {
  if (!doc?.file) return {};
  return { location: { file: doc.file, ...doc.line !== void 0 ? { line: doc.line } : {} } };
}

// src/checks/permissions.ts
var REFERENCE = "https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html";
var KMS_KEY_POLICY = "https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html";
var EXPLICIT_DENY = `${IAM}/reference_policies_evaluation-logic_policy-eval-denyallow.html`;
var CONDITION_KEYS = `${IAM}/reference_policies_condition-keys.html`;
var NETWORK_KEYS = /* @__PURE__ */ new Set([
  "aws:sourceip",
  "aws:sourcevpc",
  "aws:sourcevpce",
  "aws:vpcsourceip",
  "aws:sourcevpcarn"
]);
function checkPermissions(input) {
  const prepared = preparePolicies(input.role, input.settings, input.inventory);
  const principal = sessionPrincipal(input);
  const findings = [];
  const ids = /* @__PURE__ */ new Map();
  for (const p of input.permissions) {
    const id = `permissions:${p.action} ${p.resource}`;
    const n = (ids.get(id) ?? 0) + 1;
    ids.set(id, n);
    const draft = checkOne(input, prepared, principal, p);
    findings.push({
      id: n > 1 ? `${id} #${n}` : id,
      subject: `${p.action} on ${p.resource}`,
      ...draft,
      evidence: { ...draft.evidence, origin: p.origin }
    });
  }
  return [...prepared.findings, ...findings];
}
function buildPermissionRequests(input) {
  const principal = sessionPrincipal(input);
  return input.permissions.map((p) => {
    const found = lookupAction(input.catalog, p.action);
    if (found.status !== "found") return void 0;
    const fit = matchResourceTypes(input.catalog, found.action, p.resource);
    if (fit.status === "no-fit" || fit.status === "no-resource-types" && !fit.fits) return void 0;
    const { context } = buildContext(input, p, found.action);
    return { permission: p, action: found.action.canonical, resource: p.resource, principal, context };
  });
}
function checkOne(input, prep, principal, p) {
  const found = lookupAction(input.catalog, p.action);
  if (found.status !== "found") {
    return {
      decisionPoint: "config",
      status: "fail",
      class: found.status === "malformed" ? "invalid-action" : "unknown-action",
      message: `${p.action}: ${found.message}`,
      evidence: { action: p.action, suggestions: found.suggestions },
      fix: `${found.suggestions[0] ? `Write ${found.suggestions[0]}` : "Name one action as the reference spells it"} in ${p.origin}.`,
      docUrl: REFERENCE
    };
  }
  const action = found.action;
  const fit = matchResourceTypes(input.catalog, action, p.resource);
  if (fit.status === "no-fit" || fit.status === "no-resource-types" && !fit.fits) {
    const expected = fit.status === "no-fit" ? fit.expected.flatMap((t) => t.type.arnFormats) : ["*"];
    return {
      decisionPoint: "config",
      status: "fail",
      class: "resource-type-mismatch",
      message: `${p.resource}: ${fit.message}.`,
      evidence: { action: action.canonical, resource: p.resource, expected },
      fix: `In ${p.origin}, name a resource of the form ${expected.join(" or ")}, or the action that acts on ${p.resource}.`,
      docUrl: REFERENCE
    };
  }
  return evaluateOne(input, prep, principal, p, action);
}
var keyOfLabel = (label) => label.slice(label.indexOf(" ") + 1);
function evaluateOne(input, prep, principal, p, action) {
  const rp = findResourcePolicy(input.inventory, p.resource);
  const rpEntry = rp ? readResourcePolicy(prep, rp) : void 0;
  const base = isRcpSupported(input.catalog, action.service) ? prep.withRcps : prep.withoutRcps;
  const set = rpEntry?.compiled ? { ...base, resource: rpEntry.compiled } : base;
  const { context, known } = buildContext(input, p, action);
  const request = {
    principal,
    action: action.canonical,
    resource: p.resource,
    context,
    ...rp?.accountId ? { resourceAccount: rp.accountId } : {}
  };
  const result = evaluate(set, request, { resourcePattern: true });
  const evidence = {
    action: action.canonical,
    resource: p.resource,
    principal,
    decision: result.decision,
    context: Object.entries(context).map(([k, v]) => `${k}=${typeof v === "string" ? v : v.join(",")}`)
  };
  const notChecked = [
    ...input.inventory.scps ? [] : ["SCPs"],
    ...input.inventory.rcps ? [] : ["RCPs"],
    ...rp || p.resource === "*" ? [] : ["resource policy"]
  ];
  if (notChecked.length > 0) evidence.notChecked = notChecked;
  const broken = rp && !rpEntry?.policy ? [...prep.broken, rp.policy.name] : prep.broken;
  if (broken.length > 0) {
    return {
      decisionPoint: "config",
      status: "unverified",
      class: "incomplete-policies",
      message: `Could not verify: ${broken.join(", ")} could not be read; without it the engine says ${result.decision}.`,
      evidence,
      fix: "Correct the policies named in the invalid-policy findings, then run again."
    };
  }
  if (result.decision === "allowed") {
    const worst = evaluate(set, request, { resourcePattern: true, unknown: (key) => !known(key) });
    if (worst.decision !== "allowed") return dependsOnUnknown(p, worst, prep, rpEntry, evidence);
    return allowed(result, prep, evidence);
  }
  const full = evaluate(set, request, { resourcePattern: true, explain: "full" });
  return explainDenial({ input, prep, p, action, rp, rpEntry, context, known, evidence }, full);
}
function entryOf(prep, rpEntry, layer, level, ref) {
  return layer === "resource" ? rpEntry : prep.entries.get(entryKey(layer, level, ref.policy));
}
function explainDenial(d, full) {
  const { input, prep, p, action, rp, rpEntry, context, known, evidence } = d;
  const e = full.explanation;
  const layer = e.decidingLayer ?? "identity";
  const lookup = (ref) => entryOf(prep, rpEntry, layer, e.decidingLevel, ref);
  const explicit = full.decision === "explicit-deny";
  const layerDetail = e.layers.find((l) => l.layer === layer && l.level === e.decidingLevel)?.statements ?? [];
  const misses = explicit ? [] : layerDetail.filter((s) => s.ref.effect === "Allow" && s.mismatch === "condition" && s.failedCondition);
  const keys = explicit ? e.deciding.flatMap((ref) => {
    const statement = lookup(ref)?.policy?.statements.find((s) => s.index === ref.index);
    return (statement?.conditions ?? []).map((c) => keyOfLabel(c.label));
  }) : misses.map((s) => keyOfLabel(s.failedCondition ?? ""));
  const deciding = e.deciding[0] ? lookup(e.deciding[0])?.doc : void 0;
  const layerDoc = layer === "resource" ? rp?.policy : layer === "permissions-boundary" ? input.role.permissionsBoundary : void 0;
  const where = locationOf(deciding ?? layerDoc);
  if (layer === "resource" && !rp) {
    return {
      decisionPoint: "resource-policy",
      status: "unverified",
      class: "resource-policy-unknown",
      message: `Could not verify: ${e.reason}`,
      evidence,
      fix: `Give the resource policy of ${p.resource} (for a KMS key: aws kms get-key-policy --policy-name default --key-id ...).`,
      docUrl: action.service === "kms" ? KMS_KEY_POLICY : LAYER_DOC.resource
    };
  }
  const unknown = keys.find((k) => !known(k));
  if (unknown) {
    return {
      decisionPoint: POINT[layer],
      status: "unverified",
      class: "context-key-unknown",
      message: `Could not verify: ${e.reason} That turns on ${unknown}, which the preflight cannot know.`,
      evidence: { ...evidence, unknownKey: unknown },
      fix: `If the deploy's request carries ${unknown}, add ${unknown}=VALUE to ${p.origin} to check it with that value.`,
      docUrl: CONDITION_KEYS,
      ...where
    };
  }
  const near = misses.map((s, i) => {
    const key = keys[i] ?? "";
    const value = Object.entries(context).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
    const has = value === void 0 ? `no ${key}` : `${key}=${typeof value === "string" ? value : value.join(",")}`;
    return `${describeRef2(s.ref)} allows it only under ${s.failedCondition}, and the request has ${has}`;
  });
  return {
    decisionPoint: POINT[layer],
    status: "fail",
    class: full.decision,
    message: near.length > 0 ? `${e.reason} ${near.join("; ")}.` : e.reason,
    evidence: {
      ...evidence,
      layer,
      ...e.decidingLevel !== void 0 ? { level: e.decidingLevel } : {},
      ...e.deciding.length > 0 ? { statements: e.deciding.map(describeRef2) } : {},
      ...near.length > 0 ? { nearMisses: near } : {}
    },
    fix: explicit ? fixExplicit(e.deciding, layer, (ref) => lookup(ref)?.doc) : fixImplicit(layer, e.decidingLevel, input.role, p, action),
    cause: keys.some((k) => NETWORK_KEYS.has(k.toLowerCase())) ? "changed-trust-or-network-rule" : "changed-entitlement",
    wouldReturn: 403,
    docUrl: explicit ? EXPLICIT_DENY : layer === "resource" && action.service === "kms" ? KMS_KEY_POLICY : LAYER_DOC[layer],
    ...where
  };
}
function dependsOnUnknown(p, worst, prep, rpEntry, evidence) {
  const keys = worst.assumed ?? [];
  const e = worst.explanation;
  const layer = e.decidingLayer ?? "identity";
  const named = keys.join(", ");
  const denying = e.deciding.map(describeRef2);
  return {
    decisionPoint: POINT[layer],
    status: "unverified",
    class: "context-key-unknown",
    message: worst.decision === "explicit-deny" ? `Could not verify: allowed with what the preflight knows, but ${denying.join(", ")} denies it for some values of ${named}, which the preflight cannot know.` : `Could not verify: allowed with what the preflight knows, but the allow rests on conditions on ${named}, which the preflight cannot know. Without them: ${e.reason}`,
    evidence: {
      ...evidence,
      unknownKey: keys[0] ?? "",
      unknownKeys: keys,
      ...denying.length > 0 ? { statements: denying } : {}
    },
    fix: `If the deploy's request carries ${named}, add ${keys.map((k) => `${k}=VALUE`).join(" ")} to ${p.origin} to check it with ${keys.length > 1 ? "those values" : "that value"}.`,
    docUrl: CONDITION_KEYS,
    ...e.deciding[0] ? locationOf(entryOf(prep, rpEntry, layer, e.decidingLevel, e.deciding[0])?.doc) : {}
  };
}
function allowed(result, prep, evidence) {
  const granting = result.explanation.deciding.map(describeRef2);
  const by = granting.length > 0 ? ` by ${granting.join(", ")}` : "";
  if (prep.unknownSessionPolicies.length > 0) {
    return {
      decisionPoint: "session-policy",
      status: "unverified",
      class: "session-policy-unknown",
      message: `Allowed${by}, unless the unread managed session policies ${prep.unknownSessionPolicies.join(", ")} leave it out.`,
      evidence: { ...evidence, granting },
      fix: "Give the managed session policies (aws iam get-policy-version) so that they can be checked.",
      docUrl: LAYER_DOC.session
    };
  }
  return {
    decisionPoint: "identity-policy",
    status: "pass",
    class: "ok",
    message: `Allowed${by}.`,
    evidence: { ...evidence, granting }
  };
}

// src/checks/provider.ts
var CREATE_DOC = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html";
var API_DOC = "https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html";
function normalizeProviderUrl(url) {
  const bare = url.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, "");
  const slash = bare.indexOf("/");
  return slash < 0 ? bare.toLowerCase() : bare.slice(0, slash).toLowerCase() + bare.slice(slash);
}
var accountOf = (arn) => arn.split(":")[4] ?? "";
var code = (s) => `\`${s}\``;
function explainNearMiss(providers, want, roleAccount) {
  const host = (u) => u.split("/")[0] ?? u;
  for (const p of providers) {
    const url = normalizeProviderUrl(p.url);
    if (url === want && accountOf(p.arn) !== roleAccount) {
      return ` A provider for it exists in account ${accountOf(p.arn)}, but STS uses only providers in the role's account ${roleAccount}.`;
    }
    if (accountOf(p.arn) !== roleAccount) continue;
    if (url.replace(/\/$/, "") === want.replace(/\/$/, "")) {
      return ` The account has ${code(url)}, which differs only by a trailing slash from the token's issuer, and STS looks the provider up by the issuer exactly as written.`;
    }
    if (url.toLowerCase() === want.toLowerCase()) {
      return ` The account has ${code(url)}, which differs only in the letter case of its path, and a URL path is case-sensitive.`;
    }
    if (host(url) !== host(want)) continue;
    if (want.startsWith(`${url}/`)) {
      return ` The account has ${code(url)}, but this token's issuer carries a path (${code(want.slice(url.length))}), as GitHub's enterprise issuer does after include_enterprise_slug (${GITHUB_OIDC_DOCS.enterpriseIssuer}), so it needs a provider of its own.`;
    }
    if (url.startsWith(`${want}/`)) {
      return ` The account has ${code(url)}, a provider for an issuer with a path; this token's issuer has none.`;
    }
  }
  return "";
}
function checkOidcProvider(input) {
  const { providers, issuer, audience, roleAccount } = input;
  const want = normalizeProviderUrl(issuer);
  const arn = `arn:aws:iam::${roleAccount}:oidc-provider/${want}`;
  const make = (f) => ({
    id: `oidc-provider:${want}:${f.class}`,
    subject: `IAM OIDC provider ${want} in account ${roleAccount}`,
    decisionPoint: "oidc-provider",
    ...f
  });
  const evidence = { issuer, audience, account: roleAccount };
  if (providers === void 0) {
    return [
      make({
        status: "unverified",
        class: "oidc-provider-unknown",
        message: `The OIDC providers of account ${roleAccount} are not known, so whether STS accepts tokens from ${code(issuer)} could not be verified (fail closed).`,
        evidence,
        fix: `Give the output of \`aws iam get-open-id-connect-provider --open-id-connect-provider-arn ${arn}\`, or let the preflight call iam:ListOpenIDConnectProviders and iam:GetOpenIDConnectProvider.`,
        docUrl: CREATE_DOC
      })
    ];
  }
  const provider = providers.find((p) => accountOf(p.arn) === roleAccount && normalizeProviderUrl(p.url) === want);
  if (!provider) {
    const known = providers.filter((p) => accountOf(p.arn) === roleAccount).map((p) => normalizeProviderUrl(p.url));
    return [
      make({
        status: "fail",
        class: "no-oidc-provider",
        message: `Account ${roleAccount} has no IAM OIDC provider for ${code(issuer)}, so STS refuses the token with ${code(`InvalidIdentityToken: No OpenIDConnect provider found in your account for ${issuer}`)}.` + explainNearMiss(providers, want, roleAccount),
        evidence: { ...evidence, expectedProviderArn: arn, providersInAccount: known },
        fix: `aws iam create-open-id-connect-provider --url https://${want} --client-id-list ${audience}`,
        cause: "changed-trust-or-network-rule",
        wouldReturn: 401,
        docUrl: CREATE_DOC
      })
    ];
  }
  const withProvider = { ...evidence, providerArn: provider.arn, clientIds: [...provider.clientIds] };
  if (!provider.clientIds.includes(audience)) {
    const caseOnly = provider.clientIds.find((c) => c.toLowerCase() === audience.toLowerCase());
    return [
      make({
        status: "fail",
        class: "audience-not-registered",
        message: `The provider ${code(provider.arn)} does not list the audience ${code(audience)} among its client IDs (${provider.clientIds.map(code).join(", ") || "none"}), so STS refuses the token with ${code("InvalidIdentityToken: Incorrect token audience")}.` + (caseOnly ? ` ${code(caseOnly)} differs only in letter case, and client IDs are compared exactly.` : ""),
        evidence: withProvider,
        fix: `aws iam add-client-id-to-open-id-connect-provider --open-id-connect-provider-arn ${provider.arn} --client-id ${audience} (or request the token for one of the registered audiences with the \`audience\` input).`,
        cause: "changed-trust-or-network-rule",
        wouldReturn: 401,
        docUrl: API_DOC
      })
    ];
  }
  return [
    make({
      status: "pass",
      class: "ok",
      message: `Account ${roleAccount} has the OIDC provider ${code(provider.arn)}, and it accepts the audience ${code(audience)}.`,
      evidence: withProvider
    })
  ];
}

// src/checks/session.ts
var MIN_DURATION_SECONDS = 900;
var CHAINED_MAX_SECONDS = 3600;
var SESSION_POLICY_MAX_CHARS = 2048;
var MAX_MANAGED_SESSION_POLICIES = 10;
var SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
var API_DOC2 = "https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html";
var WEB_API_DOC = "https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html";
var CHAINING_DOC = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining";
var MAX_DURATION_DOC = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_update-role-settings.html#id_roles_update-session-duration";
var SESSION_POLICY_DOC = "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session";
var TAGS_DOC = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_permissions-required";
var code2 = (s) => `\`${s}\``;
var plural = (n, what) => `${n} ${what}${n === 1 ? "" : "s"}`;
function checkSession(input) {
  const { role, settings } = input;
  const drafts = [
    ...checkDuration(role, settings),
    ...checkSessionName(settings.sessionName),
    ...checkSessionPolicies(role, settings),
    ...checkTagSession(input),
    ...checkLifetime(input)
  ];
  const seen = /* @__PURE__ */ new Map();
  const make = (d) => {
    const { status, decisionPoint, ...rest } = d;
    const n = (seen.get(d.class) ?? 0) + 1;
    seen.set(d.class, n);
    return {
      id: `session:${role.name}:${d.class}${n > 1 ? `:${n}` : ""}`,
      subject: `session of role "${role.name}"`,
      status: status ?? "fail",
      decisionPoint: decisionPoint ?? "session",
      ...rest
    };
  };
  if (drafts.length > 0) return drafts.map(make);
  const policies = settings.inlineSessionPolicy || settings.managedSessionPolicyArns.length > 0;
  return [
    make({
      status: "pass",
      class: "ok",
      message: `STS would accept the session: ${describeDuration(settings.durationSeconds)} (the role allows ${describeDuration(settings.roleChaining ? Math.min(role.maxSessionDuration, CHAINED_MAX_SECONDS) : role.maxSessionDuration)}), session name ${code2(settings.sessionName)}` + (policies ? "; the session policies are within the plaintext limits (their packed size, PackedPolicySize, is known only to the live probe)" : "") + ".",
      evidence: {
        durationSeconds: settings.durationSeconds,
        maxSessionDuration: role.maxSessionDuration,
        sessionName: settings.sessionName,
        roleChaining: settings.roleChaining
      }
    })
  ];
}
function checkDuration(role, settings) {
  const d = settings.durationSeconds;
  const evidence = {
    durationSeconds: d,
    maxSessionDuration: role.maxSessionDuration,
    roleChaining: settings.roleChaining
  };
  const drafts = [];
  if (d < MIN_DURATION_SECONDS) {
    drafts.push({
      class: "duration-too-short",
      message: `role-duration-seconds is ${d}; STS requires at least ${MIN_DURATION_SECONDS} and refuses the call (ValidationError: "Member must have value greater than or equal to ${MIN_DURATION_SECONDS}").`,
      evidence,
      fix: `Set role-duration-seconds to at least ${MIN_DURATION_SECONDS}.`,
      docUrl: API_DOC2
    });
  }
  if (settings.roleChaining && d > CHAINED_MAX_SECONDS) {
    drafts.push({
      class: "chained-duration-too-long",
      message: `role-duration-seconds is ${d} (${describeDuration(d)}) with role chaining, which AWS limits to one hour: STS answers "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining."`,
      evidence,
      fix: `Set role-duration-seconds to at most ${CHAINED_MAX_SECONDS}, or assume the role directly with the OIDC token instead of chaining, which allows up to the role's MaxSessionDuration.`,
      docUrl: CHAINING_DOC
    });
  }
  if (d > role.maxSessionDuration) {
    drafts.push({
      class: "duration-too-long",
      message: `role-duration-seconds is ${d} (${describeDuration(d)}), above the role's MaxSessionDuration of ${role.maxSessionDuration} (${describeDuration(role.maxSessionDuration)}): STS answers "The requested DurationSeconds exceeds the MaxSessionDuration set for this role."`,
      evidence,
      fix: `Set role-duration-seconds to at most ${role.maxSessionDuration}, or raise the role's limit (up to 43200): aws iam update-role --role-name ${role.name} --max-session-duration ${Math.min(d, 43200)}`,
      docUrl: MAX_DURATION_DOC
    });
  }
  return drafts;
}
function checkSessionName(sessionName) {
  if (SESSION_NAME.test(sessionName)) return [];
  const offending = [...new Set(sessionName.replace(/[\w+=,.@-]/g, ""))];
  const suggestion = sessionName.replace(/[^\w+=,.@-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 64).padEnd(2, "_") || "GitHubActions";
  const problems = [
    ...offending.length > 0 ? [`it contains ${offending.map((c) => code2(c === " " ? "space" : c)).join(", ")}`] : [],
    ...sessionName.length < 2 || sessionName.length > 64 ? [`it is ${plural(sessionName.length, "character")} long`] : []
  ];
  return [
    {
      class: "invalid-session-name",
      message: `The session name ${code2(sessionName)} is not valid: ${problems.join(" and ")}, and STS accepts only letters, digits and ${code2("_+=,.@-")}, 2 to 64 characters (ValidationError: "Member must satisfy regular expression pattern: [\\w+=,.@-]*").`,
      evidence: { sessionName, offending, length: sessionName.length },
      fix: `Set role-session-name to a valid name, e.g. ${code2(suggestion)}; a name built from github.actor (such as dependabot[bot]) must be sanitized first.`,
      docUrl: WEB_API_DOC
    }
  ];
}
function checkSessionPolicies(role, settings) {
  const drafts = [];
  const arns = settings.managedSessionPolicyArns;
  const inline = settings.inlineSessionPolicy;
  const base = { decisionPoint: "session-policy", docUrl: API_DOC2 };
  if (inline) {
    const parsed = parsePolicy(
      inline.document,
      { name: inline.name, ...inline.file ? { file: inline.file } : {} },
      "identity"
    );
    if (!parsed.ok) {
      drafts.push({
        ...base,
        class: "invalid-session-policy",
        message: `The inline session policy is not a valid policy, so STS refuses the call (MalformedPolicyDocument): ${parsed.errors.map((e) => e.message).join("; ")}.`,
        evidence: { policy: inline.name, errors: parsed.errors.map((e) => e.message) },
        fix: "Correct the inline-session-policy document; it is an identity-based policy, without Principal.",
        docUrl: SESSION_POLICY_DOC
      });
    }
    const outside = [...new Set(JSON.stringify(inline.document).replace(/[\t\n\r\u0020-\u00ff]/g, ""))];
    if (outside.length > 0) {
      drafts.push({
        ...base,
        class: "invalid-session-policy",
        message: `The inline session policy holds characters STS does not accept in a session policy (${outside.map(code2).join(", ")}); only U+0020 to U+00FF, tab, line feed and carriage return are allowed.`,
        evidence: { policy: inline.name, characters: outside },
        fix: "Remove those characters from the inline session policy (they usually sit in a Sid or a resource name)."
      });
    }
  }
  const inlineChars = inline ? JSON.stringify(inline.document).length : 0;
  const arnChars = arns.reduce((sum, arn) => sum + arn.length, 0);
  if (inlineChars + arnChars > SESSION_POLICY_MAX_CHARS) {
    drafts.push({
      ...base,
      class: "session-policy-too-large",
      message: `The session policies take ${inlineChars + arnChars} characters of plaintext (inline policy ${inlineChars}, minified; managed policy ARNs ${arnChars}), over the ${SESSION_POLICY_MAX_CHARS} AWS allows for both together.`,
      evidence: { inlineChars, arnChars, limit: SESSION_POLICY_MAX_CHARS },
      fix: "Shorten the inline session policy (wildcards in actions and resources, fewer statements), or move part of it into a managed policy passed with managed-session-policies."
    });
  }
  if (arns.length > MAX_MANAGED_SESSION_POLICIES) {
    drafts.push({
      ...base,
      class: "session-policy-too-large",
      message: `${plural(arns.length, "managed session policy ARN")} are given; STS accepts at most ${MAX_MANAGED_SESSION_POLICIES}.`,
      evidence: { managedSessionPolicies: arns.length, limit: MAX_MANAGED_SESSION_POLICIES },
      fix: "Combine the managed session policies into fewer policies, or use the inline session policy for part of them."
    });
  }
  const foreign = arns.filter((arn) => !["aws", role.accountId].includes(arn.split(":")[4] ?? ""));
  if (foreign.length > 0) {
    drafts.push({
      ...base,
      class: "invalid-session-policy",
      message: `Managed session policies must be in the role's account (${role.accountId}) or be AWS managed: ${foreign.map(code2).join(", ")} is not.`,
      evidence: { foreign },
      fix: `Create the policy in account ${role.accountId} and pass that ARN instead.`
    });
  }
  return drafts;
}
function checkTagSession(input) {
  const { role, settings, chainedFrom } = input;
  const keys = Object.keys(settings.sessionTags);
  if (!settings.roleChaining || keys.length === 0) return [];
  const trust = role.trustPolicy;
  const parsed = parsePolicy(
    trust.document,
    { name: trust.name, ...trust.file ? { file: trust.file } : {} },
    "resource"
  );
  const base = { decisionPoint: "sts-trust", class: "tag-session-denied", docUrl: TAGS_DOC };
  const evidence = { roleArn: role.arn, tagKeys: keys };
  const fix = `Add "sts:TagSession" to the Action of the trust statement that lets ${chainedFrom ? code2(chainedFrom) : "the first role"} assume ${code2(role.name)}, or set role-skip-session-tagging: true.`;
  if (!parsed.ok) {
    return [
      {
        ...base,
        status: "unverified",
        message: `The trust policy of ${code2(role.name)} could not be read: ${parsed.errors.map((e) => e.message).join("; ")}.`,
        evidence,
        fix
      }
    ];
  }
  const context = { "aws:TagKeys": keys };
  for (const [k, v] of Object.entries(settings.sessionTags)) context[`aws:RequestTag/${k}`] = v;
  const request = {
    action: "sts:TagSession",
    resource: role.arn,
    context,
    ...chainedFrom ? { principal: chainedFrom } : {}
  };
  const result = evaluate(compilePolicySet({ identityPolicies: [], resourcePolicy: parsed.policy }), request, {
    explain: "full"
  });
  const trustLayer = result.explanation.layers.find((l) => l.layer === "resource");
  const denied = {
    ...base,
    message: `Role chaining passes ${plural(keys.length, "session tag")} (${keys.map(code2).join(", ")}), and the trust policy of ${code2(role.name)} does not allow sts:TagSession${chainedFrom ? ` for ${code2(chainedFrom)}` : ""}: STS answers AccessDenied, "not authorized to perform: sts:TagSession".`,
    evidence,
    fix,
    cause: "changed-trust-or-network-rule",
    wouldReturn: 403
  };
  if (chainedFrom) return trustLayer?.result === "allowed" ? [] : [denied];
  const covering = (trustLayer?.statements ?? []).filter((s) => s.ref.effect === "Allow" && s.mismatch !== "action");
  if (covering.length === 0) return [denied];
  return [
    {
      ...base,
      status: "unverified",
      message: `The trust policy of ${code2(role.name)} allows sts:TagSession in ${plural(covering.length, "statement")}, but the chaining caller is unknown, so whether they cover it could not be verified.`,
      evidence,
      fix: "Give the ARN of the session that chains (the first role assumed), so its Principal and Condition can be evaluated."
    }
  ];
}
function checkLifetime(input) {
  const { settings, role, now } = input;
  const expected = settings.expectedDurationSeconds;
  const lasts = settings.durationSeconds;
  if (expected === void 0 || lasts >= expected) return [];
  const cap = settings.roleChaining ? Math.min(CHAINED_MAX_SECONDS, role.maxSessionDuration) : 43200;
  const fix = expected <= cap ? `Set role-duration-seconds to at least ${expected}${expected > role.maxSessionDuration ? ` and raise the role's MaxSessionDuration: aws iam update-role --role-name ${role.name} --max-session-duration ${expected}` : ""}.` : `A session cannot last ${describeDuration(expected)}${settings.roleChaining ? " with role chaining (one hour at most)" : " (12 hours at most)"}: split the deploy, or assume the role again before ${formatEpoch(now + lasts)}.`;
  return [
    {
      class: "session-too-short",
      message: `The session lasts ${describeDuration(lasts)}, but the deploy is expected to run ${describeDuration(expected)}: credentials issued at ${formatEpoch(now)} expire at ${formatEpoch(now + lasts)}, ${describeDuration(expected - lasts)} before it ends, and later calls fail with ExpiredToken.`,
      evidence: { durationSeconds: lasts, expectedDurationSeconds: expected, expiresAt: formatEpoch(now + lasts) },
      fix,
      cause: "expired-or-rotated-credential",
      wouldReturn: 401,
      docUrl: WEB_API_DOC
    }
  ];
}

// src/checks/trust-request.ts
var STS_KEYS_DOC = "https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecuritytokenservice.html#awssecuritytokenservice-policy-keys";
var TAGS_DOC2 = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html";
var ACTION = "sts:AssumeRoleWithWebIdentity";
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function claimValue(claims, claim) {
  const v = claims[claim];
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (!Array.isArray(v)) return void 0;
  const strings = v.filter((x) => typeof x === "string");
  return strings.length === 1 && claim !== "amr" ? strings[0] : strings.length > 0 ? strings : void 0;
}
function tokenTags(claims) {
  const claim = claims["https://aws.amazon.com/tags"];
  const tags = {};
  const principal = isObject(claim) ? claim.principal_tags : void 0;
  if (isObject(principal)) {
    for (const [k, v] of Object.entries(principal)) {
      const value = Array.isArray(v) ? v[0] : v;
      if (typeof value === "string") tags[k] = value;
    }
  }
  const t = isObject(claim) ? claim.transitive_tag_keys : void 0;
  return { tags, transitive: Array.isArray(t) ? t.filter((x) => typeof x === "string") : [] };
}
function buildWebIdentityRequest(input) {
  const { role, settings, claims, issuer, catalog, now } = input;
  const known = populatedKeysForOidcProvider(catalog, issuer);
  const prefix = /\/$/.test(issuer.trim()) ? `${known.prefix}/` : known.prefix;
  const keys = known.keys.map((k) => `${prefix}${k.slice(known.prefix.length)}`);
  const partition = role.arn.split(":")[1] || "aws";
  const providerArn = `arn:${partition}:iam::${role.accountId}:oidc-provider/${prefix}`;
  const context = {};
  for (const key of keys) {
    const claim = key.slice(prefix.length + 1);
    let value = claimValue(claims, claim);
    if (claim === "oaud") value = claimValue(claims, "aud");
    if (claim === "aud" && prefix === "accounts.google.com") value = claimValue(claims, "azp") ?? value;
    if (claim === "amr" && typeof value === "string") value = [value];
    if (value !== void 0) context[key] = value;
  }
  context["aws:FederatedProvider"] = providerArn;
  context["sts:RoleSessionName"] = settings.sessionName;
  context["aws:SecureTransport"] = "true";
  if (settings.region) context["aws:RequestedRegion"] = settings.region;
  if (now !== void 0) {
    context["aws:CurrentTime"] = new Date(now * 1e3).toISOString().replace(".000Z", "Z");
    context["aws:EpochTime"] = String(Math.floor(now));
  }
  const sourceIdentity = claims["https://aws.amazon.com/source_identity"];
  if (typeof sourceIdentity === "string") context["sts:SourceIdentity"] = sourceIdentity;
  const fromToken = tokenTags(claims);
  const tags = input.sessionTags ?? fromToken.tags;
  for (const [k, v] of Object.entries(tags)) context[`aws:RequestTag/${k}`] = v;
  if (Object.keys(tags).length > 0) context["aws:TagKeys"] = Object.keys(tags);
  if (fromToken.transitive.length > 0) context["sts:TransitiveTagKeys"] = fromToken.transitive;
  const request = { principal: providerArn, action: ACTION, resource: role.arn, context };
  const populated = new Set(keys.map((k) => k.toLowerCase()));
  const base = { providerArn, prefix, populated, request, tags };
  return Object.keys(tags).length > 0 ? { ...base, tagRequest: { ...request, action: "sts:TagSession" } } : base;
}

// src/checks/trust-probe.ts
var STRING_OPS_DOC = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String";
var code3 = (s) => `\`${s}\``;
var list = (values) => values.map(code3).join(" or ");
function readConditions(statement) {
  const block = isObject(statement) ? statement.Condition : void 0;
  if (!isObject(block)) return [];
  return Object.entries(block).flatMap(
    ([op, keys]) => isObject(keys) ? Object.entries(keys).map(([key, raw]) => ({
      op,
      key,
      raw,
      values: (Array.isArray(raw) ? raw : [raw]).map(String)
    })) : []
  );
}
function holds(c, version, request) {
  const Statement = {
    Effect: "Allow",
    Principal: "*",
    Action: request.action,
    Condition: { [c.op]: { [c.key]: c.raw } }
  };
  const parsed = parsePolicy({ ...version ? { Version: version } : {}, Statement }, { name: "probe" }, "resource");
  if (!parsed.ok) return false;
  return evaluate(compilePolicySet({ identityPolicies: [], resourcePolicy: parsed.policy }), request).decision === "allowed";
}
var KNOWN_KEYS = /^(aws:requesttag\/.*|aws:tagkeys|sts:transitivetagkeys|sts:sourceidentity|sts:rolesessionname)$/;
function readContextValue(key, request) {
  const context = request.context ?? {};
  const found = Object.keys(context).find((k) => k.toLowerCase() === key.toLowerCase());
  const value = found === void 0 ? void 0 : context[found];
  return Array.isArray(value) ? value.join(", ") : value;
}
function classifyKey(key, wi) {
  const lower = key.toLowerCase();
  if (Object.keys(wi.request.context ?? {}).some((k) => k.toLowerCase() === lower))
    return { kind: "present", hint: "" };
  if (wi.populated.has(lower) || KNOWN_KEYS.test(lower)) return { kind: "claim-missing", hint: "" };
  const at = key.lastIndexOf(":");
  const qualifier = key.slice(0, at).toLowerCase();
  const claim = key.slice(at + 1);
  if (qualifier === "aws" || qualifier === "sts") return { kind: "unknown", hint: "" };
  const own = `${wi.prefix}:${claim}`;
  if (qualifier !== wi.prefix.toLowerCase() && qualifier.includes(".") && wi.populated.has(own.toLowerCase())) {
    return { kind: "unpopulated", hint: `this token's provider is ${code3(wi.prefix)}, so the key is ${code3(own)}` };
  }
  const claims = [...wi.populated].map((k) => k.slice(k.lastIndexOf(":") + 1));
  const near = claims.filter((c) => editDistance(c, claim.toLowerCase(), 3) <= 3 || c.startsWith(claim.toLowerCase()));
  if (near.length > 0) return { kind: "unpopulated", hint: `use ${list(near.map((c) => `${wi.prefix}:${c}`))}` };
  const alternatives = claims.includes("job_workflow_ref") ? ["sub", "job_workflow_ref"] : ["sub"];
  const hint = `restrict with ${list(alternatives.map((c) => `${wi.prefix}:${c}`))} or another key AWS sets for this provider (${claims.join(", ")})`;
  return { kind: "unpopulated", hint };
}
function probe(statement, policy, wi, request) {
  return readConditions(statement).map((c) => {
    const ok = holds(c, policy.version, request);
    const { kind, hint } = classifyKey(c.key, wi);
    const actual = readContextValue(c.key, request);
    const like = /^(ForAnyValue:|ForAllValues:)?String(Equals|Like)(IfExists)?$/.exec(c.op);
    const caseOnly = !ok && like !== null && actual !== void 0 && c.values.some(
      (v) => like[2] === "Like" ? compileGlob(v, true)(actual) : v.toLowerCase() === actual.toLowerCase()
    );
    return { ...c, holds: ok, kind, caseOnly, hint };
  });
}
function describeCondition(p, wi, claims, met = false) {
  const claim = p.key.slice(p.key.lastIndexOf(":") + 1);
  const where = `${code3(p.op)} on ${code3(p.key)}`;
  if (p.kind === "unpopulated") return `${where} tests a key AWS never sets for this provider (${p.hint})`;
  if (p.kind === "unknown") return `${where} depends on a value STS sets at call time that the preflight cannot know`;
  if (p.kind === "claim-missing") {
    const why = claim === "environment" && isGitHubToken(claims) ? " (the job references no environment)" : "";
    const none = wi.populated.has(p.key.toLowerCase()) ? `the token has no ${code3(claim)} claim${why}` : `the request has no ${code3(p.key)}`;
    return `${none}, and ${where} ${met ? "holds without it" : `requires ${list(p.values)}`}`;
  }
  const shown = code3(readContextValue(p.key, wi.request) ?? "");
  if (met) return `${claim} is ${shown}, which meets ${code3(p.op)} ${list(p.values)}`;
  const verb = /Not/.test(p.op) ? "excludes" : "allows";
  const caseNote = p.caseOnly ? `; only letter case differs, and ${code3(p.op)} compares case-sensitively` : "";
  return `${claim} is ${shown}, the trust policy ${verb} ${list(p.values)} (${code3(p.op)}${caseNote})`;
}

// src/checks/trust.ts
var OIDC_ROLE_DOC = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html";
var IF_EXISTS_DOC = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IfExists";
var EVAL_DOC = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html";
var STS_DENIED = `AccessDenied: Not authorized to perform ${ACTION}`;
var name = (ref) => `Statement[${ref.index}]${ref.sid ? ` ("${ref.sid}")` : ""}`;
var REFUSED = { cause: "changed-trust-or-network-rule", wouldReturn: 403 };
function checkTrust(input) {
  const { role, claims } = input;
  const trust = role.trustPolicy;
  const make = ({ status, ...draft }, suffix) => ({
    id: `trust:${role.name}:${draft.class}${suffix ? `:${suffix}` : ""}`,
    subject: `trust policy of role "${role.name}"`,
    status: status ?? "fail",
    decisionPoint: "sts-trust",
    ...trust.file ? { location: { file: trust.file, ...trust.line ? { line: trust.line } : {} } } : {},
    ...draft
  });
  const parsed = parsePolicy(
    trust.document,
    { name: trust.name, ...trust.file ? { file: trust.file } : {} },
    "resource"
  );
  if (!parsed.ok) {
    const errors = parsed.errors.map((e) => e.message);
    return [
      make({
        status: "unverified",
        class: "invalid-trust-policy",
        message: `The trust policy could not be evaluated: ${errors.join("; ")}.`,
        evidence: { roleArn: role.arn, errors },
        fix: "Give the trust policy exactly as IAM stores it (aws iam get-role prints it as AssumeRolePolicyDocument).",
        docUrl: OIDC_ROLE_DOC
      })
    ];
  }
  const wi = buildWebIdentityRequest(input);
  const set = compilePolicySet({ identityPolicies: [], resourcePolicy: parsed.policy });
  const result = evaluate(set, wi.request, { explain: "full" });
  const raw = rawStatements(trust.document);
  const evidence = {
    roleArn: role.arn,
    provider: wi.providerArn,
    ...typeof claims.sub === "string" ? { sub: claims.sub } : {},
    ...typeof claims.aud === "string" ? { aud: claims.aud } : {},
    decision: result.decision
  };
  const probes = (ref) => probe(raw[ref.index], parsed.policy, wi, wi.request);
  const ctx = { input, wi, policy: parsed.policy, evidence, make, probes };
  const details = result.explanation.layers.find((l) => l.layer === "resource")?.statements ?? [];
  const deciding = result.explanation.deciding;
  if (result.decision === "explicit-deny") return [explicitDeny(ctx, deciding)];
  if (result.decision === "implicit-deny") {
    const candidates = details.filter((d) => d.ref.effect === "Allow" && d.mismatch === "condition").map((d) => d.ref);
    return [candidates.length > 0 ? implicitDeny(ctx, candidates) : noStatement(ctx)];
  }
  const findings = [
    make({
      status: "pass",
      class: "ok",
      message: `The trust policy lets this token assume the role: ${deciding.map(name).join(", ")} allows ${ACTION} for ${code3(wi.providerArn)}.`,
      evidence: { ...evidence, statements: deciding.map(name) }
    })
  ];
  const unmatchedDenies = details.filter((d) => d.ref.effect === "Deny" && d.mismatch === "condition");
  const uncertain = [];
  for (const ref of [...deciding, ...unmatchedDenies.map((d) => d.ref)]) {
    const all = probes(ref);
    for (const p of all.filter((x) => x.kind === "unpopulated" && x.holds === (ref.effect === "Allow"))) {
      findings.push(silentKey(ctx, p, ref));
    }
    const unknown = all.filter((p) => p.kind === "unknown");
    const turns = ref.effect === "Allow" ? deciding.every((r) => probes(r).some((p) => p.kind === "unknown")) : all.every((p) => p.holds || p.kind === "unknown");
    if (unknown.length > 0 && turns)
      uncertain.push(`${name(ref)} (${unknown.map((p) => `${p.op} ${p.key}`).join(", ")})`);
  }
  if (uncertain.length > 0) {
    findings.push(
      make({
        ...REFUSED,
        status: "unverified",
        class: "trust-unverifiable",
        message: `The trust policy allows this token only if conditions on values STS sets at call time hold, which the preflight cannot know: ${uncertain.join("; ")}.`,
        evidence: { ...evidence, statements: uncertain },
        fix: "Confirm with the live probe (sts:AssumeRoleWithWebIdentity), or drop the condition on a key only STS knows at call time.",
        docUrl: EVAL_DOC
      })
    );
  }
  if (wi.tagRequest && evaluate(set, wi.tagRequest).decision !== "allowed") findings.push(tagDenied(ctx, deciding));
  return findings;
}
function explicitDeny(ctx, denies) {
  const met = denies.flatMap((ref) => ctx.probes(ref));
  const unknown = met.some((p) => p.kind === "unknown");
  const silent = met.some((p) => p.kind === "unpopulated");
  const because = met.map((p) => describeCondition(p, ctx.wi, ctx.input.claims, true)).join("; ");
  const names = denies.map(name).join(", ");
  return ctx.make({
    ...REFUSED,
    status: unknown ? "unverified" : "fail",
    class: unknown ? "trust-unverifiable" : silent ? "unpopulated-condition-key" : "trust-denied",
    message: `${names} explicitly denies ${ACTION} to this token, and an explicit Deny overrides every Allow.${because ? ` Its conditions hold: ${because}.` : ""}`,
    evidence: { ...ctx.evidence, statements: denies.map(name), stsError: STS_DENIED },
    fix: `Narrow or remove the Deny in ${names} if this run should be trusted; otherwise run the deploy from a context it does not cover.`,
    docUrl: silent ? IF_EXISTS_DOC : EVAL_DOC
  });
}
function implicitDeny(ctx, candidates) {
  const { claims } = ctx.input;
  const failing = candidates.map((ref) => ({ ref, fails: ctx.probes(ref).filter((p) => !p.holds) }));
  const all = failing.flatMap((f) => f.fails);
  const cls = classifyDenial(all);
  const subFail = all.find((p) => p.kind === "present" && /:sub$/i.test(p.key) && !/Not/.test(p.op));
  const pattern = subFail ? closest(String(claims.sub), subFail.values) : void 0;
  const github = isGitHubToken(claims) && pattern !== void 0;
  const lines = failing.map(
    (f) => `${name(f.ref)}: ${f.fails.map((p) => describeCondition(p, ctx.wi, claims)).join("; ")}`
  );
  const docs = {
    "unpopulated-condition-key": STS_KEYS_DOC,
    "trust-case-mismatch": STRING_OPS_DOC
  };
  return ctx.make({
    ...REFUSED,
    status: cls === "trust-unverifiable" ? "unverified" : "fail",
    class: cls,
    message: `No statement of the trust policy allows this token (STS answers ${code3(STS_DENIED)}). ${lines.join(". ")}.` + (github ? ` ${explainSubjectMismatch(claims, pattern)}` : ""),
    evidence: {
      ...ctx.evidence,
      statements: candidates.map(name),
      conditions: all.map((p) => `${p.op} ${p.key}`),
      stsError: STS_DENIED
    },
    fix: deniedFix(cls, all, github ? suggestSubjectFix(claims, pattern) : void 0),
    docUrl: docs[cls] ?? OIDC_ROLE_DOC
  });
}
function rawStatements(doc) {
  const s = isObject(doc) ? doc.Statement : void 0;
  return Array.isArray(s) ? s : s === void 0 ? [] : [s];
}
function closest(actual, patterns) {
  const shared = (p) => [...p, ""].findIndex((ch, i) => ch !== actual[i]);
  return patterns.reduce(
    (best, p) => best === void 0 || shared(p) > shared(best) ? p : best,
    void 0
  );
}
function classifyDenial(all) {
  if (all.some((p) => p.kind === "unknown")) return "trust-unverifiable";
  if (all.length === 0) return "trust-denied";
  if (all.every((p) => p.kind === "unpopulated")) return "unpopulated-condition-key";
  return all.every((p) => p.caseOnly) ? "trust-case-mismatch" : "trust-denied";
}
function deniedFix(cls, all, subFix) {
  if (cls === "trust-unverifiable")
    return "Confirm with the live probe (sts:AssumeRoleWithWebIdentity), or drop the condition on a key only STS knows at call time.";
  if (cls === "unpopulated-condition-key")
    return `AWS never sets these keys, so the condition never holds: ${all.map((p) => `for ${code3(p.key)}, ${p.hint}`).join("; ")}.`;
  if (cls === "trust-case-mismatch")
    return `Write the values in the exact letter case of the token's claims (${all.map((p) => code3(p.key)).join(", ")}), or use StringEqualsIgnoreCase.`;
  const others = all.filter((p) => !/:sub$/i.test(p.key)).map((p) => code3(p.key));
  const rest = others.length > 0 ? `Make ${others.join(", ")} accept this run's values, or run the job where its claims match.` : "";
  return [subFix, rest].filter(Boolean).join(" ");
}
function silentKey(ctx, p, ref) {
  const what = ref.effect === "Allow" ? "so the condition is always true and the statement allows tokens it was meant to refuse" : "so the Deny never applies";
  return ctx.make(
    {
      class: "unpopulated-condition-key",
      message: `${name(ref)} tests ${code3(p.key)} with ${code3(p.op)}, a key AWS never sets for this provider, ${what}: the restriction has no effect.`,
      evidence: { ...ctx.evidence, statement: name(ref), key: p.key, operator: p.op },
      fix: `Restrict with a key AWS sets for this provider: for ${code3(p.key)}, ${p.hint}.`,
      docUrl: IF_EXISTS_DOC
    },
    `${ref.index}:${p.key}`
  );
}
function tagDenied(ctx, granting) {
  const keys = Object.keys(ctx.wi.tags);
  return ctx.make({
    ...REFUSED,
    class: "tag-session-denied",
    message: `The call passes session tags (${keys.map(code3).join(", ")}), so STS also needs sts:TagSession, which the trust policy does not allow.`,
    evidence: { ...ctx.evidence, tagKeys: keys, stsError: "AccessDenied: Not authorized to perform sts:TagSession" },
    fix: `Add "sts:TagSession" to the Action of ${granting.map(name).join(", ")}.`,
    docUrl: TAGS_DOC2
  });
}
function noStatement(ctx) {
  const { wi, input } = ctx;
  const notes = ctx.policy.statements.flatMap(
    (s) => (s.principal ?? []).flatMap((p) => {
      if (p.kind !== "federated") return [];
      const ref = `Statement[${s.index}]${s.sid ? ` ("${s.sid}")` : ""}`;
      if (p.name === wi.providerArn) return [`${ref} names the provider but not ${ACTION}`];
      if (p.name.endsWith(`:oidc-provider/${wi.prefix}`))
        return [
          `${ref} names the provider in another account (${code3(p.name)}); STS uses the one in the role's account`
        ];
      return [`${ref} trusts ${code3(p.name)}, not this token's provider`];
    })
  );
  const aud = typeof input.claims.aud === "string" ? input.claims.aud : input.settings.audience;
  const sub = typeof input.claims.sub === "string" ? input.claims.sub : "repo:OWNER/REPO:ref:refs/heads/main";
  const statement = {
    Effect: "Allow",
    Principal: { Federated: wi.providerArn },
    Action: wi.tagRequest ? [ACTION, "sts:TagSession"] : ACTION,
    Condition: { StringEquals: { [`${wi.prefix}:aud`]: aud, [`${wi.prefix}:sub`]: sub } }
  };
  return ctx.make({
    ...REFUSED,
    class: "no-trust-statement",
    message: `No statement of the trust policy allows ${ACTION} for the OIDC provider ${code3(wi.providerArn)}${notes.length > 0 ? `: ${notes.join("; ")}` : ""}.`,
    evidence: { ...ctx.evidence, stsError: STS_DENIED },
    fix: `Add this statement to the trust policy (aws iam update-assume-role-policy): ${JSON.stringify(statement)}`,
    docUrl: OIDC_ROLE_DOC
  });
}

// src/pipeline/aws.ts
function unverified(id, subject, point, message, fix) {
  return {
    id,
    subject,
    decisionPoint: point,
    class: "could-not-verify",
    status: "unverified",
    message,
    evidence: {},
    fix
  };
}
async function gatherInventory(config, deps) {
  const { settings, sources } = config;
  const findings = [];
  let inventory = { roles: [] };
  let assumedMaxSession = [];
  let listedProviders = [];
  if (sources.policyFiles.length > 0) {
    const { loadAwsFiles } = await import("./aws-files-PDHKQNGE.js");
    const loaded = await loadAwsFiles(sources.policyFiles, {
      roleArns: [settings.roleArn],
      durationSeconds: settings.durationSeconds,
      ...deps.cwd ? { cwd: deps.cwd } : {}
    });
    inventory = loaded.inventory;
    findings.push(...loaded.findings);
    assumedMaxSession = loaded.assumedMaxSessionDuration;
    listedProviders = loaded.listedOidcProviderArns;
  }
  const account = settings.roleArn.split(":")[4] ?? "";
  const hasRole = inventory.roles.some((r) => r.arn === settings.roleArn);
  if (sources.liveReads && (!hasRole || inventory.oidcProviders === void 0)) {
    const { createIamReader } = await import("./aws-iam-JZITFZIE.js");
    const endpoint = deps.env.AWS_ENDPOINT_URL_IAM ?? deps.env.AWS_ENDPOINT_URL;
    const reader = createIamReader({
      ...endpoint ? { endpoint } : {},
      ...settings.region ? { region: settings.region } : {}
    });
    const [role, providers] = await Promise.all([
      hasRole ? void 0 : reader.readRole(settings.roleArn),
      inventory.oidcProviders === void 0 ? reader.readOidcProviders(account) : void 0
    ]);
    if (role && !role.ok) findings.push(...role.findings);
    if (providers && !providers.ok) findings.push(...providers.findings);
    inventory = {
      ...inventory,
      roles: role?.ok ? [...inventory.roles, role.role] : inventory.roles,
      ...providers?.ok ? { oidcProviders: providers.providers } : {}
    };
  }
  return { inventory, findings, assumedMaxSession, listedProviders };
}
function providersFor(inventory, listed, issuer, account) {
  if (inventory.oidcProviders !== void 0 || listed.length === 0) return inventory.oidcProviders;
  const want = `arn:aws:iam::${account}:oidc-provider/${normalizeProviderUrl(issuer)}`;
  return listed.some((arn) => arn.replace(/^arn:aws[a-z-]*:/, "arn:aws:") === want) ? void 0 : [];
}
function checkChainedTrust(role, settings, source, inventory) {
  const subject = `role ${role.arn}`;
  if (!source) {
    return [
      unverified(
        `aws:${role.arn}:chained-trust-unverifiable`,
        subject,
        "sts-trust",
        "The role is assumed by role chaining, but no source role is configured, so its trust policy cannot be evaluated.",
        "List the role that is assumed first (with the GitHub token) in the configuration file under aws.roles, before the chained role."
      )
    ];
  }
  const sessionArn = `arn:aws:sts::${source.accountId}:assumed-role/${source.name}/${settings.sessionName}`;
  const actions = Object.keys(settings.sessionTags).length > 0 ? ["sts:AssumeRole", "sts:TagSession"] : ["sts:AssumeRole"];
  const identity = [...source.inlinePolicies, ...source.managedPolicies];
  const findings = [];
  for (const action of actions) {
    const result = simulateChain(role, source, identity, action, sessionArn, inventory);
    findings.push(result);
  }
  return findings;
}
function simulateChain(role, source, identity, action, sessionArn, inventory) {
  const parse = (p, kind) => parsePolicy(p.document, { name: p.name, ...p.file ? { file: p.file } : {} }, kind);
  const parsed = [...identity.map((p) => parse(p, "identity"))];
  const boundary = source.permissionsBoundary ? parse(source.permissionsBoundary, "identity") : void 0;
  const trust = parse(role.trustPolicy, "resource");
  const scps = (inventory.scps ?? []).map((level) => level.map((p) => parse(p, "identity")));
  const bad = [...parsed, trust, ...boundary ? [boundary] : [], ...scps.flat()].find((r) => !r.ok);
  const subject = `role ${role.arn}`;
  if (bad && !bad.ok) {
    return unverified(
      `aws:${role.arn}:chained-trust-unverifiable:${action}`,
      subject,
      "sts-trust",
      `A policy needed to evaluate the chain could not be parsed: ${bad.errors[0]?.message ?? "invalid policy"}.`,
      "Fix the policy document named in the message."
    );
  }
  const ok = (r) => r.ok ? [r.policy] : [];
  const set = compilePolicySet({
    identityPolicies: parsed.flatMap(ok),
    permissionsBoundary: boundary?.ok ? boundary.policy : void 0,
    scps: scps.map((level) => level.flatMap(ok)),
    resourcePolicy: trust.ok ? trust.policy : void 0
  });
  const result = evaluate(set, { principal: sessionArn, action, resource: role.arn });
  const base = { subject, evidence: { source: sessionArn, action, decision: result.decision } };
  if (result.decision === "allowed") {
    return {
      ...base,
      id: `aws:${role.arn}:chained-trust:${action}`,
      decisionPoint: "sts-trust",
      class: "ok",
      status: "pass",
      message: `${source.name}'s session may ${action} into ${role.name} by role chaining.`
    };
  }
  const layer = result.explanation.decidingLayer;
  return {
    ...base,
    id: `aws:${role.arn}:chained-trust-denied:${action}`,
    decisionPoint: layer === "resource" || layer === void 0 ? "sts-trust" : layer === "scp" ? "scp" : layer === "permissions-boundary" ? "permissions-boundary" : "identity-policy",
    class: "chained-trust-denied",
    status: "fail",
    wouldReturn: 403,
    cause: "changed-trust-or-network-rule",
    message: `${source.name}'s session may not ${action} into ${role.name}: ${result.explanation.reason}`,
    fix: layer === "resource" ? `Add to ${role.name}'s trust policy: {"Effect":"Allow","Principal":{"AWS":"${source.arn}"},"Action":"${action}"}.` : `Allow ${action} on ${role.arn} in ${source.name}'s policies.`
  };
}
async function checkAws(config, identity, deps) {
  return (await checkAwsRole(config, identity, deps)).findings;
}
async function checkAwsRoles(configs, identity, deps) {
  const direct = configs.filter((c) => !c.settings.roleChaining);
  const first = await Promise.all(direct.map((c) => checkAwsRole(c, identity, deps)));
  const chainSource = first.find((r) => r.role)?.role;
  const chained = await Promise.all(
    configs.filter((c) => c.settings.roleChaining).map((c) => checkAwsRole(c, identity, { ...deps, ...chainSource ? { chainSource } : {} }))
  );
  return [...first, ...chained].map((r) => r.findings);
}
async function checkAwsRole(config, identity, deps) {
  const { settings } = config;
  const [{ inventory, findings, assumedMaxSession, listedProviders }, catalog] = await Promise.all([
    gatherInventory(config, deps),
    deps.loadCatalog()
  ]);
  const subject = `role ${settings.roleArn}`;
  const role = inventory.roles.find((r) => r.arn === settings.roleArn);
  if (!role) {
    findings.push(
      unverified(
        `aws:${settings.roleArn}:role-unknown`,
        subject,
        "sts-trust",
        `The role ${settings.roleArn} is in none of the policy files${config.sources.liveReads ? " and could not be read from IAM" : ""}, so its trust and permissions cannot be verified.`,
        config.sources.liveReads ? "Fix the read error reported above (the credentials must be allowed to read the role), or add its `aws iam get-role` output to policy-files." : "Add its `aws iam get-role` (or get-account-authorization-details) output to policy-files, or set aws-live-reads: true with credentials that may read it."
      )
    );
    return { findings };
  }
  const now = deps.now();
  if (settings.roleChaining) {
    findings.push(...checkChainedTrust(role, settings, deps.chainSource, inventory));
  } else if (identity) {
    findings.push(
      ...checkOidcProvider({
        providers: providersFor(inventory, listedProviders, identity.issuer, role.accountId),
        issuer: identity.issuer,
        audience: settings.audience,
        roleAccount: role.accountId
      }),
      ...checkTrust({ role, settings, claims: identity.claims, issuer: identity.issuer, catalog, now })
    );
  } else {
    findings.push(
      unverified(
        `aws:${settings.roleArn}:trust-unverifiable`,
        subject,
        "sts-trust",
        "There is no verified GitHub OIDC token to evaluate the role trust policy against (see the token findings).",
        "Fix the GitHub OIDC token first: the trust policy is evaluated against its claims."
      )
    );
  }
  const assumed = assumedMaxSession.includes(role.arn);
  findings.push(...checkSession({ role, settings, now }).filter((f) => !(assumed && f.class === "duration-too-long")));
  let sessionArn;
  if (config.sources.probe && identity?.raw && !settings.roleChaining) {
    const { probeAssumeRole } = await import("./aws-sts-N4HVPU7W.js");
    const endpoint = deps.env.AWS_ENDPOINT_URL_STS ?? deps.env.AWS_ENDPOINT_URL;
    const inline = settings.inlineSessionPolicy ? JSON.stringify(settings.inlineSessionPolicy.document) : void 0;
    const probe2 = await probeAssumeRole(
      {
        roleArn: settings.roleArn,
        webIdentityToken: identity.raw,
        sessionName: settings.sessionName,
        durationSeconds: settings.durationSeconds,
        ...inline ? { policy: inline } : {},
        ...settings.managedSessionPolicyArns.length ? { policyArns: settings.managedSessionPolicyArns } : {}
      },
      { mask: deps.mask, ...endpoint ? { endpoint } : {}, ...settings.region ? { region: settings.region } : {} }
    );
    findings.push(...probe2.findings);
    if (probe2.ok) sessionArn = probe2.assumedRoleArn;
  }
  const permissionsInput = {
    role,
    permissions: config.permissions,
    settings,
    inventory,
    catalog,
    now,
    ...sessionArn ? { sessionArn } : {}
  };
  findings.push(...checkPermissions(permissionsInput));
  if (config.sources.crossCheck) findings.push(...await crossCheckWithIam(permissionsInput, deps));
  return { findings, role };
}
async function crossCheckWithIam(input, deps) {
  const requests = buildPermissionRequests(input).filter((r) => r !== void 0);
  if (requests.length === 0) return [];
  const { simulatePrincipalPolicyLive } = await import("./aws-simulate-EES2ADFA.js");
  const endpoint = deps.env.AWS_ENDPOINT_URL_IAM ?? deps.env.AWS_ENDPOINT_URL;
  const { region } = input.settings;
  const simulation = await simulatePrincipalPolicyLive(
    { policySourceArn: input.role.arn, permissions: requests },
    { catalog: input.catalog, ...endpoint ? { endpoint } : {}, ...region ? { region } : {} }
  );
  const pairs = requests.map((request, i) => ({ request, answer: simulation.answers[i] }));
  return [...simulation.findings, ...crossCheckPermissions({ role: input.role, scps: input.inventory.scps, pairs })];
}
export {
  checkAws,
  checkAwsRoles
};
