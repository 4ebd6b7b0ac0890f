/**
 * Reads the config file (`.github/preflight.yml`) into {@link FileSettings}: YAML with positions, then the JSON
 * Schema (schema/preflight.schema.json, compiled ahead of time by `npm run schema`), then what a schema cannot say:
 * durations that overflow, permission lines that do not parse, JSON that does not parse, names used twice. Every
 * error carries the file, line and column. Schema errors stop the reading: the checks after them rely on the shape.
 * Pure: the caller reads the file (`src/sources/config-file.ts`).
 */
import type { Mode } from '../model/product.js';
import type { RepositoryVisibility } from '../model/runner.js';
import { tooLargeForVariable, VARIABLE_LIMITS, type VariableListing, type Variables } from '../model/variables.js';
import type { TokenSpec } from '../tokens/types.js';
import { type FileContext, readDuration, reportAt } from './file-context.js';
import { describeSchemaErrors } from './file-errors.js';
import { readRoles } from './file-roles.js';
import { validateConfigSchema } from './file-schema.generated.js';
import { parseYamlWithPositions } from './file-yaml.js';
import type { FileSettings, GitHubOidcSettings, GitHubTokenConfig } from './model.js';
import { declarableSecretValue, SECRET_VALUE_KINDS } from './secret-values.js';
import { type ConfigError, readTokenList } from './tokens.js';

interface RawGitHubOidc {
  readonly enabled?: boolean;
  readonly audience?: string;
  readonly issuer?: string;
  readonly 'jwks-url'?: string;
  readonly 'expected-claims'?: Record<string, string>;
  readonly 'min-lifetime'?: string | number;
  readonly 'clock-skew'?: string | number;
}

/** The top level as the schema lets it be. */
interface RawFile {
  readonly mode?: Mode;
  readonly baseline?: string;
  readonly 'min-token-lifetime'?: string | number;
  readonly 'clock-skew'?: string | number;
  readonly 'github-oidc'?: RawGitHubOidc;
  readonly tokens?: readonly Record<string, unknown>[];
  readonly aws?: Parameters<typeof readRoles>[1];
  readonly github?: {
    readonly 'default-token-permissions'?: 'read' | 'write';
    readonly 'repository-visibility'?: RepositoryVisibility;
    readonly 'job-token-needs'?: Record<string, Record<string, 'read' | 'write'>>;
    readonly variables?: RawVariables;
    readonly 'secret-arns'?: Omit<RawVariables, 'complete'>;
  };
}

interface RawVariables {
  readonly repository?: Record<string, string>;
  readonly environments?: Record<string, Record<string, string>>;
  readonly complete?: boolean;
}

/** The `github` section; the schema has checked its shape, scope names and levels. */
function readGitHub(ctx: FileContext, raw: RawFile['github']): GitHubTokenConfig | undefined {
  if (!raw) return undefined;
  const variables = raw.variables ? readListings(ctx, 'variables', raw.variables) : undefined;
  const secretArns = raw['secret-arns'] ? readListings(ctx, 'secret-arns', raw['secret-arns']) : undefined;
  return {
    ...(secretArns ? { secretArns } : {}),
    ...(raw['default-token-permissions'] ? { defaultTokenPermissions: raw['default-token-permissions'] } : {}),
    ...(raw['repository-visibility'] ? { repositoryVisibility: raw['repository-visibility'] } : {}),
    ...(raw['job-token-needs'] ? { jobTokenNeeds: raw['job-token-needs'] } : {}),
    ...(variables ? { variables } : {}),
  };
}

/**
 * `github.variables` (partial unless it says `complete: true`) or `github.secret-arns` (always partial), as listings
 * by level, each value within GitHub's size for a variable (the schema has checked names, types and, for secrets,
 * that each value is a role ARN, an account ID or a role name; a value shaped as a credential is refused here).
 */
function readListings(ctx: FileContext, key: 'variables' | 'secret-arns', raw: RawVariables): Variables {
  const source = `${ctx.file} (github.${key})`;
  const complete = raw.complete === true;
  const listing = (values: Record<string, string>, path: string[]): VariableListing => {
    for (const [name, value] of Object.entries(values)) {
      // The schema has checked the value's form; a credential that happens to fit it is refused here.
      if (key === 'secret-arns' && !declarableSecretValue(value))
        reportAt(ctx, [...path, name], `must be ${SECRET_VALUE_KINDS}, not a credential`);
      else if (tooLargeForVariable(value))
        reportAt(
          ctx,
          [...path, name],
          `is larger than ${VARIABLE_LIMITS.valueBytes} bytes, GitHub's limit for a variable`,
        );
    }
    return { values, complete, source };
  };
  const environments = Object.fromEntries(
    Object.entries(raw.environments ?? {}).map(([name, values]) => [
      name,
      listing(values, ['github', key, 'environments', name]),
    ]),
  );
  return {
    ...(raw.repository ? { repository: listing(raw.repository, ['github', key, 'repository']) } : {}),
    ...(Object.keys(environments).length > 0 ? { environments } : {}),
  };
}

function readGitHubOidc(ctx: FileContext, raw: RawGitHubOidc | undefined): GitHubOidcSettings {
  if (!raw) return {};
  const at = (key: string) => ['github-oidc', key];
  const minLifetime = readDuration(ctx, raw['min-lifetime'], at('min-lifetime'));
  const skew = readDuration(ctx, raw['clock-skew'], at('clock-skew'));
  return {
    ...(raw.enabled !== undefined ? { enabled: raw.enabled } : {}),
    ...(raw.audience !== undefined ? { audience: raw.audience } : {}),
    ...(raw.issuer !== undefined ? { issuer: raw.issuer } : {}),
    ...(raw['jwks-url'] !== undefined ? { jwksUrl: raw['jwks-url'] } : {}),
    ...(raw['expected-claims'] !== undefined ? { claims: raw['expected-claims'] } : {}),
    ...(minLifetime !== undefined ? { minLifetimeSeconds: minLifetime } : {}),
    ...(skew !== undefined ? { clockSkewSeconds: skew } : {}),
  };
}

/**
 * Why the config file may not name an introspection endpoint: introspection sends the token, and the client id and
 * secret, to the URL it names (RFC 7662 §2.1, https://www.rfc-editor.org/rfc/rfc7662#section-2.1). The file is read
 * from the workspace, which on a pull request is the change's author's (and under `pull_request_target` a checkout
 * of the head next to the base's secrets), so an endpoint named there could receive every secret the job holds. The
 * workflow, which decides which secrets the step gets, names it instead (the `tokens` input).
 */
const INTROSPECTION_REFUSED = {
  action:
    "is refused in the config file: introspection sends the token and the client's credentials to the URL it names, and the file may come from a pull request. Name the endpoint in the workflow's `tokens` input of the step instead",
  check:
    "is refused in the config file: introspection sends the token and the client's credentials to the URL it names, and the file may come from a pull request. `check` does not introspect: remove `introspection` here, and check an opaque token with the action, its endpoint named in the `tokens` input of the workflow's step",
} as const;

/** Which command reads the file: its errors name that command's way out. */
export type ConfigReader = keyof typeof INTROSPECTION_REFUSED;

/**
 * The file's tokens, through the same reader as the `tokens` input (`readTokenList`), one item at a time so each
 * error is placed at its item and setting. Names are unique, and `github-oidc` is GitHub's token's.
 */
function readTokens(
  ctx: FileContext,
  items: readonly Record<string, unknown>[] | undefined,
  reader: ConfigReader,
): TokenSpec[] {
  const specs: TokenSpec[] = [];
  const first = new Map<string, number>();
  (items ?? []).forEach((item, i) => {
    const name = item.name as string;
    const namePath = ['tokens', i, 'name'];
    if (name === 'github-oidc') {
      reportAt(ctx, namePath, "is the name of GitHub's OIDC token (configure it under github-oidc)");
      return;
    }
    const earlier = first.get(name);
    if (earlier !== undefined) {
      const line = ctx.locate(['tokens', earlier, 'name'], 'value').line;
      reportAt(ctx, namePath, `"${name}" is used twice (first at line ${line})`);
      return;
    }
    first.set(name, i);
    const { introspection, ...rest } = item;
    if (introspection !== undefined)
      reportAt(ctx, ['tokens', i, 'introspection'], INTROSPECTION_REFUSED[reader], 'key');
    const label = `tokens, item 1 ("${name}")`;
    // The file's known settings are the input's but `introspection`, refused above.
    const read = readTokenList([rest], 'tokens', {}, { introspection: false });
    for (const error of read.errors) {
      const field = error.where.startsWith(`${label}, `) ? error.where.slice(label.length + 2) : undefined;
      reportAt(ctx, field !== undefined && field in item ? ['tokens', i, field] : ['tokens', i], error.message);
    }
    if (introspection === undefined) specs.push(...read.specs);
  });
  return specs;
}

/**
 * Reads a config file's text; `file` is its name as the user gave it, for messages and annotations; `reader` the
 * command that reads it (the action by default), whose way out its errors name.
 */
export function readConfigFile(
  text: string,
  file: string,
  reader: ConfigReader = 'action',
): { ok: true; settings: FileSettings } | { ok: false; errors: ConfigError[] } {
  const parsed = parseYamlWithPositions(text, file);
  if (!parsed.ok) return parsed;
  // An empty file (or one with only comments) configures nothing: the inputs decide everything.
  const value = parsed.value ?? {};
  const schemaErrors = validateConfigSchema(value);
  if (schemaErrors.length > 0) {
    return { ok: false, errors: describeSchemaErrors(schemaErrors, value, file, parsed.locate) };
  }
  const raw = value as RawFile;
  const ctx: FileContext = { file, text, locate: parsed.locate, errors: [] };
  const minLifetime = readDuration(ctx, raw['min-token-lifetime'], ['min-token-lifetime']);
  const skew = readDuration(ctx, raw['clock-skew'], ['clock-skew']);
  const githubOidc = readGitHubOidc(ctx, raw['github-oidc']);
  const tokens = readTokens(ctx, raw.tokens, reader);
  const aws = readRoles(ctx, raw.aws ?? {});
  const github = readGitHub(ctx, raw.github);
  if (ctx.errors.length > 0) {
    return {
      ok: false,
      errors: ctx.errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)),
    };
  }
  return {
    ok: true,
    settings: {
      file,
      ...(raw.mode ? { mode: raw.mode } : {}),
      ...(raw.baseline ? { baseline: raw.baseline } : {}),
      ...(minLifetime !== undefined ? { minTokenLifetimeSeconds: minLifetime } : {}),
      ...(skew !== undefined ? { clockSkewSeconds: skew } : {}),
      githubOidc,
      tokens,
      awsSources: aws.sources,
      ...(aws.declaredAbsent ? { awsDeclaredAbsent: aws.declaredAbsent } : {}),
      roles: aws.roles,
      ...(github ? { github } : {}),
    },
  };
}
