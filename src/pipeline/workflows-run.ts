/**
 * The `workflows` input on a run (WorkflowsConfig in src/config/model.ts): the repository's workflows read from the
 * workspace and every deploy job checked by src/pipeline/workflows.ts, with what the runner tells of the repository
 * (GITHUB_REPOSITORY, and its IDs GITHUB_REPOSITORY_ID and GITHUB_REPOSITORY_OWNER_ID,
 * https://docs.github.com/en/actions/reference/workflows-and-actions/variables#default-environment-variables) and the
 * subject template, the variables and the reusable workflows of other repositories read through the REST API with
 * the `github-token` input. When this run has a token of its own, it is compared with the prediction for this run.
 */
import type { PreflightConfig, WorkflowsConfig } from '../config/model.js';
import type { RoleSeen } from '../drift/record.js';
import { type Finding, finding } from '../model/finding.js';
import { inert } from '../text/inert.js';
import type { Claims } from '../tokens/decode.js';
import { limitsForApi } from '../workflows/limits.js';
import type { RepositoryFacts } from '../workflows/predict/index.js';
import { permissionsIn } from './environment.js';
import type { PreflightHost } from './run.js';

/** Reads and checks the workflows; see the module comment. */
export async function checkRepositoryWorkflows(
  config: PreflightConfig & { readonly workflows: WorkflowsConfig },
  host: PreflightHost,
  ownClaims: Claims | undefined,
): Promise<Finding[]> {
  const env = host.env;
  const [owner = '', name = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !name || host.cwd === undefined) {
    return [
      finding('could-not-verify', {
        id: 'workflows:repository-unknown',
        subject: 'the workflows',
        status: 'unverified',
        decisionPoint: 'config',
        message:
          'The repository is not known (GITHUB_REPOSITORY and the workspace are unset), so its workflows were not read.',
        fix: 'Run the action in a workflow job after actions/checkout, or use `permission-preflight predict --repository OWNER/NAME` locally.',
      }),
    ];
  }
  const form = config.workflows.subjectForm;
  const repository = {
    ...(await repositoryFacts(owner, name, host)),
    ...(form ? { immutableSubject: form === 'immutable' } : {}),
  };
  const [{ predictWorkflows, apiReaders }, { loadCatalog }] = await Promise.all([
    import('./workflows.js'),
    import('../sources/catalog.js'),
  ]);
  const { sources, declaredAbsent } = config.workflows;
  const outside = config.allowOutsideWorkspace === true;
  // The issuer GitHub's token is checked against (`oidc-issuer`, `github-oidc.issuer`: an enterprise's or GitHub
  // Enterprise Server's): the predicted tokens are of the same issuer, whose URL the trust's condition keys name.
  const issuer = config.tokens.find((t) => t.source.kind === 'github-oidc')?.expect.issuer;
  const result = await predictWorkflows({
    root: host.cwd,
    repository,
    ...(issuer ? { issuer } : {}),
    policyFiles: sources.policyFiles,
    loadCatalog,
    ...(outside ? { allowOutsideWorkspace: true } : {}),
    variables: [config.workflows.variables, config.github?.variables],
    ...(config.github?.secretArns ? { secrets: config.github.secretArns } : {}),
    // GitHub Enterprise Server nests fewer levels of workflows than GitHub.com (src/workflows/limits.ts).
    limits: limitsForApi(env.GITHUB_API_URL),
    ...apiReadersOf(owner, name, host, apiReaders),
    deploy: {
      ...(declaredAbsent ? { declaredAbsent } : {}),
      declared: (arn, environment) => {
        const role = config.roles.find((r) => r.settings.roleArn === arn);
        return role ? permissionsIn(role, environment).permissions : [];
      },
      deps: {
        env,
        mask: host.mask,
        now: host.now,
        loadCatalog,
        cwd: host.cwd,
        ...(outside ? { allowOutsideWorkspace: true } : {}),
        ...(host.sleep ? { sleep: host.sleep } : {}),
        // Each deploy job's role as read, for the baseline record (src/pipeline/drift.ts), as src/pipeline/aws.ts tells it.
        ...(host.observe ? { observe: (role: RoleSeen) => host.observe?.({ role }) } : {}),
      },
    },
    github: {
      ...(config.github ? { config: config.github } : {}),
      env,
      mask: host.mask,
      now: host.now,
      ...(host.runner ? { runner: host.runner } : {}),
    },
    ...(ownClaims && env.GITHUB_JOB
      ? {
          run: {
            claims: ownClaims,
            runner: {
              jobId: env.GITHUB_JOB,
              ...(env.GITHUB_WORKFLOW_REF ? { workflowRef: env.GITHUB_WORKFLOW_REF } : {}),
            },
          },
        }
      : {}),
  });
  for (const note of result.notes) host.log(`workflows: ${inert(note)}`);
  const deployJobs = result.model.jobs.filter((j) => j.deploy).length;
  host.log(
    `workflows: ${result.model.files.length} read, ${deployJobs} deploy jobs, ${result.predictions.length} predictions`,
  );
  if (result.findings.length > 0) return result.findings;
  return [
    finding('could-not-verify', {
      id: 'workflows:no-deploy-job',
      subject: 'the workflows',
      status: 'unverified',
      decisionPoint: 'config',
      message: `No job of the ${result.model.files.length} workflow files read assumes an AWS role or requests GitHub's OIDC token, so nothing was checked.`,
      fix: 'Name the roles to check in the configuration (role-to-assume, or aws.roles in .github/preflight.yml), or set `workflows: false` if this repository deploys with none.',
    }),
  ];
}

/**
 * The repository as the runner describes it, and its subject template from the REST API when the `github-token`
 * input can read it (`GET /repos/{owner}/{repo}/actions/oidc/customization/sub`); unknown otherwise, which keeps
 * every pass unverified (docs/predict.md).
 */
async function repositoryFacts(owner: string, name: string, host: PreflightHost): Promise<RepositoryFacts> {
  const env = host.env;
  const token = host.githubToken;
  let template: RepositoryFacts['subjectTemplate'];
  // The API the runner names (GITHUB_API_URL, set on every runner, GitHub Enterprise included): never a guess.
  if (token && env.GITHUB_API_URL) {
    host.mask(token);
    const { readSubjectTemplate } = await import('../sources/github-oidc-template.js');
    const read = await readSubjectTemplate({
      owner,
      repo: name,
      token,
      apiUrl: env.GITHUB_API_URL,
    });
    if (read.kind === 'read') template = read.template;
    else host.log(`workflows: the subject template was not read (${read.reason}); GitHub's default is assumed`);
  }
  const { readDefaultBranch } = await import('../sources/runner.js');
  const read = await readDefaultBranch(env);
  const defaultBranch = 'branch' in read ? read.branch : undefined;
  if ('none' in read) host.log(`workflows: the default branch is not known (${read.none})`);
  return {
    owner,
    name,
    ...(defaultBranch ? { defaultBranch } : {}),
    ...(env.GITHUB_REPOSITORY_OWNER_ID ? { ownerId: env.GITHUB_REPOSITORY_OWNER_ID } : {}),
    ...(env.GITHUB_REPOSITORY_ID ? { repoId: env.GITHUB_REPOSITORY_ID } : {}),
    ...(template ? { subjectTemplate: template } : {}),
  };
}

/** The REST API reads with the `github-token` input, at the API the runner names; none without both. */
function apiReadersOf(
  owner: string,
  repo: string,
  host: PreflightHost,
  readers: typeof import('./workflows.js').apiReaders,
) {
  const token = host.githubToken;
  const apiUrl = host.env.GITHUB_API_URL;
  if (!token || !apiUrl) return {};
  host.mask(token);
  return readers({ owner, repo, token, apiUrl });
}
