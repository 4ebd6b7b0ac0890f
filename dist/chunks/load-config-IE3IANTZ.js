import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  loadPreflightConfig
} from "./chunk-7J3CHHYB.js";
import "./chunk-SJN2V6IO.js";
import "./chunk-TO33JD2R.js";
import "./chunk-NF5CZAEB.js";
import "./chunk-RKZ4U5C4.js";
import "./chunk-R6P6CNCD.js";
import "./chunk-JGCAX3VW.js";
import "./chunk-TVFM4PAF.js";
import "./chunk-PRBFNC5C.js";
export {
  loadPreflightConfig
};
