import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  createRedactor
} from "./chunks/shared-report-redact.js";
import {
  runPreflight,
  verifiesAnything
} from "./chunks/shared-pipeline-run.js";
import "./chunks/shared-sources-jwks.js";
import "./chunks/shared-pipeline-environment.js";
import {
  renderSummary,
  text
} from "./chunks/shared-report-summary.js";
import {
  debug,
  error,
  getInput,
  group,
  info,
  setFailed,
  setOutput,
  setSecret,
  summary
} from "./chunks/shared-actions-core-command.js";
import {
  buildReport,
  headline
} from "./chunks/shared-report-model.js";
import {
  describeThrown
} from "./chunks/shared-text-thrown.js";
import "./chunks/shared-checks.js";
import {
  readRunnerFacts
} from "./chunks/shared-sources-runner.js";
import "./chunks/shared-sources-token-input.js";
import "./chunks/shared-checks-token-id-token.js";
import "./chunks/shared-jose-webapi-buffer_utils.js";
import "./chunks/shared-model-finding-classes.js";
import {
  inert,
  inertLine,
  inertLines
} from "./chunks/shared-text-inert.js";
import {
  describeConfigError
} from "./chunks/shared-config-file-errors.js";
import "./chunks/shared-text-edit-distance.js";
import {
  loadPreflightConfig
} from "./chunks/shared-sources-config-file.js";
import "./chunks/shared-config-model.js";
import {
  EXPLAIN_MODE,
  VERSION
} from "./chunks/shared-package.js";
import "./chunks/shared-text-decode-bytes.js";
import "./chunks/shared-tokens-github.js";
import "./chunks/shared-iam-glob.js";
import "./chunks/shared-config-file-merge.js";
import "./chunks/shared-config-aws.js";
import {
  InputFileError
} from "./chunks/shared-sources-files.js";
import "./chunks/shared-sources-http.js";
import "./chunks/shared-config-credential-variables.js";
import "./chunks/shared-model-variables.js";
import "./chunks/shared-config-permissions.js";
import "./chunks/shared-tokens-duration.js";
import "./chunks/shared-model-aws.js";
import {
  maskable,
  secretForms
} from "./chunks/shared-text-secrets.js";
import "./chunks/shared-text-json-depth.js";
import "./chunks/shared-runtime-efb0f0b2.js";

// src/io.ts
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
var TITLE_CHARS = 1024;
var renderMessage = (message) => inertLines(typeof message === "string" ? [message] : message);
function inertProps(props) {
  return {
    title: inertLine(props.title, TITLE_CHARS),
    ...props.file !== void 0 ? { file: inert(props.file) } : {},
    ...props.startLine !== void 0 ? { startLine: props.startLine } : {},
    ...props.startColumn !== void 0 ? { startColumn: props.startColumn } : {}
  };
}
function actionIO() {
  return {
    getInput: (name) => getInput(name),
    setOutput: (name, value) => setOutput(name, value),
    summary: async (markdown) => {
      if (!process.env.GITHUB_STEP_SUMMARY) {
        info("GITHUB_STEP_SUMMARY is not set: the job summary is skipped.");
        return;
      }
      await summary.addRaw(markdown, true).write();
    },
    info: (message) => info(inertLine(message)),
    debug: (message) => debug(inertLine(message)),
    error: (message, props) => error(renderMessage(message), inertProps(props)),
    group: (name, fn) => group(inertLine(name), fn),
    // The one gate before `::add-mask::`: never a value short enough to cut the tool's own text (src/text/secrets.ts).
    setSecret: (secret) => {
      if (maskable(secret)) setSecret(secret);
    },
    setFailed: (message) => setFailed(renderMessage(message)),
    env: process.env,
    writeFile: async (path, content) => {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content, { mode: 384 });
    }
  };
}

// src/main.ts
var NOTHING_VERIFIED = "permission-preflight: no checks are configured; nothing was verified";
var MAX_ERROR_ANNOTATIONS = 10;
var MAX_LISTED_ERRORS = 20;
function annotateCapped(io, annotations, where) {
  const room = MAX_ERROR_ANNOTATIONS - 1;
  const shown = annotations.length <= room ? annotations : annotations.slice(0, room - 1);
  for (const a of shown) io.error(a.message, a.props);
  const left = annotations.length - shown.length;
  if (left > 0) {
    io.error(`and ${left} more: ${where}`, { title: `permission-preflight: ${left} more not annotated` });
  }
}
async function runChecks(config, io, redactor, deps, observe) {
  const now = deps.now ?? (() => /* @__PURE__ */ new Date());
  const mask = (secret) => {
    for (const form of secretForms(secret)) {
      io.setSecret(form);
      redactor.add(form);
    }
  };
  return runPreflight(config, {
    env: io.env,
    mask,
    log: (line) => io.info(redactor.redact(line)),
    debug: (line) => io.debug(redactor.redact(line)),
    group: (name, fn) => io.group(name, fn),
    runner: await readRunnerFacts(io.env),
    now: () => Math.floor(now().getTime() / 1e3),
    ...io.env.GITHUB_WORKSPACE ? { cwd: io.env.GITHUB_WORKSPACE } : {},
    ...deps.fetch ? { fetch: deps.fetch } : {},
    ...deps.sleep ? { sleep: deps.sleep } : {},
    ...config.workflows && io.getInput("github-token") ? { githubToken: io.getInput("github-token") } : {},
    observe
  });
}
var REMOTE_FILE = /^[^/]+\/[^/]+\/\.github\/workflows\/[^/]+@/;
function annotationOrder(findings) {
  return [...findings.filter((f) => f.status === "fail"), ...findings.filter((f) => f.status === "unverified")];
}
function findingAnnotation(f, redact) {
  return {
    message: [f.message, ...f.fix ? [`Fix: ${f.fix}`] : []].map(redact),
    props: {
      title: redact(`${f.subject}: ${f.class} (${f.decisionPoint})`),
      ...f.location && !REMOTE_FILE.test(f.location.file) ? { file: f.location.file, ...f.location.line ? { startLine: f.location.line } : {} } : {}
    }
  };
}
async function publish(report, io, redactor) {
  const json = redactor.redact(`${JSON.stringify(report, null, 2)}
`);
  const dir = io.env.RUNNER_TEMP;
  let path = "";
  if (dir) {
    path = `${dir}/permission-preflight/report.json`;
    await io.writeFile(path, json);
  }
  const annotations = annotationOrder(report.findings).map((f) => findingAnnotation(f, (t) => redactor.redact(t)));
  annotateCapped(io, annotations, `every finding is in the job summary and the JSON report${path ? ` (${path})` : ""}`);
  await io.summary(redactor.redact(renderSummary(report, path ? { reportPath: path } : {})));
  io.setOutput("result", report.result);
  io.setOutput("findings", String(report.counts.failed + report.counts.unverified));
  io.setOutput("report", path);
}
function configErrorsSummary(errors) {
  const listed = errors.slice(0, MAX_LISTED_ERRORS).map((e) => `- ${text(describeConfigError(e))}`);
  if (errors.length > listed.length) listed.push(`- and ${errors.length - listed.length} more`);
  return `## permission-preflight

**Result: fail**: the configuration is invalid, so nothing was checked.

${listed.join("\n")}
`;
}
function reportConfigErrors(errors, io) {
  const placed = errors.flatMap(
    (e) => e.file === void 0 || e.line === void 0 ? [] : [
      {
        message: describeConfigError(e),
        props: {
          title: "permission-preflight: invalid configuration",
          file: e.file,
          startLine: e.line,
          ...e.column !== void 0 ? { startColumn: e.column } : {}
        }
      }
    ]
  );
  annotateCapped(io, placed, "the failure message lists the errors");
  const annotated = new Set(
    (placed.length <= MAX_ERROR_ANNOTATIONS - 1 ? placed : placed.slice(0, MAX_ERROR_ANNOTATIONS - 2)).map(
      (a) => a.message
    )
  );
  const rest = errors.filter((e) => !annotated.has(describeConfigError(e)));
  const listed = rest.slice(0, MAX_LISTED_ERRORS).map(describeConfigError);
  if (rest.length > listed.length) listed.push(`and ${rest.length - listed.length} more`);
  const head = annotated.size > 0 ? `permission-preflight: invalid configuration: ${annotated.size === 1 ? "the error" : `${annotated.size} errors`} annotated at ${[...annotated].map((m) => m.slice(0, m.indexOf(": "))).join(", ")}${listed.length > 0 ? ", and:" : ""}` : "permission-preflight: invalid configuration:";
  io.setFailed([head, ...listed]);
}
function policyFilesError(thrown, io, source) {
  const message = `names a path that cannot be read: ${thrown.message}`;
  if (io.getInput("policy-files").trim() !== "") return { where: "input policy-files", message };
  const file = source.find((s) => s !== "inputs");
  return { where: "policy-files", message, ...file ? { file } : {} };
}
function thrownSummary(description) {
  return `## permission-preflight

**Result: fail**: could not verify: ${text(description)}
`;
}
async function withWorkflows(config, io) {
  if (!config.workflows || config.workflows.explicit) return config;
  const root = io.env.GITHUB_WORKSPACE;
  if (root && await (await import("./chunks/sources-workflows.js")).hasWorkflowsFolder(root)) return config;
  const { workflows: _off, ...rest } = config;
  return rest;
}
async function run(io = actionIO(), deps = {}) {
  const redactor = createRedactor();
  try {
    io.setOutput("result", "fail");
    io.setOutput("findings", "0");
    if (io.getInput("mode").trim() === EXPLAIN_MODE) {
      await (await import("./chunks/explain-mode.js")).runExplainMode(io, redactor, annotateCapped);
      return;
    }
    const read = await loadPreflightConfig({
      getInput: (name) => io.getInput(name),
      env: io.env,
      // The runner starts steps in the workspace; relative paths are the repository's either way.
      cwd: io.env.GITHUB_WORKSPACE || process.cwd()
    });
    if (!read.ok) {
      reportConfigErrors(read.errors, io);
      await io.summary(configErrorsSummary(read.errors));
      return;
    }
    const config = await withWorkflows(read.config, io);
    io.debug(`configuration from ${read.source.join(" and ") || "defaults"}`);
    if (!await verifiesAnything(config)) {
      await io.summary(
        `## permission-preflight

**Result: fail** (mode \`${config.mode}\`)

${NOTHING_VERIFIED}.
`
      );
      if (config.mode === "report") io.info(`${NOTHING_VERIFIED} (mode 'report': the step is not failed)`);
      else io.setFailed(NOTHING_VERIFIED);
      return;
    }
    const drift = config.baseline ? await import("./chunks/pipeline-drift.js") : void 0;
    const observer = drift?.createObserver();
    let findings;
    try {
      findings = await runChecks(config, io, redactor, deps, observer?.observe ?? (() => void 0));
    } catch (thrown) {
      if (!(thrown instanceof InputFileError)) throw thrown;
      const error2 = policyFilesError(thrown, io, read.source);
      reportConfigErrors([error2], io);
      await io.summary(redactor.redact(configErrorsSummary([error2])));
      return;
    }
    const built = buildReport({
      findings,
      mode: config.mode,
      version: VERSION,
      now: (deps.now ?? (() => /* @__PURE__ */ new Date()))()
    });
    const token = config.baseline?.kind === "artifact" ? io.getInput("baseline-token") : "";
    for (const form of secretForms(token)) {
      io.setSecret(form);
      redactor.add(form);
    }
    const report = drift && observer ? await drift.applyBaseline(config, built, observer.seen(), {
      env: io.env,
      cwd: io.env.GITHUB_WORKSPACE || process.cwd(),
      allowOutsideWorkspace: config.allowOutsideWorkspace === true,
      log: (line) => io.info(redactor.redact(line)),
      redact: (text2) => redactor.redact(text2),
      ...token ? { token } : {}
    }) : built;
    await publish(report, io, redactor);
    if (report.result === "pass") return;
    const message = `permission-preflight: ${headline(report)}`;
    if (config.mode === "report") io.info(`${message} (mode 'report': the step is not failed)`);
    else io.setFailed(message);
  } catch (thrown) {
    const description = describeThrown(thrown);
    io.setFailed(redactor.redact(`permission-preflight: could not verify: ${description}`));
    try {
      await io.summary(redactor.redact(thrownSummary(description)));
    } catch {
    }
  }
}

// src/index.ts
await run();
