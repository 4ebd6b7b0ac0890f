import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  renderCheckText
} from "./shared-commands-check-text.js";
import {
  refuseTokenAsPath
} from "./shared-commands-decode.js";
import "./shared-commands-decode-text.js";
import "./shared-commands-input.js";
import "./shared-tokens-claims.js";
import {
  PREDICT_FIX_OPTIONS
} from "./shared-model-fix-options.js";
import {
  createRedactor
} from "./shared-report-redact.js";
import {
  renderSummary
} from "./shared-report-summary.js";
import {
  buildReport
} from "./shared-report-model.js";
import "./shared-sources-token-input.js";
import {
  decodeToken
} from "./shared-jose-webapi-buffer_utils.js";
import "./shared-model-finding-classes.js";
import "./shared-text-inert.js";
import {
  SECRET_VALUE_KINDS,
  declarableSecretValue
} from "./shared-config-secret-values.js";
import "./shared-text-secret-shapes.js";
import {
  githubTokensHoldingTokens
} from "./shared-config-model.js";
import {
  VERSION
} from "./shared-package.js";
import "./shared-tokens-github.js";
import "./shared-iam-glob.js";
import "./shared-config-file-merge.js";
import "./shared-config-aws.js";
import {
  InputFileError
} from "./shared-sources-files.js";
import "./shared-sources-http.js";
import "./shared-config-credential-variables.js";
import {
  parseVariables
} from "./shared-model-variables.js";
import "./shared-config-permissions.js";
import "./shared-tokens-duration.js";
import "./shared-model-aws.js";
import "./shared-text-secrets.js";
import "./shared-text-json-depth.js";
import "./shared-runtime-efb0f0b2.js";

// src/commands/predict.ts
import { parseArgs } from "node:util";
var USAGE = `Usage: permission-preflight predict --repository OWNER/NAME --policy-files PATH [options]

Reads the repository's .github/workflows, predicts the OIDC token GitHub would issue each deploy job for each of
its triggers (sub in every form, aud, ref, environment, workflow refs), and checks it against the trust policy of
every role the job assumes, read from the policy files. A push filter such as branches: ['release/*'] is a set of
refs: the trust must admit every one of them, and a ref it refuses is named. What GitHub does not document is
reported as unknown, never guessed. See docs/predict.md.

Options:
  --root DIR                  The repository's root (default: the current folder).
  --repository OWNER/NAME     The repository (default: GITHUB_REPOSITORY).
  --default-branch NAME       Its default branch: the ref of schedule and pull_request_target runs.
  --policy-files PATH         Policy files or folders with the roles (docs/policy-folder.md). Repeatable.
  --subject-template T        "default", or the include_claim_keys in order, comma-separated
                              (e.g. repo,context,job_workflow_ref). Without it, and without --read-template,
                              GitHub's default is assumed and every pass is reported unverified.
  --read-template             Read the template, and the owner's and repository's IDs, through GitHub's REST
                              API with the token in GITHUB_TOKEN (GITHUB_API_URL for GitHub Enterprise).
  --subject-form FORM         names, or immutable (repo:OWNER@ID/NAME@ID); without it both are predicted.
  --owner-id ID, --repo-id ID The IDs the immutable form names.
  --issuer URL                The tokens' issuer (default https://token.actions.githubusercontent.com).
  --allow-outside-workspace   Policy files may lie outside the root.
  --token-file PATH           A run's own GitHub OIDC token (saved by the job): its claims are compared with the
                              prediction for that run (the honesty check). Never printed.
  --job ID                    The job the token is from (default: GITHUB_JOB); GITHUB_WORKFLOW_REF names the
                              workflow when the token has no workflow_ref.
  --config FILE               The configuration file whose \`github:\` section (default-token-permissions,
                              repository-visibility, job-token-needs) the GitHub token check reads (default
                              .github/preflight.yml under the root, when it exists); the flags below override it.
  --default-token-permissions LEVEL
                              read or write: the repository's default GITHUB_TOKEN permissions, for jobs that
                              state no permissions: (unknown otherwise, and the scopes it decides fail closed).
  --repository-visibility V  public, private or internal: actions/checkout fetches a public repository without the
                              token's contents scope (unverified when not given).
  --github-tokens LIST        Secrets the steps take GitHub tokens from, SECRET or SECRET=VARIABLE, comma-separated:
                              each variable's token is inspected with one read-only call (GITHUB_API_URL).
  --vars FILE                 The repository's configuration variables (vars.*): what
                              \`gh variable list --json name,value\` prints (every one, the organization's it
                              shares included), or a JSON object of names and values (some of them).
  --environment-vars ENV=FILE An environment's own variables, in the same forms
                              (\`gh variable list --env ENV --json name,value\`). Repeatable. A job in an
                              environment not given reads no variable as known: the environment may set its own.
  --read-variables            Read the variables (the repository's, the organization's it shares, and each deploy
                              environment's) through GitHub's REST API with the token in GITHUB_TOKEN, which needs
                              read access to variables.
  --read-remote               Read the reusable workflows of other repositories that jobs call
                              (OWNER/REPO/.github/workflows/x.yml@REF) through GitHub's REST API with the token in
                              GITHUB_TOKEN, and check their jobs too. Without it they are not read.
  --secret-arn [ENV:]NAME=VALUE
                              What a secret the workflows read holds, where it is not secret in itself: a role ARN
                              (role-to-assume: \${{ secrets.NAME }}), a 12-digit account ID or a role name, with
                              its path if it has one (arn:aws:iam::\${{ secrets.ACCOUNT }}:role/\${{ secrets.NAME }}).
                              With ENV:, the environment's own secret, which a job in ENV reads over the
                              repository's. Repeatable.
  --organizations none        The roles' accounts are in no organization: no SCP or RCP applies (as the action's
                              input of that name). Without it, SCPs and RCPs in no policy file are not read, and a
                              call they could deny is unverified.
  --no-resource-policy ARN    A resource of the role's own account with no resource-based policy (a bucket
                              without a bucket policy, taken as the role account's; * and ? wildcards; * alone
                              for every resource). Repeatable.
  --format FORMAT             text (default), markdown, or json (the report, schema/report.v1.schema.json).

Exit codes: 0 every prediction is admitted; 1 a job would be denied, or something could not be verified; 2 bad usage,
or no workflow under the root (.github/workflows/*.yml).

Examples:
  permission-preflight predict --repository acme/api --default-branch main --policy-files policies/ \\
      --subject-template default --subject-form names
  GITHUB_TOKEN=... permission-preflight predict --repository acme/api --policy-files policies/ --read-template
`;
var OPTIONS = {
  root: { type: "string" },
  config: { type: "string" },
  repository: { type: "string" },
  "default-branch": { type: "string" },
  "policy-files": { type: "string", multiple: true },
  "subject-template": { type: "string" },
  "read-template": { type: "boolean" },
  "subject-form": { type: "string" },
  "owner-id": { type: "string" },
  "repo-id": { type: "string" },
  issuer: { type: "string" },
  "allow-outside-workspace": { type: "boolean" },
  format: { type: "string" },
  "token-file": { type: "string" },
  job: { type: "string" },
  "default-token-permissions": { type: "string" },
  "repository-visibility": { type: "string" },
  "github-tokens": { type: "string" },
  vars: { type: "string" },
  "environment-vars": { type: "string", multiple: true },
  "read-variables": { type: "boolean" },
  "read-remote": { type: "boolean" },
  "secret-arn": { type: "string", multiple: true },
  organizations: { type: "string" },
  "no-resource-policy": { type: "string", multiple: true }
};
function githubConfigOf(values) {
  const level = values["default-token-permissions"];
  if (level !== void 0 && level !== "read" && level !== "write") {
    throw new InputFileError(`--default-token-permissions must be read or write, got "${level}"`);
  }
  const visibility = values["repository-visibility"];
  if (visibility !== void 0 && visibility !== "public" && visibility !== "private" && visibility !== "internal") {
    throw new InputFileError(`--repository-visibility must be public, private or internal, got "${visibility}"`);
  }
  const [holdsToken] = githubTokensHoldingTokens(values["github-tokens"] ?? "");
  if (holdsToken !== void 0) throw new InputFileError(`--github-tokens: ${holdsToken}`);
  return {
    ...level ? { defaultTokenPermissions: level } : {},
    ...visibility ? { repositoryVisibility: visibility } : {},
    ...values["github-tokens"] ? { tokensInput: values["github-tokens"] } : {}
  };
}
async function fileGitHubConfig(values, io, root) {
  const { loadPreflightConfig } = await import("./pipeline-load-config.js");
  const given = values.config;
  const loaded = await loadPreflightConfig(
    given !== void 0 ? { configPath: given, env: {}, cwd: io.cwd } : { env: {}, cwd: root }
  );
  if (!loaded.ok) {
    const { formatConfigErrors } = await import("./commands-check-config.js");
    throw new InputFileError(`invalid configuration:
${formatConfigErrors(loaded.errors)}`);
  }
  return loaded.config.github ?? {};
}
function templateOf(text) {
  if (text === "default") return { keys: "default", source: "--subject-template" };
  const keys = text.split(",").map((k) => k.trim());
  if (keys.some((k) => !/^[A-Za-z0-9_]{1,64}$/.test(k))) {
    throw new InputFileError(`--subject-template must be "default" or claim names separated by commas, got "${text}"`);
  }
  return { keys, source: "--subject-template" };
}
async function repositoryOf(values, io) {
  const full = values.repository ?? io.env.GITHUB_REPOSITORY ?? "";
  const m = /^([A-Za-z0-9][A-Za-z0-9-]{0,38})\/([A-Za-z0-9._-]{1,100})$/.exec(full);
  if (!m) throw new InputFileError(`--repository must be OWNER/NAME, got "${full}"`);
  const form = values["subject-form"];
  if (form !== void 0 && form !== "names" && form !== "immutable") {
    throw new InputFileError(`--subject-form must be names or immutable, got "${form}"`);
  }
  for (const id of ["owner-id", "repo-id"]) {
    const v = values[id];
    if (v !== void 0 && !/^[1-9][0-9]{0,19}$/.test(v))
      throw new InputFileError(`--${id} must be a number, got "${v}"`);
  }
  const owner = m[1];
  const name = m[2];
  const template = values["subject-template"] ? templateOf(values["subject-template"]) : await readTemplate(values, io, owner, name);
  const ids = values["owner-id"] && values["repo-id"] ? void 0 : await readIds(values, io, owner, name);
  const ownerId = values["owner-id"] ?? ids?.ownerId;
  const repoId = values["repo-id"] ?? ids?.repoId;
  return {
    owner,
    name,
    ...values["default-branch"] ? { defaultBranch: values["default-branch"] } : {},
    ...ownerId ? { ownerId } : {},
    ...repoId ? { repoId } : {},
    ...form ? { immutableSubject: form === "immutable" } : {},
    ...template ? { subjectTemplate: template } : {}
  };
}
async function readTemplate(values, io, owner, repo) {
  if (!values["read-template"]) return void 0;
  const token = io.env.GITHUB_TOKEN;
  if (!token) throw new InputFileError("--read-template needs a token in GITHUB_TOKEN");
  const { readSubjectTemplate } = await import("./sources-github-oidc-template.js");
  const apiUrl = io.env.GITHUB_API_URL;
  const read = await readSubjectTemplate({ owner, repo, token, ...apiUrl ? { apiUrl } : {} });
  if (read.kind === "read") return read.template;
  io.stderr(`permission-preflight predict: the subject template was not read: ${read.reason}
`);
  return void 0;
}
async function listingOf(io, flag, file) {
  const { readText } = await import("./sources-files.js");
  const { resolve } = await import("node:path");
  const parsed = parseVariables(await readText(resolve(io.cwd, file)), file, false);
  if (!parsed.ok) throw new InputFileError(`${flag} ${file}: ${parsed.error}`);
  return parsed.listing;
}
async function variablesOf(values, io) {
  const environments = {};
  for (const given of values["environment-vars"] ?? []) {
    const at = given.indexOf("=");
    if (at <= 0 || at === given.length - 1)
      throw new InputFileError(`--environment-vars must be ENV=FILE, got "${given}"`);
    environments[given.slice(0, at)] = await listingOf(io, "--environment-vars", given.slice(at + 1));
  }
  return {
    ...values.vars ? { repository: await listingOf(io, "--vars", values.vars) } : {},
    ...Object.keys(environments).length > 0 ? { environments } : {}
  };
}
async function apiReadsOf(values, io, repository) {
  const asked = ["read-variables", "read-remote"].filter((flag) => values[flag]);
  if (asked.length === 0) return {};
  const token = io.env.GITHUB_TOKEN;
  if (!token) throw new InputFileError(`--${asked[0]} needs a token in GITHUB_TOKEN`);
  const { apiReaders } = await import("./pipeline-workflows.js");
  const apiUrl = io.env.GITHUB_API_URL;
  const readers = apiReaders({ owner: repository.owner, repo: repository.name, token, ...apiUrl ? { apiUrl } : {} });
  return {
    ...values["read-variables"] ? { readVariables: readers.readVariables } : {},
    ...values["read-remote"] ? { readRemote: readers.readRemote } : {}
  };
}
var SECRET_ARN = /^(?:([^:=]+):)?([A-Za-z_][A-Za-z0-9_]*)=(.+)$/s;
function secretsOf(values) {
  const given = values["secret-arn"] ?? [];
  if (given.length === 0) return void 0;
  const repository = {};
  const environments = {};
  for (const item of given) {
    const m = SECRET_ARN.exec(item);
    if (!m || !declarableSecretValue(m[3] ?? ""))
      throw new InputFileError(
        `--secret-arn must be [ENV:]NAME=VALUE with ${SECRET_VALUE_KINDS} as the value (never a credential), got "${item.replace(/=.*/s, "=\u2026")}"`
      );
    const [, environment, name = "", value = ""] = m;
    if (environment === void 0) repository[name] = value;
    else environments[environment] = { ...environments[environment], [name]: value };
  }
  const listing = (v) => ({
    values: v,
    complete: false,
    source: "--secret-arn"
  });
  return {
    repository: listing(repository),
    environments: Object.fromEntries(Object.entries(environments).map(([k, v]) => [k, listing(v)]))
  };
}
function secretsOption(values) {
  const secrets = secretsOf(values);
  return secrets ? { secrets } : {};
}
async function runOf(values, io, redactor) {
  const file = values["token-file"];
  if (file === void 0) return void 0;
  refuseTokenAsPath("--token-file", file);
  const { readToken } = await import("./sources-token-input.js");
  const { resolve } = await import("node:path");
  const read = await readToken({ kind: "file", path: resolve(io.cwd, file) }, io.env);
  if (!read.ok) throw new InputFileError(`--token-file: ${read.reason.replace(resolve(io.cwd, file), file)}`);
  redactor.add(read.token);
  const decoded = decodeToken(read.token);
  if (decoded.kind !== "jwt") throw new InputFileError("--token-file: the file does not hold a JWT");
  const jobId = values.job ?? io.env.GITHUB_JOB;
  if (!jobId) throw new InputFileError("--token-file needs the job the token is from: --job ID (or GITHUB_JOB)");
  const workflowRef = io.env.GITHUB_WORKFLOW_REF;
  return { claims: decoded.claims, runner: { jobId, ...workflowRef ? { workflowRef } : {} } };
}
async function declaredAbsentOf(values) {
  const { readDeclaredInputs } = await import("./config-file-merge.js");
  const errors = [];
  const given = {
    organizations: values.organizations ?? "",
    "no-resource-policy": (values["no-resource-policy"] ?? []).join("\n")
  };
  const declared = readDeclaredInputs((name) => given[name] ?? "", errors);
  const [first] = errors;
  if (first) throw new InputFileError(`--${first.where.replace(/^input /, "")} ${first.message}`);
  return Object.keys(declared).length > 0 ? { declaredAbsent: declared } : {};
}
function textReport(text, repo) {
  const rest = text.slice(text.indexOf("\n") + 1);
  return `permission-preflight predict (${repo.owner}/${repo.name})
${rest}`;
}
async function readIds(values, io, owner, repo) {
  const token = io.env.GITHUB_TOKEN;
  if (!values["read-template"] || !token) return void 0;
  const { readRepositoryIds } = await import("./sources-github-oidc-template.js");
  const apiUrl = io.env.GITHUB_API_URL;
  return readRepositoryIds({ owner, repo, token, ...apiUrl ? { apiUrl } : {} });
}
async function run(args, io) {
  const { values } = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: false });
  const format = values.format ?? "text";
  if (format !== "text" && format !== "json" && format !== "markdown") {
    throw new InputFileError(`--format must be text, markdown or json, got "${format}"`);
  }
  const redactor = createRedactor();
  if (io.env.GITHUB_TOKEN) redactor.add(io.env.GITHUB_TOKEN);
  const repository = await repositoryOf(values, io);
  const ownRun = await runOf(values, io, redactor);
  const { predictWorkflows } = await import("./pipeline-workflows.js");
  const { loadCatalog } = await import("./sources-catalog.js");
  const path = await import("node:path");
  const root = path.resolve(io.cwd, values.root ?? ".");
  const noWorkflows = await (await import("./sources-workflows.js")).whyNoWorkflows(root);
  if (noWorkflows) {
    const given = values.root === void 0 ? "" : `--root ${values.root}: `;
    const where = values.root === void 0 ? " (run it at the repository root, or give --root DIR)" : "";
    throw new InputFileError(`${given}${noWorkflows}: predict reads the deploy jobs from the workflows there${where}`);
  }
  const mask = (secret) => redactor.add(secret);
  const now = () => Math.floor(Date.now() / 1e3);
  const outside = values["allow-outside-workspace"] === true;
  const result = await predictWorkflows({
    root,
    repository,
    policyFiles: values["policy-files"] ?? [],
    loadCatalog,
    deploy: {
      deps: {
        env: io.env,
        mask,
        now,
        loadCatalog,
        cwd: root,
        ...outside ? { allowOutsideWorkspace: true } : {},
        // A fix names predict's own options: its flags, no live reads and no permission lines (predict has neither).
        options: PREDICT_FIX_OPTIONS
      },
      ...await declaredAbsentOf(values)
    },
    github: {
      config: { ...await fileGitHubConfig(values, io, root), ...githubConfigOf(values) },
      env: io.env,
      mask,
      now
    },
    ...values.issuer ? { issuer: values.issuer } : {},
    ...values["allow-outside-workspace"] ? { allowOutsideWorkspace: true } : {},
    ...ownRun ? { run: ownRun } : {},
    variables: [await variablesOf(values, io)],
    ...secretsOption(values),
    ...await apiReadsOf(values, io, repository)
  });
  for (const note of result.notes) io.stderr(`permission-preflight predict: ${note}
`);
  const report = buildReport({ findings: result.findings, mode: "enforce", version: VERSION, now: /* @__PURE__ */ new Date() });
  const text = format === "json" ? `${JSON.stringify(report, null, 2)}
` : format === "markdown" ? renderSummary(report) : textReport(
    renderCheckText(report, { color: io.stdoutIsTTY && !io.env.NO_COLOR, config: "predict" }),
    repository
  );
  io.stdout(redactor.redact(text));
  return report.result === "pass" ? 0 : 1;
}
var predictCommand = { usage: USAGE, run };
export {
  predictCommand
};
