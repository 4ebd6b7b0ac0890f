import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  DEFAULT_CONFIG_PATH,
  loadPreflightConfig
} from "./chunk-5FNK7FAV.js";
import "./chunk-7SCN2IDM.js";
import "./chunk-SUQUTUYD.js";
import "./chunk-GEMGWVHT.js";
import "./chunk-R6P6CNCD.js";
import "./chunk-PRBFNC5C.js";
export {
  DEFAULT_CONFIG_PATH,
  loadPreflightConfig
};
