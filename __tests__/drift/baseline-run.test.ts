/**
 * The baseline end to end, through the action's `run()` in process (../e2e/harness.ts) against the loopback Actions
 * token endpoint, OIDC issuer and the policy files of ../fixtures/aws-e2e/, with `baseline: <file>`:
 * - a passing run records what it proved in the file, valid against schema/baseline.v1.schema.json, holding no
 *   token or secret of the run (GitHub's OIDC token, the token request bearer, the AWS secret key, the baseline
 *   token);
 * - the next run, with a statement of the role's inline policy changed, fails, and says which statement changed
 *   since the last success (entitlement removed, with the statement-level diff);
 * - a run whose policies and identity are unchanged but which STS refuses (the live probe) says the cause is likely
 *   elsewhere;
 * - an unreadable baseline is a finding, never ignored, and never turns the failure into a pass;
 * - `permission-preflight diff BASELINE REPORT` prints the same classification.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateReport } from '../e2e/aws-report-schema.js';
import { createAwsWorld, type DeployOptions, ROLE_ARN } from '../e2e/aws-world.js';
import { type ActionRun, runAction } from '../e2e/harness.js';
import { findLeaks } from '../e2e/leaks.js';
import { runCli } from '../fixtures/cli.js';
import { type OidcIssuer, startOidcIssuer } from '../fixtures/oidc-issuer.js';
import { removeTempDirs } from '../fixtures/temp-files.js';
import { validateBaseline } from './baseline-schema.js';

const BASELINE = '.github/preflight-baseline.json';
/** A GitHub App installation token's shape (`ghs_` and 36 characters), as `baseline-token` would receive one. */
const BASELINE_TOKEN = 'ghs_16C7e42F292c6912E7710c838347Ae178B4a';
const EXPORT = 'iam/account-authorization-details.json';

let issuer: OidcIssuer;
/** Every secret any run was handed. */
const secrets: string[] = [BASELINE_TOKEN];

interface Played {
  readonly run: ActionRun;
  readonly workspace: string;
}

/** One deploy with `baseline: BASELINE`; `edit` changes the workspace (and may place a baseline) before the run. */
async function play(options: DeployOptions = {}, edit: (workspace: string) => void = () => undefined): Promise<Played> {
  const world = createAwsWorld(issuer);
  const prepared = await world.deploy({
    ...options,
    inputs: { baseline: BASELINE, 'baseline-token': BASELINE_TOKEN, ...options.inputs },
  });
  const workspace = prepared.env.GITHUB_WORKSPACE ?? '';
  edit(workspace);
  const run = await runAction(prepared.inputs, {
    ...prepared.env,
    GITHUB_WORKFLOW_REF: 'acme/api/.github/workflows/deploy.yml@refs/heads/main',
  });
  await world.close();
  secrets.push(...world.secrets());
  return { run, workspace };
}

/** Places the first run's record in `workspace`. */
const withBaselineOf = (first: Played) => (workspace: string) => {
  mkdirSync(path.join(workspace, path.dirname(BASELINE)), { recursive: true });
  copyFileSync(path.join(first.workspace, BASELINE), path.join(workspace, BASELINE));
};

/** The account export with `s3:DeleteObject` taken out of the role's inline statement `UploadSite`. */
function removeDeleteObject(workspace: string): void {
  const file = path.join(workspace, EXPORT);
  const text = readFileSync(file, 'utf8');
  const changed = text.replace('"Action": ["s3:PutObject", "s3:DeleteObject"]', '"Action": ["s3:PutObject"]');
  const reformatted =
    changed === text ? text.replace(/"s3:PutObject",\s*"s3:DeleteObject"/g, '"s3:PutObject"') : changed;
  expect(reformatted).not.toBe(text);
  writeFileSync(file, reformatted);
}

let first: Played;
let probed: Played;
let changed: Played;
let unchanged: Played;
let unreadable: Played;

beforeAll(async () => {
  issuer = await startOidcIssuer();
  first = await play();
  // A passing run that probes STS: its record holds the probe's decision, which the run compared with it repeats.
  probed = await play({ inputs: { 'aws-probe': 'true' } });
  changed = await play({}, (w) => {
    withBaselineOf(first)(w);
    removeDeleteObject(w);
  });
  unchanged = await play(
    {
      inputs: { 'aws-probe': 'true' },
      aws: {
        decideAssume: () => ({
          ok: false,
          code: 'AccessDenied',
          message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity',
        }),
      },
    },
    withBaselineOf(probed),
  );
  unreadable = await play({}, (w) => {
    mkdirSync(path.join(w, path.dirname(BASELINE)), { recursive: true });
    writeFileSync(path.join(w, BASELINE), '{"kind": "permission-preflight-baseline", "version": 1, "recordedAt": 3}');
    removeDeleteObject(w);
  });
}, 120_000);

afterAll(async () => {
  await issuer.close();
  removeTempDirs();
});

describe('a passing run', () => {
  it('passes and records what it proved in the baseline file', () => {
    expect(first.run.outputs.result).toBe('pass');
    const text = readFileSync(path.join(first.workspace, BASELINE), 'utf8');
    const record = JSON.parse(text);
    expect(validateBaseline(record)).toEqual([]);
    expect(record).toMatchObject({ version: 1, kind: 'permission-preflight-baseline', result: 'pass' });
    expect(record.scope).toMatchObject({ repository: 'acme/api', workflow: 'deploy.yml', job: 'deploy' });
    expect(record.identity.sub).toMatch(/^repo:acme\/api:/);
    expect(record.roles.map((r: { arn: string }) => r.arn)).toEqual([ROLE_ARN]);
    const inline = record.policies.find((p: { name: string }) => p.name === 'github-deploy/inline/deploy-site');
    expect(inline).toMatchObject({
      layer: 'identity',
      source: expect.stringMatching(/account-authorization-details\.json:\d+$/),
    });
    expect(inline.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(inline.document.Statement[0]).toMatchObject({
      Sid: 'UploadSite',
      Action: ['s3:DeleteObject', 's3:PutObject'],
    });
    const kms = record.policies.find((p: { name: string }) => p.name === 'site-kms');
    expect(kms).toMatchObject({ versionId: 'v1', versionDate: '2025-03-04T09:12:00+00:00' });
    const deletion = record.permissions.find((p: { action: string }) => p.action === 's3:DeleteObject');
    expect(deletion).toMatchObject({ status: 'pass', decision: 'allowed' });
    expect(deletion.statements).toEqual(['github-deploy/inline/deploy-site statement 0 (Sid "UploadSite")']);
  });

  it('records no token and no secret of the run', () => {
    const text = readFileSync(path.join(first.workspace, BASELINE), 'utf8');
    // Small: a few KiB for a role with a handful of policies.
    expect(Buffer.byteLength(text)).toBeLessThan(16 * 1024);
    expect(secrets.length).toBeGreaterThan(3);
    expect(findLeaks({ baseline: text }, secrets)).toEqual([]);
  });
});

describe('a failing run with a baseline', () => {
  it('says which statement changed since the last success (entitlement removed)', () => {
    expect(changed.run.outputs.result).toBe('fail');
    const deletion = changed.run.report?.findings.find((f) => f.evidence.action === 's3:DeleteObject');
    expect(deletion).toMatchObject({ status: 'fail', class: 'implicit-deny', decisionPoint: 'identity-policy' });
    expect(validateReport(changed.run.report)).toEqual([]);
    expect(deletion?.evidence.drift).toBe('entitlement-removed');
    expect(deletion?.evidence.driftChanges).toEqual([
      expect.stringMatching(
        /^policy github-deploy\/inline\/deploy-site \[identity\] changed \(iam\/account-authorization-details\.json:\d+\)$/,
      ),
      '  ~ changed statement 0 (Sid "UploadSite"): Action: ["s3:DeleteObject","s3:PutObject"] → ["s3:PutObject"]',
    ]);
    expect(deletion?.message).toContain('Since the last passing run: entitlement-removed');
    // The message, which the summary and the annotation show, names the statement and what changed in it.
    expect(deletion?.message).toContain(
      '~ changed statement 0 (Sid "UploadSite"): Action: ["s3:DeleteObject","s3:PutObject"] → ["s3:PutObject"])',
    );
    expect(changed.run.summary).toContain('entitlement-removed');
    // The baseline explains; it changes no status, and a failing run records nothing.
    expect(changed.run.report?.findings.filter((f) => f.status !== 'pass')).toHaveLength(1);
    const kept = readFileSync(path.join(changed.workspace, BASELINE), 'utf8');
    expect(kept).toBe(readFileSync(path.join(first.workspace, BASELINE), 'utf8'));
  });

  it('says the cause is likely elsewhere when identity, policies and request are unchanged', () => {
    expect(unchanged.run.outputs.result).toBe('fail');
    const refused = unchanged.run.report?.findings.find((f) => f.status === 'fail');
    expect(refused).toMatchObject({ decisionPoint: 'sts-trust', class: 'trust-denied' });
    expect(refused?.evidence.drift).toBe('unchanged');
    expect(refused?.message).toContain('the cause is likely in the application');
    expect(refused?.message).toContain('a network rule');
  });

  it('reports a baseline that cannot be read, and still fails', () => {
    expect(unreadable.run.outputs.result).toBe('fail');
    const finding = unreadable.run.report?.findings.find((f) => f.class === 'baseline-unavailable');
    expect(finding).toMatchObject({ status: 'unverified', decisionPoint: 'config', id: 'baseline:unreadable' });
    expect(finding?.message).toContain('at /recordedAt: not a date');
    const deletion = unreadable.run.report?.findings.find((f) => f.evidence.action === 's3:DeleteObject');
    expect(deletion?.status).toBe('fail');
    expect(deletion?.evidence.drift).toBeUndefined();
  });
});

describe('permission-preflight diff', () => {
  it('classifies the failing report against the baseline file', async () => {
    // Two different runs: never called the same run.
    expect(
      (await runCli(['diff', path.join(first.workspace, BASELINE), changed.run.outputs.report ?? ''])).stdout,
    ).not.toContain('are the same run');
    const reportPath = changed.run.outputs.report ?? '';
    expect(existsSync(reportPath)).toBe(true);
    const cli = await runCli(['diff', path.join(first.workspace, BASELINE), reportPath]);
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    expect(cli.stdout).toContain('Classified: 1 entitlement-removed.');
    expect(cli.stdout).toContain('entitlement-removed: permissions:s3:DeleteObject arn:aws:s3:::acme-site-prod/*');
    // A report holds decisions, not documents: no policy is reported changed (or removed) between a record and it.
    expect(cli.stdout).not.toContain('Policies changed');
    expect(cli.stdout).toContain('github-deploy/inline/deploy-site statement 0 (Sid "UploadSite")');
  });

  it('prints the classification as JSON', async () => {
    const cli = await runCli([
      'diff',
      path.join(first.workspace, BASELINE),
      changed.run.outputs.report ?? '',
      '--format',
      'json',
    ]);
    expect(cli.status).toBe(0);
    const out = JSON.parse(cli.stdout) as { drifts: { kind: string; findingId: string }[]; policies: string[] };
    expect(out.drifts).toEqual([
      expect.objectContaining({
        kind: 'entitlement-removed',
        findingId: 'permissions:s3:DeleteObject arn:aws:s3:::acme-site-prod/*',
      }),
    ]);
    expect(out.policies).toEqual([]);
  });

  it('refuses the runs given newest first (exit 2), naming both files, their times and the order to give', async () => {
    const baseline = path.join(first.workspace, BASELINE);
    const report = changed.run.outputs.report ?? '';
    const recordedAt = (JSON.parse(readFileSync(baseline, 'utf8')) as { recordedAt: string }).recordedAt;
    const generatedAt = (JSON.parse(readFileSync(report, 'utf8')) as { generatedAt: string }).generatedAt;
    expect(Date.parse(recordedAt)).toBeLessThan(Date.parse(generatedAt));
    const cli = await runCli(['diff', report, baseline]);
    expect(cli.status).toBe(2);
    expect(cli.stdout).toBe('');
    expect(cli.stderr).toContain(
      `the runs are given newest first: ${report} (EARLIER) was recorded at ${generatedAt}, after ${baseline} (LATER) at ${recordedAt}`,
    );
    expect(cli.stderr).toContain(`permission-preflight diff ${baseline} ${report}`);
    expect(cli.stderr).not.toContain('entitlement-removed:');
  });

  it('calls a failure found in both runs a standing failure, in text and JSON, with the note on a failed run', async () => {
    const report = changed.run.outputs.report ?? '';
    const text = await runCli(['diff', report, report]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain(`Note: ${report} did not pass`);
    expect(text.stdout).toContain(`Note: ${report} and ${report} are the same run (one record, made at `);
    expect(text.stdout).toContain('since the earlier run (');
    expect(text.stdout).toContain('where this did not pass either (implicit-deny): a standing failure, not a change');
    expect(text.stdout).not.toContain('last passing run');
    expect(text.stdout).not.toContain("outside the preflight's view");
    const json = JSON.parse((await runCli(['diff', report, report, '--format', 'json'])).stdout) as {
      notes: string[];
      drifts: { kind: string; summary: string }[];
    };
    expect(json.notes).toEqual([
      expect.stringContaining('are the same run'),
      expect.stringContaining(`${report} did not pass`),
    ]);
    expect(json.drifts.map((d) => d.kind)).toEqual(['unchanged']);
    expect(json.drifts[0]?.summary).toContain('a standing failure');
  });

  it('refuses a file that is neither a report nor a record (exit 2)', async () => {
    const cli = await runCli(['diff', path.join(first.workspace, EXPORT), path.join(first.workspace, BASELINE)]);
    expect(cli.status).toBe(2);
    expect(cli.stderr).toContain('neither a permission-preflight baseline record nor a report');
  });
});
