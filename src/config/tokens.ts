/**
 * The `tokens` input (and the config file's `tokens` list): named bearer tokens that later steps use,
 * each read from an environment variable or a file (never a literal value, which would sit in the
 * workflow file and the logs), with what it must satisfy.
 *
 *   tokens: |
 *     - name: deploy-api
 *       from-env: DEPLOY_API_TOKEN
 *       issuer: https://auth.example.com
 *       audience: api://deploy
 *       scopes: [deploy:write]
 *       min-lifetime: 10m
 */

import { hideUserInfo, urlUserInfo } from '../text/secrets.js';
import { parseDuration } from '../tokens/duration.js';
import type { IntrospectionConfig, TokenExpectations, TokenSpec } from '../tokens/types.js';
import { credentialVariable } from './credential-variables.js';

/** The message for a URL setting with user info (`https://user:password@host/`): see {@link urlProblem}. */
export const USER_INFO_REFUSED =
  'must be an https URL, without user info (user:password@): a URL setting never carries a credential';

/** A problem in the configuration, naming where it is. */
export interface ConfigError {
  /** E.g. `input tokens, item 2 ("registry"), min-lifetime`, or `aws.roles[0].aws-region` in a config file. */
  readonly where: string;
  readonly message: string;
  /** The config file the error is in (as the user named it, relative to the workspace), when it is in one. */
  readonly file?: string;
  /** 1-based line and column in that file. */
  readonly line?: number;
  readonly column?: number;
}

const TOKEN_KEYS = new Set([
  'name',
  'from-env',
  'from-file',
  'issuer',
  'audience',
  'scopes',
  'min-lifetime',
  'claims',
  'jwks-url',
  'algorithms',
  'introspection',
  'allow-unverifiable',
  'allow-no-expiry',
  'clock-skew',
]);
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Whether a value looks like a credential rather than a name: a known token prefix, a JWT, or a long run of
 * token characters. Such a value is never quoted back in an error.
 */
export function looksLikeSecret(v: string): boolean {
  if (/^(gh[pousr]_|github_pat_|glpat-|xox[abprs]-|eyJ|AKIA|ASIA|sk-|Bearer\s)/.test(v)) return true;
  return v.length >= 40 && /^[A-Za-z0-9+/=_.~-]+$/.test(v);
}

function show(v: unknown): string {
  if (typeof v === 'string' && looksLikeSecret(v)) return 'a value that looks like a token (not shown)';
  const t = hideUserInfo(JSON.stringify(v) ?? String(v));
  return t.length > 60 ? `${t.slice(0, 57)}...` : t;
}

/** Reads a string or a list of strings (`scopes` also takes one space-separated string). */
function strings(v: unknown, split: boolean): string[] | undefined {
  if (typeof v === 'string') return split ? v.split(/\s+/).filter(Boolean) : [v];
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  return undefined;
}

/** Defaults that the inputs give every token that does not set its own. */
export interface TokenDefaults {
  readonly minLifetimeSeconds?: number;
  readonly clockSkewSeconds?: number;
}

/** Records a problem with one setting of a token (`''` for the token as a whole). */
type Fail = (field: string, message: string) => void;

/** Expectations being read, before they are handed out as {@link TokenExpectations}. */
type Expectations = { -readonly [K in keyof TokenExpectations]: TokenExpectations[K] };

/** Validates a parsed `tokens` list. `origin` names it in errors (`input tokens`, `.github/preflight.yml`). */
export function readTokenList(
  value: unknown,
  origin: string,
  defaults: TokenDefaults,
  /** `introspection: false` where it is not a setting (the config file refuses it: src/config/file.ts). */
  allowed: { readonly introspection: boolean } = { introspection: true },
): { specs: TokenSpec[]; errors: ConfigError[] } {
  const errors: ConfigError[] = [];
  const specs: TokenSpec[] = [];
  if (value === undefined || value === null) return { specs, errors };
  if (!Array.isArray(value)) {
    return { specs, errors: [{ where: origin, message: `must be a list of tokens, got ${show(value)}` }] };
  }
  const known = [...TOKEN_KEYS].filter((k) => allowed.introspection || k !== 'introspection');
  const seen = new Set<string>();
  value.forEach((item, i) => {
    const label =
      isObject(item) && typeof item.name === 'string'
        ? `${origin}, item ${i + 1} ("${item.name}")`
        : `${origin}, item ${i + 1}`;
    const fail: Fail = (field, message) => errors.push({ where: field ? `${label}, ${field}` : label, message });
    if (!isObject(item)) {
      fail('', `must be a mapping with name and from-env or from-file, got ${show(item)}`);
      return;
    }
    for (const key of Object.keys(item))
      if (!TOKEN_KEYS.has(key)) fail(key, `is not a token setting (known: ${known.join(', ')})`);
    // An unknown setting is reported but does not drop the token; a wrong one does.
    const before = errors.length;
    const name = readName(item.name, seen, fail);
    const source = readSource(item, fail);
    const expect = readExpectations(item, fail);
    if (errors.length > before) return;
    if (expect.minLifetimeSeconds === undefined && defaults.minLifetimeSeconds !== undefined)
      expect.minLifetimeSeconds = defaults.minLifetimeSeconds;
    if (expect.clockSkewSeconds === undefined && defaults.clockSkewSeconds !== undefined)
      expect.clockSkewSeconds = defaults.clockSkewSeconds;
    specs.push({ name: name as string, source, expect });
  });
  return { specs, errors };
}

/** A token's name, once it is known to be well-formed and not used by an earlier token. */
function readName(name: unknown, seen: Set<string>, fail: Fail): string | undefined {
  if (typeof name !== 'string' || !NAME.test(name)) {
    fail('name', `must be 1-64 letters, digits, '.', '_' or '-', got ${show(name)}`);
    return undefined;
  }
  if (seen.has(name)) fail('name', `"${name}" is used twice`);
  else seen.add(name);
  return name;
}

/** Where a token is read from: exactly one of `from-env` (a variable's name, never the token) and `from-file`. */
function readSource(item: Record<string, unknown>, fail: Fail): TokenSpec['source'] {
  const fromEnv = item['from-env'];
  const fromFile = item['from-file'];
  if ((fromEnv === undefined) === (fromFile === undefined))
    fail('', 'needs exactly one of from-env or from-file (a token is never given literally)');
  if (typeof fromEnv === 'string' && looksLikeSecret(fromEnv)) {
    fail(
      'from-env',
      'holds what looks like a token itself; put the token in a secret and name the variable that carries it',
    );
  } else if (fromEnv !== undefined && (typeof fromEnv !== 'string' || !ENV_NAME.test(fromEnv))) {
    fail('from-env', `must be an environment variable name, got ${show(fromEnv)}`);
  } else if (typeof fromEnv === 'string') {
    const refused = credentialVariable(fromEnv);
    if (refused) fail('from-env', refused);
  }
  if (fromFile !== undefined && (typeof fromFile !== 'string' || fromFile === ''))
    fail('from-file', `must be a file path, got ${show(fromFile)}`);
  return fromEnv !== undefined ? { kind: 'env', name: fromEnv as string } : { kind: 'file', path: fromFile as string };
}

/** What a token must satisfy, from its settings; each wrong one is reported and left out. */
function readExpectations(item: Record<string, unknown>, fail: Fail): Expectations {
  const expect: Expectations = {};
  readTextSettings(item, expect, fail);
  for (const [key, split, set] of [
    ['audience', false, (v: string[]) => (expect.audience = v)],
    ['scopes', true, (v: string[]) => (expect.requiredScopes = v)],
    ['algorithms', false, (v: string[]) => (expect.algorithms = v)],
  ] as const) {
    if (item[key] === undefined) continue;
    const list = strings(item[key], split);
    if (!list || list.length === 0) fail(key, `must be a string or a list of strings, got ${show(item[key])}`);
    else set(list);
  }
  if (item.claims !== undefined) {
    const c = item.claims;
    if (!isObject(c) || !Object.values(c).every((v) => typeof v === 'string'))
      fail('claims', `must map claim names to patterns, got ${show(c)}`);
    else expect.claims = c as Record<string, string>;
  }
  for (const [key, set] of [
    ['allow-unverifiable', (v: boolean) => (expect.allowUnverifiable = v)],
    ['allow-no-expiry', (v: boolean) => (expect.allowNoExpiry = v)],
  ] as const) {
    const value = item[key];
    if (value === undefined) continue;
    if (typeof value !== 'boolean') fail(key, `must be true or false, got ${show(value)}`);
    else set(value);
  }
  if (item.introspection !== undefined) {
    const intro = readIntrospection(item.introspection);
    if (typeof intro === 'string') fail('introspection', intro);
    else expect.introspection = intro;
  }
  return expect;
}

/** The settings written as one string: the issuer and JWKS URLs, and the durations. */
function readTextSettings(item: Record<string, unknown>, expect: Expectations, fail: Fail): void {
  const str = (key: string, set: (v: string) => void, check?: (v: string) => string | undefined): void => {
    const v = item[key];
    if (v === undefined) return;
    const problem = typeof v !== 'string' || v === '' ? `must be a non-empty string, got ${show(v)}` : check?.(v);
    if (problem) fail(key, problem);
    else set(v as string);
  };
  const url = (v: string) => (/^https?:\/\//.test(v) ? urlProblem(v) : `must be an https URL, got ${show(v)}`);
  str('issuer', (v) => (expect.issuer = v), url);
  str('jwks-url', (v) => (expect.jwksUrl = v), url);
  const duration = (key: string, set: (n: number) => void) =>
    str(key, (v) => {
      const d = parseDuration(v);
      if (d.ok) set(d.seconds);
      else fail(key, d.error);
    });
  duration('min-lifetime', (n) => (expect.minLifetimeSeconds = n));
  duration('clock-skew', (n) => (expect.clockSkewSeconds = n));
}

/**
 * Why a URL setting (an issuer, a JWKS or introspection endpoint) is refused, or `undefined`: one with user info
 * (`https://user:password@host/`) would carry a credential in a setting that holds none, and have the run mask a value
 * the configuration chose (src/text/secrets.ts `MIN_MASKED_CHARS`).
 */
function urlProblem(v: string): string | undefined {
  return urlUserInfo(v) ? USER_INFO_REFUSED : undefined;
}

function readIntrospection(v: unknown): IntrospectionConfig | string {
  if (!isObject(v) || typeof v.url !== 'string' || !/^https?:\/\//.test(v.url)) {
    return `must be a mapping with an https url (and optionally client-id-env, client-secret-env), got ${show(v)}`;
  }
  for (const key of Object.keys(v))
    if (!['url', 'client-id-env', 'client-secret-env'].includes(key)) return `${key} is not an introspection setting`;
  const refused = urlProblem(v.url);
  if (refused) return `url ${refused}`;
  const id = v['client-id-env'];
  const secret = v['client-secret-env'];
  if ((id === undefined) !== (secret === undefined)) return 'client-id-env and client-secret-env go together';
  if (
    id !== undefined &&
    (typeof id !== 'string' || !ENV_NAME.test(id) || typeof secret !== 'string' || !ENV_NAME.test(secret))
  ) {
    return 'client-id-env and client-secret-env must name environment variables';
  }
  for (const [key, name] of [
    ['client-id-env', id],
    ['client-secret-env', secret],
  ] as const) {
    const refused = typeof name === 'string' ? credentialVariable(name) : undefined;
    if (refused) return `${key} ${refused}`;
  }
  return { url: v.url, ...(typeof id === 'string' ? { clientIdEnv: id, clientSecretEnv: secret as string } : {}) };
}
