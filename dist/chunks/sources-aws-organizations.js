import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  PolicyReadError,
  badAnswer,
  callOrThrow,
  unreadDraft
} from "./shared-sources-aws-policy-read.js";
import {
  baseClientConfig,
  retryOptionsOf
} from "./shared-sources-aws-errors.js";
import {
  findingMaker
} from "./shared-model-finding-classes.js";
import {
  MAX_JSON_DEPTH,
  valueTooDeep
} from "./shared-text-json-depth.js";
import "./shared-runtime-efb0f0b2.js";

// src/sources/aws-organizations.ts
var ORG_READ_STATEMENT = {
  Effect: "Allow",
  Action: [
    "organizations:DescribeOrganization",
    "organizations:ListParents",
    "organizations:ListPoliciesForTarget",
    "organizations:DescribePolicy"
  ],
  Resource: "*"
};
var MAX_PARENTS = 6;
var MAX_PAGES = 10;
var MAX_CONTENT = 65536;
var TYPES = [
  ["scp", "SERVICE_CONTROL_POLICY"],
  ["rcp", "RESOURCE_CONTROL_POLICY"]
];
async function createOrganizationsClient(options = {}) {
  const { OrganizationsClient } = await import("./aws-sdk-client-organizations.js");
  return new OrganizationsClient({
    ...baseClientConfig(options),
    ...options.credentials !== void 0 ? { credentials: options.credentials } : {}
  });
}
function createCall(deps) {
  const retry = retryOptionsOf(deps);
  const memo = /* @__PURE__ */ new Map();
  let ready;
  const run = async (operation, resource, send) => {
    ready ??= import("./aws-sdk-client-organizations.js").then(async (sdk2) => ({
      sdk: sdk2,
      client: deps.client ?? await createOrganizationsClient(deps)
    }));
    const { sdk, client } = await ready;
    return callOrThrow(`organizations:${operation}`, resource, () => send(sdk, client), retry);
  };
  return (operation, resource, send) => {
    if (operation !== "DescribePolicy") return run(operation, resource, send);
    const key = `${operation} ${resource}`;
    const cached = memo.get(key);
    if (cached) return cached;
    const read = run(operation, resource, send);
    memo.set(key, read);
    return read;
  };
}
async function readOrgPolicies(accountId, context, deps = {}) {
  const call = createCall(deps);
  const make = findingMaker({
    idPrefix: `aws-organizations:${accountId}`,
    subject: `SCPs and RCPs of account ${accountId}`
  });
  try {
    const org = await call("DescribeOrganization", "*", (m, c) => c.send(new m.DescribeOrganizationCommand({})));
    const master = org.Organization?.MasterAccountId;
    if (master === void 0)
      throw badAnswer("organizations:DescribeOrganization", "*", "no Organization.MasterAccountId");
    if (master === accountId)
      return { kind: "none", reason: "management-account", finding: make(managementDraft(accountId)) };
    const targets = await readParents(call, accountId);
    const levels = await Promise.all(targets.map((target) => readTarget(call, target)));
    return {
      kind: "read",
      scps: wholeType(levels.map((l) => l.scp)),
      rcps: wholeType(levels.map((l) => l.rcp)),
      targets
    };
  } catch (error) {
    if (!(error instanceof PolicyReadError)) throw error;
    if (error.error.code === "AWSOrganizationsNotInUseException") {
      if (context.callerInAccount)
        return { kind: "none", reason: "no-organization", finding: make(noOrgDraft(accountId)) };
      return { kind: "unread", findings: [make(otherAccountDraft(error, accountId))] };
    }
    return {
      kind: "unread",
      findings: [
        make(
          unreadDraft(error, {
            decisionPoint: "scp",
            what: `the SCPs and RCPs of account ${accountId}`,
            statement: ORG_READ_STATEMENT,
            otherwise: 'These calls answer only in the management account or a delegated administrator account (https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListParents.html): run the live reads with credentials there, or export the policies into the policy folder (docs/policy-folder.md, "Exporting the SCPs and RCPs of one account").'
          })
        )
      ]
    };
  }
}
function wholeType(levels) {
  return levels.every((l) => l.length === 0) ? [] : levels;
}
async function readParents(call, accountId) {
  const chain = [accountId];
  let child = accountId;
  for (let n = 0; n < MAX_PARENTS; n++) {
    const out = await call("ListParents", child, (m, c) => c.send(new m.ListParentsCommand({ ChildId: child })));
    const [parent, ...more] = out.Parents ?? [];
    if (!parent?.Id || more.length > 0) {
      throw badAnswer("organizations:ListParents", child, `${out.Parents?.length ?? 0} parents, where there is one`);
    }
    chain.unshift(parent.Id);
    if (parent.Type === "ROOT") return chain;
    child = parent.Id;
  }
  throw badAnswer("organizations:ListParents", child, `no root within ${MAX_PARENTS} levels`);
}
async function readTarget(call, target) {
  const [scp, rcp] = await Promise.all(
    TYPES.map(async ([, filter]) => {
      const ids = await listPolicyIds(call, target, filter);
      return Promise.all(ids.map((id) => describePolicy(call, id, filter)));
    })
  );
  return { scp: scp ?? [], rcp: rcp ?? [] };
}
async function listPolicyIds(call, target, filter) {
  const ids = [];
  let token;
  for (let page = 0; page < MAX_PAGES; page++) {
    const out = await call(
      "ListPoliciesForTarget",
      target,
      (m, c) => c.send(
        new m.ListPoliciesForTargetCommand({
          TargetId: target,
          Filter: filter,
          ...token ? { NextToken: token } : {}
        })
      )
    );
    if (!out.Policies) throw badAnswer("organizations:ListPoliciesForTarget", target, "no Policies list");
    for (const p of out.Policies) {
      if (!p.Id) throw badAnswer("organizations:ListPoliciesForTarget", target, "a policy without an Id");
      ids.push(p.Id);
    }
    token = out.NextToken;
    if (!token) return ids;
  }
  throw badAnswer("organizations:ListPoliciesForTarget", target, `more than ${MAX_PAGES} pages`);
}
async function describePolicy(call, id, filter) {
  const out = await call("DescribePolicy", id, (m, c) => c.send(new m.DescribePolicyCommand({ PolicyId: id })));
  const summary = out.Policy?.PolicySummary;
  const content = out.Policy?.Content;
  const op = "organizations:DescribePolicy";
  if (!summary || content === void 0) throw badAnswer(op, id, "no Policy.PolicySummary or Policy.Content");
  if (summary.Type !== filter) throw badAnswer(op, id, `a ${summary.Type} where a ${filter} was listed`);
  if (content.length > MAX_CONTENT) throw badAnswer(op, id, `Content of ${content.length} characters`);
  let document;
  try {
    document = JSON.parse(content);
  } catch {
    throw badAnswer(op, id, "Content is not JSON");
  }
  if (valueTooDeep(document)) throw badAnswer(op, id, `Content nested deeper than ${MAX_JSON_DEPTH} levels`);
  return { name: summary.Name ?? id, ...summary.Arn ? { arn: summary.Arn } : {}, document };
}
var NOT_IN_USE_DOCS = "https://docs.aws.amazon.com/organizations/latest/APIReference/API_DescribeOrganization.html#API_DescribeOrganization_Errors";
function noOrgDraft(accountId) {
  return {
    class: "ok",
    suffix: "no-organization",
    decisionPoint: "scp",
    message: `Account ${accountId} is in no organization (Organizations answered AWSOrganizationsNotInUseException), so no SCP or RCP applies to it.`,
    evidence: { account: accountId, awsErrorCode: "AWSOrganizationsNotInUseException" },
    docUrl: NOT_IN_USE_DOCS
  };
}
function managementDraft(accountId) {
  return {
    class: "ok",
    suffix: "management-account",
    decisionPoint: "scp",
    message: `Account ${accountId} is its organization's management account: SCPs do not affect its principals, nor RCPs its resources.`,
    evidence: { account: accountId, managementAccount: accountId },
    docUrl: "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html"
  };
}
function otherAccountDraft(error, accountId) {
  return {
    ...unreadDraft(error, {
      decisionPoint: "scp",
      what: `the SCPs and RCPs of account ${accountId}`,
      statement: ORG_READ_STATEMENT,
      otherwise: ""
    }),
    class: "could-not-verify",
    message: `Organizations says the inspecting credentials' account is in no organization, but they were not shown to be in account ${accountId} (its role was not read from IAM), so the SCPs and RCPs of ${accountId} stay unread.`,
    fix: `Run the live reads with credentials of account ${accountId}, or declare \`organizations: none\` if it is in no organization.`,
    docUrl: NOT_IN_USE_DOCS
  };
}
export {
  ORG_READ_STATEMENT,
  createOrganizationsClient,
  readOrgPolicies
};
