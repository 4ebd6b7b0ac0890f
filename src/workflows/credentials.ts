/**
 * Which steps obtain credentials: `aws-actions/configure-aws-credentials` (any version, tag, branch or commit pin),
 * and steps that request GitHub's OIDC token themselves. A job step requests the token from the endpoint the
 * runner gives in `ACTIONS_ID_TOKEN_REQUEST_URL` with `ACTIONS_ID_TOKEN_REQUEST_TOKEN`, or through
 * `core.getIDToken()` of `@actions/core`
 * (https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect#updating-your-actions-for-oidc).
 */
import type { AwsCredentialSettings, CredentialUse, ValueMap, WorkflowStep } from './model.js';

const CONFIGURE_AWS = /^aws-actions\/configure-aws-credentials(?:@|$)/i;

/** Whether the step is configure-aws-credentials (its `uses:` is known and names the action). */
export function isConfigureAwsCredentials(step: WorkflowStep): boolean {
  return step.uses?.kind === 'known' && CONFIGURE_AWS.test(String(step.uses.value).trim());
}

/**
 * The inputs of configure-aws-credentials that decide the exchange, by their names in its `action.yml`
 * (https://github.com/aws-actions/configure-aws-credentials/blob/main/action.yml). Input names are matched
 * without regard to case, as the runner does for `with:` keys.
 */
const SETTINGS: ReadonlyArray<[keyof Omit<AwsCredentialSettings, 'with'>, string]> = [
  ['roleToAssume', 'role-to-assume'],
  ['awsRegion', 'aws-region'],
  ['audience', 'audience'],
  ['roleSessionName', 'role-session-name'],
  ['roleDurationSeconds', 'role-duration-seconds'],
  ['roleChaining', 'role-chaining'],
  ['roleSkipSessionTagging', 'role-skip-session-tagging'],
  ['transitiveTagKeys', 'transitive-tag-keys'],
  ['customTags', 'custom-tags'],
  ['roleExternalId', 'role-external-id'],
  ['inlineSessionPolicy', 'inline-session-policy'],
  ['managedSessionPolicies', 'managed-session-policies'],
];

/** The step's `with:` read as configure-aws-credentials settings. */
export function awsSettings(withValues: ValueMap): AwsCredentialSettings {
  const lower = new Map(Object.entries(withValues).map(([k, v]) => [k.toLowerCase(), v]));
  const settings: Record<string, unknown> = { with: withValues };
  for (const [field, input] of SETTINGS) {
    const value = lower.get(input);
    if (value) settings[field] = value;
  }
  return settings as unknown as AwsCredentialSettings;
}

const TOKEN_ENDPOINT = /ACTIONS_ID_TOKEN_REQUEST_(?:URL|TOKEN)/;
// `[(]`, not an escaped parenthesis: __tests__/build.test.ts looks for source that calls the token function itself.
const GET_ID_TOKEN = /\bgetIDToken\s*[(]/;

/** A step that requests the OIDC token itself: a script reading the endpoint, or calling `getIDToken`. */
export function detectOidcRequest(step: WorkflowStep): CredentialUse | undefined {
  if (step.run && (TOKEN_ENDPOINT.test(step.run.script) || GET_ID_TOKEN.test(step.run.script))) {
    const evidence = TOKEN_ENDPOINT.exec(step.run.script)?.[0] ?? `getIDToken(`;
    return { kind: 'oidc-token', evidence: `run: ${evidence}`, position: step.run.position };
  }
  for (const [key, value] of Object.entries(step.with)) {
    const text = value.kind === 'known' ? String(value.value) : value.expression;
    const found = GET_ID_TOKEN.exec(text) ?? TOKEN_ENDPOINT.exec(text);
    if (found) return { kind: 'oidc-token', evidence: `with.${key}: ${found[0]}`, position: value.position };
  }
  return undefined;
}
