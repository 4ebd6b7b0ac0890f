/**
 * The token prediction, end to end: the repository's workflows read into the model (src/sources/workflows.ts,
 * src/workflows/), the token GitHub would issue each deploy job for each trigger predicted (src/workflows/predict/),
 * each role the jobs assume read from the policy files (src/sources/aws-files.ts), and each prediction checked against
 * each role's trust (src/checks/predicted-trust/). When the run has a token of its own, it is compared with the
 * prediction for this run.
 */
import { unreadableFilesNote, unreadablePolicyFiles } from '../aws-files/index.js';
import type { Catalog } from '../catalog/index.js';
import { populatedKeysForOidcProvider } from '../catalog/index.js';
import { rcpLayer } from '../checks/permissions/policies.js';
import type { ProviderRead } from '../checks/predicted-trust/evaluate.js';
import { checkPredictedAudience, checkPredictedTrust, predictionFindings } from '../checks/predicted-trust/findings.js';
import { comparePrediction, type RunnerFacts } from '../checks/predicted-trust/honesty.js';
import { providerListing } from '../checks/provider.js';
import type { AwsInventory, DeclaredAbsent, OidcProviderList, OidcProviderModel, RoleModel } from '../model/aws.js';
import { type Finding, finding } from '../model/finding.js';
import { mergeVariables, type Variables } from '../model/variables.js';
import { hashIdSecrets, redactQuotedSecrets } from '../text/secret-shapes.js';
import type { Claims } from '../tokens/decode.js';
import { GITHUB_ISSUER } from '../tokens/github.js';
import { PERMISSIONS_SYNTAX_URL, scopeMeantBy } from '../workflows/github-token/scopes.js';
import {
  type RemoteWorkflowReader,
  readWorkflowModel,
  remoteKey,
  remoteOf,
  type WorkflowError,
  type WorkflowJob,
  type WorkflowLimits,
  type WorkflowModel,
} from '../workflows/index.js';
import {
  jobKey,
  type PredictedExchange,
  predictToken,
  predictTokens,
  type RepositoryFacts,
  type TokenPrediction,
} from '../workflows/predict/index.js';
import type { DeployJobsOptions } from './deploy-jobs.js';
import { exchangeSettings, literal } from './exchange.js';
import type { GitHubTokenOptions } from './github-token.js';
import { misplacedArnFinding } from './misplaced-arn.js';

/** What the prediction reads. */
export interface PredictOptions {
  /** The repository's root folder (the workspace). */
  readonly root: string;
  readonly repository: RepositoryFacts;
  /** Policy files and folders with the roles' trust policies (docs/policy-folder.md). */
  readonly policyFiles: readonly string[];
  readonly allowOutsideWorkspace?: boolean;
  /** The issuer of the tokens (default GitHub.com's). */
  readonly issuer?: string;
  readonly loadCatalog: () => Promise<Catalog>;
  /**
   * Past the trust: each deploy job's session and the calls its steps make, through the role checks
   * (src/pipeline/deploy-jobs.ts), read with these dependencies; not checked when absent.
   */
  readonly deploy?: Omit<DeployJobsOptions, 'policyFiles'>;
  /**
   * The policy layers declared absent (`organizations: none`) when the deploy jobs' calls are not checked
   * (`deploy` absent): the trust checks read them too, since the RCPs decide the exchange.
   */
  readonly declaredAbsent?: DeclaredAbsent;
  /** Each job's GitHub token permissions (src/pipeline/github-token.ts); not checked when absent. */
  readonly github?: GitHubTokenOptions;
  /** This run's own token claims, and what the runner says of the run, for the honesty check. */
  readonly run?: { readonly claims: Claims; readonly runner: RunnerFacts };
  /** What some secrets hold, as the configuration declares (`github.secret-arns`). */
  readonly secrets?: Variables;
  /** The configuration variables given (the `vars` input, `github.variables`), the most trusted first. */
  readonly variables?: readonly (Variables | undefined)[];
  /**
   * Reads the variables through GitHub's REST API: the repository's, and those of the environments named (the ones
   * the deploy jobs run in). What it gives is trusted over {@link variables}; its notes say what it could not read.
   */
  readonly readVariables?: (environments: readonly string[]) => Promise<{ variables: Variables; notes: string[] }>;
  /**
   * Reads the reusable workflows of other repositories the jobs call (src/sources/github-contents.ts); without it they
   * are not read (src/workflows/remote.ts).
   */
  readonly readRemote?: RemoteWorkflowReader;
  /** Bounds of the reading other than the defaults (GitHub Enterprise Server's levels of workflows: src/workflows/limits.ts). */
  readonly limits?: Partial<WorkflowLimits>;
}

/** All of a run's reads of other repositories' workflows: what is not read within two minutes is unverified. */
const REMOTE_READS_MS = 120_000;

/**
 * The prediction's reads through GitHub's REST API with one token, for the action (its `github-token` input) and
 * `predict` (GITHUB_TOKEN) alike: the configuration variables (src/sources/github-variables.ts; the job's own
 * `GITHUB_TOKEN` cannot read them, its permissions having no variables scope, and the notes say so) and the
 * reusable workflows of other repositories (src/sources/github-contents.ts; the job's own token reads public
 * repositories and its own). Each source is loaded on first use.
 */
export function apiReaders(source: {
  readonly owner: string;
  readonly repo: string;
  readonly token: string;
  readonly apiUrl?: string;
}): Required<Pick<PredictOptions, 'readVariables' | 'readRemote'>> {
  const { owner, repo, token } = source;
  const apiUrl = source.apiUrl ? { apiUrl: source.apiUrl } : {};
  const whole = AbortSignal.timeout(REMOTE_READS_MS);
  return {
    readVariables: async (environments) => {
      const { readVariables } = await import('../sources/github-variables.js');
      return readVariables({ owner, repo, token, environments, ...apiUrl });
    },
    readRemote: async (ref) => {
      const { readRepositoryFile } = await import('../sources/github-contents.js');
      return readRepositoryFile(ref, { token, whole, ...apiUrl });
    },
  };
}

/** The findings, with the model and the predictions they came from. */
export interface PredictResult {
  readonly findings: Finding[];
  readonly model: WorkflowModel;
  readonly predictions: TokenPrediction[];
  /** What reading the variables through the API could not do. */
  readonly notes: readonly string[];
}

/** Runs the prediction; see the module comment. */
export async function predictWorkflows(options: PredictOptions): Promise<PredictResult> {
  const { listWorkflowFiles, workflowFileReader } = await import('../sources/workflows.js');
  const listing = await listWorkflowFiles(options.root);
  const findings: Finding[] = [];
  if (listing.error) {
    const fix = 'Make .github/workflows readable to the preflight; no workflow is checked until then.';
    findings.push(notRead('workflows', `The workflows could not be listed: ${listing.error}.`, undefined, fix));
  }
  for (const skipped of listing.skipped) {
    const fix =
      'Keep the workflow files within the number the preflight reads (docs/workflows.md, Bounds); the jobs of this file are not checked until then.';
    findings.push(notRead(skipped, `${skipped} was not read: too many workflow files.`, undefined, fix));
  }
  const repo = options.repository;
  const readRemote = options.readRemote ? onceEach(options.readRemote) : undefined;
  const readModel = (variables: Variables) =>
    readWorkflowModel({
      workflowPaths: listing.paths,
      read: workflowFileReader(options.root),
      ...(readRemote ? { readRemote } : {}),
      repository: `${repo.owner}/${repo.name}`,
      ...(repo.repoId ? { repositoryId: repo.repoId } : {}),
      ...(repo.ownerId ? { repositoryOwnerId: repo.ownerId } : {}),
      ...(repo.defaultBranch ? { defaultBranch: repo.defaultBranch } : {}),
      vars: variables,
      ...(options.secrets ? { secrets: options.secrets } : {}),
      ...(options.limits ? { limits: options.limits } : {}),
    });
  const given = mergeVariables(options.variables ?? []);
  let model = await readModel(given);
  const notes: string[] = [];
  if (options.readVariables) {
    // The environments are known once the model is read: it is read again with their variables.
    const read = await options.readVariables(environmentsOf(model));
    notes.push(...read.notes);
    // Read again only when the API gave something (the job's own GITHUB_TOKEN can read no variable).
    const gave = read.variables.repository !== undefined || Object.keys(read.variables.environments ?? {}).length > 0;
    if (gave) model = await readModel(mergeVariables([read.variables, given]));
  }
  for (const e of model.errors) {
    // A misspelt `permissions:` scope is refused by GitHub's parser as an unexpected value: name the scope meant.
    const meant = e.syntax === 'action' ? undefined : scopeMeantBy(e.message);
    const fix =
      meant !== undefined
        ? `Did you mean \`${meant}\`? A \`permissions:\` scope GitHub does not define makes it refuse the workflow (${PERMISSIONS_SYNTAX_URL}).`
        : errorFix(e);
    const docUrl = e.syntax === 'action' ? ACTION_SYNTAX : WORKFLOW_SYNTAX;
    const message = meant !== undefined ? `${e.message} (did you mean \`${meant}\`?).` : `${e.message}.`;
    findings.push(notRead(`${e.position.file}:${e.position.line}`, message, e.position, fix, docUrl));
  }
  for (const job of model.jobs)
    if (job.calls?.unreadHarmless) notes.push(`${job.calls.unreadHarmless}: it obtains no credentials from GitHub.`);
  // A deploy job with more instances than the model lists has none listed: none of its tokens is predicted, so its
  // trust, session and calls are not checked (WorkflowJob.tooMany in src/workflows/model.ts).
  for (const job of model.jobs) {
    if (!job.deploy || !job.tooMany) continue;
    const message =
      `The tokens of job \`${job.id}\` (${job.file}) are not predicted: its ${job.tooMany.count} combinations of ` +
      `triggers, matrix rows and inputs are more than the ${job.tooMany.limit} the model lists, so the trust, ` +
      'session and calls of its roles are not checked.';
    const fix =
      'Narrow its combinations (fewer matrix values or `workflow_dispatch` choices), or check its roles and permissions with the `aws` section of the preflight configuration.';
    findings.push(notRead(`${job.file}#${job.id}:too-many`, message, job.position, fix));
  }
  const { rolesOfUnreadActions } = await import('./unseen-credentials.js');
  findings.push(...unreadStepFindings(model), ...refusedFindings(model), ...rolesOfUnreadActions(model.jobs));
  const workflowNames = Object.fromEntries(model.files.map((f) => [f.path, f.name]));
  const predictContext = { repo, jobs: model.jobs, workflowNames };
  const predictions = predictTokens(predictContext);
  const roles = await loadRoles(predictions, options);
  findings.push(...roles.findings);
  const catalog = await options.loadCatalog();
  const perTrigger = new WeakMap<Finding, TokenPrediction['labels']>();
  for (const p of instancesTold(predictions)) {
    const made = [...predictionFindings(p)];
    for (const exchange of p.exchanges) made.push(...checkExchange(p, exchange, roles, catalog, options));
    for (const f of made) if (f.subject === `the token of ${p.label}`) perTrigger.set(f, p.labels);
    findings.push(...made);
  }
  if (options.deploy) {
    const { checkDeployJobs } = await import('./deploy-jobs.js');
    findings.push(
      ...(await checkDeployJobs(
        predictions,
        { ...options.deploy, policyFiles: options.policyFiles, readFile: workflowFileReader(options.root) },
        model.jobs,
      )),
    );
  }
  if (options.github) {
    const { checkGitHubTokens } = await import('./github-token.js');
    findings.push(...(await checkGitHubTokens(model, options.github)));
  }
  if (options.run) {
    // The run's own job may deploy nothing (a preflight job of its own): its token is predicted too, to compare.
    const own = model.jobs
      .filter((j) => !j.deploy && j.id === options.run?.runner.jobId)
      .flatMap((job) =>
        job.instances
          .filter((i) => i.runs.kind !== 'never')
          .map((instance) => predictToken(job, instance, predictContext)),
      );
    findings.push(...comparePrediction([...predictions, ...own], options.run.claims, options.run.runner));
  }
  return {
    findings: roleAccountsTold(dedupe(acrossTriggers(findings, perTrigger))).map(withoutSecretShapes),
    model,
    predictions,
    notes: notes.map(redactQuotedSecrets),
  };
}

/**
 * A workflow finding as it may be shown: every text of it (its subject, message, fix, evidence) with the secret
 * shapes redacted as the tool's own words around a quote allow (src/text/secret-shapes.ts, redactQuotedSecrets), since each may quote the workflow (a
 * step's command line, a script's words, a `with:` value), and a workflow can hold a credential written literally
 * (`./deploy.sh --token ghp_…`) that the runner never masks: it masks only the secrets it passes to the job
 * (https://docs.github.com/en/actions/security-for-github-actions/security-guides/using-secrets-in-github-actions#redacting-secrets-from-workflow-run-logs).
 * The one place every workflow finding passes through, for the action and `predict` alike.
 */
function withoutSecretShapes(f: Finding): Finding {
  const evidence = Object.fromEntries(
    Object.entries(f.evidence).map(([k, v]) => [
      k,
      typeof v === 'string' ? redactQuotedSecrets(v) : Array.isArray(v) ? v.map(redactQuotedSecrets) : v,
    ]),
  );
  return {
    ...f,
    // An id is the tool's key (drift matches by it): never cut, a secret shape in it hashed (src/text/secret-shapes.ts).
    id: hashIdSecrets(f.id),
    subject: redactQuotedSecrets(f.subject),
    message: redactQuotedSecrets(f.message),
    evidence,
    ...(f.fix !== undefined ? { fix: redactQuotedSecrets(f.fix) } : {}),
  };
}

/** The environments the model's jobs run in, as far as their names are known (at most 50: each is one request). */
function environmentsOf(model: WorkflowModel): string[] {
  const names = new Map<string, string>();
  for (const job of model.jobs)
    for (const instance of job.instances) {
      const name = literal(instance.environment?.name);
      if (name !== undefined && names.size < 50) names.set(name.toLowerCase(), name);
    }
  return [...names.values()];
}

/** What the policy files give: the roles by ARN, the OIDC providers, and what bears on the trust. */
interface RolesRead {
  readonly byArn: ReadonlyMap<string, RoleModel>;
  readonly providers: readonly OidcProviderModel[];
  /** The providers list-open-id-connect-providers outputs name whose client IDs no file gives. */
  readonly listedProviders: readonly string[];
  /** The list-open-id-connect-providers outputs: they list every provider of the account they cover. */
  readonly providerLists: readonly OidcProviderList[];
  readonly findings: readonly Finding[];
  /** The policy files that could not be read: one of them may give a role no other file gives. */
  readonly unreadable: readonly string[];
  /** What the files give of the organization's policies: its RCPs apply to the trust (src/checks/predicted-trust/evaluate.ts). */
  readonly inventory?: AwsInventory;
}

/** The roles the predictions assume, read from the policy files. */
async function loadRoles(predictions: readonly TokenPrediction[], options: PredictOptions): Promise<RolesRead> {
  const arns = [...new Set(predictions.flatMap((p) => p.exchanges.map((e) => literal(e.role))))].filter(
    (a): a is string => a !== undefined,
  );
  if (arns.length === 0 || options.policyFiles.length === 0)
    return { byArn: new Map(), providers: [], listedProviders: [], providerLists: [], findings: [], unreadable: [] };
  const { loadAwsFiles } = await import('../sources/aws-files.js');
  const loaded = await loadAwsFiles(options.policyFiles, {
    roleArns: arns,
    cwd: options.root,
    ...(options.allowOutsideWorkspace ? { allowOutsideWorkspace: true } : {}),
  });
  // Only what bears on the trust: the files themselves and the trust policies (not the role's permissions).
  const findings = loaded.findings.filter((f) => f.decisionPoint === 'config' || f.decisionPoint === 'sts-trust');
  return {
    byArn: new Map(loaded.inventory.roles.map((r) => [r.arn, r])),
    providers: loaded.inventory.oidcProviders ?? [],
    listedProviders: loaded.listedOidcProviderArns,
    providerLists: loaded.oidcProviderLists,
    findings,
    unreadable: unreadablePolicyFiles(loaded.findings),
    inventory: loaded.inventory,
  };
}

/** One exchange of one prediction against its role's trust, or why it cannot be checked. */
function checkExchange(
  p: TokenPrediction,
  exchange: PredictedExchange,
  roles: RolesRead,
  catalog: Catalog,
  options: PredictOptions,
): Finding[] {
  if (p.issued.kind === 'no') return [];
  const arn = literal(exchange.role);
  const at = exchange.step.position;
  const where = { file: at.file, line: at.line, column: at.column };
  const id = `predict:${jobKey(p)}:step-${exchange.step.index}:${p.trigger.position.line}`;
  if (arn === undefined) {
    const selfRequest = exchange.step.credential?.kind === 'oidc-token';
    const unknown = exchange.role?.kind === 'unknown' ? exchange.role : undefined;
    const missing = unknown ? unknownPieces(unknown.expression, unknown.reason, options) : undefined;
    const why = selfRequest
      ? 'is not read: the step requests the token itself and exchanges it in its own way'
      : unknown && missing
        ? `is \`${unknown.expression}\`, ${whatIsUnknown(missing)}`
        : 'is not given';
    return [
      finding('prediction-unknown', {
        id: `${id}:role`,
        subject: `the token of ${p.label}`,
        status: 'unverified',
        decisionPoint: 'config',
        message: `The role the step assumes ${why}, so its trust cannot be checked before the run.`,
        fix: roleFix(missing),
        location: where,
      }),
    ];
  }
  const role = roles.byArn.get(arn);
  const misplaced = role
    ? undefined
    : misplacedArnFinding({
        id: `${id}:role`,
        subject: `the token of ${p.label}`,
        roleArn: arn,
        role: exchange.role,
        secrets: options.secrets,
        variables: options.variables,
        location: where,
      });
  if (misplaced) return [misplaced];
  if (!role) {
    return [
      finding('could-not-verify', {
        id: `${id}:${arn}`,
        subject: `the token of ${p.label}`,
        status: 'unverified',
        decisionPoint: 'sts-trust',
        message: `No policy file${roles.unreadable.length > 0 ? ' that could be read' : ''} gives the role \`${arn}\`, so its trust is not checked for this job.${unreadableFilesNote(roles.unreadable)}`,
        fix: `${roles.unreadable.length > 0 ? `Fix ${roles.unreadable.join(', ')} (its finding says how), or add` : 'Add'} the role to the policy files (aws iam get-role --role-name NAME > policies/NAME.json; see docs/policy-folder.md).`,
        location: where,
      }),
    ];
  }
  const issuer = options.issuer ?? GITHUB_ISSUER;
  // The provider of the role's account for the issuer, as the files tell it: its client IDs decide the audience.
  const providerArn = `arn:${arn.split(':')[1] ?? 'aws'}:iam::${role.accountId}:oidc-provider/${populatedKeysForOidcProvider(catalog, issuer).prefix}`;
  const provider = providerRead(roles, providerArn);
  return [
    ...(provider.kind === 'given' ? checkPredictedAudience(p, exchange, provider.provider) : []),
    ...checkPredictedTrust({
      prediction: p,
      exchange,
      role,
      settings: exchangeSettings(exchange, arn),
      issuer,
      catalog,
      provider,
      rcps: rcpLayer(
        roles.inventory,
        options.deploy?.declaredAbsent ?? options.declaredAbsent,
        role.accountId,
        role.accountId,
      ),
    }),
  ];
}

/**
 * The provider `arn` as the policy files tell it (ProviderRead in src/checks/predicted-trust/evaluate.ts): a
 * get-open-id-connect-provider output gives it with its client IDs; else the list-open-id-connect-providers outputs
 * of its account say whether it exists, by the rule the provider check of a configured role uses
 * (`providerListing`, src/checks/provider.ts); else it is not read.
 */
function providerRead(roles: RolesRead, arn: string): ProviderRead {
  const provider = roles.providers.find((pr) => pr.arn === arn);
  if (provider) return { kind: 'given', provider };
  const listing = providerListing(arn, roles.listedProviders, roles.providerLists);
  return listing.kind === 'not-read' ? { kind: 'not-read', arn } : { ...listing, arn };
}

/**
 * A job whose local action comes from an earlier checkout step of the job into the workspace (UnreadAction
 * `checked-out`): GitHub loads it from what that checkout wrote when the step runs, so the workflow may well work; the
 * preflight reads the repository as given, not that checkout, so the action and the job's steps past it are not read.
 * Unverified, by the job's name, without claiming that the step fails.
 */
function checkedOutFinding(job: WorkflowJob, unread: NonNullable<WorkflowJob['stepsUnread']>): Finding {
  const at = unread.position;
  return finding('could-not-verify', {
    id: `predict:not-read:${job.file}#${job.id}:local-action`,
    subject: `job \`${job.id}\` (${job.file})`,
    status: 'unverified',
    decisionPoint: 'config',
    message:
      `Job \`${job.id}\` (${job.file}) uses the local action \`${unread.uses}\`: ${unread.reason}. ` +
      "GitHub loads the action from that checkout when the step runs, so the action and the job's steps past it are not read, and the job's trust, session and calls are not checked.",
    fix: "Nothing in the workflow needs to change for GitHub: the preflight reads the repository as given, not what a checkout writes when the job runs. Check this job's trust, session and calls on a real run of it.",
    docUrl: LOCAL_ACTIONS,
    location: { file: at.file, line: at.line, column: at.column },
  });
}

/**
 * A job with a step that uses a local action not read, or one GitHub would refuse (WorkflowJob.stepsUnread): GitHub
 * loads a local action from the workspace when the step runs, so that step fails and the job stops there; the job's
 * steps past it are not known, and its trust, session and calls are not checked. Unverified, by the job's name.
 */
function unreadStepFindings(model: WorkflowModel): Finding[] {
  return model.jobs.flatMap((job) => {
    const unread = job.stepsUnread;
    if (unread === undefined) return [];
    if (unread.kind === 'checked-out') return [checkedOutFinding(job, unread)];
    const what =
      unread.kind === 'not-found'
        ? `uses \`${unread.uses}\`, and the action at that path was not found in the repository as read (${unread.reason}), for example because a checkout put the repository under another path, or another repository there`
        : unread.kind === 'invalid'
          ? `uses the local action \`${unread.uses}\`, which GitHub would refuse to load: ${unread.reason}`
          : `uses the local action \`${unread.uses}\`, which is not read: ${unread.reason}`;
    const refused = unread.kind === 'invalid';
    const message =
      `Job \`${job.id}\` (${job.file}) ${what}. GitHub fails that step when it runs, so the job's steps past it are ` +
      'not read, and its trust, session and calls are not checked.';
    const fix = refused
      ? "Fix the action's metadata (its action.yml) so GitHub would load it; the job is checked once it is read."
      : unread.kind === 'not-read'
        ? 'Bring the action within what the preflight reads (docs/workflows.md, Bounds); the job is checked once it is read.'
        : 'Name the action by its path in this repository with the repository checked out at the workspace root (`actions/checkout` without `path:`), or, if it comes from another repository, use it as `owner/repo/path@ref`; the job is checked once the action is read.';
    const at = unread.position;
    return [
      finding('could-not-verify', {
        id: `predict:not-read:${job.file}#${job.id}:local-action`,
        subject: `job \`${job.id}\` (${job.file})`,
        status: 'unverified',
        decisionPoint: 'config',
        message,
        fix,
        docUrl: refused ? ACTION_SYNTAX : LOCAL_ACTIONS,
        location: { file: at.file, line: at.line, column: at.column },
      }),
    ];
  });
}

/**
 * A workflow file GitHub refuses because of a workflow one of its jobs calls (WorkflowModel.refused): none of its jobs
 * runs, so each is unverified; one finding names them all, the calling job and the called workflow.
 */
function refusedFindings(model: WorkflowModel): Finding[] {
  return (model.refused ?? []).map((r) =>
    finding('could-not-verify', {
      id: `predict:not-read:${r.file}:refused-call`,
      subject: `the workflow ${r.file}`,
      status: 'unverified',
      decisionPoint: 'config',
      message:
        `GitHub refuses ${r.file} as a whole ("error parsing called workflow"): its job \`${r.jobId}\` calls ${r.uses}, and ${r.reason}. ` +
        `GitHub validates the workflows a file calls before it starts any of its jobs, so none of them (${r.jobIds.map((j) => `\`${j}\``).join(', ')}) runs, and none is checked.`,
      fix: `Add the called workflow, or correct the \`uses:\` of job \`${r.jobId}\` (or remove the job); the workflow's jobs are checked once GitHub would accept it.`,
      docUrl: 'https://docs.github.com/en/actions/sharing-automations/reusing-workflows#calling-a-reusable-workflow',
      location: { file: r.position.file, line: r.position.line, column: r.position.column },
    }),
  );
}

/** What keeps a role's expression unknown: the reason the evaluation gave, and every secret and variable it reads. */
interface UnknownPieces {
  /** What made it unknown first (`secrets.AWS_ACCOUNT`, `vars.ROLE (not given)`, `steps.x.outputs.y`). */
  readonly reason: string;
  /** The names of the secrets it reads that no listing declares, the reason's first. */
  readonly secrets: readonly string[];
  /** The names of the variables it reads that no listing gives. */
  readonly vars: readonly string[];
}

/** Whether any listing (the repository's or an environment's) gives `name`. */
function listed(variables: readonly (Variables | undefined)[], name: string): boolean {
  return variables.some(
    (v) =>
      v !== undefined &&
      [v.repository, ...Object.values(v.environments ?? {})].some((l) => l !== undefined && name in l.values),
  );
}

/**
 * Every secret and variable a role's expression reads that nothing declares, not only the first one its evaluation
 * stopped at (`arn:aws:iam::${{ secrets.AWS_ACCOUNT }}:role/${{ secrets.CI_IAM_ROLE }}` reads two).
 */
function unknownPieces(expression: string, reason: string, options: PredictOptions): UnknownPieces {
  const secrets = new Set<string>();
  const vars = new Set<string>();
  for (const m of `${reason} ${expression}`.matchAll(/\b(secrets|vars)\.([A-Za-z_][A-Za-z0-9_]*)/g)) {
    const [, context, name = ''] = m;
    const first = isReason(reason, `${context}.${name}`);
    if (context === 'secrets' && (first || !listed([options.secrets], name))) secrets.add(name);
    if (context === 'vars' && (first || !listed(options.variables ?? [], name))) vars.add(name);
  }
  return { reason, secrets: [...secrets], vars: [...vars] };
}

/** Whether the evaluation's reason is about `reference` (`secrets.ROLE`, or `secrets.ROLE (…)`), not a longer name. */
function isReason(reason: string, reference: string): boolean {
  return reason === reference || reason.startsWith(`${reference} `);
}

/** `a`, `a and b`, `a, b and c`. */
function andList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Why a role's expression is not known before the run, naming every piece of it that is not. */
function whatIsUnknown(missing: UnknownPieces): string {
  const parts: string[] = [];
  if (missing.secrets.length > 0) {
    // The reason keeps what it says of its secret (an environment that may set its own).
    const names = andList(
      missing.secrets.map((n) => (isReason(missing.reason, `secrets.${n}`) ? missing.reason : `secrets.${n}`)),
    );
    parts.push(
      `which reads ${names}: ${missing.secrets.length > 1 ? 'their values are secrets' : 'the value is a secret'}, which GitHub passes only to the running job and no one can read back`,
    );
  }
  if (missing.vars.length > 0) {
    // The reason of a variable says why it is unknown (not given, or an environment that may set its own): kept as is.
    const first = missing.reason.startsWith('vars.') ? [missing.reason] : [];
    const others = missing.vars
      .filter((n) => !isReason(missing.reason, `vars.${n}`))
      .map((n) => `vars.${n} (not given)`);
    parts.push(`${parts.length > 0 ? 'and' : 'which reads'} ${andList([...first, ...others])}`);
  }
  if (parts.length === 0) parts.push(`which reads ${missing.reason}, known only when the job runs`);
  return parts.join(', ');
}

/** How to make a role the workflow names through an expression known before the run (docs/workflows.md). */
function roleFix(missing: UnknownPieces | undefined): string {
  if (missing && missing.secrets.length > 0) {
    const flags = missing.secrets.map((n) => `\`--secret-arn ${n}=VALUE\``).join(' ');
    return `Declare what ${missing.secrets.length > 1 ? 'each secret holds' : 'the secret holds'} (a role ARN, a 12-digit account ID or a role name, none secret in itself): in \`github.secret-arns.repository\` of .github/preflight.yml (\`github.secret-arns.environments.ENV\` for a job in environment ENV), or ${flags} for predict (\`--secret-arn ENV:NAME=VALUE\` for an environment's own); or write the role ARN in the workflow. See docs/workflows.md.`;
  }
  const reason = missing?.reason ?? '';
  if (reason.startsWith('vars.') || (missing?.vars.length ?? 0) > 0)
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression the user writes, not JS.
    return 'Give the variables: the `vars` input (`${{ toJSON(vars) }}`), `github.variables` in the configuration, or a `github-token` that may read them (`--vars`, `--environment-vars` or `--read-variables` for predict); see docs/workflows.md.';
  return 'Write the role ARN in the workflow (or in a variable or secret the configuration declares), or check it on a real run.';
}

/**
 * What a model error's fix says, by what the error keeps from being checked: a workflow file GitHub's parser refuses
 * starts no job at all (GitHub validates the whole file first), so none of its jobs is checked; an action file it
 * refuses fails the steps that use it when they run, and each job that runs one is named unverified
 * (`unreadStepFindings`); any other error (a bound, a cycle, a path out of the repository) leaves out only what it
 * names.
 */
function errorFix(e: WorkflowError): string {
  if (e.code === 'unsupported') return remoteOf(e.position.file) ? REMOTE_ACTION_FIX : REMOTE_FIX;
  if (e.code === 'ambiguous-line-break')
    return 'Write the line breaks of the file as line feeds (LF, or CR LF): a carriage return alone, NEL, LS or PS is a line break to some YAML parsers and not to others (YAML 1.2.2, 5.4), so what GitHub reads in it is not known; it is not checked until then.';
  if (e.code === 'parse-error' && /more than \d+ errors/.test(e.message))
    return 'Fix the YAML of the file: GitHub cannot read it, so it runs nothing from it; it is not checked until then.';
  if (e.syntax === 'action')
    return "Fix the action's metadata so GitHub would load it: a step that uses it fails when it runs, and each job that runs one is reported unverified by name until then.";
  if (e.syntax === 'workflow')
    return 'Fix the file so GitHub would run it, or remove it: GitHub validates the whole file before it starts any of its jobs, so none of them runs, and none is checked until then.';
  return 'Bring what it names within what the preflight reads (docs/workflows.md, Bounds), or remove the reference; what it names is not checked until then.';
}

/** The fix for a reusable workflow of another repository: what would make it matter no more, or be checked. */
const REMOTE_FIX =
  "Its jobs may assume roles with what this job gives it, and are not checked here: give a token that may read that repository's contents (the `github-token` input, `--read-remote` with GITHUB_TOKEN for predict; see docs/workflows.md), run the preflight in that workflow's repository, or, if it needs none, drop `id-token: write` from this job's permissions and the secrets it passes.";

/** The fix for a local action used in a workflow of another repository: it runs from the job's workspace. */
const REMOTE_ACTION_FIX =
  "The action comes from whatever the job checked out, which is not known before the run: check that workflow's repository with the preflight, or use the action by `owner/repo@ref` there.";

/** `read`, asked once per reference: the model is read twice when the variables are read through the API. */
function onceEach(read: RemoteWorkflowReader): RemoteWorkflowReader {
  const answers = new Map<string, ReturnType<RemoteWorkflowReader>>();
  return (ref) => {
    const key = remoteKey(ref);
    const known = answers.get(key);
    if (known) return known;
    const answer = read(ref);
    answers.set(key, answer);
    return answer;
  };
}

/** What a workflow file may hold, and what an action's metadata file (`action.yml`) may. */
const WORKFLOW_SYNTAX = 'https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax';
const ACTION_SYNTAX = 'https://docs.github.com/en/actions/reference/workflows-and-actions/metadata-syntax';
/** Where a local action (`uses: ./path`) is looked for: the workspace, where the job checked the repository out. */
const LOCAL_ACTIONS =
  'https://docs.github.com/en/actions/how-tos/write-workflows/choose-what-workflows-do/find-and-customize-actions#adding-an-action-from-the-same-repository';

function notRead(
  what: string,
  message: string,
  at: { file: string; line: number; column: number } | undefined,
  fix: string,
  docUrl = WORKFLOW_SYNTAX,
): Finding {
  return finding('could-not-verify', {
    id: `predict:not-read:${what}`,
    subject: 'the workflows',
    status: 'unverified',
    decisionPoint: 'config',
    message,
    fix,
    docUrl,
    ...(at ? { location: { file: at.file, line: at.line, column: at.column } } : {}),
  });
}

/**
 * One finding per id: the instances of a job (matrix rows) often say the same of the same trigger and role; a finding
 * that says something else under the same id keeps it apart with a number.
 */
/**
 * The findings of a job that say the same whatever the trigger (a role not known before the run, a role the policy
 * files lack) as one, naming every trigger: one line a problem, not one a trigger. A finding that differs by trigger
 * (a denial names the trigger's `sub`) stays apart.
 */
function acrossTriggers(findings: readonly Finding[], perTrigger: WeakMap<Finding, TokenPrediction['labels']>) {
  const groups = new Map<string, { first: Finding; labels: TokenPrediction['labels']; triggers: string[] }>();
  const out: (Finding | string)[] = [];
  for (const f of findings) {
    const labels = perTrigger.get(f);
    if (labels === undefined) {
      out.push(f);
      continue;
    }
    const key = JSON.stringify([f.class, f.status, labels.job, f.message, f.fix, f.location]);
    const group = groups.get(key);
    if (group) {
      if (!group.triggers.includes(labels.trigger)) group.triggers.push(labels.trigger);
      continue;
    }
    groups.set(key, { first: f, labels, triggers: [labels.trigger] });
    out.push(key);
  }
  return out.map((item) => {
    if (typeof item !== 'string') return item;
    const { first, labels, triggers } = groups.get(item) as {
      first: Finding;
      labels: TokenPrediction['labels'];
      triggers: string[];
    };
    if (triggers.length === 1) return first;
    return { ...first, subject: `the token of ${labels.job} on ${andList(triggers)}` };
  });
}

/**
 * Predictions of one job and trigger for several of its instances (a `workflow_dispatch` choice of environment, a
 * matrix row's environment) would share one label, and their findings one subject: each label names what tells its
 * instance apart, the environment when the instances' differ, else the inputs whose values differ (as the deploy
 * jobs' findings name the environment, src/pipeline/deploy-jobs.ts). Instances that differ in neither keep the label.
 */
function instancesTold(predictions: readonly TokenPrediction[]): TokenPrediction[] {
  const byLabel = new Map<string, TokenPrediction[]>();
  for (const p of predictions) {
    const group = byLabel.get(p.label);
    if (group) group.push(p);
    else byLabel.set(p.label, [p]);
  }
  // What tells the instances of each label apart, found once per label.
  const tellers = new Map([...byLabel].map(([label, group]) => [label, tellerOf(group)]));
  return predictions.map((p) => {
    const told = tellers.get(p.label)?.(p);
    if (told === undefined) return p;
    const job = `${p.labels.job} ${told}`;
    return { ...p, label: `${job} on ${p.labels.trigger}`, labels: { ...p.labels, job } };
  });
}

/** How {@link instancesTold} names each prediction of one label: by environment, else by the inputs that differ. */
function tellerOf(group: readonly TokenPrediction[]): (p: TokenPrediction) => string | undefined {
  const none = () => undefined;
  if (new Set(group.map((g) => g.instance)).size < 2) return none;
  const environment = (p: TokenPrediction) => {
    const env = p.instance.environment;
    return env === undefined
      ? 'without an environment'
      : `in ${literal(env.name) ?? `\`${env.name?.kind === 'unknown' ? env.name.expression : '?'}\``}`;
  };
  if (new Set(group.map(environment)).size > 1) return environment;
  const shown = (v: unknown) =>
    typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
  const keys = [...new Set(group.flatMap((g) => Object.keys(g.instance.inputs)))].filter(
    (k) => new Set(group.map((g) => shown(g.instance.inputs[k]))).size > 1,
  );
  if (keys.length === 0) return none;
  return (p) => `with ${keys.map((k) => `\`${k}\`=\`${shown(p.instance.inputs[k])}\``).join(', ')}`;
}

/**
 * Roles of one name in several accounts (`arn:aws:iam::111122223333:role/deploy`, `arn:aws:iam::444455556666:role/deploy`)
 * judged for one subject: each finding's subject names its role's ARN, so a pass and a denial are never told apart by
 * the evidence alone.
 */
function roleAccountsTold(findings: readonly Finding[]): Finding[] {
  const roleOf = (f: Finding) => (typeof f.evidence.roleArn === 'string' ? f.evidence.roleArn : undefined);
  const nameOf = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);
  const arns = new Map<string, Set<string>>();
  for (const f of findings) {
    const arn = roleOf(f);
    if (arn !== undefined) arns.set(f.subject, (arns.get(f.subject) ?? new Set()).add(arn));
  }
  return findings.map((f) => {
    const arn = roleOf(f);
    const others = arn === undefined ? [] : [...(arns.get(f.subject) ?? [])].filter((a) => a !== arn);
    return arn !== undefined && others.some((a) => nameOf(a) === nameOf(arn))
      ? { ...f, subject: `${f.subject}, role ${arn}` }
      : f;
  });
}

function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Map<string, Finding[]>();
  const out: Finding[] = [];
  for (const f of findings) {
    const same = seen.get(f.id) ?? [];
    if (same.some((g) => g.message === f.message && g.status === f.status)) continue;
    same.push(f);
    seen.set(f.id, same);
    out.push(same.length > 1 ? { ...f, id: `${f.id}:${same.length}` } : f);
  }
  return out;
}
