/**
 * The AWS half of the preflight: will STS let this token assume this role, and will the role's session
 * be allowed every action the deploy performs? Answered offline from policy files first, with live IAM
 * reads, a live AssumeRoleWithWebIdentity probe and IAM's own simulator where the user allows them.
 */

import { isPolicyFileFinding, unreadableFilesNote, unreadablePolicyFiles } from '../aws-files/index.js';
import type { Catalog } from '../catalog/index.js';
import {
  type IamSimulation,
  loadRoleChecks,
  type ProbeOutcome,
  type RoleCheck,
  type RoleFacts,
  type WebIdentity,
} from '../checks/index.js';
import { buildPermissionRequests, permissionsInput } from '../checks/permissions.js';
import type { AwsConfig } from '../config/aws.js';
import { cacSessionTags } from '../config/session-tags.js';
import type { RoleSeen } from '../drift/record.js';
import { type AwsInventory, DEFAULT_SESSION_NAME, type OidcProviderList, type RoleModel } from '../model/aws.js';
import { type Finding, finding } from '../model/finding.js';
import { ACTION_FIX_OPTIONS, type FixOptions } from '../model/fix-options.js';
import { editDistance } from '../text/edit-distance.js';

export type { WebIdentity } from '../checks/index.js';

/** What the AWS checks need from outside. */
export interface AwsDeps {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly mask: (secret: string) => void;
  /** Epoch seconds. */
  readonly now: () => number;
  readonly loadCatalog: () => Promise<Catalog>;
  /** Folder that relative policy file paths are read from (the workspace). */
  readonly cwd?: string;
  /** Policy file paths and links may lead outside `cwd` (the `allow-outside-workspace` input). */
  readonly allowOutsideWorkspace?: boolean;
  /** With role chaining: the role whose session assumes this one. */
  readonly chainSource?: RoleModel;
  /** The session name of the step that assumed `chainSource` (its `role-session-name`); absent: not known. */
  readonly chainSourceSessionName?: string;
  /** Waits between retries of an AWS call (a seam: tests do not wait out AWS's backoff). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Told each role's facts as read, for the baseline record (src/pipeline/drift.ts). */
  readonly observe?: (seen: RoleSeen) => void;
  /**
   * Only the registered checks with these ids: a deploy job read from its workflow has its trust checked on the
   * predicted token (src/pipeline/deploy-jobs.ts). All of them when absent.
   */
  readonly checkIds?: readonly string[];
  /** How a fix names the showing command's own options; absent: the action's inputs and the configuration file's. */
  readonly options?: FixOptions;
}

export type { FixOptions } from '../model/fix-options.js';

/** Reads the inventory from files and, where allowed, from IAM. */
async function gatherInventory(
  config: RoleFacts['config'],
  deps: AwsDeps,
): Promise<{
  inventory: AwsInventory;
  findings: Finding[];
  assumedMaxSession: readonly string[];
  listedProviders: readonly string[];
  providerLists: readonly OidcProviderList[];
}> {
  const { settings, sources } = config;
  const findings: Finding[] = [];
  let inventory: AwsInventory = { roles: [] };
  // Roles whose MaxSessionDuration no file gave (the model carries 3600, the least IAM allows).
  let assumedMaxSession: readonly string[] = [];
  // Providers known to exist from list-open-id-connect-providers, whose client IDs no file gave.
  let listedProviders: readonly string[] = [];
  // The list-open-id-connect-providers outputs (and IAM's own list, read live), each with the accounts it covers.
  let providerLists: readonly OidcProviderList[] = [];
  if (sources.policyFiles.length > 0) {
    const { loadAwsFiles } = await import('../sources/aws-files.js');
    const loaded = await loadAwsFiles(sources.policyFiles, {
      roleArns: [settings.roleArn],
      durationSeconds: settings.durationSeconds,
      ...(deps.cwd ? { cwd: deps.cwd } : {}),
      ...(deps.allowOutsideWorkspace ? { allowOutsideWorkspace: true } : {}),
    });
    inventory = loaded.inventory;
    findings.push(...loaded.findings);
    assumedMaxSession = loaded.assumedMaxSessionDuration;
    listedProviders = loaded.listedOidcProviderArns;
    providerLists = loaded.oidcProviderLists;
  }
  const account = settings.roleArn.split(':')[4] ?? '';
  if (sources.liveReads) {
    const live = await readLive(config, deps, account);
    findings.push(...live.findings);
    const fileRole = inventory.roles.find((r) => r.arn === settings.roleArn);
    // IAM's answer decides; each difference from the files is reported (src/sources/aws-iam-drift.ts).
    if (live.role && fileRole) {
      const maxSessionAssumed = assumedMaxSession.includes(settings.roleArn);
      findings.push(...live.drift.roleDrift(fileRole, live.role, { maxSessionAssumed }));
    }
    if (live.providers && inventory.oidcProviders) {
      findings.push(...live.drift.providerDrift(account, inventory.oidcProviders, live.providers));
    }
    if (live.role) assumedMaxSession = assumedMaxSession.filter((arn) => arn !== settings.roleArn);
    // IAM listed every provider of the account with its client IDs; the files' providers of other accounts stay.
    const otherAccounts = (p: { arn: string }) => p.arn.split(':')[4] !== account;
    if (live.providers) {
      listedProviders = listedProviders.filter((arn) => otherAccounts({ arn }));
      // IAM's list is every provider of the account, as a list-open-id-connect-providers output is
      // (src/checks/provider.ts providerListing): one it does not give is proven missing.
      providerLists = [...providerLists, { file: 'iam:ListOpenIDConnectProviders (read live)', accounts: [account] }];
    }
    inventory = {
      ...inventory,
      roles: live.role ? [...inventory.roles.filter((r) => r.arn !== settings.roleArn), live.role] : inventory.roles,
      ...(live.providers
        ? { oidcProviders: [...(inventory.oidcProviders ?? []).filter(otherAccounts), ...live.providers] }
        : {}),
    };
    // GetRole answers from the credentials' own account (src/sources/aws-iam.ts), so a role read proves the account.
    const { readLivePolicies } = await import('./aws-live-policies.js');
    const policies = await readLivePolicies(config, deps, inventory, live.role !== undefined);
    inventory = policies.inventory;
    findings.push(...policies.findings);
  }
  return { inventory, findings, assumedMaxSession, listedProviders, providerLists };
}

/**
 * The role and the account's OIDC providers as IAM holds them, read whether or not the files hold them too: with
 * `live-reads`, IAM's answer is the one checked. A read that fails is a finding (fail closed) and leaves that part to
 * the files, whose checks still report.
 */
async function readLive(config: AwsConfig, deps: AwsDeps, account: string) {
  const { settings } = config;
  const [{ createIamReader }, drift] = await Promise.all([
    import('../sources/aws-iam.js'),
    import('../sources/aws-iam-drift.js'),
  ]);
  const endpoint = deps.env.AWS_ENDPOINT_URL_IAM ?? deps.env.AWS_ENDPOINT_URL;
  const reader = createIamReader({
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
    ...(endpoint ? { endpoint } : {}),
    ...(settings.region ? { region: settings.region } : {}),
  });
  const [role, providers] = await Promise.all([reader.readRole(settings.roleArn), reader.readOidcProviders(account)]);
  return {
    drift,
    findings: [...(role.ok ? [] : role.findings), ...(providers.ok ? [] : providers.findings)],
    ...(role.ok ? { role: role.role } : {}),
    ...(providers.ok ? { providers: providers.providers } : {}),
  };
}

/** Runs every AWS check for the configured role. */
export async function checkAws(
  config: AwsConfig,
  identity: WebIdentity | undefined,
  deps: AwsDeps,
): Promise<Finding[]> {
  return (await checkAwsRole(config, identity, deps, await loadRoleChecks())).findings;
}

/**
 * Checks every role: roles assumed with the token first, concurrently, then chained roles in order, each with the
 * session of the role `sourceOf` names (the index of another config), by default the role before it in the list
 * that was found (else the first found before it). The findings come back in the order of `configs`.
 */
export async function checkAwsRoles(
  configs: readonly AwsConfig[],
  identity: WebIdentity | undefined | ((config: AwsConfig) => WebIdentity | undefined),
  deps: AwsDeps,
  sourceOf?: (index: number) => number | undefined,
): Promise<Finding[][]> {
  const checks = await loadRoleChecks();
  const of = (c: AwsConfig) => (typeof identity === 'function' ? identity(c) : identity);
  const results: ({ findings: Finding[]; role?: RoleModel } | undefined)[] = await Promise.all(
    configs.map((c) => (c.settings.roleChaining ? undefined : checkAwsRole(c, of(c), deps, checks))),
  );
  const firstFound = results.findIndex((r) => r?.role);
  // A chained role is assumed with sts:AssumeRole, which configure-aws-credentials tags from the runner's context.
  const tagged = (c: AwsConfig): AwsConfig => ({
    ...c,
    settings: { ...c.settings, sessionTags: { ...cacSessionTags(c.settings, deps.env), ...c.settings.sessionTags } },
  });
  // In order: a role may chain from a role that chains in turn.
  for (const [i, c] of configs.entries()) {
    if (!c.settings.roleChaining) continue;
    // By default the role before it in the list: configure-aws-credentials chains from the credentials the step
    // before exported (its `role-chaining` input), so a chain of chains starts from the last link, not the first.
    const before =
      i - 1 >= 0 && results[i - 1]?.role ? i - 1 : firstFound >= 0 && firstFound < i ? firstFound : undefined;
    const source = sourceOf ? sourceOf(i) : before;
    const chainSource = source === undefined ? undefined : results[source]?.role;
    // The source session is the one the earlier step made, under that step's session name.
    const name = source === undefined ? undefined : configs[source]?.settings.sessionName;
    const chain = chainSource ? { chainSource, ...(name !== undefined ? { chainSourceSessionName: name } : {}) } : {};
    results[i] = await checkAwsRole(tagged(c), of(c), { ...deps, ...chain }, checks);
  }
  return fileFindingsOnce(results.map((r) => r?.findings ?? []));
}

/**
 * A finding about a policy file is the file's, not a role's: reported with the first role that read the file, and
 * not again with each other role that read it too (the same id and message).
 */
function fileFindingsOnce(perRole: readonly Finding[][]): Finding[][] {
  const seen = new Set<string>();
  return perRole.map((findings) =>
    findings.filter((f) => {
      if (!isPolicyFileFinding(f)) return true;
      const key = `${f.id}\n${f.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  );
}

/**
 * Checks one role: reads what the checks that apply to it need (the inventory and the catalog always; the live probe
 * and IAM's simulation only when a check that applies needs them), then runs them. Returns the role's model too, so
 * that a chained role can be checked against its source.
 */
async function checkAwsRole(
  config: RoleFacts['config'],
  identity: WebIdentity | undefined,
  deps: AwsDeps,
  registered: readonly RoleCheck[],
): Promise<{ findings: Finding[]; role?: RoleModel }> {
  const { settings } = config;
  const [{ inventory, findings, assumedMaxSession, listedProviders, providerLists }, catalog] = await Promise.all([
    gatherInventory(config, deps),
    deps.loadCatalog(),
  ]);
  const role: RoleModel | undefined = inventory.roles.find((r) => r.arn === settings.roleArn);
  if (!role) {
    findings.push(
      roleUnknown(config, inventory.roles, unreadablePolicyFiles(findings), deps.options ?? ACTION_FIX_OPTIONS),
    );
    return { findings };
  }
  deps.observe?.({ settings, role, inventory });
  const only = deps.checkIds;
  const checks = registered.filter((check) => (!only || only.includes(check.id)) && check.appliesTo(config));
  const needs = new Set(checks.flatMap((check) => check.needs));
  let facts: RoleFacts = {
    config,
    role,
    inventory,
    catalog,
    now: deps.now(),
    listedProviders,
    providerLists,
    maxSessionAssumed: assumedMaxSession.includes(role.arn),
    fixOptions: deps.options ?? ACTION_FIX_OPTIONS,
    ...(identity ? { identity } : {}),
    ...(deps.chainSource ? { chainSource: deps.chainSource } : {}),
    ...(deps.chainSourceSessionName !== undefined ? { chainSourceSessionName: deps.chainSourceSessionName } : {}),
  };
  if (needs.has('probe') && config.sources.probe && identity?.raw && !settings.roleChaining) {
    facts = { ...facts, probe: await probe(config, identity.raw, identity.issuer, deps) };
  }
  if (needs.has('iam-simulation')) facts = { ...facts, iamSimulation: await simulateWithIam(facts, deps) };
  for (const check of checks) findings.push(...check.run(facts));
  return { findings, role };
}

/**
 * The roles of the inventory nearest to `roleArn`, nearest first: by the role's name (the ARN's last segment, without
 * its path) or by the whole ARN, whichever is nearer, so that a misspelt name, a missing path and a mistyped account
 * are all found. Case is ignored: IAM role names are unique regardless of case
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html#reference_iam-quotas-names).
 */
export function nearestRoles(roleArn: string, roles: readonly RoleModel[], limit = 3): string[] {
  const target = roleArn.toLowerCase();
  const name = target.slice(target.lastIndexOf('/') + 1);
  const max = name.length <= 3 ? 1 : name.length <= 10 ? 2 : 3;
  return roles
    .filter((r) => r.arn !== roleArn)
    .map((r) => ({
      arn: r.arn,
      d: Math.min(editDistance(name, r.name.toLowerCase(), max), editDistance(target, r.arn.toLowerCase(), max)),
    }))
    .filter((s) => s.d <= max)
    .sort((a, b) => a.d - b.d || (a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : 0))
    .slice(0, limit)
    .map((s) => s.arn);
}

/**
 * The role to assume is in no file and was not read: unverified, with the roles the files hold that are nearest, and
 * the files that could not be read (one of them may give it). The fix names the showing command's own options.
 */
function roleUnknown(
  config: AwsConfig,
  roles: readonly RoleModel[],
  unreadable: readonly string[],
  options: FixOptions,
): Finding {
  const { roleArn } = config.settings;
  const { liveReads } = config.sources;
  const suggestions = nearestRoles(roleArn, roles);
  const didYouMean = suggestions.length > 0 ? ` Did you mean ${suggestions.join(' or ')}?` : '';
  const readable = unreadable.length > 0 ? `Fix ${unreadable.join(', ')} (its finding says how), or add` : 'Add';
  const fix = liveReads
    ? `Fix the read error reported above (the credentials must be allowed to read the role), or add its \`aws iam get-role\` output to ${options.policyFiles}.`
    : `${readable} its \`aws iam get-role\` (or get-account-authorization-details) output to ${options.policyFiles}${options.liveReads ? `, or set ${options.liveReads} with credentials that may read it` : ''}.`;
  return finding('could-not-verify', {
    id: `aws:${roleArn}:role-unknown`,
    subject: `role ${roleArn}`,
    decisionPoint: 'sts-trust',
    status: 'unverified',
    message: `The role ${roleArn} is in none of the policy files${unreadable.length > 0 ? ' that could be read' : ''}${liveReads ? ' and could not be read from IAM' : ''}, so its trust and permissions cannot be verified.${unreadableFilesNote(unreadable)}${didYouMean}`,
    ...(suggestions.length > 0 ? { evidence: { suggestions } } : {}),
    fix:
      suggestions.length > 0
        ? `If the deploy assumes ${suggestions[0]}, set role-to-assume to it. Otherwise: ${fix[0]?.toLowerCase()}${fix.slice(1)}`
        : fix,
  });
}

/** The live probe: sts:AssumeRoleWithWebIdentity with the real token, read into findings by the STS source. */
async function probe(config: AwsConfig, token: string, issuer: string, deps: AwsDeps): Promise<ProbeOutcome> {
  const { settings } = config;
  const { probeAssumeRole } = await import('../sources/aws-sts.js');
  const endpoint = deps.env.AWS_ENDPOINT_URL_STS ?? deps.env.AWS_ENDPOINT_URL;
  const inline = settings.inlineSessionPolicy ? JSON.stringify(settings.inlineSessionPolicy.document) : undefined;
  const result = await probeAssumeRole(
    {
      roleArn: settings.roleArn,
      webIdentityToken: token,
      issuer,
      // A configured role's name is always known (src/config/aws.ts, src/config/file-roles.ts): only a workflow's
      // step leaves it unknown (src/pipeline/exchange.ts), and those are never probed (`probe: false`).
      sessionName: settings.sessionName ?? DEFAULT_SESSION_NAME,
      durationSeconds: settings.durationSeconds,
      ...(inline ? { policy: inline } : {}),
      ...(settings.managedSessionPolicyArns.length ? { policyArns: settings.managedSessionPolicyArns } : {}),
    },
    {
      mask: deps.mask,
      ...(deps.sleep ? { sleep: deps.sleep } : {}),
      ...(endpoint ? { endpoint } : {}),
      ...(settings.region ? { region: settings.region } : {}),
    },
  );
  return {
    findings: result.findings,
    ...(result.ok && result.assumedRoleArn ? { assumedRoleArn: result.assumedRoleArn } : {}),
  };
}

/** IAM's SimulatePrincipalPolicy for the role, with the engine's context, paired with the engine's requests. */
async function simulateWithIam(facts: RoleFacts, deps: AwsDeps): Promise<IamSimulation> {
  const input = permissionsInput(facts);
  const requests = buildPermissionRequests(input).filter((r) => r !== undefined);
  if (requests.length === 0) return { findings: [], pairs: [] };
  const { simulatePrincipalPolicyLive } = await import('../sources/aws-simulate.js');
  const endpoint = deps.env.AWS_ENDPOINT_URL_IAM ?? deps.env.AWS_ENDPOINT_URL;
  const { region } = input.settings;
  const simulation = await simulatePrincipalPolicyLive(
    { policySourceArn: input.role.arn, permissions: requests },
    {
      catalog: input.catalog,
      ...(deps.sleep ? { sleep: deps.sleep } : {}),
      ...(endpoint ? { endpoint } : {}),
      ...(region ? { region } : {}),
    },
  );
  return {
    findings: simulation.findings,
    pairs: requests.map((request, i) => ({ request, answer: simulation.answers[i] })),
  };
}
