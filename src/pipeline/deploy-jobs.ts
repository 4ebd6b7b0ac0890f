/**
 * The deploy jobs of the repository's workflows, past their trust: for each job instance that assumes a role whose
 * ARN the workflow writes, the session it asks for and the AWS calls its later steps make (src/workflows/calls/),
 * checked with the same role checks as a configured role (`session`, `permissions`), against the policy files. The
 * trust itself is checked on the predicted token (src/pipeline/workflows.ts); a call the preflight cannot read from
 * a step is `calls-not-inferred`, never skipped.
 */

import { isPolicyFileFinding } from '../aws-files/index.js';
import type { Catalog } from '../catalog/index.js';
import type { RoleConfig } from '../config/model.js';
import { globCovers } from '../iam/glob.js';
import type { DeclaredAbsent, RequiredPermission } from '../model/aws.js';
import { type Finding, finding } from '../model/finding.js';
import { ACTION_FIX_OPTIONS, type FixOptions } from '../model/fix-options.js';
import { chainKey, jobName } from '../workflows/callers.js';
import {
  inferStepsCalls,
  type MergedPermission,
  mergeWithDeclared,
  type NotInferred,
} from '../workflows/calls/index.js';
import { renderedFiles, type TaskDefinitionFile } from '../workflows/calls/task-definition.js';
import { settingsRequest } from '../workflows/credentials.js';
import type { CallerRef, WorkflowJob, WorkflowStep } from '../workflows/index.js';
import type { PredictedExchange, TokenPrediction } from '../workflows/predict/index.js';
import { stepWhere } from '../workflows/where.js';
import type { AwsDeps } from './aws.js';
import { literal, stepSession } from './exchange.js';
import { changedFiles, type RepositoryReader, readTaskDefinitions } from './task-definitions.js';
import { callsWithoutCredentials } from './unseen-credentials.js';

/** The role checks a deploy job's session and calls go through (its trust is checked on the predicted token; a chained role's on the session it chains from). */
export const DEPLOY_JOB_CHECKS = ['session', 'permissions', 'chained-trust'] as const;

/**
 * What the files lack of a role's own policies matters only to the calls the job makes: a job whose steps make none
 * (or only calls that need no permission, such as `aws sts get-caller-identity`) is not held to them.
 */
const POLICIES_ONLY: ReadonlySet<string> = new Set(['role-policies-unknown', 'managed-policy-missing']);

/** What the deploy jobs are checked against. */
export interface DeployJobsOptions {
  readonly policyFiles: readonly string[];
  readonly declaredAbsent?: DeclaredAbsent;
  /**
   * The permission lines the configuration declares for a role in a job's environment (its common lines and those of
   * the environment): merged with the lines inferred for a deploy job that assumes the role
   * (src/workflows/calls/merge.ts), declared first; each keeps its origin, so the report shows which is which (a
   * configuration line, or `inferred from FILE:LINE (command)`).
   */
  readonly declared?: (roleArn: string, environment: string | undefined) => readonly RequiredPermission[];
  readonly deps: AwsDeps;
  /** Reads a file of the repository (the task definition files ECS deploy steps name); absent: none is read. */
  readonly readFile?: RepositoryReader;
}

/** One role a job instance assumes, with what it asks of it: the unit the role checks run over. */
interface DeployRole {
  readonly label: string;
  readonly key: string;
  readonly config: RoleConfig;
  readonly notInferred: readonly NotInferred[];
  /** The permission lines the configuration declares for the role (in the job's environment). */
  readonly declared: readonly RequiredPermission[];
  readonly at: WorkflowStep['position'];
  /** What of the session the step asks for is not known or not valid before the run. */
  readonly sessionProblems: readonly string[];
  /** For a chained role, the key of the role whose session assumes it (src/checks/chained-trust.ts). */
  readonly source?: string;
}

/** Checks the session and the inferred calls of every deploy job instance whose role is known; see the module comment. */
export async function checkDeployJobs(
  predictions: readonly TokenPrediction[],
  options: DeployJobsOptions,
  jobs: readonly WorkflowJob[] = [],
): Promise<Finding[]> {
  const catalog = await options.deps.loadCatalog();
  const deploying = predictions.filter((p) => p.issued.kind !== 'no').map((p) => p.instance.steps);
  const taskDefinitions = options.readFile ? await readTaskDefinitions(deploying, options.readFile) : undefined;
  const { roles: found, unknown } = deployRoles(predictions, options, catalog, taskDefinitions);
  const roles = toldApart(found);
  unknown.push(...chainsFromNothing(jobs, predictions), ...callsWithoutCredentials(jobs, catalog));
  if (roles.length === 0) return unknown;
  const { checkAwsRoles } = await import('./aws.js');
  const index = new Map(roles.map((r, i) => [r.key, i]));
  const results = await checkAwsRoles(
    roles.map((r) => r.config),
    undefined,
    { ...options.deps, checkIds: DEPLOY_JOB_CHECKS },
    (i) => {
      const source = roles[i]?.source;
      return source === undefined ? undefined : index.get(source);
    },
  );
  return [
    ...unknown,
    ...roles.flatMap((role, i) => [
      ...notInferredFindings(role, options.deps.options ?? ACTION_FIX_OPTIONS),
      ...sessionFindings(role),
      ...(results[i] ?? [])
        .filter((f) => role.config.permissions.length > 0 || !POLICIES_ONLY.has(f.class))
        // A policy file's finding is the file's, whichever job read it: as it is, so it is reported once.
        .map((f) =>
          isPolicyFileFinding(f) ? f : { ...f, id: `${role.key}:${f.id}`, subject: `${role.label}: ${f.subject}` },
        ),
    ]),
  ];
}

/**
 * The roles of one job instance, each label telling it from the others of the same label: a role of one name in
 * several accounts (`arn:aws:iam::${{ matrix.account }}:role/deploy`) by its ARN, one role assumed in several regions
 * (`aws-region: ${{ matrix.region }}`) by its region, as the token's findings name the role
 * (src/pipeline/workflows.ts `roleAccountsTold`).
 */
function toldApart(roles: readonly DeployRole[]): DeployRole[] {
  const byLabel = new Map<string, DeployRole[]>();
  for (const r of roles) byLabel.set(r.label, [...(byLabel.get(r.label) ?? []), r]);
  const nameOf = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);
  return roles.map((r) => {
    const { roleArn, region } = r.config.settings;
    const others = (byLabel.get(r.label) ?? []).filter((o) => o !== r).map((o) => o.config.settings);
    const account = others.some((o) => o.roleArn !== roleArn && nameOf(o.roleArn) === nameOf(roleArn));
    const regions = others.some((o) => o.roleArn === roleArn && o.region !== region);
    const told = `${account ? `, role ${roleArn}` : ''}${regions && region ? `, region ${region}` : ''}`;
    return told ? { ...r, label: `${r.label}${told}` } : r;
  });
}

/** A credential step of an instance that runs for its trigger, with the role it assumes when the workflow writes it. */
interface CredentialStep {
  readonly step: WorkflowStep;
  /** The direct exchange (with GitHub's token) the prediction made of it; absent for a chained step. */
  readonly exchange?: PredictedExchange;
  readonly chains: boolean;
  /**
   * For a step that obtains credentials without GitHub's token and without chaining (access keys, a token file, no
   * role): why, from configure-aws-credentials' own rule (src/workflows/credentials.ts).
   */
  readonly without?: string;
}

/** Why a configure-aws-credentials step that neither exchanges GitHub's token nor chains obtains credentials anyway. */
function withoutToken(step: WorkflowStep): string | undefined {
  const use = step.credential;
  if (use?.kind !== 'configure-aws-credentials' || use.chains) return undefined;
  const request = settingsRequest(use.settings);
  return request.kind === 'no' ? request.reason : undefined;
}

/**
 * The credential steps of a prediction in the job's order: its exchanges (those that run for the trigger), and the
 * steps that chain (`role-chaining: true`: sts:AssumeRole with the credentials the step before set,
 * https://github.com/aws-actions/configure-aws-credentials#role-chaining). A step decided not to run is left out.
 */
function credentialSteps(p: TokenPrediction): CredentialStep[] {
  const exchanges = new Map(p.exchanges.map((e) => [e.step.index, e]));
  return p.instance.credentialSteps.flatMap((step): CredentialStep[] => {
    if (step.runs.kind === 'never') return [];
    const exchange = exchanges.get(step.index);
    if (exchange) return [{ step, exchange, chains: false }];
    const use = step.credential;
    if (use?.kind === 'configure-aws-credentials' && use.chains) return [{ step, chains: true }];
    const without = withoutToken(step);
    return without ? [{ step, chains: false, without }] : [];
  });
}

/**
 * The distinct (job, credential step, role, settings) of the predictions, each with its inferred calls; a chained
 * role with the role whose session assumes it. A chained step whose role, or whose source's, the workflow does not
 * write before the run is an unverified finding: its trust, session and calls cannot be checked.
 */
function deployRoles(
  predictions: readonly TokenPrediction[],
  options: DeployJobsOptions,
  catalog: Catalog,
  taskDefinitions: ReadonlyMap<string, TaskDefinitionFile> | undefined,
): { roles: DeployRole[]; unknown: Finding[] } {
  const byKey = new Map<string, DeployRole>();
  const unknown = new Map<string, Finding>();
  for (const p of predictions) {
    if (p.issued.kind === 'no') continue;
    const environment = literal(p.instance.environment?.name);
    const name = jobNamed(p.job, p.trigger.callers, environment);
    const steps = credentialSteps(p);
    // The job's task definition files, as its rendering steps read them and its other steps may change them: worked
    // out once per instance, when a role's calls are first inferred.
    let files: { rendered: ReturnType<typeof renderedFiles>; changed: Map<string, string> } | undefined;
    const jobFiles = () => {
      if (files === undefined) {
        const rendered = renderedFiles(p.instance.steps);
        files = { rendered, changed: changedFiles(p.instance.steps, rendered) };
      }
      return files;
    };
    // The key of the role whose credentials the job holds after each credential step (undefined: not known).
    const holding: (string | undefined)[] = [];
    // A job that holds roles of several accounts: a `no-resource-policy` declaration (a resource of "the role's own
    // account") does not say which account owns a bucket, whose ARN names none.
    const accounts = new Set(
      steps.flatMap((c) => {
        const use = c.step.credential;
        const role = c.exchange
          ? c.exchange.role
          : use?.kind === 'configure-aws-credentials'
            ? use.settings.roleToAssume
            : undefined;
        const account = literal(role)?.split(':')[4];
        return account ? [account] : [];
      }),
    );
    const declaredAbsent =
      options.declaredAbsent && accounts.size > 1
        ? { ...options.declaredAbsent, ownerNotDeclared: true as const }
        : options.declaredAbsent;
    steps.forEach((c, n) => {
      const use = c.step.credential;
      const arn = literal(
        c.exchange
          ? c.exchange.role
          : use?.kind === 'configure-aws-credentials'
            ? use.settings.roleToAssume
            : undefined,
      );
      const source = c.chains ? holding[n - 1] : undefined;
      holding[n] = undefined;
      if (use?.kind !== 'configure-aws-credentials') return;
      if (c.without) {
        const f = withoutTokenUnknown(name, c.step, arn, c.without);
        unknown.set(f.id, f);
        return;
      }
      if (c.chains && (arn === undefined || source === undefined)) {
        const f = chainUnknown(name, c.step, arn, n === 0 ? undefined : steps[n - 1]);
        unknown.set(f.id, f);
        return;
      }
      if (arn === undefined) return; // a direct exchange's unknown role is reported with its trust (src/pipeline/workflows.ts)
      const audience = c.exchange?.aud.kind === 'value' ? c.exchange.aud.value : '';
      const { settings, problems } = stepSession(c.step, arn, audience);
      const key = `${name.key}:step-${c.step.index}:${arn}:${settings.region ?? ''}:${environment ?? ''}${source ? `<-${source}` : ''}`;
      holding[n] = key;
      if (byKey.has(key)) return;
      const calls = inferStepsCalls(stepsUsing(p, steps, n), catalog, {
        ...(settings.region ? { region: settings.region } : {}),
        account: arn.split(':')[4] ?? '',
        partition: arn.split(':')[1] ?? 'aws',
        ...(taskDefinitions ? { taskDefinitions } : {}),
        rendered: jobFiles().rendered,
        changedFiles: jobFiles().changed,
      });
      const declared = options.declared?.(arn, environment) ?? [];
      const permissions = mergeWithDeclared(declared, calls.permissions)
        .filter((m) => !standsFor(declared, m))
        .map(withWhatIsUnknown);
      byKey.set(key, {
        label: name.label,
        key,
        at: c.step.position,
        notInferred: calls.notInferred,
        declared,
        sessionProblems: problems,
        ...(source ? { source } : {}),
        config: {
          settings: { ...settings, roleChaining: c.chains },
          permissions,
          sources: { policyFiles: options.policyFiles, liveReads: false, probe: false, crossCheck: false },
          ...(declaredAbsent ? { declaredAbsent } : {}),
        },
      });
    });
  }
  return { roles: [...byKey.values()], unknown: [...unknown.values()] };
}

/**
 * A merged line as the permissions check reads it: an inferred line carries the parts of its resource the inference
 * could not know and its notes (every place it was inferred from), so that a resource widened to `*` is checked as
 * unknown, not as every resource (src/checks/permissions.ts). A declared line names its resource itself.
 */
function withWhatIsUnknown(m: MergedPermission): RequiredPermission {
  if (m.source === 'declared') return m.permission;
  const unknownParts = [...new Set(m.from.flatMap((f) => f.unknown))];
  const notes = [...new Set(m.from.flatMap((f) => f.notes))];
  return {
    ...m.permission,
    ...(unknownParts.length > 0 ? { unknownParts } : {}),
    ...(notes.length > 0 ? { notes } : {}),
  };
}

/**
 * Whether a declared line stands for an inferred one whose resource has unknown parts: the same action (names are
 * case-insensitive, reference_policies_elements_action.html), on a resource among those the widened pattern matches.
 * The declared line names the real resource, which is what the inferred line could not know.
 */
function standsFor(declared: readonly RequiredPermission[], m: MergedPermission): boolean {
  if (m.source === 'declared' || !m.from.some((f) => f.unknown.length > 0)) return false;
  const { action, resource } = m.permission;
  return declared.some((d) => d.action.toLowerCase() === action.toLowerCase() && globCovers(resource, d.resource));
}

/**
 * The steps that run with the credentials of the `n`-th credential step: those after it that run for the instance's
 * trigger, up to the next credential step (which replaces the credentials in the job's environment).
 */
function stepsUsing(p: TokenPrediction, steps: readonly CredentialStep[], n: number): WorkflowStep[] {
  const from = steps[n]?.step.index ?? 0;
  const next = steps[n + 1]?.step.index ?? Number.POSITIVE_INFINITY;
  return p.instance.steps.filter((s) => s.index > from && s.index < next && s.runs.kind !== 'never');
}

/**
 * The instances that no prediction holds (they exchange no token) whose first credential step that runs chains: the
 * credentials it chains from are none a step obtains (static keys, or none at all), so nothing of it can be checked.
 */
function chainsFromNothing(jobs: readonly WorkflowJob[], predictions: readonly TokenPrediction[]): Finding[] {
  const predicted = new Set(predictions.map((p) => p.instance));
  const out = new Map<string, Finding>();
  for (const job of jobs) {
    if (!job.deploy) continue;
    for (const instance of job.instances) {
      if (instance.runs.kind === 'never' || predicted.has(instance)) continue;
      const name = jobNamed(job, instance.trigger.callers, literal(instance.environment?.name));
      let before: CredentialStep | undefined;
      for (const step of instance.credentialSteps.filter((s) => s.runs.kind !== 'never')) {
        const use = step.credential;
        if (use?.kind !== 'configure-aws-credentials') continue;
        const arn = literal(use.settings.roleToAssume);
        const without = withoutToken(step);
        const f = without
          ? withoutTokenUnknown(name, step, arn, without)
          : use.chains
            ? chainUnknown(name, step, arn, before)
            : undefined;
        if (f) out.set(f.id, f);
        before = { step, chains: use.chains, ...(without ? { without } : {}) };
      }
    }
  }
  return [...out.values()];
}

/** A job instance as findings name it (its id prefix, and its label) within one run. */
interface JobNamed {
  /** `job:.github/workflows/deploy.yml:deploy`, then the calling jobs (src/workflows/callers.ts `chainKey`). */
  readonly key: string;
  /** `job \`deploy\` (.github/workflows/deploy.yml, called by \`release\` in cd.yml) in production`. */
  readonly label: string;
}

/**
 * A job instance as the findings name it: the job, the chain of jobs that calls it (as its token's findings do,
 * src/workflows/callers.ts), and its environment.
 */
function jobNamed(job: WorkflowJob, callers: readonly CallerRef[] = [], environment: string | undefined): JobNamed {
  return {
    key: `job:${job.file}:${job.id}${chainKey(callers)}`,
    label: `${jobName(job, callers)}${environment ? ` in ${environment}` : ''}`,
  };
}

/** A chained step whose role, or the role it chains from, is not known before the run. */
function chainUnknown(
  name: JobNamed,
  step: WorkflowStep,
  arn: string | undefined,
  prior: CredentialStep | undefined,
): Finding {
  const before = prior?.step;
  const use = step.credential;
  const role = use?.kind === 'configure-aws-credentials' ? use.settings.roleToAssume : undefined;
  const why =
    arn === undefined
      ? role?.kind === 'unknown'
        ? `the role it chains into is \`${role.expression}\`, which is not known before the run (${role.reason})`
        : 'it names no role-to-assume'
      : before === undefined
        ? 'no step before it in the job obtains the credentials it chains from (configure-aws-credentials or a token exchange the preflight reads)'
        : prior?.without
          ? `the credentials it chains from are those of the step at ${before.position.file}:${before.position.line}, which the preflight does not check (${prior.without})`
          : `the role whose credentials it chains from (the step at ${before.position.file}:${before.position.line}) is not known before the run`;
  return finding('could-not-verify', {
    id: `${name.key}:step-${step.index}:chain-unknown`,
    subject: `${name.label}: role chaining at ${step.position.file}:${step.position.line}`,
    decisionPoint: 'sts-trust',
    status: 'unverified',
    message: `The step${viaOf(step)} chains into a role with the credentials of the step before it (role-chaining: true), and ${why}: the chained role's trust, session and calls are not checked.`,
    evidence: { step: `${step.position.file}:${step.position.line}`, ...(arn ? { roleArn: arn } : {}) },
    fix: prior?.without
      ? WITHOUT_TOKEN_FIX
      : arn !== undefined && before === undefined
        ? "Obtain the credentials the chain starts from in an earlier step of the job (configure-aws-credentials assuming the first role with GitHub's token), or remove `role-chaining: true` if this step should assume its role with the token itself."
        : 'Write the roles of both steps as literal ARNs, or as expressions of values the preflight is given (inputs, matrix, `vars` with the variables, `github.secret-arns` for a secret that holds the ARN).',
    location: { file: step.position.file, line: step.position.line },
  });
}

/** For a step of a local composite action: where it is written and the `uses:` that brought it in (src/workflows/where.ts). */
function viaOf(step: WorkflowStep): string {
  return step.via.length > 0 ? ` (${stepWhere(step.position, step.via)})` : '';
}

const WITHOUT_TOKEN_FIX =
  "Check the role's trust and permissions for these credentials on a real run, or assume the role with GitHub's OIDC token (`role-to-assume` without access keys, with `id-token: write`) so the preflight can check it.";

/**
 * A configure-aws-credentials step that obtains credentials without GitHub's OIDC token: with access keys (from
 * secrets), the role is assumed with sts:AssumeRole signed by them, whose user the preflight does not read; with a
 * token file, with a token it does not read; with no role, the keys themselves are used. Its role's trust, session and
 * the calls of the steps after it are not checked.
 */
function withoutTokenUnknown(name: JobNamed, step: WorkflowStep, arn: string | undefined, why: string): Finding {
  return finding('could-not-verify', {
    id: `${name.key}:step-${step.index}:without-oidc`,
    subject: `${name.label}: credentials at ${step.position.file}:${step.position.line}`,
    decisionPoint: 'sts-trust',
    status: 'unverified',
    message: `The configure-aws-credentials step${viaOf(step)} does not use GitHub's OIDC token: ${why}. The preflight reads neither those credentials nor whom they belong to, so ${arn ? `the trust of ${arn} toward them, the session and ` : ''}the calls of the steps that use them are not checked.`,
    evidence: { step: `${step.position.file}:${step.position.line}`, ...(arn ? { roleArn: arn } : {}) },
    fix: WITHOUT_TOKEN_FIX,
    docUrl: 'https://github.com/aws-actions/configure-aws-credentials#non-oidc-authentication-options',
    location: { file: step.position.file, line: step.position.line },
  });
}

/** What of a step's session is not known before the run, or not valid: the session and its permissions unverified. */
function sessionFindings(role: DeployRole): Finding[] {
  if (role.sessionProblems.length === 0) return [];
  return [
    finding('could-not-verify', {
      id: `${role.key}:session-unknown`,
      subject: `${role.label}: session of role ${role.config.settings.roleArn}`,
      decisionPoint: 'session',
      status: 'unverified',
      message: `The configure-aws-credentials step asks for a session the preflight cannot know before the run: ${role.sessionProblems.join('; ')}. Its length, the session policies that narrow its permissions, and the tags of a chained AssumeRole are checked only as far as they are known.`,
      evidence: { problems: [...role.sessionProblems] },
      fix: 'Write these inputs of the step as literals, or as expressions of values the preflight is given (inputs, matrix, `vars`); an invalid value fails configure-aws-credentials itself.',
      location: { file: role.at.file, line: role.at.line },
    }),
  ];
}

/** At most this many declared lines are named in a finding; the rest are counted. */
const NAMED_LINES = 3;

/**
 * A step whose calls the preflight cannot read: unverified, asking for permission lines. Once the configuration
 * declares lines for the role, they stand for the calls of every such step of it (README.md, "Permission lines"): the
 * finding passes, naming the lines, and says they were not matched against what the step does; the fix is gone.
 * The fix names the showing command's own settings: predict reads no permission lines, so it names what does.
 */
function notInferredFindings(role: DeployRole, fixOptions: FixOptions): Finding[] {
  const arn = role.config.settings.roleArn;
  const lines = role.declared;
  const named = lines.slice(0, NAMED_LINES).map((l) => `\`${l.action} ${l.resource}\` (${l.origin})`);
  if (lines.length > NAMED_LINES) named.push(`${lines.length - NAMED_LINES} more`);
  const standFor =
    lines.length > 0
      ? ` The ${lines.length === 1 ? 'permission line' : `${lines.length} permission lines`} the configuration declares for role ${arn} stand${lines.length === 1 ? 's' : ''} for its calls: ${named.join(', ')}. ${lines.length === 1 ? 'It is' : 'They are'} checked against the role's policies, but not matched against what the step does: the preflight cannot tell whether ${lines.length === 1 ? 'it covers' : 'they cover'} every call it makes.`
      : '';
  const fix = fixOptions.permissionLines
    ? `Declare the calls it makes as permission lines of role ${arn} in ${fixOptions.permissionLines}; they are checked with the inferred ones.`
    : `This command reads no permission lines: declare the calls it makes as permission lines of role ${arn} in a configuration file (\`aws.roles[].permissions\`) and check it with \`permission-preflight check\` or the action (\`workflows: true\`), which check them with the inferred ones.`;
  return role.notInferred.map((n, i) =>
    finding('calls-not-inferred', {
      id: `${role.key}:calls-not-inferred:${i}`,
      subject: `${role.label}: ${n.what}`,
      status: lines.length > 0 ? 'pass' : 'unverified',
      decisionPoint: 'config',
      message: `The preflight cannot tell which AWS calls \`${n.what}\` makes (${n.kind}): ${n.reason.replace(/\.?$/, '.')}${standFor}`,
      evidence: {
        kind: n.kind,
        ...(n.suggestions ? { suggestions: n.suggestions } : {}),
        ...(lines.length > 0 ? { declaredLines: lines.map((l) => `${l.action} ${l.resource}`) } : {}),
      },
      ...(lines.length > 0 ? {} : { fix }),
      location: { file: n.position.file, line: n.position.line },
    }),
  );
}
