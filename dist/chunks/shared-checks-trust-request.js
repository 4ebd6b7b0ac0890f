import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  providerRefusing
} from "./shared-checks-provider.js";
import {
  LAYER_DOC,
  locationOf,
  parseDocument,
  rcpLayer
} from "./shared-checks-permissions-context.js";
import {
  compilePolicySet,
  evaluate,
  parsePolicy
} from "./shared-iam-arn.js";
import {
  populatedKeysForOidcProvider
} from "./shared-catalog-arn-format.js";
import {
  finding,
  findingMaker
} from "./shared-model-finding-classes.js";
import {
  editDistance
} from "./shared-text-edit-distance.js";
import {
  explainSubjectMismatch,
  isGitHubToken,
  suggestSubjectFix
} from "./shared-tokens-github.js";
import {
  compileGlob
} from "./shared-iam-glob.js";
import {
  trustConflict
} from "./shared-model-aws.js";

// src/checks/trust/request.ts
var STS_KEYS_DOC = "https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecuritytokenservice.html#awssecuritytokenservice-policy-keys";
var TAGS_DOC = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html";
var SESSION_NAME_KEY = "sts:RoleSessionName";
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
var knownKey = (wi) => (key) => {
  const lower = key.toLowerCase();
  return wi.populated.has(lower) || lower.startsWith(`${wi.prefix.toLowerCase()}:`) || Object.keys(wi.request.context ?? {}).some((k) => k.toLowerCase() === lower);
};
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
  if (settings.sessionName !== void 0) context[SESSION_NAME_KEY] = settings.sessionName;
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

// src/checks/trust/probe.ts
var STRING_OPS_DOC = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String";
var code = (s) => `\`${s}\``;
var list = (values) => values.map(code).join(" or ");
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
    return { kind: "unpopulated", hint: `this token's provider is ${code(wi.prefix)}, so the key is ${code(own)}` };
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
    return { ...c, holds: ok, kind, caseOnly, hint, ...actual !== void 0 ? { actual } : {} };
  });
}
function describeCondition(p, wi, claims, met = false) {
  const claim = p.key.slice(p.key.lastIndexOf(":") + 1);
  const where = `${code(p.op)} on ${code(p.key)}`;
  if (p.kind === "unpopulated") return `${where} tests a key AWS never sets for this provider (${p.hint})`;
  if (p.kind === "unknown") return `${where} depends on a value STS sets at call time that the preflight cannot know`;
  if (p.kind === "claim-missing") {
    const why = claim === "environment" && isGitHubToken(claims) ? " (the job references no environment)" : "";
    const none = wi.populated.has(p.key.toLowerCase()) ? `the token has no ${code(claim)} claim${why}` : `the request has no ${code(p.key)}`;
    return `${none}, and ${where} ${met ? "holds without it" : `requires ${list(p.values)}`}`;
  }
  const shown = code(readContextValue(p.key, wi.request) ?? "");
  if (met) return `${claim} is ${shown}, which meets ${code(p.op)} ${list(p.values)}`;
  const verb = /Not/.test(p.op) ? "excludes" : "allows";
  const caseNote = p.caseOnly ? `; only letter case differs, and ${code(p.op)} compares case-sensitively` : "";
  return `${claim} is ${shown}, the trust policy ${verb} ${list(p.values)} (${code(p.op)}${caseNote})`;
}

// src/checks/trust.ts
var OIDC_ROLE_DOC = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html";
var IF_EXISTS_DOC = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IfExists";
var EVAL_DOC = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html";
var STS_DENIED = `AccessDenied: Not authorized to perform ${ACTION}`;
var name = (ref) => `Statement[${ref.index}]${ref.sid ? ` ("${ref.sid}")` : ""}`;
var CONFIRM_LIVE = "Confirm with the live probe (sts:AssumeRoleWithWebIdentity), or drop the condition on a key only STS knows at call time.";
var REFUSED = { cause: "changed-trust-or-network-rule", wouldReturn: 403 };
function checkTrust(input) {
  const { role, claims } = input;
  const trust = role.trustPolicy;
  const place = findingMaker({
    idPrefix: `trust:${role.name}`,
    subject: `trust policy of role "${role.name}"`,
    decisionPoint: "sts-trust",
    ...locationOf(trust)
  });
  const make = (draft, suffix) => place(suffix ? { ...draft, suffix } : draft);
  const conflict = trustConflict(role);
  if (conflict) return [conflictingTrust(make, role.arn, conflict)];
  const parsed = parseDocument(trust, "resource", "trust");
  if (!parsed.ok) return [invalidTrustPolicy(make, role.arn, parsed.errors)];
  const wi = buildWebIdentityRequest(input);
  const rcps = rcpLayer(input.inventory, input.declaredAbsent, role.accountId, role.accountId);
  const broken = rcps.broken.map(({ doc, errors }) => invalidRcp(doc, errors));
  const set = compilePolicySet({ identityPolicies: [], resourcePolicy: parsed.policy, rcps: rcps.levels });
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
  const rcp = { layer: rcps, ...input.inventory ? { inventory: input.inventory } : {} };
  if (result.decision === "explicit-deny" && result.explanation.decidingLayer === "rcp")
    return [...broken, rcpDenied(ctx, result.explanation, rcp, knownKey(wi))];
  if (result.decision === "explicit-deny") return [...broken, explicitDeny(ctx, deciding)];
  if (result.decision === "implicit-deny") {
    const candidates = details.filter((d) => d.ref.effect === "Allow" && d.mismatch === "condition").map((d) => d.ref);
    return [...broken, candidates.length > 0 ? implicitDeny(ctx, candidates) : noStatement(ctx)];
  }
  const worst = evaluate(set, wi.request, { explain: "full", unknown: (k) => !knownKey(wi)(k) });
  if (worst.decision === "explicit-deny" && worst.explanation.decidingLayer === "rcp") {
    const [, ...rest2] = allowedFindings(ctx, set, deciding, details);
    return [...broken, rcpUnknownKey(ctx, worst.explanation, rcp, worst.assumed ?? []), ...rest2];
  }
  const findings = allowedFindings(ctx, set, deciding, details);
  if (!rcps.notRead) return [...broken, ...findings];
  const [, ...rest] = findings;
  return [...broken, rcpNotRead(ctx, deciding), ...rest];
}
function rcpDocument(inventory, level, name2) {
  return level === void 0 ? void 0 : inventory?.rcps?.[level]?.find((d) => d.name === name2);
}
function invalidRcp(doc, errors) {
  return finding("invalid-policy", {
    id: `trust:invalid-policy:rcp:${doc.name}`,
    subject: `policy ${doc.name}`,
    decisionPoint: "rcp",
    status: "unverified",
    message: `${doc.name} could not be read, so the trust cannot be verified past the RCPs: ${errors.slice(0, 3).join("; ")}.`,
    evidence: { policy: doc.name, errors: [...errors] },
    fix: `Correct ${doc.name}; Organizations refuses documents with these errors, so the copy given may be damaged or edited.`,
    docUrl: LAYER_DOC.rcp,
    ...locationOf(doc)
  });
}
function rcpDenied(ctx, e, rcp, isKnown) {
  const [first] = e.deciding;
  const doc = first ? rcpDocument(rcp.inventory, e.decidingLevel, first.policy) : void 0;
  const statements = e.deciding.map(
    (ref) => rcp.layer.levels[e.decidingLevel ?? -1]?.find((p) => p.source.name === ref.policy)?.statements[ref.index]
  );
  const keys = statements.flatMap((st) => (st?.conditions ?? []).map((c) => c.label.slice(c.label.indexOf(" ") + 1)));
  const unknown = keys.find((k) => !isKnown(k));
  return ctx.make(
    {
      ...REFUSED,
      status: unknown ? "unverified" : "fail",
      class: unknown ? "context-key-unknown" : "explicit-deny",
      decisionPoint: "rcp",
      message: unknown ? `Could not verify: ${e.reason} That turns on ${unknown}, which the preflight cannot know.` : `${e.reason} An explicit Deny in an RCP overrides the trust policy's Allow.`,
      evidence: { ...ctx.evidence, layer: "rcp", ...unknown ? { unknownKey: unknown } : {}, stsError: STS_DENIED },
      fix: unknown ? CONFIRM_LIVE : "This is an organization policy: its owners must narrow the Deny, or the deploy must run from a context it does not cover.",
      docUrl: unknown ? EVAL_DOC : LAYER_DOC.rcp,
      ...locationOf(doc, first?.index)
    },
    "rcp"
  );
}
function rcpUnknownKey(ctx, e, rcp, keys) {
  const [first] = e.deciding;
  return ctx.make(
    {
      ...REFUSED,
      status: "unverified",
      class: "context-key-unknown",
      decisionPoint: "rcp",
      message: `Could not verify: the trust policy admits this token, but ${e.reason.replace(/^Explicitly denied by /, "an RCP denies it, ")} for some values of ${keys.join(", ")}, which the preflight cannot know.`,
      evidence: { ...ctx.evidence, layer: "rcp", unknownKeys: [...keys] },
      fix: CONFIRM_LIVE,
      docUrl: LAYER_DOC.rcp,
      ...locationOf(first ? rcpDocument(rcp.inventory, e.decidingLevel, first.policy) : void 0, first?.index)
    },
    "rcp"
  );
}
function rcpNotRead(ctx, deciding) {
  return ctx.make(
    {
      status: "unverified",
      class: "layer-not-read",
      decisionPoint: "rcp",
      message: `The trust policy lets this token assume the role (${deciding.map(name).join(", ")}), but the RCPs were not read, and they apply to ${ACTION}: a layer not read is unknown, not empty.`,
      // `role` groups it with the role's other layers not read in the headline (src/report/model.ts notReadByRole).
      evidence: { ...ctx.evidence, role: ctx.input.role.name, statements: deciding.map(name), notRead: ["RCPs"] },
      fix: "Give the RCPs (aws organizations describe-policy of each RESOURCE_CONTROL_POLICY that applies, in a policy folder of the policy files), or declare `organizations: none` when the account is in no organization.",
      docUrl: `${LAYER_DOC.rcp}#rcp-supported-services`
    },
    "rcp-not-read"
  );
}
function conflictingTrust(make, roleArn, conflict) {
  return make({
    status: "unverified",
    class: "conflicting-definitions",
    decisionPoint: "sts-trust",
    message: `The trust cannot be verified: ${conflict}.`,
    evidence: { roleArn },
    fix: "Export the role again, so that every file is from the same moment, and pass one description of it."
  });
}
function invalidTrustPolicy(make, roleArn, parseErrors) {
  const errors = parseErrors.map((e) => e.message);
  const large = parseErrors.find((e) => e.code === "policy-too-large");
  if (large) {
    return make({
      status: "unverified",
      class: "policy-too-large",
      cause: null,
      message: `${large.message}, so it is not what IAM holds, and the trust cannot be verified.`,
      evidence: { roleArn, errors },
      fix: "Give the trust policy exactly as IAM stores it (aws iam get-role prints it as AssumeRolePolicyDocument): this copy was edited after it was read."
    });
  }
  return make({
    status: "unverified",
    class: "invalid-trust-policy",
    message: `The trust policy could not be evaluated: ${errors.join("; ")}.`,
    evidence: { roleArn, errors },
    fix: "Give the trust policy exactly as IAM stores it (aws iam get-role prints it as AssumeRolePolicyDocument).",
    docUrl: OIDC_ROLE_DOC
  });
}
function allowedFindings(ctx, set, deciding, details) {
  const findings = [
    ctx.make({
      status: "pass",
      class: "ok",
      message: `The trust policy lets this token assume the role: ${deciding.map(name).join(", ")} allows ${ACTION} for ${code(ctx.wi.providerArn)}.`,
      evidence: { ...ctx.evidence, statements: deciding.map(name) }
    })
  ];
  const unmatchedDenies = details.filter((d) => d.ref.effect === "Deny" && d.mismatch === "condition");
  const uncertain = [];
  for (const ref of [...deciding, ...unmatchedDenies.map((d) => d.ref)]) {
    const all = ctx.probes(ref);
    for (const p of all.filter((x) => x.kind === "unpopulated" && x.holds === (ref.effect === "Allow"))) {
      findings.push(silentKey(ctx, p, ref));
    }
    const unknown = all.filter((p) => p.kind === "unknown");
    const turns = ref.effect === "Allow" ? deciding.every((r) => ctx.probes(r).some((p) => p.kind === "unknown")) : all.every((p) => p.holds || p.kind === "unknown");
    if (unknown.length > 0 && turns)
      uncertain.push(`${name(ref)} (${unknown.map((p) => `${p.op} ${p.key}`).join(", ")})`);
  }
  if (uncertain.length > 0) findings.push(decidedAtCallTime(ctx, uncertain));
  if (ctx.wi.tagRequest && evaluate(set, ctx.wi.tagRequest).decision !== "allowed")
    findings.push(tagDenied(ctx, deciding));
  return findings;
}
function decidedAtCallTime(ctx, uncertain) {
  return ctx.make({
    ...REFUSED,
    status: "unverified",
    class: "trust-unverifiable",
    message: `The trust policy allows this token only if conditions on values STS sets at call time hold, which the preflight cannot know: ${uncertain.join("; ")}.`,
    evidence: { ...ctx.evidence, statements: uncertain },
    fix: CONFIRM_LIVE,
    docUrl: EVAL_DOC
  });
}
function explicitDeny(ctx, denies) {
  const met = denies.flatMap((ref) => ctx.probes(ref));
  const unknown = met.some((p) => p.kind === "unknown");
  const silent = met.some((p) => p.kind === "unpopulated");
  const because = met.map((p) => describeCondition(p, ctx.wi, ctx.input.claims, true)).join("; ");
  const names = denies.map(name).join(", ");
  return ctx.make({
    ...REFUSED,
    ...locationOf(ctx.input.role.trustPolicy, denies[0]?.index),
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
  const statement = failing.find((f) => subFail !== void 0 && f.fails.includes(subFail));
  const alsoRequired = statement ? ctx.probes(statement.ref).filter((p) => /:sub$/i.test(p.key) && !/Not/.test(p.op) && p.kind === "present").filter((p) => p.op !== subFail?.op || p.key !== subFail.key).map((p) => ({ operator: p.op, values: p.values })) : [];
  const telling = subFail ? { operator: subFail.op, ...alsoRequired.length > 0 ? { alsoRequired } : {} } : {};
  const lines = failing.map(
    (f) => `${name(f.ref)}: ${f.fails.map((p) => describeCondition(p, ctx.wi, claims)).join("; ")}`
  );
  const docs = {
    "unpopulated-condition-key": STS_KEYS_DOC,
    "trust-case-mismatch": STRING_OPS_DOC
  };
  return ctx.make({
    ...REFUSED,
    ...locationOf(ctx.input.role.trustPolicy, candidates[0]?.index),
    status: cls === "trust-unverifiable" ? "unverified" : "fail",
    class: cls,
    message: `No statement of the trust policy allows this token (STS answers ${code(STS_DENIED)}). ${lines.join(". ")}.` + (github ? ` ${explainSubjectMismatch(claims, pattern, telling)}` : ""),
    evidence: {
      ...ctx.evidence,
      statements: candidates.map(name),
      conditions: all.map((p) => `${p.op} ${p.key}`),
      stsError: STS_DENIED
    },
    fix: deniedFix(cls, all, github ? suggestSubjectFix(claims, pattern, telling) : void 0),
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
function caseFix(all) {
  const wildcard = all.some((p) => p.values.some((v) => /[*?]/.test(v)));
  const each = all.map((p) => {
    const pattern = p.values.find((v) => /[*?]/.test(v));
    if (p.actual === void 0) return `${code(p.key)} in the token's letter case`;
    return pattern ? `${code(p.key)}: the token's value is ${code(p.actual)}, so write ${code(pattern)} with its letters in that case` : `${code(p.key)}: ${code(p.actual)}`;
  });
  const alternative = wildcard ? " Keep StringLike: StringEqualsIgnoreCase has no wildcards, so the pattern would then match only its literal text." : ", or compare with StringEqualsIgnoreCase.";
  return `Write the values in the exact letter case of the token's claims (${each.join("; ")})${wildcard ? "." : ""}${alternative}`;
}
function deniedFix(cls, all, subFix) {
  if (cls === "trust-unverifiable") return CONFIRM_LIVE;
  if (cls === "unpopulated-condition-key")
    return `AWS never sets these keys, so the condition never holds: ${all.map((p) => `for ${code(p.key)}, ${p.hint}`).join("; ")}.`;
  if (cls === "trust-case-mismatch") return caseFix(all);
  const others = all.filter((p) => !/:sub$/i.test(p.key)).map((p) => code(p.key));
  const rest = others.length > 0 ? `Make ${others.join(", ")} accept this run's values, or run the job where its claims match.` : "";
  return [subFix, rest].filter(Boolean).join(" ");
}
function silentKey(ctx, p, ref) {
  const what = ref.effect === "Allow" ? "so the condition is always true and the statement allows tokens it was meant to refuse" : "so the Deny never applies";
  return ctx.make(
    {
      class: "unpopulated-condition-key",
      message: `${name(ref)} tests ${code(p.key)} with ${code(p.op)}, a key AWS never sets for this provider, ${what}: the restriction has no effect.`,
      evidence: { ...ctx.evidence, statement: name(ref), key: p.key, operator: p.op },
      fix: `Restrict with a key AWS sets for this provider: for ${code(p.key)}, ${p.hint}.`,
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
    message: `The call passes session tags (${keys.map(code).join(", ")}), so STS also needs sts:TagSession, which the trust policy does not allow.`,
    evidence: { ...ctx.evidence, tagKeys: keys, stsError: "AccessDenied: Not authorized to perform sts:TagSession" },
    fix: `Add "sts:TagSession" to the Action of ${granting.map(name).join(", ")}.`,
    docUrl: TAGS_DOC
  });
}
function noStatement(ctx) {
  const { wi, input } = ctx;
  const notes = ctx.policy.statements.flatMap(
    (s) => (s.principal ?? []).flatMap((p) => {
      if (p.kind !== "federated") return [];
      const ref = name(s);
      if (p.name === wi.providerArn) return [`${ref} names the provider but not ${ACTION}`];
      if (p.name.endsWith(`:oidc-provider/${wi.prefix}`))
        return [
          `${ref} names the provider in another account (${code(p.name)}); STS uses the one in the role's account`
        ];
      return [`${ref} trusts ${code(p.name)}, not this token's provider`];
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
    message: `No statement of the trust policy allows ${ACTION} for the OIDC provider ${code(wi.providerArn)}${notes.length > 0 ? `: ${notes.join("; ")}` : ""}.`,
    evidence: { ...ctx.evidence, stsError: STS_DENIED },
    fix: `Add this statement to the trust policy (aws iam update-assume-role-policy): ${JSON.stringify(statement)}`,
    docUrl: OIDC_ROLE_DOC
  });
}
function trustNotReached(roleArn, provider, aud) {
  return finding("could-not-verify", {
    id: `aws:${roleArn}:trust-not-reached`,
    decisionPoint: "sts-trust",
    subject: `role ${roleArn}`,
    status: "unverified",
    message: `Not reached: STS refuses the token before it reads the trust of ${roleArn}, for its aud ${code(aud)} is not among the client IDs of the provider ${code(provider.arn)} (audience-not-registered).`,
    fix: "Fix the audience as the provider's finding (audience-not-registered) says; the trust is then checked against the token.",
    evidence: { aud, provider: provider.arn, clientIds: [...provider.clientIds] },
    docUrl: "https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html"
  });
}
var trustCheck = {
  id: "trust",
  title: "The role's trust policy admits this token's claims for sts:AssumeRoleWithWebIdentity, as STS decides.",
  decisionPoints: ["sts-trust", "rcp"],
  section: "aws",
  scope: "role",
  needs: [],
  appliesTo: (config) => !config.settings.roleChaining,
  run: (facts) => {
    const { role, config, identity, catalog, now } = facts;
    const aud = identity?.claims.aud;
    const refusing = identity && typeof aud === "string" ? providerRefusing(facts, identity.issuer, aud) : void 0;
    if (refusing && typeof aud === "string") return [trustNotReached(role.arn, refusing, aud)];
    if (identity) {
      return checkTrust({
        role,
        settings: config.settings,
        claims: identity.claims,
        issuer: identity.issuer,
        catalog,
        now,
        inventory: facts.inventory,
        ...config.declaredAbsent ? { declaredAbsent: config.declaredAbsent } : {}
      });
    }
    const file = config.settings.webIdentityTokenFile;
    return [
      finding("could-not-verify", {
        id: `aws:${role.arn}:trust-unverifiable`,
        decisionPoint: "sts-trust",
        subject: `role ${role.arn}`,
        status: "unverified",
        message: file ? `There is no verified token from ${file} (web-identity-token-file) to evaluate the role trust policy against (see the token findings).` : "There is no verified GitHub OIDC token to evaluate the role trust policy against (see the token findings).",
        fix: file ? `Fix the token in ${file} first: the trust policy is evaluated against its claims.` : "Fix the GitHub OIDC token first: the trust policy is evaluated against its claims."
      })
    ];
  }
};

export {
  SESSION_NAME_KEY,
  isObject,
  knownKey,
  buildWebIdentityRequest,
  checkTrust,
  conflictingTrust,
  closest,
  trustCheck
};
