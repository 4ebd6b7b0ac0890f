import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  checkToken,
  tokenCheck
} from "./chunk-VMGPLMIB.js";
import "./chunk-KOAARLU5.js";
import {
  missingIdTokenPermission
} from "./chunk-ASW3SCBF.js";
import "./chunk-R6P6CNCD.js";
import "./chunk-JGCAX3VW.js";
import "./chunk-TVFM4PAF.js";
import "./chunk-PRBFNC5C.js";
export {
  checkToken,
  missingIdTokenPermission,
  tokenCheck
};
