/**
 * The session tags configure-aws-credentials passes when it assumes a role with sts:AssumeRole (role chaining, or
 * access keys), built as it builds them (aws-actions/configure-aws-credentials src/assumeRole.ts): GitHub=Actions,
 * Repository, Workflow, Action, Actor and Commit from the runner's `GITHUB_*` variables, Branch from GITHUB_REF when
 * it is set, then `custom-tags`; values sanitised (a character outside `[\p{L}\p{Z}\p{N}_.:/=+\-@]` becomes `*`) and
 * cut to 256 characters, keys cut to 128. With the OIDC token (AssumeRoleWithWebIdentity) it passes none, and with
 * `role-skip-session-tagging` none either. Pure over the environment it is given.
 */
import type { AssumeRoleSettings } from '../model/aws.js';

/** Session tag limits of AWS (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html, Tags). */
export const MAX_SESSION_TAGS = 50;
export const MAX_TAG_KEY_CHARS = 128;
export const MAX_TAG_VALUE_CHARS = 256;

const UNSAFE = /[^\p{L}\p{Z}\p{N}_.:/=+\-@]/gu;

/** A tag value as configure-aws-credentials sends it: unsafe characters replaced by `*`, at most 256 characters. */
export function sanitizeTagValue(value: string): string {
  return value.replace(UNSAFE, '*').slice(0, MAX_TAG_VALUE_CHARS);
}

/** The runner variables each of configure-aws-credentials' own tags takes its value from. */
const FROM_ENV: readonly (readonly [string, string])[] = [
  ['Repository', 'GITHUB_REPOSITORY'],
  ['Workflow', 'GITHUB_WORKFLOW'],
  ['Action', 'GITHUB_ACTION'],
  ['Actor', 'GITHUB_ACTOR'],
  ['Commit', 'GITHUB_SHA'],
];

/**
 * The tags the deploy's AssumeRole carries for these settings: none unless the role is chained and tagging is not
 * skipped. A variable the environment lacks (a run outside Actions) gives an empty value: the keys, which decide
 * whether sts:TagSession is needed, are the same as on a runner.
 */
export function cacSessionTags(
  settings: AssumeRoleSettings,
  env: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
  if (!settings.roleChaining || settings.skipSessionTagging) return {};
  const tags: Record<string, string> = { GitHub: 'Actions' };
  for (const [key, name] of FROM_ENV) tags[key] = sanitizeTagValue(env[name] ?? '');
  if (env.GITHUB_REF) tags.Branch = sanitizeTagValue(env.GITHUB_REF);
  for (const [key, value] of Object.entries(settings.customTags ?? {})) {
    tags[key.slice(0, MAX_TAG_KEY_CHARS)] = sanitizeTagValue(value);
  }
  return tags;
}
