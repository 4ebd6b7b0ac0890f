/**
 * Words for the github-token check's findings: where a job's grant comes from, a step, a need, and the exact YAML
 * that grants what is missing at the level it belongs.
 */
import type { Need, ScopeNeed } from '../../workflows/github-token/actions-table.js';
import type { EffectivePermissions, PermissionsBlock } from '../../workflows/github-token/effective.js';
import { type StepInput, stepPosition } from '../../workflows/github-token/needs.js';
import { type AccessLevel, covers, SCOPE_NAMES, type Scope } from '../../workflows/github-token/scopes.js';
import type { TokenJob } from '../../workflows/github-token/types.js';
import { stepWhere } from '../../workflows/where.js';

const lineOf = (line: number | undefined) => (line !== undefined ? ` line ${line}` : '');

/** Why the job's token has what it has, for a message. */
export function grantReason(p: EffectivePermissions): string {
  const s = p.source;
  let reason: string;
  if (s.kind === 'block') {
    const where = `${s.block.file}${lineOf(s.block.line)}`;
    reason =
      s.block.value.kind === 'shorthand'
        ? `the ${s.block.at}'s \`permissions: ${s.block.value.value}\` (${where})`
        : `the ${s.block.at}'s \`permissions:\` (${where}), where every scope it does not name is \`none\``;
  } else if (s.kind === 'caller') {
    reason = `the calling job \`${s.caller}\`'s grant (a called workflow with no \`permissions:\` gets its caller's)`;
  } else if (s.defaults === 'unknown') {
    reason =
      "the repository's default (no `permissions:` applies), which is not known: set `github.default-token-permissions`";
  } else {
    reason = `the repository's default, ${s.defaults} (\`github.default-token-permissions\`), since no \`permissions:\` applies`;
  }
  if (p.cappedByCaller) reason += `, at most what the calling job \`${p.cappedByCaller}\` grants`;
  if (p.forkCapped)
    reason += ', every scope lowered to read (and no OIDC token): the run is a pull request from a fork';
  if (p.dependabotDefault) reason += ', read-only: Dependabot triggered the run and no `permissions:` applies';
  return reason;
}

/**
 * A step, for a message: its name or action, its place, file and line (a composite action's step: the action file's,
 * and the `uses:` that brought it in, src/workflows/where.ts). `file` is the job's workflow.
 */
export function describeStep(step: StepInput | undefined, file: string): string {
  if (!step || step.index < 0) return 'the configuration (`github.job-token-needs`)';
  const label = step.name ?? step.uses ?? 'run';
  return `step ${step.index + 1} \`${label}\` (${stepWhere(stepPosition(step, file), step.via)})`;
}

/** A finding's location at a step (the file it is written in), when its line is known; `file` is the job's workflow. */
export function stepLocation(
  step: StepInput | undefined,
  file: string,
): { readonly location?: { readonly file: string; readonly line: number } } {
  if (step?.line === undefined) return {};
  return { location: { file: step.file ?? file, line: step.line } };
}

/** `pages: write`. */
export const describeScope = (n: ScopeNeed) => `${n.scope}: ${n.level}`;

/** A need, for a message: `contents: write, pull-requests: write` or `issues: write or pull-requests: write`. */
export function describeNeed(need: Need): string {
  return 'all' in need ? need.all.map(describeScope).join(', ') : need.anyOf.map(describeScope).join(' or ');
}

/** The levels a block grants, as written (a mapping's entries; a shorthand as every scope). */
function blockLevels(block: PermissionsBlock | undefined): Map<Scope, AccessLevel> {
  const out = new Map<Scope, AccessLevel>();
  if (block?.value.kind !== 'mapping') return out;
  for (const e of block.value.entries) {
    if ((SCOPE_NAMES as string[]).includes(e.scope) && (e.level === 'read' || e.level === 'write')) {
      out.set(e.scope as Scope, e.level);
    }
  }
  return out;
}

/**
 * The job-level `permissions:` that grants everything the job needs, as one line of YAML (a flow mapping, valid
 * where the block form is): the job's own entries kept, each need raised, in the table's order. A job-level block
 * replaces the workflow's, so it must carry what the job needs from it too
 * (https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#jobsjob_idpermissions).
 */
export function jobPermissionsYaml(job: TokenJob, needs: readonly ScopeNeed[]): string {
  const levels = blockLevels(job.permissions);
  for (const n of needs) {
    const held = levels.get(n.scope) ?? 'none';
    if (!covers(held, n.level)) levels.set(n.scope, n.level);
  }
  const entries = SCOPE_NAMES.filter((s) => levels.has(s)).map((s) => `${s}: ${levels.get(s)}`);
  return `permissions: { ${entries.join(', ')} }`;
}
