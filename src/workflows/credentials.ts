/**
 * Which steps obtain credentials: `aws-actions/configure-aws-credentials` (any version, tag, branch or commit pin),
 * and steps that request GitHub's OIDC token themselves. A job step requests the token from the endpoint the
 * runner gives in `ACTIONS_ID_TOKEN_REQUEST_URL` with `ACTIONS_ID_TOKEN_REQUEST_TOKEN`, or through
 * `core.getIDToken()` of `@actions/core`
 * (https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect#updating-your-actions-for-oidc).
 */
import type {
  AwsCredentialSettings,
  CredentialUse,
  SourcePosition,
  ValueMap,
  WorkflowStep,
  WorkflowValue,
} from './model.js';

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

/**
 * Whether configure-aws-credentials requests GitHub's OIDC token: `yes`, `no` with the reason (and how the step
 * obtains credentials instead), or `unknown` when an input that decides it is an expression not known before the run.
 */
export type GitHubTokenRequest =
  | { readonly kind: 'yes' }
  | { readonly kind: 'no'; readonly reason: string; readonly assumes: 'keys' | 'file' | 'chain' | 'none' }
  | { readonly kind: 'unknown'; readonly reason: string };

/** A step's `with:` as text: a known value as written, one not known as its `${{ }}` expression. */
export function withTexts(values: ValueMap): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, v.kind === 'known' ? String(v.value ?? '') : v.expression]),
  );
}

/** {@link requestsGitHubToken} of a step's settings: its `with:`, with the inputs the settings name laid over it. */
export function settingsRequest(settings: AwsCredentialSettings): GitHubTokenRequest {
  const named: Record<string, WorkflowValue> = {};
  if (settings.roleToAssume) named['role-to-assume'] = settings.roleToAssume;
  if (settings.roleChaining) named['role-chaining'] = settings.roleChaining;
  return requestsGitHubToken(withTexts({ ...settings.with, ...named }));
}

/** A boolean input as the action's `getBooleanInput` reads it: `true`, `false`, or an expression. */
function flag(value: string | undefined): boolean | 'expression' {
  const v = (value ?? '').trim();
  if (v.includes('${{')) return 'expression';
  // true | True | TRUE; anything else but the false forms and '' makes the action throw before any request.
  return v === 'true' || v === 'True' || v === 'TRUE';
}

/**
 * The action's own rule, `useGitHubOIDCProvider` in its src/index.ts
 * (https://github.com/aws-actions/configure-aws-credentials/blob/bcd4089080cf41e4db9dad11fce2a9397e670bbd/src/index.ts#L100-L124):
 * the token is requested for a `role-to-assume` with no `aws-access-key-id`, no `web-identity-token-file`, not
 * `role-chaining` and not `force-skip-oidc`. `inputs` are the step's `with:` as text (an input not known before the
 * run as its `${{ }}` expression); a text input written as an expression is taken as given, as the action tests only
 * that it is not empty.
 */
export function requestsGitHubToken(inputs: Readonly<Record<string, string>>): GitHubTokenRequest {
  const lower = new Map(Object.entries(inputs).map(([k, v]) => [k.toLowerCase(), v]));
  const given = (name: string) => (lower.get(name) ?? '').trim() !== '';
  const role = given('role-to-assume');
  if (given('aws-access-key-id'))
    return {
      kind: 'no',
      reason: `it is given access keys (\`aws-access-key-id\`): ${role ? 'it assumes the role with sts:AssumeRole signed by them' : 'it sets them as they are'}`,
      assumes: 'keys',
    };
  if (!role) return { kind: 'no', reason: 'it has no `role-to-assume`: it assumes no role', assumes: 'none' };
  if (given('web-identity-token-file'))
    return {
      kind: 'no',
      reason: 'it is given `web-identity-token-file`: it assumes the role with the token in that file',
      assumes: 'file',
    };
  for (const [name, assumes] of [
    ['role-chaining', 'chain'],
    ['force-skip-oidc', 'none'],
  ] as const) {
    const value = flag(lower.get(name));
    if (value === 'expression')
      return { kind: 'unknown', reason: `\`${name}\` is \`${lower.get(name)?.trim()}\`, not known before the run` };
    if (value) return { kind: 'no', reason: `it sets \`${name}: true\``, assumes };
  }
  return { kind: 'yes' };
}

/**
 * An input named for a role to assume: configure-aws-credentials' own `role-to-assume`, and the names actions that
 * wrap it give the same input (`role-arn`, `aws-role-arn`, `assume-role`, `iam-role-arn`, `AWS_ROLE_ARN`, the
 * variable AWS's SDKs read with `AWS_WEB_IDENTITY_TOKEN_FILE` to assume a role,
 * https://docs.aws.amazon.com/sdkref/latest/guide/feature-assume-role-credentials.html).
 */
const ROLE_INPUT = /^(?:aws[-_])?(?:role[-_]to[-_]assume|assume[-_]role(?:[-_]arn)?|(?:iam[-_])?role[-_]arn)$/i;
/** An IAM role's ARN in a value: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html */
const ROLE_ARN = /\barn:aws[a-z-]*:iam::[^:\s]*:role\/[^\s"',]*/i;

/** A role a step gives an action: the input (`with.role-to-assume`, `env.AWS_ROLE_ARN`), its value, where. */
export interface GivenRole {
  readonly input: string;
  readonly value: string;
  readonly position: SourcePosition;
}

/**
 * The roles a step gives its action in `with:` or `env:`: an input named for a role to assume (its value whatever it
 * is, an expression included), or any input whose value holds an IAM role's ARN. An action the preflight does not read
 * may assume such a role with the job's OIDC token (awslabs/duvet-action runs configure-aws-credentials with its
 * `role-to-assume`, https://github.com/awslabs/duvet-action/blob/main/action.yml).
 */
export function rolesGiven(step: WorkflowStep): GivenRole[] {
  const out: GivenRole[] = [];
  for (const [where, values] of [
    ['with', step.with],
    ['env', step.env],
  ] as const) {
    for (const [key, value] of Object.entries(values)) {
      const text = value.kind === 'known' ? String(value.value ?? '') : value.expression;
      const arn = ROLE_ARN.exec(text.slice(0, ROLE_TEXT_CAP))?.[0];
      if (arn === undefined && !(ROLE_INPUT.test(key) && text.trim() !== '')) continue;
      out.push({
        input: `${where}.${key}`,
        value: arn ?? text.trim().slice(0, ROLE_TEXT_CAP),
        position: value.position,
      });
    }
  }
  return out;
}

/** How much of a value is read for a role's ARN, and shown. */
const ROLE_TEXT_CAP = 2_048;
