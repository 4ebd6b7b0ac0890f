import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  SCOPES,
  SCOPE_NAMES,
  capToScope,
  covers,
  isScope,
  levelsOf,
  lowerOf,
  requestsGitHubToken,
  suggestScope
} from "./shared-workflows-github-token-scopes.js";

// src/workflows/github-token/effective.ts
var REUSABLE_URL = "https://docs.github.com/en/actions/reference/reusable-workflows-reference";
var DEPENDABOT_READ_ONLY_EVENTS = /* @__PURE__ */ new Set([
  "pull_request",
  "pull_request_review",
  "pull_request_review_comment",
  "push",
  "create",
  "deployment",
  "deployment_status"
]);
function runContextOf(facts, actor) {
  if (!facts.eventName) return void 0;
  return {
    event: facts.eventName,
    fromFork: facts.isForkPullRequest === true,
    ...actor === "dependabot[bot]" ? { dependabot: true } : {}
  };
}
function asLevel(text) {
  return text === "read" || text === "write" || text === "none" ? text : void 0;
}
var exactly = (level) => ({ least: level, most: level });
function allAt(level) {
  return Object.fromEntries(SCOPE_NAMES.map((s) => [s, exactly(capToScope(s, level))]));
}
function grantOfBlock(value) {
  if (value.kind === "shorthand") {
    if (value.value === "read-all") return allAt("read");
    if (value.value === "write-all") return allAt("write");
    return allAt("none");
  }
  const scopes = allAt("none");
  for (const entry of value.entries) {
    const level = asLevel(entry.level);
    if (isScope(entry.scope) && level && levelsOf(entry.scope).includes(level)) scopes[entry.scope] = exactly(level);
  }
  return scopes;
}
function grantOfDefault(defaults) {
  const entries = SCOPE_NAMES.map((scope) => {
    const { permissive, restricted } = SCOPES[scope];
    if (defaults === "permissive") return [scope, exactly(permissive)];
    if (defaults === "restricted") return [scope, exactly(restricted)];
    return [
      scope,
      { least: lowerOf(permissive, restricted), most: permissive === restricted ? restricted : permissive }
    ];
  });
  return Object.fromEntries(entries);
}
function capEach(scopes, cap) {
  const out = { ...scopes };
  for (const scope of SCOPE_NAMES) {
    const c = cap(scope);
    out[scope] = { least: lowerOf(scopes[scope].least, c.least), most: lowerOf(scopes[scope].most, c.most) };
  }
  return out;
}
function isForkCapped(run) {
  if (!run || run.event === "pull_request_target") return false;
  return run.event.startsWith("pull_request") && run.fromFork;
}
function dependabotReadOnly(run) {
  return run?.dependabot === true && DEPENDABOT_READ_ONLY_EVENTS.has(run.event);
}
function effectivePermissions(input) {
  const block = input.job ?? input.workflow;
  let source;
  let scopes;
  if (block) {
    source = { kind: "block", block };
    scopes = grantOfBlock(block.value);
  } else if (input.caller) {
    source = { kind: "caller", caller: input.caller.name };
    scopes = { ...input.caller.permissions.granted };
  } else {
    source = { kind: "default", defaults: input.defaults };
    scopes = grantOfDefault(input.defaults);
  }
  const dependabotDefault = source.kind === "default" && dependabotReadOnly(input.run);
  if (dependabotDefault) scopes = capEach(scopes, (s) => exactly(SCOPES[s].forkMax));
  const caller = input.caller;
  const asked = scopes;
  const exceedsCaller = caller ? SCOPE_NAMES.filter((s) => !covers(caller.permissions.granted[s].most, asked[s].least)) : [];
  if (caller) scopes = capEach(scopes, (s) => caller.permissions.granted[s]);
  const granted = scopes;
  const forkCapped = isForkCapped(input.run);
  if (forkCapped) scopes = capEach(scopes, (s) => exactly(SCOPES[s].forkMax));
  return {
    scopes,
    granted,
    source,
    forkCapped,
    exceedsCaller,
    ...caller ? { cappedByCaller: caller.name, asked } : {},
    ...dependabotDefault ? { dependabotDefault } : {}
  };
}
function validatePermissions(block) {
  const at = { file: block.file, ...block.line !== void 0 ? { line: block.line } : {} };
  if (block.value.kind === "shorthand") {
    const v = block.value.value;
    if (v === "read-all" || v === "write-all") return [];
    return [
      { ...at, written: v, message: `\`permissions: ${v}\` is neither \`read-all\`, \`write-all\` nor a mapping` }
    ];
  }
  const problems = [];
  for (const entry of block.value.entries) {
    const line = entry.line ?? block.line;
    const where = { file: block.file, ...line !== void 0 ? { line } : {} };
    if (!isScope(entry.scope)) {
      const suggestion = suggestScope(entry.scope);
      problems.push({
        ...where,
        written: entry.scope,
        message: `\`${entry.scope}\` is not a permission GitHub defines`,
        ...suggestion ? { suggestion } : {}
      });
      continue;
    }
    const allowed = levelsOf(entry.scope);
    const level = asLevel(entry.level);
    if (!level || !allowed.includes(level)) {
      problems.push({
        ...where,
        written: `${entry.scope}: ${entry.level}`,
        message: `\`${entry.scope}\` takes ${allowed.map((l) => `\`${l}\``).join(" or ")}, not \`${entry.level}\``
      });
    }
  }
  return problems;
}

// src/workflows/where.ts
function stepWhere(at, via = []) {
  const line = at.line === void 0 ? "" : ` line ${at.line}`;
  const chain = [...via].reverse().map((v) => `, in \`${v.uses}\` used at ${v.position.file} line ${v.position.line}`);
  return `${at.file}${line}${chain.join("")}`;
}

// src/workflows/github-token/actions-table.ts
var w = (scope) => ({ scope, level: "write" });
var r = (scope) => ({ scope, level: "read" });
var token = (...all) => ({ need: { all }, of: "token" });
var job = (...all) => ({ need: { all }, of: "job" });
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
function actionKey(uses) {
  return uses.split("@")[0]?.toLowerCase().replace(/\/+$/, "") ?? "";
}
function actionRow(uses) {
  const name = actionKey(uses);
  return name === PREFLIGHT_ACTION ? PREFLIGHT_ROW : ACTION_TABLE.find((row) => row.action === name);
}
var TOKEN_INPUT_NAMES = /^(github[-_]?token|token|repo[-_]?token|gh[-_]?token|password)$/i;

export {
  REUSABLE_URL,
  runContextOf,
  grantOfBlock,
  effectivePermissions,
  validatePermissions,
  GHCR_DOC,
  ACTION_TABLE,
  PREFLIGHT_ROW,
  actionKey,
  actionRow,
  TOKEN_INPUT_NAMES,
  stepWhere
};
