import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  DEFAULT_CONFIG_PATH,
  loadPreflightConfig
} from "./chunk-6LFS5XRC.js";
import "./chunk-7SCN2IDM.js";
import "./chunk-LEV3I6HJ.js";
import "./chunk-AVJ2PRDL.js";
import "./chunk-R6P6CNCD.js";
import "./chunk-PRBFNC5C.js";
export {
  DEFAULT_CONFIG_PATH,
  loadPreflightConfig
};
