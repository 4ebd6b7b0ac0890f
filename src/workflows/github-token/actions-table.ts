/**
 * What well-known actions need of the job's token, each row from the action's own README or GitHub's documentation
 * (the `doc` of each row; __tests__/workflows/github-token-table.test.ts holds each README's permission lines, with
 * the commit it was read at, and checks every row against them).
 */
import { requestsGitHubToken } from '../credentials.js';
import type { AccessLevel, Scope } from './scopes.js';

/** One scope at one level. */
export interface ScopeNeed {
  readonly scope: Scope;
  readonly level: AccessLevel;
}

/**
 * A need: every scope of `all`, or, with `anyOf`, one of them (a comment on a pull request is made through the issues
 * API, which takes either `issues: write` or `pull-requests: write`).
 */
export type Need = { readonly all: readonly ScopeNeed[] } | { readonly anyOf: readonly ScopeNeed[] };

/** Whose need it is: the job's permissions (`id-token`, whatever token the step uses) or the step's token's. */
export type NeedOf = 'job' | 'token';

/** A step's `with:` inputs, as written. */
export type StepInputs = Readonly<Record<string, string>>;

/** A need of one step: known, or, with `unknown`, one the step's inputs leave open until the run (the reason). */
export type RowNeed =
  | {
      readonly need: Need;
      readonly of: NeedOf;
      /** Met without the scope when the repository is public (anyone may fetch it): actions/checkout's contents. */
      readonly metOnPublic?: boolean;
    }
  | { readonly unknown: string; readonly of: NeedOf };

/** One action's row. */
export interface ActionRow {
  /** `owner/repo` or `owner/repo/path`, lower case, without `@ref`. */
  readonly action: string;
  /** The input that carries the token; absent when the action takes none (it uses the job's token or none). */
  readonly tokenInput?: string;
  /** Whether the token input defaults to `github.token` (most do; `docker/login-action`'s `password` does not). */
  readonly defaultsToGitHubToken: boolean;
  /** What it needs, given its inputs; `[]` when it needs nothing of the token. */
  readonly needs: (inputs: StepInputs) => readonly RowNeed[];
  readonly doc: string;
}

const w = (scope: Scope): ScopeNeed => ({ scope, level: 'write' });
const r = (scope: Scope): ScopeNeed => ({ scope, level: 'read' });
const token = (...all: ScopeNeed[]) => ({ need: { all }, of: 'token' as const });
const job = (...all: ScopeNeed[]) => ({ need: { all }, of: 'job' as const });

/** An input's value is set (not empty). */
const has = (inputs: StepInputs, name: string) => (inputs[name] ?? '').trim() !== '';

/** GitHub's page on publishing to the Container registry from a workflow (`packages: write`). */
export const GHCR_DOC =
  'https://docs.github.com/en/packages/managing-github-packages-using-github-actions-workflows/publishing-and-installing-a-package-with-github-actions#publishing-a-package-using-an-action';

/** The rows. */
export const ACTION_TABLE: readonly ActionRow[] = [
  {
    action: 'actions/checkout',
    tokenInput: 'token',
    defaultsToGitHubToken: true,
    // Its README calls `contents: read` "recommended": a public repository is fetched without it, since anyone may
    // clone one (https://docs.github.com/en/repositories/creating-and-managing-repositories/about-repositories#about-repository-visibility).
    needs: () => [{ ...token(r('contents')), metOnPublic: true }],
    doc: 'https://github.com/actions/checkout#recommended-permissions',
  },
  {
    action: 'actions/deploy-pages',
    tokenInput: 'token',
    defaultsToGitHubToken: true,
    needs: () => [token(w('pages')), job(w('id-token'))],
    doc: 'https://github.com/actions/deploy-pages#usage',
  },
  {
    action: 'actions/upload-pages-artifact',
    defaultsToGitHubToken: false,
    needs: () => [],
    doc: 'https://github.com/actions/upload-pages-artifact#usage',
  },
  {
    action: 'softprops/action-gh-release',
    tokenInput: 'token',
    defaultsToGitHubToken: true,
    needs: (inputs) =>
      has(inputs, 'discussion_category_name') ? [token(w('contents'), w('discussions'))] : [token(w('contents'))],
    doc: 'https://github.com/softprops/action-gh-release#permissions',
  },
  {
    action: 'peter-evans/create-pull-request',
    tokenInput: 'token',
    defaultsToGitHubToken: true,
    needs: () => [token(w('contents'), w('pull-requests'))],
    doc: 'https://github.com/peter-evans/create-pull-request#token',
  },
  {
    action: 'peter-evans/create-or-update-comment',
    tokenInput: 'token',
    defaultsToGitHubToken: true,
    needs: () => [token(w('issues'), w('pull-requests'))],
    doc: 'https://github.com/peter-evans/create-or-update-comment#action-inputs',
  },
  {
    action: 'chrnorm/deployment-action',
    tokenInput: 'token',
    defaultsToGitHubToken: true,
    needs: () => [token(w('deployments'))],
    doc: 'https://github.com/chrnorm/deployment-action#readme',
  },
  {
    action: 'chrnorm/deployment-status',
    tokenInput: 'token',
    defaultsToGitHubToken: true,
    needs: () => [token(w('deployments'))],
    doc: 'https://github.com/chrnorm/deployment-action#readme',
  },
  {
    action: 'github/codeql-action/upload-sarif',
    tokenInput: 'token',
    defaultsToGitHubToken: true,
    needs: () => [token(w('security-events'))],
    doc: 'https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/uploading-a-sarif-file-to-github#uploading-a-code-scanning-analysis-with-github-actions',
  },
  {
    action: 'github/codeql-action/analyze',
    tokenInput: 'token',
    defaultsToGitHubToken: true,
    needs: () => [token(w('security-events'))],
    doc: 'https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/uploading-a-sarif-file-to-github#uploading-a-code-scanning-analysis-with-github-actions',
  },
  {
    action: 'actions/attest-build-provenance',
    tokenInput: 'github-token',
    defaultsToGitHubToken: true,
    needs: () => [token(w('attestations')), job(w('id-token'))],
    doc: 'https://github.com/actions/attest-build-provenance/blob/v3.2.0/README.md#usage',
  },
  {
    action: 'actions/attest',
    tokenInput: 'github-token',
    defaultsToGitHubToken: true,
    needs: () => [token(w('attestations')), job(w('id-token'))],
    doc: 'https://docs.github.com/en/actions/security-for-github-actions/using-artifact-attestations/using-artifact-attestations-to-establish-provenance-for-builds#generating-build-provenance-for-binaries',
  },
  {
    action: 'googleapis/release-please-action',
    tokenInput: 'token',
    defaultsToGitHubToken: true,
    needs: () => [token(w('contents'), w('pull-requests'))],
    doc: 'https://github.com/googleapis/release-please-action#workflow-permissions',
  },
  {
    // Its README also asks for `issues: write`, only to create a label that does not exist yet ("Manual Label
    // Creation as an Alternative to Granting issues write Permission"): not a need of every run.
    action: 'actions/labeler',
    tokenInput: 'repo-token',
    defaultsToGitHubToken: true,
    needs: () => [token(r('contents'), w('pull-requests'))],
    doc: 'https://github.com/actions/labeler#example-workflow-permissions',
  },
  {
    // `contents: write` "only for delete-branch option" (its README).
    action: 'actions/stale',
    tokenInput: 'repo-token',
    defaultsToGitHubToken: true,
    needs: (inputs) =>
      (inputs['delete-branch'] ?? '').trim() === 'true'
        ? [token(w('actions'), w('contents'), w('issues'), w('pull-requests'))]
        : [token(w('actions'), w('issues'), w('pull-requests'))],
    doc: 'https://github.com/actions/stale#recommended-permissions',
  },
  {
    action: 'dependabot/fetch-metadata',
    tokenInput: 'github-token',
    defaultsToGitHubToken: true,
    needs: () => [token(r('pull-requests'))],
    doc: 'https://github.com/dependabot/fetch-metadata#usage-instructions',
  },
  {
    // It reads the Pages site (`octokit.rest.repos.getPages`, its src/api-client.js), which takes Pages read; with
    // `enablement` it creates the site, which its action.yml says the job's token cannot.
    action: 'actions/configure-pages',
    tokenInput: 'token',
    defaultsToGitHubToken: true,
    needs: () => [token(r('pages'))],
    doc: 'https://docs.github.com/en/rest/pages/pages#get-a-apiname-pages-site',
  },
  // Actions that use no scope of the job's token on this repository: the artifact and cache actions use the
  // runner's own service token, the setup actions' `token` only pulls builds from their public version manifests
  // (actions/node-versions, actions/python-versions, actions/go-versions), and download-artifact's `github-token`
  // has no default; docker's setup actions and fjogeleit/http-request-action take no GitHub token, only what they
  // are given (each action's action.yml).
  ...[
    'actions/upload-artifact',
    'actions/download-artifact',
    'actions/cache',
    'actions/setup-node',
    'actions/setup-python',
    'actions/setup-go',
    'docker/setup-buildx-action',
    'docker/setup-qemu-action',
    'fjogeleit/http-request-action',
  ].map(
    (action): ActionRow => ({
      action,
      defaultsToGitHubToken: false,
      needs: () => [],
      doc: `https://github.com/${action}/blob/HEAD/action.yml`,
    }),
  ),
  {
    // Its `github-token` authenticates the build's fetch of the repository for the Git context, the default when
    // no `context` is given; a path context (`context: .`) fetches nothing (its src/context.ts).
    action: 'docker/build-push-action',
    tokenInput: 'github-token',
    defaultsToGitHubToken: true,
    needs: (inputs) =>
      /^\s*$|^\s*(https?:\/\/|git@|\{\{\s*defaultContext\s*\}\})/.test(inputs.context ?? '')
        ? [{ ...token(r('contents')), metOnPublic: true }]
        : [],
    doc: 'https://github.com/docker/build-push-action#git-context',
  },
  {
    // It reads the repository (`toolkit.github.repoData()`, its src/main.ts): `metadata: read`, which every token
    // has; the commit-date lookup it may make falls back quietly when refused.
    action: 'docker/metadata-action',
    tokenInput: 'github-token',
    defaultsToGitHubToken: true,
    needs: () => [],
    doc: 'https://github.com/docker/metadata-action/blob/master/src/main.ts',
  },
  {
    // Logging in to ghcr.io with the job's token reads packages; pushing writes them (GHCR_DOC). The push is found
    // by `pushesImages` in ./needs.ts and raises this to `write`.
    action: 'docker/login-action',
    tokenInput: 'password',
    defaultsToGitHubToken: false,
    needs: (inputs) => (/^ghcr\.io(\/|$)/i.test((inputs.registry ?? '').trim()) ? [token(r('packages'))] : []),
    doc: GHCR_DOC,
  },
  {
    // The action requests GitHub's ID token only when it exchanges it for the role: its own rule, read in
    // src/workflows/credentials.ts (`requestsGitHubToken`), not with access keys, a token file or role chaining.
    action: 'aws-actions/configure-aws-credentials',
    defaultsToGitHubToken: false,
    needs: (inputs) => {
      const request = requestsGitHubToken(inputs);
      if (request.kind === 'unknown')
        return [
          { unknown: `whether it requests GitHub's OIDC token (\`id-token: write\`): ${request.reason}`, of: 'job' },
        ];
      return request.kind === 'yes' ? [job(w('id-token'))] : [];
    },
    doc: 'https://github.com/aws-actions/configure-aws-credentials#oidc',
  },
];

/** The row for a step's `uses:` (`owner/repo[/path]@ref`), if the table has one. */
export function actionRow(uses: string): ActionRow | undefined {
  const name = uses.split('@')[0]?.toLowerCase().replace(/\/+$/, '') ?? '';
  return ACTION_TABLE.find((row) => row.action === name);
}

/** Names an action's inputs commonly give a token under. */
export const TOKEN_INPUT_NAMES = /^(github[-_]?token|token|repo[-_]?token|gh[-_]?token|password)$/i;
