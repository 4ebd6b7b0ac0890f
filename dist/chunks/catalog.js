import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  CATALOG_FORMAT,
  conditionKeysFor,
  isRcpSupported,
  lookupAction,
  matchResourceTypes,
  populatedKeysForOidcProvider,
  prepareCatalog,
  rcpExemption
} from "./shared-catalog-arn-format.js";
import {
  editDistance
} from "./shared-text-edit-distance.js";
import "./shared-runtime-0c5c01c9.js";
export {
  CATALOG_FORMAT,
  conditionKeysFor,
  editDistance,
  isRcpSupported,
  lookupAction,
  matchResourceTypes,
  populatedKeysForOidcProvider,
  prepareCatalog,
  rcpExemption
};
