/**
 * Turns the IAM reader's failed reads into findings: a denied read names the missing permission, the layer AWS says
 * denied it and the statement to add; any other failure says what could not be read and why. Every one is
 * `unverified`: nothing is assumed in place of what could not be read (fail closed).
 */
import { type DecisionPoint, type Finding, type FindingDraft, finding, findingMaker } from '../model/finding.js';
import {
  ACCESS_DENIED_DOCS,
  allowStatementFix,
  awsErrorEvidence,
  deniedIdentity,
  describeSourceError,
  readFailureClass,
} from './aws-errors.js';
import type { Failure } from './aws-iam-read.js';

/** The finding for a role-to-assume that is not a role ARN. */
export function invalidRoleArn(roleArn: string): Finding {
  return finding('invalid-role-arn', {
    id: `aws-iam:config:invalid-role-arn`,
    subject: 'role-to-assume',
    message: `'${roleArn}' is not an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME).`,
    evidence: { roleArn },
    fix: 'Set role-to-assume to the full role ARN, e.g. arn:aws:iam::111111111111:role/deploy.',
  });
}

/** The layer that denied a read, as AWS's enhanced AccessDenied message names it ("... because no ..."). */
function deniedBy(message: string): DecisionPoint {
  if (/service control polic/i.test(message)) return 'scp';
  if (/resource control polic/i.test(message)) return 'rcp';
  if (/permissions boundar/i.test(message)) return 'permissions-boundary';
  if (/session polic/i.test(message)) return 'session-policy';
  if (/resource-based polic/i.test(message)) return 'resource-policy';
  return 'identity-policy';
}

const LAYER_WORDS: Partial<Record<DecisionPoint, string>> = {
  scp: 'service control policy',
  rcp: 'resource control policy',
  'permissions-boundary': 'permissions boundary',
  'session-policy': 'session policy',
  'resource-policy': 'resource-based policy',
};

/** The layer a read was verifying, for failures that are not denials. */
const VERIFYING: Readonly<Record<string, DecisionPoint>> = {
  GetRole: 'sts-trust',
  ListOpenIDConnectProviders: 'oidc-provider',
  GetOpenIDConnectProvider: 'oidc-provider',
};

function fixFor(f: Failure, cls: string): string {
  if (cls === 'wrong-account' || cls === 'not-found') {
    return `Check that the ARN is right and that this step runs with credentials of account ${f.resource.split(':')[4] || 'that owns the role'}: IAM reads answer from the credentials' own account.`;
  }
  if (cls === 'no-inspecting-credentials') {
    return 'Give this step AWS credentials that may read IAM (for example a configure-aws-credentials step before it with a read-only role), or turn live IAM reads off and give the policies as files.';
  }
  if (cls === 'malformed-response' || cls === 'unreadable-policy') {
    return 'Something between the runner and IAM answered instead of AWS (a proxy or a captive portal?): check HTTPS_PROXY and NO_PROXY, then re-run.';
  }
  return 'Re-run the job; if it persists, check https://health.aws.amazon.com and lower the number of parallel jobs reading IAM.';
}

/** One finding per failed read, deduplicated (a policy attached and used as the boundary fails once). */
export function toFindings(failures: readonly Failure[], subject: string): Finding[] {
  const latest = new Map<string, Failure>();
  for (const f of failures) latest.set(`${readFailureClass(f.error)}:${f.action}:${f.resource}`, f);
  const make = findingMaker({ idPrefix: 'aws-iam', subject });
  return [...latest.values()].map((f) => make(failureDraft(f)));
}

/** What a failed read says: `aws-iam:CLASS:ACTION:RESOURCE`. */
function failureDraft(f: Failure): FindingDraft {
  const { error } = f;
  const evidence = awsErrorEvidence(error, f.resource);
  const suffix = `${f.action}:${f.resource}`;
  if (error.kind === 'access-denied') {
    const layer = deniedBy(error.message);
    const who = deniedIdentity(error.message);
    return {
      class: 'read-denied',
      suffix,
      decisionPoint: layer,
      status: 'unverified',
      message: `The inspecting identity lacks iam:${f.action} on ${f.resource}, so this could not be verified (fail closed).`,
      evidence: { ...evidence, ...(who ? { inspectingIdentity: who } : {}) },
      fix: allowStatementFix(
        `iam:${f.action}`,
        f.resource,
        who,
        layer === 'identity-policy'
          ? 'The README lists the minimal read-only policy for every live read.'
          : `AWS says a ${LAYER_WORDS[layer] ?? layer} denies it, so that statement alone will not do: allow iam:${f.action} there too.`,
      ),
      docUrl: ACCESS_DENIED_DOCS,
    };
  }
  const cls = readFailureClass(error);
  return {
    class: cls,
    suffix,
    decisionPoint: VERIFYING[f.action] ?? 'identity-policy',
    status: 'unverified',
    message: `Could not read ${f.resource} from IAM: ${describeSourceError(error)}. Nothing was assumed in its place (fail closed).`,
    evidence,
    fix: fixFor(f, cls),
  };
}
