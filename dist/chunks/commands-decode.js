import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  decodeCommand,
  looksLikeToken,
  refuseTokenAsPath
} from "./shared-commands-decode.js";
import "./shared-commands-decode-text.js";
import "./shared-commands-input.js";
import "./shared-tokens-claims.js";
import "./shared-report-redact.js";
import "./shared-sources-token-input.js";
import "./shared-tokens-github.js";
import "./shared-iam-glob.js";
import "./shared-sources-files.js";
import "./shared-sources-http.js";
import "./shared-tokens-duration.js";
import "./shared-text-secrets.js";
import "./shared-text-json-depth.js";
import "./shared-runtime-efb0f0b2.js";
export {
  decodeCommand,
  looksLikeToken,
  refuseTokenAsPath
};
