import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  duplicateKeys
} from "./shared-aws-files-json.js";
import "./shared-model-finding-classes.js";
import {
  InputFileError
} from "./shared-sources-files.js";
import "./shared-sources-http.js";
import "./shared-model-aws.js";
import "./shared-text-secrets.js";
import "./shared-text-json-depth.js";
import "./shared-runtime-efb0f0b2.js";

// src/sources/json-keys.ts
function refuseDuplicateKeys(text, name) {
  const found = duplicateKeys(text);
  if (found.length === 0) return;
  const each = found.slice(0, 10).map((d) => `"${d.key}" at lines ${d.lines[0]} and ${d.lines[1]}`).join("; ");
  const more = found.length > 10 ? `; and ${found.length - 10} more` : "";
  throw new InputFileError(
    `${name} gives a key twice in one object (${each}${more}): JSON keeps the last and loses the first, as IAM does, so what the first said is lost; merge them into one`
  );
}
export {
  refuseDuplicateKeys
};
