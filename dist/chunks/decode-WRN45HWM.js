import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  decodeCommand,
  looksLikeToken
} from "./chunk-CTIWLVD2.js";
import "./chunk-YJNEDOXK.js";
import "./chunk-TQ3ENCRR.js";
import "./chunk-N5BDCOHV.js";
import "./chunk-2GZXUWDM.js";
import "./chunk-SUQUTUYD.js";
import "./chunk-GEMGWVHT.js";
import "./chunk-R6P6CNCD.js";
import "./chunk-4P633O6D.js";
import "./chunk-PRBFNC5C.js";
export {
  decodeCommand,
  looksLikeToken
};
