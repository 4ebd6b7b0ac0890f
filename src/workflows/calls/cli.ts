/**
 * One shell command read as what it runs: the program after the prefixes that only change how it runs (`env`,
 * `sudo`, `doas`, `time`, `timeout`, `nohup`, `nice`, `setsid`, `coproc`, `function NAME`, variable assignments,
 * `then`/`do`/`!`; a command that runs a command
 * given to it otherwise, `bash -c`, `xargs`, `find -exec`, is read in wrappers.ts), and for `aws` its global options, service, operation and
 * options. AWS CLI command structure, `aws [options] <command> <subcommand> [parameters]`, and its global options
 * (`--region`, `--profile`, `--endpoint-url`, `--output`, `--query`, …):
 * https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-commandstructure.html and
 * https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-options.html
 */
import { type ShellCommand, type ShellWord, slicePart } from './shell.js';

/** A command's program and arguments, prefixes removed. */
export interface Program {
  readonly name: string;
  readonly word: ShellWord;
  readonly args: readonly ShellWord[];
  /** `NAME=value` words before the program, which set variables for it alone (`AWS_REGION=x aws ...`). */
  readonly assignments: readonly ShellWord[];
  /** The here-document or here-string it reads on its standard input (ShellCommand.stdin): see {@link stdinOf}. */
  readonly stdin?: ShellWord;
  /** The file it reads on its standard input (`bash < deploy.sh`, `bash < <(…)`), when no text is given. */
  readonly stdinFile?: ShellWord;
  /** The command piped into it, when no text or file is given. */
  readonly piped?: ShellCommand;
}

/** Words that start a command without being its program. */
const PREFIXES = new Set([
  'if',
  'then',
  'else',
  'elif',
  'do',
  'while',
  'until',
  '!',
  '{',
  'exec',
  'command',
  'builtin',
  'nohup',
  'chronic',
  'unbuffer',
]);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*\+?=/;

/** The program a command runs, or undefined for an empty command or a bare assignment. */
export function programOf(command: ShellCommand): Program | undefined {
  const words = command.words;
  const assignments: ShellWord[] = [];
  let i = 0;
  while (i < words.length) {
    const word = words[i] as ShellWord;
    if (ASSIGNMENT.test(word.value)) assignments.push(word);
    if (PREFIXES.has(word.value) || ASSIGNMENT.test(word.value)) i++;
    else if (word.value === 'env' && !splitsString(words, i + 1)) i = skipEnvOptions(words, i + 1);
    else if (word.value === 'timeout') i = skipTimeout(words, i + 1);
    else if (word.value === 'sudo') i = skipOptions(words, i + 1, SUDO_VALUE_OPTIONS);
    else if (word.value === 'doas') i = skipOptions(words, i + 1, DOAS_VALUE_OPTIONS);
    // setsid's options, `-c`/`--ctty`, `-f`/`--fork`, `-w`/`--wait`, take no value (https://man7.org/linux/man-pages/man1/setsid.1.html).
    else if (word.value === 'setsid') i = skipOptions(words, i + 1, new Set());
    // `function NAME { …; }`, bash's keyword form of a function definition
    // (https://www.gnu.org/software/bash/manual/bash.html#Shell-Functions): its body is read as the commands it holds.
    else if (word.value === 'function' && i === 0) i += 2;
    // `coproc [NAME] COMMAND`: the command runs as a coprocess; NAME is given only before a compound command
    // (`coproc NAME { …; }`: https://www.gnu.org/software/bash/manual/bash.html#Coprocesses).
    else if (word.value === 'coproc') i += words[i + 2]?.value === '{' ? 2 : 1;
    else if (word.value === 'time') i = skipOptions(words, i + 1, TIME_VALUE_OPTIONS);
    else if (word.value === 'nice' || word.value === 'ionice' || word.value === 'stdbuf')
      i = skipOptions(words, i + 1, NICE_VALUE_OPTIONS);
    else if (word.value === 'dotenv') i = skipDotenv(words, i + 1);
    else break;
  }
  const word = words[i];
  if (word === undefined) return undefined;
  const slash = word.value.lastIndexOf('/');
  return { name: word.value.slice(slash + 1), word, args: words.slice(i + 1), assignments, ...inputOf(command) };
}

/** What a command reads on its standard input: a redirection, else the pipe (bash#Redirections). */
function inputOf(command: ShellCommand): Pick<Program, 'stdin' | 'stdinFile' | 'piped'> {
  if (command.stdin !== undefined) return { stdin: command.stdin };
  if (command.stdinFile !== undefined) return { stdinFile: command.stdinFile };
  return command.piped === undefined ? {} : { piped: command.piped };
}

/**
 * The text a program reads on its standard input, when it reads text: a here-document or here-string, the output of
 * the command piped into it or of a process substitution (`< <(…)`), a word that is all unknown when that output
 * is not known before the run; undefined for a file or nothing.
 */
export function stdinOf(program: Program, depth = 0): ShellWord | undefined {
  if (program.stdin !== undefined) return program.stdin;
  if (program.stdinFile?.process !== undefined) return outputOf(program.stdinFile.process, depth + 1);
  return program.piped === undefined ? undefined : outputOf([program.piped], depth + 1);
}

const OUTPUT_DEPTH = 8;

/**
 * The text commands write on their standard output when it can be read before the run: `echo` and `printf` of
 * literal words, `cat` of its standard input (a here-document, a pipe), each in turn (`echo a; echo b`); else a word
 * that is all unknown, naming the command. The last command of a pipeline stands for it.
 */
export function outputOf(commands: readonly ShellCommand[], depth = 0): ShellWord {
  const parts: ShellWord[] = [];
  const inPipe = new Set<ShellCommand>();
  for (const command of commands)
    for (let c = command.piped; c !== undefined && inPipe.size < 64; c = c.piped) inPipe.add(c);
  for (const command of commands) {
    if (inPipe.has(command)) continue;
    const output = depth < OUTPUT_DEPTH ? commandOutput(command, depth) : undefined;
    if (output === undefined) {
      const what = command.words
        .map((w) => w.value)
        .join(' ')
        .slice(0, 80);
      return { value: '*', dynamic: [`the output of \`${what}\``] };
    }
    parts.push(output);
  }
  return joinWords(parts, '');
}

function commandOutput(command: ShellCommand, depth: number): ShellWord | undefined {
  const program = programOf(command);
  if (program === undefined) return { value: '', dynamic: [], at: [] };
  const args = program.args;
  if (program.name === 'echo') {
    let i = 0;
    let newline = true;
    let escapes = false;
    for (; i < args.length && /^-[neE]+$/.test(args[i]?.value ?? ''); i++) {
      const flags = args[i]?.value ?? '';
      if (flags.includes('n')) newline = false;
      if (flags.includes('e')) escapes = true;
    }
    const words = args.slice(i);
    if (escapes && words.some((w) => w.value.includes('\\'))) return undefined;
    return joinWords([joinWords(words, ' '), literalWord(newline ? '\n' : '')], '');
  }
  if (program.name === 'printf') {
    const [format, ...rest] = args;
    if (format === undefined || format.dynamic.length > 0) return undefined;
    // `printf '%s\n' WORDS…` writes each word on its line; a format with no conversion, itself.
    if (/^%s(?:\\n|\n)?$/.test(format.value) && rest.length > 0) {
      const end = format.value === '%s' ? '' : '\n';
      return joinWords(
        rest.flatMap((w) => [w, literalWord(end)]),
        '',
      );
    }
    if (rest.length > 0 || format.value.includes('%')) return undefined;
    if (/\\[^n\\]/.test(format.value)) return undefined;
    return literalWord(format.value.replace(/\\(n|\\)/g, (_, c: string) => (c === 'n' ? '\n' : '\\')));
  }
  if (program.name === 'cat' && args.every((w) => w.value === '-')) return stdinOf(program, depth);
  return undefined;
}

function literalWord(value: string): ShellWord {
  return { value, dynamic: [], at: [] };
}

/** Characters and unknown parts of a joined word at most: a command string is read no further (CallLimits). */
const JOINED_CHARS = 100_000;
const JOINED_DYNAMIC = 16;

/** Words joined into one, each unknown part kept in its place when every word's are known; bounded. */
export function joinWords(words: readonly ShellWord[], separator: string): ShellWord {
  let value = '';
  const dynamic: string[] = [];
  const at: number[] = [];
  let placed = true;
  for (const [i, word] of words.entries()) {
    if (i > 0) value += separator;
    if (word.at === undefined || word.at.length !== word.dynamic.length) placed = false;
    for (const [j, fragment] of word.dynamic.entries()) {
      dynamic.push(fragment);
      at.push(value.length + (word.at?.[j] ?? 0));
    }
    value += word.value;
    if (value.length > JOINED_CHARS || dynamic.length > JOINED_DYNAMIC) {
      return { value: value.slice(0, JOINED_CHARS), dynamic: dynamic.slice(0, JOINED_DYNAMIC) };
    }
  }
  return placed ? { value, dynamic, at } : { value, dynamic };
}

/** The value a variable has for a command: set on the command itself, else assigned earlier in the script. */
export function variableFor(program: Program, command: ShellCommand, name: string): ShellWord | undefined {
  for (const word of program.assignments) {
    if (word.value.startsWith(`${name}=`)) return slicePart(word, name.length + 1);
  }
  return command.assigned.get(name);
}

/** `env -S STRING` runs the command the string splits into: left to wrappers.ts. */
function splitsString(words: readonly ShellWord[], from: number): boolean {
  const end = skipEnvOptions(words, from);
  return words.slice(from, end).some((w) => /^(?:-S|--split-string)(?:=|$)|^-[a-zA-Z]*S/.test(w.value));
}

function skipEnvOptions(words: readonly ShellWord[], from: number): number {
  let i = from;
  while (i < words.length && /^-|^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]?.value ?? '')) {
    i += words[i]?.value === '-u' || words[i]?.value === '-C' ? 2 : 1;
  }
  return i;
}

const SUDO_VALUE_OPTIONS = new Set(['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U']);
/** `doas [-Lns] [-a style] [-C config] [-u user] command [args]` (https://man.openbsd.org/doas). */
const DOAS_VALUE_OPTIONS = new Set(['-a', '-C', '-u']);
const DOTENV_VALUE_OPTIONS = new Set(['-f', '--file', '-e']);
/** `time -p`, GNU time's `-o FILE`, `-f FORMAT`. */
const TIME_VALUE_OPTIONS = new Set(['-o', '-f', '--output', '--format']);
/** `nice -n N`, `ionice -c N -n N`, `stdbuf -o L` (an attached value, `-oL`, is one word). */
const NICE_VALUE_OPTIONS = new Set(['-n', '-c', '-p', '-t', '-i', '-o', '-e']);

/** `dotenv [-f FILE] run [--override] COMMAND` (python-dotenv's CLI) runs the command with the file's variables. */
function skipDotenv(words: readonly ShellWord[], from: number): number {
  let i = skipOptions(words, from, DOTENV_VALUE_OPTIONS);
  if (words[i]?.value === 'run') i = skipOptions(words, i + 1, DOTENV_VALUE_OPTIONS);
  return words[i]?.value === '--' ? i + 1 : i;
}

/** Skips a prefix command's options (`sudo -E -u deploy`, `nice -n 10`), to the command it runs. */
function skipOptions(words: readonly ShellWord[], from: number, withValue: ReadonlySet<string>): number {
  let i = from;
  while (i < words.length && (words[i]?.value ?? '').startsWith('-')) {
    i += withValue.has(words[i]?.value ?? '') ? 2 : 1;
  }
  return i;
}

/**
 * `timeout [OPTION] DURATION COMMAND [ARG]…`: `-k DURATION`/`--kill-after` and `-s SIGNAL`/`--signal` take a value
 * (attached, `-k5`, `--signal=KILL`, or as the next word), `--` ends the options
 * (https://www.gnu.org/software/coreutils/manual/html_node/timeout-invocation.html). A `--` right after the duration is
 * passed over too: GNU's timeout would run a program named `--`, but others read it as the end of the options
 * (uutils coreutils, whose timeout parses with clap), and reading the call there can only ask for more.
 */
function skipTimeout(words: readonly ShellWord[], from: number): number {
  let i = from;
  while (i < words.length && (words[i]?.value ?? '').startsWith('-')) {
    const value = words[i]?.value ?? '';
    i++;
    if (value === '--') break;
    if (/^(?:-[A-Za-z]*[ks]|--kill-after|--signal)$/.test(value)) i++;
  }
  i++;
  return words[i]?.value === '--' ? i + 1 : i;
}

/** Global options of the AWS CLI that take a value. */
const GLOBAL_VALUE_OPTIONS = new Set([
  'region',
  'profile',
  'endpoint-url',
  'output',
  'query',
  'color',
  'ca-bundle',
  'cli-read-timeout',
  'cli-connect-timeout',
  'cli-binary-format',
]);

/** The service word of `aws` arguments: the first word that is not a global option or its value. */
export function serviceWord(args: readonly ShellWord[]): ShellWord | undefined {
  for (let i = 0; i < args.length; i++) {
    const word = args[i] as ShellWord;
    if (!word.value.startsWith('--')) return word;
    if (!word.value.includes('=') && GLOBAL_VALUE_OPTIONS.has(word.value.slice(2).toLowerCase())) i++;
  }
  return undefined;
}

/** One `aws` invocation. */
export interface AwsInvocation {
  /** The CLI's service name as written (`s3api`, `deploy`), or undefined for `aws --version`, `aws help`. */
  readonly service?: ShellWord;
  readonly operation?: ShellWord;
  /** Words after the operation that no option took (the high-level `s3` commands' paths, a waiter's name). */
  readonly positionals: readonly ShellWord[];
  /** `--name value...` and `--name=value`, by name without dashes; a flag has no values. */
  readonly options: ReadonlyMap<string, readonly ShellWord[]>;
  /** Global options given (`region`, `profile`, `endpoint-url`), wherever they stand. */
  readonly globals: ReadonlyMap<string, ShellWord>;
}

/** How the options of a command take their values. */
export interface OptionStyle {
  /** Options that take no value. */
  readonly flags: ReadonlySet<string>;
  /** Whether every other option takes exactly one word (the `s3` commands), rather than a list (`--paths /a /b`). */
  readonly single: boolean;
}

const API_STYLE: OptionStyle = { flags: new Set(), single: false };

/**
 * Reads `aws` arguments. Options after the operation take every following word that does not start with `--`
 * (`--paths /a /b`), or one word when `style.single`; those in `style.flags` take none, so that
 * `aws s3 cp --recursive src dst` keeps its paths as positionals.
 */
export function readAws(args: readonly ShellWord[], style: OptionStyle = API_STYLE): AwsInvocation {
  const options = new Map<string, ShellWord[]>();
  const globals = new Map<string, ShellWord>();
  const heads: ShellWord[] = [];
  const positionals: ShellWord[] = [];
  let current: ShellWord[] | undefined;
  for (let i = 0; i < args.length; i++) {
    const word = args[i] as ShellWord;
    if (word.value.startsWith('--') && word.value.length > 2) {
      const eq = word.value.indexOf('=');
      const name = (eq < 0 ? word.value.slice(2) : word.value.slice(2, eq)).toLowerCase();
      const inline = eq < 0 ? undefined : slicePart(word, eq + 1);
      if (GLOBAL_VALUE_OPTIONS.has(name)) {
        const value = inline ?? args[++i];
        if (value !== undefined) globals.set(name, value);
        current = undefined;
        continue;
      }
      current = options.get(name) ?? [];
      options.set(name, current);
      if (inline) current.push(inline);
      if (inline || style.flags.has(name) || heads.length < 2) current = undefined;
    } else if (heads.length < 2) {
      heads.push(word);
    } else if (current) {
      current.push(word);
      if (style.single) current = undefined;
    } else {
      positionals.push(word);
    }
  }
  const [service, operation] = heads;
  return {
    ...(service ? { service } : {}),
    ...(operation ? { operation } : {}),
    positionals,
    options,
    globals,
  };
}

/** The first value of an option, when it has one. */
export function optionValue(call: AwsInvocation, name: string): ShellWord | undefined {
  return call.options.get(name)?.[0];
}

/** Whether a flag (or an option) is given. */
export function hasOption(call: AwsInvocation, name: string): boolean {
  return call.options.has(name);
}
