/**
 * runPreflight resolves each role's permission set once the tokens are checked: the environment finding is in the
 * findings, the log says which environment was used, and the AWS checks get the resolved permissions.
 */
import { describe, expect, it } from 'vitest';
import type { RoleConfig } from '../../src/config/model.js';
import { runPreflight } from '../../src/pipeline/run.js';
import { assumeRoleSettings } from '../fixtures/aws-settings.js';

const ROLE: RoleConfig = {
  settings: assumeRoleSettings('arn:aws:iam::111122223333:role/site-deploy'),
  permissions: [{ action: 's3:PutObject', resource: 'arn:aws:s3:::site/*', context: {}, origin: 'test, line 1' }],
  environments: {
    production: [
      {
        action: 'cloudfront:CreateInvalidation',
        resource: 'arn:aws:cloudfront::111122223333:distribution/E1',
        context: {},
        origin: 'test, line 2',
      },
    ],
  },
  sources: { policyFiles: [], liveReads: false, probe: false, crossCheck: false },
};

describe('runPreflight with per-environment permissions', () => {
  it('uses the environment input when there is no GitHub token, and says so', async () => {
    const log: string[] = [];
    const findings = await runPreflight(
      { mode: 'enforce', tokens: [], roles: [ROLE], environment: 'production' },
      {
        env: {},
        mask: () => undefined,
        log: (line) => log.push(line),
        group: (_name, fn) => fn(),
        now: () => 1_800_000_000,
      },
    );
    expect(findings.find((f) => f.id === 'config:environment')).toMatchObject({
      status: 'pass',
      evidence: { environment: 'production', source: 'input' },
    });
    expect(log).toContain('environment production (input)');
    // The AWS checks ran (they cannot verify without a policy source, which fails closed).
    expect(findings.some((f) => f.status !== 'pass' && f.id !== 'config:environment')).toBe(true);
  });

  it('fails closed when the environment cannot be known', async () => {
    const findings = await runPreflight(
      { mode: 'enforce', tokens: [], roles: [ROLE] },
      { env: {}, mask: () => undefined, log: () => undefined, group: (_name, fn) => fn(), now: () => 1_800_000_000 },
    );
    expect(findings.find((f) => f.id === 'config:environment:unknown')).toMatchObject({ status: 'unverified' });
  });
});
