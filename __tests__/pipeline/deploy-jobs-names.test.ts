/**
 * How the findings of a deploy job's session and calls (src/pipeline/deploy-jobs.ts) name the job, over real
 * workflows (bench/workflows/, each file with its source): a job of a reusable workflow by the chain of jobs that calls
 * it, as its token's findings do (aws-powertools/powertools-lambda-typescript .github/workflows/publish_layer.yml
 * calls .github/workflows/reusable_deploy_layer_stack.yml from `deploy-beta` and `deploy-prod`); a role of one name in
 * several accounts, and one role in several regions, by the role's ARN and the region (aws-amplify/amplify-backend
 * .github/workflows/e2e_resource_cleanup.yml: `arn:aws:iam::${{ matrix.testAccount }}:role/e2e-resource-cleanup` in
 * four regions).
 */
import { cpSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import type { Variables } from '../../src/model/variables.js';
import { predictWorkflows } from '../../src/pipeline/workflows.js';
import { loadCatalog } from '../../src/sources/catalog.js';
import { REPO_WILDCARD } from '../fixtures/public-trust-policies.js';
import { repositoryFacts } from '../fixtures/repository-facts.js';
import { removeTempDirs, tempDir, writeFile } from '../fixtures/temp-files.js';
import { NOW } from '../tokens/mint.js';

afterAll(removeTempDirs);

const bench = (name: string) => fileURLToPath(new URL(`../../bench/workflows/${name}`, import.meta.url));

/** A get-role output of `arn`, its trust tulna07's `repo:OWNER/REPO:*` for `repository`, with an inline Allow *. */
function writeRole(root: string, arn: string, repository: string): string {
  const [, , , , account = '', resource = ''] = arn.split(':');
  const name = resource.replace(/^role\//, '');
  const trust = JSON.parse(
    JSON.stringify(REPO_WILDCARD.document).replaceAll('acme/api', repository).replaceAll('111122223333', account),
  );
  const folder = `policies/${account}/roles/${name}`;
  writeFile(
    root,
    `${folder}/role.json`,
    JSON.stringify({
      Role: {
        Path: '/',
        RoleName: name,
        RoleId: `AROA${account}`,
        Arn: arn,
        MaxSessionDuration: 3600,
        AssumeRolePolicyDocument: trust,
      },
    }),
  );
  writeFile(
    root,
    `${folder}/inline/all.json`,
    JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }),
  );
  return `policies/${account}`;
}

async function predict(
  repo: string,
  repository: string,
  roles: readonly string[],
  known: { secrets?: Variables; variables?: Variables; workflows?: readonly string[] },
): Promise<Finding[]> {
  const root = tempDir();
  // The workflows named, else the whole .github folder (its local actions too).
  const from = path.join(bench(repo), '.github');
  if (!known.workflows) cpSync(from, path.join(root, '.github'), { recursive: true });
  for (const file of known.workflows ?? []) {
    cpSync(path.join(from, 'workflows', file), path.join(root, '.github/workflows', file));
  }
  const policyFiles = [...new Set(roles.map((arn) => writeRole(root, arn, repository)))];
  const result = await predictWorkflows({
    root,
    repository: repositoryFacts(repository, 'config'),
    policyFiles,
    loadCatalog,
    ...(known.secrets ? { secrets: known.secrets } : {}),
    ...(known.variables ? { variables: [known.variables] } : {}),
    deploy: {
      declaredAbsent: { organizations: 'none', noResourcePolicy: ['*'] },
      deps: { env: {}, mask: () => {}, now: () => NOW, loadCatalog, cwd: root },
    },
  });
  return result.findings;
}

const listing = (values: Record<string, string>) => ({ repository: { values, complete: false, source: 'test' } });

describe('a job of a reusable workflow called by several jobs', () => {
  it('reusable_deploy_layer_stack.yml `deploy-cdk-stack`: its calls findings name each calling job, one set per caller', async () => {
    const arn = 'arn:aws:iam::111122223333:role/layers';
    const findings = await predict(
      'aws-powertools__powertools-lambda-typescript',
      'aws-powertools/powertools-lambda-typescript',
      [arn],
      {
        secrets: listing({ AWS_LAYERS_BETA_ROLE_ARN: arn, AWS_LAYERS_PROD_ROLE_ARN: arn }),
        // publish_layer.yml and the workflows it calls.
        workflows: [
          'publish_layer.yml',
          'reusable_deploy_layer_stack.yml',
          'update_ssm.yml',
          'layers_partitions_deploy.yml',
        ],
      },
    );
    const calls = findings.filter(
      (f) => f.class === 'calls-not-inferred' && f.subject.includes('reusable_deploy_layer_stack.yml'),
    );
    expect(calls.length).toBeGreaterThan(0);
    const callers = calls.map(
      (f) => /called by `([^`]+)` in \.github\/workflows\/publish_layer\.yml/.exec(f.subject)?.[1],
    );
    expect(new Set(callers)).toEqual(new Set(['deploy-beta', 'deploy-prod']));
    expect(calls.filter((f) => f.subject.includes('deploy-beta')).length).toBe(calls.length / 2);
    expect(new Set(calls.map((f) => f.subject)).size).toBe(calls.length);
    expect(new Set(calls.map((f) => f.id)).size).toBe(calls.length);
  });
});

describe('one job assuming a role of one name in several accounts and regions', () => {
  it('e2e_resource_cleanup.yml: each session finding names its role ARN and region', async () => {
    const accounts = ['111122223333', '444455556666'];
    const arns = accounts.map((a) => `arn:aws:iam::${a}:role/e2e-resource-cleanup`);
    const findings = await predict('aws-amplify__amplify-backend', 'aws-amplify/amplify-backend', arns, {
      variables: listing({ E2E_TEST_ACCOUNTS: JSON.stringify(accounts) }),
    });
    const sessions = findings.filter(
      (f) => f.decisionPoint === 'session' && f.subject.includes('`cleanup_e2e_resources`'),
    );
    expect(sessions).toHaveLength(8);
    expect(new Set(sessions.map((f) => f.subject)).size).toBe(8);
    for (const arn of arns) {
      for (const region of ['us-west-2', 'us-east-1', 'ca-central-1', 'eu-central-1']) {
        expect(sessions.filter((f) => f.subject.includes(`role ${arn}, region ${region}:`))).toHaveLength(1);
      }
    }
  });
});
