/**
 * Package and task runners: commands that run another program (`npx cdk deploy`, `poetry run aws …`), read as that
 * program, or code the repository defines or a package holds (`npm run deploy`, `make release`, `cargo run`), which
 * the preflight does not read, like a script file (tools.ts). With the job's AWS credentials in the environment
 * (https://github.com/aws-actions/configure-aws-credentials#credential-lifetime), such code may call AWS, so it is
 * reported, never passed over. A runner's commands that only install, list or publish packages are not: they run
 * no script of the repository's by name (npm's lifecycle scripts on install are not counted).
 *
 * The commands, from each tool's reference: npm (https://docs.npmjs.com/cli/v10/commands/npm-run-script,
 * npm-test, npm-start, npm-exec, npx), Yarn (https://classic.yarnpkg.com/en/docs/cli/run, https://yarnpkg.com/cli/run
 * "Run a script defined in the package.json … or a binary"), pnpm (https://pnpm.io/cli/run, /cli/exec, /cli/dlx:
 * "pnpm <cmd>" runs the script or the binary when `<cmd>` is not one of its commands), Bun
 * (https://bun.sh/docs/cli/run, /cli/bunx), Deno (https://docs.deno.com/runtime/reference/cli/), make, just
 * (https://just.systems/man/en/), Task (https://taskfile.dev/usage/), Poetry (https://python-poetry.org/docs/cli/#run),
 * uv (https://docs.astral.sh/uv/reference/cli/#uv-run), Pipenv, PDM, Hatch, Cargo
 * (https://doc.rust-lang.org/cargo/commands/cargo-run.html), Go (https://pkg.go.dev/cmd/go), .NET
 * (https://learn.microsoft.com/dotnet/core/tools/dotnet-run), Gradle and Maven (their builds run the project's
 * build scripts and plugins).
 */
import type { Program } from './cli.js';
import type { ShellWord } from './shell.js';
import { isOpaqueTool } from './tools.js';

/** What a runner's command runs: another program, read as that program, or code the preflight does not read. */
export type RunnerReading =
  | { readonly kind: 'program'; readonly program: Program; readonly runner: string }
  | { readonly kind: 'code'; readonly reason: string };

const DECLARE = 'if it calls AWS, declare the permission lines it needs';

/** Options of a runner that take a value, so that the word after them is not its command. */
const VALUE_OPTIONS: Readonly<Record<string, ReadonlySet<string>>> = {
  npm: new Set([
    '-w',
    '--workspace',
    '--prefix',
    '--loglevel',
    '--registry',
    '--userconfig',
    '--cache',
    '-p',
    '--package',
    '--script-shell',
    '-C',
  ]),
  npx: new Set(['-p', '--package', '--registry', '--cache', '--userconfig', '-w', '--workspace']),
  yarn: new Set(['--cwd', '--modules-folder', '--registry', '--cache-folder']),
  pnpm: new Set(['-C', '--dir', '--filter', '-F', '--workspace-dir', '--reporter', '--loglevel', '--package']),
  bun: new Set(['--cwd', '-c', '--config', '--filter', '--env-file', '-p', '--package']),
  uv: new Set([
    '--with',
    '--python',
    '-p',
    '--project',
    '--directory',
    '--package',
    '--group',
    '--extra',
    '--env-file',
    '--from',
    '--index',
    '--index-url',
    '-w',
  ]),
  poetry: new Set(['-C', '--directory', '-P', '--project']),
  pipx: new Set(['--spec', '--python', '--pip-args']),
  conda: new Set(['-n', '--name', '-p', '--prefix', '--cwd']),
};
const NO_VALUES: ReadonlySet<string> = new Set();

/** The words of a runner's command with its options and their values taken out; `--` ends the options. */
function positionals(words: readonly ShellWord[], withValue: ReadonlySet<string>): ShellWord[] {
  const out: ShellWord[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as ShellWord;
    if (word.value === '--') {
      out.push(...words.slice(i + 1));
      break;
    }
    if (word.value.startsWith('-') && word.value.length > 1) {
      if (!word.value.includes('=') && withValue.has(word.value)) i++;
    } else {
      out.push(word);
    }
  }
  return out;
}

/** The program a runner runs: its words from `index` of the runner's arguments on (options before it skipped). */
function programAt(words: readonly ShellWord[], runner: string, packageName = false): RunnerReading | undefined {
  const at = words.findIndex((w) => w.value === '--' || !w.value.startsWith('-'));
  const start = words[at]?.value === '--' ? at + 1 : at;
  const word = words[start];
  if (word === undefined || start < 0) return undefined;
  const slash = word.value.lastIndexOf('/');
  const base = packageName ? binOf(word.value) : word.value.slice(slash + 1);
  const program: Program = { name: base, word, args: words.slice(start + 1), assignments: [] };
  return { kind: 'program', program, runner };
}

/**
 * The binary a package runner runs for a package name: the name without its version (`aws-cdk@2`), the CDK's
 * package `aws-cdk` being its `cdk`; a scoped package (`@aws-amplify/backend-cli`) keeps its whole name, which names
 * no tool the preflight knows, so it is reported as a package whose code is not read.
 */
function binOf(name: string): string {
  const bare = name.replace(/(.)@[^@/]*$/, '$1');
  return bare === 'aws-cdk' ? 'cdk' : bare;
}

/** The words after a runner's options, up to the first that is not an option (its command), and that index. */
function commandOf(args: readonly ShellWord[], withValue: ReadonlySet<string>): { sub?: string; rest: ShellWord[] } {
  for (let i = 0; i < args.length; i++) {
    const word = args[i] as ShellWord;
    if (word.value.startsWith('-') && word.value.length > 1) {
      if (!word.value.includes('=') && withValue.has(word.value)) i++;
      continue;
    }
    return { sub: word.value, rest: [...args.slice(0, i), ...args.slice(i + 1)] };
  }
  return { rest: [...args] };
}

const script = (name: string, via: string): RunnerReading => ({
  kind: 'code',
  reason: `runs the package.json script "${name}" (${via}), which the preflight does not read; ${DECLARE}`,
});
const code = (what: string): RunnerReading => ({
  kind: 'code',
  reason: `runs ${what}, code the preflight does not read; ${DECLARE}`,
});

/** Only asks the tool about itself: `--version`, `--help`, `--list`. */
const INFO = /^(?:--version|-v|-V|--help|-h|--list|-l|--summary|--tasks)$/;

/** npm's commands that run a script of the package by name (`npm test` is `npm run test`). */
const NPM_SCRIPTS: Readonly<Record<string, string>> = {
  test: 'test',
  t: 'test',
  tst: 'test',
  start: 'start',
  stop: 'stop',
  restart: 'restart',
};
/** Yarn's and pnpm's own commands that run no script by name; any other command is a script or a binary. */
const YARN_OWN = new Set(
  'install i add remove upgrade up upgrade-interactive info why config cache init login logout publish pack version set plugin npm outdated audit list ls licenses link unlink global import generate-lock-entry autoclean check owner team tag policies dedupe constraints explain patch patch-commit stage unplug bin help import rebuild create'.split(
    ' ',
  ),
);
const PNPM_OWN = new Set(
  'install i add remove rm uninstall un update up upgrade list ls ll la outdated audit publish pack store fetch config c get set prune link ln unlink setup env why licenses init import rebuild rb deploy patch patch-commit patch-remove server root bin dedupe doctor cat-file cat-index find-hash self-update approve-builds ignored-builds help install-test it catalog create'.split(
    ' ',
  ),
);
const BUN_OWN = new Set(
  'install i add a remove rm update upgrade pm link unlink init create build publish outdated patch audit info help repl'.split(
    ' ',
  ),
);

/** How a runner's command runs code, or undefined when it is not a runner or runs no code of the project's. */
export function runnerOf(program: Program): RunnerReading | undefined {
  const name = program.name.replace(/\.(?:cmd|exe)$/i, '');
  const args = program.args;
  if (args.length > 0 && args.every((w) => INFO.test(w.value))) return undefined;
  switch (name) {
    case 'npx':
    case 'pnpx':
    case 'bunx':
      return packageProgram(args, name, VALUE_OPTIONS.npx ?? NO_VALUES);
    case 'uvx':
      return packageProgram(args, name, VALUE_OPTIONS.uv ?? NO_VALUES);
    case 'npm':
      return npm(args);
    case 'yarn':
      return yarnOrPnpm(args, 'yarn', YARN_OWN);
    case 'pnpm':
      return yarnOrPnpm(args, 'pnpm', PNPM_OWN);
    case 'bun':
      return bun(args);
    case 'deno':
      return deno(args);
    case 'make':
    case 'gmake':
      return code(`the Makefile's targets (${['make', ...targets(args)].join(' ')})`);
    case 'just':
      return code(`the justfile's recipes (${['just', ...targets(args)].join(' ')})`);
    case 'task':
      return code(`the Taskfile's tasks (${['task', ...targets(args)].join(' ')})`);
    case 'rake':
    case 'invoke':
    case 'inv':
      return code(`the project's tasks (${name})`);
    case 'gradle':
    case 'gradlew':
    case 'mvn':
    case 'mvnw':
      return code(`the ${name.startsWith('gradle') ? 'Gradle' : 'Maven'} build's tasks and plugins (${name})`);
    case 'nx':
    case 'turbo':
    case 'lerna':
    case 'npm-run-all':
    case 'run-s':
    case 'run-p':
      return code(`the package.json scripts or targets ${name} runs`);
    case 'poetry':
    case 'pipenv':
    case 'pdm':
    case 'hatch':
    case 'rye':
    case 'conda':
    case 'mise':
      return environmentRun(args, name);
    case 'uv':
      return uv(args, program);
    case 'pipx':
      return args[0]?.value === 'run'
        ? packageProgram(args.slice(1), 'pipx run', VALUE_OPTIONS.pipx ?? NO_VALUES)
        : undefined;
    case 'cargo':
    case 'go':
    case 'dotnet':
    case 'swift':
      return languageRun(args, name);
    case 'sbt':
    case 'mill':
    case 'lein':
    case 'ant':
      return code(`the build's tasks and plugins (${name})`);
    case 'bazel':
    case 'bazelisk':
      return ['run', 'test'].includes(commandOf(args, NO_VALUES).sub ?? '')
        ? code(`the project's ${commandOf(args, NO_VALUES).sub === 'test' ? 'tests' : 'program'} (${name})`)
        : undefined;
    case 'corepack':
      return corepack(args);
    case 'bundle':
      return commandOf(args, NO_VALUES).sub === 'exec'
        ? programAt(skipOptions(commandOf(args, NO_VALUES).rest, NO_VALUES), 'bundle exec')
        : undefined;
    default:
      if (/^python(?:[0-9.]*)$/.test(name)) return pythonModule(args);
      return testRunner(name, args);
  }
}

/**
 * Test runners run the project's code, its tests, with the job's credentials, whichever way they are started: `jest`,
 * `npx vitest`, `pytest`, `python -m pytest` as `npm test`, `go test` and `cargo test` are (Jest
 * https://jestjs.io/docs/cli, Vitest https://vitest.dev/guide/cli, pytest https://docs.pytest.org/en/stable/how-to/usage.html).
 */
const TEST_RUNNERS = new Set([
  'jest',
  'vitest',
  'mocha',
  'ava',
  'jasmine',
  'karma',
  'tap',
  'playwright',
  'cypress',
  'pytest',
  'py.test',
  'unittest',
  'nose2',
  'tox',
  'nox',
  'behave',
  'rspec',
  'phpunit',
  'cucumber-js',
]);

/**
 * Tools that check, compile, bundle or format the project's files without running its code: read as those tools
 * through a runner too (`npx tsc --noEmit`, `npx prettier --check .`, `python -m pip install`), so not reported, as
 * when they run directly. A configuration file of theirs may hold code (`eslint.config.js`); it is not counted, as
 * npm's lifecycle scripts are not (docs/inferred-calls.md).
 */
const QUIET_TOOLS = new Set([
  'tsc',
  'vue-tsc',
  'prettier',
  'eslint',
  'biome',
  '@biomejs/biome',
  'oxlint',
  'tslint',
  'stylelint',
  'markdownlint',
  'markdownlint-cli2',
  'dprint',
  'cspell',
  'commitlint',
  '@commitlint/cli',
  'esbuild',
  'swc',
  '@swc/cli',
  'sass',
  'tailwindcss',
  'svgo',
  'typedoc',
  'ruff',
  'black',
  'flake8',
  'mypy',
  'pylint',
  'isort',
  'pip',
  'pip3',
  'venv',
  'virtualenv',
  'ensurepip',
  'build',
  'wheel',
  'twine',
  'compileall',
  'py_compile',
  // Modules of Python's standard library run with `python -m` (https://docs.python.org/3/library/).
  'zipfile',
  'tarfile',
  'gzip',
  'json.tool',
  'http.server',
  'base64',
  'pydoc',
  'site',
  'timeit',
  'yamllint',
  'cfn-lint',
  'actionlint',
  'shellcheck',
  'hadolint',
  // A package manager a runner runs (`corepack pnpm install`) when its command runs no script (runnerOf said so).
  'npm',
  'pnpm',
  'yarn',
  'yarnpkg',
]);

/** A test runner's run (`npx playwright test`; `npx playwright install` installs browsers and runs no test). */
function testRunner(name: string, args: readonly ShellWord[]): RunnerReading | undefined {
  if (!TEST_RUNNERS.has(name)) return undefined;
  const only = TEST_COMMAND[name];
  if (only !== undefined && commandOf(args, NO_VALUES).sub !== only) return undefined;
  return code(`the project's tests (${name})`);
}

/** Test runners whose tests run only under one command of theirs. */
const TEST_COMMAND: Readonly<Record<string, string>> = { playwright: 'test', cypress: 'run' };

/**
 * Whether a program a runner runs only checks, compiles, bundles or formats files, or is a package manager's own
 * command (not reported).
 */
export function isQuietTool(name: string): boolean {
  // A test runner that gets here runs none of the tests (`npx playwright install`): runnerOf reported those.
  return QUIET_TOOLS.has(name) || TEST_RUNNERS.has(name);
}

/** `python -m MODULE …` runs the module as its program (https://docs.python.org/3/using/cmdline.html#cmdoption-m). */
function pythonModule(args: readonly ShellWord[]): RunnerReading | undefined {
  for (let i = 0; i < args.length; i++) {
    const value = args[i]?.value ?? '';
    if (!value.startsWith('-') || value === '-' || value === '-c') return undefined;
    if (value === '-m' || (value.startsWith('-m') && value.length > 2)) {
      const word = value === '-m' ? args[i + 1] : { value: value.slice(2), dynamic: [] };
      if (word === undefined) return undefined;
      // The AWS CLI's own package runs as `python -m awscli` (its `__main__.py`).
      const name = word.value === 'awscli' ? 'aws' : word.value;
      const rest = args.slice(value === '-m' ? i + 2 : i + 1);
      return { kind: 'program', program: { name, word, args: rest, assignments: [] }, runner: 'python -m' };
    }
    if (['-W', '-X', '--check-hash-based-pycs'].includes(value)) i++;
  }
  return undefined;
}

/** Corepack's commands of its own; any other first word is a package manager it runs (https://github.com/nodejs/corepack). */
const COREPACK_OWN = new Set(['enable', 'disable', 'prepare', 'install', 'pack', 'use', 'up', 'cache', 'help']);

/** `corepack pnpm deploy`, `corepack yarn@4 build`: the package manager, read as that runner. */
function corepack(args: readonly ShellWord[]): RunnerReading | undefined {
  const { sub } = commandOf(args, NO_VALUES);
  if (sub === undefined || COREPACK_OWN.has(sub)) return undefined;
  return programAt(args, 'corepack', true);
}

/** `npx PACKAGE …`, `bunx …`, `uvx …`, `npm exec …`: the package's binary, read as that program. */
function packageProgram(
  args: readonly ShellWord[],
  runner: string,
  withValue: ReadonlySet<string>,
): RunnerReading | undefined {
  const words = skipOptions(args, withValue);
  // Only the runner's own options stand before the package: after it, `-c` is the package's (`cdk deploy -c env=dev`
  // is the CDK's --context, https://docs.aws.amazon.com/cdk/v2/guide/ref-cli-cmd.html).
  const own = args.slice(0, args.length - words.length);
  if (own.some((w) => /^(?:-c|--call)(?:=|$)/.test(w.value))) return code(`a command given to ${runner} -c`);
  return programAt(words, runner, true);
}

function skipOptions(args: readonly ShellWord[], withValue: ReadonlySet<string>): ShellWord[] {
  let i = 0;
  // A lone `-` is an operand, standard input (POSIX Utility Syntax Guidelines, Guideline 13).
  while (
    i < args.length &&
    (args[i]?.value ?? '').startsWith('-') &&
    args[i]?.value !== '--' &&
    args[i]?.value !== '-'
  ) {
    const value = args[i]?.value ?? '';
    i += !value.includes('=') && withValue.has(value) ? 2 : 1;
  }
  return args.slice(i);
}

function npm(args: readonly ShellWord[]): RunnerReading | undefined {
  const withValue = VALUE_OPTIONS.npm ?? NO_VALUES;
  const { sub, rest } = commandOf(args, withValue);
  if (sub === undefined) return undefined;
  if (sub === 'exec' || sub === 'x') return packageProgram(rest, `npm ${sub}`, withValue);
  if (['run', 'run-script', 'rum', 'urn'].includes(sub)) {
    const name = positionals(rest, withValue)[0];
    return name === undefined ? undefined : script(name.value, `npm ${sub}`);
  }
  const named = NPM_SCRIPTS[sub];
  return named === undefined ? undefined : script(named, `npm ${sub}`);
}

function yarnOrPnpm(
  args: readonly ShellWord[],
  tool: 'yarn' | 'pnpm',
  own: ReadonlySet<string>,
): RunnerReading | undefined {
  const withValue = VALUE_OPTIONS[tool] ?? NO_VALUES;
  const { sub, rest } = commandOf(args, withValue);
  if (sub === undefined) return undefined;
  if (sub === 'run' || sub === 'run-script') {
    const name = positionals(rest, withValue)[0];
    return name === undefined ? undefined : script(name.value, `${tool} run`);
  }
  if (sub === 'exec' || sub === 'dlx' || sub === 'node') {
    const words =
      sub === 'node' ? [{ value: 'node', dynamic: [] }, ...skipOptions(rest, withValue)] : skipOptions(rest, withValue);
    return programAt(words, `${tool} ${sub}`, sub === 'dlx');
  }
  if (tool === 'yarn' && sub === 'workspace') {
    const [, ...command] = positionals(rest, withValue);
    return yarnOrPnpm(command, tool, own);
  }
  if (sub === 'workspaces' || sub === 'recursive' || sub === 'multi' || sub === 'm') {
    return code(`package.json scripts in every workspace (${tool} ${sub})`);
  }
  if (['test', 't', 'tst', 'start', 'stop', 'restart'].includes(sub))
    return script(NPM_SCRIPTS[sub] ?? sub, `${tool} ${sub}`);
  if (own.has(sub)) return undefined;
  if (isOpaqueTool(sub)) return programAt(args.slice(args.findIndex((w) => w.value === sub)), tool);
  return {
    kind: 'code',
    reason: `runs the package.json script or package binary "${sub}" (${tool} ${sub}), which the preflight does not read; ${DECLARE}`,
  };
}

function bun(args: readonly ShellWord[]): RunnerReading | undefined {
  const withValue = VALUE_OPTIONS.bun ?? NO_VALUES;
  const { sub, rest } = commandOf(args, withValue);
  if (sub === undefined || BUN_OWN.has(sub)) return undefined;
  if (sub === 'x') return packageProgram(rest, 'bun x', withValue);
  if (sub === 'test') return code("the project's tests (bun test)");
  if (sub === 'exec') return code('a command given to bun exec');
  const target = sub === 'run' ? positionals(rest, withValue)[0]?.value : sub;
  if (target === undefined) return undefined;
  return /[./]/.test(target)
    ? code(`the file ${target} (bun)`)
    : script(target, `bun ${sub === 'run' ? 'run' : target}`);
}

function deno(args: readonly ShellWord[]): RunnerReading | undefined {
  const { sub, rest } = commandOf(args, NO_VALUES);
  if (sub === 'task')
    return code(`the deno.json task ${positionals(rest, NO_VALUES)[0]?.value ?? ''} (deno task)`.replace('  ', ' '));
  if (sub === 'run' || sub === 'test' || sub === 'serve') {
    const file = positionals(rest, NO_VALUES)[0]?.value;
    return code(`${file === undefined ? "the project's code" : `the file ${file}`} (deno ${sub})`);
  }
  return undefined;
}

/** `poetry run CMD`, `pipenv run CMD`, `conda run -n ENV CMD`, `mise exec -- CMD`: CMD, read as that program. */
function environmentRun(args: readonly ShellWord[], tool: string): RunnerReading | undefined {
  const withValue = VALUE_OPTIONS[tool] ?? NO_VALUES;
  const { sub, rest } = commandOf(args, withValue);
  if (tool === 'mise') {
    if (sub === 'run' || sub === 'r')
      return code(`the mise task ${positionals(rest, NO_VALUES)[0]?.value ?? ''} (mise run)`);
    if (sub !== 'exec' && sub !== 'x') return undefined;
    const dash = rest.findIndex((w) => w.value === '--');
    return dash < 0 ? undefined : programAt(rest.slice(dash + 1), 'mise exec');
  }
  if (sub !== 'run') return undefined;
  return programAt(skipOptions(rest, withValue), `${tool} run`);
}

function uv(args: readonly ShellWord[], given: Program): RunnerReading | undefined {
  const withValue = VALUE_OPTIONS.uv ?? NO_VALUES;
  const { sub, rest } = commandOf(args, withValue);
  const target = sub === 'run' ? skipOptions(rest, withValue) : [];
  if (sub === 'run' && target[0]?.value === '-') {
    // `uv run -` reads a Python script from its standard input (https://docs.astral.sh/uv/reference/cli/#uv-run):
    // read as `python -` given the same input.
    const word: ShellWord = { value: 'python', dynamic: [], at: [] };
    const { stdin, stdinFile, piped } = given;
    const input = { ...(stdin ? { stdin } : {}), ...(stdinFile ? { stdinFile } : {}), ...(piped ? { piped } : {}) };
    return {
      kind: 'program',
      program: { name: 'python', word, args: target, assignments: [], ...input },
      runner: 'uv run',
    };
  }
  if (sub === 'run') return programAt(target, 'uv run');
  if (sub === 'tool' && rest[0]?.value === 'run') return packageProgram(rest.slice(1), 'uv tool run', withValue);
  return undefined;
}

/** `cargo run`, `go run`, `dotnet run` and their test commands build and run the project's own code. */
function languageRun(args: readonly ShellWord[], tool: string): RunnerReading | undefined {
  const { sub, rest } = commandOf(args, NO_VALUES);
  const runs =
    tool === 'go' ? ['run', 'test', 'generate'] : tool === 'cargo' ? ['run', 'test', 'bench'] : ['run', 'test'];
  if (sub === undefined || !runs.includes(sub)) return undefined;
  const target = tool === 'go' && sub === 'run' ? positionals(rest, NO_VALUES)[0]?.value : undefined;
  return code(
    `the project's ${sub === 'run' ? 'program' : sub === 'generate' ? 'generators' : sub === 'bench' ? 'benchmarks' : 'tests'}${target ? ` ${target}` : ''} (${tool} ${sub})`,
  );
}

const MAKE_VALUE_OPTIONS: ReadonlySet<string> = new Set([
  '-C',
  '-f',
  '--directory',
  '--file',
  '--makefile',
  '--taskfile',
  '--justfile',
  '--working-directory',
]);

/** A task runner's targets as written, for the message. */
function targets(args: readonly ShellWord[]): string[] {
  return positionals(args, MAKE_VALUE_OPTIONS)
    .filter((w) => !w.value.includes('='))
    .map((w) => w.value)
    .slice(0, 4);
}
