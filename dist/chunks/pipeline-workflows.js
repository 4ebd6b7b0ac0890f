import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  exchangeSettings,
  literal
} from "./shared-pipeline-exchange.js";
import {
  unreadableFilesNote,
  unreadablePolicyFiles
} from "./shared-aws-files-json.js";
import {
  chainKey,
  jobName
} from "./shared-workflows-callers.js";
import {
  isCommitSha,
  remoteKey,
  remoteOf
} from "./shared-workflows-remote.js";
import "./shared-workflows-limits.js";
import {
  PERMISSIONS_SYNTAX_URL,
  scopeMeantBy,
  settingsRequest
} from "./shared-workflows-github-token-scopes.js";
import {
  SESSION_NAME_KEY,
  buildWebIdentityRequest,
  closest,
  conflictingTrust,
  isObject,
  knownKey
} from "./shared-checks-trust-request.js";
import {
  providerListing
} from "./shared-checks-provider.js";
import {
  parseDocument,
  rcpLayer
} from "./shared-checks-permissions-context.js";
import {
  compilePolicySet,
  evaluate
} from "./shared-iam-arn.js";
import "./shared-checks-session-region.js";
import {
  populatedKeysForOidcProvider
} from "./shared-catalog-arn-format.js";
import {
  finding,
  findingMaker
} from "./shared-model-finding-classes.js";
import {
  misplacedArn
} from "./shared-config-secret-values.js";
import {
  hashIdSecrets,
  redactQuotedSecrets
} from "./shared-text-secret-shapes.js";
import "./shared-text-edit-distance.js";
import {
  GITHUB_ISSUER,
  GITHUB_OIDC_DOCS,
  customPatternKeys,
  explainSubject,
  explainSubjectMismatch,
  parseSubject,
  refChosenBy,
  suggestSubjectFix
} from "./shared-tokens-github.js";
import {
  globCovers,
  globWitness,
  hasWildcard,
  matchGlob
} from "./shared-iam-glob.js";
import "./shared-config-aws.js";
import {
  mergeVariables
} from "./shared-model-variables.js";
import "./shared-config-permissions.js";
import "./shared-tokens-duration.js";
import {
  trustConflict
} from "./shared-model-aws.js";
import "./shared-text-secrets.js";
import "./shared-text-json-depth.js";
import "./shared-runtime-efb0f0b2.js";

// src/workflows/predict/filter.ts
var MAX_PATTERN = 1024;
var RANGE = /^(?:[a-z]-[a-z]|[A-Z]-[A-Z]|[0-9]-[0-9])$/;
function classChars(body) {
  let out = "";
  for (let i = 0; i < body.length; ) {
    const range = body.slice(i, i + 3);
    if (RANGE.test(range)) {
      for (let c = range.charCodeAt(0); c <= range.charCodeAt(2); c++) out += String.fromCharCode(c);
      i += 3;
    } else {
      out += body[i];
      i += 1;
    }
  }
  return out.length > 0 ? out : void 0;
}
function parseFilter(text) {
  const negated = text.startsWith("!");
  const body = negated ? text.slice(1) : text;
  const atoms = [];
  const fail = (error) => ({ text, negated, atoms, error });
  if (text.length > MAX_PATTERN) return fail(`longer than ${MAX_PATTERN} characters`);
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === "?" || c === "+") {
      const last = atoms.pop();
      if (last?.repeat !== "one") return fail(`\`${c}\` at ${i + 1} has no character before it to repeat`);
      const wild = last.kind === "star" || last.kind === "globstar";
      atoms.push(wild ? last : { ...last, repeat: c === "?" ? "optional" : "some" });
    } else if (c === "*") {
      const globstar = body[i + 1] === "*";
      atoms.push({ kind: globstar ? "globstar" : "star", chars: "", repeat: "one" });
      if (globstar) i += 1;
    } else if (c === "[") {
      const end = body.indexOf("]", i + 1);
      const chars = end === -1 ? void 0 : classChars(body.slice(i + 1, end));
      if (end === -1 || chars === void 0) return fail(`\`[\` at ${i + 1} opens no character class`);
      atoms.push({ kind: "class", chars, repeat: "one" });
      i = end;
    } else if (c === "\\" && i + 1 < body.length) {
      atoms.push({ kind: "literal", chars: body[i + 1], repeat: "one" });
      i += 1;
    } else {
      atoms.push({ kind: "literal", chars: c, repeat: "one" });
    }
  }
  return { text, negated, atoms };
}
function takes(a, c) {
  if (a.kind === "globstar") return true;
  if (a.kind === "star") return c !== "/";
  return a.chars.includes(c);
}
function matchesFilter(pattern, name) {
  const atoms = pattern.atoms;
  const n = atoms.length;
  let states = closure(/* @__PURE__ */ new Set([0]), atoms);
  for (const c of name) {
    const next = /* @__PURE__ */ new Set();
    for (const s of states) {
      const i = s >> 1;
      const a = atoms[i];
      if (!a || !takes(a, c)) continue;
      if (s & 1 || a.repeat === "some") next.add(2 * i + 1);
      else if (a.kind === "star" || a.kind === "globstar") next.add(2 * i);
      else next.add(2 * (i + 1));
    }
    if (next.size === 0) return false;
    states = closure(next, atoms);
  }
  return states.has(2 * n);
}
function closure(states, atoms) {
  const todo = [...states];
  while (todo.length > 0) {
    const s = todo.pop();
    const a = atoms[s >> 1];
    if (!a) continue;
    const skips = s & 1 || a.repeat === "optional" || (a.kind === "star" || a.kind === "globstar") && a.repeat === "one";
    const next = 2 * ((s >> 1) + 1);
    if (skips && !states.has(next)) {
      states.add(next);
      todo.push(next);
    }
  }
  return states;
}
function filterList(texts, ignore = false) {
  const patterns = texts.map(parseFilter);
  const errors = patterns.filter((p) => p.error).map((p) => `\`${p.text}\`: ${p.error}`);
  return { patterns, ignore, errors };
}
function passes(list, name) {
  if (list.ignore) return !list.patterns.some((p) => matchesFilter(p, name));
  let verdict = false;
  for (const p of list.patterns) if (!p.error && matchesFilter(p, name)) verdict = !p.negated;
  return verdict;
}
function choices(a) {
  const one = a.kind === "star" ? ["x", "", "x-1"] : a.kind === "globstar" ? ["x", "", "x/y"] : a.kind === "class" ? [a.chars[0] ?? ""] : [a.chars];
  if (a.kind === "class" && a.chars.length > 1) one.push(a.chars[a.chars.length - 1]);
  if (a.repeat === "optional") return [...one, ""];
  const twice = a.kind === "class" && a.chars.length > 1 ? [`${a.chars[1]}${a.chars[0]}`, `${one[1]}${one[1]}`] : one.map((o) => o + o);
  if (a.repeat === "some") return [...one, ...twice];
  return one;
}
function isRefName(name) {
  if (name === "" || name === "@" || name.includes("..") || name.includes("@{")) return false;
  if (/[\u0000-\u0020\u007f~^:?*[\\]/.test(name) || name.endsWith(".")) return false;
  return name.split("/").every((part) => part !== "" && !part.startsWith(".") && !part.endsWith(".lock"));
}
function sampleNames(list, limit = 32) {
  const out = /* @__PURE__ */ new Set();
  const positives = list.ignore ? [parseFilter("**")] : list.patterns.filter((p) => !p.negated && !p.error);
  for (const p of positives) {
    const options = p.atoms.map(choices);
    let tries = 0;
    const tryName = (index2) => {
      tries++;
      const name = options.map((o, k) => o[index2[k]]).join("");
      if (isRefName(name) && passes(list, name)) out.add(name);
    };
    const more = () => tries < limit * 8 && out.size < limit;
    const plain = options.map(() => 0);
    tryName(plain);
    const widest = Math.max(0, ...options.map((o) => o.length));
    for (let j = 1; j < widest && more(); j++) {
      for (let k = 0; k < options.length && more(); k++) {
        if (j < options[k].length) tryName(plain.map((x, i) => i === k ? j : x));
      }
    }
    const index = options.map(() => 0);
    while (more()) {
      let k = options.length - 1;
      while (k >= 0 && index[k] + 1 >= options[k].length) index[k--] = 0;
      if (k < 0) break;
      index[k] = index[k] + 1;
      tryName(index);
    }
  }
  return [...out].slice(0, limit);
}
function coveringGlob(pattern) {
  if (pattern.negated || pattern.error) return void 0;
  let out = "";
  for (const a of pattern.atoms) {
    if (a.kind === "star" || a.kind === "globstar" || a.repeat !== "one") out += "*";
    else if (a.kind === "class") out += a.chars.length === 1 ? literal2(a.chars) : "?";
    else out += literal2(a.chars);
  }
  return out.replace(/\*+/g, "*");
}
var literal2 = (c) => c === "*" || c === "?" ? "?" : c;

// src/workflows/predict/conditions.ts
var MAX_CONDITION = 4096;
function splitTop(text, sep) {
  const parts = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") quoted = !quoted;
    else if (!quoted && c === "(") depth++;
    else if (!quoted && c === ")") depth--;
    else if (!quoted && depth === 0 && text.startsWith(sep, i)) {
      parts.push(text.slice(start, i));
      start = i + 2;
      i++;
    }
    if (depth < 0) return void 0;
  }
  if (depth !== 0 || quoted) return void 0;
  parts.push(text.slice(start));
  return parts.map((p) => p.trim());
}
function unwrap(text) {
  let t = text.trim();
  while (t.startsWith("(") && t.endsWith(")") && splitTop(t.slice(1, -1), "&&") !== void 0)
    t = t.slice(1, -1).trim();
  return t;
}
var QUOTED = "'([^']*)'";
var FORMS = [
  [new RegExp(`^github\\.ref\\s*==\\s*${QUOTED}$`), (v) => ({ kind: "equals", refs: [v] })],
  [new RegExp(`^${QUOTED}\\s*==\\s*github\\.ref$`), (v) => ({ kind: "equals", refs: [v] })],
  [
    new RegExp(`^github\\.ref_name\\s*==\\s*${QUOTED}$`),
    (v) => ({ kind: "equals", refs: [`refs/heads/${v}`, `refs/tags/${v}`] })
  ],
  [
    new RegExp(`^startsWith\\(\\s*github\\.ref\\s*,\\s*${QUOTED}\\s*\\)$`),
    (v) => ({ kind: "prefix", prefix: v, of: "ref" })
  ],
  [
    new RegExp(`^startsWith\\(\\s*github\\.ref_name\\s*,\\s*${QUOTED}\\s*\\)$`),
    (v) => ({ kind: "prefix", prefix: v, of: "name" })
  ]
];
function constraintOf(text) {
  const t = unwrap(text);
  for (const [re, make] of FORMS) {
    const m = re.exec(t);
    if (m) return make(m[1]);
  }
  return void 0;
}
var EVENT_TEST = new RegExp(`^github\\.event_name\\s*(==|!=)\\s*${QUOTED}$`);
function eventTest(text, event) {
  const m = event === void 0 ? null : EVENT_TEST.exec(unwrap(text));
  if (!m) return void 0;
  const same = m[2].toLowerCase() === event.toLowerCase();
  return m[1] === "==" ? same : !same;
}
function readConjunct(conjunct, event) {
  const alternatives = splitTop(unwrap(conjunct), "||");
  if (!alternatives || alternatives.length === 0) return void 0;
  const out = [];
  for (const a of alternatives) {
    const test = eventTest(a, event);
    if (test === true) return "always";
    if (test === false) continue;
    const c = constraintOf(a);
    if (!c) return void 0;
    out.push(c);
  }
  return out.length > 0 ? out : void 0;
}
function refConstraints(condition, event) {
  if (condition.length > MAX_CONDITION) return void 0;
  const bare = condition.trim().replace(/^\$\{\{([\s\S]*)\}\}$/, "$1");
  const conjuncts = splitTop(unwrap(bare), "&&");
  if (!conjuncts) return void 0;
  const out = [];
  for (const conjunct of conjuncts) {
    const read = readConjunct(conjunct, event);
    if (read && read !== "always") out.push(read);
  }
  return out.length > 0 ? out : void 0;
}
var readsRef = (condition) => /\bgithub\.ref\b|\bgithub\.ref_name\b|\bGITHUB_REF\b/.test(condition);
function withoutConstraints(condition, event) {
  const bare = condition.trim().replace(/^\$\{\{([\s\S]*)\}\}$/, "$1");
  const conjuncts = splitTop(unwrap(bare), "&&");
  if (!conjuncts) return condition;
  return conjuncts.filter((c) => readConjunct(c, event) === void 0).join(" && ");
}

// src/workflows/predict/refs.ts
var EVENTS_DOC = "https://docs.github.com/en/actions/writing-workflows/choosing-when-your-workflow-runs/events-that-trigger-workflows";
var FILTERS_DOC = "https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#onpushbranchestagsbranches-ignoretags-ignore";
var DEFAULT_BRANCH_EVENTS = /* @__PURE__ */ new Set([
  "schedule",
  "workflow_run",
  "branch_protection_rule",
  "check_run",
  "check_suite",
  "delete",
  "discussion",
  "discussion_comment",
  "fork",
  "gollum",
  "issue_comment",
  "issues",
  "label",
  "milestone",
  "page_build",
  "public",
  "repository_dispatch",
  "status",
  "watch"
]);
var ANY_BRANCH = { kind: "names", prefix: "refs/heads/" };
var ANY_TAG = { kind: "names", prefix: "refs/tags/" };
var unknown = (reason, docUrl = EVENTS_DOC) => ({ kind: "unknown", reason, docUrl });
function predictRefs(trigger, facts) {
  const name = trigger.event === "other" ? trigger.eventName : trigger.event;
  switch (name) {
    case "push":
      return pushRefs(trigger);
    case "pull_request":
      return { kind: "known", spaces: [{ kind: "pull-merge" }] };
    case "workflow_dispatch":
    case "create":
      return { kind: "known", spaces: [ANY_BRANCH, ANY_TAG] };
    case "release":
      return { kind: "known", spaces: [ANY_TAG] };
    case "workflow_call":
      return unknown("a reusable workflow runs with the event of the workflow that calls it, and no caller was read");
    case "merge_group":
      return mergeGroupRefs(trigger);
    default:
      if (!DEFAULT_BRANCH_EVENTS.has(name) && name !== "pull_request_target") {
        return unknown(`the events page does not give GITHUB_REF for \`${name}\` as a ref the workflow decides`);
      }
      if (facts.defaultBranch === void 0) return unknown(DEFAULT_BRANCH_UNKNOWN);
      return { kind: "known", spaces: [{ kind: "ref", ref: `refs/heads/${facts.defaultBranch}` }] };
  }
}
var DEFAULT_BRANCH_UNKNOWN = "the repository's default branch is not known (predict takes it as `--default-branch BRANCH`; the action reads it from the event payload's `repository.default_branch`)";
var MERGE_QUEUE_DOC = "https://docs.github.com/en/repositories/configuring-branches-and-merges-in-your-repository/configuring-pull-request-merges/managing-a-merge-queue";
function mergeGroupRefs(trigger) {
  const [only, ...more] = trigger.branches ?? [];
  const base = only !== void 0 && more.length === 0 && isRefName(only) && !/[*?+[\]!]/.test(only) ? only : void 0;
  const prefix = `refs/heads/gh-readonly-queue/${base === void 0 ? "" : `${base}/`}`;
  return {
    kind: "unknown",
    reason: `a merge group's branch is \`${prefix}\` then a part GitHub does not document${base === void 0 ? " (the base branch is not one branch the trigger names)" : ""}`,
    docUrl: MERGE_QUEUE_DOC,
    prefix
  };
}
function pushRefs(trigger) {
  const spaces = [];
  const branches = listOf(trigger.branches, trigger.branchesIgnore);
  const tags = listOf(trigger.tags, trigger.tagsIgnore);
  for (const l of [branches, tags]) {
    if (l && "errors" in l && l.errors.length > 0)
      return unknown(`a filter pattern does not parse: ${l.errors.join("; ")}`, FILTERS_DOC);
  }
  if (branches || !tags) spaces.push(branches ? { ...ANY_BRANCH, list: branches } : ANY_BRANCH);
  if (tags || !branches) spaces.push(tags ? { ...ANY_TAG, list: tags } : ANY_TAG);
  return { kind: "known", spaces };
}
function listOf(include, ignore) {
  if (include) return filterList(include);
  if (ignore) return filterList(ignore, true);
  return void 0;
}
function inSpace(space, ref) {
  if (space.kind === "ref") return space.ref === ref;
  if (space.kind === "pull-merge") return /^refs\/pull\/[1-9][0-9]*\/merge$/.test(ref);
  if (!ref.startsWith(space.prefix)) return false;
  const rest = ref.slice(space.prefix.length);
  return isRefName(rest) && (space.list ? passes(space.list, rest) : true) && (space.also ?? []).every((l) => passes(l, rest));
}
function sampleRefs(space, limit = 16) {
  if (space.kind === "ref") return [space.ref];
  if (space.kind === "pull-merge") return ["refs/pull/1/merge"];
  const lists = [...space.list ? [space.list] : [], ...space.also ?? []];
  const open = space.prefix === "refs/tags/" ? ["v1.0.0", "x/y", "nightly"] : ["main", "x/y", "v1.0.0"];
  const names = lists.length > 0 ? lists.flatMap((l) => sampleNames(l, limit)) : open;
  const kept = names.filter((n) => inSpace(space, space.prefix + n));
  return [...new Set(kept)].slice(0, limit).map((n) => space.prefix + n);
}
function coveringGlobs(space) {
  if (space.kind === "ref") return [space.ref.replace(/[*?]/g, "?")];
  if (space.kind === "pull-merge") return ["refs/pull/*/merge"];
  const list = [space.list, ...space.also ?? []].find((l) => l !== void 0 && !l.ignore);
  if (!list) return [`${space.prefix}*`];
  const globs = list.patterns.filter((p) => !p.negated).map(coveringGlob);
  return globs.every((g) => g !== void 0) ? globs.map((g) => space.prefix + g) : [`${space.prefix}*`];
}
function describeSpace(space) {
  if (space.kind === "ref") return space.ref;
  if (space.kind === "pull-merge") return "refs/pull/<number>/merge";
  const names = (l) => {
    const texts = l.patterns.map((p) => p.text);
    return texts.length === 1 ? texts[0] : `{${texts.join(", ")}}`;
  };
  const shown2 = (l) => l.ignore ? `${space.prefix}** except ${names(l)}` : `${space.prefix}${names(l)}`;
  const [first, ...rest] = [...space.list ? [space.list] : [], ...space.also ?? []];
  if (!first) return `${space.prefix}**`;
  const also = rest.map((l) => `, that also ${l.ignore ? "are not" : "match"} ${space.prefix}${names(l)}`).join("");
  return `${shown2(first)}${also}`;
}
var prefixPattern = (prefix) => `${prefix.replace(/[*?+[\]!\\]/g, "\\$&")}**`;
function meet(space, c) {
  if (c.kind === "equals") return c.refs.filter((r) => inSpace(space, r)).map((ref) => ({ kind: "ref", ref }));
  if (space.kind === "ref") {
    const name = space.ref.replace(/^refs\/(heads|tags)\//, "");
    return (c.of === "ref" ? space.ref : name).startsWith(c.prefix) && (c.of === "ref" || name !== space.ref) ? [space] : [];
  }
  if (space.kind === "pull-merge")
    return c.of === "ref" && ("refs/pull/".startsWith(c.prefix) || c.prefix.startsWith("refs/pull/")) ? [space] : [];
  const full = c.of === "ref" ? c.prefix : space.prefix + c.prefix;
  if (space.prefix.startsWith(full)) return [space];
  if (!full.startsWith(space.prefix)) return [];
  const list = filterList([prefixPattern(full.slice(space.prefix.length))]);
  return [{ ...space, also: [...space.also ?? [], list] }];
}
function narrowRefs(refs, conjuncts) {
  let spaces = refs.kind === "known" ? refs.spaces : void 0;
  for (const alternatives of conjuncts) {
    const from = spaces ?? [ANY_BRANCH, ANY_TAG, { kind: "pull-merge" }];
    spaces = from.flatMap((s) => alternatives.flatMap((c) => meet(s, c)));
  }
  return spaces ? { kind: "known", spaces } : refs;
}

// src/workflows/predict/subject.ts
var REF = "\0";
var REF_TYPE = "";
function repoSegment(repo, immutable) {
  if (!immutable) return { kind: "value", value: `${repo.owner}/${repo.name}` };
  if (repo.ownerId === void 0 || repo.repoId === void 0) {
    return {
      kind: "unknown",
      reason: "the immutable form names the owner's and the repository's IDs, which were not given",
      docUrl: GITHUB_OIDC_DOCS.immutable
    };
  }
  return { kind: "value", value: `${repo.owner}@${repo.ownerId}/${repo.name}@${repo.repoId}` };
}
var escapeValue = (value2) => value2.replace(/:/g, "%3A");
function subjectContext(environment, event, ref) {
  if (environment.kind === "unknown") return environment;
  if (environment.kind === "value") return { kind: "value", value: `environment:${escapeValue(environment.value)}` };
  if (event === "pull_request") return { kind: "value", value: "pull_request" };
  if (event.startsWith("pull_request")) {
    return {
      kind: "unknown",
      reason: `GitHub documents the \`pull_request\` subject for pull_request events only; which subject a ${event} run without an environment gets is not documented`,
      docUrl: GITHUB_OIDC_DOCS.subject
    };
  }
  if (ref.kind === "unknown" && ref.prefix !== void 0) return { ...ref, prefix: `ref:${ref.prefix}` };
  return ref.kind === "value" ? { kind: "value", value: `ref:${ref.value}` } : ref;
}
function renderSubject(template, repo, context, claims) {
  const keys = template.keys === "default" ? ["repo", "context"] : template.keys;
  const parts = [];
  for (const key of keys) {
    const part = key === "repo" ? repo : key === "context" ? context : claims[key] ?? { kind: "unknown", reason: "" };
    if (part.kind === "unknown") {
      const label = key === "repo" ? "repo:" : key === "context" ? "" : `${key}:`;
      const prefix = `${parts.map((p) => `${p}:`).join("")}${label}${part.prefix ?? ""}`;
      return { ...part, reason: `its \`${key}\` part is unknown${part.reason ? `: ${part.reason}` : ""}`, prefix };
    }
    if (part.kind === "absent") {
      return { kind: "unknown", reason: `the template names \`${key}\`, which this job's token does not carry` };
    }
    parts.push(key === "repo" ? `repo:${part.value}` : key === "context" ? part.value : `${key}:${part.value}`);
  }
  return { kind: "value", value: parts.join(":") };
}

// src/workflows/predict/predict.ts
var DEFAULT_AWS_AUDIENCE = "sts.amazonaws.com";
var FORK_DOC = "https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#permissions";
var eventOf = (t) => t.event === "other" ? t.eventName : t.event;
var value = (v) => ({ kind: "value", value: v });
var unknownClaim = (reason, docUrl) => ({
  kind: "unknown",
  reason,
  ...docUrl ? { docUrl } : {}
});
function predictTokens(ctx) {
  const out = [];
  for (const job of ctx.jobs) {
    if (!job.deploy) continue;
    for (const instance of job.instances) {
      if (instance.runs.kind === "never") continue;
      const p = predictToken(job, instance, ctx);
      if (p.exchanges.length > 0) out.push(p);
    }
  }
  return out;
}
function predictToken(job, instance, ctx) {
  const trigger = instance.trigger;
  const event = eventOf(trigger);
  const refs = predictRefs(trigger, ctx.repo);
  const assumptions = [];
  const template = ctx.repo.subjectTemplate ?? { keys: "default", source: "assumed" };
  if (!ctx.repo.subjectTemplate) {
    assumptions.push("the repository uses GitHub's default subject template (its customization was not read)");
  }
  const forms = ctx.repo.immutableSubject === void 0 ? ["names", "immutable"] : [ctx.repo.immutableSubject ? "immutable" : "names"];
  const base = baseClaims(job, instance, ctx, refs, event);
  const variants = forms.map((repoForm) => {
    const context = subjectContext(base.environment ?? { kind: "absent" }, event, base.ref ?? { kind: "absent" });
    const sub = renderSubject(template, repoSegment(ctx.repo, repoForm === "immutable"), context, base);
    return { repoForm, claims: { ...base, sub } };
  });
  const fork = event === "pull_request" && trigger.fork === true;
  const predicted = exchanges(instance).flatMap((e) => narrow(e, instance, refs));
  return {
    job,
    instance,
    trigger,
    label: `${jobLabel(job, trigger)} on ${triggerLabel(trigger)}`,
    labels: { job: jobLabel(job, trigger), trigger: triggerLabel(trigger) },
    issued: fork ? { kind: "no", reason: "GitHub gives no OIDC token to a pull request from a fork" } : { kind: "yes" },
    forkReach: event === "pull_request" && trigger.fork !== false ? forkReach(instance, predicted) : { kind: "no" },
    refs,
    variants,
    exchanges: predicted,
    assumptions,
    template
  };
}
function forkReach(instance, predicted) {
  if (instance.runs.kind === "unknown") return maybe(instance.runs);
  const undecided = predicted.map((e) => e.step.runs);
  if (undecided.some((r) => r.kind === "always")) return { kind: "surely" };
  const first = undecided.find((r) => r.kind === "unknown");
  return first?.kind === "unknown" ? maybe(first) : { kind: "surely" };
}
var maybe = (r) => ({
  kind: "maybe",
  condition: r.condition,
  reason: r.reason
});
function baseClaims(job, instance, ctx, refs, event) {
  const repo = `${ctx.repo.owner}/${ctx.repo.name}`;
  const ref = refs.kind === "known" ? value(REF) : { ...unknownClaim(refs.reason, refs.docUrl), ...refs.prefix !== void 0 ? { prefix: refs.prefix } : {} };
  const name = ctx.workflowNames[instance.workflow];
  const endsInRef = (head) => ref.kind === "value" ? value(`${head}${REF}`) : ref.kind === "unknown" && ref.prefix ? { ...ref, prefix: `${head}${ref.prefix}` } : ref;
  const claims = {
    event_name: value(event),
    repository: value(repo),
    repository_owner: value(ctx.repo.owner),
    ref,
    ref_type: ref.kind === "value" ? value(REF_TYPE) : ref.kind === "unknown" && ref.prefix ? refType(ref.prefix) : ref,
    environment: environmentClaim(instance),
    workflow_ref: endsInRef(`${repo}/${instance.workflow}@`),
    job_workflow_ref: jobWorkflowRef(job, instance, ctx, repo, ref),
    // GITHUB_WORKFLOW: the workflow's name, or its file's path when it has none
    // (https://docs.github.com/en/actions/reference/workflows-and-actions/variables#default-environment-variables).
    workflow: value(name ?? instance.workflow),
    actor: unknownClaim("the account that starts the run"),
    actor_id: unknownClaim("the account that starts the run"),
    enterprise_id: unknownClaim("whether and which enterprise owns the repository was not read")
  };
  const notGiven = unknownClaim("the ID was not given (--owner-id, --repo-id)");
  claims.repository_id = ctx.repo.repoId !== void 0 ? value(ctx.repo.repoId) : notGiven;
  claims.repository_owner_id = ctx.repo.ownerId !== void 0 ? value(ctx.repo.ownerId) : notGiven;
  return claims;
}
function environmentClaim(instance) {
  const env = instance.environment?.name;
  if (!env) return { kind: "absent" };
  if (env.kind === "unknown") return unknownClaim(`the environment is \`${env.expression}\`: ${env.reason}`);
  if (env.value === "") {
    return unknownClaim(
      "the environment name is empty (`''`): GitHub's documentation does not say whether the job then runs without an environment"
    );
  }
  return typeof env.value === "string" ? value(env.value) : unknownClaim("the environment name is not a string");
}
function jobWorkflowRef(job, instance, ctx, repo, ref) {
  const remote = remoteOf(job.file);
  if (remote !== void 0) {
    return isCommitSha(remote.ref) ? value(job.file) : unknownClaim(
      `${job.file} is called at \`${remote.ref}\`, a branch or a tag name: which of the two is not known`
    );
  }
  if (ref.kind !== "value" && !(ref.kind === "unknown" && ref.prefix)) return ref;
  const callers = instance.trigger.callers ?? [];
  for (const caller of callers) {
    const uses = ctx.jobs.find((j) => j.file === caller.file && j.id === caller.jobId)?.calls?.uses;
    if (uses === void 0) return unknownClaim(`the calling job \`${caller.jobId}\` in ${caller.file} was not read`);
    if (!uses.startsWith("./")) {
      return unknownClaim(`\`${uses}\` is called from another repository, at a ref whose kind is not known`);
    }
  }
  return ref.kind === "unknown" ? { ...ref, prefix: `${repo}/${job.file}@${ref.prefix ?? ""}` } : value(`${repo}/${job.file}@${REF}`);
}
function exchanges(instance) {
  const out = [];
  for (const step of instance.credentialSteps) {
    const use = step.credential;
    if (!use) continue;
    if (use.kind === "oidc-token") {
      out.push({ step, role: void 0, aud: unknownClaim(`the step requests the token itself (${use.evidence})`) });
      continue;
    }
    if (use.chains || settingsRequest(use.settings).kind === "no") continue;
    const a = use.settings.audience;
    const aud = !a ? value(DEFAULT_AWS_AUDIENCE) : a.kind === "unknown" ? unknownClaim(`\`audience\` is \`${a.expression}\`: ${a.reason}`) : value(String(a.value));
    out.push({ step, role: use.settings.roleToAssume, aud });
  }
  return out;
}
function narrow(e, instance, refs) {
  if (e.step.runs.kind === "never") return [];
  const conditions = [instance.runs, e.step.runs].flatMap((r) => r.kind === "unknown" ? [r.condition] : []);
  const event = eventOf(instance.trigger);
  let out = e;
  for (const condition of conditions) {
    const constraints = refConstraints(condition, event);
    if (constraints) {
      const narrowed = narrowRefs(out.refs ?? refs, constraints);
      if (narrowed.kind === "known" && narrowed.spaces.length === 0) return [];
      out = { ...out, refs: narrowed };
    }
    if (readsRef(withoutConstraints(condition, event))) out = { ...out, refCondition: condition };
  }
  return [out];
}
function jobKey(p) {
  return `${p.job.file}:${p.job.id}${chainKey(p.trigger.callers ?? [])}`;
}
function jobLabel(job, trigger) {
  return jobName(job, trigger.callers ?? []);
}
function triggerLabel(trigger) {
  const filters = [];
  if (trigger.branches) filters.push(`branches ${trigger.branches.map((b) => `\`${b}\``).join(", ")}`);
  if (trigger.branchesIgnore)
    filters.push(`branches-ignore ${trigger.branchesIgnore.map((b) => `\`${b}\``).join(", ")}`);
  if (trigger.tags) filters.push(`tags ${trigger.tags.map((b) => `\`${b}\``).join(", ")}`);
  if (trigger.tagsIgnore) filters.push(`tags-ignore ${trigger.tagsIgnore.map((b) => `\`${b}\``).join(", ")}`);
  const fork = trigger.fork === true ? " from a fork" : trigger.fork === false ? " from the repository" : "";
  return `${eventOf(trigger)}${fork}${filters.length ? ` (${filters.join("; ")})` : ""}`;
}
function refType(ref) {
  if (ref.startsWith("refs/heads/")) return value("branch");
  if (ref.startsWith("refs/tags/")) return value("tag");
  return unknownClaim(`the type of \`${ref}\` is not documented`, GITHUB_OIDC_DOCS.subject);
}
function fillRef(v, ref) {
  const filled = v.split(REF).join(ref);
  if (!filled.includes(REF_TYPE)) return value(filled);
  const type = refType(ref);
  return type.kind === "value" ? value(filled.split(REF_TYPE).join(type.value)) : type;
}
function claimsForRef(variant, ref) {
  const out = {};
  for (const [k, v] of Object.entries(variant.claims)) out[k] = v.kind === "value" ? fillRef(v.value, ref) : v;
  return out;
}

// src/checks/predicted-trust/cover.ts
function conditionsOf(statement) {
  const block = isObject(statement) ? statement.Condition : void 0;
  if (!isObject(block)) return [];
  const out = [];
  for (const [operator, entries] of Object.entries(block)) {
    if (!isObject(entries)) continue;
    for (const [key, v] of Object.entries(entries)) out.push({ operator, key, values: Array.isArray(v) ? v : [v] });
  }
  return out;
}
var baseOperator = (op) => op.replace(/^ForAnyValue:/i, "").toLowerCase();
function stringCondition(c) {
  const op = baseOperator(c.operator);
  if (op !== "stringlike" && op !== "stringequals") return void 0;
  if (!c.values.every((v) => typeof v === "string" && !v.includes("${"))) return void 0;
  return { like: op === "stringlike", values: c.values };
}
function allowCovers(c, glob) {
  const s = stringCondition(c);
  if (!s) return false;
  return s.values.some((v) => s.like ? globCovers(v, glob) : !hasWildcard(glob) && v === glob);
}
function neverHolds(c, glob) {
  const s = stringCondition(c);
  if (!s) return false;
  return s.values.every((v) => s.like ? globWitness(v, glob) === void 0 : !matchGlob(glob, v));
}
function rawStatementList(document) {
  const s = isObject(document) ? document.Statement : void 0;
  return Array.isArray(s) ? s : s === void 0 ? [] : [s];
}
function provesCoverage(statements, admitting, varying) {
  const onVarying = (c) => varying.get(c.key.toLowerCase());
  if (statements.some(
    (st) => conditionsOf(st).some((c) => c.values.some((v) => typeof v === "string" && v.includes("${")))
  )) {
    return false;
  }
  const allowProven = admitting.some(
    (i) => conditionsOf(statements[i]).every((c) => {
      const glob = onVarying(c);
      return glob === void 0 || allowCovers(c, glob);
    })
  );
  if (!allowProven) return false;
  return statements.every((s) => {
    if (!isObject(s) || s.Effect !== "Deny") return true;
    const conditions = conditionsOf(s);
    if (!conditions.some((c) => onVarying(c) !== void 0)) return true;
    return conditions.some((c) => {
      const glob = onVarying(c);
      return glob !== void 0 && neverHolds(c, glob);
    });
  });
}
function provesRefusal(statement, varying) {
  return conditionsOf(statement).some((c) => {
    const glob = varying.get(c.key.toLowerCase());
    return glob !== void 0 && neverHolds(c, glob);
  });
}
function allowedValues(statements, key) {
  const out = [];
  for (const s of statements) {
    if (!isObject(s) || s.Effect !== "Allow") continue;
    for (const c of conditionsOf(s)) {
      if (c.key.toLowerCase() !== key || /not/i.test(c.operator)) continue;
      for (const v of c.values) if (typeof v === "string") out.push(v);
    }
  }
  return out;
}
function allowedByStatement(statements, key) {
  const out = [];
  for (const s of statements) {
    if (!isObject(s) || s.Effect !== "Allow") continue;
    const conditions = conditionsOf(s).filter((c) => c.key.toLowerCase() === key && !/not/i.test(c.operator)).map((c) => ({ operator: c.operator, values: c.values.filter((v) => typeof v === "string") }));
    if (conditions.length > 0) out.push(conditions);
  }
  return out;
}

// src/checks/predicted-trust/evaluate.ts
var trustSet = (input, policy) => compilePolicySet({ identityPolicies: [], resourcePolicy: policy, rcps: input.rcps?.levels ?? [] });
function tokenClaims(claims, aud) {
  const out = { aud };
  const unknown2 = [];
  for (const [k, v] of Object.entries(claims)) {
    if (v.kind === "value") out[k] = v.value;
    else if (v.kind === "unknown") unknown2.push(k);
  }
  return { claims: out, unknown: unknown2 };
}
function judgeVariant(input, policy, variant, aud) {
  const sub = variant.claims.sub;
  if (sub?.kind !== "value") {
    if (sub?.kind !== "unknown") return { kind: "undecided", reason: "no sub" };
    return admitsEverySuffix(input, policy, variant, aud, sub) ?? refusesEverySuffix(input, policy, variant, aud, sub) ?? {
      kind: "undecided",
      reason: `its sub is unknown: ${sub.reason}`
    };
  }
  const sampled = judgeSamples(input, policy, variant, aud);
  if ("kind" in sampled) return sampled;
  const { spaces, prefix, admitting, samples } = sampled;
  const proven = spaces.every(
    (space) => space.kind === "ref" || provesSpace(input, variant, space, prefix, [...admitting])
  );
  return { kind: "allowed", sub: showSub(sub.value, spaces), proven, samples };
}
function judgeRef(input, set, variant, ref, aud) {
  const { claims, unknown: unknown2 } = tokenClaims(ref === void 0 ? { ...variant.claims } : claimsForRef(variant, ref), aud);
  const wi = buildWebIdentityRequest({ ...input, claims });
  const unknownKeys = new Set(unknown2.map((c) => `${wi.prefix}:${c}`.toLowerCase()));
  if (input.settings.sessionName === void 0) unknownKeys.add(SESSION_NAME_KEY.toLowerCase());
  const known = knownKey(wi);
  const isUnknown = (k) => unknownKeys.has(k.toLowerCase()) || !known(k);
  const result = evaluate(set, wi.request, { explain: "full", unknown: isUnknown });
  const details = result.explanation.layers.find((l) => l.layer === "resource")?.statements ?? [];
  const failed = details.filter((d) => d.ref.effect === "Allow" && !d.matched);
  return { result, claims, failed, prefix: wi.prefix };
}
function refSamples(input) {
  const known = input.exchange.refs ?? input.prediction.refs;
  const spaces = known.kind === "known" ? known.spaces : [];
  return { spaces, refs: known.kind === "known" ? spaces.flatMap((s) => sampleRefs(s)) : [void 0] };
}
function judgeSamples(input, policy, variant, aud) {
  const { spaces, refs } = refSamples(input);
  const set = trustSet(input, policy);
  const admitting = /* @__PURE__ */ new Set();
  let first = true;
  let prefix = "";
  for (const ref of refs) {
    const { result, claims, failed, prefix: issuer } = judgeRef(input, set, variant, ref, aud);
    prefix = issuer;
    if (result.decision === "explicit-deny" && result.explanation.decidingLayer === "rcp" && !result.assumed?.length)
      return {
        kind: "rcp-denied",
        sub: String(claims.sub),
        reason: result.explanation.reason,
        ...ref ? { ref } : {}
      };
    if (result.decision !== "allowed") {
      if (result.assumed && result.assumed.length > 0) {
        return {
          kind: "undecided",
          reason: result.assumed.some((k) => k.toLowerCase() === SESSION_NAME_KEY.toLowerCase()) ? `the trust reads keys the prediction does not know; ${input.settings.sessionNameUnknown ?? "the session name is not known before the run"}` : result.assumed.every((k) => k.toLowerCase().startsWith(`${prefix.toLowerCase()}:`)) ? "the trust reads claims the prediction does not know" : "it turns on a key whose value only STS knows when the job calls it",
          keys: result.assumed
        };
      }
      return { kind: "denied", sub: String(claims.sub), ...ref ? { ref } : {}, claims, failed };
    }
    const now = new Set(result.explanation.deciding.filter((d) => d.effect === "Allow").map((d) => d.index));
    for (const i of [...admitting]) if (!now.has(i)) admitting.delete(i);
    if (first) for (const i of now) admitting.add(i);
    first = false;
  }
  const samples = refs.filter((r) => r !== void 0);
  return { spaces, prefix, admitting, samples };
}
var UNKNOWN_PART = "unknown-part";
function admitsEverySuffix(input, policy, variant, aud, sub) {
  const { prefix } = sub;
  if (prefix === void 0 || /[*?$]/.test(prefix) || prefix.includes(REF) || prefix.includes(REF_TYPE))
    return void 0;
  const probe = {
    ...variant,
    claims: { ...variant.claims, sub: { kind: "value", value: `${prefix}${UNKNOWN_PART}` } }
  };
  const sampled = judgeSamples(input, policy, probe, aud);
  if ("kind" in sampled) return void 0;
  const { spaces, prefix: issuer, admitting, samples } = sampled;
  const statements = rawStatementList(input.role.trustPolicy.document);
  const subGlob = /* @__PURE__ */ new Map([[`${issuer}:sub`.toLowerCase(), `${prefix}*`]]);
  const proven = spaces.length === 0 ? provesCoverage(statements, [...admitting], subGlob) : spaces.every(
    (space) => space.kind === "ref" ? provesCoverage(statements, [...admitting], subGlob) : provesSpace(input, probe, space, issuer, [...admitting], subGlob)
  );
  if (!proven) return void 0;
  return { kind: "allowed", sub: `${prefix}<unknown>`, proven: true, samples, whateverPart: sub.reason };
}
function refusesEverySuffix(input, policy, variant, aud, sub) {
  const { spaces, refs } = refSamples(input);
  const set = trustSet(input, policy);
  const statements = rawStatementList(input.role.trustPolicy.document);
  for (const ref of refs) {
    const worst = judgeRef(input, set, variant, ref, aud);
    if (worst.result.decision === "allowed") continue;
    if (worst.result.explanation.decidingLayer === "rcp") {
      if ((worst.result.assumed?.length ?? 0) > 0) continue;
      const head2 = sub.prefix === void 0 ? "" : showSub(sub.prefix, spaces);
      return {
        kind: "rcp-denied",
        sub: `${head2}<unknown>`,
        reason: worst.result.explanation.reason,
        ...ref ? { ref } : {}
      };
    }
    const filled = sub.prefix !== void 0 && ref !== void 0 ? fillRef(sub.prefix, ref) : void 0;
    const head = filled?.kind === "value" ? filled.value : sub.prefix === void 0 ? "" : showSub(sub.prefix, spaces);
    const denied = {
      kind: "denied",
      sub: `${head}<unknown>`,
      ...ref ? { ref } : {},
      whateverPart: sub.reason
    };
    if ((worst.result.assumed?.length ?? 0) === 0) return { ...denied, claims: worst.claims, failed: worst.failed };
    const beginnings = knownBeginnings(variant, ref);
    const varying = new Map(
      [...beginnings].map(([claim, begins]) => [`${worst.prefix}:${claim}`.toLowerCase(), `${begins}*`])
    );
    const allows = policy.statements.filter((st) => st.effect === "Allow");
    const refused = new Set(allows.flatMap((st) => provesRefusal(statements[st.index], varying) ? [st.index] : []));
    const rest = { ...policy, statements: allows.filter((st) => !refused.has(st.index)) };
    const others = judgeRef(input, trustSet(input, rest), variant, ref, aud);
    if (others.result.decision === "allowed" || (others.result.assumed?.length ?? 0) > 0) continue;
    const shown2 = {
      ...variant,
      claims: {
        ...variant.claims,
        ...Object.fromEntries(
          [...beginnings].map(([claim, begins]) => [claim, { kind: "value", value: `${begins}<unknown>` }])
        )
      }
    };
    const probe = judgeRef(input, set, shown2, ref, aud);
    const failed = [...probe.failed.filter((d) => refused.has(d.ref.index)), ...others.failed];
    return { ...denied, claims: probe.claims, failed };
  }
  return void 0;
}
function knownBeginnings(variant, ref) {
  const out = /* @__PURE__ */ new Map();
  for (const [claim, v] of Object.entries(variant.claims)) {
    if (v.kind !== "unknown" || v.prefix === void 0) continue;
    const filled = ref === void 0 ? { kind: "value", value: v.prefix } : fillRef(v.prefix, ref);
    if (filled.kind !== "value" || /[*?$]/.test(filled.value)) continue;
    if (filled.value.includes(REF) || filled.value.includes(REF_TYPE)) continue;
    out.set(claim, filled.value);
  }
  return out;
}
function provesSpace(input, variant, space, prefix, admitting, alsoVarying = /* @__PURE__ */ new Map()) {
  const statements = rawStatementList(input.role.trustPolicy.document);
  return coveringGlobs(space).every((glob) => {
    const varying = new Map(alsoVarying);
    const claims = claimsForRef(variant, glob);
    for (const [k, v] of Object.entries(variant.claims)) {
      const c = claims[k];
      if (v.kind === "value" && v.value.includes(REF) && c?.kind === "value")
        varying.set(`${prefix}:${k}`.toLowerCase(), c.value);
    }
    return provesCoverage(statements, admitting, varying);
  });
}
function showSub(sub, spaces) {
  const refs = describeRefs(spaces);
  const filled = fillRef(sub, refs);
  return filled.kind === "value" ? filled.value : sub.split(REF).join(refs).split(REF_TYPE).join("<ref_type>");
}
function describeRefs(spaces) {
  const [only] = spaces;
  if (spaces.length !== 1 || !only) return "<ref>";
  const lists = only.kind === "names" ? (only.list ? 1 : 0) + (only.also?.length ?? 0) : 0;
  return lists > 1 ? "<ref>" : describeSpace(only);
}
function parseTrust(role) {
  const parsed = parseDocument(role.trustPolicy, "resource", "trust");
  return parsed.ok ? { ok: true, policy: parsed.policy } : { ok: false, errors: parsed.errors.map((e) => e.message) };
}

// src/checks/predicted-trust/findings.ts
function predictionMaker(p, suffix = "") {
  const event = p.trigger.event === "other" ? p.trigger.eventName : p.trigger.event;
  const fork = p.trigger.fork === void 0 ? "" : p.trigger.fork ? ":fork" : ":same-repo";
  const pos = p.trigger.position;
  return findingMaker({
    idPrefix: `predict:${jobKey(p)}:${event}${fork}:${pos.line}${suffix}`,
    subject: `the token of ${p.label}`,
    location: { file: pos.file, line: pos.line, column: pos.column }
  });
}
function predictionFindings(p) {
  const make = predictionMaker(p);
  const out = [];
  const reach = p.forkReach;
  if (reach.kind === "maybe") {
    out.push(
      make({
        class: "fork-pull-request-deploy",
        status: "unverified",
        cause: null,
        decisionPoint: "runner",
        message: `Whether the ${p.label} runs for pull requests from forks is not known before the run: its condition \`${reach.condition}\` is decided only during the run (it reads ${reach.reason}). GitHub gives those runs no OIDC token: if it runs for them, the deploy fails there.`,
        fix: "Skip the job for forks with a condition the preflight reads (`if: github.event.pull_request.head.repo.full_name == github.repository`), or confirm on a pull request from a fork.",
        docUrl: FORK_DOC,
        evidence: { job: p.job.id, file: p.job.file, event: "pull_request", condition: reach.condition }
      })
    );
  } else if (p.issued.kind === "no" || reach.kind === "surely") {
    out.push(
      make({
        class: "fork-pull-request-deploy",
        decisionPoint: "runner",
        message: `The ${p.label} runs for pull requests from forks${p.trigger.fork === void 0 ? " too (nothing in the workflow tells them apart)" : ""}, and GitHub gives those runs no OIDC token: the deploy would fail there.`,
        fix: "Run the deploy on push or workflow_dispatch instead, or skip it for forks (`if: github.event.pull_request.head.repo.full_name == github.repository`).",
        docUrl: FORK_DOC,
        evidence: { job: p.job.id, file: p.job.file, event: "pull_request" }
      })
    );
  }
  if (p.refs.kind === "unknown" && p.refs.prefix === void 0 && p.variants.every((v) => v.claims.sub?.kind !== "value")) {
    out.push(
      make({
        class: "prediction-unknown",
        status: "unverified",
        decisionPoint: "token",
        message: `The ref of the ${p.label} cannot be predicted: ${p.refs.reason}.`,
        fix: p.refs.reason === DEFAULT_BRANCH_UNKNOWN ? "Give the default branch (`--default-branch BRANCH` to predict; the action reads it from the event), give the job an environment (its sub then names the environment, whatever the ref), or check its trust on a real run." : "Give the job an environment (its sub then names the environment, whatever the ref), or check its trust on a real run.",
        docUrl: p.refs.docUrl,
        evidence: { job: p.job.id, file: p.job.file }
      })
    );
  }
  return out;
}
function checkPredictedTrust(input) {
  const { prediction: p, exchange, role } = input;
  if (p.issued.kind === "no") return [];
  const make = predictionMaker(p, `:${role.arn}`);
  const base = { roleArn: role.arn, job: p.job.id, file: p.job.file };
  if (exchange.aud.kind !== "value") {
    const reason = exchange.aud.kind === "unknown" ? exchange.aud.reason : "none";
    return [unverified(make, `Its audience is unknown: ${reason}.`, base, ["audience"])];
  }
  const provider = input.provider.kind === "given" ? input.provider.provider : void 0;
  if (provider && audienceRefused(provider, exchange.aud.value))
    return [trustNotReached(make, input, provider, exchange.aud.value, base)];
  if (input.provider.kind === "missing") return [noProvider(make, input, input.provider, exchange.aud.value, base)];
  const conflict = trustConflict(role);
  if (conflict) return [conflictingTrust((draft) => make({ ...draft, evidence: base }), role.arn, conflict)];
  const trust = parseTrust(role);
  if (!trust.ok)
    return [
      unverified(
        make,
        `The trust policy of ${role.name} cannot be read: ${trust.errors.join("; ")}.`,
        base,
        TRUST_UNREADABLE
      )
    ];
  const verdicts = p.variants.map((v) => ({
    form: v.repoForm,
    verdict: judgeVariant(input, trust.policy, v, String(exchange.aud.kind === "value" ? exchange.aud.value : ""))
  }));
  const kinds = new Set(verdicts.map((v) => v.verdict.kind));
  const first = verdicts[0]?.verdict;
  if (!first) return [];
  if (kinds.size > 1) {
    const told = verdicts.map((v) => `with the ${v.form} form of the repository the token would be ${v.verdict.kind}`).join("; ");
    return [
      unverified(
        make,
        `Whether the trust of ${role.name} admits the ${p.label} depends on the repository's subject form: ${told}.`,
        base,
        ["form"],
        GITHUB_OIDC_DOCS.immutable
      )
    ];
  }
  return [verdictFinding(input, make, first, base)];
}
var TRUST_UNREADABLE = "Correct the trust policy in the policy files (docs/policy-folder.md): it must be the JSON that `aws iam get-role` gives as AssumeRolePolicyDocument.";
function unverified(make, message, evidence, lacks, docUrl) {
  return make({
    class: "prediction-unknown",
    status: "unverified",
    decisionPoint: "sts-trust",
    message,
    fix: typeof lacks === "string" ? lacks : giveFix(lacks),
    evidence,
    ...docUrl ? { docUrl } : {}
  });
}
var GIVE = {
  form: "the repository's subject form: the action's `oidc-subject-form` input, or the CLI's `--subject-form` (`names`, or `immutable`)",
  template: "the repository's subject template: the action reads it through GitHub's REST API with its `github-token` input, which needs `actions: read` (the job's `permissions:`); a template the repository takes from its organization needs a token with the organization's Administration read permission, which GITHUB_TOKEN never has. The CLI takes `--subject-template` (`default`, or the claim keys in order) or `--read-template` (with GITHUB_TOKEN)",
  ids: "the owner's and repository's IDs: the action has them from the runner; the CLI takes `--owner-id` and `--repo-id`, or `--read-template`",
  environment: "the job's environment: a literal `environment:`, or the variables it reads (the action's `vars` input, the CLI's `--vars` or `--read-variables`)",
  "default-branch": "the repository's default branch: the action reads it from the event's payload (`repository.default_branch`); the CLI takes `--default-branch`",
  audience: "the audience: a literal `audience:` on the credential step, or the variables it reads (the action's `vars` input, the CLI's `--vars` or `--read-variables`)",
  "session-name": "the session name: a `role-session-name:` on the credential step written as a literal or from values known before the run (a run's IDs are not), as the trust's condition on `sts:RoleSessionName` reads it"
};
function giveFix(lacks) {
  if (lacks.length === 0) return "Confirm on a real run of the job: the preflight then checks the run's own token.";
  return `Give ${[...new Set(lacks)].map((l) => GIVE[l]).join("; and ")}. Or confirm on a real run of the job.`;
}
function lacksOf(keys, reason) {
  const claims = (keys ?? []).map((k) => k.split(":").pop()?.toLowerCase() ?? "");
  const out = [];
  if (claims.some((c) => c === "repository_id" || c === "repository_owner_id") || /--owner-id|--repo-id/.test(reason))
    out.push("ids");
  if (claims.includes("environment") || /the environment is/.test(reason)) out.push("environment");
  if (/template/.test(reason)) out.push("template");
  if (/default branch is not known/.test(reason)) out.push("default-branch");
  if ((keys ?? []).some((k) => k.toLowerCase() === "sts:rolesessionname")) out.push("session-name");
  return out;
}
function verdictFinding(input, make, v, base) {
  const { prediction: p, role } = input;
  const assumed = p.assumptions.length > 0 ? ` This assumes ${p.assumptions.join(", and ")}.` : "";
  if (v.kind === "undecided") {
    return unverified(
      make,
      `The trust of ${role.name} for the ${p.label} cannot be decided: ${v.reason}${v.keys ? ` (${v.keys.join(", ")})` : ""}.`,
      base,
      lacksOf(v.keys, v.reason)
    );
  }
  if (v.kind === "denied" && input.exchange.refCondition && v.ref) {
    return unverified(
      make,
      `The ${p.label} would be denied by the trust of ${role.name} for \`${v.ref}\` (sub \`${v.sub}\`), if the step runs for that ref: its condition \`${input.exchange.refCondition}\` reads the ref and was not decided.`,
      { ...base, sub: v.sub, ref: v.ref },
      []
    );
  }
  if (v.kind === "denied") return deniedFinding(input, make, v, base, assumed);
  if (v.kind === "rcp-denied") {
    return make({
      class: "explicit-deny",
      status: assumed ? "unverified" : "fail",
      decisionPoint: "rcp",
      message: `The ${p.label} (sub \`${v.sub}\`${v.ref ? `, ref \`${v.ref}\`` : ""}) would be refused whatever the trust of ${role.name} admits: ${v.reason}${assumed}`,
      fix: "This is an organization policy (an RCP): its owners must narrow the Deny, or the job must run from a context it does not cover.",
      evidence: { ...base, sub: v.sub, ...v.ref ? { ref: v.ref } : {}, layer: "rcp" },
      wouldReturn: 403,
      docUrl: "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html#rcp-supported-services"
    });
  }
  const known = input.exchange.refs ?? p.refs;
  const refs = known.kind === "known" ? known.spaces.map(describeSpace).join(", ") : "any ref";
  if (!v.proven || assumed) {
    const notProven = v.proven ? "" : ` It admits the refs tried (${v.samples.map((s) => `\`${s}\``).join(", ")}), but that it admits every ref of ${refs} is not proven.`;
    return unverified(
      make,
      `The trust of ${role.name} admits the ${p.label} (sub \`${v.sub}\`).${notProven}${assumed}`,
      { ...base, sub: v.sub },
      p.assumptions.some((a) => a.includes("template")) ? ["template"] : []
    );
  }
  const admits = `The trust of ${role.name} admits the token of the ${p.label} for every ref of ${refs} (sub \`${v.sub}\`)${v.whateverPart ? `, whatever the part of its sub that is not known before the run (${v.whateverPart.replace(/^its sub is unknown: /, "")})` : ""}`;
  const read = input.provider;
  if (read.kind === "missing")
    return noProvider(make, input, read, input.exchange.aud.kind === "value" ? input.exchange.aud.value : "", base);
  if (read.kind !== "given") return providerNotRead(make, input, read, admits, { ...base, sub: v.sub });
  if (input.rcps?.notRead === true) {
    return make({
      class: "layer-not-read",
      status: "unverified",
      decisionPoint: "rcp",
      message: `${admits}, but the RCPs were not read, and they apply to sts:AssumeRoleWithWebIdentity: a layer not read is unknown, not empty.`,
      fix: "Give the RCPs that apply to the role's account in the policy files (aws organizations describe-policy of each RESOURCE_CONTROL_POLICY), or declare `organizations: none` when the account is in no organization.",
      evidence: { ...base, sub: v.sub, notRead: "RCPs" },
      docUrl: "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html#rcp-supported-services"
    });
  }
  return make({ class: "ok", decisionPoint: "sts-trust", message: `${admits}.`, evidence: { ...base, sub: v.sub } });
}
var PROVIDER_DOC = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html";
function giveProvider(arn, issuer, aud) {
  return `Give the provider in the policy files: the output of \`aws iam get-open-id-connect-provider --open-id-connect-provider-arn ${arn}\`, saved as oidc-providers/<name>.json of the policy folder (docs/policy-folder.md), which gives its client IDs. If the account has no such provider, create it (\`aws iam create-open-id-connect-provider --url ${issuer} --client-id-list ${aud}\`).`;
}
function providerNotRead(make, input, read, admits, evidence) {
  const aud = input.exchange.aud.kind === "value" ? input.exchange.aud.value : "";
  const what = read.kind === "listed" ? `the client IDs of the role account's OIDC provider \`${read.arn}\` were not given (${read.listedIn.join(", ")} lists the provider, not its client IDs), and STS refuses the token before it reads the trust when the provider does not list its aud \`${aud}\`` : `the role account's OIDC provider \`${read.arn}\` was not given in the policy files, and STS refuses the token before it reads the trust when the account has no provider for the issuer (\`InvalidIdentityToken: No OpenIDConnect provider found in your account for ${input.issuer}\`) or the provider does not list its aud \`${aud}\` among its client IDs`;
  return make({
    class: "oidc-provider-unknown",
    status: "unverified",
    decisionPoint: "sts-trust",
    message: `${admits}, but ${what}: a layer not read is unknown, not empty.`,
    fix: giveProvider(read.arn, input.issuer, aud),
    evidence: { ...evidence, providerArn: read.arn, notRead: "OIDC provider" },
    docUrl: PROVIDER_DOC
  });
}
function noProvider(make, input, read, aud, base) {
  return make({
    class: "no-oidc-provider",
    decisionPoint: "sts-trust",
    message: `The ${input.prediction.label} would be refused before the trust of ${input.role.name} is read, with \`InvalidIdentityToken: No OpenIDConnect provider found in your account for ${input.issuer}\`: ${read.listedIn.join(", ")} ${read.listedIn.length === 1 ? "lists" : "list"} every OIDC provider of the role's account, and not \`${read.arn}\`.`,
    fix: `aws iam create-open-id-connect-provider --url ${input.issuer} --client-id-list ${aud} (in the role's account), then give its get-open-id-connect-provider output in the policy files (docs/policy-folder.md).`,
    wouldReturn: 400,
    evidence: { ...base, providerArn: read.arn, listedIn: [...read.listedIn] },
    docUrl: PROVIDER_DOC
  });
}
function deniedFinding(input, make, v, base, assumed) {
  const { prediction: p, role } = input;
  const prefix = populatedKeysForOidcProvider(input.catalog, input.issuer).prefix;
  const subKey = `${prefix}:sub`.toLowerCase();
  const failing = v.failed.filter((d) => d.mismatch === "condition").map((d) => d.failedCondition ?? "");
  const onSub = failing.some((c) => c.toLowerCase().endsWith(subKey));
  const statements = rawStatementList(role.trustPolicy.document);
  const allows = onSub ? allowedValues(statements, subKey) : [];
  const byStatement = onSub ? allowedByStatement(statements, subKey) : [];
  const others = onSub ? [] : otherClaims(failing, prefix, v.claims, statements);
  const why = allows.length > 0 ? `the trust allows ${allowsText(byStatement)}` : others.length > 0 ? others.map(
    (o) => `its ${o.claim} is \`${o.value}\`, and ${o.allows.length > 0 ? `the trust allows ${o.allows.map((a) => `\`${a}\``).join(", ")}` : `its condition \`${o.condition}\` fails`}`
  ).join("; ") : failing.length > 0 ? `its condition ${failing.map((c) => `\`${c}\``).join(", ")} fails` : `no statement of its trust policy allows sts:AssumeRoleWithWebIdentity for the provider \`${prefix}\` of this account`;
  const chosen = refChosenBy(v.claims.event_name);
  const refPatterns = chosen ? allows.filter((a) => /:ref:refs\//.test(a)) : [];
  const pattern = closest(v.sub, refPatterns.length > 0 ? refPatterns : allows);
  const conditionOf = (value2) => {
    const conditions = byStatement.find((st) => st.some((c) => c.values.includes(value2))) ?? [];
    const own = conditions.find((c) => c.values.includes(value2));
    const rest = conditions.filter((c) => c !== own);
    return { ...own ? { operator: own.operator } : {}, ...rest.length > 0 ? { alsoRequired: rest } : {} };
  };
  const customKeys = pattern ? customPatternKeys(pattern) : void 0;
  const template = customKeys && parseSubject(v.sub).form !== "custom" ? p.template : void 0;
  if (template?.source === "assumed" && pattern && customKeys) {
    return unverified(
      make,
      `The trust of ${role.name} expects the sub of the ${p.label} written in a customized subject template: its pattern \`${pattern}\` reads the claims ${customKeys.map((k) => `\`${k}\``).join(", ")}. The repository's template was not read, and under GitHub's default template, which the prediction assumed, the sub would be \`${v.sub}\`${v.ref ? ` (for \`${v.ref}\`)` : ""}, which it refuses: whether it admits the job depends on that template.`,
      { ...base, sub: v.sub, trustAllows: pattern },
      ["template"],
      GITHUB_OIDC_DOCS.customTemplate
    );
  }
  const known = input.exchange.refs ?? p.refs;
  const sampled = v.ref !== void 0 && known.kind === "known" && !known.spaces.some((s) => s.kind === "ref" && s.ref === v.ref);
  const sampleFrom = sampled ? pickable(known) : void 0;
  const telling = {
    ...sampleFrom ? { sampleFrom } : {},
    ...template ? { defaultTemplate: `the subject template given for this repository (${template.source}) is GitHub's default` } : {}
  };
  const detail = pattern ? ` ${explainSubjectMismatch(v.claims, pattern, { ...telling, ...conditionOf(pattern) })}` : "";
  const giveTemplate = template?.source === "--subject-template" ? ` If the repository or its organization uses a customized template, give ${GIVE.template}.` : "";
  const audAt = others.some((o) => o.claim === "aud") ? audienceInput(input.exchange) : void 0;
  const fromInput = audAt ? ` The aud is the step's \`audience\` input (${audAt.file} line ${audAt.line}): if it is a typo, correct it there to the value the trust and the provider's client IDs list.` : "";
  const audUnproven = input.provider.kind !== "given" && others.some((o) => o.claim === "aud") ? " Trust that aud only if the role account's OIDC provider lists it among its client IDs (aws iam get-open-id-connect-provider): STS refuses any other before it reads the trust." : "";
  const forSample = sampleFrom ? ` as it would be for \`${v.ref}\`, one sample of ${sampleFrom}: allow it for each ref the job should run for, not for this sample` : "";
  const claimsFix = others.length > 0 ? `Allow this job's token in the trust policy of ${role.name}: ${others.map((o) => `its ${o.claim} \`${o.value}\` in the condition on \`${o.key}\``).join(", ")}${forSample}; or change the trigger.${fromInput}${audUnproven}` : `Allow this job's token in the trust policy of ${role.name} (sub \`${v.sub}\`, aud \`${String(v.claims.aud)}\`${forSample}), or change the trigger.`;
  const knownUpTo = v.sub.endsWith("<unknown>") ? v.sub.slice(0, -"<unknown>".length) : void 0;
  return make({
    class: "predicted-trust-denied",
    message: `The ${p.label} would be denied by the trust of ${role.name}: its sub is \`${v.sub}\`${v.ref ? ` (for \`${v.ref}\`)` : ""}${v.whateverPart ? `, whatever its part not known before the run (${v.whateverPart})` : ""}; ${why}.${detail}${assumed}`,
    fix: pattern ? `${suggestSubjectFix(v.claims, pattern, { ...sampleFrom ? { sampleFrom } : {}, ...knownUpTo !== void 0 ? { knownUpTo } : {}, ...conditionOf(pattern) })}${giveTemplate}` : `${claimsFix}${chosenRef(p, allows)}`,
    wouldReturn: 403,
    evidence: {
      ...base,
      sub: v.sub,
      ...v.ref ? { ref: v.ref } : {},
      ...allows.length ? { trustAllows: allows } : {},
      ...Object.fromEntries(others.map((o) => [o.claim, o.value])),
      ...others.some((o) => o.allows.length > 0) ? { trustAllowsFor: others.flatMap((o) => o.allows.map((a) => `${o.claim}: ${a}`)) } : {}
    },
    location: role.trustPolicy.file ? { file: role.trustPolicy.file } : { file: p.trigger.position.file, line: p.trigger.position.line }
  });
}
function allowsText(byStatement) {
  const values = (c) => c.values.map((v) => `\`${v}\``).join(", ");
  const one = (c) => /Like/i.test(c.operator) ? values(c) : `${values(c)} (\`${c.operator}\`)`;
  return byStatement.map(
    (conditions) => conditions.length > 1 ? `${conditions.map((c) => `\`${c.operator}\` ${c.values.map((v) => `\`${v}\``).join(" or ")}`).join(" and ")} together, in one statement` : conditions.map(one).join("")
  ).join("; or ");
}
function otherClaims(failing, prefix, claims, statements) {
  const head = `${prefix}:`.toLowerCase();
  return failing.flatMap((condition) => {
    const key = condition.trim().split(/\s+/).pop() ?? "";
    if (!key.toLowerCase().startsWith(head)) return [];
    const claim = key.slice(head.length);
    const value2 = claims[claim];
    if (claim.toLowerCase() === "sub" || value2 === void 0) return [];
    const shown2 = Array.isArray(value2) ? value2.join(", ") : String(value2);
    return [{ condition, key, claim, value: shown2, allows: allowedValues(statements, key.toLowerCase()) }];
  });
}
function pickable(refs) {
  if (refs.kind !== "known") return "any ref";
  const open = refs.spaces.every((s) => s.kind === "names" && !s.list && !s.also);
  if (!open) return `any ref of ${refs.spaces.map(describeSpace).join(", ")}`;
  const prefixes = new Set(refs.spaces.map((s) => s.kind === "names" ? s.prefix : ""));
  if (prefixes.size === 1 && prefixes.has("refs/tags/")) return "any tag";
  if (prefixes.size === 1 && prefixes.has("refs/heads/")) return "any branch";
  return "any branch or tag";
}
function chosenRef(p, allows) {
  const event = p.trigger.event === "other" ? p.trigger.eventName : p.trigger.event;
  if (event !== "workflow_dispatch" && event !== "create") return "";
  const ref = allows.map((a) => /:ref:(refs\/[^*?:]+)$/.exec(a)?.[1]).find((r) => r !== void 0) ?? "refs/heads/main";
  return ` A ${event} run has the ref the person starting it chooses: to run the job only where the trust admits it, add \`if: github.ref == '${ref}'\` to the job.`;
}
var audienceRefused = (provider, aud) => !provider.clientIds.includes(aud);
function trustNotReached(make, input, provider, aud, base) {
  return make({
    class: "could-not-verify",
    status: "unverified",
    decisionPoint: "sts-trust",
    message: `Not reached: STS refuses the token of the ${input.prediction.label} before the trust of ${input.role.name} is read, for its aud \`${aud}\` is not among the client IDs of the provider \`${provider.arn}\` (audience-not-registered). The trust is checked once the aud is one the provider lists.`,
    fix: "Fix the audience as the provider's finding (audience-not-registered) says; the trust is then checked against the token.",
    evidence: { ...base, aud, clientIds: provider.clientIds, notReached: "STS refuses the token before the trust" },
    docUrl: "https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html"
  });
}
function audienceInput(exchange) {
  const use = exchange.step.credential;
  const given = use?.kind === "configure-aws-credentials" ? use.settings.audience : void 0;
  if (given?.kind !== "known") return void 0;
  const { file, line, column } = given.position;
  return { file, line, column };
}
function checkPredictedAudience(p, exchange, provider) {
  if (p.issued.kind === "no" || exchange.aud.kind !== "value") return [];
  const aud = exchange.aud.value;
  if (!audienceRefused(provider, aud)) return [];
  const make = predictionMaker(p, `:${provider.arn}`);
  const input = audienceInput(exchange);
  const listed2 = provider.clientIds.map((c) => `\`${c}\``).join(", ") || "none";
  const addClientId = `aws iam add-client-id-to-open-id-connect-provider --open-id-connect-provider-arn ${provider.arn} --client-id ${aud}`;
  return [
    make({
      class: "audience-not-registered",
      decisionPoint: "oidc-provider",
      message: `The ${p.label} would be refused before its role's trust is read, with \`InvalidIdentityToken: Incorrect token audience\`: its token's aud is \`${aud}\`${input ? ` (the step's \`audience\` input, ${input.file} line ${input.line})` : " (configure-aws-credentials' default, the step sets no `audience`)"}, which the provider \`${provider.arn}\` does not list among its client IDs (${listed2}).`,
      fix: input ? `Set the step's \`audience\` (${input.file} line ${input.line}) to one the provider lists (${listed2}), or, if \`${aud}\` is meant, ${addClientId}.` : `${addClientId} (or set the step's \`audience\` to one the provider lists).`,
      wouldReturn: 400,
      evidence: { provider: provider.arn, aud, clientIds: provider.clientIds, job: p.job.id, file: p.job.file },
      location: input ?? {
        file: exchange.step.position.file,
        line: exchange.step.position.line,
        column: exchange.step.position.column
      }
    })
  ];
}

// src/checks/predicted-trust/honesty.ts
function workflowOfRef(ref) {
  return /^[^/]+\/[^/]+\/(.+?)@[^@]*$/.exec(ref)?.[1];
}
function runOfToken(claims, runner) {
  const ref = typeof claims.workflow_ref === "string" ? claims.workflow_ref : runner.workflowRef;
  const workflow = ref ? workflowOfRef(ref) : void 0;
  const jobId = runner.jobId;
  const event = claims.event_name;
  if (!workflow || typeof event !== "string") return void 0;
  return {
    workflow,
    jobId,
    event,
    ...typeof claims.environment === "string" ? { environment: claims.environment } : {}
  };
}
function predictionsForRun(predictions, run) {
  const same = predictions.filter((p) => {
    const event = p.trigger.event === "other" ? p.trigger.eventName : p.trigger.event;
    return p.instance.workflow === run.workflow && p.job.id === run.jobId && event === run.event && p.issued.kind === "yes";
  });
  const byEnv = same.filter((p) => {
    const env = p.instance.environment?.name;
    return env?.kind === "known" ? env.value === run.environment : run.environment === void 0;
  });
  return byEnv.length > 0 ? byEnv : same;
}
var shown = (p) => p.kind === "value" ? `\`${p.value}\`` : p.kind === "absent" ? "no claim" : "unknown";
function disagreements(p, claims, ref) {
  const variants = p.variants.map((v) => ref === void 0 ? { ...v.claims } : claimsForRef(v, ref));
  const chosen = variants.find((c) => c.sub?.kind === "value" && c.sub.value === claims.sub) ?? variants[0] ?? {};
  const out = [];
  for (const [k, v] of Object.entries(chosen)) {
    const real = claims[k];
    if (real === void 0 && k !== "sub" && v.kind === "value") continue;
    if (v.kind === "value" && real !== v.value)
      out.push([k, shown(v), typeof real === "string" ? `\`${real}\`` : "no claim"]);
    if (v.kind === "absent" && real !== void 0) out.push([k, "no claim", `\`${String(real)}\``]);
  }
  return out;
}
function comparePrediction(predictions, claims, runner) {
  const run = runOfToken(claims, runner);
  const candidates = run ? predictionsForRun(predictions, run) : [];
  const [first] = candidates;
  if (!run || !first) return [unmatched(run, runner)];
  const ref = typeof claims.ref === "string" ? claims.ref : void 0;
  const make = predictionMaker(first, ":this-run");
  const base = { job: run.jobId, workflow: run.workflow, event: run.event, ...ref ? { ref } : {} };
  const admits = (refs) => refs === void 0 || refs.kind !== "known" || !ref || refs.spaces.some((s) => inSpace(s, ref));
  const admitting = candidates.filter(
    (p) => admits(p.refs) && (p.exchanges.length === 0 || p.exchanges.some((e) => admits(e.refs)))
  );
  if (admitting.length === 0) {
    return [
      make({
        class: "prediction-mismatch",
        message: `This run's ref \`${ref}\` is none the ${first.label} admits, so the workflow model does not describe this run.`,
        fix: "Check the trigger filters the model read against the run, and report the case.",
        evidence: base,
        cause: null
      })
    ];
  }
  const results = admitting.map((p) => ({ p, diff: disagreements(p, claims, ref) }));
  const agree = results.find((r) => r.diff.length === 0);
  if (agree) {
    return [
      predictionMaker(
        agree.p,
        ":this-run"
      )({
        class: "ok",
        decisionPoint: "token",
        message: `This run's token is the one predicted for the ${agree.p.label}: every predicted claim is as the token has it.`,
        evidence: base
      })
    ];
  }
  const worst = results[0];
  const because = explainSubject(claims)?.because;
  return [
    predictionMaker(
      worst.p,
      ":this-run"
    )({
      class: "prediction-mismatch",
      message: `This run's token differs from the prediction for the ${worst.p.label}: ${worst.diff.map(([k, want, got]) => `${k} predicted ${want}, the token has ${got}`).join("; ")}.${because ? ` The token's sub is as it is because ${because}.` : ""}`,
      fix: "Give the repository facts the prediction lacks (subject template, immutable form, default branch) in the configuration; if they are right, the model is wrong for this repository: report the case.",
      evidence: { ...base, claims: worst.diff.map(([k]) => k) },
      docUrl: GITHUB_OIDC_DOCS.subject,
      cause: null
    })
  ];
}
function unmatched(run, runner) {
  const what = run ? `the workflow model has no run of job \`${run.jobId}\` in ${run.workflow} on ${run.event}${run.environment ? ` in environment ${run.environment}` : ""}` : "the token names no workflow_ref or event_name (nor does GITHUB_WORKFLOW_REF), so its run cannot be told";
  return finding("prediction-unknown", {
    id: `predict:this-run:${run ? `${run.workflow}:${run.jobId}:${run.event}` : runner.jobId}:unmatched`,
    subject: `this run's token (job \`${runner.jobId}\`)`,
    status: "unverified",
    decisionPoint: "token",
    message: `This run's own token could not be compared with a prediction: ${what}. The workflow model is not checked against this run.`,
    fix: "Run the preflight in the job whose token it checks (GITHUB_JOB), on a trigger its workflow has; with the CLI, give --job and a token of that job.",
    evidence: { job: runner.jobId, ...run ? { workflow: run.workflow, event: run.event } : {} },
    cause: null
  });
}

// src/workflows/index.ts
async function readWorkflowModel(options) {
  const { buildModel } = await import("./workflows-read.js");
  return buildModel(options);
}

// src/pipeline/misplaced-arn.ts
var ARN_FORMATS = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns";
function declaredValues(context, listings) {
  const out = [];
  for (const v of listings) {
    for (const [name, value2] of Object.entries(v?.repository?.values ?? {}))
      out.push({ reference: `${context}.${name}`, value: value2 });
    for (const [environment, listing] of Object.entries(v?.environments ?? {}))
      for (const [name, value2] of Object.entries(listing.values))
        out.push({ reference: `${context}.${name}`, value: value2, environment });
  }
  return out;
}
function misplacedArnFinding(input) {
  const expression = input.role?.kind === "known" ? input.role.expression : void 0;
  const declared = [...declaredValues("secrets", [input.secrets]), ...declaredValues("vars", input.variables ?? [])];
  const found = misplacedArn(input.roleArn, expression, declared);
  if (!found) return void 0;
  const { declared: d, place, should } = found;
  const secret = d.reference.startsWith("secrets.");
  const name = d.reference.slice(d.reference.indexOf(".") + 1);
  const what = secret ? `the secret ${name}` : `the variable ${name}`;
  const where = d.environment ? ` in environment ${d.environment}` : "";
  const declare = secret ? `\`--secret-arn ${d.environment ? `${d.environment}:` : ""}${name}=${should}\` for predict, or \`github.secret-arns\` in .github/preflight.yml` : `the variable's value (\`--vars\`, \`--environment-vars\` for predict, or \`github.variables\` in .github/preflight.yml)`;
  return finding("invalid-role-arn", {
    id: input.id,
    subject: input.subject,
    status: "unverified",
    decisionPoint: "config",
    message: `The role the step assumes is \`${input.roleArn}\`, which is no role ARN: ${what}${where} is declared to hold the role ARN \`${d.value}\`, but the workflow${expression ? ` (\`${expression}\`)` : ""} puts it where the ${place} goes, so its trust cannot be checked.`,
    fix: `If ${what} holds the ${place} (\`${should}\`), declare that: ${declare}. If it holds the whole role ARN, the step asks STS for \`${input.roleArn}\`, a role no account can have: write \`role-to-assume: \${{ ${d.reference} }}\` in the workflow.`,
    evidence: { roleArn: input.roleArn, [secret ? "secret" : "variable"]: name, holds: place },
    docUrl: ARN_FORMATS,
    location: input.location
  });
}

// src/pipeline/workflows.ts
var REMOTE_READS_MS = 12e4;
function apiReaders(source) {
  const { owner, repo, token } = source;
  const apiUrl = source.apiUrl ? { apiUrl: source.apiUrl } : {};
  const whole = AbortSignal.timeout(REMOTE_READS_MS);
  return {
    readVariables: async (environments) => {
      const { readVariables } = await import("./sources-github-variables.js");
      return readVariables({ owner, repo, token, environments, ...apiUrl });
    },
    readRemote: async (ref) => {
      const { readRepositoryFile } = await import("./sources-github-contents.js");
      return readRepositoryFile(ref, { token, whole, ...apiUrl });
    }
  };
}
async function predictWorkflows(options) {
  const { listWorkflowFiles, workflowFileReader } = await import("./sources-workflows.js");
  const listing = await listWorkflowFiles(options.root);
  const findings = [];
  if (listing.error) {
    const fix = "Make .github/workflows readable to the preflight; no workflow is checked until then.";
    findings.push(notRead("workflows", `The workflows could not be listed: ${listing.error}.`, void 0, fix));
  }
  for (const skipped of listing.skipped) {
    const fix = "Keep the workflow files within the number the preflight reads (docs/workflows.md, Bounds); the jobs of this file are not checked until then.";
    findings.push(notRead(skipped, `${skipped} was not read: too many workflow files.`, void 0, fix));
  }
  const repo = options.repository;
  const readRemote = options.readRemote ? onceEach(options.readRemote) : void 0;
  const readModel = (variables) => readWorkflowModel({
    workflowPaths: listing.paths,
    read: workflowFileReader(options.root),
    ...readRemote ? { readRemote } : {},
    repository: `${repo.owner}/${repo.name}`,
    ...repo.repoId ? { repositoryId: repo.repoId } : {},
    ...repo.ownerId ? { repositoryOwnerId: repo.ownerId } : {},
    ...repo.defaultBranch ? { defaultBranch: repo.defaultBranch } : {},
    vars: variables,
    ...options.secrets ? { secrets: options.secrets } : {},
    ...options.limits ? { limits: options.limits } : {}
  });
  const given = mergeVariables(options.variables ?? []);
  let model = await readModel(given);
  const notes = [];
  if (options.readVariables) {
    const read = await options.readVariables(environmentsOf(model));
    notes.push(...read.notes);
    const gave = read.variables.repository !== void 0 || Object.keys(read.variables.environments ?? {}).length > 0;
    if (gave) model = await readModel(mergeVariables([read.variables, given]));
  }
  for (const e of model.errors) {
    const meant = e.syntax === "action" ? void 0 : scopeMeantBy(e.message);
    const fix = meant !== void 0 ? `Did you mean \`${meant}\`? A \`permissions:\` scope GitHub does not define makes it refuse the workflow (${PERMISSIONS_SYNTAX_URL}).` : errorFix(e);
    const docUrl = e.syntax === "action" ? ACTION_SYNTAX : WORKFLOW_SYNTAX;
    const message = meant !== void 0 ? `${e.message} (did you mean \`${meant}\`?).` : `${e.message}.`;
    findings.push(notRead(`${e.position.file}:${e.position.line}`, message, e.position, fix, docUrl));
  }
  for (const job of model.jobs)
    if (job.calls?.unreadHarmless) notes.push(`${job.calls.unreadHarmless}: it obtains no credentials from GitHub.`);
  for (const job of model.jobs) {
    if (!job.deploy || !job.tooMany) continue;
    const message = `The tokens of job \`${job.id}\` (${job.file}) are not predicted: its ${job.tooMany.count} combinations of triggers, matrix rows and inputs are more than the ${job.tooMany.limit} the model lists, so the trust, session and calls of its roles are not checked.`;
    const fix = "Narrow its combinations (fewer matrix values or `workflow_dispatch` choices), or check its roles and permissions with the `aws` section of the preflight configuration.";
    findings.push(notRead(`${job.file}#${job.id}:too-many`, message, job.position, fix));
  }
  const { rolesOfUnreadActions } = await import("./pipeline-unseen-credentials.js");
  findings.push(...unreadStepFindings(model), ...refusedFindings(model), ...rolesOfUnreadActions(model.jobs));
  const workflowNames = Object.fromEntries(model.files.map((f) => [f.path, f.name]));
  const predictContext = { repo, jobs: model.jobs, workflowNames };
  const predictions = predictTokens(predictContext);
  const roles = await loadRoles(predictions, options);
  findings.push(...roles.findings);
  const catalog = await options.loadCatalog();
  const perTrigger = /* @__PURE__ */ new WeakMap();
  for (const p of instancesTold(predictions)) {
    const made = [...predictionFindings(p)];
    for (const exchange of p.exchanges) made.push(...checkExchange(p, exchange, roles, catalog, options));
    for (const f of made) if (f.subject === `the token of ${p.label}`) perTrigger.set(f, p.labels);
    findings.push(...made);
  }
  if (options.deploy) {
    const { checkDeployJobs } = await import("./pipeline-deploy-jobs.js");
    findings.push(
      ...await checkDeployJobs(
        predictions,
        { ...options.deploy, policyFiles: options.policyFiles, readFile: workflowFileReader(options.root) },
        model.jobs
      )
    );
  }
  if (options.github) {
    const { checkGitHubTokens } = await import("./pipeline-github-token.js");
    findings.push(...await checkGitHubTokens(model, options.github));
  }
  if (options.run) {
    const own = model.jobs.filter((j) => !j.deploy && j.id === options.run?.runner.jobId).flatMap(
      (job) => job.instances.filter((i) => i.runs.kind !== "never").map((instance) => predictToken(job, instance, predictContext))
    );
    findings.push(...comparePrediction([...predictions, ...own], options.run.claims, options.run.runner));
  }
  return {
    findings: roleAccountsTold(dedupe(acrossTriggers(findings, perTrigger))).map(withoutSecretShapes),
    model,
    predictions,
    notes: notes.map(redactQuotedSecrets)
  };
}
function withoutSecretShapes(f) {
  const evidence = Object.fromEntries(
    Object.entries(f.evidence).map(([k, v]) => [
      k,
      typeof v === "string" ? redactQuotedSecrets(v) : Array.isArray(v) ? v.map(redactQuotedSecrets) : v
    ])
  );
  return {
    ...f,
    // An id is the tool's key (drift matches by it): never cut, a secret shape in it hashed (src/text/secret-shapes.ts).
    id: hashIdSecrets(f.id),
    subject: redactQuotedSecrets(f.subject),
    message: redactQuotedSecrets(f.message),
    evidence,
    ...f.fix !== void 0 ? { fix: redactQuotedSecrets(f.fix) } : {}
  };
}
function environmentsOf(model) {
  const names = /* @__PURE__ */ new Map();
  for (const job of model.jobs)
    for (const instance of job.instances) {
      const name = literal(instance.environment?.name);
      if (name !== void 0 && names.size < 50) names.set(name.toLowerCase(), name);
    }
  return [...names.values()];
}
async function loadRoles(predictions, options) {
  const arns = [...new Set(predictions.flatMap((p) => p.exchanges.map((e) => literal(e.role))))].filter(
    (a) => a !== void 0
  );
  if (arns.length === 0 || options.policyFiles.length === 0)
    return { byArn: /* @__PURE__ */ new Map(), providers: [], listedProviders: [], providerLists: [], findings: [], unreadable: [] };
  const { loadAwsFiles } = await import("./sources-aws-files.js");
  const loaded = await loadAwsFiles(options.policyFiles, {
    roleArns: arns,
    cwd: options.root,
    ...options.allowOutsideWorkspace ? { allowOutsideWorkspace: true } : {}
  });
  const findings = loaded.findings.filter((f) => f.decisionPoint === "config" || f.decisionPoint === "sts-trust");
  return {
    byArn: new Map(loaded.inventory.roles.map((r) => [r.arn, r])),
    providers: loaded.inventory.oidcProviders ?? [],
    listedProviders: loaded.listedOidcProviderArns,
    providerLists: loaded.oidcProviderLists,
    findings,
    unreadable: unreadablePolicyFiles(loaded.findings),
    inventory: loaded.inventory
  };
}
function checkExchange(p, exchange, roles, catalog, options) {
  if (p.issued.kind === "no") return [];
  const arn = literal(exchange.role);
  const at = exchange.step.position;
  const where = { file: at.file, line: at.line, column: at.column };
  const id = `predict:${jobKey(p)}:step-${exchange.step.index}:${p.trigger.position.line}`;
  if (arn === void 0) {
    const selfRequest = exchange.step.credential?.kind === "oidc-token";
    const unknown2 = exchange.role?.kind === "unknown" ? exchange.role : void 0;
    const missing = unknown2 ? unknownPieces(unknown2.expression, unknown2.reason, options) : void 0;
    const why = selfRequest ? "is not read: the step requests the token itself and exchanges it in its own way" : unknown2 && missing ? `is \`${unknown2.expression}\`, ${whatIsUnknown(missing)}` : "is not given";
    return [
      finding("prediction-unknown", {
        id: `${id}:role`,
        subject: `the token of ${p.label}`,
        status: "unverified",
        decisionPoint: "config",
        message: `The role the step assumes ${why}, so its trust cannot be checked before the run.`,
        fix: roleFix(missing),
        location: where
      })
    ];
  }
  const role = roles.byArn.get(arn);
  const misplaced = role ? void 0 : misplacedArnFinding({
    id: `${id}:role`,
    subject: `the token of ${p.label}`,
    roleArn: arn,
    role: exchange.role,
    secrets: options.secrets,
    variables: options.variables,
    location: where
  });
  if (misplaced) return [misplaced];
  if (!role) {
    return [
      finding("could-not-verify", {
        id: `${id}:${arn}`,
        subject: `the token of ${p.label}`,
        status: "unverified",
        decisionPoint: "sts-trust",
        message: `No policy file${roles.unreadable.length > 0 ? " that could be read" : ""} gives the role \`${arn}\`, so its trust is not checked for this job.${unreadableFilesNote(roles.unreadable)}`,
        fix: `${roles.unreadable.length > 0 ? `Fix ${roles.unreadable.join(", ")} (its finding says how), or add` : "Add"} the role to the policy files (aws iam get-role --role-name NAME > policies/NAME.json; see docs/policy-folder.md).`,
        location: where
      })
    ];
  }
  const issuer = options.issuer ?? GITHUB_ISSUER;
  const providerArn = `arn:${arn.split(":")[1] ?? "aws"}:iam::${role.accountId}:oidc-provider/${populatedKeysForOidcProvider(catalog, issuer).prefix}`;
  const provider = providerRead(roles, providerArn);
  return [
    ...provider.kind === "given" ? checkPredictedAudience(p, exchange, provider.provider) : [],
    ...checkPredictedTrust({
      prediction: p,
      exchange,
      role,
      settings: exchangeSettings(exchange, arn),
      issuer,
      catalog,
      provider,
      rcps: rcpLayer(
        roles.inventory,
        options.deploy?.declaredAbsent ?? options.declaredAbsent,
        role.accountId,
        role.accountId
      )
    })
  ];
}
function providerRead(roles, arn) {
  const provider = roles.providers.find((pr) => pr.arn === arn);
  if (provider) return { kind: "given", provider };
  const listing = providerListing(arn, roles.listedProviders, roles.providerLists);
  return listing.kind === "not-read" ? { kind: "not-read", arn } : { ...listing, arn };
}
function checkedOutFinding(job, unread) {
  const at = unread.position;
  return finding("could-not-verify", {
    id: `predict:not-read:${job.file}#${job.id}:local-action`,
    subject: `job \`${job.id}\` (${job.file})`,
    status: "unverified",
    decisionPoint: "config",
    message: `Job \`${job.id}\` (${job.file}) uses the local action \`${unread.uses}\`: ${unread.reason}. GitHub loads the action from that checkout when the step runs, so the action and the job's steps past it are not read, and the job's trust, session and calls are not checked.`,
    fix: "Nothing in the workflow needs to change for GitHub: the preflight reads the repository as given, not what a checkout writes when the job runs. Check this job's trust, session and calls on a real run of it.",
    docUrl: LOCAL_ACTIONS,
    location: { file: at.file, line: at.line, column: at.column }
  });
}
function unreadStepFindings(model) {
  return model.jobs.flatMap((job) => {
    const unread = job.stepsUnread;
    if (unread === void 0) return [];
    if (unread.kind === "checked-out") return [checkedOutFinding(job, unread)];
    const what = unread.kind === "not-found" ? `uses \`${unread.uses}\`, and the action at that path was not found in the repository as read (${unread.reason}), for example because a checkout put the repository under another path, or another repository there` : unread.kind === "invalid" ? `uses the local action \`${unread.uses}\`, which GitHub would refuse to load: ${unread.reason}` : `uses the local action \`${unread.uses}\`, which is not read: ${unread.reason}`;
    const refused = unread.kind === "invalid";
    const message = `Job \`${job.id}\` (${job.file}) ${what}. GitHub fails that step when it runs, so the job's steps past it are not read, and its trust, session and calls are not checked.`;
    const fix = refused ? "Fix the action's metadata (its action.yml) so GitHub would load it; the job is checked once it is read." : unread.kind === "not-read" ? "Bring the action within what the preflight reads (docs/workflows.md, Bounds); the job is checked once it is read." : "Name the action by its path in this repository with the repository checked out at the workspace root (`actions/checkout` without `path:`), or, if it comes from another repository, use it as `owner/repo/path@ref`; the job is checked once the action is read.";
    const at = unread.position;
    return [
      finding("could-not-verify", {
        id: `predict:not-read:${job.file}#${job.id}:local-action`,
        subject: `job \`${job.id}\` (${job.file})`,
        status: "unverified",
        decisionPoint: "config",
        message,
        fix,
        docUrl: refused ? ACTION_SYNTAX : LOCAL_ACTIONS,
        location: { file: at.file, line: at.line, column: at.column }
      })
    ];
  });
}
function refusedFindings(model) {
  return (model.refused ?? []).map(
    (r) => finding("could-not-verify", {
      id: `predict:not-read:${r.file}:refused-call`,
      subject: `the workflow ${r.file}`,
      status: "unverified",
      decisionPoint: "config",
      message: `GitHub refuses ${r.file} as a whole ("error parsing called workflow"): its job \`${r.jobId}\` calls ${r.uses}, and ${r.reason}. GitHub validates the workflows a file calls before it starts any of its jobs, so none of them (${r.jobIds.map((j) => `\`${j}\``).join(", ")}) runs, and none is checked.`,
      fix: `Add the called workflow, or correct the \`uses:\` of job \`${r.jobId}\` (or remove the job); the workflow's jobs are checked once GitHub would accept it.`,
      docUrl: "https://docs.github.com/en/actions/sharing-automations/reusing-workflows#calling-a-reusable-workflow",
      location: { file: r.position.file, line: r.position.line, column: r.position.column }
    })
  );
}
function listed(variables, name) {
  return variables.some(
    (v) => v !== void 0 && [v.repository, ...Object.values(v.environments ?? {})].some((l) => l !== void 0 && name in l.values)
  );
}
function unknownPieces(expression, reason, options) {
  const secrets = /* @__PURE__ */ new Set();
  const vars = /* @__PURE__ */ new Set();
  for (const m of `${reason} ${expression}`.matchAll(/\b(secrets|vars)\.([A-Za-z_][A-Za-z0-9_]*)/g)) {
    const [, context, name = ""] = m;
    const first = isReason(reason, `${context}.${name}`);
    if (context === "secrets" && (first || !listed([options.secrets], name))) secrets.add(name);
    if (context === "vars" && (first || !listed(options.variables ?? [], name))) vars.add(name);
  }
  return { reason, secrets: [...secrets], vars: [...vars] };
}
function isReason(reason, reference) {
  return reason === reference || reason.startsWith(`${reference} `);
}
function andList(items) {
  return items.length <= 1 ? items[0] ?? "" : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
function whatIsUnknown(missing) {
  const parts = [];
  if (missing.secrets.length > 0) {
    const names = andList(
      missing.secrets.map((n) => isReason(missing.reason, `secrets.${n}`) ? missing.reason : `secrets.${n}`)
    );
    parts.push(
      `which reads ${names}: ${missing.secrets.length > 1 ? "their values are secrets" : "the value is a secret"}, which GitHub passes only to the running job and no one can read back`
    );
  }
  if (missing.vars.length > 0) {
    const first = missing.reason.startsWith("vars.") ? [missing.reason] : [];
    const others = missing.vars.filter((n) => !isReason(missing.reason, `vars.${n}`)).map((n) => `vars.${n} (not given)`);
    parts.push(`${parts.length > 0 ? "and" : "which reads"} ${andList([...first, ...others])}`);
  }
  if (parts.length === 0) parts.push(`which reads ${missing.reason}, known only when the job runs`);
  return parts.join(", ");
}
function roleFix(missing) {
  if (missing && missing.secrets.length > 0) {
    const flags = missing.secrets.map((n) => `\`--secret-arn ${n}=VALUE\``).join(" ");
    return `Declare what ${missing.secrets.length > 1 ? "each secret holds" : "the secret holds"} (a role ARN, a 12-digit account ID or a role name, none secret in itself): in \`github.secret-arns.repository\` of .github/preflight.yml (\`github.secret-arns.environments.ENV\` for a job in environment ENV), or ${flags} for predict (\`--secret-arn ENV:NAME=VALUE\` for an environment's own); or write the role ARN in the workflow. See docs/workflows.md.`;
  }
  const reason = missing?.reason ?? "";
  if (reason.startsWith("vars.") || (missing?.vars.length ?? 0) > 0)
    return "Give the variables: the `vars` input (`${{ toJSON(vars) }}`), `github.variables` in the configuration, or a `github-token` that may read them (`--vars`, `--environment-vars` or `--read-variables` for predict); see docs/workflows.md.";
  return "Write the role ARN in the workflow (or in a variable or secret the configuration declares), or check it on a real run.";
}
function errorFix(e) {
  if (e.code === "unsupported") return remoteOf(e.position.file) ? REMOTE_ACTION_FIX : REMOTE_FIX;
  if (e.code === "ambiguous-line-break")
    return "Write the line breaks of the file as line feeds (LF, or CR LF): a carriage return alone, NEL, LS or PS is a line break to some YAML parsers and not to others (YAML 1.2.2, 5.4), so what GitHub reads in it is not known; it is not checked until then.";
  if (e.code === "parse-error" && /more than \d+ errors/.test(e.message))
    return "Fix the YAML of the file: GitHub cannot read it, so it runs nothing from it; it is not checked until then.";
  if (e.syntax === "action")
    return "Fix the action's metadata so GitHub would load it: a step that uses it fails when it runs, and each job that runs one is reported unverified by name until then.";
  if (e.syntax === "workflow")
    return "Fix the file so GitHub would run it, or remove it: GitHub validates the whole file before it starts any of its jobs, so none of them runs, and none is checked until then.";
  return "Bring what it names within what the preflight reads (docs/workflows.md, Bounds), or remove the reference; what it names is not checked until then.";
}
var REMOTE_FIX = "Its jobs may assume roles with what this job gives it, and are not checked here: give a token that may read that repository's contents (the `github-token` input, `--read-remote` with GITHUB_TOKEN for predict; see docs/workflows.md), run the preflight in that workflow's repository, or, if it needs none, drop `id-token: write` from this job's permissions and the secrets it passes.";
var REMOTE_ACTION_FIX = "The action comes from whatever the job checked out, which is not known before the run: check that workflow's repository with the preflight, or use the action by `owner/repo@ref` there.";
function onceEach(read) {
  const answers = /* @__PURE__ */ new Map();
  return (ref) => {
    const key = remoteKey(ref);
    const known = answers.get(key);
    if (known) return known;
    const answer = read(ref);
    answers.set(key, answer);
    return answer;
  };
}
var WORKFLOW_SYNTAX = "https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax";
var ACTION_SYNTAX = "https://docs.github.com/en/actions/reference/workflows-and-actions/metadata-syntax";
var LOCAL_ACTIONS = "https://docs.github.com/en/actions/how-tos/write-workflows/choose-what-workflows-do/find-and-customize-actions#adding-an-action-from-the-same-repository";
function notRead(what, message, at, fix, docUrl = WORKFLOW_SYNTAX) {
  return finding("could-not-verify", {
    id: `predict:not-read:${what}`,
    subject: "the workflows",
    status: "unverified",
    decisionPoint: "config",
    message,
    fix,
    docUrl,
    ...at ? { location: { file: at.file, line: at.line, column: at.column } } : {}
  });
}
function acrossTriggers(findings, perTrigger) {
  const groups = /* @__PURE__ */ new Map();
  const out = [];
  for (const f of findings) {
    const labels = perTrigger.get(f);
    if (labels === void 0) {
      out.push(f);
      continue;
    }
    const key = JSON.stringify([f.class, f.status, labels.job, f.message, f.fix, f.location]);
    const group = groups.get(key);
    if (group) {
      if (!group.triggers.includes(labels.trigger)) group.triggers.push(labels.trigger);
      continue;
    }
    groups.set(key, { first: f, labels, triggers: [labels.trigger] });
    out.push(key);
  }
  return out.map((item) => {
    if (typeof item !== "string") return item;
    const { first, labels, triggers } = groups.get(item);
    if (triggers.length === 1) return first;
    return { ...first, subject: `the token of ${labels.job} on ${andList(triggers)}` };
  });
}
function instancesTold(predictions) {
  const byLabel = /* @__PURE__ */ new Map();
  for (const p of predictions) {
    const group = byLabel.get(p.label);
    if (group) group.push(p);
    else byLabel.set(p.label, [p]);
  }
  const tellers = new Map([...byLabel].map(([label, group]) => [label, tellerOf(group)]));
  return predictions.map((p) => {
    const told = tellers.get(p.label)?.(p);
    if (told === void 0) return p;
    const job = `${p.labels.job} ${told}`;
    return { ...p, label: `${job} on ${p.labels.trigger}`, labels: { ...p.labels, job } };
  });
}
function tellerOf(group) {
  const none = () => void 0;
  if (new Set(group.map((g) => g.instance)).size < 2) return none;
  const environment = (p) => {
    const env = p.instance.environment;
    return env === void 0 ? "without an environment" : `in ${literal(env.name) ?? `\`${env.name?.kind === "unknown" ? env.name.expression : "?"}\``}`;
  };
  if (new Set(group.map(environment)).size > 1) return environment;
  const shown2 = (v) => typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? String(v) : JSON.stringify(v);
  const keys = [...new Set(group.flatMap((g) => Object.keys(g.instance.inputs)))].filter(
    (k) => new Set(group.map((g) => shown2(g.instance.inputs[k]))).size > 1
  );
  if (keys.length === 0) return none;
  return (p) => `with ${keys.map((k) => `\`${k}\`=\`${shown2(p.instance.inputs[k])}\``).join(", ")}`;
}
function roleAccountsTold(findings) {
  const roleOf = (f) => typeof f.evidence.roleArn === "string" ? f.evidence.roleArn : void 0;
  const nameOf = (arn) => arn.slice(arn.lastIndexOf("/") + 1);
  const arns = /* @__PURE__ */ new Map();
  for (const f of findings) {
    const arn = roleOf(f);
    if (arn !== void 0) arns.set(f.subject, (arns.get(f.subject) ?? /* @__PURE__ */ new Set()).add(arn));
  }
  return findings.map((f) => {
    const arn = roleOf(f);
    const others = arn === void 0 ? [] : [...arns.get(f.subject) ?? []].filter((a) => a !== arn);
    return arn !== void 0 && others.some((a) => nameOf(a) === nameOf(arn)) ? { ...f, subject: `${f.subject}, role ${arn}` } : f;
  });
}
function dedupe(findings) {
  const seen = /* @__PURE__ */ new Map();
  const out = [];
  for (const f of findings) {
    const same = seen.get(f.id) ?? [];
    if (same.some((g) => g.message === f.message && g.status === f.status)) continue;
    same.push(f);
    seen.set(f.id, same);
    out.push(same.length > 1 ? { ...f, id: `${f.id}:${same.length}` } : f);
  }
  return out;
}
export {
  apiReaders,
  predictWorkflows
};
