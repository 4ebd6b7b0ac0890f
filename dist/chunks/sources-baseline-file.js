import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  MAX_BASELINE_BYTES,
  readBaselineFile,
  writeBaselineFile
} from "./shared-sources-baseline-file.js";
import "./shared-sources-files.js";
import "./shared-sources-http.js";
import "./shared-text-secrets.js";
import "./shared-text-json-depth.js";
import "./shared-runtime-efb0f0b2.js";
export {
  MAX_BASELINE_BYTES,
  readBaselineFile,
  writeBaselineFile
};
