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
