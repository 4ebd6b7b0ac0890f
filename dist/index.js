import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  buildReport,
  describeThrown,
  readRunnerFacts,
  renderSummary,
  runPreflight,
  verifiesAnything
} from "./chunks/shared-pipeline-run.js";
import "./chunks/shared-sources-jwks.js";
import "./chunks/shared-checks.js";
import {
  createRedactor
} from "./chunks/shared-report-redact.js";
import "./chunks/shared-sources-token-input.js";
import {
  describeConfigError
} from "./chunks/shared-config-file-errors.js";
import "./chunks/shared-text-edit-distance.js";
import {
  loadPreflightConfig
} from "./chunks/shared-config-aws.js";
import {
  VERSION
} from "./chunks/shared-package.js";
import "./chunks/shared-text-decode-bytes.js";
import "./chunks/shared-sources-files.js";
import {
  secretForms,
  urlSecrets
} from "./chunks/shared-text-secrets.js";
import "./chunks/shared-config-permissions.js";
import "./chunks/shared-config-tokens.js";
import "./chunks/shared-model-aws.js";
import "./chunks/shared-text-json-depth.js";
import "./chunks/shared-jose-webapi-buffer_utils.js";
import "./chunks/shared-tokens-duration.js";
import "./chunks/shared-model-finding-classes.js";
import "./chunks/shared-tokens-github.js";
import "./chunks/shared-iam-glob.js";
import "./chunks/shared-runtime-4c621642.js";

// src/io.ts
import { mkdir as mkdir2, writeFile as writeFile2 } from "node:fs/promises";
import { dirname } from "node:path";

// node_modules/@actions/core/lib/command.js
import * as os from "os";

// node_modules/@actions/core/lib/utils.js
function toCommandValue(input) {
  if (input === null || input === void 0) {
    return "";
  } else if (typeof input === "string" || input instanceof String) {
    return input;
  }
  return JSON.stringify(input);
}
function toCommandProperties(annotationProperties) {
  if (!Object.keys(annotationProperties).length) {
    return {};
  }
  return {
    title: annotationProperties.title,
    file: annotationProperties.file,
    line: annotationProperties.startLine,
    endLine: annotationProperties.endLine,
    col: annotationProperties.startColumn,
    endColumn: annotationProperties.endColumn
  };
}

// node_modules/@actions/core/lib/command.js
function issueCommand(command, properties, message) {
  const cmd = new Command(command, properties, message);
  process.stdout.write(cmd.toString() + os.EOL);
}
function issue(name, message = "") {
  issueCommand(name, {}, message);
}
var CMD_STRING = "::";
var Command = class {
  constructor(command, properties, message) {
    if (!command) {
      command = "missing.command";
    }
    this.command = command;
    this.properties = properties;
    this.message = message;
  }
  toString() {
    let cmdStr = CMD_STRING + this.command;
    if (this.properties && Object.keys(this.properties).length > 0) {
      cmdStr += " ";
      let first = true;
      for (const key in this.properties) {
        if (this.properties.hasOwnProperty(key)) {
          const val = this.properties[key];
          if (val) {
            if (first) {
              first = false;
            } else {
              cmdStr += ",";
            }
            cmdStr += `${key}=${escapeProperty(val)}`;
          }
        }
      }
    }
    cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
    return cmdStr;
  }
};
function escapeData(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// node_modules/@actions/core/lib/file-command.js
import * as crypto from "crypto";
import * as fs from "fs";
import * as os2 from "os";
function issueFileCommand(command, message) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!fs.existsSync(filePath)) {
    throw new Error(`Missing file at path: ${filePath}`);
  }
  fs.appendFileSync(filePath, `${toCommandValue(message)}${os2.EOL}`, {
    encoding: "utf8"
  });
}
function prepareKeyValueMessage(key, value) {
  const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
  const convertedValue = toCommandValue(value);
  if (key.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  }
  if (convertedValue.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  }
  return `${key}<<${delimiter}${os2.EOL}${convertedValue}${os2.EOL}${delimiter}`;
}

// node_modules/@actions/core/lib/core.js
import * as os4 from "os";

// scripts/stubs/actions-http-client.mjs
var unavailable = (name) => class {
  constructor() {
    throw new Error(`${name} is not bundled in permission-preflight (see scripts/stubs/actions-http-client.mjs)`);
  }
};
var HttpClient = unavailable("@actions/http-client HttpClient");
var BearerCredentialHandler = unavailable("@actions/http-client BearerCredentialHandler");

// node_modules/@actions/core/lib/summary.js
import { EOL as EOL3 } from "os";
import { constants, promises } from "fs";
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var { access, appendFile, writeFile } = promises;
var SUMMARY_ENV_VAR = "GITHUB_STEP_SUMMARY";
var Summary = class {
  constructor() {
    this._buffer = "";
  }
  /**
   * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
   * Also checks r/w permissions.
   *
   * @returns step summary file path
   */
  filePath() {
    return __awaiter(this, void 0, void 0, function* () {
      if (this._filePath) {
        return this._filePath;
      }
      const pathFromEnv = process.env[SUMMARY_ENV_VAR];
      if (!pathFromEnv) {
        throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
      }
      try {
        yield access(pathFromEnv, constants.R_OK | constants.W_OK);
      } catch (_a) {
        throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
      }
      this._filePath = pathFromEnv;
      return this._filePath;
    });
  }
  /**
   * Wraps content in an HTML tag, adding any HTML attributes
   *
   * @param {string} tag HTML tag to wrap
   * @param {string | null} content content within the tag
   * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
   *
   * @returns {string} content wrapped in HTML element
   */
  wrap(tag, content, attrs = {}) {
    const htmlAttrs = Object.entries(attrs).map(([key, value]) => ` ${key}="${value}"`).join("");
    if (!content) {
      return `<${tag}${htmlAttrs}>`;
    }
    return `<${tag}${htmlAttrs}>${content}</${tag}>`;
  }
  /**
   * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
   *
   * @param {SummaryWriteOptions} [options] (optional) options for write operation
   *
   * @returns {Promise<Summary>} summary instance
   */
  write(options) {
    return __awaiter(this, void 0, void 0, function* () {
      const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
      const filePath = yield this.filePath();
      const writeFunc = overwrite ? writeFile : appendFile;
      yield writeFunc(filePath, this._buffer, { encoding: "utf8" });
      return this.emptyBuffer();
    });
  }
  /**
   * Clears the summary buffer and wipes the summary file
   *
   * @returns {Summary} summary instance
   */
  clear() {
    return __awaiter(this, void 0, void 0, function* () {
      return this.emptyBuffer().write({ overwrite: true });
    });
  }
  /**
   * Returns the current summary buffer as a string
   *
   * @returns {string} string of summary buffer
   */
  stringify() {
    return this._buffer;
  }
  /**
   * If the summary buffer is empty
   *
   * @returns {boolen} true if the buffer is empty
   */
  isEmptyBuffer() {
    return this._buffer.length === 0;
  }
  /**
   * Resets the summary buffer without writing to summary file
   *
   * @returns {Summary} summary instance
   */
  emptyBuffer() {
    this._buffer = "";
    return this;
  }
  /**
   * Adds raw text to the summary buffer
   *
   * @param {string} text content to add
   * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
   *
   * @returns {Summary} summary instance
   */
  addRaw(text, addEOL = false) {
    this._buffer += text;
    return addEOL ? this.addEOL() : this;
  }
  /**
   * Adds the operating system-specific end-of-line marker to the buffer
   *
   * @returns {Summary} summary instance
   */
  addEOL() {
    return this.addRaw(EOL3);
  }
  /**
   * Adds an HTML codeblock to the summary buffer
   *
   * @param {string} code content to render within fenced code block
   * @param {string} lang (optional) language to syntax highlight code
   *
   * @returns {Summary} summary instance
   */
  addCodeBlock(code, lang) {
    const attrs = Object.assign({}, lang && { lang });
    const element = this.wrap("pre", this.wrap("code", code), attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML list to the summary buffer
   *
   * @param {string[]} items list of items to render
   * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
   *
   * @returns {Summary} summary instance
   */
  addList(items, ordered = false) {
    const tag = ordered ? "ol" : "ul";
    const listItems = items.map((item) => this.wrap("li", item)).join("");
    const element = this.wrap(tag, listItems);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML table to the summary buffer
   *
   * @param {SummaryTableCell[]} rows table rows
   *
   * @returns {Summary} summary instance
   */
  addTable(rows) {
    const tableBody = rows.map((row) => {
      const cells = row.map((cell) => {
        if (typeof cell === "string") {
          return this.wrap("td", cell);
        }
        const { header, data, colspan, rowspan } = cell;
        const tag = header ? "th" : "td";
        const attrs = Object.assign(Object.assign({}, colspan && { colspan }), rowspan && { rowspan });
        return this.wrap(tag, data, attrs);
      }).join("");
      return this.wrap("tr", cells);
    }).join("");
    const element = this.wrap("table", tableBody);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds a collapsable HTML details element to the summary buffer
   *
   * @param {string} label text for the closed state
   * @param {string} content collapsable content
   *
   * @returns {Summary} summary instance
   */
  addDetails(label, content) {
    const element = this.wrap("details", this.wrap("summary", label) + content);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML image tag to the summary buffer
   *
   * @param {string} src path to the image you to embed
   * @param {string} alt text description of the image
   * @param {SummaryImageOptions} options (optional) addition image attributes
   *
   * @returns {Summary} summary instance
   */
  addImage(src, alt, options) {
    const { width, height } = options || {};
    const attrs = Object.assign(Object.assign({}, width && { width }), height && { height });
    const element = this.wrap("img", null, Object.assign({ src, alt }, attrs));
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML section heading element
   *
   * @param {string} text heading text
   * @param {number | string} [level=1] (optional) the heading level, default: 1
   *
   * @returns {Summary} summary instance
   */
  addHeading(text, level) {
    const tag = `h${level}`;
    const allowedTag = ["h1", "h2", "h3", "h4", "h5", "h6"].includes(tag) ? tag : "h1";
    const element = this.wrap(allowedTag, text);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML thematic break (<hr>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addSeparator() {
    const element = this.wrap("hr", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML line break (<br>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addBreak() {
    const element = this.wrap("br", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML blockquote to the summary buffer
   *
   * @param {string} text quote text
   * @param {string} cite (optional) citation url
   *
   * @returns {Summary} summary instance
   */
  addQuote(text, cite) {
    const attrs = Object.assign({}, cite && { cite });
    const element = this.wrap("blockquote", text, attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML anchor tag to the summary buffer
   *
   * @param {string} text link text/content
   * @param {string} href hyperlink
   *
   * @returns {Summary} summary instance
   */
  addLink(text, href) {
    const element = this.wrap("a", text, { href });
    return this.addRaw(element).addEOL();
  }
};
var _summary = new Summary();
var summary = _summary;

// node_modules/@actions/core/lib/platform.js
import os3 from "os";

// node_modules/@actions/io/lib/io-util.js
import * as fs2 from "fs";
var { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs2.promises;
var IS_WINDOWS = process.platform === "win32";
var READONLY = fs2.constants.O_RDONLY;

// node_modules/@actions/exec/lib/toolrunner.js
var IS_WINDOWS2 = process.platform === "win32";

// node_modules/@actions/core/lib/platform.js
var platform = os3.platform();
var arch = os3.arch();

// node_modules/@actions/core/lib/core.js
var __awaiter2 = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
function setSecret(secret) {
  issueCommand("add-mask", {}, secret);
}
function getInput(name, options) {
  const val = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "";
  if (options && options.required && !val) {
    throw new Error(`Input required and not supplied: ${name}`);
  }
  if (options && options.trimWhitespace === false) {
    return val;
  }
  return val.trim();
}
function setOutput(name, value) {
  const filePath = process.env["GITHUB_OUTPUT"] || "";
  if (filePath) {
    return issueFileCommand("OUTPUT", prepareKeyValueMessage(name, value));
  }
  process.stdout.write(os4.EOL);
  issueCommand("set-output", { name }, toCommandValue(value));
}
function setFailed(message) {
  process.exitCode = ExitCode.Failure;
  error(message);
}
function debug(message) {
  issueCommand("debug", {}, message);
}
function error(message, properties = {}) {
  issueCommand("error", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function info(message) {
  process.stdout.write(message + os4.EOL);
}
function startGroup(name) {
  issue("group", name);
}
function endGroup() {
  issue("endgroup");
}
function group(name, fn) {
  return __awaiter2(this, void 0, void 0, function* () {
    startGroup(name);
    let result;
    try {
      result = yield fn();
    } finally {
      endGroup();
    }
    return result;
  });
}

// src/text/inert.ts
var SHORT = { "\n": "\\n", "\r": "\\r", "	": "\\t" };
var CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
function escapeControl(c) {
  const short = SHORT[c];
  if (short) return short;
  const code = c.charCodeAt(0);
  return code <= 255 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}
function inert(text, options = {}) {
  const escapeOne = (c) => options.multiline && c === "\n" ? c : escapeControl(c);
  return (options.multiline ? text.replace(/\r\n/g, "\n") : text).replace(/\\/g, "\\\\").replace(CONTROL, escapeOne).replace(/(?<=:):/g, "\\:").replace(/(?<=#)#(?=\[)/g, "\\#");
}

// src/io.ts
function inertProps(props) {
  return {
    title: inert(props.title),
    ...props.file !== void 0 ? { file: inert(props.file) } : {},
    ...props.startLine !== void 0 ? { startLine: props.startLine } : {},
    ...props.startColumn !== void 0 ? { startColumn: props.startColumn } : {}
  };
}
function actionIO() {
  return {
    getInput: (name) => getInput(name),
    setOutput: (name, value) => setOutput(name, value),
    summary: async (markdown) => {
      if (!process.env.GITHUB_STEP_SUMMARY) {
        info("GITHUB_STEP_SUMMARY is not set: the job summary is skipped.");
        return;
      }
      await summary.addRaw(markdown, true).write();
    },
    info: (message) => info(inert(message)),
    debug: (message) => debug(inert(message)),
    error: (message, props) => error(inert(message, { multiline: true }), inertProps(props)),
    group: (name, fn) => group(inert(name), fn),
    setSecret: (secret) => setSecret(secret),
    setFailed: (message) => setFailed(inert(message, { multiline: true })),
    env: process.env,
    writeFile: async (path, content) => {
      await mkdir2(dirname(path), { recursive: true });
      await writeFile2(path, content, { mode: 384 });
    }
  };
}

// src/main.ts
var NOTHING_VERIFIED = "permission-preflight: no checks are configured; nothing was verified";
var MAX_ERROR_ANNOTATIONS = 10;
var MAX_LISTED_ERRORS = 100;
function annotateCapped(io, annotations, where) {
  const room = MAX_ERROR_ANNOTATIONS - 1;
  const shown = annotations.length <= room ? annotations : annotations.slice(0, room - 1);
  for (const a of shown) io.error(a.message, a.props);
  const left = annotations.length - shown.length;
  if (left > 0) {
    io.error(`and ${left} more: ${where}`, { title: `permission-preflight: ${left} more not annotated` });
  }
}
async function runChecks(config, io, redactor, deps) {
  const now = deps.now ?? (() => /* @__PURE__ */ new Date());
  const mask = (secret) => {
    for (const form of secretForms(secret)) {
      io.setSecret(form);
      redactor.add(form);
    }
  };
  for (const secret of urlSecrets(JSON.stringify(config))) mask(secret);
  return runPreflight(config, {
    env: io.env,
    mask,
    log: (line) => io.info(redactor.redact(line)),
    debug: (line) => io.debug(redactor.redact(line)),
    group: (name, fn) => io.group(name, fn),
    runner: await readRunnerFacts(io.env),
    now: () => Math.floor(now().getTime() / 1e3),
    ...io.env.GITHUB_WORKSPACE ? { cwd: io.env.GITHUB_WORKSPACE } : {},
    ...deps.fetch ? { fetch: deps.fetch } : {},
    ...deps.sleep ? { sleep: deps.sleep } : {}
  });
}
async function publish(report, io, redactor) {
  const json = redactor.redact(`${JSON.stringify(report, null, 2)}
`);
  const dir = io.env.RUNNER_TEMP;
  let path = "";
  if (dir) {
    path = `${dir}/permission-preflight/report.json`;
    await io.writeFile(path, json);
  }
  const annotations = report.findings.filter((f) => f.status !== "pass").map((f) => ({
    message: redactor.redact(`${f.message}${f.fix ? ` Fix: ${f.fix}` : ""}`),
    props: {
      title: redactor.redact(`${f.subject}: ${f.class} (${f.decisionPoint})`),
      ...f.location ? { file: f.location.file, ...f.location.line ? { startLine: f.location.line } : {} } : {}
    }
  }));
  annotateCapped(io, annotations, `every finding is in the job summary and the JSON report${path ? ` (${path})` : ""}`);
  await io.summary(redactor.redact(renderSummary(report, path ? { reportPath: path } : {})));
  io.setOutput("result", report.result);
  io.setOutput("findings", String(report.counts.failed + report.counts.unverified));
  io.setOutput("report", path);
}
function reportConfigErrors(errors, io) {
  const placed = errors.flatMap(
    (e) => e.file === void 0 || e.line === void 0 ? [] : [
      {
        message: describeConfigError(e),
        props: {
          title: "permission-preflight: invalid configuration",
          file: e.file,
          startLine: e.line,
          ...e.column !== void 0 ? { startColumn: e.column } : {}
        }
      }
    ]
  );
  annotateCapped(io, placed, "the failure message lists the errors");
  const listed = errors.slice(0, MAX_LISTED_ERRORS).map(describeConfigError);
  if (errors.length > listed.length) listed.push(`and ${errors.length - listed.length} more`);
  io.setFailed(`permission-preflight: invalid configuration:
${listed.join("\n")}`);
}
async function run(io = actionIO(), deps = {}) {
  const redactor = createRedactor();
  try {
    io.setOutput("result", "fail");
    io.setOutput("findings", "0");
    const read = await loadPreflightConfig({
      getInput: (name) => io.getInput(name),
      env: io.env,
      // The runner starts steps in the workspace; relative paths are the repository's either way.
      cwd: io.env.GITHUB_WORKSPACE || process.cwd()
    });
    if (!read.ok) {
      reportConfigErrors(read.errors, io);
      return;
    }
    const { config } = read;
    io.debug(`configuration from ${read.source.join(" and ") || "defaults"}`);
    if (!await verifiesAnything(config)) {
      await io.summary(
        `## permission-preflight

**Result: fail** (mode \`${config.mode}\`)

${NOTHING_VERIFIED}.
`
      );
      if (config.mode === "report") io.info(`${NOTHING_VERIFIED} (mode 'report': the step is not failed)`);
      else io.setFailed(NOTHING_VERIFIED);
      return;
    }
    const findings = await runChecks(config, io, redactor, deps);
    const report = buildReport({
      findings,
      mode: config.mode,
      version: VERSION,
      now: (deps.now ?? (() => /* @__PURE__ */ new Date()))()
    });
    await publish(report, io, redactor);
    if (report.result === "pass") return;
    const bad = report.counts.failed + report.counts.unverified;
    const message = `permission-preflight: ${bad} of ${report.counts.checks} checks would fail or could not be verified`;
    if (config.mode === "report") io.info(`${message} (mode 'report': the step is not failed)`);
    else io.setFailed(message);
  } catch (thrown) {
    io.setFailed(redactor.redact(`permission-preflight: could not verify: ${describeThrown(thrown)}`));
  }
}

// src/index.ts
await run();
