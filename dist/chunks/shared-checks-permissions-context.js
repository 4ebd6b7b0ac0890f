import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  compilePolicySet,
  parsePolicy
} from "./shared-iam-arn.js";
import {
  partitionData,
  regionIsKnown
} from "./shared-checks-session-region.js";
import {
  finding
} from "./shared-model-finding-classes.js";
import {
  trustConflict
} from "./shared-model-aws.js";
import {
  MAX_JSON_DEPTH,
  valueTooDeep
} from "./shared-text-json-depth.js";

// src/checks/permissions/context.ts
var GLOBAL_SERVICES = /* @__PURE__ */ new Set(["iam", "cloudfront", "route53", "support"]);
function globalServiceRegion(service, partition) {
  if (partition === "aws") return "us-east-1";
  return service === "iam" ? partitionData(`arn:${partition}:`)?.iamRegion : void 0;
}
var S3_BUCKET_ARN = /^arn:[^:]+:s3:::[^/]/;
function regionOfCall(service, action, resource, partition, configured) {
  if (GLOBAL_SERVICES.has(service)) return globalServiceRegion(service, partition);
  if (service === "s3" && S3_BUCKET_ARN.test(resource) && action.toLowerCase() !== "createbucket") return void 0;
  return configured;
}
function unknownKeyHint(key, resource) {
  if (key.toLowerCase() !== "aws:requestedregion" || !S3_BUCKET_ARN.test(resource)) return void 0;
  return "aws:RequestedRegion of a call on an S3 bucket or object is the bucket's Region, where S3 sends the call; the bucket's ARN does not name it";
}
var ORG_POLICY_ARN = /^arn:[^:]+:organizations::(\d{12}):policy\/(o-[a-z0-9]{10,32})\//;
function organizationId(inventory) {
  const ids = /* @__PURE__ */ new Set();
  for (const levels of [inventory.scps ?? [], inventory.rcps ?? []]) {
    for (const level of levels) {
      for (const policy of level) {
        const id = policy.arn?.match(ORG_POLICY_ARN)?.[2];
        if (id) ids.add(id);
      }
    }
  }
  return ids.size === 1 ? [...ids][0] : void 0;
}
function managementAccount(inventory) {
  const accounts = /* @__PURE__ */ new Set();
  for (const levels of [inventory?.scps ?? [], inventory?.rcps ?? []]) {
    for (const level of levels) {
      for (const policy of level) {
        const account = policy.arn?.match(ORG_POLICY_ARN)?.[1];
        if (account) accounts.add(account);
      }
    }
  }
  return accounts.size === 1 ? [...accounts][0] : void 0;
}
function orgLayersFor(inventory, roleAccount, resourceAccount) {
  const mgmt = managementAccount(inventory);
  if (mgmt === void 0) return inventory;
  const scps = mgmt === roleAccount;
  const rcps = mgmt === resourceAccount;
  if (!scps && !rcps) return inventory;
  const unread = (inventory.unreadOrgLayers ?? []).filter((l) => l === "scp" ? !scps : !rcps);
  return {
    ...inventory,
    ...scps ? { scps: [] } : {},
    ...rcps ? { rcps: [] } : {},
    ...inventory.unreadOrgLayers ? { unreadOrgLayers: unread } : {}
  };
}
function sessionPrincipal(input) {
  const { role, settings } = input;
  const partition = role.arn.split(":")[1] || "aws";
  if (input.sessionArn) return input.sessionArn;
  if (settings.sessionName === void 0) return role.arn;
  return `arn:${partition}:sts::${role.accountId}:assumed-role/${role.name}/${settings.sessionName}`;
}
function buildContext(input, p, action) {
  const { role, settings } = input;
  const entries = /* @__PURE__ */ new Map();
  const put = (key, value) => entries.set(key.toLowerCase(), [key, value]);
  put("aws:PrincipalArn", role.arn);
  put("aws:PrincipalAccount", role.accountId);
  put("aws:PrincipalType", "AssumedRole");
  put("aws:PrincipalIsAWSService", "false");
  if (role.roleId && settings.sessionName !== void 0) put("aws:userid", `${role.roleId}:${settings.sessionName}`);
  const orgId = organizationId(input.inventory);
  if (orgId) put("aws:PrincipalOrgID", orgId);
  put("aws:SecureTransport", "true");
  put("aws:CurrentTime", new Date(Math.floor(input.now) * 1e3).toISOString().replace(".000Z", "Z"));
  put("aws:EpochTime", String(Math.floor(input.now)));
  const arnRegion = p.resource.split(":")[3]?.replace(/.*[*?].*/, "");
  const partition = role.arn.split(":")[1] || "aws";
  const configured = settings.region !== void 0 && regionIsKnown(role.arn, settings.region) ? settings.region : void 0;
  const region = arnRegion || regionOfCall(action.service, action.name, p.resource, partition, configured);
  if (region) put("aws:RequestedRegion", region);
  const tags = { ...role.tags, ...settings.sessionTags };
  for (const [k, v] of Object.entries(tags)) put(`aws:PrincipalTag/${k}`, v);
  for (const pairs of [input.context ?? {}, p.context])
    for (const [key, value] of Object.entries(pairs)) put(key, value);
  const absent = new Set((p.absent ?? []).map((key) => key.toLowerCase()));
  for (const key of absent) entries.delete(key);
  const context = {};
  for (const [key, value] of entries.values()) context[key] = value;
  const known = (key) => entries.has(key.toLowerCase()) || absent.has(key.toLowerCase()) || role.tags !== void 0 && key.toLowerCase().startsWith("aws:principaltag/");
  return { context, known };
}

// src/checks/permissions/policies.ts
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
var entryKey = (layer, level, name) => `${layer} ${level ?? ""} ${name}`;
var AWS_POLICY_LIMITS = {
  managed: 6144,
  inline: 10240,
  trust: 8192,
  "organizations-policy": 5120
};
function policySize(document) {
  return JSON.stringify(document)?.length ?? 0;
}
function parseDocument(doc, kind, sizeKind) {
  const source = { name: doc.name, ...doc.file ? { file: doc.file } : {} };
  if (valueTooDeep(doc.document)) {
    const message = `${doc.name} nests deeper than ${MAX_JSON_DEPTH} levels, which no policy does`;
    return { ok: false, errors: [{ code: "too-deep", path: "", message, source }] };
  }
  if (sizeKind) {
    const size = policySize(doc.document);
    const limit = AWS_POLICY_LIMITS[sizeKind];
    if (size > limit) {
      const message = `${doc.name} is ${size} characters, over the ${limit} AWS stores for ${SIZE_KIND_NAME[sizeKind]}`;
      return { ok: false, errors: [{ code: "policy-too-large", path: "", message, source }] };
    }
  }
  return parsePolicy(doc.document, source, kind);
}
var SIZE_KIND_NAME = {
  managed: "a managed policy",
  inline: "a role's inline policies together",
  trust: "a role trust policy",
  "organizations-policy": "an SCP or RCP"
};
function tooLarge(result) {
  return result.ok ? void 0 : result.errors.find((e) => e.code === "policy-too-large")?.message;
}
function sizeKindOf(layer, doc) {
  if (layer === "scp" || layer === "rcp") return "organizations-policy";
  if (doc.arn && /^arn:[^:]+:iam::aws:policy\//.test(doc.arn)) return void 0;
  if (layer === "permissions-boundary" || doc.arn) return "managed";
  return layer === "identity" ? "inline" : void 0;
}
function tooLargeFinding(layer, level, doc, message) {
  return finding("policy-too-large", {
    id: `permissions:policy-too-large:${layer}${level ?? ""}:${doc.name}`,
    subject: `policy ${doc.name}`,
    decisionPoint: POINT[layer],
    status: "unverified",
    // Not a credential that changed: the copy given is not one AWS could hold.
    cause: null,
    message: `${message}, so it is not what AWS holds, and permissions that depend on it cannot be verified.`,
    evidence: { policy: doc.name, size: policySize(doc.document) },
    fix: `Give ${doc.name} exactly as AWS prints it (aws iam get-policy-version, get-role-policy or organizations describe-policy): this copy was edited after it was read.`,
    ...locationOf(doc)
  });
}
function parseInto(out, layer, level, doc, kind) {
  const result = parseDocument(doc, kind, sizeKindOf(layer, doc));
  const entry = { doc, policy: result.ok ? result.policy : void 0 };
  const large = tooLarge(result);
  if (large) out.push(tooLargeFinding(layer, level, doc, large));
  else if (!result.ok) {
    out.push(
      finding("invalid-policy", {
        id: `permissions:invalid-policy:${layer}${level ?? ""}:${doc.name}`,
        subject: `policy ${doc.name}`,
        decisionPoint: POINT[layer],
        status: "unverified",
        message: `${doc.name} could not be read, so permissions that depend on it cannot be verified: ${result.errors.slice(0, 3).map((e) => e.message).join("; ")}.`,
        evidence: { policy: doc.name, errors: result.errors.map((e) => e.message) },
        fix: `Correct ${doc.name}; IAM refuses documents with these errors, so the copy given may be damaged or edited.`,
        docUrl: `${IAM}/reference_policies_grammar.html`,
        ...locationOf(doc)
      })
    );
  }
  return entry;
}
function sessionPolicyFix(unread) {
  const [first] = unread;
  const arn = unread.length === 1 && first ? first : "ARN";
  const each = unread.length === 1 ? "" : ", for each";
  return `Give the ${unread.length === 1 ? "document" : "documents"} of ${unread.join(", ")} in the policy files${each}: \`aws iam get-policy --policy-arn ${arn} > FILE.json\`, then \`aws iam get-policy-version --policy-arn ${arn} --version-id V >> FILE.json\` with V its DefaultVersionId (docs/policy-folder.md).`;
}
function sessionDocuments(settings, inventory, findings) {
  const known = /* @__PURE__ */ new Map();
  for (const r of inventory.roles) for (const m of r.managedPolicies) if (m.arn) known.set(m.arn, m);
  for (const m of inventory.managedPolicies ?? []) if (m.arn && !known.has(m.arn)) known.set(m.arn, m);
  const sessionDocs = settings.inlineSessionPolicy ? [settings.inlineSessionPolicy] : [];
  const unknownSessionPolicies = [];
  for (const arn of settings.managedSessionPolicyArns) {
    const doc = known.get(arn);
    if (doc) sessionDocs.push(doc);
    else unknownSessionPolicies.push(arn);
  }
  for (const arn of unknownSessionPolicies) {
    findings.push(
      finding("session-policy-unreadable", {
        id: `permissions:session-policy-unreadable:${arn}`,
        subject: `managed session policy ${arn}`,
        decisionPoint: "session-policy",
        status: "unverified",
        message: `The managed session policy ${arn} could not be read, so what it allows the session, and what it denies, is unknown.`,
        evidence: { policyArn: arn },
        fix: sessionPolicyFix([arn]),
        docUrl: LAYER_DOC.session
      })
    );
  }
  return { sessionDocs, unknownSessionPolicies };
}
function inlineOverLimit(role, findings) {
  const inlineSize = role.inlinePolicies.reduce((sum, doc) => sum + policySize(doc.document), 0);
  if (inlineSize <= AWS_POLICY_LIMITS.inline) return false;
  const [first] = role.inlinePolicies;
  const message = `The inline policies of ${role.name} are ${inlineSize} characters together, over the ${AWS_POLICY_LIMITS.inline} AWS stores for a role's inline policies together`;
  if (first) findings.push(tooLargeFinding("identity", void 0, { ...first, name: `${role.name}/inline` }, message));
  return true;
}
function preparePolicies(role, settings, inventory) {
  const findings = [];
  const entries = /* @__PURE__ */ new Map();
  const broken = [];
  const read = (layer, level, docs, kind) => docs.flatMap((doc) => {
    const entry = parseInto(findings, layer, level, doc, kind);
    entries.set(entryKey(layer, level, doc.name), entry);
    if (!entry.policy) broken.push(doc.name);
    return entry.policy ? [entry.policy] : [];
  });
  const { sessionDocs, unknownSessionPolicies } = sessionDocuments(settings, inventory, findings);
  const inlineTooLarge = inlineOverLimit(role, findings);
  if (inlineTooLarge) broken.push(...role.inlinePolicies.map((doc) => doc.name));
  const boundary = role.permissionsBoundary ? read("permissions-boundary", void 0, [role.permissionsBoundary], "identity") : [];
  const base = compilePolicySet({
    identityPolicies: read(
      "identity",
      void 0,
      [...inlineTooLarge ? [] : role.inlinePolicies, ...role.managedPolicies],
      "identity"
    ),
    permissionsBoundary: boundary[0],
    sessionPolicies: read("session", void 0, sessionDocs, "identity"),
    scps: (inventory.scps ?? []).map((docs, level) => read("scp", level, docs, "identity")),
    rcps: (inventory.rcps ?? []).map((docs, level) => read("rcp", level, docs, "control"))
  });
  const withoutRcps = { ...base, rcps: [] };
  return { findings, entries, broken, unknownSessionPolicies, withRcps: base, withoutRcps, resources: /* @__PURE__ */ new Map() };
}
var TRUST_ACTIONS = /* @__PURE__ */ new Set(["sts:assumerole", "sts:tagsession", "sts:setsourceidentity"]);
var trustModels = /* @__PURE__ */ new WeakMap();
function findResourcePolicy(inventory, resource, action) {
  const list = inventory.resourcePolicies ?? [];
  return list.find((rp) => rp.resourceArn === resource) ?? list.find((rp) => /^arn:[^:]+:s3:::[^/]+$/.test(rp.resourceArn) && resource.startsWith(`${rp.resourceArn}/`)) ?? (action !== void 0 && TRUST_ACTIONS.has(action.toLowerCase()) ? trustOf(inventory, resource) : void 0);
}
function trustOf(inventory, arn) {
  const role = inventory.roles.find((r) => r.arn === arn);
  if (!role || trustConflict(role)) return void 0;
  let model = trustModels.get(role);
  if (!model) {
    model = { resourceArn: role.arn, accountId: role.accountId, policy: role.trustPolicy };
    trustModels.set(role, model);
  }
  return model;
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
function locationOf(doc, index) {
  if (!doc?.file) return {};
  const line = (index !== void 0 ? doc.statementLines?.[index] : void 0) ?? doc.line;
  return { location: { file: doc.file, ...line !== void 0 ? { line } : {} } };
}
function rcpLayer(inventory, declared, roleAccount, resourceAccount) {
  if (declared?.organizations === "none")
    return { levels: [], notRead: false, broken: [], none: "organizations: none" };
  if (!inventory?.rcps) return { levels: [], notRead: true, broken: [] };
  const layers = orgLayersFor(inventory, roleAccount, resourceAccount);
  if (layers.rcps?.length === 0 && inventory.rcps.length > 0)
    return { levels: [], notRead: false, broken: [], none: `account ${resourceAccount} is the management account` };
  const broken = [];
  const levels = (layers.rcps ?? []).map(
    (level) => level.flatMap((doc) => {
      const parsed = parseDocument(doc, "control", "organizations-policy");
      if (parsed.ok) return [parsed.policy];
      broken.push({ doc, errors: parsed.errors.map((e) => e.message) });
      return [];
    })
  );
  const unread = layers.unreadOrgLayers?.includes("rcp") === true || broken.length > 0;
  return { levels, notRead: unread, broken };
}

export {
  unknownKeyHint,
  orgLayersFor,
  sessionPrincipal,
  buildContext,
  IAM,
  POINT,
  LAYER_DOC,
  entryKey,
  parseDocument,
  sessionPolicyFix,
  preparePolicies,
  findResourcePolicy,
  readResourcePolicy,
  locationOf,
  rcpLayer
};
