/**
 * The input assignments a job is evaluated over. A `workflow_dispatch` run can be started with any option of a
 * `choice` input and either value of a `boolean` one, so each combination of the inputs the workflow reads is an
 * assignment of its own; a free-text input (`string`, `number`, `environment`) can hold anything and is unknown.
 * https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#onworkflow_dispatchinputs
 */
import { type ContextValue, Unknown } from './expressions.js';
import type { InputDefinition } from './triggers.js';

/** The assignments, or their count when over `limit` (then one assignment with those inputs unknown). */
export interface Assignments {
  readonly assignments: ReadonlyArray<Readonly<Record<string, ContextValue>>>;
  /** How many assignments there are (more than listed when over the limit). */
  readonly count: number;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether the workflow text reads the input (`inputs.x`, `inputs['x']`, `github.event.inputs.x`). */
export function readsInput(text: string, id: string): boolean {
  const name = escapeRegExp(id);
  return new RegExp(`inputs\\s*(?:\\.\\s*${name}(?![\\w-])|\\[\\s*['"]${name}['"]\\s*\\])`, 'i').test(text);
}

/** The values an input can take when the run is started by hand (or by a caller outside the files read). */
function possibleValues(def: InputDefinition, reads: boolean, source: string): ContextValue[] {
  const { input } = def;
  const defaultValue = input.default?.kind === 'known' ? input.default.value : undefined;
  if (reads && input.type === 'choice' && input.options && input.options.length > 0) return [...input.options];
  if (reads && input.type === 'boolean') return [true, false];
  if (!reads && defaultValue !== undefined) return [defaultValue];
  return [new Unknown(`inputs.${input.id} (${input.type}: any value ${source})`)];
}

/** Every combination of the inputs' possible values, up to `limit`. */
export function enumerateInputs(
  defs: readonly InputDefinition[],
  text: string,
  limit: number,
  source: string,
): Assignments {
  const choices = defs.map((d) => ({
    id: d.input.id,
    values: possibleValues(d, readsInput(text, d.input.id), source),
  }));
  const count = choices.reduce((n, c) => n * c.values.length, 1);
  if (count > limit) {
    const unknown = Object.fromEntries(
      choices.map((c) => [
        c.id,
        c.values.length === 1 ? (c.values[0] ?? null) : new Unknown(`inputs.${c.id} (too many combinations)`),
      ]),
    );
    return { assignments: [unknown], count };
  }
  let assignments: Array<Record<string, ContextValue>> = [{}];
  for (const { id, values } of choices) {
    assignments = assignments.flatMap((a) => values.map((v) => ({ ...a, [id]: v })));
  }
  return { assignments, count };
}

/** An assignment as plain JSON for the model (an unknown value as `{ unknown: reason }`). */
export function plainAssignment(assignment: Readonly<Record<string, ContextValue>>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(assignment).map(([k, v]) => [k, v instanceof Unknown ? { unknown: v.reason } : v]),
  );
}
