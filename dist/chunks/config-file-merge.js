import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  mergeRoleInputs,
  readDeclaredInputs,
  workflowSources
} from "./shared-config-file-merge.js";
import "./shared-config-aws.js";
import "./shared-config-permissions.js";
import "./shared-tokens-duration.js";
import "./shared-model-aws.js";
import "./shared-text-json-depth.js";
import "./shared-runtime-efb0f0b2.js";
export {
  mergeRoleInputs,
  readDeclaredInputs,
  workflowSources
};
