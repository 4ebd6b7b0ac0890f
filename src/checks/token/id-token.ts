/**
 * The finding for a job that cannot request a GitHub OIDC token at all: the runner never set the variables the
 * token request needs. No I/O; the caller says which variables are missing.
 */

import { type Finding, finding } from '../../model/finding.js';
import { GITHUB_OIDC_DOCS } from '../../tokens/github.js';

/** Optional facts about the run, for `missingIdTokenPermission`. */
export interface IdTokenContext {
  /** `GITHUB_EVENT_NAME`, e.g. `pull_request`. */
  readonly eventName?: string;
  /** The run is a pull request from a fork (or from Dependabot, which GitHub treats the same way). */
  readonly isForkPullRequest?: boolean;
  /** Which of ACTIONS_ID_TOKEN_REQUEST_URL / ACTIONS_ID_TOKEN_REQUEST_TOKEN are missing; default both. */
  readonly missing?: readonly string[];
  /** The job's id in the workflow, for the YAML shown. */
  readonly jobId?: string;
  /** The token spec's name, for the finding's id. */
  readonly tokenName?: string;
}

const PULL_REQUEST_TARGET_DOCS =
  'https://docs.github.com/en/actions/reference/security/securely-using-pull_request_target';
/** The GITHUB_TOKEN's permissions: a fork's pull request gets read at most, and `id-token` has no read level. */
const FORK_PERMISSIONS_DOCS =
  'https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#permissions';

/**
 * THE finding for a job that cannot request a GitHub OIDC token: the runner sets ACTIONS_ID_TOKEN_REQUEST_URL
 * and ACTIONS_ID_TOKEN_REQUEST_TOKEN only for jobs granted `id-token: write` (GITHUB_OIDC_DOCS.permissions).
 * Pull requests from forks never get one: GitHub lowers their write permissions to read, and `id-token` has
 * no read level (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#permissions).
 */
export function missingIdTokenPermission(context: IdTokenContext = {}): Finding {
  return context.isForkPullRequest === true ? forkPullRequest(context) : noPermission(context);
}

const evidenceOf = (context: IdTokenContext, missing: readonly string[]) => ({
  missingVariables: missing,
  ...(context.eventName ? { eventName: context.eventName } : {}),
  ...(context.isForkPullRequest === undefined ? {} : { forkPullRequest: context.isForkPullRequest }),
});

const MISSING = ['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'];

/**
 * A fork's pull request: granting `id-token: write` cannot help, since GitHub lowers a fork's write permissions to
 * read (FORK_PERMISSIONS_DOCS) and gives it no OIDC token (GITHUB_OIDC_DOCS.permissions). What works is checking
 * without the token, or `pull_request_target` with its risks.
 */
function forkPullRequest(context: IdTokenContext): Finding {
  const missing = context.missing ?? MISSING;
  const event = context.eventName ? ` (event \`${context.eventName}\`)` : '';
  return finding('fork-pull-request', {
    id: `runner:${context.tokenName ?? 'github-oidc'}:fork-pull-request`,
    subject: 'GitHub OIDC token',
    message: `This run is a pull request from a fork${event}, and GitHub never gives such runs an OIDC token, whatever the workflow's permissions say: it lowers their write permissions to read, and \`id-token\` has no read level (${FORK_PERMISSIONS_DOCS}). Granting \`id-token: write\` does not change that; every OIDC login in this job would fail before reaching the cloud.`,
    evidence: evidenceOf(context, missing),
    fix:
      'On `pull_request`, run the preflight without the token (`github-oidc: false`, and `mode: report`, since the ' +
      "role's trust cannot be evaluated without a token and is reported unverified): the configuration and the " +
      'policies in `policy-files` are still checked offline, and the token and the trust are checked by the push or ' +
      'environment-gated run that deploys. Skip the deploy itself on fork pull requests with ' +
      '`if: github.event.pull_request.head.repo.full_name == github.repository`. `pull_request_target` does get a ' +
      "token, because it runs in the base repository's context: use it only for a job that never checks out or runs " +
      "the fork's code, since that job also holds the base repository's secrets and a write GITHUB_TOKEN, and building " +
      `the fork's code there hands them to the fork's author (${PULL_REQUEST_TARGET_DOCS}).`,
    wouldReturn: 401,
    docUrl: GITHUB_OIDC_DOCS.permissions,
  });
}

/** A job without `id-token: write`: the YAML to add. */
function noPermission(context: IdTokenContext): Finding {
  const missing = context.missing ?? MISSING;
  const job = context.jobId ?? 'deploy';
  const event = context.eventName ? ` (event \`${context.eventName}\`)` : '';
  const message = `The job cannot request a GitHub OIDC token: ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not set${event}. GitHub sets them only for jobs granted \`permissions: id-token: write\`, so every OIDC login in this job (configure-aws-credentials, azure/login, google-github-actions/auth) would fail before reaching the cloud.`;
  // One line, in YAML's flow style: a fix is shown in annotations, where a line break is escaped (src/io.ts).
  const fix =
    `Add \`permissions: { id-token: write, contents: read }\` to the job \`${job}\` (or to the whole workflow): ` +
    '`id-token: write` lets the job request a GitHub OIDC token, and actions/checkout needs `contents: read`. ' +
    'Setting any permission sets every permission you do not list to none, so also list the others this job ' +
    'uses (for example `pull-requests: write`). A reusable workflow from another organization needs ' +
    '`id-token: write` granted by the caller too.';
  return finding('missing-id-token-permission', {
    id: `runner:${context.tokenName ?? 'github-oidc'}:missing-id-token-permission`,
    subject: 'GitHub OIDC token',
    message,
    evidence: evidenceOf(context, missing),
    fix,
    wouldReturn: 401,
    docUrl: GITHUB_OIDC_DOCS.permissions,
  });
}
