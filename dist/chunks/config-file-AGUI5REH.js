import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  DEFAULT_CONFIG_PATH,
  loadPreflightConfig
} from "./chunk-WQSLIWJY.js";
import "./chunk-USQE5QYV.js";
import "./chunk-JGCAX3VW.js";
import "./chunk-TVFM4PAF.js";
import "./chunk-R6P6CNCD.js";
import "./chunk-ZSRG74NA.js";
import "./chunk-PRBFNC5C.js";
export {
  DEFAULT_CONFIG_PATH,
  loadPreflightConfig
};
