/**
 * Workflow model values for the prediction tests, built as src/workflows/model.ts types them: a deploy job with one
 * configure-aws-credentials step, one instance per trigger. The triggers and steps the tests use are those of the
 * public workflows each test names.
 */

import type { Catalog } from '../../src/catalog/index.js';
import type { ProviderRead } from '../../src/checks/predicted-trust/evaluate.js';
import { checkPredictedTrust } from '../../src/checks/predicted-trust/findings.js';
import type { RoleModel } from '../../src/model/aws.js';
import type { Finding } from '../../src/model/finding.js';
import { GITHUB_ISSUER } from '../../src/tokens/github.js';
import type {
  JobInstance,
  SourcePosition,
  WorkflowJob,
  WorkflowStep,
  WorkflowTrigger,
  WorkflowValue,
} from '../../src/workflows/model.js';
import type {
  PredictContext,
  PredictedExchange,
  RepositoryFacts,
  TokenPrediction,
} from '../../src/workflows/predict/index.js';
import { assumeRoleSettings } from '../fixtures/aws-settings.js';

const at = (file: string, line = 1): SourcePosition => ({ file, line, column: 1 });

/** A literal value written at line 1 of `file`. */
export const known = (value: string, file = '.github/workflows/deploy.yml'): WorkflowValue => ({
  kind: 'known',
  value,
  position: at(file),
});

/** An expression not known before the run. */
export const unknownValue = (expression: string, reason: string): WorkflowValue => ({
  kind: 'unknown',
  expression,
  reason,
  position: at('.github/workflows/deploy.yml'),
});

/** A trigger of `file` (`event` as GitHub names it; filters as written). */
export function trigger(
  event: string,
  over: Partial<WorkflowTrigger> = {},
  file = '.github/workflows/deploy.yml',
): WorkflowTrigger {
  const known = [
    'push',
    'pull_request',
    'pull_request_target',
    'workflow_dispatch',
    'workflow_call',
    'release',
    'schedule',
    'merge_group',
    'workflow_run',
  ];
  return {
    event: (known.includes(event) ? event : 'other') as WorkflowTrigger['event'],
    eventName: event,
    position: at(file, 3),
    ...over,
  };
}

/** A configure-aws-credentials step assuming `role` (a literal ARN or an unknown value). */
export function awsStep(role: WorkflowValue, audience?: WorkflowValue): WorkflowStep {
  return {
    index: 0,
    uses: known('aws-actions/configure-aws-credentials@v4'),
    with: {},
    env: {},
    environment: {},
    runs: { kind: 'always' },
    credential: {
      kind: 'configure-aws-credentials',
      settings: { roleToAssume: role, with: {}, ...(audience ? { audience } : {}) },
      order: 0,
      chains: false,
    },
    via: [],
    position: at('.github/workflows/deploy.yml', 10),
  };
}

/** What a job is built from. */
export interface JobSpec {
  readonly id?: string;
  readonly file?: string;
  readonly workflow?: string;
  readonly triggers: readonly WorkflowTrigger[];
  readonly environment?: WorkflowValue;
  readonly role?: WorkflowValue;
  readonly audience?: WorkflowValue;
  readonly calls?: WorkflowJob['calls'];
}

/** A deploy job with one instance per trigger. */
export function deployJob(spec: JobSpec): WorkflowJob {
  const file = spec.file ?? '.github/workflows/deploy.yml';
  const step = awsStep(spec.role ?? known('arn:aws:iam::111122223333:role/github-deploy'), spec.audience);
  const instances: JobInstance[] = spec.triggers.map((t) => ({
    trigger: t,
    workflow: spec.workflow ?? file,
    matrix: {},
    inputs: {},
    runs: { kind: 'always' },
    ...(spec.environment ? { environment: { name: spec.environment, position: at(file, 8) } } : {}),
    steps: [step],
    credentialSteps: [step],
  }));
  return {
    file,
    id: spec.id ?? 'deploy',
    needs: [],
    deploy: true,
    instances,
    position: at(file, 6),
    ...(spec.calls ? { calls: spec.calls } : {}),
  };
}

/** Facts to lay over the test repository's; a key given as undefined is taken away (not known). */
export type RepoOver = { readonly [K in keyof RepositoryFacts]?: RepositoryFacts[K] | undefined };

/** The repository of the tests: acme/api, default template and names form unless said. */
export function repo(over: RepoOver = {}): RepositoryFacts {
  const all: Record<string, unknown> = {
    owner: 'acme',
    name: 'api',
    defaultBranch: 'main',
    immutableSubject: false,
    subjectTemplate: { keys: 'default', source: 'config' },
    ...over,
  };
  for (const [k, v] of Object.entries(all)) if (v === undefined) delete all[k];
  return all as unknown as RepositoryFacts;
}

/** A prediction context over `jobs`. */
export function context(jobs: readonly WorkflowJob[], over: RepoOver = {}): PredictContext {
  return { repo: repo(over), jobs, workflowNames: {} };
}

/**
 * The role account's OIDC provider for GitHub's issuer, as get-open-id-connect-provider gives it, listing
 * configure-aws-credentials' default audience unless `clientIds` says: the provider AWS's guide for GitHub creates
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html).
 */
export const githubProvider = (
  role: RoleModel,
  clientIds: readonly string[] = ['sts.amazonaws.com'],
): ProviderRead => ({
  kind: 'given',
  provider: {
    arn: `arn:${role.arn.split(':')[1]}:iam::${role.accountId}:oidc-provider/token.actions.githubusercontent.com`,
    url: 'token.actions.githubusercontent.com',
    clientIds,
    thumbprints: [],
  },
});

/**
 * One exchange of a prediction (its first by default) against `role`'s trust, at configure-aws-credentials' defaults,
 * with the role account's GitHub provider given unless `provider` says otherwise.
 */
export function checkTrustOf(
  p: TokenPrediction,
  role: RoleModel,
  catalog: Catalog,
  exchange: PredictedExchange | undefined = p.exchanges[0],
  provider: ProviderRead = githubProvider(role),
): Finding[] {
  if (!exchange) throw new Error('no exchange');
  return checkPredictedTrust({
    prediction: p,
    exchange,
    role,
    settings: assumeRoleSettings(role.arn),
    issuer: GITHUB_ISSUER,
    catalog,
    provider,
  });
}
