/**
 * What a deploy job's configure-aws-credentials step asks of STS, read from the workflow model: one reading for the
 * trust of the predicted token (src/pipeline/workflows.ts) and for the session and calls of the job
 * (src/pipeline/deploy-jobs.ts), so that both check the same request.
 */
import { type AssumeRoleSettings, DEFAULT_DURATION_SECONDS, DEFAULT_SESSION_NAME } from '../model/aws.js';
import type { WorkflowValue } from '../workflows/index.js';
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

/** The session the step asks for, as far as its settings are literals; configure-aws-credentials' defaults otherwise. */
export function exchangeSettings(exchange: PredictedExchange, roleArn: string): AssumeRoleSettings {
  const use = exchange.step.credential;
  const s = use?.kind === 'configure-aws-credentials' ? use.settings : undefined;
  const region = literal(s?.awsRegion);
  const duration = Number(literal(s?.roleDurationSeconds));
  return {
    roleArn,
    audience: exchange.aud.kind === 'value' ? exchange.aud.value : '',
    durationSeconds: Number.isInteger(duration) && duration > 0 ? duration : DEFAULT_DURATION_SECONDS,
    sessionName: literal(s?.roleSessionName) ?? DEFAULT_SESSION_NAME,
    managedSessionPolicyArns: [],
    roleChaining: false,
    sessionTags: {},
    ...(region ? { region } : {}),
  };
}
