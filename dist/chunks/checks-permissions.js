import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  buildPermissionRequests,
  checkPermissions,
  permissionsCheck,
  permissionsInput
} from "./shared-checks-permissions-fix.js";
import "./shared-model-fix-options.js";
import "./shared-checks-permissions-layers.js";
import "./shared-checks-permissions-unknowns.js";
import "./shared-checks-permissions-context.js";
import "./shared-iam-arn.js";
import "./shared-checks-session-region.js";
import "./shared-catalog-arn-format.js";
import "./shared-model-finding-classes.js";
import "./shared-text-edit-distance.js";
import "./shared-iam-glob.js";
import "./shared-model-aws.js";
import "./shared-text-json-depth.js";
import "./shared-runtime-efb0f0b2.js";
export {
  buildPermissionRequests,
  checkPermissions,
  permissionsCheck,
  permissionsInput
};
