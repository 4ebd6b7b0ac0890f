import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  findingMaker
} from "./shared-model-finding-classes.js";
import {
  ROLE_ID
} from "./shared-model-aws.js";
import {
  MAX_JSON_DEPTH,
  jsonTooDeep
} from "./shared-text-json-depth.js";

// src/aws-files/json.ts
var DOCUMENT_KEYS = /* @__PURE__ */ new Set(["AssumeRolePolicyDocument", "PolicyDocument", "Document", "Content", "Policy"]);
var DOCUMENT_KEY = /"(?:AssumeRolePolicyDocument|PolicyDocument|Document|Content|Policy)"\s*:/g;
var NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
var STRING_RUN = /[^"\\\u0000-\u001f]*/y;
var HEX4 = /[0-9a-fA-F]{4}/y;
var LITERALS = ["true", "false", "null"];
var ESCAPES = '"\\/bfnrt';
function isSpace(c) {
  return c === 32 || c === 10 || c === 13 || c === 9;
}
function skipString(text, i) {
  let at = i + 1;
  for (; ; ) {
    STRING_RUN.lastIndex = at;
    STRING_RUN.test(text);
    at = STRING_RUN.lastIndex;
    const c = text.charCodeAt(at);
    if (c === 34) return at + 1;
    if (c !== 92) {
      return Number.isNaN(c) ? { offset: i, message: "a string that is never closed" } : { offset: at, message: "a control character (such as a line break) inside a string; escape it" };
    }
    const next = text[at + 1] ?? "";
    if (next === "u") {
      HEX4.lastIndex = at + 2;
      if (!HEX4.test(text)) return { offset: at, message: "a \\u escape without four hex digits" };
      at += 6;
    } else if (next !== "" && ESCAPES.includes(next)) at += 2;
    else return { offset: at, message: `an invalid escape '\\${next}' in a string` };
  }
}
function describeAt(text, i) {
  return i >= text.length ? "the end of the file" : `'${text[i]}'`;
}
function skipScalar(text, i, c) {
  if (c === 45 || c >= 48 && c <= 57) {
    NUMBER.lastIndex = i;
    return NUMBER.test(text) ? NUMBER.lastIndex : { offset: i, message: "an invalid number" };
  }
  const literal = LITERALS.find((word) => text.startsWith(word, i));
  return literal ? i + literal.length : { offset: i, message: `expected a value, found ${describeAt(text, i)}` };
}
function readKey(text, i) {
  let at = i;
  while (isSpace(text.charCodeAt(at))) at++;
  if (text.charCodeAt(at) !== 34) {
    return { offset: at, message: `expected a property name in double quotes, found ${describeAt(text, at)}` };
  }
  const end = skipString(text, at);
  if (typeof end !== "number") return end;
  at = end;
  while (isSpace(text.charCodeAt(at))) at++;
  if (text.charCodeAt(at) !== 58) {
    return { offset: at, message: `expected ':' after the property name, found ${describeAt(text, at)}` };
  }
  return at + 1;
}
function scan(text, from) {
  const n = text.length;
  const extents = [];
  const stack = [];
  let i = from;
  for (; ; ) {
    while (isSpace(text.charCodeAt(i))) i++;
    if (i >= n) return extents;
    const start = i;
    for (; ; ) {
      while (isSpace(text.charCodeAt(i))) i++;
      if (i >= n) return { offset: i, message: "the file ends where a value was expected" };
      const c = text.charCodeAt(i);
      if (c === 123 || c === 91) {
        const array = c === 91;
        i++;
        while (isSpace(text.charCodeAt(i))) i++;
        if (text.charCodeAt(i) === (array ? 93 : 125)) i++;
        else {
          stack.push(array);
          if (!array) {
            const after = readKey(text, i);
            if (typeof after !== "number") return after;
            i = after;
          }
          continue;
        }
      } else {
        const end = c === 34 ? skipString(text, i) : skipScalar(text, i, c);
        if (typeof end !== "number") return end;
        i = end;
      }
      let more = false;
      while (!more && stack.length > 0) {
        const array = stack[stack.length - 1];
        while (isSpace(text.charCodeAt(i))) i++;
        const d = text.charCodeAt(i);
        if (d === 44) {
          i++;
          if (!array) {
            const after = readKey(text, i);
            if (typeof after !== "number") return after;
            i = after;
          }
          more = true;
        } else if (d === (array ? 93 : 125)) {
          i++;
          stack.pop();
        } else return { offset: i, message: `expected ',' or '${array ? "]" : "}"}', found ${describeAt(text, i)}` };
      }
      if (!more) break;
    }
    extents.push({ start, end: i });
  }
}
function linesAt(text, offsets) {
  const lines = [];
  let line = 1;
  let next = text.indexOf("\n");
  for (const offset of offsets) {
    while (next !== -1 && next < offset) {
      line++;
      next = text.indexOf("\n", next + 1);
    }
    lines.push(line);
  }
  return lines;
}
function walkDocumentKeys(value, intoDocuments, met) {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      if (typeof item === "object" && item !== null) walkDocumentKeys(item, intoDocuments, met);
    }
  } else {
    const record = value;
    for (const key in record) {
      const isDocument = DOCUMENT_KEYS.has(key);
      if (isDocument) {
        met.parents.push(record);
        met.keys.push(key);
      }
      const child = record[key];
      if ((intoDocuments || !isDocument) && typeof child === "object" && child !== null) {
        walkDocumentKeys(child, intoDocuments, met);
      }
    }
  }
}
function findDocumentKeys(text) {
  const offsets = [];
  DOCUMENT_KEY.lastIndex = 0;
  for (let match = DOCUMENT_KEY.exec(text); match; match = DOCUMENT_KEY.exec(text)) {
    if (text.charCodeAt(match.index - 1) !== 92) offsets.push(match.index);
  }
  return offsets;
}
function locateDocuments(text, values) {
  let located;
  const locate = () => {
    located ??= pairDocumentKeys(
      text,
      values.map((v) => v.value)
    );
    return located;
  };
  const lines = new LineCounter(text);
  const valueAfter = (offset) => {
    if (offset === void 0) return void 0;
    const end = skipString(text, offset);
    return typeof end === "number" ? text.indexOf(":", end) + 1 : void 0;
  };
  const startOf = (parent, key) => key === void 0 ? values.find((v) => v.value === parent)?.offset : valueAfter(locate()(parent, key));
  return {
    lineOf: (parent, key) => {
      const offset = locate()(parent, key);
      return offset === void 0 ? void 0 : lines.lineAt(offset);
    },
    documentIn: (parent, key) => {
      const start = startOf(parent, key);
      return start === void 0 ? void 0 : documentLines(text, start);
    }
  };
}
function duplicateKeys(text, start = 0) {
  return [...documentLines(text, start).duplicates];
}
function documentLines(text, start = 0) {
  const { duplicates, statements } = scanDocument(text, start);
  return { duplicates, statementLines: statements.length === 0 ? [] : linesAt(text, statements) };
}
function scanDocument(text, start) {
  let i = start;
  while (isSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== 123) return { duplicates: [], statements: [] };
  const found = [];
  let statements = [];
  const stack = [];
  let expectKey = false;
  let statementNext = false;
  let statementArray = -1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      const end = skipString(text, i);
      if (typeof end !== "number") return { duplicates: [], statements: [] };
      const top = stack[stack.length - 1];
      if (top && expectKey) {
        const key = JSON.parse(text.slice(i, end));
        const first = top.get(key);
        if (first === void 0) top.set(key, i);
        else found.push({ key, first, second: i });
        expectKey = false;
        statementNext = stack.length === 1 && key === "Statement";
      } else statementNext = false;
      i = end;
      continue;
    }
    if (c === 123 || c === 91) {
      if (statementNext) statements = [];
      if (c === 123 && (statementNext || stack.length === statementArray)) statements.push(i);
      stack.push(c === 123 ? /* @__PURE__ */ new Map() : null);
      if (statementNext && c === 91) statementArray = stack.length;
      statementNext = false;
      expectKey = c === 123;
    } else if (c === 125 || c === 93) {
      if (stack.length === statementArray) statementArray = -1;
      stack.pop();
      if (stack.length === 0) break;
    } else if (c === 44) {
      expectKey = stack[stack.length - 1] != null;
      statementNext = false;
    }
    i++;
  }
  return { duplicates: locateDuplicates(text, found), statements };
}
function locateDuplicates(text, found) {
  if (found.length === 0) return [];
  const sorted = found.flatMap((d) => [d.first, d.second]).sort((a, b) => a - b);
  const at = linesAt(text, sorted);
  const lineOf = (offset) => at[sorted.indexOf(offset)] ?? 1;
  return found.map((d) => ({ key: d.key, lines: [lineOf(d.first), lineOf(d.second)] }));
}
function pairDocumentKeys(text, values) {
  const offsets = findDocumentKeys(text);
  const walk = (intoDocuments) => {
    const met2 = { parents: [], keys: [] };
    for (const value of values) {
      if (typeof value === "object" && value !== null) walkDocumentKeys(value, intoDocuments, met2);
    }
    return met2;
  };
  let met = walk(false);
  if (met.keys.length !== offsets.length) {
    met = walk(true);
    if (met.keys.length !== offsets.length) return () => void 0;
  }
  const { parents, keys } = met;
  let asked = 0;
  let first;
  let more;
  const index = () => {
    first = /* @__PURE__ */ new Map();
    more = /* @__PURE__ */ new Map();
    for (let k = 0; k < parents.length; k++) {
      const parent = parents[k];
      const known = first.get(parent);
      if (known === void 0) first.set(parent, k);
      else {
        const byKey = more.get(parent) ?? /* @__PURE__ */ new Map([[keys[known], known]]);
        byKey.set(keys[k], k);
        more.set(parent, byKey);
      }
    }
  };
  const search = (parent, key) => {
    for (let k = parents.indexOf(parent); k >= 0; k = parents.indexOf(parent, k + 1)) if (keys[k] === key) return k;
    return void 0;
  };
  return (parent, key) => {
    let k;
    if (first === void 0 && asked++ < 32) k = search(parent, key);
    else {
      if (first === void 0) index();
      k = more?.get(parent)?.get(key) ?? first?.get(parent);
    }
    return k !== void 0 && keys[k] === key ? offsets[k] : void 0;
  };
}
var LineCounter = class {
  constructor(text) {
    this.text = text;
  }
  text;
  offset = 0;
  line = 1;
  lineAt(offset) {
    if (offset < this.offset) {
      this.offset = 0;
      this.line = 1;
    }
    let next = this.text.indexOf("\n", this.offset);
    while (next !== -1 && next < offset) {
      this.line++;
      next = this.text.indexOf("\n", next + 1);
    }
    this.offset = offset;
    return this.line;
  }
};
function syntaxError(text, error) {
  const [line = 1] = linesAt(text, [error.offset]);
  return { ok: false, line, column: error.offset - text.lastIndexOf("\n", error.offset - 1), message: error.message };
}
function parseJsonWithLines(text) {
  const from = text.charCodeAt(0) === 65279 ? 1 : 0;
  const body = from === 0 ? text : text.slice(1);
  try {
    const value = JSON.parse(body);
    let start = from;
    while (isSpace(text.charCodeAt(start))) start++;
    const [line = 1] = linesAt(text, [start]);
    const values2 = [{ value, line, offset: start }];
    return { ok: true, values: values2, ...locateDocuments(text, values2) };
  } catch {
  }
  const extents = scan(text, from);
  if (!Array.isArray(extents)) return syntaxError(text, extents);
  if (extents.length === 0) return { ok: false, line: 1, column: 1, message: "the file is empty; expected JSON" };
  const lines = linesAt(
    text,
    extents.map((e) => e.start)
  );
  const values = [];
  for (const [k, extent] of extents.entries()) {
    try {
      const value = JSON.parse(text.slice(extent.start, extent.end));
      values.push({ value, line: lines[k] ?? 1, offset: extent.start });
    } catch (error) {
      return syntaxError(text, {
        offset: extent.start,
        message: error instanceof Error ? error.message : String(error)
      });
    }
  }
  return { ok: true, values, ...locateDocuments(text, values) };
}

// src/aws-files/documents.ts
var POLICY_GRAMMAR = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html";
function decodePolicyDocument(raw) {
  if (typeof raw === "object" && raw !== null && !Array.isArray(raw)) return { ok: true, document: raw };
  if (typeof raw !== "string") return { ok: false, reason: `expected a policy document, found ${describeValue(raw)}` };
  let text = raw.trim();
  if (!text.startsWith("{")) {
    try {
      text = decodeURIComponent(text).trim();
    } catch {
      return { ok: false, reason: "the document is neither JSON nor URL-encoded JSON (a % escape is broken)" };
    }
  }
  if (jsonTooDeep(text)) return { ok: false, reason: `the document nests deeper than ${MAX_JSON_DEPTH} levels` };
  try {
    const document = JSON.parse(text);
    if (typeof document === "object" && document !== null && !Array.isArray(document)) {
      return { ok: true, document, text };
    }
    return { ok: false, reason: `the document decodes to ${describeValue(document)}, not a JSON object` };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `the document is not valid JSON once decoded (${detail})` };
  }
}
function describeValue(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (value === void 0) return "nothing";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
var FILE_SUBJECT = "policy file ";
function isPolicyFileFinding(f) {
  return f.id.startsWith("aws-files:") && f.subject.startsWith(FILE_SUBJECT);
}
function unreadablePolicyFiles(findings) {
  const files = findings.filter((f) => isPolicyFileFinding(f) && f.class === "invalid-policy-file").map((f) => f.evidence.file).filter((file) => typeof file === "string");
  return [...new Set(files)];
}
function unreadableFilesNote(files) {
  if (files.length === 0) return "";
  const named = files.slice(0, 3).join(", ") + (files.length > 3 ? ` and ${files.length - 3} more` : "");
  return ` ${named} could not be read (invalid-policy-file), and ${files.length === 1 ? "it" : "one of them"} may be the one that gives it.`;
}
function fileFinding(file, spot, { continues, ...problem }) {
  const where = spot.line ? `:${spot.line}${spot.column ? `:${spot.column}` : ""}` : "";
  const evidence = { file };
  if (spot.line) evidence.line = spot.line;
  if (spot.column) evidence.column = spot.column;
  const place = findingMaker({
    idPrefix: "aws-files",
    subject: `${FILE_SUBJECT}${file}`,
    decisionPoint: "config",
    location: { file, ...spot.line ? { line: spot.line } : {}, ...spot.column ? { column: spot.column } : {} }
  });
  return place({
    ...problem,
    suffix: `${file}${where}`,
    status: "unverified",
    message: `${file}${where}${continues ? " " : ": "}${problem.message}`,
    evidence
  });
}
function readPolicy(context, parent, key, label, fallbackLine) {
  const line = context.json.lineOf(parent, key) ?? fallbackLine;
  const decoded = decodePolicyDocument(parent[key]);
  if (!decoded.ok) {
    return {
      finding: fileFinding(
        context.file,
        { line },
        {
          class: "invalid-policy-file",
          message: `${key} of ${label.name}: ${decoded.reason}.`,
          fix: "Save the output of the AWS CLI unedited (`--output json`, the default), or a policy document as JSON.",
          docUrl: POLICY_GRAMMAR
        }
      )
    };
  }
  const raw = parent[key];
  const inFile = decoded.text !== void 0 ? void 0 : context.json.documentIn(parent, key) ?? (raw && typeof raw === "object" ? context.json.documentIn(raw) : void 0);
  const duplicates = decoded.text !== void 0 ? duplicateKeys(decoded.text).map((d) => ({ ...d, inString: true })) : (inFile?.duplicates ?? []).map((d) => ({ ...d, inString: false }));
  const statements = inFile?.statementLines;
  const versionId = key === "Document" && typeof parent.VersionId === "string" ? parent.VersionId : void 0;
  const versionDate = key === "Document" && typeof parent.CreateDate === "string" ? parent.CreateDate : void 0;
  return {
    policy: {
      name: label.name,
      ...label.arn ? { arn: label.arn } : {},
      file: context.file,
      line,
      ...versionId ? { versionId } : {},
      ...versionDate ? { versionDate } : {},
      document: decoded.document,
      ...duplicates.length > 0 ? { duplicateKeys: duplicates } : {},
      ...statements && statements.length > 0 ? { statementLines: statements } : {}
    }
  };
}
function deferPolicy(context, parent, key, label, fallbackLine) {
  let result;
  return () => {
    result ??= readPolicy(context, parent, key, label, fallbackLine);
    return result;
  };
}
function policyOf(read) {
  const result = read();
  return "policy" in result ? result.policy : void 0;
}
var READ = /* @__PURE__ */ Symbol("read");
var LINE = {
  get() {
    return policyOf(this[READ])?.line;
  },
  enumerable: true,
  configurable: true
};
var DOCUMENT = {
  get() {
    return policyOf(this[READ])?.document;
  },
  enumerable: true,
  configurable: true
};
function lazyPolicyDocument(file, label, read) {
  const { name, arn } = label;
  const data = arn ? { name, arn, file } : { name, file };
  Object.defineProperty(data, "line", LINE);
  Object.defineProperty(data, "document", DOCUMENT);
  Object.defineProperty(data, READ, { value: read });
  return data;
}
function asRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
}
function asRecords(value) {
  return Array.isArray(value) ? value.filter((item) => asRecord(item) !== void 0) : [];
}
function asString(value) {
  return typeof value === "string" && value !== "" ? value : void 0;
}
function asStrings(value) {
  return Array.isArray(value) ? value.filter((item) => typeof item === "string") : [];
}
function readTags(value) {
  const tags = asRecords(value);
  if (tags.length === 0) return void 0;
  const result = {};
  for (const tag of tags) {
    if (typeof tag.Key === "string" && typeof tag.Value === "string") result[tag.Key] = tag.Value;
  }
  return result;
}

// src/aws-files/folder.ts
var LEVEL_DIR = /^(\d+)-./;
var FOLDER_DOC = "docs/policy-folder.md";
var ROLE_FILES = {
  "role.json": "role",
  "trust.json": "trust",
  "boundary.json": "boundary"
};
function readLevel(folderName) {
  const match = folderName ? LEVEL_DIR.exec(folderName) : null;
  return match && folderName ? { order: Number(match[1]), name: folderName } : void 0;
}
var stripJson = (name) => name.replace(/\.json$/i, "");
function joinDisplay(root, ...parts) {
  return root === "." || root === "" ? parts.join("/") : [root, ...parts].join("/");
}
function placeFile(root, relative, parent) {
  const [top, first, second, third, ...more] = relative;
  const file = relative[relative.length - 1] ?? "";
  const rolePlace = top === "roles" && first !== void 0;
  if (rolePlace && second !== void 0 && third === void 0 && ROLE_FILES[second]) {
    const part = ROLE_FILES[second];
    return {
      kind: "role",
      roleDir: joinDisplay(root, "roles", first),
      roleName: first,
      part,
      baseName: stripJson(second)
    };
  }
  if (rolePlace && (second === "inline" || second === "managed") && third !== void 0 && more.length === 0) {
    return {
      kind: "role",
      roleDir: joinDisplay(root, "roles", first),
      roleName: first,
      part: second,
      baseName: stripJson(third)
    };
  }
  if (top === "roles") {
    return "expected roles/<role-name>/role.json, trust.json, boundary.json, inline/<name>.json or managed/<name>.json";
  }
  if (top === "oidc-providers" || top === "resource-policies") {
    if (second === void 0 && first !== void 0) {
      return top === "oidc-providers" ? { kind: "oidc-provider" } : { kind: "resource-policy" };
    }
    return `expected ${top}/<name>.json, directly in ${top}/`;
  }
  if (top === "scps" || top === "rcps") {
    const level = readLevel(first);
    if (level && second !== void 0 && third === void 0) {
      return { kind: "org-policy", type: top === "scps" ? "scp" : "rcp", level, baseName: stripJson(second) };
    }
    return `expected ${top}/<n>-<level>/<name>.json, with n = 0 for the root, then 1, 2, \u2026 down to the account (e.g. ${top}/0-root/${file})`;
  }
  return { kind: "cli", level: readLevel(parent) };
}
function folderFinding(file, message) {
  return fileFinding(
    file,
    {},
    {
      class: "policy-folder-layout",
      message,
      fix: `Lay the folder out as ${FOLDER_DOC} says: each file's place tells what it is.`
    }
  );
}
function assembleRoleFolders(parts, findings) {
  const folders = /* @__PURE__ */ new Map();
  for (const part of parts) folders.set(part.roleDir, [...folders.get(part.roleDir) ?? [], part]);
  const roles = [];
  for (const [roleDir, files] of folders) {
    const settingsPart = files.find((f) => f.part === "role");
    if (settingsPart?.part !== "role") {
      findings.push(folderFinding(roleDir, "has no role.json, which gives the role ARN (and so its account)."));
      continue;
    }
    const { settings } = settingsPart;
    const roleName = settingsPart.roleName;
    if (settings.name !== roleName) {
      findings.push(
        folderFinding(settingsPart.file, `names role ${settings.name}, in the folder of role ${roleName}.`)
      );
      continue;
    }
    const policies = (kind) => files.flatMap((f) => f.part === kind && "policy" in f ? [f.policy] : []);
    const [trustFile] = policies("trust");
    if (trustFile && settings.trustPolicy) {
      findings.push(
        folderFinding(trustFile.file ?? roleDir, "gives a trust policy, and so does role.json: keep one of the two.")
      );
      continue;
    }
    const trustPolicy = trustFile ?? settings.trustPolicy;
    if (!trustPolicy) {
      findings.push(folderFinding(roleDir, "has no trust.json, and role.json holds no AssumeRolePolicyDocument."));
      continue;
    }
    const [permissionsBoundary] = policies("boundary");
    roles.push({
      kind: "role",
      source: "policy folder",
      file: settingsPart.file,
      ...settings,
      trustPolicy,
      inlinePolicies: policies("inline"),
      managedPolicies: policies("managed"),
      ...permissionsBoundary ? { permissionsBoundary } : {}
    });
  }
  return roles;
}

// src/aws-files/org-listings.ts
var TARGET_ID = /^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}|\d{12})$/;
var POLICY_ID = /^p-[0-9a-zA-Z_]{8,128}$/;
var LIST_PARENTS_NAME = /^list-parents-(.+)\.json$/i;
var TYPES = {
  SERVICE_CONTROL_POLICY: "scp",
  RESOURCE_CONTROL_POLICY: "rcp"
};
var FOLDER_FIX = 'Save it as docs/policy-folder.md says ("Listings and parents").';
function targetOfLevel(level) {
  const rest = level?.name.replace(/^\d+-/, "");
  return rest !== void 0 && TARGET_ID.test(rest) ? rest : void 0;
}
function readPolicyListing(out, context, value, line, placement) {
  const entries = asRecords(value.Policies);
  const listed = entries.filter((p) => TYPES[String(p.Type)]);
  const types = [...new Set(listed.map((p) => TYPES[String(p.Type)]))];
  const type = placement.type ?? (types.length === 1 ? types[0] : void 0);
  const problem = (message) => out.findings.push(fileFinding(context.file, { line }, { class: "policy-folder-layout", message, fix: FOLDER_FIX }));
  if (!placement.level) {
    problem(
      "is a list-policies-for-target output outside a level folder: its output does not name its target, so the level it lists is unknown."
    );
    return;
  }
  if (!type || types.some((t) => t !== type)) {
    problem(
      `is a list-policies-for-target output whose policy type cannot be known (${types.length === 0 ? "it lists no SCP or RCP" : "it mixes SCPs and RCPs"}): save one --filter per file, under scps/ or rcps/.`
    );
    return;
  }
  const ids = listed.filter((p) => TYPES[String(p.Type)] === type).map((p) => String(p.Id ?? ""));
  const bad = ids.find((id) => !POLICY_ID.test(id));
  if (bad !== void 0) {
    problem(
      `lists ${JSON.stringify(bad.slice(0, 64))}, which is not a policy ID (p- then 8 to 128 letters, digits or _).`
    );
    out.fragments.push({ kind: "org-policy-unread", types: [type] });
    return;
  }
  out.fragments.push({
    kind: "org-listing",
    file: context.file,
    type,
    level: placement.level,
    ...targetOfLevel(placement.level) ? { target: targetOfLevel(placement.level) } : {},
    policyIds: ids
  });
}
function readParents(out, context, value, line) {
  const name = context.file.slice(context.file.lastIndexOf("/") + 1);
  const child = LIST_PARENTS_NAME.exec(name)?.[1];
  const [parent, ...more] = asRecords(value.Parents);
  const problem = (message) => out.findings.push(fileFinding(context.file, { line }, { class: "policy-folder-layout", message, fix: FOLDER_FIX }));
  if (!child || !TARGET_ID.test(child)) {
    problem(
      "is a list-parents output whose child is unknown: its output does not name the child, so name the file list-parents-<child-id>.json."
    );
    return;
  }
  const id = typeof parent?.Id === "string" ? parent.Id : "";
  if (!TARGET_ID.test(id) || more.length > 0) {
    problem(`gives ${more.length + (parent ? 1 : 0)} parent(s) for ${child}, where an account or OU has exactly one.`);
    return;
  }
  out.fragments.push({ kind: "org-parent", file: context.file, child, parent: id, root: parent?.Type === "ROOT" });
}
var idsOf = (p) => [p.policy.arn?.slice(p.policy.arn.lastIndexOf("/") + 1), p.policy.name];
var exportCommand = (id) => `aws organizations describe-policy --policy-id ${id}`;
function checkOrgListings(listings, parents, policies, accounts) {
  const findings = [];
  const unread = /* @__PURE__ */ new Set();
  for (const listing of listings) {
    const here = policies.filter((p) => p.type === listing.type && p.level?.name === listing.level.name);
    for (const id of listing.policyIds) {
      if (here.some((p) => idsOf(p).includes(id))) continue;
      unread.add(listing.type);
      findings.push(
        fileFinding(
          listing.file,
          {},
          {
            class: "org-policy-missing",
            message: `lists the ${listing.type.toUpperCase()} ${id} at level ${listing.level.name}, and no file gives its document: that level is not read (fail closed).`,
            fix: `Save \`${exportCommand(id)}\` into the same folder (${listing.file.slice(0, listing.file.lastIndexOf("/") + 1)}${id}.json).`
          }
        )
      );
    }
    for (const p of here) {
      if (listing.policyIds.some((id) => idsOf(p).includes(id))) continue;
      unread.add(listing.type);
      findings.push(
        fileFinding(
          p.policy.file ?? listing.file,
          { line: p.policy.line },
          {
            class: "policy-folder-layout",
            message: `is the ${listing.type.toUpperCase()} ${p.policy.name}, which the level's listing (${listing.file}) does not name: it is not attached there now.`,
            fix: 'Export the level again (docs/policy-folder.md, "Exporting the SCPs and RCPs of one account"), or remove the file.'
          }
        )
      );
    }
  }
  if (parents.length > 0) chainFindings(parents, listings, policies, accounts, findings, unread);
  return { findings, unread: [...unread].sort() };
}
function chainFindings(parents, listings, policies, accounts, findings, unread) {
  const parentOf = new Map(parents.map((p) => [p.child, p]));
  for (const account of accounts) {
    const chain = [account];
    let at = parentOf.get(account);
    while (at && chain.length <= 6) {
      chain.unshift(at.parent);
      if (at.root) break;
      at = parentOf.get(at.parent);
    }
    const file = parents[0]?.file ?? "";
    if (!at?.root) {
      unread.add("scp");
      findings.push(
        fileFinding(
          file,
          {},
          {
            class: "org-policy-missing",
            message: `the list-parents outputs do not lead from account ${account} to the root (they stop at ${chain[0]}), so which levels' SCPs apply is unknown.`,
            fix: `Save \`aws organizations list-parents --child-id ${chain[0]}\` as list-parents-${chain[0]}.json.`
          }
        )
      );
      continue;
    }
    chain.forEach((target, level) => {
      const given = [...listings, ...policies].some(
        (f) => f.type === "scp" && f.level !== void 0 && (targetOfLevel(f.level) === target || f.level.order === level && targetOfLevel(f.level) === void 0)
      );
      if (given) return;
      unread.add("scp");
      findings.push(
        fileFinding(
          file,
          {},
          {
            class: "org-policy-missing",
            message: `the list-parents outputs put ${target} at level ${level} above account ${account}, and no file gives its SCPs: that level is not read (fail closed).`,
            fix: `Save each \`aws organizations describe-policy\` of \`aws organizations list-policies-for-target --target-id ${target} --filter SERVICE_CONTROL_POLICY\` into scps/${level}-${target}/.`
          }
        )
      );
    });
  }
}

// src/aws-files/role.ts
var DEFAULT_MAX_SESSION_DURATION = 3600;
var CREATE_ROLE = "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html";
var same = (a, b) => JSON.stringify(a.document) === JSON.stringify(b.document);
var accountOf = (arn) => {
  let at = -1;
  for (let i = 0; i < 4; i++) {
    at = arn.indexOf(":", at + 1);
    if (at < 0) return "";
  }
  const end = arn.indexOf(":", at + 1);
  return end < 0 ? arn.slice(at + 1) : arn.slice(at + 1, end);
};
function roleFinding(role, { suffix, ...draft }) {
  const where = role.trustPolicy?.file ?? role.file;
  const line = role.trustPolicy?.line;
  const place = findingMaker({
    idPrefix: "aws-files",
    subject: `role ${role.name}`,
    location: { file: where, ...line ? { line } : {} }
  });
  return place({
    ...draft,
    suffix: suffix ? `${role.arn}:${suffix}` : role.arn,
    status: "unverified",
    evidence: { role: role.arn, file: where }
  });
}
function missingPolicyFix(arn, incomplete) {
  const pages = incomplete ? " The authorization details are incomplete: add the remaining pages too." : "";
  return `Add \`aws iam get-account-authorization-details\` output without --filter (it holds the managed policies in use, AWS managed ones included), or \`aws iam get-policy --policy-arn ${arn}\` followed by \`aws iam get-policy-version\` of its default version, in one file.${pages}`;
}
function assembleRole(fragments, context) {
  const [first] = fragments;
  if (!first) return void 0;
  let listing;
  let second;
  const trusts = [];
  for (const f of fragments) {
    if (f.inlinePolicies !== void 0) {
      if (!listing) listing = f;
      else second ??= f;
    }
    if (f.trustPolicy) trusts.push(f.trustPolicy);
  }
  if (second) {
    context.report(first, {
      class: "conflicting-definitions",
      decisionPoint: "config",
      message: `Role ${first.name} is described by both ${listing?.file} and ${second.file}: which one is current is unknown.`,
      fix: "Pass one description of each role (the newest export, or the policy folder)."
    });
  }
  const [trustPolicy] = trusts;
  const differing = context.checked ? trusts.find((t, k) => k > 0 && trustPolicy && !same(t, trustPolicy)) : void 0;
  if (trustPolicy && differing) {
    context.report(first, {
      class: "conflicting-definitions",
      decisionPoint: "sts-trust",
      message: `The trust policy of ${first.name} differs between ${trustPolicy.file} and ${differing.file}.`,
      fix: "Export the role again, so that every file is from the same moment."
    });
  }
  if (!trustPolicy) return void 0;
  const maxSessionDuration = sessionDurationOf(fragments, first, context);
  const { inlinePolicies, managedPolicies, unread } = policiesOf(first, listing, context);
  const permissionsBoundary = boundaryOf(fragments, first, context);
  const boundaryArn = permissionsBoundary ? void 0 : fragments.find((f) => f.boundaryArn)?.boundaryArn;
  const tags = fragments.find((f) => f.tags)?.tags;
  const roleId = fragments.find((f) => f.roleId)?.roleId;
  const model = { arn: first.arn, name: first.name };
  model.accountId = accountOf(first.arn);
  if (roleId) model.roleId = roleId;
  model.maxSessionDuration = maxSessionDuration ?? DEFAULT_MAX_SESSION_DURATION;
  model.trustPolicy = trustPolicy;
  if (differing) model.conflictingTrust = differing;
  model.inlinePolicies = inlinePolicies;
  model.managedPolicies = managedPolicies;
  if (permissionsBoundary) model.permissionsBoundary = permissionsBoundary;
  if (tags) model.tags = tags;
  if (unread.listing || unread.managed || boundaryArn) {
    model.unreadPolicies = { ...unread, ...boundaryArn ? { boundary: boundaryArn } : {} };
  }
  return model;
}
function sessionDurationOf(fragments, first, context) {
  const maxSessionDuration = fragments.find((f) => f.maxSessionDuration !== void 0)?.maxSessionDuration;
  if (maxSessionDuration === void 0) {
    context.assumed.push(first.arn);
    if (context.durationSeconds !== void 0 && context.durationSeconds > DEFAULT_MAX_SESSION_DURATION) {
      context.report(first, {
        class: "max-session-duration-unknown",
        decisionPoint: "session",
        message: `No file gives the MaxSessionDuration of ${first.name} (get-account-authorization-details does not carry it), so a ${context.durationSeconds}-second session cannot be verified; 3600 s, the least IAM allows, is assumed.`,
        fix: `Add the output of \`aws iam get-role --role-name ${first.name}\`, or MaxSessionDuration in the policy folder's role.json.`,
        docUrl: CREATE_ROLE
      });
    }
  }
  return maxSessionDuration;
}
function policiesOf(first, listing, context) {
  const inlinePolicies = [...listing?.inlinePolicies ?? []];
  for (const extra of context.inline) {
    if (extra.roleName === first.name && !inlinePolicies.some((p) => p.name === extra.policy.name)) {
      inlinePolicies.push(extra.policy);
    }
  }
  if (!listing) {
    context.report(first, {
      class: "role-policies-unknown",
      decisionPoint: "identity-policy",
      message: `Only ${first.file} describes role ${first.name}, and it does not list the role's attached and inline policies.`,
      fix: "Add `aws iam get-account-authorization-details` output, or describe the role in the policy folder."
    });
  }
  const managedPolicies = [...listing?.managedPolicies ?? []];
  const missing = [];
  for (const arn of listing?.attachedPolicyArns ?? []) {
    const policy = context.managed(arn);
    if (policy) managedPolicies.push(policy);
    else {
      missing.push(arn);
      context.report(first, {
        class: "managed-policy-missing",
        decisionPoint: "identity-policy",
        suffix: arn,
        message: `Managed policy ${arn} is attached to ${first.name}, but no file holds its document.`,
        fix: missingPolicyFix(arn, context.incomplete)
      });
    }
  }
  const unread = {
    ...listing ? {} : { listing: first.file },
    ...missing.length > 0 ? { managed: missing } : {}
  };
  return { inlinePolicies, managedPolicies, unread };
}
function boundaryOf(fragments, first, context) {
  const boundaryArn = fragments.find((f) => f.boundaryArn)?.boundaryArn;
  const permissionsBoundary = fragments.find((f) => f.permissionsBoundary)?.permissionsBoundary ?? (boundaryArn ? context.managed(boundaryArn) : void 0);
  if (boundaryArn && !permissionsBoundary) {
    context.report(first, {
      class: "managed-policy-missing",
      decisionPoint: "permissions-boundary",
      suffix: boundaryArn,
      message: `${first.name} has permissions boundary ${boundaryArn}, but no file holds its document.`,
      fix: missingPolicyFix(boundaryArn, context.incomplete)
    });
  }
  return permissionsBoundary;
}

// src/aws-files/assemble.ts
var ACCOUNT_ID = /^\d{12}$/;
var folderOf = (file) => file.replace(/[\\/][^\\/]*$/, "");
function resolveProviderArn(url, file, listed, roleAccounts, rolePartitions) {
  const suffix = `:oidc-provider/${url}`;
  const matches = listed.filter((l) => l.arn.endsWith(suffix));
  const arns = [...new Set(matches.map((l) => l.arn))];
  const inRoleAccounts = arns.filter((arn) => roleAccounts.has(accountOf(arn)));
  if (arns.length === 1 || inRoleAccounts.length === 1) return [inRoleAccounts[0] ?? arns[0] ?? ""];
  const beside = [...new Set(matches.filter((l) => folderOf(l.file) === folderOf(file)).map((l) => l.arn))];
  if (beside.length === 1) return beside;
  if (arns.length > 1) return arns;
  const [account] = roleAccounts;
  const [partition] = rolePartitions;
  return account && partition && roleAccounts.size === 1 && rolePartitions.size === 1 ? [`arn:${partition}:iam::${account}${suffix}`] : [];
}
function providerLists(lists, roles) {
  const accountsOf = (arns) => [...new Set(arns.map(accountOf))].filter((a) => ACCOUNT_ID.test(a));
  const named = /* @__PURE__ */ new Map();
  const name = (file, accounts) => {
    const folder = folderOf(file);
    const set = named.get(folder) ?? /* @__PURE__ */ new Set();
    for (const account of accounts) set.add(account);
    named.set(folder, set);
  };
  for (const role of roles) name(role.file, accountsOf([role.arn]));
  for (const list of lists) name(list.file, accountsOf(list.arns));
  const folderAccount = (file) => {
    const folder = folderOf(file);
    const segment = folder.split(/[\\/]/).pop() ?? "";
    if (ACCOUNT_ID.test(segment)) return [segment];
    const accounts = [...named.get(folder) ?? []];
    return accounts.length === 1 ? accounts : [];
  };
  return lists.map((list) => {
    const accounts = accountsOf(list.arns);
    return { file: list.file, accounts: accounts.length > 0 ? accounts : folderAccount(list.file) };
  });
}
function usedPolicyArns(roles, options) {
  if (!options.roleArns) return void 0;
  const used = /* @__PURE__ */ new Set();
  for (const role of roles) {
    if (!options.roleArns.includes(role.arn)) continue;
    for (const arn of role.attachedPolicyArns ?? []) used.add(arn);
    if (role.boundaryArn) used.add(role.boundaryArn);
  }
  return used;
}
function readManagedPolicies(fragments, used, findings) {
  const managed = /* @__PURE__ */ new Map();
  const unread = /* @__PURE__ */ new Map();
  for (const fragment of fragments) {
    const { arn } = fragment;
    if (used && !used.has(arn)) {
      const list = unread.get(arn);
      if (list) list.push(fragment);
      else unread.set(arn, [fragment]);
      continue;
    }
    const read = fragment.read();
    if ("finding" in read) {
      findings.push(read.finding);
      continue;
    }
    const { policy } = read;
    const known = managed.get(arn);
    if (!known) managed.set(arn, policy);
    else if (!same(known, policy)) {
      findings.push(
        fileFinding(
          policy.file ?? "?",
          { line: policy.line },
          {
            class: "conflicting-definitions",
            message: `the default version of ${arn} differs from the one in ${known.file}.`,
            fix: "Export the policies again, so that every file is from the same moment."
          }
        )
      );
    }
  }
  const lazy = /* @__PURE__ */ new Map();
  return (arn) => {
    const known = managed.get(arn) ?? lazy.get(arn);
    if (known) return known;
    const candidates = unread.get(arn);
    const [first] = candidates ?? [];
    if (!candidates || !first) return void 0;
    const read = () => candidates.map((c) => c.read()).find((r) => "policy" in r) ?? first.read();
    const document = lazyPolicyDocument(first.file, { name: first.name, arn }, read);
    lazy.set(arn, document);
    return document;
  };
}
var SCP_EVALUATION = "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html";
var OIDC_ARN = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns";
function readProviders(fragments, listed, roleAccounts, rolePartitions, findings) {
  const providers = /* @__PURE__ */ new Map();
  for (const p of fragments) {
    const arns = resolveProviderArn(p.url, p.file, listed, roleAccounts, rolePartitions);
    const [arn] = arns;
    if (!arn || arns.length > 1) {
      findings.push(
        fileFinding(
          p.file,
          { line: p.line },
          {
            class: "oidc-provider-account-unknown",
            message: `the provider for ${p.url} carries no ARN, and its account cannot be told: ${arns.length > 1 ? `several accounts list it (${arns.join(", ")})` : "the roles given are in several accounts or partitions, or none"}.`,
            fix: "Add the `aws iam list-open-id-connect-providers` output of the account this provider was read from.",
            docUrl: OIDC_ARN
          }
        )
      );
      continue;
    }
    providers.set(arn, { arn, url: p.url, clientIds: p.clientIds, thumbprints: p.thumbprints });
  }
  return providers;
}
function orgLevels(fragments, type, findings) {
  const policies = fragments.filter((p) => p.type === type);
  if (policies.length === 0) return void 0;
  const levels = /* @__PURE__ */ new Map();
  for (const { level, policy } of policies) {
    if (!level) {
      findings.push(
        fileFinding(
          policy.file ?? "?",
          { line: policy.line },
          {
            class: "policy-folder-layout",
            message: `${policy.name} is an ${type.toUpperCase()}, but which organization level it is attached at is unknown.`,
            fix: `Put it in a folder named for its level: 0-root, 1-ou-<name>, \u2026, then the account's (e.g. ${type}s/0-root/).`,
            docUrl: SCP_EVALUATION
          }
        )
      );
      continue;
    }
    const entry = levels.get(level.name) ?? { order: level.order, policies: [] };
    entry.policies.push(policy);
    levels.set(level.name, entry);
  }
  const sorted = [...levels].sort(([a, x], [b, y]) => x.order - y.order || a.localeCompare(b));
  sorted.forEach(
    ([
      name,
      {
        order,
        policies: [first]
      }
    ], k) => {
      const previous = sorted[k - 1];
      if (previous && previous[1].order === order) {
        const folder = first?.file?.slice(0, first.file.lastIndexOf("/")) || name;
        findings.push(
          fileFinding(
            folder,
            {},
            {
              class: "policy-folder-layout",
              message: `is level ${order}, and so is ${previous[0]}: an account sits under one target per level.`,
              fix: "Give each level its own number, root first (0), down to the account.",
              docUrl: SCP_EVALUATION
            }
          )
        );
      }
    }
  );
  return sorted.map(([, entry]) => entry.policies);
}
function groupBy(items, key) {
  const groups = /* @__PURE__ */ new Map();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
function fragmentsByKind(collected) {
  const byKind = groupBy(
    collected.flatMap((c) => c.fragments),
    (f) => f.kind
  );
  return (kind) => byKind.get(kind) ?? [];
}
function assembleInventory(collected, options = {}) {
  const findings = collected.flatMap((c) => c.findings);
  const of = fragmentsByKind(collected);
  const inScope = (arn) => !options.roleArns || options.roleArns.includes(arn);
  const folderFindings = [];
  const roleFragments = [...of("role"), ...assembleRoleFolders(of("role-part"), folderFindings)];
  const managed = readManagedPolicies(of("managed-policy"), usedPolicyArns(roleFragments, options), findings);
  findings.push(...folderFindings);
  const pages = of("authorization-details-page");
  const incomplete = pages.some((p) => p.truncated) && pages.filter((p) => p.truncated).length >= pages.length;
  const byArn = groupBy(roleFragments, (role) => role.arn);
  const assumed = [];
  const roles = [];
  const report = (role, draft) => {
    if (inScope(role.arn)) findings.push(roleFinding(role, draft));
  };
  const inline = of("inline-policy");
  const missing = /* @__PURE__ */ new Set();
  const withFallback = (arn) => managed(arn) ?? options.fallbackPolicy?.(arn);
  const checkedLookup = (arn) => {
    const policy = withFallback(arn);
    if (!policy) missing.add(arn);
    return policy;
  };
  for (const group of byArn.values()) {
    const checked = group[0] !== void 0 && inScope(group[0].arn);
    const role = assembleRole(group, {
      managed: checked ? checkedLookup : withFallback,
      inline,
      report,
      checked,
      assumed,
      incomplete,
      durationSeconds: options.durationSeconds
    });
    if (role) roles.push(role);
  }
  const listed = of("oidc-provider-arn");
  const roleArns = options.roleArns ?? roles.map((r) => r.arn);
  const roleAccounts = new Set(roleArns.map(accountOf));
  const rolePartitions = new Set(roleArns.map((arn) => arn.split(":")[1] ?? ""));
  const providers = readProviders(of("oidc-provider"), listed, roleAccounts, rolePartitions, findings);
  const scps = orgLevels(of("org-policy"), "scp", findings);
  const rcps = orgLevels(of("org-policy"), "rcp", findings);
  const listings = checkOrgListings(of("org-listing"), of("org-parent"), of("org-policy"), roleAccounts);
  findings.push(...listings.findings);
  const unreadOrgLayers = [
    .../* @__PURE__ */ new Set([
      ...listings.unread,
      ...of("org-policy-unread").flatMap((f) => f.types),
      ...of("org-policy").filter((p) => !p.level).map((p) => p.type)
    ])
  ].sort();
  const resourcePolicies = of("resource-policy").map(({ kind: _kind, ...rest }) => rest);
  const managedPolicies = [...new Set(of("managed-policy").map((m) => m.arn))].flatMap((arn) => managed(arn) ?? []);
  const inventory = {
    roles,
    ...providers.size > 0 ? { oidcProviders: [...providers.values()] } : {},
    ...scps ? { scps } : {},
    ...rcps ? { rcps } : {},
    ...unreadOrgLayers.length > 0 ? { unreadOrgLayers } : {},
    ...resourcePolicies.length > 0 ? { resourcePolicies } : {},
    ...managedPolicies.length > 0 ? { managedPolicies } : {}
  };
  findings.push(...duplicateKeyFindings(inventory, inScope));
  return {
    inventory,
    findings: uniqueIds(findings),
    listedOidcProviderArns: [...new Set(listed.map((l) => l.arn))].filter((arn) => !providers.has(arn)),
    oidcProviderLists: providerLists(of("oidc-provider-list"), roleFragments),
    assumedMaxSessionDuration: assumed,
    incomplete,
    missingManagedPolicyArns: [...missing]
  };
}
function duplicateKeyFindings(inventory, inScope) {
  const layers = [];
  for (const role of inventory.roles.filter((r) => inScope(r.arn))) {
    layers.push(["sts-trust", role.trustPolicy]);
    for (const policy of [...role.inlinePolicies, ...role.managedPolicies]) layers.push(["identity-policy", policy]);
    layers.push(["permissions-boundary", role.permissionsBoundary]);
  }
  for (const policy of (inventory.scps ?? []).flat()) layers.push(["scp", policy]);
  for (const policy of (inventory.rcps ?? []).flat()) layers.push(["rcp", policy]);
  for (const { policy } of inventory.resourcePolicies ?? []) layers.push(["resource-policy", policy]);
  const out = [];
  for (const [decisionPoint, policy] of layers) {
    for (const dup of policy?.duplicateKeys ?? []) {
      if (!policy) continue;
      const [first, second] = dup.lines;
      const where = dup.inString ? `lines ${first} and ${second} of the document (given as a JSON string at ${policy.file ?? "?"}:${policy.line ?? "?"})` : `${policy.file ?? "?"} lines ${first} and ${second}`;
      const make = findingMaker({
        idPrefix: `aws-files:duplicate-key:${policy.file ?? policy.name}`,
        subject: `policy ${policy.name}`,
        decisionPoint,
        ...policy.file ? { location: { file: policy.file, line: dup.inString ? policy.line ?? 1 : second } } : {}
      });
      out.push(
        make({
          suffix: `${dup.key}:${second}`,
          status: "fail",
          class: "duplicate-key",
          ...decisionPoint === "sts-trust" ? { cause: "changed-trust-or-network-rule" } : {},
          message: `${policy.name} gives \`${dup.key}\` twice in one object, at ${where}. AWS keeps the last and ignores the first, so what the first said is lost (in a trust policy, a lost condition may admit any repository).`,
          evidence: { policy: policy.name, key: dup.key, lines: dup.lines.map(String), file: policy.file ?? "" },
          fix: `Merge the two \`${dup.key}\` into one (their members side by side) and update the policy in IAM.`
        })
      );
    }
  }
  return out;
}
function uniqueIds(findings) {
  const seen = /* @__PURE__ */ new Map();
  return findings.map((f) => {
    const count = (seen.get(f.id) ?? 0) + 1;
    seen.set(f.id, count);
    return count === 1 ? f : { ...f, id: `${f.id}#${count}` };
  });
}

// src/aws-files/shapes.ts
var ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/;
var ROLE_FIX = "Save the AWS CLI output unedited; a role needs its ARN, arn:aws:iam::ACCOUNT:role/NAME.";
var POLICY_FIX = "Save the get-account-authorization-details output unedited: each managed policy carries its Arn and its versions, one of them the default.";
function detectShape(value) {
  const v = asRecord(value);
  if (!v) return void 0;
  if ("RoleDetailList" in v || "UserDetailList" in v || "GroupDetailList" in v)
    return "get-account-authorization-details";
  if (asRecords(v.Policies).some((p) => "PolicyVersionList" in p)) return "get-account-authorization-details";
  if (typeof asRecord(v.Role)?.Arn === "string") return "get-role";
  if (typeof v.RoleName === "string" && typeof v.PolicyName === "string" && "PolicyDocument" in v) {
    return "get-role-policy";
  }
  const policy = asRecord(v.Policy);
  if (policy && asRecord(policy.PolicySummary) && "Content" in policy) return "describe-policy";
  if (policy && typeof policy.Arn === "string" && "DefaultVersionId" in policy) return "get-policy";
  if (asRecord(v.PolicyVersion) && "Document" in (asRecord(v.PolicyVersion) ?? {})) return "get-policy-version";
  if (typeof v.Url === "string" && ("ClientIDList" in v || "ThumbprintList" in v)) {
    return "get-open-id-connect-provider";
  }
  if (Array.isArray(v.OpenIDConnectProviderList)) return "list-open-id-connect-providers";
  if (Array.isArray(v.Policies) && asRecords(v.Policies).every((p) => typeof p.Id === "string" && "Type" in p)) {
    return "list-policies-for-target";
  }
  if (Array.isArray(v.Parents) && asRecords(v.Parents).every((p) => typeof p.Id === "string")) return "list-parents";
  if (typeof v.ResourceArn === "string" && "Policy" in v) return "resource-policy";
  if ("Statement" in v) return "policy-document";
  return void 0;
}
function reportValue(out, context, line, message, fix) {
  out.findings.push(fileFinding(context.file, { line }, { class: "invalid-policy-file", message, fix }));
}
function take(out, result) {
  if ("finding" in result) {
    out.findings.push(result.finding);
    return void 0;
  }
  return result.policy;
}
function readRoleSettings(out, context, role, line) {
  const arn = asString(role.Arn);
  if (!arn || !ROLE_ARN.test(arn)) {
    reportValue(out, context, line, `a role without a valid role ARN (Arn is ${JSON.stringify(role.Arn)}).`, ROLE_FIX);
    return void 0;
  }
  const name = asString(role.RoleName) ?? arn.slice(arn.lastIndexOf("/") + 1);
  const settings = { arn, name };
  const roleId = readRoleId(out, context, role, name, line);
  if (roleId) settings.roleId = roleId;
  const duration = role.MaxSessionDuration;
  if (duration !== void 0) {
    if (isSessionDuration(duration)) {
      settings.maxSessionDuration = duration;
    } else {
      reportValue(
        out,
        context,
        line,
        `MaxSessionDuration of ${name} is ${JSON.stringify(duration)}; IAM allows whole seconds from 3600 to 43200.`,
        "Save the `aws iam get-role` output unedited, or give MaxSessionDuration in seconds."
      );
    }
  }
  if ("AssumeRolePolicyDocument" in role) {
    const trust = take(out, readPolicy(context, role, "AssumeRolePolicyDocument", { name: `${name}/trust` }, line));
    if (trust) settings.trustPolicy = trust;
  }
  const boundaryArn = asString(asRecord(role.PermissionsBoundary)?.PermissionsBoundaryArn);
  if (boundaryArn) settings.boundaryArn = boundaryArn;
  const tags = readTags(role.Tags);
  if (tags) settings.tags = tags;
  return settings;
}
var isSessionDuration = (duration) => Number.isInteger(duration) && duration >= 3600 && duration <= 43200;
function readRoleId(out, context, role, name, line) {
  const roleId = role.RoleId;
  if (roleId === void 0) return void 0;
  if (typeof roleId === "string" && ROLE_ID.test(roleId)) return roleId;
  reportValue(
    out,
    context,
    context.json.lineOf(role, "AssumeRolePolicyDocument") ?? line,
    `RoleId of ${name} is ${JSON.stringify(roleId)}; a role's unique ID is AROA followed by upper-case letters and digits, 16 to 128 characters in all.`,
    "Save the `aws iam get-role` or get-account-authorization-details output unedited, or give the RoleId that `aws iam get-role` prints."
  );
  return void 0;
}
var scopeOf = (options) => options.roleArns ? new Set(options.roleArns) : void 0;
function readUncheckedRole(context, detail, arn, line) {
  const name = asString(detail.RoleName) ?? arn.slice(arn.lastIndexOf("/") + 1);
  const lazy = (parent, key, label) => lazyPolicyDocument(context.file, label, deferPolicy(context, parent, key, label, line));
  const role = {
    kind: "role",
    source: "get-account-authorization-details",
    file: context.file,
    arn,
    name
  };
  const { RoleId: roleId, MaxSessionDuration: duration } = detail;
  if (typeof roleId === "string" && ROLE_ID.test(roleId)) role.roleId = roleId;
  if (isSessionDuration(duration)) role.maxSessionDuration = duration;
  if ("AssumeRolePolicyDocument" in detail) {
    role.trustPolicy = lazy(detail, "AssumeRolePolicyDocument", { name: `${name}/trust` });
  }
  const boundaryArn = asString(asRecord(detail.PermissionsBoundary)?.PermissionsBoundaryArn);
  if (boundaryArn) role.boundaryArn = boundaryArn;
  const tags = readTags(detail.Tags);
  if (tags) role.tags = tags;
  const inlinePolicies = [];
  const listed = detail.RolePolicyList;
  if (Array.isArray(listed)) {
    for (const value of listed) {
      const item = asRecord(value);
      if (item)
        inlinePolicies.push(
          lazy(item, "PolicyDocument", { name: `${name}/inline/${asString(item.PolicyName) ?? "?"}` })
        );
    }
  }
  role.inlinePolicies = inlinePolicies;
  const attachedPolicyArns = [];
  const attached = detail.AttachedManagedPolicies;
  if (Array.isArray(attached)) {
    for (const value of attached) {
      const policyArn = asString(asRecord(value)?.PolicyArn);
      if (policyArn) attachedPolicyArns.push(policyArn);
    }
  }
  role.attachedPolicyArns = attachedPolicyArns;
  return role;
}
function readAuthorizationDetails(out, context, value, line, options = {}) {
  const scope = scopeOf(options);
  for (const detail of asRecords(value.RoleDetailList)) {
    const arn = asString(detail.Arn);
    if (scope && arn && ROLE_ARN.test(arn) && !scope.has(arn)) {
      out.fragments.push(readUncheckedRole(context, detail, arn, line));
      continue;
    }
    const settings = readRoleSettings(out, context, detail, line);
    if (!settings) continue;
    const inlinePolicies = asRecords(detail.RolePolicyList).flatMap((item) => {
      const label = { name: `${settings.name}/inline/${asString(item.PolicyName) ?? "?"}` };
      const policy = take(out, readPolicy(context, item, "PolicyDocument", label, line));
      return policy ? [policy] : [];
    });
    const attachedPolicyArns = asRecords(detail.AttachedManagedPolicies).flatMap((a) => asString(a.PolicyArn) ?? []);
    out.fragments.push({
      kind: "role",
      source: "get-account-authorization-details",
      file: context.file,
      ...settings,
      inlinePolicies,
      attachedPolicyArns
    });
  }
  for (const item of asRecords(value.Policies)) {
    const arn = asString(item.Arn);
    const name = asString(item.PolicyName) ?? arn ?? "?";
    const version = selectDefaultVersion(asRecords(item.PolicyVersionList), asString(item.DefaultVersionId));
    if (!arn || !version) {
      reportValue(out, context, line, `managed policy ${name} has no ${arn ? "default version" : "Arn"}.`, POLICY_FIX);
      continue;
    }
    const read = deferPolicy(context, version, "Document", { name, arn }, line);
    if (!scope) {
      const policy = take(out, read());
      if (!policy) continue;
    }
    out.fragments.push({ kind: "managed-policy", arn, name, file: context.file, read });
  }
  const truncated = value.IsTruncated === true || typeof value.Marker === "string" || typeof value.NextToken === "string";
  out.fragments.push({ kind: "authorization-details-page", file: context.file, truncated });
}
function selectDefaultVersion(versions, defaultVersionId) {
  return versions.find((v) => v.IsDefaultVersion === true || v.IsDefaultVersion === "true") ?? versions.find((v) => defaultVersionId !== void 0 && v.VersionId === defaultVersionId);
}
function readRolePolicy(out, context, value, line) {
  const roleName = String(value.RoleName);
  const label = { name: `${roleName}/inline/${String(value.PolicyName)}` };
  const policy = take(out, readPolicy(context, value, "PolicyDocument", label, line));
  if (policy) out.fragments.push({ kind: "inline-policy", roleName, policy });
}
function readOidcProvider(out, context, value, line) {
  const url = String(value.Url).replace(/^https:\/\//i, "");
  const clientIds = asStrings(value.ClientIDList);
  const thumbprints = asStrings(value.ThumbprintList);
  out.fragments.push({ kind: "oidc-provider", file: context.file, line, url, clientIds, thumbprints });
}
function readOidcProviderList(out, value, file) {
  const arns = asRecords(value.OpenIDConnectProviderList).map((item) => asString(item.Arn)).filter((arn) => arn !== void 0 && arn !== "");
  out.fragments.push({ kind: "oidc-provider-list", file, arns });
  for (const arn of arns) out.fragments.push({ kind: "oidc-provider-arn", arn, file });
}
var ORG_POLICY_TYPES = {
  SERVICE_CONTROL_POLICY: "scp",
  RESOURCE_CONTROL_POLICY: "rcp"
};
var MANAGEMENT_POLICY_TYPES = /* @__PURE__ */ new Set([
  "TAG_POLICY",
  "BACKUP_POLICY",
  "AISERVICES_OPT_OUT_POLICY",
  "CHATBOT_POLICY",
  "DECLARATIVE_POLICY_EC2"
]);
function readOrgPolicy(out, context, value, line, placement) {
  const policy = asRecord(value.Policy) ?? {};
  const summary = asRecord(policy.PolicySummary) ?? {};
  const type = ORG_POLICY_TYPES[String(summary.Type)];
  const name = asString(summary.Name) ?? asString(summary.Id) ?? "?";
  if (!type) {
    if (typeof summary.Type === "string" && MANAGEMENT_POLICY_TYPES.has(summary.Type)) return;
    out.fragments.push({ kind: "org-policy-unread", types: placement.type ? [placement.type] : ["scp", "rcp"] });
    const at = context.json.lineOf(value, "Policy") ?? line;
    const given = summary.Type === void 0 ? "no PolicySummary.Type" : `PolicySummary.Type ${JSON.stringify(summary.Type)}`;
    reportValue(
      out,
      context,
      at,
      `The organization policy ${name} has ${given}, so whether it is an SCP, an RCP or a management policy is not known, and it was not read.`,
      `Give the output of \`aws organizations describe-policy\` unchanged: its Type is ${Object.keys(ORG_POLICY_TYPES).join(" or ")} for a policy that takes part in authorization.`
    );
    return;
  }
  if (placement.type && placement.type !== type) {
    const folder = placement.type === "scp" ? "scps/" : "rcps/";
    reportValue(out, context, line, `${name} is a ${summary.Type}, in the ${folder} folder.`, `Move it to ${type}s/.`);
    return;
  }
  const read = take(out, readPolicy(context, policy, "Content", { name, arn: asString(summary.Arn) }, line));
  if (read) out.fragments.push({ kind: "org-policy", type, level: placement.level, policy: read });
  else out.fragments.push({ kind: "org-policy-unread", types: [type] });
}
function readResourcePolicy(out, context, value, line) {
  const resourceArn = String(value.ResourceArn);
  if (!resourceArn.startsWith("arn:")) {
    reportValue(
      out,
      context,
      line,
      `ResourceArn is ${JSON.stringify(resourceArn)}, not an ARN.`,
      "Give the ARN of the resource the policy is attached to."
    );
    return;
  }
  const accountId = asString(value.AccountId);
  const policy = take(out, readPolicy(context, value, "Policy", { name: resourceArn }, line));
  if (policy) out.fragments.push({ kind: "resource-policy", resourceArn, ...accountId ? { accountId } : {}, policy });
}

// src/aws-files/parse.ts
var FOLDER_DOC2 = "docs/policy-folder.md";
var EXPECTED = `expected one of: aws iam get-account-authorization-details, aws iam get-role, aws iam get-role-policy, aws iam get-policy followed by aws iam get-policy-version, aws iam get-open-id-connect-provider, aws iam list-open-id-connect-providers, aws organizations describe-policy (SCP or RCP), aws organizations list-policies-for-target, aws organizations list-parents, or a resource policy file { "ResourceArn", "Policy" } (${FOLDER_DOC2})`;
function hintFor(value) {
  const v = asRecord(value) ?? {};
  if (Array.isArray(v.Policies)) {
    return " It lists policies without their content: run `aws organizations describe-policy` for each.";
  }
  if (Array.isArray(v.AttachedPolicies) || Array.isArray(v.PolicyNames) || Array.isArray(v.Roles)) {
    return " It names policies or roles without their documents or owner: use `aws iam get-account-authorization-details`.";
  }
  if (typeof v.Policy === "string") {
    return ' It looks like a resource policy (get-bucket-policy, get-key-policy): add "ResourceArn" beside "Policy".';
  }
  return "";
}
function layoutProblem(out, context, line, found, wanted) {
  out.findings.push(
    fileFinding(
      context.file,
      { line },
      {
        class: "policy-folder-layout",
        message: `${wanted} belongs here, found ${found}.`,
        fix: `Put each file where ${FOLDER_DOC2} says, in the form it gives for that place.`
      }
    )
  );
}
function readBareDocument(context, value, line, name, arn) {
  return readPolicy(context, { Document: value }, "Document", { name, arn }, line);
}
function readPolicyVersion(out, context, policy, value, line, fallbackName) {
  const version = asRecord(value.PolicyVersion) ?? {};
  const arn = typeof policy?.Arn === "string" ? policy.Arn : void 0;
  const name = typeof policy?.PolicyName === "string" ? policy.PolicyName : fallbackName;
  const defaultId = typeof policy?.DefaultVersionId === "string" ? policy.DefaultVersionId : void 0;
  if (policy && !selectDefaultVersion([version], defaultId)) {
    reportValue(
      out,
      context,
      line,
      `holds version ${String(version.VersionId)} of ${name}, but the default (in force) is ${String(defaultId)}.`,
      `Run aws iam get-policy-version --policy-arn ${String(arn)} --version-id ${String(defaultId)}.`
    );
    return void 0;
  }
  return readPolicy(context, version, "Document", { name, arn }, line);
}
var ACCEPTS = {
  cli: [],
  role: ["get-role"],
  trust: ["policy-document"],
  inline: ["policy-document", "get-role-policy"],
  managed: ["policy-document", "get-policy", "get-policy-version"],
  boundary: ["policy-document", "get-policy", "get-policy-version"],
  "oidc-provider": ["get-open-id-connect-provider"],
  "org-policy": ["policy-document", "describe-policy", "list-policies-for-target"],
  "resource-policy": ["resource-policy"]
};
function readRoleValue(out, context, placement, value, line, state) {
  const { roleDir, roleName, part, baseName } = placement;
  const base = { kind: "role-part", roleDir, roleName, file: context.file };
  const shape = detectShape(value);
  if (part === "role") {
    const settings = readRoleSettings(out, context, asRecord(value.Role) ?? value, line);
    if (settings) out.fragments.push({ ...base, part, settings });
    return;
  }
  if (shape === "get-policy") {
    state.getPolicy = asRecord(value.Policy);
    return;
  }
  const name = part === "managed" ? baseName : part === "inline" ? `${roleName}/inline/${baseName}` : `${roleName}/${part}`;
  const result = shape === "get-role-policy" ? readPolicy(context, value, "PolicyDocument", { name: `${roleName}/inline/${String(value.PolicyName)}` }, line) : shape === "get-policy-version" ? readPolicyVersion(out, context, state.getPolicy, value, line, name) : readBareDocument(context, value, line, name);
  if (result && "finding" in result) out.findings.push(result.finding);
  else if (result) out.fragments.push({ ...base, part, policy: result.policy });
}
function readPolicyVersionAfterGetPolicy(out, context, value, line, state) {
  if (!state.getPolicy) {
    const fix = `Append it to the aws iam get-policy output of the same policy (>>), or place it in the policy folder (${FOLDER_DOC2}).`;
    reportValue(out, context, line, "get-policy-version output names no policy ARN, so whose it is is unknown.", fix);
    return;
  }
  const read = readPolicyVersion(out, context, state.getPolicy, value, line, "?");
  if (read && "finding" in read) out.findings.push(read.finding);
  else if (read?.policy.arn) {
    const { policy } = read;
    out.fragments.push({
      kind: "managed-policy",
      arn: read.policy.arn,
      name: policy.name,
      file: context.file,
      read: () => ({ policy })
    });
  }
}
function readPolicyDocument(out, context, placement, value, line) {
  if (placement.kind === "org-policy") {
    const read = readBareDocument(context, value, line, placement.baseName);
    if ("finding" in read) out.findings.push(read.finding);
    else out.fragments.push({ kind: "org-policy", type: placement.type, level: placement.level, policy: read.policy });
    return;
  }
  const root = /^(.+?)[\\/]roles[\\/][^\\/]+[\\/](?:inline|managed|boundary)[\\/]/.exec(context.file)?.[1];
  const problem = {
    class: "policy-folder-layout",
    message: root ? `a policy document laid out as a policy folder whose root is ${root}, which is not a path given: whose policy it is is unknown.` : "a bare policy document outside the policy folder: whose policy it is, and of what kind, is unknown.",
    fix: root ? `Give ${root} itself as a policy-files path (one line per account's folder), not the folder above it (${FOLDER_DOC2}).` : `Place it in the policy folder (${FOLDER_DOC2}), e.g. roles/<role-name>/inline/<policy-name>.json.`
  };
  out.findings.push(fileFinding(context.file, { line }, problem));
}
function readShapedValue(out, context, placement, value, line, state) {
  const shape = detectShape(value);
  switch (shape) {
    case "get-account-authorization-details":
      readAuthorizationDetails(out, context, value, line, state.scope);
      return;
    case "get-role": {
      const settings = readRoleSettings(out, context, asRecord(value.Role) ?? {}, line);
      if (settings) out.fragments.push({ kind: "role", source: "get-role", file: context.file, ...settings });
      return;
    }
    case "get-role-policy":
      readRolePolicy(out, context, value, line);
      return;
    case "get-policy":
      state.getPolicy = asRecord(value.Policy);
      return;
    case "get-policy-version":
      readPolicyVersionAfterGetPolicy(out, context, value, line, state);
      return;
    case "get-open-id-connect-provider":
      readOidcProvider(out, context, value, line);
      return;
    case "list-open-id-connect-providers":
      readOidcProviderList(out, value, context.file);
      return;
    case "describe-policy":
      readOrgPolicy(
        out,
        context,
        value,
        line,
        placement.kind === "org-policy" ? placement : { level: placement.kind === "cli" ? placement.level : void 0 }
      );
      return;
    case "list-policies-for-target":
      readPolicyListing(out, context, value, line, {
        level: placement.kind === "org-policy" || placement.kind === "cli" ? placement.level : void 0,
        ...placement.kind === "org-policy" ? { type: placement.type } : {}
      });
      return;
    case "list-parents":
      readParents(out, context, value, line);
      return;
    case "resource-policy":
      readResourcePolicy(out, context, value, line);
      return;
    case "policy-document":
      readPolicyDocument(out, context, placement, value, line);
      return;
    default: {
      const problem = {
        class: "unrecognised-file",
        message: `is not an AWS CLI output this tool reads: ${EXPECTED}.${hintFor(value)}`,
        fix: "Pass the JSON that the AWS CLI prints, unedited, or a policy folder laid out as the documentation says.",
        continues: true
      };
      out.findings.push(fileFinding(context.file, { line }, problem));
    }
  }
}
function undecodableFile(file, reason, placement) {
  const problem = {
    class: "invalid-policy-file",
    message: `not text: the file ${reason}.`,
    fix: "Save the AWS CLI output unedited with `> file.json` (UTF-8, or UTF-16 with a byte order mark as Windows PowerShell writes it)."
  };
  return withUnreadLevel({ fragments: [], findings: [fileFinding(file, {}, problem)] }, placement);
}
function unreadFile(file, reason, placement) {
  const problem = {
    class: "could-not-verify",
    message: `${reason}: it is not read, so what it would decide is unverified.`,
    fix: "Keep the policy files in the workspace as regular files (docs/policy-folder.md), or remove this entry.",
    continues: true
  };
  return withUnreadLevel({ fragments: [], findings: [fileFinding(file, {}, problem)] }, placement);
}
function withUnreadLevel(out, placement) {
  const types = placement?.kind === "org-policy" ? [placement.type] : placement?.kind === "cli" && placement.level ? ["scp", "rcp"] : [];
  if (types.length > 0 && out.findings.length > 0) out.fragments.push({ kind: "org-policy-unread", types });
  return out;
}
function parseAwsFile(text, file, placement, scope = {}) {
  return withUnreadLevel(readFile(text, file, placement, scope), placement);
}
function readFile(text, file, placement, scope) {
  const out = { fragments: [], findings: [] };
  const deep = jsonTooDeep(text);
  if (deep) {
    const problem = {
      class: "invalid-policy-file",
      message: `nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels, which no AWS CLI output does.`,
      fix: "Save the AWS CLI output unedited with `--output json`."
    };
    out.findings.push(fileFinding(file, deep, problem));
    return out;
  }
  const json = parseJsonWithLines(text);
  if (!json.ok) {
    const problem = {
      class: "invalid-policy-file",
      message: `not valid JSON: ${json.message}.`,
      fix: "Save the AWS CLI output unedited with `--output json` (the default; YAML and text output are not read)."
    };
    out.findings.push(fileFinding(file, { line: json.line, column: json.column }, problem));
    return out;
  }
  const context = { file, json };
  const state = { scope };
  for (const { value, line } of json.values) {
    const v = asRecord(value) ?? {};
    if (placement.kind === "cli") {
      readShapedValue(out, context, placement, v, line, state);
      continue;
    }
    const shape = detectShape(value);
    const accepted = ACCEPTS[placement.kind === "role" ? placement.part : placement.kind];
    const roleSettings = placement.kind === "role" && placement.part === "role" && typeof v.Arn === "string";
    if (!roleSettings && (!shape || !accepted.includes(shape))) {
      layoutProblem(out, context, line, shape ?? "an unrecognised JSON value", accepted.join(" or "));
    } else if (placement.kind === "role") readRoleValue(out, context, placement, v, line, state);
    else readShapedValue(out, context, placement, v, line, state);
  }
  if (placement.kind !== "cli" && out.fragments.length === 0 && out.findings.length === 0) {
    layoutProblem(out, context, 1, "nothing that gives a policy or settings", "a policy document");
  }
  return out;
}

export {
  duplicateKeys,
  isPolicyFileFinding,
  unreadablePolicyFiles,
  unreadableFilesNote,
  readLevel,
  joinDisplay,
  placeFile,
  folderFinding,
  assembleInventory,
  undecodableFile,
  unreadFile,
  parseAwsFile
};
