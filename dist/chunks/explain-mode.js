import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  explainResult,
  explanationOf,
  listRunJobs,
  readJobLog,
  renderExplainMarkdown,
  runCoordinates,
  unverifiedHeadline
} from "./shared-report-explain.js";
import {
  createLogScanner
} from "./shared-diagnose-permission-line.js";
import "./shared-sources-github-failure.js";
import {
  MAX_SUMMARY_BYTES
} from "./shared-report-summary.js";
import "./shared-report-model.js";
import "./shared-model-finding-classes.js";
import "./shared-text-inert.js";
import {
  redactSecretShapes
} from "./shared-text-secret-shapes.js";
import {
  loadPreflightConfig
} from "./shared-sources-config-file.js";
import "./shared-config-model.js";
import "./shared-package.js";
import "./shared-text-decode-bytes.js";
import "./shared-tokens-github.js";
import "./shared-iam-glob.js";
import "./shared-config-file-merge.js";
import "./shared-config-aws.js";
import "./shared-sources-files.js";
import "./shared-sources-http.js";
import "./shared-config-credential-variables.js";
import "./shared-model-variables.js";
import "./shared-config-permissions.js";
import "./shared-tokens-duration.js";
import "./shared-model-aws.js";
import {
  secretForms
} from "./shared-text-secrets.js";
import "./shared-text-json-depth.js";
import "./shared-runtime-efb0f0b2.js";

// src/pipeline/explain.ts
var MAX_EXPLAINED_JOBS = 5;
var FAILED = /* @__PURE__ */ new Set(["failure", "timed_out"]);
function jobsToExplain(jobs, githubJob) {
  const failed = jobs.filter((j) => FAILED.has(j.conclusion ?? ""));
  if (failed.length > 0) return failed;
  if (!githubJob) return [];
  return jobs.filter((j) => j.name === githubJob || j.name.startsWith(`${githubJob} (`));
}
async function explainRun(host) {
  const where = runCoordinates(host.env);
  if (!where.ok) return { ok: false, reason: `not in a workflow run: ${where.reason}` };
  if (host.token === "") return { ok: false, reason: "no token to read the logs with: set `github-token`" };
  const listed = await listRunJobs(host.token, where.run, host.fetch);
  if (!listed.ok) return { ok: false, reason: listed.reason };
  const jobs = jobsToExplain(listed.jobs, host.env.GITHUB_JOB);
  if (jobs.length === 0) {
    return {
      ok: false,
      reason: `run attempt ${where.run.attempt} has no failed job${host.env.GITHUB_JOB ? ` and no job named "${host.env.GITHUB_JOB}"` : ""}`
    };
  }
  const explanations = [];
  const errors = [];
  for (const job of jobs.slice(MAX_EXPLAINED_JOBS)) {
    errors.push({
      source: `job "${redactSecretShapes(job.name)}" (${job.id})`,
      reason: `not read: one step explains at most ${MAX_EXPLAINED_JOBS} jobs`
    });
  }
  for (const job of jobs.slice(0, MAX_EXPLAINED_JOBS)) {
    const source = `job "${redactSecretShapes(job.name)}" (${job.id})`;
    const scanner = createLogScanner();
    const read = await readJobLog(
      host.token,
      where.run,
      job.id,
      (line, cut) => scanner.push(line, cut),
      host.fetch,
      (lines) => scanner.skip(lines)
    );
    if (!read.ok) {
      errors.push({
        source,
        reason: job.status === "completed" ? read.reason : `${read.reason} (the job has not completed: its log is downloadable once it has)`
      });
      continue;
    }
    explanations.push(explanationOf(source, scanner.finish(), read));
  }
  return { ok: true, explanations, errors };
}

// src/explain-mode.ts
function annotationsOf(explanations, redactor) {
  return explanations.flatMap(
    (e) => e.findings.map((f) => ({
      message: [f.message, ...f.fix ? [`Fix: ${f.fix}`] : [], `Log: ${String(f.evidence.text ?? "")}`].map(
        (line) => redactor.redact(line)
      ),
      props: { title: redactor.redact(`${e.source} line ${f.evidence.line}: ${f.class} (${f.decisionPoint})`) }
    }))
  );
}
async function runExplainMode(io, redactor, annotate) {
  const token = io.getInput("github-token").trim();
  for (const form of secretForms(token)) {
    io.setSecret(form);
    redactor.add(form);
  }
  const result = await explainRun({ env: io.env, token });
  if (!result.ok) {
    io.setFailed(redactor.redact(`permission-preflight explain: could not read the job log: ${result.reason}`));
    return;
  }
  const { errors } = result;
  const { markDeclared } = await import("./pipeline-explain-declared.js");
  const where = { given: io.getInput("config").trim(), env: io.env, cwd: io.env.GITHUB_WORKSPACE || process.cwd() };
  const explanations = await Promise.all(
    result.explanations.map(async (e) => {
      const declared = await markDeclared(e.findings, where);
      return declared.ok ? { ...e, findings: declared.findings } : e;
    })
  );
  const share = Math.floor(MAX_SUMMARY_BYTES / (explanations.length + 1));
  const body = explanations.map((e) => renderExplainMarkdown(e, share)).join("\n");
  const unverified = unverifiedHeadline(explanations, errors);
  await io.summary(redactor.redact(`${unverified?.markdown ?? ""}${body}`));
  annotate(io, annotationsOf(explanations, redactor), "every failure is in the job summary");
  const count = explanations.reduce((n, e) => n + e.findings.length + e.dropped, 0);
  const clean = errors.length === 0 && explanations.every((e) => explainResult(e) === "pass");
  io.setOutput("result", count > 0 || !clean ? "fail" : "pass");
  io.setOutput("findings", String(count));
  const told = errors.map((e) => `${e.source}: ${e.reason}`);
  if (explanations.length === 0) {
    io.setFailed(redactor.redact(`permission-preflight explain: no job log could be read: ${told.join("; ")}`));
    return;
  }
  io.info(`permission-preflight explain: ${count} 401/403 failures in ${explanations.length} job log(s)`);
  if (!unverified) return;
  const message = `permission-preflight explain: ${unverified.text}`;
  if (await reportOnly(io)) io.info(redactor.redact(`${message} (mode 'report': the step is not failed)`));
  else io.setFailed(redactor.redact(message));
}
async function reportOnly(io) {
  const given = io.getInput("config").trim();
  const loaded = await loadPreflightConfig({
    getInput: (name) => name === "config" ? given : "",
    env: io.env,
    cwd: io.env.GITHUB_WORKSPACE || process.cwd()
  });
  return loaded.ok && loaded.config.mode === "report";
}
export {
  runExplainMode
};
