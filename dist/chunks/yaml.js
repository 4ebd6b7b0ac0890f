import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  require_dist
} from "./shared-yaml-nodes-identity.js";
import "./shared-runtime-f77caa6c.js";
export default require_dist();
