/**
 * The organization's listings as files (docs/policy-folder.md, "Listings and parents"): `list-policies-for-target`
 * saved in its level folder and `list-parents` saved as `list-parents-<child-id>.json`, read beside the
 * describe-policy outputs. The output shapes are the AWS CLI reference's examples
 * (https://docs.aws.amazon.com/cli/latest/reference/organizations/list-policies-for-target.html,
 * https://docs.aws.amazon.com/cli/latest/reference/organizations/list-parents.html), with their IDs.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadAwsFiles } from '../../src/sources/aws-files.js';
import { removeTempDirs, tempDir, writeFile } from '../fixtures/temp-files.js';

const ACCOUNT = '111122223333';
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/deploy`;
const OU = 'ou-examplerootid111-exampleouid111';
const ROOT = 'r-examplerootid111';
const SCP_ID = 'p-examplepolicyid111';

/** The AWS CLI reference's list-policies-for-target example, with `ids` listed. */
const listing = (...ids: string[]) => ({
  Policies: ids.map((id) => ({
    Id: id,
    Arn: `arn:aws:organizations::111111111111:policy/o-exampleorgid/service_control_policy/${id}`,
    Name: id === SCP_ID ? 'AllowAllS3Actions' : id,
    Description:
      'Enables account admins to delegate permissions for any S3 actions to users and roles in their accounts.',
    Type: 'SERVICE_CONTROL_POLICY',
    AwsManaged: false,
  })),
});
const described = (id: string) => ({
  Policy: {
    PolicySummary: { ...listing(id).Policies[0] },
    Content: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] }),
  },
});
const parents = (id: string, type: string) => ({ Parents: [{ Id: id, Type: type }] });

afterEach(() => removeTempDirs());

async function load(files: Record<string, unknown>) {
  const root = tempDir();
  for (const [name, value] of Object.entries(files))
    writeFile(root, path.join('policies', name), JSON.stringify(value));
  return loadAwsFiles(['policies'], { cwd: root, roleArns: [ROLE_ARN] });
}

const classes = (r: Awaited<ReturnType<typeof load>>) => r.findings.map((f) => f.class);

describe('list-policies-for-target and list-parents as files', () => {
  it('a level whose listing names only policies given is read whole, with no finding', async () => {
    const r = await load({
      [`scps/0-${ROOT}/list-policies-for-target.json`]: listing(SCP_ID),
      [`scps/0-${ROOT}/${SCP_ID}.json`]: described(SCP_ID),
    });
    expect(r.findings).toEqual([]);
    expect(r.inventory.scps?.[0]?.map((p) => p.name)).toEqual(['AllowAllS3Actions']);
    expect(r.inventory.unreadOrgLayers).toBeUndefined();
  });

  it('a listed policy whose describe-policy output is missing leaves the SCPs unread, naming it and its command', async () => {
    const r = await load({
      [`scps/0-${ROOT}/list-policies-for-target.json`]: listing(SCP_ID, 'p-FullAWSAccess'),
      [`scps/0-${ROOT}/${SCP_ID}.json`]: described(SCP_ID),
    });
    expect(classes(r)).toEqual(['org-policy-missing']);
    expect(r.findings[0]?.message).toContain('p-FullAWSAccess');
    expect(r.findings[0]?.fix).toContain('aws organizations describe-policy --policy-id p-FullAWSAccess');
    expect(r.inventory.unreadOrgLayers).toEqual(['scp']);
  });

  it('a describe-policy output the listing does not name is not attached there: reported, the SCPs unread', async () => {
    const r = await load({
      [`scps/0-${ROOT}/list-policies-for-target.json`]: listing(SCP_ID),
      [`scps/0-${ROOT}/${SCP_ID}.json`]: described(SCP_ID),
      [`scps/0-${ROOT}/p-stale.json`]: described('p-stale'),
    });
    expect(classes(r)).toEqual(['policy-folder-layout']);
    expect(r.inventory.unreadOrgLayers).toEqual(['scp']);
  });

  it('a listing outside a level folder has no known target, and is reported', async () => {
    const r = await load({ 'org/list-policies-for-target.json': listing(SCP_ID) });
    expect(classes(r)).toEqual(['policy-folder-layout']);
    expect(r.findings[0]?.message).toContain('does not name its target');
  });

  it('list-parents outputs give the chain: a level of it with no SCP files is unread, naming the target', async () => {
    const r = await load({
      [`org/list-parents-${ACCOUNT}.json`]: parents(OU, 'ORGANIZATIONAL_UNIT'),
      [`org/list-parents-${OU}.json`]: parents(ROOT, 'ROOT'),
      [`scps/0-${ROOT}/${SCP_ID}.json`]: described(SCP_ID),
      [`scps/2-${ACCOUNT}/${SCP_ID}.json`]: described(SCP_ID),
    });
    expect(classes(r)).toEqual(['org-policy-missing']);
    expect(r.findings[0]?.message).toContain(`${OU} at level 1`);
    expect(r.findings[0]?.fix).toContain(`list-policies-for-target --target-id ${OU}`);
    expect(r.inventory.unreadOrgLayers).toEqual(['scp']);
  });

  it('list-parents outputs that stop short of the root leave the SCPs unread', async () => {
    const r = await load({
      [`org/list-parents-${ACCOUNT}.json`]: parents(OU, 'ORGANIZATIONAL_UNIT'),
      [`scps/0-${ROOT}/${SCP_ID}.json`]: described(SCP_ID),
    });
    expect(classes(r)).toEqual(['org-policy-missing']);
    expect(r.findings[0]?.fix).toContain(`list-parents --child-id ${OU}`);
  });

  it('a whole chain, every level given, is read with no finding', async () => {
    const r = await load({
      [`org/list-parents-${ACCOUNT}.json`]: parents(OU, 'ORGANIZATIONAL_UNIT'),
      [`org/list-parents-${OU}.json`]: parents(ROOT, 'ROOT'),
      [`scps/0-${ROOT}/${SCP_ID}.json`]: described(SCP_ID),
      [`scps/1-${OU}/${SCP_ID}.json`]: described(SCP_ID),
      [`scps/2-${ACCOUNT}/${SCP_ID}.json`]: described(SCP_ID),
    });
    expect(r.findings).toEqual([]);
    expect(r.inventory.scps).toHaveLength(3);
  });

  it('a list-parents output whose name does not give its child is reported', async () => {
    const r = await load({ 'org/parents.json': parents(ROOT, 'ROOT') });
    expect(classes(r)).toEqual(['policy-folder-layout']);
    expect(r.findings[0]?.message).toContain('list-parents-<child-id>.json');
  });

  it('a listed Id that is not a policy ID is reported, and never put into a suggested command', async () => {
    const r = await load({ [`scps/0-${ROOT}/list-policies-for-target.json`]: listing('p-x; rm -rf ~') });
    expect(classes(r)).toEqual(['policy-folder-layout']);
    expect(r.findings[0]?.fix).not.toContain('rm -rf');
    expect(r.inventory.unreadOrgLayers).toEqual(['scp']);
  });
});
