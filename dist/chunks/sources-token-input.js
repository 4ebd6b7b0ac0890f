import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  MAX_TOKEN_BYTES,
  readToken
} from "./shared-sources-token-input.js";
import "./shared-sources-http.js";
import "./shared-text-secrets.js";
import "./shared-runtime-efb0f0b2.js";
export {
  MAX_TOKEN_BYTES,
  readToken
};
