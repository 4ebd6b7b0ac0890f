// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` here is GitHub's expression syntax, as written in a workflow, not JS.
/**
 * The workflow model built from real public workflows (`__tests__/fixtures/workflows/<owner>__<repo>/`, each file
 * naming its source in its first line), read through the real source (`src/sources/workflows.ts`).
 */
import { describe, expect, it } from 'vitest';
import type { JobInstance, WorkflowJob, WorkflowModel, WorkflowStep } from '../../src/workflows/index.js';
import { fixtureModel } from './fixture-repo.js';

function job(model: WorkflowModel, file: string, id: string): WorkflowJob {
  const found = model.jobs.find((j) => j.file === file && j.id === id);
  if (!found) throw new Error(`no job ${file}#${id}: ${model.jobs.map((j) => `${j.file}#${j.id}`).join(', ')}`);
  return found;
}

function known(step: WorkflowStep | undefined, field: 'roleToAssume' | 'awsRegion' | 'roleSessionName'): unknown {
  const credential = step?.credential;
  if (credential?.kind !== 'configure-aws-credentials') return undefined;
  const value = credential.settings[field];
  return value?.kind === 'known' ? value.value : value ? { unknown: value.reason } : undefined;
}

function triggerName(i: JobInstance): string {
  const t = i.trigger;
  return [t.eventName, ...(t.branches ?? []), ...(t.tags ?? [])].join(':');
}

describe('rust-lang/rustup: steps and jobs decided per trigger', () => {
  const file = '.github/workflows/ci.yaml';
  let model: Promise<WorkflowModel> | undefined;
  const read = () => {
    model ??= fixtureModel('rust-lang__rustup', { repository: 'rust-lang/rustup', defaultBranch: 'main' });
    return model;
  };

  it('splits push into one trigger per branch pattern, each at its `on:` position', async () => {
    const model = await read();
    const triggers = model.files[0]?.triggers ?? [];
    expect(triggers.map((t) => [t.eventName, t.branches ?? null])).toEqual([
      ['merge_group', null],
      ['pull_request', ['**']],
      ['push', ['main']],
      ['push', ['release/*']],
      ['push', ['stable']],
      ['workflow_dispatch', null],
      ['schedule', null],
    ]);
    expect(triggers.find((t) => t.eventName === 'push')?.position).toEqual({ file, line: 12, column: 3 });
    expect(triggers.find((t) => t.eventName === 'schedule')?.cron).toEqual(['30 0 * * 1,3,5']);
  });

  it('a credential step guarded by `github.event_name == push && github.ref == main` runs only there', async () => {
    const main = job(await read(), file, 'build-windows-main');
    expect(main.deploy).toBe(true);
    const byTrigger = new Map<string, Set<string>>();
    for (const instance of main.instances) {
      const step = instance.credentialSteps[0];
      const key = triggerName(instance);
      const kinds = byTrigger.get(key) ?? new Set<string>();
      kinds.add(`${instance.runs.kind}/${step?.runs.kind}/${instance.matrix.mode}`);
      byTrigger.set(key, kinds);
    }
    // The job's own `if:` reads `github.ref_name`: main and stable are decided, a `release/*` branch is not.
    expect([...(byTrigger.get('push:main') ?? [])].sort()).toEqual(['always/always/release', 'always/never/dev']);
    expect([...(byTrigger.get('push:stable') ?? [])]).toEqual(['never/never/dev', 'never/always/release']);
    expect([...(byTrigger.get('schedule') ?? [])].every((k) => k.startsWith('never/never'))).toBe(true);
    expect([...(byTrigger.get('pull_request:**') ?? [])].every((k) => k.startsWith('never/never'))).toBe(true);
    expect(main.permissions).toEqual({
      value: { 'id-token': 'write', contents: 'read' },
      position: { file, line: 231, column: 7 },
    });
    expect(main.workflowPermissions).toBeUndefined();
    const release = main.instances.find((i) => triggerName(i) === 'push:release/*');
    expect(release?.runs).toMatchObject({ kind: 'unknown', reason: 'github.ref_name' });
  });

  it('keeps the role and region with their file, line and column', async () => {
    const main = job(await read(), file, 'build-windows-main');
    const step = main.instances.find((i) => i.matrix.mode === 'release')?.credentialSteps[0];
    const credential = step?.credential;
    expect(credential?.kind).toBe('configure-aws-credentials');
    if (credential?.kind !== 'configure-aws-credentials') return;
    expect(credential.settings.roleToAssume).toEqual({
      kind: 'known',
      value: 'arn:aws:iam::890664054962:role/ci--rust-lang--rustup',
      position: { file, line: 408, column: 27 },
    });
    expect(credential.settings.awsRegion?.position).toEqual({ file, line: 409, column: 23 });
    expect(step?.uses).toMatchObject({ value: 'aws-actions/configure-aws-credentials@v6' });
  });

  it('a job over the instance limit is reported as too many, not listed in part', async () => {
    const stable = job(await read(), file, 'build-linux-stable');
    expect(stable.instances).toEqual([]);
    expect(stable.tooMany).toEqual({ count: 378, limit: 256 });
    expect(stable.deploy).toBe(true);
  });
});

describe('alphagov/govuk-infrastructure: a scheduled mirror', () => {
  it('evaluates `${{ env.AWS_REGION }}` from the workflow env and keeps every setting with its position', async () => {
    const model = await fixtureModel('alphagov__govuk-infrastructure');
    const file = '.github/workflows/mirror-repos.yml';
    const mirror = job(model, file, 'mirror-repos');
    expect(mirror.instances.map(triggerName)).toEqual(['schedule', 'workflow_dispatch']);
    const step = mirror.instances[0]?.credentialSteps[0];
    const credential = step?.credential;
    if (credential?.kind !== 'configure-aws-credentials') throw new Error('no credential step');
    expect(credential.settings.awsRegion).toEqual({
      kind: 'known',
      value: 'eu-west-2',
      expression: '${{ env.AWS_REGION }}',
      position: { file, line: 25, column: 23 },
    });
    expect(credential.settings.roleSessionName).toMatchObject({
      value: 'GitHubActionMirrorRepos',
      position: { line: 26 },
    });
    // `with:` values are strings to the runner (the workflow schema reads them so), numbers included.
    expect(credential.settings.roleDurationSeconds).toMatchObject({ value: '10800', position: { line: 27 } });
    expect(step?.uses).toMatchObject({
      value: 'aws-actions/configure-aws-credentials@e6de054238d6b7531b4efff3b6587d9aade6a06c',
    });
    expect(model.files[0]?.permissions).toEqual({
      value: { 'id-token': 'write', contents: 'read' },
      position: { file, line: 13, column: 3 },
    });
  });
});

describe('pulumi/docs: a push to one branch', () => {
  it('has one instance whose trigger names the branch', async () => {
    const model = await fixtureModel('pulumi__docs');
    const only = job(model, '.github/workflows/test-github-oidc.yml', 'test-github');
    expect(only.instances).toHaveLength(1);
    expect(only.instances[0]?.trigger.branches).toEqual(['kmosher/test-github-oidc']);
    expect(known(only.instances[0]?.credentialSteps[0], 'roleToAssume')).toBe(
      'arn:aws:iam::388588623842:role/ContinuousIntegrationRole',
    );
  });
});

describe('awslabs/mountpoint-s3: a reusable workflow with the environment passed down', () => {
  const only = ['.github/workflows/integration_main.yml', '.github/workflows/integration_pr.yml'];

  it('the called job takes the environment its caller passes, per trigger', async () => {
    const model = await fixtureModel('awslabs__mountpoint-s3', { only });
    const approval = job(model, '.github/workflows/integration.yml', 'approval');
    const pr = approval.instances.find((i) => i.trigger.event === 'pull_request_target');
    expect(pr?.environment?.name).toMatchObject({ kind: 'known', value: 'PR integration tests' });
    expect(pr?.trigger.callers).toEqual([
      {
        file: '.github/workflows/integration_pr.yml',
        jobId: 'integration',
        position: { file: '.github/workflows/integration_pr.yml', line: 14, column: 11 },
      },
    ]);
    expect(pr?.workflow).toBe('.github/workflows/integration_pr.yml');
  });

  it('a role from `vars` is unknown unless the caller gives it, and a run step fetching the token is found', async () => {
    const unknownVars = await fixtureModel('awslabs__mountpoint-s3', { only });
    const client = job(unknownVars, '.github/workflows/integration.yml', 'client-test');
    const steps = client.instances[0]?.credentialSteps ?? [];
    expect(steps[0]?.credential).toMatchObject({
      kind: 'configure-aws-credentials',
      settings: {
        roleToAssume: { kind: 'unknown', expression: '${{ vars.ACTIONS_IAM_ROLE }}', reason: 'vars.ACTIONS_IAM_ROLE' },
      },
    });
    expect(steps[1]?.credential).toMatchObject({ kind: 'oidc-token', evidence: 'run: ACTIONS_ID_TOKEN_REQUEST_TOKEN' });
    const given = await fixtureModel('awslabs__mountpoint-s3', {
      only,
      vars: { ACTIONS_IAM_ROLE: 'arn:aws:iam::111122223333:role/ci', S3_REGION: 'eu-north-1' },
    });
    const first = job(given, '.github/workflows/integration.yml', 'client-test').instances[0]?.credentialSteps[0];
    expect(known(first, 'roleToAssume')).toBe('arn:aws:iam::111122223333:role/ci');
    expect(known(first, 'awsRegion')).toBe('eu-north-1');
  });
});

describe('open-telemetry/opentelemetry-lambda: a tag release publishing to every region', () => {
  it('each matrix row of the calling job reaches the called job with its region; the role from secrets is unknown', async () => {
    const model = await fixtureModel('open-telemetry__opentelemetry-lambda', {
      only: ['.github/workflows/release-layer-python.yml'],
    });
    const publish = job(model, '.github/workflows/layer-publish.yml', 'publish_layer');
    expect(publish.instances).toHaveLength(34);
    expect(publish.instances.every((i) => i.trigger.tags?.[0] === 'layer-python/**')).toBe(true);
    const regions = publish.instances.map((i) => known(i.credentialSteps[0], 'awsRegion'));
    expect(regions).toContain('eu-west-1');
    expect(new Set(regions).size).toBe(34);
    expect(publish.instances[0]?.credentialSteps[0]?.credential).toMatchObject({
      settings: {
        roleToAssume: { kind: 'unknown', reason: 'secrets.OTEL_LAMBDA_LAYER_PUBLISH_ROLE_ARN' },
        roleDurationSeconds: { kind: 'known', value: '1200' },
      },
    });
    expect(job(model, '.github/workflows/release-layer-python.yml', 'publish-layer').calls).toMatchObject({
      uses: './.github/workflows/layer-publish.yml',
      file: '.github/workflows/layer-publish.yml',
    });
  });
});

describe('aws/karpenter-provider-aws: dispatch choices, two levels of reusable workflows, composite actions', () => {
  let model: Promise<WorkflowModel> | undefined;
  const read = () => {
    model ??= fixtureModel('aws__karpenter-provider-aws', {
      only: ['.github/workflows/e2e-matrix-trigger.yaml'],
      repository: 'aws/karpenter-provider-aws',
      vars: { CI_ACCOUNT_ID: '111122223333', CI_ROLE_NAME: 'karpenter-ci' },
    });
    return model;
  };

  it('enumerates each choice of the dispatch `region` input down to the called jobs', async () => {
    const suite = job(await read(), '.github/workflows/e2e.yaml', 'run-suite');
    const dispatched = suite.instances.filter((i) => i.trigger.event === 'workflow_dispatch');
    const regions = new Set(dispatched.map((i) => known(i.credentialSteps[0], 'awsRegion')));
    expect(regions.has('us-east-1') && regions.has('us-east-2')).toBe(true);
    const cleanup = new Set(dispatched.map((i) => i.inputs.cleanup));
    expect(cleanup).toEqual(new Set([true, false]));
    expect(dispatched[0]?.trigger.callers?.map((c) => c.jobId)).toEqual(['e2e-matrix', 'e2e']);
    expect(known(dispatched[0]?.credentialSteps[0], 'roleToAssume')).toBe(
      'arn:aws:iam::111122223333:role/karpenter-ci',
    );
  });

  it('expands a local composite action, keeping where each step came from; a step on failure is unknown', async () => {
    const suite = job(await read(), '.github/workflows/e2e.yaml', 'run-suite');
    const steps = suite.instances[0]?.credentialSteps ?? [];
    const fromAction = steps.find((s) => s.via.length > 0);
    expect(fromAction?.via[0]).toMatchObject({
      uses: './.github/actions/e2e/dump-logs',
      file: '.github/actions/e2e/dump-logs/action.yaml',
    });
    expect(fromAction?.position.file).toBe('.github/actions/e2e/dump-logs/action.yaml');
    expect(fromAction?.runs).toMatchObject({ kind: 'unknown', reason: 'failure()' });
  });
});

describe('ministryofjustice/modernisation-platform: Terraform through a reusable workflow', () => {
  it('reads the local reusable workflow and reports the remote one as not read', async () => {
    const model = await fixtureModel('ministryofjustice__modernisation-platform', {
      only: ['.github/workflows/core-vpc-development-deployment.yml'],
    });
    const apply = job(model, '.github/workflows/reusable_terraform_plan_apply.yml', 'plan-and-apply');
    expect(apply.deploy).toBe(true);
    expect(apply.instances.map((i) => i.inputs.environment)).toContain('development');
    expect(model.errors.map((e) => e.code)).toContain('unsupported');
    const step = apply.instances[0]?.credentialSteps[0];
    expect(step?.credential).toMatchObject({
      settings: { roleToAssume: { kind: 'unknown', reason: 'env.ACCOUNT_NUMBER' } },
    });
  });

  it('each deploy job of a workflow assumes its role at its own step, on every trigger', async () => {
    const model = await fixtureModel('ministryofjustice__modernisation-platform', {
      only: ['.github/workflows/new-environment.yml'],
    });
    const deploys = model.jobs.filter((j) => j.file === '.github/workflows/new-environment.yml' && j.deploy);
    expect(deploys.map((j) => j.instances[0]?.credentialSteps[0]?.position.line)).toEqual([
      82, 149, 190, 234, 289, 344, 398, 444, 600,
    ]);
    expect(
      deploys.every((j) => j.instances.map(triggerName).join() === 'push:main,pull_request:main,workflow_dispatch'),
    ).toBe(true);
  });
});

describe('aws-powertools/powertools-lambda-python: environments and regions correlated', () => {
  it('a reusable job called for beta and prod over 145 rows is too many by default', async () => {
    const model = await fixtureModel('aws-powertools__powertools-lambda-python', {
      only: ['.github/workflows/publish_v3_layer.yml'],
    });
    expect(job(model, '.github/workflows/reusable_deploy_v3_layer_stack.yml', 'deploy-cdk-stack').tooMany?.count).toBe(
      1160,
    );
  });

  it('with a higher limit, each instance keeps its environment and region together', async () => {
    const model = await fixtureModel('aws-powertools__powertools-lambda-python', {
      only: ['.github/workflows/publish_v3_layer.yml'],
      limits: { instancesPerJob: 2000 },
    });
    const deploy = job(model, '.github/workflows/reusable_deploy_v3_layer_stack.yml', 'deploy-cdk-stack');
    expect(deploy.instances).toHaveLength(1160);
    const pairs = new Set(
      deploy.instances.map((i) => {
        const env = i.environment?.name;
        return `${env?.kind === 'known' ? env.value : '?'} ${String(i.matrix.region)} ${String(known(i.credentialSteps[0], 'awsRegion'))}`;
      }),
    );
    expect(pairs.has('layer-prod eu-west-1 eu-west-1')).toBe(true);
    expect(pairs.has('layer-beta eu-west-1 eu-west-1')).toBe(true);
    expect([...pairs].every((p) => p.split(' ')[1] === p.split(' ')[2])).toBe(true);
  });
});
