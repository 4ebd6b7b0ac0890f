/**
 * The baseline as a workflow artifact (src/sources/baseline-artifact.ts) against a loopback artifact service that
 * speaks the REST API (list, download by 302 to the blob), the results service's Twirp API and the blob upload
 * (../fixtures/drift/artifact-service.ts), through the real @actions/github and @actions/artifact clients.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  baselineArtifactName,
  readBaselineArtifact,
  writeBaselineArtifact,
} from '../../src/sources/baseline-artifact.js';
import {
  type ArtifactService,
  runtimeToken,
  type StoredArtifact,
  startArtifactService,
} from '../fixtures/drift/artifact-service.js';
import { removeTempDirs, tempDir } from '../fixtures/temp-files.js';

const SCOPE = {
  repository: 'acme/api',
  workflow: 'deploy.yml',
  job: 'deploy',
  environment: 'production',
  event: 'push',
  branch: 'main',
};
const NAME = 'permission-preflight-baseline_deploy.yml_deploy_production.json';
/** A GITHUB_TOKEN's shape (`ghs_` and 36 characters). */
const TOKEN = 'ghs_16C7e42F292c6912E7710c838347Ae178B4a';

/**
 * One service for the file: @actions/github fixes its API base URL from GITHUB_API_URL when first loaded, as it is
 * on a runner, so every download of the file goes to the first URL.
 */
let service: ArtifactService;

/** The service holding `artifacts` and no request yet. */
function holding(artifacts: StoredArtifact[]): ArtifactService {
  service.artifacts.splice(0, service.artifacts.length, ...artifacts);
  service.requests.length = 0;
  return service;
}

function env(s: ArtifactService): Record<string, string> {
  const vars = {
    GITHUB_REPOSITORY: 'acme/api',
    GITHUB_REPOSITORY_ID: '1',
    GITHUB_API_URL: s.url,
    ACTIONS_RESULTS_URL: `${s.url}/`,
    ACTIONS_RUNTIME_TOKEN: runtimeToken(),
    RUNNER_TEMP: tempDir(),
    GITHUB_WORKSPACE: tempDir(),
  };
  // @actions/artifact reads the runner's variables from the process, as it does on a runner.
  for (const [k, v] of Object.entries(vars)) vi.stubEnv(k, v);
  return vars;
}

const stored = (
  id: number,
  name: string,
  content: string,
  createdAt: string,
  expired = false,
  run?: StoredArtifact['run'],
): StoredArtifact => ({
  id,
  name,
  content: Buffer.from(content),
  createdAt,
  expired,
  runId: id * 10,
  ...(run ? { run } : {}),
});

beforeAll(async () => {
  service = await startArtifactService();
});

afterAll(async () => {
  await service.close();
  removeTempDirs();
});

beforeEach(() => {
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('the artifact name', () => {
  it('names the workflow file, the job and the environment, in characters artifact names allow', () => {
    expect(baselineArtifactName(SCOPE)).toBe(NAME);
    expect(baselineArtifactName({ workflow: 'a/b:c"d', job: 'x y' })).toBe(
      'permission-preflight-baseline_a-b-c-d_x-y_none.json',
    );
  });
});

describe('reading the last passing record', () => {
  it('takes the newest unexpired artifact of the name, with the token, through the 302 to the blob', async () => {
    holding([
      stored(1, NAME, '{"older":true}', '2026-12-01T00:00:00Z'),
      stored(2, NAME, '{"newest":true}', '2026-12-03T00:00:00Z'),
      stored(3, NAME, '{"expired":true}', '2026-12-05T00:00:00Z', true),
      stored(
        4,
        'permission-preflight-baseline_deploy.yml_deploy_staging.json',
        '{"staging":true}',
        '2026-12-06T00:00:00Z',
      ),
    ]);
    const read = await readBaselineArtifact(SCOPE, { env: env(service), token: TOKEN });
    expect(read).toEqual({ ok: true, text: '{"newest":true}', where: `artifact ${NAME} (id 2, run 20)` });
    const list = service.requests.find((r) => r.path === '/repos/acme/api/actions/artifacts');
    expect(list?.authorization).toBe(`token ${TOKEN}`);
    expect(service.requests.map((r) => r.path)).toContain('/repos/acme/api/actions/artifacts/2/zip');
  });

  it("takes no record of a pull request's run, of a fork, of another branch or workflow for a push to main", async () => {
    holding([
      stored(1, NAME, '{"main":true}', '2026-12-01T00:00:00Z'),
      // Newer, and each uploaded by a run whose author chose what it records.
      stored(2, NAME, '{"pr":true}', '2026-12-02T00:00:00Z', false, { event: 'pull_request' }),
      stored(3, NAME, '{"fork":true}', '2026-12-03T00:00:00Z', false, {
        event: 'pull_request',
        headBranch: 'main',
        headRepositoryId: 99,
      }),
      stored(4, NAME, '{"feature":true}', '2026-12-04T00:00:00Z', false, { headBranch: 'feature' }),
      stored(5, NAME, '{"other":true}', '2026-12-05T00:00:00Z', false, { path: '.github/workflows/evil.yml' }),
    ]);
    const read = await readBaselineArtifact(SCOPE, { env: env(service), token: TOKEN });
    expect(read).toMatchObject({ ok: true, text: '{"main":true}', where: `artifact ${NAME} (id 1, run 10)` });
    expect(read.skipped).toEqual([
      'artifact 5 (run 50): its run is of workflow evil.yml, not deploy.yml',
      'artifact 4 (run 40): its run is for branch feature, not main',
      "artifact 3 (run 30): its run's head repository is not this repository (a fork's pull request)",
      "artifact 2 (run 20): its run is a pull_request run, and this run is not a pull request's",
    ]);
    expect(service.requests.map((r) => r.path)).not.toContain('/repos/acme/api/actions/artifacts/2/zip');
  });

  it("takes a pull request's own branch's record on a pull request, and none when the branch is not known", async () => {
    holding([
      stored(1, NAME, '{"main":true}', '2026-12-01T00:00:00Z'),
      stored(2, NAME, '{"pr":true}', '2026-12-02T00:00:00Z', false, { event: 'pull_request', headBranch: 'feature' }),
    ]);
    const pr = { ...SCOPE, event: 'pull_request', branch: 'feature' };
    expect(await readBaselineArtifact(pr, { env: env(service), token: TOKEN })).toMatchObject({
      text: '{"pr":true}',
    });
    const { branch: _, ...unknown } = SCOPE;
    const none = await readBaselineArtifact(unknown, { env: env(service), token: TOKEN });
    expect(none.ok && none.text).toBeUndefined();
    expect(none.skipped?.[0]).toContain("this run's branch is not known");
  });

  it('finds none on a first run: no record, not an error', async () => {
    holding([]);
    expect(await readBaselineArtifact(SCOPE, { env: env(service), token: TOKEN })).toEqual({
      ok: true,
      where: `artifact ${NAME}`,
    });
  });

  it('says a token without actions: read cannot list artifacts', async () => {
    holding([]);
    const read = await readBaselineArtifact(SCOPE, {
      env: env(service),
      token: 'ghs_without-actions-read000000000000000',
    });
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.reason).toMatch(/actions: read.*Resource not accessible by integration/);
  });

  it('refuses an artifact larger than a record', async () => {
    holding([stored(9, NAME, 'x'.repeat(3 * 1024 * 1024), '2026-12-01T00:00:00Z')]);
    const read = await readBaselineArtifact(SCOPE, { env: env(service), token: TOKEN });
    expect(read.ok ? '' : read.reason).toContain('more than a record holds');
    expect(service.requests.map((r) => r.path)).not.toContain('/repos/acme/api/actions/artifacts/9/zip');
  });
});

describe('recording a passing run', () => {
  it('uploads the record as the named artifact, which the next run reads back', async () => {
    holding([stored(1, NAME, '{"older":true}', '2026-12-01T00:00:00Z')]);
    const vars = env(service);
    const written = await writeBaselineArtifact(SCOPE, '{"recorded":"now"}\n', { env: vars });
    expect(written).toEqual({ ok: true, where: `artifact ${NAME} (id 1000)` });
    const paths = service.requests.map((r) => `${r.method} ${r.path}`);
    expect(paths[0]).toBe('POST /twirp/github.actions.results.api.v1.ArtifactService/CreateArtifact');
    expect(paths.at(-1)).toBe('POST /twirp/github.actions.results.api.v1.ArtifactService/FinalizeArtifact');
    expect(paths).toContain(`PUT /blob/${NAME}`);
    const read = await readBaselineArtifact(SCOPE, { env: vars, token: TOKEN });
    expect(read).toEqual({ ok: true, text: '{"recorded":"now"}\n', where: `artifact ${NAME} (id 1000, run 7)` });
  });

  it('says so when the artifact service is not there', async () => {
    const written = await writeBaselineArtifact(SCOPE, '{}', { env: {} });
    expect(written).toEqual({
      ok: false,
      reason: 'the artifact service is not available here (no ACTIONS_RUNTIME_TOKEN or ACTIONS_RESULTS_URL)',
    });
  });
});
