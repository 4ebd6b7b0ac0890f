import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  formatConfigErrors
} from "./shared-commands-check-config.js";
import {
  stdinBytes
} from "./shared-commands-input.js";
import {
  explainResult,
  explanationOf,
  openLogFile,
  readLogLines,
  renderExplainMarkdown,
  renderExplainText
} from "./shared-report-explain.js";
import {
  createLogScanner
} from "./shared-diagnose-permission-line.js";
import "./shared-sources-github-failure.js";
import "./shared-report-summary.js";
import "./shared-report-model.js";
import "./shared-model-finding-classes.js";
import "./shared-text-inert.js";
import "./shared-text-secret-shapes.js";
import "./shared-config-file-errors.js";
import "./shared-text-edit-distance.js";
import {
  InputFileError
} from "./shared-sources-files.js";
import "./shared-sources-http.js";
import "./shared-config-credential-variables.js";
import "./shared-tokens-duration.js";
import "./shared-text-secrets.js";
import "./shared-text-json-depth.js";
import "./shared-runtime-efb0f0b2.js";

// src/commands/explain.ts
import path from "node:path";
import { parseArgs } from "node:util";
var USAGE = `Usage: permission-preflight explain LOG [--format text|markdown|json] [--policies DIR] [--config FILE]

Reads a failed job's log and explains every 401 and 403 in it: AWS's access-denied messages (the layer
they name), STS's refusals of the OIDC token and the session, GitHub's token permissions, and plain
HTTP failures as npm, docker, git, curl, gh and Terraform print them. Each is a finding of the same
classes and decision points as the preflight, with its line, the likely cause and the fix; where the
log names the action, the resource and the role, the permission line that would have caught it.

Arguments:
  LOG              The log file (a downloaded job log, timestamps and all); "-" reads standard input.

Options:
  --format FORMAT  text (default), markdown (as the job summary), or json (the findings).
  --policies DIR   A policy folder (docs/policy-folder.md): each denial with a permission line is
                   checked against it, naming the statement that decides it.
  --config FILE    The configuration (default .github/preflight.yml, when it exists): a denial whose
                   call a permission line there already covers is said to be declared, with the line,
                   instead of proposing the line again.

Reads at most 50 MiB of a log (its first 10 MiB and its last 40 MiB), each line's first and last 8 KiB,
and keeps the first 50 distinct failures (the rest are counted).
Exit codes: 0 no 401 or 403 found in a log read in full; 1 some found, or a part of the log not read;
2 bad input.

Examples:
  gh run view --log-failed --job 123 > job.log && permission-preflight explain job.log
  permission-preflight explain job.log --policies policies/ --format markdown
`;
async function scanLog(file, io) {
  const scanner = createLogScanner();
  let chunks;
  if (file === "-") chunks = stdinBytes(io.stdin);
  else {
    try {
      chunks = await openLogFile(path.resolve(io.cwd, file));
    } catch (error) {
      const why = error.code === "ENOENT" ? "does not exist" : "cannot be read";
      throw new InputFileError(`the log ${file} ${why}`);
    }
  }
  const read = await readLogLines(chunks, (line, cut) => scanner.push(line, cut), {
    onSkip: (lines) => scanner.skip(lines)
  });
  return explanationOf(file === "-" ? "standard input" : file, scanner.finish(), read);
}
async function run(args, io) {
  const { values, positionals } = parseArgs({
    args,
    options: { format: { type: "string" }, policies: { type: "string" }, config: { type: "string" } },
    strict: true,
    allowPositionals: true
  });
  if (positionals.length !== 1) throw new InputFileError("give one LOG: a file, or - for standard input");
  const format = values.format ?? "text";
  if (format !== "text" && format !== "markdown" && format !== "json") {
    throw new InputFileError(`--format must be text, markdown or json, got "${format}"`);
  }
  let explanation = await scanLog(positionals[0], io);
  const { markDeclared } = await import("./pipeline-explain-declared.js");
  const declared = await markDeclared(explanation.findings, { given: values.config, env: io.env, cwd: io.cwd });
  if (!declared.ok) throw new InputFileError(`invalid configuration:
${formatConfigErrors(declared.errors)}`);
  explanation = { ...explanation, findings: declared.findings };
  if (values.policies !== void 0) {
    const { decideWithPolicies } = await import("./commands-explain-policies.js");
    explanation = { ...explanation, findings: await decideWithPolicies(explanation.findings, values.policies, io) };
  }
  if (format === "json") io.stdout(`${JSON.stringify(explanation, null, 2)}
`);
  else if (format === "markdown") io.stdout(renderExplainMarkdown(explanation));
  else io.stdout(renderExplainText(explanation));
  return explainResult(explanation) === "pass" ? 0 : 1;
}
var explainCommand = { usage: USAGE, run };
export {
  explainCommand
};
