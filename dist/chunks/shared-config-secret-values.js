import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  redactSecretShapes
} from "./shared-text-secret-shapes.js";

// src/config/secret-values.ts
var SECRET_VALUE_PATTERN = "^(arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+|\\d{12}|(?=[\\w+=,.@/-]{1,576}$)([\\w+=,.@-]+/)*[\\w+=,.@-]{1,64})$";
var SECRET_VALUE = new RegExp(SECRET_VALUE_PATTERN, "u");
var SECRET_ACCESS_KEY = /^[A-Za-z0-9/+]{40}$/;
var CREDENTIAL_PREFIX = /^(?:gh[pousr]_|github_pat_|npm_|glpat-|xox[abps]-|ya29\.|AIza|sk-|sk_live_|rk_live_|AKIA|ASIA)/;
var SECRET_VALUE_KINDS = "a role ARN (arn:aws:iam::111122223333:role/deploy), a 12-digit account ID or a role name (deploy, or with its path: ci/deploy)";
function declarableSecretValue(value) {
  return SECRET_VALUE.test(value) && !SECRET_ACCESS_KEY.test(value) && !CREDENTIAL_PREFIX.test(value) && redactSecretShapes(value) === value;
}
var ROLE_ARN_SHAPE = /^arn:aws[a-z-]*:iam::\d{12}:role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/u;
function misplacedArn(roleArn, expression, declared) {
  if (ROLE_ARN_SHAPE.test(roleArn)) return void 0;
  const reads = (d) => expression !== void 0 && new RegExp(`\\b${d.reference.replace(".", "\\.")}\\b`).test(expression);
  for (const d of [...declared.filter(reads), ...declared.filter((d2) => !reads(d2))]) {
    if (!ROLE_ARN_SHAPE.test(d.value) || d.value === roleArn) continue;
    const at = roleArn.indexOf(d.value);
    if (at < 0) continue;
    const before = roleArn.slice(0, at);
    if (/:iam::$/.test(before)) return { declared: d, place: "account ID", should: d.value.split(":")[4] ?? "" };
    if (/:role\/(?:[\w+=,.@-]+\/)*$/.test(before)) {
      return { declared: d, place: "role name", should: d.value.slice(d.value.indexOf(":role/") + ":role/".length) };
    }
  }
  return void 0;
}

export {
  SECRET_VALUE_KINDS,
  declarableSecretValue,
  misplacedArn
};
