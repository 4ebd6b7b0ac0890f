/**
 * The action's inputs, read into a typed configuration. Pure over a `getInput(name)` function; every
 * error names the input and quotes the value.
 */
import { parseDuration } from '../tokens/duration.js';
import { GITHUB_ISSUER } from '../tokens/github.js';
import type { TokenSpec } from '../tokens/types.js';
import { type AwsConfig, readAwsConfig } from './aws.js';
import { type ConfigError, readTokenList } from './tokens.js';

/** The run's configuration. */
export interface ActionConfig {
  readonly mode: 'enforce' | 'report';
  readonly tokens: readonly TokenSpec[];
  /** The AWS checks, one per role (the inputs configure at most one). */
  readonly roles: readonly AwsConfig[];
}

/** The default audience, as aws-actions/configure-aws-credentials uses for STS. */
export const DEFAULT_AUDIENCE = 'sts.amazonaws.com';

/** Parses YAML; passed in so that the YAML parser loads only when the `tokens` input is used. */
export type ParseYaml = (text: string) => { ok: true; value: unknown } | { ok: false; error: string };

function bool(name: string, value: string, fallback: boolean, errors: ConfigError[]): boolean {
  if (value === '') return fallback;
  if (value === 'true') return true;
  if (value === 'false') return false;
  errors.push({ where: `input ${name}`, message: `must be true or false, got "${value}"` });
  return fallback;
}

function duration(name: string, value: string, fallback: number, errors: ConfigError[]): number {
  if (value === '') return fallback;
  const d = parseDuration(value);
  if (d.ok) return d.seconds;
  errors.push({ where: `input ${name}`, message: d.error });
  return fallback;
}

/** `claim=pattern` lines (blank lines and `#` comments skipped). */
function claimLines(value: string, errors: ConfigError[]): Record<string, string> {
  const claims: Record<string, string> = {};
  value.split(/\r?\n/).forEach((line, i) => {
    const text = line.trim();
    if (text === '' || text.startsWith('#')) return;
    const eq = text.indexOf('=');
    const name = eq > 0 ? text.slice(0, eq).trim() : '';
    if (!name || eq === text.length - 1) {
      errors.push({ where: `input expected-claims, line ${i + 1}`, message: `must be claim=pattern, got "${text}"` });
    } else claims[name] = text.slice(eq + 1).trim();
  });
  return claims;
}

/** Reads the inputs. Returns the configuration, or every error found. */
export function readActionConfig(
  getInput: (name: string) => string,
  parseYaml: ParseYaml | undefined,
): { ok: true; config: ActionConfig } | { ok: false; errors: ConfigError[] } {
  const errors: ConfigError[] = [];
  const modeInput = getInput('mode');
  const mode = modeInput === '' || modeInput === 'enforce' ? 'enforce' : modeInput === 'report' ? 'report' : undefined;
  if (!mode) errors.push({ where: 'input mode', message: `must be enforce or report, got "${modeInput}"` });
  const minLifetime = duration('min-token-lifetime', getInput('min-token-lifetime'), 60, errors);
  const skew = duration('clock-skew', getInput('clock-skew'), 60, errors);
  const tokens: TokenSpec[] = [];
  const audience = getInput('audience') || DEFAULT_AUDIENCE;
  const aws = readAwsConfig(getInput, audience, errors);
  if (bool('github-oidc', getInput('github-oidc'), true, errors)) {
    const jwksUrl = getInput('oidc-jwks-url');
    tokens.push({
      name: 'github-oidc',
      source: { kind: 'github-oidc', audience },
      expect: {
        issuer: getInput('oidc-issuer') || GITHUB_ISSUER,
        audience: [audience],
        minLifetimeSeconds: minLifetime,
        clockSkewSeconds: skew,
        claims: claimLines(getInput('expected-claims'), errors),
        ...(jwksUrl ? { jwksUrl } : {}),
      },
    });
  }
  const tokensInput = getInput('tokens');
  if (tokensInput !== '') {
    const parsed = parseYaml?.(tokensInput) ?? { ok: false, error: 'no YAML parser' };
    if (!parsed.ok) errors.push({ where: 'input tokens', message: `is not valid YAML: ${parsed.error}` });
    else {
      const list = readTokenList(parsed.value, 'input tokens', {
        minLifetimeSeconds: minLifetime,
        clockSkewSeconds: skew,
      });
      errors.push(...list.errors);
      for (const spec of list.specs) {
        if (tokens.some((t) => t.name === spec.name)) {
          errors.push({ where: `input tokens ("${spec.name}")`, message: 'uses a name that is already taken' });
        } else tokens.push(spec);
      }
    }
  }
  return errors.length > 0 || !mode
    ? { ok: false, errors }
    : { ok: true, config: { mode, tokens, roles: aws ? [aws] : [] } };
}
