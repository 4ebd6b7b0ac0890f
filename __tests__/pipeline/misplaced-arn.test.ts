/**
 * A declared secret that holds a whole role ARN, used by the workflow where a role name or account ID goes: the ARN
 * the step builds is no role's (`…:role/arn:aws:iam::…:role/deploy`), and the finding names the secret and what it
 * would hold there (src/pipeline/misplaced-arn.ts, src/config/secret-values.ts). Through the prediction
 * (src/pipeline/workflows.ts) over two public workflows' role lines: devops329/jwt-pizza's deploy
 * (`arn:aws:iam::${{ secrets.AWS_ACCOUNT }}:role/${{ secrets.CI_IAM_ROLE }}`), and burningmantech/ranger-ims-go's
 * (__tests__/fixtures/workflows/burningmantech__ranger-ims-go, `arn:aws:iam::${{ secrets.AWS_ACCOUNT_ID }}:role/ranger-gha-deploy`).
 */
import { cpSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { misplacedArn } from '../../src/config/secret-values.js';
import { predictWorkflows } from '../../src/pipeline/workflows.js';
import { loadCatalog } from '../../src/sources/catalog.js';
import { jwtPizzaDeploy } from '../fixtures/jwt-pizza-deploy.js';
import { githubProviderFile } from '../fixtures/oidc-provider.js';
import { removeTempDirs, tempDir, writeFile } from '../fixtures/temp-files.js';

afterAll(removeTempDirs);

const ACCOUNT = '111122223333';
const RANGER = fileURLToPath(new URL('../fixtures/workflows/burningmantech__ranger-ims-go', import.meta.url));

/** The prediction's trust findings for a repository set up by `write`, with `secrets` declared. */
async function trustFindings(write: (root: string) => void, secrets: Record<string, string>) {
  const root = tempDir();
  write(root);
  writeFile(root, 'policies/oidc-providers/github.json', githubProviderFile());
  const { findings } = await predictWorkflows({
    root,
    repository: {
      owner: 'acme',
      name: 'api',
      defaultBranch: 'main',
      immutableSubject: false,
      subjectTemplate: { keys: 'default', source: 'config' },
    },
    policyFiles: ['policies'],
    loadCatalog,
    secrets: { repository: { values: secrets, complete: false, source: 'test' } },
  });
  return findings.filter((f) => f.id.startsWith('predict:'));
}

const jwtPizza = (root: string) => writeFile(root, '.github/workflows/deploy.yml', jwtPizzaDeploy());

describe('a declared role ARN where the workflow puts a role name or an account ID', () => {
  it("jwt-pizza's role name from a secret declared as the whole ARN: named, with the name to declare", async () => {
    const findings = await trustFindings(jwtPizza, {
      AWS_ACCOUNT: ACCOUNT,
      CI_IAM_ROLE: `arn:aws:iam::${ACCOUNT}:role/deploy`,
    });
    const bad = findings.filter((f) => f.class === 'invalid-role-arn');
    expect(bad.length).toBeGreaterThan(0);
    expect(bad[0]).toMatchObject({ status: 'unverified', evidence: { secret: 'CI_IAM_ROLE', holds: 'role name' } });
    expect(bad[0]?.message).toContain(
      `\`arn:aws:iam::${ACCOUNT}:role/arn:aws:iam::${ACCOUNT}:role/deploy\`, which is no role ARN`,
    );
    expect(bad[0]?.message).toContain('the secret CI_IAM_ROLE is declared to hold the role ARN');
    expect(bad[0]?.fix).toContain('`--secret-arn CI_IAM_ROLE=deploy`');
    // Declared as the name, the role is the one the files are asked for.
    const right = await trustFindings(jwtPizza, { AWS_ACCOUNT: ACCOUNT, CI_IAM_ROLE: 'deploy' });
    expect(right.some((f) => f.class === 'invalid-role-arn')).toBe(false);
    expect(right.some((f) => f.message.includes(`\`arn:aws:iam::${ACCOUNT}:role/deploy\``))).toBe(true);
  });

  it("ranger-ims-go's account from a secret declared as the whole ARN: named, with the account to declare", async () => {
    const ranger = (root: string) =>
      cpSync(path.join(RANGER, '.github'), path.join(root, '.github'), { recursive: true });
    const findings = await trustFindings(ranger, { AWS_ACCOUNT_ID: `arn:aws:iam::${ACCOUNT}:role/ranger-gha-deploy` });
    const bad = findings.filter((f) => f.class === 'invalid-role-arn');
    expect(bad.length).toBeGreaterThan(0);
    expect(bad[0]?.evidence).toMatchObject({ secret: 'AWS_ACCOUNT_ID', holds: 'account ID' });
    expect(bad[0]?.fix).toContain(`\`--secret-arn AWS_ACCOUNT_ID=${ACCOUNT}\``);
  });
});

describe('misplacedArn', () => {
  const role = `arn:aws:iam::${ACCOUNT}:role/ci/deploy`;
  const declared = [{ reference: 'secrets.ROLE', value: role }];
  const expression = `arn:aws:iam::${ACCOUNT}:role/\${{ secrets.ROLE }}`;

  it('gives the name with its path for the role-name place', () => {
    expect(misplacedArn(`arn:aws:iam::${ACCOUNT}:role/${role}`, expression, declared)).toMatchObject({
      place: 'role name',
      should: 'ci/deploy',
    });
  });

  it('says nothing of a well-formed ARN or of a whole ARN, and names the value the expression reads first', () => {
    expect(misplacedArn(role, expression, declared)).toBeUndefined();
    const other = [{ reference: 'secrets.OTHER', value: `arn:aws:iam::${ACCOUNT}:role/ci/deploy` }, ...declared];
    expect(misplacedArn(`arn:aws:iam::${ACCOUNT}:role/${role}`, expression, other)?.declared.reference).toBe(
      'secrets.ROLE',
    );
    expect(misplacedArn(`x${role}`, expression, declared)).toBeUndefined();
  });
});
