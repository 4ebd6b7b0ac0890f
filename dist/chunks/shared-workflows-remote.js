import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);

// src/workflows/remote.ts
var OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,37}[A-Za-z0-9])?$/;
var REPO = /^[A-Za-z0-9_.-]{1,100}$/;
var PATH = /^\.github\/workflows\/[A-Za-z0-9_.-]{1,200}\.ya?ml$/;
var REF = /^[A-Za-z0-9_./+-]{1,255}$/;
function parseRemoteUses(uses) {
  const at = uses.indexOf("@");
  const [owner = "", repo = "", ...rest] = (at < 0 ? uses : uses.slice(0, at)).split("/");
  const path = rest.join("/");
  const ref = at < 0 ? "" : uses.slice(at + 1);
  const problem = !OWNER.test(owner) ? "an owner name GitHub would not accept" : !REPO.test(repo) || repo === "." || repo === ".." ? "a repository name GitHub would not accept" : !PATH.test(path) ? "a path other than .github/workflows/FILE.yml" : ref === "" ? "no ref after @" : !REF.test(ref) || ref.includes("..") || ref.startsWith("/") || ref.endsWith("/") || ref.endsWith(".") ? "a ref git would not accept" : void 0;
  return problem ? { error: `'${uses}' is not OWNER/REPO/.github/workflows/FILE.yml@REF: ${problem}` } : { owner, repo, path, ref };
}
function remoteKey(ref) {
  return `${ref.owner}/${ref.repo}/${ref.path}@${ref.ref}`;
}
function remoteOf(file) {
  const parsed = parseRemoteUses(file);
  return "error" in parsed ? void 0 : parsed;
}
function isCommitSha(ref) {
  return /^[0-9a-f]{40}$/.test(ref);
}

export {
  parseRemoteUses,
  remoteKey,
  remoteOf,
  isCommitSha
};
