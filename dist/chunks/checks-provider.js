import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  checkOidcProvider,
  normalizeProviderUrl,
  oidcProviderCheck,
  providerListing,
  providerRefusing
} from "./shared-checks-provider.js";
import "./shared-model-finding-classes.js";
import "./shared-tokens-github.js";
import "./shared-iam-glob.js";
import "./shared-runtime-efb0f0b2.js";
export {
  checkOidcProvider,
  normalizeProviderUrl,
  oidcProviderCheck,
  providerListing,
  providerRefusing
};
