/**
 * The config file (`.github/preflight.yml`, schema/preflight.schema.json) read into settings that the action's
 * inputs are then laid over (`buildConfig`), and the one configuration type they build. Types and plain data only, so the modules that merge inputs never
 * load the file reader, its YAML parser or its validator: those load only when a file exists.
 */
import type { AssumeRoleSettings, DeclaredAbsent, RequiredPermission } from '../model/aws.js';
import type { Mode } from '../model/product.js';
import type { RepositoryVisibility } from '../model/runner.js';
import type { Variables } from '../model/variables.js';
import type { TokenSpec } from '../tokens/types.js';
import type { AwsConfig, AwsSources } from './aws.js';

/** A role to check: the AWS configuration, plus the permissions that only some environments need. */
export interface RoleConfig extends AwsConfig {
  /**
   * GitHub environment name → permissions added to `permissions` when the job runs in that environment (names compare
   * case-insensitively, as GitHub's do). Resolved by `resolveEnvironment` once GitHub's token has been read.
   */
  readonly environments?: Readonly<Record<string, readonly RequiredPermission[]>>;
  /** Policy layers declared absent (`organizations`, `no-resource-policy`: the role's own, else `aws`'s). */
  readonly declaredAbsent?: DeclaredAbsent;
}

/** The `github-oidc` section; what is absent falls back to the inputs' defaults. */
export interface GitHubOidcSettings {
  readonly enabled?: boolean;
  readonly audience?: string;
  readonly issuer?: string;
  readonly jwksUrl?: string;
  readonly claims?: Readonly<Record<string, string>>;
  readonly minLifetimeSeconds?: number;
  readonly clockSkewSeconds?: number;
}

/**
 * The `github` section (the GitHub token permissions check) and the `github-tokens` input. Plain data: the check
 * (src/checks/github-token.ts) turns it into its settings.
 */
export interface GitHubTokenConfig {
  /** `github.default-token-permissions`: the repository's default for jobs that state no `permissions:`. */
  readonly defaultTokenPermissions?: 'read' | 'write';
  /** `github.repository-visibility` (or `predict --repository-visibility`): public, private or internal. */
  readonly repositoryVisibility?: RepositoryVisibility;
  /** `github.job-token-needs`: job id → scope → level its steps need beyond what the tables find. */
  readonly jobTokenNeeds?: Readonly<Record<string, Readonly<Record<string, 'read' | 'write'>>>>;
  /** The `github-tokens` input, as given: secret names, each `SECRET` or `SECRET=VARIABLE` (src/sources/github-api.ts). */
  readonly tokensInput?: string;
  /** `github.variables`: configuration variables the workflows read (partial unless it says `complete: true`). */
  readonly variables?: Variables;
  /** `github.secret-arns`: what some secrets hold (role ARNs, account IDs), partial listings. */
  readonly secretArns?: Variables;
}

/** A role as the file gives it: its audience stays unset when the file does not set it (it follows `github-oidc`). */
export interface FileRole extends Omit<RoleConfig, 'settings'> {
  readonly settings: Omit<AssumeRoleSettings, 'audience'> & { readonly audience?: string };
}

/** A valid config file, read. */
export interface FileSettings {
  /** The file as the user named it, for messages. */
  readonly file: string;
  readonly mode?: Mode;
  /** `baseline`: `artifact`, `off`, or a file path. */
  readonly baseline?: string;
  readonly minTokenLifetimeSeconds?: number;
  readonly clockSkewSeconds?: number;
  readonly githubOidc: GitHubOidcSettings;
  /** The file's tokens; `min-lifetime` and `clock-skew` are left unset where the token does not set them. */
  readonly tokens: readonly TokenSpec[];
  /** `aws.policy-files`, `aws.live-reads`, ...: the sources of a role that sets none, and of one added by the inputs. */
  readonly awsSources: AwsSources;
  /** `aws`'s `organizations` and `no-resource-policy`: the default of every role, and of a role made from inputs. */
  readonly awsDeclaredAbsent?: DeclaredAbsent;
  readonly roles: readonly FileRole[];
  /** The `github` section, when the file has one. */
  readonly github?: GitHubTokenConfig;
}

/** The settings of no file at all: the inputs alone decide. */
export const NO_FILE: FileSettings = {
  file: '',
  githubOidc: {},
  tokens: [],
  awsSources: { policyFiles: [], liveReads: false, probe: false, crossCheck: false },
  roles: [],
};

/** The `baseline` setting: a workflow artifact, or a file relative to the workspace. */
export type BaselineSetting = { readonly kind: 'artifact' } | { readonly kind: 'file'; readonly path: string };

/** The run's configuration, as `buildConfig` (src/config/build.ts) makes it for the action and the CLI alike. */
export interface PreflightConfig {
  readonly mode: Mode;
  /** Where the last passing run's record is kept (docs/baseline.md); absent: off. */
  readonly baseline?: BaselineSetting;
  readonly tokens: readonly TokenSpec[];
  /** The AWS checks, one per role (the inputs alone configure at most one; a config file, several). */
  readonly roles: readonly RoleConfig[];
  /** The `environment` input: the GitHub environment the job runs in, when no OIDC token says it. */
  readonly environment?: string;
  /**
   * The `allow-outside-workspace` input (the CLI's --allow-outside-workspace): `config`, `policy-files` and the links
   * in policy folders may lead outside the workspace. An input only: the config file cannot widen what is read.
   */
  readonly allowOutsideWorkspace?: boolean;
  /** The GitHub token permissions check's settings (the file's `github` section, the `github-tokens` input). */
  readonly github?: GitHubTokenConfig;
  /** The repository's workflows read and every deploy job checked (the `workflows` input); absent: off. */
  readonly workflows?: WorkflowsConfig;
}

/**
 * The `workflows` input: `true` reads the repository's workflows beside what the configuration names; empty (the
 * default) reads them when the configuration names no role and no bearer token (zero configuration); `false` never.
 */
export interface WorkflowsConfig {
  /** True when the input asked for it; false when zero configuration turned it on. */
  readonly explicit: boolean;
  /** Where the deploy jobs' roles are read from: `aws.policy-files` and the source inputs, as for a role. */
  readonly sources: AwsSources;
  readonly declaredAbsent?: DeclaredAbsent;
  /**
   * The `oidc-subject-form` input: whether the repository's `sub` names it as `OWNER/REPO` or in the immutable form
   * `OWNER@ID/REPO@ID`; unknown when not given, and both forms are predicted (docs/predict.md).
   */
  readonly subjectForm?: 'names' | 'immutable';
  /** The `vars` input: the organization's and repository's variables, every one. */
  readonly variables?: Variables;
}

/** Parses YAML; passed in so that the YAML parser loads only when the `tokens` input is used. */
export type ParseYaml = (text: string) => { ok: true; value: unknown } | { ok: false; error: string };
