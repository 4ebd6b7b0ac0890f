/**
 * The AWS inputs, named and meant as in aws-actions/configure-aws-credentials so that a user can copy
 * them from the step that follows, plus the deploy's required permissions and where policies come from.
 * Pure over a `getInput(name)` function; every error names the input and quotes the value.
 */
import {
  type AssumeRoleSettings,
  DEFAULT_DURATION_SECONDS,
  DEFAULT_SESSION_NAME,
  type RequiredPermission,
} from '../model/aws.js';
import { jsonTooDeep, MAX_JSON_DEPTH } from '../text/json-depth.js';
import { parseDuration } from '../tokens/duration.js';
import { parsePermissions } from './permissions.js';
import type { ConfigError } from './tokens.js';

/** Where the AWS side is read from, and which live calls are allowed. */
export interface AwsSources {
  /** AWS CLI outputs and policy folders (the offline default). */
  readonly policyFiles: readonly string[];
  /** Read the role and the OIDC providers from IAM with the job's own credentials. */
  readonly liveReads: boolean;
  /** Call sts:AssumeRoleWithWebIdentity with the real token (needs no AWS credentials). */
  readonly probe: boolean;
  /** Cross-check every permission with IAM's SimulatePrincipalPolicy. */
  readonly crossCheck: boolean;
}

/** The AWS part of the configuration. */
export interface AwsConfig {
  readonly settings: AssumeRoleSettings;
  readonly permissions: readonly RequiredPermission[];
  readonly sources: AwsSources;
}

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;
const POLICY_ARN = /^arn:aws[a-z-]*:iam::(\d{12}|aws):policy\/[\w+=,.@/-]+$/;
/**
 * A region's name as configure-aws-credentials accepts it (`REGION_REGEX`, src/index.ts of
 * https://github.com/aws-actions/configure-aws-credentials). Every region of every partition in AWS's data
 * (src/catalog/aws-partitions.generated.ts) has this form (`eusc-de-east-1`, `us-isob-east-1`); the partitions'
 * `regionRegex` (`\w`) admits capitals and `_` besides, which the action refuses before any call. Whether the region
 * is one of the role's partition is the session check's to judge against that data (src/checks/session/region.ts),
 * not the syntax's. The same pattern is `aws-region`'s in schema/preflight.schema.json.
 */
export const REGION_NAME = /^[a-z0-9-]+$/;

function lines(value: string): string[] {
  return value
    .split(/\r?\n|,/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/** Records a problem with an input, named without its `input ` prefix. */
export type Bad = (name: string, message: string) => void;

/** Reads the AWS inputs; undefined when no role is configured (the AWS checks are off). */
export function readAwsConfig(
  getInput: (name: string) => string,
  audience: string,
  errors: ConfigError[],
): AwsConfig | undefined {
  const roleArn = getInput('role-to-assume');
  const permissionsText = getInput('permissions');
  if (roleArn === '') {
    if (permissionsText !== '')
      errors.push({
        where: 'input permissions',
        message: 'needs role-to-assume: the permissions are checked for that role',
      });
    return undefined;
  }
  const bad: Bad = (name, message) => errors.push({ where: `input ${name}`, message });
  if (!ROLE_ARN.test(roleArn))
    bad('role-to-assume', `must be a role ARN such as arn:aws:iam::111111111111:role/deploy, got "${roleArn}"`);
  const session = readSessionInputs(getInput, bad);
  const parsed = parsePermissions(permissionsText);
  const permissions = parsed.ok ? parsed.permissions : [];
  if (!parsed.ok) errors.push(...parsed.errors);
  const { region, durationSeconds, inlineDocument, managed, roleChaining, expectedDurationSeconds } = session;
  const { customTags, transitiveTagKeys, externalId, webIdentityTokenFile } = session;
  const settings: AssumeRoleSettings = {
    roleArn,
    ...(region ? { region } : {}),
    audience,
    durationSeconds,
    sessionName: getInput('role-session-name') || DEFAULT_SESSION_NAME,
    ...(inlineDocument !== undefined
      ? { inlineSessionPolicy: { name: 'inline-session-policy', document: inlineDocument } }
      : {}),
    managedSessionPolicyArns: managed,
    roleChaining,
    sessionTags: {},
    skipSessionTagging: session.skipSessionTagging,
    ...(customTags ? { customTags } : {}),
    transitiveTagKeys,
    ...(externalId ? { externalId } : {}),
    ...(webIdentityTokenFile ? { webIdentityTokenFile } : {}),
    ...(expectedDurationSeconds !== undefined ? { expectedDurationSeconds } : {}),
  };
  return {
    settings,
    permissions,
    sources: {
      policyFiles: lines(getInput('policy-files')),
      liveReads: readFlag(getInput, bad, 'aws-live-reads'),
      probe: readFlag(getInput, bad, 'aws-probe'),
      crossCheck: readFlag(getInput, bad, 'aws-cross-check'),
    },
  };
}

/**
 * The inputs that shape the session as configure-aws-credentials would request it, in the order they are read: the
 * action's inputs here, and a deploy step's `with:` (src/pipeline/exchange.ts).
 */
export function readSessionInputs(getInput: (name: string) => string, bad: Bad) {
  const region = getInput('aws-region');
  if (region !== '' && !REGION_NAME.test(region))
    bad('aws-region', `must be a region such as eu-west-1 (lowercase letters, digits and -), got "${region}"`);
  const durationText = getInput('role-duration-seconds');
  let durationSeconds = DEFAULT_DURATION_SECONDS;
  if (durationText !== '') {
    const n = Number(durationText);
    if (!Number.isInteger(n) || n <= 0)
      bad('role-duration-seconds', `must be a whole number of seconds, got "${durationText}"`);
    else durationSeconds = n;
  }
  const expectedText = getInput('expected-duration');
  let expectedDurationSeconds: number | undefined;
  if (expectedText !== '') {
    const d = parseDuration(expectedText);
    if (d.ok) expectedDurationSeconds = d.seconds;
    else bad('expected-duration', d.error);
  }
  const inlineDocument = readInlinePolicy(getInput('inline-session-policy'), bad);
  const managed = lines(getInput('managed-session-policies'));
  for (const arn of managed)
    if (!POLICY_ARN.test(arn)) bad('managed-session-policies', `must list policy ARNs, got "${arn}"`);
  const roleChaining = readFlag(getInput, bad, 'role-chaining');
  return {
    region,
    durationSeconds,
    expectedDurationSeconds,
    inlineDocument,
    managed,
    roleChaining,
    ...readTagInputs(getInput, bad),
  };
}

/** ExternalId: 2 to 1224 characters of `[\w+=,.@:/-]` (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html). */
export const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;

/**
 * configure-aws-credentials' inputs for the tags and ExternalId of sts:AssumeRole, and the token file it reads instead
 * of requesting a token (aws-actions/configure-aws-credentials src/assumeRole.ts).
 */
function readTagInputs(getInput: (name: string) => string, bad: Bad) {
  const skipSessionTagging = readFlag(getInput, bad, 'role-skip-session-tagging');
  const transitiveTagKeys = lines(getInput('transitive-tag-keys'));
  const externalId = getInput('role-external-id');
  if (externalId !== '' && !EXTERNAL_ID.test(externalId))
    bad('role-external-id', `must be 2 to 1224 characters of letters, digits and +=,.@:/-, got "${externalId}"`);
  const webIdentityTokenFile = getInput('web-identity-token-file');
  const customTags = readCustomTags(getInput('custom-tags'), bad);
  return { skipSessionTagging, transitiveTagKeys, externalId, webIdentityTokenFile, customTags };
}

/** `custom-tags`: a JSON object whose values are strings; undefined when unset or wrong (then reported). */
function readCustomTags(text: string, bad: Bad): Record<string, string> | undefined {
  if (text === '') return undefined;
  let value: unknown;
  try {
    value = jsonTooDeep(text) ? undefined : JSON.parse(text);
  } catch {
    value = undefined;
  }
  const isTags =
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string');
  if (!isTags) {
    bad('custom-tags', `must be a JSON object of tag keys to string values, such as {"team":"web"}, got "${text}"`);
    return undefined;
  }
  return value as Record<string, string>;
}

/** The inline session policy's document; undefined when it is not set or is not JSON (then reported). */
function readInlinePolicy(inline: string, bad: Bad): unknown {
  if (inline === '') return undefined;
  if (jsonTooDeep(inline)) {
    bad('inline-session-policy', `nests deeper than ${MAX_JSON_DEPTH} levels, which no policy does`);
    return undefined;
  }
  try {
    return JSON.parse(inline);
  } catch (error) {
    bad('inline-session-policy', `is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/** A `true`/`false` input (empty is false); anything else is reported. */
function readFlag(getInput: (name: string) => string, bad: Bad, name: string): boolean {
  const v = getInput(name);
  if (v !== '' && v !== 'true' && v !== 'false') bad(name, `must be true or false, got "${v}"`);
  return v === 'true';
}
