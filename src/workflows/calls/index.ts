/**
 * The AWS permissions a step needs, inferred from what can be read: the `aws` commands of its `run:` script, its
 * `docker push`/`pull` to ECR, and the well-known actions it uses. Each line carries the workflow file and line it
 * came from and the documentation of its mapping; every call that cannot be read (a deploy tool, a script file, an
 * `aws` command whose operation is an expression, an action that looks like it deploys) is reported as not inferred,
 * asking for its lines. Steps that do not touch AWS yield nothing. Pure; bounded by {@link CallLimits}.
 * docs/inferred-calls.md is the user's page.
 */
import type { Catalog } from '../../catalog/index.js';
import { AWS_LOOKING, actionNamed, awsSignal, KNOWN_ACTIONS, pushedTags } from './actions.js';
import { awsCommandNeeds, optionStyleFor } from './aws-command.js';
import { type AwsInvocation, type Program, programOf, readAws, serviceWord, variableFor } from './cli.js';
import {
  type CallContext,
  type CallLimits,
  type CallPosition,
  type CallStep,
  type CallValue,
  DEFAULT_CALL_LIMITS,
  type InferredPermission,
  type NotInferred,
  type NotInferredKind,
  type StepCalls,
} from './model.js';
import { bound, type Known, type LookupCache, type Need, type NeedOrigin, REASON_CAP, realize } from './need.js';
import { isQuietTool, runnerOf } from './runners.js';
import { CLI_SERVICE_PREFIXES, LOCAL_SERVICES } from './services.js';
import { readShell, type ShellCommand, type ShellWord, withExpansions } from './shell.js';
import { dockerCalls, mayCallAws, opaqueReason, unreadImages } from './tools.js';
import { plainAwsLines, unreadShellRuns } from './unread-shell.js';
import { AWS_CLI_IMAGE, HOLE, type Wrapped, wrappedCommands } from './wrappers.js';

export { type MergedPermission, mergeWithDeclared } from './merge.js';
export type * from './model.js';
export { DEFAULT_CALL_LIMITS } from './model.js';

/** Shells whose scripts are read as POSIX shell (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#jobsjob_idstepsshell). */
const POSIX_SHELLS = /^(?:\S*\/)?(?:bash|sh|dash|zsh|ksh)\b/;

/** Collects results up to the bound. */
class Results {
  readonly permissions: InferredPermission[] = [];
  readonly notInferred: NotInferred[] = [];
  private readonly seen = new Set<string>();
  constructor(private readonly cap: number) {}
  get full(): boolean {
    return this.permissions.length + this.notInferred.length >= this.cap;
  }
  add(item: InferredPermission | NotInferred): void {
    if (this.full) return;
    if (!('inferred' in item)) {
      this.notInferred.push(item);
      return;
    }
    const key = `${item.position.line} ${item.line} ${JSON.stringify(item.permission.context)}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.permissions.push(item);
  }
  miss(kind: NotInferredKind, position: CallPosition, what: string, reason: string): void {
    this.add({ kind, position, what: bound(what), reason: bound(reason, REASON_CAP) });
  }
}

/** What the steps of one job read so far tell the steps after them. */
interface JobState {
  /** A login to Amazon ECR ran (`aws-actions/amazon-ecr-login`, `aws ecr get-login-password`): pushes may go there. */
  ecrLogin: boolean;
}

/** Infers the permissions of one step. */
export function inferStepCalls(
  step: CallStep,
  catalog: Catalog,
  context: CallContext = {},
  limits: CallLimits = DEFAULT_CALL_LIMITS,
): StepCalls {
  return inferOne(step, catalog, context, limits, { ecrLogin: false });
}

function inferOne(
  step: CallStep,
  catalog: Catalog,
  context: CallContext,
  limits: CallLimits,
  state: JobState,
): StepCalls {
  const results = new Results(limits.results);
  const env = stepEnv(step, context);
  const region = regionOf(step, context);
  const base: Base = {
    catalog,
    lookups: new Map(),
    results,
    region,
    context,
    state,
    env,
    limits,
    budget: { commands: limits.commands },
  };
  if (step.uses?.kind === 'known' && typeof step.uses.value === 'string') {
    usesNeeds(step, step.uses.value, step.uses.position, base, limits);
  }
  if (step.run !== undefined) runNeeds(step.run, env, base, limits);
  return { permissions: results.permissions, notInferred: results.notInferred };
}

/**
 * Infers the permissions of several steps (a job's, from its credentials step on: the caller chooses), in order,
 * within one bound on results for them all. What an earlier step did (an ECR login) is known to the later ones.
 */
export function inferStepsCalls(
  steps: readonly CallStep[],
  catalog: Catalog,
  context: CallContext = {},
  limits: CallLimits = DEFAULT_CALL_LIMITS,
): StepCalls {
  const permissions: InferredPermission[] = [];
  const notInferred: NotInferred[] = [];
  const state: JobState = { ecrLogin: false };
  for (const step of steps) {
    const left = limits.results - permissions.length - notInferred.length;
    if (left <= 0) break;
    const calls = inferOne(step, catalog, context, { ...limits, results: left }, state);
    permissions.push(...calls.permissions);
    notInferred.push(...calls.notInferred);
  }
  return { permissions, notInferred };
}

interface Base {
  readonly catalog: Catalog;
  readonly lookups: LookupCache;
  readonly results: Results;
  readonly region: Known | undefined;
  readonly context: CallContext;
  readonly state: JobState;
  /** The variables the step's script sees as literals (stepEnv). */
  readonly env: ReadonlyMap<string, string>;
  readonly limits: CallLimits;
  /** Commands still to be read in the step: the script's bound covers the command strings its commands run too. */
  readonly budget: { commands: number };
}

/**
 * The variables a script sees as literals: the workflow's, job's and step's `env:` (step over job over workflow,
 * https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#env), as the model evaluated
 * them for the instance (`CallStep.environment`), else the context's and the step's own. The credentials step
 * exports its region as `AWS_REGION` and `AWS_DEFAULT_REGION` (https://github.com/aws-actions/configure-aws-credentials#region);
 * where the job's or workflow's `env:` gives another, which one the script sees is not taken for known.
 */
function stepEnv(step: CallStep, context: CallContext): Map<string, string> {
  const env = new Map(Object.entries(step.environment ?? context.env ?? {}));
  if (context.region) {
    for (const name of ['AWS_REGION', 'AWS_DEFAULT_REGION']) {
      const written = env.get(name);
      if (written === undefined) env.set(name, context.region);
      else if (written !== context.region) env.delete(name);
    }
  }
  for (const [name, value] of Object.entries(step.env ?? {})) {
    if (value.kind === 'known' && value.value !== null) env.set(name, String(value.value));
    else env.delete(name);
  }
  return env;
}

/**
 * The step's region: its own `AWS_REGION`, then `AWS_DEFAULT_REGION`
 * (https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-envvars.html), then the job's region (the
 * credentials step exports `AWS_REGION` for the steps after it, over the job's and workflow's `env:`), then theirs.
 */
function regionOf(step: CallStep, context: CallContext): Known | undefined {
  for (const name of ['AWS_REGION', 'AWS_DEFAULT_REGION']) {
    const value = step.env?.[name];
    if (value?.kind === 'unknown') return { value: '*', unknown: `${name} is ${value.expression}` };
    if (value?.kind === 'known' && value.value) return { value: String(value.value) };
  }
  if (context.region) return { value: context.region };
  const env = step.environment ?? context.env;
  const inherited = env?.AWS_REGION ?? env?.AWS_DEFAULT_REGION;
  return inherited ? { value: inherited } : undefined;
}

function usesNeeds(step: CallStep, uses: string, position: CallPosition, base: Base, limits: CallLimits): void {
  const entrypoint = dockerEntrypoint(uses, withKnownEnv(step.with.entrypoint, base.env));
  if (entrypoint !== undefined) {
    // An expression stays in the text, where the reader marks it unknown.
    const args = withKnownEnv(step.with.args, base.env);
    const text = args === undefined ? '' : args.kind === 'known' ? String(args.value ?? '') : args.expression;
    const script = `${entrypoint} ${text}`;
    const env = new Map<string, string>();
    for (const command of readShell(script, env, limits).commands) commandNeeds(command, position, base);
    return;
  }
  const name = uses.split('@')[0]?.toLowerCase() ?? '';
  const known = KNOWN_ACTIONS[name];
  const origin = originOf(base, position, name, base.region, []);
  if (known !== undefined) {
    const scope = {
      step,
      taskDefinitions: base.context.taskDefinitions,
      rendered: base.context.rendered ?? new Map(),
      changed: base.context.changedFiles ?? new Map(),
      miss: (reason: string) => base.results.miss('unknown-action', position, uses, reason),
    };
    for (const need of known(step.with, scope))
      for (const item of realize(base.catalog, need, origin, base.lookups)) base.results.add(item);
    if (name === 'aws-actions/amazon-ecr-login') base.state.ecrLogin = true;
    if (name === 'docker/build-push-action') {
      unreadRegistries(unreadImages(pushedTags(step.with), 'push'), position, uses, base);
    }
  } else if (uses.startsWith('./')) {
    // A local composite action is replaced by its steps in the model (src/workflows/steps.ts), which are read here;
    // a local action left as a step runs code of its own (JavaScript or a container) with the job's credentials, or
    // could not be read at all.
    const reason =
      step.unexpanded === 'cycle'
        ? `the composite action ${uses} uses itself on the way, so its steps past that point are not read; declare the permission lines they need`
        : step.unexpanded === 'too-deep'
          ? `the composite action ${uses} nests deeper than the preflight reads, so its steps are not read; declare the permission lines they need`
          : step.unexpanded === 'not-read'
            ? `the local action ${uses} is not read (the job is unverified by name), so its calls are not known; declare the permission lines it needs`
            : `the local action ${uses} runs its own code (not steps of a composite action, which are read) with the job's AWS credentials, and the preflight does not read that code; declare the permission lines it needs`;
    base.results.miss('unknown-action', position, uses, reason);
  } else if (actionNamed(name, AWS_LOOKING)) {
    const reason = `the action ${name} may call AWS, and the preflight does not know which calls; declare the permission lines it needs`;
    base.results.miss('unknown-action', position, uses, reason);
  } else {
    // Every step after the credentials step runs with them in its environment
    // (https://github.com/aws-actions/configure-aws-credentials#credential-lifetime): an action given AWS names or
    // values in its own `with:` or `env:` (`AWS_S3_BUCKET`, `s3://…`, an ARN) is taken to call AWS.
    const signal = awsSignal(step.with, step.env ?? {});
    if (signal === undefined) return;
    const reason = `the action ${name} runs with the job's AWS credentials and is given ${signal}, so it may call AWS, and the preflight does not know which calls; declare the permission lines it needs`;
    base.results.miss('unknown-action', position, uses, reason);
  }
}

/**
 * A `with:` value not known as a whole (`--function-name ${{ env.LAMBDA_NAME }} --image-uri ${{ env.IMAGE }}`, one
 * part of which is known only when the step runs) with each `${{ env.NAME }}` whose variable the step sees as a
 * literal written out, as the runner evaluates each expression of a value before the step runs
 * (https://docs.github.com/en/actions/reference/workflows-and-actions/contexts#env-context); the others stay as
 * written, unknown to the reader.
 */
function withKnownEnv(value: CallValue | undefined, env: ReadonlyMap<string, string>): CallValue | undefined {
  if (value?.kind !== 'unknown') return value;
  const expression = value.expression.replace(
    /\$\{\{\s*env(?:\.([A-Za-z_][A-Za-z0-9_-]*)|\[\s*'([^']+)'\s*\])\s*\}\}/g,
    (whole, dotted: string | undefined, indexed: string | undefined) => {
      const known = env.get(dotted ?? indexed ?? '');
      return known === undefined || known.includes('\n') || known.includes('${{') ? whole : known;
    },
  );
  return expression === value.expression ? value : { ...value, expression };
}

/**
 * The program a `docker://` step runs with its `args`, as shell text: its `entrypoint` input, one executable
 * (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#jobsjob_idstepswithentrypoint),
 * else `aws` for the AWS CLI's images, whose entrypoint it is
 * (https://docs.aws.amazon.com/cli/latest/userguide/getting-started-docker.html); undefined when neither is known.
 */
function dockerEntrypoint(uses: string, entrypoint: CallValue | undefined): string | undefined {
  if (!uses.startsWith('docker://')) return undefined;
  const given =
    entrypoint === undefined ? '' : entrypoint.kind === 'known' ? String(entrypoint.value ?? '') : undefined;
  if (given === undefined) return (entrypoint as { expression: string }).expression;
  if (given.trim() !== '') return `'${given.trim().replace(/'/g, `'\\''`)}'`;
  return AWS_CLI_IMAGE.test(uses.slice('docker://'.length)) ? 'aws' : undefined;
}

/**
 * After a login to ECR, a pushed image whose registry cannot be read may be ECR's: asked about, never passed over
 * (pushing to ECR needs its push actions, https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-push-iam.html).
 */
function unreadRegistries(images: readonly ShellWord[], position: CallPosition, what: string, base: Base): void {
  if (!base.state.ecrLogin) return;
  for (const image of images) {
    const named = image.dynamic.length > 0 ? image.dynamic.join(' ') : image.value;
    const reason = `the image's registry is ${named}, known only when the step runs, after a login to Amazon ECR: if it is an ECR repository, the push needs ECR's push actions on it; declare the permission lines it needs`;
    base.results.miss('unread-image', position, what, reason);
  }
}

function originOf(
  base: Base,
  position: CallPosition,
  via: string,
  region: Known | undefined,
  notes: string[],
): NeedOrigin {
  return {
    position,
    via: bound(via),
    region,
    account: base.context.account,
    partition: base.context.partition ?? 'aws',
    notes,
  };
}

function runNeeds(
  run: NonNullable<CallStep['run']>,
  env: ReadonlyMap<string, string>,
  base: Base,
  limits: CallLimits,
): void {
  const shell = run.shell?.trim() ?? 'bash';
  if (!POSIX_SHELLS.test(shell)) {
    const script = (run.evaluated ?? run.script).slice(0, limits.scriptChars);
    const at = (line: number) => ({ file: run.position.file, line: run.line + line, column: 1 });
    foreignNeeds(script, shell, at, run.position, `shell: ${shell}`, env, base);
    return;
  }
  const reading = readShell(run.evaluated ?? run.script, env, limits);
  base.budget.commands = Math.max(0, limits.commands - reading.commands.length);
  for (const command of reading.commands) {
    if (base.results.full) break;
    const position = { file: run.position.file, line: run.line + command.line, column: 1 };
    commandNeeds(command, position, base);
  }
  if (reading.truncated !== undefined) {
    const reason = `the preflight read the script up to its bound and not ${reading.truncated}; declare the permission lines of any AWS call there`;
    base.results.miss('too-large', run.position, 'run:', reason);
  }
}

/**
 * A script in a shell the preflight does not read as POSIX shell (a step's `shell: pwsh`, `pwsh -Command …`,
 * `fish -c …`): its lines that are a plain `aws` command are read as in bash (unread-shell.ts), at `at(line)`; the
 * rest is asked about at `position`.
 */
function foreignNeeds(
  script: string,
  shell: string,
  at: (line: number) => CallPosition,
  position: CallPosition,
  what: string,
  env: ReadonlyMap<string, string>,
  base: Base,
): void {
  const plain = plainAwsLines(script, shell);
  for (const { text, line } of plain.lines) {
    for (const command of readShell(text, env, base.limits).commands) commandNeeds(command, at(line), base);
  }
  if (mayCallAws(plain.rest)) {
    const reason = `the script runs in ${bound(shell)}, which the preflight does not read; declare the permission lines its AWS calls need`;
    base.results.miss('unread-shell', position, what, reason);
    return;
  }
  // Code it runs without naming AWS (a script file, a runner) runs with the job's credentials all the same.
  const runs = unreadShellRuns(plain.rest);
  if (runs !== undefined) {
    const reason = `the script runs in ${bound(shell)}, which the preflight does not read, and ${runs.reason}; if it calls AWS, declare the permission lines it needs`;
    base.results.miss(runs.kind, position, runs.what, reason);
  }
}

/** Runners within runners read (`npx -y pnpm exec cdk`), past which the command is reported. */
const RUNNER_DEPTH = 4;

/**
 * A command, read through the package and task runners that run it (runners.ts): the program a runner runs is read
 * as that program (`npx cdk deploy` is the CDK, `poetry run aws s3 ls` an `aws` call); code a runner runs that the
 * preflight does not read (`npm run deploy`, `make release`, a package's binary) is reported, like a script file.
 */
function commandNeeds(command: ShellCommand, position: CallPosition, base: Base, depth = 0): void {
  let program = programOf(command);
  if (program === undefined) return;
  const what = command.words.map(written).join(' ');
  if (isPattern(program.word)) {
    const reason = `the program is the pattern ${program.word.value}, which the shell expands to the runner's files when the step runs; if it calls AWS, declare the permission lines it needs`;
    base.results.miss('dynamic-command', position, what, reason);
    return;
  }
  let runner: string | undefined;
  for (let depth = 0; program.word.dynamic.length === 0; depth++) {
    const reading = runnerOf(program);
    if (reading === undefined) break;
    if (reading.kind === 'code' || depth === RUNNER_DEPTH) {
      const reason =
        reading.kind === 'code'
          ? reading.reason
          : `runs runners within runners past what the preflight reads; if it calls AWS, declare the permission lines it needs`;
      base.results.miss('runner', position, what, reason);
      return;
    }
    program = reading.program;
    runner = reading.runner;
  }
  const wrapped = program.word.dynamic.length === 0 ? wrappedCommands(program) : undefined;
  if (wrapped !== undefined) wrappedNeeds(wrapped, command, position, what, base, depth);
  else programNeeds(program, command, position, what, runner, base);
}

/**
 * A word as the script wrote it, for the subject of a result: each expansion's `*` shown as the expansion
 * (`eval "$(pyenv init -)"` runs `$(pyenv init -)`, not `*`). Texts are bounded where the result is made.
 */
function written(word: ShellWord): string {
  if (word.dynamic.length === 0) return word.value;
  const text = withExpansions(word, (index) => word.dynamic[index] as string);
  if (text !== undefined) return text;
  return word.value === '*' && word.dynamic.length === 1 ? (word.dynamic[0] as string) : word.value;
}

/**
 * Whether a program's name is a pattern the shell expands against the runner's files (`/usr/local/bin/aw?`): `*`, `?`
 * or a bracket expression (https://www.gnu.org/software/bash/manual/bash.html#Pattern-Matching); `[` and `[[` are the
 * test commands.
 */
function isPattern(word: ShellWord): boolean {
  if (word.dynamic.length > 0 || word.value === '[' || word.value === '[[') return false;
  return /[*?]|\[[^\]]+\]/.test(word.value);
}

/**
 * The commands a wrapper runs (wrappers.ts: `bash -c STRING`, `find -exec`, `xargs`, `parallel`), each read as a
 * command at the wrapper's line. A command string is read as the shell it is given to reads it: that shell sees the
 * step's variables, and those the script set before (exported or not, which is not tracked) are unknown there.
 */
function wrappedNeeds(
  wrapped: readonly Wrapped[],
  command: ShellCommand,
  position: CallPosition,
  what: string,
  base: Base,
  depth: number,
): void {
  const declare = 'if it calls AWS, declare the permission lines it needs';
  if (depth >= base.limits.depth) {
    const reason = `runs commands within commands past what the preflight reads; ${declare}`;
    base.results.miss('too-large', position, what, reason);
    return;
  }
  for (const inner of wrapped) {
    if (inner.kind === 'unread') {
      base.results.miss(inner.file ? 'script-file' : 'dynamic-command', position, what, `${inner.reason}; ${declare}`);
    } else if (inner.kind === 'foreign') {
      // The outer shell expanded the string's unknown parts before the program read it: shown as written.
      const script = withExpansions(inner.script, (i) => inner.script.dynamic[i] ?? '*') ?? inner.script.value;
      foreignNeeds(
        script.slice(0, base.limits.scriptChars),
        inner.shell,
        () => position,
        position,
        what,
        new Map(),
        base,
      );
    } else if (inner.kind === 'words') {
      if (inner.words.length > 0) {
        commandNeeds({ words: inner.words, line: command.line, assigned: command.assigned }, position, base, depth + 1);
      }
    } else {
      const env = new Map([...base.env].filter(([name]) => !command.assigned.has(name)));
      const assigned = new Map(
        [...command.assigned.keys()].map((name): [string, ShellWord] => [
          name,
          { value: '*', dynamic: [`$${name}`], at: [0] },
        ]),
      );
      // `$0`, `$1`… of `bash -c STRING NAME ARGS…`: a literal is substituted, an unknown one stays what it is.
      (inner.positional ?? []).forEach((word, i) => {
        if (word.dynamic.length === 0) env.set(String(i), word.value);
        else assigned.set(String(i), word);
      });
      const limits = { ...base.limits, commands: base.budget.commands };
      const reading = readShell(inner.text, env, limits, assigned);
      base.budget.commands = Math.max(0, base.budget.commands - reading.commands.length);
      const commands = withHoles(reading.commands, inner.holes);
      if (commands === undefined) {
        const reason = `the command string it runs holds ${inner.holes.join(' ')}, known only when the step runs, where the preflight cannot tell how the shell reads it; ${declare}`;
        base.results.miss('dynamic-command', position, what, reason);
        continue;
      }
      for (const one of commands) {
        if (base.results.full) break;
        commandNeeds(one, position, base, depth + 1);
      }
      if (reading.truncated !== undefined) {
        const reason = `the preflight read the command string it runs up to the script's bound and not ${reading.truncated}; declare the permission lines of any AWS call there`;
        base.results.miss('too-large', position, what, reason);
      }
    }
  }
}

const HOLE_REFERENCE = new RegExp(`\\$\\{${HOLE}([0-9]+)\\}`, 'g');

/**
 * The commands of a command string with each hole (wrappers.ts) named as what it stands for; undefined when a hole
 * was read as literal text (inside single quotes of the string), which the preflight cannot place.
 */
function withHoles(commands: readonly ShellCommand[], holes: readonly string[]): ShellCommand[] | undefined {
  const name = (fragment: string) => fragment.replace(HOLE_REFERENCE, (_, i: string) => holes[Number(i)] ?? '?');
  const word = (w: ShellWord): ShellWord => ({ ...w, dynamic: w.dynamic.map(name) });
  if (commands.some((c) => c.words.some((w) => w.value.includes(HOLE)))) return undefined;
  // The commands a pipe or a here-document feeds are read through these objects too (cli.ts, stdinOf).
  const made = new Map<ShellCommand, ShellCommand>();
  const rename = (c: ShellCommand): ShellCommand => {
    const known = made.get(c);
    if (known !== undefined) return known;
    const piped = c.piped === undefined ? undefined : made.get(c.piped);
    const renamed: ShellCommand = {
      ...c,
      words: c.words.map(word),
      assigned: new Map([...c.assigned].map(([k, v]) => [k, word(v)])),
      ...(c.stdin !== undefined ? { stdin: word(c.stdin) } : {}),
      ...(piped !== undefined ? { piped } : {}),
    };
    made.set(c, renamed);
    return renamed;
  };
  return commands.map(rename);
}

function programNeeds(
  program: Program,
  command: ShellCommand,
  position: CallPosition,
  what: string,
  runner: string | undefined,
  base: Base,
): void {
  if (program.name === 'aws') {
    awsNeeds(program, command, position, what, base);
    return;
  }
  const docker = dockerCalls(program);
  if (docker.needs.length > 0 || docker.unread.length > 0) {
    const origin = originOf(base, position, `docker ${program.args[0]?.value ?? ''}`.trim(), base.region, []);
    for (const need of docker.needs)
      for (const item of realize(base.catalog, need, origin, base.lookups)) base.results.add(item);
    unreadRegistries(docker.unread, position, what, base);
    return;
  }
  if (program.word.dynamic.length > 0) {
    const reason = `the program is ${program.word.dynamic.join(' ')}, known only when the step runs; if it calls AWS, declare the permission lines it needs`;
    base.results.miss('dynamic-command', position, what, reason);
    return;
  }
  const opaque = opaqueReason(program);
  if (opaque !== undefined) base.results.miss(opaque.kind, position, what, opaque.reason);
  else if (runner !== undefined && !isQuietTool(program.name)) {
    const reason = `runs ${program.word.value} through ${runner}, code the preflight does not read; if it calls AWS, declare the permission lines it needs`;
    base.results.miss('runner', position, what, reason);
  } else {
    const given = awsInArguments(program, base.catalog);
    if (given === undefined) return;
    const reason = `may run the AWS CLI given in its arguments (\`aws ${given} …\`), in a form the preflight does not read; declare the permission lines it needs`;
    base.results.miss('dynamic-command', position, what, reason);
  }
}

/**
 * Shell builtins and POSIX utilities that never run their arguments as a command: they print, look up, test, move or
 * edit them (https://www.gnu.org/software/bash/manual/bash.html#Shell-Builtin-Commands,
 * https://pubs.opengroup.org/onlinepubs/9799919799/idx/utilities.html). `echo aws s3 sync …` prints the command.
 */
const NEVER_RUNS = new Set(
  'echo printf grep egrep fgrep rg which type whereis hash alias unalias complete compgen help man info whatis apropos ls cd pushd popd dirs pwd dirname basename realpath readlink file stat test [ [[ cat head tail less more wc sort uniq cut tr sed awk tee touch mkdir rmdir rm cp mv ln chmod chown chgrp install export declare local readonly typeset unset set shift read logger true false : exit return let expr jq yq diff cmp du df sleep kill wait printenv id whoami uname date'.split(
    ' ',
  ),
);

/**
 * The service of an `aws SERVICE …` a program the inference does not know is given as its arguments (`chroot /
 * aws s3 …`, `unshare -r aws …`, `ssh host aws …`, `retry -- aws …`): a word that is the AWS CLI (`aws`, or a path
 * ending in `/aws`), followed, past its global options, by a service name of the CLI in the bundled catalog. Such a
 * program may run it, and is asked about; undefined when none is given, or the program never runs its arguments.
 */
function awsInArguments(program: Program, catalog: Catalog): string | undefined {
  if (NEVER_RUNS.has(program.name) || program.name.startsWith('-')) return undefined;
  const args = program.args;
  for (let i = 0; i < args.length && i < 64; i++) {
    const value = args[i]?.value ?? '';
    if (value !== 'aws' && !value.endsWith('/aws')) continue;
    const service = serviceWord(args.slice(i + 1))?.value.toLowerCase();
    if (service === undefined || LOCAL_SERVICES.has(service)) continue;
    if (catalog.prefixes.has(CLI_SERVICE_PREFIXES[service] ?? service)) return service;
  }
  return undefined;
}

function awsNeeds(program: Program, command: ShellCommand, position: CallPosition, what: string, base: Base): void {
  const call = readAws(program.args, optionStyleFor(program.args));
  // An unsigned request is anonymous: no permission of the role is used
  // (https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-options.html, `--no-sign-request`).
  if (call.options.has('no-sign-request')) return;
  const needs = awsCommandNeeds(call);
  if (/^ecr(?:-public)?$/.test(call.service?.value ?? '') && /^get-login/.test(call.operation?.value ?? '')) {
    base.state.ecrLogin = true;
  }
  if (needs.kind !== 'needs') {
    const kind = needs.kind === 'dynamic' ? 'dynamic-command' : 'unmapped-command';
    base.results.miss(kind, position, what, `${needs.reason}; declare the permission lines it needs`);
    return;
  }
  const via = ['aws', call.service?.value, call.operation?.value].filter(Boolean).join(' ');
  const origin = originOf(
    base,
    position,
    via,
    commandRegion(program, command, call, base),
    notesOf(program, command, call),
  );
  for (const need of needs.needs as Need[])
    for (const item of realize(base.catalog, need, origin, base.lookups)) base.results.add(item);
}

/** `--region`, then `AWS_REGION`/`AWS_DEFAULT_REGION` set on the command or earlier in the script, then the step's. */
function commandRegion(program: Program, command: ShellCommand, call: AwsInvocation, base: Base): Known | undefined {
  const word =
    call.globals.get('region') ??
    variableFor(program, command, 'AWS_REGION') ??
    variableFor(program, command, 'AWS_DEFAULT_REGION');
  if (word === undefined) return base.region;
  return word.dynamic.length === 0 ? { value: word.value } : { value: word.value, unknown: word.dynamic.join(' ') };
}

/** `--profile` and `--endpoint-url` change whose permissions and which service the line is about. */
function notesOf(program: Program, command: ShellCommand, call: AwsInvocation): string[] {
  const notes: string[] = [];
  const profile = call.globals.get('profile') ?? variableFor(program, command, 'AWS_PROFILE');
  if (profile) notes.push(`runs with --profile ${bound(profile.value)}: the credentials may not be the job's role`);
  const endpoint = call.globals.get('endpoint-url');
  if (endpoint) notes.push(`runs against --endpoint-url ${bound(endpoint.value)}, which may not be AWS`);
  return notes;
}
