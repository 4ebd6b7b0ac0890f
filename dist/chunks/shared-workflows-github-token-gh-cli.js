import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  DEFAULT_CALL_LIMITS,
  programOf,
  pushesImage,
  readShell
} from "./shared-workflows-calls-shell.js";
import {
  ACTION_TABLE,
  GHCR_DOC,
  PREFLIGHT_ROW,
  TOKEN_INPUT_NAMES,
  actionRow
} from "./shared-workflows-github-token-effective.js";

// src/workflows/github-token/gh-cli.ts
var REST_PERMISSIONS_URL = "https://docs.github.com/en/rest/authentication/permissions-required-for-github-apps";
var AUTOMERGE_DOC = "https://docs.github.com/en/code-security/dependabot/working-with-dependabot/automating-dependabot-with-github-actions#enabling-automerge-on-a-pull-request";
var w = (scope) => ({ scope, level: "write" });
var r = (scope) => ({ scope, level: "read" });
var all = (...needs) => ({ all: needs });
var issueOrPull = { anyOf: [w("issues"), w("pull-requests")] };
var GH_COMMANDS = {
  "release create": all(w("contents")),
  "release upload": all(w("contents")),
  "release edit": all(w("contents")),
  "release delete": all(w("contents")),
  "release view": all(r("contents")),
  "release list": all(r("contents")),
  "release download": all(r("contents")),
  "pr create": all(w("pull-requests")),
  "pr edit": all(w("pull-requests")),
  "pr close": all(w("pull-requests")),
  "pr review": all(w("pull-requests")),
  "pr merge": all(w("contents")),
  "pr comment": issueOrPull,
  "pr view": all(r("pull-requests")),
  "pr list": all(r("pull-requests")),
  "issue create": all(w("issues")),
  "issue comment": issueOrPull,
  "issue edit": all(w("issues")),
  "issue close": all(w("issues")),
  "issue view": all(r("issues")),
  "issue list": all(r("issues")),
  "workflow run": all(w("actions")),
  "run cancel": all(w("actions")),
  "run rerun": all(w("actions")),
  "run view": all(r("actions")),
  "run list": all(r("actions")),
  "run download": all(r("actions"))
};
var ROUTES = [
  ["POST", "releases", all(w("contents"))],
  ["POST", "releases/:x/assets", all(w("contents"))],
  ["PATCH", "releases/:x", all(w("contents"))],
  ["DELETE", "releases/:x", all(w("contents"))],
  ["GET", "releases(/.*)?", all(r("contents"))],
  ["PUT", "contents/.+", all(w("contents"))],
  ["DELETE", "contents/.+", all(w("contents"))],
  ["GET", "contents(/.*)?", all(r("contents"))],
  ["POST", "git/(refs|tags|commits|trees|blobs)", all(w("contents"))],
  ["PATCH", "git/refs/.+", all(w("contents"))],
  ["DELETE", "git/refs/.+", all(w("contents"))],
  ["POST", "dispatches", all(w("contents"))],
  ["POST", "merges", all(w("contents"))],
  ["PUT", "pulls/:x/merge", all(w("contents"))],
  ["POST", "pulls", all(w("pull-requests"))],
  ["PATCH", "pulls/:x", all(w("pull-requests"))],
  ["POST", "pulls/:x/(reviews|comments|requested_reviewers)", all(w("pull-requests"))],
  ["GET", "pulls(/.*)?", all(r("pull-requests"))],
  ["POST", "issues", all(w("issues"))],
  ["PATCH", "issues/:x", all(w("issues"))],
  ["POST", "issues/:x/(comments|labels|assignees)", issueOrPull],
  ["PATCH", "issues/comments/:x", issueOrPull],
  ["GET", "issues(/.*)?", all(r("issues"))],
  ["POST", "deployments", all(w("deployments"))],
  ["POST", "deployments/:x/statuses", all(w("deployments"))],
  ["GET", "deployments(/.*)?", all(r("deployments"))],
  ["POST", "statuses/:x", all(w("statuses"))],
  ["POST", "check-runs", all(w("checks"))],
  ["PATCH", "check-runs/:x", all(w("checks"))],
  ["POST", "actions/workflows/:x/dispatches", all(w("actions"))],
  ["POST", "actions/runs/:x/(cancel|rerun|rerun-failed-jobs)", all(w("actions"))],
  ["DELETE", "actions/(caches|artifacts|runs)(/.*)?", all(w("actions"))],
  ["GET", "actions(/.*)?", all(r("actions"))],
  ["POST", "pages/builds", all(w("pages"))],
  ["POST", "pages/deployments", all(w("pages"))],
  ["GET", "pages(/.*)?", all(r("pages"))],
  ["POST", "code-scanning/sarifs", all(w("security-events"))],
  ["GET", "code-scanning(/.*)?", all(r("security-events"))],
  ["POST", "attestations", all(w("attestations"))]
].map(([method, path, need]) => ({
  method,
  path: new RegExp(`^repos/[^/]+/[^/]+/${path.replace(/:x/g, "[^/]+")}/?$`),
  need
}));
function routeNeed(method, path) {
  const clean = path.replace(/^https?:\/\/[^/]+\//, "").replace(/^\/+/, "").replace(/\?.*$/, "").replace(/\{owner\}|:owner/g, "o").replace(/\{repo\}|:repo/g, "r");
  const m = method.toUpperCase();
  return ROUTES.find((route) => route.method === m && route.path.test(clean))?.need;
}
function apiCall(args) {
  let method;
  let fields = false;
  let path;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a === "-X" || a === "--method") method = args[++i];
    else if (a.startsWith("--method=")) method = a.slice("--method=".length);
    else if (/^-X[A-Z]+$/.test(a)) method = a.slice(2);
    else if (/^(-f|-F|--field|--raw-field|--input)$/.test(a)) {
      fields = true;
      i++;
    } else if (/^(-H|--header|--jq|-q|--template|-t|--hostname|--cache)$/.test(a)) i++;
    else if (!a.startsWith("-") && path === void 0) path = a;
  }
  return { method: method ?? (fields ? "POST" : "GET"), ...path !== void 0 ? { path } : {} };
}
function ghNeed(args) {
  const [group = "", verb = ""] = args;
  if (group === "api") {
    const { method, path } = apiCall(args.slice(1));
    const command2 = `gh api ${method} ${path ?? ""}`.trim();
    if (path === void 0 || path === "graphql") {
      return { kind: "unknown", command: command2, reason: "a GraphQL call or no path: the permission depends on the query" };
    }
    const need2 = routeNeed(method, path);
    if (need2) return { kind: "known", command: command2, need: need2, doc: REST_PERMISSIONS_URL };
    return { kind: "unknown", command: command2, reason: "a route not in the preflight's table of REST permissions" };
  }
  if (group === "pr" && verb === "merge" && args.includes("--auto")) {
    return {
      kind: "known",
      command: "gh pr merge --auto",
      need: all(w("contents"), w("pull-requests")),
      doc: AUTOMERGE_DOC
    };
  }
  const command = `gh ${group} ${verb}`.trim();
  const need = GH_COMMANDS[`${group} ${verb}`];
  if (need) return { kind: "known", command, need, doc: REST_PERMISSIONS_URL };
  if (group === "auth" || group === "help" || group === "--version") {
    return { kind: "known", command, need: { all: [] }, doc: REST_PERMISSIONS_URL };
  }
  return { kind: "unknown", command, reason: "a gh command not in the preflight's table" };
}
var GIT_PUSH = {
  kind: "known",
  command: "git push",
  need: all(w("contents")),
  doc: "https://github.com/actions/checkout#push-a-commit-using-the-built-in-token"
};
var GH_IN_ARGUMENT = /(^|[\s;&|(`])gh(\s|$)/;
function scriptNeeds(script) {
  const out = [];
  const reading = readShell(script, /* @__PURE__ */ new Map(), DEFAULT_CALL_LIMITS);
  for (const command of reading.commands) {
    const program = programOf(command);
    if (!program) continue;
    const args = program.args.map((a) => a.value);
    if (program.name === "gh") out.push(ghNeed(args));
    else if (program.name === "git") {
      if (args.includes("push")) out.push(GIT_PUSH);
    } else if (program.name !== "echo" && program.name !== "printf" && args.some((a) => GH_IN_ARGUMENT.test(a))) {
      out.push({
        kind: "unknown",
        command: `gh (run by ${program.name})`,
        reason: `a gh command inside an argument of \`${program.name}\`, which the preflight does not read`
      });
    }
  }
  if (reading.truncated !== void 0 && /\bgh\b/.test(script)) {
    out.push({ kind: "unknown", command: "gh", reason: `a script read only in part (${reading.truncated})` });
  }
  return out;
}
var INERT = new Set(
  "echo printf cd pwd ls mkdir rmdir cat cp mv rm ln touch chmod chown true false test [ [[ export set unset shift exit return sleep grep egrep sed awk cut tr sort uniq head tail wc tee date basename dirname find xargs tar gzip gunzip zip unzip sha256sum shasum md5sum diff read local declare readonly for in case esac fi done then else elif while until if do jq yq env which whoami uname df du ps kill wait trap".split(" ")
);
function tokenReadingPrograms(script) {
  const reading = readShell(script, /* @__PURE__ */ new Map(), DEFAULT_CALL_LIMITS);
  const out = /* @__PURE__ */ new Set();
  for (const command of reading.commands) {
    const program = programOf(command);
    if (!program || INERT.has(program.name) || program.name === "gh" || program.name === "git") continue;
    if (/^[A-Za-z_][A-Za-z0-9_]*\+?=/.test(program.name)) continue;
    const first = program.args[0]?.value;
    out.add(first !== void 0 && !first.startsWith("-") ? `${program.name} ${first}` : program.name);
  }
  if (reading.truncated !== void 0) out.add(`the script's rest (${reading.truncated})`);
  return [...out];
}

// src/workflows/github-token/needs.ts
function stepPosition(step, file) {
  return { file: step.file ?? file, ...step.line !== void 0 ? { line: step.line } : {} };
}
var GITHUB_TOKEN_EXPR = /^\$\{\{\s*(github\.token|secrets\.github_token)\s*\}\}$/i;
var SECRET_EXPR = /^\$\{\{\s*secrets\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}$/;
var MENTIONS_GITHUB_TOKEN = /github\.token|secrets\.github_token|\bGITHUB_TOKEN\b|\bGH_TOKEN\b/i;
function tokenRefOf(value) {
  const v = value.trim();
  if (GITHUB_TOKEN_EXPR.test(v)) return { kind: "github-token" };
  const secret = SECRET_EXPR.exec(v);
  if (secret?.[1]) return { kind: "secret", name: secret[1] };
  return { kind: "other", expression: v.includes("${{") ? v : "a literal value" };
}
function scriptToken(step) {
  const value = step.env?.GH_TOKEN ?? step.env?.GITHUB_TOKEN;
  return value === void 0 ? void 0 : tokenRefOf(value);
}
var TOKEN_VARS = /^(GH_TOKEN|GITHUB_TOKEN)$/;
function envTokens(step, which) {
  const own = new Set(step.ownEnv ?? Object.keys(step.env ?? {}));
  return Object.entries(step.env ?? {}).filter(([name]) => which === "all" || own.has(name)).filter(([name, value]) => TOKEN_VARS.test(name) || GITHUB_TOKEN_EXPR.test(value.trim())).map(([name, value]) => [name, tokenRefOf(value)]);
}
function checkoutToken(step) {
  if (!step.uses || actionRow(step.uses)?.action !== "actions/checkout") return void 0;
  if ((step.with?.["persist-credentials"] ?? "true").trim() === "false") return void 0;
  const given = step.with?.token;
  return given === void 0 ? { kind: "github-token" } : tokenRefOf(given);
}
var actionName = (uses) => uses.split("@")[0] ?? uses;
function actionNeeds(step) {
  const row = step.preflight ? PREFLIGHT_ROW : actionRow(step.uses);
  const inputs = step.with ?? {};
  const what = actionName(step.uses);
  if (row) {
    const given = row.tokenInput ? inputs[row.tokenInput] : void 0;
    const token = given !== void 0 ? tokenRefOf(given) : row.defaultsToGitHubToken ? { kind: "github-token" } : void 0;
    const known = [];
    const unknown2 = [];
    for (const n of row.needs(inputs)) {
      const by = n.of === "job" ? { kind: "github-token" } : token;
      if (!by) continue;
      if ("unknown" in n) unknown2.push({ step, what, token: by, reason: n.unknown });
      else
        known.push({
          step,
          what,
          token: by,
          need: n.need,
          of: n.of,
          doc: row.doc,
          ...n.metOnPublic ? { metOnPublic: true } : {}
        });
    }
    return { known, unknown: unknown2 };
  }
  if (what.toLowerCase() === "actions/github-script") {
    const token = inputs["github-token"] !== void 0 ? tokenRefOf(inputs["github-token"]) : { kind: "github-token" };
    return { known: [], unknown: [{ step, what, token, reason: "a script: the calls it makes decide what it needs" }] };
  }
  const unknown = Object.entries(inputs).filter(([name, value]) => TOKEN_INPUT_NAMES.test(name) || MENTIONS_GITHUB_TOKEN.test(value)).map(([name, value]) => ({
    step,
    what,
    token: tokenRefOf(value),
    reason: `an action the preflight's table does not know, given a token as \`${name}\``
  }));
  for (const [name, value] of envTokens(step, "own")) {
    unknown.push({
      step,
      what,
      token: value,
      reason: `an action the preflight's table does not know, given a token in its \`env:\` as \`${name}\``
    });
  }
  if (unknown.length > 0 || what.startsWith("docker://")) return { known: [], unknown };
  return {
    known: [],
    unknown: [
      {
        step,
        what,
        token: { kind: "github-token" },
        reason: "an action the preflight's table does not know, which may use the job's token by default",
        implicit: true
      }
    ]
  };
}
function runNeeds(step, persisted) {
  const known = [];
  const unknown = [];
  const ghToken = scriptToken(step);
  for (const command of scriptNeeds(step.run)) {
    const token2 = command.command === "git push" ? persisted : ghToken;
    if (!token2) continue;
    if (command.kind === "known")
      known.push({ step, what: command.command, token: token2, need: command.need, of: "token", doc: command.doc });
    else unknown.push({ step, what: command.command, token: token2, reason: command.reason });
  }
  if (known.length > 0 || unknown.length > 0) return { known, unknown };
  if (MENTIONS_GITHUB_TOKEN.test(step.run.replace(/\bgh\b[^\n]*/g, ""))) {
    unknown.push({
      step,
      what: "a script",
      token: ghToken ?? { kind: "github-token" },
      reason: "a script that uses the token itself"
    });
    return { known, unknown };
  }
  const programs = tokenReadingPrograms(step.run);
  const handed = envTokens(step, "all");
  const own = envTokens(step, "own");
  const [name, token] = own[0] ?? handed[0] ?? [];
  if (programs.length > 0 && name !== void 0 && token !== void 0) {
    const where = own.length > 0 ? "the step's `env:`" : "the job's or workflow's `env:`";
    unknown.push({
      step,
      what: programs.slice(0, 3).join(", "),
      token,
      reason: `a program the preflight's tables do not know, given the token in ${where} as \`${name}\``,
      ...own.length > 0 ? {} : { implicit: true }
    });
  }
  return { known, unknown };
}
function pushesImages(step) {
  if (step.uses && actionName(step.uses).toLowerCase() === "docker/build-push-action") {
    return (step.with?.push ?? "").trim() === "true";
  }
  if (step.run === void 0) return false;
  return readShell(step.run, /* @__PURE__ */ new Map(), DEFAULT_CALL_LIMITS).commands.some((command) => {
    const program = programOf(command);
    return program !== void 0 && pushesImage(program);
  });
}
var OIDC_PERMISSION_DOC = "https://docs.github.com/en/actions/reference/security/oidc#adding-permissions-settings";
function idTokenNeed(step) {
  if (!step.requestsIdToken || step.uses && actionRow(step.uses)) return [];
  return [
    {
      step,
      what: step.uses ? actionName(step.uses) : "a script requesting the OIDC token",
      token: { kind: "github-token" },
      need: { all: [{ scope: "id-token", level: "write" }] },
      of: "job",
      doc: OIDC_PERMISSION_DOC
    }
  ];
}
function jobNeeds(steps) {
  const known = [];
  const unknown = [];
  let persisted;
  for (const step of steps) {
    known.push(...idTokenNeed(step));
    const out = step.uses ? actionNeeds({ ...step, uses: step.uses }) : step.run !== void 0 ? runNeeds({ ...step, run: step.run }, persisted) : { known: [], unknown: [] };
    known.push(...out.known);
    unknown.push(...out.unknown);
    persisted = checkoutToken(step) ?? persisted;
  }
  return { known: raiseRegistryLogins(known, steps.some(pushesImages)), unknown };
}
function raiseRegistryLogins(known, pushes) {
  if (!pushes) return known;
  return known.map(
    (k) => k.what.toLowerCase() === "docker/login-action" ? {
      ...k,
      what: "docker/login-action (then a push to ghcr.io)",
      need: { all: [{ scope: "packages", level: "write" }] },
      doc: GHCR_DOC
    } : k
  );
}
var KNOWN_ACTIONS = ACTION_TABLE.map((row) => row.action);
function secretsUsed(jobs) {
  const names = /* @__PURE__ */ new Set();
  const visit = (list, depth) => {
    for (const job of list) {
      for (const k of jobNeeds(job.steps).known)
        if (k.token.kind === "secret" && k.of === "token") names.add(k.token.name);
      if (job.calls && depth < 4) visit(job.calls.jobs, depth + 1);
    }
  };
  visit(jobs, 1);
  return [...names].sort();
}

export {
  stepPosition,
  jobNeeds,
  secretsUsed
};
