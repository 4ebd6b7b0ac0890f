import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  documentDiff,
  managedKey,
  paired,
  policyDrift,
  providerDrift,
  roleDrift
} from "./shared-sources-aws-iam-drift.js";
import "./shared-model-finding-classes.js";
import "./shared-runtime-743fa606.js";
export {
  documentDiff,
  managedKey,
  paired,
  policyDrift,
  providerDrift,
  roleDrift
};
