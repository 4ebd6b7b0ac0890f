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
import "./shared-runtime-efb0f0b2.js";
export {
  documentDiff,
  managedKey,
  paired,
  policyDrift,
  providerDrift,
  roleDrift
};
