import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../fixtures/cli.js';
import { EXCERPTS } from '../fixtures/logs/excerpts.js';
import { removeTempDirs, tempDir, writeFile } from '../fixtures/temp-files.js';

afterAll(removeTempDirs);

/** Every real excerpt as one downloaded job log: runner timestamps, CRLF line ends, blank lines between. */
function jobLog(): string {
  let second = 0;
  const stamp = () => `2024-05-01T10:00:${String(second++ % 60).padStart(2, '0')}.1234567Z `;
  return EXCERPTS.flatMap((e) => [...e.log.split('\n'), '', '', '', '', ''])
    .map((line) => `${stamp()}${line}`)
    .join('\r\n');
}

const SCP_DENIAL =
  'User: arn:aws:sts::111122223333:assumed-role/acme-site-deploy/site-deploy is not authorized to perform: cloudfront:CreateInvalidation on resource: arn:aws:cloudfront::111122223333:distribution/E2QWRUHAPOMQZL with an explicit deny in a service control policy';

describe('permission-preflight explain', () => {
  it('explains every real excerpt in a downloaded job log, and exits 1', async () => {
    const dir = tempDir();
    writeFile(dir, 'job.log', jobLog());
    const run = await runCli(['explain', 'job.log', '--format', 'json'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const out = JSON.parse(run.stdout);
    // The same failure in two excerpts (two trust denials, two audience errors) is one finding, counted twice.
    const expected = new Set(EXCERPTS.flatMap((e) => e.expect.map((x) => `${x.class}@${x.point}`)));
    const found = out.findings.map((f: { class: string; decisionPoint: string }) => `${f.class}@${f.decisionPoint}`);
    expect(new Set(found)).toEqual(expected);
    const permissions = EXCERPTS.flatMap((e) => e.expect.flatMap((x) => (x.permission ? [x.permission] : [])));
    expect(out.findings.flatMap((f: { evidence: { permission?: string } }) => f.evidence.permission ?? [])).toEqual(
      permissions,
    );
    expect(out.dropped).toBe(0);
    expect(out.source).toBe('job.log');
  });

  it('reads standard input for -, and prints text with the line, the cause, the fix and the permission line', async () => {
    const run = await runCli(['explain', '-'], { input: `Run ./deploy.sh\n##[error]${SCP_DENIAL}\n` });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('1 failure that would end in 401 or 403 in standard input (2 lines read)');
    expect(run.stdout).toContain('Line 2: explicit-deny at Service control policies (403)');
    expect(run.stdout).toContain(
      'Permission line: cloudfront:CreateInvalidation arn:aws:cloudfront::111122223333:distribution/E2QWRUHAPOMQZL',
    );
    expect(run.stdout).toMatch(/Cause: +.+/);
  });

  it('exits 0 on a log without a 401 or 403', async () => {
    const run = await runCli(['explain', '-'], { input: 'Resolving deltas: 100% (401/401), done.\nHTTP/1.1 200 OK\n' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('No 401 or 403 found in standard input (2 lines read)');
  });

  it('exits 1, unverified, on a log with a line it read only in part, even when the part read shows no 401 or 403', async () => {
    const run = await runCli(['explain', '-'], { input: `ok\n${'x'.repeat(20_000)}\n` });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      'No 401 or 403 found in the part read of standard input (2 lines); unverified: line 2 is over 16 KiB',
    );
  });

  it('writes Markdown for a job summary with the log line as code', async () => {
    const run = await runCli(['explain', '-', '--format', 'markdown'], { input: `${SCP_DENIAL}\n` });
    expect(run.stdout).toContain('## permission-preflight explain');
    expect(run.stdout).toContain('| Permission line | `cloudfront:CreateInvalidation');
  });

  it("names the deciding statement with --policies (the example site's region guardrail SCP)", async () => {
    const site = path.resolve(import.meta.dirname, '../../examples/site');
    const run = await runCli(['explain', '-', '--policies', 'aws', '--format', 'json'], {
      input: `${SCP_DENIAL}\n`,
      cwd: site,
    });
    expect(run.stderr).toBe('');
    const [f] = JSON.parse(run.stdout).findings;
    expect(f.evidence.deciding).toContain('explicit-deny at scp');
    expect(f.evidence.deciding).toContain('DenyOutsideEU');
    // The call is declared, and the files refuse it: the cause is that statement, not a layer the preflight lacked.
    expect(f.fix).toContain('the policy files in aws refuse it too (the deciding statement below)');
    expect(f.fix).not.toContain('the deny comes from a layer the preflight was not given');
  });

  it("says a call the configuration already declares is declared (the example site's .github/preflight.yml), not to add it", async () => {
    const site = path.resolve(import.meta.dirname, '../../examples/site');
    const run = await runCli(['explain', '-', '--format', 'json'], { input: `${SCP_DENIAL}\n`, cwd: site });
    expect(run.stderr).toBe('');
    const [f] = JSON.parse(run.stdout).findings;
    expect(f.fix).toContain(
      'The configuration already declares it: `cloudfront:CreateInvalidation arn:aws:cloudfront::111122223333:distribution/E2QWRUHAPOMQZL` (.github/preflight.yml:34:11, role arn:aws:iam::111122223333:role/acme-site-deploy)',
    );
    expect(f.fix).not.toContain('To catch it before the deploy');
    // The object's key matches the line's pattern `arn:aws:s3:::acme-site-www/*`.
    const put =
      'User: arn:aws:sts::111122223333:assumed-role/acme-site-deploy/site-deploy is not authorized to perform: s3:PutObject on resource: arn:aws:s3:::acme-site-www/index.html because no identity-based policy allows the s3:PutObject action';
    const [p] = JSON.parse(
      (await runCli(['explain', '-', '--format', 'json'], { input: put, cwd: site })).stdout,
    ).findings;
    expect(p.fix).toContain('already declares it: `s3:PutObject arn:aws:s3:::acme-site-www/*`');
    // Another role's call, and a folder without a configuration: the line is proposed, as before.
    const other = SCP_DENIAL.replace('acme-site-deploy', 'other-role');
    const [o] = JSON.parse(
      (await runCli(['explain', '-', '--format', 'json'], { input: other, cwd: site })).stdout,
    ).findings;
    expect(o.fix).toContain('To catch it before the deploy, list `cloudfront:CreateInvalidation');
    const [n] = JSON.parse(
      (await runCli(['explain', '-', '--format', 'json'], { input: SCP_DENIAL, cwd: tempDir() })).stdout,
    ).findings;
    expect(n.fix).toContain('To catch it before the deploy');
    const missing = await runCli(['explain', '-', '--config', 'nope.yml'], { input: SCP_DENIAL, cwd: site });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nope.yml');
  });

  it('says when the policy files allow the call: the layer that refused it is not in them', async () => {
    const denied =
      'User: arn:aws:sts::111122223333:assumed-role/acme-site-deploy/site-deploy is not authorized to perform: s3:PutObject on resource: arn:aws:s3:::acme-site-www/index.html because no identity-based policy allows the s3:PutObject action';
    // The example without its Region guardrail SCP (an S3 request goes to the bucket's Region, which the files do
    // not give: UsingRouting.html), so the files decide the call.
    const site = tempDir();
    cpSync(path.resolve(import.meta.dirname, '../../examples/site'), site, { recursive: true });
    rmSync(path.join(site, 'aws/org/1-ou-7k2d-q8mz3vbn/p-4x9r2m7kqa.json'));
    const run = await runCli(['explain', '-', '--policies', 'aws', '--format', 'json'], { input: denied, cwd: site });
    const [f] = JSON.parse(run.stdout).findings;
    expect(f.evidence.deciding).toContain('the policy files in aws allow it');
    // With it, the files cannot decide: the guardrail turns on the bucket's Region.
    const example = path.resolve(import.meta.dirname, '../../examples/site');
    const guarded = await runCli(['explain', '-', '--policies', 'aws', '--format', 'json'], {
      input: denied,
      cwd: example,
    });
    const [g] = JSON.parse(guarded.stdout).findings;
    expect(g.evidence.deciding).toMatch(/context-key-unknown at scp .*aws:RequestedRegion/);
  });

  it('never says a folder it could not read allows the call: broken, unrecognised or empty folders decide nothing', async () => {
    // The denial of https://github.com/ministryofjustice/cloud-platform/issues/7245 (an ECR push refused).
    const ecr =
      'denied: User: arn:aws:sts::754256621582:assumed-role/cloud-platform-ecr-e344de1fe05708ec-github/GitHubActions is not authorized to perform: ecr:InitiateLayerUpload on resource: arn:aws:ecr:eu-west-2:754256621582:repository/laa-pcuam/csv-converter because no identity-based policy allows the ecr:InitiateLayerUpload action';
    const dir = tempDir();
    writeFile(dir, 'cut/iam.json', '{"RoleDetailList":[{\n');
    writeFile(dir, 'other/x.json', '{"hello":1}\n');
    writeFile(dir, 'empty/.keep', '');
    const deciding: Record<string, string> = {};
    for (const folder of ['cut', 'other', 'empty']) {
      const run = await runCli(['explain', '-', '--policies', folder, '--format', 'json'], { input: ecr, cwd: dir });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(1);
      deciding[folder] = JSON.parse(run.stdout).findings[0].evidence.deciding;
    }
    for (const text of Object.values(deciding)) {
      expect(text).not.toContain('allow it');
      expect(text).toContain('not decided: the policy files in');
    }
    expect(deciding.cut).toMatch(/File problems \(unverified\): invalid-policy-file at config \(cut\/iam\.json:2\)/);
    expect(deciding.other).toContain('unrecognised-file at config');
    expect(deciding.empty).toContain('is in none of the policy files');
  });

  it("says not decided when the log masks the role's account (***), and why", async () => {
    // The denial of https://github.com/ministryofjustice/cloud-platform/issues/7245 as a runner prints it when the
    // account id is masked (configure-aws-credentials' mask-aws-account-id, or the id kept in a secret).
    const masked =
      'denied: User: arn:aws:sts::***:assumed-role/cloud-platform-ecr-e344de1fe05708ec-github/GitHubActions is not authorized to perform: ecr:InitiateLayerUpload on resource: arn:aws:ecr:eu-west-2:***:repository/laa-pcuam/csv-converter because no identity-based policy allows the ecr:InitiateLayerUpload action';
    const site = path.resolve(import.meta.dirname, '../../examples/site');
    const run = await runCli(['explain', '-', '--policies', 'aws', '--format', 'json'], { input: masked, cwd: site });
    expect(run.stderr).toBe('');
    const [f] = JSON.parse(run.stdout).findings;
    expect(f.evidence.deciding).toMatch(
      /^not decided: the role's account is not known from the log \(arn:aws:sts::\*\*\*:/,
    );
  });

  it('refuses a missing log, a bad format and two logs, with exit 2', async () => {
    const dir = tempDir();
    expect((await runCli(['explain', 'nope.log'], { cwd: dir })).stderr).toContain('the log nope.log does not exist');
    expect((await runCli(['explain', '-', '--format', 'yaml'])).status).toBe(2);
    expect((await runCli(['explain', 'a', 'b'])).status).toBe(2);
    expect((await runCli(['explain', dir])).status).toBe(2);
    const noFolder = await runCli(['explain', '-', '--policies', 'nope'], { input: `${SCP_DENIAL}\n`, cwd: dir });
    expect([noFolder.status, noFolder.stderr.split('\n')[0]]).toEqual([
      2,
      'permission-preflight explain: nope does not exist',
    ]);
  });
});

describe('a denial whose message names no layer', () => {
  const excerpt = (start: string) => EXCERPTS.find((e) => e.name.startsWith(start))?.log ?? '';
  const LAYERS = ['scp', 'rcp', 'resource-policy', 'identity-policy', 'permissions-boundary', 'session-policy'];

  it.each([['aws s3 sync: (AccessDenied)'], ['ECR GetAuthorizationToken'], ['terraform S3 backend: HeadObject']])(
    'is filed at the unknown layer with the layers to check, in the JSON and the text (%s)',
    async (name) => {
      const log = excerpt(name);
      expect(log).not.toBe('');
      const json = await runCli(['explain', '-', '--format', 'json'], { input: `${log}\n` });
      const [f] = JSON.parse(json.stdout).findings;
      expect(f).toMatchObject({ class: 'access-denied', decisionPoint: 'unknown-layer' });
      expect(f.evidence.layersToCheck).toEqual(LAYERS);
      const text = await runCli(['explain', '-'], { input: `${log}\n` });
      expect(text.stdout).toContain('access-denied at Unknown layer (the message does not name it)');
      expect(text.stdout).not.toContain('Identity policies (403)');
      expect(text.stdout).toMatch(
        /Layers to check: +Service control policies, Resource control policies, Resource policies, Identity policies, Permissions boundary, Session policies/,
      );
    },
  );
});
