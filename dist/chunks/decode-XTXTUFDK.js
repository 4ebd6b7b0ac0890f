import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  decodeCommand,
  looksLikeToken
} from "./chunk-YLOWGLT2.js";
import "./chunk-3YZ2HRXZ.js";
import "./chunk-TQ3ENCRR.js";
import "./chunk-N5BDCOHV.js";
import "./chunk-7DEJR44A.js";
import "./chunk-LEV3I6HJ.js";
import "./chunk-AVJ2PRDL.js";
import "./chunk-R6P6CNCD.js";
import "./chunk-4P633O6D.js";
import "./chunk-PRBFNC5C.js";
export {
  decodeCommand,
  looksLikeToken
};
