import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  callsWithoutCredentials,
  rolesOfUnreadActions
} from "./shared-workflows-calls-cloudformation.js";
import "./shared-workflows-calls-shell.js";
import "./shared-workflows-paths.js";
import "./shared-workflows-github-token-from-model.js";
import "./shared-workflows-limits.js";
import "./shared-workflows-github-token-effective.js";
import "./shared-workflows-github-token-scopes.js";
import "./shared-catalog-arn-format.js";
import "./shared-model-finding-classes.js";
import "./shared-text-edit-distance.js";
import "./shared-iam-glob.js";
import "./shared-runtime-efb0f0b2.js";
export {
  callsWithoutCredentials,
  rolesOfUnreadActions
};
