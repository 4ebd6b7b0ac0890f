/**
 * Where a step is written, for a message. A step of a local composite action is written in the action's file, not in
 * the workflow: GitHub runs the action's steps in place of the step that uses it
 * (https://docs.github.com/en/actions/tutorials/create-actions/create-a-composite-action), so the step is named by the
 * action file's line and by each `uses:` that brought it in (WorkflowStep.via).
 */

/** A `uses:` of a local composite action: as written, and where it is written. */
export interface UsedAt {
  readonly uses: string;
  readonly position: { readonly file: string; readonly line: number };
}

/**
 * `.github/actions/x/action.yml line 14, in \`./.github/actions/x\` used at .github/workflows/w.yml line 40`: the step's
 * file and line, then the `uses:` that brought it in, innermost first; `file line N` alone for a step of the workflow.
 */
export function stepWhere(at: { readonly file: string; readonly line?: number }, via: readonly UsedAt[] = []): string {
  const line = at.line === undefined ? '' : ` line ${at.line}`;
  const chain = [...via].reverse().map((v) => `, in \`${v.uses}\` used at ${v.position.file} line ${v.position.line}`);
  return `${at.file}${line}${chain.join('')}`;
}
