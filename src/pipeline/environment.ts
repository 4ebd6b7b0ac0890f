/**
 * Which GitHub environment the job runs in, and so which permission set each role is checked with. A step cannot
 * see its job's `environment:`; GitHub's OIDC token can: its `environment` claim names it, and it has none when the
 * job has no environment (https://docs.github.com/en/actions/reference/security/oidc#understanding-the-oidc-token).
 * The `environment` input says it when there is no token (`github-oidc` off, or the CLI). The token is authoritative:
 * an input that disagrees with it is a failed finding, for AWS will see the token, not the input.
 * Pure.
 */

import type { AwsConfig } from '../config/aws.js';
import type { RoleConfig } from '../config/model.js';
import { type Finding, finding } from '../model/finding.js';
import type { Claims } from '../tokens/decode.js';

/** The environment in play, the roles with their permissions resolved, and the findings about it. */
export interface ResolvedEnvironment {
  /** The environment's name; undefined when the job has none or it is unknown. */
  readonly environment?: string;
  /** How it was learned, for the log and the report. */
  readonly source: 'oidc-token' | 'input' | 'none' | 'unknown';
  readonly roles: AwsConfig[];
  readonly findings: Finding[];
}

const SUBJECT = 'GitHub environment';

/** The role's permissions in `environment`: the common ones, then that environment's (names ignore case). */
export function permissionsIn(role: RoleConfig, environment: string | undefined): AwsConfig {
  const { environments, ...aws } = role;
  if (!environments || environment === undefined) return aws;
  const key = Object.keys(environments).find((name) => name.toLowerCase() === environment.toLowerCase());
  const extra = key === undefined ? [] : (environments[key] ?? []);
  return { ...aws, permissions: [...aws.permissions, ...extra] };
}

/**
 * Resolves the environment from GitHub's token (`claims`: the token's claims when it was read, undefined when
 * there is none) and the `environment` input. `tokenChecked` says whether GitHub's token was configured at all.
 */
export function resolveEnvironment(
  roles: readonly RoleConfig[],
  input: string | undefined,
  claims: Claims | undefined,
  tokenChecked: boolean,
): ResolvedEnvironment {
  const split = roles.filter((r) => r.environments && Object.keys(r.environments).length > 0);
  const names = [...new Set(split.flatMap((r) => Object.keys(r.environments ?? {})))];
  // A claim that is not text (GitHub issues a string) says nothing of the environment: unknown, whatever the input.
  const malformed = claims !== undefined && claims.environment !== undefined && typeof claims.environment !== 'string';
  const claimed = claims && !malformed ? (typeof claims.environment === 'string' ? claims.environment : '') : undefined;
  const { environment, source } = malformed
    ? { environment: undefined, source: 'unknown' as const }
    : environmentOf(input, claimed);
  const findings: Finding[] = [];
  if (claimed !== undefined && input && input.toLowerCase() !== claimed.toLowerCase()) {
    findings.push(inputMismatch(input, claimed));
  } else if (split.length > 0) {
    findings.push(
      source === 'unknown' ? environmentUnknown(names, tokenChecked) : environmentKnown(environment, source, names),
    );
  }
  return {
    ...(environment !== undefined ? { environment } : {}),
    source,
    roles: roles.map((r) => permissionsIn(r, environment)),
    findings,
  };
}

/** The environment and where it was learned: the token's claim (`''` when it has none), else the input. */
function environmentOf(
  input: string | undefined,
  claimed: string | undefined,
): { readonly environment?: string; readonly source: ResolvedEnvironment['source'] } {
  if (claimed !== undefined) return claimed ? { environment: claimed, source: 'oidc-token' } : { source: 'none' };
  return input ? { environment: input, source: 'input' } : { source: 'unknown' };
}

/** The input names another environment than the token's claim: AWS sees the token. */
function inputMismatch(input: string, claimed: string): Finding {
  return finding('environment-mismatch', {
    id: 'config:environment:mismatch',
    subject: SUBJECT,
    message: claimed
      ? `The environment input says "${input}", but GitHub's OIDC token says the job runs in "${claimed}": AWS sees the token, so the deploy runs as "${claimed}".`
      : `The environment input says "${input}", but GitHub's OIDC token has no environment claim: the job declares no environment, so trust policies that expect "${input}" will not match.`,
    evidence: { input, claim: claimed || '(none)' },
    fix: claimed
      ? `Set the environment input to "${claimed}", or run the job in "${input}" (jobs.<job_id>.environment).`
      : `Add \`environment: ${input}\` to the job, or remove the environment input.`,
  });
}

/** Roles split their permissions by environment, and neither the token nor the input says which: fail closed. */
function environmentUnknown(names: readonly string[], tokenChecked: boolean): Finding {
  return finding('could-not-verify', {
    id: 'config:environment:unknown',
    subject: SUBJECT,
    decisionPoint: 'config',
    status: 'unverified',
    message: `Roles set permissions per environment (${names.join(', ')}), but the job's environment is not known: ${tokenChecked ? "GitHub's OIDC token could not be read" : 'github-oidc is off'} and the environment input is empty. Only the common permissions were checked (fail closed).`,
    evidence: { environments: names },
    fix: tokenChecked
      ? "Fix the GitHub OIDC token finding above (its environment claim names the environment), or set the environment input to the job's environment."
      : "Set the environment input to the job's `environment:` name, or turn github-oidc on.",
  });
}

/** Which permission set each role is checked with, in the known environment (or none). */
function environmentKnown(
  environment: string | undefined,
  source: ResolvedEnvironment['source'],
  names: readonly string[],
): Finding {
  const listed = environment !== undefined && names.some((n) => n.toLowerCase() === environment.toLowerCase());
  return finding('ok', {
    id: 'config:environment',
    subject: SUBJECT,
    decisionPoint: 'config',
    message:
      environment === undefined
        ? "The job runs in no environment (GitHub's OIDC token has no environment claim): each role is checked with its common permissions."
        : `The job runs in "${environment}" (${source === 'oidc-token' ? "GitHub's OIDC token's environment claim" : 'the environment input'}): each role is checked with its common permissions${listed ? ` and those of "${environment}"` : `; no role lists "${environment}" under environments`}.`,
    evidence: { environment: environment ?? '(none)', source, environments: names },
  });
}
