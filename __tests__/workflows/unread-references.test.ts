// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` here is GitHub's expression syntax, as written in a workflow, not JS.
/**
 * A step that uses a local action the repository as read does not hold, or one GitHub would refuse to load, makes
 * its job unverified by name: GitHub looks for `./path` in the workspace when the step runs
 * (https://docs.github.com/en/actions/how-tos/write-workflows/choose-what-workflows-do/find-and-customize-actions#adding-an-action-from-the-same-repository)
 * and validates the action's metadata then (https://docs.github.com/en/actions/reference/workflows-and-actions/metadata-syntax),
 * so the step fails and the job's steps past it are not known; where an earlier checkout of the job writes that path
 * (actions/checkout `path:`), the action comes from that checkout, which is not read: the job is unverified without
 * saying the step fails (smithy-lang/smithy-rs, bench/workflows/smithy-lang__smithy-rs). A job that calls a local reusable workflow not in the
 * repository as read makes GitHub refuse its whole file ("error parsing called workflow",
 * https://docs.github.com/en/actions/sharing-automations/reusing-workflows#calling-a-reusable-workflow): none of its
 * jobs passes. Real workflows of navapbc/template-infra
 * (__tests__/fixtures/workflows/navapbc__template-infra, each file names its source).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { predictWorkflows } from '../../src/pipeline/workflows.js';
import { loadCatalog } from '../../src/sources/catalog.js';
import { readWorkflowModel } from '../../src/workflows/index.js';
import { removeTempDirs, tempDir, writeFile } from '../fixtures/temp-files.js';
import { fixtureModel, fixtureRoot } from './fixture-repo.js';

afterAll(removeTempDirs);

const REPO = 'navapbc__template-infra';
const CI = '.github/workflows/template-only-ci-infra.yml';
const STATUS = '.github/workflows/check-infra-deploy-status.yml';
const CREDENTIALS = '.github/actions/configure-aws-credentials/action.yml';
const NOTIFY = '.github/workflows/send-system-notification.yml';
const repository = {
  owner: 'navapbc',
  name: 'template-infra',
  immutableSubject: false,
  subjectTemplate: { keys: 'default' as const, source: 'test' },
};

/** The repository's files, with its configure-aws-credentials action's `uses:` step given a `shell:` (refused). */
function withRefusedAction(): Record<string, string> {
  const root = fixtureRoot(REPO);
  const files = Object.fromEntries(
    [STATUS, CREDENTIALS, '.github/actions/setup-terraform/action.yml', NOTIFY].map((p) => [
      p,
      readFileSync(path.join(root, p), 'utf8'),
    ]),
  );
  const action = files[CREDENTIALS] ?? '';
  files[CREDENTIALS] = action.replace(
    '      uses: aws-actions/configure-aws-credentials@v6\n',
    '      uses: aws-actions/configure-aws-credentials@v6\n      shell: bash\n',
  );
  expect(files[CREDENTIALS]).not.toBe(action);
  return files;
}

describe('a local action not found in the repository as read', () => {
  it("template-only-ci-infra.yml's job `test` checks the repository out under template-infra/ and uses ./template-infra/.github/actions/setup-terraform from there: that job is unverified by name, without saying the step fails, the file's other job read", async () => {
    const model = await fixtureModel(REPO, { only: [CI], repository: 'navapbc/template-infra' });
    const test = model.jobs.find((j) => j.id === 'test');
    expect(test?.stepsUnread).toMatchObject({
      kind: 'checked-out',
      uses: './template-infra/.github/actions/setup-terraform',
      checkout: { path: 'template-infra', position: { file: CI, line: 41 } },
      position: { file: CI, line: 44 },
    });
    expect(test?.instances).toEqual([]);
    expect(model.jobs.find((j) => j.id === 'lint')?.stepsUnread).toBeUndefined();
    // Not an error of the file ("fix the file" would be wrong: the file is valid).
    expect(model.errors.filter((e) => e.message.includes('setup-terraform'))).toEqual([]);

    const { findings } = await predictWorkflows({ root: fixtureRoot(REPO), repository, policyFiles: [], loadCatalog });
    const job = findings.find((f) => f.id === `predict:not-read:${CI}#test:local-action`);
    expect(job).toMatchObject({
      status: 'unverified',
      subject: `job \`test\` (${CI})`,
      location: { file: CI, line: 44 },
    });
    expect(job?.message).toContain(`comes from the checkout into \`template-infra\` (${CI}:41: this repository)`);
    expect(job?.message).not.toContain('GitHub fails that step');
    expect(job?.fix).not.toContain('without `path:`');
    expect(findings.filter((f) => f.fix?.includes('Fix the file'))).toEqual([]);
  });

  it("smithy-lang/smithy-rs's pull-request-bot.yml checks the repository out at the pull request's head into smithy-rs/ and uses its docker-build action from there: the finding names that checkout and ref", async () => {
    const file = '.github/workflows/pull-request-bot.yml';
    const model = await fixtureModel('bench:smithy-lang__smithy-rs', { only: [file] });
    const diff = model.jobs.find((j) => j.id === 'generate-diff')?.stepsUnread;
    expect(diff).toMatchObject({
      kind: 'checked-out',
      uses: './smithy-rs/.github/actions/docker-build',
      checkout: { path: 'smithy-rs', ref: '${{ inputs.head_revision }}' },
    });
    expect(diff?.reason).toContain('this repository at ref `${{ inputs.head_revision }}`');
  });

  it('the same job with its checkout at the workspace root: the action is not there, and GitHub fails the step', async () => {
    const root = tempDir();
    const text = readFileSync(path.join(fixtureRoot(REPO), CI), 'utf8');
    const atRoot = text.replace('        with:\n          path: template-infra\n', '');
    expect(atRoot).not.toBe(text);
    writeFile(root, CI, atRoot);
    const { findings } = await predictWorkflows({ root, repository, policyFiles: [], loadCatalog });
    const job = findings.find((f) => f.id === `predict:not-read:${CI}#test:local-action`);
    expect(job?.message).toContain('was not found in the repository as read');
    expect(job?.message).toContain('GitHub fails that step');
  });
});

describe('a local action GitHub would refuse to load', () => {
  it("check-infra-deploy-status.yml's job `check`, whose configure-aws-credentials action gives its `uses:` step a `shell:`: the job is unverified by name, none of its role's checks passes", async () => {
    const files = withRefusedAction();
    const model = await readWorkflowModel({
      workflowPaths: [STATUS],
      read: (p) => files[p],
      repository: 'navapbc/template-infra',
    });
    const check = model.jobs.find((j) => j.id === 'check');
    expect(check?.stepsUnread).toMatchObject({ kind: 'invalid', uses: './.github/actions/configure-aws-credentials' });
    expect(check?.stepsUnread?.reason).toContain("Unexpected value 'shell'");
    expect(check?.instances).toEqual([]);

    const root = tempDir();
    for (const [p, text] of Object.entries(files)) writeFile(root, p, text);
    const { findings } = await predictWorkflows({ root, repository, policyFiles: [], loadCatalog });
    const named = findings.filter((f) => f.subject.includes('job `check`'));
    expect(
      named.some((f) => f.id === `predict:not-read:${STATUS}#check:local-action` && f.status === 'unverified'),
    ).toBe(true);
    expect(named.filter((f) => f.status === 'pass')).toEqual([]);
    // The action file's own error says what its refusal does: no "its jobs" of an action.
    const own = findings.find((f) => f.location?.file === CREDENTIALS);
    expect(own?.fix).not.toContain('its jobs are not checked');
  });

  it('the same job with the action as written is read and deploys', async () => {
    const model = await fixtureModel(REPO, { only: [STATUS], repository: 'navapbc/template-infra' });
    const check = model.jobs.find((j) => j.id === 'check');
    expect(check?.stepsUnread).toBeUndefined();
    expect(check?.deploy).toBe(true);
  });
});

describe('a job that calls a local reusable workflow not in the repository as read', () => {
  it('check-infra-deploy-status.yml without send-system-notification.yml, which its job `notify` calls: GitHub refuses the whole file, so none of its jobs passes, and the finding names the missing workflow', async () => {
    const root = fixtureRoot(REPO);
    const files = Object.fromEntries(
      [STATUS, CREDENTIALS, '.github/actions/setup-terraform/action.yml'].map((p) => [
        p,
        readFileSync(path.join(root, p), 'utf8'),
      ]),
    );
    const model = await readWorkflowModel({
      workflowPaths: [STATUS],
      read: (p) => files[p],
      repository: 'navapbc/template-infra',
    });
    expect(model.jobs.filter((j) => j.file === STATUS)).toEqual([]);
    expect(model.refused).toMatchObject([
      {
        file: STATUS,
        jobIds: ['collect-configs', 'check', 'notify'],
        jobId: 'notify',
        uses: './.github/workflows/send-system-notification.yml',
        position: { file: STATUS, line: 82 },
      },
    ]);
    expect(model.errors).toEqual([]);

    const dir = tempDir();
    for (const [p, text] of Object.entries(files)) writeFile(dir, p, text);
    const { findings } = await predictWorkflows({ root: dir, repository, policyFiles: [], loadCatalog });
    const refused = findings.find((f) => f.id === `predict:not-read:${STATUS}:refused-call`);
    expect(refused?.status).toBe('unverified');
    expect(refused?.message).toContain(
      'its job `notify` calls ./.github/workflows/send-system-notification.yml, and .github/workflows/send-system-notification.yml is not found in the repository as read',
    );
    expect(refused?.message).toContain('(`collect-configs`, `check`, `notify`)');
    expect(refused?.fix).not.toContain('Fix the file');
    expect(findings.filter((f) => f.status === 'pass')).toEqual([]);
  });

  it('nested: a workflow that calls one refused in turn is refused too (GitHub parses the whole chain with the caller)', async () => {
    const root = fixtureRoot(REPO);
    const status = readFileSync(path.join(root, STATUS), 'utf8');
    const caller = 'on:\n  push:\njobs:\n  status:\n    uses: ./.github/workflows/check-infra-deploy-status.yml\n';
    const files: Record<string, string> = {
      '.github/workflows/caller.yml': caller,
      [STATUS]: status,
    };
    const model = await readWorkflowModel({ workflowPaths: ['.github/workflows/caller.yml'], read: (p) => files[p] });
    expect(model.refused?.map((r) => [r.file, r.jobId])).toEqual([
      [STATUS, 'notify'],
      ['.github/workflows/caller.yml', 'status'],
    ]);
    expect(model.jobs).toEqual([]);
  });
});
