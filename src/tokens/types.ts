/**
 * Types shared by the token checks (pure, `src/tokens/` and `src/checks/token.ts`) and the adapters
 * that fetch tokens and keys (`src/sources/`).
 */

/** Where a token comes from. Tokens are never given as literal input values. */
export type TokenSource =
  | { readonly kind: 'github-oidc'; readonly audience: string }
  | { readonly kind: 'env'; readonly name: string }
  | { readonly kind: 'file'; readonly path: string }
  /**
   * configure-aws-credentials' `web-identity-token-file`: the deploy reads the token it gives STS for `roleArn` from
   * this file, not from GitHub's endpoint. STS checks its signature with the keys of the IAM OIDC provider whose URL
   * is the token's `iss`, so its keys are found through that `iss` (the provider check proves the account has one).
   */
  | { readonly kind: 'web-identity-file'; readonly path: string; readonly roleArn: string };

/** RFC 7662 token introspection, for opaque tokens. Client credentials come from environment variables. */
export interface IntrospectionConfig {
  readonly url: string;
  readonly clientIdEnv?: string;
  readonly clientSecretEnv?: string;
}

/** What a token must satisfy. Every field is optional; what is not given is not checked. */
export interface TokenExpectations {
  /** The issuer (`iss`) the token must carry, exactly. */
  readonly issuer?: string;
  /** The token's `aud` must contain at least one of these. */
  readonly audience?: readonly string[];
  /** Each must appear among the token's scopes (scope, scp, scopes, permissions, roles). */
  readonly requiredScopes?: readonly string[];
  /** The token must stay valid at least this long from now (seconds). */
  readonly minLifetimeSeconds?: number;
  /** Claim name → glob pattern (`*`, `?`), compared case-sensitively, e.g. `sub` → `repo:acme/api:environment:production`. */
  readonly claims?: Readonly<Record<string, string>>;
  /** Tolerance for exp, nbf and iat (seconds); default 60. */
  readonly clockSkewSeconds?: number;
  /** Use this JWKS URL instead of discovery through `/.well-known/openid-configuration`. */
  readonly jwksUrl?: string;
  /** Allowed signature algorithms; default: the asymmetric ones (RS*, PS*, ES*, EdDSA). */
  readonly algorithms?: readonly string[];
  readonly introspection?: IntrospectionConfig;
  /** Report an opaque token that cannot be verified as a warning instead of failing closed. */
  readonly allowUnverifiable?: boolean;
  /** Accept a token without `exp` (or an introspection answer without one); otherwise it fails as `no-expiry`. */
  readonly allowNoExpiry?: boolean;
}

/** A token to check, with its name for the report. */
export interface TokenSpec {
  readonly name: string;
  readonly source: TokenSource;
  readonly expect: TokenExpectations;
}

/** The result of verifying a token's signature (or introspecting an opaque one). */
export type Verification =
  | {
      readonly status: 'verified';
      readonly method: 'jwks' | 'introspection';
      readonly alg?: string;
      readonly kid?: string;
      /** Where the keys (or the introspection answer) came from. */
      readonly keySource: string;
      /** For introspection: whether the server said the token is active, and the claims it returned. */
      readonly introspected?: Readonly<Record<string, unknown>>;
    }
  | {
      readonly status: 'failed';
      readonly class: 'bad-signature' | 'unknown-key' | 'malformed' | 'wrong-issuer' | 'inactive';
      readonly reason: string;
      readonly alg?: string;
      readonly kid?: string;
    }
  | {
      readonly status: 'unverifiable';
      readonly reason: string;
      /**
       * Set when nothing in the configuration names the keys (no issuer, no JWKS URL): the token would name its own
       * keys through its `iss`, so no signature check could prove it came from an issuer that is trusted.
       */
      readonly unpinned?: true;
    };

/** A JSON Web Key Set as an issuer publishes it. */
export interface KeySet {
  readonly keys: readonly Readonly<Record<string, unknown>>[];
}

/** The keys of one issuer, or why they could not be had. */
export type KeySetResult =
  | { readonly ok: true; readonly jwks: KeySet; readonly source: string }
  | { readonly ok: false; readonly reason: string };

/**
 * Gives an issuer's keys. `refresh: true` asks for a fresh copy, once, when a token's `kid` is unknown
 * (issuers rotate keys); otherwise a cached copy is returned. Implemented in `src/sources/jwks.ts`.
 */
export type GetKeys = (options: { readonly refresh: boolean }) => Promise<KeySetResult>;
