import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);

// src/sources/runner.ts
import { readFile } from "node:fs/promises";
async function readRunnerFacts(env) {
  const facts = {};
  if (env.GITHUB_EVENT_NAME) facts.eventName = env.GITHUB_EVENT_NAME;
  if (env.GITHUB_JOB) facts.jobId = env.GITHUB_JOB;
  if (env.GITHUB_EVENT_PATH && facts.eventName?.startsWith("pull_request")) {
    try {
      const event = JSON.parse(await readFile(env.GITHUB_EVENT_PATH, "utf8"));
      const pr = event.pull_request;
      const head = pr?.head?.repo?.full_name;
      const base = pr?.base?.repo?.full_name;
      if (head && base) facts.isForkPullRequest = head !== base;
      else if (typeof pr?.head?.repo?.fork === "boolean") facts.isForkPullRequest = pr.head.repo.fork;
    } catch {
    }
  }
  return facts;
}

export {
  readRunnerFacts
};
