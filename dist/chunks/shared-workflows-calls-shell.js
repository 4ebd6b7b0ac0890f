import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  lookupAction,
  matchResourceTypes
} from "./shared-catalog-arn-format.js";

// src/workflows/calls/shell.ts
function withExpansions(word, replace) {
  const at = word.at ?? [];
  if (at.length !== word.dynamic.length) return void 0;
  const order = at.map((position, index) => ({ position, index })).sort((a, b) => a.position - b.position);
  let text = "";
  let last = 0;
  for (const { position, index } of order) {
    text += `${word.value.slice(last, position)}${replace(index)}`;
    last = position + 1;
  }
  return text + word.value.slice(last);
}
function slicePart(word, start, end = word.value.length) {
  const value = word.value.slice(start, end);
  if (word.at === void 0 || word.at.length !== word.dynamic.length) {
    return { value, dynamic: value.includes("*") ? word.dynamic : [] };
  }
  const dynamic = [];
  const at = [];
  word.at.forEach((position, i) => {
    if (position >= start && position < end) {
      dynamic.push(word.dynamic[i]);
      at.push(position - start);
    }
  });
  return { value, dynamic, at };
}
var DYNAMIC_CAP = 8;
var FRAGMENT_CAP = 80;
function readShell(script, env, limits, assigned = /* @__PURE__ */ new Map()) {
  const out = [];
  const text = script.length > limits.scriptChars ? script.slice(0, limits.scriptChars) : script;
  const scan = newScan(text, 0, env, assigned, limits, out);
  scanAll(scan, 0);
  const truncated = scan.truncated ?? (script.length > limits.scriptChars ? `the script past ${limits.scriptChars} characters` : void 0);
  return truncated === void 0 ? { commands: out } : { commands: out, truncated };
}
function newScan(text, line, env, assigned, limits, out, aliases = /* @__PURE__ */ new Map(), expanded = { chars: 0 }) {
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
    value: "",
    dynamic: [],
    at: [],
    placed: true,
    inWord: false,
    heredocs: [],
    dropNext: false
  };
}
function scanAll(s, depth) {
  s.depth = depth;
  while (s.i < s.text.length && s.truncated === void 0) {
    const c = s.text.charAt(s.i);
    if (c === "\\" && s.text.charAt(s.i + 1) === "\n") {
      s.i += 2;
      s.line++;
    } else if (c === "\\" && s.text.startsWith("\r\n", s.i + 1)) {
      s.i += 3;
      s.line++;
    } else if (c === "\n") {
      endCommand(s);
      s.i++;
      s.line++;
      skipHeredocs(s);
    } else if (c === " " || c === "	" || c === "\r") {
      endWord(s);
      s.i++;
    } else if (c === "#" && !s.inWord) {
      while (s.i < s.text.length && s.text.charAt(s.i) !== "\n") s.i++;
    } else if ((c === "<" || c === ">") && s.text.charAt(s.i + 1) === "(" && s.compound?.close !== "))") {
      processSubstitution(s, depth);
    } else if (s.compound !== void 0 && "|&<>();".includes(c) && compoundOperator(s, c)) {
    } else if (!s.inWord && compoundStart(s)) {
    } else if (c === "<" || c === ">" || c === "&" && s.text.charAt(s.i + 1) === ">") {
      redirection(s);
    } else if (c === "|" && s.text.charAt(s.i + 1) !== "|" && s.text.charAt(s.i - 1) !== "|") {
      const count = s.out.length;
      endCommand(s);
      if (s.out.length > count) s.pipeFrom = s.out[s.out.length - 1];
      else if (s.subshellEnd?.at === count) s.pipeFrom = subshellOutput(s.subshellEnd.line);
      s.subshellEnd = void 0;
      s.i++;
    } else if (c === ")" && s.parens === 0) {
      endWord(s);
      s.words = [];
      s.i++;
    } else if (c === ";" || c === "&" || c === "|" || c === "(" || c === ")") {
      endCommand(s);
      if (!(c === "&" && s.text.charAt(s.i - 1) === "|")) s.pipeFrom = void 0;
      if (c === "(") s.parens++;
      if (c === ")") s.parens--;
      s.subshellEnd = c === ")" ? { at: s.out.length, line: s.line } : void 0;
      s.i++;
    } else {
      wordPart(s, depth);
    }
  }
  endCommand(s);
}
var COMMAND_START = /* @__PURE__ */ new Set(["if", "then", "else", "elif", "do", "while", "until", "!", "{", "time"]);
function compoundStart(s) {
  const two = s.text.slice(s.i, s.i + 2);
  const after = s.text.charAt(s.i + 2);
  const atStart = s.words.every((w) => COMMAND_START.has(w.value)) || two === "((" && s.words.length === 1 && s.words[0]?.value === "for";
  if (!atStart || s.compound !== void 0) return false;
  if (two === "[[" && (after === " " || after === "	")) s.compound = { close: "]]", depth: 0 };
  else if (two === "((" && arithmetic(s.text, s.i)) s.compound = { close: "))", depth: 0 };
  else return false;
  startWord(s);
  append(s, two);
  endWord(s);
  s.i += 2;
  return true;
}
function arithmetic(text, at) {
  const inner = closeParen(text, at + 2);
  return inner >= text.length || text.charAt(inner) === ")";
}
function compoundOperator(s, c) {
  endWord(s);
  const compound = s.compound;
  if (compound === void 0) return false;
  if (c === "(") compound.depth++;
  else if (c === ")" && compound.depth > 0) compound.depth--;
  else if (c === ")" && compound.close === "))" && s.text.charAt(s.i + 1) === ")") {
    s.compound = void 0;
    s.i += 2;
    return true;
  }
  s.i++;
  return true;
}
function subshellOutput(line) {
  return { words: [{ value: "( \u2026 )", dynamic: [], at: [] }], line, assigned: /* @__PURE__ */ new Map() };
}
function wordPart(s, depth) {
  const c = s.text.charAt(s.i);
  startWord(s);
  if (c === "'") {
    const close = s.text.indexOf("'", s.i + 1);
    const end = close < 0 ? s.text.length : close;
    append(s, s.text.slice(s.i + 1, end));
    s.i = end + 1;
  } else if (c === '"') {
    doubleQuoted(s, depth);
  } else if (c === "\\") {
    append(s, s.text.charAt(s.i + 1));
    s.i += 2;
  } else if (c === "$" || c === "`") {
    expansion(s, depth, false);
  } else {
    append(s, c);
    s.i++;
  }
}
function doubleQuoted(s, depth) {
  s.i++;
  while (s.i < s.text.length) {
    const c = s.text.charAt(s.i);
    if (c === '"') {
      s.i++;
      return;
    }
    if (c === "\\" && '"\\$`\n'.includes(s.text.charAt(s.i + 1))) {
      if (s.text.charAt(s.i + 1) === "\n") s.line++;
      else append(s, s.text.charAt(s.i + 1));
      s.i += 2;
    } else if (c === "$" && `'"`.includes(s.text.charAt(s.i + 1)) || c !== "$" && c !== "`") {
      if (c === "\n") s.line++;
      append(s, c);
      s.i++;
    } else {
      expansion(s, depth, true);
    }
  }
}
function expansion(s, depth, quoted) {
  const rest = s.text.slice(s.i, s.i + 3);
  if (rest.startsWith("$'")) {
    ansiC(s);
  } else if (rest.startsWith('$"')) {
    s.i++;
    doubleQuoted(s, depth);
  } else if (rest.startsWith("${{")) {
    const close = s.text.indexOf("}}", s.i + 3);
    const end = close < 0 ? s.text.length : close + 2;
    addDynamic(s, s.text.slice(s.i, end));
    s.i = end;
  } else if (rest.startsWith("$(") || rest.startsWith("`")) {
    substitution(s, depth);
  } else if (rest.startsWith("${")) {
    parameterExpansion(s, depth, quoted);
  } else {
    const name = /^\$([A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$!-])/.exec(s.text.slice(s.i, s.i + 256));
    if (name?.[1] === void 0) {
      append(s, "$");
      s.i++;
      return;
    }
    variable(s, name[0], name[1]);
    s.i += name[0].length;
  }
}
var ANSI_C = {
  a: "\x07",
  b: "\b",
  e: "\x1B",
  E: "\x1B",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "	",
  v: "\v",
  "\\": "\\",
  "'": "'",
  '"': '"',
  "?": "?"
};
function ansiC(s) {
  s.i += 2;
  let text = "";
  while (s.i < s.text.length && s.text.charAt(s.i) !== "'") {
    const c = s.text.charAt(s.i);
    if (c !== "\\") {
      if (c === "\n") s.line++;
      text += c;
      s.i++;
      continue;
    }
    const next = s.text.charAt(s.i + 1);
    const code = /^(?:[0-7]{1,3}|x[0-9A-Fa-f]{1,2}|u[0-9A-Fa-f]{1,4}|U[0-9A-Fa-f]{1,8}|c.)/.exec(
      s.text.slice(s.i + 1, s.i + 10)
    )?.[0];
    if (code !== void 0) {
      const point = code.charAt(0) === "c" ? code.charCodeAt(1) & 31 : /^[0-7]/.test(code) ? Number.parseInt(code, 8) & 255 : Number.parseInt(code.slice(1), 16);
      text += point <= 1114111 ? String.fromCodePoint(point) : "";
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
function variable(s, written, name) {
  const known2 = s.env.get(name);
  if (known2 !== void 0) {
    append(s, known2);
    return;
  }
  const assigned = s.assigned.get(name);
  if (assigned === void 0 || assigned.value === "*" || assigned.dynamic.length === 0) {
    addDynamic(s, written);
    return;
  }
  startWord(s);
  const offset = s.value.length;
  append(s, assigned.value);
  const placed = assigned.at !== void 0 && assigned.at.length === assigned.dynamic.length;
  assigned.dynamic.forEach((fragment, i) => {
    if (s.dynamic.length >= DYNAMIC_CAP) {
      s.placed = false;
      return;
    }
    s.dynamic.push(fragment);
    if (placed) s.at.push(offset + assigned.at?.[i]);
  });
  if (!placed) s.placed = false;
}
function substitution(s, depth) {
  const start = s.i;
  const backquote = s.text.charAt(s.i) === "`";
  const end = backquote ? closeBackquote(s.text, s.i + 1) : closeParen(s.text, s.i + 2);
  const inner = s.text.slice(start + (backquote ? 1 : 2), Math.max(start + (backquote ? 1 : 2), end - 1));
  addDynamic(s, s.text.slice(start, end));
  readNested(s, inner, s.line, depth);
  s.line += countLines(inner);
  s.i = end;
}
function readNested(s, inner, line, depth) {
  if (depth >= s.limits.depth) return void 0;
  const nested = newScan(inner, line, s.env, s.assigned, s.limits, s.out, s.aliases, s.expanded);
  scanAll(nested, depth + 1);
  if (nested.truncated !== void 0) s.truncated = nested.truncated;
  return nested;
}
function parameterExpansion(s, depth, quoted) {
  const start = s.i;
  const bodies = [];
  const end = closeBrace(s.text, start + 2, quoted, bodies);
  variable(s, s.text.slice(start, end), s.text.slice(start + 2, Math.max(start + 2, end - 1)));
  for (const { from, to } of bodies) {
    if (s.truncated !== void 0) break;
    readNested(s, s.text.slice(from, to), s.line + countLines(s.text.slice(start, from)), depth);
  }
  s.line += countLines(s.text.slice(start, end));
  s.i = end;
}
function closeBrace(text, from, quoted, bodies) {
  let depth = 1;
  let inDouble = false;
  for (let j = from; j < text.length; j++) {
    const c = text.charAt(j);
    if (c === "\\") j++;
    else if (c === "'" && !quoted && !inDouble) {
      const close = text.indexOf("'", j + 1);
      j = close < 0 ? text.length : close;
    } else if (c === '"') inDouble = !inDouble;
    else if (text.startsWith("${{", j)) {
      const close = text.indexOf("}}", j + 3);
      j = close < 0 ? text.length : close + 1;
    } else if (text.startsWith("$(", j)) {
      const end = closeParen(text, j + 2);
      bodies.push({ from: j + 2, to: Math.max(j + 2, end - 1) });
      j = end - 1;
    } else if (c === "`") {
      const end = closeBackquote(text, j + 1);
      bodies.push({ from: j + 1, to: Math.max(j + 1, end - 1) });
      j = end - 1;
    } else if (text.startsWith("${", j)) {
      depth++;
      j++;
    } else if (c === "}" && !inDouble && --depth === 0) return j + 1;
  }
  return text.length;
}
function processSubstitution(s, depth) {
  const start = s.i;
  const end = closeParen(s.text, s.i + 2);
  const inner = s.text.slice(start + 2, Math.max(start + 2, end - 1));
  addDynamic(s, s.text.slice(start, end));
  const nested = readNested(s, inner, s.line, depth);
  if (nested !== void 0 && s.value === "*" && s.dynamic.length === 1) s.process = nested.own;
  s.line += countLines(inner);
  s.i = end;
}
function closeBackquote(text, from) {
  for (let j = from; j < text.length; j++) {
    if (text.charAt(j) === "\\") j++;
    else if (text.charAt(j) === "`") return j + 1;
  }
  return text.length;
}
function closeParen(text, from) {
  let depth = 1;
  for (let j = from; j < text.length; j++) {
    const c = text.charAt(j);
    if (c === "\\") j++;
    else if (c === "'") j = Math.max(j, text.indexOf("'", j + 1) < 0 ? text.length : text.indexOf("'", j + 1));
    else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return j + 1;
  }
  return text.length;
}
function countLines(text) {
  let n = 0;
  for (let j = text.indexOf("\n"); j >= 0; j = text.indexOf("\n", j + 1)) n++;
  return n;
}
function redirection(s) {
  if (/^[0-9]+$/.test(s.value) && s.dynamic.length === 0 && s.inWord) {
    s.value = "";
    s.inWord = false;
  } else {
    endWord(s);
  }
  const op = /^(?:<<<|<<-|<<|&>>|&>|>>|>&|<&|>\||<>|<|>)/.exec(s.text.slice(s.i, s.i + 3))?.[0] ?? ">";
  s.i += op.length;
  if (op === "<<" || op === "<<-") {
    while (s.text.charAt(s.i) === " " || s.text.charAt(s.i) === "	") s.i++;
    const word = /^(['"]?)([^\s'"<>;|&()]*)\1/.exec(s.text.slice(s.i, s.i + 256));
    if (word?.[2])
      s.heredocs.push({ delimiter: word[2], strip: op === "<<-", quoted: word[1] !== "", line: s.commandLine });
    s.i += word?.[0].length ?? 0;
    return;
  }
  s.dropNext = op === "<<<" ? "here-string" : op === "<" ? "stdin-file" : true;
}
function skipHeredocs(s) {
  for (const doc of s.heredocs.splice(0)) {
    const body = [];
    while (s.i < s.text.length) {
      const eol = s.text.indexOf("\n", s.i);
      const end = eol < 0 ? s.text.length : eol;
      const line = s.text.slice(s.i, end).replace(/\r$/, "");
      s.i = end + 1;
      s.line++;
      const text = doc.strip ? line.replace(/^\t+/, "") : line;
      if (text === doc.delimiter) break;
      body.push(text);
    }
    const command = doc.command === void 0 ? void 0 : s.out[doc.command];
    if (command === void 0) continue;
    const value = body.join("\n").slice(0, s.limits.scriptChars);
    const stdin = !doc.quoted && /[$`]/.test(value) ? { value, dynamic: [`the here-document of line ${doc.line + 1}`] } : { value, dynamic: [], at: [] };
    command.stdin = stdin;
  }
}
function append(s, text) {
  if (s.value.length + text.length <= s.limits.wordChars) s.value += text;
  else s.value = s.value.slice(0, s.limits.wordChars);
}
function startWord(s) {
  if (!s.inWord) s.wordLine = s.line;
  s.inWord = true;
}
function addDynamic(s, fragment) {
  startWord(s);
  const position = s.value.length;
  append(s, "*");
  if (s.dynamic.length < DYNAMIC_CAP) {
    s.dynamic.push(fragment.length > FRAGMENT_CAP ? `${fragment.slice(0, FRAGMENT_CAP)}\u2026` : fragment);
    s.at.push(position);
  } else {
    s.placed = false;
  }
}
function endWord(s) {
  if (!s.inWord) return;
  const word = {
    value: s.value,
    dynamic: s.dynamic,
    ...s.placed ? { at: s.at } : {},
    ...s.process !== void 0 ? { process: s.process } : {}
  };
  if (s.compound?.close === "]]" && s.compound.depth === 0 && word.value === "]]" && word.dynamic.length === 0) {
    s.compound = void 0;
  }
  if (s.dropNext === "here-string") s.hereString = word;
  else if (s.dropNext === "stdin-file") s.stdinFile = word;
  if (s.dropNext) s.dropNext = false;
  else if (s.words.length < s.limits.words) {
    if (s.words.length === 0) s.commandLine = s.wordLine;
    s.words.push(word);
  }
  s.value = "";
  s.dynamic = [];
  s.at = [];
  s.placed = true;
  s.inWord = false;
  s.process = void 0;
}
function endCommand(s) {
  endWord(s);
  s.compound = void 0;
  s.dropNext = false;
  const input = {
    ...s.hereString !== void 0 ? { stdin: { ...s.hereString, value: `${s.hereString.value}
` } } : {},
    ...s.pipeFrom !== void 0 ? { piped: s.pipeFrom } : {},
    ...s.stdinFile !== void 0 ? { stdinFile: s.stdinFile } : {}
  };
  s.hereString = void 0;
  s.stdinFile = void 0;
  if (s.words.length === 0) return;
  s.pipeFrom = void 0;
  const words = expandAlias(s, s.words);
  if (words.length === 0) {
    s.words = [];
    return;
  }
  if (s.out.length >= s.limits.commands) {
    s.truncated = `the commands past the first ${s.limits.commands}`;
  } else {
    const command = { words, line: s.commandLine, assigned: s.assigned, ...input };
    s.out.push(command);
    s.own.push(command);
    for (const doc of s.heredocs) doc.command ??= s.out.length - 1;
    assign(s, words);
    defineAliases(s, words);
  }
  s.words = [];
}
var ALIASES_CAP = 64;
function defineAliases(s, words) {
  const [name, ...args] = words;
  if (name?.value === "unalias") {
    const aliases2 = new Map(s.aliases);
    for (const arg of args) {
      if (arg.value === "-a") aliases2.clear();
      else aliases2.delete(arg.value);
    }
    s.aliases = aliases2;
    return;
  }
  if (name?.value !== "alias") return;
  const aliases = new Map(s.aliases);
  for (const arg of args) {
    const eq = arg.value.indexOf("=");
    if (eq <= 0 || !aliases.has(arg.value.slice(0, eq)) && aliases.size >= ALIASES_CAP) continue;
    aliases.set(arg.value.slice(0, eq), slicePart(arg, eq + 1));
  }
  s.aliases = aliases;
}
function expandAlias(s, words) {
  const first = words[0];
  const alias = first === void 0 || first.dynamic.length > 0 ? void 0 : s.aliases.get(first.value);
  if (alias === void 0 || first === void 0) return words;
  if (alias.dynamic.length > 0) return [alias, ...words.slice(1)];
  if (s.depth >= s.limits.depth) return words;
  if (s.expanded.chars + alias.value.length > s.limits.scriptChars) {
    s.truncated = `the aliases past ${s.limits.scriptChars} characters of their text`;
    return words;
  }
  s.expanded.chars += alias.value.length;
  const rest = new Map(s.aliases);
  rest.delete(first.value);
  const inner = [];
  const nested = newScan(alias.value, s.commandLine, s.env, s.assigned, s.limits, inner, rest, s.expanded);
  scanAll(nested, s.depth + 1);
  const last = inner.pop();
  for (const command of inner) {
    if (s.out.length >= s.limits.commands) break;
    s.out.push(command);
  }
  return [...last?.words ?? [], ...words.slice(1)];
}
var DECLARATIONS = /* @__PURE__ */ new Set(["export", "readonly", "local", "declare", "typeset"]);
var ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=/;
var VARIABLES_CAP = 256;
function assign(s, words) {
  const start = DECLARATIONS.has(words[0]?.value ?? "") ? 1 : 0;
  const rest = words.slice(start).filter((w) => !(start === 1 && w.value.startsWith("-")));
  if (rest.length === 0 || !rest.every((w) => ASSIGNMENT.test(w.value))) return;
  const env = new Map(s.env);
  const assigned = new Map(s.assigned);
  for (const word of rest) {
    const name = ASSIGNMENT.exec(word.value)?.[1];
    const value = slicePart(word, name.length + 1);
    if (!assigned.has(name) && assigned.size >= VARIABLES_CAP) continue;
    assigned.set(name, value);
    if (value.dynamic.length === 0) env.set(name, value.value);
    else env.delete(name);
  }
  s.env = env;
  s.assigned = assigned;
}

// src/workflows/calls/cli.ts
var PREFIXES = /* @__PURE__ */ new Set([
  "if",
  "then",
  "else",
  "elif",
  "do",
  "while",
  "until",
  "!",
  "{",
  "exec",
  "command",
  "builtin",
  "nohup",
  "chronic",
  "unbuffer"
]);
var ASSIGNMENT2 = /^[A-Za-z_][A-Za-z0-9_]*\+?=/;
function programOf(command) {
  const words = command.words;
  const assignments = [];
  let i = 0;
  while (i < words.length) {
    const word2 = words[i];
    if (ASSIGNMENT2.test(word2.value)) assignments.push(word2);
    if (PREFIXES.has(word2.value) || ASSIGNMENT2.test(word2.value)) i++;
    else if (word2.value === "env" && !splitsString(words, i + 1)) i = skipEnvOptions(words, i + 1);
    else if (word2.value === "timeout") i = skipTimeout(words, i + 1);
    else if (word2.value === "sudo") i = skipOptions(words, i + 1, SUDO_VALUE_OPTIONS);
    else if (word2.value === "doas") i = skipOptions(words, i + 1, DOAS_VALUE_OPTIONS);
    else if (word2.value === "setsid") i = skipOptions(words, i + 1, /* @__PURE__ */ new Set());
    else if (word2.value === "function" && i === 0) i += 2;
    else if (word2.value === "coproc") i += words[i + 2]?.value === "{" ? 2 : 1;
    else if (word2.value === "time") i = skipOptions(words, i + 1, TIME_VALUE_OPTIONS);
    else if (word2.value === "nice" || word2.value === "ionice" || word2.value === "stdbuf")
      i = skipOptions(words, i + 1, NICE_VALUE_OPTIONS);
    else if (word2.value === "dotenv") i = skipDotenv(words, i + 1);
    else break;
  }
  const word = words[i];
  if (word === void 0) return void 0;
  const slash = word.value.lastIndexOf("/");
  return { name: word.value.slice(slash + 1), word, args: words.slice(i + 1), assignments, ...inputOf(command) };
}
function inputOf(command) {
  if (command.stdin !== void 0) return { stdin: command.stdin };
  if (command.stdinFile !== void 0) return { stdinFile: command.stdinFile };
  return command.piped === void 0 ? {} : { piped: command.piped };
}
function stdinOf(program, depth = 0) {
  if (program.stdin !== void 0) return program.stdin;
  if (program.stdinFile?.process !== void 0) return outputOf(program.stdinFile.process, depth + 1);
  return program.piped === void 0 ? void 0 : outputOf([program.piped], depth + 1);
}
var OUTPUT_DEPTH = 8;
function outputOf(commands, depth = 0) {
  const parts = [];
  const inPipe = /* @__PURE__ */ new Set();
  for (const command of commands)
    for (let c = command.piped; c !== void 0 && inPipe.size < 64; c = c.piped) inPipe.add(c);
  for (const command of commands) {
    if (inPipe.has(command)) continue;
    const output = depth < OUTPUT_DEPTH ? commandOutput(command, depth) : void 0;
    if (output === void 0) {
      const what = command.words.map((w) => w.value).join(" ").slice(0, 80);
      return { value: "*", dynamic: [`the output of \`${what}\``] };
    }
    parts.push(output);
  }
  return joinWords(parts, "");
}
function commandOutput(command, depth) {
  const program = programOf(command);
  if (program === void 0) return { value: "", dynamic: [], at: [] };
  const args = program.args;
  if (program.name === "echo") {
    let i = 0;
    let newline = true;
    let escapes = false;
    for (; i < args.length && /^-[neE]+$/.test(args[i]?.value ?? ""); i++) {
      const flags = args[i]?.value ?? "";
      if (flags.includes("n")) newline = false;
      if (flags.includes("e")) escapes = true;
    }
    const words = args.slice(i);
    if (escapes && words.some((w) => w.value.includes("\\"))) return void 0;
    return joinWords([joinWords(words, " "), literalWord(newline ? "\n" : "")], "");
  }
  if (program.name === "printf") {
    const [format, ...rest] = args;
    if (format === void 0 || format.dynamic.length > 0) return void 0;
    if (/^%s(?:\\n|\n)?$/.test(format.value) && rest.length > 0) {
      const end = format.value === "%s" ? "" : "\n";
      return joinWords(
        rest.flatMap((w) => [w, literalWord(end)]),
        ""
      );
    }
    if (rest.length > 0 || format.value.includes("%")) return void 0;
    if (/\\[^n\\]/.test(format.value)) return void 0;
    return literalWord(format.value.replace(/\\(n|\\)/g, (_, c) => c === "n" ? "\n" : "\\"));
  }
  if (program.name === "cat" && args.every((w) => w.value === "-")) return stdinOf(program, depth);
  return void 0;
}
function literalWord(value) {
  return { value, dynamic: [], at: [] };
}
var JOINED_CHARS = 1e5;
var JOINED_DYNAMIC = 16;
function joinWords(words, separator) {
  let value = "";
  const dynamic = [];
  const at = [];
  let placed = true;
  for (const [i, word] of words.entries()) {
    if (i > 0) value += separator;
    if (word.at === void 0 || word.at.length !== word.dynamic.length) placed = false;
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
function variableFor(program, command, name) {
  for (const word of program.assignments) {
    if (word.value.startsWith(`${name}=`)) return slicePart(word, name.length + 1);
  }
  return command.assigned.get(name);
}
function splitsString(words, from) {
  const end = skipEnvOptions(words, from);
  return words.slice(from, end).some((w) => /^(?:-S|--split-string)(?:=|$)|^-[a-zA-Z]*S/.test(w.value));
}
function skipEnvOptions(words, from) {
  let i = from;
  while (i < words.length && /^-|^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]?.value ?? "")) {
    i += words[i]?.value === "-u" || words[i]?.value === "-C" ? 2 : 1;
  }
  return i;
}
var SUDO_VALUE_OPTIONS = /* @__PURE__ */ new Set(["-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-U"]);
var DOAS_VALUE_OPTIONS = /* @__PURE__ */ new Set(["-a", "-C", "-u"]);
var DOTENV_VALUE_OPTIONS = /* @__PURE__ */ new Set(["-f", "--file", "-e"]);
var TIME_VALUE_OPTIONS = /* @__PURE__ */ new Set(["-o", "-f", "--output", "--format"]);
var NICE_VALUE_OPTIONS = /* @__PURE__ */ new Set(["-n", "-c", "-p", "-t", "-i", "-o", "-e"]);
function skipDotenv(words, from) {
  let i = skipOptions(words, from, DOTENV_VALUE_OPTIONS);
  if (words[i]?.value === "run") i = skipOptions(words, i + 1, DOTENV_VALUE_OPTIONS);
  return words[i]?.value === "--" ? i + 1 : i;
}
function skipOptions(words, from, withValue) {
  let i = from;
  while (i < words.length && (words[i]?.value ?? "").startsWith("-")) {
    i += withValue.has(words[i]?.value ?? "") ? 2 : 1;
  }
  return i;
}
function skipTimeout(words, from) {
  let i = from;
  while (i < words.length && (words[i]?.value ?? "").startsWith("-")) {
    const value = words[i]?.value ?? "";
    i++;
    if (value === "--") break;
    if (/^(?:-[A-Za-z]*[ks]|--kill-after|--signal)$/.test(value)) i++;
  }
  i++;
  return words[i]?.value === "--" ? i + 1 : i;
}
var GLOBAL_VALUE_OPTIONS = /* @__PURE__ */ new Set([
  "region",
  "profile",
  "endpoint-url",
  "output",
  "query",
  "color",
  "ca-bundle",
  "cli-read-timeout",
  "cli-connect-timeout",
  "cli-binary-format"
]);
function serviceWord(args) {
  for (let i = 0; i < args.length; i++) {
    const word = args[i];
    if (!word.value.startsWith("--")) return word;
    if (!word.value.includes("=") && GLOBAL_VALUE_OPTIONS.has(word.value.slice(2).toLowerCase())) i++;
  }
  return void 0;
}
var API_STYLE = { flags: /* @__PURE__ */ new Set(), single: false };
function readAws(args, style = API_STYLE) {
  const options = /* @__PURE__ */ new Map();
  const globals = /* @__PURE__ */ new Map();
  const heads = [];
  const positionals = [];
  let current;
  for (let i = 0; i < args.length; i++) {
    const word = args[i];
    if (word.value.startsWith("--") && word.value.length > 2) {
      const eq = word.value.indexOf("=");
      const name = (eq < 0 ? word.value.slice(2) : word.value.slice(2, eq)).toLowerCase();
      const inline = eq < 0 ? void 0 : slicePart(word, eq + 1);
      if (GLOBAL_VALUE_OPTIONS.has(name)) {
        const value = inline ?? args[++i];
        if (value !== void 0) globals.set(name, value);
        current = void 0;
        continue;
      }
      current = options.get(name) ?? [];
      options.set(name, current);
      if (inline) current.push(inline);
      if (inline || style.flags.has(name) || heads.length < 2) current = void 0;
    } else if (heads.length < 2) {
      heads.push(word);
    } else if (current) {
      current.push(word);
      if (style.single) current = void 0;
    } else {
      positionals.push(word);
    }
  }
  const [service, operation] = heads;
  return {
    ...service ? { service } : {},
    ...operation ? { operation } : {},
    positionals,
    options,
    globals
  };
}

// src/workflows/calls/model.ts
var DEFAULT_CALL_LIMITS = {
  scriptChars: 1e5,
  commands: 2e3,
  words: 512,
  wordChars: 4096,
  depth: 4,
  results: 1e3
};

// src/workflows/calls/need.ts
var WHAT_CAP = 200;
var REASON_CAP = 600;
var LOOKUP_CACHE_CAP = 1e3;
function bound(text, cap = WHAT_CAP) {
  return text.length > cap ? `${text.slice(0, cap)}\u2026` : text;
}
function known(word) {
  if (word === void 0) return void 0;
  const value = word.value.replace(/\s/g, "?");
  return word.dynamic.length === 0 ? { value } : { value, unknown: word.dynamic.join(" ") };
}
function kmsKey(key) {
  const alias = /^(?:arn:[^:]*:kms:([^:]*):([^:]*):)?(alias\/.*)$/.exec(key.value);
  if (alias !== null) {
    const [, region, account, name] = alias;
    const keyId = {
      value: "*",
      unknown: `the key behind ${bound(name, 120)} (KMS authorizes the key an alias points to, not known before the run)`
    };
    const part = (v) => v ? key.unknown !== void 0 && v.includes("*") ? { value: v, unknown: key.unknown } : { value: v } : void 0;
    return { values: { KeyId: keyId, Region: part(region), Account: part(account) }, type: "key" };
  }
  return key.value.startsWith("arn:") ? { arn: key } : { values: { KeyId: key }, type: "key" };
}
var INCIDENTAL = /* @__PURE__ */ new Set(["Id", "TaskDefinitionRevisionNumber", "TaskId", "AutomationExecutionId"]);
function realize(catalog, need, origin, cache = /* @__PURE__ */ new Map()) {
  let found = cache.get(need.action);
  if (found === void 0) {
    found = lookupAction(catalog, need.action);
    if (cache.size < LOOKUP_CACHE_CAP) cache.set(need.action, found);
  }
  if (found.status !== "found") {
    return [
      {
        kind: "not-in-catalog",
        position: origin.position,
        what: bound(`${origin.via} \u2192 ${need.action}`),
        reason: bound(`${need.action} is ${found.message}; declare the permission line this call needs`, REASON_CAP),
        suggestions: found.suggestions
      }
    ];
  }
  const notes = need.note === void 0 ? origin.notes : [...origin.notes, need.note];
  const action = found.action.canonical;
  const where = `${origin.position.file}:${origin.position.line}`;
  return resourcesOf(catalog, found.action, need, origin).map(({ resource, unknown }) => ({
    action,
    resource,
    line: `${action} ${resource}`,
    inferred: true,
    position: origin.position,
    via: origin.via,
    docUrl: need.docUrl,
    unknown,
    notes,
    permission: { action, resource, context: need.context ?? {}, origin: `inferred from ${where} (${origin.via})` }
  }));
}
function resourcesOf(catalog, action, need, origin) {
  if (action.resourceTypes.length === 0) return [{ resource: "*", unknown: [] }];
  const fitting = (arn) => {
    const fit = matchResourceTypes(catalog, action, arn.value);
    return fit.status === "fits" ? new Set(fit.types.map(({ type }) => type.name)) : void 0;
  };
  const arns = [...need.arn ? [need.arn] : [], ...need.parts ?? []].map((arn) => ({ arn, types: fitting(arn) }));
  const whole = (arn) => ({
    resource: arn.value,
    unknown: arn.unknown ? [`ARN: ${arn.unknown}`] : []
  });
  const first = arns.find(({ types }) => types !== void 0);
  const chosen = first ? void 0 : chooseFormat(action.resourceTypes, need, need.type);
  if (first === void 0 && chosen === void 0) {
    return [{ resource: "*", unknown: ["the resource: no ARN format in the catalog"] }];
  }
  const resources = [
    first ? whole(first.arn) : fillFormat(chosen?.format ?? "", valuesFor(need, chosen?.name), origin)
  ];
  if (first !== void 0 && first.arn === need.arn) return resources;
  const covered = new Set(first?.types ?? [chosen?.name ?? ""]);
  const required = action.resourceTypes.filter(({ required: required2 }) => required2);
  for (const group of groupsOf(required)) {
    if (group.some(({ type }) => covered.has(type.name))) continue;
    const named = arns.find(({ types }) => group.some(({ type }) => types?.has(type.name)));
    if (named !== void 0) {
      resources.push(whole(named.arn));
      continue;
    }
    const format = chooseFormat(group, need, void 0);
    if (format !== void 0) resources.push(fillFormat(format.format, valuesFor(need, format.name), origin));
  }
  return resources;
}
function valuesFor(need, type) {
  const own = type === void 0 ? void 0 : need.typeValues?.[type];
  return own === void 0 ? need.values ?? {} : { ...need.values, ...own };
}
var ENVIRONMENT = /* @__PURE__ */ new Set(["Partition", "Region", "Account"]);
function groupsOf(types) {
  const groups = /* @__PURE__ */ new Map();
  for (const t of types) {
    const key = [...new Set(t.type.arnFormats.flatMap(placeholders).filter((p) => !ENVIRONMENT.has(p)))].sort().join(" ");
    const group = groups.get(key);
    if (group) group.push(t);
    else groups.set(key, [t]);
  }
  return [...groups.values()];
}
function chooseFormat(types, need, named) {
  const candidates = types.filter(({ type }) => named === void 0 || type.name === named).flatMap(({ type, required }) => type.arnFormats.map((format) => ({ format, required, name: type.name })));
  const score = (format, name) => {
    const values = valuesFor(need, name);
    return placeholders(format).filter((p) => !ENVIRONMENT.has(p) && values[p] === void 0).length;
  };
  const ranked = candidates.map((c, order) => ({
    ...c,
    order,
    missing: score(c.format, c.name) + (c.name.includes("accesspoint") ? 0.5 : 0)
  })).sort((a, b) => a.missing - b.missing || Number(b.required) - Number(a.required) || a.order - b.order);
  return ranked[0];
}
function placeholders(format) {
  return [...format.matchAll(/\$\{([A-Za-z0-9]+)\}/g)].map((m) => m[1]);
}
function fillFormat(format, values, origin) {
  const unknown = [];
  const resource = format.replace(/\$\{([A-Za-z0-9]+)\}/g, (_, name) => {
    const value = valueFor(name, values, origin);
    if (value === void 0) {
      if (!INCIDENTAL.has(name)) unknown.push(`${name}: not given`);
      return "*";
    }
    if (value.unknown !== void 0) unknown.push(`${name}: ${value.unknown}`);
    return value.value;
  });
  return { resource, unknown };
}
function valueFor(name, values, origin) {
  if (name === "Partition") return { value: origin.partition };
  if (name === "Region") return values.Region ?? origin.region;
  if (name === "Account") return values.Account ?? (origin.account ? { value: origin.account } : void 0);
  return values[name];
}

// src/workflows/calls/tools.ts
var OPAQUE_TOOLS = {
  terraform: "Terraform",
  terragrunt: "Terragrunt",
  tofu: "OpenTofu",
  cdk: "the AWS CDK",
  cdktf: "CDK for Terraform",
  sam: "the AWS SAM CLI",
  serverless: "the Serverless Framework",
  sls: "the Serverless Framework",
  pulumi: "Pulumi",
  copilot: "AWS Copilot",
  eb: "the Elastic Beanstalk CLI",
  amplify: "the Amplify CLI",
  chalice: "Chalice",
  zappa: "Zappa",
  sst: "SST",
  "ecs-cli": "the ECS CLI",
  "ecs-deploy": "ecs-deploy",
  cfn: "a CloudFormation tool",
  rain: "Rain"
};
var INTERPRETERS = /* @__PURE__ */ new Set([
  "bash",
  "sh",
  "zsh",
  "dash",
  "ksh",
  "source",
  ".",
  "python",
  "python3",
  "node",
  "ruby",
  "pwsh",
  "fish",
  "php",
  "perl",
  "ts-node",
  "tsx",
  "bun"
]);
var SCRIPT_FILE = /\.(sh|bash|zsh|fish|py|rb|js|mjs|cjs|ts|ps1|pl|php)$/i;
var BUILD_WRAPPERS = /* @__PURE__ */ new Set(["configure"]);
function opaqueReason(program) {
  const tool = toolOf(program);
  if (tool !== void 0) {
    const reason = `runs ${tool}, whose AWS calls depend on its own files and state; declare the permission lines it needs`;
    return { kind: "opaque-tool", reason };
  }
  const file = scriptFileOf(program);
  if (file !== void 0) {
    const reason = `runs the script ${file}, which the preflight does not read; if it calls AWS, declare the permission lines it needs`;
    return { kind: "script-file", reason };
  }
  const { code, fromStdin } = inlineCode(program);
  const piped = fromStdin && program.stdin === void 0;
  const unknown = piped ? code.find((w) => w.value === "*" && w.dynamic.length > 0) : void 0;
  if (unknown !== void 0) {
    const reason = `runs the program given on its standard input, ${unknown.dynamic.join(" ")}, which the preflight does not read; if it calls AWS, declare the permission lines it needs`;
    return { kind: "script-file", reason };
  }
  if (code.some((w) => AWS_SDK.test(w.value))) {
    return { kind: "opaque-tool", reason: "calls an AWS SDK from inline code; declare the permission lines it needs" };
  }
  if (code.some((w) => RUNS_PROCESS.test(w.value) && AWS_PROGRAM.test(w.value))) {
    const reason = "runs an AWS program (the AWS CLI or a deploy tool) from inline code, which the preflight does not read; declare the permission lines it needs";
    return { kind: "opaque-tool", reason };
  }
  return void 0;
}
var AWS_SDK = /\bboto3\b|\bbotocore\b|\baws-sdk\b|\bAws::|\bAmazon\.[A-Z]|\bAWS\.Tools\b|\bAWSPowerShell\b|\bAWSSDK\b/;
var AWS_PROGRAM = /\baws\b|\bcdk\b|\bterraform\b|\bsam\b|\bpulumi\b|\bserverless\b/;
var RUNS_PROCESS = /subprocess|child_process|\bsystem\b|\bexec|\bspawn|\bpopen|`|\bqx\b|%x|\bOpen3\b|\bDeno\.Command\b/i;
var AWS_CMDLET = /\b[A-Za-z]+-(?:Default)?(?:AWS|S3|EC2|STS|IAM|CFN|ECS|ECR|EKS|LM|SNS|SQS|DDB|KMS|SSM|SEC|CF|CW|CWL|EB|ELB2?|R53|AS|CB|CD|CP|CC|RDS|SFN|SES|EBS|EFS|KIN|ATH|GLUE|SM|APIG|AG|ACM|CT|EVB|EML)[A-Z][a-z]/;
function mayCallAws(script) {
  return AWS_PROGRAM.test(script) || AWS_SDK.test(script) || AWS_CMDLET.test(script);
}
var INLINE_OPTIONS = {
  python: /* @__PURE__ */ new Set(["-c"]),
  node: /* @__PURE__ */ new Set(["-e", "--eval", "-p", "--print"]),
  bun: /* @__PURE__ */ new Set(["-e", "--eval", "-p", "--print"]),
  ruby: /* @__PURE__ */ new Set(["-e"]),
  perl: /* @__PURE__ */ new Set(["-e", "-E"]),
  // `php -r CODE`; given no file, php runs its standard input (https://www.php.net/manual/en/features.commandline.usage.php).
  php: /* @__PURE__ */ new Set(["-r"])
};
function inlineCode(program) {
  const name = /^python(?:[0-9.]*)$/.test(program.name) ? "python" : program.name;
  if (name === "deno")
    return { code: program.args[0]?.value === "eval" ? program.args.slice(1) : [], fromStdin: false };
  const options = INLINE_OPTIONS[name];
  if (options === void 0) return { code: [], fromStdin: false };
  const at = program.args.findIndex((w) => options.has(w.value));
  const code = at < 0 ? void 0 : program.args[at + 1];
  if (code !== void 0) return { code: [code], fromStdin: false };
  const fromStdin = program.args.every((w) => w.value === "-" || w.value.startsWith("-"));
  const stdin = fromStdin ? stdinOf(program) : void 0;
  return stdin === void 0 ? { code: [], fromStdin: false } : { code: [stdin], fromStdin: true };
}
function isOpaqueTool(name) {
  return Object.hasOwn(OPAQUE_TOOLS, name);
}
function toolOf(program) {
  return Object.hasOwn(OPAQUE_TOOLS, program.name) ? OPAQUE_TOOLS[program.name] : void 0;
}
function scriptFileOf(program) {
  const path = program.word.value;
  const relative = path.includes("/") && !/^[/@]/.test(path) && !path.includes(":") && program.word.dynamic.length === 0;
  if ((path.startsWith("./") || path.startsWith("../") || path.startsWith("/") || relative) && !BUILD_WRAPPERS.has(program.name)) {
    return path.startsWith("/") && !SCRIPT_FILE.test(path) ? void 0 : path;
  }
  if (SCRIPT_FILE.test(path)) return path;
  if (!INTERPRETERS.has(program.name)) return void 0;
  const file = SHELL_NAMES.has(program.name) ? shellOperand(program.args) : program.args.find((w) => !w.value.startsWith("-"));
  if (file === void 0 && program.stdinFile !== void 0 && program.stdinFile.dynamic.length === 0) {
    return program.stdinFile.value;
  }
  if (file === void 0 || program.args.some((w) => /^-[ceEr]$/.test(w.value))) return void 0;
  return SCRIPT_FILE.test(file.value) || file.value.includes("/") ? file.value : void 0;
}
var SHELL_NAMES = /* @__PURE__ */ new Set(["bash", "sh", "zsh", "dash", "ksh"]);
function shellOperand(args) {
  for (let i = 0; i < args.length; i++) {
    const value = args[i]?.value ?? "";
    if (!/^[-+]./.test(value)) return args[i];
    if (value === "--") return args[i + 1];
    if (/^[-+][A-Za-z]*[oO]$|^--(?:rcfile|init-file)$/.test(value)) i++;
  }
  return void 0;
}
var ECR_DOC = "https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-push-iam.html";
var PUSH = [
  "ecr:BatchCheckLayerAvailability",
  "ecr:InitiateLayerUpload",
  "ecr:UploadLayerPart",
  "ecr:CompleteLayerUpload",
  "ecr:PutImage"
];
var PULL = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"];
var ECR_IMAGE = /^([0-9]{12}|\*)\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+|\*)\.amazonaws\.com(?:\.cn)?\/([^:@]+)/d;
function pushesImage(program) {
  if (program.name !== "docker") return false;
  const [sub, next] = program.args.map((w) => w.value);
  if (sub === "push" || sub === "image" && next === "push") return true;
  if (sub !== "build" && sub !== "buildx") return false;
  return program.args.some((w, i) => {
    if (w.value === "--push" || w.value === "--push=true") return true;
    const output = /^(?:--output|-o)=?(.*)$/.exec(w.value);
    if (!output) return false;
    const value = output[1] || (program.args[i + 1]?.value ?? "");
    return /(^|,)type=registry(,|$)/.test(value) || /(^|,)type=image(,|$)/.test(value) && /(^|,)push=true(,|$)/.test(value);
  });
}
function dockerCalls(program) {
  if (program.name !== "docker") return { needs: [], unread: [] };
  const [sub, ...rest] = program.args;
  const words = rest.filter((w) => !w.value.startsWith("-"));
  const push = pushesImage(program);
  const images = sub?.value === "push" || sub?.value === "pull" ? words.slice(0, 1) : taggedImages(rest);
  if (!push && sub?.value !== "pull") return { needs: [], unread: [] };
  const direction = push ? "push" : "pull";
  return { needs: images.flatMap((image) => ecrNeeds(image, direction)), unread: unreadImages(images, direction) };
}
function unreadImages(images, direction) {
  return images.filter((image) => registryUnread(image) && ecrNeeds(image, direction).length === 0);
}
function registryUnread(image) {
  if (image.dynamic.length === 0 && !image.value.includes("*")) return false;
  const slash = image.value.indexOf("/");
  return (slash < 0 ? image.value : image.value.slice(0, slash)).includes("*");
}
function taggedImages(args) {
  const out = [];
  args.forEach((w, i) => {
    const next = args[i + 1];
    if ((w.value === "-t" || w.value === "--tag") && next) out.push(next);
  });
  return out;
}
function ecrNeeds(image, direction) {
  return ecrImageNeeds(image, direction === "push" ? PUSH : PULL, ECR_DOC);
}
var LAMBDA_IMAGE_DOC = "https://docs.aws.amazon.com/lambda/latest/dg/images-create.html#gettingstarted-images-permissions";
var LAMBDA_IMAGE = [
  "ecr:BatchGetImage",
  "ecr:GetDownloadUrlForLayer",
  "ecr:GetRepositoryPolicy",
  "ecr:SetRepositoryPolicy"
];
function lambdaImageNeeds(image) {
  const read = ecrImageNeeds(image, LAMBDA_IMAGE, LAMBDA_IMAGE_DOC);
  if (read.length > 0 || image.dynamic.length === 0 && !image.value.includes("*")) return read;
  const unknown = { value: "*", unknown: bound(image.dynamic.join(" ") || image.value) };
  const values = { Account: unknown, RepositoryName: unknown };
  return LAMBDA_IMAGE.map((action) => ({ action, values, docUrl: LAMBDA_IMAGE_DOC }));
}
function ecrImageNeeds(image, actions, docUrl) {
  let text = image.value;
  let shift = 0;
  if (text.startsWith("*/") && image.dynamic.some((d) => /ecr/i.test(d))) {
    const registry = "*.dkr.ecr.*.amazonaws.com";
    text = `${registry}${text.slice(1)}`;
    shift = registry.length - 1;
  }
  const match = ECR_IMAGE.exec(text);
  if (match?.indices === void 0) return [];
  const part = (group) => {
    const [start, end] = match.indices?.[group] ?? [0, 0];
    const value = match[group];
    if (value === "*" && group < 3) return void 0;
    return known(slicePart(image, start - shift, end - shift));
  };
  const values = { Account: part(1), Region: part(2), RepositoryName: part(3) };
  return actions.map((action) => ({ action, values, docUrl }));
}

export {
  withExpansions,
  slicePart,
  readShell,
  programOf,
  stdinOf,
  outputOf,
  joinWords,
  variableFor,
  serviceWord,
  readAws,
  DEFAULT_CALL_LIMITS,
  REASON_CAP,
  bound,
  known,
  kmsKey,
  realize,
  opaqueReason,
  mayCallAws,
  isOpaqueTool,
  pushesImage,
  dockerCalls,
  unreadImages,
  ecrNeeds,
  lambdaImageNeeds
};
