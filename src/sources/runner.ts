/**
 * What the runner tells about the run: the event, whether a pull request comes from a fork, the job.
 * Read from the `GITHUB_*` variables and the event payload file the runner writes
 * (https://docs.github.com/en/actions/reference/workflows-and-actions/variables#default-environment-variables).
 */
import { readFile, stat } from 'node:fs/promises';
import type { RepositoryVisibility, RunnerFacts } from '../model/runner.js';

/** Reads the facts; a missing or unreadable event file only leaves the fork question open. */
export async function readRunnerFacts(env: Readonly<Record<string, string | undefined>>): Promise<RunnerFacts> {
  const facts: { -readonly [K in keyof RunnerFacts]: RunnerFacts[K] } = {};
  if (env.GITHUB_EVENT_NAME) facts.eventName = env.GITHUB_EVENT_NAME;
  if (env.GITHUB_JOB) facts.jobId = env.GITHUB_JOB;
  if (facts.eventName?.startsWith('pull_request')) {
    // The payload only sharpens the message about forks; without it the finding says both cases.
    const event = (await readEvent(env)) as
      | {
          pull_request?: {
            head?: { repo?: { fork?: boolean; full_name?: string } };
            base?: { repo?: { full_name?: string } };
          };
        }
      | undefined;
    const pr = event?.pull_request;
    const head = pr?.head?.repo?.full_name;
    const base = pr?.base?.repo?.full_name;
    if (head && base) facts.isForkPullRequest = head !== base;
    else if (typeof pr?.head?.repo?.fork === 'boolean') facts.isForkPullRequest = pr.head.repo.fork;
  }
  const visibility = visibilityOf(await readEvent(env));
  if (visibility) facts.repositoryVisibility = visibility;
  return facts;
}

/**
 * The repository's visibility from the event payload: `repository.visibility` where the payload has it, else
 * `repository.private` (https://docs.github.com/en/webhooks/webhook-events-and-payloads). `private: true` is
 * private or internal, which only `visibility` tells apart; neither is fetched without a token, so it reads as private.
 */
function visibilityOf(event: unknown): RepositoryVisibility | undefined {
  const repo = (event as { repository?: { visibility?: unknown; private?: unknown } } | undefined)?.repository;
  const v = repo?.visibility;
  if (v === 'public' || v === 'private' || v === 'internal') return v;
  if (typeof repo?.private !== 'boolean') return undefined;
  return repo.private ? 'private' : 'public';
}

/** The largest event payload read: GitHub caps a webhook's payload at 25 MB. */
const EVENT_BYTES = 25 * 1024 * 1024;

/**
 * The event payload the runner writes (GITHUB_EVENT_PATH), parsed; undefined when there is none, it is larger than
 * a payload can be, or it is not JSON.
 */
async function readEvent(env: Readonly<Record<string, string | undefined>>): Promise<unknown> {
  const file = env.GITHUB_EVENT_PATH;
  if (!file) return undefined;
  try {
    if ((await stat(file)).size > EVENT_BYTES) return undefined;
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}
/**
 * A branch name as git allows one (https://git-scm.com/docs/git-check-ref-format), bounded: no control character,
 * space, `~ ^ : ? * [ \\`, no `..` or `@{`, no empty component, no component that starts with `.` or ends with
 * `.lock`, no `.` at the end; any other character (`#`, `%`, non-ASCII letters) is allowed.
 */
const BRANCH =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is this pattern's purpose.
  /^(?!\/|.*\/$|.*\/\/|.*\.\.|.*@\{|.*\.lock(?:\/|$)|.*\.$|\.|.*\/\.|@$)[^\u0000-\u0020\u007f~^:?*[\\]{1,255}$/u;

/** The default branch the event payload names, or why it gives none. */
export type DefaultBranch = { readonly branch: string } | { readonly none: string };

/**
 * The repository's default branch, from the event payload the runner writes (`repository.default_branch`, in the
 * payload of most events:
 * https://docs.github.com/en/webhooks/webhook-events-and-payloads): the ref of `schedule` and `workflow_run` runs.
 * None when the payload is missing, larger than a payload can be, not JSON, or has no such branch name, and why.
 */
export async function readDefaultBranch(env: Readonly<Record<string, string | undefined>>): Promise<DefaultBranch> {
  const event = (await readEvent(env)) as { repository?: { default_branch?: unknown } } | undefined;
  if (event === undefined) return { none: 'the event payload (GITHUB_EVENT_PATH) was not read' };
  const branch = event.repository?.default_branch;
  if (typeof branch !== 'string') return { none: 'the event payload names no repository.default_branch' };
  if (!BRANCH.test(branch))
    return { none: "the event payload's repository.default_branch is not a branch name git allows" };
  return { branch };
}
