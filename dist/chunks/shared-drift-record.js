import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  jsonTooDeep
} from "./shared-text-json-depth.js";

// src/drift/record.ts
import { createHash } from "node:crypto";

// src/drift/normalise.ts
var SETS = /* @__PURE__ */ new Set(["Action", "NotAction", "Resource", "NotResource"]);
function normalisePolicy(document) {
  if (!isObject(document)) return document;
  const out = sortKeys(document, 0);
  if ("Statement" in out && !Array.isArray(out.Statement)) out.Statement = [out.Statement];
  if (Array.isArray(out.Statement)) out.Statement = out.Statement.map(normaliseStatement);
  return out;
}
function normaliseStatement(statement) {
  if (!isObject(statement)) return statement;
  const out = { ...statement };
  for (const key of Object.keys(out)) {
    const value = out[key];
    if (SETS.has(key) && (typeof value === "string" || Array.isArray(value))) out[key] = asSortedSet(value);
  }
  if (isObject(out.Condition)) {
    const condition = {};
    for (const [op, block] of Object.entries(out.Condition)) {
      condition[op] = isObject(block) ? Object.fromEntries(Object.entries(block).map(([k, v]) => [k, asSortedSet(v)])) : block;
    }
    out.Condition = condition;
  }
  return out;
}
function asSortedSet(value) {
  const values = Array.isArray(value) ? value : [value];
  if (!values.every((v) => typeof v === "string" || typeof v === "number" || typeof v === "boolean")) return value;
  return [...new Set(values.map(String))].sort();
}
var MAX_DEPTH = 64;
function sortKeys(value, depth) {
  if (depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((v) => sortKeys(v, depth + 1));
  if (!isObject(value)) return value;
  const out = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeys(value[key], depth + 1);
  return out;
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function statementsOf(document) {
  const statements = isObject(document) ? document.Statement : void 0;
  return Array.isArray(statements) ? statements : [];
}
var SHOWN = 400;
function shown(value) {
  const text = JSON.stringify(value) ?? "undefined";
  return text.length > SHOWN ? `${text.slice(0, SHOWN - 1)}\u2026` : text;
}
function label(index, statement) {
  const sid = isObject(statement) && typeof statement.Sid === "string" ? ` (Sid "${statement.Sid}")` : "";
  return `statement ${index}${sid}`;
}
function diffStatements(before, after) {
  const a = statementsOf(before).map((s, i) => ({ s, i, json: JSON.stringify(s) }));
  const b = statementsOf(after).map((s, i) => ({ s, i, json: JSON.stringify(s) }));
  const same = new Set(a.map((x) => x.json).filter((json) => b.some((y) => y.json === json)));
  const left = a.filter((x) => !same.has(x.json));
  const right = b.filter((y) => !same.has(y.json));
  const lines = [];
  const sid = (s) => isObject(s) && typeof s.Sid === "string" ? s.Sid : void 0;
  for (const x of left) {
    const partner = right.find(
      (y) => sid(x.s) !== void 0 ? sid(y.s) === sid(x.s) : sid(y.s) === void 0 && y.i === x.i
    );
    if (!partner) {
      lines.push(`- removed ${label(x.i, x.s)}: ${shown(x.s)}`);
      continue;
    }
    right.splice(right.indexOf(partner), 1);
    lines.push(`~ changed ${label(partner.i, partner.s)}: ${elementChanges(x.s, partner.s).join("; ")}`);
  }
  for (const y of right) lines.push(`+ added ${label(y.i, y.s)}: ${shown(y.s)}`);
  if (lines.length === 0 && JSON.stringify(before) !== JSON.stringify(after)) {
    lines.push(`~ changed outside its statements: ${shown(before)} \u2192 ${shown(after)}`);
  }
  return lines;
}
function elementChanges(before, after) {
  const x = isObject(before) ? before : {};
  const y = isObject(after) ? after : {};
  const keys = [.../* @__PURE__ */ new Set([...Object.keys(x), ...Object.keys(y)])].sort();
  return keys.filter((k) => JSON.stringify(x[k]) !== JSON.stringify(y[k])).map((k) => `${k}: ${k in x ? shown(x[k]) : "(none)"} \u2192 ${k in y ? shown(y[k]) : "(none)"}`);
}

// src/drift/record.ts
var BASELINE_VERSION = 1;
function buildRecord(input) {
  const { report, seen } = input;
  const permissions = report.findings.flatMap(permissionOf);
  const deciding = new Set(permissions.flatMap((p) => p.statements.map(policyOfStatement)));
  const digest = input.digest ?? sha256;
  const policies = seen.roles.flatMap((r) => policiesOf(r, digest, input.copies === "all" ? void 0 : deciding));
  const identity = identityOf(seen);
  return {
    ...headerOf(report),
    scope: input.scope,
    ...identity ? { identity } : {},
    roles: dedupeRoles(seen.roles.map(roleOf)),
    policies: dedupe(policies),
    permissions,
    credentials: report.findings.flatMap(credentialOf),
    providers: providersOf(seen),
    decisions: report.findings.map(decisionOf)
  };
}
function holdsDocuments(record) {
  return !FROM_REPORT.has(record);
}
var FROM_REPORT = /* @__PURE__ */ new WeakSet();
function headerOf(report) {
  return {
    version: BASELINE_VERSION,
    kind: "permission-preflight-baseline",
    tool: report.tool,
    recordedAt: report.generatedAt,
    result: report.result
  };
}
function recordFromReport(report) {
  const credentials = report.findings.flatMap(credentialOf);
  const github = credentials.find((c) => c.issuer !== void 0 && c.sub !== void 0);
  const record = {
    ...headerOf(report),
    scope: {},
    ...github?.issuer && github.sub ? { identity: { issuer: github.issuer, sub: github.sub, aud: github.aud ?? [], claims: {} } } : {},
    roles: [],
    policies: [],
    permissions: report.findings.flatMap(permissionOf),
    credentials,
    decisions: report.findings.map(decisionOf)
  };
  FROM_REPORT.add(record);
  return record;
}
var sha256 = (text) => `sha256:${createHash("sha256").update(text, "utf8").digest("hex")}`;
function policyOfStatement(ref) {
  const at = ref.lastIndexOf(" statement ");
  return at < 0 ? ref : ref.slice(0, at);
}
var CHANGES_EVERY_RUN = /* @__PURE__ */ new Set([
  "aws:currenttime",
  "aws:epochtime",
  "aws:tokenissuetime",
  "aws:multifactorauthage"
]);
var str = (v) => typeof v === "string" ? v : void 0;
var list = (v) => Array.isArray(v) ? v.filter((x) => typeof x === "string") : typeof v === "string" ? [v] : [];
function isPermissionFinding(f) {
  return (f.id.startsWith("permissions:") || f.id.includes(":permissions:")) && typeof f.evidence.action === "string" && typeof f.evidence.resource === "string";
}
function decisionKey(f) {
  return f.id.endsWith(`:${f.class}`) ? f.id.slice(0, -f.class.length - 1) : f.id;
}
function decisionOf(f) {
  const role = str(f.evidence.roleArn);
  const sub = str(f.evidence.sub);
  return {
    key: decisionKey(f),
    decisionPoint: f.decisionPoint,
    status: f.status,
    class: f.class,
    ...role ? { role } : {},
    ...sub ? { sub } : {}
  };
}
function permissionOf(f) {
  const e = f.evidence;
  const action = str(e.action);
  const resource = str(e.resource);
  if (!isPermissionFinding(f) || !action || !resource || str(e.decision) === void 0) return [];
  return [
    {
      principal: str(e.principal) ?? "",
      action,
      resource,
      context: list(e.context).filter((kv) => !CHANGES_EVERY_RUN.has(kv.slice(0, kv.indexOf("=")).toLowerCase())),
      status: f.status,
      class: f.class,
      decision: str(e.decision) ?? "",
      statements: [...list(e.granting), ...list(e.statements)]
    }
  ];
}
function credentialOf(f) {
  if (f.decisionPoint !== "token" && f.decisionPoint !== "identity-provider") return [];
  const e = f.evidence;
  const issuer = str(e.iss);
  const sub = str(e.sub);
  return [
    {
      id: f.id,
      subject: f.subject,
      status: f.status,
      class: f.class,
      ...issuer ? { issuer } : {},
      ...sub ? { sub } : {},
      ...e.aud !== void 0 ? { aud: list(e.aud) } : {}
    }
  ];
}
function roleOf({ settings }) {
  return {
    arn: settings.roleArn,
    // Empty: not known before the run (src/model/aws.ts); a run's own roles always have one.
    sessionName: settings.sessionName ?? "",
    durationSeconds: settings.durationSeconds,
    audience: settings.audience,
    roleChaining: settings.roleChaining,
    sessionPolicyArns: settings.managedSessionPolicyArns
  };
}
function dedupeRoles(roles) {
  const seen = /* @__PURE__ */ new Set();
  return roles.filter((r) => {
    const key = JSON.stringify(r);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
function providersOf(seen) {
  const byArn = /* @__PURE__ */ new Map();
  for (const { inventory } of seen.roles) {
    for (const p of inventory.oidcProviders ?? []) {
      if (byArn.has(p.arn)) continue;
      byArn.set(p.arn, {
        arn: p.arn,
        url: p.url,
        clientIds: [...p.clientIds],
        thumbprints: [...p.thumbprints ?? []]
      });
    }
  }
  return [...byArn.values()];
}
var AWS_MANAGED = /^arn:[^:]+:iam::aws:policy\//;
function policiesOf(seen, digest, keep) {
  const { role, inventory, settings } = seen;
  const out = [];
  const add = (layer, doc, level) => {
    if (!doc) return;
    const normal = normalisePolicy(doc.document);
    const text = JSON.stringify(normal) ?? "null";
    const copy = keep === void 0 || keep.has(doc.name) || !AWS_MANAGED.test(doc.arn ?? "");
    out.push({
      role: role.arn,
      layer,
      ...level !== void 0 ? { level } : {},
      name: doc.name,
      ...doc.arn ? { arn: doc.arn } : {},
      source: sourceOf(doc),
      ...doc.versionId ? { versionId: doc.versionId } : {},
      ...doc.versionDate ? { versionDate: doc.versionDate } : {},
      digest: digest(text),
      ...copy ? { document: normal } : {}
    });
  };
  add("trust", role.trustPolicy);
  for (const doc of [...role.inlinePolicies, ...role.managedPolicies]) add("identity", doc);
  add("permissions-boundary", role.permissionsBoundary);
  add("session", settings.inlineSessionPolicy);
  (inventory.scps ?? []).forEach((docs, level) => {
    for (const doc of docs) add("scp", doc, level);
  });
  (inventory.rcps ?? []).forEach((docs, level) => {
    for (const doc of docs) add("rcp", doc, level);
  });
  for (const rp of inventory.resourcePolicies ?? []) add("resource", rp.policy);
  return out;
}
function sourceOf(doc) {
  if (doc.file) return `${doc.file}${doc.line ? `:${doc.line}` : ""}`;
  return doc.source ?? "live IAM read";
}
function dedupe(entries) {
  const seen = /* @__PURE__ */ new Set();
  return entries.filter((e) => {
    const key = policyKey(e);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
var policyKey = (e) => `${e.role} ${e.layer} ${e.level ?? ""} ${e.name}`;
function identityOf(seen) {
  const claims = seen.claims;
  const issuer = str(claims?.iss);
  if (!claims || !issuer) return void 0;
  const host = issuer.replace(/^https:\/\//, "").replace(/\/$/, "");
  const read = /* @__PURE__ */ new Set();
  for (const { role } of seen.roles) {
    for (const key of conditionKeys(role.trustPolicy.document)) {
      if (key.toLowerCase().startsWith(`${host.toLowerCase()}:`)) read.add(key.slice(host.length + 1));
    }
  }
  const picked = {};
  for (const name of [...read].sort()) {
    const value = claims[name];
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
      picked[name] = String(value);
  }
  return { issuer, sub: str(claims.sub) ?? "", aud: list(claims.aud), claims: picked };
}
function conditionKeys(document) {
  const statements = document?.Statement;
  const all = Array.isArray(statements) ? statements : [statements];
  return all.flatMap((s) => {
    const condition = s?.Condition;
    if (!condition || typeof condition !== "object") return [];
    return Object.values(condition).flatMap(
      (block) => block && typeof block === "object" ? Object.keys(block) : []
    );
  });
}

// src/drift/classify.ts
var ENTITLEMENT_POINTS = /* @__PURE__ */ new Set(["identity-policy", "permissions-boundary", "scp", "rcp"]);
var TRUST_POINTS = /* @__PURE__ */ new Set(["identity-provider", "token", "oidc-provider", "sts-trust", "session"]);
var MAX_CHANGES = 20;
function unchangedHint(since) {
  return `the identity, the policies and the request are as in ${since}, so the cause is likely in the application or outside the preflight's view: a network rule (a VPC endpoint policy, a security group, an IP allow-list), a resource that changed (deleted, re-created, moved to another account or region, its key disabled), or a credential the application reads itself. Check the failing call in the job log (\`permission-preflight explain LOG\`), and the resource's own state`;
}
function classifyDrift(findings, current, baseline) {
  const identity = [
    ...identityChanges(current.identity, baseline.identity),
    ...roleChanges(current.roles, baseline.roles)
  ];
  const policiesKnown = holdsDocuments(current) && holdsDocuments(baseline) && baseline.policies.length > 0;
  const policies = policiesKnown ? policyChanges(current.policies, baseline.policies) : [];
  const trust = policies.filter((p) => p.layer === "trust");
  const providers = current.providers && baseline.providers && holdsDocuments(current) ? providerChanges(current.providers, baseline.providers, current.roles.length > 0) : [];
  const gone = policiesKnown ? rolesGone(current, baseline) : [];
  const decisions = new Map((baseline.decisions ?? []).map((d) => [d.key, d]));
  const since = baseline.result === "pass" ? "the last passing run" : "the earlier run";
  const context = {
    current,
    baseline,
    since,
    identity,
    policies,
    trust,
    policiesKnown,
    providers,
    gone,
    decisions
  };
  return findings.filter((f) => f.status !== "pass").map((f) => ({ findingId: f.id, ...classifyOne(f, context) }));
}
function notCompared(findings, reason) {
  return findings.filter((f) => f.status !== "pass").map((f) => ({
    findingId: f.id,
    kind: "not-recorded",
    summary: `no record was compared with: ${reason}`,
    changes: []
  }));
}
function classifyOne(f, c) {
  if (isPermissionFinding(f)) return classifyPermission(f, c);
  if (f.decisionPoint === "token" || f.decisionPoint === "identity-provider") return classifyCredential(f, c);
  const before = c.decisions.get(decisionKey(f));
  const file = policyFileChange(f, c);
  if (file) return file;
  if (TRUST_POINTS.has(f.decisionPoint)) {
    const trust = trustOf(f, c, before);
    if (trust) return trust;
  }
  const role = roleOfFinding(f);
  const gone = c.gone.filter((g) => role === void 0 || g.arn === role);
  if (gone.length > 0) {
    return policyDrift(
      c.policies.filter((p) => gone.some((g) => g.arn === (p.before ?? p.after)?.role)),
      `${gone.map((g) => g.arn).join(", ")} ${gone.length === 1 ? "was" : "were"} read in ${c.since} (${c.baseline.recordedAt}) and ${gone.length === 1 ? "is" : "are"} not found now`,
      gone.map(describeGone)
    );
  }
  if (c.policies.length > 0) return policyDrift(c.policies, `a policy the run reads changed since ${c.since}`);
  if (c.identity.length > 0) return trustChange(c, []);
  if (!covered(c, before)) return notRecorded(f, c);
  return unchanged(c, before);
}
function roleOfFinding(f) {
  if (typeof f.evidence.roleArn === "string") return f.evidence.roleArn;
  return /arn:[^:\s]+:iam::\d{12}:role\/[^:\s]+/.exec(f.id)?.[0];
}
function trustOf(f, c, before) {
  const role = roleOfFinding(f);
  const trust = c.trust.filter((p) => role === void 0 || (p.before ?? p.after)?.role === role);
  const sub = typeof f.evidence.sub === "string" ? f.evidence.sub : void 0;
  const subChanged = before?.sub !== void 0 && sub !== void 0 && before.sub !== sub;
  const gone = c.gone.filter((g) => role === void 0 || g.arn === role);
  const extra = [
    ...subChanged ? [`sub of ${f.subject}: ${before?.sub} \u2192 ${sub}`] : [],
    ...c.providers,
    ...gone.map(describeGone)
  ];
  if (c.identity.length === 0 && trust.length === 0 && extra.length === 0) return void 0;
  const what = [
    ...subChanged ? ["the token's sub GitHub would issue"] : [],
    ...c.providers.length > 0 ? ["the OIDC provider"] : [],
    ...gone.length > 0 ? [`the role (${gone.length === 1 ? "it is" : "they are"} not found now)`] : []
  ];
  return trustChange(c, trust, extra, what);
}
function policyFileChange(f, c) {
  const file = typeof f.evidence.file === "string" ? f.evidence.file : void 0;
  if (!file || f.decisionPoint !== "config") return void 0;
  const gave = c.baseline.policies.filter((p) => p.source === file || p.source.startsWith(`${file}:`));
  if (gave.length === 0) {
    if (c.baseline.decisions === void 0 || c.decisions.has(decisionKey(f)) || c.baseline.result !== "pass")
      return void 0;
    return policyDrift(
      [],
      `${c.since} (${c.baseline.recordedAt}) read the policy files without this finding: ${file} was added or changed since`,
      [`${file}: ${f.class} now, no finding in ${c.since}`]
    );
  }
  const names = [...new Set(gave.map((p) => p.name))];
  const changed = c.policies.filter((p) => p.before && gave.includes(p.before));
  return policyDrift(
    changed,
    `${file} gave ${names.length === 1 ? "the policy" : `${names.length} policies`} ${names.slice(0, 3).join(", ")}${names.length > 3 ? ", \u2026" : ""} in ${c.since} (${c.baseline.recordedAt}) and is not read as it was then (${f.class})`,
    [`${file}: read in ${c.since}, ${f.class} now`]
  );
}
function covered(c, before) {
  if (before) return true;
  if (c.baseline.decisions !== void 0) return false;
  return c.baseline.roles.length > 0 || c.baseline.policies.length > 0;
}
function notRecorded(f, c) {
  return {
    kind: "not-recorded",
    summary: `${c.since} (${c.baseline.recordedAt}) did not record ${f.subject}: the record holds no decision of it, so whether it changed is not known (compare with a record made by a run that checked it)`,
    changes: []
  };
}
function classifyCredential(f, c) {
  const before = c.baseline.credentials.find((e) => e.subject === f.subject);
  const now = c.current.credentials.find((e) => e.id === f.id);
  const changed = [];
  if (before && now) {
    if (now.issuer !== void 0 && before.issuer !== now.issuer)
      changed.push(`issuer: ${before.issuer} \u2192 ${now.issuer}`);
    if (now.sub !== void 0 && before.sub !== now.sub) changed.push(`sub: ${before.sub} \u2192 ${now.sub}`);
    const audBefore = (before.aud ?? []).join(",");
    const audNow = (now.aud ?? []).join(",");
    if (now.aud !== void 0 && audBefore !== audNow) changed.push(`aud: ${audBefore} \u2192 ${audNow}`);
  }
  if (changed.length > 0) {
    return {
      kind: "trust-or-identity-change",
      summary: `${f.subject} changed its identity since ${c.since} (${c.baseline.recordedAt})`,
      changes: changed
    };
  }
  if (before?.status === "pass" || f.cause === "expired-or-rotated-credential") {
    return {
      kind: "expired-or-rotated-credential",
      summary: `${f.subject} ${before?.status === "pass" ? `was valid in ${c.since}` : `was not checked in ${c.since}`} (${c.baseline.recordedAt}) and is not now (${f.class}): it expired, was revoked or was rotated`,
      changes: [`${f.class} (was ${before ? `${before.class}, ${before.status}` : "not checked"})`]
    };
  }
  if (!before) return notRecorded(f, c);
  return unchanged(c, before);
}
function classifyPermission(f, c) {
  const e = f.evidence;
  const before = c.baseline.permissions.find(
    (p) => p.action === e.action && p.resource === e.resource && (p.principal === e.principal || c.baseline.roles.length === 0)
  );
  if (!before) {
    if (c.baseline.decisions === void 0 && c.baseline.permissions.length === 0 && c.baseline.roles.length === 0)
      return notRecorded(f, c);
    return {
      kind: "new-request",
      summary: `${e.action} on ${e.resource} was not checked in ${c.since} (${c.baseline.recordedAt}): a new permission, so nothing to compare it with`,
      changes: []
    };
  }
  const contextChanges = requestChanges(before.context, Array.isArray(e.context) ? e.context : []);
  if (contextChanges.length > 0) {
    return {
      kind: "new-request",
      summary: `the request for ${e.action} on ${e.resource} is not the one ${c.since} (${c.baseline.recordedAt}) checked: its context changed`,
      changes: contextChanges
    };
  }
  const relevant = relevantChanges(f, before, c);
  if (relevant.length > 0) {
    const removed = (f.class === "explicit-deny" || f.class === "implicit-deny") && before.status === "pass";
    if (removed && ENTITLEMENT_POINTS.has(f.decisionPoint)) {
      return {
        kind: "entitlement-removed",
        summary: `${e.action} on ${e.resource} was allowed in ${c.since} (${c.baseline.recordedAt}${before.statements.length ? `, by ${before.statements.join(", ")}` : ""}) and is denied now: ${relevant.map((p) => p.name).join(", ")} changed`,
        changes: capped(relevant.flatMap(describeChange))
      };
    }
    return policyDrift(relevant, `${relevant.map((p) => p.name).join(", ")} changed since ${c.since}`);
  }
  if (c.identity.length > 0) return trustChange(c, c.trust);
  if (!c.policiesKnown) {
    const statements = before.statements.join(", ") || "no statement";
    const list2 = (v) => Array.isArray(v) ? v.filter((x) => typeof x === "string") : [];
    const now = [...list2(e.statements), ...list2(e.granting)].join(", ") || "no statement";
    if (before.decision !== e.decision || statements !== now) {
      const removed = before.status === "pass" && ENTITLEMENT_POINTS.has(f.decisionPoint) && /deny/.test(String(e.decision));
      return {
        kind: removed ? "entitlement-removed" : "policy-drift",
        summary: `${e.action} on ${e.resource} was ${before.decision} by ${statements} in the earlier run (${c.baseline.recordedAt}), and is ${String(e.decision)} by ${now} now, for the same identity and request: a policy that decides it changed (a report holds no documents; compare baseline records for the statement diff)`,
        changes: [`decision: ${before.decision} (${statements}) \u2192 ${String(e.decision)} (${now})`]
      };
    }
  }
  return unchanged(c, before);
}
function requestChanges(before, now) {
  const read = (pairs) => {
    const map = /* @__PURE__ */ new Map();
    for (const kv of pairs) {
      const at = kv.indexOf("=");
      const key = at < 0 ? kv : kv.slice(0, at);
      if (!CHANGES_EVERY_RUN.has(key.toLowerCase())) map.set(key, at < 0 ? "" : kv.slice(at + 1));
    }
    return map;
  };
  const a = read(before);
  const b = read(now);
  return [.../* @__PURE__ */ new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).map((k) => `context ${k}: ${a.get(k) ?? "(absent)"} \u2192 ${b.get(k) ?? "(absent)"}`);
}
function relevantChanges(f, before, c) {
  const named = new Set(
    [...before.statements, ...Array.isArray(f.evidence.statements) ? f.evidence.statements : []].map(
      policyOfStatement
    )
  );
  const layer = typeof f.evidence.layer === "string" ? f.evidence.layer : void 0;
  const roleChanges2 = c.policies.filter((p) => p.layer !== "trust");
  const direct = roleChanges2.filter((p) => named.has(p.name) || layer !== void 0 && p.layer === layer);
  return direct.length > 0 ? direct : roleChanges2;
}
function trustChange(c, trust, extra = [], named = []) {
  const what = [
    ...c.identity.length > 0 ? ["the token's identity or the role's session settings"] : [],
    ...named,
    ...trust.length > 0 ? ["the role's trust policy"] : []
  ];
  return {
    kind: "trust-or-identity-change",
    summary: `${what.join(" and ")} changed since ${c.since} (${c.baseline.recordedAt})`,
    changes: capped([...c.identity, ...extra, ...trust.flatMap(describeChange)])
  };
}
function policyDrift(changes, summary, first = []) {
  return { kind: "policy-drift", summary, changes: capped([...first, ...changes.flatMap(describeChange)]) };
}
function describeGone(g) {
  return `role ${g.arn}: read in the last record${g.source ? ` (${g.source})` : ""}, not found now`;
}
function rolesGone(current, baseline) {
  const now = new Set(current.policies.map((p) => p.role));
  const out = /* @__PURE__ */ new Map();
  for (const p of baseline.policies) {
    if (now.has(p.role) || out.has(p.role)) continue;
    const trust = baseline.policies.find((t) => t.role === p.role && t.layer === "trust");
    out.set(p.role, { arn: p.role, ...trust ? { source: trust.source } : {} });
  }
  return [...out.values()];
}
function providerChanges(now, before, readAny) {
  const set = (l) => JSON.stringify([...l].sort());
  const lines = [];
  for (const p of now) {
    const was = before.find((b) => b.arn === p.arn);
    if (!was) {
      lines.push(`OIDC provider ${p.arn} added`);
      continue;
    }
    if (was.url !== p.url) lines.push(`OIDC provider ${p.arn} URL: ${was.url} \u2192 ${p.url}`);
    if (set(was.clientIds) !== set(p.clientIds))
      lines.push(`OIDC provider ${p.arn} client IDs: ${set(was.clientIds)} \u2192 ${set(p.clientIds)}`);
    if (set(was.thumbprints) !== set(p.thumbprints))
      lines.push(`OIDC provider ${p.arn} thumbprints: ${set(was.thumbprints)} \u2192 ${set(p.thumbprints)}`);
  }
  for (const was of before)
    if (readAny && !now.some((p) => p.arn === was.arn)) lines.push(`OIDC provider ${was.arn} removed`);
  return lines;
}
function unchanged(c, earlier) {
  const head = `nothing the preflight reads changed since ${c.since} (${c.baseline.recordedAt})`;
  const summary = earlier && earlier.status !== "pass" ? `${head}, where this did not pass either (${earlier.class}): a standing failure, not a change; its cause is the one this finding names` : c.baseline.result !== "pass" ? `${head}, which did not pass: compare with a passing run to tell a change from a standing failure` : `${head}: ${unchangedHint(c.since)}`;
  return { kind: "unchanged", summary, changes: [] };
}
function capped(lines) {
  return lines.length > MAX_CHANGES ? [...lines.slice(0, MAX_CHANGES - 1), `and ${lines.length - MAX_CHANGES + 1} more`] : [...lines];
}
function identityChanges(now, before) {
  if (!now || !before) return [];
  const lines = [];
  if (now.issuer !== before.issuer) lines.push(`issuer: ${before.issuer} \u2192 ${now.issuer}`);
  if (now.sub !== before.sub) lines.push(`sub: ${before.sub} \u2192 ${now.sub}`);
  if (now.aud.join(",") !== before.aud.join(",")) lines.push(`aud: ${before.aud.join(",")} \u2192 ${now.aud.join(",")}`);
  for (const key of Object.keys(before.claims)) {
    if (key in now.claims && before.claims[key] !== now.claims[key]) {
      lines.push(`claim ${key}: ${before.claims[key] ?? "(absent)"} \u2192 ${now.claims[key] ?? "(absent)"}`);
    }
  }
  return lines;
}
function roleChanges(now, before) {
  return now.flatMap((role) => {
    const same = before.filter((r) => r.arn === role.arn);
    if (same.some((r) => JSON.stringify(r) === JSON.stringify(role))) return [];
    const was = same[0];
    if (!was) return [];
    const fields = ["sessionName", "durationSeconds", "audience", "roleChaining", "sessionPolicyArns"];
    return fields.filter((k) => JSON.stringify(was[k]) !== JSON.stringify(role[k])).map((k) => `role ${role.arn} ${k}: ${JSON.stringify(was[k])} \u2192 ${JSON.stringify(role[k])}`);
  });
}
function policyChanges(now, before) {
  const byKey = new Map(before.map((p) => [policyKey(p), p]));
  const changes = [];
  for (const after of now) {
    const was = byKey.get(policyKey(after));
    byKey.delete(policyKey(after));
    if (!was) changes.push({ name: after.name, layer: after.layer, after });
    else if (was.digest !== after.digest) changes.push({ name: after.name, layer: after.layer, before: was, after });
  }
  for (const was of byKey.values()) changes.push({ name: was.name, layer: was.layer, before: was });
  return changes;
}
function describeChange(change) {
  const { before, after } = change;
  const version = (p) => p?.versionId ? ` ${p.versionId}${p.versionDate ? ` of ${p.versionDate}` : ""}` : "";
  const where = after ? ` (${after.source})` : before ? ` (was ${before.source})` : "";
  if (!before) return [`policy ${change.name} [${change.layer}] added${version(after)}${where}`];
  if (!after) return [`policy ${change.name} [${change.layer}] removed${version(before)}${where}`];
  const head = `policy ${change.name} [${change.layer}] changed${version(before) || version(after) ? `:${version(before) || " ?"} \u2192${version(after) || " ?"}` : ""}${where}`;
  if (before.document === void 0 || after.document === void 0) {
    return [`${head}; the last passing run kept only its digest (${before.digest} \u2192 ${after.digest})`];
  }
  return [head, ...diffStatements(before.document, after.document).map((l) => `  ${l}`)];
}
var MESSAGE_CHANGES = 3;
function shownChanges(changes) {
  if (changes.length === 0) return "";
  const shown2 = changes.slice(0, MESSAGE_CHANGES).map((line) => line.trim());
  const more = changes.length > MESSAGE_CHANGES ? `; and ${changes.length - MESSAGE_CHANGES} more in the evidence` : "";
  return ` (${shown2.join("; ")}${more})`;
}
function attachDrift(findings, drifts, since) {
  const byId = new Map(drifts.map((d) => [d.findingId, d]));
  return findings.map((f) => {
    const d = byId.get(f.id);
    if (!d) return f;
    return {
      ...f,
      message: `${f.message} Since the last passing run: ${d.kind}: ${d.summary}${shownChanges(d.changes)}.`,
      evidence: {
        ...f.evidence,
        drift: d.kind,
        ...since ? { driftSince: since } : {},
        ...d.changes.length > 0 ? { driftChanges: d.changes } : {}
      }
    };
  });
}

// src/drift/parse.ts
var isObj = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var isStrings = (v) => Array.isArray(v) && v.every((x) => typeof x === "string");
function parseBaseline(text) {
  const deep = jsonTooDeep(text);
  if (deep)
    return { ok: false, reason: `it nests deeper than any record does (line ${deep.line}, column ${deep.column})` };
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `it is not JSON (${error instanceof Error ? error.message : "parse error"})` };
  }
  if (!isObj(value)) return { ok: false, reason: "it is not a JSON object" };
  if (value.kind === "permission-preflight-baseline") {
    if (value.version !== BASELINE_VERSION) {
      return { ok: false, reason: `its version is ${String(value.version)}; this version reads ${BASELINE_VERSION}` };
    }
    const problem = recordProblem(value);
    return problem ? { ok: false, reason: problem } : { ok: true, record: value, from: "baseline" };
  }
  if (value.version === 1 && isObj(value.tool) && value.tool.name === "permission-preflight" && Array.isArray(value.findings)) {
    const problem = reportProblem(value);
    return problem ? { ok: false, reason: problem } : {
      ok: true,
      record: recordFromReport(value),
      from: "report",
      findings: value.findings
    };
  }
  return {
    ok: false,
    reason: 'it is neither a permission-preflight baseline record nor a report (no "kind" or "tool")'
  };
}
function recordProblem(v) {
  if (typeof v.recordedAt !== "string" || Number.isNaN(Date.parse(v.recordedAt))) return "at /recordedAt: not a date";
  if (v.result !== "pass" && v.result !== "fail") return "at /result: not pass or fail";
  if (!isObj(v.scope)) return "at /scope: not an object";
  if (v.identity !== void 0) {
    const i = v.identity;
    if (!isObj(i) || typeof i.issuer !== "string" || typeof i.sub !== "string" || !isStrings(i.aud) || !isObj(i.claims)) {
      return "at /identity: needs issuer, sub, aud (list) and claims";
    }
  }
  const lists = [
    ["roles", (e) => typeof e.arn === "string" && typeof e.sessionName === "string"],
    [
      "policies",
      (e) => typeof e.role === "string" && typeof e.layer === "string" && typeof e.name === "string" && typeof e.digest === "string" && typeof e.source === "string"
    ],
    [
      "permissions",
      (e) => typeof e.action === "string" && typeof e.resource === "string" && typeof e.principal === "string" && typeof e.decision === "string" && typeof e.status === "string" && isStrings(e.context) && isStrings(e.statements)
    ],
    ["credentials", (e) => typeof e.id === "string" && typeof e.subject === "string" && typeof e.status === "string"]
  ];
  const optional = [
    ["providers", (e) => typeof e.arn === "string" && isStrings(e.clientIds) && isStrings(e.thumbprints)],
    [
      "decisions",
      (e) => typeof e.key === "string" && typeof e.decisionPoint === "string" && typeof e.status === "string" && typeof e.class === "string"
    ]
  ];
  for (const [key, valid] of [...lists, ...optional.filter(([key2]) => v[key2] !== void 0)]) {
    const items = v[key];
    if (!Array.isArray(items)) return `at /${key}: not a list`;
    const bad = items.findIndex((e) => !isObj(e) || !valid(e));
    if (bad >= 0) return `at /${key}/${bad}: missing or mistyped fields`;
  }
  return void 0;
}
function reportProblem(v) {
  if (typeof v.generatedAt !== "string") return "at /generatedAt: not a date";
  if (v.result !== "pass" && v.result !== "fail") return "at /result: not pass or fail";
  const findings = v.findings;
  const bad = findings.findIndex(
    (f) => !isObj(f) || typeof f.id !== "string" || typeof f.subject !== "string" || typeof f.status !== "string" || typeof f.class !== "string" || typeof f.decisionPoint !== "string" || !isObj(f.evidence)
  );
  return bad >= 0 ? `at /findings/${bad}: missing or mistyped fields` : void 0;
}

export {
  buildRecord,
  holdsDocuments,
  classifyDrift,
  notCompared,
  policyChanges,
  describeChange,
  attachDrift,
  parseBaseline
};
