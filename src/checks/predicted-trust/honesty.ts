/**
 * The honesty check: when the run has a token of its own, the prediction for this very run (its workflow, job,
 * event and ref) must give every claim the token carries. A claim predicted as a value that the token holds otherwise
 * means the model is wrong for this repository (a customized subject template, the immutable form, an event whose ref
 * is not as documented), and fails. Claims the prediction left unknown are not compared. Pure.
 */
import { type Finding, finding } from '../../model/finding.js';
import type { Claims } from '../../tokens/decode.js';
import { explainSubject, GITHUB_OIDC_DOCS } from '../../tokens/github.js';
import { claimsForRef, inSpace, type Predicted, type TokenPrediction } from '../../workflows/predict/index.js';
import { predictionMaker } from './findings.js';

/** Which run a token is from: the workflow file (from `workflow_ref`), the job id and the event. */
export interface RunIdentity {
  readonly workflow: string;
  readonly jobId: string;
  readonly event: string;
  readonly environment?: string;
}

/** The workflow file of a `workflow_ref` claim: `acme/api/.github/workflows/deploy.yml@refs/heads/main` → its path. */
export function workflowOfRef(ref: string): string | undefined {
  return /^[^/]+\/[^/]+\/(.+?)@[^@]*$/.exec(ref)?.[1];
}

/** What the runner says of the run: the job id (`GITHUB_JOB`) and its `GITHUB_WORKFLOW_REF`, when the token lacks it. */
export interface RunnerFacts {
  readonly jobId: string;
  readonly workflowRef?: string;
}

/** The run a token says it is from, with what the runner adds. */
export function runOfToken(claims: Claims, runner: RunnerFacts): RunIdentity | undefined {
  const ref = typeof claims.workflow_ref === 'string' ? claims.workflow_ref : runner.workflowRef;
  const workflow = ref ? workflowOfRef(ref) : undefined;
  const jobId = runner.jobId;
  const event = claims.event_name;
  if (!workflow || typeof event !== 'string') return undefined;
  return {
    workflow,
    jobId,
    event,
    ...(typeof claims.environment === 'string' ? { environment: claims.environment } : {}),
  };
}

/** The predictions for this run: same top-level workflow, job and event; the environment too when it tells them apart. */
export function predictionsForRun(predictions: readonly TokenPrediction[], run: RunIdentity): TokenPrediction[] {
  const same = predictions.filter((p) => {
    const event = p.trigger.event === 'other' ? p.trigger.eventName : p.trigger.event;
    return (
      p.instance.workflow === run.workflow && p.job.id === run.jobId && event === run.event && p.issued.kind === 'yes'
    );
  });
  const byEnv = same.filter((p) => {
    const env = p.instance.environment?.name;
    return env?.kind === 'known' ? env.value === run.environment : run.environment === undefined;
  });
  return byEnv.length > 0 ? byEnv : same;
}

const shown = (p: Predicted) => (p.kind === 'value' ? `\`${p.value}\`` : p.kind === 'absent' ? 'no claim' : 'unknown');

/** The claims where the prediction for this ref disagrees with the token: `name: predicted, real`. */
function disagreements(p: TokenPrediction, claims: Claims, ref: string | undefined): string[][] {
  const variants = p.variants.map((v) => (ref === undefined ? { ...v.claims } : claimsForRef(v, ref)));
  // With the subject form not known, the variant whose sub is the token's is the one to compare.
  const chosen = variants.find((c) => c.sub?.kind === 'value' && c.sub.value === claims.sub) ?? variants[0] ?? {};
  const out: string[][] = [];
  for (const [k, v] of Object.entries(chosen)) {
    const real = claims[k];
    // A claim this token does not carry at all is not compared (issuers add claims over time), but sub always is.
    if (real === undefined && k !== 'sub' && v.kind === 'value') continue;
    if (v.kind === 'value' && real !== v.value)
      out.push([k, shown(v), typeof real === 'string' ? `\`${real}\`` : 'no claim']);
    if (v.kind === 'absent' && real !== undefined) out.push([k, 'no claim', `\`${String(real)}\``]);
  }
  return out;
}

/** The run's token against the prediction for this run: a pass, or a failing finding per claim that differs. */
export function comparePrediction(
  predictions: readonly TokenPrediction[],
  claims: Claims,
  runner: RunnerFacts,
): Finding[] {
  const run = runOfToken(claims, runner);
  const candidates = run ? predictionsForRun(predictions, run) : [];
  const [first] = candidates;
  if (!run || !first) return [unmatched(run, runner)];
  const ref = typeof claims.ref === 'string' ? claims.ref : undefined;
  const make = predictionMaker(first, ':this-run');
  const base = { job: run.jobId, workflow: run.workflow, event: run.event, ...(ref ? { ref } : {}) };
  // The refs a prediction admits: its trigger's, narrowed by the job's and the steps' `if:` where the model read them
  // (a step that requests the token ran, so the token's ref is one of some exchange's refs).
  const admits = (refs: TokenPrediction['refs'] | undefined) =>
    refs === undefined || refs.kind !== 'known' || !ref || refs.spaces.some((s) => inSpace(s, ref));
  const admitting = candidates.filter(
    (p) => admits(p.refs) && (p.exchanges.length === 0 || p.exchanges.some((e) => admits(e.refs))),
  );
  if (admitting.length === 0) {
    return [
      make({
        class: 'prediction-mismatch',
        message: `This run's ref \`${ref}\` is none the ${first.label} admits, so the workflow model does not describe this run.`,
        fix: 'Check the trigger filters the model read against the run, and report the case.',
        evidence: base,
        cause: null,
      }),
    ];
  }
  const results = admitting.map((p) => ({ p, diff: disagreements(p, claims, ref) }));
  const agree = results.find((r) => r.diff.length === 0);
  if (agree) {
    // Named after the prediction that agrees (a tag push is `push (tags …)`, not the first push trigger).
    return [
      predictionMaker(
        agree.p,
        ':this-run',
      )({
        class: 'ok',
        decisionPoint: 'token',
        message: `This run's token is the one predicted for the ${agree.p.label}: every predicted claim is as the token has it.`,
        evidence: base,
      }),
    ];
  }
  const worst = results[0] as (typeof results)[number];
  const because = explainSubject(claims)?.because;
  return [
    predictionMaker(
      worst.p,
      ':this-run',
    )({
      class: 'prediction-mismatch',
      message: `This run's token differs from the prediction for the ${worst.p.label}: ${worst.diff.map(([k, want, got]) => `${k} predicted ${want}, the token has ${got}`).join('; ')}.${because ? ` The token's sub is as it is because ${because}.` : ''}`,
      fix: 'Give the repository facts the prediction lacks (subject template, immutable form, default branch) in the configuration; if they are right, the model is wrong for this repository: report the case.',
      evidence: { ...base, claims: worst.diff.map(([k]) => k as string) },
      docUrl: GITHUB_OIDC_DOCS.subject,
      cause: null,
    }),
  ];
}

/**
 * The run's own token, when the model holds no prediction of its run: the comparison cannot be made, so this run does
 * not vouch for the model (unverified, never silent). The token does not say its workflow or event, or the model has
 * no such job on that event in that workflow (a job it does not read, a trigger the workflow does not have).
 */
function unmatched(run: RunIdentity | undefined, runner: RunnerFacts): Finding {
  const what = run
    ? `the workflow model has no run of job \`${run.jobId}\` in ${run.workflow} on ${run.event}${run.environment ? ` in environment ${run.environment}` : ''}`
    : 'the token names no workflow_ref or event_name (nor does GITHUB_WORKFLOW_REF), so its run cannot be told';
  return finding('prediction-unknown', {
    id: `predict:this-run:${run ? `${run.workflow}:${run.jobId}:${run.event}` : runner.jobId}:unmatched`,
    subject: `this run's token (job \`${runner.jobId}\`)`,
    status: 'unverified',
    decisionPoint: 'token',
    message: `This run's own token could not be compared with a prediction: ${what}. The workflow model is not checked against this run.`,
    fix: 'Run the preflight in the job whose token it checks (GITHUB_JOB), on a trigger its workflow has; with the CLI, give --job and a token of that job.',
    evidence: { job: runner.jobId, ...(run ? { workflow: run.workflow, event: run.event } : {}) },
    cause: null,
  });
}
