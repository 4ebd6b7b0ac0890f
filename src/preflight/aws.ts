/**
 * The AWS half of the preflight: will STS let this token assume this role, and will the role's session
 * be allowed every action the deploy performs? Answered offline from policy files first, with live IAM
 * reads, a live AssumeRoleWithWebIdentity probe and IAM's own simulator where the user allows them.
 */
import type { AwsInventory, RoleModel } from '../aws/model.js';
import type { Catalog } from '../catalog/index.js';
import { crossCheckPermissions } from '../checks/cross-check.js';
import type { Finding } from '../checks/finding.js';
import { buildPermissionRequests, checkPermissions, type PermissionsCheckInput } from '../checks/permissions.js';
import { checkOidcProvider } from '../checks/provider.js';
import { checkSession } from '../checks/session.js';
import { checkTrust } from '../checks/trust.js';
import type { AwsConfig } from '../config/aws.js';
import type { Claims } from '../tokens/decode.js';

/** The GitHub token the role is assumed with: its verified claims, and the token itself for the live probe. */
export interface WebIdentity {
  readonly claims: Claims;
  readonly issuer: string;
  readonly raw?: string;
}

/** What the AWS checks need from outside. */
export interface AwsDeps {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly mask: (secret: string) => void;
  /** Epoch seconds. */
  readonly now: () => number;
  readonly loadCatalog: () => Promise<Catalog>;
  /** Folder that relative policy file paths are read from (the workspace). */
  readonly cwd?: string;
}

function unverified(
  id: string,
  subject: string,
  point: Finding['decisionPoint'],
  message: string,
  fix: string,
): Finding {
  return {
    id,
    subject,
    decisionPoint: point,
    class: 'could-not-verify',
    status: 'unverified',
    message,
    evidence: {},
    fix,
  };
}

/** Reads the inventory from files and, where allowed, from IAM. */
async function gatherInventory(
  config: AwsConfig,
  deps: AwsDeps,
): Promise<{ inventory: AwsInventory; findings: Finding[]; assumedMaxSession: readonly string[] }> {
  const { settings, sources } = config;
  const findings: Finding[] = [];
  let inventory: AwsInventory = { roles: [] };
  // Roles whose MaxSessionDuration no file gave (the model carries 3600, the least IAM allows).
  let assumedMaxSession: readonly string[] = [];
  if (sources.policyFiles.length > 0) {
    const { loadAwsFiles } = await import('../sources/aws-files.js');
    const loaded = await loadAwsFiles(sources.policyFiles, {
      roleArns: [settings.roleArn],
      durationSeconds: settings.durationSeconds,
      ...(deps.cwd ? { cwd: deps.cwd } : {}),
    });
    inventory = loaded.inventory;
    findings.push(...loaded.findings);
    assumedMaxSession = loaded.assumedMaxSessionDuration;
  }
  const account = settings.roleArn.split(':')[4] ?? '';
  const hasRole = inventory.roles.some((r) => r.arn === settings.roleArn);
  if (sources.liveReads && (!hasRole || inventory.oidcProviders === undefined)) {
    const { createIamReader } = await import('../sources/aws-iam.js');
    const endpoint = deps.env.AWS_ENDPOINT_URL_IAM ?? deps.env.AWS_ENDPOINT_URL;
    const reader = createIamReader({
      ...(endpoint ? { endpoint } : {}),
      ...(settings.region ? { region: settings.region } : {}),
    });
    const [role, providers] = await Promise.all([
      hasRole ? undefined : reader.readRole(settings.roleArn),
      inventory.oidcProviders === undefined ? reader.readOidcProviders(account) : undefined,
    ]);
    if (role && !role.ok) findings.push(...role.findings);
    if (providers && !providers.ok) findings.push(...providers.findings);
    inventory = {
      ...inventory,
      roles: role?.ok ? [...inventory.roles, role.role] : inventory.roles,
      ...(providers?.ok ? { oidcProviders: providers.providers } : {}),
    };
  }
  return { inventory, findings, assumedMaxSession };
}

/** Runs every AWS check for the configured role. */
export async function checkAws(
  config: AwsConfig,
  identity: WebIdentity | undefined,
  deps: AwsDeps,
): Promise<Finding[]> {
  const { settings } = config;
  const [{ inventory, findings, assumedMaxSession }, catalog] = await Promise.all([
    gatherInventory(config, deps),
    deps.loadCatalog(),
  ]);
  const subject = `role ${settings.roleArn}`;
  const role: RoleModel | undefined = inventory.roles.find((r) => r.arn === settings.roleArn);
  if (!role) {
    findings.push(
      unverified(
        `aws:${settings.roleArn}:role-unknown`,
        subject,
        'sts-trust',
        `The role ${settings.roleArn} is in none of the policy files${config.sources.liveReads ? ' and could not be read from IAM' : ''}, so its trust and permissions cannot be verified.`,
        'Add its `aws iam get-role` (or get-account-authorization-details) output to policy-files, or set aws-live-reads: true with credentials that may read it.',
      ),
    );
    return findings;
  }
  const now = deps.now();
  if (identity) {
    findings.push(
      ...checkOidcProvider({
        providers: inventory.oidcProviders,
        issuer: identity.issuer,
        audience: settings.audience,
        roleAccount: role.accountId,
      }),
      ...checkTrust({ role, settings, claims: identity.claims, issuer: identity.issuer, catalog, now }),
    );
  } else {
    findings.push(
      unverified(
        `aws:${settings.roleArn}:trust-unverifiable`,
        subject,
        'sts-trust',
        'There is no verified GitHub OIDC token to evaluate the role trust policy against (see the token findings).',
        'Fix the GitHub OIDC token first: the trust policy is evaluated against its claims.',
      ),
    );
  }
  // When no file gave the role's MaxSessionDuration, the files source already reports the unknown limit;
  // failing the duration against the assumed 3600 as well would report one problem twice.
  const assumed = assumedMaxSession.includes(role.arn);
  findings.push(...checkSession({ role, settings, now }).filter((f) => !(assumed && f.class === 'duration-too-long')));
  let sessionArn: string | undefined;
  if (config.sources.probe && identity?.raw) {
    const { probeAssumeRole } = await import('../sources/aws-sts.js');
    const endpoint = deps.env.AWS_ENDPOINT_URL_STS ?? deps.env.AWS_ENDPOINT_URL;
    const inline = settings.inlineSessionPolicy ? JSON.stringify(settings.inlineSessionPolicy.document) : undefined;
    const probe = await probeAssumeRole(
      {
        roleArn: settings.roleArn,
        webIdentityToken: identity.raw,
        sessionName: settings.sessionName,
        durationSeconds: settings.durationSeconds,
        ...(inline ? { policy: inline } : {}),
        ...(settings.managedSessionPolicyArns.length ? { policyArns: settings.managedSessionPolicyArns } : {}),
      },
      { mask: deps.mask, ...(endpoint ? { endpoint } : {}), ...(settings.region ? { region: settings.region } : {}) },
    );
    findings.push(...probe.findings);
    if (probe.ok) sessionArn = probe.assumedRoleArn;
  }
  const permissionsInput: PermissionsCheckInput = {
    role,
    permissions: config.permissions,
    settings,
    inventory,
    catalog,
    now,
    ...(sessionArn ? { sessionArn } : {}),
  };
  findings.push(...checkPermissions(permissionsInput));
  if (config.sources.crossCheck) findings.push(...(await crossCheckWithIam(permissionsInput, deps)));
  return findings;
}

/** IAM's SimulatePrincipalPolicy for the role, with the engine's context, compared with the engine's answers. */
async function crossCheckWithIam(input: PermissionsCheckInput, deps: AwsDeps): Promise<Finding[]> {
  const requests = buildPermissionRequests(input).filter((r) => r !== undefined);
  if (requests.length === 0) return [];
  const { simulatePrincipalPolicyLive } = await import('../sources/aws-simulate.js');
  const endpoint = deps.env.AWS_ENDPOINT_URL_IAM ?? deps.env.AWS_ENDPOINT_URL;
  const { region } = input.settings;
  const simulation = await simulatePrincipalPolicyLive(
    { policySourceArn: input.role.arn, permissions: requests },
    { catalog: input.catalog, ...(endpoint ? { endpoint } : {}), ...(region ? { region } : {}) },
  );
  const pairs = requests.map((request, i) => ({ request, answer: simulation.answers[i] }));
  return [...simulation.findings, ...crossCheckPermissions({ role: input.role, scps: input.inventory.scps, pairs })];
}
