import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  withDeclaredLine
} from "./shared-diagnose-permission-line.js";
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
import {
  matchGlob
} from "./shared-iam-glob.js";
import "./shared-config-file-merge.js";
import "./shared-config-aws.js";
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

// src/pipeline/explain-declared.ts
async function markDeclared(findings, options) {
  if (!findings.some((f) => typeof f.evidence.permission === "string")) return { ok: true, findings: [...findings] };
  const given = options.given ?? "";
  const loaded = await loadPreflightConfig({
    getInput: (name) => name === "config" ? given : "",
    env: options.env,
    cwd: options.cwd
  });
  if (!loaded.ok) return given !== "" ? loaded : { ok: true, findings: [...findings] };
  const roles = loaded.config.roles.map((r) => ({
    roleArn: r.settings.roleArn,
    lines: [...r.permissions, ...Object.values(r.environments ?? {}).flat()]
  }));
  return {
    ok: true,
    findings: findings.map((f) => {
      const declared = declaredFor(f, roles);
      return declared ? withDeclaredLine(f, declared) : f;
    })
  };
}
function declaredFor(f, roles) {
  const { action, resource, role } = f.evidence;
  if (typeof action !== "string" || typeof resource !== "string") return void 0;
  for (const r of roles) {
    if (typeof role === "string" && r.roleArn !== role) continue;
    const line = r.lines.find(
      (p) => matchGlob(p.action.toLowerCase(), action.toLowerCase()) && matchGlob(p.resource, resource)
    );
    if (line) return { line: `${line.action} ${line.resource}`, origin: line.origin, role: r.roleArn };
  }
  return void 0;
}
export {
  markDeclared
};
