import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  buildWebIdentityRequest,
  checkTrust,
  closest,
  conflictingTrust,
  trustCheck
} from "./shared-checks-trust-request.js";
import "./shared-checks-provider.js";
import "./shared-checks-permissions-context.js";
import "./shared-iam-arn.js";
import "./shared-checks-session-region.js";
import "./shared-catalog-arn-format.js";
import "./shared-model-finding-classes.js";
import "./shared-text-edit-distance.js";
import "./shared-tokens-github.js";
import "./shared-iam-glob.js";
import "./shared-model-aws.js";
import "./shared-text-json-depth.js";
import "./shared-runtime-efb0f0b2.js";
export {
  buildWebIdentityRequest,
  checkTrust,
  closest,
  conflictingTrust,
  trustCheck
};
