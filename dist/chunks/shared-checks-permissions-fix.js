import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  ACTION_FIX_OPTIONS
} from "./shared-model-fix-options.js";
import {
  declaredWithoutPolicy,
  readAbsent,
  unreadLayers
} from "./shared-checks-permissions-layers.js";
import {
  allowedWithUnread,
  deniedWithoutIdentity,
  deniedWithoutSession,
  denyCoversEvery,
  identityUnread,
  resourceUnknown,
  withIdentityAllowingAll,
  withSessionAllowingAll
} from "./shared-checks-permissions-unknowns.js";
import {
  IAM,
  LAYER_DOC,
  POINT,
  buildContext,
  entryKey,
  findResourcePolicy,
  locationOf,
  orgLayersFor,
  preparePolicies,
  readResourcePolicy,
  sessionPolicyFix,
  sessionPrincipal,
  unknownKeyHint
} from "./shared-checks-permissions-context.js";
import {
  UNREADABLE_ARN_VALUE,
  evaluate
} from "./shared-iam-arn.js";
import {
  lookupAction,
  matchResourceTypes,
  rcpExemption
} from "./shared-catalog-arn-format.js";
import {
  placeDraft
} from "./shared-model-finding-classes.js";

// src/checks/permissions/fix.ts
function describeRef(ref) {
  return `${ref.policy} statement ${ref.index}${ref.sid ? ` (Sid "${ref.sid}")` : ""}`;
}
function conditionOf(doc, index) {
  const statements = doc?.document?.Statement;
  const statement = Array.isArray(statements) ? statements[index] : statements;
  return statement?.Condition;
}
function fixExplicit(refs, layer, docOf) {
  const parts2 = refs.map((ref) => {
    const condition = conditionOf(docOf(ref), ref.index);
    return condition ? `${describeRef(ref)} denies it when ${JSON.stringify(condition)}: make the request fall outside that condition, or narrow the statement so that it does not cover this role` : `${describeRef(ref)} denies it without a condition: narrow its Action or Resource, or add a condition that exempts this role`;
  });
  const owner = layer === "scp" || layer === "rcp" ? " This is an organization policy: its owners must change it." : "";
  return `${parts2.join("; ")}. An explicit deny overrides every allow.${owner}`;
}
function fixImplicit(layer, level, role, p, action) {
  const fixed = Object.entries(p.context).filter((e) => typeof e[1] === "string");
  const condition = fixed.length > 0 ? { Condition: { StringEquals: Object.fromEntries(fixed) } } : {};
  const statement = JSON.stringify({ Effect: "Allow", Action: action.canonical, Resource: p.resource, ...condition });
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

// src/checks/permissions/resource-export.ts
function parts(arn) {
  const [, , service = "", region = "", account = "", ...rest] = arn.split(":");
  return { service, region, account, resource: rest.join(":") };
}
var lastOf = (resource) => resource.slice(Math.max(resource.lastIndexOf("/"), resource.lastIndexOf(":")) + 1);
var COMMANDS = {
  s3: (arn) => {
    const { account, resource } = parts(arn);
    const accessPoint = resource.match(/^accesspoint\/([^/]+)/)?.[1];
    if (accessPoint)
      return `aws s3control get-access-point-policy --account-id ${account} --name ${accessPoint} --query Policy --output text`;
    return `aws s3api get-bucket-policy --bucket ${resource.split("/")[0]} --query Policy --output text`;
  },
  kms: (arn) => `aws kms get-key-policy --key-id ${arn} --policy-name default --query Policy --output text`,
  lambda: (arn) => {
    const layer = arn.match(/^(arn:[^:]+:lambda:[^:]*:[^:]*:layer:[^:]+)(?::(\d+))?/);
    if (layer)
      return `aws lambda get-layer-version-policy --layer-name ${layer[1]} --version-number ${layer[2] ?? "VERSION"} --query Policy --output text${layer[2] ? "" : " (for each VERSION the deploy reads)"}`;
    return `aws lambda get-policy --function-name ${arn} --query Policy --output text`;
  },
  sqs: (arn) => {
    const { region, account, resource } = parts(arn);
    return `aws sqs get-queue-attributes --queue-url "$(aws sqs get-queue-url --queue-name ${resource} --queue-owner-aws-account-id ${account} --region ${region} --query QueueUrl --output text)" --attribute-names Policy --query Attributes.Policy --output text`;
  },
  sns: (arn) => `aws sns get-topic-attributes --topic-arn ${arn} --query Attributes.Policy --output text`,
  ecr: (arn) => `aws ecr get-repository-policy --repository-name ${parts(arn).resource.replace(/^repository\//, "")} --query policyText --output text`,
  secretsmanager: (arn) => `aws secretsmanager get-resource-policy --secret-id ${arn} --query ResourcePolicy --output text`,
  // An index has no policy of its own: its table's governs it
  // (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/access-control-resource-based.html).
  dynamodb: (arn) => `aws dynamodb get-resource-policy --resource-arn ${arn.replace(/\/index\/.*$/, "")} --query Policy --output text`,
  kinesis: (arn) => `aws kinesis get-resource-policy --resource-arn ${arn} --query Policy --output text`,
  events: (arn) => `aws events describe-event-bus --name ${lastOf(parts(arn).resource)} --query Policy --output text`,
  logs: () => "aws logs describe-resource-policies",
  glue: (arn) => `aws glue get-resource-policy --resource-arn ${arn} --query PolicyInJson --output text`,
  backup: (arn) => `aws backup get-backup-vault-access-policy --backup-vault-name ${lastOf(parts(arn).resource)} --query Policy --output text`,
  elasticfilesystem: (arn) => `aws efs describe-file-system-policy --file-system-id ${lastOf(parts(arn).resource)} --query Policy --output text`,
  ecr_public: (arn) => `aws ecr-public get-repository-policy --repository-name ${lastOf(parts(arn).resource)} --query policyText --output text`
};
function exportCommand(arn) {
  const { service } = parts(arn);
  const command = COMMANDS[service.replace(/-/g, "_")];
  return command ? command(arn) : `the ${service || "service"}'s own command that prints its resource-based policy`;
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
  const org = orgLayersFor(input.inventory, input.role.accountId, input.role.accountId);
  const prepared = preparePolicies(input.role, input.settings, org);
  const principal = sessionPrincipal(input);
  const findings = [];
  const ids = /* @__PURE__ */ new Map();
  for (const p of input.permissions) {
    const id = `permissions:${p.action} ${p.resource}`;
    const n = (ids.get(id) ?? 0) + 1;
    ids.set(id, n);
    const draft = checkOne(input, prepared, principal, p);
    const placed = { ...withNotes(draft, p), evidence: { ...draft.evidence, ...whatIsUnknown(p), origin: p.origin } };
    findings.push(placeDraft(placed, n > 1 ? `${id} #${n}` : id, `${p.action} on ${p.resource}`));
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
  const passedAccount = action.canonical === "iam:PassRole" ? p.resource.split(":")[4] : void 0;
  if (passedAccount && /^\d{12}$/.test(passedAccount) && passedAccount !== input.role.accountId) {
    return {
      decisionPoint: "identity-policy",
      class: "cross-account-pass-role",
      message: `iam:PassRole on ${p.resource} passes a role of account ${passedAccount} from a session of account ${input.role.accountId}: a role can be passed only to a service of its own account, so the call is refused whatever the policies allow ("Cross-account pass role is not allowed").`,
      evidence: { action: action.canonical, resource: p.resource, roleAccount: input.role.accountId },
      fix: `Pass a role of account ${input.role.accountId} (create the task or service role there), or deploy with a role of account ${passedAccount}.`,
      wouldReturn: 403,
      docUrl: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html"
    };
  }
  const rp = findResourcePolicy(input.inventory, p.resource, action.canonical);
  const rpEntry = rp ? readResourcePolicy(prep, rp) : void 0;
  const base = rcpExemption(input.catalog, action.canonical) === void 0 ? prep.withRcps : prep.withoutRcps;
  const set = rpEntry?.compiled ? { ...base, resource: rpEntry.compiled } : base;
  const { context, known } = buildContext(input, p, action);
  const readWithoutPolicy = rp === void 0 && readAbsent(input.inventory, p.resource);
  const accountless = (p.resource.split(":")[4] ?? "") === "";
  const declaredOwn = rp === void 0 && accountless && input.declaredAbsent?.ownerNotDeclared !== true && declaredWithoutPolicy(input.declaredAbsent, p.resource) !== void 0;
  const owner = rp?.accountId ?? (readWithoutPolicy || declaredOwn ? input.role.accountId : void 0);
  const request = {
    principal,
    action: action.canonical,
    resource: p.resource,
    context,
    ...owner ? { resourceAccount: owner } : {}
  };
  const result = evaluate(set, request, { resourcePattern: true });
  const evidence = {
    action: action.canonical,
    resource: p.resource,
    principal,
    decision: result.decision,
    context: Object.entries(context).map(([k, v]) => `${k}=${typeof v === "string" ? v : v.join(",")}`)
  };
  const org = orgLayersFor(input.inventory, input.role.accountId, input.role.accountId);
  const unread = unreadLayers({
    catalog: input.catalog,
    service: action.service,
    action: action.canonical,
    resource: p.resource,
    // A level whose file could not be read is missing, not empty (src/model/aws.ts `unreadOrgLayers`).
    scpsRead: org.scps !== void 0 && !org.unreadOrgLayers?.includes("scp"),
    rcpsRead: org.rcps !== void 0 && !org.unreadOrgLayers?.includes("rcp"),
    resourcePolicyRead: rp !== void 0 || readWithoutPolicy,
    declared: input.declaredAbsent,
    principalAccount: input.role.accountId
  });
  if (readWithoutPolicy) evidence.resourcePolicy = "none (read live: the resource has no resource-based policy)";
  const bundled = [input.role.permissionsBoundary, ...input.role.managedPolicies].find((m) => m?.source)?.source;
  if (bundled) evidence.awsManagedPolicies = bundled;
  if (unread.notRead.length > 0) evidence.notChecked = unread.notRead.map((l) => LAYER_NAME[l]);
  if (unread.declaredAbsent.length > 0) evidence.declaredAbsent = unread.declaredAbsent;
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
  if (result.unsettled) {
    const other = evaluate(set, request, { resourcePattern: true, reading: "allow" });
    if (other.decision === "allowed" !== (result.decision === "allowed")) {
      return unsettledReading(result, other, evidence);
    }
  }
  if (result.decision === "unknown") {
    if (unread.notRead.includes("resource-policy")) return notRead({ input, p, unread }, "", evidence);
    return ownerUnknown(p, rp, result, evidence);
  }
  const unknownResource = (p.unknownParts?.length ?? 0) > 0;
  if (result.decision === "allowed") {
    const worst = evaluate(set, request, { resourcePattern: true, unknown: (key) => !known(key) });
    if (worst.decision !== "allowed") return dependsOnUnknown(p, worst, prep, rpEntry, evidence);
    return allowed(result, prep, evidence, { input, p, unread });
  }
  let decided = set;
  if (result.decision === "implicit-deny" && identityUnread(input.role)) {
    decided = withIdentityAllowingAll(set);
    const lifted = evaluate(decided, request, { resourcePattern: true });
    if (lifted.decision === "allowed" || lifted.decision === "unknown")
      return deniedWithoutIdentity(
        input.role,
        `${action.canonical} on ${p.resource}`,
        evidence,
        input.fixOptions ?? ACTION_FIX_OPTIONS
      );
  }
  if (result.decision === "implicit-deny" && prep.unknownSessionPolicies.length > 0) {
    const lifted = withSessionAllowingAll(decided);
    const again = evaluate(lifted, request, { resourcePattern: true });
    if (again.decision === "allowed" || again.decision === "unknown")
      return deniedWithoutSession(prep.unknownSessionPolicies, `${action.canonical} on ${p.resource}`, evidence);
    decided = lifted;
  }
  const full = evaluate(decided, request, { resourcePattern: true, explain: "full" });
  if (unknownResource && !deniedForEvery(full, prep, rpEntry, p.resource)) {
    return resourceUnknown(p, action, input.settings.roleArn, full.explanation, evidence);
  }
  return explainDenial({ input, prep, p, action, rp, rpEntry, context, known, evidence }, full);
}
function deniedForEvery(full, prep, rpEntry, resource) {
  const e = full.explanation;
  const layer = e.decidingLayer ?? "identity";
  if (full.decision !== "explicit-deny") {
    const detail = e.layers.find((l) => l.layer === layer && l.level === e.decidingLevel)?.statements;
    return detail?.every((s) => s.ref.effect !== "Allow" || s.mismatch === "action") === true;
  }
  const statements = e.deciding.map(
    (ref) => entryOf(prep, rpEntry, layer, e.decidingLevel, ref)?.policy?.statements.find((s) => s.index === ref.index)
  );
  return denyCoversEvery(statements, resource);
}
function fixForUnknown(p, fix) {
  if (!p.unknownParts || p.unknownParts.length === 0) return fix(p);
  return `${fix({ ...p, resource: "ARN" })} (ARN: the resource the deploy uses, not ${p.resource}; not known here: ${p.unknownParts.join("; ")}).`;
}
function whatIsUnknown(p) {
  return {
    ...p.unknownParts && p.unknownParts.length > 0 ? { unknownParts: p.unknownParts } : {},
    ...p.notes && p.notes.length > 0 ? { notes: p.notes } : {}
  };
}
function withNotes(draft, p) {
  if (draft.status === "pass" || !p.notes || p.notes.length === 0) return draft;
  return { ...draft, message: `${draft.message} Note: ${p.notes.join("; ")}.` };
}
function entryOf(prep, rpEntry, layer, level, ref) {
  return layer === "resource" ? rpEntry : prep.entries.get(entryKey(layer, level, ref.policy));
}
var ARN_VALUE_FIX = "Write each ARN condition value with all six fields, `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`, each of which may be `*` (`arn:aws:sns:*:*:*`), or compare it with StringLike.";
function unsettledReading(taken, other, evidence) {
  const layer = taken.explanation.decidingLayer ?? other.explanation.decidingLayer ?? "identity";
  const notes = taken.unsettled ?? [];
  return {
    decisionPoint: POINT[layer],
    status: "unverified",
    class: "unsettled-reading",
    message: `Could not verify: AWS's documentation leaves ${notes.length === 1 ? "this place" : "these places"} of the policies two readings, and the decision turns on which (${notes.join("; ")}). Read the way that denies, the engine says ${taken.decision}; the other way, ${other.decision}.`,
    evidence: { ...evidence, readingApplied: "the reading that denies", readings: notes, otherReading: other.decision },
    fix: notes.every((n) => n.endsWith(UNREADABLE_ARN_VALUE)) ? ARN_VALUE_FIX : `Give the policy one reading: guard the key with its own \`Null\` condition (\`"Null": {"KEY": "false"}\`) instead of \`ForAnyValue:\u2026IfExists\`, and give a policy variable in NotResource a default (\`\${aws:username, 'none'}\`) or a \`Null\` guard.${notes.some((n) => n.endsWith(UNREADABLE_ARN_VALUE)) ? ` ${ARN_VALUE_FIX}` : ""}`
  };
}
function explainDenial(d, full) {
  const { input, prep, p, action, rp, rpEntry, context, known, evidence } = d;
  const layer = full.explanation.decidingLayer ?? "identity";
  const lookup = (ref) => entryOf(prep, rpEntry, layer, full.explanation.decidingLevel, ref);
  const explicit = full.decision === "explicit-deny";
  const e = explicit ? decisiveDenies(full.explanation, lookup, known) : full.explanation;
  const { misses, keys } = decidingConditions(e, layer, explicit, lookup);
  const deciding = e.deciding[0] ? lookup(e.deciding[0])?.doc : void 0;
  const layerDoc = layer === "resource" ? rp?.policy : layer === "permissions-boundary" ? input.role.permissionsBoundary : void 0;
  const where = deciding ? locationOf(deciding, e.deciding[0]?.index) : locationOf(layerDoc);
  if (layer === "resource" && !rp) return resourcePolicyUnknown(d, e.reason);
  const unknown = keys.find((k) => !known(k));
  if (unknown) {
    return {
      decisionPoint: POINT[layer],
      status: "unverified",
      class: "context-key-unknown",
      message: `Could not verify: ${e.reason} That turns on ${unknown}, which the preflight cannot know.`,
      evidence: { ...evidence, unknownKey: unknown },
      fix: keyFix([unknown], p.origin, p.resource),
      docUrl: CONDITION_KEYS,
      ...where
    };
  }
  const near = nearMisses(misses, keys, context);
  return {
    decisionPoint: POINT[layer],
    status: "fail",
    class: full.decision === "explicit-deny" ? "explicit-deny" : "implicit-deny",
    message: near.length > 0 ? `${e.reason} ${near.join("; ")}.` : e.reason,
    evidence: {
      ...evidence,
      layer,
      ...e.decidingLevel !== void 0 ? { level: e.decidingLevel } : {},
      ...e.deciding.length > 0 ? { statements: e.deciding.map(describeRef) } : {},
      ...near.length > 0 ? { nearMisses: near } : {}
    },
    fix: explicit ? fixExplicit(e.deciding, layer, (ref) => lookup(ref)?.doc) : fixForUnknown(p, (q) => fixImplicit(layer, e.decidingLevel, input.role, q, action)),
    cause: keys.some((k) => NETWORK_KEYS.has(k.toLowerCase())) ? "changed-trust-or-network-rule" : "changed-entitlement",
    wouldReturn: 403,
    docUrl: explicit ? EXPLICIT_DENY : layer === "resource" && action.service === "kms" ? KMS_KEY_POLICY : LAYER_DOC[layer],
    ...where
  };
}
function decisiveDenies(e, lookup, known) {
  const decisive = e.deciding.filter((ref) => {
    const statement = lookup(ref)?.policy?.statements.find((s) => s.index === ref.index);
    return (statement?.conditions ?? []).every((c) => known(keyOfLabel(c.label)));
  });
  if (decisive.length === 0 || decisive.length === e.deciding.length) return e;
  const head = e.reason.slice(0, e.reason.indexOf(": ") + 2);
  return { ...e, deciding: decisive, reason: `${head}${decisive.map(describeRef).join(", ")}.` };
}
function decidingConditions(e, layer, explicit, lookup) {
  if (explicit) {
    const keys = e.deciding.flatMap((ref) => {
      const statement = lookup(ref)?.policy?.statements.find((s) => s.index === ref.index);
      return (statement?.conditions ?? []).map((c) => keyOfLabel(c.label));
    });
    return { misses: [], keys };
  }
  const layerDetail = e.layers.find((l) => l.layer === layer && l.level === e.decidingLevel)?.statements ?? [];
  const misses = layerDetail.filter((s) => s.ref.effect === "Allow" && s.mismatch === "condition" && s.failedCondition);
  return { misses, keys: misses.map((s) => keyOfLabel(s.failedCondition ?? "")) };
}
function ownerUnknown(p, rp, result, evidence) {
  const bucket = p.resource.match(/^arn:[^:]+:s3:::[^/]+/)?.[0] ?? p.resource;
  return {
    decisionPoint: "resource-policy",
    status: "unverified",
    class: "resource-owner-unknown",
    message: `Could not verify: ${result.explanation.reason.replace(/^Unknown: /, "").replace(/ Give the owner: .*$/, "")}`,
    evidence: { ...evidence, resourceOwner: "unknown" },
    fix: rp ? `Add the bucket's account to its policy file: \`"AccountId": "OWNER"\` beside \`"ResourceArn": "${rp.resourceArn}"\` (docs/policy-folder.md).` : `Give the policy of ${bucket} with its owner, \`{ "ResourceArn": "${bucket}", "AccountId": "OWNER", "Policy": ... }\` under resource-policies/ (docs/policy-folder.md), or turn on live reads, which prove the owner.`,
    docUrl: LAYER_DOC.resource,
    ...locationOf(rp?.policy)
  };
}
function resourcePolicyUnknown(d, reason) {
  return {
    decisionPoint: "resource-policy",
    status: "unverified",
    class: "resource-policy-unknown",
    message: `Could not verify: ${reason}`,
    evidence: d.evidence,
    fix: d.action.service === "sts" ? `Give the trust policy of ${d.p.resource} in ${(d.input.fixOptions ?? ACTION_FIX_OPTIONS).policyFiles} (aws iam get-role --role-name ${d.p.resource.slice(d.p.resource.lastIndexOf("/") + 1)}, or its account's get-account-authorization-details).` : `Give the resource policy of ${d.p.resource} (${exportCommand(d.p.resource)}, saved as docs/policy-folder.md says under resource-policies/).`,
    docUrl: d.action.service === "kms" ? KMS_KEY_POLICY : LAYER_DOC.resource
  };
}
function nearMisses(misses, keys, context) {
  return misses.map((s, i) => {
    const key = keys[i] ?? "";
    const value = Object.entries(context).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
    const has = value === void 0 ? `no ${key}` : `${key}=${typeof value === "string" ? value : value.join(",")}`;
    return `${describeRef(s.ref)} allows it only under ${s.failedCondition}, and the request has ${has}`;
  });
}
function dependsOnUnknown(p, worst, prep, rpEntry, evidence) {
  const keys = worst.assumed ?? [];
  const e = worst.explanation;
  const layer = e.decidingLayer ?? "identity";
  const named = keys.join(", ");
  const denying = e.deciding.map(describeRef);
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
    fix: keyFix(keys, p.origin, p.resource),
    docUrl: CONDITION_KEYS,
    ...e.deciding[0] ? locationOf(entryOf(prep, rpEntry, layer, e.decidingLevel, e.deciding[0])?.doc, e.deciding[0].index) : {}
  };
}
function keyFix(keys, origin, resource) {
  const hinted = keys.map((k) => ({ key: k, hint: unknownKeyHint(k, resource) }));
  const values = hinted.map(
    ({ key, hint }) => hint ? `${key}=<the bucket's Region, e.g. eu-west-1>` : `${key}=VALUE`
  );
  const lead = hinted.every(({ hint }) => hint) ? `Give the bucket's Region: add ${values.join(" ")}` : `If the deploy's request carries ${keys.join(", ")}, add ${values.join(" ")}`;
  const notes = hinted.map(({ hint }) => hint ? ` (${hint}.)` : "").join("");
  return `${lead} to ${origin} to check it with ${keys.length > 1 ? "those values" : "that value"}.${notes}`;
}
var LAYER_NAME = { scp: "SCPs", rcp: "RCPs", "resource-policy": "resource policy" };
function howToGive(layer, resource, options) {
  switch (layer) {
    case "scp":
      return `give the SCPs that apply to the account (the outputs of aws organizations list-policies-for-target --filter SERVICE_CONTROL_POLICY and describe-policy, for the account, each OU above it and the root, in a policy folder of ${options.policyFiles}), or declare ${options.organizationsNone} when the account is in no organization`;
    case "rcp":
      return `give the RCPs (aws organizations describe-policy of each RESOURCE_CONTROL_POLICY that applies, in a policy folder of ${options.policyFiles}), or declare ${options.organizationsNone}`;
    case "resource-policy":
      return `give the resource policy of ${resource} in ${options.policyFiles} (${exportCommand(resource)}, saved as docs/policy-folder.md says under resource-policies/), or declare it in ${options.noResourcePolicy} when it has none`;
  }
}
function notRead({ input, p, unread }, by, evidence) {
  const [first] = unread.notRead;
  const names = unread.notRead.map((l) => LAYER_NAME[l]);
  return {
    decisionPoint: first ?? "scp",
    status: "unverified",
    class: "layer-not-read",
    message: `Allowed${by} as far as was read, but ${names.join(", ")} ${names.length > 1 ? "were" : "was"} not read, and ${names.length > 1 ? "each" : "it"} could still deny it: a layer not read is unknown, not empty.`,
    evidence: { ...evidence, role: input.role.name, notRead: names },
    fix: `${unread.notRead.map((l) => howToGive(l, p.resource, input.fixOptions ?? ACTION_FIX_OPTIONS)).join("; ")}.`.replace(
      /^./,
      (c) => c.toUpperCase()
    ),
    docUrl: LAYER_DOC[first === "resource-policy" ? "resource" : first ?? "scp"]
  };
}
function allowed(result, prep, evidence, layers) {
  const granting = result.explanation.deciding.map(describeRef);
  const by = granting.length > 0 ? ` by ${granting.join(", ")}` : "";
  const unreadRole = allowedWithUnread(
    layers.input.role,
    by,
    { ...evidence, granting },
    layers.input.fixOptions ?? ACTION_FIX_OPTIONS
  );
  if (unreadRole) return unreadRole;
  if (prep.unknownSessionPolicies.length > 0) {
    const unread = prep.unknownSessionPolicies;
    const names = unread.join(", ");
    const noneRead = prep.withRcps.session === void 0;
    return {
      decisionPoint: "session-policy",
      status: "unverified",
      class: "session-policy-unknown",
      message: noneRead ? `Allowed${by} as far as was read, but the managed session ${unread.length === 1 ? "policy" : "policies"} ${names}, the only session policies, ${unread.length === 1 ? "was" : "were"} not read: the session has only what they allow.` : `Allowed${by}, unless the unread managed session ${unread.length === 1 ? "policy" : "policies"} ${names} ${unread.length === 1 ? "denies" : "deny"} it: a Deny in any session policy stands.`,
      evidence: { ...evidence, granting, notRead: [...unread] },
      fix: sessionPolicyFix(unread),
      docUrl: LAYER_DOC.session
    };
  }
  if (layers.unread.notRead.length > 0) return notRead(layers, by, { ...evidence, granting });
  return {
    decisionPoint: "identity-policy",
    status: "pass",
    class: "ok",
    message: `Allowed${by}.`,
    evidence: { ...evidence, granting }
  };
}
function permissionsInput(facts) {
  const sessionArn = facts.probe?.assumedRoleArn;
  return {
    role: facts.role,
    permissions: facts.config.permissions,
    settings: facts.config.settings,
    inventory: facts.inventory,
    catalog: facts.catalog,
    now: facts.now,
    ...sessionArn ? { sessionArn } : {},
    ...facts.config.declaredAbsent ? { declaredAbsent: facts.config.declaredAbsent } : {},
    fixOptions: facts.fixOptions
  };
}
var permissionsCheck = {
  id: "permissions",
  title: "Every call the deploy makes is allowed through every policy layer that decides it, with the deciding statement.",
  decisionPoints: [
    "identity-policy",
    "permissions-boundary",
    "session-policy",
    "scp",
    "rcp",
    "resource-policy",
    "config"
  ],
  section: "aws",
  scope: "role",
  needs: ["probe"],
  appliesTo: () => true,
  run: (facts) => checkPermissions(permissionsInput(facts))
};

export {
  checkPermissions,
  buildPermissionRequests,
  permissionsInput,
  permissionsCheck
};
