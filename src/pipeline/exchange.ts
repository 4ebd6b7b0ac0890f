/**
 * What a deploy job's configure-aws-credentials step asks of STS, read from the workflow model: one reading for the
 * trust of the predicted token (src/pipeline/workflows.ts) and for the session and calls of the job
 * (src/pipeline/deploy-jobs.ts), so that both check the same request.
 */
import { readSessionInputs } from '../config/aws.js';
import { type AssumeRoleSettings, DEFAULT_SESSION_NAME } from '../model/aws.js';
import type { WorkflowStep, WorkflowValue } from '../workflows/index.js';
import type { PredictedExchange } from '../workflows/predict/index.js';

/**
 * A value of the workflow known before the run, as the text the runner passes (every action input is a string, so
 * `role-duration-seconds: 1800` arrives as `1800`); undefined when it is unknown, empty or not a scalar of text.
 */
export function literal(v: WorkflowValue | undefined): string | undefined {
  if (v?.kind !== 'known' || (typeof v.value !== 'string' && typeof v.value !== 'number')) return undefined;
  const text = String(v.value);
  return text === '' ? undefined : text;
}

/**
 * The inputs of configure-aws-credentials that shape the session past the role: a value of one that is not known
 * before the run leaves the session unknown (its length against the role's limit, the session policies that narrow
 * its permissions, the tags and ExternalId of a chained AssumeRole). `aws-region` and `role-session-name` are not
 * among them: where unknown, the region stays unset, and the session name is unknown (never the action's default,
 * docs/workflows.md), which the checks that read it report themselves.
 */
const SESSION_INPUTS: ReadonlySet<string> = new Set([
  'role-duration-seconds',
  'role-chaining',
  'role-skip-session-tagging',
  'transitive-tag-keys',
  'custom-tags',
  'role-external-id',
  'inline-session-policy',
  'managed-session-policies',
]);

/** The session a credential step asks for, and what of it is not known or not valid (each naming the input). */
export interface StepSession {
  readonly settings: AssumeRoleSettings;
  readonly problems: readonly string[];
}

/**
 * The session a configure-aws-credentials step asks for, read from its `with:` by the same reader as the action's own
 * inputs (src/config/aws.ts), so a deploy step and a configured role are checked alike: the session policies, the
 * chaining, the tags and ExternalId of a chained AssumeRole. `audience` is the one the exchange asks for.
 */
export function stepSession(step: WorkflowStep, roleArn: string, audience: string): StepSession {
  const use = step.credential;
  const given = use?.kind === 'configure-aws-credentials' ? use.settings.with : {};
  // Input names are matched without regard to case, as the runner does for `with:` keys.
  const inputs = new Map(Object.entries(given).map(([k, v]) => [k.toLowerCase(), v]));
  const problems: string[] = [];
  const getInput = (name: string): string => {
    const v = inputs.get(name);
    if (v === undefined) return '';
    if (v.kind === 'unknown') {
      if (SESSION_INPUTS.has(name))
        problems.push(`\`${name}\` is \`${v.expression}\`, not known before the run: ${v.reason}`);
      return '';
    }
    return v.value === null ? '' : String(v.value);
  };
  const name = inputs.get('role-session-name');
  const invalid = new Set<string>();
  const session = readSessionInputs(getInput, (input, message) => {
    invalid.add(input);
    problems.push(`\`${input}\` ${message}`);
  });
  const { region, durationSeconds, inlineDocument, managed, roleChaining } = session;
  const { customTags, transitiveTagKeys, externalId } = session;
  const regionInput = inputs.get('aws-region');
  const settings: AssumeRoleSettings = {
    roleArn,
    ...(region && !invalid.has('aws-region') ? { region } : {}),
    ...(region && regionInput
      ? {
          regionAt: {
            file: regionInput.position.file,
            line: regionInput.position.line,
            column: regionInput.position.column,
          },
        }
      : {}),
    audience,
    durationSeconds,
    ...(name?.kind === 'unknown'
      ? {
          sessionNameUnknown: `\`role-session-name\` is \`${name.expression}\`, not known before the run: ${name.reason}`,
          ...(name.pieces ? { sessionNamePieces: name.pieces } : {}),
        }
      : { sessionName: getInput('role-session-name') || DEFAULT_SESSION_NAME }),
    ...(inlineDocument !== undefined
      ? {
          inlineSessionPolicy: {
            name: `inline-session-policy of ${step.position.file}:${step.position.line}`,
            document: inlineDocument,
          },
        }
      : {}),
    managedSessionPolicyArns: managed,
    roleChaining,
    sessionTags: {},
    skipSessionTagging: session.skipSessionTagging,
    ...(customTags ? { customTags } : {}),
    transitiveTagKeys,
    ...(externalId ? { externalId } : {}),
  };
  return { settings, problems };
}

/** The session the exchange's step asks for (see {@link stepSession}), with the audience the exchange asks for. */
export function exchangeSettings(exchange: PredictedExchange, roleArn: string): AssumeRoleSettings {
  return stepSession(exchange.step, roleArn, exchange.aud.kind === 'value' ? exchange.aud.value : '').settings;
}
