/**
 * The token half of the preflight: get each token (GitHub's OIDC token, or a bearer token from an
 * environment variable or a file), verify it against its issuer's keys or an introspection endpoint,
 * and check it against its expectations. Tokens live only inside this function; every one is masked
 * before anything could print it, and no finding carries one.
 */

import { loadTokenChecks, type TokenCheck, type TokenFact } from '../checks/index.js';
import { missingIdTokenPermission } from '../checks/token/id-token.js';
import { type Finding, finding } from '../model/finding.js';
import type { RunnerFacts } from '../model/runner.js';
import { resolveInWorkspace, type Workspace } from '../sources/files.js';
import { requestGitHubIdToken } from '../sources/github-oidc.js';
import type { FetchLike } from '../sources/http.js';
import { introspectToken } from '../sources/introspection.js';
import type { KeyStore } from '../sources/jwks.js';
import { readToken } from '../sources/token-input.js';
import { type DecodedToken, decodeToken } from '../tokens/decode.js';
import { isAcceptableIssuerUrl } from '../tokens/github.js';

export type { RunnerFacts } from '../model/runner.js';

import type { TokenSpec, Verification } from '../tokens/types.js';
import { refuseUnpinned, verifyJwt } from '../tokens/verify.js';

/**
 * GitHub's OIDC token from somewhere other than the Actions ID token endpoint: the CLI reads a saved token from a
 * file (`check --oidc-token-file`), or says why there is none. The finding is reported as the token's only one.
 */
export type GitHubIdTokenSource = (
  spec: TokenSpec,
) => Promise<{ readonly ok: true; readonly token: string } | { readonly ok: false; readonly finding: Finding }>;

/** What the token checks need from the outside world. */
export interface TokenDeps {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly keyStore: KeyStore;
  /** Registers a secret with the log masking (`core.setSecret`); a no-op in the CLI. */
  readonly mask: (secret: string) => void;
  /** The current time, epoch seconds. */
  readonly now: () => number;
  readonly fetch?: FetchLike;
  readonly timeoutMs?: number;
  readonly runner?: RunnerFacts;
  /** Receives a token once it is in hand (the AWS probe needs GitHub's); never stored in an outcome. */
  readonly keep?: (spec: TokenSpec, raw: string) => void;
  /** Replaces the Actions ID token endpoint for `github-oidc` tokens (the CLI outside Actions). */
  readonly githubIdToken?: GitHubIdTokenSource;
  /**
   * Where a configuration's `from-file` may lead: the workspace, unless `allow-outside-workspace` (the file's author
   * may be a pull request's, and the token is sent to the issuer or introspection endpoint the configuration names).
   */
  readonly workspace?: Workspace;
}

/** One token's outcome, without the token. */
export interface TokenOutcome {
  readonly spec: TokenSpec;
  readonly findings: readonly Finding[];
  readonly decoded?: DecodedToken;
  readonly verification?: Verification;
}

/**
 * The page that says how a token of this source is given: GitHub's secrets page for a variable (a secret passed in
 * `env:`), AWS's AssumeRoleWithWebIdentity for configure-aws-credentials' token file (its WebIdentityToken), the
 * configuration file's section for another file (README.md#the-configuration-file).
 */
const SOURCE_DOCS: Record<Exclude<TokenSpec['source']['kind'], 'github-oidc'>, string> = {
  env: 'https://docs.github.com/en/actions/how-tos/write-workflows/choose-what-workflows-do/use-secrets',
  'web-identity-file': 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html',
  file: 'README.md#the-configuration-file',
};

function sourceProblem(spec: TokenSpec, reason: string): Finding {
  return finding('missing-token', {
    id: `token:${spec.name}:missing-token`,
    subject: `token "${spec.name}"`,
    message: `The token could not be read: ${reason}.`,
    evidence: {
      source:
        spec.source.kind === 'env'
          ? `env ${spec.source.name}`
          : `file ${'path' in spec.source ? spec.source.path : ''}`,
    },
    fix:
      spec.source.kind === 'env'
        ? `Pass the secret to this step, e.g. \`env: { ${spec.source.name}: \${{ secrets.${spec.source.name} }} }\`, and check that the secret exists for this repository and environment (forks never receive secrets).`
        : spec.source.kind === 'web-identity-file'
          ? "Write the token to that file before this step, as the deploy job does before configure-aws-credentials reads it (web-identity-token-file), or fix the path: the role trust is checked against that token, not GitHub's."
          : 'Write the token to that file in an earlier step, or fix the path.',
    ...(spec.source.kind === 'github-oidc' ? {} : { docUrl: SOURCE_DOCS[spec.source.kind] }),
    wouldReturn: 401,
  });
}

function requestFailed(spec: TokenSpec, detail: string): Finding {
  return finding('unverifiable', {
    id: `token:${spec.name}:unverifiable`,
    subject: `GitHub OIDC token "${spec.name}"`,
    status: 'unverified',
    message: `GitHub's token endpoint did not issue a token: ${detail}. Nothing could be verified (fail closed).`,
    evidence: { audience: spec.source.kind === 'github-oidc' ? spec.source.audience : '' },
    fix: 'Re-run the job; if it persists, check https://www.githubstatus.com and any proxy between the runner and GitHub.',
  });
}

/**
 * Verifies a token that is already in hand: JWKS for a JWT, introspection for an opaque token. Without an expected
 * issuer or a JWKS URL, a JWT's keys are found through its own `iss`, which proves only who signed it: the action
 * never verifies such a token ({@link refuseUnpinned}, in `readTokenFact`); `permission-preflight decode` does, to show
 * what a token says, and prints that the keys came from the token itself (src/commands/decode-text.ts).
 */
export async function verifyToken(
  raw: string,
  decoded: DecodedToken,
  spec: TokenSpec,
  deps: TokenDeps,
): Promise<Verification | undefined> {
  const http = {
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}),
  };
  if (decoded.kind === 'opaque') {
    return spec.expect.introspection
      ? introspectToken(raw, spec.expect.introspection, deps.env, { ...http, mask: deps.mask })
      : undefined;
  }
  if (decoded.kind !== 'jwt') return undefined;
  // Keys come from the expected issuer when one is configured: trusting the token's own `iss` would let any
  // issuer vouch for itself. Without an expectation, the token's issuer is used (decode only; see above).
  const claimed = typeof decoded.claims.iss === 'string' ? decoded.claims.iss : undefined;
  const issuer = spec.expect.issuer ?? claimed;
  if (!spec.expect.jwksUrl && (!issuer || !isAcceptableIssuerUrl(issuer))) {
    return {
      status: 'unverifiable',
      reason: issuer
        ? `the issuer ${issuer} is not an https URL, so its keys cannot be discovered`
        : 'the token has no iss claim and no issuer or jwksUrl is configured',
    };
  }
  const getKeys = deps.keyStore.keysFor(issuer ?? '', spec.expect.jwksUrl ? { jwksUrl: spec.expect.jwksUrl } : {});
  return verifyJwt(raw, getKeys, spec.expect.algorithms ? { algorithms: spec.expect.algorithms } : {});
}

/** Gets one token and verifies it: the token check's fact, and the token itself. Never throws. */
async function readTokenFact(spec: TokenSpec, deps: TokenDeps): Promise<{ fact: TokenFact; raw?: string }> {
  let raw: string;
  if (spec.source.kind === 'github-oidc' && deps.githubIdToken) {
    const got = await deps.githubIdToken(spec);
    if (!got.ok) return { fact: { kind: 'unread', finding: got.finding } };
    raw = got.token;
    deps.mask(raw);
  } else if (spec.source.kind === 'github-oidc') {
    const got = await requestGitHubIdToken(spec.source.audience, deps.env, {
      mask: deps.mask,
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
      ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}),
    });
    if (!got.ok) {
      const missing = ['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'].filter((v) => !deps.env[v]);
      const finding =
        got.reason === 'missing-id-token-permission'
          ? missingIdTokenPermission({ ...deps.runner, missing, tokenName: spec.name })
          : requestFailed(spec, got.detail);
      return { fact: { kind: 'unread', finding } };
    }
    raw = got.token;
  } else {
    let source = spec.source;
    if (source.kind === 'file' && deps.workspace) {
      const where = await resolveInWorkspace(source.path, deps.workspace);
      if (!where.ok) {
        return { fact: { kind: 'unread', finding: sourceProblem(spec, `token file ${source.path} ${where.reason}`) } };
      }
      source = { ...source, path: where.real };
    }
    const got = await readToken(source, deps.env);
    if (!got.ok) return { fact: { kind: 'unread', finding: sourceProblem(spec, got.reason) } };
    raw = got.token;
    deps.mask(raw);
  }
  const decoded = decodeToken(raw);
  // Checked before any key is fetched: an unpinned token's iss is a URL the token's author chose. A web identity
  // token file's is pinned by the account's IAM OIDC provider for that URL, as STS verifies it (TokenSource).
  const unpinned = spec.source.kind === 'web-identity-file' ? undefined : refuseUnpinned(decoded, spec.expect);
  const verification = unpinned ?? (await verifyToken(raw, decoded, spec, deps));
  return { fact: { kind: 'read', decoded, ...(verification ? { verification } : {}) }, raw };
}

/** Gets, verifies and checks one token with every token check of the registry. Never throws for anything the token or the network does. */
async function checkOneToken(spec: TokenSpec, deps: TokenDeps, checks: readonly TokenCheck[]): Promise<TokenOutcome> {
  const { fact, raw } = await readTokenFact(spec, deps);
  if (raw !== undefined) deps.keep?.(spec, raw);
  const now = deps.now();
  const findings = checks.flatMap((check) => check.run({ spec, token: fact, now }));
  if (fact.kind === 'unread') return { spec, findings };
  return {
    spec,
    findings,
    decoded: fact.decoded,
    ...(fact.verification ? { verification: fact.verification } : {}),
  };
}

/** Checks every token concurrently; one failing token never hides another. */
export async function checkTokens(specs: readonly TokenSpec[], deps: TokenDeps): Promise<TokenOutcome[]> {
  if (specs.length === 0) return [];
  const checks = await loadTokenChecks();
  return Promise.all(specs.map((spec) => checkOneToken(spec, deps, checks)));
}
