import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  context,
  getOctokit
} from "./shared-actions-http-client-proxy.js";
import "./shared-runtime-5f8999a1.js";
export {
  context,
  getOctokit
};
