/**
 * The command-line interface: the same engine and the same preflight as the action, for a laptop or a script.
 * Exit codes: 0 done (simulate: whatever the decisions; decode and check: every check passed, or check in report
 * mode), 1 a check failed or could not be verified, 2 bad input, usage or configuration.
 */

import module from 'node:module';
import { InputFileError } from './sources/files.js';

// Node 22.1 and later keep V8's compiled code of the modules loaded from here on between runs, in the system's
// temporary folder, as TypeScript's tsc does: it saves a good part of each start. Node 20 has no such cache.
// NODE_DISABLE_COMPILE_CACHE=1 turns it off. https://nodejs.org/api/module.html#moduleenablecompilecachedirectory
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const USAGE = `Usage: permission-preflight <command> [options]

Commands:
  check      Run the action's whole preflight from a configuration file (default .github/preflight.yml):
             tokens, AWS role trust and session, and every permission the deploy needs, each explained
             by the layer that would refuse it. Exit 0 pass, 1 a check failed, 2 bad configuration.
  simulate   Decide AWS IAM requests offline, as AWS would, and explain each decision.
  decode     Show a token's header and claims, verify it, and check it against expectations
             (read from a file or standard input, never from the command line).

Run "permission-preflight <command> --help" for a command's options.

Examples:
  permission-preflight check
  permission-preflight check --config .github/preflight.yml --format markdown --mode report
  permission-preflight simulate --input examples/simulate/deploy.json --format text
  permission-preflight decode --file token.jwt --audience sts.amazonaws.com
  npm run demo      (in a clone: the embedded example, offline, with one real denial)
`;

/** A command: its usage text and what runs it. */
interface Command {
  readonly usage: string;
  readonly run: (args: string[]) => Promise<number>;
}

/** Each command's module, loaded only when it is the one asked for (and then through the compile cache). */
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  check: async () => (await import('./commands/check.js')).checkCommand,
  simulate: async () => (await import('./commands/simulate.js')).simulateCommand,
  decode: async () => (await import('./commands/decode.js')).decodeCommand,
};

/** Runs the CLI and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  const load = COMMANDS[command];
  if (!load) {
    process.stderr.write(`permission-preflight: unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  const entry = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(entry.usage);
    return 0;
  }
  try {
    return await entry.run(rest);
  } catch (error) {
    if (
      error instanceof InputFileError ||
      (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      process.stderr.write(`permission-preflight ${command}: ${error.message}\n\n${entry.usage}`);
      return 2;
    }
    throw error;
  }
}

/**
 * Exits once standard output and error are flushed. Waiting for the event loop to empty instead would also wait
 * for idle keep-alive sockets (a JWKS or introspection fetch), ~40-80 ms after the answer is printed.
 */
function exitWhenFlushed(code: number): void {
  process.exitCode = code;
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

main(process.argv.slice(2)).then(
  (code) => exitWhenFlushed(code),
  (error: unknown) => {
    process.stderr.write(
      `permission-preflight: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    exitWhenFlushed(1);
  },
);
