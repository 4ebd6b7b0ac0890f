import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  buildConfig
} from "./shared-config-model.js";
import {
  DEFAULT_CONFIG_PATH
} from "./shared-package.js";
import {
  decodeFileBytes
} from "./shared-text-decode-bytes.js";
import {
  FILE_LIMITS,
  readRegularFile,
  resolveInWorkspace
} from "./shared-sources-files.js";

// src/sources/config-file.ts
import path from "node:path";
function locateConfig(options) {
  const allowOutside = options.getInput?.("allow-outside-workspace") === "true";
  if (options.configPath !== void 0) {
    return {
      shown: options.configPath,
      absolute: path.resolve(options.cwd, options.configPath),
      required: true,
      workspace: { root: options.cwd, allowOutside }
    };
  }
  const input = options.getInput?.("config") ?? "";
  const given = input === "" ? DEFAULT_CONFIG_PATH : input;
  const base = options.env.GITHUB_WORKSPACE || options.cwd;
  const absolute = path.resolve(base, given);
  const relative = path.relative(base, absolute);
  const shown = relative.startsWith("..") || path.isAbsolute(relative) ? absolute : relative.split(path.sep).join("/");
  return {
    shown,
    absolute,
    required: path.normalize(given) !== path.normalize(DEFAULT_CONFIG_PATH),
    workspace: { root: base, allowOutside }
  };
}
async function readConfigText(options) {
  const { shown, absolute, required, workspace } = locateConfig(options);
  const where = options.configPath !== void 0 ? "config file" : "input config";
  const resolved = await resolveInWorkspace(absolute, workspace);
  if (!resolved.ok && resolved.missing && !required) return { ok: true, shown };
  const read = resolved.ok ? await readRegularFile(resolved.real, FILE_LIMITS.config) : { ok: false, reason: resolved.missing ? `does not exist (looked for ${absolute})` : resolved.reason };
  if (!read.ok) return { ok: false, errors: [{ where, message: `"${shown}" ${read.reason}` }] };
  const bytes = read.bytes;
  const decoded = decodeFileBytes(bytes);
  if (!decoded.ok) return { ok: false, errors: [{ where, message: `"${shown}" ${decoded.reason}` }] };
  return { ok: true, text: decoded.text, shown };
}

// src/pipeline/load-config.ts
async function readSettings(options) {
  const read = await readConfigText(options);
  if (!read.ok || read.text === void 0) return read;
  const { readConfigFile } = await import("./config-file.js");
  const file = readConfigFile(read.text, read.shown, options.reader ?? "action");
  return file.ok ? { ok: true, settings: file.settings, shown: read.shown } : file;
}
async function loadPreflightConfig(options) {
  const file = await readSettings(options);
  if (!file.ok) return file;
  const getInput = options.getInput ?? (() => "");
  const parseYaml = getInput("tokens") !== "" ? await (await import("./config-yaml.js")).parseYaml() : void 0;
  const read = buildConfig(getInput, parseYaml, file.settings);
  if (!read.ok) return read;
  const source = [...file.settings ? [file.shown] : [], ...options.getInput ? ["inputs"] : []];
  return { ok: true, config: read.config, source };
}

export {
  loadPreflightConfig
};
