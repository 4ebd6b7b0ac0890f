/**
 * The task definition file an Amazon ECS deploy registers (src/workflows/calls/task-definition.ts): the roles it names
 * are passed to ECS, so the deploy needs iam:PassRole on each
 * (https://github.com/aws-actions/amazon-ecs-deploy-task-definition#permissions). Over GitHub's starter workflow for
 * ECS as a public repository uses it, with that repository's task definition file
 * (__tests__/fixtures/workflows-calls/AbdElRhmanArafa__aws-ecs-github-actions-deployment.yml and
 * ecs/AbdElRhmanArafa__task-definition.json).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/catalog/index.js';
import { loadCatalog } from '../../src/sources/catalog.js';
import { inferStepsCalls, type StepCalls } from '../../src/workflows/calls/index.js';
import {
  fileChangedBy,
  parseTaskDefinition,
  renderedFiles,
  type TaskDefinitionFile,
  taskDefinitionPath,
} from '../../src/workflows/calls/task-definition.js';
import { readWorkflowModel, type WorkflowStep } from '../../src/workflows/index.js';

const W = '.github/workflows/aws.yml';
const fixture = (name: string) => readFileSync(new URL(`../fixtures/workflows-calls/${name}`, import.meta.url), 'utf8');
const WORKFLOW = fixture('AbdElRhmanArafa__aws-ecs-github-actions-deployment.yml');
const TASK_DEFINITION = fixture('ecs/AbdElRhmanArafa__task-definition.json');
const PATH = '.aws/task-definition.json';

let catalog: Catalog;
let steps: WorkflowStep[];
let all: readonly WorkflowStep[];
beforeAll(async () => {
  catalog = await loadCatalog();
  const model = await readWorkflowModel({
    workflowPaths: [W],
    read: (p) => (p === W ? WORKFLOW : undefined),
    repository: 'AbdElRhmanArafa/aws-ecs-github-actions-deployment',
    defaultBranch: 'main',
  });
  const instance = model.jobs[0]?.instances[0];
  if (instance === undefined) throw new Error(`no instance: ${JSON.stringify(model.errors)}`);
  const from = instance.credentialSteps[0]?.index ?? 0;
  steps = instance.steps.filter((s) => s.index > from);
  all = instance.steps;
});

const calls = (taskDefinitions?: ReadonlyMap<string, TaskDefinitionFile>): StepCalls =>
  inferStepsCalls(steps, catalog, {
    region: 'us-east-1',
    account: '283487706052',
    ...(taskDefinitions ? { taskDefinitions } : {}),
    rendered: renderedFiles(all),
  });
const passRoles = (c: StepCalls) => c.permissions.filter((p) => p.line.startsWith('iam:PassRole'));

describe('the task definition file, read', () => {
  it('gives the roles it names and whether it is tagged', () => {
    expect(parseTaskDefinition(TASK_DEFINITION)).toEqual({
      kind: 'read',
      roles: [
        { field: 'taskRoleArn', value: 'arn:aws:iam::283487706052:role/LabRole' },
        { field: 'executionRoleArn', value: 'arn:aws:iam::283487706052:role/LabRole' },
      ],
      tagged: false,
      json: true,
    });
  });

  it('is unread, with why, when it is not a task definition or a role is not a string', () => {
    expect(parseTaskDefinition('{"family": ').kind).toBe('unread');
    expect(parseTaskDefinition('[1]')).toEqual({
      kind: 'unread',
      why: 'it does not hold a task definition (an object)',
    });
    expect(parseTaskDefinition('{"taskRoleArn": {"Ref": "TaskRole"}}')).toEqual({
      kind: 'unread',
      why: 'its taskRoleArn is not a string',
    });
  });

  it('is named by a path inside the workspace only', () => {
    const step = (file: string) => ({
      uses: { kind: 'known' as const, value: 'aws-actions/amazon-ecs-deploy-task-definition@v2', position: P },
      with: { 'task-definition': { kind: 'known' as const, value: file, position: P } },
      position: P,
    });
    expect(taskDefinitionPath(step('./.aws/task-definition.json'))).toBe(PATH);
    expect(taskDefinitionPath(step('deploy/../.aws/td.json'))).toBe('.aws/td.json');
    expect(taskDefinitionPath(step('../other/td.json'))).toBeUndefined();
    expect(taskDefinitionPath(step('/home/runner/td.json'))).toBeUndefined();
  });
});

const P = { file: W, line: 1, column: 1 };

describe('the ECS starter workflow: render the file, deploy the render', () => {
  it('passes each role of the file the render step read, to ECS tasks', () => {
    const found = passRoles(calls(new Map([[PATH, parseTaskDefinition(TASK_DEFINITION)]])));
    expect(found.map((p) => p.line)).toEqual(['iam:PassRole arn:aws:iam::283487706052:role/LabRole']);
    expect(found[0]?.permission.context).toEqual({ 'iam:PassedToService': 'ecs-tasks.amazonaws.com' });
    expect(found[0]?.unknown).toEqual([]);
  });

  it('leaves the roles unknown, saying why, when the file was not read', () => {
    const unread = passRoles(calls());
    expect(unread).toHaveLength(1);
    expect(unread[0]?.line).toBe('iam:PassRole arn:aws:iam::283487706052:role/*');
    expect(unread[0]?.notes.join(' ')).toContain(`the task definition file ${PATH} was not read`);
    const missing = passRoles(calls(new Map([[PATH, { kind: 'unread', why: 'it is not in the repository' }]])));
    expect(missing[0]?.notes.join(' ')).toContain('was not read: it is not in the repository');
  });

  it('builds the ARN of a role named by its name, and asks for ecs:TagResource for a tagged file', () => {
    const named = parseTaskDefinition(
      JSON.stringify({ ...JSON.parse(TASK_DEFINITION), taskRoleArn: 'web-task', tags: [{ key: 'team', value: 'a' }] }),
    );
    const found = calls(new Map([[PATH, named]])).permissions;
    const lines = found.map((p) => p.line);
    expect(lines).toContain('iam:PassRole arn:aws:iam::283487706052:role/web-task');
    const tag = found.find((p) => p.action === 'ecs:TagResource');
    expect(tag?.resource).toMatch(/^arn:aws:ecs:us-east-1:283487706052:task-definition\//);
    expect(tag?.permission.context).toEqual({ 'ecs:CreateAction': 'RegisterTaskDefinition' });
  });
});

describe('a file the job may change, render before the credentials, and a file not read', () => {
  const run = (script: string, line: number) => ({
    with: {},
    run: { script, line, position: { file: W, line, column: 1 } },
    position: { file: W, line, column: 1 },
  });
  const checkout = (inputs: Record<string, string>) => ({
    uses: { kind: 'known' as const, value: 'actions/checkout@v4', position: P },
    with: Object.fromEntries(
      Object.entries(inputs).map(([k, v]) => [k, { kind: 'known' as const, value: v, position: P }]),
    ),
    position: P,
  });

  // The download step many public ECS workflows put before the render: the file then holds what ECS has, not the
  // committed roles.
  it('a script that names the file, or a checkout elsewhere, makes the committed file say nothing sure', () => {
    const download = run(
      'aws ecs describe-task-definition \\\n  --task-definition web \\\n  --query taskDefinition > task-definition.json\n',
      12,
    );
    expect(fileChangedBy([download], 'task-definition.json')).toBe(
      `a script of the job names it, its folder or its rendering, and may change it (${W}:12)`,
    );
    expect(fileChangedBy([checkout({ path: 'src' })], PATH)).toContain('checks out into another path');
    expect(fileChangedBy([checkout({}), run('docker build .', 3)], PATH)).toBeUndefined();
    // Its folder written whole, the work tree moved by git, files brought by an artifact, its rendering edited.
    expect(fileChangedBy([run('cp -r deploy/prod/. .aws/', 4)], PATH)).toContain('its folder');
    expect(fileChangedBy([run('git checkout origin/release -- deploy', 5)], PATH)).toContain('rewrites files');
    const artifact = {
      uses: { kind: 'known' as const, value: 'actions/download-artifact@v4', position: P },
      with: {},
      position: P,
    };
    expect(fileChangedBy([artifact], PATH)).toContain('brings files into the workspace');
    const edit = run(`sed -i 's#role/app#role/admin#' "\${{ steps.task-def.outputs.task-definition }}"`, 6);
    expect(fileChangedBy([edit], PATH, ['task-def'])).toContain('its rendering');
  });

  it('links the deploy to a render step that runs before the credentials step', () => {
    const deployOnly = steps.filter((s) => s.uses?.kind === 'known' && String(s.uses.value).includes('deploy-task'));
    const found = inferStepsCalls(deployOnly, catalog, {
      region: 'us-east-1',
      account: '283487706052',
      taskDefinitions: new Map([[PATH, parseTaskDefinition(TASK_DEFINITION)]]),
      rendered: renderedFiles(all),
    });
    expect(passRoles(found).map((p) => p.line)).toEqual(['iam:PassRole arn:aws:iam::283487706052:role/LabRole']);
  });

  it('a file not read leaves its tags unknown, asking for ecs:TagResource if it has any, never silent', () => {
    const found = calls(new Map([[PATH, { kind: 'unread', why: 'it leads outside the workspace' }]]));
    const tags = found.notInferred.filter((n) => n.reason.includes('ecs:TagResource'));
    expect(tags).toHaveLength(1);
    expect(tags[0]?.reason).toContain(`the task definition file ${PATH} was not read: it leads outside the workspace`);
  });

  it('a role written as a template is not taken for a role', () => {
    const templated = JSON.stringify({ ...JSON.parse(TASK_DEFINITION), taskRoleArn: '{{ task_role }}' });
    expect(parseTaskDefinition(templated)).toEqual({
      kind: 'unread',
      why: "its taskRoleArn `{{ task_role }}` is not a role's ARN or name (a template?)",
    });
  });

  // github.com/aws-actions/amazon-ecs-render-task-definition index.js (138c24f): `taskDefContents = require(taskDefPath)`.
  it('a file the render step reads must be JSON: YAML there fails the render, so its roles are not taken', () => {
    const yaml = 'family: web\ntaskRoleArn: arn:aws:iam::283487706052:role/LabRole\n';
    const parsed = parseTaskDefinition(yaml);
    expect(parsed).toMatchObject({ kind: 'read', json: false });
    const found = passRoles(calls(new Map([[PATH, parsed]])));
    expect(found.map((p) => p.line)).toEqual(['iam:PassRole arn:aws:iam::283487706052:role/*']);
    expect(found[0]?.notes.join(' ')).toContain('loads with require(), so that step fails');
  });
});
