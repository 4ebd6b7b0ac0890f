import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  loadPreflightConfig
} from "./shared-sources-config-file.js";
import "./shared-config-model.js";
import "./shared-package.js";
import "./shared-text-decode-bytes.js";
import "./shared-tokens-github.js";
import "./shared-iam-glob.js";
import "./shared-config-file-merge.js";
import "./shared-config-aws.js";
import "./shared-sources-files.js";
import "./shared-sources-http.js";
import "./shared-config-credential-variables.js";
import "./shared-model-variables.js";
import "./shared-config-permissions.js";
import "./shared-tokens-duration.js";
import "./shared-model-aws.js";
import "./shared-text-secrets.js";
import "./shared-text-json-depth.js";
import "./shared-runtime-efb0f0b2.js";
export {
  loadPreflightConfig
};
