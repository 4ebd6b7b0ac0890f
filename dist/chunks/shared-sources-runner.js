import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);

// src/sources/runner.ts
import { readFile, stat } from "node:fs/promises";
async function readRunnerFacts(env) {
  const facts = {};
  if (env.GITHUB_EVENT_NAME) facts.eventName = env.GITHUB_EVENT_NAME;
  if (env.GITHUB_JOB) facts.jobId = env.GITHUB_JOB;
  if (facts.eventName?.startsWith("pull_request")) {
    const event = await readEvent(env);
    const pr = event?.pull_request;
    const head = pr?.head?.repo?.full_name;
    const base = pr?.base?.repo?.full_name;
    if (head && base) facts.isForkPullRequest = head !== base;
    else if (typeof pr?.head?.repo?.fork === "boolean") facts.isForkPullRequest = pr.head.repo.fork;
  }
  const visibility = visibilityOf(await readEvent(env));
  if (visibility) facts.repositoryVisibility = visibility;
  return facts;
}
function visibilityOf(event) {
  const repo = event?.repository;
  const v = repo?.visibility;
  if (v === "public" || v === "private" || v === "internal") return v;
  if (typeof repo?.private !== "boolean") return void 0;
  return repo.private ? "private" : "public";
}
var EVENT_BYTES = 25 * 1024 * 1024;
async function readEvent(env) {
  const file = env.GITHUB_EVENT_PATH;
  if (!file) return void 0;
  try {
    if ((await stat(file)).size > EVENT_BYTES) return void 0;
    return JSON.parse(await readFile(file, "utf8"));
  } catch {
    return void 0;
  }
}
var BRANCH = (
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is this pattern's purpose.
  /^(?!\/|.*\/$|.*\/\/|.*\.\.|.*@\{|.*\.lock(?:\/|$)|.*\.$|\.|.*\/\.|@$)[^\u0000-\u0020\u007f~^:?*[\\]{1,255}$/u
);
async function readDefaultBranch(env) {
  const event = await readEvent(env);
  if (event === void 0) return { none: "the event payload (GITHUB_EVENT_PATH) was not read" };
  const branch = event.repository?.default_branch;
  if (typeof branch !== "string") return { none: "the event payload names no repository.default_branch" };
  if (!BRANCH.test(branch))
    return { none: "the event payload's repository.default_branch is not a branch name git allows" };
  return { branch };
}

export {
  readRunnerFacts,
  readDefaultBranch
};
