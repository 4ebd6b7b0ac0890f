/**
 * GitHub's refusals as a job's log prints them:
 * - `Resource not accessible by integration`: the REST API's 403 for an installation token (the job's `GITHUB_TOKEN`)
 *   without the permission, which the response names in `X-Accepted-GitHub-Permissions`
 *   (https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api#resource-not-accessible);
 * - git's `remote: Permission to OWNER/REPO.git denied to github-actions[bot].`, a push without `contents: write`;
 * - `Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable`: the job may not request an OIDC token (no
 *   `id-token: write`, or a pull request from a fork:
 *   https://docs.github.com/en/actions/reference/security/oidc#workflow-permissions-for-the-requesting-the-oidc-token);
 * - configure-aws-credentials' `Credentials could not be loaded` / `Could not load credentials from any providers`,
 *   which it prints when no OIDC token and no keys reach it.
 */
import type { LogMatch, Matcher } from './match.js';

/**
 * The permissions GitHub's `X-Accepted-GitHub-Permissions` header accepts: `;` separates alternatives (any one
 * suffices) and `,` joins the permissions one alternative needs together
 * (https://github.blog/changelog/2023-08-10-x-accepted-github-permissions-header-for-fine-grained-permission-actors).
 * `issues=write; pull_requests=write` → `issues: write, or pull-requests: write`; `contents=read,metadata=read` →
 * `contents: read and metadata: read`.
 */
export function acceptedPermissions(
  line: string,
): { readonly text: string; readonly alternatives: number } | undefined {
  const header = /x-accepted-github-permissions['"]?\s*[:=]\s*['"]?([a-z_=; ,-]+)/i.exec(line)?.[1];
  if (!header) return undefined;
  const alternatives = header
    .split(';')
    .map((alt) =>
      alt
        .split(',')
        .map((p) => p.trim())
        .filter((p) => /^[a-z_-]+=[a-z]+$/i.test(p))
        .map((p) => p.replace('=', ': ').replace(/_/g, '-')),
    )
    .filter((needs) => needs.length > 0)
    .map((needs) => needs.join(' and '));
  if (alternatives.length === 0) return undefined;
  return { text: alternatives.join(', or '), alternatives: alternatives.length };
}

const notAccessible: Matcher = (line) => {
  const accepted = acceptedPermissions(line);
  if (!/Resource not accessible by (?:integration|personal access token)/i.test(line)) {
    return accepted ? { ...refusal(accepted, false), detail: true } : undefined;
  }
  return refusal(accepted, /by personal access token/i.test(line));
};

/** GitHub's refusal of the token, with the permissions it accepts when the log shows them. */
export function refusal(accepted: { text: string; alternatives: number } | undefined, pat: boolean): LogMatch {
  const grant = !accepted
    ? undefined
    : accepted.alternatives > 1
      ? `Grant one of these in the job's \`permissions:\` (any one suffices): ${accepted.text}`
      : `Grant it in the job's \`permissions:\` (${accepted.text})`;
  return {
    class: 'github-token-scope-missing',
    decisionPoint: 'github-token',
    source: 'github',
    message: pat
      ? 'GitHub refused the call: the fine-grained personal access token lacks the permission (or the repository).'
      : `GitHub refused the job's token (HTTP 403): it lacks the permission the call needs${accepted ? ` (GitHub accepts: ${accepted.text})` : ''}.`,
    fix: grant
      ? `${grant}; a pull request from a fork gets a read-only token whatever it asks.`
      : `Grant the permission the call needs in the job's \`permissions:\` (the error's response names it in \`X-Accepted-GitHub-Permissions\`; the docs list which permission each endpoint needs).`,
    wouldReturn: 403,
    ...(accepted ? { evidence: { accepted: accepted.text } } : {}),
  };
}

const gitPush: Matcher = (line) => {
  // The line as git prints it, or inside a JSON string a tool printed (`"errorData":"remote: Permission … denied to
  // github-actions[bot].\nfatal: …"`), where an escaped line break or the closing quote ends it.
  const m = /remote: Permission to (\S+?) denied to ([^\s.\\"']+(?:\.[^\s.\\"']+)*?)\.?(?=\s|\\[nr]|["']|$)/i.exec(
    line,
  );
  if (!m) return undefined;
  const bot = /github-actions\[bot\]/i.test(m[2] ?? '');
  return {
    class: bot ? 'github-token-scope-missing' : 'forbidden',
    decisionPoint: 'github-token',
    source: 'git',
    message: `GitHub refused a git push to ${m[1]} by ${m[2]} (HTTP 403).`,
    fix: bot
      ? "Grant `contents: write` in the job's `permissions:` (or allow read and write for GITHUB_TOKEN in the repository's Actions settings); a push that changes `.github/workflows/` also needs `workflows: write`, which GITHUB_TOKEN never has."
      : 'Give that account or token write access to the repository (a fine-grained token needs Contents: read and write).',
    wouldReturn: 403,
    evidence: { repository: m[1] ?? '', pusher: m[2] ?? '' },
  };
};

/** GitHub Packages (ghcr.io) refusing the job's token: it lacks `packages: write` (or the package's access). */
const packages: Matcher = (line) => {
  const m =
    /denied: (?:installation|permission_denied:?) (?:not allowed to|write_package)(?: (\w+) organization package)?/i.exec(
      line,
    );
  if (!m) return undefined;
  return {
    class: 'github-token-scope-missing',
    decisionPoint: 'github-token',
    source: 'github-packages',
    message: "GitHub Packages refused the job's token: it may not write the package.",
    fix: "Grant `packages: write` in the job's `permissions:`, and give the repository write access in the package's settings (Manage Actions access); a pull request from a fork gets a read-only token whatever it asks, and an organization may forbid creating packages.",
    wouldReturn: 403,
  };
};

const noIdToken: Matcher = (line) => {
  if (!/Unable to get ACTIONS_ID_TOKEN_REQUEST_(?:URL|TOKEN) env variable/i.test(line)) return undefined;
  return {
    class: 'missing-id-token-permission',
    decisionPoint: 'runner',
    source: 'github',
    message:
      'The job could not request an OIDC token: the runner did not give it the token endpoint, as for a job without `id-token: write` or a pull request from a fork.',
    fix: "Add `permissions: id-token: write` to the job (a job-level `permissions:` replaces the workflow's, so list `contents: read` too); a pull request from a fork never gets an OIDC token.",
  };
};

const noCredentials: Matcher = (line) => {
  if (!/Credentials could not be loaded|Could not load credentials from any providers/i.test(line)) return undefined;
  return {
    class: 'missing-id-token-permission',
    decisionPoint: 'runner',
    source: 'configure-aws-credentials',
    message: 'No AWS credentials reached the step: no OIDC token (no `id-token: write`, or a fork) and no access keys.',
    fix: "Add `permissions: id-token: write` to the job and set `role-to-assume`; or, for keys, check that the secrets exist in this repository and environment (a fork's run gets no secrets).",
  };
};

/**
 * GitHub's 401 (`Bad credentials`, `Requires authentication`) and its 403 for a token not authorized for an
 * organization that enforces SAML SSO (`Resource protected by organization SAML enforcement`):
 * https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api
 */
const githubAuth: Matcher = (line) => {
  if (/Resource protected by organization SAML enforcement/i.test(line)) {
    return {
      class: 'forbidden',
      decisionPoint: 'github-token',
      source: 'github',
      message:
        'GitHub refused the token: the organization enforces SAML single sign-on, and the token is not authorized for it.',
      fix: "Authorize the personal access token for the organization's SSO (the token's settings, Configure SSO), or use the job's GITHUB_TOKEN or a GitHub App token.",
      wouldReturn: 403,
    };
  }
  if (
    !/\bHttpError: (?:Bad credentials|Requires authentication)\b|"message":\s*"(?:Bad credentials|Requires authentication)"/i.test(
      line,
    )
  ) {
    return undefined;
  }
  return {
    class: 'credential-rejected',
    decisionPoint: 'github-token',
    source: 'github',
    message: 'GitHub answered 401: the token is missing, expired or revoked.',
    fix: 'Check the secret the step passes: a personal access token may have expired or been revoked (rotate it), and GITHUB_TOKEN expires with its job.',
    wouldReturn: 401,
  };
};

/** GitHub's matchers. */
export const GITHUB_MATCHERS: readonly Matcher[] = [
  notAccessible,
  gitPush,
  packages,
  noIdToken,
  noCredentials,
  githubAuth,
];
