/**
 * `baseline: artifact` through the action's `run()` in process (../e2e/harness.ts): a passing deploy uploads its
 * record to the loopback artifact service (Twirp and blob upload, ../fixtures/drift/artifact-service.ts); the next
 * run of the same workflow, job and environment, with a statement of the role's policy changed, finds it through the
 * REST API with the `baseline-token` and says which statement changed. The token is masked and in no output.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsWorld } from '../e2e/aws-world.js';
import { type ActionRun, runAction } from '../e2e/harness.js';
import { findLeaks } from '../e2e/leaks.js';
import { type ArtifactService, runtimeToken, startArtifactService } from '../fixtures/drift/artifact-service.js';
import { type OidcIssuer, startOidcIssuer } from '../fixtures/oidc-issuer.js';
import { removeTempDirs } from '../fixtures/temp-files.js';

/** A GITHUB_TOKEN's shape (`ghs_` and 36 characters). */
const BASELINE_TOKEN = 'ghs_aW5zdGFsbGF0aW9uLXRva2VuLWZvci10ZXN0';
const NAME = 'permission-preflight-baseline_deploy.yml_deploy_none.json';

let issuer: OidcIssuer;
let service: ArtifactService;
const runs: ActionRun[] = [];
const secrets: string[] = [BASELINE_TOKEN];

async function deploy(edit: (workspace: string) => void = () => undefined): Promise<ActionRun> {
  const world = createAwsWorld(issuer);
  const prepared = await world.deploy({ inputs: { baseline: 'artifact', 'baseline-token': BASELINE_TOKEN } });
  edit(prepared.env.GITHUB_WORKSPACE ?? '');
  const run = await runAction(prepared.inputs, {
    ...prepared.env,
    GITHUB_WORKFLOW_REF: 'acme/api/.github/workflows/deploy.yml@refs/heads/main',
    GITHUB_API_URL: service.url,
    ACTIONS_RESULTS_URL: `${service.url}/`,
    ACTIONS_RUNTIME_TOKEN: runtimeToken(),
  });
  await world.close();
  secrets.push(...world.secrets());
  return run;
}

beforeAll(async () => {
  issuer = await startOidcIssuer();
  service = await startArtifactService();
  runs.push(await deploy());
  runs.push(
    await deploy((workspace) => {
      const file = path.join(workspace, 'iam/account-authorization-details.json');
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, text.replace(/"s3:PutObject",\s*"s3:DeleteObject"/, '"s3:PutObject"'));
    }),
  );
}, 120_000);

afterAll(async () => {
  await issuer.close();
  await service.close();
  removeTempDirs();
});

describe('baseline: artifact', () => {
  it('uploads the passing run as the artifact of its workflow, job and environment', () => {
    expect(runs[0]?.outputs.result).toBe('pass');
    expect(service.artifacts.map((a) => a.name)).toEqual([NAME]);
    const record = JSON.parse(service.artifacts[0]?.content.toString('utf8') ?? '{}');
    expect(record).toMatchObject({
      kind: 'permission-preflight-baseline',
      scope: { workflow: 'deploy.yml', job: 'deploy' },
    });
  });

  it('finds it in the next run and names the statement that changed', () => {
    const run = runs[1];
    expect(run?.outputs.result).toBe('fail');
    const list = service.requests.find((r) => r.path === '/repos/acme/api/actions/artifacts');
    expect(list?.authorization).toBe(`token ${BASELINE_TOKEN}`);
    const deletion = run?.report?.findings.find((f) => f.evidence.action === 's3:DeleteObject');
    expect(deletion?.evidence.drift).toBe('entitlement-removed');
    expect(deletion?.evidence.driftChanges).toContain(
      '  ~ changed statement 0 (Sid "UploadSite"): Action: ["s3:DeleteObject","s3:PutObject"] → ["s3:PutObject"]',
    );
    // A failing run uploads nothing.
    expect(service.artifacts).toHaveLength(1);
  });

  it('masks the baseline token and prints no secret anywhere', () => {
    for (const run of runs) {
      expect(run.stdout).toContain(`::add-mask::${BASELINE_TOKEN}`);
      const artifacts = {
        stdout: run.stdout.replaceAll(`::add-mask::${BASELINE_TOKEN}`, ''),
        stderr: run.stderr,
        summary: run.summary,
        report: run.reportText ?? '',
        artifact: service.artifacts.map((a) => a.content.toString('utf8')).join('\n'),
      };
      expect(findLeaks(artifacts, [BASELINE_TOKEN])).toEqual([]);
    }
  });
});
