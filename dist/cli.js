#!/usr/bin/env node
import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  inertAnyOutput
} from "./chunks/shared-text-inert.js";
import {
  InputFileError
} from "./chunks/shared-sources-files.js";
import "./chunks/shared-sources-http.js";
import "./chunks/shared-text-secrets.js";
import "./chunks/shared-text-json-depth.js";
import "./chunks/shared-runtime-efb0f0b2.js";

// src/cli.ts
import module from "node:module";

// src/commands/cli.ts
var USAGE = `Usage: permission-preflight <command> [options]

Commands:
  check      Run the action's whole preflight from a configuration file (default .github/preflight.yml):
             tokens, AWS role trust and session, and every permission the deploy needs, each explained
             by the layer that would refuse it. Exit 0 pass, 1 a check failed, 2 bad configuration.
  simulate   Decide AWS IAM requests offline, as AWS would, and explain each decision.
  decode     Show a token's header and claims, verify it, and check it against expectations
             (read from a file or standard input, never from the command line).
  diff       Compare two runs (reports or baseline records): what changed since the last passing run.
  explain    Read a failed job's log and explain every 401 and 403 in it: the layer that refused,
             the likely cause, the fix, and the permission line that would have caught it.
  predict    Predict the OIDC token GitHub would issue each deploy job for each trigger of the
             repository's workflows, and check it against the trust of every role the job assumes.

Run "permission-preflight <command> --help" for a command's options.

Examples:
  permission-preflight check
  permission-preflight check --config .github/preflight.yml --format markdown --mode report
  permission-preflight simulate --input examples/simulate/deploy.json --format text
  permission-preflight decode --file token.jwt --audience sts.amazonaws.com
  permission-preflight explain job.log --policies policies/
  permission-preflight predict --repository acme/api --policy-files policies/ --subject-template default
  npm run demo      (in a clone: the embedded example, offline, with one real denial)
`;
var COMMANDS = {
  check: async () => (await import("./chunks/commands-check.js")).checkCommand,
  simulate: async () => (await import("./chunks/commands-simulate.js")).simulateCommand,
  decode: async () => (await import("./chunks/commands-decode.js")).decodeCommand,
  diff: async () => (await import("./chunks/commands-diff.js")).diffCommand,
  explain: async () => (await import("./chunks/commands-explain.js")).explainCommand,
  predict: async () => (await import("./chunks/commands-predict.js")).predictCommand
};
var JWT = /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+/g;
var withoutJwts = (text) => text.replace(JWT, "[a token, not shown]");
async function main(argv, given) {
  const terminal = given.stdoutIsTTY && !given.env.NO_COLOR;
  const io = {
    ...given,
    stdin: given.stdin,
    stdout: (text) => given.stdout(withoutJwts(terminal ? text : inertAnyOutput(text))),
    stderr: (text) => given.stderr(withoutJwts(inertAnyOutput(text)))
  };
  const [command, ...rest] = argv;
  if (command === void 0 || command === "--help" || command === "-h" || command === "help") {
    given.stdout(USAGE);
    return command === void 0 ? 2 : 0;
  }
  const load = COMMANDS[command];
  if (!load) {
    io.stderr(`permission-preflight: unknown command "${command}"

`);
    given.stderr(USAGE);
    return 2;
  }
  const entry = await load();
  if (rest.includes("--help") || rest.includes("-h")) {
    given.stdout(entry.usage);
    return 0;
  }
  try {
    return await entry.run(rest, io);
  } catch (error) {
    if (error instanceof InputFileError || error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
      io.stderr(
        `permission-preflight ${command}: ${error.message}
Run \`permission-preflight ${command} --help\` for its options.
`
      );
      return 2;
    }
    throw error;
  }
}

// src/cli.ts
module.enableCompileCache?.();
function exitWhenFlushed(code) {
  process.exitCode = code;
  process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
}
main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  // Only decode and `simulate --input -` read it: made on first use, as process.stdin itself is.
  get stdin() {
    return process.stdin;
  },
  stdoutIsTTY: process.stdout.isTTY === true
}).then(
  (code) => exitWhenFlushed(code),
  (error) => {
    process.stderr.write(
      `permission-preflight: internal error: ${error instanceof Error ? error.message : String(error)}
`
    );
    exitWhenFlushed(1);
  }
);
