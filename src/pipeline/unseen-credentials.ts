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
 *
 * A role given to an action the preflight does not read, in a job that may request GitHub's OIDC token, is unseen the
 * same way (`rolesOfUnreadActions`): the action may assume it with the job's token.
 */
import type { Catalog } from '../catalog/index.js';
import { type Finding, finding } from '../model/finding.js';
import { actionNamed, KNOWN_ACTIONS } from '../workflows/calls/actions.js';
import { inferStepCalls } from '../workflows/calls/index.js';
import type { StepCalls } from '../workflows/calls/model.js';
import { rolesGiven } from '../workflows/credentials.js';
import { grantOfBlock } from '../workflows/github-token/effective.js';
import { permissionsBlock } from '../workflows/github-token/from-model.js';
import type { JobInstance, WorkflowJob, WorkflowStep } from '../workflows/index.js';

const OIDC_AWS =
  'https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services';

/**
 * The words of an action named for an AWS service, read in its name or path, not its owner
 * (src/workflows/calls/actions.ts `actionNamed`): a narrower list than AWS_LOOKING there, which also names tools that
 * serve other clouds (Terraform, Pulumi, the Serverless Framework).
 */
const AWS_NAMED =
  /\b(aws|s3|cloudfront|lambda|ecs|ecr|eks|cloudformation|dynamodb|sqs|sns|codedeploy|route53|beanstalk|amplify)\b/i;

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
      (n.kind === 'unknown-action' && actionNamed(n.what, AWS_NAMED));
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

/**
 * Whether the instance of `job` may request GitHub's OIDC token: its `permissions:` (else its workflow's) grant
 * `id-token: write`, the default granting none; a job of a called workflow without a block of its own gets its
 * caller's, and one with a block gets no more than its caller's
 * (https://docs.github.com/en/actions/sharing-automations/reusing-workflows#access-and-permissions-for-nested-workflows).
 * A caller not in the model is taken to grant it (fail closed).
 */
function mayRequestOidc(job: WorkflowJob, instance: JobInstance, byKey: ReadonlyMap<string, WorkflowJob>): boolean {
  const chain = [...(instance.trigger.callers ?? []).map((c) => byKey.get(`${c.file}#${c.jobId}`)), job];
  let write = false;
  for (const [i, level] of chain.entries()) {
    if (level === undefined) {
      write = true;
      continue;
    }
    const block = permissionsBlock(level.permissions ?? level.workflowPermissions, 'job');
    if (block !== undefined) write = (i === 0 || write) && grantOfBlock(block.value)['id-token'].most === 'write';
  }
  return write;
}

/**
 * A step whose action the preflight does not read: another repository's action or a container image, or a local one
 * left as a step (JavaScript or Docker, or not read; a composite one is replaced by its steps). configure-aws-credentials
 * is read as the job's credential step, and the actions src/workflows/calls/actions.ts reads from their READMEs assume
 * no role of their own.
 */
function unreadAction(step: WorkflowStep): string | undefined {
  if (step.uses?.kind !== 'known' || step.credential !== undefined) return undefined;
  const uses = String(step.uses.value).trim();
  const name = uses.split('@')[0]?.toLowerCase() ?? '';
  return KNOWN_ACTIONS[name] === undefined ? uses : undefined;
}

/**
 * The jobs that may request GitHub's OIDC token and give an action the preflight does not read a role to assume
 * (`rolesGiven`): that action may assume the role with the job's token, and neither the role's trust of the token nor
 * what the action does with the session is read. Unverified, by job and role, as a reusable workflow of another
 * repository that is not read and is given `id-token: write` is (docs/workflows.md).
 */
export function rolesOfUnreadActions(jobs: readonly WorkflowJob[]): Finding[] {
  const byKey = new Map(jobs.map((j) => [`${j.file}#${j.id}`, j]));
  const out: Finding[] = [];
  for (const job of jobs) {
    const found = new Set<string>();
    let at: WorkflowStep['position'] | undefined;
    for (const instance of job.instances) {
      if (instance.runs.kind === 'never' || !mayRequestOidc(job, instance, byKey)) continue;
      for (const step of instance.steps) {
        const uses = step.runs.kind === 'never' ? undefined : unreadAction(step);
        if (uses === undefined) continue;
        for (const role of rolesGiven(step)) {
          found.add(`${role.position.file}:${role.position.line} ${uses} (${role.input}: ${role.value})`);
          at ??= role.position;
        }
      }
    }
    if (found.size === 0 || at === undefined) continue;
    const given = [...found];
    const listed = given.slice(0, LISTED).map((g) => `\`${g}\``);
    const more = given.length > LISTED ? ` and ${given.length - LISTED} more` : '';
    out.push(
      finding('could-not-verify', {
        id: `job:${job.file}:${job.id}:role-in-unread-action`,
        subject: `job \`${job.id}\` (${job.file}): a role given to an action not read`,
        decisionPoint: 'sts-trust',
        status: 'unverified',
        message: `The job may request GitHub's OIDC token (\`id-token: write\`) and gives a role to an action the preflight does not read: ${listed.join(', ')}${more}. The action may assume that role with the job's token; neither the role's trust of that token nor the calls made with its session are checked.`,
        evidence: { job: job.id, roles: given.slice(0, 20) },
        fix: "Check the role's trust and permissions on a real run of the job; where the action can use credentials already in the job's environment, assume the role with aws-actions/configure-aws-credentials (`role-to-assume`) before it instead, so the preflight checks the trust and the session; if the action assumes no role with the job's token, drop `id-token: write` from the job's permissions.",
        docUrl: OIDC_AWS,
        location: { file: at.file, line: at.line, column: at.column },
      }),
    );
  }
  return out;
}
