import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  decodeFileBytes
} from "./shared-text-decode-bytes.js";
import {
  describeFileError,
  readRegularFile,
  resolveInWorkspace
} from "./shared-sources-files.js";
import "./shared-sources-http.js";
import "./shared-text-secrets.js";
import "./shared-text-json-depth.js";
import "./shared-runtime-efb0f0b2.js";

// src/sources/workflows.ts
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
var WORKFLOW_SOURCE_LIMITS = { files: 200, fileBytes: 1024 * 1024 };
var WORKFLOWS_DIR = ".github/workflows";
async function hasWorkflowsFolder(root) {
  const resolved = await resolveInWorkspace(WORKFLOWS_DIR, { root, allowOutside: false });
  return resolved.ok;
}
async function whyNoWorkflows(root) {
  try {
    if (!(await stat(root)).isDirectory()) return `${root} is not a folder`;
  } catch (error) {
    return `${root} ${describeFileError(error)}`;
  }
  const listing = await listWorkflowFiles(root);
  if (listing.error || listing.paths.length > 0) return void 0;
  return await hasWorkflowsFolder(root) ? `no workflow file (*.yml or *.yaml) in ${path.join(root, WORKFLOWS_DIR)}` : `no ${WORKFLOWS_DIR} under ${root}`;
}
async function listWorkflowFiles(root, limits = WORKFLOW_SOURCE_LIMITS) {
  const resolved = await resolveInWorkspace(WORKFLOWS_DIR, { root, allowOutside: false });
  if (!resolved.ok)
    return resolved.missing ? { paths: [], skipped: [] } : { paths: [], skipped: [], error: `${WORKFLOWS_DIR} ${resolved.reason}` };
  let names;
  try {
    const entries = await readdir(resolved.real, { withFileTypes: true });
    names = entries.filter((e) => (e.isFile() || e.isSymbolicLink()) && /\.ya?ml$/i.test(e.name)).map((e) => e.name).sort();
  } catch (error) {
    return { paths: [], skipped: [], error: `${WORKFLOWS_DIR} ${describeFileError(error)}` };
  }
  const paths = names.map((n) => `${WORKFLOWS_DIR}/${n}`);
  return { paths: paths.slice(0, limits.files), skipped: paths.slice(limits.files) };
}
function workflowFileReader(root, limits = WORKFLOW_SOURCE_LIMITS) {
  return async (relative) => {
    if (path.isAbsolute(relative) || relative.split(/[\\/]/).includes("..")) {
      return { refused: "is not a path inside the repository" };
    }
    const resolved = await resolveInWorkspace(relative, { root, allowOutside: false });
    if (!resolved.ok) return resolved.missing ? void 0 : { refused: resolved.reason };
    const read = await readRegularFile(resolved.real, limits.fileBytes);
    if (!read.ok) return { refused: read.reason };
    const decoded = decodeFileBytes(read.bytes);
    return decoded.ok ? decoded.text : { refused: `is not text: ${decoded.reason}` };
  };
}
export {
  WORKFLOW_SOURCE_LIMITS,
  hasWorkflowsFolder,
  listWorkflowFiles,
  whyNoWorkflows,
  workflowFileReader
};
