import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  MAY_MEET,
  compileGlob,
  globWitness,
  hasWildcard
} from "./shared-iam-glob.js";

// src/tokens/github.ts
var GITHUB_ISSUER = "https://token.actions.githubusercontent.com";
var DOCS = "https://docs.github.com/en/actions/reference/security/oidc";
var GITHUB_OIDC_DOCS = {
  subject: `${DOCS}#example-subject-claims`,
  immutable: `${DOCS}#immutable-subject-claims`,
  customTemplate: `${DOCS}#customizing-the-subject-claims-for-an-organization-or-repository`,
  permissions: `${DOCS}#workflow-permissions-for-the-requesting-the-oidc-token`,
  enterpriseIssuer: "https://docs.github.com/en/enterprise-cloud@latest/actions/reference/security/oidc#customizing-the-issuer-value-for-an-enterprise",
  serverIssuer: "https://docs.github.com/en/enterprise-server@latest/actions/reference/security/oidc#oidc-token-claims"
};
function classifyIssuer(iss) {
  if (iss === GITHUB_ISSUER) return { form: "default" };
  const enterprise = /^https:\/\/token\.actions\.githubusercontent\.com\/([A-Za-z0-9][A-Za-z0-9_-]*)$/.exec(iss);
  if (enterprise?.[1]) return { form: "enterprise", slug: enterprise[1] };
  const gheCom = /^https:\/\/token\.actions\.([a-z0-9-]+)\.ghe\.com(?:\/([A-Za-z0-9][A-Za-z0-9_-]*))?$/.exec(iss);
  if (gheCom?.[1]) return { form: "ghe-com", subdomain: gheCom[1], ...gheCom[2] ? { slug: gheCom[2] } : {} };
  const server = /^https:\/\/([^/?#@]+)\/_services\/token$/.exec(iss);
  if (server?.[1]) return { form: "server", host: server[1] };
  return { form: "other" };
}
function isAcceptableIssuerUrl(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username || parsed.password || url.includes("?") || url.includes("#")) return false;
  if (parsed.protocol === "https:") return true;
  const host = parsed.hostname;
  return parsed.protocol === "http:" && (host === "localhost" || host === "[::1]" || /^127(\.\d{1,3}){3}$/.test(host));
}
var CONTEXT_KEYS = /* @__PURE__ */ new Set(["environment", "pull_request", "ref"]);
var REPO = /^([^/@:]+)(?:@(\d+))?\/([^/@:]+)(?:@(\d+))?$/;
function parseSubject(sub) {
  const tokens = sub.split(":");
  const parts = [];
  for (let i = 0; i < tokens.length; ) {
    const key = tokens[i] ?? "";
    if (key === "pull_request") {
      parts.push({ key });
      i += 1;
      continue;
    }
    const value = tokens[i + 1];
    if (!/^[A-Za-z0-9_]+$/.test(key) || value === void 0)
      return { form: "unrecognized", parts, immutable: false, escaped: false };
    parts.push({ key, value: value.replace(/%3A/gi, ":") });
    i += 2;
  }
  const repoMatch = REPO.exec(parts.find((p) => p.key === "repo")?.value ?? "");
  const repository = repoMatch ? {
    owner: repoMatch[1] ?? "",
    name: repoMatch[3] ?? "",
    ...repoMatch[2] ? { ownerId: repoMatch[2] } : {},
    ...repoMatch[4] ? { repoId: repoMatch[4] } : {}
  } : void 0;
  const context = parts.find((p) => CONTEXT_KEYS.has(p.key));
  const isDefault = parts.length === 2 && parts[0]?.key === "repo" && context === parts[1];
  let form = parts.length === 0 ? "unrecognized" : "custom";
  if (isDefault && context) {
    if (context.key === "environment") form = "environment";
    else if (context.key === "pull_request") form = "pull-request";
    else if (context.value?.startsWith("refs/heads/")) form = "branch";
    else form = context.value?.startsWith("refs/tags/") ? "tag" : "ref";
  }
  return {
    form,
    parts,
    ...repository ? { repository } : {},
    immutable: Boolean(repository?.ownerId && repository.repoId),
    ...context?.key === "environment" && context.value !== void 0 ? { environment: context.value } : {},
    ...context?.key === "ref" && context.value !== void 0 ? { ref: context.value } : {},
    escaped: /%3A/i.test(sub)
  };
}
function isGitHubToken(claims) {
  if (typeof claims.iss === "string" && classifyIssuer(claims.iss).form !== "other") return true;
  return typeof claims.repository === "string" && typeof claims.event_name === "string";
}
var short = (ref) => ref.replace(/^refs\/(heads|tags)\//, "");
var CHOSEN_BY = {
  workflow_dispatch: "the person starting it picks",
  create: "the person creating it names"
};
function refChosenBy(event) {
  return typeof event === "string" && Object.hasOwn(CHOSEN_BY, event) ? CHOSEN_BY[event] : void 0;
}
var STRING_OPS_DOC = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String";
var CONDITION_LOGIC_DOC = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html";
var isLike = (operator) => /Like/i.test(operator);
function meets(operator, value, sub) {
  if (isLike(operator)) return compileGlob(value)(sub);
  return /IgnoreCase/i.test(operator) ? value.toLowerCase() === sub.toLowerCase() : value === sub;
}
function noneMeetsAll(conditions) {
  const literal = conditions.find((c) => !isLike(c.operator));
  if (literal) {
    const others = conditions.filter((c) => c !== literal);
    return !literal.values.some((v) => others.every((c) => c.values.some((w) => meets(c.operator, w, v))));
  }
  const [a, b, ...rest] = conditions;
  if (!a || !b || rest.length > 0) return void 0;
  for (const x of a.values)
    for (const y of b.values) {
      const met = globWitness(x, y);
      if (met === MAY_MEET) return void 0;
      if (met !== void 0) return false;
    }
  return true;
}
var conditionText = (c) => `\`${c.operator}\` ${c.values.map((v) => `\`${v}\``).join(" or ")}`;
function explainSubject(claims, telling = {}) {
  const sub = claims.sub;
  if (typeof sub !== "string") return void 0;
  const parsed = parseSubject(sub);
  const event = typeof claims.event_name === "string" ? claims.event_name : void 0;
  const ref = parsed.ref ?? "";
  const who = refChosenBy(event);
  const picked = (kind) => who && telling.sampleFrom ? `a ${event} run is for ${telling.sampleFrom} ${who} (${kind} \`${short(ref)}\` is one sample) in a job without an environment` : void 0;
  const reasons = {
    environment: () => `the job references the environment \`${parsed.environment}\`, and an environment takes the place of the pull_request and ref forms${event ? ` (this run is a ${event} event)` : ""}`,
    "pull-request": () => "this run is a pull_request event in a job without an environment",
    branch: () => picked("branch") ?? `this run is for branch \`${short(ref)}\`${event ? ` (a ${event} event)` : ""} in a job without an environment`,
    tag: () => picked("tag") ?? `this run is for tag \`${short(ref)}\`${event ? ` (a ${event} event)` : ""} in a job without an environment`,
    ref: () => `this run is for ref \`${ref}\` in a job without an environment`,
    custom: () => `the repository or its organization uses a customized subject template (claims ${parsed.parts.map((p) => p.key).join(", ")}), which replaces the whole default format`,
    unrecognized: () => "of a format GitHub does not document"
  };
  let because = reasons[parsed.form]();
  if (parsed.immutable && parsed.repository) {
    const { owner, ownerId, name, repoId } = parsed.repository;
    because += `; the repository uses immutable subject claims, so owner and repository carry their IDs (\`${owner}@${ownerId}/${name}@${repoId}\`)`;
  }
  if (parsed.escaped) because += "; a colon inside a value is written as %3A";
  return { sub, parsed, because };
}
function refRuns(kind, name) {
  if (name === "*") return `runs for any ${kind}`;
  if (/[*?]/.test(name)) return `runs for any ${kind} whose name matches \`${name}\``;
  return kind === "branch" ? `runs for branch \`${name}\` (such as pushes to ${name})` : `runs for tag \`${name}\``;
}
function customPatternKeys(pattern) {
  const parsed = parseSubject(pattern);
  if (parsed.form !== "custom") return void 0;
  const keys = parsed.parts.map((p) => p.key);
  return keys.length === 1 && keys[0] === "repo" ? void 0 : keys;
}
var codes = (keys) => keys.map((k) => `\`${k}\``).join(", ");
var templateKeys = (keys) => [...new Set(keys.map((k) => CONTEXT_KEYS.has(k) ? "context" : k))];
function describePattern(pattern, operator = "StringLike") {
  if (!isLike(operator) && hasWildcard(pattern))
    return `is a value of \`${operator}\`, which does not expand \`*\` or \`?\`: it matches only a sub that is literally \`${pattern}\``;
  const custom = customPatternKeys(pattern);
  if (custom) {
    return `is written for a customized subject template (claims ${codes(custom)}), which replaces the whole default format`;
  }
  const rules = [
    [/^repo:[^:]+:environment:(.+)$/, (m) => `only matches jobs that reference the environment \`${m[1]}\``],
    [/^repo:[^:]+:pull_request$/, () => "only matches pull_request events in jobs without an environment"],
    [
      /^repo:[^:]+:ref:refs\/heads\/(.+)$/,
      (m) => `only matches ${refRuns("branch", m[1] ?? "")} in jobs without an environment`
    ],
    [
      /^repo:[^:]+:ref:refs\/tags\/(.+)$/,
      (m) => `only matches ${refRuns("tag", m[1] ?? "")} in jobs without an environment`
    ],
    [/^repo:([^:]+):\*$/, (m) => `matches any run of \`${m[1]}\``],
    [/^repo:/, () => "expects GitHub's default subject format"]
  ];
  for (const [re, say] of rules) {
    const m = re.exec(pattern);
    if (m) return say(m);
  }
  return "does not match it";
}
var repoSegment = (text) => /^repo:([^:]+)/.exec(text)?.[1];
function diagnose(ex, pattern, telling) {
  const { sub, parsed } = ex;
  const operator = telling.operator ?? "StringLike";
  if (!isLike(operator) && hasWildcard(pattern) && compileGlob(pattern)(sub))
    return `As a \`StringLike\` pattern it would match this sub; \`${operator}\` compares it as plain text.`;
  const caseOnly = isLike(operator) ? compileGlob(pattern, true)(sub) && !compileGlob(pattern)(sub) : sub !== pattern && sub.toLowerCase() === pattern.toLowerCase();
  if (caseOnly) return "They differ only in case, and AWS compares `sub` case-sensitively.";
  const wanted = repoSegment(pattern);
  const actual = repoSegment(sub);
  if (parsed.form === "custom" && wanted !== void 0 && /^repo:[^:]+:(environment|pull_request|ref)\b/.test(pattern)) {
    return "A customized subject template replaces the whole `sub`, so a pattern in the default format cannot match; write it in the template's format.";
  }
  if (parsed.form !== "custom" && customPatternKeys(pattern)) {
    return telling.defaultTemplate ? `The sub is in the default format because ${telling.defaultTemplate}.` : "The pattern expects a customized subject template, but this repository uses the default format.";
  }
  if (wanted !== void 0 && actual !== void 0 && wanted !== actual && !compileGlob(wanted)(actual)) {
    const names = (s) => s.replace(/@\d+/g, "");
    if (parsed.immutable && !wanted.includes("@") && compileGlob(wanted)(names(actual))) {
      return `This repository uses immutable subject claims (repositories created, renamed or transferred after July 15, 2026, or opted in), so its \`sub\` names \`${actual}\`, never \`${wanted}\`.`;
    }
    if (!parsed.immutable && wanted.includes("@") && compileGlob(names(wanted))(actual)) {
      return "The pattern uses the immutable form with IDs, but this repository has not opted in to immutable subject claims.";
    }
    if (names(wanted) === names(actual)) {
      return `The names agree but the IDs differ (\`${wanted}\` against \`${actual}\`): the owner or repository was recreated, or another account took the name.`;
    }
    return `The pattern names the repository \`${wanted}\`, but this run is in \`${actual}\`.`;
  }
  if (parseSubject(pattern).parts.some((p) => p.key === "ref_type" && p.value?.startsWith("refs/")))
    return "The `ref_type` claim is `branch` or `tag`, never a ref: write `ref_type:branch` or `ref_type:tag`.";
  if (parsed.escaped && !/%3A/i.test(pattern))
    return "GitHub writes a colon inside a value as `%3A`; the pattern must too.";
  return void 0;
}
function explainSubjectMismatch(claims, pattern, telling = {}) {
  const ex = explainSubject(claims, telling);
  if (!ex) return `The token has no \`sub\` claim, so the expected pattern \`${pattern}\` cannot match.`;
  const anded = andedConditions(pattern, telling);
  if (anded) {
    const failing = anded.all.filter((c) => !c.values.some((v) => meets(c.operator, v, ex.sub)));
    const outcome = anded.impossible ? "no sub can meet them all, so the statement admits no token" : `this sub fails ${failing.map(conditionText).join(" and ")}`;
    return `sub is \`${ex.sub}\` because ${ex.because}; the statement requires ${anded.all.map(conditionText).join(" and ")} at once (AWS ANDs the conditions of a statement), and ${outcome}.`;
  }
  const hint = diagnose(ex, pattern, telling);
  return `sub is \`${ex.sub}\` because ${ex.because}; the expected pattern \`${pattern}\` ${describePattern(pattern, telling.operator)}.${hint ? ` ${hint}` : ""}`;
}
function andedConditions(pattern, telling) {
  if (!telling.alsoRequired?.length) return void 0;
  const own = { operator: telling.operator ?? "StringLike", values: [pattern] };
  const all = [own, ...telling.alsoRequired];
  return { all, impossible: noneMeetsAll(all) === true };
}
function suggestSubjectFix(claims, pattern, telling = {}) {
  const ex = explainSubject(claims);
  if (!ex) return "Request the token from GitHub Actions (it always carries `sub`), or drop the `sub` expectation.";
  const { sub, parsed } = ex;
  const anded = andedConditions(pattern, telling);
  if (anded?.impossible) {
    const values = anded.all.flatMap((c) => c.values);
    return `The conditions on \`sub\` of one statement are ANDed, and no sub meets ${anded.all.map(conditionText).join(" and ")} at once. To allow each, make them values of one condition, which are ORed (\`"StringLike": { "\u2026:sub": [${values.map((v) => `"${v}"`).join(", ")}] }\`), or give each a statement of its own (${CONDITION_LOGIC_DOC}).`;
  }
  const operator = telling.operator ?? "StringLike";
  if (!isLike(operator) && hasWildcard(pattern) && compileGlob(pattern)(sub)) {
    return `Compare with \`StringLike\` instead of \`${operator}\`: \`${operator}\` does not expand \`*\` or \`?\`, so \`${pattern}\` matches only that literal text, while under \`StringLike\` it matches \`${sub}\` (${STRING_OPS_DOC}).`;
  }
  const repo = repoSegment(sub) ?? "OWNER/REPO";
  const wantedEnv = /:environment:([^:]+)$/.exec(pattern)?.[1];
  const wantedBranch = /:ref:refs\/heads\/([^:]+)$/.exec(pattern)?.[1];
  const wantedTag = /:ref:refs\/tags\/([^:]+)$/.exec(pattern)?.[1];
  const actualRepo = repoSegment(sub);
  const wantedRepo = repoSegment(pattern);
  if (parsed.immutable && wantedRepo && actualRepo && !wantedRepo.includes("@")) {
    const narrowed = `Use the immutable form in the pattern: \`${pattern.replace(`repo:${wantedRepo}`, `repo:${actualRepo}`)}\``;
    if (!/[*?]/.test(wantedRepo)) return `${narrowed}.`;
    const owner = actualRepo.split("/")[0] ?? actualRepo;
    const [wantedOwner = "", wantedName = ""] = wantedRepo.split("/");
    const wide = /[*?]/.test(wantedOwner) ? wantedRepo : `${owner}/${wantedName}`;
    return `${narrowed}, which narrows \`${wantedRepo}\` to this one repository. To keep admitting every repository \`${wantedRepo}\` matches, write \`${pattern.replace(`repo:${wantedRepo}`, `repo:${wide}`)}\`: the owner with its ID, and the wildcard, which also matches the IDs the repositories carry.`;
  }
  const custom = customPatternKeys(pattern);
  if (custom && parsed.form !== "custom") {
    return `The pattern reads ${codes(custom)} of a customized subject template, and this token's \`sub\` is in the default format: expect \`${sub}\`, or set the repository's template to \`${templateKeys(custom).join(",")}\` (PUT /repos/{owner}/{repo}/actions/oidc/customization/sub, or the organization's), after which every trust of the repository must be written in that format.`;
  }
  if (wantedEnv && parsed.form !== "environment" && parsed.form !== "custom") {
    return `Add \`environment: ${wantedEnv.replace(/%3A/gi, ":")}\` to the job (an environment takes the place of the ref and pull_request forms), or, if this run should be trusted, expect \`${sub}\`.`;
  }
  if ((wantedBranch || wantedTag) && parsed.form === "environment") {
    return `The job references the environment \`${parsed.environment}\`, so \`sub\` never carries the ref: expect \`repo:${repo}:environment:${parsed.parts[1]?.value?.replace(/:/g, "%3A")}\`, or remove the environment from the job.`;
  }
  if (wantedEnv && parsed.form === "environment" && parsed.environment !== void 0) {
    const name = wantedEnv.replace(/%3A/gi, ":");
    const rename = /[*?]/.test(name) ? `a name that \`${name}\` matches` : `\`${name}\``;
    return `If the environment \`${parsed.environment}\` should deploy with this role, allow \`${sub}\` in the trust: an environment's sub is the same for every ref the job runs for, so it is the value to trust, not a sample. Otherwise rename the job's environment to ${rename}.`;
  }
  const who = refChosenBy(claims.event_name);
  if (who && parsed.ref !== void 0) {
    return keepToTrustedRef(String(claims.event_name), who, pattern, sub, parsed.ref);
  }
  if (wantedBranch && parsed.form === "pull-request") {
    return `Run the deploy on a push to \`${wantedBranch}\` rather than on pull_request, or, if pull requests should be trusted, also allow \`repo:${repo}:pull_request\` (anyone who can push a branch can open one).`;
  }
  if (wantedTag && parsed.form !== "tag") {
    return `Trigger the job on tag pushes (\`on: push: tags: ['${wantedTag}']\`), or, if this run should be trusted, expect \`${sub}\`.`;
  }
  if (telling.knownUpTo !== void 0) {
    return `Change the expected pattern so it matches every sub that begins \`${telling.knownUpTo}\` (such as \`${telling.knownUpTo}*\` under \`StringLike\`: the rest is not known before the run), or change the workflow so the run produces the form the pattern expects.`;
  }
  if (telling.sampleFrom) {
    return `Change the expected pattern so it matches the sub of each ref of ${telling.sampleFrom} the job should run for (\`${sub}\` is the sub of one sample ref, not a pattern to trust), or change the workflow so the run produces the form the pattern expects.`;
  }
  return `Change the expected pattern so it matches \`${sub}\`, or change the workflow so the run produces the form the pattern expects.`;
}
function keepToTrustedRef(event, who, pattern, sub, ref) {
  const wanted = parseSubject(pattern).ref ?? /:ref:(refs\/[^:]+)$/.exec(pattern)?.[1];
  const prefix = wanted?.endsWith("*") ? wanted.slice(0, -1) : void 0;
  const guard = wanted && !/[*?]/.test(wanted) ? `github.ref == '${wanted}'` : prefix && !/[*?]/.test(prefix) ? `startsWith(github.ref, '${prefix}')` : void 0;
  const why = `a ${event} run is for the branch or tag ${who}, so expecting \`${sub}\` would trust any ref that person picks`;
  if (guard)
    return `Add \`if: ${guard}\` to the job, so it runs only on the refs the trust admits (in a job other events run too: \`if: github.event_name != '${event}' || ${guard}\`): ${why}.`;
  return `Allow one branch in the trust (such as \`${sub.split(ref).join("refs/heads/main")}\`) and add \`if: github.ref == 'refs/heads/main'\` to the job, or give the job an environment and allow its \`sub\`: ${why}.`;
}

export {
  GITHUB_ISSUER,
  GITHUB_OIDC_DOCS,
  classifyIssuer,
  isAcceptableIssuerUrl,
  parseSubject,
  isGitHubToken,
  refChosenBy,
  explainSubject,
  customPatternKeys,
  explainSubjectMismatch,
  suggestSubjectFix
};
