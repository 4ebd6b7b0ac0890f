/**
 * Which record a run compares with (src/pipeline/drift.ts): only one made by a passing run of its own repository,
 * workflow, job, environment and branch, and never a pull request's record for a run of another event.
 */
import { describe, expect, it } from 'vitest';
import type { BaselineRecord } from '../../src/drift/record.js';
import { notThisRunsRecord, runBranch } from '../../src/pipeline/drift.js';

const MAIN_PUSH = {
  repository: 'acme/site',
  workflow: 'deploy.yml',
  job: 'check',
  environment: 'production',
  event: 'push',
  branch: 'main',
};
const made = (scope: Partial<typeof MAIN_PUSH>, result: 'pass' | 'fail' = 'pass'): BaselineRecord => ({
  version: 1,
  kind: 'permission-preflight-baseline',
  tool: { name: 'permission-preflight', version: '0.1.0' },
  recordedAt: '2026-12-01T00:00:00Z',
  result,
  scope: { ...MAIN_PUSH, ...scope },
  roles: [],
  policies: [],
  permissions: [],
  credentials: [],
});

describe('the record a run compares with', () => {
  it("takes main's push record for a push to main", () => {
    expect(notThisRunsRecord(made({}), MAIN_PUSH)).toBeUndefined();
  });

  it("refuses a pull request's record, another repository, workflow, job, environment or branch, and a failed run's", () => {
    expect(notThisRunsRecord(made({ event: 'pull_request' }), MAIN_PUSH)).toBe(
      'it was made by a pull_request run, and this run is a push run',
    );
    expect(notThisRunsRecord(made({ repository: 'fork/site' }), MAIN_PUSH)).toBe(
      'it was made for repository fork/site (this run: acme/site)',
    );
    expect(notThisRunsRecord(made({ job: 'build', environment: 'staging' }), MAIN_PUSH)).toBe(
      'it was made for job build (this run: check), environment staging (this run: production)',
    );
    expect(notThisRunsRecord(made({ branch: 'feature' }), MAIN_PUSH)).toContain('branch feature (this run: main)');
    expect(notThisRunsRecord(made({}, 'fail'), MAIN_PUSH)).toBe('it was made by a run whose result is fail, not pass');
  });

  it("reads a pull request's branch from its head, another run's from its ref", () => {
    expect(
      runBranch({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_HEAD_REF: 'feature', GITHUB_REF_NAME: '7/merge' }),
    ).toBe('feature');
    expect(runBranch({ GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main' })).toBe('main');
  });
});
