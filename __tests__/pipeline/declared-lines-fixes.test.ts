/**
 * A step whose calls are not inferred, and the fixes a deploy job's findings give, as each command shows them: over
 * aws-powertools/powertools-lambda-typescript's layer deploy (`npm run cdk -w layers -- deploy …`, trimmed as the
 * workflow's header says: __tests__/fixtures/workflows/aws-powertools__powertools-lambda-typescript__deploy-layer),
 * whose role `layers-beta` may assume the CDK roles.
 */
import { cpSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { RequiredPermission } from '../../src/model/aws.js';
import type { Finding } from '../../src/model/finding.js';
import { type FixOptions, PREDICT_FIX_OPTIONS } from '../../src/model/fix-options.js';
import { predictWorkflows } from '../../src/pipeline/workflows.js';
import { loadCatalog } from '../../src/sources/catalog.js';
import { removeTempDirs, tempDir } from '../fixtures/temp-files.js';
import { NOW } from '../tokens/mint.js';

afterAll(removeTempDirs);

const REPO = fileURLToPath(
  new URL('../fixtures/workflows/aws-powertools__powertools-lambda-typescript__deploy-layer', import.meta.url),
);
const ROLE = 'arn:aws:iam::111122223333:role/layers-beta';
const LINE: RequiredPermission = {
  action: 'sts:AssumeRole',
  resource: 'arn:aws:iam::111122223333:role/cdk-*',
  context: {},
  origin: '.github/preflight.yml:9:11',
};

const ASSETS: RequiredPermission = {
  action: 's3:PutObject',
  resource: 'arn:aws:s3:::cdk-hnb659fds-assets-111122223333-us-east-1/*',
  context: {},
  origin: '.github/preflight.yml:10:11',
};

async function predict(options: { declared?: readonly RequiredPermission[]; fix?: FixOptions }): Promise<Finding[]> {
  const root = tempDir();
  cpSync(REPO, root, { recursive: true });
  // The CDK's asset upload, allowed by the role: only the layers it did not read (SCPs, RCPs, the bucket's policy)
  // could deny it.
  writeFileSync(
    `${root}/policies/roles/layers-beta/inline/assets.json`,
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:PutObject', Resource: `${ASSETS.resource}` }],
    }),
  );
  const result = await predictWorkflows({
    root,
    repository: {
      owner: 'aws-powertools',
      name: 'powertools-lambda-typescript',
      defaultBranch: 'main',
      immutableSubject: false,
      subjectTemplate: { keys: 'default', source: 'config' },
    },
    policyFiles: ['policies'],
    loadCatalog,
    deploy: {
      ...(options.declared ? { declared: (arn: string) => (arn === ROLE ? (options.declared ?? []) : []) } : {}),
      deps: {
        env: {},
        mask: () => {},
        now: () => NOW,
        loadCatalog,
        cwd: root,
        ...(options.fix ? { options: options.fix } : {}),
      },
    },
  });
  return result.findings;
}

const notInferred = (findings: readonly Finding[]) => findings.filter((f) => f.class === 'calls-not-inferred');

describe('a step whose calls are not inferred', () => {
  it('passes once lines are declared for its role, naming them and saying they were not matched, with no fix', async () => {
    const found = notInferred(await predict({ declared: [LINE] }));
    expect(found).toHaveLength(2);
    for (const f of found) {
      expect(f.status).toBe('pass');
      expect(f.fix).toBeUndefined();
      expect(f.message).toContain('`sts:AssumeRole arn:aws:iam::111122223333:role/cdk-*` (.github/preflight.yml:9:11)');
      expect(f.message).toContain('not matched against what the step does');
      expect(f.evidence.declaredLines).toEqual(['sts:AssumeRole arn:aws:iam::111122223333:role/cdk-*']);
    }
  });

  it("is unverified without them, and predict's fix names the command that reads permission lines", async () => {
    const found = notInferred(await predict({ fix: PREDICT_FIX_OPTIONS }));
    expect(found).toHaveLength(2);
    for (const f of found) {
      expect(f.status).toBe('unverified');
      expect(f.fix).toContain('This command reads no permission lines');
      expect(f.fix).toContain('`permission-preflight check`');
    }
    const action = notInferred(await predict({}));
    for (const f of action) expect(f.fix).toContain(`permission lines of role ${ROLE} in the configuration`);
  });
});

describe('the fix of a call an unread layer could deny', () => {
  const unread = (findings: readonly Finding[]) =>
    findings.filter((f) => f.class === 'layer-not-read' && f.evidence.action === 's3:PutObject');

  it("names predict's flags when predict shows it", async () => {
    const [f] = unread(await predict({ declared: [ASSETS], fix: PREDICT_FIX_OPTIONS }));
    expect(f?.fix).toContain('`--organizations none`');
    expect(f?.fix).toContain('`--policy-files`');
    expect(f?.fix).toContain('`--no-resource-policy ARN`');
    expect(f?.fix).not.toContain('`organizations: none`');
    expect(f?.fix).not.toContain('`no-resource-policy`');
    expect(f?.fix).not.toMatch(/policy folder of policy-files/);
  });

  it("names the action's inputs and the file's keys otherwise", async () => {
    const [f] = unread(await predict({ declared: [ASSETS] }));
    expect(f?.fix).toContain('`organizations: none`');
    expect(f?.fix).toContain('`no-resource-policy`');
    expect(f?.fix).toContain('`policy-files`');
  });
});
