import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  assembleInventory,
  folderFinding,
  joinDisplay,
  parseAwsFile,
  placeFile,
  readLevel,
  undecodableFile,
  unreadFile
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
import "./shared-model-aws.js";
import "./shared-text-secrets.js";
import "./shared-text-json-depth.js";
import "./shared-runtime-efb0f0b2.js";

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
async function listJsonFiles(dir, realDir, workspace, above = /* @__PURE__ */ new Set([realDir]), prefix = [], walk = { entries: 0, stopped: false }) {
  const folder = [...prefix];
  if (walk.stopped) return [];
  if (prefix.length > MAX_FOLDER_DEPTH) {
    return [{ relative: folder, real: dir, refused: `is a folder nested deeper than ${MAX_FOLDER_DEPTH} folders` }];
  }
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (prefix.length === 0) throw error;
    return [{ relative: folder, real: dir, refused: describeFileError(error) }];
  }
  walk.entries += entries.length;
  if (walk.entries > MAX_FOLDER_ENTRIES) {
    walk.stopped = true;
    const refused = `takes the policy folder past ${MAX_FOLDER_ENTRIES} entries, links followed: it and the entries listed after it`;
    return [{ relative: folder, real: dir, refused }];
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
      if (!resolved.ok) {
        found.push({ relative, real: full, refused: resolved.reason });
        continue;
      }
      real = resolved.real;
      try {
        isDirectory = (await stat(real)).isDirectory();
      } catch (error) {
        found.push({ relative, real: full, refused: describeFileError(error) });
        continue;
      }
    }
    if (isDirectory) {
      if (above.has(real)) continue;
      found.push(...await listJsonFiles(full, real, workspace, /* @__PURE__ */ new Set([...above, real]), relative, walk));
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
        placement: { kind: "cli", level: readLevel(path.basename(path.dirname(absolute))) },
        given: true
      }
    ];
  }
  let files;
  try {
    files = await listJsonFiles(absolute, real, workspace);
  } catch (error) {
    throw new InputFileError(`the folder ${given} ${describeFileError(error)}`);
  }
  return files.map(({ relative, real: file, refused }) => {
    const shown = path.join(absolute, ...relative);
    return {
      absolute: shown,
      real: file,
      display: joinDisplay(root, ...relative),
      placement: placeFile(root, relative, path.basename(path.dirname(shown))),
      ...refused === void 0 ? {} : { refused }
    };
  });
}
async function readPlanned(file, scope, together) {
  const placed = typeof file.placement === "string" ? void 0 : file.placement;
  if (file.refused !== void 0) return unreadFile(file.display, file.refused, placed);
  if (placed === void 0) {
    return {
      fragments: [],
      findings: [folderFinding(file.display, `is not where the policy folder expects it: ${file.placement}.`)]
    };
  }
  const read = await readRegularFile(file.real, FILE_LIMITS.policyFile, together);
  if (!read.ok) {
    if (file.given) throw new InputFileError(`${file.display} ${read.reason}`);
    return unreadFile(file.display, read.reason, placed);
  }
  const decoded = decodeFileBytes(read.bytes);
  if (!decoded.ok) return undecodableFile(file.display, decoded.reason, placed);
  return parseAwsFile(decoded.text, file.display, placed, scope);
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
