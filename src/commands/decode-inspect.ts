/**
 * The work of `permission-preflight decode`, loaded only when a token is decoded: decode, verify (issuer keys or
 * introspection) and check, as the action does for each token, without the runner.
 */

import { checkToken } from '../checks/token.js';
import type { Finding } from '../model/finding.js';
import { verifyToken } from '../pipeline/tokens.js';
import { createKeyStore } from '../sources/jwks.js';
import { decodeToken } from '../tokens/decode.js';
import type { TokenSpec, Verification } from '../tokens/types.js';
import type { Flags } from './decode.js';
import { buildDecodeResult, type DecodeResult } from './decode-text.js';

const SKIPPED = 'signature verification was skipped (--no-verify)';

/**
 * Decodes, verifies and checks the token (an introspection client's credentials are read from `env`); the result
 * holds no part of the token.
 */
export async function inspect(
  token: string,
  source: string,
  name: string,
  flags: Flags,
  env: Readonly<Record<string, string | undefined>>,
): Promise<DecodeResult> {
  const spec: TokenSpec = { name, source: { kind: 'file', path: flags.file ?? '-' }, expect: flags.expect };
  const now = Math.floor(Date.now() / 1000);
  const decoded = decodeToken(token);
  const verification: Verification | undefined = flags.noVerify
    ? { status: 'unverifiable', reason: SKIPPED }
    : await verifyToken(token, decoded, spec, {
        env,
        keyStore: createKeyStore(),
        // The CLI has no runner log to mask; nothing here prints the token anyway (and the output is redacted).
        mask: () => undefined,
        now: () => now,
      });
  let findings: Finding[] = checkToken({
    spec,
    decoded,
    ...(verification ? { verification } : {}),
    now,
    // A fix names decode's own flags, not a configuration entry's keys.
    settings: 'flags',
  });
  if (flags.noVerify) {
    const fix = 'Run decode without --no-verify to check the signature against the issuer.';
    findings = findings.map((f) => (f.class === 'unverifiable' ? { ...f, fix } : f));
  }
  return buildDecodeResult({
    source,
    decoded,
    verification,
    skipped: flags.noVerify,
    findings,
    now,
    expect: flags.expect,
  });
}
