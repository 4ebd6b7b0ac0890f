/**
 * Reading a repository's workflow files from disk: the listing of `.github/workflows`, and the reader the model
 * uses for local actions and reusable workflows, with its bounds (workspace, links, size, text).
 */
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listWorkflowFiles, workflowFileReader } from '../../src/sources/workflows.js';
import { readWorkflowModel } from '../../src/workflows/index.js';
import { removeTempDirs, tempDir, writeFile, writeFiles } from '../fixtures/temp-files.js';

afterAll(removeTempDirs);

const DEPLOY = `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: ./.github/actions/assume
`;

describe('listWorkflowFiles', () => {
  it('lists .yml and .yaml files of .github/workflows in name order, not its subfolders or other files', async () => {
    // GitHub reads workflows from .github/workflows only, not its subfolders:
    // https://docs.github.com/en/actions/writing-workflows/about-workflows#about-workflows
    const root = writeFiles(tempDir(), {
      '.github/workflows/b.yaml': 'on: push',
      '.github/workflows/a.yml': 'on: push',
      '.github/workflows/README.md': '# not a workflow',
      '.github/workflows/nested/c.yml': 'on: push',
    });
    expect(await listWorkflowFiles(root)).toEqual({
      paths: ['.github/workflows/a.yml', '.github/workflows/b.yaml'],
      skipped: [],
    });
  });

  it('a repository without workflows lists none; files over the count bound are named, not read', async () => {
    expect(await listWorkflowFiles(tempDir())).toEqual({ paths: [], skipped: [] });
    const root = writeFiles(tempDir(), { '.github/workflows/a.yml': '', '.github/workflows/b.yml': '' });
    expect(await listWorkflowFiles(root, { files: 1, fileBytes: 1024 })).toEqual({
      paths: ['.github/workflows/a.yml'],
      skipped: ['.github/workflows/b.yml'],
    });
  });

  it('refuses a workflows folder that is a link out of the workspace', async () => {
    const outside = writeFiles(tempDir(), { 'a.yml': 'on: push' });
    const root = tempDir();
    mkdirSync(path.join(root, '.github'));
    symlinkSync(outside, path.join(root, '.github', 'workflows'));
    const listing = await listWorkflowFiles(root);
    expect(listing.paths).toEqual([]);
    expect(listing.error).toMatch(/symbolic link that leads outside the workspace/);
  });
});

describe('workflowFileReader', () => {
  it('reads a local action for the model, which expands it', async () => {
    const root = writeFiles(tempDir(), {
      '.github/workflows/deploy.yml': DEPLOY,
      '.github/actions/assume/action.yml': `name: assume
description: assumes the deploy role
runs:
  using: composite
  steps:
    - uses: aws-actions/configure-aws-credentials@v4
      with:
        role-to-assume: arn:aws:iam::111122223333:role/deploy
        aws-region: us-east-1
`,
    });
    const model = await readWorkflowModel({
      workflowPaths: (await listWorkflowFiles(root)).paths,
      read: workflowFileReader(root),
    });
    expect(model.errors).toEqual([]);
    const step = model.jobs[0]?.instances[0]?.credentialSteps[0];
    expect(step?.via).toMatchObject([{ uses: './.github/actions/assume', file: '.github/actions/assume/action.yml' }]);
  });

  it('refuses a linked action that leads out of the workspace, a path with `..`, a file over the size bound', async () => {
    const outside = writeFiles(tempDir(), {
      'action.yml': 'name: x\ndescription: y\nruns:\n  using: composite\n  steps: []\n',
    });
    const root = writeFiles(tempDir(), { '.github/workflows/deploy.yml': DEPLOY, 'big.yml': 'x'.repeat(2048) });
    mkdirSync(path.join(root, '.github', 'actions'), { recursive: true });
    symlinkSync(outside, path.join(root, '.github', 'actions', 'assume'));
    const read = workflowFileReader(root, { files: 10, fileBytes: 1024 });
    expect(await read('.github/actions/assume/action.yml')).toMatchObject({
      refused: expect.stringMatching(/outside the workspace/),
    });
    expect(await read('../etc/passwd')).toEqual({ refused: 'is not a path inside the repository' });
    expect(await read('big.yml')).toMatchObject({ refused: expect.stringMatching(/larger than/) });
    expect(await read('missing.yml')).toBeUndefined();
    const model = await readWorkflowModel({ workflowPaths: ['.github/workflows/deploy.yml'], read });
    expect(model.errors).toMatchObject([
      { code: 'refused', position: { file: '.github/workflows/deploy.yml', line: 6, column: 15 } },
    ]);
  });

  it('refuses a file that is not text', async () => {
    const root = tempDir();
    writeFile(root, 'bin.yml', Buffer.from([0xff, 0xff, 0x00, 0xc3, 0x28]));
    expect(await workflowFileReader(root)('bin.yml')).toMatchObject({ refused: expect.stringMatching(/^is not text/) });
  });
});
