/**
 * Findings alike, made once per instance of what they judge, are shown once. The findings are those `predict` makes
 * for aws-amplify/amplify-backend's .github/workflows/e2e_resource_cleanup.yml (a matrix of four regions and two
 * test accounts, each assuming `arn:aws:iam::${{ matrix.testAccount }}:role/e2e-resource-cleanup`): one session pass
 * per instance, the same words each time.
 */
import { describe, expect, it } from 'vitest';
import { renderCheckText } from '../../src/commands/check-text.js';
import type { Finding } from '../../src/model/finding.js';
import { buildReport } from '../../src/report/model.js';
import { renderSummary } from '../../src/report/summary.js';

const JOB = 'job `cleanup_e2e_resources` (.github/workflows/e2e_resource_cleanup.yml)';
const session = (account: string, region: string): Finding => ({
  id: `job:.github/workflows/e2e_resource_cleanup.yml:cleanup_e2e_resources:step-7:arn:aws:iam::${account}:role/e2e-resource-cleanup:${region}::session:e2e-resource-cleanup:ok`,
  subject: `${JOB}: session of role "e2e-resource-cleanup"`,
  decisionPoint: 'session',
  class: 'ok',
  status: 'pass',
  message: 'STS would accept the session: 1 hour (the role allows 1 hour), session name `GitHubActions`.',
  evidence: { durationSeconds: 3600, maxSessionDuration: 3600, sessionName: 'GitHubActions', roleChaining: false },
});
const instances = ['111122223333', '444455556666'].flatMap((account) =>
  ['us-west-2', 'us-east-1', 'ca-central-1', 'eu-central-1'].map((region) => session(account, region)),
);

describe('findings alike (class, status, subject, message, fix)', () => {
  const report = buildReport({ findings: instances, mode: 'enforce', version: '0.0.0', now: new Date(0) });

  it('are one finding that lists the ids of all of them, counted once in the report', () => {
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]?.instances).toEqual(instances.map((f) => f.id));
    expect(report.counts).toMatchObject({ checks: 1, passed: 1 });
  });

  it('are shown once, saying how many they stand for, in the text and the summary', () => {
    const text = renderCheckText(report, { color: false, config: 'predict' });
    expect(text.split('session of role').length - 1).toBe(1);
    expect(text).toContain('Stands for 8 findings alike');
    expect(renderSummary(report).split('session of role').length - 1).toBe(1);
    expect(renderSummary(report)).toContain('Stands for 8 findings alike');
  });

  it('stay apart when their words differ, and fold again without loss when the report is rebuilt', () => {
    const other = {
      ...session('444455556666', 'us-east-1'),
      id: 'x',
      message: 'STS would accept the session: 2 hours.',
    };
    const again = buildReport({
      findings: [...report.findings, other],
      mode: 'enforce',
      version: '0.0.0',
      now: new Date(0),
    });
    expect(again.findings).toHaveLength(2);
    expect(again.findings[0]?.instances).toHaveLength(8);
    expect(again.findings[1]?.instances).toBeUndefined();
  });

  it('stay apart when they stand at different places, whatever they say (two callers of an unread workflow)', () => {
    // ministryofjustice/modernisation-platform: three jobs, in three files, call the same unread remote workflow.
    const at = (file: string, line: number): Finding => ({
      ...session('111122223333', 'us-east-1'),
      id: `${file}:${line}`,
      location: { file, line, column: 11 },
    });
    const places = buildReport({
      findings: [at('.github/workflows/new-environment.yml', 43), at('.github/workflows/a.yml', 27)],
      mode: 'enforce',
      version: '0.0.0',
      now: new Date(0),
    });
    expect(places.findings).toHaveLength(2);
  });
});
