import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  capped,
  inspectGitHubToken,
  inspectGitHubTokens,
  readGitHubTokens,
  refusal
} from "./shared-sources-github-api.js";
import "./shared-sources-github-failure.js";
import "./shared-text-inert.js";
import "./shared-text-secrets.js";
import "./shared-runtime-efb0f0b2.js";
export {
  capped,
  inspectGitHubToken,
  inspectGitHubTokens,
  readGitHubTokens,
  refusal
};
