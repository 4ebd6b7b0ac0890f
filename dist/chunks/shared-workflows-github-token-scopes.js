import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  editDistance
} from "./shared-text-edit-distance.js";

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
function scopeMeantBy(parserMessage) {
  const name = /Unexpected value '([^']{1,64})'/.exec(parserMessage)?.[1];
  if (name === void 0 || isScope(name)) return void 0;
  const meant = suggestScope(name);
  return meant !== void 0 && isScope(meant) ? meant : void 0;
}

export {
  PERMISSIONS_SYNTAX_URL,
  TOKEN_PERMISSIONS_URL,
  covers,
  lowerOf,
  SCOPES,
  SCOPE_NAMES,
  isScope,
  levelsOf,
  capToScope,
  suggestScope,
  scopeMeantBy
};
