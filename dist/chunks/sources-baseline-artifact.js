import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  baselineArtifactName,
  isPullRequestEvent,
  readBaselineArtifact,
  writeBaselineArtifact
} from "./shared-sources-baseline-artifact.js";
import "./shared-sources-baseline-file.js";
import "./shared-text-thrown.js";
import "./shared-sources-files.js";
import "./shared-sources-http.js";
import "./shared-text-secrets.js";
import "./shared-text-json-depth.js";
import "./shared-runtime-efb0f0b2.js";
export {
  baselineArtifactName,
  isPullRequestEvent,
  readBaselineArtifact,
  writeBaselineArtifact
};
