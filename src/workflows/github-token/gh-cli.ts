/**
 * What the `gh` CLI's commands and `git push` need of the token they use, read from a step's `run:` script. A
 * command maps to the REST endpoint it calls, and the endpoint to the permission GitHub's reference names for it:
 * https://docs.github.com/en/rest/authentication/permissions-required-for-github-apps (the same permissions gate
 * the GITHUB_TOKEN, an installation token of the GitHub Actions app, and fine-grained personal access tokens:
 * https://docs.github.com/en/rest/authentication/permissions-required-for-fine-grained-personal-access-tokens).
 */
import { programOf } from '../calls/cli.js';
import { DEFAULT_CALL_LIMITS } from '../calls/model.js';
import { readShell } from '../calls/shell.js';
import type { Need, ScopeNeed } from './actions-table.js';
import type { Scope } from './scopes.js';

/** GitHub's table of the permission each REST endpoint requires. */
export const REST_PERMISSIONS_URL =
  'https://docs.github.com/en/rest/authentication/permissions-required-for-github-apps';

/** GitHub's Dependabot auto-merge workflow (`gh pr merge --auto`, with `contents: write` and `pull-requests: write`). */
const AUTOMERGE_DOC =
  'https://docs.github.com/en/code-security/dependabot/working-with-dependabot/automating-dependabot-with-github-actions#enabling-automerge-on-a-pull-request';

/** What a command in a script needs, or why it cannot be known. */
export type CommandNeed =
  | { readonly kind: 'known'; readonly command: string; readonly need: Need; readonly doc: string }
  | { readonly kind: 'unknown'; readonly command: string; readonly reason: string };

const w = (scope: Scope): ScopeNeed => ({ scope, level: 'write' });
const r = (scope: Scope): ScopeNeed => ({ scope, level: 'read' });
const all = (...needs: ScopeNeed[]): Need => ({ all: needs });
/** Issue comments and labels on a pull request take either scope (REST_PERMISSIONS_URL, "Issues"/"Pull requests"). */
const issueOrPull: Need = { anyOf: [w('issues'), w('pull-requests')] };

/** `gh <group> <verb>` → what it needs: each is one REST call documented on REST_PERMISSIONS_URL. */
const GH_COMMANDS: Readonly<Record<string, Need>> = {
  'release create': all(w('contents')),
  'release upload': all(w('contents')),
  'release edit': all(w('contents')),
  'release delete': all(w('contents')),
  'release view': all(r('contents')),
  'release list': all(r('contents')),
  'release download': all(r('contents')),
  'pr create': all(w('pull-requests')),
  'pr edit': all(w('pull-requests')),
  'pr close': all(w('pull-requests')),
  'pr review': all(w('pull-requests')),
  'pr merge': all(w('contents')),
  'pr comment': issueOrPull,
  'pr view': all(r('pull-requests')),
  'pr list': all(r('pull-requests')),
  'issue create': all(w('issues')),
  'issue comment': issueOrPull,
  'issue edit': all(w('issues')),
  'issue close': all(w('issues')),
  'issue view': all(r('issues')),
  'issue list': all(r('issues')),
  'workflow run': all(w('actions')),
  'run cancel': all(w('actions')),
  'run rerun': all(w('actions')),
  'run view': all(r('actions')),
  'run list': all(r('actions')),
  'run download': all(r('actions')),
};

/** A REST route: method, a path pattern under `repos/{owner}/{repo}/`, and its permission (REST_PERMISSIONS_URL). */
interface Route {
  readonly method: string;
  readonly path: RegExp;
  readonly need: Need;
}

/** The routes a deploy job calls most, with `:x` for one path segment. */
const ROUTES: readonly Route[] = [
  ['POST', 'releases', all(w('contents'))],
  ['POST', 'releases/:x/assets', all(w('contents'))],
  ['PATCH', 'releases/:x', all(w('contents'))],
  ['DELETE', 'releases/:x', all(w('contents'))],
  ['GET', 'releases(/.*)?', all(r('contents'))],
  ['PUT', 'contents/.+', all(w('contents'))],
  ['DELETE', 'contents/.+', all(w('contents'))],
  ['GET', 'contents(/.*)?', all(r('contents'))],
  ['POST', 'git/(refs|tags|commits|trees|blobs)', all(w('contents'))],
  ['PATCH', 'git/refs/.+', all(w('contents'))],
  ['DELETE', 'git/refs/.+', all(w('contents'))],
  ['POST', 'dispatches', all(w('contents'))],
  ['POST', 'merges', all(w('contents'))],
  ['PUT', 'pulls/:x/merge', all(w('contents'))],
  ['POST', 'pulls', all(w('pull-requests'))],
  ['PATCH', 'pulls/:x', all(w('pull-requests'))],
  ['POST', 'pulls/:x/(reviews|comments|requested_reviewers)', all(w('pull-requests'))],
  ['GET', 'pulls(/.*)?', all(r('pull-requests'))],
  ['POST', 'issues', all(w('issues'))],
  ['PATCH', 'issues/:x', all(w('issues'))],
  ['POST', 'issues/:x/(comments|labels|assignees)', issueOrPull],
  ['PATCH', 'issues/comments/:x', issueOrPull],
  ['GET', 'issues(/.*)?', all(r('issues'))],
  ['POST', 'deployments', all(w('deployments'))],
  ['POST', 'deployments/:x/statuses', all(w('deployments'))],
  ['GET', 'deployments(/.*)?', all(r('deployments'))],
  ['POST', 'statuses/:x', all(w('statuses'))],
  ['POST', 'check-runs', all(w('checks'))],
  ['PATCH', 'check-runs/:x', all(w('checks'))],
  ['POST', 'actions/workflows/:x/dispatches', all(w('actions'))],
  ['POST', 'actions/runs/:x/(cancel|rerun|rerun-failed-jobs)', all(w('actions'))],
  ['DELETE', 'actions/(caches|artifacts|runs)(/.*)?', all(w('actions'))],
  ['GET', 'actions(/.*)?', all(r('actions'))],
  ['POST', 'pages/builds', all(w('pages'))],
  ['POST', 'pages/deployments', all(w('pages'))],
  ['GET', 'pages(/.*)?', all(r('pages'))],
  ['POST', 'code-scanning/sarifs', all(w('security-events'))],
  ['GET', 'code-scanning(/.*)?', all(r('security-events'))],
  ['POST', 'attestations', all(w('attestations'))],
].map(([method, path, need]) => ({
  method: method as string,
  path: new RegExp(`^repos/[^/]+/[^/]+/${(path as string).replace(/:x/g, '[^/]+')}/?$`),
  need: need as Need,
}));

/** The permission a `gh api` call needs, from its method and path. */
export function routeNeed(method: string, path: string): Need | undefined {
  const clean = path
    .replace(/^https?:\/\/[^/]+\//, '')
    .replace(/^\/+/, '')
    .replace(/\?.*$/, '')
    .replace(/\{owner\}|:owner/g, 'o')
    .replace(/\{repo\}|:repo/g, 'r');
  const m = method.toUpperCase();
  return ROUTES.find((route) => route.method === m && route.path.test(clean))?.need;
}

/** A `gh api` call's method and path: `-X`/`--method`, else POST when fields are sent (`-f`, `-F`, `--input`). */
function apiCall(args: readonly string[]): { method: string; path?: string } {
  let method: string | undefined;
  let fields = false;
  let path: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-X' || a === '--method') method = args[++i];
    else if (a.startsWith('--method=')) method = a.slice('--method='.length);
    else if (/^-X[A-Z]+$/.test(a)) method = a.slice(2);
    else if (/^(-f|-F|--field|--raw-field|--input)$/.test(a)) {
      fields = true;
      i++;
    } else if (/^(-H|--header|--jq|-q|--template|-t|--hostname|--cache)$/.test(a)) i++;
    else if (!a.startsWith('-') && path === undefined) path = a;
  }
  return { method: method ?? (fields ? 'POST' : 'GET'), ...(path !== undefined ? { path } : {}) };
}

/** What one `gh …` invocation needs. */
function ghNeed(args: readonly string[]): CommandNeed {
  const [group = '', verb = ''] = args;
  if (group === 'api') {
    const { method, path } = apiCall(args.slice(1));
    const command = `gh api ${method} ${path ?? ''}`.trim();
    if (path === undefined || path === 'graphql') {
      return { kind: 'unknown', command, reason: 'a GraphQL call or no path: the permission depends on the query' };
    }
    const need = routeNeed(method, path);
    if (need) return { kind: 'known', command, need, doc: REST_PERMISSIONS_URL };
    return { kind: 'unknown', command, reason: "a route not in the preflight's table of REST permissions" };
  }
  // `gh pr merge --auto` enables auto-merge (GraphQL `enablePullRequestAutoMerge`), whose permissions GraphQL's
  // reference does not list; GitHub's own auto-merge workflow grants `contents: write` and `pull-requests: write` for
  // it (AUTOMERGE_DOC), so both are needed.
  if (group === 'pr' && verb === 'merge' && args.includes('--auto')) {
    return {
      kind: 'known',
      command: 'gh pr merge --auto',
      need: all(w('contents'), w('pull-requests')),
      doc: AUTOMERGE_DOC,
    };
  }
  const command = `gh ${group} ${verb}`.trim();
  const need = GH_COMMANDS[`${group} ${verb}`];
  if (need) return { kind: 'known', command, need, doc: REST_PERMISSIONS_URL };
  if (group === 'auth' || group === 'help' || group === '--version') {
    return { kind: 'known', command, need: { all: [] }, doc: REST_PERMISSIONS_URL };
  }
  return { kind: 'unknown', command, reason: "a gh command not in the preflight's table" };
}

/** `git push` writes the repository with the credentials actions/checkout persisted. */
const GIT_PUSH: CommandNeed = {
  kind: 'known',
  command: 'git push',
  need: all(w('contents')),
  doc: 'https://github.com/actions/checkout#push-a-commit-using-the-built-in-token',
};

/** An argument that holds a `gh` command another program runs (`bash -c "gh …"`, `eval "gh …"`). */
const GH_IN_ARGUMENT = /(^|[\s;&|(`])gh(\s|$)/;

/**
 * Every `gh` command and `git push` in a script, with what each needs (`git push` writes the repository, `contents:
 * write`, with the credentials actions/checkout persisted:
 * https://github.com/actions/checkout#push-a-commit-using-the-built-in-token). The script is read with the shell
 * reader the AWS calls use (src/workflows/calls/shell.ts): commands inside `$(…)` and backquotes, lists, pipelines,
 * loops and conditions, each command's program after `!`, `if`, `then`, `do`, `time`, `command`, `exec`,
 * `env VAR=x`, … (src/workflows/calls/cli.ts). A `gh` it cannot read as a command (inside another command's
 * argument, past the reader's bounds) is unknown, never passed.
 */
export function scriptNeeds(script: string): CommandNeed[] {
  const out: CommandNeed[] = [];
  const reading = readShell(script, new Map(), DEFAULT_CALL_LIMITS);
  for (const command of reading.commands) {
    const program = programOf(command);
    if (!program) continue;
    const args = program.args.map((a) => a.value);
    if (program.name === 'gh') out.push(ghNeed(args));
    else if (program.name === 'git') {
      if (args.includes('push')) out.push(GIT_PUSH);
    } else if (program.name !== 'echo' && program.name !== 'printf' && args.some((a) => GH_IN_ARGUMENT.test(a))) {
      out.push({
        kind: 'unknown',
        command: `gh (run by ${program.name})`,
        reason: `a gh command inside an argument of \`${program.name}\`, which the preflight does not read`,
      });
    }
  }
  if (reading.truncated !== undefined && /\bgh\b/.test(script)) {
    out.push({ kind: 'unknown', command: 'gh', reason: `a script read only in part (${reading.truncated})` });
  }
  return out;
}

/**
 * Programs that read no GitHub token from their environment: shell builtins and the POSIX utilities
 * (https://pubs.opengroup.org/onlinepubs/9799919799/idx/utilities.html), which make no request to GitHub.
 */
const INERT = new Set(
  (
    'echo printf cd pwd ls mkdir rmdir cat cp mv rm ln touch chmod chown true false test [ [[ export set unset ' +
    'shift exit return sleep grep egrep sed awk cut tr sort uniq head tail wc tee date basename dirname ' +
    'find xargs tar gzip gunzip zip unzip sha256sum shasum md5sum diff read local declare readonly for in ' +
    'case esac fi done then else elif while until if do jq yq env which whoami uname df du ps kill wait trap'
  ).split(' '),
);

/**
 * The programs of a script that may read a token from the environment: each command's program (after `if`, `!`,
 * `time`, `env VAR=x`, …; src/workflows/calls/cli.ts), read with the shell reader the AWS calls use
 * (src/workflows/calls/shell.ts), without the builtins and POSIX utilities above, `gh` and `git` (read apart), each
 * as `program first-argument` (`npx semantic-release`). A script cut short by the reader's bounds adds what was not read.
 */
export function tokenReadingPrograms(script: string): string[] {
  const reading = readShell(script, new Map(), DEFAULT_CALL_LIMITS);
  const out = new Set<string>();
  for (const command of reading.commands) {
    const program = programOf(command);
    if (!program || INERT.has(program.name) || program.name === 'gh' || program.name === 'git') continue;
    if (/^[A-Za-z_][A-Za-z0-9_]*\+?=/.test(program.name)) continue;
    const first = program.args[0]?.value;
    out.add(first !== undefined && !first.startsWith('-') ? `${program.name} ${first}` : program.name);
  }
  if (reading.truncated !== undefined) out.add(`the script's rest (${reading.truncated})`);
  return [...out];
}
