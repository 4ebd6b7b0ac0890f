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
import { parseDuration } from '../tokens/duration.js';
import type { IntrospectionConfig, TokenExpectations, TokenSpec } from '../tokens/types.js';

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
  const t = JSON.stringify(v) ?? String(v);
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

/** Validates a parsed `tokens` list. `origin` names it in errors (`input tokens`, `.github/preflight.yml`). */
export function readTokenList(
  value: unknown,
  origin: string,
  defaults: TokenDefaults,
): { specs: TokenSpec[]; errors: ConfigError[] } {
  const errors: ConfigError[] = [];
  const specs: TokenSpec[] = [];
  if (value === undefined || value === null) return { specs, errors };
  if (!Array.isArray(value)) {
    return { specs, errors: [{ where: origin, message: `must be a list of tokens, got ${show(value)}` }] };
  }
  const seen = new Set<string>();
  value.forEach((item, i) => {
    const label =
      isObject(item) && typeof item.name === 'string'
        ? `${origin}, item ${i + 1} ("${item.name}")`
        : `${origin}, item ${i + 1}`;
    const fail = (field: string, message: string) =>
      errors.push({ where: field ? `${label}, ${field}` : label, message });
    if (!isObject(item)) {
      fail('', `must be a mapping with name and from-env or from-file, got ${show(item)}`);
      return;
    }
    for (const key of Object.keys(item))
      if (!TOKEN_KEYS.has(key)) fail(key, `is not a token setting (known: ${[...TOKEN_KEYS].join(', ')})`);
    const before = errors.length;
    const name = item.name;
    if (typeof name !== 'string' || !NAME.test(name))
      fail('name', `must be 1-64 letters, digits, '.', '_' or '-', got ${show(name)}`);
    else if (seen.has(name)) fail('name', `"${name}" is used twice`);
    else seen.add(name);
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
    }
    if (fromFile !== undefined && (typeof fromFile !== 'string' || fromFile === ''))
      fail('from-file', `must be a file path, got ${show(fromFile)}`);
    const expect: { -readonly [K in keyof TokenExpectations]: TokenExpectations[K] } = {};
    const str = (key: string, set: (v: string) => void, check?: (v: string) => string | undefined): void => {
      const v = item[key];
      if (v === undefined) return;
      const problem = typeof v !== 'string' || v === '' ? `must be a non-empty string, got ${show(v)}` : check?.(v);
      if (problem) fail(key, problem);
      else set(v as string);
    };
    const url = (v: string) => (/^https?:\/\//.test(v) ? undefined : `must be an https URL, got ${show(v)}`);
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
    if (item['allow-unverifiable'] !== undefined) {
      if (typeof item['allow-unverifiable'] !== 'boolean')
        fail('allow-unverifiable', `must be true or false, got ${show(item['allow-unverifiable'])}`);
      else expect.allowUnverifiable = item['allow-unverifiable'];
    }
    if (item.introspection !== undefined) {
      const intro = readIntrospection(item.introspection);
      if (typeof intro === 'string') fail('introspection', intro);
      else expect.introspection = intro;
    }
    if (errors.length > before) return;
    if (expect.minLifetimeSeconds === undefined && defaults.minLifetimeSeconds !== undefined)
      expect.minLifetimeSeconds = defaults.minLifetimeSeconds;
    if (expect.clockSkewSeconds === undefined && defaults.clockSkewSeconds !== undefined)
      expect.clockSkewSeconds = defaults.clockSkewSeconds;
    specs.push({
      name: name as string,
      source:
        fromEnv !== undefined ? { kind: 'env', name: fromEnv as string } : { kind: 'file', path: fromFile as string },
      expect,
    });
  });
  return { specs, errors };
}

function readIntrospection(v: unknown): IntrospectionConfig | string {
  if (!isObject(v) || typeof v.url !== 'string' || !/^https?:\/\//.test(v.url)) {
    return `must be a mapping with an https url (and optionally client-id-env, client-secret-env), got ${show(v)}`;
  }
  for (const key of Object.keys(v))
    if (!['url', 'client-id-env', 'client-secret-env'].includes(key)) return `${key} is not an introspection setting`;
  const id = v['client-id-env'];
  const secret = v['client-secret-env'];
  if ((id === undefined) !== (secret === undefined)) return 'client-id-env and client-secret-env go together';
  if (
    id !== undefined &&
    (typeof id !== 'string' || !ENV_NAME.test(id) || typeof secret !== 'string' || !ENV_NAME.test(secret))
  ) {
    return 'client-id-env and client-secret-env must name environment variables';
  }
  return { url: v.url, ...(typeof id === 'string' ? { clientIdEnv: id, clientSecretEnv: secret as string } : {}) };
}
