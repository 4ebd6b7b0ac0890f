/**
 * The policy folder (docs/policy-folder.md): where each file of it belongs, from its path, and each role folder's
 * files joined into one role. Pure: paths and fragments in, placements, roles and findings out.
 *
 * ```
 * policies/
 *   roles/<role-name>/role.json            get-role output, or { "Arn", "MaxSessionDuration"? }
 *   roles/<role-name>/trust.json           trust policy (unless role.json is get-role output, which holds it)
 *   roles/<role-name>/inline/<name>.json   inline policies
 *   roles/<role-name>/managed/<name>.json  attached managed policies
 *   roles/<role-name>/boundary.json        permissions boundary
 *   oidc-providers/<name>.json             get-open-id-connect-provider output
 *   scps/<n>-<level>/<name>.json           SCPs: describe-policy output or a document; n = 0 for the root
 *   rcps/<n>-<level>/<name>.json           RCPs, likewise
 *   resource-policies/<name>.json          { "ResourceArn", "AccountId"?, "Policy" }
 * ```
 */
import type { Finding } from '../model/finding.js';
import { fileFinding } from './documents.js';
import type { Placement } from './parse.js';
import type { OrgLevel, RoleFragment, RolePart, RolePartFragment } from './types.js';

/** A folder that names an organization level: `0-root`, `1-ou-workloads`, `2-account-prod`. */
const LEVEL_DIR = /^(\d+)-./;
const FOLDER_DOC = 'docs/policy-folder.md';
const ROLE_FILES: Readonly<Record<string, RolePart>> = {
  'role.json': 'role',
  'trust.json': 'trust',
  'boundary.json': 'boundary',
};

/** The organization level a folder name gives, if it gives one. */
export function readLevel(folderName: string | undefined): OrgLevel | undefined {
  const match = folderName ? LEVEL_DIR.exec(folderName) : null;
  return match && folderName ? { order: Number(match[1]), name: folderName } : undefined;
}

const stripJson = (name: string): string => name.replace(/\.json$/i, '');

/** A path under the folder the user gave, as findings show it: `policies/roles/x`, or `roles/x` for `.`. */
export function joinDisplay(root: string, ...parts: readonly string[]): string {
  return root === '.' || root === '' ? parts.join('/') : [root, ...parts].join('/');
}

/**
 * Where a file belongs. `root` is the folder the user gave (as findings name it), `relative` the file's path inside
 * it, split at `/`, and `parent` the name of the folder the file is in. A file outside the policy folder's own
 * subfolders is an AWS CLI output, read by its shape; its parent folder may name an organization level, which is
 * how an SCP or RCP from `describe-policy` says where it is attached. Returns a message for a misplaced file.
 */
export function placeFile(root: string, relative: readonly string[], parent: string | undefined): Placement | string {
  const [top, first, second, third, ...more] = relative;
  const file = relative[relative.length - 1] ?? '';
  const rolePlace = top === 'roles' && first !== undefined;
  if (rolePlace && second !== undefined && third === undefined && ROLE_FILES[second]) {
    const part = ROLE_FILES[second];
    return {
      kind: 'role',
      roleDir: joinDisplay(root, 'roles', first),
      roleName: first,
      part,
      baseName: stripJson(second),
    };
  }
  if (rolePlace && (second === 'inline' || second === 'managed') && third !== undefined && more.length === 0) {
    return {
      kind: 'role',
      roleDir: joinDisplay(root, 'roles', first),
      roleName: first,
      part: second,
      baseName: stripJson(third),
    };
  }
  if (top === 'roles') {
    return 'expected roles/<role-name>/role.json, trust.json, boundary.json, inline/<name>.json or managed/<name>.json';
  }
  if (top === 'oidc-providers' || top === 'resource-policies') {
    if (second === undefined && first !== undefined) {
      return top === 'oidc-providers' ? { kind: 'oidc-provider' } : { kind: 'resource-policy' };
    }
    return `expected ${top}/<name>.json, directly in ${top}/`;
  }
  if (top === 'scps' || top === 'rcps') {
    const level = readLevel(first);
    if (level && second !== undefined && third === undefined) {
      return { kind: 'org-policy', type: top === 'scps' ? 'scp' : 'rcp', level, baseName: stripJson(second) };
    }
    return `expected ${top}/<n>-<level>/<name>.json, with n = 0 for the root, then 1, 2, … down to the account (e.g. ${top}/0-root/${file})`;
  }
  return { kind: 'cli', level: readLevel(parent) };
}

/** A finding for a misplaced or missing policy folder file. */
export function folderFinding(file: string, message: string): Finding {
  return fileFinding(
    file,
    {},
    {
      class: 'policy-folder-layout',
      message,
      fix: `Lay the folder out as ${FOLDER_DOC} says: each file's place tells what it is.`,
    },
  );
}

/**
 * Joins each role folder's files into one role. The folder is the whole truth about the role's policies: an
 * empty or missing `inline/` means no inline policies. `role.json` is required, for the ARN (and so the account).
 */
export function assembleRoleFolders(parts: readonly RolePartFragment[], findings: Finding[]): RoleFragment[] {
  const folders = new Map<string, RolePartFragment[]>();
  for (const part of parts) folders.set(part.roleDir, [...(folders.get(part.roleDir) ?? []), part]);
  const roles: RoleFragment[] = [];
  for (const [roleDir, files] of folders) {
    const settingsPart = files.find((f) => f.part === 'role');
    if (settingsPart?.part !== 'role') {
      findings.push(folderFinding(roleDir, 'has no role.json, which gives the role ARN (and so its account).'));
      continue;
    }
    const { settings } = settingsPart;
    const roleName = settingsPart.roleName;
    if (settings.name !== roleName) {
      findings.push(
        folderFinding(settingsPart.file, `names role ${settings.name}, in the folder of role ${roleName}.`),
      );
      continue;
    }
    const policies = (kind: RolePart) => files.flatMap((f) => (f.part === kind && 'policy' in f ? [f.policy] : []));
    const [trustFile] = policies('trust');
    if (trustFile && settings.trustPolicy) {
      findings.push(
        folderFinding(trustFile.file ?? roleDir, 'gives a trust policy, and so does role.json: keep one of the two.'),
      );
      continue;
    }
    const trustPolicy = trustFile ?? settings.trustPolicy;
    if (!trustPolicy) {
      findings.push(folderFinding(roleDir, 'has no trust.json, and role.json holds no AssumeRolePolicyDocument.'));
      continue;
    }
    const [permissionsBoundary] = policies('boundary');
    roles.push({
      kind: 'role',
      source: 'policy folder',
      file: settingsPart.file,
      ...settings,
      trustPolicy,
      inlinePolicies: policies('inline'),
      managedPolicies: policies('managed'),
      ...(permissionsBoundary ? { permissionsBoundary } : {}),
    });
  }
  return roles;
}
