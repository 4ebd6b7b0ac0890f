import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  findingMaker
} from "./shared-model-finding-classes.js";

// src/sources/aws-iam-drift.ts
function canonical(value) {
  if (Array.isArray(value)) {
    const items = value.map(canonical);
    if (items.length === 1) return items[0];
    const plain = items.every((v) => typeof v !== "object" || v === null);
    return plain ? [...items].sort((a, b) => String(a).localeCompare(String(b))) : items;
  }
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
    return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}
function statementsOf(document) {
  if (typeof document !== "object" || document === null || Array.isArray(document)) {
    return [JSON.stringify(canonical(document))];
  }
  const { Statement: statement, ...rest } = document;
  const list = Array.isArray(statement) ? statement : statement === void 0 ? [] : [statement];
  const head = Object.keys(rest).length > 0 ? [JSON.stringify(canonical(rest))] : [];
  return [...head, ...list.map((s) => JSON.stringify(canonical(s)))];
}
function minus(a, b) {
  const left = /* @__PURE__ */ new Map();
  for (const s of b) left.set(s, (left.get(s) ?? 0) + 1);
  return a.filter((s) => {
    const n = left.get(s) ?? 0;
    if (n === 0) return true;
    left.set(s, n - 1);
    return false;
  });
}
function documentDiff(file, live) {
  const f = statementsOf(file);
  const l = statementsOf(live);
  return { onlyLive: minus(l, f), onlyFiles: minus(f, l) };
}
function locationOf(policy) {
  return policy?.file ? { location: { file: policy.file, ...policy.line ? { line: policy.line } : {} } } : {};
}
var REEXPORT = "Re-export the files from IAM (`aws iam get-account-authorization-details`, or `aws iam get-role` and the policy commands, docs/policy-folder.md), so that runs without live reads check what IAM holds.";
var IAM_SIDE = { who: "IAM", fix: REEXPORT };
function policyDrift(layer, what, file, live, side = IAM_SIDE) {
  const name = live?.name ?? file?.name ?? what;
  const { who, fix } = side;
  if (file && !live) {
    return [
      {
        class: "stale-export",
        suffix: name,
        decisionPoint: layer,
        message: `The policy files hold ${what} ${name}, which ${who} no longer has; ${who}'s answer is the one checked.`,
        evidence: { policy: name, ...file.arn ? { arn: file.arn } : {}, onlyFiles: statementsOf(file.document) },
        fix,
        ...locationOf(file)
      }
    ];
  }
  if (live && !file) {
    return [
      {
        class: "stale-export",
        suffix: name,
        decisionPoint: layer,
        message: `${who} has ${what} ${name}, which the policy files lack; ${who}'s answer is the one checked.`,
        evidence: { policy: name, ...live.arn ? { arn: live.arn } : {}, onlyLive: statementsOf(live.document) },
        fix
      }
    ];
  }
  if (!file || !live) return [];
  const { onlyLive, onlyFiles } = documentDiff(file.document, live.document);
  if (onlyLive.length === 0 && onlyFiles.length === 0) return [];
  return [
    {
      class: "stale-export",
      suffix: name,
      decisionPoint: layer,
      message: `${what[0]?.toUpperCase()}${what.slice(1)} ${name} differs between the policy files and ${who}: ${onlyLive.length} statement(s) in ${who} are not in the file, ${onlyFiles.length} in the file are not in ${who}. ${who}'s answer is the one checked.`,
      evidence: { policy: name, ...live.arn ? { arn: live.arn } : {}, onlyLive, onlyFiles },
      fix,
      ...locationOf(file)
    }
  ];
}
var inlineKey = (p) => p.name.slice(p.name.lastIndexOf("/inline/") + "/inline/".length);
var managedKey = (p) => p.arn ?? p.name;
function paired(files, live, key) {
  const keys = [.../* @__PURE__ */ new Set([...live.map(key), ...files.map(key)])];
  return keys.map((k) => [files.find((p) => key(p) === k), live.find((p) => key(p) === k)]);
}
function roleDrift(file, live, options = {}) {
  const make = findingMaker({ idPrefix: `aws-files:${live.arn}`, subject: `policy files for role ${live.arn}` });
  const drafts = [
    ...policyDrift("sts-trust", "the trust policy", file.trustPolicy, live.trustPolicy),
    ...paired(file.inlinePolicies, live.inlinePolicies, inlineKey).flatMap(
      ([f, l]) => policyDrift("identity-policy", "the inline policy", f, l)
    ),
    ...paired(file.managedPolicies, live.managedPolicies, managedKey).flatMap(
      ([f, l]) => policyDrift("identity-policy", "the attached managed policy", f, l)
    ),
    ...boundaryDrift(file.permissionsBoundary, live.permissionsBoundary)
  ];
  if (!options.maxSessionAssumed && file.maxSessionDuration !== live.maxSessionDuration) {
    drafts.push({
      class: "stale-export",
      suffix: "MaxSessionDuration",
      decisionPoint: "session",
      message: `The policy files give the role a MaxSessionDuration of ${file.maxSessionDuration} s; IAM says ${live.maxSessionDuration} s, which is the one checked.`,
      evidence: { files: file.maxSessionDuration, iam: live.maxSessionDuration },
      fix: REEXPORT
    });
  }
  if (file.roleId && live.roleId && file.roleId !== live.roleId) {
    drafts.push({
      class: "stale-export",
      suffix: "RoleId",
      decisionPoint: "sts-trust",
      message: `The policy files hold the role with unique ID ${file.roleId}; IAM's role of that name is ${live.roleId}: it was deleted and re-created since the export.`,
      evidence: { files: file.roleId, iam: live.roleId },
      fix: REEXPORT
    });
  }
  return drafts.map(make);
}
function boundaryDrift(file, live) {
  if (file && live && managedKey(file) !== managedKey(live)) {
    return [
      ...policyDrift("permissions-boundary", "the permissions boundary", file, void 0),
      ...policyDrift("permissions-boundary", "the permissions boundary", void 0, live)
    ];
  }
  return policyDrift("permissions-boundary", "the permissions boundary", file, live);
}
function providerDrift(account, files, live) {
  const inAccount = files.filter((p) => p.arn.split(":")[4] === account);
  if (inAccount.length === 0) return [];
  const make = findingMaker({ idPrefix: `aws-files:${account}`, subject: `policy files for account ${account}` });
  const arns = [.../* @__PURE__ */ new Set([...live.map((p) => p.arn), ...inAccount.map((p) => p.arn)])];
  const drafts = arns.flatMap((arn) => {
    const f = inAccount.find((p) => p.arn === arn);
    const l = live.find((p) => p.arn === arn);
    const base = {
      class: "stale-export",
      suffix: arn,
      decisionPoint: "oidc-provider",
      fix: REEXPORT
    };
    if (!l) {
      return [
        {
          ...base,
          message: `The policy files hold the OIDC provider ${arn}, which IAM no longer has.`,
          evidence: { provider: arn }
        }
      ];
    }
    if (!f) {
      return [
        {
          ...base,
          message: `IAM has the OIDC provider ${arn}, which the policy files lack.`,
          evidence: { provider: arn }
        }
      ];
    }
    const onlyLive = l.clientIds.filter((c) => !f.clientIds.includes(c));
    const onlyFiles = f.clientIds.filter((c) => !l.clientIds.includes(c));
    if (onlyLive.length === 0 && onlyFiles.length === 0) return [];
    return [
      {
        ...base,
        message: `The client IDs (audiences) of the OIDC provider ${arn} differ between the policy files and IAM; IAM's are the ones checked.`,
        evidence: { provider: arn, onlyLive, onlyFiles }
      }
    ];
  });
  return drafts.map(make);
}

export {
  documentDiff,
  policyDrift,
  managedKey,
  paired,
  roleDrift,
  providerDrift
};
