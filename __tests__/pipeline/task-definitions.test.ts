/**
 * The task definition files of the ECS deploys, read from the workspace by the workflows' reader
 * (src/pipeline/task-definitions.ts): inside the repository only, never through a link out of it. Over GitHub's
 * starter workflow for ECS as AbdElRhmanArafa/aws-ecs-github-actions-deployment uses it, with its task definition
 * (__tests__/fixtures/workflows-calls/).
 */
import { readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { changedFiles, readTaskDefinitions } from '../../src/pipeline/task-definitions.js';
import { workflowFileReader } from '../../src/sources/workflows.js';
import { readWorkflowModel } from '../../src/workflows/index.js';
import { removeTempDirs, tempDir, writeFile } from '../fixtures/temp-files.js';

afterAll(removeTempDirs);

const W = '.github/workflows/aws.yml';
const fixture = (name: string) => readFileSync(new URL(`../fixtures/workflows-calls/${name}`, import.meta.url), 'utf8');

async function read(root: string) {
  const reader = workflowFileReader(root);
  const model = await readWorkflowModel({ workflowPaths: [W], read: reader, repository: 'o/r', defaultBranch: 'main' });
  return readTaskDefinitions(
    model.jobs.flatMap((j) => j.instances.map((i) => i.steps)),
    reader,
  );
}

describe('readTaskDefinitions', () => {
  it('reads the file the render step names, once', async () => {
    const root = tempDir();
    writeFile(root, W, fixture('AbdElRhmanArafa__aws-ecs-github-actions-deployment.yml'));
    writeFile(root, '.aws/task-definition.json', fixture('ecs/AbdElRhmanArafa__task-definition.json'));
    const files = await read(root);
    expect([...files.keys()]).toEqual(['.aws/task-definition.json']);
    expect(files.get('.aws/task-definition.json')).toMatchObject({ kind: 'read', tagged: false });
  });

  it('says the file is missing, or refused through a link out of the repository', async () => {
    const root = tempDir();
    writeFile(root, W, fixture('AbdElRhmanArafa__aws-ecs-github-actions-deployment.yml'));
    expect((await read(root)).get('.aws/task-definition.json')).toEqual({
      kind: 'unread',
      why: 'it is not in the repository',
    });
    const outside = tempDir();
    writeFile(outside, 'td.json', fixture('ecs/AbdElRhmanArafa__task-definition.json'));
    writeFile(root, '.aws/.keep', '');
    symlinkSync(path.join(outside, 'td.json'), path.join(root, '.aws/task-definition.json'));
    const refused = (await read(root)).get('.aws/task-definition.json');
    expect(refused?.kind).toBe('unread');
  });

  // The fixture with the download step many public ECS workflows put before the render (`aws ecs
  // describe-task-definition … --query taskDefinition > file`): the committed file is not what is deployed.
  it('a file a step of the job names is not taken as committed, naming the step; per job', async () => {
    const workflow = fixture('AbdElRhmanArafa__aws-ecs-github-actions-deployment.yml').replace(
      '    - name: Fill in the new image ID in the Amazon ECS task definition',
      [
        '    - name: Download task definition',
        '      run: aws ecs describe-task-definition --task-definition web --query taskDefinition > .aws/task-definition.json',
        '',
        '    - name: Fill in the new image ID in the Amazon ECS task definition',
      ].join('\n'),
    );
    const model = await readWorkflowModel({
      workflowPaths: [W],
      read: (p) => (p === W ? workflow : undefined),
      repository: 'o/r',
      defaultBranch: 'main',
    });
    const steps = model.jobs[0]?.instances[0]?.steps ?? [];
    expect(changedFiles(steps).get('.aws/task-definition.json')).toMatch(
      /^a script of the job names it, its folder or its rendering, and may change it \(\.github\/workflows\/aws\.yml:\d+\)$/,
    );
    // The fixture as published changes nothing of it.
    const published = await readWorkflowModel({
      workflowPaths: [W],
      read: (p) => (p === W ? fixture('AbdElRhmanArafa__aws-ecs-github-actions-deployment.yml') : undefined),
      repository: 'o/r',
      defaultBranch: 'main',
    });
    expect(changedFiles(published.jobs[0]?.instances[0]?.steps ?? []).size).toBe(0);
  });
});
