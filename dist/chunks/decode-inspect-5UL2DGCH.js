import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  buildDecodeResult
} from "./chunk-A45CJY6N.js";
import {
  createKeyStore,
  verifyToken
} from "./chunk-JZBUGGSD.js";
import "./chunk-RVCWCZVN.js";
import "./chunk-N5BDCOHV.js";
import {
  checkToken
} from "./chunk-VMGPLMIB.js";
import "./chunk-KOAARLU5.js";
import {
  decodeToken
} from "./chunk-ASW3SCBF.js";
import "./chunk-R6P6CNCD.js";
import "./chunk-JGCAX3VW.js";
import "./chunk-TVFM4PAF.js";
import "./chunk-PRBFNC5C.js";

// src/commands/decode-inspect.ts
var SKIPPED = "signature verification was skipped (--no-verify)";
async function inspect(token, source, name, flags) {
  const spec = { name, source: { kind: "file", path: flags.file ?? "-" }, expect: flags.expect };
  const now = Math.floor(Date.now() / 1e3);
  const decoded = decodeToken(token);
  const verification = flags.noVerify ? { status: "unverifiable", reason: SKIPPED } : await verifyToken(token, decoded, spec, {
    env: process.env,
    keyStore: createKeyStore(),
    // The CLI has no runner log to mask; nothing here prints the token anyway (and the output is redacted).
    mask: () => void 0,
    now: () => now
  });
  let findings = checkToken({ spec, decoded, ...verification ? { verification } : {}, now });
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
