/**
 * A rough, bounded reading of a `run:` script (bash or sh) into simple commands, enough to find `aws ...` calls:
 * words with quotes removed, commands split at newlines, `;`, `&&`, `||`, `|`, `&` and parentheses, `\` line
 * continuations joined, comments skipped, a heredoc body kept as the standard input of its command (not read as
 * commands: whether it is code depends on the program, wrappers.ts and tools.ts), redirections dropped, and the commands inside `$(...)`
 * and backquotes read as commands of their own. A word that holds an expansion (`$X`, `${X}`, `$(...)`, a GitHub
 * expression `${{ }}`) keeps `*` in its place and names the expansion in `dynamic`, so a resource built from it is
 * the narrowest pattern the command allows. Variables the step's `env:` gives as literals are substituted, and so
 * are those the script assigns a literal (`BUCKET=site`, `export AWS_REGION=eu-west-1`) before the command.
 * Shell grammar: https://www.gnu.org/software/bash/manual/bash.html#Shell-Syntax ; expressions in `run:`:
 * https://docs.github.com/en/actions/reference/workflows-and-actions/expressions
 *
 * Pure and total: any string in, no throw, output bounded by {@link CallLimits}.
 */
import type { CallLimits } from './model.js';

/** One word of a command. */
export interface ShellWord {
  /** The word with quotes removed and each expansion replaced by `*`. */
  readonly value: string;
  /** The expansions it holds, as written (`$BUCKET`, `${{ secrets.X }}`), bounded. */
  readonly dynamic: readonly string[];
  /**
   * Where in `value` the `*` of each expansion of `dynamic` stands, in the same order, so that a part of the word
   * (an S3 path's bucket, an image's repository) names only the expansions that form it ({@link slicePart}). Absent
   * when not known (past the bound on expansions): then every part with a `*` is taken to hold every expansion.
   */
  readonly at?: readonly number[];
  /**
   * For a process substitution `<(…)`, the commands it runs at its own level (ShellCommand objects of the reading),
   * whose output the word names as a file: `source <(…)`, `bash <(…)`, `bash < <(…)`.
   */
  readonly process?: readonly ShellCommand[];
}

/**
 * A word's value with the `*` of each expansion replaced by `replace(i)` for its index in `dynamic`; undefined when
 * where they stand is not known (`at` absent, past the bound on expansions).
 */
export function withExpansions(word: ShellWord, replace: (index: number) => string): string | undefined {
  const at = word.at ?? [];
  if (at.length !== word.dynamic.length) return undefined;
  const order = at.map((position, index) => ({ position, index })).sort((a, b) => a.position - b.position);
  let text = '';
  let last = 0;
  for (const { position, index } of order) {
    text += `${word.value.slice(last, position)}${replace(index)}`;
    last = position + 1;
  }
  return text + word.value.slice(last);
}

/**
 * The part of a word from `start` to `end` (indices in its value), with the expansions whose `*` stands in it; for a
 * word whose `at` is not known, every expansion when the part has a `*`, none when it has not.
 */
export function slicePart(word: ShellWord, start: number, end = word.value.length): ShellWord {
  const value = word.value.slice(start, end);
  if (word.at === undefined || word.at.length !== word.dynamic.length) {
    return { value, dynamic: value.includes('*') ? word.dynamic : [] };
  }
  const dynamic: string[] = [];
  const at: number[] = [];
  word.at.forEach((position, i) => {
    if (position >= start && position < end) {
      dynamic.push(word.dynamic[i] as string);
      at.push(position - start);
    }
  });
  return { value, dynamic, at };
}

/** One simple command: its words and the 0-based script line its first word stands on. */
export interface ShellCommand {
  readonly words: readonly ShellWord[];
  readonly line: number;
  /** Variables the script assigned before the command (its value, with `*` and `dynamic` when not a literal). */
  readonly assigned: ReadonlyMap<string, ShellWord>;
  /**
   * A here-document the command reads on its standard input (the last, as the shell takes the last redirection), as a
   * word: its text, and when its delimiter is not quoted and it holds a `$` or a backquote, unknown (the shell expands
   * it before the program reads it: https://www.gnu.org/software/bash/manual/bash.html#Here-Documents).
   */
  readonly stdin?: ShellWord;
  /** The command whose output it reads on its standard input: the command before it in a pipeline (`A | B`). */
  readonly piped?: ShellCommand;
  /** The file it reads on its standard input (`< FILE`, `< <(…)`), when no here-document or here-string is given. */
  readonly stdinFile?: ShellWord;
}

export interface ShellReading {
  readonly commands: readonly ShellCommand[];
  /** Set when a bound cut the reading short: what was not read. */
  readonly truncated?: string;
}

interface Scan {
  readonly text: string;
  i: number;
  line: number;
  /** Variables known as literals: the step's, then the script's assignments (replaced, never changed in place). */
  env: ReadonlyMap<string, string>;
  assigned: ReadonlyMap<string, ShellWord>;
  readonly limits: CallLimits;
  readonly out: ShellCommand[];
  truncated?: string;
  words: ShellWord[];
  commandLine: number;
  /** The line the word being read started on. */
  wordLine: number;
  value: string;
  dynamic: string[];
  /** Where each expansion's `*` stands in `value`; `placed` is false once one could not be placed. */
  at: number[];
  /** The word is a process substitution: the commands of its level (ShellWord.process). */
  process?: readonly ShellCommand[] | undefined;
  placed: boolean;
  inWord: boolean;
  /** Heredoc delimiters waiting for the end of the line, with the index in `out` of the command that reads each. */
  heredocs: { delimiter: string; strip: boolean; quoted: boolean; line: number; command?: number }[];
  /** The next word is a redirection's target: dropped, or kept as the command's input (`<<<`, `<`). */
  dropNext: boolean | 'here-string' | 'stdin-file';
  /** The command's here-string or input file, once read (the last redirection of each kind). */
  hereString?: ShellWord | undefined;
  stdinFile?: ShellWord | undefined;
  /** The command before a `|`, whose output the next command reads. */
  pipeFrom?: ShellCommand | undefined;
  /** The commands this scan ended itself (not those of a `$(...)` inside): a process substitution's output. */
  readonly own: ShellCommand[];
  /** Aliases defined so far (`alias a=aws`), expanded in the first word of a command. */
  aliases: ReadonlyMap<string, ShellWord>;
  /** Characters of alias text read so far by the whole reading, bounded by `limits.scriptChars`. */
  readonly expanded: { chars: number };
  depth: number;
  /** Parentheses opened and not closed: a `)` past them ends a case pattern. */
  parens: number;
  /**
   * `s.out.length` when a subshell's `)` was last met with no command after it: a `|` right after pipes the
   * subshell's output (`( … ) | bash`).
   */
  subshellEnd?: { readonly at: number; readonly line: number } | undefined;
  /**
   * Inside `[[ … ]]` or `(( … ))` (bash's conditional and arithmetic compound commands: "Compound Commands" in
   * https://www.gnu.org/software/bash/manual/bash.html#Conditional-Constructs): the words that close it, and the
   * parentheses open within; there `&&`, `||`, `<`, `>`, `(` and `)` are operators of the expression, not of the
   * shell's lists, pipes or redirections, and a `$(…)` in it still runs.
   */
  compound?: { readonly close: ']]' | '))'; depth: number } | undefined;
}

const DYNAMIC_CAP = 8;
const FRAGMENT_CAP = 80;

/**
 * Reads a script into commands; `env` holds variables known as literals, `assigned` those the script's commands see
 * as set before them (a command string a shell runs starts from its caller's: wrappers.ts).
 */
export function readShell(
  script: string,
  env: ReadonlyMap<string, string>,
  limits: CallLimits,
  assigned: ReadonlyMap<string, ShellWord> = new Map(),
): ShellReading {
  const out: ShellCommand[] = [];
  const text = script.length > limits.scriptChars ? script.slice(0, limits.scriptChars) : script;
  const scan = newScan(text, 0, env, assigned, limits, out);
  scanAll(scan, 0);
  const truncated =
    scan.truncated ??
    (script.length > limits.scriptChars ? `the script past ${limits.scriptChars} characters` : undefined);
  return truncated === undefined ? { commands: out } : { commands: out, truncated };
}

function newScan(
  text: string,
  line: number,
  env: ReadonlyMap<string, string>,
  assigned: ReadonlyMap<string, ShellWord>,
  limits: CallLimits,
  out: ShellCommand[],
  aliases: ReadonlyMap<string, ShellWord> = new Map(),
  expanded: { chars: number } = { chars: 0 },
): Scan {
  return {
    own: [],
    aliases,
    expanded,
    depth: 0,
    parens: 0,
    text,
    i: 0,
    line,
    env,
    assigned,
    limits,
    out,
    words: [],
    commandLine: line,
    wordLine: line,
    value: '',
    dynamic: [],
    at: [],
    placed: true,
    inWord: false,
    heredocs: [],
    dropNext: false,
  };
}

function scanAll(s: Scan, depth: number): void {
  s.depth = depth;
  while (s.i < s.text.length && s.truncated === undefined) {
    const c = s.text.charAt(s.i);
    if (c === '\\' && s.text.charAt(s.i + 1) === '\n') {
      s.i += 2;
      s.line++;
    } else if (c === '\\' && s.text.startsWith('\r\n', s.i + 1)) {
      s.i += 3;
      s.line++;
    } else if (c === '\n') {
      endCommand(s);
      s.i++;
      s.line++;
      skipHeredocs(s);
    } else if (c === ' ' || c === '\t' || c === '\r') {
      endWord(s);
      s.i++;
    } else if (c === '#' && !s.inWord) {
      while (s.i < s.text.length && s.text.charAt(s.i) !== '\n') s.i++;
    } else if ((c === '<' || c === '>') && s.text.charAt(s.i + 1) === '(' && s.compound?.close !== '))') {
      // A process substitution runs inside `[[ … ]]` too (bash#Process-Substitution: "performed simultaneously with
      // parameter and variable expansion, command substitution, and arithmetic expansion", which `[[` performs).
      processSubstitution(s, depth);
    } else if (s.compound !== undefined && '|&<>();'.includes(c) && compoundOperator(s, c)) {
      // An operator of the compound command's expression: read.
    } else if (!s.inWord && compoundStart(s)) {
      // `[[` or `((` begins the command: read as one, up to its closing word.
    } else if (c === '<' || c === '>' || (c === '&' && s.text.charAt(s.i + 1) === '>')) {
      redirection(s);
    } else if (c === '|' && s.text.charAt(s.i + 1) !== '|' && s.text.charAt(s.i - 1) !== '|') {
      // A pipe: the next command reads this one's output (a newline may follow the `|`).
      const count = s.out.length;
      endCommand(s);
      if (s.out.length > count) s.pipeFrom = s.out[s.out.length - 1];
      else if (s.subshellEnd?.at === count) s.pipeFrom = subshellOutput(s.subshellEnd.line);
      s.subshellEnd = undefined;
      s.i++;
    } else if (c === ')' && s.parens === 0) {
      // A `)` no `(` opened ends a case pattern (`prod)`, `*)`): a pattern, not a command.
      endWord(s);
      s.words = [];
      s.i++;
    } else if (c === ';' || c === '&' || c === '|' || c === '(' || c === ')') {
      endCommand(s);
      // `|&` pipes standard error too: still a pipe.
      if (!(c === '&' && s.text.charAt(s.i - 1) === '|')) s.pipeFrom = undefined;
      if (c === '(') s.parens++;
      if (c === ')') s.parens--;
      s.subshellEnd = c === ')' ? { at: s.out.length, line: s.line } : undefined;
      s.i++;
    } else {
      wordPart(s, depth);
    }
  }
  endCommand(s);
}

/** Reserved words after which a command begins (bash's "Reserved Words"): `if [[ … ]]`, `while (( … ))`. */
const COMMAND_START = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', 'time']);

/**
 * Starts a `[[ … ]]` or `(( … ))` compound command at the scan's place when one begins the command there (or, for
 * `((`, follows `for`: the arithmetic `for (( … ))` loop); false when none does.
 */
function compoundStart(s: Scan): boolean {
  const two = s.text.slice(s.i, s.i + 2);
  const after = s.text.charAt(s.i + 2);
  const atStart =
    s.words.every((w) => COMMAND_START.has(w.value)) ||
    (two === '((' && s.words.length === 1 && s.words[0]?.value === 'for');
  if (!atStart || s.compound !== undefined) return false;
  if (two === '[[' && (after === ' ' || after === '\t')) s.compound = { close: ']]', depth: 0 };
  else if (two === '((' && arithmetic(s.text, s.i)) s.compound = { close: '))', depth: 0 };
  else return false;
  startWord(s);
  append(s, two);
  endWord(s);
  s.i += 2;
  return true;
}

/**
 * Whether the `((` at `at` opens an arithmetic command, closed by a `))` whose two parentheses close its two: else it
 * is two subshells, one in the other (`((echo a) | cat)`), which bash reads as such when the text is not an
 * arithmetic command (bash#Conditional-Constructs, `(( … ))`; POSIX sh, "Grouping Commands": "a conforming
 * application shall separate the two leading '(' characters with white space").
 */
function arithmetic(text: string, at: number): boolean {
  const inner = closeParen(text, at + 2);
  return inner >= text.length || text.charAt(inner) === ')';
}

/**
 * An operator character inside a compound command: a separator of its words, or its closing `))`; false when the word
 * it ends was the closing `]]`, so that the character is the shell's again (`[[ … ]]; then`).
 */
function compoundOperator(s: Scan, c: string): boolean {
  endWord(s);
  const compound = s.compound;
  if (compound === undefined) return false;
  if (c === '(') compound.depth++;
  else if (c === ')' && compound.depth > 0) compound.depth--;
  else if (c === ')' && compound.close === '))' && s.text.charAt(s.i + 1) === ')') {
    s.compound = undefined;
    s.i += 2;
    return true;
  }
  s.i++;
  return true;
}

/**
 * What a `( … )` subshell writes, as the command a pipe after it reads: a command whose output the preflight does
 * not read (its program is no program's name), so a shell that runs it is reported, never passed over.
 */
function subshellOutput(line: number): ShellCommand {
  return { words: [{ value: '( … )', dynamic: [], at: [] }], line, assigned: new Map() };
}

/** Reads one piece of a word: a quoted string, an expansion, an escape or a plain character. */
function wordPart(s: Scan, depth: number): void {
  const c = s.text.charAt(s.i);
  startWord(s);
  if (c === "'") {
    const close = s.text.indexOf("'", s.i + 1);
    const end = close < 0 ? s.text.length : close;
    append(s, s.text.slice(s.i + 1, end));
    s.i = end + 1;
  } else if (c === '"') {
    doubleQuoted(s, depth);
  } else if (c === '\\') {
    append(s, s.text.charAt(s.i + 1));
    s.i += 2;
  } else if (c === '$' || c === '`') {
    expansion(s, depth, false);
  } else {
    append(s, c);
    s.i++;
  }
}

function doubleQuoted(s: Scan, depth: number): void {
  s.i++;
  while (s.i < s.text.length) {
    const c = s.text.charAt(s.i);
    if (c === '"') {
      s.i++;
      return;
    }
    if (c === '\\' && '"\\$`\n'.includes(s.text.charAt(s.i + 1))) {
      if (s.text.charAt(s.i + 1) === '\n') s.line++;
      else append(s, s.text.charAt(s.i + 1));
      s.i += 2;
    } else if ((c === '$' && `'"`.includes(s.text.charAt(s.i + 1))) || (c !== '$' && c !== '`')) {
      // Inside double quotes `$'` and `$"` are text (bash: ANSI-C and locale quoting apply outside them only).
      if (c === '\n') s.line++;
      append(s, c);
      s.i++;
    } else {
      expansion(s, depth, true);
    }
  }
}

/**
 * `${{ }}`, `$(...)`, backquotes, `${X}`, `$X`: a `*` in the word, or a known variable's value. `quoted`: inside
 * double quotes, where a single quote is a character (bash#Double-Quotes).
 */
function expansion(s: Scan, depth: number, quoted: boolean): void {
  const rest = s.text.slice(s.i, s.i + 3);
  if (rest.startsWith("$'")) {
    ansiC(s);
  } else if (rest.startsWith('$"')) {
    // A locale-translated string reads as a double-quoted one.
    s.i++;
    doubleQuoted(s, depth);
  } else if (rest.startsWith('${{')) {
    const close = s.text.indexOf('}}', s.i + 3);
    const end = close < 0 ? s.text.length : close + 2;
    addDynamic(s, s.text.slice(s.i, end));
    s.i = end;
  } else if (rest.startsWith('$(') || rest.startsWith('`')) {
    substitution(s, depth);
  } else if (rest.startsWith('${')) {
    parameterExpansion(s, depth, quoted);
  } else {
    const name = /^\$([A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$!-])/.exec(s.text.slice(s.i, s.i + 256));
    if (name?.[1] === undefined) {
      append(s, '$');
      s.i++;
      return;
    }
    variable(s, name[0], name[1]);
    s.i += name[0].length;
  }
}

const ANSI_C: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

/**
 * `$'…'`, decoded as bash decodes it (https://www.gnu.org/software/bash/manual/bash.html#ANSI_002dC-Quoting): `\n`,
 * `\t`, …, `\NNN` octal, `\xHH`, `\uHHHH`, `\UHHHHHHHH`, `\cX`; so `$'aws'` and `$'\x61ws'` are `aws`.
 */
function ansiC(s: Scan): void {
  s.i += 2;
  let text = '';
  while (s.i < s.text.length && s.text.charAt(s.i) !== "'") {
    const c = s.text.charAt(s.i);
    if (c !== '\\') {
      if (c === '\n') s.line++;
      text += c;
      s.i++;
      continue;
    }
    const next = s.text.charAt(s.i + 1);
    const code = /^(?:[0-7]{1,3}|x[0-9A-Fa-f]{1,2}|u[0-9A-Fa-f]{1,4}|U[0-9A-Fa-f]{1,8}|c.)/.exec(
      s.text.slice(s.i + 1, s.i + 10),
    )?.[0];
    if (code !== undefined) {
      const point =
        code.charAt(0) === 'c'
          ? code.charCodeAt(1) & 0x1f
          : /^[0-7]/.test(code)
            ? Number.parseInt(code, 8) & 0xff
            : Number.parseInt(code.slice(1), 16);
      text += point <= 0x10ffff ? String.fromCodePoint(point) : '';
      s.i += 1 + code.length;
    } else {
      text += ANSI_C[next] ?? `\\${next}`;
      s.i += 2;
    }
  }
  s.i++;
  startWord(s);
  append(s, text);
}

/**
 * A variable: its literal value; else the value the script assigned it earlier, with the expansions that value holds
 * (after `IMAGE_URI="${ECR_REGISTRY}/web:${TAG}"`, `$IMAGE_URI` reads as `${ECR_REGISTRY}/web:${TAG}` would), so a
 * command is read as the shell runs it; else `*`. A value that is all unknown keeps the variable's name, which says
 * more.
 */
function variable(s: Scan, written: string, name: string): void {
  const known = s.env.get(name);
  if (known !== undefined) {
    append(s, known);
    return;
  }
  const assigned = s.assigned.get(name);
  if (assigned === undefined || assigned.value === '*' || assigned.dynamic.length === 0) {
    addDynamic(s, written);
    return;
  }
  startWord(s);
  const offset = s.value.length;
  append(s, assigned.value);
  const placed = assigned.at !== undefined && assigned.at.length === assigned.dynamic.length;
  assigned.dynamic.forEach((fragment, i) => {
    if (s.dynamic.length >= DYNAMIC_CAP) {
      s.placed = false;
      return;
    }
    s.dynamic.push(fragment);
    if (placed) s.at.push(offset + (assigned.at?.[i] as number));
  });
  if (!placed) s.placed = false;
}

/** `$(...)` or backquotes: the inner commands are read as commands, the word gets a `*`. */
function substitution(s: Scan, depth: number): void {
  const start = s.i;
  const backquote = s.text.charAt(s.i) === '`';
  const end = backquote ? closeBackquote(s.text, s.i + 1) : closeParen(s.text, s.i + 2);
  const inner = s.text.slice(start + (backquote ? 1 : 2), Math.max(start + (backquote ? 1 : 2), end - 1));
  addDynamic(s, s.text.slice(start, end));
  readNested(s, inner, s.line, depth);
  s.line += countLines(inner);
  s.i = end;
}

/** Reads the commands of a command substitution's body, one level down, into the reading's commands. */
function readNested(s: Scan, inner: string, line: number, depth: number): Scan | undefined {
  if (depth >= s.limits.depth) return undefined;
  const nested = newScan(inner, line, s.env, s.assigned, s.limits, s.out, s.aliases, s.expanded);
  scanAll(nested, depth + 1);
  if (nested.truncated !== undefined) s.truncated = nested.truncated;
  return nested;
}

/**
 * `${…}`: a variable's value (`${BUCKET}`), else a `*`; the commands of the command substitutions in its word
 * (`${A:-$(aws …)}`, `${A:=`…`}`, `${A/$(…)/}`, nested `${A:-${B:-$(…)}}`) are read as commands, as bash expands
 * the word, running them, whenever the expansion is used ("Shell Parameter Expansion": "word is subject to tilde
 * expansion, parameter expansion, command substitution, and arithmetic expansion",
 * https://www.gnu.org/software/bash/manual/bash.html#Shell-Parameter-Expansion). The expansion ends at the `}` that
 * closes it: one of a nested `${` or inside quotes does not.
 */
function parameterExpansion(s: Scan, depth: number, quoted: boolean): void {
  const start = s.i;
  const bodies: { from: number; to: number }[] = [];
  const end = closeBrace(s.text, start + 2, quoted, bodies);
  variable(s, s.text.slice(start, end), s.text.slice(start + 2, Math.max(start + 2, end - 1)));
  for (const { from, to } of bodies) {
    if (s.truncated !== undefined) break;
    readNested(s, s.text.slice(from, to), s.line + countLines(s.text.slice(start, from)), depth);
  }
  s.line += countLines(s.text.slice(start, end));
  s.i = end;
}

/**
 * The index after the `}` closing a `${` whose body starts at `from`, with the bodies of the command substitutions
 * in it (`$(…)`, backquotes) in `bodies`. A bare `{` does not nest (bash reads `${A:-{x}y}` as `{xy}`); a `}` in
 * quotes does not close; a single quote quotes only outside double quotes.
 */
function closeBrace(text: string, from: number, quoted: boolean, bodies: { from: number; to: number }[]): number {
  let depth = 1;
  let inDouble = false;
  for (let j = from; j < text.length; j++) {
    const c = text.charAt(j);
    if (c === '\\') j++;
    else if (c === "'" && !quoted && !inDouble) {
      const close = text.indexOf("'", j + 1);
      j = close < 0 ? text.length : close;
    } else if (c === '"') inDouble = !inDouble;
    else if (text.startsWith('${{', j)) {
      // A GitHub expression, which the runner replaces before the shell reads the script.
      const close = text.indexOf('}}', j + 3);
      j = close < 0 ? text.length : close + 1;
    } else if (text.startsWith('$(', j)) {
      const end = closeParen(text, j + 2);
      bodies.push({ from: j + 2, to: Math.max(j + 2, end - 1) });
      j = end - 1;
    } else if (c === '`') {
      const end = closeBackquote(text, j + 1);
      bodies.push({ from: j + 1, to: Math.max(j + 1, end - 1) });
      j = end - 1;
    } else if (text.startsWith('${', j)) {
      depth++;
      j++;
    } else if (c === '}' && !inDouble && --depth === 0) return j + 1;
  }
  return text.length;
}

/**
 * `<(…)` or `>(…)`: a file the shell makes of a command's output or input; the commands inside are read as commands,
 * and the word (`*`, unknown) keeps those of its own level, whose output a shell may run (`source <(…)`).
 */
function processSubstitution(s: Scan, depth: number): void {
  const start = s.i;
  const end = closeParen(s.text, s.i + 2);
  const inner = s.text.slice(start + 2, Math.max(start + 2, end - 1));
  addDynamic(s, s.text.slice(start, end));
  const nested = readNested(s, inner, s.line, depth);
  if (nested !== undefined && s.value === '*' && s.dynamic.length === 1) s.process = nested.own;
  s.line += countLines(inner);
  s.i = end;
}

function closeBackquote(text: string, from: number): number {
  for (let j = from; j < text.length; j++) {
    if (text.charAt(j) === '\\') j++;
    else if (text.charAt(j) === '`') return j + 1;
  }
  return text.length;
}

/** The index after the `)` closing a `$(` whose body starts at `from`; quotes inside are skipped. */
function closeParen(text: string, from: number): number {
  let depth = 1;
  for (let j = from; j < text.length; j++) {
    const c = text.charAt(j);
    if (c === '\\') j++;
    else if (c === "'") j = Math.max(j, text.indexOf("'", j + 1) < 0 ? text.length : text.indexOf("'", j + 1));
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return j + 1;
  }
  return text.length;
}

function countLines(text: string): number {
  let n = 0;
  for (let j = text.indexOf('\n'); j >= 0; j = text.indexOf('\n', j + 1)) n++;
  return n;
}

/** `>`, `>>`, `2>&1`, `&>`, `<`, `<<EOF`, `<<<`: the operator and its target are dropped; a heredoc is noted. */
function redirection(s: Scan): void {
  if (/^[0-9]+$/.test(s.value) && s.dynamic.length === 0 && s.inWord) {
    s.value = '';
    s.inWord = false;
  } else {
    endWord(s);
  }
  const op = /^(?:<<<|<<-|<<|&>>|&>|>>|>&|<&|>\||<>|<|>)/.exec(s.text.slice(s.i, s.i + 3))?.[0] ?? '>';
  s.i += op.length;
  if (op === '<<' || op === '<<-') {
    while (s.text.charAt(s.i) === ' ' || s.text.charAt(s.i) === '\t') s.i++;
    const word = /^(['"]?)([^\s'"<>;|&()]*)\1/.exec(s.text.slice(s.i, s.i + 256));
    if (word?.[2])
      s.heredocs.push({ delimiter: word[2], strip: op === '<<-', quoted: word[1] !== '', line: s.commandLine });
    s.i += word?.[0].length ?? 0;
    return;
  }
  s.dropNext = op === '<<<' ? 'here-string' : op === '<' ? 'stdin-file' : true;
}

/** After a line with heredocs: reads each body up to its delimiter line, as the standard input of its command. */
function skipHeredocs(s: Scan): void {
  for (const doc of s.heredocs.splice(0)) {
    const body: string[] = [];
    while (s.i < s.text.length) {
      const eol = s.text.indexOf('\n', s.i);
      const end = eol < 0 ? s.text.length : eol;
      const line = s.text.slice(s.i, end).replace(/\r$/, '');
      s.i = end + 1;
      s.line++;
      const text = doc.strip ? line.replace(/^\t+/, '') : line;
      if (text === doc.delimiter) break;
      body.push(text);
    }
    const command = doc.command === undefined ? undefined : s.out[doc.command];
    if (command === undefined) continue;
    const value = body.join('\n').slice(0, s.limits.scriptChars);
    const stdin: ShellWord =
      !doc.quoted && /[$`]/.test(value)
        ? { value, dynamic: [`the here-document of line ${doc.line + 1}`] }
        : { value, dynamic: [], at: [] };
    // Set in place: a command after it in a pipeline refers to this object (ShellCommand.piped).
    (command as { stdin?: ShellWord }).stdin = stdin;
  }
}

function append(s: Scan, text: string): void {
  if (s.value.length + text.length <= s.limits.wordChars) s.value += text;
  else s.value = s.value.slice(0, s.limits.wordChars);
}

function startWord(s: Scan): void {
  if (!s.inWord) s.wordLine = s.line;
  s.inWord = true;
}

function addDynamic(s: Scan, fragment: string): void {
  startWord(s);
  const position = s.value.length;
  append(s, '*');
  if (s.dynamic.length < DYNAMIC_CAP) {
    s.dynamic.push(fragment.length > FRAGMENT_CAP ? `${fragment.slice(0, FRAGMENT_CAP)}…` : fragment);
    s.at.push(position);
  } else {
    s.placed = false;
  }
}

function endWord(s: Scan): void {
  if (!s.inWord) return;
  const word: ShellWord = {
    value: s.value,
    dynamic: s.dynamic,
    ...(s.placed ? { at: s.at } : {}),
    ...(s.process !== undefined ? { process: s.process } : {}),
  };
  if (s.compound?.close === ']]' && s.compound.depth === 0 && word.value === ']]' && word.dynamic.length === 0) {
    s.compound = undefined;
  }
  if (s.dropNext === 'here-string') s.hereString = word;
  else if (s.dropNext === 'stdin-file') s.stdinFile = word;
  if (s.dropNext) s.dropNext = false;
  else if (s.words.length < s.limits.words) {
    if (s.words.length === 0) s.commandLine = s.wordLine;
    s.words.push(word);
  }
  s.value = '';
  s.dynamic = [];
  s.at = [];
  s.placed = true;
  s.inWord = false;
  s.process = undefined;
}

function endCommand(s: Scan): void {
  endWord(s);
  // A compound command ends with its line at the latest (bash reads one over several lines; the bound keeps a
  // `[[` never closed from taking in the rest of the script).
  s.compound = undefined;
  s.dropNext = false;
  const input = {
    ...(s.hereString !== undefined ? { stdin: { ...s.hereString, value: `${s.hereString.value}\n` } } : {}),
    ...(s.pipeFrom !== undefined ? { piped: s.pipeFrom } : {}),
    ...(s.stdinFile !== undefined ? { stdinFile: s.stdinFile } : {}),
  };
  s.hereString = undefined;
  s.stdinFile = undefined;
  if (s.words.length === 0) return;
  s.pipeFrom = undefined;
  const words = expandAlias(s, s.words);
  if (words.length === 0) {
    s.words = [];
    return;
  }
  if (s.out.length >= s.limits.commands) {
    s.truncated = `the commands past the first ${s.limits.commands}`;
  } else {
    const command: ShellCommand = { words, line: s.commandLine, assigned: s.assigned, ...input };
    s.out.push(command);
    s.own.push(command);
    // The heredocs its words opened are its standard input (read after the line: skipHeredocs).
    for (const doc of s.heredocs) doc.command ??= s.out.length - 1;
    assign(s, words);
    defineAliases(s, words);
  }
  s.words = [];
}

const ALIASES_CAP = 64;

/**
 * `alias NAME=VALUE …` defines aliases for the commands after it, `unalias NAME` (`-a`) removes them. They are
 * expanded whether or not `shopt -s expand_aliases` is set (sh expands them in scripts; bash needs the option:
 * https://www.gnu.org/software/bash/manual/bash.html#Aliases), so an alias that calls AWS is read either way.
 */
function defineAliases(s: Scan, words: readonly ShellWord[]): void {
  const [name, ...args] = words;
  if (name?.value === 'unalias') {
    const aliases = new Map(s.aliases);
    for (const arg of args) {
      if (arg.value === '-a') aliases.clear();
      else aliases.delete(arg.value);
    }
    s.aliases = aliases;
    return;
  }
  if (name?.value !== 'alias') return;
  const aliases = new Map(s.aliases);
  for (const arg of args) {
    const eq = arg.value.indexOf('=');
    if (eq <= 0 || (!aliases.has(arg.value.slice(0, eq)) && aliases.size >= ALIASES_CAP)) continue;
    aliases.set(arg.value.slice(0, eq), slicePart(arg, eq + 1));
  }
  s.aliases = aliases;
}

/**
 * A command whose first word is an alias, with the alias's text in its place: read as the shell reads it, the
 * commands it holds before the last are commands of their own, the last takes the command's other words. An alias is
 * not expanded within itself (bash: "a word that is identical to an alias being expanded is not expanded a second
 * time"). A value known only when the step runs stays one unknown word, the program.
 */
function expandAlias(s: Scan, words: readonly ShellWord[]): readonly ShellWord[] {
  const first = words[0];
  const alias = first === undefined || first.dynamic.length > 0 ? undefined : s.aliases.get(first.value);
  if (alias === undefined || first === undefined) return words;
  if (alias.dynamic.length > 0) return [alias, ...words.slice(1)];
  if (s.depth >= s.limits.depth) return words;
  if (s.expanded.chars + alias.value.length > s.limits.scriptChars) {
    s.truncated = `the aliases past ${s.limits.scriptChars} characters of their text`;
    return words;
  }
  s.expanded.chars += alias.value.length;
  const rest = new Map(s.aliases);
  rest.delete(first.value);
  const inner: ShellCommand[] = [];
  const nested = newScan(alias.value, s.commandLine, s.env, s.assigned, s.limits, inner, rest, s.expanded);
  scanAll(nested, s.depth + 1);
  const last = inner.pop();
  for (const command of inner) {
    if (s.out.length >= s.limits.commands) break;
    s.out.push(command);
  }
  return [...(last?.words ?? []), ...words.slice(1)];
}

const DECLARATIONS = new Set(['export', 'readonly', 'local', 'declare', 'typeset']);
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=/;
const VARIABLES_CAP = 256;

/**
 * A command of assignments only (`X=1`, `export X=1 Y=2`) sets its variables for the commands after it: a literal
 * is substituted from then on, any other value makes the variable unknown.
 */
function assign(s: Scan, words: readonly ShellWord[]): void {
  const start = DECLARATIONS.has(words[0]?.value ?? '') ? 1 : 0;
  const rest = words.slice(start).filter((w) => !(start === 1 && w.value.startsWith('-')));
  if (rest.length === 0 || !rest.every((w) => ASSIGNMENT.test(w.value))) return;
  const env = new Map(s.env);
  const assigned = new Map(s.assigned);
  for (const word of rest) {
    const name = ASSIGNMENT.exec(word.value)?.[1] as string;
    const value = slicePart(word, name.length + 1);
    if (!assigned.has(name) && assigned.size >= VARIABLES_CAP) continue;
    assigned.set(name, value);
    if (value.dynamic.length === 0) env.set(name, value.value);
    else env.delete(name);
  }
  s.env = env;
  s.assigned = assigned;
}
