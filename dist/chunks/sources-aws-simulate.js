import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  createIamClient
} from "./shared-sources-aws-iam-findings.js";
import {
  ACCESS_DENIED_DOCS,
  allowStatementFix,
  awsErrorEvidence,
  callWithRetry,
  deniedIdentity,
  incompleteResponse,
  readFailureClass,
  retryOptionsOf
} from "./shared-sources-aws-errors.js";
import {
  conditionKeysFor
} from "./shared-catalog-arn-format.js";
import {
  findingMaker
} from "./shared-model-finding-classes.js";
import "./shared-text-edit-distance.js";
import "./shared-model-aws.js";
import "./shared-runtime-efb0f0b2.js";

// src/sources/aws-context-keys.ts
var GLOBAL_KEYS = {
  "aws:calledvia": "stringList",
  "aws:calledviafirst": "string",
  "aws:calledvialast": "string",
  "aws:currenttime": "date",
  "aws:ec2instancesourceprivateipv4": "ip",
  "aws:ec2instancesourcevpc": "string",
  "aws:epochtime": "numeric",
  "aws:federatedprovider": "string",
  "aws:multifactorauthage": "numeric",
  "aws:multifactorauthpresent": "boolean",
  "aws:principalaccount": "string",
  "aws:principalarn": "string",
  "aws:principalisawsservice": "boolean",
  "aws:principalorgid": "string",
  "aws:principalorgpaths": "stringList",
  "aws:principalservicename": "string",
  "aws:principalservicenameslist": "stringList",
  "aws:principaltag/": "string",
  "aws:principaltype": "string",
  "aws:referer": "string",
  "aws:requestedregion": "string",
  "aws:requesttag/": "string",
  "aws:resourceaccount": "string",
  "aws:resourceorgid": "string",
  "aws:resourceorgpaths": "stringList",
  "aws:resourcetag/": "string",
  "aws:securetransport": "boolean",
  "aws:sourceaccount": "string",
  "aws:sourcearn": "string",
  "aws:sourceidentity": "string",
  "aws:sourceip": "ip",
  "aws:sourceorgid": "string",
  "aws:sourceorgpaths": "stringList",
  "aws:sourcevpc": "string",
  "aws:sourcevpcarn": "string",
  "aws:sourcevpce": "string",
  "aws:tagkeys": "stringList",
  "aws:tokenissuetime": "date",
  "aws:useragent": "string",
  "aws:userid": "string",
  "aws:username": "string",
  "aws:viaawsservice": "boolean",
  "aws:vpcsourceip": "ip"
};
var CATALOG_TYPES = {
  ARN: "string",
  ArrayOfARN: "stringList",
  ArrayOfBool: "booleanList",
  ArrayOfString: "stringList",
  Bool: "boolean",
  Date: "date",
  IPAddress: "ip",
  Numeric: "numeric",
  String: "string"
};
function stemOf(template) {
  const at = template.search(/\$\{|</);
  return at === -1 ? void 0 : template.slice(0, at).toLowerCase();
}
function documentedType(key, catalog) {
  const lower = key.toLowerCase();
  const slash = lower.indexOf("/");
  const global = GLOBAL_KEYS[lower] ?? (slash > 0 ? GLOBAL_KEYS[lower.slice(0, slash + 1)] : void 0);
  if (global || !catalog) return global;
  const infos = conditionKeysFor(catalog, lower.slice(0, lower.indexOf(":"))) ?? [];
  const info = infos.find((k) => k.key.toLowerCase() === lower) ?? infos.find((k) => {
    const stem = stemOf(k.key);
    return stem !== void 0 && lower.startsWith(stem) && lower.length > stem.length;
  });
  return info ? CATALOG_TYPES[info.type] : void 0;
}
function contextKeyTypeOf(key, value, catalog) {
  const documented = documentedType(key, catalog) ?? "string";
  if (typeof value === "string" || documented.endsWith("List")) return documented;
  return `${documented}List`;
}
function toContextEntries(context, catalog) {
  return Object.keys(context).sort().map((key) => {
    const value = context[key] ?? "";
    return {
      ContextKeyName: key,
      ContextKeyValues: typeof value === "string" ? [value] : [...value],
      ContextKeyType: contextKeyTypeOf(key, value, catalog)
    };
  });
}

// src/sources/aws-simulate.ts
var DEFAULT_SIMULATION_CONCURRENCY = 4;
var MAX_PAGES = 100;
var OPERATION = "iam:SimulatePrincipalPolicy";
var DECISIONS = /* @__PURE__ */ new Set(["allowed", "explicitDeny", "implicitDeny"]);
var FATAL = /* @__PURE__ */ new Set(["access-denied", "no-credentials", "bad-credentials", "not-found"]);
async function simulatePrincipalPolicyLive(input, deps = {}) {
  const groups = groupPermissions(input.permissions, deps.catalog);
  if (groups.length === 0) return { answers: input.permissions.map(() => void 0), findings: [] };
  const [sdk, owned] = await Promise.all([
    import("./aws-sdk-client-iam.js"),
    deps.client ? void 0 : createIamClient(deps)
  ]);
  const client = deps.client ?? owned;
  const session = { sdk, client, input, retry: retryOptionsOf(deps) };
  const outcomes = await mapConcurrently(
    groups,
    deps.concurrency ?? DEFAULT_SIMULATION_CONCURRENCY,
    (group) => simulateGroup(session, group)
  ).finally(() => owned?.destroy());
  return collect(input, groups, outcomes);
}
async function simulateGroup(session, group) {
  const byAction = /* @__PURE__ */ new Map();
  let marker;
  let requestId;
  for (let page = 0; page < MAX_PAGES; page++) {
    if (session.fatal) return { ok: false, error: session.fatal };
    const command = simulationCommand(session, group, marker);
    const result = await callWithRetry(OPERATION, () => session.client.send(command), session.retry);
    if (!result.ok) {
      if (FATAL.has(result.error.kind)) session.fatal ??= result.error;
      return result;
    }
    const out = result.value;
    requestId = out.$metadata.requestId;
    const missing = readPage(out.EvaluationResults, group.resource, requestId, byAction);
    if (missing) return { ok: false, error: incompleteResponse(OPERATION, missing, requestId) };
    if (out.IsTruncated !== true) break;
    if (!out.Marker) return { ok: false, error: incompleteResponse(OPERATION, "Marker for the next page", requestId) };
    marker = out.Marker;
  }
  const unanswered = group.actions.filter((a) => !byAction.has(a.toLowerCase()));
  if (unanswered.length > 0) {
    return { ok: false, error: incompleteResponse(OPERATION, `result for ${unanswered.join(", ")}`, requestId) };
  }
  return { ok: true, byAction };
}
function simulationCommand(session, group, marker) {
  const { input } = session;
  return new session.sdk.SimulatePrincipalPolicyCommand({
    PolicySourceArn: input.policySourceArn,
    ActionNames: group.actions,
    // Without ResourceArns IAM simulates `*`, which is what a `*` permission asks.
    ...group.resource !== "*" ? { ResourceArns: [group.resource] } : {},
    ...group.entries.length > 0 ? { ContextEntries: group.entries } : {},
    ...input.callerArn ? { CallerArn: input.callerArn } : {},
    ...input.permissionsBoundaryPolicyInputList ? { PermissionsBoundaryPolicyInputList: [...input.permissionsBoundaryPolicyInputList] } : {},
    ...marker ? { Marker: marker } : {}
  });
}
function readPage(results, resource, requestId, byAction) {
  if (!results) return "EvaluationResults";
  for (const r of results) {
    const answer = readAnswer(r, resource, requestId);
    if (!answer || !r.EvalActionName) return "EvalActionName and EvalDecision";
    byAction.set(r.EvalActionName.toLowerCase(), answer);
  }
  return void 0;
}
function collect(input, groups, outcomes) {
  const answers = input.permissions.map(() => void 0);
  const failures = [];
  for (const [g, outcome] of outcomes.entries()) {
    const group = groups[g];
    if (!outcome.ok) {
      failures.push({ group, error: outcome.error });
      continue;
    }
    for (const i of group.members) {
      answers[i] = outcome.byAction.get(input.permissions[i].action.toLowerCase());
    }
  }
  return { answers, findings: toFindings(failures, input) };
}
function groupPermissions(permissions, catalog) {
  const groups = /* @__PURE__ */ new Map();
  permissions.forEach((p, i) => {
    const entries = toContextEntries(p.context, catalog);
    const key = JSON.stringify([p.resource, entries]);
    let group = groups.get(key);
    if (!group) {
      group = { resource: p.resource, entries, actions: [], members: [] };
      groups.set(key, group);
    }
    if (!group.actions.some((a) => a.toLowerCase() === p.action.toLowerCase())) group.actions.push(p.action);
    group.members.push(i);
  });
  return [...groups.values()];
}
function readStatement(s) {
  return {
    policyId: s.SourcePolicyId ?? "(unnamed policy)",
    ...s.SourcePolicyType ? { policyType: s.SourcePolicyType } : {},
    ...s.StartPosition?.Line !== void 0 ? { line: s.StartPosition.Line } : {},
    ...s.StartPosition?.Column !== void 0 ? { column: s.StartPosition.Column } : {}
  };
}
function readAnswer(r, resource, requestId) {
  const specific = r.ResourceSpecificResults?.find((s) => s.EvalResourceName === resource);
  const decision = specific?.EvalResourceDecision ?? r.EvalDecision;
  if (decision === void 0 || !DECISIONS.has(decision)) return void 0;
  const organizations = r.OrganizationsDecisionDetail?.AllowedByOrganizations;
  const boundary = (specific?.PermissionsBoundaryDecisionDetail ?? r.PermissionsBoundaryDecisionDetail)?.AllowedByPermissionsBoundary;
  return {
    decision,
    matchedStatements: (specific?.MatchedStatements ?? r.MatchedStatements ?? []).map(readStatement),
    ...organizations !== void 0 ? { allowedByOrganizations: organizations } : {},
    ...boundary !== void 0 ? { allowedByPermissionsBoundary: boundary } : {},
    missingContextValues: specific?.MissingContextValues ?? r.MissingContextValues ?? [],
    ...requestId ? { requestId } : {}
  };
}
async function mapConcurrently(items, limit, task) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
function deniedBy(message) {
  if (/service control polic/i.test(message)) return "scp";
  if (/permissions boundar/i.test(message)) return "permissions-boundary";
  if (/session polic/i.test(message)) return "session-policy";
  return "identity-policy";
}
function toFindings(failures, input) {
  const byClass = /* @__PURE__ */ new Map();
  const role = input.policySourceArn;
  for (const { group, error } of failures) {
    const cls = readFailureClass(error);
    const permissions = group.members.map((i) => {
      const p = input.permissions[i];
      return `${p.action} ${p.resource}`;
    });
    const known = byClass.get(cls);
    if (known) known.permissions.push(...permissions);
    else byClass.set(cls, { error, permissions });
  }
  const make = findingMaker({ idPrefix: "aws-simulate", subject: `IAM cross-check of ${role}` });
  return [...byClass].map(
    ([cls, { error, permissions }]) => make({ ...failureDraft(cls, error, role, permissions), suffix: role })
  );
}
function failureDraft(cls, error, role, permissions) {
  const evidence = awsErrorEvidence(error, role);
  if (error.kind === "access-denied") {
    const point = deniedBy(error.message);
    const who = deniedIdentity(error.message);
    return {
      class: "read-denied",
      decisionPoint: point,
      status: "unverified",
      message: `The inspecting identity lacks ${OPERATION} on ${role}, so IAM's answer could not be compared with the engine's (fail closed).`,
      evidence: { ...evidence, ...who ? { inspectingIdentity: who } : {}, permissions },
      fix: allowStatementFix(
        OPERATION,
        role,
        who,
        point === "identity-policy" ? "Or set aws-cross-check: false to skip the cross-check." : `AWS says a ${point.replace("-", " ")} denies it, so that statement alone will not do: allow ${OPERATION} there too.`
      ),
      docUrl: ACCESS_DENIED_DOCS
    };
  }
  return {
    class: cls,
    decisionPoint: "identity-policy",
    status: "unverified",
    message: `IAM could not be asked: ${describe(error)}. The engine's answer stands unconfirmed (fail closed).`,
    evidence: { ...evidence, permissions },
    fix: fixFor(cls, role)
  };
}
function describe(error) {
  const after = error.attempts && error.attempts > 1 ? ` after ${error.attempts} attempts` : "";
  return `${error.operation} failed (${error.code}: ${error.message})${after}${error.requestId ? `, request id ${error.requestId}` : ""}`;
}
function fixFor(cls, role) {
  if (cls === "not-found") {
    return `Run this step with credentials of account ${role.split(":")[4] ?? ""}: IAM simulates only roles of the credentials' own account.`;
  }
  if (cls === "no-inspecting-credentials") {
    return `Give this step AWS credentials that may call ${OPERATION} on the role, or set aws-cross-check: false.`;
  }
  if (cls === "malformed-response") {
    return "Something between the runner and IAM answered instead of AWS (a proxy?): check HTTPS_PROXY and NO_PROXY, then re-run.";
  }
  return "Re-run the job; if it persists, check https://health.aws.amazon.com and lower the number of parallel jobs calling IAM.";
}
export {
  DEFAULT_SIMULATION_CONCURRENCY,
  simulatePrincipalPolicyLive
};
