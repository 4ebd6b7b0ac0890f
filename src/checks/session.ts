/**
 * The session check: will STS accept the session settings (duration, name, session policies), and will the
 * credentials outlast the deploy? Whether a chained role takes configure-aws-credentials' session tags is the
 * chained-trust check's (src/checks/chained-trust.ts), which knows the session that chains. Each rule is one AWS documents; the
 * messages quote STS's own errors. Pure.
 */

import type { AssumeRoleSettings, PolicyDocument, RoleModel } from '../model/aws.js';
import { type Finding, type FindingDraft, findingMaker } from '../model/finding.js';
import type { TextPiece } from '../model/text-shape.js';
import { formatEpoch } from '../tokens/claims.js';
import { describeDuration } from '../tokens/duration.js';
import type { RoleCheck } from './check.js';
import { parseDocument } from './permissions/policies.js';
import { checkRegion } from './session/region.js';

/** What `checkSession` needs. */
export interface SessionCheckInput {
  /** The role the settings assume (with role chaining, the role assumed by chaining). */
  readonly role: RoleModel;
  readonly settings: AssumeRoleSettings;
  /** The current time, epoch seconds. */
  readonly now: number;
}

/** DurationSeconds runs from 900 seconds to the role's MaxSessionDuration (API_DOC). */
export const MIN_DURATION_SECONDS = 900;
/** A chained role session lasts one hour at most, whatever the role's MaxSessionDuration (CHAINING_DOC). */
export const CHAINED_MAX_SECONDS = 3600;
/**
 * "The total size of the plain text of session policies exceeds 2048 characters" fails the call, inline and managed
 * together (API_DOC; https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_operations).
 * The packed binary limit on policies plus tags is not published as a number: only PackedPolicySize tells.
 */
export const SESSION_POLICY_MAX_CHARS = 2048;
/** At most 10 managed policy ARNs per call (API_DOC, PolicyArns). */
export const MAX_MANAGED_SESSION_POLICIES = 10;
/** RoleSessionName: `[\w+=,.@-]*`, 2 to 64 characters (API_DOC). */
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

const API_DOC = 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html';
const WEB_API_DOC = 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html';
const CHAINING_DOC =
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining';
const MAX_DURATION_DOC =
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_update-role-settings.html#id_roles_update-session-duration';
const SESSION_POLICY_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session';

type Draft = FindingDraft;

const code = (s: string) => `\`${s}\``;
const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/** Checks the session settings against the role; yields one pass when every rule holds. */
export function checkSession(input: SessionCheckInput): Finding[] {
  const { role, settings } = input;
  const drafts = [
    ...checkRegion(settings),
    ...checkDuration(role, settings),
    ...checkSessionName(settings),
    ...checkSessionPolicies(role, settings),
    ...checkLifetime(input),
  ];
  const make = findingMaker({
    idPrefix: `session:${role.name}`,
    subject: `session of role "${role.name}"`,
    decisionPoint: 'session',
  });
  if (drafts.length > 0) return drafts.map(make);
  const policies = settings.inlineSessionPolicy || settings.managedSessionPolicyArns.length > 0;
  return [
    make({
      status: 'pass',
      class: 'ok',
      message:
        `STS would accept the session: ${describeDuration(settings.durationSeconds)} (the role allows ` +
        `${describeDuration(settings.roleChaining ? Math.min(role.maxSessionDuration, CHAINED_MAX_SECONDS) : role.maxSessionDuration)}), ` +
        (settings.sessionName !== undefined
          ? `session name ${code(settings.sessionName)}`
          : `session name ${code(piecesShown(settings.sessionNamePieces ?? []))}, valid whatever the run gives it`) +
        (policies
          ? '; the session policies are within the plaintext limits (their packed size, PackedPolicySize, is known only to the live probe)'
          : '') +
        '.',
      evidence: {
        durationSeconds: settings.durationSeconds,
        maxSessionDuration: role.maxSessionDuration,
        sessionName: settings.sessionName ?? piecesShown(settings.sessionNamePieces ?? []),
        roleChaining: settings.roleChaining,
      },
    }),
  ];
}

function checkDuration(role: RoleModel, settings: AssumeRoleSettings): Draft[] {
  const d = settings.durationSeconds;
  const evidence = {
    durationSeconds: d,
    maxSessionDuration: role.maxSessionDuration,
    roleChaining: settings.roleChaining,
  };
  const drafts: Draft[] = [];
  if (d < MIN_DURATION_SECONDS) {
    drafts.push({
      class: 'duration-too-short',
      message: `role-duration-seconds is ${d}; STS requires at least ${MIN_DURATION_SECONDS} and refuses the call (ValidationError: "Member must have value greater than or equal to ${MIN_DURATION_SECONDS}").`,
      evidence,
      fix: `Set role-duration-seconds to at least ${MIN_DURATION_SECONDS}.`,
      docUrl: API_DOC,
    });
  }
  // The one-hour cap on chained sessions is a rule of its own: raising MaxSessionDuration does not lift it.
  if (settings.roleChaining && d > CHAINED_MAX_SECONDS) {
    drafts.push({
      class: 'chained-duration-too-long',
      message: `role-duration-seconds is ${d} (${describeDuration(d)}) with role chaining, which AWS limits to one hour: STS answers "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining."`,
      evidence,
      fix: `Set role-duration-seconds to at most ${CHAINED_MAX_SECONDS}, or assume the role directly with the OIDC token instead of chaining, which allows up to the role's MaxSessionDuration.`,
      docUrl: CHAINING_DOC,
    });
  }
  if (d > role.maxSessionDuration) {
    drafts.push({
      class: 'duration-too-long',
      message: `role-duration-seconds is ${d} (${describeDuration(d)}), above the role's MaxSessionDuration of ${role.maxSessionDuration} (${describeDuration(role.maxSessionDuration)}): STS answers "The requested DurationSeconds exceeds the MaxSessionDuration set for this role."`,
      evidence,
      fix: `Set role-duration-seconds to at most ${role.maxSessionDuration}, or raise the role's limit (up to 43200): aws iam update-role --role-name ${role.name} --max-session-duration ${Math.min(d, 43200)}`,
      docUrl: MAX_DURATION_DOC,
    });
  }
  return drafts;
}

/**
 * The session name must match `[\w+=,.@-]`, 2 to 64 characters; `dependabot[bot]` does not. A name the workflow
 * leaves unknown before the run is not verified, never taken as the action's default.
 */
function checkSessionName(settings: AssumeRoleSettings): Draft[] {
  const { sessionName } = settings;
  const decided = sessionName === undefined ? checkSessionNamePieces(settings.sessionNamePieces ?? []) : undefined;
  if (Array.isArray(decided)) return decided;
  if (sessionName === undefined) {
    const why = `${settings.sessionNameUnknown ?? 'the session name is not known before the run'}${decided ?? ''}`;
    // Not known before the run is no defect of the workflow, and none of the usual causes of a refusal: no cause, and
    // not the class that says the name is invalid.
    return [
      {
        status: 'unverified',
        class: 'session-name-unknown',
        message: `Whether STS accepts the session name is known only during the run: ${why}. STS accepts only letters, digits and ${code('_+=,.@-')}, 2 to 64 characters.`,
        evidence: { sessionName: 'unknown', reason: why },
        fix: decided
          ? // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression the user writes, not JS.
            `Nothing needs to change if the run's value is 2 to 64 characters long. To have it verified before the run, begin role-session-name with 2 or more literal characters of that set (such as ${code('gha-${{ github.run_id }}')}), and keep it to 64.`
          : 'Nothing needs to change if the run gives a name that fits that pattern; the real run shows whether STS accepts it. To have it verified before the run, build role-session-name from literals and values GitHub documents (IDs, a commit SHA).',
        docUrl: WEB_API_DOC,
      },
    ];
  }
  if (SESSION_NAME.test(sessionName)) return [];
  const offending = refusedCharacters(sessionName);
  const suggestion =
    sessionName
      .replace(/[^\w+=,.@-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 64)
      .padEnd(2, '_') || 'GitHubActions';
  const problems = [
    ...(offending.length > 0 ? [containing(offending)] : []),
    ...(sessionName.length < 2 || sessionName.length > 64
      ? [`it is ${plural(sessionName.length, 'character')} long`]
      : []),
  ];
  return [
    {
      class: 'invalid-session-name',
      message: `The session name ${code(sessionName)} is not valid: ${problems.join(' and ')}, and ${stsAccepts(offending.length > 0, sessionName.length, sessionName.length)}.`,
      evidence: { sessionName, offending, length: sessionName.length },
      fix: `Set role-session-name to a valid name, e.g. ${code(suggestion)}; a name built from github.actor (such as dependabot[bot]) must be sanitized first.`,
      docUrl: WEB_API_DOC,
    },
  ];
}

/**
 * A session name not known before the run, decided from what every value of it is made of
 * (AssumeRoleSettings.sessionNamePieces): valid when every piece is of the characters STS accepts and every length it
 * may have is 2 to 64; not valid, whatever the run gives, when its written text holds a character STS refuses or it
 * is always too long or too short. Else (some values would be accepted and others not, or nothing is known of it)
 * what is known of its length, to add to the reason it is not verified.
 */
function checkSessionNamePieces(pieces: readonly TextPiece[]): Draft[] | string {
  if (pieces.length === 0) return '';
  let written = '';
  let min = 0;
  let max = 0;
  for (const piece of pieces) {
    if ('text' in piece) {
      written += piece.text;
      min += piece.text.length;
      max += piece.text.length;
    } else {
      // Digits and hexadecimal digits are all among the characters STS accepts.
      min += piece.min;
      max += piece.max;
    }
  }
  const offending = refusedCharacters(written);
  const shown = piecesShown(pieces);
  const evidence = { sessionName: shown, minLength: min, maxLength: max };
  const lengths = min === max ? `${min}` : `${min} to ${max}`;
  if (offending.length > 0 || min > 64 || max < 2) {
    const problems = [
      ...(offending.length > 0 ? [containing(offending)] : []),
      ...(min > 64 || max < 2 ? [`it is ${lengths} characters long`] : []),
    ];
    return [
      {
        class: 'invalid-session-name',
        message: `The session name ${code(shown)} is not valid whatever the run gives it: ${problems.join(' and ')}, and ${stsAccepts(offending.length > 0, min, max)}.`,
        evidence: { ...evidence, offending },
        fix: 'Set role-session-name to a valid name: replace the characters STS refuses, and keep it to 64 characters.',
        docUrl: WEB_API_DOC,
      },
    ];
  }
  // Some lengths it may have are accepted and others not: which one the run gives is not known before it.
  return min >= 2 && max <= 64
    ? []
    : `; its length is known only then (${lengths} characters, by what its parts may hold), and STS accepts 2 to 64`;
}

/** The characters of `text` STS refuses in a session name, each once. */
function refusedCharacters(text: string): string[] {
  return [...new Set(text.replace(/[\w+=,.@-]/g, ''))];
}

/** `it contains \`space\`, \`[\``: the refused characters as a problem of the name. */
function containing(offending: readonly string[]): string {
  return `it contains ${offending.map((c) => code(c === ' ' ? 'space' : c)).join(', ')}`;
}

/** What STS accepts as a session name, with the error it gives for this one (whose lengths are `min` to `max`). */
function stsAccepts(badCharacter: boolean, min: number, max: number): string {
  return `STS accepts only letters, digits and ${code('_+=,.@-')}, 2 to 64 characters (${stsSaysOf(badCharacter, min, max)})`;
}

/**
 * STS's ValidationError for a bad name: the pattern's when a character is refused, else the length constraint it
 * breaks (the API reference's RoleSessionName: length 2 to 64, pattern `[\w+=,.@-]*`).
 */
function stsSaysOf(badCharacter: boolean, min: number, max: number): string {
  if (badCharacter) return 'ValidationError: "Member must satisfy regular expression pattern: [\\w+=,.@-]*"';
  return max < 2
    ? 'ValidationError: "Member must have length greater than or equal to 2"'
    : min > 64
      ? 'ValidationError: "Member must have length less than or equal to 64"'
      : 'ValidationError';
}

/** A name not known whole, as read: its written text, and `<github.run_id>` for each piece of a known kind. */
function piecesShown(pieces: readonly TextPiece[]): string {
  return pieces.map((p) => ('text' in p ? p.text : `<${p.from}>`)).join('');
}

/** The session policies STS is passed: the inline one, their plaintext size, and the managed ones (API_DOC). */
function checkSessionPolicies(role: RoleModel, settings: AssumeRoleSettings): Draft[] {
  const arns = settings.managedSessionPolicyArns;
  const inline = settings.inlineSessionPolicy;
  return [
    ...(inline ? checkInlineSessionPolicy(inline) : []),
    ...checkSessionPolicySize(inline, arns),
    ...checkManagedSessionPolicies(role, arns),
  ];
}

/** What every session policy finding shares. */
const SESSION_POLICY = { decisionPoint: 'session-policy' as const, docUrl: API_DOC };

/** The inline session policy must be a valid identity-based policy, in the characters the Policy parameter allows. */
function checkInlineSessionPolicy(inline: PolicyDocument): Draft[] {
  const drafts: Draft[] = [];
  const parsed = parseDocument(inline, 'identity');
  if (!parsed.ok) {
    drafts.push({
      ...SESSION_POLICY,
      class: 'invalid-session-policy',
      message: `The inline session policy is not a valid policy, so STS refuses the call (MalformedPolicyDocument): ${parsed.errors.map((e) => e.message).join('; ')}.`,
      evidence: { policy: inline.name, errors: parsed.errors.map((e) => e.message) },
      fix: 'Correct the inline-session-policy document; it is an identity-based policy, without Principal.',
      docUrl: SESSION_POLICY_DOC,
    });
  }
  // The Policy parameter's pattern: tab, line feed, carriage return and U+0020 to U+00FF only (API_DOC).
  const outside = [...new Set(JSON.stringify(inline.document).replace(/[\t\n\r\u0020-\u00ff]/g, ''))];
  if (outside.length > 0) {
    drafts.push({
      ...SESSION_POLICY,
      class: 'invalid-session-policy',
      message: `The inline session policy holds characters STS does not accept in a session policy (${outside.map(code).join(', ')}); only U+0020 to U+00FF, tab, line feed and carriage return are allowed.`,
      evidence: { policy: inline.name, characters: outside },
      fix: 'Remove those characters from the inline session policy (they usually sit in a Sid or a resource name).',
    });
  }
  return drafts;
}

/** The inline policy and the managed policies' ARNs together stay within SESSION_POLICY_MAX_CHARS of plaintext. */
function checkSessionPolicySize(inline: PolicyDocument | undefined, arns: readonly string[]): Draft[] {
  const inlineChars = inline ? JSON.stringify(inline.document).length : 0;
  const arnChars = arns.reduce((sum, arn) => sum + arn.length, 0);
  if (inlineChars + arnChars <= SESSION_POLICY_MAX_CHARS) return [];
  return [
    {
      ...SESSION_POLICY,
      class: 'session-policy-too-large',
      message: `The session policies take ${inlineChars + arnChars} characters of plaintext (inline policy ${inlineChars}, minified; managed policy ARNs ${arnChars}), over the ${SESSION_POLICY_MAX_CHARS} AWS allows for both together.`,
      evidence: { inlineChars, arnChars, limit: SESSION_POLICY_MAX_CHARS },
      fix: 'Shorten the inline session policy (wildcards in actions and resources, fewer statements), or move part of it into a managed policy passed with managed-session-policies.',
    },
  ];
}

/** At most MAX_MANAGED_SESSION_POLICIES managed session policies, each in the role's account or AWS managed. */
function checkManagedSessionPolicies(role: RoleModel, arns: readonly string[]): Draft[] {
  const drafts: Draft[] = [];
  if (arns.length > MAX_MANAGED_SESSION_POLICIES) {
    drafts.push({
      ...SESSION_POLICY,
      class: 'session-policy-too-large',
      message: `${plural(arns.length, 'managed session policy ARN')} are given; STS accepts at most ${MAX_MANAGED_SESSION_POLICIES}.`,
      evidence: { managedSessionPolicies: arns.length, limit: MAX_MANAGED_SESSION_POLICIES },
      fix: 'Combine the managed session policies into fewer policies, or use the inline session policy for part of them.',
    });
  }
  // "The policies must exist in the same account as the role" (API_DOC); AWS managed policies belong to `aws`.
  const foreign = arns.filter((arn) => !['aws', role.accountId].includes(arn.split(':')[4] ?? ''));
  if (foreign.length > 0) {
    drafts.push({
      ...SESSION_POLICY,
      class: 'invalid-session-policy',
      message: `Managed session policies must be in the role's account (${role.accountId}) or be AWS managed: ${foreign.map(code).join(', ')} is not.`,
      evidence: { foreign },
      fix: `Create the policy in account ${role.accountId} and pass that ARN instead.`,
    });
  }
  return drafts;
}

/** Credentials expire after DurationSeconds; a deploy that runs longer fails mid-way with ExpiredToken. */
function checkLifetime(input: SessionCheckInput): Draft[] {
  const { settings, role, now } = input;
  const expected = settings.expectedDurationSeconds;
  const lasts = settings.durationSeconds;
  if (expected === undefined || lasts >= expected) return [];
  const cap = settings.roleChaining ? Math.min(CHAINED_MAX_SECONDS, role.maxSessionDuration) : 43200;
  const fix =
    expected <= cap
      ? `Set role-duration-seconds to at least ${expected}${expected > role.maxSessionDuration ? ` and raise the role's MaxSessionDuration: aws iam update-role --role-name ${role.name} --max-session-duration ${expected}` : ''}.`
      : `A session cannot last ${describeDuration(expected)}${settings.roleChaining ? ' with role chaining (one hour at most)' : ' (12 hours at most)'}: split the deploy, or assume the role again before ${formatEpoch(now + lasts)}.`;
  return [
    {
      class: 'session-too-short',
      message: `The session lasts ${describeDuration(lasts)}, but the deploy is expected to run ${describeDuration(expected)}: credentials issued at ${formatEpoch(now)} expire at ${formatEpoch(now + lasts)}, ${describeDuration(expected - lasts)} before it ends, and later calls fail with ExpiredToken.`,
      evidence: { durationSeconds: lasts, expectedDurationSeconds: expected, expiresAt: formatEpoch(now + lasts) },
      fix,
      cause: 'expired-or-rotated-credential',
      wouldReturn: 401,
      docUrl: WEB_API_DOC,
    },
  ];
}

/**
 * The session check as the registry runs it. When no file gave the role's MaxSessionDuration, the files source
 * already reports the unknown limit; failing the duration against the assumed 3600 as well would report one problem
 * twice.
 */
export const sessionCheck: RoleCheck = {
  id: 'session',
  title:
    "The session's duration, name, session policies and tags are ones STS accepts for this role, and it outlasts the deploy.",
  decisionPoints: ['session', 'session-policy', 'sts-trust'],
  section: 'aws',
  scope: 'role',
  needs: [],
  appliesTo: () => true,
  run: ({ role, config, now, maxSessionAssumed }) =>
    checkSession({ role, settings: config.settings, now }).filter(
      (f) => !(maxSessionAssumed && f.class === 'duration-too-long'),
    ),
};
