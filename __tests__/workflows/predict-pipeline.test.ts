/**
 * The prediction end to end (src/pipeline/workflows.ts): rust-lang/rustup's real CI workflow
 * (__tests__/fixtures/workflows/rust-lang__rustup, its source in the file) read with GitHub's parser, every deploy
 * job × trigger predicted, and the role it assumes read from a get-role output in a policy folder. The role's trust is
 * this repository's end-to-end role (__tests__/fixtures/aws-e2e/iam/get-role-github-deploy.json: the main branch
 * only) or a public repository-wide one (__tests__/fixtures/public-trust-policies.ts), set on rustup's role ARN.
 */
import { cpSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import { predictWorkflows } from '../../src/pipeline/workflows.js';
import { loadCatalog } from '../../src/sources/catalog.js';
import { REPO_WILDCARD } from '../fixtures/public-trust-policies.js';
import { RUSTUP_ROLE_ARN as ROLE_ARN, rustupGetRole, rustupRepository } from '../fixtures/rustup.js';
import { removeTempDirs, tempDir, writeFile } from '../fixtures/temp-files.js';

afterAll(removeTempDirs);

async function run(trust?: unknown, provider = true): Promise<Finding[]> {
  const { root, options } = rustupRepository({ provider });
  writeFile(root, 'policies/get-role.json', JSON.stringify(rustupGetRole(trust), null, 2));
  return (await predictWorkflows(options)).findings;
}

describe("rust-lang/rustup's CI against its role's trust", () => {
  it('without the RCPs and not declared outside an organization, a trust that admits the push is unverified at rcp, never passed (RCPs apply to STS: orgs_manage_policies_rcps.html#rcp-supported-services)', async () => {
    const { root, options } = rustupRepository();
    writeFile(root, 'policies/get-role.json', JSON.stringify(rustupGetRole(undefined), null, 2));
    const { declaredAbsent: _, ...undeclared } = options;
    const { findings } = await predictWorkflows(undeclared);
    const main = findings.filter((f) => String(f.evidence.sub ?? '').endsWith(':ref:refs/heads/main'));
    expect(main.length).toBeGreaterThan(0);
    expect(main.some((f) => f.class === 'ok')).toBe(false);
    expect(main).toContainEqual(expect.objectContaining({ class: 'layer-not-read', decisionPoint: 'rcp' }));
  });

  it('a trust for main only: the push to stable, where the upload step runs too, would be denied by name', async () => {
    const findings = await run();
    const denied = findings.filter((f) => f.class === 'predicted-trust-denied');
    expect(denied.length).toBeGreaterThan(0);
    for (const f of denied) {
      expect(f.message).toContain('on push');
      expect(f.evidence.sub).toBe('repo:rust-lang/rustup:ref:refs/heads/stable');
      expect(f.message).toContain('the trust allows `repo:rust-lang/rustup:ref:refs/heads/main`');
    }
    // release/* pushes run the job, but the credential step's `if:` admits only main and stable: never reported.
    expect(findings.some((f) => String(f.evidence.ref ?? '').includes('release/'))).toBe(false);
    // The push to main passes, proven for its one ref.
    expect(findings.some((f) => f.class === 'ok' && f.message.includes('refs/heads/main'))).toBe(true);
  });

  it(`${REPO_WILDCARD.source}, for rustup: every deploy job and trigger is admitted`, async () => {
    const text = JSON.stringify(REPO_WILDCARD.document).replaceAll('acme/api', 'rust-lang/rustup');
    const trust = JSON.parse(text.replaceAll('111122223333', '890664054962'));
    const findings = await run(trust);
    const trustFindings = findings.filter((f) => f.decisionPoint === 'sts-trust');
    expect(trustFindings.length).toBeGreaterThan(0);
    expect(trustFindings.filter((f) => f.status !== 'pass').map((f) => f.message)).toEqual([]);
  });

  // STS reads the account's OIDC provider before the trust (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html):
  // without policies/oidc-providers/, what the trust admits is unverified, never a pass.
  it(`${REPO_WILDCARD.source}, for rustup, with no OIDC provider in the policy files: no trust row passes`, async () => {
    const text = JSON.stringify(REPO_WILDCARD.document).replaceAll('acme/api', 'rust-lang/rustup');
    const trust = JSON.parse(text.replaceAll('111122223333', '890664054962'));
    const findings = await run(trust, false);
    const trustFindings = findings.filter((f) => f.decisionPoint === 'sts-trust');
    expect(trustFindings.length).toBeGreaterThan(0);
    for (const f of trustFindings) {
      expect(f).toMatchObject({ status: 'unverified', class: 'oidc-provider-unknown' });
      expect(f.fix).toContain('get-open-id-connect-provider');
    }
  });

  it('a list-open-id-connect-providers output that lists no provider of the account: refused before the trust', async () => {
    const { root, options } = rustupRepository({ provider: false });
    writeFile(root, 'policies/get-role.json', JSON.stringify(rustupGetRole(), null, 2));
    // Beside the role's export, so the folder ties the empty list to the role's account (docs/policy-folder.md §1).
    writeFile(root, 'policies/list-open-id-connect-providers.json', JSON.stringify({ OpenIDConnectProviderList: [] }));
    const { findings } = await predictWorkflows(options);
    const trustFindings = findings.filter((f) => f.decisionPoint === 'sts-trust' && f.id.startsWith('predict:'));
    expect(trustFindings.length).toBeGreaterThan(0);
    const refused = trustFindings.filter((f) => f.class === 'no-oidc-provider' && f.wouldReturn === 400);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]?.message).toContain('policies/list-open-id-connect-providers.json lists every OIDC provider');
    expect(trustFindings.some((f) => f.status === 'pass')).toBe(false);
  });

  // A list names its account only through its ARNs
  // (https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListOpenIDConnectProviders.html): another account's list,
  // or an empty one no folder ties to an account, says nothing of the role's account.
  it.each([
    [
      'lists only a provider of another account',
      ['arn:aws:iam::999988887777:oidc-provider/token.actions.githubusercontent.com'],
    ],
    ['lists nothing, in a folder tied to no account', []],
  ])('a list that %s: the provider stays unknown, never refused', async (_name, arns) => {
    const { root, options } = rustupRepository({ provider: false });
    const wildcard = JSON.stringify(REPO_WILDCARD.document).replaceAll('acme/api', 'rust-lang/rustup');
    const trust = JSON.parse(wildcard.replaceAll('111122223333', '890664054962'));
    writeFile(root, 'policies/get-role.json', JSON.stringify(rustupGetRole(trust), null, 2));
    writeFile(
      root,
      'policies/aws/list-oidc.json',
      JSON.stringify({ OpenIDConnectProviderList: arns.map((Arn) => ({ Arn })) }),
    );
    const { findings } = await predictWorkflows(options);
    const trustFindings = findings.filter((f) => f.decisionPoint === 'sts-trust' && f.id.startsWith('predict:'));
    expect(trustFindings.length).toBeGreaterThan(0);
    expect(trustFindings.filter((f) => f.class === 'no-oidc-provider')).toEqual([]);
    for (const f of trustFindings) expect(f).toMatchObject({ status: 'unverified', class: 'oidc-provider-unknown' });
  });
});

describe('two get-role outputs that give the role different trust policies', () => {
  const text = JSON.stringify(REPO_WILDCARD.document).replaceAll('acme/api', 'rust-lang/rustup');
  const wildcard = JSON.parse(text.replaceAll('111122223333', '890664054962'));

  // Whichever file sorts first, no trust row decides from it: each names both files, unverified.
  it.each([
    ['the main-only trust sorts first', 'a-main.json', 'b-wildcard.json'],
    ['the repository-wide trust sorts first', 'b-main.json', 'a-wildcard.json'],
  ])('%s: every trust row of the role is a conflict naming both files', async (_name, mainFile, wildcardFile) => {
    const { root, options } = rustupRepository();
    writeFile(root, `policies/${mainFile}`, JSON.stringify(rustupGetRole(), null, 2));
    writeFile(root, `policies/${wildcardFile}`, JSON.stringify(rustupGetRole(wildcard), null, 2));
    const { findings } = await predictWorkflows(options);
    const rows = findings.filter((f) => f.decisionPoint === 'sts-trust' && f.id.startsWith('predict:'));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatchObject({ status: 'unverified', class: 'conflicting-definitions' });
      expect(row.message).toContain(`policies/${mainFile}`);
      expect(row.message).toContain(`policies/${wildcardFile}`);
    }
  });
});

describe('what the pipeline cannot check is unverified, by name', () => {
  const PULUMI = fileURLToPath(new URL('../fixtures/workflows/pulumi__docs', import.meta.url));
  /** A copy of pulumi/docs' workflows with test-github-oidc.yml rewritten by `edit`. */
  const pulumiEdited = (edit: (text: string) => string) => {
    const root = tempDir();
    cpSync(path.join(PULUMI, '.github'), path.join(root, '.github'), { recursive: true });
    const file = '.github/workflows/test-github-oidc.yml';
    writeFile(root, file, edit(readFileSync(path.join(root, file), 'utf8')));
    return root;
  };
  /** The e2e provider file `name` for GitHub's issuer. */
  const providerFile = (name: string) =>
    readFileSync(new URL(`../fixtures/aws-e2e/iam/${name}`, import.meta.url), 'utf8').replaceAll(
      '{{ISSUER_HOST}}',
      'token.actions.githubusercontent.com',
    );
  /** pulumi/docs' role (rust-lang/rustup's get-role moved to its ARN) and the provider file `provider`, in policies/. */
  const withRoleAndProvider = (root: string, provider: string) => {
    const role = JSON.parse(
      JSON.stringify(rustupGetRole())
        .replaceAll(ROLE_ARN, 'arn:aws:iam::388588623842:role/ContinuousIntegrationRole')
        .replaceAll('890664054962', '388588623842'),
    );
    role.Role.RoleName = 'ContinuousIntegrationRole';
    writeFile(root, 'policies/get-role.json', JSON.stringify(role));
    writeFile(root, 'policies/oidc-providers/github.json', providerFile(provider));
  };
  const repository = {
    owner: 'pulumi',
    name: 'docs',
    immutableSubject: false,
    subjectTemplate: { keys: 'default' as const, source: 'test' },
  };

  it("a deploy job with more combinations than the model lists (aws/karpenter-provider-aws's e2e.yaml, called from a matrix of suites × dispatch choices) is unverified by name, never left out", async () => {
    const KARPENTER = fileURLToPath(new URL('../fixtures/workflows/aws__karpenter-provider-aws', import.meta.url));
    const root = tempDir();
    cpSync(path.join(KARPENTER, '.github'), path.join(root, '.github'), { recursive: true });
    const karpenter = { ...repository, owner: 'aws', name: 'karpenter-provider-aws' };
    const { findings } = await predictWorkflows({ root, repository: karpenter, policyFiles: [], loadCatalog });
    const over = findings.find((f) => f.id === 'predict:not-read:.github/workflows/e2e.yaml#run-suite:too-many');
    expect(over).toMatchObject({
      status: 'unverified',
      class: 'could-not-verify',
      location: { file: '.github/workflows/e2e.yaml' },
    });
    expect(over?.message).toMatch(/its \d+ combinations of triggers, matrix rows and inputs are more than the 256/);
  });

  it('no policy file gives the role: could-not-verify at the trust, naming the ARN', async () => {
    const root = tempDir();
    cpSync(path.join(PULUMI, '.github'), path.join(root, '.github'), { recursive: true });
    const { findings } = await predictWorkflows({ root, repository, policyFiles: [], loadCatalog });
    expect(findings.map((f) => `${f.status} ${f.decisionPoint} ${f.class}`)).toEqual([
      'unverified sts-trust could-not-verify',
    ]);
    expect(findings[0]?.message).toContain('arn:aws:iam::388588623842:role/ContinuousIntegrationRole');
  });

  it("the role is a secret (pulumi/docs' workflow with its ARN moved to a secret): prediction-unknown at the configuration", async () => {
    const root = pulumiEdited((text) =>
      text.replace(/role-to-assume: .*/, `role-to-assume: ${'$'}{{ secrets.ROLE_ARN }}`),
    );
    const { findings } = await predictWorkflows({ root, repository, policyFiles: [], loadCatalog });
    expect(findings.map((f) => `${f.status} ${f.decisionPoint} ${f.class}`)).toEqual([
      'unverified config prediction-unknown',
    ]);
    expect(findings[0]?.message).toContain('secrets.ROLE_ARN');
  });

  it("the role's provider does not list the token's audience (the e2e provider for `https://github.com/acme` only): audience-not-registered", async () => {
    const root = tempDir();
    cpSync(path.join(PULUMI, '.github'), path.join(root, '.github'), { recursive: true });
    withRoleAndProvider(root, 'get-open-id-connect-provider-github-audience.json');
    const { findings } = await predictWorkflows({ root, repository, policyFiles: ['policies'], loadCatalog });
    const refused = findings.find((f) => f.class === 'audience-not-registered');
    expect(refused?.decisionPoint).toBe('oidc-provider');
    expect(refused?.message).toContain("its token's aud is `sts.amazonaws.com`");
    expect(refused?.message).toContain('job `test-github`');
    writeFile(root, 'policies/oidc-providers/github.json', providerFile('get-open-id-connect-provider.json'));
    const listed = await predictWorkflows({ root, repository, policyFiles: ['policies'], loadCatalog });
    expect(listed.findings.some((f) => f.class === 'audience-not-registered')).toBe(false);
  });

  it("a typo in the step's `audience` that the provider does not list: one 400 at the provider, the trust not reached, no aud proposed for the trust", async () => {
    const root = pulumiEdited((text) =>
      text.replace('aws-region: us-west-2', 'aws-region: us-west-2\n          audience: sts.amazonaws.cn'),
    );
    withRoleAndProvider(root, 'get-open-id-connect-provider.json');
    const { findings } = await predictWorkflows({ root, repository, policyFiles: ['policies'], loadCatalog });
    const aws = findings.filter((f) => f.decisionPoint === 'oidc-provider' || f.decisionPoint === 'sts-trust');
    expect(aws.map((f) => [f.decisionPoint, f.class, f.status, f.wouldReturn])).toEqual([
      ['oidc-provider', 'audience-not-registered', 'fail', 400],
      ['sts-trust', 'could-not-verify', 'unverified', undefined],
    ]);
    expect(aws[0]?.fix).toMatch(/^Set the step's `audience`/);
    expect(aws[1]?.message).toMatch(/^Not reached: STS refuses the token/);
    expect(findings.some((f) => /sts\.amazonaws\.cn` in the condition/.test(f.fix ?? ''))).toBe(false);
  });
});

describe('a job reached through nested reusable workflows is named by its whole chain', () => {
  it("aws/karpenter-provider-aws's e2e-upgrade.yaml `run-suite`, called by e2e-matrix-trigger.yaml `e2e-matrix` → e2e-matrix.yaml `e2e-upgrade`: the trust and the token findings name the same chain", async () => {
    const KARPENTER = fileURLToPath(new URL('../fixtures/workflows/aws__karpenter-provider-aws', import.meta.url));
    const root = tempDir();
    cpSync(path.join(KARPENTER, '.github'), path.join(root, '.github'), { recursive: true });
    const repository = {
      owner: 'aws',
      name: 'karpenter-provider-aws',
      immutableSubject: false,
      subjectTemplate: { keys: 'default' as const, source: 'test' },
    };
    const github = { env: {}, mask: () => undefined, now: () => 0 };
    const { findings } = await predictWorkflows({ root, repository, policyFiles: [], loadCatalog, github });
    const chain =
      'called by `e2e-matrix` in .github/workflows/e2e-matrix-trigger.yaml → `e2e-upgrade` in .github/workflows/e2e-matrix.yaml';
    const nested = findings.filter(
      (f) => f.subject.includes('(.github/workflows/e2e-upgrade.yaml') && f.subject.includes('e2e-matrix-trigger'),
    );
    const token = nested.filter((f) => f.decisionPoint === 'github-token');
    const trust = nested.filter((f) => f.subject.startsWith('the token of'));
    expect(token.length).toBeGreaterThan(0);
    expect(trust.length).toBeGreaterThan(0);
    for (const f of [...token, ...trust])
      expect(f.subject).toContain(`job \`run-suite\` (.github/workflows/e2e-upgrade.yaml, ${chain})`);
    // The direct caller alone (without its file and the jobs above it) names no job any more.
    expect(findings.filter((f) => f.subject.includes('called by `e2e-upgrade`)'))).toEqual([]);
  });
});

// A `workflow_dispatch` choice input, as GitHub's syntax reference writes one
// (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#onworkflow_dispatchinputs), that
// picks the job's environment: one instance per choice, each named by what tells it apart.
describe('instances of one job and trigger', () => {
  it('a dispatch choice of environment: each token finding names its environment in the subject', async () => {
    const { root, options } = rustupRepository();
    rmSync(path.join(root, '.github'), { recursive: true });
    writeFile(root, 'policies/get-role.json', JSON.stringify(rustupGetRole(), null, 2));
    const workflow = [
      'on:',
      '  workflow_dispatch:',
      '    inputs:',
      '      environment:',
      '        type: choice',
      '        options: [dev, stg, production]',
      'permissions:',
      '  id-token: write',
      'jobs:',
      '  deploy:',
      '    runs-on: ubuntu-latest',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, as the file writes it
      '    environment: ${{ inputs.environment }}',
      '    steps:',
      '      - uses: aws-actions/configure-aws-credentials@v4',
      '        with:',
      `          role-to-assume: ${ROLE_ARN}`,
      '          aws-region: us-east-1',
      '',
    ].join('\n');
    writeFile(root, '.github/workflows/deploy.yml', workflow);
    const { findings } = await predictWorkflows(options);
    const trust = findings.filter((f) => f.decisionPoint === 'sts-trust' && f.id.startsWith('predict:'));
    expect(trust.map((f) => f.subject).sort()).toEqual(
      ['dev', 'production', 'stg'].map(
        (env) => `the token of job \`deploy\` (.github/workflows/deploy.yml) in ${env} on workflow_dispatch`,
      ),
    );
  });
});
