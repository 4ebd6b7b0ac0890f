import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  looksLikeToken,
  refuseTokenAsPath
} from "./shared-commands-decode.js";
import "./shared-commands-decode-text.js";
import "./shared-commands-input.js";
import "./shared-tokens-claims.js";
import "./shared-report-redact.js";
import "./shared-sources-token-input.js";
import {
  DEFAULT_CONFIG_PATH
} from "./shared-package.js";
import "./shared-tokens-github.js";
import "./shared-iam-glob.js";
import {
  InputFileError
} from "./shared-sources-files.js";
import "./shared-sources-http.js";
import "./shared-tokens-duration.js";
import "./shared-text-secrets.js";
import "./shared-text-json-depth.js";
import "./shared-runtime-efb0f0b2.js";

// src/commands/check.ts
import { parseArgs } from "node:util";
var USAGE = `Usage: permission-preflight check [--config FILE] [--format text|json|markdown] [--mode enforce|report]
                                  [--environment NAME] [--oidc-token-file FILE] [--oidc-jwks-url URL]
                                  [--allow-outside-workspace] [--baseline FILE|off]

Runs the same preflight as the action, outside GitHub Actions: the tokens the deploy will use, the AWS role's trust
and session, and every permission the deploy needs, each explained by the layer that would refuse it. What is
checked comes from the configuration file; nothing is sent to AWS unless the file enables live-reads, probe or
cross-check (then the default AWS credential chain is used). No token is ever printed.

Options:
  --config FILE          The configuration file (default .github/preflight.yml). Relative paths inside it (policy
                         files, token files) are read from the current directory, as the action reads them from
                         the workspace: run the command from the repository root.
  --format FORMAT        text (default): a report for a terminal (in colour on a terminal, unless NO_COLOR is set).
                         json: the JSON report, version 1 (schema/report.v1.schema.json).
                         markdown: the job summary the action writes.
  --mode MODE            enforce (default, or as the file says): exit 1 when a check fails or cannot be verified.
                         report: the same report, exit 0 whatever it finds.
  --environment NAME     The GitHub environment the deploy job runs in, which chooses the permissions a role
                         adds for it (a role's environments in the file). GitHub's OIDC token says it too, and
                         wins: a different NAME is reported as environment-mismatch.
  --oidc-token-file FILE A saved GitHub OIDC token, checked in place of the one the Actions token endpoint would
                         issue (the file is read, never printed). Without it, outside Actions no such token exists
                         and its checks (and the role trust, which depends on it) fail closed as unverified; inside
                         an Actions job with "permissions: id-token: write" the endpoint is asked, as the action does.
  --oidc-jwks-url URL    Verify GitHub's OIDC token with the keys at URL instead of the issuer's discovery
                         (overrides github-oidc.jwks-url, as the action's oidc-jwks-url input does).
  --allow-outside-workspace
                         Let the configuration file and its policy files (and the links in a policy folder) lead
                         outside the current directory, which is otherwise refused (the action's input of the
                         same name).
  --baseline FILE|off    Compare a failing run with the record of the last passing one in FILE, and record a passing
                         run there (docs/baseline.md); overrides the file's baseline setting. off: neither.

Environment: the variables that tokens' from-env names; AWS_PROFILE, AWS_REGION and the other AWS SDK variables
for the live modes; AWS_ENDPOINT_URL_IAM and AWS_ENDPOINT_URL_STS to point them elsewhere; NO_COLOR.

Exit codes: 0 every check passed (or --mode report); 1 a check failed or could not be verified; 2 bad usage or an
invalid configuration (each error with its file:line:column).

Examples:
  permission-preflight check
  permission-preflight check --config .github/preflight.yml --format markdown > preflight.md
  permission-preflight check --environment staging --mode report --format json | jq '.findings[] | select(.status != "pass")'
  permission-preflight check --oidc-token-file ~/saved/github-oidc.jwt
  cd examples/site && permission-preflight check --oidc-token-file token.jwt --oidc-jwks-url http://127.0.0.1:8080/jwks.json
  npm run demo    (the embedded example, offline: a token minted for a demo issuer and one real denial)
`;
function readCheckFlags(args) {
  const { values, positionals } = parseArgs({
    args,
    options: {
      config: { type: "string" },
      format: { type: "string" },
      mode: { type: "string" },
      environment: { type: "string" },
      "oidc-token-file": { type: "string" },
      "oidc-jwks-url": { type: "string" },
      "allow-outside-workspace": { type: "boolean" },
      baseline: { type: "string" }
    },
    strict: true,
    allowPositionals: true
  });
  if (positionals.some(looksLikeToken)) {
    throw new InputFileError(
      "refusing an argument that looks like a token: a token is never read from the command line (it would sit in the process list and shell history; treat it as exposed). Save it to a file and give --oidc-token-file FILE."
    );
  }
  if (positionals.length > 0) throw new InputFileError(`check takes no arguments, got "${positionals[0]}"`);
  const format = values.format ?? "text";
  if (format !== "text" && format !== "json" && format !== "markdown") {
    throw new InputFileError(`--format must be text, json or markdown, got "${format}"`);
  }
  const mode = values.mode;
  if (mode !== void 0 && mode !== "enforce" && mode !== "report") {
    throw new InputFileError(`--mode must be enforce or report, got "${mode}"`);
  }
  const environment = values.environment;
  if (environment !== void 0 && environment.trim() === "") throw new InputFileError("--environment is empty");
  const tokenFile = values["oidc-token-file"];
  refuseTokenAsPath("--oidc-token-file", tokenFile);
  const jwksUrl = values["oidc-jwks-url"];
  if (jwksUrl !== void 0 && !/^https?:\/\/\S+$/.test(jwksUrl)) {
    throw new InputFileError(`--oidc-jwks-url must be an https URL, got "${jwksUrl}"`);
  }
  if (values.config === "") throw new InputFileError("--config is empty");
  if (values.baseline?.trim() === "" || values.baseline === "artifact") {
    throw new InputFileError("--baseline takes a file or off (an artifact exists only inside a workflow run)");
  }
  return {
    config: values.config ?? DEFAULT_CONFIG_PATH,
    configGiven: values.config !== void 0,
    format,
    ...mode ? { mode } : {},
    ...environment ? { environment: environment.trim() } : {},
    ...tokenFile !== void 0 ? { oidcTokenFile: tokenFile } : {},
    ...jwksUrl ? { oidcJwksUrl: jwksUrl } : {},
    ...values["allow-outside-workspace"] ? { allowOutsideWorkspace: true } : {},
    ...values.baseline ? { baseline: values.baseline } : {}
  };
}
async function run(args, io) {
  const flags = readCheckFlags(args);
  const { runCheck } = await import("./commands-check-run.js");
  return runCheck(flags, {
    env: io.env,
    cwd: io.cwd,
    stdout: io.stdout,
    stderr: io.stderr,
    color: io.stdoutIsTTY && !io.env.NO_COLOR
  });
}
var checkCommand = { usage: USAGE, run };
export {
  checkCommand,
  readCheckFlags
};
