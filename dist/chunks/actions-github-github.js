import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  context,
  getOctokit
} from "./shared-actions-github-github.js";
import "./shared-actions-http-client-proxy.js";
import "./shared-runtime-efb0f0b2.js";
export {
  context,
  getOctokit
};
