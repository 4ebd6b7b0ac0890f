import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  assembleInventory,
  folderFinding,
  joinDisplay,
  parseAwsFile,
  placeFile,
  readLevel,
  undecodableFile
} from "./shared-aws-files-json.js";
import "./shared-model-finding-classes.js";
import {
  decodeFileBytes
} from "./shared-text-decode-bytes.js";
import {
  FILE_LIMITS,
  InputFileError,
  MAX_FOLDER_DEPTH,
  MAX_FOLDER_ENTRIES,
  describeFileError,
  readRegularFile,
  resolveInWorkspace
} from "./shared-sources-files.js";
import "./shared-sources-http.js";
import "./shared-text-secrets.js";
import "./shared-model-aws.js";
import "./shared-text-json-depth.js";
import "./shared-runtime-743fa606.js";

// src/sources/aws-files.ts
import { readdir, stat } from "node:fs/promises";
import path from "node:path";

// src/sources/managed-policies.ts
import { brotliDecompressSync } from "node:zlib";
var FORMAT = 1;
var ARN_PREFIX = "arn:aws:iam::aws:policy/";
function decodeManagedPolicies(base64) {
  const parsed = JSON.parse(
    brotliDecompressSync(Buffer.from(base64, "base64")).toString("utf8")
  );
  if (parsed.format !== FORMAT) {
    throw new Error(
      `the AWS managed policies are in format ${parsed.format}, not ${FORMAT}: run npm run managed-policies`
    );
  }
  const policies = new Map(Object.entries(parsed.policies));
  return {
    source: `${parsed.source.package} ${parsed.source.version} (${parsed.source.date})`,
    lookup: (arn) => arn.startsWith(ARN_PREFIX) ? policies.get(arn.slice(ARN_PREFIX.length)) : void 0
  };
}
function createManagedPoliciesLoader() {
  let loading;
  return () => {
    loading ??= import("./catalog-aws-managed-policies.generated.js").then(
      (module) => decodeManagedPolicies(module.data),
      (error) => {
        loading = void 0;
        throw new Error(`cannot load the AWS managed policies: ${String(error)}`, { cause: error });
      }
    );
    return loading;
  };
}
var loadAwsManagedPolicies = createManagedPoliciesLoader();
var isAwsManagedArn = (arn) => arn.startsWith(ARN_PREFIX);

// src/sources/aws-files.ts
var CONCURRENCY = 16;
function displayName(given, cwd) {
  const relative = path.isAbsolute(given) ? path.relative(cwd, given) || "." : given;
  const shown = relative.startsWith("..") || path.isAbsolute(relative) ? given : relative;
  return shown.split(path.sep).join("/");
}
async function listJsonFiles(dir, realDir, shown, workspace, above = /* @__PURE__ */ new Set([realDir]), prefix = [], seen = { entries: 0 }) {
  if (prefix.length > MAX_FOLDER_DEPTH) {
    throw new InputFileError(`${joinDisplay(shown, ...prefix)} is nested deeper than ${MAX_FOLDER_DEPTH} folders`);
  }
  const entries = await readdir(dir, { withFileTypes: true });
  seen.entries += entries.length;
  if (seen.entries > MAX_FOLDER_ENTRIES) {
    throw new InputFileError(`the folder ${shown} holds more than ${MAX_FOLDER_ENTRIES} entries, links followed`);
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const found = [];
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    const relative = [...prefix, entry.name];
    let real = path.join(realDir, entry.name);
    let isDirectory = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      const resolved = await resolveInWorkspace(full, workspace);
      if (!resolved.ok) throw new InputFileError(`${joinDisplay(shown, ...relative)} ${resolved.reason}`);
      real = resolved.real;
      isDirectory = (await stat(real)).isDirectory();
    }
    if (isDirectory) {
      if (above.has(real)) continue;
      found.push(...await listJsonFiles(full, real, shown, workspace, /* @__PURE__ */ new Set([...above, real]), relative, seen));
    } else if (entry.name.toLowerCase().endsWith(".json")) {
      found.push({ relative, real });
    }
  }
  return found;
}
async function planPath(given, workspace) {
  const resolved = await resolveInWorkspace(given, workspace);
  if (!resolved.ok) throw new InputFileError(`${given} ${resolved.reason}`);
  const { absolute, real } = resolved;
  let isDirectory;
  try {
    isDirectory = (await stat(real)).isDirectory();
  } catch (error) {
    throw new InputFileError(`${given} ${describeFileError(error)}`);
  }
  const root = displayName(given, workspace.root).replace(/\/+$/, "");
  if (!isDirectory) {
    return [
      {
        absolute,
        real,
        display: root,
        placement: { kind: "cli", level: readLevel(path.basename(path.dirname(absolute))) }
      }
    ];
  }
  let files;
  try {
    files = await listJsonFiles(absolute, real, root, workspace);
  } catch (error) {
    if (error instanceof InputFileError) throw error;
    throw new InputFileError(`the folder ${given} ${describeFileError(error)}`);
  }
  return files.map(({ relative, real: file }) => {
    const shown = path.join(absolute, ...relative);
    return {
      absolute: shown,
      real: file,
      display: joinDisplay(root, ...relative),
      placement: placeFile(root, relative, path.basename(path.dirname(shown)))
    };
  });
}
async function readPlanned(file, scope, together) {
  if (typeof file.placement === "string") {
    return {
      fragments: [],
      findings: [folderFinding(file.display, `is not where the policy folder expects it: ${file.placement}.`)]
    };
  }
  const read = await readRegularFile(file.real, FILE_LIMITS.policyFile, together);
  if (!read.ok) throw new InputFileError(`${file.display} ${read.reason}`);
  const decoded = decodeFileBytes(read.bytes);
  if (!decoded.ok) return undecodableFile(file.display, decoded.reason);
  return parseAwsFile(decoded.text, file.display, file.placement, scope);
}
async function loadAwsFiles(paths, options = {}) {
  const workspace = {
    root: options.cwd ?? process.cwd(),
    allowOutside: options.allowOutsideWorkspace === true
  };
  const planned = (await Promise.all(paths.map((p) => planPath(p, workspace)))).flat();
  const unique = [...new Map(planned.map((f) => [f.real, f])).values()];
  const collected = new Array(unique.length);
  const together = { limit: FILE_LIMITS.policyFiles, left: FILE_LIMITS.policyFiles };
  let next = 0;
  const worker = async () => {
    while (next < unique.length) {
      const index = next++;
      collected[index] = await readPlanned(unique[index], { roleArns: options.roleArns }, together);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, unique.length) }, worker));
  const assembled = assembleInventory(collected, options);
  if (!assembled.missingManagedPolicyArns.some(isAwsManagedArn)) return assembled;
  const bundled = await (options.loadAwsManagedPolicies ?? loadAwsManagedPolicies)();
  return assembleInventory(collected, {
    ...options,
    fallbackPolicy: (arn) => {
      const document = bundled.lookup(arn);
      if (document === void 0) return void 0;
      return { name: arn.slice(arn.lastIndexOf("/") + 1), arn, source: bundled.source, document };
    }
  });
}
export {
  loadAwsFiles
};
