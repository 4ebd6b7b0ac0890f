/**
 * Declared and inferred lines merged for the report (src/workflows/calls/merge.ts), and a job's steps inferred
 * together, over GitHub's ECS starter workflow (__tests__/fixtures/steps/public-scripts.ts).
 */
import { describe, expect, it } from 'vitest';
import type { RequiredPermission } from '../../src/model/aws.js';
import { loadCatalog } from '../../src/sources/catalog.js';
import { DEFAULT_CALL_LIMITS, inferStepsCalls, mergeWithDeclared } from '../../src/workflows/calls/index.js';
import { STARTER_ECS } from '../fixtures/steps/public-scripts.js';
import { runStep } from '../fixtures/steps/run-step.js';

const catalog = await loadCatalog();
const context = { region: 'us-east-2', account: '111122223333', env: STARTER_ECS.env };
const steps = Object.values(STARTER_ECS.steps);
const declared = (action: string, resource: string, line: number): RequiredPermission => ({
  action,
  resource,
  context: {},
  origin: `.github/preflight.yml, line ${line}`,
});

describe('inferStepsCalls', () => {
  it("infers the starter workflow's job step by step, in order", () => {
    const calls = inferStepsCalls(steps, catalog, context);
    expect(calls.permissions.map((p) => p.action)).toEqual([
      'ecr:GetAuthorizationToken',
      'ecr:BatchCheckLayerAvailability',
      'ecr:InitiateLayerUpload',
      'ecr:UploadLayerPart',
      'ecr:CompleteLayerUpload',
      'ecr:PutImage',
      'ecs:RegisterTaskDefinition',
      'iam:PassRole',
      'ecs:DescribeServices',
      'ecs:UpdateService',
    ]);
    // Without the workspace's files the task definition is not read (src/workflows/calls/task-definition.ts): its
    // tags are the one part left unknown, asked for by name.
    expect(calls.notInferred.map((n) => [n.what, n.reason.includes('ecs:TagResource')])).toEqual([
      ['aws-actions/amazon-ecs-deploy-task-definition@v1', true],
    ]);
  });

  it('keeps one bound on results for all the steps', () => {
    const limits = { ...DEFAULT_CALL_LIMITS, results: 3 };
    const calls = inferStepsCalls(
      [runStep('aws s3 sync . s3://a'), runStep('aws s3 sync . s3://b')],
      catalog,
      {},
      limits,
    );
    expect(calls.permissions.map((p) => p.line)).toEqual([
      's3:ListBucket arn:aws:s3:::a',
      's3:PutObject arn:aws:s3:::a/*',
      's3:ListBucket arn:aws:s3:::b',
    ]);
  });
});

describe('mergeWithDeclared', () => {
  const inferred = inferStepsCalls(steps, catalog, context).permissions;

  it('a declared line covering inferred ones names them; the rest are added, marked inferred', () => {
    const merged = mergeWithDeclared(
      [
        declared('ECR:PutImage', 'arn:aws:ecr:us-east-2:111122223333:repository/*', 3),
        declared('ecr:GetAuthorizationToken', '*', 4),
      ],
      inferred,
    );
    expect(merged.map((m) => [m.source, m.permission.action])).toEqual([
      ['declared', 'ECR:PutImage'],
      ['declared', 'ecr:GetAuthorizationToken'],
      ['inferred', 'ecr:BatchCheckLayerAvailability'],
      ['inferred', 'ecr:InitiateLayerUpload'],
      ['inferred', 'ecr:UploadLayerPart'],
      ['inferred', 'ecr:CompleteLayerUpload'],
      ['inferred', 'ecs:RegisterTaskDefinition'],
      ['inferred', 'iam:PassRole'],
      ['inferred', 'ecs:DescribeServices'],
      ['inferred', 'ecs:UpdateService'],
    ]);
    const [first] = merged;
    expect(first?.source === 'declared' && first.covers.map((c) => c.position.line)).toEqual([79]);
    expect(merged[2]?.permission.origin).toBe('inferred from .github/workflows/aws.yml:79 (docker push)');
  });

  it('a narrower declared resource does not cover a broader inferred one', () => {
    const merged = mergeWithDeclared([declared('iam:PassRole', 'arn:aws:iam::111122223333:role/task', 5)], inferred);
    expect(merged.filter((m) => m.source === 'inferred').map((m) => m.permission.action)).toContain('iam:PassRole');
  });

  it('the same line inferred in two places is one line with both places', () => {
    const twice = inferStepsCalls([runStep('aws s3 ls s3://a\naws s3 ls s3://a')], catalog, {}).permissions;
    const merged = mergeWithDeclared([], twice);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.source === 'inferred' && merged[0].from.map((f) => f.position.line)).toEqual([20, 21]);
  });
});
