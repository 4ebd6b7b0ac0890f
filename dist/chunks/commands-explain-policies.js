import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  LAYERS_TO_CHECK,
  declaredRefusedBy
} from "./shared-diagnose-permission-line.js";
import {
  runPreflight
} from "./shared-pipeline-run.js";
import "./shared-sources-jwks.js";
import "./shared-pipeline-environment.js";
import "./shared-checks.js";
import "./shared-sources-token-input.js";
import "./shared-checks-token-id-token.js";
import "./shared-jose-webapi-buffer_utils.js";
import "./shared-model-finding-classes.js";
import "./shared-text-inert.js";
import "./shared-text-secret-shapes.js";
import {
  loadPreflightConfig
} from "./shared-sources-config-file.js";
import "./shared-config-model.js";
import "./shared-package.js";
import "./shared-text-decode-bytes.js";
import "./shared-tokens-github.js";
import "./shared-iam-glob.js";
import "./shared-config-file-merge.js";
import {
  REGION_NAME
} from "./shared-config-aws.js";
import "./shared-sources-files.js";
import "./shared-sources-http.js";
import "./shared-config-credential-variables.js";
import "./shared-model-variables.js";
import "./shared-config-permissions.js";
import "./shared-tokens-duration.js";
import "./shared-model-aws.js";
import "./shared-text-secrets.js";
import "./shared-text-json-depth.js";
import "./shared-runtime-efb0f0b2.js";

// src/commands/explain-policies.ts
var PERMISSION_POINTS = new Set(LAYERS_TO_CHECK);
function regionOf(resource) {
  const region = resource.split(":")[3];
  return region && REGION_NAME.test(region) ? region : void 0;
}
async function decision(permission, role, dir, io) {
  const text = (t) => ({ text: t, refused: false });
  const region = regionOf(permission.split(" ")[1] ?? "*");
  const inputs = {
    "role-to-assume": role,
    permissions: permission,
    "policy-files": dir,
    "github-oidc": "false",
    ...region ? { "aws-region": region } : {},
    mode: "report"
  };
  const read = await loadPreflightConfig({ getInput: (name) => inputs[name] ?? "", env: {}, cwd: io.cwd });
  if (!read.ok) return text(`not checked: ${read.errors.map((e) => e.message).join("; ")}`);
  const findings = await runPreflight(read.config, {
    env: {},
    mask: () => {
    },
    log: () => {
    },
    group: (_name, fn) => fn(),
    cwd: io.cwd,
    now: () => Math.floor(Date.now() / 1e3)
  });
  const relevant = findings.filter((f) => PERMISSION_POINTS.has(f.decisionPoint) && f.status !== "pass");
  const problems = findings.filter(fileProblem);
  const problemsText = problems.length > 0 ? ` File problems (unverified): ${problems.map(describe).join(" ")}` : "";
  if (relevant.length > 0)
    return {
      text: `${relevant.map(describe).join(" ")}${problemsText}`,
      refused: relevant.some((f) => f.status === "fail")
    };
  const allowed = findings.some((f) => PERMISSION_POINTS.has(f.decisionPoint) && f.status === "pass");
  if (!allowed) return text(`not decided: the policy files in ${dir} do not give the role's policies.${problemsText}`);
  return text(
    problems.length > 0 ? `the policy files read in ${dir} allow it, but not every file was read, and one not read may hold the statement that refused it.${problemsText}` : `the policy files in ${dir} allow it: the layer that refused it is not in them (or has changed since they were exported)`
  );
}
function fileProblem(f) {
  if (f.status === "pass") return false;
  return f.decisionPoint === "config" || f.id.endsWith(":role-unknown");
}
function describe(f) {
  const where = f.location ? ` (${f.location.file}${f.location.line ? `:${f.location.line}` : ""})` : "";
  return `${f.class} at ${f.decisionPoint}${where}: ${f.message}`;
}
var MAX_DECIDED = 20;
function askable(f) {
  const { permission, role } = f.evidence;
  if (typeof permission !== "string" || typeof role !== "string") return void 0;
  return /^arn:aws[a-z-]*:iam::\d{12}:role\//.test(role) ? { permission, role } : void 0;
}
function notAskable(f) {
  const { permission, principal } = f.evidence;
  if (typeof permission !== "string") return void 0;
  if (typeof principal !== "string")
    return "not decided: the log does not name the role that was refused, so no policy file can be matched to it.";
  return /:(?:assumed-role|role)\//.test(principal) ? `not decided: the role's account is not known from the log (${principal} does not give it as 12 digits; a runner shows a masked one as \`***\`), so no policy file can be matched to the role.` : `not decided: the refused principal ${principal} is not a role; the policy files are checked for a role's policies only.`;
}
async function decideWithPolicies(findings, dir, io) {
  const decided = /* @__PURE__ */ new Map();
  const out = [];
  for (const f of findings) {
    const ask = askable(f);
    if (!ask) {
      const why = notAskable(f);
      out.push(why === void 0 ? f : { ...f, evidence: { ...f.evidence, deciding: why } });
      continue;
    }
    const key = `${ask.role} ${ask.permission}`;
    let deciding = decided.get(key);
    if (deciding === void 0) {
      deciding = decided.size < MAX_DECIDED ? await decision(ask.permission, ask.role, dir, io) : {
        text: `not checked: only the first ${MAX_DECIDED} permission lines are checked against the policy files`,
        refused: false
      };
      decided.set(key, deciding);
    }
    const withDeciding = { ...f, evidence: { ...f.evidence, deciding: deciding.text } };
    out.push(deciding.refused ? declaredRefusedBy(withDeciding, dir) : withDeciding);
  }
  return out;
}
export {
  MAX_DECIDED,
  decideWithPolicies
};
