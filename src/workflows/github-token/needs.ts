/**
 * What a job's steps need of GitHub tokens: for each step, which token it uses (the job's `GITHUB_TOKEN`, a secret,
 * or something else) and what that token must be allowed, from the table of actions (./actions-table.ts) and of
 * commands (./gh-cli.ts). A step that uses a token for something the tables do not know is listed as unknown, never
 * dropped: an unknown action given the job's token, a script that uses it.
 */

import { programOf } from '../calls/cli.js';
import { DEFAULT_CALL_LIMITS } from '../calls/model.js';
import { readShell } from '../calls/shell.js';
import { pushesImage } from '../calls/tools.js';
import type { UsedAt } from '../where.js';
import {
  ACTION_TABLE,
  actionRow,
  GHCR_DOC,
  type Need,
  type NeedOf,
  PREFLIGHT_ROW,
  TOKEN_INPUT_NAMES,
} from './actions-table.js';
import { scriptNeeds, tokenReadingPrograms } from './gh-cli.js';

/** One step, as the workflow gives it (narrow: what the rules read). */
export interface StepInput {
  /** The step's place in the job, from 0. */
  readonly index: number;
  readonly name?: string;
  readonly uses?: string;
  readonly with?: Readonly<Record<string, string>>;
  readonly run?: string;
  /** The environment the step sees: the workflow's, the job's and the step's `env:`, merged in that order. */
  readonly env?: Readonly<Record<string, string>>;
  /** The names the step's own `env:` sets (a token handed to this step, not to every step of the job). */
  readonly ownEnv?: readonly string[];
  readonly line?: number;
  /** The file the step is written in when it is not the job's workflow: a local composite action's (WorkflowStep.via). */
  readonly file?: string;
  /** For a step of a local composite action: each `uses:` that brought it in, outermost first. */
  readonly via?: readonly UsedAt[];
  /** The step requests GitHub's OIDC token itself (a script reading `ACTIONS_ID_TOKEN_REQUEST_URL`, `getIDToken`). */
  readonly requestsIdToken?: boolean;
  /** The step runs this preflight's own action under another name (actions-table.ts `PREFLIGHT_ROW`). */
  readonly preflight?: boolean;
}

/** Where a step is written: its file (the job's `file` unless it is a composite action's) and line. */
export function stepPosition(step: StepInput, file: string): { readonly file: string; readonly line?: number } {
  return { file: step.file ?? file, ...(step.line !== undefined ? { line: step.line } : {}) };
}

/** The token a step uses. */
export type TokenRef =
  | { readonly kind: 'github-token' }
  | { readonly kind: 'secret'; readonly name: string }
  | { readonly kind: 'other'; readonly expression: string };

/** A step's need, known. */
export interface KnownNeed {
  readonly step: StepInput;
  /** The action or command: `actions/deploy-pages`, `gh release create`. */
  readonly what: string;
  readonly token: TokenRef;
  readonly need: Need;
  readonly of: NeedOf;
  readonly doc: string;
  /** Met without the scope on a public repository (./actions-table.ts, actions/checkout). */
  readonly metOnPublic?: boolean;
}

/** A step that uses a token for something the tables cannot tell. */
export interface UnknownNeed {
  readonly step: StepInput;
  readonly what: string;
  readonly token: TokenRef;
  readonly reason: string;
  /**
   * The step is given no token: an action the table does not know, which may use the job's token through an input
   * that defaults to `${{ github.token }}` (docs/github-token.md says when that is reported).
   */
  readonly implicit?: boolean;
}

/** What a job's steps need. */
export interface JobNeeds {
  readonly known: readonly KnownNeed[];
  readonly unknown: readonly UnknownNeed[];
}

const GITHUB_TOKEN_EXPR = /^\$\{\{\s*(github\.token|secrets\.github_token)\s*\}\}$/i;
const SECRET_EXPR = /^\$\{\{\s*secrets\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}$/;
const MENTIONS_GITHUB_TOKEN = /github\.token|secrets\.github_token|\bGITHUB_TOKEN\b|\bGH_TOKEN\b/i;

/** The token an input's value (or an env var's) holds. */
export function tokenRefOf(value: string): TokenRef {
  const v = value.trim();
  if (GITHUB_TOKEN_EXPR.test(v)) return { kind: 'github-token' };
  const secret = SECRET_EXPR.exec(v);
  if (secret?.[1]) return { kind: 'secret', name: secret[1] };
  return { kind: 'other', expression: v.includes('${{') ? v : 'a literal value' };
}

/** The token a `run:` step's `gh` uses: `GH_TOKEN`, else `GITHUB_TOKEN` (https://cli.github.com/manual/gh_help_environment). */
function scriptToken(step: StepInput): TokenRef | undefined {
  const value = step.env?.GH_TOKEN ?? step.env?.GITHUB_TOKEN;
  return value === undefined ? undefined : tokenRefOf(value);
}

/**
 * The names under which programs commonly read a GitHub token from the environment: gh's
 * (https://cli.github.com/manual/gh_help_environment), semantic-release's (`GH_TOKEN` or `GITHUB_TOKEN`,
 * https://semantic-release.gitbook.io/semantic-release/usage/ci-configuration#authentication), changesets/action's (`GITHUB_TOKEN`).
 */
const TOKEN_VARS = /^(GH_TOKEN|GITHUB_TOKEN)$/;

/**
 * The tokens a step's environment holds, under a token's name or as the job's token: those its own `env:` sets
 * (`own`; every variable when the step does not say which are its own), or all it sees.
 */
function envTokens(step: StepInput, which: 'own' | 'all'): [string, TokenRef][] {
  const own = new Set(step.ownEnv ?? Object.keys(step.env ?? {}));
  return Object.entries(step.env ?? {})
    .filter(([name]) => which === 'all' || own.has(name))
    .filter(([name, value]) => TOKEN_VARS.test(name) || GITHUB_TOKEN_EXPR.test(value.trim()))
    .map(([name, value]) => [name, tokenRefOf(value)]);
}

/** The token `actions/checkout` persisted for later `git push`es, if it persisted one. */
function checkoutToken(step: StepInput): TokenRef | undefined {
  if (!step.uses || actionRow(step.uses)?.action !== 'actions/checkout') return undefined;
  if ((step.with?.['persist-credentials'] ?? 'true').trim() === 'false') return undefined;
  const given = step.with?.token;
  return given === undefined ? { kind: 'github-token' } : tokenRefOf(given);
}

/** A step's `uses:` without its ref. */
const actionName = (uses: string) => uses.split('@')[0] ?? uses;

/** What an action step needs. */
function actionNeeds(step: StepInput & { readonly uses: string }): { known: KnownNeed[]; unknown: UnknownNeed[] } {
  const row = step.preflight ? PREFLIGHT_ROW : actionRow(step.uses);
  const inputs = step.with ?? {};
  const what = actionName(step.uses);
  if (row) {
    const given = row.tokenInput ? inputs[row.tokenInput] : undefined;
    const token: TokenRef | undefined =
      given !== undefined ? tokenRefOf(given) : row.defaultsToGitHubToken ? { kind: 'github-token' } : undefined;
    const known: KnownNeed[] = [];
    const unknown: UnknownNeed[] = [];
    for (const n of row.needs(inputs)) {
      const by: TokenRef | undefined = n.of === 'job' ? { kind: 'github-token' } : token;
      if (!by) continue;
      if ('unknown' in n) unknown.push({ step, what, token: by, reason: n.unknown });
      else
        known.push({
          step,
          what,
          token: by,
          need: n.need,
          of: n.of,
          doc: row.doc,
          ...(n.metOnPublic ? { metOnPublic: true } : {}),
        });
    }
    return { known, unknown };
  }
  // Not in the table: listed when it is given a token, or is a script run with the job's token.
  if (what.toLowerCase() === 'actions/github-script') {
    const token =
      inputs['github-token'] !== undefined ? tokenRefOf(inputs['github-token']) : { kind: 'github-token' as const };
    return { known: [], unknown: [{ step, what, token, reason: 'a script: the calls it makes decide what it needs' }] };
  }
  const unknown: UnknownNeed[] = Object.entries(inputs)
    .filter(([name, value]) => TOKEN_INPUT_NAMES.test(name) || MENTIONS_GITHUB_TOKEN.test(value))
    .map(([name, value]) => ({
      step,
      what,
      token: tokenRefOf(value),
      reason: `an action the preflight's table does not know, given a token as \`${name}\``,
    }));
  // An action reads its environment too: changesets/action takes the token from `env: GITHUB_TOKEN` (its README,
  // "Usage", at 01725ae787302520706a9a110b860db4e8f274a8).
  for (const [name, value] of envTokens(step, 'own')) {
    unknown.push({
      step,
      what,
      token: value,
      reason: `an action the preflight's table does not know, given a token in its \`env:\` as \`${name}\``,
    });
  }
  if (unknown.length > 0 || what.startsWith('docker://')) return { known: [], unknown };
  // Given no token, it may still use the job's: an action's input may default to `${{ github.token }}`
  // (https://docs.github.com/en/actions/reference/workflows-and-actions/metadata-syntax#inputsinput_iddefault), and
  // its action.yml is not read here.
  return {
    known: [],
    unknown: [
      {
        step,
        what,
        token: { kind: 'github-token' },
        reason: "an action the preflight's table does not know, which may use the job's token by default",
        implicit: true,
      },
    ],
  };
}

/** What a `run:` step needs. */
function runNeeds(step: StepInput & { readonly run: string }, persisted: TokenRef | undefined) {
  const known: KnownNeed[] = [];
  const unknown: UnknownNeed[] = [];
  const ghToken = scriptToken(step);
  for (const command of scriptNeeds(step.run)) {
    const token = command.command === 'git push' ? persisted : ghToken;
    if (!token) continue; // gh without a token fails to authenticate (401), which no permission changes.
    if (command.kind === 'known')
      known.push({ step, what: command.command, token, need: command.need, of: 'token', doc: command.doc });
    else unknown.push({ step, what: command.command, token, reason: command.reason });
  }
  if (known.length > 0 || unknown.length > 0) return { known, unknown };
  if (MENTIONS_GITHUB_TOKEN.test(step.run.replace(/\bgh\b[^\n]*/g, ''))) {
    unknown.push({
      step,
      what: 'a script',
      token: ghToken ?? { kind: 'github-token' },
      reason: 'a script that uses the token itself',
    });
    return { known, unknown };
  }
  // A program given the token in its environment reads it there (semantic-release, changesets): what it does with it
  // is not in the tables. Given in the step's own `env:`, it is listed as a token handed to it; seen only through the
  // job's or workflow's `env:`, it may use it, as an action given no token may (docs/github-token.md).
  const programs = tokenReadingPrograms(step.run);
  const handed = envTokens(step, 'all');
  const own = envTokens(step, 'own');
  const [name, token] = own[0] ?? handed[0] ?? [];
  if (programs.length > 0 && name !== undefined && token !== undefined) {
    const where = own.length > 0 ? "the step's `env:`" : "the job's or workflow's `env:`";
    unknown.push({
      step,
      what: programs.slice(0, 3).join(', '),
      token,
      reason: `a program the preflight's tables do not know, given the token in ${where} as \`${name}\``,
      ...(own.length > 0 ? {} : { implicit: true }),
    });
  }
  return { known, unknown };
}

/**
 * Whether a step pushes an image: docker/build-push-action with `push: true`, or a script's `docker push`,
 * `docker image push`, or a build with `--push` or a registry output (`pushesImage`, src/workflows/calls/tools.ts,
 * over the shell reader the AWS calls use).
 */
function pushesImages(step: StepInput): boolean {
  if (step.uses && actionName(step.uses).toLowerCase() === 'docker/build-push-action') {
    return (step.with?.push ?? '').trim() === 'true';
  }
  if (step.run === undefined) return false;
  return readShell(step.run, new Map(), DEFAULT_CALL_LIMITS).commands.some((command) => {
    const program = programOf(command);
    return program !== undefined && pushesImage(program);
  });
}

/** GitHub's OIDC reference: requesting the token takes `id-token: write`. */
const OIDC_PERMISSION_DOC = 'https://docs.github.com/en/actions/reference/security/oidc#adding-permissions-settings';

/** A step that requests the OIDC token itself needs the job's `id-token: write`, whatever else it does. */
function idTokenNeed(step: StepInput): KnownNeed[] {
  if (!step.requestsIdToken || (step.uses && actionRow(step.uses))) return [];
  return [
    {
      step,
      what: step.uses ? actionName(step.uses) : 'a script requesting the OIDC token',
      token: { kind: 'github-token' },
      need: { all: [{ scope: 'id-token', level: 'write' }] },
      of: 'job',
      doc: OIDC_PERMISSION_DOC,
    },
  ];
}

/** What every step of a job needs. */
export function jobNeeds(steps: readonly StepInput[]): JobNeeds {
  const known: KnownNeed[] = [];
  const unknown: UnknownNeed[] = [];
  let persisted: TokenRef | undefined;
  for (const step of steps) {
    known.push(...idTokenNeed(step));
    const out = step.uses
      ? actionNeeds({ ...step, uses: step.uses })
      : step.run !== undefined
        ? runNeeds({ ...step, run: step.run }, persisted)
        : { known: [], unknown: [] };
    known.push(...out.known);
    unknown.push(...out.unknown);
    persisted = checkoutToken(step) ?? persisted;
  }
  return { known: raiseRegistryLogins(known, steps.some(pushesImages)), unknown };
}

/** A ghcr.io login is a `packages: write` need when the job pushes an image (GHCR_DOC). */
function raiseRegistryLogins(known: KnownNeed[], pushes: boolean): KnownNeed[] {
  if (!pushes) return known;
  return known.map((k) =>
    k.what.toLowerCase() === 'docker/login-action'
      ? {
          ...k,
          what: 'docker/login-action (then a push to ghcr.io)',
          need: { all: [{ scope: 'packages', level: 'write' }] },
          doc: GHCR_DOC,
        }
      : k,
  );
}

/** The actions the table knows, for the docs. */
export const KNOWN_ACTIONS = ACTION_TABLE.map((row) => row.action);

/**
 * The secrets the steps of `jobs` (and of the workflows they call) take GitHub tokens from, each once: what the
 * sources inspect (src/sources/github-api.ts) when the preflight is given the same secret.
 */
export function secretsUsed(
  jobs: readonly { readonly steps: readonly StepInput[]; readonly calls?: { readonly jobs: readonly unknown[] } }[],
): string[] {
  const names = new Set<string>();
  const visit = (list: typeof jobs, depth: number) => {
    for (const job of list) {
      for (const k of jobNeeds(job.steps).known)
        if (k.token.kind === 'secret' && k.of === 'token') names.add(k.token.name);
      if (job.calls && depth < 4) visit(job.calls.jobs as typeof jobs, depth + 1);
    }
  };
  visit(jobs, 1);
  return [...names].sort();
}
