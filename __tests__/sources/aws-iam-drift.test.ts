/**
 * The comparison of the files' role with IAM's: what counts as a difference (a statement), and what does not (key
 * order, the order of a list of actions, a one-element list against its value).
 */
import { describe, expect, it } from 'vitest';
import type { RoleModel } from '../../src/model/aws.js';
import { documentDiff, roleDrift } from '../../src/sources/aws-iam-drift.js';

const S3 = { Effect: 'Allow', Action: ['s3:PutObject', 's3:GetObject'], Resource: 'arn:aws:s3:::site/*' };

describe('documentDiff', () => {
  it('sees no difference in key order, list order or a one-element list', () => {
    const file = {
      Version: '2012-10-17',
      Statement: [S3, { Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: '*' }],
    };
    const live = {
      Statement: [
        { Resource: '*', Action: 'sqs:SendMessage', Effect: 'Allow' },
        { Resource: 'arn:aws:s3:::site/*', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'] },
      ],
      Version: '2012-10-17',
    };
    expect(documentDiff(file, live)).toEqual({ onlyLive: [], onlyFiles: [] });
  });

  it('names the statements only one side holds, as canonical JSON', () => {
    const deny = { Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*' };
    const { onlyLive, onlyFiles } = documentDiff(
      { Version: '2012-10-17', Statement: S3 },
      { Version: '2012-10-17', Statement: [deny] },
    );
    expect(onlyLive).toEqual(['{"Action":"s3:DeleteObject","Effect":"Deny","Resource":"*"}']);
    expect(onlyFiles).toEqual([
      '{"Action":["s3:GetObject","s3:PutObject"],"Effect":"Allow","Resource":"arn:aws:s3:::site/*"}',
    ]);
  });
});

describe('roleDrift', () => {
  const doc = (sid: string) => ({ Version: '2012-10-17', Statement: [{ Sid: sid, ...S3 }] });
  const ROLE: RoleModel = {
    arn: 'arn:aws:iam::111122223333:role/deploy',
    name: 'deploy',
    accountId: '111122223333',
    maxSessionDuration: 3600,
    trustPolicy: { name: 'deploy/trust', document: doc('Trust') },
    inlinePolicies: [],
    managedPolicies: [],
    permissionsBoundary: {
      name: 'old',
      arn: 'arn:aws:iam::111122223333:policy/old',
      document: doc('Old'),
      file: 'iam/export.json',
      line: 12,
    },
  };

  it('reports a boundary replaced in IAM as the one removed and the one set, each at its layer', () => {
    const live = {
      ...ROLE,
      permissionsBoundary: { name: 'new', arn: 'arn:aws:iam::111122223333:policy/new', document: doc('New') },
    };
    const findings = roleDrift(ROLE, live);
    expect(findings.map((f) => [f.decisionPoint, f.class, f.evidence.policy, f.location?.file])).toEqual([
      ['permissions-boundary', 'stale-export', 'old', 'iam/export.json'],
      ['permissions-boundary', 'stale-export', 'new', undefined],
    ]);
    expect(new Set(findings.map((f) => f.id)).size).toBe(2);
  });

  it('leaves MaxSessionDuration alone when no file gave it', () => {
    expect(roleDrift(ROLE, { ...ROLE, maxSessionDuration: 7200 }, { maxSessionAssumed: true })).toEqual([]);
    expect(roleDrift(ROLE, { ...ROLE, maxSessionDuration: 7200 })).toHaveLength(1);
  });
});
