import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  finding
} from "./shared-model-finding-classes.js";
import {
  editDistance
} from "./shared-text-edit-distance.js";
import "./shared-runtime-5f8999a1.js";

// src/workflows/github-token/scopes.ts
var PERMISSIONS_SYNTAX_URL = "https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#permissions";
var TOKEN_PERMISSIONS_URL = "https://docs.github.com/en/actions/security-for-github-actions/security-guides/automatic-token-authentication#permissions-for-the-github_token";
var RANK = { none: 0, read: 1, write: 2 };
function covers(granted, needed) {
  return RANK[granted] >= RANK[needed];
}
function lowerOf(a, b) {
  return RANK[a] <= RANK[b] ? a : b;
}
var RW = { levels: "any", permissive: "write", restricted: "none", forkMax: "read" };
var SCOPES = {
  actions: RW,
  "artifact-metadata": { ...RW, permissive: "none" },
  attestations: RW,
  checks: RW,
  "code-quality": { ...RW, permissive: "none" },
  contents: { levels: "any", permissive: "write", restricted: "read", forkMax: "read" },
  "copilot-requests": { levels: "write-or-none", permissive: "none", restricted: "none", forkMax: "none" },
  deployments: RW,
  discussions: RW,
  drives: { ...RW, permissive: "none" },
  "id-token": { levels: "write-or-none", permissive: "none", restricted: "none", forkMax: "none" },
  issues: RW,
  models: { levels: "read-or-none", permissive: "read", restricted: "none", forkMax: "none" },
  packages: { levels: "any", permissive: "write", restricted: "read", forkMax: "read" },
  pages: RW,
  "pull-requests": RW,
  "repository-projects": RW,
  "security-events": RW,
  statuses: RW,
  "vulnerability-alerts": { levels: "read-or-none", permissive: "none", restricted: "none", forkMax: "none" }
};
var SCOPE_NAMES = Object.keys(SCOPES);
function isScope(name) {
  return Object.hasOwn(SCOPES, name);
}
function levelsOf(scope) {
  const set = SCOPES[scope].levels;
  if (set === "write-or-none") return ["write", "none"];
  if (set === "read-or-none") return ["read", "none"];
  return ["read", "write", "none"];
}
function capToScope(scope, level) {
  const allowed = levelsOf(scope);
  if (allowed.includes(level)) return level;
  return allowed.filter((l) => covers(level, l)).sort((a, b) => RANK[b] - RANK[a])[0] ?? "none";
}
function suggestScope(name) {
  const lower = name.toLowerCase().replace(/_/g, "-");
  if (isScope(lower)) return lower;
  let best;
  for (const scope of SCOPE_NAMES) {
    const limit = Math.max(1, Math.min(3, Math.floor(scope.length / 3)));
    const distance = editDistance(lower, scope, limit);
    if (distance <= limit && (!best || distance < best.distance)) {
      best = { name: scope, distance };
    }
  }
  return best?.name;
}

// src/workflows/github-token/effective.ts
var REUSABLE_URL = "https://docs.github.com/en/actions/reference/reusable-workflows-reference";
function asLevel(text) {
  return text === "read" || text === "write" || text === "none" ? text : void 0;
}
var exactly = (level) => ({ least: level, most: level });
function allAt(level) {
  return Object.fromEntries(SCOPE_NAMES.map((s) => [s, exactly(capToScope(s, level))]));
}
function grantOfBlock(value) {
  if (value.kind === "shorthand") {
    if (value.value === "read-all") return allAt("read");
    if (value.value === "write-all") return allAt("write");
    return allAt("none");
  }
  const scopes = allAt("none");
  for (const entry of value.entries) {
    const level = asLevel(entry.level);
    if (isScope(entry.scope) && level && levelsOf(entry.scope).includes(level)) scopes[entry.scope] = exactly(level);
  }
  return scopes;
}
function grantOfDefault(defaults) {
  const entries = SCOPE_NAMES.map((scope) => {
    const { permissive, restricted } = SCOPES[scope];
    if (defaults === "permissive") return [scope, exactly(permissive)];
    if (defaults === "restricted") return [scope, exactly(restricted)];
    return [
      scope,
      { least: lowerOf(permissive, restricted), most: permissive === restricted ? restricted : permissive }
    ];
  });
  return Object.fromEntries(entries);
}
function capEach(scopes, cap) {
  const out = { ...scopes };
  for (const scope of SCOPE_NAMES) {
    const c = cap(scope);
    out[scope] = { least: lowerOf(scopes[scope].least, c.least), most: lowerOf(scopes[scope].most, c.most) };
  }
  return out;
}
function isForkCapped(run) {
  if (!run || run.event === "pull_request_target") return false;
  const pullRequestEvent = run.event.startsWith("pull_request");
  return pullRequestEvent && (run.fromFork || run.dependabot === true);
}
function effectivePermissions(input) {
  const block = input.job ?? input.workflow;
  let source;
  let scopes;
  if (block) {
    source = { kind: "block", block };
    scopes = grantOfBlock(block.value);
  } else if (input.caller) {
    source = { kind: "caller", caller: input.caller.name };
    scopes = { ...input.caller.permissions.granted };
  } else {
    source = { kind: "default", defaults: input.defaults };
    scopes = grantOfDefault(input.defaults);
  }
  const caller = input.caller;
  const asked = scopes;
  const exceedsCaller = caller ? SCOPE_NAMES.filter((s) => !covers(caller.permissions.granted[s].most, asked[s].least)) : [];
  if (caller) scopes = capEach(scopes, (s) => caller.permissions.granted[s]);
  const granted = scopes;
  const forkCapped = isForkCapped(input.run);
  if (forkCapped) scopes = capEach(scopes, (s) => exactly(SCOPES[s].forkMax));
  return { scopes, granted, source, forkCapped, exceedsCaller, ...caller ? { cappedByCaller: caller.name } : {} };
}
function validatePermissions(block) {
  const at = { file: block.file, ...block.line !== void 0 ? { line: block.line } : {} };
  if (block.value.kind === "shorthand") {
    const v = block.value.value;
    if (v === "read-all" || v === "write-all") return [];
    return [
      { ...at, written: v, message: `\`permissions: ${v}\` is neither \`read-all\`, \`write-all\` nor a mapping` }
    ];
  }
  const problems = [];
  for (const entry of block.value.entries) {
    const line = entry.line ?? block.line;
    const where = { file: block.file, ...line !== void 0 ? { line } : {} };
    if (!isScope(entry.scope)) {
      const suggestion = suggestScope(entry.scope);
      problems.push({
        ...where,
        written: entry.scope,
        message: `\`${entry.scope}\` is not a permission GitHub defines`,
        ...suggestion ? { suggestion } : {}
      });
      continue;
    }
    const allowed = levelsOf(entry.scope);
    const level = asLevel(entry.level);
    if (!level || !allowed.includes(level)) {
      problems.push({
        ...where,
        written: `${entry.scope}: ${entry.level}`,
        message: `\`${entry.scope}\` takes ${allowed.map((l) => `\`${l}\``).join(" or ")}, not \`${entry.level}\``
      });
    }
  }
  return problems;
}

// src/workflows/github-token/actions-table.ts
var w = (scope) => ({ scope, level: "write" });
var r = (scope) => ({ scope, level: "read" });
var token = (...all2) => ({ need: { all: all2 }, of: "token" });
var job = (...all2) => ({ need: { all: all2 }, of: "job" });
var has = (inputs, name) => (inputs[name] ?? "").trim() !== "";
var GHCR_DOC = "https://docs.github.com/en/packages/managing-github-packages-using-github-actions-workflows/publishing-and-installing-a-package-with-github-actions#publishing-a-package-using-an-action";
var ACTION_TABLE = [
  {
    action: "actions/checkout",
    tokenInput: "token",
    defaultsToGitHubToken: true,
    needs: () => [token(r("contents"))],
    doc: "https://github.com/actions/checkout#recommended-permissions"
  },
  {
    action: "actions/deploy-pages",
    tokenInput: "token",
    defaultsToGitHubToken: true,
    needs: () => [token(w("pages")), job(w("id-token"))],
    doc: "https://github.com/actions/deploy-pages#usage"
  },
  {
    action: "actions/upload-pages-artifact",
    defaultsToGitHubToken: false,
    needs: () => [],
    doc: "https://github.com/actions/upload-pages-artifact#usage"
  },
  {
    action: "softprops/action-gh-release",
    tokenInput: "token",
    defaultsToGitHubToken: true,
    needs: (inputs) => has(inputs, "discussion_category_name") ? [token(w("contents"), w("discussions"))] : [token(w("contents"))],
    doc: "https://github.com/softprops/action-gh-release#permissions"
  },
  {
    action: "peter-evans/create-pull-request",
    tokenInput: "token",
    defaultsToGitHubToken: true,
    needs: () => [token(w("contents"), w("pull-requests"))],
    doc: "https://github.com/peter-evans/create-pull-request#token"
  },
  {
    action: "peter-evans/create-or-update-comment",
    tokenInput: "token",
    defaultsToGitHubToken: true,
    needs: () => [token(w("issues"), w("pull-requests"))],
    doc: "https://github.com/peter-evans/create-or-update-comment#action-inputs"
  },
  {
    action: "chrnorm/deployment-action",
    tokenInput: "token",
    defaultsToGitHubToken: true,
    needs: () => [token(w("deployments"))],
    doc: "https://github.com/chrnorm/deployment-action#readme"
  },
  {
    action: "chrnorm/deployment-status",
    tokenInput: "token",
    defaultsToGitHubToken: true,
    needs: () => [token(w("deployments"))],
    doc: "https://github.com/chrnorm/deployment-action#readme"
  },
  {
    action: "github/codeql-action/upload-sarif",
    tokenInput: "token",
    defaultsToGitHubToken: true,
    needs: () => [token(w("security-events"))],
    doc: "https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/uploading-a-sarif-file-to-github#uploading-a-code-scanning-analysis-with-github-actions"
  },
  {
    action: "github/codeql-action/analyze",
    tokenInput: "token",
    defaultsToGitHubToken: true,
    needs: () => [token(w("security-events"))],
    doc: "https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/uploading-a-sarif-file-to-github#uploading-a-code-scanning-analysis-with-github-actions"
  },
  {
    action: "actions/attest-build-provenance",
    tokenInput: "github-token",
    defaultsToGitHubToken: true,
    needs: () => [token(w("attestations")), job(w("id-token"))],
    doc: "https://github.com/actions/attest-build-provenance/blob/v3.2.0/README.md#usage"
  },
  {
    action: "actions/attest",
    tokenInput: "github-token",
    defaultsToGitHubToken: true,
    needs: () => [token(w("attestations")), job(w("id-token"))],
    doc: "https://docs.github.com/en/actions/security-for-github-actions/using-artifact-attestations/using-artifact-attestations-to-establish-provenance-for-builds#generating-build-provenance-for-binaries"
  },
  {
    // Logging in to ghcr.io with the job's token reads packages; pushing writes them (GHCR_DOC). The push is found
    // by `pushesImages` in ./needs.ts and raises this to `write`.
    action: "docker/login-action",
    tokenInput: "password",
    defaultsToGitHubToken: false,
    needs: (inputs) => /^ghcr\.io(\/|$)/i.test((inputs.registry ?? "").trim()) ? [token(r("packages"))] : [],
    doc: GHCR_DOC
  },
  {
    // OIDC: a role to assume and no access keys or token file means the action requests GitHub's ID token.
    action: "aws-actions/configure-aws-credentials",
    defaultsToGitHubToken: false,
    needs: (inputs) => has(inputs, "role-to-assume") && !has(inputs, "aws-access-key-id") && !has(inputs, "web-identity-token-file") ? [job(w("id-token"))] : [],
    doc: "https://github.com/aws-actions/configure-aws-credentials#oidc"
  }
];
function actionRow(uses) {
  const name = uses.split("@")[0]?.toLowerCase().replace(/\/+$/, "") ?? "";
  return ACTION_TABLE.find((row) => row.action === name);
}
var TOKEN_INPUT_NAMES = /^(github[-_]?token|token|repo[-_]?token|gh[-_]?token|password)$/i;

// src/workflows/github-token/gh-cli.ts
var REST_PERMISSIONS_URL = "https://docs.github.com/en/rest/authentication/permissions-required-for-github-apps";
var w2 = (scope) => ({ scope, level: "write" });
var r2 = (scope) => ({ scope, level: "read" });
var all = (...needs) => ({ all: needs });
var issueOrPull = { anyOf: [w2("issues"), w2("pull-requests")] };
var GH_COMMANDS = {
  "release create": all(w2("contents")),
  "release upload": all(w2("contents")),
  "release edit": all(w2("contents")),
  "release delete": all(w2("contents")),
  "release view": all(r2("contents")),
  "release list": all(r2("contents")),
  "release download": all(r2("contents")),
  "pr create": all(w2("pull-requests")),
  "pr edit": all(w2("pull-requests")),
  "pr close": all(w2("pull-requests")),
  "pr review": all(w2("pull-requests")),
  "pr merge": all(w2("contents")),
  "pr comment": issueOrPull,
  "pr view": all(r2("pull-requests")),
  "pr list": all(r2("pull-requests")),
  "issue create": all(w2("issues")),
  "issue comment": issueOrPull,
  "issue edit": all(w2("issues")),
  "issue close": all(w2("issues")),
  "issue view": all(r2("issues")),
  "issue list": all(r2("issues")),
  "workflow run": all(w2("actions")),
  "run cancel": all(w2("actions")),
  "run rerun": all(w2("actions")),
  "run view": all(r2("actions")),
  "run list": all(r2("actions")),
  "run download": all(r2("actions"))
};
var ROUTES = [
  ["POST", "releases", all(w2("contents"))],
  ["POST", "releases/:x/assets", all(w2("contents"))],
  ["PATCH", "releases/:x", all(w2("contents"))],
  ["DELETE", "releases/:x", all(w2("contents"))],
  ["GET", "releases(/.*)?", all(r2("contents"))],
  ["PUT", "contents/.+", all(w2("contents"))],
  ["DELETE", "contents/.+", all(w2("contents"))],
  ["GET", "contents(/.*)?", all(r2("contents"))],
  ["POST", "git/(refs|tags|commits|trees|blobs)", all(w2("contents"))],
  ["PATCH", "git/refs/.+", all(w2("contents"))],
  ["DELETE", "git/refs/.+", all(w2("contents"))],
  ["POST", "dispatches", all(w2("contents"))],
  ["POST", "merges", all(w2("contents"))],
  ["PUT", "pulls/:x/merge", all(w2("contents"))],
  ["POST", "pulls", all(w2("pull-requests"))],
  ["PATCH", "pulls/:x", all(w2("pull-requests"))],
  ["POST", "pulls/:x/(reviews|comments|requested_reviewers)", all(w2("pull-requests"))],
  ["GET", "pulls(/.*)?", all(r2("pull-requests"))],
  ["POST", "issues", all(w2("issues"))],
  ["PATCH", "issues/:x", all(w2("issues"))],
  ["POST", "issues/:x/(comments|labels|assignees)", issueOrPull],
  ["PATCH", "issues/comments/:x", issueOrPull],
  ["GET", "issues(/.*)?", all(r2("issues"))],
  ["POST", "deployments", all(w2("deployments"))],
  ["POST", "deployments/:x/statuses", all(w2("deployments"))],
  ["GET", "deployments(/.*)?", all(r2("deployments"))],
  ["POST", "statuses/:x", all(w2("statuses"))],
  ["POST", "check-runs", all(w2("checks"))],
  ["PATCH", "check-runs/:x", all(w2("checks"))],
  ["POST", "actions/workflows/:x/dispatches", all(w2("actions"))],
  ["POST", "actions/runs/:x/(cancel|rerun|rerun-failed-jobs)", all(w2("actions"))],
  ["DELETE", "actions/(caches|artifacts|runs)(/.*)?", all(w2("actions"))],
  ["GET", "actions(/.*)?", all(r2("actions"))],
  ["POST", "pages/builds", all(w2("pages"))],
  ["POST", "pages/deployments", all(w2("pages"))],
  ["GET", "pages(/.*)?", all(r2("pages"))],
  ["POST", "code-scanning/sarifs", all(w2("security-events"))],
  ["GET", "code-scanning(/.*)?", all(r2("security-events"))],
  ["POST", "attestations", all(w2("attestations"))]
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
function words(line) {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? "");
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
  const command = `gh ${group} ${verb}`.trim();
  const need = GH_COMMANDS[`${group} ${verb}`];
  if (need) return { kind: "known", command, need, doc: REST_PERMISSIONS_URL };
  if (group === "auth" || group === "help" || group === "--version") {
    return { kind: "known", command, need: { all: [] }, doc: REST_PERMISSIONS_URL };
  }
  return { kind: "unknown", command, reason: "a gh command not in the preflight's table" };
}
function scriptNeeds(script) {
  const out = [];
  const text = script.replace(/\\\r?\n/g, " ");
  for (const line of text.split(/\r?\n|&&|\|\||;|\|/)) {
    const ws = words(line.trim());
    const start = ws.findIndex((word) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(word));
    const tool = (ws[start] ?? "").replace(/^.*\//, "");
    if (tool !== "gh" && tool !== "git") continue;
    const args = ws.slice(start + 1);
    if (tool === "git") {
      if (args.includes("push")) {
        out.push({
          kind: "known",
          command: "git push",
          need: all(w2("contents")),
          doc: "https://github.com/actions/checkout#push-a-commit-using-the-built-in-token"
        });
      }
      continue;
    }
    out.push(ghNeed(args));
  }
  return out;
}

// src/workflows/github-token/needs.ts
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
function checkoutToken(step) {
  if (!step.uses || actionRow(step.uses)?.action !== "actions/checkout") return void 0;
  if ((step.with?.["persist-credentials"] ?? "true").trim() === "false") return void 0;
  const given = step.with?.token;
  return given === void 0 ? { kind: "github-token" } : tokenRefOf(given);
}
var actionName = (uses) => uses.split("@")[0] ?? uses;
function actionNeeds(step) {
  const row = actionRow(step.uses);
  const inputs = step.with ?? {};
  const what = actionName(step.uses);
  if (row) {
    const given = row.tokenInput ? inputs[row.tokenInput] : void 0;
    const token2 = given !== void 0 ? tokenRefOf(given) : row.defaultsToGitHubToken ? { kind: "github-token" } : void 0;
    const known = row.needs(inputs).flatMap((n) => {
      if (n.of === "job")
        return [{ step, what, token: { kind: "github-token" }, need: n.need, of: "job", doc: row.doc }];
      return token2 ? [{ step, what, token: token2, need: n.need, of: "token", doc: row.doc }] : [];
    });
    return { known, unknown: [] };
  }
  if (what.toLowerCase() === "actions/github-script") {
    const token2 = inputs["github-token"] !== void 0 ? tokenRefOf(inputs["github-token"]) : { kind: "github-token" };
    return { known: [], unknown: [{ step, what, token: token2, reason: "a script: the calls it makes decide what it needs" }] };
  }
  const unknown = Object.entries(inputs).filter(([name, value]) => TOKEN_INPUT_NAMES.test(name) || MENTIONS_GITHUB_TOKEN.test(value)).map(([name, value]) => ({
    step,
    what,
    token: tokenRefOf(value),
    reason: `an action the preflight's table does not know, given a token as \`${name}\``
  }));
  return { known: [], unknown };
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
  const mentions = MENTIONS_GITHUB_TOKEN.test(step.run.replace(/\bgh\b[^\n]*/g, ""));
  if (known.length === 0 && unknown.length === 0 && mentions) {
    unknown.push({
      step,
      what: "a script",
      token: ghToken ?? { kind: "github-token" },
      reason: "a script that uses the token itself"
    });
  }
  return { known, unknown };
}
function pushesImages(step) {
  if (step.uses && actionName(step.uses).toLowerCase() === "docker/build-push-action") {
    return (step.with?.push ?? "").trim() === "true";
  }
  return step.run !== void 0 && /\bdocker\s+(image\s+)?push\b/.test(step.run);
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

// src/checks/github-token/describe.ts
var lineOf = (line) => line !== void 0 ? ` line ${line}` : "";
function grantReason(p) {
  const s = p.source;
  let reason;
  if (s.kind === "block") {
    const where = `${s.block.file}${lineOf(s.block.line)}`;
    reason = s.block.value.kind === "shorthand" ? `the ${s.block.at}'s \`permissions: ${s.block.value.value}\` (${where})` : `the ${s.block.at}'s \`permissions:\` (${where}), where every scope it does not name is \`none\``;
  } else if (s.kind === "caller") {
    reason = `the calling job \`${s.caller}\`'s grant (a called workflow with no \`permissions:\` gets its caller's)`;
  } else if (s.defaults === "unknown") {
    reason = "the repository's default (no `permissions:` applies), which is not known: set `github.default-token-permissions`";
  } else {
    reason = `the repository's default, ${s.defaults} (\`github.default-token-permissions\`), since no \`permissions:\` applies`;
  }
  if (p.cappedByCaller) reason += `, at most what the calling job \`${p.cappedByCaller}\` grants`;
  if (p.forkCapped) reason += ", lowered to read: the run is a pull request from a fork";
  return reason;
}
function describeStep(step, file) {
  if (!step || step.index < 0) return "the configuration (`github.job-token-needs`)";
  const label = step.name ?? step.uses ?? "run";
  return `step ${step.index + 1} \`${label}\` (${file}${lineOf(step.line)})`;
}
var describeScope = (n) => `${n.scope}: ${n.level}`;
function describeNeed(need) {
  return "all" in need ? need.all.map(describeScope).join(", ") : need.anyOf.map(describeScope).join(" or ");
}
function blockLevels(block) {
  const out = /* @__PURE__ */ new Map();
  if (block?.value.kind !== "mapping") return out;
  for (const e of block.value.entries) {
    if (SCOPE_NAMES.includes(e.scope) && (e.level === "read" || e.level === "write")) {
      out.set(e.scope, e.level);
    }
  }
  return out;
}
function jobPermissionsYaml(job2, needs) {
  const levels = blockLevels(job2.permissions);
  for (const n of needs) {
    const held = levels.get(n.scope) ?? "none";
    if (!covers(held, n.level)) levels.set(n.scope, n.level);
  }
  const entries = SCOPE_NAMES.filter((s) => levels.has(s)).map((s) => `${s}: ${levels.get(s)}`);
  return `permissions: { ${entries.join(", ")} }`;
}

// src/checks/github-token/job.ts
function judge(need, p) {
  const list = "all" in need ? need.all : need.anyOf;
  const least = list.filter((n) => covers(p.scopes[n.scope].least, n.level));
  const most = list.filter((n) => covers(p.scopes[n.scope].most, n.level));
  if ("all" in need) {
    const short = list.filter((n) => !least.includes(n));
    if (short.length === 0) return { verdict: "granted", short };
    return { verdict: short.every((n) => most.includes(n)) ? "unknown" : "missing", short };
  }
  if (least.length > 0) return { verdict: "granted", short: [] };
  return { verdict: most.length > 0 ? "unknown" : "missing", short: list.slice(0, 1) };
}
var subjectOf = (c) => `job \`${c.job.id}\` (${c.file}${c.via ? `, called by \`${c.via}\`` : ""}${c.forkCase ? ", on a pull request from a fork" : ""})`;
var idOf = (c) => `github-token:${c.file}:${c.via ? `${c.via}>` : ""}${c.job.id}${c.forkCase ? ":fork" : ""}`;
function allNeeds(c) {
  const needs = c.known.flatMap((k) => "all" in k.need ? k.need.all : k.need.anyOf.slice(0, 1));
  return [...needs, ...c.declared];
}
function shortByScope(c) {
  const byScope = /* @__PURE__ */ new Map();
  for (const k of c.known) {
    const { verdict, short } = judge(k.need, c.permissions);
    for (const n of verdict === "granted" ? [] : short) {
      const entry = byScope.get(n.scope) ?? { verdict, needs: [], asked: n };
      if (verdict === "missing") entry.verdict = "missing";
      if (covers(n.level, entry.asked.level)) entry.asked = n;
      entry.needs.push(k);
      byScope.set(n.scope, entry);
    }
  }
  return byScope;
}
function fixFor(c) {
  if (c.permissions.forkCapped) {
    return "A fork's pull request gets a read-only token whatever the workflow asks: run the job only for pushes or same-repository pull requests (e.g. `if: github.event.pull_request.head.repo.fork != true`).";
  }
  const yaml = jobPermissionsYaml(c.job, allNeeds(c));
  return `Grant it at the job: add \`${yaml}\` under \`jobs.${c.job.id}\` in ${c.file} (a job's block replaces the workflow's, so it lists everything the job needs).`;
}
function scopeFinding(c, scope, { verdict, needs, asked }) {
  const steps = needs.map((k) => `${describeStep(k.step, c.file)} (\`${k.what}\`, needs ${describeNeed(k.need)})`);
  const grant = c.permissions.scopes[scope];
  const granted = grant.least === grant.most ? grant.least : `${grant.least} or ${grant.most}`;
  const first = needs[0]?.step;
  const fix = fixFor(c);
  const base = {
    id: `${idOf(c)}:${scope}`,
    subject: subjectOf(c),
    evidence: { job: c.job.id, scope, needed: asked.level, granted, steps: needs.map((k) => k.what) },
    fix,
    docUrl: needs[0]?.doc ?? TOKEN_PERMISSIONS_URL,
    ...first?.line !== void 0 ? { location: { file: c.file, line: first.line } } : {}
  };
  const message = `${steps.join("; ")}: the job's token has \`${scope}: ${granted}\`, from ${grantReason(c.permissions)}.`;
  if (verdict === "missing") {
    return finding("github-token-scope-missing", {
      ...base,
      message: `Would be refused (403): ${message}`,
      wouldReturn: 403
    });
  }
  return finding("github-token-permission-unknown", {
    ...base,
    status: "unverified",
    message: `Cannot tell: ${message}`,
    fix: `Set \`github.default-token-permissions\` (read or write, as the repository's Actions settings say), or ${fix[0]?.toLowerCase()}${fix.slice(1)}`,
    docUrl: TOKEN_PERMISSIONS_URL
  });
}
function jobFindings(c) {
  const out = [...callerFindings(c)];
  for (const [scope, short] of shortByScope(c)) out.push(scopeFinding(c, scope, short));
  out.push(...unknownFindings(c));
  if (out.length === 0 && (c.known.length > 0 || c.declared.length > 0)) {
    out.push(
      finding("ok", {
        id: `${idOf(c)}:ok`,
        subject: subjectOf(c),
        decisionPoint: "github-token",
        message: `Every step's need of the job's token is granted, by ${grantReason(c.permissions)}.`,
        evidence: { job: c.job.id, needs: allNeeds(c).map(describeScope) },
        docUrl: TOKEN_PERMISSIONS_URL
      })
    );
  }
  return out;
}
function unknownFindings(c) {
  if (c.declared.length > 0) return [];
  const unread = c.job.stepsUnread;
  const jobUnread = unread ? [
    finding("github-token-needs-unknown", {
      id: `${idOf(c)}:unread`,
      subject: subjectOf(c),
      status: "unverified",
      message: `The steps of job \`${c.job.id}\` were not read (${unread}): what they need of its token is not verified.`,
      evidence: { job: c.job.id },
      fix: `Declare what the job's steps need under \`github.job-token-needs.${c.job.id}\` in the preflight's config.`,
      ...c.job.line !== void 0 ? { location: { file: c.file, line: c.job.line } } : {}
    })
  ] : [];
  return [
    ...jobUnread,
    ...c.unknown.map(
      (u) => finding("github-token-needs-unknown", {
        id: `${idOf(c)}:unknown:${u.step.index + 1}`,
        subject: subjectOf(c),
        status: "unverified",
        message: `${describeStep(u.step, c.file)} uses the job's token through \`${u.what}\`, ${u.reason}: what it needs is not verified.`,
        evidence: { job: c.job.id, step: u.step.index + 1, what: u.what },
        fix: `Declare what the job's steps need under \`github.job-token-needs.${c.job.id}\` in the preflight's config (e.g. \`contents: write\`).`,
        ...u.step.line !== void 0 ? { location: { file: c.file, line: u.step.line } } : {}
      })
    )
  ];
}
function callerFindings(c) {
  const p = c.permissions;
  if (!p.cappedByCaller || p.exceedsCaller.length === 0) return [];
  const block = p.source.kind === "block" ? p.source.block : void 0;
  const asked = p.exceedsCaller.map((s) => `${s}: ${SCOPES[s].levels === "read-or-none" ? "read" : "write"}`);
  return [
    finding("github-token-caller-grant-exceeded", {
      id: `${idOf(c)}:caller`,
      subject: subjectOf(c),
      message: `The job's \`permissions:\` ask for more than the calling job \`${p.cappedByCaller}\` grants (${p.exceedsCaller.join(", ")}): GitHub refuses to start the run.`,
      evidence: { job: c.job.id, caller: p.cappedByCaller, scopes: [...p.exceedsCaller] },
      fix: `Grant them in the calling job \`${p.cappedByCaller}\` (e.g. \`permissions: { ${asked.join(", ")} }\`), or lower the called job's \`permissions:\`.`,
      docUrl: REUSABLE_URL,
      ...block?.line !== void 0 ? { location: { file: block.file, line: block.line } } : {}
    })
  ];
}

// src/workflows/github-token/pat.ts
function oauthScopesFor(need, privateRepo) {
  const repo = privateRepo ? ["repo"] : ["repo", "public_repo"];
  switch (need.scope) {
    case "packages":
      return need.level === "write" ? ["write:packages"] : ["read:packages", "write:packages"];
    case "security-events":
      return ["security_events", ...repo];
    case "deployments":
      return ["repo_deployment", ...repo];
    case "statuses":
      return ["repo:status", ...repo];
    case "id-token":
      return [];
    default:
      return !privateRepo && need.level === "read" ? [] : repo;
  }
}
function missingOauthScopes(needs, scopes, privateRepo) {
  const held = new Set(scopes.map((s) => s.trim().toLowerCase()));
  return needs.map((need) => ({ need, anyOf: oauthScopesFor(need, privateRepo) })).filter(({ anyOf }) => anyOf.length > 0 && !anyOf.some((s) => held.has(s)));
}

// src/checks/github-token/pat.ts
var DEFAULT_TIMEOUT_MINUTES = 360;
var TOKENS_DOC = "https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api";
function needsOf(use) {
  return use.uses.flatMap((k) => "all" in k.need ? k.need.all : k.need.anyOf.slice(0, 1));
}
function secretFindings(use, inspection, now) {
  const job2 = { job: { id: use.jobId }, file: use.file, ...use.via ? { via: use.via } : {} };
  const subject = `secret \`${use.secret}\` in ${subjectOf(job2)}`;
  const id = `${idOf(job2)}:secret:${use.secret}`;
  const steps = use.uses.map((k) => describeStep(k.step, use.file)).join("; ");
  const first = use.uses[0]?.step;
  const at = first?.line !== void 0 ? { location: { file: use.file, line: first.line } } : {};
  const base = {
    id,
    subject,
    ...at,
    evidence: { secret: use.secret, job: use.jobId, needs: needsOf(use).map(describeScope) }
  };
  if (!inspection || inspection.kind === "not-given") {
    return [
      finding("pat-unverified", {
        ...base,
        status: "unverified",
        message: `${steps} use the token in secret \`${use.secret}\`, which the preflight was not given: its access is not verified.`,
        fix: `Pass the same secret to the preflight (\`env: { ${use.secret}: \${{ secrets.${use.secret} }} }\`) and name it in the \`github-tokens\` input.`
      })
    ];
  }
  if (inspection.kind === "unverified") {
    return [
      finding("pat-unverified", {
        ...base,
        status: "unverified",
        message: `The token in secret \`${use.secret}\` could not be verified: ${inspection.reason}.`,
        fix: "Run the preflight again; if GitHub keeps refusing to answer, check the API URL and the runner's network."
      })
    ];
  }
  return answeredFindings(use, inspection, now, base, steps);
}
function answeredFindings(use, t, now, base, steps) {
  if (t.status === 401) {
    return [
      finding("pat-expired", {
        ...base,
        message: `GitHub refuses the token in secret \`${use.secret}\` (401 Bad credentials): it has expired or been revoked. ${steps} would fail.`,
        fix: `Create a new token and store it in the secret \`${use.secret}\`.`,
        wouldReturn: 401,
        docUrl: TOKENS_DOC
      })
    ];
  }
  const ends = now + (use.timeoutMinutes ?? DEFAULT_TIMEOUT_MINUTES) * 60;
  const out = [];
  if (t.expiresAt !== void 0 && t.expiresAt <= ends) {
    const when = new Date(t.expiresAt * 1e3).toISOString();
    out.push(
      finding("pat-expired", {
        ...base,
        evidence: { ...base.evidence, expiresAt: when },
        message: `The token in secret \`${use.secret}\` ${t.expiresAt <= now ? "expired" : "expires"} at ${when} (GitHub-Authentication-Token-Expiration), before job \`${use.jobId}\` can end (timeout ${use.timeoutMinutes ?? DEFAULT_TIMEOUT_MINUTES} minutes).`,
        fix: `Regenerate the token with a later expiration and store it in the secret \`${use.secret}\`.`,
        wouldReturn: 401
      })
    );
  }
  if (t.status === 404 || t.status === 403) {
    const accepted = t.acceptedPermissions ? ` GitHub says the call takes \`${t.acceptedPermissions}\` (X-Accepted-GitHub-Permissions).` : "";
    out.push(
      finding("pat-no-repository-access", {
        ...base,
        message: `The token in secret \`${use.secret}\` cannot read the repository (HTTP ${t.status}${t.message ? `: ${t.message}` : ""}).${accepted} ${steps} would be refused.`,
        fix: "Give the token access to this repository (a fine-grained token's or app installation's repository access, or a classic token's `repo` scope).",
        wouldReturn: 403
      })
    );
    return out;
  }
  return [...out, ...scopeFindings(use, t, base, steps)];
}
function scopeFindings(use, t, base, steps) {
  const needs = needsOf(use);
  if (t.tokenKind === "classic" || t.tokenKind === "oauth") {
    const missing = missingOauthScopes(needs, t.oauthScopes ?? [], t.privateRepo ?? true);
    if (missing.length === 0) {
      return [
        finding("ok", {
          ...base,
          decisionPoint: "github-token",
          message: `The token in secret \`${use.secret}\` has the OAuth scopes ${steps} need (X-OAuth-Scopes: ${(t.oauthScopes ?? []).join(", ") || "none"}).`
        })
      ];
    }
    return missing.map(
      (m) => finding("pat-scope-missing", {
        ...base,
        id: `${base.id}:${m.need.scope}`,
        evidence: { ...base.evidence, scopes: [...t.oauthScopes ?? []], missing: describeScope(m.need) },
        message: `${steps} need \`${describeScope(m.need)}\`, which a classic token gets from the \`${m.anyOf.join("` or `")}\` scope; the token in secret \`${use.secret}\` has ${t.oauthScopes?.length ? `\`${t.oauthScopes.join(", ")}\`` : "no scope"} (X-OAuth-Scopes).`,
        fix: `Add the \`${m.anyOf[0]}\` scope to the token (or use a fine-grained token with \`${describeScope(m.need)}\` on this repository).`,
        wouldReturn: 403
      })
    );
  }
  const writes = needs.filter((n) => n.level === "write");
  if (writes.length === 0) {
    return [
      finding("ok", {
        ...base,
        decisionPoint: "github-token",
        message: `The token in secret \`${use.secret}\` can read the repository, which is all ${steps} need.`
      })
    ];
  }
  return [
    finding("pat-unverified", {
      ...base,
      status: "unverified",
      message: `The token in secret \`${use.secret}\` (${t.tokenKind}) reads the repository, but its ${writes.map(describeScope).join(", ")} cannot be verified without a write, which the preflight never makes.`,
      fix: `Check the token's repository permissions include ${writes.map(describeScope).join(", ")} (Settings \u2192 Developer settings \u2192 fine-grained tokens, or the app's permissions).`
    })
  ];
}

// src/checks/github-token.ts
function invalidFindings(block, where) {
  if (!block) return [];
  return validatePermissions(block).map(
    (p, i) => finding("github-token-invalid-scope", {
      id: `github-token:${block.file}:${where}:invalid:${i + 1}`,
      subject: `\`permissions:\` of ${where} (${block.file})`,
      message: `${p.message}: GitHub refuses the workflow before any job runs.`,
      evidence: { written: p.written, ...p.suggestion ? { suggestion: p.suggestion } : {} },
      fix: p.suggestion ? `Did you mean \`${p.suggestion}\`?` : "Use a scope and level from the workflow syntax reference.",
      docUrl: PERMISSIONS_SYNTAX_URL,
      ...p.line !== void 0 ? { location: { file: p.file, line: p.line } } : {}
    })
  );
}
function secretUses(job2, file, needs, via) {
  const by = /* @__PURE__ */ new Map();
  for (const k of needs.known) {
    if (k.token.kind !== "secret" || k.of === "job") continue;
    by.set(k.token.name, [...by.get(k.token.name) ?? [], k]);
  }
  return [...by].map(([secret, uses]) => ({
    secret,
    jobId: job2.id,
    file,
    ...via ? { via } : {},
    ...job2.timeoutMinutes !== void 0 ? { timeoutMinutes: job2.timeoutMinutes } : {},
    uses
  }));
}
function runtimeTokenFindings(c, needs) {
  const by = /* @__PURE__ */ new Map();
  for (const k of needs.known) {
    if (k.token.kind !== "other" || k.of === "job") continue;
    by.set(k.token.expression, [...by.get(k.token.expression) ?? [], k]);
  }
  return [...by].map(
    ([expression, uses], i) => finding("pat-unverified", {
      id: `${idOf(c)}:runtime-token:${i + 1}`,
      subject: subjectOf(c),
      status: "unverified",
      message: `${uses.map((k) => `${describeStep(k.step, c.file)} (\`${k.what}\`, needs ${describeNeed(k.need)})`).join("; ")} use a token made during the run or written in the workflow (\`${expression}\`): it cannot be checked before the run.`,
      evidence: { job: c.job.id, token: expression, needs: uses.flatMap((k) => describeNeed(k.need)) },
      fix: "Check that the token's app or owner grants what these steps need on this repository, or give the steps the job's token or a secret the preflight is given (`github-tokens`).",
      ...uses[0]?.step.line !== void 0 ? { location: { file: c.file, line: uses[0].step.line } } : {}
    })
  );
}
function jobCase(facts, workflow, job2, caller, steps, run) {
  const permissions = effectivePermissions({
    ...workflow.permissions ? { workflow: workflow.permissions } : {},
    ...job2.permissions ? { job: job2.permissions } : {},
    defaults: facts.settings.defaultPermissions,
    ...run ? { run } : {},
    ...caller ? { caller } : {}
  });
  const needs = jobNeeds(steps);
  const declared = facts.settings.jobNeeds[job2.id] ?? [];
  const declaredNeeds = declared.map((n) => ({
    step: { index: -1 },
    what: "github.job-token-needs",
    token: { kind: "github-token" },
    need: { all: [n] },
    of: "token",
    doc: PERMISSIONS_SYNTAX_URL
  }));
  const context = {
    job: job2,
    file: workflow.file,
    permissions,
    known: [...needs.known.filter((k) => k.token.kind === "github-token" || k.of === "job"), ...declaredNeeds],
    unknown: needs.unknown.filter((u) => u.token.kind === "github-token"),
    declared,
    ...caller ? { via: caller.name } : {}
  };
  return { permissions, needs, context };
}
function forkFindings(facts, workflow, job2, caller, main) {
  if (facts.run || !job2.forkSteps) return [];
  const fork = jobCase(facts, workflow, job2, caller, job2.forkSteps, { event: "pull_request", fromFork: true });
  const missing = new Set(main.filter((f) => f.class === "github-token-scope-missing").map((f) => f.evidence.scope));
  return jobFindings({ ...fork.context, forkCase: true }).filter(
    (f) => f.class === "github-token-scope-missing" && !missing.has(f.evidence.scope)
  );
}
function checkJob(facts, workflow, job2, caller) {
  const { permissions, needs, context } = jobCase(facts, workflow, job2, caller, job2.steps, facts.run);
  const main = jobFindings(context);
  const out = [
    ...invalidFindings(job2.permissions, `job \`${job2.id}\``),
    ...main,
    ...forkFindings(facts, workflow, job2, caller, main)
  ];
  for (const use of secretUses(job2, workflow.file, needs, caller?.name)) {
    const inspection = facts.inspections.find((i) => i.secret === use.secret);
    out.push(...secretFindings(use, inspection, facts.now));
  }
  out.push(...runtimeTokenFindings(context, needs));
  if (job2.calls) {
    out.push(...invalidFindings(job2.calls.permissions, `the workflow ${job2.calls.file}`));
    for (const called of job2.calls.jobs) {
      out.push(...checkJob(facts, job2.calls, called, { name: job2.id, permissions }));
    }
  }
  return out;
}
var githubTokenCheck = {
  id: "github-token",
  title: "Each job's GITHUB_TOKEN (and the tokens its steps take from secrets) grants what its steps need.",
  decisionPoints: ["github-token"],
  section: "github",
  scope: "workflow",
  run: (facts) => facts.workflows.flatMap((workflow) => [
    ...invalidFindings(workflow.permissions, `the workflow ${workflow.file}`),
    ...workflow.jobs.flatMap((job2) => checkJob(facts, workflow, job2))
  ])
};
export {
  githubTokenCheck
};
