import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-ILJTSR7R.js";
import "./chunk-PRBFNC5C.js";
export default require_dist();
