import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  FILE_LIMITS,
  InputFileError,
  MAX_FOLDER_DEPTH,
  MAX_FOLDER_ENTRIES,
  describeFileError,
  isWithin,
  parseJson,
  readRegularFile,
  readText,
  resolveInWorkspace
} from "./shared-sources-files.js";
import "./shared-sources-http.js";
import "./shared-text-secrets.js";
import "./shared-text-json-depth.js";
import "./shared-runtime-efb0f0b2.js";
export {
  FILE_LIMITS,
  InputFileError,
  MAX_FOLDER_DEPTH,
  MAX_FOLDER_ENTRIES,
  describeFileError,
  isWithin,
  parseJson,
  readRegularFile,
  readText,
  resolveInWorkspace
};
