import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  checkToken,
  tokenCheck
} from "./shared-checks-token-explain.js";
import "./shared-tokens-claims.js";
import {
  missingIdTokenPermission
} from "./shared-checks-token-id-token.js";
import "./shared-jose-webapi-buffer_utils.js";
import "./shared-model-finding-classes.js";
import "./shared-tokens-github.js";
import "./shared-iam-glob.js";
import "./shared-tokens-duration.js";
import "./shared-runtime-efb0f0b2.js";
export {
  checkToken,
  missingIdTokenPermission,
  tokenCheck
};
