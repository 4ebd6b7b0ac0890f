import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  DEFAULT_CONFIG_PATH,
  loadPreflightConfig
} from "./chunk-GU5AIMTA.js";
import "./chunk-UCVUXZ6M.js";
import "./chunk-PRBFNC5C.js";
export {
  DEFAULT_CONFIG_PATH,
  loadPreflightConfig
};
