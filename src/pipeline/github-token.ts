/**
 * The GitHub token permissions of every job of the workflows (src/checks/github-token.ts): the model's jobs as the
 * check reads them, the repository's default token permissions and extra needs from the configuration, the run this
 * is part of (its event decides the fork rule), and the tokens the `github-tokens` input gives for the secrets the
 * steps use, each inspected with one read-only call (src/sources/github-api.ts).
 */

import { tokenSettingsOf } from '../checks/github-token/settings.js';
import { loadWorkflowChecks } from '../checks/index.js';
import type { GitHubTokenConfig } from '../config/model.js';
import { type Finding, finding } from '../model/finding.js';
import type { TokenInspection } from '../model/github-token-inspection.js';
import type { RunnerFacts } from '../model/runner.js';
import { runContextOf } from '../workflows/github-token/effective.js';
import { tokenWorkflowsOf, withPreflightSteps } from '../workflows/github-token/from-model.js';
import { secretsUsed } from '../workflows/github-token/needs.js';
import type { WorkflowModel } from '../workflows/index.js';

/** What the GitHub token check reads besides the model. */
export interface GitHubTokenOptions {
  readonly config?: GitHubTokenConfig;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly runner?: RunnerFacts;
  readonly mask: (secret: string) => void;
  /** Epoch seconds. */
  readonly now: () => number;
}

/** Runs the registered workflow checks over the model; see the module comment. */
export async function checkGitHubTokens(model: WorkflowModel, options: GitHubTokenOptions): Promise<Finding[]> {
  const read = tokenWorkflowsOf(model);
  if (read.length === 0) return [];
  // Running as the action, the runner names the action's repository: a step using it is this preflight.
  const self = options.env.GITHUB_ACTION_REPOSITORY;
  const workflows = self ? withPreflightSteps(read, self) : read;
  const secrets = secretsUsed(workflows.flatMap((w) => w.jobs));
  const repository = options.env.GITHUB_REPOSITORY ?? '';
  let inspections: readonly TokenInspection[] = [];
  if (secrets.length > 0) {
    const { readGitHubTokens, inspectGitHubTokens } = await import('../sources/github-api.js');
    const { tokens } = readGitHubTokens(options.config?.tokensInput ?? '', options.env, options.mask);
    inspections = await inspectGitHubTokens(secrets, tokens, repository, {
      mask: options.mask,
      ...(options.env.GITHUB_API_URL ? { baseUrl: options.env.GITHUB_API_URL } : {}),
    });
  }
  const run = options.runner ? runContextOf(options.runner, options.env.GITHUB_ACTOR) : undefined;
  const facts = {
    workflows,
    settings: tokenSettingsOf(options.config, options.runner),
    ...(run ? { run } : {}),
    inspections,
    now: options.now(),
  };
  const checks = await loadWorkflowChecks();
  return [...checks.flatMap((check) => check.run(facts)), ...unusedEntries(options.config?.tokensInput ?? '', secrets)];
}

/**
 * A note for each secret the `github-tokens` input names that no step takes a GitHub token from: nothing is read with
 * it, and a misspelt name leaves the step's own secret unverified (`pat-unverified`). Entries that are not
 * `SECRET` or `SECRET=VARIABLE` are left to src/sources/github-api.ts, which skips them.
 */
function unusedEntries(input: string, secrets: readonly string[]): Finding[] {
  const names = input
    .split(/[,\n]/)
    .map((item) => (item.split('=')[0] ?? '').trim())
    .filter((name) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name));
  return [...new Set(names)]
    .filter((name) => !secrets.includes(name))
    .map((name) => {
      const near = secrets.find((s) => s.toLowerCase() === name.toLowerCase());
      const taken =
        secrets.length > 0 ? `The steps take: ${secrets.join(', ')}.` : 'No step takes a token from a secret.';
      return finding('ok', {
        id: `github-tokens:unused:${name}`,
        subject: `github-tokens entry ${name}`,
        decisionPoint: 'github-token',
        status: 'pass',
        message: `The \`github-tokens\` input names the secret ${name}, which no step of the workflows takes a GitHub token from: nothing was read with it.${near ? ` Did you mean ${near}?` : ''} ${taken}`,
        evidence: { entry: name, secretsTaken: [...secrets] },
      });
    });
}
