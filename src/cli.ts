/**
 * The command-line tool's entry point (package.json `bin`, built to dist/cli.js): runs {@link main} with this
 * process's streams, environment, folder, standard input and arguments, and exits with its code. The CLI itself is
 * src/commands/cli.ts, which does nothing when imported.
 */

import module from 'node:module';
import { main } from './commands/cli.js';

// Node 22.1 and later keep V8's compiled code of the modules loaded from here on between runs, in the system's
// temporary folder, as TypeScript's tsc does: it saves a good part of each start. Node 20 has no such cache.
// NODE_DISABLE_COMPILE_CACHE=1 turns it off. https://nodejs.org/api/module.html#moduleenablecompilecachedirectory
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

/**
 * Exits once standard output and error are flushed. Waiting for the event loop to empty instead would also wait
 * for idle keep-alive sockets (a JWKS or introspection fetch), ~40-80 ms after the answer is printed.
 */
function exitWhenFlushed(code: number): void {
  process.exitCode = code;
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
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
  stdoutIsTTY: process.stdout.isTTY === true,
}).then(
  (code) => exitWhenFlushed(code),
  (error: unknown) => {
    process.stderr.write(
      `permission-preflight: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    exitWhenFlushed(1);
  },
);
