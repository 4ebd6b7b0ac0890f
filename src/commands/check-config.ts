/**
 * What `check` does with a loaded configuration: the flags applied on top (they override the file, as the action's
 * inputs do), and configuration errors printed as the action prints them, `file:line:column: setting message`.
 */
import { describeConfigError } from '../config/file-errors.js';
import type { PreflightConfig } from '../config/model.js';
import type { ConfigError } from '../config/tokens.js';
import type { TokenSpec } from '../tokens/types.js';
import type { CheckFlags } from './check.js';

/**
 * The flags over the configuration. The loader already receives them as inputs; applying them again here keeps the
 * command's promise (a flag always wins) whatever the loader does with an input it is given.
 */
export function applyFlags(config: PreflightConfig, flags: CheckFlags): PreflightConfig {
  const jwksUrl = flags.oidcJwksUrl;
  const tokens = jwksUrl
    ? config.tokens.map(
        (t): TokenSpec => (t.source.kind === 'github-oidc' ? { ...t, expect: { ...t.expect, jwksUrl } } : t),
      )
    : config.tokens;
  return {
    ...config,
    mode: flags.mode ?? config.mode,
    tokens,
    ...(flags.environment ? { environment: flags.environment } : {}),
  };
}

/** One error per line, at most 50. */
export function formatConfigErrors(errors: readonly ConfigError[]): string {
  const shown = errors.slice(0, 50).map((e) => `  ${describeConfigError(e)}`);
  if (errors.length > 50) shown.push(`  ... and ${errors.length - 50} more`);
  if (errors.length === 0) shown.push('  (the loader gave no detail)');
  return `${shown.join('\n')}\n`;
}
