/**
 * Reusable workflows of other repositories: `uses: OWNER/REPO/.github/workflows/FILE.yml@REF` on a job
 * (https://docs.github.com/en/actions/sharing-automations/reusing-workflows#calling-a-reusable-workflow). Such a
 * reference is parsed strictly here; what is not plainly one (a name GitHub would not accept, a file outside
 * `.github/workflows/`, "subdirectories of the workflows directory are not supported", an empty ref) is not read.
 * The model knows a file read this way by its key, `OWNER/REPO/PATH@REF`, so every finding says where it came from.
 *
 * Inside such a file, a call `uses: ./.github/workflows/y.yml` is of the same repository at the same ref: "the
 * called workflow will be from the same commit as the caller workflow"
 * (https://docs.github.com/en/actions/sharing-automations/reusing-workflows#calling-a-reusable-workflow, "If you use
 * the syntax `./.github/workflows/{filename}`"). A local action (`uses: ./path` on a step) instead runs from the
 * workspace, whatever the job checked out
 * (https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#example-using-an-action-in-the-same-repository-as-the-workflow),
 * which cannot be known here.
 */

/** A reusable workflow of another repository at a ref. */
export interface RemoteWorkflowRef {
  readonly owner: string;
  readonly repo: string;
  /** `.github/workflows/FILE.yml` (or `.yaml`). */
  readonly path: string;
  readonly ref: string;
}

/** An account name: letters, digits and single hyphens inside, at most 39 characters. */
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,37}[A-Za-z0-9])?$/;
/** A repository name: letters, digits, `.`, `-`, `_`, at most 100 characters. */
const REPO = /^[A-Za-z0-9_.-]{1,100}$/;
/** A workflow file directly in `.github/workflows/`. */
const PATH = /^\.github\/workflows\/[A-Za-z0-9_.-]{1,200}\.ya?ml$/;
/**
 * A ref: a commit SHA, a tag or a branch name, as git allows them (no space, control character, `~^:?*[\`, `..` or
 * `@{`), at most 255 characters. https://git-scm.com/docs/git-check-ref-format
 */
const REF = /^[A-Za-z0-9_./+-]{1,255}$/;

/** The reference in `uses`, or why it is not one. */
export function parseRemoteUses(uses: string): RemoteWorkflowRef | { readonly error: string } {
  const at = uses.indexOf('@');
  const [owner = '', repo = '', ...rest] = (at < 0 ? uses : uses.slice(0, at)).split('/');
  const path = rest.join('/');
  const ref = at < 0 ? '' : uses.slice(at + 1);
  const problem = !OWNER.test(owner)
    ? 'an owner name GitHub would not accept'
    : !REPO.test(repo) || repo === '.' || repo === '..'
      ? 'a repository name GitHub would not accept'
      : !PATH.test(path)
        ? 'a path other than .github/workflows/FILE.yml'
        : ref === ''
          ? 'no ref after @'
          : !REF.test(ref) || ref.includes('..') || ref.startsWith('/') || ref.endsWith('/') || ref.endsWith('.')
            ? 'a ref git would not accept'
            : undefined;
  return problem
    ? { error: `'${uses}' is not OWNER/REPO/.github/workflows/FILE.yml@REF: ${problem}` }
    : { owner, repo, path, ref };
}

/** The model's name of a remote file: `OWNER/REPO/PATH@REF`. */
export function remoteKey(ref: RemoteWorkflowRef): string {
  return `${ref.owner}/${ref.repo}/${ref.path}@${ref.ref}`;
}

/** The remote reference a model file path names, when it is a key of {@link remoteKey}; else undefined. */
export function remoteOf(file: string): RemoteWorkflowRef | undefined {
  const parsed = parseRemoteUses(file);
  return 'error' in parsed ? undefined : parsed;
}

/** A full commit SHA (40 lower-case hex digits), which names one commit whatever the branches and tags say. */
export function isCommitSha(ref: string): boolean {
  return /^[0-9a-f]{40}$/.test(ref);
}
