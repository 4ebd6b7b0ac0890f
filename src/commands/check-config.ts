/**
 * How `check` prints configuration errors: as the action prints them, `file:line:column: setting message`. (The
 * flags reach the configuration as inputs, through the one builder, src/config/build.ts.)
 */
import { describeConfigError } from '../config/file-errors.js';
import type { ConfigError } from '../config/tokens.js';

/** One error per line, at most 50. */
export function formatConfigErrors(errors: readonly ConfigError[]): string {
  const shown = errors.slice(0, 50).map((e) => `  ${describeConfigError(e)}`);
  if (errors.length > 50) shown.push(`  ... and ${errors.length - 50} more`);
  if (errors.length === 0) shown.push('  (the loader gave no detail)');
  return `${shown.join('\n')}\n`;
}
