/**
 * What the permissions check does not know is unverified, never a guessed denial (src/checks/permissions/unknowns.ts):
 * the role's policies when only `aws iam get-role` describes it, and a resource part the inference could not know.
 * Through the prediction (src/pipeline/workflows.ts) over rust-lang/rustup's real CI workflow
 * (__tests__/fixtures/workflows/rust-lang__rustup, its source in the file: after configure-aws-credentials, `aws --debug
 * s3 cp --recursive dist s3://rustup-builds/${{ github.sha }}/dist`), and through the configured check
 * (src/pipeline/aws.ts) with the get-role output of __tests__/fixtures/aws-cli.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AwsConfig } from '../../src/config/aws.js';
import type { Finding } from '../../src/model/finding.js';
import { checkAws } from '../../src/pipeline/aws.js';
import { predictWorkflows } from '../../src/pipeline/workflows.js';
import { loadCatalog } from '../../src/sources/catalog.js';
import { assumeRoleSettings } from '../fixtures/aws-settings.js';
import { REPO_WILDCARD } from '../fixtures/public-trust-policies.js';
import { RUSTUP_ROLE_NAME as ROLE_NAME, RUSTUP_ACCOUNT, rustupGetRole, rustupRepository } from '../fixtures/rustup.js';
import { removeTempDirs, writeFile } from '../fixtures/temp-files.js';
import { NOW } from '../tokens/mint.js';

afterAll(removeTempDirs);

/** rustup's role with a trust that admits every ref of rustup (REPO_WILDCARD). */
function getRole() {
  const trust = JSON.stringify(REPO_WILDCARD.document).replaceAll('acme/api', 'rust-lang/rustup');
  return rustupGetRole(JSON.parse(trust.replaceAll('111122223333', RUSTUP_ACCOUNT)));
}

const policy = (...Statement: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement });

/**
 * Predicts rustup's CI. `files` are written under `policies/`; without `inline`, the role is only its get-role output
 * (no listing of its policies); with it, a policy folder whose inline policy is `inline`.
 */
async function predict(options: { inline?: string; files?: Record<string, string> }): Promise<Finding[]> {
  const { root, options: predictOptions } = rustupRepository();
  if (options.inline === undefined) writeFile(root, 'policies/get-role.json', JSON.stringify(getRole()));
  else {
    writeFile(root, `policies/roles/${ROLE_NAME}/role.json`, JSON.stringify(getRole()));
    writeFile(root, `policies/roles/${ROLE_NAME}/inline/deploy.json`, options.inline);
  }
  for (const [name, text] of Object.entries(options.files ?? {})) writeFile(root, `policies/${name}`, text);
  const result = await predictWorkflows({
    ...predictOptions,
    deploy: {
      declaredAbsent: { organizations: 'none', noResourcePolicy: ['*'] },
      deps: { env: {}, mask: () => {}, now: () => NOW, loadCatalog, cwd: root },
    },
  });
  return result.findings;
}

/** The findings of the upload's s3:PutObject (rustup-builds/<sha>/dist/*). */
const putObject = (findings: readonly Finding[]) =>
  findings.filter((f) => f.evidence.action === 's3:PutObject' && String(f.evidence.resource).includes('rustup-builds'));

describe("the role's policies not read (only get-role describes it)", () => {
  it('a call no read layer denies is unverified, naming the unread policies, never implicit-deny', async () => {
    const findings = await predict({});
    const calls = findings.filter((f) => f.evidence.action !== undefined && f.evidence.origin !== undefined);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.filter((f) => f.class === 'implicit-deny')).toEqual([]);
    for (const f of calls) {
      expect(f.status).toBe('unverified');
      expect(f.class).toBe('role-policies-unknown');
      expect(f.message).toContain(`the policies of role ${ROLE_NAME} were not read`);
      expect(f.wouldReturn).toBeUndefined();
      expect(f.fix).toContain('get-account-authorization-details');
    }
  });

  it('an explicit Deny of an SCP that was read still fails: a Deny is a Deny whatever the unread layers hold', async () => {
    const deny = policy(
      { Effect: 'Allow', Action: '*', Resource: '*' },
      { Effect: 'Deny', Action: 's3:*', Resource: '*' },
    );
    const findings = await predict({ files: { 'scps/0-root/deny-s3.json': deny } });
    const put = putObject(findings);
    expect(put.length).toBeGreaterThan(0);
    for (const f of put) expect([f.status, f.decisionPoint, f.class]).toEqual(['fail', 'scp', 'explicit-deny']);
  });

  it('an SCP that allows no S3 at all denies it whatever the role holds: implicit-deny at the SCP', async () => {
    const findings = await predict({
      files: { 'scps/0-root/ec2-only.json': policy({ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }) },
    });
    const put = putObject(findings);
    expect(put.length).toBeGreaterThan(0);
    for (const f of put) expect([f.status, f.decisionPoint, f.class]).toEqual(['fail', 'scp', 'implicit-deny']);
  });
});

describe('a resource with a part the inference could not know (the object key from github.sha)', () => {
  it('policies that allow one commit only: unverified, naming the part, and the fix never grants the pattern', async () => {
    const inline = policy({ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::rustup-builds/0123abc/*' });
    const put = putObject(await predict({ inline }));
    expect(put.length).toBeGreaterThan(0);
    for (const f of put) {
      // Reported at the layer that allows one commit only, not at the configuration.
      expect([f.status, f.decisionPoint, f.class]).toEqual(['unverified', 'identity-policy', 'resource-unknown']);
      expect(f.message).toContain('github.sha');
      expect(f.evidence.unknownParts).toEqual(expect.arrayContaining([expect.stringContaining('github.sha')]));
      expect(f.fix).toContain('Declare the call with its real resource');
      expect(f.fix).not.toContain('"Effect":"Allow"');
      expect(f.docUrl).toContain('grant-least-privilege');
    }
  });

  it('policies that allow the action on no resource deny every value: implicit-deny, its fix naming ARN, not the pattern', async () => {
    const inline = policy({ Effect: 'Allow', Action: 'ec2:*', Resource: '*' });
    const put = putObject(await predict({ inline }));
    expect(put.length).toBeGreaterThan(0);
    for (const f of put) {
      expect([f.status, f.class]).toEqual(['fail', 'implicit-deny']);
      expect(f.fix).toContain('"Resource":"ARN"');
      expect(f.fix).not.toContain(`"Resource":"${f.evidence.resource}"`);
    }
  });

  it('policies that allow the whole pattern: allowed for every value, a pass once the bucket owner is known', async () => {
    const inline = policy({ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::rustup-builds/*' });
    // Declared without a bucket policy (no-resource-policy: a resource of the role's own account): decided.
    const declared = putObject(await predict({ inline }));
    expect(declared.length).toBeGreaterThan(0);
    for (const f of declared) expect([f.status, f.class]).toEqual(['pass', 'ok']);
    // A bucket policy's file without its AccountId leaves the owner unknown: an S3 ARN names none, and from another
    // account only the bucket policy could grant the upload, which this one does not
    // (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies-cross-account-resource-access.html).
    const bucketPolicy = {
      ResourceArn: 'arn:aws:s3:::rustup-builds',
      Policy: {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Deny', Principal: '*', Action: 's3:DeleteBucket', Resource: 'arn:aws:s3:::rustup-builds' },
        ],
      },
    };
    const without = { 'resource-policies/rustup-builds.json': JSON.stringify(bucketPolicy) };
    const unknownOwner = putObject(await predict({ inline, files: without }));
    expect(unknownOwner.length).toBeGreaterThan(0);
    for (const f of unknownOwner) expect([f.status, f.class]).toEqual(['unverified', 'resource-owner-unknown']);
    // With its AccountId, the role's account: decided.
    const files = {
      'resource-policies/rustup-builds.json': JSON.stringify({ ...bucketPolicy, AccountId: RUSTUP_ACCOUNT }),
    };
    const put = putObject(await predict({ inline, files }));
    expect(put.length).toBeGreaterThan(0);
    for (const f of put) expect([f.status, f.class]).toEqual(['pass', 'ok']);
  });

  it('a Deny that covers every value fails; one that covers some values only is unverified', async () => {
    const allow = { Effect: 'Allow', Action: 's3:*', Resource: '*' };
    const every = policy(allow, { Effect: 'Deny', Action: 's3:PutObject', Resource: 'arn:aws:s3:::rustup-builds/*' });
    for (const f of putObject(await predict({ inline: every }))) {
      expect([f.status, f.class]).toEqual(['fail', 'explicit-deny']);
    }
    const some = policy(allow, {
      Effect: 'Deny',
      Action: 's3:PutObject',
      Resource: 'arn:aws:s3:::rustup-builds/0123abc/*',
    });
    const put = putObject(await predict({ inline: some }));
    expect(put.length).toBeGreaterThan(0);
    for (const f of put) expect([f.status, f.class]).toEqual(['unverified', 'resource-unknown']);
  });
});

describe('the configured check, with only a get-role output for the role', () => {
  const FIXTURES = path.join(import.meta.dirname, '../fixtures/aws-cli');
  const DEPLOY = 'arn:aws:iam::111122223333:role/github-deploy';
  const config: AwsConfig = {
    settings: assumeRoleSettings(DEPLOY),
    permissions: [
      { action: 's3:PutObject', resource: 'arn:aws:s3:::acme-site/*', context: {}, origin: 'permissions, line 1' },
    ],
    sources: { policyFiles: [path.join(FIXTURES, 'get-role.json')], liveReads: false, probe: false, crossCheck: false },
  };

  it('a permission line is unverified at the identity policies, not implicit-deny', async () => {
    const deps = { env: {}, mask: () => {}, now: () => NOW, loadCatalog, allowOutsideWorkspace: true };
    const findings = await checkAws(config, undefined, deps);
    const line = findings.filter((f) => f.evidence.origin === 'permissions, line 1');
    expect(line.map((f) => [f.status, f.decisionPoint, f.class])).toEqual([
      ['unverified', 'identity-policy', 'role-policies-unknown'],
    ]);
  });
});
