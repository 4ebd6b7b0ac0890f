/**
 * The scopes of the `GITHUB_TOKEN`, as GitHub defines them today: the names a workflow's `permissions:` may use, the
 * levels each takes, and what each is granted when no `permissions:` applies (the repository's or organization's
 * default, permissive or restricted) or when a pull request comes from a public fork.
 *
 * The names and the levels each takes are those of GitHub's own workflow schema (`permissions-mapping` in
 * `@actions/workflow-parser`'s `workflow-v1.0.json`; __tests__/workflows/github-token-scopes.test.ts keeps this table
 * equal to it) and of the workflow syntax reference:
 * https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#permissions
 * The defaults and the fork column are the table of
 * https://docs.github.com/en/actions/security-for-github-actions/security-guides/automatic-token-authentication#permissions-for-the-github_token
 */
import { editDistance } from '../../text/edit-distance.js';

/** The workflow syntax reference: scope names, levels, `read-all`, `write-all` and `{}`. */
export const PERMISSIONS_SYNTAX_URL =
  'https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#permissions';
/** The GITHUB_TOKEN's permissions: the defaults, the fork column, how a job's permissions are calculated. */
export const TOKEN_PERMISSIONS_URL =
  'https://docs.github.com/en/actions/security-for-github-actions/security-guides/automatic-token-authentication#permissions-for-the-github_token';
/** How a job's permissions are calculated: default, then workflow, then job, then the fork adjustment. */
export const HOW_CALCULATED_URL =
  'https://docs.github.com/en/actions/security-for-github-actions/security-guides/automatic-token-authentication#how-the-permissions-are-calculated-for-a-workflow-job';

/** An access level, in order: `write` includes `read` (workflow syntax reference). */
export type AccessLevel = 'none' | 'read' | 'write';

const RANK: Readonly<Record<AccessLevel, number>> = { none: 0, read: 1, write: 2 };

/** Whether `granted` covers `needed`. */
export function covers(granted: AccessLevel, needed: AccessLevel): boolean {
  return RANK[granted] >= RANK[needed];
}

/** The lower of two levels. */
export function lowerOf(a: AccessLevel, b: AccessLevel): AccessLevel {
  return RANK[a] <= RANK[b] ? a : b;
}

/** The levels a scope takes in a workflow: all three, or `write`/`none` (`id-token`), or `read`/`none` (`models`). */
export type LevelSet = 'any' | 'write-or-none' | 'read-or-none';

/** One scope's row. */
export interface ScopeInfo {
  readonly levels: LevelSet;
  /** Granted when no `permissions:` applies and the default is permissive. */
  readonly permissive: AccessLevel;
  /** Granted when no `permissions:` applies and the default is restricted. */
  readonly restricted: AccessLevel;
  /** The most a pull request from a public fork gets (`pull_request_target` excepted). */
  readonly forkMax: AccessLevel;
}

const RW: ScopeInfo = { levels: 'any', permissive: 'write', restricted: 'none', forkMax: 'read' };

/**
 * Every scope a workflow's `permissions:` may name. Scopes the token reference's table does not list yet
 * (`artifact-metadata`, `code-quality`, `copilot-requests`, `drives`, `vulnerability-alerts`) are taken as the
 * restricted default (`none`) in either default: the preflight never assumes a grant it cannot cite.
 */
export const SCOPES = {
  actions: RW,
  'artifact-metadata': { ...RW, permissive: 'none' },
  attestations: RW,
  checks: RW,
  'code-quality': { ...RW, permissive: 'none' },
  contents: { levels: 'any', permissive: 'write', restricted: 'read', forkMax: 'read' },
  'copilot-requests': { levels: 'write-or-none', permissive: 'none', restricted: 'none', forkMax: 'none' },
  deployments: RW,
  discussions: RW,
  drives: { ...RW, permissive: 'none' },
  'id-token': { levels: 'write-or-none', permissive: 'none', restricted: 'none', forkMax: 'none' },
  issues: RW,
  models: { levels: 'read-or-none', permissive: 'read', restricted: 'none', forkMax: 'none' },
  packages: { levels: 'any', permissive: 'write', restricted: 'read', forkMax: 'read' },
  pages: RW,
  'pull-requests': RW,
  'repository-projects': RW,
  'security-events': RW,
  statuses: RW,
  'vulnerability-alerts': { levels: 'read-or-none', permissive: 'none', restricted: 'none', forkMax: 'none' },
} as const satisfies Record<string, ScopeInfo>;

/** A scope a workflow may name. */
export type Scope = keyof typeof SCOPES;

/** Every scope, in the table's order. */
export const SCOPE_NAMES = Object.keys(SCOPES) as Scope[];

/** Whether `name` is a scope GitHub defines. */
export function isScope(name: string): name is Scope {
  return Object.hasOwn(SCOPES, name);
}

/** The levels `scope` may be given in a workflow. */
export function levelsOf(scope: Scope): readonly AccessLevel[] {
  const set: LevelSet = SCOPES[scope].levels;
  if (set === 'write-or-none') return ['write', 'none'];
  if (set === 'read-or-none') return ['read', 'none'];
  return ['read', 'write', 'none'];
}

/**
 * The level `read-all`/`write-all` gives `scope`: the asked level, or the highest the scope takes below it
 * (`read-all` gives `id-token` nothing, since it has no `read`; `write-all` gives `models` `read`).
 */
export function capToScope(scope: Scope, level: AccessLevel): AccessLevel {
  const allowed = levelsOf(scope);
  if (allowed.includes(level)) return level;
  return allowed.filter((l) => covers(level, l)).sort((a, b) => RANK[b] - RANK[a])[0] ?? 'none';
}

/** The closest scope names to a misspelt one, for "did you mean". */
export function suggestScope(name: string): string | undefined {
  const lower = name.toLowerCase().replace(/_/g, '-');
  if (isScope(lower)) return lower;
  let best: { name: string; distance: number } | undefined;
  for (const scope of SCOPE_NAMES) {
    const limit = Math.max(1, Math.min(3, Math.floor(scope.length / 3)));
    const distance = editDistance(lower, scope, limit);
    if (distance <= limit && (!best || distance < best.distance)) {
      best = { name: scope, distance };
    }
  }
  return best?.name;
}

/**
 * For GitHub's parser's refusal of a workflow (`Unexpected value 'pull-request'`, which is how a misspelt scope in
 * `permissions:` is refused): the scope probably meant, when the refused name is close to one. The workflow model
 * reports the refusal (src/workflows/); this gives its fix a "did you mean".
 */
export function scopeMeantBy(parserMessage: string): Scope | undefined {
  const name = /Unexpected value '([^']{1,64})'/.exec(parserMessage)?.[1];
  if (name === undefined || isScope(name)) return undefined;
  const meant = suggestScope(name);
  return meant !== undefined && isScope(meant) ? meant : undefined;
}
