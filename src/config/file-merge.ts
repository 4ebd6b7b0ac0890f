/**
 * The AWS inputs laid over the config file's roles. The rules (README "Configuration file", and the schema's
 * description say the same):
 * - `role-to-assume` names the role the role inputs are for: the file's role with that ARN, whose fields each given
 *   (non-empty) input replaces, or a new role after the file's when none has that ARN.
 * - Without `role-to-assume`, the role inputs apply to the file's only role; with several roles they are an error
 *   (which one was meant?), and with none, too (there is no role to apply them to).
 * - The `permissions` input replaces the role's common `permissions`; its `environments` stay.
 * - The source inputs (`policy-files`, `aws-live-reads`, `aws-probe`, `aws-cross-check`) replace the sources of every
 *   role: they say what this job may read, whichever role it checks.
 * Parsing and validating each input stays in `readAwsConfig`, so an input means the same with or without a file.
 */
import type { AssumeRoleSettings, DeclaredAbsent } from '../model/aws.js';
import { type AwsSources, readAwsConfig } from './aws.js';
import type { FileRole, FileSettings, RoleConfig } from './model.js';
import type { ConfigError } from './tokens.js';

/** The inputs that configure one role (besides `role-to-assume` and `audience`). */
const ROLE_INPUTS = [
  'aws-region',
  'role-duration-seconds',
  'role-session-name',
  'inline-session-policy',
  'managed-session-policies',
  'role-chaining',
  'role-skip-session-tagging',
  'custom-tags',
  'transitive-tag-keys',
  'role-external-id',
  'web-identity-token-file',
  'expected-duration',
  'permissions',
] as const;

/** The inputs that say where policies come from, and the source each sets. */
const SOURCE_INPUTS = {
  'policy-files': 'policyFiles',
  'aws-live-reads': 'liveReads',
  'aws-probe': 'probe',
  'aws-cross-check': 'crossCheck',
} as const satisfies Record<string, keyof AwsSources>;

/**
 * The sources and declarations the deploy jobs read from the workflows are checked against: the file's `aws` ones
 * with the inputs over them, as for a role the inputs add.
 */
export function workflowSources(
  getInput: (name: string) => string,
  file: Pick<FileSettings, 'awsSources' | 'awsDeclaredAbsent'>,
): { sources: AwsSources; declaredAbsent?: DeclaredAbsent } {
  // The inputs' errors are reported once, by mergeRoleInputs.
  const ignored: ConfigError[] = [];
  const sources = { ...file.awsSources, ...readSourceInputs(getInput, ignored) };
  const declared = { ...file.awsDeclaredAbsent, ...readDeclaredInputs(getInput, ignored) };
  return { sources, ...(Object.keys(declared).length > 0 ? { declaredAbsent: declared } : {}) };
}

function readSourceInputs(getInput: (name: string) => string, errors: ConfigError[]): Partial<AwsSources> {
  const out: { -readonly [K in keyof AwsSources]?: AwsSources[K] } = {};
  for (const [input, key] of Object.entries(SOURCE_INPUTS)) {
    const value = getInput(input);
    if (value === '') continue;
    if (key === 'policyFiles') {
      out.policyFiles = value
        .split(/\r?\n|,/)
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#'));
    } else if (value === 'true' || value === 'false') out[key] = value === 'true';
    else errors.push({ where: `input ${input}`, message: `must be true or false, got "${value}"` });
  }
  return out;
}

/**
 * The inputs that declare policy layers absent, `organizations` and `no-resource-policy` (action.yml): each given one
 * replaces that declaration of every role, as the source inputs do.
 */
export function readDeclaredInputs(getInput: (name: string) => string, errors: ConfigError[]): DeclaredAbsent {
  const out: { organizations?: 'none'; noResourcePolicy?: readonly string[] } = {};
  const organizations = getInput('organizations');
  if (organizations === 'none') out.organizations = 'none';
  else if (organizations !== '')
    errors.push({
      where: 'input organizations',
      message: `must be none (the account is in no organization, so no SCP or RCP applies), got "${organizations}"`,
    });
  const resources = getInput('no-resource-policy')
    .split(/\r?\n|,/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  const bad = resources.find((r) => r !== '*' && !/^arn:\S+$/.test(r));
  if (bad !== undefined)
    errors.push({
      where: 'input no-resource-policy',
      message: `"${bad}" is not a resource ARN (wildcards * and ? allowed), or * for every resource`,
    });
  else if (resources.length > 0) out.noResourcePolicy = resources;
  return out;
}

/** A role with the inputs' declarations over its own; unchanged when neither declares anything. */
function declare(role: RoleConfig, over: DeclaredAbsent): RoleConfig {
  const declaredAbsent = { ...role.declaredAbsent, ...over };
  if (Object.keys(declaredAbsent).length === 0) return role;
  return { ...role, declaredAbsent };
}

/** Which file role the role inputs are for: its index, `'add'` for a new one, or undefined for none. */
function targetOf(
  getInput: (name: string) => string,
  roles: readonly FileRole[],
  errors: ConfigError[],
): number | 'add' | undefined {
  const arn = getInput('role-to-assume');
  if (arn !== '') {
    const index = roles.findIndex((r) => r.settings.roleArn === arn);
    return index >= 0 ? index : 'add';
  }
  const given = ROLE_INPUTS.filter((name) => getInput(name) !== '');
  const [first] = given;
  // `audience` is also GitHub's token's audience: alone, it picks no role out of several, but it is the only one's.
  if (roles.length === 1 && (first !== undefined || getInput('audience') !== '')) return 0;
  if (first === undefined) return undefined;
  errors.push({
    where: `input ${first}`,
    message:
      roles.length === 0
        ? first === 'permissions'
          ? 'needs role-to-assume: the permissions are checked for that role'
          : 'needs role-to-assume (or a role in the config file): it configures that role'
        : `needs role-to-assume: the config file lists ${roles.length} roles, and ${given.join(', ')} must say which one ${given.length > 1 ? 'they are' : 'it is'} for`,
  });
  return undefined;
}

/** A file role made final: its audience follows `github-oidc` when it sets none, and the source inputs apply. */
function finish(role: FileRole, audience: string, sources: Partial<AwsSources>): RoleConfig {
  return {
    ...role,
    settings: { ...role.settings, audience: role.settings.audience ?? audience },
    sources: { ...role.sources, ...sources },
  };
}

/**
 * The roles to check: the file's, with the AWS inputs laid over them as the module comment says. `audience` is the
 * audience GitHub's token is requested for (the `audience` input, else the file's `github-oidc.audience`).
 */
export function mergeRoleInputs(
  getInput: (name: string) => string,
  audience: string,
  file: FileSettings,
  errors: ConfigError[],
): RoleConfig[] {
  const declared = readDeclaredInputs(getInput, errors);
  return mergeRoles(getInput, audience, file, errors).map((role) => declare(role, declared));
}

function mergeRoles(
  getInput: (name: string) => string,
  audience: string,
  file: FileSettings,
  errors: ConfigError[],
): RoleConfig[] {
  const sources = readSourceInputs(getInput, errors);
  const target = targetOf(getInput, file.roles, errors);
  const roles = file.roles.map((role) => finish(role, audience, sources));
  if (target === undefined) return roles;
  const base = target === 'add' ? undefined : file.roles[target];
  const roleArn = base?.settings.roleArn ?? getInput('role-to-assume');
  // The source inputs are read above for every role; hiding them here keeps readAwsConfig from reporting them twice.
  const parsed = readAwsConfig(
    (name) => (name === 'role-to-assume' ? roleArn : name in SOURCE_INPUTS ? '' : getInput(name)),
    audience,
    errors,
  );
  if (!parsed) return roles;
  const given = (name: string) => getInput(name) !== '' || base === undefined;
  const from = base?.settings;
  const p = parsed.settings;
  // A given input takes the parsed value; otherwise the file's stays. An optional field that is unset stays absent.
  const pick = (input: string, key: Exclude<keyof AssumeRoleSettings, 'audience'>) => {
    const value = given(input) || !from ? p[key] : from[key];
    return value === undefined ? {} : { [key]: value };
  };
  // Built from computed keys, which TypeScript types as an index signature: every field is set above or by `pick`.
  const settings = {
    roleArn,
    audience: getInput('audience') !== '' ? audience : (from?.audience ?? audience),
    sessionTags: from?.sessionTags ?? p.sessionTags,
    ...pick('aws-region', 'region'),
    ...pick('role-duration-seconds', 'durationSeconds'),
    ...pick('role-session-name', 'sessionName'),
    ...pick('inline-session-policy', 'inlineSessionPolicy'),
    ...pick('managed-session-policies', 'managedSessionPolicyArns'),
    ...pick('role-chaining', 'roleChaining'),
    ...pick('role-skip-session-tagging', 'skipSessionTagging'),
    ...pick('custom-tags', 'customTags'),
    ...pick('transitive-tag-keys', 'transitiveTagKeys'),
    ...pick('role-external-id', 'externalId'),
    ...pick('web-identity-token-file', 'webIdentityTokenFile'),
    ...pick('expected-duration', 'expectedDurationSeconds'),
  } as AssumeRoleSettings;
  let merged: RoleConfig = {
    settings,
    permissions: given('permissions') ? parsed.permissions : (base?.permissions ?? []),
    ...(base?.environments ? { environments: base.environments } : {}),
    sources: { ...(base?.sources ?? file.awsSources), ...sources },
  };
  const declared = base ? base.declaredAbsent : file.awsDeclaredAbsent;
  if (declared) merged = { ...merged, declaredAbsent: declared };
  if (target === 'add') roles.push(merged);
  else roles[target] = merged;
  return roles;
}
