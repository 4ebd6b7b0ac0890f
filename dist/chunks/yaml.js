import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  require_dist
} from "./shared-yaml-nodes-identity.js";
import "./shared-runtime-743fa606.js";
export default require_dist();
