/**
 * The deploy jobs of the repository's workflows, past their trust: for each job instance that assumes a role whose
 * ARN the workflow writes, the session it asks for and the AWS calls its later steps make (src/workflows/calls/),
 * checked with the same role checks as a configured role (`session`, `permissions`), against the policy files. The
 * trust itself is checked on the predicted token (src/pipeline/workflows.ts); a call the preflight cannot read from
 * a step is `calls-not-inferred`, never skipped.
 */
import type { Catalog } from '../catalog/index.js';
import type { RoleConfig } from '../config/model.js';
import { globCovers } from '../iam/glob.js';
import type { DeclaredAbsent, RequiredPermission } from '../model/aws.js';
import { type Finding, finding } from '../model/finding.js';
import {
  inferStepsCalls,
  type MergedPermission,
  mergeWithDeclared,
  type NotInferred,
} from '../workflows/calls/index.js';
import type { WorkflowStep } from '../workflows/index.js';
import type { TokenPrediction } from '../workflows/predict/index.js';
import type { AwsDeps } from './aws.js';
import { exchangeSettings, literal } from './exchange.js';

/** The role checks a deploy job's session and calls go through (its trust is checked on the predicted token). */
export const DEPLOY_JOB_CHECKS = ['session', 'permissions'] as const;

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
}

/** One role a job instance assumes, with what it asks of it: the unit the role checks run over. */
interface DeployRole {
  readonly label: string;
  readonly key: string;
  readonly config: RoleConfig;
  readonly notInferred: readonly NotInferred[];
  /** How many permission lines the configuration declares for the role. */
  readonly declared: number;
  readonly at: WorkflowStep['position'];
}

/** Checks the session and the inferred calls of every deploy job instance whose role is known; see the module comment. */
export async function checkDeployJobs(
  predictions: readonly TokenPrediction[],
  options: DeployJobsOptions,
): Promise<Finding[]> {
  const catalog = await options.deps.loadCatalog();
  const roles = deployRoles(predictions, options, catalog);
  if (roles.length === 0) return [];
  const { checkAwsRoles } = await import('./aws.js');
  const results = await checkAwsRoles(
    roles.map((r) => r.config),
    undefined,
    { ...options.deps, checkIds: DEPLOY_JOB_CHECKS },
  );
  return roles.flatMap((role, i) => [
    ...notInferredFindings(role),
    ...(results[i] ?? [])
      .filter((f) => role.config.permissions.length > 0 || !POLICIES_ONLY.has(f.class))
      .map((f) => ({ ...f, id: `${role.key}:${f.id}`, subject: `${role.label}: ${f.subject}` })),
  ]);
}

/** The distinct (job, credential step, role, settings) of the predictions, each with its inferred calls. */
function deployRoles(
  predictions: readonly TokenPrediction[],
  options: DeployJobsOptions,
  catalog: Catalog,
): DeployRole[] {
  const byKey = new Map<string, DeployRole>();
  for (const p of predictions) {
    if (p.issued.kind === 'no') continue;
    p.exchanges.forEach((exchange, n) => {
      const arn = literal(exchange.role);
      if (arn === undefined || exchange.step.credential?.kind !== 'configure-aws-credentials') return;
      const settings = exchangeSettings(exchange, arn);
      const environment = literal(p.instance.environment?.name);
      const key = `job:${p.job.file}:${p.job.id}:step-${exchange.step.index}:${arn}:${settings.region ?? ''}:${environment ?? ''}`;
      if (byKey.has(key)) return;
      const steps = stepsUsing(p, n);
      const calls = inferStepsCalls(steps, catalog, {
        ...(settings.region ? { region: settings.region } : {}),
        account: arn.split(':')[4] ?? '',
        partition: arn.split(':')[1] ?? 'aws',
      });
      const declared = options.declared?.(arn, environment) ?? [];
      const permissions = mergeWithDeclared(declared, calls.permissions)
        .filter((m) => !standsFor(declared, m))
        .map(withWhatIsUnknown);
      byKey.set(key, {
        label: `job \`${p.job.id}\` (${p.job.file})${environment ? ` in ${environment}` : ''}`,
        key,
        at: exchange.step.position,
        notInferred: calls.notInferred,
        declared: declared.length,
        config: {
          settings,
          permissions,
          sources: { policyFiles: options.policyFiles, liveReads: false, probe: false, crossCheck: false },
          ...(options.declaredAbsent ? { declaredAbsent: options.declaredAbsent } : {}),
        },
      });
    });
  }
  return [...byKey.values()];
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
 * The steps that run with the credentials of the `n`-th exchange: those after its step that run for the instance's
 * trigger, up to the next credential step (which replaces the credentials in the job's environment).
 */
function stepsUsing(p: TokenPrediction, n: number): WorkflowStep[] {
  const from = p.exchanges[n]?.step.index ?? 0;
  const next = p.exchanges[n + 1]?.step.index ?? Number.POSITIVE_INFINITY;
  return p.instance.steps.filter((s) => s.index > from && s.index < next && s.runs.kind !== 'never');
}

/**
 * A step whose calls the preflight cannot read: unverified, asking for permission lines; once the configuration
 * declares lines for the role, they stand for its calls, and the finding says so.
 */
function notInferredFindings(role: DeployRole): Finding[] {
  const arn = role.config.settings.roleArn;
  const declared =
    role.declared > 0
      ? ` The ${role.declared} permission line${role.declared === 1 ? '' : 's'} the configuration declares for role ${arn} stand for its calls.`
      : '';
  return role.notInferred.map((n, i) =>
    finding('calls-not-inferred', {
      id: `${role.key}:calls-not-inferred:${i}`,
      subject: `${role.label}: ${n.what}`,
      status: role.declared > 0 ? 'pass' : 'unverified',
      decisionPoint: 'config',
      message: `The preflight cannot tell which AWS calls \`${n.what}\` makes (${n.kind}): ${n.reason}${declared}`,
      evidence: { kind: n.kind, ...(n.suggestions ? { suggestions: n.suggestions } : {}) },
      fix: `Declare the calls it makes as permission lines of role ${role.config.settings.roleArn} in the configuration (aws.roles[].permissions); they are checked with the inferred ones.`,
      location: { file: n.position.file, line: n.position.line },
    }),
  );
}
