import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  renderCheckText
} from "./shared-commands-check-text.js";
import {
  formatConfigErrors
} from "./shared-commands-check-config.js";
import {
  applyBaseline,
  createObserver
} from "./shared-pipeline-drift.js";
import "./shared-drift-record.js";
import "./shared-sources-baseline-artifact.js";
import "./shared-sources-baseline-file.js";
import {
  createRedactor
} from "./shared-report-redact.js";
import {
  runPreflight
} from "./shared-pipeline-run.js";
import "./shared-sources-jwks.js";
import "./shared-pipeline-environment.js";
import {
  renderSummary
} from "./shared-report-summary.js";
import {
  buildReport
} from "./shared-report-model.js";
import {
  describeThrown
} from "./shared-text-thrown.js";
import "./shared-checks.js";
import {
  readRunnerFacts
} from "./shared-sources-runner.js";
import {
  readToken
} from "./shared-sources-token-input.js";
import "./shared-checks-token-id-token.js";
import "./shared-jose-webapi-buffer_utils.js";
import {
  finding
} from "./shared-model-finding-classes.js";
import "./shared-text-inert.js";
import "./shared-config-file-errors.js";
import "./shared-text-edit-distance.js";
import {
  VERSION
} from "./shared-package.js";
import {
  GITHUB_OIDC_DOCS
} from "./shared-tokens-github.js";
import "./shared-iam-glob.js";
import {
  InputFileError
} from "./shared-sources-files.js";
import "./shared-sources-http.js";
import "./shared-config-credential-variables.js";
import "./shared-tokens-duration.js";
import "./shared-text-secrets.js";
import "./shared-text-json-depth.js";
import "./shared-runtime-efb0f0b2.js";

// src/commands/check-run.ts
import { stat } from "node:fs/promises";
import path from "node:path";
var NAME = "permission-preflight check";
function cliGitHubIdToken(saved, env) {
  if (saved !== void 0) return async () => ({ ok: true, token: saved });
  if (env.GITHUB_ACTIONS === "true") return void 0;
  return async (spec) => ({
    ok: false,
    finding: finding("missing-token", {
      id: `token:${spec.name}:missing-token`,
      subject: `GitHub OIDC token "${spec.name}"`,
      status: "unverified",
      message: "Outside GitHub Actions there is no Actions ID token endpoint, so there is no GitHub OIDC token to check: the token, and the role trust that is evaluated against its claims, could not be verified (fail closed).",
      evidence: {
        audience: spec.source.kind === "github-oidc" ? spec.source.audience : "",
        "oidc-token-file": "not given"
      },
      fix: "Give a saved token with --oidc-token-file FILE (GitHub tokens expire within minutes, so use a fresh one), run the check in a workflow job with `permissions: id-token: write`, or set `github-oidc: { enabled: false }` in the configuration to check everything else.",
      docUrl: GITHUB_OIDC_DOCS.permissions
    })
  });
}
function thrownFinding(thrown) {
  return finding("could-not-verify", {
    id: "preflight:could-not-verify",
    subject: "the preflight",
    decisionPoint: "runner",
    status: "unverified",
    message: `The preflight stopped before every check had run, so it could not verify: ${describeThrown(thrown)}.`,
    fix: "Fix the cause named above and run the check again; if it names no cause, report it as a bug."
  });
}
async function readSavedToken(file, io, redactor) {
  const read = await readToken({ kind: "file", path: path.resolve(io.cwd, file) }, io.env);
  if (!read.ok)
    return new InputFileError(`--oidc-token-file: ${read.reason.replace(path.resolve(io.cwd, file), file)}`);
  redactor.add(read.token);
  return read.token;
}
async function loadConfig(flags, io) {
  const absolute = path.resolve(io.cwd, flags.config);
  try {
    const stats = await stat(absolute);
    if (stats.isDirectory()) throw Object.assign(new Error("a folder"), { code: "EISDIR" });
  } catch (error) {
    const code = error.code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a folder" : code ?? "unreadable";
    const hint = flags.configGiven ? "" : ". Run from the repository root, or give --config FILE";
    const which = flags.configGiven ? flags.config : `${flags.config} (the default)`;
    io.stderr(`${NAME}: cannot read the configuration ${which}: ${why}${hint}
`);
    return void 0;
  }
  const { loadPreflightConfig } = await import("./pipeline-load-config.js");
  const loaded = await loadPreflightConfig({
    configPath: flags.config,
    getInput: (name) => flagInput(flags, name),
    env: io.env,
    cwd: io.cwd,
    reader: "check"
  });
  if (!loaded.ok) {
    io.stderr(`${NAME}: invalid configuration:
${formatConfigErrors(loaded.errors)}`);
    return void 0;
  }
  return loaded.config;
}
function flagInput(flags, name) {
  if (name === "mode") return flags.mode ?? "";
  if (name === "oidc-jwks-url") return flags.oidcJwksUrl ?? "";
  if (name === "environment") return flags.environment ?? "";
  if (name === "config") return flags.config;
  if (name === "allow-outside-workspace") return flags.allowOutsideWorkspace ? "true" : "";
  if (name === "baseline") return flags.baseline ?? "";
  if (name === "workflows") return "false";
  return "";
}
async function runCheck(flags, io) {
  const redactor = createRedactor();
  const now = io.now ?? (() => /* @__PURE__ */ new Date());
  const saved = flags.oidcTokenFile === void 0 ? void 0 : await readSavedToken(flags.oidcTokenFile, io, redactor);
  if (saved instanceof InputFileError) {
    io.stderr(`${NAME}: ${saved.message}
`);
    return 2;
  }
  const config = await loadConfig(flags, io);
  if (!config) return 2;
  if (saved !== void 0 && !config.tokens.some((t) => t.source.kind === "github-oidc")) {
    io.stderr(
      `${NAME}: --oidc-token-file is given, but ${flags.config} does not check GitHub's OIDC token (github-oidc is disabled)
`
    );
    return 2;
  }
  const githubIdToken = cliGitHubIdToken(saved, io.env);
  const observer = createObserver();
  const host = {
    observe: observer.observe,
    env: io.env,
    mask: (secret) => redactor.add(secret),
    // The report shows every check; a line per check as well would only repeat it.
    log: () => void 0,
    group: (_name, fn) => fn(),
    cwd: io.cwd,
    runner: await readRunnerFacts(io.env),
    now: () => Math.floor(now().getTime() / 1e3),
    ...githubIdToken ? { githubIdToken } : {}
  };
  let findings;
  try {
    findings = await runPreflight(config, host);
  } catch (thrown) {
    if (thrown instanceof InputFileError) {
      io.stderr(redactor.redact(`${NAME}: ${flags.config}: policy-files: ${thrown.message}
`));
      return 2;
    }
    findings = [thrownFinding(thrown)];
  }
  const report = await applyBaseline(
    config,
    buildReport({ findings, mode: config.mode, version: VERSION, now: now() }),
    observer.seen(),
    {
      env: io.env,
      cwd: io.cwd,
      allowOutsideWorkspace: config.allowOutsideWorkspace === true,
      log: (line) => io.stderr(redactor.redact(`${line}
`)),
      redact: (text2) => redactor.redact(text2)
    }
  );
  const text = flags.format === "json" ? `${JSON.stringify(report, null, 2)}
` : flags.format === "markdown" ? renderSummary(report) : renderCheckText(report, {
    color: io.color,
    config: flags.config,
    ...flags.environment ? { environment: flags.environment } : {}
  });
  io.stdout(redactor.redact(text));
  return report.result === "pass" || config.mode === "report" ? 0 : 1;
}
export {
  cliGitHubIdToken,
  runCheck
};
