/**
 * AWS calls made with credentials that no step of the job obtains as the preflight reads them: a job with no
 * configure-aws-credentials step and no OIDC token request, or the steps of a job before its first such step. Their
 * credentials come from somewhere the preflight does not read (access keys set in `env:` from secrets, an action it
 * does not read, the runner's own role), so neither whom they belong to nor what they may do is checked: each such
 * job is unverified, by name, never passed over.
 *
 * Only what surely calls AWS counts: an `aws` command, a known AWS action, an action named for an AWS service
 * (src/workflows/calls/). A build script, an action merely given AWS names (a firewall's allowed endpoints), or an
 * infrastructure tool that may serve another cloud is not taken for one.
 */
import type { Catalog } from '../catalog/index.js';
import { type Finding, finding } from '../model/finding.js';
import { inferStepCalls } from '../workflows/calls/index.js';
import type { StepCalls } from '../workflows/calls/model.js';
import type { WorkflowJob, WorkflowStep } from '../workflows/index.js';

const OIDC_AWS =
  'https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services';

/**
 * An action named for an AWS service (a narrower list than src/workflows/calls/actions.ts AWS_LOOKING, which also
 * names tools that serve other clouds: Terraform, Pulumi, the Serverless Framework).
 */
const AWS_NAMED =
  /(^aws-actions\/)|\b(aws|s3|cloudfront|lambda|ecs|ecr|eks|cloudformation|dynamodb|sqs|sns|codedeploy|route53|beanstalk|amplify)\b/i;

/** The calls listed in a finding at most (the count says how many there are). */
const LISTED = 5;

/** Each step's calls, inferred once: the model shares a step between the instances that expand it the same. */
const INFERRED = new WeakMap<WorkflowStep, StepCalls>();

function callsOf(step: WorkflowStep, catalog: Catalog): StepCalls {
  let calls = INFERRED.get(step);
  if (calls === undefined) {
    calls = inferStepCalls(step, catalog);
    INFERRED.set(step, calls);
  }
  return calls;
}

/** What of a step's calls surely goes to AWS, each as `file:line what` (with the actions it needs, when read). */
function awsCalls(calls: StepCalls): string[] {
  const byCall = new Map<string, string[]>();
  for (const p of calls.permissions) {
    const call = `${p.position.file}:${p.position.line} ${p.via}`;
    byCall.set(call, [...(byCall.get(call) ?? []), p.action]);
  }
  const out = [...byCall].map(([call, actions]) => `${call} (${[...new Set(actions)].join(', ')})`);
  for (const n of calls.notInferred) {
    const aws =
      n.kind === 'not-in-catalog' ||
      n.kind === 'unmapped-command' ||
      (n.kind === 'dynamic-command' && /^aws(?:\s|$)/.test(n.what)) ||
      (n.kind === 'unknown-action' && AWS_NAMED.test(n.what.split('@')[0] ?? ''));
    if (aws) out.push(`${n.position.file}:${n.position.line} ${n.what}`);
  }
  return out;
}

/** The jobs that call AWS before, or without, a credential step the preflight reads; see the module comment. */
export function callsWithoutCredentials(jobs: readonly WorkflowJob[], catalog: Catalog): Finding[] {
  const out: Finding[] = [];
  for (const job of jobs) {
    const found = new Set<string>();
    for (const instance of job.instances) {
      if (instance.runs.kind === 'never') continue;
      const first = instance.credentialSteps.find((s) => s.runs.kind !== 'never')?.index ?? Number.POSITIVE_INFINITY;
      for (const step of instance.steps) {
        if (step.index >= first || step.runs.kind === 'never') continue;
        for (const call of awsCalls(callsOf(step, catalog))) found.add(call);
      }
    }
    if (found.size === 0) continue;
    const calls = [...found];
    const listed = calls.slice(0, LISTED).map((c) => `\`${c}\``);
    const more = calls.length > LISTED ? ` and ${calls.length - LISTED} more` : '';
    const where = job.deploy ? 'before its first credential step' : 'and has no credential step';
    out.push(
      finding('could-not-verify', {
        id: `job:${job.file}:${job.id}:calls-without-credentials`,
        subject: `job \`${job.id}\` (${job.file}): AWS calls`,
        decisionPoint: 'sts-trust',
        status: 'unverified',
        message: `The job calls AWS ${where} the preflight reads (configure-aws-credentials, or a request for GitHub's OIDC token): ${listed.join(', ')}${more}. Those calls run with credentials from somewhere the preflight does not read (access keys set in \`env:\` from secrets, an action it does not read, or the runner's own role), so neither whom they belong to nor what they may do is checked.`,
        evidence: { job: job.id, calls: calls.slice(0, 20) },
        fix: "Obtain the job's AWS credentials with aws-actions/configure-aws-credentials and `role-to-assume` through GitHub's OIDC token (`id-token: write`), which the preflight checks from the token to every call; access keys kept in secrets expire or are rotated without the workflow knowing.",
        docUrl: OIDC_AWS,
        location: { file: job.file, line: job.position.line },
      }),
    );
  }
  return out;
}
