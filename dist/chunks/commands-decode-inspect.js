import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  buildDecodeResult
} from "./shared-commands-decode-text.js";
import {
  checkToken
} from "./shared-checks-token-explain.js";
import "./shared-tokens-claims.js";
import {
  createKeyStore,
  verifyToken
} from "./shared-sources-jwks.js";
import "./shared-checks.js";
import "./shared-sources-token-input.js";
import "./shared-checks-token-id-token.js";
import {
  decodeToken
} from "./shared-jose-webapi-buffer_utils.js";
import "./shared-model-finding-classes.js";
import "./shared-tokens-github.js";
import "./shared-iam-glob.js";
import "./shared-sources-files.js";
import "./shared-sources-http.js";
import "./shared-tokens-duration.js";
import "./shared-text-secrets.js";
import "./shared-text-json-depth.js";
import "./shared-runtime-efb0f0b2.js";

// src/commands/decode-inspect.ts
var SKIPPED = "signature verification was skipped (--no-verify)";
async function inspect(token, source, name, flags, env) {
  const spec = { name, source: { kind: "file", path: flags.file ?? "-" }, expect: flags.expect };
  const now = Math.floor(Date.now() / 1e3);
  const decoded = decodeToken(token);
  const verification = flags.noVerify ? { status: "unverifiable", reason: SKIPPED } : await verifyToken(token, decoded, spec, {
    env,
    keyStore: createKeyStore(),
    // The CLI has no runner log to mask; nothing here prints the token anyway (and the output is redacted).
    mask: () => void 0,
    now: () => now
  });
  let findings = checkToken({
    spec,
    decoded,
    ...verification ? { verification } : {},
    now,
    // A fix names decode's own flags, not a configuration entry's keys.
    settings: "flags"
  });
  if (flags.noVerify) {
    const fix = "Run decode without --no-verify to check the signature against the issuer.";
    findings = findings.map((f) => f.class === "unverifiable" ? { ...f, fix } : f);
  }
  return buildDecodeResult({
    source,
    decoded,
    verification,
    skipped: flags.noVerify,
    findings,
    now,
    expect: flags.expect
  });
}
export {
  inspect
};
