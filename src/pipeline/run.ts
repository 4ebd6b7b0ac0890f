/**
 * The whole preflight, shared by the action and the CLI: the tokens first (GitHub's OIDC token is what
 * the roles are assumed with), then every configured role concurrently. One failing check never hides
 * another: every finding of every check is returned.
 */

import path from 'node:path';
import { type Check, loadRoleChecks, loadTokenChecks } from '../checks/index.js';
import type { PreflightConfig, RoleConfig } from '../config/model.js';
import type { RoleSeen } from '../drift/record.js';
import type { Finding } from '../model/finding.js';
import type { FetchLike } from '../sources/http.js';
import { createKeyStore } from '../sources/jwks.js';
import type { Claims } from '../tokens/decode.js';
import type { TokenSpec } from '../tokens/types.js';
import type { WebIdentity } from './aws.js';
import { resolveEnvironment } from './environment.js';
import { checkTokens, type GitHubIdTokenSource, type RunnerFacts, type TokenOutcome } from './tokens.js';

/** Where the preflight runs: the runner (action) or a terminal (CLI). */
export interface PreflightHost {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Registers a secret: log masking on the runner, and the report's redactor everywhere. */
  readonly mask: (secret: string) => void;
  /** One concise line per check. */
  readonly log: (line: string) => void;
  /** The detail behind each line (the whole finding), for debug logging. */
  readonly debug?: (line: string) => void;
  readonly group: <T>(name: string, fn: () => Promise<T>) => Promise<T>;
  /** Folder that relative policy file paths are read from. */
  readonly cwd?: string;
  readonly runner?: RunnerFacts;
  readonly fetch?: FetchLike;
  /** Epoch seconds. */
  readonly now: () => number;
  /** Where GitHub's OIDC token comes from when not from the Actions endpoint (the CLI: a saved token). */
  readonly githubIdToken?: GitHubIdTokenSource;
  /** A token for GitHub's REST API (the action's `github-token` input): reads the repository's subject template. */
  readonly githubToken?: string;
  /** Waits between retries of an AWS call; the default waits. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Told what the run read besides its findings (the token's claims, each role's facts), for the baseline. */
  readonly observe?: (seen: Observed) => void;
}

/** What {@link PreflightHost.observe} is told (src/pipeline/drift.ts keeps it for the baseline record). */
export type Observed = { readonly claims: Readonly<Record<string, unknown>> } | { readonly role: RoleSeen };

function logFindings(host: PreflightHost, findings: readonly Finding[]): void {
  for (const f of findings) {
    host.log(`${f.status.padEnd(10)} ${f.subject}: ${f.class}`);
    host.debug?.(JSON.stringify(f));
  }
}

/**
 * A web identity token file's path as configure-aws-credentials reads it: a relative one from GITHUB_WORKSPACE (its
 * src/assumeRole.ts, v6.2.3: `path.isAbsolute(file) ? file : path.join(workspace, file)`), here the host's folder.
 */
function inWorkspace(spec: TokenSpec, cwd: string | undefined): TokenSpec {
  const source = spec.source;
  if (source.kind !== 'web-identity-file' || cwd === undefined || path.isAbsolute(source.path)) return spec;
  return { ...spec, source: { ...source, path: path.join(cwd, source.path) } };
}

/** A token's decoded claims as the web identity a role is assumed with, with the token for the live probe. */
function identityOf(outcome: TokenOutcome | undefined, kept: ReadonlyMap<string, string>): WebIdentity | undefined {
  const decoded = outcome?.decoded;
  if (!outcome || decoded?.kind !== 'jwt' || typeof decoded.claims.iss !== 'string') return undefined;
  const raw = kept.get(outcome.spec.name);
  return { claims: decoded.claims, issuer: decoded.claims.iss, ...(raw ? { raw } : {}) };
}

/**
 * The web identity each role is assumed with: the token of its `web-identity-token-file` when it sets one (as
 * configure-aws-credentials reads it instead of requesting GitHub's), GitHub's otherwise.
 */
function webIdentities(
  outcomes: readonly TokenOutcome[],
  kept: ReadonlyMap<string, string>,
): (config: RoleConfig) => WebIdentity | undefined {
  const github = identityOf(
    outcomes.find((o) => o.spec.source.kind === 'github-oidc'),
    kept,
  );
  return (config) => {
    if (config.settings.webIdentityTokenFile === undefined) return github;
    const own = outcomes.find(
      (o) => o.spec.source.kind === 'web-identity-file' && o.spec.source.roleArn === config.settings.roleArn,
    );
    return identityOf(own, kept);
  };
}

/** A registered check, and how many subjects (tokens or roles) of this configuration it runs over. */
export interface PlannedCheck {
  readonly check: Check;
  readonly subjects: number;
}

/**
 * What this configuration verifies, from the registry: each check with the tokens or roles it applies to. When no
 * check has a subject, nothing would be verified, and the run fails (src/main.ts, `NOTHING_VERIFIED`).
 */
export async function planChecks(config: PreflightConfig): Promise<PlannedCheck[]> {
  const [tokenChecks, roleChecks] = await Promise.all([
    config.tokens.length > 0 ? loadTokenChecks() : [],
    config.roles.length > 0 ? loadRoleChecks() : [],
  ]);
  return [
    ...tokenChecks.map((check) => ({ check, subjects: config.tokens.length })),
    ...roleChecks.map((check) => ({ check, subjects: config.roles.filter((role) => check.appliesTo(role)).length })),
  ];
}

/** Whether the configuration verifies anything at all: some registered check has a token or a role to run over. */
export async function verifiesAnything(config: PreflightConfig): Promise<boolean> {
  // The workflows' deploy jobs are checked, or the run fails for finding none (src/pipeline/workflows-run.ts).
  if (config.workflows) return true;
  return (await planChecks(config)).some((planned) => planned.subjects > 0);
}

/**
 * The tokens to get. With the workflows read and no role configured, GitHub's OIDC token is asked for only when the
 * job may have one (the runner sets ACTIONS_ID_TOKEN_REQUEST_URL with `id-token: write`): the workflows are checked
 * on the tokens GitHub would issue, so a pull request's check needs none; with one, it is compared with them.
 */
function tokensToGet(config: PreflightConfig, host: PreflightHost): PreflightConfig['tokens'] {
  const predictOnly = config.workflows !== undefined && config.roles.length === 0;
  const canRequest = host.githubIdToken !== undefined || Boolean(host.env.ACTIONS_ID_TOKEN_REQUEST_URL);
  const tokens =
    predictOnly && !canRequest ? config.tokens.filter((t) => t.source.kind !== 'github-oidc') : config.tokens;
  return tokens.map((spec) => inWorkspace(spec, host.cwd));
}

/** Runs every configured check and returns every finding. */
export async function runPreflight(config: PreflightConfig, host: PreflightHost): Promise<Finding[]> {
  const { findings, claims } = await runConfigured(config, host);
  if (!config.workflows) return findings;
  const workflows = { ...config, workflows: config.workflows };
  const { checkRepositoryWorkflows } = await import('./workflows-run.js');
  const more = await host.group('Workflows', () => checkRepositoryWorkflows(workflows, host, claims));
  logFindings(host, more);
  return findings.concat(more);
}

/** The checks the configuration names: its tokens and roles; and GitHub's token's claims, when it was read. */
async function runConfigured(
  config: PreflightConfig,
  host: PreflightHost,
): Promise<{ findings: Finding[]; claims?: Claims }> {
  const kept = new Map<string, string>();
  const outcomes = await host.group('Tokens', async () => {
    const results = await checkTokens(tokensToGet(config, host), {
      env: host.env,
      keyStore: createKeyStore(host.fetch ? { fetch: host.fetch } : {}),
      mask: host.mask,
      now: host.now,
      ...(host.runner ? { runner: host.runner } : {}),
      keep: (spec, raw) => {
        if (spec.source.kind === 'github-oidc' || spec.source.kind === 'web-identity-file') kept.set(spec.name, raw);
      },
      ...(host.fetch ? { fetch: host.fetch } : {}),
      ...(host.githubIdToken ? { githubIdToken: host.githubIdToken } : {}),
      workspace: { root: host.cwd ?? process.cwd(), allowOutside: config.allowOutsideWorkspace === true },
    });
    logFindings(
      host,
      results.flatMap((r) => r.findings),
    );
    return results;
  });
  const findings = outcomes.flatMap((o) => o.findings);
  const github = outcomes.find((o) => o.spec.source.kind === 'github-oidc');
  const claims = github?.decoded?.kind === 'jwt' ? github.decoded.claims : undefined;
  // The token's claims are the record's identity (src/pipeline/drift.ts), with configured roles or the workflows'.
  if (claims) host.observe?.({ claims });
  if (config.roles.length === 0) return { findings, ...(claims ? { claims } : {}) };
  const identity = webIdentities(outcomes, kept);
  // The permission set depends on the environment, which only the checked token (or the input) tells.
  const resolved = resolveEnvironment(config.roles, config.environment, claims, github !== undefined);
  if (resolved.findings.length > 0) {
    host.log(`environment ${resolved.environment ?? '(none)'} (${resolved.source})`);
    findings.push(...resolved.findings);
  }
  const [{ checkAwsRoles }, { loadCatalog }] = await Promise.all([import('./aws.js'), import('../sources/catalog.js')]);
  const perRole = await host.group('AWS', async () => {
    const results = await checkAwsRoles(resolved.roles, identity, {
      env: host.env,
      mask: host.mask,
      now: host.now,
      loadCatalog,
      ...(host.cwd ? { cwd: host.cwd } : {}),
      ...(config.allowOutsideWorkspace ? { allowOutsideWorkspace: true } : {}),
      ...(host.sleep ? { sleep: host.sleep } : {}),
      ...(host.observe ? { observe: (role: RoleSeen) => host.observe?.({ role }) } : {}),
    });
    logFindings(host, results.flat());
    return results;
  });
  return { findings: findings.concat(perRole.flat()), ...(claims ? { claims } : {}) };
}
