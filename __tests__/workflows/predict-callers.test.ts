/**
 * Findings of the prediction per caller chain and per role account (src/pipeline/workflows.ts), over real workflows:
 * aws-powertools/powertools-lambda-typescript's .github/workflows/publish_layer.yml calls
 * .github/workflows/layers_partitions_deploy.yml from four jobs; aws-amplify/amplify-backend's
 * .github/workflows/health_checks.yml gates its e2e jobs on a job's output (bench/workflows/, as published).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { predictWorkflows } from '../../src/pipeline/workflows.js';
import { loadCatalog } from '../../src/sources/catalog.js';
import { repositoryFacts } from '../fixtures/repository-facts.js';

const AMPLIFY = fileURLToPath(new URL('../../bench/workflows/aws-amplify__amplify-backend', import.meta.url));
const POWERTOOLS = fileURLToPath(
  new URL('../../bench/workflows/aws-powertools__powertools-lambda-typescript', import.meta.url),
);

/** The prediction over one bench repository's workflows, with no policy files. */
function predictBench(root: string, repository: string) {
  return predictWorkflows({
    root,
    repository: repositoryFacts(repository),
    policyFiles: [],
    loadCatalog,
  });
}

describe('one reusable workflow called by several jobs', () => {
  it('layers_partitions_deploy.yml `deploy`, called by four jobs: one finding per caller, each naming it', async () => {
    const { findings } = await predictBench(POWERTOOLS, 'aws-powertools/powertools-lambda-typescript');
    const role = findings.filter(
      (f) =>
        f.class === 'prediction-unknown' &&
        f.id.includes('layers_partitions_deploy.yml:deploy<-.github/workflows/publish_layer.yml#') &&
        f.id.endsWith(':role'),
    );
    const callers = ['deploy-govcloud-gamma', 'deploy-govcloud-prod', 'deploy-china-gamma', 'deploy-china-prod'];
    expect(role.map((f) => callers.find((c) => f.subject.includes(`called by \`${c}\``)))).toEqual(callers);
    expect(new Set(role.map((f) => f.id)).size).toBe(4);
  });
});

describe('a deploy job on pull_request whose `if:` is decided only in the run', () => {
  it("health_checks.yml's e2e jobs (`if: needs.do_include_e2e.outputs.run_e2e == 'true'`): whether forks reach them is unverified, never a failure", async () => {
    const { findings } = await predictBench(AMPLIFY, 'aws-amplify/amplify-backend');
    const fork = findings.filter(
      (f) => f.class === 'fork-pull-request-deploy' && f.evidence.file === '.github/workflows/health_checks.yml',
    );
    expect(fork.length).toBeGreaterThan(0);
    for (const f of fork) {
      expect(f.status).toBe('unverified');
      expect(f.cause).toBeUndefined();
      expect(f.message).toContain('needs.do_include_e2e.outputs.run_e2e');
    }
  });
});
