// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${...}` here is shell or a GitHub expression, not JS.
/**
 * The calls of a deploy job read through the model (src/workflows/steps.ts) as the prediction reads them
 * (src/pipeline/deploy-jobs.ts): the workflow's, job's and step's `env:` and the `${{ }}` of a script as the step's
 * shell sees them, a pushed image named through a script variable, GetParametersByPath's path, and third-party
 * actions given AWS names after the credentials step. The workflows are real ones (each names its source at its top,
 * __tests__/fixtures/workflows-calls/).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/sources/catalog.js';
import { type CallContext, inferStepCalls, inferStepsCalls, type StepCalls } from '../../src/workflows/calls/index.js';
import { readWorkflowModel, type WorkflowStep } from '../../src/workflows/index.js';
import { runStep } from '../fixtures/steps/run-step.js';

const catalog = await loadCatalog();
const W = '.github/workflows/deploy.yml';

function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/workflows-calls/${name}`, import.meta.url), 'utf8');
}

/** The calls of the steps after the first credentials step of the job's first instance that runs on push. */
async function jobCalls(text: string, context: CallContext, repository = 'o/r'): Promise<StepCalls> {
  const model = await readWorkflowModel({
    workflowPaths: [W],
    read: (p) => (p === W ? text : undefined),
    repository,
    defaultBranch: 'main',
  });
  const job = model.jobs.find((j) => j.instances.length > 0);
  const instance = job?.instances.find((i) => i.trigger.event === 'push' && i.runs.kind !== 'never');
  if (instance === undefined) throw new Error(`no instance: ${JSON.stringify(model.errors)}`);
  const from = instance.credentialSteps[0]?.index ?? 0;
  const steps: WorkflowStep[] = instance.steps.filter((s) => s.index > from && s.runs.kind !== 'never');
  return inferStepsCalls(steps, catalog, context);
}

// Its job runs only in the docker organization (`if: github.repository_owner == 'docker'`).
const DOCS = { region: 'us-east-1', account: '710015040892' };
const docs = (text: string) => jobCalls(text, DOCS, 'docker/docs');

const lines = (calls: StepCalls) => calls.permissions.map((p) => p.line);

describe("the workflow's, job's and step's env: reach the script", () => {
  it('as $X and as ${{ env.X }}, at every level (after aws/s2n-quic ci.yml)', async () => {
    const calls = await jobCalls(fixture('aws__s2n-quic-env.yml'), { region: 'us-west-2', account: '024603541914' });
    expect(lines(calls)).toEqual([
      's3:PutObject arn:aws:s3:::s2n-quic-ci-artifacts/x/a.txt',
      's3:PutObject arn:aws:s3:::s2n-quic-ci-artifacts/y/b.txt',
      's3:PutObject arn:aws:s3:::job-bucket/z/c.txt',
      's3:PutObject arn:aws:s3:::job-bucket/w/d.txt',
      's3:PutObject arn:aws:s3:::step-bucket/v/e.txt',
    ]);
    expect(calls.permissions.every((p) => p.unknown.length === 0)).toBe(true);
  });

  it("${{ env.X }} in a script, from the workflow's env: (docker/docs deploy.yml)", async () => {
    const calls = await docs(fixture('docker__docs-deploy-literal.yml'));
    expect(lines(calls)).toEqual(
      expect.arrayContaining([
        's3:ListBucket arn:aws:s3:::prod-docs-docs.docker.com',
        's3:PutObject arn:aws:s3:::prod-docs-docs.docker.com/*',
        's3:DeleteObject arn:aws:s3:::prod-docs-docs.docker.com/*',
        'cloudfront:CreateInvalidation arn:aws:cloudfront::710015040892:distribution/E228TTN20HNU8F',
      ]),
    );
    expect(calls.permissions.filter((p) => p.unknown.length > 0)).toEqual([]);
  });

  it('an expression not known before the run stays unknown in the script', async () => {
    const text = fixture('aws__s2n-quic-env.yml').replace(
      'aws s3 cp a.txt "s3://${{ env.WF_BUCKET }}/x/a.txt"',
      'aws s3 cp a.txt "s3://${{ secrets.BUCKET }}/x/a.txt"',
    );
    const calls = await jobCalls(text, { region: 'us-west-2', account: '024603541914' });
    expect(lines(calls)[0]).toBe('s3:PutObject arn:aws:s3:::*/x/a.txt');
    expect(calls.permissions[0]?.unknown).toEqual(['BucketName: ${{ secrets.BUCKET }}']);
  });
});

describe('a pushed image named through a script variable', () => {
  it('is followed to the ECR login registry (Arcadia-Science/data-hub deploy-lambda.yml)', async () => {
    const calls = await jobCalls(fixture('Arcadia-Science__data-hub-deploy-lambda.yml'), {
      region: 'us-west-1',
      account: '111122223333',
    });
    const repository = 'arn:aws:ecr:us-west-1:111122223333:repository/data-hub';
    expect(lines(calls)).toEqual([
      'ecr:GetAuthorizationToken *',
      `ecr:BatchCheckLayerAvailability ${repository}`,
      `ecr:InitiateLayerUpload ${repository}`,
      `ecr:UploadLayerPart ${repository}`,
      `ecr:CompleteLayerUpload ${repository}`,
      `ecr:PutImage ${repository}`,
    ]);
    expect(calls.notInferred).toEqual([]);
  });

  it('after an ECR login, an image whose registry cannot be read is asked about, never skipped', async () => {
    // The data-hub step with the image set by an earlier step (through GITHUB_ENV), as its later steps read it.
    const text = fixture('Arcadia-Science__data-hub-deploy-lambda.yml').replace(
      'docker push "${IMAGE_URI}"',
      'docker push "${PUSHED_IMAGE}"',
    );
    const calls = await jobCalls(text, { region: 'us-west-1', account: '111122223333' });
    expect(calls.notInferred).toEqual([
      expect.objectContaining({
        kind: 'unread-image',
        what: 'docker push ${PUSHED_IMAGE}',
        reason: expect.stringMatching(/\$\{PUSHED_IMAGE\}/),
      }),
    ]);
  });

  it('without an ECR login, the same push is not about AWS', () => {
    const calls = inferStepCalls(runStep('docker push "${PUSHED_IMAGE}"'), catalog, { region: 'us-west-1' });
    expect(calls).toEqual({ permissions: [], notInferred: [] });
  });
});

describe('GetParametersByPath', () => {
  it('is authorized on the path it names (the AWS CLI reference example, as in a deploy step)', () => {
    const calls = inferStepCalls(runStep('aws ssm get-parameters-by-path --path /prod/app --recursive'), catalog, {
      region: 'us-east-2',
      account: '111122223333',
    });
    expect(lines(calls)).toEqual(['ssm:GetParametersByPath arn:aws:ssm:us-east-2:111122223333:parameter/prod/app']);
  });
});

describe('a third-party action after the credentials step', () => {
  it('given AWS names in its env: is asked about; actions given none are not (docker/docs deploy.yml)', async () => {
    const calls = await docs(fixture('docker__docs-deploy-literal.yml'));
    expect(calls.notInferred).toEqual([
      expect.objectContaining({
        kind: 'unknown-action',
        what: 'docker/bake-action@v6',
        reason: expect.stringContaining('env: AWS_REGION, env: AWS_S3_BUCKET, env: AWS_S3_CONFIG'),
      }),
      expect.objectContaining({
        kind: 'unknown-action',
        what: 'docker/bake-action@v6',
        reason: expect.stringContaining('env: AWS_CLOUDFRONT_ID, env: AWS_LAMBDA_FUNCTION'),
      }),
    ]);
  });

  it('well-known actions that make no AWS call are not asked about', async () => {
    // docker/docs runs checkout, setup-buildx and a bake of the site before its credentials step; after it here.
    const text = fixture('docker__docs-deploy-literal.yml');
    const at = text.indexOf('      -\n        name: Checkout');
    const end = text.indexOf('      -\n        name: Configure AWS Credentials');
    const credentials = text.indexOf('      -\n        name: Upload files to S3 bucket');
    const moved = text.slice(0, at) + text.slice(end, credentials) + text.slice(at, end) + text.slice(credentials);
    const calls = await docs(moved);
    expect(calls.notInferred.map((n) => n.what)).toEqual(['docker/bake-action@v6', 'docker/bake-action@v6']);
  });
});
