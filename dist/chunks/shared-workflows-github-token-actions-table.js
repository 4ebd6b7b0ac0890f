import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  DEFAULT_CALL_LIMITS,
  programOf,
  pushesImage,
  readShell
} from "./shared-workflows-calls-shell.js";
import {
  requestsGitHubToken
} from "./shared-workflows-github-token-scopes.js";

// src/workflows/github-token/actions-table.ts
var w = (scope) => ({ scope, level: "write" });
var r = (scope) => ({ scope, level: "read" });
var token = (...all2) => ({ need: { all: all2 }, of: "token" });
var job = (...all2) => ({ need: { all: all2 }, of: "job" });
var has = (inputs, name) => (inputs[name] ?? "").trim() !== "";
var GHCR_DOC = "https://docs.github.com/en/packages/managing-github-packages-using-github-actions-workflows/publishing-and-installing-a-package-with-github-actions#publishing-a-package-using-an-action";
var GRADLE_COMMIT = "889dc537cf3672c0c060560c9ead940a2b8b7077";
function gradleRow(action, graphDefault) {
  const value = (inputs, name, fallback) => (inputs[name] ?? "").trim() || fallback;
  return {
    action,
    tokenInput: "github-token",
    defaultsToGitHubToken: true,
    needs: (inputs) => {
      const out = [];
      const graph = value(inputs, "dependency-graph", graphDefault);
      if (graph.includes("${{"))
        out.push({ unknown: `\`dependency-graph\` is \`${graph}\`, not known before the run`, of: "token" });
      else if (graph.toLowerCase() === "download-and-submit") out.push(token(w("contents"), r("actions")));
      else if (["generate-and-submit", "generate-submit-and-upload"].includes(graph.toLowerCase()))
        out.push(token(w("contents")));
      const comment = value(inputs, "add-job-summary-as-pr-comment", "never");
      if (comment.includes("${{"))
        out.push({
          unknown: `\`add-job-summary-as-pr-comment\` is \`${comment}\`, not known before the run`,
          of: "token"
        });
      else if (comment.toLowerCase() !== "never")
        out.push({ need: { anyOf: [w("issues"), w("pull-requests")] }, of: "token" });
      return out;
    },
    doc: `https://github.com/gradle/actions/blob/${GRADLE_COMMIT}/${action.split("/")[2]}/action.yml`
  };
}
var ACTION_TABLE = [
  {
    action: "actions/checkout",
    tokenInput: "token",
    defaultsToGitHubToken: true,
    // Its README calls `contents: read` "recommended": a public repository is fetched without it, since anyone may
    // clone one (https://docs.github.com/en/repositories/creating-and-managing-repositories/about-repositories#about-repository-visibility).
    needs: () => [{ ...token(r("contents")), metOnPublic: true }],
    doc: "https://github.com/actions/checkout#recommended-permissions"
  },
  {
    action: "actions/deploy-pages",
    tokenInput: "token",
    defaultsToGitHubToken: true,
    needs: () => [token(w("pages")), job(w("id-token"))],
    doc: "https://github.com/actions/deploy-pages#usage"
  },
  {
    action: "actions/upload-pages-artifact",
    defaultsToGitHubToken: false,
    needs: () => [],
    doc: "https://github.com/actions/upload-pages-artifact#usage"
  },
  {
    action: "softprops/action-gh-release",
    tokenInput: "token",
    defaultsToGitHubToken: true,
    needs: (inputs) => has(inputs, "discussion_category_name") ? [token(w("contents"), w("discussions"))] : [token(w("contents"))],
    doc: "https://github.com/softprops/action-gh-release#permissions"
  },
  {
    action: "peter-evans/create-pull-request",
    tokenInput: "token",
    defaultsToGitHubToken: true,
    needs: () => [token(w("contents"), w("pull-requests"))],
    doc: "https://github.com/peter-evans/create-pull-request#token"
  },
  {
    // Its README lists `issues: write` and `pull-requests: write` for the job's token, as the two cases it serves: the
    // comment is made through the issues API ("Create an issue comment", "Update an issue comment"), whose
    // fine-grained permission is Issues write or Pull requests write
    // (https://docs.github.com/en/rest/issues/comments#create-an-issue-comment): either one, as `gh issue comment`.
    action: "peter-evans/create-or-update-comment",
    tokenInput: "token",
    defaultsToGitHubToken: true,
    needs: () => [{ need: { anyOf: [w("issues"), w("pull-requests")] }, of: "token" }],
    doc: "https://github.com/peter-evans/create-or-update-comment#action-inputs"
  },
  {
    action: "chrnorm/deployment-action",
    tokenInput: "token",
    defaultsToGitHubToken: true,
    needs: () => [token(w("deployments"))],
    doc: "https://github.com/chrnorm/deployment-action#readme"
  },
  {
    action: "chrnorm/deployment-status",
    tokenInput: "token",
    defaultsToGitHubToken: true,
    needs: () => [token(w("deployments"))],
    doc: "https://github.com/chrnorm/deployment-action#readme"
  },
  // GitHub's SARIF upload example grants `security-events: write` "required for all workflows" and `actions: read`
  // "only required for workflows in private repositories" (the upload reads the workflow run); so do codeql-action's
  // README and the starter workflow (code-scanning/codeql.yml): `actions: read` is met without it on a public one.
  ...["github/codeql-action/upload-sarif", "github/codeql-action/analyze"].map(
    (action) => ({
      action,
      tokenInput: "token",
      defaultsToGitHubToken: true,
      needs: () => [token(w("security-events")), { ...token(r("actions")), metOnPublic: true }],
      doc: "https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/uploading-a-sarif-file-to-github#uploading-a-code-scanning-analysis-with-github-actions"
    })
  ),
  {
    action: "actions/attest-build-provenance",
    tokenInput: "github-token",
    defaultsToGitHubToken: true,
    needs: () => [token(w("attestations")), job(w("id-token"))],
    doc: "https://github.com/actions/attest-build-provenance/blob/v3.2.0/README.md#usage"
  },
  {
    action: "actions/attest",
    tokenInput: "github-token",
    defaultsToGitHubToken: true,
    needs: () => [token(w("attestations")), job(w("id-token"))],
    doc: "https://docs.github.com/en/actions/security-for-github-actions/using-artifact-attestations/using-artifact-attestations-to-establish-provenance-for-builds#generating-build-provenance-for-binaries"
  },
  {
    action: "googleapis/release-please-action",
    tokenInput: "token",
    defaultsToGitHubToken: true,
    needs: () => [token(w("contents"), w("pull-requests"))],
    doc: "https://github.com/googleapis/release-please-action#workflow-permissions"
  },
  {
    // Its README also asks for `issues: write`, only to create a label that does not exist yet ("Manual Label
    // Creation as an Alternative to Granting issues write Permission"): not a need of every run.
    action: "actions/labeler",
    tokenInput: "repo-token",
    defaultsToGitHubToken: true,
    needs: () => [token(r("contents"), w("pull-requests"))],
    doc: "https://github.com/actions/labeler#example-workflow-permissions"
  },
  {
    // `contents: write` "only for delete-branch option" (its README).
    action: "actions/stale",
    tokenInput: "repo-token",
    defaultsToGitHubToken: true,
    needs: (inputs) => (inputs["delete-branch"] ?? "").trim() === "true" ? [token(w("actions"), w("contents"), w("issues"), w("pull-requests"))] : [token(w("actions"), w("issues"), w("pull-requests"))],
    doc: "https://github.com/actions/stale#recommended-permissions"
  },
  {
    action: "dependabot/fetch-metadata",
    tokenInput: "github-token",
    defaultsToGitHubToken: true,
    needs: () => [token(r("pull-requests"))],
    doc: "https://github.com/dependabot/fetch-metadata#usage-instructions"
  },
  {
    // It reads the Pages site (`octokit.rest.repos.getPages`, its src/api-client.js), which takes Pages read; with
    // `enablement` it creates the site, which its action.yml says the job's token cannot.
    action: "actions/configure-pages",
    tokenInput: "token",
    defaultsToGitHubToken: true,
    needs: () => [token(r("pages"))],
    doc: "https://docs.github.com/en/rest/pages/pages#get-a-apiname-pages-site"
  },
  // Actions that use no scope of the job's token on this repository: the artifact and cache actions use the
  // runner's own service token, the setup actions' `token` only pulls builds from their public version manifests
  // (actions/node-versions, actions/python-versions, actions/go-versions), and download-artifact's `github-token`
  // has no default; docker's setup actions and fjogeleit/http-request-action take no GitHub token, only what they
  // are given (each action's action.yml).
  ...[
    "actions/upload-artifact",
    "actions/download-artifact",
    "actions/cache",
    "actions/setup-node",
    "actions/setup-python",
    "actions/setup-go",
    "docker/setup-buildx-action",
    "docker/setup-qemu-action",
    "fjogeleit/http-request-action"
  ].map(
    (action) => ({
      action,
      defaultsToGitHubToken: false,
      needs: () => [],
      doc: `https://github.com/${action}/blob/HEAD/action.yml`
    })
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
  ...[
    ["actions-rust-lang/setup-rust-toolchain", "0267444136ce4919088f5eae0461f736f21356de"],
    ["dtolnay/rust-toolchain", "3c5f7ea28cd621ae0bf5283f0e981fb97b8a7af9"],
    ["Swatinem/rust-cache", "6323deb102c322ba6fcbdcafc7e3dddab59af2b6"],
    ["hashicorp/setup-terraform", "8620a60d7c841f00a53b5dd39f0027c2d042082f"],
    ["hashicorp/setup-packer", "7e22a1322f99184aed11b12e1a7d9862203ca31a"],
    ["pnpm/action-setup", "e303250a2450c28e843bf798954fac81d4835f68"],
    ["Azure/setup-kubectl", "de2a114b013ee70aabd127be91e2e512e3b19203"],
    ["ilammy/setup-nasm", "3a5c2907aab40613bec4a2c63f5d0ef0b11fbd9f"],
    ["actions/setup-dotnet", "5e931af6be0e018f807de246b52f546bfb8da48a"],
    ["aws-actions/amazon-ecr-login", "03f1aad4c6c7ffd436567f42f9384779290529bd"],
    ["aws-actions/amazon-ecs-render-task-definition", "138c24f321fdbdf7edee4a685519d253cae2cdea"],
    ["aws-actions/amazon-ecs-deploy-task-definition", "c465972ecbd160473f22e683363b422a5412a3de"],
    ["aws-actions/aws-cloudformation-github-deploy", "197fa4accdf542111c52b8ebf184e463cf84aa72"],
    ["aws-actions/aws-lambda-deploy", "5ab3fe6d51e547be2062de0b71197d24292f891c"],
    ["aws-actions/aws-secretsmanager-get-secrets", "33da984fe531194c1157993a528f0c28ecf9f946"],
    ["aws-actions/aws-codebuild-run-build", "d72652c68bc355a2a72acad63efd6bcd0a81fdf8"]
  ].map(
    ([repo, commit]) => ({
      action: repo.toLowerCase(),
      defaultsToGitHubToken: false,
      needs: () => [],
      doc: `https://github.com/${repo}/blob/${commit}/action.yml`
    })
  ),
  // Actions whose token input defaults to the job's token, used only to download public releases from github.com:
  // - taiki-e/install-action: `github.token` goes to cargo-binstall (with `fallback: cargo-binstall`, the default),
  //   which looks up the tools' public releases (its action.yml, main.sh).
  // - actions/setup-java `token`: the distributions' public manifests and releases (its src/util.ts
  //   getGitHubHttpHeaders, src/distributions/*/installer.ts).
  // - ruby/setup-ruby `token`: release assets of ruby/ruby-builder (its common.js download, ruby-builder.js).
  // - Azure/setup-helm `token`: deprecated, "GitHub token is no longer required"; its src does not read it.
  ...[
    ["taiki-e/install-action", void 0, "ba47c86ac325773530516bb756137ac718732518"],
    ["actions/setup-java", "token", "1dbac3c9e137b6d4d280bae1ae4e9902bb4ce1b9"],
    ["ruby/setup-ruby", "token", "0dafeac902942906541bc140009cdbf32665b601"],
    ["Azure/setup-helm", "token", "7a9c28ba04c99ae42726a8472c6eba25beab7bee"]
  ].map(
    ([repo, tokenInput, commit]) => ({
      action: repo.toLowerCase(),
      ...tokenInput ? { tokenInput } : {},
      defaultsToGitHubToken: true,
      needs: () => [],
      doc: `https://github.com/${repo}/blob/${commit}/action.yml`
    })
  ),
  {
    // `github-token` (default `github.token`) downloads uv from the public releases of astral-sh/uv
    // (src/download/download-version.ts, src/utils/constants.ts at 19b4d1e990bec64818914c40230bde93a0de300b); a
    // `manifest-file` may name other github.com URLs, which get the token too: what they need is not known.
    action: "astral-sh/setup-uv",
    tokenInput: "github-token",
    defaultsToGitHubToken: true,
    needs: (inputs) => has(inputs, "manifest-file") ? [{ unknown: "`manifest-file` names the downloads the job's token is sent to", of: "token" }] : [],
    doc: "https://github.com/astral-sh/setup-uv/blob/19b4d1e990bec64818914c40230bde93a0de300b/action.yml"
  },
  gradleRow("gradle/actions/setup-gradle", "disabled"),
  gradleRow("gradle/actions/dependency-submission", "generate-submit-and-upload"),
  {
    // Its `github-token` authenticates the build's fetch of the repository for the Git context, the default when
    // no `context` is given; a path context (`context: .`) fetches nothing (its src/context.ts).
    action: "docker/build-push-action",
    tokenInput: "github-token",
    defaultsToGitHubToken: true,
    needs: (inputs) => /^\s*$|^\s*(https?:\/\/|git@|\{\{\s*defaultContext\s*\}\})/.test(inputs.context ?? "") ? [{ ...token(r("contents")), metOnPublic: true }] : [],
    doc: "https://github.com/docker/build-push-action#git-context"
  },
  {
    // It reads the repository (`toolkit.github.repoData()`, its src/main.ts): `metadata: read`, which every token
    // has; the commit-date lookup it may make falls back quietly when refused.
    action: "docker/metadata-action",
    tokenInput: "github-token",
    defaultsToGitHubToken: true,
    needs: () => [],
    doc: "https://github.com/docker/metadata-action/blob/master/src/main.ts"
  },
  {
    // Logging in to ghcr.io with the job's token reads packages; pushing writes them (GHCR_DOC). The push is found
    // by `pushesImages` in ./needs.ts and raises this to `write`.
    action: "docker/login-action",
    tokenInput: "password",
    defaultsToGitHubToken: false,
    needs: (inputs) => /^ghcr\.io(\/|$)/i.test((inputs.registry ?? "").trim()) ? [token(r("packages"))] : [],
    doc: GHCR_DOC
  },
  {
    // The action requests GitHub's ID token only when it exchanges it for the role: its own rule, read in
    // src/workflows/credentials.ts (`requestsGitHubToken`), not with access keys, a token file or role chaining.
    action: "aws-actions/configure-aws-credentials",
    defaultsToGitHubToken: false,
    needs: (inputs) => {
      const request = requestsGitHubToken(inputs);
      if (request.kind === "unknown")
        return [
          { unknown: `whether it requests GitHub's OIDC token (\`id-token: write\`): ${request.reason}`, of: "job" }
        ];
      return request.kind === "yes" ? [job(w("id-token"))] : [];
    },
    doc: "https://github.com/aws-actions/configure-aws-credentials#oidc"
  }
];
var PREFLIGHT_ACTION = "permission-preflight/permission-preflight";
var PREFLIGHT_ROW = {
  action: PREFLIGHT_ACTION,
  tokenInput: "github-token",
  defaultsToGitHubToken: true,
  needs: (inputs) => {
    const value = (name) => (inputs[name] ?? "").trim().toLowerCase();
    const out = [];
    if (value("mode") === "explain" || value("workflows") === "true") out.push(token(r("actions")));
    if (value("baseline") === "artifact" && !has(inputs, "baseline-token")) out.push(job(r("actions")));
    return out;
  },
  doc: "https://github.com/permission-preflight/permission-preflight#permissions-for-each-mode"
};
function actionRow(uses) {
  const name = uses.split("@")[0]?.toLowerCase().replace(/\/+$/, "") ?? "";
  return name === PREFLIGHT_ACTION ? PREFLIGHT_ROW : ACTION_TABLE.find((row) => row.action === name);
}
var TOKEN_INPUT_NAMES = /^(github[-_]?token|token|repo[-_]?token|gh[-_]?token|password)$/i;

// src/workflows/github-token/gh-cli.ts
var REST_PERMISSIONS_URL = "https://docs.github.com/en/rest/authentication/permissions-required-for-github-apps";
var AUTOMERGE_DOC = "https://docs.github.com/en/code-security/dependabot/working-with-dependabot/automating-dependabot-with-github-actions#enabling-automerge-on-a-pull-request";
var w2 = (scope) => ({ scope, level: "write" });
var r2 = (scope) => ({ scope, level: "read" });
var all = (...needs) => ({ all: needs });
var issueOrPull = { anyOf: [w2("issues"), w2("pull-requests")] };
var GH_COMMANDS = {
  "release create": all(w2("contents")),
  "release upload": all(w2("contents")),
  "release edit": all(w2("contents")),
  "release delete": all(w2("contents")),
  "release view": all(r2("contents")),
  "release list": all(r2("contents")),
  "release download": all(r2("contents")),
  "pr create": all(w2("pull-requests")),
  "pr edit": all(w2("pull-requests")),
  "pr close": all(w2("pull-requests")),
  "pr review": all(w2("pull-requests")),
  "pr merge": all(w2("contents")),
  "pr comment": issueOrPull,
  "pr view": all(r2("pull-requests")),
  "pr list": all(r2("pull-requests")),
  "issue create": all(w2("issues")),
  "issue comment": issueOrPull,
  "issue edit": all(w2("issues")),
  "issue close": all(w2("issues")),
  "issue view": all(r2("issues")),
  "issue list": all(r2("issues")),
  "workflow run": all(w2("actions")),
  "run cancel": all(w2("actions")),
  "run rerun": all(w2("actions")),
  "run view": all(r2("actions")),
  "run list": all(r2("actions")),
  "run download": all(r2("actions"))
};
var ROUTES = [
  ["POST", "releases", all(w2("contents"))],
  ["POST", "releases/:x/assets", all(w2("contents"))],
  ["PATCH", "releases/:x", all(w2("contents"))],
  ["DELETE", "releases/:x", all(w2("contents"))],
  ["GET", "releases(/.*)?", all(r2("contents"))],
  ["PUT", "contents/.+", all(w2("contents"))],
  ["DELETE", "contents/.+", all(w2("contents"))],
  ["GET", "contents(/.*)?", all(r2("contents"))],
  ["POST", "git/(refs|tags|commits|trees|blobs)", all(w2("contents"))],
  ["PATCH", "git/refs/.+", all(w2("contents"))],
  ["DELETE", "git/refs/.+", all(w2("contents"))],
  ["POST", "dispatches", all(w2("contents"))],
  ["POST", "merges", all(w2("contents"))],
  ["PUT", "pulls/:x/merge", all(w2("contents"))],
  ["POST", "pulls", all(w2("pull-requests"))],
  ["PATCH", "pulls/:x", all(w2("pull-requests"))],
  ["POST", "pulls/:x/(reviews|comments|requested_reviewers)", all(w2("pull-requests"))],
  ["GET", "pulls(/.*)?", all(r2("pull-requests"))],
  ["POST", "issues", all(w2("issues"))],
  ["PATCH", "issues/:x", all(w2("issues"))],
  ["POST", "issues/:x/(comments|labels|assignees)", issueOrPull],
  ["PATCH", "issues/comments/:x", issueOrPull],
  ["GET", "issues(/.*)?", all(r2("issues"))],
  ["POST", "deployments", all(w2("deployments"))],
  ["POST", "deployments/:x/statuses", all(w2("deployments"))],
  ["GET", "deployments(/.*)?", all(r2("deployments"))],
  ["POST", "statuses/:x", all(w2("statuses"))],
  ["POST", "check-runs", all(w2("checks"))],
  ["PATCH", "check-runs/:x", all(w2("checks"))],
  ["POST", "actions/workflows/:x/dispatches", all(w2("actions"))],
  ["POST", "actions/runs/:x/(cancel|rerun|rerun-failed-jobs)", all(w2("actions"))],
  ["DELETE", "actions/(caches|artifacts|runs)(/.*)?", all(w2("actions"))],
  ["GET", "actions(/.*)?", all(r2("actions"))],
  ["POST", "pages/builds", all(w2("pages"))],
  ["POST", "pages/deployments", all(w2("pages"))],
  ["GET", "pages(/.*)?", all(r2("pages"))],
  ["POST", "code-scanning/sarifs", all(w2("security-events"))],
  ["GET", "code-scanning(/.*)?", all(r2("security-events"))],
  ["POST", "attestations", all(w2("attestations"))]
].map(([method, path, need]) => ({
  method,
  path: new RegExp(`^repos/[^/]+/[^/]+/${path.replace(/:x/g, "[^/]+")}/?$`),
  need
}));
function routeNeed(method, path) {
  const clean = path.replace(/^https?:\/\/[^/]+\//, "").replace(/^\/+/, "").replace(/\?.*$/, "").replace(/\{owner\}|:owner/g, "o").replace(/\{repo\}|:repo/g, "r");
  const m = method.toUpperCase();
  return ROUTES.find((route) => route.method === m && route.path.test(clean))?.need;
}
function apiCall(args) {
  let method;
  let fields = false;
  let path;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a === "-X" || a === "--method") method = args[++i];
    else if (a.startsWith("--method=")) method = a.slice("--method=".length);
    else if (/^-X[A-Z]+$/.test(a)) method = a.slice(2);
    else if (/^(-f|-F|--field|--raw-field|--input)$/.test(a)) {
      fields = true;
      i++;
    } else if (/^(-H|--header|--jq|-q|--template|-t|--hostname|--cache)$/.test(a)) i++;
    else if (!a.startsWith("-") && path === void 0) path = a;
  }
  return { method: method ?? (fields ? "POST" : "GET"), ...path !== void 0 ? { path } : {} };
}
function ghNeed(args) {
  const [group = "", verb = ""] = args;
  if (group === "api") {
    const { method, path } = apiCall(args.slice(1));
    const command2 = `gh api ${method} ${path ?? ""}`.trim();
    if (path === void 0 || path === "graphql") {
      return { kind: "unknown", command: command2, reason: "a GraphQL call or no path: the permission depends on the query" };
    }
    const need2 = routeNeed(method, path);
    if (need2) return { kind: "known", command: command2, need: need2, doc: REST_PERMISSIONS_URL };
    return { kind: "unknown", command: command2, reason: "a route not in the preflight's table of REST permissions" };
  }
  if (group === "pr" && verb === "merge" && args.includes("--auto")) {
    return {
      kind: "known",
      command: "gh pr merge --auto",
      need: all(w2("contents"), w2("pull-requests")),
      doc: AUTOMERGE_DOC
    };
  }
  const command = `gh ${group} ${verb}`.trim();
  const need = GH_COMMANDS[`${group} ${verb}`];
  if (need) return { kind: "known", command, need, doc: REST_PERMISSIONS_URL };
  if (group === "auth" || group === "help" || group === "--version") {
    return { kind: "known", command, need: { all: [] }, doc: REST_PERMISSIONS_URL };
  }
  return { kind: "unknown", command, reason: "a gh command not in the preflight's table" };
}
var GIT_PUSH = {
  kind: "known",
  command: "git push",
  need: all(w2("contents")),
  doc: "https://github.com/actions/checkout#push-a-commit-using-the-built-in-token"
};
var GH_IN_ARGUMENT = /(^|[\s;&|(`])gh(\s|$)/;
function scriptNeeds(script) {
  const out = [];
  const reading = readShell(script, /* @__PURE__ */ new Map(), DEFAULT_CALL_LIMITS);
  for (const command of reading.commands) {
    const program = programOf(command);
    if (!program) continue;
    const args = program.args.map((a) => a.value);
    if (program.name === "gh") out.push(ghNeed(args));
    else if (program.name === "git") {
      if (args.includes("push")) out.push(GIT_PUSH);
    } else if (program.name !== "echo" && program.name !== "printf" && args.some((a) => GH_IN_ARGUMENT.test(a))) {
      out.push({
        kind: "unknown",
        command: `gh (run by ${program.name})`,
        reason: `a gh command inside an argument of \`${program.name}\`, which the preflight does not read`
      });
    }
  }
  if (reading.truncated !== void 0 && /\bgh\b/.test(script)) {
    out.push({ kind: "unknown", command: "gh", reason: `a script read only in part (${reading.truncated})` });
  }
  return out;
}
var INERT = new Set(
  "echo printf cd pwd ls mkdir rmdir cat cp mv rm ln touch chmod chown true false test [ [[ export set unset shift exit return sleep grep egrep sed awk cut tr sort uniq head tail wc tee date basename dirname find xargs tar gzip gunzip zip unzip sha256sum shasum md5sum diff read local declare readonly for in case esac fi done then else elif while until if do jq yq env which whoami uname df du ps kill wait trap".split(" ")
);
function tokenReadingPrograms(script) {
  const reading = readShell(script, /* @__PURE__ */ new Map(), DEFAULT_CALL_LIMITS);
  const out = /* @__PURE__ */ new Set();
  for (const command of reading.commands) {
    const program = programOf(command);
    if (!program || INERT.has(program.name) || program.name === "gh" || program.name === "git") continue;
    if (/^[A-Za-z_][A-Za-z0-9_]*\+?=/.test(program.name)) continue;
    const first = program.args[0]?.value;
    out.add(first !== void 0 && !first.startsWith("-") ? `${program.name} ${first}` : program.name);
  }
  if (reading.truncated !== void 0) out.add(`the script's rest (${reading.truncated})`);
  return [...out];
}

// src/workflows/github-token/needs.ts
function stepPosition(step, file) {
  return { file: step.file ?? file, ...step.line !== void 0 ? { line: step.line } : {} };
}
var GITHUB_TOKEN_EXPR = /^\$\{\{\s*(github\.token|secrets\.github_token)\s*\}\}$/i;
var SECRET_EXPR = /^\$\{\{\s*secrets\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}$/;
var MENTIONS_GITHUB_TOKEN = /github\.token|secrets\.github_token|\bGITHUB_TOKEN\b|\bGH_TOKEN\b/i;
function tokenRefOf(value) {
  const v = value.trim();
  if (GITHUB_TOKEN_EXPR.test(v)) return { kind: "github-token" };
  const secret = SECRET_EXPR.exec(v);
  if (secret?.[1]) return { kind: "secret", name: secret[1] };
  return { kind: "other", expression: v.includes("${{") ? v : "a literal value" };
}
function scriptToken(step) {
  const value = step.env?.GH_TOKEN ?? step.env?.GITHUB_TOKEN;
  return value === void 0 ? void 0 : tokenRefOf(value);
}
var TOKEN_VARS = /^(GH_TOKEN|GITHUB_TOKEN)$/;
function envTokens(step, which) {
  const own = new Set(step.ownEnv ?? Object.keys(step.env ?? {}));
  return Object.entries(step.env ?? {}).filter(([name]) => which === "all" || own.has(name)).filter(([name, value]) => TOKEN_VARS.test(name) || GITHUB_TOKEN_EXPR.test(value.trim())).map(([name, value]) => [name, tokenRefOf(value)]);
}
function checkoutToken(step) {
  if (!step.uses || actionRow(step.uses)?.action !== "actions/checkout") return void 0;
  if ((step.with?.["persist-credentials"] ?? "true").trim() === "false") return void 0;
  const given = step.with?.token;
  return given === void 0 ? { kind: "github-token" } : tokenRefOf(given);
}
var actionName = (uses) => uses.split("@")[0] ?? uses;
function actionNeeds(step) {
  const row = step.preflight ? PREFLIGHT_ROW : actionRow(step.uses);
  const inputs = step.with ?? {};
  const what = actionName(step.uses);
  if (row) {
    const given = row.tokenInput ? inputs[row.tokenInput] : void 0;
    const token2 = given !== void 0 ? tokenRefOf(given) : row.defaultsToGitHubToken ? { kind: "github-token" } : void 0;
    const known = [];
    const unknown2 = [];
    for (const n of row.needs(inputs)) {
      const by = n.of === "job" ? { kind: "github-token" } : token2;
      if (!by) continue;
      if ("unknown" in n) unknown2.push({ step, what, token: by, reason: n.unknown });
      else
        known.push({
          step,
          what,
          token: by,
          need: n.need,
          of: n.of,
          doc: row.doc,
          ...n.metOnPublic ? { metOnPublic: true } : {}
        });
    }
    return { known, unknown: unknown2 };
  }
  if (what.toLowerCase() === "actions/github-script") {
    const token2 = inputs["github-token"] !== void 0 ? tokenRefOf(inputs["github-token"]) : { kind: "github-token" };
    return { known: [], unknown: [{ step, what, token: token2, reason: "a script: the calls it makes decide what it needs" }] };
  }
  const unknown = Object.entries(inputs).filter(([name, value]) => TOKEN_INPUT_NAMES.test(name) || MENTIONS_GITHUB_TOKEN.test(value)).map(([name, value]) => ({
    step,
    what,
    token: tokenRefOf(value),
    reason: `an action the preflight's table does not know, given a token as \`${name}\``
  }));
  for (const [name, value] of envTokens(step, "own")) {
    unknown.push({
      step,
      what,
      token: value,
      reason: `an action the preflight's table does not know, given a token in its \`env:\` as \`${name}\``
    });
  }
  if (unknown.length > 0 || what.startsWith("docker://")) return { known: [], unknown };
  return {
    known: [],
    unknown: [
      {
        step,
        what,
        token: { kind: "github-token" },
        reason: "an action the preflight's table does not know, which may use the job's token by default",
        implicit: true
      }
    ]
  };
}
function runNeeds(step, persisted) {
  const known = [];
  const unknown = [];
  const ghToken = scriptToken(step);
  for (const command of scriptNeeds(step.run)) {
    const token3 = command.command === "git push" ? persisted : ghToken;
    if (!token3) continue;
    if (command.kind === "known")
      known.push({ step, what: command.command, token: token3, need: command.need, of: "token", doc: command.doc });
    else unknown.push({ step, what: command.command, token: token3, reason: command.reason });
  }
  if (known.length > 0 || unknown.length > 0) return { known, unknown };
  if (MENTIONS_GITHUB_TOKEN.test(step.run.replace(/\bgh\b[^\n]*/g, ""))) {
    unknown.push({
      step,
      what: "a script",
      token: ghToken ?? { kind: "github-token" },
      reason: "a script that uses the token itself"
    });
    return { known, unknown };
  }
  const programs = tokenReadingPrograms(step.run);
  const handed = envTokens(step, "all");
  const own = envTokens(step, "own");
  const [name, token2] = own[0] ?? handed[0] ?? [];
  if (programs.length > 0 && name !== void 0 && token2 !== void 0) {
    const where = own.length > 0 ? "the step's `env:`" : "the job's or workflow's `env:`";
    unknown.push({
      step,
      what: programs.slice(0, 3).join(", "),
      token: token2,
      reason: `a program the preflight's tables do not know, given the token in ${where} as \`${name}\``,
      ...own.length > 0 ? {} : { implicit: true }
    });
  }
  return { known, unknown };
}
function pushesImages(step) {
  if (step.uses && actionName(step.uses).toLowerCase() === "docker/build-push-action") {
    return (step.with?.push ?? "").trim() === "true";
  }
  if (step.run === void 0) return false;
  return readShell(step.run, /* @__PURE__ */ new Map(), DEFAULT_CALL_LIMITS).commands.some((command) => {
    const program = programOf(command);
    return program !== void 0 && pushesImage(program);
  });
}
var OIDC_PERMISSION_DOC = "https://docs.github.com/en/actions/reference/security/oidc#adding-permissions-settings";
function idTokenNeed(step) {
  if (!step.requestsIdToken || step.uses && actionRow(step.uses)) return [];
  return [
    {
      step,
      what: step.uses ? actionName(step.uses) : "a script requesting the OIDC token",
      token: { kind: "github-token" },
      need: { all: [{ scope: "id-token", level: "write" }] },
      of: "job",
      doc: OIDC_PERMISSION_DOC
    }
  ];
}
function jobNeeds(steps) {
  const known = [];
  const unknown = [];
  let persisted;
  for (const step of steps) {
    known.push(...idTokenNeed(step));
    const out = step.uses ? actionNeeds({ ...step, uses: step.uses }) : step.run !== void 0 ? runNeeds({ ...step, run: step.run }, persisted) : { known: [], unknown: [] };
    known.push(...out.known);
    unknown.push(...out.unknown);
    persisted = checkoutToken(step) ?? persisted;
  }
  return { known: raiseRegistryLogins(known, steps.some(pushesImages)), unknown };
}
function raiseRegistryLogins(known, pushes) {
  if (!pushes) return known;
  return known.map(
    (k) => k.what.toLowerCase() === "docker/login-action" ? {
      ...k,
      what: "docker/login-action (then a push to ghcr.io)",
      need: { all: [{ scope: "packages", level: "write" }] },
      doc: GHCR_DOC
    } : k
  );
}
var KNOWN_ACTIONS = ACTION_TABLE.map((row) => row.action);
function secretsUsed(jobs) {
  const names = /* @__PURE__ */ new Set();
  const visit = (list, depth) => {
    for (const job2 of list) {
      for (const k of jobNeeds(job2.steps).known)
        if (k.token.kind === "secret" && k.of === "token") names.add(k.token.name);
      if (job2.calls && depth < 4) visit(job2.calls.jobs, depth + 1);
    }
  };
  visit(jobs, 1);
  return [...names].sort();
}

export {
  stepPosition,
  jobNeeds,
  secretsUsed
};
