/** Thrown values, described for a person: the action's and the CLI's last line of defence. */

/** A one-line description of any thrown value, without its stack. */
export function describeThrown(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message || thrown.name;
  try {
    return `non-Error thrown: ${typeof thrown === 'string' ? thrown : (JSON.stringify(thrown) ?? String(thrown))}`;
  } catch {
    return `non-Error thrown (${typeof thrown})`;
  }
}
