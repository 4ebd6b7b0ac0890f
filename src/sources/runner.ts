/**
 * What the runner tells about the run: the event, whether a pull request comes from a fork, the job.
 * Read from the `GITHUB_*` variables and the event payload file the runner writes
 * (https://docs.github.com/en/actions/reference/workflows-and-actions/variables#default-environment-variables).
 */
import { readFile } from 'node:fs/promises';
import type { RunnerFacts } from '../model/runner.js';

/** Reads the facts; a missing or unreadable event file only leaves the fork question open. */
export async function readRunnerFacts(env: Readonly<Record<string, string | undefined>>): Promise<RunnerFacts> {
  const facts: { -readonly [K in keyof RunnerFacts]: RunnerFacts[K] } = {};
  if (env.GITHUB_EVENT_NAME) facts.eventName = env.GITHUB_EVENT_NAME;
  if (env.GITHUB_JOB) facts.jobId = env.GITHUB_JOB;
  if (env.GITHUB_EVENT_PATH && facts.eventName?.startsWith('pull_request')) {
    try {
      const event = JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8')) as {
        pull_request?: {
          head?: { repo?: { fork?: boolean; full_name?: string } };
          base?: { repo?: { full_name?: string } };
        };
      };
      const pr = event.pull_request;
      const head = pr?.head?.repo?.full_name;
      const base = pr?.base?.repo?.full_name;
      if (head && base) facts.isForkPullRequest = head !== base;
      else if (typeof pr?.head?.repo?.fork === 'boolean') facts.isForkPullRequest = pr.head.repo.fork;
    } catch {
      // The payload only sharpens the message about forks; without it the finding says both cases.
    }
  }
  return facts;
}

/** The largest event payload read for the default branch: GitHub caps a webhook's payload at 25 MB. */
const EVENT_BYTES = 25 * 1024 * 1024;
/** A branch name as git allows one, bounded. https://git-scm.com/docs/git-check-ref-format */
const BRANCH = /^(?!\/|.*\/$|.*\.\.|.*@\{|.*\.lock$)[A-Za-z0-9_./+-]{1,255}$/;

/**
 * The repository's default branch, from the event payload the runner writes (`repository.default_branch`, in the
 * payload of most events:
 * https://docs.github.com/en/webhooks/webhook-events-and-payloads): the ref of `schedule` and `workflow_run` runs.
 * Undefined when the payload is missing, larger than a payload can be, not JSON, or has no such branch name.
 */
export async function readDefaultBranch(
  env: Readonly<Record<string, string | undefined>>,
): Promise<string | undefined> {
  const file = env.GITHUB_EVENT_PATH;
  if (!file) return undefined;
  try {
    const { stat } = await import('node:fs/promises');
    if ((await stat(file)).size > EVENT_BYTES) return undefined;
    const event = JSON.parse(await readFile(file, 'utf8')) as { repository?: { default_branch?: unknown } };
    const branch = event?.repository?.default_branch;
    return typeof branch === 'string' && BRANCH.test(branch) ? branch : undefined;
  } catch {
    return undefined;
  }
}
