import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  DEFAULT_CONCURRENCY,
  MINIMAL_READ_POLICY,
  createIamClient,
  createIamReader,
  readOidcProvidersLive,
  readRoleLive
} from "./shared-sources-aws-iam-findings.js";
import "./shared-sources-aws-errors.js";
import "./shared-model-finding-classes.js";
import "./shared-model-aws.js";
import "./shared-runtime-efb0f0b2.js";
export {
  DEFAULT_CONCURRENCY,
  MINIMAL_READ_POLICY,
  createIamClient,
  createIamReader,
  readOidcProvidersLive,
  readRoleLive
};
