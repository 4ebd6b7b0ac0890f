import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  formatEpoch
} from "./shared-tokens-claims.js";
import {
  parseDocument
} from "./shared-checks-permissions-context.js";
import "./shared-iam-arn.js";
import {
  checkRegion
} from "./shared-checks-session-region.js";
import "./shared-catalog-arn-format.js";
import {
  findingMaker
} from "./shared-model-finding-classes.js";
import "./shared-text-edit-distance.js";
import "./shared-iam-glob.js";
import {
  describeDuration
} from "./shared-tokens-duration.js";
import "./shared-model-aws.js";
import "./shared-text-json-depth.js";
import "./shared-runtime-efb0f0b2.js";

// src/checks/session.ts
var MIN_DURATION_SECONDS = 900;
var CHAINED_MAX_SECONDS = 3600;
var SESSION_POLICY_MAX_CHARS = 2048;
var MAX_MANAGED_SESSION_POLICIES = 10;
var SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
var API_DOC = "https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html";
var WEB_API_DOC = "https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html";
var CHAINING_DOC = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining";
var MAX_DURATION_DOC = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_update-role-settings.html#id_roles_update-session-duration";
var SESSION_POLICY_DOC = "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session";
var code = (s) => `\`${s}\``;
var plural = (n, what) => `${n} ${what}${n === 1 ? "" : "s"}`;
function checkSession(input) {
  const { role, settings } = input;
  const drafts = [
    ...checkRegion(settings),
    ...checkDuration(role, settings),
    ...checkSessionName(settings),
    ...checkSessionPolicies(role, settings),
    ...checkLifetime(input)
  ];
  const make = findingMaker({
    idPrefix: `session:${role.name}`,
    subject: `session of role "${role.name}"`,
    decisionPoint: "session"
  });
  if (drafts.length > 0) return drafts.map(make);
  const policies = settings.inlineSessionPolicy || settings.managedSessionPolicyArns.length > 0;
  return [
    make({
      status: "pass",
      class: "ok",
      message: `STS would accept the session: ${describeDuration(settings.durationSeconds)} (the role allows ${describeDuration(settings.roleChaining ? Math.min(role.maxSessionDuration, CHAINED_MAX_SECONDS) : role.maxSessionDuration)}), ` + (settings.sessionName !== void 0 ? `session name ${code(settings.sessionName)}` : `session name ${code(piecesShown(settings.sessionNamePieces ?? []))}, valid whatever the run gives it`) + (policies ? "; the session policies are within the plaintext limits (their packed size, PackedPolicySize, is known only to the live probe)" : "") + ".",
      evidence: {
        durationSeconds: settings.durationSeconds,
        maxSessionDuration: role.maxSessionDuration,
        sessionName: settings.sessionName ?? piecesShown(settings.sessionNamePieces ?? []),
        roleChaining: settings.roleChaining
      }
    })
  ];
}
function checkDuration(role, settings) {
  const d = settings.durationSeconds;
  const evidence = {
    durationSeconds: d,
    maxSessionDuration: role.maxSessionDuration,
    roleChaining: settings.roleChaining
  };
  const drafts = [];
  if (d < MIN_DURATION_SECONDS) {
    drafts.push({
      class: "duration-too-short",
      message: `role-duration-seconds is ${d}; STS requires at least ${MIN_DURATION_SECONDS} and refuses the call (ValidationError: "Member must have value greater than or equal to ${MIN_DURATION_SECONDS}").`,
      evidence,
      fix: `Set role-duration-seconds to at least ${MIN_DURATION_SECONDS}.`,
      docUrl: API_DOC
    });
  }
  if (settings.roleChaining && d > CHAINED_MAX_SECONDS) {
    drafts.push({
      class: "chained-duration-too-long",
      message: `role-duration-seconds is ${d} (${describeDuration(d)}) with role chaining, which AWS limits to one hour: STS answers "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining."`,
      evidence,
      fix: `Set role-duration-seconds to at most ${CHAINED_MAX_SECONDS}, or assume the role directly with the OIDC token instead of chaining, which allows up to the role's MaxSessionDuration.`,
      docUrl: CHAINING_DOC
    });
  }
  if (d > role.maxSessionDuration) {
    drafts.push({
      class: "duration-too-long",
      message: `role-duration-seconds is ${d} (${describeDuration(d)}), above the role's MaxSessionDuration of ${role.maxSessionDuration} (${describeDuration(role.maxSessionDuration)}): STS answers "The requested DurationSeconds exceeds the MaxSessionDuration set for this role."`,
      evidence,
      fix: `Set role-duration-seconds to at most ${role.maxSessionDuration}, or raise the role's limit (up to 43200): aws iam update-role --role-name ${role.name} --max-session-duration ${Math.min(d, 43200)}`,
      docUrl: MAX_DURATION_DOC
    });
  }
  return drafts;
}
function checkSessionName(settings) {
  const { sessionName } = settings;
  const decided = sessionName === void 0 ? checkSessionNamePieces(settings.sessionNamePieces ?? []) : void 0;
  if (Array.isArray(decided)) return decided;
  if (sessionName === void 0) {
    const why = `${settings.sessionNameUnknown ?? "the session name is not known before the run"}${decided ?? ""}`;
    return [
      {
        status: "unverified",
        class: "session-name-unknown",
        message: `Whether STS accepts the session name is known only during the run: ${why}. STS accepts only letters, digits and ${code("_+=,.@-")}, 2 to 64 characters.`,
        evidence: { sessionName: "unknown", reason: why },
        fix: decided ? (
          // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression the user writes, not JS.
          `Nothing needs to change if the run's value is 2 to 64 characters long. To have it verified before the run, begin role-session-name with 2 or more literal characters of that set (such as ${code("gha-${{ github.run_id }}")}), and keep it to 64.`
        ) : "Nothing needs to change if the run gives a name that fits that pattern; the real run shows whether STS accepts it. To have it verified before the run, build role-session-name from literals and values GitHub documents (IDs, a commit SHA).",
        docUrl: WEB_API_DOC
      }
    ];
  }
  if (SESSION_NAME.test(sessionName)) return [];
  const offending = refusedCharacters(sessionName);
  const suggestion = sessionName.replace(/[^\w+=,.@-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 64).padEnd(2, "_") || "GitHubActions";
  const problems = [
    ...offending.length > 0 ? [containing(offending)] : [],
    ...sessionName.length < 2 || sessionName.length > 64 ? [`it is ${plural(sessionName.length, "character")} long`] : []
  ];
  return [
    {
      class: "invalid-session-name",
      message: `The session name ${code(sessionName)} is not valid: ${problems.join(" and ")}, and ${stsAccepts(offending.length > 0, sessionName.length, sessionName.length)}.`,
      evidence: { sessionName, offending, length: sessionName.length },
      fix: `Set role-session-name to a valid name, e.g. ${code(suggestion)}; a name built from github.actor (such as dependabot[bot]) must be sanitized first.`,
      docUrl: WEB_API_DOC
    }
  ];
}
function checkSessionNamePieces(pieces) {
  if (pieces.length === 0) return "";
  let written = "";
  let min = 0;
  let max = 0;
  for (const piece of pieces) {
    if ("text" in piece) {
      written += piece.text;
      min += piece.text.length;
      max += piece.text.length;
    } else {
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
      ...offending.length > 0 ? [containing(offending)] : [],
      ...min > 64 || max < 2 ? [`it is ${lengths} characters long`] : []
    ];
    return [
      {
        class: "invalid-session-name",
        message: `The session name ${code(shown)} is not valid whatever the run gives it: ${problems.join(" and ")}, and ${stsAccepts(offending.length > 0, min, max)}.`,
        evidence: { ...evidence, offending },
        fix: "Set role-session-name to a valid name: replace the characters STS refuses, and keep it to 64 characters.",
        docUrl: WEB_API_DOC
      }
    ];
  }
  return min >= 2 && max <= 64 ? [] : `; its length is known only then (${lengths} characters, by what its parts may hold), and STS accepts 2 to 64`;
}
function refusedCharacters(text) {
  return [...new Set(text.replace(/[\w+=,.@-]/g, ""))];
}
function containing(offending) {
  return `it contains ${offending.map((c) => code(c === " " ? "space" : c)).join(", ")}`;
}
function stsAccepts(badCharacter, min, max) {
  return `STS accepts only letters, digits and ${code("_+=,.@-")}, 2 to 64 characters (${stsSaysOf(badCharacter, min, max)})`;
}
function stsSaysOf(badCharacter, min, max) {
  if (badCharacter) return 'ValidationError: "Member must satisfy regular expression pattern: [\\w+=,.@-]*"';
  return max < 2 ? 'ValidationError: "Member must have length greater than or equal to 2"' : min > 64 ? 'ValidationError: "Member must have length less than or equal to 64"' : "ValidationError";
}
function piecesShown(pieces) {
  return pieces.map((p) => "text" in p ? p.text : `<${p.from}>`).join("");
}
function checkSessionPolicies(role, settings) {
  const arns = settings.managedSessionPolicyArns;
  const inline = settings.inlineSessionPolicy;
  return [
    ...inline ? checkInlineSessionPolicy(inline) : [],
    ...checkSessionPolicySize(inline, arns),
    ...checkManagedSessionPolicies(role, arns)
  ];
}
var SESSION_POLICY = { decisionPoint: "session-policy", docUrl: API_DOC };
function checkInlineSessionPolicy(inline) {
  const drafts = [];
  const parsed = parseDocument(inline, "identity");
  if (!parsed.ok) {
    drafts.push({
      ...SESSION_POLICY,
      class: "invalid-session-policy",
      message: `The inline session policy is not a valid policy, so STS refuses the call (MalformedPolicyDocument): ${parsed.errors.map((e) => e.message).join("; ")}.`,
      evidence: { policy: inline.name, errors: parsed.errors.map((e) => e.message) },
      fix: "Correct the inline-session-policy document; it is an identity-based policy, without Principal.",
      docUrl: SESSION_POLICY_DOC
    });
  }
  const outside = [...new Set(JSON.stringify(inline.document).replace(/[\t\n\r\u0020-\u00ff]/g, ""))];
  if (outside.length > 0) {
    drafts.push({
      ...SESSION_POLICY,
      class: "invalid-session-policy",
      message: `The inline session policy holds characters STS does not accept in a session policy (${outside.map(code).join(", ")}); only U+0020 to U+00FF, tab, line feed and carriage return are allowed.`,
      evidence: { policy: inline.name, characters: outside },
      fix: "Remove those characters from the inline session policy (they usually sit in a Sid or a resource name)."
    });
  }
  return drafts;
}
function checkSessionPolicySize(inline, arns) {
  const inlineChars = inline ? JSON.stringify(inline.document).length : 0;
  const arnChars = arns.reduce((sum, arn) => sum + arn.length, 0);
  if (inlineChars + arnChars <= SESSION_POLICY_MAX_CHARS) return [];
  return [
    {
      ...SESSION_POLICY,
      class: "session-policy-too-large",
      message: `The session policies take ${inlineChars + arnChars} characters of plaintext (inline policy ${inlineChars}, minified; managed policy ARNs ${arnChars}), over the ${SESSION_POLICY_MAX_CHARS} AWS allows for both together.`,
      evidence: { inlineChars, arnChars, limit: SESSION_POLICY_MAX_CHARS },
      fix: "Shorten the inline session policy (wildcards in actions and resources, fewer statements), or move part of it into a managed policy passed with managed-session-policies."
    }
  ];
}
function checkManagedSessionPolicies(role, arns) {
  const drafts = [];
  if (arns.length > MAX_MANAGED_SESSION_POLICIES) {
    drafts.push({
      ...SESSION_POLICY,
      class: "session-policy-too-large",
      message: `${plural(arns.length, "managed session policy ARN")} are given; STS accepts at most ${MAX_MANAGED_SESSION_POLICIES}.`,
      evidence: { managedSessionPolicies: arns.length, limit: MAX_MANAGED_SESSION_POLICIES },
      fix: "Combine the managed session policies into fewer policies, or use the inline session policy for part of them."
    });
  }
  const foreign = arns.filter((arn) => !["aws", role.accountId].includes(arn.split(":")[4] ?? ""));
  if (foreign.length > 0) {
    drafts.push({
      ...SESSION_POLICY,
      class: "invalid-session-policy",
      message: `Managed session policies must be in the role's account (${role.accountId}) or be AWS managed: ${foreign.map(code).join(", ")} is not.`,
      evidence: { foreign },
      fix: `Create the policy in account ${role.accountId} and pass that ARN instead.`
    });
  }
  return drafts;
}
function checkLifetime(input) {
  const { settings, role, now } = input;
  const expected = settings.expectedDurationSeconds;
  const lasts = settings.durationSeconds;
  if (expected === void 0 || lasts >= expected) return [];
  const cap = settings.roleChaining ? Math.min(CHAINED_MAX_SECONDS, role.maxSessionDuration) : 43200;
  const fix = expected <= cap ? `Set role-duration-seconds to at least ${expected}${expected > role.maxSessionDuration ? ` and raise the role's MaxSessionDuration: aws iam update-role --role-name ${role.name} --max-session-duration ${expected}` : ""}.` : `A session cannot last ${describeDuration(expected)}${settings.roleChaining ? " with role chaining (one hour at most)" : " (12 hours at most)"}: split the deploy, or assume the role again before ${formatEpoch(now + lasts)}.`;
  return [
    {
      class: "session-too-short",
      message: `The session lasts ${describeDuration(lasts)}, but the deploy is expected to run ${describeDuration(expected)}: credentials issued at ${formatEpoch(now)} expire at ${formatEpoch(now + lasts)}, ${describeDuration(expected - lasts)} before it ends, and later calls fail with ExpiredToken.`,
      evidence: { durationSeconds: lasts, expectedDurationSeconds: expected, expiresAt: formatEpoch(now + lasts) },
      fix,
      cause: "expired-or-rotated-credential",
      wouldReturn: 401,
      docUrl: WEB_API_DOC
    }
  ];
}
var sessionCheck = {
  id: "session",
  title: "The session's duration, name, session policies and tags are ones STS accepts for this role, and it outlasts the deploy.",
  decisionPoints: ["session", "session-policy", "sts-trust"],
  section: "aws",
  scope: "role",
  needs: [],
  appliesTo: () => true,
  run: ({ role, config, now, maxSessionAssumed }) => checkSession({ role, settings: config.settings, now }).filter(
    (f) => !(maxSessionAssumed && f.class === "duration-too-long")
  )
};
export {
  CHAINED_MAX_SECONDS,
  MAX_MANAGED_SESSION_POLICIES,
  MIN_DURATION_SECONDS,
  SESSION_POLICY_MAX_CHARS,
  checkSession,
  sessionCheck
};
