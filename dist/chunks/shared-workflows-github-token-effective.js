import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  SCOPES,
  SCOPE_NAMES,
  capToScope,
  covers,
  isScope,
  levelsOf,
  lowerOf,
  suggestScope
} from "./shared-workflows-github-token-scopes.js";

// src/workflows/github-token/effective.ts
var REUSABLE_URL = "https://docs.github.com/en/actions/reference/reusable-workflows-reference";
var DEPENDABOT_READ_ONLY_EVENTS = /* @__PURE__ */ new Set([
  "pull_request",
  "pull_request_review",
  "pull_request_review_comment",
  "push",
  "create",
  "deployment",
  "deployment_status"
]);
function runContextOf(facts, actor) {
  if (!facts.eventName) return void 0;
  return {
    event: facts.eventName,
    fromFork: facts.isForkPullRequest === true,
    ...actor === "dependabot[bot]" ? { dependabot: true } : {}
  };
}
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
  return run.event.startsWith("pull_request") && run.fromFork;
}
function dependabotReadOnly(run) {
  return run?.dependabot === true && DEPENDABOT_READ_ONLY_EVENTS.has(run.event);
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
  const dependabotDefault = source.kind === "default" && dependabotReadOnly(input.run);
  if (dependabotDefault) scopes = capEach(scopes, (s) => exactly(SCOPES[s].forkMax));
  const caller = input.caller;
  const asked = scopes;
  const exceedsCaller = caller ? SCOPE_NAMES.filter((s) => !covers(caller.permissions.granted[s].most, asked[s].least)) : [];
  if (caller) scopes = capEach(scopes, (s) => caller.permissions.granted[s]);
  const granted = scopes;
  const forkCapped = isForkCapped(input.run);
  if (forkCapped) scopes = capEach(scopes, (s) => exactly(SCOPES[s].forkMax));
  return {
    scopes,
    granted,
    source,
    forkCapped,
    exceedsCaller,
    ...caller ? { cappedByCaller: caller.name, asked } : {},
    ...dependabotDefault ? { dependabotDefault } : {}
  };
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

// src/workflows/where.ts
function stepWhere(at, via = []) {
  const line = at.line === void 0 ? "" : ` line ${at.line}`;
  const chain = [...via].reverse().map((v) => `, in \`${v.uses}\` used at ${v.position.file} line ${v.position.line}`);
  return `${at.file}${line}${chain.join("")}`;
}

export {
  REUSABLE_URL,
  runContextOf,
  grantOfBlock,
  effectivePermissions,
  validatePermissions,
  stepWhere
};
