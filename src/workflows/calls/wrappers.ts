/**
 * Commands that run another command given to them: a shell given a command string (`bash -c "aws s3 rm …"`, `sh -c`),
 * `find … -exec CMD {} \;` (and `-execdir`, `-ok`, `-okdir`), `xargs CMD`, GNU `parallel CMD ::: …`, and the tools
 * that run a command with secrets in its environment (`doppler run -- CMD`). The inner command is read as a command;
 * what the wrapper fills in when it runs (find's `{}`, xargs's items, parallel's `{}`/`{.}`/`{/}`…) is an unknown part
 * of a word, never a literal. A command string that cannot be read is reported, never passed over.
 *
 * References: bash's `-c` (https://www.gnu.org/software/bash/manual/bash.html#Invoking-Bash), POSIX sh
 * (https://pubs.opengroup.org/onlinepubs/9799919799/utilities/sh.html), find's `-exec`
 * (https://pubs.opengroup.org/onlinepubs/9799919799/utilities/find.html), xargs
 * (https://pubs.opengroup.org/onlinepubs/9799919799/utilities/xargs.html and GNU's `-i`/`--replace`,
 * https://www.gnu.org/software/findutils/manual/html_node/find_html/xargs-options.html), GNU parallel's replacement
 * strings (https://www.gnu.org/software/parallel/parallel.html#options), `doppler run`
 * (https://docs.doppler.com/docs/cli), `op run` (https://developer.1password.com/docs/cli/reference/commands/run/),
 * `infisical run` (https://infisical.com/docs/cli/commands/run), `dotenvx run` (https://dotenvx.com/docs/),
 * `aws-vault exec` (https://github.com/99designs/aws-vault/blob/master/USAGE.md).
 *
 * Pure and total; the words it makes stay within the bounds of the words it was given.
 */
import { joinWords, outputOf, type Program, stdinOf } from './cli.js';
import { type ShellWord, slicePart, withExpansions } from './shell.js';

/** What a wrapper runs: a command given as words, or a command string a shell reads. */
export type Wrapped =
  | { readonly kind: 'words'; readonly words: readonly ShellWord[] }
  | {
      readonly kind: 'script';
      /** The command string, each unknown part replaced by a variable named {@link HOLE} and its index. */
      readonly text: string;
      /** What each hole stands for, by index. */
      readonly holes: readonly string[];
      /** `bash -c STRING NAME ARGS…`: the words the string sees as `$0`, `$1`… */
      readonly positional?: readonly ShellWord[];
    }
  | {
      /** A script in a shell the preflight does not read as POSIX shell (`fish -c`, `pwsh -Command`): unread-shell.ts. */
      readonly kind: 'foreign';
      readonly shell: string;
      readonly script: ShellWord;
    }
  | {
      readonly kind: 'unread';
      readonly reason: string;
      /** A script file it runs, which is reported as one (`bash -s < deploy.sh`); else a command not read. */
      readonly file?: true;
    };

/** The name of the variable that stands for an unknown part of a command string while it is read. */
export const HOLE = '__preflight_hole_';
const DYNAMIC_CAP = 8;

const SHELLS = new Set(['bash', 'sh', 'dash', 'zsh', 'ksh', 'mksh', 'ash', 'yash']);
/** Shell options that take a value (`-o pipefail`, `+o errexit`, bash's `-O extglob`, `--rcfile FILE`). */
const SHELL_VALUE_OPTIONS = new Set(['-o', '+o', '-O', '+O', '--rcfile', '--init-file']);
/** Tools that run the command after `--` with secrets or credentials in its environment. */
const RUN_AFTER_DASHES = new Set(['doppler', 'op', 'infisical', 'dotenvx', 'aws-vault', 'envchain', 'teller']);

/**
 * The commands a wrapper runs, or undefined when the program runs no command given to it. Several for a `find` with
 * several `-exec` clauses.
 */
export function wrappedCommands(program: Program): Wrapped[] | undefined {
  const name = program.name;
  if (SHELLS.has(name)) return shellString(program.args, stdinOf(program), program.stdinFile);
  if (name === 'busybox') {
    // `busybox APPLET ARGS…` runs the applet (https://busybox.net/downloads/BusyBox.html): its shells `sh`, `ash`
    // and `hush` read as a shell, with the command's input.
    const [applet, ...rest] = program.args;
    if (applet === undefined) return undefined;
    if (/^(?:sh|ash|hush)$/.test(applet.value)) return shellString(rest, stdinOf(program), program.stdinFile);
    return [asWords(program.args)];
  }
  if (name === 'fish') return fishCommand(program);
  if (name === 'pwsh' || name === 'powershell') return powershellCommand(program);
  if (name === 'trap') return trapAction(program.args);
  if (name === 'sg') return sgCommand(program.args);
  if (name === 'nix-shell') return nixShellCommand(program.args);
  if (name === 'at' || name === 'batch') return atJob(program);
  if (name === 'eval') {
    // eval joins its arguments with spaces and runs the result (https://www.gnu.org/software/bash/manual/bash.html#index-eval).
    if (program.args.length === 0 || program.args.every(agentSetup)) return [];
    return [scriptOf(joinWords(program.args, ' '), 'the string given to eval')];
  }
  if (name === 'source' || name === '.') {
    const file = program.args[0];
    return file?.process === undefined ? undefined : [scriptOf(outputOf(file.process), `the output ${name} runs`)];
  }
  if (DOCKER.has(name)) return dockerRun(program.args);
  if (name === 'find') return findExec(program.args);
  if (name === 'xargs') return [xargs(program.args)];
  if (name === 'parallel') return parallel(program.args, stdinOf(program));
  if (name === 'env') {
    // `env -S STRING`, which programOf (cli.ts) leaves here: the string is split into the command's words.
    const at = program.args.findIndex((w) => /^(?:-S|--split-string)$/.test(w.value));
    const string = at < 0 ? undefined : program.args[at + 1];
    if (string !== undefined) return [scriptOf(string, 'the string given to env -S')];
    return [{ kind: 'unread', reason: 'env -S runs a command given in a form the preflight does not read' }];
  }
  const runner = Object.hasOwn(COMMAND_RUNNERS, name) ? COMMAND_RUNNERS[name] : undefined;
  if (runner !== undefined) return commandRunner(program.args, runner, name);
  if (RUN_AFTER_DASHES.has(name)) {
    const dash = program.args.findIndex((w) => w.value === '--');
    return dash < 0 || dash === program.args.length - 1 ? undefined : [asWords(program.args.slice(dash + 1))];
  }
  return undefined;
}

/**
 * `trap [-lp] [[ACTION] SIGNAL…]`: the action is a command string the shell runs when a signal or `EXIT`, `ERR`,
 * `DEBUG`, `RETURN` comes (https://www.gnu.org/software/bash/manual/bash.html#index-trap); given with one word, or
 * `-` as the action, it resets, and runs nothing.
 */
function trapAction(args: readonly ShellWord[]): Wrapped[] {
  const rest = args[0]?.value === '--' ? args.slice(1) : args;
  const action = rest[0];
  if (action === undefined || rest.length < 2 || /^-/.test(action.value) || action.value === '') return [];
  return [scriptOf(action, 'the command string given to trap')];
}

/**
 * `sg [-] [GROUP [-c] COMMAND]`: the command, one string, runs through `/bin/sh -c`
 * (https://man7.org/linux/man-pages/man1/sg.1.html).
 */
function sgCommand(args: readonly ShellWord[]): Wrapped[] | undefined {
  let i = args[0]?.value === '-' ? 1 : 0;
  i++;
  if (args[i]?.value === '-c') i++;
  const command = args.slice(i);
  return command.length === 0 ? undefined : [scriptOf(joinWords(command, ' '), 'the command given to sg')];
}

/**
 * `nix-shell … --run CMD` or `--command CMD`: the command string runs in the shell it makes, bash
 * (https://nix.dev/manual/nix/stable/command-ref/nix-shell.html); the last given is taken.
 */
function nixShellCommand(args: readonly ShellWord[]): Wrapped[] | undefined {
  let string: ShellWord | undefined;
  let option = '';
  args.forEach((w, i) => {
    if ((w.value === '--run' || w.value === '--command') && args[i + 1] !== undefined) {
      string = args[i + 1];
      option = w.value;
    }
  });
  return string === undefined ? undefined : [scriptOf(string, `the command string given to nix-shell ${option}`)];
}

/**
 * `at [-m] [-q QUEUE] TIME` and `batch` read the job's commands from standard input, or from `-f FILE`, and the
 * shell runs them later (https://pubs.opengroup.org/onlinepubs/9799919799/utilities/at.html); `-l` and `-r` list and
 * remove jobs.
 */
function atJob(program: Program): Wrapped[] | undefined {
  const args = program.args;
  if (args.some((w) => /^-[A-Za-z]*[lrdc]/.test(w.value))) return undefined;
  const file = args.findIndex((w) => w.value === '-f');
  if (file >= 0) {
    const reason = `runs the script ${args[file + 1]?.value ?? ''} given to ${program.name} -f, which the preflight does not read`;
    return [{ kind: 'unread', reason, file: true }];
  }
  const stdin = stdinOf(program);
  return stdin === undefined ? [] : [scriptOf(stdin, `the commands given to ${program.name} on its standard input`)];
}

/**
 * `fish -c COMMANDS` (`--command=`), `-C`/`--init-command`, or fish reading its standard input when given no script
 * file (https://fishshell.com/docs/current/cmds/fish.html): fish's own language, which the preflight reads as a shell
 * it does not read (unread-shell.ts).
 */
function fishCommand(program: Program): Wrapped[] | undefined {
  const args = program.args;
  for (let i = 0; i < args.length; i++) {
    const value = args[i]?.value ?? '';
    const long = /^--(?:command|init-command)=/.exec(value);
    if (long !== null) return [foreign('fish', slicePart(args[i] as ShellWord, long[0].length))];
    if (/^(?:-[A-Za-z]*[cC]|--command|--init-command)$/.test(value)) {
      const string = args[i + 1];
      return string === undefined ? [] : [foreign('fish', string)];
    }
    if (!value.startsWith('-')) return undefined;
    if (/^(?:-[do]|--debug|--debug-output|-f|--features)$/.test(value)) i++;
  }
  const stdin = stdinOf(program);
  return stdin === undefined ? [] : [foreign('fish', stdin)];
}

/**
 * PowerShell's `-Command`/`-c` (any unambiguous prefix of `-Command`, case-insensitive): the rest of the words,
 * joined, are the command; `-` reads it from standard input
 * (https://learn.microsoft.com/en-us/powershell/module/microsoft.powershell.core/about/about_pwsh). A script file
 * (`-File`) is read as one (tools.ts).
 */
function powershellCommand(program: Program): Wrapped[] | undefined {
  const args = program.args;
  const encoded = args.find((w) => /^[-/](?:e|ec|en[a-z]*)$/i.test(w.value) && isPrefixOf(w.value, 'encodedcommand'));
  if (encoded !== undefined) {
    const reason = `runs the command given to ${program.name} ${encoded.value}, encoded in Base64, which the preflight does not read`;
    return [{ kind: 'unread', reason }];
  }
  const at = args.findIndex((w) => isPrefixOf(w.value, 'command') || /^[-/]c$/i.test(w.value));
  if (at < 0) return undefined;
  const rest = args.slice(at + 1);
  if (rest.length === 1 && rest[0]?.value === '-') {
    const stdin = stdinOf(program);
    return stdin === undefined ? [] : [foreign(program.name, stdin)];
  }
  return rest.length === 0 ? [] : [foreign(program.name, joinWords(rest, ' '))];
}

/** Whether a PowerShell parameter (`-com`, `/Command`) is an abbreviation of `name` (`e`/`ec` for EncodedCommand). */
function isPrefixOf(value: string, name: string): boolean {
  const given = value.slice(1).toLowerCase();
  if (!/^[-/]/.test(value) || given === '') return false;
  if (name === 'encodedcommand' && (given === 'e' || given === 'ec')) return true;
  return given.length >= 3 && name.startsWith(given);
}

function foreign(shell: string, script: ShellWord): Wrapped {
  return { kind: 'foreign', shell, script };
}

/** How a program that runs a command given in its arguments takes it. */
interface CommandRunner {
  /** Options that take a value as the next word (`-n 5`); a long one may also be attached (`--interval=5`). */
  readonly values: readonly string[];
  /** Words before the command that are not options (flock's lock file, taskset's mask, gosu's user). */
  readonly before: number;
  /** The option whose value is a command string a shell runs (`flock -c`, `su -c`, `script -c`). */
  readonly string?: readonly string[];
  /** Whether the command is given only as that string (su and script run no command given as words). */
  readonly stringOnly?: true;
  /** An option with which a `stringOnly` program runs the words after its options (`runuser -u USER -- CMD…`). */
  readonly wordsWith?: RegExp;
  /** An option with which it runs no command (`taskset -p PID`). */
  readonly noCommandWith?: RegExp;
  /**
   * The command's words are joined with spaces into a string a shell runs (`sh -c`), unless one of these options is
   * given: watch ("Pass command to exec(2) instead of sh -c", `-x`/`--exec`).
   */
  readonly joined?: readonly string[];
}

/**
 * Programs that run the command in their arguments: watch
 * (https://man7.org/linux/man-pages/man1/watch.1.html), flock (https://man7.org/linux/man-pages/man1/flock.1.html),
 * xvfb-run (https://manpages.debian.org/bookworm/xvfb/xvfb-run.1.en.html), taskset
 * (https://man7.org/linux/man-pages/man1/taskset.1.html), gosu (https://github.com/tianon/gosu#usage), su-exec
 * (https://github.com/ncopa/su-exec#usage), su and runuser with `-c`
 * (https://man7.org/linux/man-pages/man1/su.1.html, https://man7.org/linux/man-pages/man1/runuser.1.html), script
 * with `-c` (https://man7.org/linux/man-pages/man1/script.1.html).
 */
const COMMAND_RUNNERS: Readonly<Record<string, CommandRunner>> = {
  watch: { values: ['-n', '--interval', '-q', '--equexit'], before: 0, joined: ['-x', '--exec'] },
  flock: {
    values: ['-w', '--wait', '--timeout', '-E', '--conflict-exit-code'],
    before: 1,
    string: ['-c', '--command'],
  },
  'xvfb-run': {
    values: [
      '-n',
      '--server-num',
      '-s',
      '--server-args',
      '-f',
      '--auth-file',
      '-e',
      '--error-file',
      '-p',
      '--xauth-protocol',
      '-w',
      '--wait',
    ],
    before: 0,
  },
  taskset: { values: [], before: 1, noCommandWith: /^(?:-p|--pid)$/ },
  gosu: { values: [], before: 1 },
  'su-exec': { values: [], before: 1 },
  su: {
    values: ['-g', '--group', '-G', '--supp-group', '-s', '--shell', '-w', '--whitelist-environment'],
    before: 0,
    string: ['-c', '--command', '--session-command'],
    stringOnly: true,
  },
  runuser: {
    values: ['-u', '--user', '-g', '--group', '-G', '--supp-group', '-s', '--shell', '-w', '--whitelist-environment'],
    before: 0,
    string: ['-c', '--command', '--session-command'],
    stringOnly: true,
    wordsWith: /^(?:-u|--user(?:=.*)?)$/s,
  },
  script: {
    values: [
      '-E',
      '--echo',
      '-I',
      '--log-in',
      '-O',
      '--log-out',
      '-B',
      '--log-io',
      '-T',
      '--log-timing',
      '-m',
      '--logging-format',
      '-o',
      '--output-limit',
    ],
    before: 0,
    string: ['-c', '--command'],
    stringOnly: true,
  },
};

/**
 * The command a {@link CommandRunner} runs: the string of its command option, read as a script, else the words after
 * its options and the words it takes before the command; undefined when it runs none (`taskset -p PID`).
 */
function commandRunner(args: readonly ShellWord[], runner: CommandRunner, name: string): Wrapped[] | undefined {
  const optionGiven = (option: RegExp | undefined) => option !== undefined && args.some((w) => option.test(w.value));
  const stringOnly = runner.stringOnly === true && !optionGiven(runner.wordsWith);
  let i = 0;
  let before = runner.before;
  for (; i < args.length; i++) {
    const value = args[i]?.value ?? '';
    if (value === '--') {
      i++;
      break;
    }
    if (!value.startsWith('-') || value.length < 2) {
      // su, runuser and script take their options anywhere (`su - deploy -c …`), and flock its `-c` after the lock
      // file (`flock /tmp/lock -c …`): the words before the command are passed over, options still read.
      if (stringOnly) continue;
      if (before > 0) {
        before--;
        continue;
      }
      break;
    }
    if (value.startsWith('--')) {
      // A long option may have its value attached (`--command=…`).
      const option = value.replace(/=.*$/s, '');
      if (runner.string?.includes(option)) {
        const string = option !== value ? slicePart(args[i] as ShellWord, option.length + 1) : args[i + 1];
        return string === undefined ? [] : [scriptOf(string, `the command string given to ${name} ${option}`)];
      }
      if (option === value && runner.values.includes(value)) i++;
      continue;
    }
    // Short options as getopt reads them: clustered (`script -qc …`), the first that takes a value taking the rest
    // of the word (`su -c"…"`, `script -c"…"`, `watch -n5`) or, when none is left, the next word.
    for (let k = 1; k < value.length; k++) {
      const option = `-${value.charAt(k)}`;
      const isString = runner.string?.includes(option) === true;
      if (!isString && !runner.values.includes(option)) continue;
      const attached = k + 1 < value.length;
      if (isString) {
        const string = attached ? slicePart(args[i] as ShellWord, k + 1) : args[i + 1];
        return string === undefined ? [] : [scriptOf(string, `the command string given to ${name} ${option}`)];
      }
      if (!attached) i++;
      break;
    }
  }
  if (stringOnly) return undefined;
  const command = args.slice(i + before);
  if (command.length === 0 || optionGiven(runner.noCommandWith)) return undefined;
  const exec = args.slice(0, i).some((w) => runner.joined?.includes(w.value) || /^-[A-Za-z]*x[A-Za-z]*$/.test(w.value));
  if (runner.joined !== undefined && !exec) {
    return [scriptOf(joinWords(command, ' '), `the command ${name} runs through sh -c`)];
  }
  return [asWords(command)];
}

/**
 * `eval "$(ssh-agent -s)"`, the usual start of an SSH agent in a job: what eval runs is the agent's output, which is
 * documented as the shell commands that set its two variables and nothing else ("-s Generate Bourne shell commands on
 * stdout", "-c … C-shell commands": https://man.openbsd.org/ssh-agent), so it calls nothing. Any other output read
 * only at run time stays a command not read.
 */
function agentSetup(word: ShellWord): boolean {
  return (
    word.value === '*' &&
    word.dynamic.length === 1 &&
    /^(?:\$\(\s*ssh-agent(?:\s+-[a-zA-Z]+)*\s*\)|`\s*ssh-agent(?:\s+-[a-zA-Z]+)*\s*`)$/.test(word.dynamic[0] ?? '')
  );
}

/**
 * `bash [options] -c STRING [NAME [ARGS…]]`: the string, read as a script that sees NAME as `$0` and ARGS as `$1`…
 * (https://www.gnu.org/software/bash/manual/bash.html#Invoking-Bash, `-c`); a shell
 * given neither a string nor a script file, or given `-s` ("commands are read from the standard input", the
 * arguments after it being the positional parameters: same page, `-s`; POSIX sh's `-s` likewise:
 * https://pubs.opengroup.org/onlinepubs/9799919799/utilities/sh.html), reads its program from standard input: a
 * here-document, a here-string or the output piped into it is that script (`bash <<'EOF'`, `bash <<< "…"`,
 * `echo "…" | bash`), and a file redirected into it a script file not read (`bash -s < deploy.sh`); a script file
 * that is a process substitution, its output (`bash <(…)`).
 */
function shellString(
  args: readonly ShellWord[],
  stdin: ShellWord | undefined,
  stdinFile: ShellWord | undefined,
): Wrapped[] | undefined {
  let command = false;
  let fromStdinOption = false;
  let i = 0;
  for (; i < args.length; i++) {
    const value = args[i]?.value ?? '';
    if (value === '--' || value === '-') {
      i++;
      break;
    }
    if (!/^[-+]/.test(value) || value.length < 2) break;
    if (SHELL_VALUE_OPTIONS.has(value)) {
      i++;
      continue;
    }
    if (/^-[A-Za-z]*c[A-Za-z]*$/.test(value)) command = true;
    else if (/^-[A-Za-z]*s[A-Za-z]*$/.test(value)) fromStdinOption = true;
    // A cluster ending in `o` or `O` takes the next word as that option's value (`-eo pipefail`, `-euxo pipefail`):
    // bash reads its single-character options as the `set` builtin does
    // (https://www.gnu.org/software/bash/manual/bash.html#Invoking-Bash, https://www.gnu.org/software/bash/manual/bash.html#The-Set-Builtin).
    if (/^[-+][A-Za-z]*[oO]$/.test(value)) i++;
  }
  if (!command) {
    const file = args[i];
    if (!fromStdinOption && file?.process !== undefined) {
      return [scriptOf(outputOf(file.process), 'the output a shell runs')];
    }
    const fromStdin =
      fromStdinOption || i >= args.length || args.slice(i).every((w) => w.value === '-s' || w.value === '-');
    if (!fromStdin) return undefined;
    if (stdin !== undefined) return [scriptOf(stdin, 'the standard input given to a shell')];
    if (stdinFile !== undefined) {
      const reason = `runs the script ${withExpansions(stdinFile, (index) => stdinFile.dynamic[index] ?? '*') ?? stdinFile.value} given on its standard input, which the preflight does not read`;
      return [{ kind: 'unread', reason, file: true }];
    }
    // Nothing given on its standard input: the shell reads an empty program.
    return [];
  }
  const string = args[i];
  if (string === undefined) return [];
  const script = scriptOf(string, `the command string given to a shell's -c`);
  return [script.kind === 'script' ? { ...script, positional: args.slice(i + 1, i + 11) } : script];
}

/** A command string as a script: each unknown part of the word becomes a hole. */
function scriptOf(word: ShellWord, what: string): Wrapped {
  const text = withExpansions(word, (index) => `\${${HOLE}${index}}`);
  if (text === undefined) {
    return { kind: 'unread', reason: `${what} holds ${word.dynamic.join(' ')}, known only when the step runs` };
  }
  return { kind: 'script', text, holes: word.dynamic };
}

const DOCKER = new Set(['docker', 'podman', 'nerdctl', 'finch']);
/** `docker run` options that take a value (https://docs.docker.com/reference/cli/docker/container/run/#options). */
const DOCKER_RUN_VALUES = new Set(
  'a attach add-host annotation blkio-weight blkio-weight-device cap-add cap-drop cgroup-parent cgroupns cidfile cpu-period cpu-quota cpu-rt-period cpu-rt-runtime c cpu-shares cpus cpuset-cpus cpuset-mems detach-keys device device-cgroup-rule device-read-bps device-read-iops device-write-bps device-write-iops dns dns-option dns-search domainname entrypoint e env env-file expose gpus group-add health-cmd health-interval health-retries health-start-interval health-start-period health-timeout h hostname ip ip6 ipc isolation kernel-memory l label label-file link link-local-ip log-driver log-opt mac-address m memory memory-reservation memory-swap memory-swappiness mount name network net network-alias oom-score-adj pid pids-limit platform p publish pull restart runtime security-opt shm-size stop-signal stop-timeout storage-opt sysctl tmpfs ulimit u user userns uts v volume volume-driver volumes-from w workdir'.split(
    ' ',
  ),
);
/** The AWS CLI's images, whose entrypoint is `aws` (https://docs.aws.amazon.com/cli/latest/userguide/getting-started-docker.html). */
export const AWS_CLI_IMAGE = /^(?:docker\.io\/)?(?:amazon\/aws-cli|public\.ecr\.aws\/aws-cli\/aws-cli)(?:[:@]|$)/i;

/**
 * `docker run [options] IMAGE [ARGS…]`: the command the container runs, when it is known: the AWS CLI's image runs
 * `aws ARGS` (its entrypoint), `--entrypoint PROGRAM` runs `PROGRAM ARGS`, and a container given `aws …` as its
 * command runs that. The container runs with the credentials it is given (`-e AWS_ACCESS_KEY_ID`, a mounted
 * `~/.aws`), which are the job's.
 */
function dockerRun(args: readonly ShellWord[]): Wrapped[] | undefined {
  let i = args[0]?.value === 'container' ? 1 : 0;
  if (args[i]?.value !== 'run') return undefined;
  let entrypoint: ShellWord | undefined;
  for (i++; i < args.length; i++) {
    const value = args[i]?.value ?? '';
    if (value === '--') {
      i++;
      break;
    }
    if (!value.startsWith('-') || value.length < 2) break;
    const long = /^--([^=]+)(=?)/.exec(value);
    const name = long?.[1] ?? value.charAt(1);
    const attached = long ? long[2] === '=' : value.length > 2 && !/^-[itdPq]+$/.test(value);
    if (!DOCKER_RUN_VALUES.has(name)) continue;
    const given = attached ? slicePart(args[i] as ShellWord, long ? name.length + 3 : 2) : args[++i];
    if (name === 'entrypoint') entrypoint = given;
  }
  const image = args[i];
  if (image === undefined) return undefined;
  const command = args.slice(i + 1);
  if (entrypoint !== undefined && entrypoint.value !== '') return [asWords([entrypoint, ...command])];
  if (image.dynamic.length === 0 && AWS_CLI_IMAGE.test(image.value) && entrypoint === undefined) {
    return [asWords([{ value: 'aws', dynamic: [], at: [] }, ...command])];
  }
  const program = command[0]?.value ?? '';
  return program.slice(program.lastIndexOf('/') + 1) === 'aws' ? [asWords(command)] : undefined;
}

const FIND_EXEC = new Set(['-exec', '-execdir', '-ok', '-okdir']);
const FIND_PATH = '{} (each path find finds)';

/** `find … -exec CMD ARGS {} \;` or `… {} +`: CMD, with `{}` an unknown path. */
function findExec(args: readonly ShellWord[]): Wrapped[] | undefined {
  const out: Wrapped[] = [];
  for (let i = 0; i < args.length; i++) {
    if (!FIND_EXEC.has(args[i]?.value ?? '')) continue;
    const words: ShellWord[] = [];
    let j = i + 1;
    for (; j < args.length; j++) {
      const value = args[j]?.value ?? '';
      if (value === ';' || (value === '+' && args[j - 1]?.value === '{}')) break;
      words.push(fillHoles(args[j] as ShellWord, /\{\}/g, FIND_PATH));
    }
    if (words.length > 0) out.push(asWords(words));
    i = j;
  }
  return out.length > 0 ? out : undefined;
}

const XARGS_VALUE_OPTIONS = new Set(['-n', '-P', '-L', '-l', '-d', '-E', '-e', '-s', '-a', '-I']);
const XARGS_ITEMS = 'the items xargs reads';

/**
 * `xargs [options] CMD ARGS`: CMD with the items xargs reads appended, or put where `-I R` (`-i`, `--replace`) puts
 * them. With no command, xargs runs `echo`.
 */
function xargs(args: readonly ShellWord[]): Wrapped {
  let replace: string | undefined;
  let i = 0;
  for (; i < args.length; i++) {
    const value = args[i]?.value ?? '';
    if (value === '--') {
      i++;
      break;
    }
    if (!value.startsWith('-') || value.length < 2) break;
    if (value === '-I') replace = args[++i]?.value;
    else if (value.startsWith('-I')) replace = value.slice(2);
    else if (value === '-i' || value === '--replace') replace = '{}';
    else if (value.startsWith('-i')) replace = value.slice(2);
    else if (value.startsWith('--replace=')) replace = value.slice('--replace='.length);
    else if (XARGS_VALUE_OPTIONS.has(value)) i++;
  }
  const command = args.slice(i);
  if (command.length === 0) return asWords([]);
  if (replace !== undefined && replace !== '') {
    const token = new RegExp(escapeRegExp(replace), 'g');
    return asWords(command.map((w) => fillHoles(w, token, XARGS_ITEMS)));
  }
  return asWords([...command, unknownWord(XARGS_ITEMS)]);
}

const PARALLEL_VALUE_OPTIONS = new Set([
  '-j',
  '--jobs',
  '-P',
  '-n',
  '-N',
  '-L',
  '-l',
  '-S',
  '--sshlogin',
  '-a',
  '--arg-file',
  '--joblog',
  '--delay',
  '--timeout',
  '--retries',
  '-I',
  '--colsep',
  '-C',
  '-d',
  '--delimiter',
  '-E',
  '--tmpdir',
  '--results',
  '--halt',
  '--memfree',
  '--load',
  '--tag-string',
  '--workdir',
  '--wd',
]);
/** GNU parallel's replacement strings: `{}`, `{.}`, `{/}`, `{//}`, `{/.}`, `{#}`, `{%}`, `{1}`, `{2.}`, … */
const PARALLEL_HOLE = /\{(?:[0-9]*(?:\.|\/|\/\/|\/\.)?|#|%)\}/g;
const PARALLEL_ITEMS = 'the arguments parallel runs the command with';

/**
 * `parallel [options] CMD ::: ARGS`: parallel runs CMD through a shell, with its replacement strings filled in, or
 * the arguments appended when CMD has none. A command given as one string is read as a script.
 */
function parallel(args: readonly ShellWord[], stdin: ShellWord | undefined): Wrapped[] | undefined {
  let i = 0;
  for (; i < args.length; i++) {
    const value = args[i]?.value ?? '';
    if (value === '--') {
      i++;
      break;
    }
    if (!value.startsWith('-') || value.length < 2) break;
    if (!value.includes('=') && PARALLEL_VALUE_OPTIONS.has(value)) i++;
  }
  const end = args.findIndex((w, j) => j >= i && /^:::[:+]?$|^::::\+?$/.test(w.value));
  const command = args.slice(i, end < 0 ? args.length : end);
  if (command.length === 0) {
    // Given no command, parallel runs each input line (or each argument after `:::`) as a command
    // (https://www.gnu.org/software/parallel/parallel.html: "If command is not given the line of input is executed").
    if (end >= 0 && args[end]?.value.startsWith('::::')) {
      return [
        {
          kind: 'unread',
          reason: 'runs the commands in the files given to parallel ::::, which the preflight does not read',
          file: true,
        },
      ];
    }
    const given = args.slice(end + 1).filter((w) => !/^:::[:+]?$/.test(w.value));
    const lines = end < 0 ? stdin : joinWords(given, '\n');
    if (lines === undefined || lines.value === '') return undefined;
    return [scriptOf(lines, 'the commands parallel is given')];
  }
  const holed = command.some((w) => new RegExp(PARALLEL_HOLE.source).test(w.value));
  if (command.length === 1 && /\s/.test(command[0]?.value ?? '')) {
    const word = fillHoles(command[0] as ShellWord, PARALLEL_HOLE, PARALLEL_ITEMS);
    const string = holed ? word : appendUnknown(word, PARALLEL_ITEMS);
    return [scriptOf(string, 'the command parallel runs')];
  }
  if (!holed) return [asWords([...command, unknownWord(PARALLEL_ITEMS)])];
  return [asWords(command.map((w) => fillHoles(w, PARALLEL_HOLE, PARALLEL_ITEMS)))];
}

function asWords(words: readonly ShellWord[]): Wrapped {
  return { kind: 'words', words };
}

function unknownWord(label: string): ShellWord {
  return { value: '*', dynamic: [label], at: [0] };
}

/** A command string with one more word, unknown, at its end. */
function appendUnknown(word: ShellWord, label: string): ShellWord {
  const placed = word.at !== undefined && word.at.length === word.dynamic.length;
  if (!placed || word.dynamic.length >= DYNAMIC_CAP) {
    return { value: `${word.value} *`, dynamic: [...word.dynamic.slice(0, DYNAMIC_CAP - 1), label] };
  }
  return {
    value: `${word.value} *`,
    dynamic: [...word.dynamic, label],
    at: [...(word.at ?? []), word.value.length + 1],
  };
}

/**
 * The word with each match of `pattern` (global) replaced by `*`, an unknown part named `label`; the word's own
 * unknown parts keep their place (shell.ts, `ShellWord.at`).
 */
export function fillHoles(word: ShellWord, pattern: RegExp, label: string): ShellWord {
  const matches = [...word.value.matchAll(new RegExp(pattern.source, 'g'))].filter((m) => m[0].length > 0);
  if (matches.length === 0) return word;
  const placed = word.at !== undefined && word.at.length === word.dynamic.length;
  const parts = placed ? (word.at ?? []).map((position, i) => ({ position, fragment: word.dynamic[i] as string })) : [];
  let value = '';
  let last = 0;
  let shift = 0;
  const holes: { position: number; fragment: string }[] = [];
  const moved: { position: number; fragment: string }[] = [];
  for (const match of matches) {
    const index = match.index ?? 0;
    for (const part of parts) {
      if (part.position >= last && part.position < index) moved.push({ ...part, position: part.position + shift });
    }
    value += `${word.value.slice(last, index)}*`;
    holes.push({ position: value.length - 1, fragment: label });
    shift += 1 - match[0].length;
    last = index + match[0].length;
  }
  for (const part of parts) {
    if (part.position >= last) moved.push({ ...part, position: part.position + shift });
  }
  value += word.value.slice(last);
  const all = [...moved, ...holes].sort((a, b) => a.position - b.position);
  if (!placed || all.length > DYNAMIC_CAP) {
    const dynamic = [...new Set([...word.dynamic, label])].slice(0, DYNAMIC_CAP);
    return { value, dynamic };
  }
  return { value, dynamic: all.map((p) => p.fragment), at: all.map((p) => p.position) };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
