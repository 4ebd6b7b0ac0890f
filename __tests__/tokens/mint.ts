/**
 * Test fixtures for the token checks: issuers with keys generated at test time, tokens minted in-process
 * with jose, GitHub-shaped claims, and a fake `GetKeys` that records how it was called.
 */
import { type CryptoKey, exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { GITHUB_ISSUER } from '../../src/tokens/github.js';
import type { GetKeys, KeySet, KeySetResult } from '../../src/tokens/types.js';

/** 2026-11-23T10:00:00Z: a fixed "now" for every test. */
export const NOW = Date.UTC(2026, 10, 23, 10, 0, 0) / 1000;

/** A signing key and the public JWK an issuer would publish for it. */
export interface TestKey {
  readonly alg: string;
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  readonly jwk: Readonly<Record<string, unknown>>;
}

/** Generates a key pair for `alg` and its published JWK (`kid`, `alg`, `use: sig`). */
export async function makeKey(alg = 'RS256', kid = `${alg.toLowerCase()}-key`): Promise<TestKey> {
  const { publicKey, privateKey } = await generateKeyPair(alg);
  const jwk = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
  return { alg, kid, privateKey, publicKey, jwk };
}

/** Signs `claims` with `key`; `header` overrides the protected header (e.g. `{ kid: undefined }`). */
export async function mint(key: TestKey, claims: JWTPayload, header: Record<string, unknown> = {}): Promise<string> {
  const merged: Record<string, unknown> = { alg: key.alg, kid: key.kid, typ: 'JWT', ...header };
  const protectedHeader = Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined));
  return new SignJWT(claims).setProtectedHeader(protectedHeader as { alg: string }).sign(key.privateKey);
}

/** A JWKS holding these keys' public halves. */
export function jwksOf(...keys: TestKey[]): KeySet {
  return { keys: keys.map((k) => k.jwk) };
}

/** A fake `GetKeys`: answers from `cached` first and `fresh` on refresh, and records each call. */
export function fakeKeys(cached: KeySetResult, fresh: KeySetResult = cached): GetKeys & { calls: boolean[] } {
  const calls: boolean[] = [];
  const getKeys = async ({ refresh }: { readonly refresh: boolean }) => {
    calls.push(refresh);
    return refresh ? fresh : cached;
  };
  return Object.assign(getKeys, { calls });
}

/** A successful key-set answer. */
export const keysOk = (jwks: KeySet, source = 'https://issuer.test/.well-known/jwks.json'): KeySetResult => ({
  ok: true,
  jwks,
  source,
});

/**
 * The claim set GitHub's OIDC provider issues (https://docs.github.com/en/actions/reference/security/oidc#oidc-token-claims),
 * for a push to main of acme/api, with the documented example's times: nbf 10 minutes before iat, exp 5 after.
 */
export function githubClaims(overrides: Record<string, unknown> = {}): JWTPayload {
  return {
    jti: 'example-id',
    sub: 'repo:acme/api:ref:refs/heads/main',
    aud: 'sts.amazonaws.com',
    ref: 'refs/heads/main',
    sha: '0123456789abcdef0123456789abcdef01234567',
    repository: 'acme/api',
    repository_owner: 'acme',
    repository_owner_id: '123',
    repository_id: '456',
    repository_visibility: 'private',
    run_id: '42',
    run_number: '7',
    run_attempt: '1',
    runner_environment: 'github-hosted',
    actor: 'octocat',
    actor_id: '12',
    workflow: 'deploy',
    head_ref: '',
    base_ref: '',
    event_name: 'push',
    ref_type: 'branch',
    workflow_ref: 'acme/api/.github/workflows/deploy.yml@refs/heads/main',
    job_workflow_ref: 'acme/api/.github/workflows/deploy.yml@refs/heads/main',
    iss: GITHUB_ISSUER,
    nbf: NOW - 600,
    iat: NOW,
    exp: NOW + 300,
    ...overrides,
  };
}
