import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);

// src/model/aws.ts
function trustConflict(role) {
  const other = role.conflictingTrust;
  if (other === void 0) return void 0;
  return `the trust policy of ${role.name} differs between ${role.trustPolicy.file ?? "one source"} and ${other.file ?? "another"}, and which one IAM holds is unknown`;
}
var ROLE_ID = /^AROA[A-Z0-9]{12,124}$/;
var DEFAULT_DURATION_SECONDS = 3600;
var DEFAULT_SESSION_NAME = "GitHubActions";

export {
  trustConflict,
  ROLE_ID,
  DEFAULT_DURATION_SECONDS,
  DEFAULT_SESSION_NAME
};
