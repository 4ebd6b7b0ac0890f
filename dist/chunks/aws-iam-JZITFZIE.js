import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  DEFAULT_CONCURRENCY,
  MINIMAL_READ_POLICY,
  createIamClient,
  createIamReader,
  readOidcProvidersLive,
  readRoleLive
} from "./chunk-KIJCI3HH.js";
import "./chunk-BF5L5NBM.js";
import "./chunk-RKZ4U5C4.js";
import "./chunk-PRBFNC5C.js";
export {
  DEFAULT_CONCURRENCY,
  MINIMAL_READ_POLICY,
  createIamClient,
  createIamReader,
  readOidcProvidersLive,
  readRoleLive
};
