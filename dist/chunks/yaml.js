import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  require_dist
} from "./shared-yaml-nodes-identity.js";
import "./shared-runtime-efb0f0b2.js";
export default require_dist();
