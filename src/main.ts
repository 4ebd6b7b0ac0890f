/**
 * The action's pipeline, callable without side effects on import (tests and `local-action` import it).
 * There are no checks yet, so it fails closed: nothing verified is never reported as a pass.
 */
import type { ActionIO } from './io.js';

/** How a failed verification ends the step: `enforce` fails it, `report` only reports. */
export type Mode = 'enforce' | 'report';

const MODES: readonly Mode[] = ['enforce', 'report'];

/** The verdict until checks exist. */
export const NOTHING_VERIFIED = 'permission-preflight: no checks are configured yet; nothing was verified';

/**
 * Runs the action against `io`. It never throws: any thrown value, `Error` or not, fails the step.
 * Outputs: `result` (`pass`|`fail`) and `findings` (a count).
 */
export async function run(io: ActionIO): Promise<void> {
  try {
    io.setOutput('result', 'fail'); // first, so that any way out of here leaves `fail`, never an empty result
    const mode = readMode(io.getInput('mode'));
    io.setOutput('findings', '0');
    await io.summary(`## permission-preflight\n\n**Result: fail** (mode \`${mode}\`)\n\n${NOTHING_VERIFIED}.\n`);
    if (mode === 'report') {
      io.info(`${NOTHING_VERIFIED} (mode 'report': the step is not failed)`);
    } else {
      io.setFailed(NOTHING_VERIFIED);
    }
  } catch (thrown: unknown) {
    io.setFailed(`permission-preflight: ${describeThrown(thrown)}`);
  }
}

/** Parses the `mode` input; empty means the default, `enforce`. */
export function readMode(value: string): Mode {
  if (value === '') return 'enforce';
  const mode = MODES.find((m) => m === value);
  if (mode === undefined) {
    throw new Error(`input 'mode' must be one of ${MODES.map((m) => `'${m}'`).join(', ')}; got '${value}'`);
  }
  return mode;
}

/** A one-line description of any thrown value, without its stack. */
export function describeThrown(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message || thrown.name;
  try {
    return `non-Error thrown: ${typeof thrown === 'string' ? thrown : (JSON.stringify(thrown) ?? String(thrown))}`;
  } catch {
    return `non-Error thrown (${typeof thrown})`;
  }
}
