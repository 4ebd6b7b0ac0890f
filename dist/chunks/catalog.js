import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  AWS_PARTITIONS,
  AWS_PARTITIONS_SOURCE,
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
import "./shared-runtime-efb0f0b2.js";
export {
  AWS_PARTITIONS,
  AWS_PARTITIONS_SOURCE,
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
