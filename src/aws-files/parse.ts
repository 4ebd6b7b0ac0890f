/**
 * One file, already read, into fragments: the JSON is parsed with lines, then each value is read by its shape
 * (an AWS CLI output anywhere) or by its place in the policy folder (docs/policy-folder.md). Pure: text in,
 * fragments and findings out, so every format is tested without touching a disk.
 */

import { jsonTooDeep, MAX_JSON_DEPTH } from '../text/json-depth.js';
import { asRecord, type FileContext, type FileProblem, fileFinding, readPolicy } from './documents.js';
import { parseJsonWithLines } from './json.js';
import { readParents, readPolicyListing } from './org-listings.js';
import {
  detectShape,
  readAuthorizationDetails,
  readOidcProvider,
  readOidcProviderList,
  readOrgPolicy,
  readResourcePolicy,
  readRolePolicy,
  readRoleSettings,
  reportValue,
  selectDefaultVersion,
} from './shapes.js';
import type { AwsFileShape, Collector, OrgLevel, ReadScope, RolePart } from './types.js';

/** How a file is read: by its shape, or as the part of the policy folder its path says it is. */
export type Placement =
  | { readonly kind: 'cli'; readonly level?: OrgLevel | undefined }
  | {
      readonly kind: 'role';
      /** The role folder as findings name it, e.g. `policies/roles/deploy`; its last segment is the role name. */
      readonly roleDir: string;
      readonly roleName: string;
      readonly part: RolePart;
      readonly baseName: string;
    }
  | { readonly kind: 'oidc-provider' }
  | { readonly kind: 'org-policy'; readonly type: 'scp' | 'rcp'; readonly level: OrgLevel; readonly baseName: string }
  | { readonly kind: 'resource-policy' };

const FOLDER_DOC = 'docs/policy-folder.md';
const EXPECTED =
  'expected one of: aws iam get-account-authorization-details, aws iam get-role, aws iam get-role-policy, ' +
  'aws iam get-policy followed by aws iam get-policy-version, aws iam get-open-id-connect-provider, ' +
  'aws iam list-open-id-connect-providers, aws organizations describe-policy (SCP or RCP), ' +
  'aws organizations list-policies-for-target, aws organizations list-parents, ' +
  `or a resource policy file { "ResourceArn", "Policy" } (${FOLDER_DOC})`;

/** What a near miss is, and what to run instead. */
function hintFor(value: unknown): string {
  const v = asRecord(value) ?? {};
  if (Array.isArray(v.Policies)) {
    return ' It lists policies without their content: run `aws organizations describe-policy` for each.';
  }
  if (Array.isArray(v.AttachedPolicies) || Array.isArray(v.PolicyNames) || Array.isArray(v.Roles)) {
    return ' It names policies or roles without their documents or owner: use `aws iam get-account-authorization-details`.';
  }
  if (typeof v.Policy === 'string') {
    return ' It looks like a resource policy (get-bucket-policy, get-key-policy): add "ResourceArn" beside "Policy".';
  }
  return '';
}

function layoutProblem(out: Collector, context: FileContext, line: number, found: string, wanted: string): void {
  out.findings.push(
    fileFinding(
      context.file,
      { line },
      {
        class: 'policy-folder-layout',
        message: `${wanted} belongs here, found ${found}.`,
        fix: `Put each file where ${FOLDER_DOC} says, in the form it gives for that place.`,
      },
    ),
  );
}

/** Reads a value that is a bare policy document (a policy folder file), named `name`. */
function readBareDocument(context: FileContext, value: unknown, line: number, name: string, arn?: string) {
  return readPolicy(context, { Document: value }, 'Document', { name, arn }, line);
}

/**
 * Reads `aws iam get-policy` output followed by `aws iam get-policy-version` output (as `>>` appends them): the
 * version output has no ARN, so each version belongs to the nearest get-policy above it, and it must be the
 * default version, the one in force. https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetPolicyVersion.html
 */
function readPolicyVersion(
  out: Collector,
  context: FileContext,
  policy: Record<string, unknown> | undefined,
  value: Record<string, unknown>,
  line: number,
  fallbackName: string,
) {
  const version = asRecord(value.PolicyVersion) ?? {};
  const arn = typeof policy?.Arn === 'string' ? policy.Arn : undefined;
  const name = typeof policy?.PolicyName === 'string' ? policy.PolicyName : fallbackName;
  const defaultId = typeof policy?.DefaultVersionId === 'string' ? policy.DefaultVersionId : undefined;
  if (policy && !selectDefaultVersion([version], defaultId)) {
    reportValue(
      out,
      context,
      line,
      `holds version ${String(version.VersionId)} of ${name}, but the default (in force) is ${String(defaultId)}.`,
      `Run aws iam get-policy-version --policy-arn ${String(arn)} --version-id ${String(defaultId)}.`,
    );
    return undefined;
  }
  return readPolicy(context, version, 'Document', { name, arn }, line);
}

/** What each policy folder place accepts. */
const ACCEPTS: Readonly<Record<Placement['kind'] | RolePart, readonly AwsFileShape[]>> = {
  cli: [],
  role: ['get-role'],
  trust: ['policy-document'],
  inline: ['policy-document', 'get-role-policy'],
  managed: ['policy-document', 'get-policy', 'get-policy-version'],
  boundary: ['policy-document', 'get-policy', 'get-policy-version'],
  'oidc-provider': ['get-open-id-connect-provider'],
  'org-policy': ['policy-document', 'describe-policy', 'list-policies-for-target'],
  'resource-policy': ['resource-policy'],
};

/** What reading one value of a file may leave for the next: a get-policy output that a version output follows. */
interface ReadState {
  getPolicy?: Record<string, unknown> | undefined;
  readonly scope: ReadScope;
}

/** Reads one value of a file placed in a role folder. */
function readRoleValue(
  out: Collector,
  context: FileContext,
  placement: Extract<Placement, { kind: 'role' }>,
  value: Record<string, unknown>,
  line: number,
  state: ReadState,
): void {
  const { roleDir, roleName, part, baseName } = placement;
  const base = { kind: 'role-part', roleDir, roleName, file: context.file } as const;
  const shape = detectShape(value);
  if (part === 'role') {
    const settings = readRoleSettings(out, context, asRecord(value.Role) ?? value, line);
    if (settings) out.fragments.push({ ...base, part, settings });
    return;
  }
  if (shape === 'get-policy') {
    state.getPolicy = asRecord(value.Policy);
    return;
  }
  const name =
    part === 'managed' ? baseName : part === 'inline' ? `${roleName}/inline/${baseName}` : `${roleName}/${part}`;
  const result =
    shape === 'get-role-policy'
      ? readPolicy(context, value, 'PolicyDocument', { name: `${roleName}/inline/${String(value.PolicyName)}` }, line)
      : shape === 'get-policy-version'
        ? readPolicyVersion(out, context, state.getPolicy, value, line, name)
        : readBareDocument(context, value, line, name);
  if (result && 'finding' in result) out.findings.push(result.finding);
  else if (result) out.fragments.push({ ...base, part, policy: result.policy });
}

/**
 * `aws iam get-policy-version` output: the version names no policy, so it belongs to the `aws iam get-policy` output
 * before it in the same file (appended with `>>`).
 */
function readPolicyVersionAfterGetPolicy(
  out: Collector,
  context: FileContext,
  value: Record<string, unknown>,
  line: number,
  state: ReadState,
): void {
  if (!state.getPolicy) {
    const fix = `Append it to the aws iam get-policy output of the same policy (>>), or place it in the policy folder (${FOLDER_DOC}).`;
    reportValue(out, context, line, 'get-policy-version output names no policy ARN, so whose it is is unknown.', fix);
    return;
  }
  const read = readPolicyVersion(out, context, state.getPolicy, value, line, '?');
  if (read && 'finding' in read) out.findings.push(read.finding);
  else if (read?.policy.arn) {
    const { policy } = read;
    out.fragments.push({
      kind: 'managed-policy',
      arn: read.policy.arn,
      name: policy.name,
      file: context.file,
      read: () => ({ policy }),
    });
  }
}

/** A bare policy document: an Organizations policy where the policy folder places one, else whose it is is unknown. */
function readPolicyDocument(
  out: Collector,
  context: FileContext,
  placement: Placement,
  value: Record<string, unknown>,
  line: number,
): void {
  if (placement.kind === 'org-policy') {
    const read = readBareDocument(context, value, line, placement.baseName);
    if ('finding' in read) out.findings.push(read.finding);
    else out.fragments.push({ kind: 'org-policy', type: placement.type, level: placement.level, policy: read.policy });
    return;
  }
  // Laid out as a policy folder, but under a folder of the path given (one folder per account, say): that folder is
  // the policy folder's root, and is to be given itself.
  const root = /^(.+?)[\\/]roles[\\/][^\\/]+[\\/](?:inline|managed|boundary)[\\/]/.exec(context.file)?.[1];
  const problem: FileProblem = {
    class: 'policy-folder-layout',
    message: root
      ? `a policy document laid out as a policy folder whose root is ${root}, which is not a path given: whose policy it is is unknown.`
      : 'a bare policy document outside the policy folder: whose policy it is, and of what kind, is unknown.',
    fix: root
      ? `Give ${root} itself as a policy-files path (one line per account's folder), not the folder above it (${FOLDER_DOC}).`
      : `Place it in the policy folder (${FOLDER_DOC}), e.g. roles/<role-name>/inline/<policy-name>.json.`,
  };
  out.findings.push(fileFinding(context.file, { line }, problem));
}

/** Reads one value by its shape: an AWS CLI output anywhere, or the output its policy folder place accepts. */
function readShapedValue(
  out: Collector,
  context: FileContext,
  placement: Placement,
  value: Record<string, unknown>,
  line: number,
  state: ReadState,
): void {
  const shape = detectShape(value);
  switch (shape) {
    case 'get-account-authorization-details':
      readAuthorizationDetails(out, context, value, line, state.scope);
      return;
    case 'get-role': {
      const settings = readRoleSettings(out, context, asRecord(value.Role) ?? {}, line);
      if (settings) out.fragments.push({ kind: 'role', source: 'get-role', file: context.file, ...settings });
      return;
    }
    case 'get-role-policy':
      readRolePolicy(out, context, value, line);
      return;
    case 'get-policy':
      state.getPolicy = asRecord(value.Policy);
      return;
    case 'get-policy-version':
      readPolicyVersionAfterGetPolicy(out, context, value, line, state);
      return;
    case 'get-open-id-connect-provider':
      readOidcProvider(out, context, value, line);
      return;
    case 'list-open-id-connect-providers':
      readOidcProviderList(out, value, context.file);
      return;
    case 'describe-policy':
      readOrgPolicy(
        out,
        context,
        value,
        line,
        placement.kind === 'org-policy' ? placement : { level: placement.kind === 'cli' ? placement.level : undefined },
      );
      return;
    case 'list-policies-for-target':
      readPolicyListing(out, context, value, line, {
        level: placement.kind === 'org-policy' || placement.kind === 'cli' ? placement.level : undefined,
        ...(placement.kind === 'org-policy' ? { type: placement.type } : {}),
      });
      return;
    case 'list-parents':
      readParents(out, context, value, line);
      return;
    case 'resource-policy':
      readResourcePolicy(out, context, value, line);
      return;
    case 'policy-document':
      readPolicyDocument(out, context, placement, value, line);
      return;
    default: {
      const problem: FileProblem = {
        class: 'unrecognised-file',
        message: `is not an AWS CLI output this tool reads: ${EXPECTED}.${hintFor(value)}`,
        fix: 'Pass the JSON that the AWS CLI prints, unedited, or a policy folder laid out as the documentation says.',
        continues: true,
      };
      out.findings.push(fileFinding(context.file, { line }, problem));
    }
  }
}

/**
 * A file whose bytes are not text in their encoding (`reason` from src/text/decode-bytes.ts): like a file that is not
 * JSON, a finding that names the file, so what it should have said is unknown and the run fails closed.
 */
export function undecodableFile(file: string, reason: string, placement?: Placement): Collector {
  const problem: FileProblem = {
    class: 'invalid-policy-file',
    message: `not text: the file ${reason}.`,
    fix: 'Save the AWS CLI output unedited with `> file.json` (UTF-8, or UTF-16 with a byte order mark as Windows PowerShell writes it).',
  };
  return withUnreadLevel({ fragments: [], findings: [fileFinding(file, {}, problem)] }, placement);
}

/**
 * An entry of a policy folder that is not read (`reason` follows its name: a link out of the workspace or to nowhere,
 * not a regular file, over a size bound): a finding, not the end of the run, as a workflow file that is not read is
 * (src/workflows/load.ts). What it would have said is unknown: the finding is unverified, and an organization level
 * it belongs to is not read.
 */
export function unreadFile(file: string, reason: string, placement?: Placement): Collector {
  const problem: FileProblem = {
    class: 'could-not-verify',
    message: `${reason}: it is not read, so what it would decide is unverified.`,
    fix: 'Keep the policy files in the workspace as regular files (docs/policy-folder.md), or remove this entry.',
    continues: true,
  };
  return withUnreadLevel({ fragments: [], findings: [fileFinding(file, {}, problem)] }, placement);
}

/**
 * The collector with the organization levels a file with findings leaves not read: a missing SCP is not an empty one
 * (src/checks/permissions/layers.ts). A CLI output in a level folder may be either kind.
 */
function withUnreadLevel(out: Collector, placement: Placement | undefined): Collector {
  const types =
    placement?.kind === 'org-policy'
      ? [placement.type]
      : placement?.kind === 'cli' && placement.level
        ? (['scp', 'rcp'] as const)
        : [];
  if (types.length > 0 && out.findings.length > 0) out.fragments.push({ kind: 'org-policy-unread', types });
  return out;
}

/**
 * Reads one file's text into fragments and findings. `file` is the name findings use (as the user gave it);
 * `placement` says how to read it, `scope` which roles are checked (see {@link ReadScope}). Never throws: a file
 * that is not JSON, or not a shape this tool reads, is a finding that names the file, the line and (for JSON) the
 * column.
 */
export function parseAwsFile(text: string, file: string, placement: Placement, scope: ReadScope = {}): Collector {
  // A file of an organization level that could not be read leaves its layer not read.
  return withUnreadLevel(readFile(text, file, placement, scope), placement);
}

function readFile(text: string, file: string, placement: Placement, scope: ReadScope): Collector {
  const out: Collector = { fragments: [], findings: [] };
  // Nothing below may walk text nested deeper than any AWS output is (src/text/json-depth.ts).
  const deep = jsonTooDeep(text);
  if (deep) {
    const problem: FileProblem = {
      class: 'invalid-policy-file',
      message: `nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels, which no AWS CLI output does.`,
      fix: 'Save the AWS CLI output unedited with `--output json`.',
    };
    out.findings.push(fileFinding(file, deep, problem));
    return out;
  }
  const json = parseJsonWithLines(text);
  if (!json.ok) {
    const problem: FileProblem = {
      class: 'invalid-policy-file',
      message: `not valid JSON: ${json.message}.`,
      fix: 'Save the AWS CLI output unedited with `--output json` (the default; YAML and text output are not read).',
    };
    out.findings.push(fileFinding(file, { line: json.line, column: json.column }, problem));
    return out;
  }
  const context: FileContext = { file, json };
  const state: ReadState = { scope };
  for (const { value, line } of json.values) {
    const v = asRecord(value) ?? {};
    if (placement.kind === 'cli') {
      readShapedValue(out, context, placement, v, line, state);
      continue;
    }
    // In the policy folder, a place accepts only its own forms: a get-role output in trust.json is a mistake.
    const shape = detectShape(value);
    const accepted = ACCEPTS[placement.kind === 'role' ? placement.part : placement.kind];
    const roleSettings = placement.kind === 'role' && placement.part === 'role' && typeof v.Arn === 'string';
    if (!roleSettings && (!shape || !accepted.includes(shape))) {
      layoutProblem(out, context, line, shape ?? 'an unrecognised JSON value', accepted.join(' or '));
    } else if (placement.kind === 'role') readRoleValue(out, context, placement, v, line, state);
    else readShapedValue(out, context, placement, v, line, state);
  }
  if (placement.kind !== 'cli' && out.fragments.length === 0 && out.findings.length === 0) {
    layoutProblem(out, context, 1, 'nothing that gives a policy or settings', 'a policy document');
  }
  return out;
}
