import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  ENV_ACCOUNT_ID,
  ENV_CREDENTIAL_SCOPE,
  ENV_EXPIRATION,
  ENV_KEY,
  ENV_SECRET,
  ENV_SESSION,
  fromEnv
} from "./shared-aws-sdk-credential-provider-env-fromEnv.js";
import "./shared-smithy-core-client-middleware-stack-MiddlewareStack.js";
import "./shared-smithy-core-config-property-provider-ProviderError.js";
import "./shared-smithy-core-serde-is-array-buffer-is-array-buffer.js";
import "./shared-runtime-efb0f0b2.js";
export {
  ENV_ACCOUNT_ID,
  ENV_CREDENTIAL_SCOPE,
  ENV_EXPIRATION,
  ENV_KEY,
  ENV_SECRET,
  ENV_SESSION,
  fromEnv
};
