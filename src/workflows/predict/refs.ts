/**
 * Which refs a run of a trigger can have: GITHUB_REF per event, as the events page lists it
 * (https://docs.github.com/en/actions/writing-workflows/choosing-when-your-workflow-runs/events-that-trigger-workflows),
 * narrowed by the trigger's `branches`/`tags` filters
 * (https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#onpushbranchestagsbranches-ignoretags-ignore).
 * A set of refs is one ref, the refs under `refs/heads/` or `refs/tags/` whose names pass a filter list, or a pull
 * request's merge ref; where the docs do not say, the refs are unknown, with the reason. Pure.
 */
import type { WorkflowTrigger } from '../model.js';
import type { RefConstraint } from './conditions.js';
import { coveringGlob, type FilterList, filterList, isRefName, passes, sampleNames } from './filter.js';

/** The events page, where each event's GITHUB_REF is listed. */
export const EVENTS_DOC =
  'https://docs.github.com/en/actions/writing-workflows/choosing-when-your-workflow-runs/events-that-trigger-workflows';
const FILTERS_DOC =
  'https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#onpushbranchestagsbranches-ignoretags-ignore';

/** One set of refs a run may have. */
export type RefSpace =
  | { readonly kind: 'ref'; readonly ref: string }
  /** `prefix` + a name that passes `list` (absent: any name) and every list of `also` (a job's or step's `if:`). */
  | {
      readonly kind: 'names';
      readonly prefix: 'refs/heads/' | 'refs/tags/';
      readonly list?: FilterList;
      readonly also?: readonly FilterList[];
    }
  /** `refs/pull/<number>/merge`. */
  | { readonly kind: 'pull-merge' };

/** The refs of a trigger's runs: one or more sets, or unknown with the reason and the page that is silent. */
export type RefPrediction =
  | { readonly kind: 'known'; readonly spaces: readonly RefSpace[] }
  | {
      readonly kind: 'unknown';
      readonly reason: string;
      readonly docUrl: string;
      /** What every ref of the run begins with, when the docs give that much (a merge group's branch). */
      readonly prefix?: string;
    };

/** What the repository is known to have; absent means not known. */
export interface RefFacts {
  readonly defaultBranch?: string;
}

/**
 * Events whose GITHUB_REF the events page gives as the default branch (EVENTS_DOC, each event's table: "GITHUB_SHA:
 * Last commit on default branch, GITHUB_REF: Default branch"), `schedule` and `workflow_run` among them
 * (EVENTS_DOC#workflow_run): the token's `ref` and `sub` are those of any run on that ref, whatever branch the
 * triggering workflow ran on (its `branches` filter chooses which runs start the workflow, not the ref).
 */
const DEFAULT_BRANCH_EVENTS = new Set([
  'schedule',
  'workflow_run',
  'branch_protection_rule',
  'check_run',
  'check_suite',
  'delete',
  'discussion',
  'discussion_comment',
  'fork',
  'gollum',
  'issue_comment',
  'issues',
  'label',
  'milestone',
  'page_build',
  'public',
  'repository_dispatch',
  'status',
  'watch',
]);

type NamesSpace = Extract<RefSpace, { kind: 'names' }>;
const ANY_BRANCH: NamesSpace = { kind: 'names', prefix: 'refs/heads/' };
const ANY_TAG: NamesSpace = { kind: 'names', prefix: 'refs/tags/' };

const unknown = (reason: string, docUrl = EVENTS_DOC): RefPrediction => ({ kind: 'unknown', reason, docUrl });

/** The refs a run of `trigger` can have. */
export function predictRefs(trigger: WorkflowTrigger, facts: RefFacts): RefPrediction {
  const name = trigger.event === 'other' ? trigger.eventName : trigger.event;
  switch (name) {
    case 'push':
      return pushRefs(trigger);
    case 'pull_request':
      // GITHUB_REF is `refs/pull/PULL_REQUEST_NUMBER/merge` (EVENTS_DOC#pull_request).
      return { kind: 'known', spaces: [{ kind: 'pull-merge' }] };
    case 'workflow_dispatch':
    case 'create':
      // The branch or tag the run was started on, or created (EVENTS_DOC#workflow_dispatch, #create): any of them.
      return { kind: 'known', spaces: [ANY_BRANCH, ANY_TAG] };
    case 'release':
      // `refs/tags/<tag_name>` of the release (EVENTS_DOC#release).
      return { kind: 'known', spaces: [ANY_TAG] };
    case 'workflow_call':
      return unknown('a reusable workflow runs with the event of the workflow that calls it, and no caller was read');
    case 'merge_group':
      return mergeGroupRefs(trigger);
    default:
      if (!DEFAULT_BRANCH_EVENTS.has(name) && name !== 'pull_request_target') {
        return unknown(`the events page does not give GITHUB_REF for \`${name}\` as a ref the workflow decides`);
      }
      // pull_request_target runs on the default branch (EVENTS_DOC#pull_request_target), like the events above.
      // Where it is given, in each mode (src/sources/runner.ts, src/commands/predict.ts).
      if (facts.defaultBranch === undefined) return unknown(DEFAULT_BRANCH_UNKNOWN);
      return { kind: 'known', spaces: [{ kind: 'ref', ref: `refs/heads/${facts.defaultBranch}` }] };
  }
}

/**
 * Why the ref of a run on the default branch is not known, and how to give the branch: the action reads it from the
 * event's payload the runner writes (`repository.default_branch`, absent from some events' payloads), the CLI from
 * `--default-branch`.
 */
export const DEFAULT_BRANCH_UNKNOWN =
  "the repository's default branch is not known (predict takes it as `--default-branch BRANCH`; the action reads it from the event payload's `repository.default_branch`)";

/** GitHub's page on merge queues, which names the branches a merge queue creates. */
export const MERGE_QUEUE_DOC =
  'https://docs.github.com/en/repositories/configuring-branches-and-merges-in-your-repository/configuring-pull-request-merges/managing-a-merge-queue';

/**
 * A merge group's ref: the events page gives GITHUB_REF only as "Ref of the merge group" (EVENTS_DOC#merge_group); the
 * merge queue page gives the branches a merge queue creates the prefix `gh-readonly-queue/{base_branch}`, and its
 * example trigger for the groups of `main` is the filter `gh-readonly-queue/main/**` (MERGE_QUEUE_DOC). The rest of
 * the name is not documented, so the ref is known up to `refs/heads/gh-readonly-queue/<base>/` when the trigger's
 * `branches` (the base branches, EVENTS_DOC#merge_group) name one branch, else up to `refs/heads/gh-readonly-queue/`.
 */
function mergeGroupRefs(trigger: WorkflowTrigger): RefPrediction {
  const [only, ...more] = trigger.branches ?? [];
  const base = only !== undefined && more.length === 0 && isRefName(only) && !/[*?+[\]!]/.test(only) ? only : undefined;
  const prefix = `refs/heads/gh-readonly-queue/${base === undefined ? '' : `${base}/`}`;
  return {
    kind: 'unknown',
    reason: `a merge group's branch is \`${prefix}\` then a part GitHub does not document${base === undefined ? ' (the base branch is not one branch the trigger names)' : ''}`,
    docUrl: MERGE_QUEUE_DOC,
    prefix,
  };
}

/**
 * A push's refs: the branches its branch filter admits and the tags its tag filter admits. With only a branch filter
 * (or its `-ignore`), tag pushes do not run the workflow, and the other way round; with neither, both do (FILTERS_DOC).
 */
function pushRefs(trigger: WorkflowTrigger): RefPrediction {
  const spaces: RefSpace[] = [];
  const branches = listOf(trigger.branches, trigger.branchesIgnore);
  const tags = listOf(trigger.tags, trigger.tagsIgnore);
  for (const l of [branches, tags]) {
    if (l && 'errors' in l && l.errors.length > 0)
      return unknown(`a filter pattern does not parse: ${l.errors.join('; ')}`, FILTERS_DOC);
  }
  if (branches || !tags) spaces.push(branches ? { ...ANY_BRANCH, list: branches } : ANY_BRANCH);
  if (tags || !branches) spaces.push(tags ? { ...ANY_TAG, list: tags } : ANY_TAG);
  return { kind: 'known', spaces };
}

function listOf(include?: readonly string[], ignore?: readonly string[]) {
  if (include) return filterList(include);
  if (ignore) return filterList(ignore, true);
  return undefined;
}

/** Whether `ref` is in the set. */
export function inSpace(space: RefSpace, ref: string): boolean {
  if (space.kind === 'ref') return space.ref === ref;
  if (space.kind === 'pull-merge') return /^refs\/pull\/[1-9][0-9]*\/merge$/.test(ref);
  if (!ref.startsWith(space.prefix)) return false;
  const rest = ref.slice(space.prefix.length);
  return (
    isRefName(rest) &&
    (space.list ? passes(space.list, rest) : true) &&
    (space.also ?? []).every((l) => passes(l, rest))
  );
}

/** Up to `limit` refs of the set, to evaluate a trust policy on; the first is the plainest. */
export function sampleRefs(space: RefSpace, limit = 16): string[] {
  if (space.kind === 'ref') return [space.ref];
  if (space.kind === 'pull-merge') return ['refs/pull/1/merge'];
  const lists = [...(space.list ? [space.list] : []), ...(space.also ?? [])];
  // With no filter, names like the refs of the set: a tag named `main` (a release's ref is a tag) would read as a branch.
  const open = space.prefix === 'refs/tags/' ? ['v1.0.0', 'x/y', 'nightly'] : ['main', 'x/y', 'v1.0.0'];
  const names = lists.length > 0 ? lists.flatMap((l) => sampleNames(l, limit)) : open;
  const kept = names.filter((n) => inSpace(space, space.prefix + n));
  return [...new Set(kept)].slice(0, limit).map((n) => space.prefix + n);
}

/**
 * IAM globs that together match every ref of the set (and perhaps more): one per positive pattern of the filter,
 * `prefix*` for an `-ignore` list or none, the ref itself for one ref.
 */
export function coveringGlobs(space: RefSpace): string[] {
  if (space.kind === 'ref') return [space.ref.replace(/[*?]/g, '?')];
  if (space.kind === 'pull-merge') return ['refs/pull/*/merge'];
  // Every ref of the set passes each of its lists, so the globs of any one positive list cover them all.
  const list = [space.list, ...(space.also ?? [])].find((l) => l !== undefined && !l.ignore);
  if (!list) return [`${space.prefix}*`];
  const globs = list.patterns.filter((p) => !p.negated).map(coveringGlob);
  return globs.every((g) => g !== undefined) ? globs.map((g) => space.prefix + g) : [`${space.prefix}*`];
}

/**
 * The set as a person reads it: `refs/heads/main`, `refs/heads/release/*`, `refs/tags/{v*, !v0*}`, and a set a
 * condition narrowed (`startsWith(github.ref, 'refs/tags/v')`) as the refs it keeps, `refs/tags/v**`, each further
 * list of names the refs must also pass told as such.
 */
export function describeSpace(space: RefSpace): string {
  if (space.kind === 'ref') return space.ref;
  if (space.kind === 'pull-merge') return 'refs/pull/<number>/merge';
  const names = (l: FilterList) => {
    const texts = l.patterns.map((p) => p.text);
    return texts.length === 1 ? (texts[0] as string) : `{${texts.join(', ')}}`;
  };
  const shown = (l: FilterList) => (l.ignore ? `${space.prefix}** except ${names(l)}` : `${space.prefix}${names(l)}`);
  const [first, ...rest] = [...(space.list ? [space.list] : []), ...(space.also ?? [])];
  if (!first) return `${space.prefix}**`;
  const also = rest.map((l) => `, that also ${l.ignore ? 'are not' : 'match'} ${space.prefix}${names(l)}`).join('');
  return `${shown(first)}${also}`;
}

/** A prefix as a filter pattern: its special characters escaped, then `**`. */
const prefixPattern = (prefix: string) => `${prefix.replace(/[*?+[\]!\\]/g, '\\$&')}**`;

/** The refs of `space` that also meet one constraint of a condition; none when they cannot. */
function meet(space: RefSpace, c: RefConstraint): RefSpace[] {
  if (c.kind === 'equals') return c.refs.filter((r) => inSpace(space, r)).map((ref) => ({ kind: 'ref', ref }));
  if (space.kind === 'ref') {
    const name = space.ref.replace(/^refs\/(heads|tags)\//, '');
    return (c.of === 'ref' ? space.ref : name).startsWith(c.prefix) && (c.of === 'ref' || name !== space.ref)
      ? [space]
      : [];
  }
  if (space.kind === 'pull-merge')
    return c.of === 'ref' && ('refs/pull/'.startsWith(c.prefix) || c.prefix.startsWith('refs/pull/')) ? [space] : [];
  const full = c.of === 'ref' ? c.prefix : space.prefix + c.prefix;
  if (space.prefix.startsWith(full)) return [space];
  if (!full.startsWith(space.prefix)) return [];
  const list = filterList([prefixPattern(full.slice(space.prefix.length))]);
  return [{ ...space, also: [...(space.also ?? []), list] }];
}

/**
 * The refs that meet a condition's constraints (src/workflows/predict/conditions.ts): for each conjunct, the union over
 * its alternatives of each set met by it. With the trigger's refs unknown, the sets the constraints name alone.
 */
export function narrowRefs(refs: RefPrediction, conjuncts: readonly (readonly RefConstraint[])[]): RefPrediction {
  let spaces: readonly RefSpace[] | undefined = refs.kind === 'known' ? refs.spaces : undefined;
  for (const alternatives of conjuncts) {
    const from: readonly RefSpace[] = spaces ?? [ANY_BRANCH, ANY_TAG, { kind: 'pull-merge' }];
    spaces = from.flatMap((s) => alternatives.flatMap((c) => meet(s, c)));
  }
  return spaces ? { kind: 'known', spaces } : refs;
}
