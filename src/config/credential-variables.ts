/**
 * The one rule for a setting that names an environment variable (`from-env`, an introspection's `client-id-env` and
 * `client-secret-env`; every `-env` key of schema/preflight.schema.json): it may not name a variable that carries a
 * credential the runner, GitHub or an earlier step put in the job's environment. The preflight reads such a variable
 * only to send it (to an introspection endpoint) or to check it as a bearer token, which none of them is; a
 * configuration that could name one could hand the job's own credentials to an endpoint it chooses.
 *
 * The variables, each from its documentation:
 * - the runner's own, `ACTIONS_*` and `RUNNER_*` (`ACTIONS_ID_TOKEN_REQUEST_TOKEN`, `ACTIONS_RUNTIME_TOKEN`), and
 *   GitHub's, `GITHUB_*` (`GITHUB_TOKEN` as workflows pass it; GitHub reserves the prefix:
 *   https://docs.github.com/en/actions/reference/workflows-and-actions/variables#default-environment-variables);
 * - the GitHub CLI's tokens `GH_TOKEN`, `GH_ENTERPRISE_TOKEN` (https://cli.github.com/manual/gh_help_environment);
 * - AWS's, `AWS_*`: configure-aws-credentials exports `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and
 *   `AWS_SESSION_TOKEN` (its README, "Credential Lifetime"), the SDKs also read `AWS_SECURITY_TOKEN`,
 *   `AWS_WEB_IDENTITY_TOKEN_FILE` (a file holding a web identity token), `AWS_CONTAINER_AUTHORIZATION_TOKEN` and
 *   more (https://docs.aws.amazon.com/sdkref/latest/guide/settings-reference.html#EVarSettings); no AWS_ variable is
 *   a bearer token of a deploy's own API.
 * Names are compared case-insensitively (a Windows runner's environment is).
 */

/** The prefixes and names of {@link credentialVariable}. */
const PREFIXES = ['ACTIONS_', 'RUNNER_', 'GITHUB_', 'AWS_'] as const;
const NAMES = new Set(['GH_TOKEN', 'GH_ENTERPRISE_TOKEN', 'GITHUB_TOKEN']);

/**
 * Why `name` may not be named by a configuration (whose variable the runner, GitHub or an earlier step sets), or
 * `undefined` when it may.
 */
export function credentialVariable(name: string): string | undefined {
  const upper = name.toUpperCase();
  const prefix = PREFIXES.find((p) => upper.startsWith(p));
  if (!NAMES.has(upper) && prefix === undefined) return undefined;
  const whose =
    prefix === 'AWS_'
      ? "AWS's credentials and settings (configure-aws-credentials exports AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN)"
      : prefix === 'ACTIONS_' || prefix === 'RUNNER_'
        ? "the runner's own variables"
        : "GitHub's tokens and variables";
  return `names ${name}, one of ${whose}, which a configuration never reads: it could send the job's own credentials to an endpoint it names`;
}
