/**
 * What a script in a shell the preflight does not read as POSIX shell (`pwsh`, `powershell`, `python`, `cmd`) runs
 * that may call AWS without naming it: a script file, a runner's code, or code the script loads or builds when it
 * runs. The step runs with the job's AWS credentials in its environment
 * (https://github.com/aws-actions/configure-aws-credentials#credential-lifetime), so such code is asked about as the
 * same command is in a bash step (tools.ts `opaqueReason`, runners.ts `runnerOf`), never passed over. Each statement
 * is taken by its first words only: no quoting, variables or control flow of the shell are read.
 */
import type { Program } from './cli.js';
import { isQuietTool, runnerOf } from './runners.js';
import type { ShellWord } from './shell.js';
import { opaqueReason } from './tools.js';

/**
 * Code loaded or built at run time: PowerShell's `Invoke-Expression` (`iex`), `Import-Module`, `Start-Process`,
 * `Invoke-Command`, and the call operator `&` on an expression or a variable
 * (https://learn.microsoft.com/en-us/powershell/module/microsoft.powershell.core/about/about_operators#call-operator-);
 * Python's `runpy`, `importlib`, `__import__`, `exec`, `subprocess`, `os.system`/`os.popen`/`os.exec*`.
 */
const LOADS =
  /\b(?:Invoke-Expression|iex|Import-Module|Start-Process|Invoke-Command|subprocess)\b|\b(?:runpy|importlib)\.\w+|\b(?:__import__|exec|os\.system|os\.popen|os\.exec\w*)\s*\(|(?:^|[\s;(])&\s*[($]/i;
/** Prefixes that run the command after them: PowerShell's `&` and `.`, cmd's `call`, `start` and `cmd /c`. */
const RUNS_NEXT = /^(?:&|\.|call|start|cmd(?:\.exe)?\s+\/[ck])\s+/i;
/** Script files of the shells that are not POSIX shell (tools.ts has the others). */
const WINDOWS_SCRIPT = /\.(?:bat|cmd|psm1|ps1)$/i;
/** Statements read, and words of each: the bound on what is read of a script the preflight does not read. */
const STATEMENTS = 500;

/** A statement of such a script that may call AWS: its text, how it is reported, and why (a clause: "runs …"). */
export interface UnreadRun {
  readonly what: string;
  readonly kind: 'script-file' | 'opaque-tool' | 'runner' | 'unread-shell';
  readonly reason: string;
}

/** The first statement of the script that runs code that may call AWS; undefined when none does. */
export function unreadShellRuns(script: string): UnreadRun | undefined {
  const statements = script.split(/\r?\n|;|&&|\|\||\|/).slice(0, STATEMENTS);
  for (const statement of statements) {
    const loads = LOADS.exec(statement);
    if (loads !== null) {
      const how = loads[0].trim().startsWith('&') ? 'the call operator & on a value' : loads[0].replace(/\s*\($/, '');
      const reason = `loads or builds code when it runs (${how}), which the preflight does not read`;
      return { what: statement.trim(), kind: 'unread-shell', reason };
    }
    const program = programOf(statement);
    if (program === undefined) continue;
    const what = [program.word, ...program.args].map((w) => w.value).join(' ');
    const clause = (reason: string) => reason.replace(/; [^;]*$/, '');
    if (WINDOWS_SCRIPT.test(program.word.value)) {
      return {
        what,
        kind: 'script-file',
        reason: `runs the script ${program.word.value}, which the preflight does not read`,
      };
    }
    const opaque = opaqueReason(program);
    if (opaque !== undefined) return { what, kind: opaque.kind, reason: clause(opaque.reason) };
    const runner = runnerOf(program);
    if (runner?.kind === 'code') return { what, kind: 'runner', reason: clause(runner.reason) };
    if (runner?.kind === 'program' && !isQuietTool(runner.program.name)) {
      const reason = `runs ${runner.program.word.value} through ${runner.runner}, code the preflight does not read`;
      return { what, kind: 'runner', reason };
    }
  }
  return undefined;
}

function programOf(statement: string): Program | undefined {
  let text = statement.trim();
  for (let i = 0; i < 3 && RUNS_NEXT.test(text); i++) text = text.replace(RUNS_NEXT, '');
  const words = text
    .split(/\s+/)
    .filter((w) => w !== '')
    .slice(0, 32)
    .map((w): ShellWord => ({ value: w.replace(/^['"(]+|['")]+$/g, '').replace(/\\/g, '/'), dynamic: [] }));
  const [word, ...args] = words;
  if (word === undefined || word.value === '' || /^[$#@{}]/.test(word.value)) return undefined;
  const slash = word.value.lastIndexOf('/');
  return { name: word.value.slice(slash + 1), word, args, assignments: [] };
}

/**
 * PowerShell's and cmd's lines that are an `aws` command of plain words, which these shells pass to the AWS CLI as
 * bash does: no variable, expression, escape, pipe, redirection or continuation of these shells in them
 * (PowerShell: https://learn.microsoft.com/en-us/powershell/module/microsoft.powershell.core/about/about_parsing;
 * cmd: https://learn.microsoft.com/en-us/windows-server/administration/windows-commands/cmd). A comma is left out
 * (PowerShell makes an array of `a,b`), and so are quotes in cmd, which does not take `'` for one. A script with a
 * here-string (`@'…'@`, `@"…"@`), whose lines are text, has none. The other lines are the rest of the script.
 */
const PLAIN_AWS: Readonly<Record<'pwsh' | 'cmd', RegExp>> = {
  pwsh: /^aws(?:\s+(?:[A-Za-z0-9_./:=+-]+|'[^'$`,]*'|"[^"$`,]*"))+\s*$/,
  cmd: /^aws(?:\s+[A-Za-z0-9_./:=+-]+)+\s*$/,
};

/** The plain `aws` lines of a script (each with its 0-based line) and the script without them. */
export function plainAwsLines(
  script: string,
  shell: string,
): { readonly lines: readonly { readonly text: string; readonly line: number }[]; readonly rest: string } {
  const form = /^(?:\S*[/\\])?(?:pwsh|powershell)(?:\.exe)?\b/i.test(shell)
    ? 'pwsh'
    : /^(?:\S*[/\\])?cmd(?:\.exe)?\b/i.test(shell)
      ? 'cmd'
      : /^the default shell of /.test(shell)
        ? 'pwsh'
        : undefined;
  if (form === undefined || /@['"]/.test(script)) return { lines: [], rest: script };
  const all = script.split('\n');
  const lines: { text: string; line: number }[] = [];
  const rest: string[] = [];
  all.forEach((raw, i) => {
    const text = raw.replace(/\r$/, '').trim();
    const continued = i > 0 && /[`^]\s*$/.test(all[i - 1] ?? '');
    if (!continued && PLAIN_AWS[form].test(text)) lines.push({ text, line: i });
    else rest.push(raw);
  });
  return { lines, rest: rest.join('\n') };
}
