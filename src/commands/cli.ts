/**
 * The command-line interface: the same engine and the same preflight as the action, for a laptop or a script.
 * Exit codes: 0 done (simulate: whatever the decisions; decode and check: every check passed, or check in report
 * mode; explain: no 401 or 403 in the log), 1 a check failed or could not be verified (explain: the log has some),
 * 2 bad input, usage or configuration.
 * Importing this module does nothing: src/cli.ts runs {@link main} with the process's streams, and tests run it
 * with their own.
 */

import { InputFileError } from '../sources/files.js';
import { inertAnyOutput } from '../text/inert.js';
import type { CliIO, Command } from './cli-io.js';

const USAGE = `Usage: permission-preflight <command> [options]

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

/** Each command's module, loaded only when it is the one asked for (and then through the compile cache). */
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  check: async () => (await import('./check.js')).checkCommand,
  simulate: async () => (await import('./simulate.js')).simulateCommand,
  decode: async () => (await import('./decode.js')).decodeCommand,
  diff: async () => (await import('./diff.js')).diffCommand,
  explain: async () => (await import('./explain.js')).explainCommand,
  predict: async () => (await import('./predict.js')).predictCommand,
};

/**
 * A signed JWT (a header and a payload that are base64url JSON objects, `eyJ…`, and a signature) shown nowhere, whatever
 * message would quote it: a token given where a path was expected, or read where text was. Each command redacts the
 * tokens it reads; this is the CLI's last guard.
 */
const JWT = /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+/g;
const withoutJwts = (text: string) => text.replace(JWT, '[a token, not shown]');

/**
 * Runs the CLI with `argv` (the arguments after the program's name) against `io`, and returns the exit code. Every
 * command's output reaches the streams inert (src/text/inert.ts), as a CI step's log needs: standard error always,
 * standard output unless it is a terminal in colour (where no runner reads it). Commands quote outside text (a
 * workflow's names, a token's claims, a policy's Sid, a failed log), and a value given as an argument may be one too.
 */
export async function main(argv: readonly string[], given: CliIO): Promise<number> {
  const terminal = given.stdoutIsTTY && !given.env.NO_COLOR;
  const io: CliIO = {
    ...given,
    stdin: given.stdin,
    stdout: (text) => given.stdout(withoutJwts(terminal ? text : inertAnyOutput(text))),
    stderr: (text) => given.stderr(withoutJwts(inertAnyOutput(text))),
  };
  // The usage texts are this program's own, not outside text: printed as written, so an example's `\` at a line's end
  // stays one backslash a shell reads as a continuation (inert would double it).
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    given.stdout(USAGE);
    return command === undefined ? 2 : 0;
  }
  const load = COMMANDS[command];
  if (!load) {
    io.stderr(`permission-preflight: unknown command "${command}"\n\n`);
    given.stderr(USAGE);
    return 2;
  }
  const entry = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    given.stdout(entry.usage);
    return 0;
  }
  try {
    return await entry.run(rest, io);
  } catch (error) {
    if (
      error instanceof InputFileError ||
      (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      // The one line that says what is wrong, and where the options are: the whole usage would bury it.
      io.stderr(
        `permission-preflight ${command}: ${error.message}\nRun \`permission-preflight ${command} --help\` for its options.\n`,
      );
      return 2;
    }
    throw error;
  }
}
