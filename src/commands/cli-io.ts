/**
 * Where the CLI reads and writes. src/cli.ts binds it to the process (its streams, environment, folder and standard
 * input); tests pass buffers, so every command runs in the test's own process.
 */

/** Standard input: what `decode` and `simulate --input -` read. */
export interface CliInput extends AsyncIterable<Uint8Array | string> {
  /** True when it is a terminal, i.e. nothing was piped in. */
  readonly isTTY?: boolean | undefined;
}

/** The CLI's streams, environment, folder and standard input. */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The folder relative paths are read from. */
  readonly cwd: string;
  readonly stdin: CliInput;
  /** Whether standard output is a terminal (check's text report is then in colour, unless NO_COLOR is set). */
  readonly stdoutIsTTY: boolean;
}

/** A command: its usage text and what runs it. */
export interface Command {
  readonly usage: string;
  readonly run: (args: string[], io: CliIO) => Promise<number>;
}
