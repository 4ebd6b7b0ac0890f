/**
 * Resolving a local `uses: ./path` against the repository root. GitHub resolves a local action or reusable workflow
 * from the root of the repository checked out in the workspace
 * (https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#example-using-an-action-in-the-same-repository-as-the-workflow).
 * A path that climbs out of the root (`./../x`) is refused: it would read outside the repository.
 */

/** The repository-relative path of a local `uses:` (without `./`), or an error message. */
export function resolveLocal(uses: string): { readonly path: string } | { readonly error: string } {
  if (!uses.startsWith('./')) return { error: `'${uses}' is not a local path (it must start with ./)` };
  const parts: string[] = [];
  for (const part of uses.slice(2).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return { error: `'${uses}' leaves the repository` };
      parts.pop();
      continue;
    }
    if (part.includes('\\') || part.includes('\0')) return { error: `'${uses}' is not a plain path` };
    parts.push(part);
  }
  return { path: parts.join('/') };
}

/** The `action.yml` / `action.yaml` candidates of a local action directory. */
export function actionFileCandidates(dir: string): string[] {
  const prefix = dir === '' ? '' : `${dir}/`;
  return [`${prefix}action.yml`, `${prefix}action.yaml`];
}
