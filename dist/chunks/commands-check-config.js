import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  formatConfigErrors
} from "./shared-commands-check-config.js";
import "./shared-config-file-errors.js";
import "./shared-text-edit-distance.js";
import "./shared-config-credential-variables.js";
import "./shared-tokens-duration.js";
import "./shared-text-secrets.js";
import "./shared-runtime-efb0f0b2.js";
export {
  formatConfigErrors
};
