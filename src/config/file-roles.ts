/**
 * The config file's `aws` section: the roles, each with the configure-aws-credentials fields, its permissions, its
 * per-environment permissions and its sources (the role's own, else `aws`'s). Runs after the schema passed, so
 * shapes are known; what is checked here is what a schema cannot say: a role listed twice, an inline session policy
 * whose JSON does not parse, permission lines that do not parse, environment names that differ only in case.
 */
import {
  type AssumeRoleSettings,
  DEFAULT_DURATION_SECONDS,
  DEFAULT_SESSION_NAME,
  type DeclaredAbsent,
  type RequiredPermission,
} from '../model/aws.js';
import { jsonTooDeep, MAX_JSON_DEPTH } from '../text/json-depth.js';
import type { AwsSources } from './aws.js';
import { type FileContext, type FilePath, readDuration, readPermissionList, reportAt } from './file-context.js';
import type { FileRole } from './model.js';

/** Where policies come from, as `aws` and each role may set it. */
interface RawSources {
  readonly 'policy-files'?: readonly string[];
  readonly 'live-reads'?: boolean;
  readonly probe?: boolean;
  readonly 'cross-check'?: boolean;
  readonly organizations?: 'none';
  readonly 'no-resource-policy'?: readonly string[];
}

/** A role as the schema lets it be. */
interface RawRole extends RawSources {
  readonly 'role-to-assume': string;
  readonly 'aws-region'?: string;
  readonly audience?: string;
  readonly 'role-duration-seconds'?: number;
  readonly 'role-session-name'?: string;
  readonly 'inline-session-policy'?: string | Record<string, unknown>;
  readonly 'managed-session-policies'?: readonly string[];
  readonly 'role-chaining'?: boolean;
  readonly 'role-skip-session-tagging'?: boolean;
  readonly 'custom-tags'?: Readonly<Record<string, string>>;
  readonly 'transitive-tag-keys'?: readonly string[];
  readonly 'role-external-id'?: string;
  readonly 'web-identity-token-file'?: string;
  readonly 'expected-duration'?: string | number;
  readonly permissions?: readonly string[];
  readonly environments?: Readonly<Record<string, readonly string[]>>;
}

/** The sources a mapping sets, over `base`. */
function readSources(raw: RawSources, base: AwsSources): AwsSources {
  return {
    policyFiles: raw['policy-files'] ?? base.policyFiles,
    liveReads: raw['live-reads'] ?? base.liveReads,
    probe: raw.probe ?? base.probe,
    crossCheck: raw['cross-check'] ?? base.crossCheck,
  };
}

/** The layers a mapping declares absent, over `base` (each key replaces `base`'s). */
function readDeclared(raw: RawSources, base: DeclaredAbsent | undefined): DeclaredAbsent | undefined {
  const organizations = raw.organizations ?? base?.organizations;
  const noResourcePolicy = raw['no-resource-policy'] ?? base?.noResourcePolicy;
  if (organizations === undefined && noResourcePolicy === undefined) return undefined;
  return {
    ...(organizations !== undefined ? { organizations } : {}),
    ...(noResourcePolicy !== undefined ? { noResourcePolicy } : {}),
  };
}

/** The inline session policy: a mapping as it is, a string as JSON text that must hold a mapping. */
function readInlinePolicy(
  ctx: FileContext,
  value: RawRole['inline-session-policy'],
  path: readonly (string | number)[],
): AssumeRoleSettings['inlineSessionPolicy'] {
  if (value === undefined) return undefined;
  const line = ctx.locate(path, 'value').line;
  let document: unknown = value;
  if (typeof value === 'string') {
    if (jsonTooDeep(value)) {
      reportAt(ctx, path, `nests deeper than ${MAX_JSON_DEPTH} levels, which no policy does`);
      return undefined;
    }
    try {
      document = JSON.parse(value);
    } catch (error) {
      reportAt(ctx, path, `is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
    if (typeof document !== 'object' || document === null || Array.isArray(document)) {
      reportAt(ctx, path, 'must be a policy document (a JSON object with Version and Statement)');
      return undefined;
    }
  }
  return { name: 'inline-session-policy', document, file: ctx.file, line };
}

/** Per-environment permissions; two names that differ only in case are one environment to GitHub. */
function readEnvironments(
  ctx: FileContext,
  raw: RawRole['environments'],
  path: readonly (string | number)[],
): Record<string, RequiredPermission[]> | undefined {
  if (raw === undefined) return undefined;
  const out: Record<string, RequiredPermission[]> = {};
  const seen = new Map<string, string>();
  for (const [name, lines] of Object.entries(raw)) {
    const earlier = seen.get(name.toLowerCase());
    if (earlier !== undefined) {
      reportAt(
        ctx,
        [...path, name],
        `names the same environment as "${earlier}" (GitHub environment names ignore case)`,
        'key',
      );
      continue;
    }
    seen.set(name.toLowerCase(), name);
    out[name] = readPermissionList(ctx, lines, [...path, name]);
  }
  return out;
}

/** The role settings that are strings or lists of strings: each has an action input of the same name (action.yml). */
const STRING_SETTINGS = [
  'role-to-assume',
  'aws-region',
  'audience',
  'role-session-name',
  'inline-session-policy',
  'managed-session-policies',
  'expected-duration',
  'policy-files',
  'transitive-tag-keys',
  'role-external-id',
  'web-identity-token-file',
] as const;

/**
 * `${{ … }}` in a setting: the runner evaluates expressions only in the workflow file, where the keys that accept them
 * are listed, and `with:` inputs are among them
 * (https://docs.github.com/en/actions/reference/workflows-and-actions/contexts#context-availability). This file is
 * read as it is, so the expression would reach STS as text (`deploy@${{ github.run_id }}` as a session name).
 * Each is reported at its value.
 */
function refuseExpressions(ctx: FileContext, raw: Readonly<Record<string, unknown>>, path: FilePath): void {
  for (const key of STRING_SETTINGS) {
    const value = raw[key];
    const values: [string, FilePath][] = typeof value === 'string' ? [[value, [...path, key]]] : [];
    if (Array.isArray(value)) {
      value.forEach((v: unknown, i) => {
        if (typeof v === 'string') values.push([v, [...path, key, i]]);
      });
    }
    for (const [text, at] of values) {
      if (!text.includes('${{')) continue;
      reportAt(
        ctx,
        at,
        `holds a GitHub Actions expression, which is not evaluated here: this config file is not a workflow, so the value would reach AWS as written. Remove ${key} from the file and pass it through the action's input of the same name instead, which the runner evaluates (under the step's \`with:\`: \`${key}: ${text}\`)`,
      );
    }
  }
}

function readRole(
  ctx: FileContext,
  raw: RawRole,
  index: number,
  base: AwsSources,
  baseDeclared: DeclaredAbsent | undefined,
): FileRole {
  const path = ['aws', 'roles', index];
  const at = (key: string) => [...path, key];
  refuseExpressions(ctx, raw as unknown as Readonly<Record<string, unknown>>, path);
  const rawInline = raw['inline-session-policy'];
  // An expression is reported once, above, not again as JSON that does not parse.
  const unevaluated = typeof rawInline === 'string' && rawInline.includes('${{');
  const inline = unevaluated ? undefined : readInlinePolicy(ctx, rawInline, at('inline-session-policy'));
  const expected = readDuration(ctx, raw['expected-duration'], at('expected-duration'));
  const environments = readEnvironments(ctx, raw.environments, at('environments'));
  const declaredAbsent = readDeclared(raw, baseDeclared);
  return {
    settings: {
      roleArn: raw['role-to-assume'],
      ...(raw['aws-region'] !== undefined
        ? { region: raw['aws-region'], regionAt: { file: ctx.file, line: ctx.locate(at('aws-region'), 'value').line } }
        : {}),
      ...(raw.audience !== undefined ? { audience: raw.audience } : {}),
      durationSeconds: raw['role-duration-seconds'] ?? DEFAULT_DURATION_SECONDS,
      sessionName: raw['role-session-name'] ?? DEFAULT_SESSION_NAME,
      ...(inline ? { inlineSessionPolicy: inline } : {}),
      managedSessionPolicyArns: raw['managed-session-policies'] ?? [],
      roleChaining: raw['role-chaining'] ?? false,
      sessionTags: {},
      skipSessionTagging: raw['role-skip-session-tagging'] ?? false,
      ...(raw['custom-tags'] !== undefined ? { customTags: raw['custom-tags'] } : {}),
      transitiveTagKeys: raw['transitive-tag-keys'] ?? [],
      ...(raw['role-external-id'] !== undefined ? { externalId: raw['role-external-id'] } : {}),
      ...(raw['web-identity-token-file'] !== undefined ? { webIdentityTokenFile: raw['web-identity-token-file'] } : {}),
      ...(expected !== undefined ? { expectedDurationSeconds: expected } : {}),
    },
    permissions: readPermissionList(ctx, raw.permissions ?? [], at('permissions')),
    ...(environments ? { environments } : {}),
    sources: readSources(raw, base),
    ...(declaredAbsent ? { declaredAbsent } : {}),
  };
}

/** Reads `aws`: its default sources and its roles. A role ARN listed twice is an error at the second. */
export function readRoles(
  ctx: FileContext,
  raw: RawSources & { readonly roles?: readonly RawRole[] },
): { sources: AwsSources; declaredAbsent?: DeclaredAbsent; roles: FileRole[] } {
  refuseExpressions(ctx, raw as Readonly<Record<string, unknown>>, ['aws']);
  const sources = readSources(raw, { policyFiles: [], liveReads: false, probe: false, crossCheck: false });
  const declaredAbsent = readDeclared(raw, undefined);
  const roles: FileRole[] = [];
  const first = new Map<string, number>();
  (raw.roles ?? []).forEach((role, i) => {
    const arn = role['role-to-assume'];
    const earlier = first.get(arn);
    if (earlier !== undefined) {
      const line = ctx.locate(['aws', 'roles', earlier, 'role-to-assume'], 'value').line;
      reportAt(
        ctx,
        ['aws', 'roles', i, 'role-to-assume'],
        `lists ${arn} a second time (first at line ${line}); give each role once, with every permission it needs`,
      );
      return;
    }
    first.set(arn, i);
    roles.push(readRole(ctx, role, i, sources, declaredAbsent));
  });
  return { sources, ...(declaredAbsent ? { declaredAbsent } : {}), roles };
}
