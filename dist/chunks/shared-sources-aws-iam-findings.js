import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  ACCESS_DENIED_DOCS,
  allowStatementFix,
  awsErrorEvidence,
  baseClientConfig,
  callWithRetry,
  deniedIdentity,
  describeSourceError,
  incompleteResponse,
  readFailureClass,
  retryOptionsOf
} from "./shared-sources-aws-errors.js";
import {
  finding,
  findingMaker
} from "./shared-model-finding-classes.js";
import {
  ROLE_ID
} from "./shared-model-aws.js";

// src/sources/aws-iam-findings.ts
function invalidRoleArn(roleArn) {
  return finding("invalid-role-arn", {
    id: `aws-iam:config:invalid-role-arn`,
    subject: "role-to-assume",
    message: `'${roleArn}' is not an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME).`,
    evidence: { roleArn },
    fix: "Set role-to-assume to the full role ARN, e.g. arn:aws:iam::111111111111:role/deploy."
  });
}
function deniedBy(message) {
  if (/service control polic/i.test(message)) return "scp";
  if (/resource control polic/i.test(message)) return "rcp";
  if (/permissions boundar/i.test(message)) return "permissions-boundary";
  if (/session polic/i.test(message)) return "session-policy";
  if (/resource-based polic/i.test(message)) return "resource-policy";
  return "identity-policy";
}
var LAYER_WORDS = {
  scp: "service control policy",
  rcp: "resource control policy",
  "permissions-boundary": "permissions boundary",
  "session-policy": "session policy",
  "resource-policy": "resource-based policy"
};
var VERIFYING = {
  GetRole: "sts-trust",
  ListOpenIDConnectProviders: "oidc-provider",
  GetOpenIDConnectProvider: "oidc-provider"
};
function fixFor(f, cls) {
  if (cls === "wrong-account" || cls === "not-found") {
    return `Check that the ARN is right and that this step runs with credentials of account ${f.resource.split(":")[4] || "that owns the role"}: IAM reads answer from the credentials' own account.`;
  }
  if (cls === "no-inspecting-credentials") {
    return "Give this step AWS credentials that may read IAM (for example a configure-aws-credentials step before it with a read-only role), or turn live IAM reads off and give the policies as files.";
  }
  if (cls === "malformed-response" || cls === "unreadable-policy") {
    return "Something between the runner and IAM answered instead of AWS (a proxy or a captive portal?): check HTTPS_PROXY and NO_PROXY, then re-run.";
  }
  return "Re-run the job; if it persists, check https://health.aws.amazon.com and lower the number of parallel jobs reading IAM.";
}
function toFindings(failures, subject) {
  const latest = /* @__PURE__ */ new Map();
  for (const f of failures) latest.set(`${readFailureClass(f.error)}:${f.action}:${f.resource}`, f);
  const make = findingMaker({ idPrefix: "aws-iam", subject });
  return [...latest.values()].map((f) => make(failureDraft(f)));
}
function failureDraft(f) {
  const { error } = f;
  const evidence = awsErrorEvidence(error, f.resource);
  const suffix = `${f.action}:${f.resource}`;
  if (error.kind === "access-denied") {
    const layer = deniedBy(error.message);
    const who = deniedIdentity(error.message);
    return {
      class: "read-denied",
      suffix,
      decisionPoint: layer,
      status: "unverified",
      message: `The inspecting identity lacks iam:${f.action} on ${f.resource}, so this could not be verified (fail closed).`,
      evidence: { ...evidence, ...who ? { inspectingIdentity: who } : {} },
      fix: allowStatementFix(
        `iam:${f.action}`,
        f.resource,
        who,
        layer === "identity-policy" ? "The README lists the minimal read-only policy for every live read." : `AWS says a ${LAYER_WORDS[layer] ?? layer} denies it, so that statement alone will not do: allow iam:${f.action} there too.`
      ),
      docUrl: ACCESS_DENIED_DOCS
    };
  }
  const cls = readFailureClass(error);
  return {
    class: cls,
    suffix,
    decisionPoint: VERIFYING[f.action] ?? "identity-policy",
    status: "unverified",
    message: `Could not read ${f.resource} from IAM: ${describeSourceError(error)}. Nothing was assumed in its place (fail closed).`,
    evidence,
    fix: fixFor(f, cls)
  };
}

// src/sources/aws-iam-read.ts
var ReadError = class extends Error {
  constructor(failures) {
    super(failures.map((f) => describeSourceError(f.error)).join("; "));
    this.failures = failures;
  }
  failures;
};
function answerFailure(action, resource, code, message, requestId) {
  const error = {
    operation: `iam:${action}`,
    code,
    kind: code === "IncompleteResponse" ? "malformed-response" : "rejected",
    retryable: false,
    message,
    ...requestId ? { requestId } : {}
  };
  return new ReadError([{ action, resource, error }]);
}
async function settle(reads) {
  const results = await Promise.allSettled(reads);
  const failures = results.flatMap((r) => {
    if (r.status === "fulfilled") return [];
    if (r.reason instanceof ReadError) return r.reason.failures;
    throw r.reason;
  });
  if (failures.length > 0) throw new ReadError(failures);
  return results.map((r) => r.value);
}
function parseDocument(raw, action, resource, requestId) {
  try {
    return JSON.parse(raw.trimStart().startsWith("{") ? raw : decodeURIComponent(raw));
  } catch {
    throw answerFailure(
      action,
      resource,
      "UnreadablePolicyDocument",
      "the policy document is not URL-encoded JSON",
      requestId
    );
  }
}
function createLimiter(max) {
  let running = 0;
  const waiting = [];
  return async (task) => {
    if (running >= max) await new Promise((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

// src/sources/aws-iam.ts
var DEFAULT_CONCURRENCY = 8;
var MAX_PAGES = 100;
var MINIMAL_READ_POLICY = {
  Version: "2012-10-17",
  Statement: [
    {
      Sid: "ReadRoleToAssume",
      Effect: "Allow",
      Action: ["iam:GetRole", "iam:ListRolePolicies", "iam:GetRolePolicy", "iam:ListAttachedRolePolicies"],
      Resource: "arn:aws:iam::*:role/*"
    },
    {
      Sid: "ReadManagedPolicies",
      Effect: "Allow",
      Action: ["iam:GetPolicy", "iam:GetPolicyVersion"],
      Resource: "arn:aws:iam::*:policy/*"
    },
    {
      Sid: "ReadOidcProvider",
      Effect: "Allow",
      Action: "iam:GetOpenIDConnectProvider",
      Resource: "arn:aws:iam::*:oidc-provider/*"
    },
    { Sid: "ListOidcProviders", Effect: "Allow", Action: "iam:ListOpenIDConnectProviders", Resource: "*" }
  ]
};
async function createIamClient(options = {}) {
  const { IAMClient } = await import("./aws-sdk-client-iam.js");
  return new IAMClient({
    ...baseClientConfig(options),
    ...options.credentials !== void 0 ? { credentials: options.credentials } : {}
  });
}
function readRoleLive(roleArn, deps = {}) {
  return createIamReader(deps).readRole(roleArn);
}
function readOidcProvidersLive(accountId, deps = {}) {
  return createIamReader(deps).readOidcProviders(accountId);
}
var ROLE_ARN = /^arn:(aws[a-z-]*):iam::(\d{12}):role\/(?:[\x21-\x7e]*\/)?([\w+=,.@-]{1,64})$/;
function createIamReader(deps = {}) {
  const call = createCall(deps);
  return {
    async readRole(roleArn) {
      const match = ROLE_ARN.exec(roleArn);
      if (!match) return { ok: false, findings: [invalidRoleArn(roleArn)] };
      const read = await guard(`IAM role ${roleArn}`, () => loadRole(call, roleArn, match[3] ?? "", match[2] ?? ""));
      return read.ok ? { ok: true, role: read.value } : read;
    },
    async readOidcProviders(accountId) {
      const read = await guard(`IAM OIDC providers of account ${accountId}`, () => loadProviders(call, accountId));
      return read.ok ? { ok: true, providers: read.value } : read;
    }
  };
}
function createCall(deps) {
  const memo = /* @__PURE__ */ new Map();
  const retry = retryOptionsOf(deps);
  let sdk;
  const limit = createLimiter(deps.concurrency ?? DEFAULT_CONCURRENCY);
  return (action, resource, params, send) => {
    const key = `${action} ${JSON.stringify(params)}`;
    const cached = memo.get(key);
    if (cached) return cached;
    const read = limit(async () => {
      sdk ??= import("./aws-sdk-client-iam.js").then(async (m2) => ({
        sdk: m2,
        client: deps.client ?? await createIamClient(deps)
      }));
      const { sdk: m, client } = await sdk;
      const result = await callWithRetry(`iam:${action}`, () => send(m, client), retry);
      if (!result.ok) throw new ReadError([{ action, resource, error: result.error }]);
      return result.value;
    });
    memo.set(key, read);
    return read;
  };
}
function missing(action, resource, field, requestId) {
  const { code, message } = incompleteResponse(`iam:${action}`, field);
  throw answerFailure(action, resource, code, message, requestId);
}
async function listAll(call, action, resource, params, page) {
  const items = [];
  let marker;
  for (let n = 0; n < MAX_PAGES; n++) {
    const out = await call(action, resource, { ...params, marker }, (m, c) => page(m, c, marker));
    if (!out.items) return missing(action, resource, "list", out.$metadata.requestId);
    items.push(...out.items);
    if (out.IsTruncated !== true) return items;
    marker = out.Marker ?? missing(action, resource, "Marker for the next page", out.$metadata.requestId);
  }
  return missing(action, resource, `end after ${MAX_PAGES} pages`);
}
async function readManagedPolicy(call, arn) {
  const got = await call("GetPolicy", arn, { arn }, (m, c) => c.send(new m.GetPolicyCommand({ PolicyArn: arn })));
  const versionId = got.Policy?.DefaultVersionId ?? missing("GetPolicy", arn, "Policy.DefaultVersionId", got.$metadata.requestId);
  const version = await call(
    "GetPolicyVersion",
    arn,
    { arn, versionId },
    (m, c) => c.send(new m.GetPolicyVersionCommand({ PolicyArn: arn, VersionId: versionId }))
  );
  const raw = version.PolicyVersion?.Document ?? missing("GetPolicyVersion", arn, "PolicyVersion.Document", version.$metadata.requestId);
  const name = got.Policy?.PolicyName ?? arn.slice(arn.lastIndexOf("/") + 1);
  const created = version.PolicyVersion?.CreateDate;
  return {
    name,
    arn,
    versionId,
    ...created instanceof Date && !Number.isNaN(created.getTime()) ? { versionDate: created.toISOString() } : {},
    document: parseDocument(raw, "GetPolicyVersion", arn, version.$metadata.requestId)
  };
}
async function readInlinePolicy(call, roleArn, roleName, name, policyName) {
  const out = await call(
    "GetRolePolicy",
    roleArn,
    { roleName, policyName },
    (m, c) => c.send(new m.GetRolePolicyCommand({ RoleName: roleName, PolicyName: policyName }))
  );
  const raw = out.PolicyDocument ?? missing("GetRolePolicy", roleArn, "PolicyDocument", out.$metadata.requestId);
  return {
    name: `${name}/inline/${policyName}`,
    document: parseDocument(raw, "GetRolePolicy", roleArn, out.$metadata.requestId)
  };
}
function readRoleAndPolicyLists(call, roleArn, roleName) {
  const byName = { roleName };
  return settle([
    call("GetRole", roleArn, byName, (m, c) => c.send(new m.GetRoleCommand({ RoleName: roleName }))),
    listAll(call, "ListRolePolicies", roleArn, byName, async (m, c, Marker) => {
      const out = await c.send(new m.ListRolePoliciesCommand({ RoleName: roleName, ...Marker ? { Marker } : {} }));
      return { ...out, items: out.PolicyNames };
    }),
    listAll(call, "ListAttachedRolePolicies", roleArn, byName, async (m, c, Marker) => {
      const out = await c.send(
        new m.ListAttachedRolePoliciesCommand({ RoleName: roleName, ...Marker ? { Marker } : {} })
      );
      return { ...out, items: out.AttachedPolicies };
    })
  ]);
}
function checkedRole(got, roleArn, accountId) {
  const requestId = got.$metadata.requestId;
  const role = got.Role ?? missing("GetRole", roleArn, "Role", requestId);
  const arn = role.Arn ?? missing("GetRole", roleArn, "Role.Arn", requestId);
  if (arn.split(":")[4] !== accountId || arn.toLowerCase() !== roleArn.toLowerCase()) {
    const message = `IAM answered with ${arn}: the inspecting credentials read another account's role of that name`;
    throw answerFailure("GetRole", roleArn, "WrongAccount", message, requestId);
  }
  const trust = role.AssumeRolePolicyDocument ?? missing("GetRole", roleArn, "Role.AssumeRolePolicyDocument", requestId);
  const maxSessionDuration = role.MaxSessionDuration ?? missing("GetRole", roleArn, "Role.MaxSessionDuration", requestId);
  return { role, arn, trust, maxSessionDuration, requestId };
}
function readRolePolicies(call, roleArn, roleName, name, lists, boundaryArn) {
  return settle([
    settle(lists.inlineNames.map((policyName) => readInlinePolicy(call, roleArn, roleName, name, policyName))),
    settle(
      lists.attached.map(
        (a) => readManagedPolicy(
          call,
          a.PolicyArn ?? missing("ListAttachedRolePolicies", roleArn, "AttachedPolicies.PolicyArn")
        )
      )
    ),
    boundaryArn ? readManagedPolicy(call, boundaryArn) : Promise.resolve(void 0)
  ]);
}
async function loadRole(call, roleArn, roleName, accountId) {
  const [got, inlineNames, attached] = await readRoleAndPolicyLists(call, roleArn, roleName);
  const { role, arn, trust, maxSessionDuration, requestId } = checkedRole(got, roleArn, accountId);
  const boundaryArn = role.PermissionsBoundary?.PermissionsBoundaryArn;
  const name = role.RoleName ?? roleName;
  const roleId = role.RoleId !== void 0 && ROLE_ID.test(role.RoleId) ? role.RoleId : void 0;
  const [inlinePolicies, managedPolicies, boundary] = await readRolePolicies(
    call,
    roleArn,
    roleName,
    name,
    { inlineNames, attached },
    boundaryArn
  );
  const tags = Object.fromEntries((role.Tags ?? []).map((t) => [t.Key ?? "", t.Value ?? ""]));
  return {
    arn,
    name,
    accountId,
    ...roleId ? { roleId } : {},
    maxSessionDuration,
    trustPolicy: { name: `${name}/trust`, document: parseDocument(trust, "GetRole", roleArn, requestId) },
    inlinePolicies,
    managedPolicies,
    ...boundary ? { permissionsBoundary: boundary } : {},
    ...role.Tags && role.Tags.length > 0 ? { tags } : {}
  };
}
async function listProviderArns(call, accountId) {
  const listed = await call(
    "ListOpenIDConnectProviders",
    "*",
    {},
    (m, c) => c.send(new m.ListOpenIDConnectProvidersCommand({}))
  );
  const entries = listed.OpenIDConnectProviderList ?? missing("ListOpenIDConnectProviders", "*", "OpenIDConnectProviderList", listed.$metadata.requestId);
  const arns = entries.map((e) => e.Arn ?? missing("ListOpenIDConnectProviders", "*", "OpenIDConnectProviderList.Arn"));
  const foreign = arns.find((arn) => arn.split(":")[4] !== accountId);
  if (foreign) {
    const message = `IAM listed ${foreign}: the inspecting credentials belong to another account than ${accountId}`;
    throw answerFailure("ListOpenIDConnectProviders", "*", "WrongAccount", message);
  }
  return arns;
}
async function readProvider(call, arn) {
  const out = await call(
    "GetOpenIDConnectProvider",
    arn,
    { arn },
    (m, c) => c.send(new m.GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }))
  );
  const url = out.Url ?? missing("GetOpenIDConnectProvider", arn, "Url", out.$metadata.requestId);
  return {
    arn,
    url: url.replace(/^https:\/\//i, ""),
    clientIds: out.ClientIDList ?? [],
    ...out.ThumbprintList ? { thumbprints: out.ThumbprintList } : {}
  };
}
async function loadProviders(call, accountId) {
  const arns = await listProviderArns(call, accountId);
  return settle(arns.map((arn) => readProvider(call, arn)));
}
async function guard(subject, load) {
  try {
    return { ok: true, value: await load() };
  } catch (error) {
    if (error instanceof ReadError) return { ok: false, findings: toFindings(error.failures, subject) };
    throw error;
  }
}

export {
  DEFAULT_CONCURRENCY,
  MINIMAL_READ_POLICY,
  createIamClient,
  readRoleLive,
  readOidcProvidersLive,
  createIamReader
};
