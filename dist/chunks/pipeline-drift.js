import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  applyBaseline,
  baselineScope,
  createObserver,
  notThisRunsRecord,
  runBranch
} from "./shared-pipeline-drift.js";
import "./shared-drift-record.js";
import "./shared-sources-baseline-artifact.js";
import "./shared-sources-baseline-file.js";
import "./shared-report-model.js";
import "./shared-text-thrown.js";
import "./shared-model-finding-classes.js";
import "./shared-sources-files.js";
import "./shared-sources-http.js";
import "./shared-text-secrets.js";
import "./shared-text-json-depth.js";
import "./shared-runtime-efb0f0b2.js";
export {
  applyBaseline,
  baselineScope,
  createObserver,
  notThisRunsRecord,
  runBranch
};
