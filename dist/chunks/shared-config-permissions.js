import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);

// src/config/permissions.ts
var ACTION = /^[A-Za-z0-9-]+:[A-Za-z0-9*?_-]+$/;
var KEY = /^[A-Za-z0-9.-]+:[^\s=]+$/;
function splitWords(line) {
  const words = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && (line[i] === " " || line[i] === "	")) i++;
    if (i >= line.length || line[i] === "#") break;
    let text = "";
    let quoted = false;
    let eq = -1;
    while (i < line.length && line[i] !== " " && line[i] !== "	") {
      const c = line[i];
      if (c === '"' || c === "'") {
        const close = findClose(line, i + 1, c);
        if (close < 0) return `has an unterminated ${c} quote`;
        const inner = line.slice(i + 1, close);
        text += c === '"' ? inner.replace(/\\(["\\])/g, "$1") : inner;
        quoted = true;
        i = close + 1;
      } else {
        if (c === "=" && eq < 0) eq = text.length;
        text += c;
        i++;
      }
    }
    words.push({ text, quoted, eq });
  }
  return words;
}
function findClose(line, from, quote) {
  for (let j = from; j < line.length; j++) {
    if (quote === '"' && line[j] === "\\") j++;
    else if (line[j] === quote) return j;
  }
  return -1;
}
function checkResource(resource) {
  if (resource === "*") return void 0;
  if (!resource.startsWith("arn:"))
    return "is not an ARN or *; write it as arn:partition:service:region:account:resource";
  if (resource.split(":").length < 6) return "is not a complete ARN: arn:partition:service:region:account:resource";
  return void 0;
}
function parseLine(words, origin) {
  const [action, resource, ...pairs] = words;
  if (!action) return { word: "", problem: "is empty" };
  if (!ACTION.test(action.text)) {
    return { word: action.text, problem: "is not an action; write it as service:Action, like s3:PutObject" };
  }
  if (!resource || resource.eq >= 0) return { word: action.text, problem: "needs a resource ARN or *" };
  const bad = checkResource(resource.text);
  if (bad) return { word: resource.text, problem: bad };
  const context = /* @__PURE__ */ new Map();
  const absent = /* @__PURE__ */ new Map();
  for (const pair of pairs) {
    if (pair.text.startsWith("!") && pair.eq < 0 && !pair.quoted) {
      const key2 = pair.text.slice(1);
      if (!KEY.test(key2))
        return { word: pair.text, problem: "is not !key; write a key declared absent as !s3:x-amz-acl" };
      absent.set(key2.toLowerCase(), absent.get(key2.toLowerCase()) ?? key2);
      continue;
    }
    if (pair.eq <= 0) {
      return {
        word: pair.text,
        problem: "is not key=value; a permission is ACTION RESOURCE [key=value ...] [!key ...]"
      };
    }
    const key = pair.text.slice(0, pair.eq);
    const value = pair.text.slice(pair.eq + 1);
    if (!KEY.test(key)) return { word: key, problem: "is not a condition key; keys look like aws:SourceVpc" };
    if (value === "" && !pair.quoted) return { word: pair.text, problem: `has no value; write ${key}="" for ""` };
    const entry = context.get(key.toLowerCase());
    if (entry) entry.values.push(value);
    else context.set(key.toLowerCase(), { key, values: [value] });
  }
  for (const [lower, key] of absent) {
    if (context.has(lower))
      return { word: `!${key}`, problem: `declares ${key} absent, but the line also gives it a value` };
  }
  const record = {};
  for (const { key, values } of context.values()) record[key] = values.length === 1 ? values[0] : values;
  return {
    action: action.text,
    resource: resource.text,
    context: record,
    ...absent.size > 0 ? { absent: [...absent.values()] } : {},
    origin
  };
}
function describeProblem(line, { word, problem }) {
  const text = line.trim();
  if (word === text) return `"${text}" ${problem}`;
  const shown = text.length > 100 ? `${text.slice(0, 97)}...` : text;
  return `"${word}" ${problem} (in "${shown}")`;
}
function parsePermissions(text, where = "input permissions") {
  const permissions = [];
  const errors = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const origin = `${where}, line ${i + 1}`;
    const words = splitWords(line);
    if (typeof words === "string") {
      errors.push({ where: origin, message: describeProblem(line, { word: line.trim(), problem: words }) });
      return;
    }
    if (words.length === 0) return;
    const parsed = parseLine(words, origin);
    if ("problem" in parsed) errors.push({ where: origin, message: describeProblem(line, parsed) });
    else permissions.push(parsed);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, permissions };
}

export {
  parsePermissions
};
