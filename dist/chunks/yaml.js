import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  require_dist
} from "./shared-yaml-nodes-identity.js";
import "./shared-runtime-0c5c01c9.js";
export default require_dist();
