/**
 * The GitHub token permissions check: for every job of the deploy workflows, what its steps need of the job's
 * `GITHUB_TOKEN` (and of the tokens they take from secrets) against what GitHub would grant, so that a
 * "Resource not accessible by integration" (403) is caught before the deploy. Run once over the workflows.
 */
import { type Finding, finding } from '../model/finding.js';
import { type CallingJob, calledByLabel } from '../workflows/callers.js';
import type { ScopeNeed } from '../workflows/github-token/actions-table.js';
import {
  type EffectivePermissions,
  effectivePermissions,
  type PermissionsBlock,
  type RunContext,
  validatePermissions,
} from '../workflows/github-token/effective.js';
import { type JobNeeds, jobNeeds, type KnownNeed } from '../workflows/github-token/needs.js';
import { PERMISSIONS_SYNTAX_URL } from '../workflows/github-token/scopes.js';
import type { TokenJob, TokenWorkflow } from '../workflows/github-token/types.js';
import type { WorkflowCheck, WorkflowFacts } from './check.js';
import { describeNeed, describeStep, stepLocation } from './github-token/describe.js';
import { idOf, type JobContext, jobFindings, subjectOf } from './github-token/job.js';
import { type SecretUse, secretFindings } from './github-token/pat.js';

/** Every problem GitHub's parser would refuse in a block. */
function invalidFindings(block: PermissionsBlock | undefined, where: string): Finding[] {
  if (!block) return [];
  return validatePermissions(block).map((p, i) =>
    finding('github-token-invalid-scope', {
      id: `github-token:${block.file}:${where}:invalid:${i + 1}`,
      subject: `\`permissions:\` of ${where} (${block.file})`,
      message: `${p.message}: GitHub refuses the workflow before any job runs.`,
      evidence: { written: p.written, ...(p.suggestion ? { suggestion: p.suggestion } : {}) },
      fix: p.suggestion
        ? `Did you mean \`${p.suggestion}\`?`
        : 'Use a scope and level from the workflow syntax reference.',
      docUrl: PERMISSIONS_SYNTAX_URL,
      ...(p.line !== undefined ? { location: { file: p.file, line: p.line } } : {}),
    }),
  );
}

/** The uses of each secret's token in a job. */
function secretUses(job: TokenJob, file: string, needs: JobNeeds, caller: Caller | undefined): SecretUse[] {
  const by = new Map<string, KnownNeed[]>();
  for (const k of needs.known) {
    if (k.token.kind !== 'secret' || k.of === 'job') continue;
    by.set(k.token.name, [...(by.get(k.token.name) ?? []), k]);
  }
  return [...by].map(([secret, uses]) => ({
    secret,
    jobId: job.id,
    file,
    ...(caller ? { via: caller.name, calledBy: calledByLabel(caller.chain) } : {}),
    ...(job.timeoutMinutes !== undefined ? { timeoutMinutes: job.timeoutMinutes } : {}),
    uses,
  }));
}

/** The calling job of a reusable workflow's job: its grant caps the called job's, and is where a fix belongs. */
type Caller = {
  name: string;
  permissions: EffectivePermissions;
  file: string;
  job: TokenJob;
  /** The calling jobs, outermost first, down to this one (`src/workflows/callers.ts`). */
  chain: readonly CallingJob[];
};

/**
 * Steps given a token made during the run (`steps.app.outputs.token`, an app installation's token) or written in
 * the workflow: nothing before the run can read it, so what they need of it is unverified, and listed.
 */
function runtimeTokenFindings(c: JobContext, needs: JobNeeds): Finding[] {
  const by = new Map<string, KnownNeed[]>();
  for (const k of needs.known) {
    if (k.token.kind !== 'other' || k.of === 'job') continue;
    by.set(k.token.expression, [...(by.get(k.token.expression) ?? []), k]);
  }
  return [...by].map(([expression, uses], i) =>
    finding('pat-unverified', {
      id: `${idOf(c)}:runtime-token:${i + 1}`,
      subject: subjectOf(c),
      status: 'unverified',
      message: `${uses.map((k) => `${describeStep(k.step, c.file)} (\`${k.what}\`, needs ${describeNeed(k.need)})`).join('; ')} use a token made during the run or written in the workflow (\`${expression}\`): it cannot be checked before the run.`,
      evidence: { job: c.job.id, token: expression, needs: uses.flatMap((k) => describeNeed(k.need)) },
      fix: "Check that the token's app or owner grants what these steps need on this repository, or give the steps the job's token or a secret the preflight is given (`github-tokens`).",
      ...stepLocation(uses[0]?.step, c.file),
    }),
  );
}

/**
 * Whether the job's token comes from a `permissions:` block of its own workflow other than `write-all`: only then is
 * an action given no token, which the table does not know, reported (docs/github-token.md, "What the steps need").
 * A block is where scopes are taken away on purpose; listing every such action on a default grant would drown the
 * report in actions that use no token at all.
 */
function namesScopes(p: EffectivePermissions): boolean {
  const s = p.source;
  return s.kind === 'block' && !(s.block.value.kind === 'shorthand' && s.block.value.value === 'write-all');
}

/** The job's token for one run, and what its steps need of it: the job's own token's needs and unknowns. */
function jobCase(
  facts: WorkflowFacts,
  workflow: TokenWorkflow,
  job: TokenJob,
  caller: Caller | undefined,
  steps: TokenJob['steps'],
  run: RunContext | undefined,
) {
  const permissions = effectivePermissions({
    ...(workflow.permissions ? { workflow: workflow.permissions } : {}),
    ...(job.permissions ? { job: job.permissions } : {}),
    defaults: facts.settings.defaultPermissions,
    ...(run ? { run } : {}),
    ...(caller ? { caller: { name: caller.name, permissions: caller.permissions } } : {}),
  });
  const needs = jobNeeds(steps);
  const declared: readonly ScopeNeed[] = facts.settings.jobNeeds[job.id] ?? [];
  const declaredNeeds: KnownNeed[] = declared.map((n) => ({
    step: { index: -1 },
    what: 'github.job-token-needs',
    token: { kind: 'github-token' },
    need: { all: [n] },
    of: 'token',
    doc: PERMISSIONS_SYNTAX_URL,
  }));
  const context: JobContext = {
    job,
    file: workflow.file,
    permissions,
    known: [...needs.known.filter((k) => k.token.kind === 'github-token' || k.of === 'job'), ...declaredNeeds],
    unknown: needs.unknown.filter((u) => u.token.kind === 'github-token' && (!u.implicit || namesScopes(permissions))),
    declared,
    visibility: facts.settings.visibility ?? 'unknown',
    ...(facts.settings.jobNeeds[job.id] !== undefined ? { needsDeclared: true } : {}),
    ...(caller
      ? {
          via: caller.name,
          calledBy: calledByLabel(caller.chain),
          caller: { file: caller.file, job: caller.job, permissions: caller.permissions },
        }
      : {}),
  };
  return { permissions, needs, context };
}

/**
 * Without a run to go by (the CLI), a job that may run on a fork's pull request is checked for that run too: its
 * token is lowered to read. Only what is missing there and not already missing is reported.
 */
function forkFindings(
  facts: WorkflowFacts,
  workflow: TokenWorkflow,
  job: TokenJob,
  caller: Caller | undefined,
  main: readonly Finding[],
): Finding[] {
  if (facts.run || !job.forkSteps) return [];
  const fork = jobCase(facts, workflow, job, caller, job.forkSteps, { event: 'pull_request', fromFork: true });
  const missing = new Set(main.filter((f) => f.class === 'github-token-scope-missing').map((f) => f.evidence.scope));
  const found = jobFindings({ ...fork.context, forkCase: true }).filter(
    (f) => f.class === 'github-token-scope-missing' && !missing.has(f.evidence.scope) && !deployTokenOnFork(f),
  );
  const open = job.forkRunUnknown;
  return open ? found.map((f) => forkRunOpen(f, open)) : found;
}

/**
 * What only a fork's pull request lacks, when whether the job runs there is not known: unverified, not a certain
 * refusal. A job's `if: github.event.pull_request.user.login == 'dependabot[bot]'` is such a case: Dependabot opens
 * its pull requests from branches of the repository itself, but GitHub's Dependabot docs
 * (https://docs.github.com/en/code-security/dependabot/working-with-dependabot/automating-dependabot-with-github-actions)
 * do not say that no pull request from a fork can have that author, so the fork case is left open.
 */
function forkRunOpen(f: Finding, open: NonNullable<TokenJob['forkRunUnknown']>): Finding {
  const { wouldReturn: _refused, cause: _cause, ...rest } = f;
  return {
    ...rest,
    status: 'unverified',
    message: `Cannot tell whether the job runs on a pull request from a fork: its \`if: ${open.condition}\` reads ${open.reason}, not known for that run. If it runs there, ${f.message.replace(/^Would be refused \(403\): /, 'it would be refused (403): ')}`,
  };
}

/**
 * A fork's pull request gets no OIDC token at all. For configure-aws-credentials steps the deploy job's prediction
 * says so already (`fork-pull-request-deploy`, src/checks/predicted-trust/findings.ts), so the same cause is not
 * counted twice here; another action's need of the token (actions/deploy-pages) is reported here.
 * https://docs.github.com/en/actions/reference/security/oidc
 */
function deployTokenOnFork(f: Finding): boolean {
  const steps = f.evidence.steps;
  return (
    f.evidence.scope === 'id-token' &&
    Array.isArray(steps) &&
    steps.length > 0 &&
    steps.every((s) => typeof s === 'string' && /^aws-actions\/configure-aws-credentials$/i.test(s))
  );
}

/** One job, and the jobs of the workflow it calls (each capped by this job's grant). */
function checkJob(facts: WorkflowFacts, workflow: TokenWorkflow, job: TokenJob, caller?: Caller): Finding[] {
  // On a fork's pull request, the job runs that run's steps (those whose `if:` the fork case does not rule out), or,
  // when its own `if:` rules the fork case out, does not run at all and needs nothing.
  const forkRun = facts.run?.event === 'pull_request' && facts.run.fromFork;
  if (forkRun && job.forkRuledOut !== undefined) return invalidFindings(job.permissions, `job \`${job.id}\``);
  const steps = forkRun && job.forkSteps ? job.forkSteps : job.steps;
  const { permissions, needs, context } = jobCase(facts, workflow, job, caller, steps, facts.run);
  const main = jobFindings(context).filter((f) => !(forkRun && deployTokenOnFork(f)));
  const out = [
    ...invalidFindings(job.permissions, `job \`${job.id}\``),
    ...main,
    ...forkFindings(facts, workflow, job, caller, main),
  ];
  for (const use of secretUses(job, workflow.file, needs, caller)) {
    const inspection = facts.inspections.find((i) => i.secret === use.secret);
    out.push(...secretFindings(use, inspection, facts.now));
  }
  out.push(...runtimeTokenFindings(context, needs));
  if (job.calls) {
    out.push(...invalidFindings(job.calls.permissions, `the workflow ${job.calls.file}`));
    for (const called of job.calls.jobs) {
      const chain = [...(caller?.chain ?? []), { file: workflow.file, jobId: job.id }];
      out.push(...checkJob(facts, job.calls, called, { name: job.id, permissions, file: workflow.file, job, chain }));
    }
  }
  return out;
}

export const githubTokenCheck: WorkflowCheck = {
  id: 'github-token',
  title: "Each job's GITHUB_TOKEN (and the tokens its steps take from secrets) grants what its steps need.",
  decisionPoints: ['github-token'],
  section: 'github',
  scope: 'workflow',
  run: (facts) =>
    facts.workflows.flatMap((workflow) => [
      ...invalidFindings(workflow.permissions, `the workflow ${workflow.file}`),
      ...workflow.jobs.flatMap((job) => checkJob(facts, workflow, job)),
    ]),
};
