import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);

// src/model/fix-options.ts
var ACTION_FIX_OPTIONS = {
  policyFiles: "`policy-files`",
  liveReads: "`aws-live-reads: true` (the input; `live-reads: true` under `aws:` in the configuration file)",
  organizationsNone: "`organizations: none`",
  noResourcePolicy: "`no-resource-policy`",
  permissionLines: "the configuration (`aws.roles[].permissions`, or the `permissions` input)"
};
var PREDICT_FIX_OPTIONS = {
  policyFiles: "`--policy-files`",
  organizationsNone: "`--organizations none`",
  noResourcePolicy: "`--no-resource-policy ARN`"
};

export {
  ACTION_FIX_OPTIONS,
  PREDICT_FIX_OPTIONS
};
