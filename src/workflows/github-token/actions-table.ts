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
      /**
       * Met without the scope when the repository is public: actions/checkout's contents (anyone may fetch it), the
       * SARIF upload's `actions: read` (needed on private repositories only).
       */
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

/** gradle/actions at the commit the rows cite (setup-gradle/action.yml, dependency-submission/action.yml). */
const GRADLE_COMMIT = '889dc537cf3672c0c060560c9ead940a2b8b7077';

/**
 * An action of gradle/actions: its `github-token` (default `github.token`) submits the dependency graph, which
 * takes `contents: write` (docs/setup-gradle.md, "dependency-graph"), when `dependency-graph` is one of the
 * `*-submit*` values; `download-and-submit` lists a `workflow_run`'s artifacts with it too, `actions: read`
 * (docs/dependency-submission.md); `add-job-summary-as-pr-comment` comments on the pull request through the issues
 * API (sources/src/job-summary.ts), which takes `issues: write` or `pull-requests: write`
 * (https://docs.github.com/en/rest/issues/comments#create-an-issue-comment). A value given as an expression is not
 * known before the run.
 */
function gradleRow(action: string, graphDefault: string): ActionRow {
  const value = (inputs: StepInputs, name: string, fallback: string) => (inputs[name] ?? '').trim() || fallback;
  return {
    action,
    tokenInput: 'github-token',
    defaultsToGitHubToken: true,
    needs: (inputs) => {
      const out: RowNeed[] = [];
      const graph = value(inputs, 'dependency-graph', graphDefault);
      if (graph.includes('${{'))
        out.push({ unknown: `\`dependency-graph\` is \`${graph}\`, not known before the run`, of: 'token' });
      else if (graph.toLowerCase() === 'download-and-submit') out.push(token(w('contents'), r('actions')));
      else if (['generate-and-submit', 'generate-submit-and-upload'].includes(graph.toLowerCase()))
        out.push(token(w('contents')));
      const comment = value(inputs, 'add-job-summary-as-pr-comment', 'never');
      if (comment.includes('${{'))
        out.push({
          unknown: `\`add-job-summary-as-pr-comment\` is \`${comment}\`, not known before the run`,
          of: 'token',
        });
      else if (comment.toLowerCase() !== 'never')
        out.push({ need: { anyOf: [w('issues'), w('pull-requests')] }, of: 'token' });
      return out;
    },
    doc: `https://github.com/gradle/actions/blob/${GRADLE_COMMIT}/${action.split('/')[2]}/action.yml`,
  };
}

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
    // Its README lists `issues: write` and `pull-requests: write` for the job's token, as the two cases it serves: the
    // comment is made through the issues API ("Create an issue comment", "Update an issue comment"), whose
    // fine-grained permission is Issues write or Pull requests write
    // (https://docs.github.com/en/rest/issues/comments#create-an-issue-comment): either one, as `gh issue comment`.
    action: 'peter-evans/create-or-update-comment',
    tokenInput: 'token',
    defaultsToGitHubToken: true,
    needs: () => [{ need: { anyOf: [w('issues'), w('pull-requests')] }, of: 'token' }],
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
  // GitHub's SARIF upload example grants `security-events: write` "required for all workflows" and `actions: read`
  // "only required for workflows in private repositories" (the upload reads the workflow run); so do codeql-action's
  // README and the starter workflow (code-scanning/codeql.yml): `actions: read` is met without it on a public one.
  ...['github/codeql-action/upload-sarif', 'github/codeql-action/analyze'].map(
    (action): ActionRow => ({
      action,
      tokenInput: 'token',
      defaultsToGitHubToken: true,
      needs: () => [token(w('security-events')), { ...token(r('actions')), metOnPublic: true }],
      doc: 'https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/uploading-a-sarif-file-to-github#uploading-a-code-scanning-analysis-with-github-actions',
    }),
  ),
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
  // Setup and tool actions that use no scope of the job's token, each from its action.yml (and source) at the
  // commit its `doc` names. A token used only to download public releases from github.com (for the higher rate
  // limit of an authenticated request) needs no scope of this repository.
  // - actions-rust-lang/setup-rust-toolchain, dtolnay/rust-toolchain: composite, rustup from sh.rustup.rs; no token
  //   input (the former then runs Swatinem/rust-cache).
  // - Swatinem/rust-cache: the cache service, through the runner's own token (as actions/cache); no token input.
  // - hashicorp/setup-terraform, hashicorp/setup-packer: binaries from releases.hashicorp.com; no GitHub token
  //   (setup-terraform's `cli_config_credentials_token` is an HCP Terraform token).
  // - pnpm/action-setup, azure/setup-kubectl, ilammy/setup-nasm: no token input, no GitHub API call in their source.
  // - actions/setup-dotnet: no token input; `source-url` writes a NuGet.config naming NUGET_AUTH_TOKEN, which later
  //   steps use (its src/authutil.ts), not this one.
  // - aws-actions/amazon-ecr-login, amazon-ecs-render-task-definition, amazon-ecs-deploy-task-definition,
  //   aws-cloudformation-github-deploy, aws-lambda-deploy, aws-secretsmanager-get-secrets, aws-codebuild-run-build:
  //   AWS credentials only, no GitHub token input and no GitHub API call in their source (aws-codebuild-run-build
  //   reads the run's context, `github.context`, to name the source, its code-build.js); the AWS calls of those the
  //   calls table knows are read in src/workflows/calls/actions.ts. aws-actions/configure-aws-credentials has its own
  //   row below (id-token).
  ...(
    [
      ['actions-rust-lang/setup-rust-toolchain', '0267444136ce4919088f5eae0461f736f21356de'],
      ['dtolnay/rust-toolchain', '3c5f7ea28cd621ae0bf5283f0e981fb97b8a7af9'],
      ['Swatinem/rust-cache', '6323deb102c322ba6fcbdcafc7e3dddab59af2b6'],
      ['hashicorp/setup-terraform', '8620a60d7c841f00a53b5dd39f0027c2d042082f'],
      ['hashicorp/setup-packer', '7e22a1322f99184aed11b12e1a7d9862203ca31a'],
      ['pnpm/action-setup', 'e303250a2450c28e843bf798954fac81d4835f68'],
      ['Azure/setup-kubectl', 'de2a114b013ee70aabd127be91e2e512e3b19203'],
      ['ilammy/setup-nasm', '3a5c2907aab40613bec4a2c63f5d0ef0b11fbd9f'],
      ['actions/setup-dotnet', '5e931af6be0e018f807de246b52f546bfb8da48a'],
      ['aws-actions/amazon-ecr-login', '03f1aad4c6c7ffd436567f42f9384779290529bd'],
      ['aws-actions/amazon-ecs-render-task-definition', '138c24f321fdbdf7edee4a685519d253cae2cdea'],
      ['aws-actions/amazon-ecs-deploy-task-definition', 'c465972ecbd160473f22e683363b422a5412a3de'],
      ['aws-actions/aws-cloudformation-github-deploy', '197fa4accdf542111c52b8ebf184e463cf84aa72'],
      ['aws-actions/aws-lambda-deploy', '5ab3fe6d51e547be2062de0b71197d24292f891c'],
      ['aws-actions/aws-secretsmanager-get-secrets', '33da984fe531194c1157993a528f0c28ecf9f946'],
      ['aws-actions/aws-codebuild-run-build', 'd72652c68bc355a2a72acad63efd6bcd0a81fdf8'],
    ] as const
  ).map(
    ([repo, commit]): ActionRow => ({
      action: repo.toLowerCase(),
      defaultsToGitHubToken: false,
      needs: () => [],
      doc: `https://github.com/${repo}/blob/${commit}/action.yml`,
    }),
  ),
  // Actions whose token input defaults to the job's token, used only to download public releases from github.com:
  // - taiki-e/install-action: `github.token` goes to cargo-binstall (with `fallback: cargo-binstall`, the default),
  //   which looks up the tools' public releases (its action.yml, main.sh).
  // - actions/setup-java `token`: the distributions' public manifests and releases (its src/util.ts
  //   getGitHubHttpHeaders, src/distributions/*/installer.ts).
  // - ruby/setup-ruby `token`: release assets of ruby/ruby-builder (its common.js download, ruby-builder.js).
  // - Azure/setup-helm `token`: deprecated, "GitHub token is no longer required"; its src does not read it.
  ...(
    [
      ['taiki-e/install-action', undefined, 'ba47c86ac325773530516bb756137ac718732518'],
      ['actions/setup-java', 'token', '1dbac3c9e137b6d4d280bae1ae4e9902bb4ce1b9'],
      ['ruby/setup-ruby', 'token', '0dafeac902942906541bc140009cdbf32665b601'],
      ['Azure/setup-helm', 'token', '7a9c28ba04c99ae42726a8472c6eba25beab7bee'],
    ] as const
  ).map(
    ([repo, tokenInput, commit]): ActionRow => ({
      action: repo.toLowerCase(),
      ...(tokenInput ? { tokenInput } : {}),
      defaultsToGitHubToken: true,
      needs: () => [],
      doc: `https://github.com/${repo}/blob/${commit}/action.yml`,
    }),
  ),
  {
    // `github-token` (default `github.token`) downloads uv from the public releases of astral-sh/uv
    // (src/download/download-version.ts, src/utils/constants.ts at 19b4d1e990bec64818914c40230bde93a0de300b); a
    // `manifest-file` may name other github.com URLs, which get the token too: what they need is not known.
    action: 'astral-sh/setup-uv',
    tokenInput: 'github-token',
    defaultsToGitHubToken: true,
    needs: (inputs) =>
      has(inputs, 'manifest-file')
        ? [{ unknown: "`manifest-file` names the downloads the job's token is sent to", of: 'token' }]
        : [],
    doc: 'https://github.com/astral-sh/setup-uv/blob/19b4d1e990bec64818914c40230bde93a0de300b/action.yml',
  },
  gradleRow('gradle/actions/setup-gradle', 'disabled'),
  gradleRow('gradle/actions/dependency-submission', 'generate-submit-and-upload'),
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

/** This action's name where it is published (README.md, "Use it in a workflow"). */
export const PREFLIGHT_ACTION = 'permission-preflight/permission-preflight';

/**
 * What this action needs of its tokens, as its inputs say (action.yml): `actions: read` of `github-token` to read the
 * repository's OIDC subject template when it reads the workflows (`workflows: true`) and the failed jobs' logs in
 * `mode: explain`; `actions: read` of `baseline-token` (the job's token by default) to find the baseline artifact
 * (`baseline: artifact`). Where the configuration file decides (zero configuration reads the workflows when the file
 * names no role: README.md, "Zero configuration: every deploy job, from its workflow"; its `baseline`), the file is
 * not read here, and no need is taken: without the scope the action reports what it could not read as unverified
 * itself (README.md, "Permissions for each mode"), so nothing passes unseen, and a file that names roles needs none.
 * A step is this action when its `uses:` names {@link PREFLIGHT_ACTION}, or, as the action runs, the repository the
 * runner gives it (`GITHUB_ACTION_REPOSITORY`: src/pipeline/github-token.ts).
 */
export const PREFLIGHT_ROW: ActionRow = {
  action: PREFLIGHT_ACTION,
  tokenInput: 'github-token',
  defaultsToGitHubToken: true,
  needs: (inputs) => {
    const value = (name: string) => (inputs[name] ?? '').trim().toLowerCase();
    const out: RowNeed[] = [];
    if (value('mode') === 'explain' || value('workflows') === 'true') out.push(token(r('actions')));
    if (value('baseline') === 'artifact' && !has(inputs, 'baseline-token')) out.push(job(r('actions')));
    return out;
  },
  doc: 'https://github.com/permission-preflight/permission-preflight#permissions-for-each-mode',
};

/** A step's `uses:` (`owner/repo[/path]@ref`) as the table names actions: lower case, without the ref. */
export function actionKey(uses: string): string {
  return uses.split('@')[0]?.toLowerCase().replace(/\/+$/, '') ?? '';
}

/** The row for a step's `uses:` (`owner/repo[/path]@ref`), if the table has one. */
export function actionRow(uses: string): ActionRow | undefined {
  const name = actionKey(uses);
  return name === PREFLIGHT_ACTION ? PREFLIGHT_ROW : ACTION_TABLE.find((row) => row.action === name);
}

/** Names an action's inputs commonly give a token under. */
export const TOKEN_INPUT_NAMES = /^(github[-_]?token|token|repo[-_]?token|gh[-_]?token|password)$/i;
