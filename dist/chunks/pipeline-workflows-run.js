import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);
import {
  limitsForApi
} from "./shared-workflows-limits.js";
import {
  permissionsIn
} from "./shared-pipeline-environment.js";
import {
  finding
} from "./shared-model-finding-classes.js";
import {
  inert
} from "./shared-text-inert.js";
import "./shared-runtime-efb0f0b2.js";

// src/pipeline/workflows-run.ts
async function checkRepositoryWorkflows(config, host, ownClaims) {
  const env = host.env;
  const [owner = "", name = ""] = (env.GITHUB_REPOSITORY ?? "").split("/");
  if (!owner || !name || host.cwd === void 0) {
    return [
      finding("could-not-verify", {
        id: "workflows:repository-unknown",
        subject: "the workflows",
        status: "unverified",
        decisionPoint: "config",
        message: "The repository is not known (GITHUB_REPOSITORY and the workspace are unset), so its workflows were not read.",
        fix: "Run the action in a workflow job after actions/checkout, or use `permission-preflight predict --repository OWNER/NAME` locally."
      })
    ];
  }
  const form = config.workflows.subjectForm;
  const repository = {
    ...await repositoryFacts(owner, name, host),
    ...form ? { immutableSubject: form === "immutable" } : {}
  };
  const [{ predictWorkflows, apiReaders }, { loadCatalog }] = await Promise.all([
    import("./pipeline-workflows.js"),
    import("./sources-catalog.js")
  ]);
  const { sources, declaredAbsent } = config.workflows;
  const outside = config.allowOutsideWorkspace === true;
  const issuer = config.tokens.find((t) => t.source.kind === "github-oidc")?.expect.issuer;
  const result = await predictWorkflows({
    root: host.cwd,
    repository,
    ...issuer ? { issuer } : {},
    policyFiles: sources.policyFiles,
    loadCatalog,
    ...outside ? { allowOutsideWorkspace: true } : {},
    variables: [config.workflows.variables, config.github?.variables],
    ...config.github?.secretArns ? { secrets: config.github.secretArns } : {},
    // GitHub Enterprise Server nests fewer levels of workflows than GitHub.com (src/workflows/limits.ts).
    limits: limitsForApi(env.GITHUB_API_URL),
    ...apiReadersOf(owner, name, host, apiReaders),
    deploy: {
      ...declaredAbsent ? { declaredAbsent } : {},
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
        ...outside ? { allowOutsideWorkspace: true } : {},
        ...host.sleep ? { sleep: host.sleep } : {},
        // Each deploy job's role as read, for the baseline record (src/pipeline/drift.ts), as src/pipeline/aws.ts tells it.
        ...host.observe ? { observe: (role) => host.observe?.({ role }) } : {}
      }
    },
    github: {
      ...config.github ? { config: config.github } : {},
      env,
      mask: host.mask,
      now: host.now,
      ...host.runner ? { runner: host.runner } : {}
    },
    ...ownClaims && env.GITHUB_JOB ? {
      run: {
        claims: ownClaims,
        runner: {
          jobId: env.GITHUB_JOB,
          ...env.GITHUB_WORKFLOW_REF ? { workflowRef: env.GITHUB_WORKFLOW_REF } : {}
        }
      }
    } : {}
  });
  for (const note of result.notes) host.log(`workflows: ${inert(note)}`);
  const deployJobs = result.model.jobs.filter((j) => j.deploy).length;
  host.log(
    `workflows: ${result.model.files.length} read, ${deployJobs} deploy jobs, ${result.predictions.length} predictions`
  );
  if (result.findings.length > 0) return result.findings;
  return [
    finding("could-not-verify", {
      id: "workflows:no-deploy-job",
      subject: "the workflows",
      status: "unverified",
      decisionPoint: "config",
      message: `No job of the ${result.model.files.length} workflow files read assumes an AWS role or requests GitHub's OIDC token, so nothing was checked.`,
      fix: "Name the roles to check in the configuration (role-to-assume, or aws.roles in .github/preflight.yml), or set `workflows: false` if this repository deploys with none."
    })
  ];
}
async function repositoryFacts(owner, name, host) {
  const env = host.env;
  const token = host.githubToken;
  let template;
  if (token && env.GITHUB_API_URL) {
    host.mask(token);
    const { readSubjectTemplate } = await import("./sources-github-oidc-template.js");
    const read2 = await readSubjectTemplate({
      owner,
      repo: name,
      token,
      apiUrl: env.GITHUB_API_URL
    });
    if (read2.kind === "read") template = read2.template;
    else host.log(`workflows: the subject template was not read (${read2.reason}); GitHub's default is assumed`);
  }
  const { readDefaultBranch } = await import("./sources-runner.js");
  const read = await readDefaultBranch(env);
  const defaultBranch = "branch" in read ? read.branch : void 0;
  if ("none" in read) host.log(`workflows: the default branch is not known (${read.none})`);
  return {
    owner,
    name,
    ...defaultBranch ? { defaultBranch } : {},
    ...env.GITHUB_REPOSITORY_OWNER_ID ? { ownerId: env.GITHUB_REPOSITORY_OWNER_ID } : {},
    ...env.GITHUB_REPOSITORY_ID ? { repoId: env.GITHUB_REPOSITORY_ID } : {},
    ...template ? { subjectTemplate: template } : {}
  };
}
function apiReadersOf(owner, repo, host, readers) {
  const token = host.githubToken;
  const apiUrl = host.env.GITHUB_API_URL;
  if (!token || !apiUrl) return {};
  host.mask(token);
  return readers({ owner, repo, token, apiUrl });
}
export {
  checkRepositoryWorkflows
};
