import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  decodeCommand,
  looksLikeToken
} from "./chunk-5R64YC5C.js";
import "./chunk-A45CJY6N.js";
import "./chunk-TQ3ENCRR.js";
import "./chunk-N5BDCOHV.js";
import "./chunk-4P633O6D.js";
import "./chunk-KOAARLU5.js";
import "./chunk-R6P6CNCD.js";
import "./chunk-JGCAX3VW.js";
import "./chunk-TVFM4PAF.js";
import "./chunk-PRBFNC5C.js";
export {
  decodeCommand,
  looksLikeToken
};
