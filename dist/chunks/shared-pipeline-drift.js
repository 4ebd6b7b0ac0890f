import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  attachDrift,
  buildRecord,
  classifyDrift,
  notCompared,
  parseBaseline
} from "./shared-drift-record.js";
import {
  isPullRequestEvent
} from "./shared-sources-baseline-artifact.js";
import {
  buildReport
} from "./shared-report-model.js";
import {
  finding
} from "./shared-model-finding-classes.js";

// src/pipeline/drift.ts
function createObserver() {
  let claims;
  const roles = [];
  return {
    observe: (o) => {
      if ("claims" in o) claims = o.claims;
      else roles.push(o.role);
    },
    seen: () => ({ ...claims ? { claims } : {}, roles })
  };
}
function runBranch(env) {
  if (isPullRequestEvent(env.GITHUB_EVENT_NAME)) return env.GITHUB_HEAD_REF || void 0;
  if (env.GITHUB_REF_NAME) return env.GITHUB_REF_NAME;
  return env.GITHUB_REF?.replace(/^refs\/(heads|tags)\//, "") || void 0;
}
function baselineScope(env, seen, config) {
  const environment = typeof seen.claims?.environment === "string" ? seen.claims.environment : config.environment;
  const workflow = env.GITHUB_WORKFLOW_REF?.replace(/@.*$/, "").split("/").pop() || env.GITHUB_WORKFLOW;
  const branch = runBranch(env);
  return {
    ...env.GITHUB_REPOSITORY ? { repository: env.GITHUB_REPOSITORY } : {},
    ...workflow ? { workflow } : {},
    ...env.GITHUB_JOB ? { job: env.GITHUB_JOB } : {},
    ...environment ? { environment } : {},
    ...env.GITHUB_RUN_ID ? { runId: env.GITHUB_RUN_ID } : {},
    ...env.GITHUB_EVENT_NAME ? { event: env.GITHUB_EVENT_NAME } : {},
    ...branch ? { branch } : {}
  };
}
function notThisRunsRecord(recorded, now) {
  if (recorded.result !== "pass") return `it was made by a run whose result is ${recorded.result}, not pass`;
  const scope = recorded.scope;
  const keys = ["repository", "workflow", "job", "environment", "branch"];
  const differ = keys.filter((k) => scope[k] !== void 0 && now[k] !== void 0 && scope[k] !== now[k]);
  if (differ.length > 0) {
    return `it was made for ${differ.map((k) => `${k} ${scope[k]} (this run: ${now[k]})`).join(", ")}`;
  }
  if (isPullRequestEvent(scope.event) && !isPullRequestEvent(now.event)) {
    return `it was made by a ${scope.event} run, and this run is ${now.event ? `a ${now.event} run` : "not a pull request's"}`;
  }
  return void 0;
}
function unavailable(setting, what, reason) {
  const where = setting.kind === "file" ? `the baseline file ${setting.path}` : "the baseline artifact";
  return finding("baseline-unavailable", {
    id: `baseline:${what === "read" ? "unreadable" : "unwritable"}`,
    subject: where,
    decisionPoint: setting.kind === "file" ? "config" : "runner",
    status: "unverified",
    cause: null,
    message: `${where} could not be ${what}: ${reason}. ${what === "read" ? "This run's failures are not compared with the last passing run." : "The next run has no record of this one to compare with."}`,
    evidence: { baseline: setting.kind === "file" ? setting.path : "artifact", problem: reason },
    fix: setting.kind === "file" ? `Correct or remove ${setting.path} (a passing run writes a new one), or set baseline: off.` : "Give the job `permissions: actions: read` (and the default artifact service), or set baseline: off."
  });
}
async function readStored(setting, host, scope) {
  if (setting.kind === "file") {
    const { readBaselineFile } = await import("./sources-baseline-file.js");
    return readBaselineFile(setting.path, { root: host.cwd, allowOutside: host.allowOutsideWorkspace === true });
  }
  const { readBaselineArtifact } = await import("./sources-baseline-artifact.js");
  return readBaselineArtifact(scope, { env: host.env, ...host.token ? { token: host.token } : {} });
}
async function writeStored(setting, text, host, scope) {
  if (setting.kind === "file") {
    const { writeBaselineFile } = await import("./sources-baseline-file.js");
    const written = await writeBaselineFile(setting.path, text, {
      root: host.cwd,
      allowOutside: host.allowOutsideWorkspace === true
    });
    return written.ok ? { ok: true, where: setting.path } : written;
  }
  const { writeBaselineArtifact } = await import("./sources-baseline-artifact.js");
  return writeBaselineArtifact(scope, text, { env: host.env });
}
async function applyBaseline(config, report, seen, host) {
  const setting = config.baseline;
  if (!setting) return report;
  const scope = baselineScope(host.env, seen, config);
  const extra = [];
  let findings = report.findings;
  const stored = await readStored(setting, host, scope);
  for (const why of stored.skipped ?? []) host.log(`baseline: not taken: ${why}`);
  let baseline;
  if (!stored.ok) extra.push(unavailable(setting, "read", stored.reason));
  else if (stored.text === void 0) host.log(`baseline: none yet at ${stored.where}`);
  else {
    const parsed = parseBaseline(stored.text);
    if (!parsed.ok) extra.push(unavailable(setting, "read", `${stored.where}: ${parsed.reason}`));
    else baseline = parsed.record;
  }
  const refused = baseline ? notThisRunsRecord(baseline, scope) : void 0;
  if (baseline && refused) host.log(`baseline: ${stored.where} is not used: ${refused}`);
  if (baseline && report.result === "fail") {
    if (refused) {
      findings = attachDrift(
        report.findings,
        notCompared(report.findings, `${stored.where} was not used: ${refused}`),
        ""
      );
    } else {
      host.log(`baseline: comparing with the last passing run, ${baseline.recordedAt} (${stored.where})`);
      const current = buildRecord({ report, seen, scope, copies: "all" });
      findings = attachDrift(report.findings, classifyDrift(report.findings, current, baseline), baseline.recordedAt);
    }
  }
  if (report.result === "pass") {
    const record = buildRecord({ report, seen, scope });
    const written = await writeStored(setting, host.redact(`${JSON.stringify(record, null, 2)}
`), host, scope);
    if (written.ok) host.log(`baseline: this passing run recorded to ${written.where}`);
    else extra.push(unavailable(setting, "written", written.reason));
  }
  if (extra.length === 0 && findings === report.findings) return report;
  return buildReport({
    findings: [...findings, ...extra],
    mode: report.mode,
    version: report.tool.version,
    now: new Date(report.generatedAt)
  });
}

export {
  createObserver,
  runBranch,
  baselineScope,
  notThisRunsRecord,
  applyBaseline
};
