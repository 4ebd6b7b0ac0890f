/**
 * The one builder of the run's configuration ({@link PreflightConfig}): the action's inputs (or the CLI's flags, given
 * as inputs) over the config file's settings when there is a file. Pure over a `getInput(name)` function; every error names the input and quotes the value. An input that is given
 * (non-empty) replaces the file's value; how lists merge is said at each (tokens here, roles in `file-merge.ts`).
 */
import { parseVariables, type VariableListing } from '../model/variables.js';
import { urlUserInfo } from '../text/secrets.js';
import { parseDuration } from '../tokens/duration.js';
import { GITHUB_ISSUER } from '../tokens/github.js';
import type { TokenSpec } from '../tokens/types.js';
import { mergeRoleInputs, workflowSources } from './file-merge.js';
import {
  type FileSettings,
  type GitHubTokenConfig,
  NO_FILE,
  type ParseYaml,
  type PreflightConfig,
  type RoleConfig,
  type WorkflowsConfig,
} from './model.js';
import { type ConfigError, readTokenList, USER_INFO_REFUSED } from './tokens.js';

/** The default audience, as aws-actions/configure-aws-credentials uses for STS. */
export const DEFAULT_AUDIENCE = 'sts.amazonaws.com';

function bool(name: string, value: string, fallback: boolean, errors: ConfigError[]): boolean {
  if (value === '') return fallback;
  if (value === 'true') return true;
  if (value === 'false') return false;
  errors.push({ where: `input ${name}`, message: `must be true or false, got "${value}"` });
  return fallback;
}

function duration(name: string, value: string, fallback: number, errors: ConfigError[]): number {
  if (value === '') return fallback;
  const d = parseDuration(value);
  if (d.ok) return d.seconds;
  errors.push({ where: `input ${name}`, message: d.error });
  return fallback;
}

/** `claim=pattern` lines (blank lines and `#` comments skipped). */
function claimLines(value: string, errors: ConfigError[]): Record<string, string> {
  const claims: Record<string, string> = {};
  value.split(/\r?\n/).forEach((line, i) => {
    const text = line.trim();
    if (text === '' || text.startsWith('#')) return;
    const eq = text.indexOf('=');
    const name = eq > 0 ? text.slice(0, eq).trim() : '';
    if (!name || eq === text.length - 1) {
      errors.push({ where: `input expected-claims, line ${i + 1}`, message: `must be claim=pattern, got "${text}"` });
    } else claims[name] = text.slice(eq + 1).trim();
  });
  return claims;
}

/** The run's token defaults: `min-token-lifetime` and `clock-skew`, seconds. */
interface TokenDefaults {
  readonly minLifetimeSeconds: number;
  readonly clockSkewSeconds: number;
}

/** A token's expectations with the run's defaults where the token sets none. */
function withDefaults(spec: TokenSpec, defaults: TokenDefaults): TokenSpec {
  return { ...spec, expect: { ...defaults, ...definedOnly(spec.expect) } };
}

function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The `baseline` input over the file's: `off` (the default), `artifact`, or a file path (docs/baseline.md). */
function baselineOf(getInput: (name: string) => string, file: FileSettings): PreflightConfig['baseline'] {
  const value = (getInput('baseline') || file.baseline || 'off').trim();
  if (value === '' || value === 'off') return undefined;
  return value === 'artifact' ? { kind: 'artifact' } : { kind: 'file', path: value };
}

/** The `mode` input over the file's; undefined (and an error) for anything but enforce or report. */
function modeOf(
  getInput: (name: string) => string,
  file: FileSettings,
  errors: ConfigError[],
): PreflightConfig['mode'] | undefined {
  const modeInput = getInput('mode');
  if (modeInput === '') return file.mode ?? 'enforce';
  if (modeInput === 'enforce' || modeInput === 'report') return modeInput;
  errors.push({ where: 'input mode', message: `must be enforce or report, got "${modeInput}"` });
  return undefined;
}

/**
 * The most `github-oidc.min-lifetime` may ask of GitHub's token, seconds. GitHub issues its OIDC tokens for five
 * minutes (`exp` − `iat` = 300; https://docs.github.com/en/actions/reference/security/oidc), and the token this step
 * requests is not the deploy's, which requests its own: its lifetime is no deploy risk (the session's duration against
 * the deploy's, `expected-duration`, is). So `min-token-lifetime`, meant for bearer tokens the job carries, does not
 * apply to it, and an explicit `github-oidc.min-lifetime` is capped at four minutes, the five GitHub issues less a
 * minute for the time since the request and clock skew; more would fail every real token.
 */
export const GITHUB_MIN_LIFETIME_CAP = 240;

/** GitHub's OIDC token: the `oidc-*`, `audience` and `expected-claims` inputs over the file's `github-oidc`. */
function githubOidcToken(
  getInput: (name: string) => string,
  gh: FileSettings['githubOidc'],
  audience: string,
  defaults: TokenDefaults,
  errors: ConfigError[],
): TokenSpec {
  const jwksUrl = getInput('oidc-jwks-url') || gh.jwksUrl;
  // A URL input never carries a credential (src/text/secrets.ts `urlUserInfo`); the file's are refused by its schema.
  for (const name of ['oidc-issuer', 'oidc-jwks-url'])
    if (urlUserInfo(getInput(name))) errors.push({ where: `input ${name}`, message: USER_INFO_REFUSED });
  const claimsInput = getInput('expected-claims');
  return {
    name: 'github-oidc',
    source: { kind: 'github-oidc', audience },
    expect: {
      issuer: getInput('oidc-issuer') || gh.issuer || GITHUB_ISSUER,
      audience: [audience],
      // Not `min-token-lifetime`: see GITHUB_MIN_LIFETIME_CAP.
      ...(gh.minLifetimeSeconds !== undefined
        ? { minLifetimeSeconds: Math.min(gh.minLifetimeSeconds, GITHUB_MIN_LIFETIME_CAP) }
        : {}),
      clockSkewSeconds: gh.clockSkewSeconds ?? defaults.clockSkewSeconds,
      claims: claimsInput !== '' ? claimLines(claimsInput, errors) : { ...gh.claims },
      ...(jwksUrl ? { jwksUrl } : {}),
    },
  };
}

/**
 * The `workflows` input (WorkflowsConfig): `true`, `false`, or empty for zero configuration, which reads the
 * workflows when the configuration names no role and no token but GitHub's.
 */
function workflowsOf(
  getInput: (name: string) => string,
  file: FileSettings,
  roles: readonly RoleConfig[],
  tokens: readonly TokenSpec[],
  errors: ConfigError[],
): WorkflowsConfig | undefined {
  const input = getInput('workflows').trim();
  if (input !== '' && input !== 'true' && input !== 'false') {
    errors.push({
      where: 'input workflows',
      message: `must be true or false (or empty: read them when nothing else is configured), got "${input}"`,
    });
    return undefined;
  }
  const zeroConfig = roles.length === 0 && tokens.every((t) => t.source.kind === 'github-oidc');
  if (input === 'false' || (input === '' && !zeroConfig)) return undefined;
  const form = getInput('oidc-subject-form').trim();
  if (form !== '' && form !== 'names' && form !== 'immutable') {
    errors.push({ where: 'input oidc-subject-form', message: `must be names or immutable, got "${form}"` });
  }
  const subjectForm = form === 'names' || form === 'immutable' ? { subjectForm: form as 'names' | 'immutable' } : {};
  const vars = varsInput(getInput('vars'), errors);
  return {
    explicit: input === 'true',
    ...workflowSources(getInput, file),
    ...subjectForm,
    ...(vars ? { variables: { repository: vars } } : {}),
  };
}

/**
 * The `vars` input: `${{ toJSON(vars) }}` of a job without an environment, every organization and repository
 * variable, so a name it lacks is one not set (docs/workflows.md). An empty one is no listing: GitHub gives no
 * variables to a workflow run by a pull request from a fork, where `toJSON(vars)` is `{}` whatever the repository
 * sets, so it says nothing of what the deploy jobs will read.
 */
function varsInput(text: string, errors: ConfigError[]): VariableListing | undefined {
  if (text.trim() === '') return undefined;
  const parsed = parseVariables(text, 'the vars input', true);
  if (parsed.ok) return Object.keys(parsed.listing.values).length > 0 ? parsed.listing : undefined;
  errors.push({ where: 'input vars', message: `${parsed.error}; pass \${{ toJSON(vars) }}` });
  return undefined;
}

/**
 * The token of each role that sets `web-identity-token-file`: configure-aws-credentials gives STS the token in that
 * file instead of requesting GitHub's (its action.yml, `web-identity-token-file`), so the role's trust is checked
 * against that token (src/pipeline/run.ts). Its audience is the role's.
 */
function webIdentityTokens(roles: readonly RoleConfig[], defaults: TokenDefaults): TokenSpec[] {
  return roles.flatMap(({ settings }) =>
    settings.webIdentityTokenFile === undefined
      ? []
      : [
          {
            name: `web-identity-token-file:${settings.roleArn.slice(settings.roleArn.indexOf(':role/') + 6)}`,
            source: { kind: 'web-identity-file', path: settings.webIdentityTokenFile, roleArn: settings.roleArn },
            expect: { audience: [settings.audience], clockSkewSeconds: defaults.clockSkewSeconds },
          },
        ],
  );
}

/** Adds the `tokens` input's tokens to `tokens`: one named like a file token replaces it; GitHub's name is taken. */
function addInputTokens(
  tokens: TokenSpec[],
  tokensInput: string,
  parseYaml: ParseYaml | undefined,
  defaults: TokenDefaults,
  errors: ConfigError[],
): void {
  if (tokensInput === '') return;
  const parsed = parseYaml?.(tokensInput) ?? { ok: false, error: 'no YAML parser' };
  if (!parsed.ok) {
    errors.push({ where: 'input tokens', message: `is not valid YAML: ${parsed.error}` });
    return;
  }
  const list = readTokenList(parsed.value, 'input tokens', defaults);
  errors.push(...list.errors);
  for (const spec of list.specs) {
    const at = tokens.findIndex((t) => t.name === spec.name);
    if (at >= 0 && tokens[at]?.source.kind === 'github-oidc') {
      errors.push({ where: `input tokens ("${spec.name}")`, message: 'uses a name that is already taken' });
    } else if (at >= 0) tokens[at] = spec;
    else tokens.push(spec);
  }
}

/**
 * GitHub's token formats, by their prefixes ("About authentication to GitHub", GitHub's token formats:
 * https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats):
 * a personal access token (`ghp_`, fine-grained `github_pat_`), an OAuth token (`gho_`), a user-to-server (`ghu_`),
 * server-to-server (`ghs_`) or refresh token (`ghr_`). A secret's name is never one of these.
 */
const GITHUB_TOKEN_SHAPE = /^(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})$/;

/**
 * The `github-tokens` input's entries (`SECRET` or `SECRET=VARIABLE`, src/sources/github-api.ts) that hold a token
 * itself, each as a message naming it by position only, since the value is a credential and is never quoted.
 */
export function githubTokensHoldingTokens(input: string): string[] {
  const items = input
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
  return items.flatMap((item, i) =>
    item.split('=').some((part) => GITHUB_TOKEN_SHAPE.test(part.trim()))
      ? [
          `entry ${i + 1} of ${items.length} holds what looks like a GitHub token itself (not shown): it takes secret names, never a token; name the secret that holds it (e.g. DEPLOY_PAT) and pass that secret to this step in \`env\``,
        ]
      : [],
  );
}

function githubTokensRefused(input: string, errors: ConfigError[]): void {
  for (const message of githubTokensHoldingTokens(input)) errors.push({ where: 'input github-tokens', message });
}

/** The file's `github` section with the `github-tokens` input laid over it; none when neither says anything. */
function githubTokenConfig(
  file: FileSettings,
  tokensInput: string,
  errors: ConfigError[],
): GitHubTokenConfig | undefined {
  const input = tokensInput.trim();
  githubTokensRefused(input, errors);
  if (!file.github && input === '') return undefined;
  return { ...(file.github ?? {}), ...(input !== '' ? { tokensInput: input } : {}) };
}

/**
 * Reads the inputs over the file's settings (none by default). Returns the configuration, or every error found.
 * Tokens: the `tokens` input's are added after the file's, and one named like a file token replaces it.
 */
export function buildConfig(
  getInput: (name: string) => string,
  parseYaml: ParseYaml | undefined,
  file: FileSettings = NO_FILE,
): { ok: true; config: PreflightConfig } | { ok: false; errors: ConfigError[] } {
  const errors: ConfigError[] = [];
  const mode = modeOf(getInput, file, errors);
  const defaults: TokenDefaults = {
    minLifetimeSeconds: duration(
      'min-token-lifetime',
      getInput('min-token-lifetime'),
      file.minTokenLifetimeSeconds ?? 60,
      errors,
    ),
    clockSkewSeconds: duration('clock-skew', getInput('clock-skew'), file.clockSkewSeconds ?? 60, errors),
  };
  const gh = file.githubOidc;
  const audience = getInput('audience') || gh.audience || DEFAULT_AUDIENCE;
  const roles = mergeRoleInputs(getInput, audience, file, errors);
  const tokens: TokenSpec[] = [];
  if (bool('github-oidc', getInput('github-oidc'), gh.enabled ?? true, errors)) {
    tokens.push(githubOidcToken(getInput, gh, audience, defaults, errors));
  }
  for (const spec of file.tokens) tokens.push(withDefaults(spec, defaults));
  addInputTokens(tokens, getInput('tokens'), parseYaml, defaults, errors);
  tokens.push(...webIdentityTokens(roles, defaults));
  const workflows = workflowsOf(getInput, file, roles, tokens, errors);
  const environment = getInput('environment');
  // Read here to be validated; src/sources/config-file.ts reads it too, before there is a configuration.
  const allowOutside = bool('allow-outside-workspace', getInput('allow-outside-workspace'), false, errors);
  const baseline = baselineOf(getInput, file);
  const github = githubTokenConfig(file, getInput('github-tokens'), errors);
  return errors.length > 0 || !mode
    ? { ok: false, errors }
    : {
        ok: true,
        config: {
          mode,
          tokens,
          roles,
          ...(environment ? { environment } : {}),
          ...(allowOutside ? { allowOutsideWorkspace: true } : {}),
          ...(baseline ? { baseline } : {}),
          ...(github ? { github } : {}),
          ...(workflows ? { workflows } : {}),
        },
      };
}
