/**
 * A read scoped to the roles a run checks (ReadScope in src/aws-files/types.ts): the other roles of an export, and
 * the managed policies no checked role uses, are not decoded, and problems in them are not reported; problems of
 * the checked roles are, at the same lines as in a full read. A file that is not JSON is reported either way.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type AwsFilesResult, assembleInventory, parseAwsFile, type ReadScope } from '../../src/aws-files/index.js';
import type { RoleModel } from '../../src/model/aws.js';
import {
  GENERATED_ACCOUNT,
  GENERATED_DEPLOY_ROLE_ARN,
  generateAuthorizationDetails,
} from '../fixtures/aws-cli/generate.js';

const DEPLOY = GENERATED_DEPLOY_ROLE_ARN;
const roleArn = (name: string) => `arn:aws:iam::${GENERATED_ACCOUNT}:role/${name}`;
const policyArn = (p: number) => `arn:aws:iam::${GENERATED_ACCOUNT}:policy/app-policy-${p}`;
/** A URL-encoded document whose % escape is broken: decoding it fails (decodePolicyDocument). */
const BROKEN = '%7B%22Version%22%3A%E0%A4%A';

type Details = { RoleDetailList: Record<string, unknown>[]; Policies: Record<string, unknown>[] };

/**
 * Four roles, five managed policies, documents URL-encoded as the IAM API returns them. github-deploy (role 0)
 * uses policies 0 and 3 (0 also as its boundary); only app-role-3 uses policy 4.
 */
function details(): Details {
  return generateAuthorizationDetails({ roles: 4, policies: 5, urlEncoded: true }) as unknown as Details;
}

function versionOf(d: Details, p: number): Record<string, unknown> {
  const versions = d.Policies[p]?.PolicyVersionList as Record<string, unknown>[];
  return versions.find((v) => v.IsDefaultVersion === true) as Record<string, unknown>;
}

function read(d: Details, scope: ReadScope): AwsFilesResult {
  const collector = parseAwsFile(JSON.stringify(d, null, 4), 'iam.json', { kind: 'cli' }, scope);
  return assembleInventory([collector], { roleArns: [DEPLOY] });
}

function role(result: AwsFilesResult, arn: string): RoleModel {
  const found = result.inventory.roles.find((r) => r.arn === arn);
  if (!found) throw new Error(`no role ${arn}`);
  return found;
}

const SCOPED: ReadScope = { roleArns: [DEPLOY] };
const where = (result: AwsFilesResult) => result.findings.map((f) => [f.class, f.location]);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a read scoped to the checked roles', () => {
  it('does not report a broken document of a role it does not check, nor of a policy no checked role uses', () => {
    const d = details();
    const other = d.RoleDetailList[1] as Record<string, unknown>;
    other.AssumeRolePolicyDocument = BROKEN;
    versionOf(d, 4).Document = BROKEN;
    // A full read reports both: a file finding names the file and line, whoever the role.
    expect(read(d, {}).findings.map((f) => f.class)).toEqual(['invalid-policy-file', 'invalid-policy-file']);
    const scoped = read(d, SCOPED);
    expect(scoped.findings).toEqual([]);
    // The roles are all there; what a role not checked holds is read on first use, and reads as nothing if broken.
    expect(scoped.inventory.roles.map((r) => r.name)).toEqual([
      'github-deploy',
      'app-role-1',
      'app-role-2',
      'app-role-3',
    ]);
    expect(role(scoped, roleArn('app-role-1')).trustPolicy.document).toBeUndefined();
    const policy4 = role(scoped, roleArn('app-role-3')).managedPolicies.find((p) => p.arn === policyArn(4));
    expect(policy4?.document).toBeUndefined();
    expect(role(scoped, roleArn('app-role-2')).trustPolicy).toEqual(
      role(read(details(), {}), roleArn('app-role-2')).trustPolicy,
    );
  });

  it('decodes no document of a role it does not check', () => {
    const d = details();
    const text = JSON.stringify(d, null, 4);
    const parse = vi.spyOn(JSON, 'parse');
    const collector = parseAwsFile(text, 'iam.json', { kind: 'cli' }, SCOPED);
    assembleInventory([collector], { roleArns: [DEPLOY] });
    const documents = parse.mock.calls.map(([arg]) => String(arg)).filter((arg) => arg !== text);
    // app-role-2 trusts repo acme/app-2; github-deploy's documents are decoded (its trust names acme/app-0).
    expect(documents.some((doc) => doc.includes('acme/app-0'))).toBe(true);
    expect(documents.some((doc) => doc.includes('acme/app-2'))).toBe(false);
    expect(documents.some((doc) => doc.includes('Stmt1004x'))).toBe(false); // policy 4's statements
  });

  it('reports a broken document of the checked role, or of a policy it uses, at the line a full read gives', () => {
    const d = details();
    const deploy = d.RoleDetailList[0] as { RolePolicyList: Record<string, unknown>[] };
    (deploy.RolePolicyList[0] as Record<string, unknown>).PolicyDocument = BROKEN;
    versionOf(d, 3).Document = BROKEN;
    const full = read(d, {});
    const scoped = read(d, SCOPED);
    expect(where(scoped)).toEqual(where(full));
    expect(scoped.findings.map((f) => f.class)).toEqual([
      'invalid-policy-file',
      'invalid-policy-file',
      'managed-policy-missing',
    ]);
    expect(scoped.findings.every((f) => f.location?.line !== undefined)).toBe(true);
    expect(scoped.findings.map((f) => f.message)).toEqual(full.findings.map((f) => f.message));
  });

  it('gives the checked role the same model as a full read', () => {
    const scoped = role(read(details(), SCOPED), DEPLOY);
    const full = role(read(details(), {}), DEPLOY);
    expect(scoped).toEqual(full);
    expect(scoped.trustPolicy.line).toBeGreaterThan(1);
  });

  it('reports a file that is not JSON', () => {
    const text = JSON.stringify(details(), null, 4).replace('"RoleDetailList": [', '"RoleDetailList": [,');
    const collector = parseAwsFile(text, 'iam.json', { kind: 'cli' }, SCOPED);
    expect(collector.findings.map((f) => f.class)).toEqual(['invalid-policy-file']);
    expect(collector.findings[0]?.message).toMatch(/^iam\.json:\d+:\d+: not valid JSON/);
  });
});
