/**
 * The AWS half of the preflight: will STS let this token assume this role, and will the role's session
 * be allowed every action the deploy performs? Answered offline from policy files first, with live IAM
 * reads, a live AssumeRoleWithWebIdentity probe and IAM's own simulator where the user allows them.
 */

import type { Catalog } from '../catalog/index.js';
import { crossCheckPermissions } from '../checks/cross-check.js';
import { buildPermissionRequests, checkPermissions, type PermissionsCheckInput } from '../checks/permissions.js';
import { checkOidcProvider, normalizeProviderUrl } from '../checks/provider.js';
import { checkSession } from '../checks/session.js';
import { checkTrust } from '../checks/trust.js';
import type { AwsConfig } from '../config/aws.js';
import { compilePolicySet, evaluate, parsePolicy } from '../iam/index.js';
import type { AwsInventory, PolicyDocument, RoleModel } from '../model/aws.js';
import type { Finding } from '../model/finding.js';
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
  /** With role chaining: the role whose session assumes this one. */
  readonly chainSource?: RoleModel;
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
): Promise<{
  inventory: AwsInventory;
  findings: Finding[];
  assumedMaxSession: readonly string[];
  listedProviders: readonly string[];
}> {
  const { settings, sources } = config;
  const findings: Finding[] = [];
  let inventory: AwsInventory = { roles: [] };
  // Roles whose MaxSessionDuration no file gave (the model carries 3600, the least IAM allows).
  let assumedMaxSession: readonly string[] = [];
  // Providers known to exist from list-open-id-connect-providers, whose client IDs no file gave.
  let listedProviders: readonly string[] = [];
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
    listedProviders = loaded.listedOidcProviderArns;
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
  return { inventory, findings, assumedMaxSession, listedProviders };
}

/**
 * The providers the provider check sees. A list-open-id-connect-providers output proves which providers exist:
 * when none of them is the token's issuer, the provider is missing (not merely unknown). When one is, its
 * client IDs are still unknown, and the check reports that (fail closed).
 */
function providersFor(
  inventory: AwsInventory,
  listed: readonly string[],
  issuer: string,
  account: string,
): AwsInventory['oidcProviders'] {
  if (inventory.oidcProviders !== undefined || listed.length === 0) return inventory.oidcProviders;
  const want = `arn:aws:iam::${account}:oidc-provider/${normalizeProviderUrl(issuer)}`;
  return listed.some((arn) => arn.replace(/^arn:aws[a-z-]*:/, 'arn:aws:') === want) ? undefined : [];
}

/**
 * With role chaining the role is assumed by another role's session with sts:AssumeRole, not with the GitHub
 * token (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining),
 * so its trust policy must grant that session. The source is the configuration's first role that is not chained.
 */
function checkChainedTrust(
  role: RoleModel,
  settings: AwsConfig['settings'],
  source: RoleModel | undefined,
  inventory: AwsInventory,
): Finding[] {
  const subject = `role ${role.arn}`;
  if (!source) {
    return [
      unverified(
        `aws:${role.arn}:chained-trust-unverifiable`,
        subject,
        'sts-trust',
        'The role is assumed by role chaining, but no source role is configured, so its trust policy cannot be evaluated.',
        'List the role that is assumed first (with the GitHub token) in the configuration file under aws.roles, before the chained role.',
      ),
    ];
  }
  const sessionArn = `arn:aws:sts::${source.accountId}:assumed-role/${source.name}/${settings.sessionName}`;
  const actions =
    Object.keys(settings.sessionTags).length > 0 ? ['sts:AssumeRole', 'sts:TagSession'] : ['sts:AssumeRole'];
  const identity = [...source.inlinePolicies, ...source.managedPolicies];
  const findings: Finding[] = [];
  for (const action of actions) {
    const result = simulateChain(role, source, identity, action, sessionArn, inventory);
    findings.push(result);
  }
  return findings;
}

function simulateChain(
  role: RoleModel,
  source: RoleModel,
  identity: readonly PolicyDocument[],
  action: string,
  sessionArn: string,
  inventory: AwsInventory,
): Finding {
  const parse = (p: PolicyDocument, kind: 'identity' | 'resource') =>
    parsePolicy(p.document, { name: p.name, ...(p.file ? { file: p.file } : {}) }, kind);
  const parsed = [...identity.map((p) => parse(p, 'identity'))];
  const boundary = source.permissionsBoundary ? parse(source.permissionsBoundary, 'identity') : undefined;
  const trust = parse(role.trustPolicy, 'resource');
  const scps = (inventory.scps ?? []).map((level) => level.map((p) => parse(p, 'identity')));
  const bad = [...parsed, trust, ...(boundary ? [boundary] : []), ...scps.flat()].find((r) => !r.ok);
  const subject = `role ${role.arn}`;
  if (bad && !bad.ok) {
    return unverified(
      `aws:${role.arn}:chained-trust-unverifiable:${action}`,
      subject,
      'sts-trust',
      `A policy needed to evaluate the chain could not be parsed: ${bad.errors[0]?.message ?? 'invalid policy'}.`,
      'Fix the policy document named in the message.',
    );
  }
  const ok = <T>(r: { ok: true; policy: T } | { ok: false }) => (r.ok ? [r.policy] : []);
  const set = compilePolicySet({
    identityPolicies: parsed.flatMap(ok),
    permissionsBoundary: boundary?.ok ? boundary.policy : undefined,
    scps: scps.map((level) => level.flatMap(ok)),
    resourcePolicy: trust.ok ? trust.policy : undefined,
  });
  const result = evaluate(set, { principal: sessionArn, action, resource: role.arn });
  const base = { subject, evidence: { source: sessionArn, action, decision: result.decision } };
  if (result.decision === 'allowed') {
    return {
      ...base,
      id: `aws:${role.arn}:chained-trust:${action}`,
      decisionPoint: 'sts-trust',
      class: 'ok',
      status: 'pass',
      message: `${source.name}'s session may ${action} into ${role.name} by role chaining.`,
    };
  }
  const layer = result.explanation.decidingLayer;
  return {
    ...base,
    id: `aws:${role.arn}:chained-trust-denied:${action}`,
    decisionPoint:
      layer === 'resource' || layer === undefined
        ? 'sts-trust'
        : layer === 'scp'
          ? 'scp'
          : layer === 'permissions-boundary'
            ? 'permissions-boundary'
            : 'identity-policy',
    class: 'chained-trust-denied',
    status: 'fail',
    wouldReturn: 403,
    cause: 'changed-trust-or-network-rule',
    message: `${source.name}'s session may not ${action} into ${role.name}: ${result.explanation.reason}`,
    fix:
      layer === 'resource'
        ? `Add to ${role.name}'s trust policy: {"Effect":"Allow","Principal":{"AWS":"${source.arn}"},"Action":"${action}"}.`
        : `Allow ${action} on ${role.arn} in ${source.name}'s policies.`,
  };
}

/** Runs every AWS check for the configured role. */
export async function checkAws(
  config: AwsConfig,
  identity: WebIdentity | undefined,
  deps: AwsDeps,
): Promise<Finding[]> {
  return (await checkAwsRole(config, identity, deps)).findings;
}

/**
 * Checks every configured role: roles assumed with the token first, concurrently, then chained roles, each
 * with the first unchained role as the session that assumes it.
 */
export async function checkAwsRoles(
  configs: readonly AwsConfig[],
  identity: WebIdentity | undefined,
  deps: AwsDeps,
): Promise<Finding[][]> {
  const direct = configs.filter((c) => !c.settings.roleChaining);
  const first = await Promise.all(direct.map((c) => checkAwsRole(c, identity, deps)));
  const chainSource = first.find((r) => r.role)?.role;
  const chained = await Promise.all(
    configs
      .filter((c) => c.settings.roleChaining)
      .map((c) => checkAwsRole(c, identity, { ...deps, ...(chainSource ? { chainSource } : {}) })),
  );
  return [...first, ...chained].map((r) => r.findings);
}

/** Checks one role; returns its model too, so that a chained role can be checked against its source. */
async function checkAwsRole(
  config: AwsConfig,
  identity: WebIdentity | undefined,
  deps: AwsDeps,
): Promise<{ findings: Finding[]; role?: RoleModel }> {
  const { settings } = config;
  const [{ inventory, findings, assumedMaxSession, listedProviders }, catalog] = await Promise.all([
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
        config.sources.liveReads
          ? 'Fix the read error reported above (the credentials must be allowed to read the role), or add its `aws iam get-role` output to policy-files.'
          : 'Add its `aws iam get-role` (or get-account-authorization-details) output to policy-files, or set aws-live-reads: true with credentials that may read it.',
      ),
    );
    return { findings };
  }
  const now = deps.now();
  if (settings.roleChaining) {
    findings.push(...checkChainedTrust(role, settings, deps.chainSource, inventory));
  } else if (identity) {
    findings.push(
      ...checkOidcProvider({
        providers: providersFor(inventory, listedProviders, identity.issuer, role.accountId),
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
  if (config.sources.probe && identity?.raw && !settings.roleChaining) {
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
  return { findings, role };
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
