/**
 * The permissions GitHub gives one job's `GITHUB_TOKEN`, from what the workflow says. GitHub's rule
 * (https://docs.github.com/en/actions/security-for-github-actions/security-guides/automatic-token-authentication#how-the-permissions-are-calculated-for-a-workflow-job):
 * start from the enterprise's, organization's or repository's default (permissive or restricted); a workflow-level
 * `permissions:` replaces it, and a job-level one replaces that; then a pull request from a fork has every `write`
 * lowered to `read`. Within a block, every scope not named is `none`, and `metadata` is always `read`
 * (https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#permissions).
 */
import type { RunnerFacts } from '../../model/runner.js';
import {
  type AccessLevel,
  capToScope,
  covers,
  isScope,
  levelsOf,
  lowerOf,
  SCOPE_NAMES,
  SCOPES,
  type Scope,
  suggestScope,
} from './scopes.js';

/** Reusable workflows: a called workflow's token is its caller's, and can only be lowered. */
export const REUSABLE_URL = 'https://docs.github.com/en/actions/reference/reusable-workflows-reference';

/**
 * Runs Dependabot triggers: "GITHUB_TOKEN has read-only permissions by default" on these events, and "you can use
 * the permissions key in your workflow to increase the access for the token"
 * (https://docs.github.com/en/code-security/dependabot/working-with-dependabot/automating-dependabot-with-github-actions#changing-github_token-permissions).
 */
export const DEPENDABOT_URL =
  'https://docs.github.com/en/code-security/dependabot/working-with-dependabot/automating-dependabot-with-github-actions#changing-github_token-permissions';
const DEPENDABOT_READ_ONLY_EVENTS = new Set([
  'pull_request',
  'pull_request_review',
  'pull_request_review_comment',
  'push',
  'create',
  'deployment',
  'deployment_status',
]);

/** One `scope: level` entry of a `permissions:` mapping, as written, with its line. */
export interface PermissionEntry {
  readonly scope: string;
  readonly level: string;
  readonly line?: number;
}

/** A `permissions:` value, as written: a string (`read-all`, `write-all`) or a mapping (`{}` has no entries). */
export type PermissionsValue =
  | { readonly kind: 'shorthand'; readonly value: string }
  | { readonly kind: 'mapping'; readonly entries: readonly PermissionEntry[] };

/** A `permissions:` block and where it is: the workflow's top level, or a job's. */
export interface PermissionsBlock {
  readonly at: 'workflow' | 'job';
  readonly file: string;
  /** The line of the `permissions:` key. */
  readonly line?: number;
  readonly value: PermissionsValue;
}

/** The repository's or organization's default for jobs that state no permissions; `unknown` when not configured. */
export type DefaultPermissions = 'permissive' | 'restricted' | 'unknown';

/** Where a job's grant comes from. */
export type GrantSource =
  | { readonly kind: 'block'; readonly block: PermissionsBlock }
  | { readonly kind: 'default'; readonly defaults: DefaultPermissions }
  | { readonly kind: 'caller'; readonly caller: string };

/** What one scope is granted: exactly (`least === most`), or a range when the default is not known. */
export interface ScopeGrant {
  readonly least: AccessLevel;
  readonly most: AccessLevel;
}

/** A job's token permissions: per scope, where they come from, and what lowered them. */
export interface EffectivePermissions {
  readonly scopes: Readonly<Record<Scope, ScopeGrant>>;
  /** The scopes before a fork's pull request lowered them: what a called workflow is measured against. */
  readonly granted: Readonly<Record<Scope, ScopeGrant>>;
  readonly source: GrantSource;
  /** Lowered because the run is a pull request from a fork. */
  readonly forkCapped: boolean;
  /** Read-only because Dependabot triggered the run and no `permissions:` applies (DEPENDABOT_URL). */
  readonly dependabotDefault?: boolean;
  /** Lowered to what the calling workflow's job grants (a reusable workflow). */
  readonly cappedByCaller?: string;
  /**
   * Scopes the called workflow's block asks for above its caller's grant: GitHub refuses to start such a run
   * (`startup_failure`, "is requesting ... but is only allowed ...").
   */
  readonly exceedsCaller: readonly Scope[];
  /** For a called workflow's job: what its own grant asks, before its caller's caps it. */
  readonly asked?: Readonly<Record<Scope, ScopeGrant>>;
}

/** The run the job's token is issued for, when known (the action knows it; the CLI may not). */
export interface RunContext {
  /** `github.event_name`. */
  readonly event: string;
  /** The pull request's head repository is a fork of the base repository. */
  readonly fromFork: boolean;
  /** `github.actor` is `dependabot[bot]`: its token is read-only unless `permissions:` say more (DEPENDABOT_URL). */
  readonly dependabot?: boolean;
}

/**
 * The run from what the runner tells (src/model/runner.ts) and `GITHUB_ACTOR`; none when the event is not known
 * (the CLI outside Actions), so that no fork rule is applied or dropped on a guess.
 */
export function runContextOf(facts: RunnerFacts, actor?: string): RunContext | undefined {
  if (!facts.eventName) return undefined;
  return {
    event: facts.eventName,
    fromFork: facts.isForkPullRequest === true,
    ...(actor === 'dependabot[bot]' ? { dependabot: true } : {}),
  };
}

/** What the calculation takes. */
export interface EffectiveInput {
  readonly workflow?: PermissionsBlock;
  readonly job?: PermissionsBlock;
  readonly defaults: DefaultPermissions;
  readonly run?: RunContext;
  /** For a job of a reusable workflow: the calling job's grant, and its name for messages. */
  readonly caller?: { readonly name: string; readonly permissions: EffectivePermissions };
}

/** A level as written, when it is one. */
function asLevel(text: string): AccessLevel | undefined {
  return text === 'read' || text === 'write' || text === 'none' ? text : undefined;
}

const exactly = (level: AccessLevel): ScopeGrant => ({ least: level, most: level });

/** Every scope at `level`, each capped to the levels it takes. */
function allAt(level: AccessLevel): Record<Scope, ScopeGrant> {
  return Object.fromEntries(SCOPE_NAMES.map((s) => [s, exactly(capToScope(s, level))])) as Record<Scope, ScopeGrant>;
}

/**
 * What a block grants. An entry that is not valid grants nothing (GitHub refuses such a workflow before any job runs;
 * {@link validatePermissions} reports it).
 */
export function grantOfBlock(value: PermissionsValue): Record<Scope, ScopeGrant> {
  if (value.kind === 'shorthand') {
    if (value.value === 'read-all') return allAt('read');
    if (value.value === 'write-all') return allAt('write');
    return allAt('none');
  }
  const scopes = allAt('none');
  for (const entry of value.entries) {
    const level = asLevel(entry.level);
    if (isScope(entry.scope) && level && levelsOf(entry.scope).includes(level)) scopes[entry.scope] = exactly(level);
  }
  return scopes;
}

/** What the default grants: a range where permissive and restricted differ and the default is not known. */
function grantOfDefault(defaults: DefaultPermissions): Record<Scope, ScopeGrant> {
  const entries = SCOPE_NAMES.map((scope): [Scope, ScopeGrant] => {
    const { permissive, restricted } = SCOPES[scope];
    if (defaults === 'permissive') return [scope, exactly(permissive)];
    if (defaults === 'restricted') return [scope, exactly(restricted)];
    return [
      scope,
      { least: lowerOf(permissive, restricted), most: permissive === restricted ? restricted : permissive },
    ];
  });
  return Object.fromEntries(entries) as Record<Scope, ScopeGrant>;
}

/** Each scope lowered to at most `cap`'s. */
function capEach(scopes: Record<Scope, ScopeGrant>, cap: (scope: Scope) => ScopeGrant): Record<Scope, ScopeGrant> {
  const out = { ...scopes };
  for (const scope of SCOPE_NAMES) {
    const c = cap(scope);
    out[scope] = { least: lowerOf(scopes[scope].least, c.least), most: lowerOf(scopes[scope].most, c.most) };
  }
  return out;
}

/**
 * Whether GitHub lowers the run's token to the fork maximum whatever the workflow asks: a pull request event from a
 * fork, but not `pull_request_target`, which runs in the base repository's context with a read/write token
 * (https://docs.github.com/en/actions/security-for-github-actions/security-guides/automatic-token-authentication#permissions-for-the-github_token).
 * Dependabot's runs are not capped: only their default is read-only, and `permissions:` raise it (DEPENDABOT_URL).
 */
export function isForkCapped(run: RunContext | undefined): boolean {
  if (!run || run.event === 'pull_request_target') return false;
  return run.event.startsWith('pull_request') && run.fromFork;
}

/** Whether the run is one Dependabot triggered on an event whose default token is read-only (DEPENDABOT_URL). */
function dependabotReadOnly(run: RunContext | undefined): boolean {
  return run?.dependabot === true && DEPENDABOT_READ_ONLY_EVENTS.has(run.event);
}

/** The job's token permissions. */
export function effectivePermissions(input: EffectiveInput): EffectivePermissions {
  const block = input.job ?? input.workflow;
  let source: GrantSource;
  let scopes: Record<Scope, ScopeGrant>;
  if (block) {
    source = { kind: 'block', block };
    scopes = grantOfBlock(block.value);
  } else if (input.caller) {
    // A called workflow that states no permissions gets its caller's (REUSABLE_URL).
    source = { kind: 'caller', caller: input.caller.name };
    scopes = { ...input.caller.permissions.granted };
  } else {
    source = { kind: 'default', defaults: input.defaults };
    scopes = grantOfDefault(input.defaults);
  }
  // Dependabot's run gets a read-only token where no `permissions:` applies: every scope at most read, and no
  // id-token (which has no read); a block, its own or its caller's, is taken as written (DEPENDABOT_URL).
  const dependabotDefault = source.kind === 'default' && dependabotReadOnly(input.run);
  if (dependabotDefault) scopes = capEach(scopes, (s) => exactly(SCOPES[s].forkMax));
  // The called workflow can only lower what its caller grants, never raise it (REUSABLE_URL).
  const caller = input.caller;
  const asked = scopes;
  // GitHub checks a called workflow's block against what the caller's permissions say, not the fork-lowered token.
  const exceedsCaller = caller
    ? SCOPE_NAMES.filter((s) => !covers(caller.permissions.granted[s].most, asked[s].least))
    : [];
  if (caller) scopes = capEach(scopes, (s) => caller.permissions.granted[s]);
  const granted = scopes;
  const forkCapped = isForkCapped(input.run);
  if (forkCapped) scopes = capEach(scopes, (s) => exactly(SCOPES[s].forkMax));
  return {
    scopes,
    granted,
    source,
    forkCapped,
    exceedsCaller,
    ...(caller ? { cappedByCaller: caller.name, asked } : {}),
    ...(dependabotDefault ? { dependabotDefault } : {}),
  };
}

/** A problem with a `permissions:` block, as GitHub's parser would refuse it. */
export interface PermissionsProblem {
  readonly file: string;
  readonly line?: number;
  readonly message: string;
  /** The name or value as written. */
  readonly written: string;
  readonly suggestion?: string;
}

/** Every entry of `block` GitHub would refuse: an unknown scope (with "did you mean"), or a level the scope lacks. */
export function validatePermissions(block: PermissionsBlock): PermissionsProblem[] {
  const at = { file: block.file, ...(block.line !== undefined ? { line: block.line } : {}) };
  if (block.value.kind === 'shorthand') {
    const v = block.value.value;
    if (v === 'read-all' || v === 'write-all') return [];
    return [
      { ...at, written: v, message: `\`permissions: ${v}\` is neither \`read-all\`, \`write-all\` nor a mapping` },
    ];
  }
  const problems: PermissionsProblem[] = [];
  for (const entry of block.value.entries) {
    const line = entry.line ?? block.line;
    const where = { file: block.file, ...(line !== undefined ? { line } : {}) };
    if (!isScope(entry.scope)) {
      const suggestion = suggestScope(entry.scope);
      problems.push({
        ...where,
        written: entry.scope,
        message: `\`${entry.scope}\` is not a permission GitHub defines`,
        ...(suggestion ? { suggestion } : {}),
      });
      continue;
    }
    const allowed = levelsOf(entry.scope);
    const level = asLevel(entry.level);
    if (!level || !allowed.includes(level)) {
      problems.push({
        ...where,
        written: `${entry.scope}: ${entry.level}`,
        message: `\`${entry.scope}\` takes ${allowed.map((l) => `\`${l}\``).join(' or ')}, not \`${entry.level}\``,
      });
    }
  }
  return problems;
}
